// Checks the packaged extension (default: sunlight.vsix, made by `npm run package`):
//   node scripts/check-vsix.mjs [file.vsix]
// It must be small (< 5 MB), hold no node_modules, maps of real size, sources or
// tests, and hold every file the manifest points at: the extension and server
// bundles, the TextMate grammar, the language configuration, icons, the
// manifest's translations (package.nls*.json) and the l10n bundle.
// test/extension/vsix.test.ts packages the extension and runs this check in `npm test`.
import { readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { inflateRawSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const MAX_BYTES = 5 * 1024 * 1024;

/** The entries of a zip file: name → () => contents. Central directory only, no dependency. */
export function readZip(buffer) {
    let eocd = -1;
    for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 65557); i--) {
        if (buffer.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
    }
    if (eocd < 0) throw new Error('not a zip file (no end of central directory)');
    const count = buffer.readUInt16LE(eocd + 10);
    let offset = buffer.readUInt32LE(eocd + 16);
    const entries = new Map();
    for (let n = 0; n < count; n++) {
        if (buffer.readUInt32LE(offset) !== 0x02014b50) throw new Error('bad central directory entry');
        const method = buffer.readUInt16LE(offset + 10);
        const compressedSize = buffer.readUInt32LE(offset + 20);
        const size = buffer.readUInt32LE(offset + 24);
        const nameLength = buffer.readUInt16LE(offset + 28);
        const extraLength = buffer.readUInt16LE(offset + 30);
        const commentLength = buffer.readUInt16LE(offset + 32);
        const local = buffer.readUInt32LE(offset + 42);
        const name = buffer.toString('utf8', offset + 46, offset + 46 + nameLength);
        entries.set(name, {
            size,
            read() {
                const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
                const data = buffer.subarray(start, start + compressedSize);
                return method === 0 ? Buffer.from(data) : inflateRawSync(data);
            }
        });
        offset += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
}

/** The problems of a .vsix (an empty list when it is fine), and its listing. */
export function checkVsix(file) {
    const problems = [];
    const bytes = statSync(file).size;
    if (bytes >= MAX_BYTES) problems.push(`${file} is ${(bytes / 1024 / 1024).toFixed(2)} MB, more than 5 MB`);
    const entries = readZip(readFileSync(file));
    const names = [...entries.keys()];
    const has = name => entries.has(`extension/${name.replace(/^\.\//, '')}`);

    for (const name of names) {
        if (/(^|\/)node_modules\//.test(name)) problems.push(`holds ${name} (dependencies belong in the bundles)`);
        else if (/\.map$/.test(name) && entries.get(name).size > 200 * 1024) problems.push(`holds the large source map ${name}`);
        else if (/\.(ts|mts|cts)$/.test(name) && !name.endsWith('.d.ts')) problems.push(`holds the source file ${name}`);
        else if (/^extension\/(test|language|cli|grammar|scripts|bench|\.ci|\.git)\//.test(name)) problems.push(`holds ${name}`);
        else if (/\.vsix$/.test(name)) problems.push(`holds another package ${name}`);
    }
    if (!entries.has('extension/package.json')) {
        problems.push('no extension/package.json');
        return { problems, names, bytes };
    }
    const manifest = JSON.parse(entries.get('extension/package.json').read().toString('utf8'));
    const required = [
        manifest.main,
        'dist/server.cjs',
        'language-configuration.json',
        'package.nls.json',
        'package.nls.zh-cn.json',
        'l10n/bundle.l10n.zh-cn.json',
        manifest.icon
    ];
    for (const language of manifest.contributes?.languages ?? []) {
        required.push(language.configuration, language.icon?.light, language.icon?.dark);
    }
    for (const grammar of manifest.contributes?.grammars ?? []) required.push(grammar.path);
    if (!(manifest.contributes?.grammars ?? []).some(g => g.scopeName === 'source.sunlight')) problems.push('no grammar for source.sunlight in the manifest');
    for (const name of required) {
        if (!name) problems.push('the manifest lacks main, icon or a contributed file');
        else if (!has(name)) problems.push(`missing ${name}`);
    }
    if (!names.some(name => /^extension\/docs\/rules\/.+\.md$/.test(name))) problems.push('missing docs/rules/*.md (linked from diagnostics)');
    if (!names.some(name => /^extension\/LICENSE/.test(name))) problems.push('missing LICENSE');
    // Every %key% of the manifest is translated in both nls files.
    const keys = [...JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/g)].map(m => m[1]);
    for (const nls of ['package.nls.json', 'package.nls.zh-cn.json']) {
        if (!has(nls)) continue;
        const table = JSON.parse(entries.get(`extension/${nls}`).read().toString('utf8'));
        for (const key of keys) if (!(key in table)) problems.push(`${nls} lacks "${key}"`);
    }
    if (has(manifest.main ?? '')) {
        const text = entries.get(`extension/${manifest.main.replace(/^\.\//, '')}`).read().toString('utf8');
        if (!/\bactivate\b/.test(text)) problems.push(`${manifest.main} does not look like an extension bundle`);
    }
    // The bundles may require only `vscode` and Node's built-ins: with --no-dependencies
    // there is no node_modules beside them (a native module would fail at run time).
    for (const name of names.filter(n => /^extension\/dist\/.*\.cjs$/.test(n))) {
        const text = entries.get(name).read().toString('utf8');
        for (const [, id] of text.matchAll(/\brequire\(\s*["']([^"'.][^"']*)["']\s*\)/g)) {
            if (id !== 'vscode' && !builtinModules.includes(id.replace(/^node:/, '').split('/')[0])) {
                problems.push(`${name.slice('extension/'.length)} requires '${id}', which is not in the package`);
            }
        }
    }
    return { problems, names, bytes };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
    const file = process.argv[2] ?? 'sunlight.vsix';
    try {
        const { problems, names, bytes } = checkVsix(file);
        for (const problem of problems) process.stderr.write(`check-vsix: ${problem}\n`);
        process.stdout.write(`${file}: ${names.length} files, ${(bytes / 1024).toFixed(0)} KB${problems.length ? `, ${problems.length} problem(s)` : ', ok'}\n`);
        process.exit(problems.length ? 1 : 0);
    } catch (error) {
        process.stderr.write(`check-vsix: ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(2);
    }
}
