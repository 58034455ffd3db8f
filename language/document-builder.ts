import { Cancellation, DefaultDocumentBuilder, DocumentState, type AstNode, type BuildOptions, type LangiumDocument, type LangiumSharedCoreServices, type URI } from 'langium';

/**
 * Langium's document builder, plus one rule: when a document's workspace-level
 * names change (organisation, leaders, groups, bases, departments share one
 * namespace; see `duplicate-name` in validation/name-checks.ts), every other
 * document that declares one of those names is validated again.
 *
 * Langium relinks and revalidates only the documents that *reference* a changed
 * document. A duplicate name is no reference: without this rule, removing the
 * second `department 财务处` left a stale `duplicate-name` on the first file, and
 * adding one reported it only in the file being typed in (found by
 * test/robustness/mutation.test.ts: incremental build ≠ fresh build).
 *
 * Names the changed documents declared before the change are read from the index
 * before Langium drops them; the documents declaring them are marked at once
 * (their state is lowered), so a cancelled build cannot lose them. Names the
 * changed documents declare afterwards are known once they are indexed again;
 * documents declaring them that this update did not validate are validated
 * after it.
 */
export class SunlightDocumentBuilder extends DefaultDocumentBuilder {
    /** Documents indexed since the last completed update (kept across cancelled ones). */
    private readonly reindexed = new Set<string>();
    /** Documents validated during the current update. */
    private readonly validated = new Set<string>();

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.onDocumentPhase(DocumentState.IndexedContent, document => { this.reindexed.add(document.uri.toString()); });
        this.onDocumentPhase(DocumentState.Validated, document => { this.validated.add(document.uri.toString()); });
    }

    override async build<T extends AstNode>(documents: Array<LangiumDocument<T>>, options?: BuildOptions, cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<void> {
        await super.build(documents, options, cancelToken);
        this.reindexed.clear();
    }

    override async update(changed: URI[], deleted: URI[], cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<void> {
        const touched = [...changed, ...deleted].map(uri => uri.toString());
        const isTouched = (uri: string) => touched.some(t => uri === t || uri.startsWith(t.endsWith('/') ? t : `${t}/`));
        this.markDeclaring(this.workspaceNames(isTouched), isTouched);
        this.validated.clear();
        await super.update(changed, deleted, cancelToken);
        const reindexed = new Set(this.reindexed);
        const stale = this.markDeclaring(this.workspaceNames(uri => reindexed.has(uri)), uri => this.validated.has(uri));
        this.reindexed.clear();
        if (stale.length > 0) await this.buildDocuments(stale, this.updateBuildOptions, cancelToken);
    }

    /** The workspace-level names (those without a `.`) that the selected documents export. */
    private workspaceNames(selected: (uri: string) => boolean): Set<string> {
        const names = new Set<string>();
        for (const description of this.indexManager.allElements()) {
            if (!description.name.includes('.') && selected(description.documentUri.toString())) names.add(description.name);
        }
        return names;
    }

    /** Lowers to "not validated" every validated document, other than the excluded ones, that declares one of the names. */
    private markDeclaring(names: ReadonlySet<string>, excluded: (uri: string) => boolean): LangiumDocument[] {
        if (names.size === 0) return [];
        const uris = new Set<string>();
        for (const description of this.indexManager.allElements()) {
            const uri = description.documentUri.toString();
            if (!description.name.includes('.') && names.has(description.name) && !excluded(uri)) uris.add(uri);
        }
        const marked: LangiumDocument[] = [];
        for (const document of this.langiumDocuments.all) {
            if (!uris.has(document.uri.toString()) || document.state < DocumentState.Validated) continue;
            this.resetToState(document, DocumentState.IndexedReferences);
            marked.push(document);
        }
        return marked;
    }
}
