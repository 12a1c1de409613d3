/* A stand-in for Windows' bcryptprimitives.dll, for the Wine trial of the
 * Windows build only (xtask/src/wine.rs): Debian's Wine 8 lacks it, and Rust's
 * standard library imports ProcessPrng from it for random numbers. Windows 10
 * and later have the real one; this file never ships. */
#include <windows.h>
#include <bcrypt.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    return BCryptGenRandom(NULL, data, (ULONG)len, BCRYPT_USE_SYSTEM_PREFERRED_RNG) == 0;
}
