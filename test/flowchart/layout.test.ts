import { describe, expect, test } from 'vitest';
import { buildDiagram, type FlowKind } from '../../flowchart/diagram-model.js';
import { FONTS, layoutDiagram, type Box, type LaidOutDiagram, type Point } from '../../flowchart/layout.js';
import { measureText } from '../../flowchart/text-metrics.js';
import { exampleFiles, powersOf, specFiles } from './helpers.js';
import { PROCUREMENT_FILES } from './samples.js';

const workspaces = { spec: specFiles(), examples: exampleFiles(), procurement: PROCUREMENT_FILES };

function overlaps(a: Box, b: Box, margin = 0): boolean {
    return a.x < b.x + b.width + margin && b.x < a.x + a.width + margin && a.y < b.y + b.height + margin && b.y < a.y + a.height + margin;
}

function onBoundary(p: Point, box: Box, tolerance = 1.01): boolean {
    const inX = p.x >= box.x - tolerance && p.x <= box.x + box.width + tolerance;
    const inY = p.y >= box.y - tolerance && p.y <= box.y + box.height + tolerance;
    const nearX = Math.abs(p.x - box.x) <= tolerance || Math.abs(p.x - (box.x + box.width)) <= tolerance;
    const nearY = Math.abs(p.y - box.y) <= tolerance || Math.abs(p.y - (box.y + box.height)) <= tolerance;
    return inX && inY && (nearX || nearY);
}

/** On the outline of the diamond inscribed in the box. */
function onDiamond(p: Point, box: Box): boolean {
    const u = Math.abs(p.x - (box.x + box.width / 2)) / (box.width / 2), v = Math.abs(p.y - (box.y + box.height / 2)) / (box.height / 2);
    return Math.abs(u + v - 1) < 0.05;
}

/** Every geometric promise of the layout, for one laid-out diagram. */
function checkLayout(laid: LaidOutDiagram, where: string): void {
    const nodes = new Map(laid.nodes.map(n => [n.id, n]));
    expect(laid.nodes.map(n => n.id), where).toEqual(laid.model.nodes.map(n => n.id));
    // No two nodes overlap.
    for (let i = 0; i < laid.nodes.length; i++) {
        for (let j = i + 1; j < laid.nodes.length; j++) {
            expect(overlaps(laid.nodes[i], laid.nodes[j]), `${where}: ${laid.nodes[i].name || laid.nodes[i].id} / ${laid.nodes[j].name || laid.nodes[j].id}`).toBe(false);
        }
    }
    for (const node of laid.nodes) {
        expect(node.x, where).toBeGreaterThanOrEqual(0);
        expect(node.y, where).toBeGreaterThanOrEqual(0);
        expect(node.x + node.width, where).toBeLessThanOrEqual(laid.width + 0.01);
        expect(node.y + node.height, where).toBeLessThanOrEqual(laid.height + 0.01);
        // The measured text fits in the box.
        if (node.kind === 'step') {
            for (const line of node.nameLines) expect(measureText(line, FONTS.name), `${where}: ${line}`).toBeLessThanOrEqual(node.width - 2 * 12);
            for (const line of node.detailLines) expect(measureText(line, FONTS.detail), `${where}: ${line}`).toBeLessThanOrEqual(node.width - 2 * 12);
        }
    }
    // Every edge has an orthogonal route from its source's border to its target's border.
    for (const edge of laid.edges) {
        const label = `${where}: edge ${edge.id} ${edge.source}→${edge.target}`;
        expect(edge.points.length, label).toBeGreaterThanOrEqual(2);
        for (let i = 1; i < edge.points.length; i++) {
            const a = edge.points[i - 1], b = edge.points[i];
            expect(Math.abs(a.x - b.x) < 0.02 || Math.abs(a.y - b.y) < 0.02, `${label}: segment ${i}`).toBe(true);
        }
        const source = nodes.get(edge.source)!;
        expect(source.kind === 'decision' ? onDiamond(edge.points[0], source) : onBoundary(edge.points[0], source), `${label}: start ${JSON.stringify(edge.points[0])} ${JSON.stringify([source.x, source.y, source.width, source.height])}`).toBe(true);
        expect(onBoundary(edge.points[edge.points.length - 1], nodes.get(edge.target)!), `${label}: end`).toBe(true);
        if (edge.label !== undefined) expect(edge.labelBox, label).toBeDefined();
    }
    // One port per decision branch: no two branches leave from the same point, none from the top.
    for (const node of laid.nodes.filter(n => n.kind === 'decision')) {
        const out = laid.edges.filter(e => e.source === node.id);
        const starts = out.map(e => `${e.points[0].x},${e.points[0].y}`);
        expect(new Set(starts).size, `${where}: ${node.name} ${starts}`).toBe(out.length);
        for (const e of out) expect(e.points[0].y, `${where}: ${node.name} ${e.id}`).toBeGreaterThan(node.y + 1);
        if (laid.lanes.length) {
            // In lanes a branch to another lane leaves on that lane's side.
            for (const e of out) {
                const target = laid.nodes.find(n => n.id === e.target)!;
                const lane = (id: string) => laid.lanes.findIndex(l => l.nodes.includes(id));
                const dx = e.points[1].x - e.points[0].x;
                if (lane(e.target) !== lane(node.id) && Math.abs(dx) > 0.5) expect(Math.sign(dx), `${where}: ${node.name} → ${target.name}`).toBe(Math.sign(lane(e.target) - lane(node.id)));
            }
        }
    }
    if (laid.lanes.length === 0) {
        // Centre labels never overlap nodes or each other.
        const labels = laid.edges.flatMap(e => e.labelBox ? [e.labelBox] : []);
        for (const box of labels) {
            for (const node of laid.nodes) expect(overlaps(box, node), `${where}: label ${box.lines} / ${node.name}`).toBe(false);
        }
        for (let i = 0; i < labels.length; i++) {
            for (let j = i + 1; j < labels.length; j++) expect(overlaps(labels[i], labels[j]), `${where}: labels ${labels[i].lines} / ${labels[j].lines}`).toBe(false);
        }
    } else {
        // Each node inside its own lane; lanes side by side.
        const lanes = new Map(laid.lanes.map(l => [l.id, l]));
        for (const node of laid.nodes) {
            const lane = lanes.get(node.lane!)!;
            expect(node.x, `${where}: ${node.name || node.id} in ${lane.name}`).toBeGreaterThanOrEqual(lane.x - 0.01);
            expect(node.x + node.width, `${where}: ${node.name || node.id} in ${lane.name}`).toBeLessThanOrEqual(lane.x + lane.width + 0.01);
            expect(node.y, where).toBeGreaterThanOrEqual(lane.y + lane.headerHeight);
        }
        for (let i = 1; i < laid.lanes.length; i++) expect(laid.lanes[i].x, where).toBeGreaterThanOrEqual(laid.lanes[i - 1].x + laid.lanes[i - 1].width - 0.01);
    }
}

describe('layout', () => {
    for (const [name, files] of Object.entries(workspaces)) {
        test(`${name}: no overlaps, every edge routed, branches on distinct sides, lanes hold their nodes`, async () => {
            const powers = await powersOf(files);
            let count = 0;
            for (const { power } of powers) {
                for (const flow of power.flows) {
                    for (const lanes of [false, true]) {
                        const model = buildDiagram(power, flow.kind as FlowKind, { lanes });
                        checkLayout(await layoutDiagram(model, { locale: 'zh' }), `${power.name}/${flow.kind}${lanes ? '/lanes' : ''}`);
                        count++;
                    }
                }
            }
            expect(count).toBeGreaterThan(0);
        }, 240_000);
    }

    test('identical output across runs (and after other layouts)', async () => {
        const powers = [...await powersOf(PROCUREMENT_FILES), ...await powersOf(specFiles())];
        for (const { power } of powers) {
            for (const lanes of [false, true]) {
                const model = buildDiagram(power, undefined, { lanes });
                const first = JSON.stringify(await layoutDiagram(model, { locale: 'zh' }));
                await layoutDiagram(buildDiagram(powers[0].power, undefined, { lanes: !lanes }), { locale: 'en' });
                const second = JSON.stringify(await layoutDiagram(JSON.parse(JSON.stringify(model)), { locale: 'zh' }));
                expect(second).toBe(first);
            }
        }
    }, 120_000);

    test('node sizes follow the measured text: Chinese names are wider than the same count of Latin letters', async () => {
        const [{ power }] = await powersOf(specFiles());
        const laid = await layoutDiagram(buildDiagram(power, 'external'), { locale: 'zh' });
        const node = laid.nodes.find(n => n.name === '院长审批')!;
        expect(node.width).toBeGreaterThanOrEqual(measureText('分管财务副院长 · 3个工作日', FONTS.detail) + 2 * 12);
        expect(laid.nodes.find(n => n.id === 'start')!.nameLines).toEqual(['开始']);
        const en = await layoutDiagram(buildDiagram(power, 'external'), { locale: 'en' });
        expect(en.nodes.find(n => n.id === 'end')!.nameLines).toEqual(['End']);
        expect(en.nodes.find(n => n.name === '初审')!.detailLines).toEqual(['会计 · 2 workdays']);
    });
});
