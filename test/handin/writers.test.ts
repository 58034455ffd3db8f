import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { catalogCsv } from '../../handin/catalog-csv.js';
import { catalogHtml } from '../../handin/catalog-html.js';
import { catalogMarkdown } from '../../handin/catalog-md.js';
import { catalogXlsx } from '../../handin/catalog-xlsx.js';
import { registersHtml } from '../../handin/registers-html.js';
import { registersXlsx } from '../../handin/registers-xlsx.js';
import { buildCatalog, catalogTable } from '../../handin/catalog-data.js';
import { buildRegisters } from '../../handin/register-data.js';
import { FIXTURE_FILES } from './fixture.js';
import { examples, parseCsv, workspaceOf } from './support.js';

async function readXlsx(buffer: Buffer): Promise<ExcelJS.Workbook> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    return workbook;
}

function rowValues(sheet: ExcelJS.Worksheet, row: number): unknown[] {
    return (sheet.getRow(row).values as unknown[]).slice(1);
}

describe('power catalog, xlsx', () => {
    it('has a summary sheet and one sheet per department, read back cell by cell', async () => {
        const workspace = await examples();
        const catalog = buildCatalog(workspace);
        const workbook = await readXlsx(await catalogXlsx(catalog, 'zh'));
        const names = workbook.worksheets.map(s => s.name);
        expect(names).toEqual(['汇总', ...catalog.departments.map(d => d.title.slice(0, 31))]);

        const summary = workbook.getWorksheet('汇总')!;
        const table = catalogTable(catalog, 'zh');
        expect(rowValues(summary, 1)).toEqual(table.columns.map(c => c.header));
        expect(summary.getCell('A1').font?.bold).toBe(true);
        expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
        // Every power is a row, Chinese intact.
        const powers = catalog.departments.flatMap(d => d.rows);
        expect(summary.rowCount).toBe(1 + powers.length + 1);
        const powerColumn = table.columns.findIndex(c => c.key === 'power') + 1;
        for (const [i, row] of powers.entries()) {
            expect(summary.getRow(i + 2).getCell(powerColumn).value).toBe(row.power);
        }
        const first = summary.getRow(2);
        expect(first.getCell(table.columns.findIndex(c => c.key === 'content') + 1).alignment?.wrapText).toBe(true);
        // Totals row: numbers, equal to the sum of the rows.
        const totalColumn = table.columns.findIndex(c => c.key === 'total') + 1;
        const totalsRow = summary.getRow(summary.rowCount);
        expect(totalsRow.getCell(totalColumn).value).toBe(powers.reduce((n, r) => n + r.risks.total, 0) + catalog.departments.reduce((n, d) => n + d.departmentRisks.total, 0));
        // Column widths are set, wide text columns wider than counts.
        const width = (key: string) => summary.getColumn(table.columns.findIndex(c => c.key === key) + 1).width ?? 0;
        expect(width('content')).toBeGreaterThan(width('high'));
        for (const column of table.columns) expect(width(column.key), column.key).toBeGreaterThanOrEqual(7);

        const finance = workbook.getWorksheet('财务处')!;
        const financeTable = catalogTable(catalog, 'zh', catalog.departments.find(d => d.name === '财务处'));
        expect(rowValues(finance, 1)).toEqual(financeTable.columns.map(c => c.header));
        expect(finance.getCell('A2').value).toBe('CW-01');
        expect(finance.getCell('B2').value).toBe('经费报销审核');
    });

    it('speaks English with --lang en', async () => {
        const { workspace } = await workspaceOf(FIXTURE_FILES);
        const workbook = await readXlsx(await catalogXlsx(buildCatalog(workspace), 'en'));
        expect(workbook.worksheets[0].name).toBe('Summary');
        expect(workbook.worksheets[0].getCell('A1').value).toBe('Department');
        expect(workbook.worksheets[1].getCell('C2').value).toBe('finance');
    });
});

describe('power catalog, csv', () => {
    it('starts with the BOM, uses CRLF and round-trips every cell', async () => {
        const workspace = await examples();
        const catalog = buildCatalog(workspace);
        const table = catalogTable(catalog, 'zh');
        const csv = catalogCsv(table);
        expect(csv.charCodeAt(0)).toBe(0xFEFF);
        expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xEF, 0xBB, 0xBF]));
        expect(csv).toContain('\r\n');
        const rows = parseCsv(csv.slice(1));
        expect(rows[0]).toEqual(table.columns.map(c => c.header));
        expect(rows.slice(1, -1)).toEqual(table.rows.map(r => r.map(String)));
        expect(rows[rows.length - 1]).toEqual(table.totals.map(String));
    });

    it('quotes commas, quotes and line breaks, and defuses formulas', async () => {
        const { workspace } = await workspaceOf({
            ...FIXTURE_FILES,
            'departments/b.sun': FIXTURE_FILES['departments/b.sun']
                .replace('content "审批录取名单"', 'content "a, \\"b\\" =c"')
                .replace('content "其他"', 'content "=HYPERLINK(\\"http://x\\")"')
        });
        const table = catalogTable(buildCatalog(workspace), 'en');
        const rows = parseCsv(catalogCsv(table).slice(1));
        const content = table.columns.findIndex(c => c.key === 'content');
        expect(rows.map(r => r[content])).toContain('a, "b" =c');
        expect(rows.map(r => r[content])).toContain('\'=HYPERLINK("http://x")');
    });
});

describe('power catalog, markdown and html', () => {
    it('markdown has a table per department with escaped text', async () => {
        const { workspace } = await workspaceOf({
            ...FIXTURE_FILES,
            'departments/b.sun': FIXTURE_FILES['departments/b.sun'].replace('content "其他"', 'content "a | b <script>*x*"')
        });
        const catalog = buildCatalog(workspace);
        const md = catalogMarkdown(catalog, 'zh');
        expect(md).toMatch(/^# 测试学院职权目录/);
        expect(md).toContain('## 甲处(财务)');
        expect(md).toContain('a \\| b &lt;script&gt;\\*x\\*');
        expect(md).not.toContain('<script>');
        // Every table row has as many cells as the header.
        for (const block of md.split('\n\n').filter(b => b.startsWith('|'))) {
            const lines = block.split('\n').filter(Boolean);
            const cells = (line: string) => line.replace(/\\\|/g, '').split('|').length;
            for (const line of lines) expect(cells(line)).toBe(cells(lines[0]));
        }
    });

    it('html is one self-contained page', async () => {
        const { workspace } = await workspaceOf(FIXTURE_FILES);
        const catalog = buildCatalog(workspace);
        const html = catalogHtml(catalog, 'zh');
        expect(html).toMatch(/^<!DOCTYPE html>/);
        expect(html).toContain('<html lang="zh-CN">');
        expect(html).toContain("Content-Security-Policy");
        expect(html).not.toMatch(/<script|<link|src=|@import|url\(/i);
        expect(html.match(/<table class="catalog">/g)).toHaveLength(3);
        expect(html).toContain('乙处-01');
    });
});

describe('registers', () => {
    it('html shows an empty line to sign where the files have no signature, review or approval', async () => {
        const { workspace } = await workspaceOf(FIXTURE_FILES);
        const [a, b] = buildRegisters(workspace);
        const html = registersHtml([a, b], 'zh');
        const forms = html.split('<section class="form ').slice(1);
        expect(forms).toHaveLength(2 + 4); // two department forms, four staff
        const form = (staff: string) => forms.find(f => f.includes(`data-staff="${staff}"`))!;
        // 张三 signed: the date, no blank line for it.
        expect(form('张三')).toContain('2012-11-20');
        expect(form('张三')).not.toContain('class="blank"');
        // 李四 did not sign: blank lines for the signature and the date, no date.
        expect(form('李四').match(/class="blank"/g)).toHaveLength(2);
        expect(form('李四')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
        // 王五 handed nothing in: said so, and blank lines.
        expect(form('王五')).toContain('未提交个人排查登记表');
        expect(form('王五').match(/class="blank"/g)).toHaveLength(2);
        // 乙处 has no department form: every line blank, nothing invented.
        const deptB = forms.find(f => f.startsWith('department') && f.includes('乙处'))!;
        expect(deptB).toContain('未提交部门排查登记表');
        expect(deptB.match(/class="blank"/g)!.length).toBe(6);
        // 甲处: reviewed and approved (by the wrong leader, said so), the signature lines stay blank.
        const deptA = forms.find(f => f.startsWith('department') && f.includes('甲处'))!;
        expect(deptA).toContain('2012-11-01');
        expect(deptA).toContain('处务会');
        expect(deptA).toContain('审核人不是分管院领导甲领导');
        expect(deptA.match(/class="blank"/g)!.length).toBe(2);
        // Print CSS: A4 and page breaks.
        expect(html).toMatch(/@page \{ size: A4/);
        expect(html).toMatch(/break-after: page/);
    });

    it('xlsx has the department form and one sheet per staff member, read back', async () => {
        const { workspace } = await workspaceOf(FIXTURE_FILES);
        const [a] = buildRegisters(workspace);
        const workbook = await readXlsx(await registersXlsx(a, 'zh'));
        expect(workbook.worksheets.map(s => s.name)).toEqual(['部门排查登记表', '张三', '李四', '王五']);
        const find = (sheet: ExcelJS.Worksheet, label: string) => {
            for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(1).value === label) return sheet.getRow(r);
            return undefined;
        };
        const lisi = workbook.getWorksheet('李四')!;
        expect(find(lisi, '姓名')!.getCell(2).value).toBe('李四');
        const signature = find(lisi, '本人签字')!;
        expect(signature.getCell(2).value).toBeNull();
        expect(signature.getCell(2).border?.bottom?.style).toBe('thin');
        expect(find(lisi, '日期')!.getCell(2).value).toBeNull();
        const header = find(lisi, '风险点')!;
        expect(lisi.views[0]).toMatchObject({ state: 'frozen', ySplit: header.number });
        expect(lisi.getRow(header.number + 1).getCell(1).value).toBe('虚假报销');

        const zhang = workbook.getWorksheet('张三')!;
        expect(find(zhang, '日期')!.getCell(2).value).toBe('2012-11-20');

        const dept = workbook.worksheets[0];
        expect(find(dept, '审定方式')!.getCell(2).value).toBe('处务会');
        expect(find(dept, '分管院领导签字')!.getCell(2).value).toBeNull();
        const risks: unknown[] = [];
        const deptHeader = find(dept, '风险点')!;
        for (let r = deptHeader.number + 1; dept.getRow(r).getCell(1).value; r++) risks.push(dept.getRow(r).getCell(1).value);
        expect(risks).toEqual(['虚假报销', '无等级', '制度滞后']);
    });
});
