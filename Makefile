# Thin wrapper over CMake: the targets people type.
#   make deps    install Debian packages and the pinned npm grammars
#   make         build build/racelint
#   make demo    deps + build + scan examples/
#   make check   build normal and ASan/UBSan trees, run every test in both
BUILD      ?= build
ASAN_BUILD ?= build-asan
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_ARGS ?=

APT_PACKAGES = build-essential cmake pkg-config git libclang-dev clang \
  libclang-rt-14-dev libtree-sitter-dev libjansson-dev libgit2-dev \
  python3-jsonschema valgrind neovim
SUDO = $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all build deps demo check check-fast asan clean

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

check: build asan
	cd $(BUILD) && ctest -j$(JOBS) --output-on-failure
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 ctest -j$(JOBS) --output-on-failure

check-fast: build
	cd $(BUILD) && ctest -j$(JOBS) --output-on-failure

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
