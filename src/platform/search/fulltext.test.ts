import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { escapeHtml } from '../../portal/html.ts';
import {
  addSearchWords,
  buildTsquery,
  buildTsvector,
  coverage,
  highlightPattern,
  leadSnippet,
  queryWords,
  quoteLexeme,
  searchTokens,
  snippet,
  synonymIndex,
  withFacets,
  wordParts,
} from './fulltext.ts';

test('search mode yields compounds and their parts; the user dictionary keeps government terms whole', () => {
  const t = searchTokens('关于印发2021年济宁市政务公开工作任务分解表的通知');
  for (const w of ['政务', '公开', '政务公开', '济宁市', '2021', '分解表', '通知'])
    assert.ok(t.includes(w), `${w}: ${t}`);
  for (const w of ['关于', '的', '年']) assert.ok(!t.includes(w) || w === '年', `${w} dropped: ${t}`);
  assert.ok(!t.includes('关于'));
  assert.ok(!t.includes('的'));
  // A long user word inside a compound is indexed too: 市发展改革委 → 发展改革委.
  assert.ok(searchTokens('市发展改革委').includes('发展改革委'));
  assert.ok(searchTokens('济宁市发展和改革委员会').includes('发展和改革委员会'));
});

test('tokens are NFKC-normalised, lower-cased and free of punctuation', () => {
  const t = searchTokens('ＧＤＰ增长，COVID-19！“双随机、一公开”');
  assert.ok(t.includes('gdp'), t.join('/'));
  assert.ok(!t.some((w) => /[，！“”、]/.test(w)), t.join('/'));
  assert.deepEqual(searchTokens('，。！？……  '), []);
  assert.deepEqual(searchTokens(''), []);
  assert.deepEqual(searchTokens(null), []);
});

test('a tsvector literal carries weights and positions and quotes every lexeme', () => {
  const v = buildTsvector([
    { text: '政务公开', weight: 'A' },
    { text: "it's a\\b", weight: 'C' },
    { text: '附件', weight: 'D' },
  ]);
  assert.match(v, /'政务公开':\d+A/);
  assert.match(v, /'it':\d+C/);
  assert.match(v, /'b':\d+C/);
  assert.match(v, /'附件':\d+( |$)/, 'D is the default weight, written without a label');
  assert.equal(buildTsvector([{ text: '', weight: 'A' }]), '');
});

test('quoteLexeme doubles quotes and escapes backslashes', () => {
  assert.equal(quoteLexeme("a'b"), "'a''b'");
  assert.equal(quoteLexeme('a\\b'), "'a\\\\b'");
});

test('query words: precise mode, single characters dropped beside real words, bounded', () => {
  assert.deepEqual(queryWords('政务公开'), ['政务公开']);
  assert.deepEqual(queryWords('济政办字〔2021〕18号'), ['济政办', '2021', '18']);
  assert.ok(!queryWords('市人社局').includes('市'));
  assert.ok(queryWords('一 二 三 四 五 六 七 八 九 十 甲 乙 丙 丁 戊 己 庚'.repeat(3)).length <= 12);
  assert.ok(queryWords('政'.repeat(20_000)).length <= 12);
});

test('compound words match through their parts as well', () => {
  assert.deepEqual(wordParts('政务公开').sort(), ['公开', '政务']);
  assert.deepEqual(wordParts('公开'), []);
});

test('synonyms and abbreviations become OR groups', () => {
  addSearchWords(['发改委', '发展改革委', '发展和改革委员会']);
  const syn = synonymIndex([['发改委', '发展和改革委员会', '发展改革委']]);
  const p = buildTsquery('发改委 供热', syn);
  assert.ok(p.all?.includes("'发改委'"), p.all ?? '');
  assert.ok(p.all?.includes("'发展改革委'"), p.all ?? '');
  assert.ok(p.all?.includes("'发展和改革委员会'"), p.all ?? '');
  assert.match(p.all ?? '', /\) & '供热'$/);
  assert.match(p.any ?? '', /\) \| '供热'$/);
  assert.deepEqual(p.groups[0]?.sort(), ['发展和改革委员会', '发展改革委', '发改委'].sort());
  assert.ok(p.highlight.includes('发展和改革委员会'));
});

test('any input gives a well-formed query or none: operators and quotes stay inside lexemes', () => {
  assert.equal(buildTsquery('').all, null);
  assert.equal(buildTsquery('，。！？').all, null);
  assert.equal(buildTsquery('😀🎉').all, null);
  assert.equal(buildTsquery("'; drop table documents; --").all, "'drop' & 'table' & 'documents'");
  const ops = buildTsquery("a' & !b | c:* (d) <-> e\\");
  for (const lexeme of (ops.all ?? '').match(/'(?:[^']|'')*'/g) ?? []) assert.ok(lexeme.length > 2);
  // Property: outside quoted lexemes only the grammar's own characters appear.
  fc.assert(
    fc.property(fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 40 }), (a, b) => {
      for (const q of [a, b, `${a}政务${b}`]) {
        const p = buildTsquery(q);
        for (const lit of [p.all, p.any]) {
          if (lit === null) continue;
          const outside = lit.replace(/'(?:[^'\\]|''|\\.)*'/g, '');
          assert.match(outside, /^[\s&|()]*$/, `${JSON.stringify(q)} → ${lit}`);
        }
      }
    }),
    { numRuns: 300 },
  );
});

test('snippets: around the first match, escaped, matches marked, cut with …', () => {
  const text = `${'前文'.repeat(60)}推进<b>政务公开</b>工作 & 提升政务公开水平${'后文'.repeat(100)}`;
  const s = snippet(text, highlightPattern(['政务公开', '政务'])) ?? '';
  assert.ok(s.startsWith('…') && s.endsWith('…'), s);
  assert.ok(s.includes('&lt;b&gt;<mark>政务公开</mark>&lt;/b&gt;'), s);
  assert.ok(s.includes('&amp;'), s);
  assert.equal((s.match(/<mark>/g) ?? []).length, 2);
  const plain = s.replace(/<\/?mark>/g, '').replace(/&[a-z]+;/g, 'x');
  assert.ok(plain.length <= 130, `${plain.length}`);
  assert.equal(snippet('没有匹配', highlightPattern(['政务'])), null);
  assert.equal(snippet('任何', null), null);
  assert.equal(leadSnippet('<短文>'), '&lt;短文&gt;');
  assert.ok(leadSnippet('长'.repeat(300)).endsWith('…'));
  // Adjacent matches merge into one mark; matching ignores case.
  assert.equal(snippet('老旧小区', highlightPattern(['老旧', '小区'])), '<mark>老旧小区</mark>');
  assert.equal(snippet('GDP', highlightPattern(['gdp'])), '<mark>GDP</mark>');
  // A snippet never splits a surrogate pair.
  const emoji = `${'😀'.repeat(100)}政务${'😀'.repeat(100)}`;
  assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])/.test(snippet(emoji, highlightPattern(['政务'])) ?? ''));
});

test('coverage counts the query words a text holds', () => {
  assert.equal(
    coverage('市发展改革委关于供热价格的通知', [['发改委', '发展改革委'], ['供热', '供暖'], ['学区']]),
    2,
  );
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
});

test('a query can require facets; no word token is ever a facet', () => {
  assert.equal(withFacets("'供热'", []), "'供热'");
  assert.equal(
    withFacets("'a' | 'b'", ['org:12', 'genre:notice']),
    "('a' | 'b') & 'org:12' & 'genre:notice'",
  );
  assert.deepEqual(searchTokens('org:12'), ['org', '12']);
});
