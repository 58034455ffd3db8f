import type { Locale } from '../../language/messages.js';
import { esc } from '../html.js';
import type { PublicChart } from './chart.js';
import type { PublicDepartment, PublicFlow, PublicGuide, PublicNode, PublicPower } from './projection.js';
import { CATEGORY_ORDER, categoryWord, durationWords, publicWords } from './words.js';

/**
 * The HTML of the service guide: the index (grouped by department and
 * category, with the search box the script reveals), one page per power, and
 * the booklet (every power on its own page, for print and `--pdf`). Pages
 * take only the public projection; every text goes through `esc`
 * (escapeXml). No inline script or style: the strict CSP below allows only
 * the guide's own files, so a page opened from `file://` or any static host
 * loads nothing else.
 */
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

/** A power as placed in the site: its page and its chart (already rendered SVG, or none). */
export interface PlacedPower {
    readonly power: PublicPower;
    readonly department: PublicDepartment;
    /** Path of its page, relative to the site's root (`powers/….html`). */
    readonly page: string;
    /** Anchor in the booklet. */
    readonly anchor: string;
    readonly chart?: PublicChart;
}

interface Frame {
    readonly locale: Locale;
    readonly title: string;
    /** `''` at the root, `'../'` one folder down. */
    readonly root: string;
    readonly body: string;
    readonly script?: boolean;
    readonly className?: string;
}

function page(frame: Frame): string {
    return `<!DOCTYPE html>
<html lang="${frame.locale === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Sunlight">
<title>${esc(frame.title)}</title>
<link rel="stylesheet" href="${frame.root}assets/guide.css">
</head>
<body${frame.className ? ` class="${frame.className}"` : ''}>
${frame.body}
${frame.script ? `<script src="${frame.root}assets/search.js"></script>\n` : ''}</body>
</html>
`;
}

function guideTitle(guide: PublicGuide, locale: Locale): string {
    const w = publicWords(locale);
    return guide.organization ? w.guideOf(guide.organization) : w.guide;
}

// ---------------------------------------------------------------- index

/** One entry of the search index: the list item it shows, and the text it is found by. */
export interface SearchEntry { readonly id: string; readonly text: string }

export function indexPage(guide: PublicGuide, placed: readonly PlacedPower[], locale: Locale): string {
    const w = publicWords(locale);
    const entries: SearchEntry[] = [];
    const sections = guide.departments.map((department, d) => {
        const mine = placed.filter(p => p.department === department);
        if (mine.length === 0) return '';
        const groups = [...CATEGORY_ORDER, undefined].map(category => {
            const inGroup = mine.filter(p => category === undefined ? !CATEGORY_ORDER.includes(p.power.category as never) : p.power.category === category);
            if (inGroup.length === 0) return '';
            const items = inGroup.map(p => {
                const id = `e${placed.indexOf(p)}`;
                entries.push({ id, text: searchText(p, locale) });
                const facts = [p.power.office, p.power.flow?.limit ? `${w.limit} ${durationWords(p.power.flow.limit, locale)}` : undefined,
                    p.power.flow ? undefined : w.chartless].filter(Boolean);
                return `<li id="${id}"><a href="${esc(p.page)}">${p.power.code ? `<span class="code">${esc(p.power.code)}</span> ` : ''}<span class="name">${esc(p.power.name)}</span></a>`
                    + (facts.length ? ` <span class="facts">${facts.map(esc).join(' · ')}</span>` : '') + '</li>';
            });
            return `<section class="category" aria-labelledby="d${d}-${category ?? 'none'}">
<h3 id="d${d}-${category ?? 'none'}">${esc(categoryWord(category, locale))}</h3>
<ul class="powers">
${items.join('\n')}
</ul>
</section>`;
        }).join('\n');
        return `<section class="department" id="d${d}" aria-labelledby="d${d}-title">
<h2 id="d${d}-title">${esc(department.title)} <span class="count">${esc(w.powers(mine.length))}</span></h2>
${contactBlock(department.contacts, locale, 'p')}
${groups}
</section>`;
    }).filter(Boolean);
    const listed = guide.departments.map((department, d) => ({ department, d, count: placed.filter(p => p.department === department).length })).filter(x => x.count > 0);
    const body = `<header class="masthead">
${guide.organization ? `<p class="organization">${esc(guide.organization)}</p>` : ''}
<h1>${esc(w.guide)}</h1>
<p class="subtitle">${esc(w.subtitle)}</p>
</header>
<main id="main">
<form class="search" id="guide-search" role="search" hidden>
<label for="guide-query">${esc(w.search)}</label>
<input id="guide-query" type="search" autocomplete="off" spellcheck="false" placeholder="${esc(w.searchHint)}" aria-describedby="guide-status">
<p id="guide-status" class="status" role="status" aria-live="polite"></p>
</form>
<nav class="toc" aria-label="${esc(w.contents)}">
<ul>
${listed.map(x => `<li><a href="#d${x.d}">${esc(x.department.title)}</a></li>`).join('\n')}
</ul>
</nav>
${sections.join('\n')}
</main>
<footer class="colophon"><p>${esc(w.generated(guide.organization ?? ''))}</p></footer>
<script type="application/json" id="guide-index" data-found-zero="${esc(w.found(0))}" data-found-one="${esc(w.found(1))}" data-found-many="${esc(w.found(2))}">${jsonForScript(entries)}</script>`;
    return page({ locale, title: guideTitle(guide, locale), root: '', body, script: true, className: 'index' });
}

/** What a power is found by: name, code, department, category, content, offices, step names, bases. */
function searchText(p: PlacedPower, locale: Locale): string {
    const { power, department } = p;
    return [
        power.name, power.code, department.name, department.title, categoryWord(power.category, locale), power.content, power.office,
        ...(power.flow?.nodes ?? []).flatMap(node => [node.name, node.office]),
        ...power.bases.flatMap(b => [b.name, b.title])
    ].filter(Boolean).join(' ').normalize('NFKC').toLowerCase();
}

/** JSON inside a `<script type="application/json">`: nothing in it can close the element or start markup. */
function jsonForScript(value: unknown): string {
    return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
        .replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

// ---------------------------------------------------------------- a power

export function powerPage(guide: PublicGuide, p: PlacedPower, locale: Locale): string {
    const w = publicWords(locale);
    const body = `<nav class="crumbs" aria-label="${esc(w.guide)}"><a href="../index.html#d${guide.departments.indexOf(p.department)}">${esc(w.back)}</a></nav>
<main id="main">
${powerArticle(p, locale, 'h1')}
</main>
<footer class="colophon"><p>${esc(w.generated(guide.organization ?? ''))}</p></footer>`;
    return page({ locale, title: `${p.power.name} — ${guideTitle(guide, locale)}`, root: '../', body, className: 'power' });
}

/** A power's whole entry; `h1` on its own page, `h2` in the booklet. */
function powerArticle(p: PlacedPower, locale: Locale, heading: 'h1' | 'h2'): string {
    const w = publicWords(locale);
    const { power, department } = p;
    const sub = heading === 'h1' ? 'h2' : 'h3';
    const id = (part: string) => `${p.anchor}-${part}`;
    const facts: Array<[string, string]> = [];
    if (power.code) facts.push([w.code, esc(power.code)]);
    facts.push([w.department, esc(department.title)]);
    facts.push([w.category, esc(categoryWord(power.category, locale))]);
    if (power.office) facts.push([w.office, esc(power.office)]);
    if (power.flow) facts.push([w.limit, esc(power.flow.limit ? durationWords(power.flow.limit, locale) : w.noLimit)]);
    const parts: string[] = [];
    parts.push(`<article class="power-entry" id="${p.anchor}" aria-labelledby="${id('title')}">`);
    parts.push(`<${heading} id="${id('title')}">${esc(power.name)}</${heading}>`);
    parts.push(`<dl class="facts">${facts.map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${v}</dd></div>`).join('')}</dl>`);
    if (power.major) parts.push(`<p class="major">${esc(w.major)}</p>`);
    if (power.content) parts.push(`<section aria-labelledby="${id('content')}"><${sub} id="${id('content')}">${esc(w.content)}</${sub}><p>${esc(power.content)}</p></section>`);
    if (power.bases.length > 0) {
        parts.push(`<section aria-labelledby="${id('bases')}"><${sub} id="${id('bases')}">${esc(w.bases)}</${sub}><ul class="bases">`
            + power.bases.map(b => `<li><span class="basis-title">${esc(b.title || b.name)}</span>${b.kind ? ` <span class="kind">(${esc(w.basisKinds[b.kind] ?? b.kind)})</span>` : ''}`
                + (b.articles.length ? `<dl class="articles">${b.articles.map(a => `<div><dt>${esc(a.name)}</dt><dd>${esc(a.text ?? '')}</dd></div>`).join('')}</dl>` : '')
                + '</li>').join('')
            + '</ul></section>');
    }
    // The heading and the chart stay together on paper (a chart is never split).
    parts.push(`<section class="procedure" aria-labelledby="${id('flow')}"><div class="chart-block"><${sub} id="${id('flow')}">${esc(w.flowchart)}</${sub}>`);
    if (power.flow && p.chart) {
        // On screen the whole chart; on paper its pieces, each at full size on its own page if need be (same drawing, hidden from assistive technology).
        const pieces = p.chart.pieces.length > 1 ? `<div class="chart-pieces">${p.chart.pieces.map(piece => `<div class="chart-piece">${piece}</div>`).join('')}</div>` : '';
        parts.push(`<figure class="chart${pieces ? ' cut' : ''}" role="group" aria-labelledby="${id('flow-caption')}"><div class="chart-whole">${labelledChart(p.chart.svg, w.flowchartAlt(power.name))}</div>${pieces}<figcaption id="${id('flow-caption')}">${esc(w.flowchartAlt(power.name))}</figcaption></figure>`);
    } else if (!power.flow) {
        parts.push(`<p class="no-flow">${esc(w.noFlow)}</p>`);
    }
    parts.push('</div>');
    if (power.flow) parts.push(stepTable(power.flow, locale, id('steps')), totals(power.flow, locale));
    parts.push('</section>');
    const contacts = [...power.contacts, ...department.contacts];
    if (contacts.length > 0) parts.push(`<section aria-labelledby="${id('contact')}"><${sub} id="${id('contact')}">${esc(w.contact)}</${sub}>${contactBlock(contacts, locale, 'ul')}</section>`);
    parts.push('</article>');
    return parts.join('\n');
}

/** The renderer's SVG with its accessible name set to the chart's description (the step table is the long text alternative). */
function labelledChart(svg: string, label: string): string {
    return svg.replace(/^<svg\b([^>]*?) aria-label="[^"]*"/, (_m, attributes: string) => `<svg${attributes} aria-label="${esc(label)}"`);
}

function stepTable(flow: PublicFlow, locale: Locale, id: string): string {
    const w = publicWords(locale);
    const byId = new Map(flow.nodes.map(node => [node.id, node]));
    const number = new Map(flow.nodes.map((node, i) => [node.id, i + 1]));
    const target = (to: string) => to === 'end' ? esc(w.end) : `${number.get(to)}. ${esc(byId.get(to)?.name ?? '')}`;
    const rows = flow.nodes.map((node, i) => {
        const out = flow.edges.filter(edge => edge.source === node.id);
        const next = out.map(edge => edge.label ? `${esc(edge.label)} → ${target(edge.target)}` : `→ ${target(edge.target)}`).join('<br>');
        return `<tr${node.reachable ? '' : ' class="unreachable"'}><td class="num">${i + 1}</td><th scope="row">${esc(node.name)}${nodeNote(node, locale)}</th>`
            + `<td>${esc(node.office ?? '')}${node.applicant ? ` <span class="note">(${esc(w.applicant)})</span>` : ''}</td>`
            + `<td class="nowrap">${esc(node.kind === 'decision' ? '' : durationWords(node.deadline, locale))}</td><td>${next}</td></tr>`;
    });
    return `<table class="steps" aria-labelledby="${id}"><caption id="${id}">${esc(w.steps)}</caption>
<thead><tr><th scope="col" class="num">${esc(w.stepNo)}</th><th scope="col">${esc(w.step)}</th><th scope="col">${esc(w.stepOffice)}</th><th scope="col">${esc(w.deadline)}</th><th scope="col">${esc(w.next)}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

function nodeNote(node: PublicNode, locale: Locale): string {
    const w = publicWords(locale);
    const notes = [node.kind === 'decision' ? w.decision : undefined, node.collective ? w.collective : undefined, node.reachable ? undefined : w.unreachable].filter(Boolean);
    return notes.length ? ` <span class="note">${notes.map(esc).join(' · ')}</span>` : '';
}

function totals(flow: PublicFlow, locale: Locale): string {
    const w = publicWords(locale);
    const longest = durationWords({ value: Number(flow.longestPath.formatted), unit: flow.longestPath.unit }, locale);
    return `<dl class="totals"><div><dt>${esc(w.limit)}</dt><dd>${esc(flow.limit ? durationWords(flow.limit, locale) : w.noLimit)}</dd></div>`
        + `<div><dt>${esc(w.longest)}</dt><dd>${esc(longest)}</dd></div></dl>`;
}

function contactBlock(contacts: readonly string[], locale: Locale, as: 'p' | 'ul'): string {
    if (contacts.length === 0) return '';
    const w = publicWords(locale);
    return as === 'ul'
        ? `<ul class="contact">${contacts.map(c => `<li>${esc(c)}</li>`).join('')}</ul>`
        : `<p class="contact"><span class="label">${esc(w.contact)}:</span> ${contacts.map(esc).join(' · ')}</p>`;
}

// ---------------------------------------------------------------- booklet

/**
 * Every power on its own page, after a cover and a table of contents. Page
 * numbers are printed by the style sheet (`@page` margin boxes); the contents
 * give each power's page when the numbers are known (`pages`, from a first
 * printing), and link to it always.
 */
export function bookletPage(guide: PublicGuide, placed: readonly PlacedPower[], locale: Locale, pages?: ReadonlyMap<string, number>): string {
    const w = publicWords(locale);
    const toc = guide.departments.map(department => {
        const mine = placed.filter(p => p.department === department);
        if (mine.length === 0) return '';
        return `<li><span class="toc-department">${esc(department.title)}</span><ol>${mine.map(p => `<li><a href="#${p.anchor}"><span class="toc-name">${p.power.code ? `${esc(p.power.code)} ` : ''}${esc(p.power.name)}</span>`
            + `<span class="toc-page">${pages?.get(p.anchor) ?? ''}</span></a></li>`).join('')}</ol></li>`;
    }).filter(Boolean).join('\n');
    const body = `<main id="main">
<section class="cover">
${guide.organization ? `<p class="organization">${esc(guide.organization)}</p>` : ''}
<h1>${esc(w.guide)}</h1>
<p class="subtitle">${esc(w.subtitle)}</p>
</section>
<nav class="booklet-toc" aria-labelledby="booklet-toc"><h2 id="booklet-toc">${esc(w.contents)}</h2><ol>
${toc}
</ol></nav>
${placed.map(p => `<div class="sheet">\n${powerArticle(p, locale, 'h2')}\n</div>`).join('\n')}
</main>`;
    return page({ locale, title: guideTitle(guide, locale), root: '', body, className: 'booklet' });
}
