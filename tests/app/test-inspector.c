/* test-inspector.c — the inspector edits through the history: fields of a
 * card, an out-of-range metric refused with the reason shown, the map's
 * title, and a rebuild after undo. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "jm-application.h"
#include "jm-inspector.h"
#include "jm-reader.h"
#include "jm-templates.h"

static void
spin (void)
{
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* The first widget of a type whose row title (or label) is `title`. */
static GtkWidget *
find_row (GtkWidget  *root,
          GType       type,
          const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type)
          && (title == NULL
              || (ADW_IS_PREFERENCES_ROW (child)
                  && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)))
        return child;
      if ((found = find_row (child, type, title)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_button_with_tooltip (GtkWidget  *root,
                          const char *tooltip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_widget_get_tooltip_text (child), tooltip) == 0)
        return child;
      if ((found = find_button_with_tooltip (child, tooltip)) != NULL)
        return found;
    }
  return NULL;
}

typedef struct {
  GtkWindow   *window;
  JmInspector *inspector;
  JmDocument  *doc;
} Fixture;

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  JmCard *card = jm_card_new ("c1", "step-1", "Sees an ad");

  f->window = GTK_WINDOW (gtk_window_new ());
  f->inspector = JM_INSPECTOR (jm_inspector_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->inspector));
  f->doc = jm_template_create (JM_TEMPLATE_CUSTOMER_EXPERIENCE);
  g_ptr_array_add (card->metrics, jm_metric_new ("m1", JM_METRIC_NPS, 10));
  jm_document_insert_card (f->doc, "lane-2", -1, card);
  jm_history_clear (jm_document_get_history (f->doc));
  jm_inspector_set_document (f->inspector, f->doc);
  gtk_window_present (f->window);
  spin ();
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  gtk_window_destroy (f->window);
  g_object_unref (f->doc);
  spin ();
}

static void
test_card_fields_are_commands (Fixture       *f,
                               gconstpointer  data)
{
  GtkWidget *channel, *mot_row, *sw;

  jm_inspector_set_target (f->inspector, JM_INSPECTOR_CARD, "c1");
  spin ();
  channel = find_row (GTK_WIDGET (f->inspector), ADW_TYPE_COMBO_ROW, "Channel");
  g_assert_nonnull (channel);
  adw_combo_row_set_selected (ADW_COMBO_ROW (channel), JM_CHANNEL_PACKAGING);
  g_assert_cmpint (jm_document_find_card (f->doc, "c1", NULL)->channel, ==, JM_CHANNEL_PACKAGING);

  mot_row = find_row (GTK_WIDGET (f->inspector), ADW_TYPE_ACTION_ROW, "Moment of truth");
  sw = find_row (mot_row, GTK_TYPE_SWITCH, NULL);
  gtk_switch_set_active (GTK_SWITCH (sw), TRUE);
  g_assert_true (jm_document_find_card (f->doc, "c1", NULL)->moment_of_truth);

  g_assert_cmpuint (jm_history_get_n_steps (jm_document_get_history (f->doc)), ==, 2);
  jm_history_undo (jm_document_get_history (f->doc));
  jm_history_undo (jm_document_get_history (f->doc));
  g_assert_cmpint (jm_document_find_card (f->doc, "c1", NULL)->channel, ==, JM_CHANNEL_NONE);
}

static void
test_out_of_range_metric_is_refused_with_a_reason (Fixture       *f,
                                                   gconstpointer  data)
{
  GtkWidget *value;
  GtkWidget *error_label;

  jm_inspector_set_target (f->inspector, JM_INSPECTOR_CARD, "c1");
  spin ();
  value = find_row (GTK_WIDGET (f->inspector), ADW_TYPE_ENTRY_ROW, "NPS value");
  g_assert_nonnull (value);
  error_label = g_object_get_data (G_OBJECT (value), "error-label");

  gtk_editable_set_text (GTK_EDITABLE (value), "140");
  g_assert_cmpfloat (jm_document_find_metric (f->doc, "m1", NULL)->value, ==, 10);
  g_assert_true (gtk_widget_has_css_class (value, "error"));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "140"));
  g_assert_false (jm_history_can_undo (jm_document_get_history (f->doc)));

  /* Decimal comma, as Italians type it. */
  gtk_editable_set_text (GTK_EDITABLE (value), "42,5");
  g_assert_cmpfloat (jm_document_find_metric (f->doc, "m1", NULL)->value, ==, 42.5);
  g_assert_false (gtk_widget_has_css_class (value, "error"));
  g_assert_false (gtk_widget_get_visible (error_label));
}

static void
test_map_title_and_rebuild_after_undo (Fixture       *f,
                                       gconstpointer  data)
{
  GtkWidget *title = find_row (GTK_WIDGET (f->inspector), ADW_TYPE_ENTRY_ROW, "Title");

  g_assert_nonnull (title);
  gtk_editable_set_text (GTK_EDITABLE (title), "Flat tyre");
  g_assert_cmpstr (jm_document_get_title (f->doc), ==, "Flat tyre");

  jm_history_undo (jm_document_get_history (f->doc));
  spin ();
  title = find_row (GTK_WIDGET (f->inspector), ADW_TYPE_ENTRY_ROW, "Title");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, jm_document_get_title (f->doc));
}

static void
test_stage_and_lane_targets (Fixture       *f,
                             gconstpointer  data)
{
  GtkWidget *row;

  jm_inspector_set_target (f->inspector, JM_INSPECTOR_STAGE, "stage-2");
  spin ();
  row = find_row (GTK_WIDGET (f->inspector), ADW_TYPE_ENTRY_ROW, "Name");
  gtk_editable_set_text (GTK_EDITABLE (row), "Evaluation");
  g_assert_cmpstr (jm_document_find_stage (f->doc, "stage-2")->name, ==, "Evaluation");

  jm_inspector_set_target (f->inspector, JM_INSPECTOR_LANE, "lane-1");
  spin ();
  row = find_row (GTK_WIDGET (f->inspector), ADW_TYPE_COMBO_ROW, "Kind");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), JM_LANE_BACKSTAGE);
  g_assert_cmpint (jm_document_find_lane (f->doc, "lane-1")->kind, ==, JM_LANE_BACKSTAGE);
  g_assert_cmpint (jm_inspector_get_target (f->inspector), ==, JM_INSPECTOR_LANE);
}

static void
test_persona_fields_lists_and_photo (Fixture       *f,
                                     gconstpointer  data)
{
  JmPersona *persona;
  GtkWidget *row;
  g_autofree char *dir = g_dir_make_tmp ("jm-photo-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "photo.png", NULL);
  g_autoptr(GBytes) photo = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GInputStream) stream = NULL;

  jm_inspector_set_target (f->inspector, JM_INSPECTOR_PERSONA, "persona-1");
  spin ();
  row = find_row (GTK_WIDGET (f->inspector), ADW_TYPE_ENTRY_ROW, "Name");
  gtk_editable_set_text (GTK_EDITABLE (row), "Giulia");
  row = find_row (GTK_WIDGET (f->inspector), ADW_TYPE_ENTRY_ROW, "Occupation");
  gtk_editable_set_text (GTK_EDITABLE (row), "Architect");
  persona = jm_document_find_persona (f->doc, "persona-1");
  g_assert_cmpstr (persona->name, ==, "Giulia");
  g_assert_cmpstr (persona->occupation, ==, "Architect");

  /* Lists are edited as lists: add an item, type it, add another, remove the first. */
  {
    GtkWidget *goals = NULL;

    for (GtkWidget *w = find_row (GTK_WIDGET (f->inspector), ADW_TYPE_PREFERENCES_GROUP, NULL); w; w = gtk_widget_get_next_sibling (w))
      if (ADW_IS_PREFERENCES_GROUP (w) && g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (w)), "Goals") == 0)
        goals = w;
    g_assert_nonnull (goals);
    g_signal_emit_by_name (adw_preferences_group_get_header_suffix (ADW_PREFERENCES_GROUP (goals)), "clicked");
  }
  spin ();
  persona = jm_document_find_persona (f->doc, "persona-1");
  g_assert_cmpuint (g_strv_length (persona->goals), ==, 1);
  row = find_row (GTK_WIDGET (f->inspector), ADW_TYPE_ENTRY_ROW, "Goals 1");
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "Ride to work");
  persona = jm_document_find_persona (f->doc, "persona-1");
  g_assert_cmpstr (persona->goals[0], ==, "Ride to work");

  /* A photo: the middle square, at most 256 pixels, as PNG. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 600, 400);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  photo = jm_inspector_load_photo (path, &error);
  g_assert_no_error (error);
  stream = g_memory_input_stream_new_from_bytes (photo);
  pixbuf = gdk_pixbuf_new_from_stream (stream, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 256);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, 256);
  g_assert_null (jm_inspector_load_photo ("/nonexistent.png", NULL));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_personas_are_added_opened_and_removed (Fixture       *f,
                                            gconstpointer  data)
{
  GtkWidget *personas = NULL, *row;
  JmHistory *history = jm_document_get_history (f->doc);

  for (GtkWidget *w = find_row (GTK_WIDGET (f->inspector), ADW_TYPE_PREFERENCES_GROUP, NULL); w; w = gtk_widget_get_next_sibling (w))
    if (ADW_IS_PREFERENCES_GROUP (w) && g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (w)), "Personas") == 0)
      personas = w;
  g_assert_nonnull (personas);

  g_signal_emit_by_name (gtk_widget_get_first_child (adw_preferences_group_get_header_suffix (ADW_PREFERENCES_GROUP (personas))), "clicked");
  spin ();
  g_assert_cmpuint (jm_document_get_personas (f->doc)->len, ==, 2);
  g_assert_cmpint (jm_inspector_get_target (f->inspector), ==, JM_INSPECTOR_PERSONA);

  /* Back on the map's page, the new persona is listed and can be removed. */
  jm_inspector_set_target (f->inspector, JM_INSPECTOR_MAP, NULL);
  spin ();
  row = find_row (GTK_WIDGET (f->inspector), ADW_TYPE_ACTION_ROW, "New persona");
  g_assert_nonnull (row);
  {
    GtkWidget *remove = find_button_with_tooltip (row, "Remove the Persona");
    GtkWidget *focus;

    /* As when the user tabs to the button and presses it. */
    g_assert_true (gtk_widget_grab_focus (remove));
    g_signal_emit_by_name (remove, "clicked");
    spin ();
    g_assert_cmpuint (jm_document_get_personas (f->doc)->len, ==, 1);
    /* The focus did not land in the title, where typing would replace it. */
    focus = gtk_root_get_focus (GTK_ROOT (f->window));
    g_assert_true (focus == NULL || !GTK_IS_EDITABLE (focus));
  }
  jm_history_undo (history);
  g_assert_cmpuint (jm_document_get_personas (f->doc)->len, ==, 2);
}

static GtkWidget *
find_group (JmInspector *inspector,
            const char  *title)
{
  for (GtkWidget *w = find_row (GTK_WIDGET (inspector), ADW_TYPE_PREFERENCES_GROUP, NULL); w; w = gtk_widget_get_next_sibling (w))
    if (ADW_IS_PREFERENCES_GROUP (w) && g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (w)), title) == 0)
      return w;
  return NULL;
}

/* The "add a metric" menu's item for a kind. */
static GtkWidget *
find_add_metric_item (GtkWidget   *root,
                      JmMetricKind kind)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_object_get_data (G_OBJECT (child), "kind") == GUINT_TO_POINTER (kind)
          && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), jm_metric_kind_get_label (kind)) == 0)
        return child;
      if ((found = find_add_metric_item (child, kind)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_stage_metrics_are_added_and_edited (Fixture       *f,
                                         gconstpointer  data)
{
  GtkWidget *metrics, *menu, *item, *row;
  JmHistory *history = jm_document_get_history (f->doc);
  JmStage *stage;
  JmMetric *m;

  jm_inspector_set_target (f->inspector, JM_INSPECTOR_STAGE, "stage-2");
  spin ();
  metrics = find_group (f->inspector, "Metrics");
  g_assert_nonnull (metrics);
  menu = adw_preferences_group_get_header_suffix (ADW_PREFERENCES_GROUP (metrics));
  item = find_add_metric_item (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu))), JM_METRIC_CSAT);
  g_assert_nonnull (item);
  g_signal_emit_by_name (item, "clicked");
  spin ();

  stage = jm_document_find_stage (f->doc, "stage-2");
  g_assert_cmpuint (stage->metrics->len, ==, 1);
  m = g_ptr_array_index (stage->metrics, 0);
  g_assert_cmpint (m->kind, ==, JM_METRIC_CSAT);
  g_assert_true (jm_date_is_valid (m->date));   /* dated today */

  row = find_row (GTK_WIDGET (f->inspector), ADW_TYPE_ENTRY_ROW, "CSAT value");
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "7");
  gtk_editable_set_text (GTK_EDITABLE (row), "78");      /* typing merges */
  row = find_row (GTK_WIDGET (f->inspector), ADW_TYPE_ENTRY_ROW, "CSAT target");
  gtk_editable_set_text (GTK_EDITABLE (row), "85,5");
  row = find_row (GTK_WIDGET (f->inspector), ADW_TYPE_ENTRY_ROW, "Sample size");
  gtk_editable_set_text (GTK_EDITABLE (row), "120");
  row = find_row (GTK_WIDGET (f->inspector), ADW_TYPE_ENTRY_ROW, "Date (YYYY-MM-DD)");
  gtk_editable_set_text (GTK_EDITABLE (row), "2026-10-01");

  m = g_ptr_array_index (jm_document_find_stage (f->doc, "stage-2")->metrics, 0);
  g_assert_cmpfloat (m->value, ==, 78);
  g_assert_true (m->has_target);
  g_assert_cmpfloat (m->target, ==, 85.5);
  g_assert_cmpuint (m->sample_size, ==, 120);
  g_assert_cmpstr (m->date, ==, "2026-10-01");
  /* add, value, target, sample size, date: five steps, the two values as one */
  g_assert_cmpuint (jm_history_get_n_steps (history), ==, 5);

  jm_history_undo (history);
  m = g_ptr_array_index (jm_document_find_stage (f->doc, "stage-2")->metrics, 0);
  g_assert_cmpstr (m->date, !=, "2026-10-01");
  g_assert_cmpuint (m->sample_size, ==, 120);
}

static void
test_bad_sample_size_and_date_are_refused (Fixture       *f,
                                           gconstpointer  data)
{
  GtkWidget *row, *error_label;
  JmMetric *m;

  jm_inspector_set_target (f->inspector, JM_INSPECTOR_CARD, "c1");
  spin ();
  row = find_row (GTK_WIDGET (f->inspector), ADW_TYPE_ENTRY_ROW, "Sample size");
  g_assert_nonnull (row);
  error_label = g_object_get_data (G_OBJECT (row), "error-label");

  gtk_editable_set_text (GTK_EDITABLE (row), "12.5");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "12.5"));
  gtk_editable_set_text (GTK_EDITABLE (row), "40");
  g_assert_false (gtk_widget_get_visible (error_label));

  row = find_row (GTK_WIDGET (f->inspector), ADW_TYPE_ENTRY_ROW, "Date (YYYY-MM-DD)");
  gtk_editable_set_text (GTK_EDITABLE (row), "2026-02-30");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "2026-02-30"));

  m = jm_document_find_metric (f->doc, "m1", NULL);
  g_assert_cmpuint (m->sample_size, ==, 40);
  g_assert_null (m->date);
}

static void
test_target_tolerance_is_set_on_the_map_page (Fixture       *f,
                                              gconstpointer  data)
{
  GtkWidget *row = find_row (GTK_WIDGET (f->inspector), ADW_TYPE_ACTION_ROW, "Target tolerance (%)");
  GtkWidget *button;

  g_assert_nonnull (row);
  button = find_row (row, GTK_TYPE_SPIN_BUTTON, NULL);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (button)), ==, 10);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (button), 15);
  g_assert_cmpfloat (jm_document_get_metric_tolerance (f->doc), ==, 15);
  jm_history_undo (jm_document_get_history (f->doc));
  g_assert_cmpfloat (jm_document_get_metric_tolerance (f->doc), ==, 10);
}

static void
test_personas_are_copied_pasted_and_imported (Fixture       *f,
                                              gconstpointer  data)
{
  JmHistory *history = jm_document_get_history (f->doc);
  g_autofree char *example = g_build_filename (JM_TEST_SRCDIR, "..", "data", "examples",
                                               "bike-shop-vs-food-delivery.journey", NULL);
  g_autoptr(JmDocument) other = jm_reader_load_path (example, NULL, NULL);
  g_autoptr(GError) error = NULL;
  GPtrArray *personas = jm_document_get_personas (f->doc);
  GtkWidget *row, *copy;
  JmPersona *first = g_ptr_array_index (personas, 0);
  const char *first_other_id;

  /* Copy from the persona's row, paste through the action, as a user would. */
  row = find_row (GTK_WIDGET (f->inspector), ADW_TYPE_ACTION_ROW, first->name);
  g_assert_nonnull (row);
  copy = find_button_with_tooltip (row, "Copy the Persona");
  g_assert_nonnull (copy);
  g_signal_emit_by_name (copy, "clicked");
  spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->inspector), "inspector.paste-persona", NULL));
  for (guint i = 0; i < 300 && personas->len < 2; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  g_assert_cmpuint (personas->len, ==, 2);
  g_assert_cmpstr (((JmPersona *) g_ptr_array_index (personas, 1))->name, ==, first->name);
  g_assert_cmpstr (((JmPersona *) g_ptr_array_index (personas, 1))->id, !=, first->id);
  g_assert_cmpint (jm_inspector_get_target (f->inspector), ==, JM_INSPECTOR_PERSONA);
  g_assert_cmpstr (jm_history_get_undo_label (history), ==, "Paste Persona");

  /* Import from another map: all of its personas, or the ones chosen. */
  g_assert_nonnull (other);
  g_assert_cmpuint (jm_document_get_personas (other)->len, >=, 2);
  first_other_id = ((JmPersona *) g_ptr_array_index (jm_document_get_personas (other), 0))->id;
  g_assert_true (jm_inspector_import_personas (f->inspector, example,
                                               (const char * const[]) { first_other_id, NULL }, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (personas->len, ==, 3);
  g_assert_cmpstr (((JmPersona *) g_ptr_array_index (personas, 2))->name, ==,
                   ((JmPersona *) g_ptr_array_index (jm_document_get_personas (other), 0))->name);
  g_assert_true (jm_inspector_import_personas (f->inspector, example, NULL, &error));
  g_assert_cmpuint (personas->len, ==, 3 + jm_document_get_personas (other)->len);
  jm_history_undo (history);
  g_assert_cmpuint (personas->len, ==, 3);

  /* A file that is not a map: an error naming it, nothing added. */
  g_assert_false (jm_inspector_import_personas (f->inspector, "/nonexistent/map.journey", NULL, &error));
  g_assert_nonnull (strstr (error->message, "/nonexistent/map.journey"));
  g_assert_cmpuint (personas->len, ==, 3);
}

static GtkWidget *
find_check (GtkWidget  *root,
            const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_CHECK_BUTTON (child) && g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (child)), label) == 0)
        return child;
      if ((found = find_check (child, label)) != NULL)
        return found;
    }
  return NULL;
}

/* Scoping a card to personas goes through the history, and ticking every
 * persona again means "everyone". */
static void
test_card_scope_to_personas_is_undoable (Fixture       *f,
                                        gconstpointer  data)
{
  JmHistory *history = jm_document_get_history (f->doc);
  JmPersona *first = g_ptr_array_index (jm_document_get_personas (f->doc), 0);
  g_autofree char *first_id = g_strdup (first->id);
  g_autofree char *first_name = g_strdup (first->name);
  JmCard *card;
  GtkWidget *check;

  jm_document_insert_persona (f->doc, -1, jm_persona_new ("p-second", "Second persona"));
  jm_history_clear (history);
  jm_inspector_set_target (f->inspector, JM_INSPECTOR_CARD, "c1");
  spin ();

  check = find_check (GTK_WIDGET (f->inspector), "Second persona");
  g_assert_nonnull (check);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  card = jm_document_find_card (f->doc, "c1", NULL);
  g_assert_nonnull (card->personas);
  g_assert_cmpstr (card->personas[0], ==, first_id);
  g_assert_null (card->personas[1]);
  g_assert_false (jm_card_applies_to (card, "p-second"));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_null (jm_document_find_card (f->doc, "c1", NULL)->personas);

  jm_history_undo (history);
  card = jm_document_find_card (f->doc, "c1", NULL);
  g_assert_nonnull (card->personas);
  g_assert_true (jm_card_applies_to (card, first_id));
  jm_history_undo (history);
  g_assert_null (jm_document_find_card (f->doc, "c1", NULL)->personas);
  g_assert_nonnull (find_check (GTK_WIDGET (f->inspector), first_name));
}

int
main (int   argc,
      char *argv[])
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: skipping the inspector tests\n");
      return 77;
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/app/inspector/card-fields-are-commands", Fixture, NULL, set_up, test_card_fields_are_commands, tear_down);
  g_test_add ("/app/inspector/out-of-range-metric-refused-with-reason", Fixture, NULL, set_up,
              test_out_of_range_metric_is_refused_with_a_reason, tear_down);
  g_test_add ("/app/inspector/map-title-and-rebuild-after-undo", Fixture, NULL, set_up,
              test_map_title_and_rebuild_after_undo, tear_down);
  g_test_add ("/app/inspector/stage-and-lane-targets", Fixture, NULL, set_up, test_stage_and_lane_targets, tear_down);
  g_test_add ("/app/inspector/personas-are-added-opened-and-removed", Fixture, NULL, set_up,
              test_personas_are_added_opened_and_removed, tear_down);
  g_test_add ("/app/inspector/stage-metrics-are-added-and-edited", Fixture, NULL, set_up,
              test_stage_metrics_are_added_and_edited, tear_down);
  g_test_add ("/app/inspector/bad-sample-size-and-date-are-refused", Fixture, NULL, set_up,
              test_bad_sample_size_and_date_are_refused, tear_down);
  g_test_add ("/app/inspector/target-tolerance-is-set-on-the-map-page", Fixture, NULL, set_up,
              test_target_tolerance_is_set_on_the_map_page, tear_down);
  g_test_add ("/app/inspector/personas-are-copied-pasted-and-imported", Fixture, NULL, set_up,
              test_personas_are_copied_pasted_and_imported, tear_down);
  g_test_add ("/app/inspector/card-scope-to-personas-is-undoable", Fixture, NULL, set_up,
              test_card_scope_to_personas_is_undoable, tear_down);
  g_test_add ("/app/inspector/persona-fields-lists-and-photo", Fixture, NULL, set_up,
              test_persona_fields_lists_and_photo, tear_down);

  return g_test_run ();
}
