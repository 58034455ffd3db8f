import type { LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import type { SunlightSettings } from '../config.js';
import { isDepartment, isModel } from '../generated/ast.js';
import type { SunlightServices } from '../sunlight-module.js';

/** The command the VS Code extension registers to open a power's flowchart preview. */
export const PREVIEW_COMMAND = 'sunlight.preview.open';

/** Above each power: *Preview flowchart* / *预览流程图*, running `sunlight.preview.open [uri, powerName]`. */
export class SunlightCodeLensProvider implements CodeLensProvider {
    private readonly settings: SunlightSettings;

    constructor(services: SunlightServices) {
        this.settings = services.config.Settings;
    }

    provideCodeLens(document: LangiumDocument, _params: CodeLensParams): CodeLens[] {
        const model = document.parseResult.value;
        if (!isModel(model)) return [];
        const title = this.settings.locale === 'zh' ? '预览流程图' : 'Preview flowchart';
        const uri = document.uri.toString();
        const lenses: CodeLens[] = [];
        for (const department of model.elements.filter(isDepartment)) {
            for (const power of department.powers) {
                if (!power.$cstNode || !power.name) continue;
                const start = power.$cstNode.range.start;
                lenses.push({
                    range: { start, end: start },
                    command: { title, command: PREVIEW_COMMAND, arguments: [uri, power.name] }
                });
            }
        }
        return lenses;
    }
}
