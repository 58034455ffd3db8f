import { formatDuration, ZH_TERMS, type Locale } from '../../language/messages.js';
import type { PublicDuration } from './projection.js';

/**
 * Every word the public service guide prints, in Chinese (the default: it is
 * published to the college's staff and students) and English. Names, titles,
 * contents and article texts come from the files and are never translated.
 */
const zh = {
    guide: '办事指南',
    guideOf: (who: string) => `${who}办事指南`,
    subtitle: '职权目录与外部流程图(向师生员工公开)',
    contents: '目录',
    search: '搜索事项',
    searchHint: '输入事项名称、编号、部门或关键词',
    found: (n: number) => n === 0 ? '没有找到相符的事项' : `找到 ${n} 项`,
    noScript: '',
    back: '返回办事指南',
    powers: (n: number) => `${n} 项`,
    code: '编号',
    category: '类别',
    department: '所属部门',
    office: '责任部门(岗位)',
    content: '职权内容',
    major: '“三重一大”事项,须集体决策',
    majorShort: '三重一大',
    bases: '政策依据',
    wholeBasis: '全文',
    flowchart: '外部流程图',
    flowchartAlt: (power: string) => `${power}外部流程图,各环节见下方办理步骤表`,
    noFlow: '本事项暂无公开的办理流程。',
    steps: '办理步骤',
    stepNo: '序号',
    step: '环节',
    stepOffice: '办理部门(岗位)',
    deadline: '办理时限',
    next: '下一步',
    end: '办结',
    applicant: '申请人',
    collective: '集体研究决定',
    decision: '判断',
    limit: '总时限',
    longest: '按各环节时限,最长用时',
    noLimit: '未规定',
    contact: '联系方式',
    page: '页',
    chartless: '无流程图',
    unreachable: '(不在办理路径上)',
    generated: (org: string) => `本指南由${org ? `${org}` : ''}根据职权目录和权力运行流程图生成。`,
    categories: { personnel: '人事', finance: '财务', assets: '资产', student: '师生切身利益', other: '其他' } as Record<string, string>,
    basisKinds: { law: '法律', regulation: '法规', policy: '政策文件', internal: '学院制度' } as Record<string, string>,
    uncategorised: '未分类'
};

type Words = typeof zh;

const en: Words = {
    guide: 'Service guide',
    guideOf: (who: string) => `${who} — service guide`,
    subtitle: 'Powers and their external flowcharts, published for staff and students',
    contents: 'Contents',
    search: 'Search',
    searchHint: 'Name, code, department or a keyword',
    found: (n: number) => n === 0 ? 'Nothing matches' : `${n} found`,
    noScript: '',
    back: 'Back to the service guide',
    powers: (n: number) => `${n} ${n === 1 ? 'item' : 'items'}`,
    code: 'Code',
    category: 'Category',
    department: 'Department',
    office: 'Office responsible',
    content: 'What it covers',
    major: 'A major matter (三重一大): decided collectively',
    majorShort: 'Major matter',
    bases: 'Legal bases',
    wholeBasis: 'whole text',
    flowchart: 'External flowchart',
    flowchartAlt: (power: string) => `External flowchart of ${power}; the steps are listed in the table below`,
    noFlow: 'No public procedure has been published for this item yet.',
    steps: 'Steps',
    stepNo: 'No.',
    step: 'Step',
    stepOffice: 'Office',
    deadline: 'Time limit',
    next: 'Next',
    end: 'done',
    applicant: 'applicant',
    collective: 'decided collectively',
    decision: 'check',
    limit: 'Total time limit',
    longest: 'Longest by the steps’ limits',
    noLimit: 'none set',
    contact: 'Contact',
    page: 'page',
    chartless: 'no flowchart',
    unreachable: '(not on any path)',
    generated: (org: string) => `Generated${org ? ` for ${org}` : ''} from the power catalog and its flowcharts.`,
    categories: { personnel: 'Personnel', finance: 'Finance', assets: 'Assets', student: 'Staff and students', other: 'Other' },
    basisKinds: { law: 'law', regulation: 'regulation', policy: 'policy', internal: 'college rule' },
    uncategorised: 'Uncategorised'
};

export function publicWords(locale: Locale): Words {
    return locale === 'zh' ? zh : en;
}

export const CATEGORY_ORDER = ['personnel', 'finance', 'assets', 'student', 'other'] as const;

export function durationWords(duration: PublicDuration | undefined, locale: Locale): string {
    return duration ? formatDuration(duration.value, duration.unit, locale) : '';
}

export function categoryWord(category: string | undefined, locale: Locale): string {
    const w = publicWords(locale);
    return category ? w.categories[category] ?? ZH_TERMS[category] ?? category : w.uncategorised;
}
