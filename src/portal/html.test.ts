import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeHtml, Html, html, join, raw } from './html.ts';

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
