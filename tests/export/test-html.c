/* test-html.c — the web page export read back with libxml2's HTML parser:
 * its language, the headings in order, every card's text once in the
 * semantic part, tables with captions and headers, the picture named in
 * a focusable region, and all text escaped. */
#include "config.h"

#include <glib/gstdio.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <string.h>

#include "jm-export.h"
#include "jm-html.h"
#include "jm-test-utils.h"

static htmlDocPtr
parse_page (JmDocument            *doc,
            const JmExportOptions *options)
{
  gsize len;
  g_autofree char *page = jm_html_to_string (doc, options, &len);
  htmlDocPtr html;

  g_assert_true (g_str_has_prefix (page, "<!DOCTYPE html>\n"));
  html = htmlReadMemory (page, (int) len, "page.html", "UTF-8",
                         HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  g_assert_nonnull (html);
  return html;
}

static gboolean
is (xmlNodePtr  node,
    const char *name)
{
  return node->type == XML_ELEMENT_NODE && xmlStrcasecmp (node->name, (const xmlChar *) name) == 0;
}

static char *
attr (xmlNodePtr  node,
      const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static char *
text_of (xmlNodePtr node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *copy = g_strdup ((const char *) content);

  xmlFree (content);
  return copy;
}

/* Every element named name under node, in document order, not looking
 * inside the picture (an <svg>). */
static void
collect (xmlNodePtr  node,
         const char *name,
         GPtrArray  *out)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE || is (child, "svg"))
        continue;
      if (name == NULL || is (child, name))
        g_ptr_array_add (out, child);
      collect (child, name, out);
    }
}

static xmlNodePtr
find_first (xmlNodePtr  node,
            const char *name)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  collect (node, name, all);
  return all->len > 0 ? g_ptr_array_index (all, 0) : NULL;
}

/* The page's <main>, and that there is one. */
static xmlNodePtr
main_of (htmlDocPtr html)
{
  g_autoptr(GPtrArray) mains = g_ptr_array_new ();

  collect (xmlDocGetRootElement (html), "main", mains);
  g_assert_cmpuint (mains->len, ==, 1);
  return g_ptr_array_index (mains, 0);
}

static void
check_page (JmDocument *doc,
            const char *expected_lang,
            guint       n_tables)
{
  htmlDocPtr html = parse_page (doc, NULL);
  xmlNodePtr root = xmlDocGetRootElement (html);
  xmlNodePtr main_node = main_of (html);
  g_autofree char *lang = attr (root, "lang");
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GPtrArray) tables = g_ptr_array_new ();
  g_autoptr(GHashTable) card_texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *lanes = jm_document_get_lanes (doc);
  GPtrArray *stages = jm_document_get_stages (doc);
  int level = 0;
  guint h1 = 0, stage_index = 0;
  xmlNodePtr svg = NULL;

  g_assert_cmpstr (lang, ==, expected_lang);

  /* Headings: one h1, the title, first; no level skipped going down; the
   * stages' names as h2 in the map's order. */
  collect (main_node, NULL, all);
  for (guint i = 0; i < all->len; i++)
    {
      xmlNodePtr node = g_ptr_array_index (all, i);
      int this_level;

      if (node->type != XML_ELEMENT_NODE || strlen ((const char *) node->name) != 2 || node->name[0] != 'h'
          || node->name[1] < '1' || node->name[1] > '6')
        continue;
      this_level = node->name[1] - '0';
      if (level == 0)
        {
          g_autofree char *title = text_of (node);

          g_assert_cmpint (this_level, ==, 1);
          g_assert_cmpstr (title, ==, jm_document_get_title (doc));
        }
      g_assert_cmpint (this_level, <=, level + 1);
      h1 += this_level == 1;
      if (this_level == 2 && stage_index < stages->len)
        {
          g_autofree char *name = text_of (node);

          if (g_strcmp0 (name, ((JmStage *) g_ptr_array_index (stages, stage_index))->name) == 0)
            stage_index++;
        }
      level = this_level;
    }
  g_assert_cmpuint (h1, ==, 1);
  g_assert_cmpuint (stage_index, ==, stages->len);

  /* Every card's text once, as the first text of a list item. */
  for (guint l = 0; l < lanes->len; l++)
    {
      JmLane *lane = g_ptr_array_index (lanes, l);

      for (guint c = 0; c < lane->cards->len; c++)
        {
          const char *card_text = ((JmCard *) g_ptr_array_index (lane->cards, c))->text;
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (card_texts, card_text));

          g_hash_table_replace (card_texts, g_strdup (card_text), GUINT_TO_POINTER (n + 1));
        }
    }
  collect (main_node, "li", items);
  for (guint i = 0; i < items->len; i++)
    {
      xmlNodePtr li = g_ptr_array_index (items, i);
      g_autofree char *first = NULL;
      guint n;

      if (li->children == NULL || li->children->type != XML_TEXT_NODE)
        continue;
      first = g_strdup ((const char *) li->children->content);
      /* The details follow the text after a space. */
      if (li->children->next != NULL && g_str_has_suffix (first, " "))
        first[strlen (first) - 1] = '\0';
      n = GPOINTER_TO_UINT (g_hash_table_lookup (card_texts, first));
      if (n > 0)
        g_hash_table_replace (card_texts, g_strdup (first), GUINT_TO_POINTER (n - 1));
    }
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, card_texts);
    while (g_hash_table_iter_next (&iter, &key, &value))
      if (GPOINTER_TO_UINT (value) != 0)
        g_error ("The card “%s” is missing from the page's lists", (const char *) key);
  }

  /* Tables: a caption, column headers with a scope, a row header each row. */
  collect (main_node, "table", tables);
  g_assert_cmpuint (tables->len, ==, n_tables);
  for (guint t = 0; t < tables->len; t++)
    {
      xmlNodePtr table = g_ptr_array_index (tables, t);
      xmlNodePtr caption = find_first (table, "caption");
      xmlNodePtr thead = find_first (table, "thead");
      xmlNodePtr tbody = find_first (table, "tbody");
      g_autoptr(GPtrArray) heads = g_ptr_array_new ();
      g_autoptr(GPtrArray) rows = g_ptr_array_new ();
      g_autofree char *caption_text = NULL;

      g_assert_nonnull (caption);
      caption_text = text_of (caption);
      g_assert_cmpstr (caption_text, !=, "");
      g_assert_nonnull (thead);
      g_assert_nonnull (tbody);
      collect (thead, "th", heads);
      g_assert_cmpuint (heads->len, >=, 3);
      for (guint i = 0; i < heads->len; i++)
        {
          g_autofree char *scope = attr (g_ptr_array_index (heads, i), "scope");

          g_assert_cmpstr (scope, ==, "col");
        }
      collect (tbody, "tr", rows);
      g_assert_cmpuint (rows->len, >, 0);
      for (guint i = 0; i < rows->len; i++)
        {
          xmlNodePtr th = find_first (g_ptr_array_index (rows, i), "th");
          g_autofree char *scope = NULL;

          g_assert_nonnull (th);
          scope = attr (th, "scope");
          g_assert_cmpstr (scope, ==, "row");
        }
    }

  /* The picture: an image with the map's title, in a named region the
   * keyboard reaches. */
  for (xmlNodePtr node = main_node->children; node != NULL && svg == NULL; node = node->next)
    if (is (node, "div"))
      for (xmlNodePtr child = node->children; child != NULL; child = child->next)
        if (is (child, "svg"))
          {
            g_autofree char *role = attr (node, "role");
            g_autofree char *tabindex = attr (node, "tabindex");
            g_autofree char *label = attr (node, "aria-label");
            g_autofree char *svg_role = attr (child, "role");
            g_autofree char *svg_label = attr (child, "aria-label");

            svg = child;
            g_assert_cmpstr (role, ==, "region");
            g_assert_cmpstr (tabindex, ==, "0");
            g_assert_nonnull (label);
            g_assert_cmpstr (svg_role, ==, "img");
            g_assert_cmpstr (svg_label, ==, jm_document_get_title (doc));
          }
  g_assert_nonnull (svg);

  xmlFreeDoc (html);
}

static void
test_every_example_reads_in_order (void)
{
  static const struct {
    const char *name;
    const char *lang;
  } examples[] = {
    { "bike-shop-vs-food-delivery.journey", "en" },
    { "bike-shop-vs-food-delivery.it.journey", "it" },
    { "online-shop.journey", "en" },
    { "online-shop.it.journey", "it" },
    { "restaurant-regular.journey", "en" },
    { "restaurant-regular.it.journey", "it" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autoptr(JmDocument) doc = jm_test_load_example (examples[i].name);

      g_test_message ("%s", examples[i].name);
      /* Emotions and metrics. */
      check_page (doc, examples[i].lang, 2);
    }
}

static void
test_labels_are_in_the_maps_language (void)
{
  g_autoptr(JmDocument) doc = jm_test_load_example ("restaurant-regular.it.journey");
  g_autofree char *page = jm_html_to_string (doc, NULL, NULL);

  /* The Italian catalog, whatever the test's locale (C). */
  g_assert_nonnull (strstr (page, "<dt>Età</dt>"));
  g_assert_nonnull (strstr (page, "obiettivo raggiunto"));
  g_assert_null (strstr (page, "<dt>Age</dt>"));
}

static void
test_text_is_escaped (void)
{
  g_autoptr(JmDocument) doc = jm_test_small_map ();
  JmLane *lane = jm_document_find_lane (doc, "text");
  JmCard *card = g_ptr_array_index (lane->cards, 1);
  htmlDocPtr html;
  g_autoptr(GPtrArray) scripts = g_ptr_array_new ();
  xmlNodePtr main_node;
  g_autofree char *all_text = NULL;

  /* Building, before anyone sees the map. */
  jm_set_str (&card->text, "<script>alert(\"x\")</script> & <b>bold</b>");
  html = parse_page (doc, NULL);
  main_node = main_of (html);
  collect (xmlDocGetRootElement (html), "script", scripts);
  g_assert_cmpuint (scripts->len, ==, 0);
  g_assert_null (find_first (main_node, "b"));
  all_text = text_of (main_node);
  g_assert_nonnull (strstr (all_text, "<script>alert(\"x\")</script> & <b>bold</b>"));
  /* Emotions only: the small map has no metrics. */
  check_page (doc, "en", 1);
  xmlFreeDoc (html);
}

static void
test_images_are_inline (void)
{
  g_autoptr(JmDocument) doc = jm_test_small_map ();
  JmLane *lane = jm_document_find_lane (doc, "text");
  JmCard *card = g_ptr_array_index (lane->cards, 0);
  static const guchar png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autofree char *page = NULL;

  /* Building, before anyone sees the map: bytes enough for the page. */
  card->image = g_bytes_new_static (png, sizeof png);
  card->image_type = g_strdup ("image/png");
  page = jm_html_to_string (doc, NULL, NULL);
  /* In the page itself, no file beside it; the card's text says what it shows. */
  g_assert_nonnull (strstr (page, "<img class=\"photo\" src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"\">"));
}

static void
test_one_persona_only (void)
{
  g_autoptr(JmDocument) doc = jm_test_load_example ("bike-shop-vs-food-delivery.journey");
  JmPersona *first = g_ptr_array_index (jm_document_get_personas (doc), 0);
  JmPersona *second = g_ptr_array_index (jm_document_get_personas (doc), 1);
  JmExportOptions options;
  g_autofree char *page = NULL;
  g_autofree char *first_heading = g_strdup_printf ("<h3>%s</h3>", first->name);
  g_autofree char *second_heading = g_strdup_printf ("<h3>%s</h3>", second->name);

  jm_export_options_init (&options);
  options.persona_id = second->id;
  page = jm_html_to_string (doc, &options, NULL);
  g_assert_null (strstr (page, first_heading));
  g_assert_nonnull (strstr (page, second_heading));
}

static void
test_written_atomically (void)
{
  g_autoptr(JmDocument) doc = jm_test_small_map ();
  g_autofree char *dir = g_dir_make_tmp ("jm-html-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "map.html", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "map.html", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (jm_export_to_path (doc, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_suffix (contents, "</html>\n"));
  g_assert_false (jm_export_to_path (doc, missing, NULL, &error));
  g_assert_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_WRITE);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  jm_test_bind_translations ();

  g_test_add_func ("/html/every-example-reads-in-order", test_every_example_reads_in_order);
  g_test_add_func ("/html/labels-are-in-the-maps-language", test_labels_are_in_the_maps_language);
  g_test_add_func ("/html/text-is-escaped", test_text_is_escaped);
  g_test_add_func ("/html/images-are-inline", test_images_are_inline);
  g_test_add_func ("/html/one-persona-only", test_one_persona_only);
  g_test_add_func ("/html/written-atomically", test_written_atomically);
  return g_test_run ();
}
