// 8. Export SVG from the preview writes a file that matches `sunlight export flowchart` for the
//    same power (byte for byte: both draw with the print palette through the same pipeline).
//    In Chinese (sunlight.locale = zh-cn), the language the CLI uses by default for hand-in files.
'use strict';
const fs = require('fs');
const path = require('path');
const { makeWorkspace, until, sleep, assert, positionOf, sunlight } = require('../lib.cjs');
const { openPreview } = require('../preview.cjs');

const NAME = '财务处-经费报销审核-external.svg';

module.exports = {
  title: "Export SVG writes the same file as 'sunlight export flowchart'",
  async run({ wb, page, check, log, repo, wsBase, id }) {
    const ws = makeWorkspace(repo, wsBase, id, { settings: { 'sunlight.locale': 'zh-cn' } });
    const text = fs.readFileSync(path.join(ws, 'departments', 'finance.sun'), 'utf8');
    const saved = path.join(ws, 'departments', NAME);
    await check('open the preview of 经费报销审核', async () => {
      await wb.open(ws);
      await wb.openFile('departments/finance.sun');
      const p = positionOf(text, 'power 经费报销审核', 'power '.length + 1);
      await wb.goto(p.line, p.column);
      await openPreview(wb);
      await until(async () => (await wb.webview().locator('svg.sunlight-flowchart').first().getAttribute('data-power')) === '经费报销审核', { what: 'the preview of 经费报销审核' });
    });
    await check(`'Sunlight: Export Flowchart as SVG' saves departments/${NAME} (save dialog accepted as proposed)`, async () => {
      await wb.command('Sunlight: Export Flowchart as SVG');
      // code-server's save dialog is VS Code's simple dialog: a quick input holding the proposed path
      const input = page.locator('.quick-input-widget input.input');
      await input.waitFor();
      // the simple dialog fills in the folder first, then the proposed name
      const proposed = await until(async () => { const v = await input.inputValue(); return v.endsWith('.svg') ? v : false; },
        { what: 'a proposed .svg name in the save dialog', timeout: 60000 }).catch(async e => { throw new Error(`${e.message}: ${await input.inputValue()}`); });
      assert(proposed === saved, `the dialog proposes ${proposed}, expected ${saved}`);
      await wb.shot('save-dialog');
      await page.keyboard.press('Enter');
      await until(() => fs.existsSync(saved) && fs.statSync(saved).size > 0, { what: `${saved} written` });
      await until(async () => (await page.locator('.notifications-toasts', { hasText: /已导出|Exported/ }).count()) > 0, { what: 'the notification', timeout: 60000 }).catch(() => {});
      return proposed;
    });
    await wb.shot('exported');
    await check("the file is byte for byte what 'sunlight export flowchart --power 经费报销审核 --flow external --format svg' writes", async () => {
      const out = path.join(wsBase, id, 'cli-out');
      const r = sunlight(repo, ['export', 'flowchart', ws, '--power', '经费报销审核', '--flow', 'external', '--format', 'svg', '--out', out]);
      assert(r.status === 0, `sunlight export flowchart exit ${r.status}: ${r.stderr}`);
      const cliFiles = fs.readdirSync(out);
      assert(cliFiles.includes(NAME), `the CLI wrote ${JSON.stringify(cliFiles)}`);
      const a = fs.readFileSync(saved, 'utf8'), b = fs.readFileSync(path.join(out, NAME), 'utf8');
      if (a !== b) {
        const la = a.split('\n'), lb = b.split('\n');
        const n = la.findIndex((l, i) => l !== lb[i]);
        throw new Error(`differ at line ${n + 1} of ${la.length}/${lb.length}:\n  editor: ${String(la[n]).slice(0, 200)}\n  cli:    ${String(lb[n]).slice(0, 200)}`);
      }
      assert(/开始/.test(a) && /经费报销审核/.test(a), 'the SVG lacks its Chinese labels');
      return `${a.length} characters, identical`;
    });
  },
};
