import type { AstNode, Reference } from 'langium';
import {
    isArticle, isDepartment, isOrganization, isStep,
    type Article, type Basis, type BasisItem, type Department, type Duration, type Level, type Model,
    type Organization, type Party, type Power, type Risk
} from '../language/generated/ast.js';

/**
 * The input of every hand-in document (power catalog, registers, college
 * report): the parsed files of one workspace and their diagnostics. Pure data
 * in, pure data out: the functions of handin/ do no I/O, so that what
 * is handed in is exactly what `sunlight check` checked.
 */
export type HandinSeverity = 'error' | 'warning' | 'info' | 'hint';

export interface HandinDiagnostic {
    /** 1-based, as `sunlight check` prints them. */
    readonly line: number;
    readonly column: number;
    readonly severity: HandinSeverity;
    readonly code: string;
    readonly message: string;
}

export interface HandinSource {
    /** The file, relative to the current folder (for messages). */
    readonly file: string;
    readonly model: Model;
    readonly diagnostics: readonly HandinDiagnostic[];
}

export interface DepartmentSource {
    readonly department: Department;
    readonly file: string;
    /** The diagnostics inside the department's declaration. */
    readonly diagnostics: readonly HandinDiagnostic[];
}

export interface HandinWorkspace {
    readonly organization?: Organization;
    readonly departments: readonly DepartmentSource[];
    /** Diagnostics outside every department (organisation, bases, syntax errors between declarations). */
    readonly otherDiagnostics: ReadonlyArray<HandinDiagnostic & { readonly file: string }>;
    readonly files: readonly string[];
}

/** Gathers the organisation and the departments (in file order, then order of declaration). */
export function collectWorkspace(sources: readonly HandinSource[], extraDiagnostics: ReadonlyArray<HandinDiagnostic & { readonly file: string }> = []): HandinWorkspace {
    let organization: Organization | undefined;
    const departments: DepartmentSource[] = [];
    const otherDiagnostics: Array<HandinDiagnostic & { file: string }> = [...extraDiagnostics];
    for (const source of sources) {
        const own: Array<{ department: Department; start: number; end: number; diagnostics: HandinDiagnostic[] }> = [];
        for (const element of source.model?.elements ?? []) {
            if (isOrganization(element)) organization ??= element;
            else if (isDepartment(element)) {
                const range = element.$cstNode?.range;
                own.push({
                    department: element,
                    start: range ? range.start.line + 1 : Number.POSITIVE_INFINITY,
                    end: range ? range.end.line + 1 : Number.NEGATIVE_INFINITY,
                    diagnostics: []
                });
            }
        }
        for (const diagnostic of source.diagnostics) {
            // Departments do not overlap; a diagnostic on a line belongs to the department spanning it.
            const owner = own.find(d => diagnostic.line >= d.start && diagnostic.line <= d.end);
            if (owner) owner.diagnostics.push(diagnostic);
            else otherDiagnostics.push({ ...diagnostic, file: source.file });
        }
        for (const d of own) departments.push({ department: d.department, file: source.file, diagnostics: d.diagnostics });
    }
    return { organization, departments, otherDiagnostics, files: sources.map(s => s.file) };
}

export type Grade = Level;
export const GRADES: readonly Grade[] = ['high', 'medium', 'low'];
export const LEVELS: readonly Level[] = ['low', 'medium', 'high'];

export interface GradeCount {
    high: number;
    medium: number;
    low: number;
    /** Risks with no grade at all (a `missing-grade` error). */
    ungraded: number;
    total: number;
}

export function emptyCount(): GradeCount {
    return { high: 0, medium: 0, low: 0, ungraded: 0, total: 0 };
}

export function addCount(into: GradeCount, grade: Grade | undefined, n = 1): GradeCount {
    if (grade) into[grade] += n; else into.ungraded += n;
    into.total += n;
    return into;
}

export function sumCounts(counts: readonly GradeCount[]): GradeCount {
    const total = emptyCount();
    for (const c of counts) {
        total.high += c.high; total.medium += c.medium; total.low += c.low;
        total.ungraded += c.ungraded; total.total += c.total;
    }
    return total;
}

/**
 * The grade a risk is counted and published with: the leadership group's
 * `final` grade when given, else the department's `grade` (bottom-up grading:
 * the individual proposes, the department grades, the group decides).
 */
export function effectiveGrade(risk: Risk): Grade | undefined {
    return risk.final ?? risk.grade;
}

/** Every risk point of a department: those of its powers (in order), then its own. */
export function departmentRisks(department: Department): Array<{ risk: Risk; power?: Power }> {
    return [
        ...department.powers.flatMap(power => power.risks.map(risk => ({ risk, power }))),
        ...department.risks.map(risk => ({ risk }))
    ];
}

export function departmentOf(node: AstNode | undefined): Department | undefined {
    for (let n = node; n; n = n.$container) if (isDepartment(n)) return n;
    return undefined;
}

/**
 * How a reference to a party reads: the declaration's name, with its
 * department when that is not the one we are in (`卫红(国有资产与采购管理处)`);
 * what was written when the reference does not resolve; undefined when absent.
 */
export function partyName(reference: Reference<Party> | undefined, context?: Department): string | undefined {
    if (!reference) return undefined;
    const target = reference.ref;
    if (!target) return reference.$refText || undefined;
    const home = isDepartment(target) ? undefined : departmentOf(target);
    return home && context && home !== context ? `${target.name}(${home.name})` : target.name;
}

export function refText(reference: Reference | undefined): string | undefined {
    if (!reference) return undefined;
    return reference.ref && 'name' in reference.ref ? String((reference.ref as { name: unknown }).name) : reference.$refText || undefined;
}

export interface BasisCitation {
    /** The basis' declared name (会计法), or what was written when unresolved. */
    readonly name: string;
    /** Its title (中华人民共和国会计法(1999年修订)). */
    readonly title?: string;
    readonly kind?: string;
    /** The articles cited, in the order written; empty when the basis is cited whole. */
    readonly articles: readonly string[];
    /** Whether it is cited whole as well as (or instead of) by article. */
    readonly whole: boolean;
}

/** A power's bases, one entry per basis with its articles (会计法.第九条, 会计法.第十四条 → one entry). */
export function basisCitations(references: ReadonlyArray<Reference<BasisItem>>): BasisCitation[] {
    const byKey = new Map<string, { name: string; title?: string; kind?: string; articles: string[]; whole: boolean }>();
    for (const reference of references) {
        const target = reference.ref;
        let basis: Basis | undefined;
        let article: Article | undefined;
        if (isArticle(target)) { article = target; basis = target.$container; } else basis = target;
        const written = reference.$refText ?? '';
        const name = basis?.name ?? (written.includes('.') ? written.slice(0, written.indexOf('.')) : written);
        const entry = byKey.get(name) ?? { name, title: basis?.title, kind: basis?.kind, articles: [], whole: false };
        byKey.set(name, entry);
        if (article) { if (!entry.articles.includes(article.name)) entry.articles.push(article.name); }
        else if (!basis && written.includes('.')) entry.articles.push(written.slice(written.indexOf('.') + 1));
        else entry.whole = true;
    }
    return [...byKey.values()];
}

/** `8 workdays`; the unit as written. */
export interface DurationText { readonly value: number; readonly unit: string }

export function durationOf(duration: Duration | undefined): DurationText | undefined {
    return duration ? { value: duration.value ?? 0, unit: duration.unit ?? 'days' } : undefined;
}

export function stepName(risk: Risk): string | undefined {
    if (!risk.at) return undefined;
    return isStep(risk.at.ref) ? risk.at.ref.name : risk.at.$refText || undefined;
}
