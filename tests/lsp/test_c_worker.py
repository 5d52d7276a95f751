#!/usr/bin/env python3
"""The editor server parses C in the bounded worker process too: a C file that
kills the worker gets a parse-error diagnostic, the server stays up, and the
next C file is analysed by a new worker. Every wait is for an event (no
deadline): ctest's TIMEOUT guards against a hang.

usage: test_c_worker.py RACELINT SRC_DIR
"""
import os, shutil, sys, tempfile
sys.path.insert(0, os.path.dirname(__file__))
from lsp_client import Client, uri

RACELINT, SRC = sys.argv[1], sys.argv[2]
# the test hook of analyzer/c/cworker.c: the worker crashes on files ending so
os.environ["RACELINT_TEST_C_WORKER_FAULT"] = "crash:/boom.c"
passes = fails = 0


def check(cond, what):
    global passes, fails
    if cond:
        passes += 1
    else:
        fails += 1
        print("FAIL:", what, flush=True)


def open_doc(c, path, text):
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri(path), "languageId": "c",
                                                       "version": 1, "text": text}})


ws = tempfile.mkdtemp()
try:
    boom = os.path.join(ws, "boom.c")
    open(boom, "w").write("int boom;\n")
    abba = os.path.join(ws, "abba.c")
    shutil.copy(os.path.join(SRC, "testdata/c/lock-order/abba.c"), abba)
    # C lock-order is in racelint:strict only (rules/lock-order.md): turn it on
    open(os.path.join(ws, ".racelint.json"), "w").write('{"rules": {"lock-order": "error"}}')
    c = Client(RACELINT, cwd=ws)
    c.request("initialize", {"processId": os.getpid(), "rootUri": uri(ws), "capabilities": {}})
    c.notify("initialized", {})
    open_doc(c, boom, open(boom).read())
    d = c.diagnostics(uri(boom))
    msgs = [x["message"] for x in d]
    check(any("not analysed: the C parser process crashed" in m for m in msgs),
          f"crash reported as a diagnostic: {msgs}")
    check(all(x["code"] == "parse-error" for x in d), f"as parse-error: {d}")
    open_doc(c, abba, open(abba).read())
    d = c.diagnostics(uri(abba), pred=lambda ds: len(ds) > 0)
    check(any(x["code"] == "lock-order" for x in d), f"next C file analysed: {d}")
    check(c.close() == 0, "server exits cleanly after a worker crash")
finally:
    shutil.rmtree(ws, ignore_errors=True)

print(f"{passes} passed, {fails} failed")
sys.exit(1 if fails else 0)
