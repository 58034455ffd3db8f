import { uniqueFileNames } from '../../flowchart/file-names.js';
import type { Locale } from '../../language/messages.js';
import { renderPublicChart, type PublicChartRenderer } from './chart.js';
import { bookletPage, indexPage, powerPage, type PlacedPower } from './pages.js';
import type { PublicGuide } from './projection.js';
import { SEARCH_SCRIPT } from './search-script.js';
import { GUIDE_CSS } from './styles.js';

/**
 * The files of the public service guide, relative to `--out`, from the public
 * projection only:
 *
 *     index.html            every power, by department and category, with search
 *     powers/<name>.html    one page per power
 *     booklet.html          every power on its own page (print, --pdf)
 *     assets/guide.css      screen and print styles
 *     assets/search.js      the search (the only script)
 */
export interface PublicSiteOptions {
    readonly locale: Locale;
    /** Leave out powers without an external flow (`--only-charted`). */
    readonly onlyCharted?: boolean;
    /** Tests replace it; default: the preview's pipeline. */
    readonly chart?: PublicChartRenderer;
}

export interface SiteFile { readonly path: string; readonly content: string }

export const BOOKLET = 'booklet.html';

export async function buildPublicSite(guide: PublicGuide, options: PublicSiteOptions): Promise<{ files: SiteFile[]; placed: PlacedPower[] }> {
    const placed = await placePowers(guide, options);
    const files: SiteFile[] = [
        { path: 'index.html', content: indexPage(guide, placed, options.locale) },
        ...placed.map(p => ({ path: p.page, content: powerPage(guide, p, options.locale) })),
        { path: BOOKLET, content: bookletPage(guide, placed, options.locale) },
        { path: 'assets/guide.css', content: GUIDE_CSS },
        { path: 'assets/search.js', content: SEARCH_SCRIPT }
    ];
    return { files, placed };
}

/** Every power listed, with its page name and its chart drawn (once: the page and the booklet share it). */
async function placePowers(guide: PublicGuide, options: PublicSiteOptions): Promise<PlacedPower[]> {
    const chart = options.chart ?? renderPublicChart;
    const listed = guide.departments.flatMap(department => department.powers
        .filter(power => !options.onlyCharted || power.flow !== undefined)
        .map(power => ({ power, department })));
    const names = uniqueFileNames(listed.map(x => `${x.department.name}-${x.power.name}`), '.html');
    const placed: PlacedPower[] = [];
    for (const [i, { power, department }] of listed.entries()) {
        placed.push({
            power, department, page: `powers/${names[i]}`, anchor: `p${i + 1}`,
            chart: power.flow ? await chart(power, department, options.locale) : undefined
        });
    }
    return placed;
}

export { bookletPage };
