import type { Locale } from '../../language/messages.js';
import { defineCommand, type Say, type SunlightCommand } from '../command.js';
import type { HandinKind } from '../export-handin.js';
import { formatOption, langOption, outOption, pathsArgument, pathsOrHere, pdfOption, requireOut, strictOption } from '../options.js';

/** The formats of each document, the first one the default. */
const FORMATS: Record<HandinKind, readonly string[]> = {
    catalog: ['xlsx', 'csv', 'md', 'html'],
    registers: ['html', 'xlsx'],
    report: ['html']
};

const SUMMARIES: Record<HandinKind, (say: Say) => string> = {
    catalog: say => say('the power catalog (职权目录), whole and per department', '职权目录,全校一份、每个部门一份'),
    registers: say => say('the risk registration forms (风险登记表), one per person', '廉政风险登记表,每人一份'),
    report: say => say('the college report: a site with every department, and a printable page', '学校报告:含各部门的网页,以及可打印的一页')
};

/** `sunlight export catalog|registers|report`: the hand-in, generated from the same files `check` checks. */
function handinCommand(kind: HandinKind): SunlightCommand {
    const name = `export ${kind}`;
    return defineCommand<{ out?: string; format?: string[]; lang?: Locale; pdf?: boolean; strict?: boolean }>({
        name,
        summary: SUMMARIES[kind],
        define: (command, say) => command
            .addArgument(pathsArgument(say))
            .addOption(outOption(say))
            .addOption(formatOption(say, name, FORMATS[kind], FORMATS[kind][0], true))
            .addOption(langOption(say, 'documents'))
            .addOption(pdfOption(say))
            .addOption(strictOption(say)),
        run: async (paths, options, context) => {
            const out = requireOut(name, options.out);
            // exceljs, ELK and resvg load only now, not for `sunlight check`.
            const { exportHandin } = await import('../export-handin.js');
            return exportHandin({
                kind, paths: pathsOrHere(paths), out, formats: options.format ?? [FORMATS[kind][0]],
                lang: options.lang ?? 'zh', messages: options.lang ?? context.locale,
                strict: options.strict === true, pdf: options.pdf === true
            }, { out: context.write, err: context.writeError });
        }
    });
}

export const exportCatalog = handinCommand('catalog');
export const exportRegisters = handinCommand('registers');
export const exportReport = handinCommand('report');
