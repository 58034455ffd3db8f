import ElkModule from 'elkjs/lib/elk.bundled.js';
import type { ELK, ElkExtendedEdge, ElkNode, ElkPort, LayoutOptions } from 'elkjs/lib/elk-api.js';
import type { Locale } from '../language/messages.js';
import type { DiagramEdge, DiagramLane, DiagramModel, DiagramNode, DiagramRisk } from './diagram-model.js';
import { nodeDetail, terminalLabel } from './labels.js';
import { dedupe, straightenRoute } from './straighten.js';
import { fitLine, lineHeight, measureText, wrapText, type FontSpec } from './text-metrics.js';

/**
 * Lays out a diagram model with ELK's layered algorithm (top-down, orthogonal
 * edges, edge labels as dummy nodes so that they never overlap) and returns
 * plain data: positions, sizes, edge routes and the wrapped text lines the
 * renderer draws. Node sizes come from the measured text (text-metrics.ts).
 *
 * Swimlane mode runs ELK twice: once as above, which fixes the layers (rows),
 * then again with the nodes put into one column per lane and ELK's interactive
 * crossing minimisation and node placement, which keep those columns and
 * route the edges.
 *
 * Deterministic: same model and options, same output (ELK's layered algorithm
 * is deterministic for a fixed random seed; coordinates are rounded).
 * Uses elk.bundled.js: no web worker, runs anywhere (Node, extension host, browser).
 */
export interface LayoutDiagramOptions {
    /** Language of the node texts (start/end labels, deadlines). Default zh. */
    readonly locale?: Locale;
}

export interface Point { readonly x: number; readonly y: number }

export interface Box { readonly x: number; readonly y: number; readonly width: number; readonly height: number }

export interface BadgeBox extends Box {
    readonly grade: 'high' | 'medium' | 'low' | 'none';
    readonly count: number;
    readonly risks: readonly DiagramRisk[];
}

export interface LaidOutNode extends DiagramNode, Box {
    /** The name, wrapped (bold line(s) of the box). */
    readonly nameLines: readonly string[];
    /** Responsible party and deadline, wrapped. */
    readonly detailLines: readonly string[];
    readonly badges: readonly BadgeBox[];
}

export interface LaidOutEdge extends DiagramEdge {
    /** Start, bends, end. */
    readonly points: readonly Point[];
    readonly labelBox?: Box & { readonly lines: readonly string[] };
}

export interface LaidOutLane extends DiagramLane, Box {
    readonly headerHeight: number;
    readonly headerText: string;
}

export interface LaidOutDiagram {
    readonly model: DiagramModel;
    readonly locale: Locale;
    /** Size of the drawing area (nodes, edges, lanes), from (0, 0). */
    readonly width: number;
    readonly height: number;
    readonly nodes: readonly LaidOutNode[];
    readonly edges: readonly LaidOutEdge[];
    readonly lanes: readonly LaidOutLane[];
}

// ---------------------------------------------------------------- metrics

export const FONTS = {
    name: { size: 14 } as FontSpec,
    detail: { size: 12 } as FontSpec,
    terminal: { size: 14 } as FontSpec,
    edgeLabel: { size: 12 } as FontSpec,
    badge: { size: 11, bold: true } as FontSpec,
    lane: { size: 13, bold: true } as FontSpec
};

const STEP = { padX: 14, padY: 10, gap: 4, minWidth: 120, maxText: 190 };
const DECISION = { maxText: 150, minWidth: 120, minHeight: 64 };
const TERMINAL = { height: 36, minWidth: 88, padX: 24 };
const BADGE = { radius: 9, spacing: 4 };
const EDGE_LABEL = { maxText: 120, padX: 4, padY: 2 };
const LANE = { headerHeight: 30, pad: 24, minWidth: 160, gap: 30, margin: 16 };

const GRADES = ['high', 'medium', 'low'] as const;

interface Sized { node: DiagramNode; width: number; height: number; nameLines: string[]; detailLines: string[] }

function sizeNode(node: DiagramNode, locale: Locale): Sized {
    if (node.kind === 'start' || node.kind === 'end') {
        const text = terminalLabel(node.kind, locale);
        const width = Math.max(TERMINAL.minWidth, measureText(text, FONTS.terminal) + 2 * TERMINAL.padX);
        return { node, width: ceil(width), height: TERMINAL.height, nameLines: [text], detailLines: [] };
    }
    const maxText = node.kind === 'decision' ? DECISION.maxText : STEP.maxText;
    const nameLines = wrapText(node.name || '?', maxText, FONTS.name, { maxLines: 3 });
    const detail = nodeDetail(node, locale);
    const detailLines = detail ? wrapText(detail, maxText, FONTS.detail, { maxLines: 2 }) : [];
    const textWidth = Math.max(...nameLines.map(l => measureText(l, FONTS.name)), ...detailLines.map(l => measureText(l, FONTS.detail)), 0);
    const textHeight = nameLines.length * lineHeight(FONTS.name) + (detailLines.length ? STEP.gap + detailLines.length * lineHeight(FONTS.detail) : 0);
    const badgesWidth = badgeRow(node.risks).length * (2 * BADGE.radius + BADGE.spacing);
    if (node.kind === 'decision') {
        // A diamond of full width W and height H holds a centred w×h box when w/W + h/H ≤ 1.
        const height = Math.max(DECISION.minHeight, 2 * textHeight + 12);
        const width = Math.max(DECISION.minWidth, textWidth / (1 - textHeight / height) + 16);
        return { node, width: ceil(width), height: ceil(height), nameLines, detailLines };
    }
    const width = Math.max(STEP.minWidth, textWidth + 2 * STEP.padX + (node.collective ? 8 : 0), badgesWidth + 2 * STEP.padX);
    const height = textHeight + 2 * STEP.padY + (node.collective ? 8 : 0);
    return { node, width: ceil(width), height: ceil(height), nameLines, detailLines };
}

/** Badges of a node: one per grade present (high first), then ungraded risks. */
function badgeRow(risks: readonly DiagramRisk[]): Array<{ grade: BadgeBox['grade']; risks: DiagramRisk[] }> {
    const row: Array<{ grade: BadgeBox['grade']; risks: DiagramRisk[] }> = [];
    for (const grade of GRADES) {
        const of = risks.filter(r => r.grade === grade);
        if (of.length) row.push({ grade, risks: of });
    }
    const none = risks.filter(r => !r.grade);
    if (none.length) row.push({ grade: 'none', risks: none });
    return row;
}

function badgesOf(node: DiagramNode, box: Box): BadgeBox[] {
    const size = 2 * BADGE.radius;
    const row = badgeRow(node.risks);
    // Along the top edge, right-aligned, half above the border.
    return row.map((entry, i) => ({
        grade: entry.grade,
        count: entry.risks.length,
        risks: entry.risks,
        x: round(box.x + box.width - 6 - size - (row.length - 1 - i) * (size + BADGE.spacing)),
        y: round(box.y - BADGE.radius),
        width: size,
        height: size
    }));
}

// ---------------------------------------------------------------- ELK graph

const ROOT_OPTIONS: LayoutOptions = {
    'elk.algorithm': 'layered',
    'elk.direction': 'DOWN',
    'elk.edgeRouting': 'ORTHOGONAL',
    'elk.randomSeed': '1',
    'elk.padding': '[top=24,left=24,bottom=24,right=24]',
    'elk.spacing.nodeNode': '48',
    'elk.layered.spacing.nodeNodeBetweenLayers': '44',
    'elk.spacing.edgeNode': '20',
    'elk.spacing.edgeEdge': '14',
    'elk.layered.spacing.edgeNodeBetweenLayers': '20',
    'elk.layered.spacing.edgeEdgeBetweenLayers': '14',
    'elk.spacing.edgeLabel': '4',
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
    'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
    'elk.separateConnectedComponents': 'false'
};

/**
 * Above this many nodes ELK's crossing minimisation runs fewer rounds: a
 * 200-step flow lays out in about half the time, while the flows staff
 * actually draw (a few to a few dozen steps) keep the full effort
 * (docs/performance.md).
 */
const LARGE_FLOW = 100;
const LARGE_FLOW_OPTIONS: LayoutOptions = { 'elk.layered.thoroughness': '1', 'elk.layered.crossingMinimization.greedySwitch.type': 'OFF' };

const INTERACTIVE_OPTIONS: LayoutOptions = {
    ...ROOT_OPTIONS,
    'elk.layered.crossingMinimization.strategy': 'INTERACTIVE',
    'elk.layered.nodePlacement.strategy': 'INTERACTIVE'
};

type Side = 'NORTH' | 'SOUTH' | 'EAST' | 'WEST';

/** Where a branch leaves its decision: a side and a point on the diamond's outline (relative to its box, 0..1). */
export interface BranchPort { readonly side: Side; readonly at: { readonly x: number; readonly y: number } }

/**
 * The points on a diamond's outline branches may leave from, per side, best
 * first: the vertex, then the middle of the lower edge next to it. Every
 * branch gets a point of its own, so no two branches share an exit.
 */
const PORT_SLOTS: Record<Exclude<Side, 'NORTH'>, ReadonlyArray<{ x: number; y: number }>> = {
    SOUTH: [{ x: 0.5, y: 1 }, { x: 0.75, y: 0.75 }, { x: 0.25, y: 0.75 }],
    EAST: [{ x: 1, y: 0.5 }, { x: 0.75, y: 0.75 }, { x: 0.875, y: 0.625 }],
    WEST: [{ x: 0, y: 0.5 }, { x: 0.25, y: 0.75 }, { x: 0.125, y: 0.625 }]
};

/**
 * One port per decision branch. `wanted` says which side each branch would
 * like (toward its target); a branch whose side is full takes the next free
 * point of the other sides, so a decision of any number of branches still
 * has one exit per branch.
 */
export function branchPorts(edges: readonly DiagramEdge[], wanted: (edge: DiagramEdge, index: number) => Exclude<Side, 'NORTH'>): Map<string, BranchPort> {
    const ports = new Map<string, BranchPort>();
    const taken = new Set<string>();
    const order: Array<Exclude<Side, 'NORTH'>> = ['SOUTH', 'EAST', 'WEST'];
    const free = (side: Exclude<Side, 'NORTH'>) => PORT_SLOTS[side].find(p => !taken.has(`${p.x},${p.y}`));
    edges.forEach((edge, i) => {
        const first = wanted(edge, i);
        let side = first;
        let at = free(first);
        for (const other of order) {
            if (at) break;
            side = other;
            at = free(other);
        }
        // More branches than points: extra points further along the lower edges.
        at ??= { x: 0.5 + 0.45 * ((i % 2 ? 1 : -1) * (1 - 1 / (i + 1))), y: 1 - 0.45 * (1 - 1 / (i + 1)) };
        taken.add(`${at.x},${at.y}`);
        ports.set(edge.id, { side, at });
    });
    return ports;
}

/** Without lanes: loops back from the west (then east), forward branches south, east, west. */
export function branchSides(edges: readonly DiagramEdge[]): Map<string, BranchPort> {
    const back = edges.filter(e => e.back).length;
    const order = [...edges.filter(e => e.back), ...edges.filter(e => !e.back)];
    const ports = branchPorts(order, (_edge, i) => i < back
        ? (i === 0 ? 'WEST' : 'EAST')
        : (['SOUTH', 'EAST', 'WEST'] as const)[Math.min(i - back + (back > 0 ? 1 : 0), 2)]);
    return new Map(edges.map(e => [e.id, ports.get(e.id)!]));
}

interface EdgeLabel { width: number; height: number; lines: string[] }

interface SecondPass {
    /** Each node's top-left corner in its lane's column. */
    readonly positions: ReadonlyMap<string, Point>;
    /** Each node's lane index (left to right). */
    readonly laneIndex: ReadonlyMap<string, number>;
}

/**
 * In swimlanes a branch leaves toward its target: west if the target's lane
 * is to the left, east if to the right, south in the same lane; a loop back
 * in the same lane leaves east, where ELK runs it up the lane's gutter.
 */
function laneSides(model: DiagramModel, decision: string, pass: SecondPass): Map<string, BranchPort> {
    const out = model.edges.filter(e => e.source === decision);
    const from = pass.laneIndex.get(decision) ?? 0;
    const x = (id: string) => pass.positions.get(id)?.x ?? 0;
    const wanted = (edge: DiagramEdge): Exclude<Side, 'NORTH'> => {
        const to = pass.laneIndex.get(edge.target) ?? from;
        if (to < from) return 'WEST';
        if (to > from) return 'EAST';
        if (!edge.back) return 'SOUTH';
        return x(edge.target) < x(decision) ? 'WEST' : 'EAST';
    };
    // Branches to the sides first, so that the vertex of a side goes to the branch that needs it most.
    const order = [...out].sort((a, b) => rank(wanted(a)) - rank(wanted(b)) || (pass.laneIndex.get(a.target) ?? 0) - (pass.laneIndex.get(b.target) ?? 0));
    return branchPorts(order, wanted);
    function rank(side: Side) { return side === 'SOUTH' ? 1 : 0; }
}

function elkGraph(model: DiagramModel, sized: readonly Sized[], labels: ReadonlyMap<string, EdgeLabel>, pass?: SecondPass): ElkNode {
    const decisions = new Set(model.nodes.filter(n => n.kind === 'decision').map(n => n.id));
    const sourcePort = new Map<string, string>();
    const children: ElkNode[] = sized.map(({ node, width, height }) => {
        const child: ElkNode = { id: node.id, width, height };
        const at = pass?.positions.get(node.id);
        if (at) { child.x = at.x; child.y = at.y; }
        if (decisions.has(node.id)) {
            const ports: ElkPort[] = [{ id: `${node.id}.in`, width: 0, height: 0, x: width / 2, y: 0, layoutOptions: { 'elk.port.side': 'NORTH' } }];
            const sides = pass ? laneSides(model, node.id, pass) : branchSides(model.edges.filter(e => e.source === node.id));
            for (const [edgeId, { side, at: point }] of sides) {
                const port = `${node.id}.${edgeId}`;
                sourcePort.set(edgeId, port);
                ports.push({ id: port, width: 0, height: 0, x: round(point.x * width), y: round(point.y * height), layoutOptions: { 'elk.port.side': side } });
            }
            child.ports = ports;
            child.layoutOptions = { 'elk.portConstraints': 'FIXED_POS' };
        }
        return child;
    });
    const edges: ElkExtendedEdge[] = model.edges.map(edge => {
        const label = labels.get(edge.id);
        return {
            id: edge.id,
            sources: [sourcePort.get(edge.id) ?? edge.source],
            targets: [decisions.has(edge.target) ? `${edge.target}.in` : edge.target],
            // Centre labels become dummy nodes of their own (never overlapping); the
            // interactive second pass of swimlane mode has no column for those, so
            // there the labels sit at the edge's start, beside its own line.
            labels: label ? [{ id: `${edge.id}.label`, text: edge.label, width: label.width, height: label.height, layoutOptions: { 'elk.edgeLabels.placement': pass ? 'TAIL' : 'CENTER' } }] : undefined
        };
    });
    const options = pass ? INTERACTIVE_OPTIONS : ROOT_OPTIONS;
    return { id: 'root', layoutOptions: model.nodes.length > LARGE_FLOW ? { ...options, ...LARGE_FLOW_OPTIONS } : options, children, edges };
}

let elkInstance: ELK | undefined;
function elk(): ELK {
    // elk.bundled.js is CommonJS with `module.exports = ELK` and `ELK.default = ELK`:
    // `.default` is the constructor under Node's ESM interop, vitest and esbuild alike.
    elkInstance ??= new ElkModule.default();
    return elkInstance;
}

// ---------------------------------------------------------------- layout

export async function layoutDiagram(model: DiagramModel, options: LayoutDiagramOptions = {}): Promise<LaidOutDiagram> {
    const locale = options.locale ?? 'zh';
    const sized = model.nodes.map(node => sizeNode(node, locale));
    const labels = new Map<string, EdgeLabel>();
    for (const edge of model.edges) {
        if (edge.label === undefined) continue;
        const lines = wrapText(edge.label || ' ', EDGE_LABEL.maxText, FONTS.edgeLabel, { maxLines: 2 });
        labels.set(edge.id, {
            lines,
            width: ceil(Math.max(...lines.map(l => measureText(l, FONTS.edgeLabel)), 4) + 2 * EDGE_LABEL.padX),
            height: lines.length * lineHeight(FONTS.edgeLabel) + 2 * EDGE_LABEL.padY
        });
    }

    let result = await elk().layout(elkGraph(model, sized, labels));
    let lanes: LaidOutLane[] = [];
    if (model.lanes && model.lanes.length > 0) {
        // ELK keeps the columns, except where a long edge passing by pushes a node
        // sideways: then that lane is widened and the second pass run again.
        const first = result;
        const extra = new Map<string, number>();
        let columns = laneColumns(model.lanes, sized, first, extra);
        const laneIndex = new Map(model.lanes.flatMap((lane, i) => lane.nodes.map(id => [id, i] as const)));
        for (let attempt = 0; ; attempt++) {
            result = await elk().layout(elkGraph(model, sized, labels, { positions: columns.positions, laneIndex }));
            const overflow = laneOverflow(model.lanes, columns, sized, result);
            if (overflow.size === 0 || attempt === 5) break;
            for (const [lane, px] of overflow) extra.set(lane, (extra.get(lane) ?? 0) + px);
            columns = laneColumns(model.lanes, sized, first, extra);
        }
        lanes = placeLanes(model.lanes, columns, result);
    }
    return collect(model, locale, sized, labels, result, lanes);
}

interface Columns {
    positions: Map<string, Point>;
    lanes: Array<{ left: number; width: number }>;
}

/** One column per lane; nodes keep the rows (layers) of the first layout, side by side within a row. */
function laneColumns(modelLanes: readonly DiagramLane[], sized: readonly Sized[], first: ElkNode, extra: ReadonlyMap<string, number>): Columns {
    const placed = new Map((first.children ?? []).map(c => [c.id, c]));
    // Rows: nodes whose vertical extents overlap are in the same layer.
    const byTop = [...sized].sort((a, b) => (placed.get(a.node.id)?.y ?? 0) - (placed.get(b.node.id)?.y ?? 0) || index(a) - index(b));
    const rowOf = new Map<string, number>();
    let row = -1;
    let rowBottom = -Infinity;
    for (const s of byTop) {
        const c = placed.get(s.node.id)!;
        const top = c.y ?? 0;
        if (top >= rowBottom) { row++; rowBottom = top + s.height; } else rowBottom = Math.max(rowBottom, top + s.height);
        rowOf.set(s.node.id, row);
    }
    function index(s: Sized) { return sized.indexOf(s); }

    const positions = new Map<string, Point>();
    const lanes: Columns['lanes'] = [];
    let left = LANE.margin;
    for (const lane of modelLanes) {
        const members = sized.filter(s => lane.nodes.includes(s.node.id));
        const rows = new Map<number, Sized[]>();
        for (const s of members) {
            const r = rowOf.get(s.node.id)!;
            rows.set(r, [...(rows.get(r) ?? []), s]);
        }
        for (const list of rows.values()) list.sort((a, b) => (placed.get(a.node.id)?.x ?? 0) - (placed.get(b.node.id)?.x ?? 0) || index(a) - index(b));
        const rowWidth = (list: Sized[]) => list.reduce((w, s) => w + s.width, 0) + (list.length - 1) * LANE.gap;
        const inner = Math.max(0, ...[...rows.values()].map(rowWidth));
        const header = measureText(lane.name || ' ', FONTS.lane) + 2 * 12;
        const width = ceil(Math.max(LANE.minWidth, inner + 2 * LANE.pad, Math.min(header, 260)) + (extra.get(lane.id) ?? 0));
        for (const list of rows.values()) {
            let x = left + (width - rowWidth(list)) / 2;
            for (const s of list) {
                positions.set(s.node.id, { x: round(x), y: placed.get(s.node.id)?.y ?? 0 });
                x += s.width + LANE.gap;
            }
        }
        lanes.push({ left, width });
        left += width;
    }
    return { positions, lanes };
}

/** ELK's shift of the columns (its padding), from the placed nodes. */
function columnShift(columns: Columns, result: ElkNode): number {
    const shifts = (result.children ?? []).map(c => (c.x ?? 0) - (columns.positions.get(c.id)?.x ?? 0)).sort((a, b) => a - b);
    return shifts.length ? shifts[Math.floor(shifts.length / 2)] : 0;
}

/** For each lane some node of which ELK pushed out of the lane's column: how much wider it should be. */
function laneOverflow(modelLanes: readonly DiagramLane[], columns: Columns, sized: readonly Sized[], result: ElkNode): Map<string, number> {
    const shift = columnShift(columns, result);
    const placed = new Map((result.children ?? []).map(c => [c.id, c]));
    const overflow = new Map<string, number>();
    modelLanes.forEach((lane, i) => {
        const left = columns.lanes[i].left + shift, right = left + columns.lanes[i].width;
        for (const s of sized.filter(s => lane.nodes.includes(s.node.id))) {
            const x = placed.get(s.node.id)?.x ?? 0;
            const over = Math.max(left + 4 - x, x + s.width - (right - 4));
            if (over > 0) overflow.set(lane.id, Math.max(overflow.get(lane.id) ?? 0, ceil(2 * over + 8)));
        }
    });
    return overflow;
}

function placeLanes(modelLanes: readonly DiagramLane[], columns: Columns, result: ElkNode): LaidOutLane[] {
    // ELK keeps the columns up to a shift (its padding).
    const shift = columnShift(columns, result);
    const height = result.height ?? 0;
    return modelLanes.map((lane, i) => ({
        ...lane,
        x: round(columns.lanes[i].left + shift),
        y: 0,
        width: columns.lanes[i].width,
        height: round(height + LANE.headerHeight),
        headerHeight: LANE.headerHeight,
        headerText: fitLine(lane.name || '—', columns.lanes[i].width - 16, FONTS.lane)
    }));
}

function collect(model: DiagramModel, locale: Locale, sized: readonly Sized[], labels: ReadonlyMap<string, EdgeLabel>, result: ElkNode, lanes: LaidOutLane[]): LaidOutDiagram {
    const dy = lanes.length ? LANE.headerHeight : 0;
    const placed = new Map((result.children ?? []).map(c => [c.id, c]));
    const nodes: LaidOutNode[] = sized.map(s => {
        const c = placed.get(s.node.id)!;
        const box = { x: round(c.x ?? 0), y: round((c.y ?? 0) + dy), width: s.width, height: s.height };
        return { ...s.node, ...box, nameLines: s.nameLines, detailLines: s.detailLines, badges: badgesOf(s.node, box) };
    });
    const routed = new Map((result.edges ?? []).map(e => [e.id, e as ElkExtendedEdge]));
    let edges: LaidOutEdge[] = model.edges.map(edge => {
        const e = routed.get(edge.id);
        const section = e?.sections?.[0];
        const points = section
            ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map(p => ({ x: round(p.x), y: round(p.y + dy) }))
            : [];
        const label = labels.get(edge.id);
        const elkLabel = e?.labels?.[0];
        const labelBox = label && elkLabel
            ? { x: round(elkLabel.x ?? 0), y: round((elkLabel.y ?? 0) + dy), width: label.width, height: label.height, lines: label.lines }
            : undefined;
        const source = nodes.find(n => n.id === edge.source);
        return { ...edge, points: dedupe(source?.kind === 'decision' ? ontoDiamond(points, source) : points), labelBox };
    });
    if (lanes.length) {
        const labelBoxes = edges.flatMap(e => e.labelBox ? [{ id: e.id, box: e.labelBox }] : []);
        edges = edges.map(edge => ({
            ...edge,
            points: straightenRoute(edge.points, [
                ...nodes.filter(n => n.id !== edge.source && n.id !== edge.target),
                ...labelBoxes.filter(l => l.id !== edge.id).map(l => l.box)
            ])
        }));
        lanes = coverEdges(lanes, edges);
    }
    // Lanes span the whole drawing width-wise; the drawing spans all lanes.
    const lanesRight = lanes.reduce((r, l) => Math.max(r, l.x + l.width), 0);
    const width = round(Math.max(result.width ?? 0, lanesRight + (lanes.length ? LANE.margin : 0)));
    const height = round((result.height ?? 0) + dy);
    return { model, locale, width, height, nodes, edges, lanes: lanes.map(l => ({ ...l, height: height - l.y })) };
}

/**
 * ELK puts a port on its side of the bounding box; a branch that leaves a
 * diamond from one of its edges (not a vertex) then starts in the air. Its
 * start slides along its first segment onto the diamond's outline.
 */
function ontoDiamond(points: Point[], box: Box): Point[] {
    if (points.length < 2) return points;
    const [a, b] = points;
    const cx = box.x + box.width / 2, cy = box.y + box.height / 2, hw = box.width / 2, hh = box.height / 2;
    const start = Math.abs(a.x - b.x) < 0.01
        ? { x: a.x, y: round(cy + Math.sign(b.y - cy || 1) * hh * Math.max(0, 1 - Math.abs(a.x - cx) / hw)) }
        : { x: round(cx + Math.sign(b.x - cx || 1) * hw * Math.max(0, 1 - Math.abs(a.y - cy) / hh)), y: a.y };
    return [start, ...points.slice(1)];
}

/** ELK may route a loop around the outside of the lanes: the outer lanes then grow to hold it. */
function coverEdges(lanes: LaidOutLane[], edges: readonly LaidOutEdge[]): LaidOutLane[] {
    const xs = edges.flatMap(e => e.points.map(p => p.x));
    if (!xs.length) return lanes;
    const out = lanes.map(l => ({ ...l }));
    const first = out[0], last = out[out.length - 1];
    const minX = Math.min(...xs) - 8, maxX = Math.max(...xs) + 8;
    if (minX < first.x) { first.width = round(first.width + first.x - Math.max(0, minX)); first.x = round(Math.max(0, minX)); }
    if (maxX > last.x + last.width) last.width = round(maxX - last.x);
    return out;
}

function round(value: number): number {
    return Math.round(value * 100) / 100;
}

function ceil(value: number): number {
    return Math.ceil(value);
}


