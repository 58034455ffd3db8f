import { randomBytes } from 'node:crypto';
import type { Locale } from '../../language/messages.js';
import type { PreviewState, PreviewStrings } from './protocol.js';
import { html } from '../../flowchart/markup.js';

/**
 * The preview's HTML page, built on the host. No `vscode` import, so that
 * tests load exactly this page in a real browser.
 *
 * Strict Content Security Policy: nothing by default; the script only with
 * this page's nonce (no inline handlers, no eval); style sheets and images
 * only from the extension's own folder (`cspSource`, with localResourceRoots
 * set to dist/webview), plus `blob:`/`data:` images for Export PNG's canvas.
 * Strings and the saved state travel in `data-` attributes, escaped.
 */
export interface PreviewHtmlOptions {
    /** `webview.cspSource`. */
    readonly cspSource: string;
    readonly nonce: string;
    /** `webview.asWebviewUri(dist/webview/preview.js)`. */
    readonly scriptUri: string;
    readonly styleUri: string;
    readonly strings: PreviewStrings;
    readonly locale: Locale;
    readonly state?: PreviewState;
}

export function makeNonce(): string {
    return randomBytes(18).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
    return [
        "default-src 'none'",
        `img-src ${cspSource} data: blob:`,
        `style-src ${cspSource}`,
        `font-src ${cspSource}`,
        `script-src 'nonce-${nonce}'`
    ].join('; ');
}

export function previewHtml(options: PreviewHtmlOptions): string {
    if (!/^[A-Za-z0-9+/=]+$/.test(options.nonce)) throw new Error('invalid nonce');
    // Every value is escaped by `html` (flowchart/markup.ts); the nonce is checked above.
    return String(html`<!DOCTYPE html>
<html lang="${options.locale === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(options.cspSource, options.nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${options.styleUri}">
<title>${options.strings.loading}</title>
</head>
<body data-strings="${JSON.stringify(options.strings)}" data-state="${JSON.stringify(options.state ?? null)}">
<div id="toolbar" role="toolbar"></div>
<div id="banner" role="status" hidden></div>
<div id="viewport" tabindex="0"><div id="canvas"></div><div id="message">${options.strings.loading}</div></div>
<div id="tooltip" role="tooltip" hidden></div>
<script nonce="${options.nonce}" src="${options.scriptUri}"></script>
</body>
</html>
`);
}

/** The webview's interface texts. */
export function previewStrings(locale: Locale): PreviewStrings {
    return locale === 'zh'
        ? {
            fit: '适应窗口', zoomIn: '放大', zoomOut: '缩小', external: '外部流程', internal: '内部流程', lanes: '泳道',
            pin: '固定', unpin: '取消固定', exportSvg: '导出 SVG', exportPng: '导出 PNG',
            stale: '文件有语法错误,显示的是最后一次正确的流程图', empty: '光标所在文件中没有职权', loading: '流程图预览',
            grade: { high: '高', medium: '中', low: '低', none: '未定级' },
            aspect: { duty: '岗位职责', process: '业务流程', mechanism: '制度机制' },
            measures: '防控措施', riskPoint: '风险点'
        }
        : {
            fit: 'Fit', zoomIn: 'Zoom in', zoomOut: 'Zoom out', external: 'External flow', internal: 'Internal flow', lanes: 'Swimlanes',
            pin: 'Pin', unpin: 'Unpin', exportSvg: 'Export SVG', exportPng: 'Export PNG',
            stale: 'The file has syntax errors: showing the last good flowchart', empty: 'No power in this file', loading: 'Flowchart preview',
            grade: { high: 'high', medium: 'medium', low: 'low', none: 'ungraded' },
            aspect: { duty: 'post duties', process: 'business process', mechanism: 'institutional mechanism' },
            measures: 'Control measures', riskPoint: 'Risk point'
        };
}
