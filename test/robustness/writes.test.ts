import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AtomicWriteError, nodeWriteSystem, writeFileAtomic, type WriteSystem } from '../../cli/atomic-write.js';
import { ensureBundle, exampleFiles, runCli, stackTraceLines, type CliResult } from './support.js';

/**
 * Writes (test/robustness/README.md): no export follows a symbolic link inside
 * `--out` (a file or a folder named like an output is refused, exit 2, naming
 * it, and nothing outside is touched), and a write that fails half-way (a full
 * disk, simulated by a file-size limit: `ulimit -f`, EFBIG) leaves every file
 * either as it was or completely written, never truncated, with no temporary
 * file left behind — for `fmt` and for every export.
 */

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sunlight-writes-'));
const workspace = path.join(work, 'workspace');
const TIMEOUT = 180_000;

const EXPORTS: Record<string, string[]> = {
    catalog: ['export', 'catalog', 'workspace', '--format', 'all'],
    registers: ['export', 'registers', 'workspace', '--format', 'html,xlsx'],
    report: ['export', 'report', 'workspace'],
    flowchart: ['export', 'flowchart', 'workspace', '--format', 'svg']
};

beforeAll(() => {
    ensureBundle();
    // A small part of the example college (each export runs three times per case).
    const files = exampleFiles();
    for (const file of ['college.sun', 'bases.sun', 'departments/admissions.sun']) {
        const text = files[file];
        fs.mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
        fs.writeFileSync(path.join(workspace, file), text);
    }
}, TIMEOUT);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** Every file under `dir`, relative, with its bytes. */
function tree(dir: string): Map<string, Buffer> {
    const files = new Map<string, Buffer>();
    const walk = (folder: string) => {
        for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
            const full = path.join(folder, entry.name);
            if (entry.isDirectory()) walk(full);
            else files.set(path.relative(dir, full), fs.readFileSync(full));
        }
    };
    if (fs.existsSync(dir)) walk(dir);
    return files;
}

function expectOneLineRefusal(result: CliResult): void {
    expect(result.timedOut).toBe(false);
    expect(result.code, result.stderr).toBe(2);
    expect(stackTraceLines(result.stderr)).toEqual([]);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
}

const references = new Map<string, Promise<Map<string, Buffer>>>();

/** What an export writes into an empty folder (`lang` en or zh); made once, shared by the tests running side by side. */
function reference(kind: string, lang: 'en' | 'zh'): Promise<Map<string, Buffer>> {
    const key = `${kind}-${lang}`;
    if (!references.has(key)) {
        const out = path.join(work, `reference-${key}`);
        references.set(key, runCli([...EXPORTS[kind], '--lang', lang, '--out', out], { cwd: work, timeoutMs: TIMEOUT, env: { SOURCE_DATE_EPOCH: '1767225600' } }).then(result => {
            expect(result.code, result.stderr).toBe(0);
            return tree(out);
        }));
    }
    return references.get(key)!;
}

// The CLI runs wait on child processes: side by side they use both cores.
describe.concurrent('no export follows a symbolic link inside --out', () => {
    for (const kind of Object.keys(EXPORTS)) {
        test(`export ${kind}: a link named like an output file or folder is refused, naming it`, async () => {
            const files = [...(await reference(kind, 'zh')).keys()].sort();
            const topFile = files.find(file => !file.includes(path.sep))!;
            const topFolder = files.find(file => file.includes(path.sep))?.split(path.sep)[0];
            const cases: Array<[name: string, makeVictim: (at: string) => void]> = [[topFile, at => fs.writeFileSync(at, 'not to be overwritten')]];
            if (topFolder) cases.push([topFolder, at => fs.mkdirSync(at)]);
            for (const [name, makeVictim] of cases) {
                const dir = path.join(work, `link-${kind}-${cases.findIndex(c => c[0] === name)}`);
                const out = path.join(dir, 'out');
                const victim = path.join(dir, 'victim');
                fs.mkdirSync(out, { recursive: true });
                makeVictim(victim);
                fs.symlinkSync(victim, path.join(out, name));
                const result = await runCli([...EXPORTS[kind], '--out', out], { cwd: work, timeoutMs: TIMEOUT });
                expectOneLineRefusal(result);
                expect(result.stderr).toContain(name);
                // Nothing written: neither through the link nor beside it.
                expect(fs.lstatSync(path.join(out, name)).isSymbolicLink()).toBe(true);
                expect(fs.readdirSync(out)).toEqual([name]);
                if (fs.statSync(victim).isDirectory()) expect(fs.readdirSync(victim)).toEqual([]);
                else expect(fs.readFileSync(victim, 'utf8')).toBe('not to be overwritten');
            }
        }, TIMEOUT);
    }
});

describe.concurrent('a write that fails half-way loses nothing', () => {
    test('fmt on a full disk leaves the file as it was and says so', async () => {
        const dir = path.join(work, 'fmt-full');
        fs.mkdirSync(dir);
        // A department without indentation, many times over: formatting makes it bigger than the limit.
        const text = FILES_UNINDENTED().repeat(12);
        const file = path.join(dir, 'big.sun');
        fs.writeFileSync(file, text);
        expect(Buffer.byteLength(text)).toBeGreaterThan(40 * 1024);
        const result = await runCli(['fmt', 'big.sun'], { cwd: dir, timeoutMs: TIMEOUT, fileSizeLimitKiB: 32 });
        expectOneLineRefusal(result);
        expect(result.stderr).toContain('big.sun');
        expect(result.stderr).toContain('EFBIG');
        expect(fs.readFileSync(file, 'utf8')).toBe(text);
        expect(fs.readdirSync(dir)).toEqual(['big.sun']);
        // Without the limit the same command formats the file.
        const free = await runCli(['fmt', 'big.sun'], { cwd: dir, timeoutMs: TIMEOUT });
        expect(free.code, free.stderr).toBe(0);
        expect(fs.readFileSync(file, 'utf8')).not.toBe(text);
        expect(fs.readdirSync(dir)).toEqual(['big.sun']);
    }, TIMEOUT);

    test('fmt through a symbolic link rewrites the file it points to and keeps the link', async () => {
        const dir = path.join(work, 'fmt-link');
        fs.mkdirSync(path.join(dir, 'real'), { recursive: true });
        const target = path.join(dir, 'real', 'a.sun');
        fs.writeFileSync(target, FILES_UNINDENTED());
        fs.chmodSync(target, 0o640);
        fs.symlinkSync(target, path.join(dir, 'link.sun'));
        const result = await runCli(['fmt', 'link.sun'], { cwd: dir, timeoutMs: TIMEOUT });
        expect(result.code, result.stderr).toBe(0);
        expect(fs.lstatSync(path.join(dir, 'link.sun')).isSymbolicLink()).toBe(true);
        expect(fs.readFileSync(target, 'utf8')).not.toBe(FILES_UNINDENTED());
        expect(fs.statSync(target).mode & 0o777).toBe(0o640);
    }, TIMEOUT);

    for (const kind of Object.keys(EXPORTS)) {
        test(`export ${kind} on a full disk: every file is the old one or the whole new one`, async () => {
            const old = await reference(kind, 'en');
            const fresh = await reference(kind, 'zh');
            const out = path.join(work, `full-${kind}`);
            for (const [file, bytes] of old) {
                fs.mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
                fs.writeFileSync(path.join(out, file), bytes);
            }
            const biggest = Math.max(...[...fresh.values()].map(bytes => bytes.length));
            const limitKiB = Math.max(1, Math.floor(biggest / 1024 / 2));
            const result = await runCli([...EXPORTS[kind], '--out', out], { cwd: work, timeoutMs: TIMEOUT, fileSizeLimitKiB: limitKiB, env: { SOURCE_DATE_EPOCH: '1767225600' } });
            expectOneLineRefusal(result);
            expect(result.stderr).toContain('EFBIG');
            const after = tree(out);
            for (const [file, bytes] of after) {
                const whole = (old.get(file)?.equals(bytes) ?? false) || (fresh.get(file)?.equals(bytes) ?? false);
                expect(whole, `${file} is neither the old nor the new version (${bytes.length} bytes)`).toBe(true);
            }
            expect([...after.keys()].filter(file => !old.has(file) && !fresh.has(file))).toEqual([]);
        }, TIMEOUT);
    }
});

describe('writeFileAtomic', () => {
    const failing = (at: keyof WriteSystem): WriteSystem => ({
        ...nodeWriteSystem,
        [at]: () => { throw Object.assign(new Error(`${at} failed`), { code: 'ENOSPC' }); }
    });

    for (const at of ['writeSync', 'fsyncSync', 'renameSync'] as const) {
        test(`a failing ${at} leaves the original untouched and no temporary file`, () => {
            const dir = fs.mkdtempSync(path.join(work, 'unit-'));
            const target = path.join(dir, 'file.txt');
            fs.writeFileSync(target, 'original');
            let caught: unknown;
            try {
                writeFileAtomic(target, 'replacement', failing(at));
            } catch (error) {
                caught = error;
            }
            expect(caught).toBeInstanceOf(AtomicWriteError);
            expect((caught as AtomicWriteError).reason).toBe('ENOSPC');
            expect((caught as AtomicWriteError).originalKept).toBe(true);
            expect(fs.readFileSync(target, 'utf8')).toBe('original');
            expect(fs.readdirSync(dir)).toEqual(['file.txt']);
        });
    }

    test('replaces the file, keeping its permission bits, and writes a new one', () => {
        const dir = fs.mkdtempSync(path.join(work, 'unit-'));
        const target = path.join(dir, 'file.txt');
        fs.writeFileSync(target, 'original');
        fs.chmodSync(target, 0o600);
        writeFileAtomic(target, 'replacement');
        expect(fs.readFileSync(target, 'utf8')).toBe('replacement');
        expect(fs.statSync(target).mode & 0o777).toBe(0o600);
        writeFileAtomic(path.join(dir, 'new.bin'), new Uint8Array([1, 2, 3]));
        expect([...fs.readFileSync(path.join(dir, 'new.bin'))]).toEqual([1, 2, 3]);
        expect(fs.readdirSync(dir).sort()).toEqual(['file.txt', 'new.bin']);
    });
});

/** The example's admissions department with every line's indentation removed (parses, but is not formatted). */
function FILES_UNINDENTED(): string {
    return exampleFiles()['departments/admissions.sun'].split('\n').map(line => line.trimStart()).join('\n');
}
