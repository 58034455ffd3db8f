import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import {
    createProtocolConnection, StreamMessageReader, StreamMessageWriter,
    ExitNotification, InitializedNotification, InitializeRequest, LogMessageNotification, MessageType,
    PublishDiagnosticsNotification, ShutdownRequest,
    type Diagnostic, type ProtocolConnection, type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol/node';
import { CLI, NO_NETWORK } from './support.js';

/**
 * A language client for the robustness tests: starts `node bin/sunlight.cjs
 * lsp --stdio` (the bundled CLI) with the network guard preloaded, speaks LSP
 * over its stdin/stdout, and keeps what the server publishes.
 */
export interface ServerSession {
    readonly connection: ProtocolConnection;
    readonly process: ChildProcess;
    readonly folder: string;
    uri(relative: string): string;
    /** Last diagnostics published for each URI. */
    readonly published: Map<string, Diagnostic[]>;
    /** Count of publishDiagnostics notifications received. */
    publishCount(): number;
    /** Time of the last publishDiagnostics notification (performance.now()). */
    lastPublish(): number;
    /** Waits until the last diagnostics published for `uri` satisfy `until`. */
    diagnostics(uri: string, until: (diagnostics: Diagnostic[]) => boolean, timeoutMs?: number): Promise<Diagnostic[]>;
    /** Waits until no diagnostics were published for `quietMs`. */
    quiet(quietMs: number, timeoutMs?: number): Promise<void>;
    /** Error-level log messages of the server (window/logMessage) and its stderr. */
    errors(): string[];
    /** Every log message of the server (window/logMessage), with its level. */
    logs(): Array<{ type: MessageType; message: string }>;
    stderr(): string;
    /** The exit of the server process, if it exited. */
    exited(): { code: number | null; signal: NodeJS.Signals | null } | undefined;
    /** Current and peak resident memory of the server process, in MB (from /proc). */
    memory(): { rssMb: number; peakMb: number } | undefined;
    /** Shuts the server down politely; returns its exit code. */
    stop(): Promise<number | null>;
}

export async function startServer(options: { folder: string; netLog: string; locale?: string; watchFiles?: boolean; initializationOptions?: unknown }): Promise<ServerSession> {
    // SUNLIGHT_SERVER_NODE_ARGS: extra Node options for the server (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) when investigating.
    const nodeArgs = (process.env.SUNLIGHT_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...nodeArgs, '--require', NO_NETWORK, CLI, 'lsp', '--stdio'], {
        cwd: options.folder,
        env: { ...process.env, SUNLIGHT_NET_LOG: options.netLog, NODE_OPTIONS: '' },
        stdio: ['pipe', 'pipe', 'pipe']
    });
    let stderr = '';
    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    child.stderr!.on('data', chunk => { stderr += String(chunk); });
    child.on('exit', (code, signal) => { exit = { code, signal }; });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const published = new Map<string, Diagnostic[]>();
    const errors: string[] = [];
    const logs: Array<{ type: MessageType; message: string }> = [];
    let count = 0;
    let last = performance.now();
    const waiters = new Set<() => void>();
    connection.onNotification(PublishDiagnosticsNotification.type, (params: PublishDiagnosticsParams) => {
        published.set(params.uri, params.diagnostics);
        count++;
        last = performance.now();
        for (const wake of [...waiters]) wake();
    });
    connection.onNotification(LogMessageNotification.type, params => {
        logs.push({ type: params.type, message: params.message });
        if (params.type === MessageType.Error) errors.push(params.message);
    });
    // Any request from the server (client/registerCapability, workspace/configuration, …) gets `null`.
    (connection as unknown as { onRequest(handler: (method: string) => null): void }).onRequest(() => null);
    connection.onError(() => { /* reported through exited() and failing requests */ });
    connection.listen();

    const session: ServerSession = {
        connection,
        process: child,
        folder: options.folder,
        uri: relative => pathToFileURL(path.join(options.folder, relative)).toString(),
        published,
        publishCount: () => count,
        lastPublish: () => last,
        diagnostics: (uri, until, timeoutMs = 30_000) => new Promise<Diagnostic[]>((resolve, reject) => {
            const check = () => {
                const current = published.get(uri);
                if (current && until(current)) {
                    waiters.delete(check);
                    clearTimeout(timer);
                    resolve(current);
                }
            };
            const timer = setTimeout(() => {
                waiters.delete(check);
                reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(published.get(uri)?.map(d => `${String(d.code)}@${d.range.start.line + 1}:${d.range.start.character + 1}`))}\n${stderr.slice(-2000)}`));
            }, timeoutMs);
            waiters.add(check);
            check();
        }),
        quiet: async (quietMs, timeoutMs = 120_000) => {
            const started = performance.now();
            for (;;) {
                const since = performance.now() - last;
                if (since >= quietMs) return;
                if (performance.now() - started > timeoutMs) throw new Error(`the server kept publishing diagnostics for ${timeoutMs} ms`);
                await new Promise(resolve => setTimeout(resolve, Math.max(20, quietMs - since)));
            }
        },
        errors: () => [...errors],
        logs: () => [...logs],
        stderr: () => stderr,
        exited: () => exit,
        memory: () => {
            if (exit || child.pid === undefined) return undefined;
            try {
                const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
                const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
                return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
            } catch {
                return undefined;
            }
        },
        stop: async () => {
            if (!exit) {
                try {
                    await Promise.race([connection.sendRequest(ShutdownRequest.type), new Promise(resolve => setTimeout(resolve, 5000))]);
                    await connection.sendNotification(ExitNotification.type);
                } catch {
                    // already gone
                }
                await new Promise<void>(resolve => {
                    if (exit) return resolve();
                    const timer = setTimeout(() => { child.kill('SIGKILL'); resolve(); }, 5000);
                    child.once('exit', () => { clearTimeout(timer); resolve(); });
                });
            }
            connection.dispose();
            return exit?.code ?? null;
        }
    };

    const folderUri = pathToFileURL(options.folder).toString();
    await connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        clientInfo: { name: 'sunlight robustness tests' },
        locale: options.locale ?? 'en',
        rootUri: folderUri,
        workspaceFolders: [{ uri: folderUri, name: path.basename(options.folder) }],
        capabilities: {
            workspace: { didChangeWatchedFiles: { dynamicRegistration: options.watchFiles ?? true }, configuration: false, workspaceFolders: true },
            textDocument: {
                synchronization: { dynamicRegistration: false, didSave: false },
                publishDiagnostics: { codeDescriptionSupport: true },
                completion: { completionItem: { snippetSupport: true } },
                hover: { contentFormat: ['markdown', 'plaintext'] }
            }
        },
        initializationOptions: 'initializationOptions' in options ? options.initializationOptions : { locale: options.locale ?? 'en' }
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return session;
}
