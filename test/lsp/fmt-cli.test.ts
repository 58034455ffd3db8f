import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { UsageError } from '../../cli/errors.js';
import { COMMANDS } from '../../cli/commands/index.js';
import type { CliContext } from '../../cli/context.js';
import { main } from '../../cli/main.js';

let directory: string;
let cwd: string;

beforeEach(() => {
    cwd = process.cwd();
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'sunlight-fmt-'));
    process.chdir(directory);
});
afterEach(() => {
    process.chdir(cwd);
    fs.rmSync(directory, { recursive: true, force: true });
});

const MESSY = 'department 财务处 "财务处" {\n  leader 院长   post 会计 "会计" // 注释\n}';
const CANONICAL = 'department 财务处 "财务处" {\n    leader 院长\n    post 会计 "会计" // 注释\n}\n';

async function run(args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const context: CliContext = { locale: 'en', write: text => { out.push(text); }, writeError: text => { err.push(text); }, color: false, ruleDocsBase: undefined };
    const code = await main(['fmt', ...args], context);
    return { code, out: out.join(''), err: err.join('') };
}

describe('sunlight fmt', () => {
    test('is registered as a command', () => {
        expect(COMMANDS.map(command => command.name)).toContain('fmt');
    });

    test('rewrites files in place, and lists them', async () => {
        fs.mkdirSync('departments');
        fs.writeFileSync('departments/finance.sun', MESSY);
        fs.writeFileSync('ok.sun', CANONICAL);
        const { code, out } = await run([]);
        expect(code).toBe(0);
        expect(out).toBe('departments/finance.sun\n');
        expect(fs.readFileSync('departments/finance.sun', 'utf8')).toBe(CANONICAL);
        expect(fs.readFileSync('ok.sun', 'utf8')).toBe(CANONICAL);
        expect((await run(['.'])).out).toBe('');
    });

    test('--check lists the files that would change, exits 1, changes nothing', async () => {
        fs.writeFileSync('a.sun', MESSY);
        fs.writeFileSync('b.sun', CANONICAL);
        const { code, out, err } = await run(['--check', 'a.sun', 'b.sun']);
        expect(code).toBe(1);
        expect(out).toBe('a.sun\n');
        expect(err).toMatch(/1 file would be reformatted/);
        expect(fs.readFileSync('a.sun', 'utf8')).toBe(MESSY);
        expect((await run(['--check', 'b.sun'])).code).toBe(0);
    });

    test('keeps a BOM and CRLF line ends', async () => {
        fs.writeFileSync('a.sun', '\uFEFF' + MESSY.replace(/\n/g, '\r\n'));
        expect((await run(['a.sun'])).code).toBe(0);
        const bytes = fs.readFileSync('a.sun');
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        expect(bytes.subarray(3).toString('utf8')).toBe(CANONICAL.replace(/\n/g, '\r\n'));
        expect((await run(['--check', 'a.sun'])).code).toBe(0);
    });

    test('files with syntax errors are reported and left as they are', async () => {
        fs.writeFileSync('bad.sun', 'department 财务处 "财务处" {\n  post 会计\n}\n');
        fs.writeFileSync('good.sun', MESSY);
        const { code, out, err } = await run([]);
        expect(code).toBe(1);
        expect(err).toMatch(/^bad\.sun:3:1: syntax error, not formatted$/m);
        expect(out).toBe('good.sun\n');
        expect(fs.readFileSync('bad.sun', 'utf8')).toBe('department 财务处 "财务处" {\n  post 会计\n}\n');
        expect(fs.readFileSync('good.sun', 'utf8')).toBe(CANONICAL);
    });

    test('bad arguments and missing paths are usage errors (exit 2 in the CLI)', async () => {
        await expect(run(['--frobnicate'])).rejects.toThrow(UsageError);
        await expect(run(['missing.sun'])).rejects.toThrow(UsageError);
        await expect(main(['fmt', '--nope'])).rejects.toThrow(UsageError);
    });
});
