// /event-approvals/new: the 一会一报 form, one column for a phone. Rules come from the contract
// (lib/zod-rules.ts); the lead days in force for the chosen org are shown, and a start too soon
// is said before sending (the server accepts it and flags it late, ADR 048).

import {
  type CreateEventInput,
  CreateEventInputSchema,
  EVENT_KINDS,
  leadDaysBetween,
} from '@dutyboard/contracts/event-approvals';
import { EVENT_KIND_LABELS } from '@dutyboard/contracts/labels';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorState } from '../../../components/error-state.tsx';
import { PageHead } from '../../../components/page-head.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { ForbiddenPage } from '../../../components/status-page.tsx';
import { can } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { shanghaiInstant } from '../../../lib/dates.ts';
import { errorText } from '../../../lib/error-text.ts';
import { showFieldIssues } from '../../../lib/form-issues.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useOrgs } from '../../../lib/orgs.ts';
import { checkBody } from '../../../lib/record-values.ts';
import { useFormFields } from '../../../lib/use-form-fields.ts';
import { useSubmissionKey } from '../../../lib/use-submission-key.ts';
import { formFields } from '../../../lib/zod-rules.ts';
import { useCreateEvent, useEventRule } from '../api/event-approvals.ts';

const FIELDS = formFields(CreateEventInputSchema, 'eventApprovals.field', [
  'orgId',
  'kind',
  'topic',
  'outline',
  'speaker',
  'speakerEmployer',
  'venue',
  'startsAt',
  'endsAt',
  'audienceSize',
  'foreignParticipants',
  'foreignDetails',
  'vettingOpinion',
]);

interface Values {
  orgId?: string;
  kind?: CreateEventInput['kind'];
  topic?: string;
  outline?: string;
  speaker?: string;
  speakerEmployer?: string;
  venue?: string;
  startsAt?: Dayjs | null;
  endsAt?: Dayjs | null;
  audienceSize?: number | null;
  foreignParticipants?: boolean;
  foreignDetails?: string;
  vettingOpinion?: string;
}

/** The picker's wall-clock reading is a Shanghai time. */
const instant = (value: Dayjs | null | undefined) =>
  value ? shanghaiInstant(value.format('YYYY-MM-DD'), value.format('HH:mm')) : undefined;

function bodyOf(values: Values) {
  return {
    orgId: values.orgId,
    kind: values.kind,
    topic: values.topic,
    outline: values.outline,
    speaker: values.speaker,
    speakerEmployer: values.speakerEmployer,
    venue: values.venue,
    startsAt: instant(values.startsAt),
    endsAt: instant(values.endsAt),
    audienceSize: values.audienceSize ?? undefined,
    foreignParticipants: values.foreignParticipants ?? false,
    foreignDetails: values.foreignParticipants ? values.foreignDetails || null : null,
    vettingOpinion: values.vettingOpinion,
  };
}

export function EventApprovalNewRoute() {
  const me = useCurrentUser();
  const { t, lang, nameOf } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const { item, max } = useFormFields(FIELDS);
  const allowed = can(me, 'event:write');
  const orgs = useOrgs({ enabled: allowed });
  const create = useCreateEvent();
  const keyOf = useSubmissionKey<CreateEventInput>();
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const orgId = Form.useWatch('orgId', form);
  const startsAt = Form.useWatch('startsAt', form);
  const foreign = Form.useWatch('foreignParticipants', form);
  const rule = useEventRule(orgId);

  if (!allowed) return <ForbiddenPage />;
  if (orgs.isPending) return <PageLoading rows={8} />;
  if (orgs.isError) return <ErrorState error={orgs.error} onRetry={() => void orgs.refetch()} />;
  const writable = orgs.data.items;
  const leadDays = rule.data?.leadDays;
  const start = instant(startsAt);
  const tooSoon =
    leadDays !== undefined && start !== undefined && leadDaysBetween(new Date(), new Date(start)) < leadDays;

  const save = async (andSubmit: boolean) => {
    setFormError(null);
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const checked = checkBody(CreateEventInputSchema, bodyOf(values));
    if ('issues' in checked) {
      const rest = showFieldIssues(form, FIELDS, checked.issues, t, lang);
      if (rest.length > 0) setFormError(rest.join('；'));
      return;
    }
    const input = checked.input;
    setBusy(true);
    try {
      const created = await create.mutateAsync({ input, idempotencyKey: keyOf(input), submit: andSubmit });
      void message.success(t(andSubmit ? 'eventApprovals.submitted' : 'eventApprovals.saved'));
      void navigate(`/event-approvals/${created.id}`);
    } catch (error) {
      setFormError(errorText(error, lang, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ maxWidth: 720 }}>
      <PageHead title={t('eventApprovals.newTitle')} />
      <Card>
        <Form<Values>
          form={form}
          layout="vertical"
          name="event-approval"
          data-testid="event-form"
          initialValues={{
            orgId: writable.find((o) => o.id === me.org.id)?.id ?? writable[0]?.id,
            kind: 'LECTURE',
            foreignParticipants: false,
          }}
        >
          <Form.Item {...item('orgId')}>
            <Select options={writable.map((o) => ({ value: o.id, label: o.name }))} data-testid="event-org" />
          </Form.Item>
          <Form.Item {...item('kind')}>
            <Radio.Group
              optionType="button"
              options={EVENT_KINDS.map((k) => ({ value: k, label: nameOf(EVENT_KIND_LABELS, k) }))}
            />
          </Form.Item>
          <Form.Item {...item('topic')}>
            <Input maxLength={max('topic')} />
          </Form.Item>
          <Form.Item {...item('outline')}>
            <Input.TextArea maxLength={max('outline')} autoSize={{ minRows: 3, maxRows: 10 }} />
          </Form.Item>
          <Form.Item {...item('speaker')}>
            <Input maxLength={max('speaker')} />
          </Form.Item>
          <Form.Item {...item('speakerEmployer')}>
            <Input maxLength={max('speakerEmployer')} />
          </Form.Item>
          <Form.Item {...item('venue')}>
            <Input maxLength={max('venue')} />
          </Form.Item>
          <Form.Item
            {...item('startsAt')}
            extra={leadDays !== undefined ? t('eventApprovals.leadDaysHelp', { n: leadDays }) : undefined}
          >
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
          {tooSoon && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="event-late-warning"
              message={t('eventApprovals.lateWarning', { n: leadDays ?? 0 })}
            />
          )}
          <Form.Item {...item('endsAt')}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item {...item('audienceSize')}>
            <InputNumber min={1} max={max('audienceSize')} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item {...item('foreignParticipants')}>
            <Radio.Group
              options={[
                { value: false, label: t('eventApprovals.no') },
                { value: true, label: t('eventApprovals.yes') },
              ]}
            />
          </Form.Item>
          {foreign && (
            <Form.Item {...item('foreignDetails', { required: true })}>
              <Input.TextArea maxLength={max('foreignDetails')} autoSize={{ minRows: 2, maxRows: 6 }} />
            </Form.Item>
          )}
          <Form.Item {...item('vettingOpinion')}>
            <Input.TextArea maxLength={max('vettingOpinion')} autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
          {formError && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={formError} />}
          <Space wrap>
            <Button
              type="primary"
              size="large"
              loading={busy}
              onClick={() => void save(true)}
              data-testid="event-submit"
            >
              {t('eventApprovals.submit')}
            </Button>
            <Button size="large" disabled={busy} onClick={() => void save(false)} data-testid="event-save-draft">
              {t('eventApprovals.saveDraft')}
            </Button>
          </Space>
        </Form>
      </Card>
    </div>
  );
}
