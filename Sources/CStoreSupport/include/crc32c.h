/*
 * CRC32C (Castagnoli), the checksum of every log record and snapshot chunk.
 *
 * A C target because the SSE 4.2 crc32 instruction checks a 100 MB snapshot in a few
 * milliseconds where a table in Swift takes tens; the table is kept as the fallback for
 * processors without it.
 */
#ifndef MARAC_CRC32C_H
#define MARAC_CRC32C_H

#include <stddef.h>
#include <stdint.h>

/* Extends `crc` (0 to start) over `length` bytes. */
uint32_t marac_crc32c_extend(uint32_t crc, const void *data, size_t length);

/* 1 when the hardware instruction is used, for the benchmark's report. */
int marac_crc32c_is_hardware(void);

#endif
