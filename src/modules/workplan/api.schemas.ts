import { z } from 'zod';
import { isoDate, recordId } from '../../platform/http/schemas.ts';
import { ROLLUP_STATUSES } from './domain/cascade.ts';
import { ASSESSMENT_STATES, PERIOD_KINDS } from './domain/scoring.ts';
import { ASSIGNMENT_ROLES, REVIEW_DECISIONS, REVIEW_STATES, WORK_STATUSES } from './domain/status.ts';
import { ORG_KINDS } from './domain/units.ts';

export { idParam } from '../../platform/http/schemas.ts';

export const fileParam = z.object({
  id: recordId,
  fileId: recordId,
});

/** A date that exists (2024-02-30 is refused). */
const existingDate = isoDate.refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), '日期无效');
const optText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}不能超过${max}个字`)
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional()
    .transform((v) => v ?? null);
const optDate = existingDate
  .nullable()
  .optional()
  .transform((v) => v ?? null);
const unitName = z.string().trim().min(1, '单位名称不能为空').max(200, '单位名称不能超过200个字');

export const taskInput = z
  .object({
    seq: z.number('请填写序号').int('序号应为整数').positive('序号应为正整数'),
    section: optText(500, '所属部分'),
    // Some tables have no task column (only 具体要求): one of the two must be filled.
    task: z.string().trim().max(2000, '工作任务不能超过2000个字').default(''),
    leadUnits: z.array(unitName).max(100).default([]),
    responsibleUnits: z.array(unitName).max(200).default([]),
    requirement: z.string().max(20000, '具体要求不能超过20000个字').default(''),
    deadlineRaw: optText(500, '完成时限'),
    due: optDate,
    recurring: z.boolean().default(false),
    dueSuggested: optDate,
  })
  .refine((t) => t.task !== '' || t.requirement.trim() !== '', {
    path: ['task'],
    message: '工作任务和具体要求不能都为空',
  });

export const savePlanBody = z.object({
  orgId: z.number('请选择所属机构').int().positive('请选择所属机构'),
  year: z
    .number('请填写年度')
    .int('年度应为整数')
    .min(2000, '年度应在2000至2100之间')
    .max(2100, '年度应在2000至2100之间'),
  title: z.string('请填写台账名称').trim().min(1, '请填写台账名称').max(300, '台账名称不能超过300个字'),
  docNumber: optText(100, '文号'),
  issuer: optText(200, '发文机关'),
  issuedDate: optDate,
  sourceName: optText(300, '文件名'),
  sourceText: z
    .string()
    .max(2_000_000, '原文过长')
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  tasks: z.array(taskInput).min(1, '台账中至少应有一项工作任务').max(5000, '工作任务不能超过5000项'),
  unitMappings: z
    .array(z.object({ name: unitName, orgId: z.number().int().positive('请选择对应机构') }))
    .max(2000)
    .default([]),
  createUnits: z
    .array(
      z.object({
        name: unitName,
        parentOrgId: z.number().int().positive('请选择上级机构'),
        kind: z.enum(ORG_KINDS, '请选择机构类型').default('department'),
      }),
    )
    .max(500)
    .default([]),
  groupNames: z.array(unitName).max(500).default([]),
  /** 外部发文机关: the plan of an issuer outside the platform (the province's); its units are kept verbatim. */
  externalIssuer: optText(200, '外部发文机关'),
  parentPlanId: z
    .number()
    .int()
    .positive()
    .nullable()
    .optional()
    .transform((v) => v ?? null),
});

export const planListQuery = z.object({
  orgId: recordId.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

/** `tasks=none`: the plan's head only (the console loads its task list a page at a time). */
export const planDetailQuery = z.object({
  tasks: z.enum(['all', 'none'], '任务参数应为 all 或 none').default('all'),
});

export const TASK_FILTERS = ['all', 'overdue', 'submitted', 'returned', 'open'] as const;

export const planTasksQuery = z.object({
  filter: z.enum(TASK_FILTERS, '请选择任务筛选条件').default('all'),
  q: z.string().trim().max(200, '搜索词不能超过200个字').default(''),
  page: z.coerce
    .number('页码应为正整数')
    .int('页码应为正整数')
    .min(1, '页码应为正整数')
    .max(100_000)
    .default(1),
  pageSize: z.coerce
    .number('每页条数应为1至100')
    .int('每页条数应为1至100')
    .min(1, '每页条数应为1至100')
    .max(100, '每页条数应为1至100')
    .default(50),
});

export const planPatchBody = z
  .object({
    published: z.boolean(),
    title: z.string().trim().min(1, '请填写台账名称').max(300, '台账名称不能超过300个字'),
  })
  .partial();

export const myTasksQuery = z.object({
  orgId: recordId.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(WORK_STATUSES).optional(),
});

export const reviewQueueQuery = z.object({ planId: recordId.optional() });

export const progressBody = z.object({
  text: z.string('请填写进展情况').trim().min(1, '请填写进展情况').max(5000, '进展情况不能超过5000个字'),
  links: z
    .array(
      z.object({
        title: z.string().trim().max(200, '链接名称不能超过200个字').default(''),
        url: z
          .string()
          .trim()
          .max(2000, '链接过长')
          .regex(/^https?:\/\/\S+$/i, '链接应以 http:// 或 https:// 开头'),
      }),
    )
    .max(20, '佐证链接不能超过20个')
    .default([]),
  fileIds: z.array(z.number().int().positive()).max(20, '佐证文件不能超过20个').default([]),
  status: z.enum(WORK_STATUSES, '请选择完成状态'),
});

export const reviewBody = z.object({
  decision: z.enum(REVIEW_DECISIONS, '请选择审核结果'),
  comment: z
    .string()
    .trim()
    .max(2000, '审核意见不能超过2000个字')
    .nullable()
    .optional()
    .transform((v) => (v ? v : null)),
});

// ---------------------------------------------------------------------------------------------------
// Responses (the console's types: src/admin/api/workplan.ts). Dates are `YYYY-MM-DD`, timestamps ISO
// 8601 strings (docs/workplan.md).

export const created = z.object({ id: z.number() });

const date = z.string();
const timestamp = z.string();
const status = z.enum(WORK_STATUSES);
const reviewState = z.enum(REVIEW_STATES);
const assignmentRole = z.enum(ASSIGNMENT_ROLES);

// Import -------------------------------------------------------------------------------------------

/** One row of a parsed task table, as the importer reads it (editable in the preview before saving). */
export const parsedTask = z.object({
  seq: z.number(),
  section: z.string().nullable(),
  task: z.string(),
  leadUnits: z.array(z.string()),
  responsibleUnits: z.array(z.string()),
  requirement: z.string(),
  deadlineRaw: z.string().nullable(),
  due: date.nullable(),
  recurring: z.boolean(),
  /** A date found in the requirement where the table has no deadline column: a suggestion only. */
  dueSuggested: date.nullable().optional(),
  /** 1-based line range [first, last] of `sourceText` the row was read from. */
  sourceLines: z.tuple([z.number(), z.number()]).optional(),
});

export const parsedPlan = z.object({
  doc: z.object({
    title: z.string().nullable(),
    issuer: z.string().nullable(),
    docNumber: z.string().nullable(),
    issuedDate: date.nullable(),
    year: z.number().nullable(),
  }),
  tasks: z.array(parsedTask),
  /** Chinese; the user must see them (nothing is dropped silently). */
  warnings: z.array(z.string()),
  /** The normalised document text `sourceLines` refer to. */
  sourceText: z.string(),
});

/** A unit name of the table and the organisation it was matched to. */
export const unitMatch = z.object({
  name: z.string(),
  orgId: z.number().nullable(),
  orgName: z.string().nullable(),
  via: z.enum(['exact', 'alias', 'fuzzy']).nullable(),
  /** A group name (各县（市、区）政府…): kept verbatim, not assigned to one organisation. */
  group: z.boolean(),
  /** How many tasks name it. */
  tasks: z.number(),
});

export const importPreview = z.object({
  /** The organisation that will own the plan by default. */
  ownerOrgId: z.number(),
  ownerOrgName: z.string(),
  fileName: z.string(),
  parsed: parsedPlan,
  units: z.array(unitMatch),
  /** The organisations a unit name may be mapped to. */
  candidates: z.array(
    z.object({ id: z.number(), name: z.string(), parentId: z.number().nullable(), kind: z.string() }),
  ),
});

// Plans --------------------------------------------------------------------------------------------

/** What a plan's summary and its detail both start with. */
const planHead = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  year: z.number(),
  title: z.string(),
  docNumber: z.string().nullable(),
});

export const planSummary = planHead.extend({
  parentPlanId: z.number().nullable(),
  tasks: z.number(),
  assignments: z.number(),
  done: z.number(),
  overdue: z.number(),
  /** 0…1 */
  completionRate: z.number(),
  published: z.boolean(),
  createdAt: timestamp,
});

/** A unit's part in a task: who, and how far it has got. */
const unitState = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  role: assignmentRole,
  status,
  reviewState,
  lastSubmittedAt: timestamp.nullable(),
  acceptedAt: timestamp.nullable(),
  overdue: z.boolean(),
});

export const planAssignment = unitState.extend({
  /** The name as written in the table when it differs from the organisation's name. */
  unitText: z.string().nullable(),
});

/** A task as the table states it. */
const taskText = z.object({
  id: z.number(),
  seq: z.number(),
  section: z.string().nullable(),
  task: z.string(),
  requirement: z.string(),
  deadlineRaw: z.string().nullable(),
  due: date.nullable(),
  recurring: z.boolean(),
});

export const planTask = taskText.extend({
  dueSuggested: date.nullable(),
  parentTaskId: z.number().nullable(),
  carriedFromTaskId: z.number().nullable(),
  assignments: z.array(planAssignment),
  groups: z.array(z.string()),
});

export const planDetail = z.object({
  plan: planHead.extend({
    issuer: z.string().nullable(),
    issuedDate: date.nullable(),
    sourceName: z.string().nullable(),
    /** Null for those who do not manage the plan. */
    sourceText: z.string().nullable(),
    parentPlanId: z.number().nullable(),
    /** The issuer of an external plan (the province's), else null. */
    externalIssuer: z.string().nullable(),
    published: z.boolean(),
    createdAt: timestamp,
    canManage: z.boolean(),
    /** The day of the latest published 落实情况 (what the portal shows), and when it was published. */
    progressAsOf: date.nullable(),
    progressPublishedAt: timestamp.nullable(),
  }),
  tasks: z.array(planTask),
});

export const planTasksPage = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  tasks: z.array(planTask),
});

/** 发布落实情况: the snapshot the portal now shows. */
export const progressPublished = z.object({
  asOf: date,
  publishedAt: timestamp,
  totals: z.object({
    tasks: z.number(),
    done: z.number(),
    overdueTasks: z.number(),
    overdueParts: z.number(),
  }),
});

export const dashboard = z.object({
  today: date,
  totals: z.object({
    tasks: z.number(),
    assignments: z.number(),
    done: z.number(),
    overdueTasks: z.number(),
    overdue: z.number(),
    completionRate: z.number(),
  }),
  byStatus: z.record(status, z.number()),
  byUnit: z.array(
    z.object({
      orgId: z.number(),
      orgName: z.string(),
      total: z.number(),
      done: z.number(),
      inProgress: z.number(),
      notStarted: z.number(),
      ongoing: z.number(),
      overdue: z.number(),
      submitted: z.number(),
      completionRate: z.number(),
    }),
  ),
  overdue: z.array(
    z.object({
      assignmentId: z.number(),
      taskId: z.number(),
      seq: z.number(),
      task: z.string(),
      orgId: z.number(),
      orgName: z.string(),
      due: date,
      status,
      reviewState,
      daysOverdue: z.number(),
    }),
  ),
  /** True when `overdue` lists fewer items than `totals.overdue`. */
  overdueTruncated: z.boolean(),
});

// Assignments and progress -------------------------------------------------------------------------

/** A unit's assignment with its task and plan (one row of 我的任务; also the head of an assignment). */
export const assignment = unitState.extend({
  task: taskText,
  plan: z.object({
    id: z.number(),
    title: z.string(),
    year: z.number(),
    orgId: z.number(),
    orgName: z.string(),
  }),
});

/** A report awaiting review: the assignment and the report to pass to POST /progress/:id/review. */
export const reviewQueueItem = assignment.extend({ progressId: z.number().nullable() });

export const evidenceLink = z.object({ title: z.string(), url: z.string() });

export const progressFile = z.object({
  id: z.number(),
  name: z.string(),
  size: z.number(),
  mime: z.string(),
});

export const progressEntry = z.object({
  id: z.number(),
  text: z.string(),
  links: z.array(evidenceLink),
  files: z.array(progressFile),
  status,
  submittedBy: z.number().nullable(),
  submittedByName: z.string().nullable(),
  submittedAt: timestamp,
  decision: z.enum(REVIEW_DECISIONS).nullable(),
  reviewComment: z.string().nullable(),
  reviewedBy: z.number().nullable(),
  reviewedByName: z.string().nullable(),
  reviewedAt: timestamp.nullable(),
});

export const assignmentDetail = z.object({
  assignment,
  otherUnits: z.array(z.object({ orgId: z.number(), orgName: z.string(), role: assignmentRole })),
  /** Newest first. */
  progress: z.array(progressEntry),
  canSubmit: z.boolean(),
  canReview: z.boolean(),
});

// 回头看 -------------------------------------------------------------------------------------------

export const lookback = z.object({
  plan: z.object({ id: z.number(), orgId: z.number(), year: z.number(), title: z.string() }),
  totalTasks: z.number(),
  /** Plans of the next year of the same organisation: where tasks may be carried to. */
  targets: z.array(z.object({ id: z.number(), title: z.string(), year: z.number() })),
  unfinished: z.array(
    taskText.extend({
      assignments: z.array(
        z.object({
          id: z.number(),
          orgId: z.number(),
          orgName: z.string(),
          role: assignmentRole,
          status,
          reviewState,
          /** This unit's part is not finished. */
          open: z.boolean(),
          overdue: z.boolean(),
        }),
      ),
      carriedTo: z.array(
        z.object({
          taskId: z.number(),
          seq: z.number(),
          planId: z.number(),
          title: z.string(),
          year: z.number(),
        }),
      ),
    }),
  ),
});

export const carryOverResult = z.object({
  planId: z.number(),
  created: z.array(z.object({ id: z.number(), seq: z.number(), carriedFromId: z.number() })),
});

export const carriedOrigins = z.array(
  z.object({
    taskId: z.number(),
    carriedFrom: z
      .object({
        taskId: z.number(),
        seq: z.number(),
        task: z.string(),
        planId: z.number(),
        planTitle: z.string(),
        year: z.number(),
      })
      .nullable(),
  }),
);

// 分解到县 -----------------------------------------------------------------------------------------

export const cascadePreview = z.object({
  cityPlan: z.object({ id: z.number(), title: z.string(), year: z.number() }),
  county: z.object({ id: z.number(), name: z.string() }),
  tasks: z.array(
    z.object({
      id: z.number(),
      seq: z.number(),
      task: z.string(),
      groups: z.array(z.string()),
      due: date.nullable(),
    }),
  ),
});

export const cascadeResult = z.object({
  planId: z.number(),
  tasks: z.array(z.object({ id: z.number(), seq: z.number(), parentTaskId: z.number() })),
});

export const taskUnits = z.object({
  assignments: z.array(
    z.object({ id: z.number(), orgId: z.number(), orgName: z.string(), role: assignmentRole }),
  ),
});

/** A county's status on the task(s) derived from one city task. */
export const rollupCell = z.object({
  status: z.enum(ROLLUP_STATUSES),
  statusLabel: z.string(),
  total: z.number(),
  finished: z.number(),
  overdue: z.number(),
  orgId: z.number(),
  planId: z.number(),
  taskIds: z.array(z.number()),
});

export const cityRollup = z.object({
  plan: z.object({ id: z.number(), title: z.string(), year: z.number() }),
  counties: z.array(
    z.object({
      orgId: z.number(),
      orgName: z.string(),
      planId: z.number(),
      planTitle: z.string(),
      tasks: z.number(),
      finished: z.number(),
      overdue: z.number(),
    }),
  ),
  tasks: z.array(
    z.object({
      id: z.number(),
      seq: z.number(),
      task: z.string(),
      due: date.nullable(),
      counties: z.array(rollupCell),
    }),
  ),
});

// 上下级计划衔接 -----------------------------------------------------------------------------------------

export const linkQuery = z.object({
  parentPlanId: z.coerce.number('请选择上级计划').int().positive('请选择上级计划'),
});

export const linkSuggestions = z.object({
  plan: z.object({ id: z.number(), title: z.string(), parentPlanId: z.number().nullable() }),
  parent: z.object({ id: z.number(), title: z.string(), externalIssuer: z.string().nullable() }),
  parentTasks: z.array(
    z.object({ id: z.number(), seq: z.number(), section: z.string().nullable(), task: z.string() }),
  ),
  tasks: z.array(
    z.object({
      id: z.number(),
      seq: z.number(),
      task: z.string(),
      requirement: z.string(),
      parentTaskId: z.number().nullable(),
      suggestedParentTaskId: z.number().nullable(),
      similarity: z.number(),
    }),
  ),
});

export const saveLinksBody = z.object({
  parentPlanId: z.number('请选择上级计划').int().positive('请选择上级计划'),
  links: z
    .array(
      z.object({
        taskId: z.number().int().positive(),
        parentTaskId: z.number().int().positive().nullable(),
      }),
    )
    .max(5000, '任务过多'),
});

export const savedLinks = z.object({ planId: z.number(), parentPlanId: z.number(), linked: z.number() });

// 考核 ---------------------------------------------------------------------------------------------

export const scoreRules = z.object({
  base: z.number(),
  onTimePoints: z.number(),
  evidencePoints: z.number(),
  overduePenalty: z.number(),
  returnedPenalty: z.number(),
  bonusCap: z.number().nullable(),
  penaltyCap: z.number().nullable(),
});

export const scoreRulesView = z.object({ orgId: z.number(), rules: scoreRules, isDefault: z.boolean() });

export const assessment = z.object({
  id: z.number(),
  planId: z.number(),
  planTitle: z.string().nullable(),
  planYear: z.number().nullable(),
  orgId: z.number(),
  orgName: z.string().nullable(),
  periodKind: z.enum(PERIOD_KINDS),
  periodKindLabel: z.string(),
  periodLabel: z.string(),
  startsOn: date,
  endsOn: date,
  asOf: date,
  state: z.enum(ASSESSMENT_STATES),
  stateLabel: z.string(),
  /** The rules the scores were computed with (a snapshot). */
  rules: scoreRules,
  submittedAt: timestamp.nullable(),
  approvedBy: z.number().nullable(),
  approvedAt: timestamp.nullable(),
  returnedComment: z.string().nullable(),
  publishedAt: timestamp.nullable(),
});

export const rankingRow = z.object({
  orgId: z.number(),
  orgName: z.string(),
  rank: z.number(),
  score: z.number(),
  onTime: z.number(),
  evidence: z.number(),
  overdue: z.number(),
  returned: z.number(),
  bonus: z.number(),
  penalty: z.number(),
});

export const assessmentDetail = z.object({ assessment, ranking: z.array(rankingRow) });
