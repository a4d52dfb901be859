/**
 * The notice as posted on a village's 公开栏: one A4 page (or more for a long list) with the title, the
 * list (already masked), the publication period, the 监督电话, the issuing organisation and date. A page of
 * its own, without the portal's navigation, to print from the console or the portal.
 */
import { html } from '../../../portal/plugin.ts';
import { formatChineseDate } from '../../calendar/index.ts';
import type { NoticeRow } from '../store.ts';

export function noticeTable(r: NoticeRow) {
  return html`<table>
<caption>${r.title}</caption>
<thead><tr><th scope="col">序号</th>${r.columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
<tbody>${r.rows.map((row, i) => html`<tr><td>${i + 1}</td>${row.map((c) => html`<td>${c}</td>`)}</tr>`)}</tbody>
</table>`;
}

export function periodText(r: NoticeRow): string {
  return `公示期：${formatChineseDate(r.period_start)}至${formatChineseDate(r.period_end)}`;
}

export function removedNote(r: NoticeRow) {
  return r.removed_columns.length
    ? html`<p class="note">按照个人信息保护的规定，${r.removed_columns.join('、')}不予公开，姓名、联系电话等已作部分隐去处理。</p>`
    : html`<p class="note">按照个人信息保护的规定，姓名、联系电话等已作部分隐去处理。</p>`;
}

export function printableNotice(r: NoticeRow, orgName: string): string {
  const issued = r.published_at ? new Date(r.published_at).toISOString().slice(0, 10) : r.period_start;
  return html`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${r.title}</title>
<style>
@page { size: A4; margin: 20mm 18mm; }
body { font-family: "FangSong", "仿宋", "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 1.6; color: #000; margin: 0 auto; max-width: 180mm; }
h1 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-size: 22pt; text-align: center; margin: 0 0 12pt; }
table { border-collapse: collapse; width: 100%; font-size: 12pt; }
caption { caption-side: top; font-weight: bold; padding-bottom: 6pt; }
th, td { border: 1px solid #000; padding: 3pt 5pt; text-align: center; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
.note { font-size: 12pt; }
.sign { text-align: right; margin-top: 24pt; }
</style>
</head>
<body>
<main>
<h1>${r.title}</h1>
${r.intro ? html`<p>${r.intro}</p>` : null}
<p>公开范围：${r.place}${r.audience ? `（${r.audience}）` : ''}</p>
${noticeTable(r)}
${removedNote(r)}
<p>${periodText(r)}。公示期内如有异议，请向${orgName}反映${r.contact ? `，监督电话：${r.contact}` : ''}。</p>
<p class="sign">${orgName}<br>${formatChineseDate(issued)}</p>
</main>
</body>
</html>`.value;
}
