/**
 * Every command answers `--help` (as a process, through the bundle), in
 * English or Chinese; `sunlight --help` names every command; and the commands
 * that need no export never load the export's heavy modules.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, test, vi } from 'vitest';
import { COMMANDS } from '../../cli/commands/index.js';
import { BIN, ensureBundle, environment, ROOT, sunlight } from './cli-helpers.js';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const NAMES = COMMANDS.map(command => command.name);

describe('--help', () => {
    test('the list of commands is the one the help shows', () => {
        expect(NAMES).toEqual(expect.arrayContaining(['check', 'fmt', 'export flowchart', 'export catalog', 'export registers', 'export report', 'lsp', 'version']));
        const help = sunlight(['--help']);
        expect(help.status).toBe(0);
        const listed = help.stdout.split('\n').map(line => /^ {2}(\S+(?: [a-z]+)?)(?= \[|\s{2}|$)/.exec(line)?.[1]).filter(Boolean);
        for (const name of NAMES) expect(listed, name).toContain(name);
    });

    test.each(NAMES)('sunlight %s --help: its usage and options, exit 0', name => {
        const words = name.split(' ');
        const run = sunlight([...words, '--help']);
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        expect(run.stdout).toContain(`Usage: sunlight ${name}`);
        expect(run.stdout).toMatch(/^ {2}-h, --help/m);
        expect(run.stdout).not.toMatch(/用法/);
    });

    test('`sunlight help check` is `sunlight check --help`', () => {
        const run = sunlight(['help', 'check']);
        expect(run.status).toBe(0);
        expect(run.stdout).toBe(sunlight(['check', '--help']).stdout);
    });

    test.each(NAMES)('sunlight %s --help in Chinese: --lang zh or the environment', name => {
        const words = name.split(' ');
        const byFlag = sunlight([...words, '--help', '--lang', 'zh']);
        expect(byFlag.status).toBe(0);
        expect(byFlag.stdout).toMatch(/^用法: sunlight /);
        const byEnvironment = sunlight([...words, '--help'], { env: { LANG: 'zh_CN.UTF-8' } });
        expect(byEnvironment.stdout).toBe(byFlag.stdout);
    });

    test('a group alone (`export --help`) lists its commands', () => {
        const run = sunlight(['export', '--help']);
        expect(run.status).toBe(0);
        for (const name of NAMES.filter(n => n.startsWith('export '))) expect(run.stdout).toContain(name);
    });
});

describe('lazy loading', () => {
    /** The bare module names `require`d while running `sunlight ARGS`. */
    function loaded(args: string[]): string[] {
        ensureBundle();
        const hook = `const Module = require('node:module'); const load = Module._load; const seen = new Set();
Module._load = function (request, ...rest) { seen.add(request); return load.call(this, request, ...rest); };
process.on('exit', () => require('node:fs').writeSync(3, JSON.stringify([...seen])));
process.argv = [process.argv[0], ${JSON.stringify(BIN)}, ...JSON.parse(process.env.SUNLIGHT_ARGS)];
require(${JSON.stringify(BIN)});`;
        const run = spawnSync(process.execPath, ['-e', hook], {
            cwd: ROOT, env: environment({ SUNLIGHT_ARGS: JSON.stringify(args) }), encoding: 'utf8', timeout: 20_000,
            stdio: ['ignore', 'pipe', 'pipe', 'pipe']
        });
        expect(run.status, run.stderr).not.toBeNull();
        return JSON.parse(String(run.output[3])) as string[];
    }

    test('check, fmt and --help never load ELK, exceljs or resvg; export flowchart does', () => {
        const heavy = ['elkjs', 'exceljs', '@resvg/resvg-js'];
        for (const args of [['check', 'test/fixtures/cli/ascii-names'], ['fmt', '--check', 'examples'], ['--help']]) {
            const modules = loaded(args);
            for (const name of heavy) expect(modules.some(m => m.startsWith(name)), `${args.join(' ')} loads ${name}`).toBe(false);
        }
        expect(loaded(['export', 'flowchart', 'test/fixtures/spec', '--out', '/nonexistent/never', '--power', 'none']).some(m => m.startsWith('elkjs'))).toBe(true);
    });
});
