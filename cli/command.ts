import type { Command } from 'commander';
import type { CliContext } from './context.js';

/** A text of the help, in the language the user reads: `say('check files', '检查文件')`. */
export type Say = (en: string, zh: string) => string;

/**
 * One `sunlight` command. Each lives in its own file under `cli/commands/` and
 * is listed once in `cli/commands/index.ts`; `cli/main.ts` turns the list into
 * the commander program (help, shared error handling, exit codes).
 *
 * A definition file stays light: a command that needs heavy modules (ELK,
 * exceljs, resvg) imports them with `await import(…)` inside `run`, so that
 * `sunlight check` and `sunlight --help` never load them.
 */
export interface SunlightCommand<Options = never> {
    /** The words after `sunlight`: `check`, or `export flowchart` (a command of the `export` group). */
    readonly name: string;
    /** One line for `sunlight --help` and the command's own help. */
    readonly summary: (say: Say) => string;
    /** Declares the arguments and options (the shared ones come from `cli/options.ts`). */
    readonly define: (command: Command, say: Say) => void;
    /**
     * Runs the command with its operands and parsed options: resolves to the
     * exit status, 0 or 1. A reason it cannot run is thrown as a `UsageError` (exit 2).
     */
    readonly run: (operands: string[], options: Options, context: CliContext) => Promise<number>;
}

/** A definition with its options' type checked, as the list of every command holds it. */
export function defineCommand<Options>(command: SunlightCommand<Options>): SunlightCommand<never> {
    return command as unknown as SunlightCommand<never>;
}
