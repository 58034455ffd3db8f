import { AstUtils, GrammarAST, WorkspaceCache, isCompositeCstNode, type AstNode, type IndexManager, type LangiumSharedCoreServices, type ValidationAcceptor, type ValidationChecks } from 'langium';
import type { SunlightSettings } from '../config.js';
import { isBasis, isDepartment, isOrganization, type Basis, type Department, type Flow, type Model, type SunlightAstType } from '../generated/ast.js';
import { departmentMembers } from '../scope-computation.js';
import { reporter } from './report.js';

/** Properties that may be written at most once, per node type (keywords for list-valued ones). */
const SINGLE_PROPERTIES: Partial<Record<keyof SunlightAstType, { properties?: readonly string[]; keywords?: readonly string[] }>> = {
    Organization: { properties: ['campaign'] },
    Department: { properties: ['leader'] },
    Power: { properties: ['code', 'category', 'content', 'responsible'], keywords: ['basis', 'major'] },
    Risk: { properties: ['description', 'aspect', 'probability', 'harm', 'cause', 'consequence', 'grade', 'owner', 'found', 'proposed', 'final'] },
    Register: { properties: ['signed', 'reviewed'], keywords: ['risks', 'approved'] }
};

/** `duplicate-name` in every scope, and `duplicate-property`. */
export class NameChecks {
    /** How many declarations share each workspace-level name, counted once per workspace state. */
    private readonly workspaceNameCounts: WorkspaceCache<'counts', Map<string, number>>;

    constructor(private readonly settings: SunlightSettings, private readonly index: IndexManager, shared: LangiumSharedCoreServices) {
        this.workspaceNameCounts = new WorkspaceCache(shared);
    }

    readonly checks: ValidationChecks<SunlightAstType> = {
        Model: (model, accept) => this.checkWorkspaceNames(model, accept),
        Organization: (node, accept) => this.checkSingleProperties(node, accept),
        Department: (department, accept) => {
            this.checkUnique(departmentMembers(department), 'department', department, accept);
            this.checkSingleProperties(department, accept);
        },
        Flow: (flow, accept) => this.checkUnique(flow.nodes, 'flow', flow, accept),
        Basis: (basis, accept) => this.checkUnique(basis.articles, 'basis', basis, accept),
        Power: (node, accept) => this.checkSingleProperties(node, accept),
        Risk: (node, accept) => this.checkSingleProperties(node, accept),
        Register: (node, accept) => this.checkSingleProperties(node, accept)
    };

    /** Organisation, leaders, groups, bases and departments share the workspace's one namespace. */
    checkWorkspaceNames(model: Model, accept: ValidationAcceptor): void {
        const report = reporter(this.settings, accept);
        const declared: Array<{ name: string } & AstNode> = [];
        for (const element of model.elements) {
            declared.push(element);
            if (isOrganization(element)) declared.push(...element.leaders, ...element.groups);
        }
        if (declared.length === 0) return;
        const counts = this.workspaceNameCounts.get('counts', () => {
            const result = new Map<string, number>();
            for (const description of this.index.allElements()) {
                if (!description.name.includes('.')) result.set(description.name, (result.get(description.name) ?? 0) + 1);
            }
            return result;
        });
        for (const node of declared) {
            if (node.name && (counts.get(node.name) ?? 0) > 1) {
                report('duplicate-name', node, { name: node.name, scope: this.settings.locale === 'zh' ? '整个工作区' : 'the workspace' }, { property: 'name' as never });
            }
        }
    }

    checkUnique(members: ReadonlyArray<{ name: string } & AstNode>, kind: 'department' | 'flow' | 'basis', owner: Department | Flow | Basis, accept: ValidationAcceptor): void {
        const report = reporter(this.settings, accept);
        const seen = new Map<string, number>();
        for (const member of members) if (member.name) seen.set(member.name, (seen.get(member.name) ?? 0) + 1);
        const zh = this.settings.locale === 'zh';
        const ownerName = isDepartment(owner) || isBasis(owner) ? owner.name : undefined;
        const scope = kind === 'flow' ? (zh ? '同一流程' : 'this flow')
            : kind === 'department' ? (zh ? `部门“${ownerName}”` : `department '${ownerName}'`)
            : (zh ? `依据“${ownerName}”` : `basis '${ownerName}'`);
        for (const member of members) {
            if ((seen.get(member.name) ?? 0) > 1) report('duplicate-name', member, { name: member.name, scope }, { property: 'name' as never });
        }
    }

    /**
     * One pass over the node's own CST children (not its nested nodes'): each
     * child is an assignment to a property or a keyword; the second and later
     * occurrences of a single property are reported.
     */
    checkSingleProperties(node: AstNode, accept: ValidationAcceptor): void {
        const single = SINGLE_PROPERTIES[node.$type as keyof SunlightAstType];
        const cst = node.$cstNode;
        if (!single || !cst || !isCompositeCstNode(cst)) return;
        const seen = new Set<string>();
        let report: ReturnType<typeof reporter> | undefined;
        for (const child of cst.content) {
            if (child.hidden) continue;
            const source = child.grammarSource;
            let property: string | undefined;
            if (GrammarAST.isKeyword(source)) {
                if (single.keywords?.includes(source.value)) property = source.value;
            } else {
                const feature = AstUtils.getContainerOfType(source, GrammarAST.isAssignment)?.feature;
                if (feature && single.properties?.includes(feature)) property = feature;
            }
            if (property === undefined) continue;
            if (seen.has(property)) {
                report ??= reporter(this.settings, accept);
                report('duplicate-property', node, { property }, { range: child.range });
            }
            seen.add(property);
        }
    }
}
