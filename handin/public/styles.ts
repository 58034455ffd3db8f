/**
 * `assets/guide.css`: the service guide on screen and in print. Print: A4,
 * body 10.5 pt and nothing under 9 pt, page numbers in the bottom margin
 * (`@page` margin boxes), each power on a new page in the booklet, tables and
 * the flowchart kept whole. Colours meet WCAG AA contrast on white.
 */
export const GUIDE_CSS = `:root {
  --ink: #1f2328; --muted: #4f5964; --line: #c8d0d9; --soft: #f4f6f8; --accent: #9c1c22; --link: #0a4fb8;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Segoe UI", "DejaVu Sans", sans-serif;
  color: var(--ink); font-size: 16px; line-height: 1.6;
}
* { box-sizing: border-box; }
body { margin: 0; background: #eef0f3; }
main, .masthead, .crumbs, .colophon { max-width: 1040px; margin: 0 auto; padding: 0 28px; }
main { background: #fff; padding-top: 20px; padding-bottom: 36px; }
.masthead { background: var(--accent); color: #fff; padding-top: 22px; padding-bottom: 18px; max-width: 1040px; }
.masthead h1 { margin: 0; font-size: 30px; letter-spacing: .04em; }
.masthead .organization { margin: 0; font-size: 16px; }
.masthead .subtitle { margin: 4px 0 0; }
.crumbs { padding-top: 14px; padding-bottom: 6px; background: #fff; }
.colophon { color: var(--muted); font-size: 14px; padding-top: 12px; padding-bottom: 24px; }
a { color: var(--link); }
a:focus-visible, input:focus-visible { outline: 3px solid #f0b400; outline-offset: 2px; }
h1 { font-size: 26px; margin: 8px 0 10px; }
h2 { font-size: 20px; margin: 26px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); }
h3 { font-size: 17px; margin: 18px 0 6px; }
.count { font-size: 14px; font-weight: normal; color: var(--muted); }
.search { margin: 4px 0 18px; padding: 14px 16px; background: var(--soft); border: 1px solid var(--line); border-radius: 6px; }
.search label { display: block; font-weight: 600; margin-bottom: 6px; }
.search input { width: 100%; font: inherit; padding: 8px 10px; border: 1px solid #8a949e; border-radius: 4px; }
.search .status { margin: 6px 0 0; color: var(--muted); min-height: 1.6em; }
.toc ul { display: flex; flex-wrap: wrap; gap: 4px 18px; list-style: none; padding: 0; margin: 0 0 8px; }
ul.powers { list-style: none; padding: 0; margin: 0; }
ul.powers li { padding: 7px 0; border-bottom: 1px solid var(--soft); }
ul.powers .code { font-variant-numeric: tabular-nums; color: var(--muted); margin-right: .3em; }
ul.powers .name { font-weight: 600; }
ul.powers .facts { display: block; color: var(--muted); font-size: 14px; }
[hidden] { display: none !important; }
dl.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 6px 20px; margin: 6px 0 10px; }
dl.facts div, dl.totals div { margin: 0; }
dl.facts dt, dl.totals dt { color: var(--muted); font-size: 14px; }
dl.facts dd, dl.totals dd { margin: 0; font-weight: 600; }
dl.totals { display: flex; flex-wrap: wrap; gap: 6px 40px; margin: 10px 0; }
.major { border-left: 4px solid var(--accent); padding: 4px 10px; background: #fbeeee; }
ul.bases { padding-left: 1.2em; margin: 4px 0; }
ul.bases li { margin: 6px 0; }
.basis-title { font-weight: 600; }
.kind, .note { color: var(--muted); font-size: 14px; }
dl.articles { margin: 4px 0 0; }
dl.articles div { margin: 4px 0; }
dl.articles dt { font-weight: 600; }
dl.articles dd { margin: 0 0 0 1em; color: #30363d; }
figure.chart { margin: 10px 0; overflow-x: auto; border: 1px solid var(--line); border-radius: 4px; padding: 8px; background: #fff; }
figure.chart svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
.chart-pieces { display: none; }
figure.chart figcaption { color: var(--muted); font-size: 14px; margin-top: 6px; }
table.steps { border-collapse: collapse; width: 100%; margin: 12px 0; font-size: 15px; }
table.steps caption { text-align: left; font-weight: 600; padding: 4px 0; }
table.steps th, table.steps td { border: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
table.steps thead th { background: #e9edf1; }
table.steps tbody th { font-weight: 600; }
table.steps .num { text-align: right; font-variant-numeric: tabular-nums; }
table.steps .nowrap { white-space: nowrap; }
tr.unreachable { color: var(--muted); }
ul.contact { padding-left: 1.2em; }
p.contact .label { font-weight: 600; }
.no-flow { color: var(--muted); }
.booklet .cover { text-align: center; padding: 80px 0 40px; }
.booklet .cover h1 { font-size: 34px; }
.booklet-toc ol { list-style: none; padding-left: 0; }
.booklet-toc ol ol { padding-left: 1.2em; }
.booklet-toc .toc-department { font-weight: 600; display: block; margin-top: 8px; }
.booklet-toc a { display: flex; gap: 8px; text-decoration: none; color: inherit; }
.booklet-toc .toc-name { flex: 1; }
.booklet-toc .toc-page { min-width: 2.5em; text-align: right; font-variant-numeric: tabular-nums; }
.sheet { border-top: 1px dashed var(--line); margin-top: 24px; }

@page {
  size: A4;
  margin: 16mm 15mm 18mm;
  @bottom-center { content: counter(page); font-family: "Noto Sans CJK SC", "DejaVu Sans", sans-serif; font-size: 9pt; color: #4f5964; }
}
@page :first { @bottom-center { content: none; } }
@media print {
  :root { font-size: 10.5pt; line-height: 1.5; }
  body { background: #fff; }
  main, .masthead, .crumbs, .colophon { max-width: none; padding: 0; }
  .masthead { background: none; color: var(--ink); border-bottom: 2pt solid var(--accent); padding-bottom: 6pt; }
  .crumbs, .search, .toc { display: none !important; }
  a { color: inherit; text-decoration: none; }
  h1 { font-size: 18pt; } h2 { font-size: 13pt; } h3 { font-size: 11.5pt; }
  .count, ul.powers .facts, dl.facts dt, dl.totals dt, .kind, .note, figure.chart figcaption, .colophon { font-size: 9pt; }
  table.steps { font-size: 9.5pt; }
  thead { display: table-header-group; }
  tr, dl.articles div, ul.bases li, dl.totals, .chart-piece, figure.chart:not(.cut) { break-inside: avoid; }
  /* Charts print at full size (their smallest text is 12 px = 9 pt); a chart taller than a page prints as its pieces. */
  figure.chart.cut .chart-whole { display: none; }
  figure.chart.cut .chart-pieces { display: block; }
  .chart-piece + .chart-piece { break-before: page; }
  h1, h2, h3, caption { break-after: avoid; }
  figure.chart { border: 0; padding: 0; overflow: visible; }
  .booklet .cover { break-after: page; padding-top: 70mm; }
  .booklet-toc { break-after: page; }
  .sheet { break-before: page; border: 0; margin: 0; }
}
`;
