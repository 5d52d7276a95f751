#!/usr/bin/env python3
"""`racelint lsp` arguments: --config FILE (also after a reload), --stdio, and
an unknown argument. The VS Code extension passes racelint.config this way.

usage: test_lsp_args.py RACELINT
"""
import json, os, shutil, subprocess, sys, tempfile
sys.path.insert(0, os.path.dirname(__file__))
from lsp_client import Client, uri

RACELINT = sys.argv[1]
passes = fails = 0


def check(cond, what):
    global passes, fails
    if cond:
        passes += 1
    else:
        fails += 1
        print("FAIL:", what, flush=True)


def has_mix(ds):
    return any(d["code"] == "callback-promise-mix" for d in ds)


def has_floating(ds):
    return any(d["code"] == "floating-promise" for d in ds)


def session(ws, args):
    c = Client(RACELINT, cwd=ws, args=args)
    c.request("initialize", {"processId": os.getpid(), "rootUri": uri(ws), "capabilities": {},
                             "workspaceFolders": [{"uri": uri(ws), "name": "ws"}]})
    c.notify("initialized", {})
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri(A), "languageId": "javascript",
                                                       "version": 1, "text": A_TEXT}})
    return c


ws = tempfile.mkdtemp()
try:
    A = os.path.join(ws, "a.js")
    # two findings: the configs below turn only callback-promise-mix on and off,
    # so a published list holding floating-promise is a finished analysis
    # (floating-promise is in racelint:strict: every config turns it on)
    A_TEXT = ("async function save() { await 1; }\nfunction go() {\n  save();\n}\n"
              "function drop(ids) {\n  ids.forEach(async (id) => { await id; });\n}\n")
    open(A, "w").write(A_TEXT)
    # the closest .racelint.json keeps the rule on; the forced file turns it off
    open(os.path.join(ws, ".racelint.json"), "w").write('{"rules": {"callback-promise-mix": "error", "floating-promise": "warning"}}')
    forced = os.path.join(ws, "editor.json")
    open(forced, "w").write('{"rules": {"callback-promise-mix": "off", "floating-promise": "warning"}}')

    c = session(ws, ["--stdio"])
    d = c.diagnostics(uri(A), pred=has_mix)
    check(has_mix(d), "--stdio is accepted; without --config the closest .racelint.json applies")
    check(c.close() == 0, "session without --config exits 0")

    c = session(ws, ["--config", forced])
    d = c.diagnostics(uri(A), pred=has_floating)
    check(not has_mix(d), "--config FILE wins over the closest .racelint.json")
    # the forced file changes; a reload reads it again
    open(forced, "w").write('{"rules": {"callback-promise-mix": "warning", "floating-promise": "warning"}}')
    c.notify("workspace/didChangeConfiguration", {"settings": None})
    d = c.diagnostics(uri(A), pred=has_mix)
    check(any(x["code"] == "callback-promise-mix" and x["severity"] == 2 for x in d),
          "a reload re-reads the --config file (now a warning)")
    check(c.close() == 0, "session with --config exits 0")

    open(forced, "w").write('{"rules": {"callback-promise-mix": "off", "floating-promise": "warning"}}')
    c = session(ws, ["--config=" + forced])
    d = c.diagnostics(uri(A), pred=has_floating)
    check(not has_mix(d), "--config=FILE is the same")
    check(c.close() == 0, "session with --config= exits 0")

    p = subprocess.run([RACELINT, "lsp", "--bogus"], stdin=subprocess.DEVNULL,
                       capture_output=True, text=True)
    check(p.returncode == 2, f"unknown argument exits 2 (got {p.returncode})")
    check("unknown argument '--bogus'" in p.stderr and p.stdout == "",
          f"unknown argument is named on stderr, nothing on stdout: {p.stderr!r}")
    p = subprocess.run([RACELINT, "lsp", "--config"], stdin=subprocess.DEVNULL,
                       capture_output=True, text=True)
    check(p.returncode == 2, "--config without a file exits 2")
finally:
    shutil.rmtree(ws, ignore_errors=True)

print(f"{passes} passed, {fails} failed")
sys.exit(1 if fails else 0)
