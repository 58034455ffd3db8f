import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ensureBundle, exampleFiles, runCli } from './support.js';

/**
 * `--pdf` stays off the network (test/robustness/README.md): the Chromium that
 * `export catalog --pdf` starts runs in a network namespace of its own
 * (`unshare -n`: no network at all) under `strace`, which records every socket
 * call of it and its children. The PDF is made, and Chromium sends no DNS
 * query, opens no TCP connection and sends no datagram to any internet
 * address (the one UDP connect() of the resolver's IPv6-reachability check
 * sends nothing and is allowed).
 */

const work = mkdtempSync(path.join(os.tmpdir(), 'sunlight-pdf-offline-'));
const trace = path.join(work, 'strace.log');
const wrapper = path.join(work, 'chromium.sh');

beforeAll(() => {
    ensureBundle();
    const files = exampleFiles();
    for (const file of ['college.sun', 'bases.sun', 'departments/admissions.sun']) {
        mkdirSync(path.dirname(path.join(work, 'workspace', file)), { recursive: true });
        writeFileSync(path.join(work, 'workspace', file), files[file]);
    }
    writeFileSync(wrapper, `#!/bin/sh\nexec unshare -n strace -f -qq -e trace=socket,connect,sendto,sendmsg,sendmmsg -o ${JSON.stringify(trace)} /usr/bin/chromium "$@"\n`);
    chmodSync(wrapper, 0o755);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

test('export --pdf: Chromium makes the PDF without the network and tries none', async () => {
    const out = path.join(work, 'out');
    const result = await runCli(['export', 'catalog', 'workspace', '--pdf', '--out', out], { cwd: work, timeoutMs: 240_000, env: { SUNLIGHT_CHROMIUM: wrapper } });
    expect(result.code, result.stderr).toBe(0);
    expect(statSync(path.join(out, 'catalog.pdf')).size).toBeGreaterThan(1000);
    expect(existsSync(trace)).toBe(true);
    const calls = readFileSync(trace, 'utf8').split('\n');
    expect(calls.some(line => /socket\(AF_UNIX/.test(line)), 'strace saw Chromium').toBe(true);
    const inet = calls.filter(line => /sa_family=AF_INET6?\b/.test(line));
    const dns = inet.filter(line => /htons\(53\)/.test(line));
    const sent = inet.filter(line => /\b(sendto|sendmsg|sendmmsg)\(/.test(line));
    const tcp = calls.filter(line => /socket\(AF_INET6?, SOCK_STREAM/.test(line));
    const probes = inet.filter(line => /connect\(/.test(line) && !/htons\(443\).*2001:4860:4860::8888/.test(line));
    expect({ dns, sent, tcp, probes }).toEqual({ dns: [], sent: [], tcp: [], probes: [] });
}, 300_000);
