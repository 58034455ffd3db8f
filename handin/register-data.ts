import type { Aspect, Consequence, FindingMethod, Level, Risk } from '../language/generated/ast.js';
import {
    departmentOf, departmentRisks, durationOf, effectiveGrade, partyName, refText, stepName,
    type DepartmentSource, type DurationText, type Grade, type HandinWorkspace
} from './model.js';

/**
 * The registration forms (排查登记表) as plain data: every staff member's
 * individual form and each department's form. What the files do not say stays
 * undefined (a missing signature, review or approval): writers print an empty
 * line to sign, never invented data.
 */
export interface RegisterMeasure {
    readonly text: string;
    readonly by?: string;
    readonly within?: DurationText;
}

export interface RegisterRisk {
    readonly name: string;
    readonly power?: string;
    readonly step?: string;
    readonly aspect?: Aspect;
    readonly description?: string;
    readonly probability?: Level;
    readonly harm?: Level;
    readonly cause?: string;
    readonly consequence?: Consequence;
    /** The department's grade (`grade`). */
    readonly grade?: Level;
    readonly proposed?: Level;
    readonly proposedBy?: string;
    /** The leadership group's grade (`final`). */
    readonly final?: Level;
    /** `final`, else `grade`: what is counted and published. */
    readonly effectiveGrade?: Grade;
    readonly owner?: string;
    readonly foundBy?: string;
    readonly foundMethod?: FindingMethod;
    readonly measures: readonly RegisterMeasure[];
}

export interface IndividualForm {
    readonly staff: string;
    readonly post?: string;
    readonly postDuty?: string;
    /** Whether a `register STAFF { … }` exists for this person. */
    readonly handedIn: boolean;
    readonly risks: readonly RegisterRisk[];
    /** Risk names on the register that resolve to nothing. */
    readonly unresolved: readonly string[];
    readonly signed?: string;
}

export interface DepartmentForm {
    readonly handedIn: boolean;
    readonly risks: readonly RegisterRisk[];
    readonly reviewed?: string;
    readonly reviewedHow?: string;
    /** As written; may differ from the leader in charge (an `unapproved-register` error). */
    readonly approvedBy?: string;
    readonly approvedOn?: string;
    readonly approvedByLeader: boolean;
}

export interface DepartmentRegisters {
    readonly name: string;
    readonly title: string;
    readonly file: string;
    readonly leader?: string;
    readonly individuals: readonly IndividualForm[];
    readonly department: DepartmentForm;
}

export function registerRisk(risk: Risk): RegisterRisk {
    const home = departmentOf(risk);
    const power = risk.$container && risk.$container.$type === 'Power' ? (risk.$container as { name: string }).name : undefined;
    return {
        name: risk.name,
        power,
        step: stepName(risk),
        aspect: risk.aspect,
        description: risk.description,
        probability: risk.probability,
        harm: risk.harm,
        cause: risk.cause,
        consequence: risk.consequence,
        grade: risk.grade,
        proposed: risk.proposed?.grade,
        proposedBy: risk.proposed ? refText(risk.proposed.by) : undefined,
        final: risk.final,
        effectiveGrade: effectiveGrade(risk),
        owner: risk.owner ? partyName(risk.owner, home) : undefined,
        foundBy: risk.found ? partyName(risk.found.by, home) : undefined,
        foundMethod: risk.found?.method,
        measures: risk.measures.map(m => ({ text: m.text, by: partyName(m.by, home), within: durationOf(m.within) }))
    };
}

export function departmentRegisters(source: DepartmentSource): DepartmentRegisters {
    const { department, file } = source;
    const individuals = department.staff.map((staff): IndividualForm => {
        const register = department.registers.find(r => !r.department && r.staff?.ref === staff);
        const risks: RegisterRisk[] = [];
        const unresolved: string[] = [];
        for (const reference of register?.risks ?? []) {
            if (reference.ref) risks.push(registerRisk(reference.ref));
            else unresolved.push(reference.$refText);
        }
        return {
            staff: staff.name,
            post: refText(staff.post),
            postDuty: staff.post?.ref?.duty,
            handedIn: register !== undefined,
            risks,
            unresolved,
            signed: register?.signed
        };
    });
    const form = department.registers.find(r => r.department);
    const leader = department.leader?.ref;
    return {
        name: department.name,
        title: department.title ?? department.name,
        file,
        leader: partyName(department.leader),
        individuals,
        department: {
            handedIn: form !== undefined,
            risks: departmentRisks(department).map(({ risk }) => registerRisk(risk)),
            reviewed: form?.reviewed,
            reviewedHow: form?.reviewedHow,
            approvedBy: form?.approvedBy ? partyName(form.approvedBy, department) : undefined,
            approvedOn: form?.approvedOn,
            approvedByLeader: Boolean(form?.approvedBy?.ref && leader && form.approvedBy.ref === leader)
        }
    };
}

export function buildRegisters(workspace: HandinWorkspace): DepartmentRegisters[] {
    return workspace.departments.map(departmentRegisters);
}
