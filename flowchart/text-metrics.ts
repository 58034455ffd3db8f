import { SANS_BOLD, SANS_REGULAR, type WidthRange } from './font-metrics.generated.js';

/**
 * Text measurement for the flowchart, the same in the CLI and in the editor
 * (plain tables, no canvas, no font loading), so the two always lay out alike.
 *
 * The font: Noto Sans CJK SC (Debian fonts-noto-cjk; the same design as
 * Adobe's Source Han Sans SC), named first in FONT_FAMILY. Its ideographs,
 * kana, hangul, CJK punctuation and full-width forms are exactly 1 em wide
 * (scripts/generate-font-metrics.mjs checks it), so East Asian Wide and Fullwidth
 * characters (UAX #11) measure 1 em. Latin, Greek, Cyrillic and common
 * punctuation come from a table read from the real font files: the larger
 * advance of Noto Sans CJK SC and DejaVu Sans, one of the widest sans-serifs,
 * so the text still fits where a machine substitutes another font (Microsoft
 * YaHei, PingFang SC, WenQuanYi, DejaVu). Anything else measures 1 em:
 * over-measuring only makes a box roomier, under-measuring would let text
 * spill out of it.
 */
export const FONT_FAMILY = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Source Han Sans CN', 'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB', 'WenQuanYi Micro Hei', 'DejaVu Sans', sans-serif";

export interface FontSpec {
    /** Size in px. */
    readonly size: number;
    readonly bold?: boolean;
}

/** Width of one code point, in em. */
export function charWidth(code: number, bold = false): number {
    if (isZeroWidth(code)) return 0;
    if (isWide(code)) return 1;
    const table = lookup(bold ? SANS_BOLD : SANS_REGULAR, code);
    return table === undefined || table < 0 ? 1 : table / 1000;
}

/** Width of a text in px, on one line. */
export function measureText(text: string, font: FontSpec): number {
    let em = 0;
    for (const ch of text) em += charWidth(ch.codePointAt(0)!, font.bold);
    return round(em * font.size);
}

/** The height of one line of text of this size (px). */
export function lineHeight(font: FontSpec): number {
    return Math.ceil(font.size * 1.35);
}

export interface WrapOptions {
    /** At most this many lines; the last one ends with an ellipsis when text was cut. */
    readonly maxLines?: number;
}

/**
 * Breaks text into lines no wider than `maxWidth`: between words at spaces,
 * between any two CJK characters (but not before closing punctuation such as
 * `,。、)` nor after opening punctuation such as `(“`), and inside a word only
 * when the word alone is too wide.
 */
export function wrapText(text: string, maxWidth: number, font: FontSpec, options: WrapOptions = {}): string[] {
    const clean = text.replace(/[\r\n\t]+/g, ' ');
    const units = breakUnits(clean);
    const lines: string[] = [];
    let line = '';
    let width = 0;
    const push = () => { lines.push(line.replace(/ +$/, '')); line = ''; width = 0; };
    for (const unit of units) {
        const w = measureText(unit, font);
        if (line === '' && unit.trim() === '') continue; // no leading spaces
        if (width + w <= maxWidth || line === '') {
            if (w > maxWidth && line === '') {
                // A word wider than a line: cut it by characters.
                for (const ch of unit) {
                    const cw = measureText(ch, font);
                    if (width + cw > maxWidth && line !== '') push();
                    line += ch;
                    width += cw;
                }
                continue;
            }
            line += unit;
            width += w;
        } else {
            push();
            if (unit.trim() === '') continue;
            if (w > maxWidth) {
                for (const ch of unit) {
                    const cw = measureText(ch, font);
                    if (width + cw > maxWidth && line !== '') push();
                    line += ch;
                    width += cw;
                }
            } else {
                line = unit;
                width = w;
            }
        }
    }
    if (line.trim() !== '' || lines.length === 0) push();
    const max = options.maxLines ?? Infinity;
    if (lines.length <= max) return lines;
    const kept = lines.slice(0, max);
    kept[max - 1] = ellipsize(kept[max - 1], maxWidth, font);
    return kept;
}

/** Cuts text so that it and a trailing `…` fit in `maxWidth`. */
export function ellipsize(text: string, maxWidth: number, font: FontSpec): string {
    const ellipsis = '…';
    const limit = maxWidth - measureText(ellipsis, font);
    let out = '';
    let width = 0;
    for (const ch of text) {
        const w = measureText(ch, font);
        if (width + w > limit) break;
        out += ch;
        width += w;
    }
    return out.replace(/ +$/, '') + ellipsis;
}

/** Fits text on one line, ellipsized when too wide. */
export function fitLine(text: string, maxWidth: number, font: FontSpec): string {
    return measureText(text, font) <= maxWidth ? text : ellipsize(text, maxWidth, font);
}

const NO_BREAK_BEFORE = new Set([...',.;:!?)]}%\u3001\u3002\uff0c\uff0e\uff1b\uff1a\uff01\uff1f\uff09\u3011\u300b\u300d\u300f\u3009\u201d\u2019\u2026\u2014\u00b7\uff05']);
const NO_BREAK_AFTER = new Set([...'([{\uff08\u3010\u300a\u300c\u300e\u3008\u201c\u2018']);

/** Splits text into unbreakable units: words (with trailing spaces), single CJK characters, kept with their punctuation. */
function breakUnits(text: string): string[] {
    const units: string[] = [];
    let current = '';
    const chars = [...text];
    for (let i = 0; i < chars.length; i++) {
        const ch = chars[i];
        const code = ch.codePointAt(0)!;
        const previous = i > 0 ? chars[i - 1] : '';
        const breakable = current !== ''
            && !NO_BREAK_BEFORE.has(ch)
            && !NO_BREAK_AFTER.has(previous)
            && !isZeroWidth(code)
            && (isWide(code) || isWide(previous.codePointAt(0) ?? 0) || previous === ' ');
        if (breakable && !(ch === ' ' && previous === ' ')) {
            units.push(current);
            current = '';
        }
        current += ch;
    }
    if (current !== '') units.push(current);
    return units;
}

function lookup(ranges: readonly WidthRange[], code: number): number | undefined {
    for (const range of ranges) {
        const index = code - range.start;
        if (index >= 0 && index < range.widths.length) return range.widths[index];
    }
    return undefined;
}

/** Controls, combining marks, bidi and other format characters, variation selectors. */
function isZeroWidth(code: number): boolean {
    return code < 0x20 || (code >= 0x7f && code < 0xa0)
        || (code >= 0x0300 && code <= 0x036f) // combining diacritics
        || (code >= 0x302a && code <= 0x302f) || code === 0x3099 || code === 0x309a // CJK combining marks
        || code === 0x00ad // soft hyphen
        || (code >= 0x200b && code <= 0x200f) // zero-width space/joiners, LRM, RLM
        || (code >= 0x202a && code <= 0x202e) // bidi embeddings and overrides
        || (code >= 0x2060 && code <= 0x206f) // word joiner, bidi isolates
        || (code >= 0xfe00 && code <= 0xfe0f) // variation selectors
        || code === 0xfeff
        || (code >= 0xe0100 && code <= 0xe01ef);
}

/** East Asian Wide (W) and Fullwidth (F) characters (UAX #11), and emoji. */
function isWide(code: number): boolean {
    return (code >= 0x1100 && code <= 0x115f)
        || (code >= 0x231a && code <= 0x231b)
        || (code >= 0x2329 && code <= 0x232a)
        || (code >= 0x23e9 && code <= 0x23ec)
        || (code >= 0x25fd && code <= 0x25fe)
        || (code >= 0x2614 && code <= 0x2615)
        || (code >= 0x2e80 && code <= 0x303e)
        || (code >= 0x3041 && code <= 0x33ff)
        || (code >= 0x3400 && code <= 0x4dbf)
        || (code >= 0x4e00 && code <= 0x9fff)
        || (code >= 0xa000 && code <= 0xa4cf)
        || (code >= 0xa960 && code <= 0xa97f)
        || (code >= 0xac00 && code <= 0xd7a3)
        || (code >= 0xf900 && code <= 0xfaff)
        || (code >= 0xfe10 && code <= 0xfe19)
        || (code >= 0xfe30 && code <= 0xfe6f)
        || (code >= 0xff00 && code <= 0xff60)
        || (code >= 0xffe0 && code <= 0xffe6)
        || (code >= 0x16fe0 && code <= 0x18aff)
        || (code >= 0x1b000 && code <= 0x1b2ff)
        || (code >= 0x1f300 && code <= 0x1f64f)
        || (code >= 0x1f900 && code <= 0x1f9ff)
        || (code >= 0x20000 && code <= 0x3fffd);
}

function round(value: number): number {
    return Math.round(value * 100) / 100;
}
