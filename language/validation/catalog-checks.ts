import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { SunlightSettings } from '../config.js';
import { isStep, type Department, type Power, type SunlightAstType } from '../generated/ast.js';
import { reporter } from './report.js';

/** The power catalog (职权目录): departments and their powers. */
export class CatalogChecks {
    constructor(private readonly settings: SunlightSettings) {}

    readonly checks: ValidationChecks<SunlightAstType> = {
        Department: (department, accept) => this.checkDepartment(department, accept),
        Power: (power, accept) => this.checkPower(power, accept)
    };

    checkDepartment(department: Department, accept: ValidationAcceptor): void {
        const report = reporter(this.settings, accept);
        if (!department.leader) {
            report('missing-leader', department, { name: department.name }, { property: 'name' });
        }
        const risks = [...department.risks, ...department.powers.flatMap(power => power.risks)];

        const aspects = new Set(risks.map(risk => risk.aspect).filter(Boolean));
        const missing = (['duty', 'process', 'mechanism'] as const).filter(aspect => !aspects.has(aspect));
        if (risks.length > 0 && missing.length > 0) {
            report('aspect-not-covered', department, { name: department.name, aspects: missing.join(', ') }, { property: 'name' });
        }

        // 全员查: risks found by one person alone, in a department of two or more.
        // Compare the people themselves, not how they are written (`甲` and `处.甲`).
        const authors = new Set(risks.map(risk => risk.found ? risk.found.by?.ref ?? risk.found.by?.$refText : risk.owner?.ref ?? risk.owner?.$refText).filter(Boolean));
        if (risks.length >= 2 && department.staff.length >= 2 && authors.size === 1) {
            const person = [...authors][0];
            report('single-author', department, { name: department.name, person: typeof person === 'string' ? person : person?.name }, { property: 'name' });
        }

        const registered = new Set(department.registers.map(register => register.staff?.ref).filter(Boolean));
        for (const staff of department.staff) {
            if (!registered.has(staff)) report('staff-without-register', staff, { name: staff.name }, { property: 'name' });
        }
    }

    checkPower(power: Power, accept: ValidationAcceptor): void {
        const report = reporter(this.settings, accept);
        const name = { name: power.name };
        if (!power.responsible) report('missing-responsible', power, { ...name, kind: 'power' }, { property: 'name' });
        if (power.bases.length === 0) report('missing-basis', power, name, { property: 'name' });
        if (power.content === undefined) report('missing-content', power, name, { property: 'name' });
        if (power.category === undefined) report('missing-category', power, name, { property: 'name' });
        if (power.flows.length === 0) report('missing-flow', power, name, { property: 'name' });
        if (power.category && power.category !== 'other' && power.risks.length === 0) {
            report('uncovered-power', power, { ...name, category: power.category }, { property: 'name' });
        }
        if (power.major && !power.flows.some(flow => flow.nodes.some(node => isStep(node) && node.collective))) {
            report('major-without-collective-decision', power, name, { property: 'name' });
        }
    }
}
