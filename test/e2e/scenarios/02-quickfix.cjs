// 2. Type a risk without a grade: the Problems panel shows missing-grade within a few seconds;
//    apply the quick fix from the light bulb; the problem disappears and the file parses.
'use strict';
const fs = require('fs');
const path = require('path');
const { makeWorkspace, until, sleep, assert, positionOf, sunlight } = require('../lib.cjs');

// A functional check waits for the condition, generously, and never asserts a
// duration (durations belong in `npm run bench`): the time taken is only reported.
const DIAGNOSTIC_WAIT_MS = Number(process.env.E2E_DIAGNOSTIC_WAIT_MS || 120000);
const RISK = [
  'risk 印章外借无登记 {',
  '    description "财务印章外借使用未登记,存在被滥用的风险"',
  '    aspect mechanism',
  '    probability low',
  '    harm medium',
  '    cause "印章使用登记制度执行不严"',
  '    consequence disciplinary',
  '    owner 王芳',
  '    found by 王芳 self',
  '    measure "印章外借一律登记并由两人经办" by 处长 within 30 days',
  '}',
];

module.exports = {
  title: 'type a risk without a grade: missing-grade in Problems, quick fix from the light bulb',
  async run({ wb, page, check, log, repo, wsBase, id }) {
    const ws = makeWorkspace(repo, wsBase, id);
    const file = path.join(ws, 'departments', 'finance.sun');
    const original = fs.readFileSync(file, 'utf8');
    await check('open examples/ and departments/finance.sun', async () => {
      await wb.open(ws);
      await wb.openFile('departments/finance.sun');
      await wb.openProblems();
      await sleep(2000); // let the server finish its first build of the workspace
    });
    let typedAt = 0;
    await check('type a new department-level risk without a grade', async () => {
      const p = positionOf(original, '    // 部门层面的风险点');
      await wb.goto(p.line, 1);
      await page.keyboard.press('Enter');
      await page.keyboard.press('ArrowUp');
      await wb.typeLines(RISK.map((l, i) => (i === 0 || i === RISK.length - 1 ? '    ' : '        ') + l.trim()));
      typedAt = Date.now();
      const lines = await wb.visibleLines();
      assert(lines.some(l => /^    risk 印章外借无登记 \{$/.test(l)) && lines.some(l => /^        owner 王芳$/.test(l)) && lines.some(l => /^    }$/.test(l)),
        `the typed risk is not laid out as typed:\n${lines.join('\n')}`);
    });
    await check('the Problems panel shows missing-grade for it, and nothing else', async () => {
      const rows = await until(async () => {
        const r = await wb.problemRows();
        return r.length === 1 && /missing-grade/.test(r[0]) && /印章外借无登记/.test(r[0]) ? r : false;
      }, { timeout: DIAGNOSTIC_WAIT_MS, what: 'exactly one problem row: missing-grade on 印章外借无登记' }).catch(async e => {
        throw new Error(`${e.message}; rows: ${JSON.stringify(await wb.problemRows())}`);
      });
      const elapsed = Date.now() - typedAt;
      return `${elapsed} ms; ${JSON.stringify(rows)}`;
    });
    await wb.shot('problems');
    await check('the light bulb on the risk offers a grade quick fix', async () => {
      const typed = original.replace('    // 部门层面的风险点', '    ' + RISK.join('\n    ') + '\n\n    // 部门层面的风险点');
      const p = positionOf(typed, 'risk 印章外借无登记', 'risk '.length + 2);
      await wb.goto(p.line, p.column);
      const bulb = wb.editor.locator('.lightBulbWidget, .codicon-light-bulb, .codicon-lightbulb-autofix').filter({ visible: true }).first();
      await bulb.waitFor({ timeout: 60000 });
      await bulb.click();
      const menu = page.locator('.action-widget:not(.action-list-submenu-panel)').filter({ visible: true }).first();
      await menu.waitFor();
      const items = await menu.locator('.action-widget-action, .monaco-list-row').allTextContents();
      const fix = menu.locator('.monaco-list-row.action', { hasText: /grade|等级/i }).first();
      await fix.waitFor({ timeout: 60000 }).catch(() => { throw new Error(`no grade fix among: ${JSON.stringify(items)}`); });
      await wb.shot('lightbulb');
      log(`quick fixes offered: ${JSON.stringify(items.filter(Boolean))}`);
      await fix.click();
    });
    await check('after the fix the problem disappears', async () => {
      await until(async () => (await page.locator('.markers-panel .monaco-list-row', { hasText: 'missing-grade' }).count()) === 0,
        { what: 'the missing-grade row to go', timeout: 60000 });
      await until(async () => { const c = await wb.problemCounts(); return c.errors === 0 && c.warnings === 0; }, { what: 'status bar without problems', timeout: 60000 });
    });
    await check('saved, the file parses and the workspace checks clean (sunlight check)', async () => {
      await page.keyboard.press('Control+S');
      await until(async () => (await page.locator('.tabs-container .tab.dirty').count()) === 0, { what: 'the file saved' });
      const saved = fs.readFileSync(file, 'utf8');
      const block = saved.slice(saved.indexOf('risk 印章外借无登记'), saved.indexOf('// 部门层面的风险点'));
      const grade = /^\s*grade\s+(\S+)/m.exec(block);
      assert(grade, `no grade line in the risk after the fix:\n${block}`);
      const r = sunlight(repo, ['check', ws, '--format', 'json']);
      const diags = JSON.parse(r.stdout).diagnostics;
      assert(r.status === 0 && diags.length === 0, `sunlight check exit ${r.status}: ${JSON.stringify(diags)}`);
      return `inserted "grade ${grade[1]}"; sunlight check: 0 problems`;
    });
    await wb.shot('fixed');
  },
};
