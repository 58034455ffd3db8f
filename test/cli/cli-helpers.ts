/**
 * Runs the `sunlight` command as a real process (node bin/sunlight.cjs, which
 * loads the esbuild bundle dist/cli.cjs), for the tests in test/cli/.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = path.join(ROOT, 'bin', 'sunlight.cjs');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'cli');
export const SPEC_FIXTURES = path.join(ROOT, 'test', 'fixtures', 'spec');
const BUNDLE = path.join(ROOT, 'dist', 'cli.cjs');

export interface RunResult {
    readonly status: number | null;
    readonly signal: NodeJS.Signals | null;
    readonly stdout: string;
    readonly stderr: string;
}

export interface RunOptions {
    /** Working folder (default: the project root). */
    readonly cwd?: string;
    /** Run as this user id (and the same group id): root reads any file, `nobody` does not. */
    readonly uid?: number;
    /** Extra environment variables; `undefined` removes one. */
    readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * The environment of every run: the locale and colour variables of the
 * machine are removed so that the results do not depend on who runs the tests.
 */
export function environment(extra: RunOptions['env'] = {}): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE', 'FORCE_COLOR', 'NO_COLOR', 'NODE_OPTIONS']) delete env[name];
    env.LANG = 'en_US.UTF-8';
    for (const [name, value] of Object.entries(extra)) {
        if (value === undefined) delete env[name];
        else env[name] = value;
    }
    return env;
}

/** `sunlight ARGS...`, waiting for it to end (20 s at most: a hang is a failure, not a stuck test run). */
export function sunlight(args: readonly string[], options: RunOptions = {}): RunResult {
    ensureBundle();
    const result = spawnSync(process.execPath, [BIN, ...args], {
        cwd: options.cwd ?? ROOT,
        env: environment(options.env),
        encoding: 'utf8',
        timeout: 20_000,
        maxBuffer: 64 * 1024 * 1024,
        ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid })
    });
    if (result.error && (result.error as NodeJS.ErrnoException).code !== 'ETIMEDOUT') throw result.error;
    return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/**
 * `sunlight ARGS...` whose reader closes stdout after the first chunk, as
 * `sunlight check | head -1` does.
 */
export function sunlightIntoClosedPipe(args: readonly string[], options: RunOptions = {}): Promise<RunResult & { firstChunk: string }> {
    ensureBundle();
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: environment(options.env) });
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        let firstChunk = '';
        let stderr = '';
        child.stdout.once('data', (chunk: Buffer) => {
            firstChunk = chunk.toString('utf8');
            child.stdout.destroy();
        });
        child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
        child.on('error', reject);
        child.on('close', (status, signal) => {
            clearTimeout(timer);
            resolve({ status, signal, stdout: firstChunk, stderr, firstChunk });
        });
    });
}

/** One parsed `--format json` report. */
export interface JsonDiagnostic {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: 'error' | 'warning' | 'info' | 'hint';
    code: string;
    message: string;
}
export interface JsonReport {
    files: string[];
    diagnostics: JsonDiagnostic[];
    summary: { files: number; errors: number; warnings: number; infos: number; hints: number };
}

/** `sunlight check --format json ARGS...`, parsed. */
export function checkJson(args: readonly string[], options: RunOptions = {}): RunResult & { report: JsonReport } {
    const result = sunlight(['check', '--format', 'json', ...args], options);
    let report: JsonReport;
    try {
        report = JSON.parse(result.stdout) as JsonReport;
    } catch {
        throw new Error(`not JSON (exit ${result.status}): ${result.stdout.slice(0, 500)}\nstderr: ${result.stderr}`);
    }
    return { ...result, report };
}

/** `file line:column code` of each diagnostic, the compact form the tests compare. */
export function located(report: JsonReport): string[] {
    return report.diagnostics.map(d => `${d.file} ${d.line}:${d.column} ${d.code}`);
}

/** `file line:column-endLine:endColumn severity code` of each diagnostic. */
export function ranged(report: JsonReport): string[] {
    return report.diagnostics.map(d => `${d.file} ${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity} ${d.code}`);
}

/** A fresh temporary folder (removed by the returned function). */
export function tempDir(): { dir: string; remove: () => void } {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sunlight-cli-')));
    return {
        dir,
        remove: () => {
            // chmod 000 leftovers must be readable again to be removed.
            try {
                fs.chmodSync(dir, 0o755);
            } catch { /* already gone */ }
            fs.rmSync(dir, { recursive: true, force: true });
        }
    };
}

/** Copies a fixture folder (or the spec examples) into `target`. */
export function copyFixture(source: string, target: string): void {
    fs.cpSync(source, target, { recursive: true });
}

/** Whether this process can read files whatever their mode (root can). */
export const canReadAnything = typeof process.getuid === 'function' && process.getuid() === 0;

/** Asserts nothing: the shape of a "could not run" failure, as text for a readable test failure. */
export function usageFailure(result: RunResult): { status: number | null; stdout: string; lines: number; stack: boolean; prefixed: boolean } {
    const lines = result.stderr.split('\n');
    return {
        status: result.status,
        stdout: result.stdout,
        // One line, ended by a newline.
        lines: result.stderr.endsWith('\n') ? lines.length - 1 : lines.length,
        stack: /^\s+at .+\(?.*:\d+:\d+\)?$/m.test(result.stderr) || /node:internal|Error: /.test(result.stderr),
        prefixed: result.stderr.startsWith('sunlight: ')
    };
}

let bundleChecked = false;

/**
 * The tests run the real bundle. `npm test` builds it first; when the tests
 * run alone (`npx vitest run test/cli`) it is rebuilt here if it is missing or
 * older than the sources, under a lock because test files run in parallel.
 */
export function ensureBundle(): void {
    if (bundleChecked) return;
    if (isFresh()) {
        bundleChecked = true;
        return;
    }
    fs.mkdirSync(path.dirname(BUNDLE), { recursive: true });
    const lock = path.join(path.dirname(BUNDLE), '.cli-test-bundle.lock');
    const deadline = Date.now() + 120_000;
    for (;;) {
        try {
            fs.mkdirSync(lock);
            break;
        } catch {
            try {
                if (Date.now() - fs.statSync(lock).mtimeMs > 120_000) fs.rmSync(lock, { recursive: true, force: true });
            } catch { /* released meanwhile */ }
            if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
            Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
        }
    }
    try {
        if (!isFresh()) {
            const npm = (script: string, done: () => boolean) => {
                const run = spawnSync('npm', ['run', script], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
                // The bundle script builds other entries after the CLI: only the CLI matters here.
                if (run.status !== 0 && !done()) throw new Error(`npm run ${script} failed:\n${run.stdout}\n${run.stderr}`);
            };
            if (!fs.existsSync(path.join(ROOT, 'language', 'generated', 'ast.ts'))) npm('langium:generate', () => false);
            npm('bundle', isFresh);
        }
    } finally {
        fs.rmSync(lock, { recursive: true, force: true });
    }
    bundleChecked = true;
}

function isFresh(): boolean {
    let built: number;
    try {
        built = fs.statSync(BUNDLE).mtimeMs;
    } catch {
        return false;
    }
    const newest = (directory: string): number => {
        let result = 0;
        for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
            const full = path.join(directory, entry.name);
            if (entry.isDirectory()) result = Math.max(result, newest(full));
            else if (/\.(ts|cjs|mjs|js|json)$/.test(entry.name)) result = Math.max(result, fs.statSync(full).mtimeMs);
        }
        return result;
    };
    return ['cli', 'language'].every(folder => !fs.existsSync(path.join(ROOT, folder)) || newest(path.join(ROOT, folder)) <= built);
}

/** util-linux `script`, to run the CLI on a pseudo-terminal (absent on some machines). */
export const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

/** `sunlight ARGS...` with stdout on a pseudo-terminal, through `script`. */
export function sunlightOnTerminal(args: readonly string[], options: RunOptions = {}): RunResult {
    ensureBundle();
    const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;
    const command = [process.execPath, BIN, ...args].map(quote).join(' ');
    const result = spawnSync('script', ['-qec', command, '/dev/null'], {
        cwd: options.cwd ?? ROOT, env: environment(options.env), encoding: 'utf8', timeout: 20_000
    });
    return { status: result.status, signal: result.signal, stdout: result.stdout.replace(/\r\n/g, '\n'), stderr: result.stderr };
}
