/* test-compare.c — two versions of a small map compared on the new one's
 * picture: which objects are marked added, removed or changed, where, what
 * their badges say (metrics as "CSAT 22 % → 41 %"), and that the overlay
 * paints each mark in its colour over the painter's output. */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "jm-compare.h"
#include "jm-painter.h"
#include "jm-reader.h"
#include "jm-test-utils.h"
#include "jm-writer.h"

static JmDocument *
copy_of (JmDocument *doc)
{
  gsize len;
  g_autofree char *xml = jm_writer_to_string (doc, &len);
  g_autoptr(GError) error = NULL;
  JmDocument *copy = jm_reader_load_bytes ("copy.journey", xml, len, NULL, &error);

  g_assert_no_error (error);
  return copy;
}

static void
set_csat (JmDocument *doc,
          double      value)
{
  JmCard *card = jm_card_copy (jm_document_find_card (doc, "web", NULL));

  g_ptr_array_set_size (card->metrics, 0);
  g_ptr_array_add (card->metrics, jm_metric_new ("m-csat", JM_METRIC_CSAT, value));
  jm_document_update_card (doc, card, NULL);
}

/* Old: the small map with a CSAT of 22 % on "web". New: "buy" removed,
 * "new" added, "web" renamed and its CSAT at 41 %, Giulia's score at
 * "Searches" down from +1 to −1. */
static JmCompare *
small_comparison (JmDocument **old_out,
                  JmDocument **new_out)
{
  g_autoptr(JmDocument) old_doc = jm_test_small_map ();
  g_autoptr(JmDocument) new_doc = NULL;

  set_csat (old_doc, 22);
  new_doc = copy_of (old_doc);
  jm_document_remove_card (new_doc, "buy");
  jm_document_insert_card (new_doc, "touch", -1, jm_card_new ("new", "s3", "Card reader"));
  jm_document_set_card_text (new_doc, "web", "Web shop");
  set_csat (new_doc, 41);
  jm_document_set_emotion (new_doc, "p1", "s2", JM_MAP_STATE_CURRENT, -1);
  if (old_out)
    *old_out = g_object_ref (old_doc);
  if (new_out)
    *new_out = g_object_ref (new_doc);
  return jm_compare_new (old_doc, new_doc);
}

static const JmCompareItem *
find_item (JmCompare  *compare,
           JmKind      kind,
           const char *id,
           guint      *index)
{
  GPtrArray *items = jm_compare_get_items (compare);

  for (guint i = 0; i < items->len; i++)
    {
      const JmCompareItem *item = g_ptr_array_index (items, i);

      if (item->kind == kind && g_strcmp0 (item->id, id) == 0)
        {
          if (index)
            *index = i;
          return item;
        }
    }
  return NULL;
}

static void
test_marks_added_removed_and_changed_cards (void)
{
  g_autoptr(JmDocument) new_doc = NULL;
  g_autoptr(JmCompare) compare = small_comparison (NULL, &new_doc);
  g_autoptr(JmLayout) layout = jm_layout_new (new_doc, NULL);
  const JmCompareItem *item;
  JmRect rect, expected;
  guint index;

  item = find_item (compare, JM_KIND_CARD, "new", &index);
  g_assert_nonnull (item);
  g_assert_cmpint (item->mark, ==, JM_COMPARE_ADDED);
  g_assert_true (jm_compare_get_item_rect (compare, layout, index, &rect));
  g_assert_true (jm_layout_get_card_rect (layout, "new", &expected));
  g_assert_cmpfloat (rect.x, ==, expected.x);
  g_assert_cmpfloat (rect.y, ==, expected.y);

  /* The removed card's ghost is in its old cell, on the new map. */
  item = find_item (compare, JM_KIND_CARD, "buy", &index);
  g_assert_nonnull (item);
  g_assert_cmpint (item->mark, ==, JM_COMPARE_REMOVED);
  g_assert_cmpstr (item->old_text, ==, "Pays at the till");
  g_assert_true (jm_compare_get_item_rect (compare, layout, index, &rect));
  g_assert_true (jm_layout_get_cell_rect (layout, "text", "s3", &expected));
  g_assert_true (jm_rect_contains (&expected, rect.x + rect.width / 2, rect.y + rect.height / 2));

  item = find_item (compare, JM_KIND_CARD, "web", &index);
  g_assert_nonnull (item);
  g_assert_cmpint (item->mark, ==, JM_COMPARE_CHANGED);
  g_assert_nonnull (strstr (item->details, "“Website” → “Web shop”"));

  /* The metric's change is drawn on its card, in the badge's words. */
  item = find_item (compare, JM_KIND_METRIC, "m-csat", &index);
  g_assert_nonnull (item);
  g_assert_cmpint (item->mark, ==, JM_COMPARE_CHANGED);
  g_assert_cmpstr (item->card_id, ==, "web");
  g_assert_cmpstr (item->details, ==, "CSAT 22% → 41%");

  item = find_item (compare, JM_KIND_EMOTION, "p1", NULL);
  g_assert_nonnull (item);
  g_assert_cmpstr (item->step, ==, "s2");

  /* Cards nobody touched are not marked. */
  g_assert_null (find_item (compare, JM_KIND_CARD, "wide", NULL));
}

static void
pixel (cairo_surface_t *surface,
       double           x,
       double           y,
       double           rgb[3])
{
  const guchar *data = cairo_image_surface_get_data (surface);
  guint32 p = *(const guint32 *) (data + (int) y * cairo_image_surface_get_stride (surface) + (int) x * 4);

  rgb[0] = ((p >> 16) & 0xff) / 255.0;
  rgb[1] = ((p >> 8) & 0xff) / 255.0;
  rgb[2] = (p & 0xff) / 255.0;
}

static void
assert_colour (cairo_surface_t *surface,
               double           x,
               double           y,
               JmColor          expected)
{
  double rgb[3];

  pixel (surface, x, y, rgb);
  if (fabs (rgb[0] - expected.r) > 0.08 || fabs (rgb[1] - expected.g) > 0.08 || fabs (rgb[2] - expected.b) > 0.08)
    g_error ("pixel at %.0f,%.0f is %.2f %.2f %.2f, expected %.2f %.2f %.2f", x, y,
             rgb[0], rgb[1], rgb[2], expected.r, expected.g, expected.b);
}

static cairo_surface_t *
paint (JmCompare *compare,
       JmLayout  *layout,
       gboolean   overlay)
{
  double w, h;
  cairo_surface_t *surface;
  cairo_t *cr;

  jm_layout_get_size (layout, &w, &h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) w, (int) h);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  jm_painter_paint (layout, cr, NULL, 1);
  if (overlay)
    jm_compare_paint (compare, layout, cr, NULL, 1, -1, FALSE);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
test_overlay_paints_each_mark_in_its_colour (void)
{
  g_autoptr(JmDocument) new_doc = NULL;
  g_autoptr(JmCompare) compare = small_comparison (NULL, &new_doc);
  g_autoptr(JmLayout) layout = jm_layout_new (new_doc, NULL);
  cairo_surface_t *plain = paint (compare, layout, FALSE);
  cairo_surface_t *marked = paint (compare, layout, TRUE);
  JmTheme theme = jm_layout_get_options (layout)->theme;
  guint added = 0, removed = 0, changed = 0;
  JmRect r;
  double before[3];

  find_item (compare, JM_KIND_CARD, "new", &added);
  find_item (compare, JM_KIND_CARD, "buy", &removed);
  find_item (compare, JM_KIND_CARD, "web", &changed);

  /* The added card's outline, left of its edge; not there without the overlay. */
  g_assert_true (jm_compare_get_item_rect (compare, layout, added, &r));
  assert_colour (marked, r.x - 2, r.y + r.height / 2, jm_compare_mark_color (JM_COMPARE_ADDED, theme));
  pixel (plain, r.x - 2, r.y + r.height / 2, before);
  g_assert_cmpfloat (fabs (before[1] - jm_compare_mark_color (JM_COMPARE_ADDED, theme).g)
                     + fabs (before[0] - jm_compare_mark_color (JM_COMPARE_ADDED, theme).r), >, 0.2);

  /* The ghost's "−" tag, at its left. */
  g_assert_true (jm_compare_get_item_rect (compare, layout, removed, &r));
  assert_colour (marked, r.x + 10, r.y + r.height / 2 - 6, jm_compare_mark_color (JM_COMPARE_REMOVED, theme));

  /* The changed card's badge, at its top right corner. */
  g_assert_true (jm_compare_get_item_rect (compare, layout, changed, &r));
  assert_colour (marked, r.x + r.width - 2, r.y + 2 + 6, jm_compare_mark_color (JM_COMPARE_CHANGED, theme));

  cairo_surface_destroy (plain);
  cairo_surface_destroy (marked);
}

static guint
count_dark (cairo_surface_t *surface,
            double           x,
            double           y,
            double           w,
            double           h)
{
  guint n = 0;

  for (int py = (int) y; py < (int) (y + h); py++)
    for (int px = (int) x; px < (int) (x + w); px++)
      {
        double rgb[3];

        pixel (surface, px, py, rgb);
        if (rgb[0] + rgb[1] + rgb[2] < 1.2)
          n++;
      }
  return n;
}

static cairo_surface_t *
paint_open (JmCompare *compare,
            JmLayout  *layout,
            int        expanded)
{
  double w, h;
  cairo_surface_t *surface;
  cairo_t *cr;

  jm_layout_get_size (layout, &w, &h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) w, (int) h);
  cr = cairo_create (surface);
  jm_painter_paint (layout, cr, NULL, 1);
  jm_compare_paint (compare, layout, cr, NULL, 1, expanded, FALSE);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
test_badge_opens_only_for_the_chosen_change (void)
{
  g_autoptr(JmDocument) new_doc = NULL;
  g_autoptr(JmCompare) compare = small_comparison (NULL, &new_doc);
  g_autoptr(JmLayout) layout = jm_layout_new (new_doc, NULL);
  cairo_surface_t *closed, *open;
  guint changed = 0;
  JmRect r;

  find_item (compare, JM_KIND_CARD, "web", &changed);
  g_assert_true (jm_compare_get_item_rect (compare, layout, changed, &r));
  closed = paint_open (compare, layout, -1);
  open = paint_open (compare, layout, (int) changed);

  /* The box's old → new text under the card (the cell is empty there):
   * dark text pixels when open, none when closed. */
  g_assert_cmpuint (count_dark (open, r.x, r.y + r.height + 8, r.width, 24), >, 30);
  g_assert_cmpuint (count_dark (closed, r.x, r.y + r.height + 8, r.width, 24), ==, 0);
  cairo_surface_destroy (closed);
  cairo_surface_destroy (open);
}

static void
test_change_list_names_every_change (void)
{
  g_autoptr(JmCompare) compare = small_comparison (NULL, NULL);
  g_autofree char *text = jm_compare_to_text (compare);

  g_assert_nonnull (strstr (text, "+ Card “Card reader”"));
  g_assert_nonnull (strstr (text, "- Card “Pays at the till”"));
  g_assert_nonnull (strstr (text, "“Website” → “Web shop”"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  jm_test_bind_translations ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/compare/marks-added-removed-and-changed-cards", test_marks_added_removed_and_changed_cards);
  g_test_add_func ("/compare/overlay-paints-each-mark-in-its-colour", test_overlay_paints_each_mark_in_its_colour);
  g_test_add_func ("/compare/badge-opens-only-for-the-chosen-change", test_badge_opens_only_for_the_chosen_change);
  g_test_add_func ("/compare/change-list-names-every-change", test_change_list_names_every_change);
  return g_test_run ();
}
