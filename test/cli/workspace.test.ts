/**
 * What `sunlight check` reads: folders recursively, `.sun` files only, all of
 * them as one workspace; symlink loops; a file that does not parse next to
 * one that does; the spec examples from the project root.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { checkJson, copyFixture, FIXTURES, located, ranged, sunlight, tempDir } from './cli-helpers.js';

// Each test spawns the CLI a few times; a loaded machine (parallel test files) makes that slower.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const FAULTY = 'test/fixtures/cli/faulty';
const SYNTAX = 'test/fixtures/cli/syntax';

let temp: ReturnType<typeof tempDir>;
beforeAll(() => {
    temp = tempDir();
});
afterAll(() => temp.remove());

describe('folders', () => {
    test('are read recursively, .sun files only', () => {
        const { report } = checkJson([FAULTY]);
        expect(report.files).toEqual([
            `${FAULTY}/bases.sun`, `${FAULTY}/college.sun`, `${FAULTY}/departments/admissions.sun`,
            `${FAULTY}/departments/finance.sun`, `${FAULTY}/departments/nested/deep/logistics.sun`
        ]);
        // README.md, notes.txt and draft.sun.bak hold text that would not parse.
        for (const other of ['README.md', 'notes.txt', 'departments/draft.sun.bak']) {
            expect(fs.existsSync(path.join(FIXTURES, 'faulty', other)), other).toBe(true);
        }
        expect(report.diagnostics.map(d => d.code)).not.toContain('syntax-error');
        // The nested file is checked like the others.
        expect(located(report)).toContain(`${FAULTY}/departments/nested/deep/logistics.sun 4:11 missing-flow`);
    });

    test('the current folder by default', () => {
        const { report, status } = checkJson([], { cwd: path.join(FIXTURES, 'faulty') });
        expect(status).toBe(1);
        expect(report.files).toEqual([
            'bases.sun', 'college.sun', 'departments/admissions.sun', 'departments/finance.sun', 'departments/nested/deep/logistics.sun'
        ]);
    });

    test('files and folders given together are one workspace', () => {
        const { report } = checkJson([`${FAULTY}/departments`, `${FAULTY}/college.sun`, `${FAULTY}/bases.sun`]);
        expect(report.files).toHaveLength(5);
        expect(report.diagnostics.filter(d => d.code === 'unresolved-reference')).toHaveLength(1);
    });
});

describe('one workspace', () => {
    test('references resolve across files: departments, qualified names, leaders', () => {
        const { report } = checkJson([FAULTY]);
        // admissions.sun names 财务处.处长 and 财务处 (finance.sun), logistics.sun names 院长 (college.sun), and
        // bases from bases.sun: all resolve. The one unresolved name, 人事处, is declared nowhere.
        expect(report.diagnostics.filter(d => d.code === 'unresolved-reference').map(d => `${d.file} ${d.line}:${d.column}`))
            .toEqual([`${FAULTY}/departments/admissions.sun 21:33`]);
    });

    test('without the other files the same names are unresolved', () => {
        const { report } = checkJson([`${FAULTY}/departments/admissions.sun`]);
        const unresolved = report.diagnostics.filter(d => d.code === 'unresolved-reference').map(d => `${d.line}:${d.column}`);
        expect(unresolved).toEqual(['9:21', '10:15', '10:23', '14:24', '21:33']);
    });

    test('a file reached twice (repeated argument, symlink) is checked once', () => {
        const dir = path.join(temp.dir, 'twice');
        copyFixture(path.join(FIXTURES, 'clean'), dir);
        fs.symlinkSync('finance.sun', path.join(dir, 'departments', 'z-alias.sun'));
        const { report, status } = checkJson(['.', 'departments/finance.sun', './departments/../departments/finance.sun'], { cwd: dir });
        expect(report.files).toEqual(['bases.sun', 'college.sun', 'departments/finance.sun']);
        expect(report.diagnostics).toEqual([]);
        expect(status).toBe(0);
    });

    test('a symlink loop inside a checked folder does not hang', () => {
        const dir = path.join(temp.dir, 'loops');
        copyFixture(path.join(FIXTURES, 'clean'), dir);
        fs.symlinkSync('..', path.join(dir, 'departments', 'up'));          // back to the root
        fs.symlinkSync('.', path.join(dir, 'departments', 'here'));         // itself
        fs.symlinkSync('self.sun', path.join(dir, 'self.sun'));            // a file that points at itself
        fs.symlinkSync('ping', path.join(dir, 'pong'));                    // two links pointing at each other
        fs.symlinkSync('pong', path.join(dir, 'ping'));
        fs.symlinkSync('missing.sun', path.join(dir, 'dangling.sun'));     // a link to nothing
        const started = Date.now();
        const { report, status, signal } = checkJson(['.'], { cwd: dir });
        expect(signal).toBeNull();
        expect(Date.now() - started).toBeLessThan(15_000);
        expect(report.files).toEqual(['bases.sun', 'college.sun', 'departments/finance.sun']);
        expect(report.diagnostics).toEqual([]);
        expect(status).toBe(0);
    });
});

describe('a file that does not parse, next to one that does', () => {
    test('both get their own diagnostics; the broken one syntax-error plus what the parser recovered', () => {
        const { report, status } = checkJson([SYNTAX]);
        expect(status).toBe(1);
        expect(ranged(report)).toEqual([
            'broken.sun 4:12-4:15 info aspect-not-covered',
            'broken.sun 4:12-4:15 error missing-leader',
            'broken.sun 6:11-6:15 warning missing-flow',
            'broken.sun 6:11-6:15 warning uncovered-power',
            'broken.sun 10:15-10:19 error unresolved-reference',
            'broken.sun 10:20-10:23 error syntax-error',
            'broken.sun 12:10-12:14 error missing-grade',
            'broken.sun 12:10-12:14 warning missing-owner',
            'broken.sun 14:15-14:22 error syntax-error',
            'valid.sun 1:12-1:15 info aspect-not-covered',
            'valid.sun 4:10-4:14 error missing-grade',
            'valid.sun 4:10-4:14 warning missing-owner'
        ].map(line => `${SYNTAX}/${line}`));
        // valid.sun's leader 院长 is declared in the broken file, and still resolves.
    });
});

describe('from the project root', () => {
    test('`sunlight check test/fixtures/spec` checks the spec examples', () => {
        const run = sunlight(['check', 'test/fixtures/spec']);
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0); // warnings and an info, no error
        const { report } = checkJson(['test/fixtures/spec']);
        expect(report.files).toEqual(['test/fixtures/spec/bases.sun', 'test/fixtures/spec/college.sun', 'test/fixtures/spec/finance.sun']);
        expect(report.diagnostics.filter(d => d.severity === 'error')).toEqual([]);
        expect(report.diagnostics.map(d => d.code)).not.toContain('syntax-error');
        expect(report.diagnostics.map(d => d.code)).not.toContain('unresolved-reference');
    });
});
