/**
 * 机构导入: the organisation register from a spreadsheet (名称, 简称, 上级机构, 类型, 统一社会信用代码,
 * 机构代码, 是否受理依申请公开). Pure: the rows and the organisations already there in, a plan of
 * creates and updates and every row's errors out. The plan is applied only when there is no error.
 *
 * A row updates an existing organisation with the same credit code, else the one with the same name
 * under the same parent; otherwise it creates one. An empty optional cell leaves the value as it is.
 * 上级机构 names an organisation in the file or, failing that, one already in the system.
 *
 * 类型 人民政府 depends on the parent: directly under a 人民政府 (kind government, e.g. 济宁市人民政府)
 * it is a county-level government (kind county, 县（市、区）); at the top of the tree, or below a
 * county, it is kind government. The county label 县（市、区） is accepted too.
 */
import { CREDIT_CODE_MESSAGES, creditCodeProblem } from './credit-code.ts';
import { allowedParentKinds, ORG_KIND_LABELS, ORG_KINDS, type OrgKind } from './roles.ts';
import { cellAt, locateColumns, type RowError, type RowResult, type Sheet, yesNo } from './sheet.ts';

export const ORG_COLUMNS = {
  name: { header: '名称', required: true },
  shortName: { header: '简称', required: false },
  parent: { header: '上级机构', required: true },
  kind: { header: '类型', required: true },
  creditCode: { header: '统一社会信用代码', required: false },
  code: { header: '机构代码', required: false },
  acceptsRequests: { header: '是否受理依申请公开', required: false },
} as const;

/** The template's header row, in order. */
export const ORG_TEMPLATE_HEADERS = Object.values(ORG_COLUMNS).map((c) => c.header);

/** The kinds the template's 类型 list offers (人民政府 covers county-level governments too). */
const TEMPLATE_KINDS = ['government', 'department', 'town', 'institution', 'enterprise'] as const;
export const ORG_TEMPLATE_KIND_LABELS = TEMPLATE_KINDS.map((k) => ORG_KIND_LABELS[k]);

/** The 类型 cell of an organisation of `kind` (a county-level government is written 人民政府). */
export function kindTemplateLabel(kind: OrgKind): string {
  return ORG_KIND_LABELS[kind === 'county' ? 'government' : kind];
}

/** Whether `label` is a 类型 the import understands. */
export function isKindLabel(label: string): boolean {
  return ORG_KINDS.some((k) => ORG_KIND_LABELS[k] === label);
}

/** The kind for a 类型 label below a parent of `parentKind` (null: at the top); null for an unknown label. */
export function kindFromLabel(label: string, parentKind: OrgKind | null): OrgKind | null {
  if (label === ORG_KIND_LABELS.government) return parentKind === 'government' ? 'county' : 'government';
  return ORG_KINDS.find((k) => ORG_KIND_LABELS[k] === label) ?? null;
}

export type ExistingOrg = {
  id: number;
  parentId: number | null;
  name: string;
  kind: OrgKind;
  shortName: string | null;
  creditCode: string | null;
  code: string | null;
  acceptsRequests: boolean;
};

/** A parent: an organisation already there, a row of the file (created or updated first), or none. */
export type OrgRef = { existing: number } | { row: number } | null;

export type OrgPlanItem = {
  row: number;
  action: 'create' | 'update';
  /** The organisation updated (null: created). */
  id: number | null;
  name: string;
  parent: OrgRef;
  kind: OrgKind;
  shortName: string | null;
  creditCode: string | null;
  code: string | null;
  acceptsRequests: boolean;
  /** What an update changes, for the preview (Chinese field names). */
  changes: string[];
};

export type OrgImportPlan = {
  /** Parents before children; empty when there is any error. */
  items: OrgPlanItem[];
  results: RowResult[];
  errors: RowError[];
};

type Parsed = {
  row: number;
  name: string;
  parentText: string;
  kindLabel: string;
  shortName: string | null;
  creditCode: string | null;
  code: string | null;
  accepts: boolean | null;
  errors: string[];
  parent?: OrgRef;
  matched?: ExistingOrg | null;
  kind?: OrgKind | null;
};

export function planOrgImport(
  sheet: Sheet,
  existing: readonly ExistingOrg[],
  opts: { visibleIds?: ReadonlySet<number> } = {},
): OrgImportPlan {
  const { index, missing } = locateColumns(sheet, ORG_COLUMNS);
  if (missing) return { items: [], results: [], errors: [missing] };
  if (sheet.rows.length === 0)
    return { items: [], results: [], errors: [{ row: sheet.headerRow, message: '表中没有机构数据' }] };
  const visible = (id: number) => !opts.visibleIds || opts.visibleIds.has(id);
  const byId = new Map(existing.map((o) => [o.id, o]));
  const existingByName = groupBy(existing, (o) => o.name);
  const existingByCode = new Map(existing.filter((o) => o.creditCode).map((o) => [o.creditCode, o]));

  // 1. Each row on its own.
  const rows: Parsed[] = sheet.rows.map((r) => {
    const p: Parsed = {
      row: r.row,
      name: cellAt(r, index.name),
      parentText: cellAt(r, index.parent),
      kindLabel: cellAt(r, index.kind),
      shortName: cellAt(r, index.shortName) || null,
      creditCode: cellAt(r, index.creditCode).toUpperCase() || null,
      code: cellAt(r, index.code) || null,
      accepts: null,
      errors: [],
    };
    if (p.name === '') p.errors.push('名称不能为空');
    else if (p.name.length > 100) p.errors.push('名称不能超过100个字');
    if (p.shortName && p.shortName.length > 50) p.errors.push('简称不能超过50个字');
    if (p.kindLabel === '') p.errors.push('类型不能为空');
    else if (!isKindLabel(p.kindLabel))
      p.errors.push(`类型“${p.kindLabel}”无效，应为：${ORG_TEMPLATE_KIND_LABELS.join('、')}`);
    if (p.creditCode) {
      const problem = creditCodeProblem(p.creditCode);
      if (problem) p.errors.push(`${CREDIT_CODE_MESSAGES[problem]}（${p.creditCode}）`);
    }
    if (p.code && p.code.length > 40) p.errors.push('机构代码不能超过40个字符');
    const yn = yesNo(cellAt(r, index.acceptsRequests));
    if (yn === undefined) p.errors.push('是否受理依申请公开应填写“是”或“否”');
    else p.accepts = yn;
    return p;
  });

  // 2. Duplicates within the file: one name twice under one parent, one credit code twice.
  const firstOf = new Map<string, number>();
  const firstCode = new Map<string, number>();
  for (const p of rows) {
    if (p.name !== '') {
      const key = `${p.parentText}\u0000${p.name}`;
      const first = firstOf.get(key);
      if (first !== undefined) p.errors.push(`与第${first}行重复：同一上级机构下有两个“${p.name}”`);
      else firstOf.set(key, p.row);
    }
    if (p.creditCode) {
      const first = firstCode.get(p.creditCode);
      if (first !== undefined) p.errors.push(`统一社会信用代码与第${first}行重复`);
      else firstCode.set(p.creditCode, p.row);
    }
  }

  // 3. Parents: a row of the file first, then an organisation already there.
  const fileByName = groupBy(
    rows.filter((p) => p.name !== ''),
    (p) => p.name,
  );
  for (const p of rows) {
    if (p.parentText === '') {
      p.parent = null;
      continue;
    }
    const inFile = fileByName.get(p.parentText) ?? [];
    const inDb = existingByName.get(p.parentText) ?? [];
    if (inFile.length > 1) p.errors.push(`上级机构“${p.parentText}”在表中有多个同名机构，无法确定`);
    else if (inFile.length === 1) p.parent = { row: (inFile[0] as Parsed).row };
    else if (inDb.length > 1) p.errors.push(`上级机构“${p.parentText}”在系统中有多个同名机构，无法确定`);
    else if (inDb.length === 1) {
      const o = inDb[0] as ExistingOrg;
      if (visible(o.id)) p.parent = { existing: o.id };
      else p.errors.push(`上级机构“${p.parentText}”不在您的管理范围内`);
    } else p.errors.push(`上级机构“${p.parentText}”不存在（表中和系统中都没有）`);
  }
  const byRow = new Map(rows.map((p) => [p.row, p]));

  // 4. Cycles among the file's parents.
  const inCycle = new Set<number>();
  for (const p of rows) {
    const path: Parsed[] = [];
    let cur: Parsed | undefined = p;
    while (cur && !path.includes(cur) && cur.parent && 'row' in cur.parent) {
      path.push(cur);
      cur = byRow.get(cur.parent.row);
    }
    if (cur && path.includes(cur)) {
      const loop = path.slice(path.indexOf(cur));
      if (loop.includes(p)) {
        inCycle.add(p.row);
        const names = [...loop, cur].map((x) => x.name).join(' → ');
        p.errors.push(`上级机构形成循环：${names}`);
      }
    }
  }

  // 5. Which organisation each row is (credit code, else name under the same parent).
  const matchOf = (p: Parsed, seen: Set<number>): ExistingOrg | null => {
    if (p.matched !== undefined) return p.matched;
    if (seen.has(p.row) || inCycle.has(p.row)) return null;
    seen.add(p.row);
    let m: ExistingOrg | null = (p.creditCode && existingByCode.get(p.creditCode)) || null;
    if (!m && p.parent !== undefined) {
      const parentId =
        p.parent === null
          ? null
          : 'existing' in p.parent
            ? p.parent.existing
            : (matchOf(byRow.get(p.parent.row) as Parsed, seen)?.id ?? undefined);
      if (parentId !== undefined)
        m = (existingByName.get(p.name) ?? []).find((o) => o.parentId === parentId) ?? null;
    }
    p.matched = m;
    return m;
  };
  const matchedBy = new Map<number, number>();
  for (const p of rows) {
    const m = matchOf(p, new Set());
    if (!m) continue;
    if (!visible(m.id)) p.errors.push(`机构“${m.name}”不在您的管理范围内`);
    const other = matchedBy.get(m.id);
    if (other !== undefined) p.errors.push(`与第${other}行是同一个机构（“${m.name}”）`);
    else matchedBy.set(m.id, p.row);
    if (p.parent === null && m.parentId !== null) p.errors.push('请填写上级机构');
  }
  for (const p of rows) {
    if (p.parent === null && !p.matched && p.name !== '')
      p.errors.push('请填写上级机构（只有系统中已有的最上级机构可以不填）');
  }

  // 6. Moving an existing organisation below one of its own descendants (through new rows too).
  const nodeOfRow = (p: Parsed): string => (p.matched ? `e${p.matched.id}` : `r${p.row}`);
  const nodeOfRef = (ref: OrgRef | undefined): string | null => {
    if (!ref) return null;
    if ('existing' in ref) return `e${ref.existing}`;
    const q = byRow.get(ref.row);
    return q ? nodeOfRow(q) : null;
  };
  const parentNode = (node: string): string | null => {
    const id = Number(node.slice(1));
    if (node[0] === 'r') return nodeOfRef(byRow.get(id)?.parent);
    const row = matchedBy.get(id);
    if (row !== undefined) return nodeOfRef(byRow.get(row)?.parent);
    const parentId = byId.get(id)?.parentId ?? null;
    return parentId === null ? null : `e${parentId}`;
  };
  for (const p of rows) {
    if (inCycle.has(p.row) || p.parent === undefined) continue;
    const self = nodeOfRow(p);
    let cur = parentNode(self);
    for (let guard = 0; cur !== null && guard < 10_000; guard++) {
      if (cur === self) {
        p.errors.push(`不能把“${p.name}”移到它自己的下级机构之下`);
        break;
      }
      cur = parentNode(cur);
    }
  }
  const finalParent = (id: number): number | null => {
    const node = parentNode(`e${id}`);
    return node?.[0] === 'e' ? Number(node.slice(1)) : null;
  };

  // A rename or a move onto a name its new parent already has.
  const taken = new Map<string, string>();
  for (const o of existing) {
    if (!matchedBy.has(o.id)) taken.set(`${o.parentId === null ? null : `e${o.parentId}`}|${o.name}`, o.name);
  }
  for (const p of rows) {
    if (p.name === '' || p.parent === undefined || inCycle.has(p.row)) continue;
    if (taken.has(`${nodeOfRef(p.parent)}|${p.name}`))
      p.errors.push(`上级机构“${p.parentText}”下已有名为“${p.name}”的机构`);
  }

  // 7. Kinds, which depend on the parent's kind, and whether the kind may sit below that parent.
  const kindOf = (p: Parsed, seen: Set<number>): OrgKind | null => {
    if (p.kind !== undefined) return p.kind;
    if (seen.has(p.row) || inCycle.has(p.row)) return null;
    seen.add(p.row);
    const pk = parentKindOf(p, seen);
    p.kind = pk === undefined ? null : kindFromLabel(p.kindLabel, pk);
    return p.kind;
  };
  const parentKindOf = (p: Parsed, seen: Set<number>): OrgKind | null | undefined => {
    if (p.parent === undefined) return undefined;
    if (p.parent === null) return null;
    if ('existing' in p.parent) return byId.get(p.parent.existing)?.kind;
    return kindOf(byRow.get(p.parent.row) as Parsed, seen) ?? undefined;
  };
  for (const p of rows) {
    const kind = kindOf(p, new Set());
    const pk = parentKindOf(p, new Set());
    if (
      kind &&
      pk !== undefined &&
      !(p.parent === null && p.matched) &&
      !allowedParentKinds(kind).includes(pk)
    ) {
      const parentLabel = pk === null ? '最上级' : `“${p.parentText}”（${ORG_KIND_LABELS[pk]}）`;
      p.errors.push(`类型为“${p.kindLabel}”的机构不能设在${parentLabel}之下`);
    }
  }

  // 8. The plan, parents first.
  const items: OrgPlanItem[] = [];
  const results: RowResult[] = [];
  const errors: RowError[] = [];
  for (const p of rows) {
    if (p.errors.length > 0) {
      results.push({ row: p.row, label: p.name, action: 'error', messages: p.errors });
      for (const message of p.errors) errors.push({ row: p.row, message });
      continue;
    }
    const m = p.matched ?? null;
    const item: OrgPlanItem = {
      row: p.row,
      action: m ? 'update' : 'create',
      id: m?.id ?? null,
      name: p.name,
      parent: p.parent ?? null,
      kind: p.kind as OrgKind,
      shortName: p.shortName ?? m?.shortName ?? null,
      creditCode: p.creditCode ?? m?.creditCode ?? null,
      code: p.code ?? m?.code ?? null,
      acceptsRequests: p.accepts ?? m?.acceptsRequests ?? true,
      changes: [],
    };
    if (m) {
      const parentId = finalParent(m.id);
      if (item.name !== m.name) item.changes.push('名称');
      if (parentId !== m.parentId) item.changes.push('上级机构');
      if (item.kind !== m.kind) item.changes.push('类型');
      if (item.shortName !== m.shortName) item.changes.push('简称');
      if (item.creditCode !== m.creditCode) item.changes.push('统一社会信用代码');
      if (item.code !== m.code) item.changes.push('机构代码');
      if (item.acceptsRequests !== m.acceptsRequests) item.changes.push('是否受理依申请公开');
    }
    items.push(item);
    const action = m ? (item.changes.length > 0 ? 'update' : 'unchanged') : 'create';
    results.push({
      row: p.row,
      label: p.name,
      action,
      messages: action === 'update' ? [`修改：${item.changes.join('、')}`] : [],
    });
  }
  if (errors.length > 0) return { items: [], results, errors };
  return { items: parentsFirst(items), results, errors };
}

function parentsFirst(items: OrgPlanItem[]): OrgPlanItem[] {
  const byRow = new Map(items.map((i) => [i.row, i]));
  const depth = (i: OrgPlanItem): number => {
    let d = 0;
    let cur: OrgPlanItem | undefined = i;
    while (cur?.parent && 'row' in cur.parent && d < items.length) {
      cur = byRow.get(cur.parent.row);
      d++;
    }
    return d;
  };
  return items
    .map((i) => ({ i, d: depth(i) }))
    .sort((a, b) => a.d - b.d || a.i.row - b.i.row)
    .map((x) => x.i);
}

function groupBy<T>(list: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of list) {
    const k = key(t);
    const l = out.get(k);
    if (l) l.push(t);
    else out.set(k, [t]);
  }
  return out;
}
