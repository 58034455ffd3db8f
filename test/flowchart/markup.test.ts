import { describe, expect, test } from 'vitest';
import { html } from '../../flowchart/markup.js';
import { HOSTILE_STRINGS } from '../fixtures/hostile-strings.js';

describe('html: escaped by construction', () => {
    test('interpolated text is escaped; markup made by html is kept', () => {
        const name = '<script>alert("x")</script> & \'q\'';
        const cell = html`<td>${name}</td>`;
        expect(String(cell)).toBe('<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;</td>');
        expect(String(html`<tr>${cell}</tr>`)).toBe(`<tr>${cell}</tr>`);
    });

    test('arrays join, nothing for undefined, null and false; numbers as text', () => {
        expect(String(html`<ul>${['<a>', html`<li>b</li>`]}</ul>`)).toBe('<ul>&lt;a&gt;<li>b</li></ul>');
        expect(String(html`${undefined}${null}${false}${0}`)).toBe('0');
    });

    test('no hostile string survives as markup', () => {
        for (const text of HOSTILE_STRINGS) {
            const escaped = String(html`${text}`);
            expect(escaped).not.toMatch(/[<>"']/);
            expect(String(html`<p title="${text}">${text}</p>`)).toBe(`<p title="${escaped}">${escaped}</p>`);
        }
    });
});
