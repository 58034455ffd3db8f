import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { SunlightSettings } from '../config.js';
import { baseUnit, buildFlowGraph, formatAmount, longestPath } from '../flow-graph.js';
import { isDecision, isRole, type Flow, type SunlightAstType } from '../generated/ast.js';
import { reporter } from './report.js';

/** Flowcharts (权力运行流程图): who does each step, by when, and whether the flow can run. */
export class FlowChecks {
    constructor(private readonly settings: SunlightSettings) {}

    readonly checks: ValidationChecks<SunlightAstType> = {
        Flow: (flow, accept) => this.checkFlow(flow, accept)
    };

    checkFlow(flow: Flow, accept: ValidationAcceptor): void {
        const report = reporter(this.settings, accept);
        for (const node of flow.nodes) {
            if (!node.by) {
                report('missing-responsible', node, { name: node.name, kind: isDecision(node) ? 'decision' : 'step' }, { property: 'name' });
            }
            if (isDecision(node)) {
                if (node.branches.length < 2) report('decision-needs-branches', node, { name: node.name, count: node.branches.length }, { property: 'name' });
            } else if (!node.within) {
                const party = node.by?.ref;
                const external = isRole(party) && party.external;
                // An unresolved `by` is reported already; whether it is external is unknown.
                if (!external && !(node.by && !party)) {
                    report('missing-deadline', node, { name: node.name }, {
                        property: 'name', severity: flow.kind === 'internal' ? 'error' : 'warning'
                    });
                }
            }
        }

        const graph = buildFlowGraph(flow);
        for (const node of flow.nodes) {
            if (!graph.reachable.has(node)) report('unreachable-step', node, { name: node.name }, { property: 'name' });
            else if (!graph.canEnd.has(node)) report('no-path-to-end', node, { name: node.name }, { property: 'name' });
        }

        if (flow.limit) {
            const unit = baseUnit(flow.limit.unit);
            const { total } = longestPath(graph, unit);
            if (total > flow.limit.value) {
                report('deadline-exceeds-limit', flow, { total: formatAmount(total), limit: flow.limit.value, unit }, { property: 'limit' });
            }
        }

        const maxSteps = this.settings.option('flow-too-long', 'maxSteps');
        if (flow.nodes.length > maxSteps) {
            report('flow-too-long', flow, { count: flow.nodes.length, max: maxSteps }, { keyword: 'flow' });
        }
    }
}
