// Register, edit, delete and the workflow steps. Each success refreshes every alert list, the
// alert's history, the header's reminders and the dashboard figures through the shared query keys.
import { etagOf, OkSchema } from '@dutyboard/contracts/common';
import {
  type CorrectRiskAlertInput,
  type CreateRiskAlertInput,
  type RiskAlertDetail,
  RiskAlertDetailSchema,
  type TransitionRiskAlertInput,
  type UpdateRiskAlertInput,
} from '@dutyboard/contracts/risk-alerts';
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

const path = (id: string) => `/api/risk-alerts/${encodeURIComponent(id)}`;

/**
 * `idempotencyKey` names this one submission: a retry of the same values (a double tap, a lost
 * answer on a weak connection) sends the same key and gets the first alert back, not a second.
 */
export function createRiskAlert(input: CreateRiskAlertInput, idempotencyKey: string): Promise<RiskAlertDetail> {
  return api.post('/api/risk-alerts', input, {
    schema: RiskAlertDetailSchema,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

// `version` is the alert's version as loaded: the server refuses the change with 412
// PRECONDITION_FAILED when someone else changed it since (another step, an edit).
export function updateRiskAlert(id: string, version: number, input: UpdateRiskAlertInput): Promise<RiskAlertDetail> {
  return api.patch(path(id), input, { schema: RiskAlertDetailSchema, headers: { 'If-Match': etagOf(version) } });
}

export function deleteRiskAlert(id: string, version: number): Promise<unknown> {
  return api.delete(path(id), { schema: OkSchema, headers: { 'If-Match': etagOf(version) } });
}

/**
 * A workflow step (`transitions`) or a 更正 (`corrections`, leadership, past 登记): POSTed with the
 * version as loaded and a key naming this one submission.
 */
function postAlertStep<I>(
  action: 'transitions' | 'corrections',
  id: string,
  version: number,
  input: I,
  idempotencyKey: string,
): Promise<RiskAlertDetail> {
  return api.post(`${path(id)}/${action}`, input, {
    schema: RiskAlertDetailSchema,
    headers: { 'If-Match': etagOf(version), 'Idempotency-Key': idempotencyKey },
  });
}

export function correctRiskAlert(
  id: string,
  version: number,
  input: CorrectRiskAlertInput,
  idempotencyKey: string,
): Promise<RiskAlertDetail> {
  return api.post(`${path(id)}/corrections`, input, {
    schema: RiskAlertDetailSchema,
    headers: { 'If-Match': etagOf(version), 'Idempotency-Key': idempotencyKey },
  });
}

async function refreshAfterChange(queryClient: QueryClient, id: string) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.riskAlerts.lists }),
    queryClient.invalidateQueries({ queryKey: queryKeys.history.detail('RiskAlert', id) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.notifications }),
    queryClient.invalidateQueries({ queryKey: queryKeys.dashboard.all }),
  ]);
}

export function useCreateRiskAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: CreateRiskAlertInput; idempotencyKey: string }) =>
      createRiskAlert(input, idempotencyKey),
    onSuccess: async (alert) => {
      queryClient.setQueryData(queryKeys.riskAlerts.detail(alert.id), alert);
      await refreshAfterChange(queryClient, alert.id);
    },
  });
}

export function useUpdateRiskAlert(id: string, version: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateRiskAlertInput) => updateRiskAlert(id, version, input),
    onSuccess: async (alert) => {
      queryClient.setQueryData(queryKeys.riskAlerts.detail(alert.id), alert);
      await refreshAfterChange(queryClient, alert.id);
    },
  });
}

export function useDeleteRiskAlert(id: string, version: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteRiskAlert(id, version),
    onSuccess: async () => {
      // Marked stale, not removed: the detail page still shows it while navigating away.
      await queryClient.invalidateQueries({ queryKey: queryKeys.riskAlerts.detail(id), refetchType: 'none' });
      await refreshAfterChange(queryClient, id);
    },
  });
}

/**
 * A step or a correction; on 409/412 someone else moved or changed the alert meanwhile, so the
 * page is refetched and shows the steps possible now.
 */
function useAlertStep<I>(action: 'transitions' | 'corrections', id: string, version: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: I; idempotencyKey: string }) =>
      postAlertStep(action, id, version, input, idempotencyKey),
    onSuccess: async (alert) => {
      queryClient.setQueryData(queryKeys.riskAlerts.detail(alert.id), alert);
      await refreshAfterChange(queryClient, alert.id);
    },
    onError: async (error) => {
      if (isApiError(error) && (error.status === 409 || error.status === 412)) {
        await queryClient.invalidateQueries({ queryKey: queryKeys.riskAlerts.detail(id) });
      }
    },
  });
}

export const useTransitionRiskAlert = (id: string, version: number) =>
  useAlertStep<TransitionRiskAlertInput>('transitions', id, version);

/** 更正 (leadership) of an alert past 登记: org, level or registration time, with a reason. */
export const useCorrectRiskAlert = (id: string, version: number) =>
  useAlertStep<CorrectRiskAlertInput>('corrections', id, version);
