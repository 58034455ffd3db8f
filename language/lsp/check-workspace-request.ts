import { URI, UriUtils, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { CHECK_WORKSPACE_REQUEST, type CheckWorkspaceResult } from './check-workspace-protocol.js';

/**
 * `sunlight/checkWorkspace`: the editor's *Sunlight: Check Workspace* command.
 * Re-reads the workspace folders (so `.sun` files created or deleted outside
 * the editor are picked up), rebuilds and revalidates every document, and
 * answers with the counts. The diagnostics themselves are published as usual.
 */
export function registerCheckWorkspaceRequest(services: { shared: LangiumSharedServices }): void {
    const connection = services.shared.lsp.Connection;
    if (!connection) return;
    connection.onRequest(CHECK_WORKSPACE_REQUEST, () => checkWorkspace(services.shared));
}

export async function checkWorkspace(shared: LangiumSharedServices): Promise<CheckWorkspaceResult> {
    const workspace = shared.workspace;
    await workspace.WorkspaceManager.ready;
    const folders = (workspace.WorkspaceManager.workspaceFolders ?? []).map(folder => URI.parse(folder.uri));
    const onDisk = new Set<string>();
    for (const folder of folders) {
        for (const uri of await workspace.WorkspaceManager.searchFolder(folder)) onDisk.add(uri.toString());
    }
    let added = 0;
    let removed = 0;
    await workspace.WorkspaceLock.write(async token => {
        const loaded = workspace.LangiumDocuments.all.map(document => document.uri).toArray();
        const loadedKeys = new Set(loaded.map(uri => uri.toString()));
        const open = (uri: URI) => workspace.TextDocuments?.get(uri.toString()) !== undefined;
        const inFolders = (uri: URI) => folders.some(folder => UriUtils.contains(folder, uri));
        const gone = loaded.filter(uri => !onDisk.has(uri.toString()) && !open(uri) && inFolders(uri));
        const fresh = [...onDisk].filter(key => !loadedKeys.has(key)).map(key => URI.parse(key));
        added = fresh.length;
        removed = gone.length;
        const goneKeys = new Set(gone.map(uri => uri.toString()));
        const changed = [...loaded.filter(uri => !goneKeys.has(uri.toString())), ...fresh];
        await workspace.DocumentBuilder.update(changed, gone, token);
    });
    return { ...count(workspace.LangiumDocuments.all.toArray()), added, removed };
}

function count(documents: LangiumDocument[]): Omit<CheckWorkspaceResult, 'added' | 'removed'> {
    const result = { files: documents.length, errors: 0, warnings: 0, infos: 0, hints: 0 };
    for (const document of documents) {
        for (const diagnostic of document.diagnostics ?? []) {
            switch (diagnostic.severity) {
                case DiagnosticSeverity.Warning: result.warnings++; break;
                case DiagnosticSeverity.Information: result.infos++; break;
                case DiagnosticSeverity.Hint: result.hints++; break;
                default: result.errors++;
            }
        }
    }
    return result;
}
