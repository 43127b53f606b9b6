// /event-approvals/:id: the event, its chain's progress (each step's approver and decision), the
// actions the caller may take now — 报送 (or again after being sent back), 同意/退回 for the
// waiting step's own approver, 登记举办 after the start — and the material and photos afterwards.
import type { EventApproval, ResolvedStep } from '@dutyboard/contracts/event-approvals';
import { EVENT_EDITABLE_STATES } from '@dutyboard/contracts/event-approvals';
import { EVENT_KIND_LABELS, EVENT_STATE_LABELS, ROLE_LABELS } from '@dutyboard/contracts/labels';
import { Alert, App, Button, Card, Descriptions, Input, Modal, Popconfirm, Space, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { AttachmentsPanel } from '../../../components/attachments-panel.tsx';
import { ErrorState } from '../../../components/error-state.tsx';
import { PageHead } from '../../../components/page-head.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { RecordHistory } from '../../../components/record-history.tsx';
import { randomUuid } from '../../../lib/api-upload.ts';
import { can } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import { errorText } from '../../../lib/error-text.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { type DecideBody, type HoldBody, useEvent, useEventStep } from '../api/event-approvals.ts';
import { EventTags } from '../components/event-tags.tsx';

/** The history's field names in the page's words; the chain and decisions as short text, not JSON. */
function historyLabels(t: ReturnType<typeof useI18n>['t']): Record<string, string> {
  const fields = ['kind', 'topic', 'outline', 'speaker', 'speakerEmployer', 'venue', 'startsAt', 'endsAt'] as const;
  const more = ['audienceSize', 'foreignParticipants', 'foreignDetails', 'vettingOpinion', 'orgId'] as const;
  return {
    ...Object.fromEntries([...fields, ...more].map((f) => [f, t(`eventApprovals.field.${f}`)])),
    state: t('eventApprovals.colState'),
    chain: t('eventApprovals.chain'),
    decisions: t('eventApprovals.decisions'),
    submittedAt: t('eventApprovals.submittedAt'),
    heldNote: t('eventApprovals.heldNote'),
    late: t('eventApprovals.lateTag'),
    unapproved: t('eventApprovals.unapprovedTag'),
  };
}

function historyValue(
  field: string,
  value: unknown,
  names: { state: (value: string) => string; kind: (value: string) => string },
): string | undefined {
  if ((field === 'state' || field === 'kind') && typeof value === 'string') return names[field](value);
  if (field === 'chain' && Array.isArray(value)) return value.map((s: { label?: string }) => s.label).join(' → ');
  if (field === 'decisions' && Array.isArray(value)) {
    return value.map((d: { userName?: string; opinion?: string }) => `${d.userName}：${d.opinion}`).join('；');
  }
  return undefined;
}

function approverOf(step: ResolvedStep, nameOfRole: (role: NonNullable<ResolvedStep['role']>) => string): string {
  if (step.userName) return step.userName;
  return [step.orgName, step.role ? nameOfRole(step.role) : null].filter(Boolean).join(' · ');
}

function ChainProgress({ item }: { item: EventApproval }) {
  const { t, nameOf } = useI18n();
  const round = item.decisions.filter((d) => d.round === item.round);
  const current = item.currentStep;
  return (
    <Steps
      direction="vertical"
      size="small"
      data-testid="event-chain"
      current={current ?? round.length}
      status={
        item.state === 'REJECTED' ? 'error' : item.state === 'APPROVED' || item.state === 'HELD' ? 'finish' : 'process'
      }
      items={item.chain.map((step, index) => {
        const decision = round.find((d) => d.step === index);
        const state = decision
          ? decision.decision === 'APPROVE'
            ? t('eventApprovals.stepApproved')
            : t('eventApprovals.stepRejected')
          : index === current
            ? t('eventApprovals.stepWaiting')
            : '';
        return {
          title: `${step.label}${state ? ` · ${state}` : ''}`,
          description: (
            <div>
              <div>{approverOf(step, (r) => nameOf(ROLE_LABELS, r))}</div>
              {decision && (
                <Typography.Text type="secondary">
                  {decision.userName}（{formatDateTime(decision.at)}）：{decision.opinion}
                </Typography.Text>
              )}
            </div>
          ),
          status: decision?.decision === 'REJECT' ? 'error' : undefined,
        };
      })}
    />
  );
}

function DecideButtons({ item }: { item: EventApproval }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const decide = useEventStep<DecideBody>(item, 'decisions');
  const [open, setOpen] = useState<'APPROVE' | 'REJECT' | null>(null);
  const [opinion, setOpinion] = useState('');
  const [error, setError] = useState<string | null>(null);
  const step = item.currentStep ?? 0;
  const label = item.chain[step]?.label ?? '';
  const ok = async () => {
    if (!open || !opinion.trim()) {
      setError(t('eventApprovals.opinion'));
      return;
    }
    try {
      await decide.mutateAsync({ body: { step, decision: open, opinion }, idempotencyKey: randomUuid() });
      void message.success(t('eventApprovals.decided'));
      setOpen(null);
      setOpinion('');
    } catch (e) {
      setError(errorText(e, lang, t));
    }
  };
  return (
    <>
      <Space wrap>
        <Button type="primary" onClick={() => setOpen('APPROVE')} data-testid="event-approve">
          {t('eventApprovals.approve')}
        </Button>
        <Button danger onClick={() => setOpen('REJECT')} data-testid="event-reject">
          {t('eventApprovals.reject')}
        </Button>
      </Space>
      <Modal
        open={open !== null}
        title={t(open === 'REJECT' ? 'eventApprovals.rejectTitle' : 'eventApprovals.approveTitle', {
          n: step + 1,
          label,
        })}
        okText={t(open === 'REJECT' ? 'eventApprovals.reject' : 'eventApprovals.approve')}
        okButtonProps={{ danger: open === 'REJECT', loading: decide.isPending, 'data-testid': 'event-decide-ok' }}
        cancelText={t('eventApprovals.cancel')}
        onOk={() => void ok()}
        onCancel={() => setOpen(null)}
        destroyOnHidden
      >
        <label htmlFor="event-opinion">{t('eventApprovals.opinion')}</label>
        <Input.TextArea
          id="event-opinion"
          value={opinion}
          onChange={(e) => setOpinion(e.target.value)}
          autoSize={{ minRows: 3 }}
          data-testid="event-opinion"
        />
        {error && <Alert type="error" showIcon style={{ marginTop: 12 }} message={error} />}
      </Modal>
    </>
  );
}

function HeldButton({ item }: { item: EventApproval }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const hold = useEventStep<HoldBody>(item, 'held');
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const ok = async () => {
    if (!note.trim()) {
      setError(t('eventApprovals.heldNote'));
      return;
    }
    try {
      await hold.mutateAsync({ body: { heldNote: note }, idempotencyKey: randomUuid() });
      void message.success(t('eventApprovals.heldSaved'));
      setOpen(false);
    } catch (e) {
      setError(errorText(e, lang, t));
    }
  };
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="event-held">
        {t('eventApprovals.held')}
      </Button>
      <Modal
        open={open}
        title={t('eventApprovals.held')}
        okText={t('eventApprovals.held')}
        okButtonProps={{ loading: hold.isPending, 'data-testid': 'event-held-ok' }}
        cancelText={t('eventApprovals.cancel')}
        onOk={() => void ok()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('eventApprovals.heldConfirm')} />
        <label htmlFor="event-held-note">{t('eventApprovals.heldNote')}</label>
        <Input.TextArea
          id="event-held-note"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          autoSize={{ minRows: 3 }}
          data-testid="event-held-note"
        />
        {error && <Alert type="error" showIcon style={{ marginTop: 12 }} message={error} />}
      </Modal>
    </>
  );
}

function SubmitButton({ item }: { item: EventApproval }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const submit = useEventStep<Record<string, never>>(item, 'submit');
  return (
    <Popconfirm
      title={t('eventApprovals.submitConfirm')}
      okText={t('eventApprovals.submit')}
      cancelText={t('eventApprovals.cancel')}
      onConfirm={async () => {
        try {
          await submit.mutateAsync({ body: {}, idempotencyKey: randomUuid() });
          void message.success(t('eventApprovals.submitted'));
        } catch (e) {
          void message.error(errorText(e, lang, t));
        }
      }}
    >
      <Button type="primary" loading={submit.isPending} data-testid="event-submit-step">
        {t(item.state === 'REJECTED' ? 'eventApprovals.resubmit' : 'eventApprovals.submit')}
      </Button>
    </Popconfirm>
  );
}

export function EventApprovalDetailRoute() {
  const { id = '' } = useParams();
  const me = useCurrentUser();
  const { t, nameOf } = useI18n();
  const event = useEvent(id);
  if (event.isPending) return <PageLoading rows={8} />;
  if (event.isError) return <ErrorState error={event.error} onRetry={() => void event.refetch()} />;
  const item = event.data;
  const writes = can(me, 'event:write');
  const started = Date.parse(item.startsAt) <= Date.now();
  return (
    <div data-testid="event-detail" style={{ maxWidth: 900 }}>
      <PageHead title={item.topic} intro={<EventTags item={item} />}>
        <Space wrap>
          {writes && EVENT_EDITABLE_STATES.includes(item.state) && <SubmitButton item={item} />}
          {item.mayDecide && <DecideButtons item={item} />}
          {writes && started && item.state !== 'HELD' && <HeldButton item={item} />}
        </Space>
      </PageHead>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {item.chain.length > 0 && (
          <Card title={t('eventApprovals.chain')} size="small">
            <ChainProgress item={item} />
          </Card>
        )}
        <Card title={t('eventApprovals.details')} size="small">
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t('eventApprovals.field.orgId')}>{item.orgName}</Descriptions.Item>
            <Descriptions.Item label={t('eventApprovals.field.kind')}>
              {nameOf(EVENT_KIND_LABELS, item.kind)}
            </Descriptions.Item>
            <Descriptions.Item label={t('eventApprovals.field.startsAt')}>
              {formatDateTime(item.startsAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('eventApprovals.field.endsAt')}>
              {formatDateTime(item.endsAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('eventApprovals.field.speaker')}>{item.speaker}</Descriptions.Item>
            <Descriptions.Item label={t('eventApprovals.field.speakerEmployer')}>
              {item.speakerEmployer}
            </Descriptions.Item>
            <Descriptions.Item label={t('eventApprovals.field.venue')}>{item.venue}</Descriptions.Item>
            <Descriptions.Item label={t('eventApprovals.field.audienceSize')}>{item.audienceSize}</Descriptions.Item>
            <Descriptions.Item label={t('eventApprovals.field.foreignParticipants')}>
              {item.foreignParticipants
                ? `${t('eventApprovals.yes')}：${item.foreignDetails ?? ''}`
                : t('eventApprovals.no')}
            </Descriptions.Item>
            {item.submittedAt && (
              <Descriptions.Item label={t('eventApprovals.submittedAt')}>
                {formatDateTime(item.submittedAt)}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('eventApprovals.field.outline')} span={2}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{item.outline}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('eventApprovals.field.vettingOpinion')} span={2}>
              {item.vettingOpinion}
            </Descriptions.Item>
            {item.heldNote && (
              <Descriptions.Item label={t('eventApprovals.heldNote')} span={2}>
                {item.heldNote}
              </Descriptions.Item>
            )}
          </Descriptions>
        </Card>
        <Card title={t('eventApprovals.material')} size="small">
          <AttachmentsPanel entityType="EventApproval" entityId={item.id} canEdit={writes} />
        </Card>
        <Card title={t('eventApprovals.history')} size="small">
          <RecordHistory
            entityType="EventApproval"
            entityId={item.id}
            fieldLabels={historyLabels(t)}
            formatValue={(field, value) =>
              historyValue(field, value, {
                state: (v) => nameOf(EVENT_STATE_LABELS, v as EventApproval['state']),
                kind: (v) => nameOf(EVENT_KIND_LABELS, v as EventApproval['kind']),
              })
            }
          />
        </Card>
      </Space>
    </div>
  );
}
