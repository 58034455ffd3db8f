import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * `--pdf`: prints an HTML file through a headless Chromium, when one is
 * installed. Looks at SUNLIGHT_CHROMIUM, then the usual names on the PATH and
 * the usual install locations. Nothing is downloaded.
 */
const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge'];
const FIXED = [
    '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/snap/bin/chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'
];

export interface ChromiumSearch {
    /** Found, or undefined. */
    readonly executable?: string;
    /** SUNLIGHT_CHROMIUM was set but is not an executable file. */
    readonly badOverride?: string;
}

export function findChromium(env: Record<string, string | undefined> = process.env, locations: readonly string[] = FIXED): ChromiumSearch {
    const override = env.SUNLIGHT_CHROMIUM;
    if (override !== undefined && override !== '') {
        return isExecutable(override) ? { executable: override } : { badOverride: override };
    }
    const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
    const suffixes = process.platform === 'win32' ? ['.exe', ''] : [''];
    for (const name of CANDIDATES) {
        for (const dir of dirs) {
            for (const suffix of suffixes) {
                const candidate = path.join(dir, name + suffix);
                if (isExecutable(candidate)) return { executable: candidate };
            }
        }
    }
    for (const candidate of locations) if (isExecutable(candidate)) return { executable: candidate };
    return {};
}

function isExecutable(file: string): boolean {
    try {
        const stat = fs.statSync(file);
        if (!stat.isFile()) return false;
        if (process.platform !== 'win32') fs.accessSync(file, fs.constants.X_OK);
        return true;
    } catch {
        return false;
    }
}

/**
 * Chromium as a printer only, kept off the network (test/robustness/pdf-offline.test.ts):
 * no background services (updates, sync, safe browsing, metrics, translate,
 * network-time, media router), no QUIC, no DNS prefetch, and every host name
 * resolves to nothing, so not one DNS query or TCP connection is made; the
 * page is a local file. What remains is the resolver's IPv6-reachability
 * check, a UDP `connect()` that sends no datagram. A fresh profile per run
 * (`--user-data-dir`) carries no state in.
 */
export const OFFLINE_FLAGS: readonly string[] = [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--hide-scrollbars',
    '--no-first-run', '--no-default-browser-check', '--disable-extensions', '--disable-default-apps',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-breakpad',
    '--disable-client-side-phishing-detection', '--disable-domain-reliability', '--metrics-recording-only', '--no-pings',
    '--disable-quic', '--dns-prefetch-disable', '--host-resolver-rules=MAP * ~NOTFOUND',
    '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
    '--disable-features=NetworkQualityEstimator,MediaRouter,DialMediaRouteProvider,OptimizationHints,Translate,AutofillServerCommunication,CertificateTransparencyComponentUpdater,NetworkTimeServiceQuerying'
];

/** Prints `html` to `pdf` (A4, as the page's print CSS says). Rejects with Chromium's last words on failure. */
export async function printToPdf(chromium: string, html: string, pdf: string, timeoutMs = 120_000): Promise<void> {
    fs.rmSync(pdf, { force: true });
    const profile = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), 'sunlight-chromium-'));
    const args = [
        ...OFFLINE_FLAGS,
        `--user-data-dir=${profile}`, '--no-pdf-header-footer', '--virtual-time-budget=10000',
        `--print-to-pdf=${path.resolve(pdf)}`, pathToFileURL(path.resolve(html)).toString()
    ];
    try {
        await new Promise<void>((resolve, reject) => {
            const child = spawn(chromium, args, { stdio: ['ignore', 'pipe', 'pipe'] });
            let output = '';
            const keep = (chunk: Buffer) => { output = (output + chunk.toString()).slice(-4000); };
            child.stdout.on('data', keep);
            child.stderr.on('data', keep);
            const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`chromium did not finish within ${timeoutMs / 1000} s`)); }, timeoutMs);
            child.on('error', error => { clearTimeout(timer); reject(error); });
            child.on('close', code => {
                clearTimeout(timer);
                if (code === 0 && fs.existsSync(pdf) && fs.statSync(pdf).size > 0) resolve();
                else reject(new Error(`chromium exited with ${code}: ${lastLine(output)}`));
            });
        });
    } finally {
        fs.rmSync(profile, { recursive: true, force: true });
    }
}

function lastLine(text: string): string {
    const lines = text.split('\n').map(s => s.trim()).filter(Boolean);
    return lines[lines.length - 1] ?? 'no output';
}
