import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { documents, exportHandin, loadHandinWorkspace, type HandinExportOptions } from '../../cli/export-handin.js';
import { UsageError } from '../../cli/errors.js';
import { findChromium } from '../../handin/pdf.js';
import type { CliContext } from '../../cli/context.js';
import { main } from '../../cli/main.js';
import { sunlight, usageFailure } from '../cli/cli-helpers.js';
import { FIXTURE_FILES } from './fixture.js';
import { CHROMIUM, EXAMPLES, listFiles, tempDir } from './support.js';

const temp = tempDir();
afterAll(() => temp.remove());

function capture() {
    const out: string[] = [];
    const err: string[] = [];
    return { output: { out: (t: string) => { out.push(t); }, err: (t: string) => { err.push(t); } }, out: () => out.join(''), err: () => err.join('') };
}

function options(partial: Partial<HandinExportOptions> & Pick<HandinExportOptions, 'kind' | 'out'>): HandinExportOptions {
    return { paths: [EXAMPLES], formats: ['html'], lang: 'zh', messages: 'en', strict: false, pdf: false, ...partial };
}

/** The fixture college (with errors) written to disk. */
function fixtureFolder(): string {
    const dir = path.join(temp.dir, `src-${Math.random().toString(36).slice(2)}`);
    for (const [name, text] of Object.entries(FIXTURE_FILES)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
}

const context: CliContext = { locale: 'en', write: () => undefined, writeError: () => undefined, color: false, ruleDocsBase: undefined };

describe('sunlight export: files written', { timeout: 120_000 }, () => {
    it('catalog in every format: whole organisation and one file per department', async () => {
        const out = path.join(temp.dir, 'catalog');
        const run = capture();
        expect(await exportHandin(options({ kind: 'catalog', out, formats: ['xlsx', 'csv', 'md', 'html'] }), run.output)).toBe(0);
        const files = listFiles(out);
        for (const ext of ['xlsx', 'csv', 'md', 'html']) {
            expect(files).toContain(`catalog.${ext}`);
            expect(files).toContain(`catalog/财务处.${ext}`);
            expect(files.filter(f => f.startsWith('catalog/') && f.endsWith(`.${ext}`))).toHaveLength(7);
        }
        expect(run.err()).toBe('');
        expect(run.out()).toMatch(/^exported 32 files to /);
    });

    it('registers in html and xlsx', async () => {
        const out = path.join(temp.dir, 'registers');
        expect(await exportHandin(options({ kind: 'registers', out, formats: ['html', 'xlsx'] }), capture().output)).toBe(0);
        const files = listFiles(out);
        expect(files).toContain('registers.html');
        expect(files).toContain('registers/财务处.html');
        expect(files).toContain('registers/财务处.xlsx');
    });

    it('report: index, one page per department, print view and the electronic copies', async () => {
        const out = path.join(temp.dir, 'report');
        expect(await exportHandin(options({ kind: 'report', out }), capture().output)).toBe(0);
        const files = listFiles(out);
        expect(files).toEqual(expect.arrayContaining(['index.html', 'print.html', 'departments/财务处.html', 'downloads/catalog.xlsx', 'downloads/catalog.csv', 'downloads/registers.html']));
        expect(files.filter(f => f.startsWith('departments/'))).toHaveLength(7);
        const index = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
        expect(index).toContain('合肥职业技术学院 廉政风险防控工作报告');
        expect(index).not.toContain('class="banner error"');
        // Every link of the index points to a file of the folder.
        for (const [, href] of index.matchAll(/href="([^"#]+)"/g)) {
            expect(fs.existsSync(path.join(out, decodeURIComponent(href))), href).toBe(true);
        }
    });
});

describe('sunlight export is reproducible', { timeout: 120_000 }, () => {
    it('the same files give the same bytes, xlsx included', async () => {
        const workspace = await loadHandinWorkspace([EXAMPLES], 'zh');
        const first = await documents({ kind: 'report', formats: ['html'], lang: 'zh', pdf: false }, workspace, '2012-11-16');
        await new Promise(resolve => setTimeout(resolve, 2100)); // zip times have a two-second resolution
        const again = await documents({ kind: 'report', formats: ['html'], lang: 'zh', pdf: false }, workspace, '2012-11-16');
        expect(again.map(f => f.path)).toEqual(first.map(f => f.path));
        first.forEach((file, i) => expect(Buffer.compare(Buffer.from(again[i].content), Buffer.from(file.content)), file.path).toBe(0));
        expect(first.some(f => f.path.endsWith('.xlsx'))).toBe(true);
    });
});

describe('sunlight export refuses to pretend', () => {
    it('says up front that the files have errors, and shows them in the report', async () => {
        const src = fixtureFolder();
        const out = path.join(temp.dir, 'errors');
        const run = capture();
        expect(await exportHandin(options({ kind: 'report', out, paths: [src] }), run.output)).toBe(0);
        expect(run.err()).toMatch(/^sunlight: the files have 3 errors; the documents show them as they are/);
        expect(run.err()).toContain('missing-grade');
        expect(run.out()).toMatch(/\(with 3 errors, \d+ warnings?\)/);
        const index = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
        expect(index).toContain('class="banner error" role="alert" data-errors="3"');
        expect(index).toContain('文件中仍有 3 个错误');
        expect(index).toMatch(/data-issue="open-errors"/);
    });

    it('--strict: exit 1 and nothing written', async () => {
        const src = fixtureFolder();
        const out = path.join(temp.dir, 'strict');
        const run = capture();
        expect(await exportHandin(options({ kind: 'catalog', out, paths: [src], strict: true, formats: ['xlsx'] }), run.output)).toBe(1);
        expect(fs.existsSync(out)).toBe(false);
        expect(run.err()).toContain('--strict: nothing exported');
        expect(run.out()).toBe('');
    });

    it('--strict on clean files exports as usual', async () => {
        const out = path.join(temp.dir, 'strict-clean');
        expect(await exportHandin(options({ kind: 'catalog', out, strict: true, formats: ['csv'] }), capture().output)).toBe(0);
        expect(fs.existsSync(path.join(out, 'catalog.csv'))).toBe(true);
    });

    it('Chinese messages with --lang zh', async () => {
        const run = capture();
        await exportHandin(options({ kind: 'catalog', out: path.join(temp.dir, 'zh-msg'), paths: [fixtureFolder()], messages: 'zh', formats: ['md'] }), run.output);
        expect(run.err()).toMatch(/^sunlight: 文件中有 3 个错误/);
        expect(run.out()).toMatch(/^已导出 \d+ 个文件到 /);
    });
});

describe('sunlight export: arguments', () => {
    const fails = async (args: string[]) => {
        try {
            await main(args);
        } catch (error) {
            expect(error).toBeInstanceOf(UsageError);
            return (error as Error).message;
        }
        throw new Error(`no usage error for ${args.join(' ')}`);
    };

    it('turns bad arguments into one-line usage errors', async () => {
        expect(await fails(['export'])).toMatch(/export needs a kind \(expected .*catalog, registers, report/);
        expect(await fails(['export', 'nonsense'])).toMatch(/unknown export 'nonsense'/);
        expect(await fails(['export', 'catalog', 'examples'])).toBe('export catalog needs --out DIR');
        expect(await fails(['export', 'catalog', 'examples', '--out', 'x', '--format', 'pdf'])).toMatch(/unknown --format 'pdf' for export catalog \(expected xlsx, csv, md, html\)/);
        expect(await fails(['export', 'registers', 'examples', '--out', 'x', '--format', 'md'])).toMatch(/unknown --format 'md' for export registers/);
        expect(await fails(['export', 'report', 'examples', '--out', 'x', '--lang', 'fr'])).toMatch(/unknown --lang 'fr'/);
        expect(await fails(['export', 'report', 'examples', '--out', 'x', '--bogus'])).toMatch(/bogus/);
        expect(await fails(['export', 'report', 'no-such-folder', '--out', path.join(temp.dir, 'never')])).toMatch(/no such file or folder: no-such-folder/);
        const file = path.join(temp.dir, 'a-file');
        fs.writeFileSync(file, '');
        expect(await fails(['export', 'report', 'examples', '--out', file])).toMatch(/is not a folder/);
    });

    it('accepts several formats at once, and all', async () => {
        const out = path.join(temp.dir, 'all-formats');
        expect(await main(['export', 'catalog', EXAMPLES, '--out', out, '--format', 'all', '--lang', 'en'], context)).toBe(0);
        expect(listFiles(out).filter(f => !f.includes('/'))).toEqual(['catalog.csv', 'catalog.html', 'catalog.md', 'catalog.xlsx']);
        expect(fs.readFileSync(path.join(out, 'catalog.md'), 'utf8')).toMatch(/^# 合肥职业技术学院 Power catalog|^# Power catalog of 合肥职业技术学院/);
    });
});

describe('sunlight export --pdf', () => {
    it('says clearly when no Chromium is installed, and writes nothing', async () => {
        const out = path.join(temp.dir, 'no-chromium');
        let message = '';
        try {
            await exportHandin(options({ kind: 'report', out, pdf: true, findChromium: () => findChromium({ PATH: '' }, []) }), capture().output);
        } catch (error) {
            message = (error as Error).message;
        }
        expect(message).toMatch(/^no Chromium found .*cannot print the PDF; install Chromium, set SUNLIGHT_CHROMIUM, or leave out --pdf$/);
        expect(fs.existsSync(out)).toBe(false);
        expect(findChromium({ SUNLIGHT_CHROMIUM: '/no/such/chromium' })).toEqual({ badOverride: '/no/such/chromium' });
    });

    it.skipIf(!CHROMIUM)('prints the report to report.pdf through headless Chromium', async () => {
        const out = path.join(temp.dir, 'pdf');
        const run = capture();
        expect(await exportHandin(options({ kind: 'report', out, pdf: true, findChromium: () => ({ executable: CHROMIUM }) }), run.output)).toBe(0);
        const pdf = fs.readFileSync(path.join(out, 'report.pdf'));
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        expect(pdf.length).toBeGreaterThan(50_000);
        expect(run.out()).toContain('report.pdf');
    }, 120_000);
});

describe('the real command (bundle)', { timeout: 120_000 }, () => {
    it('exports the catalog of the examples, exit 0', () => {
        const out = path.join(temp.dir, 'bundle-catalog');
        const result = sunlight(['export', 'catalog', 'examples', '--out', out, '--format', 'csv']);
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
        expect(result.stdout).toContain('catalog.csv');
        expect(fs.readFileSync(path.join(out, 'catalog', '财务处.csv'), 'utf8')).toMatch(/^\uFEFF编号,职权名称,/);
    });

    it('a bad export is one line on stderr and exit 2', () => {
        const result = sunlight(['export', 'report', 'examples']);
        expect(usageFailure(result)).toMatchObject({ status: 2, lines: 1, stack: false, prefixed: true });
        const none = sunlight(['export', 'report', 'examples', '--out', path.join(temp.dir, 'x'), '--pdf'], { env: { SUNLIGHT_CHROMIUM: '/no/such/chromium' } });
        expect(usageFailure(none)).toMatchObject({ status: 2, lines: 1, stack: false, prefixed: true });
        expect(none.stderr).toContain('SUNLIGHT_CHROMIUM');
    });

    it('--strict fails with exit 1 on files with errors', () => {
        const result = sunlight(['export', 'catalog', fixtureFolder(), '--out', path.join(temp.dir, 'bundle-strict'), '--strict']);
        expect(result.status).toBe(1);
        expect(result.stderr).toContain('--strict: nothing exported');
    });

    it('help lists the export commands', () => {
        const help = sunlight(['--help']).stdout;
        for (const kind of ['catalog', 'registers', 'report', 'public']) expect(help).toMatch(new RegExp(`^  export ${kind} \\[options\\]`, 'm'));
    });

    it('export public: a bad invocation is one line and exit 2; a good one writes the guide', () => {
        for (const args of [['export', 'public', 'examples'], ['export', 'public', 'examples', '--out', path.join(temp.dir, 'p'), '--lang', 'fr'],
            ['export', 'public', 'examples', '--out', path.join(temp.dir, 'p'), '--bogus'], ['export', 'public', 'no-such-folder', '--out', path.join(temp.dir, 'p')]]) {
            expect(usageFailure(sunlight(args)), args.join(' ')).toMatchObject({ status: 2, lines: 1, stack: false, prefixed: true });
        }
        const out = path.join(temp.dir, 'public-cli');
        const result = sunlight(['export', 'public', 'examples', '--out', out, '--lang', 'en']);
        expect(result.status).toBe(0);
        expect(result.stdout).toContain('index.html');
        expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('<html lang="en">');
    });
});
