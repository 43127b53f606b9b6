import { STUDY_KIND_LABELS, STUDY_TOPIC_LABELS } from '@dutyboard/contracts/labels';
import { StudyKindSchema, type StudySession, StudyTopicSchema } from '@dutyboard/contracts/study-sessions';
import { Alert, Button, Typography } from 'antd';
import { useLocation } from 'react-router';
import {
  EditDeleteButtons,
  historyFieldLabels,
  longText,
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
import { useOrgs } from '../../../lib/orgs.ts';
import { useStudySession } from '../api/get-study-session.ts';
import { useDeleteStudySession } from '../api/save-study-session.ts';
import { StudyKindTag } from '../components/kind-tag.tsx';
import { StudySessionNotFound } from '../components/study-not-found.tsx';

export function StudySessionDetailRoute() {
  return (
    <RecordDetailRoute useRecord={useStudySession} notFound={<StudySessionNotFound />} Detail={StudySessionDetail} />
  );
}

/** Stored field → its label, for the change history. */
const HISTORY_FIELDS: Record<string, MessageKey> = {
  orgId: 'studySessions.org',
  kind: 'studySessions.kind',
  topicCategory: 'studySessions.topicCategory',
  topic: 'studySessions.topic',
  occurredAt: 'studySessions.occurredAt',
  timeKnown: 'records.timeKnown',
  host: 'studySessions.host',
  expectedAttendance: 'studySessions.expectedAttendance',
  actualAttendance: 'studySessions.actualAttendance',
  absentees: 'studySessions.absentees',
  materials: 'studySessions.materials',
  minutes: 'studySessions.minutes',
};

function StudySessionDetail({ record: session }: { record: StudySession }) {
  const me = useCurrentUser();
  const { t, nameOf } = useI18n();
  const location = useLocation();
  const orgs = useOrgs();
  const remove = useDeleteStudySession(session.id, session.version);
  // Controls a role may not use are not rendered at all (not merely disabled).
  const canWrite = can(me, 'study:write');
  const justCreated = (location.state as { created?: boolean } | null)?.created === true;
  const notFilled = <NotFilled />;
  const people = (count: number | null) => (count === null ? notFilled : t('studySessions.peopleValue', { count }));

  const historyLabels = historyFieldLabels(t, HISTORY_FIELDS);
  const historyValue = (field: string, value: unknown): string | undefined => {
    if (field === 'kind') {
      const kind = StudyKindSchema.safeParse(value);
      return kind.success ? nameOf(STUDY_KIND_LABELS, kind.data) : undefined;
    }
    if (field === 'topicCategory') {
      const topic = StudyTopicSchema.safeParse(value);
      return topic.success ? nameOf(STUDY_TOPIC_LABELS, topic.data) : undefined;
    }
    if (field === 'orgId') return orgs.data?.items.find((org) => org.id === value)?.name;
    if (field === 'absentees' && Array.isArray(value)) {
      const names = value.flatMap((a: unknown) =>
        a && typeof a === 'object' && typeof (a as { name?: unknown }).name === 'string'
          ? [(a as { name: string }).name]
          : [],
      );
      return names.length > 0 ? names.join('、') : t('studySessions.noAbsentees');
    }
    return undefined;
  };

  return (
    <RecordDetailPage
      ns="studySessions"
      testId="study"
      listPath="/study-sessions"
      title={session.topic}
      titleTestId="study-title"
      breakTitle
      header={
        justCreated &&
        canWrite && (
          <Alert
            type="success"
            showIcon
            title={t('studySessions.createdHint')}
            action={
              <Button
                size="small"
                type="link"
                onClick={() =>
                  document
                    .querySelector('[data-testid="study-attachments"]')
                    ?.scrollIntoView({ behavior: 'smooth', block: 'start' })
                }
                data-testid="study-go-attachments"
              >
                {t('studySessions.goAttachments')}
              </Button>
            }
            data-testid="study-created-hint"
            style={{ marginBottom: 16 }}
          />
        )
      }
      fields={[
        { key: 'org', label: t('studySessions.org'), children: session.orgName },
        { key: 'kind', label: t('studySessions.kind'), children: <StudyKindTag kind={session.kind} /> },
        {
          key: 'topicCategory',
          label: t('studySessions.topicCategory'),
          children: nameOf(STUDY_TOPIC_LABELS, session.topicCategory),
        },
        { key: 'topic', label: t('studySessions.topic'), children: session.topic },
        {
          key: 'occurredAt',
          label: t('studySessions.occurredAt'),
          children: (
            <span data-testid="study-occurred-at">{formatDateTime(session.occurredAt, session.timeKnown)}</span>
          ),
        },
        { key: 'host', label: t('studySessions.host'), children: session.host || notFilled },
        {
          key: 'expectedAttendance',
          label: t('studySessions.expectedAttendance'),
          children: people(session.expectedAttendance),
        },
        {
          key: 'actualAttendance',
          label: t('studySessions.actualAttendance'),
          children: people(session.actualAttendance),
        },
        {
          key: 'absentees',
          label: t('studySessions.absentees'),
          children:
            session.absentees.length === 0 ? (
              <Typography.Text type="secondary">{t('studySessions.noAbsentees')}</Typography.Text>
            ) : (
              <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="study-absentees-list">
                {session.absentees.map((a, index) => (
                  // Names may repeat; in this read-only list the position identifies a row.
                  <li key={index} style={{ overflowWrap: 'anywhere' }}>
                    {t('studySessions.absenteeItem', { name: a.name, reason: a.reason })}
                  </li>
                ))}
              </ul>
            ),
        },
        { key: 'materials', label: t('studySessions.materials'), children: longText(session.materials) },
        { key: 'minutes', label: t('studySessions.minutes'), children: longText(session.minutes) },
        ...timestampFields(t, 'studySessions', session),
      ]}
      actions={canWrite && <EditDeleteButtons to={`/study-sessions/${session.id}/edit`} remove={remove} primary />}
      entityType="StudySession"
      entityId={session.id}
      canAttach={canWrite}
      historyLabels={historyLabels}
      historyValue={historyValue}
    />
  );
}
