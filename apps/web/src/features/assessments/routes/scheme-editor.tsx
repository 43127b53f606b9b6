// /assessments/schemes/:id (考核细则): the scheme's tree. A leader of the issuing level edits a DRAFT
// — categories and items added, removed (after asking) and moved, each item's points, rule type and
// the fields of its rule — checked as it is typed by the contracts' own schema (SchemeItemInputSchema
// per item, schemeIssues across the tree) with the 减负 warnings (schemeWarnings) beside the item
// they concern and the points' sum against full marks. Saving names the version it was read at: a
// 412 says someone else saved and keeps every edit on the page. A scheme IN_USE, or a reader
// without assessment:manage, sees the same page read-only with the reason. 导出/导入 Excel here too.
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  DownloadOutlined,
  ImportOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import type { SchemeImportWarning } from '@dutyboard/contracts/assessment-scheme-xlsx';
import {
  COUNT_METHODS,
  CountFigureSchema,
  IncidentFigureSchema,
  RULE_PERS,
  SCHEME_RULE_TYPES,
  SCHEME_TOTAL_DEFAULT,
  SCORERS,
  type Scheme,
  type SchemeItemInput,
  SchemeItemInputSchema,
  type SchemeRule,
  SchemeRuleSchema,
  type SchemeRuleType,
  schemeIssues,
  schemeWarnings,
  sumPoints,
} from '@dutyboard/contracts/assessments';
import type { FieldIssue } from '@dutyboard/contracts/errors';
import {
  COUNT_METHOD_LABELS,
  RULE_PER_LABELS,
  SCHEME_RULE_TYPE_LABELS,
  SCHEME_STATE_LABELS,
  SCORER_LABELS,
} from '@dutyboard/contracts/labels';
import { periodFromCode, periodMonths } from '@dutyboard/contracts/periods';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ErrorState } from '../../../components/error-state.tsx';
import { PageHead } from '../../../components/page-head.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { can } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { errorText } from '../../../lib/error-text.ts';
import { fieldIssueText } from '../../../lib/form-issues.ts';
import type { MessageKey } from '../../../lib/i18n.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { figureLabel } from '../../../lib/labels.ts';
import { periodLabel } from '../../../lib/periods.ts';
import { useLeaveGuard } from '../../../lib/use-leave-guard.ts';
import { fieldSpec } from '../../../lib/zod-rules.ts';
import { downloadSchemeXlsx, useScheme, useSchemeWrite } from '../api/schemes.ts';
import { ImportRowsTable, SchemeImportDialog } from './schemes.tsx';

// ---------------------------------------------------------------------------------------------
// The draft on the page: the tree with a local id on every category and item (new items have no key yet)

interface DraftItem extends SchemeItemInput {
  uid: string;
}
interface DraftCategory {
  uid: string;
  title: string;
  items: DraftItem[];
}
interface Draft {
  name: string;
  total: number;
  categories: DraftCategory[];
}

let uidSeq = 0;
const uid = () => `u${++uidSeq}`;

function draftOf(s: Scheme): Draft {
  return {
    name: s.name,
    total: s.total,
    categories: s.categories.map((c) => ({
      uid: uid(),
      title: c.title,
      items: c.items.map((i) => ({
        uid: uid(),
        key: i.key,
        title: i.title,
        points: i.points,
        rule: i.rule,
        evidence: i.evidence,
        scorer: i.scorer,
      })),
    })),
  };
}

const stripItem = ({ uid: _uid, ...item }: DraftItem): SchemeItemInput => item;
const treeOf = (d: Draft) => d.categories.map((c) => ({ title: c.title, items: c.items.map(stripItem) }));
const sameDraft = (a: Draft, b: Draft) =>
  JSON.stringify([a.name, a.total, treeOf(a)]) === JSON.stringify([b.name, b.total, treeOf(b)]);

const COUNT_FIGURES = CountFigureSchema.options;
const INCIDENT_FIGURES = IncidentFigureSchema.options;
/** The figure a new rule starts with (the one most 细则 count); the user picks another. */
const FIRST_COUNT: (typeof COUNT_FIGURES)[number] = 'CENTRAL_GROUP_STUDY';
const FIRST_INCIDENT: (typeof INCIDENT_FIGURES)[number] = 'ALERT_REPORTED_LATE';

/** A new rule of a type, its fields filled with the first choices (the user changes them). */
function ruleOfType(type: SchemeRuleType, period: string): SchemeRule {
  switch (type) {
    case 'COUNT':
      return { type, figure: FIRST_COUNT, required: 1, per: 'PERIOD', method: 'FULL_OR_NOTHING' };
    case 'DEADLINE':
      return { type, figure: FIRST_COUNT, dueMonth: periodMonths(periodFromCode(period)).at(-1) ?? '' };
    case 'PER_INCIDENT':
      return { type, figure: FIRST_INCIDENT, deduct: 1 };
    case 'VETO':
      return { type, figure: FIRST_INCIDENT };
    case 'MANUAL':
      return { type };
  }
}

const newItem = (): DraftItem => ({
  uid: uid(),
  title: '',
  points: 1,
  rule: { type: 'MANUAL' },
  evidence: '',
  scorer: 'REVIEWER',
});

function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const out = [...list];
  const [moved] = out.splice(from, 1);
  if (moved !== undefined) out.splice(to, 0, moved);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Field labels and specs: words here, limits from the contract

const ITEM_LABELS: Record<string, MessageKey> = {
  title: 'schemes.itemTitle',
  points: 'schemes.points',
  evidence: 'schemes.evidence',
  scorer: 'schemes.scorer',
  key: 'schemes.item',
  'rule.type': 'schemes.ruleType',
  'rule.figure': 'schemes.figure',
  'rule.required': 'schemes.required',
  'rule.per': 'schemes.per',
  'rule.method': 'schemes.method',
  'rule.deduct': 'schemes.deduct',
  'rule.dueMonth': 'schemes.dueMonth',
};

/** The spec of an item field from the contract: the item schema, or the rule type's own member of the union. */
function specOf(field: string, type: SchemeRuleType) {
  const label = ITEM_LABELS[field] ?? 'schemes.item';
  if (field.startsWith('rule.')) {
    const member = SchemeRuleSchema.options.find((o) => o.shape.type.value === type);
    return fieldSpec(member ?? SchemeItemInputSchema, field.slice(5), {
      label,
      ...(field === 'rule.dueMonth' ? { format: 'schemes.dueMonthFormat' as const } : {}),
    });
  }
  return fieldSpec(SchemeItemInputSchema, field, label);
}

/** Issues of each item ("c.i" → field → issue) and of the tree as a whole. */
function checkDraft(
  draft: Draft,
  period: string,
): { byItem: Map<string, Map<string, FieldIssue>>; tree: FieldIssue[] } {
  const byItem = new Map<string, Map<string, FieldIssue>>();
  const tree: FieldIssue[] = [];
  const put = (ci: number, ii: number, field: string, issue: FieldIssue) => {
    const at = `${ci}.${ii}`;
    const fields = byItem.get(at) ?? new Map<string, FieldIssue>();
    if (!fields.has(field)) fields.set(field, issue);
    byItem.set(at, fields);
  };
  draft.categories.forEach((c, ci) => {
    c.items.forEach((item, ii) => {
      const parsed = SchemeItemInputSchema.safeParse(stripItem(item));
      if (parsed.success) return;
      for (const issue of parsed.error.issues) {
        const field = issue.path.join('.');
        put(ci, ii, field, { field, code: issue.code, message: issue.message });
      }
    });
  });
  for (const issue of schemeIssues({ period, total: draft.total, categories: treeOf(draft) })) {
    const m = /^categories\.(\d+)\.items\.(\d+)\.(.+)$/.exec(issue.path);
    const found: FieldIssue = { field: issue.path, code: 'custom', message: issue.message };
    if (m) put(Number(m[1]), Number(m[2]), m[3] ?? '', found);
    else tree.push(found);
  }
  return { byItem, tree };
}

// ---------------------------------------------------------------------------------------------
// One item

interface ItemEditorProps {
  item: DraftItem;
  period: string;
  issues: Map<string, FieldIssue> | undefined;
  warning: string[] | undefined;
  first: boolean;
  last: boolean;
  readOnly: boolean;
  onChange: (item: DraftItem) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

function ItemEditor({
  item,
  period,
  issues,
  warning,
  first,
  last,
  readOnly,
  onChange,
  onMove,
  onRemove,
}: ItemEditorProps) {
  const { t, lang, nameOf } = useI18n();
  const r = item.rule;
  const field = (name: string, control: ReactNode, span = 8) => {
    const issue = issues?.get(name);
    return (
      <Col xs={24} sm={12} md={span}>
        <Form.Item
          label={t(ITEM_LABELS[name] ?? 'schemes.item')}
          validateStatus={issue ? 'error' : undefined}
          help={issue ? fieldIssueText(specOf(name, r.type), issue, t, lang) : undefined}
          style={{ marginBottom: 8 }}
        >
          {control}
        </Form.Item>
      </Col>
    );
  };
  const setRule = (rule: SchemeRule) => onChange({ ...item, rule });
  const figures = r.type === 'COUNT' || r.type === 'DEADLINE' ? COUNT_FIGURES : INCIDENT_FIGURES;
  const choices = <K extends string>(values: readonly K[], label: (v: K) => string) =>
    values.map((v) => ({ value: v, label: label(v) }));

  return (
    <div
      data-testid="scheme-item"
      style={{ border: '1px solid #d9d9d9', borderRadius: 8, padding: 12, marginBottom: 12 }}
    >
      <Row gutter={12}>
        {field(
          'title',
          <Input.TextArea
            aria-label={t('schemes.itemTitle')}
            autoSize={{ minRows: 1, maxRows: 4 }}
            value={item.title}
            onChange={(e) => onChange({ ...item, title: e.target.value })}
          />,
          16,
        )}
        {field(
          'points',
          <InputNumber
            aria-label={t('schemes.points')}
            style={{ width: '100%' }}
            value={item.points}
            onChange={(v) => onChange({ ...item, points: v ?? Number.NaN })}
          />,
        )}
        {field(
          'rule.type',
          <Select
            aria-label={t('schemes.ruleType')}
            value={r.type}
            options={choices(SCHEME_RULE_TYPES, (v) => nameOf(SCHEME_RULE_TYPE_LABELS, v))}
            onChange={(type: SchemeRuleType) =>
              onChange({
                ...item,
                rule: ruleOfType(type, period),
                scorer: type === 'MANUAL' ? 'REVIEWER' : 'COMPUTED',
                points: type === 'VETO' ? 0 : item.points || 1,
              })
            }
          />,
        )}
        {r.type !== 'MANUAL' &&
          field(
            'rule.figure',
            <Select
              aria-label={t('schemes.figure')}
              value={r.figure}
              showSearch
              optionFilterProp="label"
              options={choices(figures as readonly string[], (v) => figureLabel(v, lang))}
              onChange={(figure: string) => setRule({ ...r, figure } as SchemeRule)}
            />,
          )}
        {r.type === 'COUNT' && (
          <>
            {field(
              'rule.required',
              <InputNumber
                aria-label={t('schemes.required')}
                style={{ width: '100%' }}
                value={r.required}
                onChange={(v) => setRule({ ...r, required: v ?? Number.NaN })}
              />,
            )}
            {field(
              'rule.per',
              <Select
                aria-label={t('schemes.per')}
                value={r.per}
                options={choices(RULE_PERS, (v) => nameOf(RULE_PER_LABELS, v))}
                onChange={(per) => setRule({ ...r, per })}
              />,
            )}
            {field(
              'rule.method',
              <Select
                aria-label={t('schemes.method')}
                value={r.method}
                options={choices(COUNT_METHODS, (v) => nameOf(COUNT_METHOD_LABELS, v))}
                onChange={(method) => {
                  const { deduct: _deduct, ...rest } = r;
                  setRule(method === 'PER_MISSING' ? { ...rest, method, deduct: 1 } : { ...rest, method });
                }}
              />,
            )}
          </>
        )}
        {((r.type === 'COUNT' && r.method === 'PER_MISSING') || r.type === 'PER_INCIDENT') &&
          field(
            'rule.deduct',
            <InputNumber
              aria-label={t('schemes.deduct')}
              style={{ width: '100%' }}
              value={r.deduct}
              onChange={(v) => setRule({ ...r, deduct: v ?? Number.NaN } as SchemeRule)}
            />,
          )}
        {r.type === 'DEADLINE' &&
          field(
            'rule.dueMonth',
            <Input
              aria-label={t('schemes.dueMonth')}
              placeholder="2026-06"
              value={r.dueMonth}
              onChange={(e) => setRule({ ...r, dueMonth: e.target.value.trim() })}
            />,
          )}
        {field(
          'scorer',
          <Select
            aria-label={t('schemes.scorer')}
            value={item.scorer}
            options={choices(SCORERS, (v) => nameOf(SCORER_LABELS, v))}
            onChange={(scorer) => onChange({ ...item, scorer })}
          />,
        )}
        {field(
          'evidence',
          <Input.TextArea
            aria-label={t('schemes.evidence')}
            autoSize={{ minRows: 1, maxRows: 4 }}
            value={item.evidence}
            onChange={(e) => onChange({ ...item, evidence: e.target.value })}
          />,
          16,
        )}
      </Row>
      {warning && (
        <Alert
          data-testid="scheme-warning"
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          message={t('schemes.warning')}
          description={t('schemes.warningText', { words: warning.join(lang === 'zh' ? '、' : ', ') })}
        />
      )}
      {!readOnly && (
        <Space wrap>
          <Button size="small" icon={<ArrowUpOutlined />} disabled={first} onClick={() => onMove(-1)}>
            {t('schemes.moveUp')}
          </Button>
          <Button size="small" icon={<ArrowDownOutlined />} disabled={last} onClick={() => onMove(1)}>
            {t('schemes.moveDown')}
          </Button>
          <Popconfirm
            title={t('schemes.removeItemConfirm', { title: item.title || t('schemes.untitled') })}
            onConfirm={onRemove}
          >
            <Button size="small" danger icon={<DeleteOutlined />}>
              {t('schemes.removeItem')}
            </Button>
          </Popconfirm>
        </Space>
      )}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// The page

export function SchemeEditorRoute() {
  const { id = '' } = useParams();
  const scheme = useScheme(id);
  if (scheme.isPending) return <PageLoading />;
  if (scheme.isError) return <ErrorState error={scheme.error} onRetry={() => scheme.refetch()} />;
  return <SchemeEditor key={scheme.data.id} scheme={scheme.data} onReload={() => scheme.refetch()} />;
}

function SchemeEditor({ scheme, onReload }: { scheme: Scheme; onReload: () => void }) {
  const { t, lang, nameOf } = useI18n();
  const me = useCurrentUser();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const write = useSchemeWrite(scheme);
  const [base, setBase] = useState(() => draftOf(scheme));
  const [draft, setDraft] = useState(base);
  const [stale, setStale] = useState(false);
  const [serverIssues, setServerIssues] = useState<FieldIssue[]>([]);
  const [importing, setImporting] = useState(false);
  const importWarnings = (location.state as { importWarnings?: SchemeImportWarning[] } | null)?.importWarnings;

  const readOnly = scheme.state !== 'DRAFT' || !can(me, 'assessment:manage');
  const dirty = !readOnly && !sameDraft(draft, base);
  const guard = useLeaveGuard(dirty);

  // A newer version read (after a save, or "load the latest") replaces the page unless it holds edits.
  const held = useRef({ base, draft });
  held.current = { base, draft };
  useEffect(() => {
    if (stale) return;
    const next = draftOf(scheme);
    const now = held.current;
    if (sameDraft(now.base, next)) return;
    if (sameDraft(now.draft, now.base)) setDraft(next);
    setBase(next);
  }, [scheme, stale]);

  const checked = useMemo(() => checkDraft(draft, scheme.periodCode), [draft, scheme.periodCode]);
  const warnings = useMemo(() => {
    const out = new Map<string, string[]>();
    for (const w of schemeWarnings({ categories: treeOf(draft) })) {
      const m = /^categories\.(\d+)\.items\.(\d+)$/.exec(w.path);
      if (m) out.set(`${m[1]}.${m[2]}`, w.words);
    }
    return out;
  }, [draft]);
  const errorCount = [...checked.byItem.values()].reduce((n, f) => n + f.size, 0) + checked.tree.length;
  const sum = sumPoints(draft.categories.flatMap((c) => c.items));

  const setCategory = (ci: number, change: (c: DraftCategory) => DraftCategory) =>
    setDraft((d) => ({ ...d, categories: d.categories.map((c, i) => (i === ci ? change(c) : c)) }));

  const save = () => {
    if (errorCount > 0) {
      void message.error(t('schemes.hasErrors', { count: errorCount }));
      return;
    }
    setServerIssues([]);
    write.mutate(
      { what: 'save', body: { name: draft.name, total: draft.total, categories: treeOf(draft) } },
      {
        onSuccess: (saved) => {
          if (saved) {
            const next = draftOf(saved);
            setBase(next);
            setDraft(next);
          }
          void message.success(t('schemes.saved'));
        },
        onError: (error) => {
          // Nothing typed is lost: the draft stays as it is whatever the refusal.
          if (isApiError(error) && error.status === 412) setStale(true);
          else if (isApiError(error) && error.fields.length > 0) setServerIssues(error.fields);
          else void message.error(errorText(error, lang, t));
        },
      },
    );
  };

  const exportXlsx = () => downloadSchemeXlsx(scheme.id).catch((e: unknown) => message.error(errorText(e, lang, t)));

  return (
    <>
      {guard}
      <PageHead
        title={
          <Space wrap size={[8, 0]}>
            <span>{scheme.name}</span>
            <Tag color={scheme.state === 'IN_USE' ? 'success' : undefined}>
              {nameOf(SCHEME_STATE_LABELS, scheme.state)}
            </Tag>
          </Space>
        }
        intro={`${scheme.orgName} · ${periodLabel(scheme.periodCode, t)} · ${t('schemes.edition', { number: scheme.number })}`}
      >
        <Link to="/assessments/schemes">{t('schemes.back')}</Link>
      </PageHead>

      {readOnly && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="scheme-read-only"
          message={scheme.state !== 'DRAFT' ? t('schemes.readOnlyInUse') : t('schemes.readOnlyRole')}
        />
      )}
      {importWarnings && importWarnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('schemes.importWarnings')}
          description={<ImportRowsTable rows={importWarnings} testId="scheme-import-warnings" />}
        />
      )}
      {stale && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="scheme-stale"
          message={t('schemes.stale')}
          action={
            <Button
              size="small"
              onClick={() => {
                // My edits go; the version read next replaces the page.
                setDraft(base);
                setStale(false);
                onReload();
              }}
            >
              {t('schemes.reload')}
            </Button>
          }
        />
      )}
      {serverIssues.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={serverIssues.map((i) => i.message).join('；')}
        />
      )}

      <Form component={false} disabled={readOnly}>
        <Card style={{ marginBottom: 16 }}>
          <Row gutter={12} align="bottom">
            <Col xs={24} md={12}>
              <Form.Item label={t('schemes.name')} style={{ marginBottom: 8 }}>
                <Input
                  aria-label={t('schemes.name')}
                  value={draft.name}
                  onChange={(e) => setDraft({ ...draft, name: e.target.value })}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item label={t('schemes.total')} style={{ marginBottom: 8 }}>
                <InputNumber
                  aria-label={t('schemes.total')}
                  style={{ width: '100%' }}
                  value={draft.total}
                  onChange={(v) => setDraft({ ...draft, total: v ?? SCHEME_TOTAL_DEFAULT })}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Typography.Paragraph data-testid="scheme-sum" style={{ marginBottom: 8 }}>
                <Typography.Text strong type={Math.abs(sum - draft.total) < 1e-9 ? 'success' : 'danger'}>
                  {t('schemes.sum', { sum, total: draft.total })}
                </Typography.Text>{' '}
                {Math.abs(sum - draft.total) >= 1e-9 && (
                  <Typography.Text type="danger">{t('schemes.sumMismatch')}</Typography.Text>
                )}
              </Typography.Paragraph>
            </Col>
          </Row>
        </Card>

        {draft.categories.map((c, ci) => (
          <Card
            key={c.uid}
            data-testid="scheme-category"
            style={{ marginBottom: 16 }}
            title={
              <Input
                aria-label={t('schemes.categoryTitle')}
                value={c.title}
                status={c.title.trim() ? undefined : 'error'}
                onChange={(e) => setCategory(ci, (x) => ({ ...x, title: e.target.value }))}
                style={{ maxWidth: 360 }}
              />
            }
            extra={
              readOnly ? undefined : (
                <Space wrap size={4}>
                  <Button
                    size="small"
                    aria-label={t('schemes.moveUp')}
                    icon={<ArrowUpOutlined />}
                    disabled={ci === 0}
                    onClick={() => setDraft((d) => ({ ...d, categories: move(d.categories, ci, ci - 1) }))}
                  />
                  <Button
                    size="small"
                    aria-label={t('schemes.moveDown')}
                    icon={<ArrowDownOutlined />}
                    disabled={ci === draft.categories.length - 1}
                    onClick={() => setDraft((d) => ({ ...d, categories: move(d.categories, ci, ci + 1) }))}
                  />
                  <Popconfirm
                    title={t('schemes.removeCategoryConfirm', {
                      title: c.title || t('schemes.untitled'),
                      count: c.items.length,
                    })}
                    onConfirm={() => setDraft((d) => ({ ...d, categories: d.categories.filter((_, i) => i !== ci) }))}
                  >
                    <Button size="small" danger aria-label={t('schemes.removeCategory')} icon={<DeleteOutlined />} />
                  </Popconfirm>
                </Space>
              )
            }
          >
            {c.items.map((item, ii) => (
              <ItemEditor
                key={item.uid}
                item={item}
                period={scheme.periodCode}
                issues={checked.byItem.get(`${ci}.${ii}`)}
                warning={warnings.get(`${ci}.${ii}`)}
                first={ii === 0}
                readOnly={readOnly}
                last={ii === c.items.length - 1}
                onChange={(next) =>
                  setCategory(ci, (x) => ({ ...x, items: x.items.map((i) => (i.uid === item.uid ? next : i)) }))
                }
                onMove={(by) => setCategory(ci, (x) => ({ ...x, items: move(x.items, ii, ii + by) }))}
                onRemove={() => setCategory(ci, (x) => ({ ...x, items: x.items.filter((i) => i.uid !== item.uid) }))}
              />
            ))}
            {!readOnly && (
              <Button
                icon={<PlusOutlined />}
                onClick={() => setCategory(ci, (x) => ({ ...x, items: [...x.items, newItem()] }))}
              >
                {t('schemes.addItem')}
              </Button>
            )}
          </Card>
        ))}
        {!readOnly && (
          <Button
            icon={<PlusOutlined />}
            style={{ marginBottom: 16 }}
            onClick={() =>
              setDraft((d) => ({ ...d, categories: [...d.categories, { uid: uid(), title: '', items: [newItem()] }] }))
            }
          >
            {t('schemes.addCategory')}
          </Button>
        )}
      </Form>

      <Card size="small" style={{ position: 'sticky', bottom: 0, zIndex: 2 }}>
        <Space wrap>
          {!readOnly && (
            <>
              <Button type="primary" loading={write.isPending} onClick={save} data-testid="scheme-save">
                {t('schemes.save')}
              </Button>
              {dirty && <Typography.Text type="warning">{t('schemes.unsaved')}</Typography.Text>}
              {errorCount > 0 && (
                <Typography.Text type="danger">{t('schemes.hasErrors', { count: errorCount })}</Typography.Text>
              )}
            </>
          )}
          <Button icon={<DownloadOutlined />} onClick={exportXlsx} data-testid="scheme-export">
            {t('schemes.export')}
          </Button>
          {can(me, 'assessment:manage') && (
            <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="scheme-import">
              {t('schemes.import')}
            </Button>
          )}
          {!readOnly && (
            <>
              <Popconfirm
                title={t('schemes.useConfirm')}
                disabled={dirty}
                onConfirm={() =>
                  write.mutate({ what: 'use' }, { onError: (e) => void message.error(errorText(e, lang, t)) })
                }
              >
                <Button disabled={dirty}>{t('schemes.use')}</Button>
              </Popconfirm>
              <Popconfirm
                title={t('schemes.deleteConfirm')}
                onConfirm={() =>
                  write.mutate(
                    { what: 'delete' },
                    {
                      onSuccess: () => {
                        setBase(draft);
                        void message.success(t('schemes.deleted'));
                        void navigate('/assessments/schemes');
                      },
                      onError: (e) => void message.error(errorText(e, lang, t)),
                    },
                  )
                }
              >
                <Button danger>{t('schemes.delete')}</Button>
              </Popconfirm>
            </>
          )}
        </Space>
      </Card>
      {importing && (
        <SchemeImportDialog
          open={importing}
          onClose={() => setImporting(false)}
          target={{
            org: scheme.orgId,
            period: scheme.periodCode,
            level: scheme.level,
            name: scheme.name,
            total: scheme.total,
          }}
          onImported={(saved) => {
            setImporting(false);
            void navigate(`/assessments/schemes/${saved.id}`, { state: { importWarnings: saved.importWarnings } });
          }}
        />
      )}
    </>
  );
}
