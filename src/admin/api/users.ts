// 用户管理: staff accounts (src/modules/orgs/api.ts, /api/users).
import type { z } from 'zod';
import type * as s from '../../modules/orgs/api.schemas.ts';
import { api, type Input } from './client.ts';

export type User = z.infer<typeof s.userView>;

export type UserQuery = Input<typeof s.userListQuery>;

export type UserCreateInput = z.input<typeof s.userCreateBody>;

/** `email: null` clears the address. */
export type UserUpdateInput = z.input<typeof s.userPatchBody>;

export function listUsers(query: UserQuery): Promise<z.infer<typeof s.userList>> {
  return api.get('/api/users', { ...query });
}

export function createUser(input: UserCreateInput): Promise<User> {
  return api.post('/api/users', input);
}

export function updateUser(id: number, input: UserUpdateInput): Promise<User> {
  return api.patch(`/api/users/${id}`, input);
}
