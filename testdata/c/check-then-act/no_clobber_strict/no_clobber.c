/* A truncating create, or a rename onto the name, where the check found
 * the name missing (the no-clobber race: a file another writer of the
 * directory creates in between is lost): racelint:strict only
 * (rules/check-then-act.md, "Presets"); ../ok_no_clobber.c has the
 * default-preset twins, ../clobber_existing.c what stays reported. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

int install(const char *tmp, const char *dest) {
  struct stat sb;
  if (stat(dest, &sb) == 0) return -1;
  return rename(tmp, dest); /* expect: [check-then-act] "'rename'" */
}

int replace_target(const char *from, const char *to) {
  if (access(to, F_OK) == 0) return -1; /* do not overwrite */
  return rename(from, to); /* expect: [check-then-act] */
}

int make_door(const char *door) {
  struct stat buf;
  int fd = -1;
  if (lstat(door, &buf) < 0) {
    fd = creat(door, 0644); /* expect: [check-then-act] "'creat'" */
  }
  return fd;
}

FILE *new_report(const char *out) {
  if (access(out, F_OK)) return fopen(out, "w"); /* expect: [check-then-act] "'fopen'" */
  return NULL;
}
