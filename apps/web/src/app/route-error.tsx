import { isRouteErrorResponse, useRouteError } from 'react-router';
import { CrashMessage } from '../components/error-boundary.tsx';
import { NotFoundPage } from '../components/status-page.tsx';

/** The router's error element: a thrown render or lazy-load error becomes a readable page. */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  console.error(error);
  return <CrashMessage error={error} />;
}
