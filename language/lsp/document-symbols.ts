import { GrammarUtils, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import { DefaultDocumentSymbolProvider } from 'langium/lsp';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { SunlightSettings } from '../config.js';
import { isFlow, isRegister } from '../generated/ast.js';
import type { SunlightServices } from '../sunlight-module.js';
import { describeBriefly } from './describe.js';
import { FLOW_KINDS } from './terms.js';

/**
 * The outline: department → posts, roles, staff, powers (→ flows → steps and
 * decisions, risks), risks, registers. Flows and registers have no name of
 * their own; they are labelled (`internal flow` / `内部流程图`,
 * `register 李强` / `李强 的排查登记表`, `department register` / `部门排查登记表`).
 */
export class SunlightDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    private readonly settings: SunlightSettings;

    constructor(services: SunlightServices) {
        super(services);
        this.settings = services.config.Settings;
    }

    protected override getSymbol(document: LangiumDocument, astNode: AstNode): DocumentSymbol[] {
        const zh = this.settings.locale === 'zh';
        if (isFlow(astNode) && astNode.$cstNode) {
            const kind = FLOW_KINDS[astNode.kind];
            const name = zh ? (kind?.zh ?? '流程图') : `${astNode.kind ?? ''} flow`.trim();
            return [this.labelled(document, astNode, astNode.$cstNode, GrammarUtils.findNodeForKeyword(astNode.$cstNode, 'flow'), name, SymbolKind.Event)];
        }
        if (isRegister(astNode) && astNode.$cstNode) {
            const name = astNode.department
                ? (zh ? '部门排查登记表' : 'department register')
                : (zh ? `${astNode.staff?.$refText ?? '?'} 的排查登记表` : `register ${astNode.staff?.$refText ?? '?'}`);
            return [this.labelled(document, astNode, astNode.$cstNode, GrammarUtils.findNodeForKeyword(astNode.$cstNode, 'register'), name, SymbolKind.File)];
        }
        return super.getSymbol(document, astNode);
    }

    protected override createSymbol(document: LangiumDocument, astNode: AstNode, cstNode: CstNode, nameNode: CstNode, computedName?: string): DocumentSymbol {
        const symbol = super.createSymbol(document, astNode, cstNode, nameNode, computedName);
        const detail = describeBriefly(astNode, this.settings.locale);
        return detail ? { ...symbol, detail } : symbol;
    }

    private labelled(document: LangiumDocument, astNode: AstNode, cstNode: CstNode, keyword: CstNode | undefined, name: string, kind: SymbolKind): DocumentSymbol {
        return {
            name,
            kind,
            range: cstNode.range,
            selectionRange: (keyword ?? cstNode).range,
            children: this.getChildSymbols(document, astNode)
        };
    }
}
