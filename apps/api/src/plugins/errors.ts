// The one error handler: every failure leaves as { error: { code, message, key, params, details? } }.
// 5xx bodies never carry internals; the log keeps them. The error type is errors/app-error.ts.
import { type ErrorMessage, type ParamValue, zhMessage } from '@dutyboard/contracts/error-messages';
import type { ErrorBody, ErrorCode } from '@dutyboard/contracts/errors';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, zodFieldIssue } from '../errors/app-error.ts';

function keyedBody(
  code: ErrorCode,
  message: string,
  key: string,
  params: Readonly<Record<string, ParamValue>>,
  details?: ErrorBody['error']['details'],
): ErrorBody {
  const error = { code, message, key, params: params as NonNullable<ErrorBody['error']['params']> };
  return { error: details ? { ...error, details } : error };
}

function body(code: ErrorCode, said: ErrorMessage, details?: ErrorBody['error']['details']): ErrorBody {
  return keyedBody(code, zhMessage(said), said.key, said.params ?? {}, details);
}

export interface ErrorHandlingOptions {
  /**
   * The built SPA is served: a GET for a client route (no file extension, outside /api/) gets
   * index.html so deep links work. Anything else missing — a stale /assets/ chunk included —
   * stays a 404 in the error shape, never HTML.
   */
  spaFallback?: boolean;
}

export function registerErrorHandling(app: FastifyInstance, options: ErrorHandlingOptions = {}): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      return reply
        .status(error.status)
        .send(keyedBody(error.code, error.message, error.key, error.params, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const fields = error.validation.map((issue) =>
        zodFieldIssue(issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || where, {
          ...issue.params,
          code: issue.keyword,
          message: issue.message ?? '无效',
        }),
      );
      return reply.status(400).send(body('VALIDATION_FAILED', { key: 'request.invalidFields' }, { fields }));
    }
    const status = error.statusCode ?? 500;
    if (status === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send(body('PAYLOAD_TOO_LARGE', { key: 'request.tooLarge' }));
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.status(415).send(body('UNSUPPORTED_MEDIA_TYPE', { key: 'request.jsonOnly' }));
    }
    if (status === 429) {
      return reply.status(429).send(body('RATE_LIMITED', { key: 'request.rateLimited' }));
    }
    if (status >= 400 && status < 500) {
      // Malformed JSON, empty body with a JSON content type, bad URL encoding, and the like.
      return reply.status(400).send(body('VALIDATION_FAILED', { key: 'request.malformed' }));
    }
    if (isBrokenMultipart(error)) {
      return reply.status(400).send(body('VALIDATION_FAILED', { key: 'request.uploadMalformed' }));
    }
    if (isDatabaseUnavailable(error)) {
      request.log.error({ err: error }, 'database unavailable');
      return reply.status(503).send(body('SERVICE_UNAVAILABLE', { key: 'server.databaseDown' }));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(body('INTERNAL', { key: 'server.internal' }));
  });

  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0] ?? '/';
    const isApi = pathname === '/api' || pathname.startsWith('/api/');
    if (options.spaFallback && request.method === 'GET' && !isApi && !/\.[a-z0-9]+$/i.test(pathname)) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply
      .status(404)
      .send(body('NOT_FOUND', { key: 'request.noRoute', params: { method: request.method, path: pathname } }));
  });
}

/**
 * Errors Fastify answers before routing, when no error handler runs yet: a path with broken
 * percent-encoding (400) and a path parameter longer than maxParamLength (414). Without this
 * they left as Fastify's own `{error, code, message, statusCode}` (found by the API fuzzer).
 * Passed as Fastify's `frameworkErrors` option.
 */
export function frameworkErrorHandler(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    reply.status(414).send(body('VALIDATION_FAILED', { key: 'request.urlTooLong' }));
    return;
  }
  reply.status(400).send(body('VALIDATION_FAILED', { key: 'request.urlBadEncoding' }));
}

/**
 * Requests Node's HTTP parser refuses before Fastify sees them — headers over its 16 KB limit, a
 * request that takes too long to arrive, bytes that are not HTTP — get an answer in the error shape
 * on the raw socket (Fastify's own handler wrote `{error, message, statusCode}`). Passed as
 * Fastify's `clientErrorHandler` option; it is called bound to the Fastify instance.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: import('node:net').Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, said]: [number, string, ErrorMessage] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', { key: 'request.headersTooLarge' }]
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', { key: 'request.timeout' }]
        : [400, 'Bad Request', { key: 'request.badFormat' }];
  const json = Buffer.from(JSON.stringify(body('VALIDATION_FAILED', said)));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${json.length}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n`,
    );
    socket.write(json);
  }
  socket.destroy(error);
}

/**
 * busboy (under @fastify/multipart) throws plain Errors, without a status, for a multipart body
 * it cannot read: no boundary, a boundary over 256 characters, a body cut short. The client's
 * fault, not ours: 400 (was 500; found by the API fuzzer).
 */
const BROKEN_MULTIPART =
  /^(Multipart: Boundary not found|Boundary required|Unexpected end of multipart data|\w+ terminated early due to unexpected end of multipart data|The needle cannot (be an empty|have a length bigger))/;

function isBrokenMultipart(error: unknown): boolean {
  const e = error as { statusCode?: unknown; message?: unknown };
  return e?.statusCode === undefined && typeof e?.message === 'string' && BROKEN_MULTIPART.test(e.message);
}

// Prisma's codes for "cannot reach / lost / timed out waiting for the database", and the driver
// adapter's kinds for the same; plus pg's own messages for errors raised outside Prisma.
const UNAVAILABLE_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
const UNAVAILABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);

function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as {
    code?: unknown;
    message?: unknown;
    meta?: { driverAdapterError?: { cause?: { kind?: unknown } } };
  };
  if (typeof e?.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
  const kind = e?.meta?.driverAdapterError?.cause?.kind;
  if (typeof kind === 'string' && UNAVAILABLE_KINDS.has(kind)) return true;
  const text = `${String(e?.message ?? '')} ${String(e?.code ?? '')}`;
  return /ECONNREFUSED|ECONNRESET|timeout exceeded when trying to connect|Connection terminated|57P01|57P03/.test(text);
}
