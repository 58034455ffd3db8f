import * as path from 'node:path';
import type { Locale } from '../language/messages.js';
import { findChromium, type ChromiumSearch } from '../handin/pdf.js';
import { printBooklet } from '../handin/public/booklet-pdf.js';
import { projectPublicGuide } from '../handin/public/projection.js';
import { buildPublicSite, type SiteFile } from '../handin/public/site.js';
import { UsageError } from './errors.js';
import { loadHandinWorkspace } from './export-handin.js';
import { OutputFolder } from './output-folder.js';
import { collectFiles, relative } from './workspace.js';

/**
 * `sunlight export public [PATH...] --out DIR`: the public service guide
 * (办事指南) for staff and students, built from the public projection of the
 * files (handin/public/projection.ts) so that nothing internal can reach it.
 * Powers whose external flow has errors are named on stderr; `--strict`
 * then refuses (exit 1, nothing written).
 */
export interface PublicExportOptions {
    readonly paths: readonly string[];
    readonly out: string;
    /** Language of the guide. */
    readonly lang: Locale;
    /** Language of the messages on the terminal. */
    readonly messages: Locale;
    readonly strict: boolean;
    readonly pdf: boolean;
    readonly onlyCharted: boolean;
    readonly findChromium?: () => ChromiumSearch;
}

export interface Output {
    out(text: string): void;
    err(text: string): void;
}

export async function exportPublic(options: PublicExportOptions, output: Output): Promise<number> {
    const zh = options.messages === 'zh';
    const chromium = options.pdf ? (options.findChromium ?? findChromium)() : undefined;
    if (chromium && !chromium.executable) {
        throw new UsageError(chromium.badOverride
            ? (zh ? `SUNLIGHT_CHROMIUM 指向的 ${chromium.badOverride} 不是可执行文件,无法生成 PDF` : `SUNLIGHT_CHROMIUM is set to ${chromium.badOverride}, which is not an executable: cannot print the PDF`)
            : (zh ? '未找到 Chromium(chromium、chromium-browser、google-chrome),无法生成 PDF:请安装 Chromium 或设置 SUNLIGHT_CHROMIUM,或去掉 --pdf'
                : 'no Chromium found (chromium, chromium-browser, google-chrome): cannot print the PDF; install Chromium, set SUNLIGHT_CHROMIUM, or leave out --pdf'));
    }
    const folder = new OutputFolder(options.out);
    const out = folder.root;
    folder.check([]);
    collectFiles(options.paths, zh);
    const guide = projectPublicGuide(await loadHandinWorkspace(options.paths, options.lang));

    const faulty = guide.departments.flatMap(d => d.powers.filter(p => p.flowErrors > 0).map(p => ({ department: d.title, power: p.name, errors: p.flowErrors })));
    for (const f of faulty) {
        output.err(zh
            ? `sunlight: 职权“${f.power}”(${f.department})的外部流程图有 ${f.errors} 个错误${options.strict ? '' : ',发布前应改正(见 sunlight check)'}\n`
            : `sunlight: the external flow of '${f.power}' (${f.department}) has ${f.errors} error${f.errors === 1 ? '' : 's'}${options.strict ? '' : '; fix it before publishing (see sunlight check)'}\n`);
    }
    if (faulty.length > 0 && options.strict) {
        output.err(zh ? 'sunlight: --strict:未导出任何文件\n' : 'sunlight: --strict: nothing exported\n');
        return 1;
    }
    const powers = guide.departments.reduce((n, d) => n + d.powers.length, 0);
    if (powers === 0) output.err(zh ? 'sunlight: 这些文件中没有职权(power),办事指南是空的\n' : 'sunlight: the files declare no power; the guide is empty\n');

    const { files, placed } = await buildPublicSite(guide, { locale: options.lang, onlyCharted: options.onlyCharted });
    write(folder, files);
    let pdf: string | undefined;
    if (chromium?.executable) {
        pdf = path.join(out, 'booklet.pdf');
        try {
            await printBooklet(chromium.executable, guide, placed, options.lang, out, booklet => write(folder, [booklet]));
        } catch (error) {
            if (error instanceof UsageError) throw error;
            throw new UsageError(zh ? `Chromium 未能生成 PDF:${errorMessage(error)}` : `Chromium could not print the PDF: ${errorMessage(error)}`);
        }
    }

    const shown = (file: string) => {
        const rel = relative(file);
        return rel.startsWith('../') ? file : rel;
    };
    const count = files.length + (pdf ? 1 : 0);
    const left = options.onlyCharted ? powers - placed.length : 0;
    output.out(zh
        ? `已导出办事指南(${placed.length} 项${left ? `,另有 ${left} 项无外部流程图未列入` : ''})共 ${count} 个文件到 ${shown(out)}/\n`
        : `exported the service guide (${placed.length} item${placed.length === 1 ? '' : 's'}${left ? `; ${left} without an external flow left out` : ''}), ${count} files, to ${shown(out)}/\n`);
    output.out(`  ${shown(path.join(out, 'index.html'))}\n`);
    if (pdf) output.out(`  ${shown(pdf)}\n`);
    return 0;
}

/** Through the one output folder: inside --out, no symbolic link followed, each file atomically. */
function write(folder: OutputFolder, files: readonly SiteFile[]): void {
    folder.check(files.map(file => file.path));
    for (const file of files) folder.write(file.path, file.content);
}

function errorMessage(error: unknown): string {
    return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}
