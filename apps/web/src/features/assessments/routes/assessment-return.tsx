// /assessments/returns/:id: one unit's 考核. Each item shows its points, the score proposed from
// the records with "N 条记录" (the same list the figure counts), the 自评 and the 复核. The unit's
// own leader edits the 自评 and submits; the issuer's reviewer or leader reviews, returns or
// finishes; the issuer's leader confirms. What the caller may do is the return's `steps`
// (contracts returnStepsOf), so the page offers exactly what the API allows.
import type { AssessmentReturn, ReviewDecision, SaveReviewInput } from '@dutyboard/contracts/assessment-campaigns';
import { RETURN_STATE_LABELS, REVIEW_DECISION_LABELS } from '@dutyboard/contracts/labels';
import { Alert, App, Button, Card, Input, InputNumber, Modal, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../../../components/error-state.tsx';
import { PageHead } from '../../../components/page-head.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { errorText } from '../../../lib/error-text.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { drillHref } from '../../../lib/metric-links.ts';
import { periodLabel } from '../../../lib/periods.ts';
import { useAssessmentReturn, useReturnWrite } from '../api/assessments.ts';
import { DriftNote } from '../components/drift-note.tsx';
import { EvidencePicker, LinkedChips, type Links } from '../components/evidence-picker.tsx';
import { ReturnWorkloadCard } from '../components/return-workload.tsx';
import { RETURN_STATE_COLOR } from './return-state.ts';

type Item = AssessmentReturn['items'][number];
interface SelfDraft {
  score: number | null;
  note: string;
}
interface ReviewDraft {
  decision: ReviewDecision | null;
  score: number | null;
  reason: string;
}

function ItemCard({
  returnId,
  item,
  editSelf,
  editReview,
  self,
  review,
  links,
  onSelf,
  onReview,
  onLinks,
}: {
  returnId: string;
  links: Links;
  onLinks: (l: Links) => void;
  item: Item;
  editSelf: boolean;
  editReview: boolean;
  self: SelfDraft;
  review: ReviewDraft;
  onSelf: (d: SelfDraft) => void;
  onReview: (d: ReviewDraft) => void;
}) {
  const { t, nameOf } = useI18n();
  const p = item.proposal;
  const href = p.drill ? drillHref(p.drill) : null;
  return (
    <Card size="small" data-testid="assessment-item" data-key={item.key} style={{ marginBottom: 12 }}>
      <Typography.Text type="secondary">{item.category}</Typography.Text>
      <div>
        <Typography.Text strong>{item.title}</Typography.Text>{' '}
        <Tag>{t('assessments.points', { points: item.points })}</Tag>
      </div>
      <Space wrap size={[12, 4]} style={{ marginTop: 4 }}>
        <Typography.Text>
          {p.proposed === null ? t('assessments.proposedManual') : t('assessments.proposed', { score: p.proposed })}
        </Typography.Text>
        {p.required !== null && p.done !== null && (
          <Typography.Text type="secondary">
            {t('assessments.required', { required: p.required, done: p.done })}
          </Typography.Text>
        )}
        {href && p.done !== null && (
          <Link to={href} data-testid="item-records">
            {t('assessments.records', { count: p.done })}
          </Link>
        )}
      </Space>
      {item.drift && <DriftNote drift={item.drift} />}
      <div style={{ marginTop: 8 }}>
        {editSelf ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            <InputNumber
              aria-label={t('assessments.selfScore')}
              addonBefore={t('assessments.selfScore')}
              min={0}
              max={item.points}
              value={self.score}
              onChange={(v) => onSelf({ ...self, score: v })}
            />
            <Input.TextArea
              aria-label={t('assessments.selfNote')}
              placeholder={t('assessments.notePlaceholder')}
              autoSize={{ minRows: 1, maxRows: 4 }}
              value={self.note}
              onChange={(e) => onSelf({ ...self, note: e.target.value })}
            />
          </Space>
        ) : (
          item.selfScore !== null && (
            <Typography.Paragraph style={{ marginBottom: 0 }}>
              {t('assessments.selfScore')} {item.selfScore}
              {item.selfNote ? ` · ${item.selfNote}` : ''}
            </Typography.Paragraph>
          )
        )}
        {(links.records.length > 0 || links.attachments.length > 0) && (
          <Typography.Text type="secondary">
            {t('assessments.links', { records: links.records.length, files: links.attachments.length })}
          </Typography.Text>
        )}{' '}
        {editSelf && p.drill && (
          <EvidencePicker
            returnId={returnId}
            itemKey={item.key}
            itemTitle={item.title}
            links={links}
            onChange={onLinks}
          />
        )}
        <LinkedChips returnId={returnId} itemKey={item.key} links={links} />
      </div>
      <div style={{ marginTop: 8 }}>
        {editReview ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Select<ReviewDecision>
              aria-label={t('assessments.reviewDecision')}
              placeholder={t('assessments.reviewDecision')}
              style={{ width: '100%', maxWidth: 260 }}
              value={review.decision ?? undefined}
              options={(['AGREE', 'CHANGE'] as const).map((d) => ({
                value: d,
                label: nameOf(REVIEW_DECISION_LABELS, d),
              }))}
              onChange={(d) => onReview({ ...review, decision: d })}
            />
            {review.decision === 'CHANGE' && (
              <>
                <InputNumber
                  aria-label={t('assessments.reviewScore')}
                  addonBefore={t('assessments.reviewScore')}
                  min={0}
                  max={item.points}
                  value={review.score}
                  onChange={(v) => onReview({ ...review, score: v })}
                />
                <Input.TextArea
                  aria-label={t('assessments.reviewReason')}
                  placeholder={t('assessments.reviewReason')}
                  autoSize={{ minRows: 1, maxRows: 4 }}
                  value={review.reason}
                  onChange={(e) => onReview({ ...review, reason: e.target.value })}
                />
              </>
            )}
          </Space>
        ) : (
          item.decision !== null && (
            <Typography.Paragraph style={{ marginBottom: 0 }}>
              {t('assessments.reviewDecision')}：{nameOf(REVIEW_DECISION_LABELS, item.decision)}
              {item.decision === 'CHANGE' ? ` ${item.reviewScore} · ${item.reviewReason}` : ''}
            </Typography.Paragraph>
          )
        )}
        {item.finalScore !== null && (
          <Typography.Text strong data-testid="final-score">
            {t('assessments.finalScore', { score: item.finalScore })}
          </Typography.Text>
        )}
      </div>
    </Card>
  );
}

export function AssessmentReturnRoute() {
  const { id = '' } = useParams();
  const { t, nameOf, lang } = useI18n();
  const { message } = App.useApp();
  const query = useAssessmentReturn(id);
  const write = useReturnWrite(query.data);
  const [self, setSelf] = useState<Record<string, SelfDraft>>({});
  const [review, setReview] = useState<Record<string, ReviewDraft>>({});
  const [links, setLinks] = useState<Record<string, Links>>({});
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');

  const data = query.data;
  useEffect(() => {
    if (!data) return;
    setSelf(
      Object.fromEntries(
        data.items.map((i) => [i.key, { score: i.selfScore ?? i.proposal.proposed, note: i.selfNote }]),
      ),
    );
    setLinks(Object.fromEntries(data.items.map((i) => [i.key, { records: i.records, attachments: i.attachments }])));
    setReview(
      Object.fromEntries(
        data.items.map((i) => [i.key, { decision: i.decision, score: i.reviewScore, reason: i.reviewReason }]),
      ),
    );
  }, [data]);

  if (query.isPending) return <PageLoading />;
  if (query.isError || !data) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;

  const editSelf = data.steps.includes('SELF_DRAFT');
  const editReview = data.steps.includes('IN_REVIEW');
  const run = async (w: Parameters<typeof write.mutateAsync>[0]) => {
    try {
      await write.mutateAsync(w);
      void message.success(t('assessments.saved'));
    } catch (error) {
      void message.error(errorText(error, lang, t));
    }
  };
  const selfBody = () => ({
    items: data.items.map((i) => ({
      key: i.key,
      score: self[i.key]?.score ?? null,
      note: self[i.key]?.note ?? '',
      records: links[i.key]?.records ?? i.records,
      attachments: links[i.key]?.attachments ?? i.attachments,
    })),
  });
  const reviewBody = (): SaveReviewInput => ({
    items: data.items.flatMap((i): SaveReviewInput['items'] => {
      const r = review[i.key];
      if (!r?.decision) return [];
      if (r.decision === 'AGREE') return [{ key: i.key, decision: 'AGREE' }];
      return [{ key: i.key, decision: 'CHANGE', reason: r.reason, ...(r.score === null ? {} : { score: r.score }) }];
    }),
  });

  return (
    <>
      <PageHead
        title={`${data.orgName} · ${data.campaignName}`}
        intro={
          <Space wrap size={[8, 4]}>
            <Tag color={RETURN_STATE_COLOR[data.state]} data-testid="return-state">
              {nameOf(RETURN_STATE_LABELS, data.state)}
            </Tag>
            <span>{periodLabel(data.periodCode, t)}</span>
            <span>{t('assessments.total', { total: data.total })}</span>
            {data.selfTotal !== null && (
              <span>
                {t('assessments.selfTotal')} {data.selfTotal}
              </span>
            )}
            {data.finalTotal !== null && (
              <strong data-testid="final-total">
                {t('assessments.finalTotal')} {data.finalTotal}
              </strong>
            )}
          </Space>
        }
      />
      {data.state === 'RETURNED' && data.returnReason && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('assessments.returned', { reason: data.returnReason })}
        />
      )}
      {data.state === 'CONFIRMED' && (
        <Alert type="success" showIcon style={{ marginBottom: 12 }} message={t('assessments.locked')} />
      )}
      {data.vetoedBy.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} message={t('assessments.vetoed')} />
      )}
      {editSelf && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('assessments.noUpload')} />}
      <ReturnWorkloadCard workload={data.workload} />
      {data.items.map((item) => (
        <ItemCard
          key={item.key}
          returnId={data.id}
          links={links[item.key] ?? { records: item.records, attachments: item.attachments }}
          onLinks={(l) => setLinks((s) => ({ ...s, [item.key]: l }))}
          item={item}
          editSelf={editSelf}
          editReview={editReview}
          self={self[item.key] ?? { score: null, note: '' }}
          review={review[item.key] ?? { decision: null, score: null, reason: '' }}
          onSelf={(d) => setSelf((s) => ({ ...s, [item.key]: d }))}
          onReview={(d) => setReview((s) => ({ ...s, [item.key]: d }))}
        />
      ))}
      <Space wrap style={{ marginTop: 8 }}>
        {editSelf && (
          <Button loading={write.isPending} onClick={() => run({ what: 'self', body: selfBody() })}>
            {t('assessments.saveSelf')}
          </Button>
        )}
        {data.steps.includes('SUBMITTED') && (
          <Button
            type="primary"
            loading={write.isPending}
            onClick={() => run({ what: 'steps', body: { to: 'SUBMITTED' } })}
          >
            {t('assessments.submit')}
          </Button>
        )}
        {editReview && (
          <Button loading={write.isPending} onClick={() => run({ what: 'review', body: reviewBody() })}>
            {t('assessments.saveReview')}
          </Button>
        )}
        {data.steps.includes('REVIEWED') && (
          <Button
            type="primary"
            loading={write.isPending}
            onClick={() => run({ what: 'steps', body: { to: 'REVIEWED' } })}
          >
            {t('assessments.finishReview')}
          </Button>
        )}
        {data.steps.includes('RETURNED') && (
          <Button danger onClick={() => setReturning(true)}>
            {t('assessments.return')}
          </Button>
        )}
        {data.steps.includes('CONFIRMED') && (
          <Button
            type="primary"
            loading={write.isPending}
            onClick={() =>
              Modal.confirm({
                title: t('assessments.confirm'),
                content: t('assessments.confirmText'),
                onOk: () => run({ what: 'steps', body: { to: 'CONFIRMED' } }),
              })
            }
          >
            {t('assessments.confirm')}
          </Button>
        )}
      </Space>
      <Modal
        open={returning}
        title={t('assessments.return')}
        okButtonProps={{ disabled: reason.trim() === '', loading: write.isPending }}
        onCancel={() => setReturning(false)}
        onOk={async () => {
          await run({ what: 'steps', body: { to: 'RETURNED', reason } });
          setReturning(false);
          setReason('');
        }}
      >
        <Input.TextArea
          aria-label={t('assessments.returnReason')}
          placeholder={t('assessments.returnReason')}
          autoSize={{ minRows: 2, maxRows: 6 }}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </>
  );
}
