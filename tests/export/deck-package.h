/* deck-package.h — reading an exported deck back in the tests: its zip
 * entries (libzip) and its XML parts (libxml2, from memory, no network). */
#pragma once

#include <glib.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <string.h>
#include <zip.h>

typedef struct {
  char    *name;
  GBytes  *bytes;
  gboolean stored;
} DeckEntry;

static inline void
deck_entry_free (gpointer data)
{
  DeckEntry *entry = data;

  g_free (entry->name);
  g_bytes_unref (entry->bytes);
  g_free (entry);
}

/* Every entry of the package, in the zip's order. */
static inline GPtrArray *
deck_read_entries (GBytes *package)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func (deck_entry_free);
  zip_error_t error;
  zip_source_t *source;
  zip_t *archive;
  gsize size;
  gconstpointer data = g_bytes_get_data (package, &size);

  zip_error_init (&error);
  source = zip_source_buffer_create (data, size, 0, &error);
  g_assert_nonnull (source);
  archive = zip_open_from_source (source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  g_assert_nonnull (archive);
  for (zip_int64_t i = 0; i < zip_get_num_entries (archive, 0); i++)
    {
      DeckEntry *entry = g_new0 (DeckEntry, 1);
      zip_stat_t stat;
      zip_file_t *file;
      guchar *bytes;

      g_assert_cmpint (zip_stat_index (archive, (zip_uint64_t) i, 0, &stat), ==, 0);
      entry->name = g_strdup (stat.name);
      entry->stored = stat.comp_method == ZIP_CM_STORE;
      bytes = g_malloc (stat.size + 1);
      file = zip_fopen_index (archive, (zip_uint64_t) i, 0);
      g_assert_nonnull (file);
      g_assert_cmpint (zip_fread (file, bytes, stat.size), ==, (zip_int64_t) stat.size);
      zip_fclose (file);
      entry->bytes = g_bytes_new_take (bytes, stat.size);
      g_ptr_array_add (entries, entry);
    }
  zip_discard (archive);
  zip_error_fini (&error);
  return entries;
}

static inline GBytes *
deck_find_entry (GPtrArray  *entries,
                 const char *name)
{
  for (guint i = 0; i < entries->len; i++)
    {
      DeckEntry *entry = g_ptr_array_index (entries, i);

      if (strcmp (entry->name, name) == 0)
        return entry->bytes;
    }
  return NULL;
}

/* The part parsed; NULL when it is not well-formed XML. */
static inline xmlDocPtr
deck_parse (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return xmlReadMemory (data, (int) size, NULL, "UTF-8", XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
}

static const char *deck_namespaces[][2] = {
  { "a", "http://schemas.openxmlformats.org/drawingml/2006/main" },
  { "p", "http://schemas.openxmlformats.org/presentationml/2006/main" },
  { "r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships" },
  { "rel", "http://schemas.openxmlformats.org/package/2006/relationships" },
  { "ct", "http://schemas.openxmlformats.org/package/2006/content-types" },
  { "office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0" },
  { "draw", "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" },
  { "text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0" },
  { "table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0" },
  { "presentation", "urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" },
  { "style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0" },
  { "fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" },
  { "manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" },
  { "xlink", "http://www.w3.org/1999/xlink" },
  { "svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" },
  { "dc", "http://purl.org/dc/elements/1.1/" },
};

/* The nodes an XPath expression finds from node (the whole document when
 * node is NULL). */
static inline xmlXPathObjectPtr
deck_xpath (xmlDocPtr   doc,
            xmlNodePtr  node,
            const char *expression)
{
  xmlXPathContextPtr context = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result;

  for (guint i = 0; i < G_N_ELEMENTS (deck_namespaces); i++)
    xmlXPathRegisterNs (context, BAD_CAST deck_namespaces[i][0], BAD_CAST deck_namespaces[i][1]);
  if (node != NULL)
    context->node = node;
  result = xmlXPathEvalExpression (BAD_CAST expression, context);
  g_assert_nonnull (result);
  xmlXPathFreeContext (context);
  return result;
}

static inline guint
deck_count (xmlDocPtr   doc,
            xmlNodePtr  node,
            const char *expression)
{
  xmlXPathObjectPtr result = deck_xpath (doc, node, expression);
  guint n = result->nodesetval ? (guint) result->nodesetval->nodeNr : 0;

  xmlXPathFreeObject (result);
  return n;
}

/* The text of every node found, joined by spaces. */
static inline char *
deck_text (xmlDocPtr   doc,
           xmlNodePtr  node,
           const char *expression)
{
  xmlXPathObjectPtr result = deck_xpath (doc, node, expression);
  GString *text = g_string_new (NULL);

  for (int i = 0; result->nodesetval && i < result->nodesetval->nodeNr; i++)
    {
      xmlChar *content = xmlNodeGetContent (result->nodesetval->nodeTab[i]);

      g_string_append_printf (text, "%s%s", i ? " " : "", (const char *) content);
      xmlFree (content);
    }
  xmlXPathFreeObject (result);
  return g_string_free (text, FALSE);
}

/* Text without any white space: what is on a slide, however it wraps. */
static inline char *
deck_squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}
