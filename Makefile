# Thin wrapper over CMake: the targets people type.
#   make deps    install Debian packages and the pinned npm grammars
#   make         build build/racelint
#   make demo    deps + build + scan examples/
#   make check   build normal and ASan/UBSan trees, run every test in both
BUILD      ?= build
ASAN_BUILD ?= build-asan
TSAN_BUILD ?= build-tsan
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS = js c lsp config suppress cworker
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_ARGS ?=

APT_PACKAGES = build-essential cmake pkg-config git libclang-dev clang \
  libclang-rt-14-dev libtree-sitter-dev libjansson-dev libgit2-dev \
  python3-jsonschema valgrind neovim
SUDO = $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all build deps demo check check-fast asan tsan tsan-check fuzz-build fuzz fuzz-smoke clean bench

all: build

deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	command -v npm >/dev/null 2>&1 || missing="$$missing nodejs npm"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	$(MAKE) grammars/node_modules/.installed

grammars/node_modules/.installed: grammars/package.json grammars/package-lock.json
	cd grammars && npm ci --ignore-scripts --no-audit --no-fund
	touch $@

build: grammars/node_modules/.installed
	cmake -S . -B $(BUILD) $(CMAKE_ARGS)
	cmake --build $(BUILD) -j$(JOBS)

demo: deps build
	@echo "== racelint examples/ =="
	-$(BUILD)/racelint examples/

asan: grammars/node_modules/.installed
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DRACELINT_SANITIZE=ON \
	  -DRACELINT_SKIP_RUNTIME=ON $(CMAKE_ARGS)
	cmake --build $(ASAN_BUILD) -j$(JOBS)

check: build asan tsan fuzz-build
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
	bash fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

check-fast: build
	cd $(BUILD) && ctest -j$(JOBS) --output-on-failure

# Benchmark against ESLint, oxlint, clang-tidy, cppcheck and the parse floor
# (not part of check): downloads pinned corpora and peers, writes BENCH.md.
# BENCH_QUICK=1 for a few-minute smoke run of the script itself.
bench:
	bash bench/bench.sh

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(TSAN_BUILD) $(FUZZ_BUILD)
