import { lazy, Suspense } from 'react';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { CrashMessage } from '../components/error-boundary.tsx';

// The not-found page (antd Result and its illustration) loads only when needed; the crash
// message stays in the entry so it shows even when no chunk can load.
const NotFoundPage = lazy(async () => ({ default: (await import('../components/status-page.tsx')).NotFoundPage }));

/** The router's error element: a thrown render or lazy-load error becomes a readable page. */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <Suspense fallback={null}>
        <NotFoundPage />
      </Suspense>
    );
  }
  console.error(error);
  return <CrashMessage error={error} />;
}
