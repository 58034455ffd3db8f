import { DefaultTokenBuilder, type GrammarAST } from 'langium';
import type { TokenType } from 'chevrotain';

/**
 * The ID terminal needs the `u` flag for `\p{..}` classes, which turns it into
 * a custom matcher without a `source`. Langium then finds no "longer
 * alternative" for keywords and `stepA` would lex as `step` + `A`. Here every
 * keyword that is itself a valid ID gets the ID token as its longer alternative.
 */
export class SunlightTokenBuilder extends DefaultTokenBuilder {
    protected override findLongerAlt(keyword: GrammarAST.Keyword, terminalTokens: TokenType[]): TokenType[] {
        const alternatives = super.findLongerAlt(keyword, terminalTokens);
        const id = terminalTokens.find(token => token.name === 'ID');
        if (id && !alternatives.includes(id) && ID_PATTERN.test(keyword.value)) {
            alternatives.push(id);
        }
        return alternatives;
    }
}

const ID_PATTERN = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}]*$/u;
