// Every page is its own chunk, loaded when first visited, so the first paint waits for neither
// charts nor forms; the signed-in frame (auth guard, header, navigation) is one too, which the
// sign-in page never loads. Each route's loader starts its code (and, for the dashboard, its
// reads) the moment the URL matches, all at once beside GET /api/auth/session; the frame paints as soon
// as its own code is in, with a skeleton where the page's code still loads.
// Not the router's `lazy`: it resolves every `lazy` of a URL before it runs a loader or paints
// anything, so the page's code waited for the frame's and the header for the page's. Not
// React.lazy either: React holds back a retry that would reveal a new Suspense fallback, so the
// header still appeared only with the page. A page is a component that shows the skeleton until
// its code is in.
import type { QueryClient } from '@tanstack/react-query';
import { type ComponentType, useEffect, useState } from 'react';
import { createBrowserRouter, type LoaderFunctionArgs, matchRoutes, type RouteObject } from 'react-router';
import { PageLoading } from '../components/page-loading.tsx';
import { prefetchDashboard as startDashboardReads } from '../features/dashboard/prefetch.ts';
import { meQueryOptions, roleHome } from '../lib/auth.ts';
import { RoleHomeRedirect } from './role-home.tsx';
import { RouteError } from './route-error.tsx';

/** The app's query cache, for loaders that start a page's reads while its code still loads. */
let prefetchClient: QueryClient | undefined;

/** A route whose component is loaded once, started by its loader, with a skeleton meanwhile. */
function page(
  load: () => Promise<ComponentType>,
  prefetch?: (args: LoaderFunctionArgs) => void,
): Pick<RouteObject, 'Component' | 'loader'> {
  let code: Promise<ComponentType> | undefined;
  let loaded: ComponentType | undefined;
  const start = () => {
    code ??= load().then((component) => {
      loaded = component;
      return component;
    });
    return code;
  };
  function LazyPage() {
    const [Page, setPage] = useState<ComponentType | undefined>(() => loaded);
    const [failure, setFailure] = useState<{ error: unknown }>();
    useEffect(() => {
      if (!Page)
        start().then(
          (component) => setPage(() => component),
          (error: unknown) => setFailure({ error }),
        );
    }, [Page]);
    // A chunk that failed to load (an old tab after a deploy) goes to the route's error element.
    if (failure) throw failure.error;
    return Page ? <Page /> : <PageLoading />;
  }
  return {
    loader: (args) => {
      // A failed load is reported where the page renders.
      start().catch(() => undefined);
      prefetch?.(args);
      return null;
    },
    Component: LazyPage,
  };
}

/** The dashboard's reads start with its code instead of after it (the figures are what leaders
 * open it for). */
function prefetchDashboard({ request }: LoaderFunctionArgs) {
  if (prefetchClient) startDashboardReads(prefetchClient, new URL(request.url).searchParams);
}

/** "/" redirects to the role's home once the session probe answers: that page's code and reads
 * start with the answer, through the home route's own loaders, not after the redirect rendered
 * (a phone opening the app's address waited for the page's code only then). */
function prefetchRoleHome({ request }: LoaderFunctionArgs) {
  const client = prefetchClient;
  if (!client) return;
  client
    .fetchQuery(meQueryOptions())
    .then((me) => {
      if (!me) return;
      const url = new URL(roleHome(me.role), request.url);
      for (const match of matchRoutes(routes, url.pathname) ?? []) {
        const loader = match.route.loader;
        if (typeof loader !== 'function' || match.route.index) continue;
        const args = { request: new Request(url), params: match.params, context: undefined };
        void Promise.resolve(loader(args as LoaderFunctionArgs)).catch(() => undefined);
      }
    })
    .catch(() => undefined);
}

/** The home's gaps are the dashboard's default figures (current half year, the user's org). */
function prefetchHome() {
  if (prefetchClient) startDashboardReads(prefetchClient, new URLSearchParams());
}

const routes: RouteObject[] = [
  {
    HydrateFallback: PageLoading,
    errorElement: <RouteError />,
    children: [
      {
        path: '/login',
        ...page(async () => (await import('../features/auth/routes/login.tsx')).LoginRoute),
      },
      {
        path: '/',
        ...page(async () => (await import('./layout.tsx')).SignedInLayout),
        children: [
          {
            // Errors inside a page keep the header and navigation around them.
            errorElement: <RouteError />,
            children: [
              {
                index: true,
                element: <RoleHomeRedirect />,
                loader: (args) => {
                  prefetchRoleHome(args);
                  return null;
                },
              },
              {
                // A secretary's home: her gaps come from the dashboard's default answer.
                path: 'home',
                ...page(async () => (await import('../features/home/routes/home.tsx')).HomeRoute, prefetchHome),
              },
              {
                path: 'dashboard',
                ...page(
                  async () => (await import('../features/dashboard/routes/dashboard.tsx')).DashboardRoute,
                  prefetchDashboard,
                ),
              },
              {
                path: 'activities',
                ...page(
                  async () => (await import('../features/activities/routes/activities-list.tsx')).ActivitiesListRoute,
                ),
              },
              {
                path: 'activities/new',
                ...page(async () => (await import('../features/activities/routes/activity-new.tsx')).ActivityNewRoute),
              },
              {
                path: 'activities/:id',
                ...page(
                  async () => (await import('../features/activities/routes/activity-detail.tsx')).ActivityDetailRoute,
                ),
              },
              {
                path: 'activities/:id/edit',
                ...page(
                  async () => (await import('../features/activities/routes/activity-edit.tsx')).ActivityEditRoute,
                ),
              },
              {
                path: 'study-sessions',
                ...page(
                  async () =>
                    (await import('../features/study-sessions/routes/study-sessions-list.tsx')).StudySessionsListRoute,
                ),
              },
              {
                path: 'study-sessions/new',
                ...page(
                  async () =>
                    (await import('../features/study-sessions/routes/study-session-new.tsx')).StudySessionNewRoute,
                ),
              },
              {
                path: 'study-sessions/:id',
                ...page(
                  async () =>
                    (await import('../features/study-sessions/routes/study-session-detail.tsx'))
                      .StudySessionDetailRoute,
                ),
              },
              {
                path: 'study-sessions/:id/edit',
                ...page(
                  async () =>
                    (await import('../features/study-sessions/routes/study-session-edit.tsx')).StudySessionEditRoute,
                ),
              },
              {
                path: 'publicity',
                ...page(
                  async () => (await import('../features/publicity/routes/publicity-list.tsx')).PublicityListRoute,
                ),
              },
              {
                path: 'publicity/new',
                ...page(async () => (await import('../features/publicity/routes/publicity-new.tsx')).PublicityNewRoute),
              },
              {
                path: 'publicity/:id',
                ...page(
                  async () => (await import('../features/publicity/routes/publicity-detail.tsx')).PublicityDetailRoute,
                ),
              },
              {
                path: 'publicity/:id/edit',
                ...page(
                  async () => (await import('../features/publicity/routes/publicity-edit.tsx')).PublicityEditRoute,
                ),
              },
              {
                path: 'risk-points',
                ...page(
                  async () => (await import('../features/risk-points/routes/risk-points-list.tsx')).RiskPointsListRoute,
                ),
              },
              {
                path: 'risk-points/checks',
                ...page(
                  async () =>
                    (await import('../features/risk-points/routes/risk-point-checks-list.tsx'))
                      .RiskPointChecksListRoute,
                ),
              },
              {
                path: 'risk-points/new',
                ...page(
                  async () => (await import('../features/risk-points/routes/risk-point-new.tsx')).RiskPointNewRoute,
                ),
              },
              {
                path: 'risk-points/:id',
                ...page(
                  async () =>
                    (await import('../features/risk-points/routes/risk-point-detail.tsx')).RiskPointDetailRoute,
                ),
              },
              {
                path: 'risk-points/:id/edit',
                ...page(
                  async () => (await import('../features/risk-points/routes/risk-point-edit.tsx')).RiskPointEditRoute,
                ),
              },
              {
                path: 'risk-alerts',
                ...page(
                  async () => (await import('../features/risk-alerts/routes/risk-alerts-list.tsx')).RiskAlertsListRoute,
                ),
              },
              {
                path: 'risk-alerts/new',
                ...page(
                  async () => (await import('../features/risk-alerts/routes/risk-alert-new.tsx')).RiskAlertNewRoute,
                ),
              },
              {
                path: 'risk-alerts/:id',
                ...page(
                  async () =>
                    (await import('../features/risk-alerts/routes/risk-alert-detail.tsx')).RiskAlertDetailRoute,
                ),
              },
              {
                path: 'risk-alerts/:id/edit',
                ...page(
                  async () => (await import('../features/risk-alerts/routes/risk-alert-edit.tsx')).RiskAlertEditRoute,
                ),
              },
              {
                path: 'rectifications',
                ...page(
                  async () =>
                    (await import('../features/rectifications/routes/rectifications-list.tsx')).RectificationsListRoute,
                ),
              },
              {
                path: 'rectifications/new',
                ...page(
                  async () =>
                    (await import('../features/rectifications/routes/rectification-new.tsx')).RectificationNewRoute,
                ),
              },
              {
                path: 'rectifications/:id',
                ...page(
                  async () =>
                    (await import('../features/rectifications/routes/rectification-detail.tsx'))
                      .RectificationDetailRoute,
                ),
              },
              {
                path: 'rectifications/:id/edit',
                ...page(
                  async () =>
                    (await import('../features/rectifications/routes/rectification-edit.tsx')).RectificationEditRoute,
                ),
              },
              {
                path: 'committee-meetings',
                ...page(
                  async () =>
                    (await import('../features/committee-meetings/routes/meetings-list.tsx')).MeetingsListRoute,
                ),
              },
              {
                path: 'committee-meetings/new',
                ...page(
                  async () => (await import('../features/committee-meetings/routes/meeting-new.tsx')).MeetingNewRoute,
                ),
              },
              {
                path: 'committee-meetings/:id/edit',
                ...page(
                  async () => (await import('../features/committee-meetings/routes/meeting-edit.tsx')).MeetingEditRoute,
                ),
              },
              {
                path: 'committee-meetings/:id',
                ...page(
                  async () =>
                    (await import('../features/committee-meetings/routes/meeting-detail.tsx')).MeetingDetailRoute,
                ),
              },
              {
                path: 'accountability',
                ...page(
                  async () =>
                    (await import('../features/accountability/routes/accountability-list.tsx')).AccountabilityListRoute,
                ),
              },
              {
                path: 'event-approvals',
                ...page(
                  async () =>
                    (await import('../features/event-approvals/routes/event-approvals-list.tsx'))
                      .EventApprovalsListRoute,
                ),
              },
              {
                path: 'event-approvals/rules',
                ...page(
                  async () =>
                    (await import('../features/event-approvals/routes/event-approval-rules.tsx'))
                      .EventApprovalRulesRoute,
                ),
              },
              {
                path: 'event-approvals/new',
                ...page(
                  async () =>
                    (await import('../features/event-approvals/routes/event-approval-new.tsx')).EventApprovalNewRoute,
                ),
              },
              {
                path: 'event-approvals/:id',
                ...page(
                  async () =>
                    (await import('../features/event-approvals/routes/event-approval-detail.tsx'))
                      .EventApprovalDetailRoute,
                ),
              },
              {
                path: 'assignments',
                ...page(
                  async () =>
                    (await import('../features/assignments/routes/assignments-list.tsx')).AssignmentsListRoute,
                ),
              },
              {
                path: 'assignments/:id',
                ...page(
                  async () =>
                    (await import('../features/assignments/routes/assignment-detail.tsx')).AssignmentDetailRoute,
                ),
              },
              {
                path: 'targets',
                ...page(async () => (await import('../features/targets/routes/targets.tsx')).TargetsRoute),
              },
              {
                path: 'duties',
                ...page(async () => (await import('../features/duties/routes/duties.tsx')).DutiesRoute),
              },
              {
                path: 'assessments',
                ...page(async () => (await import('../features/assessments/routes/assessments.tsx')).AssessmentsRoute),
              },
              {
                path: 'assessments/schemes',
                ...page(async () => (await import('../features/assessments/routes/schemes.tsx')).SchemesRoute),
              },
              {
                path: 'assessments/schemes/:id',
                ...page(
                  async () => (await import('../features/assessments/routes/scheme-editor.tsx')).SchemeEditorRoute,
                ),
              },
              {
                path: 'assessments/campaigns/:id/results',
                ...page(
                  async () =>
                    (await import('../features/assessments/routes/campaign-results.tsx')).CampaignResultsRoute,
                ),
              },
              {
                path: 'assessments/returns/:id/scorecard',
                ...page(async () => (await import('../features/assessments/routes/scorecard.tsx')).ScorecardRoute),
              },
              {
                path: 'assessments/returns/:id',
                ...page(
                  async () =>
                    (await import('../features/assessments/routes/assessment-return.tsx')).AssessmentReturnRoute,
                ),
              },
              {
                path: 'evidence-packs',
                ...page(
                  async () => (await import('../features/evidence-packs/routes/evidence-packs.tsx')).EvidencePacksRoute,
                ),
              },
              {
                path: 'reports/summary',
                ...page(async () => (await import('../features/reports/routes/summary.tsx')).SummaryRoute),
              },
              {
                path: 'reports/submissions',
                ...page(async () => (await import('../features/reports/routes/submissions.tsx')).SubmissionsRoute),
              },
              {
                path: 'reports/submissions/:id',
                ...page(async () => (await import('../features/reports/routes/submissions.tsx')).SubmissionsRoute),
              },
              {
                path: 'imports',
                ...page(async () => (await import('../features/imports/routes/imports.tsx')).ImportsRoute),
              },
              {
                path: 'branches',
                ...page(async () => (await import('../features/branches/routes/branches.tsx')).BranchesRoute),
              },
              {
                path: 'admin/users',
                ...page(async () => (await import('../features/admin-users/routes/admin-users.tsx')).AdminUsersRoute),
              },
              {
                path: 'admin/orgs',
                ...page(async () => (await import('../features/admin-orgs/routes/admin-orgs.tsx')).AdminOrgsRoute),
              },
              {
                path: 'oplog',
                ...page(async () => (await import('../features/audit/routes/oplog.tsx')).OplogRoute),
              },
              {
                path: 'audit',
                ...page(async () => (await import('../features/audit/routes/audit.tsx')).AuditRoute),
              },
              {
                path: 'account/sessions',
                ...page(async () => (await import('../features/auth/routes/sessions.tsx')).SessionsRoute),
              },
              {
                path: '*',
                ...page(async () => (await import('../components/status-page.tsx')).NotFoundPage),
              },
            ],
          },
        ],
      },
    ],
  },
];

export function createAppRouter(queryClient: QueryClient) {
  prefetchClient = queryClient;
  return createBrowserRouter(routes);
}
