// 考核细则 ⇄ xlsx (ADR 043). The export is one row per item under its category, the columns of
// contracts/assessment-scheme-xlsx.ts, with the rule in words (评分方法) for people and the 系统
// columns for the way back. The import reads such a sheet — or one a 区 typed by hand with only
// 类别/考核内容/分值/评分方法, whose rows become items scored by the reviewer — into the tree
// CreateSchemeInputSchema takes, and answers every bad cell with its row, column and what to fix
// (ImportProblem, as the record imports do). Pure: the route reads the rows (sandbox) and writes.

import {
  MACHINE_COLUMNS_NOTE,
  MACHINE_PREFIX,
  SCHEME_IMPORT_PROBLEMS_MAX,
  SCHEME_IMPORT_TITLE_ROWS_MAX,
  SCHEME_XLSX_COLUMNS,
  type SchemeColumnKey,
  type SchemeImportWarning,
  schemeColumnHeader,
  schemeRuleWords,
} from '@dutyboard/contracts/assessment-scheme-xlsx';
import {
  CountFigureSchema,
  IncidentFigureSchema,
  SCHEME_CATEGORIES_MAX,
  SCHEME_EVIDENCE_MAX,
  SCHEME_ITEMS_MAX,
  SCHEME_POINTS_MAX,
  type Scheme,
  type SchemeCategoryInput,
  type SchemeItemInput,
  SchemeItemInputSchema,
  type SchemeRuleType,
  schemeIssues,
  schemeWarnings,
  sumPoints,
} from '@dutyboard/contracts/assessments';
import { FIGURES, type Figure } from '@dutyboard/contracts/figures';
import type { ImportProblem } from '@dutyboard/contracts/imports';
import {
  COUNT_METHOD_LABELS,
  RULE_PER_LABELS,
  SCHEME_LEVEL_LABELS,
  SCHEME_RULE_TYPE_LABELS,
  SCHEME_STATE_LABELS,
  SCORER_LABELS,
  zhLabels,
} from '@dutyboard/contracts/labels';
import type { AuthUser } from '../auth/sessions.ts';
import { shanghaiDateTime } from '../exports/columns.ts';
import type { Sheet } from '../exports/sheets.ts';
import { fileNamePart } from '../exports/title.ts';
import { halfWidth, isBlank, type Raw, type Read, readChoice, readText } from '../imports/cells.ts';

const figureLabel = (figure: string) => (Object.hasOwn(FIGURES, figure) ? FIGURES[figure as Figure].label.zh : figure);

// ---------------------------------------------------------------------------------------------
// Export

/** The cells of one item, by column key (null: left empty). */
function itemCells(
  category: string,
  serial: number,
  item: SchemeItemInput & { key: string },
): Record<SchemeColumnKey, string | number | null> {
  const r = item.rule;
  return {
    category,
    serial,
    title: item.title,
    points: item.points,
    method: schemeRuleWords(item),
    evidence: item.evidence || null,
    key: item.key,
    ruleType: SCHEME_RULE_TYPE_LABELS[r.type].zh,
    figure: 'figure' in r ? figureLabel(r.figure) : null,
    required: r.type === 'COUNT' ? r.required : null,
    per: r.type === 'COUNT' ? RULE_PER_LABELS[r.per].zh : null,
    countMethod: r.type === 'COUNT' ? COUNT_METHOD_LABELS[r.method].zh : null,
    deduct: (r.type === 'COUNT' || r.type === 'PER_INCIDENT') && r.deduct !== undefined ? r.deduct : null,
    dueMonth: r.type === 'DEADLINE' ? r.dueMonth : null,
    dueOn: r.type === 'DEADLINE' ? (r.dueOn ?? null) : null,
    scorer: SCORER_LABELS[item.scorer].zh,
  };
}

export interface SchemeWorkbook {
  sheet: Sheet;
  fileName: string;
  asciiName: string;
}

/** The scheme as one sheet with its title block (what, whose, which period; who exported it, when). */
export function schemeSheet(scheme: Scheme, user: AuthUser, at: Date): SchemeWorkbook {
  let serial = 0;
  const rows = scheme.categories.flatMap((c) =>
    c.items.map((item) => {
      serial += 1;
      const cells = itemCells(c.title, serial, item);
      return SCHEME_XLSX_COLUMNS.map((col) => cells[col.key]);
    }),
  );
  const about = [
    `考核对象：${SCHEME_LEVEL_LABELS[scheme.level].zh}`,
    `满分：${scheme.total} 分`,
    `第 ${scheme.number} 版（${SCHEME_STATE_LABELS[scheme.state].zh}）`,
    `共 ${serial} 项`,
    `导出人：${user.displayName || user.username}`,
    `导出时间：${shanghaiDateTime(at.toISOString())}`,
  ].join('　');
  const base = [scheme.orgName, scheme.name, `第${scheme.number}版`].map(fileNamePart).join('-');
  return {
    sheet: {
      name: '考核细则',
      title: { text: `${scheme.orgName} ${scheme.name}（${scheme.periodName}）`, lines: [about, MACHINE_COLUMNS_NOTE] },
      columns: SCHEME_XLSX_COLUMNS.map((col) => ({
        header: col.header,
        width: col.key === 'title' || col.key === 'method' || col.key === 'evidence' ? 40 : 16,
      })),
      rows,
    },
    fileName: `${base}.xlsx`,
    asciiName: `assessment-scheme-${scheme.periodCode}-${scheme.number}.xlsx`,
  };
}

// ---------------------------------------------------------------------------------------------
// Import

export interface SheetRowLike {
  number: number;
  values: Raw[];
}

export interface ParsedScheme {
  categories: SchemeCategoryInput[];
  /** Every bad cell; non-empty means nothing may be written. */
  problems: ImportProblem[];
  warnings: SchemeImportWarning[];
  /** The points of all items (the draft's full marks unless the request named one). */
  sum: number;
}

const normal = (text: string) => text.replace(/\s+/g, '');
const TOTAL_ROW_WORDS = new Set(['合计', '总计', '总分', '小计']);

/** The column key a header cell names ("考核内容", "系统·规则类型" or "规则类型"), or undefined. */
function columnOf(text: string): SchemeColumnKey | undefined {
  const wanted = normal(text);
  return SCHEME_XLSX_COLUMNS.find(
    (c) => normal(c.header) === wanted || (c.machine && normal(c.header.slice(MACHINE_PREFIX.length)) === wanted),
  )?.key;
}

/** A number of points: a number cell, or text such as "10", "１０", "2.5", "10分". */
export function readPoints(raw: Raw): Read<number> {
  if (isBlank(raw)) return { ok: true, value: undefined };
  if (typeof raw === 'number') return { ok: true, value: raw };
  if (typeof raw === 'string') {
    const m = /^([+-]?\d{1,6}(?:\.\d{1,2})?)\s*分?$/.exec(halfWidth(raw).trim());
    if (m) return { ok: true, value: Number(m[1]) };
    return { ok: false, reason: `须为数字，如 10 或 2.5（填写的是“${raw.trim().slice(0, 30)}”）` };
  }
  return { ok: false, reason: '须为数字，如 10 或 2.5' };
}

/** "2026-06", "2026/6", "2026年6月" or an Excel date cell → "2026-06". */
function readMonth(raw: Raw): Read<string> {
  if (isBlank(raw)) return { ok: true, value: undefined };
  if (raw instanceof Date) return { ok: true, value: raw.toISOString().slice(0, 7) };
  const text = readText(raw);
  if (!text.ok || text.value === undefined) return text;
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?(?:[-/.]\d{1,2}日?)?$/.exec(halfWidth(text.value));
  const month = m ? Number(m[2]) : 0;
  if (!m || month < 1 || month > 12) {
    return { ok: false, reason: `“${text.value.slice(0, 30)}”不是月份，请填写如 2026-06 的年月` };
  }
  return { ok: true, value: `${m[1]}-${String(month).padStart(2, '0')}` };
}

/** A DEADLINE's day (ADR 044): "2026-06-20", "2026/6/20", "2026年6月20日" or an Excel date cell → "2026-06-20". */
function readDay(raw: Raw): Read<string> {
  if (isBlank(raw)) return { ok: true, value: undefined };
  if (raw instanceof Date) return { ok: true, value: raw.toISOString().slice(0, 10) };
  const text = readText(raw);
  if (!text.ok || text.value === undefined) return text;
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(halfWidth(text.value));
  const day = m ? `${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}` : '';
  if (
    !m ||
    Number.isNaN(Date.parse(`${day}T00:00:00Z`)) ||
    new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day
  ) {
    return { ok: false, reason: `“${text.value.slice(0, 30)}”不是日期，请填写如 2026-06-20 的年月日` };
  }
  return { ok: true, value: day };
}

/** A figure by its label (as the export writes it) or its code, of the figures the rule type may name. */
function readFigure(raw: Raw, type: SchemeRuleType): Read<string> {
  const allowed = (type === 'COUNT' || type === 'DEADLINE' ? CountFigureSchema : IncidentFigureSchema)
    .options as string[];
  const labels = Object.fromEntries(allowed.map((k) => [k, FIGURES[k as Figure].label.zh]));
  return readChoice(raw, labels);
}

/** zod's path inside an item → the column it came from. */
function columnOfPath(path: readonly PropertyKey[]): SchemeColumnKey | null {
  const [head, sub] = path.map(String);
  if (head === 'title') return 'title';
  if (head === 'points') return 'points';
  if (head === 'evidence') return 'evidence';
  if (head === 'scorer') return 'scorer';
  if (head === 'key') return 'key';
  if (head === 'rule') {
    if (sub === 'method') return 'countMethod';
    if (
      sub === 'figure' ||
      sub === 'required' ||
      sub === 'per' ||
      sub === 'deduct' ||
      sub === 'dueMonth' ||
      sub === 'dueOn'
    )
      return sub;
    return 'ruleType';
  }
  return null;
}

const RULE_TYPE_CHOICES = zhLabels(SCHEME_RULE_TYPE_LABELS);

/**
 * The sheet's rows → the scheme's tree, its problems and its warnings. `period` is the scheme's
 * (a due month must fall inside it); `total` the full marks asked for, if any.
 */
export function parseSchemeRows(rows: Iterable<SheetRowLike>, period: string, total?: number): ParsedScheme {
  const problems: ImportProblem[] = [];
  const warnings: SchemeImportWarning[] = [];
  const report = (row: number, column: SchemeColumnKey | null, reason: string) => {
    if (problems.length < SCHEME_IMPORT_PROBLEMS_MAX) {
      problems.push({ row, column: column ? schemeColumnHeader(column) : null, reason });
    }
  };

  let layout: Map<number, SchemeColumnKey> | undefined;
  let headerRow = 0;
  let lastCategory: string | undefined;
  const categories: { title: string; items: SchemeItemInput[]; rows: number[] }[] = [];

  for (const row of rows) {
    if (!layout) {
      const found = new Map<number, SchemeColumnKey>();
      row.values.forEach((raw, i) => {
        const text = readText(raw);
        const key = text.ok && text.value ? columnOf(text.value) : undefined;
        if (!key) return;
        if ([...found.values()].includes(key)) report(row.number, key, '列名重复：同一列只能出现一次');
        else found.set(i, key);
      });
      const keys = new Set(found.values());
      if (keys.has('title') && keys.has('points')) {
        layout = found;
        headerRow = row.number;
        continue;
      }
      if (row.number > SCHEME_IMPORT_TITLE_ROWS_MAX) break;
      continue;
    }

    const cell = (key: SchemeColumnKey): Raw => {
      for (const [i, k] of layout ?? []) if (k === key) return row.values[i] ?? null;
      return null;
    };
    const text = (key: SchemeColumnKey): string | undefined => {
      const read = readText(cell(key));
      if (!read.ok) {
        report(row.number, key, read.reason);
        return undefined;
      }
      return read.value;
    };
    if (row.values.every(isBlank)) continue;
    const categoryText = text('category');
    const title = text('title');
    if (
      (categoryText && TOTAL_ROW_WORDS.has(normal(categoryText)) && !title) ||
      (title && TOTAL_ROW_WORDS.has(normal(title)))
    ) {
      continue;
    }
    const hasCategoryColumn = [...layout.values()].includes('category');
    const category = categoryText ?? lastCategory ?? (hasCategoryColumn ? undefined : '考核指标');
    if (category === undefined) {
      report(row.number, 'category', '须填写类别（同一类别下面的行可以留空，沿用上一行的类别）');
    }
    lastCategory = category;
    if (!title) report(row.number, 'title', '须填写考核内容');
    const points = readPoints(cell('points'));
    if (!points.ok) report(row.number, 'points', points.reason);
    else if (points.value === undefined) report(row.number, 'points', '须填写分值（一票否决项填 0）');

    const before = problems.length;
    const method = text('method');
    const evidenceText = text('evidence');
    const typeRead = readChoice(cell('ruleType'), RULE_TYPE_CHOICES);
    let item: unknown;
    if (!typeRead.ok) {
      report(row.number, 'ruleType', typeRead.reason);
    } else if (typeRead.value === undefined) {
      // Typed by hand: the reviewer scores it by the words of its 评分方法.
      const evidence = [method, evidenceText ? `佐证材料：${evidenceText}` : undefined].filter(Boolean).join('\n');
      if (evidence.length > SCHEME_EVIDENCE_MAX) {
        report(row.number, 'method', `评分方法和佐证材料合计不能超过 ${SCHEME_EVIDENCE_MAX} 字`);
      }
      item = {
        title,
        points: points.ok ? points.value : undefined,
        rule: { type: 'MANUAL' },
        evidence,
        scorer: 'REVIEWER',
      };
      warnings.push({
        row: row.number,
        column: schemeColumnHeader('ruleType'),
        reason: '没有计分规则，导入为人工评分项：系统不自动计算，由复核人对照评分方法评分',
      });
    } else {
      const type = typeRead.value;
      const number = (key: SchemeColumnKey, integer: boolean, needed: boolean) => {
        const read = readPoints(cell(key));
        if (!read.ok) {
          report(row.number, key, read.reason);
          return undefined;
        }
        if (read.value === undefined && needed) {
          report(row.number, key, `${SCHEME_RULE_TYPE_LABELS[type].zh}须填写这一列`);
        }
        if (integer && read.value !== undefined && !Number.isInteger(read.value)) {
          report(row.number, key, `须为整数（填写的是 ${read.value}）`);
          return undefined;
        }
        return read.value;
      };
      const need = <T>(key: SchemeColumnKey, read: Read<T>): T | undefined => {
        if (!read.ok) report(row.number, key, read.reason);
        else if (read.value === undefined) report(row.number, key, `${SCHEME_RULE_TYPE_LABELS[type].zh}须填写这一列`);
        return read.ok ? read.value : undefined;
      };
      const figure = type === 'MANUAL' ? undefined : need('figure', readFigure(cell('figure'), type));
      let rule: Record<string, unknown> = { type };
      if (type === 'COUNT') {
        const required = number('required', true, true);
        const deduct = number('deduct', false, false);
        rule = {
          type,
          figure,
          required,
          per: need('per', readChoice(cell('per'), zhLabels(RULE_PER_LABELS))),
          method: need('countMethod', readChoice(cell('countMethod'), zhLabels(COUNT_METHOD_LABELS))),
          ...(deduct === undefined ? {} : { deduct }),
        };
      } else if (type === 'DEADLINE') {
        // The day is optional (ADR 044): without it the rule is due by the month's end.
        const day = readDay(cell('dueOn'));
        if (!day.ok) report(row.number, 'dueOn', day.reason);
        const dueOn = day.ok ? day.value : undefined;
        rule = { type, figure, dueMonth: need('dueMonth', readMonth(cell('dueMonth'))), ...(dueOn ? { dueOn } : {}) };
      } else if (type === 'PER_INCIDENT') {
        const deduct = number('deduct', false, true);
        rule = { type, figure, deduct };
      } else if (type === 'VETO') {
        rule = { type, figure };
      }
      const scorer = readChoice(cell('scorer'), zhLabels(SCORER_LABELS));
      if (!scorer.ok) report(row.number, 'scorer', scorer.reason);
      const key = text('key');
      item = {
        ...(key ? { key } : {}),
        title,
        points: points.ok ? points.value : undefined,
        rule,
        evidence: evidenceText ?? '',
        scorer: (scorer.ok ? scorer.value : undefined) ?? (type === 'MANUAL' ? 'REVIEWER' : 'COMPUTED'),
      };
    }
    // Cells already refused are not refused again by the schema.
    if (problems.length > before || !title || !points.ok || points.value === undefined || category === undefined) {
      continue;
    }
    const parsed = SchemeItemInputSchema.safeParse(item);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) report(row.number, columnOfPath(issue.path), issue.message);
      continue;
    }
    let target = categories.find((c) => c.title === category);
    if (!target) {
      if (categories.length >= SCHEME_CATEGORIES_MAX) {
        report(row.number, 'category', `类别不能超过 ${SCHEME_CATEGORIES_MAX} 个`);
        continue;
      }
      target = { title: category, items: [], rows: [] };
      categories.push(target);
    }
    if (target.items.length >= SCHEME_ITEMS_MAX) {
      report(row.number, 'title', `一个类别下不能超过 ${SCHEME_ITEMS_MAX} 项`);
      continue;
    }
    target.items.push(parsed.data);
    target.rows.push(row.number);
  }

  if (!layout) {
    report(1, null, '没有找到列名行：表格须有“考核内容”和“分值”两列（列名写在数据的上一行）');
  } else if (categories.length === 0 && problems.length === 0) {
    report(headerRow + 1, null, '文件中没有考核内容：请从列名下面一行起每行填写一项');
  }

  const tree: SchemeCategoryInput[] = categories.map((c) => ({ title: c.title, items: c.items }));
  const sum = sumPoints(tree.flatMap((c) => c.items));
  const rowAt = (path: string): number => {
    const m = /^categories\.(\d+)\.items\.(\d+)/.exec(path);
    return m ? (categories[Number(m[1])]?.rows[Number(m[2])] ?? headerRow) : headerRow;
  };
  if (tree.length > 0 && (!Number.isInteger(sum) || sum < 1 || sum > SCHEME_POINTS_MAX)) {
    report(headerRow, 'points', `各项分值之和（${sum}）须为 1 至 ${SCHEME_POINTS_MAX} 的整数，请调整分值`);
  }
  if (tree.length > 0) {
    for (const issue of schemeIssues({ period, total: sum, categories: tree })) {
      const field = issue.path.replace(/^categories\.\d+\.items\.\d+\.?/, '').split('.');
      report(rowAt(issue.path), columnOfPath(field), issue.message);
    }
    for (const w of schemeWarnings({ categories: tree })) {
      warnings.push({ row: rowAt(w.path), column: schemeColumnHeader('title'), reason: w.message });
    }
    if (total !== undefined && Math.abs(total - sum) > 1e-9) {
      warnings.push({
        row: headerRow,
        column: schemeColumnHeader('points'),
        reason: `各项分值之和为 ${sum} 分，与满分 ${total} 分不符：草稿的满分暂按 ${sum} 分保存，请在编辑时调整分值或满分`,
      });
    }
  }
  problems.sort((a, b) => a.row - b.row);
  warnings.sort((a, b) => a.row - b.row);
  return { categories: tree, problems, warnings, sum };
}
