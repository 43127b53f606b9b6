// The one permission check every route goes through. A route declares `config.permission`
// (an action from the policy table) or `config.public: true`; a route that declares neither is
// refused, so forgetting the declaration fails closed.
import { type Action, can } from '@dutyboard/contracts/permissions';
import type { PrismaClient } from '@dutyboard/db/client';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, forbidden, unauthenticated } from '../errors/app-error.ts';
import { type AuthUser, findSessionUser, type SessionPolicy } from '../services/auth/sessions.ts';

export const SESSION_COOKIE = 'dutyboard_session';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The action the caller's role must allow, or SIGNED_IN for any signed-in user. */
    permission?: Action | 'SIGNED_IN';
    /** Reachable without signing in. */
    public?: boolean;
  }
  interface FastifyRequest {
    user: AuthUser | null;
  }
}

export function registerAuth(app: FastifyInstance, prisma: PrismaClient, policy: SessionPolicy): void {
  app.decorateRequest('user', null);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    // Unmatched URLs go to the not-found handler. Outside /api/ are only the web app's static
    // files, which are public; every /api/ route must declare its permission.
    const url = request.routeOptions.url;
    if (!url?.startsWith('/api/')) return;
    // The OpenAPI document and its viewer describe the API, not its data.
    if (url === '/api/docs' || url.startsWith('/api/docs/')) return;
    // Health must answer its own shape while the database is down, and a browser's session
    // cookie would otherwise send it to the session table first (database-restart.test.ts).
    if (url === '/api/health') return;
    const { permission, public: isPublic } = request.routeOptions.config;

    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const found = await findSessionUser(prisma, token, policy);
      if (found && 'user' in found) request.user = found.user;
      else if (!isPublic) {
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        throw found && 'expired' in found ? unauthenticated({ key: 'auth.sessionExpired' }) : unauthenticated();
      }
    }
    if (isPublic) return;
    if (!request.user) throw unauthenticated();
    if (!permission) {
      request.log.error({ route: request.routeOptions.url }, 'route declares no permission: refused');
      throw forbidden();
    }
    if (permission !== 'SIGNED_IN' && !can(request.user.role, permission)) throw forbidden();
  });
}

/** The signed-in user of a route that declared a permission (the hook guarantees one). */
export function actor(request: FastifyRequest): AuthUser {
  if (!request.user) throw new AppError('UNAUTHENTICATED', { key: 'auth.signInFirst' });
  return request.user;
}
