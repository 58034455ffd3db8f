import ExcelJS from 'exceljs';
import { catalogTable, type Catalog, type CatalogTable } from './catalog-data.js';
import { labels } from './labels.js';
import type { Locale } from '../language/messages.js';
import { addTableSheet, newWorkbook, sheetNames, workbookBytes } from './xlsx.js';

/**
 * The power catalog as an Excel workbook: a summary sheet (every power of the
 * organisation, with its department) then one sheet per department. Header
 * styled and frozen, columns sized, text wrapped, A4 landscape.
 */
export async function catalogXlsx(catalog: Catalog, locale: Locale, only?: Catalog['departments'][number]): Promise<Buffer> {
    const l = labels(locale);
    const workbook = newWorkbook();
    const departments = only ? [only] : catalog.departments;
    const names = sheetNames([...(only ? [] : [l.summary]), ...departments.map(d => d.title)]);
    let index = 0;
    if (!only) addCatalogSheet(workbook, names[index++], catalogTable(catalog, locale), catalog.organization ? l.catalogOf(catalog.organization) : l.orgCatalog);
    for (const department of departments) {
        addCatalogSheet(workbook, names[index++], catalogTable(catalog, locale, department), l.catalogOf(department.title));
    }
    return workbookBytes(workbook);
}

function addCatalogSheet(workbook: ExcelJS.Workbook, name: string, table: CatalogTable, title: string): void {
    addTableSheet(workbook, name, {
        title,
        columns: table.columns.map(c => ({ header: c.header, width: c.width, numeric: c.numeric })),
        rows: table.rows,
        totals: table.totals,
        landscape: true
    });
}
