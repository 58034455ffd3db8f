/**
 * A reason the command could not run (bad arguments, a missing path, an
 * unreadable file): printed as one line on stderr, exit status 2, never a
 * stack trace.
 */
export class UsageError extends Error {}
