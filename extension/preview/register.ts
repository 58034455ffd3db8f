import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FlowchartPreview } from './preview-panel.js';
import { PREVIEW_VIEW_TYPE, type PreviewCommand } from './protocol.js';
import { FlowchartRenderer } from './renderer.js';

/**
 * Registers the flowchart preview: its commands and the serializer that
 * restores the panel after a reload. Command ids (contributed in package.json):
 *
 * - `sunlight.preview.open [uri, powerName]`: open or reveal the preview (code lens, palette, menus)
 * - `sunlight.preview.exportSvg`, `sunlight.preview.exportPng`: save what is shown
 * - `sunlight.preview.toggleLanes`, `sunlight.preview.switchFlow`, `sunlight.preview.pin`
 *
 * The webview panel's view type is `sunlight.preview`.
 */
export function registerPreview(context: vscode.ExtensionContext, client: LanguageClient): void {
    const renderer = new FlowchartRenderer(context.asAbsolutePath('dist/render-worker.cjs'));
    const open = (target?: { uri?: string; power?: string }) => FlowchartPreview.open(context, client, renderer, target);
    const onPreview = (command: PreviewCommand) => async () => {
        const existing = FlowchartPreview.active;
        const preview = existing ?? open();
        // A preview opened just now draws first, so that an export has something to save.
        if (!existing) await preview.update();
        await preview.run(command);
    };
    context.subscriptions.push(
        { dispose: () => { FlowchartPreview.active?.dispose(); renderer.dispose(); } },
        vscode.commands.registerCommand('sunlight.preview.open', (uri?: unknown, power?: unknown) => {
            // From the code lens: (uri string, power name); from menus: (vscode.Uri); from the palette: nothing.
            const target = uri instanceof vscode.Uri ? uri.toString() : typeof uri === 'string' ? uri : undefined;
            open({ uri: target, power: typeof power === 'string' ? power : undefined });
        }),
        vscode.commands.registerCommand('sunlight.preview.exportSvg', onPreview('exportSvg')),
        vscode.commands.registerCommand('sunlight.preview.exportPng', onPreview('exportPng')),
        vscode.commands.registerCommand('sunlight.preview.toggleLanes', onPreview('toggleLanes')),
        vscode.commands.registerCommand('sunlight.preview.switchFlow', onPreview('switchFlow')),
        vscode.commands.registerCommand('sunlight.preview.pin', onPreview('pin')),
        vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
            async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
                FlowchartPreview.revive(panel, context, client, renderer, state);
            }
        })
    );
}
