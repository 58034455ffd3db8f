/**
 * Exit status of `sunlight check`, run as a process: 0 clean, 1 errors (or
 * more warnings than --max-warnings), 2 the command could not run — with one
 * line on stderr, nothing on stdout and never a stack trace.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import {
    canReadAnything, checkJson, copyFixture, FIXTURES, SPEC_FIXTURES, sunlight, sunlightIntoClosedPipe, tempDir, usageFailure
} from './cli-helpers.js';

// Each test spawns the CLI a few times; a loaded machine (parallel test files) makes that slower.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const SPEC = 'test/fixtures/spec';
const CLEAN = 'test/fixtures/cli/clean';
const FAULTY = 'test/fixtures/cli/faulty';

/** What a "could not run" failure looks like. */
const COULD_NOT_RUN = { status: 2, stdout: '', lines: 1, stack: false, prefixed: true };

let temp: ReturnType<typeof tempDir>;
beforeAll(() => {
    temp = tempDir();
});
afterAll(() => temp.remove());

describe('exit 0', () => {
    test('a clean workspace', () => {
        const run = sunlight(['check', CLEAN]);
        expect(run.status).toBe(0);
        expect(run.stderr).toBe('');
        expect(run.stdout.trim().split('\n')).toHaveLength(1); // only the summary
    });

    test('the spec examples, with a sunlight.json turning their warnings and infos off', () => {
        const dir = path.join(temp.dir, 'spec-quiet');
        copyFixture(SPEC_FIXTURES, dir);
        fs.writeFileSync(path.join(dir, 'sunlight.json'), JSON.stringify({
            rules: { 'staff-without-register': 'off', 'aspect-not-covered': 'off' }
        }));
        const { status, stderr, report } = checkJson(['.'], { cwd: dir });
        expect(stderr).toBe('');
        expect(report.diagnostics).toEqual([]);
        expect(report.summary).toEqual({ files: 3, errors: 0, warnings: 0, infos: 0, hints: 0 });
        expect(status).toBe(0);
    });
});

describe('exit 1', () => {
    test('errors found', () => {
        const run = checkJson([FAULTY]);
        expect(run.report.summary.errors).toBeGreaterThan(0);
        expect(run.status).toBe(1);
        expect(run.stderr).toBe('');
    });

    test('--max-warnings: more warnings than allowed fail, as many as allowed pass', () => {
        // The spec examples have warnings (and an info) but no error.
        const { report, status } = checkJson([SPEC]);
        const warnings = report.summary.warnings;
        expect(report.summary.errors).toBe(0);
        expect(warnings).toBeGreaterThan(0);
        expect(status).toBe(0);
        expect(sunlight(['check', '--max-warnings', '0', SPEC]).status).toBe(1);
        expect(sunlight(['check', `--max-warnings=${warnings - 1}`, SPEC]).status).toBe(1);
        expect(sunlight(['check', '--max-warnings', String(warnings), SPEC]).status).toBe(0);
        expect(checkJson(['--max-warnings', String(warnings + 10), SPEC]).status).toBe(0);
        // Infos never count as warnings.
        expect(sunlight(['check', '--max-warnings', '0', CLEAN]).status).toBe(0);
    });
});

describe('exit 2: the command could not run', () => {
    test('a missing path (alone, or next to a good one), in every format', () => {
        expect(usageFailure(sunlight(['check', 'test/fixtures/cli/no-such-folder']))).toEqual(COULD_NOT_RUN);
        expect(usageFailure(sunlight(['check', '--format', 'json', CLEAN, 'no-such-file.sun']))).toEqual(COULD_NOT_RUN);
        expect(usageFailure(sunlight(['check', '--format', 'sarif', '--lang', 'zh', 'missing.sun'], { cwd: FIXTURES }))).toEqual(COULD_NOT_RUN);
    });

    test('a file that is not UTF-8', () => {
        const dir = path.join(temp.dir, 'latin1');
        copyFixture(path.join(FIXTURES, 'clean'), dir);
        // "财务" in GBK, as an old Windows editor would save it.
        fs.writeFileSync(path.join(dir, 'departments', 'gbk.sun'), Buffer.from([
            ...Buffer.from('basis '), 0xb2, 0xc6, 0xce, 0xf1, ...Buffer.from(' internal "x"\n')
        ]));
        expect(usageFailure(sunlight(['check', dir]))).toEqual(COULD_NOT_RUN);
        expect(usageFailure(sunlight(['check', '--format', 'json', path.join(dir, 'departments', 'gbk.sun')]))).toEqual(COULD_NOT_RUN);
    });

    test('an unreadable file or folder (chmod 000)', () => {
        // Root reads any file whatever its mode (CI runs as root): run the CLI as `nobody` then.
        const as = canReadAnything ? { uid: 65534 } : {};
        const dir = path.join(temp.dir, 'unreadable');
        copyFixture(path.join(FIXTURES, 'clean'), dir);
        if (canReadAnything) for (let p = dir; p !== path.dirname(p); p = path.dirname(p)) fs.chmodSync(p, fs.statSync(p).mode | 0o005);
        const file = path.join(dir, 'bases.sun');
        fs.chmodSync(file, 0o000);
        try {
            expect(usageFailure(sunlight(['check', dir], as))).toEqual(COULD_NOT_RUN);
        } finally {
            fs.chmodSync(file, 0o644);
        }
        const folder = path.join(dir, 'departments');
        fs.chmodSync(folder, 0o000);
        try {
            expect(usageFailure(sunlight(['check', dir], as))).toEqual(COULD_NOT_RUN);
        } finally {
            fs.chmodSync(folder, 0o755);
        }
    });

    // Root reads any file whatever its mode, so the test above is skipped when
    // the tests run as root (as CI does); a symlink loop given as the path is
    // a file that cannot be read by anyone.
    test('a path that cannot be read: a symlink loop given as the file to check', () => {
        const dir = path.join(temp.dir, 'loop-file');
        fs.mkdirSync(dir);
        fs.symlinkSync('b.sun', path.join(dir, 'a.sun'));
        fs.symlinkSync('a.sun', path.join(dir, 'b.sun'));
        expect(usageFailure(sunlight(['check', 'a.sun'], { cwd: dir }))).toEqual(COULD_NOT_RUN);
    });

    test.each([
        ['an unknown option', ['check', '--frobnicate', CLEAN]],
        ['an unknown --format', ['check', '--format', 'xml', CLEAN]],
        ['a --format without value', ['check', CLEAN, '--format']],
        ['a --max-warnings that is not a number', ['check', '--max-warnings', 'many', CLEAN]],
        ['a negative --max-warnings', ['check', '--max-warnings=-1', CLEAN]],
        ['a fractional --max-warnings', ['check', '--max-warnings', '1.5', CLEAN]],
        ['a --max-warnings without value', ['check', CLEAN, '--max-warnings']],
        ['an unknown --lang', ['check', '--lang', 'fr', CLEAN]],
        ['an unknown command', ['frobnicate', CLEAN]]
    ])('%s', (_, args) => {
        expect(usageFailure(sunlight(args))).toEqual(COULD_NOT_RUN);
    });
});

test('a reader that closes the pipe early (sunlight check | head -1) gets no stack trace', async () => {
    // Output far larger than a pipe's buffer: one diagnostic per staff member without a register.
    const dir = path.join(temp.dir, 'big');
    fs.mkdirSync(dir);
    const staff = Array.from({ length: 3000 }, (_, i) => `    staff 员工${i} post 处长\n`).join('');
    fs.writeFileSync(path.join(dir, 'big.sun'), `department 大处 "大处" {\n    post 处长 "x"\n${staff}}\n`);
    const run = await sunlightIntoClosedPipe(['check', '.'], { cwd: dir });
    expect(run.firstChunk).toMatch(/^big\.sun:\d+:\d+ /);
    expect(run.stderr).toBe('');
    expect(run.signal).toBeNull();
    expect(run.status).toBe(1); // errors found (missing-leader), as if the output had been read
});
