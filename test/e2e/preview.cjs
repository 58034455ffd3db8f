// Helpers for the flowchart preview (a webview: outer iframe.webview > inner iframe#active-frame).
'use strict';
const { assert } = require('./lib.cjs');

/** The names of the steps and decisions of a power's flow, in source order (from the .sun text). */
function flowNames(text, power) {
  const start = text.indexOf(`power ${power} {`);
  assert(start >= 0, `power ${power} not found`);
  const next = text.indexOf('\n    power ', start + 1);
  const body = text.slice(start, next < 0 ? text.length : next);
  return [...body.matchAll(/^\s*(?:step|decision)\s+([^\s{]+)/gmu)].map(m => m[1]);
}

/** The node names drawn in the preview's SVG (a wrapped name's lines joined). */
async function previewNames(view) {
  return view.locator('svg.sunlight-flowchart g.sl-node').evaluateAll(nodes =>
    nodes.map(n => [...n.querySelectorAll('text.sl-node-name')].map(t => t.textContent).join('')));
}

async function openPreview(wb) {
  await wb.command('Sunlight: Open Flowchart Preview');
  await wb.page.locator('.tabs-container .tab', { hasText: /Flowchart|流程图|Preview/ }).first().waitFor();
  await wb.webview().locator('svg.sunlight-flowchart').first().waitFor();
}

/** The text of a visible banner/alert in the preview, or '' when there is none (read in one go:
 *  the banner may go while we look). */
async function banner(view) {
  const texts = await view.locator('[role="alert"], .banner, #banner, .sl-banner, .error-banner').evaluateAll(els => els
    .filter(e => !e.hidden && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
    .map(e => (e.textContent || '').trim()).filter(Boolean));
  return texts[0] || '';
}

module.exports = { flowNames, previewNames, openPreview, banner };
