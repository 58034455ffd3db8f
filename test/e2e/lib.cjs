// Helpers for driving VS Code (code-server) with playwright-core: workbench, explorer,
// editor, command palette, Problems panel, webviews. Each waits for what it did to show.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const STEP_TIMEOUT = Number(process.env.STEP_TIMEOUT_MS || 60000);
const sleep = ms => new Promise(r => setTimeout(r, ms));

class CheckError extends Error {}
function assert(cond, message) { if (!cond) throw new CheckError(message); }

/** Polls fn until it returns a truthy value; throws with the last value/error after timeout. */
async function until(fn, { timeout = STEP_TIMEOUT, interval = 200, what = 'condition' } = {}) {
  const start = Date.now();
  let last;
  for (;;) {
    try { last = await fn(); if (last) return last; } catch (e) { last = e; }
    if (Date.now() - start > timeout) {
      throw new CheckError(`timed out after ${timeout} ms waiting for ${what}` +
        (last instanceof Error ? ` (last error: ${last.message.split('\n')[0]})` : last !== undefined ? ` (last: ${JSON.stringify(last)})` : ''));
    }
    await sleep(interval);
  }
}

// ------------------------------------------------------------------ text positions
/** 1-based line and (UTF-16) column of `needle` in `text` (+ `delta` characters), as VS Code counts them. */
function positionOf(text, needle, delta = 0, from = 0) {
  const at = text.indexOf(needle, from);
  if (at < 0) throw new CheckError(`'${needle}' not found in the file`);
  const before = text.slice(0, at + delta).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1, offset: at + delta };
}

// ------------------------------------------------------------------ workspaces
/** A fresh copy of examples/ under base/id/examples (the folder name the explorer shows). */
function makeWorkspace(repo, base, id, { settings } = {}) {
  const dir = path.join(base, id, 'examples');
  fs.rmSync(path.join(base, id), { recursive: true, force: true });
  fs.cpSync(path.join(repo, 'examples'), dir, { recursive: true });
  if (settings) {
    fs.mkdirSync(path.join(dir, '.vscode'), { recursive: true });
    fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), JSON.stringify(settings, null, 2));
  }
  return dir;
}

/** Runs the project's own CLI (bin/sunlight.cjs) and returns { status, stdout, stderr }. */
function sunlight(repo, args, opts = {}) {
  const r = spawnSync(process.execPath, [path.join(repo, 'bin', 'sunlight.cjs'), ...args], { encoding: 'utf8', ...opts });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// ------------------------------------------------------------------ the workbench
class Workbench {
  constructor(page, { url, shots, prefix, log }) {
    this.page = page; this.url = url; this.shots = shots; this.prefix = prefix; this.log = log;
    this.file = undefined; // name of the file opened last (its editor is the one we type in)
  }

  /** The group showing the file opened last (another group, e.g. the preview's, may be active). */
  get group() {
    const tab = this.page.locator('.tabs-container .tab.active', { hasText: this.file || '' });
    return this.page.locator('.editor-group-container', { has: tab }).first();
  }

  get editor() {
    return this.group.locator('.editor-instance .monaco-editor').first();
  }

  /** A screenshot in the artefacts folder; after a failed check only the FAILED one is taken. */
  async shot(name) {
    if (this.stopped && name !== 'FAILED') return undefined;
    const file = path.join(this.shots, `${this.prefix}-${name}.png`);
    await this.page.screenshot({ path: file });
    this.log(`screenshot ${file}`);
    return file;
  }

  async open(folder) {
    await this.page.goto(`${this.url}/?folder=${encodeURIComponent(folder)}`, { waitUntil: 'domcontentloaded' });
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    await this.explorerRow('departments').waitFor({ timeout: 60000 });
  }

  explorerRow(name) {
    return this.page.locator('.explorer-folders-view .monaco-list-row', { has: this.page.locator('.label-name', { hasText: new RegExp(`^${name.replace(/[.]/g, '\\.')}$`) }) }).first();
  }

  /** Opens a file through the explorer (e.g. 'departments/finance.sun'); waits for its tab and the Sunlight mode. */
  async openFile(rel) {
    const parts = rel.split('/');
    for (const dir of parts.slice(0, -1)) {
      const row = this.explorerRow(dir);
      await row.waitFor();
      if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
    }
    const name = parts[parts.length - 1];
    const row = this.explorerRow(name);
    await row.waitFor();
    await row.click();
    this.file = name;
    await this.page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
    await this.editor.locator('.view-line').first().waitFor();
    await this.waitLanguageMode('Sunlight');
  }

  async waitLanguageMode(name, timeout = STEP_TIMEOUT) {
    await this.page.locator('[id="status.editor.mode"]').filter({ hasText: new RegExp(`^\\s*${name}\\s*$`) }).waitFor({ timeout });
  }

  /** Runs a command by its palette title (F1, type, Enter). */
  async command(title) {
    await this.quickInput('>' + title, title);
  }

  async quickInput(value, rowText) {
    const input = this.page.locator('.quick-input-widget input.input');
    if (!(await input.isVisible())) await this.page.keyboard.press('F1');
    await input.waitFor();
    await input.fill(value);
    if (rowText) {
      const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: rowText }).first();
      await row.click();
    } else {
      await sleep(300);
      await this.page.keyboard.press('Enter');
    }
    // closed, or reused at once by what the command asks (a save dialog is a quick input too)
    await until(async () => !(await input.isVisible()) || (await input.inputValue()) !== value, { what: 'the command palette to close', timeout: 60000 });
  }

  /** Focuses the file's editor (a click on its tab keeps the cursor where it was). */
  async focusEditor() {
    await this.group.locator('.tabs-container .tab.active', { hasText: this.file || '' }).click();
    await until(() => this.editor.evaluate(e => e.classList.contains('focused')), { what: 'the editor focused', timeout: 60000 });
    await this.page.mouse.move(700, 880); // away from the tab: no tooltip over the editor
  }

  /** Moves the cursor to 1-based line/column: Go to Line, then arrow keys (Go to Line counts
   *  columns visually, a CJK character as two; the arrows count characters like LSP and Ln/Col). */
  async goto(line, column = 1) {
    await this.focusEditor();
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input.input');
    await input.waitFor();
    await input.fill(`:${line}:1`);
    await sleep(150);
    await this.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden' });
    await this.waitCursor(line, 1);
    for (let i = 1; i < column; i++) await this.page.keyboard.press('ArrowRight');
    await this.waitCursor(line, column);
  }

  /** Types lines one by one with Enter. The test settings turn auto-indent and auto-closing
   *  off (run.sh), so what is typed is exactly what lands in the file. */
  async typeLines(lines) {
    for (let i = 0; i < lines.length; i++) {
      if (i > 0) await this.page.keyboard.press('Enter');
      await this.page.keyboard.insertText(lines[i]);
    }
  }

  async cursor() {
    const t = (await this.page.locator('[id="status.editor.selection"]').textContent()) || '';
    const m = /Ln (\d+), Col (\d+)/.exec(t);
    return m ? { line: Number(m[1]), column: Number(m[2]) } : undefined;
  }

  async waitCursor(line, column, timeout = STEP_TIMEOUT) {
    await until(async () => { const c = await this.cursor(); return c && c.line === line && (column === undefined || c.column === column); },
      { timeout, what: `cursor at Ln ${line}${column ? ', Col ' + column : ''} (now ${JSON.stringify(await this.cursor())})` });
  }

  /** Text of the rendered (visible) lines of the active editor. */
  async visibleLines() {
    return this.editor.locator('.view-line').allTextContents().then(a => a.map(s => s.replace(/\u00a0/g, ' ')));
  }

  /** The problems counts shown in the status bar: { errors, warnings, infos } */
  async problemCounts() {
    const label = (await this.page.locator('[id="status.problems"] a, [id="status.problems"]').first().getAttribute('aria-label')) || '';
    const text = (await this.page.locator('[id="status.problems"]').textContent()) || '';
    if (/No Problems/i.test(label)) return { errors: 0, warnings: 0, infos: 0, label };
    const num = re => { const m = re.exec(label); return m ? Number(m[1]) : 0; };
    return { errors: num(/(\d+)\s+Error/i), warnings: num(/(\d+)\s+Warning/i), infos: num(/(\d+)\s+Info/i), label, text };
  }

  async openProblems() {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) await this.command('View: Focus Problems');
    await panel.waitFor();
  }

  /** The Problems panel rows' texts (message, code, file, position). */
  async problemRows() {
    const rows = await this.page.locator('.markers-panel .monaco-list-row').allTextContents();
    return rows.filter(r => /\[Ln \d+, Col \d+\]/.test(r)); // marker rows, not the file rows
  }

  /** Every label of the open suggest widget (it renders only the visible rows: page through). */
  async suggestLabels() {
    const rows = this.page.locator('.suggest-widget.visible .monaco-list-row');
    const labels = new Map();
    let same = 0;
    for (let i = 0; i < 60 && same < 2; i++) {
      const before = labels.size;
      for (const r of await rows.evaluateAll(els => els.map(e => [Number(e.getAttribute('data-index')), (e.querySelector('.label-name') || e).textContent]))) labels.set(r[0], r[1]);
      same = labels.size === before ? same + 1 : 0;
      await this.page.keyboard.press('PageDown');
      await sleep(60);
    }
    return [...labels.entries()].sort((a, b) => a[0] - b[0]).map(e => e[1]);
  }

  /** Hides/shows the side bar (explorer), e.g. to give a screenshot room. */
  async toggleSideBar() {
    await this.command('View: Toggle Primary Side Bar Visibility');
    await sleep(400);
  }

  async saveAll() {
    await this.command('File: Save All Files');
    await until(async () => (await this.page.locator('.tabs-container .tab.dirty').count()) === 0, { what: 'no unsaved editors' });
  }

  /** The webview's inner frame (extension HTML), e.g. the flowchart preview. */
  webview() {
    return this.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  }
}

module.exports = { Workbench, until, sleep, assert, CheckError, positionOf, makeWorkspace, sunlight, STEP_TIMEOUT };
