/**
 * `contact "…"` on departments and powers (the public service guide's
 * contact lines): parsed without diagnostics, offered by completion, shown
 * on hover, laid out one per line by the formatter.
 */
import { describe, expect, test } from 'vitest';
import { TextDocument } from 'langium';
import { CompletionItemKind, type MarkupContent } from 'vscode-languageserver';
import { buildWorkspace, codes } from '../helpers.js';
import { positionOf, specWorkspace } from './lsp-helpers.js';

const WITH_CONTACTS = `department 教务处 "教务处" {
    contact "电话:0551-1234"
    contact "地点:行政楼 201 室"
    post 处长 "主持工作"
    power 学籍异动 {
        contact "学籍科:行政楼 203 室"
        content "办理学籍异动"
    }
}
`;

describe('contact lines', () => {
    test('any number on a department and a power, with no diagnostic of their own', async () => {
        const { documents, diagnostics } = await buildWorkspace({ 'a.sun': WITH_CONTACTS });
        const department = documents['a.sun'].parseResult.value.elements[0] as unknown as { contacts: string[]; powers: Array<{ contacts: string[] }> };
        expect(department.contacts).toEqual(['电话:0551-1234', '地点:行政楼 201 室']);
        expect(department.powers[0].contacts).toEqual(['学籍科:行政楼 203 室']);
        expect(codes(diagnostics('a.sun')).filter(code => code === 'syntax-error' || code === 'duplicate-property')).toEqual([]);
    });

    test('completion offers contact in a department and in a power, again after one is written', async () => {
        for (const [text, where] of [[WITH_CONTACTS.replace('    post 处长', '    |\n    post 处长'), 'department'], [WITH_CONTACTS.replace('        content', '        |\n        content'), 'power']] as const) {
            const offset = text.indexOf('|');
            const { services, documents } = await specWorkspace({ 'edit.sun': text.slice(0, offset) + text.slice(offset + 1) });
            const document = documents['edit.sun'];
            const list = await services.Sunlight.lsp.CompletionProvider!.getCompletion(document, {
                textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset)
            });
            const keywords = (list?.items ?? []).filter(item => item.kind === CompletionItemKind.Keyword).map(item => item.label);
            expect(keywords, where).toContain('contact');
        }
    });

    test('hover on a department and a power shows their contact lines', async () => {
        const { services, documents } = await specWorkspace({ 'edit.sun': WITH_CONTACTS.replace('教务处 "教务处"', '招生处 "招生处"') });
        const document = documents['edit.sun'];
        for (const [needle, expected] of [['招生处 "', '地点:行政楼 201 室'], ['学籍异动', '学籍科:行政楼 203 室']]) {
            const hover = await services.Sunlight.lsp.HoverProvider!.getHoverContent(document, {
                textDocument: { uri: document.uri.toString() }, position: positionOf(document, needle, 1)
            });
            expect((hover?.contents as MarkupContent | undefined)?.value, needle).toContain(expected);
        }
    });

    test('the formatter puts each contact on its own line', async () => {
        const input = `department 教务处 "教务处" { contact "电话" contact "地点" post 处长 "主持工作"
  power 学籍异动 { content "办理" contact "学籍科" } }`;
        const { services, documents } = await buildWorkspace({ 'a.sun': input });
        const document = documents['a.sun'];
        const edits = await services.Sunlight.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 4, insertSpaces: true } });
        expect(TextDocument.applyEdits(document.textDocument, edits)).toBe(`department 教务处 "教务处" {
    contact "电话"
    contact "地点"
    post 处长 "主持工作"
    power 学籍异动 {
        content "办理"
        contact "学籍科"
    }
}
`);
    });
});
