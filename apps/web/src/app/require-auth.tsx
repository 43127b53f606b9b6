import { lazy, type ReactNode, Suspense } from 'react';
import { Navigate, useLocation } from 'react-router';
import { PageLoading } from '../components/page-loading.tsx';
import { useMe } from '../lib/auth.ts';
import { CurrentUserProvider } from '../lib/current-user.tsx';
import { loginHref } from '../lib/links.ts';

// Loaded only when GET /api/auth/session fails: antd's Result (with its status illustrations) would
// otherwise be in the signed-in frame's code that every first paint waits for.
const ErrorState = lazy(async () => ({ default: (await import('../components/error-state.tsx')).ErrorState }));

/** Renders its children for a signed-in user; anyone else goes to sign in, then comes back. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) {
    return (
      <div style={{ maxWidth: 960, margin: '48px auto', padding: 16 }}>
        <PageLoading />
      </div>
    );
  }
  if (me.isError) {
    return (
      <Suspense fallback={<PageLoading />}>
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      </Suspense>
    );
  }
  if (!me.data) {
    return <Navigate to={loginHref(location.pathname + location.search)} replace />;
  }
  return <CurrentUserProvider user={me.data}>{children}</CurrentUserProvider>;
}
