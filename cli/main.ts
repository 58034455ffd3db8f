import '../language/polyfills.cjs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { localeFromEnvironment, toLocale, type Locale } from '../language/messages.js';
import { runCheck } from './check.js';
import { argumentError, UsageError } from './errors.js';
import { runFmt } from './fmt.js';
import { FLOWCHART_HELP, HANDIN_HELP } from './help.js';
import { VERSION } from './version.js';

/**
 * The `sunlight` command. Each subcommand lives in its own file; this file
 * only parses arguments and turns every failure into one line and exit 2.
 */
const HELP = `Usage: sunlight <command> [options]

Commands:
  check [PATH...]        validate .sun files and folders as one workspace
      --format text|json|sarif|junit|github   (default text)
      --max-warnings N   fail when there are more warnings than N
      --lang en|zh       language of the messages (default: from the environment)
  fmt [PATH...]          lay out .sun files in the canonical format, in place
      --check            only list the files that would change (exit 1 if any)
${FLOWCHART_HELP}${HANDIN_HELP}  lsp --stdio            start the language server over stdio
  version                print the version

Exit status: 0 clean, 1 problems found, 2 the command could not run.
`;

export type SubcommandRunner = (args: string[], context: CliContext) => Promise<number>;

export interface CliContext {
    readonly locale: Locale;
    readonly write: (text: string) => void;
    readonly color: boolean;
    readonly ruleDocsBase: string | undefined;
}

/** Extra subcommands registered by their own files (export, fmt, …). */
export const SUBCOMMANDS = new Map<string, SubcommandRunner>();
SUBCOMMANDS.set('fmt', runFmt);

/**
 * `sunlight export <kind> …`: one runner per kind, each in its own file, loaded
 * only when asked for (they bring ELK, exceljs and resvg).
 */
export const EXPORTS = new Map<string, () => Promise<SubcommandRunner>>([
    ['flowchart', async () => (await import('./export-flowchart.js')).flowchartRunner],
    ['catalog', async () => (await import('./export-handin.js')).handinRunner('catalog')],
    ['registers', async () => (await import('./export-handin.js')).handinRunner('registers')],
    ['report', async () => (await import('./export-handin.js')).handinRunner('report')]
]);
SUBCOMMANDS.set('export', async (args, context) => {
    const [kind, ...rest] = args;
    const load = kind === undefined ? undefined : EXPORTS.get(kind);
    if (!load) {
        throw new UsageError(`${kind === undefined ? 'export needs a kind' : `unknown export '${kind}'`} (expected ${[...EXPORTS.keys()].join(', ')})`,
            `${kind === undefined ? 'export 需要指明导出内容' : `未知的导出内容“${kind}”`}(可选:${[...EXPORTS.keys()].join('、')})`);
    }
    return (await load())(rest, context);
});

export async function main(argv: string[]): Promise<number> {
    const [command, ...rest] = argv;
    const env = process.env;
    const context: CliContext = {
        locale: localeFromEnvironment(env),
        write: text => { process.stdout.write(text); },
        color: Boolean(process.stdout.isTTY) && !env.NO_COLOR || Boolean(env.FORCE_COLOR && env.FORCE_COLOR !== '0'),
        ruleDocsBase: ruleDocsBase()
    };
    switch (command) {
        case undefined:
        case 'help':
        case '--help':
        case '-h':
            context.write(HELP);
            return command === undefined ? 2 : 0;
        case 'version':
        case '--version':
            context.write(`${VERSION}\n`);
            return 0;
        case 'check': {
            const { values, positionals } = parse(rest, {
                format: { type: 'string', default: 'text' },
                'max-warnings': { type: 'string' },
                lang: { type: 'string' }
            });
            const locale = values.lang === undefined ? context.locale : parseLang(values.lang as string);
            return runCheck({
                paths: positionals.length > 0 ? positionals : ['.'],
                format: values.format as string,
                maxWarnings: values['max-warnings'] === undefined ? undefined : parseCount(values['max-warnings'] as string),
                locale,
                color: context.color,
                ruleDocsBase: context.ruleDocsBase
            }, context.write);
        }
        case 'lsp': {
            parse(rest, { stdio: { type: 'boolean' } });
            const { startSunlightServer } = await import('../language/server.js');
            startSunlightServer({ ruleDocsBase: context.ruleDocsBase });
            return new Promise<number>(() => { /* runs until the client exits */ });
        }
        default: {
            const runner = SUBCOMMANDS.get(command);
            if (!runner) throw new UsageError(`unknown command '${command}' (try 'sunlight --help')`, `未知命令“${command}”(参见 sunlight --help)`);
            return runner(rest, context);
        }
    }
}

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

export function parse<const T extends Options>(args: string[], options: T) {
    try {
        return parseArgs({ args, options: options as T & Options, allowPositionals: true as const, strict: true as const });
    } catch (error) {
        throw argumentError(error);
    }
}

function parseLang(value: string): Locale {
    if (!/^(en|zh)([-_].*)?$/i.test(value)) throw new UsageError(`unknown --lang '${value}' (expected en or zh)`, `未知的语言 --lang '${value}'(可选:en、zh)`);
    return toLocale(value);
}

function parseCount(value: string): number {
    if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings expects a whole number, not '${value}'`, `--max-warnings 需要一个非负整数,而不是“${value}”`);
    return Number(value);
}

/** docs/rules/ of this installation, as a file URI (the bundle lives in dist/). */
function ruleDocsBase(): string | undefined {
    return typeof __dirname === 'string' ? pathToFileURL(path.join(__dirname, '..', 'docs', 'rules') + path.sep).toString() : undefined;
}

/** Runs the CLI as a process: prints a one-line reason and exits 2 on any failure. */
export function runAsProcess(): void {
    // `sunlight check | head`: the reader may close the pipe early. Without a
    // listener the EPIPE error would crash the process with a stack trace.
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') return;
        process.stderr.write(`sunlight: cannot write the output (${error.code ?? error.message})\n`);
        process.exit(2);
    });
    main(process.argv.slice(2)).then(code => {
        process.exitCode = code;
    }, (error: unknown) => {
        const zh = chineseRequested(process.argv.slice(2), process.env);
        const message = error instanceof UsageError ? (zh && error.zh) || error.message
            : `${zh ? '内部错误' : 'internal error'}: ${error instanceof Error ? error.message : String(error)}`;
        process.stderr.write(`sunlight: ${message.split('\n')[0]}\n`);
        process.exitCode = 2;
    });
}

/** Whether the reason for a failure should be in Chinese: `--lang zh…` on the command line, else the environment. */
function chineseRequested(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
    const at = argv.findIndex(arg => arg === '--lang' || arg.startsWith('--lang='));
    const given = at < 0 ? undefined : argv[at].includes('=') ? argv[at].slice('--lang='.length) : argv[at + 1];
    return given !== undefined && /^(en|zh)([-_].*)?$/i.test(given) ? toLocale(given) === 'zh' : localeFromEnvironment(env) === 'zh';
}
