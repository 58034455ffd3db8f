import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildDiagram, type FlowKind } from '../flowchart/diagram-model.js';
import { drawFlowchart } from '../flowchart/pipeline.js';
import { isDepartment, type Department, type Power } from '../language/generated/ast.js';
import type { Locale } from '../language/messages.js';
import type { CliContext } from './context.js';
import { UsageError } from './errors.js';
import { safeFileName, uniqueFileNames } from '../flowchart/file-names.js';
import { OutputFolder } from './output-folder.js';
import { loadWorkspace, relative } from './workspace.js';

/**
 * `sunlight export flowchart PATH... --format svg|png --out DIR`: one file per
 * power and flow, drawn by the preview's own pipeline (buildDiagram →
 * layoutDiagram → renderSvg, print palette), so the file is exactly what the
 * editor's *Export SVG* saves. PNG goes through @resvg/resvg-js (its binary
 * ships inside the npm package) with a CJK font found on the machine.
 */

export interface FlowchartExportOptions {
    readonly paths: readonly string[];
    readonly out: string;
    readonly format: 'svg' | 'png';
    readonly power?: string;
    readonly flow?: FlowKind;
    readonly lanes: boolean;
    /** Language of the drawings. */
    readonly lang: Locale;
    readonly scale: number;
    readonly fonts: readonly string[];
    readonly ruleDocsBase?: string;
}

interface Job { readonly department: string; readonly power: Power; readonly flow: FlowKind }

export async function exportFlowcharts(options: FlowchartExportOptions, context: Pick<CliContext, 'locale' | 'write'>): Promise<number> {
    const zh = context.locale === 'zh';
    const workspace = await loadWorkspace(options.paths, { locale: context.locale, ruleDocsBase: options.ruleDocsBase });
    const jobs: Job[] = [];
    for (const document of workspace.documents) {
        if (document.parseResult.lexerErrors.length + document.parseResult.parserErrors.length > 0) {
            process.stderr.write(zh
                ? `sunlight: 警告:${relative(document.uri.fsPath)} 有语法错误,其流程图可能不完整\n`
                : `sunlight: warning: ${relative(document.uri.fsPath)} does not parse; its flowcharts may be incomplete\n`);
        }
        for (const element of document.parseResult.value.elements ?? []) {
            if (!isDepartment(element)) continue;
            for (const power of element.powers ?? []) {
                if (!power.name || !matches(options.power, element, power)) continue;
                const kinds = [...new Set((power.flows ?? []).map(f => f.kind as FlowKind))];
                for (const kind of kinds) {
                    if (options.flow === undefined || options.flow === kind) jobs.push({ department: element.name ?? '', power, flow: kind });
                }
            }
        }
    }
    if (jobs.length === 0) {
        const what = options.power === undefined ? '' : zh ? `名为“${options.power}”的` : ` named '${options.power}'`;
        throw new UsageError(zh
            ? `没有找到${what}${options.flow ? `有${options.flow === 'external' ? '外部' : '内部'}流程的` : '有流程的'}职权`
            : `no power${what} with ${options.flow ? `an ${options.flow} flow` : 'a flow'} in the given files`);
    }

    const extension = `.${options.format}`;
    const names = uniqueFileNames(jobs.map(job => [
        safeFileName(job.department), safeFileName(job.power.name), job.flow, ...(options.lanes ? ['lanes'] : [])
    ].join('-')), extension);
    const folder = new OutputFolder(options.out, relative);
    folder.check(names);
    const rasterise = options.format === 'png' ? await pngRenderer(options, zh) : undefined;

    for (let i = 0; i < jobs.length; i++) {
        const job = jobs[i];
        const model = buildDiagram(job.power, job.flow, { lanes: options.lanes });
        const { svg } = await drawFlowchart(model, { palette: 'print', locale: options.lang });
        const target = folder.write(names[i], rasterise ? rasterise(svg) : svg);
        context.write(`${relative(target)}\n`);
    }
    return 0;
}

function matches(wanted: string | undefined, department: Department, power: Power): boolean {
    return wanted === undefined || wanted === power.name || wanted === `${department.name}.${power.name}`;
}

// ---------------------------------------------------------------- PNG

/**
 * Where CJK fonts usually live: Debian/Ubuntu (fonts-noto-cjk,
 * fonts-wqy-microhei, fonts-wqy-zenhei), Fedora, Windows, macOS. The first
 * one found is enough; every file given with --font is loaded too.
 */
const CJK_FONT_FILES = [
    '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
    '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
    '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
    '/usr/share/fonts/google-noto-sans-cjk-vf-fonts/NotoSansCJK-VF.ttc',
    '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
    '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
    '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
    '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf',
    'C:\\Windows\\Fonts\\msyh.ttc',
    'C:\\Windows\\Fonts\\msyhbd.ttc',
    'C:\\Windows\\Fonts\\simhei.ttf',
    '/System/Library/Fonts/PingFang.ttc',
    '/System/Library/Fonts/STHeiti Light.ttc',
    '/Library/Fonts/Arial Unicode.ttf'
];

/** A CJK font file found on this machine (the user's font folders included), or none. */
export function findCjkFonts(): string[] {
    const found = CJK_FONT_FILES.filter(file => isFile(file));
    if (found.length > 0) return found;
    // Elsewhere in the usual font folders, by file name.
    const pattern = /(notosanscjk|notosanssc|sourcehansans|wqy-|msyh|simhei|simsun|pingfang|hiragino|droidsansfallback|notoserifcjk)/i;
    const roots = ['/usr/share/fonts', '/usr/local/share/fonts', path.join(os.homedir(), '.fonts'), path.join(os.homedir(), '.local', 'share', 'fonts')];
    for (const root of roots) {
        const hit = findFile(root, pattern, 4);
        if (hit) return [hit];
    }
    return [];
}

function findFile(folder: string, pattern: RegExp, depth: number): string | undefined {
    let entries: fs.Dirent[];
    try {
        entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
        return undefined;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        const full = path.join(folder, entry.name);
        if (entry.isFile() && pattern.test(entry.name) && /\.(ttf|otf|ttc|otc)$/i.test(entry.name)) return full;
        if (entry.isDirectory() && depth > 0) {
            const hit = findFile(full, pattern, depth - 1);
            if (hit) return hit;
        }
    }
    return undefined;
}

function isFile(file: string): boolean {
    try {
        return fs.statSync(file).isFile();
    } catch {
        return false;
    }
}

/**
 * The largest PNG drawn: 100 megapixels (a 2,000-step flow at --scale 4 would
 * be several hundred and take minutes and gigabytes). Above it the export
 * stops with a one-line reason (exit 2) instead.
 */
export const MAX_PNG_PIXELS = 100_000_000;

function refuseHugeImage(svg: string, scale: number): void {
    const size = /^<svg\b[^>]*?\bwidth="([\d.]+)"[^>]*?\bheight="([\d.]+)"/.exec(svg);
    if (!size) return;
    const width = Math.ceil(Number(size[1]) * scale);
    const height = Math.ceil(Number(size[2]) * scale);
    const megapixels = (width * height / 1e6).toFixed(0);
    if (width * height > MAX_PNG_PIXELS) {
        throw new UsageError(
            `the PNG would be ${width} × ${height} pixels (${megapixels} megapixels, more than ${MAX_PNG_PIXELS / 1e6}): use --format svg, a smaller --scale, or split the flow`,
            `PNG 将达 ${width} × ${height} 像素(${megapixels} 百万像素,超过 ${MAX_PNG_PIXELS / 1e6} 百万):请改用 --format svg、减小 --scale 或拆分流程`);
    }
}

async function pngRenderer(options: FlowchartExportOptions, zh: boolean): Promise<(svg: string) => Buffer> {
    for (const font of options.fonts) {
        if (!isFile(font)) throw new UsageError(zh ? `字体文件不存在:${font}` : `no such font file: ${font}`);
    }
    const cjk = findCjkFonts();
    if (cjk.length === 0 && options.fonts.length === 0) {
        process.stderr.write(zh
            ? 'sunlight: 警告:未找到中文字体,PNG 中的汉字将显示为方框;请安装 fonts-noto-cjk(Debian/Ubuntu)或用 --font 指定字体文件\n'
            : 'sunlight: warning: no CJK font found, Chinese text in the PNG will show as boxes; install fonts-noto-cjk (Debian/Ubuntu) or pass --font FILE\n');
    }
    let Resvg: typeof import('@resvg/resvg-js').Resvg;
    try {
        ({ Resvg } = await import('@resvg/resvg-js'));
    } catch (error) {
        throw new UsageError(zh
            ? `无法加载 PNG 渲染器 @resvg/resvg-js(${error instanceof Error ? error.message.split('\n')[0] : String(error)})`
            : `cannot load the PNG renderer @resvg/resvg-js (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
    }
    const fontFiles = [...options.fonts, ...cjk];
    return svg => {
        refuseHugeImage(svg, options.scale);
        const resvg = new Resvg(svg, {
            fitTo: { mode: 'zoom', value: options.scale },
            // Only the fonts named here: resvg's font fallback picks the first font of
            // its database that has a glyph, which among all system fonts may be a
            // serif or a Japanese face. The SVG names Noto Sans CJK SC first.
            font: { loadSystemFonts: fontFiles.length === 0, fontFiles, defaultFontFamily: 'Noto Sans CJK SC' },
            logLevel: 'off'
        });
        return resvg.render().asPng();
    };
}
