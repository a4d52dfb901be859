/**
 * Consultation records (C4): questions put to the 12345 hotline (转办), the service hall and 一号答, with
 * their answers. Pure rules: checking a record (typed or imported from a spreadsheet, all rows or none),
 * grouping near-identical questions into the frequent ones worth a reviewed answer in 政策问答库, and the
 * hot topics (counts per topic per month).
 */
import { isIsoDate } from '../../calendar/domain/dates.ts';

export const CONSULTATION_CHANNELS = ['hotline', 'hall', 'yihaoda'] as const;
export type ConsultationChannel = (typeof CONSULTATION_CHANNELS)[number];
export const CONSULTATION_CHANNEL_LABELS: Readonly<Record<ConsultationChannel, string>> = {
  hotline: '12345热线转办',
  hall: '政务服务大厅',
  yihaoda: '一号答',
};

export const MAX_CONSULTATION_QUESTION = 500;
export const MAX_CONSULTATION_ANSWER = 4000;
export const MAX_TOPIC = 20;

export type ConsultationInput = {
  channel: string;
  askedOn: string;
  question: string;
  answer: string;
  unit: string;
  topic: string;
};
export type CleanConsultation = {
  channel: ConsultationChannel;
  askedOn: string;
  question: string;
  answer: string;
  orgId: number | null;
  topic: string;
};

/** A channel as written in a sheet: its key or its Chinese name (12345, 热线, 大厅 and 一号答 also read). */
export function channelOf(text: string): ConsultationChannel | null {
  const t = text.normalize('NFKC').replace(/\s/g, '');
  if ((CONSULTATION_CHANNELS as readonly string[]).includes(t)) return t as ConsultationChannel;
  if (/12345|热线/.test(t)) return 'hotline';
  if (/大厅|窗口/.test(t)) return 'hall';
  if (/一号答/.test(t)) return 'yihaoda';
  return null;
}

/** What a record is checked against: today, the units by name, the units the person records for. */
export type ConsultationContext = {
  today: string;
  units: ReadonlyMap<string, number>;
  /** The organisations the person may record consultations for (their visible ones); absent: all. */
  scope?: ReadonlySet<number>;
};

/**
 * One record checked: the messages of what is wrong (empty when it is fine) and the clean record. The
 * unit is looked up by name among `units` (empty: none) and must be within `scope` (`outOfScope`: a
 * unit of the tree the person does not administer); a date after today is refused.
 */
export function checkConsultation(
  input: ConsultationInput,
  o: ConsultationContext,
): { errors: string[]; record: CleanConsultation | null; outOfScope: boolean } {
  const errors: string[] = [];
  const channel = channelOf(input.channel);
  if (!channel) errors.push('渠道应为“12345热线转办”“政务服务大厅”或“一号答”');
  const askedOn = input.askedOn.trim();
  if (!isIsoDate(askedOn)) errors.push('日期应为 YYYY-MM-DD');
  else if (askedOn > o.today) errors.push('日期不能晚于今天');
  const question = input.question.replace(/\s+/gu, ' ').trim();
  if (question === '') errors.push('问题为空');
  else if ([...question].length > MAX_CONSULTATION_QUESTION)
    errors.push(`问题超过${MAX_CONSULTATION_QUESTION}字`);
  const answer = input.answer.trim();
  if ([...answer].length > MAX_CONSULTATION_ANSWER) errors.push(`答复超过${MAX_CONSULTATION_ANSWER}字`);
  const unit = input.unit.trim();
  const orgId = unit === '' ? null : (o.units.get(unit) ?? null);
  if (unit !== '' && orgId === null) errors.push(`承办单位“${unit.slice(0, 30)}”不在组织机构中`);
  const outOfScope = orgId !== null && o.scope !== undefined && !o.scope.has(orgId);
  if (outOfScope) errors.push(`承办单位“${unit.slice(0, 30)}”不在您管理的范围内`);
  const topic = input.topic.trim();
  if ([...topic].length > MAX_TOPIC) errors.push(`主题超过${MAX_TOPIC}字`);
  if (errors.length > 0 || !channel) return { errors, record: null, outOfScope };
  return { errors, record: { channel, askedOn, question, answer, orgId, topic }, outOfScope };
}

export const SHEET_HEADERS = {
  channel: '渠道',
  askedOn: '日期',
  question: '问题',
  answer: '答复',
  unit: '承办单位',
  topic: '主题',
} as const;
const REQUIRED: readonly (keyof typeof SHEET_HEADERS)[] = ['channel', 'askedOn', 'question'];

export type ConsultationSheet = {
  headers: readonly string[];
  rows: readonly { row: number; cells: readonly string[] }[];
};

/** A spreadsheet of records, all or nothing: every bad row named (第N行：…). */
export function parseConsultationSheet(
  sheet: ConsultationSheet,
  o: ConsultationContext,
): { ok: true; records: CleanConsultation[] } | { ok: false; errors: string[] } {
  const col = Object.fromEntries(
    Object.entries(SHEET_HEADERS).map(([k, h]) => [
      k,
      sheet.headers.findIndex((x) => x.replace(/\s/g, '') === h),
    ]),
  ) as Record<keyof typeof SHEET_HEADERS, number>;
  const missing = REQUIRED.filter((k) => col[k] < 0).map((k) => `“${SHEET_HEADERS[k]}”`);
  if (missing.length > 0) return { ok: false, errors: [`缺少${missing.join('、')}列（表头应在第一行）`] };
  const cell = (cells: readonly string[], i: number) => (i < 0 ? '' : (cells[i] ?? '').trim());
  const errors: string[] = [];
  const records: CleanConsultation[] = [];
  for (const { row, cells } of sheet.rows) {
    if (cells.every((c) => c.trim() === '')) continue;
    const r = checkConsultation(
      {
        channel: cell(cells, col.channel),
        askedOn: cell(cells, col.askedOn),
        question: cell(cells, col.question),
        answer: cell(cells, col.answer),
        unit: cell(cells, col.unit),
        topic: cell(cells, col.topic),
      },
      o,
    );
    if (r.record) records.push(r.record);
    else errors.push(`第${row}行：${r.errors.join('；')}`);
  }
  if (errors.length > 0) return { ok: false, errors };
  if (records.length === 0) return { ok: false, errors: ['表中没有记录'] };
  return { ok: true, records };
}

/** Two questions are near-identical when their token sets overlap this much (Jaccard). */
export const NEAR_IDENTICAL = 0.6;
/** A group this large is a frequent question worth a reviewed answer. */
export const FREQUENT_AT = 3;

export type TokenizedQuestion = {
  id: number;
  question: string;
  tokens: readonly string[];
  pairId: number | null;
};
export type QuestionGroup = { ids: number[]; question: string; size: number; pairId: number | null };

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * The frequent questions: each question joins the first group holding a question it is near-identical to
 * (else starts one); groups of at least `min` questions, largest first. The group is named by its first
 * question; `pairId` is the 政策问答库 pair one of its records was already suggested into.
 */
export function frequentQuestions(qs: readonly TokenizedQuestion[], min = FREQUENT_AT): QuestionGroup[] {
  const groups: { sets: Set<string>[]; members: TokenizedQuestion[] }[] = [];
  for (const q of qs) {
    const set = new Set(q.tokens);
    const g = groups.find((x) => x.sets.some((other) => jaccard(other, set) >= NEAR_IDENTICAL));
    if (g) {
      g.members.push(q);
      g.sets.push(set);
    } else groups.push({ sets: [set], members: [q] });
  }
  return groups
    .filter((g) => g.members.length >= min)
    .map((g) => ({
      ids: g.members.map((m) => m.id),
      question: (g.members[0] as TokenizedQuestion).question,
      size: g.members.length,
      pairId: g.members.find((m) => m.pairId !== null)?.pairId ?? null,
    }))
    .sort((a, b) => b.size - a.size || (a.ids[0] as number) - (b.ids[0] as number));
}

export type HotTopics = { months: string[]; topics: { topic: string; counts: number[]; total: number }[] };

/** Counts per topic per month (YYYY-MM, every month from the first to the last); topics by total, a record without one under 其他. */
export function hotTopics(records: readonly { topic: string; askedOn: string }[]): HotTopics {
  if (records.length === 0) return { months: [], topics: [] };
  const monthOf = (d: string) => d.slice(0, 7);
  const seen = records.map((r) => monthOf(r.askedOn)).sort();
  const months: string[] = [];
  let [y, m] = (seen[0] as string).split('-').map(Number) as [number, number];
  const last = seen[seen.length - 1] as string;
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) break;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  const at = new Map(months.map((k, i) => [k, i]));
  const byTopic = new Map<string, number[]>();
  for (const r of records) {
    const topic = r.topic.trim() || '其他';
    const counts = byTopic.get(topic) ?? months.map(() => 0);
    const i = at.get(monthOf(r.askedOn)) as number;
    counts[i] = (counts[i] ?? 0) + 1;
    byTopic.set(topic, counts);
  }
  const zh = new Intl.Collator('zh-CN');
  const topics = [...byTopic]
    .map(([topic, counts]) => ({ topic, counts, total: counts.reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.total - a.total || zh.compare(a.topic, b.topic));
  return { months, topics };
}
