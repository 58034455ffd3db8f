import { describe, expect, test } from 'vitest';
import { TextDocument } from 'langium';
import { formatText } from '../../language/lsp/format-text.js';
import { buildWorkspace } from '../helpers.js';
import { HR, spec } from './lsp-helpers.js';

/** Formats through the LSP formatter, as an editor would (with the editor's own options). */
async function format(text: string, options = { tabSize: 2, insertSpaces: false }): Promise<string> {
    const { services, documents } = await buildWorkspace({ 'a.sun': text });
    const document = documents['a.sun'];
    const edits = await services.Sunlight.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options });
    return TextDocument.applyEdits(document.textDocument, edits);
}

/** The text without any whitespace: formatting may change nothing else. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

/** Comments in order of appearance, as written. */
const comments = (text: string) => text.match(/\/\/[^\n\r]*|\/\*[\s\S]*?\*\//g) ?? [];

describe('the canonical layout', () => {
    test('the spec examples are already canonical', async () => {
        for (const name of ['college.sun', 'bases.sun', 'finance.sun']) {
            expect(await format(spec(name)), name).toBe(spec(name));
        }
        expect(await format(HR)).toBe(HR);
    });

    test('4-space indentation, one property per line, braces on the header line, } alone', async () => {
        const input = `department   财务处 "财务处"
{ leader 分管财务副院长 post 会计 "会计核算"
\tstaff 李强 post 会计
  power 报销 { category finance  basis 会计法 . 第十条 ,财务报销管理办法
    flow internal limit 3 workdays { step 初审 by 会计 within 2 workdays -> end }
    risk 虚假报销 at 初审 { grade medium owner 李强 found by 李强 self measure "双人签字" by 会计 within 30 days } }
    register 李强 { risks 虚假报销 signed 2012-10-25 } }`;
        expect(await format(input)).toBe(`department 财务处 "财务处" {
    leader 分管财务副院长
    post 会计 "会计核算"
    staff 李强 post 会计
    power 报销 {
        category finance
        basis 会计法.第十条, 财务报销管理办法
        flow internal limit 3 workdays {
            step 初审 by 会计 within 2 workdays -> end
        }
        risk 虚假报销 at 初审 {
            grade medium
            owner 李强
            found by 李强 self
            measure "双人签字" by 会计 within 30 days
        }
    }
    register 李强 {
        risks 虚假报销
        signed 2012-10-25
    }
}
`);
    });

    test('blank lines: the user\'s grouping is kept, at most one, none after { or before }', async () => {
        const input = `organization 学院 {\n\n\n    leader 院长 "院长"\n\n\n\n    leader 副院长 "副院长"\n    group 组 "组" {\n        members 院长,副院长\n\n    }\n\n}\n\n\n\nbasis 法 law "法"\nbasis 规 internal "规"\n`;
        expect(await format(input)).toBe(`organization 学院 {\n    leader 院长 "院长"\n\n    leader 副院长 "副院长"\n    group 组 "组" {\n        members 院长, 副院长\n    }\n}\n\nbasis 法 law "法"\nbasis 规 internal "规"\n`);
    });

    test('decisions, branches, collective steps and an empty block', async () => {
        const input = `department 办 "办" { leader 院长
power 采购 { major
flow internal { decision 是否 by 处长 { "是"->审批 "否" -> end }
step 审批 by 领导小组 collective within 1 workday } }
register department { } }`;
        expect(await format(input)).toBe(`department 办 "办" {
    leader 院长
    power 采购 {
        major
        flow internal {
            decision 是否 by 处长 {
                "是" -> 审批
                "否" -> end
            }
            step 审批 by 领导小组 collective within 1 workday
        }
    }
    register department {
    }
}
`);
    });
});

describe('comments', () => {
    const commented = `// 财务处的职权目录
/* 2012 年 10 月
   初稿 */
department 财务处 "财务处" { // 分管:财务副院长
  // 分管院领导
  leader 分管财务副院长 // 见学院文件


  post 会计 /* 岗位 */ "会计核算"
  power 报销 {
    basis 会计法 // 第十条
      , 三定方案
    flow internal {
      step 初审 // 第一步
        by 会计 within 1 workday
      /* 最后一步 */ step 付款 by 会计 within 1 workday
    }
    // 风险点待补充
  }
      /*
       * 登记表
       */
  register 李强 { signed 2012-10-25 } // 已签字
  // 末尾
}
// 文件结尾`;

    test('are never moved, dropped or changed, and a // comment keeps its line break', async () => {
        const output = await format(commented);
        expect(squeeze(output)).toBe(squeeze(commented));
        expect(comments(output)).toEqual(comments(commented));
        // Every // comment still ends its line.
        for (const line of output.split('\n')) {
            const at = line.indexOf('//');
            if (at >= 0) expect(line.slice(at), line).toMatch(/^\/\/[^\n]*$/);
        }
        const again = await buildWorkspace({ 'b.sun': output });
        expect(again.documents['b.sun'].parseResult.parserErrors).toEqual([]);
        expect(output).toContain('    // 分管院领导\n    leader 分管财务副院长 // 见学院文件\n\n    post 会计 /* 岗位 */ "会计核算"');
        expect(output).toContain('\n        // 风险点待补充\n    }');
        expect(output).toContain('\n    // 末尾\n}\n// 文件结尾\n');
    });

    test('formatting is idempotent', async () => {
        const once = await format(commented);
        expect(await format(once)).toBe(once);
        const twice = await format(await format(spec('finance.sun').replace(/\n {4}/g, '\n  ').replace(/ {2}/g, '\t')));
        expect(await format(twice)).toBe(twice);
    });

    test('whitespace and comments shuffled at random: only whitespace changes, idempotent', async () => {
        let seed = 7;
        const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
        const source = spec('finance.sun') + '\n' + HR;
        for (let round = 0; round < 25; round++) {
            // Re-space: every run of whitespace becomes a random mix of spaces and line breaks; add comments here and there.
            let counter = 0;
            const mangled = source.replace(/\s+/g, () => {
                const r = random();
                const space = r < 0.4 ? ' ' : r < 0.7 ? '\n' + ' '.repeat(Math.floor(random() * 9)) : r < 0.8 ? '\n\n\n\t' : '  ';
                const c = random();
                if (c < 0.05) return `${space}// 注释${++counter}\n`;
                if (c < 0.1) return `${space}/* 注释${++counter} */${space}`;
                if (c < 0.12) return `${space}/* 多行\n注释${++counter} */\n`;
                return space;
            });
            const { formatted, syntaxError } = await formatText(mangled);
            expect(syntaxError, mangled).toBeUndefined();
            // The layout was applied (the guard against changing more than whitespace did not give up).
            expect(formatted).not.toBe(mangled);
            const layout = formatted!.replace(/\/\*[\s\S]*?\*\//g, '/**/');
            for (const line of layout.split('\n')) {
                expect(line === '' || /^( {4})*\S/.test(line), line).toBe(true);
                expect(line, line).not.toMatch(/[ \t]$/);
            }
            expect(layout).not.toMatch(/\n\n\n/);
            expect(squeeze(formatted!)).toBe(squeeze(mangled));
            expect(comments(formatted!)).toEqual(comments(mangled));
            expect((await formatText(formatted!)).formatted, formatted).toBe(formatted);
        }
    });
});

describe('what is not formatted', () => {
    test('a document with syntax errors gets no edits', async () => {
        expect(await format('department 财务处 "财务处" {\n  post 会计\n}\n')).toBe('department 财务处 "财务处" {\n  post 会计\n}\n');
    });

    test('the editor\'s indentation options do not change the layout', async () => {
        const input = 'department 财务处 "财务处" {\npost 会计 "会计"\n}\n';
        expect(await format(input, { tabSize: 8, insertSpaces: false })).toBe('department 财务处 "财务处" {\n    post 会计 "会计"\n}\n');
    });

    test('CRLF line ends are kept by fmt', async () => {
        const { formatted } = await formatText('department 财务处 "财务处" {\r\npost 会计 "会计"\r\n    post 出纳 "出纳"   }');
        expect(formatted).toBe('department 财务处 "财务处" {\r\n    post 会计 "会计"\r\n    post 出纳 "出纳"\r\n}\r\n');
        expect((await formatText(formatted!)).formatted).toBe(formatted);
    });
});
