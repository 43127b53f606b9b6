// 我的登录会话: my sessions, end one, end all others (GET/DELETE /api/auth/sessions…).

import { type ChangePasswordInput, SessionListSchema, SessionsEndedSchema } from '@dutyboard/contracts/auth';
import { OkSchema } from '@dutyboard/contracts/common';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export function sessionsQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.sessions,
    queryFn: () => api.get('/api/auth/sessions', { schema: SessionListSchema }),
  });
}

export function useMySessions() {
  return useQuery(sessionsQueryOptions());
}

export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/auth/sessions/${encodeURIComponent(id)}`, { schema: OkSchema }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.sessions }),
  });
}

export function useEndOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/auth/sessions/sign-out-others', undefined, { schema: SessionsEndedSchema }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.sessions }),
  });
}

/** 修改密码: the other sessions end, so the list is read again. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChangePasswordInput) => api.post('/api/auth/password', input, { schema: SessionsEndedSchema }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.sessions }),
  });
}
