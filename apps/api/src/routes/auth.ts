import { LoginInputSchema, MeSchema } from '@dutyboard/contracts/auth';
import { OkSchema } from '@dutyboard/contracts/common';
import type { PrismaClient } from '@dutyboard/db/client';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import { actor, SESSION_COOKIE } from '../plugins/auth.ts';
import { getMe, signIn, signOut } from '../services/auth/auth.ts';
import type { SessionPolicy } from '../services/auth/sessions.ts';
import { errorResponses } from './responses.ts';

export const authRoutes: FastifyPluginAsyncZod<{
  prisma: PrismaClient;
  config: Config;
  policy: SessionPolicy;
}> = async (app, { prisma, config, policy }) => {
  app.post(
    '/api/auth/login',
    { config: { public: true }, schema: { body: LoginInputSchema, response: { 200: MeSchema, ...errorResponses } } },
    async (request, reply) => {
      const { token, expiresAt, me } = await signIn(prisma, policy, request.body, {
        userAgent: request.headers['user-agent'],
        ip: request.ip,
      });
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
    '/api/me',
    { config: { permission: 'SIGNED_IN' }, schema: { response: { 200: MeSchema, ...errorResponses } } },
    async (request) => getMe(prisma, actor(request)),
  );
};
