// File uploads: multipart POSTs over XMLHttpRequest, because fetch cannot report upload progress.
// Failures become the same ApiError as every other request (see api-client.ts).
import { ErrorBodySchema } from '@dutyboard/contracts/errors';
import type { z } from 'zod';
import { ApiError, toApiError } from './api-client.ts';

export interface UploadOptions<T> {
  /**
   * Sent as the Idempotency-Key header. Generate it once per chosen file (randomUuid()) and reuse
   * it when retrying that file, so a retry after a lost answer cannot store the file twice.
   */
  idempotencyKey?: string;
  /** Upload progress of the request body, 0–100. */
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
  /** Contract schema the 2xx body is parsed with. */
  schema?: z.ZodType<T>;
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The upload was aborted.', 'AbortError');
}

function parseBody(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * POSTs `fields` (text parts, in the given order) and then `file` as the part named `file`.
 * Same-origin, so the session cookie goes along as with every other request.
 */
export function uploadFile<T = unknown>(
  path: string,
  fields: Record<string, string>,
  file: Blob,
  options: UploadOptions<T> = {},
): Promise<T> {
  const { idempotencyKey, onProgress, signal, schema } = options;
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError(signal));
      return;
    }
    // The server reads the text fields before the file, so they must come first.
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', file, file instanceof File ? file.name : 'file');

    const xhr = new XMLHttpRequest();
    const onAbort = () => xhr.abort();
    const settle = () => signal?.removeEventListener('abort', onAbort);

    xhr.open('POST', path);
    // Same-origin requests carry cookies by default; withCredentials only matters cross-origin.
    xhr.withCredentials = false;
    xhr.setRequestHeader('Accept', 'application/json');
    if (idempotencyKey) xhr.setRequestHeader('Idempotency-Key', idempotencyKey);
    // No Content-Type: the browser sets multipart/form-data with its boundary.

    if (onProgress) {
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) {
          onProgress(Math.min(100, Math.round((event.loaded / event.total) * 100)));
        }
      };
    }
    xhr.onload = () => {
      settle();
      const data = parseBody(xhr.responseText);
      if (xhr.status < 200 || xhr.status >= 300) {
        // A proxy in front of the API may refuse a large body with its own HTML page.
        if (!ErrorBodySchema.safeParse(data).success && (xhr.status === 413 || xhr.status === 415)) {
          const code = xhr.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'UNSUPPORTED_MEDIA_TYPE';
          reject(new ApiError(xhr.status, code, `HTTP ${xhr.status}`));
          return;
        }
        reject(toApiError(xhr.status, data));
        return;
      }
      if (!schema) {
        resolve(data as T);
        return;
      }
      const parsed = schema.safeParse(data);
      if (parsed.success) resolve(parsed.data);
      else reject(new ApiError(xhr.status, 'BAD_RESPONSE', `unexpected response from ${path}`));
    };
    const onNetworkError = () => {
      settle();
      reject(new ApiError(0, 'NETWORK', 'network error'));
    };
    xhr.onerror = onNetworkError;
    xhr.ontimeout = onNetworkError;
    xhr.onabort = () => {
      settle();
      reject(signal ? abortError(signal) : new DOMException('The upload was aborted.', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    xhr.send(form);
  });
}

/** A random UUID v4, also on plain-HTTP pages where crypto.randomUUID is not offered. */
export function randomUuid(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
