/**
 * Layout quality: edge crossings on routed polylines, and overlaps of node
 * and label boxes.
 *
 * A crossing is a point where a segment of one edge properly crosses a
 * segment of another edge: strictly inside both segments (0.5 px tolerance),
 * not inside any node box (edges meeting at a node's port are not crossing)
 * and not collinear (edges that share a trunk overlap, they do not cross).
 * One pair of edges can cross several times; every crossing point counts.
 */
export interface Point { readonly x: number; readonly y: number }
export interface Box { readonly x: number; readonly y: number; readonly width: number; readonly height: number }

const EPS = 0.5;

function segmentCrossing(a: Point, b: Point, c: Point, d: Point): Point | undefined {
    const rx = b.x - a.x, ry = b.y - a.y, sx = d.x - c.x, sy = d.y - c.y;
    const denominator = rx * sy - ry * sx;
    if (Math.abs(denominator) < 1e-9) return undefined; // parallel or collinear: no crossing
    const qx = c.x - a.x, qy = c.y - a.y;
    const t = (qx * sy - qy * sx) / denominator;
    const u = (qx * ry - qy * rx) / denominator;
    const lengthAB = Math.hypot(rx, ry), lengthCD = Math.hypot(sx, sy);
    // Strictly inside both segments, by at least EPS pixels.
    if (t * lengthAB <= EPS || (1 - t) * lengthAB <= EPS || u * lengthCD <= EPS || (1 - u) * lengthCD <= EPS) return undefined;
    return { x: a.x + t * rx, y: a.y + t * ry };
}

function inside(point: Point, box: Box, margin = EPS): boolean {
    return point.x >= box.x - margin && point.x <= box.x + box.width + margin && point.y >= box.y - margin && point.y <= box.y + box.height + margin;
}

/** The number of crossing points between the polylines (see the module comment). */
export function countCrossings(edges: ReadonlyArray<readonly Point[]>, nodes: readonly Box[]): number {
    return crossingPoints(edges, nodes).length;
}

/** The crossing points themselves (for debugging a drawing). */
export function crossingPoints(edges: ReadonlyArray<readonly Point[]>, nodes: readonly Box[]): Point[] {
    const points: Point[] = [];
    for (let i = 0; i < edges.length; i++) {
        for (let j = i + 1; j < edges.length; j++) {
            const e = edges[i], f = edges[j];
            for (let s = 0; s + 1 < e.length; s++) {
                for (let k = 0; k + 1 < f.length; k++) {
                    const point = segmentCrossing(e[s], e[s + 1], f[k], f[k + 1]);
                    if (point && !nodes.some(node => inside(point, node))) points.push(point);
                }
            }
        }
    }
    return points;
}

/** Whether two boxes share an area of more than EPS in both directions. */
export function boxesOverlap(a: Box, b: Box): boolean {
    return a.x + a.width - EPS > b.x && b.x + b.width - EPS > a.x && a.y + a.height - EPS > b.y && b.y + b.height - EPS > a.y;
}

/** Pairs of overlapping boxes among `boxes`, and between `boxes` and `others`. */
export function countOverlaps(boxes: readonly Box[], others: readonly Box[] = []): number {
    let count = 0;
    for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) if (boxesOverlap(boxes[i], boxes[j])) count++;
        for (const other of others) if (boxesOverlap(boxes[i], other)) count++;
    }
    return count;
}

/** Segments of the polylines that pass through a node box other than their own ends' (edges drawn over nodes). */
export function countEdgesThroughNodes(edges: ReadonlyArray<{ points: readonly Point[]; source: string; target: string }>, nodes: ReadonlyArray<Box & { id: string }>): number {
    let count = 0;
    for (const edge of edges) {
        for (const node of nodes) {
            if (node.id === edge.source || node.id === edge.target) continue;
            const shrunk = { x: node.x + 2, y: node.y + 2, width: node.width - 4, height: node.height - 4 };
            if (edge.points.some((p, i) => i + 1 < edge.points.length && segmentHitsBox(p, edge.points[i + 1], shrunk))) { count++; }
        }
    }
    return count;
}

function segmentHitsBox(a: Point, b: Point, box: Box): boolean {
    // Liang–Barsky clipping.
    let t0 = 0, t1 = 1;
    const dx = b.x - a.x, dy = b.y - a.y;
    const checks: Array<[number, number]> = [[-dx, a.x - box.x], [dx, box.x + box.width - a.x], [-dy, a.y - box.y], [dy, box.y + box.height - a.y]];
    for (const [p, q] of checks) {
        if (p === 0) { if (q < 0) return false; continue; }
        const r = q / p;
        if (p < 0) { if (r > t1) return false; if (r > t0) t0 = r; } else { if (r < t0) return false; if (r < t1) t1 = r; }
    }
    return t0 < t1;
}
