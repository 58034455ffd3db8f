import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseConfig } from '../../language/config.js';
import { RULE_CODES } from '../../language/rules.js';
import { buildWorkspace, createTestServices } from '../helpers.js';

const spec = (name: string) => readFileSync(new URL(`../fixtures/spec/${name}`, import.meta.url), 'utf8');
const context = () => ({ 'college.sun': spec('college.sun'), 'bases.sun': spec('bases.sun') });

describe('sunlight.json', () => {
    test('turns a rule off, changes a severity, sets an option', async () => {
        const services = createTestServices();
        services.Sunlight.config.Settings.config = parseConfig(JSON.stringify({
            rules: { 'staff-without-register': 'off', 'aspect-not-covered': 'error', 'flow-too-long': { maxSteps: 2 } }
        })).config;
        const { diagnostics } = await buildWorkspace({ ...context(), 'f.sun': spec('finance.sun') }, { services });
        const found = diagnostics('f.sun');
        expect(found.some(d => d.code === 'staff-without-register')).toBe(false);
        expect(found.find(d => d.code === 'aspect-not-covered')?.severity).toBe(1);
        expect(found.some(d => d.code === 'flow-too-long')).toBe(true);
    });

    test('problems are reported, never thrown', () => {
        expect(parseConfig('{ not json').problems.length).toBe(1);
        expect(parseConfig('[]').problems.length).toBe(1);
        expect(parseConfig('{"rules": {"no-such-rule": "off"}}').problems.length).toBe(1);
        expect(parseConfig('{"rules": {"missing-grade": "loud"}}').problems.length).toBe(1);
        expect(parseConfig('{"rules": {"flow-too-long": {"maxSteps": -1}}}').problems.length).toBe(1);
        expect(parseConfig('{"rules": {"missing-grade": {"maxSteps": 3}}}').problems.length).toBe(1);
        expect(parseConfig('{"rules": 3}').problems.length).toBe(1);
        expect(parseConfig('\uFEFF{"rules": {"missing-grade": "warning"}}').problems).toEqual([]);
        for (const code of RULE_CODES) expect(parseConfig(JSON.stringify({ rules: { [code]: 'off' } })).problems, code).toEqual([]);
    });
});

describe('// sunlight-ignore CODE: reason', () => {
    const department = (comment: string) => `department 测试处 "测试" {
    leader 院长
    ${comment}
    risk 风险 { aspect duty owner 张三 }
    post 科员 "x"
    staff 张三 post 科员
    register 张三 { signed 2012-10-01 }
}`;

    test('silences that code on the next line only', async () => {
        const { diagnostics } = await buildWorkspace({ ...context(), 'd.sun': department('// sunlight-ignore missing-grade: graded by the group in December') });
        const codes = diagnostics('d.sun').map(d => d.code);
        expect(codes).not.toContain('missing-grade');
        expect(codes).not.toContain('unused-suppression');
    });

    test('does not silence other codes or other lines', async () => {
        const text = department('// sunlight-ignore missing-owner: x').replace('risk 风险 { aspect duty owner 张三 }', 'risk 风险 { aspect duty }');
        const { diagnostics } = await buildWorkspace({ ...context(), 'd.sun': text });
        const codes = diagnostics('d.sun').map(d => d.code);
        expect(codes).toContain('missing-grade');
        expect(codes).not.toContain('missing-owner');
        const far = department('// sunlight-ignore missing-grade: x\n');
        expect((await buildWorkspace({ ...context(), 'd.sun': far })).diagnostics('d.sun').map(d => d.code)).toContain('missing-grade');
    });

    test('the reason is required; an unknown code and an unused suppression are reported', async () => {
        const noReason = await buildWorkspace({ ...context(), 'd.sun': department('// sunlight-ignore missing-grade') });
        expect(noReason.diagnostics('d.sun').map(d => d.code)).toEqual(expect.arrayContaining(['invalid-suppression', 'missing-grade']));
        const unknown = await buildWorkspace({ ...context(), 'd.sun': department('// sunlight-ignore missing-gradee: typo') });
        expect(unknown.diagnostics('d.sun').map(d => d.code)).toContain('invalid-suppression');
        const unused = await buildWorkspace({ ...context(), 'd.sun': department('// sunlight-ignore missing-owner: not needed') });
        const found = unused.diagnostics('d.sun').find(d => d.code === 'unused-suppression');
        expect(found?.range.start.line).toBe(2);
    });

    test('a suppression without a code is invalid, not unused', async () => {
        const { diagnostics } = await buildWorkspace({ ...context(), 'd.sun': department('// sunlight-ignore: 理由') });
        const codes = diagnostics('d.sun').map(d => d.code);
        expect(codes).toContain('invalid-suppression');
        expect(codes).not.toContain('unused-suppression');
    });

    test('a // inside a string is not a suppression', async () => {
        const text = department('post 网站 "http://x // sunlight-ignore missing-grade: no"');
        const { diagnostics } = await buildWorkspace({ ...context(), 'd.sun': text });
        expect(diagnostics('d.sun').map(d => d.code)).toContain('missing-grade');
    });
});

describe('names and properties', () => {
    test('duplicate-name across files for top-level names, within a department, a flow and a basis', async () => {
        const { diagnostics } = await buildWorkspace({
            ...context(),
            'a.sun': 'basis 会计法 law "重复" { article 一 "x" article 一 "y" }',
            'd.sun': `department 测试处 "测试" {
    leader 院长
    post 科员 "x"
    staff 科员 post 科员
    power 审批 { flow internal { step 甲 by 科员 within 1 day  step 甲 by 科员 within 1 day } }
}`
        });
        expect(diagnostics('a.sun').filter(d => d.code === 'duplicate-name').map(d => d.range.start.line)).toEqual([0, 0, 0]);
        expect(diagnostics('bases.sun').filter(d => d.code === 'duplicate-name').length).toBe(1);
        expect(diagnostics('d.sun').filter(d => d.code === 'duplicate-name').map(d => d.range.start.line)).toEqual([2, 3, 4, 4]);
    });

    test('duplicate-property points at the second occurrence; lists may repeat', async () => {
        const text = `department 测试处 "测试" {
    leader 院长
    risk 风险 {
        grade low
        measure "一"
        measure "二"
        grade medium
    }
}`;
        const { diagnostics } = await buildWorkspace({ ...context(), 'd.sun': text });
        expect(diagnostics('d.sun').filter(d => d.code === 'duplicate-property').map(d => d.range.start.line)).toEqual([6]);
    });

    test('every diagnostic carries a known code', async () => {
        const { diagnostics } = await buildWorkspace({ ...context(), 'f.sun': spec('finance.sun') + '\n}}' });
        for (const d of diagnostics('f.sun')) expect(RULE_CODES).toContain(d.code);
    });
});

describe('single-author compares people, not spellings', () => {
    test('李强 and 财务处.李强 are one author', async () => {
        const text = `department 财务处 "财务处" {
    leader 院长
    post 会计 "x"
    staff 李强 post 会计
    staff 赵敏 post 会计
    risk 甲 { found by 李强 self }
    risk 乙 { found by 财务处.李强 self }
}`;
        const { diagnostics } = await buildWorkspace({ ...context(), 'f.sun': text });
        expect(diagnostics('f.sun').map(d => d.code)).toContain('single-author');
    });
});
