#!/usr/bin/env python3
"""Findings of open documents follow changes the editor did not make: a
config change (.racelint.json on disk, workspace/didChangeConfiguration) or
another file changed on disk. With push diagnostics the server publishes
again; with pull diagnostics it sends workspace/diagnostic/refresh when the
client supports it (and never when it does not). Also: a finding's message
names other files relative to the workspace folder, as the CLI run there
does, not by their absolute path.

Every wait is for an event (a message, the server's end of output), never
a period or a deadline: ctest's TIMEOUT guards against a hang.

usage: test_refresh.py RACELINT
"""
import os, shutil, subprocess, sys, tempfile
sys.path.insert(0, os.path.dirname(__file__))
from lsp_client import Client, uri

RACELINT = os.path.abspath(sys.argv[1])
passes = fails = 0


def check(cond, what):
    global passes, fails
    if cond:
        passes += 1
    else:
        fails += 1
        print("FAIL:", what, flush=True)


# callback-promise-mix on line 8, floating-promise on line 14
A_TEXT = """const store = require('./store');

async function save(item) {
  await store.put(item);
}

function saveAll(items) {
  items.forEach(async (it) => {
    await save(it);
  });
}

function saveLater(item) {
  save(item);
}

module.exports = { saveAll, saveLater };
"""

LOCKS = ("import { Mutex } from 'async-mutex';\n"
         "export const stockLock = new Mutex();\nexport const auditLock = new Mutex();\n")
SHIP = ("import { stockLock, auditLock } from './locks.js';\n"
        "export async function ship(o) {\n"
        "  await stockLock.runExclusive(async () => {\n"
        "    await auditLock.runExclusive(async () => { o.shipped = true; });\n"
        "  });\n}\n")
# the same order as SHIP: no cycle; RETURN_SWAPPED takes them the other way round
RETURN = SHIP.replace("ship(o)", "takeBack(o)").replace("o.shipped = true", "o.shipped = false")
RETURN_SWAPPED = RETURN.replace("stockLock.runExclusive(async () => {\n    await auditLock",
                                "auditLock.runExclusive(async () => {\n    await stockLock")

codes = lambda ds: sorted({d["code"] for d in ds})
has = lambda code: (lambda ds: any(d["code"] == code for d in ds))
hasnt = lambda code: (lambda ds: not any(d["code"] == code for d in ds))


def workspace():
    # floating-promise is in racelint:strict: a config above the workspace
    # turns it on, so the workspace's own .racelint.json (closest wins, no
    # cascade) turns it off and removing that one brings it back
    top = os.path.realpath(tempfile.mkdtemp())
    open(os.path.join(top, ".racelint.json"), "w").write('{ "rules": { "floating-promise": "warning" } }\n')
    ws = os.path.join(top, "ws")
    os.mkdir(ws)
    open(os.path.join(ws, "a.js"), "w").write(A_TEXT)
    open(os.path.join(ws, "locks.js"), "w").write(LOCKS)
    open(os.path.join(ws, "ship.js"), "w").write(SHIP)
    open(os.path.join(ws, "return.js"), "w").write(RETURN)
    return ws


def start(ws, pull, refresh):
    c = Client(RACELINT, cwd=ws)
    caps = {"textDocument": {"publishDiagnostics": {"relatedInformation": True}}}
    if pull:
        caps["textDocument"]["diagnostic"] = {"dynamicRegistration": False}
    if refresh:
        caps["workspace"] = {"diagnostics": {"refreshSupport": True}}
    c.request("initialize", {"processId": os.getpid(), "rootUri": uri(ws), "capabilities": caps,
                             "workspaceFolders": [{"uri": uri(ws), "name": "ws"}]})
    c.notify("initialized", {})
    return c


def open_doc(c, path):
    c.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri(path), "languageId": "c" if path.endswith(".c") else "javascript",
        "version": 1, "text": open(path).read()}})


def pull(c, path):
    return c.request("textDocument/diagnostic", {"textDocument": {"uri": uri(path)}})["result"]["items"]


def pull_until(c, path, pred):
    """Pulls until pred holds: a pull waits for the document's analysis, but
    only up to a bound of the server's, after which it answers with what it
    has; the server's state, not a period, decides when this returns."""
    d = pull(c, path)
    while not pred(d):
        d = pull(c, path)
    return d


def refreshed(c):
    """Waits for the server's workspace/diagnostic/refresh request and answers it."""
    m = c.wait(lambda m: m.get("method") == "workspace/diagnostic/refresh")
    c.send({"jsonrpc": "2.0", "id": m["id"], "result": None})
    return m


def watched(c, path, kind):  # kind: 1 created, 2 changed, 3 deleted
    c.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": uri(path), "type": kind}]})


def requests_left(c):
    c.close()
    return [m for m in c.rest() if m.get("method") == "workspace/diagnostic/refresh"]


# --- pull diagnostics, the client takes refresh requests -------------------
ws = workspace()
try:
    A, CONF = os.path.join(ws, "a.js"), os.path.join(ws, ".racelint.json")
    SHIPJS, RETJS = os.path.join(ws, "ship.js"), os.path.join(ws, "return.js")
    c = start(ws, pull=True, refresh=True)
    open_doc(c, A)
    d = pull_until(c, A, lambda ds: len(ds) == 2)
    check(codes(d) == ["callback-promise-mix", "floating-promise"], f"pull: both findings: {codes(d)}")

    # 1. .racelint.json created on disk (a watched-files event)
    open(CONF, "w").write('{ "rules": { "floating-promise": "off" } }\n')
    watched(c, CONF, 1)
    m = refreshed(c)
    check("id" in m, "refresh after .racelint.json created: a request (it has an id)")
    d = pull(c, A)
    check(codes(d) == ["callback-promise-mix"], f"the pull after it: floating-promise off: {codes(d)}")

    # 2. the config gone, told by workspace/didChangeConfiguration only
    os.remove(CONF)
    c.notify("workspace/didChangeConfiguration", {"settings": None})
    refreshed(c)
    d = pull(c, A)
    check(codes(d) == ["callback-promise-mix", "floating-promise"],
          f"refresh after didChangeConfiguration; floating-promise back: {codes(d)}")

    # 3. another file changed on disk: return.js now takes the locks the
    # other way round, a lock-order cycle through ship.js (open, unedited)
    open_doc(c, SHIPJS)
    d = pull(c, SHIPJS)
    check(hasnt("lock-order")(d), f"ship.js: no cycle while both files agree: {codes(d)}")
    open(RETJS, "w").write(RETURN_SWAPPED)
    watched(c, RETJS, 2)
    refreshed(c)
    d = pull(c, SHIPJS)
    while hasnt("lock-order")(d):  # a refresh per change that reached ship.js
        refreshed(c)
        d = pull(c, SHIPJS)
    check(has("lock-order")(d), "refresh after return.js changed on disk: ship.js shows the cycle")

    # 4. an edit of the open document: the client pulls by itself
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri(A), "version": 2},
                                        "contentChanges": [{"text": A_TEXT.replace("  save(item);", "  return save(item);")}]})
    d = pull_until(c, A, hasnt("floating-promise"))
    check(codes(d) == ["callback-promise-mix"], f"edit: the pull has the edited text's findings: {codes(d)}")
    check(c.close() == 0, "session 1 exits cleanly")
    pushes = [m for m in c.rest() if m.get("method") == "textDocument/publishDiagnostics"]
    check(not pushes, f"no push while the client pulls: {pushes[:1]}")
finally:
    shutil.rmtree(os.path.dirname(ws), ignore_errors=True)

# --- pull diagnostics, no refresh support: none is sent --------------------
ws = workspace()
try:
    A, CONF = os.path.join(ws, "a.js"), os.path.join(ws, ".racelint.json")
    c = start(ws, pull=True, refresh=False)
    open_doc(c, A)
    d = pull_until(c, A, lambda ds: len(ds) == 2)
    check(codes(d) == ["callback-promise-mix", "floating-promise"], "pull, no refresh support")
    open(CONF, "w").write('{ "rules": { "floating-promise": "off" } }\n')
    watched(c, CONF, 1)
    d = pull_until(c, A, hasnt("floating-promise"))
    check(codes(d) == ["callback-promise-mix"], f"a later pull has the new config: {codes(d)}")
    left = requests_left(c)
    check(not left, f"no workspace/diagnostic/refresh to a client without refreshSupport: {left[:1]}")
finally:
    shutil.rmtree(os.path.dirname(ws), ignore_errors=True)

# --- push diagnostics: published again ---------------------------------------
ws = workspace()
try:
    A, CONF = os.path.join(ws, "a.js"), os.path.join(ws, ".racelint.json")
    SHIPJS, RETJS = os.path.join(ws, "ship.js"), os.path.join(ws, "return.js")
    c = start(ws, pull=False, refresh=False)
    open_doc(c, A)
    c.diagnostics(uri(A), pred=has("floating-promise"))
    open(CONF, "w").write('{ "rules": { "floating-promise": "off" } }\n')
    c.notify("textDocument/didSave", {"textDocument": {"uri": uri(CONF)}})
    d = c.diagnostics(uri(A), pred=hasnt("floating-promise"))
    check(codes(d) == ["callback-promise-mix"], f"push: .racelint.json saved: floating-promise off: {codes(d)}")
    os.remove(CONF)
    c.notify("workspace/didChangeConfiguration", {"settings": None})
    d = c.diagnostics(uri(A), pred=has("floating-promise"))
    check(codes(d) == ["callback-promise-mix", "floating-promise"], "push: didChangeConfiguration: published again")
    open_doc(c, SHIPJS)
    c.diagnostics(uri(SHIPJS))
    open(RETJS, "w").write(RETURN_SWAPPED)
    watched(c, RETJS, 2)
    d = c.diagnostics(uri(SHIPJS), pred=has("lock-order"))
    check(has("lock-order")(d), "push: return.js changed on disk: ship.js published with the cycle")
    left = requests_left(c)
    check(not left, f"no refresh requests with push diagnostics: {left[:1]}")
finally:
    shutil.rmtree(os.path.dirname(ws), ignore_errors=True)

# --- the lock-order message names the other site relative to the folder -----
ws = os.path.realpath(tempfile.mkdtemp())
try:
    os.makedirs(os.path.join(ws, "src"))
    BANK = os.path.join(ws, "src", "bank.c")
    open(BANK, "w").write("""#include <pthread.h>

static pthread_mutex_t till_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t vault_mu = PTHREAD_MUTEX_INITIALIZER;
static int till, vault;

void deposit(int n) {
  pthread_mutex_lock(&till_mu);
  pthread_mutex_lock(&vault_mu);
  vault += n;
  pthread_mutex_unlock(&vault_mu);
  pthread_mutex_unlock(&till_mu);
}

void close_day(void) {
  pthread_mutex_lock(&vault_mu);
  pthread_mutex_lock(&till_mu);
  vault += till;
  pthread_mutex_unlock(&till_mu);
  pthread_mutex_unlock(&vault_mu);
}
""")
    # C lock-order is in racelint:strict only (rules/lock-order.md): turn it on
    open(os.path.join(ws, ".racelint.json"), "w").write('{"rules": {"lock-order": "error"}}')
    cli = subprocess.run([RACELINT, "--no-cache", "src/bank.c"], cwd=ws, capture_output=True, text=True).stdout
    check("(src/bank.c:17)" in cli, f"CLI in the folder names src/bank.c:17: {cli[:300]}")
    c = start(ws, pull=False, refresh=False)
    open_doc(c, BANK)
    d = c.diagnostics(uri(BANK), pred=has("lock-order"))
    lo = [x for x in d if x["code"] == "lock-order"]
    msg = lo[0]["message"] if lo else ""
    check("(src/bank.c:17)" in msg, f"LSP: the message names src/bank.c:17 as the CLI does: {msg!r}")
    check(ws not in msg, f"LSP: no absolute path in the message: {msg!r}")
    rel = [r["location"]["uri"] for x in lo for r in x.get("relatedInformation", [])]
    check(rel and all(r == uri(BANK) for r in rel), f"related locations keep the file's absolute URI: {rel}")
    check(c.close() == 0, "session 4 exits cleanly")

    # no workspace folder: the absolute path (what the CLI prints for one)
    c = Client(RACELINT, cwd=ws)
    c.request("initialize", {"processId": os.getpid(), "rootUri": None, "capabilities": {}})
    c.notify("initialized", {})
    open_doc(c, BANK)
    d = c.diagnostics(uri(BANK), pred=has("lock-order"))
    msg = [x["message"] for x in d if x["code"] == "lock-order"][0]
    check(f"({BANK}:17)" in msg, f"no folder: the absolute path: {msg!r}")
    rel = [r["location"]["uri"] for x in d for r in x.get("relatedInformation", [])]
    check(rel and all(r == uri(BANK) for r in rel), f"no folder: related URIs: {rel}")
    check(c.close() == 0, "session 5 exits cleanly")
finally:
    shutil.rmtree(ws, ignore_errors=True)

print(f"{passes} passed, {fails} failed")
sys.exit(1 if fails else 0)
