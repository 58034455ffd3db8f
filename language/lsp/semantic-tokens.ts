import { AstUtils, GrammarUtils, type AstNode, type Reference } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import { isArticle, isCampaign, isDuration, isRegister } from '../generated/ast.js';
import { nameSegments } from './references.js';

/** The token type of a declaration (and of the references to it), by AST type. */
export const DECLARATION_TOKEN_TYPES: Readonly<Record<string, string>> = {
    Organization: SemanticTokenTypes.namespace,
    Department: SemanticTokenTypes.namespace,
    Leader: SemanticTokenTypes.variable,
    Staff: SemanticTokenTypes.variable,
    Group: SemanticTokenTypes.struct,
    Post: SemanticTokenTypes.type,
    Role: SemanticTokenTypes.interface,
    Basis: SemanticTokenTypes.class,
    Article: SemanticTokenTypes.property,
    Power: SemanticTokenTypes.function,
    Step: SemanticTokenTypes.method,
    Decision: SemanticTokenTypes.method,
    Risk: SemanticTokenTypes.event
};

/** Properties whose value is one of a fixed set of words (grade, category, …). */
const ENUM_PROPERTIES = new Set(['kind', 'category', 'aspect', 'probability', 'harm', 'consequence', 'grade', 'final', 'method', 'unit']);

/**
 * Semantic tokens that tell apart declarations (`declaration` modifier),
 * references (the type of what they refer to; a qualifier is a `namespace`)
 * and enum values (`enumMember`); dates and amounts are numbers.
 */
export class SunlightSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const declared = DECLARATION_TOKEN_TYPES[node.$type];
        const named = node as AstNode & { name?: unknown };
        if (declared && typeof named.name === 'string' && GrammarUtils.findNodeForProperty(node.$cstNode, 'name')) {
            acceptor({ node, property: 'name' as never, type: declared, modifier: [SemanticTokenModifiers.declaration] });
        }
        for (const property of ENUM_PROPERTIES) {
            const value = (node as unknown as Record<string, unknown>)[property];
            if (typeof value === 'string' && GrammarUtils.findNodeForProperty(node.$cstNode, property)) {
                acceptor({ node, property: property as never, type: SemanticTokenTypes.enumMember });
            }
        }
        if (isDuration(node)) acceptor({ node, property: 'value', type: SemanticTokenTypes.number });
        if (isCampaign(node) && node.due) acceptor({ node, property: 'due', type: SemanticTokenTypes.number });
        if (isRegister(node)) {
            for (const property of ['signed', 'reviewed', 'approvedOn'] as const) {
                if (node[property]) acceptor({ node, property, type: SemanticTokenTypes.number });
            }
        }
        for (const info of AstUtils.streamReferences(node)) {
            const reference = info.reference as Reference;
            if (!reference.$refNode) continue;
            const segments = nameSegments(reference.$refNode);
            const target = reference.ref;
            const type = target ? DECLARATION_TOKEN_TYPES[target.$type] ?? SemanticTokenTypes.variable : SemanticTokenTypes.variable;
            // The qualifier of `会计法.第十条` is a basis; of `人事处.处长`, a department.
            const qualifier = isArticle(target) ? SemanticTokenTypes.class : SemanticTokenTypes.namespace;
            segments.forEach((segment, index) => {
                acceptor({ cst: segment, type: index < segments.length - 1 ? qualifier : type });
            });
        }
    }
}
