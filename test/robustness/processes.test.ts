import { nothingEscapesSuite } from './nothing-escapes.suite.js';
import { pathologicalSuite } from './pathological.suite.js';
import { soakSuite } from './soak.suite.js';
import { watchedFilesSuite } from './watched-files.suite.js';

/**
 * The robustness suites that spend their time waiting on child processes (a
 * language server, `sunlight check`, `sunlight export`). Each runs its own
 * tests in order; the four run side by side, so that the server of the soak
 * and the CLI runs use both cores of a CI machine while vitest's single worker
 * waits (test/robustness/README.md). Run one alone with `-t`, e.g.
 * `npx vitest run test/robustness/processes.test.ts -t soak`.
 */
soakSuite();
watchedFilesSuite();
pathologicalSuite();
nothingEscapesSuite();
