import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ensureBundle, runCli, stackTraceLines } from './support.js';

/**
 * Image size (test/robustness/README.md): a PNG above 100 megapixels
 * (`MAX_PNG_PIXELS`, cli/export-flowchart.ts) is refused before it is drawn,
 * in one line with exit 2, and nothing is written.
 */

const work = mkdtempSync(path.join(os.tmpdir(), 'sunlight-image-size-'));

beforeAll(() => {
    ensureBundle();
    const steps = Array.from({ length: 300 }, (_, i) => `            step 步骤${i} by 处长 within 1 workday`).join('\n');
    mkdirSync(path.join(work, 'workspace'));
    writeFileSync(path.join(work, 'workspace', 'college.sun'), 'organization 学院 {\n    leader 院长 "院长"\n}\n');
    writeFileSync(path.join(work, 'workspace', 'bases.sun'), 'basis 三定方案 internal "三定方案"\n');
    writeFileSync(path.join(work, 'workspace', 'dept.sun'), `department 处 "处" {
    leader 院长
    post 处长 "处长"
    power 职权 {
        category other
        content "内容"
        responsible 处长
        basis 三定方案
        flow internal limit 3 workdays {
${steps}
        }
    }
}
`);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

test('a PNG of more than 100 megapixels is refused in one line, nothing written', async () => {
    const out = path.join(work, 'out');
    const result = await runCli(['export', 'flowchart', 'workspace', '--format', 'png', '--scale', '4', '--out', out], { cwd: work, timeoutMs: 240_000 });
    expect(result.timedOut).toBe(false);
    expect(result.code, result.stderr).toBe(2);
    expect(stackTraceLines(result.stderr)).toEqual([]);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/\d+ × \d+/);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
}, 300_000);
