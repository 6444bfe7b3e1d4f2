#ifndef INCIDENTS_CPLATFORM_H
#define INCIDENTS_CPLATFORM_H
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <elf.h>
#include <fcntl.h>
#include <stdint.h>
#include <sys/auxv.h>
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

/// The GNU build id of the running program (the linker's hash of its contents): what
/// tells a build cache written by this very binary from one written by any other.
/// Read from the program's own headers (the auxiliary vector says where they are).
/// Returns its length in bytes, 0 when the program has none.
static inline size_t incidents_build_id(unsigned char *bytes, size_t capacity) {
    const Elf64_Phdr *headers = (const Elf64_Phdr *)getauxval(AT_PHDR);
    unsigned long count = getauxval(AT_PHNUM);
    if (headers == NULL) return 0;
    uintptr_t base = 0;
    for (unsigned long index = 0; index < count; index++) {
        if (headers[index].p_type == PT_PHDR) base = (uintptr_t)headers - headers[index].p_vaddr;
    }
    for (unsigned long index = 0; index < count; index++) {
        if (headers[index].p_type != PT_NOTE) continue;
        const unsigned char *note = (const unsigned char *)(base + headers[index].p_vaddr);
        const unsigned char *end = note + headers[index].p_memsz;
        while (note + sizeof(Elf64_Nhdr) <= end) {
            const Elf64_Nhdr *header = (const Elf64_Nhdr *)note;
            const unsigned char *name = note + sizeof(Elf64_Nhdr);
            const unsigned char *desc = name + ((header->n_namesz + 3) & ~3u);
            if (desc + header->n_descsz > end) break;
            if (header->n_type == NT_GNU_BUILD_ID && header->n_namesz == 4 && memcmp(name, "GNU", 4) == 0) {
                if (header->n_descsz > capacity) return 0;
                memcpy(bytes, desc, header->n_descsz);
                return header->n_descsz;
            }
            note = desc + ((header->n_descsz + 3) & ~3u);
        }
    }
    return 0;
}
#endif
