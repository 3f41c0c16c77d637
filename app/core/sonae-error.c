#include "config.h"

#include "sonae-error.h"

G_DEFINE_QUARK (sonae-error-quark, sonae_error)
