/**
 * The Sunlight VS Code extension: a thin language client that starts the
 * bundled language server (dist/server.cjs) over IPC, plus a few commands.
 * The language features live in the server; the flowchart preview in
 * ./preview/.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { checkDepartmentName, declaredNames, departmentSkeleton, today } from './new-department.js';
import { registerPreview } from './preview/register.js';
import { CHECK_WORKSPACE_REQUEST, type CheckWorkspaceResult } from '../language/lsp/check-workspace-protocol.js';

let client: LanguageClient | undefined;

/** The `sunlight.locale` setting resolved: `auto` follows VS Code's display language. */
export function resolveLocale(): string {
    const setting = vscode.workspace.getConfiguration('sunlight').get<string>('locale', 'auto');
    return !setting || setting === 'auto' ? vscode.env.language : setting;
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const serverModule = context.asAbsolutePath(path.join('dist', 'server.cjs'));
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const sunFiles = vscode.workspace.createFileSystemWatcher('**/*.sun');
    const configFiles = vscode.workspace.createFileSystemWatcher('**/sunlight.json');
    context.subscriptions.push(sunFiles, configFiles);

    const clientOptions: LanguageClientOptions = {
        documentSelector: [
            { scheme: 'file', language: 'sunlight' },
            { scheme: 'untitled', language: 'sunlight' }
        ],
        // A function, so that a restart picks up a changed setting.
        initializationOptions: () => ({ locale: resolveLocale() }),
        synchronize: {
            configurationSection: 'sunlight',
            fileEvents: [sunFiles, configFiles]
        },
        outputChannelName: 'Sunlight'
    };
    // The id `sunlight` makes the client read the `sunlight.trace.server` setting.
    client = new LanguageClient('sunlight', 'Sunlight', serverOptions, clientOptions);
    const languageClient = client;

    context.subscriptions.push(
        vscode.commands.registerCommand('sunlight.newDepartment', () => newDepartment()),
        vscode.commands.registerCommand('sunlight.checkWorkspace', () => checkWorkspace(languageClient)),
        vscode.commands.registerCommand('sunlight.restartServer', () => languageClient.restart()),
        vscode.workspace.onDidChangeConfiguration(event => {
            // The server follows `en` / `zh-cn` itself (didChangeConfiguration);
            // for `auto` it needs the display language, given at start.
            if (event.affectsConfiguration('sunlight.locale')
                && vscode.workspace.getConfiguration('sunlight').get<string>('locale', 'auto') === 'auto') {
                void languageClient.restart();
            }
        })
    );

    registerPreview(context, languageClient);
    await languageClient.start();
}

export async function deactivate(): Promise<void> {
    const running = client;
    client = undefined;
    if (running) await running.stop();
}

/** *Sunlight: Check Workspace*: the server rereads and revalidates every .sun file; then the Problems panel. */
async function checkWorkspace(languageClient: LanguageClient): Promise<void> {
    try {
        const result = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Sunlight: checking the workspace…') },
            () => languageClient.sendRequest<CheckWorkspaceResult>(CHECK_WORKSPACE_REQUEST)
        );
        await vscode.commands.executeCommand('workbench.actions.view.problems');
        const message = vscode.l10n.t('Sunlight checked {0} files: {1} errors, {2} warnings, {3} infos.',
            result.files, result.errors, result.warnings, result.infos);
        if (result.errors > 0) void vscode.window.showWarningMessage(message);
        else void vscode.window.showInformationMessage(message);
    } catch (error) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Sunlight could not check the workspace: {0}', error instanceof Error ? error.message : String(error)));
    }
}

/** *Sunlight: New Department File*: writes departments/NAME.sun from a skeleton and opens it. */
async function newDepartment(): Promise<void> {
    const folder = await pickWorkspaceFolder();
    if (!folder) return;
    const name = await vscode.window.showInputBox({
        title: vscode.l10n.t('New department file'),
        prompt: vscode.l10n.t('Name of the department (an identifier, e.g. 教务处)'),
        placeHolder: '教务处',
        validateInput: value => {
            switch (checkDepartmentName(value.trim())) {
                case 'empty': return vscode.l10n.t('Enter a name.');
                case 'invalid': return vscode.l10n.t('A name is letters, digits and _, not starting with a digit; no spaces or punctuation.');
                case 'keyword': return vscode.l10n.t('"{0}" is a Sunlight keyword; choose another name.', value.trim());
                default: return undefined;
            }
        }
    });
    if (name === undefined) return;
    const departmentName = name.trim();
    const title = await vscode.window.showInputBox({
        title: vscode.l10n.t('New department file'),
        prompt: vscode.l10n.t('Title of the department (as in official documents)'),
        value: departmentName
    });
    if (title === undefined) return;

    const target = vscode.Uri.joinPath(folder.uri, 'departments', `${departmentName}.sun`);
    if (await exists(target)) {
        const open = vscode.l10n.t('Open it');
        const choice = await vscode.window.showErrorMessage(
            vscode.l10n.t('{0} already exists; Sunlight does not overwrite it.', vscode.workspace.asRelativePath(target)), open);
        if (choice === open) await vscode.window.showTextDocument(target);
        return;
    }
    const { leaders, bases } = await workspaceDeclarations(folder);
    const leader = leaders.length > 1
        ? (await vscode.window.showQuickPick(leaders, { title: vscode.l10n.t('Leader in charge of the department (分管院领导)'), ignoreFocusOut: true })) ?? leaders[0]
        : leaders[0];
    const locale = resolveLocale().toLowerCase().startsWith('zh') ? 'zh' : 'en';
    const text = departmentSkeleton({ name: departmentName, title, leader, basis: bases[0], date: today(), locale });
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder.uri, 'departments'));
    if (await exists(target)) return; // created meanwhile: still no overwrite
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    const editor = await vscode.window.showTextDocument(target);
    const line = text.split('\n').findIndex(l => l.startsWith('department '));
    if (line >= 0) editor.selection = new vscode.Selection(line, 0, line, 0);
}

async function pickWorkspaceFolder(): Promise<vscode.WorkspaceFolder | undefined> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 0) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Open a folder first: Sunlight files live in a workspace folder.'));
        return undefined;
    }
    if (folders.length === 1) return folders[0];
    return vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Workspace folder for the new department') });
}

async function exists(uri: vscode.Uri): Promise<boolean> {
    try {
        await vscode.workspace.fs.stat(uri);
        return true;
    } catch {
        return false;
    }
}

/** Leaders and bases declared in the folder's .sun files (for the skeleton's references). */
async function workspaceDeclarations(folder: vscode.WorkspaceFolder): Promise<{ leaders: string[]; bases: string[] }> {
    const leaders = new Set<string>();
    const bases = new Set<string>();
    const files = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.sun'), '**/node_modules/**', 200);
    for (const file of files) {
        try {
            const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
            const found = declaredNames(text);
            found.leaders.forEach(l => leaders.add(l));
            found.bases.forEach(b => bases.add(b));
        } catch {
            // unreadable: skip
        }
    }
    return { leaders: [...leaders], bases: [...bases] };
}
