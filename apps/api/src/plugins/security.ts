// Response hardening and cross-site request defence, for the API and the SPA's static files alike
// (docs/security.md):
// - security headers on every response (CSP fitted to the SPA, nosniff, no referrer, no framing,
//   COOP, a minimal Permissions-Policy, HSTS only when served over HTTPS);
// - an Origin check on unsafe methods: a browser request from a foreign origin is refused with 403
//   before the session is even looked up, so it cannot act nor keep a session alive;
// - a URL length limit (the JSON body limit is Fastify's bodyLimit, uploads have their own);
// - every 403 — a role without the route's permission, an object the service refuses, a foreign
//   origin — is written to the audit trail as ACCESS_DENIED, one event per request.
// Registered before the auth hook, so these checks run first.
import type { PrismaClient } from '@dutyboard/db/client';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { AppError, forbidden } from '../errors/app-error.ts';
import { recordAudit } from '../services/audit/audit.ts';

/**
 * The SPA's policy. style-src needs 'unsafe-inline' because antd's CSS-in-JS injects <style>
 * elements at run time; scripts are only the bundle's own files. A route that sets its own CSP
 * (the summary's print view) keeps it.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

/** Browser features this app never uses, switched off for it and anything it might embed. */
export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=()';

/** Longest accepted request target (path + query). Real browsers and proxies stop near 8 KB too. */
export const URL_MAX_LENGTH = 8192;
/**
 * Longest path segment (the router's maxParamLength too). The router gives up on a longer
 * parameter before a route matches and answered 404 for some routes: this makes it 414 everywhere.
 */
export const PATH_SEGMENT_MAX_LENGTH = 200;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface SecurityOptions {
  prisma: PrismaClient;
  config: Pick<Config, 'COOKIE_SECURE' | 'ALLOWED_ORIGINS'>;
}

/** "https://a.example:8443" → "https://a.example:8443"; anything unparsable → null. */
function originOf(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * Is an unsafe request allowed by its Origin (or, absent, Referer)? Own origin = the Host the
 * request was sent to (the scheme is not compared: behind a TLS proxy this server sees http while
 * the browser says https). Requests with neither header are not from a page's fetch or form in a
 * current browser — curl, scripts, app.inject — and are allowed: they carry no ambient cookie a
 * third party could ride on (and SameSite=Strict keeps the cookie off cross-site requests anyway).
 */
export function originAllowed(
  headers: FastifyRequest['headers'],
  allowed: readonly string[],
): { ok: true } | { ok: false; origin: string } {
  const claimed = headers.origin ?? headers.referer;
  if (claimed === undefined) return { ok: true };
  const url = originOf(claimed);
  const host = headers.host?.toLowerCase();
  if (url && host && url.host.toLowerCase() === host) return { ok: true };
  if (url && allowed.some((o) => originOf(o)?.origin === url.origin)) return { ok: true };
  // "null" (sandboxed frames, privacy redirects) and junk are foreign too.
  return { ok: false, origin: url?.origin ?? String(claimed).slice(0, 200) };
}

export function registerSecurity(app: FastifyInstance, { prisma, config }: SecurityOptions): void {
  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (request.url.length > URL_MAX_LENGTH) {
      throw new AppError('VALIDATION_FAILED', { key: 'request.urlTooLong' }, undefined, 414);
    }
    const pathname = request.url.split('?', 1)[0] ?? '';
    if (pathname.split('/').some((segment) => segment.length > PATH_SEGMENT_MAX_LENGTH)) {
      throw new AppError('VALIDATION_FAILED', { key: 'request.urlTooLong' }, undefined, 414);
    }
    if (SAFE_METHODS.has(request.method)) return;
    const verdict = originAllowed(request.headers, config.ALLOWED_ORIGINS);
    if (!verdict.ok) {
      request.log.warn({ origin: verdict.origin, url: request.url }, 'unsafe request from a foreign origin refused');
      deniedOrigin.set(request, verdict.origin);
      throw forbidden({ key: 'request.crossSite' });
    }
  });

  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply) => {
    setSecurityHeaders(reply, config.COOKIE_SECURE);
    if (reply.statusCode === 403) await auditDenial(prisma, request, reply);
  });
}

/**
 * Wraps Fastify's `frameworkErrors` handler (plugins/errors.ts): answers the router gives before
 * any hook runs (bad URL encoding, too-long parameter) get the security headers too.
 */
export function withSecurityHeaders<E, Q extends FastifyRequest, R extends FastifyReply>(
  handler: (error: E, request: Q, reply: R) => void,
  https: boolean,
): (error: E, request: Q, reply: R) => void {
  return (error, request, reply) => {
    setSecurityHeaders(reply, https);
    handler(error, request, reply);
  };
}

/** The foreign origin a request was refused for, for its audit event. */
const deniedOrigin = new WeakMap<FastifyRequest, string>();

function setSecurityHeaders(reply: FastifyReply, https: boolean): void {
  if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'no-referrer');
  reply.header('x-frame-options', 'DENY');
  reply.header('cross-origin-opener-policy', 'same-origin');
  reply.header('cross-origin-resource-policy', 'same-origin');
  reply.header('permissions-policy', PERMISSIONS_POLICY);
  // Only over HTTPS: on plain http the header is ignored by browsers and would mislead.
  if (https) reply.header('strict-transport-security', 'max-age=31536000');
  reply.removeHeader('x-powered-by');
}

/**
 * One ACCESS_DENIED event per refused request: who (null for a foreign-origin request, which is
 * refused before the session is read), what (method and route), from where. A failure to write
 * it is logged, never turned into another error for the caller.
 */
async function auditDenial(prisma: PrismaClient, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const origin = deniedOrigin.get(request);
  try {
    await recordAudit(prisma, {
      actorId: request.user?.id ?? null,
      action: 'ACCESS_DENIED',
      entityType: 'Route',
      entityId: null,
      orgId: request.user?.orgId ?? null,
      after: {
        method: request.method,
        route: request.routeOptions.url ?? null,
        path: request.url.split('?')[0]?.slice(0, 300) ?? '',
        ip: request.ip,
        reason: origin ? 'origin' : 'permission',
        ...(origin ? { origin } : {}),
        status: reply.statusCode,
      },
    });
  } catch (error) {
    request.log.error({ err: error }, 'could not write the ACCESS_DENIED audit event');
  }
}
