import {
    AstUtils, DefaultScopeProvider, EMPTY_SCOPE, MapScope, MultiMapScope,
    type AstNode, type AstNodeDescription, type ReferenceInfo, type Scope, type Stream
} from 'langium';
import { isBranch, isStep, type Flow } from './generated/ast.js';

/**
 * Scopes, as Langium's default provider builds them (local symbols of each
 * container from the reference outwards, then the workspace index), with two
 * changes:
 *
 * - Flow targets (`-> X`, decision branches) see only the nodes of their own
 *   flow: a power's external and internal flows may reuse step names.
 * - The local symbols of a container, filtered by reference type, are indexed
 *   once per AST instead of being scanned for every reference: a flow of n
 *   steps has about 2n references into containers of about n symbols, which the
 *   default provider resolves in O(n²).
 */
export class SunlightScopeProvider extends DefaultScopeProvider {
    private readonly flowScopes = new WeakMap<Flow, Scope>();
    private readonly localScopes = new WeakMap<AstNode, Map<string, Scope>>();

    override getScope(context: ReferenceInfo): Scope {
        const container = context.container;
        if (context.property === 'to' && (isStep(container) || isBranch(container))) {
            const flow = (isStep(container) ? container.$container : container.$container.$container) as Flow | undefined;
            return flow ? this.flowScope(flow) : EMPTY_SCOPE;
        }
        const referenceType = this.reflection.getReferenceType(context);
        const localSymbols = AstUtils.getDocument(container).localSymbols;
        const chain: Scope[] = [];
        for (let node: AstNode | undefined = container; node; node = node.$container) {
            if (localSymbols?.has(node)) chain.push(this.localScope(node, referenceType, () => localSymbols.getStream(node!)));
        }
        let result = this.getGlobalScope(referenceType, context);
        for (let i = chain.length - 1; i >= 0; i--) result = new ChainedScope(chain[i], result);
        return result;
    }

    private localScope(node: AstNode, referenceType: string, symbols: () => Stream<AstNodeDescription>): Scope {
        let byType = this.localScopes.get(node);
        if (!byType) this.localScopes.set(node, byType = new Map());
        let scope = byType.get(referenceType);
        if (!scope) {
            scope = new MultiMapScope(symbols().filter(description => this.reflection.isSubtype(description.type, referenceType)));
            byType.set(referenceType, scope);
        }
        return scope;
    }

    private flowScope(flow: Flow): Scope {
        let scope = this.flowScopes.get(flow);
        if (!scope) {
            const descriptions: AstNodeDescription[] = [];
            const names = new Set<string>();
            for (const node of flow.nodes) {
                // The first of two same-named nodes wins (the second is a duplicate-name).
                if (node.name && !names.has(node.name)) {
                    names.add(node.name);
                    descriptions.push(this.descriptions.createDescription(node, node.name));
                }
            }
            scope = new MapScope(descriptions);
            this.flowScopes.set(flow, scope);
        }
        return scope;
    }
}

/** A cached inner scope in front of an outer one (the default scopes' lookup order). */
class ChainedScope implements Scope {
    constructor(private readonly inner: Scope, private readonly outer: Scope) {}

    getElement(name: string): AstNodeDescription | undefined {
        return this.inner.getElement(name) ?? this.outer.getElement(name);
    }
    getElements(name: string): Stream<AstNodeDescription> {
        return this.inner.getElements(name).concat(this.outer.getElements(name));
    }
    getAllElements(): Stream<AstNodeDescription> {
        return this.inner.getAllElements().concat(this.outer.getAllElements());
    }
}
