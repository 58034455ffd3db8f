import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locale } from '../language/messages.js';
import { NotUtf8Error, readSourceFile } from '../language/node/file-system.js';
import { diffCatalogs } from '../review/catalog-diff.js';
import { DIFF_FORMATTERS } from '../review/diff-render.js';
import { loadVersion, type VersionFile } from '../review/load.js';
import type { CliContext } from './context.js';
import { UsageError } from './errors.js';
import { parseRange, readRevision } from './git-revision.js';
import { collectFiles } from './workspace.js';

/**
 * `sunlight diff OLD NEW` and `sunlight diff --git A..B [PATH...]`: what
 * changed in the catalog between two versions (review/catalog-diff.ts).
 * Exit status as `git diff`: 0 whether or not anything changed, unless
 * `--exit-code` is given (then 1 when something changed); 2 when it cannot run.
 */
export interface DiffOptions {
    readonly git?: string;
    readonly format: string;
    readonly lang?: Locale;
    readonly exitCode: boolean;
}

export async function runDiff(operands: readonly string[], options: DiffOptions, context: CliContext): Promise<number> {
    const formatter = DIFF_FORMATTERS[options.format];
    // A pull-request comment is for the reviewers: Chinese unless asked otherwise.
    const locale: Locale = options.lang ?? (options.format === 'markdown' ? 'zh' : context.locale);
    const zh = locale === 'zh';
    let oldFiles: VersionFile[];
    let newFiles: VersionFile[];
    let oldLabel: string;
    let newLabel: string;
    const cwd = process.cwd();
    if (options.git !== undefined) {
        const range = parseRange(options.git, cwd);
        const paths = operands.length > 0 ? [...operands] : ['.'];
        oldFiles = readRevision(range.old, paths, cwd);
        oldLabel = range.old;
        if (range.new === undefined) {
            newFiles = readFolder(paths, cwd, zh);
            newLabel = zh ? '工作区' : 'the working tree';
        } else {
            newFiles = readRevision(range.new, paths, cwd);
            newLabel = range.new;
        }
    } else {
        if (operands.length !== 2) {
            throw new UsageError('diff needs two folders (OLD NEW), or --git REV1..REV2', 'diff 需要两个文件夹(旧 新),或 --git 版本1..版本2');
        }
        [oldLabel, newLabel] = operands;
        oldFiles = readFolder([oldLabel], oldLabel, zh);
        newFiles = readFolder([newLabel], newLabel, zh);
    }

    const [before, after] = [await loadVersion(oldFiles), await loadVersion(newFiles)];
    for (const [label, version] of [[oldLabel, before], [newLabel, after]] as const) {
        if (version.filesWithSyntaxErrors.length > 0) {
            context.writeError(zh
                ? `sunlight: ${label} 中有语法错误的文件(比较其可解析的部分):${version.filesWithSyntaxErrors.join('、')}\n`
                : `sunlight: files with syntax errors in ${label} (compared as far as they parse): ${version.filesWithSyntaxErrors.join(', ')}\n`);
        }
    }
    const changes = diffCatalogs(before.snapshot, after.snapshot);
    context.write(formatter({ old: oldLabel, new: newLabel, changes, locale }));
    return options.exitCode && changes.length > 0 ? 1 : 0;
}

/** The `.sun` files under the paths, named relative to `root` (a folder given as OLD or NEW is its own root). */
function readFolder(paths: readonly string[], root: string, zh: boolean): VersionFile[] {
    if (paths.length === 1 && !isFolder(paths[0]) && root === paths[0]) {
        throw new UsageError(zh ? `不是文件夹:${paths[0]}` : `not a folder: ${paths[0]}`);
    }
    return collectFiles(paths, zh).map(file => {
        const name = path.relative(path.resolve(root), file).split(path.sep).join('/');
        try {
            return { file: name, text: readSourceFile(file) };
        } catch (error) {
            if (error instanceof NotUtf8Error) throw new UsageError(zh ? `${name} 不是有效的 UTF-8 文本` : `${name} is not valid UTF-8 text`);
            throw new UsageError(zh ? `无法读取 ${name}` : `cannot read ${name}`);
        }
    });
}

function isFolder(given: string): boolean {
    try {
        return fs.statSync(given).isDirectory();
    } catch {
        return true; // collectFiles says what is wrong with it
    }
}
