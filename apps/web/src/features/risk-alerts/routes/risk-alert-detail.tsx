import { ALERT_LEVEL_LABELS, ALERT_STATE_LABELS } from '@dutyboard/contracts/labels';
import {
  AlertLevelSchema,
  AlertStateSchema,
  type AlertStep,
  alertFactsFrozen,
  availableSteps,
  type RiskAlertDetail,
} from '@dutyboard/contracts/risk-alerts';
import { Button, Card, Space } from 'antd';
import {
  longText,
  NotFilled,
  RecordDeleteButton,
  RecordDetailPage,
  RecordDetailRoute,
  RecordEditButton,
} from '../../../components/record-detail-page.tsx';
import { useDialogState } from '../../../components/use-dialog-state.ts';
import { can } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useOrgs } from '../../../lib/orgs.ts';
import { useNow } from '../../../lib/use-now.ts';
import { useRiskAlert } from '../api/get-risk-alert.ts';
import { useDeleteRiskAlert } from '../api/save-risk-alert.ts';
import { AlertClockTag, liveFlags } from '../components/alert-clock.tsx';
import { AlertLevelTag, AlertStateTag, UrgeTag } from '../components/alert-tags.tsx';
import { AlertTimeline } from '../components/alert-timeline.tsx';
import { CorrectionDialog } from '../components/correction-dialog.tsx';
import { RiskAlertNotFound } from '../components/risk-alert-not-found.tsx';
import { TransitionDialog } from '../components/transition-dialog.tsx';

const HISTORY_FIELDS = [
  'orgId',
  'level',
  'source',
  'channel',
  'url',
  'summary',
  'reach',
  'registeredAt',
  'reportDueAt',
  'reportedAt',
  'receiptNumber',
  'closedAt',
  'lastEventAt',
  'state',
  'correctionReason',
] as const;
type FieldName = (typeof HISTORY_FIELDS)[number];

export function RiskAlertDetailRoute() {
  return <RecordDetailRoute useRecord={useRiskAlert} notFound={<RiskAlertNotFound />} Detail={RiskAlertDetailView} />;
}

function RiskAlertDetailView({ record: alert }: { record: RiskAlertDetail }) {
  const me = useCurrentUser();
  const { t, nameOf } = useI18n();
  const now = useNow();
  const orgs = useOrgs();
  const remove = useDeleteRiskAlert(alert.id, alert.version);
  // A step's dialog, or 'CORRECT' for the correction.
  const { dialog, openDialog, dialogProps } = useDialogState<AlertStep | 'CORRECT'>();
  // Only the steps this user may take from the current state are rendered (the contract's table).
  const steps = availableSteps(alert.state, (action) => can(me, action));
  const canEdit = can(me, 'alert:register') && alert.state !== 'CLOSED';
  const canDelete = can(me, 'alert:assess') && alert.state === 'REGISTERED';
  // Past 登记, org, level and registration time change only through leadership's 更正.
  const canCorrect = can(me, 'alert:correct') && alertFactsFrozen(alert.state);
  const canAttach = can(me, 'alert:register') || can(me, 'alert:assess') || can(me, 'alert:handle');
  const { needsUrging } = liveFlags(alert, now);
  const notFilled = <NotFilled />;

  const field = (name: FieldName) => t(`riskAlerts.field.${name}`);
  const historyLabels: Record<string, string> = Object.fromEntries(HISTORY_FIELDS.map((name) => [name, field(name)]));
  const historyValue = (name: string, value: unknown): string | undefined => {
    if (name === 'level') {
      const level = AlertLevelSchema.safeParse(value);
      return level.success ? nameOf(ALERT_LEVEL_LABELS, level.data) : undefined;
    }
    if (name === 'state') {
      const state = AlertStateSchema.safeParse(value);
      return state.success ? nameOf(ALERT_STATE_LABELS, state.data) : undefined;
    }
    if (name === 'orgId') return orgs.data?.items.find((org) => org.id === value)?.name;
    return undefined;
  };

  const time = (value: string | null) => (value ? formatDateTime(value) : notFilled);

  return (
    <RecordDetailPage
      ns="riskAlerts"
      testId="risk-alert"
      listPath="/risk-alerts"
      title={alert.summary.length > 60 ? `${alert.summary.slice(0, 60)}…` : alert.summary}
      titleTestId="risk-alert-title"
      breakTitle
      header={
        <>
          <Space wrap size={6} style={{ marginBottom: 16 }} data-testid="risk-alert-tags">
            <AlertLevelTag level={alert.level} />
            <AlertStateTag state={alert.state} />
            <AlertClockTag alert={alert} now={now} />
            {needsUrging && <UrgeTag />}
          </Space>
          {/* The steps first: on a phone they must not sit below the whole record. */}
          {(steps.length > 0 || canEdit || canDelete || canCorrect) && (
            <Space wrap style={{ marginBottom: 16 }} data-testid="risk-alert-actions">
              {steps.map((to, index) => (
                <Button
                  key={to}
                  type={index === 0 ? 'primary' : 'default'}
                  size="large"
                  data-testid={`risk-alert-step-${to}`}
                  onClick={() => openDialog(to)}
                >
                  {t(`riskAlerts.step.${to}`)}
                </Button>
              ))}
              {canEdit && <RecordEditButton to={`/risk-alerts/${alert.id}/edit`} />}
              {canCorrect && (
                <Button size="large" data-testid="risk-alert-correct" onClick={() => openDialog('CORRECT')}>
                  {t('riskAlerts.correct.action')}
                </Button>
              )}
              {canDelete && <RecordDeleteButton remove={remove} />}
            </Space>
          )}
        </>
      }
      fields={[
        { key: 'org', label: field('orgId'), children: alert.orgName },
        { key: 'level', label: field('level'), children: <AlertLevelTag level={alert.level} /> },
        {
          key: 'summary',
          label: field('summary'),
          children: longText(alert.summary),
        },
        { key: 'source', label: field('source'), children: alert.source },
        { key: 'channel', label: field('channel'), children: alert.channel || notFilled },
        {
          key: 'url',
          label: field('url'),
          children: alert.url ? (
            <a href={alert.url} target="_blank" rel="noopener noreferrer" style={{ overflowWrap: 'anywhere' }}>
              {alert.url}
            </a>
          ) : (
            notFilled
          ),
        },
        { key: 'reach', label: field('reach'), children: alert.reach ?? notFilled },
        {
          key: 'registeredAt',
          label: field('registeredAt'),
          children: <span data-testid="risk-alert-registered-at">{formatDateTime(alert.registeredAt)}</span>,
        },
        {
          key: 'reportDueAt',
          label: field('reportDueAt'),
          children: (
            <Space wrap size={8}>
              <span data-testid="risk-alert-due-at">{formatDateTime(alert.reportDueAt)}</span>
              <AlertClockTag alert={alert} now={now} />
            </Space>
          ),
        },
        { key: 'reportedAt', label: field('reportedAt'), children: time(alert.reportedAt) },
        {
          key: 'receiptNumber',
          label: field('receiptNumber'),
          children: alert.receiptNumber ? (
            <span data-testid="risk-alert-receipt">{alert.receiptNumber}</span>
          ) : (
            notFilled
          ),
        },
        { key: 'closedAt', label: field('closedAt'), children: time(alert.closedAt) },
      ]}
      sections={
        <Card title={t('riskAlerts.timeline')} data-testid="risk-alert-timeline">
          <AlertTimeline events={alert.events} />
        </Card>
      }
      entityType="RiskAlert"
      entityId={alert.id}
      canAttach={canAttach}
      historyLabels={historyLabels}
      historyValue={historyValue}
    >
      {dialog === 'CORRECT' && (
        <CorrectionDialog alert={alert} orgs={orgs.data?.items ?? []} {...dialogProps(dialog)} />
      )}
      {dialog && dialog !== 'CORRECT' && (
        <TransitionDialog key={dialog} alert={alert} to={dialog} {...dialogProps(dialog)} />
      )}
    </RecordDetailPage>
  );
}
