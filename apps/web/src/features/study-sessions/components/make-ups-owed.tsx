// 待补学 (ADR 051): who missed a 中心组 session in the caller's reach and has not made it up, each
// linked to the session where the 补学 is recorded. Shown above the study list; the org the list
// is filtered to narrows it too.
import { ROSTER_STATUS_LABELS } from '@dutyboard/contracts/labels';
import { Alert, Card, Skeleton, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { can } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import { errorText } from '../../../lib/error-text.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useMakeUpsOwed } from '../api/get-make-ups-owed.ts';

export function MakeUpsOwedCard() {
  const me = useCurrentUser();
  return can(me, 'study:read') ? <OwedList /> : null;
}

function OwedList() {
  const { t, nameOf, lang } = useI18n();
  const [params] = useSearchParams();
  const owed = useMakeUpsOwed(params.get('org') ?? undefined);
  const items = owed.data?.items ?? [];
  return (
    <Card
      size="small"
      title={
        <span>
          {t('studySessions.owedTitle')}
          {owed.data && items.length > 0 && (
            <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontWeight: 'normal' }}>
              {t('studySessions.owedCount', { count: items.length })}
            </Typography.Text>
          )}
        </span>
      }
      style={{ marginBottom: 16 }}
      data-testid="study-make-ups-owed"
    >
      {owed.isPending ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : owed.isError ? (
        <Alert type="error" showIcon title={errorText(owed.error, lang, t)} />
      ) : items.length === 0 ? (
        <Typography.Text type="secondary">{t('studySessions.owedEmpty')}</Typography.Text>
      ) : (
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {items.map((item) => (
            <li key={`${item.sessionId}:${item.name}`} style={{ overflowWrap: 'anywhere', padding: '2px 0' }}>
              <Link to={`/study-sessions/${item.sessionId}`} data-testid="study-make-up-owed-item">
                {t('studySessions.owedItem', {
                  name: item.name,
                  status: nameOf(ROSTER_STATUS_LABELS, item.status),
                  topic: item.topic,
                  date: formatDateTime(item.occurredAt, false),
                })}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
