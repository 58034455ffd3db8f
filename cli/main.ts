import '../language/polyfills.cjs';
import { Command, CommanderError, Help } from 'commander';
import { localeFromEnvironment, type Locale } from '../language/messages.js';
import type { Say, SunlightCommand } from './command.js';
import { COMMANDS, GROUPS } from './commands/index.js';
import { processContext, type CliContext } from './context.js';
import { argumentError, UsageError } from './errors.js';
import { requestedLocale } from './options.js';
import { VERSION } from './version.js';
import { visible } from './formats/visible.js';

/**
 * The `sunlight` command: the commander program built from the list of
 * commands (cli/commands/index.ts). This file only wires them: help in the
 * user's language, every parse error turned into a `UsageError` (one line,
 * exit 2), the exit status a command's `run` resolves to.
 */
export async function main(argv: readonly string[], context: CliContext = processContext()): Promise<number> {
    const locale = requestedLocale(argv, context.locale);
    let status = 0;
    const program = buildProgram(locale, context, code => { status = code; });
    try {
        await program.parseAsync([...argv], { from: 'user' });
    } catch (error) {
        if (error instanceof Exit) return error.status;
        throw error;
    }
    return status;
}

/** Help or version shown: the status to exit with, thrown out of commander's parse. */
class Exit {
    constructor(readonly status: number) {}
}

const ZH_TITLES: Record<string, string> = { 'Usage:': '用法:', 'Options:': '选项:', 'Commands:': '命令:', 'Arguments:': '参数:' };

/**
 * Commander's help, with the titles in the user's language and, at the top
 * level, the commands of a group listed by their full name (`export
 * flowchart`), so that `sunlight --help` names every command.
 */
class SunlightHelp extends Help {
    constructor(private readonly locale: Locale) {
        super();
    }

    override styleTitle(title: string): string {
        return this.locale === 'zh' ? ZH_TITLES[title] ?? title : title;
    }

    override visibleCommands(command: Command): Command[] {
        const visible = super.visibleCommands(command);
        if (command.parent) return visible;
        return visible.flatMap(sub => sub.commands.length > 0 ? sub.commands.filter(leaf => !(leaf as unknown as { _hidden: boolean })._hidden) : [sub]);
    }

    override subcommandTerm(command: Command): string {
        const group = command.parent?.parent ? `${command.parent.name()} ` : '';
        return group + super.subcommandTerm(command);
    }
}

function buildProgram(locale: Locale, context: CliContext, done: (status: number) => void): Command {
    const say: Say = (en, zh) => locale === 'zh' ? zh : en;
    class SunlightProgram extends Command {
        override createCommand(name: string): Command {
            return new SunlightProgram(name);
        }

        override createHelp(): Help {
            return Object.assign(new SunlightHelp(locale), this.configureHelp());
        }
    }
    const program = new SunlightProgram('sunlight')
        .description(say('Powers, flowcharts, integrity risks and registers as code.', '以代码写职权、流程图、廉政风险和登记表。'))
        .configureOutput({ writeOut: context.write, writeErr: context.writeError, outputError: () => undefined })
        .helpOption('-h, --help', say('show this help', '显示本帮助'))
        .helpCommand('help [command]', say('show the help of a command', '显示某个命令的帮助'))
        .version(VERSION, '--version', say('print the version', '显示版本号'))
        .addHelpText('after', say(
            '\nEvery command has its own help: sunlight <command> --help.\nExit status: 0 clean, 1 problems found, 2 the command could not run.',
            '\n每个命令都有自己的帮助:sunlight <命令> --help。\n退出码:0 无问题,1 发现问题,2 命令无法运行。'));
    program.exitOverride(error => { throw fromCommander(error, ''); });

    const groups = new Map<string, Command>();
    for (const definition of COMMANDS) {
        const words = definition.name.split(' ');
        const parent = words.length === 1 ? program : groups.get(words[0]) ?? addGroup(program, words[0], say, groups);
        const command = parent.command(words[words.length - 1]).description(definition.summary(say));
        command.exitOverride(error => { throw fromCommander(error, definition.name); });
        definition.define(command, say);
        command.action(async (...args: unknown[]) => {
            const self = args[args.length - 1] as Command;
            const operands = self.processedArgs.flat().filter((value): value is string => typeof value === 'string');
            done(await (definition as SunlightCommand<Record<string, unknown>>).run(operands, self.opts(), context));
        });
    }
    // Set once every command exists: commands copy their parent's allowExcessArguments when created.
    for (const group of groups.values()) group.allowExcessArguments().allowUnknownOption();
    // `sunlight` alone: the help, and exit 2 (nothing was done); an unknown word: one line.
    program.usage(say('<command> [options]', '<命令> [选项]')).argument('[command]').allowExcessArguments().action((command: string | undefined) => {
        if (command !== undefined) throw new UsageError(`unknown command '${command}' (try 'sunlight --help')`, `未知命令“${command}”(参见 sunlight --help)`);
        program.outputHelp();
        done(2);
    });
    return program;
}

/** A word like `export` that only groups commands: alone or with an unknown kind it says which kinds there are. */
function addGroup(program: Command, name: string, say: Say, groups: Map<string, Command>): Command {
    const group = program.command(name).description(GROUPS[name]?.(say) ?? name).usage(say('<kind> [options] [paths...]', '<类别> [选项] [paths...]'));
    group.exitOverride(error => { throw fromCommander(error, name); });
    group.argument('[kind]').action((kind: string | undefined) => {
        const kinds = group.commands.map(command => command.name());
        throw new UsageError(
            `${kind === undefined ? `${name} needs a kind` : `unknown ${name} '${kind}'`} (expected ${kinds.join(', ')})`,
            `${kind === undefined ? `${name} 需要指明类别` : `${name} 没有“${kind}”这一类`}(可选:${kinds.join('、')})`);
    });
    groups.set(name, group);
    return group;
}

/** Commander's own reasons (unknown option, missing value…) as one bilingual line; help and version as an exit status. */
function fromCommander(error: CommanderError, command: string): Exit | UsageError {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return new Exit(0);
    // `help export` shows the help (0); a command missing its subcommand does too, as an error (2).
    if (error.code === 'commander.help') return new Exit(error.exitCode === 0 ? 0 : 2);
    const quoted = /'([^']*)'/.exec(error.message)?.[1] ?? '';
    const flag = quoted.split(/[ ,]+/).find(word => word.startsWith('--')) ?? quoted;
    const help = command === '' ? 'sunlight --help' : `sunlight ${command} --help`;
    switch (error.code) {
        case 'commander.unknownOption':
            return new UsageError(`unknown option '${flag}' (see '${help}')`, `未知的选项“${flag}”(参见 ${help})`);
        case 'commander.optionMissingArgument':
            return new UsageError(`${flag} needs a value`, `${flag} 需要一个值`);
        case 'commander.excessArguments':
            return new UsageError(`too many arguments for '${command}' (see '${help}')`, `${command} 的参数过多(参见 ${help})`);
        default:
            return argumentError(error.message.replace(/^error: /, ''));
    }
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
    const argv = process.argv.slice(2);
    main(argv).then(code => {
        process.exitCode = code;
    }, (error: unknown) => {
        const zh = requestedLocale(argv, localeFromEnvironment(process.env)) === 'zh';
        const message = error instanceof UsageError ? (zh && error.zh) || error.message
            : `${zh ? '内部错误' : 'internal error'}: ${error instanceof Error ? error.message : String(error)}`;
        process.stderr.write(`sunlight: ${visible(message.split('\n')[0])}\n`);
        process.exitCode = 2;
    });
}
