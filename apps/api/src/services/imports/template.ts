// The xlsx template of a kind: the data sheet (header row only, required columns marked *, a
// drop-down of allowed values per choice column, code columns kept as text) and a 填写说明 sheet
// with each column's rules and an example row. The example lives on the 说明 sheet on purpose:
// an example row left on the data sheet would be imported as a record.
import {
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  IMPORT_TITLES,
  type ImportKind,
  type ImportProblem,
} from '@dutyboard/contracts/imports';
import type ExcelJS from 'exceljs';
import { writeXlsx } from '../exports/xlsx.ts';
import { IMPORT_SPECS } from './kinds.ts';
import { INSTRUCTIONS_SHEET } from './zip-guard.ts';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDEDEC' } };
const REQUIRED_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFC0392B' } };

/** exceljs keeps data validations per range, but its type declarations leave them out. */
interface DataValidations {
  add(range: string, validation: ExcelJS.DataValidation): void;
}

function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function templateFileName(kind: ImportKind): { ascii: string; chinese: string } {
  return { ascii: `import-template-${kind}.xlsx`, chinese: `${IMPORT_TITLES[kind]}导入模板.xlsx` };
}

function notes(kind: ImportKind): string[] {
  const spec = IMPORT_SPECS[kind];
  const lines = [
    `1. 在第一张工作表“${IMPORT_TITLES[kind]}”中填写：第一行是列名，请勿修改或删除；从第二行起每行一条记录，空行会跳过。`,
    '2. 列名带 * 的为必填列；可选值请从下拉列表中选择，或照本表“可选值”一栏填写。',
    '3. 上传后系统逐行校验，列出每一处问题（行号、列名、原因）；全部无误后才可确认导入。导入要么全部写入，要么一条都不写入。',
    `4. 与系统中已有记录相同（${spec.keyLabel}相同）的行会跳过，不会重复导入；同一文件中相同的行会被指出。`,
    `5. 单个文件不超过 ${IMPORT_MAX_BYTES / 1024 / 1024} MB、${IMPORT_MAX_ROWS} 行数据。下方示例仅供参考，请勿复制到第一张工作表。`,
  ];
  if (kind === 'activities' || kind === 'study-sessions') {
    lines.push('6. 时间按北京时间填写；也可直接导入本系统导出的台账（录入时间、最后修改、记录编号三列会被忽略）。');
    lines.push(
      '7. 一个文件可以包含本组织及各下级组织的记录：在“组织/支部”列逐行填写所属组织（可从下拉列表中选择，或填写组织代码）；不填即为本人所在组织。不在本人管辖范围内的组织会逐行指出，不会写入。',
    );
  }
  if (kind === 'users') {
    lines.push('6. 文件中不填密码：导入的账号暂无可用密码，请在“用户管理”中为每位用户重置密码后再交给本人。');
  }
  if (kind === 'orgs') {
    lines.push('6. 上级组织可以是系统中已有的组织，也可以是本文件中的任一行，行的先后顺序不限。');
  }
  return lines;
}

/**
 * Where the 组织/支部 drop-down reads its list from (an inline list holds 255 characters): a
 * column of the 填写说明 sheet, headed 可选组织. Not a sheet of its own: a third worksheet ahead of
 * the workbook part makes exceljs's streaming reader fail in the import sandbox.
 */
export const ORG_CHOICES_HEADER = '可选组织（组织/支部）';

export interface TemplateOptions {
  /** The importer's orgs for a `reachableOrgs` column (spec.ts reachableOrgChoices); none: no drop-down. */
  orgChoices?: readonly string[] | undefined;
}

export async function writeTemplate(kind: ImportKind, options: TemplateOptions = {}): Promise<Buffer> {
  const spec = IMPORT_SPECS[kind];
  // Loaded with the first template, not at start-up (exports/xlsx.ts, ADR 030).
  const { Workbook } = (await import('exceljs')).default;
  const workbook: ExcelJS.Workbook = new Workbook();
  workbook.creator = 'Dutyboard';
  const orgChoices = options.orgChoices ?? [];
  // Right of everything else on 填写说明 (its rule table, and the example row as wide as the data sheet), one column apart.
  const listColumn = columnLetter(Math.max(5, spec.columns.length) + 1);

  const data = workbook.addWorksheet(IMPORT_TITLES[kind], { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = spec.columns.map((column) => ({
    header: column.required ? `${column.header}*` : column.header,
    width: column.width,
    // "@": Excel keeps what is typed (a code "001" stays "001").
    ...(column.text ? { style: { numFmt: '@' } } : {}),
  }));
  const header = data.getRow(1);
  header.font = { bold: true };
  spec.columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.fill = HEADER_FILL;
    if (column.required) cell.font = REQUIRED_FONT;
    if (column.choices) {
      const letter = columnLetter(index);
      (data as unknown as { dataValidations: DataValidations }).dataValidations.add(
        `${letter}2:${letter}${IMPORT_MAX_ROWS + 1}`,
        {
          type: 'list',
          allowBlank: !column.required,
          formulae: [`"${column.choices.join(',')}"`],
          showErrorMessage: true,
          errorTitle: column.header,
          error: `请从下拉列表中选择${column.header}`,
        },
      );
    }
    if (column.reachableOrgs && orgChoices.length > 0) {
      const letter = columnLetter(index);
      // Not strict: a code typed by hand is as good as a name picked from the list.
      (data as unknown as { dataValidations: DataValidations }).dataValidations.add(
        `${letter}2:${letter}${IMPORT_MAX_ROWS + 1}`,
        {
          type: 'list',
          allowBlank: true,
          formulae: [`'${INSTRUCTIONS_SHEET}'!$${listColumn}$2:$${listColumn}$${orgChoices.length + 1}`],
          showErrorMessage: false,
        },
      );
    }
  });

  const help = workbook.addWorksheet(INSTRUCTIONS_SHEET);
  help.columns = [{ width: 16 }, { width: 10 }, { width: 56 }, { width: 40 }, { width: 30 }];
  help.addRow([`${IMPORT_TITLES[kind]}导入模板填写说明`]).font = { bold: true, size: 14 };
  for (const line of notes(kind)) help.addRow([line]);
  help.addRow([]);
  help.addRow(['列名', '是否必填', '填写要求', '可选值', '示例']).font = { bold: true };
  for (const column of spec.columns) {
    help.addRow([
      column.header,
      column.required ? '必填' : '选填',
      column.hint,
      column.choices ? column.choices.join('、') : '',
      column.example,
    ]);
  }
  help.addRow([]);
  help.addRow(['示例（仅供参考，请勿复制到第一张工作表）']).font = { bold: true };
  help.addRow(spec.columns.map((column) => column.header)).font = { bold: true };
  help.addRow(spec.columns.map((column) => column.example));
  if (orgChoices.length > 0 && spec.columns.some((column) => column.reachableOrgs)) {
    help.getColumn(listColumn).width = 30;
    help.getCell(`${listColumn}1`).value = ORG_CHOICES_HEADER;
    help.getCell(`${listColumn}1`).font = { bold: true };
    orgChoices.forEach((choice, index) => {
      const cell = help.getCell(`${listColumn}${index + 2}`);
      cell.value = choice;
      cell.numFmt = '@';
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Every kept problem of an import as a sheet: 行号, (组织/支部 when rows name orgs,) 列, 问题. */
export function writeProblems(problems: readonly ImportProblem[]): Promise<Buffer> {
  const withOrg = problems.some((p) => p.org !== undefined);
  return writeXlsx([
    {
      name: '问题清单',
      columns: [
        { header: '行号', width: 8 },
        ...(withOrg ? [{ header: '组织/支部', width: 20 }] : []),
        { header: '列', width: 18 },
        { header: '问题', width: 80 },
      ],
      rows: problems.map((p) => [p.row, ...(withOrg ? [p.org ?? null] : []), p.column, p.reason]),
    },
  ]);
}
