import type { z } from 'zod';
import type { enterpriseView, packageView, pushView } from './api.schemas.ts';
import type { NamedEnterprise, PackageContent } from './service.ts';
import type { PushRow } from './store.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function presentEnterprise(e: NamedEnterprise): z.infer<typeof enterpriseView> {
  return {
    id: e.id,
    creditCode: e.credit_code,
    name: e.name,
    industry: e.industry,
    size: e.size,
    regionId: e.region_id,
    regionName: e.region_name,
    capital: e.registered_capital === null ? null : Number(e.registered_capital),
    foundedOn: e.founded_on,
    qualifications: e.qualifications,
    tags: e.tags,
    phone: e.phone,
    email: e.email,
    source: e.source,
    updatedAt: new Date(e.updated_at).toISOString(),
  };
}

export function presentPush(
  p: Pick<
    PushRow,
    | 'id'
    | 'document_id'
    | 'enterprise_id'
    | 'pushed_at'
    | 'emailed'
    | 'opened_at'
    | 'applied_at'
    | 'granted_at'
    | 'without_application'
  > & {
    title: string;
    enterprise_name: string;
  },
): z.infer<typeof pushView> {
  return {
    id: p.id,
    documentId: p.document_id,
    title: p.title,
    enterpriseId: p.enterprise_id,
    enterpriseName: p.enterprise_name,
    pushedAt: new Date(p.pushed_at).toISOString(),
    emailed: p.emailed,
    openedAt: iso(p.opened_at),
    appliedAt: iso(p.applied_at),
    grantedAt: iso(p.granted_at),
    withoutApplication: p.without_application,
  };
}

export function presentPackage(p: PackageContent): z.infer<typeof packageView> {
  return {
    id: p.id,
    theme: p.theme,
    title: p.title,
    summary: p.summary,
    published: p.published,
    documents: p.documents,
    qaPairs: p.qaPairs,
  };
}
