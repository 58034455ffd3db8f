import fc from 'fast-check';
import { DocumentState, TextDocument, URI, type LangiumDocument } from 'langium';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { createTestServices } from '../helpers.js';
import {
    applyMutation, assertProperty, comparableAll, diagnosticProblems, exampleFiles, exampleLines, exampleNames, excerpt, fcParameters,
    cases, mutationArbitrary, SEED, type Mutation
} from './support.js';

/**
 * The parser, linker and validators under random edits of every example file
 * (test/robustness/README.md). For each case a file is edited one to three
 * times in a workspace that lives across all cases, updated in place after
 * every edit as the language server does (`DocumentBuilder.update`); after
 * each edit building must not throw, and every diagnostic must have a rule
 * code and a range inside its document. The diagnostics after the last edit
 * must equal those of the same texts built fresh (new documents).
 *
 * Most cases' workspace is the edited file with the files it depends on
 * (bases.sun and college.sun; an edited bases.sun or college.sun is built with
 * the other one and departments/finance.sun, which uses both): small, so that
 * thousands of cases fit in CI's time. Fewer cases edit one file of the whole
 * example workspace, where departments reference each other's staff.
 */

const FILES = exampleFiles();
const NAMES = Object.keys(FILES);
const SHARED = ['bases.sun', 'college.sun'];
const PARTNER = 'departments/finance.sun';
const LINES = exampleLines();
const IDENTIFIERS = exampleNames();
/** Cases of the small workspaces (the edited file and what it depends on), and of the whole example workspace. */
const CASES = 1500;
const FULL_CASES = 500;

function workspaceOf(target: string): string[] {
    return SHARED.includes(target) ? [...SHARED, PARTNER] : [...SHARED, target];
}

function wholeWorkspace(): string[] {
    return NAMES;
}

type Services = ReturnType<typeof createTestServices>;

/** A workspace kept across cases and updated in place, as the language server keeps its own. */
class LiveWorkspace {
    readonly services: Services = createTestServices();
    private version = 1;
    readonly uris: URI[];

    private constructor(readonly names: readonly string[]) {
        this.uris = names.map(name => URI.file(`/live/${name}`));
    }

    static async open(names: readonly string[]): Promise<LiveWorkspace> {
        const live = new LiveWorkspace(names);
        const { workspace } = live.services.shared;
        names.forEach((name, i) => workspace.TextDocuments!.set(TextDocument.create(live.uris[i].toString(), 'sunlight', 0, FILES[name])));
        await workspace.DocumentBuilder.update(live.uris, []);
        return live;
    }

    async edit(name: string, text: string): Promise<void> {
        const uri = this.uris[this.names.indexOf(name)];
        const { workspace } = this.services.shared;
        workspace.TextDocuments!.set(TextDocument.create(uri.toString(), 'sunlight', ++this.version, text));
        await workspace.DocumentBuilder.update([uri], []);
    }

    documents(): LangiumDocument[] {
        return this.uris.map(uri => this.services.shared.workspace.LangiumDocuments.getDocument(uri)!);
    }
}

/** Builds texts as new documents in a workspace of their own (the documents of the previous build are removed first). */
class FreshBuilder {
    private services: Services = createTestServices();
    private builds = 0;

    async build(texts: Record<string, string>): Promise<Record<string, LangiumDocument>> {
        // New services now and then, so that nothing can carry over for long.
        if (++this.builds % 200 === 0) this.services = createTestServices();
        const { workspace } = this.services.shared;
        const existing = workspace.LangiumDocuments.all.map(document => document.uri).toArray();
        if (existing.length > 0) await workspace.DocumentBuilder.update([], existing);
        const documents = Object.entries(texts).map(([name, text]) => workspace.LangiumDocumentFactory.fromString(text, URI.file(`/live/${name}`)));
        for (const document of documents) workspace.LangiumDocuments.addDocument(document);
        await workspace.DocumentBuilder.build(documents, { validation: true });
        return Object.fromEntries(Object.keys(texts).map((name, i) => [name, documents[i]]));
    }
}

const stats = { cases: 0, builds: 0, diagnostics: 0, syntaxErrors: 0, ms: 0, full: 0 };

afterAll(() => {
    console.log(`[robustness] mutation: ${stats.cases} cases (${stats.full} of them in the whole example workspace), ${stats.builds} incremental builds checked against ${stats.cases} fresh builds, ` +
        `${stats.diagnostics} diagnostics (${stats.syntaxErrors} syntax errors), ${(stats.ms / 1000).toFixed(1)} s, seed ${SEED}`);
});

/** The property: random edits, incremental builds checked after each edit, and the last one compared with a fresh build. */
async function mutationProperty(name: string, workspaceFor: (target: string) => string[], count: number): Promise<void> {
    const started = performance.now();
    const errors = vi.spyOn(console, 'error');
    const warnings = vi.spyOn(console, 'warn');
    const live = new Map<string, LiveWorkspace>();
    const fresh = new FreshBuilder();
    const longest = Math.max(...Object.values(FILES).map(text => text.length));
    const arbitrary = fc.record({
        target: fc.constantFrom(...NAMES),
        edits: fc.array(mutationArbitrary(longest, IDENTIFIERS, LINES), { minLength: 1, maxLength: 3 })
    });
    const logged = (when: string) => {
        const calls = [...errors.mock.calls, ...warnings.mock.calls];
        if (calls.length > 0) throw new Error(`logged while ${when}: ${calls.map(args => args.map(String).join(' ')).join('\n')}`);
    };
    try {
        await assertProperty(name, fc.asyncProperty(arbitrary, async ({ target, edits }: { target: string; edits: Mutation[] }) => {
            const names = workspaceFor(target);
            const key = names.join('|');
            let workspace = live.get(key);
            if (!workspace) live.set(key, workspace = await LiveWorkspace.open(names));
            stats.cases++;
            if (names.length === NAMES.length) stats.full++;
            errors.mockClear();
            warnings.mockClear();

            // Files of the workspace that an earlier case edited go back to their text (an incremental update too).
            for (const [i, document] of workspace.documents().entries()) {
                const other = names[i];
                if (other !== target && document.textDocument.getText() !== FILES[other]) await workspace.edit(other, FILES[other]);
            }
            let text = FILES[target];
            for (const edit of edits) {
                text = applyMutation(text, edit);
                await workspace.edit(target, text);
                stats.builds++;
                if (workspace.documents()[names.indexOf(target)].textDocument.getText() !== text) throw new Error('the live document does not hold the edited text');
                for (const document of workspace.documents()) {
                    const problems = diagnosticProblems(document.textDocument.getText(), document.diagnostics ?? []);
                    if (document.state !== DocumentState.Validated) problems.push(`state ${DocumentState[document.state]} after the build`);
                    if (problems.length > 0) throw new Error(`${document.uri.path}: ${problems.join('\n')}\ntext: ${excerpt(document.textDocument.getText())}`);
                    for (const reference of document.references) {
                        if (reference.error && /An error occurred/.test(reference.error.message)) throw new Error(`linker exception: ${reference.error.message}`);
                    }
                }
                logged('building');
            }

            const texts = Object.fromEntries(names.map(other => [other, other === target ? text : FILES[other]]));
            const reference = await fresh.build(texts);
            logged('building fresh');
            for (const [i, document] of workspace.documents().entries()) {
                const other = names[i];
                const incremental = comparableAll(document.diagnostics);
                const expected = comparableAll(reference[other].diagnostics);
                stats.diagnostics += incremental.length;
                stats.syntaxErrors += (document.diagnostics ?? []).filter(d => d.code === 'syntax-error').length;
                if (JSON.stringify(incremental) !== JSON.stringify(expected)) {
                    throw new Error(`${other}: incremental build differs from a fresh build\nincremental: ${JSON.stringify(incremental, null, 1)}\nfresh: ${JSON.stringify(expected, null, 1)}\n${target}: ${excerpt(text)}`);
                }
            }
        }), fcParameters(count));
    } finally {
        errors.mockRestore();
        warnings.mockRestore();
        stats.ms += performance.now() - started;
    }
}

describe('parser, linker and validators under mutation', () => {
    test('the examples build clean, and the property holds for them unedited', async () => {
        const live = await LiveWorkspace.open(wholeWorkspace());
        for (const document of live.documents()) {
            expect(document.state).toBe(DocumentState.Validated);
            expect(diagnosticProblems(document.textDocument.getText(), document.diagnostics ?? [])).toEqual([]);
            expect(document.diagnostics).toEqual([]);
        }
    });

    test(`random edits of every example file: no throw, ranges inside, incremental = fresh (${cases(CASES)} cases)`, async () => {
        await mutationProperty('mutation', workspaceOf, CASES);
    }, 600_000);

    test(`the same in the whole example workspace (${cases(FULL_CASES)} cases)`, async () => {
        await mutationProperty('mutation (whole workspace)', wholeWorkspace, FULL_CASES);
    }, 600_000);
});
