import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createSunlightServices } from '../language/sunlight-module.js';
import type { Model } from '../language/generated/ast.js';
import type { Locale } from '../language/messages.js';

/** Fresh services over an in-memory workspace. */
export function createTestServices(locale: Locale = 'en') {
    const services = createSunlightServices(EmptyFileSystem);
    services.Sunlight.config.Settings.locale = locale;
    return services;
}

let counter = 0;

/**
 * Builds the given files as one workspace (name → text) and returns the
 * documents with their diagnostics.
 */
export async function buildWorkspace(files: Record<string, string>, options: { locale?: Locale; services?: ReturnType<typeof createTestServices> } = {}) {
    const services = options.services ?? createTestServices(options.locale);
    const run = ++counter;
    const documents = Object.entries(files).map(([name, text]) =>
        services.shared.workspace.LangiumDocumentFactory.fromString<Model>(text, URI.file(`/ws${run}/${name}`)));
    for (const document of documents) services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const byName = Object.fromEntries(Object.keys(files).map((name, i) => [name, documents[i]])) as Record<string, LangiumDocument<Model>>;
    return { services, documents: byName, diagnostics: (name: string) => byName[name].diagnostics ?? [] };
}

export function codes(diagnostics: readonly Diagnostic[]): string[] {
    return diagnostics.map(d => String(d.code));
}
