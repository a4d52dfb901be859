import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeHtml, formatDateZh, Html, html, join, raw } from './html.ts';

describe('html', () => {
  it('escapes interpolated strings', () => {
    const evil = `<script>alert("x")</script> & 'y'`;
    assert.equal(
      html`<p title="${evil}">${evil}</p>`.value,
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;">' +
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</p>',
    );
  });

  it('passes fragments and raw() through unescaped', () => {
    const inner = html`<b>${'a<b'}</b>`;
    assert.equal(html`<p>${inner}${raw('<br>')}</p>`.value, '<p><b>a&lt;b</b><br></p>');
  });

  it('renders arrays (nested too) element by element, escaping strings', () => {
    const items = ['一', '<二>'].map((t) => html`<li>${t}</li>`);
    assert.equal(html`<ul>${items}</ul>`.value, '<ul><li>一</li><li>&lt;二&gt;</li></ul>');
    assert.equal(html`${['<', [raw('<i>'), 1]]}`.value, '&lt;<i>1');
  });

  it('renders null, undefined and booleans as nothing, numbers as text', () => {
    const cond = false;
    assert.equal(html`[${null}${undefined}${cond && html`<x>`}${true}${0}${12n}]`.value, '[012]');
  });

  it('returns Html whose toString is the markup', () => {
    const fragment = html`<i>${'&'}</i>`;
    assert.ok(fragment instanceof Html);
    assert.equal(String(fragment), '<i>&amp;</i>');
  });

  it('join uses a trusted separator and escapes strings', () => {
    assert.equal(join(['a', '<b>', html`<c>`], raw('<br>')).value, 'a<br>&lt;b&gt;<br><c>');
    assert.equal(join([]).value, '');
  });

  it('escapeHtml leaves safe text untouched', () => {
    assert.equal(escapeHtml('政府信息公开 2024'), '政府信息公开 2024');
    assert.equal(escapeHtml('a&b&c'), 'a&amp;b&amp;c');
  });
});

describe('formatDateZh', () => {
  it('formats ISO dates without leading zeros', () => {
    assert.equal(formatDateZh('2024-03-05'), '2024年3月5日');
    assert.equal(formatDateZh('2023-12-31'), '2023年12月31日');
    assert.equal(formatDateZh('2024-02-29'), '2024年2月29日');
  });

  it('rejects malformed or impossible dates', () => {
    for (const bad of [
      '2024-3-5',
      '2024-03-05T00:00:00Z',
      '',
      '2023-02-29',
      '2024-13-01',
      '2024-04-31',
      '2024-00-10',
    ]) {
      assert.throws(() => formatDateZh(bad), RangeError, bad);
    }
  });
});
