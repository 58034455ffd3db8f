import { RULES, isRuleCode, type RuleCode, type Severity } from './rules.js';
import type { Locale } from './messages.js';

/**
 * `sunlight.json` at the workspace root, read alike by the editor and the CLI:
 *
 *     { "rules": { "missing-owner": "off",
 *                  "flow-too-long": { "severity": "warning", "maxSteps": 20 } } }
 *
 * A rule's value is a severity (`error`, `warning`, `info`, `hint`, `off`) or
 * an object with an optional `severity` and the rule's options.
 */
export const CONFIG_FILE_NAME = 'sunlight.json';

export type RuleSetting = Severity | 'off';

export interface SunlightConfig {
    readonly rules: ReadonlyMap<RuleCode, { severity?: RuleSetting; options: Readonly<Record<string, number>> }>;
}

export interface ConfigProblem {
    /** 0-based offset in the file where the problem is, when known. */
    readonly offset: number;
    readonly detail: string;
    readonly detailZh: string;
}

export const EMPTY_CONFIG: SunlightConfig = { rules: new Map() };

const SEVERITIES: readonly RuleSetting[] = ['error', 'warning', 'info', 'hint', 'off'];

export function parseConfig(source: string): { config: SunlightConfig; problems: ConfigProblem[] } {
    const problems: ConfigProblem[] = [];
    // Offsets are reported in the text without its BOM, as editors count columns.
    const text = source.replace(/^\uFEFF/, '');
    let json: unknown;
    try {
        json = JSON.parse(text);
    } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        const position = /position (\d+)/.exec(detail);
        return {
            config: EMPTY_CONFIG,
            problems: [{ offset: position ? Number(position[1]) : 0, detail: `not valid JSON (${detail})`, detailZh: `不是有效的 JSON(${detail})` }]
        };
    }
    const rules = new Map<RuleCode, { severity?: RuleSetting; options: Record<string, number> }>();
    const at = (needle: string) => Math.max(0, text.indexOf(needle));
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        return { config: EMPTY_CONFIG, problems: [{ offset: 0, detail: 'the file must hold one JSON object', detailZh: '文件内容必须是一个 JSON 对象' }] };
    }
    for (const key of Object.keys(json)) {
        if (key !== 'rules' && key !== '$schema') {
            problems.push({ offset: at(`"${key}"`), detail: `unknown setting '${key}' (only "rules" is read)`, detailZh: `未知设置“${key}”(只读取 "rules")` });
        }
    }
    const ruleEntries = (json as Record<string, unknown>).rules;
    if (ruleEntries === undefined) return { config: { rules }, problems };
    if (typeof ruleEntries !== 'object' || ruleEntries === null || Array.isArray(ruleEntries)) {
        problems.push({ offset: at('"rules"'), detail: '"rules" must be an object of rule codes', detailZh: '"rules" 必须是以规则代码为键的对象' });
        return { config: { rules }, problems };
    }
    for (const [code, value] of Object.entries(ruleEntries)) {
        if (!isRuleCode(code)) {
            problems.push({ offset: at(`"${code}"`), detail: `unknown rule '${code}'`, detailZh: `未知规则“${code}”` });
            continue;
        }
        if (typeof value === 'string') {
            if (SEVERITIES.includes(value as RuleSetting)) rules.set(code, { severity: value as RuleSetting, options: {} });
            else problems.push(badSeverity(code, value, at(`"${code}"`)));
            continue;
        }
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
            problems.push({ offset: at(`"${code}"`), detail: `rule '${code}' must be a severity or an object`, detailZh: `规则“${code}”的值必须是严重级别或对象` });
            continue;
        }
        const setting: { severity?: RuleSetting; options: Record<string, number> } = { options: {} };
        for (const [key, option] of Object.entries(value as Record<string, unknown>)) {
            if (key === 'severity') {
                if (typeof option === 'string' && SEVERITIES.includes(option as RuleSetting)) setting.severity = option as RuleSetting;
                else problems.push(badSeverity(code, option, at(`"${code}"`)));
            } else if (RULES[code].options && key in RULES[code].options!) {
                if (typeof option === 'number' && Number.isInteger(option) && option >= 0) setting.options[key] = option;
                else problems.push({ offset: at(`"${key}"`), detail: `option '${key}' of '${code}' must be a whole number`, detailZh: `规则“${code}”的选项“${key}”必须是非负整数` });
            } else {
                problems.push({ offset: at(`"${key}"`), detail: `rule '${code}' has no option '${key}'`, detailZh: `规则“${code}”没有选项“${key}”` });
            }
        }
        rules.set(code, setting);
    }
    return { config: { rules }, problems };
}

function badSeverity(code: string, value: unknown, offset: number): ConfigProblem {
    const shown = JSON.stringify(value);
    return {
        offset,
        detail: `rule '${code}': ${shown} is not one of ${SEVERITIES.join(', ')}`,
        detailZh: `规则“${code}”:${shown} 不是 ${SEVERITIES.join('、')} 之一`
    };
}

/** Settings in force for one workspace: locale and `sunlight.json`. */
export class SunlightSettings {
    locale: Locale = 'en';
    config: SunlightConfig = EMPTY_CONFIG;

    /** The effective severity of a rule, given the severity the validator chose. */
    severityOf(code: RuleCode, reported: Severity): RuleSetting {
        return this.config.rules.get(code)?.severity ?? reported;
    }

    option(code: RuleCode, name: string): number {
        return this.config.rules.get(code)?.options[name] ?? RULES[code].options?.[name] ?? 0;
    }
}
