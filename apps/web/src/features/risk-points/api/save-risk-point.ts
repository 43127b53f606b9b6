// Create, update, delete and record a check. Each success refreshes every risk-point list, the
// record's history, the header's notifications (a check moves the due date) and the dashboard.
import { etagOf, OkSchema } from '@dutyboard/contracts/common';
import {
  type CreateRiskPointCheckInput,
  type CreateRiskPointInput,
  type RecordRiskPointCheckResult,
  RecordRiskPointCheckResultSchema,
  type RiskPoint,
  RiskPointSchema,
  type UpdateRiskPointInput,
} from '@dutyboard/contracts/risk-points';
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/**
 * `idempotencyKey` names this one submission: a retry of the same values (a double tap, a lost
 * answer on a weak connection) sends the same key and gets the first answer back, not a second.
 */
export function createRiskPoint(input: CreateRiskPointInput, idempotencyKey: string): Promise<RiskPoint> {
  return api.post('/api/risk-points', input, {
    schema: RiskPointSchema,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

// `version` is the record's version as loaded: the server refuses the change with 412
// PRECONDITION_FAILED when someone else changed the record since.
export function updateRiskPoint(id: string, version: number, input: UpdateRiskPointInput): Promise<RiskPoint> {
  return api.patch(`/api/risk-points/${encodeURIComponent(id)}`, input, {
    schema: RiskPointSchema,
    headers: { 'If-Match': etagOf(version) },
  });
}

export function deleteRiskPoint(id: string, version: number): Promise<unknown> {
  return api.delete(`/api/risk-points/${encodeURIComponent(id)}`, {
    schema: OkSchema,
    headers: { 'If-Match': etagOf(version) },
  });
}

/**
 * Sent without If-Match on purpose: a check is an observation added to the point, not an edit of
 * what someone else may have just changed, and the server keeps the later of two check times.
 */
export function recordRiskPointCheck(
  id: string,
  input: CreateRiskPointCheckInput,
  idempotencyKey: string,
): Promise<RecordRiskPointCheckResult> {
  return api.post(`/api/risk-points/${encodeURIComponent(id)}/checks`, input, {
    schema: RecordRiskPointCheckResultSchema,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

/** A content update of the 阵地 published at `updatedAt` (ADR 049); on the version the reader saw. */
export function recordPositionUpdate(id: string, version: number, updatedAt: string): Promise<RiskPoint> {
  return api.post(
    `/api/risk-points/${encodeURIComponent(id)}/updates`,
    { updatedAt },
    { schema: RiskPointSchema, headers: { 'If-Match': etagOf(version) } },
  );
}

export function useRecordPositionUpdate(id: string, version: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => recordPositionUpdate(id, version, new Date().toISOString()),
    onSuccess: async (point) => {
      queryClient.setQueryData(queryKeys.riskPoints.detail(point.id), point);
      await refreshAfterChange(queryClient, point.id);
    },
  });
}

async function refreshAfterChange(queryClient: QueryClient, id: string) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.riskPoints.lists }),
    // The checks list shows each point's name and goes with a deleted point.
    queryClient.invalidateQueries({ queryKey: queryKeys.riskPoints.checkLists }),
    queryClient.invalidateQueries({ queryKey: queryKeys.history.detail('RiskPoint', id) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.notifications }),
    queryClient.invalidateQueries({ queryKey: queryKeys.dashboard.all }),
  ]);
}

export function useCreateRiskPoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: CreateRiskPointInput; idempotencyKey: string }) =>
      createRiskPoint(input, idempotencyKey),
    onSuccess: async (point) => {
      queryClient.setQueryData(queryKeys.riskPoints.detail(point.id), point);
      await refreshAfterChange(queryClient, point.id);
    },
  });
}

export function useUpdateRiskPoint(id: string, version: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateRiskPointInput) => updateRiskPoint(id, version, input),
    onSuccess: async (point) => {
      queryClient.setQueryData(queryKeys.riskPoints.detail(point.id), point);
      await refreshAfterChange(queryClient, point.id);
    },
  });
}

export function useDeleteRiskPoint(id: string, version: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteRiskPoint(id, version),
    onSuccess: async () => {
      // Marked stale, not removed: the detail page still shows it while navigating away.
      await queryClient.invalidateQueries({ queryKey: queryKeys.riskPoints.detail(id), refetchType: 'none' });
      await refreshAfterChange(queryClient, id);
    },
  });
}

export function useRecordRiskPointCheck(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: CreateRiskPointCheckInput; idempotencyKey: string }) =>
      recordRiskPointCheck(id, input, idempotencyKey),
    onSuccess: async (result) => {
      queryClient.setQueryData(queryKeys.riskPoints.detail(id), result.riskPoint);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.riskPoints.checks(id) }),
        refreshAfterChange(queryClient, id),
      ]);
    },
  });
}
