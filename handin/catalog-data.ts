import type { Category, FlowKind } from '../language/generated/ast.js';
import type { Locale } from '../language/messages.js';
import { durationText, heading, labels, list, term } from './labels.js';
import {
    addCount, basisCitations, effectiveGrade, emptyCount, partyName, sumCounts,
    type BasisCitation, type DurationText, type GradeCount, type HandinWorkspace
} from './model.js';

/**
 * The power catalog (职权目录) as plain rows: one per power, per department
 * and for the whole organisation. Writers (xlsx, csv, md, html) only format
 * what `buildCatalog` and `catalogTable` give them.
 */
export interface CatalogFlow {
    readonly kind: FlowKind;
    readonly limit?: DurationText;
    readonly nodes: number;
}

export interface CatalogRow {
    readonly department: string;
    readonly departmentTitle: string;
    /** The power's `code`, or a generated `部门-NN` (its position in the department) when it has none. */
    readonly number: string;
    readonly numberGenerated: boolean;
    readonly power: string;
    readonly category?: Category;
    readonly major: boolean;
    readonly content?: string;
    readonly responsible?: string;
    readonly bases: readonly BasisCitation[];
    readonly flows: readonly CatalogFlow[];
    /** Risk points of this power by grade (see `effectiveGrade`). */
    readonly risks: GradeCount;
}

export interface DepartmentCatalog {
    readonly name: string;
    readonly title: string;
    readonly file: string;
    readonly leader?: string;
    readonly rows: readonly CatalogRow[];
    /** Risks declared at department level, not under a power. */
    readonly departmentRisks: GradeCount;
    /** All risk points of the department (its powers' and its own). */
    readonly totals: GradeCount;
}

export interface Catalog {
    readonly organization?: string;
    readonly departments: readonly DepartmentCatalog[];
    readonly totals: GradeCount;
}

export function buildCatalog(workspace: HandinWorkspace): Catalog {
    const departments = workspace.departments.map(({ department, file }): DepartmentCatalog => {
        const width = Math.max(2, String(department.powers.length).length);
        const rows = department.powers.map((power, index): CatalogRow => {
            const risks = emptyCount();
            for (const risk of power.risks) addCount(risks, effectiveGrade(risk));
            const code = power.code?.trim();
            return {
                department: department.name,
                departmentTitle: department.title ?? department.name,
                number: code || `${department.name}-${String(index + 1).padStart(width, '0')}`,
                numberGenerated: !code,
                power: power.name,
                category: power.category,
                major: power.major,
                content: power.content,
                responsible: partyName(power.responsible, department),
                bases: basisCitations(power.bases),
                flows: power.flows.map(flow => ({
                    kind: flow.kind,
                    limit: flow.limit ? { value: flow.limit.value ?? 0, unit: flow.limit.unit ?? 'days' } : undefined,
                    nodes: flow.nodes.length
                })),
                risks
            };
        });
        const departmentRisks = emptyCount();
        for (const risk of department.risks) addCount(departmentRisks, effectiveGrade(risk));
        return {
            name: department.name,
            title: department.title ?? department.name,
            file,
            leader: partyName(department.leader),
            rows,
            departmentRisks,
            totals: sumCounts([...rows.map(r => r.risks), departmentRisks])
        };
    });
    return {
        organization: workspace.organization?.name,
        departments,
        totals: sumCounts(departments.map(d => d.totals))
    };
}

// ---------------------------------------------------------------- table

export type CatalogColumnKey =
    | 'department' | 'number' | 'power' | 'category' | 'major' | 'content' | 'responsible' | 'basis' | 'flows'
    | 'high' | 'medium' | 'low' | 'ungraded' | 'total';

export interface CatalogColumn {
    readonly key: CatalogColumnKey;
    readonly header: string;
    /** Suggested width in characters (a CJK character counts two). */
    readonly width: number;
    readonly numeric: boolean;
}

export type CatalogCell = string | number;

export interface CatalogTable {
    readonly columns: readonly CatalogColumn[];
    readonly rows: ReadonlyArray<readonly CatalogCell[]>;
    /** The totals row (risk counts; text columns empty but for the label). */
    readonly totals: readonly CatalogCell[];
}

/** `《中华人民共和国会计法》第九条、第十四条;《学院财务报销管理办法》`. */
export function basisText(locale: Locale, bases: readonly BasisCitation[]): string {
    return bases.map(b => {
        const title = `《${b.title ?? b.name}》`;
        return b.articles.length === 0 ? title : `${title}${list(locale, b.articles)}${b.whole ? (locale === 'zh' ? '等' : ' etc.') : ''}`;
    }).join(locale === 'zh' ? '\uFF1B' : '; ');
}

export function flowsText(locale: Locale, flows: readonly CatalogFlow[]): string {
    const l = labels(locale);
    const [open, close] = locale === 'zh' ? ['\uFF08', '\uFF09'] : [' (', ')'];
    return list(locale, flows.map(f => f.limit ? `${term(locale, f.kind)}${open}${l.limit(durationText(locale, f.limit))}${close}` : term(locale, f.kind)));
}

/**
 * The catalog as a table of cells in one language: for one department
 * (`department` given: no department column) or the whole organisation.
 */
export function catalogTable(catalog: Catalog, locale: Locale, department?: DepartmentCatalog): CatalogTable {
    const l = labels(locale);
    const sep = locale === 'zh' ? '·' : ': ';
    const columns: CatalogColumn[] = [
        ...(department ? [] : [{ key: 'department' as const, header: l.department, width: 16, numeric: false }]),
        { key: 'number', header: l.number, width: 12, numeric: false },
        { key: 'power', header: l.power, width: 22, numeric: false },
        { key: 'category', header: l.category, width: 12, numeric: false },
        { key: 'major', header: l.major, width: 10, numeric: false },
        { key: 'content', header: l.content, width: 44, numeric: false },
        { key: 'responsible', header: l.responsible, width: 14, numeric: false },
        { key: 'basis', header: l.basis, width: 40, numeric: false },
        { key: 'flows', header: l.flows, width: 26, numeric: false },
        { key: 'high', header: `${l.riskCount}${sep}${heading(locale, 'high')}`, width: 10, numeric: true },
        { key: 'medium', header: `${l.riskCount}${sep}${heading(locale, 'medium')}`, width: 10, numeric: true },
        { key: 'low', header: `${l.riskCount}${sep}${heading(locale, 'low')}`, width: 10, numeric: true },
        { key: 'ungraded', header: `${l.riskCount}${sep}${l.ungraded}`, width: 10, numeric: true },
        { key: 'total', header: `${l.riskCount}${sep}${l.total}`, width: 10, numeric: true }
    ];
    const source = department ? [department] : catalog.departments;
    const rows = source.flatMap(d => d.rows).map(row => columns.map((column): CatalogCell => {
        switch (column.key) {
            case 'department': return row.departmentTitle;
            case 'number': return row.number;
            case 'power': return row.power;
            case 'category': return term(locale, row.category);
            case 'major': return row.major ? l.yes : '';
            case 'content': return row.content ?? '';
            case 'responsible': return row.responsible ?? '';
            case 'basis': return basisText(locale, row.bases);
            case 'flows': return flowsText(locale, row.flows);
            case 'high': case 'medium': case 'low': case 'ungraded': case 'total': return row.risks[column.key];
        }
    }));
    const totals = department ? department.totals : catalog.totals;
    const levelTotals = department ? department.departmentRisks : sumCounts(catalog.departments.map(d => d.departmentRisks));
    const totalRow = columns.map((column, index): CatalogCell => {
        if (column.numeric) return totals[column.key as keyof typeof totals];
        if (index === 0) return levelTotals.total > 0 ? l.totalWithLevel(levelTotals.total) : l.total;
        return '';
    });
    return { columns, rows, totals: totalRow };
}
