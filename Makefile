# Thin wrapper over CMake: the targets people type.
#   make deps      install what building and `make check` need (Debian
#                  packages, the pinned npm grammars)
#   make dev-deps  developer tools some tests use when present (neovim,
#                  valgrind); those tests skip without them
#   make         build build/racelint
#   make demo    build-deps + build + scan examples/
#   make check   build normal and ASan/UBSan trees, run every test in both
#   make install install under PREFIX (default /usr/local); make deb, make
#                test-install: see packaging/README.md
BUILD      ?= build
ASAN_BUILD ?= build-asan
TSAN_BUILD ?= build-tsan
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS = js c lsp config suppress cworker cache
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_ARGS ?=

# What building needs (make demo), what the tests add (clang for the fuzzers,
# python3-jsonschema for SARIF), and developer tools (tests skip without them).
BUILD_PACKAGES = build-essential cmake pkg-config git libclang-dev \
  libtree-sitter-dev libjansson-dev libgit2-dev
TEST_PACKAGES = clang libclang-rt-14-dev python3-jsonschema python3-yaml time
DEV_PACKAGES = valgrind neovim
APT_PACKAGES = $(BUILD_PACKAGES) $(TEST_PACKAGES)
SUDO = $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all build deps demo check check-fast asan tsan tsan-check fuzz-build fuzz fuzz-smoke clean bench ecosystem

all: build

deps:
	$(MAKE) apt-install PACKAGES="$(APT_PACKAGES)"
	$(MAKE) grammars/node_modules/.installed

build-deps:
	$(MAKE) apt-install PACKAGES="$(BUILD_PACKAGES)"
	$(MAKE) grammars/node_modules/.installed

dev-deps:
	$(MAKE) apt-install PACKAGES="$(DEV_PACKAGES)" NPM=no

# apt-get install whichever of PACKAGES is missing (and npm unless NPM=no)
apt-install:
	@missing=$$(for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	[ "$(NPM)" = no ] || command -v npm >/dev/null 2>&1 || missing="$$missing nodejs npm"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

grammars/node_modules/.installed: grammars/package.json grammars/package-lock.json
	cd grammars && npm ci --ignore-scripts --no-audit --no-fund
	touch $@

build: grammars/node_modules/.installed
	cmake -S . -B $(BUILD) $(CMAKE_ARGS)
	cmake --build $(BUILD) -j$(JOBS)

# racelint exits 1 when it finds bugs, as it does in examples/: that is the
# demo working, so say what to do next instead of failing.
demo: build-deps build
	@echo "== racelint examples/ =="
	@rc=0; $(BUILD)/racelint examples/ || rc=$$?; \
	if [ $$rc -gt 1 ]; then exit $$rc; fi; \
	echo; echo "== racelint found the bugs planted in examples/ (exit status $$rc: 1 means findings)."; \
	echo "   Next: 'make install' puts racelint on your PATH; then 'racelint --explain check-then-act'"; \
	echo "   or 'racelint path/to/your/project'. 'make check' runs the tests (it installs their tools first)."

asan: grammars/node_modules/.installed
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DRACELINT_SANITIZE=ON \
	  -DRACELINT_SKIP_RUNTIME=ON $(CMAKE_ARGS)
	cmake --build $(ASAN_BUILD) -j$(JOBS)

check: deps build asan tsan fuzz-build
	cd $(BUILD) && ctest -j$(JOBS) --output-on-failure
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 ctest -j$(JOBS) --output-on-failure
	$(MAKE) tsan-check
	$(MAKE) fuzz-smoke FUZZ_SECONDS=10

# ThreadSanitizer on the analyzer's own threads: the parallel scheduler
# (--jobs) and the LSP server's analysis thread.
tsan: grammars/node_modules/.installed
	cmake -S . -B $(TSAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DRACELINT_TSAN=ON \
	  -DRACELINT_SKIP_RUNTIME=ON $(CMAKE_ARGS)
	cmake --build $(TSAN_BUILD) -j$(JOBS)

tsan-check: tsan
	cd $(TSAN_BUILD) && TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 suppressions=$(CURDIR)/tests/tsan.supp" \
	  ctest -j$(JOBS) --output-on-failure -R 'cli/determinism|cli/bad_input|lsp/session|lsp/transcripts'

# libFuzzer (clang): make fuzz FUZZ_SECONDS=N runs every target N seconds,
# seeded from testdata/; crashes found become inputs in tests/fuzz-regressions/.
fuzz-build: grammars/node_modules/.installed
	CC=clang cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=Debug -DRACELINT_FUZZ=ON \
	  -DRACELINT_SKIP_RUNTIME=ON $(CMAKE_ARGS)
	cmake --build $(FUZZ_BUILD) -j$(JOBS) --target $(addprefix fuzz_,$(FUZZ_TARGETS))

fuzz: fuzz-build
	bash fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

fuzz-smoke: fuzz-build
	FUZZ_SMOKE=1 bash fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

check-fast: build
	cd $(BUILD) && ctest -j$(JOBS) --output-on-failure

# Issue 13: the tests that once depended on time, N times in a row under
# stress-ng --cpu 4 (not part of check; tests/stress_repeat.sh says more):
#   make stress-repeat [STRESS_BUILD=build-asan] [STRESS_N=20]
STRESS_BUILD ?= $(BUILD)
STRESS_N ?= 20
.PHONY: stress-repeat
stress-repeat:
	bash tests/stress_repeat.sh $(STRESS_BUILD) $(STRESS_N)

# Benchmark against ESLint, oxlint, clang-tidy, cppcheck and the parse floor
# (not part of check): downloads pinned corpora and peers, writes BENCH.md.
# BENCH_QUICK=1 for a few-minute smoke run of the script itself.
bench:
	bash bench/bench.sh

# What this checkout's rules add and remove on pinned real code against
# ECO_BASE (default main), per code base and rule (not part of check):
# tests/realworld/ecosystem.sh; ECO_SET=heldout only at the end of a change.
ECO_BASE ?= main
ECO_SET ?= dev
ECO_LANG ?= all
ecosystem: build
	bash tests/realworld/ecosystem.sh --set $(ECO_SET) --lang $(ECO_LANG) --base $(ECO_BASE) --new $(BUILD)/racelint

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(TSAN_BUILD) $(FUZZ_BUILD)

# --- install (packaging/: man page, completions, .deb, install test) -------
# make install [PREFIX=/usr/local] [DESTDIR=...]; make uninstall removes what
# the last install recorded in $(BUILD)/install_manifest.txt.
PREFIX ?= /usr/local
.PHONY: install uninstall build-deps dev-deps apt-install
install: build
	DESTDIR="$(DESTDIR)" cmake --install $(BUILD) --prefix $(PREFIX)

uninstall:
	sh packaging/uninstall.sh $(BUILD)/install_manifest.txt "$(DESTDIR)"

# A Debian package in dist/, from a Release tree configured for /usr.
DEB_BUILD ?= build-deb
DIST ?= dist
.PHONY: deb
deb: grammars/node_modules/.installed
	cmake -S . -B $(DEB_BUILD) -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
	  -DRACELINT_ZSH_COMPLETION_DIR=share/zsh/vendor-completions $(CMAKE_ARGS)
	cmake --build $(DEB_BUILD) -j$(JOBS) --target racelint rlrt_static rlrt_shared
	sh packaging/deb.sh $(DEB_BUILD) $(DIST)

# Install the .deb in a fresh debootstrapped Debian (root, network; not part
# of make check). Chroots are kept in CHROOTS (outside the repository).
CHROOTS ?= $(CURDIR)-chroots
.PHONY: test-install
test-install: deb dist-binary-bullseye
	CHROOTS=$(CHROOTS) sh packaging/test-install.sh $(DIST)/racelint_$$(cat VERSION)_$$(dpkg --print-architecture).deb \
	  $(DIST)/racelint-$$(cat VERSION)-linux-x64.tar.gz

# The self-contained linux-x64 binary (release asset, the Action's
# install: release): dist/racelint-VERSION-linux-x64.tar.gz.
DIST_BUILD ?= build-dist
.PHONY: dist-binary
dist-binary: grammars/node_modules/.installed
	cmake -S . -B $(DIST_BUILD) -DCMAKE_BUILD_TYPE=Release -DRACELINT_STATIC_DEPS=ON \
	  -DRACELINT_SKIP_RUNTIME=ON $(CMAKE_ARGS)
	cmake --build $(DIST_BUILD) -j$(JOBS) --target racelint
	sh packaging/dist-binary.sh $(DIST_BUILD) $(DIST)

# The same tarball linked against Debian bullseye's C library (glibc 2.31,
# older than Ubuntu 22.04's), so that it runs there too: the release asset.
# A bullseye sysroot in CHROOTS (packaging/sysroot.sh: root and the Debian
# mirror the first time, about 2 minutes after the debootstrap).
DIST_SYSROOT ?= $(CHROOTS)/sysroot/bullseye
.PHONY: dist-binary-bullseye
dist-binary-bullseye:
	CHROOTS=$(CHROOTS) sh packaging/sysroot.sh $(DIST_SYSROOT) bullseye
	$(MAKE) dist-binary DIST_BUILD=$(DIST_BUILD)-bullseye \
	  CMAKE_ARGS="$(CMAKE_ARGS) -DCMAKE_TOOLCHAIN_FILE=$(CURDIR)/packaging/sysroot.cmake -DRL_SYSROOT=$(DIST_SYSROOT)"

# The npm packages of that tarball (packaging/npm/; `npx racelint`):
# $(DIST)/npm/racelint-VERSION.tgz and racelint-linux-x64-gnu-VERSION.tgz.
# Never published from here. test-npm installs them offline in a fresh
# project (also a phase of test-install).
.PHONY: npm test-npm
npm: dist-binary-bullseye
	sh packaging/npm/pack.sh $(DIST)/racelint-$$(cat VERSION)-linux-x64.tar.gz $(DIST)/npm
test-npm: npm
	sh packaging/npm/test.sh $(DIST)/npm

# VS Code extension (editors/vscode; npm ci pinned by its package-lock.json):
# $(BUILD)/racelint-<version>.vsix
.PHONY: vscode test-vscode
vscode:
	bash editors/vscode/package.sh $(BUILD)

# The linux-x64 .vsix with the self-contained racelint of dist-binary inside
# (found before PATH): $(BUILD)/racelint-<version>-linux-x64.vsix
.PHONY: vscode-bundled
vscode-bundled: dist-binary vscode
	bash editors/vscode/package.sh $(BUILD) --bundle $(DIST)/racelint-$$(cat VERSION)-linux-x64.tar.gz

# The extension inside a real VS Code: code-server + headless Chromium (not
# part of check; tests/vscode/README.md says what it installs and how long).
# On x86-64 it also checks the linux-x64 .vsix with no racelint on PATH.
TEST_VSCODE_BUNDLED := $(if $(filter x86_64,$(shell uname -m)),vscode-bundled)
test-vscode: build vscode $(TEST_VSCODE_BUNDLED)
	bash tests/vscode/run.sh $(CURDIR)/$(BUILD)/racelint $(CURDIR)/$(BUILD)
