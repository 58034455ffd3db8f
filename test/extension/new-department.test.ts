import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { AstUtils, GrammarAST } from 'langium';
import { describe, expect, test } from 'vitest';
import { KEYWORDS, checkDepartmentName, declaredNames, departmentSkeleton, quote, today } from '../../extension/new-department.js';
import { SunlightGrammar } from '../../language/generated/grammar.js';
import { buildWorkspace, codes } from '../helpers.js';

/** The file that *Sunlight: New Department File* writes. */
const fixtures = path.resolve(__dirname, '../fixtures/spec');
const college = readFileSync(path.join(fixtures, 'college.sun'), 'utf8');
const bases = readFileSync(path.join(fixtures, 'bases.sun'), 'utf8');

describe('new department file', () => {
    test('the reserved words are the grammar\'s keywords', () => {
        const words = new Set(AstUtils.streamAllContents(SunlightGrammar()).filter(GrammarAST.isKeyword).map(k => k.value).filter(k => /^[a-z]+$/.test(k)));
        expect([...KEYWORDS].sort()).toEqual([...words].sort());
    });

    test('names: identifiers that are not keywords', () => {
        expect(checkDepartmentName('教务处')).toBeUndefined();
        expect(checkDepartmentName('Office_2')).toBeUndefined();
        expect(checkDepartmentName('')).toBe('empty');
        expect(checkDepartmentName('教务 处')).toBe('invalid');
        expect(checkDepartmentName('2处')).toBe('invalid');
        expect(checkDepartmentName('a/b')).toBe('invalid');
        expect(checkDepartmentName('step')).toBe('keyword');
    });

    test('finds the leaders and bases a workspace declares', () => {
        expect(declaredNames(college).leaders).toEqual(['院长', '分管财务副院长', '分管教学副院长']);
        expect(declaredNames(bases).bases).toEqual(['三定方案', '财务报销管理办法', '会计法', '政府采购法']);
        expect(declaredNames('// leader 假的 "x"\nbasis 甲 law "t"').leaders).toEqual([]);
    });

    test('with the workspace\'s leader and basis the skeleton is clean (Chinese)', async () => {
        const text = departmentSkeleton({ name: '教务处', title: '教务处 "教学"', leader: '分管教学副院长', basis: '三定方案', date: '2025-03-01' });
        expect(text).toContain('department 教务处 "教务处 \\"教学\\"" {');
        const { diagnostics } = await buildWorkspace({ 'college.sun': college, 'bases.sun': bases, 'departments/教务处.sun': text });
        expect(diagnostics('departments/教务处.sun').map(d => `${d.range.start.line + 1}: ${d.code} ${d.message}`)).toEqual([]);
    });

    test('the skeleton has a leader, posts, staff, a power with a flow, risks and registers', () => {
        const text = departmentSkeleton({ name: 'Office', date: '2025-03-01', locale: 'en' });
        expect(text).toMatch(/^\/\/ Office: powers/);
        expect(text).toContain('post 负责人 "主持本部门全面工作"');
        for (const part of [/^ {4}leader /m, /^ {4}post /m, /^ {4}staff /m, /^ {4}power /m, /^ {8}flow internal/m, /^ {12}step /m,
            /^ {8}risk .* at /m, /^ {4}register department/m, /signed 2025-03-01/]) {
            expect(text).toMatch(part);
        }
    });

    test('without them, only the placeholders are reported', async () => {
        const text = departmentSkeleton({ name: 'Office', title: 'The Office', date: '2025-03-01', locale: 'en' });
        const { diagnostics } = await buildWorkspace({ 'departments/Office.sun': text });
        const found = diagnostics('departments/Office.sun');
        expect(new Set(codes(found))).toEqual(new Set(['unresolved-reference']));
        expect(found.map(d => d.message).join('\n')).toMatch(/分管院领导[\s\S]*三定方案|三定方案[\s\S]*分管院领导/);
    });

    test('helpers', () => {
        expect(quote('a"b\\c\nd')).toBe('"a\\"b\\\\c d"');
        expect(today(new Date(2012, 10, 5))).toBe('2012-11-05');
    });
});
