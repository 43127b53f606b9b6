// The 党工委 meeting form, for a new meeting and for an edit: type, date and time, chair, who came,
// the agenda one topic a line, for a 研判 the risk found, and the 议定事项 (each with its owner and
// due day), which the server turns into tasks in the same save. On an edit a done 议定事项 is
// locked (the server refuses to change or drop it: 409 meeting.doneTaskKept), and removing one
// that is already a task asks first: its task leaves the responsibility list.
import { DeleteOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import {
  holdsCommitteeMeetings,
  MEETING_CHAIR_MAX,
  MEETING_DECISION_MAX,
  MEETING_KINDS,
  MEETING_TITLE_MAX,
  MEETING_TOPIC_MAX,
  MEETING_VENUE_MAX,
  type Meeting,
  type MeetingAttendee,
  type MeetingKind,
} from '@dutyboard/contracts/committee-meetings';
import { MEETING_KIND_LABELS, RISK_LEVEL_LABELS } from '@dutyboard/contracts/labels';
import { RISK_LEVELS, type RiskLevel } from '@dutyboard/contracts/risk-points';
import {
  Alert,
  Button,
  type ButtonProps,
  Card,
  DatePicker,
  Form,
  Input,
  Popconfirm,
  Radio,
  Select,
  Space,
  Tag,
  TimePicker,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import {
  DATE_FORMAT,
  pickerDay,
  pickerTime,
  shanghaiInstant,
  shanghaiParts,
  TIME_FORMAT,
  todayInShanghai,
} from '../../../lib/dates.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useOrgs } from '../../../lib/orgs.ts';
import { useMeetingOwners } from '../api/meetings.ts';

const REMOVE_CONFIRM: ButtonProps & { 'data-testid': string } = {
  danger: true,
  'data-testid': 'meeting-remove-confirm',
};

export interface MeetingDecisionValues {
  /** The task it already is (an edit); absent: a new 议定事项. */
  taskId?: string;
  /** Its task is done: shown locked and sent back unchanged. */
  done?: boolean;
  text: string;
  ownerId: string;
  dueDate: Dayjs;
}

export interface MeetingValues {
  orgId: string;
  kind: MeetingKind;
  title: string;
  heldDate: Dayjs;
  heldTime: Dayjs;
  chair: string;
  venue?: string;
  members: string;
  agenda: string;
  riskArea?: string;
  riskLevel?: RiskLevel;
  riskMeasures?: string;
  minutes?: string;
  decisions?: MeetingDecisionValues[];
}

const lines = (text: string | undefined) =>
  (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The body fields of the form's values (the caller adds orgId on a create), before the schema checks them. */
export function meetingBody(v: MeetingValues, observerPrefix: string, before?: Meeting) {
  // A name typed again keeps the user it was linked to.
  const known = new Map((before?.attendees ?? []).map((a) => [a.name, a.userId ?? null]));
  const attendee = (name: string, observer: boolean): MeetingAttendee => {
    const userId = known.get(name);
    return userId ? { userId, name, observer } : { name, observer };
  };
  const firstRisk = { area: v.riskArea ?? '', level: v.riskLevel ?? 'LOW', measures: v.riskMeasures ?? '' };
  return {
    kind: v.kind,
    title: v.title,
    heldAt: shanghaiInstant(v.heldDate.format(DATE_FORMAT), v.heldTime.format(TIME_FORMAT)),
    chair: v.chair,
    venue: v.venue || null,
    attendees: lines(v.members).map((name) =>
      name.startsWith(observerPrefix)
        ? attendee(name.slice(observerPrefix.length).trim(), true)
        : attendee(name, false),
    ),
    agenda: lines(v.agenda),
    judgement:
      v.kind === 'SITUATION_JUDGEMENT'
        ? {
            // The form edits the first risk; the others and the links stay as they were.
            risks: [firstRisk, ...(before?.judgement?.risks.slice(1) ?? [])],
            riskPointIds: before?.judgement?.riskPointIds ?? [],
            alertIds: before?.judgement?.alertIds ?? [],
          }
        : null,
    minutes: v.minutes || null,
    decisions: (v.decisions ?? []).map((d) => ({
      ...(d.taskId ? { taskId: d.taskId } : {}),
      text: d.text,
      ownerId: d.ownerId,
      dueDate: d.dueDate?.format(DATE_FORMAT),
    })),
  };
}

/** A stored meeting as the form's values. */
export function meetingValues(m: Meeting, observerPrefix: string): MeetingValues {
  const held = shanghaiParts(m.heldAt);
  const risk = m.judgement?.risks[0];
  return {
    orgId: m.orgId,
    kind: m.kind,
    title: m.title,
    heldDate: pickerDay(held.date),
    heldTime: pickerTime(held.time),
    chair: m.chair,
    venue: m.venue ?? undefined,
    members: m.attendees.map((a) => (a.observer ? `${observerPrefix}${a.name}` : a.name)).join('\n'),
    agenda: m.agenda.join('\n'),
    riskArea: risk?.area,
    riskLevel: risk?.level,
    riskMeasures: risk?.measures,
    minutes: m.minutes ?? undefined,
    decisions: m.decisions.map((d) => ({
      taskId: d.taskId,
      done: d.status === 'DONE',
      text: d.text,
      ownerId: d.ownerId,
      dueDate: pickerDay(d.dueDate ?? todayInShanghai()),
    })),
  };
}

export function newMeetingValues(displayName: string, title: string): Partial<MeetingValues> {
  return {
    kind: 'SPECIAL_STUDY',
    title,
    heldDate: pickerDay(todayInShanghai()),
    heldTime: pickerTime('09:00'),
    chair: displayName,
  };
}

interface MeetingFormProps {
  initialValues: Partial<MeetingValues>;
  /** An edit: the org stays, as the API's PATCH keeps it. */
  editing?: boolean;
  onFinish: (values: MeetingValues) => void;
  saving: boolean;
  problem: string | null;
}

export function MeetingForm({ initialValues, editing = false, onFinish, saving, problem }: MeetingFormProps) {
  const me = useCurrentUser();
  const { t, nameOf } = useI18n();
  const [form] = Form.useForm<MeetingValues>();
  const kind = Form.useWatch('kind', form) ?? initialValues.kind ?? 'SPECIAL_STUDY';
  const orgs = useOrgs();
  const owners = useMeetingOwners(true);
  const committees = (orgs.data?.items ?? []).filter((o) => holdsCommitteeMeetings(o.kind));
  const home = committees.find((o) => o.id === me.org.id) ?? committees[0];
  const ownerOptions = (owners.data?.items ?? []).map((o) => ({
    value: o.id,
    label: `${o.displayName}（${o.orgName}）`,
  }));

  return (
    <Form<MeetingValues>
      form={form}
      layout="vertical"
      onFinish={onFinish}
      initialValues={initialValues}
      onValuesChange={(changed: Partial<MeetingValues>) => {
        if (changed.kind && !editing) form.setFieldValue('title', nameOf(MEETING_KIND_LABELS, changed.kind));
      }}
      data-testid="meeting-form"
    >
      {!editing && committees.length > 1 ? (
        <Form.Item name="orgId" label={t('meetings.field.orgId')} rules={[{ required: true }]} initialValue={home?.id}>
          <Select options={committees.map((o) => ({ value: o.id, label: o.name }))} />
        </Form.Item>
      ) : (
        <Form.Item name="orgId" hidden initialValue={home?.id ?? me.org.id}>
          <Input />
        </Form.Item>
      )}
      <Form.Item name="kind" label={t('meetings.field.kind')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          options={MEETING_KINDS.map((k) => ({ value: k, label: nameOf(MEETING_KIND_LABELS, k) }))}
        />
      </Form.Item>
      <Form.Item name="title" label={t('meetings.field.title')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={MEETING_TITLE_MAX} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="heldDate" label={t('meetings.field.heldDate')} rules={[{ required: true }]}>
          <DatePicker format={DATE_FORMAT} allowClear={false} inputReadOnly />
        </Form.Item>
        <Form.Item name="heldTime" label={t('meetings.field.heldTime')} rules={[{ required: true }]}>
          <TimePicker format={TIME_FORMAT} minuteStep={5} allowClear={false} inputReadOnly />
        </Form.Item>
      </Space>
      <Form.Item name="chair" label={t('meetings.field.chair')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={MEETING_CHAIR_MAX} />
      </Form.Item>
      <Form.Item name="venue" label={t('meetings.field.venue')}>
        <Input maxLength={MEETING_VENUE_MAX} />
      </Form.Item>
      <Form.Item
        name="members"
        label={t('meetings.field.members')}
        extra={t('meetings.field.membersHint')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
      </Form.Item>
      <Form.Item
        name="agenda"
        label={t('meetings.field.agenda')}
        extra={t('meetings.field.agendaHint')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
      </Form.Item>
      {kind === 'SITUATION_JUDGEMENT' && (
        <>
          <Form.Item
            name="riskArea"
            label={t('meetings.field.riskArea')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={MEETING_TOPIC_MAX} />
          </Form.Item>
          <Form.Item name="riskLevel" label={t('meetings.field.riskLevel')} rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              options={RISK_LEVELS.map((l) => ({ value: l, label: nameOf(RISK_LEVEL_LABELS, l) }))}
            />
          </Form.Item>
          <Form.Item
            name="riskMeasures"
            label={t('meetings.field.riskMeasures')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </>
      )}
      <Form.Item name="minutes" label={t('meetings.field.minutes')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} />
      </Form.Item>
      <Form.List name="decisions">
        {(items, { add, remove }) => (
          <Space orientation="vertical" style={{ width: '100%' }} data-testid="meeting-decision-fields">
            {items.map((item, index) => {
              const taskId = form.getFieldValue(['decisions', item.name, 'taskId']) as string | undefined;
              const done = form.getFieldValue(['decisions', item.name, 'done']) === true;
              const removeButton = (
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('meetings.removeDecision')}
                  data-testid="meeting-remove-decision"
                  onClick={taskId ? undefined : () => remove(item.name)}
                />
              );
              return (
                <Card
                  key={item.key}
                  size="small"
                  data-testid="meeting-decision-field"
                  data-done={String(done)}
                  title={`${t('meetings.field.decisionText')} ${index + 1}`}
                  extra={
                    done ? (
                      <Tag icon={<LockOutlined />} color="green" data-testid="meeting-decision-locked">
                        {t('meetings.decisionLocked')}
                      </Tag>
                    ) : taskId ? (
                      <Popconfirm
                        title={t('meetings.removeDecisionConfirm')}
                        okText={t('meetings.removeDecisionOk')}
                        cancelText={t('common.cancel')}
                        okButtonProps={REMOVE_CONFIRM}
                        onConfirm={() => remove(item.name)}
                      >
                        {removeButton}
                      </Popconfirm>
                    ) : (
                      removeButton
                    )
                  }
                >
                  <Form.Item name={[item.name, 'taskId']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item
                    name={[item.name, 'text']}
                    label={t('meetings.field.decisionText')}
                    rules={[{ required: true, whitespace: true }]}
                  >
                    <Input maxLength={MEETING_DECISION_MAX} disabled={done} />
                  </Form.Item>
                  <Form.Item
                    name={[item.name, 'ownerId']}
                    label={t('meetings.field.decisionOwner')}
                    rules={[{ required: true }]}
                  >
                    <Select loading={owners.isPending} options={ownerOptions} disabled={done} />
                  </Form.Item>
                  <Form.Item
                    name={[item.name, 'dueDate']}
                    label={t('meetings.field.decisionDue')}
                    rules={[{ required: true }]}
                  >
                    <DatePicker format={DATE_FORMAT} inputReadOnly disabled={done} />
                  </Form.Item>
                  {done && <Alert type="success" showIcon={false} title={t('meetings.decisionLockedHint')} />}
                </Card>
              );
            })}
            <Button icon={<PlusOutlined />} onClick={() => add({ ownerId: me.id })} data-testid="meeting-add-decision">
              {t('meetings.addDecision')}
            </Button>
          </Space>
        )}
      </Form.List>
      {problem && (
        <Alert type="error" showIcon title={problem} style={{ marginTop: 16 }} data-testid="meeting-problem" />
      )}
      <Button
        type="primary"
        htmlType="submit"
        size="large"
        block
        loading={saving}
        style={{ marginTop: 16 }}
        data-testid="meeting-save"
      >
        {t('meetings.save')}
      </Button>
    </Form>
  );
}
