import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import { findOrgByName, insertOrg, insertOrgs } from '../orgs/index.ts';

/** 济南市 › 莱芜区 with the departments the 莱芜区 table names (official names, matched by normalisation). */
const LAIWU_OFFICE = '莱芜区人民政府办公室';
const LAIWU_DEPARTMENTS = [
  LAIWU_OFFICE,
  '莱芜区发展和改革局',
  '莱芜区教育和体育局',
  '莱芜区工业和信息化局',
  '莱芜区民政局',
  '莱芜区司法局',
  '莱芜区财政局',
  '莱芜区人力资源和社会保障局',
  '莱芜区自然资源局',
  '莱芜区交通运输局',
  '莱芜区农业农村局',
  '莱芜区卫生健康局',
  '莱芜区退役军人事务局',
  '莱芜区应急管理局',
  '莱芜区市场监督管理局',
  '莱芜区医疗保障局',
  '莱芜区行政审批服务局',
  '莱芜区城市管理局',
  '莱芜区大数据局',
  '济南市生态环境局莱芜分局',
  '济南市公安局莱芜区分局',
];
const LAIWU_TOWNS = [
  '凤城街道办事处',
  '张家洼街道办事处',
  '高庄街道办事处',
  '口镇人民政府',
  '羊里镇人民政府',
];

/**
 * Test data, not demo data: 济南市 › 莱芜区 (another city than the 济宁 demo) with the departments and
 * towns its table names, for the tests that import demo/sources/laiwu-2021.txt. Returns the ids of the
 * district government and of its office (the district's disclosure office).
 */
export async function createLaiwuTree(db: Kysely<Database>): Promise<{ laiwuId: number; officeId: number }> {
  const existing = await findOrgByName(db, '莱芜区人民政府');
  const existingOffice = await findOrgByName(db, LAIWU_OFFICE);
  if (existing && existingOffice) return { laiwuId: existing.id, officeId: existingOffice.id };
  const jinan = await insertOrg(db, {
    parentId: null,
    name: '济南市人民政府',
    kind: 'government',
    code: '3701',
    sortOrder: 10,
  });
  const laiwu = await insertOrg(db, {
    parentId: jinan.id,
    name: '莱芜区人民政府',
    kind: 'county',
    code: '370116',
    sortOrder: 1,
  });
  const units = await insertOrgs(db, [
    ...LAIWU_DEPARTMENTS.map((name, i) => ({
      parentId: laiwu.id,
      name,
      kind: 'department',
      code: null,
      sortOrder: i + 1,
      // The district government's office is its disclosure office.
      servesOrgId: name === LAIWU_OFFICE ? laiwu.id : null,
    })),
    ...LAIWU_TOWNS.map((name, i) => ({
      parentId: laiwu.id,
      name,
      kind: 'town',
      code: null,
      sortOrder: 100 + i,
    })),
  ]);
  const office = units.find((o) => o.name === LAIWU_OFFICE);
  if (!office) throw new Error(`${LAIWU_OFFICE} is not among the departments`);
  return { laiwuId: laiwu.id, officeId: office.id };
}
