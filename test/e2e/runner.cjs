// Runs the end-to-end scenarios (scenarios/*.cjs) against a running code-server with the
// Sunlight .vsix installed. Each scenario gets a fresh copy of examples/ and a fresh browser
// context, so one failure does not hide the others. Closing line: `N passed, N failed` (checks).
// Env: E2E_TOOLS (setup.sh tools folder), CS_URL, SUNLIGHT_REPO, E2E_WS (folder for workspaces), E2E_SHOTS (screenshots),
//      E2E_ONLY (comma-separated scenario ids or numbers), CHROMIUM, STEP_TIMEOUT_MS.
'use strict';
const fs = require('fs');
const path = require('path');
// playwright-core from setup.sh's private tools folder (E2E_TOOLS), not the project's node_modules
const { chromium } = require(process.env.E2E_TOOLS ? path.join(process.env.E2E_TOOLS, 'node_modules', 'playwright-core') : 'playwright-core');
const { Workbench, CheckError } = require('./lib.cjs');

const CS_URL = process.env.CS_URL || 'http://127.0.0.1:8080';
const REPO = path.resolve(process.env.SUNLIGHT_REPO || path.join(__dirname, '..', '..'));
const WS = process.env.E2E_WS || '/tmp/sunlight-e2e/run/ws';
const SHOTS = process.env.E2E_SHOTS || path.join(REPO, 'artifacts', 'e2e');
const ONLY = (process.env.E2E_ONLY || '').split(',').map(s => s.trim()).filter(Boolean);

const t0 = Date.now();
const stamp = () => `[${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s]`;

async function main() {
  fs.mkdirSync(SHOTS, { recursive: true });
  const files = fs.readdirSync(path.join(__dirname, 'scenarios')).filter(f => /^\d\d-.*\.cjs$/.test(f)).sort();
  const scenarios = files.map(f => ({ id: f.replace(/\.cjs$/, ''), ...require(path.join(__dirname, 'scenarios', f)) }))
    .filter(s => !ONLY.length || ONLY.some(o => s.id === o || s.id.startsWith(o + '-') || s.id.slice(0, 2) === o.padStart(2, '0')));

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--lang=en-US'],
  });
  let passed = 0, failed = 0;
  const summary = [];
  for (const scenario of scenarios) {
    console.log(`\n${stamp()} == ${scenario.id}: ${scenario.title}`);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    context.setDefaultTimeout(Number(process.env.STEP_TIMEOUT_MS || 30000));
    const page = await context.newPage();
    const consoleErrors = [];
    page.on('console', m => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    const log = msg => console.log(`${stamp()}      ${msg}`);
    const wb = new Workbench(page, { url: CS_URL, shots: SHOTS, prefix: scenario.id, log });
    let ok = 0, bad = 0, stopped = false;
    const check = async (name, fn) => {
      if (stopped) { console.log(`${stamp()} skip - ${name} (an earlier check of this scenario failed)`); bad++; return; }
      const start = Date.now();
      try {
        const note = await fn();
        ok++;
        console.log(`${stamp()} ok   - ${name} (${Date.now() - start} ms)${note ? ': ' + note : ''}`);
      } catch (e) {
        bad++; stopped = true; wb.stopped = true;
        const msg = e instanceof CheckError ? e.message : (e && e.stack || String(e));
        console.log(`${stamp()} FAIL - ${name}\n         ${msg.split('\n').slice(0, 8).join('\n         ')}`);
        await wb.shot('FAILED').catch(() => {});
      }
    };
    try {
      await scenario.run({ wb, page, check, log, repo: REPO, wsBase: WS, shots: SHOTS, id: scenario.id });
    } catch (e) {
      bad++;
      console.log(`${stamp()} FAIL - ${scenario.id} stopped: ${e && e.stack || e}`);
      await wb.shot('FAILED').catch(() => {});
    }
    if (bad && consoleErrors.length) console.log(`      browser console errors (${consoleErrors.length}), first ones:\n        ` + consoleErrors.slice(0, 5).map(s => s.slice(0, 300)).join('\n        '));
    await context.close().catch(() => {});
    passed += ok; failed += bad;
    summary.push(`${bad ? 'FAIL' : 'ok  '} ${scenario.id} (${ok} passed, ${bad} failed)`);
  }
  await browser.close();
  console.log(`\n${stamp()} scenarios:\n  ${summary.join('\n  ')}`);
  console.log(`screenshots: ${SHOTS}`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed || !scenarios.length ? 1 : 0;
}

main().then(code => process.exit(code), e => { console.error(e); console.log('0 passed, 1 failed'); process.exit(1); });
