/**
 * The text of a new department file (*Sunlight: New Department File*). Pure
 * functions, no `vscode` import, so the tests can parse and validate what it
 * writes.
 */

/** Sunlight's reserved words (checked against the grammar by test/extension/new-department.test.ts). */
export const KEYWORDS: ReadonlySet<string> = new Set([
    'approved', 'article', 'aspect', 'assets', 'at', 'basis', 'by', 'campaign', 'category', 'cause', 'code',
    'colleague', 'collective', 'conduct', 'consequence', 'contact', 'content', 'criminal', 'day', 'days', 'decision',
    'department', 'description', 'disciplinary', 'due', 'duty', 'end', 'external', 'final', 'finance', 'flow',
    'found', 'grade', 'group', 'harm', 'high', 'hour', 'hours', 'internal', 'law', 'leader', 'limit', 'low',
    'major', 'measure', 'mechanism', 'medium', 'members', 'mutual', 'on', 'organization', 'other', 'owner',
    'personnel', 'policy', 'post', 'power', 'probability', 'process', 'proposed', 'public', 'register',
    'regulation', 'responsible', 'reviewed', 'risk', 'risks', 'role', 'self', 'signed', 'staff', 'step',
    'student', 'within', 'workday', 'workdays'
]);

const ID = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}]*$/u;

/** Why `name` cannot be a department name, or undefined when it can. */
export function checkDepartmentName(name: string): 'empty' | 'invalid' | 'keyword' | undefined {
    if (name.trim() === '') return 'empty';
    if (!ID.test(name)) return 'invalid';
    if (KEYWORDS.has(name)) return 'keyword';
    return undefined;
}

/** A title is a one-line string: quotes and backslashes escaped. */
export function quote(text: string): string {
    return `"${text.replace(/[\r\n]+/g, ' ').replace(/[\\"]/g, c => `\\${c}`)}"`;
}

export interface SkeletonOptions {
    /** The department's name (an identifier). */
    name: string;
    /** Its title; the name when empty. */
    title?: string;
    /** A leader of the organisation (分管院领导), if the workspace declares one. */
    leader?: string;
    /** A basis of the workspace to cite, if any. */
    basis?: string;
    /** Today as YYYY-MM-DD. */
    date: string;
    /** Language of the comment lines (default Chinese); the content is Chinese. */
    locale?: 'zh' | 'en';
}

/**
 * A department with its leader, two posts and staff, one power with a flow
 * and a risk point, and the individual and department registers. Names the
 * workspace lacks (leader, basis) are placeholders the diagnostics point at.
 */
export function departmentSkeleton(options: SkeletonOptions): string {
    // Names and texts are the content of a Chinese document: Chinese whatever
    // the editor's language; only the two comment lines follow the locale.
    const zh = (options.locale ?? 'zh') === 'zh';
    const t = (cn: string, en: string) => (zh ? cn : en);
    const title = options.title?.trim() || options.name;
    const leader = options.leader ?? '分管院领导';
    const basis = options.basis ?? '三定方案';
    const [head, clerk, headStaff, clerkStaff] = ['负责人', '科员', '张三', '李四'];
    const [power, risk, risk2, risk3] = ['示例职权', '示例风险', '制度更新滞后', '岗位权力集中'];
    const [receive, review, finish] = ['受理', '审核', '办结'];
    const lines = [
        t(`// ${title}:职权、流程图、廉政风险点与登记表。`, `// ${title}: powers, flowcharts, integrity risk points and registers.`),
        t('// 把示例内容换成本部门的实际情况;问题面板会提示还缺什么。', '// Replace the samples with the department\'s own; the Problems panel tells what is missing.'),
        `department ${options.name} ${quote(title)} {`,
        `    leader ${leader}`,
        '',
        `    post ${head} ${quote('主持本部门全面工作')}`,
        `    post ${clerk} ${quote('受理、办理日常业务')}`,
        '',
        `    staff ${headStaff} post ${head}`,
        `    staff ${clerkStaff} post ${clerk}`,
        '',
        `    power ${power} {`,
        `        code ${quote('XX-01')}`,
        '        category other',
        `        content ${quote('职权内容')}`,
        `        responsible ${head}`,
        `        basis ${basis}`,
        '',
        '        flow internal limit 5 workdays {',
        `            step ${receive} by ${clerk} within 1 workday`,
        `            step ${review} by ${head} within 2 workdays`,
        `            step ${finish} by ${clerk} within 1 workday`,
        '        }',
        '',
        `        risk ${risk} at ${review} {`,
        `            description ${quote('风险描述')}`,
        '            aspect process',
        '            probability low',
        '            harm low',
        `            cause ${quote('风险成因')}`,
        '            consequence conduct',
        '            grade low',
        `            owner ${headStaff}`,
        `            found by ${headStaff} self`,
        `            measure ${quote('防控措施')} by ${head} within 30 days`,
        '        }',
        '    }',
        '',
        `    risk ${risk2} {`,
        `        description ${quote('制度未随上级规定及时更新')}`,
        '        aspect mechanism',
        '        grade low',
        `        owner ${headStaff}`,
        `        found by ${clerkStaff} colleague`,
        `        measure ${quote('每学期对照上级文件修订制度')} by ${head}`,
        '    }',
        `    risk ${risk3} {`,
        `        description ${quote('一人负责审核全过程,缺少制约')}`,
        '        aspect duty',
        '        grade low',
        `        owner ${headStaff}`,
        `        found by ${clerkStaff} mutual`,
        `        measure ${quote('重要事项由两人共同审核')} by ${head}`,
        '    }',
        '',
        `    register ${headStaff} {`,
        `        risks ${risk}, ${risk2}, ${risk3}`,
        `        signed ${options.date}`,
        '    }',
        `    register ${clerkStaff} {`,
        `        risks ${risk}`,
        `        signed ${options.date}`,
        '    }',
        '    register department {',
        `        reviewed ${options.date} ${quote('部门集体讨论')}`,
        `        approved by ${leader} on ${options.date}`,
        '    }',
        '}',
        ''
    ];
    return lines.join('\n');
}

/** Leaders (`leader NAME "title"`) and bases (`basis NAME kind`, internal ones first) declared in a file's text. */
export function declaredNames(text: string): { leaders: string[]; bases: string[] } {
    const withoutComments = text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n\r]*/g, '');
    const name = '([\\p{L}\\p{Nl}_][\\p{L}\\p{Nl}\\p{Nd}\\p{Mn}\\p{Mc}\\p{Pc}]*)';
    const leaders = [...withoutComments.matchAll(new RegExp(`(?<![\\p{L}\\p{Nd}_])leader\\s+${name}\\s+"`, 'gu'))].map(m => m[1]);
    const declared = [...withoutComments.matchAll(new RegExp(`(?<![\\p{L}\\p{Nd}_])basis\\s+${name}\\s+(law|regulation|policy|internal)(?![\\p{L}\\p{Nd}_])`, 'gu'))];
    // Internal bases first: a department's powers are usually grounded in the college's own rules (三定方案).
    const bases = [...declared.filter(m => m[2] === 'internal'), ...declared.filter(m => m[2] !== 'internal')].map(m => m[1]);
    return { leaders, bases };
}

/** Local date as YYYY-MM-DD. */
export function today(now = new Date()): string {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
