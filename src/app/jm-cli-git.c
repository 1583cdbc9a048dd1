/* jm-cli-git.c — `journey-maps --diff`, `--textconv`, `--merge` and
 * `--git-setup`: maps in git. Like jm-cli.c it needs the document part of
 * the core only (no GIO, no cairo): git runs these for every map it
 * diffs or merges, and they start as fast as --check. git itself is run
 * with g_spawn, never through a shell. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "jm-cli.h"
#include "jm-diff.h"
#include "jm-merge.h"
#include "jm-outline.h"
#include "jm-reader.h"
#include "jm-writer.h"

#define ATTRIBUTES_LINE "*.journey diff=journey merge=journey"

/* What --git-setup puts in git's configuration. */
static const struct {
  const char *key;
  const char *value;
} git_settings[] = {
  { "diff.journey.textconv", "journey-maps --textconv" },
  { "merge.journey.name", "Journey Maps: three-way merge by id" },
  { "merge.journey.driver", "journey-maps --merge %O %A %B -o %A" },
};

/* ---- reading maps ---- */

/* Loads a map; "/dev/null" (what git passes for a file that is not on one
 * side) and, with allow_empty, an empty file (git's base when two
 * branches added the file independently) are no map: TRUE with *doc NULL.
 * FALSE when it cannot be read, after saying why. */
static gboolean
load_map (const char  *path,
          gboolean     allow_empty,
          JmDocument **doc)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  *doc = NULL;
  if (g_strcmp0 (path, "/dev/null") == 0)
    return TRUE;
  if (allow_empty && g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_size == 0)
    return TRUE;

  *doc = jm_reader_load_path (path, &problems, &error);
  if (*doc == NULL)
    {
      jm_cli_print_problems (problems, error);
      return FALSE;
    }
  return TRUE;
}

/* ---- --diff ---- */

/* A map git adds or deletes, in a line: it is all new, or all gone. */
static char *
summary (JmDocument *doc)
{
  g_autofree char *title = jm_field_display (jm_kind_find_field (JM_KIND_MAP, "title"),
                                             jm_document_get_title (doc));
  guint n_cards = jm_document_get_n_cards (doc);

  /* Translators: a whole map in a line: its title, then how many stages, steps and cards */
  return g_strdup_printf (_("map %s: %u stages, %u steps, %u cards"), title,
                          jm_document_get_stages (doc)->len, jm_document_get_n_steps (doc), n_cards);
}

static int
diff_maps (const char *old_path,
           const char *new_path,
           const char *git_path)
{
  g_autoptr(JmDocument) old_doc = NULL;
  g_autoptr(JmDocument) new_doc = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *text = NULL;

  if (!load_map (old_path, FALSE, &old_doc) | !load_map (new_path, FALSE, &new_doc))
    return JM_EXIT_USAGE;

  if (old_doc == NULL && new_doc == NULL)
    return JM_EXIT_OK;

  if (old_doc == NULL || new_doc == NULL)
    {
      g_autofree char *line = summary (old_doc ? old_doc : new_doc);

      if (git_path != NULL)
        g_print ("diff --journey a/%s b/%s\n", git_path, git_path);
      g_print ("%c %s\n", old_doc == NULL ? '+' : '-', line);
      return JM_EXIT_DIFFERENT;
    }

  entries = jm_diff (old_doc, new_doc);
  if (entries->len == 0)
    return JM_EXIT_OK;

  text = jm_diff_to_text (entries, old_doc, new_doc);
  if (git_path != NULL)
    g_print ("diff --journey a/%s b/%s\n", git_path, git_path);
  fputs (text, stdout);
  return JM_EXIT_DIFFERENT;
}

int
jm_cli_diff (const char * const *files)
{
  guint n = files ? g_strv_length ((char **) files) : 0;
  int status;

  switch (n)
    {
    case 2:
      return diff_maps (files[0], files[1], NULL);

    case 1:
      /* git's external diff (git sets the counter), for a path with a
       * conflict: nothing to compare yet. */
      if (g_getenv ("GIT_DIFF_PATH_COUNTER") == NULL)
        break;
      g_print (_("%s: not merged yet\n"), files[0]);
      return JM_EXIT_OK;

    case 7:
    case 9:
      /* git's external diff: path old-file old-hex old-mode new-file new-hex
       * new-mode [new-path rename-message]. git 2.39 takes any status but 0
       * for a failure of the command, so differences are 0 here. */
      status = diff_maps (files[1], files[4], n == 9 ? files[7] : files[0]);
      return status == JM_EXIT_DIFFERENT ? JM_EXIT_OK : status;

    default:
      break;
    }

  g_printerr ("%s\n", _("--diff needs two maps, OLD and NEW (or the seven arguments git gives an "
                        "external diff)"));
  return JM_EXIT_USAGE;
}

/* ---- --textconv ---- */

int
jm_cli_textconv (const char * const *files)
{
  g_autoptr(JmDocument) doc = NULL;
  g_autofree char *outline = NULL;

  if (files == NULL || files[0] == NULL || files[1] != NULL)
    {
      g_printerr ("%s\n", _("--textconv needs one FILE"));
      return JM_EXIT_USAGE;
    }
  if (!load_map (files[0], FALSE, &doc))
    return JM_EXIT_FAILURE;
  if (doc == NULL)
    return JM_EXIT_OK;

  outline = jm_outline_to_string (doc);
  fputs (outline, stdout);
  return JM_EXIT_OK;
}

/* ---- --merge ---- */

int
jm_cli_merge (const char * const *files,
              const char         *output)
{
  g_autoptr(JmDocument) base = NULL;
  g_autoptr(JmDocument) ours = NULL;
  g_autoptr(JmDocument) theirs = NULL;
  g_autoptr(JmDocument) merged = NULL;
  g_autoptr(JmDocument) check = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  const char *out;
  GPtrArray *conflicts;
  guint n_new = 0;
  gsize len;

  if (files == NULL || g_strv_length ((char **) files) != 3)
    {
      g_printerr ("%s\n", _("--merge needs three maps: BASE OURS THEIRS"));
      return JM_EXIT_USAGE;
    }
  out = output != NULL ? output : files[1];

  if (!load_map (files[0], TRUE, &base) | !load_map (files[1], FALSE, &ours)
      | !load_map (files[2], FALSE, &theirs))
    return JM_EXIT_FAILURE;
  if (ours == NULL || theirs == NULL)
    {
      g_printerr ("%s\n", _("--merge needs OURS and THEIRS to be maps"));
      return JM_EXIT_USAGE;
    }

  merged = jm_merge (base, ours, theirs, &n_new);

  /* What is written must read back: never leave a map that does not load. */
  data = jm_writer_to_string (merged, &len);
  check = jm_reader_load_bytes (out, data, len, &problems, &error);
  if (check == NULL)
    {
      g_printerr (_("%s: the merged map would not be valid, so it was not written:\n"), out);
      jm_cli_print_problems (problems, error);
      return JM_EXIT_FAILURE;
    }

  if (!jm_writer_save_path (merged, out, &error))
    {
      g_printerr ("%s\n", error->message);
      return JM_EXIT_FAILURE;
    }

  conflicts = jm_document_get_conflicts (merged);
  if (n_new == 0)
    return JM_EXIT_OK;

  /* git names the file itself: OURS is one of its temporary files. */
  g_printerr (g_dngettext (GETTEXT_PACKAGE, "%u conflict, kept in the map until resolved:\n",
                           "%u conflicts, kept in the map until resolved:\n", n_new),
              n_new);
  /* This merge's conflicts come last. */
  for (guint i = conflicts->len - n_new; i < conflicts->len; i++)
    {
      g_autofree char *text = jm_conflict_describe (g_ptr_array_index (conflicts, i), merged);

      g_printerr ("  %s\n", text);
    }
  return JM_EXIT_CONFLICT;
}

/* ---- --git-setup ---- */

/* Runs git with these arguments (no shell) in the current folder. TRUE
 * when it ran and exited 0; *out (optional) gets its output, stripped. */
static gboolean
run_git (char       **out,
         GError     **error,
         const char  *first,
         ...) G_GNUC_NULL_TERMINATED;

static gboolean
run_git (char       **out,
         GError     **error,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *std_out = NULL;
  g_autofree char *std_err = NULL;
  g_autoptr(GError) local_error = NULL;
  va_list args;
  int wait_status;

  g_ptr_array_add (argv, (char *) "git");
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     &std_out, &std_err, &wait_status, &local_error))
    {
      /* Translators: %s says why git could not be started */
      g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_NOENT, _("Cannot run git: %s"), local_error->message);
      return FALSE;
    }
  if (!g_spawn_check_wait_status (wait_status, NULL))
    {
      g_set_error_literal (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED, g_strstrip (std_err));
      return FALSE;
    }
  if (out != NULL)
    *out = g_strdup (g_strstrip (std_out));
  return TRUE;
}

/* The value of a setting in the scope, or NULL when it is not set. */
static char *
git_config_get (const char *scope,
                const char *key)
{
  char *value = NULL;

  if (!run_git (&value, NULL, "config", scope, "--get", key, NULL))
    return NULL;
  return value;
}

/* The user's own attributes file: core.attributesFile, or git's default. */
static char *
global_attributes_path (void)
{
  g_autofree char *configured = git_config_get ("--global", "core.attributesFile");
  const char *xdg = g_getenv ("XDG_CONFIG_HOME");

  if (configured != NULL && *configured != '\0')
    {
      if (g_str_has_prefix (configured, "~/"))
        return g_build_filename (g_get_home_dir (), configured + 2, NULL);
      return g_steal_pointer (&configured);
    }
  if (xdg != NULL && *xdg != '\0')
    return g_build_filename (xdg, "git", "attributes", NULL);
  return g_build_filename (g_get_home_dir (), ".config", "git", "attributes", NULL);
}

/* Adds or takes out our line in an attributes file. *changed says whether
 * the file changed. A file left empty by --remove goes. */
static gboolean
edit_attributes (const char  *path,
                 gboolean     removing,
                 gboolean    *changed,
                 GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GString) result = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  gboolean found = FALSE;
  GStatBuf st;
  int mode = 0644;

  *changed = FALSE;
  if (g_file_test (path, G_FILE_TEST_EXISTS) && !g_file_get_contents (path, &contents, NULL, error))
    return FALSE;
  if (g_stat (path, &st) == 0)
    mode = (int) (st.st_mode & 0777);

  lines = g_strsplit (contents ? contents : "", "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (lines[i]));
      gboolean ours = g_str_equal (trimmed, ATTRIBUTES_LINE);

      found |= ours;
      if (removing && ours)
        {
          *changed = TRUE;
          continue;
        }
      /* The text after the last line break is the end, not a line. */
      if (lines[i + 1] == NULL && *lines[i] == '\0')
        break;
      g_string_append (result, lines[i]);
      g_string_append_c (result, '\n');
    }

  if (!removing && !found)
    {
      g_string_append (result, ATTRIBUTES_LINE "\n");
      *changed = TRUE;
    }
  if (!*changed)
    return TRUE;

  if (removing)
    {
      g_autofree char *blank = g_strstrip (g_strdup (result->str));

      if (*blank == '\0')
        {
          if (g_remove (path) != 0)
            {
              int saved = errno;
              g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", path,
                           g_strerror (saved));
              return FALSE;
            }
          return TRUE;
        }
    }

  if (!removing)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_mkdir_with_parents (dir, 0755) != 0)
        {
          int saved = errno;
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", dir, g_strerror (saved));
          return FALSE;
        }
    }
  return g_file_set_contents_full (path, result->str, (gssize) result->len, G_FILE_SET_CONTENTS_CONSISTENT,
                                   mode, error);
}

int
jm_cli_git_setup (gboolean global,
                  gboolean removing)
{
  const char *scope = global ? "--global" : "--local";
  g_autofree char *attributes = NULL;
  g_autoptr(GError) error = NULL;
  gboolean changed = FALSE, attributes_changed = FALSE;

  if (global)
    attributes = global_attributes_path ();
  else
    {
      g_autofree char *top = NULL;

      if (!run_git (&top, &error, "rev-parse", "--show-toplevel", NULL) || *top == '\0')
        {
          if (g_error_matches (error, G_SPAWN_ERROR, G_SPAWN_ERROR_NOENT))
            g_printerr ("%s\n", error->message);
          else
            g_printerr ("%s\n", _("This is not inside a git repository: run journey-maps --git-setup in "
                                  "one, or add --global to set git up for all of them"));
          return JM_EXIT_FAILURE;
        }
      attributes = g_build_filename (top, ".gitattributes", NULL);
    }

  for (guint i = 0; i < G_N_ELEMENTS (git_settings); i++)
    {
      g_autofree char *current = git_config_get (scope, git_settings[i].key);
      gboolean ok = TRUE;

      if (removing && current != NULL)
        ok = run_git (NULL, &error, "config", scope, "--unset", git_settings[i].key, NULL);
      else if (!removing && g_strcmp0 (current, git_settings[i].value) != 0)
        ok = run_git (NULL, &error, "config", scope, git_settings[i].key, git_settings[i].value, NULL);
      else
        continue;

      if (!ok)
        {
          g_printerr ("git config %s: %s\n", git_settings[i].key, error->message);
          return JM_EXIT_FAILURE;
        }
      changed = TRUE;
    }

  /* git leaves a section's header behind when its last setting goes. */
  if (removing && changed)
    {
      static const char *sections[][2] = {
        { "diff.journey", "^diff\\.journey\\." },
        { "merge.journey", "^merge\\.journey\\." },
      };

      for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
        if (!run_git (NULL, NULL, "config", scope, "--get-regexp", sections[i][1], NULL))
          run_git (NULL, NULL, "config", scope, "--remove-section", sections[i][0], NULL);
    }

  if (!edit_attributes (attributes, removing, &attributes_changed, &error))
    {
      g_printerr ("%s\n", error->message);
      return JM_EXIT_FAILURE;
    }
  changed |= attributes_changed;

  if (!changed)
    g_print ("%s\n", removing ? _("Git was not set up for journey maps: nothing to take out")
                            : _("Git is already set up for journey maps: nothing changed"));
  else if (removing)
    g_print (_("Git no longer diffs and merges journey maps with journey-maps (%s)\n"), attributes);
  else
    g_print (_("Git now diffs and merges journey maps with journey-maps (%s)\n"), attributes);
  return JM_EXIT_OK;
}

/* ---- the options ---- */

int
jm_cli_handle_git_options (GVariantDict       *options,
                           gboolean            other_options,
                           const char * const *files)
{
  g_autofree char *output = NULL;
  gboolean diff = FALSE, textconv = FALSE, merge = FALSE, setup = FALSE, global = FALSE, removing = FALSE;
  guint n_modes;

  g_variant_dict_lookup (options, "diff", "b", &diff);
  g_variant_dict_lookup (options, "textconv", "b", &textconv);
  g_variant_dict_lookup (options, "merge", "b", &merge);
  g_variant_dict_lookup (options, "git-setup", "b", &setup);
  g_variant_dict_lookup (options, "global", "b", &global);
  g_variant_dict_lookup (options, "remove", "b", &removing);
  g_variant_dict_lookup (options, "output", "^ay", &output);

  n_modes = (guint) diff + (guint) textconv + (guint) merge + (guint) setup;
  if (n_modes == 0)
    {
      if (output != NULL || global || removing)
        {
          g_printerr ("%s\n", _("-o goes with --merge; --global and --remove go with --git-setup"));
          return JM_EXIT_USAGE;
        }
      return -1;
    }

  if (n_modes > 1 || other_options)
    {
      g_printerr ("%s\n", _("--diff, --textconv, --merge and --git-setup each go alone, without --check, "
                            "--export or its options"));
      return JM_EXIT_USAGE;
    }
  if ((output != NULL && !merge) || ((global || removing) && !setup))
    {
      g_printerr ("%s\n", _("-o goes with --merge; --global and --remove go with --git-setup"));
      return JM_EXIT_USAGE;
    }

  if (diff)
    return jm_cli_diff (files);
  if (textconv)
    return jm_cli_textconv (files);
  if (merge)
    return jm_cli_merge (files, output);

  if (files != NULL && files[0] != NULL)
    {
      g_printerr ("%s\n", _("--git-setup takes no files"));
      return JM_EXIT_USAGE;
    }
  return jm_cli_git_setup (global, removing);
}
