import * as fs from 'node:fs';
import type { URI } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';

/** The text of a `.sun` file: a leading BOM is not part of it (columns on line 1 count as an editor shows them). */
export function decodeSource(bytes: Uint8Array, strict: boolean): string {
    const text = new TextDecoder('utf-8', { fatal: strict, ignoreBOM: false }).decode(bytes);
    return text;
}

export class NotUtf8Error extends Error {}

/** Reads a file as strict UTF-8 without its BOM; throws NotUtf8Error otherwise. */
export function readSourceFile(path: string): string {
    const bytes = fs.readFileSync(path);
    try {
        return decodeSource(bytes, true);
    } catch {
        throw new NotUtf8Error(`${path} is not valid UTF-8`);
    }
}

/**
 * Langium's Node file system, reading files as the editor shows them: the BOM
 * dropped and invalid bytes replaced (the server must load whatever is on disk;
 * the CLI refuses such files instead, see cli/workspace.ts).
 */
export class SunlightFileSystemProvider extends NodeFileSystemProvider {
    override async readFile(uri: URI): Promise<string> {
        return decodeSource(await fs.promises.readFile(uri.fsPath), false);
    }
    override readFileSync(uri: URI): string {
        return decodeSource(fs.readFileSync(uri.fsPath), false);
    }
}

export const SunlightFileSystem = {
    fileSystemProvider: () => new SunlightFileSystemProvider()
};
