import type { Locale } from '../language/messages.js';
import type { DiagramModel } from './diagram-model.js';
import { layoutDiagram, type LaidOutDiagram } from './layout.js';
import type { PaletteName } from './palettes.js';
import { renderSvg } from './render-svg.js';

/**
 * The one drawing path: model → ELK layout → SVG. The CLI's export and the
 * editor's preview both call it, so the two never disagree.
 */
export async function drawFlowchart(model: DiagramModel, options: { palette: PaletteName; locale: Locale; risks?: boolean; title?: boolean }): Promise<{ svg: string; laidOut: LaidOutDiagram }> {
    const laidOut = await layoutDiagram(model, { locale: options.locale });
    return { svg: renderSvg(laidOut, { palette: options.palette, locale: options.locale, risks: options.risks, title: options.title }), laidOut };
}
