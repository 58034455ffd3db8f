import { inject, type LangiumProfiler, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule,
    type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices, type PartialLangiumSharedServices
} from 'langium/lsp';
import { SunlightLinker, SunlightReferenceDescriptionProvider } from './batched-walks.js';
import { SunlightSettings } from './config.js';
import { SunlightDocumentBuilder } from './document-builder.js';
import { SunlightDocumentValidator } from './document-validator.js';
import { SunlightGeneratedModule, SunlightGeneratedSharedModule } from './generated/module.js';
import { SunlightCodeActionProvider } from './lsp/code-actions.js';
import { SunlightCodeLensProvider } from './lsp/code-lens.js';
import { SunlightCompletionProvider } from './lsp/completion-provider.js';
import { SunlightDefinitionProvider } from './lsp/definition-provider.js';
import { SunlightDocumentSymbolProvider } from './lsp/document-symbols.js';
import { SunlightFormatter } from './lsp/formatter.js';
import { SunlightFuzzyMatcher } from './lsp/fuzzy-matcher.js';
import { SunlightHoverProvider } from './lsp/hover-provider.js';
import { SunlightInlayHintProvider } from './lsp/inlay-hints.js';
import { SunlightNodeKindProvider } from './lsp/node-kinds.js';
import { SunlightRenameProvider } from './lsp/rename-provider.js';
import { SunlightSemanticTokenProvider } from './lsp/semantic-tokens.js';
import { SunlightReferences } from './lsp/references.js';
import { createSunlightParser } from './parser.js';
import { SunlightScopeComputation } from './scope-computation.js';
import { SunlightScopeProvider } from './scope-provider.js';
import { SunlightTokenBuilder } from './token-builder.js';
import { registerValidationChecks } from './validation/sunlight-validator.js';

/**
 * The one place where Sunlight's services are wired. The language server, the
 * CLI and the tests all call `createSunlightServices`.
 */
export interface SunlightAddedServices {
    config: {
        /** Locale and `sunlight.json` in force for this workspace. */
        Settings: SunlightSettings;
        /** Base URI of docs/rules/ (ends with `/`), for each diagnostic's codeDescription. */
        RuleDocsBase: string | undefined;
    };
}

export type SunlightServices = LangiumServices & SunlightAddedServices;

export interface SunlightModuleOptions {
    ruleDocsBase?: string;
    /** Langium's profiler, for `npm run bench` (docs/performance.md). */
    profiler?: LangiumProfiler;
}

export function createSunlightModule(options: SunlightModuleOptions = {}): Module<SunlightServices, PartialLangiumServices & SunlightAddedServices> {
    return {
        config: {
            Settings: () => new SunlightSettings(),
            RuleDocsBase: () => options.ruleDocsBase
        },
        parser: {
            TokenBuilder: () => new SunlightTokenBuilder(),
            // The grammar is LL(2) (each alternative starts with its own keyword), so
            // chevrotain's LL(k) lookahead does the job of Langium's default ALL(*)
            // faster (measured in docs/performance.md).
            ParserConfig: () => ({ maxLookahead: 3 }),
            LangiumParser: services => createSunlightParser(services)
        },
        references: {
            ScopeComputation: services => new SunlightScopeComputation(services),
            ScopeProvider: services => new SunlightScopeProvider(services),
            Linker: services => new SunlightLinker(services),
            References: services => new SunlightReferences(services)
        },
        validation: {
            DocumentValidator: services => new SunlightDocumentValidator(services)
        },
        workspace: {
            ReferenceDescriptionProvider: services => new SunlightReferenceDescriptionProvider(services)
        },
        // Folding, find references, document highlights and workspace symbols are
        // Langium's own; they understand qualified names through SunlightReferences.
        lsp: {
            CompletionProvider: services => new SunlightCompletionProvider(services),
            HoverProvider: services => new SunlightHoverProvider(services),
            DefinitionProvider: services => new SunlightDefinitionProvider(services),
            RenameProvider: services => new SunlightRenameProvider(services),
            DocumentSymbolProvider: services => new SunlightDocumentSymbolProvider(services),
            Formatter: services => new SunlightFormatter(services),
            CodeActionProvider: services => new SunlightCodeActionProvider(services),
            InlayHintProvider: services => new SunlightInlayHintProvider(services),
            CodeLensProvider: services => new SunlightCodeLensProvider(services),
            SemanticTokenProvider: services => new SunlightSemanticTokenProvider(services)
        }
    };
}

/**
 * Shared services: the document builder that revalidates files declaring a
 * changed workspace-level name; symbol kinds by Sunlight's AST types; fuzzy
 * matching that finds Chinese and qualified names from any character.
 */
export const SunlightSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        DocumentBuilder: services => new SunlightDocumentBuilder(services)
    },
    lsp: {
        NodeKindProvider: () => new SunlightNodeKindProvider(),
        FuzzyMatcher: () => new SunlightFuzzyMatcher()
    }
};

export function createSunlightServices(context: DefaultSharedModuleContext, options: SunlightModuleOptions = {}): {
    shared: LangiumSharedServices;
    Sunlight: SunlightServices;
} {
    const shared = inject(createDefaultSharedModule(context), SunlightGeneratedSharedModule, SunlightSharedModule,
        { profilers: { LangiumProfiler: () => options.profiler } });
    const Sunlight = inject(createDefaultModule({ shared }), SunlightGeneratedModule, createSunlightModule(options));
    shared.ServiceRegistry.register(Sunlight);
    registerValidationChecks(Sunlight);
    if (!context.connection) {
        // No language client to ask for configuration: mark it as ready (as Langium's examples do).
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Sunlight };
}
