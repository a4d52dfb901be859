/** Test data of 政策找人 for its db tests and the browser journey (not used by the server). */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import { now } from '../../platform/time.ts';
import { creditCodeCheckChar } from './domain/credit-code.ts';
import type { Profile } from './domain/profile.ts';

/** A valid 统一社会信用代码 numbered n (the check character computed). */
export function creditCode(n: number): string {
  const stem = `91370800MA${String(n).padStart(7, '0')}`;
  return `${stem}${creditCodeCheckChar(stem)}`;
}

export async function insertEnterprise(
  db: Kysely<Database>,
  n: number,
  p: Profile,
  extra: { name?: string; email?: string | null; phone?: string | null } = {},
): Promise<number> {
  const row = await db
    .insertInto('enterprises')
    .values({
      credit_code: creditCode(n),
      name: extra.name ?? `测试企业${n}`,
      industry: p.industry,
      size: p.size,
      region_id: p.regionId,
      registered_capital: p.capital,
      founded_on: p.foundedOn,
      qualifications: [...p.qualifications],
      tags: [...p.tags],
      email: extra.email ?? null,
      phone: extra.phone ?? null,
      source: 'staff',
      updated_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A published 主动公开 document of an organisation: a policy conditions can be set on. */
export async function insertPolicyDocument(
  db: Kysely<Database>,
  orgId: number,
  title: string,
): Promise<number> {
  const row = await db
    .insertInto('documents')
    .values({
      title,
      index_number: `ENT-${title}`,
      org_id: orgId,
      genre: 'notice',
      written_date: '2026-01-05',
      published_date: '2026-01-06',
      body_text: `${title}。第一条 符合条件的企业可以申请。`,
      status: 'published',
      attribute: 'proactive',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
