/**
 * Positions and settings as the CLI reports them: 1-based lines and columns in
 * UTF-16 code units, whatever the line ends or a BOM; sunlight.json (rules
 * off, severities, options, and a broken file); `// sunlight-ignore` comments.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { checkJson, copyFixture, FIXTURES, ranged, sunlight, tempDir } from './cli-helpers.js';

// Each test spawns the CLI a few times; a loaded machine (parallel test files) makes that slower.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

let temp: ReturnType<typeof tempDir>;
beforeAll(() => {
    temp = tempDir();
});
afterAll(() => temp.remove());

describe('positions', () => {
    const POSITIONS = 'test/fixtures/cli/positions';

    test('the fixtures hold what they claim: a BOM, CRLF line ends, characters outside the BMP', () => {
        const bom = fs.readFileSync(path.join(FIXTURES, 'positions', 'bom.sun'));
        expect([...bom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        expect(bom.includes('\r')).toBe(false);
        const crlf = fs.readFileSync(path.join(FIXTURES, 'positions', 'crlf.sun'), 'utf8');
        expect(crlf.split('\n').slice(0, -1).every(line => line.endsWith('\r'))).toBe(true);
        const astral = fs.readFileSync(path.join(FIXTURES, 'positions', 'astral.sun'), 'utf8');
        expect(astral).toMatch(/[\u{10000}-\u{10FFFF}]/u);
    });

    test('line 1 and later lines, 1-based, in UTF-16 code units, as an editor shows them', () => {
        const { report } = checkJson([POSITIONS]);
        expect(ranged(report)).toEqual([
            // `department 𠀀处`: 𠀀 (U+20000) is two UTF-16 code units.
            'astral.sun 1:12-1:15 info aspect-not-covered',
            'astral.sun 1:12-1:15 error missing-leader',
            'astral.sun 2:10-2:13 error missing-grade',
            // `    risk 𠀂险 { aspect duty owner 𠀁丙 }`: after 𠀂 every column is one further.
            'astral.sun 2:34-2:37 error unresolved-reference',
            // The BOM is not a column: `department` starts at column 1.
            'bom.sun 1:12-1:14 info aspect-not-covered',
            'bom.sun 1:12-1:14 error missing-leader',
            'bom.sun 2:10-2:13 error missing-grade',
            'bom.sun 4:15-4:18 error unresolved-reference',
            // CR LF is one line end; the CR before it is not a column.
            'crlf.sun 1:12-1:14 info aspect-not-covered',
            'crlf.sun 1:12-1:14 error missing-leader',
            'crlf.sun 2:10-2:13 error missing-grade',
            'crlf.sun 4:15-4:18 error unresolved-reference'
        ].map(line => `${POSITIONS}/${line}`));
    });

    test('the text and github formats give the same positions', () => {
        const text = sunlight(['check', POSITIONS]).stdout.split('\n').filter(line => line.startsWith(POSITIONS));
        expect(text.map(line => line.split(' ').slice(0, 3).join(' '))).toContain(`${POSITIONS}/bom.sun:4:15 error unresolved-reference`);
        expect(text.map(line => line.split(' ').slice(0, 3).join(' '))).toContain(`${POSITIONS}/crlf.sun:4:15 error unresolved-reference`);
        expect(text.map(line => line.split(' ').slice(0, 3).join(' '))).toContain(`${POSITIONS}/astral.sun:2:34 error unresolved-reference`);
        const github = sunlight(['check', '--format', 'github', POSITIONS]).stdout;
        expect(github).toContain(`::error file=${POSITIONS}/bom.sun,line=1,endLine=1,col=12,endColumn=14,`);
        expect(github).toContain(`::error file=${POSITIONS}/crlf.sun,line=4,endLine=4,col=15,endColumn=18,`);
    });
});

describe('sunlight.json', () => {
    const CONFIG = 'test/fixtures/cli/config';

    test('turns a rule off, changes a severity and sets flow-too-long maxSteps', () => {
        const { report, status, stderr } = checkJson([CONFIG]);
        expect(stderr).toBe('');
        expect(ranged(report)).toEqual([
            // maxSteps 3 and severity warning (a flow of four steps).
            `${CONFIG}/office.sun 15:9-15:13 warning flow-too-long`,
            // missing-grade: warning instead of error; missing-owner (line 23): off.
            `${CONFIG}/office.sun 29:10-29:14 warning missing-grade`
        ]);
        expect(status).toBe(0); // no error left
    });

    test('the same file without the sunlight.json gets the default severities', () => {
        const dir = path.join(temp.dir, 'no-config');
        fs.mkdirSync(dir);
        fs.copyFileSync(path.join(FIXTURES, 'config', 'office.sun'), path.join(dir, 'office.sun'));
        const { report, status } = checkJson(['.'], { cwd: dir });
        expect(ranged(report)).toEqual([
            'office.sun 23:10-23:14 warning missing-owner',
            'office.sun 29:10-29:14 error missing-grade'
        ]);
        expect(status).toBe(1);
    });

    test('is found from a checked file\'s folder, and upwards', () => {
        const { report } = checkJson([`${CONFIG}/office.sun`]);
        expect(report.diagnostics.map(d => `${d.severity} ${d.code}`)).toEqual(['warning flow-too-long', 'warning missing-grade']);
        const dir = path.join(temp.dir, 'upwards');
        copyFixture(path.join(FIXTURES, 'config'), dir);
        fs.mkdirSync(path.join(dir, 'departments'));
        fs.renameSync(path.join(dir, 'office.sun'), path.join(dir, 'departments', 'office.sun'));
        const below = checkJson(['departments'], { cwd: dir });
        expect(below.report.diagnostics.map(d => `${d.severity} ${d.code}`)).toEqual(['warning flow-too-long', 'warning missing-grade']);
    });

    test('a broken sunlight.json is an invalid-config diagnostic, not a crash', () => {
        const BROKEN = 'test/fixtures/cli/broken-config';
        const { report, status, stderr } = checkJson([BROKEN]);
        expect(stderr).toBe('');
        expect(status).toBe(1);
        expect(ranged(report)).toEqual([
            // The broken file is ignored: default severities.
            `${BROKEN}/office.sun 23:10-23:14 warning missing-owner`,
            `${BROKEN}/office.sun 29:10-29:14 error missing-grade`,
            // The trailing comma: `  }` on line 4.
            `${BROKEN}/sunlight.json 4:3-4:4 error invalid-config`
        ]);
        expect(report.files).toEqual([`${BROKEN}/office.sun`]);
        // Every format copes with a diagnostic on a file that is not a .sun file.
        for (const format of ['text', 'sarif', 'junit', 'github']) {
            const run = sunlight(['check', '--format', format, BROKEN]);
            expect(run.status, format).toBe(1);
            expect(run.stderr, format).toBe('');
            expect(run.stdout, format).toContain('sunlight.json');
        }
    });

    test('unknown rules, bad severities and bad options are invalid-config diagnostics too', () => {
        const dir = path.join(temp.dir, 'bad-settings');
        fs.mkdirSync(dir);
        fs.copyFileSync(path.join(FIXTURES, 'config', 'office.sun'), path.join(dir, 'office.sun'));
        fs.writeFileSync(path.join(dir, 'sunlight.json'), [
            '{',
            '  "rules": {',
            '    "no-such-rule": "off",',
            '    "missing-grade": "fatal",',
            '    "flow-too-long": { "maxSteps": -1 },',
            '    "missing-owner": "off"',
            '  }',
            '}',
            ''
        ].join('\n'));
        const { report, status } = checkJson(['.'], { cwd: dir });
        expect(status).toBe(1);
        expect(report.diagnostics.filter(d => d.file === 'sunlight.json').map(d => `${d.line}:${d.column} ${d.severity} ${d.code}`)).toEqual([
            '3:5 error invalid-config',
            '4:5 error invalid-config',
            '5:24 error invalid-config'
        ]);
        // The good setting still applies.
        expect(report.diagnostics.map(d => d.code)).not.toContain('missing-owner');
    });
});

describe('// sunlight-ignore CODE: reason', () => {
    test('silences the next line; one without a reason or that silences nothing is reported', () => {
        const SUPPRESSIONS = 'test/fixtures/cli/suppressions';
        const { report, status } = checkJson([SUPPRESSIONS]);
        expect(ranged(report)).toEqual([
            // Line 9 silences the missing-grade of line 10: nothing reported there.
            // Line 15 has no reason: it is reported and silences nothing (line 16).
            `${SUPPRESSIONS}/office.sun 15:5-15:37 warning invalid-suppression`,
            `${SUPPRESSIONS}/office.sun 16:10-16:13 error missing-grade`,
            // Line 21: the risk below has an owner.
            `${SUPPRESSIONS}/office.sun 21:5-21:48 warning unused-suppression`,
            // Line 28: not a rule code.
            `${SUPPRESSIONS}/office.sun 28:5-28:44 warning invalid-suppression`
        ]);
        expect(status).toBe(1);
    });
});
