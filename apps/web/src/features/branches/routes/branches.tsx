// The overseer's comparison page: the home org's children for a period (a street's branches, a
// 区's streets, named by their level), ranked, each figure against its target and a link to its
// records; a child's name opens its own dashboard.
import { rankedLevelOf } from '@dutyboard/contracts/orgs';
import { Card, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { BranchProgressTable } from '../../../components/branch-progress-table.tsx';
import { ErrorState } from '../../../components/error-state.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { PeriodSelect } from '../../../components/period-select.tsx';
import { ForbiddenPage } from '../../../components/status-page.tsx';
import { can, oversees } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { useDashboard } from '../../../lib/dashboard.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { levelWords, rankedWordsOf } from '../../../lib/levels.ts';
import { pathWithQuery } from '../../../lib/links.ts';
import { currentHalfCode, isPeriodCode } from '../../../lib/periods.ts';

export function BranchesRoute() {
  const me = useCurrentUser();
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const periodParam = params.get('period');
  const period = isPeriodCode(periodParam) ? periodParam : currentHalfCode();
  // The caller's home org: the 区 ranks its streets, a street its branches (ADR 035).
  const dashboard = useDashboard({ period, org: me.org.id });
  if (!oversees(me) || !can(me, 'dashboard:read')) return <ForbiddenPage />;

  const data = dashboard.data;
  // Named from the answer's children once it is in, from the home org's level before.
  const words = data?.childLevel ? levelWords(data.childLevel, lang) : rankedWordsOf(me.org.kind, lang);
  return (
    <div>
      <div className="db-page-head">
        <div>
          <h1>{t('branches.title', words)}</h1>
          {data && <Typography.Text type="secondary">{data.org.name}</Typography.Text>}
        </div>
        <PeriodSelect
          value={period}
          onChange={(code) => {
            const next = new URLSearchParams(params);
            next.set('period', code);
            setParams(next);
          }}
        />
      </div>
      <Typography.Paragraph type="secondary">{t('branches.hint', words)}</Typography.Paragraph>
      {dashboard.isPending ? (
        <PageLoading rows={8} />
      ) : dashboard.isError || !data ? (
        <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : (
        <Card styles={{ body: { padding: 0 } }}>
          <BranchProgressTable
            rows={data.branches}
            level={data.childLevel ?? rankedLevelOf(data.org.level)}
            branchHref={(row) => pathWithQuery('/dashboard', { period, org: row.orgId })}
            loading={dashboard.isPlaceholderData}
          />
        </Card>
      )}
    </div>
  );
}
