/* jm-i18n.c — see jm-i18n.h: per-language lookups in the compiled catalog. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "jm-i18n.h"

#define MO_MAGIC 0x950412deu
#define MO_MAGIC_SWAPPED 0xde120495u

typedef struct {
  GMappedFile *file;
  const guchar *data;
  gsize         size;
  gboolean      swapped;
  guint32       n;
  guint32       originals;
  guint32       translations;
} JmCatalog;

/* language → JmCatalog (NULL value: looked for, none found). Filled once
 * per language and never changed after, so lookups need the lock only to
 * find the catalog. */
static GMutex catalogs_lock;
static GHashTable *catalogs;

static guint32
mo_word (const JmCatalog *c,
         gsize            at)
{
  guint32 w;

  memcpy (&w, c->data + at, sizeof w);
  return c->swapped ? GUINT32_SWAP_LE_BE (w) : w;
}

/* Entry i of a string table (originals or translations), checked against
 * the file's size: a damaged catalog gives no translation, never a crash. */
static const char *
mo_string (const JmCatalog *c,
           guint32          table,
           guint32          i,
           guint32         *length)
{
  gsize at = (gsize) table + (gsize) i * 8;
  guint32 len, off;

  if (at + 8 > c->size)
    return NULL;
  len = mo_word (c, at);
  off = mo_word (c, at + 4);
  if ((gsize) off + len >= c->size || c->data[off + len] != '\0')
    return NULL;
  *length = len;
  return (const char *) c->data + off;
}

static JmCatalog *
catalog_load (const char *dir,
              const char *lang)
{
  g_autofree char *path = g_build_filename (dir, lang, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, NULL);
  JmCatalog *c;
  guint32 magic;

  if (file == NULL || g_mapped_file_get_length (file) < 28)
    return NULL;
  c = g_new0 (JmCatalog, 1);
  c->data = (const guchar *) g_mapped_file_get_contents (file);
  c->size = g_mapped_file_get_length (file);
  memcpy (&magic, c->data, sizeof magic);
  if (magic != MO_MAGIC && magic != MO_MAGIC_SWAPPED)
    {
      g_free (c);
      return NULL;
    }
  c->swapped = magic == MO_MAGIC_SWAPPED;
  c->n = mo_word (c, 8);
  c->originals = mo_word (c, 12);
  c->translations = mo_word (c, 16);
  c->file = g_steal_pointer (&file);
  return c;
}

/* The catalog of lang, trying "pt_BR" then "pt" for "pt-BR". */
static JmCatalog *
catalog_for (const char *lang)
{
  JmCatalog *c;
  gpointer found;

  g_mutex_lock (&catalogs_lock);
  if (catalogs == NULL)
    catalogs = g_hash_table_new (g_str_hash, g_str_equal);
  if (!g_hash_table_lookup_extended (catalogs, lang, NULL, &found))
    {
      /* Where _() looks: the binding jm_cli_init_i18n() (or the tests) made. */
      const char *dir = bindtextdomain (GETTEXT_PACKAGE, NULL);
      g_autofree char *full = g_strdelimit (g_strdup (lang), "-", '_');
      g_autofree char *base = g_strndup (lang, strcspn (lang, "-_"));

      if (dir == NULL)
        dir = LOCALEDIR;
      found = catalog_load (dir, full);
      if (found == NULL)
        found = catalog_load (dir, base);
      g_hash_table_insert (catalogs, g_strdup (lang), found);
    }
  c = found;
  g_mutex_unlock (&catalogs_lock);
  return c;
}

static const char *
catalog_lookup (const JmCatalog *c,
                const char      *key)
{
  guint32 lo = 0, hi = c->n;

  /* msgfmt writes the originals sorted by strcmp(). */
  while (lo < hi)
    {
      guint32 mid = lo + (hi - lo) / 2, len;
      const char *orig = mo_string (c, c->originals, mid, &len);
      int cmp;

      if (orig == NULL)
        return NULL;
      cmp = strcmp (key, orig);
      if (cmp == 0)
        {
          const char *tr = mo_string (c, c->translations, mid, &len);

          return tr != NULL && len > 0 ? tr : NULL;
        }
      if (cmp < 0)
        hi = mid;
      else
        lo = mid + 1;
    }
  return NULL;
}

static gboolean
is_english (const char *lang)
{
  return g_ascii_strncasecmp (lang, "en", 2) == 0 && (lang[2] == '\0' || lang[2] == '-' || lang[2] == '_');
}

const char *
jm_i18n_gettext (const char *lang,
                 const char *msgid)
{
  JmCatalog *c;
  const char *tr;

  g_return_val_if_fail (msgid != NULL, NULL);

  if (lang == NULL)
    return g_dgettext (GETTEXT_PACKAGE, msgid);
  if (*msgid == '\0' || is_english (lang) || (c = catalog_for (lang)) == NULL)
    return msgid;
  tr = catalog_lookup (c, msgid);
  return tr != NULL ? tr : msgid;
}

const char *
jm_i18n_pgettext (const char *lang,
                  const char *context,
                  const char *msgid)
{
  g_autofree char *key = NULL;
  JmCatalog *c;
  const char *tr;

  g_return_val_if_fail (context != NULL && msgid != NULL, NULL);

  if (lang == NULL)
    return g_dpgettext2 (GETTEXT_PACKAGE, context, msgid);
  if (is_english (lang) || (c = catalog_for (lang)) == NULL)
    return msgid;
  key = g_strconcat (context, "\004", msgid, NULL);
  tr = catalog_lookup (c, key);
  return tr != NULL ? tr : msgid;
}

gboolean
jm_i18n_language_is_valid (const char *lang)
{
  gsize letters = 0;

  if (lang == NULL)
    return FALSE;
  while (g_ascii_isalpha (lang[letters]))
    letters++;
  if (letters < 2 || letters > 3)
    return FALSE;
  for (const char *s = lang + letters; *s != '\0'; s++)
    if (!g_ascii_isalnum (*s) && *s != '-')
      return FALSE;
  return lang[letters] == '\0' || (lang[letters] == '-' && lang[letters + 1] != '\0');
}

char *
jm_i18n_interface_language (void)
{
  /* The language _() speaks: the catalog's own header says it best, but a
   * translator's choice of "Language:" may be missing; the msgid below is
   * translated as the catalog's language tag. */
  /* Translators: the language tag of this translation ("it"), written
   * into the maps made in this language. */
  const char *tag = C_("language tag", "en");

  return g_strdup (jm_i18n_language_is_valid (tag) ? tag : "en");
}

char *
jm_i18n_format_date (const char *lang,
                     const char *iso_date)
{
  static const char *const months[] = {
    NC_("month in a date", "January"), NC_("month in a date", "February"),
    NC_("month in a date", "March"), NC_("month in a date", "April"),
    NC_("month in a date", "May"), NC_("month in a date", "June"),
    NC_("month in a date", "July"), NC_("month in a date", "August"),
    NC_("month in a date", "September"), NC_("month in a date", "October"),
    NC_("month in a date", "November"), NC_("month in a date", "December"),
  };
  guint year, month, day;
  char tail;

  g_return_val_if_fail (iso_date != NULL, NULL);

  if (lang == NULL
      || sscanf (iso_date, "%4u-%2u-%2u%c", &year, &month, &day, &tail) != 3
      || month < 1 || month > 12 || day < 1 || day > 31)
    return g_strdup (iso_date);
  /* Translators: a date in a map's footer: %1$u the day, %2$s the month's
   * name, %3$u the year ("3 December 2026"). */
  return g_strdup_printf (jm_i18n_pgettext (lang, "map date", "%1$u %2$s %3$u"), day,
                          jm_i18n_pgettext (lang, "month in a date", months[month - 1]), year);
}
