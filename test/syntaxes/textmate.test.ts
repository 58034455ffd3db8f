import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { GrammarAST, AstUtils } from 'langium';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { beforeAll, describe, expect, test } from 'vitest';
import { SunlightGrammar } from '../../language/generated/grammar.js';

/**
 * The highlighting grammar (syntaxes/sunlight.tmLanguage.json), run through
 * the same engine VS Code uses (vscode-textmate + the Oniguruma WASM build).
 */
const root = path.resolve(__dirname, '../..');
const grammarFile = path.join(root, 'syntaxes', 'sunlight.tmLanguage.json');
const require = createRequire(import.meta.url);

let grammar: vsctm.IGrammar;

beforeAll(async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new vsctm.Registry({
        onigLib: Promise.resolve({
            createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
            createOnigString: (text: string) => new oniguruma.OnigString(text)
        }),
        loadGrammar: async scopeName => scopeName === 'source.sunlight'
            ? vsctm.parseRawGrammar(readFileSync(grammarFile, 'utf8'), grammarFile)
            : null
    });
    const loaded = await registry.loadGrammar('source.sunlight');
    if (!loaded) throw new Error('grammar not loaded');
    grammar = loaded;
});

interface Token { text: string; scopes: string[] }

/** The .sun files under a folder (none when it does not exist). */
function sunFiles(dir: string): string[] {
    if (!existsSync(dir)) return [];
    return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
        const file = path.join(dir, entry.name);
        return entry.isDirectory() ? sunFiles(file) : entry.name.endsWith('.sun') ? [file] : [];
    });
}

/** Tokenizes lines (one rule stack across them) into text + scopes. */
function tokenize(...lines: string[]): Token[][] {
    let stack = vsctm.INITIAL;
    return lines.map(line => {
        const result = grammar.tokenizeLine(line, stack);
        stack = result.ruleStack;
        return result.tokens.map(t => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
    });
}

/** The scopes of the token that holds `text` (the `nth` occurrence) on a one-line input. */
function scopesOf(line: string, text: string, nth = 0): string[] {
    const tokens = tokenize(line)[0];
    let seen = 0;
    for (const token of tokens) {
        if (token.text === text && seen++ === nth) return token.scopes;
    }
    throw new Error(`no token '${text}' in ${JSON.stringify(tokens.map(t => t.text))}`);
}

/** The innermost scope of `text`, without the `.sunlight` suffix. */
function scopeOf(line: string, text: string, nth = 0): string {
    const scopes = scopesOf(line, text, nth);
    return scopes[scopes.length - 1].replace(/\.sunlight$/, '');
}

describe('TextMate grammar', () => {
    test('is up to date with the Langium grammar', () => {
        expect(() => execFileSync(process.execPath, ['scripts/generate-textmate.mjs', '--check'], { cwd: root, stdio: 'pipe' })).not.toThrow();
    });

    test('declaration keywords and declared names', () => {
        const line = '            step 初审 by 会计 within 2 workdays';
        expect(scopeOf(line, 'step')).toBe('keyword.declaration');
        expect(scopeOf(line, '初审')).toBe('entity.name.function');
        expect(scopeOf(line, 'by')).toBe('keyword.other.property');
        expect(scopeOf(line, '会计')).toBe('variable.other');
        expect(scopeOf(line, 'within')).toBe('keyword.other.property');
        expect(scopeOf(line, '2')).toBe('constant.numeric.integer');
        expect(scopeOf(line, 'workdays')).toBe('constant.language.unit');
        expect(scopeOf('department 财务处 "财务处" {', 'department')).toBe('keyword.declaration');
        expect(scopeOf('department 财务处 "财务处" {', '财务处')).toBe('entity.name.type');
        expect(scopeOf('organization 合肥职业技术学院 {', '合肥职业技术学院')).toBe('entity.name.type');
        expect(scopeOf('basis 会计法 law "中华人民共和国会计法" {', '会计法')).toBe('entity.name.type');
        expect(scopeOf('basis 会计法 law "中华人民共和国会计法" {', 'law')).toBe('constant.language.basis-kind');
        expect(scopeOf('    risk 虚假报销 at 初审 {', 'risk')).toBe('keyword.declaration');
        expect(scopeOf('    risk 虚假报销 at 初审 {', 'at')).toBe('keyword.other.property');
        expect(scopeOf('    power 经费报销审核 {', 'power')).toBe('keyword.declaration');
        expect(scopeOf('    role 申请人 external "提出报销申请的教职工"', 'external')).toBe('constant.language.flow-kind');
        expect(scopeOf('    role 申请人 external "提出报销申请的教职工"', '申请人')).toBe('entity.name.variable');
    });

    test('a keyword inside a longer name is not a keyword', () => {
        expect(scopeOf('step stepA by 会计 -> stepB', 'stepA')).toBe('entity.name.function');
        expect(scopeOf('step stepA by 会计 -> stepB', 'stepB')).toBe('variable.other');
        expect(scopeOf('step stepA by 会计 -> stepB', 'step')).toBe('keyword.declaration');
        expect(scopeOf('responsible stepA', 'stepA')).toBe('variable.other');
        expect(scopeOf('    leader 分管财务副院长', '分管财务副院长')).toBe('variable.other');
        expect(scopeOf('responsible highway', 'highway')).toBe('variable.other');
        expect(scopeOf('responsible end_user', 'end_user')).toBe('variable.other');
        expect(scopeOf('responsible 处长2', '处长2')).toBe('variable.other');
        // A keyword right after a Chinese character is part of that name.
        expect(tokenize('会计step')[0].map(t => t.text)).toEqual(['会计step']);
    });

    test('strings, with escapes; keywords and levels inside are plain string', () => {
        const line = '    description "风险等级 高 high step \\"引号\\" \\\\ 完"';
        expect(scopeOf(line, 'description')).toBe('keyword.other.property');
        const inString = tokenize(line)[0].filter(t => t.scopes.includes('string.quoted.double.sunlight'));
        expect(inString.map(t => t.text).join('')).toBe('"风险等级 高 high step \\"引号\\" \\\\ 完"');
        expect(scopesOf(line, '\\"')).toContain('constant.character.escape.sunlight');
        expect(scopesOf(line, '\\\\')).toContain('constant.character.escape.sunlight');
        for (const token of inString) {
            expect(token.scopes.some(s => s.startsWith('keyword') || s.startsWith('constant.language'))).toBe(false);
        }
        expect(scopeOf('measure "高" by 处长', '高')).toBe('string.quoted.double');
    });

    test('a string ends at the end of its line', () => {
        const [first, second] = tokenize('content "未闭合', 'power P {');
        expect(first.some(t => t.scopes.includes('invalid.illegal.newline.sunlight'))).toBe(true);
        expect(second.find(t => t.text === 'power')!.scopes).toContain('keyword.declaration.sunlight');
    });

    test('dates, numbers and durations', () => {
        expect(scopeOf('    campaign "查找风险阶段" due 2012-11-15', '2012-11-15')).toBe('constant.numeric.date');
        expect(scopeOf('    campaign "查找风险阶段" due 2012-11-15', 'due')).toBe('keyword.other.property');
        expect(scopeOf('    campaign "查找风险阶段" due 2012-11-15', 'campaign')).toBe('keyword.declaration');
        expect(scopeOf('        signed 2012-10-25', '2012-10-25')).toBe('constant.numeric.date');
        expect(scopeOf('flow external limit 7 workdays {', '7')).toBe('constant.numeric.integer');
        expect(scopeOf('flow external limit 7 workdays {', 'limit')).toBe('keyword.other.property');
        expect(scopeOf('flow external limit 7 workdays {', 'external')).toBe('constant.language.flow-kind');
        expect(scopeOf('flow internal {', 'internal')).toBe('constant.language.basis-kind');
        expect(scopeOf('measure "x" within 30 days', 'days')).toBe('constant.language.unit');
    });

    test('comments: line, block, suppression directive', () => {
        expect(scopesOf('// x', ' x')).toContain('comment.line.double-slash.sunlight');
        expect(scopesOf('// x', '//')).toContain('punctuation.definition.comment.sunlight');
        expect(scopeOf('step 付款 by 出纳 // step high "s"', ' step high "s"')).toBe('comment.line.double-slash');
        const [a, b, c] = tokenize('post 会计 "x" /* step', 'grade high', '*/ post 出纳 "y"');
        expect(a.find(t => t.text === 'post')!.scopes).toContain('keyword.declaration.sunlight');
        expect(a.at(-1)!.scopes).toContain('comment.block.sunlight');
        expect(b.every(t => t.scopes.includes('comment.block.sunlight'))).toBe(true);
        expect(c.find(t => t.text === 'post')!.scopes).toContain('keyword.declaration.sunlight');
        expect(c.find(t => t.text === 'post')!.scopes).not.toContain('comment.block.sunlight');
        const directive = '    // sunlight-ignore missing-owner, missing-aspect: 待定';
        expect(scopeOf(directive, 'sunlight-ignore')).toBe('keyword.other.directive.suppression');
        expect(scopeOf(directive, ' missing-owner, missing-aspect')).toBe('constant.other.rule-code');
    });

    test('arrows, end, branches, punctuation', () => {
        const line = '            step 院长审批 by 分管财务副院长 within 3 workdays -> 付款';
        expect(scopeOf(line, '->')).toBe('keyword.operator.arrow');
        expect(scopeOf(line, '付款')).toBe('variable.other');
        expect(scopeOf('    "否" -> end', 'end')).toBe('keyword.control.end');
        expect(scopeOf('    "否" -> end', '否')).toBe('string.quoted.double');
        expect(scopeOf('basis 会计法.第十条, 财务报销管理办法', '.')).toBe('punctuation.accessor');
        expect(scopeOf('basis 会计法.第十条, 财务报销管理办法', ',')).toBe('punctuation.separator.comma');
        expect(scopeOf('basis 会计法.第十条, 财务报销管理办法', 'basis')).toBe('keyword.declaration');
        expect(scopeOf('power P {', '{')).toBe('punctuation.section.block.begin');
        expect(scopeOf('}', '}')).toBe('punctuation.section.block.end');
    });

    test('words whose meaning depends on their clause', () => {
        expect(scopeOf('found by 李强 leader', 'leader')).toBe('constant.language.method');
        expect(scopeOf('found by 李强 organization', 'organization')).toBe('constant.language.method');
        expect(scopeOf('found by 李强 self', 'self')).toBe('constant.language.method');
        expect(scopeOf('found by 李强 self', 'found')).toBe('keyword.other.property');
        expect(scopeOf('found by 财务处.李强 colleague', 'colleague')).toBe('constant.language.method');
        expect(scopeOf('    leader 院长 "院长"', 'leader')).toBe('keyword.declaration');
        expect(scopeOf('    leader 院长 "院长"', '院长')).toBe('entity.name.variable');
        expect(scopeOf('staff 王芳 post 处长', 'post')).toBe('keyword.other.property');
        expect(scopeOf('staff 王芳 post 处长', '王芳')).toBe('entity.name.variable');
        expect(scopeOf('post 处长 "主持工作"', 'post')).toBe('keyword.declaration');
        expect(scopeOf('register department {', 'department')).toBe('variable.language.department');
        expect(scopeOf('register 李强 {', 'register')).toBe('keyword.declaration');
        expect(scopeOf('approved by 分管财务副院长 on 2012-11-02', 'on')).toBe('keyword.other.property');
        expect(scopeOf('step 研究 by 领导小组 collective within 5 workdays', 'collective')).toBe('storage.modifier');
        expect(scopeOf('    major', 'major')).toBe('storage.modifier');
        expect(scopeOf('    contact "电话:0551-1234"', 'contact')).toBe('keyword.other.property');
        for (const [line, word] of [['grade high', 'high'], ['aspect process', 'process'], ['consequence criminal', 'criminal'], ['category student', 'student'], ['proposed low by 李强', 'low'], ['final medium', 'medium']]) {
            expect(scopeOf(line, word)).toMatch(/^constant\.language\./);
        }
    });

    test('every keyword of the Langium grammar is highlighted', () => {
        const keywords = new Set(AstUtils.streamAllContents(SunlightGrammar()).filter(GrammarAST.isKeyword).map(k => k.value));
        expect(keywords.size).toBeGreaterThanOrEqual(80);
        const uncovered: string[] = [];
        for (const keyword of keywords) {
            const tokens = tokenize(keyword)[0];
            const ok = tokens.length === 1 && tokens[0].text === keyword
                && tokens[0].scopes.some(s => /^(keyword|storage|constant\.language|punctuation|variable\.language)\./.test(s));
            if (!ok) uncovered.push(keyword);
        }
        // `leader` and `organization` are also finding methods: covered in their clause.
        for (const method of ['leader', 'organization']) {
            expect(scopeOf(`found by X ${method}`, method)).toBe('constant.language.method');
        }
        expect(uncovered).toEqual([]);
    });

    test('real files tokenize without invalid tokens, and every keyword line gets a keyword', () => {
        const files = [path.join(root, 'test', 'fixtures', 'spec'), path.join(root, 'examples')].flatMap(sunFiles);
        let lines = 0;
        {
            for (const file of files) {
                const text = readFileSync(file, 'utf8').split(/\r?\n/);
                const tokens = tokenize(...text);
                tokens.forEach((lineTokens, i) => {
                    lines++;
                    for (const token of lineTokens) {
                        expect(token.scopes.some(s => s.startsWith('invalid')), `${file}:${i + 1} ${token.text}`).toBe(false);
                    }
                    const first = lineTokens.find(t => t.text.trim() !== '');
                    if (first && /^[a-z]+$/.test(first.text)) {
                        expect(first.scopes.at(-1), `${file}:${i + 1}`).toMatch(/^(keyword|storage)\./);
                    }
                });
            }
        }
        expect(lines).toBeGreaterThan(50);
    });
});
