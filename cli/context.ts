import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { localeFromEnvironment, type Locale } from '../language/messages.js';

/**
 * What every command gets from the process: the environment's language, where
 * to write, whether to colour. Commands never read `process.stdout` or the
 * environment's locale themselves, so tests can run them in-process.
 */
export interface CliContext {
    /** The language of the environment (LC_ALL, LC_MESSAGES, LANG); `--lang` may override it per command. */
    readonly locale: Locale;
    readonly write: (text: string) => void;
    /** Warnings and notes that are not the command's output (stderr). */
    readonly writeError: (text: string) => void;
    readonly color: boolean;
    readonly ruleDocsBase: string | undefined;
}

/** The context of the running process. */
export function processContext(env: NodeJS.ProcessEnv = process.env): CliContext {
    return {
        locale: localeFromEnvironment(env),
        write: text => { process.stdout.write(text); },
        writeError: text => { process.stderr.write(text); },
        color: Boolean(process.stdout.isTTY) && !env.NO_COLOR || Boolean(env.FORCE_COLOR && env.FORCE_COLOR !== '0'),
        ruleDocsBase: ruleDocsBase()
    };
}

/** docs/rules/ of this installation, as a file URI (the bundle lives in dist/). */
function ruleDocsBase(): string | undefined {
    return typeof __dirname === 'string' ? pathToFileURL(path.join(__dirname, '..', 'docs', 'rules') + path.sep).toString() : undefined;
}
