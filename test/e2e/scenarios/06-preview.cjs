// 6. The flowchart preview: the SVG shows every step of the power; clicking a step moves the
//    editor's cursor to it; editing a step's name updates the preview; broken syntax keeps the
//    last good drawing under a banner.
'use strict';
const fs = require('fs');
const path = require('path');
const { makeWorkspace, until, sleep, assert, positionOf } = require('../lib.cjs');
const { flowNames, previewNames, openPreview, banner } = require('../preview.cjs');

module.exports = {
  title: 'flowchart preview: every step, click to reveal, live edits, last good drawing on errors',
  async run({ wb, page, check, log, repo, wsBase, id }) {
    const ws = makeWorkspace(repo, wsBase, id);
    const file = path.join(ws, 'departments', 'finance.sun');
    const text = fs.readFileSync(file, 'utf8');
    const names = flowNames(text, '经费报销审核');
    const view = wb.webview();
    await check('open departments/finance.sun with the cursor in the power 经费报销审核', async () => {
      await wb.open(ws);
      await wb.openFile('departments/finance.sun');
      const p = positionOf(text, 'power 经费报销审核', 'power '.length + 1);
      await wb.goto(p.line, p.column);
    });
    await check(`'Sunlight: Open Flowchart Preview' shows every step and decision (${names.length})`, async () => {
      await openPreview(wb);
      const shown = await until(async () => {
        const s = await previewNames(view);
        return names.every(n => s.includes(n)) ? s : false;
      }, { what: `the names ${JSON.stringify(names)} in the preview's SVG` }).catch(async e => {
        throw new Error(`${e.message}; shown: ${JSON.stringify(await previewNames(view).catch(() => []))}`);
      });
      const power = await view.locator('svg.sunlight-flowchart').first().getAttribute('data-power');
      assert(power === '经费报销审核', `the preview shows the power ${power}`);
      return JSON.stringify(shown);
    });
    await sleep(500);
    await wb.shot('preview');
    if (!wb.stopped) { // a roomier picture for the README: no side bar, the preview fitted again
      await wb.toggleSideBar();
      await view.locator('button', { hasText: /^(Fit|适应窗口)$/ }).first().click().catch(() => {});
      await sleep(500);
      await wb.shot('preview-wide');
      await wb.toggleSideBar();
    }
    await check('clicking the step 复核 in the preview moves the editor cursor to it', async () => {
      const target = positionOf(text, 'step 复核 by', 'step '.length);
      await wb.goto(1, 1);
      const node = view.locator('svg.sunlight-flowchart g.sl-node', { has: view.locator('text.sl-node-name', { hasText: /^复核$/ }) }).first();
      await node.click();
      await wb.waitCursor(target.line);
      return `cursor at ${JSON.stringify(await wb.cursor())}`;
    });
    await check('typing in a step name (提交单据 → 提交报销单据) updates the preview', async () => {
      const p = positionOf(text, 'step 提交单据', 'step 提交'.length);
      await wb.goto(p.line, p.column);
      const t = Date.now();
      await page.keyboard.insertText('报销');
      await until(async () => (await previewNames(view)).includes('提交报销单据'), { what: 'the new name 提交报销单据 in the preview', timeout: 60000 });
      const gone = !(await previewNames(view)).includes('提交单据');
      assert(gone, 'the old name 提交单据 is still drawn');
      return `${Date.now() - t} ms`;
    });
    await check('breaking the syntax keeps the last good drawing and shows a banner', async () => {
      const p = positionOf(text, 'step 初审 by 报销会计', 0);
      await wb.goto(p.line, 13);
      await page.keyboard.insertText('step {{ ');
      const b = await until(async () => { const t = await banner(view); return t || false; }, { what: 'a banner in the preview', timeout: 60000 });
      await sleep(1000); // the drawing must still be there after the (failed) update
      const s = await previewNames(view);
      assert(names.filter(n => n !== '提交单据').every(n => s.includes(n)) && s.includes('提交报销单据'), `the drawing changed: ${JSON.stringify(s)}`);
      return JSON.stringify(b);
    });
    await wb.shot('broken');
    await check('removing the break removes the banner', async () => {
      for (let i = 0; i < 'step {{ '.length; i++) await page.keyboard.press('Backspace');
      await until(async () => !(await banner(view)), { what: 'the banner to go', timeout: 60000 });
    });
  },
};
