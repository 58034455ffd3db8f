import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locale } from '../language/messages.js';
import { collegeName, repositoryFiles } from '../init/init-repository.js';
import type { CliContext } from './context.js';
import { UsageError } from './errors.js';
import { displayPath, writeNewFiles } from './new-files.js';

/**
 * `sunlight init [DIR]`: a ready repository for a college (the files are in
 * init/templates.ts). Refuses a folder that is not empty unless `--force`;
 * even then no existing file is replaced, and when the folder already has
 * `.sun` files (an imported catalog) the worked example is left out.
 */
export interface InitCommandOptions {
    readonly force?: boolean;
    readonly lang?: Locale;
    readonly name?: string;
    readonly due?: string;
}

export async function runInit(folderGiven: string | undefined, values: InitCommandOptions, context: CliContext): Promise<number> {
    const locale: Locale = values.lang ?? context.locale;
    const zh = locale === 'zh';
    const folder = path.resolve(folderGiven ?? '.');
    const shown = displayPath(folder);
    const name = values.name ?? collegeName(path.basename(folder));
    if (!/^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}]*$/u.test(name)) {
        throw new UsageError(zh ? `--name 需要一个名称(文字、数字或 _,不以数字开头),而不是“${name}”` : `--name needs a name (letters, digits or _, not starting with a digit), not '${name}'`);
    }
    const due = values.due ?? inDays(30);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(due) || Number.isNaN(Date.parse(due))) {
        throw new UsageError(zh ? `--due 需要 YYYY-MM-DD 格式的日期,而不是“${due}”` : `--due needs a date as YYYY-MM-DD, not '${due}'`);
    }

    let entries: string[] = [];
    try {
        if (fs.existsSync(folder)) entries = fs.readdirSync(folder);
    } catch (error) {
        throw new UsageError(zh ? `无法读取 ${shown}(${(error as NodeJS.ErrnoException).code})` : `cannot read ${shown} (${(error as NodeJS.ErrnoException).code})`);
    }
    if (entries.length > 0 && !values.force) {
        throw new UsageError(zh ? `${shown} 不是空文件夹,未写入任何文件(加 --force 补充缺少的文件,不会覆盖已有文件)` : `${shown} is not empty; nothing written (--force adds the missing files and never overwrites one)`);
    }
    const hasSunFiles = entries.length > 0 && containsSunFiles(folder);
    const files = await repositoryFiles({ college: name, due, locale, hasSunFiles });
    const missing = files.filter(file => !fs.existsSync(path.join(folder, file.path)));
    const kept = files.filter(file => !missing.includes(file));
    const written = writeNewFiles(folder, missing, { force: false });
    for (const target of written) if (target.endsWith('.sh')) fs.chmodSync(target, 0o755);

    context.write(zh ? `已在 ${shown}/ 中创建 ${written.length} 个文件\n` : `created ${written.length} file${written.length === 1 ? '' : 's'} in ${shown}/\n`);
    for (const target of written) context.write(`  ${displayPath(target)}\n`);
    if (kept.length > 0) context.write(zh ? `保留已有文件:${kept.map(f => f.path).join('、')}\n` : `kept the existing ${kept.map(f => f.path).join(', ')}\n`);
    if (hasSunFiles) context.write(zh ? '文件夹中已有 .sun 文件,未加入示例部门\n' : 'the folder already has .sun files: no example department added\n');
    context.write(zh ? `下一步:sunlight check ${shown}\n` : `next: sunlight check ${shown}\n`);
    return 0;
}

function containsSunFiles(folder: string): boolean {
    const walk = (directory: string, depth: number): boolean => {
        if (depth > 8) return false;
        let entries: fs.Dirent[];
        try {
            entries = fs.readdirSync(directory, { withFileTypes: true });
        } catch {
            return false;
        }
        return entries.some(entry => !entry.name.startsWith('.') && entry.name !== 'node_modules'
            && (entry.isFile() && entry.name.endsWith('.sun') || entry.isDirectory() && walk(path.join(directory, entry.name), depth + 1)));
    };
    return walk(folder, 0);
}

/** The date N days from today (local time), YYYY-MM-DD. */
function inDays(days: number): string {
    const date = new Date(Date.now() + days * 86_400_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
