/**
 * `sunlight check --format text|json|sarif|junit|github`, run as a process
 * on test/fixtures/cli/: every format says the same thing as the JSON report,
 * in its own well-formed shape. Codes and positions are asserted, never the
 * wording of messages.
 */
import { formatGithub } from '../../cli/formats/github.js';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type { ValidateFunction } from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { RULE_CODES } from '../../language/rules.js';
import { checkJson, hasScript, ROOT, sunlight, sunlightOnTerminal, tempDir, type JsonReport, type RunResult } from './cli-helpers.js';

// Each test spawns the CLI a few times; a loaded machine (parallel test files) makes that slower.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const FAULTY = 'test/fixtures/cli/faulty';
const SYNTAX = 'test/fixtures/cli/syntax';
const CLEAN = 'test/fixtures/cli/clean';

/** The faulty workspace's diagnostics, as every format must report them (sorted by file, line, column). */
const FAULTY_RANGES = [
    'departments/admissions.sun 2:12-2:15 info aspect-not-covered',
    'departments/admissions.sun 2:12-2:15 error missing-leader',
    'departments/admissions.sun 14:18-14:20 warning unreachable-step',
    'departments/admissions.sun 17:14-17:18 error missing-grade',
    'departments/admissions.sun 21:33-21:36 error unresolved-reference',
    'departments/nested/deep/logistics.sun 4:11-4:15 warning missing-flow',
    'departments/nested/deep/logistics.sun 4:11-4:15 warning uncovered-power'
].map(line => `${FAULTY}/${line}`);

let faulty: RunResult & { report: JsonReport };
let syntax: RunResult & { report: JsonReport };

beforeAll(() => {
    faulty = checkJson([FAULTY]);
    syntax = checkJson([SYNTAX]);
});

/** Each diagnostic as `file line:col severity code`, the common ground of all formats. */
const common = (report: JsonReport) => report.diagnostics.map(d => `${d.file} ${d.line}:${d.column} ${d.severity} ${d.code}`);

describe('--format json', () => {
    test('prints the spec shape: files, diagnostics, summary', () => {
        expect(faulty.status).toBe(1);
        expect(faulty.stderr).toBe('');
        const { report } = faulty;
        expect(Object.keys(report)).toEqual(['files', 'diagnostics', 'summary']);
        expect(report.files).toEqual([
            `${FAULTY}/bases.sun`, `${FAULTY}/college.sun`, `${FAULTY}/departments/admissions.sun`,
            `${FAULTY}/departments/finance.sun`, `${FAULTY}/departments/nested/deep/logistics.sun`
        ]);
        for (const d of report.diagnostics) {
            expect(Object.keys(d)).toEqual(['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
            expect(typeof d.message).toBe('string');
            expect(d.message.length).toBeGreaterThan(0);
        }
        expect(report.diagnostics.map(d => `${d.file} ${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity} ${d.code}`)).toEqual(FAULTY_RANGES);
        expect(Object.keys(report.summary)).toEqual(['files', 'errors', 'warnings', 'infos', 'hints']);
        expect(report.summary).toEqual({ files: 5, errors: 3, warnings: 3, infos: 1, hints: 0 });
    });

    test('sorts diagnostics by file, line and column, in every workspace', () => {
        for (const { report } of [faulty, syntax]) {
            const keys = report.diagnostics.map(d => [d.file, d.line, d.column] as const);
            const sorted = [...keys].sort((a, b) => a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2]);
            expect(keys).toEqual(sorted);
        }
    });

    test('the summary counts the diagnostics by severity', () => {
        for (const { report } of [faulty, syntax]) {
            const count = (severity: string) => report.diagnostics.filter(d => d.severity === severity).length;
            expect(report.summary).toEqual({
                files: report.files.length, errors: count('error'), warnings: count('warning'), infos: count('info'), hints: count('hint')
            });
        }
    });

    test('paths are relative to the current folder, with /', () => {
        const inside = checkJson(['.'], { cwd: path.join(ROOT, FAULTY) });
        expect(inside.report.files).toEqual([
            'bases.sun', 'college.sun', 'departments/admissions.sun', 'departments/finance.sun', 'departments/nested/deep/logistics.sun'
        ]);
        expect(common(inside.report)).toEqual(common(faulty.report).map(line => line.slice(FAULTY.length + 1)));
        // From a subfolder, with an absolute path argument: still relative to the current folder.
        const below = checkJson([path.join(ROOT, FAULTY)], { cwd: path.join(ROOT, FAULTY, 'departments', 'nested') });
        expect(below.report.files).toEqual([
            '../../bases.sun', '../../college.sun', '../admissions.sun', '../finance.sun', 'deep/logistics.sun'
        ]);
        expect(below.report.diagnostics.map(d => d.file)).not.toContain(expect.stringMatching(/^\/|\\/));
    });
});

describe('--format text', () => {
    const LINE = /^(\S+):(\d+):(\d+) (error|warning|info|hint) ([a-z]+(?:-[a-z]+)*) (\S.*)$/;
    let plain: RunResult;
    let forced: RunResult;
    let brokenText: RunResult;
    beforeAll(() => {
        plain = sunlight(['check', FAULTY]);
        forced = sunlight(['check', FAULTY], { env: { FORCE_COLOR: '1' } });
        brokenText = sunlight(['check', SYNTAX]);
    });

    test('prints `file:line:col severity code message` lines, then a summary line', () => {
        expect(plain.status).toBe(1);
        expect(plain.stderr).toBe('');
        const lines = plain.stdout.split('\n');
        expect(lines.pop()).toBe(''); // ends with a newline
        const summary = lines.pop()!;
        expect(lines.pop()).toBe(''); // a blank line before the summary
        const parsed = lines.map(line => {
            const match = LINE.exec(line);
            expect(match, line).not.toBeNull();
            return `${match![1]} ${match![2]}:${match![3]} ${match![4]} ${match![5]}`;
        });
        expect(parsed).toEqual(common(faulty.report));
        // Files, errors, warnings, infos, in this order, whatever the wording.
        expect(summary.match(/\d+/g)!.map(Number)).toEqual([5, 3, 3, 1]);
    });

    test('one line per diagnostic: parser messages are flattened to one line at the source', () => {
        expect(syntax.report.diagnostics.some(d => d.code === 'syntax-error')).toBe(true);
        expect(syntax.report.diagnostics.filter(d => d.message.includes('\n'))).toEqual([]);
        const lines = brokenText.stdout.split('\n').filter(line => LINE.test(line));
        expect(lines.length).toBe(syntax.report.diagnostics.length);
        // Only the diagnostics, a blank line, the summary and the final newline.
        expect(brokenText.stdout.split('\n').length).toBe(syntax.report.diagnostics.length + 3);
    });

    test('no ANSI colours when stdout is not a terminal; FORCE_COLOR=1 adds them', () => {
        expect(plain.stdout).not.toMatch(/\x1b\[/);
        expect(forced.status).toBe(1);
        expect(forced.stdout).toMatch(/\x1b\[\d+m/);
        // eslint-disable-next-line no-control-regex
        expect(forced.stdout.replace(/\x1b\[\d+m/g, '')).toBe(plain.stdout);
        const off = sunlight(['check', CLEAN], { env: { FORCE_COLOR: '0' } });
        expect(off.stdout).not.toMatch(/\x1b\[/);
    });

    test.skipIf(!hasScript)('colours on a terminal, unless NO_COLOR is set', () => {
        const terminal = sunlightOnTerminal(['check', FAULTY]);
        expect(terminal.status).toBe(1);
        expect(terminal.stdout).toMatch(/\x1b\[\d+m/);
        expect(terminal.stdout.replace(/\x1b\[\d+m/g, '')).toBe(plain.stdout);
        const noColor = sunlightOnTerminal(['check', FAULTY], { env: { NO_COLOR: '1' } });
        expect(noColor.stdout).not.toMatch(/\x1b\[/);
        expect(noColor.stdout).toBe(plain.stdout);
    });
});

describe('--format sarif', () => {
    const require = createRequire(import.meta.url);
    let sarif: Record<string, any>;
    let result: RunResult;
    beforeAll(() => {
        result = sunlight(['check', '--format', 'sarif', FAULTY]);
        sarif = JSON.parse(result.stdout);
    });

    /** The SARIF 2.1.0 schema as Microsoft's SARIF SDK ships it (a draft-04 JSON schema). */
    let compiled: ValidateFunction | undefined;
    function sarifValidator(): ValidateFunction {
        if (compiled) return compiled;
        const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
        const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
        // Both packages are CommonJS modules whose export is also their `default`.
        // unicodeRegExp: false, as the schema's own "language" pattern is not valid with the u flag.
        const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
        addFormats.default(ajv);
        compiled = ajv.compile(schema);
        return compiled;
    }

    test('is valid against the SARIF 2.1.0 JSON schema', () => {
        expect(result.status).toBe(1);
        expect(result.stderr).toBe('');
        const validate = sarifValidator();
        expect(validate(sarif) ? [] : validate.errors).toEqual([]);
        // The schema does reject what is not SARIF 2.1.0.
        expect(validate({ ...sarif, version: '2.0.0' })).toBe(false);
        expect(validate({ ...sarif, runs: [{ ...sarif.runs[0], results: [{ ...sarif.runs[0].results[0], level: 'fatal' }] }] })).toBe(false);
    });

    test('has one rule per code with help text, and one result per diagnostic', () => {
        expect(sarif.version).toBe('2.1.0');
        expect(sarif.runs).toHaveLength(1);
        const run = sarif.runs[0];
        expect(run.tool.driver.name).toBe('sunlight');
        const rules = run.tool.driver.rules as Array<{ id: string; help: { text: string }; shortDescription: { text: string } }>;
        expect(rules.map(rule => rule.id)).toEqual([...RULE_CODES]);
        for (const rule of rules) {
            expect(rule.help.text.length, rule.id).toBeGreaterThan(0);
            expect(rule.shortDescription.text.length, rule.id).toBeGreaterThan(0);
        }
        const level = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;
        expect(run.results).toHaveLength(faulty.report.diagnostics.length);
        run.results.forEach((r: any, i: number) => {
            const d = faulty.report.diagnostics[i];
            expect(r.ruleId).toBe(d.code);
            expect(rules[r.ruleIndex].id).toBe(d.code);
            expect(r.level).toBe(level[d.severity]);
            expect(r.message.text).toBe(d.message);
            expect(r.locations).toHaveLength(1);
            const { artifactLocation, region } = r.locations[0].physicalLocation;
            expect(decodeURIComponent(artifactLocation.uri)).toBe(d.file);
            expect(region).toEqual({ startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn });
        });
        expect(run.columnKind).toBe('utf16CodeUnits');
        expect(run.artifacts.map((a: any) => decodeURIComponent(a.location.uri))).toEqual(faulty.report.files);
    });

    test('file names with #, % and spaces are percent-encoded path segments', () => {
        const { dir, remove } = tempDir();
        try {
            fs.mkdirSync(path.join(dir, 'a b'));
            fs.writeFileSync(path.join(dir, 'a b', '第#1 50%.sun'), 'department 甲处 "甲处" {\n}\n');
            const run = sunlight(['check', '--format', 'sarif', '.'], { cwd: dir });
            const log = JSON.parse(run.stdout);
            const uris = log.runs[0].results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri);
            expect(uris.length).toBeGreaterThan(0);
            for (const uri of uris) {
                expect(uri).toBe('a%20b/%E7%AC%AC%231%2050%25.sun');
                expect(new URL(uri, 'file:///root/').pathname).toBe(`/root/${uri}`); // no '#' fragment, no '?' query
            }
            const validate = sarifValidator();
            expect(validate(log) ? [] : validate.errors).toEqual([]);
        } finally {
            remove();
        }
    });
});

describe('--format junit', () => {
    const parser = new XMLParser({
        ignoreAttributes: false,
        attributeNamePrefix: '',
        parseAttributeValue: false,
        htmlEntities: true, // decode &#10; and &#13;
        isArray: name => name === 'testsuite' || name === 'testcase' || name === 'failure'
    });
    type Case = { classname: string; name: string; failure?: Array<{ type: string; message: string }> };
    type Suite = { name: string; tests: string; failures: string; errors: string; testcase: Case[] };

    test('is well-formed XML with one suite per file and one failure per diagnostic', () => {
        const run = sunlight(['check', '--format', 'junit', SYNTAX, FAULTY]);
        expect(run.status).toBe(1);
        expect(run.stderr).toBe('');
        expect(XMLValidator.validate(run.stdout)).toBe(true);
        const xml = parser.parse(run.stdout) as { testsuites: { tests: string; failures: string; errors: string; testsuite: Suite[] } };
        const both = checkJson([SYNTAX, FAULTY]).report;
        const suites = xml.testsuites.testsuite;
        expect(suites.map(s => s.name)).toEqual(both.files);
        let cases = 0;
        let failures = 0;
        for (const suite of suites) {
            const expected = both.diagnostics.filter(d => d.file === suite.name);
            const failed = suite.testcase.filter(c => c.failure);
            expect(Number(suite.failures), suite.name).toBe(expected.length);
            expect(failed.length, suite.name).toBe(expected.length);
            expect(Number(suite.tests), suite.name).toBe(suite.testcase.length);
            // A clean file passes one test case.
            if (expected.length === 0) expect(suite.testcase, suite.name).toHaveLength(1);
            expect(failed.map(c => c.failure![0].type)).toEqual(expected.map(d => d.severity));
            // The message attribute is the diagnostic's message, line breaks included (written as &#10;).
            expect(failed.map(c => c.failure![0].message)).toEqual(expected.map(d => d.message));
            expect(failed.map(c => c.name)).toEqual(expected.map(d => expect.stringContaining(d.code)));
            cases += suite.testcase.length;
            failures += failed.length;
        }
        expect(Number(xml.testsuites.tests)).toBe(cases);
        expect(Number(xml.testsuites.failures)).toBe(failures);
        expect(failures).toBe(both.diagnostics.length);
        expect(Number(xml.testsuites.errors)).toBe(0);
    });

    test('a clean workspace has no failures', () => {
        const run = sunlight(['check', '--format', 'junit', CLEAN]);
        expect(run.status).toBe(0);
        expect(XMLValidator.validate(run.stdout)).toBe(true);
        const xml = parser.parse(run.stdout) as { testsuites: { tests: string; failures: string; testsuite: Suite[] } };
        expect(xml.testsuites.testsuite).toHaveLength(3);
        expect(Number(xml.testsuites.failures)).toBe(0);
        expect(Number(xml.testsuites.tests)).toBe(3);
    });
});

describe('--format github', () => {
    const COMMAND = /^::(error|warning|notice) ([^:]*)::(.*)$/;
    const unescape = (value: string) => value.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
    const properties = (text: string) => Object.fromEntries(text.split(',').map(pair => {
        const [key, ...value] = pair.split('=');
        return [key, value.join('=')];
    }));

    test('prints one workflow command per diagnostic, with file, line and col', () => {
        const run = sunlight(['check', '--format', 'github', SYNTAX, FAULTY]);
        expect(run.status).toBe(1);
        expect(run.stderr).toBe('');
        const both = checkJson([SYNTAX, FAULTY]).report;
        const lines = run.stdout.split('\n');
        expect(lines.pop()).toBe('');
        expect(lines).toHaveLength(both.diagnostics.length);
        const command = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' } as const;
        lines.forEach((line, i) => {
            const d = both.diagnostics[i];
            const match = COMMAND.exec(line);
            expect(match, line).not.toBeNull();
            expect(match![1]).toBe(command[d.severity]);
            const props = properties(match![2]);
            expect(unescape(props.file)).toBe(d.file);
            expect(Number(props.line)).toBe(d.line);
            expect(Number(props.col)).toBe(d.column);
            expect(Number(props.endLine)).toBe(d.endLine);
            expect(Number(props.endColumn)).toBe(d.endColumn);
            // The message, escaped onto one line, decodes to the diagnostic's message.
            expect(match![3]).not.toMatch(/[\r\n]/);
            expect(unescape(match![3])).toBe(d.message);
        });
    });

    test('escapes %, CR and LF in the message', () => {
        const report = {
            files: ['a.sun'], locale: 'en' as const, failed: true,
            summary: { files: 1, errors: 1, warnings: 0, infos: 0, hints: 0 },
            diagnostics: [{ file: 'a.sun', line: 1, column: 1, endLine: 1, endColumn: 2, severity: 'error' as const, code: 'syntax-error', message: '50% done\r\nnext line' }]
        };
        const out = formatGithub(report, { color: false });
        expect(out).toBe('::error file=a.sun,line=1,endLine=1,col=1,endColumn=2,title=syntax-error::50%25 done%0D%0Anext line\n');
    });

    test('escapes %, :, and , in properties', () => {
        const { dir, remove } = tempDir();
        try {
            fs.writeFileSync(path.join(dir, 'a,b:c%d.sun'), 'department 甲处 "甲处" {\n    risk 风险 { aspect duty owner 张三 grade extreme }\n}\n');
            const run = sunlight(['check', '--format', 'github', '.'], { cwd: dir });
            const json = checkJson(['.'], { cwd: dir }).report;
            const lines = run.stdout.trimEnd().split('\n');
            expect(lines).toHaveLength(json.diagnostics.length);
            for (const line of lines) {
                const match = COMMAND.exec(line)!;
                expect(match, line).not.toBeNull();
                expect(properties(match[2]).file).toBe('a%2Cb%3Ac%25d.sun');
            }
        } finally {
            remove();
        }
    });
});
