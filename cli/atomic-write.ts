import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The one way Sunlight writes a file (`fmt`, every export, every command added
 * later): the content goes to a new temporary file in the target's own
 * folder, is flushed to disk (fsync), and only then renamed over the target.
 * A full disk, a quota or a crash half-way therefore leaves the target as it
 * was (or absent), never truncated. The temporary file is created exclusively
 * and never through a symbolic link; it is removed on failure.
 *
 * Failures are thrown as `AtomicWriteError` (the target, the system's error
 * code, and whether an earlier version of the target is still there), so the
 * command can say in one line that nothing was lost.
 */
export class AtomicWriteError extends Error {
    constructor(
        readonly target: string,
        /** `ENOSPC`, `EFBIG`, `EACCES`…, or the error's message. */
        readonly reason: string,
        /** The target existed before and is left exactly as it was. */
        readonly originalKept: boolean
    ) {
        super(`cannot write ${target} (${reason})${originalKept ? '; the file is unchanged' : ''}`);
    }
}

/**
 * The file-system calls used here, replaceable in tests (to make a write,
 * fsync or rename fail on demand); the default is Node's `fs`.
 */
export interface WriteSystem {
    openSync(file: string, flags: number, mode: number): number;
    writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number;
    fsyncSync(fd: number): void;
    closeSync(fd: number): void;
    fchmodSync(fd: number, mode: number): void;
    renameSync(from: string, to: string): void;
    unlinkSync(file: string): void;
    statSync(file: string): fs.Stats;
}

export const nodeWriteSystem: WriteSystem = fs;

/** O_CREAT | O_EXCL | O_WRONLY, and O_NOFOLLOW where the platform has it. */
const CREATE_NEW = fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_WRONLY | (fs.constants.O_NOFOLLOW ?? 0);

let counter = 0;

/** `dir/.name.<pid>-<n>.tmp`: in the target's folder (so the rename stays on one file system), hidden, unique. */
function temporaryName(target: string): string {
    return path.join(path.dirname(target), `.${path.basename(target).slice(0, 60)}.${process.pid}-${++counter}.tmp`);
}

/**
 * Writes `content` to `target` atomically. An existing target keeps its
 * permission bits. Throws `AtomicWriteError`.
 */
export function writeFileAtomic(target: string, content: string | Uint8Array, system: WriteSystem = nodeWriteSystem): void {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    replaceAtomic(target, temporary => {
        const mode = modeOf(target, system);
        const fd = system.openSync(temporary, CREATE_NEW, mode ?? 0o666);
        try {
            if (mode !== undefined) system.fchmodSync(fd, mode); // as the file it replaces, umask or not
            for (let offset = 0; offset < bytes.length;) offset += system.writeSync(fd, bytes, offset, bytes.length - offset);
            system.fsyncSync(fd);
        } finally {
            system.closeSync(fd);
        }
    }, system);
}

/**
 * For content made by another program (Chromium's `--print-to-pdf`):
 * `produce` writes the file at the temporary path it is given; when it
 * resolves, the file is flushed and renamed over `target`. Throws
 * `AtomicWriteError`, or `produce`'s own error (the target untouched either way).
 */
export async function produceFileAtomic(target: string, produce: (temporary: string) => Promise<void>, system: WriteSystem = nodeWriteSystem): Promise<void> {
    const temporary = temporaryName(target);
    const existed = exists(target, system);
    try {
        await produce(temporary);
    } catch (error) {
        removeQuietly(temporary, system);
        throw error;
    }
    replaceAtomic(target, () => {
        const fd = system.openSync(temporary, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0), 0);
        try {
            system.fsyncSync(fd);
        } finally {
            system.closeSync(fd);
        }
    }, system, temporary, existed);
}

function replaceAtomic(target: string, fill: (temporary: string) => void, system: WriteSystem, temporary = temporaryName(target), existed = exists(target, system)): void {
    try {
        fill(temporary);
        system.renameSync(temporary, target);
    } catch (error) {
        removeQuietly(temporary, system);
        throw new AtomicWriteError(target, (error as NodeJS.ErrnoException)?.code ?? (error instanceof Error ? error.message : String(error)), existed);
    }
}

/** The permission bits of an existing target; undefined for a new file (the umask applies). */
function modeOf(target: string, system: WriteSystem): number | undefined {
    try {
        return system.statSync(target).mode & 0o7777;
    } catch {
        return undefined;
    }
}

function exists(target: string, system: WriteSystem): boolean {
    try {
        system.statSync(target);
        return true;
    } catch {
        return false;
    }
}

function removeQuietly(file: string, system: WriteSystem): void {
    try {
        system.unlinkSync(file);
    } catch {
        // never created, or already gone
    }
}
