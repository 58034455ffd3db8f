import { Cancellation, DefaultDocumentBuilder, DocumentState, isReference, URI, type AstNode, type AstNodeDescription, type BuildOptions, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import { SunlightLinker } from './batched-walks.js';
import { isRole } from './generated/ast.js';

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
    /**
     * Changed documents whose dependents have not yet been brought up to date,
     * with the signature of their exports as those dependents last saw them.
     * See `syncDependents`.
     */
    private readonly pendingExports = new Map<string, string>();
    /** While an update runs: whether relinking on account of this URI is deferred. */
    private deferred: ((uri: string) => boolean) | undefined;

    /** Documents indexed since the last completed update (kept across cancelled ones). */
    private readonly reindexed = new Set<string>();
    /** Documents validated during the current update. */
    private validated = new Set<string>();

    /** What the updates since `takeUpdateStats` last ran did (for `npm run bench`; see UpdateStats). */
    private stats: UpdateStats[] = [];
    private current: UpdateStats | undefined;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.onDocumentPhase(DocumentState.IndexedContent, document => { this.reindexed.add(document.uri.toString()); });
        this.onDocumentPhase(DocumentState.Validated, document => { this.validated.add(document.uri.toString()); });
        this.onDocumentPhase(DocumentState.Linked, () => { if (this.current) this.current.relinked++; });
    }

    /** The statistics of the updates finished or cancelled since the last call, oldest first. */
    takeUpdateStats(): UpdateStats[] {
        const taken = this.stats;
        this.stats = [];
        return taken;
    }

    /**
     * Open documents first: once every document is parsed and its exports are
     * indexed (all that linking needs of the others), the documents open in the
     * editor are scoped, linked and validated — and so published — before the
     * rest of the workspace. At start-up the open file's diagnostics come after
     * the workspace's parse instead of after its whole build; on a keystroke the
     * edited file is published before any other file is relinked.
     */
    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: Cancellation.CancellationToken): Promise<void> {
        const isOpen = (document: LangiumDocument) => this.textDocuments?.get(document.uri) !== undefined;
        const open = documents.filter(isOpen);
        if (open.length === 0 || open.length === documents.length) return super.buildDocuments(documents, options, cancelToken);
        this.prepareBuild(documents, options);
        await this.runCancelable(documents, DocumentState.Parsed, cancelToken, document => this.langiumDocumentFactory.update(document, cancelToken));
        await this.runCancelable(documents, DocumentState.IndexedContent, cancelToken, document => this.indexManager.updateContent(document, cancelToken));
        await super.buildDocuments(open, options, cancelToken);
        await super.buildDocuments(documents.filter(document => !isOpen(document)), options, cancelToken);
    }

    override async build<T extends AstNode>(documents: Array<LangiumDocument<T>>, options?: BuildOptions, cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<void> {
        await super.build(documents, options, cancelToken);
        this.reindexed.clear();
    }

    override async update(changed: URI[], deleted: URI[], cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<void> {
        const stats: UpdateStats = this.current = { changed: changed.length + deleted.length, relinked: 0, revalidated: 0, repointed: 0, completed: false };
        const validatedBefore = this.validated;
        try {
            await this.runUpdate(changed, deleted, cancelToken);
            stats.completed = true;
        } finally {
            stats.revalidated = this.validated === validatedBefore ? 0 : this.validated.size;
            this.current = undefined;
            this.stats.push(stats);
            if (this.stats.length > 100) this.stats.shift();
        }
    }

    private async runUpdate(changed: URI[], deleted: URI[], cancelToken: Cancellation.CancellationToken): Promise<void> {
        const touched = [...changed, ...deleted].map(uri => uri.toString());
        const isTouched = (uri: string) => touched.some(t => uri === t || uri.startsWith(t.endsWith('/') ? t : `${t}/`));
        this.markDeclaring(this.workspaceNames(isTouched), isTouched);
        this.validated = new Set();
        const removed = deleted.map(uri => uri.toString());
        const isRemoved = (uri: string) => removed.some(t => uri === t || uri.startsWith(t.endsWith('/') ? t : `${t}/`));
        for (const document of this.langiumDocuments.all) {
            const uri = document.uri.toString();
            if (isTouched(uri) && !isRemoved(uri) && !this.pendingExports.has(uri)) this.pendingExports.set(uri, this.exportSignature(uri));
        }
        this.deferred = uri => this.pendingExports.has(uri);
        try {
            await super.update(changed, deleted, cancelToken);
        } finally {
            this.deferred = undefined;
        }
        const reindexed = new Set(this.reindexed);
        const stale = this.markDeclaring(this.workspaceNames(uri => reindexed.has(uri)), uri => this.validated.has(uri));
        this.reindexed.clear();
        if (stale.length > 0) await this.buildDocuments(stale, this.updateBuildOptions, cancelToken);
        await this.syncDependents(cancelToken);
    }

    /**
     * Langium relinks (and so revalidates) every document that references a
     * changed one before it even knows what changed. Sunlight first rebuilds the
     * changed documents (their diagnostics come first), then looks at their
     * exports: only if a name, type, path or a role's `external` mark changed —
     * all that the validators of other files read through references — are the
     * dependents relinked and revalidated. Otherwise their references are
     * pointed at the new nodes (resolved again on first use) and their
     * diagnostics stand: editing an article's text in bases.sun revalidates
     * bases.sun alone.
     */
    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        const deferred = this.deferred;
        if (!deferred) return super.shouldRelink(document, changedUris);
        if (document.references.some(reference => reference.error !== undefined)) return true;
        const now = new Set([...changedUris].filter(uri => !deferred(uri)));
        return now.size > 0 && this.indexManager.isAffected(document, now);
    }

    private async syncDependents(cancelToken: Cancellation.CancellationToken): Promise<void> {
        const rebuild = new Map<string, LangiumDocument>();
        for (const [uri, before] of [...this.pendingExports]) {
            const document = this.langiumDocuments.getDocument(URI.parse(uri));
            // Not rebuilt yet (its build was cancelled): a later update takes it up.
            if (document && document.state < DocumentState.IndexedContent) continue;
            const target = new Set([uri]);
            const dependents = this.langiumDocuments.all
                .filter(other => other.uri.toString() !== uri && this.indexManager.isAffected(other, target)).toArray();
            // The exports whose signature changed or that are gone: only dependents that
            // reference one of them are relinked; the others are repointed.
            const changedPaths = document ? changedExportPaths(before, this.exportSignature(uri)) : undefined;
            const fresh = new Map(this.exportsOf(uri).map(description => [`${description.path}\u0000${description.name}`, description]));
            for (const dependent of dependents) {
                const linker = this.serviceRegistry.getServices(dependent.uri).references.Linker;
                const into = dependent.references.filter(isReference).filter(reference => reference.$nodeDescription?.documentUri.toString() === uri);
                if (!changedPaths || !(linker instanceof SunlightLinker) || into.some(reference => changedPaths.has(reference.$nodeDescription!.path))) {
                    if (dependent.state > DocumentState.ComputedScopes) this.resetToState(dependent, DocumentState.ComputedScopes);
                    rebuild.set(dependent.uri.toString(), dependent);
                    continue;
                }
                linker.repoint(dependent, uri, old => fresh.get(`${old.path}\u0000${old.name}`));
                if (this.current) this.current.repointed++;
            }
            this.pendingExports.delete(uri);
        }
        if (rebuild.size > 0) await this.buildDocuments([...rebuild.values()], this.updateBuildOptions, cancelToken);
    }

    private exportsOf(uri: string): AstNodeDescription[] {
        return this.indexManager.allElements(undefined, new Set([uri])).toArray();
    }

    /** What other documents' validators can see of a document through references: one line per export, path first. */
    private exportSignature(uri: string): string {
        return this.exportsOf(uri)
            .map(d => `${d.path}\u0001${d.name}\u0001${d.type}\u0001${isRole(d.node) && d.node.external ? 'external' : ''}`)
            .join('\n');
    }

    /** The workspace-level names (those without a `.`) that the selected documents export. */
    private workspaceNames(selected: (uri: string) => boolean): Set<string> {
        const names = new Set<string>();
        const uris = new Set(this.langiumDocuments.all.map(document => document.uri.toString()).filter(selected));
        for (const description of this.indexManager.allElements(undefined, uris)) {
            if (!description.name.includes('.')) names.add(description.name);
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

/** Paths of the exports in `before` that are missing or different in `after` (added exports change no reference). */
function changedExportPaths(before: string, after: string): Set<string> {
    const now = new Set(after.split('\n'));
    const changed = new Set<string>();
    for (const line of before.split('\n')) {
        if (line && !now.has(line)) changed.add(line.slice(0, line.indexOf('\u0001')));
    }
    return changed;
}

/** What one `update` (an edit, a file saved or deleted) did, for `npm run bench`. */
export interface UpdateStats {
    /** URIs reported changed or deleted. */
    changed: number;
    /** Documents linked again (the changed ones included). */
    relinked: number;
    /** Documents validated again (the changed ones included). */
    revalidated: number;
    /** Dependents whose references were repointed at the changed document's new nodes, without relinking. */
    repointed: number;
    /** False when a newer edit cancelled it. */
    completed: boolean;
}
