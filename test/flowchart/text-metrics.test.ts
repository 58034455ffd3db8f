import { describe, expect, test } from 'vitest';
import { charWidth, fitLine, measureText, wrapText } from '../../flowchart/text-metrics.js';

const font = { size: 14 };

describe('text metrics', () => {
    test('CJK and full-width characters are 1 em; Latin from the font table; marks take no room', () => {
        for (const ch of '审核报销\uff0c\u3002\u3001\uff08\uff09\u3010\u3011あア한') expect(charWidth(ch.codePointAt(0)!), ch).toBe(1);
        expect(measureText('经费报销审核', font)).toBe(6 * 14);
        expect(charWidth('i'.codePointAt(0)!)).toBeLessThan(charWidth('W'.codePointAt(0)!));
        // DejaVu Sans: 'a' is 613/1000 em, wider than Noto Sans CJK SC's; the larger is kept.
        expect(charWidth('a'.codePointAt(0)!)).toBeCloseTo(0.613, 3);
        expect(charWidth('a'.codePointAt(0)!, true)).toBeGreaterThan(charWidth('a'.codePointAt(0)!));
        for (const mark of ['\u200F', '\u202E', '\u0301', '\uFE0F', '\u0000']) expect(charWidth(mark.codePointAt(0)!)).toBe(0);
        expect(charWidth('𠮷'.codePointAt(0)!)).toBe(1);
        // Unknown scripts are measured generously.
        expect(charWidth('ب'.codePointAt(0)!)).toBe(1);
    });

    test('wrapping keeps every line within the width and loses no character', () => {
        const text = '审核各部门经费报销单据的真实性、合法性和完整性 and some English words, e.g. reimbursement';
        for (const width of [60, 100, 150, 400]) {
            const lines = wrapText(text, width, font);
            for (const line of lines) expect(measureText(line, font), `${width}: ${line}`).toBeLessThanOrEqual(width);
            expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
        }
        expect(wrapText('短', 100, font)).toEqual(['短']);
        expect(wrapText('', 100, font)).toEqual(['']);
    });

    test('no line starts with closing punctuation; Latin words are not split when they fit', () => {
        const lines = wrapText('甲乙丙丁\uff0c戊己庚辛\u3002', 4 * 14, font);
        for (const line of lines) expect(line).not.toMatch(/^[\uff0c\u3002\u3001\uff09]/);
        expect(wrapText('reimbursement review', 120, font)).toEqual(['reimbursement', 'review']);
    });

    test('too long: cut with an ellipsis', () => {
        const lines = wrapText('中'.repeat(50), 70, font, { maxLines: 2 });
        expect(lines).toHaveLength(2);
        expect(lines[1].endsWith('…')).toBe(true);
        expect(measureText(lines[1], font)).toBeLessThanOrEqual(70);
        expect(fitLine('分管财务副院长', 50, font).endsWith('…')).toBe(true);
        expect(fitLine('处长', 50, font)).toBe('处长');
    });
});
