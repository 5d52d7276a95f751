#!/usr/bin/env python3
"""check_precommit.py BINARY SOURCE_DIR - runs each hook of
.pre-commit-hooks.yaml the way pre-commit does (entry, then args, then the
staged file names) with the built racelint first on PATH, in a scratch git
project: a file with a bug fails the hook, a clean one passes, a file whose
name starts with '-' is scanned as a file, and the hook's file types cover
the extensions racelint scans."""
import os, shlex, shutil, subprocess, sys, tempfile
try:
    import yaml
except ImportError:
    print("python3-yaml not installed"); sys.exit(77)

binary, src = os.path.abspath(sys.argv[1]), sys.argv[2]
hooks = yaml.safe_load(open(os.path.join(src, ".pre-commit-hooks.yaml")))
fails = []
tmp = tempfile.mkdtemp()
bindir = os.path.join(tmp, "bin"); os.mkdir(bindir)
os.symlink(os.path.abspath(binary), os.path.join(bindir, "racelint"))
env = dict(os.environ, PATH=bindir + os.pathsep + os.environ["PATH"])
proj = os.path.join(tmp, "proj"); os.mkdir(proj)
open(os.path.join(proj, "bad.js"), "w").write(
    "export async function drop(db, ids) {\n  ids.forEach(async (id) => { await db.drop(id); });\n}\n")
open(os.path.join(proj, "-dash.js"), "w").write(open(os.path.join(proj, "bad.js")).read())
open(os.path.join(proj, "good.js"), "w").write(
    "export async function drop(db, ids) {\n  for (const id of ids) await db.drop(id);\n}\n")
subprocess.run([binary, "--write-baseline", ".racelint-baseline.json", "--no-cache", "good.js"],
               cwd=proj, env=env, check=True, capture_output=True)
subprocess.run(["git", "init", "-q"], cwd=proj, check=True)


def run(hook, files):
    cmd = shlex.split(hook["entry"]) + hook.get("args", []) + files
    return subprocess.run(cmd, cwd=proj, env=env,
                          capture_output=True, text=True)


for hook in hooks:
    hid = hook["id"]
    if hook.get("language") != "system" or not hook["entry"].startswith("racelint"):
        fails.append(f"{hid}: want language system and entry racelint")
    if hook.get("args", [])[-1:] != ["--"]:
        fails.append(f"{hid}: args must end with --")
    want_types = {"c", "javascript", "jsx", "ts", "tsx"}
    if set(hook.get("types_or", [])) != want_types:
        fails.append(f"{hid}: types_or {hook.get('types_or')}, want {sorted(want_types)}")
    for files, want in ((["bad.js"], 1), (["good.js"], 0), (["-dash.js"], 1), (["good.js", "bad.js"], 1)):
        r = run(hook, files)
        if r.returncode != want:
            fails.append(f"{hid} on {files}: exit {r.returncode}, want {want}: {r.stdout[-300:]}{r.stderr[-300:]}")
        elif want == 1 and "[callback-promise-mix]" not in r.stdout:
            fails.append(f"{hid} on {files}: no finding reported")

shutil.rmtree(tmp)
for f in fails:
    print("FAIL:", f)
print(f"{len(hooks)} hooks checked, {len(fails)} failures")
sys.exit(1 if fails else 0)
