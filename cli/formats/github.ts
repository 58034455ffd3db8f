import type { Formatter } from './types.js';
import { visible } from './visible.js';

/** GitHub Actions workflow commands: `::error file=…,line=…::message`. */
export const formatGithub: Formatter = report => report.diagnostics.map(d => {
    const command = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
    const properties = [
        `file=${escapeProperty(d.file)}`, `line=${d.line}`, `endLine=${d.endLine}`,
        `col=${d.column}`, `endColumn=${d.endColumn}`, `title=${escapeProperty(d.code)}`
    ].join(',');
    return `::${command} ${properties}::${escapeData(d.message)}\n`;
}).join('');

// https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts
// Line breaks are the workflow command's own escapes; every other control
// character is shown as a `\u001b`-style escape (the log is read on a terminal too).
function escapeData(value: string): string {
    return visible(value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}
function escapeProperty(value: string): string {
    return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
