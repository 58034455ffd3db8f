import ExcelJS from 'exceljs';

/**
 * Shared helpers of the Excel writers (exceljs): workbook, sheet names, one
 * styled table per sheet. Text from the files is put in as plain strings
 * (never formulas), with the characters XML cannot hold removed.
 */
export function newWorkbook(): ExcelJS.Workbook {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'Sunlight';
    // A fixed date: the same files give the same workbook.
    workbook.created = new Date(Date.UTC(2000, 0, 1));
    workbook.modified = workbook.created;
    return workbook;
}

/**
 * The workbook's bytes, the same for the same content: the zip library stamps
 * every entry with the time of writing, so the entries' DOS times and dates
 * (local headers and central directory) are set to 2000-01-01 00:00.
 */
export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
    return fixZipTimes(Buffer.from(await workbook.xlsx.writeBuffer()));
}

const DOS_DATE_2000_01_01 = ((2000 - 1980) << 9) | (1 << 5) | 1;

export function fixZipTimes(zip: Buffer): Buffer {
    // End of central directory: the last 0x06054b50 (a comment may follow it).
    let end = -1;
    for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
        if (zip.readUInt32LE(i) === 0x06054b50) { end = i; break; }
    }
    if (end < 0) return zip;
    const entries = zip.readUInt16LE(end + 10);
    let at = zip.readUInt32LE(end + 16);
    for (let n = 0; n < entries && at + 46 <= zip.length && zip.readUInt32LE(at) === 0x02014b50; n++) {
        zip.writeUInt16LE(0, at + 12);
        zip.writeUInt16LE(DOS_DATE_2000_01_01, at + 14);
        const local = zip.readUInt32LE(at + 42);
        if (local + 30 <= zip.length && zip.readUInt32LE(local) === 0x04034b50) {
            zip.writeUInt16LE(0, local + 10);
            zip.writeUInt16LE(DOS_DATE_2000_01_01, local + 12);
        }
        at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    }
    return zip;
}

/** Excel's sheet-name rules: ≤ 31 characters, none of \ / ? * [ ] :, no leading or trailing ', unique ignoring case. */
export function sheetNames(names: readonly string[]): string[] {
    const taken = new Set<string>();
    return names.map(name => {
        let base = xmlText(name).replace(/[\\/?*[\]:\r\n\t]/g, '_').replace(/^'+|'+$/g, '').trim();
        if (base === '' || base.toLowerCase() === 'history') base = `_${base}`;
        base = [...base].slice(0, 31).join('');
        let candidate = base;
        for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
            const suffix = `-${n}`;
            candidate = [...base].slice(0, 31 - suffix.length).join('') + suffix;
        }
        taken.add(candidate.toLowerCase());
        return candidate;
    });
}

/** Removes what XML 1.0 cannot hold (most C0 controls, lone surrogates) and cuts at Excel's 32 767 characters. */
export function xmlText(text: string): string {
    return text
        .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
        .slice(0, 32767);
}

/** Display width in character cells: CJK and other wide characters count two. */
export function displayWidth(text: string): number {
    let width = 0;
    for (const character of text) {
        const code = character.codePointAt(0)!;
        width += code >= 0x1100 && (code <= 0x115F || (code >= 0x2E80 && code <= 0xA4CF) || (code >= 0xAC00 && code <= 0xD7A3)
            || (code >= 0xF900 && code <= 0xFAFF) || (code >= 0xFE30 && code <= 0xFE4F) || (code >= 0xFF00 && code <= 0xFF60)
            || (code >= 0xFFE0 && code <= 0xFFE6) || (code >= 0x20000 && code <= 0x3FFFD)) ? 2 : 1;
    }
    return width;
}

export interface SheetColumn {
    readonly header: string;
    /** Widest the column may get (characters); text wraps beyond. */
    readonly width: number;
    readonly numeric?: boolean;
}

export interface SheetTable {
    /** Printed in the page header. */
    readonly title: string;
    readonly columns: readonly SheetColumn[];
    readonly rows: ReadonlyArray<ReadonlyArray<string | number>>;
    readonly totals?: ReadonlyArray<string | number>;
    readonly landscape?: boolean;
}

export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF8B1E24' } };
export const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFFFFFFF' }, name: 'Microsoft YaHei', size: 11 };
export const BODY_FONT: Partial<ExcelJS.Font> = { name: 'Microsoft YaHei', size: 10 };
export const THIN: Partial<ExcelJS.Borders> = {
    top: { style: 'thin', color: { argb: 'FFBFBFBF' } }, bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } },
    left: { style: 'thin', color: { argb: 'FFBFBFBF' } }, right: { style: 'thin', color: { argb: 'FFBFBFBF' } }
};

/** A sheet holding one table: header in row 1 (styled, frozen, filterable), then the rows, then the totals. */
export function addTableSheet(workbook: ExcelJS.Workbook, name: string, table: SheetTable): ExcelJS.Worksheet {
    const sheet = workbook.addWorksheet(name, {
        views: [{ state: 'frozen', xSplit: 0, ySplit: 1, activeCell: 'A2' }],
        pageSetup: {
            paperSize: 9 as ExcelJS.PaperSize, orientation: table.landscape ? 'landscape' : 'portrait',
            fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1',
            margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 }
        },
        headerFooter: { oddHeader: `&C&B${headerFooterText(table.title)}`, oddFooter: '&C&P / &N' }
    });
    sheet.columns = table.columns.map((column, i) => {
        const widest = Math.max(displayWidth(column.header), ...table.rows.map(row => displayWidth(String(row[i] ?? ''))),
            table.totals ? displayWidth(String(table.totals[i] ?? '')) : 0);
        const width = Math.min(column.width, Math.max(column.numeric ? 7 : 8, widest + 2));
        // exceljs leaves out a column of exactly its default width (9): Excel would then use its own.
        return { width: width === 9 ? 9.5 : width };
    });
    const header = sheet.addRow(table.columns.map(c => xmlText(c.header)));
    header.eachCell(cell => {
        cell.fill = HEADER_FILL;
        cell.font = HEADER_FONT;
        cell.border = THIN;
        cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    });
    header.height = 30;
    for (const values of table.rows) styleBody(sheet.addRow(values.map(cellValue)), table.columns);
    if (table.totals) {
        const totals = sheet.addRow(table.totals.map(cellValue));
        styleBody(totals, table.columns);
        totals.eachCell(cell => {
            cell.font = { ...BODY_FONT, bold: true };
            cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
        });
    }
    if (table.rows.length > 0) {
        sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + table.rows.length, column: table.columns.length } };
    }
    return sheet;
}

function styleBody(row: ExcelJS.Row, columns: readonly SheetColumn[]): void {
    columns.forEach((column, i) => {
        const cell = row.getCell(i + 1);
        cell.font = BODY_FONT;
        cell.border = THIN;
        cell.alignment = { vertical: 'top', horizontal: column.numeric ? 'right' : 'left', wrapText: !column.numeric };
    });
}

export function cellValue(value: string | number | undefined): string | number | null {
    if (value === undefined || value === '') return null;
    return typeof value === 'number' ? value : xmlText(value);
}

/** Excel's header/footer codes start with &: write a literal & as &&. */
export function headerFooterText(text: string): string {
    return xmlText(text).replace(/&/g, '&&').slice(0, 200);
}
