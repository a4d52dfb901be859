/**
 * The registers' counts (the module's `stats`): pure over the records of a year. Per month for 网站找错 (the
 * office's work on its site), per responsible unit for the others.
 */
import type { Register, State } from './registers.ts';
import { isOverdue, responseHours } from './rules.ts';

export type CountedRecord = {
  register: Register;
  orgId: number;
  occurredOn: string;
  dueOn: string | null;
  state: State;
  flagged: boolean;
  data: Record<string, unknown>;
};
export type CountTable = {
  key: string;
  title: string;
  columns: { key: string; label: string }[];
  rows: { key: string; label: string; counts: number[] }[];
};

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const inYear = (date: string, year: number) => date.startsWith(`${year}-`);

function perUnit(
  records: readonly CountedRecord[],
  names: ReadonlyMap<number, string>,
  count: (rs: CountedRecord[]) => number[],
) {
  const byOrg = new Map<number, CountedRecord[]>();
  for (const r of records) byOrg.set(r.orgId, [...(byOrg.get(r.orgId) ?? []), r]);
  return [...byOrg]
    .sort(([a], [b]) => a - b)
    .map(([orgId, rs]) => ({ key: String(orgId), label: names.get(orgId) ?? '', counts: count(rs) }));
}

export const DUTY_TABLES = [
  'duties.errata',
  'duties.opinions',
  'duties.proposals',
  'duties.accounts',
] as const;

/** The four tables for `year` as of `today` (an answer still missing after its due day is overdue). */
export function countDuties(
  records: readonly CountedRecord[],
  names: ReadonlyMap<number, string>,
  year: number,
  today: string,
): CountTable[] {
  const of = (register: Register) => records.filter((r) => r.register === register);
  const errata = of('errata').filter((r) => inYear(r.occurredOn, year));
  const answeredOnTime = (r: CountedRecord) =>
    r.state === 'answered' &&
    r.dueOn !== null &&
    text(r.data.answeredOn) !== '' &&
    text(r.data.answeredOn) <= r.dueOn;
  const months = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));
  const opinions = of('opinions').filter((r) => inYear(r.occurredOn, year));
  const proposals = of('proposals').filter((r) => inYear(r.occurredOn, year));
  // Accounts: those existing in the year (opened by its end, not closed before it began).
  const accounts = of('accounts').filter(
    (r) =>
      r.occurredOn <= `${year}-12-31` && !(text(r.data.closedOn) && text(r.data.closedOn) < `${year}-01-01`),
  );
  return [
    {
      key: 'duties.errata',
      title: '网站找错办理情况（按月）',
      columns: [
        { key: 'received', label: '收到（条）' },
        { key: 'answered', label: '已答复（条）' },
        { key: 'onTime', label: '按期答复（条）' },
        { key: 'overdue', label: '逾期未答复（条）' },
      ],
      rows: months.map((m) => {
        const rs = errata.filter((r) => r.occurredOn.slice(5, 7) === m);
        return {
          key: m,
          label: `${Number(m)}月`,
          counts: [
            rs.length,
            rs.filter((r) => r.state === 'answered').length,
            rs.filter(answeredOnTime).length,
            rs.filter((r) => isOverdue(r.state, r.dueOn, today)).length,
          ],
        };
      }),
    },
    {
      key: 'duties.opinions',
      title: '政务舆情回应情况',
      columns: [
        { key: 'events', label: '舆情（件）' },
        { key: 'responded', label: '已回应（件）' },
        { key: 'within24h', label: '24小时内回应（件）' },
        { key: 'averageHours', label: '平均回应时间（小时）' },
      ],
      rows: perUnit(opinions, names, (rs) => {
        const hours = rs
          .map((r) => responseHours(text(r.data.discoveredAt), text(r.data.respondedAt)))
          .filter((h): h is number => h !== null);
        const avg = hours.length
          ? Math.round((hours.reduce((a, b) => a + b, 0) / hours.length) * 10) / 10
          : 0;
        return [rs.length, hours.length, hours.filter((h) => h <= 24).length, avg];
      }),
    },
    {
      key: 'duties.proposals',
      title: '建议提案办理情况',
      columns: [
        { key: 'suggestions', label: '人大代表建议（件）' },
        { key: 'proposals', label: '政协委员提案（件）' },
        { key: 'replied', label: '已答复（件）' },
        { key: 'satisfied', label: '满意或基本满意（件）' },
        { key: 'full', label: '全文公开（件）' },
        { key: 'summary', label: '摘要公开（件）' },
      ],
      rows: perUnit(proposals, names, (rs) => [
        rs.filter((r) => r.data.kind === 'suggestion').length,
        rs.filter((r) => r.data.kind === 'proposal').length,
        rs.filter((r) => r.state !== 'handling').length,
        rs.filter((r) => r.data.satisfaction === 'satisfied' || r.data.satisfaction === 'basically').length,
        rs.filter((r) => r.data.publication === 'full').length,
        rs.filter((r) => r.data.publication === 'summary').length,
      ]),
    },
    {
      key: 'duties.accounts',
      title: '政务新媒体账号情况',
      columns: [
        { key: 'active', label: '正常运营（个）' },
        { key: 'opened', label: '本年开设（个）' },
        { key: 'closed', label: '本年注销（个）' },
        { key: 'flagged', label: '超期未更新（个）' },
      ],
      rows: perUnit(accounts, names, (rs) => [
        rs.filter((r) => r.state === 'active').length,
        rs.filter((r) => inYear(r.occurredOn, year)).length,
        rs.filter((r) => inYear(text(r.data.closedOn), year)).length,
        rs.filter((r) => r.state === 'active' && r.flagged).length,
      ]),
    },
  ];
}
