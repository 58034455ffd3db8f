import type { Locale } from '../language/messages.js';
import type { ImportProblem, ProblemReason } from './catalog-rows.js';
import type { Renamed } from './write-sun.js';

/** What `sunlight import catalog` says about the cells it could not map, in English and Chinese. */
const REASONS: Record<ProblemReason, { en: string; zh: string }> = {
    'unknown-column': { en: 'no field of the catalog has this column (name it with --map COLUMN=FIELD, or --map COLUMN=ignore)', zh: '目录中没有与此列对应的字段(可用 --map 列名=字段 指定,或 --map 列名=ignore 忽略)' },
    'unknown-category': { en: 'not a category (人事, 财务, 资产, 师生切身利益, 其他)', zh: '不是职权类别(人事、财务、资产、师生切身利益、其他)' },
    'unknown-grade': { en: 'not a grade (高, 中, 低)', zh: '不是风险等级(高、中、低)' },
    'unknown-aspect': { en: 'not an aspect (岗位职责, 业务流程, 制度机制)', zh: '不是风险类型(岗位职责、业务流程、制度机制)' },
    'unknown-yes-no': { en: 'neither yes (是) nor no (否)', zh: '既不是“是”也不是“否”' },
    'unknown-flows': { en: 'names no kind of flowchart (内部流程图, 外部流程图) with an optional limit (时限 N 个工作日)', zh: '没有写明流程图类别(内部流程图、外部流程图)及时限(时限 N 个工作日)' },
    'no-power': { en: 'the row belongs to no power (no power name on it or above it)', zh: '该行不属于任何职权(本行及上方都没有职权名称)' },
    'conflict': { en: 'differs from what an earlier row of the same power says; the earlier value is kept', zh: '与同一职权前面一行的内容不同,保留前面的内容' },
    'totals-row': { en: 'a totals row: its department-level risk points are not imported, the catalog does not say whose they are', zh: '合计行:其中部门层面的风险点未导入,目录中没有写明属于哪个部门' },
    'above-header': { en: 'above the header row: not imported', zh: '位于表头之上,未导入' },
    'count-mismatch': { en: 'does not match the risk points listed for this power', zh: '与该职权列出的风险点数目不符' },
    'repeated-power': { en: 'repeats a power read before, with different content; the first is kept', zh: '与前面读到的同名职权内容不同,保留前面的' },
    'no-header': { en: 'no header row naming a power column (职权名称) was found in the first 20 rows', zh: '前 20 行中没有找到含“职权名称”列的表头' }
};

export function problemReason(locale: Locale, reason: ProblemReason): string {
    return REASONS[reason][locale];
}

/** `catalog.xlsx, sheet 汇总, row 12, 职权类别 "人财": not a category …` */
export function problemLine(locale: Locale, file: string, problem: ImportProblem, sheets: number): string {
    const zh = locale === 'zh';
    const where = [file];
    if (sheets > 1) where.push(zh ? `工作表“${problem.sheet}”` : `sheet ${problem.sheet}`);
    if (problem.row > 0) where.push(zh ? `第 ${problem.row} 行` : `row ${problem.row}`);
    if (problem.column !== '') where.push(problem.column);
    const value = problem.value === '' ? '' : ` ${JSON.stringify(problem.value)}`;
    const other = problem.other === undefined ? '' : zh ? `(第 ${problem.other} 行)` : ` (row ${problem.other})`;
    return `${where.join(zh ? ',' : ', ')}${value}: ${problemReason(locale, problem.reason)}${other}`;
}

const WHAT: Record<Renamed['what'], { en: string; zh: string }> = {
    power: { en: 'power', zh: '职权' }, post: { en: 'post', zh: '岗位' }
};

/** `power "招生(普通类)" is named 招生_普通类` — a name holds letters, digits and _ only. */
export function renamedLine(locale: Locale, renamed: Renamed): string {
    return locale === 'zh'
        ? `${WHAT[renamed.what].zh}“${renamed.text}”的名称为 ${renamed.name}`
        : `${WHAT[renamed.what].en} ${JSON.stringify(renamed.text)} is named ${renamed.name}`;
}
