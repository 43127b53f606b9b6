// A point's checks (排查记录), newest first, a page at a time.
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Skeleton, Typography } from 'antd';
import { COLORS } from '../../../lib/colors.ts';
import { formatDateTime } from '../../../lib/dates.ts';
import { errorText } from '../../../lib/error-text.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useRiskPointChecks } from '../api/get-risk-point.ts';
import { CheckResultTag, OnTimeTag } from './risk-tags.tsx';

export function CheckHistory({ pointId }: { pointId: string }) {
  const { t, lang } = useI18n();
  const checks = useRiskPointChecks(pointId);
  const rows = checks.data?.pages.flatMap((page) => page.items) ?? [];

  if (checks.isPending) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (checks.isError && rows.length === 0) {
    return (
      <Alert
        type="warning"
        showIcon
        title={t('riskPoints.checks.loadFailed')}
        description={errorText(checks.error, lang, t)}
        action={
          <Button size="small" icon={<ReloadOutlined />} onClick={() => void checks.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (rows.length === 0) {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('riskPoints.checks.empty')}
        data-testid="checks-empty"
      />
    );
  }
  return (
    <div data-testid="check-history">
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {rows.map((check) => (
          <li
            key={check.id}
            data-testid="check-row"
            style={{ padding: '10px 0', borderBottom: `1px solid ${COLORS.divider}`, overflowWrap: 'anywhere' }}
          >
            <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '4px 8px' }}>
              <Typography.Text strong>{formatDateTime(check.checkedAt)}</Typography.Text>
              <CheckResultTag result={check.result} />
              {/* Only a late check gets a tag; on time is the quiet default. */}
              {!check.onTime && <OnTimeTag onTime={false} />}
              {check.checkedByName && (
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {t('riskPoints.checks.by', { name: check.checkedByName })}
                </Typography.Text>
              )}
            </div>
            {check.note && <div style={{ marginTop: 4, whiteSpace: 'pre-wrap' }}>{check.note}</div>}
          </li>
        ))}
      </ul>
      {checks.isFetchNextPageError && (
        <Alert type="warning" showIcon title={errorText(checks.error, lang, t)} style={{ marginTop: 12 }} />
      )}
      {checks.hasNextPage && (
        <div style={{ marginTop: 12, textAlign: 'center' }}>
          <Button onClick={() => void checks.fetchNextPage()} loading={checks.isFetchingNextPage}>
            {t('riskPoints.checks.loadMore')}
          </Button>
        </div>
      )}
    </div>
  );
}
