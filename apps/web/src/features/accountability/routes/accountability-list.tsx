// The 督查 / 通报 / 谈话 / 问责 ledger (ADR 049): a list by type with each record's details, and
// a form for leaders whose fields follow the chosen type (contracts ACCOUNTABILITY_FIELDS). The
// server refuses anyone without accountability:read; the page does not render for them either.
import { PlusOutlined } from '@ant-design/icons';
import {
  ACCOUNTABILITY_FIELDS,
  ACCOUNTABILITY_MEASURES,
  ACCOUNTABILITY_TYPES,
  type Accountability,
  AccountabilityPageSchema,
  AccountabilitySchema,
  type AccountabilityType,
  AccountabilityTypeSchema,
  NOTICE_COLOURS,
  NoticeColourSchema,
} from '@dutyboard/contracts/accountability';
import { IdSchema } from '@dutyboard/contracts/common';
import {
  ACCOUNTABILITY_MEASURE_LABELS,
  ACCOUNTABILITY_TYPE_LABELS,
  NOTICE_COLOUR_LABELS,
} from '@dutyboard/contracts/labels';
import { LocalDateSchema } from '@dutyboard/contracts/periods';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Segmented, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { z } from 'zod';
import { ListTotal } from '../../../components/list-total.tsx';
import { OrgSelect } from '../../../components/org-select.tsx';
import { PageHead } from '../../../components/page-head.tsx';
import { api } from '../../../lib/api-client.ts';
import { can } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { formatDateTime, shanghaiInstant } from '../../../lib/dates.ts';
import { errorText } from '../../../lib/error-text.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useOrgs } from '../../../lib/orgs.ts';

const KEY = ['accountability'] as const;
const COLOUR_TAG = { RED: 'red', YELLOW: 'gold', GREEN: 'green' } as const;
const day = (instant: string | null) => (instant ? formatDateTime(instant, false) : '');

/** The list's filter as the URL carries it: a figure's drill (type, colour, org, own, days) opens exactly its records. */
const FilterSchema = z.object({
  type: AccountabilityTypeSchema.optional().catch(undefined),
  colour: NoticeColourSchema.optional().catch(undefined),
  org: IdSchema.optional().catch(undefined),
  own: z.literal('true').optional().catch(undefined),
  from: LocalDateSchema.optional().catch(undefined),
  to: LocalDateSchema.optional().catch(undefined),
});
type Filter = z.infer<typeof FilterSchema>;
const PAGE_SIZE = 50;

function filterFrom(params: URLSearchParams): Filter {
  const read = (key: keyof Filter) => params.get(key) ?? undefined;
  const parsed = FilterSchema.parse({
    type: read('type'),
    colour: read('colour'),
    org: read('org'),
    own: read('own'),
    from: read('from'),
    to: read('to'),
  });
  return Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined)) as Filter;
}

export function AccountabilityListRoute() {
  const me = useCurrentUser();
  const { t, nameOf, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const filter = filterFrom(params);
  const type = filter.type ?? 'ALL';
  const setType = (value: AccountabilityType | 'ALL') => {
    const next = new URLSearchParams(params);
    if (value === 'ALL') next.delete('type');
    else next.set('type', value);
    next.delete('colour');
    setParams(next, { replace: true });
  };
  const narrowed = Boolean(filter.org || filter.from || filter.to || filter.colour);
  const [open, setOpen] = useState(false);
  const readable = can(me, 'accountability:read');
  const list = useInfiniteQuery({
    queryKey: [...KEY, filter],
    enabled: readable,
    queryFn: ({ pageParam, signal }) =>
      api.get('/api/accountability', {
        query: { ...filter, cursor: pageParam, limit: PAGE_SIZE },
        schema: AccountabilityPageSchema,
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  if (!readable) return <Alert type="error" showIcon message={t('error.FORBIDDEN')} />;

  const detail = (row: Accountability) => {
    const parts: string[] = [];
    if (row.colour) parts.push(nameOf(NOTICE_COLOUR_LABELS, row.colour));
    if (row.person) parts.push(row.person);
    if (row.measure) parts.push(nameOf(ACCOUNTABILITY_MEASURE_LABELS, row.measure));
    if (row.grounds) parts.push(row.grounds);
    if (row.findings.length > 0) {
      parts.push(t('accountability.findings', { count: row.findings.length, made: row.rectificationIds.length }));
    }
    if (row.followUp) parts.push(row.followUp);
    return parts.join(' · ');
  };

  return (
    <div data-testid="accountability-page">
      <PageHead title={t('accountability.title')} intro={t('accountability.intro')}>
        {can(me, 'accountability:write') && (
          <Button
            type="primary"
            size="large"
            icon={<PlusOutlined />}
            data-testid="accountability-new"
            onClick={() => setOpen(true)}
          >
            {t('accountability.new')}
          </Button>
        )}
      </PageHead>
      <Segmented
        value={type}
        onChange={(v) => setType(v as AccountabilityType | 'ALL')}
        options={[
          { value: 'ALL', label: t('accountability.allTypes') },
          ...ACCOUNTABILITY_TYPES.map((v) => ({ value: v, label: nameOf(ACCOUNTABILITY_TYPE_LABELS, v) })),
        ]}
        style={{ marginBottom: 16, maxWidth: '100%', overflowX: 'auto' }}
      />
      {narrowed && (
        <Typography.Paragraph type="secondary" data-testid="accountability-range">
          {[filter.from, filter.to].filter(Boolean).join(' ~ ')}{' '}
          <Link to="/accountability">{t('accountability.clearFilters')}</Link>
        </Typography.Paragraph>
      )}
      <div style={{ marginBottom: 8 }}>
        <ListTotal total={list.data?.pages[0]?.total} />
      </div>
      {list.isError ? (
        <Alert
          type="error"
          showIcon
          message={t('accountability.loadFailed')}
          description={errorText(list.error, lang, t)}
        />
      ) : (
        <Table<Accountability>
          data-testid="accountability-table"
          rowKey="id"
          loading={list.isLoading}
          dataSource={items}
          pagination={false}
          scroll={{ x: 720 }}
          locale={{ emptyText: t('accountability.empty') }}
          columns={[
            {
              key: 'type',
              title: t('accountability.colType'),
              width: 110,
              render: (_: unknown, row) =>
                row.colour ? (
                  <Tag color={COLOUR_TAG[row.colour]}>{nameOf(NOTICE_COLOUR_LABELS, row.colour)}</Tag>
                ) : (
                  <Tag>{nameOf(ACCOUNTABILITY_TYPE_LABELS, row.type)}</Tag>
                ),
            },
            { key: 'title', title: t('accountability.colTitle'), dataIndex: 'title' },
            { key: 'org', title: t('accountability.colOrg'), dataIndex: 'orgName', width: 160 },
            {
              key: 'day',
              title: t('accountability.colDay'),
              width: 130,
              render: (_: unknown, row) =>
                row.occurredAt
                  ? day(row.occurredAt)
                  : row.plannedAt
                    ? t('accountability.planned', { date: day(row.plannedAt) })
                    : '',
            },
            { key: 'detail', title: t('accountability.colDetail'), render: (_: unknown, row) => detail(row) },
          ]}
        />
      )}
      {list.hasNextPage && (
        <Button
          style={{ marginTop: 12 }}
          onClick={() => void list.fetchNextPage()}
          loading={list.isFetchingNextPage}
          data-testid="accountability-more"
        >
          {t('accountability.loadMore')}
        </Button>
      )}
      {open && <AccountabilityFormModal onClose={() => setOpen(false)} />}
    </div>
  );
}

interface FormValues {
  orgId?: string;
  type: AccountabilityType;
  title?: string;
  plannedAt?: Dayjs;
  occurredAt?: Dayjs;
  findings?: string;
  colour?: string;
  grounds?: string;
  person?: string;
  measure?: string;
  followUp?: string;
}

function AccountabilityFormModal({ onClose }: { onClose: () => void }) {
  const { t, nameOf, lang } = useI18n();
  const me = useCurrentUser();
  const { message } = App.useApp();
  const orgs = useOrgs();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const type = Form.useWatch('type', form) ?? 'INSPECTION';
  const allowed = ACCOUNTABILITY_FIELDS[type].allowed as readonly string[];
  const required = ACCOUNTABILITY_FIELDS[type].required as readonly string[];
  const save = useMutation({
    mutationFn: (v: FormValues) => {
      const at = (d: Dayjs | undefined) => (d ? shanghaiInstant(d.format('YYYY-MM-DD'), '09:00') : undefined);
      const body = {
        orgId: v.orgId,
        type: v.type,
        title: v.title,
        ...(allowed.includes('plannedAt') && v.plannedAt ? { plannedAt: at(v.plannedAt) } : {}),
        ...(allowed.includes('occurredAt') && v.occurredAt ? { occurredAt: at(v.occurredAt) } : {}),
        ...(allowed.includes('findings') && v.findings?.trim()
          ? {
              findings: v.findings
                .split('\n')
                .map((s) => s.trim())
                .filter(Boolean),
            }
          : {}),
        ...(allowed.includes('colour') && v.colour ? { colour: v.colour } : {}),
        ...(allowed.includes('person') && v.person ? { person: v.person } : {}),
        ...(allowed.includes('measure') && v.measure ? { measure: v.measure } : {}),
        ...(v.grounds ? { grounds: v.grounds } : {}),
        ...(v.followUp ? { followUp: v.followUp } : {}),
      };
      return api.post('/api/accountability', body, {
        schema: AccountabilitySchema,
        headers: { 'Idempotency-Key': crypto.randomUUID() },
      });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: KEY });
      await queryClient.invalidateQueries({ queryKey: ['rectifications'] });
      void message.success(t('accountability.saved'));
      onClose();
    },
  });
  const choices = (orgs.data?.items ?? []).filter((o) => o.id !== me.org.id);
  const label = (f: string) => t(`accountability.field.${f}` as Parameters<typeof t>[0]);
  const rule = (f: string) => (required.includes(f) ? [{ required: true, message: label(f) }] : []);
  return (
    <Modal
      open
      title={t('accountability.new')}
      onCancel={onClose}
      okText={t('accountability.save')}
      cancelText={t('accountability.cancel')}
      confirmLoading={save.isPending}
      onOk={() => void form.validateFields().then((v) => save.mutate(v))}
    >
      {save.isError && (
        <Alert type="error" showIcon message={errorText(save.error, lang, t)} style={{ marginBottom: 12 }} />
      )}
      <Form<FormValues> form={form} layout="vertical" initialValues={{ type: 'INSPECTION' }} name="accountability">
        <Form.Item name="type" label={label('type')} rules={[{ required: true }]}>
          <Select
            options={ACCOUNTABILITY_TYPES.map((v) => ({ value: v, label: nameOf(ACCOUNTABILITY_TYPE_LABELS, v) }))}
          />
        </Form.Item>
        <Form.Item name="orgId" label={label('orgId')} rules={[{ required: true, message: label('orgId') }]}>
          <OrgSelect orgs={choices} loading={orgs.isLoading} />
        </Form.Item>
        <Form.Item
          name="title"
          label={label('title')}
          rules={[{ required: true, whitespace: true, message: label('title') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        {allowed.includes('plannedAt') && (
          <Form.Item name="plannedAt" label={label('plannedAt')} rules={rule('plannedAt')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="occurredAt" label={label('occurredAt')} rules={rule('occurredAt')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {allowed.includes('colour') && (
          <Form.Item name="colour" label={label('colour')} rules={rule('colour')}>
            <Select options={NOTICE_COLOURS.map((v) => ({ value: v, label: nameOf(NOTICE_COLOUR_LABELS, v) }))} />
          </Form.Item>
        )}
        {allowed.includes('person') && (
          <Form.Item name="person" label={label('person')} rules={rule('person')}>
            <Input maxLength={64} />
          </Form.Item>
        )}
        {allowed.includes('measure') && (
          <Form.Item name="measure" label={label('measure')} rules={rule('measure')}>
            <Select
              options={ACCOUNTABILITY_MEASURES.map((v) => ({
                value: v,
                label: nameOf(ACCOUNTABILITY_MEASURE_LABELS, v),
              }))}
            />
          </Form.Item>
        )}
        {allowed.includes('findings') && (
          <Form.Item name="findings" label={label('findings')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
          </Form.Item>
        )}
        <Form.Item name="grounds" label={label('grounds')} rules={rule('grounds')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Form.Item name="followUp" label={label('followUp')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
