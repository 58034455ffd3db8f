/**
 * No escape byte from the files reaches the terminal: control characters in
 * file names, `sunlight.json` keys and quoted names are shown as `\u001b`-style
 * escapes in the human-facing formats (text, github) and on stderr
 * (cli/formats/visible.ts). Old code printed them raw: an OSC title change and
 * a screen clear went through.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, sunlight } from '../cli/cli-helpers.js';

// Every C0 control but line feed (the formats' own line ends), DEL, C1, and the bidi controls.
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const TITLE = '\u001b]0;pwned\u0007';
const CLEAR = '\u001b[2J';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunlight-control-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function workspace(): string {
    const folder = path.join(dir, 'ws');
    fs.cpSync(path.join(FIXTURES, 'faulty'), folder, { recursive: true });
    // A file name with a screen clear, and a sunlight.json key with a title change.
    fs.renameSync(path.join(folder, 'departments'), path.join(folder, `departments${CLEAR}`));
    fs.writeFileSync(path.join(folder, 'sunlight.json'), JSON.stringify({ rules: { [`${TITLE}rule`]: 'off' } }));
    return folder;
}

describe('control characters from the files are shown, not sent to the terminal', () => {
    const folder = workspace();

    for (const format of ['text', 'github']) {
        it(`check --format ${format}`, () => {
            const result = sunlight(['check', folder, '--format', format], { env: { FORCE_COLOR: '0' } });
            expect(result.status).toBe(1);
            expect(result.stdout).not.toMatch(RAW_CONTROL);
            expect(result.stderr).not.toMatch(RAW_CONTROL);
            // What was there is still said, readably.
            expect(result.stdout).toContain('\\u001b[2J');
            expect(result.stdout).toContain('\\u001b]0;pwned\\u0007');
        });
    }

    it('a one-line reason on stderr (exit 2)', () => {
        const result = sunlight(['check', path.join(dir, `missing${CLEAR}`)]);
        expect(result.status).toBe(2);
        expect(result.stderr).not.toMatch(RAW_CONTROL);
        expect(result.stderr).toContain('\\u001b[2J');
    });
});
