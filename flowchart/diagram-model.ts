import { GrammarUtils, type AstNode, type Reference } from 'langium';
import {
    isDecision, isDepartment, isRole, isStep,
    type Department, type Duration, type Flow, type FlowNode, type Party, type Power, type Risk
} from '../language/generated/ast.js';
import { baseUnit, buildFlowGraph, END, formatAmount, longestPath, type BaseUnit, type FlowEdge } from '../language/flow-graph.js';

/**
 * The diagram of one flow of one power (权力运行流程图) as plain, serialisable
 * data: no Langium nodes, no VS Code, no DOM. The language server sends it to
 * the editor; the CLI builds it directly. Edges come from `buildFlowGraph`
 * (language/flow-graph.ts), the one definition of the flow semantics.
 */
export type FlowKind = 'external' | 'internal';
export type Grade = 'high' | 'medium' | 'low';

/** LSP positions and ranges (0-based lines, UTF-16 columns). */
export interface DiagramPosition { readonly line: number; readonly character: number }
export interface DiagramRange { readonly start: DiagramPosition; readonly end: DiagramPosition }

export interface DiagramDuration { readonly value: number; readonly unit: string }

export interface DiagramParty {
    /** The party's name as written (the referenced declaration's name when it resolves). */
    readonly name: string;
    /** Stable identity for grouping into lanes. */
    readonly key: string;
    /** An external role (an applicant outside the college). */
    readonly external: boolean;
}

export interface DiagramMeasure {
    readonly text: string;
    readonly by?: string;
    readonly within?: DiagramDuration;
}

export interface DiagramRisk {
    readonly name: string;
    readonly grade?: Grade;
    readonly aspect?: string;
    readonly description?: string;
    readonly measures: readonly DiagramMeasure[];
    readonly range?: DiagramRange;
}

export type DiagramNodeKind = 'start' | 'end' | 'step' | 'decision';

export interface DiagramNode {
    /** `start`, `end`, or `n<index of the node in its flow>`: safe as an id anywhere. */
    readonly id: string;
    readonly kind: DiagramNodeKind;
    /** The step's or decision's name; empty for start and end (the renderer labels them). */
    readonly name: string;
    readonly responsible?: DiagramParty;
    readonly deadline?: DiagramDuration;
    readonly collective: boolean;
    /** Whether some path from the start reaches it. */
    readonly reachable: boolean;
    /** On the longest path (by deadlines) from start to end. */
    readonly onLongestPath: boolean;
    /** The whole declaration, and its name (where reveal puts the selection). */
    readonly range?: DiagramRange;
    readonly nameRange?: DiagramRange;
    /** Risk points `at` this step or decision. */
    readonly risks: readonly DiagramRisk[];
    /** The lane's id in swimlane mode. */
    readonly lane?: string;
}

export interface DiagramEdge {
    readonly id: string;
    readonly source: string;
    readonly target: string;
    /** A decision branch's label. */
    readonly label?: string;
    /** The index of the branch in its decision. */
    readonly branchIndex?: number;
    /** Goes back to a node already on the way from the start (a loop for correction). */
    readonly back: boolean;
    /** Where the edge is written (the branch, or the step's `-> X`); none for implicit edges. */
    readonly range?: DiagramRange;
}

export interface DiagramLane {
    readonly id: string;
    readonly name: string;
    readonly key: string;
    readonly external: boolean;
    /** Nodes in the lane, in flow order. */
    readonly nodes: readonly string[];
}

export interface DiagramTitle {
    readonly power: string;
    readonly department?: string;
    readonly departmentTitle?: string;
    readonly code?: string;
    readonly category?: string;
    readonly content?: string;
    readonly responsible?: string;
    readonly major: boolean;
    readonly flowKind?: FlowKind;
    readonly limit?: DiagramDuration;
    /** The longest path's total of deadlines, in `unit` (flow-graph.ts `longestPath`). */
    readonly longestPath: { readonly total: number; readonly formatted: string; readonly unit: BaseUnit };
}

export interface DiagramModel {
    readonly version: 1;
    readonly title: DiagramTitle;
    /** The flow drawn; undefined when the power has no flow at all. */
    readonly flowKind?: FlowKind;
    /** The kinds of flow the power has, in the order written. */
    readonly flows: readonly FlowKind[];
    readonly nodes: readonly DiagramNode[];
    readonly edges: readonly DiagramEdge[];
    /** Swimlanes, one per responsible party, when asked for. */
    readonly lanes?: readonly DiagramLane[];
    /** Risk points of the power that are at no step of this flow. */
    readonly powerRisks: readonly DiagramRisk[];
    /** The power's declaration. */
    readonly range?: DiagramRange;
}

export interface BuildDiagramOptions {
    readonly lanes?: boolean;
}

/**
 * Builds the diagram of `power`'s flow of the given kind (or its first flow when
 * it has none of that kind, or none was asked for).
 */
export function buildDiagram(power: Power, flowKind?: FlowKind, options: BuildDiagramOptions = {}): DiagramModel {
    const flows = power.flows ?? [];
    const flow = flows.find(f => f.kind === flowKind) ?? flows[0];
    const kinds = [...new Set(flows.map(f => f.kind).filter((k): k is FlowKind => k === 'external' || k === 'internal'))];
    const risks = power.risks ?? [];

    const nodes: DiagramNode[] = [];
    const edges: DiagramEdge[] = [];
    const idOf = new Map<FlowNode, string>();
    const usedRisks = new Set<Risk>();
    let total = { total: 0, formatted: '0', unit: 'workday' as BaseUnit };

    if (flow) {
        const graph = buildFlowGraph(flow);
        const unit = flowUnit(flow);
        const longest = longestPath(graph, unit);
        total = { total: longest.total, formatted: formatAmount(longest.total), unit };
        const onPath = new Set(longest.path);
        graph.nodes.forEach((node, index) => idOf.set(node, `n${index}`));

        nodes.push({ id: 'start', kind: 'start', name: '', collective: false, reachable: true, onLongestPath: true, range: flowHeaderRange(flow), risks: [] });
        for (const node of graph.nodes) {
            // `risk … at X` names a step or decision of the power; both flows may use the name.
            const atNode = risks.filter(risk => risk.at && refName(risk.at) === node.name);
            atNode.forEach(risk => usedRisks.add(risk));
            nodes.push({
                id: idOf.get(node)!,
                kind: isDecision(node) ? 'decision' : 'step',
                name: node.name ?? '',
                responsible: party(node.by),
                deadline: isStep(node) ? duration(node.within) : undefined,
                collective: isStep(node) && node.collective,
                reachable: graph.reachable.has(node),
                onLongestPath: onPath.has(node),
                range: rangeOf(node),
                nameRange: GrammarUtils.findNodeForProperty(node.$cstNode, 'name')?.range ?? rangeOf(node),
                risks: atNode.map(toRisk)
            });
        }
        if (graph.start) {
            edges.push({ id: 'e0', source: 'start', target: idOf.get(graph.start)!, back: false });
        } else {
            edges.push({ id: 'e0', source: 'start', target: 'end', back: false });
        }
        graph.edges.forEach((edge: FlowEdge) => {
            const decision = isDecision(edge.from) ? edge.from : undefined;
            const branch = decision && edge.branchIndex !== undefined ? decision.branches[edge.branchIndex] : undefined;
            edges.push({
                id: `e${edges.length}`,
                source: idOf.get(edge.from)!,
                target: edge.to === END ? 'end' : idOf.get(edge.to)!,
                label: edge.label,
                branchIndex: edge.branchIndex,
                back: graph.backEdges.has(edge),
                range: branch ? rangeOf(branch) : targetRange(edge.from)
            });
        });
        if (edges.some(edge => edge.target === 'end')) {
            nodes.push({ id: 'end', kind: 'end', name: '', collective: false, reachable: true, onLongestPath: true, risks: [] });
        }
    }

    const department = isDepartment(power.$container) ? power.$container as Department : undefined;
    const model: DiagramModel = {
        version: 1,
        title: {
            power: power.name ?? '',
            department: department?.name,
            departmentTitle: department?.title,
            code: power.code,
            category: power.category,
            content: power.content,
            responsible: power.responsible ? refName(power.responsible) : undefined,
            major: Boolean(power.major),
            flowKind: flow?.kind as FlowKind | undefined,
            limit: duration(flow?.limit),
            longestPath: total
        },
        flowKind: flow?.kind as FlowKind | undefined,
        flows: kinds,
        nodes,
        edges,
        powerRisks: risks.filter(risk => !usedRisks.has(risk)).map(toRisk),
        range: rangeOf(power)
    };
    return options.lanes && flow ? withLanes(model) : model;
}

/**
 * Groups the nodes into one lane per responsible party, in order of first
 * appearance. Start joins the first node's lane, end the lane of the first node
 * that ends the flow; nodes without a party share an unnamed lane.
 */
function withLanes(model: DiagramModel): DiagramModel {
    const lanes: Array<{ id: string; name: string; key: string; external: boolean; nodes: string[] }> = [];
    const laneOf = new Map<string, string>();
    const laneFor = (responsible: DiagramParty | undefined) => {
        const key = responsible?.key ?? '';
        let lane = lanes.find(l => l.key === key);
        if (!lane) {
            lane = { id: `lane${lanes.length}`, name: responsible?.name ?? '', key, external: responsible?.external ?? false, nodes: [] };
            lanes.push(lane);
        }
        return lane;
    };
    for (const node of model.nodes) {
        if (node.kind === 'step' || node.kind === 'decision') laneOf.set(node.id, laneFor(node.responsible).id);
    }
    const first = model.edges.find(edge => edge.source === 'start')?.target;
    const ending = model.edges.find(edge => edge.target === 'end' && edge.source !== 'start')?.source;
    const fallback = () => laneFor(undefined).id;
    laneOf.set('start', (first && laneOf.get(first)) || fallback());
    if (model.nodes.some(node => node.id === 'end')) laneOf.set('end', (ending && laneOf.get(ending)) || laneOf.get('start')!);
    const nodes = model.nodes.map(node => ({ ...node, lane: laneOf.get(node.id) }));
    for (const node of nodes) lanes.find(lane => lane.id === node.lane)?.nodes.push(node.id);
    return { ...model, nodes, lanes: lanes.filter(lane => lane.nodes.length > 0) };
}

/** The unit totals are given in: the limit's, else the first deadline's, else workdays. */
function flowUnit(flow: Flow): BaseUnit {
    if (flow.limit) return baseUnit(flow.limit.unit);
    const first = flow.nodes.find(node => isStep(node) && node.within);
    return first && isStep(first) && first.within ? baseUnit(first.within.unit) : 'workday';
}

function toRisk(risk: Risk): DiagramRisk {
    return {
        name: risk.name ?? '',
        grade: isGrade(risk.final) ? risk.final : isGrade(risk.grade) ? risk.grade : undefined,
        aspect: risk.aspect,
        description: risk.description,
        measures: (risk.measures ?? []).map(measure => ({
            text: measure.text ?? '',
            by: measure.by ? refName(measure.by) : undefined,
            within: duration(measure.within)
        })),
        range: GrammarUtils.findNodeForProperty(risk.$cstNode, 'name')?.range ?? rangeOf(risk)
    };
}

function isGrade(value: string | undefined): value is Grade {
    return value === 'high' || value === 'medium' || value === 'low';
}

function party(reference: Reference<Party> | undefined): DiagramParty | undefined {
    if (!reference) return undefined;
    const target = reference.ref;
    const name = refName(reference);
    if (!name) return undefined;
    const container = target?.$container as { name?: string } | undefined;
    return {
        name,
        key: target ? `${target.$type}:${container?.name ?? ''}.${target.name}` : `?:${reference.$refText}`,
        external: isRole(target) && target.external
    };
}

function refName(reference: Reference<AstNode & { name?: string }>): string {
    return reference.ref?.name ?? reference.$refText ?? '';
}

function duration(value: Duration | undefined): DiagramDuration | undefined {
    return value && typeof value.value === 'number' && value.unit ? { value: value.value, unit: value.unit } : undefined;
}

function rangeOf(node: AstNode | undefined): DiagramRange | undefined {
    const range = node?.$cstNode?.range;
    return range ? { start: { ...range.start }, end: { ...range.end } } : undefined;
}

/** `flow external limit …`: the line up to the opening brace. */
function flowHeaderRange(flow: Flow): DiagramRange | undefined {
    const start = flow.$cstNode?.range.start;
    const brace = GrammarUtils.findNodeForKeyword(flow.$cstNode, '{')?.range.end;
    return start && brace ? { start: { ...start }, end: { ...brace } } : rangeOf(flow);
}

/** A step's `-> X` / `-> end`, from the arrow to the target. */
function targetRange(node: FlowNode): DiagramRange | undefined {
    const arrow = GrammarUtils.findNodeForKeyword(node.$cstNode, '->')?.range;
    const target = (GrammarUtils.findNodeForProperty(node.$cstNode, 'to') ?? GrammarUtils.findNodeForKeyword(node.$cstNode, 'end'))?.range;
    return arrow && target ? { start: { ...arrow.start }, end: { ...target.end } } : undefined;
}

// ---------------------------------------------------------------- finding powers

/** A power of a document, as listed by the preview's power picker. */
export interface PowerSummary {
    readonly name: string;
    readonly department?: string;
    /** `department.power`, unique in a workspace. */
    readonly key: string;
    readonly flows: readonly FlowKind[];
    readonly range?: DiagramRange;
}

export function powerKey(power: Power): string {
    const department = isDepartment(power.$container) ? power.$container.name : '';
    return `${department ?? ''}.${power.name ?? ''}`;
}

export function summarisePower(power: Power): PowerSummary {
    const department = isDepartment(power.$container) ? power.$container.name : undefined;
    return {
        name: power.name ?? '',
        department,
        key: powerKey(power),
        flows: [...new Set((power.flows ?? []).map(f => f.kind as FlowKind))],
        range: rangeOf(power)
    };
}

/** The power whose declaration contains the position (inclusive of its end). */
export function powerAt(powers: readonly Power[], position: DiagramPosition): Power | undefined {
    return powers.find(power => {
        const range = power.$cstNode?.range;
        return range !== undefined && compare(range.start, position) <= 0 && compare(position, range.end) <= 0;
    });
}

/** The flow kind under the position, when it is inside one of the power's flows. */
export function flowAt(power: Power, position: DiagramPosition): FlowKind | undefined {
    const flow = (power.flows ?? []).find(f => {
        const range = f.$cstNode?.range;
        return range !== undefined && compare(range.start, position) <= 0 && compare(position, range.end) <= 0;
    });
    return flow?.kind as FlowKind | undefined;
}

function compare(a: DiagramPosition, b: DiagramPosition): number {
    return a.line - b.line || a.character - b.character;
}
