import { RiskAlertDetailSchema } from '@dutyboard/contracts/risk-alerts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** One alert with its timeline (events oldest first). */
export function getRiskAlert(id: string, signal?: AbortSignal) {
  return api.get(`/api/risk-alerts/${encodeURIComponent(id)}`, { schema: RiskAlertDetailSchema, signal });
}

export function riskAlertQueryOptions(id: string) {
  return queryOptions({
    queryKey: queryKeys.riskAlerts.detail(id),
    queryFn: ({ signal }) => getRiskAlert(id, signal),
  });
}

export function useRiskAlert(id: string) {
  return useQuery(riskAlertQueryOptions(id));
}
