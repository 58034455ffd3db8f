import type { Aspect, Category, Level } from '../language/generated/ast.js';
import { columnLetter, findColumns, type Field, type MapOverride } from './columns.js';
import type { Sheet } from './sheet.js';
import { readAspect, readCategory, readCitations, readFlows, readGrade, readYesNo, type CitationText, type FlowText } from './values.js';

/**
 * The rows of a power catalog read as departments, powers and risk points.
 * A power may take several rows (one per risk point, or per measure): a row
 * whose power cell is empty, or repeats the power above it (a merged cell
 * reads the same on every row), continues that power; a row whose risk cell
 * repeats the risk above continues that risk. Whatever a row says that has no
 * place is an `ImportProblem` with its row, column and value — nothing is
 * dropped silently.
 */
export interface ImportedRisk {
    /** The 风险点 cell; undefined for a risk point known only by a count. */
    readonly text?: string;
    grade?: Level;
    aspect?: Aspect;
    readonly measures: string[];
    readonly row: number;
}

export interface ImportedPower {
    readonly name: string;
    readonly sheet: string;
    readonly row: number;
    code?: string;
    category?: Category;
    major: boolean;
    content?: string;
    responsible?: string;
    bases: CitationText[];
    flows: FlowText[];
    readonly risks: ImportedRisk[];
}

export interface ImportedDepartment {
    /** As written in the department column (or the sheet's name): the department's title. */
    readonly title: string;
    readonly powers: ImportedPower[];
    /** Department-level risk points: known only from a totals row's counts (Sunlight's own export). */
    readonly risks: ImportedRisk[];
}

export type ProblemReason =
    | 'unknown-column' | 'unknown-category' | 'unknown-grade' | 'unknown-aspect' | 'unknown-yes-no' | 'unknown-flows'
    | 'no-power' | 'conflict' | 'totals-row' | 'above-header' | 'count-mismatch' | 'repeated-power' | 'no-header';

export interface ImportProblem {
    readonly sheet: string;
    /** 1-based, as the spreadsheet shows it (0 for the sheet as a whole). */
    readonly row: number;
    /** The column's header, or its letter when it has none. */
    readonly column: string;
    readonly value: string;
    readonly reason: ProblemReason;
    /** The row the value conflicts with, for `conflict`. */
    readonly other?: number;
}

export interface ImportedCatalog {
    readonly departments: ImportedDepartment[];
    readonly problems: ImportProblem[];
}

/** A catalog from the sheets of one spreadsheet, in order; a power a later sheet repeats exactly is read once. */
export function readCatalog(sheets: readonly Sheet[], overrides: readonly MapOverride[], fallbackDepartment: string): ImportedCatalog {
    const departments: ImportedDepartment[] = [];
    const problems: ImportProblem[] = [];
    const unplaced: UnplacedRisks[] = [];
    let anyHeader = false;
    for (const sheet of sheets) {
        const columns = findColumns(sheet.rows, overrides);
        if (!columns) {
            if (sheet.rows.some(row => row.some(cell => cell.trim() !== ''))) problems.push({ sheet: sheet.name, row: 0, column: '', value: '', reason: 'no-header' });
            continue;
        }
        anyHeader = true;
        const sheetDepartments: ImportedDepartment[] = [];
        const fallback = /^(sheet|工作表)\s*\d*$/i.test(sheet.name.trim()) ? fallbackDepartment : sheet.name.trim();
        unplaced.push(...readSheet(sheet, columns.headerRow, columns.fields, columns.headers, fallback, sheetDepartments, problems));
        for (const department of sheetDepartments) mergeDepartment(departments, department, problems);
    }
    if (!anyHeader && problems.length === 0) problems.push({ sheet: sheets[0]?.name ?? '', row: 0, column: '', value: '', reason: 'no-header' });
    // A summary's department-level risk points are placed when each department's own sheet says whose they are.
    const placed = departments.reduce((n, d) => n + d.risks.length, 0);
    for (const totals of unplaced) if (totals.count > placed) problems.push(totals.problem);
    return { departments, problems };
}

/** Adds a sheet's department; a power already read with the same facts (a summary sheet and a department sheet) is not read twice. */
function mergeDepartment(into: ImportedDepartment[], department: ImportedDepartment, problems: ImportProblem[]): void {
    const existing = into.find(d => d.title === department.title);
    if (!existing) {
        into.push(department);
        return;
    }
    if (existing.risks.length === 0) existing.risks.push(...department.risks);
    for (const power of department.powers) {
        const same = existing.powers.find(p => p.name === power.name);
        if (!same) existing.powers.push(power);
        else if (!samePower(same, power)) {
            problems.push({ sheet: power.sheet, row: power.row, column: '', value: power.name, reason: 'repeated-power', other: same.row });
        }
    }
}

function samePower(a: ImportedPower, b: ImportedPower): boolean {
    const facts = (p: ImportedPower) => JSON.stringify([p.code, p.category, p.major, p.content, p.responsible, p.bases, p.flows,
        p.risks.map(r => [r.text, r.grade, r.aspect, r.measures])]);
    return facts(a) === facts(b);
}

const POWER_FIELDS: ReadonlySet<Field> = new Set(['code', 'category', 'major', 'content', 'responsible', 'basis', 'flows']);
const COUNT_FIELDS = { riskHigh: 'high', riskMedium: 'medium', riskLow: 'low', riskUngraded: 'ungraded' } as const;

/** Department-level risk points a totals row counts on a sheet of several departments: whose they are, another sheet may say. */
interface UnplacedRisks {
    readonly count: number;
    readonly problem: ImportProblem;
}

function readSheet(sheet: Sheet, headerRow: number, fields: ReadonlyArray<Field | undefined>, headers: readonly string[], fallback: string,
    departments: ImportedDepartment[], problems: ImportProblem[]): UnplacedRisks[] {
    const unplaced: UnplacedRisks[] = [];
    const columnName = (i: number) => headers[i]?.trim() || columnLetter(i);
    const report = (row: number, column: number, value: string, reason: ProblemReason, other?: number) => {
        problems.push({ sheet: sheet.name, row: row + 1, column: column < 0 ? '' : columnName(column), value, reason, other });
    };
    for (let r = 0; r < headerRow; r++) {
        const text = [...new Set(sheet.rows[r].map(c => c.trim()).filter(Boolean))].join(' ');
        if (text) report(r, -1, text, 'above-header');
    }
    const column = (field: Field) => fields.indexOf(field);
    const at = (field: Field, row: readonly string[]) => column(field) < 0 ? '' : clean(row[column(field)] ?? '');
    // A 序号 that is not a running number is the power's code when no column holds codes.
    const serialIsCode = column('code') < 0;
    /** The cell and row each power-level fact was first read from, to compare later rows with. */
    const facts = new Map<ImportedPower, Map<Field, { row: number; value: string }>>();
    let department: ImportedDepartment | undefined;
    let power: ImportedPower | undefined;
    let risk: ImportedRisk | undefined;
    for (let r = headerRow + 1; r < sheet.rows.length; r++) {
        const row = sheet.rows[r];
        if (row.every(cell => cell.trim() === '')) continue;
        const first = row.find(cell => cell.trim() !== '')?.trim() ?? '';
        if (/^(合计|总计|小计|total)/i.test(first.normalize('NFKC')) && at('power', row) === '') {
            const beyond = departmentLevelCounts(row);
            const count = beyond ? Object.values(beyond).reduce((a, b) => a + b, 0) : 0;
            if (!beyond) report(r, -1, first, 'totals-row');
            else if (count > 0 && departments.length === 1) {
                for (const [level, n] of Object.entries(beyond)) {
                    for (let i = 0; i < n; i++) departments[0].risks.push({ grade: level === 'ungraded' ? undefined : level as Level, measures: [], row: r + 1 });
                }
            } else if (count > 0) unplaced.push({ count, problem: { sheet: sheet.name, row: r + 1, column: '', value: first, reason: 'totals-row' } });
            continue;
        }
        const departmentTitle = at('department', row) || department?.title || fallback;
        if (department?.title !== departmentTitle) {
            department = departments.find(d => d.title === departmentTitle);
            if (!department) departments.push(department = { title: departmentTitle, powers: [], risks: [] });
            power = undefined;
            risk = undefined;
        }
        const name = at('power', row);
        if (name !== '' && name !== power?.name) {
            power = department.powers.find(p => p.name === name);
            if (!power) department.powers.push(power = { name, sheet: sheet.name, row: r + 1, major: false, bases: [], flows: [], risks: [] });
            risk = undefined;
        }
        if (!power) {
            row.forEach((cell, i) => {
                if (clean(cell) !== '' && fields[i] !== 'department' && fields[i] !== 'serial') report(r, i, clean(cell), 'no-power');
            });
            continue;
        }
        const current = power;
        const known = facts.get(current) ?? new Map<Field, { row: number; value: string }>();
        facts.set(current, known);
        fields.forEach((field, i) => {
            const value = clean(row[i] ?? '');
            if (value === '') return;
            if (field === undefined) return report(r, i, value, 'unknown-column');
            let key = field;
            if (field === 'serial') {
                if (/^\d+$/.test(value.normalize('NFKC'))) return; // a running number: the catalog numbers its rows itself
                if (!serialIsCode) return report(r, i, value, 'unknown-column');
                key = 'code';
            }
            if (!POWER_FIELDS.has(key)) return;
            const seen = known.get(key);
            if (seen) {
                if (seen.value !== value) report(r, i, value, 'conflict', seen.row);
                return;
            }
            if (!setPowerFact(current, key, value)) return report(r, i, value, key === 'category' ? 'unknown-category' : key === 'major' ? 'unknown-yes-no' : 'unknown-flows');
            known.set(key, { row: r + 1, value });
        });

        // Risk points: a new one when the risk cell says something new; grades, aspects and measures go to the current one.
        const riskText = at('risk', row);
        const grade = at('grade', row);
        const aspect = at('aspect', row);
        const measure = at('measure', row);
        if (riskText !== '' && riskText !== risk?.text) {
            current.risks.push(risk = { text: riskText, measures: [], row: r + 1 });
        } else if (!risk && (grade !== '' || measure !== '' || aspect !== '')) {
            current.risks.push(risk = { measures: [], row: r + 1 });
        }
        if (risk) {
            const target = risk;
            const setLevel = <K extends 'grade' | 'aspect'>(key: K, text: string, read: (text: string) => ImportedRisk[K] | undefined) => {
                if (text === '') return;
                const value = read(text);
                if (value === undefined) report(r, column(key), text, key === 'grade' ? 'unknown-grade' : 'unknown-aspect');
                else if (target[key] !== undefined && target[key] !== value) report(r, column(key), text, 'conflict', target.row);
                else target[key] = value;
            };
            setLevel('grade', grade, readGrade);
            setLevel('aspect', aspect, readAspect);
            for (const line of splitMeasures(measure)) if (!target.measures.includes(line)) target.measures.push(line);
        }

        // Sunlight's own catalog counts risk points by grade instead of listing them.
        for (const [field, level] of Object.entries(COUNT_FIELDS) as Array<[Field, Level | 'ungraded']>) {
            const value = at(field, row).normalize('NFKC');
            if (value === '') continue;
            const listed = current.risks.filter(x => x.text !== undefined && (x.grade ?? 'ungraded') === level).length;
            const counted = current.risks.filter(x => x.text === undefined && (x.grade ?? 'ungraded') === level).length;
            if (!/^\d+$/.test(value) || (listed > 0 && listed !== Number(value))) report(r, column(field), value, 'count-mismatch');
            else if (listed === 0) {
                for (let n = counted; n < Number(value); n++) current.risks.push({ grade: level === 'ungraded' ? undefined : level, measures: [], row: r + 1 });
            }
        }
        const total = at('riskTotal', row).normalize('NFKC');
        if (total !== '' && Number(total) !== current.risks.length) report(r, column('riskTotal'), total, 'count-mismatch');
    }
    return unplaced;

    /**
     * What a totals row counts beyond the powers' risk points: the
     * department-level ones, by grade. Undefined when the row has no counts,
     * or counts fewer than the rows above (then it is reported as it is).
     */
    function departmentLevelCounts(row: readonly string[]): Record<Level | 'ungraded', number> | undefined {
        const beyond = { high: 0, medium: 0, low: 0, ungraded: 0 };
        let any = false;
        for (const [field, level] of Object.entries(COUNT_FIELDS) as Array<[Field, Level | 'ungraded']>) {
            const value = at(field, row).normalize('NFKC');
            if (!/^\d+$/.test(value)) continue;
            any = true;
            const listed = departments.reduce((n, d) => n + d.powers.reduce((m, p) => m + p.risks.filter(x => (x.grade ?? 'ungraded') === level).length, 0), 0);
            if (Number(value) < listed) return undefined;
            beyond[level] = Number(value) - listed;
        }
        return any ? beyond : undefined;
    }
}

/** Line breaks inside a cell are layout (a `.sun` string is one line): they become spaces; ends trimmed. */
function clean(text: string): string {
    return text.replace(/\s*\r?\n\s*/g, ' ').trim();
}

/** One measure per numbered item (`1. …`, `(2) …`, `③ …`), as written; an unnumbered cell is one measure. */
function splitMeasures(text: string): string[] {
    if (text === '') return [];
    return text.split(/\s+(?=\d+[.、\uFF0E]|[(\uFF08]\d+[)\uFF09]|[①-⑳])/).map(s => s.trim()).filter(Boolean);
}

function setPowerFact(power: ImportedPower, key: Field, value: string): boolean {
    switch (key) {
        case 'code': power.code = value; return true;
        case 'content': power.content = value; return true;
        case 'responsible': power.responsible = value; return true;
        case 'basis': power.bases = readCitations(value); return true;
        case 'category': return (power.category = readCategory(value)) !== undefined;
        case 'major': {
            const major = readYesNo(value);
            power.major = major === true;
            return major !== undefined;
        }
        case 'flows': {
            const flows = readFlows(value);
            power.flows = flows ?? [];
            return flows !== undefined;
        }
        default: return false;
    }
}
