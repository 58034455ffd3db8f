import { Option } from 'commander';
import { defineCommand } from '../command.js';
import { UsageError } from '../errors.js';

export const lsp = defineCommand<{ stdio?: boolean }>({
    name: 'lsp',
    summary: say => say('start the language server over stdio', '通过标准输入输出启动语言服务器'),
    // The language client may pass options of its own (--clientProcessId=…); the server reads them.
    define: (command, say) => command
        .addOption(new Option('--stdio', say('talk LSP over stdin and stdout (the only transport)', '通过标准输入输出通信(唯一的方式)')))
        .allowUnknownOption()
        .allowExcessArguments(),
    run: async (_paths, options, context) => {
        if (options.stdio !== true) throw new UsageError('lsp needs --stdio (the only transport)', 'lsp 需要 --stdio(唯一的通信方式)');
        const { startSunlightServer } = await import('../../language/server.js');
        startSunlightServer({ ruleDocsBase: context.ruleDocsBase });
        return new Promise<number>(() => { /* runs until the client exits */ });
    }
});
