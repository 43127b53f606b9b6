// Writes one sheet of rows to an xlsx file row by row (exceljs's streaming writer), so a file of
// 100,000 rows is never held in memory whole. Used to make import files of any size: the
// 100k-row benchmark (scripts/bench-import.ts).
import ExcelJS from 'exceljs';

export type SheetCell = string | number | Date | null;

export async function writeSheetFile(
  file: string,
  sheetName: string,
  header: readonly string[],
  rows: Iterable<SheetCell[]>,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...header]).commit();
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
}
