// Bundles the CLI, the language server and the VS Code extension with esbuild into dist/ (CommonJS, Node 20).
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
    // The CLI runs from the installed package, so its big dependencies stay in
    // node_modules and load only for the export commands that need them
    // (`sunlight check` starts faster); @resvg/resvg-js loads a native binary anyway.
    { entryPoints: ['cli/index.ts'], outfile: 'dist/cli.cjs', external: ['@resvg/resvg-js', 'elkjs', 'exceljs', 'playwright-core'] },
    { entryPoints: ['language/server-main.ts'], outfile: 'dist/server.cjs', minify: true },
    // The VS Code extension (the manifest's `main`); `vscode` is provided by the editor.
    // Minified: these ship in the .vsix and load in the editor.
    { entryPoints: ['extension/extension.ts'], outfile: 'dist/extension.cjs', external: ['vscode'], minify: true },
    // The flowchart preview: ELK layout and SVG in a worker thread of the extension host,
    // and the webview's own script and style (a browser page: no Node, no require).
    { entryPoints: ['extension/preview/render-worker.ts'], outfile: 'dist/render-worker.cjs', minify: true },
    { entryPoints: ['extension/webview/preview.ts'], outfile: 'dist/webview/preview.js', platform: 'browser', format: 'iife', target: 'chrome114', define: {}, banner: {} },
    { entryPoints: ['extension/webview/preview.css'], outfile: 'dist/webview/preview.css', platform: 'browser', define: {}, banner: {} }
];
for (const entry of entries) {
    if (watch) await (await esbuild.context({ ...common, ...entry })).watch();
    else await esbuild.build({ ...common, ...entry });
}
