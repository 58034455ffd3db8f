import { DefaultFuzzyMatcher } from 'langium/lsp';

/**
 * Langium's fuzzy matcher lets a query start only at a word's beginning
 * (camelCase or snake_case). Sunlight's names are mostly Chinese, where
 * every character may begin a word, and qualified (`财务处.会计`): so a
 * query may also start after a `.` or at any non-Latin letter. `会计` finds
 * `财务处.会计`, `报销` finds `经费报销审核`.
 */
export class SunlightFuzzyMatcher extends DefaultFuzzyMatcher {
    protected override isWordTransition(previous: number, current: number): boolean {
        return super.isWordTransition(previous, current)
            || previous === DOT && current !== DOT
            || current > 0x7f && !isLatinOrDigit(current);
    }
}

const DOT = '.'.charCodeAt(0);

function isLatinOrDigit(code: number): boolean {
    return /[\p{Script=Latin}\p{Nd}]/u.test(String.fromCharCode(code));
}
