import type { Module } from 'langium';
import type { LangiumSharedServices, PartialLangiumSharedServices } from 'langium/lsp';
import type { SunlightServices } from '../sunlight-module.js';
import { SunlightCodeActionProvider } from './code-actions.js';
import { SunlightCodeLensProvider } from './code-lens.js';
import { SunlightCompletionProvider } from './completion-provider.js';
import { SunlightDefinitionProvider } from './definition-provider.js';
import { SunlightDocumentSymbolProvider } from './document-symbols.js';
import { SunlightFormatter } from './formatter.js';
import { SunlightFuzzyMatcher } from './fuzzy-matcher.js';
import { SunlightHoverProvider } from './hover-provider.js';
import { SunlightInlayHintProvider } from './inlay-hints.js';
import { SunlightNodeKindProvider } from './node-kinds.js';
import { SunlightRenameProvider } from './rename-provider.js';
import { SunlightSemanticTokenProvider } from './semantic-tokens.js';

/**
 * Sunlight's language-server features (wired in sunlight-module.ts). Folding,
 * find references, document highlights and workspace symbols are Langium's
 * own; they understand qualified names through SunlightReferences.
 */
export const SunlightLspModule = {
    CompletionProvider: (services: SunlightServices) => new SunlightCompletionProvider(services),
    HoverProvider: (services: SunlightServices) => new SunlightHoverProvider(services),
    DefinitionProvider: (services: SunlightServices) => new SunlightDefinitionProvider(services),
    RenameProvider: (services: SunlightServices) => new SunlightRenameProvider(services),
    DocumentSymbolProvider: (services: SunlightServices) => new SunlightDocumentSymbolProvider(services),
    Formatter: (services: SunlightServices) => new SunlightFormatter(services),
    CodeActionProvider: (services: SunlightServices) => new SunlightCodeActionProvider(services),
    InlayHintProvider: (services: SunlightServices) => new SunlightInlayHintProvider(services),
    CodeLensProvider: (services: SunlightServices) => new SunlightCodeLensProvider(services),
    SemanticTokenProvider: (services: SunlightServices) => new SunlightSemanticTokenProvider(services)
};

/** Shared LSP services: symbol and completion kinds by Sunlight's AST types; fuzzy matching for Chinese and qualified names. */
export const SunlightSharedLspModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    lsp: {
        NodeKindProvider: () => new SunlightNodeKindProvider(),
        FuzzyMatcher: () => new SunlightFuzzyMatcher()
    }
};
