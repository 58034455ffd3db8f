import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { formatMessage, type Locale } from '../language/messages.js';
import { positionAt } from '../language/node/config-file.js';
import type { Severity } from '../language/rules.js';
import { FORMATTERS } from './formats/index.js';
import type { CheckReport, ReportDiagnostic } from './formats/types.js';
import { UsageError } from './errors.js';
import { loadWorkspace, relative } from './workspace.js';

export interface CheckOptions {
    readonly paths: readonly string[];
    readonly format: string;
    readonly maxWarnings?: number;
    readonly locale: Locale;
    readonly color: boolean;
    readonly ruleDocsBase?: string;
}

const SEVERITY: Record<number, Severity> = {
    [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'info', [DiagnosticSeverity.Hint]: 'hint'
};

/** Builds the workspace and collects its diagnostics into a report. */
export async function checkWorkspace(options: Omit<CheckOptions, 'format' | 'color'>): Promise<CheckReport> {
    const workspace = await loadWorkspace(options.paths, { locale: options.locale, ruleDocsBase: options.ruleDocsBase });
    const diagnostics: ReportDiagnostic[] = [];
    workspace.documents.forEach((document, i) => {
        const file = relative(workspace.files[i]);
        for (const d of document.diagnostics ?? []) {
            diagnostics.push({
                file,
                line: d.range.start.line + 1, column: d.range.start.character + 1,
                endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1,
                severity: SEVERITY[d.severity ?? DiagnosticSeverity.Error],
                code: String(d.code ?? 'syntax-error'),
                message: String(d.message)
            });
        }
    });
    const { config } = workspace;
    // `invalid-config` obeys sunlight.json too (when the file is readable enough to say so).
    const configSeverity = workspace.services.Sunlight.config.Settings.severityOf('invalid-config', 'error');
    for (const problem of configSeverity === 'off' ? [] : config.problems) {
        const start = positionAt(config.text, problem.offset);
        diagnostics.push({
            file: relative(config.path!), line: start.line + 1, column: start.character + 1, endLine: start.line + 1, endColumn: start.character + 2,
            severity: configSeverity === 'off' ? 'error' : configSeverity, code: 'invalid-config',
            message: formatMessage(options.locale, 'invalid-config', { detail: problem.detail, detailZh: problem.detailZh })
        });
    }
    diagnostics.sort((a, b) => a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
    const count = (severity: Severity) => diagnostics.filter(d => d.severity === severity).length;
    const summary = { files: workspace.files.length, errors: count('error'), warnings: count('warning'), infos: count('info'), hints: count('hint') };
    const failed = summary.errors > 0 || (options.maxWarnings !== undefined && summary.warnings > options.maxWarnings);
    return { files: workspace.files.map(relative), diagnostics, summary, locale: options.locale, failed, maxWarnings: options.maxWarnings };
}

/** `sunlight check`: prints the report in the chosen format; exit 0 clean, 1 failed. */
export async function runCheck(options: CheckOptions, write: (text: string) => void): Promise<number> {
    const formatter = FORMATTERS[options.format];
    if (!formatter) {
        throw new UsageError(`unknown --format '${options.format}' (expected ${Object.keys(FORMATTERS).join(', ')})`,
            `未知的输出格式 --format '${options.format}'(可选:${Object.keys(FORMATTERS).join('、')})`);
    }
    const report = await checkWorkspace(options);
    write(formatter(report, { color: options.color, ruleDocsBase: options.ruleDocsBase }));
    return report.failed ? 1 : 0;
}
