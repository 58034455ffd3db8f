/** Sunlight's version, as in package.json (checked by test/cli/cli.test.ts). */
export const VERSION = '0.1.0';
