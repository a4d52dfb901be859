/**
 * What the audit trail's codes mean in words: each module declares the Chinese names of the actions it
 * records (`request.reply` → 答复申请) and of its subject types (`request` → 依申请公开申请) in its
 * manifest's `auditLabels`; `registerModules` installs them here, so the audit page shows the words and
 * never the codes. A module records only actions it has named (`src/modules.test.ts` holds this).
 */
export type AuditLabels = {
  /** Action code → what was done, e.g. 'org.merge' → '合并机构'. */
  readonly actions: Readonly<Record<string, string>>;
  /** Subject type → what it was done to, e.g. 'org' → '机构'. */
  readonly subjects: Readonly<Record<string, string>>;
};

/** The platform's own audited writes (uploads), beside the modules'. */
export const PLATFORM_AUDIT_LABELS: AuditLabels = {
  actions: { 'file.upload': '上传文件' },
  subjects: { file: '文件' },
};

const actions = new Map<string, string>();
const subjects = new Map<string, string>();

/** Installs the labels of every module; a code two modules name is refused. */
export function installAuditLabels(list: readonly { owner: string; labels: AuditLabels }[]): void {
  actions.clear();
  subjects.clear();
  const owners = new Map<string, string>();
  for (const { owner, labels } of [{ owner: 'platform', labels: PLATFORM_AUDIT_LABELS }, ...list]) {
    for (const [code, label] of Object.entries(labels.actions)) {
      const other = owners.get(`a:${code}`);
      if (other) throw new Error(`audit action ${code} is labelled by ${other} and by ${owner}`);
      owners.set(`a:${code}`, owner);
      actions.set(code, label);
    }
    for (const [code, label] of Object.entries(labels.subjects)) {
      if (subjects.has(code) && subjects.get(code) !== label)
        throw new Error(`audit subject ${code} is labelled twice, differently (${owner})`);
      subjects.set(code, label);
    }
  }
}

/** The words for an action code; an unnamed one (from an older version) is 其他操作, never the code. */
export function auditActionLabel(code: string): string {
  return actions.get(code) ?? '其他操作';
}

export function auditSubjectLabel(code: string): string {
  return subjects.get(code) ?? '其他';
}

/** Every named action, for the audit page's filter. */
export function auditActions(): { action: string; label: string }[] {
  return [...actions].map(([action, label]) => ({ action, label }));
}

/** Every named subject type, for the audit page's filter. */
export function auditSubjects(): { subjectType: string; label: string }[] {
  return [...subjects].map(([subjectType, label]) => ({ subjectType, label }));
}

export function isNamedAuditAction(code: string): boolean {
  return actions.has(code);
}

export function isNamedAuditSubject(code: string): boolean {
  return subjects.has(code);
}
