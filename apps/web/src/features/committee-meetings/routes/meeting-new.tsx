// Record a 党工委 meeting on a phone in under a minute: type, date and time, chair, who came, the
// agenda one topic a line, for a 研判 the risk found, and the 议定事项 (each with its owner and due
// day), which the server turns into tasks on the responsibility list in the same save.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  CreateMeetingInputSchema,
  holdsCommitteeMeetings,
  MEETING_KINDS,
  type MeetingKind,
} from '@dutyboard/contracts/committee-meetings';
import { MEETING_KIND_LABELS, RISK_LEVEL_LABELS } from '@dutyboard/contracts/labels';
import { RISK_LEVELS, type RiskLevel } from '@dutyboard/contracts/risk-points';
import { Alert, App, Button, Card, DatePicker, Form, Input, Radio, Select, Space, TimePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { PageHead } from '../../../components/page-head.tsx';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import {
  DATE_FORMAT,
  pickerDay,
  pickerTime,
  shanghaiInstant,
  TIME_FORMAT,
  todayInShanghai,
} from '../../../lib/dates.ts';
import { errorText } from '../../../lib/error-text.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useOrgs } from '../../../lib/orgs.ts';
import { useSubmissionKey } from '../../../lib/use-submission-key.ts';
import { useCreateMeeting, useMeetingOwners } from '../api/meetings.ts';

interface Values {
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
  decisions?: { text: string; ownerId: string; dueDate: Dayjs }[];
}

const lines = (text: string | undefined) =>
  (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export function MeetingNewRoute() {
  const me = useCurrentUser();
  const { t, nameOf, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'SPECIAL_STUDY';
  const orgs = useOrgs();
  const owners = useMeetingOwners(true);
  const create = useCreateMeeting();
  const keyOf = useSubmissionKey<unknown>();
  const [problem, setProblem] = useState<string | null>(null);
  const committees = (orgs.data?.items ?? []).filter((o) => holdsCommitteeMeetings(o.kind));
  const prefix = t('meetings.observerPrefix');

  async function submit(v: Values) {
    setProblem(null);
    const parsed = CreateMeetingInputSchema.safeParse({
      orgId: v.orgId,
      kind: v.kind,
      title: v.title,
      heldAt: shanghaiInstant(v.heldDate.format(DATE_FORMAT), v.heldTime.format(TIME_FORMAT)),
      chair: v.chair,
      venue: v.venue || null,
      attendees: lines(v.members).map((name) =>
        name.startsWith(prefix)
          ? { name: name.slice(prefix.length).trim(), observer: true }
          : { name, observer: false },
      ),
      agenda: lines(v.agenda),
      judgement:
        v.kind === 'SITUATION_JUDGEMENT'
          ? { risks: [{ area: v.riskArea ?? '', level: v.riskLevel ?? 'LOW', measures: v.riskMeasures ?? '' }] }
          : null,
      minutes: v.minutes || null,
      decisions: (v.decisions ?? []).map((d) => ({
        text: d.text,
        ownerId: d.ownerId,
        dueDate: d.dueDate?.format(DATE_FORMAT),
      })),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setProblem(`${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
      return;
    }
    try {
      const saved = await create.mutateAsync({ input: parsed.data, idempotencyKey: keyOf(parsed.data) });
      void message.success(t('meetings.saved'));
      void navigate(`/committee-meetings/${saved.id}`);
    } catch (error) {
      setProblem(errorText(error, lang, t));
    }
  }

  const home = committees.find((o) => o.id === me.org.id) ?? committees[0];
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16, maxWidth: 760 }}>
      <PageHead title={t('meetings.newTitle')} />
      <Card>
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(v) => void submit(v)}
          initialValues={{
            kind: 'SPECIAL_STUDY',
            title: nameOf(MEETING_KIND_LABELS, 'SPECIAL_STUDY'),
            heldDate: pickerDay(todayInShanghai()),
            heldTime: pickerTime('09:00'),
            chair: me.displayName,
          }}
          onValuesChange={(changed: Partial<Values>) => {
            if (changed.kind) form.setFieldValue('title', nameOf(MEETING_KIND_LABELS, changed.kind));
          }}
          data-testid="meeting-form"
        >
          {committees.length > 1 ? (
            <Form.Item
              name="orgId"
              label={t('meetings.field.orgId')}
              rules={[{ required: true }]}
              initialValue={home?.id}
            >
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
            <Input maxLength={200} />
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
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name="venue" label={t('meetings.field.venue')}>
            <Input maxLength={200} />
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
                <Input maxLength={200} />
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
                {items.map((item, index) => (
                  <Card
                    key={item.key}
                    size="small"
                    title={`${t('meetings.field.decisionText')} ${index + 1}`}
                    extra={
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('meetings.removeDecision')}
                        onClick={() => remove(item.name)}
                      />
                    }
                  >
                    <Form.Item
                      name={[item.name, 'text']}
                      label={t('meetings.field.decisionText')}
                      rules={[{ required: true, whitespace: true }]}
                    >
                      <Input maxLength={500} />
                    </Form.Item>
                    <Form.Item
                      name={[item.name, 'ownerId']}
                      label={t('meetings.field.decisionOwner')}
                      rules={[{ required: true }]}
                    >
                      <Select
                        loading={owners.isPending}
                        options={(owners.data?.items ?? []).map((o) => ({
                          value: o.id,
                          label: `${o.displayName}（${o.orgName}）`,
                        }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[item.name, 'dueDate']}
                      label={t('meetings.field.decisionDue')}
                      rules={[{ required: true }]}
                    >
                      <DatePicker format={DATE_FORMAT} inputReadOnly />
                    </Form.Item>
                  </Card>
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ ownerId: me.id })}
                  data-testid="meeting-add-decision"
                >
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
            loading={create.isPending}
            style={{ marginTop: 16 }}
            data-testid="meeting-save"
          >
            {t('meetings.save')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
