// /targets (目标设置): the targets and frequency rules of a period for an org and its branches.
// Everyone with target:read sees them within reach; leadership (plan:manage) edits.
import { Alert, Card } from 'antd';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../../../components/error-state.tsx';
import { ScopeOrgSelect } from '../../../components/org-select.tsx';
import { PageHead } from '../../../components/page-head.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { PlanPeriodSelect } from '../../../components/plan-period-select.tsx';
import { ForbiddenPage } from '../../../components/status-page.tsx';
import { can } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useOrgChoices } from '../../../lib/orgs.ts';
import { periodOrgFromParams } from '../../../lib/periods.ts';
import { patchParams } from '../../../lib/use-url-filter.ts';
import { useTargets } from '../api/targets.ts';
import { RulesSection } from '../components/rules-section.tsx';
import { TargetGrid } from '../components/target-grid.tsx';

export function TargetsRoute() {
  const me = useCurrentUser();
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const { period, org } = periodOrgFromParams(params);
  const allowed = can(me, 'target:read');
  const canEdit = can(me, 'plan:manage');
  const orgs = useOrgChoices(allowed);
  const targets = useTargets(period, org);
  if (!allowed) return <ForbiddenPage />;

  const orgChoices = orgs.choices;
  const setParam = (key: 'period' | 'org', value: string | undefined) =>
    setParams(patchParams(params, { [key]: value }));
  const data = targets.data;
  const shownOrgId = org ?? data?.orgs[0]?.id ?? me.org.id;

  return (
    <div>
      <PageHead title={t('targets.title')} intro={t('targets.intro')}>
        <div className="db-filters" style={{ marginBottom: 0 }}>
          <PlanPeriodSelect value={period} onChange={(code) => setParam('period', code)} />
          <ScopeOrgSelect
            choices={orgs}
            value={shownOrgId}
            onChange={(id) => setParam('org', id)}
            className="db-w-220"
          />
        </div>
      </PageHead>
      {!canEdit && <Alert type="info" showIcon title={t('targets.readOnly')} style={{ marginBottom: 16 }} />}
      {targets.isPending ? (
        <PageLoading rows={8} />
      ) : targets.isError || !data ? (
        <ErrorState error={targets.error} onRetry={() => void targets.refetch()} />
      ) : (
        <Card
          title={t('targets.gridTitle')}
          styles={{ body: { padding: 0 } }}
          style={{ marginBottom: 16, opacity: targets.isPlaceholderData ? 0.6 : 1 }}
        >
          <TargetGrid answer={data} canEdit={canEdit && !targets.isPlaceholderData} />
        </Card>
      )}
      <RulesSection period={period} org={org} defaultOrgId={shownOrgId} orgs={orgChoices} canEdit={canEdit} />
    </div>
  );
}
