import { type Activity, ActivityCategorySchema } from '@dutyboard/contracts/activities';
import { ACTIVITY_CATEGORY_LABELS } from '@dutyboard/contracts/labels';
import {
  EditDeleteButtons,
  longText,
  NotFilled,
  RecordDetailPage,
  RecordDetailRoute,
  timestampFields,
} from '../../../components/record-detail-page.tsx';
import { can } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useOrgs } from '../../../lib/orgs.ts';
import { useActivity } from '../api/get-activity.ts';
import { useDeleteActivity } from '../api/save-activity.ts';
import { ActivityNotFound } from '../components/activity-not-found.tsx';
import { CategoryTag } from '../components/category-tag.tsx';

export function ActivityDetailRoute() {
  return <RecordDetailRoute useRecord={useActivity} notFound={<ActivityNotFound />} Detail={ActivityDetail} />;
}

function ActivityDetail({ record: activity }: { record: Activity }) {
  const me = useCurrentUser();
  const { t, nameOf } = useI18n();
  const remove = useDeleteActivity(activity.id, activity.version);
  // Controls a role may not use are not rendered at all (not merely disabled).
  const canWrite = can(me, 'activity:write');
  const notFilled = <NotFilled />;
  const orgs = useOrgs();
  const historyLabels: Record<string, string> = {
    orgId: t('activity.org'),
    category: t('activity.category'),
    title: t('activity.title'),
    occurredAt: t('activity.occurredAt'),
    timeKnown: t('records.timeKnown'),
    participants: t('activity.participants'),
    location: t('activity.location'),
    description: t('activity.description'),
  };
  const historyValue = (field: string, value: unknown): string | undefined => {
    if (field === 'category') {
      const category = ActivityCategorySchema.safeParse(value);
      return category.success ? nameOf(ACTIVITY_CATEGORY_LABELS, category.data) : undefined;
    }
    if (field === 'orgId') return orgs.data?.items.find((org) => org.id === value)?.name;
    return undefined;
  };

  return (
    <RecordDetailPage
      ns="activity"
      testId="activity"
      listPath="/activities"
      title={activity.title}
      titleTestId="activity-title"
      fields={[
        { key: 'org', label: t('activity.org'), children: activity.orgName },
        { key: 'category', label: t('activity.category'), children: <CategoryTag category={activity.category} /> },
        { key: 'title', label: t('activity.title'), children: activity.title },
        {
          key: 'occurredAt',
          label: t('activity.occurredAt'),
          children: (
            <span data-testid="activity-occurred-at">{formatDateTime(activity.occurredAt, activity.timeKnown)}</span>
          ),
        },
        {
          key: 'participants',
          label: t('activity.participants'),
          children: t('activity.participantsValue', { count: activity.participants }),
        },
        { key: 'location', label: t('activity.location'), children: activity.location || notFilled },
        {
          key: 'description',
          label: t('activity.description'),
          children: longText(activity.description),
        },
        ...timestampFields(t, 'activity', activity),
      ]}
      actions={canWrite && <EditDeleteButtons to={`/activities/${activity.id}/edit`} remove={remove} primary />}
      entityType="Activity"
      entityId={activity.id}
      canAttach={canWrite}
      historyLabels={historyLabels}
      historyValue={historyValue}
    />
  );
}
