/**
 * Seeded generator of realistic Sunlight workspaces for `npm run bench`.
 *
 * A workspace is shaped like examples/: `college.sun` (organisation, leaders,
 * groups), `bases.sun` (laws, regulations and internal rules with articles)
 * and one file per department under `departments/`. Every department cites
 * articles of bases.sun, names college leaders and groups, and some of its
 * risks were found by staff of other departments (`found by 其他部门.某人
 * mutual`), so linking crosses files the way real workspaces do.
 *
 * The output is meant to be clean under `sunlight check` (no diagnostics at
 * all): flows have at most 12 nodes, every step that needs a deadline has
 * one, limits cover the longest path, every staff member has a signed
 * register, department risks cover the three aspects, and so on. Validation
 * then does its real work without taking error paths.
 *
 * Same seed, same options → byte-identical files.
 */

// ---------------------------------------------------------------- PRNG

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG. */
export function mulberry32(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

export class Random {
    private readonly next: () => number;
    constructor(seed: number) { this.next = mulberry32(seed); }
    float(): number { return this.next(); }
    int(min: number, max: number): number { return min + Math.floor(this.next() * (max - min + 1)); }
    chance(p: number): boolean { return this.next() < p; }
    pick<T>(items: readonly T[]): T { return items[Math.floor(this.next() * items.length)]; }
    /** `count` distinct items (fewer if there are not enough). */
    sample<T>(items: readonly T[], count: number): T[] {
        const copy = [...items];
        const result: T[] = [];
        while (result.length < count && copy.length > 0) result.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]);
        return result;
    }
}

// ---------------------------------------------------------------- vocabulary

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
const GIVEN = [...'芳强敏伟静丽军磊洋勇艳杰娟涛明超霞平刚桂英华玉兰萍红梅鹏飞建国志文斌宇浩然婷雪琳晨曦欣怡俊峰海燕立新晓梅卫东振华秀云春生德明子豪雨轩思远嘉怡佳琪凯瑞博文泽宇'];

const FIELDS = ['机电工程', '信息工程', '经济管理', '艺术设计', '建筑工程', '汽车工程', '化学工程', '食品工程', '旅游管理', '外国语',
    '护理', '医学技术', '现代物流', '电子商务', '会计', '金融', '土木工程', '环境工程', '材料工程', '生物工程',
    '软件技术', '通信技术', '智能制造', '航空工程', '轨道交通', '纺织服装', '现代农业', '园林园艺', '水利工程', '测绘地理',
    '新能源', '电力技术', '机器人技术', '大数据技术', '文化传媒', '体育教育', '音乐舞蹈', '美术', '学前教育', '马克思主义'];
const UNIT_KINDS = ['学院', '系', '教研室', '实训中心', '研究所'];
const OFFICES = ['财务处', '教务处', '人事处', '招生就业处', '学生工作处', '国有资产与采购管理处', '基建处', '后勤服务中心', '科研处', '审计处',
    '党委办公室', '院长办公室', '组织部', '宣传部', '纪委办公室', '团委', '图书馆', '网络信息中心', '继续教育学院', '国际交流处'];

const POSTS: Array<[string, string]> = [
    ['主任', '主持全面工作,审签日常事务'], ['副主任', '协助主任分管具体业务'], ['科长', '负责本科室业务的组织实施'],
    ['经办员', '受理申请、审核材料、办理具体事务'], ['复核员', '复核经办结果,把关审核质量'], ['档案员', '业务档案的整理、保管与借阅'],
    ['会计', '本部门经费核算与报销初审'], ['采购员', '本部门物资与服务的询价、采购'], ['资产管理员', '固定资产登记、调拨与清查'],
    ['教学秘书', '教学运行、考务与成绩管理'], ['辅导员', '学生思想教育与日常管理'], ['实验员', '实验实训室管理与耗材领用']
];
const ROLES: Array<[string, string]> = [
    ['申请人', '提出申请的教职工'], ['申请学生', '提出申请的在校学生'], ['供应商', '参与采购活动的供应商'], ['合作企业', '开展校企合作的企业'],
    ['应聘人员', '参加公开招聘的人员'], ['施工单位', '承接维修改造工程的施工单位']
];

const OBJECTS = ['经费报销', '学费减免', '物资采购', '维修工程招标', '职称评审', '人员招聘', '奖学金评定', '助学金发放', '设备验收', '资产处置',
    '合同签订', '科研经费', '教材选用', '实习安排', '招生录取', '毕业资格', '宿舍分配', '食堂承包', '印章使用', '公务用车',
    '档案借阅', '评优评先', '干部选拔', '绩效考核', '外聘教师', '校企合作', '培训费用', '会议费用', '差旅费用', '实验耗材',
    '课时费', '考试命题', '成绩更改', '学籍异动', '补考重修', '技能鉴定', '对外投资', '房屋出租', '捐赠受理', '网站信息发布'];
const ACTIONS = ['审核', '审批', '管理', '评定', '办理', '发放', '核定', '监管'];
const CATEGORIES = ['personnel', 'finance', 'assets', 'student', 'other'] as const;

const STEPS = ['受理申请', '登记备案', '初审', '复核', '材料审查', '现场核查', '组织评审', '专家论证', '结果公示', '部门审核',
    '科长审核', '主任签批', '汇总上报', '办理手续', '验收', '付款', '归档', '通知结果', '价格比对', '合同审查',
    '资格审查', '集中评议', '签订协议', '录入系统', '发放办理', '开具票据', '核对名单', '会签', '调查核实', '整理材料'];
const DECISIONS = ['材料是否齐全', '是否符合条件', '是否超过限额', '是否通过评审', '是否需要上会', '是否同意', '是否存在异议', '是否合规'];
const FIXES = ['补正材料', '退回修改', '重新提交', '补充说明', '整改完善'];
const CAUSES = ['制度执行不到位,监督缺位', '审核标准不统一,自由裁量空间大', '信息公开不充分,外部监督不足', '不相容岗位未分离',
    '业务流程缺少留痕', '关键岗位长期未轮岗', '集体决策流于形式', '台账登记不及时'];
const DESCRIPTIONS = ['审核把关不严,为熟人“通融”', '违规简化程序,规避集体决策', '利用职务便利收受好处', '泄露评审或招标信息',
    '虚报冒领、重复申报', '选择性执行标准,厚此薄彼', '拖延办理,吃拿卡要', '资料审查流于形式'];
const MEASURES = ['实行双人审核、签字留痕', '结果在校内公示5个工作日', '关键岗位定期轮岗', '建立业务台账,按月核对',
    '重大事项提交集体研究', '引入信息系统全程留痕', '纪检监察部门全程监督', '定期开展专项检查'];

// ---------------------------------------------------------------- model

export interface GenerateOptions {
    seed?: number;
    /** Number of department files (the workspace also has college.sun and bases.sun). */
    departments?: number;
    /** Target lines of an ordinary department file. */
    departmentLines?: number;
    /** Target lines of the one big department file (the editing benchmark's file). */
    bigDepartmentLines?: number;
    /** Number of bases in bases.sun. */
    bases?: number;
}

export interface GeneratedWorkspace {
    /** Relative path → text (LF line ends). */
    readonly files: Map<string, string>;
    /** Relative path of the big department file. */
    readonly bigFile: string;
    readonly departmentNames: readonly string[];
    readonly lines: number;
    readonly bytes: number;
}

interface Leader { name: string; title: string; }
interface BasisDecl { name: string; kind: string; title: string; articles: string[]; }
interface StaffDecl { name: string; post: string; }
interface DepartmentPlan { name: string; title: string; leader: string; staff: StaffDecl[]; }

const LEADERS: Leader[] = [
    { name: '党委书记', title: '党委书记,主持学院党委全面工作' }, { name: '院长', title: '院长,主持学院行政全面工作' },
    { name: '纪委书记', title: '纪委书记,分管纪检监察和审计工作' }, { name: '分管人事副院长', title: '副院长,分管组织、人事工作' },
    { name: '分管财务副院长', title: '副院长,分管财务、审计和收费工作' }, { name: '分管教学副院长', title: '副院长,分管教学、科研工作' },
    { name: '分管基建副院长', title: '副院长,分管基本建设工作' }, { name: '分管后勤副院长', title: '副院长,分管后勤与国有资产工作' },
    { name: '分管学生工作副院长', title: '副院长,分管学生工作和招生就业' }
];

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
function chineseNumber(n: number): string {
    if (n <= 10) return NUMERALS[n - 1];
    if (n < 20) return `十${NUMERALS[n - 11]}`;
    const tens = Math.floor(n / 10), ones = n % 10;
    return `${NUMERALS[tens - 1]}十${ones ? NUMERALS[ones - 1] : ''}`;
}

function collegeText(): string {
    const out = [
        '// 学院领导、领导小组与工作部署(基准测试生成)。',
        'organization 合肥职业技术学院 {',
        '    campaign "廉政风险防控 查找风险阶段" due 2012-11-15',
        ''
    ];
    for (const leader of LEADERS) out.push(`    leader ${leader.name} "${leader.title}"`);
    out.push('', '    group 领导小组 "廉政风险防控工作领导小组" {',
        `        members ${LEADERS.slice(0, 3).map(l => l.name).join(', ')}`,
        `        members ${LEADERS.slice(3).map(l => l.name).join(', ')}`, '    }',
        '    group 党委会 "中共合肥职业技术学院委员会会议" {', `        members ${LEADERS.slice(0, 4).map(l => l.name).join(', ')}`, '    }',
        '    group 院长办公会 "院长办公会议" {', `        members ${LEADERS.slice(1).map(l => l.name).join(', ')}`, '    }',
        '}', '');
    return out.join('\n');
}

function planBases(random: Random, count: number): BasisDecl[] {
    const kinds = ['law', 'regulation', 'policy', 'internal'];
    const subjects = ['会计', '政府采购', '招标投标', '高等教育', '教师', '预算', '审计', '资产管理', '学生资助', '职称评审',
        '公开招聘', '科研经费', '合同管理', '工程建设', '收费管理', '档案管理', '信息公开', '财务报销', '公务接待', '印章管理'];
    const suffix: Record<string, string[]> = {
        law: ['法'], regulation: ['条例', '实施条例'], policy: ['规定', '暂行办法', '实施意见'], internal: ['管理办法', '实施细则', '工作规程']
    };
    const used = new Set<string>();
    const bases: BasisDecl[] = [];
    while (bases.length < count) {
        const kind = kinds[bases.length % kinds.length];
        let name = random.pick(subjects) + random.pick(suffix[kind]);
        if (used.has(name)) name = `${name}${bases.length}`;
        used.add(name);
        const articleCount = random.int(3, 9);
        const articles: string[] = [];
        let n = random.int(1, 5);
        for (let i = 0; i < articleCount; i++) { articles.push(`第${chineseNumber(n)}条`); n += random.int(1, 4); }
        const title = kind === 'law' ? `中华人民共和国${name}` : kind === 'internal' ? `学院${name}` : `关于${name.replace(/(条例|实施条例|规定|暂行办法|实施意见)$/, '')}的${name.match(/(条例|规定|暂行办法|实施意见)$/)?.[0] ?? '规定'}`;
        bases.push({ name, kind, title, articles });
    }
    return bases;
}

function basesText(random: Random, bases: BasisDecl[]): string {
    const out = ['// 政策依据:法律、行政法规、规范性文件与学院内部制度(基准测试生成)。', ''];
    for (const basis of bases) {
        out.push(`basis ${basis.name} ${basis.kind} "${basis.title}" {`);
        for (const article of basis.articles) {
            out.push(`    article ${article} "${basis.title}${article}:${random.pick(DESCRIPTIONS)}的,应当${random.pick(MEASURES)}。……"`);
        }
        out.push('}', '');
    }
    return out.join('\n');
}

function departmentNames(random: Random, count: number): Array<{ name: string; title: string }> {
    const names: Array<{ name: string; title: string }> = OFFICES.map(name => ({ name, title: name }));
    const combos: string[] = [];
    for (const kind of UNIT_KINDS) for (const field of FIELDS) combos.push(field + kind);
    for (const name of random.sample(combos, Math.max(0, count - names.length))) names.push({ name, title: name });
    return random.sample(names, count);
}

function personName(random: Random, used: Set<string>): string {
    for (;;) {
        const name = random.pick(SURNAMES) + random.pick(GIVEN) + (random.chance(0.6) ? random.pick(GIVEN) : '');
        if (!used.has(name)) { used.add(name); return name; }
    }
}

// ---------------------------------------------------------------- flows

export interface FlowSpec {
    /** Number of nodes (steps and decisions) to aim for. */
    nodes: number;
    kind: 'external' | 'internal';
    /** Parties steps may be done by (internal). */
    parties: readonly string[];
    /** An external role (first step of external flows, correction steps). */
    externalRole?: string;
    /** Parties that decide. */
    deciders: readonly string[];
    /** A collective step by this group. */
    collective?: string;
    withLimit: boolean;
}

/**
 * A flow of about `spec.nodes` nodes: steps in order, with decisions that
 * either branch (two steps that meet again), send back for correction (a
 * loop) or end the flow early. Every node is reachable and can reach the end;
 * the limit is at least the longest path's deadlines.
 */
export function flowLines(random: Random, spec: FlowSpec, indent: string): { lines: string[]; steps: string[] } {
    const lines: string[] = [];
    const usedNames = new Set<string>();
    const unique = (pool: readonly string[]) => {
        for (let attempt = 0; attempt < 20; attempt++) {
            const name = random.pick(pool);
            if (!usedNames.has(name)) { usedNames.add(name); return name; }
        }
        let i = usedNames.size;
        for (;;) {
            const name = `${random.pick(pool)}${i++}`;
            if (!usedNames.has(name)) { usedNames.add(name); return name; }
        }
    };
    let workdays = 0;
    const within = () => {
        const r = random.float();
        if (r < 0.15) { const h = random.pick([2, 4]); workdays += h / 8; return ` within ${h} hours`; }
        if (r < 0.25) { const d = random.int(1, 5); workdays += d; return ` within ${d} ${d === 1 ? 'day' : 'days'}`; }
        const w = random.int(1, 5); workdays += w; return ` within ${w} ${w === 1 ? 'workday' : 'workdays'}`;
    };
    const step = (name: string, by: string, external: boolean, tail = '') =>
        `${indent}    step ${name} by ${by}${external ? '' : within()}${tail}`;
    const internalParty = () => random.pick(spec.parties);

    const body: string[] = [];
    let count = 0;
    const stepNames: string[] = [];
    if (spec.kind === 'external' && spec.externalRole) {
        const name = unique(STEPS); stepNames.push(name);
        body.push(step(name, spec.externalRole, true)); count++;
    }
    let collectiveUsed = false;
    while (count < spec.nodes - 1) {
        const left = spec.nodes - 1 - count;
        const r = random.float();
        if (left >= 4 && r < 0.2 && stepNames.length > 0) {
            // A decision that sends back for correction: D { ok -> NEXT, back -> FIX }, FIX -> earlier step.
            const decision = unique(DECISIONS), fix = unique(FIXES), next = unique(STEPS);
            const back = random.pick(stepNames);
            const fixer = spec.kind === 'external' && spec.externalRole ? spec.externalRole : internalParty();
            const fixerExternal = fixer === spec.externalRole;
            body.push(`${indent}    decision ${decision} by ${random.pick(spec.deciders)} {`,
                `${indent}        "是" -> ${next}`, `${indent}        "否" -> ${fix}`, `${indent}    }`);
            body.push(step(fix, fixer, fixerExternal, ` -> ${back}`));
            body.push(step(next, internalParty(), false));
            stepNames.push(next);
            count += 3;
        } else if (left >= 5 && r < 0.4) {
            // A decision with two branches that meet again: D { a -> A, b -> B }, A -> C, B, C.
            const decision = unique(DECISIONS), a = unique(STEPS), b = unique(STEPS), c = unique(STEPS);
            body.push(`${indent}    decision ${decision} by ${random.pick(spec.deciders)} {`,
                `${indent}        "是" -> ${a}`, `${indent}        "否" -> ${b}`, `${indent}    }`);
            body.push(step(a, internalParty(), false, ` -> ${c}`));
            body.push(step(b, internalParty(), false));
            body.push(step(c, internalParty(), false));
            stepNames.push(a, b, c);
            count += 4;
        } else if (left >= 3 && r < 0.5) {
            // A decision that may end the flow early: D { continue -> NEXT, stop -> end }.
            const decision = unique(DECISIONS), next = unique(STEPS);
            body.push(`${indent}    decision ${decision} by ${random.pick(spec.deciders)} {`,
                `${indent}        "受理" -> ${next}`, `${indent}        "不予受理" -> end`, `${indent}    }`);
            body.push(step(next, internalParty(), false));
            stepNames.push(next);
            count += 2;
        } else if (spec.collective && !collectiveUsed && r < 0.7) {
            const name = unique(['集体研究', '会议审议', '集体决策']);
            body.push(`${indent}    step ${name} by ${spec.collective} collective${within()}`);
            collectiveUsed = true; stepNames.push(name); count++;
        } else {
            const name = unique(STEPS); stepNames.push(name);
            body.push(step(name, internalParty(), false)); count++;
        }
    }
    if (spec.collective && !collectiveUsed) {
        body.push(`${indent}    step 集体决策 by ${spec.collective} collective${within()}`);
        usedNames.add('集体决策');
    }
    const last = unique(['归档', '办结', '反馈结果', '存档备查']);
    body.push(step(last, internalParty(), false));
    stepNames.push(last);
    const limit = spec.withLimit ? ` limit ${Math.ceil(workdays) + random.int(0, 3)} workdays` : '';
    lines.push(`${indent}flow ${spec.kind}${limit} {`, ...body, `${indent}}`);
    return { lines, steps: stepNames };
}

// ---------------------------------------------------------------- departments

interface DeptContext {
    random: Random;
    plan: DepartmentPlan;
    bases: BasisDecl[];
    others: DepartmentPlan[];
    codePrefix: string;
}

function riskLines(ctx: DeptContext, name: string, at: string | undefined, indent: string, aspect: string, owners: Map<string, string[]>): string[] {
    const { random, plan } = ctx;
    const grade = random.pick(['high', 'medium', 'medium', 'low'] as const);
    const consequence = { high: 'criminal', medium: 'disciplinary', low: 'conduct' }[grade];
    const owner = random.pick(plan.staff).name;
    owners.get(owner)!.push(name);
    const method = random.pick(['self', 'colleague', 'leader', 'organization', 'mutual', 'colleague', 'self'] as const);
    let finder: string;
    switch (method) {
        case 'self': finder = owner; break;
        case 'colleague': finder = random.pick(plan.staff.filter(s => s.name !== owner)).name; break;
        case 'leader': finder = plan.leader; break;
        case 'organization': finder = '领导小组'; break;
        case 'mutual': { const other = random.pick(ctx.others); finder = `${other.name}.${random.pick(other.staff).name}`; break; }
    }
    const lines = [
        `${indent}risk ${name}${at ? ` at ${at}` : ''} {`,
        `${indent}    description "${random.pick(DESCRIPTIONS)}"`,
        `${indent}    aspect ${aspect}`,
        `${indent}    probability ${random.pick(['low', 'medium', 'high'])}`,
        `${indent}    harm ${random.pick(['low', 'medium', 'high'])}`,
        `${indent}    cause "${random.pick(CAUSES)}"`,
        `${indent}    consequence ${consequence}`,
        `${indent}    grade ${grade}`,
        `${indent}    owner ${owner}`,
        `${indent}    found by ${finder} ${method}`
    ];
    if (random.chance(0.3)) lines.push(`${indent}    proposed ${random.pick(['low', 'medium', 'high'])} by ${owner}`, `${indent}    final ${grade}`);
    const measures = random.int(1, 3);
    for (let i = 0; i < measures; i++) {
        const by = random.pick(plan.staff).post;
        lines.push(`${indent}    measure "${random.pick(MEASURES)}" by ${by}${random.chance(0.6) ? ` within ${random.pick([15, 30, 60, 90])} days` : ''}`);
    }
    lines.push(`${indent}}`);
    return lines;
}

function departmentText(ctx: DeptContext, targetLines: number): string {
    const { random, plan, bases } = ctx;
    const out: string[] = [`// ${plan.title} 职权目录、权力运行流程图与廉政风险点排查登记(基准测试生成)`,
        `department ${plan.name} "${plan.title}" {`, `    leader ${plan.leader}`, ''];
    const posts = [...new Set(plan.staff.map(s => s.post))];
    for (const post of posts) out.push(`    post ${post} "${POSTS.find(p => p[0] === post)![1]}"`);
    const roles = random.sample(ROLES, 2);
    for (const [role, description] of roles) out.push(`    role ${role} external "${description}"`);
    out.push('');
    for (const s of plan.staff) out.push(`    staff ${s.name} post ${s.post}`);
    out.push('');

    const owners = new Map(plan.staff.map(s => [s.name, [] as string[]]));
    const usedPowers = new Set<string>();
    const usedRisks = new Set<string>();
    const riskName = (base: string) => {
        let name = base, i = 2;
        while (usedRisks.has(name)) name = `${base}${i++}`;
        usedRisks.add(name);
        return name;
    };
    const footer = 6 + plan.staff.length * 4 + 4 * 14;
    let powerIndex = 0;
    while (out.length + footer < targetLines) {
        let name = `${random.pick(OBJECTS)}${random.pick(ACTIONS)}`;
        while (usedPowers.has(name)) name = `${random.pick(OBJECTS)}${random.pick(ACTIONS)}`;
        usedPowers.add(name);
        powerIndex++;
        const category = random.pick(CATEGORIES);
        const major = random.chance(0.12);
        const cites: string[] = [];
        for (const basis of random.sample(bases, random.int(1, 3))) {
            if (random.chance(0.75)) for (const article of random.sample(basis.articles, random.int(1, 2))) cites.push(`${basis.name}.${article}`);
            else cites.push(basis.name);
        }
        out.push(`    power ${name} {`,
            `        code "${ctx.codePrefix}-${String(powerIndex).padStart(2, '0')}"`,
            `        category ${category}`,
            `        content "依据有关规定${random.pick(ACTIONS)}${name.slice(0, -2)}事项,确保程序规范、结果公正"`,
            `        responsible ${random.pick(posts)}`,
            `        basis ${cites.join(', ')}`);
        if (major) out.push('        major');
        out.push('');
        const external = random.chance(0.5);
        const flows: Array<'external' | 'internal'> = external && random.chance(0.3) ? ['external', 'internal'] : [external ? 'external' : 'internal'];
        const allSteps: string[] = [];
        for (const kind of flows) {
            const flow = flowLines(random, {
                nodes: random.int(5, 11), kind,
                parties: [...posts, ...(random.chance(0.5) ? [plan.leader] : [])],
                externalRole: kind === 'external' ? random.pick(roles)[0] : undefined,
                deciders: [...posts, plan.leader],
                collective: major && kind === flows[flows.length - 1] ? random.pick(['院长办公会', '党委会']) : undefined,
                withLimit: random.chance(0.7)
            }, '        ');
            out.push(...flow.lines, '');
            allSteps.push(...flow.steps);
        }
        const risks = random.int(1, 3);
        for (let i = 0; i < risks; i++) {
            const at = random.chance(0.85) ? random.pick(allSteps) : undefined;
            out.push(...riskLines(ctx, riskName(`${name.slice(0, -2)}${random.pick(['把关不严', '违规操作', '程序不规范', '暗箱操作', '优亲厚友'])}`), at, '        ',
                random.pick(['duty', 'process', 'mechanism']), owners));
        }
        out.push('    }', '');
    }
    // Department-level risks: together they cover the three aspects.
    for (const aspect of ['duty', 'process', 'mechanism']) {
        out.push(...riskLines(ctx, riskName(random.pick(['关键岗位长期不轮岗', '制度更新滞后', '监督检查不到位', '信息公开不充分'])), undefined, '    ', aspect, owners), '');
    }
    for (const s of plan.staff) {
        const risks = owners.get(s.name)!;
        out.push(`    register ${s.name} {`);
        if (risks.length > 0) out.push(`        risks ${risks.join(', ')}`);
        out.push(`        signed 2012-10-${String(random.int(20, 31)).padStart(2, '0')}`, '    }');
    }
    out.push('    register department {', `        reviewed 2012-11-0${random.int(1, 5)} "部门会议集体讨论审定"`,
        `        approved by ${plan.leader} on 2012-11-0${random.int(6, 9)}`, '    }', '}', '');
    return out.join('\n');
}

function planDepartment(random: Random, name: string, title: string): DepartmentPlan {
    const used = new Set<string>();
    const posts = random.sample(POSTS.map(p => p[0]), random.int(4, 7));
    const staff: StaffDecl[] = posts.map(post => ({ name: personName(random, used), post }));
    for (let extra = random.int(0, 3); extra > 0; extra--) staff.push({ name: personName(random, used), post: random.pick(posts) });
    return { name, title, leader: random.pick(LEADERS.slice(3)).name, staff };
}

function pinyinPrefix(index: number): string {
    const letters = 'ABCDEFGHJKLMNPQRSTWXYZ';
    return letters[Math.floor(index / letters.length) % letters.length] + letters[index % letters.length];
}

/**
 * A workspace of `departments` department files (one of them big) plus
 * college.sun and bases.sun. Defaults give ~100k lines in 200 files.
 */
export function generateWorkspace(options: GenerateOptions = {}): GeneratedWorkspace {
    const seed = options.seed ?? 20121011;
    const count = options.departments ?? 198;
    const lines = options.departmentLines ?? 490;
    const bigLines = options.bigDepartmentLines ?? 2000;
    const random = new Random(seed);
    const files = new Map<string, string>();
    files.set('college.sun', collegeText());
    const bases = planBases(random, options.bases ?? 40);
    files.set('bases.sun', basesText(random, bases));
    const names = departmentNames(random, count);
    const plans = names.map(({ name, title }) => planDepartment(random, name, title));
    let bigFile = '';
    plans.forEach((plan, i) => {
        const others = plans.filter(p => p !== plan);
        const ctx: DeptContext = { random, plan, bases, others: random.sample(others, 5), codePrefix: pinyinPrefix(i) };
        const file = `departments/d${String(i + 1).padStart(3, '0')}.sun`;
        const big = i === Math.floor(count / 2);
        if (big) bigFile = file;
        files.set(file, departmentText(ctx, big ? bigLines : lines + random.int(-60, 60)));
    });
    let totalLines = 0, bytes = 0;
    for (const text of files.values()) { totalLines += text.split('\n').length - 1; bytes += Buffer.byteLength(text, 'utf8'); }
    return { files, bigFile, departmentNames: plans.map(p => p.name), lines: totalLines, bytes };
}

/**
 * A one-department workspace whose power has one flow of about `nodes` nodes
 * (for the preview pipeline and the layout-quality benchmark). Returns the
 * department text; college.sun and bases.sun come from `generateWorkspace`'s
 * helpers so the references resolve.
 */
export function generateFlowWorkspace(seed: number, nodes: number, kind: 'external' | 'internal' = 'external'): Map<string, string> {
    const random = new Random(seed);
    const files = new Map<string, string>();
    files.set('college.sun', collegeText());
    const bases = planBases(random, 4);
    files.set('bases.sun', basesText(random, bases));
    const plan = planDepartment(random, '财务处', '财务处');
    const posts = [...new Set(plan.staff.map(s => s.post))];
    const flow = flowLines(random, {
        nodes, kind, parties: [...posts, plan.leader], externalRole: '申请人', deciders: [...posts, plan.leader],
        collective: random.chance(0.5) ? '院长办公会' : undefined, withLimit: true
    }, '        ');
    const text = [`department ${plan.name} "${plan.title}" {`, `    leader ${plan.leader}`,
        ...posts.map(p => `    post ${p} "${POSTS.find(x => x[0] === p)![1]}"`),
        '    role 申请人 external "提出申请的教职工"',
        ...plan.staff.map(s => `    staff ${s.name} post ${s.post}`),
        '    power 基准流程 {', '        category finance', `        responsible ${posts[0]}`, `        basis ${bases[0].name}`,
        ...flow.lines, '    }', '}', ''].join('\n');
    files.set('departments/flow.sun', text);
    return files;
}
