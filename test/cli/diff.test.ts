/**
 * `sunlight diff` as a process: two folders, git revisions read without
 * touching the work tree, a pure reformat, output formats and exit codes.
 * (The kinds of change themselves are tested in test/review/catalog-diff.test.ts.)
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { UsageError } from '../../cli/errors.js';
import { parseRange, readRevision } from '../../cli/git-revision.js';
import { ROOT, sunlight, tempDir } from './cli-helpers.js';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const temp = tempDir();
afterAll(() => temp.remove());

const EXAMPLES = path.join(ROOT, 'examples');
const FINANCE = path.join('departments', 'finance.sun');

function copyExamples(name: string): string {
    const target = path.join(temp.dir, name);
    fs.cpSync(EXAMPLES, target, { recursive: true });
    return target;
}

function replaceOnce(file: string, from: string, to: string): void {
    const text = fs.readFileSync(file, 'utf8');
    expect(text.split(from)).toHaveLength(2);
    fs.writeFileSync(file, text.replace(from, to));
}

const RAISE = ['consequence criminal\n            grade high\n            owner 赵敏', 'consequence criminal\n            grade low\n            owner 赵敏'] as const;

function kinds(stdout: string): string[] {
    return (JSON.parse(stdout) as { changes: Array<{ kind: string }> }).changes.map(c => c.kind);
}

test('`sunlight --help` lists diff and its page', () => {
    expect(sunlight(['--help']).stdout).toMatch(/^ {2}diff \[options\] \[paths...\] .*docs\/diff\.md/m);
});

describe('two folders', () => {
    let old: string;
    let now: string;
    beforeAll(() => {
        old = copyExamples('old');
        now = copyExamples('new');
        replaceOnce(path.join(now, FINANCE), ...RAISE);
    });

    test('lists the changes; exit 1 with --exit-code when something changed, else 0', () => {
        const run = sunlight(['diff', old, now, '--format', 'json', '--exit-code']);
        expect(run.stderr).toBe('');
        expect(run.status).toBe(1);
        expect(kinds(run.stdout)).toEqual(['risk-grade']);
        const same = sunlight(['diff', old, old, '--exit-code']);
        expect(same.status).toBe(0);
    });

    test('markdown is in Chinese by default; text follows the environment', () => {
        const zh = sunlight(['diff', old, now, '--format', 'markdown']);
        expect(zh.status).toBe(0);
        expect(zh.stdout).toMatch(/^### 职权目录变更/);
        expect(sunlight(['diff', old, now], { env: { LANG: 'zh_CN.UTF-8' } }).stdout).toMatch(/^部门 财务处/);
    });

    test('a messed-up copy formatted by `sunlight fmt` gives an empty diff', () => {
        const messy = copyExamples('messy');
        for (const file of ['college.sun', 'bases.sun', FINANCE]) {
            const full = path.join(messy, file);
            fs.writeFileSync(full, fs.readFileSync(full, 'utf8').replace(/\n {4}/g, '\n  ').replace(/ \{/g, '   {').replace(/, /g, ' ,'));
        }
        const before = fs.readFileSync(path.join(messy, FINANCE), 'utf8');
        expect(sunlight(['fmt', messy]).status).toBe(0);
        expect(fs.readFileSync(path.join(messy, FINANCE), 'utf8')).not.toBe(before);
        const run = sunlight(['diff', old, messy, '--format', 'json', '--exit-code']);
        expect(run.status).toBe(0);
        expect(kinds(run.stdout)).toEqual([]);
    });

    test('cannot run: one folder, a missing folder → exit 2 with one line', () => {
        for (const args of [['diff', old], ['diff', old, path.join(temp.dir, 'missing')]]) {
            const run = sunlight(args);
            expect(run.status, args.join(' ')).toBe(2);
            expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
            expect(run.stderr).not.toMatch(/\n\s+at /);
        }
    });
});

describe('--git', () => {
    let repo: string;
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args],
        { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: temp.dir } });
    beforeAll(() => {
        repo = copyExamples('repo');
        git('init', '-q', '-b', 'main');
        git('add', '.');
        git('commit', '-q', '-m', 'v1');
        replaceOnce(path.join(repo, FINANCE), ...RAISE);
        git('commit', '-q', '-am', 'v2');
        git('checkout', '-q', '-b', 'topic');
        replaceOnce(path.join(repo, 'departments', 'academic.sun'), 'code "JW-02"', 'code "JW-05"');
        git('commit', '-q', '-am', 'v3');
        // an uncommitted edit: not part of any revision
        replaceOnce(path.join(repo, FINANCE), 'step 初审 by 报销会计 within 2 workdays', 'step 初审 by 报销会计 within 3 workdays');
    });

    test('between two revisions, read from git without touching the work tree', () => {
        const status = git('status', '--porcelain');
        const run = sunlight(['diff', '--git', 'HEAD~2..HEAD~1', '--format', 'json'], { cwd: repo });
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        expect(kinds(run.stdout)).toEqual(['risk-grade']);
        expect(git('status', '--porcelain')).toBe(status);
        expect(fs.readFileSync(path.join(repo, FINANCE), 'utf8')).toContain('within 3 workdays');
    });

    test('A...B from the merge base, A alone against the files on disk, and paths inside the repository', () => {
        expect(kinds(sunlight(['diff', '--git', 'main...topic', '--format', 'json'], { cwd: repo }).stdout)).toEqual(['power-removed', 'power-added']);
        expect(kinds(sunlight(['diff', '--git', 'HEAD', '--format', 'json'], { cwd: repo }).stdout)).toEqual(['step-changed']);
        // only the finance department's file: the academic change is outside
        expect(kinds(sunlight(['diff', '--git', 'HEAD~2..HEAD', 'departments/finance.sun', '--format', 'json'], { cwd: repo }).stdout))
            .toEqual(['risk-grade']);
    });

    test('an unknown revision, or no repository at all → exit 2 with one line', () => {
        for (const [args, cwd] of [[['diff', '--git', 'nope..HEAD'], repo], [['diff', '--git', 'HEAD~1..HEAD'], temp.dir]] as const) {
            const run = sunlight(args, { cwd, env: { GIT_CEILING_DIRECTORIES: path.dirname(temp.dir) } });
            expect(run.status, args.join(' ')).toBe(2);
            expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
        }
    });

    test('a revision that looks like an option is refused, not passed to git as one', () => {
        expect(() => readRevision('--output=x', ['.'], repo)).toThrow(UsageError);
        expect(() => parseRange('--all...HEAD', repo)).toThrow(UsageError);
        expect(fs.existsSync(path.join(repo, 'x'))).toBe(false);
    });
});
