import {
  MAKE_UP_WAY_LABELS,
  ROSTER_ROLE_LABELS,
  ROSTER_STATUS_LABELS,
  STUDY_KIND_LABELS,
  STUDY_TOPIC_LABELS,
} from '@dutyboard/contracts/labels';
import { shanghaiLocalDate } from '@dutyboard/contracts/periods';
import {
  MAKE_UP_NOTES_MAX,
  MAKE_UP_WAYS,
  type MakeUpWay,
  owesMakeUp,
  type RosterMember,
  StudyKindSchema,
  type StudySession,
  StudyTopicSchema,
} from '@dutyboard/contracts/study-sessions';
import type { ButtonProps } from 'antd';
import { Alert, App, Button, Form, Input, Modal, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
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
import { errorText } from '../../../lib/error-text.ts';
import type { MessageKey } from '../../../lib/i18n.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useOrgs } from '../../../lib/orgs.ts';
import { useStudySession } from '../api/get-study-session.ts';
import { useDeleteStudySession, useRecordMakeUp } from '../api/save-study-session.ts';
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
  roster: 'studySessions.roster',
  makeUp: 'studySessions.makeUpRecord',
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
    if (field === 'makeUp' && value && typeof value === 'object') {
      const m = value as { name?: unknown; madeUpOn?: unknown; how?: unknown };
      const how = MAKE_UP_WAYS.find((w) => w === m.how);
      return `${String(m.name)}：${String(m.madeUpOn)} ${how ? nameOf(MAKE_UP_WAY_LABELS, how) : ''}`.trim();
    }
    if (field === 'roster') {
      if (!Array.isArray(value)) return t('studySessions.rosterNone');
      return value
        .flatMap((m: unknown) =>
          m && typeof m === 'object' && 'name' in m ? [String((m as { name: unknown }).name)] : [],
        )
        .join('、');
    }
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
        ...(session.roster
          ? [
              {
                key: 'roster',
                label: t('studySessions.roster'),
                children: <RosterView session={session} canWrite={canWrite} />,
              },
            ]
          : []),
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

/** The roster with each member's attendance, 发言提纲 and 补学 state; a 补学 is recorded here. */
function RosterView({ session, canWrite }: { session: StudySession; canWrite: boolean }) {
  const { t, nameOf } = useI18n();
  const [recording, setRecording] = useState<RosterMember | null>(null);
  return (
    <>
      <ul style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }} data-testid="study-roster-list">
        {(session.roster ?? []).map((m) => (
          <li
            key={m.name}
            data-testid="study-roster-member"
            style={{ padding: '6px 0', borderBottom: '1px solid rgba(0,0,0,0.06)', overflowWrap: 'anywhere' }}
          >
            <Typography.Text strong>{m.name}</Typography.Text>{' '}
            {m.role === 'OBSERVER' && <Tag>{nameOf(ROSTER_ROLE_LABELS, m.role)}</Tag>}
            <Tag color={m.status === 'PRESENT' ? 'green' : m.status === 'LEAVE' ? 'gold' : 'red'}>
              {nameOf(ROSTER_STATUS_LABELS, m.status)}
            </Tag>
            {m.reason && <Typography.Text type="secondary">{m.reason}</Typography.Text>}
            {m.outline && (
              <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
                {m.outline}
              </Typography.Paragraph>
            )}
            {m.makeUp && (
              <div>
                <Tag color="blue" data-testid="study-roster-made-up">
                  {t('studySessions.makeUpDone', {
                    date: m.makeUp.madeUpOn,
                    how: nameOf(MAKE_UP_WAY_LABELS, m.makeUp.how),
                  })}
                </Tag>
                {m.makeUp.notes && <Typography.Text type="secondary">{m.makeUp.notes}</Typography.Text>}
              </div>
            )}
            {owesMakeUp(m) && (
              <div style={{ marginTop: 4 }}>
                <Tag color="orange">{t('studySessions.makeUpOwed')}</Tag>
                {canWrite && (
                  <Button
                    size="small"
                    onClick={() => setRecording(m)}
                    data-testid="study-make-up-open"
                    style={{ minHeight: 32 }}
                  >
                    {t('studySessions.makeUpRecord')}
                  </Button>
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
      {recording && <MakeUpDialog session={session} member={recording} onClose={() => setRecording(null)} />}
    </>
  );
}

interface MakeUpValues {
  madeUpOn: string;
  how: MakeUpWay;
  notes?: string;
}

function MakeUpDialog({
  session,
  member,
  onClose,
}: {
  session: StudySession;
  member: RosterMember;
  onClose: () => void;
}) {
  const { t, nameOf, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<MakeUpValues>();
  const [key] = useState(() => crypto.randomUUID());
  const save = useRecordMakeUp(session.id, session.version);
  const earliest = shanghaiLocalDate(new Date(session.occurredAt));
  const submit = async () => {
    const values = await form.validateFields();
    save.mutate(
      {
        input: { name: member.name, madeUpOn: values.madeUpOn, how: values.how, notes: values.notes || null },
        idempotencyKey: key,
      },
      {
        onSuccess: () => {
          void message.success(t('studySessions.makeUpSaved'));
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      open
      title={t('studySessions.makeUpTitle', { name: member.name })}
      okText={t('studySessions.makeUpSave')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'study-make-up-save' } as ButtonProps}
      destroyOnHidden
    >
      {save.error && (
        <Alert type="error" showIcon title={errorText(save.error, lang, t)} style={{ marginBottom: 12 }} />
      )}
      <Form form={form} layout="vertical" initialValues={{ how: 'SELF', madeUpOn: earliest }}>
        <Form.Item name="madeUpOn" label={t('studySessions.makeUpOn')} rules={[{ required: true }]}>
          <Input type="date" min={earliest} data-testid="study-make-up-date" />
        </Form.Item>
        <Form.Item name="how" label={t('studySessions.makeUpHow')} rules={[{ required: true }]}>
          <Select options={MAKE_UP_WAYS.map((w) => ({ value: w, label: nameOf(MAKE_UP_WAY_LABELS, w) }))} />
        </Form.Item>
        <Form.Item name="notes" label={t('studySessions.makeUpNotes')}>
          <Input.TextArea maxLength={MAKE_UP_NOTES_MAX} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
