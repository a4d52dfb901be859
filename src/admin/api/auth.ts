import { api } from './client.ts';

export type Role = 'admin' | 'office' | 'handler' | 'reviewer' | 'approver';

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  orgId: number;
  orgName: string;
  /** The password was given by someone else (setup): the console asks for a new one first. */
  mustChangePassword?: boolean;
}

/** The session answers also carry the server's current instant (ISO), which the console's clock follows. */
export type SessionAnswer = { user: SessionUser; now: string };

export function fetchMe(): Promise<SessionAnswer> {
  return api.get('/api/auth/me', undefined, { redirectOn401: false });
}

export function login(username: string, password: string): Promise<SessionAnswer> {
  return api.post('/api/auth/login', { username, password }, { redirectOn401: false });
}

export function logout(): Promise<unknown> {
  return api.post('/api/auth/logout', undefined, { redirectOn401: false });
}
