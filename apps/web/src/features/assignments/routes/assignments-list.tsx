// /assignments (责任清单): one period's first responsible people, areas and tasks, with each rule
// task's progress counted from the records. The dashboard's ASSIGNMENT_DONE / ASSIGNMENT_OVERDUE
// figures drill here with status, overdue and owner; the filter bar under the head shows them.
import { PlusOutlined } from '@ant-design/icons';
import {
  ASSIGNMENT_KINDS,
  ASSIGNMENT_STATUSES,
  AssignmentKindSchema,
  AssignmentStatusSchema,
} from '@dutyboard/contracts/assignments';
import { IdSchema } from '@dutyboard/contracts/common';
import { ASSIGNMENT_KIND_LABELS, ASSIGNMENT_STATUS_LABELS } from '@dutyboard/contracts/labels';
import { Button, Card, Empty, Tag } from 'antd';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../../../components/error-state.tsx';
import { ExportButton } from '../../../components/export-button.tsx';
import { ListTotal } from '../../../components/list-total.tsx';
import { ScopeOrgSelect } from '../../../components/org-select.tsx';
import { PageHead } from '../../../components/page-head.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { PlanPeriodSelect } from '../../../components/plan-period-select.tsx';
import {
  FilterSelect,
  type FilterSelectSpec,
  filterOptions,
  yesNoSelect,
} from '../../../components/record-filters.tsx';
import { ForbiddenPage } from '../../../components/status-page.tsx';
import { useDialogState } from '../../../components/use-dialog-state.ts';
import { can } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { VIA_PARAM } from '../../../lib/metric-links.ts';
import { useOrgChoices } from '../../../lib/orgs.ts';
import { periodOrgFromParams } from '../../../lib/periods.ts';
import type { AssignmentListFilter } from '../../../lib/query-keys.ts';
import { patchParams, withoutParams } from '../../../lib/use-url-filter.ts';
import { useAssignments, useOwners } from '../api/assignments.ts';
import { AssignmentCreateModal } from '../components/assignment-form-modal.tsx';
import { AssignmentSection } from '../components/assignment-sections.tsx';

/** The params that narrow the period's list (clearing removes them; period and org stay). */
const FILTER_KEYS = ['kind', 'status', 'overdue', 'owner'] as const;

/** What the URL asks beyond period and org; anything malformed is ignored rather than sent. */
function filterFromParams(params: URLSearchParams): AssignmentListFilter {
  const kind = AssignmentKindSchema.safeParse(params.get('kind'));
  const status = AssignmentStatusSchema.safeParse(params.get('status'));
  const owner = IdSchema.safeParse(params.get('owner'));
  const overdue = params.get('overdue');
  return {
    kind: kind.success ? kind.data : undefined,
    status: status.success ? status.data : undefined,
    overdue: overdue === 'true' || overdue === 'false' ? overdue : undefined,
    owner: owner.success ? owner.data : undefined,
  };
}

export function AssignmentsListRoute() {
  const me = useCurrentUser();
  const { t, nameOf } = useI18n();
  const [params, setParams] = useSearchParams();
  const { period, org } = periodOrgFromParams(params);
  const filter = filterFromParams(params);
  const filtered = FILTER_KEYS.some((key) => Boolean(filter[key]));
  const allowed = can(me, 'assignment:read');
  const canManage = can(me, 'plan:manage');
  const orgs = useOrgChoices(allowed);
  const list = useAssignments(period, org, filter);
  // Only leadership may read the owners list; others see the owner's name from the rows.
  const owners = useOwners(canManage && Boolean(filter.owner));
  const { dialog, openDialog, dialogProps } = useDialogState<'create'>();
  if (!allowed) return <ForbiddenPage />;

  const orgChoices = orgs.choices;
  // A changed filter is no longer the figure the list was reached from (VIA_PARAM).
  const setParam = (key: 'period' | 'org' | (typeof FILTER_KEYS)[number], value: string | undefined) =>
    setParams(patchParams(params, { [key]: value, [VIA_PARAM]: undefined }));
  const clearFilters = () => setParams(withoutParams(params, [...FILTER_KEYS, VIA_PARAM]));
  const selects: FilterSelectSpec<AssignmentListFilter>[] = [
    {
      param: 'kind',
      testId: 'filter-kind',
      label: t('assignments.filterKind'),
      placeholder: t('assignments.allKinds'),
      options: filterOptions(ASSIGNMENT_KINDS, (kind) => nameOf(ASSIGNMENT_KIND_LABELS, kind)),
    },
    {
      param: 'status',
      testId: 'filter-status',
      label: t('assignments.filterStatus'),
      placeholder: t('assignments.allStatuses'),
      options: filterOptions(ASSIGNMENT_STATUSES, (status) => nameOf(ASSIGNMENT_STATUS_LABELS, status)),
    },
    yesNoSelect('overdue', 'filter-overdue', t('assignments.filterOverdue'), {
      yes: t('assignments.overdueOnly'),
      no: t('assignments.notOverdueOnly'),
    }),
  ];
  const rows = list.data ?? [];
  const ownerName =
    rows.find((row) => row.ownerId === filter.owner)?.ownerName ??
    owners.data?.items.find((owner) => owner.id === filter.owner)?.displayName;
  // Filtered, a section with nothing in it says nothing useful: only the sections with rows show.
  const kinds = filtered ? ASSIGNMENT_KINDS.filter((kind) => rows.some((row) => row.kind === kind)) : ASSIGNMENT_KINDS;

  return (
    <div>
      <PageHead title={t('assignments.title')} intro={t('assignments.intro')}>
        <div className="db-filters" style={{ marginBottom: 0 }}>
          <PlanPeriodSelect value={period} onChange={(code) => setParam('period', code)} />
          <ScopeOrgSelect
            choices={orgs}
            value={org}
            allowClear
            placeholder={t('assignments.allOrgs')}
            onChange={(id) => setParam('org', id)}
            className="db-w-220"
          />
          <ExportButton list="assignments" query={{ period, org, ...filter }} size="middle" />
          {canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="assignment-new"
              onClick={() => openDialog('create')}
            >
              {t('assignments.new')}
            </Button>
          )}
        </div>
      </PageHead>
      <div style={{ marginTop: -8, marginBottom: 12 }}>
        <ListTotal total={list.isPending ? undefined : rows.length} />
      </div>
      <div className="db-filters" data-testid="assignment-filters">
        {selects.map((spec) => (
          <FilterSelect
            key={spec.param}
            spec={spec}
            value={filter[spec.param]}
            onChange={(value) => setParam(spec.param, value)}
          />
        ))}
        {filter.owner && (
          <Tag closable onClose={() => setParam('owner', undefined)} data-testid="filter-owner">
            {ownerName ? t('assignments.filterOwner', { name: ownerName }) : t('assignments.filterOwnerUnnamed')}
          </Tag>
        )}
        {filtered && (
          <Button onClick={clearFilters} data-testid="filter-clear">
            {t('assignments.clearFilters')}
          </Button>
        )}
      </div>
      {list.isPending ? (
        <PageLoading rows={8} />
      ) : list.isError && rows.length === 0 ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <div style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }} data-testid="assignment-list">
          {kinds.map((kind) => (
            <AssignmentSection key={kind} kind={kind} rows={rows.filter((row) => row.kind === kind)} />
          ))}
          {kinds.length === 0 && (
            <Card>
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={t('assignments.emptyFiltered')}
                data-testid="assignments-empty-filtered"
              >
                <Button onClick={clearFilters}>{t('assignments.clearFilters')}</Button>
              </Empty>
            </Card>
          )}
        </div>
      )}
      {dialog === 'create' && (
        <AssignmentCreateModal
          {...dialogProps('create')}
          orgs={orgChoices}
          period={period}
          defaultOrgId={org ?? me.org.id}
        />
      )}
    </div>
  );
}
