import { type UserList, UserListSchema } from '@dutyboard/contracts/users';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export function getUsers(signal?: AbortSignal): Promise<UserList> {
  return api.get('/api/users', { schema: UserListSchema, signal });
}

export function usersQueryOptions() {
  return queryOptions({ queryKey: queryKeys.users, queryFn: ({ signal }) => getUsers(signal) });
}

export function useUsers(options: { enabled?: boolean } = {}) {
  return useQuery({ ...usersQueryOptions(), enabled: options.enabled ?? true });
}
