/**
 * Information-processing fee (信息处理费).
 *
 * 《中华人民共和国政府信息公开条例》第四十二条 行政机关依申请提供政府信息，不收取费用。但是，申请人申请公开政府
 *   信息的数量、频次明显超过合理范围的，行政机关可以收取信息处理费。
 *
 * 《政府信息公开信息处理费管理办法》(国办函〔2020〕109号, 2020-11-17, in force 2021-01-01)
 * 第三条 信息处理费可以按件计收，也可以按量计收，均按照超额累进方式计算收费金额。行政机关对每件申请可以根据
 *   实际情况选择适用其中一种标准，但不得同时按照两种标准重复计算。
 * 第四条 按件计收适用于所有政府信息公开申请处理决定类型。申请人的一份政府信息公开申请包含多项内容的，行政机关
 *   可以按照“一事一申请”原则，以合理的最小单位拆分计算件数。
 *   按件计收执行下列收费标准：
 *   (一)同一申请人一个自然月内累计申请10件以下(含10件)的，不收费。
 *   (二)同一申请人一个自然月内累计申请11—30件(含30件)的部分：100元/件。
 *   (三)同一申请人一个自然月内累计申请31件以上的部分：以10件为一档，每增加一档，收费标准提高100元/件。
 * 第五条 按量计收适用于申请人要求以提供纸质件、发送电子邮件、复制电子数据等方式获取政府信息的情形。……
 *   按量计收执行下列收费标准：(一)30页以下(含30页)的，不收费。(二)31—100页(含100页)的部分：10元/页。
 *   (三)101—200页(含200页)的部分：20元/页。(四)201页以上的部分：40元/页。
 *   (The rest of Art. 5 could not be read — docs/law/processing-fee.md; the tariff is from a government fee
 *   schedule.)
 *
 * Readings (docs/law/processing-fee.md): 按件 bands from 31 on are 31–40 → 200, 41–50 → 300, … (DERIVED);
 * 按量 counts pages per application (the real case 2219 pages → 83 460 元 confirms it). Amounts are
 * whole yuan. Waivers are not in the national text: they exist only as a local policy switch
 * (`waiversEnabled`, default false). Whether to charge at all is the agency's discretion (Art. 42 可以).
 */

export type FeeMethod = 'per-item' | 'per-page';

/** One progressive band actually reached: units `from`..`to` (inclusive) at `unitPrice` yuan each. */
export interface FeeBand {
  from: number;
  to: number;
  count: number;
  unitPrice: number;
  amount: number;
}

export interface FeeResult {
  method: FeeMethod;
  /** Yuan, integer. */
  total: number;
  bands: FeeBand[];
}

export type FeeErrorCode =
  | 'FEE_METHOD_CONFLICT'
  | 'FEE_QUANTITY_INVALID'
  | 'FEE_WAIVER_DISABLED'
  | 'FEE_WAIVER_INVALID';

export class FeeError extends Error {
  readonly code: FeeErrorCode;
  readonly params: Record<string, string | number | null>;
  constructor(code: FeeErrorCode, message: string, params: Record<string, string | number | null> = {}) {
    super(message);
    this.name = 'FeeError';
    this.code = code;
    this.params = params;
  }
}

interface Band {
  from: number;
  to: number;
  unitPrice: number;
}

/** 按件 band of the n-th item of the month (1-based). */
function perItemBand(n: number): Band {
  if (n <= 10) return { from: 1, to: 10, unitPrice: 0 };
  if (n <= 30) return { from: 11, to: 30, unitPrice: 100 };
  const step = Math.floor((n - 31) / 10);
  return { from: 31 + step * 10, to: 40 + step * 10, unitPrice: 200 + step * 100 };
}

/** 按量 band of the n-th page of the application (1-based). */
function perPageBand(n: number): Band {
  if (n <= 30) return { from: 1, to: 30, unitPrice: 0 };
  if (n <= 100) return { from: 31, to: 100, unitPrice: 10 };
  if (n <= 200) return { from: 101, to: 200, unitPrice: 20 };
  return { from: 201, to: Number.POSITIVE_INFINITY, unitPrice: 40 };
}

function checkQuantity(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new FeeError('FEE_QUANTITY_INVALID', `${name} must be a non-negative integer, got ${value}`, {
      name,
      value: String(value),
    });
  }
}

function progressive(method: FeeMethod, first: number, last: number, bandOf: (n: number) => Band): FeeResult {
  const bands: FeeBand[] = [];
  let total = 0;
  for (let n = first; n <= last; ) {
    const band = bandOf(n);
    const to = Math.min(band.to, last);
    const count = to - n + 1;
    const amount = count * band.unitPrice;
    bands.push({ from: n, to, count, unitPrice: band.unitPrice, amount });
    total += amount;
    n = to + 1;
  }
  return { method, total, bands };
}

/** Price of the n-th item of one applicant in one natural month (按件). */
export function perItemUnitPrice(n: number): number {
  checkQuantity('n', n);
  return n === 0 ? 0 : perItemBand(n).unitPrice;
}

/** Price of the n-th page of one application (按量). */
export function perPageUnitPrice(n: number): number {
  checkQuantity('n', n);
  return n === 0 ? 0 : perPageBand(n).unitPrice;
}

/**
 * 按件计收: fee for `count` items (applications, split 一事一申请) of one applicant in one natural month.
 * `alreadyThisMonth` items of the same applicant and month were counted before, so the bands continue
 * from there (the 35th application of a month costs 200 元).
 */
export function perItemFee(count: number, options: { alreadyThisMonth?: number } = {}): FeeResult {
  const already = options.alreadyThisMonth ?? 0;
  checkQuantity('count', count);
  checkQuantity('alreadyThisMonth', already);
  return progressive('per-item', already + 1, already + count, perItemBand);
}

/**
 * 按件 for one application from the records (办法第四条: 同一申请人一个自然月内累计申请): `items` of this
 * application after the applicant's `computedEarlier` items this natural month counted from the records —
 * or after the number staff corrected it to (`correctedEarlier`, with its reason). Returns the fee with
 * the count used, so the notice shows which bands were applied and why.
 */
export function perItemMonthFee(
  items: number,
  computedEarlier: number,
  correctedEarlier: number | null = null,
): FeeResult & { earlierThisMonth: number; computedEarlier: number; corrected: boolean } {
  checkQuantity('computedEarlier', computedEarlier);
  const earlier = correctedEarlier ?? computedEarlier;
  const fee = perItemFee(items, { alreadyThisMonth: earlier });
  return { ...fee, earlierThisMonth: earlier, computedEarlier, corrected: earlier !== computedEarlier };
}

/** 按量计收: fee for the pages of one application. */
export function perPageFee(pages: number): FeeResult {
  checkQuantity('pages', pages);
  return progressive('per-page', 1, pages, perPageBand);
}

export interface FeeInput {
  /** 按件: number of items. */
  items?: number;
  /** 按件: items of the same applicant already counted this natural month. */
  alreadyThisMonth?: number;
  /** 按量: number of pages. */
  pages?: number;
  /** The method already applied to this application, if any (an application gets one method only). */
  methodAlreadyUsed?: FeeMethod;
}

function conflict(message: string, method: FeeMethod | null): FeeError {
  return new FeeError('FEE_METHOD_CONFLICT', message, { method });
}

/** Art. 3: computes the fee of one application by exactly one method; both → `FEE_METHOD_CONFLICT`. */
export function computeFee(input: FeeInput): FeeResult {
  const hasItems = input.items !== undefined;
  const hasPages = input.pages !== undefined;
  if (hasItems && hasPages) {
    throw conflict('One application is charged either per item or per page, never both (办法第三条)', null);
  }
  if (!hasItems && !hasPages) {
    throw new FeeError('FEE_QUANTITY_INVALID', 'Give either items (per-item) or pages (per-page)', {
      name: 'items|pages',
      value: null,
    });
  }
  const method: FeeMethod = hasItems ? 'per-item' : 'per-page';
  if (input.methodAlreadyUsed !== undefined && input.methodAlreadyUsed !== method) {
    throw conflict(
      `This application was already charged ${input.methodAlreadyUsed}; it cannot also be charged ${method}`,
      input.methodAlreadyUsed,
    );
  }
  return hasItems
    ? perItemFee(input.items as number, { alreadyThisMonth: input.alreadyThisMonth })
    : perPageFee(input.pages as number);
}

/** Local policy (地方规定) on fees. */
export interface FeePolicy {
  /** Waivers (减免) are allowed locally. Default false: the national text has none. */
  waiversEnabled?: boolean;
}

export interface FeeWaiver {
  /** Reason recorded with the decision (e.g. 经济困难). */
  reason: string;
  /** Yuan waived; the whole fee when omitted. */
  amount?: number;
}

export interface WaivedFeeResult extends FeeResult {
  waiver: { reason: string; amount: number };
  /** total − waived amount. */
  payable: number;
}

/** Applies a waiver; only allowed when the local policy enables waivers (`FEE_WAIVER_DISABLED` otherwise). */
export function applyWaiver(fee: FeeResult, waiver: FeeWaiver, policy: FeePolicy = {}): WaivedFeeResult {
  if (policy.waiversEnabled !== true) {
    throw new FeeError('FEE_WAIVER_DISABLED', 'Fee waivers are not enabled by local policy', {});
  }
  const amount = waiver.amount ?? fee.total;
  if (waiver.reason.trim() === '' || !Number.isSafeInteger(amount) || amount < 0 || amount > fee.total) {
    throw new FeeError('FEE_WAIVER_INVALID', 'A waiver needs a reason and an amount between 0 and the fee', {
      amount: String(amount),
      total: fee.total,
    });
  }
  return { ...fee, waiver: { reason: waiver.reason, amount }, payable: fee.total - amount };
}
