// 报送 (ADR 047): mark a FINAL report sent (If-Match on the version, Idempotency-Key), and the
// lists of reports sent by an org's subtree or received by an org.
import { etagOf } from '@dutyboard/contracts/common';
import {
  type ListReportSubmissionsQuery,
  type ReportSubmission,
  type ReportSubmissionList,
  ReportSubmissionListSchema,
  ReportSubmissionSchema,
  type SubmitReportInput,
} from '@dutyboard/contracts/report-submissions';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export function getSubmissions(query: ListReportSubmissionsQuery, signal?: AbortSignal): Promise<ReportSubmissionList> {
  return api.get('/api/report-submissions', { query, schema: ReportSubmissionListSchema, signal });
}

export function submissionsQueryOptions(query: ListReportSubmissionsQuery) {
  return queryOptions({
    queryKey: [...queryKeys.reports.all, 'submissions', query] as const,
    queryFn: ({ signal }) => getSubmissions(query, signal),
  });
}

export function useSubmissions(query: ListReportSubmissionsQuery, enabled = true) {
  return useQuery({ ...submissionsQueryOptions(query), enabled });
}

export interface SubmitVars {
  id: string;
  version: number;
  input: SubmitReportInput;
  /** Idempotency-Key (useSubmissionKey: one per body). */
  key: string;
}

export function submitReport(vars: SubmitVars): Promise<ReportSubmission> {
  return api.post(`/api/reports/summaries/${vars.id}/submit`, vars.input, {
    schema: ReportSubmissionSchema,
    headers: { 'If-Match': etagOf(vars.version), 'Idempotency-Key': vars.key },
  });
}

export function useSubmitReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: submitReport,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.reports.all }),
  });
}
