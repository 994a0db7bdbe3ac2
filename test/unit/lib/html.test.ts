import { describe, expect, test } from 'bun:test';
import { escapeHtml, html, jsonForHtml, unsafeRaw } from '../../../src/lib/html';

describe('html templates', () => {
  test('escapes every interpolation by default', () => {
    const name = `<img src=x onerror="alert('x')">`;
    expect(String(html`<p title="${name}">${name}</p>`)).toBe(
      '<p title="&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;">&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;</p>',
    );
  });
  test('nested templates and arrays are not double-escaped; null and false render nothing', () => {
    const items = ['a&b', 'c'];
    expect(String(html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>${null}${false}${undefined}`)).toBe('<ul><li>a&amp;b</li><li>c</li></ul>');
  });
  test('unsafeRaw is the explicit way to embed trusted markup', () => {
    expect(String(html`<div>${unsafeRaw('<b>ok</b>')}</div>`)).toBe('<div><b>ok</b></div>');
  });
  test('escapeHtml covers backticks and jsonForHtml cannot close a script tag', () => {
    expect(escapeHtml('`')).toBe('&#96;');
    expect(jsonForHtml({ a: '</script><script>' })).not.toContain('</script>');
  });
});
