import { EmptyFileSystem, TextDocument, URI } from 'langium';
import type { Model } from '../generated/ast.js';
import { createSunlightServices } from '../sunlight-module.js';

/**
 * Text in, canonically formatted text out (the formatter of formatter.ts, run
 * on an in-memory document): used by `sunlight fmt` and by everything that
 * writes `.sun` files (import, init), so that what they write is canonical.
 */
export interface SyntaxErrorAt { line: number; column: number; message: string }

/** Formats the given text (without BOM) as the formatter would; line breaks follow the text's own style. */
export async function formatText(text: string, services = sharedFormatServices()): Promise<{ formatted?: string; syntaxError?: SyntaxErrorAt }> {
    const uri = URI.file(`/sunlight-fmt/${++documentCounter}.sun`);
    const document = services.shared.workspace.LangiumDocumentFactory.fromString<Model>(text, uri);
    const { lexerErrors, parserErrors } = document.parseResult;
    if (lexerErrors.length > 0 || parserErrors.length > 0) {
        const lexer = lexerErrors[0];
        const parser = parserErrors[0];
        const syntaxError = lexer && (!parser || (lexer.line ?? 0) <= (parser.token.startLine ?? 0))
            ? { line: lexer.line ?? 1, column: lexer.column ?? 1, message: lexer.message }
            : { line: parser.token.startLine ?? 1, column: parser.token.startColumn ?? 1, message: parser.message };
        return { syntaxError };
    }
    const firstBreak = text.indexOf('\n');
    const eol = firstBreak > 0 && text[firstBreak - 1] === '\r' ? '\r\n' : '\n';
    const edits = await services.Sunlight.lsp.Formatter!.formatDocument(document, {
        textDocument: { uri: uri.toString() },
        options: { tabSize: 4, insertSpaces: true }
    });
    const formatted = TextDocument.applyEdits(document.textDocument, edits.map(edit => ({ ...edit, newText: edit.newText.replace(/\n/g, eol) })));
    return { formatted };
}

let documentCounter = 0;

export function createFormatServices() {
    return createSunlightServices(EmptyFileSystem);
}

let cachedServices: ReturnType<typeof createFormatServices> | undefined;

function sharedFormatServices() {
    return cachedServices ??= createFormatServices();
}
