import { formatAmount } from '../language/flow-graph.js';
import { formatDuration, ZH_TERMS, type Locale } from '../language/messages.js';
import type { Change, DiffValue, FlowIdentity, PowerIdentity } from './catalog-diff.js';
import type { DurationValue } from './catalog-snapshot.js';

/**
 * Every word `sunlight diff` prints, in English and Chinese: one line per
 * change, and the headings it is grouped under. `quote` wraps text taken from
 * the files (a name, a content) so that each format can escape it.
 */
export type Quote = (text: string) => string;

type Words = (en: string, zh: string) => string;

const PROPERTY: Record<string, { en: string; zh: string }> = {
    title: { en: 'title', zh: '名称' },
    leader: { en: 'leader in charge', zh: '分管院领导' },
    category: { en: 'category', zh: '职权类别' },
    major: { en: 'major matter (三重一大)', zh: '“三重一大”事项' },
    content: { en: 'content', zh: '职权内容' },
    responsible: { en: 'responsible', zh: '责任主体' },
    type: { en: 'kind', zh: '类型' },
    by: { en: 'by', zh: '责任主体' },
    collective: { en: 'collective decision', zh: '集体决策' },
    to: { en: 'goes to', zh: '流向' },
    within: { en: 'deadline', zh: '办理时限' },
    description: { en: 'description', zh: '风险描述' },
    aspect: { en: 'aspect', zh: '风险类别' },
    owner: { en: 'owner', zh: '责任人' },
    at: { en: 'at step', zh: '所在环节' }
};

export function powerHeading(locale: Locale, power: PowerIdentity, quote: Quote): string {
    const w = words(locale);
    return `${w('power', '职权')} ${power.code ? `${quote(power.code)} ` : ''}${quote(power.name)}`;
}

export function departmentHeading(locale: Locale, department: string, quote: Quote): string {
    return `${words(locale)('department', '部门')} ${quote(department)}`;
}

export function departmentRisksHeading(locale: Locale): string {
    return words(locale)('department-level risks', '部门层面风险点');
}

export function registersHeading(locale: Locale): string {
    return words(locale)('registers', '登记表');
}

/** `external flow (longest path 7 → 6 workdays; limit 7 workdays → 5 workdays)`. */
export function flowHeading(locale: Locale, flow: FlowIdentity): string {
    const w = words(locale);
    const name = `${flowName(locale, flow.kind)}${flow.index > 0 ? ` #${flow.index + 1}` : ''}`;
    const { old, new: now, unit } = flow.totals;
    const total = (t: { total: number } | undefined) => t === undefined ? '—' : formatAmount(t.total);
    const limit = (t: { limit?: DurationValue } | undefined) => t?.limit ? duration(locale, t.limit) : w('none', '无');
    const parts = [`${w('longest path', '最长路径用时')} ${total(old)} → ${formatDuration(total(now), unit, locale)}`];
    const oldLimit = limit(old);
    const newLimit = limit(now);
    parts.push(oldLimit === newLimit ? `${w('limit', '时限')} ${newLimit}` : `${w('limit', '时限')} ${oldLimit} → ${newLimit}`);
    return locale === 'zh' ? `${name}(${parts.join(';')})` : `${name} (${parts.join('; ')})`;
}

export function summaryLine(locale: Locale, count: number, oldLabel: string, newLabel: string, quote: Quote): string {
    const w = words(locale);
    if (count === 0) return w(`No changes to the catalog between ${quote(oldLabel)} and ${quote(newLabel)}.`, `${quote(oldLabel)} 与 ${quote(newLabel)} 之间职权目录没有变化。`);
    return w(`${count} change${count === 1 ? '' : 's'} to the catalog from ${quote(oldLabel)} to ${quote(newLabel)}.`, `从 ${quote(oldLabel)} 到 ${quote(newLabel)},职权目录共有 ${count} 处变化。`);
}

export function title(locale: Locale): string {
    return words(locale)('Catalog changes', '职权目录变更');
}

/** One change as one line, without the groups it is shown under (department, power, flow). */
export function describeChange(locale: Locale, change: Change, quote: Quote): string {
    const w = words(locale);
    const value = (v: DiffValue | undefined, property = change.property) => valueText(locale, v, property, quote);
    const from = `${value(change.old)} → ${value(change.new)}`;
    const prop = change.property ? (locale === 'zh' ? PROPERTY[change.property]?.zh : PROPERTY[change.property]?.en) ?? change.property : '';
    const colon = locale === 'zh' ? ':' : ': ';
    const item = change.item === undefined ? '' : quote(change.item);
    const risk = change.risk === undefined ? '' : `${w('risk', '风险点')} ${quote(change.risk)}${colon}`;
    const register = change.register === undefined ? '' : change.register === ''
        ? w("the department's register", '部门登记表') : w(`the register of ${quote(change.register)}`, `${quote(change.register)} 的个人登记表`);
    const node = (type: DiffValue | undefined) => type === 'decision' ? w('decision', '决策') : w('step', '环节');
    switch (change.kind) {
        case 'department-added': return w(`+ department ${quote(change.department)} (${value(change.new)})`, `新增部门 ${quote(change.department)}(${value(change.new)})`);
        case 'department-removed': return w(`- department ${quote(change.department)} (${value(change.old)})`, `删除部门 ${quote(change.department)}(${value(change.old)})`);
        case 'department-changed': return `${prop}${colon}${from}`;
        case 'power-added': return w(`+ ${powerHeading(locale, change.power!, quote)} (${change.new} flow${change.new === 1 ? '' : 's'})`, `新增${powerHeading(locale, change.power!, quote)}(${change.new} 个流程)`);
        case 'power-removed': return w(`- ${powerHeading(locale, change.power!, quote)}`, `删除${powerHeading(locale, change.power!, quote)}`);
        case 'power-renamed': return w(`renamed: ${quote(String(change.old))} → ${quote(String(change.new))}`, `更名:${quote(String(change.old))} → ${quote(String(change.new))}`);
        case 'power-moved': return w(`moved from department ${quote(String(change.old))}`, `由部门 ${quote(String(change.old))} 移入`);
        case 'power-changed': return `${prop}${colon}${from}`;
        case 'basis-added': return w(`+ basis ${item}`, `新增依据 ${item}`);
        case 'basis-removed': return w(`- basis ${item}`, `删除依据 ${item}`);
        case 'flow-added': return w(`+ ${flowName(locale, change.flow!.kind)}: ${list(locale, change.new, quote)}`, `新增${flowName(locale, change.flow!.kind)}:${list(locale, change.new, quote)}`);
        case 'flow-removed': return w(`- ${flowName(locale, change.flow!.kind)}`, `删除${flowName(locale, change.flow!.kind)}`);
        case 'flow-limit': return `${w('limit', '时限')}${colon}${valueText(locale, change.old, 'within', quote)} → ${valueText(locale, change.new, 'within', quote)}`;
        case 'step-added': return w(`+ ${node(change.new)} ${item}`, `新增${node(change.new)} ${item}`);
        case 'step-removed': return w(`- ${node(change.old)} ${item}`, `删除${node(change.old)} ${item}`);
        case 'steps-reordered': return w(`steps reordered: ${list(locale, change.old, quote)} → ${list(locale, change.new, quote)}`, `环节顺序调整:${list(locale, change.old, quote)} → ${list(locale, change.new, quote)}`);
        case 'step-changed': return `${w('step', '环节')} ${item}${colon}${prop} ${from}`;
        case 'risk-added': return w(`+ risk ${quote(change.risk!)} (grade ${value(change.new, 'grade')})`, `新增风险点 ${quote(change.risk!)}(等级:${value(change.new, 'grade')})`);
        case 'risk-removed': return w(`- risk ${quote(change.risk!)} (grade ${value(change.old, 'grade')})`, `删除风险点 ${quote(change.risk!)}(等级:${value(change.old, 'grade')})`);
        case 'risk-grade': {
            const direction = change.direction === 'raised' ? w('raised', '升高') : w('lowered', '降低');
            return w(`${risk}grade ${value(change.old, 'grade')} → ${value(change.new, 'grade')} (${direction})`, `${risk}等级 ${value(change.old, 'grade')} → ${value(change.new, 'grade')}(${direction})`);
        }
        case 'risk-changed': return `${risk}${prop} ${from}`;
        case 'measure-added': return w(`${risk}+ measure ${item}`, `${risk}新增防控措施 ${item}`);
        case 'measure-removed': return w(`${risk}- measure ${item}`, `${risk}删除防控措施 ${item}`);
        case 'measure-changed': return w(`${risk}measure ${item}: ${prop} ${from}`, `${risk}防控措施 ${item}:${prop} ${from}`);
        case 'register-added': return w(`+ ${register}`, `新增${register}`);
        case 'register-removed': return w(`- ${register}`, `删除${register}`);
        case 'register-signed':
            if (change.old === undefined) return w(`${register}: signed on ${change.new}`, `${register}:已签字(${change.new})`);
            if (change.new === undefined) return w(`${register}: signature removed (was ${change.old})`, `${register}:撤销签字(原为 ${change.old})`);
            return w(`${register}: signed on ${change.old} → ${change.new}`, `${register}:签字日期 ${change.old} → ${change.new}`);
        case 'register-reviewed':
            if (change.new === undefined) return w(`${register}: review removed`, `${register}:撤销集体审议记录`);
            return w(`${register}: reviewed ${value(change.new)}${change.old === undefined ? '' : ` (was ${value(change.old)})`}`,
                `${register}:集体审议 ${value(change.new)}${change.old === undefined ? '' : `(原为 ${value(change.old)})`}`);
        case 'register-approved':
            if (change.new === undefined) return w(`${register}: approval removed`, `${register}:撤销审批`);
            return w(`${register}: approved ${value(change.new)}${change.old === undefined ? '' : ` (was ${value(change.old)})`}`,
                `${register}:审批 ${value(change.new)}${change.old === undefined ? '' : `(原为 ${value(change.old)})`}`);
        case 'register-risk-added': return w(`${register}: + risk ${item}`, `${register}:新增风险点 ${item}`);
        case 'register-risk-removed': return w(`${register}: - risk ${item}`, `${register}:删除风险点 ${item}`);
    }
}

function valueText(locale: Locale, value: DiffValue | undefined, property: string | undefined, quote: Quote): string {
    const w = words(locale);
    if (value === undefined) return w('(none)', '(无)');
    if (typeof value === 'boolean') return value ? w('yes', '是') : w('no', '否');
    if (typeof value === 'number') return String(value);
    if (Array.isArray(value)) return list(locale, value, quote);
    if (typeof value === 'object' && 'unit' in value) return duration(locale, value as DurationValue);
    if (typeof value === 'object') {
        const v = value as { by?: string; on?: string; how?: string };
        return [v.by && w(`by ${quote(v.by)}`, `由 ${quote(v.by)}`), v.on && w(`on ${v.on}`, v.on), v.how && quote(v.how)].filter(Boolean).join(locale === 'zh' ? ',' : ' ');
    }
    const text = String(value);
    const isTerm = property === 'category' || property === 'aspect' || property === 'grade' || property === 'type';
    if (isTerm) return locale === 'zh' ? ZH_TERMS[text] ?? (text === 'step' ? '环节' : text === 'decision' ? '决策' : text) : text;
    return quote(text);
}

function flowName(locale: Locale, kind: string): string {
    return locale === 'zh' ? `${ZH_TERMS[kind] ?? kind}图` : `${kind} flow`;
}

function duration(locale: Locale, value: DurationValue): string {
    return formatDuration(value.value, value.unit, locale);
}

function list(locale: Locale, value: DiffValue | undefined, quote: Quote): string {
    return Array.isArray(value) ? value.map(quote).join(locale === 'zh' ? '、' : ', ') : '';
}

function words(locale: Locale): Words {
    return (en, zh) => locale === 'zh' ? zh : en;
}
