// The one study-session form for new and edit: a single column with large touch targets, in the
// order a secretary fills it on a phone right after the meeting — kind, topic, when, who, how
// many, who was absent and why; materials and minutes last. Rules and limits come from the contract.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  ROSTER_ROLE_LABELS,
  ROSTER_STATUS_LABELS,
  STUDY_KIND_LABELS,
  STUDY_TOPIC_LABELS,
} from '@dutyboard/contracts/labels';
import {
  ROSTER_MAX,
  ROSTER_ROLES,
  ROSTER_STATUSES,
  rosterAllowed,
  STUDY_KINDS,
  STUDY_TOPICS,
} from '@dutyboard/contracts/study-sessions';
import { Button, Form, Input, InputNumber, Select, Typography } from 'antd';
import type { ReactNode } from 'react';
import { RecordForm, WhenFields } from '../../../components/record-form.tsx';
import type { RecordFormProps } from '../../../components/record-form-page.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useFormFields } from '../../../lib/use-form-fields.ts';
import { ABSENTEE_FIELDS, FIELDS, ROSTER_FIELDS, type RosterRow, type StudyFormValues } from './study-form-values.ts';

const half = { flex: '1 1 140px', minWidth: 0 } as const;

export function StudyForm(props: RecordFormProps<StudyFormValues, ReactNode>) {
  const { t, nameOf } = useI18n();
  const fields = useFormFields(FIELDS);
  const { item, max, min } = fields;
  const count = (field: 'expectedAttendance' | 'actualAttendance') => (
    <Form.Item {...item(field)} style={half}>
      <InputNumber
        min={min(field)}
        max={max(field)}
        precision={0}
        inputMode="numeric"
        placeholder={t('studySessions.form.countPlaceholder')}
        style={{ width: '100%' }}
      />
    </Form.Item>
  );

  return (
    <RecordForm {...props} name="study" testId="study" fields={FIELDS} saveLabel={t('form.save')}>
      <Form.Item {...item('kind')}>
        <Select
          placeholder={t('studySessions.form.kindPlaceholder')}
          options={STUDY_KINDS.map((k) => ({ value: k, label: nameOf(STUDY_KIND_LABELS, k) }))}
          data-testid="study-kind"
        />
      </Form.Item>
      <Form.Item {...item('topic')}>
        <Input maxLength={max('topic')} placeholder={t('studySessions.form.topicPlaceholder')} />
      </Form.Item>
      <Form.Item {...item('topicCategory')}>
        <Select
          options={STUDY_TOPICS.map((c) => ({ value: c, label: nameOf(STUDY_TOPIC_LABELS, c) }))}
          data-testid="study-topic-category"
        />
      </Form.Item>
      <WhenFields fields={fields} half />
      <Form.Item {...item('host')}>
        <Input maxLength={max('host')} placeholder={t('studySessions.form.hostPlaceholder')} />
      </Form.Item>
      <Attendance count={count} />
      <Form.Item {...item('materials')}>
        <Input.TextArea
          maxLength={max('materials')}
          autoSize={{ minRows: 2, maxRows: 8 }}
          placeholder={t('studySessions.form.materialsPlaceholder')}
        />
      </Form.Item>
      <Form.Item {...item('minutes')}>
        <Input.TextArea
          maxLength={max('minutes')}
          autoSize={{ minRows: 3, maxRows: 12 }}
          placeholder={t('studySessions.form.minutesPlaceholder')}
        />
      </Form.Item>
    </RecordForm>
  );
}

/**
 * The counts and absentees typed in, or — for a session counted as 中心组学习 — a roster from which
 * they follow (ADR 051): once a roster row is filled the typed counts are not shown nor sent.
 */
function Attendance({ count }: { count: (field: 'expectedAttendance' | 'actualAttendance') => ReactNode }) {
  const { t } = useI18n();
  const form = Form.useFormInstance<StudyFormValues>();
  const kind = Form.useWatch('kind', form);
  const topicCategory = Form.useWatch('topicCategory', form);
  const rows: RosterRow[] = Form.useWatch('roster', form) ?? [];
  const allowed = kind !== undefined && rosterAllowed(kind, topicCategory);
  const members = rows.filter((r) => r?.name?.trim() && (r.role ?? 'MEMBER') === 'MEMBER');
  const onRoster = allowed && members.length > 0;
  return (
    <>
      {allowed && <RosterList />}
      {onRoster ? (
        <Typography.Paragraph data-testid="study-roster-counts">
          {t('studySessions.rosterCounts', {
            expected: members.length,
            actual: members.filter((m) => (m.status ?? 'PRESENT') === 'PRESENT').length,
          })}
        </Typography.Paragraph>
      ) : (
        <>
          <div style={{ display: 'flex', flexWrap: 'wrap', columnGap: 16 }}>
            {count('expectedAttendance')}
            {count('actualAttendance')}
          </div>
          <AbsenteeList />
        </>
      )}
    </>
  );
}

/** The roster: one row per person — name, role (成员/列席旁听), attendance, then reason or 发言提纲. */
function RosterList() {
  const { t, nameOf } = useI18n();
  const row = useFormFields(ROSTER_FIELDS);
  const form = Form.useFormInstance<StudyFormValues>();
  const rows: RosterRow[] = Form.useWatch('roster', form) ?? [];
  return (
    <Form.List name="roster">
      {(fields, { add, remove }, { errors }) => (
        <fieldset style={{ border: 0, margin: '0 0 16px', padding: 0, minWidth: 0 }} data-testid="study-roster">
          <legend style={{ border: 0, width: 'auto', margin: 0, padding: '0 0 4px', fontSize: 14, color: 'inherit' }}>
            {t('studySessions.roster')}
          </legend>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginBottom: 8 }}>
            {t('studySessions.rosterHint')}
          </Typography.Text>
          {fields.map((field, index) => {
            const n = index + 1;
            const status = rows[index]?.status ?? 'PRESENT';
            return (
              <div
                key={field.key}
                data-testid="study-roster-row"
                style={{
                  display: 'flex',
                  flexWrap: 'wrap',
                  alignItems: 'flex-start',
                  gap: 8,
                  marginBottom: 12,
                  paddingBottom: 8,
                  borderBottom: '1px solid rgba(0,0,0,0.06)',
                }}
              >
                <Form.Item
                  name={[field.name, 'name']}
                  label={t('studySessions.rosterNameShort')}
                  style={{ flex: '2 1 140px', minWidth: 0, marginBottom: 0 }}
                  rules={row.rules('name', { required: false })}
                >
                  <Input aria-label={t('studySessions.rosterName', { n })} maxLength={row.max('name')} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'role']}
                  label={t('studySessions.rosterRoleShort')}
                  style={{ flex: '1 1 110px', minWidth: 0, marginBottom: 0 }}
                >
                  <Select
                    aria-label={t('studySessions.rosterRole', { n })}
                    options={ROSTER_ROLES.map((r) => ({ value: r, label: nameOf(ROSTER_ROLE_LABELS, r) }))}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'status']}
                  label={t('studySessions.rosterStatusShort')}
                  style={{ flex: '1 1 90px', minWidth: 0, marginBottom: 0 }}
                >
                  <Select
                    aria-label={t('studySessions.rosterStatus', { n })}
                    options={ROSTER_STATUSES.map((r) => ({ value: r, label: nameOf(ROSTER_STATUS_LABELS, r) }))}
                  />
                </Form.Item>
                <Button
                  aria-label={t('studySessions.rosterRemove', { n })}
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  style={{ width: 44, height: 40, flex: '0 0 auto', alignSelf: 'flex-end' }}
                />
                {status === 'PRESENT' ? (
                  <Form.Item
                    name={[field.name, 'outline']}
                    label={t('studySessions.rosterOutlineShort')}
                    style={{ flex: '1 1 100%', minWidth: 0, marginBottom: 0 }}
                  >
                    <Input.TextArea
                      aria-label={t('studySessions.rosterOutline', { n })}
                      maxLength={row.max('outline')}
                      autoSize={{ minRows: 1, maxRows: 6 }}
                    />
                  </Form.Item>
                ) : (
                  <Form.Item
                    name={[field.name, 'reason']}
                    label={t('studySessions.rosterReasonShort')}
                    style={{ flex: '1 1 100%', minWidth: 0, marginBottom: 0 }}
                  >
                    <Input aria-label={t('studySessions.rosterReason', { n })} maxLength={row.max('reason')} />
                  </Form.Item>
                )}
              </div>
            );
          })}
          <Form.ErrorList errors={errors} />
          {fields.length < ROSTER_MAX && (
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              onClick={() => add({ name: '', role: 'MEMBER', status: 'PRESENT', reason: '', outline: '' })}
              data-testid="study-roster-add"
            >
              {t('studySessions.rosterAdd')}
            </Button>
          )}
        </fieldset>
      )}
    </Form.List>
  );
}

/**
 * Absentees as rows of name + reason, each box with a visible label (姓名, 缺席原因) and an
 * accessible name that contains it and says which row ("缺席人员 2 姓名"), so it
 * reads well to a screen reader and a test can find it; the list's own issues (too many for the
 * counts) show under the rows.
 */
function AbsenteeList() {
  const { t } = useI18n();
  const row = useFormFields(ABSENTEE_FIELDS);
  const rowsMax = useFormFields(FIELDS).max('absentees') ?? 0;
  return (
    <Form.List name="absentees">
      {(fields, { add, remove }, { errors }) => (
        <fieldset
          aria-describedby="study-absentees-hint"
          style={{ border: 0, margin: '0 0 24px', padding: 0, minWidth: 0 }}
          data-testid="study-absentees"
        >
          {/* antd's reset draws a rule under a legend and enlarges it; here it reads like the other labels. */}
          <legend
            style={{
              border: 0,
              width: 'auto',
              margin: 0,
              padding: '0 0 8px',
              fontSize: 14,
              lineHeight: 1.5715,
              color: 'inherit',
            }}
          >
            {t('studySessions.form.absentees')}
          </legend>
          {fields.map((field, index) => {
            const n = index + 1;
            return (
              <div
                key={field.key}
                data-testid="study-absentee-row"
                style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: 8, marginBottom: 8 }}
              >
                <Form.Item
                  name={[field.name, 'name']}
                  // A visible label, not a placeholder that vanishes on typing (issue 16.9).
                  label={t('studySessions.form.absenteeNameShort')}
                  style={{ flex: '1 1 88px', minWidth: 0, marginBottom: 0 }}
                  // Blank rows are dropped on Save: a box is required only beside a filled one (the contract's check).
                  rules={row.rules('name', { required: false })}
                >
                  <Input
                    aria-label={t('studySessions.form.absenteeName', { n })}
                    maxLength={row.max('name')}
                    placeholder={t('studySessions.form.absenteeNamePlaceholder')}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'reason']}
                  label={t('studySessions.form.absenteeReasonShort')}
                  style={{ flex: '2 1 120px', minWidth: 0, marginBottom: 0 }}
                  rules={row.rules('reason', { required: false })}
                >
                  <Input
                    aria-label={t('studySessions.form.absenteeReason', { n })}
                    maxLength={row.max('reason')}
                    placeholder={t('studySessions.form.absenteeReasonPlaceholder')}
                  />
                </Form.Item>
                <Button
                  aria-label={t('studySessions.form.absenteeRemove', { n })}
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  // Level with the boxes, below their labels.
                  style={{ width: 44, height: 40, flex: '0 0 auto', alignSelf: 'flex-end' }}
                />
              </div>
            );
          })}
          <Form.ErrorList errors={errors} />
          {fields.length < rowsMax && (
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              onClick={() => add({ name: '', reason: '' })}
              data-testid="study-absentee-add"
            >
              {t('studySessions.form.absenteeAdd')}
            </Button>
          )}
          <Typography.Text type="secondary" id="study-absentees-hint" style={{ display: 'block', fontSize: 12 }}>
            {t('studySessions.form.absenteesHint', { max: rowsMax })}
          </Typography.Text>
        </fieldset>
      )}
    </Form.List>
  );
}
