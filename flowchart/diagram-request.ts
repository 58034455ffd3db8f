import { URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { isDepartment, type Model, type Power } from '../language/generated/ast.js';
import { buildDiagram, flowAt, powerAt, powerKey, summarisePower } from './diagram-model.js';
import { DIAGRAM_REQUEST, type DiagramParams, type DiagramResult } from './request.js';

/**
 * Answers `sunlight/diagram` (flowchart/request.ts) for the flowchart
 * preview. Waits for pending document updates (a normal-priority read of the
 * workspace lock), so the model reflects the text the editor just sent.
 */
export function registerDiagramRequest(services: { shared: LangiumSharedServices }): void {
    const connection = services.shared.lsp.Connection;
    if (!connection) return;
    connection.onRequest(DIAGRAM_REQUEST, (params: DiagramParams) => diagramFor(services.shared, params));
}

export async function diagramFor(shared: LangiumSharedServices, params: DiagramParams): Promise<DiagramResult> {
    await shared.workspace.WorkspaceManager.ready;
    const uri = URI.parse(params.uri);
    return shared.workspace.WorkspaceLock.read(() => {
        const document = shared.workspace.LangiumDocuments.getDocument(uri) as LangiumDocument<Model> | undefined;
        if (!document) return { uri: params.uri, powers: [], atPosition: false, stale: false };
        return diagramOfDocument(document, params);
    });
}

/** The answer for one parsed (and linked) document. */
export function diagramOfDocument(document: LangiumDocument<Model>, params: Omit<DiagramParams, 'uri'> & { uri?: string }): DiagramResult {
    const powers: Power[] = [];
    for (const element of document.parseResult.value?.elements ?? []) {
        if (isDepartment(element)) powers.push(...(element.powers ?? []).filter(power => power.name));
    }
    const { lexerErrors, parserErrors } = document.parseResult;
    const firstError = lexerErrors[0]
        ? { message: lexerErrors[0].message, line: (lexerErrors[0].line ?? 1) - 1, character: (lexerErrors[0].column ?? 1) - 1 }
        : parserErrors[0]
            ? { message: parserErrors[0].message, line: Math.max(0, (parserErrors[0].token.startLine ?? 1) - 1), character: Math.max(0, (parserErrors[0].token.startColumn ?? 1) - 1) }
            : undefined;
    const base = {
        uri: params.uri ?? document.uri.toString(),
        version: document.textDocument.version,
        powers: powers.map(summarisePower),
        stale: firstError !== undefined,
        parseError: firstError
    };
    const atCursor = params.position ? powerAt(powers, params.position) : undefined;
    const named = params.power ? powers.find(p => powerKey(p) === params.power) ?? powers.find(p => p.name === params.power) : undefined;
    const power = atCursor ?? named ?? powers[0];
    if (!power) return { ...base, atPosition: false };
    const flow = params.flow ?? (atCursor && params.position ? flowAt(atCursor, params.position) : undefined);
    return {
        ...base,
        power: powerKey(power),
        atPosition: atCursor !== undefined,
        model: buildDiagram(power, flow, { lanes: params.lanes })
    };
}
