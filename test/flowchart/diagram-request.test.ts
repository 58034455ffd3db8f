import { describe, expect, test } from 'vitest';
import { diagramOfDocument } from '../../flowchart/diagram-request.js';
import { buildWorkspace } from '../helpers.js';
import { specFiles } from './helpers.js';

const TWO_POWERS = `department 处 "处" {
    leader 院长
    post 处长 "处长"
    power 甲职权 {
        responsible 处长
        flow external {
            step 外一 by 处长 within 1 workday
        }
        flow internal {
            step 内一 by 处长 within 1 workday
            step 内二 by 处长 within 1 workday
        }
    }
    power 乙职权 {
        responsible 处长
        flow internal {
            step 乙一 by 处长 within 1 workday
        }
    }
}
`;

async function document(text: string) {
    const { documents } = await buildWorkspace({ 'college.sun': 'organization 学院 {\n    leader 院长 "院长"\n}\n', 'dept.sun': text });
    return documents['dept.sun'];
}

describe('sunlight/diagram', () => {
    test('the power and flow under the cursor; by name otherwise; the first power by default', async () => {
        const doc = await document(TWO_POWERS);
        const lines = TWO_POWERS.split('\n');
        const lineOf = (text: string) => lines.findIndex(l => l.includes(text));
        const inInternal = diagramOfDocument(doc, { position: { line: lineOf('内二'), character: 14 } });
        expect(inInternal).toMatchObject({ power: '处.甲职权', atPosition: true, stale: false });
        expect(inInternal.model!.flowKind).toBe('internal');
        expect(inInternal.powers.map(p => [p.key, p.flows])).toEqual([['处.甲职权', ['external', 'internal']], ['处.乙职权', ['internal']]]);
        const inExternal = diagramOfDocument(doc, { position: { line: lineOf('外一'), character: 14 } });
        expect(inExternal.model!.flowKind).toBe('external');
        // An explicit flow wins over the cursor's.
        expect(diagramOfDocument(doc, { position: { line: lineOf('外一'), character: 14 }, flow: 'internal' }).model!.flowKind).toBe('internal');
        const second = diagramOfDocument(doc, { position: { line: lineOf('乙一'), character: 4 }, power: '处.甲职权' });
        expect(second).toMatchObject({ power: '处.乙职权', atPosition: true });
        // Outside every power: the named one (pinned / last shown), else the first.
        const outside = { line: 0, character: 0 };
        expect(diagramOfDocument(doc, { position: outside, power: '处.乙职权' })).toMatchObject({ power: '处.乙职权', atPosition: false });
        expect(diagramOfDocument(doc, { position: outside, power: '乙职权' })).toMatchObject({ power: '处.乙职权' });
        expect(diagramOfDocument(doc, {})).toMatchObject({ power: '处.甲职权', atPosition: false });
        expect(diagramOfDocument(doc, { lanes: true }).model!.lanes).toHaveLength(1);
        expect(JSON.parse(JSON.stringify(inInternal))).toEqual(inInternal);
    });

    test('no power here: an answer without a model, not an error', async () => {
        const { documents } = await buildWorkspace(specFiles());
        const result = diagramOfDocument(documents['college.sun'], {});
        expect(result).toMatchObject({ powers: [], atPosition: false, stale: false });
        expect(result.model).toBeUndefined();
    });

    test('a document that does not parse: the recovered model, flagged stale with the first error', async () => {
        const broken = TWO_POWERS.replace('step 内二 by 处长 within 1 workday', 'step 内二 by 处长 within workday }}');
        const result = diagramOfDocument(await document(broken), {});
        expect(result.stale).toBe(true);
        expect(result.parseError).toBeDefined();
        expect(result.parseError!.line).toBeGreaterThan(0);
    });
});
