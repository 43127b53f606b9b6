// The dashboard as sheets for an export: the figures with their targets and pace, their parts, the
// months, the children (a 区's streets, a street's branches), the open alerts and the overdue owners — in Chinese, Shanghai time, and
// with the list query each figure was counted from, so a printed figure stays traceable.
import {
  DASHBOARD_SECTION_KEYS,
  DASHBOARD_SECTIONS,
  type Dashboard,
  type DashboardSection,
} from '@dutyboard/contracts/dashboard';
import { FIGURES, type Figure } from '@dutyboard/contracts/figures';
import {
  ALERT_LEVEL_LABELS,
  ALERT_STATE_LABELS,
  figurePartLabel,
  type LabelTable,
  labelOf,
  ORG_LEVEL_GROUP_LABELS,
  ORG_LEVEL_UNIT_LABELS,
  PACE_STATUS_LABELS,
} from '@dutyboard/contracts/labels';
import type { MetricDrill } from '@dutyboard/contracts/metrics';
import { shanghaiDateTime } from '../exports/columns.ts';
import type { Sheet } from '../exports/sheets.ts';

/** The sheet's words for the overview's sections; each figure's section is the registry's. */
const SECTION_WORDS: Record<DashboardSection, string> = {
  study: '理论学习',
  publicity: '宣传活动',
  risk: '阵地与舆情',
  duty: '整改与责任',
};
const SECTION_OF: Record<string, string> = Object.fromEntries(
  DASHBOARD_SECTION_KEYS.flatMap((s) => DASHBOARD_SECTIONS[s].map((m) => [m, SECTION_WORDS[s]])),
);

const partLabel = (metric: string, key: string): string => figurePartLabel(metric, key, 'zh');
const zh = <K extends string>(table: LabelTable<K>, value: K): string => labelOf(table, value, 'zh');

/** "GET /api/study-sessions?kind=SEMINAR&org=…": the request that lists the figure's records. */
function source(drill: MetricDrill | null): string | null {
  if (!drill) return null;
  return `GET ${drill.list}?${new URLSearchParams(drill.query).toString()}`;
}

/** A figure's name: the registry's, as the page shows it. */
const label = (metric: string) => (Object.hasOwn(FIGURES, metric) ? FIGURES[metric as Figure].label.zh : metric);

function kpiSheet(d: Dashboard): Sheet {
  const kpis: Sheet = {
    name: '指标',
    columns: [
      { header: '板块', width: 12 },
      { header: '指标', width: 26 },
      { header: '完成', width: 8 },
      { header: '目标', width: 8 },
      { header: '按进度应完成', width: 12 },
      { header: '进度', width: 10 },
      { header: '明细查询', width: 90 },
    ],
    rows: [],
  };
  for (const k of d.kpis) {
    kpis.rows.push([
      SECTION_OF[k.metric] ?? '整改与责任',
      label(k.metric),
      k.done,
      k.target,
      k.expected,
      k.status ? zh(PACE_STATUS_LABELS, k.status) : k.target === null ? '未设目标' : null,
      source(k.drill),
    ]);
    for (const b of k.breakdown) {
      kpis.rows.push(['', `　其中：${partLabel(k.metric, b.key)}`, b.count, null, null, null, source(b.drill)]);
    }
  }
  return kpis;
}

/** The trend figures, in the order the months list them (the branch cells follow the same). */
const trendMetrics = (d: Dashboard) => d.trend[0]?.counts.map((x) => x.metric) ?? [];

function trendSheet(d: Dashboard): Sheet {
  return {
    name: '月度',
    columns: [{ header: '月份', width: 10 }, ...trendMetrics(d).map((m) => ({ header: label(m), width: 12 }))],
    rows: d.trend.map((m) => [m.month, ...m.counts.map((x) => x.count)]),
  };
}

/** The children's sheet, named by their level ("各街道（乡镇）" on a 区; a branch's empty one "各支部"). */
function branchSheet(d: Dashboard): Sheet {
  const level = d.childLevel ?? 'BRANCH';
  return {
    name: zh(ORG_LEVEL_GROUP_LABELS, level),
    columns: [
      { header: '排名', width: 6 },
      { header: zh(ORG_LEVEL_UNIT_LABELS, level), width: 24 },
      { header: '综合完成率', width: 12 },
      ...trendMetrics(d).flatMap((m) => [
        { header: `${label(m)}完成`, width: 10 },
        { header: `${label(m)}目标`, width: 10 },
      ]),
    ],
    rows: d.branches.map((b) => [
      b.rank,
      b.name,
      b.score === null ? null : `${Math.round(b.score * 100)}%`,
      ...b.cells.flatMap((c) => [c.done, c.target]),
    ]),
  };
}

function alertSheet(d: Dashboard): Sheet {
  return {
    name: '舆情',
    columns: [
      { header: '状态', width: 10 },
      { header: '本期登记数', width: 12 },
      { header: '明细查询', width: 90 },
    ],
    rows: [
      ...d.alertFunnel.map((f) => [zh(ALERT_STATE_LABELS, f.state), f.count, source(f.drill)]),
      ['未办结（全部时期）', d.openAlerts.total, source(d.openAlerts.drill)],
    ],
  };
}

function openAlertSheet(d: Dashboard): Sheet {
  return {
    name: '未办结舆情',
    columns: [
      { header: '等级', width: 8 },
      { header: '组织', width: 20 },
      { header: '状态', width: 10 },
      { header: '摘要', width: 40 },
      { header: '登记时间', width: 18, type: 'datetime' },
      { header: '报送时限', width: 18, type: 'datetime' },
      { header: '是否超时', width: 10 },
      { header: '编号', width: 38 },
    ],
    rows: d.openAlerts.items.map((a) => [
      zh(ALERT_LEVEL_LABELS, a.level),
      a.orgName,
      zh(ALERT_STATE_LABELS, a.state),
      a.summary,
      shanghaiDateTime(a.registeredAt),
      shanghaiDateTime(a.reportDueAt),
      a.overdue ? '超时' : '未超时',
      a.id,
    ]),
  };
}

function ownerSheet(d: Dashboard): Sheet {
  return {
    name: '逾期责任事项',
    columns: [
      { header: '责任人', width: 16 },
      { header: '逾期事项数', width: 12 },
      { header: '明细查询', width: 90 },
    ],
    rows: d.overdueByOwner.map((o) => [o.ownerName, o.count, source(o.drill)]),
  };
}

function aboutSheet(d: Dashboard): Sheet {
  return {
    name: '说明',
    columns: [
      { header: '项目', width: 14 },
      { header: '内容', width: 60 },
    ],
    rows: [
      ['组织', d.trail.map((o) => o.name).join(' / ') || d.org.name],
      ['周期', d.period.code],
      ['周期起止', `${shanghaiDateTime(d.period.startsAt)} 至 ${shanghaiDateTime(d.period.endsAt)}（不含）`],
      ['生成时间', shanghaiDateTime(d.generatedAt)],
      ['口径', '各数均由系统记录实时统计；“明细查询”列为列出该数对应记录的接口查询，可在系统中打开核对。'],
    ],
  };
}

/** The workbook's sheets, in order; the first (the KPI table) is also the CSV export. */
export function dashboardSheets(d: Dashboard): Sheet[] {
  return [kpiSheet(d), trendSheet(d), branchSheet(d), alertSheet(d), openAlertSheet(d), ownerSheet(d), aboutSheet(d)];
}
