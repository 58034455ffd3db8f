import type { DiagramModel, DiagramPosition, FlowKind, PowerSummary } from './diagram-model.js';

/**
 * `sunlight/diagram`: the editor asks the language server for the diagram
 * model of a power. The server only builds the (cheap) model; layout and SVG
 * run in the editor's extension host, off the server's path that serves
 * diagnostics. No Langium import here: the extension bundles this file.
 */
export const DIAGRAM_REQUEST = 'sunlight/diagram';

export interface DiagramParams {
    readonly uri: string;
    /** The cursor: the power around it is drawn (following mode). */
    readonly position?: DiagramPosition;
    /** A power's key (`department.power`) or name: drawn when the position is in no power (or there is none). */
    readonly power?: string;
    /** The flow to draw; default: the flow under the cursor, else the power's first flow. */
    readonly flow?: FlowKind;
    readonly lanes?: boolean;
}

export interface DiagramResult {
    readonly uri: string;
    /** The document's version the model was built from, when the server knows it. */
    readonly version?: number;
    /** Every power of the document, in order. */
    readonly powers: readonly PowerSummary[];
    /** The key of the power drawn; absent when the document has no power ("no power here"). */
    readonly power?: string;
    /** Whether the power was found at the given position (rather than by name or as the first). */
    readonly atPosition: boolean;
    readonly model?: DiagramModel;
    /** The document does not parse: the model is from the parser's recovery and may be incomplete. */
    readonly stale: boolean;
    /** The first syntax error, for the preview's banner. */
    readonly parseError?: { readonly message: string; readonly line: number; readonly character: number };
}
