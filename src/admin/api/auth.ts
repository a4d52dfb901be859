// 登录: the session (src/modules/orgs/api.ts, /api/auth/*).
import type { z } from 'zod';
import type * as s from '../../modules/orgs/api.schemas.ts';
import { api } from './client.ts';

/** The session answers also carry the server's current instant (ISO), which the console's clock follows. */
export type SessionAnswer = z.infer<typeof s.meResponse>;
export type SessionUser = SessionAnswer['user'];

export function fetchMe(): Promise<SessionAnswer> {
  return api.get('/api/auth/me', undefined, { redirectOn401: false });
}

export function login(username: string, password: string): Promise<SessionAnswer> {
  return api.post('/api/auth/login', { username, password }, { redirectOn401: false });
}

export function logout(): Promise<z.infer<typeof s.ok>> {
  return api.post('/api/auth/logout', undefined, { redirectOn401: false });
}
