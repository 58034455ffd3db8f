import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { insideFolder } from '../flowchart/file-names.js';

/**
 * Writes files under `folder` so that nothing lands outside it and no reader
 * ever sees half a file: each file goes to a temporary file in its own folder
 * and is renamed over the target (a rename replaces a symlink, never writes
 * through it). Folders on the way are created; one that is a symlink is
 * refused, since it could point anywhere.
 */
export function writeFilesInside(folder: string, files: ReadonlyArray<{ readonly path: string; readonly content: string | Buffer }>): string[] {
    const root = path.resolve(folder);
    fs.mkdirSync(root, { recursive: true });
    const written: string[] = [];
    for (const file of files) {
        const target = insideFolder(root, file.path);
        makeFolders(root, path.dirname(target));
        const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
        try {
            fs.writeFileSync(temporary, file.content, { flag: 'wx' });
            fs.renameSync(temporary, target);
        } catch (error) {
            fs.rmSync(temporary, { force: true });
            throw error;
        }
        written.push(target);
    }
    return written;
}

/** Creates `folder` (inside `root`) one level at a time, refusing a symlink on the way. */
function makeFolders(root: string, folder: string): void {
    let current = root;
    for (const part of path.relative(root, folder).split(path.sep).filter(Boolean)) {
        current = path.join(current, part);
        let stat: fs.Stats | undefined;
        try {
            stat = fs.lstatSync(current);
        } catch {
            fs.mkdirSync(current);
            continue;
        }
        if (stat.isSymbolicLink() || !stat.isDirectory()) {
            throw Object.assign(new Error(`${current} is not a folder`), { code: stat.isSymbolicLink() ? 'ELOOP' : 'ENOTDIR' });
        }
    }
}
