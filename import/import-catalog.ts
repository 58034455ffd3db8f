import { AstUtils, GrammarAST } from 'langium';
import type { Locale } from '../language/messages.js';
import { createFormatServices, formatText } from '../language/lsp/format-text.js';
import { readCatalog, type ImportProblem } from './catalog-rows.js';
import type { MapOverride } from './columns.js';
import { readSpreadsheet, type Encoding } from './sheet.js';
import { writeCatalog, type Renamed, type SunFile } from './write-sun.js';

/**
 * `sunlight import catalog`, without the file system: a spreadsheet's bytes
 * in, formatted `.sun` files and the report of what could not be mapped out.
 * The CLI (cli/import-catalog.ts) reads the file and writes the result.
 */
export interface ImportOptions {
    /** The spreadsheet's file name (its extension says xlsx or CSV; it names the department when no column does). */
    readonly fileName: string;
    readonly encoding?: Encoding;
    readonly overrides: readonly MapOverride[];
    /** Language of the comments written into the files. */
    readonly locale: Locale;
}

export interface ImportResult {
    readonly files: readonly SunFile[];
    readonly problems: readonly ImportProblem[];
    readonly renamed: readonly Renamed[];
    readonly encoding?: Encoding;
    readonly departments: number;
    readonly powers: number;
    /** Sheets in the spreadsheet (problems name their sheet when there are several). */
    readonly sheets: number;
}

export async function importCatalog(bytes: Uint8Array, options: ImportOptions): Promise<ImportResult> {
    const base = options.fileName.replace(/^.*[/\\]/, '');
    const csv = !/\.xlsx$/i.test(base);
    const stem = base.replace(/\.[^.]*$/, '') || base;
    const spreadsheet = await readSpreadsheet(bytes, { csv, encoding: options.encoding, name: stem });
    const catalog = readCatalog(spreadsheet.sheets, options.overrides, stem);
    const services = createFormatServices();
    const keywords = new Set(AstUtils.streamAllContents(services.Sunlight.Grammar).filter(GrammarAST.isKeyword).map(keyword => keyword.value));
    const written = writeCatalog(catalog, { locale: options.locale, source: base, keywords });
    const files: SunFile[] = [];
    for (const file of written.files) {
        const { formatted, syntaxError } = await formatText(file.text, services);
        // The writer quotes every text and makes every name a name: a syntax error here is a bug, not bad input.
        if (formatted === undefined) throw new Error(`import wrote text that does not parse (${file.path}:${syntaxError?.line}:${syntaxError?.column})`);
        files.push({ path: file.path, text: formatted });
    }
    return {
        files,
        problems: catalog.problems,
        renamed: written.renamed,
        encoding: spreadsheet.encoding,
        departments: catalog.departments.length,
        powers: catalog.departments.reduce((n, d) => n + d.powers.length, 0),
        sheets: spreadsheet.sheets.length
    };
}
