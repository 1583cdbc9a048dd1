/* test-views.c — named views: kept in the file, changed by undoable
 * commands, and shown by the layout, the presentation planner and the
 * exports, which leave out the lanes and personas a view leaves out. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "jm-export.h"
#include "jm-map-view.h"
#include "jm-merge.h"
#include "jm-presentation.h"
#include "jm-reader.h"
#include "jm-test-utils.h"
#include "jm-writer.h"

/* The restaurant example seen by the front of house: three lanes, Marta only, as is. */
static JmMapView *
front_of_house (void)
{
  JmMapView *view = jm_map_view_new ("v-front", "Front of house");
  const char *lanes[] = { "l-touch", "l-emotions", "l-pain", NULL };
  const char *personas[] = { "p-marta", NULL };

  view->lanes = g_strdupv ((char **) lanes);
  view->personas = g_strdupv ((char **) personas);
  view->states = JM_VIEW_STATES_CURRENT;
  return view;
}

static JmLayout *
layout_with_view (JmDocument *doc,
                  const char *view_id)
{
  JmRenderOptions options;

  jm_render_options_init (&options);
  options.date = "2026-11-23";
  options.view_id = view_id;
  return jm_layout_new (doc, &options);
}

static void
test_views_are_written_and_read_back_byte_for_byte (void)
{
  g_autoptr(JmDocument) doc = jm_test_load_example ("restaurant-regular.journey");
  g_autoptr(JmDocument) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL, *second = NULL;
  JmMapView *view;
  gsize len;

  jm_document_set_view (doc, front_of_house ());
  jm_document_set_view (doc, jm_map_view_new ("v-all", "Everything"));
  first = jm_writer_to_string (doc, &len);
  g_assert_nonnull (strstr (first,
                            "  <views>\n"
                            "    <view id=\"v-front\" name=\"Front of house\" states=\"current\">\n"
                            "      <lane ref=\"l-touch\"/>\n"
                            "      <lane ref=\"l-emotions\"/>\n"
                            "      <lane ref=\"l-pain\"/>\n"
                            "      <persona ref=\"p-marta\"/>\n"
                            "    </view>\n"
                            "    <view id=\"v-all\" name=\"Everything\"/>\n"
                            "  </views>\n"
                            "</journey-map>\n"));

  again = jm_reader_load_bytes ("views.journey", first, len, NULL, &error);
  g_assert_no_error (error);
  view = jm_document_lookup_view (again, "Front of house");
  g_assert_nonnull (view);
  g_assert_cmpstr (view->id, ==, "v-front");
  g_assert_cmpuint (g_strv_length (view->lanes), ==, 3);
  g_assert_cmpstr (view->personas[0], ==, "p-marta");
  g_assert_cmpint (view->states, ==, JM_VIEW_STATES_CURRENT);
  g_assert_null (jm_document_find_view (again, "v-all")->lanes);
  second = jm_writer_to_string (again, NULL);
  g_assert_cmpstr (first, ==, second);
}

static void
test_written_views_match_the_schema (void)
{
  g_autoptr(JmDocument) doc = jm_test_load_example ("restaurant-regular.journey");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jm-views-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "views.journey", NULL);
  g_autofree char *schema = g_build_filename (g_getenv ("JM_SOURCE_ROOT"), "data", "journey-map.rng", NULL);
  g_autofree char *err = NULL;
  const char *argv[] = { "xmllint", "--noout", "--relaxng", schema, path, NULL };
  int status = -1;

  g_assert_no_error (error);
  jm_document_set_view (doc, front_of_house ());
  jm_document_set_view (doc, jm_map_view_new ("v-all", "Everything"));
  g_assert_true (jm_writer_save_path (doc, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, &err, &status, &error));
  g_assert_no_error (error);
  g_test_message ("%s", err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_unlink (path);
  g_rmdir (dir);
}

/* A view naming a lane that is not there, a second view of the same name,
 * an unknown choice of curves: each an error with its line. */
static void
test_bad_views_are_errors_with_their_line (void)
{
  static const struct { const char *view; const char *message; } cases[] = {
    { "<view id=\"v\" name=\"A\"><lane ref=\"nowhere\"/></view>", ":6: A view refers to lane “nowhere”" },
    { "<view id=\"v\" name=\"A\"><persona ref=\"l\"/></view>", ":6: A view refers to persona “l”" },
    { "<view id=\"v\" name=\"A\" states=\"maybe\"/>", ":6: “maybe” is not a choice of curves" },
    { "<view id=\"v\" name=\"A\"/><view id=\"w\" name=\"A\"/>", ":6: Two views are called “A”" },
    { "<view id=\"l\" name=\"A\"/>", ":6:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *xml = g_strdup_printf (
        "<journey-map xmlns=\"urn:journey-maps:1\" format-version=\"1\">\n"
        "  <title>T</title>\n"
        "  <stages><stage id=\"s\" name=\"S\"><step id=\"t\" name=\"T\"/></stage></stages>\n"
        "  <lanes><lane id=\"l\" kind=\"text\" title=\"L\"/></lanes>\n"
        "  <views>\n"
        "    %s\n"
        "  </views>\n"
        "</journey-map>\n", cases[i].view);
      g_autoptr(GError) error = NULL;
      g_autoptr(JmDocument) doc = jm_reader_load_bytes ("bad.journey", xml, strlen (xml), NULL, &error);

      g_test_message ("%s", error ? error->message : "(loaded)");
      g_assert_null (doc);
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
}

static void
test_adding_renaming_and_deleting_a_view_undo (void)
{
  g_autoptr(JmDocument) doc = jm_test_load_example ("restaurant-regular.journey");
  JmHistory *history = jm_document_get_history (doc);

  jm_document_set_view (doc, front_of_house ());
  jm_document_rename_view (doc, "v-front", "Floor staff");
  g_assert_cmpstr (jm_document_find_view (doc, "v-front")->name, ==, "Floor staff");
  g_assert_nonnull (jm_document_lookup_view (doc, "Floor staff"));
  g_assert_null (jm_document_lookup_view (doc, "Front of house"));
  jm_document_remove_view (doc, "v-front");
  g_assert_cmpuint (jm_document_get_views (doc)->len, ==, 0);

  jm_history_undo (history);
  g_assert_cmpstr (jm_document_find_view (doc, "v-front")->name, ==, "Floor staff");
  jm_history_undo (history);
  g_assert_cmpstr (jm_document_find_view (doc, "v-front")->name, ==, "Front of house");
  jm_history_undo (history);
  g_assert_cmpuint (jm_document_get_views (doc)->len, ==, 0);
  jm_history_redo (history);
  g_assert_cmpuint (g_strv_length (jm_document_find_view (doc, "v-front")->lanes), ==, 3);
}

static void
test_a_view_restricts_lanes_and_personas_in_the_layout (void)
{
  g_autoptr(JmDocument) doc = jm_test_load_example ("restaurant-regular.journey");
  g_autoptr(JmLayout) whole = layout_with_view (doc, NULL);
  g_autoptr(JmLayout) front = NULL;
  JmRect rect;
  double whole_h, front_h, x, y;

  jm_document_set_view (doc, front_of_house ());
  front = layout_with_view (doc, "v-front");

  g_assert_true (jm_layout_get_lane_rect (whole, "l-backstage", &rect));
  g_assert_false (jm_layout_get_lane_rect (front, "l-backstage", &rect));
  g_assert_false (jm_layout_get_lane_rect (front, "l-actions", &rect));
  g_assert_true (jm_layout_get_lane_rect (front, "l-touch", &rect));
  g_assert_true (jm_layout_get_lane_rect (front, "l-pain", &rect));

  {
    JmRect paolo, marta;

    /* Each persona shown has a place of its own. */
    g_assert_true (jm_layout_get_persona_rect (whole, "p-paolo", &paolo));
    g_assert_true (jm_layout_get_persona_rect (whole, "p-marta", &marta));
    g_assert_false (jm_rect_intersects (&paolo, &marta));
  }
  g_assert_true (jm_layout_get_persona_rect (whole, "p-paolo", &rect));
  g_assert_false (jm_layout_get_persona_rect (front, "p-paolo", &rect));
  g_assert_true (jm_layout_get_persona_rect (front, "p-marta", &rect));
  g_assert_true (jm_layout_shows_persona (front, "p-marta"));
  g_assert_false (jm_layout_shows_persona (front, "p-paolo"));
  g_assert_false (jm_layout_shows_curve (front, JM_MAP_STATE_FUTURE));

  /* Marta's points are there, Paolo's are not. */
  {
    JmStep *step = jm_document_get_step (doc, 0);

    g_assert_true (jm_layout_get_emotion_point (whole, "p-paolo", step->id, JM_MAP_STATE_CURRENT, &x, &y));
    g_assert_false (jm_layout_get_emotion_point (front, "p-paolo", step->id, JM_MAP_STATE_CURRENT, &x, &y));
    g_assert_true (jm_layout_get_emotion_point (front, "p-marta", step->id, JM_MAP_STATE_CURRENT, &x, &y));
  }

  jm_layout_get_size (whole, NULL, &whole_h);
  jm_layout_get_size (front, NULL, &front_h);
  g_assert_cmpfloat (front_h, <, whole_h);

  /* Switching the view of a live layout lays it out again; a view
   * deleted shows everything again. */
  {
    JmRenderOptions options = *jm_layout_get_options (whole);

    options.view_id = "v-front";
    jm_layout_set_options (whole, &options);
    g_assert_false (jm_layout_get_lane_rect (whole, "l-backstage", &rect));
    jm_document_remove_view (doc, "v-front");
    g_assert_true (jm_layout_get_lane_rect (whole, "l-backstage", &rect));
  }
}

static void
test_slides_of_a_view_show_only_its_lanes (void)
{
  static const double outputs[][2] = { { 1920, 1080 }, { 1280, 720 } };

  for (guint o = 0; o < G_N_ELEMENTS (outputs); o++)
    {
      g_autoptr(JmDocument) doc = jm_test_load_example ("restaurant-regular.journey");
      g_autoptr(JmLayout) whole = layout_with_view (doc, NULL);
      g_autoptr(JmLayout) front = NULL;
      g_autoptr(GArray) all_slides = jm_presentation_slides (whole, outputs[o][0], outputs[o][1], 14);
      g_autoptr(GArray) slides = NULL;
      JmRect pain;

      jm_document_set_view (doc, front_of_house ());
      front = layout_with_view (doc, "v-front");
      slides = jm_presentation_slides (front, outputs[o][0], outputs[o][1], 14);

      g_assert_cmpuint (slides->len, <=, all_slides->len);
      g_assert_true (jm_layout_get_lane_rect (front, "l-pain", &pain));
      for (guint i = 1; i < slides->len; i++)
        {
          const JmSlide *slide = &g_array_index (slides, JmSlide, i);
          double w, h;

          /* Nothing below the view's last lane. */
          jm_layout_get_size (front, &w, &h);
          g_assert_cmpfloat (slide->frame.y + slide->frame.height, <=, pain.y + pain.height + 0.5);
        }
    }
}

static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = -1;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_a_pdf_export_through_a_view_leaves_out_its_other_lanes_and_personas (void)
{
  g_autoptr(JmDocument) doc = jm_test_load_example ("restaurant-regular.journey");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jm-views-XXXXXX", &error);
  g_autofree char *whole_path = g_build_filename (dir, "whole.pdf", NULL);
  g_autofree char *front_path = g_build_filename (dir, "front.pdf", NULL);
  g_autofree char *whole = NULL, *front = NULL;
  JmExportOptions options;

  jm_document_set_view (doc, front_of_house ());
  jm_export_options_init (&options);
  options.date = "2026-11-23";
  g_assert_true (jm_export_to_path (doc, whole_path, &options, &error));
  options.view_id = "v-front";
  g_assert_true (jm_export_to_path (doc, front_path, &options, &error));
  g_assert_no_error (error);
  whole = pdf_text (whole_path);
  front = pdf_text (front_path);

  g_assert_nonnull (strstr (whole, "Backstage"));
  g_assert_nonnull (strstr (whole, "Paolo Ferri"));
  g_assert_null (strstr (front, "Backstage"));
  g_assert_null (strstr (front, "Customer actions"));
  g_assert_null (strstr (front, "Paolo Ferri"));
  g_assert_nonnull (strstr (front, "Marta Conti"));
  g_assert_nonnull (strstr (front, "Touchpoints"));
  g_assert_nonnull (strstr (front, "Pain points"));

  g_unlink (whole_path);
  g_unlink (front_path);
  g_rmdir (dir);
}

/* A three-way merge keeps the views: one side's new view lands. */
static void
test_a_merge_keeps_the_views_one_side_made (void)
{
  g_autoptr(JmDocument) base = jm_test_load_example ("restaurant-regular.journey");
  g_autoptr(JmDocument) ours = jm_test_load_example ("restaurant-regular.journey");
  g_autoptr(JmDocument) theirs = jm_test_load_example ("restaurant-regular.journey");
  g_autoptr(JmDocument) merged = NULL;
  g_autoptr(JmDocument) back = NULL;
  guint conflicts = 0;

  jm_document_set_title (ours, "Ours");
  jm_document_set_view (theirs, front_of_house ());
  merged = jm_merge (base, ours, theirs, &conflicts);
  g_assert_cmpuint (conflicts, ==, 0);
  g_assert_cmpstr (jm_document_get_title (merged), ==, "Ours");
  g_assert_nonnull (jm_document_lookup_view (merged, "Front of house"));

  /* And ours, when we changed them. */
  jm_document_set_view (ours, jm_map_view_new ("v-ours", "Ours"));
  back = jm_merge (base, ours, theirs, NULL);
  g_assert_nonnull (jm_document_find_view (back, "v-ours"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/views/file/written-and-read-back-byte-for-byte",
                   test_views_are_written_and_read_back_byte_for_byte);
  g_test_add_func ("/views/file/written-views-match-the-schema", test_written_views_match_the_schema);
  g_test_add_func ("/views/file/bad-views-are-errors-with-their-line", test_bad_views_are_errors_with_their_line);
  g_test_add_func ("/views/model/adding-renaming-and-deleting-a-view-undo",
                   test_adding_renaming_and_deleting_a_view_undo);
  g_test_add_func ("/views/layout/restricts-lanes-and-personas",
                   test_a_view_restricts_lanes_and_personas_in_the_layout);
  g_test_add_func ("/views/presentation/slides-show-only-the-view-lanes", test_slides_of_a_view_show_only_its_lanes);
  g_test_add_func ("/views/export/pdf-leaves-out-other-lanes-and-personas",
                   test_a_pdf_export_through_a_view_leaves_out_its_other_lanes_and_personas);

  g_test_add_func ("/views/merge/keeps-the-views-one-side-made", test_a_merge_keeps_the_views_one_side_made);
  return g_test_run ();
}
