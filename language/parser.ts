import { createParser, LangiumParser, type AstNode, type LangiumCoreServices, type ParseResult, type ParserOptions } from 'langium';

/**
 * Langium's parser, minus one thing it keeps: after a parse, the chevrotain
 * parser still holds the lexer's token array (about ten bytes per source
 * byte) until the next parse. With many files that is one small file's
 * tokens; with one 50 MB file it is half a gigabyte held for the whole build,
 * which pushed such a file towards V8's heap limit, where garbage collection
 * makes time grow faster than size (issue 14). The tokens are dropped as soon
 * as the parse is done: the CST keeps what the rest of Langium needs.
 */
export class SunlightParser extends LangiumParser {
    override parse<T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        try {
            return super.parse<T>(input, options);
        } finally {
            this.wrapper.input = [];
        }
    }

    /** How many tokens of the last parse the parser still holds (none, once `parse` returns). */
    get heldTokens(): number {
        return this.wrapper.input.length;
    }
}

/** `createLangiumParser` (langium/parser/langium-parser-builder.ts) with Sunlight's parser class. */
export function createSunlightParser(services: LangiumCoreServices): SunlightParser {
    const parser = createParser(services.Grammar, new SunlightParser(services), services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}
