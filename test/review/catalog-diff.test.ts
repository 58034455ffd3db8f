import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { diffCatalogs, type Change } from '../../review/catalog-diff.js';
import type { CatalogSnapshot } from '../../review/catalog-snapshot.js';
import { formatDiffJson, formatDiffMarkdown, formatDiffText } from '../../review/diff-render.js';
import { loadVersion, type VersionFile } from '../../review/load.js';

/**
 * The semantic catalog diff on pairs of versions of examples/: each test
 * edits a copy of the files (every edit must find its text exactly once, so
 * a test cannot pass because its edit missed) and asserts the changes found.
 */
const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));

function readExamples(): VersionFile[] {
    const files: VersionFile[] = [];
    const walk = (folder: string) => {
        for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
            const full = path.join(folder, entry.name);
            if (entry.isDirectory()) walk(full);
            else if (entry.name.endsWith('.sun')) files.push({ file: path.relative(EXAMPLES, full).split(path.sep).join('/'), text: fs.readFileSync(full, 'utf8') });
        }
    };
    walk(EXAMPLES);
    return files;
}

const original = readExamples();
let before: CatalogSnapshot;
beforeAll(async () => {
    before = (await loadVersion(original)).snapshot;
});

type Edit = readonly [file: string, from: string, to: string];

function edited(edits: readonly Edit[], files = original): VersionFile[] {
    return files.map(f => {
        let text = f.text;
        for (const [file, from, to] of edits) {
            if (file !== f.file) continue;
            const at = text.indexOf(from);
            if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`edit of ${file}: '${from}' must occur exactly once`);
            text = text.slice(0, at) + to + text.slice(at + from.length);
        }
        return { ...f, text };
    });
}

async function diffOf(files: readonly VersionFile[]): Promise<Change[]> {
    return diffCatalogs(before, (await loadVersion(files)).snapshot);
}

const FIN = 'departments/finance.sun';
const ACA = 'departments/academic.sun';

/** The changes without the flow totals, for compact comparisons. */
function brief(changes: readonly Change[]) {
    return changes.map(({ kind, department, power, risk, register, item, property, old, new: now, direction }) =>
        ({ kind, department, power: power?.code ?? power?.name, risk, register, item, property, old, new: now, direction }))
        .map(c => Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)));
}

describe('nothing semantic changed', () => {
    test('the same files give no change', async () => {
        expect(await diffOf(original)).toEqual([]);
    });

    test('reordering powers, risks, measures, bases, registers and whole files gives no change', async () => {
        const files = edited([
            // bases in another order, written through another path (会计法.第十四条 stays the same article)
            [FIN, 'basis 会计法.第九条, 会计法.第十四条, 财务报销管理办法, 三定方案', 'basis 三定方案, 财务报销管理办法, 会计法.第十四条, 会计法.第九条'],
            // two measures swapped
            [FIN, `            measure "通过税务网站逐张查验发票真伪,建立报销台账防止重复报销" by 报销会计 within 30 days
            measure "实行初审、复核双人签字制度" by 会计主管`, `            measure "实行初审、复核双人签字制度" by 会计主管
            measure "通过税务网站逐张查验发票真伪,建立报销台账防止重复报销" by 报销会计 within 30 days`],
            // a register's risks swapped
            [FIN, 'risks 违规减免学费, 关键岗位长期不轮岗', 'risks 关键岗位长期不轮岗, 违规减免学费'],
            // a responsible party written by its qualified name
            [FIN, 'responsible 报销会计\n', 'responsible 财务处.报销会计\n']
        ]);
        // the finance department's powers in reverse order, and the files in reverse order
        const finance = files.find(f => f.file === FIN)!;
        const powers = [...finance.text.matchAll(/\n {4}power [\s\S]*?\n {4}\}\n/g)].map(m => m[0]);
        expect(powers).toHaveLength(3);
        let text = finance.text;
        powers.forEach((p, i) => { text = text.replace(p, `\u0000${i}\u0000`); });
        powers.forEach((_, i) => { text = text.replace(`\u0000${i}\u0000`, powers[powers.length - 1 - i]); });
        expect(text).not.toBe(finance.text);
        const reordered = [...files.filter(f => f !== finance).reverse(), { file: 'moved/elsewhere.sun', text }];
        expect(await diffOf(reordered)).toEqual([]);
    });

    test('whitespace and comments only give no change', async () => {
        const files = original.map(f => ({ ...f, text: `// a comment\n${f.text.replace(/ {4}/g, '\t  ').replace(/\n/g, '\n\n')}` }));
        expect(await diffOf(files)).toEqual([]);
    });
});

describe('powers', () => {
    test('added, removed (matched by code) and renamed', async () => {
        const files = edited([
            [FIN, 'power 资金支付 {\n        code "CW-03"', 'power 资金划拨 {\n        code "CW-03"'],
            [ACA, '    power 课时津贴核定 {\n        code "JW-03"', '    power 新职权 {\n        code "JW-09"\n    }\n    power 课时津贴核定 {\n        code "JW-03"'],
            [ACA, 'code "JW-02"', 'code "JW-05"']
        ]);
        expect(brief(await diffOf(files))).toEqual([
            { kind: 'power-removed', department: '教务处', power: 'JW-02', old: 1 },
            { kind: 'power-added', department: '教务处', power: 'JW-05', new: 1 },
            { kind: 'power-added', department: '教务处', power: 'JW-09', new: 0 },
            { kind: 'power-renamed', department: '财务处', power: 'CW-03', old: '资金支付', new: '资金划拨' }
        ]);
    });

    test('content, responsible, category, major and bases changed', async () => {
        const changes = brief(await diffOf(edited([
            [FIN, 'content "审核各部门经费报销单据的真实性、合法性和完整性,按审批权限办理报销"', 'content "审核经费报销单据"'],
            [FIN, 'responsible 报销会计\n', 'responsible 会计主管\n'],
            [FIN, 'code "CW-02"\n        category student', 'code "CW-02"\n        category finance\n        major'],
            [FIN, 'basis 会计法.第九条, 会计法.第十四条, 财务报销管理办法, 三定方案', 'basis 会计法.第九条, 财务报销管理办法, 三定方案, 政府采购法']
        ])));
        expect(changes).toEqual([
            { kind: 'power-changed', department: '财务处', power: 'CW-01', property: 'content', old: '审核各部门经费报销单据的真实性、合法性和完整性,按审批权限办理报销', new: '审核经费报销单据' },
            { kind: 'power-changed', department: '财务处', power: 'CW-01', property: 'responsible', old: '财务处.报销会计', new: '财务处.会计主管' },
            { kind: 'basis-added', department: '财务处', power: 'CW-01', item: '政府采购法' },
            { kind: 'basis-removed', department: '财务处', power: 'CW-01', item: '会计法.第十四条' },
            { kind: 'power-changed', department: '财务处', power: 'CW-02', property: 'category', old: 'student', new: 'finance' },
            { kind: 'power-changed', department: '财务处', power: 'CW-02', property: 'major', old: false, new: true }
        ]);
    });

    test('a power moved to another department keeps its code', async () => {
        const finance = original.find(f => f.file === FIN)!.text;
        const power = /\n {4}power 资金支付 \{[\s\S]*?\n {4}\}\n/.exec(finance)![0];
        const files = edited([[FIN, power, '\n'], [ACA, '    register 杨帆 {', `${power.slice(1)}    register 杨帆 {`]]);
        const changes = brief(await diffOf(files));
        expect(changes.filter(c => c.kind === 'power-moved')).toEqual([{ kind: 'power-moved', department: '教务处', power: 'CW-03', old: '财务处', new: '教务处' }]);
    });
});

describe('flows', () => {
    test('steps added, removed, reordered and deadlines and limits changed, with the old and new totals', async () => {
        const changes = await diffOf(edited([
            [FIN, 'flow internal limit 3 workdays {\n            step 核对审批手续 by 出纳 within 4 hours\n            step 支付复核 by 会计主管 within 4 hours',
                'flow internal limit 2 workdays {\n            step 支付复核 by 会计主管 within 4 hours\n            step 核对审批手续 by 出纳 within 4 hours'],
            [FIN, 'step 登记日记账 by 出纳 within 4 hours\n', 'step 归档 by 出纳 within 2 workdays\n'],
            [FIN, 'step 初审 by 报销会计 within 2 workdays', 'step 初审 by 会计主管 within 1 workday']
        ]));
        expect(brief(changes)).toEqual([
            { kind: 'step-changed', department: '财务处', power: 'CW-01', item: '初审', property: 'by', old: '财务处.报销会计', new: '财务处.会计主管' },
            { kind: 'step-changed', department: '财务处', power: 'CW-01', item: '初审', property: 'within', old: { value: 2, unit: 'workdays' }, new: { value: 1, unit: 'workday' } },
            { kind: 'flow-limit', department: '财务处', power: 'CW-03', old: { value: 3, unit: 'workdays' }, new: { value: 2, unit: 'workdays' } },
            { kind: 'step-added', department: '财务处', power: 'CW-03', item: '归档', new: 'step' },
            { kind: 'step-removed', department: '财务处', power: 'CW-03', item: '登记日记账', old: 'step' },
            { kind: 'steps-reordered', department: '财务处', power: 'CW-03', old: ['核对审批手续', '支付复核', '办理支付'], new: ['支付复核', '核对审批手续', '办理支付'] }
        ]);
        // Totals from flow-graph.ts's longest path: 4 h + 4 h + 1 workday + 4 h = 2.5 workdays before, 4 workdays after.
        const payment = changes.find(c => c.kind === 'flow-limit')!;
        expect(payment.flow).toEqual({ kind: 'internal', index: 0, totals: {
            unit: 'workday', old: { total: 2.5, limit: { value: 3, unit: 'workdays' } }, new: { total: 4, limit: { value: 2, unit: 'workdays' } }
        } });
        // The reimbursement flow's longest path goes through 分管院领导审批 (3 workdays), not 初审's change of 2 → 1.
        const reimbursement = changes.find(c => c.item === '初审')!;
        expect(reimbursement.flow!.totals.old!.total - reimbursement.flow!.totals.new!.total).toBe(1);
    });

    test('a flow added and removed', async () => {
        const changes = brief(await diffOf(edited([
            [FIN, '        flow internal limit 10 workdays {', '        flow external {\n            step 申请 by 缴费学生\n        }\n        flow internal limit 10 workdays {'],
            [FIN, `        flow internal limit 3 workdays {
            step 核对审批手续 by 出纳 within 4 hours
            step 支付复核 by 会计主管 within 4 hours
            step 办理支付 by 出纳 within 1 workday
            step 登记日记账 by 出纳 within 4 hours
        }
`, '']
        ])));
        expect(changes).toEqual([
            { kind: 'flow-added', department: '财务处', power: 'CW-02', new: ['申请'] },
            { kind: 'flow-removed', department: '财务处', power: 'CW-03', old: ['核对审批手续', '支付复核', '办理支付', '登记日记账'] }
        ]);
    });
});

describe('risks', () => {
    test('added, removed, graded up and down (final wins over grade), measures added, removed and changed', async () => {
        const changes = brief(await diffOf(edited([
            [FIN, '            proposed low by 李强\n            final medium\n', '            proposed low by 李强\n            final high\n'],
            [FIN, 'consequence criminal\n            grade high\n            owner 赵敏', 'consequence criminal\n            grade low\n            owner 赵敏'],
            [FIN, 'measure "实行初审、复核双人签字制度" by 会计主管', 'measure "实行初审、复核双人签字制度" by 处长\n            measure "报销单据扫描留档" by 会计主管'],
            [FIN, '            measure "每月由非出纳人员编制银行存款余额调节表" by 会计主管\n', ''],
            [FIN, '    // 部门层面的风险点\n', '    risk 新风险 {\n        grade low\n    }\n'],
            [ACA, 'risk 转专业暗箱操作 at 处长审批 {', 'risk 转专业不公开 at 处长审批 {']
        ])));
        expect(changes).toEqual([
            { kind: 'risk-added', department: '教务处', power: 'JW-02', risk: '转专业不公开', new: 'low' },
            { kind: 'risk-removed', department: '教务处', power: 'JW-02', risk: '转专业暗箱操作', old: 'low' },
            { kind: 'risk-grade', department: '财务处', power: 'CW-01', risk: '虚假票据报销', old: 'medium', new: 'high', direction: 'raised' },
            { kind: 'measure-changed', department: '财务处', power: 'CW-01', risk: '虚假票据报销', item: '实行初审、复核双人签字制度', property: 'by', old: '财务处.会计主管', new: '财务处.处长' },
            { kind: 'measure-added', department: '财务处', power: 'CW-01', risk: '虚假票据报销', item: '报销单据扫描留档' },
            { kind: 'risk-grade', department: '财务处', power: 'CW-03', risk: '印鉴由一人保管', old: 'high', new: 'low', direction: 'lowered' },
            { kind: 'measure-removed', department: '财务处', power: 'CW-03', risk: '印鉴由一人保管', item: '每月由非出纳人员编制银行存款余额调节表' },
            { kind: 'risk-added', department: '财务处', risk: '新风险', new: 'low' }
        ]);
    });
});

describe('registers and departments', () => {
    test('registers signed, unsigned, reviewed, approved, added and their risks', async () => {
        const changes = brief(await diffOf(edited([
            [FIN, 'risks 拆分报销规避审批\n        signed 2012-10-25', 'risks 拆分报销规避审批'],
            [FIN, 'risks 虚假票据报销\n        signed 2012-10-24', 'risks 虚假票据报销, 截留学费收入\n        signed 2012-10-30'],
            [FIN, 'reviewed 2012-11-02 "处务会集体讨论审定"\n        approved by 分管财务副院长 on 2012-11-07', 'reviewed 2012-11-03 "处务会集体讨论审定"\n        approved by 分管财务副院长 on 2012-11-09'],
            [ACA, '    register 杨帆 {\n        risks 强推自编教材\n        signed 2012-10-24\n    }\n', '']
        ])));
        expect(changes).toEqual([
            { kind: 'register-removed', department: '教务处', register: '杨帆' },
            { kind: 'register-reviewed', department: '财务处', register: '', old: { on: '2012-11-02', how: '处务会集体讨论审定' }, new: { on: '2012-11-03', how: '处务会集体讨论审定' } },
            { kind: 'register-approved', department: '财务处', register: '', old: { by: '分管财务副院长', on: '2012-11-07' }, new: { by: '分管财务副院长', on: '2012-11-09' } },
            { kind: 'register-signed', department: '财务处', register: '李强', old: '2012-10-24', new: '2012-10-30' },
            { kind: 'register-risk-added', department: '财务处', register: '李强', item: '财务处.截留学费收入' },
            { kind: 'register-signed', department: '财务处', register: '陈立新', old: '2012-10-25' }
        ]);
    });

    test('a department added, removed, and its leader in charge changed', async () => {
        const files = edited([[FIN, 'leader 分管财务副院长\n', 'leader 院长\n']])
            .filter(f => f.file !== ACA)
            .concat({ file: 'departments/new.sun', text: 'department 新部门 "新部门" {\n    leader 院长\n    staff 甲 post 乙\n    post 乙 "职责"\n    register 甲 { signed 2012-11-01 }\n}\n' });
        const changes = brief(await diffOf(files));
        expect(changes.map(c => [c.kind, c.department, c.property ?? c.power ?? c.register])).toEqual([
            ['department-removed', '教务处', undefined],
            ['power-removed', '教务处', 'JW-01'],
            ['power-removed', '教务处', 'JW-02'],
            ['power-removed', '教务处', 'JW-03'],
            ...['尤佳', '施雨', '朱丽华', '杨帆', '秦明', ''].sort().map(who => ['register-removed', '教务处', who]),
            ['department-added', '新部门', undefined],
            ['register-added', '新部门', '甲'],
            ['department-changed', '财务处', 'leader']
        ]);
    });
});

describe('formats', () => {
    const sample = async () => ({
        old: 'v1', new: 'v2', locale: 'zh' as const,
        changes: await diffOf(edited([
            [FIN, 'consequence criminal\n            grade high\n            owner 赵敏', 'consequence criminal\n            grade low\n            owner 赵敏'],
            [FIN, 'step 初审 by 报销会计 within 2 workdays', 'step 初审 by 报销会计 within 5 workdays'],
            [ACA, 'code "JW-02"', 'code "JW-05"']
        ]))
    });

    test('text and markdown group each change under its department, power and flow, with the totals', async () => {
        const report = await sample();
        const text = formatDiffText(report);
        const lines = text.split('\n');
        const at = (needle: string) => lines.findIndex(l => l.includes(needle));
        expect(at('部门 教务处')).toBe(0);
        expect(at('CW-01')).toBeGreaterThan(at('部门 财务处'));
        // the flow heading carries the totals (7 → 10 workdays: 初审 is on the longest path), the step change is under it
        expect(lines[at('CW-01') + 1]).toMatch(/外部流程图.*最长路径用时 7 → 10 个工作日/);
        expect(lines[at('初审')]).toMatch(/^ {6}/);
        expect(lines[at('印鉴由一人保管')]).toMatch(/高 → 低/);
        expect(lines[lines.length - 2]).toMatch(/\b4\b/);

        const markdown = formatDiffMarkdown(report);
        expect(markdown.startsWith('### 职权目录变更')).toBe(true);
        expect(markdown).toContain('#### 部门 `教务处`');
        // English lines starting with + or - stay list items, not nested lists
        const english = formatDiffMarkdown({ ...report, locale: 'en' });
        expect(english).toMatch(/^- \\\+ power `JW-05`/m);
        expect(english).toMatch(/^- \\- power `JW-02`/m);
    });

    test('markdown shows text from the files as code, whatever it holds', async () => {
        const changes = await diffOf(edited([[FIN, 'content "审核各部门经费报销单据的真实性、合法性和完整性,按审批权限办理报销"', 'content "<img src=x onerror=alert(1)> `code` **bold**"']]));
        const markdown = formatDiffMarkdown({ old: 'a', new: 'b', locale: 'en', changes });
        expect(markdown).toContain('`` <img src=x onerror=alert(1)> `code` **bold** ``');
    });

    test('json lists the changes and a count by kind', async () => {
        const report = await sample();
        const json = JSON.parse(formatDiffJson(report));
        expect(json.summary).toEqual({ changes: 4, byKind: { 'power-added': 1, 'power-removed': 1, 'risk-grade': 1, 'step-changed': 1 } });
        expect(json.changes).toEqual(JSON.parse(JSON.stringify(report.changes)));
    });
});
