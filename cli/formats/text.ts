import type { Formatter } from './types.js';
import { visible } from './visible.js';

const COLORS = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[2m', dim: '\x1b[2m', bold: '\x1b[1m', reset: '\x1b[0m' };

/** `file:line:col severity code message`, one per line, then a summary line. */
export const formatText: Formatter = (report, options) => {
    const paint = (color: keyof typeof COLORS, text: string) => options.color ? `${COLORS[color]}${text}${COLORS.reset}` : text;
    const zh = report.locale === 'zh';
    // One line per diagnostic: some parser messages span several lines
    // ("one of these possible Token sequences:\n  1. ..."), so line breaks become
    // spaces; control characters from the files are shown as escapes (visible.ts).
    const lines = report.diagnostics.map(d =>
        `${paint('bold', `${visible(d.file)}:${d.line}:${d.column}`)} ${paint(d.severity, d.severity)} ${paint('dim', visible(d.code))} ${visible(d.message, { lineBreaks: 'space' })}`);
    const { files, errors, warnings, infos, hints } = report.summary;
    const summary = zh
        ? `检查了 ${files} 个文件:${errors} 个错误,${warnings} 个警告,${infos} 个提示${hints ? `,${hints} 个建议` : ''}。`
        : `${files} file${files === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info${infos === 1 ? '' : 's'}${hints ? `, ${hints} hint${hints === 1 ? '' : 's'}` : ''}.`;
    const tooMany = report.maxWarnings !== undefined && warnings > report.maxWarnings
        ? [zh ? `警告数超过 --max-warnings ${report.maxWarnings}。` : `More warnings than --max-warnings ${report.maxWarnings}.`]
        : [];
    const status = paint(report.failed ? 'error' : errors + warnings + infos + hints === 0 ? 'bold' : 'warning', summary);
    return [...lines, ...(lines.length ? [''] : []), status, ...tooMany].join('\n') + '\n';
};
