import type { Locale } from '../language/messages.js';

/**
 * The files of a new college repository (`sunlight init`): the organisation,
 * the bases, one worked example of a department, `sunlight.json`, and the
 * configuration that runs the checks on every change (GitHub Actions with
 * code scanning, a script for any other CI, pre-commit hooks). Content is
 * Chinese (it is the college's); comments follow the locale. The `.sun`
 * files are formatted by the caller, and `sunlight check` of the whole is
 * clean (test/init/).
 */
export interface TemplateFile {
    readonly path: string;
    readonly content: string;
    /** A `.sun` file (formatted before it is written). */
    readonly sun?: boolean;
    /** Part of the worked example: left out when the folder already has `.sun` files. */
    readonly example?: boolean;
}

export interface TemplateOptions {
    /** The organisation's name (an identifier). */
    readonly college: string;
    /** The campaign's due date, YYYY-MM-DD. */
    readonly due: string;
    readonly locale: Locale;
}

type Words = Record<string, string>;

const EN: Words = {
    college: `// The organisation: its leaders, its groups and the campaign with its due date.
// Every department names its leader in charge from the leaders declared here.`,
    leaders: '// The college leaders (院领导): a name, then the title and duties as a string.',
    group: '// The leadership group grades the risk points in the end (final GRADE).',
    bases: `// The legal and policy bases (政策依据) the powers cite, shared by all departments.
// Kinds: law, regulation, policy, internal. Cite a whole basis (三定方案) or one article (会计法.第十四条).`,
    department: `// A worked example of a department file: replace it with your own departments,
// one file each. \`sunlight check\` says what the notice requires and a file does not say.`,
    leader: '// The leader in charge (分管院领导), declared in college.sun.',
    posts: '// Posts with their duties, outside parties (role … external), staff and their posts.',
    power: '// One power of the catalog (职权目录): code, category, content, responsible party, bases.',
    flow: '// The flowchart (权力运行流程图): steps in order, who does each, by when; the limit is the whole time allowed.',
    risk: '// A risk point (风险点) at a step: aspect, grade, owner, who found it, the measures.',
    registers: '// The registers (排查登记表): everyone signs their own; the department form is reviewed and approved.',
    gitignore: '# What Sunlight exports: generated from the files, not kept in the repository.',
    workflow: `# Checks the catalog on every push and pull request and shows the findings in
# GitHub code scanning (Security → Code scanning). Set the repository variable
# SUNLIGHT_PACKAGE to where Sunlight is installed from (an npm package name,
# a tarball URL or a git URL); the default is the npm package "sunlight".`,
    script: `# Runs Sunlight's checks on any CI (GitLab CI, Jenkins, Gitee Go…), from the
# repository's root: the layout (sunlight fmt --check) and the rules
# (sunlight check). Writes sunlight-junit.xml for the CI's test report.
# Exit 0 clean, 1 problems found, 2 Sunlight could not run.`,
    precommit: `# pre-commit (https://pre-commit.com): \`pre-commit install\` once, then every
# commit checks the layout of the .sun files and the whole workspace.`
};

const ZH: Words = {
    college: `// 单位:院领导、领导小组,以及本次工作(campaign)和报送截止日期。
// 各部门的分管院领导(leader)从这里声明的院领导中选择。`,
    leaders: '// 院领导:名称,然后是职务与分工(字符串)。',
    group: '// 领导小组最终审定风险等级(final 等级)。',
    bases: `// 各职权引用的法律、法规、政策和内部制度(政策依据),各部门共用。
// 类别:law 法律、regulation 法规、policy 政策、internal 内部制度。可引用整部依据(三定方案)或某一条(会计法.第十四条)。`,
    department: `// 部门文件示例:请换成本单位的各部门,每个部门一个文件。
// sunlight check 会列出通知要求而文件中没有写明的内容。`,
    leader: '// 分管院领导,在 college.sun 中声明。',
    posts: '// 岗位及其职责、外部办事人(role … external)、工作人员及其岗位。',
    power: '// 职权目录中的一项职权:编号、类别、职权内容、责任主体、政策依据。',
    flow: '// 权力运行流程图:按顺序写环节、承办人和办理时限;limit 是整个流程的时限。',
    risk: '// 环节上的廉政风险点:风险类型、等级、责任人、查找方式、防控措施。',
    registers: '// 排查登记表:每位工作人员本人签字;部门登记表经集体讨论并由分管院领导审定。',
    gitignore: '# Sunlight 导出的材料:由文件生成,不纳入版本库。',
    workflow: `# 每次推送和合并请求时检查职权目录,并在 GitHub 代码扫描中显示结果
# (Security → Code scanning)。请在仓库变量 SUNLIGHT_PACKAGE 中填写 Sunlight
# 的安装来源(npm 包名、压缩包网址或 git 网址),默认为 npm 包 "sunlight"。`,
    script: `# 在任意 CI(GitLab CI、Jenkins、Gitee Go 等)中于仓库根目录运行 Sunlight 检查:
# 文件格式(sunlight fmt --check)和规则(sunlight check)。
# 生成 sunlight-junit.xml 供 CI 的测试报告使用。
# 退出码:0 无问题,1 发现问题,2 无法运行。`,
    precommit: `# pre-commit(https://pre-commit.com):运行一次 pre-commit install,
# 此后每次提交都会检查 .sun 文件的格式和整个工作区。`
};

export function templateFiles(options: TemplateOptions): TemplateFile[] {
    const w = options.locale === 'zh' ? ZH : EN;
    return [
        { path: 'college.sun', sun: true, content: collegeSun(options, w) },
        { path: 'bases.sun', sun: true, example: true, content: basesSun(w) },
        { path: 'departments/finance.sun', sun: true, example: true, content: departmentSun(options, w) },
        { path: 'sunlight.json', content: `${JSON.stringify({ rules: { 'flow-too-long': { severity: 'info', maxSteps: 12 } } }, null, 2)}\n` },
        { path: '.gitignore', content: `${w.gitignore}\nhandin/\nreport/\nflowcharts/\nsunlight.sarif\nsunlight-junit.xml\nnode_modules/\n` },
        { path: '.github/workflows/sunlight.yml', content: workflow(w) },
        { path: 'ci/check.sh', content: ciScript(w) },
        { path: '.pre-commit-config.yaml', content: preCommit(w) }
    ];
}

function collegeSun(options: TemplateOptions, w: Words): string {
    return `${w.college}

organization ${options.college} {
    campaign "廉政风险防控 查找风险阶段(清权确权、风险查找)" due ${options.due}

    ${w.leaders}
    leader 党委书记 "党委书记,主持学院党委全面工作,负责党风廉政建设"
    leader 院长 "院长,主持学院行政全面工作"
    leader 纪委书记 "纪委书记,分管纪检监察和审计工作"
    leader 分管财务副院长 "副院长,分管财务、审计和收费管理工作"

    ${w.group}
    group 领导小组 "廉政风险防控工作领导小组" {
        members 党委书记, 院长, 纪委书记, 分管财务副院长
    }
}
`;
}

function basesSun(w: Words): string {
    return `${w.bases}

basis 会计法 law "中华人民共和国会计法" {
    article 第十四条 "会计机构、会计人员必须按照国家统一的会计制度的规定对原始凭证进行审核,对不真实、不合法的原始凭证有权不予接受……"
    article 第三十七条 "会计机构内部应当建立稽核制度。出纳人员不得兼任稽核、会计档案保管和收入、支出、费用、债权债务账目的登记工作。"
}
basis 三定方案 internal "学院各部门“三定”方案(定职能、定机构、定编制)"
basis 财务报销管理办法 internal "学院财务报销管理办法"
`;
}

function departmentSun(options: TemplateOptions, w: Words): string {
    return `${w.department}

department 财务处 "财务处" {
    ${w.leader}
    leader 分管财务副院长

    ${w.posts}
    post 处长 "主持财务处全面工作"
    post 报销会计 "审核报销单据,编制记账凭证"
    post 出纳 "现金与银行存款收付"
    role 报销人 external "来财务处办理报销的教职工"

    staff 王芳 post 处长
    staff 李强 post 报销会计
    staff 赵敏 post 出纳

    ${w.power}
    power 经费报销审核 {
        code "CW-01"
        category finance
        content "审核各部门经费报销单据的真实性、合法性和完整性,按审批权限办理报销"
        responsible 报销会计
        basis 会计法.第十四条, 财务报销管理办法, 三定方案

        ${w.flow}
        flow external limit 5 workdays {
            step 提交单据 by 报销人
            step 审核单据 by 报销会计 within 2 workdays
            decision 单据是否合规 by 报销会计 {
                "合规" -> 处长签批
                "不合规" -> 补正单据
            }
            step 补正单据 by 报销人 -> 审核单据
            step 处长签批 by 处长 within 1 workday
            step 付款 by 出纳 within 1 workday
        }

        ${w.risk}
        risk 虚假票据报销 at 审核单据 {
            description "对虚开发票、重复报销、超标准报销审核把关不严"
            aspect process
            consequence disciplinary
            grade medium
            owner 李强
            found by 李强 self
            measure "逐张查验发票真伪,建立报销台账防止重复报销" by 报销会计 within 30 days
        }
    }

    risk 印鉴由一人保管 {
        description "财务专用章和网银U盾由出纳一人保管,可独立完成支付"
        aspect duty
        consequence criminal
        grade high
        owner 赵敏
        found by 王芳 leader
        measure "财务专用章由处长保管,网银实行制单、复核双U盾" by 处长 within 15 days
    }
    risk 报销标准更新滞后 {
        description "报销标准未随上级规定及时修订"
        aspect mechanism
        consequence conduct
        grade low
        owner 王芳
        found by 赵敏 colleague
        measure "每学期对照上级文件修订报销标准" by 处长
    }

    ${w.registers}
    register 王芳 {
        risks 报销标准更新滞后
        signed ${options.due}
    }
    register 李强 {
        risks 虚假票据报销
        signed ${options.due}
    }
    register 赵敏 {
        risks 印鉴由一人保管
        signed ${options.due}
    }
    register department {
        reviewed ${options.due} "处务会集体讨论"
        approved by 分管财务副院长 on ${options.due}
    }
}
`;
}

function workflow(w: Words): string {
    return `${w.workflow}
name: Sunlight

on:
  push:
  pull_request:

permissions:
  contents: read
  security-events: write

jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: Install Sunlight
        run: npm install --global "\${{ vars.SUNLIGHT_PACKAGE || 'sunlight' }}"
      - name: Check
        run: sunlight check --format sarif . > sunlight.sarif
      - name: Upload to code scanning
        if: always()
        uses: github/codeql-action/upload-sarif@v3
        with:
          sarif_file: sunlight.sarif
          category: sunlight
      - name: Layout
        if: always()
        run: sunlight fmt --check .
`;
}

function ciScript(w: Words): string {
    return `#!/bin/sh
${w.script}
set -u
status=0
sunlight fmt --check . || status=1
sunlight check --format junit . > sunlight-junit.xml
code=$?
if [ "$code" -gt "$status" ]; then status=$code; fi
sunlight check . || true
exit "$status"
`;
}

function preCommit(w: Words): string {
    return `${w.precommit}
repos:
  - repo: local
    hooks:
      - id: sunlight-fmt
        name: sunlight fmt --check
        entry: sunlight fmt --check
        language: system
        files: \\.sun$
      - id: sunlight-check
        name: sunlight check
        entry: sunlight check .
        language: system
        files: (\\.sun|sunlight\\.json)$
        pass_filenames: false
`;
}
