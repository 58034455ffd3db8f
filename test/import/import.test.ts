import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { documents, loadHandinWorkspace } from '../../cli/export-handin.js';
import { importCatalog, type ImportResult } from '../../import/import-catalog.js';
import { formatText } from '../../language/lsp/format-text.js';
import type { Locale } from '../../language/messages.js';
import { sunlight, usageFailure } from '../cli/cli-helpers.js';
import { EXAMPLES, ROOT, tempDir } from '../handin/support.js';

const temp = tempDir();
afterAll(() => temp.remove());
const GBK_CSV = path.join(ROOT, 'test', 'fixtures', 'import', 'catalog-gbk.csv');

/** What `sunlight check` may say about an imported catalog: only what a catalog does not hold. */
const NOT_IN_A_CATALOG = new Set([
    'missing-leader', 'missing-flow', 'missing-aspect', 'missing-owner', 'missing-grade', 'missing-deadline', 'missing-content',
    'missing-category', 'missing-basis', 'missing-responsible', 'high-risk-without-measure', 'aspect-not-covered', 'uncovered-power',
    'major-without-collective-decision'
]);

let folders = 0;
function writeResult(result: ImportResult): string {
    const dir = path.join(temp.dir, `import-${++folders}`);
    for (const file of result.files) {
        fs.mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
        fs.writeFileSync(path.join(dir, file.path), file.text);
    }
    return dir;
}

/** The catalog exported from a folder, every file (whole and per department) as CSV text. */
async function catalogCsv(folder: string, lang: Locale): Promise<Record<string, string>> {
    const files = await documents({ kind: 'catalog', formats: ['csv'], lang, pdf: false }, await loadHandinWorkspace([folder], lang));
    return Object.fromEntries(files.map(f => [f.path, String(f.content)]));
}

async function codesOf(folder: string): Promise<string[]> {
    const workspace = await loadHandinWorkspace([folder], 'en');
    return [...workspace.departments.flatMap(d => d.diagnostics), ...workspace.otherDiagnostics].map(d => d.code);
}

/** A 风险点排查 workbook of the usual shape: a title row, merged power cells over their risk rows, a remarks column. */
async function handMadeWorkbook(): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['财务处职权目录及廉政风险点排查表']);
    sheet.mergeCells('A1:K1');
    sheet.addRow(['序号', '部门', '职权名称', '职权类别', '职权内容', '责任岗位', '法律依据', '风险点', '风险等级', '防控措施', '备注']);
    sheet.addRow([1, '财务处', '经费报销审核', '财务', '审核经费报销单据', '报销会计', '《中华人民共和国会计法》第十四条', '虚假报销', '中', '逐张查验发票']);
    sheet.addRow([null, null, null, null, null, null, null, '拆分报销规避审批', '高', '按项目累计金额设置审批提醒', '待核实']);
    sheet.addRow([null, null, null, null, null, null, null, null, null, '每月抽查大额报销']);
    for (const column of 'ABCDEFG') sheet.mergeCells(`${column}3:${column}5`);
    sheet.mergeCells('H4:H5');
    sheet.mergeCells('I4:I5');
    sheet.addRow([2, '财务处', '资金支付', '人财', '办理资金支付', '出纳', '《学院资金支付管理规定》', '', '', '']);
    return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('sunlight import catalog: spreadsheets of the usual shapes', { timeout: 120_000 }, () => {
    it('merged cells, a title row above the header, several rows per power', async () => {
        const result = await importCatalog(await handMadeWorkbook(), { fileName: '财务处.xlsx', overrides: [], locale: 'en' });
        expect(result.files.map(f => f.path)).toEqual(['departments/01-财务处.sun', 'bases.sun']);
        expect(result.powers).toBe(2);
        const text = result.files[0].text;
        expect(text).toContain('risk 虚假报销 {');
        // The merged risk cell spans two rows: one risk point with both measures.
        expect(text.match(/risk 拆分报销规避审批 \{[^}]*\}/)?.[0]).toMatch(/grade high[\s\S]*measure "按项目累计金额设置审批提醒"[\s\S]*measure "每月抽查大额报销"/);
        expect(text).toContain('basis 会计法.第十四条');
        // Canonical: formatting what import wrote changes nothing.
        expect((await formatText(text)).formatted).toBe(text);
        // Every cell without a place is reported with its row, column and value.
        expect(result.problems.map(p => [p.row, p.column, p.value, p.reason])).toEqual([
            [1, '', '财务处职权目录及廉政风险点排查表', 'above-header'],
            [4, '备注', '待核实', 'unknown-column'],
            [6, '职权类别', '人财', 'unknown-category']
        ]);
        const codes = await codesOf(writeResult(result));
        expect(codes.filter(code => !NOT_IN_A_CATALOG.has(code))).toEqual([]);
        expect(codes).toContain('missing-leader');
        expect(codes).toContain('missing-category'); // 人财 was not a category: check says so too
    });

    it('a GBK CSV is detected; full-width headers and values are read', async () => {
        const bytes = fs.readFileSync(GBK_CSV);
        const result = await importCatalog(bytes, { fileName: 'catalog-gbk.csv', overrides: [], locale: 'zh' });
        expect(result.encoding).toBe('gbk');
        expect(result.departments).toBe(2);
        expect(result.powers).toBe(3);
        const finance = result.files.find(f => f.path.endsWith('财务处.sun'))!.text;
        expect(finance).toMatch(/risk 印鉴由一人保管 \{\s*grade high/);
        expect(finance).toContain('measure "1. 逐张查验发票"');
        expect(finance).toContain('measure "2. 建立报销台账"');
        // The measure on a row of its own joins the risk above it.
        expect(finance).toMatch(/risk 截留学费 \{\s*grade high\s*measure "推行银行代收"/);
        expect(result.problems.map(p => [p.row, p.reason, p.value])).toEqual([
            [1, 'above-header', '学院职权目录（２０２６年）'],
            [7, 'unknown-grade', '特别高']
        ]);
        const bases = result.files.find(f => f.path === 'bases.sun')!.text;
        expect(bases).toMatch(/basis 会计法 law "中华人民共和国会计法" \{\s*article 第十四条 ""\s*article 第三十七条 ""\s*\}/);
        // --encoding gbk gives the same; utf8 is refused for bytes that are not UTF-8.
        const given = await importCatalog(bytes, { fileName: 'catalog-gbk.csv', overrides: [], locale: 'zh', encoding: 'gbk' });
        expect(given.files).toEqual(result.files);
        await expect(importCatalog(bytes, { fileName: 'catalog-gbk.csv', overrides: [], locale: 'zh', encoding: 'utf8' })).rejects.toThrow(/UTF-8/);
    });

    it('--map names a column the headers do not', async () => {
        const csv = '事项,内容,岗位\r\n报销审核,审核单据,会计\r\n';
        const without = await importCatalog(Buffer.from(csv), { fileName: '财务处.csv', overrides: [], locale: 'en' });
        expect(without.powers).toBe(0);
        expect(without.problems.map(p => p.reason)).toEqual(['no-header']);
        const mapped = await importCatalog(Buffer.from(csv), { fileName: '财务处.csv', locale: 'en', overrides: [
            { column: '事项', field: 'power' }, { column: '岗位', field: 'responsible' }
        ] });
        expect(mapped.problems).toEqual([]);
        // No department column: the file's name is the department.
        expect(mapped.files[0].text).toMatch(/department 财务处 "财务处" \{[\s\S]*post 会计 ""[\s\S]*power 报销审核 \{\s*content "审核单据"\s*responsible 会计\s*\}/);
    });
});

describe('sunlight import catalog: round trip of examples/', { timeout: 180_000 }, () => {
    for (const lang of ['zh', 'en'] as const) {
        it(`export catalog (xlsx, ${lang}) → import → export gives the same catalog, totals included`, async () => {
            const before = await catalogCsv(EXAMPLES, lang);
            const [xlsx] = await documents({ kind: 'catalog', formats: ['xlsx'], lang, pdf: false }, await loadHandinWorkspace([EXAMPLES], lang));
            const result = await importCatalog(xlsx.content as Buffer, { fileName: 'catalog.xlsx', overrides: [], locale: lang });
            expect(result.problems).toEqual([]);
            const folder = writeResult(result);
            expect(await catalogCsv(folder, lang)).toEqual(before);
            const codes = await codesOf(folder);
            expect(codes.filter(code => !NOT_IN_A_CATALOG.has(code))).toEqual([]);
        });
    }

    it('from the CSV: the same rows; the department-level risk points of the totals row are reported, not dropped', async () => {
        const before = await catalogCsv(EXAMPLES, 'zh');
        const result = await importCatalog(Buffer.from(before['catalog.csv']), { fileName: 'catalog.csv', overrides: [], locale: 'zh' });
        expect(result.problems.map(p => [p.row, p.reason])).toEqual([[22, 'totals-row']]);
        const after = await catalogCsv(writeResult(result), 'zh');
        const rows = (csv: string) => csv.split('\r\n').slice(0, -2);
        expect(rows(after['catalog.csv'])).toEqual(rows(before['catalog.csv']));
    });
});

describe('sunlight import catalog: the command', { timeout: 120_000 }, () => {
    it('writes into --out, lists what it could not map (exit 1), refuses to overwrite without --force', () => {
        const out = path.join(temp.dir, 'cli-out');
        const first = sunlight(['import', 'catalog', GBK_CSV, '--out', out]);
        expect(first.status).toBe(1);
        expect(first.stdout).toMatch(/imported 3 powers of 2 departments from catalog-gbk\.csv \(GBK\)/);
        expect(first.stdout).toMatch(/row 7, 风险等级（高／中／低） "特别高"/);
        expect(fs.readdirSync(path.join(out, 'departments')).sort()).toEqual(['01-财务处.sun', '02-招生就业处.sun']);
        expect(sunlight(['fmt', '--check', out]).status).toBe(0);

        fs.writeFileSync(path.join(out, 'bases.sun'), '// mine\n');
        const again = sunlight(['import', 'catalog', GBK_CSV, '--out', out]);
        expect(usageFailure(again)).toMatchObject({ status: 2, lines: 1, stack: false, prefixed: true });
        expect(again.stderr).toMatch(/bases\.sun.*--force/);
        expect(fs.readFileSync(path.join(out, 'bases.sun'), 'utf8')).toBe('// mine\n');
        expect(sunlight(['import', 'catalog', GBK_CSV, '--out', out, '--force']).status).toBe(1);
        expect(fs.readFileSync(path.join(out, 'bases.sun'), 'utf8')).toMatch(/^\/\/ The bases cited/);
        expect(fs.readdirSync(out).filter(name => name.endsWith('.tmp') || name.startsWith('.'))).toEqual([]);
    });

    it('never writes through a symlink, even with --force', () => {
        const out = path.join(temp.dir, 'cli-link');
        const elsewhere = path.join(temp.dir, 'elsewhere');
        fs.mkdirSync(out, { recursive: true });
        fs.mkdirSync(elsewhere, { recursive: true });
        fs.symlinkSync(elsewhere, path.join(out, 'departments'));
        const result = sunlight(['import', 'catalog', GBK_CSV, '--out', out, '--force']);
        expect(usageFailure(result)).toMatchObject({ status: 2, lines: 1, stack: false });
        expect(result.stderr).toMatch(/symbolic link/);
        expect(fs.readdirSync(elsewhere)).toEqual([]);
        expect(fs.existsSync(path.join(out, 'bases.sun'))).toBe(false);
    });

    it('bad input: one line, exit 2, nothing written', () => {
        const out = path.join(temp.dir, 'cli-bad');
        const notXlsx = path.join(temp.dir, 'fake.xlsx');
        fs.writeFileSync(notXlsx, 'not a zip');
        for (const args of [
            ['import', 'catalog', notXlsx, '--out', out],
            ['import', 'catalog', path.join(temp.dir, 'missing.csv'), '--out', out],
            ['import', 'catalog', GBK_CSV],
            ['import', 'catalog', GBK_CSV, '--out', out, '--map', 'x=nothing'],
            ['import', 'catalog', GBK_CSV, '--out', out, '--encoding', 'latin1'],
            ['import', 'catalog', GBK_CSV, '--out', out, '--encoding', 'utf8'],
            ['import', 'registers', GBK_CSV, '--out', out]
        ]) {
            const result = sunlight(args);
            expect(usageFailure(result), args.join(' ')).toMatchObject({ status: 2, lines: 1, stack: false, prefixed: true });
        }
        expect(fs.existsSync(out)).toBe(false);
    });
});
