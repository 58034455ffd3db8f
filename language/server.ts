import { URI } from 'langium';
import { startLanguageServer } from 'langium/lsp';
import { createConnection, DiagnosticSeverity, ProposedFeatures, type Connection, type Diagnostic } from 'vscode-languageserver/node';
import { CONFIG_FILE_NAME } from './config.js';
import { registerCheckWorkspaceRequest } from './lsp/check-workspace-request.js';
import { registerUpdateStatsRequest } from './lsp/update-stats-request.js';
import { registerDiagramRequest } from '../flowchart/diagram-request.js';
import { formatMessage, toLocale } from './messages.js';
import { loadConfigFile, positionAt } from './node/config-file.js';
import { SunlightFileSystem } from './node/file-system.js';
import { createSunlightServices, type SunlightServices } from './sunlight-module.js';
import type { LangiumSharedServices } from 'langium/lsp';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Starts the Sunlight language server on a connection (stdio by default).
 * Locale: the client's `initialize` locale, overridden by the
 * `initializationOptions.locale` / `sunlight.locale` setting.
 * `sunlight.json` at the first workspace folder is read at start and again
 * whenever it changes on disk; its own problems are published on it.
 */
export function startSunlightServer(options: { connection?: Connection; ruleDocsBase?: string } = {}): { shared: LangiumSharedServices; Sunlight: SunlightServices } {
    const connection = options.connection ?? createConnection(ProposedFeatures.all);
    const services = createSunlightServices({ connection, ...SunlightFileSystem }, { ruleDocsBase: options.ruleDocsBase ?? defaultRuleDocsBase() });
    const { shared, Sunlight } = services;
    const settings = Sunlight.config.Settings;
    let configPath: string | undefined;

    const loadConfig = () => {
        const loaded = loadConfigFile(configPath);
        settings.config = loaded.config;
        if (!configPath) return;
        const severity = settings.severityOf('invalid-config', 'error');
        const diagnostics: Diagnostic[] = (severity === 'off' ? [] : loaded.problems).map(problem => {
            const start = positionAt(loaded.text, problem.offset);
            return {
                range: { start, end: { line: start.line, character: start.character + 1 } },
                severity: { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint, off: DiagnosticSeverity.Error }[severity],
                code: 'invalid-config',
                source: 'sunlight',
                message: formatMessage(settings.locale, 'invalid-config', { detail: problem.detail, detailZh: problem.detailZh })
            };
        });
        void connection.sendDiagnostics({ uri: URI.file(configPath).toString(), diagnostics });
    };

    const revalidateAll = async () => {
        await shared.workspace.WorkspaceManager.ready;
        const uris = shared.workspace.LangiumDocuments.all.map(document => document.uri).toArray();
        await shared.workspace.WorkspaceLock.write(token => shared.workspace.DocumentBuilder.update(uris, [], token));
    };

    /**
     * `sunlight.locale` as the client sent it: 'auto', a locale, or nothing.
     * Anything but a string (a number, an object: a hand-edited settings.json)
     * is ignored with one logged line.
     */
    const localeSetting = (value: unknown, where: string): string | undefined => {
        if (value === undefined || value === null || value === '') return undefined;
        if (typeof value === 'string') return value;
        connection.console.warn(`Sunlight: ignoring ${where}: expected "auto", "en" or "zh-cn", got ${describeValue(value)}`);
        return undefined;
    };

    shared.lsp.LanguageServer.onInitialize(params => {
        const options = params.initializationOptions as { locale?: unknown } | undefined;
        const requested = localeSetting(typeof options === 'object' && options !== null ? options.locale : undefined, 'initializationOptions.locale');
        settings.locale = toLocale(requested && requested !== 'auto' ? requested : params.locale);
        const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
        if (folder) configPath = path.join(URI.parse(folder).fsPath, CONFIG_FILE_NAME);
        loadConfig();
    });
    shared.lsp.DocumentUpdateHandler.onWatchedFilesChange(params => {
        if (params.changes.some(change => change.uri.endsWith(`/${CONFIG_FILE_NAME}`))) {
            loadConfig();
            void revalidateAll();
        }
    });
    shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
        if (update.section !== 'sunlight') return;
        const configuration = update.configuration as { locale?: unknown } | undefined;
        const locale = localeSetting(typeof configuration === 'object' && configuration !== null ? configuration.locale : undefined, 'the setting sunlight.locale');
        if (locale && locale !== 'auto' && toLocale(locale) !== settings.locale) {
            settings.locale = toLocale(locale);
            loadConfig();
            void revalidateAll();
        }
    });

    registerCheckWorkspaceRequest(services);
    registerDiagramRequest(services);
    registerUpdateStatsRequest(shared);
    // Validate every file of the workspace at start, not only the open ones: the
    // Problems panel lists the whole college, as `sunlight check` does.
    shared.workspace.WorkspaceManager.initialBuildOptions = { validation: true };
    startLanguageServer(shared);
    return services;
}

/** A short, one-line picture of a setting's value for the log. */
function describeValue(value: unknown): string {
    let text: string;
    try {
        text = JSON.stringify(value) ?? String(value);
    } catch {
        text = Object.prototype.toString.call(value);
    }
    return `${Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `a ${typeof value}`} ${text.length > 60 ? `${text.slice(0, 60)}…` : text}`.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

/** docs/rules/ beside the bundle (dist/ → ../docs/rules/), as a file URI. */
function defaultRuleDocsBase(): string | undefined {
    const here = typeof __dirname === 'string' ? __dirname : undefined;
    return here ? pathToFileURL(path.join(here, '..', 'docs', 'rules') + path.sep).toString() : undefined;
}
