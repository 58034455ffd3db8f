import { catalogTable, type Catalog, type CatalogCell, type DepartmentCatalog } from './catalog-data.js';
import { labels } from './labels.js';
import type { Locale } from '../language/messages.js';

/**
 * The power catalog as Markdown: a summary, then one table per department
 * (or one department alone). Text from the files is escaped so that it stays
 * text: no HTML, no link, no emphasis, no broken table.
 */
export function catalogMarkdown(catalog: Catalog, locale: Locale, department?: DepartmentCatalog): string {
    const l = labels(locale);
    const out: string[] = [];
    if (department) {
        out.push(`# ${md(l.catalogOf(department.title))}`, '');
        if (department.leader) out.push(`${md(l.leaderInCharge)}${md(l.colon)}${md(department.leader)}`, '');
        out.push(mdTable(catalogTable(catalog, locale, department)), '');
        return out.join('\n');
    }
    out.push(`# ${md(catalog.organization ? l.catalogOf(catalog.organization) : l.orgCatalog)}`, '');
    out.push(`## ${md(l.summary)}`, '');
    out.push(mdTable(catalogTable(catalog, locale)), '');
    for (const d of catalog.departments) {
        out.push(`## ${md(d.title)}`, '');
        out.push(mdTable(catalogTable(catalog, locale, d)), '');
    }
    return out.join('\n');
}

function mdTable(table: ReturnType<typeof catalogTable>): string {
    const row = (cells: readonly CatalogCell[]) => `| ${cells.map(c => typeof c === 'number' ? String(c) : md(c)).join(' | ')} |`;
    return [
        row(table.columns.map(c => c.header)),
        `|${table.columns.map(c => c.numeric ? ' ---: ' : ' --- ').join('|')}|`,
        ...table.rows.map(row),
        `| ${table.totals.map(c => c === '' ? '' : `**${typeof c === 'number' ? c : md(c)}**`).join(' | ')} |`
    ].join('\n');
}

/** Escapes Markdown and HTML so that the text shows as written, on one line. */
export function md(text: string): string {
    return text
        .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
        .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
        .replace(/([\\`*_[\]|#~!])/g, '\\$1')
        .replace(/\r?\n|\r/g, '<br>');
}
