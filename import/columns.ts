/**
 * Which column of a power catalog holds what: header names matched loosely,
 * in Chinese and English (full-width characters, spaces, brackets and
 * asterisks do not matter), with `--map column=field` to override, and the
 * header row found among the first rows (a title row often comes first).
 */
export const FIELDS = [
    'department', 'serial', 'code', 'power', 'category', 'major', 'content', 'responsible', 'basis', 'flows',
    'risk', 'aspect', 'grade', 'measure',
    'riskHigh', 'riskMedium', 'riskLow', 'riskUngraded', 'riskTotal',
    'ignore'
] as const;

export type Field = typeof FIELDS[number];

/** Header names of each field, normalized (see `normalizeHeader`); the first alias is the one docs show. */
const ALIASES: Record<Exclude<Field, 'ignore' | `risk${'High' | 'Medium' | 'Low' | 'Ungraded' | 'Total'}`>, readonly string[]> = {
    department: ['部门', '单位', '部门单位', '处室', '科室', '部门名称', '单位名称', '所属部门', 'department', 'unit', 'dept'],
    serial: ['序号', '序', 'no', 'no.', '#', 'serial'],
    code: ['编号', '职权编号', '职权编码', '编码', '代码', '事项编码', 'code', 'number', 'id'],
    power: ['职权名称', '职权', '职权事项', '职权项目', '事项名称', '权力名称', '权力事项', '职权事项名称', 'power', 'powername', 'name'],
    category: ['职权类别', '类别', '职权类型', '类型', '权力类别', '分类', 'category', 'type'],
    major: ['三重一大', '是否三重一大', '三重一大事项', 'major', 'majormatter'],
    content: ['职权内容', '内容', '具体内容', '职责内容', '权力内容', '职权描述', 'content', 'description'],
    responsible: ['责任主体', '责任岗位', '责任主体责任岗位', '责任人', '承办岗位', '行使主体', '责任科室', 'responsible', 'responsibleparty'],
    basis: ['政策依据', '法律依据', '依据', '设定依据', '法律法规依据', '政策法规依据', '职权依据', 'basis', 'legalbasis', 'bases'],
    flows: ['流程图', '流程', '运行流程', '权力运行流程图', 'flows', 'flowchart', 'flowcharts'],
    risk: ['风险点', '廉政风险点', '风险点描述', '主要风险点', '风险内容', '风险描述', 'risk', 'riskpoint', 'riskpoints'],
    aspect: ['风险类型', '风险类别', '风险方面', '查找方面', 'aspect'],
    grade: ['风险等级', '等级', '风险级别', '级别', 'grade', 'riskgrade', 'level'],
    measure: ['防控措施', '措施', '风险防控措施', '预防措施', '防范措施', 'measure', 'measures', 'controlmeasures']
};

/** Sunlight's own catalog export counts risk points by grade: `风险点·高`, `Risk points: High`. */
const COUNT_HEADER = /^(?:风险点|riskpoints?)[·:]?(高|中|低|未定级|合计|high|medium|low|ungraded|total)$/;
const COUNT_FIELD: Record<string, Field> = {
    高: 'riskHigh', 中: 'riskMedium', 低: 'riskLow', 未定级: 'riskUngraded', 合计: 'riskTotal',
    high: 'riskHigh', medium: 'riskMedium', low: 'riskLow', ungraded: 'riskUngraded', total: 'riskTotal'
};

/** Full-width to half-width (NFKC), lower case, without spaces, `*`, `/`, `、` and bracketed remarks. */
export function normalizeHeader(text: string, keepBrackets = false): string {
    let result = text.normalize('NFKC').toLowerCase().replace(/[\s*_\-/、]+/g, '');
    if (!keepBrackets) result = result.replace(/[([〔【][^)\]〕】]*[)\]〕】]/g, '');
    return result.replace(/[:;,]+$/, '');
}

/** The field a header names, or undefined. */
export function fieldOfHeader(header: string): Field | undefined {
    const counted = COUNT_HEADER.exec(normalizeHeader(header));
    if (counted) return COUNT_FIELD[counted[1]];
    for (const candidate of [normalizeHeader(header), normalizeHeader(header, true)]) {
        if (candidate === '') continue;
        for (const [field, aliases] of Object.entries(ALIASES)) if (aliases.includes(candidate)) return field as Field;
    }
    // `部门/单位`, `责任主体(岗位)`: each part on its own.
    for (const part of header.normalize('NFKC').split(/[/、|]/)) {
        const candidate = normalizeHeader(part);
        for (const [field, aliases] of Object.entries(ALIASES)) if (candidate !== '' && aliases.includes(candidate)) return field as Field;
    }
    // `主要廉政风险点描述`: the longest Chinese alias the header contains.
    const normalized = normalizeHeader(header);
    let best: { field: Field; length: number } | undefined;
    for (const [field, aliases] of Object.entries(ALIASES)) {
        for (const alias of aliases) {
            if (alias.length >= 2 && /\p{Script=Han}/u.test(alias) && normalized.includes(alias) && alias.length > (best?.length ?? 0)) {
                best = { field: field as Field, length: alias.length };
            }
        }
    }
    return best?.field;
}

export interface ColumnMap {
    /** The header row, 0-based. */
    readonly headerRow: number;
    /** Field of each column (undefined: not recognized, its cells are reported). */
    readonly fields: ReadonlyArray<Field | undefined>;
    readonly headers: readonly string[];
}

export interface MapOverride {
    /** A header text, or a column letter (A, B, … AA). */
    readonly column: string;
    readonly field: Field;
}

/** `责任岗位=responsible` → an override; undefined when the field is not one of FIELDS. */
export function parseMapOption(text: string): MapOverride | undefined {
    const at = text.lastIndexOf('=');
    if (at <= 0) return undefined;
    const field = text.slice(at + 1).trim() as Field;
    return FIELDS.includes(field) ? { column: text.slice(0, at).trim(), field } : undefined;
}

/** Column letters: A → 0, Z → 25, AA → 26. */
export function columnIndex(letters: string): number | undefined {
    if (!/^[A-Z]{1,3}$/.test(letters)) return undefined;
    return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

export function columnLetter(index: number): string {
    let result = '';
    for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) result = String.fromCharCode(65 + (n - 1) % 26) + result;
    return result;
}

/**
 * The header row: the first of the first 20 rows naming a power column and
 * at least one other field (a merged title row repeats one text across its
 * cells and so names at most one). Undefined when there is none.
 */
export function findColumns(rows: ReadonlyArray<readonly string[]>, overrides: readonly MapOverride[]): ColumnMap | undefined {
    for (let r = 0; r < Math.min(rows.length, 20); r++) {
        const headers = rows[r].map(cell => cell.trim());
        const fields = assignFields(headers, overrides);
        const named = new Set(fields.filter((f): f is Field => f !== undefined && f !== 'ignore'));
        if (named.has('power') && named.size >= 2) return { headerRow: r, fields, headers };
    }
    return undefined;
}

function assignFields(headers: readonly string[], overrides: readonly MapOverride[]): Array<Field | undefined> {
    const fields: Array<Field | undefined> = headers.map(() => undefined);
    const fixed = new Set<number>();
    for (const override of overrides) {
        let index = headers.findIndex(h => h === override.column || normalizeHeader(h, true) === normalizeHeader(override.column, true));
        if (index < 0) index = columnIndex(override.column) ?? -1;
        if (index >= 0) {
            if (index >= fields.length) fields.length = index + 1;
            fields[index] = override.field;
            fixed.add(index);
        }
    }
    // Each field from one column: the first that names it (a second is reported, not merged).
    const taken = new Set<Field>(fields.filter((f): f is Field => f !== undefined && f !== 'ignore'));
    headers.forEach((header, i) => {
        if (fixed.has(i) || header === '') return;
        const field = fieldOfHeader(header);
        if (field && !taken.has(field)) {
            fields[i] = field;
            taken.add(field);
        }
    });
    return fields;
}
