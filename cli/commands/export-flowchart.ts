import { Option } from 'commander';
import type { FlowKind } from '../../flowchart/diagram-model.js';
import type { Locale } from '../../language/messages.js';
import { defineCommand } from '../command.js';
import { UsageError } from '../errors.js';
import { choiceParser, formatOption, langOption, outOption, pathsArgument, pathsOrHere, requireOut } from '../options.js';

const NAME = 'export flowchart';

export const exportFlowchart = defineCommand<{
    format?: 'svg' | 'png'; out?: string; power?: string; flow?: FlowKind; lanes?: boolean; lang?: Locale; scale?: number; font?: string[];
}>({
    name: NAME,
    summary: say => say('power operation flowcharts, one file per power and flow', '职权运行流程图,每个职权的每个流程一个文件'),
    define: (command, say) => command
        .addArgument(pathsArgument(say))
        .addOption(outOption(say))
        .addOption(formatOption(say, NAME, ['svg', 'png'], 'svg'))
        .addOption(new Option('--power <NAME>', say('only this power (NAME or DEPARTMENT.NAME)', '只导出这个职权(职权名或 部门.职权名)')))
        .addOption(new Option('--flow <kind>', say('only this kind of flow: external or internal (default: every flow)', '只导出这种流程:external 或 internal(默认:全部)'))
            .argParser(choiceParser('--flow', NAME, ['external', 'internal'] as const)))
        .addOption(new Option('--lanes', say('swimlanes, one per responsible party', '泳道图,每个责任方一条泳道')))
        .addOption(langOption(say, 'drawing'))
        .addOption(new Option('--scale <N>', say('PNG pixels per SVG unit, 1 to 4 (default 2)', 'PNG 每个 SVG 单位的像素数,1 到 4(默认 2)')).argParser(parseScale))
        .addOption(new Option('--font <FILE>', say('a font file for PNG (repeatable; default: a CJK font found on the machine)', 'PNG 所用的字体文件(可重复;默认:本机找到的中文字体)'))
            .argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value])),
    run: async (paths, options, context) => {
        const out = requireOut(NAME, options.out);
        // ELK and resvg load only now, not for `sunlight check`.
        const { exportFlowcharts } = await import('../export-flowchart.js');
        return exportFlowcharts({
            paths: pathsOrHere(paths), out, format: options.format ?? 'svg', power: options.power, flow: options.flow,
            lanes: options.lanes === true, lang: options.lang ?? 'zh', scale: options.scale ?? 2, fonts: options.font ?? [],
            ruleDocsBase: context.ruleDocsBase
        }, context);
    }
});

function parseScale(value: string): number {
    const scale = Number(value);
    if (!(scale >= 1 && scale <= 4)) throw new UsageError(`--scale expects a number from 1 to 4, not '${value}'`, `--scale 需要 1 到 4 之间的数,而不是“${value}”`);
    return scale;
}
