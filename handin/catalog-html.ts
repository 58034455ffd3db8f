import { catalogTable, type Catalog, type CatalogTable, type DepartmentCatalog } from './catalog-data.js';
import { heading, labels } from './labels.js';
import type { Locale } from '../language/messages.js';
import { esc, htmlPage, multiline, table } from './html.js';

/** The power catalog as one printable, self-contained HTML page. */
export function catalogHtml(catalog: Catalog, locale: Locale, department?: DepartmentCatalog): string {
    const l = labels(locale);
    const title = department ? l.catalogOf(department.title) : catalog.organization ? l.catalogOf(catalog.organization) : l.orgCatalog;
    const sections = department
        ? [catalogSection(catalog, locale, department)]
        : [
            `<h2>${esc(l.summary)}</h2>\n${catalogTableHtml(catalogTable(catalog, locale), locale)}`,
            ...catalog.departments.map(d => `<h2>${esc(d.title)}</h2>\n${catalogSection(catalog, locale, d)}`)
        ];
    return htmlPage({
        title,
        locale,
        css: CATALOG_CSS,
        body: `<main>\n<h1>${esc(title)}</h1>\n${sections.join('\n')}\n</main>`
    });
}

/** One department's catalog (leader in charge, then the table). */
export function catalogSection(catalog: Catalog, locale: Locale, department: DepartmentCatalog): string {
    const l = labels(locale);
    const leader = department.leader ? `<p class="meta"><span>${esc(l.leaderInCharge)}${esc(l.colon)}${esc(department.leader)}</span></p>\n` : '';
    return leader + catalogTableHtml(catalogTable(catalog, locale, department), locale);
}

/**
 * The catalog table: text columns, then the risk counts under one
 * "risk points" heading (high, medium, low, ungraded, total).
 */
export function catalogTableHtml(data: CatalogTable, locale: Locale): string {
    const l = labels(locale);
    const text = data.columns.filter(c => !c.numeric);
    const counts = data.columns.filter(c => c.numeric);
    const sub = (key: string) => key === 'ungraded' ? l.ungraded : key === 'total' ? l.total : heading(locale, key);
    const head = `<tr>${text.map(c => `<th scope="col" rowspan="2" class="col-${c.key}">${esc(c.header)}</th>`).join('')}`
        + `<th scope="colgroup" colspan="${counts.length}" class="group">${esc(l.riskCount)}</th></tr>\n`
        + `<tr>${counts.map(c => `<th scope="col" class="num col-${c.key}">${esc(sub(c.key))}</th>`).join('')}</tr>`;
    const classes = data.columns.map(c => c.numeric ? 'num' : `col-${c.key}`);
    const cell = (value: string | number) => typeof value === 'number' ? String(value) : multiline(value);
    const foot = `<tfoot><tr><td colspan="${text.length}">${cell(data.totals[0])}</td>${data.totals.slice(text.length).map(v => `<td class="num">${cell(v)}</td>`).join('')}</tr></tfoot>`;
    return `<div class="table-wrap">${table([], data.rows.map(row => row.map(cell)), { className: 'catalog', classes, head })
        .replace('</table>', `${foot}\n</table>`)}</div>`;
}

export const CATALOG_CSS = `
table.catalog th { white-space: normal; vertical-align: bottom; overflow-wrap: normal; }
table.catalog th.group { text-align: center; border-bottom: 1px solid var(--line); }
table.catalog td.num, table.catalog th.num { white-space: nowrap; overflow-wrap: normal; min-width: 2.6em; }
table.catalog td.col-number, table.catalog td.col-major { white-space: nowrap; }
table.catalog td.col-power { min-width: 6em; font-weight: 600; }
table.catalog td.col-department { min-width: 6em; }
table.catalog td.col-category { min-width: 5em; overflow-wrap: normal; }
table.catalog td.col-responsible { min-width: 4.5em; }
table.catalog td.col-content { min-width: 11em; }
table.catalog td.col-basis { min-width: 11em; }
table.catalog td.col-flows { min-width: 6em; }
.table-wrap { overflow-x: auto; }
@media print { .table-wrap { overflow: visible; } }
@media print { @page { size: A4 landscape; } }
`;
