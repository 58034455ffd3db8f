// 3. Completion after `responsible ` lists the department's posts.
'use strict';
const fs = require('fs');
const path = require('path');
const { makeWorkspace, until, sleep, assert, positionOf } = require('../lib.cjs');

const POSTS = ['处长', '会计主管', '报销会计', '收费会计', '出纳'];

module.exports = {
  title: "completion after 'responsible ' lists the department's posts",
  async run({ wb, page, check, log, repo, wsBase, id }) {
    const ws = makeWorkspace(repo, wsBase, id);
    const text = fs.readFileSync(path.join(ws, 'departments', 'finance.sun'), 'utf8');
    await check('open departments/finance.sun', async () => {
      await wb.open(ws);
      await wb.openFile('departments/finance.sun');
    });
    await check("remove the name after 'responsible ' and ask for completion (Ctrl+Space)", async () => {
      const p = positionOf(text, '        responsible 报销会计', '        responsible '.length);
      await wb.goto(p.line, p.column);
      await page.keyboard.press('Shift+End');
      await page.keyboard.press('Delete');
      await page.keyboard.press('Control+Space');
      await page.locator('.suggest-widget.visible .monaco-list-row').first().waitFor();
    });
    let labels = [];
    await check(`the list offers the posts ${POSTS.join(', ')}`, async () => {
      await sleep(500);
      await wb.shot('completion');
      labels = await wb.suggestLabels();
      const missing = POSTS.filter(p => !labels.includes(p));
      assert(!missing.length, `missing ${JSON.stringify(missing)} among ${labels.length}: ${JSON.stringify(labels)}`);
      const ranks = POSTS.map(p => labels.indexOf(p) + 1);
      return `${labels.length} items; the posts at ranks ${ranks.join(', ')}; first: ${JSON.stringify(labels.slice(0, 12))}`;
    });
    await check('choosing 会计主管 writes it after responsible', async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.insertText('会计');
      await page.keyboard.press('Control+Space');
      const row = page.locator('.suggest-widget.visible .monaco-list-row', { has: page.locator('.label-name', { hasText: /^会计主管$/ }) });
      await row.click();
      await until(async () => (await wb.visibleLines()).some(l => /^\s*responsible 会计主管\s*$/.test(l)), { what: "the line 'responsible 会计主管'" });
    });
  },
};
