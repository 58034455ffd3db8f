import { GrammarUtils, type AstNode } from 'langium';
import { AbstractInlayHintProvider, type InlayHintAcceptor } from 'langium/lsp';
import { InlayHintKind } from 'vscode-languageserver';
import type { SunlightSettings } from '../config.js';
import { isFlow } from '../generated/ast.js';
import type { SunlightServices } from '../sunlight-module.js';
import { flowTotalLabel, summarizeFlow } from './describe.js';

/**
 * After a flow's header (`flow internal limit 5 workdays {`), the total of the
 * deadlines on its longest path against its limit: `≈ 6 workdays / limit 5`
 * (`≈ 6 个工作日 / 时限 5`), the same computation as `deadline-exceeds-limit`.
 */
export class SunlightInlayHintProvider extends AbstractInlayHintProvider {
    private readonly settings: SunlightSettings;

    constructor(services: SunlightServices) {
        super();
        this.settings = services.config.Settings;
    }

    override computeInlayHint(node: AstNode, acceptor: InlayHintAcceptor): void {
        if (!isFlow(node) || node.nodes.length === 0) return;
        const brace = GrammarUtils.findNodeForKeyword(node.$cstNode, '{');
        if (!brace) return;
        const summary = summarizeFlow(node);
        const over = summary.limit !== undefined && summary.total > summary.limit;
        const zh = this.settings.locale === 'zh';
        acceptor({
            position: brace.range.end,
            label: flowTotalLabel(summary, this.settings.locale),
            kind: InlayHintKind.Type,
            paddingLeft: true,
            tooltip: over
                ? (zh ? '最长路径的办理时限之和超过流程时限' : "The longest path's deadlines add up to more than the flow's limit")
                : (zh ? '最长路径的办理时限之和' : "Total of the deadlines on the flow's longest path")
        });
    }
}
