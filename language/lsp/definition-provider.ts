import type { CstNode } from 'langium';
import { DefaultDefinitionProvider, type GoToLink } from 'langium/lsp';
import { findQualifiedReference } from './references.js';

/**
 * Go to definition. In a qualified name the link starts at the segment under
 * the cursor: `人事处` in `人事处.处长` goes to the department, `处长` to the post
 * (SunlightReferences decides the targets).
 */
export class SunlightDefinitionProvider extends DefaultDefinitionProvider {
    protected override findLinks(source: CstNode): GoToLink[] {
        const links = super.findLinks(source);
        const qualified = findQualifiedReference(source);
        if (!qualified || qualified.segments.length < 2) return links;
        return links.map(link => ({ ...link, source }));
    }
}
