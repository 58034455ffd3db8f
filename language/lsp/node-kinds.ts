import type { AstNode, AstNodeDescription } from 'langium';
import type { NodeKindProvider } from 'langium/lsp';
import { CompletionItemKind, SymbolKind } from 'vscode-languageserver';

const KINDS: Readonly<Record<string, { symbol: SymbolKind; completion: CompletionItemKind }>> = {
    Organization: { symbol: SymbolKind.Module, completion: CompletionItemKind.Module },
    Department: { symbol: SymbolKind.Namespace, completion: CompletionItemKind.Module },
    Leader: { symbol: SymbolKind.Constant, completion: CompletionItemKind.Constant },
    Group: { symbol: SymbolKind.Struct, completion: CompletionItemKind.Struct },
    Basis: { symbol: SymbolKind.Class, completion: CompletionItemKind.Class },
    Article: { symbol: SymbolKind.Field, completion: CompletionItemKind.Field },
    Post: { symbol: SymbolKind.Property, completion: CompletionItemKind.Property },
    Role: { symbol: SymbolKind.Interface, completion: CompletionItemKind.Interface },
    Staff: { symbol: SymbolKind.Variable, completion: CompletionItemKind.Variable },
    Power: { symbol: SymbolKind.Function, completion: CompletionItemKind.Function },
    Flow: { symbol: SymbolKind.Event, completion: CompletionItemKind.Event },
    Step: { symbol: SymbolKind.Method, completion: CompletionItemKind.Method },
    Decision: { symbol: SymbolKind.Operator, completion: CompletionItemKind.Operator },
    Risk: { symbol: SymbolKind.Key, completion: CompletionItemKind.Reference },
    Register: { symbol: SymbolKind.File, completion: CompletionItemKind.File }
};

/** Symbol and completion kinds by Sunlight's AST types (outline, workspace symbols, completion icons). */
export class SunlightNodeKindProvider implements NodeKindProvider {
    getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return KINDS[typeOf(node)]?.symbol ?? SymbolKind.Field;
    }

    getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return KINDS[typeOf(node)]?.completion ?? CompletionItemKind.Reference;
    }
}

function typeOf(node: AstNode | AstNodeDescription): string {
    return '$type' in node ? node.$type : node.type;
}
