// 用户管理: staff accounts (src/modules/orgs/api.ts, /api/users).
import type { z } from 'zod';
import type * as s from '../../modules/orgs/api.schemas.ts';
import type { Role } from '../../platform/roles.ts';
import { api } from './client.ts';

export type User = z.infer<typeof s.userView>;

export interface UserQuery {
  orgId?: number;
  q?: string;
  page: number;
  pageSize: number;
}

export interface UserCreateInput {
  username: string;
  displayName: string;
  role: Role;
  orgId: number;
  password: string;
  email?: string | null;
}

export interface UserUpdateInput {
  displayName?: string;
  role?: Role;
  orgId?: number;
  disabled?: boolean;
  password?: string;
  /** null clears the address. */
  email?: string | null;
}

export function listUsers(query: UserQuery): Promise<z.infer<typeof s.userList>> {
  return api.get('/api/users', { ...query });
}

export function createUser(input: UserCreateInput): Promise<User> {
  return api.post('/api/users', input);
}

export function updateUser(id: number, input: UserUpdateInput): Promise<User> {
  return api.patch(`/api/users/${id}`, input);
}
