// Drives headless Neovim (init.lua) against `sunlight lsp --stdio` and checks what the
// server answered: diagnostics, completion and definition. Usage: node driver.cjs
// Env: SUNLIGHT_REPO (project root), E2E_NVIM_DIR (scratch folder), NVIM (nvim binary).
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const REPO = path.resolve(process.env.SUNLIGHT_REPO || path.join(__dirname, '..', '..', '..'));
const WORK = path.resolve(process.env.E2E_NVIM_DIR || '/tmp/sunlight-e2e/nvim');
const NVIM = process.env.NVIM || 'nvim';
const TIMEOUT_MS = Number(process.env.NVIM_LSP_TIMEOUT_MS || 30000);

// ---- a workspace: a copy of examples/ with one risk's grade removed (missing-grade)
const ws = path.join(WORK, 'ws');
fs.rmSync(WORK, { recursive: true, force: true });
fs.cpSync(path.join(REPO, 'examples'), ws, { recursive: true });
const file = path.join(ws, 'departments', 'finance.sun');
let text = fs.readFileSync(file, 'utf8');
const riskAt = text.indexOf('risk 虚假票据报销');
const gradeLine = '            grade medium\n';
const gradeAt = text.indexOf(gradeLine, riskAt);
if (riskAt < 0 || gradeAt < 0) throw new Error('examples/departments/finance.sun changed: cannot find risk 虚假票据报销 and its grade');
text = text.slice(0, gradeAt) + text.slice(gradeAt + gradeLine.length);
// and one `responsible` left without its name, for completion
const respLine = '        responsible 报销会计\n';
const respAt = text.indexOf(respLine);
fs.writeFileSync(file, text);
const lines = text.split('\n');

// LSP positions count UTF-16 code units, as JavaScript strings do.
function pos(offset) {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}
const completion = pos(respAt + '        responsible '.length);
const stepAt = text.indexOf('step 初审 by 报销会计');
const definitionLocal = pos(stepAt + 'step 初审 by 报'.length);          // inside 报销会计
const basisAt = text.indexOf('basis 会计法.第九条');
const definitionOther = pos(basisAt + 'basis 会计法.第'.length);             // inside 第九条 of 会计法.第九条
const riskLine = pos(riskAt).line;

const plan = {
  file, root: ws, out: path.join(WORK, 'result.json'), timeout_ms: TIMEOUT_MS,
  cmd: [process.execPath, path.join(REPO, 'bin', 'sunlight.cjs'), 'lsp', '--stdio'],
  // as docs/neovim.md tells users: Chinese messages through the initialization options
  init_options: { locale: 'zh-cn' },
  completion, definition_local: definitionLocal, definition_other: definitionOther,
  fix: { line: pos(gradeAt).line, text: gradeLine.replace(/\n$/, '') },
};
const planFile = path.join(WORK, 'plan.json');
fs.writeFileSync(planFile, JSON.stringify(plan, null, 2));

// ---- run Neovim headless with only our init.lua (no user config, no plugins)
const t0 = Date.now();
const run = spawnSync(NVIM, ['--headless', '--clean', '-u', path.join(__dirname, 'init.lua')], {
  env: { ...process.env, SUNLIGHT_NVIM_PLAN: planFile, XDG_CONFIG_HOME: path.join(WORK, 'xdg', 'config'),
    XDG_DATA_HOME: path.join(WORK, 'xdg', 'data'), XDG_STATE_HOME: path.join(WORK, 'xdg', 'state'), XDG_CACHE_HOME: path.join(WORK, 'xdg', 'cache') },
  encoding: 'utf8', timeout: TIMEOUT_MS * 4 + 30000,
});
console.log(`nvim exited ${run.status}${run.signal ? ' (' + run.signal + ')' : ''} after ${Date.now() - t0} ms`);
if (run.stderr && run.stderr.trim()) console.log('nvim stderr:\n' + run.stderr.trim().split('\n').slice(-20).join('\n'));
let result;
try { result = JSON.parse(fs.readFileSync(plan.out, 'utf8')); } catch (e) {
  console.log(`FAIL - no result from Neovim (${e.message})`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
if (result.events) console.log('nvim: ' + result.events.join('; '));

let passed = 0, failed = 0;
function check(name, fn) {
  try { fn(); passed++; console.log(`ok   - ${name}`); }
  catch (e) { failed++; console.log(`FAIL - ${name}\n       ${String(e.message).split('\n').join('\n       ')}`); }
}
function assert(cond, msg) { if (!cond) throw new Error(msg); }
const sameFile = (uri, f) => decodeURIComponent(uri.replace(/^file:\/\//, '')) === f;

check('Neovim ran the test without a Lua error', () => assert(!result.error, result.error));
check('diagnostics: exactly one, missing-grade at the risk without a grade, in Chinese (init_options.locale)', () => {
  const d = result.diagnostics || [];
  assert(d.length === 1, `expected 1 diagnostic, got ${JSON.stringify(d)}`);
  assert(d[0].code === 'missing-grade', `code ${d[0].code}`);
  assert(d[0].lnum === riskLine, `on line ${d[0].lnum + 1}, expected ${riskLine + 1}`);
  assert(/风险点“虚假票据报销”未评定等级/.test(d[0].message), `message: ${d[0].message}`);
});
check("completion after 'responsible ' lists the department's posts", () => {
  assert(!result.completion.error, result.completion.error);
  const r = result.completion.result;
  const items = Array.isArray(r) ? r : (r && r.items) || [];
  const labels = items.map(i => i.label);
  for (const post of ['处长', '会计主管', '报销会计', '收费会计', '出纳'])
    assert(labels.includes(post), `'${post}' missing from ${JSON.stringify(labels.slice(0, 40))}`);
});
function locations(r) {
  const v = r.result;
  return (Array.isArray(v) ? v : v ? [v] : []).map(l => ({ uri: l.targetUri || l.uri, range: l.targetSelectionRange || l.range }));
}
check('definition of a post (same file) is its declaration', () => {
  assert(!result.definition_local.error, result.definition_local.error);
  const locs = locations(result.definition_local);
  assert(locs.length === 1, `expected 1 location, got ${JSON.stringify(locs)}`);
  assert(sameFile(locs[0].uri, file), `uri ${locs[0].uri}`);
  const line = lines[locs[0].range.start.line];
  assert(/^\s*post 报销会计(?![\p{L}\p{N}_])/u.test(line), `points at line ${locs[0].range.start.line + 1}: ${line}`);
});
check('definition of a qualified article (会计法.第九条) is the article in bases.sun', () => {
  assert(!result.definition_other.error, result.definition_other.error);
  const locs = locations(result.definition_other);
  assert(locs.length === 1, `expected 1 location, got ${JSON.stringify(locs)}`);
  const bases = path.join(ws, 'bases.sun');
  assert(sameFile(locs[0].uri, bases), `uri ${locs[0].uri}`);
  const basesLines = fs.readFileSync(bases, 'utf8').split('\n');
  const n = locs[0].range.start.line;
  assert(/^\s*article 第九条(?![\p{L}\p{N}_])/u.test(basesLines[n]), `points at line ${n + 1}: ${basesLines[n]}`);
  const owner = basesLines.slice(0, n).reverse().find(l => /^\s*basis /.test(l));
  assert(/^\s*basis 会计法(?![\p{L}\p{N}_])/u.test(owner || ''), `the article at line ${n + 1} is in: ${owner}`);
});
check('after an edit that restores the grade (didChange), the diagnostic is gone', () => {
  const d = result.diagnostics_after_fix;
  assert(Array.isArray(d), 'the edit step did not run');
  assert(d.length === 0, `still: ${JSON.stringify(d)}`);
});
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
