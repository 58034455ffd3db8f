import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDepartment, type Power } from '../../language/generated/ast.js';
import { buildWorkspace } from '../helpers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function specFiles(): Record<string, string> {
    const dir = path.join(root, 'test', 'fixtures', 'spec');
    return Object.fromEntries(readdirSync(dir).filter(f => f.endsWith('.sun')).sort().map(f => [f, readFileSync(path.join(dir, f), 'utf8')]));
}

/** Every `.sun` file under examples/ (recursively), relative names → text; empty while there are none. */
export function exampleFiles(): Record<string, string> {
    const dir = path.join(root, 'examples');
    const out: Record<string, string> = {};
    const walk = (d: string) => {
        let entries: string[];
        try { entries = readdirSync(d).sort(); } catch { return; }
        for (const e of entries) {
            const full = path.join(d, e);
            if (statSync(full).isDirectory()) walk(full);
            else if (e.endsWith('.sun')) out[path.relative(dir, full)] = readFileSync(full, 'utf8');
        }
    };
    walk(dir);
    return out;
}

/** All powers of a workspace, by `file: department.power`. */
export async function powersOf(files: Record<string, string>): Promise<Array<{ file: string; power: Power }>> {
    const { documents } = await buildWorkspace(files);
    const out: Array<{ file: string; power: Power }> = [];
    for (const [file, document] of Object.entries(documents)) {
        for (const element of document.parseResult.value.elements) {
            if (isDepartment(element)) for (const power of element.powers) out.push({ file, power });
        }
    }
    return out;
}

/** A department file with one power holding the given flow body (and extra power members). */
export function powerFile(flows: string, extra = ''): Record<string, string> {
    return {
        'college.sun': 'organization 学院 {\n    leader 院长 "院长"\n}\n',
        'bases.sun': 'basis 三定方案 internal "三定方案"\n',
        'dept.sun': `department 处 "处" {
    leader 院长
    post 处长 "处长"
    post 科员 "科员"
    role 申请人 external "申请人"
    staff 甲 post 处长
    power 职权 {
        category other
        content "内容"
        responsible 处长
        basis 三定方案
${flows}
${extra}
    }
}
`
    };
}
