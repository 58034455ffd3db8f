import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { insideFolder, safeFileName, uniqueFileNames } from '../../flowchart/file-names.js';
import { HOSTILE_STRINGS, HOSTILE_SUN_STRINGS, sunString } from '../fixtures/hostile-strings.js';
import { assertProperty, ensureBundle, fcParameters, NO_NETWORK, ROOT, runCli, SEED, stackTraceLines } from './support.js';

/**
 * Nothing escapes (test/robustness/README.md): export writes only inside
 * `--out`, under safe and stable file names; HTML and SVG output carries no
 * markup, script or link that came from the files (the shared corpus
 * test/fixtures/hostile-strings.ts is in every text and many names); and
 * neither the CLI (check, fmt, every export) nor the language server
 * (server-soak.test.ts, watched-files.test.ts) tries to reach the network.
 */

const work = mkdtempSync(path.join(os.tmpdir(), 'sunlight-escape-'));
// --out lies six folders deep in work/, so `../../x` (and deeper) would still land where the test can see it.
const deep = path.join(work, 'a', 'b', 'c', 'd', 'e', 'f');
const out = path.join(deep, 'out');
const workspace = path.join(work, 'workspace');
const netLog = path.join(work, 'network.log');

/** Names a Sunlight identifier can be that are hostile as file names: device names, case and NFC/NFD twins, very long. */
const HOSTILE_NAMES = ['con', 'CON', 'Con', 'nul', 'aux', 'prn', 'com1', 'lpt9', 'caf\u00e9', 'cafe\u0301', '_', 'ǅ', 'x'.repeat(300), '长'.repeat(200), 'script', 'onload'];

// ---------------------------------------------------------------- safe file names

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** Why `name` is not a safe single path segment, or undefined. */
function unsafe(name: string): string | undefined {
    if (name === '' || name === '.' || name === '..') return 'empty or a dot name';
    if (/[/\\:*?"<>|]/.test(name)) return 'a separator or a character Windows forbids';
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) return 'a control character';
    if (/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/.test(name)) return 'an invisible or bidirectional mark';
    if (name.startsWith('.')) return 'a leading dot';
    if (/[. ]$/.test(name)) return 'a trailing dot or space';
    if (WINDOWS_RESERVED.test(name)) return 'a Windows device name';
    if (Buffer.byteLength(name, 'utf8') > 200) return 'longer than 200 bytes';
    if (Buffer.from(name, 'utf8').toString('utf8') !== name) return 'not well-formed UTF-16 (lone surrogate): the disk would hold another name';
    return undefined;
}

// ---------------------------------------------------------------- the hostile workspace, exported

/** Cycles through the hostile strings so that every one of them lands in several fields. */
function texts(): () => string {
    let i = 0;
    return () => sunString(HOSTILE_SUN_STRINGS[i++ % HOSTILE_SUN_STRINGS.length]);
}

function hostileWorkspace(): Record<string, string> {
    const t = texts();
    const files: Record<string, string> = {};
    files['college.sun'] = `organization 学院 {
    campaign ${t()} due 2012-11-15
    leader 院长 ${t()}
    leader 副院长 ${t()}
    group 领导小组 ${t()} {
        members 院长, 副院长
    }
}
`;
    files['bases.sun'] = HOSTILE_NAMES.map((_, i) => `basis 依据${i} internal ${t()} {\n    article 第${i}条 ${t()}\n}`).join('\n') + '\n';
    const departments = ['con', 'CON', 'caf\u00e9', 'cafe\u0301', 'x'.repeat(300)];
    departments.forEach((dept, d) => {
        const powers = ['con', 'CON', 'nul'].map((power, p) => `    power ${power} {
        code ${t()}
        category finance
        content ${t()}
        responsible 处长
        basis 依据${p}, 依据${p}.第${p}条
        flow external limit 5 workdays {
            step script by 申请人
            step onload by 处长 within 2 workdays
            decision 判断 by 处长 {
                ${t()} -> onload
                ${t()} -> 办结
            }
            step 办结 by 院长 within 1 workday
        }
        risk 风险${p} at onload {
            description ${t()}
            aspect process
            grade high
            cause ${t()}
            owner 甲
            found by 甲 self
            measure ${t()} by 处长 within 30 days
            measure ${t()}
        }
    }`).join('\n');
        files[`departments/d${d}.sun`] = `department ${dept} ${t()} {
    leader ${d % 2 ? '院长' : '副院长'}
    post 处长 ${t()}
    role 申请人 external ${t()}
    staff 甲 post 处长
    staff 乙 post 处长
${powers}
    register 甲 {
        risks 风险0, 风险1
        signed 2012-10-25
    }
    register department {
        reviewed 2012-10-30 ${t()}
        approved by ${d % 2 ? '院长' : '副院长'} on 2012-11-02
    }
}
`;
    });
    return files;
}

function listFiles(dir: string): string[] {
    const result: string[] = [];
    const walk = (folder: string) => {
        for (const entry of readdirSync(folder)) {
            const full = path.join(folder, entry);
            if (statSync(full).isDirectory()) walk(full);
            else result.push(full);
        }
    };
    if (existsSync(dir)) walk(dir);
    return result;
}

/** Elements an export may write: text, tables, layout, inline SVG drawing; nothing that runs or loads. */
const ELEMENTS = new Set([
    'html', 'head', 'meta', 'title', 'style', 'body', 'main', 'header', 'footer', 'nav', 'section', 'article', 'aside', 'div', 'span', 'p',
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'em', 'b', 'i', 'small', 'sub', 'sup', 'mark', 'code', 'pre', 'br', 'hr', 'abbr', 'time',
    'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'figure', 'figcaption',
    'details', 'summary', 'a',
    'svg', 'g', 'rect', 'text', 'tspan', 'line', 'polyline', 'polygon', 'path', 'circle', 'ellipse', 'desc', 'defs', 'marker'
]);

/** Problems with an HTML or SVG document: unknown or active elements, event handlers, links out. */
function markupProblems(file: string, content: string): string[] {
    const problems: string[] = [];
    // Every `<` must open (or close) an allowed element, or be the doctype: the data's `<` are escaped.
    for (const match of content.matchAll(/<(\/?)([^\s>/]*)/g)) {
        const name = match[2].toLowerCase();
        if (match[1] === '' && name === '!doctype') continue;
        if (!ELEMENTS.has(name)) problems.push(`<${match[1]}${match[2]}> at ${match.index}: ${JSON.stringify(content.slice(match.index, match.index! + 80))}`);
    }
    for (const tag of content.matchAll(/<[a-zA-Z][^>]*>/g)) {
        for (const attribute of tag[0].matchAll(/\s([^\s=>]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/g)) {
            const name = attribute[1].toLowerCase();
            const value = attribute[2].replace(/^["']|["']$/g, '').replace(/&#x?[0-9a-f]+;|&[a-z]+;/gi, ' ').trim().toLowerCase();
            if (name.startsWith('on')) problems.push(`event handler ${name} in ${tag[0].slice(0, 120)}`);
            if ((name === 'href' || name === 'src' || name.endsWith(':href')) && /^(javascript|data|vbscript|https?|ftp|file):|^\/\//.test(value)) {
                problems.push(`link out ${name}="${value}" in ${tag[0].slice(0, 120)}`);
            }
            if (name === 'http-equiv' && value !== 'content-security-policy') problems.push(`meta http-equiv ${value}`);
        }
    }
    if (file.endsWith('.svg')) {
        const valid = XMLValidator.validate(content);
        if (valid !== true) problems.push(`not well-formed XML: ${JSON.stringify(valid.err)}`);
    }
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(content)) problems.push('a control character');
    return problems;
}

const EXPORTS: Array<{ name: string; args: string[] }> = [
    { name: 'flowchart', args: ['export', 'flowchart', '.', '--out', path.join(out, 'flowchart')] },
    { name: 'catalog', args: ['export', 'catalog', '.', '--format', 'xlsx,csv,md,html', '--out', path.join(out, 'catalog')] },
    { name: 'registers', args: ['export', 'registers', '.', '--format', 'html,xlsx', '--out', path.join(out, 'registers')] },
    { name: 'report', args: ['export', 'report', '.', '--out', path.join(out, 'report')] }
];

// ---------------------------------------------------------------- the network

/** Registered by processes.test.ts, where it runs beside the other suites that wait on child processes. */
export function nothingEscapesSuite(): void {
    describe.concurrent('nothing escapes', () => {
        describe.sequential('file names made from names and titles', () => {
            test('safeFileName: every hostile string gives one safe, stable path segment', () => {
                for (const value of [...HOSTILE_STRINGS, ...HOSTILE_NAMES]) {
                    const name = safeFileName(value);
                    expect(unsafe(name), `${JSON.stringify(value)} → ${JSON.stringify(name)}`).toBeUndefined();
                    expect(safeFileName(value)).toBe(name);
                    expect(path.dirname(path.join(out, name))).toBe(out);
                }
            });

            test('safeFileName on any string: safe, stable, inside the folder', async () => {
                const anyString = fc.oneof(
                    fc.string({ unit: 'binary', maxLength: 200 }),
                    fc.string({ unit: fc.constantFrom('.', '/', '\\', ':', ' ', '\u0000', '\u202e', 'c', 'o', 'n', 'C', 'O', 'N', '\ud800', '\udc00', '长', 'e\u0301'), maxLength: 12 }),
                    fc.constantFrom(...HOSTILE_STRINGS, ...HOSTILE_NAMES).chain(base => fc.string({ unit: 'binary', maxLength: 4 }).map(suffix => base + suffix))
                );
                await assertProperty('safeFileName', fc.property(anyString, value => {
                    const name = safeFileName(value);
                    const problem = unsafe(name);
                    if (problem) throw new Error(`${JSON.stringify(value)} → ${JSON.stringify(name)}: ${problem}`);
                    if (safeFileName(value) !== name) throw new Error('not stable');
                    if (path.dirname(path.join(out, name)) !== out) throw new Error(`${JSON.stringify(name)} is not one segment`);
                }), fcParameters(2000));
            });

            test('uniqueFileNames: distinct on case-insensitive disks, stable, safe', async () => {
                await assertProperty('uniqueFileNames', fc.property(fc.array(fc.oneof(fc.constantFrom(...HOSTILE_NAMES, ...HOSTILE_STRINGS), fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 30 }), names => {
                    const first = uniqueFileNames(names, '.svg');
                    expect(uniqueFileNames(names, '.svg')).toEqual(first);
                    const folded = first.map(name => name.normalize('NFC').toLowerCase());
                    expect(new Set(folded).size, JSON.stringify(first)).toBe(first.length);
                    for (const name of first) expect(unsafe(name), JSON.stringify(name)).toBeUndefined();
                }), fcParameters(500));
            });

            test('insideFolder refuses every way out', () => {
                for (const value of [...HOSTILE_STRINGS, '../x', '../../x', '/etc/passwd', 'a/../../x', '..\\..\\x', 'C:\\x', '\\\\server\\share\\x']) {
                    let target: string | undefined;
                    try {
                        target = insideFolder(out, value);
                    } catch {
                        continue; // refused
                    }
                    expect(target === out || target.startsWith(out + path.sep), `${JSON.stringify(value)} → ${target}`).toBe(true);
                }
            });
        });

        beforeAll(() => {
            ensureBundle();
            for (const [name, text] of Object.entries(hostileWorkspace())) {
                mkdirSync(path.dirname(path.join(workspace, name)), { recursive: true });
                writeFileSync(path.join(workspace, name), text);
            }
            mkdirSync(deep, { recursive: true });
        }, 180_000);

        afterAll(() => {
            rmSync(work, { recursive: true, force: true });
        });

        describe.sequential('export of a workspace whose every text is hostile', () => {
            test('the markup check sees injected markup (positive control)', () => {
                for (const bad of ['<p><script>alert(1)</script></p>', '<p><img src=x onerror="alert(1)"></p>', '<a href="javascript:alert(1)">x</a>', '<svg onload="x()"></svg>',
                    '<td>a<b</td>', '<meta http-equiv="refresh" content="0;url=http://example.invalid/">', '<foreignObject></foreignObject>']) {
                    expect(markupProblems('x.html', bad), bad).not.toEqual([]);
                }
                expect(markupProblems('x.html', '<!DOCTYPE html><html><body><p class="x">a &lt;script&gt; b</p></body></html>')).toEqual([]);
            });

            test('the hostile workspace parses (the fixture is sound)', async () => {
                const result = await runCli(['check', '--format', 'json', '--lang', 'en', '.'], { cwd: workspace, netLog });
                const report = JSON.parse(result.stdout) as { diagnostics: Array<{ code: string; file: string; line: number; message: string }> };
                expect(report.diagnostics.filter(d => d.code === 'syntax-error' || d.code === 'unresolved-reference')).toEqual([]);
            });

            test('every export writes only inside --out, under safe names; HTML and SVG carry no markup from the data', async () => {
                const started = performance.now();
                const before = new Set(listFiles(work));
                const problems: string[] = [];
                let written = 0;
                for (const { name, args } of EXPORTS) {
                    const result = await runCli(args, { cwd: workspace, netLog, timeoutMs: 120_000, env: { SOURCE_DATE_EPOCH: '1352937600' } });
                    expect([0, 1], `${name}: exit ${result.code}\n${result.stderr}`).toContain(result.code);
                    expect(stackTraceLines(result.stderr), `${name}: ${result.stderr}`).toEqual([]);
                    const folder = args[args.indexOf('--out') + 1];
                    const files = listFiles(folder);
                    expect(files.length, `${name} wrote nothing`).toBeGreaterThan(0);
                    written += files.length;
                    for (const file of files) {
                        for (const segment of path.relative(folder, file).split(path.sep)) {
                            const problem = unsafe(segment);
                            if (problem) problems.push(`${name}: file name ${JSON.stringify(segment)}: ${problem}`);
                        }
                        if (/\.(html|svg)$/.test(file)) {
                            for (const problem of markupProblems(file, readFileSync(file, 'utf8'))) problems.push(`${path.relative(out, file)}: ${problem}`);
                        }
                    }
                }
                // Nothing anywhere else under work/ (six levels above --out), and nothing at the classic targets.
                const outside = listFiles(work).filter(file => !before.has(file) && !file.startsWith(out + path.sep) && file !== netLog);
                expect(outside, 'files written outside --out').toEqual([]);
                for (const target of ['x', 'etc/passwd', 'passwd']) {
                    for (let up = 1; up <= 6; up++) expect(existsSync(path.resolve(out, '../'.repeat(up), target)), `${'../'.repeat(up)}${target}`).toBe(false);
                }
                expect(problems).toEqual([]);
                // Case twins (con/CON) and NFC/NFD twins (café) got distinct files.
                const flowcharts = readdirSync(path.join(out, 'flowchart')).map(name => name.normalize('NFC').toLowerCase());
                expect(new Set(flowcharts).size).toBe(flowcharts.length);
                console.log(`[robustness] hostile export: ${written} files from ${EXPORTS.length} exports checked in ${((performance.now() - started) / 1000).toFixed(1)} s; seed ${SEED}`);
            }, 300_000);
        });

        describe.sequential('nothing reaches the network', () => {
            test('the guard itself sees every way out (positive control)', () => {
                const log = path.join(work, 'control.log');
                const script = `
                    const attempts = [
                        () => require('node:http').get('http://example.invalid/'),
                        () => require('node:https').request('https://example.invalid/'),
                        () => require('node:net').connect(80, 'example.invalid'),
                        () => new (require('node:net').Socket)().connect(80, '127.0.0.1'),
                        () => require('node:tls').connect(443, 'example.invalid'),
                        () => require('node:dns').lookup('example.invalid', () => {}),
                        () => require('node:dgram').createSocket('udp4'),
                        () => fetch('http://example.invalid/').catch(() => {}),
                    ];
                    for (const attempt of attempts) { try { attempt(); } catch {} }
                `;
                execFileSync(process.execPath, ['--require', NO_NETWORK, '-e', script], { env: { ...process.env, SUNLIGHT_NET_LOG: log }, stdio: 'pipe' });
                const lines = readFileSync(log, 'utf8').trim().split('\n').map(line => (JSON.parse(line) as { what: string }).what);
                expect(lines).toEqual(expect.arrayContaining(['http.get', 'https.request', 'net.connect', 'net.Socket.connect', 'tls.connect', 'dns.lookup', 'dgram.createSocket', 'fetch']));
            });

            test('check, fmt and every export of this file ran under the guard and tried nothing', async () => {
                // check and fmt on the examples too (the exports above ran on the hostile workspace).
                const examples = path.join(work, 'examples');
                execFileSync('cp', ['-r', path.join(ROOT, 'examples'), examples]);
                for (const args of [['check', '.'], ['fmt', '--check', '.'], ['version'], ['--help']]) {
                    const result = await runCli(args, { cwd: examples, netLog });
                    expect([0, 1], `${args.join(' ')}: ${result.stderr}`).toContain(result.code);
                }
                expect(existsSync(netLog) ? readFileSync(netLog, 'utf8') : '').toBe('');
            }, 120_000);
        });
    });
}
