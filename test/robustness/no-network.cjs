// Network guard for the robustness tests: preloaded (`node --require` or
// NODE_OPTIONS) into the `sunlight` CLI and language server, it makes every
// way out of the machine fail and records each attempt, with its stack, in the
// file named by SUNLIGHT_NET_LOG (an attempt the code catches and hides is still
// recorded). Sunlight must never reach the network at run time
// (docs/ARCHITECTURE.md, "Invariants"). Stdio pipes are not affected: they are
// sockets opened on a file descriptor, never connected.
'use strict';
const fs = require('node:fs');

const log = process.env.SUNLIGHT_NET_LOG;

function record(what, detail) {
    const line = JSON.stringify({ pid: process.pid, what, detail: String(detail).slice(0, 500), stack: new Error().stack.split('\n').slice(2, 12).join('\n') });
    if (log) {
        try {
            fs.appendFileSync(log, line + '\n');
        } catch {
            // nowhere to record; the thrown error below still reports it
        }
    }
    const error = new Error(`network access blocked by the Sunlight test guard: ${what} ${detail}`);
    error.code = 'ENETUNREACH';
    return error;
}

function describe(args) {
    try {
        return JSON.stringify(args, (key, value) => typeof value === 'function' ? '[function]' : value).slice(0, 300);
    } catch {
        return String(args);
    }
}

const net = require('node:net');
net.Socket.prototype.connect = function connect(...args) {
    throw record('net.Socket.connect', describe(args));
};
for (const name of ['connect', 'createConnection']) {
    net[name] = (...args) => { throw record(`net.${name}`, describe(args)); };
}

const tls = require('node:tls');
tls.connect = (...args) => { throw record('tls.connect', describe(args)); };

const dgram = require('node:dgram');
dgram.createSocket = (...args) => { throw record('dgram.createSocket', describe(args)); };

const dns = require('node:dns');
for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveTxt', 'resolveSrv', 'reverse']) {
    if (typeof dns[name] === 'function') dns[name] = (...args) => { throw record(`dns.${name}`, describe(args)); };
    if (dns.promises && typeof dns.promises[name] === 'function') dns.promises[name] = async (...args) => { throw record(`dns.promises.${name}`, describe(args)); };
}

for (const moduleName of ['http', 'https']) {
    const module = require(`node:${moduleName}`);
    for (const name of ['request', 'get']) {
        module[name] = (...args) => { throw record(`${moduleName}.${name}`, describe(args)); };
    }
}

const http2 = require('node:http2');
http2.connect = (...args) => { throw record('http2.connect', describe(args)); };

if (typeof globalThis.fetch === 'function') {
    globalThis.fetch = async (input) => { throw record('fetch', typeof input === 'string' ? input : input && input.url); };
}
if (typeof globalThis.WebSocket === 'function') {
    globalThis.WebSocket = function WebSocket(url) { throw record('WebSocket', url); };
}
if (typeof globalThis.EventSource === 'function') {
    globalThis.EventSource = function EventSource(url) { throw record('EventSource', url); };
}
