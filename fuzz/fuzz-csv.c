/* fuzz-csv.c: libFuzzer target for the CSV reader */
#include "config.h"

#include "fuzz-common.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  sonae_fuzz_input (data, size, "fuzz.csv");
  return 0;
}
