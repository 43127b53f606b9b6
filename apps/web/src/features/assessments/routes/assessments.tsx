// /assessments (考核): the campaigns issued by the caller's org and above it, each with the
// returns the caller may read (the issuer's side sees every unit, a unit its own), linking to
// each unit's return.
import type { Campaign } from '@dutyboard/contracts/assessment-campaigns';
import { CAMPAIGN_STATE_LABELS, RETURN_STATE_LABELS } from '@dutyboard/contracts/labels';
import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/error-state.tsx';
import { PageHead } from '../../../components/page-head.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { periodLabel } from '../../../lib/periods.ts';
import { useCampaign, useCampaigns } from '../api/assessments.ts';
import { RETURN_STATE_COLOR } from './return-state.ts';

function CampaignCard({ summary }: { summary: Omit<Campaign, 'returns'> }) {
  const { t, nameOf } = useI18n();
  const campaign = useCampaign(summary.id);
  return (
    <Card
      data-testid="campaign"
      title={
        <Space wrap size={[8, 0]}>
          <span>{summary.name}</span>
          <Tag>{nameOf(CAMPAIGN_STATE_LABELS, summary.state)}</Tag>
        </Space>
      }
      extra={
        <Link to={`/assessments/campaigns/${summary.id}/results`} data-testid="campaign-results">
          {t('results.link')}
        </Link>
      }
      style={{ marginBottom: 16 }}
    >
      <Typography.Paragraph type="secondary">
        {summary.orgName} · {periodLabel(summary.periodCode, t)} ·{' '}
        {t('assessments.dues', { self: summary.selfDueOn, review: summary.reviewDueOn })}
      </Typography.Paragraph>
      {campaign.isPending ? (
        <PageLoading />
      ) : campaign.isError ? (
        <ErrorState error={campaign.error} onRetry={() => campaign.refetch()} />
      ) : (
        <List
          dataSource={campaign.data.returns}
          renderItem={(r) => (
            <List.Item
              data-testid="campaign-return"
              actions={[
                <Link key="open" to={`/assessments/returns/${r.id}`}>
                  {t('assessments.open')}
                </Link>,
              ]}
            >
              <Space wrap size={[8, 4]}>
                <Typography.Text strong>{r.orgName}</Typography.Text>
                <Tag color={RETURN_STATE_COLOR[r.state]}>{nameOf(RETURN_STATE_LABELS, r.state)}</Tag>
                {r.selfTotal !== null && (
                  <Typography.Text type="secondary">
                    {t('assessments.selfTotal')} {r.selfTotal}
                  </Typography.Text>
                )}
                {r.finalTotal !== null && (
                  <Typography.Text>
                    {t('assessments.finalTotal')} {r.finalTotal}
                  </Typography.Text>
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

export function AssessmentsRoute() {
  const { t } = useI18n();
  const campaigns = useCampaigns();
  return (
    <>
      <PageHead title={t('assessments.title')} intro={t('assessments.intro')} />
      {campaigns.isPending ? (
        <PageLoading />
      ) : campaigns.isError ? (
        <ErrorState error={campaigns.error} onRetry={() => campaigns.refetch()} />
      ) : campaigns.data.items.length === 0 ? (
        <Empty description={t('assessments.empty')} />
      ) : (
        campaigns.data.items.map((c) => <CampaignCard key={c.id} summary={c} />)
      )}
    </>
  );
}
