#!/usr/bin/env node
// The `sunlight` command: runs the esbuild bundle (built by `npm ci` / `npm run build`).
'use strict';
try {
    require('../dist/cli.cjs');
} catch (error) {
    if (error && error.code === 'MODULE_NOT_FOUND' && /dist[\\/]cli\.cjs/.test(String(error.message))) {
        process.stderr.write("sunlight: not built yet; run 'npm ci' (or 'npm run build') in the project folder\n");
        process.exit(2);
    }
    throw error;
}
