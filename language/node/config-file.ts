import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, EMPTY_CONFIG, parseConfig, type ConfigProblem, type SunlightConfig } from '../config.js';

export interface LoadedConfig {
    readonly path: string | undefined;
    readonly text: string;
    readonly config: SunlightConfig;
    readonly problems: readonly ConfigProblem[];
}

/** The nearest `sunlight.json` in `directory` or one of its parents. */
export function findConfigFile(directory: string): string | undefined {
    for (let current = path.resolve(directory); ; current = path.dirname(current)) {
        const candidate = path.join(current, CONFIG_FILE_NAME);
        if (fs.existsSync(candidate)) return candidate;
        if (path.dirname(current) === current) return undefined;
    }
}

/** Reads and checks a `sunlight.json`; an unreadable file is a problem, not an exception. */
export function loadConfigFile(file: string | undefined): LoadedConfig {
    if (!file) return { path: undefined, text: '', config: EMPTY_CONFIG, problems: [] };
    let text: string;
    try {
        text = fs.readFileSync(file, 'utf8');
    } catch (error) {
        const detail = (error as NodeJS.ErrnoException).code ?? String(error);
        // No sunlight.json is the normal case: the defaults apply.
        if (detail === 'ENOENT') return { path: undefined, text: '', config: EMPTY_CONFIG, problems: [] };
        return { path: file, text: '', config: EMPTY_CONFIG, problems: [{ offset: 0, detail: `cannot be read (${detail})`, detailZh: `无法读取(${detail})` }] };
    }
    const { config, problems } = parseConfig(text);
    return { path: file, text: text.replace(/^\uFEFF/, ''), config, problems };
}

/** 0-based line and UTF-16 column of an offset. */
export function positionAt(text: string, offset: number): { line: number; character: number } {
    const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
    const lines = before.split(/\r\n|\r|\n/);
    return { line: lines.length - 1, character: lines[lines.length - 1].length };
}
