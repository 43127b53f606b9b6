import { PUBLICITY_LEVEL_LABELS } from '@dutyboard/contracts/labels';
import type { PublicityItem, PublicityLevel } from '@dutyboard/contracts/publicity';
import {
  EditDeleteButtons,
  historyFieldLabels,
  NotFilled,
  RecordDetailPage,
  RecordDetailRoute,
  timestampFields,
} from '../../../components/record-detail-page.tsx';
import { can } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import type { MessageKey } from '../../../lib/i18n.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { usePublicityItem } from '../api/get-publicity-item.ts';
import { useDeletePublicityItem } from '../api/save-publicity.ts';
import { PublicityLevelTag } from '../components/level-tag.tsx';
import { PublicityNotFound } from '../components/publicity-not-found.tsx';

/** Audit field → label, for the change history. */
const HISTORY_LABELS: Record<string, MessageKey> = {
  orgId: 'publicity.org',
  outlet: 'publicity.outlet',
  level: 'publicity.levelLabel',
  title: 'publicity.titleLabel',
  url: 'publicity.url',
  publishedAt: 'publicity.publishedAt',
};

export function PublicityDetailRoute() {
  return <RecordDetailRoute useRecord={usePublicityItem} notFound={<PublicityNotFound />} Detail={PublicityDetail} />;
}

function PublicityDetail({ record: item }: { record: PublicityItem }) {
  const me = useCurrentUser();
  const { t, nameOf } = useI18n();
  const remove = useDeletePublicityItem(item.id, item.version);
  // Controls a role may not use are not rendered at all (not merely disabled).
  const canWrite = can(me, 'publicity:write');
  const notFilled = <NotFilled />;
  const fieldLabels = historyFieldLabels(t, HISTORY_LABELS);

  return (
    <RecordDetailPage
      ns="publicity"
      testId="publicity"
      listPath="/publicity"
      title={item.title}
      titleTestId="publicity-title"
      fields={[
        { key: 'org', label: t('publicity.org'), children: item.orgName },
        { key: 'level', label: t('publicity.levelLabel'), children: <PublicityLevelTag level={item.level} /> },
        { key: 'outlet', label: t('publicity.outlet'), children: item.outlet },
        { key: 'title', label: t('publicity.titleLabel'), children: item.title },
        {
          key: 'publishedAt',
          label: t('publicity.publishedAt'),
          children: <span data-testid="publicity-published-at">{formatDateTime(item.publishedAt)}</span>,
        },
        {
          key: 'url',
          label: t('publicity.url'),
          children: item.url ? (
            <a
              href={item.url}
              target="_blank"
              rel="noopener noreferrer"
              title={t('publicity.openLink')}
              style={{ overflowWrap: 'anywhere' }}
              data-testid="publicity-url"
            >
              {item.url}
            </a>
          ) : (
            notFilled
          ),
        },
        ...timestampFields(t, 'publicity', item),
      ]}
      actions={canWrite && <EditDeleteButtons to={`/publicity/${item.id}/edit`} remove={remove} primary />}
      entityType="PublicityItem"
      entityId={item.id}
      canAttach={canWrite}
      historyLabels={fieldLabels}
      historyValue={(field, value) =>
        field === 'level' && typeof value === 'string'
          ? nameOf(PUBLICITY_LEVEL_LABELS, value as PublicityLevel)
          : undefined
      }
    />
  );
}
