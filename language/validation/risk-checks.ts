import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { SunlightSettings } from '../config.js';
import type { Risk, SunlightAstType } from '../generated/ast.js';
import { reporter } from './report.js';

/** The grade each consequence means (the notice's definitions of high/medium/low). */
export const GRADE_OF_CONSEQUENCE = { criminal: 'high', disciplinary: 'medium', conduct: 'low' } as const;

/** Risk points (风险点): assessed, graded, owned and controlled. */
export class RiskChecks {
    constructor(private readonly settings: SunlightSettings) {}

    readonly checks: ValidationChecks<SunlightAstType> = {
        Risk: (risk, accept) => this.checkRisk(risk, accept)
    };

    checkRisk(risk: Risk, accept: ValidationAcceptor): void {
        const report = reporter(this.settings, accept);
        const name = { name: risk.name };
        if (!risk.grade) report('missing-grade', risk, name, { property: 'name' });
        if (!risk.aspect) report('missing-aspect', risk, name, { property: 'name' });
        if (!risk.owner) report('missing-owner', risk, name, { property: 'name' });
        if ((risk.grade === 'high' || risk.final === 'high') && risk.measures.length === 0) {
            report('high-risk-without-measure', risk, name, { property: 'name' });
        }
        if (risk.consequence && risk.grade) {
            const expected = GRADE_OF_CONSEQUENCE[risk.consequence];
            if (expected !== risk.grade) {
                report('grade-consequence-mismatch', risk, { ...name, consequence: risk.consequence, expected, grade: risk.grade }, { property: 'grade' });
            }
        }
    }
}
