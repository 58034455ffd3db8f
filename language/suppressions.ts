/**
 * `// sunlight-ignore CODE[, CODE]: reason` silences those codes on the next
 * line only. Found by scanning the text (strings are one line, so a `//`
 * inside quotes is skipped), which also works in files that do not parse.
 */
export interface Suppression {
    /** 0-based line of the comment. */
    readonly line: number;
    readonly column: number;
    readonly endColumn: number;
    readonly codes: readonly string[];
    readonly reason: string;
}

const DIRECTIVE = /^\/\/\s*sunlight-ignore\b(.*)$/;

export function findSuppressions(text: string): Suppression[] {
    const result: Suppression[] = [];
    if (!text.includes('sunlight-ignore')) return result;
    const lines = text.split(/\r?\n|\r/);
    lines.forEach((line, index) => {
        if (!line.includes('sunlight-ignore')) return;
        const start = commentStart(line);
        if (start < 0) return;
        const match = DIRECTIVE.exec(line.slice(start));
        if (!match) return;
        const rest = match[1];
        const colon = rest.indexOf(':');
        const codes = (colon >= 0 ? rest.slice(0, colon) : rest).split(',').map(code => code.trim()).filter(Boolean);
        const reason = colon >= 0 ? rest.slice(colon + 1).trim() : '';
        result.push({ line: index, column: start, endColumn: line.trimEnd().length, codes, reason });
    });
    return result;
}

/** Column of the first `//` outside a string, or -1. */
function commentStart(line: string): number {
    let inString = false;
    for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (inString) {
            if (c === '\\') i++;
            else if (c === '"') inString = false;
        } else if (c === '"') {
            inString = true;
        } else if (c === '/' && line[i + 1] === '/') {
            return i;
        }
    }
    return -1;
}
