import { describe, expect, test } from 'vitest';
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver';
import type { Locale } from '../../language/messages.js';
import { HR, spec, specWorkspace } from './lsp-helpers.js';

/** Completion at the `|` in `text` (added to the spec workspace as `edit.sun`). */
async function complete(text: string, locale: Locale = 'en'): Promise<CompletionItem[]> {
    const offset = text.indexOf('|');
    const source = text.slice(0, offset) + text.slice(offset + 1);
    const { services, documents } = await specWorkspace({ 'edit.sun': source }, locale);
    const document = documents['edit.sun'];
    const list = await services.Sunlight.lsp.CompletionProvider!.getCompletion(document, {
        textDocument: { uri: document.uri.toString() },
        position: document.textDocument.positionAt(offset)
    });
    return list?.items ?? [];
}

const labels = (items: CompletionItem[], kind?: CompletionItemKind) => items.filter(item => kind === undefined || item.kind === kind).map(item => item.label);

const DEPARTMENT = (body: string) => `department 教务处 "教务处" {
    leader 分管教学副院长
    post 处长 "主持教务处全面工作"
    post 教务员 "排课、成绩管理"
    role 学生 external "申请的学生"
    staff 陈红 post 处长
    staff 刘明 post 教务员
${body}
}
`;

describe('keywords', () => {
    test('only the properties of a risk not yet written', async () => {
        const items = await complete(DEPARTMENT(`    risk 调课 {
        description "随意调课"
        grade low
        owner 陈红
        |
    }`));
        const keywords = labels(items, CompletionItemKind.Keyword);
        expect(keywords).toEqual(expect.arrayContaining(['aspect', 'probability', 'harm', 'cause', 'consequence', 'found', 'measure', 'proposed', 'final']));
        expect(keywords).not.toContain('grade');
        expect(keywords).not.toContain('description');
        expect(keywords).not.toContain('owner');
    });

    test('a power: written properties are left out, flows and risks may repeat', async () => {
        const items = await complete(DEPARTMENT(`    power 排课 {
        category student
        responsible 教务员
        flow internal {
            step 编排 by 教务员 within 5 workdays
        }
        |
    }`));
        const keywords = labels(items, CompletionItemKind.Keyword);
        expect(keywords).toEqual(expect.arrayContaining(['code', 'content', 'basis', 'major', 'flow', 'risk']));
        expect(keywords).not.toContain('category');
        expect(keywords).not.toContain('responsible');
    });

    test('department members, and the leader only once', async () => {
        const items = await complete(DEPARTMENT('    |'));
        const keywords = labels(items, CompletionItemKind.Keyword);
        expect(keywords).toEqual(expect.arrayContaining(['post', 'role', 'staff', 'power', 'risk', 'register']));
        expect(keywords).not.toContain('leader');
    });

    test('snippets for department, power, flow, step, decision, risk and register', async () => {
        const top = await complete('|');
        expect(labels(top, CompletionItemKind.Snippet)).toContain('department');
        const inDepartment = await complete(DEPARTMENT('    |'));
        expect(labels(inDepartment, CompletionItemKind.Snippet)).toEqual(expect.arrayContaining(['power', 'risk', 'register']));
        const inPower = await complete(DEPARTMENT('    power 排课 {\n        |\n    }'));
        expect(labels(inPower, CompletionItemKind.Snippet)).toEqual(expect.arrayContaining(['flow', 'risk']));
        const inFlow = await complete(DEPARTMENT('    power 排课 {\n        flow internal {\n            |\n        }\n    }'));
        const snippets = inFlow.filter(item => item.kind === CompletionItemKind.Snippet);
        expect(snippets.map(item => item.label)).toEqual(expect.arrayContaining(['step', 'decision']));
        for (const snippet of snippets) expect(snippet.insertTextFormat).toBe(InsertTextFormat.Snippet);
        // The step snippet offers the department's parties.
        const step = snippets.find(item => item.label === 'step')!;
        expect(step.textEdit?.newText ?? step.insertText).toContain('处长,教务员,学生,陈红,刘明');
    });
});

describe('references', () => {
    test('responsible: posts, roles, staff, leaders, groups, departments; other departments qualified', async () => {
        const items = await complete(DEPARTMENT('    power 排课 {\n        responsible |\n    }'));
        const names = labels(items);
        expect(names).toEqual(expect.arrayContaining(['处长', '教务员', '学生', '陈红', '刘明', '院长', '领导小组', '财务处', '人事处', '财务处.会计', '人事处.处长']));
        // Own members by their simple names only; no powers, risks or bases.
        expect(names).not.toContain('教务处.处长');
        expect(names).not.toContain('排课');
        expect(names).not.toContain('会计法');
        // Details say what each one is.
        const post = items.find(item => item.label === '教务员')!;
        expect(post.detail).toContain('排课、成绩管理');
        const staff = items.find(item => item.label === '陈红')!;
        expect(staff.detail).toContain('处长');
        // Own department first.
        expect(post.sortText! < items.find(item => item.label === '财务处.会计')!.sortText!).toBe(true);
    });

    test('by in a step, after a qualifier', async () => {
        const items = await complete(DEPARTMENT('    power 排课 {\n        flow internal {\n            step 编排 by 财务处.|\n        }\n    }'));
        expect(labels(items)).toContain('财务处.会计');
        expect(labels(items)).toContain('财务处.出纳');
    });

    test('at: the steps of the same power only', async () => {
        const items = await complete(DEPARTMENT(`    power 排课 {
        flow internal {
            step 编排 by 教务员 within 5 workdays
            step 发布 by 处长 within 1 workday
        }
        risk 漏排 at | {
        }
    }
    power 考试 {
        flow internal {
            step 命题 by 教务员 within 5 workdays
        }
    }`));
        const names = labels(items);
        expect(names).toEqual(expect.arrayContaining(['编排', '发布']));
        expect(names).not.toContain('命题');
        expect(names).not.toContain('初审');
        expect(items.find(item => item.label === '编排')!.detail).toContain('教务员');
    });

    test('basis: bases and their articles', async () => {
        const items = await complete(DEPARTMENT('    power 排课 {\n        basis |\n    }'));
        const names = labels(items);
        expect(names).toEqual(expect.arrayContaining(['会计法', '会计法.第十条', '政府采购法', '三定方案', '财务报销管理办法']));
        expect(names).not.toContain('处长');
        expect(items.find(item => item.label === '会计法.第十条')!.detail).toContain('应当办理会计手续');
    });

    test('owner: staff members', async () => {
        const items = await complete(DEPARTMENT('    risk 调课 {\n        owner |\n    }'));
        const names = labels(items);
        expect(names).toEqual(expect.arrayContaining(['陈红', '刘明']));
        expect(names).not.toContain('处长');
        expect(names).not.toContain('学生');
    });

    test('a department\'s leader: the organisation\'s leaders', async () => {
        const items = await complete('department 教务处 "教务处" {\n    leader |\n}\n');
        expect(labels(items)).toEqual(expect.arrayContaining(['院长', '分管财务副院长', '分管教学副院长']));
        expect(labels(items)).not.toContain('领导小组');
    });
});

describe('enum values', () => {
    test('categories with their Chinese meaning', async () => {
        const items = await complete(DEPARTMENT('    power 排课 {\n        category |\n    }'));
        const finance = items.find(item => item.label === 'finance')!;
        expect(finance.kind).toBe(CompletionItemKind.EnumMember);
        expect(finance.detail).toContain('财');
        expect(labels(items, CompletionItemKind.EnumMember)).toEqual(['personnel', 'finance', 'assets', 'student', 'other']);
    });

    test('grades with the notice\'s definitions; probability with plain levels', async () => {
        const grades = await complete(DEPARTMENT('    risk 调课 {\n        grade |\n    }'));
        expect(grades.find(item => item.label === 'high')!.detail).toContain('可能涉及违法犯罪');
        expect(grades.find(item => item.label === 'medium')!.detail).toContain('党纪政纪');
        expect(grades.find(item => item.label === 'low')!.detail).toContain('廉洁自律');
        const probability = await complete(DEPARTMENT('    risk 调课 {\n        probability |\n    }'));
        expect(probability.find(item => item.label === 'high')!.detail).toBe('高');
    });

    test('documentation in the user\'s language', async () => {
        const en = await complete(DEPARTMENT('    risk 调课 {\n        aspect |\n    }'), 'en');
        const zh = await complete(DEPARTMENT('    risk 调课 {\n        aspect |\n    }'), 'zh');
        const doc = (items: CompletionItem[]) => JSON.stringify(items.find(item => item.label === 'duty')!.documentation);
        expect(doc(en)).toMatch(/post duties/i);
        expect(doc(zh)).toContain('岗位职责');
        expect(en.find(item => item.label === 'duty')!.detail).toBe('岗位职责');
    });
});

test('the fixtures still parse', async () => {
    expect(HR).toContain('财务处.会计');
    expect(spec('finance.sun')).toContain('会计法.第十条');
});
