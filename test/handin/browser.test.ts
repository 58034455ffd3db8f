/**
 * The report, the registers and the catalog opened in a real Chromium (driven
 * by playwright-core): no console error, no page error, and every request
 * stays inside the exported folder (file://, no network, no CDN). The numbers
 * the page shows are compared with a count made here from the parsed files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AstUtils } from 'langium';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportHandin, type HandinExportOptions } from '../../cli/export-handin.js';
import { isFlow, isPower, isRisk, type Risk } from '../../language/generated/ast.js';
import { HOSTILE_SUN_STRINGS } from '../fixtures/hostile-strings.js';
import { FIXTURE_FILES } from './fixture.js';
import { CHROMIUM, EXAMPLES, examples, listFiles, sunString, tempDir } from './support.js';

/** Markup that would fetch from outside the report's folder, were it ever rendered as markup. */
const REMOTE_STRINGS = [
    '<img src="http://example.invalid/x.png">',
    '<link rel="stylesheet" href="https://example.invalid/x.css">',
    '<iframe src="https://example.invalid/"></iframe>',
    '<style>@import url(http://example.invalid/a.css)</style>',
    'url(http://example.invalid/x.png)'
];

const quiet = { out: () => undefined, err: () => undefined };

async function run(options: Partial<HandinExportOptions> & Pick<HandinExportOptions, 'kind' | 'paths' | 'out'>): Promise<number> {
    return exportHandin({ formats: ['html'], lang: 'zh', messages: 'en', strict: false, pdf: false, ...options }, quiet);
}

interface Visit {
    readonly console: string[];
    readonly errors: string[];
    readonly requests: string[];
}

describe.skipIf(!CHROMIUM)('exported HTML in chromium', { timeout: 240_000 }, () => {
    let browser: Browser;
    const temp = tempDir();

    beforeAll(async () => {
        browser = await chromium.launch({
            executablePath: CHROMIUM,
            args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']
        });
    });
    afterAll(async () => {
        await browser?.close();
        temp.remove();
    });

    async function visit(file: string, check?: (page: import('playwright-core').Page) => Promise<void>): Promise<Visit> {
        const page = await browser.newPage();
        const result: Visit = { console: [], errors: [], requests: [] };
        page.on('console', m => { if (m.type() === 'error' || m.type() === 'warning') result.console.push(`${m.type()}: ${m.text()}`); });
        page.on('pageerror', e => result.errors.push(e.message));
        page.on('request', r => result.requests.push(r.url()));
        // Anything that is not a file is aborted (and recorded above).
        await page.route(url => !url.href.startsWith('file:'), route => route.abort());
        await page.goto(pathToFileURL(file).toString(), { waitUntil: 'load' });
        if (check) await check(page);
        await page.close();
        return result;
    }

    function expectClean(visit: Visit, folder: string, label: string): void {
        expect(visit.console, label).toEqual([]);
        expect(visit.errors, label).toEqual([]);
        const root = pathToFileURL(folder + path.sep).toString();
        for (const url of visit.requests) expect(url.startsWith(root), `${label}: ${url}`).toBe(true);
    }

    for (const lang of ['zh', 'en'] as const) {
        it(`report of the examples (${lang}): every page clean, numbers equal an independent count`, async () => {
            const out = path.join(temp.dir, `report-${lang}`);
            expect(await run({ kind: 'report', paths: [EXAMPLES], out, lang })).toBe(0);
            const files = listFiles(out);
            expect(files).toContain('index.html');
            expect(files).toContain('print.html');

            // Independent count, from the AST.
            const workspace = await examples(lang);
            const risks: Risk[] = [];
            let powers = 0, flows = 0;
            for (const { department } of workspace.departments) {
                for (const node of AstUtils.streamAst(department)) {
                    if (isRisk(node)) risks.push(node); else if (isPower(node)) powers++; else if (isFlow(node)) flows++;
                }
            }
            const high = risks.filter(r => (r.final ?? r.grade) === 'high').length;

            const index = await visit(path.join(out, 'index.html'), async page => {
                const total = async (key: string) => (await page.locator(`[data-total="${key}"] .card-value`).innerText()).split('/')[0].trim();
                expect(await total('departments')).toBe(String(workspace.departments.length));
                expect(await total('powers')).toBe(String(powers));
                expect(await total('flows')).toBe(String(flows));
                expect(await total('risks')).toBe(String(risks.length));
                expect(await total('high')).toBe(String(high));
                expect(await page.locator('table.high-risks tbody tr').count()).toBe(high);
                let matrix = 0;
                for (const cell of await page.locator('td.heat').all()) matrix += Number(await cell.innerText());
                expect(matrix).toBe(risks.filter(r => r.probability && r.harm).length);
                expect(await page.locator('html').getAttribute('lang')).toBe(lang === 'zh' ? 'zh-CN' : 'en');
            });
            expectClean(index, out, 'index.html');

            for (const file of files.filter(f => f.endsWith('.html') && f !== 'index.html')) {
                const result = await visit(path.join(out, file), async page => {
                    if (!file.startsWith('departments/')) return;
                    const title = await page.locator('h1').innerText();
                    const source = workspace.departments.find(d => d.department.title === title)!;
                    expect(source, file).toBeDefined();
                    const expectedFlows = source.department.powers.reduce((n, p) => n + p.flows.length, 0);
                    expect(await page.locator('figure.flowchart svg.sunlight-flowchart').count(), file).toBe(expectedFlows);
                    expect(await page.locator('section.form').count(), file).toBe(1 + source.department.staff.length);
                });
                expectClean(result, out, file);
            }
        });
    }

    it('registers and catalog html are clean', async () => {
        const out = path.join(temp.dir, 'docs');
        expect(await run({ kind: 'registers', paths: [EXAMPLES], out })).toBe(0);
        expect(await run({ kind: 'catalog', paths: [EXAMPLES], out })).toBe(0);
        for (const file of listFiles(out).filter(f => f.endsWith('.html'))) {
            expectClean(await visit(path.join(out, file)), out, file);
        }
    });

    it('hostile strings stay text: no script runs, nothing is fetched, the page still parses', async () => {
        const sources = path.join(temp.dir, 'hostile-src');
        fs.mkdirSync(path.join(sources, 'departments'), { recursive: true });
        for (const [name, text] of Object.entries(FIXTURE_FILES)) fs.writeFileSync(path.join(sources, name), text);
        // Every hostile string as a description, a cause, a measure, a content and a title,
        // and strings that would load something from outside the folder if they became markup.
        const HOSTILE = [...HOSTILE_SUN_STRINGS, ...REMOTE_STRINGS];
        const risks = HOSTILE.map((s, i) => `risk 恶意${i} { description ${sunString(s)} cause ${sunString(s)} grade high measure ${sunString(s)} by 处长 }`).join('\n');
        fs.writeFileSync(path.join(sources, 'departments', 'hostile.sun'), `department 恶意处 ${sunString(HOSTILE[1])} {
    leader 甲领导
    post 处长 ${sunString(HOSTILE[0])}
    staff 某人 post 处长
    power 恶意职权 {
        code ${sunString(HOSTILE[3])}
        content ${sunString(HOSTILE[6])}
        responsible 处长
        basis 内部制度
        flow internal { step 办理 by 处长 within 1 day }
    }
    ${risks}
    register 某人 { risks ${HOSTILE.map((_, i) => `恶意${i}`).join(', ')} }
}`);
        const out = path.join(temp.dir, 'hostile-out');
        expect(await run({ kind: 'report', paths: [sources], out })).toBe(0);
        expect(await run({ kind: 'catalog', paths: [sources], out: path.join(out, 'catalog'), formats: ['html'] })).toBe(0);
        for (const file of listFiles(out).filter(f => f.endsWith('.html'))) {
            const result = await visit(path.join(out, file), async page => {
                // No element came from the data: no script, img, iframe, link.
                expect(await page.locator('script, img, iframe, link, object, embed').count(), file).toBe(0);
                expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? 0), file).toBe(0);
            });
            expectClean(result, out, file);
        }
        const page = await browser.newPage();
        await page.goto(pathToFileURL(path.join(out, 'index.html')).toString());
        const text = await page.locator('table.high-risks').innerText();
        expect(text).toContain(HOSTILE[0]);
        expect(text).toContain(HOSTILE[1]);
        expect(text).toContain(REMOTE_STRINGS[0]);
        await page.close();
    });
});
