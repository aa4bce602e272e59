/* TEST-ONLY stand-in for Windows' system icuuc.dll, for the wine prefix that builds and tests the
 * Windows bundle. NEVER shipped: tools/windows/selftest.sh fails if the bundle holds an icuuc.dll.
 *
 * Qt6Core.dll imports ICU's converter API (the 20 ucnv_* / UCNV_* symbols below) from icuuc.dll,
 * which Windows 10 1703 and later provide and wine 8 does not, so `import PySide6.QtCore` fails
 * under wine without it. Every converter here fails to open (U_FILE_ACCESS_ERROR), so Qt falls back
 * to its built-in UTF-8/UTF-16/Latin-1 codecs, which is all the app uses.
 * Built by tools/windows/toolchain.sh: x86_64-w64-mingw32-gcc -O2 -shared -s -o icuuc.dll icuuc_stub.c
 */
#include <stddef.h>
#include <stdint.h>

#define EXPORT __declspec(dllexport)
#define UNUSED(x) (void)(x)

typedef int UErrorCode;
typedef struct UConverter UConverter;
enum { U_FILE_ACCESS_ERROR = 4 };

/* ICU convention: a function does nothing if *status already holds an error (> 0). */
static int refuse(UErrorCode *status)
{
    if (status != NULL && *status <= 0)
        *status = U_FILE_ACCESS_ERROR;
    return 0;
}

/* Opening and naming converters: there are none. */
EXPORT UConverter *ucnv_open(const char *name, UErrorCode *status) { UNUSED(name); refuse(status); return NULL; }
EXPORT void ucnv_close(UConverter *cnv) { UNUSED(cnv); }
EXPORT void ucnv_reset(UConverter *cnv) { UNUSED(cnv); }
EXPORT int32_t ucnv_countAvailable(void) { return 0; }
EXPORT const char *ucnv_getAvailableName(int32_t n) { UNUSED(n); return NULL; }
EXPORT const char *ucnv_getName(const UConverter *cnv, UErrorCode *status)
{ UNUSED(cnv); refuse(status); return NULL; }
EXPORT const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *status)
{ UNUSED(name); UNUSED(standard); refuse(status); return NULL; }
EXPORT int8_t ucnv_getMaxCharSize(const UConverter *cnv) { UNUSED(cnv); return 1; }

/* Callbacks: reported as unset, and cannot be set. */
EXPORT void ucnv_getToUCallBack(const UConverter *cnv, void **action, const void **context)
{ UNUSED(cnv); if (action) *action = NULL; if (context) *context = NULL; }
EXPORT void ucnv_getFromUCallBack(const UConverter *cnv, void **action, const void **context)
{ UNUSED(cnv); if (action) *action = NULL; if (context) *context = NULL; }
EXPORT void ucnv_setToUCallBack(UConverter *cnv, void *action, const void *context, void **old_action,
                                const void **old_context, UErrorCode *status)
{ UNUSED(cnv); UNUSED(action); UNUSED(context); UNUSED(old_action); UNUSED(old_context); refuse(status); }
EXPORT void ucnv_setFromUCallBack(UConverter *cnv, void *action, const void *context, void **old_action,
                                  const void **old_context, UErrorCode *status)
{ UNUSED(cnv); UNUSED(action); UNUSED(context); UNUSED(old_action); UNUSED(old_context); refuse(status); }
EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const char *units, int32_t length,
                                          int reason, UErrorCode *status)
{ UNUSED(context); UNUSED(args); UNUSED(units); UNUSED(length); UNUSED(reason); UNUSED(status); }
EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const void *units, int32_t length,
                                            int32_t code_point, int reason, UErrorCode *status)
{ UNUSED(context); UNUSED(args); UNUSED(units); UNUSED(length); UNUSED(code_point); UNUSED(reason); UNUSED(status); }
EXPORT void ucnv_cbToUWriteUChars(void *args, const void *source, int32_t length, int32_t offset, UErrorCode *status)
{ UNUSED(args); UNUSED(source); UNUSED(length); UNUSED(offset); refuse(status); }
EXPORT void ucnv_cbFromUWriteUChars(void *args, const void **source, const void *limit, int32_t offset,
                                    UErrorCode *status)
{ UNUSED(args); UNUSED(source); UNUSED(limit); UNUSED(offset); refuse(status); }

/* Conversion: never reached (no converter opens), but fail cleanly if it were. */
EXPORT void ucnv_toUnicode(UConverter *cnv, void **target, const void *target_limit, const char **source,
                           const char *source_limit, int32_t *offsets, int8_t flush, UErrorCode *status)
{ UNUSED(cnv); UNUSED(target); UNUSED(target_limit); UNUSED(source); UNUSED(source_limit); UNUSED(offsets);
  UNUSED(flush); refuse(status); }
EXPORT void ucnv_fromUnicode(UConverter *cnv, char **target, const char *target_limit, const void **source,
                             const void *source_limit, int32_t *offsets, int8_t flush, UErrorCode *status)
{ UNUSED(cnv); UNUSED(target); UNUSED(target_limit); UNUSED(source); UNUSED(source_limit); UNUSED(offsets);
  UNUSED(flush); refuse(status); }
EXPORT int32_t ucnv_toUCountPending(const UConverter *cnv, UErrorCode *status) { UNUSED(cnv); return refuse(status); }
EXPORT int32_t ucnv_fromUCountPending(const UConverter *cnv, UErrorCode *status) { UNUSED(cnv); return refuse(status); }
