import { Option } from 'commander';
import type { Locale } from '../../language/messages.js';
import { defineCommand } from '../command.js';
import { runFmt } from '../fmt.js';
import { langOption, pathsArgument, pathsOrHere } from '../options.js';

export const fmt = defineCommand<{ check?: boolean; lang?: Locale }>({
    name: 'fmt',
    summary: say => say('lay out .sun files in the canonical format, in place', '按标准格式排版 .sun 文件(原地改写)'),
    define: (command, say) => command
        .addArgument(pathsArgument(say))
        .addOption(new Option('--check', say('only list the files that would change (exit 1 if any)', '只列出需要改动的文件(有则退出码 1)')))
        .addOption(langOption(say, 'messages')),
    run: (paths, options, context) => runFmt(pathsOrHere(paths), { check: options.check === true, locale: options.lang ?? context.locale }, context)
});
