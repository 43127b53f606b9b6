import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import './app/app.css';
import { AppProvider } from './app/provider.tsx';
import { createAppRouter } from './app/router.tsx';
import { meQueryOptions } from './lib/auth.ts';
import { createQueryClient } from './lib/query-client.ts';

const queryClient = createQueryClient();
// Who is signed in decides what renders at all: ask now, while the page's code still loads.
void queryClient.prefetchQuery(meQueryOptions());
const router = createAppRouter(queryClient);

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>
  </StrictMode>,
);
