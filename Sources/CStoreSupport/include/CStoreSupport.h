/* The C helpers the store and the executable use: CRC32C and the passphrase prompt. */
#include "crc32c.h"
#include "passphrase.h"
