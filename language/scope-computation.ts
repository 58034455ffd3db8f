import { AstUtils, Cancellation, DefaultScopeComputation, interruptAndCheck, MultiMap, type AstNode, type AstNodeDescription, type LangiumDocument, type LocalSymbols } from 'langium';
import { isBasis, isDepartment, isFlowNode, isOrganization, isPower, isRisk, type Department, type Model } from './generated/ast.js';

/**
 * Which names are visible where (spec: "Files").
 *
 * Exported to the whole workspace: the organisation, its leaders and groups,
 * bases, departments by their simple names; articles as `Basis.Article`;
 * department members (posts, roles, staff, powers, risks) as `Department.Member`.
 *
 * Local: department members by simple name inside their department (risks of a
 * power included, so registers can list them); steps and decisions inside their
 * flow and, for `risk ... at STEP`, inside their power.
 */
export class SunlightScopeComputation extends DefaultScopeComputation {

    override async collectExportedSymbols(document: LangiumDocument): Promise<AstNodeDescription[]> {
        const model = document.parseResult.value as Model;
        const exports: AstNodeDescription[] = [];
        const add = (node: AstNode, name: string | undefined) => {
            if (name) exports.push(this.descriptions.createDescription(node, name, document));
        };
        for (const element of model.elements ?? []) {
            add(element, element.name);
            if (isOrganization(element)) {
                element.leaders.forEach(leader => add(leader, leader.name));
                element.groups.forEach(group => add(group, group.name));
            } else if (isBasis(element)) {
                element.articles.forEach(article => add(article, qualify(element.name, article.name)));
            } else if (isDepartment(element)) {
                for (const member of departmentMembers(element)) {
                    add(member, qualify(element.name, member.name));
                }
            }
        }
        return exports;
    }

    /** Langium's walk, checking for cancellation every 256 nodes instead of at each (see batched-walks.ts). */
    override async collectLocalSymbols(document: LangiumDocument, cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<LocalSymbols> {
        const symbols = new MultiMap<AstNode, AstNodeDescription>();
        let count = 0;
        for (const node of AstUtils.streamAllContents(document.parseResult.value)) {
            if (++count % 256 === 0) await interruptAndCheck(cancelToken);
            this.addLocalSymbol(node, document, symbols);
        }
        return symbols;
    }

    protected override addLocalSymbol(node: AstNode, document: LangiumDocument, symbols: MultiMap<AstNode, AstNodeDescription>): void {
        const name = this.nameProvider.getName(node);
        if (!name || !node.$container) return;
        if (isRisk(node) && isPower(node.$container)) {
            // A power's risk is also a member of its department (registers list it).
            symbols.add(node.$container.$container, this.descriptions.createDescription(node, name, document));
            return;
        }
        symbols.add(node.$container, this.descriptions.createDescription(node, name, document));
        if (isFlowNode(node) && isPower(node.$container.$container)) {
            // `risk ... at STEP` sees the steps and decisions of its own power.
            symbols.add(node.$container.$container, this.descriptions.createDescription(node, name, document));
        }
    }
}

export function qualify(container: string | undefined, member: string | undefined): string | undefined {
    return container && member ? `${container}.${member}` : undefined;
}

/** Every named member of a department, power risks included. */
export function departmentMembers(department: Department): Array<{ name: string } & AstNode> {
    return [
        ...department.posts, ...department.roles, ...department.staff, ...department.powers,
        ...department.risks, ...department.powers.flatMap(power => power.risks)
    ];
}
