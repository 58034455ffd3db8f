/**
 * The flowchart preview's page script (bundled to dist/webview/preview.js, a
 * browser IIFE). It shows the SVG the host renders, and does everything that
 * is only about viewing: wheel zoom, drag pan, fit, the cursor's highlight,
 * risk tooltips, the stale banner, and Export PNG's rasterising. Clicking a
 * node asks the host to reveal its source.
 *
 * Text from `.sun` files reaches the page only inside the SVG (escaped by the
 * renderer) and in the node infos, which are shown with `textContent`, never
 * as markup. The SVG is parsed as XML, not HTML, and scripts, foreign objects
 * and event-handler attributes are stripped before it joins the page (the CSP
 * would block them anyway).
 */
import type { HostMessage, NodeInfo, PreviewCommand, PreviewState, PreviewStrings, ViewTransform, WebviewMessage } from '../preview/protocol.js';

interface VsCodeApi {
    postMessage(message: unknown): void;
    getState(): unknown;
    setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const post = (message: WebviewMessage) => vscode.postMessage(message);

let strings = JSON.parse(document.body.dataset.strings ?? '{}') as PreviewStrings;
const toolbar = document.getElementById('toolbar')!;
const banner = document.getElementById('banner')!;
const viewport = document.getElementById('viewport')!;
const canvas = document.getElementById('canvas')!;
const messageBox = document.getElementById('message')!;
const tooltip = document.getElementById('tooltip')!;

interface Saved extends PreviewState { readonly key?: string }
let saved = (vscode.getState() as Saved | null) ?? (JSON.parse(document.body.dataset.state ?? 'null') as Saved | null) ?? undefined;
let state: PreviewState = saved ?? { lanes: false, pinned: false };
let currentKey: string | undefined;
let view: ViewTransform = saved?.view ?? { scale: 1, x: 0, y: 0 };
let nodes = new Map<string, NodeInfo>();
let flows: readonly string[] = [];
let highlighted: string | undefined;

// ---------------------------------------------------------------- toolbar

const title = document.createElement('span');
title.className = 'title';
const buttons: Record<string, HTMLButtonElement> = {};
function button(id: string, label: string, onClick: () => void): HTMLButtonElement {
    const b = document.createElement('button');
    b.type = 'button';
    b.id = `btn-${id}`;
    b.textContent = label;
    b.title = label;
    b.addEventListener('click', onClick);
    buttons[id] = b;
    return b;
}
const command = (name: PreviewCommand) => () => post({ type: 'command', command: name });
toolbar.append(
    title,
    button('zoomOut', '−', () => zoomAt(1 / 1.25)),
    button('fit', strings.fit, fit),
    button('zoomIn', '+', () => zoomAt(1.25)),
    button('flow', strings.external, command('switchFlow')),
    button('lanes', strings.lanes, command('toggleLanes')),
    button('pin', strings.pin, command('pin')),
    button('exportSvg', strings.exportSvg, command('exportSvg')),
    button('exportPng', strings.exportPng, command('exportPng'))
);
/** Labels that do not depend on the state (set again when the language changes). */
function labelToolbar(): void {
    for (const [id, label] of [['fit', strings.fit], ['lanes', strings.lanes], ['exportSvg', strings.exportSvg], ['exportPng', strings.exportPng]] as const) {
        buttons[id].textContent = label;
        buttons[id].title = label;
    }
    buttons.zoomOut.title = strings.zoomOut;
    buttons.zoomIn.title = strings.zoomIn;
}
labelToolbar();

function updateToolbar(): void {
    const flow = state.flow ?? flows[0];
    buttons.flow.textContent = flow === 'internal' ? strings.internal : strings.external;
    buttons.flow.disabled = flows.length < 2;
    buttons.lanes.setAttribute('aria-pressed', String(state.lanes));
    buttons.pin.setAttribute('aria-pressed', String(state.pinned));
    buttons.pin.textContent = state.pinned ? strings.unpin : strings.pin;
}

// ---------------------------------------------------------------- view: zoom, pan, fit

function applyView(): void {
    canvas.style.transform = `translate(${view.x}px, ${view.y}px) scale(${view.scale})`;
}

let viewTimer: ReturnType<typeof setTimeout> | undefined;
function viewChanged(): void {
    applyView();
    persist();
    clearTimeout(viewTimer);
    viewTimer = setTimeout(() => post({ type: 'view', view }), 200);
}

function persist(): void {
    state = { ...state, view };
    vscode.setState({ ...state, key: currentKey } satisfies Saved);
}

function svgSize(): { width: number; height: number } | undefined {
    const svg = canvas.querySelector('svg');
    if (!svg) return undefined;
    return { width: Number(svg.getAttribute('width')) || 1, height: Number(svg.getAttribute('height')) || 1 };
}

function fit(): void {
    const size = svgSize();
    if (!size) return;
    const vw = viewport.clientWidth || 1, vh = viewport.clientHeight || 1;
    const scale = Math.max(0.05, Math.min(vw / size.width, vh / size.height, 2) * 0.96);
    view = { scale, x: (vw - size.width * scale) / 2, y: Math.max(8, (vh - size.height * scale) / 2) };
    viewChanged();
}

function zoomAt(factor: number, px = viewport.clientWidth / 2, py = viewport.clientHeight / 2): void {
    const scale = Math.min(8, Math.max(0.05, view.scale * factor));
    const k = scale / view.scale;
    view = { scale, x: px - (px - view.x) * k, y: py - (py - view.y) * k };
    viewChanged();
}

viewport.addEventListener('wheel', event => {
    event.preventDefault();
    const rect = viewport.getBoundingClientRect();
    const delta = event.deltaMode === 1 ? event.deltaY * 16 : event.deltaY;
    zoomAt(Math.exp(-delta * 0.0015), event.clientX - rect.left, event.clientY - rect.top);
}, { passive: false });

let drag: { x: number; y: number; startX: number; startY: number; moved: boolean; pointer: number } | undefined;
viewport.addEventListener('pointerdown', event => {
    if (event.button !== 0) return;
    drag = { x: view.x, y: view.y, startX: event.clientX, startY: event.clientY, moved: false, pointer: event.pointerId };
});
viewport.addEventListener('pointermove', event => {
    if (!drag || event.pointerId !== drag.pointer) return;
    const dx = event.clientX - drag.startX, dy = event.clientY - drag.startY;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    if (!drag.moved) {
        drag.moved = true;
        viewport.setPointerCapture(event.pointerId);
        viewport.classList.add('dragging');
        hideTooltip();
    }
    view = { ...view, x: drag.x + dx, y: drag.y + dy };
    viewChanged();
});
const endDrag = (event: PointerEvent) => {
    if (!drag || event.pointerId !== drag.pointer) return;
    const wasClick = !drag.moved;
    drag = undefined;
    viewport.classList.remove('dragging');
    if (viewport.hasPointerCapture(event.pointerId)) viewport.releasePointerCapture(event.pointerId);
    if (wasClick && event.type === 'pointerup') reveal(event.target);
};
viewport.addEventListener('pointerup', endDrag);
viewport.addEventListener('pointercancel', endDrag);
viewport.addEventListener('keydown', event => {
    if (event.key === '0') fit();
    else if (event.key === '+' || event.key === '=') zoomAt(1.25);
    else if (event.key === '-') zoomAt(1 / 1.25);
});

// ---------------------------------------------------------------- reveal, highlight, tooltips

function nodeElement(target: EventTarget | null): Element | undefined {
    return target instanceof Element ? target.closest('[data-node-id]') ?? undefined : undefined;
}

function reveal(target: EventTarget | null): void {
    const element = nodeElement(target);
    const info = element ? nodes.get(element.getAttribute('data-node-id') ?? '') : undefined;
    if (!element || !info) return;
    const grade = element.classList.contains('sl-badge') ? element.getAttribute('data-grade') : undefined;
    const risk = grade ? info.risks.find(r => (r.grade ?? 'none') === grade && r.range) : undefined;
    const range = risk?.range ?? info.range ?? info.extent;
    if (range) post({ type: 'reveal', nodeId: info.id, range });
}

function highlight(nodeId: string | undefined): void {
    highlighted = nodeId;
    for (const element of Array.from(canvas.querySelectorAll('g.sl-node'))) {
        element.classList.toggle('sl-highlight', nodeId !== undefined && element.getAttribute('data-node-id') === nodeId);
    }
}

function hideTooltip(): void {
    tooltip.hidden = true;
    tooltip.replaceChildren();
}

viewport.addEventListener('pointerover', event => {
    if (drag?.moved) return;
    const badge = event.target instanceof Element ? event.target.closest('.sl-badge') : null;
    if (!badge) return;
    const info = nodes.get(badge.getAttribute('data-node-id') ?? '');
    const grade = badge.getAttribute('data-grade') ?? 'none';
    const risks = info?.risks.filter(r => (r.grade ?? 'none') === grade) ?? [];
    if (risks.length === 0) return;
    tooltip.replaceChildren(...risks.map(risk => {
        const item = document.createElement('div');
        item.className = 'risk';
        const head = document.createElement('div');
        head.className = `risk-name grade-${grade}`;
        head.textContent = risk.name;
        const meta = document.createElement('div');
        meta.className = 'risk-meta';
        meta.textContent = [`${strings.riskPoint} · ${strings.grade[(risk.grade ?? 'none') as keyof PreviewStrings['grade']]}`,
            risk.aspect ? strings.aspect[risk.aspect] ?? risk.aspect : undefined].filter(Boolean).join(' · ');
        item.append(head, meta);
        if (risk.description) {
            const description = document.createElement('div');
            description.className = 'risk-description';
            description.textContent = risk.description;
            item.append(description);
        }
        if (risk.measures.length > 0) {
            const label = document.createElement('div');
            label.className = 'risk-measures-label';
            label.textContent = strings.measures;
            const list = document.createElement('ul');
            for (const measure of risk.measures) {
                const li = document.createElement('li');
                li.textContent = measure.by ? `${measure.text} (${measure.by})` : measure.text;
                list.append(li);
            }
            item.append(label, list);
        }
        return item;
    }));
    tooltip.hidden = false;
    placeTooltip(event as PointerEvent);
});
viewport.addEventListener('pointermove', event => { if (!tooltip.hidden) placeTooltip(event); });
viewport.addEventListener('pointerout', event => {
    const badge = event.target instanceof Element ? event.target.closest('.sl-badge') : null;
    const into = event.relatedTarget instanceof Element ? event.relatedTarget.closest('.sl-badge') : null;
    if (badge && badge !== into) hideTooltip();
});

function placeTooltip(event: PointerEvent): void {
    const pad = 12;
    const width = tooltip.offsetWidth, height = tooltip.offsetHeight;
    let x = event.clientX + pad, y = event.clientY + pad;
    if (x + width > window.innerWidth) x = Math.max(0, event.clientX - pad - width);
    if (y + height > window.innerHeight) y = Math.max(0, event.clientY - pad - height);
    tooltip.style.left = `${x}px`;
    tooltip.style.top = `${y}px`;
}

// ---------------------------------------------------------------- drawing

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Parses the host's SVG as XML and drops anything active (defence in depth: the renderer escapes all text). */
function parseSvg(text: string): SVGSVGElement | undefined {
    const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = parsed.documentElement;
    if (!root || root.namespaceURI !== SVG_NS || root.localName !== 'svg' || parsed.getElementsByTagName('parsererror').length > 0) return undefined;
    for (const element of Array.from(root.querySelectorAll('script, foreignObject, iframe, object, embed, a, use, image, animate, set'))) element.remove();
    for (const element of [root, ...Array.from(root.querySelectorAll('*'))]) {
        for (const attribute of Array.from(element.attributes)) {
            if (/^on/i.test(attribute.name) || /href$/i.test(attribute.name)) element.removeAttribute(attribute.name);
        }
    }
    // Badges get the page's own tooltip instead of the SVG's plain-text one.
    for (const t of Array.from(root.querySelectorAll('.sl-badge > title'))) t.remove();
    return document.importNode(root, true) as unknown as SVGSVGElement;
}

function showBanner(text: string | undefined): void {
    banner.hidden = text === undefined;
    banner.textContent = text ?? '';
}

function handle(message: HostMessage): void {
    switch (message.type) {
        case 'render': {
            const svg = parseSvg(message.svg);
            if (!svg) return;
            const sameDrawing = message.key === currentKey || (currentKey === undefined && saved?.key === message.key && saved?.view !== undefined);
            canvas.replaceChildren(svg);
            messageBox.hidden = true;
            nodes = new Map(message.nodes.map(node => [node.id, node]));
            flows = message.flows;
            state = { ...message.state, view };
            currentKey = message.key;
            saved = undefined;
            title.textContent = message.title;
            document.title = message.title;
            showBanner(message.stale);
            updateToolbar();
            hideTooltip();
            if (highlighted) highlight(highlighted);
            if (sameDrawing) viewChanged(); else fit();
            break;
        }
        case 'stale':
            showBanner(message.message);
            break;
        case 'empty':
            canvas.replaceChildren();
            nodes = new Map();
            currentKey = undefined;
            state = { ...message.state, view };
            messageBox.textContent = message.message;
            messageBox.hidden = false;
            title.textContent = '';
            showBanner(undefined);
            updateToolbar();
            persist();
            break;
        case 'highlight':
            highlight(message.nodeId);
            break;
        case 'strings':
            strings = message.strings;
            labelToolbar();
            updateToolbar();
            hideTooltip();
            break;
        case 'rasterise':
            void rasterise(message.requestId, message.svg, message.scale);
            break;
    }
}

async function rasterise(requestId: number, svgText: string, scale: number): Promise<void> {
    const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
    try {
        const image = new Image();
        await new Promise<void>((resolve, reject) => {
            image.onload = () => resolve();
            image.onerror = () => reject(new Error('the SVG could not be drawn'));
            image.src = url;
        });
        const width = Math.ceil(image.naturalWidth * scale), height = Math.ceil(image.naturalHeight * scale);
        const surface = document.createElement('canvas');
        surface.width = width;
        surface.height = height;
        const context = surface.getContext('2d');
        if (!context) throw new Error('no 2D canvas');
        context.fillStyle = '#ffffff';
        context.fillRect(0, 0, width, height);
        context.drawImage(image, 0, 0, width, height);
        const data = surface.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
        post({ type: 'rasterised', requestId, data });
    } catch (error) {
        post({ type: 'rasterised', requestId, error: error instanceof Error ? error.message : String(error) });
    } finally {
        URL.revokeObjectURL(url);
    }
}

window.addEventListener('message', event => {
    const message = event.data as HostMessage | undefined;
    if (message && typeof message === 'object' && typeof message.type === 'string') handle(message);
});
window.addEventListener('resize', () => { if (!currentKey) return; applyView(); });

applyView();
updateToolbar();
post({ type: 'ready' });
