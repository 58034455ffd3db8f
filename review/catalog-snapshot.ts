import { AstUtils, type AstNode, type Reference } from 'langium';
import { buildFlowGraph, longestPath, type BaseUnit } from '../language/flow-graph.js';
import {
    isArticle, isDecision, isDepartment, isStep,
    type BasisItem, type Department, type Duration, type Flow, type Model, type Power, type Register, type Risk
} from '../language/generated/ast.js';
import { flowUnit } from '../language/lsp/describe.js';
import { effectiveGrade } from '../handin/model.js';

/**
 * The catalog of one version of the files as plain, comparable data: what
 * `sunlight diff` compares. Everything here is semantic — names resolved to
 * what they denote, lists that have no order (bases, measures, registers'
 * risks) sorted, files and positions dropped — so that reformatting or
 * reordering declarations changes nothing. The order of a flow's nodes is
 * kept: it is the order the steps run in.
 */
export interface CatalogSnapshot {
    readonly departments: ReadonlyMap<string, DepartmentSnapshot>;
    /** By `code` when the power has one, else `department/name`. */
    readonly powers: ReadonlyMap<string, PowerSnapshot>;
    /** By the owner's key (a power's key, or `department:NAME` for department-level risks) and the risk's name. */
    readonly risks: ReadonlyMap<string, RiskSnapshot>;
    /** By department and staff member (or `department` for the department's own form). */
    readonly registers: ReadonlyMap<string, RegisterSnapshot>;
}

export interface DepartmentSnapshot {
    readonly name: string;
    readonly title: string;
    readonly file: string;
    readonly leader?: string;
    readonly powers: number;
}

export interface PowerSnapshot {
    readonly key: string;
    readonly code?: string;
    readonly name: string;
    readonly department: string;
    readonly file: string;
    readonly category?: string;
    readonly major: boolean;
    readonly content?: string;
    readonly responsible?: string;
    /** `会计法.第十条`, `三定方案`, sorted. */
    readonly bases: readonly string[];
    readonly flows: readonly FlowSnapshot[];
}

export interface DurationValue {
    readonly value: number;
    readonly unit: string;
}

export interface FlowSnapshot {
    readonly kind: string;
    /** Its position among the power's flows of the same kind (0 for the usual single one). */
    readonly index: number;
    readonly limit?: DurationValue;
    readonly nodes: readonly FlowNodeSnapshot[];
    /** The flow itself, to total it in another flow's unit (see `flowTotal`). */
    readonly flow: Flow;
}

export interface FlowNodeSnapshot {
    readonly name: string;
    readonly type: 'step' | 'decision';
    readonly by?: string;
    readonly within?: DurationValue;
    readonly collective: boolean;
    /** Where it goes when written (`-> X`, `-> end`, or a decision's `"label" -> X` joined). */
    readonly to?: string;
}

export interface RiskSnapshot {
    readonly key: string;
    readonly name: string;
    readonly department: string;
    /** The key of the power it belongs to; undefined at department level. */
    readonly power?: string;
    /** The grade it is counted with (`final`, else `grade`). */
    readonly grade?: string;
    readonly description?: string;
    readonly aspect?: string;
    readonly owner?: string;
    readonly at?: string;
    /** By text (whitespace collapsed), sorted. */
    readonly measures: ReadonlyMap<string, MeasureSnapshot>;
}

export interface MeasureSnapshot {
    readonly text: string;
    readonly by?: string;
    readonly within?: DurationValue;
}

export interface RegisterSnapshot {
    readonly key: string;
    readonly department: string;
    /** The staff member, or undefined for the department's own form. */
    readonly staff?: string;
    readonly risks: readonly string[];
    readonly signed?: string;
    readonly reviewed?: string;
    readonly reviewedHow?: string;
    readonly approvedBy?: string;
    readonly approvedOn?: string;
}

export interface SnapshotSource {
    /** The file, relative to the version's root (for display only). */
    readonly file: string;
    readonly model: Model;
}

export function snapshotCatalog(sources: readonly SnapshotSource[]): CatalogSnapshot {
    const departments = new Map<string, DepartmentSnapshot>();
    const powers = new Map<string, PowerSnapshot>();
    const risks = new Map<string, RiskSnapshot>();
    const registers = new Map<string, RegisterSnapshot>();
    for (const { file, model } of sources) {
        for (const department of (model?.elements ?? []).filter(isDepartment)) {
            if (!department.name) continue;
            departments.set(unique(departments, department.name), {
                name: department.name,
                title: department.title ?? department.name,
                file,
                leader: referenced(department.leader),
                powers: department.powers.length
            });
            for (const power of department.powers) {
                if (!power.name) continue;
                const snapshot = powerSnapshot(power, department, file, unique(powers, powerKey(power, department)));
                powers.set(snapshot.key, snapshot);
                for (const risk of power.risks) addRisk(risks, risk, department, snapshot.key);
            }
            for (const risk of department.risks) addRisk(risks, risk, department, undefined);
            for (const register of department.registers) {
                const snapshot = registerSnapshot(register, department, registers);
                registers.set(snapshot.key, snapshot);
            }
        }
    }
    return { departments, powers, risks, registers };
}

function powerKey(power: Power, department: Department): string {
    const code = power.code?.trim();
    return code ? code : `${department.name}/${power.name}`;
}

/** A key not yet taken: a second declaration with the same key (a `duplicate-name` error) gets `#2`. */
function unique(map: ReadonlyMap<string, unknown>, key: string): string {
    if (!map.has(key)) return key;
    let n = 2;
    while (map.has(`${key}#${n}`)) n++;
    return `${key}#${n}`;
}

function powerSnapshot(power: Power, department: Department, file: string, key: string): PowerSnapshot {
    const seen = new Map<string, number>();
    return {
        key,
        code: power.code?.trim() || undefined,
        name: power.name,
        department: department.name,
        file,
        category: power.category,
        major: power.major,
        content: text(power.content),
        responsible: referenced(power.responsible),
        bases: sorted(power.bases.map(basis)),
        flows: power.flows.map(flow => {
            const index = seen.get(flow.kind) ?? 0;
            seen.set(flow.kind, index + 1);
            return {
                kind: flow.kind,
                index,
                limit: duration(flow.limit),
                nodes: flow.nodes.map(node => ({
                    name: node.name,
                    type: isDecision(node) ? 'decision' as const : 'step' as const,
                    by: referenced(node.by),
                    within: isStep(node) ? duration(node.within) : undefined,
                    collective: isStep(node) && node.collective,
                    to: isDecision(node)
                        ? node.branches.map(b => `${text(b.label) ?? ''}→${b.toEnd ? 'end' : b.to?.$refText ?? ''}`).join('; ')
                        : node.toEnd ? 'end' : node.to?.$refText
                })),
                flow
            };
        })
    };
}

function addRisk(into: Map<string, RiskSnapshot>, risk: Risk, department: Department, power: string | undefined): void {
    if (!risk.name) return;
    const key = unique(into, `${power ?? `${department.name}:`}/${risk.name}`);
    const measures = new Map<string, MeasureSnapshot>();
    for (const measure of risk.measures) {
        const body = text(measure.text) ?? '';
        measures.set(unique(measures, body), { text: body, by: referenced(measure.by), within: duration(measure.within) });
    }
    into.set(key, {
        key,
        name: risk.name,
        department: department.name,
        power,
        grade: effectiveGrade(risk),
        description: text(risk.description),
        aspect: risk.aspect,
        owner: referenced(risk.owner),
        at: risk.at?.$refText || undefined,
        measures
    });
}

function registerSnapshot(register: Register, department: Department, taken: ReadonlyMap<string, unknown>): RegisterSnapshot {
    const staff = register.department ? undefined : register.staff?.ref?.name ?? (register.staff?.$refText || '?');
    return {
        key: unique(taken, `${department.name}/${staff ?? ''}`),
        department: department.name,
        staff,
        risks: sorted(register.risks.map(r => referenced(r) ?? '')),
        signed: register.signed,
        reviewed: register.reviewed,
        reviewedHow: text(register.reviewedHow),
        approvedBy: referenced(register.approvedBy),
        approvedOn: register.approvedOn
    };
}

/**
 * What a reference denotes, independent of how it was written: the target's
 * qualified name (`财务处.会计` for anything inside a department, `会计法.第十条`;
 * leaders, groups, bases and departments by their own name), or the text
 * written when it does not resolve.
 */
function referenced(reference: Reference<AstNode & { name?: string }> | undefined): string | undefined {
    if (!reference) return undefined;
    const target = reference.ref;
    if (!target?.name) {
        // Unresolved (check reports it): a plain name is read as the department's own, as scoping would.
        const written = reference.$refText;
        const home = written && !written.includes('.') ? AstUtils.getContainerOfType(reference.$refNode?.astNode, isDepartment) : undefined;
        return home ? `${home.name}.${written}` : written || undefined;
    }
    if (isArticle(target)) return `${target.$container.name}.${target.name}`;
    const department = isDepartment(target) ? undefined : AstUtils.getContainerOfType(target.$container, isDepartment);
    return department ? `${department.name}.${target.name}` : target.name;
}

function basis(reference: Reference<BasisItem>): string {
    return referenced(reference as Reference<AstNode & { name?: string }>) ?? '';
}

/** Text compared with its whitespace collapsed: a line re-wrapped in the editor is no change. */
function text(value: string | undefined): string | undefined {
    const collapsed = value?.replace(/\s+/g, ' ').trim();
    return collapsed || undefined;
}

function duration(value: Duration | undefined): DurationValue | undefined {
    return value ? { value: value.value ?? 0, unit: value.unit ?? 'days' } : undefined;
}

function sorted(values: readonly string[]): string[] {
    return [...new Set(values)].sort();
}

/** The longest path's total of deadlines of a flow, in the given unit (flow-graph.ts). */
export function flowTotal(flow: Flow, unit: BaseUnit): number {
    return longestPath(buildFlowGraph(flow), unit).total;
}

/** The unit a flow is totalled in (its limit's, else the one its steps use most; lsp/describe.ts). */
export function unitOf(flow: Flow): BaseUnit {
    return flowUnit(flow);
}
