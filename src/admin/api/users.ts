import type { Role } from './auth.ts';
import { api, type ListResult } from './client.ts';

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  orgId: number;
  orgName: string;
  disabled: boolean;
  lastLoginAt: string | null;
  /** Where notifications are e-mailed; optional. */
  email?: string | null;
}

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

export function listUsers(query: UserQuery): Promise<ListResult<User>> {
  return api.get('/api/users', { ...query });
}

export function createUser(input: UserCreateInput): Promise<User> {
  return api.post('/api/users', input);
}

export function updateUser(id: number, input: UserUpdateInput): Promise<User> {
  return api.patch(`/api/users/${id}`, input);
}
