import type { Locale } from '../../language/messages.js';
import { defineCommand } from '../command.js';
import { langOption, outOption, pathsArgument, pathsOrHere, pdfOption, requireOut, strictOption } from '../options.js';
import { Option } from 'commander';

/** `sunlight export public`: the public service guide (办事指南), from the public projection only. */
export const exportPublic = defineCommand<{ out?: string; lang?: Locale; pdf?: boolean; strict?: boolean; onlyCharted?: boolean }>({
    name: 'export public',
    summary: say => say('the public service guide (办事指南): external flowcharts for staff and students, nothing internal',
        '公开的办事指南:供师生查阅的外部流程图,不含任何内部信息'),
    define: (command, say) => command
        .addArgument(pathsArgument(say))
        .addOption(outOption(say))
        .addOption(langOption(say, 'documents'))
        .addOption(pdfOption(say))
        .addOption(strictOption(say))
        .addOption(new Option('--only-charted', say('leave out the powers that have no external flow', '不列出没有外部流程的职权'))),
    run: async (paths, options, context) => {
        const out = requireOut('export public', options.out);
        // ELK and the page writers load only now, not for `sunlight check`.
        const { exportPublic: run } = await import('../export-public.js');
        return run({
            paths: pathsOrHere(paths), out, lang: options.lang ?? 'zh', messages: options.lang ?? context.locale,
            strict: options.strict === true, pdf: options.pdf === true, onlyCharted: options.onlyCharted === true
        }, { out: context.write, err: context.writeError });
    }
});
