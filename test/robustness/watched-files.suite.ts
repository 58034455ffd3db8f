import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DidChangeWatchedFilesNotification, FileChangeType, type Diagnostic, type FileEvent } from 'vscode-languageserver-protocol/node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type ServerSession } from './lsp-client.js';
import { ensureBundle, exampleFiles, ROOT } from './support.js';

/**
 * The workspace changes under the server (test/robustness/README.md): files are
 * created, edited, deleted and renamed on disk, and folders removed and put
 * back, while `sunlight lsp --stdio` runs; the client reports each change with
 * `workspace/didChangeWatchedFiles`, as VS Code's file watcher does. None of the
 * files is open in the editor, so the server reads them from disk.
 */

const FILES = exampleFiles();
const DEPARTMENTS = Object.keys(FILES).filter(name => name.startsWith('departments/'));
const work = mkdtempSync(path.join(os.tmpdir(), 'sunlight-watch-'));
const folder = path.join(work, 'workspace');
const netLog = path.join(work, 'network.log');
let session: ServerSession;

const clean = (diagnostics: Diagnostic[]) => diagnostics.length === 0;
const codes = (diagnostics: Diagnostic[]) => diagnostics.map(d => String(d.code));
const unresolved = (diagnostics: Diagnostic[]) => diagnostics.some(d => d.code === 'unresolved-reference');

async function changed(...events: Array<[string, FileChangeType]>): Promise<void> {
    const changes: FileEvent[] = events.map(([name, type]) => ({ uri: session.uri(name), type }));
    await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
}

async function allClean(names = Object.keys(FILES)): Promise<void> {
    for (const name of names) await session.diagnostics(session.uri(name), clean);
}

/** Departments whose text uses a basis of bases.sun (all of them, in the examples). */
const usingBases = DEPARTMENTS.filter(name => /^\s*basis\s/m.test(FILES[name]));

/** Registered by processes.test.ts, where it runs beside the other suites that wait on child processes. */
export function watchedFilesSuite(): void {
    describe.concurrent('watched files', () => {
        beforeAll(async () => {
            ensureBundle();
            cpSync(path.join(ROOT, 'examples'), folder, { recursive: true });
            session = await startServer({ folder, netLog });
            // The server validates files that are not open only once something changes; ask for all now.
            await session.connection.sendRequest('sunlight/checkWorkspace');
            for (const name of Object.keys(FILES)) await session.diagnostics(session.uri(name), clean, 60_000);
        }, 180_000);

        afterAll(async () => {
            await session?.stop();
            rmSync(work, { recursive: true, force: true });
        });

        describe.sequential('files created, edited, deleted and renamed on disk', () => {
            test('deleting bases.sun makes the references to its bases unresolved in the other files; restoring it clears them', async () => {
                expect(usingBases.length).toBeGreaterThan(3);
                rmSync(path.join(folder, 'bases.sun'));
                await changed(['bases.sun', FileChangeType.Deleted]);
                for (const name of usingBases) {
                    const diagnostics = await session.diagnostics(session.uri(name), unresolved);
                    expect(new Set(codes(diagnostics)), name).toEqual(new Set(['unresolved-reference']));
                    expect(diagnostics.every(d => /basis|依据/i.test(String(d.message))), `${name}: ${diagnostics.map(d => d.message).join('; ')}`).toBe(true);
                }
                expect(session.published.get(session.uri('bases.sun'))).toEqual([]);

                writeFileSync(path.join(folder, 'bases.sun'), FILES['bases.sun']);
                await changed(['bases.sun', FileChangeType.Created]);
                await allClean();
            }, 60_000);

            test('a sunlight.json created and deleted on disk turns a rule off and on again', async () => {
                rmSync(path.join(folder, 'bases.sun'));
                await changed(['bases.sun', FileChangeType.Deleted]);
                await session.diagnostics(session.uri(usingBases[0]), unresolved);
                writeFileSync(path.join(folder, 'sunlight.json'), JSON.stringify({ rules: { 'unresolved-reference': 'off' } }));
                await changed(['sunlight.json', FileChangeType.Created]);
                await allClean(usingBases);
                rmSync(path.join(folder, 'sunlight.json'));
                await changed(['sunlight.json', FileChangeType.Deleted]);
                for (const name of usingBases) await session.diagnostics(session.uri(name), unresolved);
                writeFileSync(path.join(folder, 'bases.sun'), FILES['bases.sun']);
                await changed(['bases.sun', FileChangeType.Created]);
                await allClean();
            }, 60_000);

            test('renaming a file: no duplicate and no unresolved name, and the old file\'s diagnostics are cleared', async () => {
                const from = DEPARTMENTS[0];
                const to = from.replace(/\.sun$/, '-renamed.sun');
                renameSync(path.join(folder, from), path.join(folder, to));
                await changed([from, FileChangeType.Deleted], [to, FileChangeType.Created]);
                await session.diagnostics(session.uri(to), clean);
                expect(session.published.get(session.uri(from))).toEqual([]);
                await allClean(Object.keys(FILES).filter(name => name !== from));
                renameSync(path.join(folder, to), path.join(folder, from));
                await changed([to, FileChangeType.Deleted], [from, FileChangeType.Created]);
                await allClean();
            }, 60_000);

            test('a copy of a department reports duplicate names in both files; deleting the copy clears both', async () => {
                const original = 'departments/finance.sun';
                const copy = 'departments/finance-copy.sun';
                writeFileSync(path.join(folder, copy), FILES[original]);
                await changed([copy, FileChangeType.Created]);
                const dup = (diagnostics: Diagnostic[]) => diagnostics.some(d => d.code === 'duplicate-name');
                await session.diagnostics(session.uri(copy), dup);
                await session.diagnostics(session.uri(original), dup);
                rmSync(path.join(folder, copy));
                await changed([copy, FileChangeType.Deleted]);
                await allClean();
            }, 60_000);

            test('editing a file on disk: removing a leader breaks the departments that name it; undoing clears them', async () => {
                const college = FILES['college.sun'];
                const leader = '分管财务副院长';
                const users = DEPARTMENTS.filter(name => new RegExp(`^\\s*leader\\s+${leader}\\s`, 'm').test(FILES[name]));
                expect(users.length).toBeGreaterThan(0);
                writeFileSync(path.join(folder, 'college.sun'), college.replace(new RegExp(`^\\s*leader\\s+${leader}\\s.*$`, 'm'), ''));
                await changed(['college.sun', FileChangeType.Changed]);
                for (const name of users) await session.diagnostics(session.uri(name), unresolved);
                writeFileSync(path.join(folder, 'college.sun'), college);
                await changed(['college.sun', FileChangeType.Changed]);
                await allClean();
            }, 60_000);

            test('a whole folder deleted and put back; a burst of changes without waiting ends in the right state', async () => {
                const backup = path.join(work, 'departments-backup');
                cpSync(path.join(folder, 'departments'), backup, { recursive: true });
                rmSync(path.join(folder, 'departments'), { recursive: true });
                await changed(['departments', FileChangeType.Deleted]);
                for (const name of DEPARTMENTS) await session.diagnostics(session.uri(name), clean);
                await allClean(['bases.sun', 'college.sun']);
                cpSync(backup, path.join(folder, 'departments'), { recursive: true });
                await changed(['departments', FileChangeType.Created]);
                await allClean();

                // A burst: delete, restore, break, restore, add junk, remove junk — all reported before the server catches up.
                const bases = path.join(folder, 'bases.sun');
                const junk = path.join(folder, 'departments', 'junk.sun');
                rmSync(bases);
                await changed(['bases.sun', FileChangeType.Deleted]);
                writeFileSync(bases, FILES['bases.sun'].slice(0, 500));
                await changed(['bases.sun', FileChangeType.Created]);
                writeFileSync(junk, 'department {{{ "unterminated\n\u0000\uFFFD');
                await changed(['departments/junk.sun', FileChangeType.Created]);
                writeFileSync(bases, FILES['bases.sun']);
                await changed(['bases.sun', FileChangeType.Changed]);
                mkdirSync(path.join(folder, 'notes'), { recursive: true });
                writeFileSync(path.join(folder, 'notes', 'todo.txt'), 'not a .sun file');
                await changed(['notes/todo.txt', FileChangeType.Created], ['notes', FileChangeType.Created]);
                rmSync(junk);
                await changed(['departments/junk.sun', FileChangeType.Deleted]);
                await allClean();
                // junk.sun may be gone before the server looks at it: then it never had diagnostics at all.
                await session.quiet(1000);
                expect(session.published.get(session.uri('departments/junk.sun')) ?? []).toEqual([]);
                expect(session.published.has(session.uri('notes/todo.txt'))).toBe(false);
            }, 90_000);

            test('the server is still running, logged no error and never reached the network', async () => {
                expect(session.exited()).toBeUndefined();
                expect(session.errors()).toEqual([]);
                expect(session.stderr().split('\n').filter(line => /^\s+at\s/.test(line))).toEqual([]);
                expect(existsSync(netLog) ? readFileSync(netLog, 'utf8') : '').toBe('');
            });
        });
    });
}
