/**
 * Colours of the flowchart. `print` is a fixed, print-friendly palette (white
 * paper, dark ink; used by `sunlight export` and the preview's exports).
 * `theme` follows the VS Code theme through its CSS variables (light, dark
 * and high contrast alike), each with a fallback so the SVG still reads
 * outside VS Code. Risk grades: high red, medium orange, low yellow.
 */
export type PaletteName = 'print' | 'theme';

export interface Palette {
    readonly background: string;
    readonly foreground: string;
    readonly muted: string;
    readonly stepFill: string;
    readonly decisionFill: string;
    readonly terminalFill: string;
    readonly terminalText: string;
    readonly stroke: string;
    readonly edge: string;
    readonly labelFill: string;
    readonly laneFill: readonly [string, string];
    readonly laneHeaderFill: string;
    readonly laneStroke: string;
    readonly warn: string;
    readonly titleRule: string;
    readonly risk: { readonly high: string; readonly medium: string; readonly low: string; readonly none: string };
    readonly riskText: { readonly high: string; readonly medium: string; readonly low: string; readonly none: string };
}

export const PRINT_PALETTE: Palette = {
    background: '#ffffff',
    foreground: '#1a1a1a',
    muted: '#555555',
    stepFill: '#ffffff',
    decisionFill: '#fff8e1',
    terminalFill: '#e3f2fd',
    terminalText: '#0d47a1',
    stroke: '#333333',
    edge: '#333333',
    labelFill: '#ffffff',
    laneFill: ['#fafafa', '#f0f4f7'],
    laneHeaderFill: '#e3e8ec',
    laneStroke: '#90a4ae',
    warn: '#c62828',
    titleRule: '#333333',
    risk: { high: '#d32f2f', medium: '#f57c00', low: '#fbc02d', none: '#9e9e9e' },
    riskText: { high: '#ffffff', medium: '#ffffff', low: '#1a1a1a', none: '#ffffff' }
};

const v = (name: string, fallback: string) => `var(--vscode-${name}, ${fallback})`;

export const THEME_PALETTE: Palette = {
    background: v('editor-background', '#ffffff'),
    foreground: v('editor-foreground', '#1a1a1a'),
    muted: v('descriptionForeground', '#616161'),
    stepFill: v('editor-background', '#ffffff'),
    decisionFill: v('editorWidget-background', '#f3f3f3'),
    terminalFill: v('button-background', '#0078d4'),
    terminalText: v('button-foreground', '#ffffff'),
    // High contrast themes define contrastBorder; the others fall back to the text colour.
    stroke: `var(--vscode-contrastBorder, ${v('editor-foreground', '#333333')})`,
    edge: v('editor-foreground', '#333333'),
    labelFill: v('editor-background', '#ffffff'),
    laneFill: ['transparent', v('editor-lineHighlightBackground', 'rgba(128, 128, 128, 0.08)')],
    laneHeaderFill: v('sideBarSectionHeader-background', 'rgba(128, 128, 128, 0.2)'),
    laneStroke: `var(--vscode-contrastBorder, ${v('panel-border', '#80808080')})`,
    warn: v('errorForeground', '#c62828'),
    titleRule: v('editor-foreground', '#333333'),
    risk: { high: v('charts-red', '#d32f2f'), medium: v('charts-orange', '#f57c00'), low: v('charts-yellow', '#fbc02d'), none: v('charts-foreground', '#9e9e9e') },
    riskText: { high: '#ffffff', medium: '#ffffff', low: '#1a1a1a', none: '#ffffff' }
};

export function palette(name: PaletteName): Palette {
    return name === 'theme' ? THEME_PALETTE : PRINT_PALETTE;
}
