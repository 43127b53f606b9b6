// Reads and writes of 目标设置: the target grid (org × figure) of a period and the frequency rules.
// Every write refreshes both, through queryKeys.targets.
import { etagOf, OkSchema } from '@dutyboard/contracts/common';
import {
  type CreateFrequencyRuleInput,
  type FrequencyRule,
  FrequencyRuleListSchema,
  FrequencyRuleSchema,
  type PutTargetInput,
  type TargetRow,
  TargetRowSchema,
  TargetsAnswerSchema,
} from '@dutyboard/contracts/plan';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export function getTargets(period: string, org: string | undefined, signal?: AbortSignal) {
  return api.get('/api/targets', { query: { period, org }, schema: TargetsAnswerSchema, signal });
}

export function targetsQueryOptions(period: string, org: string | undefined) {
  return queryOptions({
    queryKey: queryKeys.targets.grid(period, org),
    queryFn: ({ signal }) => getTargets(period, org, signal),
    placeholderData: keepPreviousData,
  });
}

export function useTargets(period: string, org: string | undefined) {
  return useQuery(targetsQueryOptions(period, org));
}

export function getRules(org: string | undefined, signal?: AbortSignal) {
  return api.get('/api/target-rules', { query: { org }, schema: FrequencyRuleListSchema, signal });
}

export function useRules(org: string | undefined) {
  return useQuery({
    queryKey: queryKeys.targets.rules(org),
    queryFn: ({ signal }) => getRules(org, signal),
  });
}

function useRefreshTargets() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.targets.all });
}

/** Sets a target; `version` (the target's, when one exists) makes a concurrent change a 412. */
export function putTarget(input: PutTargetInput, version: number | null): Promise<TargetRow> {
  return api.put('/api/targets', input, {
    schema: TargetRowSchema,
    headers: version === null ? {} : { 'If-Match': etagOf(version) },
  });
}

export function usePutTarget() {
  const refresh = useRefreshTargets();
  return useMutation({
    mutationFn: ({ input, version }: { input: PutTargetInput; version: number | null }) => putTarget(input, version),
    onSuccess: refresh,
  });
}

export function useDeleteTarget() {
  const refresh = useRefreshTargets();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      api.delete(`/api/targets/${encodeURIComponent(id)}`, {
        schema: OkSchema,
        headers: { 'If-Match': etagOf(version) },
      }),
    onSuccess: refresh,
  });
}

export function useCreateRule() {
  const refresh = useRefreshTargets();
  return useMutation({
    mutationFn: ({ input, key }: { input: CreateFrequencyRuleInput; key: string }): Promise<FrequencyRule> =>
      api.post('/api/target-rules', input, { schema: FrequencyRuleSchema, headers: { 'Idempotency-Key': key } }),
    onSuccess: refresh,
  });
}

export function useDeleteRule() {
  const refresh = useRefreshTargets();
  return useMutation({
    mutationFn: (rule: FrequencyRule) =>
      api.delete(`/api/target-rules/${encodeURIComponent(rule.id)}`, {
        schema: OkSchema,
        headers: { 'If-Match': etagOf(rule.version) },
      }),
    onSuccess: refresh,
  });
}
