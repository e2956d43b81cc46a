/**
 * Preloaded with `node --require` (through NODE_OPTIONS, so worker threads and child processes get it
 * too): every way to reach the network throws, after appending what was attempted to the file named
 * by BR_NETWORK_TRAP_LOG. The hardening suite runs the built CLI under it (tests/hardening/no-network.test.ts).
 */
'use strict';
const fs = require('fs');
const log = process.env.BR_NETWORK_TRAP_LOG;

function trap(what) {
  return function trapped() {
    if (log) fs.appendFileSync(log, `${what}\n`);
    throw new Error(`network call blocked by the hardening suite: ${what}`);
  };
}

function patch(mod, name, fns) {
  const m = require(mod);
  for (const fn of fns) if (typeof m[fn] === 'function') m[fn] = trap(`${name}.${fn}`);
  return m;
}

patch('http', 'http', ['request', 'get']);
patch('https', 'https', ['request', 'get']);
const net = patch('net', 'net', ['connect', 'createConnection']);
net.Socket.prototype.connect = trap('net.Socket.connect');
patch('tls', 'tls', ['connect']);
patch('dns', 'dns', ['lookup', 'resolve', 'resolve4', 'resolve6']);
patch('dgram', 'dgram', ['createSocket']);
patch('http2', 'http2', ['connect']);
globalThis.fetch = trap('fetch');
if (typeof globalThis.WebSocket === 'function') globalThis.WebSocket = trap('WebSocket');
