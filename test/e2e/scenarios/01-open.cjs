// 1. Open examples/ and a department file: highlighting applies, the status bar shows the
//    language, no diagnostics.
'use strict';
const { makeWorkspace, until, sleep, assert } = require('../lib.cjs');

module.exports = {
  title: 'open examples/ and a department file: highlighting, language mode, no diagnostics',
  async run({ wb, page, check, repo, wsBase, id }) {
    const ws = makeWorkspace(repo, wsBase, id);
    await check('the workbench opens examples/ with the Sunlight extension installed', async () => {
      await wb.open(ws);
    });
    await check('opening departments/finance.sun shows "Sunlight" as the language in the status bar', async () => {
      await wb.openFile('departments/finance.sun');
    });
    await check('the TextMate grammar colours keywords, strings and comments differently', async () => {
      // Monaco renders tokens as <span class="mtkN">; text uses &nbsp;. Grammar loading is async: poll.
      const colours = await until(() => wb.editor.evaluate(editor => {
        const spans = [...editor.querySelectorAll('.view-line span > span')];
        const col = re => { const s = spans.find(x => re.test(x.textContent.replace(/\u00a0/g, ' '))); return s && getComputedStyle(s).color; };
        const c = {
          comment: col(/^\/\/ 财务处/), keyword: col(/^department$/), string: col(/^"财务处"$/),
          name: col(/^财务处$/) || col(/^ ?财务处 ?$/), post: col(/^post$/), number: col(/^8$/),
        };
        if (!c.comment || !c.keyword || !c.string) return false;
        if (new Set([c.comment, c.keyword, c.string]).size !== 3) return false;
        return c;
      }), { what: 'three distinct token colours on the first lines' });
      return JSON.stringify(colours);
    });
    await check('no diagnostics for the clean examples (status bar and Problems panel)', async () => {
      // The server validates the whole workspace at start; give it time to publish, then require 0.
      await sleep(4000);
      await wb.openProblems();
      await until(async () => (await page.locator('.markers-panel .monaco-list-row').count()) === 0 &&
        (await page.locator('.markers-panel', { hasText: /No problems have been detected/i }).count()) > 0,
      { timeout: 60000, what: 'an empty Problems panel' });
      const counts = await wb.problemCounts();
      assert(counts.errors === 0 && counts.warnings === 0, `status bar: ${counts.label}`);
      return counts.label;
    });
    await check('the language server answers: the breadcrumbs show the outline path of the cursor', async () => {
      const text = require('fs').readFileSync(require('path').join(ws, 'departments', 'finance.sun'), 'utf8');
      const p = require('../lib.cjs').positionOf(text, 'step 初审 by 报销会计', 5);
      await wb.goto(p.line, p.column);
      const items = wb.group.locator('.breadcrumbs-control .monaco-breadcrumb-item');
      const path = await until(async () => {
        const t = (await items.allTextContents()).map(s => s.trim());
        return t.some(s => s.startsWith('财务处')) && t.some(s => s.startsWith('经费报销审核')) ? t : false;
      }, { what: 'breadcrumbs with 财务处 › 经费报销审核 (document symbols from the server)' });
      return path.join(' › ');
    });
    await wb.shot('editor');
  },
};
