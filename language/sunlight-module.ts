import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule,
    type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices, type PartialLangiumSharedServices
} from 'langium/lsp';
import { SunlightSettings } from './config.js';
import { SunlightDocumentBuilder } from './document-builder.js';
import { SunlightDocumentValidator } from './document-validator.js';
import { SunlightGeneratedModule, SunlightGeneratedSharedModule } from './generated/module.js';
import { SunlightLspModule, SunlightSharedLspModule } from './lsp/lsp-module.js';
import { SunlightReferences } from './lsp/references.js';
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
            ParserConfig: () => ({ maxLookahead: 3 })
        },
        references: {
            ScopeComputation: services => new SunlightScopeComputation(services),
            ScopeProvider: services => new SunlightScopeProvider(services),
            References: services => new SunlightReferences(services)
        },
        validation: {
            DocumentValidator: services => new SunlightDocumentValidator(services)
        },
        lsp: SunlightLspModule
    };
}

/** Shared services: the document builder that revalidates files declaring a changed workspace-level name. */
export const SunlightSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        DocumentBuilder: services => new SunlightDocumentBuilder(services)
    }
};

export function createSunlightServices(context: DefaultSharedModuleContext, options: SunlightModuleOptions = {}): {
    shared: LangiumSharedServices;
    Sunlight: SunlightServices;
} {
    const shared = inject(createDefaultSharedModule(context), SunlightGeneratedSharedModule, SunlightSharedLspModule, SunlightSharedModule);
    const Sunlight = inject(createDefaultModule({ shared }), SunlightGeneratedModule, createSunlightModule(options));
    shared.ServiceRegistry.register(Sunlight);
    registerValidationChecks(Sunlight);
    if (!context.connection) {
        // No language client to ask for configuration: mark it as ready (as Langium's examples do).
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Sunlight };
}
