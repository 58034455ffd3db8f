import { describe, expect, test } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import type { Locale } from '../../language/messages.js';
import { buildWorkspace } from '../helpers.js';
import { applyWorkspaceEdit, spec } from './lsp-helpers.js';

type Files = Record<string, string>;

const BASE: Files = { 'college.sun': spec('college.sun'), 'bases.sun': spec('bases.sun') };

/**
 * Builds the files, takes the first diagnostic with `code` in `file` (whose
 * message mentions `about`, if given), asks for its quick fixes, applies the
 * chosen one and builds again. Returns the fixes' titles and the new texts;
 * checks that every touched file parses and that the diagnostic is gone.
 */
async function fix(files: Files, file: string, code: string, options: { about?: string; pick?: (actions: CodeAction[]) => CodeAction | undefined; locale?: Locale } = {}) {
    const all = { ...BASE, ...files };
    const before = await buildWorkspace(all, { locale: options.locale });
    const matching = (diagnostics: Diagnostic[]) => diagnostics.filter(d => d.code === code && (!options.about || String(d.message).includes(options.about)));
    const diagnostic = matching(before.diagnostics(file))[0];
    expect(diagnostic, `no ${code} in ${file}: ${before.diagnostics(file).map(d => `${d.code} ${d.message}`).join('; ')}`).toBeDefined();
    const document = before.documents[file];
    const actions = await before.services.Sunlight.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
    }) as CodeAction[];
    expect(actions.length, `no fix for ${code}`).toBeGreaterThan(0);
    const action = options.pick ? options.pick(actions) : actions.find(a => a.isPreferred) ?? actions[0];
    expect(action).toBeDefined();
    expect(action!.diagnostics).toEqual([diagnostic]);
    const texts = applyWorkspaceEdit(Object.values(before.documents), action!.edit);
    const after = Object.fromEntries(Object.entries(all).map(([name, text]) => [name, texts.get(before.documents[name].textDocument.uri) ?? text]));
    const rebuilt = await buildWorkspace(after, { locale: options.locale });
    for (const name of Object.keys(after)) {
        expect(rebuilt.diagnostics(name).filter(d => d.code === 'syntax-error'), `${name}:\n${after[name]}`).toEqual([]);
    }
    expect(matching(rebuilt.diagnostics(file)).length, after[file]).toBe(matching(before.diagnostics(file)).length - 1);
    return { titles: actions.map(a => a.title), action: action!, after, rebuilt };
}

const department = (body: string, header = 'department 教务处 "教务处" {\n    leader 分管教学副院长\n') => `${header}${body}}\n`;

describe('quick fixes', () => {
    test('missing-grade: the grade the consequence implies', async () => {
        const { after, rebuilt } = await fix({ 'a.sun': department(`    post 处长 "x"
    staff 陈红 post 处长
    risk 乱收费 {
        aspect duty
        consequence criminal
        owner 陈红
        measure "公示" by 处长
    }
    register 陈红 {
        signed 2012-10-01
    }
`) }, 'a.sun', 'missing-grade');
        expect(after['a.sun']).toContain('        consequence criminal\n        grade high\n');
        expect(rebuilt.diagnostics('a.sun').map(d => d.code)).not.toContain('grade-consequence-mismatch');
    });

    test('missing-grade without a consequence: a placeholder grade', async () => {
        const { after } = await fix({ 'a.sun': department('    risk 乱收费 { aspect duty }\n') }, 'a.sun', 'missing-grade');
        expect(after['a.sun']).toMatch(/grade medium/);
    });

    test('grade-consequence-mismatch: align the grade (or the consequence)', async () => {
        const files = { 'a.sun': department('    risk 乱收费 {\n        consequence conduct\n        grade high\n        measure "公示"\n    }\n') };
        const { after, titles } = await fix(files, 'a.sun', 'grade-consequence-mismatch');
        expect(after['a.sun']).toContain('grade low');
        expect(titles).toHaveLength(2);
        const other = await fix(files, 'a.sun', 'grade-consequence-mismatch', { pick: actions => actions.find(a => !a.isPreferred) });
        expect(other.after['a.sun']).toContain('consequence criminal');
    });

    test('missing-responsible on a power: the department\'s first post', async () => {
        const { after } = await fix({ 'a.sun': department('    post 教务员 "排课"\n    power 排课 {\n        category student\n        content "排课"\n    }\n') }, 'a.sun', 'missing-responsible');
        expect(after['a.sun']).toContain('        content "排课"\n        responsible 教务员\n');
    });

    test('missing-responsible on a step: the power\'s responsible party', async () => {
        const { after } = await fix({ 'a.sun': department('    post 处长 "x"\n    post 教务员 "排课"\n    power 排课 {\n        responsible 教务员\n        flow internal {\n            step 编排 within 1 workday\n        }\n    }\n') }, 'a.sun', 'missing-responsible');
        expect(after['a.sun']).toContain('step 编排 by 教务员 within 1 workday');
    });

    test('missing-responsible on a decision', async () => {
        const { after } = await fix({ 'a.sun': department('    post 处长 "x"\n    power 排课 {\n        flow internal {\n            decision 是否 {\n                "是" -> end\n                "否" -> end\n            }\n        }\n    }\n') }, 'a.sun', 'missing-responsible', { about: '是否' });
        expect(after['a.sun']).toContain('decision 是否 by 处长 {');
    });

    test('missing-deadline: within 1 workday, after by and collective', async () => {
        const { after } = await fix({ 'a.sun': department('    post 处长 "x"\n    power 排课 {\n        flow internal {\n            step 审定 by 处长 collective -> end\n        }\n    }\n') }, 'a.sun', 'missing-deadline');
        expect(after['a.sun']).toContain('step 审定 by 处长 collective within 1 workday -> end');
    });

    test('missing-owner: who found it, or the first staff member', async () => {
        const found = await fix({ 'a.sun': department('    post 处长 "x"\n    staff 陈红 post 处长\n    staff 刘明 post 处长\n    risk 乱收费 {\n        grade low\n        found by 刘明 self\n    }\n') }, 'a.sun', 'missing-owner');
        expect(found.after['a.sun']).toContain('        grade low\n        owner 刘明\n');
        const first = await fix({ 'a.sun': department('    post 处长 "x"\n    staff 陈红 post 处长\n    risk 乱收费 {\n        grade low\n    }\n') }, 'a.sun', 'missing-owner');
        expect(first.after['a.sun']).toContain('owner 陈红');
    });

    test('high-risk-without-measure: a measure skeleton', async () => {
        const { after } = await fix({ 'a.sun': department('    post 处长 "x"\n    power 招生 {\n        responsible 处长\n        risk 暗箱 {\n            grade high\n        }\n    }\n') }, 'a.sun', 'high-risk-without-measure');
        expect(after['a.sun']).toMatch(/ {12}grade high\n {12}measure "[^"]+" by 处长 within 30 days\n {8}\}/);
    });

    test('staff-without-register: a register skeleton listing the person\'s risks', async () => {
        const { after } = await fix({ 'a.sun': department('    post 处长 "x"\n    staff 陈红 post 处长\n    risk 乱收费 {\n        grade low\n        owner 陈红\n    }\n') }, 'a.sun', 'staff-without-register');
        expect(after['a.sun']).toContain('    register 陈红 {\n        risks 乱收费\n    }\n}');
    });

    test('missing-leader: the organisation\'s first leader', async () => {
        const { after } = await fix({ 'a.sun': 'department 教务处 "教务处" {\n    post 处长 "x"\n}\n' }, 'a.sun', 'missing-leader');
        expect(after['a.sun']).toBe('department 教务处 "教务处" {\n    leader 院长\n    post 处长 "x"\n}\n');
    });

    test('missing-leader in a one-line block', async () => {
        const { after } = await fix({ 'a.sun': 'department 教务处 "教务处" { post 处长 "x" }\n' }, 'a.sun', 'missing-leader');
        expect(after['a.sun']).toContain('leader 院长');
    });
});

describe('unresolved-reference: declare what is missing', () => {
    test('a post, in this department', async () => {
        const { after } = await fix({ 'a.sun': department('    post 处长 "x"\n    power 排课 {\n        responsible 教务员\n    }\n') }, 'a.sun', 'unresolved-reference');
        expect(after['a.sun']).toContain('    post 处长 "x"\n    post 教务员 "');
    });

    test('a staff member (owner)', async () => {
        const { after } = await fix({ 'a.sun': department('    post 处长 "x"\n    risk 乱收费 {\n        owner 陈红\n    }\n') }, 'a.sun', 'unresolved-reference');
        expect(after['a.sun']).toContain('staff 陈红 post 处长');
    });

    test('a staff member of a department without posts', async () => {
        const { after } = await fix({ 'a.sun': department('    register 陈红 {\n    }\n') }, 'a.sun', 'unresolved-reference', {
            pick: actions => actions.find(a => a.isPreferred)
        });
        expect(after['a.sun']).toMatch(/staff 陈红 post /);
    });

    test('a qualified post, in the other department\'s file', async () => {
        const { after } = await fix({ 'finance.sun': spec('finance.sun'), 'a.sun': department('    post 处长 "x"\n    power 排课 {\n        responsible 财务处.审计员\n    }\n') }, 'a.sun', 'unresolved-reference');
        expect(after['finance.sun']).toContain('    post 出纳 "资金收付、现金与银行账户管理"\n    post 审计员 "');
        expect(after['a.sun']).toContain('responsible 财务处.审计员');
    });

    test('a basis, in the file of bases', async () => {
        const { after } = await fix({ 'a.sun': department('    power 排课 {\n        basis 教学管理规定\n    }\n') }, 'a.sun', 'unresolved-reference');
        expect(after['bases.sun']).toContain('basis 财务报销管理办法 internal "学院财务报销管理办法"\nbasis 教学管理规定 internal "');
    });

    test('an article, in its basis (opening a block when it has none)', async () => {
        const withBlock = await fix({ 'a.sun': department('    power 排课 {\n        basis 会计法.第十一条\n    }\n') }, 'a.sun', 'unresolved-reference');
        expect(withBlock.after['bases.sun']).toContain('    article 第十条 "应当办理会计手续、进行会计核算的经济业务事项"\n    article 第十一条 "');
        const without = await fix({ 'a.sun': department('    power 排课 {\n        basis 政府采购法.第二条\n    }\n') }, 'a.sun', 'unresolved-reference');
        expect(without.after['bases.sun']).toContain('basis 政府采购法 law "中华人民共和国政府采购法" {\n    article 第二条 "');
    });

    test('a leader, in the organisation', async () => {
        const { after } = await fix({ 'a.sun': 'department 教务处 "教务处" {\n    leader 分管后勤副院长\n}\n' }, 'a.sun', 'unresolved-reference');
        expect(after['college.sun']).toContain('    leader 分管教学副院长 "分管教学工作的副院长"\n    leader 分管后勤副院长 "');
    });
});

test('titles follow the locale', async () => {
    const files = { 'a.sun': 'department 教务处 "教务处" {\n    post 处长 "x"\n}\n' };
    const en = await fix(files, 'a.sun', 'missing-leader', { locale: 'en' });
    const zh = await fix(files, 'a.sun', 'missing-leader', { locale: 'zh' });
    expect(en.titles[0]).toMatch(/leader/);
    expect(zh.titles[0]).toMatch(/分管院领导/);
});
