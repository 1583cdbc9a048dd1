/* jm-preload.c — see jm-preload.h. The thread only reads the file and
 * lays it out, with objects nobody else can see until it is joined; all
 * the rest happens in the main thread. */
#include "config.h"

#include <gio/gio.h>
#include <libxml/parser.h>

#include "jm-import.h"
#include "jm-preload.h"

/* More maps at once would only queue behind each other on two cores. */
#define MAX_PRELOADS 4

typedef struct {
  char       *path;
  GThread    *thread;
  char       *before;     /* what says the file is the same: see file_state */
  JmDocument *document;
  GPtrArray  *problems;
  GError     *error;
  JmLayout   *layout;
} Preload;

static GPtrArray *preloads;   /* Preload*, main thread only */

/* Size, inode and modification time to the microsecond; NULL for anything
 * but a regular file. */
static char *
file_state (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file,
                                                 G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                                 G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                                 G_FILE_ATTRIBUTE_UNIX_INODE ","
                                                 G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                                 G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    return NULL;
  return g_strdup_printf ("%" G_GOFFSET_FORMAT " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT ".%06u",
                          g_file_info_get_size (info),
                          g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_UNIX_INODE),
                          g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED),
                          g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC));
}

static gpointer
preload_run (gpointer data)
{
  Preload *preload = data;

  /* The editor's way in: a .journey, or a map to import (jm-import.h). */
  preload->document = jm_import_load_path (preload->path, &preload->problems, &preload->error);
  if (preload->document != NULL)
    preload->layout = jm_layout_new (preload->document, NULL);
  return NULL;
}

static void
preload_free (Preload *preload)
{
  if (preload->thread != NULL)
    g_thread_join (preload->thread);
  g_clear_object (&preload->layout);
  g_clear_object (&preload->document);
  g_clear_pointer (&preload->problems, g_ptr_array_unref);
  g_clear_error (&preload->error);
  g_free (preload->before);
  g_free (preload->path);
  g_free (preload);
}

void
jm_preload_start (const char *path)
{
  Preload *preload;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (path != NULL);

  if (preloads == NULL)
    preloads = g_ptr_array_new ();
  if (preloads->len >= MAX_PRELOADS)
    return;

  preload = g_new0 (Preload, 1);
  preload->path = g_strdup (path);
  /* Only regular files: the reader refuses the rest, and says why. */
  preload->before = file_state (path);
  if (preload->before == NULL)
    {
      preload_free (preload);
      return;
    }

  /* libxml2 sets itself up once, before any thread uses it. */
  xmlInitParser ();
  preload->thread = g_thread_try_new ("jm-preload", preload_run, preload, &error);
  if (preload->thread == NULL)
    {
      preload_free (preload);
      return;
    }
  g_ptr_array_add (preloads, preload);
}

gboolean
jm_preload_take (const char  *path,
                 JmDocument **document,
                 GPtrArray  **problems,
                 GError     **error,
                 JmLayout   **layout)
{
  Preload *preload = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  for (guint i = 0; preloads != NULL && i < preloads->len; i++)
    if (g_str_equal (((Preload *) g_ptr_array_index (preloads, i))->path, path))
      {
        preload = g_ptr_array_steal_index (preloads, i);
        break;
      }
  if (preload == NULL)
    return FALSE;

  g_thread_join (preload->thread);
  preload->thread = NULL;

  /* Changed while it was read: read it again. */
  now = file_state (path);
  if (g_strcmp0 (now, preload->before) != 0)
    {
      preload_free (preload);
      return FALSE;
    }

  /* A map that could not be read is not read twice: what was wrong with
   * it still is. */
  *document = g_steal_pointer (&preload->document);
  *layout = g_steal_pointer (&preload->layout);
  if (problems != NULL)
    *problems = g_steal_pointer (&preload->problems);
  if (preload->error != NULL)
    g_propagate_error (error, g_steal_pointer (&preload->error));
  preload_free (preload);
  return TRUE;
}

void
jm_preload_discard_all (void)
{
  if (preloads == NULL)
    return;
  g_ptr_array_foreach (preloads, (GFunc) preload_free, NULL);
  g_clear_pointer (&preloads, g_ptr_array_unref);
}
