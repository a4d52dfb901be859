import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Database } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import type { SeedReport } from '../../../platform/module.ts';
import { chinaToday } from '../../../platform/time.ts';
import { listOrgs } from '../../orgs/index.ts';
import { ARTICLE_20_ITEMS, addDays } from '../catalogue/service.ts';
import * as gazetteStore from './store.ts';

type Db = Kysely<Database>;

/** Items per demo gazette issue (documents; their interpretations follow each document). */
const DOCS_PER_ISSUE = 12;
const POLICY_GENRES = ['rule', 'normative', 'decision', 'opinion', 'measures', 'notice', 'announcement'];

/** Update periods (days) of the demo Art. 20 columns. */
const PERIODS: Record<number, number> = {
  1: 30,
  2: 365,
  3: 180,
  4: 31,
  5: 31,
  6: 31,
  7: 365,
  8: 365,
  9: 90,
  10: 90,
  11: 90,
  12: 90,
  13: 90,
  14: 90,
  15: 180,
};

/** Topics whose documents the demo links to a column (by Art. 20 item). */
const ITEM_TOPICS: Record<number, string[]> = {
  3: ['economy'],
  7: ['finance'],
  10: ['urban', 'industry'],
  11: ['scitech', 'civil', 'labour', 'health'],
  13: ['market'],
  14: ['labour'],
};

/** Demo 公共企事业单位 (fictional; links point at placeholder addresses). */
const ENTERPRISES: { sector: string; name: string; slug: string; org: string; description: string }[] = [
  {
    sector: '教育',
    name: '济宁市第一中学',
    slug: 'school-1',
    org: '市教育局',
    description: '招生计划、收费标准、学校章程',
  },
  {
    sector: '教育',
    name: '济宁职业技术学院',
    slug: 'college',
    org: '市教育局',
    description: '招生就业、收费项目、财务信息',
  },
  {
    sector: '卫生健康',
    name: '济宁市第一人民医院',
    slug: 'hospital-1',
    org: '市卫生健康委',
    description: '医疗服务价格、就医指南',
  },
  {
    sector: '卫生健康',
    name: '济宁市妇幼保健院',
    slug: 'mch',
    org: '市卫生健康委',
    description: '服务项目、收费标准',
  },
  {
    sector: '供水',
    name: '济宁市供水集团',
    slug: 'water',
    org: '市城乡水务局',
    description: '水质公告、水价、停水通知',
  },
  {
    sector: '供电',
    name: '国网济宁供电公司',
    slug: 'power',
    org: '市能源局',
    description: '电价政策、停电计划、办电指南',
  },
  {
    sector: '供气',
    name: '济宁市燃气集团',
    slug: 'gas',
    org: '市住房城乡建设局',
    description: '气价、安全用气、服务网点',
  },
  {
    sector: '供热',
    name: '济宁市热力集团',
    slug: 'heat',
    org: '市住房城乡建设局',
    description: '供热期、收费标准、报修渠道',
  },
  {
    sector: '环境保护',
    name: '济宁市污水处理厂',
    slug: 'sewage',
    org: '市生态环境局',
    description: '排放监测数据、运行情况',
  },
  {
    sector: '公共交通',
    name: '济宁市公共交通集团',
    slug: 'bus',
    org: '市交通运输局',
    description: '线路调整、票价、运营时间',
  },
];

/** Organisation ids by name, in one query. */
async function orgIdsByName(db: Db): Promise<Map<string, number>> {
  return new Map((await listOrgs(db)).map((o) => [o.name, o.id]));
}

/** Gazette issues per year: the year's published proactive documents by quarter, policy genres first. */
async function seedGazette(db: Db): Promise<number> {
  const existing = await db.selectFrom('gazette_issues').select('id').limit(1).execute();
  if (existing.length > 0) return 0;
  const r = await sql<{ id: number; published_date: string; genre: string; root: boolean }>`
    select d.id, to_char(d.published_date, 'YYYY-MM-DD') as published_date, d.genre,
      (o.parent_id is null) as root
    from documents d join orgs o on o.id = d.org_id
    where d.status = 'published' and d.attribute = 'proactive'
      and d.published_date is not null and o.kind in ('government', 'department')
    order by d.published_date, d.id`.execute(db);
  const byQuarter = new Map<string, typeof r.rows>();
  for (const d of r.rows) {
    const year = d.published_date.slice(0, 4);
    const quarter = Math.floor((Number(d.published_date.slice(5, 7)) - 1) / 3) + 1;
    const key = `${year}-${quarter}`;
    const list = byQuarter.get(key) ?? [];
    list.push(d);
    byQuarter.set(key, list);
  }
  const interps = await sql<{ id: number; document_id: number }>`
    select i.id, i.document_id from interpretations i order by i.published_date nulls first, i.id`.execute(
    db,
  );
  const interpsOf = new Map<number, number[]>();
  for (const i of interps.rows) interpsOf.set(i.document_id, [...(interpsOf.get(i.document_id) ?? []), i.id]);

  let total = 0;
  const numbers = new Map<number, number>();
  const keys = [...byQuarter.keys()].sort((a, b) => {
    const [ya, qa] = a.split('-').map(Number) as [number, number];
    const [yb, qb] = b.split('-').map(Number) as [number, number];
    return ya - yb || qa - qb;
  });
  await inTransaction(db, async (tx) => {
    for (const key of keys) {
      const docs = byQuarter.get(key) ?? [];
      const year = Number(key.slice(0, 4));
      const chosen = [...docs]
        .sort(
          (a, b) =>
            Number(b.root) - Number(a.root) ||
            Number(POLICY_GENRES.includes(b.genre)) - Number(POLICY_GENRES.includes(a.genre)) ||
            a.published_date.localeCompare(b.published_date) ||
            a.id - b.id,
        )
        .slice(0, DOCS_PER_ISSUE)
        .sort(
          (a, b) =>
            Number(b.root) - Number(a.root) ||
            a.published_date.localeCompare(b.published_date) ||
            a.id - b.id,
        );
      if (chosen.length === 0) continue;
      const number = (numbers.get(year) ?? 0) + 1;
      numbers.set(year, number);
      total++;
      const lastDate = chosen.reduce(
        (m, d) => (d.published_date > m ? d.published_date : m),
        chosen[0]?.published_date ?? '',
      );
      const issue = await tx
        .insertInto('gazette_issues')
        .values({
          year,
          number,
          total_number: total,
          issue_date: lastDate,
          title: `${year}年第${number}期（总第${total}期）`,
          status: 'published',
          published_at: new Date(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const items: gazetteStore.GazetteItemInput[] = [];
      for (const d of chosen) {
        const section = d.root ? '市政府文件' : '部门文件';
        items.push({ documentId: d.id, section });
        for (const iid of interpsOf.get(d.id) ?? []) items.push({ interpretationId: iid, section });
      }
      await gazetteStore.replaceItems(tx, issue.id, items);
    }
    await recordAudit(tx, {
      actorId: null,
      action: 'gazette.seed',
      subjectType: 'gazette_issue',
      subjectId: null,
      after: { issues: total },
    });
  });
  return total;
}

/** Art. 20 columns for the city government and a few departments, with links and manual touches. */
async function seedColumns(db: Db, today: string): Promise<number> {
  const existing = await db.selectFrom('disclosure_columns').select('id').limit(1).execute();
  if (existing.length > 0) return 0;
  const orgNames = ['济宁市人民政府', '市教育局', '市财政局', '市生态环境局'];
  let n = 0;
  await inTransaction(db, async (tx) => {
    const orgIds = await orgIdsByName(tx);
    for (const [oi, name] of orgNames.entries()) {
      const orgId = orgIds.get(name);
      if (!orgId) continue;
      for (const it of ARTICLE_20_ITEMS) {
        const period = PERIODS[it.item] ?? 90;
        // Most columns were touched recently; a few (statistics, one department's procurement) are overdue.
        const overdue = it.item === 4 || (oi === 2 && it.item === 9);
        const touched = overdue
          ? addDays(today, -(period + 20))
          : addDays(today, -((it.item * 7 + oi * 3) % period));
        const col = await tx
          .insertInto('disclosure_columns')
          .values({
            org_id: orgId,
            item: it.item,
            name: it.name,
            update_period_days: period,
            genres: it.item === 1 ? ['rule', 'normative'] : [],
            manual_updated_on: it.item === 1 ? null : touched,
            sort_order: it.item,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        n++;
        const topics = ITEM_TOPICS[it.item];
        if (topics) {
          await sql`
            insert into disclosure_column_documents (column_id, document_id)
            select ${col.id}, d.id from documents d
            where d.org_id = ${orgId} and d.status = 'published' and d.topic in (${sql.join(topics)})
              and (${overdue} = false or d.published_date <= ${touched}::date)
            order by d.published_date desc nulls last limit 50
            on conflict do nothing`.execute(tx);
        }
      }
    }
    await recordAudit(tx, {
      actorId: null,
      action: 'disclosure_column.seed',
      subjectType: 'disclosure_column',
      subjectId: null,
      after: { columns: n },
    });
  });
  return n;
}

async function seedEnterprises(db: Db): Promise<number> {
  const existing = await db.selectFrom('public_enterprises').select('id').limit(1).execute();
  if (existing.length > 0) return 0;
  await inTransaction(db, async (tx) => {
    const orgIds = await orgIdsByName(tx);
    for (const [i, e] of ENTERPRISES.entries()) {
      await tx
        .insertInto('public_enterprises')
        .values({
          sector: e.sector,
          name: e.name,
          url: `https://www.example.org/jining/${e.slug}/xxgk`,
          org_id: orgIds.get(e.org) ?? null,
          description: e.description,
          sort_order: i,
        })
        .execute();
    }
    await recordAudit(tx, {
      actorId: null,
      action: 'public_enterprise.seed',
      subjectType: 'public_enterprise',
      subjectId: null,
      after: { enterprises: ENTERPRISES.length },
    });
  });
  return ENTERPRISES.length;
}

/**
 * Demo gazette issues (from the published demo documents), Art. 20 columns and public enterprises.
 * Runs after the documents seed; each part does nothing when its table already has rows.
 */
export async function seedGazetteAndCatalogues(db: Db, today: string = chinaToday()): Promise<SeedReport> {
  const issues = await seedGazette(db);
  const columns = await seedColumns(db, today);
  const enterprises = await seedEnterprises(db);
  return [`政府公报：${issues}期；法定主动公开栏目：${columns}个；公共企事业单位：${enterprises}家`];
}
