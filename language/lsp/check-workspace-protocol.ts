/**
 * `sunlight/checkWorkspace`, shared by the server (check-workspace-request.ts)
 * and the VS Code client (extension/extension.ts). No imports: the client
 * bundle must not pull in the language.
 */
export const CHECK_WORKSPACE_REQUEST = 'sunlight/checkWorkspace';

export interface CheckWorkspaceResult {
    /** `.sun` documents in the workspace after the check. */
    files: number;
    /** Files found on disk that were not loaded yet. */
    added: number;
    /** Loaded documents whose file is gone (and which are not open in the editor). */
    removed: number;
    errors: number;
    warnings: number;
    infos: number;
    hints: number;
}
