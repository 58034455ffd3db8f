import { describe, expect, test } from 'vitest';
import { buildDiagram, type DiagramModel, type DiagramRisk } from '../../flowchart/diagram-model.js';
import { layoutDiagram } from '../../flowchart/layout.js';
import { renderSvg } from '../../flowchart/render-svg.js';
import { HOSTILE_STRINGS, HOSTILE_SUN_STRINGS, sunString } from '../fixtures/hostile-strings.js';
import { buildWorkspace } from '../helpers.js';
import { all, hasClass, parseSvg, textOf, type El } from './svg-tree.js';

/** What the renderer may produce: nothing active, nothing that loads anything. */
const ELEMENTS = new Set(['svg', 'title', 'rect', 'g', 'text', 'line', 'polygon', 'path', 'circle']);
const ATTRIBUTES = new Set([
    'xmlns', 'width', 'height', 'viewBox', 'font-family', 'class', 'role', 'aria-label', 'data-power', 'data-flow', 'data-lanes',
    'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'd', 'points', 'transform', 'fill', 'stroke', 'stroke-width', 'stroke-dasharray',
    'font-size', 'font-weight', 'text-anchor', 'data-node-id', 'data-kind', 'data-range', 'data-edge-id', 'data-source', 'data-target',
    'data-lane-id', 'data-grade'
]);

/** What escapeXml makes of a string: characters XML cannot hold become U+FFFD. */
function asXml(value: string): string {
    // eslint-disable-next-line no-control-regex
    return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

function checkInert(svg: string, where: string): El {
    const root = parseSvg(svg);
    for (const el of all(root)) {
        expect(ELEMENTS.has(el.name), `${where}: element <${el.name}>`).toBe(true);
        for (const name of Object.keys(el.attrs)) expect(ATTRIBUTES.has(name), `${where}: attribute ${name} on <${el.name}>`).toBe(true);
    }
    // Every `<` in the text starts one of the renderer's own tags: the strings' `<` are all escaped.
    expect(svg.match(/<(?!\/?(svg|title|rect|g|text|line|polygon|path|circle)[\s>/])/g), where).toBeNull();
    return root;
}

function hostileRisk(text: string, grade: DiagramRisk['grade']): DiagramRisk {
    return { name: text, grade, aspect: 'duty', description: text, measures: [{ text, by: text, within: { value: 3, unit: 'days' } }] };
}

/** Every text field of a diagram holding the same hostile string. */
function hostileModel(text: string, lanes: boolean): DiagramModel {
    const party = { name: text, key: `k:${text}`, external: false };
    const lane = lanes ? 'lane0' : undefined;
    return {
        version: 1,
        title: {
            power: text, department: text, departmentTitle: text, code: text, category: 'finance', content: text, responsible: text,
            major: true, flowKind: 'internal', limit: { value: 1, unit: 'workday' }, longestPath: { total: 4, formatted: '4', unit: 'workday' }
        },
        flowKind: 'internal',
        flows: ['internal', 'external'],
        nodes: [
            { id: 'start', kind: 'start', name: '', collective: false, reachable: true, onLongestPath: true, risks: [], lane },
            { id: 'n0', kind: 'step', name: text, responsible: party, deadline: { value: 3, unit: 'workdays' }, collective: true, reachable: true, onLongestPath: true, risks: [hostileRisk(text, 'high'), hostileRisk(text, 'low'), hostileRisk(text, undefined)], lane },
            { id: 'n1', kind: 'decision', name: text, responsible: party, collective: false, reachable: true, onLongestPath: true, risks: [hostileRisk(text, 'medium')], lane },
            { id: 'n2', kind: 'step', name: text, collective: false, reachable: false, onLongestPath: false, risks: [], lane },
            { id: 'end', kind: 'end', name: '', collective: false, reachable: true, onLongestPath: true, risks: [], lane }
        ],
        edges: [
            { id: 'e0', source: 'start', target: 'n0', back: false },
            { id: 'e1', source: 'n0', target: 'n1', back: false },
            { id: 'e2', source: 'n1', target: 'end', label: text, branchIndex: 0, back: false },
            { id: 'e3', source: 'n1', target: 'n0', label: text, branchIndex: 1, back: true },
            { id: 'e4', source: 'n2', target: 'end', back: false }
        ],
        lanes: lanes ? [{ id: 'lane0', name: text, key: `k:${text}`, external: false, nodes: ['start', 'n0', 'n1', 'n2', 'end'] }] : undefined,
        powerRisks: [hostileRisk(text, 'low')]
    };
}

describe('hostile text renders as text', () => {
    test('every string in every field: well-formed, inert SVG that says exactly the string', async () => {
        for (const text of HOSTILE_STRINGS) {
            for (const lanes of [false, true]) {
                const model = hostileModel(text, lanes);
                const laid = await layoutDiagram(model, { locale: 'zh' });
                for (const palette of ['print', 'theme'] as const) {
                    const where = `${JSON.stringify(text)} ${palette}${lanes ? ' lanes' : ''}`;
                    const root = checkInert(renderSvg(laid, { palette }), where);
                    // The full strings come back out of the XML unchanged (up to what XML cannot hold).
                    expect(root.attrs['data-power'], where).toBe(asXml(text));
                    expect(textOf(root.children.find(c => c.name === 'title')!).startsWith(asXml(text)), where).toBe(true);
                    const step = all(root, el => el.attrs['data-node-id'] === 'n0' && hasClass(el, 'sl-node'))[0];
                    const tooltip = textOf(step.children.find(c => c.name === 'title')!);
                    if (text !== '') expect(tooltip.startsWith(asXml(text)), where).toBe(true);
                    const badge = all(step, el => hasClass(el, 'sl-badge-high'))[0];
                    expect(textOf(badge.children.find(c => c.name === 'title')!), where).toContain(asXml(text));
                    if (lanes) expect(textOf(all(root, el => hasClass(el, 'sl-lane'))[0].children.find(c => c.name === 'title')!)).toBe(asXml(text));
                }
            }
        }
    }, 240_000);

    test('strings written in .sun files (titles, codes, contents, branch labels, risks, measures)', async () => {
        const strings = HOSTILE_SUN_STRINGS;
        const branches = strings.map((s, i) => `                ${sunString(s)} -> ${i % 2 === 0 ? '办结' : '办理'}`).join('\n');
        const risks = strings.map((s, i) => `        risk 风险${i} at ${i % 2 === 0 ? '办理' : '判断'} { description ${sunString(s)} grade high measure ${sunString(s)} by 处长 }`).join('\n');
        const files = {
            'college.sun': 'organization 学院 {\n    leader 院长 "院长"\n}\n',
            'bases.sun': 'basis 三定方案 internal "三定方案"\n',
            'dept.sun': `department 处 ${sunString(strings.join(' '))} {
    leader 院长
    post 处长 ${sunString(strings[1])}
    power 职权 {
        code ${sunString(strings[0])}
        content ${sunString(strings[2])}
        category other
        responsible 处长
        basis 三定方案
        flow internal {
            step 办理 by 处长 within 1 workday
            decision 判断 by 处长 {
${branches}
            }
            step 办结 by 处长 within 1 workday
        }
${risks}
    }
}
`
        };
        const { documents } = await buildWorkspace(files);
        const document = documents['dept.sun'];
        expect(document.parseResult.parserErrors).toEqual([]);
        expect(document.parseResult.lexerErrors).toEqual([]);
        const power = (document.parseResult.value.elements[0] as { powers: Array<Parameters<typeof buildDiagram>[0]> }).powers[0];
        for (const lanes of [false, true]) {
            const model = buildDiagram(power, 'internal', { lanes });
            expect(model.edges.filter(e => e.label !== undefined).map(e => e.label)).toEqual([...strings]);
            const laid = await layoutDiagram(model, { locale: 'zh' });
            for (const palette of ['print', 'theme'] as const) {
                const root = checkInert(renderSvg(laid, { palette }), `${palette}${lanes ? ' lanes' : ''}`);
                const badgeTexts = all(root, el => hasClass(el, 'sl-badge')).map(b => textOf(b.children.find(c => c.name === 'title')!)).join('\n');
                for (const s of strings) expect(badgeTexts).toContain(asXml(s));
                expect(textOf(all(root, el => hasClass(el, 'sl-title'))[0])).toContain(asXml(strings[0]).slice(0, 10));
            }
        }
    }, 120_000);
});
