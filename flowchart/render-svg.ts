import type { Locale } from '../language/messages.js';
import type { DiagramRange, DiagramRisk } from './diagram-model.js';
import { formatDuration, gradeWord, termWord, titleFacts, words } from './labels.js';
import { FONTS, type BadgeBox, type LaidOutDiagram, type LaidOutEdge, type LaidOutLane, type LaidOutNode, type Point } from './layout.js';
import { palette as paletteOf, type Palette, type PaletteName } from './palettes.js';
import { FONT_FAMILY, lineHeight, measureText, wrapText, type FontSpec } from './text-metrics.js';

/**
 * The SVG of a laid-out flowchart: one pure function, used by the preview
 * (palette `theme`) and by every export (palette `print`). Every text that
 * comes from a `.sun` file goes through `escapeXml`; ids and numbers are
 * generated here. Nodes carry `data-node-id` and `data-range`
 * (`startLine:startChar:endLine:endChar`, 0-based, LSP) so that the preview
 * can reveal their source; risk badges carry `data-node-id` and `data-grade`.
 */
export interface RenderOptions {
    readonly palette: PaletteName;
    /** Language of the title block and the legend; default: the layout's. */
    readonly locale?: Locale;
    /**
     * `false`: no risk badge, no risk point in the title block, no risk entry
     * in the legend, whatever the model holds (the public service guide's
     * charts, which must show nothing internal). Default true.
     */
    readonly risks?: boolean;
    /** `false`: no title block (the page around the chart gives the power's facts). Default true. */
    readonly title?: boolean;
}

const TITLE = { pad: 16, name: { size: 18, bold: true } as FontSpec, sub: { size: 13 } as FontSpec, fact: { size: 13 } as FontSpec, minWidth: 520 };
const LEGEND = { pad: 16, font: { size: 12 } as FontSpec, symbol: 26, gap: 18 };
const ARROW = { length: 9, half: 4.5 };

export function renderSvg(laid: LaidOutDiagram, options: RenderOptions): string {
    const locale = options.locale ?? laid.locale;
    const p = paletteOf(options.palette);
    const graphWidth = Math.max(laid.width, 160);
    const contentWidth = Math.max(graphWidth, TITLE.minWidth);

    const risks = options.risks !== false;
    const title = options.title === false ? { svg: '', height: 8 } : renderTitle(laid, p, locale, contentWidth, risks);
    const legend = renderLegend(p, locale, contentWidth, risks);
    const graphX = round((contentWidth - graphWidth) / 2);
    const graphY = title.height;
    const noFlow = laid.model.nodes.length === 0;
    const graphHeight = noFlow ? 60 : laid.height;
    const width = contentWidth;
    const height = graphY + graphHeight + legend.height;

    const out: string[] = [];
    out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}"`
        + ` font-family="${escapeXml(FONT_FAMILY)}" class="sunlight-flowchart sl-palette-${options.palette}"`
        + ` data-power="${escapeXml(laid.model.title.power)}" data-flow="${laid.model.flowKind ?? ''}" data-lanes="${laid.lanes.length > 0}"`
        + ` role="img" aria-label="${escapeXml(`${laid.model.title.power} ${words(locale).flowchart}`)}">`);
    out.push(`<title>${escapeXml(`${laid.model.title.power} — ${words(locale).flowchart}${laid.model.flowKind ? ` (${words(locale)[laid.model.flowKind]})` : ''}`)}</title>`);
    out.push(`<rect class="sl-background" x="0" y="0" width="${n(width)}" height="${n(height)}" fill="${p.background}"/>`);
    out.push(title.svg);
    out.push(`<g class="sl-diagram" transform="translate(${n(graphX)} ${n(graphY)})">`);
    if (noFlow) {
        out.push(text(words(locale).noFlowNote, graphWidth / 2, 20, TITLE.sub, p.muted, 'middle', 'sl-note'));
    } else {
        out.push('<g class="sl-lanes">', ...laid.lanes.map((lane, i) => renderLane(lane, i, p)), '</g>');
        out.push('<g class="sl-edges">', ...laid.edges.map(edge => renderEdge(edge, p)), '</g>');
        out.push('<g class="sl-nodes">', ...laid.nodes.map(node => renderNode(node, p, locale, risks)), '</g>');
    }
    out.push('</g>');
    out.push(`<g class="sl-legend" transform="translate(0 ${n(graphY + graphHeight)})">${legend.svg}</g>`);
    out.push('</svg>');
    return out.join('\n') + '\n';
}

// ---------------------------------------------------------------- title block

function renderTitle(laid: LaidOutDiagram, p: Palette, locale: Locale, width: number, risks: boolean): { svg: string; height: number } {
    const w = words(locale);
    const t = laid.model.title;
    const inner = width - 2 * TITLE.pad;
    const parts: string[] = ['<g class="sl-title">'];
    let y = TITLE.pad;
    for (const line of wrapText(t.power || '?', inner, TITLE.name, { maxLines: 2 })) {
        parts.push(text(line, TITLE.pad, y, TITLE.name, p.foreground, 'start', 'sl-title-power'));
        y += lineHeight(TITLE.name);
    }
    const sub = [t.departmentTitle || t.department, w.flowchart, t.flowKind ? w[t.flowKind] : undefined].filter(Boolean).join(' · ');
    for (const line of wrapText(sub, inner, TITLE.sub, { maxLines: 2 })) {
        parts.push(text(line, TITLE.pad, y, TITLE.sub, p.muted, 'start', 'sl-title-sub'));
        y += lineHeight(TITLE.sub);
    }
    y += 4;
    // Facts flow left to right and wrap, each in one piece.
    const facts = titleFacts(laid.model, locale).map(f => ({ ...f, text: f.label ? `${f.label}: ${f.value}` : f.value }));
    const factLh = lineHeight(TITLE.fact);
    let x = TITLE.pad;
    for (const fact of facts) {
        const shown = wrapText(fact.text, inner, TITLE.fact, { maxLines: 1 })[0];
        const fw = measureText(shown, TITLE.fact);
        if (x > TITLE.pad && x + fw > TITLE.pad + inner) { x = TITLE.pad; y += factLh; }
        parts.push(text(shown, x, y, TITLE.fact, fact.warn ? p.warn : p.foreground, 'start', fact.warn ? 'sl-fact sl-warn' : 'sl-fact'));
        x += fw + 20;
    }
    y += factLh;
    if (risks && laid.model.powerRisks.length > 0) {
        const list = laid.model.powerRisks.map(r => `${r.name}(${gradeWord(r.grade, locale)})`).join(locale === 'zh' ? '、' : ', ');
        for (const line of wrapText(`${w.otherRisks}: ${list}`, inner, TITLE.fact, { maxLines: 3 })) {
            parts.push(text(line, TITLE.pad, y, TITLE.fact, p.muted, 'start', 'sl-title-risks'));
            y += factLh;
        }
    }
    y += 8;
    parts.push(`<line x1="${n(TITLE.pad)}" y1="${n(y)}" x2="${n(width - TITLE.pad)}" y2="${n(y)}" stroke="${p.titleRule}" stroke-width="1"/>`);
    parts.push('</g>');
    return { svg: parts.join('\n'), height: y + 8 };
}

// ---------------------------------------------------------------- legend

function renderLegend(p: Palette, locale: Locale, width: number, risks: boolean): { svg: string; height: number } {
    const w = words(locale);
    const f = LEGEND.font;
    const lh = lineHeight(f);
    const rowHeight = Math.max(lh, 20);
    type Item = { label: string; symbol: (x: number, y: number) => string; symbolWidth: number };
    const box = (fill: string, extra = '') => (x: number, y: number) =>
        `<rect x="${n(x)}" y="${n(y + 3)}" width="${LEGEND.symbol}" height="${rowHeight - 6}" fill="${fill}" stroke="${p.stroke}" stroke-width="1.2"${extra}/>`;
    const items: Item[] = [
        { label: w.legendTerminal, symbolWidth: LEGEND.symbol, symbol: box(p.terminalFill, ` rx="${(rowHeight - 6) / 2}"`) },
        { label: w.legendStep, symbolWidth: LEGEND.symbol, symbol: box(p.stepFill) },
        {
            label: w.legendDecision, symbolWidth: LEGEND.symbol, symbol: (x, y) => {
                const cx = x + LEGEND.symbol / 2, cy = y + rowHeight / 2, hw = LEGEND.symbol / 2, hh = rowHeight / 2 - 2;
                return `<polygon points="${n(cx)},${n(cy - hh)} ${n(cx + hw)},${n(cy)} ${n(cx)},${n(cy + hh)} ${n(cx - hw)},${n(cy)}" fill="${p.decisionFill}" stroke="${p.stroke}" stroke-width="1.2"/>`;
            }
        },
        {
            label: w.legendCollective, symbolWidth: LEGEND.symbol, symbol: (x, y) => box(p.stepFill)(x, y)
                + `<rect x="${n(x + 3)}" y="${n(y + 6)}" width="${LEGEND.symbol - 6}" height="${rowHeight - 12}" fill="none" stroke="${p.stroke}" stroke-width="1"/>`
        },
        {
            label: w.legendLoop, symbolWidth: LEGEND.symbol, symbol: (x, y) =>
                `<line x1="${n(x)}" y1="${n(y + rowHeight / 2)}" x2="${n(x + LEGEND.symbol)}" y2="${n(y + rowHeight / 2)}" stroke="${p.edge}" stroke-width="1.4" stroke-dasharray="5 3"/>`
        }
    ];
    for (const grade of risks ? ['high', 'medium', 'low'] as const : []) {
        items.push({
            label: `${w.legendRisk} (${gradeWord(grade, locale)})`, symbolWidth: 18, symbol: (x, y) =>
                `<circle cx="${n(x + 9)}" cy="${n(y + rowHeight / 2)}" r="8" fill="${p.risk[grade]}"/>`
                
        });
    }
    const parts: string[] = [`<line x1="${n(LEGEND.pad)}" y1="0" x2="${n(width - LEGEND.pad)}" y2="0" stroke="${p.titleRule}" stroke-width="0.5"/>`];
    let x = LEGEND.pad;
    let y = 10;
    for (const item of items) {
        const itemWidth = item.symbolWidth + 6 + measureText(item.label, f);
        if (x > LEGEND.pad && x + itemWidth > width - LEGEND.pad) { x = LEGEND.pad; y += rowHeight + 6; }
        parts.push(item.symbol(x, y));
        parts.push(text(item.label, x + item.symbolWidth + 6, y + (rowHeight - lh) / 2, f, p.foreground, 'start'));
        x += itemWidth + LEGEND.gap;
    }
    return { svg: parts.join('\n'), height: y + rowHeight + 12 };
}

// ---------------------------------------------------------------- lanes, edges, nodes

function renderLane(lane: LaidOutLane, index: number, p: Palette): string {
    return `<g class="sl-lane" data-lane-id="${escapeXml(lane.id)}">`
        + `<rect x="${n(lane.x)}" y="${n(lane.y)}" width="${n(lane.width)}" height="${n(lane.height)}" fill="${p.laneFill[index % 2]}" stroke="${p.laneStroke}" stroke-width="1"/>`
        + `<rect x="${n(lane.x)}" y="${n(lane.y)}" width="${n(lane.width)}" height="${n(lane.headerHeight)}" fill="${p.laneHeaderFill}" stroke="${p.laneStroke}" stroke-width="1"/>`
        + text(lane.headerText, lane.x + lane.width / 2, lane.y + (lane.headerHeight - lineHeight(FONTS.lane)) / 2, FONTS.lane, p.foreground, 'middle', 'sl-lane-name')
        + `<title>${escapeXml(lane.name)}</title>`
        + '</g>';
}

function renderEdge(edge: LaidOutEdge, p: Palette): string {
    if (edge.points.length < 2) return '';
    const points = edge.points.slice();
    const end = points[points.length - 1];
    const before = points[points.length - 2];
    const length = Math.hypot(end.x - before.x, end.y - before.y) || 1;
    const ux = (end.x - before.x) / length, uy = (end.y - before.y) / length;
    // Stop the line at the arrowhead's base.
    points[points.length - 1] = { x: end.x - ux * ARROW.length, y: end.y - uy * ARROW.length };
    const base = points[points.length - 1];
    const arrow = [end, { x: base.x - uy * ARROW.half, y: base.y + ux * ARROW.half }, { x: base.x + uy * ARROW.half, y: base.y - ux * ARROW.half }];
    const parts = [`<g class="sl-edge${edge.back ? ' sl-back' : ''}" data-edge-id="${escapeXml(edge.id)}" data-source="${escapeXml(edge.source)}" data-target="${escapeXml(edge.target)}"${rangeAttr('data-range', edge.range)}>`];
    parts.push(`<path d="${pathOf(points)}" fill="none" stroke="${p.edge}" stroke-width="1.4"${edge.back ? ' stroke-dasharray="6 4"' : ''}/>`);
    parts.push(`<polygon points="${arrow.map(pt => `${n(pt.x)},${n(pt.y)}`).join(' ')}" fill="${p.edge}"/>`);
    if (edge.labelBox) {
        const b = edge.labelBox;
        parts.push(`<rect x="${n(b.x)}" y="${n(b.y)}" width="${n(b.width)}" height="${n(b.height)}" rx="3" fill="${p.labelFill}" stroke="none"/>`);
        const lh = lineHeight(FONTS.edgeLabel);
        const top = b.y + (b.height - b.lines.length * lh) / 2;
        b.lines.forEach((line, i) => parts.push(text(line, b.x + b.width / 2, top + i * lh, FONTS.edgeLabel, p.foreground, 'middle', 'sl-edge-label')));
    }
    parts.push('</g>');
    return parts.join('');
}

function renderNode(node: LaidOutNode, p: Palette, locale: Locale, risks: boolean): string {
    const classes = ['sl-node', `sl-${node.kind}`];
    if (node.collective) classes.push('sl-collective');
    if (!node.reachable) classes.push('sl-unreachable');
    const dash = node.reachable ? '' : ' stroke-dasharray="5 3"';
    const parts = [`<g class="${classes.join(' ')}" data-node-id="${escapeXml(node.id)}" data-kind="${node.kind}"${rangeAttr('data-range', node.nameRange ?? node.range)}>`];
    const tooltip = [node.name, node.responsible?.name, node.deadline ? formatDuration(node.deadline, locale) : undefined].filter(Boolean).join(' · ');
    if (tooltip) parts.push(`<title>${escapeXml(tooltip)}</title>`);
    const { x, y, width, height } = node;
    if (node.kind === 'start' || node.kind === 'end') {
        parts.push(`<rect class="sl-shape" x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${n(height)}" rx="${n(height / 2)}" fill="${p.terminalFill}" stroke="${p.stroke}" stroke-width="1.5"/>`);
        parts.push(text(node.nameLines[0] ?? '', x + width / 2, y + (height - lineHeight(FONTS.terminal)) / 2, FONTS.terminal, p.terminalText, 'middle', 'sl-node-name'));
    } else {
        if (node.kind === 'decision') {
            const cx = x + width / 2, cy = y + height / 2;
            parts.push(`<polygon class="sl-shape" points="${n(cx)},${n(y)} ${n(x + width)},${n(cy)} ${n(cx)},${n(y + height)} ${n(x)},${n(cy)}" fill="${p.decisionFill}" stroke="${p.stroke}" stroke-width="1.5"${dash}/>`);
        } else {
            parts.push(`<rect class="sl-shape" x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${n(height)}" rx="3" fill="${p.stepFill}" stroke="${p.stroke}" stroke-width="1.5"${dash}/>`);
            if (node.collective) {
                parts.push(`<rect class="sl-collective-mark" x="${n(x + 4)}" y="${n(y + 4)}" width="${n(width - 8)}" height="${n(height - 8)}" rx="2" fill="none" stroke="${p.stroke}" stroke-width="1"/>`);
            }
        }
        const nameLh = lineHeight(FONTS.name);
        const detailLh = lineHeight(FONTS.detail);
        const textHeight = node.nameLines.length * nameLh + (node.detailLines.length ? 4 + node.detailLines.length * detailLh : 0);
        let ty = y + (height - textHeight) / 2;
        for (const line of node.nameLines) {
            parts.push(text(line, x + width / 2, ty, FONTS.name, p.foreground, 'middle', 'sl-node-name'));
            ty += nameLh;
        }
        ty += node.detailLines.length ? 4 : 0;
        for (const line of node.detailLines) {
            parts.push(text(line, x + width / 2, ty, FONTS.detail, p.muted, 'middle', 'sl-node-detail'));
            ty += detailLh;
        }
    }
    if (risks) parts.push(...node.badges.map(badge => renderBadge(node.id, badge, p, locale)));
    parts.push('</g>');
    return parts.join('');
}

function renderBadge(nodeId: string, badge: BadgeBox, p: Palette, locale: Locale): string {
    const r = badge.width / 2;
    const cx = badge.x + r, cy = badge.y + r;
    return `<g class="sl-badge sl-badge-${badge.grade}" data-node-id="${escapeXml(nodeId)}" data-grade="${badge.grade}">`
        + `<title>${escapeXml(badgeTooltip(badge.risks, badge.grade, locale))}</title>`
        + `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}" fill="${p.risk[badge.grade]}" stroke="${p.background}" stroke-width="1.5"/>`
        + text(String(badge.count), cx, cy - lineHeight(FONTS.badge) / 2, FONTS.badge, p.riskText[badge.grade], 'middle', 'sl-badge-count')
        + '</g>';
}

/** Plain-text description of the risks of a badge (the exported SVG's hover text). */
export function badgeTooltip(risks: readonly DiagramRisk[], grade: BadgeBox['grade'], locale: Locale): string {
    const w = words(locale);
    return risks.map(risk => {
        const lines = [`${risk.name} (${w.legendRisk}, ${gradeWord(grade === 'none' ? undefined : grade, locale)}${risk.aspect ? `, ${termWord(risk.aspect, locale)}` : ''})`];
        if (risk.description) lines.push(risk.description);
        for (const m of risk.measures) lines.push(`• ${m.text}${m.by ? ` (${m.by}${m.within ? `, ${formatDuration(m.within, locale)}` : ''})` : ''}`);
        return lines.join('\n');
    }).join('\n\n');
}

// ---------------------------------------------------------------- helpers

/** One line of text whose line box starts at `top`. */
function text(content: string, x: number, top: number, font: FontSpec, fill: string, anchor: 'start' | 'middle' | 'end', cls?: string): string {
    const baseline = top + lineHeight(font) / 2 + font.size * 0.35;
    return `<text${cls ? ` class="${cls}"` : ''} x="${n(x)}" y="${n(baseline)}" font-size="${font.size}"${font.bold ? ' font-weight="bold"' : ''} fill="${fill}"${anchor === 'start' ? '' : ` text-anchor="${anchor}"`}>${escapeXml(content)}</text>`;
}

function pathOf(points: readonly Point[]): string {
    return points.map((pt, i) => `${i === 0 ? 'M' : 'L'}${n(pt.x)} ${n(pt.y)}`).join(' ');
}

function rangeAttr(name: string, range: DiagramRange | undefined): string {
    if (!range) return '';
    const values = [range.start.line, range.start.character, range.end.line, range.end.character];
    return values.every(value => Number.isInteger(value) && value >= 0) ? ` ${name}="${values.join(':')}"` : '';
}

/** A number for an attribute: finite, at most two decimals. */
function n(value: number): string {
    if (!Number.isFinite(value)) return '0';
    const rounded = Math.round(value * 100) / 100;
    return String(Object.is(rounded, -0) ? 0 : rounded);
}

function round(value: number): number {
    return Math.round(value * 100) / 100;
}

/**
 * Escapes text for XML content and attribute values alike: `& < > " '`, and
 * replaces what XML 1.0 cannot hold at all (control characters other than tab,
 * line feed and carriage return, lone surrogates, U+FFFE/U+FFFF) with U+FFFD.
 */
export function escapeXml(value: string): string {
    return String(value)
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');
}
