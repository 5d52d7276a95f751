/* gss_stubs.c - GSS-API stand-ins for the self-contained binary
 * (RACELINT_STATIC_DEPS). Debian's libgit2.a refers to GSS-API for HTTP
 * "Negotiate" authentication, and Debian ships no static libgssapi_krb5.
 * racelint only reads local repositories (status, ignore rules, diffs for
 * --changed-since), never fetches, so these are never called; should one
 * be, it fails the way a missing Kerberos setup does (GSS_S_FAILURE), and
 * libgit2 reports an authentication error. No state. */
#include <stddef.h>

#define RL_GSS_S_FAILURE (13u << 16)

typedef unsigned int RlGssStatus;

const void *const GSS_C_NT_HOSTBASED_SERVICE = NULL;

RlGssStatus gss_display_status(RlGssStatus *minor, ...);
RlGssStatus gss_release_buffer(RlGssStatus *minor, ...);
RlGssStatus gss_delete_sec_context(RlGssStatus *minor, ...);
RlGssStatus gss_import_name(RlGssStatus *minor, ...);
RlGssStatus gss_release_name(RlGssStatus *minor, ...);
RlGssStatus gss_init_sec_context(RlGssStatus *minor, ...);
RlGssStatus gss_indicate_mechs(RlGssStatus *minor, ...);
RlGssStatus gss_release_oid_set(RlGssStatus *minor, ...);

#define RL_GSS_STUB(name) \
  RlGssStatus name(RlGssStatus *minor, ...) { \
    if (minor) *minor = 0; \
    return RL_GSS_S_FAILURE; \
  }
RL_GSS_STUB(gss_display_status)
RL_GSS_STUB(gss_release_buffer)
RL_GSS_STUB(gss_delete_sec_context)
RL_GSS_STUB(gss_import_name)
RL_GSS_STUB(gss_release_name)
RL_GSS_STUB(gss_init_sec_context)
RL_GSS_STUB(gss_indicate_mechs)
RL_GSS_STUB(gss_release_oid_set)
