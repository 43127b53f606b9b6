// 减负 (ADR 044): the entries and uploads the period took the unit, by kind — a reading of how much
// work the 考核 period cost, shown beside the scores and never scored.
import type { ReturnWorkload } from '@dutyboard/contracts/assessment-campaigns';
import { THING_LABELS } from '@dutyboard/contracts/labels';
import { Card, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n-provider.tsx';

export function ReturnWorkloadCard({ workload }: { workload: ReturnWorkload }) {
  const { t, nameOf } = useI18n();
  const kinds = workload.kinds.filter((k) => k.entries > 0 || k.uploads > 0);
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="return-workload">
      <Typography.Text strong>{t('assessments.workload.title')}</Typography.Text>
      <div style={{ marginTop: 4 }}>
        {t('assessments.workload.summary', {
          from: workload.from,
          to: workload.to,
          entries: workload.entries,
          uploads: workload.uploads,
        })}
      </div>
      {kinds.length > 0 && (
        <Space wrap size={[4, 4]} style={{ marginTop: 4 }}>
          {kinds.map((k) => (
            <Tag key={k.type} data-testid="workload-kind">
              {t('assessments.workload.kind', {
                kind: nameOf(THING_LABELS, k.type),
                entries: k.entries,
                uploads: k.uploads,
              })}
            </Tag>
          ))}
        </Space>
      )}
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
        {t('assessments.workload.note')}
      </Typography.Text>
    </Card>
  );
}
