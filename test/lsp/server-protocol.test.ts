import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import {
    createProtocolConnection, StreamMessageReader, StreamMessageWriter,
    DidChangeConfigurationNotification, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, ExitNotification, InitializedNotification, InitializeRequest,
    PublishDiagnosticsNotification, RegistrationRequest, ShutdownRequest,
    type Diagnostic, type ProtocolConnection, type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol/node';

/**
 * The bundled language server (dist/server.cjs, what the VS Code extension
 * starts) spoken to over stdio like any LSP client: locale from
 * `initializationOptions`, diagnostics with codes, `sunlight/checkWorkspace`.
 */
const root = path.resolve(__dirname, '../..');
const server = path.join(root, 'dist', 'server.cjs');
const fixtures = path.join(root, 'test', 'fixtures', 'spec');

function newest(dir: string): number {
    return Math.max(0, ...readdirSync(dir).map(name => {
        const file = path.join(dir, name);
        const stat = statSync(file);
        return stat.isDirectory() ? newest(file) : stat.mtimeMs;
    }));
}

beforeAll(() => {
    // `npm test` builds first; when run alone, rebuild a missing or stale bundle.
    if (!existsSync(server) || statSync(server).mtimeMs < newest(path.join(root, 'language'))) {
        execFileSync(process.execPath, ['scripts/bundle.mjs'], { cwd: root, stdio: 'pipe' });
    }
}, 120_000);

interface Session {
    connection: ProtocolConnection;
    process: ChildProcess;
    folder: string;
    uri: (name: string) => string;
    /** Every publishDiagnostics so far, in order. */
    published: PublishDiagnosticsParams[];
    diagnostics: (uri: string, until: (diagnostics: Diagnostic[]) => boolean) => Promise<Diagnostic[]>;
    stderr: () => string;
}

const sessions: Session[] = [];

async function start(options: { locale: string; clientLocale?: string; extra?: Record<string, string> }): Promise<Session> {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'sunlight-lsp-'));
    cpSync(fixtures, folder, { recursive: true });
    for (const [name, content] of Object.entries(options.extra ?? {})) {
        mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
        writeFileSync(path.join(folder, name), content);
    }
    const child = spawn(process.execPath, [server, '--stdio'], { cwd: folder, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', chunk => { stderr += String(chunk); });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const published: PublishDiagnosticsParams[] = [];
    const waiters: Array<() => void> = [];
    connection.onNotification(PublishDiagnosticsNotification.type, params => {
        published.push(params);
        for (const wake of waiters.splice(0)) wake();
    });
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.listen();
    const uri = (name: string) => pathToFileURL(path.join(folder, name)).toString();
    const session: Session = {
        connection, process: child, folder, uri, published,
        stderr: () => stderr,
        diagnostics: (target, until) => new Promise<Diagnostic[]>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${target}; got ${JSON.stringify(published.filter(p => p.uri === target).at(-1)?.diagnostics.map(d => d.code))}\n${stderr}`)), 20_000);
            const check = () => {
                const last = [...published].reverse().find(p => p.uri === target);
                if (last && until(last.diagnostics)) {
                    clearTimeout(timer);
                    resolve(last.diagnostics);
                } else {
                    waiters.push(check);
                }
            };
            check();
        })
    };
    sessions.push(session);
    const result = await connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        clientInfo: { name: 'server-protocol.test' },
        locale: options.clientLocale ?? 'en',
        rootUri: pathToFileURL(folder).toString(),
        workspaceFolders: [{ uri: pathToFileURL(folder).toString(), name: 'spec' }],
        capabilities: { textDocument: { publishDiagnostics: { codeDescriptionSupport: true } } },
        initializationOptions: { locale: options.locale }
    });
    expect(result.capabilities.textDocumentSync).toBeDefined();
    await connection.sendNotification(InitializedNotification.type, {});
    return session;
}

afterEach(async () => {
    for (const session of sessions.splice(0)) {
        try {
            await Promise.race([session.connection.sendRequest(ShutdownRequest.type), new Promise(resolve => setTimeout(resolve, 2000))]);
            await session.connection.sendNotification(ExitNotification.type);
        } catch {
            // already gone
        }
        session.connection.dispose();
        if (session.process.exitCode === null) session.process.kill();
        rmSync(session.folder, { recursive: true, force: true });
    }
});

/** A diagnostic's message as text. */
function text(diagnostic: Diagnostic): string {
    return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

/** finance.sun with its first `grade` line removed: risk 虚假报销 has no grade. */
function financeWithoutGrade(): string {
    const text = readFileSync(path.join(fixtures, 'finance.sun'), 'utf8');
    const without = text.replace(/^\s*grade medium\r?\n/m, '');
    expect(without).not.toBe(text);
    return without;
}

async function openWithoutGrade(session: Session): Promise<Diagnostic> {
    const uri = session.uri('finance.sun');
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'sunlight', version: 1, text: financeWithoutGrade() }
    });
    const diagnostics = await session.diagnostics(uri, list => list.some(d => d.code === 'missing-grade'));
    return diagnostics.find(d => d.code === 'missing-grade')!;
}

describe('language server over stdio (dist/server.cjs)', () => {
    test('locale zh-cn from initializationOptions: Chinese messages', async () => {
        const session = await start({ locale: 'zh-cn', clientLocale: 'en' });
        const diagnostic = await openWithoutGrade(session);
        expect(text(diagnostic)).toMatch(/[\u4e00-\u9fff]/);
        expect(text(diagnostic)).toContain('虚假报销');
        expect(text(diagnostic)).toContain('等级');
        expect(diagnostic.source).toBe('sunlight');
        expect(diagnostic.severity).toBe(1);
        expect(diagnostic.range.start.line).toBeGreaterThan(0);
    }, 40_000);

    test('locale en: English messages, even with a Chinese client', async () => {
        const session = await start({ locale: 'en', clientLocale: 'zh-cn' });
        const diagnostic = await openWithoutGrade(session);
        expect(text(diagnostic)).toMatch(/^Risk '虚假报销' has no grade/);
        expect(text(diagnostic).replace('虚假报销', '')).not.toMatch(/[\u4e00-\u9fff]/);
        expect(diagnostic.codeDescription?.href).toMatch(/docs\/rules\/missing-grade\.md$/);

        // The extension synchronizes the `sunlight` section: switching the setting relocalizes.
        await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { sunlight: { locale: 'zh-cn' } } });
        const relocalized = await session.diagnostics(session.uri('finance.sun'),
            list => list.some(d => d.code === 'missing-grade' && /[\u4e00-\u9fff]/.test(text(d).replace('虚假报销', ''))));
        expect(text(relocalized.find(d => d.code === 'missing-grade')!)).toContain('等级');
    }, 40_000);

    test('files that are not open get their diagnostics at start (the whole workspace is validated)', async () => {
        const session = await start({ locale: 'en' });
        // finance.sun of the spec has two staff without a register: published without being opened.
        const diagnostics = await session.diagnostics(session.uri('finance.sun'), list => list.some(d => d.code === 'staff-without-register'));
        expect(diagnostics.filter(d => d.code === 'staff-without-register').length).toBe(2);
    });

    test('sunlight/checkWorkspace rereads the folder and counts the problems', async () => {
        const session = await start({ locale: 'en' });
        await openWithoutGrade(session);
        const first = await session.connection.sendRequest<{ files: number; added: number; removed: number; errors: number; warnings: number }>('sunlight/checkWorkspace');
        expect(first).toMatchObject({ files: 3, added: 0, removed: 0 });
        expect(first.errors).toBeGreaterThanOrEqual(1);

        // A file written behind the editor's back (no watcher event) is found.
        mkdirSync(path.join(session.folder, 'departments'));
        writeFileSync(path.join(session.folder, 'departments', 'x.sun'), 'department 办公室 "办公室" {\n}\n');
        const second = await session.connection.sendRequest<{ files: number; added: number; errors: number }>('sunlight/checkWorkspace');
        expect(second).toMatchObject({ files: 4, added: 1 });
        const missingLeader = await session.diagnostics(session.uri('departments/x.sun'), list => list.some(d => d.code === 'missing-leader'));
        expect(missingLeader.length).toBeGreaterThan(0);

        // And a deleted one is dropped.
        rmSync(path.join(session.folder, 'departments', 'x.sun'));
        const third = await session.connection.sendRequest<{ files: number; removed: number }>('sunlight/checkWorkspace');
        expect(third).toMatchObject({ files: 3, removed: 1 });
    }, 60_000);

    test('start-up: the open file is published before the rest of the workspace', async () => {
        const extra: Record<string, string> = {};
        for (let i = 0; i < 30; i++) extra[`departments/d${i}.sun`] = `department 部门${i} "部门${i}" {\n    leader 院长\n}\n`;
        const session = await start({ locale: 'en', extra });
        const uri = session.uri('finance.sun');
        await session.connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri, languageId: 'sunlight', version: 1, text: readFileSync(path.join(session.folder, 'finance.sun'), 'utf8') }
        });
        const all = ['college.sun', 'bases.sun', 'finance.sun', ...Object.keys(extra)].map(session.uri);
        for (const each of all) await session.diagnostics(each, () => true);
        const sources = session.published.filter(p => p.uri.endsWith('.sun'));
        expect(sources[0].uri).toBe(uri);
        expect(new Set(sources.map(p => p.uri)).size).toBe(33);
    }, 60_000);

    test('sunlight/updateStats: an edit inside one file relinks and revalidates that file alone', async () => {
        const session = await start({ locale: 'en' });
        await openWithoutGrade(session);
        await session.connection.sendRequest('sunlight/updateStats');
        const uri = session.uri('finance.sun');
        await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri, version: 2 },
            contentChanges: [{ text: financeWithoutGrade().replace(/content "/, 'content "改') }]
        });
        await session.diagnostics(uri, list => list.some(d => d.code === 'missing-grade'));
        let updates: Array<{ changed: number; relinked: number; revalidated: number; completed: boolean }> = [];
        for (let tries = 0; tries < 200 && !updates.some(u => u.completed); tries++) {
            updates = updates.concat(await session.connection.sendRequest('sunlight/updateStats'));
            if (!updates.some(u => u.completed)) await new Promise(resolve => setTimeout(resolve, 50));
        }
        const done = updates.filter(u => u.completed);
        expect(done).toHaveLength(1);
        expect(done[0]).toMatchObject({ changed: 1, relinked: 1, revalidated: 1 });
    }, 60_000);
});
