/**
 * The drafting → review → publication workflow of a document (pure rules).
 *
 *   draft ──submit──▶ in_review ──approve──▶ approved ──publish──▶ published
 *     ▲                  │
 *     └──── returned ◀───┘ (return with notes; edit, then submit again)
 *
 * 先确定公开属性，再运转呈签: a document cannot be submitted without its disclosure attribute, and
 * 依申请公开 / 不予公开 need a legal ground of the regulation plus a reason. 三同步 (不解读不运转): a policy
 * document to be published proactively needs at least one interpretation before it is submitted.
 */
import {
  ATTRIBUTE_LABELS,
  type Attribute,
  type DocStatus,
  findLegalGround,
  GENRE_LABELS,
  needsInterpretation,
  STATUS_LABELS,
} from './codes.ts';

export const WORKFLOW_ACTIONS = ['edit', 'submit', 'approve', 'return', 'publish'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export const ACTION_LABELS: Readonly<Record<WorkflowAction, string>> = {
  edit: '修改',
  submit: '提交保密审查',
  approve: '审查通过',
  return: '退回修改',
  publish: '发布',
};

const FROM: Readonly<Record<WorkflowAction, readonly DocStatus[]>> = {
  edit: ['draft', 'returned'],
  submit: ['draft', 'returned'],
  approve: ['in_review'],
  return: ['in_review'],
  publish: ['approved'],
};

const TO: Readonly<Record<Exclude<WorkflowAction, 'edit'>, DocStatus>> = {
  submit: 'in_review',
  approve: 'approved',
  return: 'returned',
  publish: 'published',
};

export type WorkflowDoc = {
  status: DocStatus;
  genre: string;
  attribute: Attribute | null;
  attributeGround: string | null;
  attributeReason: string | null;
  interpretationCount: number;
};

export type FieldProblem = { path: string; message: string };

export type Decision =
  | { ok: true; next: DocStatus }
  | {
      ok: false;
      code:
        | 'DOC_STATUS_INVALID'
        | 'DOC_ATTRIBUTE_REQUIRED'
        | 'DOC_GROUND_REQUIRED'
        | 'DOC_INTERPRETATION_REQUIRED'
        | 'VALIDATION_FAILED';
      params: Record<string, unknown>;
      fields?: FieldProblem[];
    };

/** Field problems of the disclosure attribute (empty when complete). */
export function attributeProblems(
  attribute: Attribute | null,
  ground: string | null,
  reason: string | null,
): FieldProblem[] {
  if (attribute === null) return [{ path: 'attribute', message: '请选择公开属性' }];
  if (attribute === 'proactive') return [];
  const out: FieldProblem[] = [];
  const g = ground ? findLegalGround(ground) : undefined;
  if (!ground)
    out.push({ path: 'attributeGround', message: `${ATTRIBUTE_LABELS[attribute]}的文件应当选择法律依据` });
  else if (!g) out.push({ path: 'attributeGround', message: '所选法律依据不在条例规定的范围内' });
  else if (!g.attributes.includes(attribute))
    out.push({
      path: 'attributeGround',
      message: `“${g.article}”不能作为${ATTRIBUTE_LABELS[attribute]}的依据，请选择第十四、十五或十六条规定的情形`,
    });
  if (!reason || reason.trim() === '') out.push({ path: 'attributeReason', message: '请说明具体理由' });
  return out;
}

export function allowedActions(doc: WorkflowDoc): WorkflowAction[] {
  return (Object.keys(FROM) as WorkflowAction[]).filter((a) => decide(doc, a).ok);
}

/** Whether `action` may happen to `doc` now, and the status it leads to. */
export function decide(doc: WorkflowDoc, action: WorkflowAction): Decision {
  if (!FROM[action].includes(doc.status)) {
    return {
      ok: false,
      code: 'DOC_STATUS_INVALID',
      params: {
        status: doc.status,
        statusLabel: STATUS_LABELS[doc.status],
        action,
        actionLabel: ACTION_LABELS[action],
      },
    };
  }
  if (action === 'edit') return { ok: true, next: doc.status };
  if (action === 'submit' || action === 'approve' || action === 'publish') {
    const problems = attributeProblems(doc.attribute, doc.attributeGround, doc.attributeReason);
    if (problems.length > 0) {
      return {
        ok: false,
        code: doc.attribute === null ? 'DOC_ATTRIBUTE_REQUIRED' : 'DOC_GROUND_REQUIRED',
        params: {},
        fields: problems,
      };
    }
  }
  // 不解读不运转: a proactive policy document goes for signature (送审), approval and publication only
  // with its interpretation.
  if (
    (action === 'submit' || action === 'approve' || action === 'publish') &&
    doc.attribute === 'proactive' &&
    needsInterpretation(doc.genre) &&
    doc.interpretationCount < 1
  ) {
    return {
      ok: false,
      code: 'DOC_INTERPRETATION_REQUIRED',
      params: {
        genre: doc.genre,
        genreLabel: GENRE_LABELS[doc.genre] ?? doc.genre,
        actionLabel: ACTION_LABELS[action],
      },
    };
  }
  return { ok: true, next: TO[action] };
}

/** 定期复审: due date = the day published/decided plus `months` (clamped to the month's last day). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Review due for withheld documents only; proactive documents are not reviewed. */
export function attributeReviewDue(
  attribute: Attribute | null,
  decidedOn: string,
  months: number,
): string | null {
  return attribute === 'on_request' || attribute === 'not_public' ? addMonths(decidedOn, months) : null;
}
