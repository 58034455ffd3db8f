import { readFileSync } from 'node:fs';
import { DocumentState, URI, type LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, test } from 'vitest';
import { isDepartment, type Model } from '../../language/generated/ast.js';
import { buildWorkspace, createTestServices } from '../helpers.js';

const spec = (name: string) => readFileSync(new URL(`../fixtures/spec/${name}`, import.meta.url), 'utf8');

/** Replaces a document's text in the workspace and runs Langium's incremental update, as the server does on an edit. */
let version = 1;
async function edit(services: Awaited<ReturnType<typeof buildWorkspace>>['services'], document: LangiumDocument, text: string) {
    services.shared.workspace.TextDocuments!.set(TextDocument.create(document.uri.toString(), 'sunlight', ++version, text));
    await services.shared.workspace.DocumentBuilder.update([document.uri], []);
}

describe('incremental updates recompute only what can have changed', () => {
    test('an article text edit in bases.sun revalidates bases.sun alone; references follow the new nodes', async () => {
        const { services, documents } = await buildWorkspace({
            'college.sun': spec('college.sun'), 'bases.sun': spec('bases.sun'), 'finance.sun': spec('finance.sun')
        });
        const validated: string[] = [];
        services.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, document => { validated.push(document.uri.path); });
        const finance = documents['finance.sun'];
        const before = finance.diagnostics;
        await edit(services, documents['bases.sun'], spec('bases.sun').replace('应当办理会计手续', '应当依法办理会计手续'));
        expect(validated.map(p => p.split('/').pop())).toEqual(['bases.sun']);
        expect(finance.diagnostics).toBe(before);
        const power = (finance.parseResult.value as Model).elements.find(isDepartment)!.powers[0];
        const article = power.bases[0].ref as { text?: string } | undefined;
        expect(article?.text).toBe('"应当依法办理会计手续、进行会计核算的经济业务事项"'.slice(1, -1));
    });

    test('adding an article revalidates no dependent; removing one revalidates those that cite it', async () => {
        const other = `department 审计处 "审计处" {
    leader 院长
    post 审计员 "x"
    power 审计 { responsible 审计员 basis 政府采购法 }
}`;
        const { services, documents, diagnostics } = await buildWorkspace({
            'college.sun': spec('college.sun'), 'bases.sun': spec('bases.sun'), 'finance.sun': spec('finance.sun'), 'audit.sun': other
        });
        const validated: string[] = [];
        services.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, document => { validated.push(document.uri.path.split('/').pop()!); });
        const added = spec('bases.sun').replace('article 第十条', 'article 第九条 "会计核算"\n    article 第十条');
        await edit(services, documents['bases.sun'], added);
        // 第十条 moved (its path changed): finance cites it; audit cites only 政府采购法, which did not move.
        expect(validated.sort()).toEqual(['bases.sun', 'finance.sun']);
        validated.length = 0;
        await edit(services, documents['bases.sun'], added + '\nbasis 新法 law "新法"\n');
        expect(validated).toEqual(['bases.sun']);
        expect(diagnostics('audit.sun').filter(d => d.code === 'unresolved-reference')).toEqual([]);
    });

    test('renaming an article revalidates its dependents', async () => {
        const { services, documents, diagnostics } = await buildWorkspace({
            'college.sun': spec('college.sun'), 'bases.sun': spec('bases.sun'), 'finance.sun': spec('finance.sun')
        });
        expect(diagnostics('finance.sun').filter(d => d.code === 'unresolved-reference')).toEqual([]);
        await edit(services, documents['bases.sun'], spec('bases.sun').replace('article 第十条', 'article 第十一条'));
        expect(diagnostics('finance.sun').filter(d => d.code === 'unresolved-reference').length).toBe(1);
        await edit(services, documents['bases.sun'], spec('bases.sun'));
        expect(diagnostics('finance.sun').filter(d => d.code === 'unresolved-reference')).toEqual([]);
    });

    test('a role becoming external changes the dependents of its department', async () => {
        const hr = 'department 人事处 "人事处" {\n    leader 院长\n    role 应聘者 external "应聘人员"\n}\n';
        const other = `department 审计处 "审计处" {
    leader 院长
    post 审计员 "x"
    power 审计 { flow internal { step 报名 by 人事处.应聘者 } }
}`;
        const { services, documents, diagnostics } = await buildWorkspace({ 'college.sun': spec('college.sun'), 'hr.sun': hr, 'audit.sun': other });
        expect(diagnostics('audit.sun').filter(d => d.code === 'missing-deadline')).toEqual([]);
        await edit(services, documents['hr.sun'], hr.replace(' external', ''));
        expect(diagnostics('audit.sun').filter(d => d.code === 'missing-deadline').length).toBe(1);
        expect(URI.parse(documents['audit.sun'].uri.toString()).path).toMatch(/audit\.sun$/);
    });

    test('documents open in the editor are linked and validated before the rest of the workspace is linked', async () => {
        const services = createTestServices();
        const texts: Record<string, string> = { 'college.sun': spec('college.sun'), 'bases.sun': spec('bases.sun'), 'finance.sun': spec('finance.sun') };
        for (let i = 0; i < 5; i++) texts[`d${i}.sun`] = `department 部门${i} "部门${i}" {\n    leader 院长\n}\n`;
        const documents = Object.entries(texts).map(([name, text]) =>
            services.shared.workspace.LangiumDocumentFactory.fromString<Model>(text, URI.file(`/open-first/${name}`)));
        for (const document of documents) services.shared.workspace.LangiumDocuments.addDocument(document);
        const finance = documents.find(document => document.uri.path.endsWith('finance.sun'))!;
        services.shared.workspace.TextDocuments!.set(TextDocument.create(finance.uri.toString(), 'sunlight', 1, texts['finance.sun']));
        let othersWhenPublished: DocumentState[] = [];
        services.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, document => {
            if (document === finance) othersWhenPublished = documents.filter(other => other !== finance).map(other => other.state);
        });
        await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
        // The others were indexed (finance.sun links into college.sun and bases.sun) but not yet linked.
        expect(othersWhenPublished).toEqual(documents.slice(1).map(() => DocumentState.IndexedContent));
        expect(finance.diagnostics?.filter(d => d.code === 'unresolved-reference')).toEqual([]);
        expect(documents.every(document => document.state === DocumentState.Validated)).toBe(true);
    });
});
