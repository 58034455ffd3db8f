import { describe, expect, test } from 'vitest';
import { SemanticTokensDecoder } from 'langium/lsp';
import type { Hover, MarkupContent } from 'vscode-languageserver';
import type { Locale } from '../../language/messages.js';
import { PREVIEW_COMMAND } from '../../language/lsp/code-lens.js';
import { positionOf, specWorkspace } from './lsp-helpers.js';

async function hover(file: string, needle: string, delta: number, locale: Locale = 'en', occurrence = 0): Promise<string | undefined> {
    const { services, documents } = await specWorkspace({}, locale);
    const document = documents[file];
    const result: Hover | undefined = await services.Sunlight.lsp.HoverProvider!.getHoverContent(document, {
        textDocument: { uri: document.uri.toString() }, position: positionOf(document, needle, delta, occurrence)
    });
    return (result?.contents as MarkupContent | undefined)?.value;
}

describe('hover on names and references', () => {
    test('a post: its duty and who holds it', async () => {
        const text = await hover('finance.sun', 'responsible 会计', 12);
        expect(text).toContain('会计核算、报销审核');
        expect(text).toContain('李强');
    });

    test('a staff member: their post', async () => {
        const text = await hover('finance.sun', 'owner 李强', 6);
        expect(text).toContain('会计');
        expect(text).toContain('财务处');
    });

    test('an article: the basis title, kind and the article text', async () => {
        const text = await hover('finance.sun', '会计法.第十条', 5);
        expect(text).toContain('中华人民共和国会计法');
        expect(text).toContain('law');
        expect(text).toContain('应当办理会计手续、进行会计核算的经济业务事项');
        const basis = await hover('finance.sun', '会计法.第十条', 1);
        expect(basis).toContain('中华人民共和国会计法');
        expect(basis).toContain('第十条');
    });

    test('a step: its responsible party and deadline', async () => {
        const text = await hover('finance.sun', 'at 初审', 4);
        expect(text).toContain('会计');
        expect(text).toMatch(/2 workdays/);
        const zh = await hover('finance.sun', 'at 初审', 4, 'zh');
        expect(zh).toContain('2 个工作日');
    });

    test('a qualified reference in another file', async () => {
        const text = await hover('hr.sun', '财务处.会计', 5);
        expect(text).toContain('会计核算、报销审核');
        const department = await hover('hr.sun', '财务处.会计', 1);
        expect(department).toContain('分管财务副院长');
    });

    test('a leader: title and the departments in charge', async () => {
        const text = await hover('college.sun', 'leader 分管财务副院长', 8);
        expect(text).toContain('分管财务工作的副院长');
        expect(text).toContain('财务处');
    });
});

describe('hover on values', () => {
    test('grades: the notice\'s definitions, in the user\'s language', async () => {
        expect(await hover('hr.sun', 'grade high', 7)).toMatch(/crime/i);
        expect(await hover('hr.sun', 'grade high', 7, 'zh')).toContain('违法犯罪');
        expect(await hover('finance.sun', 'grade medium', 7)).toMatch(/discipline/i);
        expect(await hover('finance.sun', 'grade medium', 7, 'zh')).toContain('党纪政纪');
        expect(await hover('finance.sun', 'grade low', 7, 'zh')).toContain('廉洁自律');
    });

    test('consequence, aspect, category, probability', async () => {
        expect(await hover('finance.sun', 'consequence disciplinary', 13)).toMatch(/discipline/i);
        expect(await hover('finance.sun', 'consequence disciplinary', 13, 'zh')).toContain('党纪政纪');
        expect(await hover('finance.sun', 'aspect process', 8, 'zh')).toContain('业务流程');
        expect(await hover('finance.sun', 'aspect mechanism', 8)).toMatch(/mechanism/i);
        expect(await hover('finance.sun', 'category finance', 10, 'zh')).toContain('财');
        expect(await hover('finance.sun', 'category finance', 10)).toMatch(/money|fund/i);
        expect(await hover('finance.sun', 'probability medium', 13, 'zh')).toContain('中');
    });

    test('a flow: steps and the longest path against its limit', async () => {
        const text = await hover('hr.sun', 'flow internal', 1);
        expect(text).toContain('3 steps');
        expect(text).toMatch(/6 workdays/);
        expect(text).toMatch(/limit 5 workdays/);
        expect(text).toMatch(/over the limit/);
        const zh = await hover('hr.sun', 'flow internal', 1, 'zh');
        expect(zh).toContain('6 个工作日');
        expect(zh).toContain('超过时限');
        const kept = await hover('finance.sun', 'flow external', 6);
        expect(kept).toContain('5 steps, 1 decision');
        expect(kept).toMatch(/7 workdays \/ limit 7 workdays/);
        expect(kept).not.toMatch(/over the limit/);
    });
});

describe('inlay hints', () => {
    test('after a flow\'s header, the longest-path total against the limit', async () => {
        for (const [locale, expected] of [['en', '≈ 6 workdays / limit 5'], ['zh', '≈ 6 个工作日 / 时限 5']] as const) {
            const { services, documents } = await specWorkspace({}, locale);
            const hr = documents['hr.sun'];
            const hints = await services.Sunlight.lsp.InlayHintProvider!.getInlayHints(hr, {
                textDocument: { uri: hr.uri.toString() }, range: { start: { line: 0, character: 0 }, end: hr.textDocument.positionAt(hr.textDocument.getText().length) }
            });
            expect(hints).toHaveLength(1);
            expect(hints![0].label).toBe(expected);
            const header = positionOf(hr, 'flow internal limit 5 workdays {');
            expect(hints![0].position).toEqual({ line: header.line, character: header.character + 'flow internal limit 5 workdays {'.length });
        }
    });

    test('a flow without a limit shows its total', async () => {
        const { services, documents } = await specWorkspace({
            'edit.sun': 'department 办 "办" {\n    leader 院长\n    post 员 "员"\n    power 事 {\n        flow internal {\n            step 甲 by 员 within 3 hours\n            step 乙 by 员 within 5 hours\n        }\n    }\n}\n'
        });
        const document = documents['edit.sun'];
        const hints = await services.Sunlight.lsp.InlayHintProvider!.getInlayHints(document, {
            textDocument: { uri: document.uri.toString() }, range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } }
        });
        expect(hints!.map(hint => hint.label)).toEqual(['≈ 8 hours']);
    });
});

describe('code lens', () => {
    test('above each power: preview its flowchart', async () => {
        for (const [locale, title] of [['en', 'Preview flowchart'], ['zh', '预览流程图']] as const) {
            const { services, documents } = await specWorkspace({}, locale);
            const finance = documents['finance.sun'];
            const lenses = await services.Sunlight.lsp.CodeLensProvider!.provideCodeLens(finance, { textDocument: { uri: finance.uri.toString() } });
            expect(lenses).toHaveLength(1);
            expect(lenses![0].command).toEqual({ title, command: PREVIEW_COMMAND, arguments: [finance.uri.toString(), '经费报销审核'] });
            expect(lenses![0].range.start.line).toBe(positionOf(finance, 'power 经费报销审核').line);
        }
        expect(PREVIEW_COMMAND).toBe('sunlight.preview.open');
    });
});

describe('semantic tokens', () => {
    test('declarations, references and enum values are told apart', async () => {
        const { services, documents } = await specWorkspace();
        const finance = documents['finance.sun'];
        const hr = documents['hr.sun'];
        const provider = services.Sunlight.lsp.SemanticTokenProvider!;
        const decode = async (document: typeof finance) => SemanticTokensDecoder.decode(
            await provider.semanticHighlight(document, { textDocument: { uri: document.uri.toString() } }), provider.tokenTypes, document);
        const tokens = [...await decode(finance)];
        const declaration = provider.tokenModifiers['declaration'];
        const at = (text: string, occurrence = 0) => {
            const offset = finance.textDocument.getText().split(text, occurrence + 1).join(text).length;
            return tokens.find(token => token.offset === offset);
        };
        // `post 会计`: a declaration; `responsible 会计`: a reference of the same type, not a declaration.
        const post = at('会计 "会计核算');
        const reference = tokens.find(token => token.offset === finance.textDocument.getText().indexOf('responsible 会计') + 12);
        expect(post?.tokenType).toBe('type');
        expect(post!.tokenModifiers & declaration).toBeTruthy();
        expect(reference?.tokenType).toBe('type');
        expect(reference!.tokenModifiers & declaration).toBeFalsy();
        // Enum values.
        const grade = tokens.find(token => token.offset === finance.textDocument.getText().indexOf('grade medium') + 6);
        expect(grade?.tokenType).toBe('enumMember');
        const category = tokens.find(token => token.offset === finance.textDocument.getText().indexOf('category finance') + 9);
        expect(category?.tokenType).toBe('enumMember');
        // A qualified reference: the qualifier is the department (namespace), the name a post.
        const hrTokens = await decode(hr);
        const qualified = hr.textDocument.getText().indexOf('财务处.会计');
        expect(hrTokens.find(token => token.offset === qualified)?.tokenType).toBe('namespace');
        expect(hrTokens.find(token => token.offset === qualified + 4)?.tokenType).toBe('type');
        // A staff member, a step, a power.
        expect(at('李强 post')?.tokenType).toBe('variable');
        expect(at('初审 by')?.tokenType).toBe('method');
        expect(at('经费报销审核')?.tokenType).toBe('function');
    });
});
