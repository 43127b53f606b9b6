// The audit chain check (GET /api/audit/verify). It walks the whole trail, so it runs only when
// asked (the button), never on mount or window focus, and each press runs it again.
import { AuditVerifyResultSchema } from '@dutyboard/contracts/audit';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export function verifyAuditChain(signal?: AbortSignal) {
  return api.get('/api/audit/verify', { schema: AuditVerifyResultSchema, signal });
}

export function auditVerifyQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.audit.verify,
    queryFn: ({ signal }) => verifyAuditChain(signal),
    enabled: false,
    retry: false,
    staleTime: 0,
    gcTime: 0,
  });
}

/** Call `refetch()` to run the check; `data` keeps the last result while the page is open. */
export function useAuditVerify() {
  return useQuery(auditVerifyQueryOptions());
}
