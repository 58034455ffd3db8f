import { describe, expect, test } from 'vitest';
import { buildDiagram } from '../../flowchart/diagram-model.js';
import { layoutDiagram } from '../../flowchart/layout.js';
import { PRINT_PALETTE } from '../../flowchart/palettes.js';
import { drawFlowchart } from '../../flowchart/pipeline.js';
import { escapeXml, renderSvg } from '../../flowchart/render-svg.js';
import { powersOf, specFiles } from './helpers.js';
import { PROCUREMENT_FILES } from './samples.js';
import { all, hasClass, parseSvg, textOf, type El } from './svg-tree.js';

async function specPower() {
    return (await powersOf(specFiles()))[0].power;
}

const byClass = (root: El, cls: string) => all(root, el => hasClass(el, cls));

describe('SVG renderer', () => {
    test('nodes: terminals, boxes, diamonds, each with its id and source range', async () => {
        const model = buildDiagram(await specPower(), 'external');
        const { svg } = await drawFlowchart(model, { palette: 'print', locale: 'zh' });
        const root = parseSvg(svg);
        expect(root.name).toBe('svg');
        expect(root.attrs.xmlns).toBe('http://www.w3.org/2000/svg');
        expect(Number(root.attrs.width)).toBeGreaterThan(0);
        expect(root.attrs.viewBox).toBe(`0 0 ${root.attrs.width} ${root.attrs.height}`);

        const nodes = byClass(root, 'sl-node');
        expect(nodes.map(n => n.attrs['data-node-id'])).toEqual(model.nodes.map(n => n.id));
        for (const node of model.nodes) {
            const el = nodes.find(n => n.attrs['data-node-id'] === node.id)!;
            const shape = el.children.find(c => hasClass(c, 'sl-shape'))!;
            if (node.kind === 'decision') {
                expect(shape.name).toBe('polygon');
                expect(shape.attrs.points.split(' ')).toHaveLength(4);
            } else {
                expect(shape.name).toBe('rect');
                if (node.kind === 'start' || node.kind === 'end') expect(Number(shape.attrs.rx)).toBeGreaterThan(10);
            }
            if (node.kind === 'step' || node.kind === 'decision') {
                const r = node.nameRange!;
                expect(el.attrs['data-range']).toBe(`${r.start.line}:${r.start.character}:${r.end.line}:${r.end.character}`);
                expect(textOf(el)).toContain(node.name);
                if (node.responsible) expect(textOf(el)).toContain(node.responsible.name);
            }
        }
        expect(textOf(nodes.find(n => n.attrs['data-node-id'] === 'start')!)).toContain('开始');
        expect(textOf(nodes.find(n => n.attrs['data-node-id'] === 'end')!)).toContain('结束');
        expect(textOf(nodes.find(n => textOf(n).includes('初审'))!)).toContain('会计 · 2个工作日');
    });

    test('edges: a path and an arrowhead each, branch labels, loops dashed', async () => {
        const power = (await powersOf(PROCUREMENT_FILES))[0].power;
        const model = buildDiagram(power, 'internal');
        const root = parseSvg((await drawFlowchart(model, { palette: 'print', locale: 'zh' })).svg);
        const edges = byClass(root, 'sl-edge');
        expect(edges.map(e => e.attrs['data-edge-id'])).toEqual(model.edges.map(e => e.id));
        for (const edge of model.edges) {
            const el = edges.find(e => e.attrs['data-edge-id'] === edge.id)!;
            const path = el.children.find(c => c.name === 'path')!;
            expect(path.attrs.d).toMatch(/^M[\d.]+ [\d.]+( L[\d.]+ [\d.]+)+$/);
            expect(el.children.some(c => c.name === 'polygon')).toBe(true);
            expect(path.attrs['stroke-dasharray'] !== undefined).toBe(edge.back);
            expect(hasClass(el, 'sl-back')).toBe(edge.back);
            if (edge.label) expect(textOf(el)).toBe(edge.label);
        }
        expect(model.edges.some(e => e.back)).toBe(true);
        // Collective steps are marked (a second frame, and the word in the details).
        const collective = byClass(root, 'sl-collective');
        expect(collective.map(c => c.attrs['data-node-id'])).toEqual(model.nodes.filter(n => n.collective).map(n => n.id));
        for (const c of collective) {
            expect(c.children.some(x => hasClass(x, 'sl-collective-mark'))).toBe(true);
            expect(textOf(c)).toContain('集体决策');
        }
    });

    test('risk badges: coloured by grade, with the count and the risks as hover text', async () => {
        const power = (await powersOf(PROCUREMENT_FILES))[0].power;
        const model = buildDiagram(power, 'internal');
        const root = parseSvg((await drawFlowchart(model, { palette: 'print', locale: 'zh' })).svg);
        const badges = byClass(root, 'sl-badge');
        const expected = model.nodes.flatMap(n => ['high', 'medium', 'low'].flatMap(g => {
            const count = n.risks.filter(r => r.grade === g).length;
            return count ? [{ node: n.id, grade: g, count }] : [];
        }));
        expect(badges.map(b => ({ node: b.attrs['data-node-id'], grade: b.attrs['data-grade'], count: Number(textOf(b.children.find(c => c.name === 'text')!)) })))
            .toEqual(expected);
        const colours = { high: PRINT_PALETTE.risk.high, medium: PRINT_PALETTE.risk.medium, low: PRINT_PALETTE.risk.low };
        for (const badge of badges) {
            expect(badge.children.find(c => c.name === 'circle')!.attrs.fill).toBe(colours[badge.attrs['data-grade'] as keyof typeof colours]);
        }
        expect(new Set(badges.map(b => b.attrs['data-grade']))).toEqual(new Set(['high', 'medium', 'low']));
        const high = badges.find(b => textOf(b.children.find(c => c.name === 'title')!).includes('规避招标'))!;
        const hover = textOf(high.children.find(c => c.name === 'title')!);
        expect(hover).toContain('化整为零、规避公开招标');
        expect(hover).toContain('同一品目年度累计金额超限的一律公开招标');
    });

    test('title block and legend', async () => {
        const model = buildDiagram(await specPower(), 'external');
        const root = parseSvg((await drawFlowchart(model, { palette: 'print', locale: 'zh' })).svg);
        const title = textOf(byClass(root, 'sl-title')[0]);
        for (const fact of ['经费报销审核', '财务处', '权力运行流程图', '编号: CW-01', '类别: 财', '责任主体: 会计', '外部流程', '办理时限: 7个工作日', '最长路径: 7个工作日']) {
            expect(title).toContain(fact);
        }
        const legend = textOf(byClass(root, 'sl-legend')[0]);
        for (const item of ['开始/结束', '环节', '决策', '集体决策', '退回修改', '风险点 (高)', '风险点 (中)', '风险点 (低)']) expect(legend).toContain(item);
        const en = parseSvg((await drawFlowchart(model, { palette: 'print', locale: 'en' })).svg);
        expect(textOf(byClass(en, 'sl-title')[0])).toContain('Longest path: 7 workdays');
        expect(textOf(byClass(en, 'sl-legend')[0])).toContain('Risk points (high)');
    });

    test('a flow over its limit is flagged in the title block', async () => {
        const power = (await powersOf(PROCUREMENT_FILES))[0].power;
        const model = buildDiagram(power, 'internal');
        const over = { ...model, title: { ...model.title, limit: { value: 10, unit: 'workdays' } } };
        const root = parseSvg(renderSvg(await layoutDiagram(over), { palette: 'print' }));
        const warn = byClass(root, 'sl-warn');
        expect(warn).toHaveLength(1);
        expect(textOf(warn[0])).toContain('超过时限');
        expect(warn[0].attrs.fill).toBe(PRINT_PALETTE.warn);
    });

    test('swimlanes: one lane per party, named', async () => {
        const model = buildDiagram(await specPower(), 'external', { lanes: true });
        const root = parseSvg((await drawFlowchart(model, { palette: 'print', locale: 'zh' })).svg);
        const lanes = byClass(root, 'sl-lane');
        expect(lanes.map(l => textOf(l.children.find(c => c.name === 'text')!))).toEqual(['申请人', '会计', '处长', '分管财务副院长', '出纳']);
        expect(root.attrs['data-lanes']).toBe('true');
    });

    test('palettes: print has fixed colours, theme follows VS Code variables', async () => {
        const model = buildDiagram((await powersOf(PROCUREMENT_FILES))[0].power, 'internal', { lanes: true });
        const laid = await layoutDiagram(model);
        const colours = (svg: string) => all(parseSvg(svg)).flatMap(el => [el.attrs.fill, el.attrs.stroke].filter((v): v is string => v !== undefined));
        const print = colours(renderSvg(laid, { palette: 'print' }));
        expect(print.every(c => /^(#[0-9a-f]{6}|none)$/.test(c)), print.filter(c => !/^(#[0-9a-f]{6}|none)$/.test(c)).join()).toBe(true);
        const theme = colours(renderSvg(laid, { palette: 'theme' }));
        expect(theme.every(c => /^(var\(--vscode-|none$|transparent$|#ffffff$|#1a1a1a$)/.test(c))).toBe(true);
        expect(theme).toContain('var(--vscode-editor-foreground, #1a1a1a)');
        expect(theme).toContain('var(--vscode-charts-red, #d32f2f)');
        // Only the colours differ.
        const shape = (svg: string) => svg.replace(/(fill|stroke)="[^"]*"/g, '').replace(/sl-palette-\w+/, '');
        expect(shape(renderSvg(laid, { palette: 'theme' }))).toBe(shape(renderSvg(laid, { palette: 'print' })));
    });

    test('a power without a flow renders a note, not an empty page', async () => {
        const power = await specPower();
        const model = buildDiagram({ ...power, flows: [] } as typeof power, undefined);
        const root = parseSvg(renderSvg(await layoutDiagram(model), { palette: 'print' }));
        expect(textOf(byClass(root, 'sl-note')[0])).toBe('该职权尚无流程。');
    });

    test('escapeXml escapes markup and replaces what XML cannot hold', () => {
        expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
        expect(escapeXml('a\u0000b\u001bc\ud800d\udc00e\ufffe')).toBe('a\ufffdb\ufffdc\ufffdd\ufffde\ufffd');
        expect(escapeXml('ok 😀 \t\n')).toBe('ok 😀 \t\n');
    });
});
