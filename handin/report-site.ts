import { basisText, catalogTable, flowsText, type CatalogRow } from './catalog-data.js';
import { durationText, heading, labels, list, term, type Labels } from './labels.js';
import { GRADES, LEVELS, type GradeCount, type HandinWorkspace } from './model.js';
import type { CompletenessIssue, DepartmentStatus, ReportData } from './report-data.js';
import type { Locale } from '../language/messages.js';
import { uniqueFileNames } from '../flowchart/file-names.js';
import { catalogCsv } from './catalog-csv.js';
import { catalogTableHtml, CATALOG_CSS } from './catalog-html.js';
import { catalogXlsx } from './catalog-xlsx.js';
import type { FlowchartRenderer } from './flowcharts.js';
import { esc, gradeTag, htmlPage, multiline, table } from './html.js';
import { departmentRegistersHtml, gradeCell, measuresHtml, REGISTER_CSS, registersHtml } from './registers-html.js';
import { registersXlsx } from './registers-xlsx.js';

/**
 * The college report: one static folder that opens from disk (no script, no
 * CDN, no request outside the folder).
 *
 *   index.html                   totals, departments × grades, aspects, the
 *                                high risks and their measures, the risk
 *                                matrix, the grading trail, who is incomplete
 *   departments/<name>.html      one page per department: catalog,
 *                                flowcharts (inline SVG), registers, problems
 *   print.html                   everything on A4 pages, for paper or PDF
 *   downloads/                   the catalog (xlsx, csv) and the registers
 *                                (html, one xlsx per department)
 */
export interface SiteFile {
    /** Relative to the report folder, with `/`. */
    readonly path: string;
    readonly content: string | Buffer;
}

export interface ReportSiteOptions {
    readonly locale: Locale;
    /** Draws one flow; undefined: flowcharts are left out with a visible note. */
    readonly flowcharts?: FlowchartRenderer;
}

export async function buildReportSite(report: ReportData, workspace: HandinWorkspace, options: ReportSiteOptions): Promise<SiteFile[]> {
    const { locale } = options;
    const l = labels(locale);
    const pageNames = uniqueFileNames(report.catalog.departments.map(d => d.name), '.html');
    const xlsxNames = uniqueFileNames(report.catalog.departments.map(d => `registers-${d.name}`), '.xlsx');
    const links: Links = {
        department: i => `departments/${encodeURIComponent(pageNames[i])}`,
        registersXlsx: i => `downloads/${encodeURIComponent(xlsxNames[i])}`
    };

    const title = report.organization ? `${report.organization} ${l.report}` : l.report;
    const files: SiteFile[] = [];

    // Flowcharts: drawn once, used by the department pages and the print view.
    const charts: string[][] = [];
    for (const source of workspace.departments) {
        const list: string[] = [];
        for (const power of source.department.powers) {
            const figures: string[] = [];
            for (const flow of power.flows) {
                const caption = flowsText(locale, [{ kind: flow.kind, limit: flow.limit ? { value: flow.limit.value ?? 0, unit: flow.limit.unit ?? 'days' } : undefined, nodes: flow.nodes.length }]);
                const svg = options.flowcharts ? await options.flowcharts(power, flow.kind, locale) : undefined;
                figures.push(`<figure class="flowchart" data-flow="${esc(flow.kind)}">${svg ?? `<p class="banner">${esc(l.flowchartPending)}</p>`}<figcaption>${esc(caption)}</figcaption></figure>`);
            }
            list.push(figures.join('\n'));
        }
        charts.push(list);
    }

    files.push({
        path: 'index.html',
        content: htmlPage({ title, locale, css: REPORT_CSS, body: `<main>\n${overviewHtml(report, locale, links, title)}\n</main>` })
    });
    report.catalog.departments.forEach((_, i) => {
        files.push({
            path: `departments/${pageNames[i]}`,
            content: htmlPage({
                title: `${report.catalog.departments[i].title} · ${title}`, locale, css: REPORT_CSS,
                body: `<main>\n<nav class="crumbs no-print"><a href="../index.html">← ${esc(l.back)}</a></nav>\n${departmentHtml(report, i, locale, charts[i], '../' + links.registersXlsx(i))}\n</main>`
            })
        });
    });
    const printLinks: Links = { department: i => `#department-${i}`, registersXlsx: links.registersXlsx };
    files.push({
        path: 'print.html',
        content: htmlPage({
            title, locale, css: REPORT_CSS,
            body: `<main>\n${overviewHtml(report, locale, printLinks, title, true)}\n${report.catalog.departments.map((_, i) =>
                `<article class="page-break" id="department-${i}">\n${departmentHtml(report, i, locale, charts[i], links.registersXlsx(i))}\n</article>`).join('\n')}\n</main>`
        })
    });

    // The electronic copies handed in with the report.
    const table = catalogTable(report.catalog, locale);
    files.push({ path: 'downloads/catalog.xlsx', content: await catalogXlsx(report.catalog, locale) });
    files.push({ path: 'downloads/catalog.csv', content: catalogCsv(table) });
    files.push({ path: 'downloads/registers.html', content: registersHtml(report.registers, locale) });
    for (const [i, registers] of report.registers.entries()) {
        files.push({ path: `downloads/${xlsxNames[i]}`, content: await registersXlsx(registers, locale) });
    }
    return files;
}

interface Links {
    department(index: number): string;
    registersXlsx(index: number): string;
}

// ---------------------------------------------------------------- overview

function overviewHtml(report: ReportData, locale: Locale, links: Links, title: string, print = false): string {
    const l = labels(locale);
    const t = report.totals;
    const parts: string[] = [];
    parts.push(`<header class="report-head">
<h1>${esc(title)}</h1>
<p class="subtitle">${esc(l.reportSubtitle)}</p>
<div class="meta">
${report.campaign ? `<span>${esc(l.campaign)}${esc(l.colon)}${esc(report.campaign)}</span>` : ''}
${report.due ? `<span>${esc(l.dueDate)}${esc(l.colon)}<strong>${esc(report.due)}</strong></span>` : ''}
<span>${esc(l.generatedOn)}${esc(l.colon)}${esc(report.generatedOn)}</span>
</div>
</header>`);
    if (t.errors > 0) {
        parts.push(`<p class="banner error" role="alert" data-errors="${t.errors}">${esc(l.errorsBanner(t.errors))}${t.warnings > 0 ? esc(l.warningsNote(t.warnings)) : ''}</p>`);
    }
    if (!print) {
        parts.push(`<nav class="toc no-print"><a href="#totals">${esc(l.overview)}</a><a href="#status">${esc(l.completeness)}</a><a href="#by-department">${esc(l.byDepartment)}</a><a href="#high-risks">${esc(l.highRisks)}</a><a href="#matrix">${esc(l.heatMap)}</a><a href="#trail">${esc(l.trail)}</a><a href="#downloads">${esc(l.downloads)}</a> <a href="print.html">${esc(l.print)}</a></nav>`);
    }

    // Totals.
    const card = (key: string, label: string, value: string, detail = '') =>
        `<div class="card" data-total="${key}"><div class="card-value">${value}</div><div class="card-label">${esc(label)}</div>${detail ? `<div class="card-detail">${detail}</div>` : ''}</div>`;
    parts.push(`<section id="totals"><h2>${esc(l.overview)}</h2><div class="cards">
${card('departments', l.departments, String(t.departments))}
${card('powers', l.powers, String(t.powers))}
${card('flows', l.flowcharts, String(t.flows))}
${card('risks', l.riskPoints, String(t.risks.total), gradeBreakdown(t.risks, locale))}
${card('high', l.highRisks, String(t.risks.high))}
${card('measures', l.measures, String(t.measures))}
${card('registers', l.registersSigned, `${t.registersSigned}<span class="of"> / ${t.staff}</span>`)}
</div>
<p class="small muted">${esc(l.gradingBasis)} ${esc(l.gradeDefinitions)}</p></section>`);

    // Hand-in status.
    const incomplete = report.status.filter(s => !s.complete).length;
    const due = report.due ? `<p class="meta"><span>${esc(l.beforeDue(report.due))}</span>${report.pastDue && incomplete > 0 ? ` <span class="ko">${esc(l.overdue(report.due, incomplete))}</span>` : ''}</p>` : '';
    parts.push(`<section id="status"><h2>${esc(l.completeness)}</h2>${due}
${table(
    [l.department, l.completeness, l.issues, l.riskPoints].map(esc),
    report.status.map((s, i) => [
        `<a href="${esc(links.department(i))}">${esc(s.title)}</a>`,
        s.complete ? `<span class="ok">✓ ${esc(l.complete)}</span>` : `<span class="ko">✗ ${esc(l.incomplete)}${report.pastDue ? ` · ${esc(l.late)}` : ''}</span>`,
        issuesHtml(s, locale),
        String(report.byDepartment[i].risks.total)
    ]),
    { className: 'status', numeric: [false, false, false, true] }
).replace(/<tr><td>/g, '<tr class="status-row"><td>')}
</section>`);

    // Departments × grades.
    const max = Math.max(1, ...report.byDepartment.map(d => d.risks.total));
    parts.push(`<section id="by-department"><h2>${esc(l.byDepartment)}</h2>
${table(
    [l.department, heading(locale, 'high'), heading(locale, 'medium'), heading(locale, 'low'), l.ungraded, l.total, ''].map(esc),
    report.byDepartment.map((d, i) => [
        `<a href="${esc(links.department(i))}">${esc(d.title)}</a>`,
        String(d.risks.high), String(d.risks.medium), String(d.risks.low), String(d.risks.ungraded), `<strong>${d.risks.total}</strong>`,
        bar(d.risks, max)
    ]),
    {
        className: 'grades', numeric: [false, true, true, true, true, true, false],
        foot: [esc(l.total), String(t.risks.high), String(t.risks.medium), String(t.risks.low), String(t.risks.ungraded), String(t.risks.total), '']
    }
).replace(/<tr><td>/g, '<tr data-department-row><td>')}
<h3>${esc(l.byAspect)}</h3>
${table(
    [l.aspect, heading(locale, 'high'), heading(locale, 'medium'), heading(locale, 'low'), l.ungraded, l.total, ''].map(esc),
    report.byAspect.map(a => [
        esc(a.aspect ? term(locale, a.aspect) : '—'),
        String(a.risks.high), String(a.risks.medium), String(a.risks.low), String(a.risks.ungraded), `<strong>${a.risks.total}</strong>`,
        bar(a.risks, Math.max(1, ...report.byAspect.map(x => x.risks.total)))
    ]),
    { className: 'aspects grades', numeric: [false, true, true, true, true, true, false] }
)}
</section>`);

    // High risks: the list the leadership group publishes.
    parts.push(`<section id="high-risks"><h2>${esc(l.highRiskList)}</h2>
${report.highRisks.length === 0 ? `<p class="muted">${esc(l.none)}</p>` : table(
    ['#', l.department, l.powerAndStep, l.risk, l.description, l.owner, l.grade, l.measures].map(esc),
    report.highRisks.map((r, i) => [
        String(i + 1), esc(r.departmentTitle), esc([r.power, r.step].filter(Boolean).join(' / ')), `<strong>${esc(r.name)}</strong>`,
        multiline(r.description), esc(r.owner ?? ''), gradeCell(r, locale), measuresHtml(r.measures, locale) || `<span class="ko">${esc(l.none)}</span>`
    ]),
    { className: 'high-risks' }
)}
</section>`);

    // Probability × harm.
    parts.push(`<section id="matrix"><h2>${esc(l.heatMap)}</h2>${heatMapHtml(report, locale)}
<p class="small muted">${esc(l.heatMapNote)}${report.unassessed > 0 ? ` ${esc(l.unassessed(report.unassessed))}` : ''}</p></section>`);

    // Grading trail.
    parts.push(`<section id="trail"><h2>${esc(l.trail)}</h2>
${report.trail.length === 0 ? `<p class="muted">${esc(l.trailNone)}</p>` : table(
    [l.department, l.powerAndStep, l.risk, l.proposedGrade, l.departmentGrade, l.finalGrade, ''].map(esc),
    report.trail.map(e => [
        esc(e.department), esc(e.power ?? ''), esc(e.risk),
        e.proposed ? `${gradeTag(e.proposed, term(locale, e.proposed))}${e.proposedBy ? ` <span class="small muted">${esc(e.proposedBy)}</span>` : ''}` : '—',
        e.grade ? gradeTag(e.grade, term(locale, e.grade)) : '—',
        e.final ? gradeTag(e.final, term(locale, e.final)) : '—',
        e.changed ? `<span class="small">${esc(l.changed)}</span>` : ''
    ]),
    { className: 'trail-table' }
)}
</section>`);

    if (report.diagnostics.length > 0) {
        parts.push(`<section id="problems"><h2>${esc(l.diagnosticsSection)}</h2>${diagnosticsTable(report.diagnostics, locale)}</section>`);
    }

    if (!print) {
        parts.push(`<section id="downloads"><h2>${esc(l.downloads)}</h2><ul class="downloads">
<li><a href="downloads/catalog.xlsx">${esc(l.catalog)} (xlsx)</a></li>
<li><a href="downloads/catalog.csv">${esc(l.catalog)} (csv)</a></li>
<li><a href="downloads/registers.html">${esc(l.registers)} (html)</a></li>
${report.registers.map((r, i) => `<li><a href="${esc(links.registersXlsx(i))}">${esc(r.title)} ${esc(l.registers)} (xlsx)</a></li>`).join('\n')}
<li><a href="print.html">${esc(l.print)} (html)</a></li>
</ul></section>`);
    }
    return parts.join('\n');
}

function gradeBreakdown(count: GradeCount, locale: Locale): string {
    const items = GRADES.map(g => `<span class="grade grade-${g}">${esc(term(locale, g))} ${count[g]}</span>`);
    if (count.ungraded > 0) items.push(`<span class="grade grade-none">${esc(labels(locale).ungraded)} ${count.ungraded}</span>`);
    return items.join(' ');
}

function bar(count: GradeCount, max: number): string {
    const segment = (key: 'high' | 'medium' | 'low' | 'ungraded', cls: string) =>
        count[key] > 0 ? `<span class="seg ${cls}" style="width:${(100 * count[key] / max).toFixed(2)}%"></span>` : '';
    return `<div class="bar" aria-hidden="true">${segment('high', 'grade-high')}${segment('medium', 'grade-medium')}${segment('low', 'grade-low')}${segment('ungraded', 'grade-none')}</div>`;
}

function heatMapHtml(report: ReportData, locale: Locale): string {
    const l = labels(locale);
    const levels = [...LEVELS];
    const max = Math.max(1, ...levels.flatMap(p => levels.map(h => report.heatMap[p][h])));
    const rows = [...levels].reverse().map(p => `<tr><th scope="row">${esc(heading(locale, p))}</th>${levels.map(h => {
        const value = report.heatMap[p][h];
        const score = LEVELS.indexOf(p) + LEVELS.indexOf(h); // 0..4
        return `<td class="heat heat-${score}${value === 0 ? ' zero' : ''}" data-probability="${p}" data-harm="${h}" style="--alpha:${(0.25 + 0.75 * value / max).toFixed(2)}">${value}</td>`;
    }).join('')}</tr>`).join('\n');
    return `<div class="matrix"><div class="axis-y">${esc(l.probability)}</div><table class="heatmap">
<tbody>
${rows}
</tbody>
<tfoot><tr><td></td>${levels.map(h => `<th scope="col">${esc(heading(locale, h))}</th>`).join('')}</tr><tr><td></td><td colspan="3" class="axis-x">${esc(l.harm)} →</td></tr></tfoot>
</table></div>`;
}

function issuesHtml(status: DepartmentStatus, locale: Locale): string {
    if (status.issues.length === 0) return '';
    return `<ul class="issues">${status.issues.map(issue => `<li data-issue="${issue.kind}">${esc(issueText(issue, labels(locale), locale))}</li>`).join('')}</ul>`;
}

export function issueText(issue: CompletenessIssue, l: Labels, locale: Locale): string {
    switch (issue.kind) {
        case 'unsigned': return l.unsigned(list(locale, issue.staff));
        case 'without-register': return l.withoutRegister(list(locale, issue.staff));
        case 'no-department-register': return l.noDeptRegister;
        case 'unreviewed': return l.unreviewed;
        case 'unapproved': return l.unapproved;
        case 'wrong-approver': return l.wrongApprover(issue.approver, issue.leader);
        case 'open-errors': return l.openErrors(issue.count);
        case 'late': return l.lateItem(issue.what === 'signed' ? l.signedLate(issue.staff ?? '') : issue.what === 'reviewed' ? l.reviewedLate : l.approvedLate, issue.date);
    }
}

function diagnosticsTable(diagnostics: ReportData['diagnostics'], locale: Locale): string {
    const l = labels(locale);
    return table(
        [l.location, l.severity, l.code, l.message].map(esc),
        diagnostics.map(d => [
            `<span class="nowrap">${esc(`${d.file}:${d.line}:${d.column}`)}</span>`,
            `<span class="sev sev-${esc(d.severity)}">${esc(term(locale, d.severity))}</span>`,
            `<code>${esc(d.code)}</code>`,
            esc(d.message)
        ]),
        { className: 'diagnostics' }
    );
}

// ---------------------------------------------------------------- department page

function departmentHtml(report: ReportData, index: number, locale: Locale, charts: readonly string[], registersXlsxHref: string): string {
    const l = labels(locale);
    const catalog = report.catalog.departments[index];
    const status = report.status[index];
    const registers = report.registers[index];
    const counts = report.byDepartment[index].risks;
    const diagnostics = report.diagnostics.filter(d => d.department === catalog.name && d.file === catalog.file);
    const parts: string[] = [];
    parts.push(`<header class="report-head">
<h1>${esc(catalog.title)}</h1>
<div class="meta">
<span>${esc(l.leaderInCharge)}${esc(l.colon)}<strong>${esc(catalog.leader ?? '')}</strong></span>
<span>${esc(l.file)}${esc(l.colon)}<code>${esc(catalog.file)}</code></span>
<span>${esc(l.riskPoints)}${esc(l.colon)}${counts.total} ${gradeBreakdown(counts, locale)}</span>
<span>${esc(l.completeness)}${esc(l.colon)}${status.complete ? `<span class="ok">✓ ${esc(l.complete)}</span>` : `<span class="ko">✗ ${esc(l.incomplete)}</span>`}</span>
</div>
</header>`);
    if (!status.complete) parts.push(`<div class="banner${status.errors > 0 ? ' error' : ''}">${issuesHtml(status, locale)}</div>`);
    parts.push(`<section class="catalog-section"><h2>${esc(l.catalogSection)}</h2>${catalogTableHtml(catalogTable(report.catalog, locale, catalog), locale)}</section>`);

    const powers = catalog.rows.map((row, p) => `<section class="power" data-power="${esc(row.power)}">
<h3>${esc(row.number)} ${esc(row.power)}</h3>
${powerFacts(row, locale)}
${charts[p] || `<p class="muted">${esc(l.flowchartMissing)}</p>`}
</section>`);
    parts.push(`<section class="flowcharts"><h2>${esc(l.flowchartSection)}</h2>${powers.join('\n') || `<p class="muted">${esc(l.none)}</p>`}</section>`);

    parts.push(`<section class="registers"><h2>${esc(l.registerSection)} <a class="small no-print" href="${esc(registersXlsxHref)}">xlsx</a></h2>${departmentRegistersHtml(registers, locale)}</section>`);
    parts.push(`<section class="problems"><h2>${esc(l.diagnosticsSection)}</h2>${diagnostics.length === 0 ? `<p class="muted">${esc(l.noDiagnostics)}</p>` : diagnosticsTable(diagnostics, locale)}</section>`);
    return parts.join('\n');
}

function powerFacts(row: CatalogRow, locale: Locale): string {
    const l = labels(locale);
    const facts: Array<[string, string]> = [];
    if (row.category) facts.push([l.category, term(locale, row.category) + (row.major ? ` · ${l.major}` : '')]);
    if (row.responsible) facts.push([l.responsible, row.responsible]);
    if (row.bases.length) facts.push([l.basis, basisText(locale, row.bases)]);
    if (row.flows.length) facts.push([l.flows, list(locale, row.flows.map(f => f.limit ? `${term(locale, f.kind)} ${l.limit(durationText(locale, f.limit))}` : term(locale, f.kind)))]);
    return `${row.content ? `<p>${multiline(row.content)}</p>` : ''}<dl class="facts">${facts.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`;
}

const REPORT_CSS = `${CATALOG_CSS}${REGISTER_CSS}
.report-head h1 { font-size: 26px; }
nav.toc { display: flex; flex-wrap: wrap; gap: 6px 16px; padding: 8px 0; border-bottom: 1px solid var(--line); font-size: 13px; }
nav.crumbs { font-size: 13px; margin-bottom: 10px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(128px, 1fr)); gap: 10px; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 12px 14px; background: linear-gradient(#fff, #fbfbfc); }
.card-value { font-size: 28px; font-weight: 700; line-height: 1.1; font-variant-numeric: tabular-nums; }
.card-value .of { font-size: 16px; color: var(--muted); font-weight: 400; }
.card-label { color: var(--muted); font-size: 13px; margin-top: 2px; }
.card-detail { margin-top: 6px; display: flex; flex-wrap: wrap; gap: 4px; }
.card[data-total="high"] .card-value { color: var(--high); }
.ok { color: var(--low); font-weight: 600; white-space: nowrap; }
.ko { color: var(--high); font-weight: 600; white-space: nowrap; }
ul.issues { margin: 0; padding-left: 1.1em; }
table.status td:first-child { white-space: nowrap; }
table.high-risks td:first-child { white-space: nowrap; text-align: right; }
table.grades td:last-child { width: 34%; }
.bar { display: flex; height: 14px; background: var(--soft); border-radius: 3px; overflow: hidden; min-width: 80px; }
.bar .seg { display: block; height: 100%; }
.bar .grade-high { background: var(--high); }
.bar .grade-medium { background: #ef8a17; }
.bar .grade-low { background: #66bb6a; }
.bar .grade-none { background: #b0b7bf; }
.matrix { display: flex; align-items: center; gap: 10px; }
.axis-y { writing-mode: vertical-rl; color: var(--muted); font-size: 13px; }
table.heatmap { width: auto; border-collapse: separate; border-spacing: 4px; }
table.heatmap th { background: none; border: 0; color: var(--muted); font-weight: 600; text-align: center; vertical-align: middle; padding: 2px 8px; }
table.heatmap td { border: 0; width: 92px; height: 58px; text-align: center; vertical-align: middle; font-size: 20px; font-weight: 700; border-radius: 4px; }
table.heatmap tfoot td { background: none !important; height: auto; font-size: 13px; font-weight: 400; }
table.heatmap .axis-x { color: var(--muted); }
table.heatmap tbody td.heat { color: #1f2328; }
table.heatmap tbody td.heat-0 { background: rgba(102, 187, 106, var(--alpha)); }
table.heatmap tbody td.heat-1 { background: rgba(174, 213, 129, var(--alpha)); }
table.heatmap tbody td.heat-2 { background: rgba(255, 202, 40, var(--alpha)); }
table.heatmap tbody td.heat-3 { background: rgba(251, 140, 0, var(--alpha)); }
table.heatmap tbody td.heat-4 { background: rgba(229, 57, 53, var(--alpha)); color: #fff; }
table.heatmap tbody td.heat.zero { background: var(--soft) !important; color: #aab1b9; font-weight: 400; }
.sev { font-size: 12px; font-weight: 600; }
.sev-error { color: var(--high); }
.sev-warning { color: var(--medium); }
.sev-info, .sev-hint { color: var(--muted); }
table.diagnostics td:nth-child(3) { white-space: nowrap; }
section.power { margin: 18px 0 26px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; font-size: 13px; margin: 6px 0 10px; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
figure.flowchart { margin: 10px 0 18px; padding: 8px; border: 1px solid var(--line); border-radius: 4px; background: #fff; overflow-x: auto; }
figure.flowchart svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
figure.flowchart figcaption { text-align: center; color: var(--muted); font-size: 12px; margin-top: 4px; }
ul.downloads { columns: 2; }
@page wide { size: A4 landscape; margin: 12mm; }
@media print {
  @page { size: A4; }
  .form, section.catalog-section, #high-risks, #problems, section.problems { page: wide; }
  .cards { grid-template-columns: repeat(4, 1fr); }
  figure.flowchart { border: 0; overflow: visible; break-inside: avoid; }
  /* One power per page: its facts, then its flowcharts scaled to fit under them. */
  section.power + section.power { break-before: page; }
  section.power h3, section.power dl.facts { break-after: avoid; }
  figure.flowchart svg { max-height: 185mm; width: auto; max-width: 100%; }
  section.registers .form:first-child { break-before: page; }
}
`;
