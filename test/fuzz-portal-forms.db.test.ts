/**
 * Issue 18, item 7, the portal's side: every server-rendered POST route of `/api/openapi.json` (the
 * citizen's forms), with the fields of the form that posts to it (read from the page), gets hostile
 * values one field at a time with the form's own values elsewhere and its CSRF token. The answer is
 * never a 5xx; a refusal is a Chinese page; a form shown again keeps what the citizen typed.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { normaliseText } from '../src/platform/http/normalize.ts';
import { escapeHtml } from '../src/portal/html.ts';
import { type Client, createTestApp, type TestApp } from './helpers/app.ts';
import { TEST_TODAY } from './helpers/clock.ts';
import { createOpenConsultation, orgIdByName } from './helpers/factories.ts';
import {
  assertAnswered,
  asText,
  encodeComponent,
  hostileValue,
  nextAddress,
  type Operation,
  operations,
} from './helpers/fuzz.ts';

let t: TestApp;
let citizen: Client;
let forms: PortalForm[];
let posts: Operation[];
/** Concrete values for the path parameters of portal form routes. */
let pathValues: Record<string, string>;

/** A form field: `text` is echoed when the form comes back; `hidden` and `choice` are not checked for it. */
type Field = { name: string; value: string; kind: 'text' | 'hidden' | 'choice' };
type PortalForm = { action: string; fields: Field[] };

const attr = (tag: string, name: string) =>
  new RegExp(`\\s${name}="([^"]*)"`)
    .exec(tag)?.[1]
    ?.replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The POST forms of a page and their fields with the values the page fills in. */
function formsOf(page: string): PortalForm[] {
  const out: PortalForm[] = [];
  for (const m of page.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const [, open = '', inner = ''] = m;
    if (!/method="post"/i.test(open)) continue;
    const fields: Field[] = [];
    for (const [tag] of inner.matchAll(/<input\b[^>]*>/g)) {
      const name = attr(tag, 'name');
      if (!name) continue;
      const type = attr(tag, 'type') ?? 'text';
      if (type === 'submit' || type === 'button' || type === 'file') continue;
      if ((type === 'checkbox' || type === 'radio') && fields.some((f) => f.name === name)) continue;
      const value = attr(tag, 'value') ?? (type === 'checkbox' ? 'on' : '');
      // Echoed: what a citizen types in a visible text field. Not: a spam trap (out of the tab order,
      // never filled by a person) or a query password (never shown again, like any password).
      const typedText = ['text', 'tel', 'email', 'search'].includes(type);
      const trap = attr(tag, 'tabindex') === '-1';
      const secret = /password/i.test(name);
      fields.push({
        name,
        value,
        kind: type === 'hidden' || trap ? 'hidden' : typedText && !secret ? 'text' : 'choice',
      });
    }
    for (const [, open2 = '', text = ''] of inner.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
      const name = attr(open2, 'name');
      if (name) fields.push({ name, value: text, kind: 'text' });
    }
    for (const [, open3 = '', options = ''] of inner.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
      const name = attr(open3, 'name');
      const first = [...options.matchAll(/<option\b[^>]*value="([^"]*)"/g)].map((o) => o[1]).find((v) => v);
      if (name) fields.push({ name, value: first ?? '', kind: 'choice' });
    }
    out.push({ action: attr(open, 'action') ?? '', fields });
  }
  return out;
}

before(async () => {
  t = await createTestApp();
  citizen = await t.anonymous();
  const office = await t.as('t_office');
  const consultation = await createOpenConsultation(
    office,
    await orgIdByName(t.db, '济宁市人民政府'),
    TEST_TODAY,
  );
  pathValues = { id: String(consultation) };
  const ops = await operations(t.app);
  posts = ops.filter((op) => op.method === 'POST' && !op.path.startsWith('/api/'));
  // The pages that show forms: every portal page without path parameters, and those of the fixtures.
  const pages = ops
    .filter((op) => op.method === 'GET' && !op.path.startsWith('/api/'))
    .map((op) => op.path.replace(/\{(\w+)\}/g, (_, n: string) => pathValues[n] ?? '1'));
  forms = [];
  for (const url of new Set(pages)) {
    const res = await citizen.get(url);
    if (String(res.headers['content-type']).startsWith('text/html')) forms.push(...formsOf(res.body));
  }
});
after(() => t.close());

/** Posts `fields` (a value, or several for a repeated field) as the citizen, from a new address. */
function post(url: string, fields: [string, string][]): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST',
    url,
    cookies: { ...citizen.cookies },
    remoteAddress: nextAddress(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: fields.map(([k, v]) => `${encodeComponent(k)}=${encodeComponent(v)}`).join('&'),
  });
}

/** What a re-rendered form should show in a text field for `typed`, or null if it is not checkable. */
function expectedEcho(typed: string): string | null {
  const shown = normaliseText(typed).trim();
  // Control characters and unpaired surrogates may be dropped by the form; long text is checked as typed.
  const odd = (c: string) => {
    const code = c.charCodeAt(0);
    return code < 0x20 || (code >= 0x7f && code <= 0x9f) || (code >= 0xd800 && code <= 0xdfff);
  };
  if (!shown || shown.length > 2000 || shown.split('').some(odd)) return null;
  return escapeHtml(shown);
}

const RUNS_PER_FORM = 40;

test('portal forms: hostile values answered with a Chinese page or the form again, keeping the typing', {
  timeout: 900_000,
}, async (ctx) => {
  assert.ok(posts.length >= 10, `${posts.length} portal form routes`);
  let sent = 0;
  let echoed = 0;
  const unseen: string[] = [];
  for (const op of posts) {
    await ctx.test(`POST ${op.path}`, { timeout: 300_000 }, async () => {
      const url = op.path.replace(/\{(\w+)\}/g, (_, n: string) => pathValues[n] ?? '1');
      // The form that posts here; a route whose form this citizen cannot see still gets hostile fields.
      const found = forms.find((f) => f.action === url);
      if (!found) unseen.push(op.path);
      const form = found ?? {
        action: url,
        fields: [
          { name: '_csrf', value: citizen.cookies.gk_csrf ?? '', kind: 'hidden' as const },
          { name: 'name', value: '张三', kind: 'text' as const },
          { name: 'content', value: '意见内容', kind: 'text' as const },
        ],
      };
      const csrf = citizen.cookies.gk_csrf ?? '';
      const base = form.fields.map((f): Field => (f.name === '_csrf' ? { ...f, value: csrf } : f));
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...base.keys()), hostileValue, async (i, value) => {
          const target = base[i] as Field;
          const typed =
            Array.isArray(value) && value.length > 0 && value.length < 5
              ? value.map(asText)
              : [asText(value)];
          const fields: [string, string][] = base.flatMap((f, j): [string, string][] =>
            j === i ? typed.map((v) => [f.name, v]) : [[f.name, f.value]],
          );
          const res = await post(url, fields);
          sent++;
          const what = `POST ${url} ${target.name} = ${JSON.stringify(typed).slice(0, 80)}`;
          assertAnswered(res, what);
          // The form again (refused input, a rate limit, an expired token): what was typed is still there.
          const again = res.statusCode >= 400 && /name="_csrf"/.test(res.body);
          const echo = typed.length === 1 && target.kind === 'text' ? expectedEcho(typed[0] as string) : null;
          if (again && echo && found) {
            assert.ok(res.body.includes(echo), `${what}: the form came back without what was typed`);
            echoed++;
          }
        }),
        { seed: 18, numRuns: Math.max(RUNS_PER_FORM, base.length * 3), endOnFailure: true },
      );
    });
  }
  ctx.diagnostic(
    `${posts.length} portal form routes, ${forms.length} forms read, ${sent} posts, ${echoed} echoes checked; ` +
      `posted without their form (not shown to an anonymous visitor here): ${unseen.join(', ') || 'none'}`,
  );
});
