import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { SunlightSettings } from '../config.js';
import type { Register, SunlightAstType } from '../generated/ast.js';
import { reporter } from './report.js';

/** Registration forms (排查登记表): signed by each person, reviewed and approved for the department. */
export class RegisterChecks {
    constructor(private readonly settings: SunlightSettings) {}

    readonly checks: ValidationChecks<SunlightAstType> = {
        Register: (register, accept) => this.checkRegister(register, accept)
    };

    checkRegister(register: Register, accept: ValidationAcceptor): void {
        const report = reporter(this.settings, accept);
        if (!register.department) {
            if (!register.signed) report('unsigned-register', register, { name: register.staff?.$refText }, { property: 'staff' });
            return;
        }
        if (!register.reviewed) report('unreviewed-register', register, {}, { keyword: 'department' });
        const leader = register.$container.leader;
        if (!register.approvedBy) {
            report('unapproved-register', register, {}, { keyword: 'department' });
        } else if (register.approvedBy.ref && leader?.ref && register.approvedBy.ref !== leader.ref
            || register.approvedBy.ref && !leader) {
            report('unapproved-register', register, { approver: register.approvedBy.$refText, leader: leader?.$refText }, { property: 'approvedBy' });
        } else if (!register.approvedOn) {
            report('unapproved-register', register, { missingDate: 'yes' }, { property: 'approvedBy' });
        }
    }
}
