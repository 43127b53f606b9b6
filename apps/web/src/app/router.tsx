// Every page is its own chunk, loaded when first visited, so the first paint waits for neither
// charts nor forms.
import { createBrowserRouter, type RouteObject } from 'react-router';
import { PageLoading } from '../components/page-loading.tsx';
import { NotFoundPage } from '../components/status-page.tsx';
import { AppLayout } from './layout.tsx';
import { RequireAuth } from './require-auth.tsx';
import { RoleHomeRedirect } from './role-home.tsx';
import { RouteError } from './route-error.tsx';

const routes: RouteObject[] = [
  {
    HydrateFallback: PageLoading,
    errorElement: <RouteError />,
    children: [
      {
        path: '/login',
        lazy: async () => ({ Component: (await import('../features/auth/routes/login.tsx')).LoginRoute }),
      },
      {
        path: '/',
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        children: [
          {
            // Errors inside a page keep the header and navigation around them.
            errorElement: <RouteError />,
            children: [
              { index: true, element: <RoleHomeRedirect /> },
              {
                path: 'dashboard',
                lazy: async () => ({
                  Component: (await import('../features/dashboard/routes/dashboard.tsx')).DashboardRoute,
                }),
              },
              {
                path: 'activities',
                lazy: async () => ({
                  Component: (await import('../features/activities/routes/activities-list.tsx')).ActivitiesListRoute,
                }),
              },
              {
                path: 'activities/new',
                lazy: async () => ({
                  Component: (await import('../features/activities/routes/activity-new.tsx')).ActivityNewRoute,
                }),
              },
              {
                path: 'activities/:id',
                lazy: async () => ({
                  Component: (await import('../features/activities/routes/activity-detail.tsx')).ActivityDetailRoute,
                }),
              },
              {
                path: 'activities/:id/edit',
                lazy: async () => ({
                  Component: (await import('../features/activities/routes/activity-edit.tsx')).ActivityEditRoute,
                }),
              },
              {
                path: 'branches',
                lazy: async () => ({
                  Component: (await import('../features/branches/routes/branches.tsx')).BranchesRoute,
                }),
              },
              {
                path: 'admin/users',
                lazy: async () => ({
                  Component: (await import('../features/admin-users/routes/admin-users.tsx')).AdminUsersRoute,
                }),
              },
              {
                path: 'admin/orgs',
                lazy: async () => ({
                  Component: (await import('../features/admin-orgs/routes/admin-orgs.tsx')).AdminOrgsRoute,
                }),
              },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
