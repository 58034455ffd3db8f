import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './errors.js';
import { OutputFolder } from './output-folder.js';
import { relative } from './workspace.js';

/**
 * Writes a set of new files into a folder, for the commands that create
 * files the user will edit (`import catalog`, `init`). Nothing is written
 * unless every file can be: an existing file is refused unless `force`
 * (then it is replaced), and the folder's own checks apply (cli/output-folder.ts:
 * no symbolic link followed, nothing outside it, each file written atomically).
 */
export interface NewFile {
    /** Relative to the folder, `/`-separated. */
    readonly path: string;
    readonly content: string;
}

/** A path as the user reads it: relative to the current folder when inside it, else absolute. */
export function displayPath(file: string): string {
    const shown = relative(file);
    return shown.startsWith('../') ? path.resolve(file) : shown;
}

export function writeNewFiles(folder: string, files: readonly NewFile[], options: { readonly force: boolean }): readonly string[] {
    const out = new OutputFolder(folder, displayPath);
    out.check(files.map(file => file.path));
    const existing = files.filter(file => fs.existsSync(path.join(out.root, file.path))).map(file => file.path);
    if (existing.length > 0 && !options.force) {
        const shown = displayPath(out.root);
        const list = existing.slice(0, 3).join(', ') + (existing.length > 3 ? ` (+${existing.length - 3})` : '');
        throw new UsageError(`${shown} already has ${list}; nothing written (--force overwrites)`,
            `${shown} 中已有 ${list},未写入任何文件(加 --force 覆盖)`);
    }
    for (const file of files) out.write(file.path, file.content);
    return out.files;
}
