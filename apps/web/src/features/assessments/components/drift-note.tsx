// Drift on a confirmed item (ADR 041, part C): the score stands, and the note says how many records
// the item counted then and now and names the ones added (linked) and removed since. One rendering
// for the return page and the scorecard.
import type { ItemDrift } from '@dutyboard/contracts/assessment-campaigns';
import { Alert, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { recordPath } from '../../../lib/record-links.ts';

export function DriftNote({ drift }: { drift: ItemDrift }) {
  const { t } = useI18n();
  const named = drift.added.length + drift.removed.length > 0;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginTop: 8 }}
      message={t('assessments.drift', { before: drift.doneThen, after: drift.doneNow })}
      description={
        named ? (
          <Space wrap size={[8, 4]} data-testid="drift-records">
            {drift.added.map((rec) => (
              <Link key={`+${rec.id}`} to={recordPath(rec.link.type, rec.link.id)}>
                {t('assessments.driftAdded')} {rec.title} {rec.date ?? ''}
              </Link>
            ))}
            {drift.removed.map((rec) => (
              <Typography.Text key={`-${rec.id}`} delete>
                {t('assessments.driftRemoved')} {rec.title} {rec.date ?? ''}
              </Typography.Text>
            ))}
          </Space>
        ) : undefined
      }
    />
  );
}
