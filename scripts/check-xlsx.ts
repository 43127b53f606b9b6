// `tsx scripts/check-xlsx.ts [file.xlsx …]`: opens exported workbooks with a second reader,
// LibreOffice headless, and checks what an office sees (issue 16, ADR 013): the title block above
// the table and the dates as real date cells showing the Shanghai wall clock. Too heavy for the
// test run (a LibreOffice install and ~10 s a file), so the tests read the XML parts instead
// (apps/api/src/services/exports/xlsx.test.ts) and this script is run by hand.
//
// Without files it writes a sample through the export's own pieces (the activities', alerts' and
// 操作日志's columns, 序号, a title block, writeXlsx). Each workbook is read by LibreOffice twice: as CSV of
// every sheet, cells as shown (a title block, then the header row; date columns read
// yyyy-mm-dd[ hh:mm]), and as flat ODF XML, where each of those dates must be a date-typed cell
// with that same wall-clock value. With --pdf DIR it also renders each workbook to PDF and PNG
// (pdftoppm) to look at.
// Exit code 0: all checks passed; 1: a check failed; 2: LibreOffice is not installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  ACTIVITY_COLUMNS,
  type Column,
  OPLOG_COLUMNS,
  RISK_ALERT_COLUMNS,
} from '@dutyboard/api/services/exports/columns';
import type { Sheet } from '@dutyboard/api/services/exports/sheets';
import { writeXlsx } from '@dutyboard/api/services/exports/xlsx';
import type { Activity } from '@dutyboard/contracts/activities';
import type { OplogEntry } from '@dutyboard/contracts/oplog';
import type { RiskAlert } from '@dutyboard/contracts/risk-alerts';
import { parseCsv } from './lib/parse-csv.ts';

const DATE_TEXT = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$/;
/** Headers of date columns in the exports (columns.ts): their cells must read as dates. */
const DATE_HEADER = /时间|时限|截止|上次排查|完成期限/;

function soffice(): string | null {
  for (const name of ['soffice', 'libreoffice']) {
    if (spawnSync('which', [name]).status === 0) return name;
  }
  return null;
}

const activity = (n: number, occurredAt: string): Activity => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  version: 1,
  orgId: '00000000-0000-4000-8000-000000000100',
  orgName: '甲村党支部',
  category: 'PARTY_LECTURE',
  title: n === 1 ? '书记讲党课：学习党的二十届四中全会精神' : '红色歌曲大家唱',
  occurredAt,
  timeKnown: true,
  location: '村委会二楼会议室',
  participants: 30 + n,
  description: '全体党员参加，会后开展讨论。',
  createdAt: '2026-03-02T02:00:00.000Z',
  updatedAt: '2026-03-02T02:00:00.000Z',
});

function sampleSheets(): Sheet[] {
  // 2026-03-01T16:30Z is 00:30 on 2 March in Shanghai: the day a zone mistake would shift.
  // The third knows only its day (an imported row without a time): a day cell, not "… 00:00".
  const activities = [
    activity(1, '2026-03-01T16:30:00.000Z'),
    activity(2, '2026-03-10T02:00:00.000Z'),
    { ...activity(3, '2026-03-14T16:00:00.000Z'), timeKnown: false },
  ];
  const alert = {
    id: '00000000-0000-4000-8000-000000000009',
    orgName: '甲村党支部',
    level: 'LEVEL_1',
    state: 'REGISTERED',
    source: '网络巡查',
    channel: '微博',
    url: null,
    summary: '涉本街道的网络帖文',
    reach: 500,
    registeredAt: '2026-03-01T16:30:00.000Z',
    reportDueAt: '2026-03-01T17:30:00.000Z',
    reportedAt: null,
    receiptNumber: null,
    closedAt: null,
    needsUrging: false,
    updatedAt: '2026-03-01T16:30:00.000Z',
    clock: { reportedLate: null, overdue: true },
  } as unknown as RiskAlert;
  const line = (count: number) => `筛选条件：无　共 ${count} 条　导出人：张书记　导出时间：2026-11-24 09:30`;
  const table = <Row>(name: string, columns: Column<Row>[], rows: Row[]) => ({
    name,
    title: { text: `甲村党支部 ${name}（2026-03-01 至 2026-03-31）`, lines: [line(rows.length)] },
    columns: [
      { header: '序号', width: 8 },
      ...columns.map(({ header, width, type }) => ({ header, width, ...(type ? { type } : {}) })),
    ],
    rows: rows.map((row, i) => [i + 1, ...columns.map((c) => (c.value as (r: Row) => string | number | null)(row))]),
  });
  // An event of the 操作日志 at 00:30 Shanghai, by a secretary.
  const event: OplogEntry = {
    id: '1201',
    at: '2026-03-01T16:30:00.000Z',
    action: 'CREATE',
    entityType: 'Activity',
    entityId: activities[0]?.id ?? null,
    orgId: '00000000-0000-4000-8000-000000000100',
    orgName: '甲村党支部',
    actorId: '00000000-0000-4000-8000-000000000200',
    actorName: '张书记',
    fields: ['title', 'occurredAt'],
  };
  return [
    table('主题活动', ACTIVITY_COLUMNS, activities),
    table('舆情处置', RISK_ALERT_COLUMNS, [alert]),
    table('操作日志', OPLOG_COLUMNS, [event]),
  ];
}

/** What LibreOffice made of one sheet: its rows as shown, and the values of its date-typed cells. */
interface CalcSheet {
  rows: string[][];
  dates: string[];
}

/**
 * The workbook as LibreOffice reads it: every sheet to CSV "as shown" (the text an office sees)
 * and the whole workbook to flat ODF XML, where a date cell is office:value-type="date" — so a
 * date that is really text is caught even though it would print the same.
 */
function readWithCalc(file: string, office: string, out: string): CalcSheet[] {
  mkdirSync(out, { recursive: true });
  // 44,34,76,1,,0,false,true,true,false,false,-1: comma, double quote, UTF-8, from line 1, …,
  // cells as shown (formatted), and -1 = every sheet to its own file (LibreOffice 7.2+).
  const csv = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';
  execFileSync(office, ['--headless', '--convert-to', csv, '--outdir', out, file], { stdio: 'pipe' });
  execFileSync(office, ['--headless', '--convert-to', 'fods', '--outdir', out, file], { stdio: 'pipe' });
  const base = path.basename(file, '.xlsx');
  const fods = readFileSync(path.join(out, `${base}.fods`), 'utf8');
  const tables = [...fods.matchAll(/<table:table table:name="([^"]*)".*?<\/table:table>/gs)];
  return tables.map((table) => {
    const name = table[1] ?? '';
    // One sheet → <base>-<sheet name>.csv; a one-sheet workbook may be written as <base>.csv.
    const csvFile = [path.join(out, `${base}-${name}.csv`), path.join(out, `${base}.csv`)].find((f) => existsSync(f));
    const rows = csvFile ? parseCsv(readFileSync(csvFile, 'utf8').replace(/^\uFEFF/, '')) : [];
    const dates = [...(table[0] ?? '').matchAll(/office:value-type="date" office:date-value="([^"]*)"/g)].map((m) =>
      (m[1] ?? '')
        .replace('T', ' ')
        .slice(0, 16)
        .replace(/ 00:00$/, ''),
    );
    return { rows, dates };
  });
}

function check(file: string, office: string, work: string, pdfDir: string | null): string[] {
  const problems: string[] = [];
  const base = path.basename(file, '.xlsx');
  const sheets = readWithCalc(file, office, path.join(work, base));
  if (sheets.length === 0) return [`${file}: LibreOffice read no sheet`];
  sheets.forEach(({ rows, dates }, n) => {
    const where = `${base} / sheet ${n + 1}`;
    // The title rows are merged across the table, so only their first cell holds text: the header
    // is the first row with two cells or more (a list's starts with 序号; the dashboard's do not).
    const headerAt = rows.findIndex((r) => r.filter((c) => c !== '').length > 1);
    if (headerAt < 1) {
      problems.push(`${where}: no title block above the header row (header at row ${headerAt + 1})`);
      return;
    }
    const header = rows[headerAt] ?? [];
    const dateColumns = header.flatMap((h, i) => (DATE_HEADER.test(h) ? [i] : []));
    const shown: string[] = [];
    for (const row of rows.slice(headerAt + 1)) {
      for (const i of dateColumns) {
        const cell = row[i] ?? '';
        if (cell === '') continue;
        shown.push(cell);
        if (!DATE_TEXT.test(cell)) problems.push(`${where}: ${header[i]} reads "${cell}", not a date`);
      }
    }
    // Every date shown is a date cell holding that same wall-clock reading.
    const missing = shown.filter((text) => !dates.includes(text));
    if (missing.length > 0) problems.push(`${where}: shown as dates but not date cells: ${missing.join(', ')}`);
    console.log(
      `${where}: title "${rows[0]?.[0] ?? ''}" / "${rows[1]?.[0] ?? ''}", ${headerAt} title row(s), ` +
        `header ${(rows[headerAt] ?? []).slice(0, 3).join('|')}…, ${rows.length - headerAt - 1} data row(s), ` +
        `${dates.length} date cell(s), e.g. ${shown.slice(0, 3).join(', ')}`,
    );
  });
  if (pdfDir) {
    mkdirSync(pdfDir, { recursive: true });
    execFileSync(office, ['--headless', '--convert-to', 'pdf', '--outdir', pdfDir, file], { stdio: 'pipe' });
    const pdf = path.join(pdfDir, `${base}.pdf`);
    if (spawnSync('which', ['pdftoppm']).status === 0) {
      execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '2', pdf, path.join(pdfDir, base)]);
      console.log(`  rendered: ${pdf} and ${path.join(pdfDir, base)}-*.png`);
    }
  }
  return problems;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const pdfAt = args.indexOf('--pdf');
  const pdfDir = pdfAt >= 0 ? (args[pdfAt + 1] ?? null) : null;
  const files = args.filter((a, i) => a.endsWith('.xlsx') && i !== pdfAt + 1);
  const office = soffice();
  if (!office) {
    console.error(
      'LibreOffice (soffice) is not installed: apt-get install -y --no-install-recommends libreoffice-calc-nogui',
    );
    return 2;
  }
  const work = mkdtempSync(path.join(tmpdir(), 'check-xlsx-'));
  if (files.length === 0) {
    const sample = path.join(work, 'sample.xlsx');
    writeFileSync(sample, await writeXlsx(sampleSheets()));
    files.push(sample);
  }
  const problems: string[] = [];
  for (const file of files) problems.push(...check(path.resolve(file), office, work, pdfDir));
  for (const p of problems) console.error(`FAIL ${p}`);
  console.log(problems.length === 0 ? `OK: ${files.length} workbook(s) read by LibreOffice` : '');
  return problems.length === 0 ? 0 : 1;
}

process.exitCode = await main();
