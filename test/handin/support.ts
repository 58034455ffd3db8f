/**
 * Helpers of the hand-in tests: workspaces (the examples folder through the
 * CLI's own loader, or in-memory files), and independent readers of what the
 * writers produce (a CSV parser, HTML text) so that the tests never trust the
 * code under test to check itself.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { loadHandinWorkspace } from '../../cli/export-handin.js';
import { collectWorkspace, type HandinSeverity, type HandinSource, type HandinWorkspace } from '../../handin/model.js';
import { buildWorkspace } from '../helpers.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const EXAMPLES = path.join(ROOT, 'examples');

const SEVERITY: Record<number, HandinSeverity> = {
    [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'info', [DiagnosticSeverity.Hint]: 'hint'
};

/** The examples folder, loaded exactly as `sunlight export` loads it. */
export async function examples(locale: 'zh' | 'en' = 'zh'): Promise<HandinWorkspace> {
    return loadHandinWorkspace([EXAMPLES], locale);
}

/** In-memory files (name → text) as one workspace, with their diagnostics. */
export async function workspaceOf(files: Record<string, string>, locale: 'zh' | 'en' = 'en') {
    const built = await buildWorkspace(files, { locale });
    const sources: HandinSource[] = Object.entries(built.documents).map(([name, document]) => ({
        file: name,
        model: document.parseResult.value,
        diagnostics: (document.diagnostics ?? []).map(d => ({
            line: d.range.start.line + 1, column: d.range.start.character + 1,
            severity: SEVERITY[d.severity ?? 1], code: String(d.code), message: String(d.message)
        }))
    }));
    return { workspace: collectWorkspace(sources), built };
}

export { sunString } from '../fixtures/hostile-strings.js';

/** RFC 4180 reader, written independently of the writer. */
export function parseCsv(text: string): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quoted) {
            if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
            else if (c === '"') quoted = false;
            else cell += c;
        } else if (c === '"') quoted = true;
        else if (c === ',') { row.push(cell); cell = ''; }
        else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
        else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; }
        else cell += c;
    }
    if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
    return rows;
}

export function tempDir(prefix = 'sunlight-handin-'): { dir: string; remove: () => void } {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
    return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Every file under a folder, relative, with `/`. */
export function listFiles(dir: string): string[] {
    const out: string[] = [];
    const walk = (d: string) => {
        for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
            const full = path.join(d, entry.name);
            if (entry.isDirectory()) walk(full); else out.push(path.relative(dir, full).split(path.sep).join('/'));
        }
    };
    walk(dir);
    return out.sort();
}

export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(f => fs.existsSync(f));
