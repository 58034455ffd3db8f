// 7. Chinese: with the `sunlight.locale` setting at zh-cn, diagnostics and the preview's labels
//    are Chinese. Starts in English (the display language), then switches the setting live.
'use strict';
const fs = require('fs');
const path = require('path');
const { makeWorkspace, until, sleep, assert, positionOf } = require('../lib.cjs');
const { openPreview } = require('../preview.cjs');

module.exports = {
  title: 'sunlight.locale = zh-cn: Chinese diagnostics and preview labels',
  async run({ wb, page, check, log, repo, wsBase, id }) {
    const ws = makeWorkspace(repo, wsBase, id, { settings: { 'sunlight.locale': 'en' } });
    const settingsFile = path.join(ws, '.vscode', 'settings.json');
    // a risk without a grade, on disk before the editor opens: a diagnostic to read
    const file = path.join(ws, 'departments', 'finance.sun');
    let text = fs.readFileSync(file, 'utf8');
    const riskAt = text.indexOf('risk 虚假票据报销');
    const gradeLine = '            grade medium\n';
    const gradeAt = text.indexOf(gradeLine, riskAt);
    text = text.slice(0, gradeAt) + text.slice(gradeAt + gradeLine.length);
    fs.writeFileSync(file, text);
    const row = () => page.locator('.markers-panel .monaco-list-row', { hasText: 'missing-grade' }).first();
    const view = wb.webview();
    const svgText = async () => ((await view.locator('svg.sunlight-flowchart').first().textContent({ timeout: 5000 })) || '');

    await check('in English first: the missing-grade message and the preview labels are English', async () => {
      await wb.open(ws);
      await wb.openFile('departments/finance.sun');
      await wb.openProblems();
      await until(async () => /has no grade/.test((await row().textContent({ timeout: 2000 })) || ''), { what: "the English message 'has no grade'" });
      const rows = await wb.problemRows();
      assert(rows.length === 1, `expected only the missing-grade problem, got ${JSON.stringify(rows)}`);
      const p = positionOf(text, 'power 经费报销审核', 'power '.length + 1);
      await wb.goto(p.line, p.column);
      await openPreview(wb);
      await until(async () => /Start/.test(await svgText()) && /End/.test(await svgText()), { what: "'Start' and 'End' in the preview" });
    });
    await check('setting sunlight.locale to zh-cn turns the Problems panel Chinese', async () => {
      fs.writeFileSync(settingsFile, JSON.stringify({ 'sunlight.locale': 'zh-cn' }, null, 2));
      const t = await until(async () => {
        const s = (await row().textContent({ timeout: 2000 })) || '';
        return /风险点“虚假票据报销”未评定等级/.test(s) ? s : false;
      }, { what: 'the Chinese message 风险点“虚假票据报销”未评定等级' });
      await sleep(1500); // anything else the switch brings would show by now
      const rows = await wb.problemRows();
      assert(rows.length === 1, `switching the language must not add problems: ${JSON.stringify(rows)}`);
      return t;
    });
    await check("the preview's labels are Chinese (开始, 结束, 责任主体, 权力运行流程图 …)", async () => {
      const words = ['开始', '结束', '责任主体'];
      const s = await until(async () => { const s = await svgText(); return words.every(w => s.includes(w)) && !/\bStart\b/.test(s) ? s : false; },
        { what: `${words.join(', ')} in the preview`, timeout: 60000 }).catch(async e => { throw new Error(`${e.message}; svg text: ${(await svgText()).slice(0, 300)}`); });
      return s.slice(0, 80);
    });
    await wb.toggleSideBar();
    await view.locator('button', { hasText: /^(Fit|适应窗口)$/ }).first().click().catch(() => {});
    await sleep(500);
    await wb.shot('chinese');
    await check("the preview's toolbar is Chinese too (适应窗口, 泳道, 导出 SVG …)", async () => {
      const buttons = async () => (await view.locator('#toolbar button').allTextContents()).map(s => s.trim()).filter(Boolean);
      const b = await until(async () => { const b = await buttons(); return b.includes('适应窗口') && !b.some(t => /^(Fit|Swimlanes|Pin|Export SVG)$/.test(t)) ? b : false; },
        { what: 'Chinese toolbar buttons', timeout: 60000 }).catch(async e => { throw new Error(`${e.message}; buttons: ${JSON.stringify(await buttons())}`); });
      return JSON.stringify(b);
    });
  },
};
