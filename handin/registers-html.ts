import { durationText, labels, term } from './labels.js';
import type { DepartmentForm, DepartmentRegisters, IndividualForm, RegisterMeasure, RegisterRisk } from './register-data.js';
import type { Locale } from '../language/messages.js';
import { blankLine, esc, gradeTag, htmlPage, multiline, table } from './html.js';

/**
 * The registration forms (排查登记表) as printable HTML: A4, each form on its
 * own page, a line to sign. What the files do not say (no signature, no
 * review, no approval) is an empty line to fill in by hand.
 */
export function registersHtml(departments: readonly DepartmentRegisters[], locale: Locale, title?: string): string {
    const l = labels(locale);
    const heading = title ?? (departments.length === 1 ? `${departments[0].title} ${l.registers}` : l.registers);
    const contents = departments.length > 1
        ? `<nav class="no-print"><h2>${esc(l.contents)}</h2><ul class="plain">${departments.map((d, i) =>
            `<li><a href="#d${i}">${esc(d.title)}</a></li>`).join('')}</ul></nav>`
        : '';
    const body = departments.map((d, i) => `<div id="d${i}">\n${departmentRegistersHtml(d, locale)}\n</div>`).join('\n');
    return htmlPage({
        title: heading,
        locale,
        css: REGISTER_CSS,
        body: `<main>\n<h1 class="no-print">${esc(heading)}</h1>\n${contents}\n${body}\n</main>`
    });
}

/** The department form, then every staff member's form. */
export function departmentRegistersHtml(registers: DepartmentRegisters, locale: Locale): string {
    return [departmentFormHtml(registers, locale), ...registers.individuals.map(i => individualFormHtml(registers, i, locale))].join('\n');
}

export function individualFormHtml(registers: DepartmentRegisters, form: IndividualForm, locale: Locale): string {
    const l = labels(locale);
    const rows = form.risks.map((risk, i) => [
        String(i + 1),
        `<strong>${esc(risk.name)}</strong>`,
        powerCell(risk, locale),
        esc(term(locale, risk.aspect)),
        multiline(risk.description),
        esc(term(locale, risk.probability)),
        esc(term(locale, risk.harm)),
        multiline(risk.cause),
        gradeCell(risk, locale),
        measuresHtml(risk.measures, locale)
    ]);
    for (const name of form.unresolved) rows.push([String(rows.length + 1), esc(l.unresolvedRisk(name)), '', '', '', '', '', '', '', '']);
    const empty = rows.length === 0 ? `<tr><td colspan="10" class="muted empty">${esc(l.noRisks)}</td></tr>` : '';
    const risksTable = table(
        ['#', l.risk, l.powerAndStep, l.aspect, l.description, l.probability, l.harm, l.cause, l.grade, l.measures].map(esc),
        rows, { className: 'register individual', classes: ['num', 'name', 'power', 'short', 'text', 'short', 'short', 'text', 'grade-col', 'measures'] }
    ).replace('<tbody>\n', `<tbody>\n${empty}`);
    const signed = form.signed
        ? `<span class="given">${esc(l.signedMark)}</span>`
        : blankLine();
    return `<section class="form individual" data-staff="${esc(form.staff)}">
<h2>${esc(l.individualForm)}</h2>
<div class="form-meta">
  <span>${esc(l.department)}${esc(l.colon)}<strong>${esc(registers.title)}</strong></span>
  <span>${esc(l.name)}${esc(l.colon)}<strong>${esc(form.staff)}</strong></span>
  <span>${esc(l.post)}${esc(l.colon)}<strong>${esc(form.post ?? '')}</strong></span>
</div>
${form.postDuty ? `<p class="small"><span class="muted">${esc(l.postDuty)}${esc(l.colon)}</span>${esc(form.postDuty)}</p>` : ''}
${form.handedIn ? '' : `<p class="banner">${esc(l.noRegister)}</p>`}
${risksTable}
<p class="note">${esc(l.formNote)}</p>
<div class="signatures">
  <span class="slot signature">${esc(l.signature)}${esc(l.colon)}${signed}</span>
  <span class="slot date">${esc(l.date)}${esc(l.colon)}${form.signed ? `<span class="given">${esc(form.signed)}</span>` : blankLine('32mm')}</span>
</div>
</section>`;
}

export function departmentFormHtml(registers: DepartmentRegisters, locale: Locale): string {
    const l = labels(locale);
    const form: DepartmentForm = registers.department;
    const rows = form.risks.map((risk, i) => [
        String(i + 1),
        `<strong>${esc(risk.name)}</strong>`,
        powerCell(risk, locale),
        esc(term(locale, risk.aspect)),
        multiline(risk.description),
        `${esc(term(locale, risk.probability))}${risk.probability || risk.harm ? ' / ' : ''}${esc(term(locale, risk.harm))}`,
        multiline(risk.cause),
        gradeCell(risk, locale),
        esc(risk.owner ?? ''),
        esc([risk.foundBy, term(locale, risk.foundMethod)].filter(Boolean).join(' · ')),
        measuresHtml(risk.measures, locale)
    ]);
    const empty = rows.length === 0 ? `<tr><td colspan="11" class="muted empty">${esc(l.noRisks)}</td></tr>` : '';
    const risksTable = table(
        ['#', l.risk, l.powerAndStep, l.aspect, l.description, `${l.probability} / ${l.harm}`, l.cause, l.grade, l.owner, l.foundBy, l.measures].map(esc),
        rows, { className: 'register department', classes: ['num', 'name', 'power', 'short', 'text', 'short', 'text', 'grade-col', 'short', 'who', 'measures'] }
    ).replace('<tbody>\n', `<tbody>\n${empty}`);
    const approver = form.approvedBy
        ? `<span class="given">${esc(form.approvedBy)}</span>${form.approvedByLeader ? '' : `<span class="muted">${esc(l.notApprovedByLeader(registers.leader ?? '?'))}</span>`}`
        : blankLine('32mm');
    return `<section class="form department">
<h2>${esc(l.departmentForm)}</h2>
<div class="form-meta">
  <span>${esc(l.department)}${esc(l.colon)}<strong>${esc(registers.title)}</strong></span>
  <span>${esc(l.leaderInCharge)}${esc(l.colon)}<strong>${esc(registers.leader ?? '')}</strong></span>
  <span>${esc(l.riskPoints)}${esc(l.colon)}<strong>${form.risks.length}</strong></span>
</div>
${form.handedIn ? '' : `<p class="banner">${esc(l.noDepartmentRegister)}</p>`}
${risksTable}
<p class="note">${esc(l.departmentFormNote)}</p>
<div class="signatures">
  <span class="slot">${esc(l.collectiveReview)} · ${esc(l.reviewDate)}${esc(l.colon)}${form.reviewed ? `<span class="given">${esc(form.reviewed)}</span>` : blankLine('32mm')}</span>
  <span class="slot">${esc(l.reviewHow)}${esc(l.colon)}${form.reviewedHow ? `<span class="given">${esc(form.reviewedHow)}</span>` : blankLine('55mm')}</span>
  <span class="slot">${esc(l.departmentHead)}${esc(l.colon)}${blankLine()}</span>
</div>
<div class="signatures">
  <span class="slot">${esc(l.approval)} · ${esc(l.approvedBy)}${esc(l.colon)}${approver}</span>
  <span class="slot">${esc(l.approvedOn)}${esc(l.colon)}${form.approvedOn ? `<span class="given">${esc(form.approvedOn)}</span>` : blankLine('32mm')}</span>
  <span class="slot">${esc(l.approverSignature)}${esc(l.colon)}${blankLine()}</span>
</div>
</section>`;
}

function powerCell(risk: RegisterRisk, locale: Locale): string {
    return risk.power ? esc([risk.power, risk.step].filter(Boolean).join(' / ')) : `<span class="muted">${esc(labels(locale).departmentLevel)}</span>`;
}

/** The grade that counts, with the trail (proposed, department, final) beneath when there is one. */
export function gradeCell(risk: RegisterRisk, locale: Locale): string {
    const l = labels(locale);
    const tag = gradeTag(risk.effectiveGrade, term(locale, risk.effectiveGrade));
    const trail: string[] = [];
    if (risk.proposed) trail.push(`${l.proposedGrade} ${term(locale, risk.proposed)}`);
    if (risk.proposed || risk.final) trail.push(`${l.departmentGrade} ${term(locale, risk.grade) || '—'}`);
    if (risk.final) trail.push(`${l.finalGrade} ${term(locale, risk.final)}`);
    return trail.length ? `${tag}<div class="small muted trail">${trail.map((t, i) => `<div class="nowrap">${i > 0 ? '→ ' : ''}${esc(t)}</div>`).join('')}</div>` : tag;
}

export function measuresHtml(measures: readonly RegisterMeasure[], locale: Locale): string {
    const l = labels(locale);
    if (measures.length === 0) return '';
    return `<ol class="measures">${measures.map(m => {
        const detail = [m.by ? l.measureBy(m.by) : '', m.within ? l.measureWithin(durationText(locale, m.within)) : ''].filter(Boolean);
        return `<li>${multiline(m.text)}${detail.length ? ` <span class="small muted">(${esc(detail.join(locale === 'zh' ? '\uFF1B' : ', '))})</span>` : ''}</li>`;
    }).join('')}</ol>`;
}

export const REGISTER_CSS = `
table.register th { white-space: normal; }
table.register td:first-child { width: 2em; text-align: right; }
table.register td.empty { text-align: left; }
.trail { margin-top: 2px; }
table.register td.name { min-width: 6em; }
table.register td.power { min-width: 6.5em; }
table.register td.who { min-width: 5.5em; }
table.register td.grade-col { min-width: 6.5em; }
table.register td.text { min-width: 9em; }
table.register td.measures { min-width: 16em; }
@media print { @page { size: A4 landscape; } }
`;
