import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, describe, expect, test } from 'vitest';
import { buildDiagram } from '../../flowchart/diagram-model.js';
import { drawFlowchart } from '../../flowchart/pipeline.js';
import { contentSecurityPolicy, makeNonce, previewHtml, previewStrings } from '../../extension/preview/html.js';
import { isWebviewMessage } from '../../extension/preview/protocol.js';
import { FlowchartRenderer } from '../../extension/preview/renderer.js';
import { HOSTILE_STRINGS } from '../fixtures/hostile-strings.js';
import { powersOf, specFiles } from './helpers.js';
import { PROCUREMENT_FILES } from './samples.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'sunlight-preview-'));
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

describe('preview host', () => {
    test('the page: strict CSP, one nonce\'d script, escaped strings and state', () => {
        const csp = contentSecurityPolicy('https://ext.vscode-cdn.net', 'abc123');
        expect(csp).toBe("default-src 'none'; img-src https://ext.vscode-cdn.net data: blob:; style-src https://ext.vscode-cdn.net; font-src https://ext.vscode-cdn.net; script-src 'nonce-abc123'");
        expect(csp).not.toMatch(/unsafe-(inline|eval)/);
        const nonce = makeNonce();
        expect(nonce).toMatch(/^[A-Za-z0-9]{16,}$/);
        expect(makeNonce()).not.toBe(nonce);
        const hostile = HOSTILE_STRINGS.join('');
        const html = previewHtml({
            cspSource: 'https://ext.vscode-cdn.net', nonce, scriptUri: 'https://ext/preview.js', styleUri: 'https://ext/preview.css',
            strings: { ...previewStrings('en'), empty: hostile }, locale: 'en', state: { uri: `file:///${hostile}`, power: hostile, lanes: true, pinned: false }
        });
        expect(html.match(/<script\b/g)).toHaveLength(1);
        expect(html).toContain(`<script nonce="${nonce}" src="https://ext/preview.js"></script>`);
        // Every `<` starts one of the page's own tags: the hostile strings' are all escaped.
        expect(html.match(/<(?!\/?(html|head|meta|link|title|body|div|script)[\s>]|!DOCTYPE)/g)).toBeNull();
        expect(html).not.toMatch(/\sstyle=/);
        // The strings come back intact from the attribute.
        const attribute = /data-strings="([^"]*)"/.exec(html)![1];
        const decoded = attribute.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
        expect(JSON.parse(decoded).empty).toBe(hostile);
        expect(() => previewHtml({ cspSource: 'x', nonce: "a' 'unsafe-inline", scriptUri: '', styleUri: '', strings: previewStrings('zh'), locale: 'zh' })).toThrow();
    });

    test('messages from the webview are checked before the host trusts them', () => {
        const range = { start: { line: 1, character: 2 }, end: { line: 1, character: 4 } };
        expect(isWebviewMessage({ type: 'ready' })).toBe(true);
        expect(isWebviewMessage({ type: 'reveal', nodeId: 'n1', range })).toBe(true);
        expect(isWebviewMessage({ type: 'reveal', nodeId: 'n1', range: { start: { line: -1, character: 0 }, end: range.end } })).toBe(false);
        expect(isWebviewMessage({ type: 'reveal', nodeId: 'n1' })).toBe(false);
        expect(isWebviewMessage({ type: 'command', command: 'exportSvg' })).toBe(true);
        expect(isWebviewMessage({ type: 'command', command: 'workbench.action.terminal.new' })).toBe(false);
        expect(isWebviewMessage({ type: 'rasterised', requestId: 3, data: 'iVBOR' })).toBe(true);
        expect(isWebviewMessage({ type: 'rasterised', requestId: '3' })).toBe(false);
        expect(isWebviewMessage({ type: 'view', view: { scale: 2, x: 1, y: Number.NaN } })).toBe(false);
        expect(isWebviewMessage(null)).toBe(false);
        expect(isWebviewMessage('ready')).toBe(false);
    });

    test('the render worker (dist/render-worker.cjs) draws exactly what the main thread draws; without it, the main thread does', async () => {
        const workerFile = path.join(temp, 'render-worker.cjs');
        await esbuild.build({ entryPoints: [path.join(ROOT, 'extension/preview/render-worker.ts')], outfile: workerFile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error' });
        const [{ power }] = await powersOf(specFiles());
        const model = buildDiagram(power, 'external', { lanes: true });
        const expected = (await drawFlowchart(model, { palette: 'theme', locale: 'zh' })).svg;
        const inWorker = new FlowchartRenderer(workerFile);
        const missing = new FlowchartRenderer(path.join(temp, 'no-such-worker.cjs'));
        const none = new FlowchartRenderer(undefined);
        try {
            const [a, b] = await Promise.all([inWorker.render(model, 'theme', 'zh'), inWorker.render(model, 'print', 'en')]);
            expect(a).toBe(expected);
            expect(b).toBe((await drawFlowchart(model, { palette: 'print', locale: 'en' })).svg);
            expect(await missing.render(model, 'theme', 'zh')).toBe(expected);
            expect(await none.render(model, 'theme', 'zh')).toBe(expected);
        } finally {
            inWorker.dispose();
            missing.dispose();
            none.dispose();
        }
    }, 60_000);

    test('timing: model → layout → SVG of a 20-step flow (median of 15, after warm-up)', async () => {
        const [{ power }] = await powersOf(PROCUREMENT_FILES);
        expect(power.flows[0].nodes.length).toBeGreaterThanOrEqual(20);
        const times: Record<string, number[]> = { plain: [], lanes: [] };
        for (let i = 0; i < 20; i++) {
            for (const lanes of [false, true]) {
                const start = performance.now();
                const model = buildDiagram(power, 'internal', { lanes });
                await drawFlowchart(model, { palette: 'theme', locale: 'zh' });
                if (i >= 5) times[lanes ? 'lanes' : 'plain'].push(performance.now() - start);
            }
        }
        const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
        console.log(`flowchart pipeline, ${power.flows[0].nodes.length} nodes: median ${median(times.plain).toFixed(1)} ms, swimlanes ${median(times.lanes).toFixed(1)} ms`);
        // A generous bound: catches a pathological regression, not a busy machine.
        expect(median(times.plain)).toBeLessThan(3000);
    }, 180_000);
});
