import type { Say, SunlightCommand } from '../command.js';
import { check } from './check.js';
import { diff } from './diff.js';
import { exportFlowchart } from './export-flowchart.js';
import { exportCatalog, exportRegisters, exportReport } from './export-handin.js';
import { exportPublic } from './export-public.js';
import { fmt } from './fmt.js';
import { importCatalog } from './import-catalog.js';
import { init } from './init.js';
import { lsp } from './lsp.js';
import { version } from './version.js';

/**
 * Every `sunlight` command, in the order `sunlight --help` lists them. To add
 * one, write `cli/commands/<name>.ts` exporting a `defineCommand({…})` and add
 * it here (docs/ARCHITECTURE.md, "Adding a command").
 */
export const COMMANDS: readonly SunlightCommand[] = [
    check,
    fmt,
    diff,
    exportFlowchart,
    exportCatalog,
    exportRegisters,
    exportReport,
    exportPublic,
    importCatalog,
    init,
    lsp,
    version
];

/** Commands whose name has two words are grouped under the first: `export flowchart` under `export`. */
export const GROUPS: Readonly<Record<string, (say: Say) => string>> = {
    export: say => say('write the flowcharts or the hand-in from the files', '由文件生成流程图或报送材料'),
    import: say => say('turn existing spreadsheets into .sun files', '把已有的表格转为 .sun 文件')
};
