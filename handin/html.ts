import { html } from '../flowchart/markup.js';
import { escapeXml } from '../flowchart/render-svg.js';
import type { Locale } from '../language/messages.js';

/**
 * The frame shared by every HTML hand-in document (catalog, registers, the
 * college report): one self-contained file, styles inline, no script, no
 * font, image or request outside the file. A Content-Security-Policy that
 * forbids scripts and remote loads backs up the escaping (`escapeXml` of
 * flowchart/render-svg.ts, the one escaping function of the project) in case a hostile string ever slipped by.
 */
export function esc(text: string | number | undefined | null): string {
    return text === undefined || text === null ? '' : escapeXml(String(text));
}

export interface PageOptions {
    readonly title: string;
    readonly locale: Locale;
    readonly body: string;
    /** Extra CSS after the shared sheet. */
    readonly css?: string;
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export function htmlPage(options: PageOptions): string {
    return `<!DOCTYPE html>
<html lang="${options.locale === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Sunlight">
<title>${esc(options.title)}</title>
<style>
${BASE_CSS}${options.css ?? ''}
</style>
</head>
<body>
${options.body}
</body>
</html>
`;
}

/**
 * A table from header cells and body rows of already-escaped HTML. `classes`
 * gives each column's class (`num` right-aligns, `nowrap` keeps short values
 * on one line); `numeric` is a shorthand for `num`.
 */
export function table(headers: readonly string[], rows: ReadonlyArray<readonly string[]>, options: {
    className?: string; numeric?: readonly boolean[]; classes?: ReadonlyArray<string | undefined>; foot?: readonly string[]; caption?: string; head?: string
} = {}): string {
    const cls = (i: number) => {
        const names = [options.numeric?.[i] ? 'num' : undefined, options.classes?.[i]].filter(Boolean);
        return names.length ? ` class="${names.join(' ')}"` : '';
    };
    const head = options.head ?? `<tr>${headers.map((h, i) => `<th scope="col"${cls(i)}>${h}</th>`).join('')}</tr>`;
    return `<table${options.className ? ` class="${options.className}"` : ''}>${options.caption ? `<caption>${options.caption}</caption>` : ''}
<thead>${head}</thead>
<tbody>
${rows.map(row => `<tr>${row.map((cell, i) => `<td${cls(i)}>${cell}</td>`).join('')}</tr>`).join('\n')}
</tbody>${options.foot ? `\n<tfoot><tr>${options.foot.map((cell, i) => `<td${cls(i)}>${cell}</td>`).join('')}</tr></tfoot>` : ''}
</table>`;
}

/** Text with line breaks kept. */
export function multiline(text: string | undefined): string {
    const lines = (text ?? '').split(/\r?\n/);
    return String(html`${lines.map((line, i) => i === 0 ? line : [html`<br>`, line])}`);
}

/** A grade as a coloured tag. */
export function gradeTag(grade: string | undefined, word: string): string {
    return String(grade ? html`<span class="grade grade-${grade}">${word}</span>` : html`<span class="grade grade-none">${word || '—'}</span>`);
}

/** An empty line to sign or date by hand: never invented data. */
export function blankLine(width = '45mm'): string {
    return `<span class="blank" style="width:${width}"></span>`;
}

/**
 * Screen and print styles. A4 pages with 15 mm margins; forms start on a new
 * page; table headers repeat on each page and rows are not split.
 */
const BASE_CSS = `
:root {
  --ink: #1f2328; --muted: #59636e; --line: #d0d7de; --soft: #f6f8fa; --accent: #a4262c;
  --high: #c62828; --high-bg: #fde7e7; --medium: #b35c00; --medium-bg: #fff1dc; --low: #2e7d32; --low-bg: #e6f4e7;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Segoe UI", "DejaVu Sans", sans-serif;
  color: var(--ink); font-size: 14px; line-height: 1.55;
}
* { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: #eef0f3; }
main, .sheet { max-width: 1180px; margin: 0 auto; background: #fff; padding: 28px 36px 40px; }
h1 { font-size: 24px; margin: 0 0 4px; letter-spacing: .02em; }
h2 { font-size: 19px; margin: 28px 0 10px; padding-bottom: 6px; border-bottom: 2px solid var(--accent); }
h3 { font-size: 16px; margin: 20px 0 8px; }
p { margin: 6px 0; }
a { color: #0b57d0; text-decoration: none; }
a:hover { text-decoration: underline; }
.subtitle { color: var(--muted); margin: 0 0 14px; }
.meta { color: var(--muted); font-size: 13px; display: flex; flex-wrap: wrap; gap: 4px 20px; margin: 6px 0 12px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 14px; font-size: 13px; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border: 1px solid var(--line); padding: 5px 7px; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
th { background: #f0f2f5; font-weight: 600; white-space: nowrap; overflow-wrap: normal; }
tbody tr:nth-child(even) td { background: #fafbfc; }
tfoot td { font-weight: 600; background: var(--soft); }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.grade { display: inline-block; min-width: 1.8em; padding: 0 .5em; border-radius: 3px; font-size: 12px; font-weight: 600; text-align: center; white-space: nowrap; }
.grade-high { color: var(--high); background: var(--high-bg); }
.grade-medium { color: var(--medium); background: var(--medium-bg); }
.grade-low { color: var(--low); background: var(--low-bg); }
.grade-none { color: var(--muted); background: var(--soft); }
.muted { color: var(--muted); }
.small { font-size: 12px; }
.blank { display: inline-block; height: 1.3em; border-bottom: 1px solid var(--ink); vertical-align: bottom; }
.banner { border: 1px solid #e3b341; background: #fff8e1; padding: 10px 14px; border-radius: 4px; margin: 12px 0; }
.banner.error { border-color: var(--high); background: var(--high-bg); color: #7a1111; }
ol.measures, ul.plain { margin: 0; padding-left: 1.3em; }
ul.plain { list-style: none; padding-left: 0; }
.form { border: 1px solid var(--line); padding: 18px 22px; margin: 18px 0; background: #fff; }
.form h2 { text-align: center; border: 0; margin: 0 0 2px; font-size: 20px; }
.form .form-meta { display: grid; grid-template-columns: repeat(3, auto); gap: 4px 18px; margin: 10px 0; font-size: 13px; }
.form .note { font-size: 12px; color: var(--muted); }
.signatures { display: flex; flex-wrap: wrap; gap: 14px 40px; margin-top: 18px; align-items: flex-end; }
.signatures .slot { white-space: nowrap; }
.signatures .given { font-weight: 600; }
.nowrap { white-space: nowrap; }
td.short { white-space: nowrap; }
@page { size: A4; margin: 15mm 12mm; }
@media print {
  :root { font-size: 11pt; }
  body { background: #fff; }
  main, .sheet { max-width: none; padding: 0; }
  .no-print { display: none !important; }
  a { color: inherit; }
  table { font-size: 9.5pt; }
  thead { display: table-header-group; }
  tr, .card, figure { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  .form { border: 0; padding: 0; margin: 0; break-after: page; }
  .page-break { break-before: page; }
  tbody tr:nth-child(even) td { background: none; }
  .grade { border: 1px solid currentColor; }
}
`;
