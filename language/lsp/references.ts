import {
    AstUtils, CstUtils, DefaultReferences, isCompositeCstNode, isLeafCstNode, stream, UriUtils,
    type AstNode, type CstNode, type FindReferencesOptions, type LangiumCoreServices, type LangiumDocument,
    type LeafCstNode, type Reference, type ReferenceDescription, type Stream
} from 'langium';
import { isBasis, isDepartment, type Basis, type Department } from '../generated/ast.js';

/**
 * Cross-references, with qualified names understood (spec: "Files"):
 * `人事处.处长` is a reference to the post 处长 *through* the department 人事处.
 *
 * Langium treats the whole `人事处.处长` as one reference to the post. Here:
 * - on the qualifier segment (`人事处`, `会计法` in `会计法.第十条`), go to
 *   definition, hover, highlight and rename see the department or basis;
 * - a reference's segment is only its last name (`处长`), so renaming the post
 *   changes only that part and keeps the qualifier;
 * - the references of a department or basis include the qualifiers that name
 *   it, so renaming a department updates `人事处.处长` to `新名.处长`.
 */
export class SunlightReferences extends DefaultReferences {
    constructor(services: LangiumCoreServices) {
        super(services);
    }

    override findDeclarations(sourceCstNode: CstNode): AstNode[] {
        const qualifier = sourceCstNode && this.qualifierTarget(sourceCstNode);
        return qualifier ? [qualifier] : super.findDeclarations(sourceCstNode);
    }

    override findReferences(targetNode: AstNode, options: FindReferencesOptions): Stream<ReferenceDescription> {
        const references = super.findReferences(targetNode, options).map(reference => this.lastSegment(reference)).toArray();
        if (isDepartment(targetNode) || isBasis(targetNode)) {
            references.push(...this.qualifierReferences(targetNode, options));
        }
        return stream(references);
    }

    /** The department or basis a qualifier segment names, when `leaf` is one. */
    qualifierTarget(leaf: CstNode): Department | Basis | undefined {
        const found = findQualifiedReference(leaf);
        if (!found || found.index === found.segments.length - 1 || found.index !== 0) return undefined;
        const name = leaf.text;
        const resolved = found.reference.ref;
        const owner = resolved && AstUtils.getContainerOfType(resolved, (node): node is Department | Basis => isDepartment(node) || isBasis(node));
        if (owner && owner.name === name) return owner;
        // Unresolved (or resolved elsewhere): look the name up among the workspace's departments and bases.
        const description = this.index.allElements().find(element => element.name === name && (element.type === 'Department' || element.type === 'Basis'));
        const node = description?.node;
        return node && (isDepartment(node) || isBasis(node)) ? node : undefined;
    }

    /** Narrows a reference written `A.B` to its last segment `B`. */
    protected lastSegment(reference: ReferenceDescription): ReferenceDescription {
        if (reference.segment.length <= 1) return reference;
        const document = this.documents.getDocument(reference.sourceUri);
        const root = document?.parseResult.value.$cstNode;
        if (!root) return reference;
        const last = CstUtils.findLeafNodeAtOffset(root, reference.segment.end - 1);
        if (!last || last.offset <= reference.segment.offset || last.end !== reference.segment.end) return reference;
        return { ...reference, segment: CstUtils.toDocumentSegment(last) };
    }

    /** Every qualifier segment in the workspace that names the department or basis. */
    protected qualifierReferences(target: Department | Basis, options: FindReferencesOptions): ReferenceDescription[] {
        const result: ReferenceDescription[] = [];
        const targetDocument = AstUtils.getDocument(target);
        const targetPath = this.nodeLocator.getAstNodePath(target);
        const documents: Stream<LangiumDocument> = options.documentUri
            ? stream([this.documents.getDocument(options.documentUri)].filter((d): d is LangiumDocument => d !== undefined))
            : this.documents.all;
        for (const document of documents) {
            for (const reference of document.references ?? []) {
                const refNode = (reference as Reference).$refNode;
                if (!refNode) continue;
                const segments = nameSegments(refNode);
                if (segments.length < 2 || segments[0].text !== target.name) continue;
                const resolved = (reference as Reference).ref;
                if (resolved) {
                    const owner = AstUtils.getContainerOfType(resolved, (node): node is Department | Basis => isDepartment(node) || isBasis(node));
                    if (owner !== target) continue;
                }
                const container = refNode.astNode;
                result.push({
                    sourceUri: document.uri,
                    sourcePath: this.nodeLocator.getAstNodePath(container),
                    targetUri: targetDocument.uri,
                    targetPath,
                    segment: CstUtils.toDocumentSegment(segments[0]),
                    local: UriUtils.equals(document.uri, targetDocument.uri)
                });
            }
        }
        return result;
    }
}

/** The name segments (ID leaves) of a reference's text, in order. */
export function nameSegments(refNode: CstNode): LeafCstNode[] {
    if (isLeafCstNode(refNode)) return refNode.hidden ? [] : [refNode];
    const leaves: LeafCstNode[] = [];
    for (const leaf of CstUtils.flattenCst(refNode)) {
        if (!leaf.hidden && leaf.text !== '.') leaves.push(leaf);
    }
    return leaves;
}

/** The reference a name leaf is part of, its segments and the leaf's position among them. */
export function findQualifiedReference(leaf: CstNode): { reference: Reference; segments: LeafCstNode[]; index: number } | undefined {
    if (!isLeafCstNode(leaf) || leaf.hidden) return undefined;
    const node = leaf.astNode;
    for (const info of AstUtils.streamReferences(node)) {
        const reference = info.reference as Reference;
        const refNode = reference.$refNode;
        if (!refNode || refNode.offset > leaf.offset || refNode.end < leaf.end) continue;
        if (!isCompositeCstNode(refNode) && refNode !== leaf) continue;
        const segments = nameSegments(refNode);
        const index = segments.indexOf(leaf);
        if (index >= 0) return { reference, segments, index };
    }
    return undefined;
}
