import { spawnSync } from 'node:child_process';
import { decodeSource } from '../language/node/file-system.js';
import type { VersionFile } from '../review/load.js';
import { UsageError } from './errors.js';

/**
 * The `.sun` files of a git revision, read from git's object store (`git
 * ls-tree`, then one `git cat-file --batch` for all of them): the work tree,
 * the index and HEAD are never touched. Paths are relative to `cwd`, as git
 * prints them, and the same folders are skipped as on disk (dot folders,
 * node_modules); symbolic links and submodules are not files.
 */
export function readRevision(revision: string, paths: readonly string[], cwd: string): VersionFile[] {
    // A revision starting with '-' would be read as an option.
    const tree = revision.startsWith('-') ? undefined : git(['rev-parse', '--verify', '--quiet', `${revision}^{tree}`], cwd);
    if (!tree || tree.status !== 0) throw new UsageError(`unknown git revision '${revision}'`, `未知的 git 版本“${revision}”`);
    const listing = git(['ls-tree', '-r', '-z', tree.stdout.toString('utf8').trim(), '--', ...paths], cwd);
    if (listing.status !== 0) throw new UsageError(`git ls-tree failed: ${firstLine(listing.stderr)}`, `git ls-tree 失败:${firstLine(listing.stderr)}`);
    const blobs: Array<{ file: string; id: string }> = [];
    for (const entry of listing.stdout.toString('utf8').split('\0')) {
        const match = /^(\d+) (\w+) ([0-9a-f]+)\t(.*)$/s.exec(entry);
        if (!match) continue;
        const [, mode, type, id, file] = match;
        if (type !== 'blob' || (mode !== '100644' && mode !== '100755') || !file.endsWith('.sun')) continue;
        if (file.split('/').some(segment => segment.startsWith('.') && segment !== '.' && segment !== '..' || segment === 'node_modules')) continue;
        blobs.push({ file, id });
    }
    if (blobs.length === 0) return [];
    const batch = git(['cat-file', '--batch'], cwd, blobs.map(b => b.id).join('\n') + '\n');
    if (batch.status !== 0) throw new UsageError(`git cat-file failed: ${firstLine(batch.stderr)}`, `git cat-file 失败:${firstLine(batch.stderr)}`);
    const out = batch.stdout;
    let offset = 0;
    return blobs.map(({ file }) => {
        // Each object: "<id> blob <size>\n", the content, "\n".
        const headerEnd = out.indexOf(0x0a, offset);
        const size = Number(out.subarray(offset, headerEnd).toString('latin1').split(' ')[2]);
        const start = headerEnd + 1;
        offset = start + size + 1;
        try {
            return { file, text: decodeSource(out.subarray(start, start + size), true) };
        } catch {
            throw new UsageError(`${file} in ${revision} is not valid UTF-8 text`, `${revision} 中的 ${file} 不是有效的 UTF-8 文本`);
        }
    });
}

/** `A..B`, `A...B` (from their merge base, as a pull request shows it), `A` or `A..` (against the files on disk). */
export interface RevisionRange {
    readonly old: string;
    /** Undefined: the files on disk. */
    readonly new?: string;
}

export function parseRange(range: string, cwd: string): RevisionRange {
    const threeDots = range.indexOf('...');
    if (threeDots >= 0) {
        const a = range.slice(0, threeDots) || 'HEAD';
        const b = range.slice(threeDots + 3) || 'HEAD';
        const base = a.startsWith('-') || b.startsWith('-') ? undefined : git(['merge-base', a, b], cwd);
        if (!base || base.status !== 0) throw new UsageError(`no merge base of '${a}' and '${b}'`, `“${a}”与“${b}”没有共同祖先`);
        return { old: base.stdout.toString('utf8').trim(), new: b };
    }
    const twoDots = range.indexOf('..');
    if (twoDots < 0) return { old: range };
    const b = range.slice(twoDots + 2);
    return { old: range.slice(0, twoDots) || 'HEAD', new: b || undefined };
}

function git(args: readonly string[], cwd: string, input?: string) {
    const result = spawnSync('git', args, { cwd, input, maxBuffer: 1024 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
    if (result.error) {
        const code = (result.error as NodeJS.ErrnoException).code ?? result.error.message;
        throw new UsageError(code === 'ENOENT' ? 'git is not installed (needed by --git)' : `cannot run git (${code})`,
            code === 'ENOENT' ? '未安装 git(--git 需要)' : `无法运行 git(${code})`);
    }
    if (result.status !== 0 && /not a git repository/i.test(result.stderr.toString('utf8'))) {
        throw new UsageError(`${cwd} is not in a git repository`, `${cwd} 不在 git 仓库中`);
    }
    return result;
}

function firstLine(stderr: Buffer): string {
    return stderr.toString('utf8').split('\n')[0].trim();
}
