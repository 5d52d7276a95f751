#!/usr/bin/env python3
"""test_pkgtypes.py RACELINT - the editor server knows what the packages a
workspace imports declare, as the command line does (issue 19): a call of
a method that only a package's .d.ts under node_modules says returns a
promise is a floating-promise in the editor too, on the same line as the
CLI reports it, and follows edits (an edit that changes no import or
dropped call keeps the set read; one that does reads it again).
Without node_modules, nothing is reported for such calls and the server
says once, not per edit, that package types were not found. Whether the
types are read is decided per file, as the command line does: a config
with both rules that use them off reads none; a folder's config that
turns one on gets them there.

The packages are written here (made up, no real package's text). Every
wait is for a message from the server, never a period: ctest's TIMEOUT
guards against a hang."""
import json, os, shutil, subprocess, sys, tempfile
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import Client, uri

RL = os.path.abspath(sys.argv[1])
os.environ.setdefault("ASAN_OPTIONS", "detect_leaks=0:halt_on_error=1")
fails = 0


def check(cond, what):
    global fails
    if not cond:
        fails += 1
        print("FAIL:", what, flush=True)


PKG_JSON = '{ "name": "jobline", "version": "1.0.0", "types": "dist/index.d.ts" }\n'
INDEX_DTS = "export { Line } from './line';\n"
LINE_DTS = """export declare class Line {
    push(job: string): Promise<number>;
    length(): number;
}
"""
# line 2: dropped promise of a package method; line 3: a number, never
APP = """import { Line } from 'jobline';
export function start(l: Line): void {
  l.push('a');
  l.length();
}
"""
NOTICE = "package types not found"


def workspace(with_modules):
    ws = os.path.realpath(tempfile.mkdtemp())
    open(os.path.join(ws, "app.ts"), "w").write(APP)
    # floating-promise is in racelint:strict: the workspace turns it on
    # (cases 3 and 4 write their own config over this one)
    open(os.path.join(ws, ".racelint.json"), "w").write('{ "rules": { "floating-promise": "warning" } }\n')
    if with_modules:
        d = os.path.join(ws, "node_modules", "jobline")
        os.makedirs(os.path.join(d, "dist"))
        open(os.path.join(d, "package.json"), "w").write(PKG_JSON)
        open(os.path.join(d, "dist", "index.d.ts"), "w").write(INDEX_DTS)
        open(os.path.join(d, "dist", "line.d.ts"), "w").write(LINE_DTS)
    return ws


def cli_lines(ws):
    """(0-based line, rule) of the CLI's findings in app.ts."""
    out = subprocess.run([RL, "--no-cache", "--exit-zero", "--format", "json", "--root", ws,
                          os.path.join(ws, "app.ts")], capture_output=True, text=True, cwd=ws)
    data = json.loads(out.stdout)
    return {(f["range"]["start"]["line"] - 1, f["ruleId"]) for f in data["findings"]}


def start(ws):
    c = Client(RL, cwd=ws)
    c.request("initialize", {"processId": os.getpid(), "rootUri": uri(ws), "capabilities": {}})
    c.notify("initialized", {})
    return c


def open_app(c, path):
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri(path), "languageId": "typescript",
                                                       "version": 1, "text": APP}})


def notices(c):
    """The "package types not found" notices the server sent after the last read."""
    return [m for m in c.rest() if m.get("method") == "window/logMessage"
            and NOTICE in m["params"]["message"]]


def fp_lines(ds):
    return sorted(d["range"]["start"]["line"] for d in ds if d.get("code") == "floating-promise")


def edit(c, path, version, text):
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri(path), "version": version},
                                        "contentChanges": [{"text": text}]})


# 1. node_modules installed: the CLI and the editor report the same call
ws = workspace(True)
app = os.path.join(ws, "app.ts")
try:
    cli = cli_lines(ws)
    check(cli == {(2, "floating-promise")}, "the CLI reports l.push() only: %s" % sorted(cli))
    c = start(ws)
    open_app(c, app)
    d = c.diagnostics(uri(app), pred=lambda ds: fp_lines(ds) != [])
    check(fp_lines(d) == [2], "the editor reports l.push() as the CLI does: %s" % fp_lines(d))
    check(all("'push'" in x["message"] for x in d if x.get("code") == "floating-promise"),
          "the finding names push: %s" % [x["message"] for x in d])
    # an edit that changes no question: the finding moves with its line
    edit(c, app, 2, "// a comment\n" + APP)
    d = c.diagnostics(uri(app), pred=lambda ds: fp_lines(ds) != [2])
    check(fp_lines(d) == [3], "after a line above, still reported, one line down: %s" % fp_lines(d))
    # the promise is handled: nothing
    handled = APP.replace("  l.push('a');", "  void l.push('a');")
    edit(c, app, 3, handled)
    d = c.diagnostics(uri(app), pred=lambda ds: fp_lines(ds) == [])
    check(fp_lines(d) == [], "void l.push(): no finding")
    # a new dropped call of the package's method: reported again
    again = handled.replace("  l.length();", "  l.length();\n  l.push('b');")
    edit(c, app, 4, again)
    d = c.diagnostics(uri(app), pred=lambda ds: fp_lines(ds) != [])
    check(fp_lines(d) == [4], "a new l.push('b') on line 5 is reported: %s" % fp_lines(d))
    rc = c.close()
    check(rc == 0, "clean exit (rc %s)" % rc)
    logs = notices(c)
    check(logs == [], "no notice when the types are found: %s" % logs)
finally:
    shutil.rmtree(ws)

# 2. no node_modules: nothing known about the package, said once
ws = workspace(False)
app = os.path.join(ws, "app.ts")
try:
    check(cli_lines(ws) == set(), "the CLI reports nothing without node_modules")
    c = start(ws)
    open_app(c, app)
    first = c.wait(lambda m: m.get("method") == "window/logMessage"
                   and NOTICE in m["params"]["message"])
    check("'jobline'" in first["params"]["message"], "the notice names the package: %s" %
          first["params"]["message"])
    version = 1
    for i in range(3):  # each edit adds a dropped call: a new question each time
        version += 1
        text = APP + "".join("export function s%d(l: Line): void { l.push('x'); }\n" % k
                             for k in range(i + 1))
        edit(c, app, version, text)
        d = c.diagnostics(uri(app))
        check(fp_lines(d) == [], "without the package's types, no finding: %s" % fp_lines(d))
    rc = c.close()
    check(rc == 0, "clean exit (rc %s)" % rc)
    logs = notices(c)
    check(logs == [], "the notice is shown once, not again after edits: %d more" % len(logs))
finally:
    shutil.rmtree(ws)

# 3. the workspace's config turns both rules that use package types off:
#    nothing asks for them, so none are read and nothing is said about them
ws = workspace(False)
app = os.path.join(ws, "app.ts")
open(os.path.join(ws, ".racelint.json"), "w").write(
    '{ "rules": { "floating-promise": "off", "callback-promise-mix": "off" } }\n')
try:
    c = start(ws)
    open_app(c, app)
    d = c.diagnostics(uri(app))
    check(fp_lines(d) == [], "floating-promise off: no finding: %s" % fp_lines(d))
    rc = c.close()
    check(rc == 0, "clean exit (rc %s)" % rc)
    logs = notices(c)
    check(logs == [], "rules off: package types are not read, no notice: %s" % logs)
finally:
    shutil.rmtree(ws)

# 4. off at the root, on in one folder's config: that folder's files get the
#    package types, as on the command line (rules are on per file)
ws = workspace(True)
sub = os.path.join(ws, "svc")
os.makedirs(sub)
app = os.path.join(sub, "app.ts")
open(app, "w").write(APP)
open(os.path.join(ws, ".racelint.json"), "w").write(
    '{ "rules": { "floating-promise": "off", "callback-promise-mix": "off" } }\n')
open(os.path.join(sub, ".racelint.json"), "w").write('{ "rules": { "floating-promise": "error" } }\n')
try:
    cli = cli_lines(ws)
    check(cli == set(), "the CLI: app.ts at the root has the rule off: %s" % sorted(cli))
    out = subprocess.run([RL, "--no-cache", "--exit-zero", "--format", "json", "--root", ws, app],
                         capture_output=True, text=True, cwd=ws)
    sub_cli = {(f["range"]["start"]["line"] - 1, f["ruleId"])
               for f in json.loads(out.stdout)["findings"]}
    check(sub_cli == {(2, "floating-promise")}, "the CLI: svc/app.ts has it on: %s" % sorted(sub_cli))
    c = start(ws)
    open_app(c, app)
    d = c.diagnostics(uri(app), pred=lambda ds: fp_lines(ds) != [])
    check(fp_lines(d) == [2], "the editor reports l.push() in svc/ as the CLI does: %s" % fp_lines(d))
    rc = c.close()
    check(rc == 0, "clean exit (rc %s)" % rc)
finally:
    shutil.rmtree(ws)

print("FAIL" if fails else "ok")
sys.exit(1 if fails else 0)
