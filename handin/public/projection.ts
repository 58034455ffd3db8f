import type { Reference } from 'langium';
import {
    isArticle, isDecision, isDepartment, isGroup, isLeader, isPost, isRole, isStaff, isStep,
    type Department, type Duration, type Flow, type Party, type Power
} from '../../language/generated/ast.js';
import { baseUnit, buildFlowGraph, END, formatAmount, longestPath, type BaseUnit } from '../../language/flow-graph.js';
import type { HandinWorkspace } from '../model.js';

/**
 * The PUBLIC PROJECTION of a workspace: what the service guide (办事指南) may
 * show to staff and students, and nothing else. These types have no field
 * for anything internal (internal flows, risk points, staff names, registers,
 * post duties, comments, suppressions, file paths, diagnostics' wording), so
 * that a writer given a `PublicGuide` cannot print them: it never sees the AST.
 * `projectPublicGuide` is the one function that reads the model for the
 * public side; every value it copies is named below.
 */
export interface PublicGuide {
    readonly organization?: string;
    readonly departments: readonly PublicDepartment[];
}

export interface PublicDepartment {
    readonly name: string;
    readonly title: string;
    /** `contact "…"` lines of the department. */
    readonly contacts: readonly string[];
    readonly powers: readonly PublicPower[];
}

export interface PublicDuration { readonly value: number; readonly unit: string }

export interface PublicArticle { readonly name: string; readonly text?: string }

export interface PublicBasis {
    readonly name: string;
    readonly title?: string;
    readonly kind?: string;
    /** Cited whole (as well as, or instead of, by article). */
    readonly whole: boolean;
    readonly articles: readonly PublicArticle[];
}

export interface PublicPower {
    readonly name: string;
    readonly code?: string;
    readonly category?: string;
    readonly content?: string;
    /** The office responsible (a post, role, leader, group or department; a staff member shows as their post). */
    readonly office?: string;
    readonly major: boolean;
    readonly bases: readonly PublicBasis[];
    /** `contact "…"` lines of the power itself (its department's are on the department). */
    readonly contacts: readonly string[];
    /** The external flow (外部流程图), when the power has one. */
    readonly flow?: PublicFlow;
    /** How many errors `sunlight check` reports inside the external flow (the count only). */
    readonly flowErrors: number;
}

export interface PublicFlow {
    readonly limit?: PublicDuration;
    /** The longest loop-free path's total of deadlines (flow-graph.ts `longestPath`), in `unit`. */
    readonly longestPath: { readonly total: number; readonly formatted: string; readonly unit: BaseUnit };
    /** Steps and decisions, in the order written; ids are `n0`, `n1`, … */
    readonly nodes: readonly PublicNode[];
    /** From the start (`start`), between nodes, to the end (`end`). */
    readonly edges: readonly PublicEdge[];
}

export interface PublicNode {
    readonly id: string;
    readonly kind: 'step' | 'decision';
    readonly name: string;
    readonly office?: string;
    /** Done by someone outside the organisation (an applicant: an `external` role). */
    readonly applicant: boolean;
    readonly deadline?: PublicDuration;
    readonly collective: boolean;
    readonly reachable: boolean;
    readonly onLongestPath: boolean;
}

export interface PublicEdge {
    readonly source: string;
    readonly target: string;
    readonly label?: string;
    readonly back: boolean;
}

/** Builds the guide: every department in file order, every power in order of declaration. */
export function projectPublicGuide(workspace: HandinWorkspace): PublicGuide {
    return {
        organization: workspace.organization?.name,
        departments: workspace.departments.map(({ department, diagnostics }) => ({
            name: department.name ?? '',
            title: department.title || department.name || '',
            contacts: [...(department.contacts ?? [])],
            powers: (department.powers ?? []).map(power => {
                const flow = (power.flows ?? []).find(f => f.kind === 'external');
                const lines = flow?.$cstNode?.range;
                return {
                    name: power.name ?? '',
                    code: power.code?.trim() || undefined,
                    category: power.category,
                    content: power.content,
                    office: office(power.responsible, department),
                    major: Boolean(power.major),
                    bases: bases(power),
                    contacts: [...(power.contacts ?? [])],
                    flow: flow ? publicFlow(flow, department) : undefined,
                    flowErrors: lines ? diagnostics.filter(d => d.severity === 'error' && d.line >= lines.start.line + 1 && d.line <= lines.end.line + 1).length : 0
                };
            })
        }))
    };
}

function publicFlow(flow: Flow, department: Department): PublicFlow {
    const graph = buildFlowGraph(flow);
    const unit = flow.limit ? baseUnit(flow.limit.unit) : firstDeadlineUnit(flow);
    const longest = longestPath(graph, unit);
    const onPath = new Set(longest.path);
    const ids = new Map(graph.nodes.map((node, index) => [node, `n${index}`]));
    const edges: PublicEdge[] = [{ source: 'start', target: graph.start ? ids.get(graph.start)! : 'end', back: false }];
    for (const edge of graph.edges) {
        edges.push({ source: ids.get(edge.from)!, target: edge.to === END ? 'end' : ids.get(edge.to)!, label: edge.label, back: graph.backEdges.has(edge) });
    }
    return {
        limit: duration(flow.limit),
        longestPath: { total: longest.total, formatted: formatAmount(longest.total), unit },
        nodes: graph.nodes.map(node => ({
            id: ids.get(node)!,
            kind: isDecision(node) ? 'decision' : 'step',
            name: node.name ?? '',
            office: office(node.by, department),
            applicant: isRole(node.by?.ref) && node.by.ref.external,
            deadline: isStep(node) ? duration(node.within) : undefined,
            collective: isStep(node) && node.collective,
            reachable: graph.reachable.has(node),
            onLongestPath: onPath.has(node)
        })),
        edges
    };
}

/** The unit of totals without a limit: the first deadline's, else workdays (as the flowchart's). */
function firstDeadlineUnit(flow: Flow): BaseUnit {
    for (const node of flow.nodes ?? []) if (isStep(node) && node.within) return baseUnit(node.within.unit);
    return 'workday';
}

/**
 * How a responsible party is published: the office, never a person. A staff
 * member shows as their post (or their department when the post is unknown);
 * a group by its title; a party of another department with that department's
 * title. An unresolved reference publishes nothing (the export warns about it).
 */
function office(reference: Reference<Party> | undefined, context: Department): string | undefined {
    const target = reference?.ref;
    if (!target) return undefined;
    if (isDepartment(target)) return target.title || target.name;
    if (isLeader(target)) return target.name;
    if (isGroup(target)) return target.title || target.name;
    const home = target.$container;
    const own = (name: string | undefined) => name && (home === context ? name : `${name}(${home.title || home.name})`);
    if (isPost(target) || isRole(target)) return own(target.name) || undefined;
    if (isStaff(target)) return own(target.post?.ref?.name) || home.title || home.name;
    return undefined;
}

/** The power's bases, one entry per basis with its cited articles' text (会计法.第九条, 会计法.第十四条 → one entry). */
function bases(power: Power): PublicBasis[] {
    const byName = new Map<string, { name: string; title?: string; kind?: string; whole: boolean; articles: PublicArticle[] }>();
    for (const reference of power.bases ?? []) {
        const target = reference.ref;
        // An unresolved basis is left out: what was written may not be what is meant (`sunlight check` reports it).
        if (!target) continue;
        const basis = isArticle(target) ? target.$container : target;
        const entry = byName.get(basis.name) ?? { name: basis.name, title: basis.title, kind: basis.kind, whole: false, articles: [] };
        byName.set(basis.name, entry);
        if (isArticle(target)) {
            if (!entry.articles.some(a => a.name === target.name)) entry.articles.push({ name: target.name, text: target.text });
        } else entry.whole = true;
    }
    return [...byName.values()];
}

function duration(value: Duration | undefined): PublicDuration | undefined {
    return value && typeof value.value === 'number' && value.unit ? { value: value.value, unit: value.unit } : undefined;
}
