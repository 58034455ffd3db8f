import { Argument, Option } from 'commander';
import type { Locale } from '../../language/messages.js';
import { defineCommand } from '../command.js';
import { langOption, outOption, requireOut } from '../options.js';

/** `sunlight import catalog FILE --out DIR`: a power catalog spreadsheet as .sun files (docs/import.md). */
export const importCatalog = defineCommand<{ out?: string; map?: string[]; encoding?: string; lang?: Locale; force?: boolean }>({
    name: 'import catalog',
    summary: say => say('a power catalog spreadsheet (.xlsx, .csv) as department files and bases.sun', '把职权目录表格(.xlsx、.csv)转为部门文件和 bases.sun'),
    define: (command, say) => command
        .addArgument(new Argument('<file>', say('the spreadsheet: .xlsx, or anything else read as CSV', '表格文件:.xlsx,其他一律按 CSV 读取')))
        .addOption(outOption(say))
        .addOption(new Option('--map <COLUMN=FIELD>', say('the field of a column whose header is not recognized (repeatable; FIELD ignore skips the column)', '指定表头无法识别的列对应的字段(可重复;字段 ignore 表示忽略该列)'))
            .argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]))
        .addOption(new Option('--encoding <encoding>', say('the CSV\'s encoding: utf8 or gbk (default: detected)', 'CSV 的编码:utf8 或 gbk(默认自动识别)')))
        .addOption(new Option('--force', say('overwrite files that already exist in --out', '覆盖 --out 中已有的文件')))
        .addOption(langOption(say, 'messages')),
    run: async ([file], options, context) => {
        const out = requireOut('import catalog', options.out);
        // exceljs loads only now.
        const { runImportCatalog } = await import('../import-catalog.js');
        return runImportCatalog(file, { ...options, out }, context);
    }
});
