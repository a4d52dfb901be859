/**
 * 发文字号 (文号): 机关代字 + 〔年份〕 + 序号 + 号, e.g. `济政办字〔2021〕18号`. People type the brackets as
 * [] () ［］ （） 【】 〖〗 and digits full-width; `docNumberKey` normalises all of these so an exact
 * lookup finds the document however the number was typed. Pure: no I/O.
 */

export type DocNumber = {
  /** 机关代字, e.g. 济政办字 */
  issuerCode: string;
  /** null for 令 numbers without a year (济宁市人民政府令第109号). */
  year: number | null;
  serial: number;
  /** Canonical form: `济政办字〔2021〕18号` */
  normalized: string;
};

export type DocNumberErrorCode =
  | 'EMPTY'
  | 'TOO_LONG'
  | 'ISSUER_MISSING'
  | 'ISSUER_INVALID'
  | 'YEAR_MISSING'
  | 'YEAR_INVALID'
  | 'SERIAL_MISSING'
  | 'SERIAL_INVALID'
  | 'SUFFIX_MISSING'
  | 'MALFORMED';

export type DocNumberError = { code: DocNumberErrorCode; message: string };

export type DocNumberResult = { ok: true; value: DocNumber } | { ok: false; error: DocNumberError };

const MESSAGES: Record<DocNumberErrorCode, string> = {
  EMPTY: '文号不能为空',
  TOO_LONG: '文号过长（不超过50个字符）',
  ISSUER_MISSING: '文号缺少机关代字，应如“济政办字〔2021〕18号”',
  ISSUER_INVALID: '机关代字只能由汉字组成（可含字母），如“济政办字”',
  YEAR_MISSING: '文号缺少用六角括号〔〕括起的年份，应如“济政办字〔2021〕18号”',
  YEAR_INVALID: '文号中的年份应为四位数字，且在1949年至2100年之间',
  SERIAL_MISSING: '文号缺少发文序号，应如“〔2021〕18号”中的“18”',
  SERIAL_INVALID: '发文序号应为1至99999之间的整数，不编虚位（如“1号”不写作“01号”）',
  SUFFIX_MISSING: '文号应以“号”结尾，如“济政办字〔2021〕18号”',
  MALFORMED: '文号格式不正确，应为“机关代字〔年份〕序号号”，如“济政办字〔2021〕18号”',
};

function fail(code: DocNumberErrorCode): DocNumberResult {
  return { ok: false, error: { code, message: MESSAGES[code] } };
}

const OPEN = /[[(［（【〖﹝〔]/g;
const CLOSE = /[\])］）】〗﹞〕]/g;

/** Unify brackets to 〔〕, full-width digits/letters to ASCII, remove all whitespace. */
export function normalizeDocNumberText(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (c) => {
      // Full-width ASCII variants → ASCII, except the full-width brackets handled below.
      if (c === '［' || c === '］' || c === '（' || c === '）') return c;
      return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
    })
    .replace(/\s+/g, '')
    .replace(OPEN, '〔')
    .replace(CLOSE, '〕');
}

/**
 * The lookup key of a 文号 (stored in `documents.doc_number_key`): the canonical form when it parses,
 * otherwise the normalised text; null for empty input.
 */
export function docNumberKey(input: string | null | undefined): string | null {
  if (input == null) return null;
  // Serial numbers typed with leading zeros (〔2021〕018号) or 第 still find the document.
  const text = normalizeDocNumberText(input).replace(/〕第?0*(\d)/, '〕$1');
  if (text === '') return null;
  const parsed = parseDocNumber(text);
  return parsed.ok ? parsed.value.normalized : text;
}

const ISSUER_RE = /^[\u4e00-\u9fffA-Za-z]+$/;

/** Parse and validate a 文号. Errors carry a Chinese message fit for a form field. */
export function parseDocNumber(input: string): DocNumberResult {
  const text = normalizeDocNumberText(input ?? '');
  if (text === '') return fail('EMPTY');
  if (text.length > 50) return fail('TOO_LONG');
  const open = text.indexOf('〔');
  const close = text.indexOf('〕');
  if (open < 0 && close < 0) {
    // 政府令: 机关名称 + 令 + 第N号, numbered without a year.
    const order = /^([\u4e00-\u9fff]{2,30}令)第?(\d{1,5})号$/.exec(text);
    if (order && !(order[2] as string).startsWith('0')) {
      const serial = Number(order[2]);
      if (serial >= 1)
        return {
          ok: true,
          value: {
            issuerCode: order[1] as string,
            year: null,
            serial,
            normalized: `${order[1]}第${serial}号`,
          },
        };
    }
    // Without brackets: maybe "济政办字2021年18号" or just a year glued to the code.
    return /\d{4}/.test(text)
      ? fail('YEAR_MISSING')
      : /\d/.test(text)
        ? fail('YEAR_MISSING')
        : fail('MALFORMED');
  }
  if (open < 0 || close < 0 || close < open) return fail('MALFORMED');
  const issuer = text.slice(0, open);
  const yearText = text.slice(open + 1, close);
  const rest = text.slice(close + 1);
  if (issuer === '') return fail('ISSUER_MISSING');
  if (!ISSUER_RE.test(issuer)) return fail('ISSUER_INVALID');
  if (yearText === '') return fail('YEAR_MISSING');
  if (!/^\d{4}$/.test(yearText)) return fail('YEAR_INVALID');
  const year = Number(yearText);
  if (year < 1949 || year > 2100) return fail('YEAR_INVALID');
  if (!rest.endsWith('号')) return /^第?\d+$/.test(rest) ? fail('SUFFIX_MISSING') : fail('MALFORMED');
  const serialText = rest.slice(0, -1).replace(/^第/, '');
  if (serialText === '') return fail('SERIAL_MISSING');
  if (!/^\d+$/.test(serialText)) return fail('SERIAL_INVALID');
  if (serialText.length > 1 && serialText.startsWith('0')) return fail('SERIAL_INVALID');
  const serial = Number(serialText);
  if (serial < 1 || serial > 99999) return fail('SERIAL_INVALID');
  return {
    ok: true,
    value: { issuerCode: issuer, year, serial, normalized: `${issuer}〔${year}〕${serial}号` },
  };
}

const IN_TEXT_RE =
  /[\u4e00-\u9fff]{1,16}[[(［（【〖﹝〔]\s*[0-9０-９]{4}\s*[\])］）】〗﹞〕]\s*第?\s*[0-9０-９]{1,5}\s*号/g;

/** Every 文号 mentioned in a text, canonical, in order of appearance, without duplicates. */
export function findDocNumbers(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(IN_TEXT_RE)) {
    // The issuer code is preceded by ordinary words in running text ("根据济政办字…"): cut them off.
    const cut = m[0].replace(/^.*(根据|按照|依据|依照|参照|印发|引用|转发|执行|落实|见|和|及|与|的)/, '');
    const parsed = parseDocNumber(cut);
    if (parsed.ok && !out.includes(parsed.value.normalized)) out.push(parsed.value.normalized);
  }
  return out;
}
