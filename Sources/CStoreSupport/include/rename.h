/*
 * Renaming a file into place without replacing anything already there: renameat2 with
 * RENAME_NOREPLACE, which Glibc's Swift module does not show, and link + unlink where the
 * kernel or the file system lacks it. An export asked not to overwrite must never replace a
 * file that appeared after it looked.
 */
#ifndef MARAC_RENAME_H
#define MARAC_RENAME_H

/* 0 on success; -1 with errno set (EEXIST when `to` exists). */
int marac_rename_noreplace(const char *from, const char *to);

#endif
