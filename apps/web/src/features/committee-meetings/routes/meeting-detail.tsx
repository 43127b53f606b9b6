// One 党工委 meeting: its facts, its 议定事项 with each task's live state (a link to the task on
// the responsibility list), its files (会议纪要, photos) and its history.

import type { Meeting } from '@dutyboard/contracts/committee-meetings';
import { ASSIGNMENT_STATUS_LABELS, MEETING_KIND_LABELS, RISK_LEVEL_LABELS } from '@dutyboard/contracts/labels';
import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import {
  EditDeleteButtons,
  historyFieldLabels,
  longText,
  NotFilled,
  RecordDetailPage,
  RecordDetailRoute,
  timestampFields,
} from '../../../components/record-detail-page.tsx';
import { StatusPage } from '../../../components/status-page.tsx';
import { can } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import type { MessageKey } from '../../../lib/i18n.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { recordPath } from '../../../lib/record-links.ts';
import { useDeleteMeeting, useMeeting } from '../api/meetings.ts';

const HISTORY_LABELS: Record<string, MessageKey> = {
  orgId: 'meetings.org',
  kind: 'meetings.kind',
  title: 'meetings.field.title',
  heldAt: 'meetings.heldAt',
  chair: 'meetings.chair',
  venue: 'meetings.venue',
  attendees: 'meetings.attendees',
  agenda: 'meetings.agenda',
  judgement: 'meetings.judgement',
  minutes: 'meetings.minutes',
};

export function MeetingDetailRoute() {
  return <RecordDetailRoute useRecord={useMeeting} notFound={<MeetingNotFound />} Detail={MeetingDetail} />;
}

function MeetingNotFound() {
  const { t } = useI18n();
  return <StatusPage status="404" title={t('meetings.notFoundTitle')} text={t('meetings.notFoundText')} />;
}

function MeetingDetail({ record: m }: { record: Meeting }) {
  const me = useCurrentUser();
  const { t, nameOf } = useI18n();
  const remove = useDeleteMeeting(m.id, m.version);
  const canWrite = can(me, 'meeting:write');
  const members = m.attendees.filter((a) => !a.observer).map((a) => a.name);
  const observers = m.attendees.filter((a) => a.observer).map((a) => a.name);
  const fields = [
    { key: 'kind', label: t('meetings.kind'), children: nameOf(MEETING_KIND_LABELS, m.kind) },
    { key: 'org', label: t('meetings.org'), children: m.orgName },
    { key: 'heldAt', label: t('meetings.heldAt'), children: formatDateTime(m.heldAt) },
    { key: 'chair', label: t('meetings.chair'), children: m.chair },
    { key: 'venue', label: t('meetings.venue'), children: m.venue || <NotFilled /> },
    { key: 'attendees', label: t('meetings.attendees'), children: members.join('、') || <NotFilled /> },
    ...(observers.length ? [{ key: 'observers', label: t('meetings.observers'), children: observers.join('、') }] : []),
    {
      key: 'agenda',
      label: t('meetings.agenda'),
      children: (
        <ol style={{ margin: 0, paddingLeft: 20 }} data-testid="meeting-agenda">
          {m.agenda.map((topic) => (
            <li key={topic}>{topic}</li>
          ))}
        </ol>
      ),
    },
    ...(m.judgement
      ? [
          {
            key: 'judgement',
            label: t('meetings.judgement'),
            children: (
              <Space orientation="vertical" size={4}>
                {m.judgement.risks.map((r) => (
                  <span key={r.area}>
                    <Tag>{nameOf(RISK_LEVEL_LABELS, r.level)}</Tag>
                    {r.area}：{r.measures}
                  </span>
                ))}
                {(m.judgement.riskPointIds.length > 0 || m.judgement.alertIds.length > 0) && (
                  <Typography.Text type="secondary">
                    {t('meetings.riskLinks', {
                      points: m.judgement.riskPointIds.length,
                      alerts: m.judgement.alertIds.length,
                    })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
        ]
      : []),
    { key: 'minutes', label: t('meetings.minutes'), children: longText(m.minutes) },
    ...timestampFields(t, 'meetings', m),
  ];
  const decisions = (
    <Card title={t('meetings.decisions')} data-testid="meeting-decisions">
      {m.decisions.length === 0 ? (
        <Empty description={t('meetings.decisionsEmpty')} />
      ) : (
        <List
          dataSource={m.decisions}
          renderItem={(d) => (
            <List.Item key={d.taskId} data-testid="meeting-decision">
              <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                <Link to={recordPath('Assignment', d.taskId)}>{d.text}</Link>
                <Space wrap size={[8, 4]}>
                  <Tag color={d.status === 'DONE' ? 'green' : d.overdue ? 'red' : 'blue'} data-testid="decision-status">
                    {d.overdue ? t('meetings.overdue') : nameOf(ASSIGNMENT_STATUS_LABELS, d.status)}
                  </Tag>
                  <Typography.Text type="secondary">
                    {t('meetings.colOwner')}：{d.ownerName}
                    {d.dueDate && ` · ${t('meetings.colDue')}：${d.dueDate}`}
                  </Typography.Text>
                </Space>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
  return (
    <RecordDetailPage
      ns="meetings"
      testId="meeting"
      listPath="/committee-meetings"
      title={m.title}
      titleTestId="meeting-title"
      fields={fields}
      actions={canWrite ? <EditDeleteButtons to={`/committee-meetings/${m.id}/edit`} remove={remove} /> : undefined}
      sections={decisions}
      entityType="CommitteeMeeting"
      entityId={m.id}
      canAttach={canWrite}
      historyLabels={historyFieldLabels(t, HISTORY_LABELS)}
      historyValue={(field, value) => {
        if (field === 'kind' && typeof value === 'string') return nameOf(MEETING_KIND_LABELS, value as Meeting['kind']);
        if (field === 'heldAt' && typeof value === 'string') return formatDateTime(value);
        // Attendees and agenda are lists: their names and topics, not their JSON.
        if (field === 'agenda' && Array.isArray(value)) return value.join('；');
        if (field === 'attendees' && Array.isArray(value)) {
          return value
            .map((a: { name?: string; observer?: boolean }) =>
              a.observer ? `${t('meetings.observerPrefix')}${a.name}` : a.name,
            )
            .join('、');
        }
        return undefined;
      }}
    />
  );
}
