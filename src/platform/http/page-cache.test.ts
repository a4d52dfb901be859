import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import cookie from '@fastify/cookie';
import fastify from 'fastify';
import { loadConfig } from '../../config.ts';
import {
  normaliseQuery,
  PageStore,
  pageFor,
  pageKey,
  piecesOf,
  registerPublicChangeScope,
} from './page-cache.ts';
import {
  ALL_AREAS,
  bumpPublic,
  deferPublicBumps,
  notePublicChange,
  publicVersion,
  setPublicAreaClassifier,
} from './page-cache-versions.ts';

const page = (text: string) => ({
  pieces: [Buffer.from(text)],
  contentType: 'text/html; charset=utf-8',
  cacheControl: 'no-cache',
});
const text = (entry: { pieces: readonly Buffer[] } | undefined) => entry && pageFor(entry, '').toString();

describe('the page store', { timeout: 10_000 }, () => {
  it('serves a page until its lifetime is over', () => {
    let ms = 1_000;
    const store = new PageStore(1_000_000, 60_000, () => ms);
    store.set('a', page('A'));
    ms += 59_999;
    assert.equal(text(store.get('a')), 'A');
    ms += 1;
    assert.equal(store.get('a'), undefined);
    assert.equal(store.size, 0);
    assert.equal(store.bytes, 0);
  });

  it('drops the least recently used pages when full, counting bytes', () => {
    const store = new PageStore(8_000, 60_000, () => 0);
    const kilobyte = 'x'.repeat(900);
    for (const k of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) store.set(k, page(kilobyte));
    assert.equal(store.size, 7);
    store.get('a'); // a is used again: b is now the oldest
    store.set('h', page(kilobyte));
    store.set('i', page(kilobyte));
    assert.ok(store.bytes <= 8_000, `${store.bytes} bytes`);
    assert.equal(store.get('b'), undefined);
    assert.ok(store.get('a'));
    assert.ok(store.get('i'));
  });

  it('refuses a page larger than an eighth of the cache and replaces a page under the same key', () => {
    const store = new PageStore(8_000, 60_000, () => 0);
    assert.equal(store.set('big', page('x'.repeat(1_000))), false);
    store.set('k', page('one'));
    store.set('k', page('two'));
    assert.equal(store.size, 1);
    assert.equal(text(store.get('k')), 'two');
  });
});

describe('a visitor’s CSRF token in a stored page', { timeout: 10_000 }, () => {
  const a = 'A'.repeat(43);
  const b = 'b'.repeat(43);
  it('is cut out where it stood and the next visitor’s put in its place', () => {
    const html = Buffer.from(
      `<form><input name="_csrf" value="${a}">意见</form><form><input value="${a}"></form>`,
    );
    const pieces = piecesOf(html, a);
    assert.equal(pieces.length, 3);
    assert.ok(pieces.every((p) => !p.toString().includes(a)));
    assert.equal(pageFor({ pieces }, a).toString(), html.toString());
    assert.equal(
      pageFor({ pieces }, b).toString(),
      `<form><input name="_csrf" value="${b}">意见</form><form><input value="${b}"></form>`,
    );
  });
  it('leaves a page without it (or without a plausible token) whole', () => {
    const html = Buffer.from('<p>公开</p>');
    assert.equal(piecesOf(html, a).length, 1);
    assert.equal(piecesOf(html, undefined).length, 1);
    assert.equal(piecesOf(Buffer.from('<p>x</p>'), 'x').length, 1, 'too short to be a token');
  });
});

describe('the query in a key', { timeout: 10_000 }, () => {
  const cases: [string, string | null][] = [
    ['', ''],
    ['b=2&a=1', 'a=1&b=2'],
    ['a=1&b=2', 'a=1&b=2'],
    ['q=%E9%80%9A%E7%9F%A5', 'q=%E9%80%9A%E7%9F%A5'],
    ['q=通知', 'q=%E9%80%9A%E7%9F%A5'],
    ['q=a+b', 'q=a+b'],
    ['q=a%20b', 'q=a+b'],
    ['t=2&t=1', 't=2&t=1'], // repeated values keep their order
    ['page=5', 'page=5'],
    ['page=6', null],
    ['page=abc', null],
  ];
  for (const [search, expected] of cases) {
    it(`${search || '(none)'} → ${expected ?? 'not cached'}`, () => {
      assert.equal(normaliseQuery(search, 5), expected);
    });
  }
});

describe('the key of a request', { timeout: 10_000 }, () => {
  const options = {
    areasOf: (path: string) => (path.startsWith('/gk/documents') ? ['site', 'documents'] : [ALL_AREAS]),
    bypass: (path: string) => path.startsWith('/gk/apply/track'),
    variantCookies: ['gk_elderly'],
    today: () => '2026-03-16',
    maxPage: 5,
  };
  const request = (over: Partial<Parameters<typeof pageKey>[0]> = {}) => ({
    method: 'GET',
    hostname: 'gk.example.cn',
    originalUrl: '/gk/documents?q=1',
    url: '/gk/documents?q=1',
    cookies: {},
    ...over,
  });

  it('is not made for what must not be cached', () => {
    const none: [string, Partial<Parameters<typeof pageKey>[0]>][] = [
      ['POST', { method: 'POST' }],
      ['HEAD', { method: 'HEAD' }],
      ['API', { url: '/api/documents', originalUrl: '/api/documents' }],
      ['console', { url: '/admin/', originalUrl: '/admin/' }],
      ['tracking page', { url: '/gk/apply/track', originalUrl: '/gk/apply/track' }],
      ['session cookie', { cookies: { gk_session: 's' } }],
      ['enterprise cookie', { cookies: { gk_ent: 'e' } }],
      ['deep result page', { url: '/gk/documents?page=9', originalUrl: '/gk/documents?page=9' }],
    ];
    for (const [what, over] of none) assert.equal(pageKey(request(over), options), null, what);
  });

  it('is one for the same page whatever the CSRF cookie and the order of the query', () => {
    const a = pageKey(request({ cookies: { gk_csrf: 'one', other: 'x' } }), options);
    const b = pageKey(request({ cookies: { gk_csrf: 'two' } }), options);
    assert.ok(a);
    assert.equal(a, b);
    const c = pageKey(
      request({ originalUrl: '/gk/documents?b=2&a=1', url: '/gk/documents?b=2&a=1' }),
      options,
    );
    const d = pageKey(
      request({ originalUrl: '/gk/documents?a=1&b=2', url: '/gk/documents?a=1&b=2' }),
      options,
    );
    assert.equal(c, d);
  });

  it('differs by host, site prefix, elderly mode, date and the versions of the page’s areas', () => {
    const base = pageKey(request(), options);
    const variants = [
      pageKey(request({ hostname: 'county.example.cn' }), options),
      pageKey(request({ originalUrl: '/s/370832/gk/documents?q=1' }), options),
      pageKey(request({ cookies: { gk_elderly: '1' } }), options),
      pageKey(request({ url: '/gk/documents?q=2', originalUrl: '/gk/documents?q=2' }), options),
      pageKey(request(), { ...options, today: () => '2026-03-17' }),
    ];
    for (const v of variants) assert.notEqual(v, base);
    assert.equal(new Set(variants).size, variants.length);

    bumpPublic('decisions');
    assert.equal(pageKey(request(), options), base, 'another area changed');
    bumpPublic('documents');
    assert.notEqual(pageKey(request(), options), base, 'its area changed');
    const before = pageKey(request(), options);
    bumpPublic(ALL_AREAS);
    assert.notEqual(pageKey(request(), options), before, 'every area changed');
  });
});

describe('public versions', { timeout: 10_000 }, () => {
  it('move on for the classified areas only, and after the work when deferred', async () => {
    setPublicAreaClassifier(({ action }) => (action === 'document.update' ? ['documents'] : []));
    try {
      const docs = publicVersion('documents');
      notePublicChange({ action: 'request.submit' });
      assert.equal(publicVersion('documents'), docs);
      notePublicChange({ action: 'document.update' });
      assert.equal(publicVersion('documents'), docs + 1, 'outside a request: at once');

      let during = -1;
      await deferPublicBumps(async () => {
        notePublicChange({ action: 'document.update' });
        await Promise.resolve();
        during = publicVersion('documents');
      });
      assert.equal(during, docs + 1, 'not while the work runs');
      assert.equal(publicVersion('documents'), docs + 2, 'once it is over');

      await assert.rejects(
        deferPublicBumps(async () => {
          notePublicChange({ action: 'document.update' });
          throw new Error('rolled back');
        }),
      );
      assert.equal(publicVersion('documents'), docs + 3, 'also when the work failed');
    } finally {
      setPublicAreaClassifier(() => []);
    }
  });

  it('of every area move on with `*`', () => {
    const qa = publicVersion('qa');
    const site = publicVersion('site');
    bumpPublic(ALL_AREAS);
    assert.deepEqual([publicVersion('qa'), publicVersion('site')], [qa + 1, site + 1]);
  });
});

describe('a write request', { timeout: 10_000 }, () => {
  it('moves its areas on after its handler, before the response leaves', async () => {
    setPublicAreaClassifier(({ action }) => (action === 'consultation.publish' ? ['decisions'] : []));
    const app = fastify();
    await app.register(cookie);
    registerPublicChangeScope(app);
    const seen: number[] = [];
    app.post('/publish', async (_req, reply) => {
      // As a service does: the audited write inside its transaction, then more work before the commit.
      notePublicChange({ action: 'consultation.publish' });
      await new Promise((r) => setImmediate(r));
      seen.push(publicVersion('decisions'));
      return reply.send({ ok: true });
    });
    app.get('/read', async () => ({ version: publicVersion('decisions') }));
    try {
      const before = publicVersion('decisions');
      const res = await app.inject({ method: 'POST', url: '/publish' });
      assert.equal(res.statusCode, 200);
      assert.deepEqual(seen, [before], 'not moved on while the handler runs');
      assert.equal(
        (await app.inject({ url: '/read' })).json().version,
        before + 1,
        'moved on once it is over',
      );
      const failed = await app.inject({ method: 'PUT', url: '/publish' });
      assert.equal(failed.statusCode, 404);
      assert.equal(publicVersion('decisions'), before + 1, 'a request that wrote nothing changes nothing');
    } finally {
      setPublicAreaClassifier(() => []);
      await app.close();
    }
  });
});

describe('the page cache setting', { timeout: 10_000 }, () => {
  const cases: [Record<string, string>, { maxBytes: number; ttlMs: number } | null | 'error'][] = [
    [{}, { maxBytes: 64 * 1024 * 1024, ttlMs: 60_000 }],
    [
      { GONGKAI_PAGE_CACHE_MB: '8', GONGKAI_PAGE_CACHE_SECONDS: '5' },
      { maxBytes: 8 * 1024 * 1024, ttlMs: 5_000 },
    ],
    [{ GONGKAI_PAGE_CACHE_MB: '0' }, null],
    [{ GONGKAI_PAGE_CACHE_SECONDS: '0' }, null],
    [{ GONGKAI_PAGE_CACHE_MB: 'lots' }, 'error'],
  ];
  for (const [env, expected] of cases) {
    it(`${JSON.stringify(env)} → ${JSON.stringify(expected)}`, () => {
      if (expected === 'error') assert.throws(() => loadConfig(env), /GONGKAI_PAGE_CACHE_MB/);
      else assert.deepEqual(loadConfig(env).pageCache, expected);
    });
  }
});
