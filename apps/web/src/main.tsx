import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import './app/app.css';
import { AppProvider } from './app/provider.tsx';
import { createAppRouter } from './app/router.tsx';
import { meQueryOptions } from './lib/auth.ts';
import { loadStoredLang } from './lib/i18n-provider.tsx';
import { createQueryClient } from './lib/query-client.ts';

const queryClient = createQueryClient();
// Who is signed in decides what renders at all: ask now, while the page's code still loads.
void queryClient.prefetchQuery(meQueryOptions());
const router = createAppRouter(queryClient);

// The first render as a transition: React then yields to the browser every few milliseconds
// instead of building the whole page in one long task, which on a slow phone blocked input
// (Lighthouse's total blocking time) for as long as the render took.
const root = createRoot(document.getElementById('root') as HTMLElement);
const render = () =>
  startTransition(() => {
    root.render(
      <StrictMode>
        <AppProvider queryClient={queryClient}>
          <RouterProvider router={router} />
        </AppProvider>
      </StrictMode>,
    );
  });
// English is its own chunk: an English visit paints once it is in (a failed load paints Chinese).
loadStoredLang().then(render, render);
