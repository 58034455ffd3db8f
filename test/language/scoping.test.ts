import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { isDepartment, isStep, type Department } from '../../language/generated/ast.js';
import { buildWorkspace } from '../helpers.js';

const spec = (name: string) => readFileSync(new URL(`../fixtures/spec/${name}`, import.meta.url), 'utf8');
const context = () => ({ 'college.sun': spec('college.sun'), 'bases.sun': spec('bases.sun') });
const unresolved = (ds: Diagnostic[]) => ds.filter(d => d.code === 'unresolved-reference');

const HR = `department 人事处 "人事处" {
    leader 分管财务副院长
    post 处长 "主持人事处工作"
    staff 孙丽 post 处长
}`;

describe('scoping and linking', () => {
    test('top-level names are visible across files; department members by qualified name', async () => {
        const other = `department 审计处 "审计处" {
    leader 院长
    post 审计员 "审计"
    power 审计 {
        responsible 人事处.处长
        basis 会计法.第十条, 三定方案
        flow internal { step 审核 by 人事处.孙丽 within 1 workday }
        risk 风险 { owner 人事处.孙丽 }
    }
}`;
        const { documents, diagnostics } = await buildWorkspace({ ...context(), 'hr.sun': HR, 'audit.sun': other });
        expect(unresolved(diagnostics('audit.sun'))).toEqual([]);
        const power = (documents['audit.sun'].parseResult.value.elements[0] as Department).powers[0];
        expect(power.responsible?.ref?.$type).toBe('Post');
        expect(power.bases[0].ref?.$type).toBe('Article');
        expect(power.bases[1].ref?.$type).toBe('Basis');
    });

    test('department members are not visible unqualified from another department', async () => {
        const other = 'department 审计处 "审计处" { leader 院长 power 审计 { responsible 处长 } }';
        const { diagnostics } = await buildWorkspace({ ...context(), 'hr.sun': HR, 'audit.sun': other });
        expect(unresolved(diagnostics('audit.sun')).length).toBe(1);
    });

    test('an article is reached only through its basis', async () => {
        const text = 'department 审计处 "审计处" { leader 院长 power 审计 { basis 第十条 } }';
        const { diagnostics } = await buildWorkspace({ ...context(), 'a.sun': text });
        expect(unresolved(diagnostics('a.sun')).length).toBe(1);
    });

    test('responsible accepts the listed kinds and nothing else', async () => {
        const ok = ['处长', '申请人', '孙丽', '院长', '领导小组', '人事处'];
        for (const party of ok) {
            const text = `department 人事处 "人事处" {
    leader 院长
    post 处长 "x"
    role 申请人 external "x"
    staff 孙丽 post 处长
    power 审批 { responsible ${party} }
}`;
            const { diagnostics } = await buildWorkspace({ ...context(), 'hr.sun': text });
            expect(unresolved(diagnostics('hr.sun')), party).toEqual([]);
        }
        const bad = `department 人事处 "人事处" { leader 院长 post 处长 "x" power 审批 { responsible 会计法 } }`;
        const { diagnostics } = await buildWorkspace({ ...context(), 'hr.sun': bad });
        expect(unresolved(diagnostics('hr.sun')).length).toBe(1);
    });

    test('owner must be a staff member and leader an organisation leader', async () => {
        const text = `department 人事处 "人事处" {
    leader 处长
    post 处长 "x"
    staff 孙丽 post 处长
    risk 风险 { owner 处长 }
}`;
        const { diagnostics } = await buildWorkspace({ ...context(), 'hr.sun': text });
        expect(unresolved(diagnostics('hr.sun')).map(d => d.range.start.line)).toEqual([1, 4]);
    });

    test('risk ... at STEP sees the steps of its own power only', async () => {
        const text = `department 人事处 "人事处" {
    leader 院长
    post 处长 "x"
    power 甲 {
        flow internal { step 受理 by 处长 within 1 workday }
        risk 风险甲 at 受理 { }
    }
    power 乙 {
        flow internal { step 审核 by 处长 within 1 workday }
        risk 风险乙 at 受理 { }
    }
    risk 部门风险 at 审核 { }
}`;
        const { documents, diagnostics } = await buildWorkspace({ ...context(), 'hr.sun': text });
        expect(unresolved(diagnostics('hr.sun')).map(d => d.range.start.line)).toEqual([9, 11]);
        const department = documents['hr.sun'].parseResult.value.elements.find(isDepartment)!;
        expect(isStep(department.powers[0].risks[0].at?.ref)).toBe(true);
    });

    test('risk ... at may name a decision of its power', async () => {
        const text = `department 人事处 "人事处" {
    leader 院长
    post 处长 "x"
    power 甲 {
        flow internal { decision 是否超过五万元 by 处长 { "是" -> end  "否" -> end } }
        risk 拆分规避 at 是否超过五万元 { }
    }
}`;
        const { diagnostics } = await buildWorkspace({ ...context(), 'hr.sun': text });
        expect(unresolved(diagnostics('hr.sun'))).toEqual([]);
    });

    test('flow targets resolve within their own flow, even when another flow reuses a name', async () => {
        const text = `department 人事处 "人事处" {
    leader 院长
    post 处长 "x"
    power 甲 {
        flow external { step 受理 by 处长 within 1 workday -> 办结  step 办结 by 处长 within 1 workday }
        flow internal { step 受理 by 处长 within 1 workday -> 归档  step 归档 by 处长 within 1 workday }
    }
}`;
        const { documents, diagnostics } = await buildWorkspace({ ...context(), 'hr.sun': text });
        expect(unresolved(diagnostics('hr.sun'))).toEqual([]);
        const flows = documents['hr.sun'].parseResult.value.elements.find(isDepartment)!.powers[0].flows;
        const first = flows[0].nodes[0];
        expect(isStep(first) && first.to?.ref?.$container).toBe(flows[0]);
        const cross = text.replace('-> 归档', '-> 办结');
        const again = await buildWorkspace({ ...context(), 'hr.sun': cross });
        expect(unresolved(again.diagnostics('hr.sun')).length).toBe(1);
    });

    test('registers list the risks of the department, those inside powers included', async () => {
        const { diagnostics } = await buildWorkspace({ ...context(), 'f.sun': spec('finance.sun') });
        expect(unresolved(diagnostics('f.sun'))).toEqual([]);
    });

    test('an unresolved name says what kind of thing was expected, in the locale', async () => {
        const text = 'department 人事处 "人事处" { leader 不存在的领导 }';
        const en = await buildWorkspace({ ...context(), 'hr.sun': text });
        const zh = await buildWorkspace({ ...context(), 'hr.sun': text }, { locale: 'zh' });
        expect(unresolved(en.diagnostics('hr.sun'))[0].message).toMatch(/不存在的领导/);
        expect(String(unresolved(zh.diagnostics('hr.sun'))[0].message)).toMatch(/院领导/);
    });
});
