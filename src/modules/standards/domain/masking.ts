/**
 * 定点、定向公开 lists carry personal data (the households of a village's subsidy list). What the
 * platform keeps and shows of them is masked once, when the list comes in, so no output can show more:
 * - 公民身份号码 (and other certificate numbers) are never kept: their columns are dropped, and an
 *   identity number found in any other cell is replaced;
 * - names are partly hidden (张三 → 张*, 张小三 → 张*三, 欧阳娜娜 → 欧**娜);
 * - phone numbers keep their first three and last four digits, bank accounts their last four;
 * - house numbers in addresses are hidden (the village or group stays: it is where the list is posted).
 * (个人信息保护法 Art. 28, 51; 条例 Art. 15, 32: personal information disclosed only as far as needed.)
 * Pure.
 */
export const COLUMN_KINDS = ['id', 'name', 'phone', 'account', 'address', 'text'] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];

/** The kind of a list's column, from its header. */
export function columnKind(header: string): ColumnKind {
  const h = header.replace(/\s+/g, '');
  if (/身份证|证件号|公民身份号码|身份号码|社会保障号|社保卡号/.test(h)) return 'id';
  if (/电话|手机|联系方式|联系号码/.test(h)) return 'phone';
  if (/银行|账号|帐号|卡号|账户|帐户|存折/.test(h)) return 'account';
  if (/住址|地址|门牌|住所/.test(h)) return 'address';
  if (/姓名|户主|户名|名字|申请人|联系人|监护人|家庭成员|收款人|领取人|补贴对象$|救助对象$/.test(h))
    return 'name';
  return 'text';
}

export function maskName(name: string): string {
  const n = [...name.trim()];
  if (n.length === 0) return '';
  if (n.length === 1) return '*';
  if (n.length === 2) return `${n[0]}*`;
  return `${n[0]}${'*'.repeat(n.length - 2)}${n[n.length - 1]}`;
}

export function maskPhone(text: string): string {
  const digits = text.replace(/\D/g, '');
  if (/^1[3-9]\d{9}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  if (digits.length >= 7) return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 5)}${digits.slice(-2)}`;
  return digits === '' ? '' : '*'.repeat(digits.length);
}

export function maskAccount(text: string): string {
  const digits = text.replace(/\D/g, '');
  return digits.length >= 4 ? `尾号${digits.slice(-4)}` : digits === '' ? '' : '****';
}

export function maskAddress(text: string): string {
  return text.replace(/\d+(-\d+)*\s*(号|室|单元|户|栋|楼)/g, (_, _a, unit: string) => `**${unit}`);
}

const ID_NUMBER = /(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

/** Any cell: identity numbers replaced, mobile numbers masked (a number typed into a remarks column). */
export function scrubText(text: string): string {
  return text.replace(ID_NUMBER, '（已隐去）').replace(MOBILE, (m) => maskPhone(m));
}

export function maskCell(kind: ColumnKind, text: string): string {
  switch (kind) {
    case 'id':
      return '';
    case 'name':
      return maskName(text);
    case 'phone':
      return maskPhone(text);
    case 'account':
      return maskAccount(text);
    case 'address':
      return scrubText(maskAddress(text));
    case 'text':
      return scrubText(text);
  }
}

export type MaskedList = {
  columns: string[];
  kinds: ColumnKind[];
  rows: string[][];
  /** The columns not kept at all (identity numbers), named on the notice. */
  removed: string[];
};

/** A list as it came in (header and rows of text) → what the platform keeps: masked, id columns dropped. */
export function maskList(header: readonly string[], rows: readonly (readonly string[])[]): MaskedList {
  const kinds = header.map((h) => columnKind(h));
  const keep = header
    .map((h, i) => ({ h: h.trim(), i, kind: kinds[i] as ColumnKind }))
    .filter((c) => c.h !== '');
  return {
    columns: keep.filter((c) => c.kind !== 'id').map((c) => c.h),
    kinds: keep.filter((c) => c.kind !== 'id').map((c) => c.kind),
    removed: keep.filter((c) => c.kind === 'id').map((c) => c.h),
    rows: rows
      .filter((r) => r.some((c) => c.trim() !== ''))
      .map((r) => keep.filter((c) => c.kind !== 'id').map((c) => maskCell(c.kind, (r[c.i] ?? '').trim()))),
  };
}
