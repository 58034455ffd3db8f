/**
 * The public service guide of the examples in a real Chromium (playwright-core):
 * every page opens with no console error and no request outside its folder;
 * the search finds a power by a Chinese word of its name; without JavaScript
 * every power is still listed and every page works (only the search is
 * gone); axe-core finds no serious or critical violation; printed, no text
 * is under 9 pt (12 CSS px), flowcharts included.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPublic } from '../../cli/export-public.js';
import { projectPublicGuide } from '../../handin/public/projection.js';
import { CHROMIUM, EXAMPLES, examples, listFiles, tempDir } from './support.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const quiet = { out: () => undefined, err: () => undefined };

describe.skipIf(!CHROMIUM)('the public guide in chromium', { timeout: 300_000 }, () => {
    let browser: Browser;
    const temp = tempDir('sunlight-public-browser-');
    const out = path.join(temp.dir, 'guide');
    let pages: string[] = [];
    let powerCount = 0;

    beforeAll(async () => {
        expect(await exportPublic({ paths: [EXAMPLES], out, lang: 'zh', messages: 'en', strict: true, pdf: false, onlyCharted: false }, quiet)).toBe(0);
        pages = listFiles(out).filter(f => f.endsWith('.html'));
        powerCount = projectPublicGuide(await examples()).departments.reduce((n, d) => n + d.powers.length, 0);
        browser = await chromium.launch({
            executablePath: CHROMIUM,
            args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']
        });
    }, 240_000);
    afterAll(async () => {
        await browser?.close();
        temp.remove();
    });

    async function open(context: BrowserContext, file: string) {
        const page = await context.newPage();
        const seen = { console: [] as string[], requests: [] as string[] };
        page.on('console', m => { if (m.type() === 'error' || m.type() === 'warning') seen.console.push(`${m.type()}: ${m.text()}`); });
        page.on('pageerror', e => seen.console.push(`pageerror: ${e.message}`));
        page.on('request', r => seen.requests.push(r.url()));
        await page.route(url => !url.href.startsWith('file:'), route => route.abort());
        await page.goto(pathToFileURL(path.join(out, file)).toString(), { waitUntil: 'load' });
        return { page, seen };
    }

    it('every page opens clean, and loads nothing from outside the folder', async () => {
        expect(pages.length).toBe(powerCount + 2);
        const context = await browser.newContext();
        const root = pathToFileURL(out + path.sep).toString();
        for (const file of pages) {
            const { page, seen } = await open(context, file);
            await page.waitForLoadState('networkidle');
            expect(seen.console, file).toEqual([]);
            for (const url of seen.requests) expect(url.startsWith(root), `${file}: ${url}`).toBe(true);
            // The style sheet applied (the CSP let it in) and, on the index, the script ran.
            expect(await page.evaluate(() => getComputedStyle(document.body).margin), file).toBe('0px');
            if (file === 'index.html') expect(await page.isVisible('#guide-search'), file).toBe(true);
            await page.close();
        }
        await context.close();
    });

    it('the search finds a power by a Chinese word of its name, and shows all again when cleared', async () => {
        const context = await browser.newContext();
        const { page, seen } = await open(context, 'index.html');
        const visible = () => page.locator('ul.powers li:visible').allInnerTexts();
        expect(await visible()).toHaveLength(powerCount);
        await page.fill('#guide-query', '学籍');
        await expect.poll(visible, { timeout: 20_000 }).toHaveLength(1);
        expect((await visible())[0]).toContain('成绩与学籍管理');
        expect(await page.textContent('#guide-status')).toContain('1');
        // Two words: both must match (a department and a word of the content).
        await page.fill('#guide-query', '财务处 报销');
        await expect.poll(visible, { timeout: 20_000 }).toEqual([expect.stringContaining('经费报销审核')]);
        // Departments and categories left empty are hidden.
        expect(await page.locator('section.department:visible').count()).toBe(1);
        await page.fill('#guide-query', '没有这样的事项');
        await expect.poll(visible, { timeout: 20_000 }).toHaveLength(0);
        await page.fill('#guide-query', '');
        await expect.poll(visible, { timeout: 20_000 }).toHaveLength(powerCount);
        // ?q= in the address pre-fills the search.
        await page.goto(`${pathToFileURL(path.join(out, 'index.html'))}?q=${encodeURIComponent('招生')}`);
        await expect.poll(async () => (await visible()).length, { timeout: 20_000 }).toBeGreaterThan(0);
        for (const text of await visible()) expect(text).toMatch(/招生|单独|录取|就业/);
        expect(seen.console).toEqual([]);
        await context.close();
    });

    it('without JavaScript every power is listed and every page shows its chart and steps; only the search is gone', async () => {
        const context = await browser.newContext({ javaScriptEnabled: false });
        const { page } = await open(context, 'index.html');
        expect(await page.locator('ul.powers li:visible').count()).toBe(powerCount);
        expect(await page.isVisible('#guide-search')).toBe(false);
        const links = await page.locator('ul.powers a').evaluateAll(as => as.map(a => (a as HTMLAnchorElement).getAttribute('href') ?? ''));
        for (const link of links) expect(fs.existsSync(path.join(out, decodeURIComponent(link))), link).toBe(true);
        const charted = pages.filter(f => f.startsWith('powers') && fs.readFileSync(path.join(out, f), 'utf8').includes('<svg'));
        expect(charted.length).toBeGreaterThan(0);
        for (const file of charted) {
            const power = await open(context, file);
            expect(await power.page.isVisible('figure.chart svg'), file).toBe(true);
            expect(await power.page.locator('table.steps tbody tr').count(), file).toBeGreaterThan(0);
            await power.page.close();
        }
        await context.close();
    });

    it('axe-core: no serious or critical violation on the index, a power page and the booklet', async () => {
        // axe is injected by the test, which the pages' CSP would rightly refuse.
        const context = await browser.newContext({ bypassCSP: true });
        const charted = pages.find(f => f.startsWith('powers') && fs.readFileSync(path.join(out, f), 'utf8').includes('chart-pieces'))!;
        const plain = pages.find(f => f.startsWith('powers') && !fs.readFileSync(path.join(out, f), 'utf8').includes('<svg'))!;
        for (const file of ['index.html', charted, plain, 'booklet.html']) {
            const { page } = await open(context, file);
            await page.addScriptTag({ path: AXE });
            const violations = await page.evaluate(async () => {
                const result = await (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> } })
                    .axe.run(document, { resultTypes: ['violations'] });
                return result.violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
            });
            expect(violations.filter(v => v.impact === 'serious' || v.impact === 'critical'), file).toEqual([]);
            await page.close();
        }
        await context.close();
    });

    it('printed on A4, no text is under 9 pt, the flowcharts included', async () => {
        // An A4 page's body at 96 px per inch: 180 mm wide.
        const context = await browser.newContext({ viewport: { width: 680, height: 994 } });
        for (const file of ['booklet.html', ...pages.filter(f => f.startsWith('powers')).slice(0, 6)]) {
            const { page } = await open(context, file);
            await page.emulateMedia({ media: 'print' });
            const smallest = await smallestText(page);
            expect(smallest.html, `${file}: ${smallest.htmlWhere}`).toBeGreaterThanOrEqual(12 - 0.01);
            expect(smallest.svg, `${file}: ${smallest.svgWhere}`).toBeGreaterThanOrEqual(12 - 0.01);
            await page.close();
        }
        await context.close();
    });
});

/** The smallest rendered size (CSS px) of visible HTML text and of visible SVG text (its font size times the SVG's scale). */
async function smallestText(page: Page): Promise<{ html: number; htmlWhere: string; svg: number; svgWhere: string }> {
    return page.evaluate(() => {
        let html = Infinity, htmlWhere = '', svg = Infinity, svgWhere = '';
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const element = node.parentElement;
            if (!element || !node.textContent?.trim() || element.closest('svg') || element.closest('script')) continue;
            if (element.getClientRects().length === 0) continue;
            const size = parseFloat(getComputedStyle(element).fontSize);
            if (size < html) { html = size; htmlWhere = `${element.tagName}.${element.className}: ${node.textContent.trim().slice(0, 20)}`; }
        }
        for (const root of Array.from(document.querySelectorAll('svg'))) {
            const box = root.getBoundingClientRect();
            if (box.width === 0) continue;
            const scale = box.width / root.viewBox.baseVal.width;
            for (const text of Array.from(root.querySelectorAll('text'))) {
                const size = parseFloat(text.getAttribute('font-size') ?? '16') * scale;
                if (size < svg) { svg = size; svgWhere = text.textContent ?? ''; }
            }
        }
        return { html, htmlWhere, svg: svg === Infinity ? 12 : svg, svgWhere };
    });
}
