import type { AstNode, Properties, ValidationAcceptor } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import type { SunlightSettings } from '../config.js';
import { formatMessage, type MessageArgs } from '../messages.js';
import { RULES, type RuleCode, type Severity } from '../rules.js';

/**
 * The one way validators report: a rule code, the node (and property) it is
 * about, and the message's arguments. The message is rendered in the locale in
 * force; `sunlight.json` severities and suppressions are applied afterwards by
 * SunlightDocumentValidator.
 */
export type Report = <N extends AstNode>(code: RuleCode, node: N, args?: MessageArgs, where?: {
    property?: Properties<N>;
    index?: number;
    keyword?: string;
    range?: Range;
    severity?: Severity;
}) => void;

export function reporter(settings: SunlightSettings, accept: ValidationAcceptor): Report {
    return (code, node, args = {}, where = {}) => {
        const severity = where.severity ?? RULES[code].severity;
        accept(severity === 'info' ? 'info' : severity, formatMessage(settings.locale, code, args), {
            node,
            property: where.property,
            index: where.index,
            keyword: where.keyword,
            range: where.range,
            code
        } as Parameters<ValidationAcceptor>[2]);
    };
}
