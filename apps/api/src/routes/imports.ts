// 数据导入 (Excel): templates, upload (202, checked in the background), progress and problems,
// commit (202, written in the background, all or nothing). Which kind a user may import is the
// permission that creates such a record (IMPORT_PERMISSIONS), checked by the service for the
// kind asked for, so the routes are open to any signed-in user and refuse the rest with 403.
import path from 'node:path';
import { IdempotencyHeadersSchema, IdParamsSchema } from '@dutyboard/contracts/common';
import { EXPORT_CONTENT_TYPES } from '@dutyboard/contracts/exports';
import {
  CreateImportQuerySchema,
  IMPORT_MAX_BYTES,
  IMPORT_ORG_CHOICES_MAX,
  IMPORT_TITLES,
  ImportJobListSchema,
  ImportJobSchema,
  ImportKindParamsSchema,
  importPaths,
} from '@dutyboard/contracts/imports';
import type { PrismaClient } from '@dutyboard/db/client';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../config.ts';
import { AppError, fieldIssue, validationError } from '../errors/app-error.ts';
import { actor } from '../plugins/auth.ts';
import {
  assertCanImport,
  getImportJob,
  importProblems,
  listImportJobs,
  type StoredUpload,
  storeUpload,
} from '../services/imports/jobs.ts';
import { IMPORT_SPECS } from '../services/imports/kinds.ts';
import { defineImportJobs, startCommit, startImport } from '../services/imports/run.ts';
import { loadLookups, reachableOrgChoices } from '../services/imports/spec.ts';
import { templateFileName, writeProblems, writeTemplate } from '../services/imports/template.ts';
import type { Jobs } from '../services/jobs/jobs.ts';
import { errorResponses } from './responses.ts';

export interface ImportRoutesOptions {
  prisma: PrismaClient;
  config: Config;
  jobs: Jobs;
}

const XLSX = EXPORT_CONTENT_TYPES.xlsx;
const FileSchema = z.any().describe('xlsx 工作簿');

/** `attachment` with an ASCII name for old clients and the Chinese one (RFC 6266 / 5987). */
function disposition(ascii: string, chinese: string): string {
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(chinese)}`;
}

export const importRoutes: FastifyPluginAsyncZod<ImportRoutesOptions> = async (app, { prisma, config, jobs }) => {
  const dataDir = path.resolve(config.DATA_DIR);
  // Checks and commits run in this process's jobs (services/jobs: owner, heartbeat, recovery,
  // shutdown); imports add their files to its recovery and start-up sweeps.
  const deps = { prisma, dataDir, log: app.log, jobs };
  defineImportJobs(deps);
  await app.register(fastifyMultipart, {
    limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 2, fieldSize: 200, parts: 3 },
  });

  app.get(
    '/api/imports/templates/:kind',
    {
      config: { permission: 'SIGNED_IN' },
      schema: {
        summary: '下载导入模板（xlsx）',
        params: ImportKindParamsSchema,
        response: { 200: FileSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { kind } = request.params;
      const user = actor(request);
      assertCanImport(user, kind);
      const name = templateFileName(kind);
      const orgChoices = IMPORT_SPECS[kind].columns.some((column) => column.reachableOrgs)
        ? reachableOrgChoices(await loadLookups(prisma), user, IMPORT_ORG_CHOICES_MAX)
        : undefined;
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', disposition(name.ascii, name.chinese))
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(await writeTemplate(kind, { orgChoices }));
    },
  );

  // multipart/form-data with one part named "file" (the .xlsx); the kind in the query.
  app.post(
    '/api/imports',
    {
      config: { permission: 'SIGNED_IN', throttled: true },
      schema: {
        summary: '上传 Excel 文件并开始校验（202）',
        querystring: CreateImportQuerySchema,
        headers: IdempotencyHeadersSchema,
        response: { 202: ImportJobSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = actor(request);
      const { kind } = request.query;
      // Refused before a byte of the file is read.
      assertCanImport(user, kind);
      if (!request.isMultipart()) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', { key: 'request.multipartOnly' });
      }
      let upload: StoredUpload | undefined;
      for await (const part of request.parts()) {
        if (part.type !== 'file') continue;
        if (part.fieldname !== 'file' || upload) {
          throw validationError([fieldIssue(part.fieldname, 'unrecognized_keys', { key: 'request.fileFieldName' })]);
        }
        upload = await storeUpload(dataDir, part.file, part.filename);
      }
      if (!upload) throw validationError([fieldIssue('file', 'invalid_type', { key: 'import.chooseFile' })]);
      const job = await startImport(deps, user, kind, upload);
      return reply.status(202).header('location', importPaths.job(job.id)).send(job);
    },
  );

  app.get(
    '/api/imports',
    {
      config: { permission: 'SIGNED_IN' },
      schema: { summary: '我的导入记录', response: { 200: ImportJobListSchema, ...errorResponses } },
    },
    async (request) => listImportJobs(prisma, actor(request)),
  );

  app.get(
    '/api/imports/:id',
    {
      config: { permission: 'SIGNED_IN' },
      schema: {
        summary: '导入进度与问题',
        params: IdParamsSchema,
        response: { 200: ImportJobSchema, ...errorResponses },
      },
    },
    async (request) => getImportJob(prisma, actor(request), request.params.id),
  );

  app.get(
    '/api/imports/:id/problems.xlsx',
    {
      config: { permission: 'SIGNED_IN' },
      schema: {
        summary: '下载问题清单（xlsx）',
        params: IdParamsSchema,
        response: { 200: FileSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = actor(request);
      const job = await getImportJob(prisma, user, request.params.id);
      const problems = await importProblems(prisma, user, request.params.id);
      const title = `${IMPORT_TITLES[job.kind]}导入问题清单.xlsx`;
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', disposition(`import-problems-${job.kind}.xlsx`, title))
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(await writeProblems(problems));
    },
  );

  app.post(
    '/api/imports/:id/commit',
    {
      config: { permission: 'SIGNED_IN', throttled: true },
      schema: {
        summary: '确认导入（202，全部写入或全部不写入）',
        params: IdParamsSchema,
        headers: IdempotencyHeadersSchema,
        response: { 202: ImportJobSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const job = await startCommit(deps, actor(request), request.params.id);
      return reply.status(202).header('location', importPaths.job(job.id)).send(job);
    },
  );
};
