/* jm-cli.h — the command line: its options, and the batch work (--check,
 * --export, --version) that runs before GTK is initialised and needs no
 * display. GTK-free: the `journey-maps` launcher links jm-cli.c with the
 * document part of the core alone, and no GIO; `journey-maps-export` and
 * the editor, `journey-maps-gui`, link jm-cli-app.c, jm-cli-export.c and
 * the whole core too. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct {
  const char *output;      /* --export=OUT */
  double      scale;       /* --scale, NAN: not given */
  const char *page;        /* --page */
  const char *theme;       /* --theme */
  const char *persona;     /* --persona */
  const char *import;      /* --import-metrics=CSV */
  const char *compare;     /* --compare=OLD: mark the changes since OLD */
  const char *lang;        /* --lang=LL */
  const char *view;        /* --view=NAME */
  const char *poster;      /* --poster=COLSxROWS */
  const char *across;      /* --poster-sheets-across=N */
  const char *overlap;     /* --overlap=MM */
  const char *paper;       /* --paper */
  gboolean    emotion_values; /* --emotion-values */
  gboolean    no_page_map; /* --no-page-map: a poster without its page-map sheet */
  gboolean    personas;    /* --personas: a sheet per persona */
  gboolean    summary;     /* --summary: the one-page handout */
} JmCliExport;

/* Exit statuses, as docs/architecture.md lists them. */
#define JM_EXIT_OK      0
#define JM_EXIT_FAILURE 1
#define JM_EXIT_USAGE   2
/* --diff: the maps differ; --merge: there were conflicts. */
#define JM_EXIT_DIFFERENT 1
#define JM_EXIT_CONFLICT  1

typedef int (*JmCliExportFunc) (const JmCliExport  *options,
                                const char * const *files);

/* setlocale() and the gettext domain (JOURNEY_MAPS_LOCALEDIR overrides
 * the installed translations, for the build tree). */
void jm_cli_init_i18n            (void);
/* Every option of `journey-maps` (their arg_data unset). */
const GOptionEntry *jm_cli_option_entries (void);
/* jm-cli-app.c: the options, their summary and [FILE…] on a GApplication. */
void jm_cli_add_options          (GApplication       *application);
/* Runs the batch work the options ask for and returns the exit status,
 * or -1 when the options are for the editor. --export is export_func's. */
int  jm_cli_handle_local_options (GVariantDict       *options,
                                  JmCliExportFunc     export_func);

/* Problems as "FILE:LINE: message" on stderr, or else the error. */
void jm_cli_print_problems       (GPtrArray          *problems,
                                  const GError       *error);

/* jm-cli.c: the document part of the core only. */
int jm_cli_check  (const char * const *files);
/* jm-cli-git.c: maps in git, with the document part of the core only.
 * handle_git_options returns -1 when none of its options was given;
 * other_options says whether --check, --export or an option of --export was. */
int jm_cli_handle_git_options (GVariantDict       *options,
                               gboolean            other_options,
                               const char * const *files);
int jm_cli_diff       (const char * const *files);
int jm_cli_textconv   (const char * const *files);
int jm_cli_merge      (const char * const *files,
                       const char         *output);
int jm_cli_git_setup  (gboolean            global,
                       gboolean            removing);
/* jm-cli-export.c: the whole core. */
int jm_cli_export (const JmCliExport  *options,
                   const char * const *files);

G_END_DECLS
