// Builds a multipart/form-data body for app.inject(), so upload tests send exactly what a
// browser sends (fields first, then the file part).
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

export interface FilePart {
  name: string;
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

export function multipart(fields: Record<string, string>, file?: FilePart): { payload: Buffer; contentType: string } {
  const boundary = `----dutyboard${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.fileName}"\r\n` +
          `Content-Type: ${file.contentType}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** POSTs one workbook as the browser's import form does (field `file`), signed in with `cookie`. */
export function uploadXlsx(app: FastifyInstance, url: string, cookie: string, bytes: Buffer, fileName = 'import.xlsx') {
  const body = multipart({}, { name: 'file', fileName, contentType: XLSX_TYPE, bytes });
  return app.inject({
    method: 'POST',
    url,
    headers: { cookie, 'content-type': body.contentType },
    payload: body.payload,
  });
}
