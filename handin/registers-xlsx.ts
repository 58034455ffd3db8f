import type ExcelJS from 'exceljs';
import { durationText, labels, term } from './labels.js';
import type { DepartmentRegisters, RegisterRisk } from './register-data.js';
import type { Locale } from '../language/messages.js';
import { BODY_FONT, cellValue, HEADER_FILL, HEADER_FONT, headerFooterText, newWorkbook, sheetNames, THIN, workbookBytes, xmlText } from './xlsx.js';

/**
 * One department's registers as an Excel workbook: the department form on the
 * first sheet, then one sheet per staff member. Each sheet is a form: title,
 * who, the risk points (header frozen), then the lines to sign. A missing
 * signature, review or approval is an empty cell with a bottom border.
 */
export async function registersXlsx(registers: DepartmentRegisters, locale: Locale): Promise<Buffer> {
    const l = labels(locale);
    const workbook = newWorkbook();
    const names = sheetNames([l.departmentSheet, ...registers.individuals.map(i => i.staff)]);
    const form = registers.department;

    const columnsDept = [l.risk, l.powerAndStep, l.aspect, l.description, l.probability, l.harm, l.cause, l.grade, l.owner, l.foundBy, l.measures];
    const widthsDept = [16, 18, 10, 36, 8, 8, 28, 12, 10, 14, 44];
    addFormSheet(workbook, names[0], {
        title: `${registers.title} ${l.departmentForm}`,
        facts: [[l.department, registers.title], [l.leaderInCharge, registers.leader ?? '']],
        note: form.handedIn ? undefined : l.noDepartmentRegister,
        headers: columnsDept,
        widths: widthsDept,
        rows: form.risks.map(risk => [
            risk.name, powerText(risk), term(locale, risk.aspect), risk.description ?? '', term(locale, risk.probability), term(locale, risk.harm),
            risk.cause ?? '', gradeText(risk, locale), risk.owner ?? '', [risk.foundBy, term(locale, risk.foundMethod)].filter(Boolean).join(' · '),
            measuresText(risk, locale)
        ]),
        signatures: [
            [`${l.collectiveReview} · ${l.reviewDate}`, form.reviewed],
            [l.reviewHow, form.reviewedHow],
            [l.departmentHead, undefined],
            [l.approvedBy, form.approvedBy ? form.approvedBy + (form.approvedByLeader ? '' : l.notApprovedByLeader(registers.leader ?? '?')) : undefined],
            [l.approvedOn, form.approvedOn],
            [l.approverSignature, undefined]
        ]
    });

    registers.individuals.forEach((individual, i) => {
        addFormSheet(workbook, names[i + 1], {
            title: `${l.individualForm}`,
            facts: [[l.department, registers.title], [l.name, individual.staff], [l.post, individual.post ?? ''], [l.postDuty, individual.postDuty ?? '']],
            note: individual.handedIn ? undefined : l.noRegister,
            headers: [l.risk, l.powerAndStep, l.aspect, l.description, l.probability, l.harm, l.cause, l.grade, l.measures],
            widths: [16, 18, 10, 36, 8, 8, 28, 12, 44],
            rows: [
                ...individual.risks.map(risk => [
                    risk.name, powerText(risk), term(locale, risk.aspect), risk.description ?? '', term(locale, risk.probability), term(locale, risk.harm),
                    risk.cause ?? '', gradeText(risk, locale), measuresText(risk, locale)
                ]),
                ...individual.unresolved.map(name => [l.unresolvedRisk(name)])
            ],
            signatures: [
                [l.signature, individual.signed ? l.signedMark : undefined],
                [l.date, individual.signed]
            ]
        });
    });
    return workbookBytes(workbook);
}

interface FormSheet {
    readonly title: string;
    readonly facts: ReadonlyArray<readonly [string, string]>;
    readonly note?: string;
    readonly headers: readonly string[];
    readonly widths: readonly number[];
    readonly rows: ReadonlyArray<readonly string[]>;
    /** Label and value; an undefined value is a blank line to fill in by hand. */
    readonly signatures: ReadonlyArray<readonly [string, string | undefined]>;
}

function addFormSheet(workbook: ExcelJS.Workbook, name: string, form: FormSheet): void {
    const columns = form.headers.length;
    const sheet = workbook.addWorksheet(name, {
        pageSetup: {
            paperSize: 9 as ExcelJS.PaperSize, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0,
            margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 }
        },
        headerFooter: { oddFooter: `&L${headerFooterText(name)}&R&P / &N` }
    });
    sheet.columns = form.widths.map(width => ({ width: width === 9 ? 9.5 : width }));

    const title = sheet.addRow([xmlText(form.title)]);
    sheet.mergeCells(title.number, 1, title.number, columns);
    title.getCell(1).font = { ...BODY_FONT, size: 16, bold: true };
    title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
    title.height = 30;

    for (const [label, value] of form.facts) {
        const row = sheet.addRow([xmlText(label), cellValue(value)]);
        sheet.mergeCells(row.number, 2, row.number, columns);
        row.getCell(1).font = { ...BODY_FONT, bold: true };
        row.getCell(2).font = BODY_FONT;
        row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    }
    if (form.note) {
        const row = sheet.addRow([xmlText(form.note)]);
        sheet.mergeCells(row.number, 1, row.number, columns);
        row.getCell(1).font = { ...BODY_FONT, bold: true, color: { argb: 'FFC62828' } };
    }

    const header = sheet.addRow(form.headers.map(xmlText));
    header.height = 28;
    header.eachCell(cell => {
        cell.fill = HEADER_FILL;
        cell.font = HEADER_FONT;
        cell.border = THIN;
        cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    });
    sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: header.number, activeCell: `A${header.number + 1}` }];
    sheet.pageSetup.printTitlesRow = `${header.number}:${header.number}`;

    for (const values of form.rows) {
        const row = sheet.addRow(values.map(cellValue));
        for (let c = 1; c <= columns; c++) {
            const cell = row.getCell(c);
            cell.font = BODY_FONT;
            cell.border = THIN;
            cell.alignment = { vertical: 'top', wrapText: true };
        }
    }
    sheet.addRow([]);
    for (const [label, value] of form.signatures) {
        const row = sheet.addRow([xmlText(label), cellValue(value)]);
        row.height = 24;
        row.getCell(1).font = { ...BODY_FONT, bold: true };
        row.getCell(1).alignment = { vertical: 'bottom' };
        sheet.mergeCells(row.number, 2, row.number, Math.min(4, columns));
        const line = row.getCell(2);
        line.font = BODY_FONT;
        line.alignment = { vertical: 'bottom' };
        // The line to sign on (or the value given, on the same line).
        line.border = { bottom: { style: 'thin', color: { argb: 'FF000000' } } };
    }
}

function powerText(risk: RegisterRisk): string {
    return [risk.power, risk.step].filter(Boolean).join(' / ');
}

function gradeText(risk: RegisterRisk, locale: Locale): string {
    const l = labels(locale);
    const grade = term(locale, risk.effectiveGrade);
    const trail: string[] = [];
    if (risk.proposed) trail.push(`${l.proposedGrade} ${term(locale, risk.proposed)}`);
    if (risk.proposed || risk.final) trail.push(`${l.departmentGrade} ${term(locale, risk.grade) || '—'}`);
    if (risk.final) trail.push(`${l.finalGrade} ${term(locale, risk.final)}`);
    return trail.length ? `${grade}\n(${trail.join(' → ')})` : grade;
}

function measuresText(risk: RegisterRisk, locale: Locale): string {
    const l = labels(locale);
    return risk.measures.map((m, i) => {
        const detail = [m.by ? l.measureBy(m.by) : '', m.within ? l.measureWithin(durationText(locale, m.within)) : ''].filter(Boolean);
        return `${i + 1}. ${m.text}${detail.length ? `(${detail.join(locale === 'zh' ? '\uFF1B' : ', ')})` : ''}`;
    }).join('\n');
}
