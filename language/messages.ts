import type { RuleCode } from './rules.js';

/**
 * Every user-facing message of the language, in English and Chinese. Validators
 * report a code and arguments; the text is chosen here for the locale in force
 * (the client's locale in the editor, `--lang` or the environment in the CLI).
 */
export type Locale = 'en' | 'zh';

export type MessageArgs = Record<string, string | number | undefined>;
type Template = (a: MessageArgs) => string;

/**
 * A duration in words: `8 个工作日` / `8 workdays`; `compact` drops the space in
 * Chinese (`8个工作日`, as in the flowchart's boxes). The one place units are worded.
 */
export function formatDuration(value: number | string, unit: string, locale: Locale, compact = false): string {
    return locale === 'zh' ? `${value}${compact ? '' : ' '}${ZH_TERMS[unit] ?? unit}` : `${value} ${plural(unit, value)}`;
}

/** `workday` → `workdays` unless the amount is 1 (the unit is given in its singular). */
function plural(unit: string | number | undefined, amount: string | number | undefined): string {
    const singular = String(unit ?? '').replace(/s$/, '');
    return Number(amount) === 1 ? singular : `${singular}s`;
}

const en: Record<RuleCode, Template> = {
    'syntax-error': a => `Syntax error: ${a.detail}`,
    'unresolved-reference': a => `Unknown ${a.kind} '${a.name}'.`,
    'duplicate-name': a => `The name '${a.name}' is declared more than once in ${a.scope}.`,
    'duplicate-property': a => `'${a.property}' is written more than once; keep one.`,
    'missing-leader': a => `Department '${a.name}' names no leader in charge (leader ...).`,
    'missing-responsible': a => a.kind === 'power'
        ? `Power '${a.name}' has no responsible party (responsible ...).`
        : `${a.kind === 'decision' ? 'Decision' : 'Step'} '${a.name}' says nobody does it (by ...).`,
    'missing-basis': a => `Power '${a.name}' cites no legal or policy basis (basis ...): powers come from law.`,
    'missing-content': a => `Power '${a.name}' has no content (content "...").`,
    'missing-category': a => `Power '${a.name}' has no category (personnel, finance, assets, student or other).`,
    'missing-flow': a => `Power '${a.name}' has no flow.`,
    'missing-deadline': a => `Step '${a.name}' has no deadline (within N workdays).`,
    'missing-grade': a => `Risk '${a.name}' has no grade (high, medium or low).`,
    'missing-aspect': a => `Risk '${a.name}' names no aspect (duty, process or mechanism).`,
    'missing-owner': a => `Risk '${a.name}' has no owner (owner STAFF).`,
    'high-risk-without-measure': a => `High risk '${a.name}' has no control measure.`,
    'grade-consequence-mismatch': a => `Risk '${a.name}' has consequence '${a.consequence}', which means grade ${a.expected}, but is graded ${a.grade}.`,
    'decision-needs-branches': a => `Decision '${a.name}' has ${a.count} branch${a.count === 1 ? '' : 'es'}; a decision needs at least two.`,
    'unreachable-step': a => `No path from the start of the flow reaches '${a.name}'.`,
    'no-path-to-end': a => `From '${a.name}' the flow can never end.`,
    'deadline-exceeds-limit': a => `The longest path takes ${formatDuration(a.total ?? 0, String(a.unit), 'en')}, more than the flow's limit of ${formatDuration(a.limit ?? 0, String(a.unit), 'en')}.`,
    'flow-too-long': a => `This flow has ${a.count} steps, more than ${a.max}: simplify the procedure.`,
    'uncovered-power': a => `Power '${a.name}' (${a.category}) has no risk point.`,
    'aspect-not-covered': a => `The risks of department '${a.name}' cover no ${a.aspects} aspect.`,
    'single-author': a => `All risks of department '${a.name}' were found by ${a.person} alone; everyone searches.`,
    'staff-without-register': a => `Staff member '${a.name}' has no individual register.`,
    'unsigned-register': a => `The register of '${a.name}' is not signed (signed DATE).`,
    'unreviewed-register': () => `The department register has no collective review (reviewed DATE "how").`,
    'unapproved-register': a => a.approver
        ? `The department register is approved by '${a.approver}', not by the leader in charge '${a.leader ?? '?'}'.`
        : a.missingDate ? `The department register's approval has no date (on DATE).`
        : `The department register is not approved by the leader in charge (approved by LEADER on DATE).`,
    'major-without-collective-decision': a => `Major power '${a.name}' has no collective step in any flow.`,
    'invalid-suppression': a => a.reason === 'missing-reason'
        ? `A suppression needs a reason: // sunlight-ignore ${a.code}: why.`
        : a.reason === 'missing-code' ? `A suppression needs a rule code: // sunlight-ignore CODE: why.`
        : `'${a.code}' is not a Sunlight rule code.`,
    'unused-suppression': a => `This suppression of '${a.code}' silences nothing on the next line.`,
    'invalid-config': a => `sunlight.json: ${a.detail}`
};

const zh: Record<RuleCode, Template> = {
    'syntax-error': a => `语法错误:${a.detail}`,
    'unresolved-reference': a => `未找到${a.kind}“${a.name}”。`,
    'duplicate-name': a => `名称“${a.name}”在${a.scope}中重复声明。`,
    'duplicate-property': a => `“${a.property}”重复填写,只能保留一处。`,
    'missing-leader': a => `部门“${a.name}”未指明分管院领导(leader ...)。`,
    'missing-responsible': a => a.kind === 'power'
        ? `职权“${a.name}”未指明责任主体(responsible ...)。`
        : `${a.kind === 'decision' ? '决策' : '环节'}“${a.name}”未指明办理人(by ...)。`,
    'missing-basis': a => `职权“${a.name}”未列出政策依据(basis ...):职权法定。`,
    'missing-content': a => `职权“${a.name}”未填写职权内容(content "...")。`,
    'missing-category': a => `职权“${a.name}”未标明类别(人、财、物、师生切身利益或其他)。`,
    'missing-flow': a => `职权“${a.name}”没有流程图。`,
    'missing-deadline': a => `环节“${a.name}”没有办理时限(within N workdays)。`,
    'missing-grade': a => `风险点“${a.name}”未评定等级(高、中、低)。`,
    'missing-aspect': a => `风险点“${a.name}”未标明类型(岗位职责、业务流程或制度机制)。`,
    'missing-owner': a => `风险点“${a.name}”未指明责任人(owner ...)。`,
    'high-risk-without-measure': a => `高等级风险点“${a.name}”没有防控措施。`,
    'grade-consequence-mismatch': a => `风险点“${a.name}”的后果“${z(a.consequence)}”对应“${z(a.expected)}”等级,但评定为“${z(a.grade)}”。`,
    'decision-needs-branches': a => `决策“${a.name}”只有 ${a.count} 个分支,至少需要两个。`,
    'unreachable-step': a => `从流程起点无法到达“${a.name}”。`,
    'no-path-to-end': a => `从“${a.name}”出发,流程永远无法结束。`,
    'deadline-exceeds-limit': a => `最长路径用时 ${formatDuration(a.total ?? 0, String(a.unit), 'zh')},超过流程时限 ${formatDuration(a.limit ?? 0, String(a.unit), 'zh')}。`,
    'flow-too-long': a => `该流程有 ${a.count} 个环节,超过 ${a.max} 个:请简化办事程序。`,
    'uncovered-power': a => `职权“${a.name}”(${z(a.category)})没有查找风险点(不留死角)。`,
    'aspect-not-covered': a => `部门“${a.name}”的风险点未涉及${String(a.aspects).split(', ').map(z).join('、')}方面。`,
    'single-author': a => `部门“${a.name}”的全部风险点都由 ${a.person} 一人查找:应全员查。`,
    'staff-without-register': a => `工作人员“${a.name}”没有个人排查登记表(全员查)。`,
    'unsigned-register': a => `“${a.name}”的个人排查登记表未签字确认(signed 日期)。`,
    'unreviewed-register': () => `部门排查登记表未经集体讨论审定(reviewed 日期 "方式")。`,
    'unapproved-register': a => a.approver
        ? `部门排查登记表由“${a.approver}”审核,而不是分管院领导“${a.leader ?? '?'}”。`
        : a.missingDate ? `部门排查登记表的审核没有日期(on 日期)。`
        : `部门排查登记表未报分管院领导审核(approved by 领导 on 日期)。`,
    'major-without-collective-decision': a => `“三重一大”职权“${a.name}”的流程中没有集体决策环节(collective)。`,
    'invalid-suppression': a => a.reason === 'missing-reason'
        ? `忽略注释必须写明理由:// sunlight-ignore ${a.code}: 理由。`
        : a.reason === 'missing-code' ? `忽略注释必须写明规则代码:// sunlight-ignore 代码: 理由。`
        : `“${a.code}”不是 Sunlight 的规则代码。`,
    'unused-suppression': a => `对“${a.code}”的忽略注释在下一行没有屏蔽任何问题。`,
    'invalid-config': a => `sunlight.json:${a.detailZh ?? a.detail}`
};

/** The Chinese word for an enum value, or the value itself. */
function z(value: string | number | undefined): string {
    return value === undefined ? '' : ZH_TERMS[String(value)] ?? String(value);
}

const CATALOG: Record<Locale, Record<RuleCode, Template>> = { en, zh };

export function formatMessage(locale: Locale, code: RuleCode, args: MessageArgs = {}): string {
    return CATALOG[locale][code](args);
}

/** `zh`, `zh-CN`, `zh_CN.UTF-8`, `zh-Hans` → zh; anything else → en. */
export function toLocale(value: string | undefined | null): Locale {
    return value && /^zh\b|^zh[-_]/i.test(value.trim()) ? 'zh' : 'en';
}

/** The locale of the environment, as POSIX tools read it. */
export function localeFromEnvironment(env: Record<string, string | undefined>): Locale {
    return toLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG || env.LANGUAGE);
}

/** Chinese words for enum values, used in messages, hover and completion. */
export const ZH_TERMS: Record<string, string> = {
    high: '高', medium: '中', low: '低',
    personnel: '人', finance: '财', assets: '物', student: '师生切身利益', other: '其他',
    duty: '岗位职责', process: '业务流程', mechanism: '制度机制',
    criminal: '可能涉及违法犯罪', disciplinary: '可能违反党纪政纪', conduct: '可能违反廉洁自律规定',
    workday: '个工作日', workdays: '个工作日', day: '天', days: '天', hour: '小时', hours: '小时',
    external: '外部流程', internal: '内部流程',
    self: '自己找', colleague: '同事帮', public: '群众提', mutual: '互相查', leader: '领导点', organization: '组织评',
    law: '法律', regulation: '法规', policy: '政策', internal_basis: '内部制度'
};

/** What a cross-reference of a given target type is called, for `unresolved-reference`. */
export const REFERENCE_KINDS: Record<string, { en: string; zh: string }> = {
    Party: { en: 'responsible party (post, role, staff member, leader, group or department)', zh: '责任主体(岗位、角色、工作人员、院领导、领导小组或部门)' },
    Leader: { en: 'leader', zh: '院领导' },
    Staff: { en: 'staff member', zh: '工作人员' },
    Post: { en: 'post', zh: '岗位' },
    BasisItem: { en: 'basis or article', zh: '政策依据或条款' },
    FlowNode: { en: 'step or decision of this flow', zh: '本流程的环节或决策' },
    Step: { en: 'step of this power', zh: '本职权的环节' },
    Risk: { en: 'risk point', zh: '风险点' }
};

/** Translates the parser's (English) syntax error messages well enough for zh users. */
export function syntaxErrorDetail(locale: Locale, message: string): string {
    // The parser's messages may span lines ("one of these possible Token sequences: …"); a diagnostic is one line.
    const original = message.replace(/\s*\n\s*/g, ' ').trim();
    if (locale === 'en') return original;
    const character = /unexpected character: ->(.*?)<-/s.exec(original);
    if (character) return `无法识别的字符“${character[1]}”`;
    const found = /but found:? ['`](.*?)['`]\.?\s*$/s.exec(original);
    const expected = /Expecting (?:token of type )?'([^']*)'/.exec(original);
    if (found) {
        const what = found[1] === '' || found[1] === 'EOF' ? '文件结尾' : `“${found[1]}”`;
        return expected ? `此处应为“${expected[1]}”,但遇到${what}` : `此处不应出现${what}`;
    }
    return original;
}

/** One line per rule, for SARIF rule help, hover on codes and the docs index. */
export const RULE_SUMMARIES: Record<RuleCode, { en: string; zh: string }> = {
    'syntax-error': { en: 'The text does not parse.', zh: '文本不符合语法。' },
    'unresolved-reference': { en: 'A name refers to nothing.', zh: '名称没有对应的声明。' },
    'duplicate-name': { en: 'Two declarations share a name in one scope.', zh: '同一作用域内有重名声明。' },
    'duplicate-property': { en: 'A property that is written at most once appears twice.', zh: '只能填写一次的属性出现了两次。' },
    'missing-leader': { en: 'A department names no leader in charge.', zh: '部门未指明分管院领导。' },
    'missing-responsible': { en: 'A power without responsible, or a step or decision without by.', zh: '职权缺少责任主体,或环节、决策缺少办理人。' },
    'missing-basis': { en: 'A power without a legal or policy basis (职权法定).', zh: '职权缺少政策依据(职权法定)。' },
    'missing-content': { en: 'A power without content.', zh: '职权缺少职权内容。' },
    'missing-category': { en: 'A power without a category.', zh: '职权缺少类别。' },
    'missing-flow': { en: 'A power without any flow.', zh: '职权没有流程图。' },
    'missing-deadline': { en: 'A step without a deadline, unless done by an external role.', zh: '环节缺少办理时限(外部角色办理的除外)。' },
    'missing-grade': { en: 'A risk without a grade.', zh: '风险点未评定等级。' },
    'missing-aspect': { en: 'A risk without an aspect.', zh: '风险点未标明类型。' },
    'missing-owner': { en: 'A risk without an owner.', zh: '风险点未指明责任人。' },
    'high-risk-without-measure': { en: 'A high risk with no control measure.', zh: '高等级风险点没有防控措施。' },
    'grade-consequence-mismatch': { en: 'The consequence says one grade, the grade another.', zh: '后果对应的等级与评定等级不一致。' },
    'decision-needs-branches': { en: 'A decision with fewer than two branches.', zh: '决策的分支少于两个。' },
    'unreachable-step': { en: 'No path from the start of the flow reaches the step.', zh: '从流程起点无法到达该环节。' },
    'no-path-to-end': { en: 'From this step the flow can never end.', zh: '从该环节出发流程无法结束。' },
    'deadline-exceeds-limit': { en: 'The longest path\'s deadlines add up to more than the flow\'s limit.', zh: '最长路径的时限之和超过流程时限。' },
    'flow-too-long': { en: 'A flow with more steps than the option maxSteps.', zh: '流程环节数超过 maxSteps。' },
    'uncovered-power': { en: 'A personnel, finance, assets or student power with no risk point (不留死角).', zh: '人、财、物或师生切身利益类职权没有风险点(不留死角)。' },
    'aspect-not-covered': { en: 'The department\'s risks miss one of the three aspects.', zh: '部门风险点未覆盖三个方面。' },
    'single-author': { en: 'All of a department\'s risks were found by one person.', zh: '部门全部风险点由一人查找。' },
    'staff-without-register': { en: 'A staff member has no individual register (全员查).', zh: '工作人员没有个人排查登记表(全员查)。' },
    'unsigned-register': { en: 'An individual register without signed.', zh: '个人排查登记表未签字。' },
    'unreviewed-register': { en: 'A department register without collective review.', zh: '部门排查登记表未经集体讨论审定。' },
    'unapproved-register': { en: 'A department register not approved by the department\'s leader in charge.', zh: '部门排查登记表未经分管院领导审核。' },
    'major-without-collective-decision': { en: 'A major (三重一大) power with no collective step.', zh: '“三重一大”职权没有集体决策环节。' },
    'invalid-suppression': { en: 'A sunlight-ignore comment without a reason or with an unknown code.', zh: '忽略注释缺少理由或规则代码无效。' },
    'unused-suppression': { en: 'A sunlight-ignore comment that silences nothing.', zh: '忽略注释没有屏蔽任何问题。' },
    'invalid-config': { en: 'sunlight.json is not valid.', zh: 'sunlight.json 无效。' }
};
