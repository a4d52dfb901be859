/**
 * Pure normaliser for organisation names as they are written in government documents, so that
 * 市发展改革委 = 市发展和改革委员会 = 市发改委 = 济宁市发展和改革委员会 compare equal.
 * No I/O: the place names to strip (济宁市, 莱芜区 …) are a parameter.
 */

/** Full or half-abbreviated forms → one canonical short form. Longest first when applied. */
const ABBREVIATIONS: readonly (readonly [string, string])[] = [
  // Keys are written without 和/与/及: those are dropped before the table is applied.
  ['发展改革委员会', '发改委'],
  ['发展改革委', '发改委'],
  ['发展改革局', '发改局'],
  ['人力资源社会保障局', '人社局'],
  ['住房城乡建设局', '住建局'],
  ['卫生计划生育委员会', '卫计委'],
  ['卫生健康委员会', '卫健委'],
  ['卫生健康委', '卫健委'],
  ['卫生健康局', '卫健局'],
  ['市场监督管理局', '市监局'],
  ['市场监管局', '市监局'],
  ['工业信息化局', '工信局'],
  ['工业信息化委员会', '经信委'],
  ['经济信息化委员会', '经信委'],
  ['科学技术局', '科技局'],
  ['退役军人事务局', '退役军人局'],
  ['应急管理局', '应急局'],
  ['医疗保障局', '医保局'],
  ['国有资产监督管理委员会', '国资委'],
  ['地方金融监督管理局', '金融监管局'],
  ['地方金融监管局', '金融监管局'],
  ['文化旅游局', '文旅局'],
  ['行政审批服务局', '审批局'],
  ['城乡水务局', '水务局'],
  ['交通运输局', '交通局'],
  ['投资促进局', '投促局'],
  ['政府办公室', '政府办'],
  ['政府办公厅', '政府办'],
  ['人民政府', '政府'],
  ['综合行政执法局', '执法局'],
  ['城市管理局', '城管局'],
  ['委员会', '委'],
];

/** Characters that do not distinguish two names: spaces, dots, quotes and the connective 和/与/及. */
const NOISE = /[\s·•.。,，、'"“”‘’「」\u3000和与及]/g;

function canonicalBrackets(s: string): string {
  return s.replace(/[（【[〔]/g, '(').replace(/[）】\]〕]/g, ')');
}

/**
 * The place names that may prefix an organisation under `governmentName` ("济宁市人民政府" →
 * ["济宁市", "济宁"]; "莱芜区人民政府" → ["莱芜区", "莱芜"]).
 */
export function placeNamesOf(governmentName: string): string[] {
  const base = governmentName
    .normalize('NFKC')
    .replace(/\s/g, '')
    .replace(/(人民政府|政府|管委会|管理委员会|办事处)$/, '');
  if (base === '') return [];
  const out = [base];
  const short = base.replace(/(自治县|自治州|地区|街道|[省市县区镇乡])$/, '');
  if (short.length >= 2 && short !== base) out.push(short);
  return out;
}

/**
 * The comparison key of an organisation name: NFKC, no spaces/punctuation/和, place prefix and one
 * level prefix (市/县/区) dropped, common full names abbreviated (发展和改革委员会 → 发改委), 委员会 → 委.
 */
export function normaliseOrgName(name: string, placeNames: readonly string[] = []): string {
  let s = canonicalBrackets(name.normalize('NFKC')).replace(/\s/g, '');
  for (const p of [...placeNames].sort((a, b) => b.length - a.length)) {
    if (p !== '' && s.startsWith(p) && s.length > p.length) {
      s = s.slice(p.length);
      break;
    }
  }
  // 市/县/区 as a level prefix, but not the 市 of 市场 (市场监管局) unless doubled (市市场监管局).
  if (/^[市县区](?!场)/.test(s) || /^市市场/.test(s)) s = s.slice(1);
  s = s.replace(NOISE, '');
  for (const [full, short] of ABBREVIATIONS) {
    if (s.includes(full)) s = s.split(full).join(short);
  }
  // A government is named by its place: 任城区人民政府 = 任城区政府 = 任城区.
  const government = /^(.+[市县区镇乡])(政府|管委会)$/.exec(s);
  if (government && (government[1] as string).length >= 2) s = government[1] as string;
  return s;
}

/** True when a unit cell names a group of organisations rather than one (各县（市、区）政府, 市政府各部门). */
export function isGroupName(name: string): boolean {
  const s = name.normalize('NFKC').replace(/\s/g, '');
  return (
    /^各/.test(s) ||
    /(各|有关|相关|其他|其它)(部门|单位|县|镇|乡|街道|区)/.test(s) ||
    /等.*(部门|单位)$/.test(s) ||
    /(部门|单位)、(单位|部门)$/.test(s) ||
    /^(市|县|区)、(县|区|镇|乡)/.test(s) ||
    /成员单位$/.test(s)
  );
}

/** An organisation a written unit name may be matched to; `rank` 0 is preferred over 1, 1 over 2. */
export type MatchCandidate = { id: number; name: string; key: string; rank: number };
export type MatchVia = 'exact' | 'alias' | 'fuzzy';
export type MatchResult = { orgId: number; orgName: string; via: MatchVia } | null;

/**
 * Match one written name: the exact name, then a remembered alias (`aliasOrgIds`: alias → org id,
 * exact alias text or its normalised key), then the normalised key. An ambiguous key (two
 * candidates of the same best rank) matches nothing.
 */
export function matchUnitName(
  written: string,
  candidates: readonly MatchCandidate[],
  aliases: { exact: ReadonlyMap<string, number>; byKey: ReadonlyMap<string, number> },
  placeNames: readonly string[],
): MatchResult {
  const name = written.normalize('NFKC').trim();
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const exact = candidates.filter((c) => c.name === name || c.name === written.trim());
  const bestExact = best(exact);
  if (bestExact) return { orgId: bestExact.id, orgName: bestExact.name, via: 'exact' };
  const aliased = aliases.exact.get(written.trim()) ?? aliases.exact.get(name);
  const aliasTarget = aliased === undefined ? undefined : byId.get(aliased);
  if (aliasTarget) return { orgId: aliasTarget.id, orgName: aliasTarget.name, via: 'alias' };
  const key = normaliseOrgName(name, placeNames);
  const fuzzy = best(candidates.filter((c) => c.key === key));
  if (fuzzy) return { orgId: fuzzy.id, orgName: fuzzy.name, via: 'fuzzy' };
  const keyed = aliases.byKey.get(key);
  const keyTarget = keyed === undefined ? undefined : byId.get(keyed);
  if (keyTarget) return { orgId: keyTarget.id, orgName: keyTarget.name, via: 'fuzzy' };
  return null;
}

function best(list: readonly MatchCandidate[]): MatchCandidate | null {
  if (list.length === 0) return null;
  const top = Math.min(...list.map((c) => c.rank));
  const winners = list.filter((c) => c.rank === top);
  return winners.length === 1 ? (winners[0] as MatchCandidate) : null;
}
