// The alerts (舆情) the form may link a rectification to: the caller's most recent ones, read
// through the risk-alert list itself, so the choice is exactly what the API lets them reach.
import { RiskAlertPageSchema, RiskAlertSchema } from '@dutyboard/contracts/risk-alerts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** The newest alerts offered; an older one stays selectable when it is already linked. */
export const ALERT_CHOICES_LIMIT = 100;

export function getAlertChoices(signal?: AbortSignal) {
  return api.get('/api/risk-alerts', {
    query: { sort: '-registeredAt', limit: ALERT_CHOICES_LIMIT },
    schema: RiskAlertPageSchema,
    signal,
  });
}

export function alertChoicesQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.rectifications.alertChoices,
    queryFn: ({ signal }) => getAlertChoices(signal),
    select: (page) => page.items,
    staleTime: 60_000,
  });
}

export function useAlertChoices(enabled: boolean) {
  return useQuery({ ...alertChoicesQueryOptions(), enabled });
}

/** One alert by id, for a linked alert that is not among the newest offered. */
export function useAlertChoice(id: string | null | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...queryKeys.rectifications.alertChoices, id] as const,
    queryFn: ({ signal }) =>
      api.get(`/api/risk-alerts/${encodeURIComponent(id ?? '')}`, { schema: RiskAlertSchema, signal }),
    enabled: enabled && Boolean(id),
    staleTime: 60_000,
  });
}
