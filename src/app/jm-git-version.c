/* jm-git-version.c — a map's versions in git: `git log` of the file and
 * `git show REV:./NAME`, run in the file's folder with g_spawn (an argument
 * vector, never a shell), so names with spaces or quotes are safe. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "jm-git-version.h"

/* A version of a map is bounded like any map the reader takes. */
#define MAX_OUTPUT (256 * 1024 * 1024)

void
jm_git_commit_free (JmGitCommit *commit)
{
  if (commit == NULL)
    return;
  g_free (commit->rev);
  g_free (commit->date);
  g_free (commit->subject);
  g_free (commit);
}

static gboolean
run_git (const char  *path,
         const char  *const *args,
         GBytes     **out,
         GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *std_out = NULL;
  g_autofree char *std_err = NULL;
  gsize out_len;
  int status;

  g_ptr_array_add (argv, (char *) "git");
  g_ptr_array_add (argv, (char *) "-C");
  g_ptr_array_add (argv, dir);
  /* Never a pager, never a prompt for credentials. */
  g_ptr_array_add (argv, (char *) "--no-pager");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     &std_out, &std_err, &status, error))
    return FALSE;
  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_autofree char *name = g_path_get_basename (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: a file name, then git's own message */
                   _("git has no version of “%s” here: %s"), name, g_strstrip (std_err));
      return FALSE;
    }
  out_len = strlen (std_out);
  if (out_len > MAX_OUTPUT)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("That version is too large to read"));
      return FALSE;
    }
  *out = g_bytes_new_take (g_steal_pointer (&std_out), out_len);
  return TRUE;
}

GPtrArray *
jm_git_log (const char  *path,
            guint        max,
            GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *count = NULL;
  g_autoptr(GBytes) out = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *commits;

  g_return_val_if_fail (path != NULL, NULL);

  name = g_path_get_basename (path);
  count = g_strdup_printf ("-n%u", max);
  {
    const char *args[] = { "log", count, "--format=%H%x09%ad%x09%s", "--date=short", "--", name, NULL };

    if (!run_git (path, args, &out, error))
      return NULL;
  }
  commits = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_git_commit_free);
  lines = g_strsplit (g_bytes_get_data (out, NULL), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 3);
      JmGitCommit *commit;

      if (g_strv_length (fields) < 3)
        continue;
      commit = g_new0 (JmGitCommit, 1);
      commit->rev = g_strdup (fields[0]);
      commit->date = g_strdup (fields[1]);
      commit->subject = g_utf8_make_valid (fields[2], -1);
      g_ptr_array_add (commits, commit);
    }
  return commits;
}

GBytes *
jm_git_show (const char  *path,
             const char  *rev,
             GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *spec = NULL;
  GBytes *out = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (rev != NULL, NULL);

  /* A revision is a commit id or HEAD, never an option. */
  if (rev[0] == '-')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("“%s” is not a version"), rev);
      return NULL;
    }
  name = g_path_get_basename (path);
  spec = g_strdup_printf ("%s:./%s", rev, name);
  {
    const char *args[] = { "show", spec, NULL };

    if (!run_git (path, args, &out, error))
      return NULL;
  }
  return out;
}
