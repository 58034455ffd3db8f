import fc from 'fast-check';
import { TextDocument, URI, type LangiumDocument } from 'langium';
import type { CodeAction, Command, TextEdit } from 'vscode-languageserver-types';
import { afterAll, describe, expect, test } from 'vitest';
import { formatText } from '../../language/lsp/format-text.js';
import { createTestServices } from '../helpers.js';
import {
    applyMutation, assertProperty, cases, exampleFiles, exampleNames, excerpt, fcParameters, rangeProblem, lineLengths, SEED, type Mutation
} from './support.js';

/**
 * The formatter and the quick fixes lose nothing (test/robustness/README.md).
 *
 * Texts that parse are made from the example files by laying their tokens out
 * anew (random spaces, tabs, line breaks, CRLF, full-width spaces, blank lines),
 * adding comments between tokens, and deleting or duplicating whole lines (kept
 * when the result still parses). For each: formatting twice equals formatting
 * once, and the tokens, comments included, are exactly those of the input.
 * For every diagnostic of such a text, every quick fix offered gives texts that
 * still parse.
 */

const FILES = exampleFiles();
const NAMES = Object.keys(FILES);
const IDENTIFIERS = exampleNames();
const FORMAT_CASES = 400;
const FIX_CASES = 150;

const services = createTestServices();
const lexer = services.Sunlight.parser.Lexer;

/** Every token, comments included, in order; undefined when the text has lexer errors. */
function tokenImages(text: string): string[] | undefined {
    const result = lexer.tokenize(text);
    if (result.errors.length > 0) return undefined;
    return [...result.tokens, ...(result.hidden ?? [])].sort((a, b) => a.startOffset - b.startOffset).map(token => token.image);
}

function tokensWithTypes(text: string) {
    const result = lexer.tokenize(text);
    return [...result.tokens, ...(result.hidden ?? [])].sort((a, b) => a.startOffset - b.startOffset);
}

function parses(text: string): boolean {
    const result = services.Sunlight.parser.LangiumParser.parse(text);
    return result.lexerErrors.length === 0 && result.parserErrors.length === 0;
}

const GAPS = ['', ' ', '  ', '\t', '\n', '\r\n', '\r', '\n\n', '\n\n\n\n', ' \n\t ', '\u3000', '\u00A0', '\t\t\n    ', '\n        '];
const BREAKS = ['\n', '\r\n', '\n\n', '\n    ', '\n\t\t', '\r\n\r\n\r\n'];
const COMMENTS = ['// 注释', '//', '// TODO: 补充 “引号” {括号} -> end', '/* 块注释 */', '/**/', '/* 多行\n   注释 */', '/* {"x"} -> */'];

/** A layout of a text: for each gap between tokens, a choice of whitespace, maybe a comment. */
interface Layout { readonly gaps: ReadonlyArray<{ readonly gap: number; readonly comment: number; readonly withComment: boolean }> }

const layoutArbitrary: fc.Arbitrary<Layout> = fc.record({
    gaps: fc.array(fc.record({ gap: fc.nat({ max: 100 }), comment: fc.nat({ max: 100 }), withComment: fc.nat({ max: 9 }).map(n => n === 0) }), { minLength: 1, maxLength: 64 })
});

const wordy = /[\p{L}\p{N}_]$/u;
const wordyStart = /^[\p{L}\p{N}_]/u;

/** Gaps with at most one line break (blank lines are the user's grouping, which the formatter keeps). */
const SINGLE_BREAK_GAPS = GAPS.filter(gap => (gap.match(/\r\n|\r|\n/g) ?? []).length <= 1);

/** Lays the tokens of `text` out with the layout's gaps (reused cyclically); comments are added between tokens. */
function relayout(text: string, layout: Layout, options: { dropComments?: boolean; singleBreaks?: boolean } = {}): string {
    const gaps = options.singleBreaks ? SINGLE_BREAK_GAPS : GAPS;
    const tokens = tokensWithTypes(text).filter(token => !options.dropComments || token.tokenType.GROUP !== 'hidden');
    let out = '';
    let previous: { image: string; comment: boolean } | undefined;
    tokens.forEach((token, i) => {
        const choice = layout.gaps[i % layout.gaps.length];
        const lineComment = previous?.comment && previous.image.startsWith('//');
        let gap = lineComment ? BREAKS[choice.gap % BREAKS.length] : gaps[choice.gap % gaps.length];
        if (gap === '' && previous && (wordy.test(previous.image) && wordyStart.test(token.image) || /^[-/]/.test(token.image) || previous.image.endsWith('/'))) gap = ' ';
        if (i === 0) gap = gap.trimStart();
        if (choice.withComment && previous && !lineComment) {
            const comment = COMMENTS[choice.comment % COMMENTS.length];
            out += ` ${comment}${comment.startsWith('//') ? '\n' : ' '}`;
        }
        out += gap + token.image;
        previous = { image: token.image, comment: token.tokenType.GROUP === 'hidden' };
    });
    return out + (layout.gaps[0].gap % 3 === 0 ? '' : '\n');
}

const lineMutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant('deleteLines' as const), line: fc.nat({ max: 400 }), count: fc.integer({ min: 1, max: 6 }) }),
    fc.record({ kind: fc.constant('duplicateLines' as const), line: fc.nat({ max: 400 }), count: fc.integer({ min: 1, max: 6 }) })
);

/** Replaces one name in the text by another one (a reference that no longer resolves, or a duplicate). */
const renameArbitrary = fc.record({ occurrence: fc.nat({ max: 1000 }), name: fc.constantFrom(...IDENTIFIERS, '未定义的名称', 'Undefined') });
function rename(text: string, choice: { occurrence: number; name: string }): string {
    const matches = [...text.matchAll(/(?<=\s)[\p{L}_][\p{L}\p{N}_]*(?=[\s,.])/gu)].filter(match => !/^[a-z]+$/.test(match[0]));
    if (matches.length === 0) return text;
    const match = matches[choice.occurrence % matches.length];
    return text.slice(0, match.index) + choice.name + text.slice(match.index! + match[0].length);
}

/** A parseable variant of an example file. */
const parseableArbitrary = fc.record({
    target: fc.constantFrom(...NAMES),
    layout: fc.option(layoutArbitrary, { freq: 2 }),
    lines: fc.array(lineMutation, { maxLength: 2 }),
    renames: fc.array(renameArbitrary, { maxLength: 2 })
}).map(({ target, layout, lines, renames }) => {
    let text = FILES[target];
    for (const mutation of lines) {
        const next = applyMutation(text, mutation);
        if (parses(next)) text = next;
    }
    for (const choice of renames) {
        const next = rename(text, choice);
        if (parses(next)) text = next;
    }
    if (layout) text = relayout(text, layout);
    return { target, text };
});

const stats = { formatted: 0, changed: 0, fixTexts: 0, diagnostics: 0, actions: 0, edits: 0, ms: 0 };

afterAll(() => {
    console.log(`[robustness] formatter: ${stats.formatted} texts formatted (${stats.changed} changed by it); quick fixes: ${stats.actions} fixes for ${stats.diagnostics} diagnostics of ${stats.fixTexts} texts; ${(stats.ms / 1000).toFixed(1)} s, seed ${SEED}`);
});

describe('the formatter loses nothing', () => {
    test('laying the tokens out anew keeps the examples parsing (the generator is sound)', () => {
        fc.assert(fc.property(fc.constantFrom(...NAMES), layoutArbitrary, (name, layout) => {
            const text = relayout(FILES[name], layout);
            const expected = tokenImages(FILES[name])!.filter(image => !/^\/[/*]/.test(image));
            const actual = tokenImages(text)!.filter(image => !/^\/[/*]/.test(image));
            expect(actual).toEqual(expected);
            expect(parses(text)).toBe(true);
        }), { seed: SEED, numRuns: 20 });
    });

    test(`format(format(x)) = format(x), tokens and comments unchanged (${cases(FORMAT_CASES)} cases)`, async () => {
        const started = performance.now();
        await assertProperty('formatter', fc.asyncProperty(parseableArbitrary, async ({ target, text }) => {
            expect(parses(text)).toBe(true);
            const once = await formatText(text, services);
            if (once.formatted === undefined) throw new Error(`${target}: a text that parses was refused by the formatter: ${JSON.stringify(once.syntaxError)}`);
            const twice = await formatText(once.formatted, services);
            stats.formatted++;
            if (once.formatted !== text) stats.changed++;
            if (twice.formatted !== once.formatted) {
                throw new Error(`${target}: formatting is not idempotent\nonce:  ${excerpt(once.formatted, 2000)}\ntwice: ${excerpt(twice.formatted ?? '', 2000)}\ninput: ${excerpt(text, 2000)}`);
            }
            const before = tokenImages(text);
            const after = tokenImages(once.formatted);
            if (JSON.stringify(before) !== JSON.stringify(after)) {
                const index = (before ?? []).findIndex((image, i) => after?.[i] !== image);
                throw new Error(`${target}: formatting changed the tokens at #${index}: ${JSON.stringify(before?.[index])} → ${JSON.stringify(after?.[index])}\ninput: ${excerpt(text, 2000)}`);
            }
            if (!parses(once.formatted)) throw new Error(`${target}: the formatted text does not parse`);
        }), fcParameters(FORMAT_CASES));
        stats.ms += performance.now() - started;
    }, 300_000);

    test('only blank lines matter: layouts of a comment-free text without blank lines format to the same text', async () => {
        // Guards against the formatter's last-resort token check giving up silently (it returns no
        // edit when it would change a token): then laid-out variants would stay as they are.
        await assertProperty('formatter canonical', fc.asyncProperty(fc.constantFrom(...NAMES), layoutArbitrary, layoutArbitrary, async (name, a, b) => {
            const first = relayout(FILES[name], { gaps: a.gaps.map(g => ({ ...g, withComment: false })) }, { dropComments: true, singleBreaks: true });
            const second = relayout(FILES[name], { gaps: b.gaps.map(g => ({ ...g, withComment: false })) }, { dropComments: true, singleBreaks: true });
            // The formatter keeps the line-break style of the file's first line break; compare with LF.
            const one = (await formatText(first, services)).formatted?.replace(/\r\n/g, '\n');
            const two = (await formatText(second, services)).formatted?.replace(/\r\n/g, '\n');
            if (one === undefined || two === undefined) throw new Error(`${name}: a relaid-out text was refused`);
            if (one !== two) {
                const lines1 = one.split('\n');
                const lines2 = two.split('\n');
                const at = lines1.findIndex((line, i) => line !== lines2[i]);
                throw new Error(`${name}: two layouts of the same tokens format differently, from line ${at + 1}:\n${JSON.stringify(lines1.slice(at, at + 3))}\n${JSON.stringify(lines2.slice(at, at + 3))}` +
                    `\nfirst input: ${excerpt(first, 1500)}\nsecond input: ${excerpt(second, 1500)}`);
            }
        }), fcParameters(Math.max(1, Math.round(FORMAT_CASES / 10))));
    }, 300_000);
});

describe('quick fixes give text that parses', () => {
    test(`every quick fix of every diagnostic of parseable variants (${cases(FIX_CASES)} cases)`, async () => {
        const started = performance.now();
        const fixServices = createTestServices();
        const { workspace } = fixServices.shared;
        const provider = fixServices.Sunlight.lsp.CodeActionProvider;
        expect(provider, 'no CodeActionProvider is registered').toBeDefined();
        let run = 0;
        await assertProperty('quick fixes', fc.asyncProperty(parseableArbitrary, async ({ target, text }) => {
            const names = ['bases.sun', 'college.sun', 'departments/finance.sun', target].filter((name, i, all) => all.indexOf(name) === i);
            const existing = workspace.LangiumDocuments.all.map(document => document.uri).toArray();
            if (existing.length > 0) await workspace.DocumentBuilder.update([], existing);
            const root = `/fix${++run}/`;
            const documents = names.map(name => workspace.LangiumDocumentFactory.fromString(name === target ? text : FILES[name], URI.file(root + name)));
            for (const document of documents) workspace.LangiumDocuments.addDocument(document);
            await workspace.DocumentBuilder.build(documents, { validation: true });
            const byUri = new Map<string, LangiumDocument>(documents.map(document => [document.uri.toString(), document]));
            stats.fixTexts++;
            for (const document of documents) {
                for (const diagnostic of document.diagnostics ?? []) {
                    stats.diagnostics++;
                    const actions = await provider!.getCodeActions(document, {
                        textDocument: { uri: document.uri.toString() },
                        range: diagnostic.range,
                        context: { diagnostics: [diagnostic], triggerKind: 1 }
                    }) ?? [];
                    for (const action of actions as Array<CodeAction | Command>) {
                        if (!('edit' in action) || !action.edit) continue;
                        stats.actions++;
                        for (const [uri, edits] of Object.entries(action.edit.changes ?? {})) {
                            const edited = byUri.get(uri);
                            if (!edited) throw new Error(`quick fix '${action.title}' edits ${uri}, which is not in the workspace`);
                            const before = edited.textDocument.getText();
                            const lengths = lineLengths(before);
                            for (const edit of edits as TextEdit[]) {
                                const problem = rangeProblem(edit.range, lengths);
                                if (problem) throw new Error(`quick fix '${action.title}' for ${String(diagnostic.code)}: edit range ${problem}`);
                            }
                            stats.edits += edits.length;
                            const after = TextDocument.applyEdits(TextDocument.create(uri, 'sunlight', 0, before), edits as TextEdit[]);
                            if (!parses(after)) {
                                const result = fixServices.Sunlight.parser.LangiumParser.parse(after);
                                const error = result.lexerErrors[0]?.message ?? result.parserErrors[0]?.message;
                                throw new Error(`quick fix '${action.title}' for ${String(diagnostic.code)} '${diagnostic.message}' gives text that does not parse (${error})\n` +
                                    `edits: ${JSON.stringify(edits)}\nin ${uri.replace(/^.*\/fix\d+\//, '')}: ${excerpt(after, 1500)}`);
                            }
                        }
                    }
                }
            }
        }), fcParameters(FIX_CASES));
        stats.ms += performance.now() - started;
        expect(stats.actions).toBeGreaterThan(0);
    }, 300_000);
});
