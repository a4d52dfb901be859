import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Database } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { checkFileRefs } from '../../platform/files/refs.ts';
import { AppError } from '../../platform/http/errors.ts';
import { publicVersion } from '../../platform/http/page-cache-versions.ts';
import type { Actor } from '../../platform/http/session.ts';
import { now } from '../../platform/time.ts';
import { type PortalSite, SITE_PREFIX } from '../../portal/plugin.ts';
import {
  checkNewPassword,
  countOrgs,
  createFirstGovernment,
  generatePassword,
  lockOrgsForSetup,
} from '../orgs/index.ts';
import type { IdentityInput, SetupInput, setupResult, siteView } from './api.schemas.ts';
import {
  ICP_REGISTRY_URL,
  NEUTRAL_SITE_NAME,
  POLICE_REGISTRY_URL,
  policeRecordCode,
} from './domain/identity.ts';
import { can } from './domain/policies.ts';
import { defaultOfficeUsername } from './domain/setup.ts';
import {
  governmentOf,
  governmentsAbove,
  isGovernment,
  lowerGovernments,
  normaliseHost,
  ownScope,
  wholeScope,
} from './domain/sites.ts';
import * as store from './store.ts';

type Db = Kysely<Database>;
export type SiteView = z.infer<typeof siteView>;
export type SetupResult = z.infer<typeof setupResult>;

/** The site as the console reads it (`view`) and as the portal's layout shows it (`portal`). */
export type CurrentSite = { view: SiteView; portal: PortalSite };

/** Where the portal serves the logo; the file id in the query changes the address when the logo does. */
export const LOGO_PATH = '/site/logo';

function present(
  row: store.SiteIdentityView | undefined,
  fallbackName: string,
  gov?: store.SiteOrg,
): SiteView {
  const government = {
    orgId: gov?.id ?? null,
    governmentName: gov?.name ?? null,
    regionCode: gov?.regionCode ?? null,
  };
  if (!row) {
    return {
      ...government,
      configured: false,
      siteName: fallbackName,
      sponsor: null,
      officeName: null,
      officePhone: null,
      officeAddress: null,
      officeHours: null,
      siteCode: null,
      icpRecord: null,
      policeRecord: null,
      logoFileId: null,
      logoUrl: null,
      hosts: [],
      updatedAt: null,
    };
  }
  return {
    ...government,
    configured: true,
    siteName: row.site_name,
    sponsor: row.sponsor,
    officeName: row.office_name,
    officePhone: row.office_phone,
    officeAddress: row.office_address,
    officeHours: row.office_hours,
    siteCode: row.site_code,
    icpRecord: row.icp_record,
    policeRecord: row.police_record,
    logoFileId: row.logo_file_id,
    logoUrl: row.logo_file_id === null ? null : `${LOGO_PATH}?v=${row.logo_file_id}`,
    hosts: row.hosts,
    updatedAt: row.updated_at.toISOString(),
  };
}

function portalSite(v: SiteView): PortalSite {
  const police = v.policeRecord ? policeRecordCode(v.policeRecord) : null;
  return {
    siteName: v.siteName,
    sponsor: v.sponsor,
    siteCode: v.siteCode,
    icpRecord: v.icpRecord,
    icpUrl: v.icpRecord ? ICP_REGISTRY_URL : null,
    policeRecord: v.policeRecord,
    policeUrl: police ? `${POLICE_REGISTRY_URL}${police}` : null,
    logoUrl: v.logoUrl,
    office: v.configured
      ? {
          name: v.officeName ?? undefined,
          phone: v.officePhone ?? undefined,
          address: v.officeAddress ?? undefined,
          hours: v.officeHours ?? undefined,
        }
      : undefined,
  };
}

/** One government's site: as the console reads it, as the portal shows it, and under its path prefix. */
export type SiteEntry = CurrentSite & { orgId: number; prefixed: PortalSite | null };

/**
 * Every government's site (`domain/sites.ts` says which organisations are governments): the root
 * government's, and one per government below it, each from its identity row or, without one, named
 * after its government. Each is found by its government's id, its host names and its 行政区划代码.
 */
export type SiteDirectory = {
  root: CurrentSite;
  byOrg: Map<number, SiteEntry>;
  byHost: Map<string, SiteEntry>;
  byCode: Map<string, SiteEntry>;
};

/** The sites from the data. Before the first run: one neutral site without a government. */
export async function loadDirectory(db: Db): Promise<SiteDirectory> {
  const [orgs, rows] = await Promise.all([store.listSiteOrgs(db), store.listIdentities(db)]);
  const identities = new Map(rows.map((r) => [r.org_id, r]));
  const byOrg = new Map<number, SiteEntry>();
  const byHost = new Map<string, SiteEntry>();
  const byCode = new Map<string, SiteEntry>();
  const rootGov = orgs.find((o) => o.parentId === null);
  for (const gov of orgs) {
    if (gov.id !== rootGov?.id && !isGovernment(gov)) continue;
    const view = present(identities.get(gov.id), gov.name, gov);
    const base = portalSite(view);
    const portal: PortalSite = {
      ...base,
      government: { id: gov.id, name: gov.name, regionCode: gov.regionCode },
      isRoot: gov.id === rootGov?.id,
      orgIds: ownScope(orgs, gov.id),
      subtreeIds: wholeScope(orgs, gov.id),
      lowerGovernments: lowerGovernments(orgs, gov.id),
      basePath: '',
    };
    const prefixed = gov.regionCode ? { ...portal, basePath: `${SITE_PREFIX}${gov.regionCode}` } : null;
    const entry: SiteEntry = { view, portal, orgId: gov.id, prefixed };
    byOrg.set(gov.id, entry);
    for (const h of view.hosts) if (!byHost.has(h)) byHost.set(h, entry);
    if (gov.regionCode && !byCode.has(gov.regionCode)) byCode.set(gov.regionCode, entry);
  }
  const rootEntry = rootGov ? byOrg.get(rootGov.id) : undefined;
  const root =
    rootEntry ??
    (() => {
      const view = present(undefined, NEUTRAL_SITE_NAME);
      return { view, portal: portalSite(view) };
    })();
  return { root, byOrg, byHost, byCode };
}

/**
 * The site of a request: named by its path prefix (`/s/{行政区划代码}`, so that every government's site
 * can be reached on any host name), else by its host name, else the root government's. Undefined when the
 * prefix names no government's site (the portal's 404).
 */
export function resolveSite(
  dir: SiteDirectory,
  request: { host: string | undefined; code: string | undefined },
): PortalSite | undefined {
  if (request.code !== undefined) return dir.byCode.get(request.code)?.prefixed ?? undefined;
  const host = request.host ? normaliseHost(request.host) : null;
  const byHost = host ? dir.byHost.get(host) : undefined;
  return byHost?.portal ?? dir.root.portal;
}

/**
 * The root government's site from the data: its identity; without one, the root government's name
 * (a database set up before identities existed), or a neutral title on an empty database.
 */
export async function loadSite(db: Db): Promise<CurrentSite> {
  return (await loadDirectory(db)).root;
}

/**
 * The sites, cached per database for a short while: the portal asks on every page. A save here forgets
 * them at once; another server process of a cluster sees the change within `CACHE_MS`. A change to the
 * organisation tree (a department created, imported, moved or deleted) shows at once: every request
 * compares one small aggregate of the tree (`orgsFingerprint`) with the one the sites were built from.
 */
const CACHE_MS = 30_000;
type Cached = { sites: Promise<SiteDirectory>; at: number; orgs: Promise<string>; version: number };
const cache = new WeakMap<Db, Cached>();

/**
 * The tree's fingerprint, one query for every request that asks while it runs: under load the portal
 * asks on every page, and the embedded store answers one query at a time. A request joins a check
 * already under way (it sees the tree as of that check, at most one query old).
 */
const checking = new WeakMap<Db, Promise<string>>();
function orgsFingerprint(db: Db): Promise<string> {
  let running = checking.get(db);
  if (!running) {
    running = store.orgsFingerprint(db).finally(() => {
      if (checking.get(db) === running) checking.delete(db);
    });
    checking.set(db, running);
  }
  return running;
}

export function currentSites(db: Db): Promise<SiteDirectory> {
  const hit = cache.get(db);
  const t = Date.now();
  // An audited change of the sites or the organisations in this process moves the `site` version on
  // (platform/http/page-cache-versions.ts): the public page cache then renders with fresh sites.
  if (hit && t - hit.at < CACHE_MS && hit.version === publicVersion('site')) {
    return Promise.all([hit.orgs, orgsFingerprint(db)]).then(([before, now]) =>
      before === now && cache.get(db) === hit ? hit.sites : reload(db, t),
    );
  }
  return reload(db, t);
}

function reload(db: Db, t: number): Promise<SiteDirectory> {
  const version = publicVersion('site');
  const orgs = store.orgsFingerprint(db);
  const sites = orgs.then(() => loadDirectory(db));
  const entry: Cached = { sites, at: t, orgs, version };
  cache.set(db, entry);
  sites.catch(() => {
    if (cache.get(db) === entry) cache.delete(db);
  });
  return sites;
}

/** The root government's site (cached as `currentSites`). */
export async function currentSite(db: Db): Promise<CurrentSite> {
  return (await currentSites(db)).root;
}

/** Forget the cached sites at once (after a save, or when the demo government is removed). */
export function forgetSite(db: Db): void {
  cache.delete(db);
}

/** True while the database holds no organisation: the first run has not happened. */
export async function setupNeeded(db: Db): Promise<boolean> {
  return (await countOrgs(db)) === 0;
}

/** A person's password at setup: the chosen one, or a generated one returned once (to change at sign-in). */
function setupPassword(chosen: string | null, username: string) {
  return chosen === null
    ? { password: generatePassword(username), generated: true }
    : { password: chosen, generated: false };
}

/**
 * The first run of a real government: the government, its disclosure office, the first administrator,
 * the office's first account and the site identity, with their audit rows, in one transaction. Refused
 * (SETUP_DONE) once any organisation exists. Without a chosen password one is generated, returned once
 * and must be changed at the first sign-in. The office account's username defaults to `<admin>_office`.
 */
export async function runSetup(db: Db, input: SetupInput): Promise<SetupResult> {
  if (!(await setupNeeded(db))) throw new AppError('SETUP_DONE');
  const officeUsername = input.officeUsername ?? defaultOfficeUsername(input.adminUsername);
  const fields: { path: string; message: string }[] = [];
  if (input.adminPassword !== null) {
    const problem = checkNewPassword(input.adminPassword, input.adminUsername);
    if (problem) fields.push({ path: 'adminPassword', message: problem });
  }
  if (officeUsername === input.adminUsername) {
    fields.push({ path: 'officeUsername', message: '公开工作机构账号不能与管理员同名' });
  } else if (officeUsername.length > 40) {
    fields.push({ path: 'officeUsername', message: '管理员用户名较长，请另行填写公开工作机构账号的用户名' });
  }
  if (input.officePassword !== null) {
    const problem = checkNewPassword(input.officePassword, officeUsername);
    if (problem) fields.push({ path: 'officePassword', message: problem });
  }
  if (input.office === input.government) {
    fields.push({ path: 'office', message: '政府信息公开工作机构不能与政府同名' });
  }
  if (fields.length > 0) throw new AppError('VALIDATION_FAILED', {}, fields);
  const adminPassword = setupPassword(input.adminPassword, input.adminUsername);
  const officePassword = setupPassword(input.officePassword, officeUsername);
  const result = await inTransaction(db, async (tx) => {
    await lockOrgsForSetup(tx);
    if ((await countOrgs(tx)) > 0) throw new AppError('SETUP_DONE');
    const { government, office, admin, officeUser } = await createFirstGovernment(tx, {
      government: input.government,
      regionCode: input.regionCode,
      office: input.office,
      admin: {
        username: input.adminUsername,
        displayName: input.adminName,
        password: adminPassword.password,
        mustChangePassword: adminPassword.generated,
      },
      officeUser: {
        username: officeUsername,
        displayName: input.officeDisplayName,
        password: officePassword.password,
        mustChangePassword: officePassword.generated,
      },
    });
    const identity = await store.insertIdentity(
      tx,
      government.id,
      {
        site_name: input.siteName ?? input.government,
        sponsor: input.sponsor ?? input.government,
        office_org_id: office.id,
        office_phone: input.officePhone,
        office_address: input.officeAddress,
        office_hours: input.officeHours,
        site_code: input.siteCode,
        icp_record: input.icpRecord,
        police_record: input.policeRecord,
        logo_file_id: null,
      },
      null,
    );
    await recordAudit(tx, {
      actorId: null,
      action: 'site.setup',
      subjectType: 'site',
      subjectId: government.id,
      after: identity,
    });
    const shown = (username: string, p: { password: string; generated: boolean }) => ({
      username,
      ...(p.generated ? { password: p.password } : {}),
    });
    return {
      government: { id: government.id, name: government.name },
      office: { id: office.id, name: office.name },
      admin: shown(admin.username, adminPassword),
      officeUser: shown(officeUser.username, officePassword),
    };
  });
  forgetSite(db);
  return result;
}

const LOGO_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif']);

/** The policy's view of an actor and of a site, from the organisation tree. */
function policyInputs(orgs: readonly store.SiteOrg[], actor: Actor, orgId: number) {
  return {
    actor: { role: actor.role, governmentId: governmentOf(orgs, actor.orgId) },
    site: { orgId, above: governmentsAbove(orgs, orgId) },
  };
}

/** 站点信息: the sites the actor may edit (its government's, and those of the governments below it). */
export async function editableSites(db: Db, actor: Actor): Promise<SiteView[]> {
  const [orgs, sites] = await Promise.all([store.listSiteOrgs(db), currentSites(db)]);
  if (!can(policyInputs(orgs, actor, 0).actor, 'edit')) throw new AppError('FORBIDDEN');
  return [...sites.byOrg.values()]
    .filter((e) => {
      const p = policyInputs(orgs, actor, e.orgId);
      return can(p.actor, 'edit', p.site);
    })
    .map((e) => e.view);
}

/**
 * 站点信息: an administrator edits the identity of a government's site (`orgId`, else the root
 * government's): its own government's, or one below it. Host names must not serve another site.
 */
export async function saveIdentity(
  db: Db,
  actor: Actor,
  input: IdentityInput,
  orgId?: number,
): Promise<SiteView> {
  const root = await store.findRootGovernment(db);
  if (!root) throw new AppError('SITE_NOT_SET_UP');
  const orgs = await store.listSiteOrgs(db);
  const governmentId = orgId ?? root.id;
  const government = orgs.find((o) => o.id === governmentId);
  if (!government || (government.id !== root.id && !isGovernment(government)))
    throw new AppError('NOT_FOUND');
  const p = policyInputs(orgs, actor, governmentId);
  if (!can(p.actor, 'edit', p.site)) throw new AppError('FORBIDDEN');
  await inTransaction(db, async (tx) => {
    if (input.logoFileId !== null) {
      const current = (await store.findIdentity(tx, governmentId))?.logo_file_id ?? null;
      const problems = await checkFileRefs(tx, actor.id, [input.logoFileId], {
        path: 'logoFileId',
        keep: current === null ? [] : [current],
        mimes: [...LOGO_TYPES],
        mimeMessage: '网站图标须为已上传的 PNG、JPG 或 GIF 图片',
      });
      if (problems.length > 0) throw new AppError('VALIDATION_FAILED', {}, problems);
    }
    if (input.hosts !== undefined) {
      const [taken] = await store.findHostOwners(tx, governmentId, input.hosts);
      if (taken) {
        const host = input.hosts.find((h) => taken.hosts.includes(h)) ?? '';
        throw new AppError('VALIDATION_FAILED', {}, [
          { path: 'hosts', message: `域名 ${host} 已绑定到“${taken.site_name}”的站点` },
        ]);
      }
    }
    const before = await store.findIdentity(tx, governmentId);
    const values = {
      site_name: input.siteName,
      sponsor: input.sponsor,
      office_org_id: before?.office_org_id ?? (await store.findOfficeOf(tx, governmentId)),
      office_phone: input.officePhone,
      office_address: input.officeAddress,
      office_hours: input.officeHours,
      site_code: input.siteCode,
      icp_record: input.icpRecord,
      police_record: input.policeRecord,
      logo_file_id: input.logoFileId,
      ...(input.hosts === undefined ? {} : { hosts: input.hosts }),
    };
    const after = before
      ? await store.updateIdentity(tx, governmentId, values, actor.id, now())
      : await store.insertIdentity(tx, governmentId, values, actor.id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'site.update',
      subjectType: 'site',
      subjectId: governmentId,
      before: before ?? null,
      after,
    });
  });
  forgetSite(db);
  const saved = (await currentSites(db)).byOrg.get(governmentId);
  if (!saved) throw new AppError('NOT_FOUND');
  return saved.view;
}

/** The logo's file (id, content hash, type), when the site of `orgId` (else the root's) has one. */
export async function logoFile(db: Db, orgId?: number) {
  const sites = await currentSites(db);
  const { view } = (orgId === undefined ? undefined : sites.byOrg.get(orgId)) ?? sites.root;
  return view.logoFileId === null ? undefined : store.findFile(db, view.logoFileId);
}
