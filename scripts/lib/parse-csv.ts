// A minimal RFC 4180 reader (comma, double quotes) for checking CSV files: the exports' own
// (`crlf`: every record must end in CRLF, as the writer promises) and LibreOffice's (any line end).
export function parseCsv(text: string, { crlf = false }: { crlf?: boolean } = {}): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  const endRecord = () => {
    record.push(field);
    records.push(record);
    record = [];
    field = '';
  };
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      endRecord();
      i += 1;
    } else if (!crlf && (ch === '\n' || ch === '\r')) endRecord();
    else field += ch;
  }
  if (field !== '' || record.length > 0) {
    if (crlf) throw new Error('the last record does not end in CRLF');
    endRecord();
  }
  return records;
}
