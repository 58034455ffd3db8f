import { createFormatServices, formatText } from '../language/lsp/format-text.js';
import { templateFiles, type TemplateFile, type TemplateOptions } from './templates.js';

/**
 * `sunlight init`, without the file system: the files of a new repository,
 * the `.sun` ones formatted canonically. `hasSunFiles`: the folder already
 * holds a workspace (an import, say), so the worked example (its bases and
 * department) is left out and only what is missing around it is added.
 */
export async function repositoryFiles(options: TemplateOptions & { readonly hasSunFiles: boolean }): Promise<Array<{ path: string; content: string }>> {
    const services = createFormatServices();
    const files: Array<{ path: string; content: string }> = [];
    for (const file of templateFiles(options).filter((f: TemplateFile) => !(options.hasSunFiles && f.example))) {
        if (!file.sun) {
            files.push({ path: file.path, content: file.content });
            continue;
        }
        const { formatted } = await formatText(file.content, services);
        // The templates are fixed text: one that does not parse is a bug (test/init/ builds them all).
        if (formatted === undefined) throw new Error(`init template ${file.path} does not parse`);
        files.push({ path: file.path, content: formatted });
    }
    return files;
}

/** A folder's name as the organisation's name when it is one (letters of any script, digits, _), else 学院. */
export function collegeName(folderName: string): string {
    return /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}]*$/u.test(folderName) && !/^[\x00-\x7F]+$/.test(folderName) ? folderName : '学院';
}
