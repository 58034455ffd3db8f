import {
    AstUtils, Cancellation, DefaultLinker, DefaultReferenceDescriptionProvider, interruptAndCheck,
    type AstNodeDescription, type DefaultReference, type LangiumDocument, type ReferenceDescription
} from 'langium';

/**
 * Langium's linker and reference indexer walk every AST node and `await` a
 * cancellation check at each one: on a 100k-line workspace that is a million
 * awaits (most of the linking phase). These subclasses do the same work and
 * check for cancellation every `CHECK_EVERY` nodes, so typing still interrupts
 * a build within a fraction of a millisecond.
 */
const CHECK_EVERY = 256;

export class SunlightLinker extends DefaultLinker {
    override async link(document: LangiumDocument, cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('linking')) return super.link(document, cancelToken);
        let count = 0;
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            if (++count % CHECK_EVERY === 0) await interruptAndCheck(cancelToken);
            AstUtils.streamReferences(node).forEach(reference => this.doLink(reference, document));
        }
    }

    /**
     * Points the document's references into `target` (another document, rebuilt
     * with the same exports) at that document's new descriptions, without
     * looking anything up again: each is resolved to the new node on first use.
     * Used by SunlightDocumentBuilder instead of relinking the whole document.
     * The references are the ones this linker built (`buildReference`, Langium's
     * `DefaultReference`), so only the linker touches their resolution state.
     */
    repoint(document: LangiumDocument, target: string, fresh: (old: AstNodeDescription) => AstNodeDescription | undefined): void {
        for (const reference of document.references as DefaultReference[]) {
            const old = reference.$nodeDescription;
            if (!old || old.documentUri.toString() !== target || !('_ref' in reference)) continue;
            reference._ref = undefined;
            // No fresh description (should not happen: a changed export relinks the document): resolve by scope again.
            reference._nodeDescription = fresh(old);
        }
    }
}

export class SunlightReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument, cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        let count = 0;
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            if (++count % CHECK_EVERY === 0) await interruptAndCheck(cancelToken);
            AstUtils.streamReferences(node).forEach(info => {
                if (!info.reference.error) descriptions.push(...this.createInfoDescriptions(info));
            });
        }
        return descriptions;
    }
}
