import type { DiagramModel, DiagramNode } from '../../flowchart/diagram-model.js';
import type { LaidOutDiagram } from '../../flowchart/layout.js';
import { drawFlowchart } from '../../flowchart/pipeline.js';
import type { Locale } from '../../language/messages.js';
import type { PublicDepartment, PublicPower } from './projection.js';

/**
 * The public flowchart of a power: the preview's own pipeline
 * (flowchart/pipeline.ts, print palette), fed a diagram model made from the
 * public projection only. The model has no risk point (there is none to copy)
 * and the renderer is told to draw none (`risks: false`): two guarantees that
 * no badge reaches the guide. No title block (the page states the facts, and
 * the chart then fits an A4 page at full size); no source ranges (the public
 * page does not point into files).
 */
export interface PublicChart {
    /** The whole chart (screen). */
    readonly svg: string;
    /** The same drawing cut into A4-high pieces between rows of boxes (print: every piece at full size, so no text under 9 pt). */
    readonly pieces: readonly string[];
}

export type PublicChartRenderer = (power: PublicPower, department: PublicDepartment, locale: Locale) => Promise<PublicChart>;

/** Height of a printed piece, in SVG units (CSS px at full size): an A4 page's body (263 mm ≈ 994 px) less a heading and a caption. */
export const PIECE_HEIGHT = 900;

export const renderPublicChart: PublicChartRenderer = async (power, department, locale) => {
    const { svg, laidOut } = await drawFlowchart(publicDiagram(power, department), { palette: 'print', locale, risks: false, title: false });
    return { svg, pieces: cutChart(svg, laidOut, PIECE_HEIGHT) };
};

/**
 * Cuts the SVG into pieces at most `height` high, each a copy of the drawing
 * with its own viewBox. A cut never crosses a box, an edge label or the
 * legend when a gap allows (edges do cross, as on any multi-page chart);
 * only a single box taller than `height` would be cut through.
 */
export function cutChart(svg: string, laid: LaidOutDiagram, height: number): string[] {
    const root = /^<svg\b[^>]*>/.exec(svg);
    const size = root && /\bwidth="([\d.]+)" height="([\d.]+)"/.exec(root[0]);
    if (!root || !size) return [svg];
    const width = Number(size[1]);
    const total = Number(size[2]);
    if (total <= height) return [svg];
    const offset = (cls: string) => Number(new RegExp(`<g class="${cls}" transform="translate\\(([\\d.-]+) ([\\d.-]+)\\)"`).exec(svg)?.[2] ?? 0);
    const graphY = offset('sl-diagram');
    const legendY = offset('sl-legend');
    const busy: Array<[number, number]> = [
        ...laid.nodes.map(node => [graphY + node.y - 6, graphY + node.y + node.height + 6] as [number, number]),
        ...laid.edges.flatMap(edge => edge.labelBox ? [[graphY + edge.labelBox.y - 4, graphY + edge.labelBox.y + edge.labelBox.height + 4] as [number, number]] : []),
        ...(legendY > 0 ? [[legendY, total] as [number, number]] : [])
    ];
    const free = (y: number) => busy.every(([top, bottom]) => y <= top || y >= bottom);
    const cuts: number[] = [0];
    while (total - cuts[cuts.length - 1] > height) {
        const start = cuts[cuts.length - 1];
        let cut = start + height;
        while (cut > start + height / 4 && !free(cut)) cut -= 2;
        cuts.push(cut > start + height / 4 ? cut : start + height);
    }
    cuts.push(total);
    const inner = svg.slice(root[0].length, svg.lastIndexOf('</svg>'));
    return cuts.slice(1).map((end, i) => {
        const top = cuts[i];
        const h = Math.round((end - top) * 100) / 100;
        const tag = root[0]
            .replace(/\bwidth="[\d.]+" height="[\d.]+" viewBox="[^"]*"/, `width="${width}" height="${h}" viewBox="0 ${top} ${width} ${h}"`)
            .replace(/ aria-label="[^"]*"/, '');
        return `${tag.replace(/>$/, ' aria-hidden="true">')}${inner}</svg>\n`;
    });
}

export function publicDiagram(power: PublicPower, department: PublicDepartment): DiagramModel {
    const flow = power.flow;
    const nodes: DiagramNode[] = [];
    if (flow) {
        nodes.push({ id: 'start', kind: 'start', name: '', collective: false, reachable: true, onLongestPath: true, risks: [] });
        for (const node of flow.nodes) {
            nodes.push({
                id: node.id,
                kind: node.kind,
                name: node.name,
                responsible: node.office ? { name: node.office, key: node.office, external: node.applicant } : undefined,
                deadline: node.deadline,
                collective: node.collective,
                reachable: node.reachable,
                onLongestPath: node.onLongestPath,
                risks: []
            });
        }
        if (flow.edges.some(edge => edge.target === 'end')) {
            nodes.push({ id: 'end', kind: 'end', name: '', collective: false, reachable: true, onLongestPath: true, risks: [] });
        }
    }
    return {
        version: 1,
        title: {
            power: power.name,
            department: department.name,
            departmentTitle: department.title,
            code: power.code,
            category: power.category,
            content: power.content,
            responsible: power.office,
            major: power.major,
            flowKind: flow ? 'external' : undefined,
            limit: flow?.limit,
            longestPath: flow?.longestPath ?? { total: 0, formatted: '0', unit: 'workday' }
        },
        flowKind: flow ? 'external' : undefined,
        flows: flow ? ['external'] : [],
        nodes,
        edges: (flow?.edges ?? []).map((edge, i) => ({ id: `e${i}`, source: edge.source, target: edge.target, label: edge.label, back: edge.back })),
        powerRisks: []
    };
}
