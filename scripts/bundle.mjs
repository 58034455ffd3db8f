// Bundles the CLI and the language server with esbuild into dist/ (CommonJS, Node 20).
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    logLevel: 'warning',
    // Langium's ESM code reads import.meta.url in a few places; give it a CommonJS stand-in.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).toString();" }
};
const entries = [
    { entryPoints: ['cli/index.ts'], outfile: 'dist/cli.cjs' },
    { entryPoints: ['language/server-main.ts'], outfile: 'dist/server.cjs' }
];
for (const entry of entries) {
    if (watch) await (await esbuild.context({ ...common, ...entry })).watch();
    else await esbuild.build({ ...common, ...entry });
}
