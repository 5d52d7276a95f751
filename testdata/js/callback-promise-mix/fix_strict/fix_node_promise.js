// Fix: a Node-style callback call that ends an async function becomes an
// await of the module's promise API (fs.promises, dns.promises; a lone
// named import moves to 'node:fs/promises'), and the callback's body runs
// after it, in the function. `if (err) throw err` goes (the rejection
// now rejects the function); `if (err) { ...; return; }` becomes a catch.
// Unsafe: the function now waits for the call. Near misses below get no
// fix: code after the call, err read again, no promise twin (fs.open's
// FileHandle, dns.lookup's two values), a function callback using `this`,
// a body declaring a name the function already has.
import fs from 'node:fs';
import * as dns from 'dns';
import { unlink } from 'node:fs';

export async function loadConfig(path) {
  fs.readFile(path, 'utf8', (err, text) => {
    // the file must exist
    if (err) throw err; // expect: [callback-promise-mix] "uncaught exception"
    const cfg = JSON.parse(text);
    return cfg.settings; // expect: [callback-promise-mix] "never reaches its caller"
  });
}

export async function mailHosts(domain) {
  dns.resolveMx(domain, (err, records) => {
    if (err) {
      console.error('no MX for', domain, err.code);
      return;
    }
    return records.map((r) => r.exchange); // expect: [callback-promise-mix] "never reaches its caller"
  });
}

export async function removeLock(p) {
  unlink(p, (err) => {
    if (err) throw err; // expect: [callback-promise-mix] "uncaught exception"
  });
}

export async function notLast(path, log) {
  fs.stat(path, (err, st) => {
    if (err) throw err; // expect: [callback-promise-mix] "uncaught exception"
    log(st.size);
  });
  log('asked');
}

export async function errAgain(path) {
  fs.readdir(path, (err, names) => {
    if (err) throw err; // expect: [callback-promise-mix] "uncaught exception"
    return names.length ? names : err; // expect: [callback-promise-mix] "never reaches its caller"
  });
}

export async function openIt(path) {
  fs.open(path, 'r', (err, fd) => {
    if (err) throw err; // expect: [callback-promise-mix] "uncaught exception"
    return fd; // expect: [callback-promise-mix] "never reaches its caller"
  });
}

export async function addressOf(host) {
  dns.lookup(host, (err, address) => {
    if (err) throw err; // expect: [callback-promise-mix] "uncaught exception"
    return address; // expect: [callback-promise-mix] "never reaches its caller"
  });
}

export async function sizeFor(path) {
  fs.stat(path, function (err, st) {
    if (err) throw err; // expect: [callback-promise-mix] "uncaught exception"
    return this.scale * st.size; // expect: [callback-promise-mix] "never reaches its caller"
  });
}

export async function clash(path) {
  const cfg = { path };
  fs.readFile(path, 'utf8', (err, text) => {
    if (err) throw err; // expect: [callback-promise-mix] "uncaught exception"
    const cfg = JSON.parse(text);
    return cfg.name; // expect: [callback-promise-mix] "never reaches its caller"
  });
}
