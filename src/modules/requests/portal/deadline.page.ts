import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/database.ts';
import { htmlPage } from '../../../platform/http/schemas.ts';
import { type Html, html } from '../../../portal/plugin.ts';
import {
  type Calendar,
  formatChineseDate,
  isIsoDate,
  loadCalendar,
  provisionalNote,
  provisionalYearsBetween,
} from '../../calendar/index.ts';
import {
  computeClock,
  type DeadlineExplanation,
  explainDeadline,
  type ReceiptChannel,
} from '../domain/clock.ts';
import { sendApplyPage } from './column.ts';

/**
 * 答复期限计算: a citizen enters the date the office received the application and sees the reply
 * deadline, with every counted and skipped day explained. A plain GET form: works without JavaScript.
 */
export const DEADLINE_PATH = '/gk/apply/deadline';
const TITLE = '答复期限计算';

const CHANNELS: { value: ReceiptChannel; label: string; rule: string }[] = [
  { value: 'in-person', label: '当面提交', rule: '以提交之日为收到申请之日' },
  { value: 'post-signed', label: '邮寄（需签收）', rule: '以行政机关签收之日为收到申请之日' },
  {
    value: 'post-confirmed',
    label: '平常信函',
    rule: '以政府信息公开工作机构与申请人确认之日为收到申请之日',
  },
  { value: 'online', label: '网上申请', rule: '以双方确认之日为收到申请之日' },
  { value: 'fax', label: '传真', rule: '以双方确认之日为收到申请之日' },
];

type Query = { received?: string; channel?: string; extended?: string };

type Outcome =
  | { kind: 'empty' }
  | { kind: 'invalid'; messages: string[] }
  | { kind: 'missing-year'; year: number }
  | {
      kind: 'ok';
      channel: (typeof CHANNELS)[number];
      explanation: DeadlineExplanation;
      correctionNoticeDue: string;
      extendedReplyDue: string | null;
      extended: boolean;
      /** Years counted provisionally (notice not loaded) up to the reply deadline. */
      provisionalYears: number[];
      /** The same up to the deadline an extension would give. */
      extendedProvisionalYears: number[];
    };

export function computeOutcome(calendar: Calendar, q: Query): Outcome {
  if (!q.received && !q.channel) return { kind: 'empty' };
  const messages: string[] = [];
  const received = (q.received ?? '').trim();
  if (!isIsoDate(received)) messages.push('请填写正确的收到申请日期，例如 2024-03-05。');
  const channel = CHANNELS.find((c) => c.value === (q.channel ?? 'online'));
  if (!channel) messages.push('请选择申请方式。');
  if (messages.length > 0 || !channel) return { kind: 'invalid', messages };
  const extended = q.extended === '1';
  const input = {
    calendar,
    receipt: { channel: channel.value, receivedOn: received },
    events: extended ? [{ type: 'extension-approved' as const, on: received }] : [],
  };
  try {
    const state = computeClock(input);
    return {
      kind: 'ok',
      channel,
      explanation: explainDeadline(input),
      correctionNoticeDue: state.correctionNoticeDue,
      extendedReplyDue: state.extendedReplyDue,
      extended,
      provisionalYears: state.provisionalYears,
      extendedProvisionalYears: state.extendedReplyDue
        ? provisionalYearsBetween(calendar, received, state.extendedReplyDue)
        : [],
    };
  } catch (err) {
    const e = err as { code?: string; params?: { year?: number } };
    if (e.code === 'CALENDAR_YEAR_MISSING') return { kind: 'missing-year', year: Number(e.params?.year) };
    throw err;
  }
}

function form(q: Query): Html {
  const selected = q.channel ?? 'online';
  return html`<form class="form" method="get" action="${DEADLINE_PATH}">
<p><label for="received">收到申请之日</label>
<input id="received" name="received" type="date" required value="${q.received ?? ''}" aria-describedby="received-hint">
<span id="received-hint" class="hint">格式：年-月-日，例如 2024-03-05</span></p>
<p><label for="channel">申请方式</label>
<select id="channel" name="channel">${CHANNELS.map(
    (c) =>
      html`<option value="${c.value}"${c.value === selected ? html` selected` : null}>${c.label}</option>`,
  )}</select></p>
<p><input id="extended" name="extended" type="checkbox" value="1"${q.extended === '1' ? html` checked` : null}>
<label for="extended">已延长答复期限（经政府信息公开工作机构负责人同意，最长延长20个工作日）</label></p>
<p><button type="submit">计算答复期限</button></p>
</form>`;
}

/** After a date counted over a year without a loaded notice: " 暂定（2027年放假安排尚未录入）". */
function provisional(years: readonly number[]): Html | null {
  return years.length > 0 ? html` <span class="provisional">${provisionalNote(years)}</span>` : null;
}

function result(o: Outcome): Html {
  if (o.kind === 'empty') return html``;
  if (o.kind === 'invalid') {
    return html`<div class="notice error" role="alert"><p>${o.messages.join(' ')}</p></div>`;
  }
  if (o.kind === 'missing-year') {
    return html`<div class="notice error" role="alert"><p><strong>暂时无法计算：</strong>期限将计入${o.year}年，而国务院办公厅${o.year}年部分节假日安排尚未录入本平台的工作日历。为避免算错，平台不按普通周一至周五推算。请以政府信息公开工作机构的答复为准，或待日历录入后再试。</p></div>`;
  }
  const e = o.explanation;
  const years = [...new Set([...o.provisionalYears, ...o.extendedProvisionalYears])];
  const rows = e.days.map(
    (d) =>
      html`<tr${d.counted ? null : html` class="skipped"`}><td>${formatChineseDate(d.date)}</td><td>${d.weekday}</td><td>${d.counted ? `第${d.ordinal}个工作日` : '不计入'}</td><td>${d.reason}${d.note ? html`<strong>（${d.note}）</strong>` : null}</td></tr>`,
  );
  return html`<section aria-labelledby="result-title" class="result">
<h2 id="result-title">计算结果</h2>
<dl class="facts">
<dt>收到申请之日</dt><dd>${formatChineseDate(e.received)}（${o.channel.label}：${o.channel.rule}）</dd>
<dt>答复期限</dt><dd><strong>${e.due ? formatChineseDate(e.due) : '—'}</strong>${o.extended ? '（已延长）' : ''}${provisional(o.provisionalYears)}</dd>
${o.extended && e.originalDue ? html`<dt>原答复期限</dt><dd>${formatChineseDate(e.originalDue)}</dd>` : null}
${!o.extended && o.extendedReplyDue ? html`<dt>如经批准延长</dt><dd>最迟${formatChineseDate(o.extendedReplyDue)}${provisional(o.extendedProvisionalYears)}</dd>` : null}
<dt>补正告知期限</dt><dd>申请内容不明确的，行政机关应在${formatChineseDate(o.correctionNoticeDue)}前一次性告知补正</dd>
</dl>
<p>${e.startNote}${e.summary}</p>
${
  years.length > 0
    ? html`<div class="notice" role="note"><p><strong>${provisionalNote(years)}：</strong>国务院办公厅${years.join('、')}年部分节假日安排尚未录入本平台，以上日期按《全国年节及纪念日放假办法》规定的法定节假日推算（节日适逢周末的顺延补假，未计调休上班日）。放假安排录入后期限可能变动，请以行政机关的告知为准。</p></div>`
    : null
}
<table class="days">
<caption>逐日计算明细（共${e.days.length}天，其中计入${e.totalWorkingDays}个工作日）</caption>
<thead><tr><th scope="col">日期</th><th scope="col">星期</th><th scope="col">是否计入</th><th scope="col">说明</th></tr></thead>
<tbody>${rows}</tbody>
</table>
<p class="hint">依据《中华人民共和国政府信息公开条例》第三十三条：不能当场答复的，应当自收到申请之日起20个工作日内予以答复；需要延长的，经负责人同意并告知申请人，延长期限最长不得超过20个工作日。征求第三方和其他机关意见所需时间不计算在内。工作日按国务院办公厅每年公布的节假日安排计算，调休上班的周六、周日计入。</p>
</section>`;
}

export async function deadlinePage(app: FastifyInstance, opts: { db: Kysely<Database>; siteName: string }) {
  const schema = { response: { 200: htmlPage } };
  app.get<{ Querystring: Record<string, unknown> }>(DEADLINE_PATH, { schema }, async (req, reply) => {
    const one = (v: unknown) => (typeof v === 'string' ? v : undefined);
    const q: Query = {
      received: one(req.query.received),
      channel: one(req.query.channel),
      extended: one(req.query.extended),
    };
    const outcome = computeOutcome(await loadCalendar(opts.db), q);
    return sendApplyPage(req, reply, {
      siteName: opts.siteName,
      path: req.url,
      title: TITLE,
      body: html`<p>输入行政机关收到您的政府信息公开申请的日期，查看法定答复期限及其逐日计算方法。</p>${form(q)}${result(outcome)}`,
      status: outcome.kind === 'invalid' ? 400 : 200,
    });
  });
}
