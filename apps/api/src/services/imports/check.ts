// One pass over an uploaded file: the header row is matched to the kind's columns, then every
// data row is read, checked (the kind's parse: cells → the API's create schema), compared with
// the rows before it (same natural key → "与第N行重复") and, a chunk at a time, with the records
// already stored (same key → skipped). The dry run and the commit both make this pass, so what
// the commit writes is what the dry run checked, against the data as it is at commit time.
import { IMPORT_MAX_ROWS, IMPORT_PROBLEMS_KEPT, IMPORT_TITLES, type ImportProblem } from '@dutyboard/contracts/imports';
import { isBlank, type Raw, readText } from './cells.ts';
import { readRowsInSandbox, type SandboxOptions } from './sandbox.ts';
import { type Db, type ImportSpec, type Item, normaliseHeader, type SpecContext } from './spec.ts';

/** Rows compared with stored records, and written, per round trip. */
export const CHUNK_ROWS = 1000;
/** Progress is reported every this many rows. */
export const PROGRESS_ROWS = 1000;

export interface PassOptions<I extends Item> {
  /** Where stored records are looked up (the commit's transaction, or the client). */
  db: Db;
  ctx: SpecContext;
  /** Rows read so far of (an estimate of) the sheet's rows. */
  onProgress(rowsDone: number, rowsTotal: number): Promise<void>;
  /** The rows of a chunk whose record does not exist yet (the commit writes them). */
  onNew(items: I[]): Promise<void>;
  /** Checked between chunks: throw to stop. */
  checkStopping(): void;
  /** Stop at the first problem (the commit: any problem means nothing is written). */
  failFast?: boolean;
  /** Limits and temp folder of the process that reads the file (sandbox.ts). */
  sandbox?: SandboxOptions;
}

export interface PassResult {
  /** Data rows read (blank rows are not counted). */
  rows: number;
  /** The first IMPORT_PROBLEMS_KEPT problems, in row order. */
  problems: ImportProblem[];
  problemCount: number;
  /** Rows whose record does not exist yet. */
  fresh: number;
  /** Rows whose record exists already (same natural key). */
  skipped: number;
  /** Kinds with `orgOf`: fresh and skipped rows per org id, in the order the file first names each. */
  orgs: Map<string, { created: number; skipped: number }>;
}

export async function passOverFile<I extends Item>(
  file: string,
  spec: ImportSpec<I>,
  options: PassOptions<I>,
): Promise<PassResult> {
  const { ctx } = options;
  const result: PassResult = { rows: 0, problems: [], problemCount: 0, fresh: 0, skipped: 0, orgs: new Map() };
  const report = (problem: ImportProblem) => {
    result.problemCount += 1;
    if (result.problems.length < IMPORT_PROBLEMS_KEPT) result.problems.push(problem);
  };
  const finish = () => {
    result.problems.sort((a, b) => a.row - b.row);
    return result;
  };

  let estimate = 0;
  // Read in a sandbox process: no file can take the API's memory, disk or time.
  const rows = readRowsInSandbox(
    file,
    (sheet) => {
      // The header row is one of them.
      estimate = Math.max(0, (sheet.rowCount ?? 1) - 1);
    },
    options.sandbox,
  );

  /** Column index (0 = A) → the column's key. */
  let layout: Map<number, string> | undefined;
  let headerRow = 0;
  const seen = new Map<string, number>();
  const badRows = new Map<string, number>();
  let chunk: I[] = [];
  const all: I[] = [];

  const flush = async (items: I[]) => {
    if (items.length === 0) return;
    options.checkStopping();
    const existing = await spec.existing(options.db, items, ctx);
    const fresh = existing.size === 0 ? items : items.filter((item) => !existing.has(item.key));
    result.skipped += items.length - fresh.length;
    result.fresh += fresh.length;
    if (spec.orgOf) {
      for (const item of items) {
        const orgId = spec.orgOf(item);
        const count = result.orgs.get(orgId) ?? { created: 0, skipped: 0 };
        if (existing.has(item.key)) count.skipped += 1;
        else count.created += 1;
        result.orgs.set(orgId, count);
      }
    }
    await options.onNew(fresh);
  };

  let titleLines = 0;
  for await (const row of rows) {
    if (!layout) {
      if (row.values.every((value) => isBlank(value))) continue;
      // An exported list starts with its title block (exports/xlsx.ts): skipped, so it reads back.
      if (titleLines < TITLE_LINES_MAX && isTitleLine(spec, row.values)) {
        titleLines += 1;
        continue;
      }
      headerRow = row.number;
      if (estimate > IMPORT_MAX_ROWS) {
        report({
          row: headerRow,
          column: null,
          reason: `文件约有 ${estimate} 行数据，超过单次导入上限 ${IMPORT_MAX_ROWS} 行，请拆分后分批导入`,
        });
        return finish();
      }
      const header = readHeader(spec, row.values, headerRow);
      if (header.problems.length > 0) {
        for (const problem of header.problems) report(problem);
        return finish();
      }
      layout = header.layout;
      await options.onProgress(0, estimate);
      continue;
    }

    const cells = new Map<string, Raw>();
    let blank = true;
    for (const [index, key] of layout) {
      const value = row.values[index] ?? null;
      if (!isBlank(value)) blank = false;
      cells.set(key, value);
    }
    if (blank) continue;
    result.rows += 1;
    if (result.rows > IMPORT_MAX_ROWS) {
      report({
        row: row.number,
        column: null,
        reason: `数据超过单次导入上限 ${IMPORT_MAX_ROWS} 行，请拆分后分批导入`,
      });
      return finish();
    }

    const parsed = spec.parse(cells, row.number, ctx);
    // Each problem of a row that names an org says which: a file may cover many branches.
    const ofRow = (problem: ImportProblem): ImportProblem =>
      parsed.org === undefined ? problem : { ...problem, org: parsed.org };
    for (const problem of parsed.problems) report(ofRow(problem));
    if (parsed.badKey !== undefined && !badRows.has(parsed.badKey)) badRows.set(parsed.badKey, row.number);
    if (parsed.item) {
      const first = seen.get(parsed.item.key);
      if (first !== undefined) {
        report(ofRow({ row: row.number, column: null, reason: `与第${first}行重复（${spec.keyLabel}相同）` }));
      } else {
        seen.set(parsed.item.key, row.number);
        if (spec.finish) all.push(parsed.item);
        else chunk.push(parsed.item);
      }
    }
    if (options.failFast && result.problemCount > 0) return finish();

    if (chunk.length >= CHUNK_ROWS) {
      await flush(chunk);
      chunk = [];
    }
    if (result.rows % PROGRESS_ROWS === 0) {
      options.checkStopping();
      await options.onProgress(result.rows, Math.max(estimate, result.rows));
    }
  }

  if (!layout) {
    report({ row: 1, column: null, reason: '工作表是空的：请在模板的第一张工作表中填写数据' });
    return finish();
  }
  if (result.rows === 0) {
    report({ row: headerRow + 1, column: null, reason: '文件中没有数据行：请从列名下面一行起填写' });
    return finish();
  }

  await flush(chunk);
  if (spec.finish) {
    const finished = spec.finish(all, ctx, badRows);
    for (const problem of finished.problems) report(problem);
    if (options.failFast && result.problemCount > 0) return finish();
    for (let i = 0; i < finished.items.length; i += CHUNK_ROWS) {
      await flush(finished.items.slice(i, i + CHUNK_ROWS));
    }
  }
  await options.onProgress(result.rows, result.rows);
  return finish();
}

/** At most this many title lines are skipped above the header (an export writes two). */
const TITLE_LINES_MAX = 3;

/** A line of a title block: text in the first cell only (merged across the table), and not a column name. */
function isTitleLine(spec: Pick<ImportSpec, 'columns' | 'ignoredHeaders'>, values: readonly Raw[]): boolean {
  const filled = values.flatMap((value, index) => (isBlank(value) ? [] : [index]));
  if (filled.length !== 1 || filled[0] !== 0) return false;
  const read = readText(values[0] ?? null);
  const text = normaliseHeader(read.ok ? (read.value ?? '') : '');
  return !spec.columns.some((column) => column.header === text) && !spec.ignoredHeaders.includes(text);
}

/** Matches a header row to the kind's columns: unknown, repeated and missing required columns are problems. */
export function readHeader(
  spec: Pick<ImportSpec, 'kind' | 'columns' | 'ignoredHeaders'>,
  values: readonly Raw[],
  row: number,
): { layout: Map<number, string>; problems: ImportProblem[] } {
  const layout = new Map<number, string>();
  const problems: ImportProblem[] = [];
  const byHeader = new Map(spec.columns.map((column) => [column.header, column]));
  const ignored = new Set(spec.ignoredHeaders);
  const found = new Set<string>();
  values.forEach((value, index) => {
    if (isBlank(value)) return;
    const read = readText(value);
    const text = normaliseHeader(read.ok ? (read.value ?? '') : '#错误值');
    const column = byHeader.get(text);
    if (column) {
      if (found.has(column.key)) {
        problems.push({ row, column: column.header, reason: '列名重复：同一列只能出现一次' });
        return;
      }
      found.add(column.key);
      layout.set(index, column.key);
    } else if (!ignored.has(text)) {
      problems.push({ row, column: text.slice(0, 50), reason: '无法识别的列名：请使用模板中的列名' });
    }
  });
  if (found.size === 0) {
    return {
      layout,
      problems: [
        {
          row,
          column: null,
          reason: `第一行不是“${IMPORT_TITLES[spec.kind]}”模板的列名：请下载模板填写，或确认选择的导入类型与文件一致`,
        },
      ],
    };
  }
  for (const column of spec.columns) {
    if (column.required && !found.has(column.key)) problems.push({ row, column: column.header, reason: '缺少必填列' });
  }
  return { layout, problems };
}
