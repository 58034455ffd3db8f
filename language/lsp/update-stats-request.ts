import type { LangiumSharedServices } from 'langium/lsp';
import { SunlightDocumentBuilder, type UpdateStats } from '../document-builder.js';

/**
 * `sunlight/updateStats`: what each rebuild since the last request did — how
 * many documents were relinked, revalidated or only repointed (see
 * SunlightDocumentBuilder). `npm run bench` reports it per keystroke; no
 * editor feature uses it.
 */
export const UPDATE_STATS_REQUEST = 'sunlight/updateStats';

export function registerUpdateStatsRequest(shared: LangiumSharedServices): void {
    const connection = shared.lsp.Connection;
    const builder = shared.workspace.DocumentBuilder;
    if (!connection || !(builder instanceof SunlightDocumentBuilder)) return;
    connection.onRequest(UPDATE_STATS_REQUEST, (): UpdateStats[] => builder.takeUpdateStats());
}
