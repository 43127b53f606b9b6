// Reads and writes of 考核 (ADR 041): the campaigns of the caller's org, one campaign's returns,
// one return, and its saves and steps, each naming the version it was read at (If-Match).
import {
  type AssessmentReturn,
  AssessmentReturnSchema,
  CampaignListSchema,
  CampaignSchema,
  ItemEvidenceSchema,
  type OpenCampaignInput,
  type ReturnStepInput,
  type SaveReviewInput,
  type SaveSelfInput,
} from '@dutyboard/contracts/assessment-campaigns';
import { CampaignResultsSchema, ScorecardSchema } from '@dutyboard/contracts/assessment-results';
import { SchemeListSchema } from '@dutyboard/contracts/assessments';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

const KEY = ['assessments'] as const;

export function useCampaigns() {
  return useQuery({
    queryKey: [...KEY, 'campaigns'],
    queryFn: ({ signal }) => api.get('/api/assessment-campaigns', { schema: CampaignListSchema, signal }),
  });
}

/** The schemes of an org (and above it) for a period: the 发起考核 form offers the org's own. */
export function useSchemes(org: string, period: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'schemes', org, period],
    enabled: period !== undefined,
    queryFn: ({ signal }) =>
      api.get('/api/assessment-schemes', { schema: SchemeListSchema, query: { org, period }, signal }),
  });
}

/** Opens a campaign; the list is read again. */
export function useOpenCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: OpenCampaignInput; key: string }) =>
      api.post('/api/assessment-campaigns', body, { schema: CampaignSchema, headers: { 'Idempotency-Key': key } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

/** The 自评 picker of one item: the records of its drill for the unit and their stored files. */
export function useItemEvidence(returnId: string, key: string, enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'evidence', returnId, key],
    enabled,
    queryFn: ({ signal }) =>
      api.get(`/api/assessment-returns/${returnId}/items/${encodeURIComponent(key)}/evidence`, {
        schema: ItemEvidenceSchema,
        signal,
      }),
  });
}

export function useCampaign(id: string) {
  return useQuery({
    queryKey: [...KEY, 'campaign', id],
    queryFn: ({ signal }) => api.get(`/api/assessment-campaigns/${id}`, { schema: CampaignSchema, signal }),
  });
}

export function useAssessmentReturn(id: string) {
  return useQuery({
    queryKey: [...KEY, 'return', id],
    queryFn: ({ signal }) => api.get(`/api/assessment-returns/${id}`, { schema: AssessmentReturnSchema, signal }),
  });
}

type Write =
  | { what: 'self'; body: SaveSelfInput }
  | { what: 'review'; body: SaveReviewInput }
  | { what: 'steps'; body: ReturnStepInput };

/** One save or step on a return at the version shown; the answer replaces the cached return. */
export function useReturnWrite(current: AssessmentReturn | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (w: Write) => {
      if (!current) throw new Error('no return loaded');
      const url = `/api/assessment-returns/${current.id}/${w.what}`;
      const options = { schema: AssessmentReturnSchema, headers: { 'If-Match': `"${current.version}"` } };
      return w.what === 'steps' ? api.post(url, w.body, options) : api.put(url, w.body, options);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData([...KEY, 'return', saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: [...KEY, 'campaign', saved.campaignId] });
    },
  });
}

/** 考核结果 (ADR 042): the ranking of a campaign, and one unit's scorecard. */
export function useCampaignResults(id: string) {
  return useQuery({
    queryKey: [...KEY, 'campaign', id, 'results'],
    queryFn: ({ signal }) =>
      api.get(`/api/assessment-campaigns/${id}/results`, { schema: CampaignResultsSchema, signal }),
  });
}

export function useScorecard(id: string) {
  return useQuery({
    queryKey: [...KEY, 'return', id, 'scorecard'],
    queryFn: ({ signal }) => api.get(`/api/assessment-returns/${id}/scorecard`, { schema: ScorecardSchema, signal }),
  });
}

export const resultsXlsxHref = (id: string) => `/api/assessment-campaigns/${id}/results.xlsx`;
export const noticeDocxHref = (id: string) => `/api/assessment-campaigns/${id}/notice.docx`;
