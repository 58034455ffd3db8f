import type { Locale } from '../../language/messages.js';
import type { Severity } from '../../language/rules.js';

/** One diagnostic as the CLI reports it: paths relative to the current folder, 1-based lines and columns (UTF-16). */
export interface ReportDiagnostic {
    readonly file: string;
    readonly line: number;
    readonly column: number;
    readonly endLine: number;
    readonly endColumn: number;
    readonly severity: Severity;
    readonly code: string;
    readonly message: string;
}

export interface ReportSummary {
    readonly files: number;
    readonly errors: number;
    readonly warnings: number;
    readonly infos: number;
    readonly hints: number;
}

/** The result of `sunlight check`, what every output format renders. */
export interface CheckReport {
    readonly files: readonly string[];
    readonly diagnostics: readonly ReportDiagnostic[];
    readonly summary: ReportSummary;
    readonly locale: Locale;
    /** Whether the exit status is a failure (errors, or more warnings than allowed). */
    readonly failed: boolean;
    readonly maxWarnings?: number;
}

export interface FormatOptions {
    /** Colour the text output (a terminal, and NO_COLOR unset). */
    readonly color: boolean;
    /** Base URI of the rule pages, for formats that link to them. */
    readonly ruleDocsBase?: string;
}

/** One output format: a pure function from the report to the text printed on stdout. */
export type Formatter = (report: CheckReport, options: FormatOptions) => string;
