import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { buildWorkspace } from '../helpers.js';

const spec = (name: string) => readFileSync(new URL(`../fixtures/spec/${name}`, import.meta.url), 'utf8');

describe('the examples of the spec', () => {
    test('parse and link without errors, as one workspace', async () => {
        const { documents, diagnostics } = await buildWorkspace({
            'college.sun': spec('college.sun'), 'bases.sun': spec('bases.sun'), 'finance.sun': spec('finance.sun')
        });
        for (const name of Object.keys(documents)) {
            expect(documents[name].parseResult.lexerErrors, name).toEqual([]);
            expect(documents[name].parseResult.parserErrors, name).toEqual([]);
            const errors = diagnostics(name).filter(d => d.code === 'syntax-error' || d.code === 'unresolved-reference');
            expect(errors, name).toEqual([]);
        }
        console.log(diagnostics('finance.sun').map(d => `${d.range.start.line + 1} ${d.code} ${d.message}`).join('\n'));
    });
});
