/* test-window-import.c — maps from elsewhere in the editor, under a real
 * display (Xvfb): a Mermaid, CJML or grid file opens as a new, unsaved
 * map through the same entry point as the command line, read ahead or
 * not; the Open dialog offers them. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "jm-application.h"
#include "jm-file-chooser.h"
#include "jm-import-dialog.h"
#include "jm-preload.h"
#include "jm-test-utils.h"
#include "jm-window.h"

static JmApplication *app;

static JmWindow *
new_window (void)
{
  JmWindow *window = jm_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  jm_test_spin ();
  return window;
}

static void
destroy_window (JmWindow *window)
{
  /* An imported map is unsaved: leave without asking. */
  gtk_window_destroy (GTK_WINDOW (window));
  jm_test_spin ();
}

static char *
fixture (const char *name)
{
  return g_build_filename (g_getenv ("JM_SOURCE_ROOT"), "tests", "io", "imports", name, NULL);
}

static void
check_opens_as_new_unsaved_map (const char *name,
                                const char *title,
                                gboolean    read_ahead)
{
  g_autofree char *path = fixture (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JmWindow *window = new_window ();
  JmDocument *doc;

  g_test_message ("%s%s", name, read_ahead ? ", read ahead" : "");
  if (read_ahead)
    jm_preload_start (path);
  g_assert_true (jm_window_open_file (window, file));
  jm_test_spin ();
  doc = jm_window_get_document (window);
  g_assert_nonnull (doc);
  g_assert_cmpstr (jm_document_get_title (doc), ==, title);
  /* New: no file behind it, and unsaved until the user picks one. */
  g_assert_null (jm_window_get_file (window));
  g_assert_true (jm_history_is_modified (jm_document_get_history (doc)));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•")
                 || strstr (gtk_window_get_title (GTK_WINDOW (window)), title) != NULL);
  destroy_window (window);
}

static void
test_imports_open_as_new_unsaved_maps (void)
{
  check_opens_as_new_unsaved_map ("bike.md", "Buying a bike", FALSE);
  check_opens_as_new_unsaved_map ("kindergarten.xml", "Applying for a kindergarten place", FALSE);
  check_opens_as_new_unsaved_map ("shop.grid.csv", "shop", FALSE);
  /* journey-maps IN.mmd reads the file ahead, while GTK starts. */
  check_opens_as_new_unsaved_map ("bike.md", "Buying a bike", TRUE);
}

static void
test_a_broken_import_is_refused_with_its_line (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jm-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bad.mmd", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JmWindow *window = new_window ();

  g_assert_true (g_file_set_contents (path, "journey\n  section A: b\n", -1, NULL));
  g_assert_false (jm_window_open_file (window, file));
  g_assert_null (jm_window_get_document (window));
  destroy_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_open_dialog_offers_every_import (void)
{
  g_autoptr(GtkFileChooserNative) chooser = gtk_file_chooser_native_new ("Open", NULL, GTK_FILE_CHOOSER_ACTION_OPEN,
                                                                         "_Open", "_Cancel");
  g_autoptr(GListModel) filters = NULL;
  GtkFileFilter *current;
  g_autoptr(GString) names = g_string_new (NULL);

  jm_file_chooser_add_import_filters (GTK_FILE_CHOOSER (chooser));
  filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (chooser));
  for (guint i = 0; i < g_list_model_get_n_items (filters); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

      g_string_append_printf (names, "%s;", gtk_file_filter_get_name (filter));
    }
  g_assert_cmpstr (names->str, ==, "Journey maps and maps to import;Mermaid journeys (.mmd, Markdown);"
                                   "CJML journeys (.xml);Grids of cards (.csv);");
  current = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (gtk_file_filter_get_name (current), ==, "Journey maps and maps to import");
}

/* ---- the Import Survey Responses dialog ---- */

#define NPS_Q "How likely are you to recommend Bici Rossi to a friend?"
#define CSAT_Q "How satisfied were you with the website?"
#define CES_Q "How easy was it to pay at the shop counter, from 1 to 7?"
#define TEXT_Q "Anything else you want to tell us?"

/* The map the survey fixtures name: three stages, three touchpoints, a
 * Thoughts lane. */
static JmDocument *
make_survey_map (void)
{
  JmDocument *doc = jm_document_new ();
  const char *stages[] = { "Awareness", "Purchase", "Advocacy" };
  JmLane *touch = jm_lane_new ("touch", JM_LANE_TOUCHPOINTS, "Touchpoints");

  jm_document_build_header (doc, "Buying a bike at Bici Rossi", NULL, NULL, JM_MAP_STATE_CURRENT);
  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      g_autofree char *id = g_ascii_strdown (stages[i], -1);
      g_autofree char *step = g_strdup_printf ("s%u", i + 1);
      JmStage *stage = jm_stage_new (id, stages[i]);

      g_ptr_array_add (stage->steps, jm_step_new (step, "A step"));
      jm_document_build_stage (doc, stage);
    }
  g_ptr_array_add (touch->cards, jm_card_new ("site", "s1", "Web  site"));
  g_ptr_array_add (touch->cards, jm_card_new ("counter", "s2", "Shop counter"));
  jm_document_build_lane (doc, touch);
  jm_document_build_lane (doc, jm_lane_new ("thoughts", JM_LANE_TEXT, "Thoughts"));
  return doc;
}

static void
collect (GtkWidget  *widget,
         GType       type,
         const char *name,
         GPtrArray  *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && (name == NULL || g_strcmp0 (gtk_widget_get_name (widget), name) == 0))
    g_ptr_array_add (found, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect (c, type, name, found);
}

/* The drop-down (named "target" or "metric") of the row of a question. */
static GtkDropDown *
choice (JmImportDialog *dialog,
        const char     *question,
        const char     *name)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN, name, found);
  for (guint i = 0; i < found->len; i++)
    {
      GtkWidget *row = gtk_widget_get_ancestor (g_ptr_array_index (found, i), ADW_TYPE_ACTION_ROW);

      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), question) == 0)
        return g_ptr_array_index (found, i);
    }
  g_error ("no “%s” choice for “%s”", name, question);
}

static const char *
chosen (GtkDropDown *dropdown)
{
  return gtk_string_object_get_string (GTK_STRING_OBJECT (gtk_drop_down_get_selected_item (dropdown)));
}

/* Chooses the item with this label, as a click in the list would. */
static void
choose (GtkDropDown *dropdown,
        const char  *label)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), label))
        {
          gtk_drop_down_set_selected (dropdown, i);
          jm_test_spin ();
          return;
        }
    }
  g_error ("no item “%s”", label);
}

static GtkWidget *
dialog_child (JmImportDialog *dialog,
              const char     *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (dialog), JM_TYPE_IMPORT_DIALOG, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static const char *
preview (JmImportDialog *dialog)
{
  return gtk_label_get_text (GTK_LABEL (dialog_child (dialog, "preview_label")));
}

static JmImportDialog *
open_dialog (JmWindow   *window,
             JmDocument *doc)
{
  g_autofree char *path = g_build_filename (g_getenv ("JM_SOURCE_ROOT"), "tests", "io", "surveys", "google-forms.csv",
                                            NULL);
  g_autoptr(GError) error = NULL;
  JmSurveyImport *import = jm_survey_import_load_path (doc, path, &error);
  JmImportDialog *dialog;

  g_assert_no_error (error);
  dialog = jm_import_dialog_new (GTK_WINDOW (window), doc, import);
  gtk_window_present (GTK_WINDOW (dialog));
  jm_test_spin ();
  return dialog;
}

static JmMetric *
metric_of (GPtrArray   *metrics,
           JmMetricKind kind)
{
  for (guint i = 0; i < metrics->len; i++)
    if (((JmMetric *) g_ptr_array_index (metrics, i))->kind == kind)
      return g_ptr_array_index (metrics, i);
  return NULL;
}

/* The dialog driven through its widgets: the layout said, the scales
 * and the targets proposed shown, a stage and verbatims chosen, a date
 * range typed, the preview following in the locale's numbers, and Apply
 * one undo step that saves the mapping. */
static void
test_import_dialog_maps_questions_and_applies_as_one_step (void)
{
  JmWindow *window = new_window ();
  JmDocument *doc = make_survey_map ();
  JmHistory *history = jm_document_get_history (doc);
  JmImportDialog *dialog;
  GtkWidget *until;
  JmMetric *nps;
  g_autofree char *before = NULL;

  jm_window_set_document (window, doc, NULL);
  dialog = open_dialog (window, doc);

  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (dialog_child (dialog, "layout_label"))),
                            "Read as Google Forms: 1 header row, 5 responses, 5 questions"));
  /* Proposed: the question naming the website, the shop counter. */
  g_assert_cmpstr (chosen (choice (dialog, CSAT_Q, "target")), ==, "Touchpoint “Web  site”");
  g_assert_cmpstr (chosen (choice (dialog, CSAT_Q, "metric")), ==, "CSAT");
  g_assert_cmpstr (chosen (choice (dialog, CES_Q, "target")), ==, "Touchpoint “Shop counter”");
  g_assert_cmpstr (chosen (choice (dialog, CES_Q, "metric")), ==, "CES");
  g_assert_cmpstr (chosen (choice (dialog, NPS_Q, "target")), ==, "Nowhere");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (choice (dialog, NPS_Q, "metric"))));
  g_assert_nonnull (strstr (preview (dialog), "• Touchpoint “Shop counter”: CES 4.5 — 4 answers"));
  g_assert_nonnull (strstr (preview (dialog), "3 questions go nowhere."));

  /* The NPS question to a stage; the free text as cards in Thoughts. */
  choose (choice (dialog, NPS_Q, "target"), "Stage “Advocacy”");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (choice (dialog, NPS_Q, "metric"))));
  g_assert_cmpstr (chosen (choice (dialog, NPS_Q, "metric")), ==, "NPS");
  g_assert_nonnull (strstr (preview (dialog), "• Stage “Advocacy”: NPS 0 — 5 answers"));
  choose (choice (dialog, TEXT_Q, "target"), "Each answer as a card");
  g_assert_nonnull (strstr (preview (dialog), "• Lane “Thoughts”: 3 answers to “" TEXT_Q "” become cards"));

  /* Until the 12th of October: three responses. */
  until = dialog_child (dialog, "until_row");
  gtk_editable_set_text (GTK_EDITABLE (until), "2026-10-12");
  jm_test_spin ();
  g_assert_nonnull (strstr (preview (dialog), "• Touchpoint “Shop counter”: CES 3.67 — 3 answers"));
  /* One key more: no date, shown as such; the range stays. */
  {
    int position = -1;

    gtk_editable_insert_text (GTK_EDITABLE (until), "9", 1, &position);
    jm_test_spin ();
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (until)), ==, "2026-10-129");
    g_assert_true (gtk_widget_has_css_class (until, "error"));
    g_assert_nonnull (strstr (preview (dialog), "CES 3.67 — 3 answers"));
    gtk_editable_delete_text (GTK_EDITABLE (until), 10, 11);
    jm_test_spin ();
    g_assert_false (gtk_widget_has_css_class (until, "error"));
  }

  /* Numbers as the locale writes them. */
  if (setlocale (LC_NUMERIC, "it_IT.UTF-8") != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (until), "2026-10-12 ");
      jm_test_spin ();
      g_assert_nonnull (strstr (preview (dialog), "CES 3,67 — 3 answers"));
      setlocale (LC_NUMERIC, "C.UTF-8");
    }
  else
    g_test_message ("no it_IT.UTF-8 locale: the decimal comma is not seen");

  /* Apply: one undo step, with the mapping saved. */
  before = g_strdup (jm_history_get_undo_label (history));
  gtk_widget_activate (dialog_child (dialog, "apply_button"));
  jm_test_spin_for (500);
  g_assert_cmpuint (jm_history_get_n_steps (history), ==, 1);
  g_assert_cmpstr (jm_history_get_undo_label (history), ==, "Import Survey Responses");
  nps = metric_of (jm_document_find_stage (doc, "advocacy")->metrics, JM_METRIC_NPS);
  g_assert_nonnull (nps);
  /* 10, 9 and 6 in the first twelve days: (2 − 1) / 3. */
  g_assert_cmpfloat_with_epsilon (nps->value, 33.3, 0.05);
  g_assert_cmpuint (nps->sample_size, ==, 3);
  g_assert_cmpstr (nps->date, ==, "2026-10-12");
  g_assert_cmpuint (((JmLane *) jm_document_find_lane (doc, "thoughts"))->cards->len, ==, 2);
  g_assert_cmpuint (jm_document_get_surveys (doc)->len, ==, 1);

  jm_history_undo (history);
  g_assert_null (metric_of (jm_document_find_stage (doc, "advocacy")->metrics, JM_METRIC_NPS));
  g_assert_cmpuint (((JmLane *) jm_document_find_lane (doc, "thoughts"))->cards->len, ==, 0);
  g_assert_cmpuint (jm_document_get_surveys (doc)->len, ==, 0);
  jm_history_redo (history);

  /* The next export of the same survey: as saved, one click. */
  dialog = open_dialog (window, doc);
  g_assert_cmpstr (chosen (choice (dialog, NPS_Q, "target")), ==, "Stage “Advocacy”");
  g_assert_cmpstr (chosen (choice (dialog, TEXT_Q, "target")), ==, "Each answer as a card");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_widget_get_ancestor (
                              GTK_WIDGET (choice (dialog, NPS_Q, "target")), ADW_TYPE_ACTION_ROW))),
                            "as saved in the map"));
  gtk_widget_activate (dialog_child (dialog, "apply_button"));
  jm_test_spin_for (500);
  g_assert_cmpuint (jm_history_get_n_steps (history), ==, 2);
  /* All five responses now: (2 − 2) / 5. */
  g_assert_cmpfloat (metric_of (jm_document_find_stage (doc, "advocacy")->metrics, JM_METRIC_NPS)->value, ==, 0);

  jm_history_set_clean (history);
  destroy_window (window);
}

/* Cancel changes nothing. */
static void
test_import_dialog_cancel_changes_nothing (void)
{
  JmWindow *window = new_window ();
  JmDocument *doc = make_survey_map ();
  JmImportDialog *dialog;

  jm_window_set_document (window, doc, NULL);
  dialog = open_dialog (window, doc);
  choose (choice (dialog, NPS_Q, "target"), "Stage “Awareness”");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  jm_test_spin ();
  g_assert_false (jm_history_can_undo (jm_document_get_history (doc)));
  g_assert_cmpuint (jm_document_get_surveys (doc)->len, ==, 0);
  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: skipping the window tests\n");
      return 77;
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = jm_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/app/import/imports-open-as-new-unsaved-maps", test_imports_open_as_new_unsaved_maps);
  g_test_add_func ("/app/import/a-broken-import-is-refused", test_a_broken_import_is_refused_with_its_line);
  g_test_add_func ("/app/import/open-dialog-offers-every-import", test_open_dialog_offers_every_import);

  g_test_add_func ("/app/import-dialog/maps-questions-and-applies-as-one-step",
                   test_import_dialog_maps_questions_and_applies_as_one_step);
  g_test_add_func ("/app/import-dialog/cancel-changes-nothing", test_import_dialog_cancel_changes_nothing);

  return g_test_run ();
}
