// 5. Rename a post: every reference in every file changes (finance.sun declares 出纳;
//    students.sun refers to it as 财务处.出纳), and nothing else does.
'use strict';
const fs = require('fs');
const path = require('path');
const { makeWorkspace, until, assert, positionOf, sunlight } = require('../lib.cjs');

const OLD = '出纳', NEW = '出纳岗';
const ID = /[\p{L}\p{N}_]/u;

/** The text with OLD replaced where it is a whole name outside strings and comments. */
function renamed(text) {
  let out = '', i = 0, count = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') { const j = text.indexOf('"', i + 1); out += text.slice(i, j + 1); i = j + 1; continue; }
    if (c === '/' && text[i + 1] === '/') { const j = text.indexOf('\n', i); const end = j < 0 ? text.length : j; out += text.slice(i, end); i = end; continue; }
    if (text.startsWith(OLD, i) && !ID.test(text[i - 1] || '') && !ID.test(text[i + OLD.length] || '')) {
      out += NEW; i += OLD.length; count++; continue;
    }
    out += c; i++;
  }
  return { text: out, count };
}

module.exports = {
  title: 'rename a post: every reference in every file changes',
  async run({ wb, page, check, repo, wsBase, id }) {
    const ws = makeWorkspace(repo, wsBase, id);
    const files = [];
    (function walk(d) { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const f = path.join(d, e.name); if (e.isDirectory()) walk(f); else if (f.endsWith('.sun')) files.push(f); } })(ws);
    const before = Object.fromEntries(files.map(f => [f, fs.readFileSync(f, 'utf8')]));
    const expected = Object.fromEntries(files.map(f => [f, renamed(before[f])]));
    const finance = path.join(ws, 'departments', 'finance.sun');
    const touched = files.filter(f => expected[f].count > 0).map(f => path.relative(ws, f));
    await check('open departments/finance.sun', async () => {
      assert(touched.length >= 2, `the examples should refer to ${OLD} from two files at least: ${touched}`);
      await wb.open(ws);
      await wb.openFile('departments/finance.sun');
    });
    await check(`rename the post ${OLD} to ${NEW} (F2 on its declaration)`, async () => {
      const p = positionOf(before[finance], `    post ${OLD} `, '    post '.length + 1);
      await wb.goto(p.line, p.column);
      await page.keyboard.press('F2');
      const input = page.locator('.rename-box input, .rename-box .rename-input').first();
      await input.waitFor();
      await input.fill(NEW);
      await wb.shot('rename-box');
      await page.keyboard.press('Enter');
      await input.waitFor({ state: 'hidden' });
      await until(async () => (await wb.visibleLines()).some(l => l.includes(`post ${NEW} `)), { what: `'post ${NEW}' in the editor` });
    });
    await check('save all: every file on disk is exactly the expected rename', async () => {
      await wb.saveAll();
      const wrong = await until(() => {
        const w = files.filter(f => fs.readFileSync(f, 'utf8') !== expected[f].text);
        return w.length === 0 ? [] : false;
      }, { timeout: 60000, what: 'the renamed files on disk' }).catch(() => files.filter(f => fs.readFileSync(f, 'utf8') !== expected[f].text));
      if (wrong.length) {
        const f = wrong[0], got = fs.readFileSync(f, 'utf8').split('\n'), exp = expected[f].text.split('\n');
        const n = got.findIndex((l, i) => l !== exp[i]);
        throw new Error(`${wrong.map(w => path.relative(ws, w)).join(', ')} differ; first in ${path.relative(ws, f)} line ${n + 1}:\n  got:      ${got[n]}\n  expected: ${exp[n]}`);
      }
      return touched.map(f => `${f}: ${expected[path.join(ws, f)].count}`).join(', ');
    });
    await check('the renamed workspace checks clean (sunlight check)', async () => {
      const r = sunlight(repo, ['check', ws, '--format', 'json']);
      const diags = JSON.parse(r.stdout).diagnostics;
      assert(r.status === 0 && diags.length === 0, `exit ${r.status}: ${JSON.stringify(diags)}`);
    });
    await wb.openFile('departments/students.sun');
    const s = positionOf(expected[path.join(ws, 'departments', 'students.sun')].text, `财务处.${NEW}`);
    await wb.goto(s.line, s.column);
    await wb.shot('renamed');
  },
};
