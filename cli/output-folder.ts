import * as fs from 'node:fs';
import * as path from 'node:path';
import { insideFolder } from '../flowchart/file-names.js';
import { AtomicWriteError, produceFileAtomic, writeFileAtomic } from './atomic-write.js';
import { UsageError } from './errors.js';

/**
 * The `--out` folder of an export. Every file goes through here: its path
 * stays inside the folder (`insideFolder`), no symbolic link inside the
 * folder is ever followed (a link named like an output file or folder is
 * refused, naming it, before anything is written), and each file is written
 * atomically (`cli/atomic-write.ts`). The folder itself may be a link the
 * user chose.
 */
export class OutputFolder {
    readonly root: string;
    private readonly written: string[] = [];

    constructor(root: string, private readonly shown: (file: string) => string = file => file) {
        this.root = path.resolve(root);
    }

    /** Files written so far (absolute paths), in order. */
    get files(): readonly string[] {
        return this.written;
    }

    /**
     * Refuses (UsageError) when `--out` is not a folder, or when any of the
     * paths (relative to it) would go through a symbolic link or onto
     * something that is not a regular file. Creates nothing.
     */
    check(relatives: readonly string[]): void {
        if (lstatOrUndefined(this.root) && !isFolder(this.root)) {
            throw new UsageError(`--out ${this.shown(this.root)} is not a folder`, `--out ${this.shown(this.root)} 不是文件夹`);
        }
        for (const relative of relatives) this.checkPath(insideFolder(this.root, relative));
    }

    /** Writes one file (path relative to the folder), creating its folders; returns the absolute path. */
    write(relative: string, content: string | Uint8Array): string {
        const target = this.prepare(relative);
        try {
            writeFileAtomic(target, content);
        } catch (error) {
            throw this.failure(error);
        }
        this.written.push(target);
        return target;
    }

    /** Like `write`, for a file another program makes at the temporary path it is given (Chromium's PDF). */
    async produce(relative: string, make: (temporary: string) => Promise<void>): Promise<string> {
        const target = this.prepare(relative);
        try {
            await produceFileAtomic(target, make);
        } catch (error) {
            throw this.failure(error);
        }
        this.written.push(target);
        return target;
    }

    private prepare(relative: string): string {
        const target = insideFolder(this.root, relative);
        this.checkPath(target);
        try {
            fs.mkdirSync(path.dirname(target), { recursive: true });
        } catch (error) {
            const reason = (error as NodeJS.ErrnoException).code ?? String(error);
            throw new UsageError(`cannot create the folder ${this.shown(path.dirname(target))} (${reason})`, `无法创建文件夹 ${this.shown(path.dirname(target))}(${reason})`);
        }
        return target;
    }

    /** Every existing part of the path below the root must be a real folder, and the target a regular file or absent. */
    private checkPath(target: string): void {
        const parts = path.relative(this.root, target).split(path.sep);
        let current = this.root;
        for (const [i, part] of parts.entries()) {
            current = path.join(current, part);
            const stat = lstatOrUndefined(current);
            if (!stat) return; // the rest will be created
            if (stat.isSymbolicLink()) {
                let to = '?';
                try { to = fs.readlinkSync(current); } catch { /* unreadable link */ }
                throw new UsageError(
                    `refusing to write through the symbolic link ${this.shown(current)} (→ ${to}) inside --out; remove it or choose another folder`,
                    `--out 中的 ${this.shown(current)} 是符号链接(指向 ${to}),拒绝经由它写入;请删除该链接或另选文件夹`);
            }
            const last = i === parts.length - 1;
            if (last ? !stat.isFile() : !stat.isDirectory()) {
                throw new UsageError(
                    `cannot write ${this.shown(target)}: ${this.shown(current)} is in the way (not a ${last ? 'regular file' : 'folder'})`,
                    `无法写入 ${this.shown(target)}:${this.shown(current)} 已存在且不是${last ? '普通文件' : '文件夹'}`);
            }
        }
    }

    private failure(error: unknown): unknown {
        if (!(error instanceof AtomicWriteError)) return error;
        const before = this.written.length;
        return new UsageError(
            `cannot write ${this.shown(error.target)} (${error.reason}); ${error.originalKept ? 'the existing file is unchanged' : 'it was not created'}` +
                (before > 0 ? `; ${before} file${before === 1 ? '' : 's'} written before it` : ''),
            `无法写入 ${this.shown(error.target)}(${error.reason}),${error.originalKept ? '原有文件未改动' : '未生成该文件'}` +
                (before > 0 ? `;此前已写入 ${before} 个文件` : ''));
    }
}

function isFolder(file: string): boolean {
    try {
        return fs.statSync(file).isDirectory();
    } catch {
        return false; // a dangling link
    }
}

function lstatOrUndefined(file: string): fs.Stats | undefined {
    try {
        return fs.lstatSync(file);
    } catch {
        return undefined;
    }
}
