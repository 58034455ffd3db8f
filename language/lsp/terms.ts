import type { Locale } from '../messages.js';

/**
 * What the enum values of the language mean, from the notice (see
 * shared/domain/README.md), in both languages. Used by completion (detail and
 * documentation), hover and the editor docs.
 */
export interface Term {
    /** The short Chinese word (人, 财, 高 …). */
    readonly zh: string;
    /** Definition in Chinese. */
    readonly zhText: string;
    /** Definition in English. */
    readonly enText: string;
}

const term = (zh: string, zhText: string, enText: string): Term => ({ zh, zhText, enText });

/** Grades, as the notice defines them. */
export const GRADES: Readonly<Record<string, Term>> = {
    high: term('高', '可能涉及违法犯罪,被追究法律责任', 'may involve a crime and legal prosecution'),
    medium: term('中', '可能违反党纪政纪', 'may violate Party or government discipline'),
    low: term('低', '可能违反廉洁自律规定,予以诫勉谈话', 'may violate integrity self-discipline rules (an admonishing talk)')
};

/** Probability and harm: plain levels. */
export const LEVELS: Readonly<Record<string, Term>> = {
    high: term('高', '高', 'high'),
    medium: term('中', '中', 'medium'),
    low: term('低', '低', 'low')
};

export const CONSEQUENCES: Readonly<Record<string, Term>> = {
    criminal: term('可能涉及违法犯罪', '可能涉及违法犯罪,被追究法律责任(对应“高”等级)', 'may involve a crime and legal prosecution (means grade high)'),
    disciplinary: term('可能违反党纪政纪', '可能违反党纪政纪(对应“中”等级)', 'may violate Party or government discipline (means grade medium)'),
    conduct: term('可能违反廉洁自律规定', '可能违反廉洁自律规定(对应“低”等级)', 'may violate integrity self-discipline rules (means grade low)')
};

export const ASPECTS: Readonly<Record<string, Term>> = {
    duty: term('岗位职责', '岗位职责方面的风险:岗位所担负的职责和权力', 'post duties: risks in what a post is entrusted to do'),
    process: term('业务流程', '业务流程方面的风险:权力运行的各个环节', 'business processes: risks in the steps a power runs through'),
    mechanism: term('制度机制', '制度机制方面的风险:制度缺失、不健全或执行不到位', 'institutional mechanisms: risks from missing, weak or unenforced rules')
};

export const CATEGORIES: Readonly<Record<string, Term>> = {
    personnel: term('人', '人:人事方面的职权(招聘、任用、考核、晋升等)', 'people: powers over personnel (recruitment, appointment, appraisal, promotion)'),
    finance: term('财', '财:资金方面的职权(报销、收费、预算等)', 'money: powers over funds (reimbursement, fees, budgets)'),
    assets: term('物', '物:资产方面的职权(采购、基建、资产管理等)', 'assets: powers over goods and property (procurement, construction, asset management)'),
    student: term('师生切身利益', '涉及师生员工切身利益的事项(招生、评优、奖助等)', "matters touching staff and students' vital interests (admissions, awards, grants)"),
    other: term('其他', '其他职权', 'other powers')
};

export const FINDING_METHODS: Readonly<Record<string, Term>> = {
    self: term('自己找', '本人自己查找', 'found by the person themself'),
    colleague: term('同事帮', '同事帮助查找', 'found with the help of colleagues'),
    public: term('群众提', '群众提出', 'raised by the public'),
    mutual: term('互相查', '互相查找', 'found by mutual checking'),
    leader: term('领导点', '领导点出', 'pointed out by a leader'),
    organization: term('组织评', '组织评定', 'assessed by the organisation')
};

export const BASIS_KINDS: Readonly<Record<string, Term>> = {
    law: term('法律', '法律', 'a law'),
    regulation: term('法规', '法规', 'a regulation'),
    policy: term('政策', '政策文件', 'a policy'),
    internal: term('内部制度', '学院内部制度', "an internal rule of the organisation")
};

export const FLOW_KINDS: Readonly<Record<string, Term>> = {
    external: term('外部流程图', '外部流程图:向社会公开,方便师生员工办事', 'external flowchart: published, so that staff and students know how to get things done'),
    internal: term('内部流程图', '内部流程图:标明每个环节的责任主体和办理时限', 'internal flowchart: every step with its responsible party and time limit')
};

export const TIME_UNITS: Readonly<Record<string, Term>> = {
    workday: term('工作日', '工作日', 'working day'),
    workdays: term('工作日', '工作日', 'working days'),
    day: term('天', '自然日', 'calendar day'),
    days: term('天', '自然日', 'calendar days'),
    hour: term('小时', '小时', 'hour'),
    hours: term('小时', '小时', 'hours')
};

/** The enum table for the datatype rule a keyword belongs to. */
export const TERMS_BY_RULE: Readonly<Record<string, Readonly<Record<string, Term>>>> = {
    Level: LEVELS,
    Consequence: CONSEQUENCES,
    Aspect: ASPECTS,
    Category: CATEGORIES,
    FindingMethod: FINDING_METHODS,
    BasisKind: BASIS_KINDS,
    FlowKind: FLOW_KINDS,
    TimeUnit: TIME_UNITS
};

/**
 * The completion detail of a value: its Chinese meaning (`finance` → 财); for a
 * grade, the notice's definition (`high` → 高:可能涉及违法犯罪…).
 */
export function termDetail(entry: Term, grade = false): string {
    return grade ? `${entry.zh}:${entry.zhText}` : entry.zh;
}

/** Markdown for hover: the value, its Chinese word and its definition in the user's language. */
export function termMarkdown(value: string, entry: Term, locale: Locale, heading: { en: string; zh: string }): string {
    return locale === 'zh'
        ? `**${heading.zh}** \`${value}\` — ${entry.zh}\n\n${entry.zhText}`
        : `**${heading.en}** \`${value}\` — ${entry.zh}\n\n${capitalise(entry.enText)}.`;
}

export const TERM_HEADINGS: Readonly<Record<string, { en: string; zh: string }>> = {
    grade: { en: 'Grade', zh: '风险等级' },
    final: { en: 'Final grade (leadership group)', zh: '最终等级(领导小组评定)' },
    proposed: { en: 'Proposed grade (individual)', zh: '个人初评等级' },
    probability: { en: 'Probability', zh: '发生机率' },
    harm: { en: 'Harm', zh: '危害程度' },
    consequence: { en: 'Consequence', zh: '后果' },
    aspect: { en: 'Aspect', zh: '风险类型' },
    category: { en: 'Category', zh: '职权类别' },
    method: { en: 'How it was found', zh: '查找方式' },
    kind: { en: 'Kind of basis', zh: '依据类别' },
    flow: { en: 'Flowchart', zh: '流程图' },
    unit: { en: 'Unit', zh: '时间单位' }
};

export function capitalise(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

