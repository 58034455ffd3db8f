import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locale } from '../language/messages.js';
import { FIELDS, parseMapOption, type MapOverride } from '../import/columns.js';
import { importCatalog } from '../import/import-catalog.js';
import { problemLine, renamedLine } from '../import/messages.js';
import { SpreadsheetError, type Encoding } from '../import/sheet.js';
import type { CliContext } from './context.js';
import { UsageError } from './errors.js';
import { displayPath, writeNewFiles } from './new-files.js';

/**
 * `sunlight import catalog FILE.xlsx|FILE.csv --out DIR`: a power catalog
 * spreadsheet as department files and bases.sun (the work is in import/).
 * Exit 0 when every cell found its place, 1 when some could not be mapped
 * (each is listed; the files are written all the same), 2 when the command
 * cannot run (nothing is written then).
 */
export interface ImportCommandOptions {
    readonly out: string;
    readonly map?: readonly string[];
    readonly encoding?: string;
    readonly lang?: Locale;
    readonly force?: boolean;
}

export async function runImportCatalog(file: string, values: ImportCommandOptions, context: CliContext): Promise<number> {
    const locale: Locale = values.lang ?? context.locale;
    const zh = locale === 'zh';
    const overrides: MapOverride[] = (values.map ?? []).map(text => {
        const override = parseMapOption(text);
        if (!override) {
            throw new UsageError(`--map expects COLUMN=FIELD with FIELD one of ${FIELDS.join(', ')} (not '${text}')`, `--map 需要“列名=字段”,字段可选:${FIELDS.join('、')}(而不是“${text}”)`);
        }
        return override;
    });
    const encoding = parseEncoding(values.encoding, zh);
    let bytes: Buffer;
    try {
        if (!fs.statSync(file).isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
        bytes = fs.readFileSync(file);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException)?.code;
        throw new UsageError(code === 'ENOENT' ? (zh ? `文件不存在:${file}` : `no such file: ${file}`) : (zh ? `无法读取 ${file}(${code})` : `cannot read ${file} (${code})`));
    }
    let result;
    try {
        result = await importCatalog(bytes, { fileName: file, encoding, overrides, locale });
    } catch (error) {
        if (!(error instanceof SpreadsheetError)) throw error;
        throw new UsageError(error.reason === 'not-xlsx'
            ? (zh ? `${file} 不是 Excel 工作簿(.xlsx)` : `${file} is not an Excel workbook (.xlsx)`)
            : (zh ? `${file} 不是 ${encoding === 'gbk' ? 'GBK' : 'UTF-8'} 文本(可用 --encoding 指定编码)` : `${file} is not ${encoding === 'gbk' ? 'GBK' : 'UTF-8'} text (try --encoding)`));
    }
    const shown = displayPath(path.resolve(values.out));
    if (result.powers === 0) {
        for (const problem of result.problems) context.writeError(`  ${problemLine(locale, path.basename(file), problem, result.sheets)}\n`);
        throw new UsageError(zh ? `${file} 中没有读到任何职权,未写入任何文件` : `no power found in ${file}; nothing written`);
    }
    const written = writeNewFiles(values.out, result.files.map(f => ({ path: f.path, content: f.text })), { force: values.force === true });
    context.write(zh
        ? `已从 ${path.basename(file)}${result.encoding === 'gbk' ? '(GBK 编码)' : ''}导入 ${result.departments} 个部门的 ${result.powers} 项职权,写入 ${written.length} 个文件到 ${shown}/\n`
        : `imported ${result.powers} power${result.powers === 1 ? '' : 's'} of ${result.departments} department${result.departments === 1 ? '' : 's'} from ${path.basename(file)}${result.encoding === 'gbk' ? ' (GBK)' : ''}: ${written.length} file${written.length === 1 ? '' : 's'} in ${shown}/\n`);
    for (const target of written) context.write(`  ${displayPath(target)}\n`);
    if (result.renamed.length > 0) {
        context.write(zh ? '名称只能由文字、数字和 _ 组成:\n' : 'names hold letters, digits and _ only:\n');
        for (const renamed of result.renamed) context.write(`  ${renamedLine(locale, renamed)}\n`);
    }
    if (result.problems.length > 0) {
        context.write(zh ? `${result.problems.length} 处内容未能导入:\n` : `${result.problems.length} cell${result.problems.length === 1 ? '' : 's'} not imported:\n`);
        for (const problem of result.problems) context.write(`  ${problemLine(locale, path.basename(file), problem, result.sheets)}\n`);
    }
    context.write(zh ? `运行 sunlight check ${shown} 查看目录中没有写明的内容\n` : `run sunlight check ${shown} for what the catalog does not say\n`);
    return result.problems.length > 0 ? 1 : 0;
}

function parseEncoding(value: string | undefined, zh: boolean): Encoding | undefined {
    if (value === undefined) return undefined;
    const normalized = value.toLowerCase().replace(/[-_]/g, '');
    if (normalized === 'utf8') return 'utf8';
    if (normalized === 'gbk' || normalized === 'gb18030' || normalized === 'gb2312' || normalized === 'cp936') return 'gbk';
    throw new UsageError(zh ? `未知的编码 --encoding '${value}'(可选:utf8、gbk)` : `unknown --encoding '${value}' (expected utf8 or gbk)`);
}
