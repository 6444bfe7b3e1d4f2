#ifndef INCIDENTS_CCMARKGFM_SHIM_H
#define INCIDENTS_CCMARKGFM_SHIM_H
#include <stdlib.h>
#include <cmark-gfm.h>
#include <cmark-gfm_version.h>
#include <cmark-gfm-core-extensions.h>

// Older cmark-gfm (Debian 12 ships 0.29.0.gfm.6) is quadratic or worse on some
// inputs, so a hostile incident file could stall a build for hours.
#if CMARK_GFM_VERSION < ((0 << 24) | (29 << 16) | (0 << 8) | 13)
#error "cmark-gfm 0.29.0.gfm.13 or newer is needed; run: bash scripts/install-dependencies.sh"
#endif
#endif
