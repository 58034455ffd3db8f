import { AstUtils, GrammarAST, type AstNode, type AstNodeDescription, type LangiumDocuments, type MaybePromise, type ReferenceInfo, type Stream } from 'langium';
import {
    DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionProviderOptions, type CompletionValueItem
} from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver';
import type { SunlightSettings } from '../config.js';
import type { Department, Organization, Power, Register, Risk } from '../generated/ast.js';
import type { SunlightServices } from '../sunlight-module.js';
import { departmentOf, describe, describeBriefly, findOrganization, textFor } from './describe.js';
import { GRADES, TERM_HEADINGS, TERMS_BY_RULE, termDetail, termMarkdown } from './terms.js';

/**
 * Completion that knows where it is:
 * - keywords that may come next, without the properties already written in
 *   the block (a second `grade` is never proposed);
 * - references from the scope, with what they are in the detail; a
 *   department's own members by their simple names, other departments'
 *   members qualified (`人事处.处长`), articles through their basis
 *   (`会计法.第十条`);
 * - enum values with their Chinese meaning (`finance` — 财; for grades, the
 *   notice's definition);
 * - snippets for department, power, flow, step, decision, risk and register.
 */
export class SunlightCompletionProvider extends DefaultCompletionProvider {
    override readonly completionOptions: CompletionProviderOptions = { triggerCharacters: ['.'] };
    private readonly settings: SunlightSettings;
    private readonly documents: LangiumDocuments;

    constructor(services: SunlightServices) {
        super(services);
        this.settings = services.config.Settings;
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (!this.filterKeyword(context, keyword)) return;
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
        const t = textFor(this.settings.locale);
        const table = rule ? TERMS_BY_RULE[rule.name] : undefined;
        const entry = table?.[keyword.value];
        if (rule && entry) {
            const property = this.previousWord(context);
            const grade = rule.name === 'Level' && (property === 'grade' || property === 'final' || property === 'proposed');
            const shown = grade ? GRADES[keyword.value] : entry;
            acceptor(context, {
                label: keyword.value,
                kind: CompletionItemKind.EnumMember,
                detail: termDetail(shown, grade),
                documentation: { kind: 'markdown', value: termMarkdown(keyword.value, shown, this.settings.locale, TERM_HEADINGS[property ?? ''] ?? { en: rule.name, zh: rule.name }) },
                sortText: '0'
            });
            return;
        }
        if (rule && this.alreadyWritten(context.node, rule.name, keyword.value)) return;
        acceptor(context, {
            label: keyword.value,
            kind: CompletionItemKind.Keyword,
            detail: t('keyword', '关键字'),
            sortText: '1'
        });
        for (const snippet of (rule && SNIPPETS[rule.name]?.[keyword.value]) ?? []) {
            acceptor(context, {
                label: keyword.value,
                kind: CompletionItemKind.Snippet,
                detail: t(snippet.en, snippet.zh),
                insertText: snippet.body(this.snippetContext(context.node)),
                insertTextFormat: InsertTextFormat.Snippet,
                sortText: '1'
            });
        }
    }

    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const department = departmentOf(refInfo.container);
        const own = department?.name;
        // A department's own members are offered by their simple names only.
        return super.getReferenceCandidates(refInfo, context)
            .filter(candidate => !own || !candidate.name.startsWith(`${own}.`))
            .distinct(candidate => `${candidate.type}:${candidate.name}`);
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const node = safeNode(description);
        const locale = this.settings.locale;
        const brief = node ? describeBriefly(node, locale) : undefined;
        const markdown = node ? describe(node, locale) : undefined;
        return {
            ...item,
            detail: brief ? `${typeLabel(description.type, locale)} · ${brief}` : typeLabel(description.type, locale),
            documentation: markdown ? { kind: 'markdown', value: markdown } : item.documentation,
            // Own department and this flow first, then the workspace's names, then other departments' members.
            sortText: description.name.includes('.') ? '2' : isTopLevelType(description.type) ? '1' : '0'
        };
    }

    /** Whether the single-valued property this keyword starts is already written in its block. */
    protected alreadyWritten(node: AstNode | undefined, ruleName: string, keyword: string): boolean {
        const check = WRITTEN[`${ruleName}.${keyword}`];
        if (!check || !node) return false;
        const owner = AstUtils.getContainerOfType(node, (candidate): candidate is AstNode => candidate.$type === check.owner);
        return owner ? check.written(owner as never) : false;
    }

    /** The word before the token being completed (`grade` in `grade hi|`). */
    private previousWord(context: CompletionContext): string | undefined {
        const before = context.textDocument.getText().slice(0, context.tokenOffset);
        return /([\p{L}_][\p{L}\p{N}_]*)\s*$/u.exec(before)?.[1];
    }

    /** Names a snippet may offer: the department's parties and staff, the organisation's leaders. */
    private snippetContext(node: AstNode | undefined): SnippetContext {
        const department = departmentOf(node);
        const names = (nodes: ReadonlyArray<{ name: string }>) => nodes.map(n => n.name).filter(Boolean);
        return {
            parties: department ? names([...department.posts, ...department.roles, ...department.staff]) : [],
            staff: department ? names(department.staff) : [],
            leaders: names(findOrganization(this.documents)?.leaders ?? []),
            today: new Date().toISOString().slice(0, 10)
        };
    }
}

function safeNode(description: AstNodeDescription): AstNode | undefined {
    try {
        return description.node;
    } catch {
        return undefined;
    }
}

function isTopLevelType(type: string): boolean {
    return ['Organization', 'Leader', 'Group', 'Basis', 'Department', 'Article'].includes(type);
}

const TYPE_LABELS: Record<string, { en: string; zh: string }> = {
    Organization: { en: 'organisation', zh: '单位' },
    Leader: { en: 'leader', zh: '院领导' },
    Group: { en: 'group', zh: '领导小组' },
    Basis: { en: 'basis', zh: '政策依据' },
    Article: { en: 'article', zh: '条款' },
    Department: { en: 'department', zh: '部门' },
    Post: { en: 'post', zh: '岗位' },
    Role: { en: 'role', zh: '角色' },
    Staff: { en: 'staff', zh: '工作人员' },
    Power: { en: 'power', zh: '职权' },
    Risk: { en: 'risk point', zh: '风险点' },
    Step: { en: 'step', zh: '环节' },
    Decision: { en: 'decision', zh: '决策' }
};

function typeLabel(type: string, locale: 'en' | 'zh'): string {
    return TYPE_LABELS[type]?.[locale] ?? type;
}

/** `Rule.keyword` → the block that holds the property and whether it is written there. */
const WRITTEN: Record<string, { owner: string; written: (node: never) => boolean }> = {
    'Campaign.campaign': { owner: 'Organization', written: (node: Organization) => node.campaign !== undefined },
    'Department.leader': { owner: 'Department', written: (node: Department) => node.leader !== undefined },
    'Power.code': { owner: 'Power', written: (node: Power) => node.code !== undefined },
    'Power.category': { owner: 'Power', written: (node: Power) => node.category !== undefined },
    'Power.content': { owner: 'Power', written: (node: Power) => node.content !== undefined },
    'Power.responsible': { owner: 'Power', written: (node: Power) => node.responsible !== undefined },
    'Power.basis': { owner: 'Power', written: (node: Power) => node.bases.length > 0 },
    'Power.major': { owner: 'Power', written: (node: Power) => node.major },
    'Risk.description': { owner: 'Risk', written: (node: Risk) => node.description !== undefined },
    'Risk.aspect': { owner: 'Risk', written: (node: Risk) => node.aspect !== undefined },
    'Risk.probability': { owner: 'Risk', written: (node: Risk) => node.probability !== undefined },
    'Risk.harm': { owner: 'Risk', written: (node: Risk) => node.harm !== undefined },
    'Risk.cause': { owner: 'Risk', written: (node: Risk) => node.cause !== undefined },
    'Risk.consequence': { owner: 'Risk', written: (node: Risk) => node.consequence !== undefined },
    'Risk.grade': { owner: 'Risk', written: (node: Risk) => node.grade !== undefined },
    'Risk.owner': { owner: 'Risk', written: (node: Risk) => node.owner !== undefined },
    'Risk.final': { owner: 'Risk', written: (node: Risk) => node.final !== undefined },
    'Finding.found': { owner: 'Risk', written: (node: Risk) => node.found !== undefined },
    'Proposal.proposed': { owner: 'Risk', written: (node: Risk) => node.proposed !== undefined },
    'Register.risks': { owner: 'Register', written: (node: Register) => node.risks.length > 0 || node.department },
    'Register.signed': { owner: 'Register', written: (node: Register) => node.signed !== undefined || node.department },
    'Register.reviewed': { owner: 'Register', written: (node: Register) => node.reviewed !== undefined || !node.department },
    'Register.approved': { owner: 'Register', written: (node: Register) => node.approvedBy !== undefined || !node.department }
};

/** What a snippet may offer in its choices. */
export interface SnippetContext {
    /** The department's posts, roles and staff (for `responsible` / `by`). */
    readonly parties: readonly string[];
    readonly staff: readonly string[];
    /** The organisation's leaders. */
    readonly leaders: readonly string[];
    /** Today, YYYY-MM-DD. */
    readonly today: string;
}

interface Snippet {
    readonly en: string;
    readonly zh: string;
    readonly body: (c: SnippetContext) => string;
}

/** `${n|a,b|}` of the names, or a plain placeholder. */
function choice(index: number, names: readonly string[], fallback: string): string {
    return names.length > 0 ? `\${${index}|${names.join(',')}|}` : `\${${index}:${fallback}}`;
}

/** Snippets by rule and keyword; `\t` is one level of the editor's indentation. */
const SNIPPETS: Record<string, Record<string, Snippet[]>> = {
    Department: {
        department: [{
            en: 'new department', zh: '新部门',
            body: c => `department \${1:部门} "\${2:部门全称}" {\n\tleader ${choice(3, c.leaders, '分管院领导')}\n\n\tpost \${4:岗位} "\${5:岗位职责}"\n\tstaff \${6:姓名} post \${4:岗位}\n\n\t$0\n}`
        }]
    },
    Power: {
        power: [{
            en: 'new power', zh: '新职权',
            body: c => `power \${1:职权} {\n\tcategory \${2|personnel,finance,assets,student,other|}\n\tcontent "\${3:职权内容}"\n\tresponsible ${choice(4, c.parties, '责任主体')}\n\tbasis \${5:政策依据}\n\n\t$0\n}`
        }]
    },
    Flow: {
        flow: [{
            en: 'new flowchart', zh: '新流程图',
            body: c => `flow \${1|internal,external|} limit \${2:5} workdays {\n\tstep \${3:受理} by ${choice(4, c.parties, '责任主体')} within \${5:1} workday\n\t$0\n}`
        }]
    },
    Step: {
        step: [{
            en: 'new step', zh: '新环节',
            body: c => `step \${1:环节} by ${choice(2, c.parties, '责任主体')} within \${3:1} \${4|workdays,workday,days,day,hours,hour|}`
        }]
    },
    Decision: {
        decision: [{
            en: 'new decision', zh: '新决策',
            body: c => `decision \${1:是否同意} by ${choice(2, c.parties, '责任主体')} {\n\t"\${3:是}" -> \${4:下一环节}\n\t"\${5:否}" -> \${6:end}\n}`
        }]
    },
    Risk: {
        risk: [{
            en: 'new risk point', zh: '新风险点',
            body: c => `risk \${1:风险点} {\n\tdescription "\${2:风险描述}"\n\taspect \${3|duty,process,mechanism|}\n\tprobability \${4|low,medium,high|}\n\tharm \${5|low,medium,high|}\n\tcause "\${6:形成原因}"\n\tconsequence \${7|conduct,disciplinary,criminal|}\n\tgrade \${8|low,medium,high|}\n\towner ${choice(9, c.staff, '责任人')}\n\tfound by ${choice(10, c.staff, '查找人')} \${11|self,colleague,public,mutual,leader,organization|}\n\tmeasure "\${12:防控措施}" by ${choice(13, c.parties, '责任主体')}\n}`
        }]
    },
    Register: {
        register: [{
            en: 'new register (individual)', zh: '新排查登记表(个人)',
            body: c => `register ${choice(1, c.staff, '姓名')} {\n\trisks \${2:风险点}\n\tsigned \${3:${c.today}}\n}`
        }, {
            en: 'new register (department)', zh: '新排查登记表(部门)',
            body: c => `register department {\n\treviewed \${1:${c.today}} "\${2:处务会集体讨论}"\n\tapproved by ${choice(3, c.leaders, '分管院领导')} on \${4:${c.today}}\n}`
        }]
    }
};
