/**
 * The messages between the flowchart preview's host (extension/preview/,
 * Node, the extension host) and its webview (extension/webview/preview.ts, a
 * browser page). The one shared definition: both sides import these types, and
 * `isWebviewMessage` checks what the webview sends before the host trusts it.
 * No imports from `vscode` or the DOM here.
 */
import type { DiagramRange, DiagramRisk, FlowKind } from '../../flowchart/diagram-model.js';

/** The webview panel's view type (the serializer and `activeWebviewPanelId` use it). */
export const PREVIEW_VIEW_TYPE = 'sunlight.preview';

/** What the webview keeps through a reload (`vscode.setState`), and the host restores from. */
export interface PreviewState {
    readonly uri?: string;
    /** Key of the power (`department.power`). */
    readonly power?: string;
    /** The flow the user chose; undefined = the flow under the cursor or the power's first. */
    readonly flow?: FlowKind;
    readonly lanes: boolean;
    readonly pinned: boolean;
    readonly view?: ViewTransform;
}

/** The zoom and pan of the drawing. */
export interface ViewTransform {
    readonly scale: number;
    readonly x: number;
    readonly y: number;
}

/** Per node: what the webview needs to reveal the source and show risk tooltips. */
export interface NodeInfo {
    readonly id: string;
    readonly kind: string;
    readonly name: string;
    /** Where reveal puts the selection (the name). */
    readonly range?: DiagramRange;
    /** The whole declaration (cursor inside it highlights the node). */
    readonly extent?: DiagramRange;
    readonly risks: readonly DiagramRisk[];
}

/** Texts of the webview's own interface (toolbar, banners, tooltips), in the editor's language. */
export interface PreviewStrings {
    readonly fit: string;
    readonly zoomIn: string;
    readonly zoomOut: string;
    readonly external: string;
    readonly internal: string;
    readonly lanes: string;
    readonly pin: string;
    readonly unpin: string;
    readonly exportSvg: string;
    readonly exportPng: string;
    readonly stale: string;
    readonly empty: string;
    readonly loading: string;
    readonly grade: { readonly high: string; readonly medium: string; readonly low: string; readonly none: string };
    readonly aspect: Readonly<Record<string, string>>;
    readonly measures: string;
    readonly riskPoint: string;
}

// ---------------------------------------------------------------- host → webview

export interface RenderMessage {
    readonly type: 'render';
    readonly svg: string;
    /** Same key as the drawing shown: keep zoom and scroll; a new key: fit the drawing. */
    readonly key: string;
    readonly title: string;
    readonly nodes: readonly NodeInfo[];
    /** Flows the power has (the switch shows only when there are two). */
    readonly flows: readonly FlowKind[];
    readonly state: PreviewState;
    /** The drawing is of a document that does not parse (no earlier good drawing to keep). */
    readonly stale?: string;
}

/** The document does not parse: keep the last good drawing under a banner. */
export interface StaleMessage {
    readonly type: 'stale';
    readonly message: string;
}

/** Nothing to draw (no power in the document, or no Sunlight document). */
export interface EmptyMessage {
    readonly type: 'empty';
    readonly message: string;
    readonly state: PreviewState;
}

/** The node under the editor's cursor, or none. */
export interface HighlightMessage {
    readonly type: 'highlight';
    readonly nodeId?: string;
}

/** Draw this SVG on a canvas and send back PNG bytes (Export PNG). */
export interface RasteriseMessage {
    readonly type: 'rasterise';
    readonly requestId: number;
    readonly svg: string;
    readonly scale: number;
}

/** The user's language changed (`sunlight.locale`): relabel the toolbar and tooltips. */
export interface StringsMessage {
    readonly type: 'strings';
    readonly strings: PreviewStrings;
}

export type HostMessage = RenderMessage | StaleMessage | EmptyMessage | HighlightMessage | RasteriseMessage | StringsMessage;

// ---------------------------------------------------------------- webview → host

export interface ReadyMessage {
    readonly type: 'ready';
}

/** A node was clicked: show its source. */
export interface RevealMessage {
    readonly type: 'reveal';
    readonly nodeId: string;
    readonly range: DiagramRange;
}

export type PreviewCommand = 'exportSvg' | 'exportPng' | 'toggleLanes' | 'switchFlow' | 'pin';

/** A toolbar button. */
export interface CommandMessage {
    readonly type: 'command';
    readonly command: PreviewCommand;
}

export interface RasterisedMessage {
    readonly type: 'rasterised';
    readonly requestId: number;
    /** PNG bytes, base64. */
    readonly data?: string;
    readonly error?: string;
}

/** The zoom or pan changed (the host keeps it for the panel's state). */
export interface ViewMessage {
    readonly type: 'view';
    readonly view: ViewTransform;
}

export type WebviewMessage = ReadyMessage | RevealMessage | CommandMessage | RasterisedMessage | ViewMessage;

const COMMANDS: readonly string[] = ['exportSvg', 'exportPng', 'toggleLanes', 'switchFlow', 'pin'];

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null;
}

function isCount(value: unknown): value is number {
    return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

export function isRange(value: unknown): value is DiagramRange {
    if (!isRecord(value) || !isRecord(value.start) || !isRecord(value.end)) return false;
    return isCount(value.start.line) && isCount(value.start.character) && isCount(value.end.line) && isCount(value.end.character);
}

/** Checks a message from the webview (the page is a separate, less trusted process). */
export function isWebviewMessage(value: unknown): value is WebviewMessage {
    if (!isRecord(value)) return false;
    switch (value.type) {
        case 'ready': return true;
        case 'reveal': return typeof value.nodeId === 'string' && isRange(value.range);
        case 'command': return typeof value.command === 'string' && COMMANDS.includes(value.command);
        case 'rasterised': return isCount(value.requestId) && (value.data === undefined || typeof value.data === 'string') && (value.error === undefined || typeof value.error === 'string');
        case 'view': return isRecord(value.view) && [value.view.scale, value.view.x, value.view.y].every(n => typeof n === 'number' && Number.isFinite(n));
        default: return false;
    }
}
