import type { BasisKind } from '../language/generated/ast.js';
import type { Locale } from '../language/messages.js';
import { uniqueFileNames } from '../flowchart/file-names.js';
import type { ImportedCatalog, ImportedDepartment, ImportedPower, ImportedRisk } from './catalog-rows.js';
import type { CitationText } from './values.js';

/**
 * An imported catalog as `.sun` text: one file per department (numbered in
 * the spreadsheet's order, so that the exported catalog lists the
 * departments as the spreadsheet did) and `bases.sun` with every law and rule
 * cited. Only what the catalog says is written; what it does not say (a
 * department's leader, the flows' steps, the risks' owners, the registers)
 * is left for `sunlight check` to list. The text is formatted afterwards
 * (import/import-catalog.ts), so the layout here only needs to parse.
 */
export interface SunFile {
    /** Relative to the output folder, `/`-separated. */
    readonly path: string;
    readonly text: string;
}

export interface Renamed {
    /** What the spreadsheet says. */
    readonly text: string;
    /** The name it has in the files (a name cannot hold every character a cell can). */
    readonly name: string;
    /** Only names the catalog shows (departments and bases keep their text as their title). */
    readonly what: 'power' | 'post';
}

export interface WriteOptions {
    /** Language of the comments written into the files. */
    readonly locale: Locale;
    /** The spreadsheet's file name, for the comments. */
    readonly source: string;
    /** The language's keywords (a name cannot be one). */
    readonly keywords: ReadonlySet<string>;
}

const NAME = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}]*$/u;

/** A string literal: `"` and `\` escaped (a cell's line breaks were already made spaces). */
export function quote(text: string): string {
    return `"${text.replace(/[\r\n]+/g, ' ').replace(/[\\"]/g, ch => `\\${ch}`)}"`;
}

/** Allocates names in one scope: the text itself when it is a name, else a name made from it; unique by a suffix. */
class Names {
    private readonly taken = new Set<string>();
    constructor(private readonly keywords: ReadonlySet<string>, reserved: Iterable<string> = []) {
        for (const name of reserved) this.taken.add(name);
    }

    take(text: string, fallback: string, numbered = false): string {
        const base = identifier(text, this.keywords) || fallback;
        if (!numbered && !this.taken.has(base)) {
            this.taken.add(base);
            return base;
        }
        for (let n = numbered ? 1 : 2; ; n++) {
            const candidate = `${base}${numbered ? '' : '_'}${n}`;
            if (!this.taken.has(candidate)) {
                this.taken.add(candidate);
                return candidate;
            }
        }
    }
}

/** The text as a name: punctuation and spaces become `_` (quotes and list marks vanish), never a leading digit or a keyword. */
export function identifier(text: string, keywords: ReadonlySet<string>): string {
    let name = text.trim().replace(/[“”"'‘’《》「」『』]/g, '').replace(/[^\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}]+/gu, '_').replace(/^_+|_+$/g, '');
    if (name === '') return '';
    if (!NAME.test(name)) name = `_${name}`;
    return keywords.has(name) ? `${name}_` : name;
}

/** Brackets, ASCII and full-width: ( ) （ ） [ ] 【 】 〔 〕. */
const INNERMOST_BRACKETS = /[(\uFF08[\u3010\u3014][^()\uFF08\uFF09[\]\u3010\u3011\u3014\u3015]*[)\uFF09\]\u3011\u3015]/g;

/** The text without its bracketed remarks, nested ones included: `高等学校财务制度(财文字〔1997〕280号)` → 高等学校财务制度. */
export function withoutRemarks(text: string): string {
    let result = text;
    for (let before = ''; before !== result;) {
        before = result;
        result = result.replace(INNERMOST_BRACKETS, '');
    }
    return result.trim();
}

/** A department's name from its title: without bracketed remarks (`人事处(教师工作部)` → 人事处). */
function departmentName(title: string): string {
    return withoutRemarks(title).normalize('NFKC') || title;
}

/** A basis' name from its title: `中华人民共和国会计法(1999年修订)` → 会计法. */
function basisName(title: string): string {
    return withoutRemarks(title).normalize('NFKC').replace(/^中华人民共和国/, '').replace(/[、,\uFF0C·]/g, '') || title;
}

/** The kind of a basis, guessed from its title (the catalog does not say; bases.sun says so in a comment). */
export function basisKind(title: string): BasisKind {
    const short = withoutRemarks(title);
    if (/^(学院|学校|本院|本校|我院|我校|院|校)/.test(short)) return 'internal';
    if (/法$/.test(short)) return 'law';
    if (/条例|令第|部令|院令/.test(title)) return 'regulation';
    return 'policy';
}

const COMMENTS = {
    en: {
        department: (source: string) => `// Imported from ${source} by \`sunlight import catalog\`; run \`sunlight check\` for what the catalog does not say.`,
        posts: '// The responsible parties the catalog names; their duties are not in it.',
        counted: '// The catalog only counts this risk point: describe it.',
        bases: (source: string) => `// The bases cited in ${source}. Kinds are guessed from the titles, and the articles' texts are not in the catalog: check and complete them.`
    },
    zh: {
        department: (source: string) => `// 由 sunlight import catalog 从 ${source} 导入;运行 sunlight check 查看目录中没有写明的内容。`,
        posts: '// 目录中的责任主体;其岗位职责目录中没有写明。',
        counted: '// 目录中只有这个风险点的数目:请补充名称、描述和防控措施。',
        bases: (source: string) => `// ${source} 引用的政策依据。类别按名称推断,条文内容目录中没有写明:请核对并补充。`
    }
} as const;

export interface WrittenCatalog {
    readonly files: readonly SunFile[];
    readonly renamed: readonly Renamed[];
}

export function writeCatalog(catalog: ImportedCatalog, options: WriteOptions): WrittenCatalog {
    const renamed: Renamed[] = [];
    const note = (text: string, name: string, what: Renamed['what']) => {
        if (text !== name && !renamed.some(r => r.text === text && r.what === what)) renamed.push({ text, name, what });
    };
    const comments = COMMENTS[options.locale];

    // Bases: one per distinct title, in order of first citation; articles in order of first citation.
    const basisNames = new Names(options.keywords);
    const bases = new Map<string, { name: string; articles: string[] }>();
    for (const citation of catalog.departments.flatMap(d => d.powers.flatMap(p => p.bases))) {
        let basis = bases.get(citation.title);
        if (!basis) {
            bases.set(citation.title, basis = { name: basisNames.take(basisName(citation.title), '依据'), articles: [] });
        }
        for (const article of citation.articles) if (!basis.articles.includes(article)) basis.articles.push(article);
    }

    const departmentNames = new Names(options.keywords, [...bases.values()].map(b => b.name));
    const departments = catalog.departments.map(department => {
        const name = departmentNames.take(departmentName(department.title), '部门');
        return { department, name };
    });
    const files = uniqueFileNames(departments.map(d => d.name), '.sun');
    const width = Math.max(2, String(departments.length).length);
    const result: SunFile[] = departments.map(({ department, name }, i) => ({
        path: `departments/${String(i + 1).padStart(width, '0')}-${files[i]}`,
        text: departmentText(department, name, departments.map(d => d.name), bases, options, note)
    }));
    if (bases.size > 0) {
        const lines = [comments.bases(options.source), ''];
        for (const [title, basis] of bases) {
            const header = `basis ${basis.name} ${basisKind(title)} ${quote(title)}`;
            lines.push(basis.articles.length === 0 ? header : `${header} {\n${basis.articles.map(a => `article ${a} ""`).join('\n')}\n}`);
        }
        result.push({ path: 'bases.sun', text: lines.join('\n') + '\n' });
    }
    return { files: result, renamed };
}

function departmentText(department: ImportedDepartment, name: string, departmentNames: readonly string[],
    bases: ReadonlyMap<string, { name: string }>, options: WriteOptions, note: (text: string, name: string, what: Renamed['what']) => void): string {
    const comments = COMMENTS[options.locale];
    const names = new Names(options.keywords, [name]);
    const powers = department.powers.map(power => {
        const powerName = names.take(power.name, '职权');
        note(power.name, powerName, 'power');
        return { power, name: powerName };
    });
    // The responsible parties: the department itself, or a post of it (one per distinct text).
    const posts = new Map<string, string>();
    for (const { power } of powers) {
        const text = power.responsible;
        if (text === undefined || text === department.title || text === name || departmentNames.includes(text) || posts.has(text)) continue;
        const post = names.take(text, '岗位');
        note(text, post, 'post');
        posts.set(text, post);
    }
    const lines = [comments.department(options.source), '', `department ${name} ${quote(department.title)} {`];
    if (posts.size > 0) {
        lines.push(comments.posts);
        for (const post of posts.values()) lines.push(`post ${post} ""`);
    }
    const width = Math.max(2, String(powers.length).length);
    for (const [index, { power, name: powerName }] of powers.entries()) {
        // The number the catalog gives a power without a code (`财务处-01`) is not a code of the power.
        const generated = `${name}-${String(index + 1).padStart(width, '0')}`;
        const code = power.code === generated ? undefined : power.code;
        lines.push('', `power ${powerName} {`, ...powerLines({ ...power, code }, name, departmentNames, posts, bases));
        for (const risk of power.risks) lines.push(...riskLines(risk, names, comments.counted));
        lines.push('}');
    }
    for (const risk of department.risks) lines.push(...riskLines(risk, names, comments.counted));
    lines.push('}');
    return lines.join('\n') + '\n';
}

function powerLines(power: ImportedPower, department: string, departmentNames: readonly string[], posts: ReadonlyMap<string, string>,
    bases: ReadonlyMap<string, { name: string }>): string[] {
    const lines: string[] = [];
    if (power.code !== undefined) lines.push(`code ${quote(power.code)}`);
    if (power.category) lines.push(`category ${power.category}`);
    if (power.major) lines.push('major');
    if (power.content !== undefined) lines.push(`content ${quote(power.content)}`);
    if (power.responsible !== undefined) {
        const party = posts.get(power.responsible) ?? (departmentNames.includes(power.responsible) ? power.responsible : department);
        lines.push(`responsible ${party}`);
    }
    const cited = power.bases.flatMap((citation: CitationText) => {
        const basis = bases.get(citation.title)!.name;
        return [...citation.articles.map(article => `${basis}.${article}`), ...(citation.whole ? [basis] : [])];
    });
    if (cited.length > 0) lines.push(`basis ${[...new Set(cited)].join(', ')}`);
    for (const flow of power.flows) {
        lines.push('', `flow ${flow.kind}${flow.limit ? ` limit ${flow.limit.value} ${flow.limit.unit}` : ''} {`, '}');
    }
    return lines;
}

function riskLines(risk: ImportedRisk, names: Names, counted: string): string[] {
    const text = risk.text;
    const name = text === undefined ? names.take('风险点', '风险点', true) : names.take(riskNameOf(text), '风险点');
    const lines = text === undefined ? ['', counted] : [''];
    lines.push(`risk ${name} {`);
    if (text !== undefined && text !== name) lines.push(`description ${quote(text)}`);
    if (risk.aspect) lines.push(`aspect ${risk.aspect}`);
    if (risk.grade) lines.push(`grade ${risk.grade}`);
    for (const measure of risk.measures) lines.push(`measure ${quote(measure)}`);
    lines.push('}');
    return lines;
}

/** A short name for a risk point: its text up to the first punctuation, at most 12 characters. */
function riskNameOf(text: string): string {
    const head = text.normalize('NFKC').split(/[,。;、:!?(\s]/)[0];
    return [...head].slice(0, 12).join('');
}
