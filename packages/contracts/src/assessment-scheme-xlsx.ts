// 考核细则 as an Excel sheet (issue 18 part B, ADR 043): the columns a 区 writes by hand (类别, 序号,
// 考核内容, 分值, 评分方法, 佐证材料) and, grouped at the right and marked 系统, the columns that give
// a rule back exactly (item key, rule type, figure, required, per, method, deduction, due month,
// scorer). Declared once here: the API's export writes these headers and its import reads them;
// the web names them in the import's problem table. `schemeRuleWords` writes a rule as the
// sentence a 细则 says ("中心组理论学习 每季度不少于1次，少一次扣2分").
import { z } from 'zod';
import { type SchemeItemInput, type SchemeLevel, SchemeLevelSchema, SchemePeriodCodeSchema } from './assessments.ts';
import { IdSchema } from './common.ts';
import { FIGURES } from './figures.ts';
import { ImportProblemSchema } from './imports.ts';
import type { OrgLevel } from './orgs.ts';

export type SchemeColumnKey =
  | 'category'
  | 'serial'
  | 'title'
  | 'points'
  | 'method'
  | 'evidence'
  | 'key'
  | 'ruleType'
  | 'figure'
  | 'required'
  | 'per'
  | 'countMethod'
  | 'deduct'
  | 'dueMonth'
  | 'dueOn'
  | 'scorer';

export interface SchemeColumn {
  key: SchemeColumnKey;
  header: string;
  /** A 系统 column: written by the export so a rule reads back exactly; a hand-typed file leaves it out. */
  machine: boolean;
  /** The import refuses a header row without it. */
  required?: true;
}

/** Marks the machine columns' headers ("系统·规则类型"); the import also takes them without it. */
export const MACHINE_PREFIX = '系统·';

export const SCHEME_XLSX_COLUMNS: readonly SchemeColumn[] = [
  { key: 'category', header: '类别', machine: false },
  { key: 'serial', header: '序号', machine: false },
  { key: 'title', header: '考核内容', machine: false, required: true },
  { key: 'points', header: '分值', machine: false, required: true },
  { key: 'method', header: '评分方法', machine: false },
  { key: 'evidence', header: '佐证材料', machine: false },
  { key: 'key', header: `${MACHINE_PREFIX}指标编号`, machine: true },
  { key: 'ruleType', header: `${MACHINE_PREFIX}规则类型`, machine: true },
  { key: 'figure', header: `${MACHINE_PREFIX}统计口径`, machine: true },
  { key: 'required', header: `${MACHINE_PREFIX}要求次数`, machine: true },
  { key: 'per', header: `${MACHINE_PREFIX}统计周期`, machine: true },
  { key: 'countMethod', header: `${MACHINE_PREFIX}计分方式`, machine: true },
  { key: 'deduct', header: `${MACHINE_PREFIX}每次扣分`, machine: true },
  { key: 'dueMonth', header: `${MACHINE_PREFIX}截止月份`, machine: true },
  { key: 'dueOn', header: `${MACHINE_PREFIX}截止日期`, machine: true },
  { key: 'scorer', header: `${MACHINE_PREFIX}评分人`, machine: true },
];

export const schemeColumnHeader = (key: SchemeColumnKey): string =>
  SCHEME_XLSX_COLUMNS.find((c) => c.key === key)?.header ?? key;

/** The line under the title saying what the 系统 columns are for. */
export const MACHINE_COLUMNS_NOTE =
  '右侧标“系统·”的列供导入时还原计分规则，请勿改动；手工编写的细则只需填类别、考核内容、分值、评分方法（按人工评分导入）。';

/** Bounds of an uploaded 细则: far more than any real one (≤ 20 categories × 50 items). */
export const SCHEME_IMPORT_MAX_BYTES = 2 * 1024 * 1024;
/** Rows of the sheet, title and header rows included. */
export const SCHEME_IMPORT_MAX_ROWS = 1100;
/** At most this many rows above the header are read as title rows. */
export const SCHEME_IMPORT_TITLE_ROWS_MAX = 10;
/** Problems answered (a file of a thousand bad rows needs no thousand lines to be fixed). */
export const SCHEME_IMPORT_PROBLEMS_MAX = 200;

/** The scheme level an org of this level issues (a 区 scores 街道, a 街道 or 党总支 its 支部). */
export function schemeLevelIssuedBy(level: OrgLevel): SchemeLevel | null {
  if (level === 'DISTRICT') return 'STREET';
  if (level === 'STREET' || level === 'BRANCH_GROUP') return 'BRANCH';
  return null;
}

/**
 * POST /api/assessment-schemes/import: a new DRAFT of `org` from the uploaded sheet. `level`
 * defaults to the one the org issues; `total` (full marks) to the sum of the file's points, and
 * a sum that differs from a given total is a warning (the draft then keeps the sum).
 */
export const ImportSchemeQuerySchema = z.strictObject({
  org: IdSchema,
  period: SchemePeriodCodeSchema,
  level: SchemeLevelSchema.optional(),
  name: z.string().trim().min(1).max(100).optional(),
  total: z.coerce.number().int().min(1).max(1000).optional(),
});
export type ImportSchemeQuery = z.infer<typeof ImportSchemeQuerySchema>;

/** A row the import took but wants the user to look at (no rule: scored by hand; 减负; total). */
export const SchemeImportWarningSchema = ImportProblemSchema.pick({ row: true, column: true, reason: true });
export type SchemeImportWarning = z.infer<typeof SchemeImportWarningSchema>;

export const schemeXlsxPath = (id: string) => `/api/assessment-schemes/${id}/xlsx`;
export const SCHEME_IMPORT_PATH = '/api/assessment-schemes/import';

// ---------------------------------------------------------------------------------------------
// A rule in words

const figureWord = (figure: string): string =>
  Object.hasOwn(FIGURES, figure) ? FIGURES[figure as keyof typeof FIGURES].label.zh : figure;

/** "2026-06" → "2026年6月". */
const monthWord = (month: string): string => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
const dayWord = (day: string): string => `${monthWord(day)}${Number(day.slice(8, 10))}日`;

const PER_WORDS = { PERIOD: '考核期内', QUARTER: '每季度', MONTH: '每月' } as const;

/**
 * The scoring method as a 细则 writes it, from the rule alone (the item's title is the 考核内容
 * beside it). Every rule type has its sentence; unit-tested case by case.
 */
export function schemeRuleWords(item: Pick<SchemeItemInput, 'points' | 'rule'>): string {
  const r = item.rule;
  switch (r.type) {
    case 'COUNT': {
      const base = `${figureWord(r.figure)} ${PER_WORDS[r.per]}不少于${r.required}次`;
      if (r.method === 'PER_MISSING') return `${base}，少一次扣${r.deduct ?? 0}分，扣完为止`;
      if (r.method === 'PROPORTIONAL') return `${base}，按完成比例得分`;
      return `${base}，达到得${item.points}分，未达到不得分`;
    }
    case 'DEADLINE':
      return `${r.dueOn ? dayWord(r.dueOn) : `${monthWord(r.dueMonth)}底`}前完成${figureWord(r.figure)}，按时完成得${item.points}分，未完成不得分`;
    case 'PER_INCIDENT':
      return `每发生1次${figureWord(r.figure)}扣${r.deduct}分，扣完为止`;
    case 'VETO':
      return `发生${figureWord(r.figure)}的，一票否决（总分计0分）`;
    case 'MANUAL':
      return '由复核人对照佐证材料评分，并写明理由';
  }
}
