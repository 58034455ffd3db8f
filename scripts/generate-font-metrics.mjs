// Generates flowchart/font-metrics.generated.ts: advance widths for the
// Latin, Greek, Cyrillic and punctuation ranges, read from the real font files:
// the larger of Noto Sans CJK SC (the flowchart's font, Debian fonts-noto-cjk)
// and DejaVu Sans (Debian fonts-dejavu-core, one of the widest sans-serifs), so
// that text fits whichever of the two renders it. CJK and other East Asian
// Wide characters are not in the table: the script checks that Noto Sans CJK
// SC draws them exactly 1 em wide, which is what text-metrics.ts assumes.
//
// Run: node scripts/generate-font-metrics.mjs
// The output is committed, so the CLI and the extension measure identically
// on any machine, fonts installed or not.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'flowchart');
const DEJAVU = '/usr/share/fonts/truetype/dejavu';
const NOTO = '/usr/share/fonts/opentype/noto';
/** Face of Noto Sans CJK SC in the collections (fc-query: 2). */
const SC_FACE = 2;

/** Code point ranges (inclusive) measured into the table. */
const RANGES = [
    [0x0020, 0x024f], // Basic Latin, Latin-1, Latin Extended-A/B
    [0x0370, 0x03ff], // Greek
    [0x0400, 0x04ff], // Cyrillic
    [0x2010, 0x2027], // dashes, quotes, bullets, ellipsis
    [0x2030, 0x205e], // per mille, primes, guillemets...
    [0x20a0, 0x20bf], // currency
    [0x2100, 0x214f], // letterlike (№, ℃, ™)
    [0x2190, 0x21ff], // arrows
    [0x2460, 0x24ff]  // enclosed alphanumerics (①)
];

function readFont(file, face = 0) {
    const data = fs.readFileSync(file);
    const tables = new Map();
    // A TrueType/OpenType collection starts with 'ttcf' and the offsets of its faces.
    const base = data.toString('latin1', 0, 4) === 'ttcf' ? data.readUInt32BE(12 + 4 * face) : 0;
    const numTables = data.readUInt16BE(base + 4);
    for (let i = 0; i < numTables; i++) {
        const record = base + 12 + i * 16;
        tables.set(data.toString('latin1', record, record + 4), { offset: data.readUInt32BE(record + 8), length: data.readUInt32BE(record + 12) });
    }
    const head = tables.get('head').offset;
    const unitsPerEm = data.readUInt16BE(head + 18);
    const numberOfHMetrics = data.readUInt16BE(tables.get('hhea').offset + 34);
    const hmtx = tables.get('hmtx').offset;
    const advance = glyph => data.readUInt16BE(hmtx + 4 * Math.min(glyph, numberOfHMetrics - 1));

    // cmap: the Windows Unicode BMP subtable (3,1), format 4.
    const cmap = tables.get('cmap').offset;
    const subtables = data.readUInt16BE(cmap + 2);
    let format4;
    for (let i = 0; i < subtables; i++) {
        const platform = data.readUInt16BE(cmap + 4 + i * 8);
        const encoding = data.readUInt16BE(cmap + 6 + i * 8);
        const offset = cmap + data.readUInt32BE(cmap + 8 + i * 8);
        if (platform === 3 && encoding === 1 && data.readUInt16BE(offset) === 4) format4 = offset;
    }
    if (format4 === undefined) throw new Error(`${file}: no format 4 cmap`);
    const segX2 = data.readUInt16BE(format4 + 6);
    const ends = format4 + 14;
    const starts = ends + segX2 + 2;
    const deltas = starts + segX2;
    const rangeOffsets = deltas + segX2;
    const glyphOf = code => {
        for (let i = 0; i < segX2 / 2; i++) {
            const end = data.readUInt16BE(ends + 2 * i);
            if (code > end) continue;
            const start = data.readUInt16BE(starts + 2 * i);
            if (code < start) return 0;
            const delta = data.readInt16BE(deltas + 2 * i);
            const rangeOffset = data.readUInt16BE(rangeOffsets + 2 * i);
            if (rangeOffset === 0) return (code + delta) & 0xffff;
            const glyph = data.readUInt16BE(rangeOffsets + 2 * i + rangeOffset + 2 * (code - start));
            return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
        }
        return 0;
    };
    return { unitsPerEm, width: code => { const glyph = glyphOf(code); return glyph === 0 ? -1 : advance(glyph); } };
}

function table(fonts) {
    // Widths in thousandths of an em (rounded up, so text is never under-measured); -1 = in neither font.
    return RANGES.map(([start, end]) => {
        const widths = [];
        for (let code = start; code <= end; code++) {
            const w = Math.max(...fonts.map(font => {
                const units = font.width(code);
                return units < 0 ? -1 : Math.ceil(units * 1000 / font.unitsPerEm);
            }));
            widths.push(w);
        }
        return { start, widths };
    });
}

const notoRegular = readFont(path.join(NOTO, 'NotoSansCJK-Regular.ttc'), SC_FACE);
const notoBold = readFont(path.join(NOTO, 'NotoSansCJK-Bold.ttc'), SC_FACE);
// The assumption of text-metrics.ts: CJK ideographs, CJK punctuation and full-width forms are 1 em.
for (const font of [notoRegular, notoBold]) {
    for (const [start, end] of [[0x3000, 0x3029], [0x3030, 0x303e], [0x4e00, 0x9fa5], [0xff01, 0xff60]]) {
        for (let code = start; code <= end; code++) {
            const w = font.width(code);
            if (w >= 0 && w !== font.unitsPerEm) throw new Error(`U+${code.toString(16)} is ${w}/${font.unitsPerEm} em in Noto Sans CJK SC`);
        }
    }
}
const regular = table([readFont(path.join(DEJAVU, 'DejaVuSans.ttf')), notoRegular]);
const bold = table([readFont(path.join(DEJAVU, 'DejaVuSans-Bold.ttf')), notoBold]);
const format = ranges => ranges.map(({ start, widths }) =>
    `    { start: 0x${start.toString(16).padStart(4, '0')}, widths: [${widths.join(',')}] }`).join(',\n');
const out = `// Generated by scripts/generate-font-metrics.mjs from Noto Sans CJK SC 2.004
// (Debian fonts-noto-cjk) and DejaVu Sans 2.37 (fonts-dejavu-core): the larger advance
// width of the two, in thousandths of an em, rounded up; -1 = in neither font (measured
// as 1 em). Do not edit by hand.
export interface WidthRange { readonly start: number; readonly widths: readonly number[] }

export const SANS_REGULAR: readonly WidthRange[] = [
${format(regular)}
];

export const SANS_BOLD: readonly WidthRange[] = [
${format(bold)}
];
`;
fs.writeFileSync(path.join(here, 'font-metrics.generated.ts'), out);
console.log(`wrote ${path.join(here, 'font-metrics.generated.ts')}`);
