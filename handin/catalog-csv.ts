import type { CatalogCell, CatalogTable } from './catalog-data.js';

/**
 * The power catalog as CSV (RFC 4180): UTF-8 with a byte-order mark, so that
 * Excel opens Chinese correctly, and CRLF line ends. A cell that a spreadsheet
 * would read as a formula (it starts with =, +, -, @, a tab or a carriage
 * return) is prefixed with an apostrophe: a hostile power name must not run
 * as a formula on the leadership group's computer.
 */
export const BOM = '\uFEFF';

export function catalogCsv(table: CatalogTable): string {
    const lines = [
        table.columns.map(c => csvCell(c.header)),
        ...table.rows.map(row => row.map(csvCell)),
        table.totals.map(csvCell)
    ];
    return BOM + lines.map(cells => cells.join(',')).join('\r\n') + '\r\n';
}

export function csvCell(value: CatalogCell): string {
    if (typeof value === 'number') return String(value);
    const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
