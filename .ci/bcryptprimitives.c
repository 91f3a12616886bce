/*
 * Minimal stand-in for bcryptprimitives.dll, used only when running the
 * windows/amd64 tests under Wine.
 *
 * Since Go 1.22 the Go runtime loads bcryptprimitives.dll at start-up and
 * calls its ProcessPrng export for random bytes. Wine 8.0 does not ship
 * that DLL, so every Go program aborts before main. This DLL provides
 * ProcessPrng on top of BCryptGenRandom, which Wine does implement.
 *
 * Build: x86_64-w64-mingw32-gcc -shared -O2 -o bcryptprimitives.dll \
 *            bcryptprimitives.c bcryptprimitives.def -lbcrypt
 */
#include <windows.h>
#include <bcrypt.h>

BOOL WINAPI ProcessPrng(PBYTE pbData, SIZE_T cbData)
{
    /* BCryptGenRandom takes a ULONG length; feed large requests in chunks. */
    while (cbData > 0) {
        ULONG n = cbData > 0x40000000 ? 0x40000000 : (ULONG)cbData;
        if (!BCRYPT_SUCCESS(BCryptGenRandom(NULL, pbData, n,
                                            BCRYPT_USE_SYSTEM_PREFERRED_RNG)))
            return FALSE;
        pbData += n;
        cbData -= n;
    }
    return TRUE;
}

BOOL WINAPI DllMain(HINSTANCE hinst, DWORD reason, LPVOID reserved)
{
    (void)hinst;
    (void)reason;
    (void)reserved;
    return TRUE;
}
