import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import type { Model } from '../language/generated/ast.js';
import type { Locale } from '../language/messages.js';
import { findConfigFile, loadConfigFile, type LoadedConfig } from '../language/node/config-file.js';
import { NotUtf8Error, readSourceFile, SunlightFileSystem } from '../language/node/file-system.js';
import { createSunlightServices } from '../language/sunlight-module.js';
import { UsageError } from './errors.js';

/**
 * Every `.sun` file under the given paths (folders recursively, symlink loops
 * skipped), sorted. A file reached twice (given twice, or through a symlink)
 * is checked once: loading it twice would report all its names as duplicates.
 */
export function collectFiles(paths: readonly string[], zh = false): string[] {
    const files = new Set<string>();
    const seen = new Set<string>(); // real paths of the files added
    const add = (file: string) => {
        let real: string;
        try {
            real = fs.realpathSync(file);
        } catch {
            real = path.resolve(file);
        }
        if (seen.has(real)) return;
        seen.add(real);
        files.add(path.resolve(file));
    };
    const visited = new Set<string>();
    const walk = (directory: string) => {
        let real: string;
        try {
            real = fs.realpathSync(directory);
        } catch {
            return; // a dangling or looping symlink
        }
        if (visited.has(real)) return;
        visited.add(real);
        let entries: fs.Dirent[];
        try {
            entries = fs.readdirSync(directory, { withFileTypes: true });
        } catch (error) {
            throw new UsageError(zh ? `无法读取文件夹 ${directory}(${code(error)})` : `cannot read folder ${directory} (${code(error)})`);
        }
        for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
            if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
            const full = path.join(directory, entry.name);
            let stat: fs.Stats;
            try {
                stat = fs.statSync(full);
            } catch {
                continue; // a dangling symlink is not a file to check
            }
            if (stat.isDirectory()) walk(full);
            else if (stat.isFile() && entry.name.endsWith('.sun')) add(full);
        }
    };
    for (const given of paths) {
        let stat: fs.Stats;
        try {
            stat = fs.statSync(given);
        } catch (error) {
            // ENOENT: not there; anything else (ELOOP, EACCES on a parent folder…): there but unreadable.
            const reason = code(error);
            if (reason === 'ENOENT') throw new UsageError(zh ? `路径不存在:${given}` : `no such file or folder: ${given}`);
            throw new UsageError(zh ? `无法读取 ${given}(${reason})` : `cannot read ${given} (${reason})`);
        }
        if (stat.isDirectory()) walk(given);
        else if (stat.isFile()) add(given);
        // A FIFO, socket or device would block the read forever or never end.
        else throw new UsageError(zh ? `不是普通文件或文件夹:${given}` : `not a regular file or folder: ${given}`);
    }
    return [...files].sort();
}

export interface LoadedWorkspace {
    readonly services: ReturnType<typeof createSunlightServices>;
    readonly documents: ReadonlyArray<LangiumDocument<Model>>;
    readonly files: readonly string[];
    readonly config: LoadedConfig;
}

/** Reads, parses, links and validates the files as one workspace. */
export async function loadWorkspace(paths: readonly string[], options: { locale: Locale; ruleDocsBase?: string; configSearchFrom?: string }): Promise<LoadedWorkspace> {
    const zh = options.locale === 'zh';
    const files = collectFiles(paths, zh);
    const texts = files.map(file => {
        try {
            return readSourceFile(file);
        } catch (error) {
            if (error instanceof NotUtf8Error) throw new UsageError(zh ? `${relative(file)} 不是有效的 UTF-8 文本` : `${relative(file)} is not valid UTF-8 text`);
            throw new UsageError(zh ? `无法读取 ${relative(file)}(${code(error)})` : `cannot read ${relative(file)} (${code(error)})`);
        }
    });
    const services = createSunlightServices(SunlightFileSystem, { ruleDocsBase: options.ruleDocsBase });
    const settings = services.Sunlight.config.Settings;
    settings.locale = options.locale;
    const start = options.configSearchFrom ?? configStart(paths);
    const config = loadConfigFile(findConfigFile(start));
    settings.config = config.config;

    const factory = services.shared.workspace.LangiumDocumentFactory;
    const documents = files.map((file, i) => factory.fromString<Model>(texts[i], URI.file(file)));
    for (const document of documents) services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return { services, documents, files, config };
}

/** Where to look for sunlight.json: the first path's folder (or the current folder), then upwards. */
function configStart(paths: readonly string[]): string {
    const first = paths[0] ?? '.';
    try {
        return fs.statSync(first).isDirectory() ? first : path.dirname(first);
    } catch {
        return '.';
    }
}

export function relative(file: string): string {
    const result = path.relative(process.cwd(), file) || path.basename(file);
    return result.split(path.sep).join('/');
}

function code(error: unknown): string {
    return (error as NodeJS.ErrnoException)?.code ?? (error instanceof Error ? error.message : String(error));
}
