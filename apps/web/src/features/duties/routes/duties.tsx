// /duties (规定动作日历): the duties of an org for a year — as a list grouped by the month of the
// due day, and as a month grid (the list only on a phone) — each with its state, its records (the
// figure's drill: exactly the records counted) and where its due day comes from (ADR 045); "规则"
// opens the duty's rules (components/duty-rules-drawer.tsx), which leadership edits there.

import type { DutyCalendar, DutyLine } from '@dutyboard/contracts/duties';
import { DUTY_KIND_LABELS, DUTY_STATE_LABELS } from '@dutyboard/contracts/labels';
import { periodContaining } from '@dutyboard/contracts/periods';
import { Button, Card, Empty, Segmented, Select, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorState } from '../../../components/error-state.tsx';
import { ScopeOrgSelect } from '../../../components/org-select.tsx';
import { PageHead } from '../../../components/page-head.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { ForbiddenPage } from '../../../components/status-page.tsx';
import { can, oversees } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { drillHref } from '../../../lib/metric-links.ts';
import { useOrgChoices } from '../../../lib/orgs.ts';
import { periodLabel } from '../../../lib/periods.ts';
import { usePhone } from '../../../lib/use-phone.ts';
import { patchParams } from '../../../lib/use-url-filter.ts';
import { useDutyCalendar } from '../api/duties.ts';
import { DutyRulesDrawer } from '../components/duty-rules-drawer.tsx';

const YEAR_RE = /^\d{4}$/;
/** Card titles are headings, so a screen reader can jump between months (axe: heading order under the page's h1). */
const HEADING = { fontSize: 15, fontWeight: 600, margin: 0, display: 'inline' } as const;

function StateTag({ line }: { line: DutyLine }) {
  const { t, nameOf } = useI18n();
  const color =
    line.state === 'DONE'
      ? 'success'
      : line.state === 'LATE'
        ? line.overdue
          ? 'error'
          : 'warning'
        : line.state === 'DRAFT'
          ? 'processing'
          : 'default';
  const text =
    line.state === 'LATE'
      ? t(line.overdue ? 'duties.overdue' : 'duties.doneLate')
      : nameOf(DUTY_STATE_LABELS, line.state);
  return (
    <Tag color={color} data-testid="duty-state" data-state={line.state} data-overdue={String(line.overdue)}>
      {text}
    </Tag>
  );
}

function RecordsLink({ line }: { line: DutyLine }) {
  const { t } = useI18n();
  const href = drillHref(line.drill);
  const text = t('duties.records', { count: line.done });
  return href ? (
    <Link to={href} data-testid="duty-records">
      {text}
    </Link>
  ) : (
    <span>{text}</span>
  );
}

function RuleSource({ line }: { line: DutyLine }) {
  const { t } = useI18n();
  if (!line.ruleFrom) return <Typography.Text type="secondary">{t('duties.ruleDefault')}</Typography.Text>;
  return (
    <Typography.Text type="secondary">
      {t('duties.ruleFrom', { org: line.ruleFrom.orgName })}
      {line.ruleFrom.overrides && <Tag style={{ marginLeft: 6 }}>{t('duties.overridesTag')}</Tag>}
    </Typography.Text>
  );
}

/** The duty's name, and the org it is about when that is not the org shown. */
function DutyName({ line, shownOrgId }: { line: DutyLine; shownOrgId: string }) {
  const { t, nameOf } = useI18n();
  const who = [line.orgId !== shownOrgId ? line.orgName : null, line.forOrgId !== line.orgId ? line.forOrgName : null]
    .filter(Boolean)
    .join(' · ');
  return (
    <span>
      <strong>{nameOf(DUTY_KIND_LABELS, line.kind)}</strong>
      <Typography.Text type="secondary">
        {' '}
        {periodLabel(line.window, t)}
        {who ? ` · ${who}` : ''}
      </Typography.Text>
    </span>
  );
}

function DutyList({
  data,
  shownOrgId,
  onRules,
}: {
  data: DutyCalendar;
  shownOrgId: string;
  onRules: (line: DutyLine) => void;
}) {
  const { t, nameOf } = useI18n();
  const months = new Map<number, DutyLine[]>();
  for (const l of data.items) {
    const m = Number(l.dueOn.slice(5, 7));
    months.set(m, [...(months.get(m) ?? []), l]);
  }
  return (
    <div data-testid="duty-list">
      {[...months.entries()].map(([month, lines]) => (
        <Card
          key={month}
          size="small"
          title={<h2 style={HEADING}>{t('duties.monthTitle', { month })}</h2>}
          style={{ marginBottom: 12 }}
        >
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {lines.map((l) => (
              <li
                key={`${l.kind}:${l.window}:${l.forOrgId}`}
                data-testid="duty-line"
                data-kind={l.kind}
                data-window={l.window}
                style={{ padding: '8px 0', borderBottom: '1px solid rgba(0,0,0,0.06)' }}
              >
                <Space wrap size={[12, 4]}>
                  <span>{t('duties.due', { date: l.dueOn })}</span>
                  <DutyName line={l} shownOrgId={shownOrgId} />
                  <StateTag line={l} />
                  <span>{t('duties.progress', { done: l.done, required: l.required })}</span>
                  <RecordsLink line={l} />
                  <RuleSource line={l} />
                  <Button
                    size="small"
                    data-testid="duty-rules-open"
                    aria-label={t('duties.rulesButtonLabel', { duty: nameOf(DUTY_KIND_LABELS, l.kind) })}
                    onClick={() => onRules(l)}
                  >
                    {t('duties.rulesButton')}
                  </Button>
                </Space>
              </li>
            ))}
          </ul>
        </Card>
      ))}
    </div>
  );
}

/** A month as a Monday-first grid with each duty on its due day. */
function MonthGrid({
  data,
  month,
  onMonth,
  shownOrgId,
}: {
  data: DutyCalendar;
  month: number;
  onMonth: (m: number) => void;
  shownOrgId: string;
}) {
  const { t, nameOf } = useI18n();
  const first = new Date(Date.UTC(data.year, month - 1, 1));
  const days = new Date(Date.UTC(data.year, month, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: (number | null)[] = [
    ...Array.from({ length: lead }, () => null),
    ...Array.from({ length: days }, (_, i) => i + 1),
  ];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
  const prefix = `${data.year}-${String(month).padStart(2, '0')}-`;
  const onDay = (d: number) => data.items.filter((l) => l.dueOn === `${prefix}${String(d).padStart(2, '0')}`);
  return (
    <Card
      size="small"
      data-testid="duty-month"
      title={
        <Space>
          <Button
            size="small"
            disabled={month <= 1}
            onClick={() => onMonth(month - 1)}
            aria-label={t('duties.prevMonth')}
          >
            ‹
          </Button>
          <h2 style={HEADING}>{t('duties.monthLabel', { year: data.year, month })}</h2>
          <Button
            size="small"
            disabled={month >= 12}
            onClick={() => onMonth(month + 1)}
            aria-label={t('duties.nextMonth')}
          >
            ›
          </Button>
        </Space>
      }
    >
      <table style={{ width: '100%', tableLayout: 'fixed', borderCollapse: 'collapse' }}>
        <thead>
          <tr>
            {t('duties.weekdays')
              .split(',')
              .map((w) => (
                <th key={w} scope="col" style={{ padding: 4, fontWeight: 500 }}>
                  {w}
                </th>
              ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week.map((d) => d ?? '-').join('.')}>
              {week.map((d, i) => (
                <td
                  key={i}
                  style={{ verticalAlign: 'top', height: 72, border: '1px solid rgba(0,0,0,0.06)', padding: 4 }}
                >
                  {d !== null && (
                    <>
                      <div style={{ color: 'rgba(0,0,0,0.65)' }}>{d}</div>
                      {onDay(d).map((l) => (
                        <div
                          key={`${l.kind}:${l.window}:${l.forOrgId}`}
                          data-testid="duty-cell"
                          style={{ fontSize: 12 }}
                        >
                          <StateTag line={l} />
                          <div>
                            {nameOf(DUTY_KIND_LABELS, l.kind)}
                            {l.orgId !== shownOrgId ? ` · ${l.orgName}` : ''}
                          </div>
                        </div>
                      ))}
                    </>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

function Summary({ data }: { data: DutyCalendar }) {
  const { t, nameOf } = useI18n();
  const own = data.summary.filter((s) => s.orgId === data.orgs[0]?.id);
  if (own.length === 0) return null;
  return (
    <Card size="small" title={<h2 style={HEADING}>{t('duties.summaryTitle')}</h2>} style={{ marginBottom: 12 }}>
      <Space wrap size={[16, 4]} data-testid="duty-summary">
        {own.map((s) => (
          <span key={s.kind}>
            {nameOf(DUTY_KIND_LABELS, s.kind)}{' '}
            <strong>
              {t('duties.summaryLine', { done: s.done, required: s.required, window: periodLabel(s.window, t) })}
            </strong>
          </span>
        ))}
      </Space>
    </Card>
  );
}

export function DutiesRoute() {
  const me = useCurrentUser();
  const { t } = useI18n();
  const phone = usePhone();
  const [params, setParams] = useSearchParams();
  const allowed = can(me, 'duty:read');
  const orgs = useOrgChoices(allowed);
  const now = new Date();
  const thisYear = periodContaining('YEAR', now).year;
  const yearParam = params.get('year');
  const year = yearParam && YEAR_RE.test(yearParam) ? Number(yearParam) : thisYear;
  const org = params.get('org') ?? undefined;
  const below = params.get('below') === '1';
  const view = params.get('view') === 'month' && !phone ? 'month' : 'list';
  const monthParam = Number(params.get('month'));
  const month =
    monthParam >= 1 && monthParam <= 12 ? monthParam : year === thisYear ? Number(now.toISOString().slice(5, 7)) : 1;
  const calendar = useDutyCalendar(year, org, below);
  const [rulesOf, setRulesOf] = useState<DutyLine | null>(null);
  if (!allowed) return <ForbiddenPage />;
  const setParam = (patch: Record<string, string | undefined>) => setParams(patchParams(params, patch));
  const data = calendar.data;
  const shownOrgId = org ?? data?.orgs[0]?.id ?? me.org.id;

  return (
    <div>
      <PageHead title={t('duties.title')} intro={t('duties.intro')}>
        <div className="db-filters" style={{ marginBottom: 0 }}>
          <Select
            aria-label={t('duties.year')}
            data-testid="duty-year"
            value={year}
            onChange={(y) => setParam({ year: String(y) })}
            options={[thisYear - 1, thisYear, thisYear + 1].map((y) => ({
              value: y,
              label: t('duties.yearOption', { year: y }),
            }))}
            style={{ width: 120 }}
          />
          <ScopeOrgSelect
            choices={orgs}
            value={shownOrgId}
            onChange={(id) => setParam({ org: id })}
            className="db-w-220"
          />
          {oversees(me) && (
            <Space>
              <Switch
                checked={below}
                onChange={(on) => setParam({ below: on ? '1' : undefined })}
                aria-label={t('duties.below')}
                data-testid="duty-below"
              />
              <span>{t('duties.below')}</span>
            </Space>
          )}
          {!phone && (
            <Segmented
              value={view}
              onChange={(v) => setParam({ view: v === 'month' ? 'month' : undefined })}
              options={[
                { value: 'list', label: t('duties.viewList') },
                { value: 'month', label: t('duties.viewMonth') },
              ]}
              data-testid="duty-view"
            />
          )}
        </div>
      </PageHead>
      {calendar.isPending ? (
        <PageLoading rows={8} />
      ) : calendar.isError || !data ? (
        <ErrorState error={calendar.error} onRetry={() => void calendar.refetch()} />
      ) : data.items.length === 0 ? (
        <Empty description={t('duties.empty')} data-testid="duty-empty" />
      ) : (
        <div style={{ opacity: calendar.isPlaceholderData ? 0.6 : 1 }}>
          <Summary data={data} />
          {view === 'month' ? (
            <MonthGrid
              data={data}
              month={month}
              onMonth={(m) => setParam({ month: String(m) })}
              shownOrgId={shownOrgId}
            />
          ) : (
            <DutyList data={data} shownOrgId={shownOrgId} onRules={setRulesOf} />
          )}
        </div>
      )}
      {rulesOf && (
        <DutyRulesDrawer
          kind={rulesOf.kind}
          line={data?.items.find((l) => l.kind === rulesOf.kind && l.orgId === rulesOf.orgId) ?? rulesOf}
          year={year}
          orgs={orgs.choices}
          canEdit={can(me, 'plan:manage')}
          onClose={() => setRulesOf(null)}
        />
      )}
    </div>
  );
}
