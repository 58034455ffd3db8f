// Makes the screenshots of the public service guide in docs/handin.md:
// exports the examples with the built CLI, opens the guide in headless
// Chromium (playwright-core) and writes
//   docs/images/public-index.png   the index, searched for 学籍
//   docs/images/public-power.png   a power's page, top to its chart
//
//   npm run build && node scripts/screenshot-public.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = mkdtempSync(join(tmpdir(), 'sunlight-public-shot-'));
const browser = await chromium.launch({ executablePath: process.env.SUNLIGHT_CHROMIUM || '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
    execFileSync(process.execPath, [join(root, 'bin', 'sunlight.cjs'), 'export', 'public', join(root, 'examples'), '--out', out], { stdio: 'inherit' });
    const page = await browser.newPage({ viewport: { width: 1100, height: 760 }, deviceScaleFactor: 1 });
    await page.route(url => !url.href.startsWith('file:'), route => route.abort());
    await page.goto(`${pathToFileURL(join(out, 'index.html'))}?q=${encodeURIComponent('学籍')}`);
    await page.waitForSelector('#guide-search:not([hidden])');
    await page.screenshot({ path: join(root, 'docs', 'images', 'public-index.png') });
    await page.goto(pathToFileURL(join(out, 'powers', '教务处-成绩与学籍管理.html')).toString());
    await page.setViewportSize({ width: 1100, height: 1250 });
    await page.screenshot({ path: join(root, 'docs', 'images', 'public-power.png') });
} finally {
    await browser.close();
    rmSync(out, { recursive: true, force: true });
}
