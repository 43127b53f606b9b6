import { type LoginInput, type Me, MeSchema } from '@dutyboard/contracts/auth';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export function login(input: LoginInput): Promise<Me> {
  return api.post('/api/auth/login', input, { schema: MeSchema });
}

/** Signing in starts from an empty cache, so nothing of a previous user is shown. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => {
      queryClient.removeQueries();
      queryClient.setQueryData(queryKeys.me, me);
    },
  });
}
