import { Argument, Option } from 'commander';
import { toLocale, type Locale } from '../language/messages.js';
import type { Say } from './command.js';
import { UsageError } from './errors.js';

/**
 * The options several commands share, defined once: their names, help and
 * validation. A value that does not fit is a `UsageError` thrown while the
 * arguments are parsed (exit 2, one line, English or Chinese).
 */

/** `en`, `zh`, and the locale forms `zh-CN`, `zh_TW`, `en-GB`. */
const LANG = /^(en|zh)([-_].*)?$/i;

/** `--lang` checked here and nowhere else. */
export function parseLang(value: string): Locale {
    if (!LANG.test(value)) throw new UsageError(`unknown --lang '${value}' (expected en or zh)`, `未知的语言 --lang“${value}”(可选:en、zh)`);
    return toLocale(value);
}

/**
 * The language the user reads, before the arguments are parsed (for help and
 * for the reason of a failure): a valid `--lang` on the command line, else the environment.
 */
export function requestedLocale(argv: readonly string[], environment: Locale): Locale {
    const at = argv.findIndex(arg => arg === '--lang' || arg.startsWith('--lang='));
    const given = at < 0 ? undefined : argv[at].includes('=') ? argv[at].slice('--lang='.length) : argv[at + 1];
    return given !== undefined && LANG.test(given) ? toLocale(given) : environment;
}

/** What `--lang` decides: the messages on the terminal, or the language of what is written. */
export type LangPurpose = 'messages' | 'documents' | 'drawing';

export function langOption(say: Say, purpose: LangPurpose): Option {
    const description = purpose === 'messages' ? say('language of the messages: en or zh (default: from the environment)', '消息的语言:en 或 zh(默认取自环境)')
        : purpose === 'documents' ? say('language of the documents and messages: zh (default) or en', '材料和消息的语言:zh(默认)或 en')
        : say('language of the drawing: zh (default) or en', '图中文字的语言:zh(默认)或 en');
    return new Option('--lang <lang>', description).argParser(parseLang);
}

/** `.sun` files and folders; none means the current folder. */
export function pathsArgument(say: Say): Argument {
    return new Argument('[paths...]', say('.sun files and folders, read as one workspace (default: the current folder)', '.sun 文件和文件夹,作为一个工作区读取(默认:当前文件夹)'));
}

/** The operands, or the current folder. */
export function pathsOrHere(operands: readonly string[]): string[] {
    return operands.length > 0 ? [...operands] : ['.'];
}

/** `--out DIR`: required by every export (the check that it was given is `requireOut`). */
export function outOption(say: Say): Option {
    return new Option('-o, --out <DIR>', say('the folder to write to (created if missing; nothing is written outside it)', '写入的文件夹(不存在则创建;不会写到它之外)'));
}

export function requireOut(command: string, out: string | undefined): string {
    if (out === undefined || out === '') throw new UsageError(`${command} needs --out DIR`, `${command} 需要 --out 文件夹`);
    return out;
}

/** One value out of a few: `--format svg|png`, `--flow external|internal`. */
export function choiceParser<T extends string>(flag: string, command: string, allowed: readonly T[]): (value: string) => T {
    return value => {
        if (!(allowed as readonly string[]).includes(value)) throw unknownValue(flag, command, value, allowed);
        return value as T;
    };
}

/** `--format F[,F]`, or `all`: several formats at once, checked one by one. */
export function formatListParser(command: string, allowed: readonly string[]): (value: string) => string[] {
    return value => {
        const formats = value === 'all' ? [...allowed] : value.split(',').map(s => s.trim().toLowerCase()).filter(Boolean);
        for (const format of formats) if (!allowed.includes(format)) throw unknownValue('--format', command, format, allowed);
        if (formats.length === 0) throw new UsageError(`--format needs a value (${allowed.join(', ')})`, `--format 需要一个值(${allowed.join('、')})`);
        return [...new Set(formats)];
    };
}

function unknownValue(flag: string, command: string, value: string, allowed: readonly string[]): UsageError {
    return new UsageError(`unknown ${flag} '${value}' for ${command} (expected ${allowed.join(', ')})`,
        `${command} 不支持 ${flag}“${value}”(可选:${allowed.join('、')})`);
}

export function formatOption(say: Say, command: string, allowed: readonly string[], fallback: string, list = false): Option {
    return new Option('--format <format>', list
        ? say(`output formats, comma-separated, or all: ${allowed.join(', ')} (default ${fallback})`, `输出格式,可用逗号分隔多个,或 all:${allowed.join('、')}(默认 ${fallback})`)
        : say(`output format: ${allowed.join('|')} (default ${fallback})`, `输出格式:${allowed.join('|')}(默认 ${fallback})`))
        .argParser<string | string[]>(list ? formatListParser(command, allowed) : choiceParser('--format', command, allowed));
}

export function strictOption(say: Say): Option {
    return new Option('--strict', say('fail (exit 1, nothing written) when the files have errors', '文件有错误时失败(退出码 1,不写任何文件)'));
}

export function pdfOption(say: Say): Option {
    return new Option('--pdf', say('also print the HTML to PDF through headless Chromium (SUNLIGHT_CHROMIUM)', '另用无界面 Chromium 把 HTML 打印为 PDF(SUNLIGHT_CHROMIUM)'));
}

/** A whole number, 0 or more (`--max-warnings N`). */
export function countParser(flag: string): (value: string) => number {
    return value => {
        if (!/^\d+$/.test(value)) throw new UsageError(`${flag} expects a whole number, not '${value}'`, `${flag} 需要一个非负整数,而不是“${value}”`);
        return Number(value);
    };
}
