// Create and change users. Each success refreshes the user list; a change to the signed-in
// admin's own account also refreshes `me` (name and org in the header, or a session the new
// password ended, which sends them to sign in).
import { type CreateUserInput, type UpdateUserInput, type User, UserSchema } from '@dutyboard/contracts/users';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { queryKeys } from '../../../lib/query-keys.ts';

export function createUser(input: CreateUserInput): Promise<User> {
  return api.post('/api/users', input, { schema: UserSchema });
}

export function updateUser(id: string, input: UpdateUserInput): Promise<User> {
  return api.patch(`/api/users/${encodeURIComponent(id)}`, input, { schema: UserSchema });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.users }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  const me = useCurrentUser();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateUserInput }) => updateUser(id, input),
    onSuccess: async (user) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.users }),
        user.id === me.id ? queryClient.invalidateQueries({ queryKey: queryKeys.me }) : undefined,
      ]);
    },
  });
}
