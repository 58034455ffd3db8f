import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locale } from '../../language/messages.js';
import { printToPdf } from '../pdf.js';
import { bookletPage, type PlacedPower } from './pages.js';
import type { PublicGuide } from './projection.js';
import { BOOKLET, type SiteFile } from './site.js';

/**
 * `--pdf`: the booklet printed by Chromium (handin/pdf.ts), with the page of
 * each power in the table of contents. Chromium cannot number a contents
 * page itself (no `target-counter()`), so the booklet is printed twice: the
 * first PDF says on which page each power's anchor landed (its named
 * destinations), the contents get those numbers (same width, so nothing
 * moves), and the second printing is the booklet. Should the first PDF not
 * tell (another printer), the contents keep their links without numbers.
 */
export async function printBooklet(chromium: string, guide: PublicGuide, placed: readonly PlacedPower[], locale: Locale, out: string,
    write: (file: SiteFile) => void): Promise<string> {
    const html = path.join(out, BOOKLET);
    const pdf = path.join(out, 'booklet.pdf');
    await printToPdf(chromium, html, pdf);
    const pages = destinationPages(fs.readFileSync(pdf));
    if (placed.length > 0 && placed.every(p => pages.has(p.anchor))) {
        write({ path: BOOKLET, content: bookletPage(guide, placed, locale, pages) });
        await printToPdf(chromium, html, pdf);
    }
    return pdf;
}

/**
 * The page (1-based) of each named destination of a PDF as Chromium (Skia)
 * writes it: a `/Dests` dictionary of `/name [PAGE 0 R /XYZ …]` in plain
 * objects, and a page tree of `/Kids`. Empty when the file is not like that.
 */
export function destinationPages(pdf: Buffer): Map<string, number> {
    const text = pdf.toString('latin1');
    const objects = new Map<string, string>();
    for (const match of text.matchAll(/(?:^|\n)(\d+) 0 obj\s*([\s\S]*?)(?:\bstream\b[\s\S]*?\bendstream\b\s*)?endobj/g)) objects.set(match[1], match[2]);
    const catalog = [...objects.values()].find(body => /\/Type\s*\/Catalog\b/.test(body));
    const pagesRoot = catalog && /\/Pages\s+(\d+) 0 R/.exec(catalog)?.[1];
    const destsRef = catalog && /\/Dests\s+(\d+) 0 R/.exec(catalog)?.[1];
    const result = new Map<string, number>();
    if (!pagesRoot || !destsRef) return result;
    const order: string[] = [];
    const walk = (id: string, depth: number) => {
        const body = objects.get(id);
        if (!body || depth > 32) return;
        const kids = /\/Kids\s*\[([^\]]*)\]/.exec(body);
        if (/\/Type\s*\/Pages\b/.test(body) && kids) for (const kid of kids[1].matchAll(/(\d+) 0 R/g)) walk(kid[1], depth + 1);
        else order.push(id);
    };
    walk(pagesRoot, 0);
    for (const match of (objects.get(destsRef) ?? '').matchAll(/\/([^\s/[\]()<>]+)\s*\[\s*(\d+) 0 R/g)) {
        const page = order.indexOf(match[2]);
        if (page >= 0) result.set(match[1], page + 1);
    }
    return result;
}
