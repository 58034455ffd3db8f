import { EmptyFileSystem, URI } from 'langium';
import type { Model } from '../language/generated/ast.js';
import { createSunlightServices } from '../language/sunlight-module.js';
import { snapshotCatalog, type CatalogSnapshot } from './catalog-snapshot.js';

/** One file of a version: its path relative to the version's root, and its text. */
export interface VersionFile {
    readonly file: string;
    readonly text: string;
}

export interface LoadedVersion {
    readonly snapshot: CatalogSnapshot;
    /** Files that do not parse cleanly: the diff covers what their parser recovered. */
    readonly filesWithSyntaxErrors: readonly string[];
}

/**
 * Parses and links one version of the files (no validation: the diff needs
 * what the files say, not what is wrong with them) in a workspace of its own,
 * from texts in memory: a git revision is never checked out.
 */
export async function loadVersion(files: readonly VersionFile[]): Promise<LoadedVersion> {
    const services = createSunlightServices(EmptyFileSystem);
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const documents = files.map(({ file, text }) => factory.fromString<Model>(text, URI.file(`/version/${file}`)));
    for (const document of documents) services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: false });
    const filesWithSyntaxErrors = files.filter((_, i) => {
        const result = documents[i].parseResult;
        return result.lexerErrors.length + result.parserErrors.length > 0;
    }).map(f => f.file);
    return {
        snapshot: snapshotCatalog(documents.map((document, i) => ({ file: files[i].file, model: document.parseResult.value }))),
        filesWithSyntaxErrors
    };
}
