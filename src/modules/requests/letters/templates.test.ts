import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatChineseDate } from '../../calendar/index.ts';
import { REPLY_OUTCOMES } from '../domain/outcomes.ts';
import { sampleFacts } from './samples.ts';
import {
  buildLetter,
  defaultTemplate,
  fillTemplate,
  formatCaseNo,
  isForApplicant,
  LETTER_KINDS,
  type LetterKind,
  letterKindFor,
  PLACEHOLDER_LABELS,
  validateTemplate,
} from './templates.ts';

test('there is a kind per notice and per reply-choosable outcome', () => {
  for (const k of ['correction', 'extension', 'fee', 'consultation'])
    assert.ok(LETTER_KINDS.includes(k as LetterKind));
  for (const o of REPLY_OUTCOMES) assert.ok(LETTER_KINDS.includes(`reply-${o}`), o);
  assert.ok(!LETTER_KINDS.includes('reply-WITHDRAWN_NO_CORRECTION' as LetterKind));
});

test('every default template is valid and fills every placeholder it uses', () => {
  for (const kind of LETTER_KINDS) {
    const t = defaultTemplate(kind);
    assert.deepEqual(validateTemplate(kind, t), [], kind);
    const letter = buildLetter(kind, t, sampleFacts(kind));
    assert.doesNotMatch(letter.body, /\{\{|\}\}/, kind);
    assert.equal(letter.docNo, '依申请公开〔2024〕第000123号');
    assert.equal(letter.date, '2024年3月20日');
    assert.ok(letter.title.length > 0);
    if (isForApplicant(kind)) assert.match(letter.body, /^张三丰：/, kind);
    assert.match(letter.body, /2024年3月5日收到/, kind);
  }
});

test('the facts land where a disclosure office writes them', () => {
  const c = buildLetter('correction', defaultTemplate('correction'), sampleFacts('correction'));
  assert.match(c.body, /第三十条/);
  assert.match(c.body, /请写明所需批复的项目名称/);
  assert.match(c.body, /请您于2024年3月1日前/);
  assert.equal(c.remedies, null, 'a notice carries no remedies paragraph');

  const e = buildLetter('extension', defaultTemplate('extension'), sampleFacts('extension'));
  assert.match(e.body, /第三十三条第二款/);
  assert.match(e.body, /2024年4月30日前作出答复/);

  const f = buildLetter('fee', defaultTemplate('fee'), sampleFacts('fee'));
  assert.match(f.body, /人民币1100元/);
  assert.match(f.body, /第31—100页共70页，每页10元，计700元/);

  const k = buildLetter('consultation', defaultTemplate('consultation'), sampleFacts('consultation'));
  assert.match(k.body, /^某建设有限公司：/);
  assert.match(k.body, /第三十二条/);
  assert.equal(letterKindFor('consult-send', { party: 'agency' }), 'consultation-agency');
  assert.equal(isForApplicant('consultation'), false);

  const d = buildLetter('reply-DISCLOSE', defaultTemplate('reply-DISCLOSE'), sampleFacts('reply-DISCLOSE'));
  assert.match(d.body, /第三十六条第二项/);
  assert.match(d.body, /答复的具体内容。/);
  assert.match(d.remedies ?? '', /六十日内.*申请行政复议.*六个月内.*提起行政诉讼/);

  const w = buildLetter('reply-WITHHOLD', defaultTemplate('reply-WITHHOLD'), sampleFacts('reply-WITHHOLD'));
  assert.match(w.body, /第十五条/);
  assert.match(w.body, /第三十六条第三项/);
  assert.match(w.remedies ?? '', /第二十三条第一款第四项的规定，应当先/);
});

test('a template that places {{remedies}} itself gets no second remedies paragraph', () => {
  const t = { title: '答复书', body: '{{applicantName}}：\n{{replyText}}\n{{remedies}}' };
  assert.deepEqual(validateTemplate('reply-NOT_EXIST', t), []);
  const l = buildLetter('reply-NOT_EXIST', t, sampleFacts('reply-NOT_EXIST'));
  assert.equal(l.remedies, null);
  assert.match(l.body, /六十日内/);
});

test('unknown or misplaced placeholders are refused with a Chinese message naming them', () => {
  const unknown = validateTemplate('correction', { title: '补正告知书', body: '{{applicantName}}：{{foo}}' });
  assert.equal(unknown.length, 1);
  assert.equal(unknown[0]?.path, 'body');
  assert.match(unknown[0]?.message ?? '', /未知的占位符“\{\{foo\}\}”/);

  const misplaced = validateTemplate('correction', { title: '补正告知书', body: '金额{{amount}}元' });
  assert.match(misplaced[0]?.message ?? '', /“\{\{信息处理费金额（元）\}\}”不能用于补正告知书/);
  const labels = Object.values(PLACEHOLDER_LABELS);
  assert.equal(new Set(labels).size, labels.length, 'every Chinese name names one placeholder');

  const ground = validateTemplate('reply-DISCLOSE', { title: '答复书', body: '{{ground}}' });
  assert.equal(ground.length, 1, 'only PARTIAL and WITHHOLD have a ground');

  const broken = validateTemplate('fee', { title: '通知', body: '{{amount}元' });
  assert.match(broken[0]?.message ?? '', /占位符的写法不正确/);

  const empty = validateTemplate('fee', { title: ' ', body: '' });
  assert.deepEqual(
    empty.map((e) => e.path),
    ['title', 'body'],
  );
  assert.match(validateTemplate('fee', { title: '{{x}}', body: '正文' })[0]?.message ?? '', /\{\{x\}\}/);
});

test('formatting helpers', () => {
  assert.equal(formatChineseDate('2024-03-05'), '2024年3月5日');
  assert.equal(formatCaseNo('2024-000123'), '依申请公开〔2024〕第000123号');
  assert.equal(formatCaseNo(null), '');
  assert.equal(fillTemplate('{{ subject }}与{{unknown}}', { subject: 'A' }), 'A与{{unknown}}');
  assert.equal(letterKindFor('note', {}), null);
  assert.equal(letterKindFor('reply', { outcome: 'OTHER' }), null);
  assert.equal(letterKindFor('reply', { outcome: 'WITHHOLD' }), 'reply-WITHHOLD');
});

test('the 转办 notice names the agency that received the application and the unchanged deadline', () => {
  const t = buildLetter('transfer', defaultTemplate('transfer'), sampleFacts('transfer'));
  assert.match(t.body, /^张三丰：\n市政府办公室于2024年3月5日收到您提出的政府信息公开申请/);
  assert.match(t.body, /收到申请之日不因转办而改变，本机关将于2024年4月30日前作出答复/);
  assert.equal(t.remedies, null);
  assert.equal(letterKindFor('transfer', {}), 'transfer');
  assert.ok(isForApplicant('transfer'));
});

test('the fee notice says what the clock does while the fee is unpaid (the configured rule), and the month’s count', {
  timeout: 5_000,
}, () => {
  const facts = sampleFacts('fee');
  const letter = buildLetter('fee', defaultTemplate('fee'), {
    ...facts,
    data: { ...facts.data, method: 'per-item', quantity: 1, earlierThisMonth: 10, amount: 100 },
  });
  assert.doesNotMatch(letter.body, /缴费期间不计算在答复期限内/, 'the clock does not pause by default');
  assert.match(letter.body, /答复期限不因收费而中止计算/);
  assert.match(letter.body, /同一申请人本自然月内此前已申请10件，本申请计1件，本月累计11件/);
});
