/**
 * The preview pipeline (flowchart/: model → ELK layout → SVG) under
 * measurement, and dagre on the same graphs for the layout-quality target.
 * Bundled apart from lib.ts (bench/dist/diagram.cjs), so that the language
 * benchmarks still run on a checkout without the diagram pipeline.
 */
import '../language/polyfills.cjs';
import dagre from '@dagrejs/dagre';
import type { Power } from '../language/generated/ast.js';
import { buildDiagram, type DiagramModel, type FlowKind } from '../flowchart/diagram-model.js';
import { layoutDiagram, type LaidOutDiagram } from '../flowchart/layout.js';
import { renderSvg } from '../flowchart/render-svg.js';
import { countCrossings, countEdgesThroughNodes, countOverlaps, type Box, type Point } from './geometry.js';

export * as geometry from './geometry.js';

export interface PipelineTimes { model: number; layout: number; render: number; total: number; svgBytes: number; nodes: number; edges: number }

/** One run of the preview pipeline, timed stage by stage (the stages of pipeline.ts `drawFlowchart`). */
export async function runPipeline(power: Power, flowKind: FlowKind | undefined, lanes: boolean): Promise<PipelineTimes & { laidOut: LaidOutDiagram }> {
    const t0 = performance.now();
    const model = buildDiagram(power, flowKind, { lanes });
    const t1 = performance.now();
    const laidOut = await layoutDiagram(model, { locale: 'zh' });
    const t2 = performance.now();
    const svg = renderSvg(laidOut, { palette: 'theme', locale: 'zh' });
    const t3 = performance.now();
    return { model: t1 - t0, layout: t2 - t1, render: t3 - t2, total: t3 - t0, svgBytes: svg.length, nodes: model.nodes.length, edges: model.edges.length, laidOut };
}

/** Layout and SVG of a model received from the server (what the preview does with `sunlight/diagram`'s answer). */
export async function drawModel(model: DiagramModel): Promise<{ layout: number; render: number; svgBytes: number }> {
    const t0 = performance.now();
    const laidOut = await layoutDiagram(model, { locale: 'zh' });
    const t1 = performance.now();
    const svg = renderSvg(laidOut, { palette: 'theme', locale: 'zh' });
    return { layout: t1 - t0, render: performance.now() - t1, svgBytes: svg.length };
}

export interface Quality {
    nodes: number;
    edges: number;
    crossings: number;
    nodeOverlaps: number;
    labelOverlaps: number;
    labelNodeOverlaps: number;
    edgesThroughNodes: number;
    width: number;
    height: number;
}

/** Crossings and overlaps of ELK's layout as the pipeline produced it. */
export function elkQuality(laid: LaidOutDiagram): Quality {
    const nodes: Array<Box & { id: string }> = laid.nodes.map(n => ({ id: n.id, x: n.x, y: n.y, width: n.width, height: n.height }));
    const labels: Box[] = laid.edges.flatMap(e => e.labelBox ? [e.labelBox] : []);
    return {
        nodes: nodes.length,
        edges: laid.edges.length,
        crossings: countCrossings(laid.edges.map(e => e.points), nodes),
        nodeOverlaps: countOverlaps(nodes),
        labelOverlaps: countOverlaps(labels),
        labelNodeOverlaps: countOverlapsBetween(labels, nodes),
        edgesThroughNodes: countEdgesThroughNodes(laid.edges.map(e => ({ points: e.points, source: e.source, target: e.target })), nodes),
        width: laid.width,
        height: laid.height
    };
}

/**
 * dagre on the same graph: the same node sizes and label sizes as ELK's
 * (taken from the ELK layout), top-down, with the same spacings as
 * flowchart/layout.ts; crossings are counted on dagre's edge points.
 */
export function dagreQuality(laid: LaidOutDiagram): Quality {
    const g = new dagre.graphlib.Graph({ multigraph: true });
    g.setGraph({ rankdir: 'TB', nodesep: 48, ranksep: 44, edgesep: 14, marginx: 24, marginy: 24 });
    g.setDefaultEdgeLabel(() => ({}));
    for (const node of laid.nodes) g.setNode(node.id, { width: node.width, height: node.height });
    for (const edge of laid.edges) {
        const label = edge.labelBox;
        g.setEdge(edge.source, edge.target, label ? { width: label.width, height: label.height, labelpos: 'c' } : {}, edge.id);
    }
    dagre.layout(g);
    const nodes: Array<Box & { id: string }> = laid.nodes.map(n => {
        const d = g.node(n.id);
        return { id: n.id, x: d.x - d.width / 2, y: d.y - d.height / 2, width: d.width, height: d.height };
    });
    const routes: Array<{ points: Point[]; source: string; target: string }> = [];
    const labels: Box[] = [];
    for (const edge of laid.edges) {
        const d = g.edge({ v: edge.source, w: edge.target, name: edge.id }) as { points?: Point[]; x?: number; y?: number; width?: number; height?: number };
        routes.push({ points: (d.points ?? []).map(p => ({ x: p.x, y: p.y })), source: edge.source, target: edge.target });
        if (edge.labelBox && d.x !== undefined && d.y !== undefined) {
            labels.push({ x: d.x - edge.labelBox.width / 2, y: d.y - edge.labelBox.height / 2, width: edge.labelBox.width, height: edge.labelBox.height });
        }
    }
    const graph = g.graph() as { width?: number; height?: number };
    return {
        nodes: nodes.length,
        edges: routes.length,
        crossings: countCrossings(routes.map(r => r.points), nodes),
        nodeOverlaps: countOverlaps(nodes),
        labelOverlaps: countOverlaps(labels),
        labelNodeOverlaps: countOverlapsBetween(labels, nodes),
        edgesThroughNodes: countEdgesThroughNodes(routes, nodes),
        width: graph.width ?? 0,
        height: graph.height ?? 0
    };
}

function countOverlapsBetween(a: readonly Box[], b: readonly Box[]): number {
    return a.reduce((sum, box) => sum + countOverlaps([box], b), 0);
}

export interface LaneQuality {
    /** Bends of each edge (points between its ends). */
    bends: number[];
    /** Decision branches whose first segment runs away from their target (sideways, the other way). */
    wrongSide: number;
    /** Edges with a point left of the first lane or right of the last one. */
    outsideLanes: number;
    /** Two decision branches leaving from the same point. */
    sharedPorts: number;
}

/**
 * What makes a swimlane chart read like a hand-drawn cross-functional chart
 * (issue 12): few bends, each branch leaving toward its target, everything
 * inside the lanes, one exit per branch.
 */
export function laneQuality(laid: LaidOutDiagram): LaneQuality {
    const nodes = new Map(laid.nodes.map(n => [n.id, n]));
    const bends = laid.edges.map(e => Math.max(0, e.points.length - 2));
    let wrongSide = 0, outsideLanes = 0, sharedPorts = 0;
    const left = Math.min(...laid.lanes.map(l => l.x)), right = Math.max(...laid.lanes.map(l => l.x + l.width));
    for (const edge of laid.edges) {
        if (laid.lanes.length && edge.points.some(p => p.x < left - 0.5 || p.x > right + 0.5)) outsideLanes++;
        const source = nodes.get(edge.source)!, target = nodes.get(edge.target)!;
        if (source.kind !== 'decision' || edge.points.length < 2) continue;
        const [a, b] = edge.points;
        const dx = b.x - a.x;
        const toTarget = target.x + target.width / 2 - (source.x + source.width / 2);
        // Sideways exit while the target lies clearly on the other side.
        if (Math.abs(dx) > 0.5 && Math.abs(toTarget) > source.width / 2 && Math.sign(dx) !== Math.sign(toTarget)) wrongSide++;
    }
    for (const node of laid.nodes.filter(n => n.kind === 'decision')) {
        const starts = laid.edges.filter(e => e.source === node.id && e.points.length).map(e => `${Math.round(e.points[0].x)},${Math.round(e.points[0].y)}`);
        sharedPorts += starts.length - new Set(starts).size;
    }
    return { bends, wrongSide, outsideLanes, sharedPorts };
}

/** The print SVG of a layout (for looking at a benchmark graph). */
export function render(laid: LaidOutDiagram): string {
    return renderSvg(laid, { palette: 'print', locale: 'zh' });
}
