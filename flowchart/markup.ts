import { escapeXml } from '../flowchart/render-svg.js';

/**
 * HTML escaped by construction. `html\`<td>${name}</td>\`` escapes every
 * interpolated value, except a `Markup`: what `html` itself produced. There is
 * no other way to make a `Markup`, so text from a `.sun` file can only reach a
 * page as text. Arrays interpolate as their items joined; `undefined`, `null`
 * and `false` as nothing.
 */
export class Markup {
    private constructor(private readonly text: string) {}

    toString(): string {
        return this.text;
    }

    /** @internal Only `html` (below) builds markup. */
    static of(text: string): Markup {
        return new Markup(text);
    }
}

export type Interpolation = Markup | string | number | boolean | undefined | null | readonly Interpolation[];

function render(value: Interpolation): string {
    if (value instanceof Markup) return value.toString();
    if (Array.isArray(value)) return value.map(render).join('');
    if (value === undefined || value === null || value === false) return '';
    return escapeXml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Markup {
    let out = strings[0];
    for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
    return Markup.of(out);
}
