import {
    AstUtils, CstUtils, GrammarUtils, type AstNode, type AstReflection, type CstNode, type LangiumDocument, type LangiumDocuments,
    type Reference, type ReferenceInfo
} from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { SunlightSettings } from '../config.js';
import { baseUnit } from '../flow-graph.js';
import {
    isBasis, isDecision, isDepartment, isModel, isPower, isRisk, isStaff, isStep,
    type Basis, type Decision, type Department, type Organization, type Power, type Staff, type Step
} from '../generated/ast.js';
import type { Locale } from '../messages.js';
import { isRuleCode, type RuleCode } from '../rules.js';
import type { SunlightServices } from '../sunlight-module.js';
import { GRADE_OF_CONSEQUENCE } from '../validation/risk-checks.js';
import { departmentOf, findOrganization } from './describe.js';
import { CONSEQUENCES, GRADES } from './terms.js';

type Fix = (document: LangiumDocument, diagnostic: Diagnostic) => CodeAction[];

/** One level of the canonical indentation (see formatter.ts). */
const INDENT = '    ';

/**
 * Quick fixes, keyed by the diagnostic's code (language/rules.ts). Each fix
 * inserts or replaces whole clauses, so the file still parses, and clears the
 * diagnostic it is attached to. Titles and inserted placeholder texts follow
 * SunlightSettings.locale.
 */
export class SunlightCodeActionProvider implements CodeActionProvider {
    private readonly settings: SunlightSettings;
    private readonly documents: LangiumDocuments;
    private readonly reflection: AstReflection;
    private readonly fixes: Partial<Record<RuleCode, Fix>>;

    constructor(services: SunlightServices) {
        this.settings = services.config.Settings;
        this.documents = services.shared.workspace.LangiumDocuments;
        this.reflection = services.shared.AstReflection;
        this.fixes = {
            'missing-grade': (d, g) => this.missingGrade(d, g),
            'grade-consequence-mismatch': (d, g) => this.gradeMismatch(d, g),
            'missing-responsible': (d, g) => this.missingResponsible(d, g),
            'missing-deadline': (d, g) => this.missingDeadline(d, g),
            'missing-owner': (d, g) => this.missingOwner(d, g),
            'high-risk-without-measure': (d, g) => this.highRiskWithoutMeasure(d, g),
            'unresolved-reference': (d, g) => this.unresolvedReference(d, g),
            'staff-without-register': (d, g) => this.staffWithoutRegister(d, g),
            'missing-leader': (d, g) => this.missingLeader(d, g)
        };
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): Array<Command | CodeAction> {
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const code = diagnostic.code;
            if (!isRuleCode(code)) continue;
            const fix = this.fixes[code];
            if (!fix) continue;
            try {
                actions.push(...fix(document, diagnostic));
            } catch (error) {
                // A fix that cannot be computed is simply not offered.
                console.error(error);
            }
        }
        return actions;
    }

    private get locale(): Locale {
        return this.settings.locale;
    }

    private t(en: string, zh: string): string {
        return this.locale === 'zh' ? zh : en;
    }

    // ---------------------------------------------------------------- risks

    private missingGrade(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const risk = nodeAt(document, diagnostic, isRisk);
        if (!risk) return [];
        const implied = risk.consequence ? GRADE_OF_CONSEQUENCE[risk.consequence] : undefined;
        const grade = implied ?? 'medium';
        const title = implied
            ? this.t(`Add 'grade ${grade}' (consequence '${risk.consequence}' means ${grade})`,
                `添加“grade ${grade}”(后果“${CONSEQUENCES[risk.consequence!].zh}”对应“${GRADES[grade].zh}”等级)`)
            : this.t(`Add 'grade ${grade}' (to be assessed)`, `添加“grade ${grade}”(待评定)`);
        const after = propertyNode(risk, 'consequence') ?? propertyNode(risk, 'harm') ?? propertyNode(risk, 'probability') ?? propertyNode(risk, 'aspect');
        return [this.action(title, diagnostic, document, [insertMember(document, risk, `grade ${grade}`, { after })], true)];
    }

    private gradeMismatch(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const risk = nodeAt(document, diagnostic, isRisk);
        if (!risk?.consequence || !risk.grade) return [];
        const expected = GRADE_OF_CONSEQUENCE[risk.consequence];
        const gradeNode = propertyNode(risk, 'grade');
        const consequenceNode = propertyNode(risk, 'consequence');
        const actions: CodeAction[] = [];
        if (gradeNode) {
            actions.push(this.action(
                this.t(`Change the grade to '${expected}' (as consequence '${risk.consequence}' means)`, `将等级改为“${expected}”(与后果一致)`),
                diagnostic, document, [{ range: gradeNode.range, newText: expected }], true));
        }
        const consequence = (Object.keys(GRADE_OF_CONSEQUENCE) as Array<keyof typeof GRADE_OF_CONSEQUENCE>).find(key => GRADE_OF_CONSEQUENCE[key] === risk.grade);
        if (consequenceNode && consequence) {
            actions.push(this.action(
                this.t(`Change the consequence to '${consequence}' (as grade '${risk.grade}' means)`, `将后果改为“${consequence}”(与等级一致)`),
                diagnostic, document, [{ range: consequenceNode.range, newText: consequence }], false));
        }
        return actions;
    }

    private missingOwner(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const risk = nodeAt(document, diagnostic, isRisk);
        const department = departmentOf(risk);
        if (!risk || !department) return [];
        const finder = risk.found?.by?.ref;
        const owner = isStaff(finder) ? risk.found!.by!.$refText
            : risk.proposed?.by?.ref ? risk.proposed.by.$refText
            : department.staff[0]?.name;
        if (!owner) return [];
        const after = propertyNode(risk, 'grade') ?? propertyNode(risk, 'consequence') ?? propertyNode(risk, 'aspect') ?? propertyNode(risk, 'description');
        return [this.action(this.t(`Add 'owner ${owner}'`, `添加责任人“owner ${owner}”`), diagnostic, document,
            [insertMember(document, risk, `owner ${owner}`, { after })], true)];
    }

    private highRiskWithoutMeasure(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const risk = nodeAt(document, diagnostic, isRisk);
        if (!risk) return [];
        const department = departmentOf(risk);
        const power = isPower(risk.$container) ? risk.$container : undefined;
        const party = power?.responsible?.ref ? power.responsible.$refText
            : risk.owner?.ref ? (risk.owner.ref as Staff).post?.$refText ?? risk.owner.$refText
            : department?.posts[0]?.name;
        const text = this.t('TODO: control measure', '待补充:防控措施');
        const measure = `measure "${text}"${party ? ` by ${party}` : ''} within 30 days`;
        return [this.action(this.t('Add a control measure', '添加防控措施'), diagnostic, document, [insertMember(document, risk, measure, {})], true)];
    }

    // ---------------------------------------------------------------- powers and flows

    private missingResponsible(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const node = nodeAt(document, diagnostic, (n): n is Power | Step | Decision => isPower(n) || isStep(n) || isDecision(n));
        if (!node) return [];
        const department = departmentOf(node);
        if (isPower(node)) {
            const party = department?.posts[0]?.name ?? department?.staff[0]?.name ?? department?.name;
            if (!party) return [];
            const after = propertyNode(node, 'content') ?? propertyNode(node, 'category') ?? propertyNode(node, 'code');
            return [this.action(this.t(`Add 'responsible ${party}'`, `添加责任主体“responsible ${party}”`), diagnostic, document,
                [insertMember(document, node, `responsible ${party}`, { after, first: !after })], true)];
        }
        const power = node.$container.$container;
        const party = power.responsible?.ref ? power.responsible.$refText : department?.posts[0]?.name ?? department?.staff[0]?.name;
        const name = propertyNode(node, 'name');
        if (!party || !name) return [];
        return [this.action(this.t(`Add 'by ${party}'`, `添加办理人“by ${party}”`), diagnostic, document,
            [{ range: { start: name.range.end, end: name.range.end }, newText: ` by ${party}` }], true)];
    }

    private missingDeadline(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const step = nodeAt(document, diagnostic, isStep);
        if (!step) return [];
        const last = GrammarUtils.findNodeForKeyword(step.$cstNode, 'collective') ?? propertyNode(step, 'by') ?? propertyNode(step, 'name');
        if (!last) return [];
        const flow = step.$container;
        const unit = flow.limit ? baseUnit(flow.limit.unit) : 'workday';
        return [this.action(this.t(`Add 'within 1 ${unit}'`, `添加办理时限“within 1 ${unit}”`), diagnostic, document,
            [{ range: { start: last.range.end, end: last.range.end }, newText: ` within 1 ${unit}` }], true)];
    }

    // ---------------------------------------------------------------- departments

    private missingLeader(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const department = nodeAt(document, diagnostic, isDepartment);
        const leader = findOrganization(this.documents)?.leaders.find(candidate => candidate.name);
        if (!department || !leader) return [];
        return [this.action(this.t(`Add 'leader ${leader.name}'`, `添加分管院领导“leader ${leader.name}”`), diagnostic, document,
            [insertMember(document, department, `leader ${leader.name}`, { first: true })], true)];
    }

    private staffWithoutRegister(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const staff = nodeAt(document, diagnostic, isStaff);
        const department = staff?.$container;
        if (!staff || !department) return [];
        const risks = [...department.risks, ...department.powers.flatMap(power => power.risks)]
            .filter(risk => risk.owner?.ref === staff || risk.found?.by?.ref === staff)
            .map(risk => risk.name);
        const body = risks.length > 0 ? [`${INDENT}risks ${[...new Set(risks)].join(', ')}`] : [];
        const register = [`register ${staff.name} {`, ...body, '}'];
        const lastRegister = department.registers[department.registers.length - 1];
        return [this.action(this.t(`Add the register of '${staff.name}'`, `添加“${staff.name}”的个人排查登记表`), diagnostic, document,
            [insertMember(document, department, register, { after: lastRegister?.$cstNode })], true)];
    }

    // ---------------------------------------------------------------- names

    private unresolvedReference(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const info = referenceAt(document, diagnostic);
        if (!info) return [];
        const reference = info.reference as Reference;
        const type = this.reflection.getReferenceType(info);
        const segments = reference.$refText.split('.').map(segment => segment.trim());
        const name = segments[segments.length - 1];
        if (!name || segments.length > 2) return [];
        const qualifier = segments.length === 2 ? segments[0] : undefined;
        const t = (en: string, zh: string) => this.t(en, zh);
        const todo = t('to be filled in', '待填写');

        if (type === 'Party' || type === 'Post' || type === 'Staff') {
            const department = qualifier ? this.topLevel(qualifier, isDepartment) : departmentOf(info.container);
            if (!department) return [];
            const where = department.name;
            const actions: CodeAction[] = [];
            const firstPost = department.posts[0]?.name;
            if (type === 'Party' || type === 'Post') {
                actions.push(this.declare(t(`Declare post '${name}' in '${where}'`, `在“${where}”中声明岗位“${name}”`), diagnostic,
                    department, `post ${name} "${todo}"`, lastOf(department.posts), true));
            }
            if (type === 'Party') {
                actions.push(this.declare(t(`Declare external role '${name}' in '${where}'`, `在“${where}”中声明外部角色“${name}”`), diagnostic,
                    department, `role ${name} external "${todo}"`, lastOf(department.roles) ?? lastOf(department.posts), false));
            }
            if (type === 'Party' || type === 'Staff') {
                const post = firstPost ?? t('TBD', '待定岗位');
                const lines = firstPost ? [`staff ${name} post ${post}`] : [`post ${post} "${todo}"`, `staff ${name} post ${post}`];
                actions.push(this.declare(t(`Declare staff member '${name}' in '${where}'`, `在“${where}”中声明工作人员“${name}”`), diagnostic,
                    department, lines, lastOf(department.staff) ?? lastOf(department.posts), type === 'Staff'));
            }
            return actions;
        }
        if (type === 'BasisItem') {
            if (qualifier) {
                const basis = this.topLevel(qualifier, isBasis);
                if (basis) {
                    return [this.editAction(t(`Declare article '${name}' in basis '${basis.name}'`, `在依据“${basis.name}”中声明条款“${name}”`), diagnostic,
                        basis, addArticle(basis, `article ${name} "${todo}"`), true)];
                }
                return [this.declareBasis(diagnostic, document, [`basis ${qualifier} internal "${qualifier}" {`, `${INDENT}article ${name} "${todo}"`, '}'],
                    t(`Declare basis '${qualifier}' with article '${name}'`, `声明依据“${qualifier}”及其条款“${name}”`))];
            }
            return [this.declareBasis(diagnostic, document, [`basis ${name} internal "${name}"`], t(`Declare basis '${name}'`, `声明政策依据“${name}”`))];
        }
        if (type === 'Leader' && !qualifier) {
            const organization = findOrganization(this.documents);
            if (!organization) return [];
            return [this.declare(t(`Declare leader '${name}' in '${organization.name}'`, `在“${organization.name}”中声明院领导“${name}”`), diagnostic,
                organization, `leader ${name} "${todo}"`, lastOf(organization.leaders), true)];
        }
        return [];
    }

    /** A department or basis of the workspace by name. */
    private topLevel<T extends AstNode & { name: string }>(name: string, is: (node: unknown) => node is T): T | undefined {
        for (const document of this.documents.all) {
            const model = document.parseResult.value;
            if (!isModel(model)) continue;
            const found = model.elements.find(element => is(element) && element.name === name);
            if (found) return found as unknown as T;
        }
        return undefined;
    }

    /** Appends a basis to the workspace's file of bases (the one holding most), or to this file. */
    private declareBasis(diagnostic: Diagnostic, document: LangiumDocument, lines: string[], title: string): CodeAction {
        let target: LangiumDocument = document;
        let most = 0;
        for (const candidate of this.documents.all) {
            const model = candidate.parseResult.value;
            const count = isModel(model) ? model.elements.filter(isBasis).length : 0;
            if (count > most) { most = count; target = candidate; }
        }
        const model = target.parseResult.value;
        const bases = isModel(model) ? model.elements.filter(isBasis) : [];
        const last = bases[bases.length - 1]?.$cstNode;
        const text = target.textDocument.getText();
        let edit: TextEdit;
        if (last) {
            const position = target.textDocument.positionAt(lineEndOffset(text, last.end));
            edit = { range: { start: position, end: position }, newText: `\n${lines.join('\n')}` };
        } else {
            const end = target.textDocument.positionAt(text.length);
            const separator = text.length === 0 ? '' : text.endsWith('\n') ? '\n' : '\n\n';
            edit = { range: { start: end, end }, newText: `${separator}${lines.join('\n')}\n` };
        }
        return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: { changes: { [target.textDocument.uri]: [edit] } } };
    }

    private declare(title: string, diagnostic: Diagnostic, block: Department | Organization, member: string | string[], after: AstNode | undefined, preferred: boolean): CodeAction {
        const document = AstUtils.getDocument(block);
        return this.editAction(title, diagnostic, block, insertMember(document, block, member, { after: after?.$cstNode, first: !after }), preferred);
    }

    private editAction(title: string, diagnostic: Diagnostic, node: AstNode, edit: TextEdit, preferred: boolean): CodeAction {
        const document = AstUtils.getDocument(node);
        return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: preferred, edit: { changes: { [document.textDocument.uri]: [edit] } } };
    }

    private action(title: string, diagnostic: Diagnostic, document: LangiumDocument, edits: TextEdit[], preferred: boolean): CodeAction {
        return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: preferred, edit: { changes: { [document.textDocument.uri]: edits } } };
    }
}

// ---------------------------------------------------------------- locating

/** The innermost node of the wanted type at the diagnostic's start. */
function nodeAt<T extends AstNode>(document: LangiumDocument, diagnostic: Diagnostic, is: (node: AstNode) => node is T): T | undefined {
    const root = document.parseResult.value.$cstNode;
    if (!root) return undefined;
    const leaf = CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(diagnostic.range.start));
    return leaf ? AstUtils.getContainerOfType(leaf.astNode, is) : undefined;
}

/** The reference whose text the diagnostic covers. */
function referenceAt(document: LangiumDocument, diagnostic: Diagnostic): ReferenceInfo | undefined {
    const root = document.parseResult.value.$cstNode;
    if (!root) return undefined;
    const offset = document.textDocument.offsetAt(diagnostic.range.start);
    const leaf = CstUtils.findLeafNodeAtOffset(root, offset);
    for (let node: AstNode | undefined = leaf?.astNode; node; node = node.$container) {
        for (const info of AstUtils.streamReferences(node)) {
            const refNode = (info.reference as Reference).$refNode;
            if (refNode && refNode.offset <= offset && offset < refNode.end) return info;
        }
    }
    return undefined;
}

function propertyNode(node: AstNode, property: string): CstNode | undefined {
    return GrammarUtils.findNodeForProperty(node.$cstNode, property);
}

function lastOf<T>(items: readonly T[]): T | undefined {
    return items[items.length - 1];
}

// ---------------------------------------------------------------- text

/** Offset of the end of the line holding `offset` (before its line break). */
function lineEndOffset(text: string, offset: number): number {
    const match = /\r\n|\r|\n/g;
    match.lastIndex = offset;
    const found = match.exec(text);
    return found ? found.index : text.length;
}

function lineStartOffset(text: string, offset: number): number {
    let start = offset;
    while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
    return start;
}

function indentationAt(text: string, offset: number): string {
    const start = lineStartOffset(text, offset);
    return /^[ \t]*/.exec(text.slice(start))![0];
}

/** Whether only whitespace or a comment follows `offset` on its line. */
function restOfLineIsBlank(text: string, offset: number): boolean {
    const rest = text.slice(offset, lineEndOffset(text, offset)).trim();
    return rest === '' || rest.startsWith('//');
}

/**
 * Inserts a member (one line, or several already indented relative to each
 * other) into a block: after the line of `after`, first in the block, or
 * last before its `}`. The member gets its own line at the block's member
 * indentation, so the file parses and stays close to the canonical layout.
 */
function insertMember(document: LangiumDocument, block: AstNode, member: string | string[], where: { after?: CstNode; first?: boolean }): TextEdit {
    const text = document.textDocument.getText();
    const cst = block.$cstNode!;
    const open = GrammarUtils.findNodeForKeyword(cst, '{');
    const closes = GrammarUtils.findNodesForKeyword(cst, '}');
    const close = closes[closes.length - 1];
    const blockIndent = indentationAt(text, cst.offset);
    const indent = blockIndent + INDENT;
    const lines = (Array.isArray(member) ? member : [member]).map((line, i) => i === 0 ? line : indent + line).join('\n');
    const at = (offset: number, newText: string): TextEdit => {
        const position = document.textDocument.positionAt(offset);
        return { range: { start: position, end: position }, newText };
    };
    const anchor = where.after ?? (where.first ? open : undefined);
    if (anchor) {
        if (restOfLineIsBlank(text, anchor.end)) return at(lineEndOffset(text, anchor.end), `\n${indent}${lines}`);
        return at(anchor.end, `\n${indent}${lines}\n${indent}`);
    }
    if (!close) return at(cst.end, `\n${indent}${lines}`);
    const lineStart = lineStartOffset(text, close.offset);
    if (text.slice(lineStart, close.offset).trim() === '') return at(lineStart, `${indent}${lines}\n`);
    return at(close.offset, `\n${indent}${lines}\n${blockIndent}`);
}

/** Adds an article to a basis, opening a block after its title if it has none. */
function addArticle(basis: Basis, article: string): TextEdit {
    const document = AstUtils.getDocument(basis);
    if (GrammarUtils.findNodeForKeyword(basis.$cstNode, '{')) return insertMember(document, basis, article, { after: lastOf(basis.articles)?.$cstNode });
    const text = document.textDocument.getText();
    const title = propertyNode(basis, 'title') ?? basis.$cstNode!;
    const blockIndent = indentationAt(text, basis.$cstNode!.offset);
    const position = document.textDocument.positionAt(title.end);
    return { range: { start: position, end: position }, newText: ` {\n${blockIndent}${INDENT}${article}\n${blockIndent}}` };
}
