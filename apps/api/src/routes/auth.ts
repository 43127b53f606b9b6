// Sign-in and -out, who am I, and my sessions (我的登录会话: list, end one, end all others).
import {
  ChangePasswordInputSchema,
  CurrentSessionSchema,
  LoginInputSchema,
  MeSchema,
  SessionListSchema,
  SessionParamsSchema,
  SessionsEndedSchema,
} from '@dutyboard/contracts/auth';
import { OkSchema } from '@dutyboard/contracts/common';
import type { PrismaClient } from '@dutyboard/db/client';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import { AppError } from '../errors/app-error.ts';
import { actor, SESSION_COOKIE } from '../plugins/auth.ts';
import { changeOwnPassword, endOtherSessions, endSession, getMe, signIn, signOut } from '../services/auth/auth.ts';
import { listMySessions, type SessionPolicy } from '../services/auth/sessions.ts';
import { errorResponses } from './responses.ts';

/** RFC 9110 Retry-After on a throttled answer (429), from the seconds the service computed. */
function withRetryAfter(reply: FastifyReply) {
  return (error: unknown): never => {
    const seconds = error instanceof AppError ? error.details?.retryAfterSeconds : undefined;
    if (typeof seconds === 'number') reply.header('retry-after', String(seconds));
    throw error;
  };
}

export const authRoutes: FastifyPluginAsyncZod<{
  prisma: PrismaClient;
  config: Config;
  policy: SessionPolicy;
}> = async (app, { prisma, config, policy }) => {
  const throttle = {
    accountMax: config.LOGIN_THROTTLE_ACCOUNT_MAX,
    ipMax: config.LOGIN_THROTTLE_IP_MAX,
    windowMinutes: config.LOGIN_THROTTLE_WINDOW_MINUTES,
  };
  app.post(
    '/api/auth/login',
    {
      config: { public: true, throttled: true },
      schema: { body: LoginInputSchema, response: { 200: MeSchema, ...errorResponses } },
    },
    async (request, reply) => {
      const { token, expiresAt, me } = await signIn(prisma, { ...policy, throttle }, request.body, {
        userAgent: request.headers['user-agent'],
        ip: request.ip,
      }).catch(withRetryAfter(reply));
      // A previous session in this browser ends: sign-in always starts a fresh session id.
      if (request.user) await signOut(prisma, request.user);
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: config.COOKIE_SECURE,
        expires: expiresAt,
      });
      return me;
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { public: true }, schema: { response: { 200: OkSchema, ...errorResponses } } },
    async (request, reply) => {
      if (request.user) await signOut(prisma, request.user);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/sessions',
    {
      config: { permission: 'SIGNED_IN' },
      schema: { summary: '我的登录会话', response: { 200: SessionListSchema, ...errorResponses } },
    },
    async (request) => ({ items: await listMySessions(prisma, actor(request), policy) }),
  );

  app.delete(
    '/api/auth/sessions/:id',
    {
      config: { permission: 'SIGNED_IN' },
      schema: {
        summary: '退出我的某个登录会话（当前会话即退出登录）',
        params: SessionParamsSchema,
        response: { 200: OkSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { current } = await endSession(prisma, actor(request), request.params.id);
      if (current) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/sessions/sign-out-others',
    {
      config: { permission: 'SIGNED_IN' },
      schema: { summary: '退出其他设备', response: { 200: SessionsEndedSchema, ...errorResponses } },
    },
    async (request) => endOtherSessions(prisma, actor(request)),
  );

  app.post(
    '/api/auth/password',
    {
      config: { permission: 'SIGNED_IN', throttled: true },
      schema: {
        summary: '修改我的密码（其他设备的登录随之结束）',
        body: ChangePasswordInputSchema,
        response: { 200: SessionsEndedSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      changeOwnPassword(prisma, actor(request), request.body, { policy: throttle, ip: request.ip }).catch(
        withRetryAfter(reply),
      ),
  );

  // The web asks this first on every visit: signed out is an answer, not an error, so the sign-in
  // page logs no failed request. A cookie whose session is gone is cleared, as /api/me would.
  app.get(
    '/api/auth/session',
    {
      config: { public: true },
      schema: {
        summary: '本浏览器登录的用户（未登录时为 null）',
        response: { 200: CurrentSessionSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      if (!request.user && request.cookies[SESSION_COOKIE]) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { user: request.user ? await getMe(prisma, request.user) : null };
    },
  );

  app.get(
    '/api/me',
    { config: { permission: 'SIGNED_IN' }, schema: { response: { 200: MeSchema, ...errorResponses } } },
    async (request) => getMe(prisma, actor(request)),
  );
};
