import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

/**
 * Packages the extension the way `npm run package` does (vsce, no
 * dependencies, .vscodeignore) into a temporary folder and checks the .vsix
 * with scripts/check-vsix.mjs. `npm test` builds dist/ first.
 */
const root = path.resolve(__dirname, '../..');
const require = createRequire(import.meta.url);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'sunlight-vsix-'));
const vsix = path.join(tmp, 'sunlight.vsix');

beforeAll(() => {
    if (!['extension.cjs', 'server.cjs'].every(file => existsSync(path.join(root, 'dist', file)))) {
        execFileSync(process.execPath, ['scripts/bundle.mjs'], { cwd: root, stdio: 'pipe' });
    }
    // The same vsce options as the `package` script, with the output redirected.
    const script: string = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.package;
    const options = /vsce (package .*)$/.exec(script)![1].split(/\s+/);
    options.splice(options.indexOf('-o'), 2, '-o', vsix);
    const vsce = path.join(path.dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
    const result = spawnSync(process.execPath, [vsce, ...options],
        { cwd: root, encoding: 'utf8', timeout: 120_000 });
    if (result.status !== 0) throw new Error(`vsce package failed:\n${result.stdout}\n${result.stderr}`);
}, 180_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the .vsix package', () => {
    test('passes scripts/check-vsix.mjs (size, contents, manifest files, translations)', () => {
        const result = spawnSync(process.execPath, ['scripts/check-vsix.mjs', vsix], { cwd: root, encoding: 'utf8' });
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
        expect(result.stdout).toMatch(/ok$/m);
    });

    test('check-vsix.mjs rejects a file that is not a package', () => {
        const result = spawnSync(process.execPath, ['scripts/check-vsix.mjs', path.join(root, 'package.json')], { cwd: root, encoding: 'utf8' });
        expect(result.status).toBe(2);
    });
});
