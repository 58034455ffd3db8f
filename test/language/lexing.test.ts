import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { isDepartment, isStep, type Department } from '../../language/generated/ast.js';
import { SunlightParser } from '../../language/parser.js';
import { buildWorkspace, createTestServices } from '../helpers.js';

const spec = (name: string) => readFileSync(new URL(`../fixtures/spec/${name}`, import.meta.url), 'utf8');
const context = () => ({ 'college.sun': spec('college.sun'), 'bases.sun': spec('bases.sun') });

describe('lexing and parsing', () => {
    test('a keyword followed by letters is one name (stepA is not step + A)', async () => {
        const text = `department 测试处 "测试" {
    leader 院长
    post stepA "岗位"
    post flowchart "岗位"
    post endX "岗位"
}`;
        const { documents } = await buildWorkspace({ ...context(), 'd.sun': text });
        const doc = documents['d.sun'];
        expect(doc.parseResult.parserErrors).toEqual([]);
        const department = doc.parseResult.value.elements[0] as Department;
        expect(department.posts.map(p => p.name)).toEqual(['stepA', 'flowchart', 'endX']);
    });

    test('keywords are reserved: a name cannot be a keyword', async () => {
        const { diagnostics } = await buildWorkspace({ ...context(), 'd.sun': 'department 测试处 "测试" { leader 院长 post step "岗位" }' });
        expect(diagnostics('d.sun').map(d => d.code)).toContain('syntax-error');
    });

    test('Unicode names: Chinese, combining marks, digits after the first letter, underscores', async () => {
        const text = 'department 财务处_2 "财务" { leader 院长 post 会计１ "会计" post café "x" post _内部 "x" }';
        const { documents } = await buildWorkspace({ ...context(), 'd.sun': text });
        expect(documents['d.sun'].parseResult.parserErrors).toEqual([]);
        expect(documents['d.sun'].parseResult.lexerErrors).toEqual([]);
    });

    test('a name cannot start with a digit', async () => {
        const { diagnostics } = await buildWorkspace({ ...context(), 'd.sun': 'department 1处 "x" { leader 院长 }' });
        expect(diagnostics('d.sun').some(d => d.code === 'syntax-error')).toBe(true);
    });

    test('dates lex before integers; strings keep escapes on one line', async () => {
        const text = String.raw`organization 学院 {
    campaign "说\"明\\" due 2012-11-15
    leader 院长 "院长"
}`;
        const { documents } = await buildWorkspace({ 'o.sun': text, 'bases.sun': spec('bases.sun') });
        const doc = documents['o.sun'];
        expect(doc.parseResult.parserErrors).toEqual([]);
        const org = doc.parseResult.value.elements[0] as { campaign: { title: string; due: string } };
        expect(org.campaign.due).toBe('2012-11-15');
        expect(org.campaign.title).toBe('说"明\\');
    });

    test('a string cannot span lines', async () => {
        const { diagnostics } = await buildWorkspace({ 'b.sun': 'basis 法 law "第一行\n第二行"' });
        expect(diagnostics('b.sun').map(d => d.code)).toContain('syntax-error');
    });

    test('properties in any order', async () => {
        const text = `department 测试处 "测试" {
    staff 张三 post 科员
    post 科员 "办事"
    power 审批 {
        risk 风险 { owner 张三 grade low aspect duty description "d" }
        flow internal { step 受理 by 科员 within 1 workday }
        basis 三定方案
        responsible 科员
        content "c"
        category other
    }
    leader 院长
}`;
        const { documents, diagnostics } = await buildWorkspace({ ...context(), 'd.sun': text });
        expect(documents['d.sun'].parseResult.parserErrors).toEqual([]);
        expect(diagnostics('d.sun').filter(d => d.code === 'unresolved-reference')).toEqual([]);
    });

    test('CRLF line ends and a BOM: same diagnostics, same 0-based lines, line-1 columns as an editor shows them', async () => {
        const lf = 'department 测试处 "测试" {\n    post 科员 "办事"\n    power 审批 {\n        responsible 科员\n    }\n}\n';
        const crlf = lf.replace(/\n/g, '\r\n');
        const a = await buildWorkspace({ ...context(), 'd.sun': lf });
        // A BOM is dropped when files are read (language/node/file-system.ts); TextDecoder does it.
        const bomText = new TextDecoder().decode(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(crlf)]));
        const b = await buildWorkspace({ ...context(), 'd.sun': bomText });
        const shape = (ds: ReturnType<typeof a.diagnostics>) => ds.map(d => [d.code, d.range.start.line, d.range.start.character]);
        expect(shape(b.diagnostics('d.sun'))).toEqual(shape(a.diagnostics('d.sun')));
        const leader = a.diagnostics('d.sun').find(d => d.code === 'missing-leader')!;
        expect(leader.range.start).toEqual({ line: 0, character: 11 });
        const basis = a.diagnostics('d.sun').find(d => d.code === 'missing-basis')!;
        expect(basis.range.start).toEqual({ line: 2, character: 10 });
    });

    test('a file that does not parse still gets the other diagnostics the parser recovered', async () => {
        const text = `department 测试处 "测试" {
    post 科员 "办事"
    power 审批 {
        responsible 科员
        flow internal {
            step 受理 by 科员 within
        }
    }
    risk 风险 { aspect duty }
}`;
        const { diagnostics } = await buildWorkspace({ ...context(), 'd.sun': text });
        const found = diagnostics('d.sun').map(d => d.code);
        expect(found).toContain('syntax-error');
        expect(found).toContain('missing-leader');
        expect(found).toContain('missing-grade');
    });

    test('steps and decisions parse with every optional clause', async () => {
        const { documents } = await buildWorkspace({ ...context(), 'f.sun': spec('finance.sun') });
        const department = documents['f.sun'].parseResult.value.elements.find(isDepartment)!;
        const steps = department.powers[0].flows[0].nodes.filter(isStep);
        expect(steps.map(s => s.name)).toEqual(['提交单据', '初审', '复核', '院长审批', '付款']);
        expect(steps[3].to?.$refText).toBe('付款');
        expect(steps[1].within).toMatchObject({ value: 2, unit: 'workdays' });
    });

    test('the parser holds none of a parsed text\'s tokens (one big file costs what its lines cost split)', () => {
        const parser = createTestServices().Sunlight.parser.LangiumParser;
        expect(parser).toBeInstanceOf(SunlightParser);
        const result = parser.parse(spec('college.sun') + '\n' + spec('bases.sun'));
        expect(result.value.$cstNode?.length).toBeGreaterThan(100);
        expect((parser as SunlightParser).heldTokens).toBe(0);
    });
});
