import { AstUtils, type AstNode, type LangiumDocuments } from 'langium';
import { baseUnit, buildFlowGraph, formatAmount, longestPath, type BaseUnit } from '../flow-graph.js';
import {
    isArticle, isBasis, isDecision, isDepartment, isGroup, isLeader, isModel, isOrganization, isPost, isPower, isRisk, isRole, isStaff, isStep,
    type Article, type Basis, type Decision, type Department, type Flow, type Organization, type Power, type Risk, type Step
} from '../generated/ast.js';
import { formatDuration, type Locale } from '../messages.js';
import { ASPECTS, BASIS_KINDS, CATEGORIES, FLOW_KINDS, GRADES } from './terms.js';

/**
 * Short descriptions of declarations, for hover and completion, in the user's
 * language: what a post is for, whose post a staff member holds, a basis's
 * title, kind and article text, a step's responsible party and deadline, and
 * a flow's longest path against its limit.
 */
export type Text = (en: string, zh: string) => string;

export function textFor(locale: Locale): Text {
    return (en, zh) => locale === 'zh' ? zh : en;
}

/** One line, for completion details. */
export function describeBriefly(node: AstNode, locale: Locale): string | undefined {
    const t = textFor(locale);
    if (isPost(node)) return node.duty ? unquote(node.duty) : t('post', '岗位');
    if (isRole(node)) return `${node.external ? t('external role: ', '外部角色:') : t('role: ', '角色:')}${unquote(node.description)}`;
    if (isStaff(node)) return `${t('staff', '工作人员')}, ${t('post', '岗位')} ${node.post?.$refText ?? '?'}`;
    if (isLeader(node)) return unquote(node.title);
    if (isGroup(node)) return unquote(node.title);
    if (isDepartment(node)) return unquote(node.title);
    if (isOrganization(node)) return t('organisation', '单位');
    if (isBasis(node)) return `${unquote(node.title)} (${BASIS_KINDS[node.kind]?.zh ?? node.kind})`;
    if (isArticle(node)) return `${unquote(node.$container.title)}: ${unquote(node.text)}`;
    if (isStep(node)) return stepLine(node, t, locale);
    if (isDecision(node)) return `${t('decision', '决策')}${node.by ? `, ${t('by', '由')} ${node.by.$refText}` : ''}`;
    if (isPower(node)) return node.content ? unquote(node.content) : t('power', '职权');
    if (isRisk(node)) return node.description ? unquote(node.description) : t('risk point', '风险点');
    return undefined;
}

/** Markdown, for hover. */
export function describe(node: AstNode, locale: Locale, documents?: LangiumDocuments): string | undefined {
    const t = textFor(locale);
    const where = (department: Department | undefined) => department ? ` — ${department.name}` : '';
    if (isPost(node)) {
        const holders = node.$container.staff.filter(staff => staff.post?.ref === node).map(staff => staff.name);
        return lines(
            `**${t('Post', '岗位')}** ${node.name}${where(node.$container)}`,
            `${t('Duty: ', '职责:')}${unquote(node.duty)}`,
            holders.length > 0 ? `${t('Held by: ', '在岗人员:')}${holders.join(', ')}` : undefined
        );
    }
    if (isRole(node)) {
        return lines(`**${node.external ? t('External role', '外部角色') : t('Role', '角色')}** ${node.name}${where(node.$container)}`, unquote(node.description));
    }
    if (isStaff(node)) {
        const post = node.post?.ref;
        return lines(
            `**${t('Staff member', '工作人员')}** ${node.name}${where(node.$container)}`,
            `${t('Post: ', '岗位:')}${node.post?.$refText ?? '?'}${post ? ` (${unquote(post.duty)})` : ''}`
        );
    }
    if (isLeader(node)) {
        const leads = documents ? departments(documents).filter(department => department.leader?.ref === node).map(department => department.name) : [];
        return lines(
            `**${t('Leader', '院领导')}** ${node.name}`,
            unquote(node.title),
            leads.length > 0 ? `${t('In charge of: ', '分管部门:')}${leads.join(', ')}` : undefined
        );
    }
    if (isGroup(node)) {
        return lines(`**${t('Group', '领导小组')}** ${node.name} — ${unquote(node.title)}`,
            node.members.length > 0 ? `${t('Members: ', '成员:')}${node.members.map(member => member.$refText).join(', ')}` : undefined);
    }
    if (isOrganization(node)) {
        return lines(`**${t('Organisation', '单位')}** ${node.name}`,
            node.campaign ? `${unquote(node.campaign.title)}${node.campaign.due ? ` (${t('due', '截止')} ${node.campaign.due})` : ''}` : undefined);
    }
    if (isDepartment(node)) return describeDepartment(node, t);
    if (isBasis(node)) return describeBasis(node, t);
    if (isArticle(node)) return describeArticle(node, t);
    if (isStep(node) || isDecision(node)) return describeFlowNode(node, t, locale);
    if (isPower(node)) return describePower(node, t);
    if (isRisk(node)) return describeRisk(node, t, locale);
    return undefined;
}

function describeDepartment(node: Department, t: Text): string {
    const risks = node.risks.length + node.powers.reduce((sum, power) => sum + power.risks.length, 0);
    return lines(
        `**${t('Department', '部门')}** ${node.name} — ${unquote(node.title)}`,
        `${t('Leader in charge: ', '分管院领导:')}${node.leader?.$refText ?? t('none', '未指明')}`,
        t(`${node.posts.length} posts, ${node.staff.length} staff, ${node.powers.length} powers, ${risks} risk points`,
            `岗位 ${node.posts.length} 个,工作人员 ${node.staff.length} 人,职权 ${node.powers.length} 项,风险点 ${risks} 个`),
        contactLine(node.contacts, t)
    );
}

function describeBasis(node: Basis, t: Text): string {
    const kind = BASIS_KINDS[node.kind];
    return lines(
        `**${t('Basis', '政策依据')}** ${node.name} — ${unquote(node.title)}`,
        `${t('Kind: ', '类别:')}${node.kind}${kind ? ` (${kind.zh})` : ''}`,
        node.articles.length > 0 ? `${t('Articles: ', '条款:')}${node.articles.map(article => article.name).join(', ')}` : undefined
    );
}

function describeArticle(node: Article, t: Text): string {
    const basis = node.$container;
    const kind = BASIS_KINDS[basis.kind];
    return lines(
        `**${t('Article', '条款')}** ${basis.name}.${node.name}`,
        `${unquote(basis.title)} (${basis.kind}${kind ? `, ${kind.zh}` : ''})`,
        `> ${unquote(node.text)}`
    );
}

function describeFlowNode(node: Step | Decision, t: Text, locale: Locale): string {
    const flow = node.$container;
    const power = flow.$container;
    const header = `**${isStep(node) ? t('Step', '环节') : t('Decision', '决策')}** ${node.name} — ${power.name}, ${FLOW_KINDS[flow.kind] ? t(`${flow.kind} flow`, FLOW_KINDS[flow.kind].zh) : flow.kind}`;
    const party = node.by?.ref;
    const by = node.by ? `${t('Responsible: ', '责任主体:')}${node.by.$refText}${party ? ` (${describeBriefly(party, locale)})` : ''}` : `${t('Responsible: ', '责任主体:')}${t('none', '未指明')}`;
    if (isDecision(node)) {
        return lines(header, by, ...node.branches.map(branch => `- ${unquote(branch.label)} → ${branch.toEnd ? t('end', '结束') : branch.to?.$refText ?? '?'}`));
    }
    const deadline = node.within
        ? `${t('Deadline: ', '办理时限:')}${formatDuration(String(node.within.value), baseUnit(node.within.unit), locale)}`
        : `${t('Deadline: ', '办理时限:')}${t('none', '未规定')}`;
    return lines(header, by, deadline,
        node.collective ? t('Collective decision (meeting)', '集体决策(会议研究)') : undefined,
        node.toEnd ? `→ ${t('end', '结束')}` : node.to ? `→ ${node.to.$refText}` : undefined);
}

function describePower(node: Power, t: Text): string {
    const category = node.category ? CATEGORIES[node.category] : undefined;
    return lines(
        `**${t('Power', '职权')}** ${node.name}${node.code ? ` (${unquote(node.code)})` : ''} — ${node.$container.name}`,
        node.content ? unquote(node.content) : undefined,
        node.category ? `${t('Category: ', '类别:')}${node.category}${category ? ` (${category.zh})` : ''}` : undefined,
        `${t('Responsible: ', '责任主体:')}${node.responsible?.$refText ?? t('none', '未指明')}`,
        node.bases.length > 0 ? `${t('Basis: ', '政策依据:')}${node.bases.map(basis => basis.$refText).join(', ')}` : undefined,
        node.major ? t('Major matter (三重一大): needs a collective decision', '“三重一大”事项:须集体决策') : undefined,
        contactLine(node.contacts, t)
    );
}

/** `contact` lines, as published in the service guide. */
function contactLine(contacts: readonly string[], t: Text): string | undefined {
    return contacts.length > 0 ? `${t('Contact (public): ', '联系方式(公开):')}${contacts.map(unquote).join('; ')}` : undefined;
}

function describeRisk(node: Risk, t: Text, locale: Locale): string {
    const grade = node.grade ? GRADES[node.grade] : undefined;
    const aspect = node.aspect ? ASPECTS[node.aspect] : undefined;
    return lines(
        `**${t('Risk point', '风险点')}** ${node.name}${node.at ? ` @ ${node.at.$refText}` : ''}`,
        node.description ? unquote(node.description) : undefined,
        grade ? `${t('Grade: ', '等级:')}${node.grade} (${grade.zh}) — ${locale === 'zh' ? grade.zhText : grade.enText}` : undefined,
        aspect ? `${t('Aspect: ', '类型:')}${node.aspect} (${aspect.zh})` : undefined,
        node.owner ? `${t('Owner: ', '责任人:')}${node.owner.$refText}` : undefined,
        node.measures.length > 0 ? `${t('Measures: ', '防控措施:')}${node.measures.length}` : undefined
    );
}

function stepLine(node: Step, t: Text, locale: Locale): string {
    const parts = [node.by ? `${t('by', '由')} ${node.by.$refText}` : t('nobody responsible', '未指明办理人')];
    if (node.within) parts.push(`${t('within', '时限')} ${formatDuration(String(node.within.value), baseUnit(node.within.unit), locale)}`);
    return parts.join(', ');
}

// ---------------------------------------------------------------- flows

export interface FlowSummary {
    readonly steps: number;
    readonly decisions: number;
    readonly total: number;
    readonly unit: BaseUnit;
    readonly limit?: number;
    readonly path: readonly string[];
}

/** The unit a flow is measured in: its limit's, else the one most of its steps use, else workdays. */
export function flowUnit(flow: Flow): BaseUnit {
    if (flow.limit) return baseUnit(flow.limit.unit);
    const counts = new Map<BaseUnit, number>();
    for (const node of flow.nodes) {
        if (isStep(node) && node.within) counts.set(baseUnit(node.within.unit), (counts.get(baseUnit(node.within.unit)) ?? 0) + 1);
    }
    let best: BaseUnit = 'workday';
    let most = 0;
    for (const [unit, count] of counts) if (count > most) { best = unit; most = count; }
    return best;
}

export function summarizeFlow(flow: Flow): FlowSummary {
    const unit = flowUnit(flow);
    const { total, path } = longestPath(buildFlowGraph(flow), unit);
    return {
        steps: flow.nodes.filter(isStep).length,
        decisions: flow.nodes.filter(isDecision).length,
        total,
        unit,
        limit: flow.limit?.value,
        path: path.map(node => node.name)
    };
}

/** `≈ 6 workdays / limit 5` (the inlay hint after a flow's header). */
export function flowTotalLabel(summary: FlowSummary, locale: Locale): string {
    const total = formatDuration(formatAmount(summary.total), summary.unit, locale);
    if (summary.limit === undefined) return `≈ ${total}`;
    return locale === 'zh' ? `≈ ${total} / 时限 ${summary.limit}` : `≈ ${total} / limit ${summary.limit}`;
}

export function describeFlow(flow: Flow, locale: Locale): string {
    const t = textFor(locale);
    const summary = summarizeFlow(flow);
    const kind = FLOW_KINDS[flow.kind];
    const total = formatDuration(formatAmount(summary.total), summary.unit, locale);
    const limit = summary.limit === undefined ? undefined : formatDuration(String(summary.limit), summary.unit, locale);
    const over = summary.limit !== undefined && summary.total > summary.limit;
    return lines(
        `**${kind ? t(`${capital(flow.kind)} flowchart`, kind.zh) : t('Flowchart', '流程图')}** — ${flow.$container.name}`,
        kind ? (locale === 'zh' ? kind.zhText : `${kind.enText.charAt(0).toUpperCase()}${kind.enText.slice(1)}.`) : undefined,
        t(`${plural(summary.steps, 'step')}, ${plural(summary.decisions, 'decision')}`, `${summary.steps} 个环节,${summary.decisions} 个决策`),
        `${t('Longest path: ', '最长路径:')}${total}${limit ? ` / ${t('limit', '时限')} ${limit}` : ` (${t('no limit', '未设时限')})`}${over ? ` — ${t('over the limit', '超过时限')}` : ''}`,
        summary.path.length > 0 ? summary.path.join(' → ') : undefined
    );
}

// ---------------------------------------------------------------- helpers

export function unquote(value: string | undefined): string {
    if (value === undefined) return '';
    return value.length >= 2 && value.startsWith('"') && value.endsWith('"')
        ? value.slice(1, -1).replace(/\\(["\\])/g, '$1')
        : value;
}

function lines(...parts: Array<string | undefined>): string {
    return parts.filter((part): part is string => part !== undefined && part !== '').join('\n\n');
}

function plural(count: number, noun: string): string {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function capital(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

function departments(documents: LangiumDocuments): Department[] {
    return documents.all
        .map(document => document.parseResult.value)
        .filter(isModel)
        .flatMap(model => model.elements.filter(isDepartment))
        .toArray();
}

/** The department a node belongs to, if any. */
export function departmentOf(node: AstNode | undefined): Department | undefined {
    return node ? AstUtils.getContainerOfType(node, isDepartment) : undefined;
}

/** The organisation of the workspace (the first one found). */
export function findOrganization(documents: LangiumDocuments): Organization | undefined {
    for (const document of documents.all) {
        const model = document.parseResult.value;
        if (isModel(model)) {
            const organization = model.elements.find(isOrganization);
            if (organization) return organization;
        }
    }
    return undefined;
}
