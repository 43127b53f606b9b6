// The documents Dutyboard drafts from the records (issue 19, ADR 047), declared once: the
// half-year 工作总结 (ADR 016) and the reports the duty calendar asks for — 专题汇报 to the level
// above, the quarterly 意识形态形势分析研判报告, the 党内通报, and the 意识形态 sections of the 述职报告
// and of the 民主生活会对照检查材料. Each kind says which periods it covers, how its title reads, to
// whom it is addressed, the figure its 报送 counts under, and its sections as a template of blocks
// (summary-text.ts writes each block from the same facts). The API, the DOCX, the web's kind
// picker and the 报送 figures all read this table.
import { z } from 'zod';
import type { PeriodKind } from './periods.ts';

export const REPORT_KINDS = [
  'HALF_YEAR_SUMMARY',
  'SPECIAL_REPORT',
  'JUDGEMENT_REPORT',
  'BRIEFING',
  'DEBRIEF',
  'DEMOCRATIC_LIFE',
] as const;
export const ReportKindSchema = z.enum(REPORT_KINDS);
export type ReportKind = z.infer<typeof ReportKindSchema>;

/** The kinds that are 报送 to the level above and counted by a figure (every kind but the 总结). */
export const SENT_REPORT_KINDS = [
  'SPECIAL_REPORT',
  'JUDGEMENT_REPORT',
  'BRIEFING',
  'DEBRIEF',
  'DEMOCRATIC_LIFE',
] as const satisfies readonly ReportKind[];
export type SentReportKind = (typeof SENT_REPORT_KINDS)[number];

/**
 * What a section of a report is written from (summary-text.ts `reportBlocks`):
 * - PREVIOUS: 上期问题整改情况 — the problems the previous period's FINAL 总结 named, each with its
 *   state, measure, closing note and list (left out when there is no such 总结);
 * - BASICS: one paragraph of the period's main counts (基本情况);
 * - PRACTICES: the 主要做法, one subsection per area with data (as the 总结);
 * - SITUATION: the 阵地 and 舆情 figures (研判's 总体形势);
 * - PROBLEMS: the gaps, "一是…二是…" (the items a FINAL 总结 turns into rectifications);
 * - NEXT_STEPS: one step per problem, then the standing one;
 * - CAUSES: the standing 原因分析 of a 对照检查.
 */
export const REPORT_BLOCKS = [
  'PREVIOUS',
  'BASICS',
  'PRACTICES',
  'SITUATION',
  'PROBLEMS',
  'NEXT_STEPS',
  'CAUSES',
] as const;
export type ReportBlock = (typeof REPORT_BLOCKS)[number];

export interface ReportKindDef {
  label: { zh: string; en: string };
  /** The periods a document of this kind covers. */
  periods: readonly PeriodKind[];
  /** The title's second line, from the period's name ("2026年上半年"). */
  subject: (periodName: string) => string;
  /** 主送: the level above (PARENT), the units below (CHILDREN) or nobody (a 总结, a 述职). */
  addressee: 'PARENT' | 'CHILDREN' | null;
  /** The opening paragraph, before "一、". */
  intro: (o: { orgName: string; periodName: string; parentName: string }) => string;
  /** The sections, in order; the numbering "一、" is given when the draft is assembled. */
  sections: readonly { block: ReportBlock; heading: string }[];
}

const year = (periodName: string) => periodName.replace(/全年$/, '度');

export const REPORT_KIND_DEFS: Record<ReportKind, ReportKindDef> = {
  HALF_YEAR_SUMMARY: {
    label: { zh: '工作总结', en: 'Work summary' },
    periods: ['HALF', 'YEAR'],
    subject: (p) => `${p}意识形态工作总结`,
    addressee: null,
    intro: ({ orgName, periodName }) =>
      `${periodName}，${orgName}认真落实意识形态工作责任制，把意识形态工作摆在重要位置，各项工作有序推进。现将有关情况总结如下。`,
    sections: [
      { block: 'PREVIOUS', heading: '上期问题整改情况' },
      { block: 'PRACTICES', heading: '主要做法' },
      { block: 'PROBLEMS', heading: '存在的困难和问题' },
      { block: 'NEXT_STEPS', heading: '下一步工作打算' },
    ],
  },
  SPECIAL_REPORT: {
    label: { zh: '专题汇报', en: 'Special report' },
    periods: ['HALF'],
    subject: (p) => `关于${p}意识形态工作情况的专题汇报`,
    addressee: 'PARENT',
    intro: ({ orgName, periodName, parentName }) =>
      `按照${parentName}关于落实意识形态工作责任制的要求，现将${orgName}${periodName}意识形态工作情况汇报如下。`,
    sections: [
      { block: 'PREVIOUS', heading: '上期问题整改情况' },
      { block: 'BASICS', heading: '基本情况' },
      { block: 'PRACTICES', heading: '主要做法' },
      { block: 'PROBLEMS', heading: '存在问题' },
      { block: 'NEXT_STEPS', heading: '下一步打算' },
    ],
  },
  JUDGEMENT_REPORT: {
    label: { zh: '形势分析研判报告', en: 'Situation analysis report' },
    periods: ['QUARTER'],
    subject: (p) => `${p}意识形态形势分析研判报告`,
    addressee: 'PARENT',
    intro: ({ orgName, periodName }) =>
      `${orgName}对${periodName}意识形态领域形势进行了分析研判，现将有关情况报告如下。`,
    sections: [
      { block: 'SITUATION', heading: '总体形势' },
      { block: 'PROBLEMS', heading: '存在的风险隐患' },
      { block: 'NEXT_STEPS', heading: '防范应对措施' },
    ],
  },
  BRIEFING: {
    label: { zh: '党内通报', en: 'Party briefing' },
    periods: ['HALF'],
    subject: (p) => `关于${p}意识形态工作情况的通报`,
    addressee: 'CHILDREN',
    intro: ({ periodName }) => `现将${periodName}意识形态工作情况通报如下。`,
    sections: [
      { block: 'BASICS', heading: '总体情况' },
      { block: 'PRACTICES', heading: '主要做法' },
      { block: 'PROBLEMS', heading: '存在的问题' },
      { block: 'NEXT_STEPS', heading: '下一步工作要求' },
    ],
  },
  DEBRIEF: {
    label: { zh: '述职报告（意识形态部分）', en: 'Debrief (ideology section)' },
    periods: ['YEAR'],
    subject: (p) => `${year(p)}述职报告（意识形态工作部分）`,
    addressee: null,
    intro: ({ periodName }) => `现将${year(periodName)}履行意识形态工作责任制情况报告如下。`,
    sections: [
      { block: 'BASICS', heading: '履行意识形态工作责任制情况' },
      { block: 'PRACTICES', heading: '主要做法' },
      { block: 'PROBLEMS', heading: '存在的不足' },
      { block: 'NEXT_STEPS', heading: '下一步打算' },
    ],
  },
  DEMOCRATIC_LIFE: {
    label: { zh: '民主生活会对照检查（意识形态部分）', en: 'Democratic life meeting (ideology section)' },
    periods: ['YEAR'],
    subject: (p) => `${year(p)}民主生活会对照检查材料（意识形态工作部分）`,
    addressee: null,
    intro: ({ orgName }) =>
      `${orgName}领导班子对照意识形态工作责任制要求，认真查摆问题、剖析原因，现将对照检查情况报告如下。`,
    sections: [
      { block: 'PROBLEMS', heading: '意识形态工作方面存在的问题' },
      { block: 'CAUSES', heading: '问题产生的原因' },
      { block: 'NEXT_STEPS', heading: '整改措施' },
    ],
  },
};

/** The Chinese label of each kind, for lists and the bell. */
export const REPORT_KIND_LABELS = Object.fromEntries(REPORT_KINDS.map((k) => [k, REPORT_KIND_DEFS[k].label])) as Record<
  ReportKind,
  { zh: string; en: string }
>;

/** The sentence a kind/period mismatch is refused with. */
export function reportPeriodIssue(kind: ReportKind, periodKind: PeriodKind): string | null {
  const allowed = REPORT_KIND_DEFS[kind].periods;
  if (allowed.includes(periodKind)) return null;
  const words = { YEAR: '全年（如 2026）', HALF: '半年（如 2026-H1）', QUARTER: '季度（如 2026-Q1）' } as const;
  return `${REPORT_KIND_DEFS[kind].label.zh}的周期须为${allowed.map((p) => words[p]).join('或')}`;
}

/** The period a document of this kind looks back to for 上期问题整改情况 ("2026-H1" → "2025-H2"). */
export function previousPeriodCode(code: string): string {
  const y = Number(code.slice(0, 4));
  const suffix = code.slice(5);
  if (!suffix) return String(y - 1);
  const i = Number(suffix.slice(1));
  const last = suffix.startsWith('H') ? 2 : 4;
  return i > 1 ? `${y}-${suffix[0]}${i - 1}` : `${y - 1}-${suffix[0]}${last}`;
}

/** The period after ("2026-H2" → "2027-H1", "2026" → "2027"): a 总结's items are due by its end. */
export function nextPeriodCode(code: string): string {
  const y = Number(code.slice(0, 4));
  const suffix = code.slice(5);
  if (!suffix) return String(y + 1);
  const i = Number(suffix.slice(1));
  const last = suffix.startsWith('H') ? 2 : 4;
  return i < last ? `${y}-${suffix[0]}${i + 1}` : `${y + 1}-${suffix[0]}1`;
}
