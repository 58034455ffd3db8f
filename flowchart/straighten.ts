import type { Box, Point } from './layout.js';

/**
 * Post-processing ELK lacks: in swimlane mode ELK's interactive pass places
 * the dummy nodes of a long edge one layer at a time, each a few pixels off
 * the last, so a long edge comes out as a staircase of tiny jogs (up to 70
 * bends on a 50-step flow). This removes jogs shorter than `JOG` px by
 * moving one of the two segments beside it onto the other's line, when the
 * moved segment then crosses no node. The ends of an edge (its ports) never
 * move, so edges still leave and enter where ELK put them.
 */
const JOG = 40;
const CLEARANCE = 6;

export function straightenRoute(points: readonly Point[], obstacles: readonly Box[]): Point[] {
    let route = dedupe(points.map(p => ({ x: p.x, y: p.y })));
    for (let pass = 0; pass < 4 * points.length; pass++) {
        const next = removeOneJog(route, obstacles);
        if (!next) break;
        route = dedupe(next);
    }
    return route;
}

type Mutable = { x: number; y: number };

function removeOneJog(route: Mutable[], obstacles: readonly Box[]): Mutable[] | undefined {
    // Shortest jog first: it is the one most clearly an artefact.
    const jogs: Array<{ i: number; length: number }> = [];
    for (let i = 1; i + 2 < route.length; i++) {
        const length = Math.abs(route[i + 1].x - route[i].x) + Math.abs(route[i + 1].y - route[i].y);
        if (length > 0 && length < JOG) jogs.push({ i, length });
    }
    jogs.sort((a, b) => a.length - b.length);
    for (const { i } of jogs) {
        const horizontal = route[i].y === route[i + 1].y;
        const axis: 'x' | 'y' = horizontal ? 'x' : 'y';
        // Move the segment before the jog (points i-1, i) onto the line of the one after it, or the other way round.
        const tries: Array<{ move: [number, number]; to: number }> = [];
        if (i - 1 >= 1) tries.push({ move: [i - 1, i], to: route[i + 1][axis] });
        if (i + 2 <= route.length - 2) tries.push({ move: [i + 1, i + 2], to: route[i][axis] });
        for (const attempt of tries) {
            const candidate = route.map(p => ({ ...p }));
            for (const k of attempt.move) candidate[k][axis] = attempt.to;
            const [a, b] = attempt.move;
            // The moved segment and the two segments it is joined to must stay clear of nodes.
            const touched = [a - 1, a, b].filter(k => k >= 0 && k + 1 < candidate.length);
            if (touched.every(k => clear(candidate[k], candidate[k + 1], obstacles))) return candidate;
        }
    }
    return undefined;
}

function clear(a: Point, b: Point, obstacles: readonly Box[]): boolean {
    const left = Math.min(a.x, b.x), right = Math.max(a.x, b.x), top = Math.min(a.y, b.y), bottom = Math.max(a.y, b.y);
    return obstacles.every(o => right <= o.x - CLEARANCE || left >= o.x + o.width + CLEARANCE || bottom <= o.y - CLEARANCE || top >= o.y + o.height + CLEARANCE);
}

/** Drops repeated and collinear points. */
export function dedupe<T extends Point>(points: readonly T[]): T[] {
    const out: T[] = [];
    for (const p of points) {
        const last = out[out.length - 1];
        if (last && Math.abs(last.x - p.x) < 0.01 && Math.abs(last.y - p.y) < 0.01) continue;
        const before = out[out.length - 2];
        if (before && last && ((Math.abs(before.x - last.x) < 0.01 && Math.abs(last.x - p.x) < 0.01) || (Math.abs(before.y - last.y) < 0.01 && Math.abs(last.y - p.y) < 0.01))) out.pop();
        out.push(p);
    }
    return out;
}
