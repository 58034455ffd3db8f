import * as path from 'node:path';

/**
 * File names made from user-written names (departments, powers, staff) for
 * exported files. A name may be anything a `.sun` file allows, and titles
 * anything at all: `../../x`, `con`, `a/b`, `c:d`, control characters or
 * bidirectional marks. The result is one path segment that is valid on
 * Windows, macOS and Linux, never `.` or `..`, never a reserved device name,
 * and at most 120 bytes of UTF-8; the same name always gives the same result.
 */
export function safeFileName(name: string, fallback = '_'): string {
    let result = name.normalize('NFC')
        // Path separators, characters Windows forbids, controls, bidi and zero-width marks.
        .replace(/[/\\:*?"<>|\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, '_')
        // A lone surrogate would be written as U+FFFD: two names could become one file.
        .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '_')
        .replace(/\s+/g, ' ')
        .trim()
        // No leading dots (hidden files, `..`), no trailing dots or spaces (Windows drops them).
        .replace(/^\.+/, '_')
        .replace(/[. ]+$/, '');
    if (result === '') result = fallback;
    if (/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i.test(result)) result = `_${result}`;
    return truncateUtf8(result, 120);
}

/** Cuts a string to at most `bytes` bytes of UTF-8 without splitting a character. */
function truncateUtf8(text: string, bytes: number): string {
    if (Buffer.byteLength(text, 'utf8') <= bytes) return text;
    let out = '';
    let size = 0;
    for (const character of text) {
        const length = Buffer.byteLength(character, 'utf8');
        if (size + length > bytes) break;
        out += character;
        size += length;
    }
    return out.replace(/[. ]+$/, '') || '_';
}

/**
 * Gives each name its own file name: safe (see `safeFileName`) and unique
 * ignoring case (for case-insensitive file systems), by appending `-2`, `-3`…
 * in the order the names are given. Same names in the same order → same result.
 */
export function uniqueFileNames(names: readonly string[], extension = ''): string[] {
    const taken = new Set<string>();
    return names.map(name => {
        const base = safeFileName(name);
        let candidate = base;
        for (let n = 2; taken.has((candidate + extension).toLowerCase()); n++) candidate = `${base}-${n}`;
        taken.add((candidate + extension).toLowerCase());
        return candidate + extension;
    });
}

/** `folder/relative`, refusing anything that would land outside `folder`. */
export function insideFolder(folder: string, relative: string): string {
    const root = path.resolve(folder);
    const target = path.resolve(root, relative);
    if (target !== root && !target.startsWith(root + path.sep)) {
        throw new Error(`refusing to write outside ${root}: ${relative}`);
    }
    return target;
}
