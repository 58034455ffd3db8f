import { isDecision, type Duration, type Flow, type FlowNode } from './generated/ast.js';

/**
 * The graph of a flow (spec: "flow"): steps run in the order written; `-> X`
 * sends a step elsewhere, `-> end` ends the flow, the last node ends it; a
 * decision goes only where its branches say (one with no branch at all falls
 * through like a step, so that only `decision-needs-branches` reports it).
 * Shared by the validators, the diagram model, hover and inlay hints.
 */
export const END = 'end' as const;
export type Target = FlowNode | typeof END;

export interface FlowEdge {
    readonly from: FlowNode;
    readonly to: Target;
    /** The branch label of a decision's edge. */
    readonly label?: string;
    /** Index of the branch in its decision, for linking edges back to source. */
    readonly branchIndex?: number;
}

export interface FlowGraph {
    readonly nodes: readonly FlowNode[];
    readonly start: FlowNode | undefined;
    readonly edges: readonly FlowEdge[];
    readonly successors: ReadonlyMap<FlowNode, readonly FlowEdge[]>;
    /** Nodes some path from the start reaches. */
    readonly reachable: ReadonlySet<FlowNode>;
    /** Nodes from which some path reaches the end. */
    readonly canEnd: ReadonlySet<FlowNode>;
    /** Edges that go back to a node already on the way from the start (loops for correction). */
    readonly backEdges: ReadonlySet<FlowEdge>;
}

export function buildFlowGraph(flow: Flow): FlowGraph {
    const nodes = flow.nodes ?? [];
    const edges: FlowEdge[] = [];
    const successors = new Map<FlowNode, FlowEdge[]>();
    nodes.forEach((node, index) => {
        const next: Target = nodes[index + 1] ?? END;
        const out: FlowEdge[] = [];
        if (isDecision(node) && node.branches.length > 0) {
            node.branches.forEach((branch, branchIndex) => {
                const to = branch.toEnd ? END : branch.to?.ref;
                // An unresolved branch target leads nowhere (reported as unresolved-reference).
                if (to) out.push({ from: node, to, label: branch.label, branchIndex });
            });
        } else if (!isDecision(node) && (node.toEnd || node.to)) {
            const to = node.toEnd ? END : node.to?.ref;
            if (to) out.push({ from: node, to });
        } else {
            out.push({ from: node, to: next });
        }
        successors.set(node, out);
        edges.push(...out);
    });

    const start = nodes[0];
    const reachable = new Set<FlowNode>();
    const backEdges = new Set<FlowEdge>();
    if (start) {
        // Iterative DFS (flows may be very long): colours find back edges.
        const onStack = new Set<FlowNode>();
        const stack: Array<{ node: FlowNode; next: number }> = [{ node: start, next: 0 }];
        reachable.add(start);
        onStack.add(start);
        while (stack.length > 0) {
            const frame = stack[stack.length - 1];
            const out = successors.get(frame.node) ?? [];
            if (frame.next >= out.length) {
                onStack.delete(frame.node);
                stack.pop();
                continue;
            }
            const edge = out[frame.next++];
            if (edge.to === END) continue;
            if (onStack.has(edge.to)) {
                backEdges.add(edge);
            } else if (!reachable.has(edge.to)) {
                reachable.add(edge.to);
                onStack.add(edge.to);
                stack.push({ node: edge.to, next: 0 });
            }
        }
    }

    // Backwards search from the end over reversed edges.
    const predecessors = new Map<FlowNode, FlowNode[]>();
    const canEnd = new Set<FlowNode>();
    const work: FlowNode[] = [];
    for (const edge of edges) {
        if (edge.to === END) {
            if (!canEnd.has(edge.from)) { canEnd.add(edge.from); work.push(edge.from); }
        } else {
            const list = predecessors.get(edge.to);
            if (list) list.push(edge.from); else predecessors.set(edge.to, [edge.from]);
        }
    }
    while (work.length > 0) {
        const node = work.pop()!;
        for (const previous of predecessors.get(node) ?? []) {
            if (!canEnd.has(previous)) { canEnd.add(previous); work.push(previous); }
        }
    }
    return { nodes, start, edges, successors, reachable, canEnd, backEdges };
}

// ---------------------------------------------------------------- durations

export type BaseUnit = 'workday' | 'day' | 'hour';

export function baseUnit(unit: string | undefined): BaseUnit {
    return unit?.startsWith('workday') ? 'workday' : unit?.startsWith('hour') ? 'hour' : 'day';
}

/**
 * How one unit reads in another, always taking the longest reading so that a
 * limit is never wrongly judged kept (docs/language.md, "Deadlines"):
 * a calendar day may be a whole workday; a workday may stretch over a weekend
 * (5 workdays = 7 days); a workday has 8 working hours, so an hour may be 1/8
 * of a workday and 7/40 of a day.
 */
const CONVERSION: Record<BaseUnit, Record<BaseUnit, number>> = {
    workday: { workday: 1, day: 7 / 5, hour: 24 * 7 / 5 },
    day: { workday: 1, day: 1, hour: 24 },
    hour: { workday: 1 / 8, day: 7 / 40, hour: 1 }
};

export function convertDuration(duration: Duration, to: BaseUnit): number {
    return (duration.value ?? 0) * CONVERSION[baseUnit(duration.unit)][to];
}

export interface LongestPath {
    /** Total of the deadlines on the path, in `unit`. */
    readonly total: number;
    readonly unit: BaseUnit;
    /** The nodes of the path, from the start. */
    readonly path: readonly FlowNode[];
}

/**
 * The longest loop-free path from the start to the end, weighted by the steps'
 * deadlines (converted to `unit`). Loop-free means it takes no back edge, so
 * this is a linear-time longest path in the DAG that remains; nodes from which
 * that DAG cannot reach the end are not on any such path. A flow that cannot
 * end at all has total 0 and an empty path (`no-path-to-end` reports it).
 */
export function longestPath(graph: FlowGraph, unit: BaseUnit): LongestPath {
    if (!graph.start) return { total: 0, unit, path: [] };
    const weight = (node: FlowNode) => !isDecision(node) && node.within ? convertDuration(node.within, unit) : 0;
    const best = new Map<FlowNode, { total: number; next: FlowNode | undefined }>();
    // Post-order over the DAG (back edges removed), iteratively.
    const stack: Array<{ node: FlowNode; expanded: boolean }> = [{ node: graph.start, expanded: false }];
    const seen = new Set<FlowNode>();
    while (stack.length > 0) {
        const frame = stack.pop()!;
        const out = (graph.successors.get(frame.node) ?? []).filter(edge => !graph.backEdges.has(edge));
        if (!frame.expanded) {
            if (seen.has(frame.node)) continue;
            seen.add(frame.node);
            stack.push({ node: frame.node, expanded: true });
            for (const edge of out) {
                if (edge.to !== END && !seen.has(edge.to)) stack.push({ node: edge.to, expanded: false });
            }
            continue;
        }
        // Only paths that reach the end count: a correction step whose loop was
        // cut (its back edge removed) is a dead end here, not a way to finish.
        let total = -1;
        let next: FlowNode | undefined;
        for (const edge of out) {
            const candidate = edge.to === END ? 0 : best.get(edge.to)?.total ?? -1;
            if (candidate > total) { total = candidate; next = edge.to === END ? undefined : edge.to; }
        }
        if (total < 0) continue; // no loop-free way to the end from here
        best.set(frame.node, { total: total + weight(frame.node), next });
    }
    const path: FlowNode[] = [];
    const visited = new Set<FlowNode>();
    for (let node: FlowNode | undefined = graph.start; node && !visited.has(node); node = best.get(node)?.next) {
        visited.add(node);
        path.push(node);
    }
    return { total: best.get(graph.start)?.total ?? 0, unit, path: best.has(graph.start) ? path : [] };
}

/** Rounds a converted total for display: whole numbers stay whole, others keep one decimal. */
export function formatAmount(value: number): string {
    return Number.isInteger(value) ? String(value) : (Math.ceil(value * 10) / 10).toFixed(1);
}
