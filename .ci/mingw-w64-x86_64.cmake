# CMake toolchain for the Windows x64 build on Debian: MinGW-w64 with POSIX threads
# (g++-mingw-w64-x86-64-posix), libraries from SAMLING_WINDOWS_PREFIX (built by .ci/windows).
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(CMAKE_C_COMPILER x86_64-w64-mingw32-gcc-posix)
set(CMAKE_CXX_COMPILER x86_64-w64-mingw32-g++-posix)
set(CMAKE_RC_COMPILER x86_64-w64-mingw32-windres)
set(CMAKE_AR x86_64-w64-mingw32-gcc-ar-posix)
set(CMAKE_RANLIB x86_64-w64-mingw32-gcc-ranlib-posix)

if(NOT SAMLING_WINDOWS_PREFIX)
  set(SAMLING_WINDOWS_PREFIX "$ENV{SAMLING_WINDOWS_PREFIX}")
endif()
# try_compile reads this file again without the cache: hand the prefix on to it.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES SAMLING_WINDOWS_PREFIX)
set(CMAKE_FIND_ROOT_PATH /usr/x86_64-w64-mingw32 "${SAMLING_WINDOWS_PREFIX}")
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
# pkg-config: .ci/windows points PKG_CONFIG_LIBDIR at SAMLING_WINDOWS_PREFIX/lib/pkgconfig.

# One samling.exe with no DLLs beside it: libstdc++, libgcc and winpthreads linked in.
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static -static-libgcc -static-libstdc++")
# FreeType's static library uses zlib without naming it: zlib last on every link line, then
# the Windows libraries CMake links by default.
set(CMAKE_CXX_STANDARD_LIBRARIES "-L${SAMLING_WINDOWS_PREFIX}/lib -lz -lkernel32 -luser32 -lgdi32 -lwinspool -lshell32 -lole32 -loleaut32 -luuid -lcomdlg32 -ladvapi32")
# Windows 10 APIs (GetAdaptersAddresses, WSAPoll, BCryptGenRandom need Vista or later).
add_compile_definitions(_WIN32_WINNT=0x0A00 WINVER=0x0A00 NOMINMAX WIN32_LEAN_AND_MEAN)
# Tests run under Wine.
set(CMAKE_CROSSCOMPILING_EMULATOR wine)
