/**
 * The duty registers' contract (zod → validation and OpenAPI): one body schema per register the staff
 * enter, the errata's steps, one record view and list for all four, the import's answer and the stats.
 */
import { z } from 'zod';
import { isoDate, recordId } from '../../platform/http/schemas.ts';
import {
  EDITABLE_REGISTERS,
  type EditableRegister,
  IMPORT_REGISTERS,
  PLATFORMS,
  PROPOSAL_KINDS,
  PUBLICATIONS,
  REGISTERS,
  RESPONSE_KINDS,
  SATISFACTIONS,
} from './domain/registers.ts';

const year = z.coerce
  .number('年度应为四位数字')
  .int('年度应为四位数字')
  .min(2000, '年度不正确')
  .max(2100, '年度不正确');

const requiredText = (max: number, label: string) =>
  z.string(`请填写${label}`).trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}个字`);

const optionalText = (max: number, label: string) =>
  z
    .string(`${label}应为文字`)
    .trim()
    .max(max, `${label}不能超过${max}个字`)
    .nullish()
    .transform((v) => (v ? v : null));

const optionalDate = (label: string) =>
  z
    .union([isoDate, z.literal('')], `${label}格式应为 YYYY-MM-DD`)
    .nullish()
    .transform((v) => (v ? v : null));

const dateTime = z
  .string('时间格式应为 YYYY-MM-DD HH:mm')
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}$/, '时间格式应为 YYYY-MM-DD HH:mm')
  .transform((v) => v.replace('T', ' '));
const optionalDateTime = z
  .union([dateTime, z.literal('')])
  .nullish()
  .transform((v) => (v ? v : null));

const optionalChoice = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z
    .union([z.enum(values, message), z.literal('')], message)
    .nullish()
    .transform((v) => (v ? v : null));

const link = z
  .union([
    z
      .string()
      .trim()
      .max(500, '链接不能超过500个字')
      .regex(/^https?:\/\/[^\s]+$/, '链接应以 http:// 或 https:// 开头'),
    z.literal(''),
  ])
  .nullish()
  .transform((v) => (v ? v : null));

const common = (title: string) => ({
  orgId: recordId.describe('责任单位'),
  title: requiredText(200, title),
  occurredOn: isoDate,
});

export const opinionBody = z.object({
  ...common('舆情主题'),
  source: requiredText(100, '舆情来源'),
  discoveredAt: dateTime,
  responseKind: optionalChoice(RESPONSE_KINDS, '请选择回应方式（发布信息、政策解读、接受采访）'),
  respondedAt: optionalDateTime,
  responseLink: link,
  followUp: optionalText(2000, '后续跟踪'),
});

export const proposalBody = z.object({
  ...common('建议提案标题'),
  kind: z.enum(PROPOSAL_KINDS, '请选择类别（人大代表建议、政协委员提案）'),
  number: requiredText(50, '建议提案编号'),
  deputy: requiredText(100, '代表委员姓名'),
  dueOn: isoDate,
  reply: optionalText(20000, '答复内容'),
  repliedOn: optionalDate('答复日期'),
  satisfaction: optionalChoice(SATISFACTIONS, '请选择代表委员意见（满意、基本满意、不满意）'),
  publication: optionalChoice(PUBLICATIONS, '请选择公开方式（未公开、全文公开、摘要公开）').transform(
    (v) => v ?? 'none',
  ),
  publicationReason: optionalText(500, '摘要公开理由'),
  summaryText: optionalText(5000, '公开的摘要'),
  publishedOn: optionalDate('公开日期'),
});

export const accountBody = z.object({
  ...common('账号名称'),
  platform: z.enum(PLATFORMS, '请选择平台（微信公众号、微博、抖音、移动客户端、其他）'),
  accountId: requiredText(100, '账号ID'),
  person: requiredText(50, '责任人'),
  approvalRef: requiredText(100, '开设审批文号'),
  lastUpdateOn: optionalDate('最近更新日期'),
  lastCheckOn: optionalDate('最近检查日期'),
  changes: optionalText(2000, '变更情况'),
  closedOn: optionalDate('注销日期'),
  closureRef: optionalText(100, '注销审批文号'),
});

export const BODIES = {
  opinions: opinionBody,
  proposals: proposalBody,
  accounts: accountBody,
} as const satisfies Record<EditableRegister, z.ZodType>;
export type RecordInput = z.output<(typeof BODIES)[EditableRegister]>;

export const registerParam = z.object({ register: z.enum(REGISTERS, '台账不存在') });
export const editableParam = z.object({ register: z.enum(EDITABLE_REGISTERS, '该台账不能在此录入') });
export const importParam = z.object({ register: z.enum(IMPORT_REGISTERS, '该台账不支持导入') });
export const recordParams = z.object({
  register: z.enum(EDITABLE_REGISTERS, '该台账不能在此修改'),
  id: recordId,
});

export const listQuery = z.object({
  year: year.optional(),
  orgId: recordId.optional(),
  state: z.string().max(20).optional(),
});

export const assignBody = z.object({ orgId: recordId.describe('承办单位') });
export const answerBody = z.object({ answer: requiredText(2000, '答复内容') });

export const recordView = z.object({
  id: z.number(),
  register: z.enum(REGISTERS),
  orgId: z.number(),
  orgName: z.string(),
  assigneeOrgId: z.number().nullable(),
  assigneeName: z.string().nullable(),
  title: z.string(),
  occurredOn: z.string(),
  dueOn: z.string().nullable(),
  state: z.string(),
  stateLabel: z.string(),
  flagged: z.boolean(),
  overdue: z.boolean(),
  code: z.string().nullable(),
  /** The register's own fields. */
  data: z.record(z.string(), z.unknown()),
  /** 舆情: hours from discovery to response. */
  responseHours: z.number().nullable(),
  /** The due date counted over a year whose holiday notice is not loaded (暂定…), else null. */
  provisionalNote: z.string().nullable(),
  /** What this person may do with it. */
  canEdit: z.boolean(),
  canAnswer: z.boolean(),
  updatedAt: z.string(),
});
export const recordList = z.object({
  items: z.array(recordView),
  /** The units this person may name as responsible or assignee. */
  units: z.array(z.object({ id: z.number(), name: z.string() })),
});

export const importResponse = z.object({ imported: z.number() });

export const statsQuery = z.object({ year });
export const statsResponse = z.object({
  tables: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      columns: z.array(z.object({ key: z.string(), label: z.string() })),
      rows: z.array(z.object({ key: z.string(), label: z.string(), counts: z.array(z.number()) })),
    }),
  ),
});
