import { describe, expect, test } from 'vitest';
import type { DocumentSymbol, Location, LocationLink } from 'vscode-languageserver';
import { URI } from 'langium';
import { applyWorkspaceEdit, positionOf, specWorkspace, textAt } from './lsp-helpers.js';

const params = (uri: string, position: { line: number; character: number }) => ({ textDocument: { uri }, position });

describe('go to definition', () => {
    test('a qualified reference: the qualifier goes to the department, the last name to the member', async () => {
        const { services, documents } = await specWorkspace();
        const hr = documents['hr.sun'];
        const finance = documents['finance.sun'];
        const provider = services.Sunlight.lsp.DefinitionProvider!;

        const onMember = await provider.getDefinition(hr, params(hr.uri.toString(), positionOf(hr, '财务处.会计', 5))) as LocationLink[];
        expect(onMember).toHaveLength(1);
        expect(onMember[0].targetUri).toBe(finance.uri.toString());
        expect(textAt(finance, onMember[0].targetSelectionRange)).toBe('会计');
        expect(textAt(hr, onMember[0].originSelectionRange!)).toBe('会计');

        const onQualifier = await provider.getDefinition(hr, params(hr.uri.toString(), positionOf(hr, '财务处.会计', 1))) as LocationLink[];
        expect(onQualifier).toHaveLength(1);
        expect(onQualifier[0].targetUri).toBe(finance.uri.toString());
        expect(textAt(finance, onQualifier[0].targetSelectionRange)).toBe('财务处');
        expect(textAt(hr, onQualifier[0].originSelectionRange!)).toBe('财务处');
    });

    test('an article through its basis, a step of the same power, a leader', async () => {
        const { services, documents } = await specWorkspace();
        const finance = documents['finance.sun'];
        const bases = documents['bases.sun'];
        const college = documents['college.sun'];
        const provider = services.Sunlight.lsp.DefinitionProvider!;
        const go = async (needle: string, delta: number) =>
            (await provider.getDefinition(finance, params(finance.uri.toString(), positionOf(finance, needle, delta))) as LocationLink[])[0];

        const article = await go('会计法.第十条', 5);
        expect(article.targetUri).toBe(bases.uri.toString());
        expect(textAt(bases, article.targetSelectionRange)).toBe('第十条');
        const basis = await go('会计法.第十条', 0);
        expect(textAt(bases, basis.targetSelectionRange)).toBe('会计法');

        const step = await go('at 初审', 4);
        expect(textAt(finance, step.targetSelectionRange)).toBe('初审');
        expect(step.targetSelectionRange.start.line).toBe(positionOf(finance, 'step 初审').line);

        const leader = await go('leader 分管财务副院长', 8);
        expect(leader.targetUri).toBe(college.uri.toString());
    });
});

describe('find references and highlights', () => {
    test('references to a post include qualified ones in other files, narrowed to the name', async () => {
        const { services, documents } = await specWorkspace();
        const finance = documents['finance.sun'];
        const hr = documents['hr.sun'];
        const locations = await services.Sunlight.lsp.ReferencesProvider!.findReferences(finance, {
            ...params(finance.uri.toString(), positionOf(finance, 'post 会计', 6)), context: { includeDeclaration: true }
        }) as Location[];
        const texts = locations.map(location => {
            const document = location.uri === hr.uri.toString() ? hr : finance;
            return `${URI.parse(location.uri).path.split('/').pop()}:${textAt(document, location.range)}`;
        });
        expect(texts.every(text => text.endsWith(':会计'))).toBe(true);
        expect(texts.filter(text => text.startsWith('hr.sun'))).toHaveLength(1);
        expect(texts.filter(text => text.startsWith('finance.sun')).length).toBeGreaterThanOrEqual(3); // declaration, responsible, step
    });

    test('references to a department include the qualifiers that name it', async () => {
        const { services, documents } = await specWorkspace();
        const finance = documents['finance.sun'];
        const hr = documents['hr.sun'];
        const locations = await services.Sunlight.lsp.ReferencesProvider!.findReferences(finance, {
            ...params(finance.uri.toString(), positionOf(finance, '财务处 "', 0)), context: { includeDeclaration: false }
        }) as Location[];
        expect(locations).toHaveLength(1);
        expect(locations[0].uri).toBe(hr.uri.toString());
        expect(textAt(hr, locations[0].range)).toBe('财务处');
    });

    test('document highlights of a staff member', async () => {
        const { services, documents } = await specWorkspace();
        const finance = documents['finance.sun'];
        const highlights = await services.Sunlight.lsp.DocumentHighlightProvider!.getDocumentHighlight(finance, params(finance.uri.toString(), positionOf(finance, 'staff 李强', 6)));
        const texts = highlights!.map(h => textAt(finance, h.range));
        expect(texts).toEqual(['李强', '李强', '李强', '李强']); // declaration, owner, found by, register
    });
});

describe('rename', () => {
    test('renaming a post changes only the last segment of qualified references, across files', async () => {
        const { services, documents } = await specWorkspace();
        const finance = documents['finance.sun'];
        const hr = documents['hr.sun'];
        const provider = services.Sunlight.lsp.RenameProvider!;
        const range = await provider.prepareRename(finance, params(finance.uri.toString(), positionOf(finance, 'post 会计', 6)));
        expect(textAt(finance, range!)).toBe('会计');
        const edit = await provider.rename(finance, { ...params(finance.uri.toString(), positionOf(finance, 'post 会计', 6)), newName: '主管会计' });
        const texts = applyWorkspaceEdit(Object.values(documents), edit);
        const newHr = texts.get(hr.uri.toString())!;
        const newFinance = texts.get(finance.uri.toString())!;
        expect(newHr).toContain('step 经费核对 by 财务处.主管会计 within 2 workdays');
        expect(newFinance).toContain('post 主管会计 "会计核算、报销审核"');
        expect(newFinance).toContain('responsible 主管会计');
        expect(newFinance).toContain('step 初审 by 主管会计 within 2 workdays');
        expect(newFinance).toContain('staff 李强 post 主管会计');
        expect(newFinance).not.toMatch(/[ .]会计[\s,]/);
    });

    test('renaming from a qualified reference in another file', async () => {
        const { services, documents } = await specWorkspace();
        const hr = documents['hr.sun'];
        const finance = documents['finance.sun'];
        const edit = await services.Sunlight.lsp.RenameProvider!.rename(hr, { ...params(hr.uri.toString(), positionOf(hr, '财务处.会计', 5)), newName: '审核会计' });
        const texts = applyWorkspaceEdit(Object.values(documents), edit);
        expect(texts.get(hr.uri.toString())).toContain('财务处.审核会计');
        expect(texts.get(finance.uri.toString())).toContain('post 审核会计 "');
    });

    test('renaming a department updates the qualifiers; renaming a basis updates its articles\' qualifiers', async () => {
        const { services, documents } = await specWorkspace();
        const finance = documents['finance.sun'];
        const hr = documents['hr.sun'];
        const bases = documents['bases.sun'];
        const provider = services.Sunlight.lsp.RenameProvider!;
        const edit = await provider.rename(hr, { ...params(hr.uri.toString(), positionOf(hr, '财务处.会计', 1)), newName: '计划财务处' });
        const texts = applyWorkspaceEdit(Object.values(documents), edit);
        expect(texts.get(hr.uri.toString())).toContain('by 计划财务处.会计');
        expect(texts.get(finance.uri.toString())).toMatch(/^department 计划财务处 "财务处" \{/);

        const basisEdit = await provider.rename(bases, { ...params(bases.uri.toString(), positionOf(bases, 'basis 会计法', 7)), newName: '会计法2017' });
        const basisTexts = applyWorkspaceEdit(Object.values(documents), basisEdit);
        expect(basisTexts.get(bases.uri.toString())).toContain('basis 会计法2017 law');
        expect(basisTexts.get(finance.uri.toString())).toContain('basis 会计法2017.第十条, 财务报销管理办法');
        expect(basisTexts.get(hr.uri.toString())).toContain('basis 三定方案, 会计法2017.第十条');
    });

    test('the renamed workspace still links', async () => {
        const { services, documents } = await specWorkspace();
        const finance = documents['finance.sun'];
        const edit = await services.Sunlight.lsp.RenameProvider!.rename(finance, { ...params(finance.uri.toString(), positionOf(finance, '财务处 "', 0)), newName: '计财处' });
        const texts = applyWorkspaceEdit(Object.values(documents), edit);
        const files = Object.fromEntries(Object.entries(documents).map(([name, document]) => [name, texts.get(document.textDocument.uri) ?? document.textDocument.getText()]));
        const { buildWorkspace } = await import('../helpers.js');
        const rebuilt = await buildWorkspace(files);
        for (const name of Object.keys(files)) {
            expect(rebuilt.diagnostics(name).filter(d => d.code === 'unresolved-reference'), name).toEqual([]);
        }
    });

    test('a keyword or a non-name is refused', async () => {
        const { services, documents } = await specWorkspace();
        const finance = documents['finance.sun'];
        const provider = services.Sunlight.lsp.RenameProvider!;
        await expect(provider.rename(finance, { ...params(finance.uri.toString(), positionOf(finance, 'post 会计', 6)), newName: 'step' })).rejects.toThrow();
        await expect(provider.rename(finance, { ...params(finance.uri.toString(), positionOf(finance, 'post 会计', 6)), newName: '1会计' })).rejects.toThrow();
        await expect(provider.rename(finance, { ...params(finance.uri.toString(), positionOf(finance, 'post 会计', 6)), newName: '会 计' })).rejects.toThrow();
    });
});

describe('outline, workspace symbols, folding', () => {
    const names = (symbols: DocumentSymbol[] | undefined): unknown[] =>
        (symbols ?? []).map(symbol => symbol.children?.length ? { [symbol.name]: names(symbol.children) } : symbol.name);

    test('department → powers → flows → steps, risks, registers (labelled)', async () => {
        const { services, documents } = await specWorkspace();
        const finance = documents['finance.sun'];
        const symbols = await services.Sunlight.lsp.DocumentSymbolProvider!.getSymbols(finance, { textDocument: { uri: finance.uri.toString() } });
        expect(names(symbols)).toEqual([{
            财务处: [
                '处长', '会计', '出纳', '申请人', '王芳', '李强', '赵敏',
                { 经费报销审核: [{ 'external flow': ['提交单据', '初审', '复核', '是否超过五万元', '院长审批', '付款'] }, '虚假报销'] },
                '制度更新滞后', 'register 李强', 'department register'
            ]
        }]);
    });

    test('labels in Chinese', async () => {
        const { services, documents } = await specWorkspace({}, 'zh');
        const finance = documents['finance.sun'];
        const symbols = await services.Sunlight.lsp.DocumentSymbolProvider!.getSymbols(finance, { textDocument: { uri: finance.uri.toString() } });
        const department = symbols[0];
        const labels = department.children!.map(symbol => symbol.name);
        expect(labels).toContain('李强 的排查登记表');
        expect(labels).toContain('部门排查登记表');
        const power = department.children!.find(symbol => symbol.name === '经费报销审核')!;
        expect(power.children![0].name).toBe('外部流程图');
    });

    test('workspace symbols find qualified members', async () => {
        const { services } = await specWorkspace();
        const symbols = await services.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: '会计' });
        const found = symbols.map(symbol => symbol.name);
        expect(found).toContain('财务处.会计');
        expect(found).toContain('会计法');
        expect(found).toContain('会计法.第十条');
        const process = await services.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: '报销' });
        expect(process.map(symbol => symbol.name)).toContain('财务处.经费报销审核');
    });

    test('folding ranges for blocks', async () => {
        const { services, documents } = await specWorkspace();
        const finance = documents['finance.sun'];
        const ranges = await services.Sunlight.lsp.FoldingRangeProvider!.getFoldingRanges(finance, { textDocument: { uri: finance.uri.toString() } });
        const starts = ranges.map(range => range.startLine);
        for (const header of ['department 财务处', 'power 经费报销审核', 'flow external', 'decision 是否超过五万元', 'risk 虚假报销', 'register 李强']) {
            expect(starts, header).toContain(positionOf(finance, header).line);
        }
    });
});
