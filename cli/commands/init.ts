import { Argument, Option } from 'commander';
import type { Locale } from '../../language/messages.js';
import { defineCommand } from '../command.js';
import { langOption } from '../options.js';

/** `sunlight init [DIR]`: a ready repository for a college (docs/init.md). */
export const init = defineCommand<{ force?: boolean; lang?: Locale; name?: string; due?: string }>({
    name: 'init',
    summary: say => say('a ready repository for a college: college.sun, bases.sun, departments/, sunlight.json, CI and pre-commit',
        '为学校建立一个可用的仓库:college.sun、bases.sun、departments/、sunlight.json、CI 与 pre-commit 配置'),
    define: (command, say) => command
        .addArgument(new Argument('[dir]', say('the folder (default: the current folder); it must be empty', '文件夹(默认:当前文件夹),须为空')))
        .addOption(new Option('--force', say('also in a folder that is not empty: adds the missing files, never overwrites one', '文件夹非空时也写入:只补充缺少的文件,不覆盖已有文件')))
        .addOption(new Option('--name <NAME>', say('the organisation\'s name (default: the folder\'s name, or 学院)', '单位名称(默认:文件夹名,或“学院”)')))
        .addOption(new Option('--due <YYYY-MM-DD>', say('the campaign\'s due date (default: in 30 days)', '本次工作的截止日期(默认:30 天后)')))
        .addOption(langOption(say, 'messages')),
    run: async ([folder], options, context) => {
        const { runInit } = await import('../init.js');
        return runInit(folder, options, context);
    }
});
