/**
 * The in-process half of `npm run bench`, bundled by bench/run.mjs with esbuild
 * into bench/dist/lib.cjs (the project has no TypeScript runner). It gathers
 * what the runner measures: the generator, the language services, the CLI's
 * workspace loading, the diagram pipeline, dagre, and the geometry of the
 * layout-quality checks.
 */
import '../language/polyfills.cjs';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadWorkspace } from '../cli/workspace.js';
import type { Model, Power } from '../language/generated/ast.js';
import { isDepartment } from '../language/generated/ast.js';
import { SunlightFileSystem } from '../language/node/file-system.js';
import { createSunlightServices } from '../language/sunlight-module.js';
import { DefaultLangiumProfiler, DocumentState, type ProfilingRecord } from 'langium';

export { generateWorkspace, generateFlowWorkspace, mulberry32 } from './generate.js';
export { loadWorkspace, createSunlightServices };

/** Writes a generated workspace to `dir` (emptied first). */
export function writeWorkspace(dir: string, files: Map<string, string>): void {
    fs.rmSync(dir, { recursive: true, force: true });
    for (const [relative, text] of files) {
        const file = path.join(dir, relative);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, text);
    }
}

/** A parser warmed up once; `parse(text)` is Langium's parser alone (lexer + parser + AST), as in the issue. */
export function createParser(): { parse(text: string): { lexerErrors: number; parserErrors: number } } {
    const { Sunlight } = createSunlightServices(EmptyFileSystem);
    const parser = Sunlight.parser.LangiumParser;
    return {
        parse(text: string) {
            const result = parser.parse(text);
            return { lexerErrors: result.lexerErrors.length, parserErrors: result.parserErrors.length };
        }
    };
}

export interface PhaseTimes {
    /** Creating the services (and the parser, on first use). */
    services: number;
    /** Parsing every document (LangiumDocumentFactory.fromString). */
    parse: number;
    indexContent: number;
    computeScopes: number;
    link: number;
    indexReferences: number;
    validate: number;
    total: number;
}

/**
 * The same steps as cli/workspace.ts `loadWorkspace` (in-memory texts), with
 * a timestamp at the end of every build phase, in wall-clock and in CPU time
 * (user + system of the process). For the breakdown only: the headline number
 * calls `loadWorkspace` itself.
 */
export async function instrumentedBuild(texts: ReadonlyArray<{ file: string; text: string }>): Promise<{ wall: PhaseTimes; cpu: PhaseTimes }> {
    const cpuNow = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
    const stamp = () => ({ wall: performance.now(), cpu: cpuNow() });
    const s0 = stamp();
    const services = createSunlightServices(SunlightFileSystem);
    void services.Sunlight.parser.LangiumParser; // force the parser's construction
    const s1 = stamp();
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const documents: LangiumDocument<Model>[] = texts.map(({ file, text }) => factory.fromString<Model>(text, URI.file(file)));
    for (const document of documents) services.shared.workspace.LangiumDocuments.addDocument(document);
    const s2 = stamp();
    const marks = new Map<DocumentState, { wall: number; cpu: number }>();
    const builder = services.shared.workspace.DocumentBuilder;
    for (const state of [DocumentState.IndexedContent, DocumentState.ComputedScopes, DocumentState.Linked, DocumentState.IndexedReferences, DocumentState.Validated]) {
        builder.onBuildPhase(state, () => { marks.set(state, stamp()); });
    }
    await builder.build(documents, { validation: true });
    const s3 = stamp();
    const times = (k: 'wall' | 'cpu'): PhaseTimes => {
        const at = (state: DocumentState) => (marks.get(state) ?? s3)[k];
        return {
            services: s1[k] - s0[k],
            parse: s2[k] - s1[k],
            indexContent: at(DocumentState.IndexedContent) - s2[k],
            computeScopes: at(DocumentState.ComputedScopes) - at(DocumentState.IndexedContent),
            link: at(DocumentState.Linked) - at(DocumentState.ComputedScopes),
            indexReferences: at(DocumentState.IndexedReferences) - at(DocumentState.Linked),
            validate: at(DocumentState.Validated) - at(DocumentState.IndexedReferences),
            total: s3[k] - s0[k]
        };
    };
    return { wall: times('wall'), cpu: times('cpu') };
}

/** Builds an in-memory workspace (no file system) and returns its powers by department. */
export async function buildInMemory(files: Map<string, string>): Promise<{ powers: Power[]; diagnostics: number }> {
    const services = createSunlightServices(EmptyFileSystem);
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const documents = [...files].map(([file, text]) => factory.fromString<Model>(text, URI.file(`/bench/${file}`)));
    for (const document of documents) services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const powers: Power[] = [];
    let diagnostics = 0;
    for (const document of documents) {
        diagnostics += (document.diagnostics ?? []).filter(d => d.severity === 1).length;
        for (const element of document.parseResult.value.elements) if (isDepartment(element)) powers.push(...element.powers);
    }
    return { powers, diagnostics };
}

/** Langium's profiler without its console tables: records are only kept. */
class QuietProfiler extends DefaultLangiumProfiler {
    override createTask(category: Parameters<DefaultLangiumProfiler['createTask']>[0], taskId: string) {
        const log = console.log;
        console.log = () => undefined;
        try { return super.createTask(category, taskId); } finally { console.log = log; }
    }
    /** Copies of the records (the task clears its entries after dumping them). */
    readonly kept: Array<{ category: string; duration: number; entries: Map<string, number[]> }> = [];
    protected override dumpRecord(category: string, record: ProfilingRecord): ProfilingRecord {
        const entries = new Map<string, number[]>();
        for (const key of record.entries.keys()) entries.set(key, [...record.entries.get(key)]);
        this.kept.push({ category, duration: record.duration, entries });
        return record;
    }
}

/**
 * Langium 4.4's profiler over a full build: self time per linked reference
 * (`Type:property`) and per validated node type, summed over all documents.
 * The services are wired like language/sunlight-module.ts
 * `createSunlightServices`, plus the profiler (which can only be injected).
 */
export async function langiumProfile(texts: ReadonlyArray<{ file: string; text: string }>): Promise<Record<string, Array<{ name: string; count: number; ms: number }>>> {
    const profiler = new QuietProfiler(new Set(['linking', 'validating']));
    const { shared } = createSunlightServices(SunlightFileSystem, { profiler });
    const factory = shared.workspace.LangiumDocumentFactory;
    const documents = texts.map(({ file, text }) => factory.fromString<Model>(text, URI.file(file)));
    for (const document of documents) shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const result: Record<string, Array<{ name: string; count: number; ms: number }>> = {};
    for (const category of ['linking', 'validating'] as const) {
        const totals = new Map<string, { count: number; ms: number }>();
        for (const record of profiler.kept.filter(r => r.category === category)) {
            let inner = 0;
            for (const [key, values] of record.entries) {
                const entry = totals.get(key) ?? { count: 0, ms: 0 };
                entry.count += values.length;
                const sum = values.reduce((a, b) => a + b, 0);
                entry.ms += sum;
                inner += sum;
                totals.set(key, entry);
            }
            const own = totals.get('(outside sub-tasks)') ?? { count: 0, ms: 0 };
            own.count++;
            own.ms += record.duration - inner;
            totals.set('(outside sub-tasks)', own);
        }
        result[category] = [...totals].map(([name, v]) => ({ name, ...v })).sort((a, b) => b.ms - a.ms);
    }
    return result;
}
