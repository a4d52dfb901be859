import { z } from 'zod';
import { isoDate, recordId } from '../../platform/http/schemas.ts';
import { AUDIENCES, MANNERS } from './domain/areas.ts';
import { COLUMN_KINDS } from './domain/masking.ts';
import { PROBLEMS } from './domain/time-limit.ts';

export { idParam } from '../../platform/http/schemas.ts';

const text = (max: number, label: string) => z.string().trim().max(max, `${label}不能超过${max}字`);
const required = (max: number, label: string) => text(max, label).min(1, `请填写${label}`);

export const itemBody = z.object({
  orgId: recordId,
  area: required(40, '领域'),
  matter: required(200, '公开事项'),
  subMatter: text(200, '二级事项').default(''),
  content: required(4000, '公开内容'),
  basis: text(4000, '公开依据').default(''),
  timeLimit: text(200, '公开时限').default(''),
  publisher: text(200, '公开主体').default(''),
  channels: text(500, '公开渠道和载体').default(''),
  audience: z.enum(AUDIENCES, '公开对象应为“全社会”或“特定群体”').default('全社会'),
  manner: z.enum(MANNERS, '公开方式应为“主动”或“依申请”').default('主动'),
  level: text(40, '公开层级').default(''),
  columnId: recordId.nullable().default(null),
  linkPath: z
    .string()
    .trim()
    .max(500, '页面地址不能超过500字')
    .regex(/^(\/[^\s]*|https?:\/\/\S+)?$/, '页面地址应以 / 或 http(s):// 开头')
    .nullable()
    .default(null)
    .transform((v) => (v === '' ? null : v)),
  verifiedOn: isoDate.nullable().default(null),
});

export const itemQuery = z.object({
  orgId: recordId.optional(),
  area: z.string().trim().max(40).optional(),
});

export const importQuery = z.object({
  orgId: recordId,
  area: z.string().trim().max(40, '领域不能超过40字').default(''),
  dryRun: z.enum(['true', 'false']).default('false'),
});

export const itemView = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  area: z.string(),
  matter: z.string(),
  subMatter: z.string(),
  content: z.string(),
  basis: z.string(),
  timeLimit: z.string(),
  timeLimitLabel: z.string(),
  publisher: z.string(),
  channels: z.string(),
  audience: z.enum(AUDIENCES),
  manner: z.enum(MANNERS),
  level: z.string(),
  columnId: z.number().nullable(),
  columnName: z.string().nullable(),
  linkPath: z.string().nullable(),
  verifiedOn: z.string().nullable(),
  lastUpdated: z.string().nullable(),
  dueOn: z.string().nullable(),
  stale: z.boolean(),
  problem: z.enum(PROBLEMS).nullable(),
  canManage: z.boolean(),
});
export const itemList = z.object({
  items: z.array(itemView),
  areas: z.array(z.string()),
});
export const ok = z.object({ ok: z.literal(true) });
export const importResult = z.object({ imported: z.number(), items: z.number() });
export const columnOptions = z.object({ items: z.array(z.object({ id: z.number(), name: z.string() })) });
export const orgParam = z.object({ orgId: recordId });

export const noticeBody = z.object({
  orgId: recordId,
  title: required(200, '标题'),
  place: required(100, '公开的村（社区）或群体'),
  audience: text(200, '公开对象').default(''),
  intro: text(4000, '说明').default(''),
  periodStart: isoDate,
  periodEnd: isoDate,
  contact: text(100, '监督电话').default(''),
});
export const noticeUpdateBody = noticeBody.omit({ orgId: true });
export const withdrawBody = z.object({ reason: required(500, '撤回理由') });
export const postingBody = z.object({
  location: required(200, '张贴地点'),
  postedOn: isoDate,
  removedOn: isoDate.nullable().default(null),
  postedBy: text(50, '张贴人').default(''),
  note: text(500, '备注').default(''),
});

export const postingView = z.object({
  id: z.number(),
  location: z.string(),
  postedOn: z.string(),
  removedOn: z.string().nullable(),
  postedBy: z.string(),
  note: z.string(),
});
export const noticeView = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  title: z.string(),
  place: z.string(),
  audience: z.string(),
  intro: z.string(),
  columns: z.array(z.string()),
  kinds: z.array(z.enum(COLUMN_KINDS)),
  rows: z.array(z.array(z.string())),
  removedColumns: z.array(z.string()),
  periodStart: z.string(),
  periodEnd: z.string(),
  contact: z.string(),
  status: z.enum(['draft', 'published', 'withdrawn']),
  withdrawReason: z.string().nullable(),
  publishedAt: z.string().nullable(),
  postings: z.array(postingView),
  canManage: z.boolean(),
  canPost: z.boolean(),
});
export const noticeList = z.object({ items: z.array(noticeView) });
