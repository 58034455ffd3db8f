import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DidChangeConfigurationNotification, MessageType, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startServer } from './lsp-client.js';
import { ensureBundle } from './support.js';

/**
 * Settings of the wrong type (test/robustness/README.md): `sunlight.locale` as a
 * number, an object, an array or a boolean — in `initializationOptions` or in
 * `workspace/didChangeConfiguration` — is ignored with one logged warning
 * each; the server keeps answering and a later valid setting still applies.
 */

const work = mkdtempSync(path.join(os.tmpdir(), 'sunlight-settings-'));
const folder = path.join(work, 'workspace');
const BAD_VALUES: unknown[] = [42, { zh: 'cn' }, ['zh-cn'], true];

beforeAll(() => {
    ensureBundle();
    mkdirSync(folder, { recursive: true });
    // One unresolved reference: its message shows the language in force.
    writeFileSync(path.join(folder, 'college.sun'), 'organization 学院 {\n    leader 院长 "院长"\n    group 小组 "小组" {\n        members 院长, 不存在\n    }\n}\n');
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const chinese = (diagnostics: Diagnostic[]) => diagnostics.length > 0 && diagnostics.every(d => /[\u4e00-\u9fff]{2}/.test(String(d.message).replace(/“[^”]*”|'[^']*'|不存在/g, '')));
const english = (diagnostics: Diagnostic[]) => diagnostics.length > 0 && !chinese(diagnostics);

test('sunlight.locale of the wrong type is ignored with one logged line, and a valid one still applies', async () => {
    const session = await startServer({ folder, netLog: path.join(work, 'network.log'), initializationOptions: { locale: { language: 'zh' } } });
    try {
        const uri = session.uri('college.sun');
        const first = await session.diagnostics(uri, diagnostics => diagnostics.length > 0, 60_000);
        expect(first.map(d => d.code)).toContain('unresolved-reference');
        expect(english(first)).toBe(true);
        for (const locale of BAD_VALUES) {
            await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { sunlight: { locale } } });
        }
        await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { sunlight: { locale: 'zh-cn' } } });
        await session.diagnostics(uri, chinese, 60_000);
        const warnings = session.logs().filter(log => log.type === MessageType.Warning && log.message.includes('locale'));
        // One for initializationOptions, one per bad value; each one line.
        expect(warnings).toHaveLength(1 + BAD_VALUES.length);
        for (const warning of warnings) expect(warning.message).not.toContain('\n');
        expect(session.errors()).toEqual([]);
        expect(session.exited()).toBeUndefined();
    } finally {
        await session.stop();
    }
}, 120_000);
