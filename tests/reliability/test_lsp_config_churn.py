#!/usr/bin/env python3
"""test_lsp_config_churn.py RACELINT - variants of issue 14/10-11 written by a
second session: while a large document is analysed, the workspace config is
deleted, rewritten as invalid JSON, replaced by a link to /dev/stdin (the
server's protocol pipe), by a FIFO, by a directory, made to extend a second
file that then changes, and a nested folder config is created and deleted,
each announced by didSave, didChangeWatchedFiles (created, changed, deleted)
or didChangeConfiguration. The server must stay up (under ASan a use of a
freed config aborts it), answer afterwards, follow the last config, and exit
cleanly. No step waits for a time: each waits for the server's answer."""
import os, shutil, sys, tempfile
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lsp"))
from lsp_client import Client, uri

RL = sys.argv[1]
os.environ.setdefault("ASAN_OPTIONS", "detect_leaks=0:halt_on_error=1")
fails = 0


def check(cond, what):
    global fails
    if not cond:
        fails += 1
        print("FAIL:", what)


ON = '{"rules": {"lazy-init-race": "error"}}'
OFF = '{"rules": {"lazy-init-race": "off"}}'

with tempfile.TemporaryDirectory() as ws:
    cfg = os.path.join(ws, ".racelint.json")
    base = os.path.join(ws, "base.json")
    nested = os.path.join(ws, "sub", ".racelint.json")
    os.makedirs(os.path.join(ws, "sub"))
    open(cfg, "w").write(ON)
    heavy = os.path.join(ws, "heavy.js")
    text = "".join("let c%d;\nasync function g%d() { if (!c%d) c%d = await fetch('/x'); return c%d; }\n"
                   % ((i,) * 5) for i in range(1500))
    open(heavy, "w").write(text)
    c = Client(RL, cwd=ws)
    c.request("initialize", {"processId": os.getpid(), "rootUri": uri(ws), "capabilities": {}})
    c.notify("initialized", {})
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri(heavy), "languageId": "javascript",
                                                       "version": 1, "text": text}})

    def clear():
        if os.path.islink(cfg) or os.path.isfile(cfg) or (os.path.exists(cfg) and not os.path.isdir(cfg)):
            os.unlink(cfg)
        elif os.path.isdir(cfg):
            shutil.rmtree(cfg)

    def announce(i, path, kind):
        how = i % 3
        if how == 0 and kind != 3:
            c.notify("textDocument/didSave", {"textDocument": {"uri": uri(path)}})
        elif how == 1 or kind == 3:
            c.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": uri(path), "type": kind}]})
        else:
            c.notify("workspace/didChangeConfiguration", {"settings": {}})

    steps = [
        ("delete", lambda: clear(), 3),
        ("invalid", lambda: open(cfg, "w").write('{"rules": '), 1),
        ("stdin link", lambda: (clear(), os.symlink("/dev/stdin", cfg)), 2),
        ("fifo", lambda: (clear(), os.mkfifo(cfg)), 2),
        ("directory", lambda: (clear(), os.mkdir(cfg)), 2),
        ("extends", lambda: (clear(), open(base, "w").write(ON), open(cfg, "w").write('{"extends": "base.json"}')), 1),
        ("base changes", lambda: open(base, "w").write(OFF), 2),
        ("nested created", lambda: open(nested, "w").write(ON), 1),
        ("nested deleted", lambda: os.unlink(nested), 3),
        ("plain", lambda: (clear(), open(cfg, "w").write(ON)), 1),
    ]
    version = 1
    try:
        for i in range(60):
            name, act, kind = steps[i % len(steps)]
            act()
            announce(i, nested if name.startswith("nested") else (base if name == "base changes" else cfg), kind)
            if i % 4 == 0:
                version += 1
                c.notify("textDocument/didChange", {"textDocument": {"uri": uri(heavy), "version": version},
                                                    "contentChanges": [{"text": text + "// %d\n" % i}]})
        clear()
        open(cfg, "w").write(OFF)
        c.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": uri(cfg), "type": 1}]})
        r = c.request("textDocument/hover", {"textDocument": {"uri": uri(heavy)},
                                             "position": {"line": 0, "character": 0}})
        check("result" in r or "error" in r, "the server answers after the churn")
        d = c.diagnostics(uri(heavy), pred=lambda ds: not any(x.get("code") == "lazy-init-race" for x in ds))
        check(d is not None, "diagnostics follow the last config (rule off)")
        open(cfg, "w").write(ON)
        c.notify("textDocument/didSave", {"textDocument": {"uri": uri(cfg)}})
        d = c.diagnostics(uri(heavy), pred=lambda ds: any(x.get("code") == "lazy-init-race" for x in ds))
        check(d is not None, "and back on")
    except EOFError:
        check(False, "the server died: " + c.p.stderr.read().decode(errors="replace")[-2000:])
    rc = c.close()
    check(rc == 0, "clean exit after the churn (rc %s)" % rc)

print("ok" if not fails else "%d failed" % fails)
sys.exit(1 if fails else 0)
