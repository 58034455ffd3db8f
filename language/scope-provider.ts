import { DefaultScopeProvider, EMPTY_SCOPE, type ReferenceInfo, type Scope } from 'langium';
import { isBranch, isStep, type Flow } from './generated/ast.js';

/**
 * Flow targets (`-> X`, decision branches) see only the nodes of their own
 * flow: a power's external and internal flows may reuse step names. Everything
 * else follows the default walk up the containers, then the workspace index.
 */
export class SunlightScopeProvider extends DefaultScopeProvider {
    override getScope(context: ReferenceInfo): Scope {
        const container = context.container;
        if (context.property === 'to' && (isStep(container) || isBranch(container))) {
            const flow = (isStep(container) ? container.$container : container.$container.$container) as Flow | undefined;
            return flow ? this.createScopeForNodes(flow.nodes) : EMPTY_SCOPE;
        }
        return super.getScope(context);
    }
}
