#!/usr/bin/env python3
"""Configure the C corpora (no build) and write one compile_commands.json.

Each Debian source package is configured the way its own build would be
(./configure or cmake, no compilation), then every translation unit gets the
flags its Makefile would give it ("per-file flags"); cmake's own
compile_commands.json is used where the project has one. Output:
<corpus>/compile_commands.json with absolute paths.
"""
import glob, json, re, os, subprocess, sys

root = os.path.abspath(sys.argv[1])
out = []

def add(directory, files, flags):
    for f in sorted(files):
        f = os.path.abspath(f)
        out.append({"directory": directory, "file": f,
                    "arguments": ["cc"] + flags + ["-c", f, "-o", "/dev/null"]})

def run(cmd, cwd):
    print("[mkcompdb] (%s) %s" % (os.path.basename(cwd), " ".join(cmd)), file=sys.stderr)
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL)

def from_cmake(src, extra, keep):
    b = os.path.join(src, "_cmake")
    run(["cmake", "-S", src, "-B", b, "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON",
         "-DCMAKE_BUILD_TYPE=Release"] + extra, src)
    seen = set()
    for e in json.load(open(os.path.join(b, "compile_commands.json"))):
        f = os.path.abspath(os.path.join(e["directory"], e["file"]))
        if f in seen or not keep(os.path.relpath(f, src)):
            continue
        seen.add(f)
        e["file"] = f
        out.append(e)

# memcached: autoconf, then the Makefile's flags
d = os.path.join(root, "memcached")
if os.path.isdir(d):
    run(["./configure", "-q", "--disable-dependency-tracking"], d)
    files = [f for f in glob.glob(d + "/*.c")
             if not re.match(r"(sizes|timedrun|testapp|sasl_defs|.*_priv|proxy.*|proto_proxy|mcmc|vendor.*)\.c$", os.path.basename(f))]
    add(d, files, ["-std=gnu99", "-DHAVE_CONFIG_H", "-I" + d, "-O2", "-pthread"])

# libuv: cmake
d = os.path.join(root, "libuv1")
if os.path.isdir(d):
    from_cmake(d, ["-DLIBUV_BUILD_TESTS=OFF", "-DLIBUV_BUILD_BENCH=OFF"],
               lambda rel: rel.startswith("src/"))

# curl: cmake, no TLS/compression so only libc headers are needed
d = os.path.join(root, "curl")
if os.path.isdir(d):
    from_cmake(d, ["-DCURL_ENABLE_SSL=OFF", "-DCURL_USE_OPENSSL=OFF", "-DCURL_USE_LIBSSH2=OFF",
                   "-DCURL_USE_LIBPSL=OFF", "-DUSE_LIBIDN2=OFF", "-DCURL_ZLIB=OFF",
                   "-DCURL_BROTLI=OFF", "-DCURL_ZSTD=OFF", "-DBUILD_TESTING=OFF",
                   "-DENABLE_MANUAL=OFF", "-DUSE_NGHTTP2=OFF", "-DCURL_DISABLE_LDAP=ON"],
               lambda rel: rel.startswith("lib/") or rel.startswith("src/"))

# redis: plain Makefile (MALLOC=libc), src/ only; release.h is generated
d = os.path.join(root, "redis")
if os.path.isdir(d):
    run(["sh", "mkreleasehdr.sh"], os.path.join(d, "src"))
    inc = ["-I" + os.path.join(d, "deps", x) for x in ("hiredis", "linenoise", "lua/src", "hdr_histogram")]
    # ae_epoll.c etc. are #included by ae.c, not compiled on their own
    files = [f for f in glob.glob(d + "/src/*.c") if not os.path.basename(f).startswith("ae_")]
    add(os.path.join(d, "src"), files, ["-std=c11", "-pedantic", "-DREDIS_STATIC=", "-O2", "-pthread"] + inc)

# SQLite amalgamation (better-sqlite3's copy), built as better-sqlite3 builds it
d = os.path.join(root, "sqlite")
if os.path.isdir(d):
    add(d, [d + "/sqlite3.c"], ["-DSQLITE_THREADSAFE=2", "-DSQLITE_ENABLE_FTS5", "-DSQLITE_ENABLE_JSON1",
                                 "-DSQLITE_ENABLE_RTREE", "-DSQLITE_DEFAULT_WAL_SYNCHRONOUS=1", "-O2"])

for e in out:  # normalise to "arguments" for every consumer
    if "arguments" not in e:
        import shlex
        e["arguments"] = shlex.split(e.pop("command"))
        e.pop("output", None)
json.dump(out, open(os.path.join(root, "compile_commands.json"), "w"), indent=1)
print("[mkcompdb] %d translation units" % len(out), file=sys.stderr)
