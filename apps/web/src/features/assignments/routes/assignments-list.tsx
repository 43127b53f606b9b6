// /assignments (责任清单): one period's first responsible people, areas and tasks, with each rule
// task's progress counted from the records.
import { PlusOutlined } from '@ant-design/icons';
import { ASSIGNMENT_KINDS } from '@dutyboard/contracts/assignments';
import { IdSchema } from '@dutyboard/contracts/common';
import { Button, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../../../components/error-state.tsx';
import { OrgSelect } from '../../../components/org-select.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { PlanPeriodSelect } from '../../../components/plan-period-select.tsx';
import { ForbiddenPage } from '../../../components/status-page.tsx';
import { useDialogState } from '../../../components/use-dialog-state.ts';
import { can, hasScopeAll } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useOrgs } from '../../../lib/orgs.ts';
import { currentHalfCode, isPeriodCode } from '../../../lib/periods.ts';
import { useAssignments } from '../api/assignments.ts';
import { AssignmentCreateModal } from '../components/assignment-form-modal.tsx';
import { AssignmentSection } from '../components/assignment-sections.tsx';

export function AssignmentsListRoute() {
  const me = useCurrentUser();
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const periodParam = params.get('period');
  const period = isPeriodCode(periodParam) ? periodParam : currentHalfCode();
  const orgParam = params.get('org');
  const org = IdSchema.safeParse(orgParam).success ? (orgParam as string) : undefined;
  const allowed = can(me, 'assignment:read');
  const canManage = can(me, 'plan:manage');
  const orgs = useOrgs({ enabled: allowed });
  const list = useAssignments(period, org);
  const { dialog, openDialog, dialogProps } = useDialogState<'create'>();
  if (!allowed) return <ForbiddenPage />;

  const orgChoices = orgs.data?.items ?? [];
  const showOrgSelect = hasScopeAll(me) || orgChoices.length > 1;
  const setParam = (key: 'period' | 'org', value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const rows = list.data ?? [];

  return (
    <div>
      <div className="db-page-head">
        <div>
          <h1>{t('assignments.title')}</h1>
          <Typography.Text type="secondary">{t('assignments.intro')}</Typography.Text>
        </div>
        <div className="db-filters" style={{ marginBottom: 0 }}>
          <PlanPeriodSelect value={period} onChange={(code) => setParam('period', code)} />
          {showOrgSelect && (
            <OrgSelect
              testId="org-select"
              orgs={orgChoices}
              loading={orgs.isPending}
              value={org}
              allowClear
              placeholder={t('assignments.allOrgs')}
              onChange={(id) => setParam('org', id)}
              className="db-w-220"
            />
          )}
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
      </div>
      {list.isPending ? (
        <PageLoading rows={8} />
      ) : list.isError && rows.length === 0 ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <div style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }} data-testid="assignment-list">
          {ASSIGNMENT_KINDS.map((kind) => (
            <AssignmentSection key={kind} kind={kind} rows={rows.filter((row) => row.kind === kind)} />
          ))}
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
