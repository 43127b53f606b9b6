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
                path: 'study-sessions',
                lazy: async () => ({
                  Component: (await import('../features/study-sessions/routes/study-sessions-list.tsx'))
                    .StudySessionsListRoute,
                }),
              },
              {
                path: 'study-sessions/new',
                lazy: async () => ({
                  Component: (await import('../features/study-sessions/routes/study-session-new.tsx'))
                    .StudySessionNewRoute,
                }),
              },
              {
                path: 'study-sessions/:id',
                lazy: async () => ({
                  Component: (await import('../features/study-sessions/routes/study-session-detail.tsx'))
                    .StudySessionDetailRoute,
                }),
              },
              {
                path: 'study-sessions/:id/edit',
                lazy: async () => ({
                  Component: (await import('../features/study-sessions/routes/study-session-edit.tsx'))
                    .StudySessionEditRoute,
                }),
              },
              {
                path: 'publicity',
                lazy: async () => ({
                  Component: (await import('../features/publicity/routes/publicity-list.tsx')).PublicityListRoute,
                }),
              },
              {
                path: 'publicity/new',
                lazy: async () => ({
                  Component: (await import('../features/publicity/routes/publicity-new.tsx')).PublicityNewRoute,
                }),
              },
              {
                path: 'publicity/:id',
                lazy: async () => ({
                  Component: (await import('../features/publicity/routes/publicity-detail.tsx')).PublicityDetailRoute,
                }),
              },
              {
                path: 'publicity/:id/edit',
                lazy: async () => ({
                  Component: (await import('../features/publicity/routes/publicity-edit.tsx')).PublicityEditRoute,
                }),
              },
              {
                path: 'risk-points',
                lazy: async () => ({
                  Component: (await import('../features/risk-points/routes/risk-points-list.tsx')).RiskPointsListRoute,
                }),
              },
              {
                path: 'risk-points/checks',
                lazy: async () => ({
                  Component: (await import('../features/risk-points/routes/risk-point-checks-list.tsx'))
                    .RiskPointChecksListRoute,
                }),
              },
              {
                path: 'risk-points/new',
                lazy: async () => ({
                  Component: (await import('../features/risk-points/routes/risk-point-new.tsx')).RiskPointNewRoute,
                }),
              },
              {
                path: 'risk-points/:id',
                lazy: async () => ({
                  Component: (await import('../features/risk-points/routes/risk-point-detail.tsx'))
                    .RiskPointDetailRoute,
                }),
              },
              {
                path: 'risk-points/:id/edit',
                lazy: async () => ({
                  Component: (await import('../features/risk-points/routes/risk-point-edit.tsx')).RiskPointEditRoute,
                }),
              },
              {
                path: 'risk-alerts',
                lazy: async () => ({
                  Component: (await import('../features/risk-alerts/routes/risk-alerts-list.tsx')).RiskAlertsListRoute,
                }),
              },
              {
                path: 'risk-alerts/new',
                lazy: async () => ({
                  Component: (await import('../features/risk-alerts/routes/risk-alert-new.tsx')).RiskAlertNewRoute,
                }),
              },
              {
                path: 'risk-alerts/:id',
                lazy: async () => ({
                  Component: (await import('../features/risk-alerts/routes/risk-alert-detail.tsx'))
                    .RiskAlertDetailRoute,
                }),
              },
              {
                path: 'risk-alerts/:id/edit',
                lazy: async () => ({
                  Component: (await import('../features/risk-alerts/routes/risk-alert-edit.tsx')).RiskAlertEditRoute,
                }),
              },
              {
                path: 'rectifications',
                lazy: async () => ({
                  Component: (await import('../features/rectifications/routes/rectifications-list.tsx'))
                    .RectificationsListRoute,
                }),
              },
              {
                path: 'rectifications/new',
                lazy: async () => ({
                  Component: (await import('../features/rectifications/routes/rectification-new.tsx'))
                    .RectificationNewRoute,
                }),
              },
              {
                path: 'rectifications/:id',
                lazy: async () => ({
                  Component: (await import('../features/rectifications/routes/rectification-detail.tsx'))
                    .RectificationDetailRoute,
                }),
              },
              {
                path: 'rectifications/:id/edit',
                lazy: async () => ({
                  Component: (await import('../features/rectifications/routes/rectification-edit.tsx'))
                    .RectificationEditRoute,
                }),
              },
              {
                path: 'assignments',
                lazy: async () => ({
                  Component: (await import('../features/assignments/routes/assignments-list.tsx')).AssignmentsListRoute,
                }),
              },
              {
                path: 'assignments/:id',
                lazy: async () => ({
                  Component: (await import('../features/assignments/routes/assignment-detail.tsx'))
                    .AssignmentDetailRoute,
                }),
              },
              {
                path: 'targets',
                lazy: async () => ({
                  Component: (await import('../features/targets/routes/targets.tsx')).TargetsRoute,
                }),
              },
              {
                path: 'evidence-packs',
                lazy: async () => ({
                  Component: (await import('../features/evidence-packs/routes/evidence-packs.tsx')).EvidencePacksRoute,
                }),
              },
              {
                path: 'reports/summary',
                lazy: async () => ({
                  Component: (await import('../features/reports/routes/summary.tsx')).SummaryRoute,
                }),
              },
              {
                path: 'imports',
                lazy: async () => ({
                  Component: (await import('../features/imports/routes/imports.tsx')).ImportsRoute,
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
              {
                path: 'audit',
                lazy: async () => ({
                  Component: (await import('../features/audit/routes/audit.tsx')).AuditRoute,
                }),
              },
              {
                path: 'account/sessions',
                lazy: async () => ({
                  Component: (await import('../features/auth/routes/sessions.tsx')).SessionsRoute,
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
