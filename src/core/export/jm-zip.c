/* jm-zip.c — see jm-zip.h. */
#include "config.h"

#include <string.h>
#include <time.h>
#include <zip.h>

#include "jm-export.h"
#include "jm-zip.h"

typedef struct {
  char    *name;
  GBytes  *bytes;
  gboolean stored;
} Entry;

struct _JmZip {
  GPtrArray *entries;   /* Entry* */
};

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  if (entry == NULL)
    return;
  g_free (entry->name);
  g_bytes_unref (entry->bytes);
  g_free (entry);
}

JmZip *
jm_zip_new (void)
{
  JmZip *zip = g_new0 (JmZip, 1);

  zip->entries = g_ptr_array_new_with_free_func (entry_free);
  return zip;
}

void
jm_zip_free (JmZip *zip)
{
  if (zip == NULL)
    return;
  g_ptr_array_unref (zip->entries);
  g_free (zip);
}

void
jm_zip_add (JmZip      *zip,
            const char *name,
            GBytes     *bytes,
            gboolean    stored)
{
  Entry *entry;

  g_return_if_fail (zip != NULL && name != NULL && bytes != NULL);

  entry = g_new0 (Entry, 1);
  entry->name = g_strdup (name);
  entry->bytes = g_bytes_ref (bytes);
  entry->stored = stored;
  g_ptr_array_add (zip->entries, entry);
}

void
jm_zip_add_text (JmZip      *zip,
                 const char *name,
                 char       *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new_take (text, strlen (text));

  jm_zip_add (zip, name, bytes, FALSE);
}

void
jm_zip_move (JmZip *zip,
             JmZip *from)
{
  g_return_if_fail (zip != NULL && from != NULL);

  for (guint i = 0; i < from->entries->len; i++)
    g_ptr_array_add (zip->entries, g_steal_pointer (&g_ptr_array_index (from->entries, i)));
  g_ptr_array_set_size (from->entries, 0);
}

/* Every entry's time. libzip turns a time_t into the zip's local date and
 * time, so this is the time_t of that local date, whatever the time zone:
 * the start of 1980, where zip dates begin. */
static time_t
fixed_time (void)
{
  struct tm tm = { 0 };

  tm.tm_year = 80;
  tm.tm_mon = 0;
  tm.tm_mday = 1;
  tm.tm_hour = 12;
  tm.tm_isdst = -1;
  return mktime (&tm);
}

static gboolean
set_error (GError     **error,
           zip_error_t *zerror)
{
  g_set_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_WRITE, "%s", zip_error_strerror (zerror));
  return FALSE;
}

GBytes *
jm_zip_finish (JmZip   *zip,
               GError **error)
{
  zip_error_t zerror;
  zip_source_t *source;
  zip_t *archive;
  zip_int64_t size;
  guchar *data;
  time_t when = fixed_time ();

  g_return_val_if_fail (zip != NULL, NULL);

  zip_error_init (&zerror);
  source = zip_source_buffer_create (NULL, 0, 0, &zerror);
  if (source == NULL)
    {
      set_error (error, &zerror);
      zip_error_fini (&zerror);
      return NULL;
    }
  archive = zip_open_from_source (source, ZIP_CREATE | ZIP_TRUNCATE, &zerror);
  if (archive == NULL)
    {
      set_error (error, &zerror);
      zip_error_fini (&zerror);
      zip_source_free (source);
      return NULL;
    }
  /* Kept past zip_close, which writes the package into it. */
  zip_source_keep (source);

  for (guint i = 0; i < zip->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (zip->entries, i);
      gsize length;
      gconstpointer bytes = g_bytes_get_data (entry->bytes, &length);
      zip_source_t *part = zip_source_buffer (archive, bytes, length, 0);
      zip_int64_t index;

      index = part != NULL ? zip_file_add (archive, entry->name, part, ZIP_FL_ENC_UTF_8) : -1;
      if (index < 0)
        {
          if (part != NULL)
            zip_source_free (part);
          goto failed;
        }
      if (zip_set_file_compression (archive, (zip_uint64_t) index,
                                    entry->stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 6) < 0
          || zip_file_set_mtime (archive, (zip_uint64_t) index, when, 0) < 0
          || zip_file_set_external_attributes (archive, (zip_uint64_t) index, 0, ZIP_OPSYS_UNIX,
                                               (zip_uint32_t) 0100644 << 16) < 0)
        goto failed;
    }

  if (zip_close (archive) < 0)
    goto failed;

  if (zip_source_open (source) < 0)
    {
      set_error (error, zip_source_error (source));
      zip_source_free (source);
      return NULL;
    }
  zip_source_seek (source, 0, SEEK_END);
  size = zip_source_tell (source);
  zip_source_seek (source, 0, SEEK_SET);
  data = g_malloc (MAX (size, 1));
  if (size < 0 || zip_source_read (source, data, (zip_uint64_t) size) != size)
    {
      set_error (error, zip_source_error (source));
      zip_source_close (source);
      zip_source_free (source);
      g_free (data);
      return NULL;
    }
  zip_source_close (source);
  zip_source_free (source);
  return g_bytes_new_take (data, (gsize) size);

failed:
  set_error (error, zip_get_error (archive));
  zip_discard (archive);
  zip_source_free (source);
  return NULL;
}
