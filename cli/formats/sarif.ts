import { VERSION } from '../version.js';
import { RULE_SUMMARIES } from '../../language/messages.js';
import { RULE_CODES, RULES, ruleDocPath } from '../../language/rules.js';
import type { Formatter } from './types.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

/** SARIF 2.1.0, as GitHub code scanning accepts it: one rule per code with its help text. */
export const formatSarif: Formatter = (report, options) => {
    const rules = RULE_CODES.map(code => ({
        id: code,
        name: code.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
        shortDescription: { text: RULE_SUMMARIES[code][report.locale] },
        fullDescription: { text: `${RULE_SUMMARIES[code].en} ${RULE_SUMMARIES[code].zh}` },
        help: {
            text: `${RULE_SUMMARIES[code][report.locale]} See ${ruleDocPath(code)}.`,
            markdown: `${RULE_SUMMARIES[code][report.locale]} See [${ruleDocPath(code)}](${options.ruleDocsBase ? `${options.ruleDocsBase}${code}.md` : ruleDocPath(code)}).`
        },
        ...(options.ruleDocsBase ? { helpUri: `${options.ruleDocsBase}${code}.md` } : {}),
        defaultConfiguration: { level: LEVEL[RULES[code].severity] },
        properties: { tags: ['sunlight'] }
    }));
    const index = new Map<string, number>(RULE_CODES.map((code, i) => [code, i]));
    const results = report.diagnostics.map(d => ({
        ruleId: d.code,
        ...(index.has(d.code) ? { ruleIndex: index.get(d.code) } : {}),
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [{
            physicalLocation: {
                artifactLocation: { uri: fileUri(d.file), uriBaseId: '%SRCROOT%' },
                region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn }
            }
        }]
    }));
    const sarif = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: { driver: { name: 'sunlight', semanticVersion: VERSION, rules } },
            artifacts: report.files.map(file => ({ location: { uri: fileUri(file), uriBaseId: '%SRCROOT%' } })),
            results,
            columnKind: 'utf16CodeUnits'
        }]
    };
    return JSON.stringify(sarif, undefined, 2) + '\n';
};

/**
 * A relative path as a URI reference: each segment percent-encoded, so that
 * `#`, `?` or `%` in a file name stay part of the path (encodeURI keeps `#` and `?`).
 */
function fileUri(file: string): string {
    return file.split('/').map(encodeURIComponent).join('/');
}
