import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseConfig } from '../../language/config.js';
import { RULES, RULE_CODES, isRuleCode, ruleDocPath, type RuleCode } from '../../language/rules.js';
import { buildWorkspace, codes } from '../helpers.js';

/**
 * docs/rules/<code>.md: one page per rule code, whose examples are tested here.
 *
 * - ```sun failing   (exactly one): reports the page's code;
 * - ```sun passing   (one or more): does not report it;
 * - ```sun suppressed (optional): a `// sunlight-ignore` comment silences the
 *   code, and the comment itself draws no invalid-/unused-suppression;
 * - ```json failing / ```json passing (invalid-config only): sunlight.json
 *   text that parseConfig rejects / accepts;
 * - every other ```json block is a sunlight.json example and must be valid.
 *
 * Each .sun block is built as `departments/example.sun` in a workspace with
 * the spec's college.sun and bases.sun, so it can name 院长, 分管财务副院长,
 * 会计法.第十条 and the like. Tests look at codes only, never at wording.
 */
const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const CONTEXT = {
    'college.sun': read('test/fixtures/spec/college.sun'),
    'bases.sun': read('test/fixtures/spec/bases.sun')
};
const EXAMPLE = 'departments/example.sun';

interface Block {
    readonly language: string;
    readonly tag: string;
    readonly text: string;
    /** 1-based line of the opening fence, for messages. */
    readonly line: number;
}

/** The fenced code blocks of a Markdown text, with their info strings split into language and tag. */
function fencedBlocks(markdown: string): Block[] {
    const blocks: Block[] = [];
    const lines = markdown.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
        const open = /^(`{3,})\s*(\S*)\s*(.*?)\s*$/.exec(lines[i]);
        if (!open) continue;
        const body: string[] = [];
        let j = i + 1;
        for (; j < lines.length; j++) {
            const close = /^(`{3,})\s*$/.exec(lines[j]);
            if (close && close[1].length >= open[1].length) break;
            body.push(lines[j]);
        }
        blocks.push({ language: open[2], tag: open[3], text: body.join('\n') + '\n', line: i + 1 });
        i = j;
    }
    return blocks;
}

function page(code: RuleCode): string {
    return read(ruleDocPath(code));
}

async function codesOf(text: string): Promise<string[]> {
    const { diagnostics } = await buildWorkspace({ ...CONTEXT, [EXAMPLE]: text });
    return codes(diagnostics(EXAMPLE));
}

function blocksOf(code: RuleCode, tag: string): Block[] {
    const language = code === 'invalid-config' ? 'json' : 'sun';
    return fencedBlocks(page(code)).filter(block => block.language === language && block.tag === tag);
}

describe.each(RULE_CODES.map(code => [code]))('docs/rules/%s.md', code => {
    test('exists, names its code and default severity', () => {
        expect(existsSync(new URL(ruleDocPath(code), root)), ruleDocPath(code)).toBe(true);
        const text = page(code);
        expect(text.split('\n')[0]).toContain(`\`${code}\``);
        const severity = /Default severity[^\n]*?`(error|warning|info|hint)`/.exec(text);
        expect(severity?.[1], 'the "Default severity" line').toBe(RULES[code].severity);
        expect(text).toContain('## English');
        expect(text).toContain('## 中文');
    });

    test('has exactly one failing example and at least one passing example', () => {
        expect(blocksOf(code, 'failing')).toHaveLength(1);
        expect(blocksOf(code, 'passing').length).toBeGreaterThanOrEqual(1);
    });

    test('its failing example reports the code', async () => {
        const [failing] = blocksOf(code, 'failing');
        if (code === 'invalid-config') {
            expect(parseConfig(failing.text).problems.length, `line ${failing.line}`).toBeGreaterThan(0);
        } else {
            expect(await codesOf(failing.text), `block at line ${failing.line}`).toContain(code);
        }
    });

    test('its passing examples do not report the code', async () => {
        for (const passing of blocksOf(code, 'passing')) {
            if (code === 'invalid-config') {
                expect(parseConfig(passing.text).problems, `block at line ${passing.line}`).toEqual([]);
            } else {
                expect(await codesOf(passing.text), `block at line ${passing.line}`).not.toContain(code);
            }
        }
    });

    test('its suppression examples silence the code, and only with a valid, used comment', async () => {
        for (const suppressed of blocksOf(code, 'suppressed')) {
            expect(suppressed.text, `block at line ${suppressed.line}`).toContain(`sunlight-ignore ${code}:`);
            const found = await codesOf(suppressed.text);
            expect(found, `block at line ${suppressed.line}`).not.toContain(code);
            expect(found, `block at line ${suppressed.line}`).not.toContain('invalid-suppression');
            expect(found, `block at line ${suppressed.line}`).not.toContain('unused-suppression');
            // Without its comments the same text reports the code: the comment does the work.
            const bare = suppressed.text.split('\n').filter(line => !line.includes('sunlight-ignore')).join('\n');
            expect(await codesOf(bare), `block at line ${suppressed.line} without its comment`).toContain(code);
        }
    });

    test('its sunlight.json examples are valid', () => {
        for (const block of fencedBlocks(page(code)).filter(b => b.language === 'json' && b.tag === '')) {
            expect(parseConfig(block.text).problems, `block at line ${block.line}`).toEqual([]);
        }
    });
});

describe('docs/rules/README.md', () => {
    test('links every rule page with its default severity', () => {
        const index = read('docs/rules/README.md');
        for (const code of RULE_CODES) {
            const row = index.split('\n').find(line => line.startsWith('|') && line.includes(`](${code}.md)`));
            expect(row, code).toBeDefined();
            expect(row, code).toContain(`\`${RULES[code].severity}\``);
        }
    });

    test('there is no page for a code that does not exist', () => {
        const pages = readdirSync(new URL('docs/rules/', root)).filter(name => name.endsWith('.md') && name !== 'README.md');
        for (const name of pages) expect(isRuleCode(name.slice(0, -3)), name).toBe(true);
        expect(pages).toHaveLength(RULE_CODES.length);
    });
});
