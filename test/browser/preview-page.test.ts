import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import * as esbuild from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildDiagram, type DiagramModel } from '../../flowchart/diagram-model.js';
import { drawFlowchart } from '../../flowchart/pipeline.js';
import { previewHtml, previewStrings } from '../../extension/preview/html.js';
import type { HostMessage, NodeInfo, RenderMessage, WebviewMessage } from '../../extension/preview/protocol.js';
import { HOSTILE_STRINGS } from '../fixtures/hostile-strings.js';
import { powersOf, specFiles } from '../flowchart/helpers.js';
import { PROCUREMENT_FILES } from '../flowchart/samples.js';

/**
 * The preview's webview page in a real browser: Debian's chromium driven by
 * playwright-core, the page exactly as extension/preview/html.ts builds it
 * (strict CSP, nonce'd script), served from 127.0.0.1, with a stub
 * `acquireVsCodeApi` that records what the page posts to the host.
 */
const CHROMIUM = process.env.SUNLIGHT_CHROMIUM || '/usr/bin/chromium';
const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium && process.env.CI) throw new Error(`no chromium at ${CHROMIUM}: .ci/run installs it (apt-get install chromium)`);
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const NONCE = 'TestNonce0123456789';

let browser: Browser;
let server: http.Server;
let origin: string;
const assets = new Map<string, { type: string; body: Buffer }>();

function nodeInfos(model: DiagramModel): NodeInfo[] {
    return model.nodes.map(n => ({ id: n.id, kind: n.kind, name: n.name, range: n.nameRange ?? n.range, extent: n.range, risks: n.risks }));
}

async function renderMessage(model: DiagramModel, key: string): Promise<RenderMessage> {
    const { svg } = await drawFlowchart(model, { palette: 'theme', locale: 'zh' });
    return { type: 'render', svg, key, title: model.title.power, nodes: nodeInfos(model), flows: model.flows, state: { lanes: false, pinned: false } };
}

async function openPage(): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    page.on('pageerror', error => { throw error; });
    await page.addInitScript(() => {
        const w = window as unknown as { __posted: unknown[]; __state: unknown; __csp: string[]; acquireVsCodeApi: () => unknown };
        w.__posted = [];
        w.__csp = [];
        document.addEventListener('securitypolicyviolation', e => { w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`); });
        w.acquireVsCodeApi = () => ({
            postMessage: (m: unknown) => { w.__posted.push(m); },
            getState: () => w.__state,
            setState: (s: unknown) => { w.__state = s; }
        });
    });
    await page.goto(`${origin}/page.html`);
    await page.waitForFunction(() => (window as unknown as { __posted: Array<{ type: string }> }).__posted.some(m => m.type === 'ready'));
    return page;
}

const send = (page: Page, message: HostMessage) => page.evaluate(m => window.postMessage(m, '*'), message);
const posted = (page: Page) => page.evaluate(() => (window as unknown as { __posted: WebviewMessage[] }).__posted);
/** Moves the mouse onto the centre of the first element matching `selector` (tiny SVG shapes included). */
async function pointAt(page: Page, selector: string): Promise<void> {
    const box = await page.locator(selector).first().evaluate(e => { const r = e.getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; });
    await page.mouse.move(box.x - 30, box.y - 30);
    await page.mouse.move(box.x, box.y, { steps: 3 });
}
const transform = (page: Page) => page.evaluate(() => document.getElementById('canvas')!.style.transform);

describe.skipIf(!haveChromium)('the preview page in chromium', () => {
    beforeAll(async () => {
        const out = fs.mkdtempSync(path.join(os.tmpdir(), 'sunlight-webview-'));
        await esbuild.build({ entryPoints: [path.join(ROOT, 'extension/webview/preview.ts')], outfile: path.join(out, 'preview.js'), bundle: true, platform: 'browser', format: 'iife', target: 'chrome114', logLevel: 'error' });
        await esbuild.build({ entryPoints: [path.join(ROOT, 'extension/webview/preview.css')], outfile: path.join(out, 'preview.css'), bundle: true, logLevel: 'error' });
        assets.set('/preview.js', { type: 'text/javascript', body: fs.readFileSync(path.join(out, 'preview.js')) });
        assets.set('/preview.css', { type: 'text/css', body: fs.readFileSync(path.join(out, 'preview.css')) });
        fs.rmSync(out, { recursive: true, force: true });
        server = http.createServer((request, response) => {
            const asset = assets.get(new URL(request.url ?? '/', 'http://x').pathname);
            if (!asset) { response.writeHead(404).end(); return; }
            response.writeHead(200, { 'content-type': `${asset.type}; charset=utf-8` }).end(asset.body);
        });
        await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
        origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        assets.set('/page.html', {
            type: 'text/html',
            body: Buffer.from(previewHtml({ cspSource: origin, nonce: NONCE, scriptUri: `${origin}/preview.js`, styleUri: `${origin}/preview.css`, strings: previewStrings('zh'), locale: 'zh' }))
        });
        browser = await chromium.launch({
            executablePath: CHROMIUM,
            headless: true,
            args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']
        });
    }, 120_000);

    afterAll(async () => {
        await browser?.close();
        await new Promise(resolve => server?.close(resolve));
    });

    test('the SVG appears; a click on a node posts reveal with its range; the cursor highlights a node', async () => {
        const [{ power }] = await powersOf(specFiles());
        const model = buildDiagram(power, 'external');
        const page = await openPage();
        await send(page, await renderMessage(model, 'k1'));
        await page.locator('#canvas svg g.sl-node').first().waitFor();
        expect(await page.locator('#canvas svg g.sl-node').count()).toBe(model.nodes.length);
        expect(await page.locator('#toolbar .title').textContent()).toBe('经费报销审核');
        if (process.env.SUNLIGHT_SHOTS) await page.screenshot({ path: path.join(process.env.SUNLIGHT_SHOTS, 'preview.png') });

        const target = model.nodes.find(n => n.name === '复核')!;
        await page.locator(`#canvas g.sl-node[data-node-id="${target.id}"] .sl-shape`).click();
        const reveal = (await posted(page)).filter(m => m.type === 'reveal');
        expect(reveal).toEqual([{ type: 'reveal', nodeId: target.id, range: target.nameRange }]);

        await send(page, { type: 'highlight', nodeId: target.id });
        await expect.poll(() => page.locator('#canvas g.sl-highlight').getAttribute('data-node-id')).toBe(target.id);
        await send(page, { type: 'highlight' });
        await expect.poll(() => page.locator('#canvas g.sl-highlight').count()).toBe(0);

        await page.locator('#btn-lanes').click();
        await page.locator('#btn-exportSvg').click();
        expect((await posted(page)).filter(m => m.type === 'command')).toEqual([
            { type: 'command', command: 'toggleLanes' }, { type: 'command', command: 'exportSvg' }]);
        expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
        await page.close();
    }, 60_000);

    test('a change of language relabels the toolbar without reloading the page', async () => {
        const [{ power }] = await powersOf(specFiles());
        const page = await openPage();
        await send(page, await renderMessage(buildDiagram(power, 'external'), 'k1'));
        await page.locator('#canvas svg g.sl-node').first().waitFor();
        expect(await page.locator('#btn-exportSvg').textContent()).toBe(previewStrings('zh').exportSvg);
        await send(page, { type: 'strings', strings: previewStrings('en') });
        await expect.poll(() => page.locator('#btn-exportSvg').textContent()).toBe(previewStrings('en').exportSvg);
        expect(await page.locator('#btn-fit').textContent()).toBe(previewStrings('en').fit);
        expect(await page.locator('#btn-pin').textContent()).toBe(previewStrings('en').pin);
        expect(previewStrings('en').exportSvg).not.toBe(previewStrings('zh').exportSvg);
        await page.close();
    }, 60_000);

    test('zoom and scroll survive an update of the same drawing; a new drawing is fitted', async () => {
        const [{ power }] = await powersOf(specFiles());
        const page = await openPage();
        await send(page, await renderMessage(buildDiagram(power, 'external'), 'same'));
        await page.locator('#canvas svg').waitFor();
        const fitted = await transform(page);
        await page.mouse.move(400, 300);
        await page.mouse.wheel(0, -400);
        await expect.poll(() => transform(page)).not.toBe(fitted);
        // Drag to pan.
        await page.mouse.move(500, 400);
        await page.mouse.down();
        await page.mouse.move(560, 430, { steps: 5 });
        await page.mouse.up();
        const zoomed = await transform(page);
        expect(zoomed).not.toBe(fitted);
        expect((await posted(page)).some(m => m.type === 'reveal')).toBe(false);

        // The user types: a changed model of the same power, same key.
        const changed = buildDiagram(power, 'external', { lanes: false });
        const edited = { ...changed, title: { ...changed.title, code: 'CW-02' } };
        await send(page, await renderMessage(edited, 'same'));
        await expect.poll(() => page.locator('#canvas svg').evaluate(svg => svg.textContent?.includes('CW-02'))).toBe(true);
        expect(await transform(page)).toBe(zoomed);
        const saved = await page.evaluate(() => (window as unknown as { __state: { view: { scale: number } } }).__state);
        expect(saved.view.scale).toBeGreaterThan(0);

        await send(page, await renderMessage(buildDiagram(power, 'external', { lanes: true }), 'other'));
        await expect.poll(() => transform(page)).not.toBe(zoomed);
        await page.close();
    }, 60_000);

    test('a file that does not parse: the drawing stays, under a banner', async () => {
        const [{ power }] = await powersOf(specFiles());
        const page = await openPage();
        await send(page, await renderMessage(buildDiagram(power, 'external'), 'k'));
        await page.locator('#canvas svg').waitFor();
        expect(await page.locator('#banner').isVisible()).toBe(false);
        await send(page, { type: 'stale', message: '文件有语法错误(第 3 行)' });
        await expect.poll(() => page.locator('#banner').isVisible()).toBe(true);
        expect(await page.locator('#banner').textContent()).toBe('文件有语法错误(第 3 行)');
        expect(await page.locator('#canvas svg g.sl-node').count()).toBeGreaterThan(0);
        await send(page, await renderMessage(buildDiagram(power, 'external'), 'k'));
        await expect.poll(() => page.locator('#banner').isVisible()).toBe(false);
        await page.close();
    }, 60_000);

    test('risk badges show the risk on hover (as text); Export PNG rasterises on a canvas', async () => {
        const [{ power }] = await powersOf(PROCUREMENT_FILES);
        const model = buildDiagram(power, 'internal');
        const page = await openPage();
        await send(page, await renderMessage(model, 'p'));
        const node = model.nodes.find(n => n.risks.some(r => r.name === '规避招标'))!;
        await pointAt(page, `#canvas g.sl-badge[data-node-id="${node.id}"][data-grade="high"] circle`);
        await expect.poll(() => page.locator('#tooltip').isVisible()).toBe(true);
        const tip = await page.locator('#tooltip').textContent();
        expect(tip).toContain('规避招标');
        expect(tip).toContain('化整为零、规避公开招标');
        expect(tip).toContain('同一品目年度累计金额超限的一律公开招标');
        expect(tip).toContain('高');

        const { svg } = await drawFlowchart(model, { palette: 'print', locale: 'zh' });
        await send(page, { type: 'rasterise', requestId: 7, svg, scale: 1 });
        await expect.poll(async () => (await posted(page)).some(m => m.type === 'rasterised'), { timeout: 20_000 }).toBe(true);
        const png = (await posted(page)).find(m => m.type === 'rasterised') as { requestId: number; data?: string; error?: string };
        expect(png.error).toBeUndefined();
        expect(png.requestId).toBe(7);
        const bytes = Buffer.from(png.data!, 'base64');
        expect(bytes.subarray(1, 4).toString()).toBe('PNG');
        expect(bytes.readUInt32BE(16)).toBeGreaterThan(300);
        expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
        await page.close();
    }, 60_000);

    test('nothing injected runs: hostile names, descriptions and a hostile SVG stay text', async () => {
        const [{ power }] = await powersOf(specFiles());
        const base = buildDiagram(power, 'external');
        const page = await openPage();
        for (const [i, text] of HOSTILE_STRINGS.entries()) {
            const risk = { name: text, grade: 'high' as const, description: text, measures: [{ text, by: text }] };
            const model: DiagramModel = {
                ...base,
                title: { ...base.title, power: text, code: text, responsible: text },
                nodes: base.nodes.map(n => n.kind === 'step' ? { ...n, name: text, responsible: n.responsible && { ...n.responsible, name: text }, risks: [risk] } : n),
                edges: base.edges.map(e => e.label !== undefined ? { ...e, label: text } : e)
            };
            await send(page, await renderMessage(model, `h${i}`));
            await expect.poll(() => page.locator('#toolbar .title').textContent()).toBe(text);
            if (text.trim() !== '' && !/[\u0000-\u001f\ud800-\udfff]/.test(text)) {
                await pointAt(page, '#canvas g.sl-badge circle');
                await expect.poll(() => page.locator('#tooltip').isVisible()).toBe(true);
                expect(await page.locator('#tooltip .risk-description').first().textContent()).toBe(text);
                await page.mouse.move(2, 690);
            }
        }
        // A hostile SVG, as if the renderer were broken: the page strips what is active, and the CSP blocks the rest.
        await send(page, {
            type: 'render', key: 'evil', title: 'evil', nodes: [], flows: [], state: { lanes: false, pinned: false },
            svg: '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" onload="window.__pwned=1"><script>window.__pwned=2</script>'
                + '<foreignObject><img xmlns="http://www.w3.org/1999/xhtml" src="x" onerror="window.__pwned=3"/></foreignObject>'
                + '<a href="javascript:window.__pwned=4"><text y="20">link</text></a><g class="sl-node" data-node-id="x" onclick="window.__pwned=5"><rect width="50" height="50"/></g></svg>'
        });
        await expect.poll(() => page.locator('#toolbar .title').textContent()).toBe('evil');
        await page.locator('#canvas g.sl-node rect').click();
        await page.waitForTimeout(300);
        expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
        expect(await page.locator('#canvas script, #canvas foreignObject, #canvas img, #canvas a').count()).toBe(0);
        expect(await page.evaluate(() => Array.from(document.querySelectorAll('#canvas *')).flatMap(e => Array.from(e.attributes).map(a => a.name)).filter(n => n.startsWith('on')))).toEqual([]);
        expect(await page.locator('body img, body script:not([nonce])').count()).toBe(0);
        await page.close();
    }, 180_000);
});
