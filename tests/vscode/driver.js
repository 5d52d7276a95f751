// Drives VS Code (code-server) in headless Chromium and checks what a user of
// the racelint extension sees. Every wait polls for a state with a generous
// upper bound (nothing waits a fixed time for something to happen).
//
// usage: node driver.js main    URL WORKSPACE PROBE_DIR OUT_DIR RACELINT
//        node driver.js roots   URL ROOTS_DIR PROBE_DIR OUT_DIR
//        node driver.js bundled URL WORKSPACE PROBE_DIR OUT_DIR EXTENSIONS_DIR
//   main:    one folder (see README.md for the steps)
//   roots:   a two-folder workspace opened untrusted, then trusted
//   bundled: the linux-x64 .vsix, racelint.path empty and no racelint on PATH
'use strict';
const { chromium } = require('playwright-core');
const fs = require('fs');
const path = require('path');

const [mode, url, ws, probeDir, outDir, racelint] = process.argv.slice(2);
const WAIT_MS = 180000; // upper bound for one expected state (a loaded 2-core machine)
let passes = 0;
let fails = 0;
let page;

const log = (...a) => console.log('[driver]', ...a);
const delay = (ms) => new Promise((r) => setTimeout(r, ms));

function check(cond, what) {
  if (cond) passes++;
  else fails++;
  console.log(`${cond ? 'ok  ' : 'FAIL'} ${what}`);
  return cond;
}

/** Polls fn until it returns a truthy value; null after timeoutMs. */
async function waitFor(fn, timeoutMs = WAIT_MS) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn().catch(() => null);
    if (v) return v;
    if (Date.now() > deadline) return null;
    await delay(250);
  }
}

// --- the probe extension: requests in, responses out ---------------------------------------
let seq = 0;
async function rpc(op, args = {}) {
  const name = String(++seq).padStart(6, '0') + '.json';
  const req = path.join(probeDir, 'requests', name);
  fs.writeFileSync(req + '.tmp', JSON.stringify({ op, ...args }));
  fs.renameSync(req + '.tmp', req);
  const res = path.join(probeDir, 'responses', name);
  const r = await waitFor(async () => fs.existsSync(res) && JSON.parse(fs.readFileSync(res, 'utf8')));
  if (!r) throw new Error(`probe did not answer ${op}`);
  if (!r.ok) throw new Error(`probe ${op}: ${r.error}`);
  return r.result;
}

const file = (name) => path.join(ws, name);
const fileUri = (name) => 'file://' + file(name);

/** racelint's diagnostics of one file, as vscode.languages.getDiagnostics() reports them. */
function diags(name) {
  const p = path.join(probeDir, 'diagnostics.json');
  if (!fs.existsSync(p)) return [];
  const d = JSON.parse(fs.readFileSync(p, 'utf8'));
  const f = d.all.find((x) => x.uri === fileUri(name));
  return f ? f.diagnostics.filter((x) => x.source === 'racelint') : [];
}
const has = (name, code, line) => diags(name).find((d) => d.code === code && (line === undefined || d.range[0] === line));

// --- the workbench ---------------------------------------------------------------------------
async function problemsText() {
  if (!(await page.locator('.markers-panel').isVisible().catch(() => false))) {
    await page.keyboard.press('Control+Shift+M');
  }
  return page.locator('.markers-panel').innerText({ timeout: 5000 }).catch(() => '');
}

/**
 * Quick Open (Ctrl+P) of a workspace file, the way a user does it: type the
 * file name, and press Enter once the focused row of the list is that file
 * (rel: its path in the workspace). Until the file search answers, the list
 * still shows the rows of before (the recently opened jobs.js when bank.c is
 * typed): Enter then opens the wrong file, which is what a fixed wait before
 * Enter could not rule out. A row shows the name and, in a smaller font, the
 * folder ("bank.c" then "c"): the row's whole text is "bank.cc", so the name
 * and the folder are read from their own elements.
 */
async function quickOpen(rel) {
  const name = path.basename(rel);
  const dir = path.dirname(rel) === '.' ? '' : path.dirname(rel);
  const input = page.locator('.quick-input-widget input');
  // Escape only when a quick input is open: it also hides notification toasts
  if (await input.isVisible().catch(() => false)) await page.keyboard.press('Escape');
  await page.keyboard.press('Control+P');
  if (!(await waitFor(() => input.isVisible()))) return false;
  await input.fill(name);
  const row = () => page.evaluate(() => {
    const r = document.querySelector('.quick-input-list .monaco-list-row.focused');
    const text = (sel) => ((r && r.querySelector(sel)) || { textContent: '' }).textContent.trim();
    return r ? { name: text('.label-name'), dir: text('.label-description') } : null;
  });
  const ready = await waitFor(async () => {
    const r = await row();
    return (await input.inputValue()) === name && r && r.name === name && r.dir.replace(/\/$/, '') === dir;
  });
  if (!ready) {
    const rows = await page.locator('.quick-input-list .monaco-list-row').allInnerTexts().catch(() => []);
    log(`Quick Open of ${rel}: the list never focused it; focused ${JSON.stringify(await row().catch(() => null))}, rows: ${JSON.stringify(rows)}`);
    return false;
  }
  await page.keyboard.press('Enter');
  const tab = page.locator(`.tabs-container .tab.active[aria-label*="${name}"]`);
  return !!(await waitFor(async () => (await tab.count()) > 0));
}

/**
 * The texts of all notifications, from the notification center: it lists every
 * notification, also one whose toast is hidden. A toast is not a state to wait
 * for: Escape hides it, and the extension may show its message before the
 * driver looks (it activates at start-up when the workspace has a
 * .racelint.json, as it now does: c/.racelint.json). The center is opened,
 * read in one go once rendered (its title says "No new notifications" when
 * there is none, so an empty list is not a list not drawn yet), and closed.
 */
async function notifications() {
  await rpc('command', { id: 'notifications.showList' });
  const got = await waitFor(() => page.evaluate(() => {
    const c = document.querySelector('.notifications-center');
    if (!c || !c.offsetParent) return null;
    const title = ((c.querySelector('.notifications-center-header-title') || {}).textContent || '').trim();
    const items = [...c.querySelectorAll('.notification-list-item')].map((e) => e.innerText);
    if (/^no new notifications$/i.test(title) ? items.length !== 0 : items.length === 0) return null; // mid-render
    return { items };
  }));
  await rpc('command', { id: 'notifications.hideList' });
  if (!got) throw new Error('the notification center never showed'); // not "no notification"
  return got.items;
}

async function statusItem() {
  const item = page.locator('.statusbar-item').filter({ hasText: 'racelint' }).first();
  if (!(await item.isVisible().catch(() => false))) return null;
  return {
    text: await item.innerText(),
    label: (await item.getAttribute('aria-label')) || '',
    error: (await item.locator('.codicon-error').count()) > 0,
    check: (await item.locator('.codicon-check').count()) > 0,
    shield: (await item.locator('.codicon-shield').count()) > 0,
  };
}

async function shot(name) {
  await page.screenshot({ path: path.join(outDir, name) }).catch(() => {});
}

/** The racelint output channel (with racelint.trace.server = messages) as VS Code logged it. */
function racelintLog() {
  const dir = process.env.RACELINT_VSCODE_LOGS;
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/-racelint\.log$/.test(e.name)) out.push(fs.readFileSync(p, 'utf8'));
    }
  };
  if (dir && fs.existsSync(dir)) walk(dir);
  return out.join('\n');
}

/** `racelint lsp` processes whose working directory is inside dir: [{pid, cwd, exe}]. */
function lspProcesses(dir) {
  const out = [];
  for (const pid of fs.readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (path.basename(argv[0]) !== 'racelint' || argv[1] !== 'lsp') continue;
      const cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
      if (cwd === dir || cwd.startsWith(dir + '/')) out.push({ pid, cwd, exe: fs.readlinkSync(`/proc/${pid}/exe`) });
    } catch {
      // gone meanwhile, or not ours
    }
  }
  return out;
}

// --- the two-folder workspace, untrusted then trusted ---------------------------------------------
async function roots() {
  const front = path.join(ws, 'front');
  const back = path.join(ws, 'back');
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120000 });
  check(await waitFor(() => page.waitForSelector('.monaco-workbench', { timeout: 5000 })), 'workbench loaded (two folders)');
  // VS Code asks whether to trust the folders: no
  const no = page.locator('.monaco-dialog-box .monaco-button', { hasText: "No, I don't trust" }).first();
  check(await waitFor(async () => (await no.isVisible()) && (await no.click(), true)), 'the trust dialog answered: do not trust');
  check(await waitFor(async () => fs.existsSync(path.join(probeDir, 'ready'))), 'probe extension active');
  await rpc('open', { path: path.join(front, 'jobs.js') });
  const shield = await waitFor(async () => {
    const s = await statusItem();
    return s && s.label === 'racelint: untrusted' && s.shield ? s : null;
  });
  check(!!shield, 'untrusted: the status item says racelint is not started');
  check(lspProcesses(ws).length === 0, 'untrusted: no racelint lsp process');
  await shot('untrusted.png');

  // trust the workspace through the Workspace Trust editor
  await rpc('command', { id: 'workbench.trust.manage' });
  const trust = page.locator('.workspace-trust-editor .monaco-button', { hasText: /^Trust$/ }).first();
  check(await waitFor(async () => (await trust.isVisible()) && (await trust.click(), true)), 'Manage Workspace Trust: Trust clicked');
  const procs = await waitFor(async () => { const p = lspProcesses(ws); return p.length >= 2 ? p : null; });
  check(!!procs && procs.length === 2 && procs.some((p) => p.cwd === front) && procs.some((p) => p.cwd === back),
    `trusted: one racelint lsp per root folder, started in it (${JSON.stringify(procs)})`);
  await rpc('open', { path: path.join(back, 'jobs.js') });
  await rpc('open', { path: path.join(front, 'jobs.js') });
  const at = (dir, code) => {
    const p = path.join(probeDir, 'diagnostics.json');
    const d = fs.existsSync(p) ? JSON.parse(fs.readFileSync(p, 'utf8')) : { all: [] };
    const f = d.all.find((x) => x.uri === 'file://' + path.join(dir, 'jobs.js'));
    return !!f && f.diagnostics.some((x) => x.source === 'racelint' && x.code === code);
  };
  check(await waitFor(async () => at(back, 'floating-promise') && at(back, 'callback-promise-mix')),
    'back/jobs.js: floating-promise and callback-promise-mix');
  check(await waitFor(async () => at(front, 'callback-promise-mix')) && !at(front, 'floating-promise'),
    "front/jobs.js: callback-promise-mix, no floating-promise (front's .racelint.json turns it off)");
}

// --- the linux-x64 .vsix: its own racelint, none on PATH ------------------------------------------
async function bundled() {
  const extDir = racelint;
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120000 });
  check(await waitFor(() => page.waitForSelector('.monaco-workbench', { timeout: 5000 })), 'workbench loaded (bundled .vsix)');
  check(await waitFor(async () => fs.existsSync(path.join(probeDir, 'ready'))), 'probe extension active');
  await rpc('open', { path: file('jobs.js') });
  check(await waitFor(async () => has('jobs.js', 'callback-promise-mix') && has('jobs.js', 'floating-promise')),
    'bundled: jobs.js has callback-promise-mix and floating-promise (racelint.path empty, no racelint on PATH)');
  const procs = lspProcesses(ws);
  check(procs.length === 1 && procs[0].exe.startsWith(extDir + '/') && procs[0].exe.endsWith('/bin/linux-x64/racelint'),
    `the racelint lsp running is the extension's bin/linux-x64/racelint (${JSON.stringify(procs)})`);
  check(await waitFor(async () => { const s = await statusItem(); return s && s.check; }), 'bundled: the status item shows the server running');
  check(!(await notifications()).some((t) => t.includes('racelint was not found')), 'bundled: no "racelint was not found" message');
  await shot('bundled.png');
}

// --- the scenario ------------------------------------------------------------------------------
async function scenario() {
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120000 });
  check(await waitFor(() => page.waitForSelector('.monaco-workbench', { timeout: 5000 })), 'workbench loaded');
  check(await waitFor(async () => fs.existsSync(path.join(probeDir, 'ready'))), 'probe extension active');
  log('VS Code', fs.readFileSync(path.join(probeDir, 'ready'), 'utf8'));

  // 1. racelint missing (racelint.path names no file): one clear message, red status item
  check(await quickOpen('jobs.js'), 'jobs.js opened with Quick Open');
  const toast = await waitFor(async () => (await notifications()).find((t) => t.includes('racelint was not found')));
  check(!!toast, 'racelint missing: an error notification says racelint was not found');
  log('notification:', JSON.stringify(toast));
  check(!!toast && toast.includes('racelint.path is ' + path.join(ws, 'no-such-dir/racelint') + ', which does not exist'),
    'the message names the racelint.path that does not exist');
  check(!!toast && toast.includes('sudo make install') && toast.includes('Debian package') && toast.includes('racelint.path setting') && !/\bat \w+ \(|Error:/.test(toast),
    'the message says how to install racelint and is not a stack trace');
  const st = await waitFor(async () => { const s = await statusItem(); return s && s.error ? s : null; });
  check(!!st, 'racelint missing: the status-bar item shows an error');
  check((await notifications()).filter((t) => t.includes('racelint')).length === 1, 'exactly one racelint notification');
  await shot('missing.png');
  await page.keyboard.press('Escape');
  // clear the notification before the next steps
  await page.locator('.notifications-toasts .codicon-notifications-clear, .notifications-toasts .codicon-close').first().click().catch(() => {});

  // 2. point racelint.path at the build: the server starts, the status item turns into a check
  await rpc('setting', { key: 'racelint.path', value: racelint });
  check(await waitFor(async () => { const s = await statusItem(); return s && s.check; }), 'racelint.path set: the status item shows the server running');

  // 3. JS findings: rule ids, related information, Problems panel
  const mix = await waitFor(async () => has('jobs.js', 'callback-promise-mix', 8) && has('jobs.js', 'callback-promise-mix', 12) && has('jobs.js', 'floating-promise', 18));
  check(!!mix, 'jobs.js: getDiagnostics() has callback-promise-mix (lines 9 and 13) and floating-promise (line 19)');
  const named = has('jobs.js', 'callback-promise-mix', 8);
  check(!!named && named.related.some((r) => r.message.includes('declared async here') && r.line === 3 && r.uri === fileUri('jobs.js')),
    'jobs.js:9 carries related information: sendOne declared async at line 4');
  check(!!named && /rules\/callback-promise-mix\.md$/.test(named.href || ''), 'the rule id links to the rule documentation');
  const ptext = await waitFor(async () => { const t = await problemsText(); return t.includes('callback-promise-mix') && t.includes('floating-promise') ? t : null; });
  check(!!ptext, 'Problems panel lists callback-promise-mix and floating-promise');

  // 4. C findings with related information
  check(await quickOpen('c/bank.c'), 'c/bank.c opened with Quick Open');
  const lo = await waitFor(async () => has('c/bank.c', 'lock-order', 9));
  check(!!lo, 'bank.c: getDiagnostics() has lock-order at line 10');
  check(!!lo && lo.related.some((r) => r.line === 18 && r.message.includes("'accounts_mu' taken while 'ledger_mu' is held")),
    'lock-order carries the other acquisition (line 19) as related information');
  const ctext = await waitFor(async () => { const t = await problemsText(); return t.includes('lock-order') && t.includes('callback-promise-mix') ? t : null; });
  check(!!ctext, 'Problems panel lists lock-order next to the JS findings');
  if (ctext) fs.writeFileSync(path.join(outDir, 'problems-panel.txt'), ctext);
  await page.locator('.markers-panel').screenshot({ path: path.join(outDir, 'problems-panel.png') }).catch(() => {});
  await shot('problems.png');

  // 5. edit: audit() takes the locks in the same order as post(): the cycle is gone
  const bank = (await rpc('text', { path: file('c/bank.c') })).text;
  const fixed = bank.replace(
    '  pthread_mutex_lock(&ledger_mu);\n  pthread_mutex_lock(&accounts_mu);\n  entries = balance;',
    '  pthread_mutex_lock(&accounts_mu);\n  pthread_mutex_lock(&ledger_mu);\n  entries = balance;');
  check(fixed !== bank && (await rpc('setText', { path: file('c/bank.c'), text: fixed })), 'bank.c edited in the editor (unsaved)');
  check(await waitFor(async () => !has('c/bank.c', 'lock-order')), 'the lock-order finding goes away after the edit');
  check(await waitFor(async () => { const t = await problemsText(); return !t.includes('lock-order') && t.includes('callback-promise-mix'); }),
    'and leaves the Problems panel');

  // 6. fix all: applies exactly the fixes the server marks preferred (safe); the others are counted
  check(await quickOpen('jobs.js'), 'back to jobs.js');
  let preferred = 0;
  let notPreferred = 0;
  for (const d of diags('jobs.js')) {
    const acts = await rpc('codeActions', { path: file('jobs.js'), line: d.range[0] });
    log(`quick fixes on line ${d.range[0] + 1}:`, JSON.stringify(acts.filter((a) => a.kind === 'quickfix')));
    // quick fixes only (the built-in TypeScript extension adds refactorings)
    const mine = acts.filter((a) => a.kind === 'quickfix' && !a.title.startsWith('Suppress '));
    preferred += mine.filter((a) => a.isPreferred).length;
    notPreferred += mine.filter((a) => !a.isPreferred).length;
    check(acts.some((a) => a.title === `Suppress ${d.code} on this line`), `line ${d.range[0] + 1}: the server offers a suppression for ${d.code}`);
  }
  log(`server quick fixes in jobs.js: ${preferred} preferred, ${notPreferred} not preferred`);
  const before = (await rpc('text', { path: file('jobs.js') })).text;
  const fa = await rpc('command', { id: 'racelint.fixAll', args: [] });
  log('fix all:', JSON.stringify(fa));
  check(fa && fa.applied === preferred && fa.unsafe === notPreferred,
    `fix all applied the ${preferred} preferred fix(es) and counted ${notPreferred} that may change behaviour`);
  if (preferred === 0) check((await rpc('text', { path: file('jobs.js') })).text === before, 'fix all left the text alone (no safe fix offered)');

  // 7. a quick fix the way a user applies it: cursor on the finding, Ctrl+., pick it
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input').fill(':13:7');
  await page.keyboard.press('Enter');
  let picked = false;
  for (let attempt = 1; attempt <= 5 && !picked; attempt++) {
    await page.keyboard.press('Control+.');
    const item = page.locator('.action-widget .monaco-list-row', { hasText: 'for...of' }).first();
    if (await item.waitFor({ state: 'visible', timeout: 30000 }).then(() => true, () => false)) {
      await item.click();
      picked = true;
    } else {
      await page.keyboard.press('Escape');
    }
  }
  check(picked, 'Ctrl+. on jobs.js:13 lists "Rewrite as a for...of loop" and it is picked');
  const after = await waitFor(async () => { const t = (await rpc('text', { path: file('jobs.js') })).text; return t.includes('for (const id of ids)') ? t : null; });
  check(!!after && !after.includes('ids.forEach'), 'the quick fix rewrote ids.forEach(async ...) into for (const id of ids)');
  check(await waitFor(async () => !has('jobs.js', 'callback-promise-mix', 12) && has('jobs.js', 'callback-promise-mix', 8)),
    'its finding is gone, the other forEach finding stays');
  await shot('quickfix.png');

  // 8. config: a .racelint.json written on disk turns floating-promise off, removing it turns it on
  fs.writeFileSync(file('.racelint.json'), '{ "rules": { "floating-promise": "off" } }\n');
  check(await waitFor(async () => !has('jobs.js', 'floating-promise') && has('jobs.js', 'callback-promise-mix')),
    '.racelint.json created: floating-promise disappears, callback-promise-mix stays');
  // VS Code pulls diagnostics: it saw the change because racelint asked it to pull again
  check(await waitFor(async () => racelintLog().includes("Received request 'workspace/diagnostic/refresh")),
    'racelint sent workspace/diagnostic/refresh and VS Code pulled (racelint.trace.server log)');
  fs.unlinkSync(file('.racelint.json'));
  check(await waitFor(async () => has('jobs.js', 'floating-promise')), '.racelint.json deleted: floating-promise is back');

  // 9. the racelint.config setting (racelint lsp --config FILE) restarts the server with it
  fs.writeFileSync(file('editor-config.json'), '{ "rules": { "callback-promise-mix": "off" } }\n');
  await rpc('setting', { key: 'racelint.config', value: 'editor-config.json' });
  check(await waitFor(async () => !has('jobs.js', 'callback-promise-mix') && has('jobs.js', 'floating-promise')),
    'racelint.config = editor-config.json: callback-promise-mix is off, floating-promise stays');
  fs.writeFileSync(file('editor-config.json'), '{ "rules": { "callback-promise-mix": "off", "floating-promise": "off" } }\n');
  check(await waitFor(async () => !has('jobs.js', 'floating-promise')), 'editing the racelint.config file is picked up without a restart');
  await rpc('setting', { key: 'racelint.config', value: '' });
  check(await waitFor(async () => has('jobs.js', 'callback-promise-mix') && has('jobs.js', 'floating-promise')),
    'racelint.config cleared: both rules are back');

  // 10. restart command: the server comes back and findings are there again
  await rpc('command', { id: 'racelint.restart' });
  check(await waitFor(async () => { const s = await statusItem(); return s && s.check && has('jobs.js', 'floating-promise'); }),
    'racelint.restart: the server runs again with its findings');
}

(async () => {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (e) => log('page error:', e.message));
  try {
    if (mode === 'roots') await roots();
    else if (mode === 'bundled') await bundled();
    else await scenario();
  } catch (e) {
    check(false, 'scenario ran to the end: ' + (e && e.stack ? e.stack : e));
    await shot('error.png');
  } finally {
    await browser.close().catch(() => {});
  }
  console.log(`${passes} passed, ${fails} failed`);
  process.exit(fails || !passes ? 1 : 0);
})();
