// Reads and writes of 证据包: the caller's packs (polled while one is being made) and asking for a
// new one. The zip itself is a plain same-origin link (downloadUrl), not a fetch.
import {
  type CreateEvidencePackInput,
  EVIDENCE_PACK_POLL_MS,
  type EvidencePack,
  type EvidencePackList,
  EvidencePackListSchema,
  EvidencePackSchema,
} from '@dutyboard/contracts/evidence-packs';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export function isPackPending(pack: EvidencePack): boolean {
  return pack.state === 'QUEUED' || pack.state === 'RUNNING';
}

export function getEvidencePacks(signal?: AbortSignal): Promise<EvidencePackList> {
  return api.get('/api/evidence-packs', { schema: EvidencePackListSchema, signal });
}

export function evidencePacksQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.evidencePacks.list,
    queryFn: ({ signal }) => getEvidencePacks(signal),
    // Asked again every EVIDENCE_PACK_POLL_MS while a pack is being made, then no more.
    refetchInterval: (query) => (query.state.data?.items.some(isPackPending) ? EVIDENCE_PACK_POLL_MS : false),
  });
}

export function useEvidencePacks() {
  return useQuery(evidencePacksQueryOptions());
}

export function createEvidencePack(input: CreateEvidencePackInput): Promise<EvidencePack> {
  return api.post('/api/evidence-packs', input, { schema: EvidencePackSchema });
}

export function useCreateEvidencePack() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createEvidencePack,
    // Shown at once; being QUEUED it makes the list poll, which brings its progress.
    onSuccess: (pack) => {
      queryClient.setQueryData<EvidencePackList>(queryKeys.evidencePacks.list, (old) =>
        old ? { items: [pack, ...old.items.filter((p) => p.id !== pack.id)] } : { items: [pack] },
      );
    },
  });
}
