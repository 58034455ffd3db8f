import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/**
 * A spreadsheet as plain text cells, whatever it came from: an Excel workbook
 * (every sheet) or a CSV file (one sheet, UTF-8 or GBK). A cell inside a
 * merged range reads as the range's value (exceljs gives a merged cell its
 * master's value), so a power whose name is merged over its risk rows is
 * named on each of them.
 */
export interface Sheet {
    readonly name: string;
    /** rows[i][j] is the text of row i + 1, column j + 1 ('' when empty). */
    readonly rows: ReadonlyArray<readonly string[]>;
}

export type Encoding = 'utf8' | 'gbk';

export interface Spreadsheet {
    readonly sheets: readonly Sheet[];
    /** The CSV's encoding (given or detected); undefined for a workbook. */
    readonly encoding?: Encoding;
}

export class SpreadsheetError extends Error {
    constructor(readonly reason: 'not-xlsx' | 'not-text', message: string) {
        super(message);
    }
}

/** Reads a workbook (`.xlsx`) or a CSV file (anything else) from its bytes. */
export async function readSpreadsheet(bytes: Uint8Array, options: { readonly csv: boolean; readonly encoding?: Encoding; readonly name: string }): Promise<Spreadsheet> {
    if (!options.csv) return { sheets: await readWorkbook(bytes) };
    const encoding = options.encoding ?? detectEncoding(bytes);
    let text: string;
    try {
        // GB18030 is a superset of GBK, and what Excel on a Chinese Windows writes as "CSV".
        text = new TextDecoder(encoding === 'gbk' ? 'gb18030' : 'utf-8', { fatal: true }).decode(bytes);
    } catch {
        throw new SpreadsheetError('not-text', `not ${encoding === 'gbk' ? 'GBK' : 'UTF-8'} text`);
    }
    return { sheets: [{ name: options.name, rows: await parseCsv(text) }], encoding };
}

/** UTF-8 when the bytes are valid UTF-8 (a BOM or plain ASCII included), else GBK. */
export function detectEncoding(bytes: Uint8Array): Encoding {
    try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        return 'utf8';
    } catch {
        return 'gbk';
    }
}

async function readWorkbook(bytes: Uint8Array): Promise<Sheet[]> {
    const workbook = new ExcelJS.Workbook();
    try {
        await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    } catch {
        throw new SpreadsheetError('not-xlsx', 'not an Excel workbook (.xlsx)');
    }
    return workbook.worksheets.map(worksheet => {
        const rows: string[][] = [];
        for (let r = 1; r <= worksheet.rowCount; r++) {
            const row = worksheet.getRow(r);
            const cells: string[] = [];
            for (let c = 1; c <= worksheet.columnCount; c++) cells.push(cellText(row.getCell(c).value));
            rows.push(trimEnd(cells));
        }
        return { name: worksheet.name, rows };
    });
}

/** CSV through exceljs (fast-csv), every cell kept as the text it is (no number or date guessing). */
async function parseCsv(text: string): Promise<string[][]> {
    const workbook = new ExcelJS.Workbook();
    const worksheet = await workbook.csv.read(Readable.from([text.replace(/^\uFEFF/, '')]), {
        map: (value: unknown) => value,
        parserOptions: { ignoreEmpty: false, trim: false }
    } as Parameters<ExcelJS.Csv['read']>[1]);
    const rows: string[][] = [];
    for (let r = 1; r <= worksheet.rowCount; r++) {
        const values = worksheet.getRow(r).values as unknown[];
        rows.push(trimEnd(values.slice(1).map(value => csvText(typeof value === 'string' ? value : cellText(value as ExcelJS.CellValue)))));
    }
    return rows;
}

/**
 * Sunlight's own CSV export puts an apostrophe before a cell a spreadsheet
 * would run as a formula (handin/catalog-csv.ts); reading it back removes it.
 */
function csvText(value: string): string {
    return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

/** The text of a cell value of any kind exceljs gives (rich text, hyperlink, formula result, date…). */
export function cellText(value: ExcelJS.CellValue | undefined): string {
    if (value === null || value === undefined) return '';
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map(part => part.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return String(value.error);
    return '';
}

function trimEnd(cells: string[]): string[] {
    let end = cells.length;
    while (end > 0 && cells[end - 1].trim() === '') end--;
    return cells.slice(0, end);
}
