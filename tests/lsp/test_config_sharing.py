#!/usr/bin/env python3
"""test_config_sharing.py RACELINT - the editor server's configuration is
shared with the analysis thread safely (issue 14, 10 and 11).

1. .racelint.json is reloaded (didSave, watched-file change,
   didChangeConfiguration) many times while a large document is analysed:
   the server must stay up (under ASan, a use of the freed config aborts it),
   answer a request afterwards, exit cleanly, and its final diagnostics
   follow the last config written.
2. A workspace config naming /dev/stdin (the server's own protocol pipe),
   a FIFO or a directory as compileCommands, or extending /dev/stdin, is
   refused with a message, and the server keeps answering.
No step waits for a time: each waits for the server's answer."""
import os, sys, tempfile
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import Client, uri

RL = sys.argv[1]
os.environ.setdefault("ASAN_OPTIONS", "detect_leaks=0:halt_on_error=1")
fails = 0


def check(cond, what):
    global fails
    if not cond:
        fails += 1
        print("FAIL:", what)


def start(ws):
    c = Client(RL, cwd=ws)
    c.request("initialize", {"processId": os.getpid(), "rootUri": uri(ws), "capabilities": {}})
    c.notify("initialized", {})
    return c


with tempfile.TemporaryDirectory() as ws:
    cfg = os.path.join(ws, ".racelint.json")
    on = '{"rules": {"lazy-init-race": "error"}}'
    off = '{"rules": {"lazy-init-race": "off"}}'
    open(cfg, "w").write(on)
    heavy = os.path.join(ws, "heavy.js")
    text = "".join("let c%d;\nasync function g%d() { if (!c%d) c%d = await fetch('/x'); return c%d; }\n"
                   % ((i,) * 5) for i in range(1500))
    open(heavy, "w").write(text)
    c = start(ws)
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri(heavy), "languageId": "javascript",
                                                       "version": 1, "text": text}})
    version = 1
    for i in range(150):
        open(cfg, "w").write(on if i % 2 else off)
        if i % 3 == 0:
            c.notify("textDocument/didSave", {"textDocument": {"uri": uri(cfg)}})
        elif i % 3 == 1:
            c.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": uri(cfg), "type": 2}]})
        else:
            c.notify("workspace/didChangeConfiguration", {"settings": {}})
        if i % 10 == 0:
            version += 1
            c.notify("textDocument/didChange", {"textDocument": {"uri": uri(heavy), "version": version},
                                                "contentChanges": [{"text": text + "// %d\n" % i}]})
    open(cfg, "w").write(off)
    c.notify("textDocument/didSave", {"textDocument": {"uri": uri(cfg)}})
    try:
        r = c.request("textDocument/hover", {"textDocument": {"uri": uri(heavy)},
                                             "position": {"line": 0, "character": 0}})
        check("result" in r or "error" in r, "the server answers after the reloads")
        # the last config turned the rule off: eventually no lazy-init-race
        d = c.diagnostics(uri(heavy), pred=lambda ds: not any(x.get("code") == "lazy-init-race" for x in ds))
        check(d is not None, "diagnostics follow the last config")
    except EOFError:
        check(False, "the server died during the reloads: " +
              c.p.stderr.read().decode(errors="replace")[-2000:])
    rc = c.close()
    check(rc == 0, "clean exit after the reloads (rc %s)" % rc)

for name, conf in [("stdin", '{"c": {"compileCommands": "/dev/stdin"}}'),
                   ("fifo", '{"c": {"compileCommands": "FIFO"}}'),
                   ("dir", '{"c": {"compileCommands": "."}}'),
                   ("extends", '{"extends": "/dev/stdin"}')]:
    with tempfile.TemporaryDirectory() as ws:
        fifo = os.path.join(ws, "cc.fifo")
        os.mkfifo(fifo)
        open(os.path.join(ws, ".racelint.json"), "w").write(conf.replace("FIFO", fifo))
        a = os.path.join(ws, "a.c")
        open(a, "w").write("int x;\n")
        c = start(ws)
        c.notify("textDocument/didOpen", {"textDocument": {"uri": uri(a), "languageId": "c",
                                                           "version": 1, "text": "int x;\n"}})
        try:
            c.diagnostics(uri(a))
            r = c.request("textDocument/hover", {"textDocument": {"uri": uri(a)},
                                                 "position": {"line": 0, "character": 0}})
            check("result" in r or "error" in r, name + ": the server keeps answering")
            logs = [m for m in c.seen if m.get("method") == "window/logMessage"]
            check(any("not a regular file" in m["params"]["message"] or "cannot read" in m["params"]["message"]
                      for m in logs), name + ": the config is refused with a message")
        except EOFError:
            check(False, name + ": the server died")
        check(c.close() == 0, name + ": clean exit")

print("ok" if not fails else "%d failed" % fails)
sys.exit(1 if fails else 0)
