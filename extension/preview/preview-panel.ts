import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { DiagramModel, DiagramPosition, DiagramRange, FlowKind } from '../../flowchart/diagram-model.js';
import { DIAGRAM_REQUEST, type DiagramParams, type DiagramResult } from '../../flowchart/request.js';
import { toLocale, type Locale } from '../../language/messages.js';
import { safeFileName } from '../../flowchart/file-names.js';
import { makeNonce, previewHtml, previewStrings } from './html.js';
import { isWebviewMessage, PREVIEW_VIEW_TYPE, type HostMessage, type NodeInfo, type PreviewCommand, type PreviewState, type WebviewMessage } from './protocol.js';
import type { FlowchartRenderer } from './renderer.js';

/** Milliseconds after the last keystroke before the drawing is redone (the whole update stays well under 300 ms). */
const TYPING_DELAY = 120;
/** After a cursor move (a cheap request; the layout reruns only if the model changed). */
const CURSOR_DELAY = 80;
const PNG_SCALE = 2;

interface Drawn {
    readonly key: string;
    readonly uri: string;
    readonly model: DiagramModel;
    /** JSON of the model and the locale: an identical one needs no new layout. */
    readonly signature: string;
    readonly message: HostMessage & { type: 'render' };
}

/**
 * The flowchart preview: one webview panel beside the editor, showing the
 * power under the cursor (or one pinned power) of a `.sun` file. It asks the
 * language server for the diagram model (`sunlight/diagram`), lays it out and
 * renders it through the renderer's worker thread, and posts the SVG to the
 * webview. It owns its disposables.
 */
export class FlowchartPreview implements vscode.Disposable {
    private static current: FlowchartPreview | undefined;

    private readonly disposables: vscode.Disposable[] = [];
    private state: PreviewState;
    private drawn: Drawn | undefined;
    /** The last drawing of a document that parsed. */
    private good: Drawn | undefined;
    private showingStale = false;
    private sequence = 0;
    private timer: ReturnType<typeof setTimeout> | undefined;
    /** A power chosen by name (code lens): the cursor does not override it until it moves. */
    private explicitPower = false;
    private nextPng = 1;
    private readonly pngWaiting = new Map<number, (message: { data?: string; error?: string }) => void>();
    private disposed = false;

    static get active(): FlowchartPreview | undefined {
        return FlowchartPreview.current;
    }

    /** Opens (or reveals) the preview, optionally on a given document and power. */
    static open(context: vscode.ExtensionContext, client: LanguageClient, renderer: FlowchartRenderer, target?: { uri?: string; power?: string }): FlowchartPreview {
        const editor = vscode.window.activeTextEditor;
        const uri = target?.uri ?? (editor?.document.languageId === 'sunlight' ? editor.document.uri.toString() : undefined);
        const existing = FlowchartPreview.current;
        if (existing) {
            existing.panel.reveal(undefined, true);
            if (uri) existing.retarget(uri, target?.power);
            return existing;
        }
        const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, title(undefined, locale()),
            { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, webviewOptions(context));
        const preview = new FlowchartPreview(panel, context, client, renderer, { uri, power: target?.power, lanes: false, pinned: false });
        preview.explicitPower = target?.power !== undefined;
        return preview;
    }

    /** Restores a panel after a reload (the serializer). */
    static revive(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, client: LanguageClient, renderer: FlowchartRenderer, saved: unknown): FlowchartPreview {
        FlowchartPreview.current?.dispose();
        panel.webview.options = webviewOptions(context);
        const state = sanitiseState(saved);
        const preview = new FlowchartPreview(panel, context, client, renderer, state);
        preview.explicitPower = state.pinned || state.power !== undefined;
        return preview;
    }

    private constructor(
        private readonly panel: vscode.WebviewPanel,
        context: vscode.ExtensionContext,
        private readonly client: LanguageClient,
        private readonly renderer: FlowchartRenderer,
        state: PreviewState
    ) {
        FlowchartPreview.current = this;
        this.state = state;
        const webview = panel.webview;
        const script = webview.asWebviewUri(vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview', 'preview.js'));
        const style = webview.asWebviewUri(vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview', 'preview.css'));
        const language = locale();
        webview.html = previewHtml({
            cspSource: webview.cspSource, nonce: makeNonce(), scriptUri: script.toString(), styleUri: style.toString(),
            strings: previewStrings(language), locale: language, state
        });
        panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'extension', 'icons', 'sunlight.png');

        this.disposables.push(
            panel.onDidDispose(() => this.dispose()),
            webview.onDidReceiveMessage((message: unknown) => { if (isWebviewMessage(message)) void this.onMessage(message); }),
            vscode.workspace.onDidChangeTextDocument(event => {
                if (event.contentChanges.length > 0 && event.document.uri.toString() === this.state.uri) this.schedule(TYPING_DELAY);
            }),
            vscode.window.onDidChangeTextEditorSelection(event => this.onSelection(event.textEditor)),
            vscode.window.onDidChangeActiveTextEditor(editor => {
                if (!editor || editor.document.languageId !== 'sunlight' || this.state.pinned) return;
                if (editor.document.uri.toString() !== this.state.uri) {
                    this.state = { ...this.state, uri: editor.document.uri.toString(), power: undefined };
                    this.explicitPower = false;
                }
                this.schedule(0);
            }),
            vscode.workspace.onDidChangeConfiguration(event => {
                if (!event.affectsConfiguration('sunlight.locale')) return;
                this.post({ type: 'strings', strings: previewStrings(locale()) });
                this.drawn = undefined;
                this.schedule(0);
            })
        );
        this.schedule(0);
    }

    // ---------------------------------------------------------------- commands

    async run(command: PreviewCommand): Promise<void> {
        switch (command) {
            case 'toggleLanes':
                this.state = { ...this.state, lanes: !this.state.lanes };
                return this.update();
            case 'switchFlow': {
                const model = this.drawn?.model;
                if (!model || model.flows.length < 2) {
                    void vscode.window.showInformationMessage(locale() === 'zh' ? '该职权只有一个流程。' : 'This power has only one flow.');
                    return;
                }
                const next: FlowKind = model.flowKind === 'internal' ? 'external' : 'internal';
                this.state = { ...this.state, flow: next };
                return this.update();
            }
            case 'pin':
                this.state = { ...this.state, pinned: !this.state.pinned };
                this.explicitPower = this.state.pinned;
                this.panel.title = title(this.drawn?.model, locale(), this.state.pinned);
                return this.update();
            case 'exportSvg':
                return this.exportSvg();
            case 'exportPng':
                return this.exportPng();
        }
    }

    private retarget(uri: string, power: string | undefined): void {
        this.state = { ...this.state, uri, power: power ?? (uri === this.state.uri ? this.state.power : undefined), flow: undefined };
        this.explicitPower = power !== undefined;
        this.schedule(0);
    }

    // ---------------------------------------------------------------- updates

    private schedule(delay: number): void {
        if (this.disposed) return;
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => { this.timer = undefined; void this.update(); }, delay);
    }

    private onSelection(editor: vscode.TextEditor): void {
        if (editor.document.languageId !== 'sunlight') return;
        const uri = editor.document.uri.toString();
        if (uri === this.state.uri) this.post({ type: 'highlight', nodeId: this.nodeAt(editor.selection.active) });
        if (this.state.pinned) return;
        if (uri !== this.state.uri) this.state = { ...this.state, uri, power: undefined };
        this.explicitPower = false;
        this.schedule(CURSOR_DELAY);
    }

    /** Asks the server for the model, lays it out, renders and posts it (latest request wins). */
    async update(): Promise<void> {
        if (this.disposed) return;
        const sequence = ++this.sequence;
        const editor = vscode.window.activeTextEditor;
        if (!this.state.uri && editor?.document.languageId === 'sunlight') this.state = { ...this.state, uri: editor.document.uri.toString() };
        const uri = this.state.uri;
        const language = locale();
        if (!uri) {
            this.post({ type: 'empty', message: previewStrings(language).empty, state: this.state });
            return;
        }
        const useCursor = !this.state.pinned && !this.explicitPower && editor?.document.uri.toString() === uri;
        const params: DiagramParams = {
            uri,
            position: useCursor && editor ? { line: editor.selection.active.line, character: editor.selection.active.character } : undefined,
            power: this.state.power,
            flow: this.state.flow,
            lanes: this.state.lanes
        };
        let result: DiagramResult;
        try {
            result = await this.request(params);
        } catch (error) {
            if (sequence === this.sequence) console.warn(`Sunlight preview: ${error instanceof Error ? error.message : String(error)}`);
            return;
        }
        if (sequence !== this.sequence || this.disposed) return;
        if (!result.model || !result.power) {
            this.drawn = undefined;
            this.state = { ...this.state, power: undefined };
            this.panel.title = title(undefined, language);
            this.post({ type: 'empty', message: previewStrings(language).empty, state: this.state });
            return;
        }
        const model = result.model;
        this.state = { ...this.state, uri, power: result.power };
        const key = `${uri}#${result.power}#${model.flowKind ?? ''}#${this.state.lanes ? 'lanes' : ''}`;
        const staleText = result.stale ? staleMessage(language, result) : undefined;

        // A file that does not parse keeps the last good drawing of the same power, under a banner.
        if (result.stale && this.good?.key === key) {
            if (this.drawn?.key !== key) this.post((this.drawn = this.good).message);
            this.post({ type: 'stale', message: staleText! });
            this.showingStale = true;
            return;
        }
        const signature = `${language}\n${JSON.stringify(model)}`;
        if (this.drawn && this.drawn.key === key && this.drawn.signature === signature && !this.showingStale && !result.stale) {
            this.post({ type: 'highlight', nodeId: this.nodeAt(editor?.selection.active) });
            return;
        }
        let svg: string;
        try {
            svg = await this.renderer.render(model, 'theme', language);
        } catch (error) {
            console.warn(`Sunlight preview: ${error instanceof Error ? error.message : String(error)}`);
            return;
        }
        if (sequence !== this.sequence || this.disposed) return;
        const message: HostMessage & { type: 'render' } = {
            type: 'render', svg, key, title: title(model, language), nodes: nodeInfos(model), flows: model.flows,
            state: this.state, stale: staleText
        };
        this.drawn = { key, uri, model, signature, message };
        if (!result.stale) this.good = this.drawn;
        this.showingStale = result.stale;
        this.panel.title = title(model, language, this.state.pinned);
        this.post(message);
        if (editor?.document.uri.toString() === uri) this.post({ type: 'highlight', nodeId: this.nodeAt(editor.selection.active) });
    }

    private async request(params: DiagramParams): Promise<DiagramResult> {
        // The client may still be starting (the preview restored at start-up).
        for (let attempt = 0; ; attempt++) {
            try {
                if (!this.client.isRunning()) throw new Error('the Sunlight language server is not running yet');
                return await this.client.sendRequest<DiagramResult>(DIAGRAM_REQUEST, params);
            } catch (error) {
                if (attempt >= 20 || this.disposed) throw error;
                await new Promise(resolve => setTimeout(resolve, 250));
            }
        }
    }

    /** The node whose declaration holds the position (innermost). */
    private nodeAt(position: vscode.Position | undefined): string | undefined {
        if (!position || !this.drawn) return undefined;
        const at: DiagramPosition = { line: position.line, character: position.character };
        const hits = this.drawn.model.nodes.filter(node => node.kind !== 'start' && node.kind !== 'end' && node.range && contains(node.range, at));
        return hits[hits.length - 1]?.id;
    }

    // ---------------------------------------------------------------- webview messages

    private async onMessage(message: WebviewMessage): Promise<void> {
        switch (message.type) {
            case 'ready':
                if (this.drawn) {
                    this.post(this.drawn.message);
                    if (this.showingStale && this.drawn !== undefined && this.good === this.drawn) this.post({ type: 'stale', message: staleMessage(locale()) });
                } else this.schedule(0);
                return;
            case 'reveal':
                return this.reveal(message.range);
            case 'command':
                return this.run(message.command);
            case 'rasterised': {
                const waiting = this.pngWaiting.get(message.requestId);
                this.pngWaiting.delete(message.requestId);
                waiting?.(message);
                return;
            }
            case 'view':
                this.state = { ...this.state, view: message.view };
                return;
        }
    }

    private async reveal(range: DiagramRange): Promise<void> {
        const uri = this.drawn?.uri ?? this.state.uri;
        if (!uri) return;
        const target = vscode.Uri.parse(uri);
        const shown = vscode.window.visibleTextEditors.find(editor => editor.document.uri.toString() === uri);
        const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
        const editor = await vscode.window.showTextDocument(target, {
            viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One, selection, preserveFocus: false
        });
        editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }

    // ---------------------------------------------------------------- exports

    /** The print-palette SVG of what is shown: the same bytes as `sunlight export flowchart --format svg`. */
    private async printSvg(): Promise<{ svg: string; name: string; model: DiagramModel } | undefined> {
        const drawn = this.drawn;
        if (!drawn) {
            void vscode.window.showWarningMessage(locale() === 'zh' ? '没有可导出的流程图。' : 'There is no flowchart to export.');
            return undefined;
        }
        const svg = await this.renderer.render(drawn.model, 'print', locale());
        return { svg, name: exportName(drawn.model, this.state.lanes), model: drawn.model };
    }

    private async exportSvg(): Promise<void> {
        const print = await this.printSvg();
        if (!print) return;
        const target = await this.askTarget(`${print.name}.svg`, { SVG: ['svg'] });
        if (!target) return;
        await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(print.svg));
        void vscode.window.showInformationMessage(locale() === 'zh' ? `已导出 ${target.fsPath}` : `Exported ${target.fsPath}`);
    }

    private async exportPng(): Promise<void> {
        const print = await this.printSvg();
        if (!print) return;
        const requestId = this.nextPng++;
        const answer = await new Promise<{ data?: string; error?: string }>(resolve => {
            const timeout = setTimeout(() => { this.pngWaiting.delete(requestId); resolve({ error: 'timed out' }); }, 30000);
            this.pngWaiting.set(requestId, message => { clearTimeout(timeout); resolve(message); });
            this.post({ type: 'rasterise', requestId, svg: print.svg, scale: PNG_SCALE });
        });
        if (!answer.data) {
            void vscode.window.showErrorMessage(locale() === 'zh' ? `无法生成 PNG:${answer.error ?? ''}` : `Could not make the PNG: ${answer.error ?? ''}`);
            return;
        }
        const target = await this.askTarget(`${print.name}.png`, { PNG: ['png'] });
        if (!target) return;
        await vscode.workspace.fs.writeFile(target, Buffer.from(answer.data, 'base64'));
        void vscode.window.showInformationMessage(locale() === 'zh' ? `已导出 ${target.fsPath}` : `Exported ${target.fsPath}`);
    }

    private askTarget(fileName: string, filters: Record<string, string[]>): Thenable<vscode.Uri | undefined> {
        const source = this.drawn ? vscode.Uri.parse(this.drawn.uri) : undefined;
        const folder = source?.scheme === 'file' ? vscode.Uri.joinPath(source, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
        return vscode.window.showSaveDialog({ defaultUri: folder ? vscode.Uri.joinPath(folder, fileName) : undefined, filters });
    }

    // ---------------------------------------------------------------- plumbing

    private post(message: HostMessage): void {
        if (!this.disposed) void this.panel.webview.postMessage(message);
    }

    dispose(): void {
        if (this.disposed) return;
        this.disposed = true;
        if (FlowchartPreview.current === this) FlowchartPreview.current = undefined;
        if (this.timer) clearTimeout(this.timer);
        for (const waiting of this.pngWaiting.values()) waiting({ error: 'closed' });
        this.pngWaiting.clear();
        this.panel.dispose();
        while (this.disposables.length) this.disposables.pop()?.dispose();
    }
}

// ---------------------------------------------------------------- helpers

function webviewOptions(context: vscode.ExtensionContext): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
        enableScripts: true,
        enableFindWidget: true,
        // Only the bundled page script and style sheet.
        localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview')]
    };
}

/** The `sunlight.locale` setting, `auto` = VS Code's display language. */
export function locale(): Locale {
    const setting = vscode.workspace.getConfiguration('sunlight').get<string>('locale', 'auto');
    return toLocale(!setting || setting === 'auto' ? vscode.env.language : setting);
}

function title(model: DiagramModel | undefined, language: Locale, pinned = false): string {
    const base = language === 'zh' ? '流程图' : 'Flowchart';
    const name = model ? `${base}: ${model.title.power}` : base;
    return pinned ? `${name} 📌` : name;
}

function staleMessage(language: Locale, result?: DiagramResult): string {
    const base = previewStrings(language).stale;
    const at = result?.parseError ? (language === 'zh' ? `(第 ${result.parseError.line + 1} 行)` : ` (line ${result.parseError.line + 1})`) : '';
    return base + at;
}

/** `<department>-<power>-<flow>[-lanes]`, the CLI's file name. */
export function exportName(model: DiagramModel, lanes: boolean): string {
    return [safeFileName(model.title.department ?? ''), safeFileName(model.title.power), model.flowKind ?? 'flow', ...(lanes ? ['lanes'] : [])].join('-');
}

function nodeInfos(model: DiagramModel): NodeInfo[] {
    return model.nodes.map(node => ({ id: node.id, kind: node.kind, name: node.name, range: node.nameRange ?? node.range, extent: node.range, risks: node.risks }));
}

function contains(range: DiagramRange, at: DiagramPosition): boolean {
    const before = (a: DiagramPosition, b: DiagramPosition) => a.line < b.line || (a.line === b.line && a.character <= b.character);
    return before(range.start, at) && before(at, range.end);
}

function sanitiseState(value: unknown): PreviewState {
    const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
    const text = (v: unknown) => typeof v === 'string' ? v : undefined;
    const flow = record.flow === 'external' || record.flow === 'internal' ? record.flow : undefined;
    return { uri: text(record.uri), power: text(record.power), flow, lanes: record.lanes === true, pinned: record.pinned === true };
}
