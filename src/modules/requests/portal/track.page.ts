import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Database } from '../../../platform/db/database.ts';
import { contentDisposition } from '../../../platform/http/content-disposition.ts';
import { describeError, isCatalogCode } from '../../../platform/http/errors.ts';
import { createRateLimiter } from '../../../platform/http/rate-limit.ts';
import { fileResponse, htmlPage } from '../../../platform/http/schemas.ts';
import { CSRF_COOKIE } from '../../../platform/http/session.ts';
import { chinaToday } from '../../../platform/time.ts';
import { type Html, html, join, raw } from '../../../portal/plugin.ts';
import { formatChineseDate, provisionalNote } from '../../calendar/index.ts';
import { findOrg } from '../../orgs/index.ts';
import { caseFiles, caseReleasedDocuments, readCaseFile } from '../case-files.ts';
import { isGroundCode, isOutcomeCode, OUTCOMES, WITHHOLD_GROUNDS } from '../domain/outcomes.ts';
import { isOpenStage, isRunningStage, isStage, STAGE_LABELS, type Stage } from '../domain/stages.ts';
import { type ApplicantLetter, lettersForApplicant, readLetterFile } from '../letters/service.ts';
import { act, track, withdrawByApplicant } from '../service.ts';
import { listEvents, type RequestEventRow } from '../store.ts';
import { sendApplyPage } from './column.ts';
import { createLetterLinks, LETTER_LINK_TTL_MS, loadLetterLinkSecret } from './letter-links.ts';

/**
 * 办理进度查询: the applicant enters the tracking code and query password shown when they applied and
 * sees the stage, the receipt date and the reply deadline, the steps that concern them, and can withdraw
 * the application. A wrong pair says only 跟踪码或查询密码不正确, whether or not the code exists, and POSTs
 * are rate-limited per IP. Plain POST forms: works without JavaScript.
 *
 * While a correction notice is open the page shows its items and deadline and a form 提交补正内容 (the
 * corrected description and the password again), recorded as `receive-correction` on today's date: the reply
 * period restarts from it (Art. 30). The notices and replies sent to the applicant are listed under 文书下载
 * with links carrying a 30-minute token bound to the case (letter-links.ts), since a link cannot carry the
 * password.
 */
export const TRACK_PATH = '/gk/apply/track';
/** GET `${LETTERS_PATH}/:letterId?t=TOKEN` serves one letter (.docx) of the case the token was issued for. */
export const LETTERS_PATH = `${TRACK_PATH}/letters`;
/** The information a reply released (予以公开/部分公开), by the same token: a file, a library document. */
export const RELEASED_FILES_PATH = `${TRACK_PATH}/released`;
export const RELEASED_DOCUMENTS_PATH = `${TRACK_PATH}/released-documents`;
const FORM_LINK = '/gk/apply/form';
const TITLE = '办理进度查询';

/** 10 lookups (or withdrawals, or corrections) per IP in 10 minutes. */
const RATE_LIMIT = { limit: 10, windowMs: 10 * 60_000 };
const RATE_MESSAGE = '查询过于频繁。为保护申请人的信息，同一网络10分钟内最多查询10次，请10分钟后再试。';
/** Letter downloads per IP in 10 minutes (the token is unguessable; this only bounds abuse). */
const DOWNLOAD_LIMIT = { limit: 60, windowMs: 10 * 60_000 };

/** The corrected description: same limit as the application form's 内容描述. */
export const CORRECTION_MAX_CHARS = 2000;
const CORRECTION_TITLE = '提交补正内容';

type Tracked = Awaited<ReturnType<typeof track>>;

/** What each stage means, in plain words for the applicant. */
const STAGE_EXPLAINED: Record<Stage, string> = {
  'awaiting-confirmation': '政府信息公开工作机构尚未确认收到您的申请。确认收到后开始计算答复期限。',
  registered: '已收到您的申请，正在安排办理。',
  processing: '您的申请正在办理中。',
  'awaiting-correction': '行政机关已告知您补正申请，请按补正告知的要求补正。',
  replied: '行政机关已作出答复，请留意查收答复书。',
  closed: '本申请已终止办理。',
  archived: '本申请已办结并归档。',
};

const PAUSE_EXPLAINED: Record<string, string> = {
  correction: '等待您补正申请，补正期间不计算答复期限；收到补正后重新计算。',
  consultation:
    '正在征求有关方面的意见，征求意见所需时间不计算在答复期限内（《中华人民共和国政府信息公开条例》第三十三条第三款）。',
  fee: '等待缴纳信息处理费，缴费期间不计算答复期限。',
};

/** Normalise what a citizen types: full-width to half-width, spaces removed, upper case. */
function normalizeSecret(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

function oneString(v: unknown): string {
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first : '';
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const isoDate = (v: unknown): string | null =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null;

/** Multi-line text typed by staff, lines kept. */
function lines(text: string): Html {
  return join(text.split(/\r?\n/), raw('<br>'));
}

type EventView = { title: string; detail: Html | null };

/**
 * The events an applicant should see, in words. Internal steps (assignment, consultations, notes) are
 * left out: they name staff, units and third parties.
 */
export function applicantEvent(e: Pick<RequestEventRow, 'type' | 'data'>): EventView | null {
  const d = (e.data ?? {}) as Record<string, unknown>;
  switch (e.type) {
    case 'submit':
      return {
        title: '提交申请',
        detail: d.channel === 'online' ? html`您通过网上提交了申请。` : null,
      };
    case 'confirm-receipt':
      return { title: '确认收到申请', detail: html`答复期限自收到申请之日起计算。` };
    case 'request-correction': {
      const items = str(d.items);
      const due = isoDate(d.deadlineDate) ?? isoDate(d.deadline);
      return {
        title: '补正告知',
        detail: html`${items ? html`需要补正的事项：${lines(items)}` : null}${due ? html`<br>请于${formatChineseDate(due)}前补正。` : null}`,
      };
    }
    case 'receive-correction':
      return { title: '收到补正', detail: html`答复期限自收到补正之日起重新计算。` };
    case 'deem-withdrawn-no-correction':
      return {
        title: '视为放弃申请',
        detail: html`申请人无正当理由逾期不补正，视为放弃申请（条例第三十条）。`,
      };
    case 'extend': {
      const reason = str(d.reason);
      return {
        title: '延长答复期限',
        detail: html`经政府信息公开工作机构负责人同意，答复期限延长（最长不超过20个工作日）。${reason ? html`<br>延期理由：${lines(reason)}` : null}`,
      };
    }
    case 'fee-notice': {
      const amount = typeof d.amount === 'number' && Number.isFinite(d.amount) ? d.amount : null;
      return {
        title: '收费通知',
        detail: amount !== null ? html`信息处理费：${amount}元。` : null,
      };
    }
    case 'fee-paid':
      return { title: '已缴纳信息处理费', detail: null };
    case 'deem-withdrawn-no-payment':
      return { title: '视为放弃申请', detail: html`申请人逾期未缴纳信息处理费，视为放弃申请。` };
    case 'reply': {
      const outcome = isOutcomeCode(d.outcome) ? OUTCOMES[d.outcome].label : null;
      const ground = isGroundCode(d.groundCode) ? WITHHOLD_GROUNDS[d.groundCode].label : null;
      return {
        title: '作出答复',
        detail: outcome ? html`办理结果：${outcome}${ground ? `（理由：${ground}）` : ''}` : null,
      };
    }
    case 'withdraw':
      return {
        title: '撤回申请',
        detail:
          d.by === 'applicant' ? html`您撤回了申请，本申请终止办理。` : html`申请已撤回，本申请终止办理。`,
      };
    case 'archive':
      return { title: '归档', detail: null };
    case 'transfer': {
      const to = str(d.toOrgName);
      return {
        title: to ? `已转至${to}` : '转办',
        detail: html`您的申请已转至${to ?? '负责公开该信息的行政机关'}办理，收到申请之日和答复期限不变。`,
      };
    }
    default:
      return null;
  }
}

function stageOf(t: Tracked): Stage | null {
  return isStage(t.row.stage) ? t.row.stage : null;
}

/** The reply deadline as the applicant should read it; never a guessed date. */
function deadline(t: Tracked): Html {
  const { state, missingYear } = t.clock;
  if (state?.replyDue) {
    const note =
      state.provisionalYears.length > 0
        ? html`<br>${provisionalNote(state.provisionalYears)}：国务院办公厅${state.provisionalYears.join('、')}年部分节假日安排公布并录入后，期限可能调整，请以行政机关的告知为准。`
        : null;
    return html`<strong>${formatChineseDate(state.replyDue)}</strong>${state.extended ? '（已延长）' : ''}${note}`;
  }
  if (missingYear !== null) {
    return html`<strong>暂时无法计算：</strong>答复期限将计入${missingYear}年，而${missingYear}年的节假日安排尚未录入本平台的工作日历。为避免算错，平台不按普通周一至周五推算。请以政府信息公开工作机构的告知为准，或待日历录入后再查询。`;
  }
  if (state?.correctionPending) return html`自收到您补正的申请之日起重新计算`;
  return html`—`;
}

const REQUIRED = html`<span class="required">（必填）</span>`;

export type CorrectionErrors = { text?: string; password?: string; general?: string };
/** What the correction form shows: the text as typed (never the password) and its errors. */
export type CorrectionState = { text: string; errors: CorrectionErrors };

/** Optional parts of the progress page: the letters with their download token, the correction form. */
export type ProgressExtras = {
  letters?: readonly Pick<ApplicantLetter, 'id' | 'title' | 'on'>[];
  /** The token of the letters' download links (null: no links). */
  letterToken?: string | null;
  /** The information the replies released, downloadable with `letterToken`. */
  released?: {
    files: readonly { fileId: number; name: string; size: number }[];
    documents: readonly { documentId: number; title: string; docNumber: string | null }[];
  };
  correction?: CorrectionState;
};

/** The latest correction notice of the case: its items and deadline. */
function correctionNotice(t: Tracked): { on: string; items: string | null; due: string | null } | null {
  const e = t.events.findLast((x) => x.type === 'request-correction');
  if (!e) return null;
  const d = (e.data ?? {}) as Record<string, unknown>;
  return { on: e.on_date, items: str(d.items), due: isoDate(d.deadlineDate) ?? isoDate(d.deadline) };
}

/** Error summary above a correction form (links to the fields). */
export function correctionSummary(errors: CorrectionErrors): Html | null {
  const items: Html[] = [];
  if (errors.text) items.push(html`<li><a href="#correction-text">补正后的内容描述：${errors.text}</a></li>`);
  if (errors.password)
    items.push(html`<li><a href="#correction-password">查询密码：${errors.password}</a></li>`);
  if (!errors.general && items.length === 0) return null;
  return html`<div class="notice error" role="alert" id="error-summary">${errors.general ? html`<p><strong>${errors.general}</strong></p>` : null}${
    items.length > 0
      ? html`<p><strong>补正内容尚未提交，请按以下提示修改后重新提交：</strong></p><ul>${items}</ul>`
      : null
  }</div>`;
}

export function correctionForm(csrf: string, code: string, s: CorrectionState): Html {
  const e = s.errors;
  const fieldError = (id: string, message: string | undefined) =>
    message
      ? html`<span class="hint field-error" id="${id}-error"><strong>错误：${message}</strong></span>`
      : null;
  const described = (id: string, message: string | undefined) =>
    html` aria-describedby="${id}-hint${message ? ` ${id}-error` : ''}"${message ? html` aria-invalid="true"` : null}`;
  return html`<form class="form" method="post" action="${TRACK_PATH}" novalidate>
<input type="hidden" name="_csrf" value="${csrf}">
<input type="hidden" name="intent" value="correct">
<input type="hidden" name="code" value="${code}">
<p><label for="correction-text">补正后的内容描述${REQUIRED}</label>
<span class="hint" id="correction-text-hint">请按补正告知的要求，重新写明您所需政府信息的内容描述，例如信息的名称、制作机关、形成时间或涉及的事项（不超过${CORRECTION_MAX_CHARS}字）</span>${fieldError('correction-text', e.text)}
<textarea id="correction-text" name="text" rows="8" cols="30" aria-required="true"${described('correction-text', e.text)}>${s.text}</textarea></p>
<p><label for="correction-password">查询密码${REQUIRED}</label>
<span class="hint" id="correction-password-hint">为确认是您本人提交，请再次输入查询密码</span>${fieldError('correction-password', e.password)}
<input id="correction-password" name="password" type="text" autocomplete="off" autocapitalize="characters" spellcheck="false" aria-required="true" size="12"${described('correction-password', e.password)}></p>
<p><button type="submit">提交补正内容</button></p>
</form>`;
}

function correctionSection(t: Tracked, csrf: string, code: string, s: CorrectionState): Html {
  const n = correctionNotice(t);
  return html`<h2 id="correction">提交补正内容</h2>
${
  n
    ? html`<div class="notice"><p><strong>补正告知（${formatChineseDate(n.on)}）</strong></p>${n.items ? html`<p>需要补正的事项：<br>${lines(n.items)}</p>` : null}${
        n.due ? html`<p>补正期限：<strong>请于${formatChineseDate(n.due)}前补正。</strong></p>` : null
      }<p>无正当理由逾期不补正的，视为放弃申请（《中华人民共和国政府信息公开条例》第三十条）。</p></div>`
    : null
}
<p>提交后，答复期限自行政机关收到补正申请之日起重新计算。</p>
${correctionForm(csrf, code, s)}`;
}

function lettersSection(letters: NonNullable<ProgressExtras['letters']>, token: string): Html {
  const minutes = LETTER_LINK_TTL_MS / 60_000;
  return html`<h2>文书下载</h2>
<p>行政机关向您发出的告知书和答复书（Word文档）。为保护您的信息，下载链接在本次查询后${minutes}分钟内有效，过期后请重新查询。</p>
<ul>${letters.map(
    (l) =>
      html`<li><a href="${LETTERS_PATH}/${l.id}?t=${encodeURIComponent(token)}">${l.title}</a>（${formatChineseDate(l.on)}，Word文档）</li>`,
  )}</ul>`;
}

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)}MB`
    : `${Math.max(1, Math.round(bytes / 1024))}KB`;

function releasedSection(released: NonNullable<ProgressExtras['released']>, token: string): Html {
  const t = encodeURIComponent(token);
  const minutes = LETTER_LINK_TTL_MS / 60_000;
  return html`<h2>公开的政府信息</h2>
<p>行政机关随答复书向您提供的政府信息。下载链接在本次查询后${minutes}分钟内有效，过期后请重新查询。</p>
<ul>${released.documents.map(
    (d) =>
      html`<li><a href="${RELEASED_DOCUMENTS_PATH}/${d.documentId}?t=${t}">《${d.title}》</a>${d.docNumber ? `（${d.docNumber}）` : ''}（网页）</li>`,
  )}${released.files.map(
    (f) =>
      html`<li><a href="${RELEASED_FILES_PATH}/${f.fileId}?t=${t}">${f.name}</a>（${sizeText(f.size)}）</li>`,
  )}</ul>`;
}

export function renderProgress(
  t: Tracked,
  orgName: string,
  notice: Html | null,
  csrf: string,
  code: string,
  extras: ProgressExtras = {},
): Html {
  const stage = stageOf(t);
  const r = t.row;
  const open = stage !== null && isOpenStage(stage);
  const running = stage !== null && isRunningStage(stage);
  const state = t.clock.state;
  const outcome = r.outcome && isOutcomeCode(r.outcome) ? OUTCOMES[r.outcome].label : null;
  const events = t.events
    .map((e) => ({ e, view: applicantEvent(e) }))
    .filter((x): x is { e: RequestEventRow; view: EventView } => x.view !== null);
  const pause =
    running && state?.paused
      ? html`<div class="notice"><p><strong>暂停计时${state.pausedSince ? `（自${formatChineseDate(state.pausedSince)}起）` : ''}：</strong>${PAUSE_EXPLAINED[state.pauseReason ?? ''] ?? '答复期限暂停计算。'}</p></div>`
      : null;
  return html`${notice}
<dl class="facts">
<dt>案件编号</dt><dd>${r.case_no ?? ''}</dd>
<dt>受理机关</dt><dd>${orgName}</dd>
<dt>所需信息</dt><dd>${r.subject}</dd>
<dt>办理阶段</dt><dd><strong>${stage ? STAGE_LABELS[stage] : r.stage}</strong>${stage ? html`<br>${STAGE_EXPLAINED[stage]}` : null}</dd>
<dt>提交日期</dt><dd>${formatChineseDate(r.submitted_on)}</dd>
<dt>收到申请之日</dt><dd>${r.received_on ? formatChineseDate(r.received_on) : '待确认'}</dd>
${
  stage === 'awaiting-confirmation'
    ? html`<dt>答复期限</dt><dd>确认收到申请后计算</dd>`
    : running
      ? html`<dt>答复期限</dt><dd>${deadline(t)}</dd>`
      : null
}
${outcome ? html`<dt>办理结果</dt><dd>${outcome}</dd>` : null}
</dl>
${pause}
<h2>办理记录</h2>
<ol>${events.map(({ e, view }) => html`<li><strong>${formatChineseDate(e.on_date)} ${view.title}</strong>${view.detail ? html`<br>${view.detail}` : null}</li>`)}</ol>
${stage === 'awaiting-correction' ? correctionSection(t, csrf, code, extras.correction ?? { text: '', errors: {} }) : null}
${extras.letters?.length && extras.letterToken ? lettersSection(extras.letters, extras.letterToken) : null}
${
  extras.letterToken &&
  extras.released &&
  (extras.released.files.length > 0 || extras.released.documents.length > 0)
    ? releasedSection(extras.released, extras.letterToken)
    : null
}
${open ? withdrawForm(csrf, code) : null}
<p>对办理有异议？可以<a href="/gk/complaint?caseNo=${encodeURIComponent(r.case_no ?? '')}&amp;orgId=${r.org_id}">就本申请投诉、举报</a>，也可以依法申请行政复议或者提起行政诉讼（条例第五十一条）。</p>
<p><a href="${TRACK_PATH}">查询其他申请</a></p>`;
}

function withdrawForm(csrf: string, code: string): Html {
  return html`<h2>撤回申请</h2>
<p>撤回后本申请终止办理，且不能恢复；如仍需要该信息，可以重新提交申请。为确认是您本人操作，请再次输入查询密码。</p>
<form class="form" method="post" action="${TRACK_PATH}" novalidate>
<input type="hidden" name="_csrf" value="${csrf}">
<input type="hidden" name="intent" value="withdraw">
<input type="hidden" name="code" value="${code}">
<p><label for="withdraw-password">查询密码<span class="required">（必填）</span></label>
<input id="withdraw-password" name="password" type="text" autocomplete="off" autocapitalize="characters" spellcheck="false" aria-required="true" size="12"></p>
<p><button type="submit">撤回申请</button></p>
</form>`;
}

type LookupErrors = { code?: string; password?: string; general?: string };

export function renderLookup(csrf: string, code: string, errors: LookupErrors): Html {
  const items: Html[] = [];
  if (errors.code) items.push(html`<li><a href="#code">跟踪码：${errors.code}</a></li>`);
  if (errors.password) items.push(html`<li><a href="#password">查询密码：${errors.password}</a></li>`);
  const fieldError = (id: string, message: string | undefined) =>
    message
      ? html`<span class="hint field-error" id="${id}-error"><strong>错误：${message}</strong></span>`
      : null;
  const described = (id: string, message: string | undefined) =>
    html` aria-describedby="${id}-hint${message ? ` ${id}-error` : ''}"${message ? html` aria-invalid="true"` : null}`;
  const summary =
    errors.general || items.length > 0
      ? html`<div class="notice error" role="alert" id="error-summary">${errors.general ? html`<p><strong>${errors.general}</strong></p>` : null}${
          items.length > 0
            ? html`<p><strong>请按以下提示修改后重新查询：</strong></p><ul>${items}</ul>`
            : null
        }</div>`
      : null;
  return html`${summary}
<p>请输入提交申请后页面显示的跟踪码和查询密码。通过当面、邮寄、传真等方式提交的申请，请联系政府信息公开工作机构查询办理进度。</p>
<form class="form" method="post" action="${TRACK_PATH}" novalidate>
<input type="hidden" name="_csrf" value="${csrf}">
<p><label for="code">跟踪码<span class="required">（必填）</span></label>
<span class="hint" id="code-hint">10位字母和数字，例如 ABCD234EFG</span>${fieldError('code', errors.code)}
<input id="code" name="code" type="text" value="${code}" autocomplete="off" autocapitalize="characters" spellcheck="false" aria-required="true" size="14"${described('code', errors.code)}></p>
<p><label for="password">查询密码<span class="required">（必填）</span></label>
<span class="hint" id="password-hint">8位字母和数字，只在提交申请时显示过一次</span>${fieldError('password', errors.password)}
<input id="password" name="password" type="text" autocomplete="off" autocapitalize="characters" spellcheck="false" aria-required="true" size="12"${described('password', errors.password)}></p>
<p><button type="submit">查询办理进度</button></p>
</form>
<p>还没有提交申请？<a href="${FORM_LINK}">在线填写申请表</a></p>`;
}

/** The typed correction as stored: line breaks normalised, outer blanks trimmed. */
function normalizeText(s: string): string {
  return s.replace(/\r\n?/g, '\n').trim();
}

function checkCorrection(text: string, password: string): CorrectionErrors {
  const errors: CorrectionErrors = {};
  if (text === '') errors.text = '请填写补正后的内容描述';
  else if (text.length > CORRECTION_MAX_CHARS)
    errors.text = `补正后的内容描述不能超过${CORRECTION_MAX_CHARS}字（现有${text.length}字）`;
  if (!password) errors.password = '提交补正内容需要再次输入查询密码';
  return errors;
}

export async function trackPage(
  app: FastifyInstance,
  opts: { db: Kysely<Database>; siteName: string; config?: { dataDir: string } },
) {
  const { db } = opts;
  const dataDir = opts.config?.dataDir ?? null;
  const limiter = createRateLimiter(RATE_LIMIT);
  const downloadLimiter = createRateLimiter(DOWNLOAD_LIMIT);
  const links = createLetterLinks({ secret: await loadLetterLinkSecret(db) });

  // no-store: personal data, the CSRF token and the letters' download token.
  const send = (req: FastifyRequest, reply: FastifyReply, status: number, title: string, body: Html) =>
    sendApplyPage(req, reply, {
      siteName: opts.siteName,
      path: TRACK_PATH,
      title,
      body,
      status,
      cache: 'no-store',
    });

  const csrfOf = (req: FastifyRequest) => req.cookies[CSRF_COOKIE] ?? '';

  async function progress(
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    t: Tracked,
    notice: Html | null,
    correction?: CorrectionState,
  ) {
    const org = await findOrg(db, t.row.org_id);
    // Letters are listed only where they can be served (the files live under the data directory).
    const letters = dataDir ? await lettersForApplicant(db, t.row.id) : [];
    const released = {
      files: dataDir ? await caseFiles(db, t.events, ['released']) : [],
      documents: (await caseReleasedDocuments(db, t.events)).filter((d) => d.document !== null),
    };
    const any = letters.length + released.files.length + released.documents.length > 0;
    const body = renderProgress(t, org?.name ?? '', notice, csrfOf(req), t.row.tracking_code ?? '', {
      letters,
      letterToken: any ? links.issue(t.row.id) : null,
      released,
      correction,
    });
    return send(req, reply, status, '办理进度', body);
  }

  /**
   * The correction form alone, before the password was checked (missing or wrong): it shows only what the
   * citizen typed — nothing of the case — and keeps the text so that nothing typed is lost.
   */
  function correctionOnly(
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    code: string,
    s: CorrectionState,
  ) {
    const body = html`${correctionSummary(s.errors)}
<p>为保护您的信息，核对跟踪码和查询密码之前，本页不显示申请的办理情况。请再次输入查询密码后提交。</p>
${correctionForm(csrfOf(req), code, s)}
<p><a href="${TRACK_PATH}">返回办理进度查询</a></p>`;
    return send(req, reply, status, CORRECTION_TITLE, body);
  }

  async function submitCorrection(
    req: FastifyRequest,
    reply: FastifyReply,
    code: string,
    password: string,
    typedText: string,
  ) {
    const text = normalizeText(typedText);
    const errors = checkCorrection(text, password);
    const keep = (e: CorrectionErrors): CorrectionState => ({ text: typedText, errors: e });
    if (!code) {
      return correctionOnly(
        req,
        reply,
        400,
        code,
        keep({ general: '缺少跟踪码，请返回办理进度查询页面重新查询。' }),
      );
    }
    if (errors.password) return correctionOnly(req, reply, 400, code, keep(errors));
    const today = chinaToday();
    let t: Tracked;
    try {
      t = await track(db, code, password, today);
    } catch (err) {
      if ((err as { code?: unknown }).code !== 'TRACKING_FAILED') throw err;
      return correctionOnly(
        req,
        reply,
        404,
        code,
        keep({ ...errors, password: '跟踪码或查询密码不正确，请核对后重新输入查询密码' }),
      );
    }
    const refused = (message: string, status: number) =>
      progress(
        req,
        reply,
        status,
        t,
        html`<div class="notice error" role="alert"><p><strong>未能提交补正：</strong>${message}</p>${
          text ? html`<p>您填写的内容（尚未提交）：<br>${lines(text)}</p>` : null
        }</div>`,
      );
    const stage = stageOf(t);
    if (stage !== 'awaiting-correction') {
      return refused(
        `该申请当前处于“${stage ? STAGE_LABELS[stage] : t.row.stage}”阶段，不需要提交补正内容。`,
        409,
      );
    }
    if (errors.text) return progress(req, reply, 400, t, correctionSummary(errors), keep(errors));
    try {
      await act(
        db,
        null,
        t.row.id,
        { action: 'receive-correction', on: today, text },
        today,
        dataDir ? { dataDir } : {},
      );
    } catch (err) {
      // The office acted meanwhile (e.g. deemed the application withdrawn): say why, keep the text.
      const e = err as { code?: unknown; params?: Record<string, unknown> };
      if (!isCatalogCode(e.code) || e.code === 'INTERNAL') throw err;
      const { status, message } = describeError(e.code, e.params ?? {});
      if (status >= 500) throw err;
      t = await track(db, code, password, today);
      return refused(message, status);
    }
    const after = await track(db, code, password, today);
    return progress(
      req,
      reply,
      200,
      after,
      html`<div class="notice" role="status"><p><strong>补正内容已提交。</strong>收到补正申请之日为${formatChineseDate(today)}，答复期限自该日起重新计算（《中华人民共和国政府信息公开条例》第三十条）。</p><p>新的答复期限：${deadline(after)}</p></div>`,
    );
  }

  const schema = { response: { 200: htmlPage } };
  app.get(TRACK_PATH, { schema }, async (req, reply) =>
    send(req, reply, 200, TITLE, renderLookup(csrfOf(req), '', {})),
  );

  app.post(TRACK_PATH, { schema }, async (req, reply) => {
    const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
    const typedCode = oneString(body.code);
    const code = normalizeSecret(typedCode);
    const password = normalizeSecret(oneString(body.password));
    const intent = oneString(body.intent);
    const withdraw = intent === 'withdraw';
    const lookup = (status: number, errors: LookupErrors) =>
      send(req, reply, status, TITLE, renderLookup(csrfOf(req), typedCode, errors));

    if (!limiter.hit(req.ip)) {
      reply.header('retry-after', String(RATE_LIMIT.windowMs / 1000));
      if (intent === 'correct') {
        const text = oneString(body.text);
        return correctionOnly(req, reply, 429, code, { text, errors: { general: RATE_MESSAGE } });
      }
      return lookup(429, { general: RATE_MESSAGE });
    }
    if (intent === 'correct') return submitCorrection(req, reply, code, password, oneString(body.text));

    const errors: LookupErrors = {};
    if (!code) errors.code = '请填写跟踪码';
    if (!password) errors.password = withdraw ? '撤回申请需要再次输入查询密码' : '请填写查询密码';
    if (errors.code || errors.password) return lookup(400, errors);

    const today = chinaToday();
    try {
      if (!withdraw) return progress(req, reply, 200, await track(db, code, password, today), null);
      const after = await withdrawByApplicant(db, code, password, today);
      return progress(
        req,
        reply,
        200,
        after,
        html`<div class="notice" role="status"><p><strong>您已撤回申请。</strong>本申请已终止办理。</p></div>`,
      );
    } catch (err) {
      const e = err as { code?: unknown; params?: Record<string, unknown> };
      if (e.code === 'TRACKING_FAILED') {
        return lookup(404, { general: describeError('TRACKING_FAILED').message });
      }
      // The pair was right but the case can no longer be withdrawn (e.g. replied meanwhile): say why.
      if (withdraw && isCatalogCode(e.code) && e.code !== 'INTERNAL') {
        const { status, message } = describeError(e.code, e.params ?? {});
        if (status < 500) {
          const t = await track(db, code, password, today);
          return progress(
            req,
            reply,
            status,
            t,
            html`<div class="notice error" role="alert"><p><strong>未能撤回：</strong>${message}</p></div>`,
          );
        }
      }
      throw err;
    }
  });

  /**
   * One letter of the case named by the token. Every failure (malformed, forged or expired token, a letter
   * of another case, a consultation letter) gets the same 404 page.
   */
  app.get<{ Params: { letterId: string }; Querystring: Record<string, unknown> }>(
    `${LETTERS_PATH}/:letterId`,
    { schema: { response: { 200: fileResponse } } },
    async (req, reply) => {
      if (!downloadLimiter.hit(req.ip)) {
        reply.header('retry-after', String(DOWNLOAD_LIMIT.windowMs / 1000));
        return send(
          req,
          reply,
          429,
          '文书下载',
          html`<div class="notice error" role="alert"><p><strong>下载过于频繁，请10分钟后再试。</strong></p></div>`,
        );
      }
      const caseId = links.verify(oneString(req.query.t));
      const letterId = /^[1-9]\d{0,14}$/.test(req.params.letterId) ? Number(req.params.letterId) : null;
      const file =
        caseId !== null && letterId !== null && dataDir
          ? await readLetterFile(db, dataDir, caseId, letterId)
          : null;
      if (caseId === null || letterId === null || !file) {
        return send(
          req,
          reply,
          404,
          '文书下载',
          html`<div class="notice error" role="alert"><p><strong>下载链接不正确或已失效。</strong>为保护您的信息，文书下载链接只在查询办理进度后${LETTER_LINK_TTL_MS / 60_000}分钟内有效。</p></div>
<p>请使用跟踪码和查询密码重新<a href="${TRACK_PATH}">查询办理进度</a>，再从“文书下载”中下载。</p>`,
        );
      }
      await recordAudit(db, {
        actorId: null,
        action: 'request.letter_download',
        subjectType: 'request',
        subjectId: caseId,
        after: { letterId, by: 'applicant' },
      });
      return reply
        .code(200)
        .type(file.mime)
        .header('cache-control', 'private, no-store')
        .header('content-disposition', contentDisposition(file.name, `letter-${letterId}.docx`))
        .send(file.data);
    },
  );

  const linkExpired = (req: FastifyRequest, reply: FastifyReply, title: string) =>
    send(
      req,
      reply,
      404,
      title,
      html`<div class="notice error" role="alert"><p><strong>下载链接不正确或已失效。</strong>为保护您的信息，下载链接只在查询办理进度后${LETTER_LINK_TTL_MS / 60_000}分钟内有效。</p></div>
<p>请使用跟踪码和查询密码重新<a href="${TRACK_PATH}">查询办理进度</a>。</p>`,
    );
  const tooMany = (req: FastifyRequest, reply: FastifyReply, title: string) => {
    reply.header('retry-after', String(DOWNLOAD_LIMIT.windowMs / 1000));
    return send(
      req,
      reply,
      429,
      title,
      html`<div class="notice error" role="alert"><p><strong>下载过于频繁，请10分钟后再试。</strong></p></div>`,
    );
  };
  const idOf = (v: string) => (/^[1-9]\d{0,14}$/.test(v) ? Number(v) : null);

  /** A file a reply of the case named by the token released; anything else is the same 404 page. */
  app.get<{ Params: { fileId: string }; Querystring: Record<string, unknown> }>(
    `${RELEASED_FILES_PATH}/:fileId`,
    { schema: { response: { 200: fileResponse } } },
    async (req, reply) => {
      if (!downloadLimiter.hit(req.ip)) return tooMany(req, reply, '公开的政府信息');
      const caseId = links.verify(oneString(req.query.t));
      const fileId = idOf(req.params.fileId);
      const events = caseId !== null && fileId !== null && dataDir ? await listEvents(db, caseId) : [];
      const file =
        caseId !== null && fileId !== null && dataDir
          ? await readCaseFile(db, dataDir, events, fileId, { groups: ['released'] })
          : null;
      if (caseId === null || fileId === null || !file) return linkExpired(req, reply, '公开的政府信息');
      await recordAudit(db, {
        actorId: null,
        action: 'request.file_download',
        subjectType: 'request',
        subjectId: caseId,
        after: { fileId, name: file.name, by: 'applicant' },
      });
      return reply
        .code(200)
        .type(file.mime)
        .header('cache-control', 'private, no-store')
        .header('content-disposition', contentDisposition(file.name))
        .send(file.data);
    },
  );

  /** A library document a reply of the case released, as a page (its text and its facts). */
  app.get<{ Params: { documentId: string }; Querystring: Record<string, unknown> }>(
    `${RELEASED_DOCUMENTS_PATH}/:documentId`,
    { schema: { response: { 200: htmlPage } } },
    async (req, reply) => {
      if (!downloadLimiter.hit(req.ip)) return tooMany(req, reply, '公开的政府信息');
      const caseId = links.verify(oneString(req.query.t));
      const documentId = idOf(req.params.documentId);
      const released =
        caseId !== null && documentId !== null
          ? (await caseReleasedDocuments(db, await listEvents(db, caseId))).find(
              (d) => d.documentId === documentId,
            )
          : undefined;
      const doc = released?.document;
      if (caseId === null || !doc) return linkExpired(req, reply, '公开的政府信息');
      await recordAudit(db, {
        actorId: null,
        action: 'request.file_download',
        subjectType: 'request',
        subjectId: caseId,
        after: { documentId, title: doc.title, by: 'applicant' },
      });
      return send(
        req,
        reply,
        200,
        doc.title,
        html`<dl class="facts">
${doc.docNumber ? html`<dt>文号</dt><dd>${doc.docNumber}</dd>` : null}
<dt>发文机关</dt><dd>${doc.orgName}</dd>
<dt>成文日期</dt><dd>${formatChineseDate(doc.writtenDate)}</dd>
</dl>
<div class="document-body">${raw(doc.bodyHtml)}</div>
<p><a href="${TRACK_PATH}">返回办理进度查询</a></p>`,
      );
    },
  );
}
