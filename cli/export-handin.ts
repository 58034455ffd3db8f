import * as path from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { buildCatalog } from '../handin/catalog-data.js';
import { collectWorkspace, type HandinDiagnostic, type HandinSeverity, type HandinSource, type HandinWorkspace } from '../handin/model.js';
import { buildRegisters } from '../handin/register-data.js';
import { buildReport } from '../handin/report-data.js';
import { formatMessage, type Locale } from '../language/messages.js';
import { positionAt } from '../language/node/config-file.js';
import { UsageError } from './errors.js';
import { catalogCsv } from '../handin/catalog-csv.js';
import { catalogHtml } from '../handin/catalog-html.js';
import { catalogMarkdown } from '../handin/catalog-md.js';
import { catalogXlsx } from '../handin/catalog-xlsx.js';
import { renderFlowchart } from '../handin/flowcharts.js';
import { findChromium, printToPdf, type ChromiumSearch } from '../handin/pdf.js';
import { registersHtml } from '../handin/registers-html.js';
import { registersXlsx } from '../handin/registers-xlsx.js';
import { buildReportSite } from '../handin/report-site.js';
import { catalogTable } from '../handin/catalog-data.js';
import { uniqueFileNames } from '../flowchart/file-names.js';
import { OutputFolder } from './output-folder.js';
import { collectFiles, loadWorkspace, relative } from './workspace.js';

/**
 * `sunlight export catalog|registers|report PATH... --out DIR`: the hand-in
 * (power catalog, registration forms, the college report) generated from the
 * same files `sunlight check` checks. Export refuses to pretend: errors in the
 * files are said up front (and shown in the documents); with `--strict` they
 * fail the export (exit 1, nothing written).
 */
export type HandinKind = 'catalog' | 'registers' | 'report';

export interface HandinExportOptions {
    readonly kind: HandinKind;
    readonly paths: readonly string[];
    readonly out: string;
    readonly formats: readonly string[];
    /** Language of the documents. */
    readonly lang: Locale;
    /** Language of the messages on the terminal. */
    readonly messages: Locale;
    readonly strict: boolean;
    readonly pdf: boolean;
    /** Where to look for Chromium (tests replace it); default `findChromium()`. */
    readonly findChromium?: () => ChromiumSearch;
}

export interface Output {
    out(text: string): void;
    err(text: string): void;
}

/** Loads the workspace, says what is wrong with it, writes the documents; exit 0, or 1 under --strict with errors. */
export async function exportHandin(options: HandinExportOptions, output: Output): Promise<number> {
    const zh = options.messages === 'zh';
    const chromium = options.pdf ? (options.findChromium ?? findChromium)() : undefined;
    if (chromium && !chromium.executable) {
        throw new UsageError(chromium.badOverride
            ? (zh ? `SUNLIGHT_CHROMIUM 指向的 ${chromium.badOverride} 不是可执行文件,无法生成 PDF` : `SUNLIGHT_CHROMIUM is set to ${chromium.badOverride}, which is not an executable: cannot print the PDF`)
            : (zh ? '未找到 Chromium(chromium、chromium-browser、google-chrome),无法生成 PDF:请安装 Chromium 或设置 SUNLIGHT_CHROMIUM,或去掉 --pdf'
                : 'no Chromium found (chromium, chromium-browser, google-chrome): cannot print the PDF; install Chromium, set SUNLIGHT_CHROMIUM, or leave out --pdf'));
    }
    const display = (file: string) => {
        const rel = relative(file);
        return rel.startsWith('../') ? file : rel;
    };
    const folder = new OutputFolder(options.out, display);
    const out = folder.root;
    folder.check([]);

    // Missing paths are reported in the language of the messages; the documents' diagnostics in theirs.
    collectFiles(options.paths, zh);
    const workspace = await loadHandinWorkspace(options.paths, options.lang);
    const all = [...workspace.departments.flatMap(d => d.diagnostics.map(x => ({ ...x, file: d.file }))), ...workspace.otherDiagnostics];
    const errors = all.filter(d => d.severity === 'error');
    const warnings = all.filter(d => d.severity === 'warning').length;
    if (errors.length > 0) {
        output.err(zh
            ? `sunlight: 文件中有 ${errors.length} 个错误${options.strict ? '' : ',导出的材料如实标出这些错误,改正前不应正式报送'}:\n`
            : `sunlight: the files have ${errors.length} error${errors.length === 1 ? '' : 's'}${options.strict ? '' : '; the documents show them as they are and should not be handed in before they are fixed'}:\n`);
        for (const d of errors.slice(0, 20)) output.err(`  ${d.file}:${d.line}:${d.column} ${d.code} ${d.message}\n`);
        if (errors.length > 20) output.err(zh ? `  ……另有 ${errors.length - 20} 个(见 sunlight check)\n` : `  … and ${errors.length - 20} more (see sunlight check)\n`);
        if (options.strict) {
            output.err(zh ? 'sunlight: --strict:未导出任何文件\n' : 'sunlight: --strict: nothing exported\n');
            return 1;
        }
    }
    if (workspace.departments.length === 0) {
        output.err(zh ? 'sunlight: 这些文件中没有部门(department),导出的材料是空的\n' : 'sunlight: the files declare no department; the documents are empty\n');
    }

    const files = await documents(options, workspace);
    const html = chromium?.executable ? files.find(f => f.path === PRINTED[options.kind]) : undefined;
    // Every link or obstacle is refused before the first file is written.
    folder.check([...files.map(file => file.path), ...(html ? [PDF[options.kind]] : [])]);
    const written = files.map(file => folder.write(file.path, file.content));

    const pdfs: string[] = [];
    if (html && chromium?.executable) {
        const source = written[files.indexOf(html)];
        pdfs.push(await folder.produce(PDF[options.kind], async temporary => {
            try {
                await printToPdf(chromium.executable!, source, temporary);
            } catch (error) {
                throw new UsageError(zh ? `Chromium 未能生成 PDF:${errorMessage(error)}` : `Chromium could not print the PDF: ${errorMessage(error)}`);
            }
        }));
    }

    const shown = [...written.filter(f => isMain(options.kind, path.relative(out, f))), ...pdfs];
    output.out(zh
        ? `已导出 ${written.length + pdfs.length} 个文件到 ${display(out)}/${errors.length > 0 ? `(含 ${errors.length} 个错误${warnings ? `、${warnings} 个警告` : ''})` : ''}\n`
        : `exported ${written.length + pdfs.length} file${written.length + pdfs.length === 1 ? '' : 's'} to ${display(out)}/${errors.length > 0 ? ` (with ${errors.length} error${errors.length === 1 ? '' : 's'}${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''})` : ''}\n`);
    for (const file of shown) output.out(`  ${display(file)}\n`);
    return 0;
}

const PRINTED: Record<HandinKind, string> = { catalog: 'catalog.html', registers: 'registers.html', report: 'print.html' };
const PDF: Record<HandinKind, string> = { catalog: 'catalog.pdf', registers: 'registers.pdf', report: 'report.pdf' };

/** The files worth naming on the terminal (not every department page). */
function isMain(kind: HandinKind, file: string): boolean {
    return kind === 'report' ? file === 'index.html' : !file.includes(path.sep);
}

interface OutputFile { readonly path: string; readonly content: string | Buffer }

/** Every file of the export, relative to --out. */
export async function documents(options: Pick<HandinExportOptions, 'kind' | 'formats' | 'lang' | 'pdf'>, workspace: HandinWorkspace, today?: string): Promise<OutputFile[]> {
    const { lang } = options;
    const files: OutputFile[] = [];
    if (options.kind === 'catalog') {
        const catalog = buildCatalog(workspace);
        const names = uniqueFileNames(catalog.departments.map(d => d.name));
        const formats = options.pdf && !options.formats.includes('html') ? [...options.formats, 'html'] : options.formats;
        for (const format of formats) {
            const whole = format === 'xlsx' ? await catalogXlsx(catalog, lang)
                : format === 'csv' ? catalogCsv(catalogTable(catalog, lang))
                : format === 'md' ? catalogMarkdown(catalog, lang)
                : catalogHtml(catalog, lang);
            files.push({ path: `catalog.${format}`, content: whole });
            for (const [i, department] of catalog.departments.entries()) {
                const content = format === 'xlsx' ? await catalogXlsx(catalog, lang, department)
                    : format === 'csv' ? catalogCsv(catalogTable(catalog, lang, department))
                    : format === 'md' ? catalogMarkdown(catalog, lang, department)
                    : catalogHtml(catalog, lang, department);
                files.push({ path: `catalog/${names[i]}.${format}`, content });
            }
        }
    } else if (options.kind === 'registers') {
        const registers = buildRegisters(workspace);
        const names = uniqueFileNames(registers.map(d => d.name));
        const formats = options.pdf && !options.formats.includes('html') ? [...options.formats, 'html'] : options.formats;
        for (const format of formats) {
            if (format === 'html') {
                files.push({ path: 'registers.html', content: registersHtml(registers, lang) });
                registers.forEach((d, i) => files.push({ path: `registers/${names[i]}.html`, content: registersHtml([d], lang) }));
            } else {
                for (const [i, d] of registers.entries()) files.push({ path: `registers/${names[i]}.xlsx`, content: await registersXlsx(d, lang) });
            }
        }
    } else {
        const report = buildReport(workspace, { today: today ?? reportDay() });
        files.push(...await buildReportSite(report, workspace, { locale: lang, flowcharts: renderFlowchart }));
    }
    return files;
}

/** The day of the report: SOURCE_DATE_EPOCH (reproducible builds) or today, local time. */
function reportDay(): string {
    const epoch = process.env.SOURCE_DATE_EPOCH;
    const date = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    return epoch ? date.toISOString().slice(0, 10) : `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const SEVERITY: Record<number, HandinSeverity> = {
    [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'info', [DiagnosticSeverity.Hint]: 'hint'
};

/** The workspace as `sunlight check` sees it (same loader, same sunlight.json), as hand-in input. */
export async function loadHandinWorkspace(paths: readonly string[], locale: Locale): Promise<HandinWorkspace> {
    const loaded = await loadWorkspace(paths, { locale });
    const sources: HandinSource[] = loaded.documents.map((document, i) => ({
        file: relative(loaded.files[i]),
        model: document.parseResult.value,
        diagnostics: (document.diagnostics ?? []).map((d): HandinDiagnostic => ({
            line: d.range.start.line + 1,
            column: d.range.start.character + 1,
            severity: SEVERITY[d.severity ?? DiagnosticSeverity.Error],
            code: String(d.code ?? 'syntax-error'),
            message: String(d.message)
        }))
    }));
    const { config } = loaded;
    const configProblems = config.problems.map(problem => {
        const start = positionAt(config.text, problem.offset);
        return {
            file: relative(config.path!), line: start.line + 1, column: start.character + 1, severity: 'error' as const, code: 'invalid-config',
            message: formatMessage(locale, 'invalid-config', { detail: problem.detail, detailZh: problem.detailZh })
        };
    });
    return collectWorkspace(sources, configProblems);
}

function errorMessage(error: unknown): string {
    return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}
