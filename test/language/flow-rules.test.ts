import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { END, buildFlowGraph, longestPath } from '../../language/flow-graph.js';
import { isDepartment, type Flow } from '../../language/generated/ast.js';
import { buildWorkspace } from '../helpers.js';

const spec = (name: string) => readFileSync(new URL(`../fixtures/spec/${name}`, import.meta.url), 'utf8');
const context = () => ({ 'college.sun': spec('college.sun'), 'bases.sun': spec('bases.sun') });

/** A department whose one power has the given flow body. */
function department(flow: string): string {
    return `department 测试处 "测试" {
    leader 院长
    post 科员 "办事"
    role 申请人 external "申请人"
    power 审批 {
${flow}
    }
}`;
}

async function flowOf(flowText: string) {
    const { documents, diagnostics } = await buildWorkspace({ ...context(), 'd.sun': department(flowText) });
    const flow = documents['d.sun'].parseResult.value.elements.find(isDepartment)!.powers[0].flows[0] as Flow;
    const found = diagnostics('d.sun').map(d => ({ code: String(d.code), line: d.range.start.line + 1, severity: d.severity }));
    return { flow, found, codes: found.map(d => d.code) };
}

describe('the flow graph', () => {
    test('sequence, explicit jumps, decisions, end, loops', async () => {
        const { flow, codes } = await flowOf(`        flow internal limit 10 workdays {
            step 受理 by 科员 within 1 workday
            decision 是否齐全 by 科员 {
                "否" -> 补正
                "是" -> 审核
            }
            step 补正 by 申请人 -> 受理
            step 审核 by 科员 within 2 workdays -> end
            step 归档 by 科员 within 1 workday
        }`);
        const graph = buildFlowGraph(flow);
        const name = (t: unknown) => t === END ? 'end' : (t as { name: string }).name;
        expect(graph.edges.map(e => `${name(e.from)}>${name(e.to)}${e.label ? `:${e.label}` : ''}`)).toEqual([
            '受理>是否齐全', '是否齐全>补正:否', '是否齐全>审核:是', '补正>受理', '审核>end', '归档>end'
        ]);
        expect([...graph.backEdges].map(e => `${name(e.from)}>${name(e.to)}`)).toEqual(['补正>受理']);
        expect(graph.reachable.has(flow.nodes[4])).toBe(false);
        expect(codes).toContain('unreachable-step');
        expect(codes).not.toContain('no-path-to-end');
        expect(longestPath(graph, 'workday').total).toBe(3);
    });

    test('no-path-to-end: a loop with no way out', async () => {
        const { found } = await flowOf(`        flow internal {
            step 受理 by 科员 within 1 workday
            step 审核 by 科员 within 1 workday -> 受理
        }`);
        expect(found.filter(d => d.code === 'no-path-to-end').map(d => d.line)).toEqual([7, 8]);
    });

    test('a loop back for correction that can exit is fine', async () => {
        const { codes } = await flowOf(`        flow internal {
            step 受理 by 科员 within 1 workday
            decision 是否通过 by 科员 { "否" -> 受理  "是" -> end }
        }`);
        expect(codes.filter(c => ['no-path-to-end', 'unreachable-step'].includes(c))).toEqual([]);
    });

    test('deadline-exceeds-limit uses the longest loop-free path, not the sum of all steps', async () => {
        const body = (limit: number) => `        flow internal limit ${limit} workdays {
            step 受理 by 科员 within 1 workday
            decision 金额 by 科员 { "大" -> 大额  "小" -> 小额 }
            step 大额 by 科员 within 3 workdays -> 付款
            step 小额 by 科员 within 1 workday
            step 付款 by 科员 within 1 workday
        }`;
        expect((await flowOf(body(5))).codes).not.toContain('deadline-exceeds-limit');
        expect((await flowOf(body(4))).codes).toContain('deadline-exceeds-limit');
    });

    test('a correction step cut off from the end by its loop is not on the longest path', async () => {
        const { flow, codes } = await flowOf(`        flow internal limit 5 workdays {
            step 提交 by 科员 within 1 workday
            step 审核 by 科员 within 2 workdays
            decision 是否通过 by 科员 { "通过" -> 办结  "不通过" -> 补正 }
            step 补正 by 科员 within 10 workdays -> 审核
            step 办结 by 科员 within 1 workday
        }`);
        expect(longestPath(buildFlowGraph(flow), 'workday').total).toBe(4);
        expect(codes).not.toContain('deadline-exceeds-limit');
    });

    test('mixed units are compared with the longest reading (1 day counts as a workday; 5 workdays as 7 days)', async () => {
        const days = (limit: string, within: string) => `        flow internal limit ${limit} {
            step 受理 by 科员 within ${within}
        }`;
        expect((await flowOf(days('2 workdays', '2 days'))).codes).not.toContain('deadline-exceeds-limit');
        expect((await flowOf(days('2 workdays', '3 days'))).codes).toContain('deadline-exceeds-limit');
        expect((await flowOf(days('7 days', '5 workdays'))).codes).not.toContain('deadline-exceeds-limit');
        expect((await flowOf(days('6 days', '5 workdays'))).codes).toContain('deadline-exceeds-limit');
        expect((await flowOf(days('1 workday', '8 hours'))).codes).not.toContain('deadline-exceeds-limit');
        expect((await flowOf(days('1 workday', '9 hours'))).codes).toContain('deadline-exceeds-limit');
        // an hour may be 1/8 of a workday, so 7/40 of a day: a day's limit is no looser than a workday's
        expect((await flowOf(days('1 day', '5 hours'))).codes).not.toContain('deadline-exceeds-limit');
        expect((await flowOf(days('1 day', '6 hours'))).codes).toContain('deadline-exceeds-limit');
    });

    test('missing-deadline: error in internal flows, warning in external ones, none for external roles', async () => {
        const internal = await flowOf(`        flow internal { step 受理 by 科员  step 提交 by 申请人 }`);
        const external = await flowOf(`        flow external { step 受理 by 科员 }`);
        expect(internal.found.filter(d => d.code === 'missing-deadline').map(d => d.severity)).toEqual([1]);
        expect(external.found.filter(d => d.code === 'missing-deadline').map(d => d.severity)).toEqual([2]);
    });

    test('decision-needs-branches and missing-responsible on steps and decisions', async () => {
        const { found } = await flowOf(`        flow internal {
            step 受理 within 1 workday
            decision 是否 { "是" -> end }
        }`);
        // line 5 is the power itself, which has no responsible either
        expect(found.filter(d => d.code === 'missing-responsible').map(d => d.line)).toEqual([5, 7, 8]);
        expect(found.filter(d => d.code === 'decision-needs-branches').map(d => d.line)).toEqual([8]);
    });

    test('flow-too-long counts steps and decisions against maxSteps', async () => {
        const steps = (n: number) => Array.from({ length: n }, (_, i) => `            step 第${i + 1}步 by 科员 within 1 workday`).join('\n');
        expect((await flowOf(`        flow internal {\n${steps(12)}\n        }`)).codes).not.toContain('flow-too-long');
        expect((await flowOf(`        flow internal {\n${steps(13)}\n        }`)).codes).toContain('flow-too-long');
    });

    test('a very long flow and a long chain of decisions are checked in linear time', async () => {
        const chain = Array.from({ length: 1000 }, (_, i) => `            decision 判断${i} by 科员 { "是" -> 判断${i + 1}  "否" -> 判断${i + 1} }`).join('\n');
        const start = Date.now();
        const { flow } = await flowOf(`        flow internal limit 1 workday {\n${chain}\n            step 判断1000 by 科员 within 1 workday\n        }`);
        const graph = buildFlowGraph(flow);
        expect(graph.canEnd.size).toBe(1001);
        expect(longestPath(graph, 'workday').total).toBe(1);
        expect(Date.now() - start).toBeLessThan(20000); // exponential path enumeration would never finish
    });
});
