// The site module's calls (src/modules/site/api.ts) and 修改密码 (src/modules/orgs/password.api.ts).
import type { z } from 'zod';
import { api, postForm } from '../../../admin/api/client.ts';
import type * as orgs from '../../orgs/api.schemas.ts';
import type * as s from '../api.schemas.ts';

export type SetupStatus = z.infer<typeof s.setupStatus>;
export type SetupBody = z.input<typeof s.setupBody>;
export type SetupResult = z.infer<typeof s.setupResult>;
export type SiteView = z.infer<typeof s.siteView>;
export type IdentityBody = z.input<typeof s.identityBody>;
export type SessionAnswer = z.infer<typeof orgs.meResponse>;

export function fetchSetupStatus(): Promise<SetupStatus> {
  return api.get('/api/setup', undefined, { redirectOn401: false });
}

export function runSetup(body: SetupBody): Promise<SetupResult> {
  return api.post('/api/setup', body, { redirectOn401: false });
}

export function fetchSite(): Promise<SiteView> {
  return api.get('/api/site', undefined, { redirectOn401: false });
}

export function saveSite(body: IdentityBody): Promise<SiteView> {
  return api.put('/api/site', body);
}

/** The sites the administrator may edit: its government's and those of the governments below it. */
export function fetchSites(): Promise<{ items: SiteView[] }> {
  return api.get('/api/sites');
}

export function saveSiteOf(orgId: number, body: IdentityBody): Promise<SiteView> {
  return api.put(`/api/sites/${orgId}`, body);
}

export function changePassword(oldPassword: string, newPassword: string): Promise<SessionAnswer> {
  return api.post('/api/auth/password', { oldPassword, newPassword });
}

/** Uploads the logo image (POST /api/files); answers its file id. */
export async function uploadLogo(file: File): Promise<number | null> {
  const form = new FormData();
  form.append('file', file, file.name);
  const { items } = await postForm<{ items: { id: number }[] }>('/api/files', form);
  return items[0]?.id ?? null;
}
