import { Option } from 'commander';
import type { Locale } from '../../language/messages.js';
import { defineCommand } from '../command.js';
import { formatOption, langOption } from '../options.js';

const FORMATS = ['text', 'markdown', 'json'];

export const diff = defineCommand<{ git?: string; format?: string; lang?: Locale; exitCode?: boolean }>({
    name: 'diff',
    summary: say => say('what changed in the catalog between two folders or git revisions (docs/diff.md)', '两个文件夹或两个 git 版本之间职权目录的变化(docs/diff.md)'),
    define: (command, say) => command
        .argument('[paths...]', say('OLD NEW: two folders; with --git, the files or folders of the repository to compare (default: the current folder)',
            '旧 新:两个文件夹;用 --git 时为仓库中要比较的文件或文件夹(默认:当前文件夹)'))
        .addOption(new Option('--git <A..B>', say('compare two git revisions (A...B: from their merge base; A alone: against the files on disk)',
            '比较两个 git 版本(A...B:从两者的共同祖先起;只写 A:与磁盘上的文件比较)')))
        .addOption(formatOption(say, 'diff', FORMATS, 'text'))
        .addOption(langOption(say, 'messages'))
        .addOption(new Option('--exit-code', say('exit 1 when something changed (as git diff --exit-code)', '有变化时退出码为 1(同 git diff --exit-code)'))),
    run: async (operands, options, context) => {
        const { runDiff } = await import('../diff.js');
        return runDiff(operands, { git: options.git, format: options.format ?? 'text', lang: options.lang, exitCode: options.exitCode === true }, context);
    }
});
