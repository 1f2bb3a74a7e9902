/* The C helpers the store and the executable use: CRC32C, the passphrase prompt, renaming without replacing. */
#include "crc32c.h"
#include "passphrase.h"
#include "rename.h"
