/* front_c.c - libclang front end for .c/.h files.
 *
 * libclang is loaded at run time (dlopen), so a JS/TS-only user needs no LLVM
 * installed: the newest libclang this build accepts is tried first (see
 * rl_front_c__names), and RACELINT_LIBCLANG (a ':'-separated list of names or
 * paths) replaces that list. Only the C worker process (cworker.c) parses,
 * so a libclang crash costs one file, not the run.
 *
 * One CXIndex per parser; each file is parsed once with KeepGoing (a missing
 * header does not stop the analysis of what could be parsed). Only
 * declarations spelled in the main file are copied, so a header's functions
 * are analysed when the header itself is scanned, not once per includer.
 * Source offsets are expansion locations; nodes spelled inside a macro get
 * RL_NF_MACRO. The translation unit is disposed before returning, and the
 * RlTree holds everything rules read: no accessor calls libclang later. */
#include "front_c.h"

#include <clang-c/Index.h>
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef RL_LIBCLANG_MIN
#define RL_LIBCLANG_MIN 14
#endif
#ifndef RL_LIBCLANG_MAX
#define RL_LIBCLANG_MAX 21
#endif

/* Every libclang function this file calls, resolved with dlsym. */
#define RL_CLANG_FNS(X) \
  X(clang_Cursor_Evaluate) \
  X(clang_Cursor_getStorageClass) \
  X(clang_Cursor_isNull) \
  X(clang_EvalResult_dispose) \
  X(clang_EvalResult_getAsLongLong) \
  X(clang_EvalResult_getAsUnsigned) \
  X(clang_EvalResult_getKind) \
  X(clang_EvalResult_isUnsignedInt) \
  X(clang_File_isEqual) \
  X(clang_createIndex) \
  X(clang_disposeDiagnostic) \
  X(clang_disposeIndex) \
  X(clang_disposeString) \
  X(clang_disposeTranslationUnit) \
  X(clang_equalCursors) \
  X(clang_getCString) \
  X(clang_getCursorExtent) \
  X(clang_getCursorKind) \
  X(clang_getCursorReferenced) \
  X(clang_getCursorSemanticParent) \
  X(clang_getCursorSpelling) \
  X(clang_getCursorTLSKind) \
  X(clang_getCursorType) \
  X(clang_getDiagnostic) \
  X(clang_getDiagnosticCategoryText) \
  X(clang_getDiagnosticLocation) \
  X(clang_getDiagnosticSeverity) \
  X(clang_getDiagnosticSpelling) \
  X(clang_getEnumConstantDeclValue) \
  X(clang_getExpansionLocation) \
  X(clang_getFile) \
  X(clang_getFileName) \
  X(clang_getInclusions) \
  X(clang_getNumDiagnostics) \
  X(clang_getRangeEnd) \
  X(clang_getRangeStart) \
  X(clang_getSpellingLocation) \
  X(clang_getTranslationUnitCursor) \
  X(clang_getTypeSpelling) \
  X(clang_parseTranslationUnit2) \
  X(clang_visitChildren)

typedef struct RlClangApi {
#define RL_CLANG_MEMBER(f) __typeof__(f) *f;
  RL_CLANG_FNS(RL_CLANG_MEMBER)
#undef RL_CLANG_MEMBER
} RlClangApi;

struct RlCParser {
  void *lib; /* dlopen handle (RTLD_NODELETE: LLVM does not survive unloading) */
  RlClangApi api;
  CXIndex index;
  char *lib_name;
};

/* Resolves every function of `lib` into `api`; false (naming the first
 * missing one in *missing) if one is absent. */
static bool rl_front_c__resolve(void *lib, RlClangApi *api, const char **missing) {
#define RL_CLANG_RESOLVE(f)                          \
  *(void **)&api->f = dlsym(lib, #f);                \
  if (!api->f) {                                     \
    *missing = #f;                                   \
    return false;                                    \
  }
  RL_CLANG_FNS(RL_CLANG_RESOLVE)
#undef RL_CLANG_RESOLVE
  return true;
}

static bool rl_front_c__try(RlCParser *p, const char *name, RlBuf *why) {
  void *lib = dlopen(name, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
  if (!lib) {
    /* not installed under that name: not worth a word; anything else is */
    const char *e = dlerror();
    if (e && !strstr(e, "No such file"))
      rl_buf_printf(why, "%s%s", why->len ? "; " : "", e);
    return false;
  }
  const char *missing = NULL;
  if (!rl_front_c__resolve(lib, &p->api, &missing)) {
    rl_buf_printf(why, "%s%s lacks %s", why->len ? "; " : "", name, missing);
    dlclose(lib);
    return false;
  }
  p->lib = lib;
  p->lib_name = rl_strdup(name);
  return true;
}

RlCParser *rl_front_c_parser_new(char **err) {
  RlCParser *p = rl_calloc(1, sizeof *p);
  RlBuf why = {0};
  const char *env = getenv("RACELINT_LIBCLANG");
  bool ok = false;
  if (env) {
    char *list = rl_strdup(env), *save = NULL;
    for (char *n = strtok_r(list, ":", &save); n && !ok; n = strtok_r(NULL, ":", &save))
      ok = rl_front_c__try(p, n, &why);
    free(list);
  } else {
    char name[64];
    for (int v = RL_LIBCLANG_MAX; v >= RL_LIBCLANG_MIN && !ok; v--) {
      snprintf(name, sizeof name, "libclang-%d.so.1", v);
      ok = rl_front_c__try(p, name, &why);
      if (!ok) {
        snprintf(name, sizeof name, "/usr/lib/llvm-%d/lib/libclang.so.1", v);
        ok = rl_front_c__try(p, name, &why);
      }
    }
    if (!ok) ok = rl_front_c__try(p, "libclang.so.1", &why);
  }
  if (!ok) {
    if (err)
      *err = rl_asprintf("no usable libclang (%d or newer)%s%s", RL_LIBCLANG_MIN,
                         why.len ? ": " : "", why.len ? rl_buf_cstr(&why) : "");
    rl_buf_free(&why);
    free(p);
    return NULL;
  }
  rl_buf_free(&why);
  p->index = p->api.clang_createIndex(0, 0);
  return p;
}

void rl_front_c_parser_delete(RlCParser *self) {
  if (!self) return;
  self->api.clang_disposeIndex(self->index);
  dlclose(self->lib);
  free(self->lib_name);
  free(self);
}

const char *rl_front_c_library(const RlCParser *self) { return self->lib_name; }

typedef struct RlCVisit {
  const RlClangApi *api;
  RlTree *tree;
  RlArena *strings;
  CXFile main;
  const char *src;
  size_t len;
  CXCursor *cursors; /* parallel to tree->stack */
  uint32_t *ord;     /* children seen so far, per open node */
  uint32_t cap;
} RlCVisit;

static uint16_t rl_front_c__kind(enum CXCursorKind k) {
  switch (k) {
#define RL_C_KIND(e) \
  case CXCursor_##e: \
    return RL_C_##e;
#define CXCursor_OTHER CXCursor_InvalidCode
#define CXCursor_TRANSLATION_UNIT CXCursor_TranslationUnit
#define CXCursor_FUNCTION_DECL CXCursor_FunctionDecl
#define CXCursor_VAR_DECL CXCursor_VarDecl
#define CXCursor_PARM_DECL CXCursor_ParmDecl
#define CXCursor_FIELD_DECL CXCursor_FieldDecl
#define CXCursor_STRUCT_DECL CXCursor_StructDecl
#define CXCursor_UNION_DECL CXCursor_UnionDecl
#define CXCursor_TYPEDEF_DECL CXCursor_TypedefDecl
#define CXCursor_TYPE_REF CXCursor_TypeRef
#define CXCursor_COMPOUND_STMT CXCursor_CompoundStmt
#define CXCursor_DECL_STMT CXCursor_DeclStmt
#define CXCursor_IF_STMT CXCursor_IfStmt
#define CXCursor_WHILE_STMT CXCursor_WhileStmt
#define CXCursor_DO_STMT CXCursor_DoStmt
#define CXCursor_FOR_STMT CXCursor_ForStmt
#define CXCursor_SWITCH_STMT CXCursor_SwitchStmt
#define CXCursor_CASE_STMT CXCursor_CaseStmt
#define CXCursor_DEFAULT_STMT CXCursor_DefaultStmt
#define CXCursor_RETURN_STMT CXCursor_ReturnStmt
#define CXCursor_GOTO_STMT CXCursor_GotoStmt
#define CXCursor_LABEL_STMT CXCursor_LabelStmt
#define CXCursor_BREAK_STMT CXCursor_BreakStmt
#define CXCursor_CONTINUE_STMT CXCursor_ContinueStmt
#define CXCursor_NULL_STMT CXCursor_NullStmt
#define CXCursor_CALL_EXPR CXCursor_CallExpr
#define CXCursor_DECL_REF_EXPR CXCursor_DeclRefExpr
#define CXCursor_MEMBER_REF_EXPR CXCursor_MemberRefExpr
#define CXCursor_UNARY_OPERATOR CXCursor_UnaryOperator
#define CXCursor_BINARY_OPERATOR CXCursor_BinaryOperator
#define CXCursor_COMPOUND_ASSIGN_OPERATOR CXCursor_CompoundAssignOperator
#define CXCursor_CONDITIONAL_OPERATOR CXCursor_ConditionalOperator
#define CXCursor_ARRAY_SUBSCRIPT_EXPR CXCursor_ArraySubscriptExpr
#define CXCursor_PAREN_EXPR CXCursor_ParenExpr
#define CXCursor_CSTYLE_CAST_EXPR CXCursor_CStyleCastExpr
#define CXCursor_UNEXPOSED_EXPR CXCursor_UnexposedExpr
#define CXCursor_INIT_LIST_EXPR CXCursor_InitListExpr
#define CXCursor_STRING_LITERAL CXCursor_StringLiteral
#define CXCursor_INTEGER_LITERAL CXCursor_IntegerLiteral
#define CXCursor_CHARACTER_LITERAL CXCursor_CharacterLiteral
#define CXCursor_FLOATING_LITERAL CXCursor_FloatingLiteral
#define CXCursor_STMT_EXPR CXCursor_StmtExpr
#include "kinds.def"
#undef RL_C_KIND
  default:
    return RL_C_OTHER;
  }
}

static const char *rl_front_c__str(const RlClangApi *A, RlArena *a, CXString s) {
  const char *c = A->clang_getCString(s);
  const char *r = c && *c ? rl_arena_strdup(a, c) : "";
  A->clang_disposeString(s);
  return r;
}

/* Type spelling of a declaration; thread-local variables get a
 * "_Thread_local " prefix (rule_api.h, C summaries). */
static const char *rl_front_c__decl_type(const RlClangApi *A, RlArena *a, CXCursor d) {
  const char *t = rl_front_c__str(A, a, A->clang_getTypeSpelling(A->clang_getCursorType(d)));
  if (A->clang_getCursorKind(d) == CXCursor_VarDecl && A->clang_getCursorTLSKind(d) != CXTLS_None)
    return rl_arena_printf(a, "_Thread_local %s", t);
  return t;
}

static uint8_t rl_front_c__refkind(const RlClangApi *A, CXCursor d) {
  switch (A->clang_getCursorKind(d)) {
  case CXCursor_VarDecl: {
    enum CXCursorKind pk = A->clang_getCursorKind(A->clang_getCursorSemanticParent(d));
    if (pk == CXCursor_TranslationUnit) return RL_REF_GLOBAL;
    enum CX_StorageClass sc = A->clang_Cursor_getStorageClass(d);
    if (sc == CX_SC_Static) return RL_REF_STATIC_LOCAL;
    if (sc == CX_SC_Extern) return RL_REF_GLOBAL;
    return RL_REF_LOCAL;
  }
  case CXCursor_ParmDecl: return RL_REF_PARAM;
  case CXCursor_FunctionDecl: return RL_REF_FUNCTION;
  case CXCursor_FieldDecl: return RL_REF_FIELD;
  case CXCursor_EnumConstantDecl: return RL_REF_ENUM;
  default: return RL_REF_OTHER;
  }
}

/* Field of the ord-th child of a parent of kind pk. */
static uint8_t rl_front_c__field(uint16_t pk, uint32_t ord, uint16_t kind) {
  switch (pk) {
  case RL_C_CALL_EXPR: return ord == 0 ? RL_F_CALLEE : RL_F_ARG;
  case RL_C_IF_STMT:
    return ord == 0 ? RL_F_CONDITION : ord == 1 ? RL_F_CONSEQUENCE : RL_F_ALTERNATIVE;
  case RL_C_WHILE_STMT: return ord == 0 ? RL_F_CONDITION : RL_F_BODY;
  case RL_C_DO_STMT: return ord == 0 ? RL_F_BODY : RL_F_CONDITION;
  case RL_C_BINARY_OPERATOR:
  case RL_C_COMPOUND_ASSIGN_OPERATOR: return ord == 0 ? RL_F_LEFT : RL_F_RIGHT;
  case RL_C_UNARY_OPERATOR: return RL_F_ARGUMENT;
  case RL_C_MEMBER_REF_EXPR: return RL_F_OBJECT;
  case RL_C_ARRAY_SUBSCRIPT_EXPR: return ord == 0 ? RL_F_OBJECT : RL_F_INDEX;
  case RL_C_FUNCTION_DECL:
    return kind == RL_C_COMPOUND_STMT ? RL_F_BODY
           : kind == RL_C_PARM_DECL  ? RL_F_PARAMETER
                                     : RL_F_NONE;
  case RL_C_VAR_DECL: return kind == RL_C_TYPE_REF ? RL_F_TYPE : RL_F_VALUE;
  default: return RL_F_NONE;
  }
}

static enum CXChildVisitResult rl_front_c__visit(CXCursor c, CXCursor parent,
                                                 CXClientData data) {
  RlCVisit *v = data;
  const RlClangApi *A = v->api;
  RlTree *t = v->tree;
  /* Close the nodes the visitor has left. */
  while (t->depth > 1 && !A->clang_equalCursors(v->cursors[t->depth - 1], parent))
    rl_tree_close(t);
  CXSourceRange ext = A->clang_getCursorExtent(c);
  CXFile f, sf, ef;
  unsigned off, soff, eoff;
  A->clang_getExpansionLocation(A->clang_getRangeStart(ext), &f, NULL, NULL, &off);
  if (!f || !A->clang_File_isEqual(f, v->main)) return CXChildVisit_Continue;
  A->clang_getExpansionLocation(A->clang_getRangeEnd(ext), &ef, NULL, NULL, &eoff);
  if (!ef || !A->clang_File_isEqual(ef, v->main) || eoff < off) eoff = off;
  A->clang_getSpellingLocation(A->clang_getRangeStart(ext), &sf, NULL, NULL, &soff);
  enum CXCursorKind ck = A->clang_getCursorKind(c);
  uint16_t kind = rl_front_c__kind(ck);
  uint8_t flags = RL_NF_NAMED;
  if (!sf || !A->clang_File_isEqual(sf, v->main) || soff != off) flags |= RL_NF_MACRO;
  if (off > v->len) off = (unsigned)v->len;
  if (eoff > v->len) eoff = (unsigned)v->len;
  uint32_t top = rl_tree_top(t);
  uint16_t pk = top ? t->nodes[top].kind : 0;
  uint32_t ord = t->depth ? v->ord[t->depth - 1]++ : 0;
  uint8_t field = rl_front_c__field(pk, ord, kind);
  uint32_t i = rl_tree_open(t, kind, (uint16_t)ck, field, flags, off, eoff);
  if (t->depth > v->cap) {
    v->cap = t->stackcap;
    v->cursors = rl_realloc(v->cursors, v->cap * sizeof *v->cursors);
    v->ord = rl_realloc(v->ord, v->cap * sizeof *v->ord);
  }
  v->cursors[t->depth - 1] = c;
  v->ord[t->depth - 1] = 0;

  switch (ck) {
  case CXCursor_FunctionDecl:
  case CXCursor_VarDecl:
  case CXCursor_ParmDecl:
  case CXCursor_FieldDecl: {
    RlNodeExt *e = rl_tree_ext(t, i);
    e->name = rl_front_c__str(A, v->strings, A->clang_getCursorSpelling(c));
    e->type = rl_front_c__decl_type(A, v->strings, c);
    e->ref = rl_front_c__refkind(A, c);
    if (ck == CXCursor_FieldDecl)
      e->owner = rl_front_c__str(A, v->strings,
                                 A->clang_getTypeSpelling(A->clang_getCursorType(
                                     A->clang_getCursorSemanticParent(c))));
    break;
  }
  case CXCursor_DeclRefExpr:
  case CXCursor_MemberRefExpr:
  case CXCursor_MemberRef: /* the field a designated initializer names */ {
    RlNodeExt *e = rl_tree_ext(t, i);
    e->name = rl_front_c__str(A, v->strings, A->clang_getCursorSpelling(c));
    CXCursor d = A->clang_getCursorReferenced(c);
    if (!A->clang_Cursor_isNull(d)) {
      e->ref = rl_front_c__refkind(A, d);
      if (e->ref == RL_REF_ENUM)
        e->value = rl_arena_printf(v->strings, "%lld", A->clang_getEnumConstantDeclValue(d));
      if (e->ref != RL_REF_FUNCTION && e->ref != RL_REF_ENUM)
        e->type = rl_front_c__decl_type(A, v->strings, d);
      if (ck == CXCursor_MemberRefExpr || ck == CXCursor_MemberRef)
        e->owner = rl_front_c__str(
            A, v->strings,
            A->clang_getTypeSpelling(A->clang_getCursorType(A->clang_getCursorSemanticParent(d))));
    }
    break;
  }
  case CXCursor_IntegerLiteral:
  case CXCursor_CharacterLiteral: {
    CXEvalResult r = A->clang_Cursor_Evaluate(c);
    if (r && A->clang_EvalResult_getKind(r) == CXEval_Int) {
      RlNodeExt *e = rl_tree_ext(t, i);
      e->value = A->clang_EvalResult_isUnsignedInt(r)
                     ? rl_arena_printf(v->strings, "%llu", A->clang_EvalResult_getAsUnsigned(r))
                     : rl_arena_printf(v->strings, "%lld", A->clang_EvalResult_getAsLongLong(r));
    }
    if (r) A->clang_EvalResult_dispose(r);
    break;
  }
  case CXCursor_CallExpr:
  case CXCursor_StringLiteral: {
    RlNodeExt *e = rl_tree_ext(t, i);
    e->name = rl_front_c__str(A, v->strings, A->clang_getCursorSpelling(c));
    break;
  }
  default:
    break;
  }
  return CXChildVisit_Recurse;
}

static CXTranslationUnit rl_front_c__tu(RlCParser *self, const char *abs_path,
                                        const char *src, size_t len,
                                        const char *const *args, uint32_t nargs) {
  const RlClangApi *A = &self->api;
  struct CXUnsavedFile uf = {abs_path, src, (unsigned long)len};
  unsigned opts = CXTranslationUnit_KeepGoing |
                  CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles;
  CXTranslationUnit tu = NULL;
  enum CXErrorCode rc = A->clang_parseTranslationUnit2(self->index, abs_path, args,
                                                    (int)nargs, &uf, 1, opts, &tu);
  if (rc != CXError_Success) return NULL;
  return tu;
}

bool rl_front_c_parse_only(RlCParser *self, const char *abs_path, const char *src,
                           size_t len, const char *const *args, uint32_t nargs) {
  CXTranslationUnit tu = rl_front_c__tu(self, abs_path, src, len, args, nargs);
  if (!tu) return false;
  self->api.clang_disposeTranslationUnit(tu);
  return true;
}

typedef struct RlCIncl {
  const RlClangApi *api;
  RlArena *strings;
  RL_VEC(const char *) v;
} RlCIncl;

static void rl_front_c__inclusion(CXFile f, CXSourceLocation *stack, unsigned depth,
                                  CXClientData data) {
  RlCIncl *inc = data;
  const RlClangApi *A = inc->api;
  if (depth == 0) return; /* the main file */
  (void)stack;
  const char *p = rl_front_c__str(A, inc->strings, A->clang_getFileName(f));
  if (*p) RL_VEC_PUSH(inc->v, p);
}

RlCParseResult rl_front_c_parse(RlCParser *self, const char *abs_path,
                                const char *src, size_t len,
                                const char *const *args, uint32_t nargs,
                                RlArena *strings, RlTree *out) {
  const RlClangApi *A = &self->api;
  RlCParseResult res = {false, 0, UINT32_MAX, NULL, 0, NULL, NULL, 0};
  CXTranslationUnit tu = rl_front_c__tu(self, abs_path, src, len, args, nargs);
  if (!tu) return res;
  res.ok = true;
  CXFile main = A->clang_getFile(tu, abs_path);
  unsigned nd = A->clang_getNumDiagnostics(tu);
  /* an include the worker refused (a device, FIFO, /proc file: cworker.h)
   * is the file's own problem, not a header the build would provide */
  bool refused = false;
  for (unsigned i = 0; i < nd; i++) {
    CXDiagnostic d = A->clang_getDiagnostic(tu, i);
    enum CXDiagnosticSeverity sev = A->clang_getDiagnosticSeverity(d);
    if (sev >= CXDiagnostic_Error) {
      res.nerrors++;
      CXFile f;
      unsigned off;
      A->clang_getExpansionLocation(A->clang_getDiagnosticLocation(d), &f, NULL, NULL, &off);
      const char *text = NULL;
      if (!text) text = rl_front_c__str(A, strings, A->clang_getDiagnosticSpelling(d));
      if (strncmp(text, "cannot open file", 16) == 0) refused = true;
      /* in the main file or a header it includes; a -include named on the
       * command line (no file) is the flags' problem, said by compdb's notice */
      if (!res.missing && f && rl_str_ends_with(text, "' file not found")) res.missing = text;
      if (!res.error_msg && f && main && A->clang_File_isEqual(f, main)) {
        res.error_msg = text;
        res.first_error = off;
        const char *cat =
            rl_front_c__str(A, strings, A->clang_getDiagnosticCategoryText(d));
        /* a parse error, or a preprocessor error other than a header not
         * found (an include refused or nested too deeply is the file's own) */
        res.syntax = strcmp(cat, "Parse Issue") == 0 ? 1
                     : strcmp(cat, "Lexical or Preprocessor Issue") == 0 &&
                             !rl_str_ends_with(text, "' file not found")
                         ? 2
                         : 0;
      }
    }
    A->clang_disposeDiagnostic(d);
  }
  if (refused) {
    res.missing = NULL;
    res.syntax = res.error_msg ? 2 : 0;
  }
  RlCIncl inc = {A, strings, {0}};
  A->clang_getInclusions(tu, rl_front_c__inclusion, &inc);
  if (inc.v.n) {
    res.includes = rl_arena_alloc(strings, inc.v.n * sizeof *res.includes);
    memcpy(res.includes, inc.v.v, inc.v.n * sizeof *res.includes);
    res.nincludes = inc.v.n;
  }
  RL_VEC_FREE(inc.v);
  RlCVisit v = {A, out, strings, main, src, len, NULL, NULL, 0};
  v.cap = 256;
  v.cursors = rl_malloc(v.cap * sizeof *v.cursors);
  v.ord = rl_malloc(v.cap * sizeof *v.ord);
  CXCursor root = A->clang_getTranslationUnitCursor(tu);
  rl_tree_open(out, RL_C_TRANSLATION_UNIT, CXCursor_TranslationUnit, 0, RL_NF_NAMED, 0,
               (uint32_t)len);
  v.cursors[0] = root;
  v.ord[0] = 0;
  if (main) A->clang_visitChildren(root, rl_front_c__visit, &v);
  while (out->depth) rl_tree_close(out);
  free(v.cursors);
  free(v.ord);
  A->clang_disposeTranslationUnit(tu);
  return res;
}
