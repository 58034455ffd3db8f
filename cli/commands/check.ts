import { Option } from 'commander';
import type { Locale } from '../../language/messages.js';
import { runCheck } from '../check.js';
import { defineCommand } from '../command.js';
import { FORMATTERS } from '../formats/index.js';
import { countParser, formatOption, langOption, pathsArgument, pathsOrHere } from '../options.js';

export const check = defineCommand<{ format?: string; maxWarnings?: number; lang?: Locale }>({
    name: 'check',
    summary: say => say('validate .sun files and folders as one workspace', '把 .sun 文件和文件夹作为一个工作区检查'),
    define: (command, say) => command
        .addArgument(pathsArgument(say))
        .addOption(formatOption(say, 'check', Object.keys(FORMATTERS), 'text'))
        .addOption(new Option('--max-warnings <N>', say('fail when there are more warnings than N', '警告多于 N 个时判为不通过')).argParser(countParser('--max-warnings')))
        .addOption(langOption(say, 'messages')),
    run: (paths, options, context) => runCheck({
        paths: pathsOrHere(paths),
        format: options.format ?? 'text',
        maxWarnings: options.maxWarnings,
        locale: options.lang ?? context.locale,
        color: context.color,
        ruleDocsBase: context.ruleDocsBase
    }, context.write)
});
