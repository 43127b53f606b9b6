// Duty rules (ADR 045, /api/duty-rules): read by every role within reach, written by leadership
// (plan:manage) with If-Match. A write refreshes the calendars (queryKeys.duties.all), whose lines
// say which rule decides.
import { etagOf, OkSchema } from '@dutyboard/contracts/common';
import {
  type CreateDutyRuleInput,
  type DutyRule,
  DutyRuleListSchema,
  DutyRuleSchema,
  type UpdateDutyRuleInput,
} from '@dutyboard/contracts/duties';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

const path = (id: string) => `/api/duty-rules/${encodeURIComponent(id)}`;

export function useDutyRules(org: string) {
  return useQuery({
    queryKey: queryKeys.duties.rules(org),
    queryFn: ({ signal }) => api.get('/api/duty-rules', { query: { org }, schema: DutyRuleListSchema, signal }),
  });
}

function useRefreshDuties() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.duties.all });
}

export function useCreateDutyRule() {
  const refresh = useRefreshDuties();
  return useMutation({
    mutationFn: ({ input, key }: { input: CreateDutyRuleInput; key: string }) =>
      api.post('/api/duty-rules', input, { schema: DutyRuleSchema, headers: { 'Idempotency-Key': key } }),
    onSuccess: refresh,
  });
}

export function useUpdateDutyRule() {
  const refresh = useRefreshDuties();
  return useMutation({
    mutationFn: ({ rule, input }: { rule: DutyRule; input: UpdateDutyRuleInput }) =>
      api.patch(path(rule.id), input, { schema: DutyRuleSchema, headers: { 'If-Match': etagOf(rule.version) } }),
    onSuccess: refresh,
  });
}

export function useDeleteDutyRule() {
  const refresh = useRefreshDuties();
  return useMutation({
    mutationFn: (rule: DutyRule) =>
      api.delete(path(rule.id), { schema: OkSchema, headers: { 'If-Match': etagOf(rule.version) } }),
    onSuccess: refresh,
  });
}
