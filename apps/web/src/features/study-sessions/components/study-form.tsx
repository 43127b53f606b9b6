// The one study-session form for new and edit: a single column with large touch targets, in the
// order a secretary fills it on a phone right after the meeting — kind, topic, when, who, how
// many, who was absent and why; materials and minutes last. Limits come from the contract.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { STUDY_KIND_LABELS, STUDY_TOPIC_LABELS } from '@dutyboard/contracts/labels';
import type { OrgUnit } from '@dutyboard/contracts/orgs';
import {
  STUDY_ABSENTEE_NAME_MAX,
  STUDY_ABSENTEE_REASON_MAX,
  STUDY_ABSENTEES_MAX,
  STUDY_ATTENDANCE_MAX,
  STUDY_HOST_MAX,
  STUDY_KINDS,
  STUDY_MATERIALS_MAX,
  STUDY_MINUTES_MAX,
  STUDY_TOPIC_MAX,
  STUDY_TOPICS,
} from '@dutyboard/contracts/study-sessions';
import { Button, DatePicker, Form, type FormInstance, Input, InputNumber, Select, TimePicker, Typography } from 'antd';
import type { ReactNode } from 'react';
import { RecordForm, useFieldRules } from '../../../components/record-form.tsx';
import { DATE_FORMAT, TIME_FORMAT } from '../../../lib/dates.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { FIELDS, type StudyFormValues } from './study-form-values.ts';

interface StudyFormProps {
  form: FormInstance<StudyFormValues>;
  initialValues: StudyFormValues;
  orgs: OrgUnit[];
  /** One writable org: shown, preselected, not changeable. */
  orgLocked: boolean;
  saving: boolean;
  /** The form-level alert: what no field shows. */
  error: ReactNode;
  onSubmit: (values: StudyFormValues) => void;
}

const half = { flex: '1 1 140px', minWidth: 0 } as const;

export function StudyForm({ form, initialValues, orgs, orgLocked, saving, error, onSubmit }: StudyFormProps) {
  const { t, nameOf } = useI18n();
  const { label, maxLength, named } = useFieldRules(FIELDS);
  const count = (field: 'expectedAttendance' | 'actualAttendance') => (
    <Form.Item
      label={label(field)}
      name={field}
      style={half}
      rules={[
        { type: 'number', min: 1, message: t('validation.min', { field: named(field), min: 1 }) },
        {
          type: 'number',
          max: STUDY_ATTENDANCE_MAX,
          message: t('validation.max', { field: named(field), max: STUDY_ATTENDANCE_MAX }),
        },
      ]}
    >
      <InputNumber
        min={1}
        max={STUDY_ATTENDANCE_MAX}
        precision={0}
        inputMode="numeric"
        placeholder={t('studySessions.form.countPlaceholder')}
        style={{ width: '100%' }}
      />
    </Form.Item>
  );

  return (
    <RecordForm
      form={form}
      name="study"
      testId="study"
      initialValues={initialValues}
      onSubmit={onSubmit}
      orgs={orgs}
      orgLocked={orgLocked}
      orgLabel={label('orgId')}
      orgMessage={t('validation.select', { field: named('orgId') })}
      saving={saving}
      error={error}
      saveLabel={t('form.save')}
    >
      <Form.Item
        label={label('kind')}
        name="kind"
        rules={[{ required: true, message: t('validation.select', { field: named('kind') }) }]}
      >
        <Select
          placeholder={t('studySessions.form.kindPlaceholder')}
          options={STUDY_KINDS.map((k) => ({ value: k, label: nameOf(STUDY_KIND_LABELS, k) }))}
          data-testid="study-kind"
        />
      </Form.Item>
      <Form.Item
        label={label('topic')}
        name="topic"
        rules={[
          { required: true, whitespace: true, message: t('validation.required', { field: named('topic') }) },
          maxLength('topic', STUDY_TOPIC_MAX),
        ]}
      >
        <Input maxLength={STUDY_TOPIC_MAX} placeholder={t('studySessions.form.topicPlaceholder')} />
      </Form.Item>
      <Form.Item label={label('topicCategory')} name="topicCategory">
        <Select
          options={STUDY_TOPICS.map((c) => ({ value: c, label: nameOf(STUDY_TOPIC_LABELS, c) }))}
          data-testid="study-topic-category"
        />
      </Form.Item>
      <div style={{ display: 'flex', flexWrap: 'wrap', columnGap: 16 }}>
        <Form.Item
          label={label('date')}
          name="date"
          style={half}
          rules={[{ required: true, message: t('validation.select', { field: named('date') }) }]}
        >
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder={DATE_FORMAT} />
        </Form.Item>
        <Form.Item label={label('time')} name="time" style={half}>
          <TimePicker format={TIME_FORMAT} needConfirm={false} style={{ width: '100%' }} placeholder={TIME_FORMAT} />
        </Form.Item>
      </div>
      <Form.Item label={label('host')} name="host" rules={[maxLength('host', STUDY_HOST_MAX)]}>
        <Input maxLength={STUDY_HOST_MAX} placeholder={t('studySessions.form.hostPlaceholder')} />
      </Form.Item>
      <div style={{ display: 'flex', flexWrap: 'wrap', columnGap: 16 }}>
        {count('expectedAttendance')}
        {count('actualAttendance')}
      </div>
      <AbsenteeList />
      <Form.Item label={label('materials')} name="materials" rules={[maxLength('materials', STUDY_MATERIALS_MAX)]}>
        <Input.TextArea
          maxLength={STUDY_MATERIALS_MAX}
          autoSize={{ minRows: 2, maxRows: 8 }}
          placeholder={t('studySessions.form.materialsPlaceholder')}
        />
      </Form.Item>
      <Form.Item label={label('minutes')} name="minutes" rules={[maxLength('minutes', STUDY_MINUTES_MAX)]}>
        <Input.TextArea
          maxLength={STUDY_MINUTES_MAX}
          autoSize={{ minRows: 3, maxRows: 12 }}
          placeholder={t('studySessions.form.minutesPlaceholder')}
        />
      </Form.Item>
    </RecordForm>
  );
}

/**
 * Absentees as rows of name + reason. Each box carries its own label ("缺席人员 2 姓名"), so it
 * reads well to a screen reader and a test can find it; the list's own issues (too many for the
 * counts) show under the rows.
 */
function AbsenteeList() {
  const { t } = useI18n();
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
                  style={{ flex: '1 1 88px', minWidth: 0, marginBottom: 0 }}
                  rules={[
                    {
                      max: STUDY_ABSENTEE_NAME_MAX,
                      message: t('validation.maxLength', {
                        field: t('studySessions.form.absenteeNameShort'),
                        max: STUDY_ABSENTEE_NAME_MAX,
                      }),
                    },
                  ]}
                >
                  <Input
                    aria-label={t('studySessions.form.absenteeName', { n })}
                    maxLength={STUDY_ABSENTEE_NAME_MAX}
                    placeholder={t('studySessions.form.absenteeNamePlaceholder')}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'reason']}
                  style={{ flex: '2 1 120px', minWidth: 0, marginBottom: 0 }}
                  rules={[
                    {
                      max: STUDY_ABSENTEE_REASON_MAX,
                      message: t('validation.maxLength', {
                        field: t('studySessions.form.absenteeReasonShort'),
                        max: STUDY_ABSENTEE_REASON_MAX,
                      }),
                    },
                  ]}
                >
                  <Input
                    aria-label={t('studySessions.form.absenteeReason', { n })}
                    maxLength={STUDY_ABSENTEE_REASON_MAX}
                    placeholder={t('studySessions.form.absenteeReasonPlaceholder')}
                  />
                </Form.Item>
                <Button
                  aria-label={t('studySessions.form.absenteeRemove', { n })}
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  style={{ width: 44, height: 40, flex: '0 0 auto' }}
                />
              </div>
            );
          })}
          <Form.ErrorList errors={errors} />
          {fields.length < STUDY_ABSENTEES_MAX && (
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
            {t('studySessions.form.absenteesHint', { max: STUDY_ABSENTEES_MAX })}
          </Typography.Text>
        </fieldset>
      )}
    </Form.List>
  );
}
