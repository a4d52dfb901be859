/** Reading the notice around a task table: title, issuer, 文号, date written, year. */
import { parseNumber } from '../domain/deadlines.ts';
import type { ParsedDoc } from './model.ts';

/** The red header (发文机关标志): “济宁市人民政府办公室文件”, the issuer's name followed by 文件. */
const RED_HEADER = /^[\u4e00-\u9fa5（）()]{2,40}文件$/;
const DOC_TYPE = /(通知|意见|方案|要点|办法|规定|细则|计划|函|决定|报告|批复|通报|分解表|任务表|清单|台账)$/;
const ORG =
  /^[\u4e00-\u9fa5（）()]{2,30}(人民政府|办公室|办公厅|委员会|管委会|管理委员会|局|厅|委|办|中心|领导小组)$/;
const DOC_NUMBER =
  /(?<![（(《\u4e00-\u9fa5])([\u4e00-\u9fa5]{1,12}[〔［[【(（]\s*\d{4}\s*[〕］\]】)）]\s*\d{1,4}\s*号)/;
const YEAR = '(\\d{4}|[〇○零一二三四五六七八九]{4})';
const NUM = '(\\d{1,2}|[〇○零一二三四五六七八九十]{1,3})';
const DATE_LINE = new RegExp(`^${YEAR}年${NUM}月${NUM}日$`);
const DATE_ANY = new RegExp(`${YEAR}年${NUM}月${NUM}日`);

const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');
const num = (s: string) => parseNumber(s.replace(/○/g, '〇'));

function isoDate(m: RegExpExecArray): string | null {
  const y = num(m[1] as string);
  const mo = num(m[2] as string);
  const d = num(m[3] as string);
  if (!(y > 1900 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31)) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function readNotice(noticeLines: readonly string[], trailerLines: readonly string[]): ParsedDoc {
  const lines = noticeLines.map(squash);
  const annex = lines.findIndex((l) => /^附件/.test(l));
  const head = annex >= 0 ? lines.slice(0, annex) : lines;

  let docNumber: string | null = null;
  for (const l of lines) {
    if (l === '' || l.length > 40 || l.includes('《')) continue;
    const m = DOC_NUMBER.exec(l);
    if (m) {
      docNumber = m[1] as string;
      break;
    }
  }

  let title: string | null = null;
  let titleAt = -1;
  const about = head.findIndex((l) => /^关于/.test(l) || /^[\u4e00-\u9fa5]{2,30}关于.*(的|）)/.test(l));
  if (about >= 0 && (head[about] as string).length <= 80) {
    let t = head[about] as string;
    let k = about + 1;
    while (!DOC_TYPE.test(t) && k < head.length && k <= about + 3) {
      const next = head[k] as string;
      if (next === '' || /[：:。]$/.test(next) || next.length > 40) break;
      t += next;
      k++;
    }
    title = t;
    titleAt = about;
  } else {
    const i = head.findIndex(
      (l) =>
        l !== '' &&
        l.length <= 60 &&
        !/[：:。；;]$/.test(l) &&
        !DOC_NUMBER.test(l) &&
        !ORG.test(l) &&
        !RED_HEADER.test(l) &&
        !DATE_LINE.test(l) &&
        !/^[（(]/.test(l),
    );
    if (i >= 0) {
      title = head[i] as string;
      titleAt = i;
    }
  }

  let issuedDate: string | null = null;
  let issuer: string | null = null;
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = DATE_LINE.exec(lines[i] as string);
    if (!m) continue;
    issuedDate = isoDate(m);
    for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
      const l = lines[j] as string;
      if (l === '') continue;
      if (ORG.test(l)) issuer = l;
      break;
    }
    break;
  }
  if (!issuer) {
    const before = titleAt >= 0 ? lines.slice(0, titleAt) : [];
    issuer = before.find((l) => ORG.test(l)) ?? null;
  }
  if (!issuer) {
    // The red header names the issuer: 济宁市人民政府办公室文件 → 济宁市人民政府办公室.
    const red = head.find((l) => RED_HEADER.test(l))?.replace(/文件$/, '');
    if (red && ORG.test(red)) issuer = red;
  }
  const printed = trailerLines.map(squash).find((l) => /印发$/.test(l) && DATE_ANY.test(l));
  if (printed) {
    const m = DATE_ANY.exec(printed) as RegExpExecArray;
    if (!issuedDate) issuedDate = isoDate(m);
    const org = printed.slice(0, m.index);
    if (!issuer && ORG.test(org)) issuer = org;
  }

  const yearOf = (s: string | null) => {
    const m = s ? /(19|20)\d{2}(?=年|〕|］|\]|】|\)|）)/.exec(s) : null;
    return m ? Number(m[0]) : null;
  };
  const year = yearOf(title) ?? (issuedDate ? Number(issuedDate.slice(0, 4)) : null) ?? yearOf(docNumber);
  return { title, issuer, docNumber, issuedDate, year };
}
