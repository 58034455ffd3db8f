import { formatDuration as wordDuration, ZH_TERMS, type Locale } from '../language/messages.js';
import type { DiagramDuration, DiagramModel, DiagramNode, Grade } from './diagram-model.js';

/** The words of the flowchart (node texts, title block, legend), in English and Chinese. */
const WORDS = {
    en: {
        start: 'Start', end: 'End', collective: 'collective', flowchart: 'Power operation flowchart',
        external: 'External flow', internal: 'Internal flow', noFlow: 'No flow',
        code: 'Code', category: 'Category', responsible: 'Responsible', limit: 'Limit', longest: 'Longest path',
        overLimit: 'over the limit', major: 'Major matter (三重一大)', otherRisks: 'Other risk points',
        legendStep: 'Step', legendDecision: 'Decision', legendTerminal: 'Start / end', legendCollective: 'Collective decision',
        legendLoop: 'Sent back', legendRisk: 'Risk points', grade: { high: 'high', medium: 'medium', low: 'low', none: 'ungraded' },
        lanesUnassigned: '(no party)', noFlowNote: 'This power has no flow yet.'
    },
    zh: {
        start: '开始', end: '结束', collective: '集体决策', flowchart: '权力运行流程图',
        external: '外部流程', internal: '内部流程', noFlow: '无流程',
        code: '编号', category: '类别', responsible: '责任主体', limit: '办理时限', longest: '最长路径',
        overLimit: '超过时限', major: '三重一大事项', otherRisks: '其他风险点',
        legendStep: '环节', legendDecision: '决策', legendTerminal: '开始/结束', legendCollective: '集体决策',
        legendLoop: '退回修改', legendRisk: '风险点', grade: { high: '高', medium: '中', low: '低', none: '未定级' },
        lanesUnassigned: '(未指定)', noFlowNote: '该职权尚无流程。'
    }
} as const;

export type Words = (typeof WORDS)['en'];

export function words(locale: Locale): Words {
    return WORDS[locale] as Words;
}

export function terminalLabel(kind: 'start' | 'end', locale: Locale): string {
    return words(locale)[kind];
}

/** `2个工作日` / `2 workdays`. */
export function formatDuration(duration: DiagramDuration, locale: Locale): string {
    return wordDuration(duration.value, duration.unit, locale, true);
}

/** The second line of a box: responsible party, deadline, collective mark. */
export function nodeDetail(node: DiagramNode, locale: Locale): string {
    const parts: string[] = [];
    if (node.responsible) parts.push(node.responsible.name);
    if (node.deadline) parts.push(formatDuration(node.deadline, locale));
    if (node.collective) parts.push(words(locale).collective);
    return parts.join(' · ');
}

export function gradeWord(grade: Grade | 'none' | undefined, locale: Locale): string {
    return words(locale).grade[grade ?? 'none'];
}

export function termWord(value: string | undefined, locale: Locale): string {
    if (!value) return '';
    return locale === 'zh' ? ZH_TERMS[value] ?? value : value;
}

/** The facts of the title block, one `label value` item each. */
export function titleFacts(model: DiagramModel, locale: Locale): Array<{ label: string; value: string; warn?: boolean }> {
    const w = words(locale);
    const t = model.title;
    const facts: Array<{ label: string; value: string; warn?: boolean }> = [];
    if (t.code) facts.push({ label: w.code, value: t.code });
    if (t.category) facts.push({ label: w.category, value: termWord(t.category, locale) });
    if (t.responsible) facts.push({ label: w.responsible, value: t.responsible });
    facts.push({ label: '', value: t.flowKind ? w[t.flowKind] : w.noFlow });
    if (t.limit) facts.push({ label: w.limit, value: formatDuration(t.limit, locale) });
    if (t.flowKind) {
        const total = { value: Number(t.longestPath.formatted), unit: t.longestPath.unit };
        const over = t.limit !== undefined && limitExceeded(t.longestPath.total, t.longestPath.unit, t.limit);
        facts.push({ label: w.longest, value: formatDuration(total, locale) + (over ? ` (${w.overLimit})` : ''), warn: over });
    }
    if (t.major) facts.push({ label: '', value: w.major });
    return facts;
}

/** Whether the total (already in the limit's base unit) exceeds the limit. */
function limitExceeded(total: number, unit: string, limit: DiagramDuration): boolean {
    const limitUnit = limit.unit.startsWith('workday') ? 'workday' : limit.unit.startsWith('hour') ? 'hour' : 'day';
    return limitUnit === unit && total > limit.value;
}
