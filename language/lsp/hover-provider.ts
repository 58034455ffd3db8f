import { AstUtils, CstUtils, GrammarAST, GrammarUtils, type AstNode, type CstNode, type LangiumDocument, type LangiumDocuments } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import type { SunlightSettings } from '../config.js';
import { isFlow, isProposal } from '../generated/ast.js';
import type { SunlightServices } from '../sunlight-module.js';
import { describe, describeFlow } from './describe.js';
import { GRADES, TERM_HEADINGS, TERMS_BY_RULE, termMarkdown } from './terms.js';

/**
 * Hover, in the user's language (SunlightSettings.locale):
 * - on a name or a reference: what it is (a post's duty, a staff member's
 *   post, a basis's title and kind, an article's text, a step's responsible
 *   party and deadline…);
 * - on an enum value (grade, consequence, aspect, category, …): the notice's
 *   definition;
 * - on a flow's header: its steps and its longest path against its limit.
 */
export class SunlightHoverProvider extends AstNodeHoverProvider {
    private readonly settings: SunlightSettings;
    private readonly documents: LangiumDocuments;

    constructor(services: SunlightServices) {
        super(services);
        this.settings = services.config.Settings;
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        const root = document.parseResult?.value?.$cstNode;
        if (root) {
            const offset = document.textDocument.offsetAt(params.position);
            const leaf = CstUtils.findLeafNodeAtOffset(root, offset);
            if (leaf && !leaf.hidden && GrammarAST.isKeyword(leaf.grammarSource)) {
                const node = leaf.astNode;
                if (isFlow(node)) {
                    // The header `flow internal limit 5 workdays {`: the flow's summary.
                    const brace = GrammarUtils.findNodeForKeyword(node.$cstNode, '{');
                    if (!brace || leaf.offset <= brace.offset) {
                        return { contents: { kind: 'markdown', value: describeFlow(node, this.settings.locale) }, range: leaf.range };
                    }
                }
                const value = this.valueHover(node, leaf.grammarSource, leaf);
                if (value) return { contents: { kind: 'markdown', value }, range: leaf.range };
            }
        }
        return super.getHoverContent(document, params);
    }

    protected override getAstNodeHoverContent(node: AstNode): string | undefined {
        return describe(node, this.settings.locale, this.documents);
    }

    /** The definition of an enum value under the cursor (`grade high`, `category finance`, …). */
    private valueHover(node: AstNode, keyword: GrammarAST.Keyword, leaf: CstNode): string | undefined {
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
        const table = rule ? TERMS_BY_RULE[rule.name] : undefined;
        const entry = table?.[keyword.value];
        if (!rule || !table || !entry) return undefined;
        const feature = GrammarUtils.findAssignment(leaf)?.feature;
        const property = isProposal(node) ? 'proposed' : feature === 'method' || feature === 'kind' || feature === 'unit' ? feature : feature ?? 'grade';
        const isGrade = rule.name === 'Level' && (property === 'grade' || property === 'final' || property === 'proposed');
        const heading = TERM_HEADINGS[property] ?? { en: rule.name, zh: rule.name };
        return termMarkdown(keyword.value, isGrade ? GRADES[keyword.value] : entry, this.settings.locale, heading);
    }
}
