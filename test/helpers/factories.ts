/**
 * Test data shared by the test files: the demo organisations and the test users (see `createTestApp`)
 * looked up by name, a user's actor for calling services directly, and applications to register.
 * Lookups go through orgs' index, as any other module's would.
 */
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import { createUser, findOrgByName, findUserByUsername, loadActor } from '../../src/modules/orgs/index.ts';
import { saveSignoffChain } from '../../src/modules/requests/store.ts';
import type { Database } from '../../src/platform/db/database.ts';
import type { Actor } from '../../src/platform/http/session.ts';
import type { Role } from '../../src/platform/roles.ts';
import type { Client } from './app.ts';
import { residentId } from './identity.ts';

type Db = Kysely<Database>;

/** The password of every test user. */
export const TEST_PASSWORD = 'password-123';

/** The id of the organisation called `name`; throws when there is none. */
export async function orgIdByName(db: Db, name: string): Promise<number> {
  const org = await findOrgByName(db, name);
  if (!org) throw new Error(`no organisation named ${name}`);
  return org.id;
}

/** The id of the user `username`; throws when there is none. */
export async function userIdByUsername(db: Db, username: string): Promise<number> {
  const user = await findUserByUsername(db, username);
  if (!user) throw new Error(`no user ${username}`);
  return user.id;
}

/**
 * A user who signs in with `TEST_PASSWORD`, in `org` (its name or id); the display name is the
 * username unless given. Returns the new user's id.
 */
export async function createTestUser(
  db: Db,
  u: { username: string; role: Role; org: string | number; displayName?: string },
): Promise<number> {
  const row = await createUser(db, null, {
    username: u.username,
    displayName: u.displayName ?? u.username,
    role: u.role,
    orgId: typeof u.org === 'number' ? u.org : await orgIdByName(db, u.org),
    password: TEST_PASSWORD,
  });
  return row.id;
}

/** The actor of the user `username`, for calling services directly; throws when there is none. */
export async function actorOf(db: Db, username: string): Promise<Actor> {
  const actor = await loadActor(db, await userIdByUsername(db, username));
  if (!actor) throw new Error(`no active user ${username}`);
  return actor;
}

/** An applicant: a natural person (张三丰) with a valid resident ID and a mobile number; `over` changes fields. */
export function applicant(over: Record<string, unknown> = {}) {
  return {
    type: 'natural',
    name: '张三丰',
    idType: 'resident-id',
    idNumber: residentId('37080219800101123'),
    phone: '13812345678',
    ...over,
  };
}

/**
 * The body of `POST /api/requests`: an application handed in person to `orgId` on `submittedOn`
 * (2024-02-08 unless said), receipt not yet confirmed; `request` asks for `subject` (with a docNumber
 * when one is given) and `description` (请提供{subject} unless said).
 */
export function applicationBody(
  orgId: number,
  o: {
    submittedOn?: string;
    subject?: string;
    docNumber?: string | null;
    description?: string;
    applicant?: Record<string, unknown>;
  } = {},
) {
  const subject = o.subject ?? '2023年城区学校新建项目批复';
  return {
    orgId,
    channel: 'in-person',
    submittedOn: o.submittedOn ?? '2024-02-08',
    receivedOn: null,
    applicant: applicant(o.applicant),
    request: {
      subject,
      ...(o.docNumber === undefined ? {} : { docNumber: o.docNumber }),
      description: o.description ?? `请提供${subject}`,
    },
  };
}

/** Registers an application as `client` (the office) through the API; returns the new case's id. */
export async function registerCase(
  client: Client,
  body: ReturnType<typeof applicationBody>,
): Promise<number> {
  const res = await client.send('POST', '/api/requests', body);
  assert.equal(res.statusCode, 200, res.body);
  return res.json().case.id;
}

/**
 * Sets an agency's 答复审核签发 chain as its office would. Without one an agency has the full chain (承办人拟稿
 * → 公开办审核 → 负责人签发, 条例第四十五条); a test about something else than sign-off sets 'none' explicitly
 * so that the handler's reply goes out at once.
 */
export async function setSignoffChain(
  db: Db,
  org: string | number,
  chain: 'full' | 'sign-only' | 'none',
): Promise<void> {
  const orgId = typeof org === 'number' ? org : await orgIdByName(db, org);
  await saveSignoffChain(db, { orgId, chain, updatedBy: null });
}

/** A consultation of the city open for comments (published by the office), for tests that comment or import. */
export async function createOpenConsultation(
  office: Client,
  orgId: number,
  opensOn: string,
): Promise<number> {
  const created = await office.send('POST', '/api/decisions/consultations', {
    orgId,
    title: '停车管理办法（征求意见稿）',
    draft: '第一条 为了规范停车管理，制定本办法。\n第二条 本办法自发布之日起施行。',
    explanation: '起草说明正文。',
    channels: '电子邮件：tc@example.gov.cn',
    opensOn,
    plannedLastDay: '2026-12-31',
  });
  assert.equal(created.statusCode, 200, created.body);
  const id = created.json().consultation.id as number;
  const published = await office.send('POST', `/api/decisions/consultations/${id}/publish`);
  assert.equal(published.statusCode, 200, published.body);
  return id;
}
