import type { Aspect, Category, FlowKind, Level, TimeUnit } from '../language/generated/ast.js';

/**
 * What a catalog's cells say, in the language's terms: categories, grades,
 * aspects, yes/no, flows with their limits, and the legal bases cited in the
 * usual `《中华人民共和国会计法》第九条、第十四条` form. Each reader returns
 * undefined for a value it does not understand (the caller reports it).
 * Cells are compared after NFKC, so full-width letters, digits and
 * punctuation read as their ordinary forms.
 */
export function plain(text: string): string {
    return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

const CATEGORIES: Record<string, Category> = {
    人: 'personnel', 人事: 'personnel', 人事类: 'personnel', 人员: 'personnel', personnel: 'personnel',
    财: 'finance', 财务: 'finance', 财务类: 'finance', 资金: 'finance', finance: 'finance',
    物: 'assets', 资产: 'assets', 资产类: 'assets', 物资: 'assets', 财物: 'assets', assets: 'assets',
    师生切身利益: 'student', 师生: 'student', 切身利益: 'student', 学生: 'student', student: 'student',
    'students’interests': 'student', "students'interests": 'student',
    其他: 'other', 其它: 'other', other: 'other'
};

export function readCategory(text: string): Category | undefined {
    return CATEGORIES[plain(text)];
}

const LEVELS: Record<string, Level> = {
    高: 'high', 高风险: 'high', 一级: 'high', high: 'high', h: 'high',
    中: 'medium', 中风险: 'medium', 二级: 'medium', medium: 'medium', m: 'medium',
    低: 'low', 低风险: 'low', 三级: 'low', low: 'low', l: 'low'
};

export function readGrade(text: string): Level | undefined {
    return LEVELS[plain(text).replace(/等级?$/, '')];
}

const ASPECTS: Record<string, Aspect> = {
    岗位职责: 'duty', 岗位: 'duty', 职责: 'duty', duty: 'duty', postduty: 'duty',
    业务流程: 'process', 流程: 'process', process: 'process', businessprocess: 'process',
    制度机制: 'mechanism', 制度: 'mechanism', 机制: 'mechanism', mechanism: 'mechanism'
};

export function readAspect(text: string): Aspect | undefined {
    return ASPECTS[plain(text).replace(/(方面|风险)$/, '')];
}

/** `是`, `√`, `yes` → true; `否`, `×`, `no` → false; anything else undefined. */
export function readYesNo(text: string): boolean | undefined {
    const value = plain(text);
    if (['是', '√', '✓', '✔', 'y', 'yes', 'true', '1', '是三重一大'].includes(value)) return true;
    if (['否', '×', '✗', 'n', 'no', 'false', '0', '无', '-'].includes(value)) return false;
    return undefined;
}

export interface FlowText {
    readonly kind: FlowKind;
    readonly limit?: { readonly value: number; readonly unit: TimeUnit };
}

const UNITS: Record<string, TimeUnit> = {
    个工作日: 'workdays', 工作日: 'workdays', workday: 'workdays', workdays: 'workdays',
    天: 'days', 日: 'days', 个自然日: 'days', 自然日: 'days', day: 'days', days: 'days',
    小时: 'hours', 个小时: 'hours', hour: 'hours', hours: 'hours'
};

/**
 * `内部流程图(时限 20 个工作日)、外部流程图` → two flows. Undefined when a part
 * names no kind of flow or an unknown unit.
 */
export function readFlows(text: string): FlowText[] | undefined {
    const flows: FlowText[] = [];
    const parts = text.normalize('NFKC').split(/[、;,\n]|(?<=\))\s*(?=\S)/).map(p => p.trim()).filter(Boolean);
    for (const part of parts) {
        const kind: FlowKind | undefined = /外部|对外|external/i.test(part) ? 'external' : /内部|对内|internal/i.test(part) ? 'internal' : undefined;
        if (!kind) return undefined;
        const limit = /(\d+)\s*([^\d\s)]+)\s*\)?\s*$/.exec(part.replace(/^[^(]*\(/, '').replace(/^(时限|limit)\s*/i, ''));
        if (/\d/.test(part)) {
            const unit = limit ? UNITS[limit[2].toLowerCase()] : undefined;
            if (!limit || !unit) return undefined;
            const value = Number(limit[1]);
            flows.push({ kind, limit: { value, unit: value === 1 ? singular(unit) : unit } });
        } else flows.push({ kind });
    }
    return flows.length > 0 ? flows : undefined;
}

function singular(unit: TimeUnit): TimeUnit {
    return unit.replace(/s$/, '') as TimeUnit;
}

export interface CitationText {
    /** The title as written inside 《》 (or the whole text when there are none). */
    readonly title: string;
    /** Article names, in order: 第九条, 第十四条. */
    readonly articles: readonly string[];
    /** Cited whole (no article), or `等` after the articles. */
    readonly whole: boolean;
}

const ARTICLE = /第[0-9一二三四五六七八九十百千零〇两]+条(?:之[一二三四五六七八九十]+)?/g;

/**
 * `《中华人民共和国会计法》第九条、第十四条;《学院财务报销管理办法》` →
 * two citations. Text outside 《》 that names no article is a title of its own
 * (`三定方案`), so nothing is lost.
 */
export function readCitations(text: string): CitationText[] {
    const citations: CitationText[] = [];
    const source = text.replace(/\r?\n/g, ';');
    const quoted = /《([^》]*)》([^《]*)/g;
    const before = source.split('《')[0];
    for (const loose of before.split(/[;\uFF1B,\uFF0C、]/).map(s => s.trim()).filter(Boolean)) citations.push({ title: loose, articles: [], whole: true });
    for (let match = quoted.exec(source); match; match = quoted.exec(source)) {
        const title = match[1].trim();
        const tail = match[2];
        // Text after the articles up to the next separator that is not an article is a loose title of its own.
        const [written, ...rest] = tail.split(/[;\uFF1B]/);
        const own = written.normalize('NFKC');
        const articles = [...own.matchAll(ARTICLE)].map(m => m[0]);
        if (title !== '') citations.push({ title, articles, whole: articles.length === 0 || /(等|etc\.?)\s*$/.test(own.trim()) });
        const leftover = own.replace(ARTICLE, '').replace(/etc\.?\s*$/, '').replace(/[、,\uFF0C和及与等\s]/g, '');
        if (leftover !== '') citations.push({ title: own.replace(ARTICLE, '').replace(/etc\.?\s*$/, '').replace(/^[、,\uFF0C和及与\s]+|[、,\uFF0C和及与等\s]+$/g, '').trim(), articles: [], whole: true });
        for (const loose of rest.join(';').split(/[;\uFF1B]/).map(s => s.trim()).filter(Boolean)) citations.push({ title: loose, articles: [], whole: true });
    }
    return citations.filter(c => c.title !== '');
}
