// /assignments/:id: one responsibility item — its facts, a rule task's progress units (each
// linking to the records it counted), 办结 for a task without a rule once evidence is attached,
// the evidence itself and the change history.
import { CheckOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import {
  type Assignment,
  AssignmentKindSchema,
  type AssignmentProgress,
  type AssignmentRule,
  AssignmentRuleSchema,
  AssignmentStatusSchema,
} from '@dutyboard/contracts/assignments';
import { ASSIGNMENT_KIND_LABELS, ASSIGNMENT_STATUS_LABELS } from '@dutyboard/contracts/labels';
import { App, Button, type ButtonProps, Card, Popconfirm, Space, Tooltip, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { AttachmentsPanel, useAttachmentCount } from '../../../components/attachments-panel.tsx';
import {
  BackLink,
  DetailCardTitle,
  DetailFields,
  longText,
  NotFilled,
  RecordDetailRoute,
} from '../../../components/record-detail-page.tsx';
import { RecordHistory } from '../../../components/record-history.tsx';
import { StatusPage } from '../../../components/status-page.tsx';
import { useDialogState } from '../../../components/use-dialog-state.ts';
import { can } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { formatDateTime, shanghaiParts } from '../../../lib/dates.ts';
import { errorText } from '../../../lib/error-text.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useOrgs } from '../../../lib/orgs.ts';
import { periodLabel } from '../../../lib/periods.ts';
import { useAssignment, useDeleteAssignment, useOwners } from '../api/assignments.ts';
import { AssignmentEditModal } from '../components/assignment-form-modal.tsx';
import { ProgressDetail } from '../components/assignment-progress.tsx';
import { OverdueTag, ruleText, StatusTag } from '../components/assignment-tags.tsx';
import { CloseModal } from '../components/close-modal.tsx';

export function AssignmentDetailRoute() {
  const { t } = useI18n();
  const notFound = (
    <StatusPage
      status="404"
      title={t('assignments.notFoundTitle')}
      text={t('assignments.notFoundText')}
      action={
        <Link to="/assignments">
          <Button type="primary">{t('assignments.backToList')}</Button>
        </Link>
      }
    />
  );
  return <RecordDetailRoute useRecord={useAssignment} notFound={notFound} Detail={AssignmentDetail} />;
}

function hasProgress(a: Assignment): a is Assignment & { progress: AssignmentProgress; rule: AssignmentRule } {
  return a.progress !== null && a.rule !== null;
}

function AssignmentDetail({ record: assignment }: { record: Assignment }) {
  const me = useCurrentUser();
  const { t, lang, nameOf } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const orgs = useOrgs();
  const canManage = can(me, 'plan:manage');
  // Names of earlier owners in the history (the list is leadership's).
  const owners = useOwners(canManage);
  const isOwner = assignment.ownerId === me.id;
  const evidence = useAttachmentCount('Assignment', assignment.id);
  const remove = useDeleteAssignment(assignment.id, assignment.version);
  const { dialog, openDialog, dialogProps } = useDialogState<'edit' | 'close'>();
  const listHref = `/assignments?period=${assignment.periodCode}`;

  // 办结 applies to a task without a rule that is still open; leadership or its owner.
  const closable = assignment.kind === 'TASK' && assignment.rule === null && assignment.status === 'OPEN';
  const canClose = closable && (canManage || isOwner);
  const needsEvidence = evidence === undefined || evidence === 0;
  const notFilled = <NotFilled />;

  const onDelete = () =>
    remove.mutateAsync().then(
      () => {
        void message.success(t('assignments.deleted'));
        void navigate(listHref, { replace: true });
      },
      (error: unknown) => void message.error(errorText(error, lang, t)),
    );
  const confirmButton: ButtonProps & { 'data-testid': string } = {
    danger: true,
    size: 'middle',
    loading: remove.isPending,
    'data-testid': 'assignment-delete-confirm',
  };

  const historyLabels: Record<string, string> = {
    period: t('assignments.period'),
    orgId: t('assignments.org'),
    ownerId: t('assignments.owner'),
    kind: t('assignments.kindLabel'),
    area: t('assignments.area'),
    task: t('assignments.task'),
    dueAt: t('assignments.dueDate'),
    status: t('assignments.status'),
    rule: t('assignments.rule'),
    doneAt: t('assignments.doneAt'),
    closingNote: t('assignments.closingNote'),
  };
  const historyValue = (field: string, value: unknown): string | undefined => {
    if (field === 'kind') {
      const kind = AssignmentKindSchema.safeParse(value);
      return kind.success ? nameOf(ASSIGNMENT_KIND_LABELS, kind.data) : undefined;
    }
    if (field === 'status') {
      const status = AssignmentStatusSchema.safeParse(value);
      return status.success ? nameOf(ASSIGNMENT_STATUS_LABELS, status.data) : undefined;
    }
    if (field === 'orgId') return orgs.data?.items.find((org) => org.id === value)?.name;
    if (field === 'period' && typeof value === 'string') return periodLabel(value, t);
    if (field === 'ownerId') {
      if (value === assignment.ownerId) return assignment.ownerName;
      return owners.data?.items.find((owner) => owner.id === value)?.displayName;
    }
    if (field === 'rule') {
      const rule = AssignmentRuleSchema.safeParse(value);
      return rule.success ? ruleText(rule.data, t, lang) : undefined;
    }
    if (field === 'dueAt' && typeof value === 'string') return shanghaiParts(value).date;
    if (field === 'doneAt' && typeof value === 'string') return formatDateTime(value);
    return undefined;
  };

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <Card
        title={
          <DetailCardTitle
            kind={nameOf(ASSIGNMENT_KIND_LABELS, assignment.kind)}
            title={assignment.task}
            titleTestId="assignment-title"
          />
        }
        extra={<BackLink to={listHref} />}
      >
        <DetailFields
          items={[
            { key: 'period', label: t('assignments.period'), children: periodLabel(assignment.periodCode, t) },
            { key: 'org', label: t('assignments.org'), children: assignment.orgName },
            {
              key: 'owner',
              label: t('assignments.owner'),
              children: <span data-testid="assignment-owner-name">{assignment.ownerName}</span>,
            },
            ...(assignment.kind === 'AREA'
              ? [{ key: 'area', label: t('assignments.area'), children: assignment.area ?? notFilled }]
              : []),
            ...(assignment.kind === 'TASK'
              ? [
                  {
                    key: 'due',
                    label: t('assignments.dueDate'),
                    children: assignment.dueAt ?? (
                      <Typography.Text type="secondary">{t('assignments.noDue')}</Typography.Text>
                    ),
                  },
                  {
                    key: 'status',
                    label: t('assignments.status'),
                    children: (
                      <Space size={4} wrap>
                        <StatusTag status={assignment.status} />
                        {assignment.overdue && <OverdueTag />}
                      </Space>
                    ),
                  },
                  {
                    key: 'rule',
                    label: t('assignments.rule'),
                    children: assignment.rule ? ruleText(assignment.rule, t, lang) : t('assignments.noRule'),
                  },
                ]
              : []),
            ...(assignment.doneAt
              ? [{ key: 'doneAt', label: t('assignments.doneAt'), children: formatDateTime(assignment.doneAt) }]
              : []),
            ...(assignment.closingNote
              ? [
                  {
                    key: 'closingNote',
                    label: t('assignments.closingNote'),
                    children: longText(assignment.closingNote),
                  },
                ]
              : []),
          ]}
        />
        {(canManage || canClose) && (
          <Space wrap style={{ marginTop: 16 }}>
            {canClose && (
              <Tooltip title={needsEvidence ? t('assignments.closeNeedsEvidence') : undefined}>
                <Button
                  type="primary"
                  size="large"
                  icon={<CheckOutlined />}
                  disabled={needsEvidence}
                  data-testid="assignment-close"
                  onClick={() => openDialog('close')}
                >
                  {t('assignments.close')}
                </Button>
              </Tooltip>
            )}
            {canManage && (
              <Button
                size="large"
                icon={<EditOutlined />}
                data-testid="assignment-edit"
                onClick={() => openDialog('edit')}
              >
                {t('assignments.edit')}
              </Button>
            )}
            {canManage && (
              <Popconfirm
                title={t('assignments.deleteConfirm')}
                okText={t('assignments.delete')}
                cancelText={t('common.cancel')}
                cancelButtonProps={{ size: 'middle' }}
                okButtonProps={confirmButton}
                onConfirm={onDelete}
              >
                <Button danger size="large" icon={<DeleteOutlined />} data-testid="assignment-delete">
                  {t('assignments.delete')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        )}
        {canClose && needsEvidence && (
          <Typography.Paragraph
            type="secondary"
            style={{ marginTop: 8, marginBottom: 0 }}
            data-testid="assignment-close-hint"
          >
            {t('assignments.closeNeedsEvidence')}
          </Typography.Paragraph>
        )}
      </Card>
      {hasProgress(assignment) && (
        <Card title={t('assignments.progressTitle')}>
          <ProgressDetail assignment={assignment} />
        </Card>
      )}
      <Card title={t('records.attachments.title')} data-testid="assignment-attachments">
        <AttachmentsPanel entityType="Assignment" entityId={assignment.id} canEdit={canManage || isOwner} />
      </Card>
      <Card title={t('records.history.title')} data-testid="assignment-history">
        <RecordHistory
          entityType="Assignment"
          entityId={assignment.id}
          fieldLabels={historyLabels}
          formatValue={historyValue}
        />
      </Card>
      {dialog === 'edit' && (
        <AssignmentEditModal {...dialogProps('edit')} assignment={assignment} orgs={orgs.data?.items ?? []} />
      )}
      {dialog === 'close' && <CloseModal {...dialogProps('close')} assignment={assignment} />}
    </div>
  );
}
