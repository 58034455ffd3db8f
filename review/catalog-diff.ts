import {
    flowTotal, unitOf,
    type CatalogSnapshot, type DurationValue, type FlowNodeSnapshot, type FlowSnapshot, type PowerSnapshot,
    type RegisterSnapshot, type RiskSnapshot
} from './catalog-snapshot.js';

/**
 * What changed between two versions of a catalog, as a flat list of changes
 * in a stable order (department, then power, flow, risk, register). Powers are
 * matched by `code` (a power renamed keeps its code), steps by name inside
 * their flow, risks by name inside their power or department, measures by
 * text, registers by staff member. An empty list means the two versions say
 * the same thing, however they are laid out.
 */
export type ChangeKind =
    | 'department-added' | 'department-removed' | 'department-changed'
    | 'power-added' | 'power-removed' | 'power-renamed' | 'power-moved' | 'power-changed'
    | 'basis-added' | 'basis-removed'
    | 'flow-added' | 'flow-removed' | 'flow-limit'
    | 'step-added' | 'step-removed' | 'steps-reordered' | 'step-changed'
    | 'risk-added' | 'risk-removed' | 'risk-grade' | 'risk-changed'
    | 'measure-added' | 'measure-removed' | 'measure-changed'
    | 'register-added' | 'register-removed' | 'register-signed' | 'register-reviewed' | 'register-approved'
    | 'register-risk-added' | 'register-risk-removed';

export type DiffValue = string | number | boolean | readonly string[] | DurationValue | { readonly by?: string; readonly on?: string; readonly how?: string };

export interface PowerIdentity {
    readonly key: string;
    readonly code?: string;
    readonly name: string;
}

/** A flow's longest-path total before and after, in one unit (the new flow's), with its limit. */
export interface FlowTotals {
    readonly unit: string;
    readonly old?: { readonly total: number; readonly limit?: DurationValue };
    readonly new?: { readonly total: number; readonly limit?: DurationValue };
}

export interface FlowIdentity {
    readonly kind: string;
    readonly index: number;
    readonly totals: FlowTotals;
}

export interface Change {
    readonly kind: ChangeKind;
    readonly department: string;
    readonly power?: PowerIdentity;
    readonly flow?: FlowIdentity;
    readonly risk?: string;
    /** The register's staff member; `''` for the department's own form. */
    readonly register?: string;
    /** The step, basis, measure or risk a change is about, within its owner. */
    readonly item?: string;
    /** Which property changed (`content`, `responsible`, `within`, `grade` …). */
    readonly property?: string;
    readonly old?: DiffValue;
    readonly new?: DiffValue;
    /** For `risk-grade`: which way the grade moved. */
    readonly direction?: 'raised' | 'lowered';
}

export function diffCatalogs(before: CatalogSnapshot, after: CatalogSnapshot): Change[] {
    const changes: Change[] = [];
    const push = (change: Change) => { changes.push(withoutUndefined(change)); };

    for (const name of union(before.departments.keys(), after.departments.keys())) {
        const old = before.departments.get(name);
        const now = after.departments.get(name);
        if (!old && now) push({ kind: 'department-added', department: name, new: now.title });
        else if (old && !now) push({ kind: 'department-removed', department: name, old: old.title });
        else if (old && now) {
            compare(old.title, now.title, (o, n) => push({ kind: 'department-changed', department: name, property: 'title', old: o, new: n }));
            compare(old.leader, now.leader, (o, n) => push({ kind: 'department-changed', department: name, property: 'leader', old: o, new: n }));
        }
    }

    for (const key of union(before.powers.keys(), after.powers.keys())) {
        const old = before.powers.get(key);
        const now = after.powers.get(key);
        if (!old && now) push({ kind: 'power-added', department: now.department, power: identity(now), new: now.flows.length });
        else if (old && !now) push({ kind: 'power-removed', department: old.department, power: identity(old), old: old.flows.length });
        else if (old && now) diffPower(old, now, push);
    }

    for (const key of union(before.risks.keys(), after.risks.keys())) {
        const old = before.risks.get(key);
        const now = after.risks.get(key);
        const owner = now ?? old!;
        // The risks of a power that came or went are part of that change, not listed one by one.
        if (owner.power !== undefined && !(before.powers.has(owner.power) && after.powers.has(owner.power))) continue;
        const power = owner.power === undefined ? undefined : identity(after.powers.get(owner.power)!);
        const base = { department: owner.department, power, risk: owner.name };
        if (!old && now) push({ ...base, kind: 'risk-added', new: now.grade });
        else if (old && !now) push({ ...base, kind: 'risk-removed', old: old.grade });
        else if (old && now) diffRisk(old, now, base, push);
    }

    for (const key of union(before.registers.keys(), after.registers.keys())) {
        const old = before.registers.get(key);
        const now = after.registers.get(key);
        const owner = now ?? old!;
        const base = { department: owner.department, register: owner.staff ?? '' };
        if (!old && now) push({ ...base, kind: 'register-added' });
        else if (old && !now) push({ ...base, kind: 'register-removed' });
        else if (old && now) diffRegister(old, now, base, push);
    }
    // Grouped by department (stable: within one, in the order found above).
    return changes.map((change, i) => ({ change, i }))
        .sort((a, b) => a.change.department < b.change.department ? -1 : a.change.department > b.change.department ? 1 : a.i - b.i)
        .map(({ change }) => change);
}

function diffPower(old: PowerSnapshot, now: PowerSnapshot, push: (change: Change) => void): void {
    const base = { department: now.department, power: identity(now) };
    compare(old.name, now.name, (o, n) => push({ ...base, kind: 'power-renamed', old: o, new: n }));
    compare(old.department, now.department, (o, n) => push({ ...base, kind: 'power-moved', old: o, new: n }));
    for (const property of ['category', 'major', 'content', 'responsible'] as const) {
        compare(old[property], now[property], (o, n) => push({ ...base, kind: 'power-changed', property, old: o, new: n }));
    }
    for (const basis of now.bases) if (!old.bases.includes(basis)) push({ ...base, kind: 'basis-added', item: basis });
    for (const basis of old.bases) if (!now.bases.includes(basis)) push({ ...base, kind: 'basis-removed', item: basis });

    const flowKey = (flow: FlowSnapshot) => `${flow.kind}#${flow.index}`;
    const oldFlows = new Map(old.flows.map(flow => [flowKey(flow), flow]));
    const newFlows = new Map(now.flows.map(flow => [flowKey(flow), flow]));
    for (const key of union(oldFlows.keys(), newFlows.keys())) {
        const before = oldFlows.get(key);
        const after = newFlows.get(key);
        const unit = unitOf((after ?? before)!.flow);
        const totals: FlowTotals = {
            unit,
            old: before && { total: flowTotal(before.flow, unit), limit: before.limit },
            new: after && { total: flowTotal(after.flow, unit), limit: after.limit }
        };
        const some = (after ?? before)!;
        const flowBase = { ...base, flow: withoutUndefined({ kind: some.kind, index: some.index, totals: withoutUndefined(totals) }) };
        if (!before && after) push({ ...flowBase, kind: 'flow-added', new: after.nodes.map(n => n.name) });
        else if (before && !after) push({ ...flowBase, kind: 'flow-removed', old: before.nodes.map(n => n.name) });
        else if (before && after) diffFlow(before, after, flowBase, push);
    }
}

function diffFlow(old: FlowSnapshot, now: FlowSnapshot, base: Omit<Change, 'kind'>, push: (change: Change) => void): void {
    compareDuration(old.limit, now.limit, (o, n) => push({ ...base, kind: 'flow-limit', old: o, new: n }));
    const oldNodes = new Map(old.nodes.map(node => [node.name, node]));
    const newNodes = new Map(now.nodes.map(node => [node.name, node]));
    for (const node of now.nodes) if (!oldNodes.has(node.name)) push({ ...base, kind: 'step-added', item: node.name, new: node.type });
    for (const node of old.nodes) if (!newNodes.has(node.name)) push({ ...base, kind: 'step-removed', item: node.name, old: node.type });
    const keptOld = old.nodes.filter(node => newNodes.has(node.name)).map(node => node.name);
    const keptNew = now.nodes.filter(node => oldNodes.has(node.name)).map(node => node.name);
    if (keptOld.join('\u0000') !== keptNew.join('\u0000')) push({ ...base, kind: 'steps-reordered', old: keptOld, new: keptNew });
    for (const node of now.nodes) {
        const before = oldNodes.get(node.name);
        if (!before) continue;
        for (const property of ['type', 'by', 'collective', 'to'] as const satisfies ReadonlyArray<keyof FlowNodeSnapshot>) {
            compare(before[property], node[property], (o, n) => push({ ...base, kind: 'step-changed', item: node.name, property, old: o, new: n }));
        }
        compareDuration(before.within, node.within, (o, n) => push({ ...base, kind: 'step-changed', item: node.name, property: 'within', old: o, new: n }));
    }
}

const GRADE_RANK: Record<string, number> = { low: 1, medium: 2, high: 3 };

function diffRisk(old: RiskSnapshot, now: RiskSnapshot, base: Omit<Change, 'kind'>, push: (change: Change) => void): void {
    compare(old.grade, now.grade, (o, n) => {
        const direction = (GRADE_RANK[n as string] ?? 0) > (GRADE_RANK[o as string] ?? 0) ? 'raised' as const : 'lowered' as const;
        push({ ...base, kind: 'risk-grade', old: o, new: n, direction });
    });
    for (const property of ['description', 'aspect', 'owner', 'at'] as const) {
        compare(old[property], now[property], (o, n) => push({ ...base, kind: 'risk-changed', property, old: o, new: n }));
    }
    for (const [key, measure] of now.measures) {
        const before = old.measures.get(key);
        if (!before) { push({ ...base, kind: 'measure-added', item: measure.text }); continue; }
        compare(before.by, measure.by, (o, n) => push({ ...base, kind: 'measure-changed', item: measure.text, property: 'by', old: o, new: n }));
        compareDuration(before.within, measure.within, (o, n) => push({ ...base, kind: 'measure-changed', item: measure.text, property: 'within', old: o, new: n }));
    }
    for (const [key, measure] of old.measures) if (!now.measures.has(key)) push({ ...base, kind: 'measure-removed', item: measure.text });
}

function diffRegister(old: RegisterSnapshot, now: RegisterSnapshot, base: Omit<Change, 'kind'>, push: (change: Change) => void): void {
    compare(old.signed, now.signed, (o, n) => push({ ...base, kind: 'register-signed', old: o, new: n }));
    if (old.reviewed !== now.reviewed || old.reviewedHow !== now.reviewedHow) {
        push({ ...base, kind: 'register-reviewed', old: review(old), new: review(now) });
    }
    if (old.approvedBy !== now.approvedBy || old.approvedOn !== now.approvedOn) {
        push({ ...base, kind: 'register-approved', old: approval(old), new: approval(now) });
    }
    for (const risk of now.risks) if (!old.risks.includes(risk)) push({ ...base, kind: 'register-risk-added', item: risk });
    for (const risk of old.risks) if (!now.risks.includes(risk)) push({ ...base, kind: 'register-risk-removed', item: risk });
}

function review(register: RegisterSnapshot): DiffValue | undefined {
    return register.reviewed === undefined && register.reviewedHow === undefined ? undefined : withoutUndefined({ on: register.reviewed, how: register.reviewedHow });
}

function approval(register: RegisterSnapshot): DiffValue | undefined {
    return register.approvedBy === undefined && register.approvedOn === undefined ? undefined : withoutUndefined({ by: register.approvedBy, on: register.approvedOn });
}

function identity(power: PowerSnapshot): PowerIdentity {
    return withoutUndefined({ key: power.key, code: power.code, name: power.name });
}

function compare<T extends DiffValue>(old: T | undefined, now: T | undefined, changed: (old: T | undefined, now: T | undefined) => void): void {
    if (old !== now) changed(old, now);
}

/** `7 workdays` and `7 workday` are the same duration; `5 workdays` and `7 days` are not (the unit is part of what was promised). */
function compareDuration(old: DurationValue | undefined, now: DurationValue | undefined, changed: (old: DurationValue | undefined, now: DurationValue | undefined) => void): void {
    const same = old === undefined || now === undefined ? old === now
        : old.value === now.value && old.unit.replace(/s$/, '') === now.unit.replace(/s$/, '');
    if (!same) changed(old, now);
}

/** Keys in a stable order: code-point order, the same on every machine. */
function union(a: Iterable<string>, b: Iterable<string>): string[] {
    return [...new Set([...a, ...b])].sort();
}

/** JSON without `"old": undefined` noise, and equal objects for equal changes. */
function withoutUndefined<T extends object>(value: T): T {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
