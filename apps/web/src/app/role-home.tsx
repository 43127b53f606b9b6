import { Navigate } from 'react-router';
import { roleHome } from '../lib/auth.ts';
import { useCurrentUser } from '../lib/current-user.tsx';

/** "/" sends each role to its own starting page. */
export function RoleHomeRedirect() {
  const me = useCurrentUser();
  return <Navigate to={roleHome(me.role)} replace />;
}
