/**
 * The rule catalogue: every diagnostic code Sunlight reports, its default
 * severity and its options. Codes are stable from release to release; quick
 * fixes, tests, docs (docs/rules/<code>.md) and `sunlight.json` all use these
 * strings. The table of the spec is the source; the last three codes are
 * Sunlight's own additions (docs/language.md, "Additions").
 */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface RuleDefinition {
    readonly code: RuleCode;
    readonly severity: Severity;
    /** Options with their defaults (set in `sunlight.json`). */
    readonly options?: Readonly<Record<string, number>>;
}

export const RULE_CODES = [
    'syntax-error',
    'unresolved-reference',
    'duplicate-name',
    'duplicate-property',
    'missing-leader',
    'missing-responsible',
    'missing-basis',
    'missing-content',
    'missing-category',
    'missing-flow',
    'missing-deadline',
    'missing-grade',
    'missing-aspect',
    'missing-owner',
    'high-risk-without-measure',
    'grade-consequence-mismatch',
    'decision-needs-branches',
    'unreachable-step',
    'no-path-to-end',
    'deadline-exceeds-limit',
    'flow-too-long',
    'uncovered-power',
    'aspect-not-covered',
    'single-author',
    'staff-without-register',
    'unsigned-register',
    'unreviewed-register',
    'unapproved-register',
    'major-without-collective-decision',
    'invalid-suppression',
    'unused-suppression',
    'invalid-config'
] as const;

export type RuleCode = typeof RULE_CODES[number];

const WARNING: ReadonlySet<RuleCode> = new Set<RuleCode>([
    'missing-content', 'missing-category', 'missing-flow', 'missing-aspect', 'missing-owner',
    'grade-consequence-mismatch', 'unreachable-step', 'deadline-exceeds-limit', 'uncovered-power',
    'single-author', 'staff-without-register', 'unused-suppression', 'invalid-suppression'
]);
const INFO: ReadonlySet<RuleCode> = new Set<RuleCode>(['flow-too-long', 'aspect-not-covered']);

export const RULES: Readonly<Record<RuleCode, RuleDefinition>> = Object.fromEntries(RULE_CODES.map(code => [code, {
    code,
    // `missing-deadline` is an error in internal flows and a warning in external
    // ones: the validator passes the flow's severity; this is the stronger one.
    severity: INFO.has(code) ? 'info' : WARNING.has(code) ? 'warning' : 'error',
    ...(code === 'flow-too-long' ? { options: { maxSteps: 12 } } : {})
} satisfies RuleDefinition])) as Record<RuleCode, RuleDefinition>;

export function isRuleCode(value: unknown): value is RuleCode {
    return typeof value === 'string' && (RULE_CODES as readonly string[]).includes(value);
}

/** Where a rule's documentation lives, relative to the package root. */
export function ruleDocPath(code: RuleCode): string {
    return `docs/rules/${code}.md`;
}
