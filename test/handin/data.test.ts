import { AstUtils, type LangiumDocument } from 'langium';
import { describe, expect, it } from 'vitest';
import { isDepartment, isFlow, isPower, isRisk, isStaff, type Model, type Risk } from '../../language/generated/ast.js';
import { buildCatalog, catalogTable } from '../../handin/catalog-data.js';
import { buildRegisters } from '../../handin/register-data.js';
import { buildReport } from '../../handin/report-data.js';
import { examples, workspaceOf } from './support.js';
import { FIXTURE_FILES } from './fixture.js';

/** Counts straight from the AST, written without the code under test. */
function independentCounts(documents: ReadonlyArray<LangiumDocument<Model>>) {
    const risks: Risk[] = [];
    let powers = 0, flows = 0, departments = 0, staff = 0;
    for (const document of documents) {
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            if (isRisk(node)) risks.push(node);
            else if (isPower(node)) powers++;
            else if (isFlow(node)) flows++;
            else if (isDepartment(node)) departments++;
            else if (isStaff(node)) staff++;
        }
    }
    const graded = (r: Risk) => r.final !== undefined ? r.final : r.grade;
    const byGrade = { high: 0, medium: 0, low: 0, ungraded: 0 };
    for (const r of risks) {
        const g = graded(r);
        if (g === 'high') byGrade.high++; else if (g === 'medium') byGrade.medium++; else if (g === 'low') byGrade.low++; else byGrade.ungraded++;
    }
    const matrix: Record<string, number> = {};
    for (const r of risks) if (r.probability && r.harm) matrix[`${r.probability}/${r.harm}`] = (matrix[`${r.probability}/${r.harm}`] ?? 0) + 1;
    const aspects: Record<string, number> = {};
    for (const r of risks) aspects[r.aspect ?? '-'] = (aspects[r.aspect ?? '-'] ?? 0) + 1;
    return {
        risks, powers, flows, departments, staff, byGrade, matrix, aspects,
        measures: risks.reduce((n, r) => n + r.measures.length, 0),
        high: risks.filter(r => graded(r) === 'high').map(r => r.name).sort(),
        trail: risks.filter(r => r.proposed || r.final).map(r => r.name).sort()
    };
}

describe('report numbers equal an independent count of the parsed files', () => {
    it('on the examples', async () => {
        const workspace = await examples();
        const documents = workspace.departments.map(d => AstUtils.getDocument(d.department) as LangiumDocument<Model>);
        const unique = [...new Set(documents)];
        const expected = independentCounts(unique);
        const report = buildReport(workspace, { today: '2012-11-01' });
        expect(expected.risks.length).toBeGreaterThan(10);
        expect(report.totals.departments).toBe(expected.departments);
        expect(report.totals.powers).toBe(expected.powers);
        expect(report.totals.flows).toBe(expected.flows);
        expect(report.totals.staff).toBe(expected.staff);
        expect(report.totals.measures).toBe(expected.measures);
        expect(report.totals.risks).toEqual({ ...expected.byGrade, total: expected.risks.length });
        // Department rows add up to the totals.
        const sum = report.byDepartment.reduce((n, d) => n + d.risks.total, 0);
        expect(sum).toBe(expected.risks.length);
        // Matrix cells.
        for (const p of ['low', 'medium', 'high'] as const) for (const h of ['low', 'medium', 'high'] as const) {
            expect(report.heatMap[p][h], `${p}/${h}`).toBe(expected.matrix[`${p}/${h}`] ?? 0);
        }
        expect(report.unassessed).toBe(expected.risks.filter(r => !r.probability || !r.harm).length);
        for (const row of report.byAspect) expect(row.risks.total).toBe(expected.aspects[row.aspect ?? '-'] ?? 0);
        expect(report.highRisks.map(r => r.name).sort()).toEqual(expected.high);
        expect(report.trail.map(t => t.risk).sort()).toEqual(expected.trail);
        // The examples are clean: no error, every department complete before the due date.
        expect(report.totals.errors).toBe(0);
        expect(report.status.every(s => s.complete)).toBe(true);
        expect(report.pastDue).toBe(false);
    });

    it('on a college with gaps, late items and errors', async () => {
        const { workspace, built } = await workspaceOf(FIXTURE_FILES);
        const expected = independentCounts(Object.values(built.documents));
        const report = buildReport(workspace, { today: '2012-12-01' });
        expect(report.totals.risks).toEqual({ ...expected.byGrade, total: expected.risks.length });
        expect(report.totals.risks).toEqual({ high: 2, medium: 0, low: 1, ungraded: 1, total: 4 });
        expect(report.highRisks.map(r => r.name).sort()).toEqual(['虚假报销', '违规录取']);
        expect(report.heatMap.medium.high).toBe(1);
        expect(report.heatMap.high.high).toBe(1);
        expect(report.heatMap.low.low).toBe(1);
        expect(report.unassessed).toBe(1);
        expect(report.pastDue).toBe(true);
        expect(report.due).toBe('2012-11-15');

        const trail = report.trail.find(t => t.risk === '虚假报销')!;
        expect(trail).toMatchObject({ proposed: 'low', proposedBy: '李四', grade: 'medium', final: 'high', changed: true });

        const [a, b] = report.status;
        expect(a.complete).toBe(false);
        const kinds = a.issues.map(i => i.kind).sort();
        expect(kinds).toEqual(['late', 'open-errors', 'unsigned', 'without-register', 'wrong-approver']);
        expect(a.issues.find(i => i.kind === 'unsigned')).toEqual({ kind: 'unsigned', staff: ['李四'] });
        expect(a.issues.find(i => i.kind === 'without-register')).toEqual({ kind: 'without-register', staff: ['王五'] });
        expect(a.issues.find(i => i.kind === 'late')).toEqual({ kind: 'late', what: 'signed', staff: '张三', date: '2012-11-20' });
        expect(a.errors).toBe(workspace.departments[0].diagnostics.filter(d => d.severity === 'error').length);
        expect(a.errors).toBeGreaterThan(0);
        expect(b.issues.map(i => i.kind)).toContain('no-department-register');
        expect(report.totals.errors).toBe(Object.values(built.documents).flatMap(d => d.diagnostics ?? []).filter(d => d.severity === 1).length);
    });
});

describe('catalog data', () => {
    it('has one row per power with its code or a stable generated number', async () => {
        const { workspace } = await workspaceOf(FIXTURE_FILES);
        const catalog = buildCatalog(workspace);
        expect(catalog.departments.map(d => d.name)).toEqual(['甲处', '乙处']);
        const [a, b] = catalog.departments;
        expect(a.rows[0]).toMatchObject({ number: 'JA-01', numberGenerated: false, power: '报销审核', category: 'finance', responsible: '会计' });
        expect(a.rows[0].bases).toEqual([
            { name: '会计法', title: '中华人民共和国会计法', kind: 'law', articles: ['第九条', '第十条'], whole: false },
            { name: '内部制度', title: '学院内部制度', kind: 'internal', articles: [], whole: true }
        ]);
        expect(a.rows[0].flows.map(f => f.kind)).toEqual(['external', 'internal']);
        expect(a.rows[0].risks).toEqual({ high: 1, medium: 0, low: 0, ungraded: 1, total: 2 });
        expect(a.departmentRisks.total).toBe(1);
        expect(a.totals.total).toBe(3);
        expect(b.rows.map(r => r.number)).toEqual(['乙处-01', '乙处-02']);
        expect(b.rows.every(r => r.numberGenerated)).toBe(true);
        expect(b.rows[0].major).toBe(true);
        // Same files, same numbers.
        const again = buildCatalog((await workspaceOf(FIXTURE_FILES)).workspace);
        expect(again.departments[1].rows.map(r => r.number)).toEqual(['乙处-01', '乙处-02']);
    });

    it('builds tables in Chinese and English with the article of each basis', async () => {
        const { workspace } = await workspaceOf(FIXTURE_FILES);
        const catalog = buildCatalog(workspace);
        const zh = catalogTable(catalog, 'zh', catalog.departments[0]);
        const basis = zh.rows[0][zh.columns.findIndex(c => c.key === 'basis')];
        expect(basis).toContain('《中华人民共和国会计法》第九条、第十条');
        expect(basis).toContain('《学院内部制度》');
        expect(zh.columns.map(c => c.header)).toContain('政策依据');
        expect(zh.rows[0][zh.columns.findIndex(c => c.key === 'category')]).toBe('财务');
        const en = catalogTable(catalog, 'en');
        expect(en.columns[0].header).toBe('Department');
        expect(en.rows).toHaveLength(3);
        expect(en.totals[en.columns.findIndex(c => c.key === 'total')]).toBe(4);
    });
});

describe('register data', () => {
    it('leaves what the files do not say undefined, never invented', async () => {
        const { workspace } = await workspaceOf(FIXTURE_FILES);
        const [a, b] = buildRegisters(workspace);
        const byName = Object.fromEntries(a.individuals.map(i => [i.staff, i]));
        expect(byName['张三']).toMatchObject({ handedIn: true, signed: '2012-11-20', post: '处长' });
        expect(byName['李四']).toMatchObject({ handedIn: true, signed: undefined });
        expect(byName['李四'].risks.map(r => r.name)).toEqual(['虚假报销']);
        expect(byName['李四'].risks[0]).toMatchObject({ grade: 'medium', proposed: 'low', final: 'high', effectiveGrade: 'high', aspect: 'process' });
        expect(byName['王五']).toMatchObject({ handedIn: false, signed: undefined, risks: [] });
        expect(a.department).toMatchObject({ handedIn: true, reviewed: '2012-11-01', reviewedHow: '处务会', approvedBy: '乙领导', approvedOn: '2012-11-02', approvedByLeader: false });
        expect(a.department.risks.map(r => r.name)).toEqual(['虚假报销', '无等级', '制度滞后']);
        expect(b.department).toMatchObject({ handedIn: false, reviewed: undefined, approvedBy: undefined, approvedOn: undefined });
    });
});
