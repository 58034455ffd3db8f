import type { Formatter } from './types.js';

/** The spec's JSON shape: files, diagnostics, summary. */
export const formatJson: Formatter = report => JSON.stringify({
    files: report.files,
    diagnostics: report.diagnostics,
    summary: report.summary
}, undefined, 2) + '\n';
