/* jm-cli.h — the command line's batch work (--check, --export), which runs
 * before GTK is initialised and needs no display. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *output;      /* --export=OUT */
  double      scale;       /* --scale, NAN: not given */
  const char *page;        /* --page */
  const char *theme;       /* --theme */
  const char *persona;     /* --persona */
  const char *import;      /* --import-metrics=CSV */
} JmCliExport;

/* Exit statuses, as DESIGN.md fixes them. */
#define JM_EXIT_OK      0
#define JM_EXIT_FAILURE 1
#define JM_EXIT_USAGE   2

int jm_cli_check  (const char * const *files);
int jm_cli_export (const JmCliExport  *options,
                   const char * const *files);

G_END_DECLS
