import { AstUtils, DefaultDocumentValidator, DocumentValidator, interruptAndCheck, type AstNode, type AstReflection, type LangiumDocument, type ValidationAcceptor, type ValidationOptions } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { SunlightSettings } from './config.js';
import { REFERENCE_KINDS, formatMessage, syntaxErrorDetail } from './messages.js';
import { RULES, isRuleCode, type RuleCode, type Severity } from './rules.js';
import { findSuppressions } from './suppressions.js';
import type { SunlightServices } from './sunlight-module.js';

/**
 * Langium's document validator, with Sunlight's finishing pass: lexer and
 * parser errors become `syntax-error`, linking errors `unresolved-reference`
 * (both in the user's language); then `sunlight.json` severities and
 * `// sunlight-ignore CODE: reason` suppressions are applied, and every
 * diagnostic gets a link to its rule's page.
 */
export class SunlightDocumentValidator extends DefaultDocumentValidator {
    private readonly settings: SunlightSettings;
    private readonly docsBase: () => string | undefined;
    private readonly reflection: AstReflection;

    constructor(services: SunlightServices) {
        super(services);
        this.settings = services.config.Settings;
        this.docsBase = () => services.config.RuleDocsBase;
        this.reflection = services.shared.AstReflection;
    }

    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        return this.finish(document, diagnostics.map(diagnostic => this.withCode(diagnostic)));
    }

    /** Langium's walk, checking for cancellation every 256 nodes instead of at each (see batched-walks.ts). */
    protected override async validateAstNodes(rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken?: CancellationToken): Promise<void> {
        if (this.profiler?.isActive('validating') || !cancelToken) return super.validateAstNodes(rootNode, options, acceptor, cancelToken);
        const nodes = AstUtils.streamAst(rootNode).iterator();
        let count = 0;
        for (const node of nodes) {
            if (++count % 256 === 0) await interruptAndCheck(cancelToken);
            const nodeOptions = this.validateSingleNodeOptions(node, options);
            if (nodeOptions.validateNode) {
                for (const check of this.validationRegistry.getChecks(node.$type, options.categories)) await check(node, acceptor, cancelToken);
            }
            if (!nodeOptions.validateChildren) nodes.prune();
        }
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[]): void {
        for (const reference of document.references) {
            const error = reference.error;
            if (!error) continue;
            const type = this.reflection.getReferenceType(error.info);
            const kind = REFERENCE_KINDS[type] ?? { en: type, zh: type };
            const message = formatMessage(this.settings.locale, 'unresolved-reference', {
                kind: kind[this.settings.locale], name: error.info.reference.$refText
            });
            diagnostics.push(this.toDiagnostic('error', message, {
                node: error.info.container,
                range: reference.$refNode?.range,
                property: error.info.property,
                index: error.info.index,
                code: 'unresolved-reference',
                data: { code: DocumentValidator.LinkingError, refText: error.info.reference.$refText }
            }));
        }
    }

    private withCode(diagnostic: Diagnostic): Diagnostic {
        const builtIn = (diagnostic.data as { code?: string } | undefined)?.code;
        if (builtIn === DocumentValidator.LexingError || builtIn === DocumentValidator.ParsingError) {
            return {
                ...diagnostic,
                code: 'syntax-error',
                message: formatMessage(this.settings.locale, 'syntax-error', { detail: syntaxErrorDetail(this.settings.locale, String(diagnostic.message)) })
            };
        }
        return diagnostic;
    }

    /** Applies severities from `sunlight.json`, suppressions, and documentation links. */
    private finish(document: LangiumDocument, diagnostics: Diagnostic[]): Diagnostic[] {
        const result: Diagnostic[] = [];
        const suppressions = findSuppressions(document.textDocument.getText());
        const used = new Set<number>();
        for (const diagnostic of diagnostics) {
            const code = diagnostic.code;
            if (!isRuleCode(code)) {
                result.push(diagnostic);
                continue;
            }
            const setting = this.settings.severityOf(code, fromLsp(diagnostic.severity));
            if (setting === 'off') continue;
            const suppression = suppressions.findIndex(s => s.codes.includes(code) && s.reason && s.line + 1 === diagnostic.range.start.line);
            if (suppression >= 0) {
                used.add(suppression);
                continue;
            }
            result.push(this.decorate({ ...diagnostic, severity: toLsp(setting) }, code));
        }
        suppressions.forEach((suppression, index) => {
            const range = { start: { line: suppression.line, character: suppression.column }, end: { line: suppression.line, character: suppression.endColumn } };
            const report = (code: RuleCode, args: Record<string, string>) => {
                const setting = this.settings.severityOf(code, RULES[code].severity);
                if (setting === 'off') return;
                result.push(this.decorate({ range, severity: toLsp(setting), message: formatMessage(this.settings.locale, code, args), source: this.getSource() }, code));
            };
            const unknown = suppression.codes.find(code => !isRuleCode(code));
            if (suppression.codes.length === 0) {
                report('invalid-suppression', { code: '', reason: 'missing-code' });
            } else if (unknown !== undefined) {
                report('invalid-suppression', { code: unknown, reason: 'unknown-code' });
            } else if (!suppression.reason) {
                report('invalid-suppression', { code: suppression.codes.join(', ') || 'CODE', reason: 'missing-reason' });
            } else if (!used.has(index)) {
                report('unused-suppression', { code: suppression.codes.join(', ') });
            }
        });
        return result;
    }

    private decorate(diagnostic: Diagnostic, code: RuleCode): Diagnostic {
        const base = this.docsBase();
        return {
            ...diagnostic,
            code,
            source: diagnostic.source ?? this.getSource(),
            ...(base ? { codeDescription: { href: `${base}${code}.md` } } : {})
        };
    }
}

function fromLsp(severity: DiagnosticSeverity | undefined): Severity {
    switch (severity) {
        case DiagnosticSeverity.Warning: return 'warning';
        case DiagnosticSeverity.Information: return 'info';
        case DiagnosticSeverity.Hint: return 'hint';
        default: return 'error';
    }
}

function toLsp(severity: Severity): DiagnosticSeverity {
    switch (severity) {
        case 'warning': return DiagnosticSeverity.Warning;
        case 'info': return DiagnosticSeverity.Information;
        case 'hint': return DiagnosticSeverity.Hint;
        default: return DiagnosticSeverity.Error;
    }
}
