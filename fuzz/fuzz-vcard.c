/* fuzz-vcard.c: libFuzzer target for the vCard reader */
#include "config.h"

#include "fuzz-common.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  sonae_fuzz_input (data, size, "fuzz.vcf");
  return 0;
}
