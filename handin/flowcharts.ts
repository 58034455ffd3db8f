import { buildDiagram, type FlowKind } from '../flowchart/diagram-model.js';
import { drawFlowchart } from '../flowchart/pipeline.js';
import type { Power } from '../language/generated/ast.js';
import type { Locale } from '../language/messages.js';

/**
 * The flowcharts of the report: the preview's own pipeline (buildDiagram →
 * layoutDiagram → renderSvg) with the print palette, so that the report shows
 * exactly what the editor shows. A renderer is a parameter of the report so
 * that tests can count calls or fail one flow on purpose.
 */
export type FlowchartRenderer = (power: Power, kind: FlowKind, locale: Locale) => Promise<string>;

export const renderFlowchart: FlowchartRenderer = async (power, kind, locale) =>
    (await drawFlowchart(buildDiagram(power, kind), { palette: 'print', locale })).svg;
