/**
 * A reason the command could not run (bad arguments, a missing path, an
 * unreadable file): printed as one line on stderr, exit status 2, never a
 * stack trace. `zh` is the same reason in Chinese, printed when the user's
 * language is Chinese (`--lang zh` or the environment).
 */
export class UsageError extends Error {
    constructor(message: string, readonly zh?: string) {
        super(message);
    }
}

/** Node's argument parser speaks English: its one-line reason, with a Chinese lead-in. */
export function argumentError(error: unknown): UsageError {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return new UsageError(detail, `参数错误:${detail}`);
}
