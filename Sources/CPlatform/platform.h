#ifndef INCIDENTS_CPLATFORM_H
#define INCIDENTS_CPLATFORM_H
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <fcntl.h>
#include <malloc.h>
#include <stdio.h>
#include <string.h>

/// memmem (a GNU extension Swift's Glibc module does not show): the first
/// occurrence of `needle` in `haystack`, or NULL.
static inline void *incidents_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length) {
    return memmem(haystack, haystack_length, needle, needle_length);
}

/// Gives the pages of freed memory back to the system (glibc's malloc_trim), also
/// those between blocks still in use, which a stage that frees much leaves behind.
static inline void incidents_release_free_memory(void) {
    malloc_trim(0);
}

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise.
static inline int incidents_rename_exchange(const char *from, const char *to) {
    return renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_EXCHANGE);
}
#endif
