import { describe, expect, it } from 'vitest';
import { fieldOfHeader, findColumns, parseMapOption } from '../../import/columns.js';
import { readCategory, readCitations, readFlows, readGrade, readYesNo } from '../../import/values.js';
import { basisKind, identifier, withoutRemarks } from '../../import/write-sun.js';

describe('import: what cells say', () => {
    it('reads citations in the 《…》第十条 forms', () => {
        expect(readCitations('《中华人民共和国会计法(1999年修订)》第九条、第十四条\uFF1B《学院财务报销管理办法》')).toEqual([
            { title: '中华人民共和国会计法(1999年修订)', articles: ['第九条', '第十四条'], whole: false },
            { title: '学院财务报销管理办法', articles: [], whole: true }
        ]);
        // `等` after the articles: cited whole as well; loose text is a title of its own; line breaks separate.
        expect(readCitations('三定方案\n《招生工作规定》第五条等')).toEqual([
            { title: '三定方案', articles: [], whole: true },
            { title: '招生工作规定', articles: ['第五条'], whole: true }
        ]);
        expect(readCitations('《高等教育法》第２０条')).toEqual([{ title: '高等教育法', articles: ['第20条'], whole: false }]);
        expect(readCitations('')).toEqual([]);
    });

    it('reads flows with their limits, in Chinese and English', () => {
        expect(readFlows('内部流程图\uFF08时限 20 个工作日\uFF09、外部流程图')).toEqual([
            { kind: 'internal', limit: { value: 20, unit: 'workdays' } }, { kind: 'external' }
        ]);
        expect(readFlows('external flowchart (limit 1 workday)')).toEqual([{ kind: 'external', limit: { value: 1, unit: 'workday' } }]);
        expect(readFlows('外部流程图(时限 60 天)')).toEqual([{ kind: 'external', limit: { value: 60, unit: 'days' } }]);
        expect(readFlows('有')).toBeUndefined();
        expect(readFlows('内部流程图(时限 3 周)')).toBeUndefined();
    });

    it('reads categories, grades and yes/no, full-width forms included', () => {
        expect(['人事', '财', '资产', '师生切身利益', '其他', 'Finance'].map(readCategory)).toEqual(['personnel', 'finance', 'assets', 'student', 'other', 'finance']);
        expect(readCategory('人财')).toBeUndefined();
        expect(['高', '中 ', '低风险', 'ＨＩＧＨ', '一级'].map(readGrade)).toEqual(['high', 'medium', 'low', 'high', 'high']);
        expect(readGrade('特别高')).toBeUndefined();
        expect(['是', '√', '否', '', '也许'].map(readYesNo)).toEqual([true, true, false, undefined, undefined]);
    });

    it('matches headers loosely and finds a header row below a title', () => {
        expect(fieldOfHeader('职权名称')).toBe('power');
        expect(fieldOfHeader('部门／单位')).toBe('department');
        expect(fieldOfHeader('责任主体（岗位）')).toBe('responsible');
        expect(fieldOfHeader('风险等级(高/中/低)')).toBe('grade');
        expect(fieldOfHeader('主要廉政风险点')).toBe('risk');
        expect(fieldOfHeader('风险点·高')).toBe('riskHigh');
        expect(fieldOfHeader('Risk points: Total')).toBe('riskTotal');
        expect(fieldOfHeader('Power')).toBe('power');
        expect(fieldOfHeader('备注')).toBeUndefined();
        const rows = [['某某学院职权目录', '某某学院职权目录', '某某学院职权目录'], ['序号', '事项', '内容'], ['1', '报销', '审核']];
        expect(findColumns(rows, [])).toBeUndefined();
        const found = findColumns(rows, [parseMapOption('事项=power')!]);
        expect(found?.headerRow).toBe(1);
        expect(found?.fields).toEqual(['serial', 'power', 'content']);
        expect(findColumns(rows, [parseMapOption('B=power')!])?.fields).toEqual(['serial', 'power', 'content']);
        expect(parseMapOption('事项=nothing')).toBeUndefined();
    });

    it('makes names and guesses kinds from titles', () => {
        const keywords = new Set(['power', 'step']);
        expect(identifier('招生录取(普通类)', keywords)).toBe('招生录取_普通类');
        expect(identifier('2012年招生', keywords)).toBe('_2012年招生');
        expect(identifier('step', keywords)).toBe('step_');
        expect(identifier('“三定”方案', keywords)).toBe('三定方案');
        expect(withoutRemarks('高等学校财务制度(财文字〔1997〕280号)')).toBe('高等学校财务制度');
        expect(basisKind('中华人民共和国会计法(1999年修订)')).toBe('law');
        expect(basisKind('建设工程质量管理条例(国务院令第279号)')).toBe('regulation');
        expect(basisKind('学院财务报销管理办法')).toBe('internal');
        expect(basisKind('教育部2012年普通高等学校招生工作规定')).toBe('policy');
    });
});
