/* expect-none */
/* The default preset leaves out a truncating create or a rename onto a
 * name the check found missing, outside /tmp (racelint:strict reports
 * them: no_clobber_strict/): the create can only lose a file another
 * writer of the directory made in between. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

int publish(const char *staged, const char *final_name) {
  struct stat st;
  if (!stat(final_name, &st)) return 1; /* already published */
  return rename(staged, final_name);
}

int create_marker(const char *marker) {
  int rc;
  struct stat st;
  if ((rc = lstat(marker, &st)) == -1) {
    int fd = open(marker, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) close(fd);
    return fd < 0 ? -1 : 0;
  }
  return 0;
}

FILE *first_dump(const char *name) {
  if (access(name, F_OK) != 0) {
    return fopen(name, "w");
  } else {
    fprintf(stderr, "%s exists\n", name);
  }
  return NULL;
}
