import type { Locale } from '../language/messages.js';
import type { Change } from './catalog-diff.js';
import {
    departmentHeading, departmentRisksHeading, describeChange, flowHeading, powerHeading, registersHeading,
    summaryLine, title, type Quote
} from './diff-words.js';

/**
 * `sunlight diff`'s output formats: text (a terminal), markdown (a
 * pull-request comment) and json. Text and markdown show the same outline —
 * department, then power, flow, risks and registers — built once here.
 */
export interface DiffReport {
    /** What the two versions are called (folders, or git revisions). */
    readonly old: string;
    readonly new: string;
    readonly changes: readonly Change[];
    readonly locale: Locale;
}

export type DiffFormatter = (report: DiffReport) => string;

interface Outline {
    readonly text: string;
    readonly children: Outline[];
}

function outline(report: DiffReport, quote: Quote): Outline[] {
    const { locale } = report;
    const departments = new Map<string, Change[]>();
    for (const change of report.changes) {
        const list = departments.get(change.department) ?? [];
        list.push(change);
        departments.set(change.department, list);
    }
    return [...departments].map(([department, changes]) => {
        const children: Outline[] = [];
        const leaf = (change: Change): Outline => ({ text: describeChange(locale, change, quote), children: [] });
        const group = (text: string): Outline => ({ text, children: [] });
        const powers = new Map<string, Outline>();
        const flows = new Map<string, Outline>();
        let departmentRisks: Outline | undefined;
        let registers: Outline | undefined;
        for (const change of changes) {
            if (change.register !== undefined) {
                if (!registers) children.push(registers = group(registersHeading(locale)));
                registers.children.push(leaf(change));
            } else if (change.power && (change.kind === 'power-added' || change.kind === 'power-removed')) {
                children.push(leaf(change));
            } else if (change.power) {
                let power = powers.get(change.power.key);
                if (!power) { power = group(powerHeading(locale, change.power, quote)); powers.set(change.power.key, power); children.push(power); }
                if (change.flow && change.kind !== 'flow-added' && change.kind !== 'flow-removed') {
                    const key = `${change.power.key}\u0000${change.flow.kind}#${change.flow.index}`;
                    let flow = flows.get(key);
                    if (!flow) { flow = group(flowHeading(locale, change.flow)); flows.set(key, flow); power.children.push(flow); }
                    flow.children.push(leaf(change));
                } else {
                    power.children.push(leaf(change));
                }
            } else if (change.risk !== undefined) {
                if (!departmentRisks) children.push(departmentRisks = group(departmentRisksHeading(locale)));
                departmentRisks.children.push(leaf(change));
            } else {
                children.push(leaf(change));
            }
        }
        return { text: departmentHeading(locale, department, quote), children };
    });
}

export const formatDiffText: DiffFormatter = report => {
    const lines: string[] = [];
    const walk = (nodes: readonly Outline[], depth: number) => {
        for (const node of nodes) {
            lines.push(`${'  '.repeat(depth)}${node.text}`);
            walk(node.children, depth + 1);
        }
    };
    const plain: Quote = text => oneLine(text);
    walk(outline(report, plain), 0);
    const summary = summaryLine(report.locale, report.changes.length, report.old, report.new, plain);
    return [...lines, ...(lines.length ? [''] : []), summary].join('\n') + '\n';
};

export const formatDiffMarkdown: DiffFormatter = report => {
    const quote: Quote = text => codeSpan(oneLine(text));
    const lines = [`### ${title(report.locale)}`, '', escapeMarkdown(summaryLine(report.locale, report.changes.length, report.old, report.new, text => text))];
    for (const department of outline(report, quote)) {
        lines.push('', `#### ${department.text}`, '');
        const walk = (nodes: readonly Outline[], depth: number) => {
            for (const node of nodes) {
                // `- + power …` would open a nested list: a leading + or - is text.
                lines.push(`${'  '.repeat(depth)}- ${node.text.replace(/^([+-]) /, '\\$1 ')}`);
                walk(node.children, depth + 1);
            }
        };
        walk(department.children, 0);
    }
    return lines.join('\n') + '\n';
};

export const formatDiffJson: DiffFormatter = report => JSON.stringify({
    old: report.old,
    new: report.new,
    changes: report.changes,
    summary: { changes: report.changes.length, byKind: countByKind(report.changes) }
}, undefined, 2) + '\n';

export const DIFF_FORMATTERS: Readonly<Record<string, DiffFormatter>> = {
    text: formatDiffText,
    markdown: formatDiffMarkdown,
    json: formatDiffJson
};

function countByKind(changes: readonly Change[]): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const change of changes) counts[change.kind] = (counts[change.kind] ?? 0) + 1;
    return counts;
}

/** Text from a file on one line: a change is one line, whatever the string held. */
function oneLine(text: string): string {
    return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

/** A code span that no backtick in the text can close (CommonMark: a longer fence, padded). */
function codeSpan(text: string): string {
    const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map(run => run.length));
    const fence = '`'.repeat(longest + 1);
    return longest > 0 || text.startsWith(' ') || text === '' ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}

/** Markdown's special characters and HTML, as text (for the summary, which names folders or revisions). */
function escapeMarkdown(text: string): string {
    return oneLine(text).replace(/[\\`*_{}[\]()#+!|<>~]/g, c => `\\${c}`).replace(/&/g, '&amp;');
}
