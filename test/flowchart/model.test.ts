import { describe, expect, test } from 'vitest';
import { isDecision, isStep } from '../../language/generated/ast.js';
import { buildDiagram, type DiagramModel, type FlowKind } from '../../flowchart/diagram-model.js';
import { buildFlowGraph, END } from '../../language/flow-graph.js';
import { buildWorkspace } from '../helpers.js';
import { exampleFiles, powerFile, powersOf, specFiles } from './helpers.js';
import { PROCUREMENT_FILES } from './samples.js';

const workspaces = { spec: specFiles(), examples: exampleFiles(), procurement: PROCUREMENT_FILES };

describe('diagram model', () => {
    test('the examples are there', () => {
        expect(Object.keys(workspaces.examples).length).toBeGreaterThan(0);
    });

    for (const [name, files] of Object.entries(workspaces)) {
        test(`${name}: every step and decision of every flow appears exactly once, with the flow graph's edges`, async () => {
            const powers = await powersOf(files);
            let flows = 0;
            for (const { power } of powers) {
                for (const flow of power.flows) {
                    flows++;
                    for (const lanes of [false, true]) {
                        const model = buildDiagram(power, flow.kind as FlowKind, { lanes });
                        expect(model.flowKind).toBe(flow.kind);
                        const inner = model.nodes.filter(n => n.kind === 'step' || n.kind === 'decision');
                        expect(inner.map(n => n.name)).toEqual(flow.nodes.map(n => n.name));
                        expect(new Set(model.nodes.map(n => n.id)).size).toBe(model.nodes.length);
                        expect(model.nodes.filter(n => n.kind === 'start')).toHaveLength(1);
                        inner.forEach((node, i) => {
                            const source = flow.nodes[i];
                            expect(node.kind).toBe(isDecision(source) ? 'decision' : 'step');
                            expect(node.collective).toBe(isStep(source) && source.collective);
                            expect(node.responsible?.name).toBe(source.by?.ref?.name ?? source.by?.$refText);
                            if (isStep(source) && source.within) expect(node.deadline).toEqual({ value: source.within.value, unit: source.within.unit });
                        });
                        // Edges: the start edge, then exactly the flow graph's edges, in order.
                        const graph = buildFlowGraph(flow);
                        const idOf = (n: unknown) => n === END ? 'end' : `n${flow.nodes.indexOf(n as never)}`;
                        expect(model.edges.slice(1).map(e => [e.source, e.target, e.label, e.back])).toEqual(
                            graph.edges.map(e => [idOf(e.from), idOf(e.to), e.label, graph.backEdges.has(e)]));
                        expect(model.edges[0]).toMatchObject({ source: 'start', target: 'n0' });
                        const ids = new Set(model.nodes.map(n => n.id));
                        for (const edge of model.edges) {
                            expect(ids.has(edge.source), edge.id).toBe(true);
                            expect(ids.has(edge.target), edge.id).toBe(true);
                        }
                        if (lanes) {
                            const laneNodes = model.lanes!.flatMap(l => l.nodes);
                            expect([...laneNodes].sort()).toEqual(model.nodes.map(n => n.id).sort());
                            for (const node of model.nodes) expect(model.lanes!.find(l => l.id === node.lane)?.nodes).toContain(node.id);
                        } else {
                            expect(model.lanes).toBeUndefined();
                        }
                        expect(JSON.parse(JSON.stringify(model))).toEqual(model);
                    }
                }
            }
            expect(flows).toBeGreaterThan(0);
        });
    }

    test('source ranges point at the names, risk points sit at their steps, the title block has the facts', async () => {
        const files = specFiles();
        const { documents } = await buildWorkspace(files);
        const text = files['finance.sun'];
        const lines = text.split('\n');
        const power = (await powersOf(files))[0].power;
        const model = buildDiagram(power, 'external');
        for (const node of model.nodes.filter(n => n.kind === 'step' || n.kind === 'decision')) {
            const r = node.nameRange!;
            expect(lines[r.start.line].slice(r.start.character, r.end.character)).toBe(node.name);
        }
        expect(documents['finance.sun']).toBeDefined();
        const check = model.nodes.find(n => n.name === '初审')!;
        expect(check.risks.map(r => [r.name, r.grade, r.aspect])).toEqual([['虚假报销', 'medium', 'process']]);
        expect(check.risks[0].measures[0]).toMatchObject({ text: '实行初审、复核双人签字制度', by: '处长', within: { value: 30, unit: 'days' } });
        expect(model.title).toMatchObject({
            power: '经费报销审核', department: '财务处', code: 'CW-01', category: 'finance', responsible: '会计',
            flowKind: 'external', limit: { value: 7, unit: 'workdays' }, longestPath: { total: 7, unit: 'workday' }
        });
        const decision = model.edges.filter(e => e.label !== undefined);
        expect(decision.map(e => e.label)).toEqual(['是', '否']);
        expect(decision.every(e => e.range !== undefined)).toBe(true);
    });

    test('loops back for correction are back edges; risks at decisions; power-level risks listed apart', async () => {
        const { documents } = await buildWorkspace(powerFile(`
        flow internal {
            step 提交 by 申请人
            step 审核 by 科员 within 2 workdays
            decision 是否通过 by 处长 {
                "通过" -> 办结
                "退回" -> 提交
            }
            step 办结 by 处长 within 1 workday
        }`, `
        risk 把关不严 at 是否通过 { grade high aspect duty measure "双人复核" }
        risk 整体风险 { grade low }`));
        const dept = documents['dept.sun'].parseResult.value.elements[0] as { powers: Array<Parameters<typeof buildDiagram>[0]> };
        const model = buildDiagram(dept.powers[0], 'internal', { lanes: true });
        const back = model.edges.filter(e => e.back);
        expect(back.map(e => [e.source, e.target, e.label])).toEqual([['n2', 'n0', '退回']]);
        expect(model.nodes.find(n => n.name === '是否通过')!.risks.map(r => r.name)).toEqual(['把关不严']);
        expect(model.powerRisks.map(r => r.name)).toEqual(['整体风险']);
        expect(model.lanes!.map(l => [l.name, l.external])).toEqual([['申请人', true], ['科员', false], ['处长', false]]);
        const lane = (id: string) => model.nodes.find(n => n.id === id)!.lane;
        expect(lane('start')).toBe(lane('n0'));
        expect(lane('end')).toBe(lane('n3'));
    });

    test('a power without a flow gives a model with no nodes; an unknown kind falls back to the first flow', async () => {
        const { documents } = await buildWorkspace(powerFile(`
        flow internal {
            step 甲步 by 处长 within 1 workday
        }`));
        const dept = documents['dept.sun'].parseResult.value.elements[0] as { powers: Array<Parameters<typeof buildDiagram>[0]> };
        const model: DiagramModel = buildDiagram(dept.powers[0], 'external');
        expect(model.flowKind).toBe('internal');
        expect(model.flows).toEqual(['internal']);
        const { documents: none } = await buildWorkspace(powerFile(''));
        const empty = buildDiagram((none['dept.sun'].parseResult.value.elements[0] as { powers: Array<Parameters<typeof buildDiagram>[0]> }).powers[0]);
        expect(empty.flowKind).toBeUndefined();
        expect(empty.nodes).toEqual([]);
        expect(empty.edges).toEqual([]);
    });
});
