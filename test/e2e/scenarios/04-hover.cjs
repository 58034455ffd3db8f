// 4. Hover on a basis shows its title and article.
'use strict';
const fs = require('fs');
const path = require('path');
const { makeWorkspace, until, assert, positionOf } = require('../lib.cjs');

module.exports = {
  title: 'hover on a basis shows its title and article',
  async run({ wb, page, check, repo, wsBase, id }) {
    const ws = makeWorkspace(repo, wsBase, id);
    const text = fs.readFileSync(path.join(ws, 'departments', 'finance.sun'), 'utf8');
    await check('open departments/finance.sun', async () => {
      await wb.open(ws);
      await wb.openFile('departments/finance.sun');
    });
    const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover:not(.hidden) .hover-contents').first();
    await check('hovering 会计法.第九条 (mouse) shows the basis title and the article text', async () => {
      const p = positionOf(text, 'basis 会计法.第九条', 'basis 会计法.第'.length);
      await wb.goto(p.line, p.column); // scrolls it into view
      const token = wb.editor.locator('.view-line span span', { hasText: /第九条/ }).first();
      const content = await until(async () => {
        await token.hover({ position: { x: 4, y: 5 } });
        const t = await hover.textContent({ timeout: 3000 }).catch(() => '');
        return /中华人民共和国会计法/.test(t) && /各单位必须根据实际发生的经济业务事项/.test(t) ? t : false;
      }, { what: 'a hover with 中华人民共和国会计法 and the text of 第九条', timeout: 60000 }).catch(async e => {
        throw new Error(`${e.message}; hover shows: ${JSON.stringify(await hover.textContent({ timeout: 1000 }).catch(() => '(none)'))}`);
      });
      return JSON.stringify(content.slice(0, 160));
    });
    await wb.shot('hover');
    await check('hovering a basis without article (财务报销管理办法) shows its title', async () => {
      const other = fs.readFileSync(path.join(ws, 'bases.sun'), 'utf8');
      const m = /basis 财务报销管理办法 \w+ "([^"]+)"/u.exec(other);
      assert(m, 'basis 财务报销管理办法 not found in bases.sun');
      await page.mouse.move(5, 5);
      const token = wb.editor.locator('.view-line span span', { hasText: /财务报销管理办法/ }).first();
      await until(async () => {
        await token.hover({ position: { x: 6, y: 5 } });
        const t = await hover.textContent({ timeout: 3000 }).catch(() => '');
        return t.includes(m[1]);
      }, { what: `a hover with "${m[1]}"`, timeout: 60000 });
      return m[1];
    });
  },
};
