import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'langium';
import {
    CancellationTokenSource, CodeActionRequest, CompletionRequest, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification,
    DocumentFormattingRequest, DocumentSymbolRequest, HoverRequest, LSPErrorCodes, ResponseError,
    type Diagnostic, type TextDocumentContentChangeEvent
} from 'vscode-languageserver-protocol/node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type ServerSession } from './lsp-client.js';
import {
    editFor, ensureBundle, exampleFiles, exampleLines, exampleNames, mutationArbitrary, random, ROOT, runCli, SEED, withSeed
} from './support.js';

/**
 * The server under a day of typing (test/robustness/README.md): a real
 * `sunlight lsp --stdio` process gets thousands of random edits (typing bursts
 * a character at a time, deletions, pastes, whole-file replacements),
 * completions, hovers, `sunlight/diagram` requests, document symbols, code
 * actions, formatting, and requests cancelled with `$/cancelRequest`. It must
 * answer every request, never exit, publish for the final texts exactly the
 * diagnostics `sunlight check` gives for them, keep its memory bounded, and
 * never touch the network.
 */

const OPERATIONS = positiveInt(process.env.SUNLIGHT_SOAK_OPS) ?? 1500;
const SYNC_EVERY = 25;
const PEAK_LIMIT_MB = 1024;
const DIAGRAM_REQUEST = 'sunlight/diagram';

function positiveInt(value: string | undefined): number | undefined {
    if (value === undefined || value === '') return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`expected a positive integer, not '${value}'`);
    return n;
}

const FILES = exampleFiles();
const work = mkdtempSync(path.join(os.tmpdir(), 'sunlight-soak-'));
const folder = path.join(work, 'workspace');
const netLog = path.join(work, 'network.log');
let session: ServerSession | undefined;

interface OpenDocument { readonly name: string; readonly uri: string; document: TextDocument; version: number }

const ALLOWED_ERRORS = new Set<number>([LSPErrorCodes.RequestCancelled, LSPErrorCodes.ContentModified, LSPErrorCodes.ServerCancelled]);

/** Registered by processes.test.ts, where it runs beside the other suites that wait on child processes. */
export function soakSuite(): void {
    describe.concurrent('soak', () => {
        beforeAll(() => {
            ensureBundle();
            cpSync(path.join(ROOT, 'examples'), folder, { recursive: true });
        }, 180_000);

        afterAll(async () => {
            await session?.stop();
            rmSync(work, { recursive: true, force: true });
        });

        describe.sequential('the language server under a day of typing', () => {
            test(`${OPERATIONS} random edits and requests: every request answered, no exit, final diagnostics = sunlight check, bounded memory`, async () => {
                await withSeed('server soak', async () => {
                    const rng = random(SEED);
                    const started = performance.now();
                    session = await startServer({ folder, netLog });
                    const s = session;
                    const documents: OpenDocument[] = [];
                    for (const [name, text] of Object.entries(FILES)) {
                        const uri = s.uri(name);
                        documents.push({ name, uri, document: TextDocument.create(uri, 'sunlight', 1, text), version: 1 });
                        await s.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'sunlight', version: 1, text } });
                    }
                    for (const open of documents) await s.diagnostics(open.uri, () => true, 60_000);
                    const memory: number[] = [];
                    const sample = () => {
                        const m = s.memory();
                        if (m) memory.push(m.rssMb);
                    };
                    sample();
                    const baselineMb = memory[0];

                    const longest = Math.max(...Object.values(FILES).map(text => text.length));
                    const mutations = fc.sample(mutationArbitrary(longest, exampleNames(), exampleLines()), { seed: SEED, numRuns: OPERATIONS });
                    const lines = exampleLines();
                    const counts: Record<string, number> = {};
                    const failures: string[] = [];
                    let outstanding: Array<Promise<void>> = [];
                    let cancelled = 0;
                    const latency: Record<string, number> = {};
                    let syncMs = 0;
                    let edits = 0;

                    const request = <R>(method: string, send: (token: CancellationTokenSource['token']) => Promise<R>, cancel: boolean) => {
                        counts[method] = (counts[method] ?? 0) + 1;
                        const source = new CancellationTokenSource();
                        const sentAt = performance.now();
                        const promise = send(source.token).then(() => { latency[method] = (latency[method] ?? 0) + performance.now() - sentAt; }, (error: unknown) => {
                            if (error instanceof ResponseError && ALLOWED_ERRORS.has(error.code)) return;
                            const detail = error instanceof ResponseError ? `${error.code} ${error.message}` : String(error);
                            failures.push(`${method}: ${detail}`);
                        });
                        if (cancel) {
                            cancelled++;
                            const delay = rng.int(3) * 5;
                            if (delay === 0) source.cancel();
                            else setTimeout(() => source.cancel(), delay);
                        }
                        outstanding.push(promise);
                    };

                    const change = async (open: OpenDocument, changes: TextDocumentContentChangeEvent[]) => {
                        open.version++;
                        open.document = TextDocument.update(open.document, changes, open.version);
                        edits++;
                        await s.connection.sendNotification(DidChangeTextDocumentNotification.type, {
                            textDocument: { uri: open.uri, version: open.version },
                            contentChanges: changes
                        });
                    };

                    const randomPosition = (open: OpenDocument) => open.document.positionAt(rng.int(open.document.getText().length + 1));

                    for (let op = 0; op < OPERATIONS; op++) {
                        const open = rng.pick(documents);
                        const text = open.document.getText();
                        const roll = rng.next();
                        if (roll < 0.02 || text.length > 3 * FILES[open.name].length) {
                            // Undo everything / paste a whole file: a full replacement.
                            await change(open, [{ text: FILES[open.name] }]);
                        } else if (roll < 0.14) {
                            // Typing a line: a character at a time, or a few at once as an input method commits them.
                            const characters = [...`${rng.pick(lines)}\n`];
                            let offset = text.lastIndexOf('\n', rng.int(text.length + 1)) + 1;
                            while (characters.length > 0) {
                                const typed = characters.splice(0, rng.chance(0.3) ? 1 + rng.int(4) : 1).join('');
                                const position = open.document.positionAt(offset);
                                await change(open, [{ range: { start: position, end: position }, text: typed }]);
                                offset += typed.length;
                            }
                            request('textDocument/completion', token => s.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: open.uri }, position: open.document.positionAt(offset) }, token), rng.chance(0.3));
                        } else if (roll < 0.55) {
                            const { start, end, newText } = editFor(text, mutations[op]);
                            await change(open, [{ range: { start: open.document.positionAt(start), end: open.document.positionAt(end) }, text: newText }]);
                        } else if (roll < 0.70) {
                            request('textDocument/completion', token => s.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: open.uri }, position: randomPosition(open) }, token), rng.chance(0.2));
                        } else if (roll < 0.82) {
                            request('textDocument/hover', token => s.connection.sendRequest(HoverRequest.type, { textDocument: { uri: open.uri }, position: randomPosition(open) }, token), rng.chance(0.2));
                        } else if (roll < 0.92) {
                            request(DIAGRAM_REQUEST, token => s.connection.sendRequest(DIAGRAM_REQUEST, { uri: open.uri, position: randomPosition(open), lanes: rng.chance(0.5) }, token), rng.chance(0.3));
                        } else if (roll < 0.95) {
                            request('textDocument/documentSymbol', token => s.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: open.uri } }, token), rng.chance(0.2));
                        } else if (roll < 0.98) {
                            const position = randomPosition(open);
                            request('textDocument/codeAction', token => s.connection.sendRequest(CodeActionRequest.type, {
                                textDocument: { uri: open.uri }, range: { start: position, end: position }, context: { diagnostics: s.published.get(open.uri)?.slice(0, 3) ?? [] }
                            }, token), rng.chance(0.2));
                        } else {
                            request('textDocument/formatting', token => s.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: open.uri }, options: { tabSize: 4, insertSpaces: true } }, token), rng.chance(0.5));
                        }
                        if (op % SYNC_EVERY === SYNC_EVERY - 1) {
                            const syncStart = performance.now();
                            const pending = outstanding;
                            outstanding = [];
                            const timeout = new Promise<'timeout'>(resolve => setTimeout(() => resolve('timeout'), 60_000));
                            if (await Promise.race([Promise.all(pending).then(() => 'done' as const), timeout]) === 'timeout') {
                                throw new Error(`requests not answered within 60 s (operation ${op}); counts so far ${JSON.stringify(counts)}`);
                            }
                            syncMs += performance.now() - syncStart;
                            sample();
                            if (s.exited()) throw new Error(`the server exited during the soak: ${JSON.stringify(s.exited())}\n${s.stderr().slice(-3000)}`);
                        }
                    }
                    await Promise.all(outstanding);
                    expect(failures, 'requests that failed with an error').toEqual([]);
                    expect(s.exited(), `the server exited\n${s.stderr().slice(-3000)}`).toBeUndefined();

                    // A cancelled request right after the last edits must not leave stale diagnostics.
                    const last = documents[0];
                    await change(last, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// last edit\n' }]);
                    request('textDocument/completion', token => s.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: last.uri }, position: { line: 0, character: 3 } }, token), true);
                    await Promise.all(outstanding);

                    await s.quiet(3000);
                    sample();
                    const peak = s.memory()?.peakMb ?? NaN;
                    const soakSeconds = (performance.now() - started) / 1000;

                    // The final texts, checked by the CLI.
                    const finalFolder = path.join(work, 'final');
                    for (const open of documents) {
                        const file = path.join(finalFolder, open.name);
                        mkdirSync(path.dirname(file), { recursive: true });
                        // A BOM typed at the very start is text in the editor; on disk the first BOM is not (spec), so keep a second one.
                        const text = open.document.getText();
                        writeFileSync(file, text.startsWith('\uFEFF') ? `\uFEFF${text}` : text);
                    }
                    const check = await runCli(['check', '--format', 'json', '--lang', 'en', '.'], { cwd: finalFolder, netLog, timeoutMs: 120_000 });
                    expect([0, 1], `sunlight check failed: ${check.stderr}`).toContain(check.code);
                    const report = JSON.parse(check.stdout) as { diagnostics: Array<{ file: string; line: number; column: number; code: string; severity: string }> };
                    const severityName = ['', 'error', 'warning', 'info', 'hint'];
                    const mismatches: string[] = [];
                    for (const open of documents) {
                        const server = (s.published.get(open.uri) ?? []).map((d: Diagnostic) => `${String(d.code)}@${d.range.start.line + 1}:${d.range.start.character + 1} ${severityName[d.severity ?? 1]}`).sort();
                        const cli = report.diagnostics.filter(d => d.file === open.name).map(d => `${d.code}@${d.line}:${d.column} ${d.severity}`).sort();
                        if (JSON.stringify(server) !== JSON.stringify(cli)) {
                            mismatches.push(`${open.name}:\n  server only: ${JSON.stringify(server.filter(x => !cli.includes(x)))}\n  check only:  ${JSON.stringify(cli.filter(x => !server.includes(x)))}`);
                        }
                    }
                    expect(mismatches, 'diagnostics published for the final texts differ from sunlight check').toEqual([]);

                    const attempts = existsSync(netLog) ? readFileSync(netLog, 'utf8') : '';
                    expect(attempts, 'network access attempted').toBe('');
                    const logged = s.errors();
                    const stderr = s.stderr();
                    expect(stderr.split('\n').filter(line => /^\s+at\s/.test(line)), `stack traces on the server's stderr:\n${stderr.slice(-3000)}`).toEqual([]);

                    const code = await s.stop();
                    session = undefined;
                    expect(code).toBe(0);

                    const final = documents.map(open => open.document.getText().length).reduce((a, b) => a + b, 0);
                    console.log(`[robustness] soak: ${OPERATIONS} operations (${edits} edits, ${JSON.stringify(counts)}, ${cancelled} cancelled) in ${soakSeconds.toFixed(1)} s; ` +
                        `server RSS ${baselineMb?.toFixed(0)} MB after opening, ${memory.at(-1)?.toFixed(0)} MB at the end, peak ${peak.toFixed(0)} MB; ` +
                        `${final} characters in the final texts; ${logged.length} error log messages; seed ${SEED}; waiting ${(syncMs / 1000).toFixed(1)} s; latency ${JSON.stringify(Object.fromEntries(Object.entries(latency).map(([k, v]) => [k, Math.round(v / counts[k])])))}`);
                    expect(peak).toBeLessThan(PEAK_LIMIT_MB);
                    // Bounded: after thousands of operations the server holds no more than a few times what it needed at the start.
                    expect(memory.at(-1)!).toBeLessThan(Math.max(4 * baselineMb, baselineMb + 400));
                });
            }, 600_000);
        });
    });
}
