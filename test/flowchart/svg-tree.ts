import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** An element of a parsed SVG: name, attributes (entities decoded), children, own text. */
export interface El {
    readonly name: string;
    readonly attrs: Readonly<Record<string, string>>;
    readonly children: readonly El[];
    /** The text directly inside the element, decoded. */
    readonly text: string;
}

/** Parses an SVG document strictly (it must be well-formed XML) into a tree. */
export function parseSvg(svg: string): El {
    const valid = XMLValidator.validate(svg);
    if (valid !== true) throw new Error(`not well-formed XML: ${JSON.stringify(valid.err)}`);
    const parser = new XMLParser({ ignoreAttributes: false, preserveOrder: true, attributeNamePrefix: '', htmlEntities: true, trimValues: false, parseTagValue: false, parseAttributeValue: false, processEntities: true });
    const convert = (node: Record<string, unknown>): El | undefined => {
        const name = Object.keys(node).find(key => key !== ':@' && key !== '#text');
        if (!name) return undefined;
        const content = (node[name] as Array<Record<string, unknown>>) ?? [];
        return {
            name,
            attrs: (node[':@'] as Record<string, string> | undefined) ?? {},
            children: content.map(convert).filter((e): e is El => e !== undefined),
            text: content.filter(c => '#text' in c).map(c => String(c['#text'])).join('')
        };
    };
    const roots = (parser.parse(svg) as Array<Record<string, unknown>>).map(convert).filter((e): e is El => e !== undefined);
    if (roots.length !== 1) throw new Error(`expected one root element, got ${roots.length}`);
    return roots[0];
}

export function all(root: El, predicate: (el: El) => boolean = () => true): El[] {
    const out: El[] = [];
    const walk = (el: El) => { if (predicate(el)) out.push(el); el.children.forEach(walk); };
    walk(root);
    return out;
}

export function hasClass(el: El, cls: string): boolean {
    return (el.attrs.class ?? '').split(/\s+/).includes(cls);
}

/** All text inside an element, its descendants' included. */
export function textOf(el: El): string {
    return el.text + el.children.map(textOf).join('');
}
