import type { SunlightServices } from '../sunlight-module.js';
import { CatalogChecks } from './catalog-checks.js';
import { FlowChecks } from './flow-checks.js';
import { NameChecks } from './name-checks.js';
import { RegisterChecks } from './register-checks.js';
import { RiskChecks } from './risk-checks.js';

/**
 * Registers every check, per AST type. Checks report through `reporter`
 * (codes from rules.ts) and never throw: Langium's registry turns an
 * exception into a diagnostic instead of losing the others.
 */
export function registerValidationChecks(services: SunlightServices): void {
    const registry = services.validation.ValidationRegistry;
    const settings = services.config.Settings;
    const groups = [
        new NameChecks(settings, services.shared.workspace.IndexManager, services.shared),
        new CatalogChecks(settings),
        new FlowChecks(settings),
        new RiskChecks(settings),
        new RegisterChecks(settings)
    ];
    for (const group of groups) registry.register(group.checks, group);
}
