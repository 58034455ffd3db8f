import * as fs from 'node:fs';
import type { Locale } from '../language/messages.js';
import { decodeSource } from '../language/node/file-system.js';
import { createFormatServices, formatText, type SyntaxErrorAt } from '../language/lsp/format-text.js';
import { AtomicWriteError, writeFileAtomic } from './atomic-write.js';
import type { CliContext } from './context.js';
import { UsageError } from './errors.js';
import { collectFiles, relative } from './workspace.js';

/**
 * `sunlight fmt [--check] [PATH...]`: lays out `.sun` files in the canonical
 * layout of the language server's formatter (language/lsp/formatter.ts).
 * Without `--check` it rewrites changed files in place, keeping their BOM and
 * line-ending style; with `--check` it only lists the files that would change
 * (exit 1 if any). A file with syntax errors is reported and left as it is
 * (exit 1).
 */
export interface FormatFileResult {
    readonly file: string;
    /** The formatted text (BOM and line endings as in the file); undefined when the file does not parse. */
    readonly formatted?: string;
    readonly changed: boolean;
    /** First syntax error, 1-based, when the file does not parse. */
    readonly syntaxError?: SyntaxErrorAt;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Formats each `.sun` file under the paths; writes the changed ones back unless `check`. */
export async function formatFiles(paths: readonly string[], options: { check: boolean; locale: Locale }): Promise<FormatFileResult[]> {
    const zh = options.locale === 'zh';
    const files = collectFiles(paths, zh);
    const services = createFormatServices();
    const results: FormatFileResult[] = [];
    for (const file of files) {
        let bytes: Uint8Array;
        let text: string;
        try {
            bytes = fs.readFileSync(file);
            text = decodeSource(bytes, true);
        } catch (error) {
            const reason = error instanceof TypeError ? (zh ? '不是有效的 UTF-8 文本' : 'is not valid UTF-8 text') : errorCode(error);
            throw new UsageError(zh ? `无法读取 ${relative(file)}(${reason})` : `cannot read ${relative(file)} (${reason})`);
        }
        const bom = UTF8_BOM.every((byte, i) => bytes[i] === byte) ? '\uFEFF' : '';
        const { formatted, syntaxError } = await formatText(text, services);
        if (formatted === undefined) {
            results.push({ file, changed: false, syntaxError });
            continue;
        }
        const changed = formatted !== text;
        if (changed && !options.check) {
            try {
                // Through a symlink the user keeps in the workspace: the file it points to, the link stays.
                writeFileAtomic(fs.realpathSync(file), bom + formatted);
            } catch (error) {
                const reason = error instanceof AtomicWriteError ? error.reason : errorCode(error);
                throw new UsageError(`cannot write ${relative(file)} (${reason}); the file is unchanged`, `无法写入 ${relative(file)}(${reason}),文件未改动`);
            }
        }
        results.push({ file, formatted: bom + formatted, changed });
    }
    return results;
}

/** The `fmt` command: exit 0 when nothing is (or was) wrong, 1 when files would change under `--check` or do not parse. */
export async function runFmt(paths: readonly string[], options: { check: boolean; locale: Locale }, context: Pick<CliContext, 'write' | 'writeError'>): Promise<number> {
    const { check, locale } = options;
    const zh = locale === 'zh';
    const results = await formatFiles(paths, { check, locale });
    let failed = false;
    for (const result of results) {
        const file = relative(result.file);
        if (result.syntaxError) {
            failed = true;
            const { line, column } = result.syntaxError;
            context.writeError(zh ? `${file}:${line}:${column}: 有语法错误,未格式化\n` : `${file}:${line}:${column}: syntax error, not formatted\n`);
        } else if (result.changed) {
            if (check) failed = true;
            context.write(`${file}\n`);
        }
    }
    if (check && results.some(result => result.changed)) {
        const count = results.filter(result => result.changed).length;
        context.writeError(zh ? `${count} 个文件需要格式化(运行 sunlight fmt)\n` : `${count} file${count === 1 ? '' : 's'} would be reformatted (run sunlight fmt)\n`);
    }
    return failed ? 1 : 0;
}

function errorCode(error: unknown): string {
    return (error as NodeJS.ErrnoException)?.code ?? (error instanceof Error ? error.message : String(error));
}
