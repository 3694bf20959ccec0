/* Tether mock <libdill.h> (hermetic), after libdill 2.x.
 *
 * Real-API notes (mirrored here): every function is declared with a dill_
 * prefix (dill_chmake, dill_chsend, dill_hclose, ...) and, unless
 * DILL_DISABLE_RAW_NAMES is defined, the short names are object-like MACROS
 * (#define chmake dill_chmake, #define now dill_now, #define yield dill_yield,
 * #define go dill_go, ...). So the FunctionDecl a checker sees is dill_chsend,
 * not chsend; and the `now`/`yield` macros clobber e.g. steady_clock::now()
 * or std::this_thread::yield() written after the include.
 * go(fn) is a GNU statement expression that evaluates the call `fn` in a new
 * coroutine and yields an int handle (< 0 on error) that must be hclose()d.
 * Coroutine functions are marked with the `coroutine` macro (noinline). */
#ifndef TETHER_MOCK_LIBDILL_H
#define TETHER_MOCK_LIBDILL_H
#include <tether_mock/c_config.h>
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>
#include <sys/types.h>

#define DILL_VERSION_CURRENT 4
#define DILL_EXPORT __attribute__((visibility("default")))
#define DILL_ALIGN

__TM_BEGIN_C
/* Helpers */
DILL_EXPORT int dill_fdclean(int fd);
DILL_EXPORT int dill_fdin(int fd, int64_t deadline);
DILL_EXPORT int dill_fdout(int fd, int64_t deadline);
DILL_EXPORT int64_t dill_now(void);
DILL_EXPORT int dill_msleep(int64_t deadline);

/* Handles */
DILL_EXPORT int dill_hown(int h);
DILL_EXPORT int dill_hclose(int h);

/* Coroutines */
#define dill_coroutine __attribute__((noinline))
DILL_EXPORT __attribute__((noinline)) int dill_prologue(void **ctx, void **ptr, size_t len, int bndl,
                                                        const char *file, int line);
DILL_EXPORT __attribute__((noinline)) void dill_epilogue(void);
#define dill_go_(fn, ptr, len, bndl)                                                                                   \
  __extension__({                                                                                                      \
    void *dill_ctx__;                                                                                                  \
    void *dill_stk__ = (ptr);                                                                                          \
    int dill_handle__ = dill_prologue(&dill_ctx__, &dill_stk__, (len), (bndl), __FILE__, __LINE__);                    \
    if (dill_handle__ >= 0) {                                                                                          \
      fn;                                                                                                              \
      dill_epilogue();                                                                                                 \
    }                                                                                                                  \
    dill_handle__;                                                                                                     \
  })
#define dill_go(fn) dill_go_(fn, __TM_NULL, 0, -1)
#define dill_go_mem(fn, ptr, len) dill_go_(fn, ptr, len, -1)
#define dill_bundle_go(bndl, fn) dill_go_(fn, __TM_NULL, 0, bndl)
#define dill_bundle_go_mem(bndl, fn, ptr, len) dill_go_(fn, ptr, len, bndl)

struct dill_bundle_storage {
  char _[64];
} DILL_ALIGN;
DILL_EXPORT int dill_bundle(void);
DILL_EXPORT int dill_bundle_mem(struct dill_bundle_storage *mem);
DILL_EXPORT int dill_bundle_wait(int h, int64_t deadline);
DILL_EXPORT int dill_yield(void);

/* Channels */
#define DILL_CHSEND 1
#define DILL_CHRECV 2
struct dill_chclause {
  int op;
  int ch;
  void *val;
  size_t len;
};
struct dill_chstorage {
  char _[144];
} DILL_ALIGN;
DILL_EXPORT int dill_chmake(int chv[2]);
DILL_EXPORT int dill_chmake_mem(struct dill_chstorage *mem, int chv[2]);
DILL_EXPORT int dill_chsend(int ch, const void *val, size_t len, int64_t deadline);
DILL_EXPORT int dill_chrecv(int ch, void *val, size_t len, int64_t deadline);
DILL_EXPORT int dill_chdone(int ch);
DILL_EXPORT int dill_choose(struct dill_chclause *clauses, int nclauses, int64_t deadline);
__TM_END_C

#if !defined DILL_DISABLE_RAW_NAMES
#define fdclean dill_fdclean
#define fdin dill_fdin
#define fdout dill_fdout
#define now dill_now
#define msleep dill_msleep
#define hown dill_hown
#define hclose dill_hclose
#define coroutine dill_coroutine
#define go dill_go
#define go_mem dill_go_mem
#define bundle_go dill_bundle_go
#define bundle_go_mem dill_bundle_go_mem
#define bundle_storage dill_bundle_storage
#define bundle dill_bundle
#define bundle_mem dill_bundle_mem
#define bundle_wait dill_bundle_wait
#define yield dill_yield
#define CHSEND DILL_CHSEND
#define CHRECV DILL_CHRECV
#define chclause dill_chclause
#define chstorage dill_chstorage
#define chmake dill_chmake
#define chmake_mem dill_chmake_mem
#define chsend dill_chsend
#define chrecv dill_chrecv
#define chdone dill_chdone
#define choose dill_choose
#endif

#endif
