// The standard routes of a kind of record, declared once:
//   GET    <path>      list    (query → page)
//   POST   <path>      create  (Idempotency-Key; 201 through runWrite)
//   GET    <path>/:id  get     (answers with its ETag)
//   PATCH  <path>/:id  update  (If-Match → runWrite → ETag)
//   DELETE <path>/:id  remove  (If-Match → runWrite → { ok: true }; then its files are released)
//   POST   <path>/:id/<step>  a workflow step (Idempotency-Key + If-Match → runWrite → ETag)
// Routes that differ (other headers, other answers) stay in their route file.
import {
  etagOf,
  IdempotencyHeadersSchema,
  IdParamsSchema,
  IfMatchHeadersSchema,
  OkSchema,
  versionFromIfMatch,
} from '@dutyboard/contracts/common';
import { THING_LABELS } from '@dutyboard/contracts/labels';
import type { Action } from '@dutyboard/contracts/permissions';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { actor } from '../plugins/auth.ts';
import { runCreate, runWrite, sendVersioned } from '../plugins/write.ts';
import type { FileStore } from '../services/attachments/store.ts';
import type { AuthUser } from '../services/auth/sessions.ts';
import type { AnyRecordKind } from '../services/records/registry.ts';
import { type PreparedCreate, type Removal, releaseFiles } from '../services/records/writes.ts';
import { errorResponses, summaryFor } from './responses.ts';

type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;
type Tx = Prisma.TransactionClient;
/** What a route answers for a record: the record schema's output, with the version its ETag shows. */
type Versioned<S extends z.ZodType> = z.output<S> & { version: number };

export interface RecordRoutesSpec<
  Query extends z.ZodType,
  Page extends z.ZodType,
  Record extends z.ZodType,
  Create extends z.ZodType,
  Update extends z.ZodType,
> {
  prisma: PrismaClient;
  /** The collection, e.g. /api/activities; a record is <path>/:id. */
  path: `/api/${string}`;
  /**
   * The kind of record (services/records/registry.ts): list and get require its read action,
   * create, update and remove its one write action, unless `permissions` says otherwise.
   */
  kind?: AnyRecordKind;
  /** config.permission of list and get (read), create, update and remove (delete), when not the kind's. */
  permissions?: RoutePermissions;
  schemas: { query: Query; page: Page; record: Record; create: Create; update: Update };
  /** OpenAPI summaries in words of their own, where the kind's noun does not say it. */
  summaries?: Partial<{ [R in (typeof ROUTES)[number]]: string }>;
  /** The file store a removed record's evidence files are released from, once the delete committed. */
  files?: FileStore;
  /** Whether the create's 201 answer carries the new record's ETag too. */
  etagOnCreate?: boolean;
  /**
   * The work of each route; a route whose function is left out is not offered. Each gets the
   * validated request as the zod type provider types it (the schemas' output types).
   */
  service: {
    list?: (db: PrismaClient, user: AuthUser, query: z.output<Query>) => Promise<z.output<Page>>;
    create?: (tx: Tx, user: AuthUser, body: z.output<Create>) => Promise<Versioned<Record>>;
    /** A create built in full first and written in one statement (runCreate, ADR 037); instead of create. */
    prepareCreate?: (
      db: PrismaClient,
      user: AuthUser,
      body: z.output<Create>,
      fresh: boolean,
    ) => Promise<PreparedCreate<Versioned<Record>>>;
    get?: (db: PrismaClient, user: AuthUser, id: string) => Promise<Versioned<Record>>;
    update?: (
      tx: Tx,
      user: AuthUser,
      id: string,
      body: z.output<Update>,
      version: number | undefined,
    ) => Promise<Versioned<Record>>;
    remove?: (tx: Tx, user: AuthUser, id: string, version: number | undefined) => Promise<Removal> | Promise<void>;
  };
}

type RoutePermissions = { read: Action; create: Action; update: Action; delete: Action };

/** The permissions the kind declares: its read action, and its write action for every change. */
function permissionsOf(path: string, kind: AnyRecordKind | undefined): RoutePermissions {
  const [write, ...others] = kind?.permissions.write ?? [];
  if (!kind || !write || others.length > 0) throw new Error(`${path}: name the routes' permissions`);
  return { read: kind.permissions.read, create: write, update: write, delete: write };
}

/** A workflow step on one record: POST <path>/:id/<name>, retry-safe, on the version the caller saw. */
export interface StepSpec<Body extends z.ZodType, Answer extends z.ZodType> {
  /** config.permission; a step's own rule (owner, state) is checked on the loaded record. */
  permission: Action;
  body: Body;
  /** The answer (default: the record). */
  response?: Answer;
  /** 201 for a step that creates a row (a check); default 200. */
  status?: 200 | 201;
  run: (
    tx: Tx,
    user: AuthUser,
    id: string,
    body: z.output<Body>,
    version: number | undefined,
  ) => Promise<z.output<Answer>>;
  /** The version the answer's ETag shows (default: the answer's own). */
  version?: (answer: z.output<Answer>) => number;
}

/** Registers the standard routes one by one, so a file can keep other routes in between. */
export interface RecordRoutes<Record extends z.ZodType = z.ZodType> {
  list(): void;
  create(): void;
  get(): void;
  update(): void;
  remove(): void;
  /** Every route the service offers, in the order above. */
  all(): void;
  step<Body extends z.ZodType, Answer extends z.ZodType = Record>(name: string, spec: StepSpec<Body, Answer>): void;
}

const ROUTES = ['list', 'create', 'get', 'update', 'remove'] as const;

type ErasedStep = Omit<StepSpec<z.ZodType, z.ZodType>, 'run' | 'version'> & {
  run: (tx: Tx, user: AuthUser, id: string, body: unknown, version: number | undefined) => Promise<{ version: number }>;
  version?: (answer: { version: number }) => number;
};

/** Idempotency-Key (a retried step answers the first result) and If-Match (the version seen). */
const StepHeadersSchema = IdempotencyHeadersSchema.extend(IfMatchHeadersSchema.shape);

// The signature callers see checks each service function against the schemas' output types,
// i.e. against what the zod type provider infers for request.query and request.body. The body
// below works on the same values with those types erased (fastify's request and reply types do
// not resolve over generic schemas); the validator has already produced them.
export function recordRoutes<
  Query extends z.ZodType,
  Page extends z.ZodType,
  Record extends z.ZodType,
  Create extends z.ZodType,
  Update extends z.ZodType,
>(app: App, spec: RecordRoutesSpec<Query, Page, Record, Create, Update>): RecordRoutes<Record>;
export function recordRoutes(
  app: App,
  spec: RecordRoutesSpec<z.ZodType, z.ZodType, z.ZodType, z.ZodType, z.ZodType>,
): RecordRoutes {
  const { prisma, path, schemas, service } = spec;
  const permissions = spec.permissions ?? permissionsOf(path, spec.kind);
  const errors = errorResponses;
  // Summaries in the kind's words (新建活动, 修改舆情…); the generic derivation otherwise.
  const summary = (method: string, url: string, route?: (typeof ROUTES)[number]) =>
    (route && spec.summaries?.[route]) ?? summaryFor(method, url, spec.kind && THING_LABELS[spec.kind.entityType].zh);
  const missing = (route: string) => new Error(`${path}: the service offers no ${route}`);

  const routes: RecordRoutes = {
    list() {
      const { list } = service;
      if (!list) throw missing('list');
      app.get(
        path,
        {
          config: { permission: permissions.read },
          schema: {
            summary: summary('GET', path, 'list'),
            querystring: schemas.query,
            response: { 200: schemas.page, ...errors },
          },
        },
        async (request) => list(prisma, actor(request), request.query),
      );
    },

    create() {
      const { create, prepareCreate } = service;
      if (!create && !prepareCreate) throw missing('create');
      app.post(
        path,
        {
          config: { permission: permissions.create },
          schema: {
            headers: IdempotencyHeadersSchema,
            summary: summary('POST', path, 'create'),
            body: schemas.create,
            response: { 201: schemas.record, ...errors },
          },
        },
        async (request, reply) => {
          const user = actor(request);
          const created = prepareCreate
            ? await runCreate(prisma, request, reply, (fresh) => prepareCreate(prisma, user, request.body, fresh))
            : await runWrite(
                prisma,
                request,
                reply,
                (tx) => (create as NonNullable<typeof create>)(tx, user, request.body),
                { status: 201 },
              );
          return spec.etagOnCreate ? sendVersioned(reply, created) : created;
        },
      );
    },

    get() {
      const { get } = service;
      if (!get) throw missing('get');
      app.get(
        `${path}/:id`,
        {
          config: { permission: permissions.read },
          schema: {
            summary: summary('GET', `${path}/:id`, 'get'),
            params: IdParamsSchema,
            response: { 200: schemas.record, ...errors },
          },
        },
        async (request, reply) => {
          const record = await get(prisma, actor(request), request.params.id);
          return sendVersioned(reply, record);
        },
      );
    },

    update() {
      const { update } = service;
      if (!update) throw missing('update');
      app.patch(
        `${path}/:id`,
        {
          config: { permission: permissions.update },
          schema: {
            params: IdParamsSchema,
            headers: IfMatchHeadersSchema,
            summary: summary('PATCH', `${path}/:id`, 'update'),
            body: schemas.update,
            response: { 200: schemas.record, ...errors },
          },
        },
        async (request, reply) => {
          const version = versionFromIfMatch(request.headers['if-match']);
          const record = await runWrite(prisma, request, reply, (tx) =>
            update(tx, actor(request), request.params.id, request.body, version),
          );
          return sendVersioned(reply, record);
        },
      );
    },

    remove() {
      const { remove } = service;
      if (!remove) throw missing('remove');
      app.delete(
        `${path}/:id`,
        {
          config: { permission: permissions.delete },
          schema: {
            summary: summary('DELETE', `${path}/:id`, 'remove'),
            params: IdParamsSchema,
            headers: IfMatchHeadersSchema,
            response: { 200: OkSchema, ...errors },
          },
        },
        async (request, reply) => {
          const version = versionFromIfMatch(request.headers['if-match']);
          const removal: Removal | undefined = await runWrite(prisma, request, reply, async (tx) => {
            const removed = await remove(tx, actor(request), request.params.id, version);
            return removed ?? undefined;
          });
          if (removal && spec.files) await releaseFiles(prisma, spec.files, removal);
          return { ok: true as const };
        },
      );
    },

    all() {
      for (const route of ROUTES) if (service[route] || (route === 'create' && service.prepareCreate)) routes[route]();
    },

    step(name, spec) {
      // Erased like the routes above: the interface checked run against the body and answer schemas.
      const step = spec as unknown as ErasedStep;
      const url = `${path}/:id/${name}`;
      const status = step.status ?? 200;
      const versionOf = step.version ?? ((answer) => answer.version);
      const response: { [status: number]: z.ZodType } = { [status]: step.response ?? schemas.record, ...errors };
      app.post(
        url,
        {
          config: { permission: step.permission },
          schema: {
            summary: summary('POST', url),
            params: IdParamsSchema,
            headers: StepHeadersSchema,
            body: step.body,
            response,
          },
        },
        async (request, reply) => {
          const version = versionFromIfMatch(request.headers['if-match']);
          const answer = await runWrite(
            prisma,
            request,
            reply,
            (tx) => step.run(tx, actor(request), request.params.id, request.body, version),
            { status },
          );
          return reply.header('etag', etagOf(versionOf(answer))).send(answer);
        },
      );
    },
  };
  return routes;
}

/** A route file that is the standard routes of one kind and nothing else. */
export function recordPlugin<
  Query extends z.ZodType,
  Page extends z.ZodType,
  Record extends z.ZodType,
  Create extends z.ZodType,
  Update extends z.ZodType,
>(
  spec: Omit<RecordRoutesSpec<Query, Page, Record, Create, Update>, 'prisma' | 'files'>,
): FastifyPluginAsyncZod<{ prisma: PrismaClient; files: FileStore }> {
  return async (app, { prisma, files }) => {
    recordRoutes(app, { ...spec, prisma, files }).all();
  };
}
