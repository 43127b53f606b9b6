// Reads and writes of 工作总结: generate a draft (not saved), the saved versions of a period and
// org, one saved version, save a new version (Idempotency-Key), save changes to a draft version,
// 定稿 it or delete it (If-Match → 412 when someone else changed it meanwhile). Exports are plain
// same-origin links (docx, print view).
import { etagOf, OkSchema } from '@dutyboard/contracts/common';
import type { ReportKind } from '@dutyboard/contracts/report-kinds';
import {
  type GeneratedSummary,
  GeneratedSummarySchema,
  type SavedSummary,
  type SavedSummaryList,
  SavedSummaryListSchema,
  SavedSummarySchema,
  type SummaryContent,
  type SummaryRequest,
} from '@dutyboard/contracts/reports';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, toSearchParams } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export function generateSummary(request: SummaryRequest): Promise<GeneratedSummary> {
  return api.post('/api/reports/summary', request, { schema: GeneratedSummarySchema });
}

export function useGenerateSummary() {
  return useMutation({ mutationFn: generateSummary });
}

export function getSavedSummaries(
  kind: ReportKind,
  period: string,
  org: string,
  signal?: AbortSignal,
): Promise<SavedSummaryList> {
  return api.get('/api/reports/summaries', { query: { kind, period, org }, schema: SavedSummaryListSchema, signal });
}

export function savedSummariesQueryOptions(kind: ReportKind, period: string, org: string) {
  return queryOptions({
    queryKey: queryKeys.reports.summaries(`${kind}:${period}`, org),
    queryFn: ({ signal }) => getSavedSummaries(kind, period, org, signal),
  });
}

export function useSavedSummaries(kind: ReportKind, period: string, org: string) {
  return useQuery(savedSummariesQueryOptions(kind, period, org));
}

export function getSavedSummary(id: string, signal?: AbortSignal): Promise<SavedSummary> {
  return api.get(`/api/reports/summaries/${id}`, { schema: SavedSummarySchema, signal });
}

export function savedSummaryQueryOptions(id: string) {
  return queryOptions({
    queryKey: queryKeys.reports.summary(id),
    queryFn: ({ signal }) => getSavedSummary(id, signal),
  });
}

export function useSavedSummary(id: string | undefined) {
  return useQuery({ ...savedSummaryQueryOptions(id ?? ''), enabled: Boolean(id) });
}

export interface SaveSummaryVars {
  /** The saved draft being changed, with the version it was loaded at; none for a new one. */
  saved: { id: string; version: number } | null;
  kind: ReportKind;
  period: string;
  org: string;
  content: SummaryContent;
  /** Idempotency-Key of a new draft (useSubmissionKey: one per body). */
  key: string;
}

export function saveSummary(vars: SaveSummaryVars): Promise<SavedSummary> {
  if (vars.saved) {
    return api.patch(
      `/api/reports/summaries/${vars.saved.id}`,
      { content: vars.content },
      { schema: SavedSummarySchema, headers: { 'If-Match': etagOf(vars.saved.version) } },
    );
  }
  return api.post(
    '/api/reports/summaries',
    { kind: vars.kind, period: vars.period, org: vars.org, content: vars.content },
    { schema: SavedSummarySchema, headers: { 'Idempotency-Key': vars.key } },
  );
}

export function useSaveSummary() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveSummary,
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.reports.summary(saved.id), saved);
      return queryClient.invalidateQueries({ queryKey: queryKeys.reports.all });
    },
  });
}

/** A saved version named by its id and the row version it was loaded at (If-Match). */
export interface SavedRef {
  id: string;
  version: number;
}

export function finalizeSummary(ref: SavedRef): Promise<SavedSummary> {
  return api.post(`/api/reports/summaries/${ref.id}/finalize`, undefined, {
    schema: SavedSummarySchema,
    headers: { 'If-Match': etagOf(ref.version) },
  });
}

export function useFinalizeSummary() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: finalizeSummary,
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.reports.summary(saved.id), saved);
      return queryClient.invalidateQueries({ queryKey: queryKeys.reports.all });
    },
  });
}

export function deleteSummary(ref: SavedRef): Promise<unknown> {
  return api.delete(`/api/reports/summaries/${ref.id}`, {
    schema: OkSchema,
    headers: { 'If-Match': etagOf(ref.version) },
  });
}

export function useDeleteSummary() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteSummary,
    onSuccess: (_, ref) => {
      queryClient.removeQueries({ queryKey: queryKeys.reports.summary(ref.id) });
      return queryClient.invalidateQueries({ queryKey: queryKeys.reports.all });
    },
  });
}

/** The Word file and the print view: of a saved draft, or freshly generated for period and org. */
export function exportUrls(target: { id: string } | SummaryRequest): { docx: string; print: string } {
  if ('id' in target) {
    return { docx: `/api/reports/summaries/${target.id}/docx`, print: `/api/reports/summaries/${target.id}/print` };
  }
  const search = toSearchParams({ kind: target.kind, period: target.period, org: target.org }).toString();
  return { docx: `/api/reports/summary.docx?${search}`, print: `/api/reports/summary/print?${search}` };
}
