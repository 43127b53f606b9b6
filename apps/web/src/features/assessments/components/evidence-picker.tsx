// 佐证 of one 自评 item (ADR 041, amendment part C): the records of the item's drill for the unit —
// the same list as its "N 条记录" link — and the files stored on them, to tick and link. Nothing is
// uploaded here: evidence is the records already kept. Linked ones show as chips linking to the
// record. The page saves the links with the 自评 (PUT …/self checks their reach again).

import { PaperClipOutlined } from '@ant-design/icons';
import type { DrillRecord, RecordLink } from '@dutyboard/contracts/assessment-campaigns';
import { THING_LABELS } from '@dutyboard/contracts/labels';
import { Alert, Button, Checkbox, Empty, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/error-state.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { recordPath } from '../../../lib/record-links.ts';
import { useItemEvidence } from '../api/assessments.ts';

export interface Links {
  records: RecordLink[];
  attachments: string[];
}

const sameLink = (a: RecordLink, b: RecordLink) => a.type === b.type && a.id === b.id;

/** The chips of what an item links: each record by its title (once the drill is read) with a link to it. */
export function LinkedChips({ returnId, itemKey, links }: { returnId: string; itemKey: string; links: Links }) {
  const { t, nameOf } = useI18n();
  const any = links.records.length > 0 || links.attachments.length > 0;
  const evidence = useItemEvidence(returnId, itemKey, any);
  if (!any) return null;
  const titleOf = (l: RecordLink) => evidence.data?.records.find((r) => sameLink(r.link, l))?.title;
  const fileOf = (id: string) => evidence.data?.attachments.find((a) => a.id === id)?.fileName;
  return (
    <Space wrap size={[6, 6]} style={{ marginTop: 6 }} data-testid="linked-chips">
      {links.records.map((l) => (
        <Tag key={`${l.type}:${l.id}`} color="blue" data-testid="linked-record">
          <Link to={recordPath(l.type, l.id)}>{titleOf(l) ?? nameOf(THING_LABELS, l.type)}</Link>
        </Tag>
      ))}
      {links.attachments.map((id) => (
        <Tag key={id} icon={<PaperClipOutlined />} data-testid="linked-file">
          {fileOf(id) ?? t('assessments.file')}
        </Tag>
      ))}
    </Space>
  );
}

function matches(r: DrillRecord, q: string) {
  const s = q.trim().toLowerCase();
  return (
    s === '' || r.title.toLowerCase().includes(s) || r.orgName.toLowerCase().includes(s) || (r.date ?? '').includes(s)
  );
}

/** The picker: a dialog listing the drill's records (searchable) and their files, ticked as linked. */
export function EvidencePicker({
  returnId,
  itemKey,
  itemTitle,
  links,
  onChange,
}: {
  returnId: string;
  itemKey: string;
  itemTitle: string;
  links: Links;
  onChange: (links: Links) => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Links>(links);
  const [q, setQ] = useState('');
  const evidence = useItemEvidence(returnId, itemKey, open);
  const data = evidence.data;
  const shown = (data?.records ?? []).filter((r) => matches(r, q));
  const filesOf = (r: DrillRecord) =>
    (data?.attachments ?? []).filter((a) => a.entityType === r.link.type && a.entityId === r.link.id);

  const tickRecord = (l: RecordLink, on: boolean) =>
    setDraft((d) => ({
      ...d,
      records: on ? [...d.records.filter((x) => !sameLink(x, l)), l] : d.records.filter((x) => !sameLink(x, l)),
    }));
  const tickFile = (id: string, on: boolean) =>
    setDraft((d) => ({
      ...d,
      attachments: on ? [...new Set([...d.attachments, id])] : d.attachments.filter((x) => x !== id),
    }));

  return (
    <>
      <Button
        size="small"
        onClick={() => {
          setDraft(links);
          setQ('');
          setOpen(true);
        }}
        data-testid="pick-evidence"
      >
        {t('assessments.pickEvidence')}
      </Button>
      <Modal
        open={open}
        title={t('assessments.pickTitle', { title: itemTitle })}
        okText={t('assessments.pickOk')}
        onOk={() => {
          onChange(draft);
          setOpen(false);
        }}
        onCancel={() => setOpen(false)}
        width={680}
        destroyOnHidden
      >
        <Alert type="info" showIcon message={t('assessments.noUpload')} style={{ marginBottom: 12 }} />
        <Input.Search
          allowClear
          aria-label={t('assessments.pickSearch')}
          placeholder={t('assessments.pickSearch')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          style={{ marginBottom: 12 }}
        />
        {evidence.isPending ? (
          <PageLoading />
        ) : evidence.isError || !data ? (
          <ErrorState error={evidence.error} onRetry={() => evidence.refetch()} />
        ) : data.records.length === 0 ? (
          <Empty description={t('assessments.pickEmpty')} />
        ) : (
          <>
            {data.total > data.records.length && (
              <Typography.Paragraph type="secondary">
                {t('assessments.pickCapped', { shown: data.records.length, total: data.total })}
              </Typography.Paragraph>
            )}
            <List
              size="small"
              dataSource={shown}
              style={{ maxHeight: 420, overflowY: 'auto' }}
              renderItem={(r) => {
                const on = draft.records.some((x) => sameLink(x, r.link));
                return (
                  <List.Item data-testid="evidence-record" data-id={r.id}>
                    <Space direction="vertical" size={2} style={{ width: '100%' }}>
                      <Checkbox checked={on} onChange={(e) => tickRecord(r.link, e.target.checked)}>
                        <Typography.Text>{r.title}</Typography.Text>{' '}
                        <Typography.Text type="secondary">
                          {r.date ?? ''} · {r.orgName}
                        </Typography.Text>
                      </Checkbox>
                      {filesOf(r).map((f) => (
                        <Checkbox
                          key={f.id}
                          style={{ marginInlineStart: 24 }}
                          checked={draft.attachments.includes(f.id)}
                          onChange={(e) => tickFile(f.id, e.target.checked)}
                        >
                          <PaperClipOutlined /> {f.fileName}
                        </Checkbox>
                      ))}
                    </Space>
                  </List.Item>
                );
              }}
            />
          </>
        )}
      </Modal>
    </>
  );
}
