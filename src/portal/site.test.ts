import assert from 'node:assert/strict';
import { test } from 'node:test';
import { prefixLinks, prefixLocation, splitSitePrefix } from './site.ts';

test('the site prefix: /s/{code}/rest splits into the code and the path the routes know', () => {
  const rows: [string, { code: string; rest: string } | null][] = [
    ['/s/370832', { code: '370832', rest: '/' }],
    ['/s/370832/', { code: '370832', rest: '/' }],
    ['/s/370832?x=1', { code: '370832', rest: '/?x=1' }],
    ['/s/370832/gk/documents/search?q=a%2Fb', { code: '370832', rest: '/gk/documents/search?q=a%2Fb' }],
    ['/s/370832100000/gk/guide', { code: '370832100000', rest: '/gk/guide' }],
    ['/s/', null],
    ['/s/abc/gk/guide', null],
    ['/s/3708321/', null],
    ['/s/%22onmouseover/', null],
    ['/gk/documents', null],
    ['/sx/370832/', null],
    ['/', null],
  ];
  for (const [url, expected] of rows) assert.deepEqual(splitSitePrefix(url), expected, url);
});

test('links of a page under a prefix stay under it; other links and the text do not change', () => {
  const page =
    '<a href="/gk/guide">指南</a><form action="/gk/documents/search"><img src="/site/logo?v=1" alt="">' +
    '<a href="//cdn.example.cn/x">外</a><a href="https://beian.miit.gov.cn/">备案</a><a href="#main">跳</a>' +
    '<link rel="stylesheet" href="/assets/portal.css?v=1"><p>href="/not-a-link"</p>';
  assert.equal(
    prefixLinks(page, '/s/370832'),
    '<a href="/s/370832/gk/guide">指南</a><form action="/s/370832/gk/documents/search"><img src="/s/370832/site/logo?v=1" alt="">' +
      '<a href="//cdn.example.cn/x">外</a><a href="https://beian.miit.gov.cn/">备案</a><a href="#main">跳</a>' +
      '<link rel="stylesheet" href="/s/370832/assets/portal.css?v=1"><p>href="/not-a-link"</p>',
  );
  assert.equal(prefixLinks(page, ''), page);
  assert.equal(prefixLocation('/gk/apply/track?no=1', '/s/370832'), '/s/370832/gk/apply/track?no=1');
  assert.equal(prefixLocation('//evil.example/', '/s/370832'), '//evil.example/');
  assert.equal(prefixLocation('https://x.cn/', '/s/370832'), 'https://x.cn/');
});
