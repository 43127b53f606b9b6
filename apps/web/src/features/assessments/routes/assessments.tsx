// /assessments (考核): the campaigns the caller's org issued (我发起的) and those issued above it
// that score it (本单位参加的), each with the returns the caller may read (the issuer's side sees
// every unit, a unit its own), linking to each unit's return. A caller with assessment:review
// opens a new one here (发起考核).

import { PlusOutlined } from '@ant-design/icons';
import type { Campaign, CampaignListItem } from '@dutyboard/contracts/assessment-campaigns';
import { CAMPAIGN_STATE_LABELS, RETURN_STATE_LABELS } from '@dutyboard/contracts/labels';
import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/error-state.tsx';
import { PageHead } from '../../../components/page-head.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { can } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { periodLabel } from '../../../lib/periods.ts';
import { useCampaign, useCampaigns } from '../api/assessments.ts';
import { OpenCampaignDialog } from '../components/open-campaign-dialog.tsx';
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
      // A long name wraps on a phone rather than being cut.
      styles={{ title: { whiteSpace: 'normal' } }}
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

function Section({
  title,
  items,
  testId,
  empty,
}: {
  title: string;
  items: CampaignListItem[];
  testId: string;
  empty: string;
}) {
  return (
    <section data-testid={testId} style={{ marginBottom: 24 }}>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {title}
      </Typography.Title>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
      ) : (
        items.map((c) => <CampaignCard key={c.id} summary={c} />)
      )}
    </section>
  );
}

export function AssessmentsRoute() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const campaigns = useCampaigns();
  const [opening, setOpening] = useState(false);
  const mayOpen = can(me, 'assessment:review');
  const items = campaigns.data?.items ?? [];
  const issued = items.filter((c) => c.issuedHere);
  const taking = items.filter((c) => c.unitReturn !== null);
  return (
    <>
      <PageHead title={t('assessments.title')} intro={t('assessments.intro')}>
        {mayOpen && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)}>
            {t('assessments.openCampaign')}
          </Button>
        )}
        <Link to="/assessments/schemes" data-testid="to-schemes">
          {t('schemes.nav')}
        </Link>
      </PageHead>
      {campaigns.isPending ? (
        <PageLoading />
      ) : campaigns.isError ? (
        <ErrorState error={campaigns.error} onRetry={() => campaigns.refetch()} />
      ) : (
        <>
          {(mayOpen || issued.length > 0) && (
            <Section
              title={t('assessments.issued')}
              items={issued}
              testId="campaigns-issued"
              empty={t('assessments.issuedEmpty')}
            />
          )}
          <Section
            title={t('assessments.taking')}
            items={taking}
            testId="campaigns-taking"
            empty={t('assessments.takingEmpty')}
          />
        </>
      )}
      {mayOpen && <OpenCampaignDialog open={opening} onClose={() => setOpening(false)} />}
    </>
  );
}
