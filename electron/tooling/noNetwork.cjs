// Keeps a tool run offline: every way Node reaches the network (DNS lookups, TCP and TLS
// sockets, http/https requests) is refused at once, and each attempt is recorded, so a
// caller can fail loudly when a tool it runs tried anyway (instead of waiting for a timeout
// and carrying on). Used by the security scan (securityScan.cjs).
'use strict';
const dns = require('node:dns');
const http = require('node:http');
const https = require('node:https');
const net = require('node:net');
const tls = require('node:tls');

function installNetworkGuard() {
  const attempts = [];
  const refusal = (what) => {
    attempts.push(what);
    return new Error(`Network access is switched off for this run (${what}).`);
  };
  const describe = (args) => {
    let [first] = args;
    if (Array.isArray(first)) [first] = first; // net.connect hands Socket#connect its normalised arguments
    if (first && typeof first === 'object') return `${first.host ?? first.hostname ?? first.path ?? '?'}:${first.port ?? ''}`;
    return String(first);
  };

  net.Socket.prototype.connect = function connect(...args) {
    const error = refusal(`socket to ${describe(args)}`);
    process.nextTick(() => this.destroy(error));
    return this;
  };
  tls.connect = (...args) => {
    const socket = new tls.TLSSocket(new net.Socket());
    const error = refusal(`TLS to ${describe(args)}`);
    process.nextTick(() => socket.destroy(error));
    return socket;
  };
  dns.lookup = (hostname, options, callback) => {
    const done = typeof options === 'function' ? options : callback;
    const error = Object.assign(refusal(`DNS lookup of ${hostname}`), { code: 'ENOTFOUND' });
    process.nextTick(() => done(error));
  };
  dns.promises.lookup = async (hostname) => {
    throw Object.assign(refusal(`DNS lookup of ${hostname}`), { code: 'ENOTFOUND' });
  };
  for (const Resolver of [dns.Resolver, dns.promises.Resolver]) {
    for (const method of ['resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveTxt']) {
      Resolver.prototype[method] = function refuse(hostname, ...rest) {
        const error = Object.assign(refusal(`DNS query for ${hostname}`), { code: 'ECONNREFUSED' });
        const callback = rest.find((r) => typeof r === 'function');
        if (callback) return void process.nextTick(() => callback(error));
        return Promise.reject(error);
      };
    }
  }
  for (const [name, lib] of [['http', http], ['https', https]]) {
    const request = (...args) => {
      const error = refusal(`${name} request to ${describe(args) === '[object URL]' ? String(args[0]) : describe(args)}`);
      const req = new http.ClientRequest({ createConnection: () => new net.Socket(), host: '127.0.0.1', port: 9 });
      process.nextTick(() => req.destroy(error));
      return req;
    };
    lib.request = request;
    lib.get = (...args) => {
      const req = request(...args);
      req.end();
      return req;
    };
  }
  return attempts;
}

module.exports = { installNetworkGuard };
