// /audit (审计链核验): auditors and administrators check that the audit trail is intact and, if
// not, see the first record where the chain breaks and why (ADR 012).
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { AuditVerifyResult } from '@dutyboard/contracts/audit';
import { Alert, Button, Card, Descriptions, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { ErrorState } from '../../../components/error-state.tsx';
import { ForbiddenPage } from '../../../components/status-page.tsx';
import { can } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { TIME_ZONE } from '../../../lib/dates.ts';
import type { Translate } from '../../../lib/i18n.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useAuditVerify } from '../api/audit.ts';

/** Seconds matter when comparing with the database, so this page shows them. */
const formatInstant = (instant: string) => dayjs(instant).tz(TIME_ZONE).format('YYYY-MM-DD HH:mm:ss');

const Hash = ({ value, testId }: { value: string; testId?: string }) => (
  <Typography.Text code copyable data-testid={testId} style={{ wordBreak: 'break-all' }}>
    {value}
  </Typography.Text>
);

function Outcome({ result, t }: { result: AuditVerifyResult; t: Translate }) {
  const broken = result.firstBroken;
  if (!broken) {
    return (
      <Alert
        type="success"
        showIcon
        data-testid="audit-ok"
        title={t('audit.ok')}
        description={
          result.lastId === null || result.lastHash === null ? (
            t('audit.empty')
          ) : (
            <Space orientation="vertical" size={4}>
              <span>{t('audit.okText', { count: result.checked, id: result.lastId })}</span>
              <span>
                {t('audit.lastHash')}: <Hash value={result.lastHash} testId="audit-last-hash" />
              </span>
              <Typography.Text type="secondary">{t('audit.lastHashHint')}</Typography.Text>
            </Space>
          )
        }
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      data-testid="audit-broken"
      title={t('audit.broken', { id: broken.id })}
      description={
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          <span>{t('audit.brokenText', { count: result.checked })}</span>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              {
                key: 'id',
                label: t('audit.field.id'),
                children: <span data-testid="audit-broken-id">{broken.id}</span>,
              },
              { key: 'at', label: t('audit.field.at'), children: formatInstant(broken.at) },
              {
                key: 'reason',
                label: t('audit.field.reason'),
                children: <span data-testid="audit-broken-reason">{t(`audit.reason.${broken.reason}`)}</span>,
              },
              { key: 'expected', label: t('audit.field.expected'), children: <Hash value={broken.expected} /> },
              {
                key: 'found',
                label: t('audit.field.found'),
                children: broken.found === null ? t('audit.field.none') : <Hash value={broken.found} />,
              },
            ]}
          />
        </Space>
      }
    />
  );
}

export function AuditRoute() {
  const me = useCurrentUser();
  const { t } = useI18n();
  const check = useAuditVerify();
  if (!can(me, 'audit:read')) return <ForbiddenPage />;

  const run = () => void check.refetch();
  return (
    <div>
      <div className="db-page-head">
        <div>
          <h1>{t('audit.title')}</h1>
        </div>
        <Button
          type="primary"
          icon={<SafetyCertificateOutlined />}
          loading={check.isFetching}
          onClick={run}
          data-testid="audit-verify"
        >
          {check.data ? t('audit.verifyAgain') : t('audit.verify')}
        </Button>
      </div>
      <Typography.Paragraph type="secondary">{t('audit.intro')}</Typography.Paragraph>
      <Card>
        {check.isFetching ? (
          <Typography.Text type="secondary">{t('audit.checking')}</Typography.Text>
        ) : check.isError ? (
          <ErrorState error={check.error} onRetry={run} />
        ) : check.data ? (
          <Space orientation="vertical" size={8} style={{ width: '100%' }}>
            <Outcome result={check.data} t={t} />
            <Typography.Text type="secondary">
              {t('audit.checkedAt', { time: formatInstant(new Date(check.dataUpdatedAt).toISOString()) })}
            </Typography.Text>
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('audit.notYet')}</Typography.Text>
        )}
      </Card>
    </div>
  );
}
