#!/bin/sh
# test-install.sh DEB [TARBALL] - installs racelint the way a user meets it, on clean
# Debian and Ubuntu systems (debootstrapped chroots, see chroot.sh), and checks that it
# finds in examples/ exactly what the same binary finds on this machine:
#   bookworm: apt-get install ./racelint_*.deb (dependencies from the mirror);
#     scan examples/ without libclang (JS/TS findings; C files skipped) if the
#     package only recommends libclang, then with what it recommends
#     (libclang1-N, clang's headers, libc6-dev); explain a
#     rule; the man page and completions are in place; purge removes it.
#   the Action's scripts: a source build in fresh bookworm (RL_ACTION_SUITES:
#     also jammy, noble, the runners' systems), a scan of a git project, a
#     cached prefix restored on another fresh system;
#   TARBALL (make dist-binary-bullseye) in fresh bullseye, bookworm, trixie,
#     Ubuntu 22.04 (jammy) and 24.04 (noble) (RL_DIST_SUITES), through the
#     Action's install.sh (install: release) and run.sh;
#   npm: the npm packages made from TARBALL (packaging/npm/pack.sh)
#     installed offline in a fresh project, `npx racelint` (npm/test.sh);
#   moved: the source tree copied elsewhere, built, `cmake --install
#     --prefix`, the copy renamed: the installed racelint still explains a
#     rule and scans.
# `make test-install` runs it (root, network to the mirror; not part of make
# check). The first run debootstraps (minutes); later runs reuse the base.
# RL_TEST_PHASES (default "deb action dist npm moved") selects parts.
set -eu
deb=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
dist=
if [ -n "${2:-}" ]; then dist=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); fi
src=$(cd "$(dirname "$0")/.." && pwd)
: "${CHROOTS:=$src-chroots}"
export CHROOTS
. "$src/packaging/chroot.sh"
[ "$(id -u)" = 0 ] || { echo "test-install: needs root (debootstrap, chroot)"; exit 1; }
command -v debootstrap >/dev/null || { echo "test-install: apt-get install debootstrap"; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/racelint-test-install.XXXXXX")
trap 'rl_chroot_cleanup; rm -rf "$work"' EXIT
t0=$(date +%s)
step() { echo "== [$(( $(date +%s) - t0 ))s] $*"; }
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
# the finding lines of a text report (locations, severities, messages), sorted
findings() { grep -E '^examples/[^ ]+:[0-9]+:[0-9]+: (error|warning|note): ' "$1" | sort; }
jsts() { grep -E '^examples/[^ :]+\.(js|mjs|cjs|jsx|ts|mts|cts|tsx):' || true; }

# What this very binary finds here: the expectation in the chroots.
step "expected findings: the packaged binary on this machine"
dpkg-deb -x "$deb" "$work/x"
if [ -n "$dist" ]; then mkdir -p "$work/dist" && tar -xzf "$dist" -C "$work/dist" --strip-components=1; fi
cp -a "$src/examples" "$work/examples"
mkdir -p "$work/runtime/c" # examples/c-jobqueue-fixed includes ../../runtime/c/include
cp -a "$src/runtime/c/include" "$work/runtime/c/"
rc=0; (cd "$work" && "$work/x/usr/bin/racelint" --no-cache --no-color examples/ > expected.txt) || rc=$?
[ $rc = 1 ] || { echo "the packaged binary exited $rc on examples/ here"; exit 1; }
findings "$work/expected.txt" > "$work/expected.all"
jsts < "$work/expected.all" > "$work/expected.jsts"
echo "   $(wc -l < "$work/expected.all") finding lines, $(wc -l < "$work/expected.jsts") in JS/TS files"
[ -s "$work/expected.jsts" ] && [ "$(wc -l < "$work/expected.all")" -gt "$(wc -l < "$work/expected.jsts")" ] ||
  { echo "examples/ should have JS/TS and C findings"; exit 1; }

# scan SUITE LABEL: racelint examples/ in the chroot, findings to $work/LABEL
scan() {
  rc=0
  rl_chroot_run "$1" sh -c 'cd /root && racelint --no-cache --no-color examples/' \
    > "$work/$2.txt" 2>&1 || rc=$?
  [ $rc = 1 ] || { fail "$2: racelint exited $rc"; sed 's/^/   /' "$work/$2.txt" | tail -20; }
  findings "$work/$2.txt" > "$work/$2.all"
}

phases=${RL_TEST_PHASES:-deb action dist npm moved}
has() { case " $phases " in *" $1 "*) return 0;; esac; return 1; }

if has deb; then
step "bookworm: fresh chroot"
root=$(rl_chroot_fresh bookworm)
cp "$deb" "$root/tmp/"
cp -a "$src/examples" "$root/root/examples"
cp -a "$work/runtime" "$root/root/runtime"
step "bookworm: apt-get install ./$(basename "$deb") (dependencies from the mirror)"
rl_chroot_run bookworm apt-get update -qq
rl_chroot_run bookworm apt-get install -y -qq --no-install-recommends "/tmp/$(basename "$deb")" \
  > "$work/apt.log" 2>&1 || { tail -20 "$work/apt.log"; fail "apt-get install of the .deb"; exit 1; }
rl_chroot_run bookworm racelint --version | grep -qx "racelint $(head -n1 "$src/VERSION")" ||
  fail "racelint --version in the chroot"

if dpkg-deb -f "$deb" Depends | grep -q libclang; then
  echo "   NOTE: the package Depends on libclang (the binary links it): the scan"
  echo "   without libclang cannot be tested until libclang is loaded at run time."
else
  if rl_chroot_run bookworm sh -c 'ls /usr/lib/*/libclang*.so* >/dev/null 2>&1'; then
    fail "libclang got installed although it is only recommended"
  fi
  step "bookworm: scan examples/ without libclang"
  scan bookworm no-libclang
  jsts < "$work/no-libclang.all" > "$work/no-libclang.jsts"
  diff "$work/expected.jsts" "$work/no-libclang.jsts" > "$work/d" || { fail "JS/TS findings differ without libclang"; cat "$work/d"; }
  [ "$(wc -l < "$work/no-libclang.jsts")" = "$(wc -l < "$work/no-libclang.all")" ] ||
    fail "C findings without libclang"
  grep -qi 'libclang' "$work/no-libclang.txt" || fail "no notice about libclang missing"
  grep -i 'libclang' "$work/no-libclang.txt" | head -3 | sed 's/^/   notice: /'
fi
# The first alternative of each Recommends: libclang (if not a Depends) and
# the headers C analysis needs (clang's resource directory, libc6-dev).
recs=$(dpkg-deb -f "$deb" Recommends | tr ',' '\n' | sed 's/|.*//; s/ //g')
step "bookworm: apt-get install the recommended" $recs
rl_chroot_run bookworm apt-get install -y -qq --no-install-recommends $recs > "$work/apt2.log" 2>&1 ||
  { tail -20 "$work/apt2.log"; fail "apt-get install $recs"; }
step "bookworm: scan examples/ with libclang"
scan bookworm with-libclang
diff "$work/expected.all" "$work/with-libclang.all" > "$work/d" || { fail "findings differ from this machine's"; cat "$work/d"; }
echo "   $(wc -l < "$work/with-libclang.all") finding lines, as here"

step "bookworm: installed files"
rl_chroot_run bookworm racelint --explain lock-order | grep -q 'lock-order' || fail "--explain lock-order"
for f in /usr/share/man/man1/racelint.1.gz /usr/share/bash-completion/completions/racelint \
    /usr/share/zsh/vendor-completions/_racelint /usr/share/doc/racelint/copyright \
    /usr/include/racelint/rt.h; do
  [ -f "$root$f" ] || fail "not installed: $f"
done
ls "$root"/usr/lib/*/pkgconfig/rlrt.pc >/dev/null 2>&1 || fail "not installed: rlrt.pc"
rl_chroot_run bookworm apt-get purge -y -qq racelint > /dev/null 2>&1 || fail "apt-get purge racelint"
[ ! -e "$root/usr/bin/racelint" ] || fail "racelint still there after purge"
fi

# The Action's scripts (packaging/action/), as action.yml runs them, on a
# fresh system: install.sh builds this source tree (as on a runner with no
# cache), run.sh scans a git project with changed-since and SARIF; then a
# second fresh system gets the installed prefix as from the cache and
# install.sh (RL_CACHED=1) must make it run.
if has action; then
for asuite in ${RL_ACTION_SUITES:-bookworm}; do
  step "action: fresh $asuite chroot, the source tree in /action"
  root=$(rl_chroot_fresh $asuite)
  mkdir -p "$root/action"
  (cd "$src" && git ls-files -co --exclude-standard -z | grep -zv '^grammars/node_modules/' |
    xargs -0 tar -cf - --no-recursion) | tar -xf - -C "$root/action"
  # npm ci needs Debian's npm in the chroot (hundreds of packages, ~10
  # minutes here; GitHub's runners have node): by default give it this
  # machine's grammars/node_modules, from the same lock (RL_TEST_NPM=1: npm ci)
  if [ "${RL_TEST_NPM:-0}" != 1 ] && [ -f "$src/grammars/node_modules/.installed" ]; then
    (cd "$src" && tar -cf - grammars/node_modules) | tar -xf - -C "$root/action"
  fi
  cp -a "$src/examples" "$root/root/examples"
  gh=/root/gh; mkdir -p "$root$gh"
  step "action: install.sh (install: source; apt, npm ci, cmake build)"
  if ! rl_chroot_run $asuite env RL_PREFIX=/opt/racelint GITHUB_PATH=$gh/path \
      bash /action/packaging/action/install.sh > "$work/action-install.log" 2>&1; then
    tail -30 "$work/action-install.log"; fail "action install.sh (source)"
  else
  grep -qx /opt/racelint/bin "$root$gh/path" 2>/dev/null || fail "install.sh did not add /opt/racelint/bin to GITHUB_PATH"
  echo "   runtime packages recorded: $(tr '\n' ' ' < "$root/opt/racelint/share/racelint/runtime-packages" 2>/dev/null)"
  step "action: run.sh on a git project (changed-since HEAD~1, SARIF)"
  rl_chroot_run $asuite sh -c 'set -e; mkdir -p /root/proj; cd /root/proj
    cp -a /root/examples/c-jobqueue /root/examples/js-shop-fixed .
    git init -q; git -c user.name=t -c user.email=t@t add -A; git -c user.name=t -c user.email=t@t commit -qm base
    cp -a /root/examples/js-shop .; git -c user.name=t -c user.email=t@t add -A
    git -c user.name=t -c user.email=t@t commit -qm change' > /dev/null || fail "git project setup"
  rc=0
  rl_chroot_run $asuite sh -c "cd /root/proj && PATH=/opt/racelint/bin:\$PATH GITHUB_OUTPUT=$gh/out \
    RL_CHANGED_SINCE=HEAD~1 RL_SARIF_FILE=racelint.sarif RL_DEFER_EXIT=1 RL_ARGS=--no-cache \
    bash /action/packaging/action/run.sh" > "$work/action-run.txt" 2>&1 || rc=$?
  [ $rc = 0 ] || fail "run.sh exited $rc with RL_DEFER_EXIT=1"
  grep -qx 'exit-code=1' "$root$gh/out" || fail "run.sh: no exit-code=1 in GITHUB_OUTPUT"
  grep -qx 'sarif-file=racelint.sarif' "$root$gh/out" || fail "run.sh: no sarif-file in GITHUB_OUTPUT"
  grep -q '^::error file=js-shop/' "$work/action-run.txt" || fail "run.sh: no annotation in the changed files"
  ! grep -q '^::[a-z]* file=c-jobqueue/' "$work/action-run.txt" || fail "run.sh: annotations outside the change"
  python3 - "$root/root/proj/racelint.sarif" <<'PY' || fail "run.sh: the SARIF report"
import json, sys
uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in json.load(open(sys.argv[1]))["runs"][0]["results"]}
assert any(u.startswith("c-jobqueue/") for u in uris), uris   # all findings, not only the change
assert any(u.startswith("js-shop/") for u in uris), uris
PY
  echo "   $(grep -c '^::' "$work/action-run.txt") annotations in the change; SARIF with every finding"

  step "action: a fresh chroot with the prefix restored as from the cache"
  prefix_copy=$work/prefix; cp -a "$root/opt/racelint" "$prefix_copy"
  root=$(rl_chroot_fresh $asuite)
  mkdir -p "$root/action" "$root/opt"
  (cd "$src" && tar -cf - packaging/action VERSION) | tar -xf - -C "$root/action"
  cp -a "$prefix_copy" "$root/opt/racelint"
  rl_chroot_run $asuite env RL_PREFIX=/opt/racelint RL_CACHED=1 \
    bash /action/packaging/action/install.sh > "$work/action-cached.log" 2>&1 ||
    { tail -20 "$work/action-cached.log"; fail "action install.sh (cached)"; }
  rl_chroot_run $asuite /opt/racelint/bin/racelint --version > /dev/null ||
    fail "the cached racelint does not run on a fresh system"
  fi
done
fi

# The self-contained binary (make dist-binary) where it must run: fresh
# bullseye, bookworm and trixie, installed by the Action's install.sh
# (install: release, from a file:// URL), scanned by its run.sh. Without
# libclang only JS/TS is analysed: those findings must equal this machine's.
limits=0
if [ -n "$dist" ] && has dist; then
  need=$(objdump -T "$work/dist/bin/racelint" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -n1)
  links_clang=$(readelf -d "$work/dist/bin/racelint" | sed -n 's/.*NEEDED.*\[\(libclang-[0-9]*\)\.so.*/\1/p')
  echo "   the tarball's binary needs glibc $need"
  # it links its own libgit2 (bullseye's 1.1 for dist-binary-bullseye), not
  # the one the ctests ran with: the git-backed CLI tests against it, here
  step "dist-binary: the CLI tests of baselines, --changed-since and discovery against it"
  for t in baseline first_hour discovery; do
    RACELINT=$work/dist/bin/racelint SRC_DIR=$src SHARED_DIR= BUILD_DIR=$work RACELINT_PARSE_TIMEOUT=0 \
      bash "$src/tests/cli/test_$t.sh" > "$work/cli-$t.log" 2>&1 ||
      { fail "dist-binary: tests/cli/test_$t.sh"; grep FAIL "$work/cli-$t.log" | head -5; }
    echo "   test_$t.sh: $(tail -n1 "$work/cli-$t.log")"
  done
  for suite in ${RL_DIST_SUITES:-bullseye bookworm trixie jammy noble}; do
    step "dist-binary: fresh $suite"
    root=$(rl_chroot_fresh "$suite")
    have=$(rl_chroot_run "$suite" ldd --version | head -n1 | awk '{ print $NF }')
    if [ "$(printf '%s\n%s\n' "$need" "$have" | sort -V | head -n1)" != "$need" ]; then
      echo "   LIMITATION: $suite has glibc $have; the binary, built on this machine, needs $need"
      rc=0; rl_chroot_run "$suite" true # the chroot works; the binary cannot
      cp -a "$work/dist" "$root/opt/racelint"
      rl_chroot_run "$suite" /opt/racelint/bin/racelint --version > "$work/old-glibc.txt" 2>&1 || rc=$?
      [ $rc != 0 ] || fail "$suite: the binary ran although glibc $have < $need"
      sed 's/^/   /' "$work/old-glibc.txt" | head -2
      limits=$((limits + 1))
      continue
    fi
    cp "$dist" "$root/tmp/"
    cp -a "$src/examples" "$root/root/examples"
    cp -a "$work/runtime" "$root/root/runtime"
    mkdir -p "$root/action"; (cd "$src" && tar -cf - packaging/action VERSION) | tar -xf - -C "$root/action"
    rl_chroot_run "$suite" apt-get update -qq
    if [ -n "$links_clang" ]; then # until libclang is loaded at run time
      pkg=libclang1-${links_clang#libclang-}
      rl_chroot_run "$suite" apt-get install -y -qq --no-install-recommends "$pkg" > /dev/null 2>&1 ||
        { echo "   SKIP $suite: the binary links $links_clang and $suite has no $pkg"; limits=$((limits + 1)); continue; }
      echo "   (the binary still links $links_clang: installed $pkg)"
    fi
    # install.sh adds the suite's default libclang (bookworm, jammy 14;
    # noble 18; trixie 19): all findings must equal this machine's; where
    # that is older than racelint loads (bullseye: 11) it adds none and says
    # so: JS/TS findings equal, C skipped with the notice
    withc=auto; [ -z "$links_clang" ] || withc=no
    rl_chroot_run "$suite" env RL_METHOD=release RL_PREFIX=/opt/racelint RL_LIBCLANG=$withc \
      RL_ASSET_URL="file:///tmp/$(basename "$dist")" bash /action/packaging/action/install.sh \
      > "$work/dist-install.log" 2>&1 || { tail -20 "$work/dist-install.log"; fail "$suite: install.sh (release)"; continue; }
    # did install.sh add a libclang (one racelint loads)?
    if grep -q '^libclang1-' "$root/opt/racelint/share/racelint/runtime-packages" 2>/dev/null; then
      libclang=yes
    else
      libclang=no
      [ $withc = no ] || grep -q 'older than 14' "$work/dist-install.log" ||
        fail "$suite: install.sh added no libclang and said nothing"
    fi
    rc=0
    rl_chroot_run "$suite" sh -c 'cd /root && PATH=/opt/racelint/bin:$PATH RL_PATHS=examples RL_FORMAT=text \
      RL_ARGS="--no-cache --no-color" bash /action/packaging/action/run.sh' > "$work/dist-$suite.txt" 2>&1 || rc=$?
    [ $rc = 1 ] || { fail "$suite: run.sh exited $rc"; tail -20 "$work/dist-$suite.txt"; }
    findings "$work/dist-$suite.txt" > "$work/dist-$suite.all"
    jsts < "$work/dist-$suite.all" > "$work/dist-$suite.jsts"
    diff "$work/expected.jsts" "$work/dist-$suite.jsts" > "$work/d" ||
      { fail "$suite: JS/TS findings differ from this machine's"; head -20 "$work/d"; }
    if [ $libclang = yes ]; then
      diff "$work/expected.all" "$work/dist-$suite.all" > "$work/d" ||
        { fail "$suite: findings (with libclang) differ from this machine's"; head -20 "$work/d"; }
    elif [ -z "$links_clang" ]; then
      [ "$(wc -l < "$work/dist-$suite.jsts")" = "$(wc -l < "$work/dist-$suite.all")" ] ||
        fail "$suite: C findings without libclang"
      grep -qi 'libclang' "$work/dist-$suite.txt" || fail "$suite: no notice about libclang"
    fi
    echo "   $(wc -l < "$work/dist-$suite.jsts") JS/TS finding lines, as here; $(grep -c '^examples/[^ ]*\.[ch]:' "$work/dist-$suite.txt" || true) C lines"
  done
fi

# The npm packages (packaging/npm/) of the same tarball, installed offline
# in a fresh project on this machine: `npx racelint`.
if [ -n "$dist" ] && has npm; then
  step "npm: npm pack the packages of $(basename "$dist")"
  if ! command -v npm >/dev/null; then
    fail "npm: no npm on this machine (make deps installs it)"
  elif sh "$src/packaging/npm/pack.sh" "$dist" "$work/npm" > "$work/npm-pack.log" 2>&1; then
    sed 's|^.*/|   |' "$work/npm-pack.log"
    step "npm: install the tarballs in a fresh project (offline), npx racelint"
    sh "$src/packaging/npm/test.sh" "$work/npm" || fail "npm: packaging/npm/test.sh"
  else
    cat "$work/npm-pack.log"; fail "npm: packaging/npm/pack.sh"
  fi
fi

# What the issue asks: `cmake --install build --prefix X`, then
# X/bin/racelint --explain check-then-act with the source tree moved away.
# The source (tracked and new files, as the action phase copies it) goes to
# a scratch directory, is built and installed there, and is renamed.
if has moved; then
  m=$work/moved; mkdir -p "$m/src"
  step "moved: a copy of the source, cmake build (Release), cmake --install --prefix"
  (cd "$src" && git ls-files -co --exclude-standard -z | grep -zv '^grammars/node_modules/' |
    xargs -0 tar -cf - --no-recursion) | tar -xf - -C "$m/src"
  (cd "$src" && tar -cf - grammars/node_modules) | tar -xf - -C "$m/src"
  if (cmake -S "$m/src" -B "$m/src/build" -DCMAKE_BUILD_TYPE=Release &&
      cmake --build "$m/src/build" -j"$(nproc)" --target racelint rlrt_static rlrt_shared &&
      cmake --install "$m/src/build" --prefix "$m/x") > "$work/moved.log" 2>&1; then
    mv "$m/src" "$m/src-moved-away"
    rc=0; (cd / && "$m/x/bin/racelint" --explain check-then-act) > "$work/moved-explain.txt" 2>&1 || rc=$?
    [ $rc = 0 ] || { fail "moved: --explain check-then-act exited $rc"; head -5 "$work/moved-explain.txt"; }
    "$work/x/usr/bin/racelint" --explain check-then-act > "$work/deb-explain.txt" 2>&1 || true
    grep -q 'check-then-act' "$work/moved-explain.txt" && cmp -s "$work/moved-explain.txt" "$work/deb-explain.txt" ||
      fail "moved: --explain check-then-act differs from the packaged binary's"
    rc=0; (cd "$work" && "$m/x/bin/racelint" --no-cache --no-color examples/) > "$work/moved-scan.txt" 2>&1 || rc=$?
    findings "$work/moved-scan.txt" > "$work/moved.all"
    [ $rc = 1 ] && cmp -s "$work/expected.all" "$work/moved.all" ||
      fail "moved: the scan of examples/ (exit $rc) differs from the packaged binary's"
    echo "   --explain check-then-act: $(wc -l < "$work/moved-explain.txt") lines; examples/: $(wc -l < "$work/moved.all") finding lines, as the .deb's"
  else
    tail -20 "$work/moved.log"; fail "moved: build or install"
  fi
fi

step "done: $fails failure(s), $limits known limitation(s)"
[ $fails = 0 ]
