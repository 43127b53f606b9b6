// The signed-in user for everything inside the auth guard. Pages read it from here rather than
// from the `me` query, so the moment a session ends (me becomes null) no page renders without a
// user: the guard swaps them out for the redirect to sign-in.
import type { Me } from '@dutyboard/contracts/auth';
import { createContext, type ReactNode, use } from 'react';

const CurrentUserContext = createContext<Me | null>(null);

export function CurrentUserProvider({ user, children }: { user: Me; children: ReactNode }) {
  return <CurrentUserContext value={user}>{children}</CurrentUserContext>;
}

export function useCurrentUser(): Me {
  const user = use(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser used outside the signed-in layout');
  return user;
}
