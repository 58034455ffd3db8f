import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type { Diagnostic } from 'vscode-languageserver-types';
import { isRuleCode } from '../../language/rules.js';

/**
 * Shared pieces of the robustness tests (test/robustness/README.md):
 * seeds and case counts, the example workspace, random edits ("mutations")
 * of a text, range checks, and running the bundled CLI under a network guard.
 */

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = path.join(ROOT, 'bin', 'sunlight.cjs');
export const NO_NETWORK = path.join(ROOT, 'test', 'robustness', 'no-network.cjs');

// ---------------------------------------------------------------- seeds and case counts

/**
 * The seed of this run: `SUNLIGHT_SEED` when given (to replay a failure),
 * otherwise a fresh one. Every failure message carries it.
 */
export const SEED: number = (() => {
    const given = process.env.SUNLIGHT_SEED;
    if (given !== undefined && given !== '') {
        const value = Number(given);
        if (!Number.isInteger(value)) throw new Error(`SUNLIGHT_SEED must be an integer, not '${given}'`);
        return value | 0;
    }
    return (Date.now() ^ (process.pid << 16)) | 0;
})();

/**
 * Number of cases for a property: `SUNLIGHT_CASES` (absolute, for every
 * property) when given, otherwise the default chosen to fit CI's time.
 */
export function cases(defaultCount: number): number {
    const given = process.env.SUNLIGHT_CASES;
    if (given === undefined || given === '') return defaultCount;
    const value = Number(given);
    if (!Number.isInteger(value) || value <= 0) throw new Error(`SUNLIGHT_CASES must be a positive integer, not '${given}'`);
    return value;
}

/** fast-check parameters: the run's seed, the case count, and a reproduction hint in every failure. */
export function fcParameters<T>(defaultCount: number, extra: fc.Parameters<T> = {}): fc.Parameters<T> {
    return { seed: SEED, numRuns: cases(defaultCount), endOnFailure: false, ...extra };
}

/** Runs `fc.assert`; a failure's message starts with how to replay it. */
export async function assertProperty<T>(name: string, property: fc.IAsyncPropertyWithHooks<T> | fc.IPropertyWithHooks<T>, parameters: fc.Parameters<T>): Promise<void> {
    try {
        await fc.assert(property as fc.IAsyncProperty<T>, parameters);
    } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(`${name} failed; replay with SUNLIGHT_SEED=${SEED}` + (parameters.numRuns ? ` SUNLIGHT_CASES=${parameters.numRuns}` : '') + `\n${message}`, { cause: error });
    }
}

/** A small deterministic PRNG (mulberry32) for the protocol-level tests, seeded from SEED. */
export function random(seed = SEED): { next(): number; int(max: number): number; pick<T>(items: readonly T[]): T; chance(p: number): boolean } {
    let state = seed >>> 0;
    const next = () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    return {
        next,
        int: max => Math.floor(next() * max),
        pick: items => items[Math.floor(next() * items.length)],
        chance: p => next() < p
    };
}

/** Wraps a test body so that any failure names the seed to replay it with. */
export async function withSeed<T>(name: string, body: () => Promise<T>): Promise<T> {
    try {
        return await body();
    } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(`${name} failed; replay with SUNLIGHT_SEED=${SEED}\n${message}`, { cause: error });
    }
}

// ---------------------------------------------------------------- the example workspace

/** Every `.sun` file of examples/, as `relative/path.sun` → text, in a stable order. */
export function exampleFiles(): Record<string, string> {
    const dir = path.join(ROOT, 'examples');
    const out: Record<string, string> = {};
    const walk = (folder: string) => {
        for (const entry of readdirSync(folder).sort()) {
            const full = path.join(folder, entry);
            if (statSync(full).isDirectory()) walk(full);
            else if (entry.endsWith('.sun')) out[path.relative(dir, full).split(path.sep).join('/')] = readFileSync(full, 'utf8');
        }
    };
    walk(dir);
    return out;
}

/** The grammar's keywords, read from grammar/sunlight.langium. */
export function keywords(): string[] {
    const grammar = readFileSync(path.join(ROOT, 'grammar', 'sunlight.langium'), 'utf8')
        .replace(/\/\/[^\n]*/g, '')
        .replace(/terminal[^;]*;/g, '');
    return [...new Set([...grammar.matchAll(/'([^']+)'/g)].map(match => match[1]))].sort();
}

/** Identifiers written in the examples (to paste existing names, make duplicates, and so on). */
export function exampleNames(): string[] {
    const keywordSet = new Set(keywords());
    const names = new Set<string>();
    for (const text of Object.values(exampleFiles())) {
        const withoutStrings = text.replace(/"(\\["\\]|[^"\\\r\n])*"/g, ' ').replace(/\/\/[^\n]*/g, ' ');
        for (const match of withoutStrings.matchAll(/[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}]*/gu)) {
            if (!keywordSet.has(match[0])) names.add(match[0]);
        }
    }
    return [...names].sort();
}

// ---------------------------------------------------------------- mutations

export type Mutation =
    | { readonly kind: 'delete'; readonly at: number; readonly length: number }
    | { readonly kind: 'duplicate'; readonly at: number; readonly length: number; readonly to: number }
    | { readonly kind: 'insert'; readonly at: number; readonly text: string }
    | { readonly kind: 'replace'; readonly at: number; readonly length: number; readonly text: string }
    | { readonly kind: 'truncate'; readonly at: number }
    | { readonly kind: 'deleteLines'; readonly line: number; readonly count: number }
    | { readonly kind: 'duplicateLines'; readonly line: number; readonly count: number };

/** A mutation as one replacement of `text.slice(start, end)` by `newText` (what an editor sends). */
export function editFor(text: string, mutation: Mutation): { start: number; end: number; newText: string } {
    const pos = (n: number) => n % (text.length + 1);
    switch (mutation.kind) {
        case 'delete': {
            const at = pos(mutation.at);
            return { start: at, end: Math.min(text.length, at + mutation.length), newText: '' };
        }
        case 'duplicate': {
            const at = pos(mutation.at);
            const to = pos(mutation.to);
            return { start: to, end: to, newText: text.slice(at, at + mutation.length) };
        }
        case 'insert': {
            const at = pos(mutation.at);
            return { start: at, end: at, newText: mutation.text };
        }
        case 'replace': {
            const at = pos(mutation.at);
            return { start: at, end: Math.min(text.length, at + mutation.length), newText: mutation.text };
        }
        case 'truncate':
            return { start: pos(mutation.at), end: text.length, newText: '' };
        case 'deleteLines':
        case 'duplicateLines': {
            const starts = [0];
            for (const match of text.matchAll(/\n/g)) starts.push(match.index! + 1);
            if (starts[starts.length - 1] === text.length && starts.length > 1) starts.pop();
            const line = mutation.line % starts.length;
            const start = starts[line];
            const end = starts[line + mutation.count] ?? text.length;
            return mutation.kind === 'deleteLines' ? { start, end, newText: '' } : { start, end: start, newText: text.slice(start, end) };
        }
    }
}

/** Applies a mutation; positions are taken modulo the text's length, so any numbers fit any text. */
export function applyMutation(text: string, mutation: Mutation): string {
    const { start, end, newText } = editFor(text, mutation);
    return text.slice(0, start) + newText + text.slice(end);
}

const CJK = [...'财务处会计出纳院长审批报销流程风险廉政登记表部门职权制度监督采购招生学生资产基建人事干部考核任免'];
const WORD_PASTE = [
    '\u201C', '\u201D', '\u2018', '\u2019', '\uFF5B', '\uFF5D', '\uFF08', '\uFF09', '\uFF0C', '\uFF1A', '\u3001', '\u3002',
    '\u00A0', '\u200B', '\u200D', '\uFEFF', '\u3000', '\u00AD', '\u2022', '\u2014', '\u2026', '\u2028', '\u2029', '\t', '\f', '\v'
];
const HOSTILE_CHARACTERS = ['\u0000', '\uD800', '\uDC00', '\uDBFF\uDFFF', '\u{1F600}', '\u{20BB7}', 'e\u0301', '\u202E', '\uFFFD', '\uFFFF', '\u0085', '\\', '\u001B'];
const PUNCTUATION = ['{', '}', '->', '-', '>', ',', '.', '"', '\\"', '"', '//', '/*', '*/', '\n', '\r\n', '\r', ' ', '  ', '\n    ', '=', ';', ':', '(', ')', '[', ']', '<', '&'];
const VALUES = ['0', '1', '12', '2012-10-25', '2012-13-45', '0000-00-00', '99999999999999999999', '-1', '1.5', '3 workdays', '1 hour', 'end', '-> end', '-> 付款', '""', '"未闭合', '"a\\"b"', '"\\\\"'];

/** One piece of text a user might type or paste. */
export function fragmentArbitrary(names: readonly string[], lines: readonly string[]): fc.Arbitrary<string> {
    const keywordList = keywords();
    return fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...keywordList).map(k => fcSpace(k)) },
        { weight: 3, arbitrary: fc.constantFrom(...keywordList) },
        { weight: 6, arbitrary: fc.constantFrom(...PUNCTUATION) },
        { weight: 5, arbitrary: fc.constantFrom(...names) },
        { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom(...CJK), minLength: 1, maxLength: 8 }) },
        { weight: 3, arbitrary: fc.constantFrom(...WORD_PASTE) },
        { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_CHARACTERS) },
        { weight: 3, arbitrary: fc.constantFrom(...VALUES) },
        { weight: 3, arbitrary: fc.constantFrom(...lines) },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
        { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) }
    );
}

function fcSpace(keyword: string): string {
    return ` ${keyword} `;
}

/** Random edits of a text of about `size` characters: small ones mostly, large ones sometimes. */
export function mutationArbitrary(size: number, names: readonly string[], lines: readonly string[]): fc.Arbitrary<Mutation> {
    const at = fc.nat({ max: size + 1 });
    const span = fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 1, max: 12 }) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 200 }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: size }) });
    const typed = fc.array(fragmentArbitrary(names, lines), { minLength: 1, maxLength: 6 }).map(parts => parts.join(''));
    return fc.oneof(
        { weight: 4, arbitrary: fc.record({ kind: fc.constant('delete' as const), at, length: span }) },
        { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), at, length: span, to: at }) },
        { weight: 6, arbitrary: fc.record({ kind: fc.constant('insert' as const), at, text: typed }) },
        { weight: 3, arbitrary: fc.record({ kind: fc.constant('replace' as const), at, length: span, text: typed }) },
        { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at }) },
        { weight: 2, arbitrary: fc.record({ kind: fc.constant('deleteLines' as const), line: fc.nat({ max: 400 }), count: fc.integer({ min: 1, max: 8 }) }) },
        { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicateLines' as const), line: fc.nat({ max: 400 }), count: fc.integer({ min: 1, max: 8 }) }) }
    );
}

/** Every line of every example file (pasting a line from elsewhere is a common edit). */
export function exampleLines(): string[] {
    return [...new Set(Object.values(exampleFiles()).flatMap(text => text.split(/\r?\n/)).filter(line => line.trim() !== ''))].sort();
}

// ---------------------------------------------------------------- ranges and diagnostics

/** The length (UTF-16) of each line, splitting as LSP does (`\r\n`, `\r`, `\n`). */
export function lineLengths(text: string): number[] {
    return text.split(/\r\n|\r|\n/).map(line => line.length);
}

/** Why a range does not lie inside the text, or undefined when it does. */
export function rangeProblem(range: { start: { line: number; character: number }; end: { line: number; character: number } } | undefined, lengths: readonly number[]): string | undefined {
    if (!range) return 'no range';
    for (const [name, p] of [['start', range.start], ['end', range.end]] as const) {
        if (!p || !Number.isInteger(p.line) || !Number.isInteger(p.character)) return `${name} is not a pair of integers: ${JSON.stringify(p)}`;
        if (p.line < 0 || p.line >= lengths.length) return `${name} line ${p.line} outside 0..${lengths.length - 1}`;
        if (p.character < 0 || p.character > lengths[p.line]) return `${name} character ${p.character} outside 0..${lengths[p.line]} on line ${p.line}`;
    }
    if (range.start.line > range.end.line || (range.start.line === range.end.line && range.start.character > range.end.character)) {
        return `start after end: ${JSON.stringify(range)}`;
    }
    return undefined;
}

/** Problems with a document's diagnostics: ranges outside the text, missing or unknown codes, crashes reported as diagnostics. */
export function diagnosticProblems(text: string, diagnostics: readonly Diagnostic[]): string[] {
    const lengths = lineLengths(text);
    const problems: string[] = [];
    for (const d of diagnostics) {
        const where = rangeProblem(d.range, lengths);
        if (where) problems.push(`${String(d.code)} '${d.message}': ${where}`);
        if (!isRuleCode(d.code)) problems.push(`diagnostic without a rule code: ${JSON.stringify(d.code)} '${d.message}'`);
        if (/An error occurred/.test(String(d.message))) problems.push(`an exception reported as a diagnostic: '${d.message}'`);
        if (typeof d.message !== 'string' || d.message.trim() === '') problems.push(`empty message for ${String(d.code)}`);
    }
    return problems;
}

/** A diagnostic in comparable form (no URIs, which differ between workspaces). */
export function comparable(d: Diagnostic): string {
    const r = d.range;
    return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${d.severity} ${String(d.code)} ${d.message}` +
        (d.relatedInformation?.length ? ` [${d.relatedInformation.map(i => `${i.location.uri.replace(/^.*\//, '')}@${i.location.range.start.line}:${i.location.range.start.character} ${i.message}`).join('; ')}]` : '');
}

export function comparableAll(diagnostics: readonly Diagnostic[] | undefined): string[] {
    return (diagnostics ?? []).map(comparable).sort();
}

/** Shortens a text for a failure message. */
export function excerpt(text: string, max = 400): string {
    const json = JSON.stringify(text);
    return json.length <= max ? json : `${json.slice(0, max)}… (${text.length} characters)`;
}

// ---------------------------------------------------------------- the bundled CLI

function newest(dir: string): number {
    if (!existsSync(dir)) return 0;
    return Math.max(0, ...readdirSync(dir).map(name => {
        const file = path.join(dir, name);
        const stat = statSync(file);
        return stat.isDirectory() ? (name === 'generated' ? 0 : newest(file)) : stat.mtimeMs;
    }));
}

/**
 * Makes sure dist/cli.cjs is built and newer than the sources (`npm test`
 * builds first; a test run alone rebuilds a stale bundle). A lock folder
 * keeps two test files from bundling at once.
 */
export function ensureBundle(): void {
    const bundles = ['cli.cjs', 'server.cjs'].map(name => path.join(ROOT, 'dist', name));
    const sources = Math.max(newest(path.join(ROOT, 'language')), newest(path.join(ROOT, 'cli')));
    const fresh = () => bundles.every(file => existsSync(file) && statSync(file).mtimeMs >= sources);
    if (fresh()) return;
    const lock = path.join(ROOT, 'dist', '.robustness-bundle-lock');
    mkdirSync(path.dirname(lock), { recursive: true });
    const deadline = Date.now() + 120_000;
    for (;;) {
        try {
            mkdirSync(lock);
            break;
        } catch {
            if (Date.now() > deadline) throw new Error(`bundle lock ${lock} held for two minutes`);
            Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
            if (fresh()) return;
        }
    }
    try {
        if (!existsSync(path.join(ROOT, 'language', 'generated', 'ast.ts'))) {
            execFileSync(process.execPath, ['-r', './language/polyfills.cjs', 'node_modules/langium-cli/bin/langium.js', 'generate'], { cwd: ROOT, stdio: 'pipe' });
        }
        execFileSync(process.execPath, ['scripts/bundle.mjs'], { cwd: ROOT, stdio: 'pipe' });
    } finally {
        rmSync(lock, { recursive: true, force: true });
    }
}

export interface CliResult {
    readonly code: number | null;
    readonly signal: NodeJS.Signals | null;
    readonly stdout: string;
    readonly stderr: string;
    readonly ms: number;
    readonly timedOut: boolean;
}

/**
 * Runs `node bin/sunlight.cjs ARGS` with the network guard preloaded
 * (through NODE_OPTIONS, so any Node child process it starts is guarded too);
 * `netLog` is the file where attempts are recorded.
 */
export function runCli(args: readonly string[], options: { cwd: string; timeoutMs?: number; netLog?: string; uid?: number; gid?: number; env?: NodeJS.ProcessEnv; fileSizeLimitKiB?: number }): Promise<CliResult> {
    const started = performance.now();
    // A file-size limit (bash's `ulimit -f`, in KiB) makes writes fail with EFBIG past it, as a full disk does.
    const [command, commandArgs] = options.fileSizeLimitKiB === undefined ? [process.execPath, [CLI, ...args]]
        : ['bash', ['-c', `ulimit -f ${options.fileSizeLimitKiB} && exec "$0" "$@"`, process.execPath, CLI, ...args]];
    return new Promise((resolve, reject) => {
        const child = spawn(command, commandArgs, {
            cwd: options.cwd,
            env: {
                ...process.env,
                NODE_OPTIONS: `--require ${JSON.stringify(NO_NETWORK)}`,
                ...(options.netLog ? { SUNLIGHT_NET_LOG: options.netLog } : {}),
                NO_COLOR: '1',
                ...options.env
            },
            stdio: ['ignore', 'pipe', 'pipe'],
            ...(options.uid !== undefined ? { uid: options.uid, gid: options.gid } : {})
        });
        let stdout = '';
        let stderr = '';
        let timedOut = false;
        child.stdout!.on('data', chunk => { stdout += String(chunk); });
        child.stderr!.on('data', chunk => { stderr += String(chunk); });
        const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, options.timeoutMs ?? 60_000);
        child.on('error', reject);
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            resolve({ code, signal, stdout, stderr, ms: performance.now() - started, timedOut });
        });
    });
}

/** Lines of a stack trace (`    at f (file:1:2)`), which the CLI must never print. */
export function stackTraceLines(text: string): string[] {
    return text.split('\n').filter(line => /^\s+at\s/.test(line));
}
