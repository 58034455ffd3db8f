import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkJson, sunlight, tempDir, usageFailure } from '../cli/cli-helpers.js';

const temp = tempDir();
afterAll(() => temp.remove());

interface Step { uses?: string; run?: string; if?: string; with?: Record<string, unknown> }

describe('sunlight init', { timeout: 120_000 }, () => {
    const repo = path.join(temp.dir, '合肥职业技术学院');

    it('writes a ready repository that checks clean and is formatted', () => {
        const result = sunlight(['init', repo, '--due', '2026-11-15']);
        expect(result.status, result.stderr).toBe(0);
        const files = ['college.sun', 'bases.sun', 'departments/finance.sun', 'sunlight.json', '.gitignore',
            '.github/workflows/sunlight.yml', 'ci/check.sh', '.pre-commit-config.yaml'];
        for (const file of files) expect(fs.existsSync(path.join(repo, file)), file).toBe(true);
        const check = checkJson([repo]);
        expect(check.status).toBe(0);
        expect(check.report.diagnostics).toEqual([]);
        expect(check.report.summary.files).toBe(3);
        expect(sunlight(['fmt', '--check', repo]).status).toBe(0);
        // The folder's name is the organisation's; the due date as given.
        expect(fs.readFileSync(path.join(repo, 'college.sun'), 'utf8')).toMatch(/organization 合肥职业技术学院 \{\s*campaign "[^"]+" due 2026-11-15/);
        expect(fs.statSync(path.join(repo, 'ci/check.sh')).mode & 0o111).not.toBe(0);
        // Chinese content, English comments.
        expect(fs.readFileSync(path.join(repo, 'departments/finance.sun'), 'utf8')).toMatch(/^\/\/ A worked example/);
    });

    it('its GitHub workflow runs sunlight check --format sarif and uploads the result', () => {
        const workflow = parse(fs.readFileSync(path.join(repo, '.github/workflows/sunlight.yml'), 'utf8')) as {
            on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, { 'runs-on': string; steps: Step[] }>;
        };
        expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
        expect(workflow.permissions['security-events']).toBe('write');
        const steps = workflow.jobs.check.steps;
        const index = (test: (step: Step) => boolean) => steps.findIndex(test);
        const checkout = index(s => s.uses?.startsWith('actions/checkout@') === true);
        const node = index(s => s.uses?.startsWith('actions/setup-node@') === true);
        const install = index(s => /npm install --global/.test(s.run ?? ''));
        const check = index(s => /sunlight check --format sarif \. > sunlight\.sarif/.test(s.run ?? ''));
        const upload = index(s => s.uses?.startsWith('github/codeql-action/upload-sarif@') === true);
        expect([checkout, node, install, check, upload].every(i => i >= 0)).toBe(true);
        expect(checkout < node && node < install && install < check && check < upload).toBe(true);
        expect(steps[upload].with?.sarif_file).toBe('sunlight.sarif');
        // Findings fail the check step; the upload must still run.
        expect(steps[upload].if).toBe('always()');
        expect(steps.some(s => /sunlight fmt --check/.test(s.run ?? ''))).toBe(true);
    });

    it('its pre-commit config runs fmt --check and check as local hooks', () => {
        const config = parse(fs.readFileSync(path.join(repo, '.pre-commit-config.yaml'), 'utf8')) as { repos: Array<{ repo: string; hooks: Array<Record<string, unknown>> }> };
        expect(config.repos).toHaveLength(1);
        expect(config.repos[0].repo).toBe('local');
        const entries = config.repos[0].hooks.map(h => [h.entry, h.language]);
        expect(entries).toEqual([['sunlight fmt --check', 'system'], ['sunlight check .', 'system']]);
        // The workspace is checked whole: cross-file names need every file.
        expect(config.repos[0].hooks[1].pass_filenames).toBe(false);
    });

    it('refuses a folder that is not empty; --force adds only what is missing', () => {
        const refused = sunlight(['init', repo]);
        expect(usageFailure(refused)).toMatchObject({ status: 2, lines: 1, stack: false, prefixed: true });
        fs.writeFileSync(path.join(repo, 'sunlight.json'), '{ "rules": { "missing-owner": "off" } }\n');
        fs.rmSync(path.join(repo, '.gitignore'));
        const forced = sunlight(['init', repo, '--force']);
        expect(forced.status).toBe(0);
        expect(forced.stdout).toMatch(/created 1 file/);
        expect(fs.readFileSync(path.join(repo, 'sunlight.json'), 'utf8')).toContain('missing-owner');
        expect(fs.existsSync(path.join(repo, '.gitignore'))).toBe(true);
    });

    it('after an import: adds the college and the configuration, no example department', () => {
        const folder = path.join(temp.dir, 'imported');
        expect(sunlight(['import', 'catalog', path.join('test', 'fixtures', 'import', 'catalog-gbk.csv'), '--out', folder]).status).toBe(1);
        expect(sunlight(['init', folder, '--force', '--lang', 'zh']).status).toBe(0);
        expect(fs.existsSync(path.join(folder, 'departments/finance.sun'))).toBe(false);
        expect(fs.readFileSync(path.join(folder, 'college.sun'), 'utf8')).toMatch(/^\/\/ 单位/);
        const codes = checkJson([folder]).report.diagnostics.map(d => d.code);
        expect(codes).not.toContain('unresolved-reference');
        expect(codes).not.toContain('duplicate-name');
    });

    it('bad arguments: one line, exit 2', () => {
        for (const args of [['init', path.join(temp.dir, 'a'), '--due', 'tomorrow'], ['init', path.join(temp.dir, 'b'), '--name', '1x'], ['init', 'a', 'b']]) {
            expect(usageFailure(sunlight(args)), args.join(' ')).toMatchObject({ status: 2, lines: 1, stack: false });
        }
        expect(fs.existsSync(path.join(temp.dir, 'a'))).toBe(false);
    });
});
