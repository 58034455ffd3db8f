import { ResponseError } from 'vscode-languageserver';
import { ErrorCodes, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import { AstUtils, GrammarAST, type LangiumDocument } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import type { CancellationToken } from 'vscode-languageserver';
import type { SunlightSettings } from '../config.js';
import type { SunlightServices } from '../sunlight-module.js';

const NAME = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}]*$/u;

/**
 * Rename across the workspace. The edits come from the references (see
 * SunlightReferences): only the renamed segment of a qualified name changes,
 * `人事处.处长` → `人事处.新名`, and renaming a department or basis updates the
 * qualifiers that name it. The new name must be a name, not a keyword.
 */
export class SunlightRenameProvider extends DefaultRenameProvider {
    private readonly settings: SunlightSettings;
    private readonly keywords: ReadonlySet<string>;

    constructor(services: SunlightServices) {
        super(services);
        this.settings = services.config.Settings;
        this.keywords = new Set(AstUtils.streamAllContents(services.Grammar).filter(GrammarAST.isKeyword).map(keyword => keyword.value));
    }

    override async rename(document: LangiumDocument, params: RenameParams, cancelToken?: CancellationToken): Promise<WorkspaceEdit | undefined> {
        const newName = params.newName.trim();
        if (!NAME.test(newName) || this.keywords.has(newName)) {
            const zh = this.settings.locale === 'zh';
            throw new ResponseError(ErrorCodes.InvalidParams, zh
                ? `“${params.newName}”不能作为名称:名称由字母(任何文字)、数字或 _ 组成,不以数字开头,也不能是关键字。`
                : `'${params.newName}' is not a valid name: letters of any script, digits or _, not starting with a digit, and not a keyword.`);
        }
        return super.rename(document, { ...params, newName }, cancelToken);
    }
}
