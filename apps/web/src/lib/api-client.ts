// The one HTTP client of the web app: same-origin JSON requests whose failures all become an
// ApiError parsed once from the API's error shape { error: { code, message, key, params, details? } }.
import { ErrorBodySchema, type ErrorCode, type ErrorParamsSchema, type FieldIssue } from '@dutyboard/contracts/errors';
import type { z } from 'zod';

type ErrorParams = z.infer<typeof ErrorParamsSchema>;

/** The server's error codes plus the two failures that never reach (or never come from) it. */
export type ClientErrorCode = ErrorCode | 'NETWORK' | 'BAD_RESPONSE';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ClientErrorCode,
    message: string,
    readonly fields: FieldIssue[] = [],
    /** The message's key and parameters in the catalogue (error-messages.ts), when the server sent them. */
    readonly key?: string,
    readonly params?: ErrorParams,
    /** The error's details beyond `fields` (an import's row problems), as the server sent them. */
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

type QueryValue = string | number | undefined | null;

interface RequestOptions<T> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Contract schema the 2xx body is parsed with. */
  schema?: z.ZodType<T>;
  signal?: AbortSignal;
  /** Extra request headers, e.g. If-Match for optimistic concurrency. */
  headers?: Record<string, string>;
}

export function toSearchParams(query: Record<string, QueryValue>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  return params;
}

/** The ApiError for a failed response's status and parsed body (also used by api-upload.ts). */
export function toApiError(status: number, data: unknown): ApiError {
  const parsed = ErrorBodySchema.safeParse(data);
  if (parsed.success) {
    const { code, message, key, params, details } = parsed.data.error;
    return new ApiError(status, code, message, details?.fields ?? [], key, params, details);
  }
  // A proxy or a crashed server answered with something else (HTML, empty body).
  const code: ClientErrorCode = status === 401 ? 'UNAUTHENTICATED' : status >= 500 ? 'INTERNAL' : 'BAD_RESPONSE';
  return new ApiError(status, code, `HTTP ${status}`);
}

export async function apiRequest<T>(path: string, options: RequestOptions<T> = {}): Promise<T> {
  const { method = 'GET', query, body, schema, signal } = options;
  const search = query ? toSearchParams(query).toString() : '';
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  // Only a request with a body declares JSON: Fastify refuses an empty body typed as JSON.
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(search ? `${path}?${search}` : path, {
      method,
      credentials: 'same-origin',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'NETWORK', 'network error');
  }

  const text = await response.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!response.ok) throw toApiError(response.status, data);
  if (!schema) return data as T;
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new ApiError(response.status, 'BAD_RESPONSE', `unexpected response from ${path}`);
  return parsed.data;
}

export const api = {
  get: <T>(path: string, options: Omit<RequestOptions<T>, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...options, method: 'GET' }),
  post: <T>(path: string, body?: unknown, options: Omit<RequestOptions<T>, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...options, method: 'POST', body }),
  put: <T>(path: string, body: unknown, options: Omit<RequestOptions<T>, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...options, method: 'PUT', body }),
  patch: <T>(path: string, body: unknown, options: Omit<RequestOptions<T>, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...options, method: 'PATCH', body }),
  delete: <T>(path: string, options: Omit<RequestOptions<T>, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...options, method: 'DELETE' }),
};
