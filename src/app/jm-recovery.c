/* jm-recovery.c — recovery copies: MAP-ID.journey written atomically by the
 * core writer, beside MAP-ID.info, a key file naming the original file. */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "jm-recovery.h"
#include "jm-writer.h"

void
jm_recovery_entry_free (JmRecoveryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->id);
  g_free (entry->path);
  g_free (entry->original);
  g_free (entry->title);
  g_free (entry);
}

char *
jm_recovery_dir (void)
{
  const char *dir = g_getenv ("JOURNEY_MAPS_RECOVERY_DIR");

  if (dir != NULL && *dir != '\0')
    return g_strdup (dir);
  return g_build_filename (g_get_user_cache_dir (), "journey-maps", "recovery", NULL);
}

static char *
entry_path (const char *id,
            const char *suffix)
{
  g_autofree char *dir = jm_recovery_dir ();
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

gboolean
jm_recovery_save (const char  *id,
                  JmDocument  *document,
                  GFile       *original,
                  GError     **error)
{
  g_autofree char *dir = jm_recovery_dir ();
  g_autofree char *map = entry_path (id, ".journey");
  g_autofree char *info_path = entry_path (id, ".info");
  g_autoptr(GKeyFile) info = g_key_file_new ();

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", dir, g_strerror (saved));
      return FALSE;
    }

  if (!jm_writer_save_path (document, map, error))
    return FALSE;

  g_key_file_set_string (info, "Recovery", "Title", jm_document_get_title (document));
  if (original != NULL)
    {
      g_autofree char *uri = g_file_get_uri (original);
      g_key_file_set_string (info, "Recovery", "Original", uri);
    }
  g_key_file_set_int64 (info, "Recovery", "Saved", g_get_real_time () / G_USEC_PER_SEC);
  return g_key_file_save_to_file (info, info_path, error);
}

void
jm_recovery_remove (const char *id)
{
  g_autofree char *map = entry_path (id, ".journey");
  g_autofree char *info = entry_path (id, ".info");

  g_unlink (map);
  g_unlink (info);
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  const JmRecoveryEntry *x = *(JmRecoveryEntry * const *) a;
  const JmRecoveryEntry *y = *(JmRecoveryEntry * const *) b;

  return (y->saved > x->saved) - (y->saved < x->saved);
}

GPtrArray *
jm_recovery_list (void)
{
  g_autofree char *dir_path = jm_recovery_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_recovery_entry_free);
  const char *name;

  if (dir == NULL)
    return entries;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GKeyFile) info = g_key_file_new ();
      g_autofree char *info_path = NULL;
      JmRecoveryEntry *entry;

      if (!g_str_has_suffix (name, ".journey"))
        continue;

      entry = g_new0 (JmRecoveryEntry, 1);
      entry->id = g_strndup (name, strlen (name) - strlen (".journey"));
      entry->path = g_build_filename (dir_path, name, NULL);
      info_path = entry_path (entry->id, ".info");
      if (g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL))
        {
          entry->title = g_key_file_get_string (info, "Recovery", "Title", NULL);
          entry->original = g_key_file_get_string (info, "Recovery", "Original", NULL);
          entry->saved = g_key_file_get_int64 (info, "Recovery", "Saved", NULL);
        }
      g_ptr_array_add (entries, entry);
    }

  g_ptr_array_sort (entries, newest_first);
  return entries;
}
