/**
 * Text from the files (messages quoting names, comments, suppression reasons,
 * `sunlight.json` keys, file names) shown on a terminal: control characters
 * (C0 but tab, DEL, C1) and bidirectional controls become `\u001b`-style
 * escapes, so that no file can move the cursor, clear the screen, retitle the
 * window or reorder what is shown. Line breaks are the caller's business:
 * pass `lineBreaks: 'space'` to fold them first.
 */
const INVISIBLE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function visible(text: string, options: { lineBreaks?: 'space' } = {}): string {
    const folded = options.lineBreaks === 'space' ? text.replace(/\s*[\r\n]+\s*/g, ' ') : text;
    return folded.replace(INVISIBLE, ch => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
