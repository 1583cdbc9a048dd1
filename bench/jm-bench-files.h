/* jm-bench-files.h — scratch folders of the benchmark programs. */
#pragma once

/* Removes the folder and everything in it (symbolic links, not what they
 * point to). */
void jm_bench_remove_tree (const char *path);
