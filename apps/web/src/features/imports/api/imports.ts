// Reads and writes of 数据导入: the caller's imports, one import (polled while it is being checked
// or committed), uploading a file (with upload progress) and confirming an import. Templates and
// problem sheets are plain same-origin links, not fetches.

import type { Me } from '@dutyboard/contracts/auth';
import {
  IMPORT_KINDS,
  IMPORT_PERMISSIONS,
  IMPORT_POLL_MS,
  type ImportJob,
  type ImportJobList,
  ImportJobListSchema,
  ImportJobSchema,
  type ImportKind,
  importPaths,
  isImportPending,
} from '@dutyboard/contracts/imports';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { uploadFile } from '../../../lib/api-upload.ts';
import { can } from '../../../lib/auth.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** The kinds this user may import, in the page's order. */
export function importableKinds(me: Me): ImportKind[] {
  return IMPORT_KINDS.filter((kind) => can(me, IMPORT_PERMISSIONS[kind]));
}

export function importJobsQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.imports.list,
    queryFn: ({ signal }): Promise<ImportJobList> => api.get('/api/imports', { schema: ImportJobListSchema, signal }),
  });
}

export function useImportJobs() {
  return useQuery(importJobsQueryOptions());
}

export function importJobQueryOptions(id: string | null) {
  return queryOptions({
    queryKey: queryKeys.imports.detail(id ?? ''),
    queryFn: ({ signal }): Promise<ImportJob> =>
      api.get(importPaths.job(id ?? ''), { schema: ImportJobSchema, signal }),
    enabled: id !== null,
    // Asked again every IMPORT_POLL_MS while the file is being checked or written, then no more.
    refetchInterval: (query) => (query.state.data && isImportPending(query.state.data.state) ? IMPORT_POLL_MS : false),
  });
}

export function useImportJob(id: string | null) {
  return useQuery(importJobQueryOptions(id));
}

export interface UploadImportInput {
  kind: ImportKind;
  file: File;
  onProgress: (percent: number) => void;
}

export function useUploadImport() {
  const queryClient = useQueryClient();
  return useMutation({
    // No Idempotency-Key: the server hands back the pending import of the same file instead of
    // checking it twice, and refuses a file already imported.
    mutationFn: ({ kind, file, onProgress }: UploadImportInput) =>
      uploadFile(importPaths.upload(kind), {}, file, { onProgress, schema: ImportJobSchema }),
    onSuccess: (job) => {
      queryClient.setQueryData(queryKeys.imports.detail(job.id), job);
      return queryClient.invalidateQueries({ queryKey: queryKeys.imports.list });
    },
  });
}

export function useCommitImport() {
  const queryClient = useQueryClient();
  return useMutation({
    // A repeated commit answers the import as it stands and never writes twice.
    mutationFn: (id: string) => api.post(importPaths.commit(id), undefined, { schema: ImportJobSchema }),
    onSuccess: (job) => {
      queryClient.setQueryData(queryKeys.imports.detail(job.id), job);
      return queryClient.invalidateQueries({ queryKey: queryKeys.imports.list });
    },
  });
}

/**
 * Once an import is committed, every list and figure its records appear in is out of date: the
 * lists of the kind, and the dashboard counting them.
 */
export function invalidateImported(queryClient: ReturnType<typeof useQueryClient>, kind: ImportKind) {
  const keys: Record<ImportKind, readonly (readonly unknown[])[]> = {
    orgs: [queryKeys.orgs, queryKeys.dashboard.all],
    users: [queryKeys.users],
    activities: [queryKeys.activities.all, queryKeys.dashboard.all],
    'study-sessions': [queryKeys.studySessions.all, queryKeys.dashboard.all],
  };
  return Promise.all(keys[kind].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}
