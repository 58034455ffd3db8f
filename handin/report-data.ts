import type { Aspect, Level } from '../language/generated/ast.js';
import { buildCatalog, type Catalog } from './catalog-data.js';
import {
    addCount, departmentRisks, effectiveGrade, emptyCount, LEVELS, sumCounts,
    type GradeCount, type HandinDiagnostic, type HandinSeverity, type HandinWorkspace
} from './model.js';
import { buildRegisters, registerRisk, type DepartmentRegisters, type RegisterRisk } from './register-data.js';

/**
 * The numbers and lists of the college report: totals, risks by department ×
 * grade and by aspect, the high risks with their measures, the probability ×
 * harm matrix, the grading trail and who is not complete against the due
 * date. Computed once from the workspace; the report's pages only print them.
 */
export interface ReportTotals {
    readonly departments: number;
    readonly powers: number;
    readonly flows: number;
    readonly staff: number;
    readonly registersSigned: number;
    readonly risks: GradeCount;
    readonly measures: number;
    readonly errors: number;
    readonly warnings: number;
}

export interface HighRisk extends RegisterRisk {
    readonly department: string;
    readonly departmentTitle: string;
}

export interface TrailEntry {
    readonly department: string;
    readonly risk: string;
    readonly power?: string;
    readonly proposed?: Level;
    readonly proposedBy?: string;
    readonly grade?: Level;
    readonly final?: Level;
    /** The grade changed somewhere along the way. */
    readonly changed: boolean;
}

export type CompletenessIssue =
    | { readonly kind: 'unsigned'; readonly staff: readonly string[] }
    | { readonly kind: 'without-register'; readonly staff: readonly string[] }
    | { readonly kind: 'no-department-register' }
    | { readonly kind: 'unreviewed' }
    | { readonly kind: 'unapproved' }
    | { readonly kind: 'wrong-approver'; readonly approver: string; readonly leader: string }
    | { readonly kind: 'open-errors'; readonly count: number }
    | { readonly kind: 'late'; readonly what: 'signed' | 'reviewed' | 'approved'; readonly staff?: string; readonly date: string };

export interface DepartmentStatus {
    readonly name: string;
    readonly title: string;
    readonly issues: readonly CompletenessIssue[];
    /** Nothing missing, nothing late, no open error. */
    readonly complete: boolean;
    readonly errors: number;
    readonly warnings: number;
}

export interface ReportData {
    readonly organization?: string;
    readonly campaign?: string;
    readonly due?: string;
    /** YYYY-MM-DD, the day the report was made. */
    readonly generatedOn: string;
    /** The report was made after the due date. */
    readonly pastDue: boolean;
    readonly totals: ReportTotals;
    readonly byDepartment: ReadonlyArray<{ readonly name: string; readonly title: string; readonly risks: GradeCount }>;
    /** The three aspects in order, then the risks with none (`aspect` undefined), if any. */
    readonly byAspect: ReadonlyArray<{ readonly aspect?: Aspect; readonly risks: GradeCount }>;
    readonly highRisks: readonly HighRisk[];
    /** `heatMap[probability][harm]`, levels low/medium/high. */
    readonly heatMap: Readonly<Record<Level, Readonly<Record<Level, number>>>>;
    /** Risks without probability or harm, not in the matrix. */
    readonly unassessed: number;
    readonly trail: readonly TrailEntry[];
    readonly status: readonly DepartmentStatus[];
    readonly catalog: Catalog;
    readonly registers: readonly DepartmentRegisters[];
    /** Every diagnostic, by department (undefined: outside any department). */
    readonly diagnostics: ReadonlyArray<HandinDiagnostic & { readonly file: string; readonly department?: string }>;
}

export interface ReportOptions {
    /** The day of the report (YYYY-MM-DD); today by default. */
    readonly today?: string;
}

const ASPECTS: readonly Aspect[] = ['duty', 'process', 'mechanism'];

export function buildReport(workspace: HandinWorkspace, options: ReportOptions = {}): ReportData {
    const generatedOn = options.today ?? new Date().toISOString().slice(0, 10);
    const campaign = workspace.organization?.campaign;
    const due = campaign?.due;
    const catalog = buildCatalog(workspace);
    const registers = buildRegisters(workspace);

    const count = (diagnostics: readonly HandinDiagnostic[], severity: HandinSeverity) => diagnostics.filter(d => d.severity === severity).length;
    const allRisks = workspace.departments.flatMap(d => departmentRisks(d.department).map(r => ({ ...r, source: d })));

    const byDepartment = workspace.departments.map(({ department }) => {
        const risks = emptyCount();
        for (const { risk } of departmentRisks(department)) addCount(risks, effectiveGrade(risk));
        return { name: department.name, title: department.title ?? department.name, risks };
    });

    const aspectCounts = new Map<Aspect | undefined, GradeCount>(ASPECTS.map(a => [a, emptyCount()]));
    for (const { risk } of allRisks) {
        const key = risk.aspect && ASPECTS.includes(risk.aspect) ? risk.aspect : undefined;
        if (!aspectCounts.has(key)) aspectCounts.set(key, emptyCount());
        addCount(aspectCounts.get(key)!, effectiveGrade(risk));
    }

    const heatMap = Object.fromEntries(LEVELS.map(p => [p, Object.fromEntries(LEVELS.map(h => [h, 0]))])) as Record<Level, Record<Level, number>>;
    let unassessed = 0;
    for (const { risk } of allRisks) {
        if (risk.probability && risk.harm) heatMap[risk.probability][risk.harm]++;
        else unassessed++;
    }

    const highRisks: HighRisk[] = allRisks
        .filter(({ risk }) => effectiveGrade(risk) === 'high')
        .map(({ risk, source }) => ({ ...registerRisk(risk), department: source.department.name, departmentTitle: source.department.title ?? source.department.name }));

    const trail: TrailEntry[] = allRisks
        .filter(({ risk }) => risk.proposed || risk.final)
        .map(({ risk, power, source }) => {
            const grades = [risk.proposed?.grade, risk.grade, risk.final].filter((g): g is Level => g !== undefined);
            return {
                department: source.department.title ?? source.department.name,
                risk: risk.name,
                power: power?.name,
                proposed: risk.proposed?.grade,
                proposedBy: registerRisk(risk).proposedBy,
                grade: risk.grade,
                final: risk.final,
                changed: new Set(grades).size > 1
            };
        });

    const status = workspace.departments.map((source, index): DepartmentStatus => {
        const registersOf = registers[index];
        const issues: CompletenessIssue[] = [];
        const unsigned = registersOf.individuals.filter(i => i.handedIn && !i.signed).map(i => i.staff);
        const without = registersOf.individuals.filter(i => !i.handedIn).map(i => i.staff);
        if (without.length > 0) issues.push({ kind: 'without-register', staff: without });
        if (unsigned.length > 0) issues.push({ kind: 'unsigned', staff: unsigned });
        const form = registersOf.department;
        if (!form.handedIn) issues.push({ kind: 'no-department-register' });
        else {
            if (!form.reviewed) issues.push({ kind: 'unreviewed' });
            if (!form.approvedBy || !form.approvedOn) issues.push({ kind: 'unapproved' });
            else if (!form.approvedByLeader) issues.push({ kind: 'wrong-approver', approver: form.approvedBy, leader: registersOf.leader ?? '?' });
        }
        if (due) {
            for (const individual of registersOf.individuals) {
                if (individual.signed && individual.signed > due) issues.push({ kind: 'late', what: 'signed', staff: individual.staff, date: individual.signed });
            }
            if (form.reviewed && form.reviewed > due) issues.push({ kind: 'late', what: 'reviewed', date: form.reviewed });
            if (form.approvedOn && form.approvedOn > due) issues.push({ kind: 'late', what: 'approved', date: form.approvedOn });
        }
        const errors = count(source.diagnostics, 'error');
        if (errors > 0) issues.push({ kind: 'open-errors', count: errors });
        return {
            name: source.department.name,
            title: source.department.title ?? source.department.name,
            issues,
            complete: issues.length === 0,
            errors,
            warnings: count(source.diagnostics, 'warning')
        };
    });

    const diagnostics = [
        ...workspace.departments.flatMap(d => d.diagnostics.map(x => ({ ...x, file: d.file, department: d.department.name }))),
        ...workspace.otherDiagnostics.map(x => ({ ...x, department: undefined }))
    ].sort((a, b) => a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column);

    return {
        organization: workspace.organization?.name,
        campaign: campaign?.title,
        due,
        generatedOn,
        pastDue: due !== undefined && generatedOn > due,
        totals: {
            departments: workspace.departments.length,
            powers: workspace.departments.reduce((n, d) => n + d.department.powers.length, 0),
            flows: workspace.departments.reduce((n, d) => n + d.department.powers.reduce((m, p) => m + p.flows.length, 0), 0),
            staff: registers.reduce((n, r) => n + r.individuals.length, 0),
            registersSigned: registers.reduce((n, r) => n + r.individuals.filter(i => i.handedIn && i.signed).length, 0),
            risks: sumCounts(byDepartment.map(d => d.risks)),
            measures: allRisks.reduce((n, { risk }) => n + risk.measures.length, 0),
            errors: diagnostics.filter(d => d.severity === 'error').length,
            warnings: diagnostics.filter(d => d.severity === 'warning').length
        },
        byDepartment,
        byAspect: [...aspectCounts.entries()]
            .filter(([aspect, risks]) => aspect !== undefined || risks.total > 0)
            .map(([aspect, risks]) => ({ aspect, risks })),
        highRisks,
        heatMap,
        unassessed,
        trail,
        status,
        catalog,
        registers,
        diagnostics
    };
}

