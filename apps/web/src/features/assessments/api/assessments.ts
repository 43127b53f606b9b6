// Reads and writes of 考核 (ADR 041): the campaigns of the caller's org, one campaign's returns,
// one return, and its saves and steps, each naming the version it was read at (If-Match).
import {
  type AssessmentReturn,
  AssessmentReturnSchema,
  CampaignListSchema,
  CampaignSchema,
  type ReturnStepInput,
  type SaveReviewInput,
  type SaveSelfInput,
} from '@dutyboard/contracts/assessment-campaigns';
import { CampaignResultsSchema, ScorecardSchema } from '@dutyboard/contracts/assessment-results';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

const KEY = ['assessments'] as const;

export function useCampaigns() {
  return useQuery({
    queryKey: [...KEY, 'campaigns'],
    queryFn: ({ signal }) => api.get('/api/assessment-campaigns', { schema: CampaignListSchema, signal }),
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
