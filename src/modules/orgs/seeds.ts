import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import { randomPassword } from '../../platform/http/passwords.ts';
import type { SeedReport } from '../../platform/module.ts';
import { ROLE_LABELS, type Role } from './domain/roles.ts';
import { loadReceiving } from './receiving.ts';
import { createUser } from './service.ts';
import * as store from './store.ts';

/** City departments as named in the 济宁市 work plans (../shared/seeds/jining-2021.txt, -2022.txt). */
export const DEMO_DEPARTMENTS = [
  '市政府办公室',
  '市发展改革委',
  '市教育局',
  '市科技局',
  '市工业和信息化局',
  '市公安局',
  '市民政局',
  '市司法局',
  '市财政局',
  '市人力资源社会保障局',
  '市自然资源和规划局',
  '市生态环境局',
  '市住房城乡建设局',
  '市交通运输局',
  '市城乡水务局',
  '市农业农村局',
  '市商务局',
  '市文化和旅游局',
  '市卫生健康委',
  '市退役军人局',
  '市应急局',
  '市审计局',
  '市国资委',
  '市市场监管局',
  '市医保局',
  '市行政审批服务局',
  '市城市管理局',
  '市能源局',
  '市投资促进局',
  '市地方金融监管局',
  '市大数据中心',
  '市信访局',
];

export const DEMO_COUNTIES: Record<string, string[]> = {
  任城区: ['济阳街道', '古槐街道', '李营街道'],
  兖州区: [],
  曲阜市: [],
  邹城市: ['钢山街道', '千泉街道', '太平镇', '中心店镇'],
  微山县: [],
  鱼台县: [],
  金乡县: [],
  嘉祥县: [],
  汶上县: [],
  泗水县: [],
  梁山县: [],
};

/** 行政区划代码 of the demo city and its counties/districts (GB/T 2260): each has its portal at /s/{code}/. */
export const DEMO_REGION_CODES: Record<string, string> = {
  济宁市人民政府: '370800',
  任城区: '370811',
  兖州区: '370812',
  微山县: '370826',
  鱼台县: '370827',
  金乡县: '370828',
  嘉祥县: '370829',
  汶上县: '370830',
  泗水县: '370831',
  梁山县: '370832',
  曲阜市: '370881',
  邹城市: '370883',
};

const COUNTY_DEPARTMENTS: Record<string, string[]> = {
  邹城市: ['邹城市政府办公室', '邹城市教育局', '邹城市司法局'],
  任城区: ['任城区政府办公室'],
};

export const DEMO_ACCOUNTS: { username: string; displayName: string; role: Role; org: string }[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', org: '济宁市人民政府' },
  { username: 'office', displayName: '公开办 王敏', role: 'office', org: '市政府办公室' },
  { username: 'handler', displayName: '承办人 李强', role: 'handler', org: '市教育局' },
  { username: 'reviewer', displayName: '审核人 张静', role: 'reviewer', org: '市教育局' },
  { username: 'approver', displayName: '负责人 刘伟', role: 'approver', org: '市教育局' },
];

/**
 * Disclosure-office accounts of agencies that receive their own applications (issue 12): two city
 * departments and the offices of the two county-level governments that have one in the demo. Every other
 * agency names its government's office as receiver (`seedDemoOrgs` with `ownOffices`).
 */
export const DEMO_OFFICE_ACCOUNTS: { username: string; displayName: string; role: Role; org: string }[] = [
  { username: 'officejyj', displayName: '市教育局公开办 赵敏', role: 'office', org: '市教育局' },
  {
    username: 'officezrzy',
    displayName: '市自然资源和规划局公开办 孙磊',
    role: 'office',
    org: '市自然资源和规划局',
  },
  { username: 'officezc', displayName: '邹城市政府办公室 周洁', role: 'office', org: '邹城市政府办公室' },
  { username: 'officerc', displayName: '任城区政府办公室 吴刚', role: 'office', org: '任城区政府办公室' },
  // 负责人 of the city government's disclosure office: signs the government's replies (答复审核签发, the
  // default chain of every agency; the demo's 市教育局 has its own `approver`).
  { username: 'head', displayName: '市政府办公室负责人 陈明', role: 'approver', org: '市政府办公室' },
];

/**
 * The demo city 济宁市: its government, departments, counties/districts and a few towns, and one
 * account per role with a random password, printed once (only its argon2 hash is stored).
 * `ownOffices` (the demo as seeded on a first start; the test fixtures leave it out, their cases are
 * received by the government's office): also `DEMO_OFFICE_ACCOUNTS`, and every other agency that accepts
 * applications designates its government's office (orgs.receiving_office_id), so each has a receiver.
 */
export async function seedDemoOrgs(
  db: Kysely<Database>,
  options: { ownOffices?: boolean } = {},
): Promise<SeedReport> {
  if (await db.selectFrom('orgs').select('id').limit(1).executeTakeFirst()) return [];
  const ids = new Map<string, number>();
  await db.transaction().execute(async (tx) => {
    const city = await store.insertOrg(tx, {
      parentId: null,
      name: '济宁市人民政府',
      kind: 'government',
      code: '3708',
      sortOrder: 0,
    });
    ids.set(city.name, city.id);
    let order = 1;
    for (const name of DEMO_DEPARTMENTS) {
      const d = await store.insertOrg(tx, {
        parentId: city.id,
        name,
        kind: 'department',
        code: null,
        sortOrder: order++,
      });
      ids.set(name, d.id);
    }
    for (const [county, towns] of Object.entries(DEMO_COUNTIES)) {
      const c = await store.insertOrg(tx, {
        parentId: city.id,
        name: `${county}人民政府`,
        kind: 'county',
        code: null,
        sortOrder: order++,
      });
      ids.set(county, c.id);
      let sub = 0;
      for (const dept of COUNTY_DEPARTMENTS[county] ?? []) {
        await store.insertOrg(tx, {
          parentId: c.id,
          name: dept,
          kind: 'department',
          code: null,
          sortOrder: sub++,
        });
      }
      for (const town of towns) {
        const t = await store.insertOrg(tx, {
          parentId: c.id,
          name: `${town}办事处`.replace(/镇办事处$/, '镇人民政府'),
          kind: 'town',
          code: null,
          sortOrder: sub++,
        });
        ids.set(town, t.id);
      }
    }
  });
  for (const [name, code] of Object.entries(DEMO_REGION_CODES)) {
    const id = ids.get(name);
    if (id === undefined) throw new Error(`demo org missing: ${name}`);
    await db.updateTable('orgs').set({ region_code: code }).where('id', '=', id).execute();
  }
  // Each government's office is its disclosure office (政府信息公开工作机构).
  for (const [office, agency] of [
    ['市政府办公室', '济宁市人民政府'],
    ['邹城市政府办公室', '邹城市'],
    ['任城区政府办公室', '任城区'],
  ] as const) {
    const agencyId = ids.get(agency);
    if (agencyId === undefined) throw new Error(`demo org missing: ${agency}`);
    await db.updateTable('orgs').set({ serves_org_id: agencyId }).where('name', '=', office).execute();
  }
  const lines: SeedReport = [
    '演示账号（密码仅此一次显示，请妥善保存）/ demo accounts (passwords shown once):',
  ];
  const accounts = options.ownOffices ? [...DEMO_ACCOUNTS, ...DEMO_OFFICE_ACCOUNTS] : DEMO_ACCOUNTS;
  for (const a of accounts) {
    const password = randomPassword();
    const orgId = ids.get(a.org) ?? (await store.findOrgByName(db, a.org))?.id;
    if (orgId === undefined) throw new Error(`demo org missing: ${a.org}`);
    await createUser(db, null, {
      username: a.username,
      displayName: a.displayName,
      role: a.role,
      orgId,
      password,
    });
    lines.push(`  ${ROLE_LABELS[a.role].padEnd(6, '　')} ${a.username.padEnd(9)} ${password}  (${a.org})`);
  }
  if (options.ownOffices) await designateGovernmentOffices(db);
  return lines;
}

/**
 * Every agency that accepts applications and has no office of its own names its government's office as
 * receiver (the office organisation serving the government the fallback rule would pick), so no demo
 * application is received by fallback.
 */
async function designateGovernmentOffices(db: Kysely<Database>): Promise<void> {
  const receiving = await loadReceiving(db);
  for (const o of receiving.orgs) {
    if (!o.accepts_requests || o.disabled) continue;
    const r = receiving.receiverOf(o.id);
    if (r?.via !== 'fallback') continue;
    const office = receiving.orgs.find((x) => x.serves_org_id === r.officeId && !x.disabled);
    const officeId = office && office.id !== o.id ? office.id : r.officeId;
    await db.updateTable('orgs').set({ receiving_office_id: officeId }).where('id', '=', o.id).execute();
  }
}
