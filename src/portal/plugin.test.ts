import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import cookie from '@fastify/cookie';
import fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { portalCss } from './assets.ts';
import { PENDING_TEXT } from './pages/sections.ts';
import {
  type PortalOptions,
  portalNav,
  portalPlugin,
  renderNotFound,
  renderServerError,
  safeLocalPath,
} from './plugin.ts';

const SITE = '济宁市人民政府';

async function buildApp(opts: Partial<PortalOptions> = {}): Promise<FastifyInstance> {
  const app = fastify();
  // As the app does (src/app.ts): the routes' response schemas are zod.
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(cookie);
  await app.register(portalPlugin, { siteName: SITE, ...opts });
  app.get('/boom', async () => {
    throw new Error('secret stack detail');
  });
  app.setErrorHandler((_error, _request, reply) => {
    reply.code(500).type('text/html; charset=utf-8').send(renderServerError(SITE));
  });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/')) {
      reply.code(404).send({ code: 'NOT_FOUND', params: {} });
      return;
    }
    reply.code(404).type('text/html; charset=utf-8').send(renderNotFound(request, SITE));
  });
  await app.ready();
  return app;
}

const count = (haystack: string, needle: RegExp) => (haystack.match(needle) ?? []).length;

describe('portal plugin', () => {
  let app: FastifyInstance;
  before(async () => {
    app = await buildApp({
      office: { name: '济宁市人民政府办公室<政务公开科>', phone: '0537-1234567', hours: '工作日' },
    });
  });
  after(() => app.close());

  it('serves the home page with skip link, landmarks and nav', async () => {
    const res = await app.inject({ url: '/' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(res.headers.vary, 'Cookie');
    const body = res.body;
    assert.match(body, /<html lang="zh-CN">/);
    assert.match(body, /<body>\n<a class="skip-link" href="#main">跳到主要内容<\/a>/);
    assert.match(body, /<header class="site-header">/);
    assert.match(body, /<nav class="site-nav" aria-label="主导航">/);
    assert.match(body, /<main id="main"/);
    assert.match(body, /<footer class="site-footer">/);
    assert.equal(count(body, /<h1[\s>]/g), 1);
    assert.match(body, /<h1>政府信息公开<\/h1>/);
    assert.match(body, /<a href="\/" aria-current="page">首页<\/a>/);
    assert.match(body, /<title>政府信息公开 - 济宁市人民政府<\/title>/);
    for (const item of portalNav.slice(1)) {
      assert.ok(
        body.includes(`<a href="${item.href}"><span class="section-title">${item.label}</span>`),
        item.href,
      );
      assert.ok(body.includes(item.description), item.href);
    }
  });

  it('answers HEAD for pages', async () => {
    const res = await app.inject({ method: 'HEAD', url: '/' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.body, '');
  });

  it('switches to elderly mode from the gk_elderly cookie', async () => {
    const on = await app.inject({ url: '/', cookies: { gk_elderly: '1' } });
    assert.match(on.body, /<body class="elderly">/);
    assert.match(on.body, /href="\/prefs\/elderly\?on=0&amp;back=%2F"[^>]*>标准模式/);
    const off = await app.inject({ url: '/', cookies: { gk_elderly: '0' } });
    assert.match(off.body, /<body>/);
    assert.match(off.body, /href="\/prefs\/elderly\?on=1&amp;back=%2F"[^>]*>长者模式/);
  });

  it('sets the elderly cookie and redirects back with 303', async () => {
    const res = await app.inject({ url: '/prefs/elderly?on=1&back=%2Fgk%2Fguide%3Fa%3D1' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/gk/guide?a=1');
    const setCookie = String(res.headers['set-cookie']);
    assert.match(setCookie, /^gk_elderly=1;/);
    assert.match(setCookie, /Max-Age=31536000/);
    assert.match(setCookie, /Path=\//);
    assert.match(setCookie, /SameSite=Lax/);
    assert.match(setCookie, /HttpOnly/);

    const page = await app.inject({ url: res.headers.location, cookies: { gk_elderly: '1' } });
    assert.match(page.body, /<body class="elderly">/);
  });

  it('clears the elderly cookie with on=0', async () => {
    const res = await app.inject({ url: '/prefs/elderly?on=0&back=/gk/rules' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/gk/rules');
    const setCookie = String(res.headers['set-cookie']);
    assert.match(setCookie, /^gk_elderly=;/);
    assert.match(setCookie, /Max-Age=0|Expires=Thu, 01 Jan 1970/);
  });

  it('refuses to redirect off-site and falls back to /', async () => {
    const evil = [
      '//evil.com',
      'https://evil.com',
      '/\\evil.com',
      '\\\\evil.com',
      'evil.com',
      '/\r\nX: y',
      '',
    ];
    for (const back of evil) {
      const res = await app.inject({ url: `/prefs/elderly?on=1&back=${encodeURIComponent(back)}` });
      assert.equal(res.statusCode, 303, back);
      assert.equal(res.headers.location, '/', back);
    }
    const missing = await app.inject({ url: '/prefs/elderly?on=1' });
    assert.equal(missing.headers.location, '/');
    const encodedCrlf = await app.inject({
      url: `/prefs/elderly?on=1&back=${encodeURIComponent('/%0d%0a')}`,
    });
    assert.equal(encodedCrlf.headers.location, '/%0d%0a', 'stays percent-encoded, never a raw CRLF');
  });

  it('percent-encodes non-ASCII back paths', async () => {
    const res = await app.inject({ url: `/prefs/elderly?on=1&back=${encodeURIComponent('/gk/文件 1')}` });
    assert.equal(res.headers.location, '/gk/%E6%96%87%E4%BB%B6%201');
  });

  it('says plainly that sections without content are being prepared', async () => {
    for (const path of ['/gk/rules', '/gk/statutory', '/gk/documents', '/gk/apply', '/gk/reports']) {
      const res = await app.inject({ url: path });
      assert.equal(res.statusCode, 200, path);
      assert.ok(res.body.includes(PENDING_TEXT), path);
      assert.match(res.body, new RegExp(`<a href="${path}" aria-current="page">`), path);
      assert.equal(count(res.body, /<h1[\s>]/g), 1, path);
      assert.match(res.body, /<nav class="breadcrumbs" aria-label="当前位置">/, path);
    }
  });

  it('renders the guide per Art. 12 with the office details that were given', async () => {
    const res = await app.inject({ url: '/gk/guide' });
    assert.equal(res.statusCode, 200);
    const body = res.body;
    assert.match(body, /<h1>政府信息公开指南<\/h1>/);
    assert.ok(body.includes('第十二条'));
    for (const heading of ['政府信息的分类', '编排体系', '获取方式', '政府信息公开工作机构']) {
      assert.ok(body.includes(heading), heading);
    }
    assert.ok(body.includes('<dd>济宁市人民政府办公室&lt;政务公开科&gt;</dd>'));
    assert.ok(body.includes('<a href="tel:05371234567">0537-1234567</a>'));
    assert.ok(body.includes('<dt>办公时间</dt><dd>工作日</dd>'));
    assert.ok(!body.includes('办公地址'), 'address was not given');
    assert.ok(!body.includes(PENDING_TEXT));
  });

  it('says the office details are pending when no office is configured', async () => {
    const bare = await buildApp();
    try {
      const res = await bare.inject({ url: '/gk/guide' });
      assert.ok(res.body.includes('正在确认'));
      assert.ok(!res.body.includes('<dl class="contact">'));
    } finally {
      await bare.close();
    }
  });

  it('leaves omitted pages to other modules', async () => {
    const custom = await buildApp({ omitPages: ['/gk/documents'] });
    try {
      assert.equal((await custom.inject({ url: '/gk/documents' })).statusCode, 404);
      assert.equal((await custom.inject({ url: '/gk/rules' })).statusCode, 200);
    } finally {
      await custom.close();
    }
  });

  it('serves the stylesheet with long cache headers when versioned', async () => {
    const versioned = await app.inject({ url: portalCss.href });
    assert.equal(versioned.statusCode, 200);
    assert.equal(versioned.headers['content-type'], 'text/css; charset=utf-8');
    assert.equal(versioned.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.match(versioned.body, /font-family: "Noto Sans CJK SC"/);
    const home = await app.inject({ url: '/' });
    assert.ok(home.body.includes(`href="${portalCss.href}"`));

    const plain = await app.inject({ url: '/assets/portal.css' });
    assert.equal(plain.headers['cache-control'], 'public, max-age=300');
    const etag = String(plain.headers.etag);
    const cached = await app.inject({ url: '/assets/portal.css', headers: { 'if-none-match': etag } });
    assert.equal(cached.statusCode, 304);
  });

  it('renders the Chinese 404 page in the layout through renderNotFound', async () => {
    const res = await app.inject({ url: '/no/such/page?x=1' });
    assert.equal(res.statusCode, 404);
    assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
    assert.match(res.body, /<h1>页面未找到<\/h1>/);
    assert.match(res.body, /<a class="skip-link" href="#main">/);
    assert.match(res.body, /<a class="site-name" href="\/">济宁市人民政府<\/a>/);
    assert.ok(!res.body.includes('aria-current="page">首页'), 'no nav item is current');
    assert.ok(res.body.includes('back=%2Fno%2Fsuch%2Fpage%3Fx%3D1'));

    const elderly = await app.inject({ url: '/missing', cookies: { gk_elderly: '1' } });
    assert.match(elderly.body, /<body class="elderly">/);

    const api = await app.inject({ url: '/api/missing' });
    assert.deepEqual(api.json(), { code: 'NOT_FOUND', params: {} });
  });

  it('escapes hostile URLs on the 404 page', async () => {
    const res = await app.inject({ url: '/"><script>alert(1)</script>' });
    assert.equal(res.statusCode, 404);
    assert.ok(!res.body.includes('<script>'));
  });

  it('renders a plain Chinese 500 page without error details', async () => {
    const res = await app.inject({ url: '/boom' });
    assert.equal(res.statusCode, 500);
    assert.match(res.body, /<html lang="zh-CN">/);
    assert.match(res.body, /<h1>服务器错误<\/h1>/);
    assert.match(res.body, /<title>服务器错误 - 济宁市人民政府<\/title>/);
    assert.ok(!res.body.includes('secret stack detail'));
    assert.match(renderServerError(), /<title>服务器错误<\/title>/);
  });
});

describe('safeLocalPath', () => {
  it('keeps local paths and rejects everything else', () => {
    assert.equal(safeLocalPath('/'), '/');
    assert.equal(safeLocalPath('/gk/guide?page=2#top'), '/gk/guide?page=2#top');
    for (const bad of [
      '//evil.com',
      'https://evil.com',
      '/\\evil.com',
      '/a\\b',
      '/a\nb',
      'gk',
      '',
      undefined,
      42,
      ['/'],
    ]) {
      assert.equal(safeLocalPath(bad), '/', String(bad));
    }
    assert.equal(safeLocalPath(`/${'a'.repeat(5000)}`), '/');
    assert.equal(safeLocalPath('/\ud800'), '/');
  });
});
