import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { portalCss } from './assets.ts';
import { html } from './html.ts';
import { elderlyToggleHref, portalNav, renderPage } from './layout.ts';

const count = (haystack: string, needle: RegExp) => (haystack.match(needle) ?? []).length;

function page(overrides: Partial<Parameters<typeof renderPage>[0]> = {}) {
  return renderPage({
    title: '公开指南',
    siteName: '济宁市人民政府',
    body: html`<p>正文</p>`,
    current: '/gk/guide',
    elderly: false,
    ...overrides,
  });
}

describe('renderPage', () => {
  it('renders a complete zh-CN document with title and stylesheet', () => {
    const doc = page();
    assert.match(doc, /^<!doctype html>\n<html lang="zh-CN">/);
    assert.match(doc, /<meta name="viewport" content="width=device-width, initial-scale=1">/);
    assert.match(doc, /<title>公开指南 - 济宁市人民政府<\/title>/);
    assert.ok(doc.includes(`<link rel="stylesheet" href="${portalCss.href}">`));
    assert.match(portalCss.href, /^\/assets\/portal\.css\?v=[0-9a-f]{12}$/);
  });

  it('makes the skip link the first focusable element', () => {
    const doc = page();
    const afterBody = doc.slice(doc.indexOf('<body'));
    const firstFocusable = /<(a|button|input|select|textarea)\b[^>]*>/.exec(afterBody);
    assert.equal(firstFocusable?.[0], '<a class="skip-link" href="#main">');
    assert.ok(afterBody.includes('>跳到主要内容</a>'));
  });

  it('has banner, navigation, main and contentinfo landmarks and one h1', () => {
    const doc = page();
    assert.equal(count(doc, /<header class="site-header">/g), 1);
    assert.equal(count(doc, /<nav class="site-nav" aria-label="主导航">/g), 1);
    assert.equal(count(doc, /<main id="main"/g), 1);
    assert.equal(count(doc, /<footer/g), 1);
    assert.equal(count(doc, /<h1[\s>]/g), 1);
    assert.match(doc, /<h1>公开指南<\/h1>/);
    assert.match(doc, /<a class="site-name" href="\/">济宁市人民政府<\/a>/);
  });

  it('lists every nav item and marks the current one', () => {
    const doc = page();
    for (const item of portalNav) assert.ok(doc.includes(`href="${item.href}"`), item.href);
    assert.equal(count(doc, /aria-current="page"/g), 1);
    assert.match(doc, /<a href="\/gk\/guide" aria-current="page">公开指南<\/a>/);
  });

  it('marks the section (not the page) when the path is below the nav item', () => {
    const doc = page({ current: '/gk/documents', path: '/gk/documents/123' });
    assert.match(doc, /<a href="\/gk\/documents" aria-current="true">政府文件<\/a>/);
    assert.ok(
      doc.includes(`href="${elderlyToggleHref(true, '/gk/documents/123').replaceAll('&', '&amp;')}"`),
    );
  });

  it('exports the 政府信息公开 column as nav', () => {
    assert.deepEqual(
      portalNav.map((item) => [item.href, item.label]),
      [
        ['/', '首页'],
        ['/gk/guide', '公开指南'],
        ['/gk/rules', '公开制度'],
        ['/gk/statutory', '法定主动公开内容'],
        ['/gk/documents', '政府文件'],
        ['/gk/workplans', '工作计划'],
        ['/gk/decisions', '决策公开'],
        ['/gk/apply', '依申请公开'],
        ['/gk/qa', '政策问答'],
        ['/gk/enterprise', '政策找人'],
        ['/gk/reports', '公开年报'],
      ],
    );
    for (const item of portalNav) assert.ok(item.description.length > 0);
  });

  it('switches the body class and the toggle link in elderly mode', () => {
    const standard = page();
    assert.match(standard, /<body>/);
    assert.match(standard, /href="\/prefs\/elderly\?on=1&amp;back=%2Fgk%2Fguide"[^>]*>长者模式/);
    const elderly = page({ elderly: true });
    assert.match(elderly, /<body class="elderly">/);
    assert.match(elderly, /href="\/prefs\/elderly\?on=0&amp;back=%2Fgk%2Fguide"[^>]*>标准模式/);
  });

  it('folds the elderly-mode menu into a <details> naming the current section; the standard menu is a list', () => {
    const elderly = page({ elderly: true });
    assert.match(
      elderly,
      /<nav class="site-nav" aria-label="主导航"><div class="container"><details class="nav-disclosure"><summary>栏目导航<span class="nav-here">（当前：公开指南）<\/span><\/summary><ul>/,
    );
    assert.equal(count(elderly, /<details[ >]/g), 1);
    assert.ok(!elderly.includes('<details class="nav-disclosure" open'), 'folded until opened');
    assert.match(page({ elderly: true, current: null }), /<summary>栏目导航<\/summary>/);
    assert.ok(!page().includes('<details'));
    assert.match(page(), /<nav class="site-nav" aria-label="主导航"><div class="container"><ul>/);
  });

  it('renders breadcrumbs with the last item as the current page', () => {
    const doc = page({ breadcrumbs: [{ label: '首页', href: '/' }, { label: '公开指南' }] });
    assert.match(
      doc,
      /<nav class="breadcrumbs" aria-label="当前位置"><ol><li><a href="\/">首页<\/a><\/li><li><span class="sep" aria-hidden="true">›<\/span><span aria-current="page">公开指南<\/span><\/li><\/ol><\/nav>/,
    );
    assert.ok(!page().includes('class="breadcrumbs"'));
  });

  it('escapes title and site name', () => {
    const doc = page({ title: '<script>x</script>', siteName: 'A&B' });
    assert.ok(!doc.includes('<script>x'));
    assert.ok(doc.includes('<h1>&lt;script&gt;x&lt;/script&gt;</h1>'));
    assert.ok(doc.includes('<title>&lt;script&gt;x&lt;/script&gt; - A&amp;B</title>'));
  });
});
