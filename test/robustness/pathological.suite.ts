import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureBundle, exampleFiles, runCli, stackTraceLines, type CliResult } from './support.js';

/**
 * Pathological inputs (test/robustness/README.md): each is generated in a
 * temporary folder at test time and checked with the bundled `sunlight check`.
 * Whatever the input, the command ends by itself within a bounded time, with
 * exit 0, 1 or 2 (never a signal), no stack trace, and either diagnostics (exit
 * 0/1, JSON on stdout) or one line on stderr that says what is wrong (exit 2).
 */

const work = mkdtempSync(path.join(os.tmpdir(), 'sunlight-pathological-'));
const FILES = exampleFiles();
const times: string[] = [];

const COLLEGE = 'organization 学院 {\n    leader 院长 "院长"\n}\n';
const BASES = 'basis 三定方案 internal "三定方案"\n';

function department(body: string): string {
    return `department 处 "处" {
    leader 院长
    post 处长 "处长"
    staff 甲 post 处长
    register 甲 {
        signed 2012-10-25
    }
    register department {
        reviewed 2012-10-30 "处务会"
        approved by 院长 on 2012-11-02
    }
    power 职权 {
        category other
        content "内容"
        responsible 处长
        basis 三定方案
${body}
    }
}
`;
}

/** A folder holding the given files (name → text or bytes), with the minimal college and bases unless replaced. */
function folder(name: string, files: Record<string, string | Buffer>, options: { minimal?: boolean } = {}): string {
    const dir = path.join(work, name);
    mkdirSync(dir, { recursive: true });
    const all = options.minimal === false ? files : { 'college.sun': COLLEGE, 'bases.sun': BASES, ...files };
    for (const [file, content] of Object.entries(all)) {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), content);
    }
    return dir;
}

interface Report { files: string[]; diagnostics: Array<{ file: string; line: number; column: number; code: string; severity: string }>; summary: { errors: number } }

async function check(name: string, dir: string, limitSeconds: number, extra: { args?: string[]; uid?: number } = {}): Promise<CliResult & { report?: Report }> {
    const result = await runCli(['check', '--format', 'json', '--lang', 'en', ...(extra.args ?? ['.'])], {
        cwd: dir, timeoutMs: limitSeconds * 1000 + 30_000, netLog: path.join(work, 'network.log'),
        ...(extra.uid !== undefined ? { uid: extra.uid, gid: extra.uid } : {})
    });
    times.push(`${name} ${(result.ms / 1000).toFixed(1)}`);
    expect(result.timedOut, `${name}: still running after ${limitSeconds + 30} s`).toBe(false);
    expect(result.signal, `${name}: killed by a signal\n${result.stderr}`).toBeNull();
    expect([0, 1, 2], `${name}: exit ${result.code}\n${result.stderr.slice(0, 2000)}`).toContain(result.code);
    expect(stackTraceLines(result.stderr), `${name}: stack trace on stderr\n${result.stderr.slice(0, 3000)}`).toEqual([]);
    expect(result.ms / 1000, `${name}: took ${(result.ms / 1000).toFixed(1)} s`).toBeLessThan(limitSeconds);
    if (result.code === 2) {
        const lines = result.stderr.trim().split('\n');
        expect(lines, `${name}: an exit 2 says why in one line`).toHaveLength(1);
        expect(lines[0]).toMatch(/^sunlight: \S/);
        return result;
    }
    const report = JSON.parse(result.stdout) as Report;
    return { ...result, report };
}

const codesOf = (report: Report | undefined) => new Set(report?.diagnostics.map(d => d.code));

/** Registered by processes.test.ts, where it runs beside the other suites that wait on child processes. */
export function pathologicalSuite(): void {
    describe.concurrent('pathological inputs', () => {
        beforeAll(() => {
            ensureBundle();
            // Folders and files under work/ must be readable by the unprivileged user of the "unreadable file" case.
            chmodSync(work, 0o755);
        }, 180_000);

        afterAll(() => {
            console.log(`[robustness] pathological inputs (sunlight check, seconds): ${times.join(', ')}`);
            rmSync(work, { recursive: true, force: true });
        });

        describe.sequential('pathological inputs give a clear diagnostic or error in bounded time', () => {
            test('a 5 MB file (the example departments over and over, every 50th character dropped)', async () => {
                const departments = Object.entries(FILES).filter(([name]) => name.startsWith('departments/')).map(([, text]) => text).join('\n');
                let text = '';
                while (Buffer.byteLength(text) < 5 * 1024 * 1024) text += departments;
                let garbled = '';
                for (let i = 0; i < text.length; i++) if (i % 50 !== 0) garbled += text[i];
                const dir = folder('five-mb', { 'bases.sun': FILES['bases.sun'], 'college.sun': FILES['college.sun'], 'departments/all.sun': garbled });
                const { report, code } = await check('5 MB', dir, 120);
                expect(code).toBe(1);
                expect(codesOf(report)).toContain('syntax-error');
            }, 300_000);

            test('a flow of 10,000 steps', async () => {
                const steps = Array.from({ length: 10_000 }, (_, i) => `            step 步骤${i} by 处长 within 1 workday`).join('\n');
                const dir = folder('ten-thousand-steps', { 'dept.sun': department(`        flow internal limit 3 workdays {\n${steps}\n        }`) });
                const { report } = await check('10,000 steps', dir, 60);
                expect(codesOf(report)).toContain('flow-too-long');
                expect(codesOf(report)).toContain('deadline-exceeds-limit');
            }, 120_000);

            test('a chain of 1,000 decisions (2^1000 paths from start to end)', async () => {
                const decisions = Array.from({ length: 1000 }, (_, i) => {
                    const next = i < 999 ? `判断${i + 1}` : '办结';
                    return `            decision 判断${i} by 处长 {\n                "是" -> ${next}\n                "否" -> ${next}\n            }`;
                }).join('\n');
                const dir = folder('thousand-decisions', { 'dept.sun': department(`        flow internal {\n${decisions}\n            step 办结 by 处长 within 1 workday\n        }`) });
                const { report } = await check('1,000 decisions', dir, 60);
                expect(codesOf(report)).toContain('flow-too-long');
            }, 120_000);

            test('a loop of 1,000 decisions that all send back to the start, and one with no way out', async () => {
                const back = Array.from({ length: 1000 }, (_, i) => `            decision 回退${i} by 处长 {\n                "退回" -> 开始\n                "继续" -> ${i < 999 ? `回退${i + 1}` : 'end'}\n            }`).join('\n');
                const trapped = Array.from({ length: 1000 }, (_, i) => `            decision 循环${i} by 处长 {\n                "甲" -> 循环${(i + 1) % 1000}\n                "乙" -> 循环${(i + 7) % 1000}\n            }`).join('\n');
                const dir = folder('decision-loops', {
                    'dept.sun': department(`        flow internal {\n            step 开始 by 处长 within 1 workday\n${back}\n        }\n        flow external {\n            step 入口 by 处长 within 1 workday\n${trapped}\n        }`)
                });
                const { report } = await check('1,000-decision loops', dir, 60);
                expect(codesOf(report)).toContain('no-path-to-end');
            }, 120_000);

            test('100,000-character lines: a string, a name, a comment, an unclosed string, braces, keywords', async () => {
                const long = 'x'.repeat(100_000);
                const dir = folder('long-lines', {
                    'string.sun': department(`        code "${'审'.repeat(100_000)}"`).replace('department 处 "处"', 'department 甲处 "甲处"').replace(/staff 甲/, 'staff 甲一').replace(/register 甲 /, 'register 甲一 '),
                    'name.sun': `basis ${'名'.repeat(100_000)} internal "很长的名字"\n`,
                    'comment.sun': `// ${long}\n/* ${long} */\n`,
                    'unclosed.sun': `basis 未闭合 internal "${long}\n`,
                    'braces.sun': '{'.repeat(100_000) + '\n' + '}'.repeat(100_000) + '\n',
                    'keywords.sun': 'step '.repeat(20_000) + '\n',
                    'arrows.sun': '-> '.repeat(33_000) + '\n'
                });
                const { report, code } = await check('100,000-character lines', dir, 60);
                expect(code).toBe(1);
                const files = (suffix: string) => report!.diagnostics.filter(d => d.file === suffix);
                expect(files('comment.sun')).toEqual([]);
                expect(files('name.sun')).toEqual([]);
                for (const name of ['unclosed.sun', 'braces.sun', 'keywords.sun', 'arrows.sun']) {
                    expect(files(name).some(d => d.code === 'syntax-error'), name).toBe(true);
                }
            }, 120_000);

            test('NUL bytes in a string, between tokens, in a name, and a file of nothing but NULs', async () => {
                const dir = folder('nul', {
                    'in-string.sun': 'basis 甲 internal "a\u0000b"\n',
                    'between.sun': 'basis 乙\u0000internal "b"\n',
                    'in-name.sun': 'basis 丙\u0000丁 internal "c"\n',
                    'only.sun': Buffer.alloc(64 * 1024)
                });
                const { report, code } = await check('NUL bytes', dir, 60);
                expect(code).toBe(1);
                expect(report!.diagnostics.filter(d => d.file === 'in-string.sun')).toEqual([]);
                for (const name of ['between.sun', 'in-name.sun', 'only.sun']) {
                    expect(report!.diagnostics.some(d => d.file === name && d.code === 'syntax-error'), name).toBe(true);
                }
            }, 60_000);

            test('invalid UTF-8: exit 2 with one line that names the file', async () => {
                const dir = folder('invalid-utf8', { 'bad.sun': Buffer.from([0x62, 0x61, 0x73, 0x69, 0x73, 0x20, 0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82, 0x0a]) });
                const result = await check('invalid UTF-8', dir, 60);
                expect(result.code).toBe(2);
                expect(result.stderr).toMatch(/bad\.sun/);
                expect(result.stderr).toMatch(/UTF-8/);
            }, 60_000);

            test('an empty file and a file that is only a BOM: checked, clean', async () => {
                const dir = folder('empty', { 'empty.sun': '', 'bom.sun': Buffer.from([0xef, 0xbb, 0xbf]), 'bom-newline.sun': Buffer.from([0xef, 0xbb, 0xbf, 0x0d, 0x0a]) }, { minimal: false });
                const { report, code } = await check('empty and BOM-only', dir, 60);
                expect(code).toBe(0);
                expect(report!.files.sort()).toEqual(['bom-newline.sun', 'bom.sun', 'empty.sun']);
                expect(report!.diagnostics).toEqual([]);
            }, 60_000);

            test('symlink loops under a checked folder are skipped; a file reached twice is checked once', async () => {
                const dir = folder('symlinks', { 'sub/dept.sun': department('') });
                symlinkSync('.', path.join(dir, 'self'));
                symlinkSync('..', path.join(dir, 'sub', 'parent'));
                symlinkSync(path.join(dir, 'b.sun'), path.join(dir, 'a.sun'));
                symlinkSync(path.join(dir, 'a.sun'), path.join(dir, 'b.sun'));
                symlinkSync(path.join(dir, 'missing.sun'), path.join(dir, 'dangling.sun'));
                symlinkSync(path.join(dir, 'sub', 'dept.sun'), path.join(dir, 'again.sun'));
                const { report, code } = await check('symlink loops', dir, 60);
                expect(code).toBe(0);
                expect(report!.files.filter(file => file.endsWith('dept.sun') || file.endsWith('again.sun'))).toHaveLength(1);
                expect(report!.diagnostics.filter(d => d.code === 'duplicate-name')).toEqual([]);
            }, 60_000);

            test('a symlink loop given directly, a FIFO given directly: one line, exit 2, no hang', async () => {
                const dir = folder('special', {});
                symlinkSync(path.join(dir, 'loop-b.sun'), path.join(dir, 'loop-a.sun'));
                symlinkSync(path.join(dir, 'loop-a.sun'), path.join(dir, 'loop-b.sun'));
                execFileSync('mkfifo', [path.join(dir, 'pipe.sun')]);
                const loop = await check('symlink loop given', dir, 30, { args: ['loop-a.sun'] });
                expect(loop.code).toBe(2);
                expect(loop.stderr).toMatch(/ELOOP|loop-a\.sun/);
                const fifo = await check('FIFO given', dir, 30, { args: ['pipe.sun'] });
                expect(fifo.code).toBe(2);
                expect(fifo.stderr).toMatch(/pipe\.sun/);
                // In a folder, neither stops the check.
                const inFolder = await check('FIFO and loop in a folder', dir, 30);
                expect(inFolder.code).toBe(0);
            }, 120_000);

            test('an unreadable file under a checked folder: exit 2, one line naming it', async () => {
                const dir = folder('unreadable', { 'ok.sun': BASES.replace('三定方案', '可读'), 'secret.sun': BASES });
                chmodSync(path.join(dir, 'secret.sun'), 0o000);
                // root reads anything: run the check as an unprivileged user then.
                const asRoot = process.getuid?.() === 0;
                if (asRoot) chownSync(dir, 65534, 65534);
                const result = await check('unreadable file', dir, 60, asRoot ? { uid: 65534 } : {});
                expect(result.code).toBe(2);
                expect(result.stderr).toMatch(/secret\.sun/);
                expect(result.stderr).toMatch(/EACCES/);
            }, 60_000);

            test('an unreadable folder under a checked folder: exit 2, one line naming it', async () => {
                const dir = folder('unreadable-folder', { 'ok.sun': BASES, 'locked/inner.sun': BASES.replace('三定方案', '内部') });
                chmodSync(path.join(dir, 'locked'), 0o000);
                const asRoot = process.getuid?.() === 0;
                if (asRoot) chownSync(dir, 65534, 65534);
                const result = await check('unreadable folder', dir, 60, asRoot ? { uid: 65534 } : {});
                expect(result.code).toBe(2);
                expect(result.stderr).toMatch(/locked/);
            }, 60_000);

            test('a sunlight.json that is not JSON, one with unknown rules, and one that is a folder', async () => {
                const notJson = folder('config-not-json', { 'sunlight.json': '{ "rules": { "missing-owner": "off", } ', 'ok.sun': BASES });
                const a = await check('sunlight.json not JSON', notJson, 60);
                expect(a.code).toBe(1);
                expect(a.report!.diagnostics.filter(d => d.code === 'invalid-config').map(d => d.file)).toEqual(['sunlight.json']);

                const unknown = folder('config-unknown-rules', {
                    'sunlight.json': JSON.stringify({ rules: { 'no-such-rule': 'off', 'missing-grade': 'loud', 'flow-too-long': { maxSteps: 'many', colour: 3 } }, extra: true }),
                    'ok.sun': BASES
                });
                const b = await check('sunlight.json unknown rules', unknown, 60);
                expect(b.code).toBe(1);
                expect(b.report!.diagnostics.filter(d => d.code === 'invalid-config').length).toBeGreaterThanOrEqual(3);

                const weird = folder('config-folder', { 'sunlight.json/inner.txt': 'x', 'ok.sun': BASES });
                const c = await check('sunlight.json a folder', weird, 60);
                expect([1, 2]).toContain(c.code);
                if (c.code === 1) expect(codesOf(c.report)).toContain('invalid-config');

                const binary = folder('config-binary', { 'sunlight.json': Buffer.from([0xff, 0x00, 0xfe, 0x7b]), 'ok.sun': BASES });
                const d = await check('sunlight.json binary', binary, 60);
                expect(d.code).toBe(1);
                expect(codesOf(d.report)).toContain('invalid-config');
            }, 120_000);
        });
    });
}
