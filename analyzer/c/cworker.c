/* cworker.c - the C worker process and its parent side (see cworker.h):
 * spawning, limits, the request/answer wire format and its validation.
 *
 * Wire format: frames of a 16-byte header {u32 magic, u32 type, u64 length}
 * and a payload, integers in host order (both ends are the same binary).
 * Strings are u32 length + bytes, UINT32_MAX for NULL. The parent never
 * trusts a length before checking it against what is left of the payload. */
#include "cworker.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define RL_CWORKER_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
#define RL_CWORKER_SANITIZED 1
#endif
#endif
#ifndef RL_CWORKER_SANITIZED
#define RL_CWORKER_SANITIZED 0 /* sanitizers reserve terabytes: no RLIMIT_AS then */
#endif

#if defined(__SANITIZE_THREAD__)
#define RL_CWORKER_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define RL_CWORKER_TSAN 1
#endif
#endif

#ifdef RL_CWORKER_TSAN
/* ThreadSanitizer's defaults for this binary (TSAN_OPTIONS still wins).
 *
 * intercept_tls_get_addr=0: each parse runs on a new libclang thread, whose
 * first use of libLLVM's thread_locals allocates their dynamic TLS blocks
 * (__tls_get_addr). GCC 12's TSan (libtsan2) sizes such a block by reading a
 * "glibc >= 2.19 header" from the 16 bytes before it whenever the block
 * starts 16 bytes into a page; glibc 2.25+ puts no header there, so it reads
 * the previous heap chunk's bytes as {size, start} and resets the shadow of
 * that range. When the garbage spans two application regions, the shadow
 * remap fails and the worker dies: "ThreadSanitizer failed to allocate
 * 0x1ee20000... bytes at address 100000006000 (errno: 12)", exit status 66,
 * on a file that parses fine (3 runs in 7 of `--jobs 7 testdata/c` on a
 * loaded machine). Known upstream (google/sanitizers#1322, with this
 * workaround); later compiler-rt asks its allocator instead (GetDTLSRange).
 * The blocks come from TSan's malloc, which already resets their shadow,
 * so nothing is lost by not intercepting. */
const char *__tsan_default_options(void);
const char *__tsan_default_options(void) { return "intercept_tls_get_addr=0"; }
#endif

#define RL_CW_MAGIC 0x71634c52u /* "RLcq" */
#define RL_CW_FD 3              /* the worker's end of the socket */
#define RL_CW_MAX_REQUEST (1ull << 30)
#define RL_CW_MAX_ANSWER (1ull << 30)

enum {
  RL_CW_REQ_PARSE = 1,
  RL_CW_REQ_PARSE_ONLY = 2,
  RL_CW_HELLO = 10,        /* payload: the library's name */
  RL_CW_HELLO_NOLIB = 11,  /* payload: why no libclang could be loaded */
  RL_CW_ANSWER = 12,       /* payload: see rl_cworker__encode */
};

typedef struct RlCwHeader {
  uint32_t magic, type;
  uint64_t len;
} RlCwHeader;

struct RlCWorker {
  RlCWorkerLimits limits;
  pid_t pid;         /* 0: no process */
  int fd;            /* our end of the socket, -1 without a process */
  int err_fd;        /* the read end of its stderr when RACELINT_C_WORKER_STDERR is set, else -1 */
  char *no_libclang; /* the worker said no libclang loads: not started again */
};

/* Section - encoding (both sides) */

static void rl_cw__u8(RlBuf *b, uint8_t v) { rl_buf_put(b, &v, 1); }
static void rl_cw__u16(RlBuf *b, uint16_t v) { rl_buf_put(b, &v, 2); }
static void rl_cw__u32(RlBuf *b, uint32_t v) { rl_buf_put(b, &v, 4); }
static void rl_cw__str(RlBuf *b, const char *s) {
  if (!s) {
    rl_cw__u32(b, UINT32_MAX);
    return;
  }
  size_t n = strlen(s);
  if (n >= UINT32_MAX) n = UINT32_MAX - 1;
  rl_cw__u32(b, (uint32_t)n);
  rl_buf_put(b, s, n);
}
static void rl_cw__bytes(RlBuf *b, const char *s, size_t n) {
  rl_cw__u32(b, (uint32_t)n);
  rl_buf_put(b, s, n);
}

/* A frame: header then payload[0..n). */
static void rl_cw__frame(RlBuf *b, uint32_t type, const void *payload, size_t n) {
  RlCwHeader h = {RL_CW_MAGIC, type, n};
  rl_buf_put(b, &h, sizeof h);
  if (n) rl_buf_put(b, payload, n);
}

typedef struct RlCwDec {
  const uint8_t *p, *end;
  bool bad;
} RlCwDec;

static bool rl_cw__need(RlCwDec *d, size_t n) {
  if (d->bad || (size_t)(d->end - d->p) < n) {
    d->bad = true;
    return false;
  }
  return true;
}
static uint8_t rl_cw__get8(RlCwDec *d) {
  if (!rl_cw__need(d, 1)) return 0;
  return *d->p++;
}
static uint16_t rl_cw__get16(RlCwDec *d) {
  uint16_t v = 0;
  if (!rl_cw__need(d, 2)) return 0;
  memcpy(&v, d->p, 2);
  d->p += 2;
  return v;
}
static uint32_t rl_cw__get32(RlCwDec *d) {
  uint32_t v = 0;
  if (!rl_cw__need(d, 4)) return 0;
  memcpy(&v, d->p, 4);
  d->p += 4;
  return v;
}
/* A string copied into `a` (NULL for the NULL marker); *len its length. */
static const char *rl_cw__getstr(RlCwDec *d, RlArena *a, size_t *len) {
  uint32_t n = rl_cw__get32(d);
  if (len) *len = 0;
  if (d->bad || n == UINT32_MAX) return NULL;
  if (!rl_cw__need(d, n)) return NULL;
  const char *s = rl_arena_strndup(a, (const char *)d->p, n);
  if (len) *len = n;
  d->p += n;
  return s;
}

/* Bytes of the smallest node record: kind, sym, field, flags, start, end,
 * subtree end, has-ext. */
#define RL_CW_NODE_MIN (2 + 2 + 1 + 1 + 4 + 4 + 4 + 1)

/* The answer payload: u8 ok, u32 nerrors, u32 first_error, str error_msg,
 * u8 syntax, str missing, u32 nincludes + strs, u32 nnodes + node records in preorder (the root
 * first; the sentinel is not sent). A node record is RL_CW_NODE_MIN bytes
 * as above, then if has-ext: u8 ref, str name, type, owner, value. */
static void rl_cworker__encode(RlBuf *b, const RlCParseResult *res, const RlTree *t) {
  rl_cw__u8(b, res->ok ? 1 : 0);
  rl_cw__u32(b, res->nerrors);
  rl_cw__u32(b, res->first_error);
  rl_cw__str(b, res->error_msg);
  rl_cw__u8(b, res->syntax);
  rl_cw__str(b, res->missing);
  rl_cw__u32(b, res->nincludes);
  for (uint32_t i = 0; i < res->nincludes; i++) rl_cw__str(b, res->includes[i]);
  uint32_t nn = t && t->n > 1 ? t->n - 1 : 0;
  rl_cw__u32(b, nn);
  for (uint32_t i = 1; i <= nn; i++) {
    const RlNodeRec *r = &t->nodes[i];
    rl_cw__u16(b, r->kind);
    rl_cw__u16(b, r->sym);
    rl_cw__u8(b, r->field);
    rl_cw__u8(b, r->flags);
    rl_cw__u32(b, r->start_byte);
    rl_cw__u32(b, r->end_byte);
    rl_cw__u32(b, r->end);
    rl_cw__u8(b, r->ext ? 1 : 0);
    if (r->ext) {
      const RlNodeExt *e = &t->ext[r->ext];
      rl_cw__u8(b, e->ref);
      rl_cw__str(b, e->name);
      rl_cw__str(b, e->type);
      rl_cw__str(b, e->owner);
      rl_cw__str(b, e->value);
    }
  }
}

bool rl_cworker_decode(const uint8_t *p, size_t n, size_t src_len, RlArena *strings,
                       RlTree *out, RlCParseResult *res) {
  RlCwDec d = {p, p + n, false};
  memset(res, 0, sizeof *res);
  uint8_t ok = rl_cw__get8(&d);
  res->ok = ok == 1;
  res->nerrors = rl_cw__get32(&d);
  res->first_error = rl_cw__get32(&d);
  res->error_msg = rl_cw__getstr(&d, strings, NULL);
  uint8_t syntax = rl_cw__get8(&d);
  res->syntax = syntax;
  res->missing = rl_cw__getstr(&d, strings, NULL);
  uint32_t ninc = rl_cw__get32(&d);
  if (d.bad || ok > 1 || syntax > 2) return false;
  if (res->first_error != UINT32_MAX && res->first_error > src_len) return false;
  if (ninc > (size_t)(d.end - d.p) / 4) return false;
  if (ninc) {
    const char **inc = rl_arena_alloc(strings, ninc * sizeof *inc);
    for (uint32_t i = 0; i < ninc; i++) {
      inc[i] = rl_cw__getstr(&d, strings, NULL);
      if (!inc[i]) return false;
    }
    res->includes = inc;
    res->nincludes = ninc;
  }
  uint32_t nn = rl_cw__get32(&d);
  if (d.bad || nn > (size_t)(d.end - d.p) / RL_CW_NODE_MIN) return false;
  if (nn && !res->ok) return false;
  RL_VEC(uint32_t) ends = {0}; /* subtree end of each open node */
  bool good = true;
  for (uint32_t k = 0; k < nn && good; k++) {
    uint32_t idx = k + 1; /* index in the tree (0 is the sentinel) */
    uint16_t kind = rl_cw__get16(&d), sym = rl_cw__get16(&d);
    uint8_t field = rl_cw__get8(&d), flags = rl_cw__get8(&d);
    uint32_t start = rl_cw__get32(&d), end = rl_cw__get32(&d), send = rl_cw__get32(&d);
    uint8_t has_ext = rl_cw__get8(&d);
    if (d.bad || kind < RL_C_OTHER || kind >= RL_K_COUNT || field >= RL_F_COUNT ||
        (flags & ~(RL_NF_NAMED | RL_NF_MACRO)) || start > end || end > src_len ||
        send <= idx || send > nn + 1 || has_ext > 1) {
      good = false;
      break;
    }
    while (ends.n && ends.v[ends.n - 1] <= idx) {
      rl_tree_close(out);
      ends.n--;
    }
    if ((k > 0 && ends.n == 0) || (ends.n && send > ends.v[ends.n - 1])) {
      good = false; /* a second root, or a child reaching past its parent */
      break;
    }
    rl_tree_open(out, kind, sym, field, flags, start, end);
    RL_VEC_PUSH(ends, send);
    if (has_ext) {
      uint8_t ref = rl_cw__get8(&d);
      const char *name = rl_cw__getstr(&d, strings, NULL);
      const char *type = rl_cw__getstr(&d, strings, NULL);
      const char *owner = rl_cw__getstr(&d, strings, NULL);
      const char *value = rl_cw__getstr(&d, strings, NULL);
      if (d.bad || ref > RL_REF_OTHER) {
        good = false;
        break;
      }
      RlNodeExt *e = rl_tree_ext(out, idx);
      e->ref = ref;
      e->name = name;
      e->type = type;
      e->owner = owner;
      e->value = value;
    }
  }
  RL_VEC_FREE(ends);
  while (out->depth) rl_tree_close(out);
  return good && !d.bad && d.p == d.end && out->n == nn + 1;
}

/* Section - the parent side */

static int64_t rl_cw__now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* EOF: the peer closed or failed; BAD: it broke the protocol. */
typedef enum { RL_CW_IO_OK, RL_CW_IO_EOF, RL_CW_IO_TIMEOUT, RL_CW_IO_BAD } RlCwIo;

/* Copies what the worker wrote on its stderr pipe so far to ours; at the
 * pipe's end of file, closes it. The worker cannot write a file itself
 * (RLIMIT_FSIZE 0: a sanitizer's report to a redirected stderr would kill it
 * with SIGXFSZ and be lost), so its reports reach a file through us. */
static void rl_cw__drain_stderr(RlCWorker *self) {
  char buf[4096];
  while (self->err_fd >= 0) {
    ssize_t k = read(self->err_fd, buf, sizeof buf);
    if (k < 0 && errno == EINTR) continue;
    if (k < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
    if (k <= 0) {
      close(self->err_fd);
      self->err_fd = -1;
      return;
    }
    for (ssize_t done = 0, w; done < k; done += w) {
      w = write(STDERR_FILENO, buf + done, (size_t)(k - done));
      if (w < 0 && errno == EINTR) w = 0;
      else if (w <= 0) break; /* our stderr is gone: drop the rest */
    }
  }
}

/* Sends or receives exactly n bytes on the worker's non-blocking socket
 * before `deadline` (rl_cw__now_ms), forwarding its stderr meanwhile. */
static RlCwIo rl_cw__xfer(RlCWorker *self, bool sending, void *buf, size_t n, int64_t deadline) {
  int fd = self->fd;
  char *p = buf;
  while (n) {
    ssize_t k = sending ? send(fd, p, n, MSG_NOSIGNAL) : recv(fd, p, n, 0);
    if (k > 0) {
      p += k;
      n -= (size_t)k;
      continue;
    }
    if (k == 0) return RL_CW_IO_EOF;
    if (errno == EINTR) continue;
    if (errno != EAGAIN && errno != EWOULDBLOCK) return RL_CW_IO_EOF;
    int64_t left = deadline - rl_cw__now_ms();
    if (left <= 0) return RL_CW_IO_TIMEOUT;
    /* a worker blocked on a full stderr pipe would never answer */
    struct pollfd pf[2] = {{fd, sending ? POLLOUT : POLLIN, 0}, {self->err_fd, POLLIN, 0}};
    int r = poll(pf, self->err_fd >= 0 ? 2 : 1, left > INT_MAX ? INT_MAX : (int)left);
    if (r < 0 && errno != EINTR) return RL_CW_IO_EOF;
    if (r > 0 && self->err_fd >= 0 && pf[1].revents) rl_cw__drain_stderr(self);
  }
  return RL_CW_IO_OK;
}

RlCWorker *rl_cworker_new(const RlCWorkerLimits *limits) {
  RlCWorker *w = rl_calloc(1, sizeof *w);
  w->limits = *limits;
  w->fd = -1;
  w->err_fd = -1;
  return w;
}

/* Kills and reaps the process; describes how it ended in *how (a static or
 * `a` string) when how is not NULL. */
static void rl_cw__stop(RlCWorker *self, bool kill_it, RlArena *a, const char **how) {
  if (self->fd >= 0) close(self->fd);
  self->fd = -1;
  if (!self->pid) return;
  if (kill_it) kill(self->pid, SIGKILL);
  int st = 0;
  struct rusage ru;
  memset(&ru, 0, sizeof ru);
  while (wait4(self->pid, &st, 0, &ru) < 0 && errno == EINTR) {
  }
  self->pid = 0;
  rl_cw__drain_stderr(self); /* it is gone: what it wrote is all in the pipe */
  if (self->err_fd >= 0) close(self->err_fd);
  self->err_fd = -1;
  if (!how) return;
  uint64_t peak = (uint64_t)ru.ru_maxrss * 1024u;
  if (WIFSIGNALED(st)) {
    int sig = WTERMSIG(st);
    if (sig == SIGXCPU)
      *how = "used more CPU time than the time limit (--parse-timeout)";
    else if (self->limits.memory_bytes && peak * 2 > self->limits.memory_bytes &&
             (sig == SIGABRT || sig == SIGSEGV || sig == SIGBUS || sig == SIGKILL))
      *how = rl_arena_printf(a, "ran out of memory (limit %llu MiB, --c-memory-limit)",
                             (unsigned long long)(self->limits.memory_bytes >> 20));
    else if (self->limits.memory_bytes && !RL_CWORKER_SANITIZED && sig == SIGABRT)
      *how = rl_arena_printf(a, "was aborted: out of memory (limit %llu MiB, --c-memory-limit) "
                                "or a fatal libclang error",
                             (unsigned long long)(self->limits.memory_bytes >> 20));
    else if (sig == SIGXFSZ)
      *how = "tried to write a file";
    else
      *how = rl_arena_printf(a, "crashed (%s)", strsignal(sig));
  } else if (WIFEXITED(st)) {
    /* it never exits while a file is being parsed, unless a sanitizer's
     * signal handler turned the crash into an exit */
    *how = rl_arena_printf(a, "crashed (exit status %d)", WEXITSTATUS(st));
  } else {
    *how = "stopped";
  }
}

void rl_cworker_delete(RlCWorker *self) {
  if (!self) return;
  rl_cw__stop(self, true, NULL, NULL);
  free(self->no_libclang);
  free(self);
}

/* Reads one frame of at most `max` payload bytes; *out is a heap buffer. */
static RlCwIo rl_cw__read_frame(RlCWorker *self, int64_t deadline, uint64_t max, RlCwHeader *h,
                                 RlBuf *out) {
  RlCwIo io = rl_cw__xfer(self, false, h, sizeof *h, deadline);
  if (io != RL_CW_IO_OK) return io;
  if (h->magic != RL_CW_MAGIC || h->len > max) return RL_CW_IO_BAD;
  /* grow as bytes arrive: a lying length costs no memory up front */
  uint64_t got = 0;
  while (got < h->len) {
    size_t chunk = h->len - got > (1u << 20) ? (1u << 20) : (size_t)(h->len - got);
    if (out->cap < out->len + chunk + 1) {
      size_t cap = out->cap ? out->cap : 4096;
      while (cap < out->len + chunk + 1) cap *= 2;
      out->data = rl_realloc(out->data, cap);
      out->cap = cap;
    }
    io = rl_cw__xfer(self, false, out->data + out->len, chunk, deadline);
    if (io != RL_CW_IO_OK) return io;
    out->len += chunk;
    got += chunk;
  }
  return RL_CW_IO_OK;
}

/* Starts the process and reads its hello. On failure returns false with
 * *why (in `a`); self->no_libclang is set when that was the reason. */
static bool rl_cw__start(RlCWorker *self, RlArena *a, const char **why) {
  char exe[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n <= 0) {
    *why = rl_arena_printf(a, "cannot start the C parser process: /proc/self/exe: %s",
                           strerror(errno));
    return false;
  }
  exe[n] = 0;
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) {
    *why = rl_arena_printf(a, "cannot start the C parser process: %s", strerror(errno));
    return false;
  }
  if (sv[1] == RL_CW_FD) { /* dup2 onto itself would keep FD_CLOEXEC */
    int moved = fcntl(sv[1], F_DUPFD_CLOEXEC, RL_CW_FD + 1);
    close(sv[1]);
    sv[1] = moved;
  }
  char mem[32], cpu[32], parent[32];
  snprintf(mem, sizeof mem, "%llu", RL_CWORKER_SANITIZED ? 0ull
                                    : (unsigned long long)self->limits.memory_bytes);
  snprintf(cpu, sizeof cpu, "%llu",
           self->limits.timeout_ms ? (unsigned long long)(self->limits.timeout_ms / 1000 + 2) : 0ull);
  snprintf(parent, sizeof parent, "%ld", (long)getpid());
  char *argv[] = {exe, "--c-worker", "--memory", mem, "--cpu", cpu, "--parent", parent, NULL};
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, sv[1], RL_CW_FD);
  /* stdin: never the parent's (an include of /dev/stdin reads nothing) */
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
  /* stderr: libclang's crash reports are noise, unless asked for; then a
   * pipe to us (rl_cw__drain_stderr), never our stderr itself */
  int errp[2] = {-1, -1};
  if (getenv("RACELINT_C_WORKER_STDERR") && pipe2(errp, O_CLOEXEC) == 0) {
    if (errp[1] <= RL_CW_FD) { /* out of the way of the dup2s onto 2 and 3 */
      int moved = fcntl(errp[1], F_DUPFD_CLOEXEC, RL_CW_FD + 1);
      close(errp[1]);
      errp[1] = moved;
    }
  }
  if (errp[1] >= 0)
    posix_spawn_file_actions_adddup2(&fa, errp[1], 2);
  else
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
  posix_spawnattr_t at;
  posix_spawnattr_init(&at);
  sigset_t none, all;
  sigemptyset(&none);
  sigfillset(&all);
  posix_spawnattr_setsigmask(&at, &none);
  posix_spawnattr_setsigdefault(&at, &all);
  posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  pid_t pid;
  int rc = posix_spawn(&pid, exe, &fa, &at, argv, environ);
  posix_spawn_file_actions_destroy(&fa);
  posix_spawnattr_destroy(&at);
  close(sv[1]);
  if (errp[1] >= 0) close(errp[1]);
  if (rc != 0) {
    close(sv[0]);
    if (errp[0] >= 0) close(errp[0]);
    *why = rl_arena_printf(a, "cannot start the C parser process: %s", strerror(rc));
    return false;
  }
  self->pid = pid;
  self->fd = sv[0];
  fcntl(self->fd, F_SETFL, fcntl(self->fd, F_GETFL) | O_NONBLOCK);
  self->err_fd = errp[0];
  if (self->err_fd >= 0) fcntl(self->err_fd, F_SETFL, fcntl(self->err_fd, F_GETFL) | O_NONBLOCK);
  RlCwHeader h;
  RlBuf b = {0};
  /* The start has no clock: the worker is this binary, which sends its
   * hello right after trying to load libclang, or dies, and a death is seen
   * at once (end of file). A wall-clock limit here would only fail starts
   * on a loaded machine (issue 13); --parse-timeout starts with the parse. */
  RlCwIo io = rl_cw__read_frame(self, INT64_MAX / 2, 1u << 16, &h, &b);
  bool ok = io == RL_CW_IO_OK && (h.type == RL_CW_HELLO || h.type == RL_CW_HELLO_NOLIB);
  if (ok && h.type == RL_CW_HELLO_NOLIB) {
    RlCwDec d = {(const uint8_t *)b.data, (const uint8_t *)b.data + b.len, false};
    const char *msg = rl_cw__getstr(&d, a, NULL);
    self->no_libclang = rl_strdup(msg && !d.bad ? msg : "no usable libclang");
    *why = rl_arena_strdup(a, self->no_libclang);
    rl_buf_free(&b);
    rl_cw__stop(self, true, NULL, NULL);
    return false;
  }
  rl_buf_free(&b);
  if (!ok) {
    const char *how = "did not start";
    rl_cw__stop(self, true, a, &how);
    *why = rl_arena_printf(a, "the C parser process %s", how);
    return false;
  }
  return true;
}

RlCWorkerStatus rl_cworker_parse(RlCWorker *self, bool parse_only, const char *abs_path,
                                 const char *src, size_t len, const char *const *args,
                                 uint32_t nargs, RlArena *strings, RlTree *out,
                                 RlCParseResult *res, const char **why) {
  memset(res, 0, sizeof *res);
  res->first_error = UINT32_MAX;
  *why = NULL;
  if (self->no_libclang) {
    *why = rl_arena_strdup(strings, self->no_libclang);
    return RL_CWORKER_NO_LIBCLANG;
  }
  if (!self->pid && !rl_cw__start(self, strings, why))
    return self->no_libclang ? RL_CWORKER_NO_LIBCLANG : RL_CWORKER_FAILED;
  RlBuf req = {0}, pay = {0};
  rl_cw__str(&pay, abs_path);
  rl_cw__bytes(&pay, src, len);
  rl_cw__u32(&pay, nargs);
  for (uint32_t i = 0; i < nargs; i++) rl_cw__str(&pay, args[i]);
  rl_cw__frame(&req, parse_only ? RL_CW_REQ_PARSE_ONLY : RL_CW_REQ_PARSE, pay.data, pay.len);
  rl_buf_free(&pay);
  int64_t deadline = self->limits.timeout_ms ? rl_cw__now_ms() + (int64_t)self->limits.timeout_ms
                                             : INT64_MAX / 2; /* 0: no limit */
  RlCwIo io = rl_cw__xfer(self, true, req.data, req.len, deadline);
  rl_buf_free(&req);
  RlCwHeader h = {0, 0, 0};
  RlBuf ans = {0};
  if (io == RL_CW_IO_OK) io = rl_cw__read_frame(self, deadline, RL_CW_MAX_ANSWER, &h, &ans);
  if (io == RL_CW_IO_TIMEOUT) {
    rl_cw__stop(self, true, NULL, NULL);
    rl_buf_free(&ans);
    *why = rl_arena_printf(strings, "parsing took longer than --parse-timeout (%llu ms)",
                           (unsigned long long)self->limits.timeout_ms);
    return RL_CWORKER_FAILED;
  }
  if (io == RL_CW_IO_EOF) {
    const char *how = "failed";
    rl_cw__stop(self, true, strings, &how); /* a zombie keeps its status */
    rl_buf_free(&ans);
    *why = rl_arena_printf(strings, "the C parser process %s on this file", how);
    return RL_CWORKER_FAILED;
  }
  bool ok = io == RL_CW_IO_OK && h.type == RL_CW_ANSWER &&
            rl_cworker_decode((const uint8_t *)ans.data, ans.len, len, strings, out, res);
  rl_buf_free(&ans);
  if (!ok) {
    rl_cw__stop(self, true, NULL, NULL); /* it cannot be trusted any more */
    memset(res, 0, sizeof *res);
    res->first_error = UINT32_MAX;
    *why = "the C parser process sent a malformed answer";
    return RL_CWORKER_FAILED;
  }
  return RL_CWORKER_OK;
}

/* Section - the worker process */

/* Reads exactly n bytes (blocking); false on EOF or error. */
static bool rl_cw__read_all(int fd, void *buf, size_t n) {
  char *p = buf;
  while (n) {
    ssize_t k = read(fd, p, n);
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) return false;
    p += k;
    n -= (size_t)k;
  }
  return true;
}

static bool rl_cw__write_all(int fd, const void *buf, size_t n) {
  const char *p = buf;
  while (n) {
    ssize_t k = send(fd, p, n, MSG_NOSIGNAL);
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) return false;
    p += k;
    n -= (size_t)k;
  }
  return true;
}

/* Test hook: RACELINT_TEST_C_WORKER_FAULT="kind:suffix" makes the worker
 * misbehave on files whose path ends with suffix: crash (a line on stderr,
 * then SIGSEGV), hang, garbage (a malformed answer), huge (an answer
 * claiming 2^40 bytes). Tests only. */
static const char *rl_cw__fault(const char *path) {
  const char *spec = getenv("RACELINT_TEST_C_WORKER_FAULT");
  if (!spec) return NULL;
  const char *colon = strchr(spec, ':');
  if (!colon || !rl_str_ends_with(path, colon + 1)) return NULL;
  static const char *const kinds[] = {"crash", "hang", "garbage", "huge"};
  for (size_t i = 0; i < RL_COUNTOF(kinds); i++)
    if ((size_t)(colon - spec) == strlen(kinds[i]) && strncmp(spec, kinds[i], strlen(kinds[i])) == 0)
      return kinds[i];
  return NULL;
}

static void rl_cw__limits(uint64_t memory) {
  struct rlimit zero = {0, 0};
  setrlimit(RLIMIT_CORE, &zero);
  setrlimit(RLIMIT_FSIZE, &zero); /* libclang has nothing to write */
  if (memory) {
    struct rlimit as = {memory, memory};
    setrlimit(RLIMIT_AS, &as);
  }
}

/* RLIMIT_CPU counts the whole process: allow `seconds` more from now. */
static void rl_cw__cpu_budget(uint64_t seconds) {
  struct rusage ru;
  if (getrusage(RUSAGE_SELF, &ru) != 0) return;
  struct rlimit cur;
  if (getrlimit(RLIMIT_CPU, &cur) != 0) return;
  rlim_t used = (rlim_t)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) + 1;
  rlim_t soft = used + (rlim_t)seconds;
  if (cur.rlim_max != RLIM_INFINITY && soft > cur.rlim_max) soft = cur.rlim_max;
  struct rlimit r = {soft, cur.rlim_max};
  setrlimit(RLIMIT_CPU, &r);
}

int rl_cworker_main(int argc, char **argv) {
  uint64_t memory = 0, cpu = 0;
  long parent = 0;
  for (int i = 1; i + 1 < argc; i++) {
    if (strcmp(argv[i], "--memory") == 0) memory = strtoull(argv[++i], NULL, 10);
    else if (strcmp(argv[i], "--cpu") == 0) cpu = strtoull(argv[++i], NULL, 10);
    else if (strcmp(argv[i], "--parent") == 0) parent = strtol(argv[++i], NULL, 10);
  }
  /* die with the thread that started us; it may already be gone */
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (parent && getppid() != parent) return 0;
  if (fcntl(RL_CW_FD, F_GETFD) < 0) {
    fprintf(stderr, "racelint: --c-worker is started by racelint itself\n");
    return 2;
  }
#ifdef SYS_close_range
  syscall(SYS_close_range, RL_CW_FD + 1, ~0u, 0);
#endif
  rl_cw__limits(memory);
  rl_cworker_guard_on(); /* includes of devices, FIFOs, /proc: refused */
  /* a crash must end this process: libclang's state is gone after one */
  setenv("LIBCLANG_DISABLE_CRASH_RECOVERY", "1", 1);
  char *err = NULL;
  RlCParser *p = rl_front_c_parser_new(&err);
  RlBuf out = {0}, pay = {0};
  rl_cw__str(&pay, p ? rl_front_c_library(p) : err);
  rl_cw__frame(&out, p ? RL_CW_HELLO : RL_CW_HELLO_NOLIB, pay.data, pay.len);
  bool alive = rl_cw__write_all(RL_CW_FD, out.data, out.len);
  free(err);
  while (alive && p) {
    RlCwHeader h;
    if (!rl_cw__read_all(RL_CW_FD, &h, sizeof h)) break;
    if (h.magic != RL_CW_MAGIC || h.len > RL_CW_MAX_REQUEST ||
        (h.type != RL_CW_REQ_PARSE && h.type != RL_CW_REQ_PARSE_ONLY))
      break;
    uint8_t *req = rl_malloc(h.len ? h.len : 1);
    if (!rl_cw__read_all(RL_CW_FD, req, h.len)) {
      free(req);
      break;
    }
    RlArena a = {0};
    RlCwDec d = {req, req + h.len, false};
    size_t plen, slen;
    const char *path = rl_cw__getstr(&d, &a, &plen);
    const char *src = rl_cw__getstr(&d, &a, &slen);
    uint32_t nargs = rl_cw__get32(&d);
    const char **args = NULL;
    if (!d.bad && nargs <= h.len / 4) {
      args = rl_arena_alloc(&a, (nargs + 1) * sizeof *args);
      for (uint32_t i = 0; i < nargs; i++) args[i] = rl_cw__getstr(&d, &a, NULL);
    }
    free(req);
    if (d.bad || !path || !src || !args) {
      rl_arena_free(&a);
      break;
    }
    const char *fault = rl_cw__fault(path);
    if (fault && strcmp(fault, "crash") == 0) {
      fputs("racelint --c-worker: test fault: crash\n", stderr); /* as a crash report would */
      raise(SIGSEGV);
    }
    if (fault && strcmp(fault, "hang") == 0)
      for (;;) pause();
    if (cpu) rl_cw__cpu_budget(cpu);
    RlTree t;
    rl_tree_init(&t);
    RlCParseResult res;
    if (h.type == RL_CW_REQ_PARSE_ONLY) {
      memset(&res, 0, sizeof res);
      res.first_error = UINT32_MAX;
      res.ok = rl_front_c_parse_only(p, path, src, slen, args, nargs);
    } else {
      res = rl_front_c_parse(p, path, src, slen, args, nargs, &a, &t);
    }
    out.len = pay.len = 0;
    rl_cworker__encode(&pay, &res, &t);
    if (fault && strcmp(fault, "garbage") == 0 && pay.len > 8)
      memset(pay.data + pay.len / 2, 0xff, pay.len - pay.len / 2);
    rl_cw__frame(&out, RL_CW_ANSWER, pay.data, pay.len);
    if (fault && strcmp(fault, "huge") == 0) ((RlCwHeader *)(void *)out.data)->len = 1ull << 40;
    alive = rl_cw__write_all(RL_CW_FD, out.data, out.len);
    rl_tree_free(&t);
    rl_arena_free(&a);
  }
  rl_buf_free(&out);
  rl_buf_free(&pay);
  rl_front_c_parser_delete(p);
  return 0;
}
