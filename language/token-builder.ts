import { DefaultTokenBuilder, GrammarUtils, type GrammarAST } from 'langium';
import type { TokenType } from 'chevrotain';

/**
 * Two adjustments to Langium's token builder, both caused by the ID terminal's
 * `u` flag (needed for `\p{..}` classes), which makes Langium turn it into a
 * custom matcher function:
 *
 * 1. Chevrotain cannot see which characters a custom matcher starts with, and
 *    one such token disables its first-character optimisation for the whole
 *    lexer: every keyword was tried at every position, and lexing took two
 *    thirds of parse time. We give the ID token `START_CHARS_HINT` (the BMP
 *    characters its first class accepts, plus every high surrogate for the
 *    astral ones), and say it has no line breaks (Langium assumes a custom matcher may).
 * 2. With a custom matcher Langium finds no "longer alternative" for
 *    keywords, and `stepA` would lex as `step` + `A`. Every keyword that is
 *    itself a valid ID gets the ID token as its longer alternative.
 */
export class SunlightTokenBuilder extends DefaultTokenBuilder {
    private idPattern: RegExp | undefined;

    protected override buildTerminalToken(terminal: GrammarAST.TerminalRule): TokenType {
        const token = super.buildTerminalToken(terminal);
        if (terminal.name === 'ID' && typeof token.PATTERN === 'function') {
            const regex = GrammarUtils.terminalRegex(terminal);
            this.idPattern = new RegExp(`^(?:${regex.source})$`, regex.flags);
            token.START_CHARS_HINT = startCharacters(regex);
            token.LINE_BREAKS = false;
        }
        return token;
    }

    protected override findLongerAlt(keyword: GrammarAST.Keyword, terminalTokens: TokenType[]): TokenType[] {
        const alternatives = super.findLongerAlt(keyword, terminalTokens);
        const id = terminalTokens.find(token => token.name === 'ID');
        if (id && !alternatives.includes(id) && this.idPattern?.test(keyword.value)) {
            alternatives.push(id);
        }
        return alternatives;
    }
}

/** UTF-16 code units a match of `regex` can start with (a superset for astral characters). */
export function startCharacters(regex: RegExp): number[] {
    const cached = START_CHARACTERS.get(regex.source);
    if (cached) return cached;
    const sticky = new RegExp(regex.source, regex.flags.replace(/[gy]/g, '') + 'y');
    const result: number[] = [];
    for (let code = 0; code <= 0xFFFF; code++) {
        if (code >= 0xD800 && code <= 0xDBFF) {
            result.push(code); // a high surrogate may start an astral letter
            continue;
        }
        if (code >= 0xDC00 && code <= 0xDFFF) continue;
        sticky.lastIndex = 0;
        if (sticky.test(String.fromCharCode(code))) result.push(code);
    }
    START_CHARACTERS.set(regex.source, result);
    return result;
}

/** Computed once per process (every set of services builds its tokens). */
const START_CHARACTERS = new Map<string, number[]>();
