/* fuzz-common.h: what both fuzz targets do with an input */
#pragma once

#include <stddef.h>
#include <stdint.h>

void sonae_fuzz_init  (void);
void sonae_fuzz_input (const uint8_t *data,
                       size_t         size,
                       const char    *name_hint);
