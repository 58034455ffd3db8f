/**
 * The language of the messages: `--lang en|zh`, else the environment's locale.
 * The fixture's names and titles are ASCII, so Chinese characters in the
 * output can only come from the messages.
 */
import { describe, expect, test, vi } from 'vitest';
import { checkJson, sunlight, usageFailure } from './cli-helpers.js';

// Each test spawns the CLI a few times; a loaded machine (parallel test files) makes that slower.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const ASCII = 'test/fixtures/cli/ascii-names';
const CJK = /[\u3400-\u9fff]/;
const ASCII_ONLY = /^[\x20-\x7e]*$/;

/** The messages of a JSON report (and, when asked, the summary line of the text format). */
function output(args: string[], env: Record<string, string | undefined> = {}, withSummary = false) {
    const json = checkJson([...args, ASCII], { env });
    expect(json.report.diagnostics.length).toBeGreaterThan(0);
    const summary = withSummary ? sunlight(['check', ...args, ASCII], { env }).stdout.trimEnd().split('\n').pop()! : undefined;
    return { messages: json.report.diagnostics.map(d => d.message), summary, codes: json.report.diagnostics.map(d => d.code) };
}

function expectChinese(result: ReturnType<typeof output>) {
    for (const message of result.messages) expect(message).toMatch(CJK);
    if (result.summary !== undefined) expect(result.summary).toMatch(CJK);
}

function expectEnglish(result: ReturnType<typeof output>) {
    for (const message of result.messages) expect(message).toMatch(ASCII_ONLY);
    if (result.summary !== undefined) expect(result.summary).toMatch(ASCII_ONLY);
}

describe('--lang', () => {
    test('zh gives Chinese messages, en English ones, with the same codes', () => {
        const zh = output(['--lang', 'zh'], {}, true);
        const en = output(['--lang', 'en'], {}, true);
        expectChinese(zh);
        expectEnglish(en);
        expect(zh.codes).toEqual(en.codes);
    });

    test('overrides the environment', () => {
        expectEnglish(output(['--lang', 'en'], { LANG: 'zh_CN.UTF-8' }));
        expectChinese(output(['--lang=zh'], { LANG: 'en_US.UTF-8' }));
    });
});

describe('the environment', () => {
    test('LANG=zh_CN.UTF-8 gives Chinese by default', () => {
        expectChinese(output([], { LANG: 'zh_CN.UTF-8' }, true));
    });

    test('LANG=en_US.UTF-8, LANG=C or no locale at all give English', () => {
        expectEnglish(output([], { LANG: 'en_US.UTF-8' }));
        const c = sunlight(['check', ASCII], { env: { LANG: 'C' } });
        for (const line of c.stdout.trimEnd().split('\n')) expect(line).toMatch(ASCII_ONLY);
        const none = sunlight(['check', ASCII], { env: { LANG: undefined } });
        for (const line of none.stdout.trimEnd().split('\n')) expect(line).toMatch(ASCII_ONLY);
    });

    test('LC_ALL comes before LANG, as in POSIX', () => {
        expectChinese(output([], { LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }));
        expectEnglish(output([], { LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' }));
    });

    test('a reason for exit 2 is in the language in force too, on one line', () => {
        const run = sunlight(['check', 'no-such-folder'], { env: { LANG: 'zh_CN.UTF-8' } });
        expect(usageFailure(run)).toEqual({ status: 2, stdout: '', lines: 1, stack: false, prefixed: true });
        expect(run.stderr).toMatch(CJK);
    });

    test('every kind of reason for exit 2 follows the language: bad arguments, options and commands', () => {
        const cases = [['frob'], ['check', '--bogus'], ['check', '--format', 'x'], ['check', '--max-warnings', 'many'], ['export', 'nothing'], ['fmt', '--lang', 'fr']];
        for (const args of cases) {
            const zh = sunlight(args, { env: { LANG: 'zh_CN.UTF-8' } });
            expect(usageFailure(zh), args.join(' ')).toEqual({ status: 2, stdout: '', lines: 1, stack: false, prefixed: true });
            expect(zh.stderr, args.join(' ')).toMatch(CJK);
            const en = sunlight(args, { env: { LANG: 'en_US.UTF-8' } });
            expect(en.status).toBe(2);
            expect(en.stderr, args.join(' ')).not.toMatch(CJK);
        }
    });
});
