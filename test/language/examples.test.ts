import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { isDepartment } from '../../language/generated/ast.js';
import { buildWorkspace } from '../helpers.js';

/** examples/: a realistic college workspace that must stay free of any diagnostic. */
const root = fileURLToPath(new URL('../../examples/', import.meta.url));

function sunFiles(folder: string): string[] {
    return readdirSync(folder, { withFileTypes: true }).flatMap(entry => {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) return sunFiles(path);
        return entry.isFile() && entry.name.endsWith('.sun') ? [path] : [];
    }).sort();
}

describe('examples/', () => {
    test('checked as one workspace, has no diagnostic at all', async () => {
        const files = Object.fromEntries(sunFiles(root).map(path =>
            [relative(root, path).split('\\').join('/'), readFileSync(path, 'utf8')]));
        expect(Object.keys(files)).toContain('college.sun');
        expect(Object.keys(files)).toContain('bases.sun');

        const { documents, diagnostics } = await buildWorkspace(files);
        const found = Object.keys(files).flatMap(name => diagnostics(name).map(d =>
            `${name}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`));
        expect(found.join('\n'), `diagnostics in examples/:\n${found.join('\n')}`).toBe('');

        const departments = Object.values(documents).flatMap(document =>
            document.parseResult.value.elements.filter(isDepartment));
        expect(departments.length).toBeGreaterThanOrEqual(6);
        expect(new Set(departments.map(department => department.name)).size).toBe(departments.length);
    });
});
