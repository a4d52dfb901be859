import ExcelJS from 'exceljs';
import { REVIEW_LABELS, type Review, STATUS_LABELS, type Status } from './domain/status.ts';
import type { planForExport } from './service.ts';

type ExportData = Awaited<ReturnType<typeof planForExport>>;

/** Column headers of the export, in order: the source layout, then 状态 / 进展情况 / 佐证材料. */
export function exportHeaders(hasLead: boolean, hasResponsible: boolean, hasDeadline = true): string[] {
  return [
    '序号',
    '工作任务',
    ...(hasLead ? ['牵头单位'] : []),
    ...(hasResponsible ? ['责任单位'] : []),
    '具体要求',
    ...(hasDeadline ? ['完成时限'] : []),
    '状态',
    '进展情况',
    '佐证材料',
  ];
}

/** The ledger as .xlsx in the original column layout plus status, progress and evidence columns. */
export async function planWorkbook(data: ExportData): Promise<Buffer> {
  const { detail, latest, files, groupRows } = data;
  const groupsByTask = new Map<number, typeof groupRows>();
  for (const g of groupRows) {
    const list = groupsByTask.get(g.task_id) ?? [];
    list.push(g);
    groupsByTask.set(g.task_id, list);
  }
  const hasLead =
    detail.tasks.some((t) => t.assignments.some((a) => a.role === 'lead')) ||
    groupRows.some((g) => g.role === 'lead');
  const hasResponsible =
    detail.tasks.some((t) => t.assignments.some((a) => a.role === 'responsible')) ||
    groupRows.some((g) => g.role === 'responsible') ||
    !hasLead;
  // A table without a deadline column (e.g. 莱芜区 2021) is exported without one.
  const hasDeadline = detail.tasks.some((t) => t.deadline_raw !== null || t.due !== null);
  const headers = exportHeaders(hasLead, hasResponsible, hasDeadline);

  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gongkai';
  const ws = wb.addWorksheet('工作台账', { views: [{ state: 'frozen', ySplit: 2 }] });
  const widths: Record<string, number> = {
    序号: 6,
    工作任务: 30,
    牵头单位: 18,
    责任单位: 24,
    具体要求: 60,
    完成时限: 16,
    状态: 22,
    进展情况: 50,
    佐证材料: 36,
  };
  ws.columns = headers.map((h) => ({ key: h, width: widths[h] ?? 16 }));
  const titleRow = ws.addRow([`${detail.plan.title}（工作台账）`]);
  ws.mergeCells(1, 1, 1, headers.length);
  titleRow.font = { bold: true, size: 14 };
  titleRow.alignment = { horizontal: 'center' };
  const head = ws.addRow(headers);
  head.font = { bold: true };
  head.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };

  let section: string | null = null;
  for (const t of detail.tasks) {
    if (t.section && t.section !== section) {
      section = t.section;
      const r = ws.addRow([t.section]);
      ws.mergeCells(r.number, 1, r.number, headers.length);
      r.font = { bold: true };
    }
    const groups = groupsByTask.get(t.id) ?? [];
    const units = (role: 'lead' | 'responsible') =>
      [
        ...t.assignments
          .filter((a) => a.role === role)
          .map((a) => ({ o: a.sort_order, n: a.unit_text ?? a.org_name })),
        ...groups.filter((g) => g.role === role).map((g) => ({ o: g.sort_order, n: g.name })),
      ]
        .sort((a, b) => a.o - b.o)
        .map((u) => u.n)
        .join('、');
    const multi = t.assignments.length > 1;
    const who = (a: (typeof t.assignments)[number]) => (multi ? `${a.org_name}：` : '');
    const status = t.assignments
      .map(
        (a) =>
          `${who(a)}${STATUS_LABELS[a.status as Status] ?? a.status}${
            a.review_state === 'none'
              ? ''
              : `（${REVIEW_LABELS[a.review_state as Review] ?? a.review_state}）`
          }${a.overdue ? '，已逾期' : ''}`,
      )
      .join('\n');
    const progress = t.assignments
      .flatMap((a) => {
        const p = latest.get(a.id);
        return p ? [`${who(a)}${p.text}`] : [];
      })
      .join('\n');
    const evidence = t.assignments
      .flatMap((a) => {
        const p = latest.get(a.id);
        if (!p) return [];
        return [
          ...p.links.map((l) => (l.title ? `${l.title} ${l.url}` : l.url)),
          ...p.file_ids.flatMap((id) => {
            const f = files.get(id);
            return f ? [f.name] : [];
          }),
        ];
      })
      .join('\n');
    const values: Record<string, string | number> = {
      序号: t.seq,
      工作任务: t.task,
      牵头单位: units('lead'),
      责任单位: units('responsible'),
      具体要求: t.requirement,
      完成时限: t.deadline_raw ?? t.due ?? '',
      状态: status,
      进展情况: progress,
      佐证材料: evidence,
    };
    const r = ws.addRow(headers.map((h) => values[h] ?? ''));
    r.alignment = { vertical: 'top', wrapText: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
