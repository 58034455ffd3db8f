import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogCsv } from '../../handin/catalog-csv.js';
import { catalogHtml } from '../../handin/catalog-html.js';
import { catalogMarkdown } from '../../handin/catalog-md.js';
import { catalogXlsx } from '../../handin/catalog-xlsx.js';
import { registersHtml } from '../../handin/registers-html.js';
import { registersXlsx } from '../../handin/registers-xlsx.js';
import { exportHandin } from '../../cli/export-handin.js';
import { insideFolder, safeFileName, uniqueFileNames } from '../../flowchart/file-names.js';
import { buildCatalog, catalogTable } from '../../handin/catalog-data.js';
import { buildRegisters } from '../../handin/register-data.js';
import { HOSTILE_STRINGS, HOSTILE_SUN_STRINGS } from '../fixtures/hostile-strings.js';
import { FIXTURE_FILES } from './fixture.js';
import { listFiles, parseCsv, sunString, tempDir, workspaceOf } from './support.js';

/** A department whose every text is a hostile string. */
function hostileDepartment(): string {
    const risks = HOSTILE_SUN_STRINGS.map((s, i) =>
        `risk 恶意${i} { description ${sunString(s)} cause ${sunString(s)} grade high owner 某人 measure ${sunString(s)} by 处长 }`).join('\n    ');
    const powers = HOSTILE_SUN_STRINGS.map((s, i) =>
        `power 职权${i} { code ${sunString(s)} content ${sunString(s)} responsible 处长 basis 内部制度 category other }`).join('\n    ');
    return `department con "${'x'}" {
    leader 甲领导
    post 处长 ${sunString(HOSTILE_SUN_STRINGS[0])}
    staff 某人 post 处长
    ${powers}
    ${risks}
    register 某人 { risks ${HOSTILE_SUN_STRINGS.map((_, i) => `恶意${i}`).join(', ')} }
    register department { reviewed 2012-11-01 ${sunString(HOSTILE_SUN_STRINGS[1])} }
}`;
}

async function hostileWorkspace() {
    return (await workspaceOf({ ...FIXTURE_FILES, 'departments/hostile.sun': hostileDepartment() })).workspace;
}

/** What XML can hold of a string (the writers drop the rest). */
function xmlSafe(text: string): string {
    return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

describe('hostile strings in the hand-in documents', { timeout: 120_000 }, () => {
    it('parse as intended (the fixture itself is sound)', async () => {
        const workspace = await hostileWorkspace();
        const department = workspace.departments.find(d => d.department.name === 'con')!;
        expect(department.department.powers).toHaveLength(HOSTILE_SUN_STRINGS.length);
        expect(department.department.powers.map(p => p.content)).toEqual([...HOSTILE_SUN_STRINGS]);
    });

    it('html: no markup comes from the data', async () => {
        const workspace = await hostileWorkspace();
        const pages = [catalogHtml(buildCatalog(workspace), 'zh'), registersHtml(buildRegisters(workspace), 'en')];
        for (const html of pages) {
            for (const tag of ['<script', '<img', '<svg', '<iframe', '<style>*', '<a href="javascript', '<foreignObject', '<!DOCTYPE x', '<![CDATA']) {
                expect(html.includes(tag), tag).toBe(false);
            }
            expect(html).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
            expect(html).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;');
            expect(html).toContain('&quot;&gt;&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;');
        }
    });

    it('markdown: table rows keep their cell count', async () => {
        const workspace = await hostileWorkspace();
        const catalog = buildCatalog(workspace);
        const md = catalogMarkdown(catalog, 'en', catalog.departments.find(d => d.name === 'con'));
        const lines = md.split('\n').filter(l => l.startsWith('|'));
        const cells = (line: string) => line.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length;
        expect(lines.length).toBe(2 + HOSTILE_SUN_STRINGS.length + 1);
        for (const line of lines) expect(cells(line)).toBe(cells(lines[0]));
        expect(md).not.toMatch(/<(script|img|a |style|svg)/);
    });

    it('csv: every cell round-trips (formulas defused with an apostrophe)', async () => {
        const workspace = await hostileWorkspace();
        const table = catalogTable(buildCatalog(workspace), 'zh');
        const rows = parseCsv(catalogCsv(table).slice(1));
        expect(rows).toHaveLength(1 + table.rows.length + 1);
        table.rows.forEach((row, r) => row.forEach((cell, c) => {
            const text = String(cell);
            expect(rows[r + 1][c]).toBe(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
        }));
    });

    it('xlsx: opens, and every text reads back as written (minus what XML cannot hold)', async () => {
        const workspace = await hostileWorkspace();
        const catalog = buildCatalog(workspace);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(await catalogXlsx(catalog, 'zh') as unknown as ArrayBuffer);
        const sheet = workbook.worksheets.find(s => s.name === 'x')!;
        expect(sheet).toBeDefined();
        const contents: unknown[] = [];
        for (let r = 2; r < sheet.rowCount; r++) contents.push(sheet.getRow(r).getCell(5).value ?? '');
        expect(contents).toEqual(HOSTILE_SUN_STRINGS.map(s => xmlSafe(s).slice(0, 32767)));

        const registers = buildRegisters(workspace).find(r => r.name === 'con')!;
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(await registersXlsx(registers, 'en') as unknown as ArrayBuffer);
        expect(book.worksheets.map(s => s.name)).toEqual(['Department form', '某人']);
    });

    it('sheet names and file names are safe even from hostile department names', async () => {
        for (const name of [...HOSTILE_STRINGS, '..', '.', 'con', 'COM1', 'lpt9.txt', 'a'.repeat(400)]) {
            const safe = safeFileName(name);
            expect(safe.length, JSON.stringify(name)).toBeGreaterThan(0);
            expect(safe).not.toMatch(/[/\\:*?"<>|\u0000-\u001F\u007F\u202A-\u202E\u2066-\u2069]/);
            expect(safe).not.toMatch(/^\.|[. ]$/);
            expect(safe).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i);
            expect(Buffer.byteLength(safe)).toBeLessThanOrEqual(120);
            expect(safeFileName(name)).toBe(safe); // stable
            expect(path.resolve('/out', safe).startsWith('/out/')).toBe(true);
        }
        expect(safeFileName('../../x')).toBe('__.._x');
        expect(safeFileName('con')).toBe('_con');
        expect(safeFileName('财务处')).toBe('财务处');
        expect(uniqueFileNames(['A', 'a', 'A'], '.html')).toEqual(['A.html', 'a-2.html', 'A-3.html']);
        expect(() => insideFolder('/out', '../x')).toThrow();
        expect(insideFolder('/out', 'departments/x.html')).toBe(path.resolve('/out/departments/x.html'));
    });

    it('a department named con is written inside --out under a safe name', async () => {
        const temp = tempDir();
        try {
            const sources = path.join(temp.dir, 'src');
            fs.mkdirSync(path.join(sources, 'departments'), { recursive: true });
            for (const [name, text] of Object.entries({ ...FIXTURE_FILES, 'departments/hostile.sun': hostileDepartment() })) {
                fs.writeFileSync(path.join(sources, name), text);
            }
            const out = path.join(temp.dir, 'out');
            for (const kind of ['catalog', 'registers', 'report'] as const) {
                const code = await exportHandin({ kind, paths: [sources], out: path.join(out, kind), formats: kind === 'catalog' ? ['xlsx', 'csv', 'md', 'html'] : kind === 'registers' ? ['html', 'xlsx'] : ['html'], lang: 'zh', messages: 'en', strict: false, pdf: false }, { out: () => undefined, err: () => undefined });
                expect(code).toBe(0);
            }
            const files = listFiles(out);
            expect(files).toContain('catalog/catalog/_con.xlsx');
            expect(files).toContain('registers/registers/_con.html');
            expect(files).toContain('report/departments/_con.html');
            // Nothing outside --out.
            expect(fs.readdirSync(temp.dir).sort()).toEqual(['out', 'src']);
        } finally {
            temp.remove();
        }
    });
});

describe('hostile strings in the public service guide', { timeout: 120_000 }, () => {
    it('no markup comes from the data; the embedded search index holds every string as text', async () => {
        const { projectPublicGuide } = await import('../../handin/public/projection.js');
        const { buildPublicSite } = await import('../../handin/public/site.js');
        const guide = projectPublicGuide(await hostileWorkspace());
        const chart = async () => ({ svg: '<svg role="img" aria-label="x"></svg>', pieces: [] });
        const { files } = await buildPublicSite(guide, { locale: 'zh', chart });
        for (const file of files.filter(f => f.path.endsWith('.html'))) {
            const html = file.content;
            // The index's two own script elements (the data block and the search), nothing else.
            expect(html.split('<script').length - 1, file.path).toBe(file.path === 'index.html' ? 2 : 0);
            for (const tag of ['<img', '<iframe', '<style', '<a href="javascript', '<foreignObject', '<![CDATA', '<link rel="stylesheet" href="http']) {
                expect(html.includes(tag), `${file.path}: ${tag}`).toBe(false);
            }
            expect(html).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
        }
        const index = files.find(f => f.path === 'index.html')!.content;
        const block = /<script type="application\/json" id="guide-index"[^>]*>([\s\S]*?)<\/script>/.exec(index)![1];
        const texts = (JSON.parse(block) as Array<{ text: string }>).map(e => e.text).join('\n');
        for (const s of HOSTILE_SUN_STRINGS.slice(0, 8)) expect(texts).toContain(s.normalize('NFKC').toLowerCase());
    });
});
