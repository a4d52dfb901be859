/**
 * Metadata read from a document's own text (CLI `docs add`, imports): the title (the heading lines
 * before the body), the 文号, the date written (2021年3月5日) and the issuing organisation. Pure.
 */
import { parseDocNumber } from './doc-number.ts';

const CN_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

function validIso(y: number, m: number, d: number): string | null {
  if (y < 1949 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function cnNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (!s.includes('十')) return Number([...s].map((c) => CN_DIGITS[c] ?? 'x').join(''));
  // 十, 十五, 二十, 二十三, 三十一
  const [tens, ones] = s.split('十') as [string, string | undefined];
  return (
    (tens === '' ? 1 : (CN_DIGITS[tens] ?? Number.NaN)) * 10 + (ones ? (CN_DIGITS[ones] ?? Number.NaN) : 0)
  );
}

/** "2021-03-05", "2021/3/5", "2021.3.5", "2021年3月5日", "二〇二一年三月五日" → ISO; null when not a date. */
export function parseChineseDate(input: string): string | null {
  const s = input.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (m) return validIso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(s);
  if (m) return validIso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日$/.exec(
    s,
  );
  if (m) return validIso(cnNumber(m[1] as string), cnNumber(m[2] as string), cnNumber(m[3] as string));
  return null;
}

const DATE_IN_TEXT = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g;

export type TextMetadata = {
  title: string | null;
  docNumber: string | null;
  writtenDate: string | null;
  /** The issuing organisation named in the heading or signature (e.g. 济宁市人民政府办公室). */
  orgName: string | null;
};

const ORG_LINE =
  /^[\u4e00-\u9fff（）()]{2,30}(人民政府办公室|人民政府办公厅|人民政府|委员会|办公室|局|厅|委|院|署|中心)$/;
const TITLE_START =
  /^关于|(的)?(通知|意见|办法|规定|决定|公告|通告|通报|报告|批复|函|方案|细则|规划|要点|条例|规则)$/;
const SALUTATION = /[：:]$/;

/** Clean one line: drop Word bookmark markers and surrounding spaces. */
function clean(line: string): string {
  return line
    .replace(/\[bookmark:[^\]]*\]/g, '')
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
}

/**
 * Read metadata from plain text. The title is the heading line(s) before the salutation or first body
 * paragraph, joined (a title broken over two lines is rejoined); a line that is the 文号 or the
 * organisation name is not part of it. The date written is the last "YYYY年M月D日" in the signature
 * area, else the first one in the text.
 */
export function extractMetadata(text: string): TextMetadata {
  const lines = text
    .split(/\r?\n/)
    .map(clean)
    .filter((l) => l !== '');
  let docNumber: string | null = null;
  let orgName: string | null = null;
  const titleParts: string[] = [];
  let i = 0;
  for (; i < Math.min(lines.length, 12); i++) {
    const line = lines[i] as string;
    const asNumber = parseDocNumber(line);
    if (asNumber.ok) {
      docNumber ??= asNumber.value.normalized;
      continue;
    }
    if (titleParts.length === 0 && ORG_LINE.test(line) && !TITLE_START.test(line)) {
      orgName ??= line;
      continue;
    }
    if (SALUTATION.test(line) || line.length > 60 || /[。；]/.test(line)) break;
    titleParts.push(line);
    if (TITLE_START.test(line) && !/^关于/.test(line)) {
      i++;
      break;
    }
  }
  const title = titleParts.length > 0 ? titleParts.join('') : null;
  let writtenDate: string | null = null;
  const dates = [...text.matchAll(DATE_IN_TEXT)]
    .map((m) => ({ at: m.index ?? 0, iso: validIso(Number(m[1]), Number(m[2]), Number(m[3])) }))
    .filter((d): d is { at: number; iso: string } => d.iso !== null);
  // The signature date usually stands alone on its line near the end of the main text.
  for (const line of lines) {
    const only = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/.exec(line);
    if (only) {
      writtenDate = validIso(Number(only[1]), Number(only[2]), Number(only[3]));
      if (writtenDate) break;
    }
  }
  writtenDate ??= dates[0]?.iso ?? null;
  return { title, docNumber, writtenDate, orgName };
}
