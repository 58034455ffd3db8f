/** The `sunlight` command itself: version and help (the subcommands have their own test files). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test, vi } from 'vitest';
import { ROOT, sunlight } from './cli-helpers.js';

// Each test spawns the CLI a few times; a loaded machine (parallel test files) makes that slower.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

test('`sunlight --version` and `sunlight version` print the version of package.json', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const args of [['--version'], ['version']]) {
        const run = sunlight(args);
        expect(run.status).toBe(0);
        expect(run.stdout).toBe(`${version}\n`);
        expect(run.stderr).toBe('');
    }
});

test('`sunlight --help` prints the usage and exits 0; no command at all exits 2', () => {
    const help = sunlight(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/\bcheck\b/);
    expect(help.stderr).toBe('');
    // The options are in each command's own help (test/cli/help.test.ts).
    expect(sunlight(['check', '--help']).stdout).toMatch(/--format/);
    const none = sunlight([]);
    expect(none.status).toBe(2);
    expect(none.stdout + none.stderr).toMatch(/\bcheck\b/);
});
