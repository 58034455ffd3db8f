import { AbstractFormatter, Formatting, type FormattingAction, type FormattingContext } from 'langium/lsp';
import { CstUtils, isCompositeCstNode, isLeafCstNode, TextDocument, type AstNode, type CstNode, type LangiumDocument, type Lexer } from 'langium';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-types';
import type { SunlightServices } from '../sunlight-module.js';

/**
 * Sunlight's one canonical layout:
 *
 * - 4 spaces of indentation, whatever the editor asks;
 * - blocks open with `{` on their header line and close with `}` on a line of its own;
 * - one property or member per line, the tokens of one clause separated by one
 *   space (`,` and the `.` of a qualified name take none);
 * - at most one blank line between members (the user's grouping is kept), none
 *   after `{` or before `}`; top-level declarations likewise;
 * - the file ends with one line break.
 *
 * Only whitespace between tokens ever changes: comments stay where they are
 * (attached to the same neighbours, their text untouched, one space before a
 * comment that follows a token), and a `//` comment always keeps the line
 * break after it (a clause it interrupts continues one level deeper). As a
 * last guard, the result is lexed again and compared token by token with the
 * original; if anything but whitespace would change, no edit is returned.
 */
export class SunlightFormatter extends AbstractFormatter {
    private readonly lexer: Lexer;

    constructor(services: SunlightServices) {
        super();
        this.lexer = services.parser.Lexer;
    }

    /** Keywords that begin a property line inside the block of each node type. */
    static readonly PROPERTY_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
        Department: ['leader', 'contact'],
        Power: ['code', 'category', 'content', 'responsible', 'basis', 'major', 'contact'],
        Risk: ['description', 'aspect', 'probability', 'harm', 'cause', 'consequence', 'grade', 'owner', 'final'],
        Register: ['risks', 'signed', 'reviewed', 'approved'],
        Group: ['members']
    };

    /** A member line: a new line (or one blank line where the user left one), one level deeper. */
    private static readonly MEMBER: FormattingAction = Formatting.fit(Formatting.indent(), { options: {}, moves: [{ tabs: 1, lines: 2 }] });
    /** A top-level declaration: a new line or one blank line, no indentation. */
    private static readonly TOP_LEVEL: FormattingAction = Formatting.fit(Formatting.newLine(), Formatting.newLines(2));

    protected override format(node: AstNode): void {
        const cst = node.$cstNode;
        if (!cst) return;
        const units = ownUnits(node, cst);
        const formatter = this.getNodeFormatter(node);
        const region = (unit: CstNode) => formatter.cst([unit]);
        if (node.$container === undefined) {
            // The model: each top-level declaration (and comment) on its own line.
            units.forEach((unit, index) => region(unit).prepend(index === 0 && !unit.hidden ? Formatting.noSpace() : SunlightFormatter.TOP_LEVEL));
            return;
        }
        const open = units.findIndex(unit => isLeafCstNode(unit) && !unit.hidden && unit.text === '{' && unit.astNode === node);
        let close = -1;
        if (open >= 0) {
            for (let i = units.length - 1; i > open && close < 0; i--) {
                const unit = units[i];
                if (isLeafCstNode(unit) && !unit.hidden && unit.text === '}') close = i;
            }
        }
        const lineKeywords = SunlightFormatter.PROPERTY_KEYWORDS[node.$type] ?? [];
        let previous: CstNode | undefined;
        units.forEach((unit, index) => {
            const inBlock = open >= 0 && index > open && (close < 0 || index < close);
            // No blank line right after `{`.
            const member = index === open + 1 ? Formatting.indent() : SunlightFormatter.MEMBER;
            if (unit.hidden) {
                // A comment inside a block is indented like a member when it starts a line.
                if (inBlock) region(unit).prepend(member);
                return;
            }
            if (index === 0) {
                previous = unit;
                return; // the parent places the node
            }
            if (index === close) {
                region(unit).prepend(Formatting.newLine());
            } else if (inBlock && (unit.astNode !== node || lineKeywords.includes(unit.text) && isLeafCstNode(unit))) {
                region(unit).prepend(member);
            } else {
                // A property that starts with a keyword of this block is one level deeper than the node.
                const spacing = unit.text === ',' || unit.text === '.' || previous?.text === '.' ? Formatting.noSpace() : Formatting.oneSpace();
                region(unit).prepend(inBlock ? { ...spacing, continuation: 2 } as Continued : spacing);
            }
            previous = unit;
        });
    }

    protected override doDocumentFormat(document: LangiumDocument, options: FormattingOptions, range?: Range): TextEdit[] {
        const canonical: FormattingOptions = { ...options, tabSize: 4, insertSpaces: true };
        const edits = super.doDocumentFormat(document, canonical, range);
        if (!range) edits.push(...this.finalNewline(document));
        return this.preservesTokens(document.textDocument.getText(), edits) ? edits : [];
    }

    /**
     * Langium drops every `\r` before comparing, so a lone `\r` line break (old Mac
     * files, some pastes from Word) was never replaced: `A\r.B` stayed as it was.
     * Only `\r\n` counts as `\n` here (found by test/robustness/formatter.test.ts).
     */
    protected override isNecessary(edit: TextEdit, document: TextDocument): boolean {
        return edit.newText !== document.getText(edit.range).replace(/\r\n/g, '\n');
    }

    /**
     * A comment that starts a line gets its line breaks (one, or two for a blank
     * line where its formatting allows one; none at the start of the file) and its indentation; one that follows
     * a token on the same line is left as it is. The comment's own text is never
     * touched (Langium would re-indent the inner lines of a block comment).
     */
    protected override createHiddenTextEdits(previous: CstNode | undefined, hidden: CstNode, formatting: FormattingAction | undefined, context: FormattingContext): TextEdit[] {
        const start = hidden.range.start;
        const end = previous?.range.end;
        // A comment after a token on the same line: one space before it.
        if (end && end.line === start.line) return [{ range: { start: end, end: start }, newText: ' ' }];
        const move = this.findFittingMove({ start: end ?? { line: 0, character: 0 }, end: start }, formatting?.moves ?? [], context);
        const lines = end ? Math.max(1, Math.min(start.line - end.line, move?.lines ?? 2)) : 0;
        const indentation = this.getIndentationCharacterCount(context, move);
        return [{
            range: { start: end ?? { line: 0, character: 0 }, end: start },
            newText: '\n'.repeat(lines) + ' '.repeat(indentation)
        }];
    }

    /**
     * Langium leaves the space after a comment alone. Here a token after a
     * block comment on the same line gets its usual spacing, and a token on
     * the line after a comment (within a clause: `step A // why` then `by B`)
     * keeps its line break, indented one level deeper than its clause.
     */
    protected override createTextEdit(a: CstNode | undefined, b: CstNode, formatting: FormattingAction, context: FormattingContext): TextEdit[] {
        if (a?.hidden && !b.hidden && formatting.moves.every(move => move.characters !== undefined && move.lines === undefined && move.tabs === undefined)) {
            const range = { start: a.range.end, end: b.range.start };
            if (range.start.line === range.end.line) return [this.createSpaceTextEdit(range, formatting.moves[0].characters!, formatting.options)];
            const levels = (formatting as Continued).continuation ?? 1;
            return [{ range, newText: '\n' + ' '.repeat(this.getIndentationCharacterCount(context, { tabs: levels })) }];
        }
        return super.createTextEdit(a, b, formatting, context);
    }

    /** Exactly one line break after the last token (or comment). */
    private finalNewline(document: LangiumDocument): TextEdit[] {
        const root = document.parseResult.value.$cstNode;
        if (!root) return [];
        const text = document.textDocument.getText();
        let last: CstNode | undefined;
        for (const leaf of CstUtils.flattenCst(root)) last = leaf;
        // Hidden comments after the root's last token are part of the root's content.
        if (isCompositeCstNode(root)) {
            const tail = root.content[root.content.length - 1];
            if (tail && (!last || tail.end > last.end)) last = tail;
        }
        if (!last) return [];
        const tail = text.slice(last.end);
        if (!/^\s*$/.test(tail) || tail === '\n' || tail === '\r\n') return [];
        return [{
            range: { start: document.textDocument.positionAt(last.end), end: document.textDocument.positionAt(text.length) },
            newText: '\n'
        }];
    }

    /** True when applying the edits changes nothing but whitespace between tokens. */
    private preservesTokens(text: string, edits: TextEdit[]): boolean {
        if (edits.length === 0) return true;
        const after = TextDocument.applyEdits(TextDocument.create('file:///format', 'sunlight', 0, text), edits);
        return sameTokens(this.tokenImages(text), this.tokenImages(after));
    }

    private tokenImages(text: string): string[] {
        const result = this.lexer.tokenize(text);
        return [...result.tokens, ...(result.hidden ?? [])]
            .sort((a, b) => a.startOffset - b.startOffset)
            .map(token => token.image);
    }
}

/**
 * Spacing within a clause, with how many levels deeper than the current
 * indentation the clause continues when a `//` comment breaks its line.
 */
type Continued = FormattingAction & { continuation?: number };

function sameTokens(a: readonly string[], b: readonly string[]): boolean {
    return a.length === b.length && a.every((image, i) => image === b[i]);
}

/**
 * The CST pieces a node formats itself: its own leaves (keywords, names,
 * values, comments), the whole of each of its references (a qualified name's
 * pieces are laid out by their `.`), and each child node as one unit. Wrapper
 * composites that belong to the same AST node (an unassigned rule call such as
 * `TopLevel`, a reference's data type rule) are flattened.
 */
function ownUnits(node: AstNode, cst: CstNode): CstNode[] {
    const units: CstNode[] = [];
    const walk = (current: CstNode) => {
        if (!isCompositeCstNode(current)) {
            units.push(current);
            return;
        }
        for (const child of current.content) {
            if (isCompositeCstNode(child) && child.astNode !== node) units.push(child);
            else walk(child);
        }
    };
    walk(cst);
    return units;
}
