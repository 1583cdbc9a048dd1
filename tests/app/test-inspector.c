/* test-inspector.c — the inspector follows a JmSelection and edits through
 * the history: a page for each kind of object, never blank and never
 * showing a deleted object, through undo and redo; keyboard paths in its
 * choice lists, persona lists and back button; numbers typed and shown as
 * the locale writes them ("/app/inspector/italian/…" runs in Italian). */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "jm-inspector.h"
#include "jm-inspector-choice-row.h"
#include "jm-inspector-emotion-row.h"
#include "jm-inspector-list-group.h"
#include "jm-inspector-metric-row.h"
#include "jm-inspector-persona-page.h"
#include "jm-inspector-stage-page.h"
#include "jm-inspector-step-page.h"
#include "jm-inspector-text-area.h"
#include "jm-palette.h"
#include "jm-reader.h"
#include "jm-templates.h"
#include "jm-test-utils.h"
#include "jm-writer.h"
#include "journey-maps-resources.h"

typedef struct {
  GtkWindow   *window;
  JmInspector *inspector;
  JmDocument  *doc;
  JmSelection *selection;
} Fixture;

/* ---- finding widgets on the page shown ---- */

static GtkWidget *
page_of (Fixture *f)
{
  return jm_inspector_get_page (f->inspector);
}

/* The first shown widget of a type whose row title is `title` (any, for
 * NULL). */
static GtkWidget *
find_row (GtkWidget  *root,
          GType       type,
          const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_visible (child))
        continue;
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
row_on_page (Fixture    *f,
             GType       type,
             const char *title)
{
  GtkWidget *row = find_row (page_of (f), type, title);

  if (row == NULL)
    g_error ("no “%s” row on the page shown", title);
  return row;
}

static GtkWidget *
find_group (GtkWidget  *root,
            const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_PREFERENCES_GROUP (child)
          && g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (child)), title) == 0)
        return child;
      if ((found = find_group (child, title)) != NULL)
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

static const char *
entry_text (Fixture    *f,
            const char *title)
{
  return gtk_editable_get_text (GTK_EDITABLE (row_on_page (f, ADW_TYPE_ENTRY_ROW, title)));
}

/* The page shown is a real page showing an object the document has. */
static void
assert_shows_existing (Fixture *f)
{
  GtkWidget *page = page_of (f);
  const JmFocus *focus;

  g_assert_nonnull (page);
  if (jm_inspector_get_target (f->inspector) == JM_INSPECTOR_CARDS)
    {
      g_assert_cmpuint (jm_selection_get_cards (f->selection)->len, >, 1);
      return;
    }
  g_assert_true (JM_IS_INSPECTOR_PAGE (page));
  focus = jm_inspector_page_get_focus (JM_INSPECTOR_PAGE (page));
  switch (jm_inspector_get_target (f->inspector))
    {
    case JM_INSPECTOR_PERSONA:
      g_assert_nonnull (jm_document_find_persona (f->doc, focus->id));
      g_assert_cmpstr (entry_text (f, "Name"), ==, jm_document_find_persona (f->doc, focus->id)->name);
      break;
    case JM_INSPECTOR_STAGE:
      g_assert_nonnull (jm_document_find_stage (f->doc, focus->id));
      g_assert_cmpstr (entry_text (f, "Name"), ==, jm_document_find_stage (f->doc, focus->id)->name);
      break;
    case JM_INSPECTOR_STEP:
      g_assert_nonnull (jm_document_find_step (f->doc, focus->step_id));
      g_assert_cmpstr (entry_text (f, "Name"), ==, jm_document_find_step (f->doc, focus->step_id)->name);
      break;
    case JM_INSPECTOR_LANE:
      g_assert_nonnull (jm_document_find_lane (f->doc, focus->id));
      g_assert_cmpstr (entry_text (f, "Title"), ==, jm_document_find_lane (f->doc, focus->id)->title);
      break;
    case JM_INSPECTOR_CARD:
      {
        JmCard *card = jm_document_find_card (f->doc, focus->id, NULL);
        g_autofree char *text = NULL;

        g_assert_nonnull (card);
        text = jm_inspector_text_area_get_text (JM_INSPECTOR_TEXT_AREA (find_row (page, JM_TYPE_INSPECTOR_TEXT_AREA,
                                                                                    NULL)));
        g_assert_cmpstr (text, ==, card->text);
        break;
      }
    case JM_INSPECTOR_MAP:
    case JM_INSPECTOR_CARDS:
    default:
      g_assert_cmpstr (entry_text (f, "Title"), ==, jm_document_get_title (f->doc));
      break;
    }
}

/* ---- fixture ---- */

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  JmCard *card = jm_card_new ("c1", "step-1", "Sees an ad");

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 360, 700);
  f->inspector = JM_INSPECTOR (jm_inspector_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->inspector));
  f->doc = jm_template_create (JM_TEMPLATE_CUSTOMER_EXPERIENCE);
  g_ptr_array_add (card->metrics, jm_metric_new ("m1", JM_METRIC_NPS, 10));
  jm_document_insert_card (f->doc, "lane-2", -1, card);
  jm_history_clear (jm_document_get_history (f->doc));
  f->selection = jm_selection_new (f->doc);
  jm_inspector_set_selection (f->inspector, f->selection);
  gtk_window_present (f->window);
  jm_test_spin ();
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  gtk_window_destroy (f->window);
  g_object_unref (f->selection);
  g_object_unref (f->doc);
  jm_test_spin ();
}

static void
focus_object (Fixture     *f,
              JmFocusKind  kind,
              const char  *id)
{
  jm_selection_focus_object (f->selection, kind, id);
  jm_test_spin ();
}

static void
focus_card (Fixture    *f,
            const char *id)
{
  jm_selection_focus_card (f->selection, id, FALSE);
  jm_test_spin ();
}

/* ---- editing ---- */

static void
test_card_fields_are_commands (Fixture       *f,
                               gconstpointer  data)
{
  GtkWidget *channel, *mot_row, *sw;

  focus_card (f, "c1");
  g_assert_cmpint (jm_inspector_get_target (f->inspector), ==, JM_INSPECTOR_CARD);
  channel = row_on_page (f, JM_TYPE_INSPECTOR_CHOICE_ROW, "Channel");
  jm_inspector_choice_row_set_selected (JM_INSPECTOR_CHOICE_ROW (channel), JM_CHANNEL_PACKAGING);
  g_assert_cmpint (jm_document_find_card (f->doc, "c1", NULL)->channel, ==, JM_CHANNEL_PACKAGING);

  mot_row = row_on_page (f, ADW_TYPE_ACTION_ROW, "Moment of truth");
  sw = find_row (mot_row, GTK_TYPE_SWITCH, NULL);
  gtk_switch_set_active (GTK_SWITCH (sw), TRUE);
  g_assert_true (jm_document_find_card (f->doc, "c1", NULL)->moment_of_truth);

  g_assert_cmpuint (jm_history_get_n_steps (jm_document_get_history (f->doc)), ==, 2);
  jm_history_undo (jm_document_get_history (f->doc));
  jm_history_undo (jm_document_get_history (f->doc));
  g_assert_cmpint (jm_document_find_card (f->doc, "c1", NULL)->channel, ==, JM_CHANNEL_NONE);
  jm_test_spin ();
  g_assert_cmpuint (jm_inspector_choice_row_get_selected (JM_INSPECTOR_CHOICE_ROW (channel)), ==, JM_CHANNEL_NONE);
}

static GtkWidget *
error_label_of (GtkWidget *field)
{
  return jm_inspector_metric_row_get_error_label (JM_INSPECTOR_METRIC_ROW (gtk_widget_get_ancestor (
    field, JM_TYPE_INSPECTOR_METRIC_ROW)));
}

static void
test_out_of_range_metric_is_refused_with_a_reason (Fixture       *f,
                                                   gconstpointer  data)
{
  GtkWidget *value, *error_label;

  focus_card (f, "c1");
  value = row_on_page (f, ADW_TYPE_ENTRY_ROW, "NPS value");
  error_label = error_label_of (value);

  gtk_editable_set_text (GTK_EDITABLE (value), "140");
  g_assert_cmpfloat (jm_document_find_metric (f->doc, "m1", NULL)->value, ==, 10);
  g_assert_true (gtk_widget_has_css_class (value, "error"));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "140"));
  g_assert_false (jm_history_can_undo (jm_document_get_history (f->doc)));

  /* Decimal comma, as Italians type it, whatever the locale. */
  gtk_editable_set_text (GTK_EDITABLE (value), "42,5");
  g_assert_cmpfloat (jm_document_find_metric (f->doc, "m1", NULL)->value, ==, 42.5);
  g_assert_false (gtk_widget_has_css_class (value, "error"));
  g_assert_false (gtk_widget_get_visible (error_label));
}

static void
test_map_title_and_refresh_after_undo (Fixture       *f,
                                       gconstpointer  data)
{
  GtkWidget *title = row_on_page (f, ADW_TYPE_ENTRY_ROW, "Title");

  gtk_editable_set_text (GTK_EDITABLE (title), "Flat tyre");
  g_assert_cmpstr (jm_document_get_title (f->doc), ==, "Flat tyre");

  jm_history_undo (jm_document_get_history (f->doc));
  jm_test_spin ();
  g_assert_cmpstr (entry_text (f, "Title"), ==, jm_document_get_title (f->doc));
  g_assert_cmpstr (entry_text (f, "Title"), !=, "Flat tyre");
}

static void
test_stage_step_and_lane_pages (Fixture       *f,
                                gconstpointer  data)
{
  GtkWidget *row;

  focus_object (f, JM_FOCUS_STAGE, "stage-2");
  g_assert_cmpint (jm_inspector_get_target (f->inspector), ==, JM_INSPECTOR_STAGE);
  gtk_editable_set_text (GTK_EDITABLE (row_on_page (f, ADW_TYPE_ENTRY_ROW, "Name")), "Evaluation");
  g_assert_cmpstr (jm_document_find_stage (f->doc, "stage-2")->name, ==, "Evaluation");

  focus_object (f, JM_FOCUS_STEP, "step-3");
  g_assert_cmpint (jm_inspector_get_target (f->inspector), ==, JM_INSPECTOR_STEP);
  g_assert_cmpstr (entry_text (f, "Name"), ==, "Compares options");
  gtk_editable_set_text (GTK_EDITABLE (row_on_page (f, ADW_TYPE_ENTRY_ROW, "Name")), "Compares prices");
  g_assert_cmpstr (jm_document_find_step (f->doc, "step-3")->name, ==, "Compares prices");

  focus_object (f, JM_FOCUS_LANE, "lane-1");
  g_assert_cmpint (jm_inspector_get_target (f->inspector), ==, JM_INSPECTOR_LANE);
  row = row_on_page (f, JM_TYPE_INSPECTOR_CHOICE_ROW, "Kind");
  jm_inspector_choice_row_set_selected (JM_INSPECTOR_CHOICE_ROW (row), JM_LANE_BACKSTAGE);
  g_assert_cmpint (jm_document_find_lane (f->doc, "lane-1")->kind, ==, JM_LANE_BACKSTAGE);
  gtk_editable_set_text (GTK_EDITABLE (row_on_page (f, ADW_TYPE_ENTRY_ROW, "Title")), "Behind the counter");
  g_assert_cmpstr (jm_document_find_lane (f->doc, "lane-1")->title, ==, "Behind the counter");
  g_assert_cmpint (jm_document_find_lane (f->doc, "lane-1")->kind, ==, JM_LANE_BACKSTAGE);
}

static void
test_persona_fields_lists_and_photo (Fixture       *f,
                                     gconstpointer  data)
{
  JmPersona *persona;
  GtkWidget *goals, *row;
  g_autofree char *dir = g_dir_make_tmp ("jm-photo-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "photo.png", NULL);
  g_autoptr(GBytes) photo = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GInputStream) stream = NULL;

  focus_object (f, JM_FOCUS_PERSONA, "persona-1");
  gtk_editable_set_text (GTK_EDITABLE (row_on_page (f, ADW_TYPE_ENTRY_ROW, "Name")), "Giulia");
  gtk_editable_set_text (GTK_EDITABLE (row_on_page (f, ADW_TYPE_ENTRY_ROW, "Occupation")), "Architect");
  persona = jm_document_find_persona (f->doc, "persona-1");
  g_assert_cmpstr (persona->name, ==, "Giulia");
  g_assert_cmpstr (persona->occupation, ==, "Architect");

  /* Lists are edited as lists: add an item, type it. */
  goals = find_group (page_of (f), "Goals");
  g_assert_nonnull (goals);
  g_signal_emit_by_name (jm_inspector_list_group_get_add_button (JM_INSPECTOR_LIST_GROUP (goals)), "clicked");
  jm_test_spin ();
  persona = jm_document_find_persona (f->doc, "persona-1");
  g_assert_cmpuint (g_strv_length (persona->goals), ==, 1);
  row = row_on_page (f, ADW_TYPE_ENTRY_ROW, "Goals 1");
  gtk_editable_set_text (GTK_EDITABLE (row), "Ride to work");
  persona = jm_document_find_persona (f->doc, "persona-1");
  g_assert_cmpstr (persona->goals[0], ==, "Ride to work");
  /* Add, then typing: two steps. */
  jm_history_undo (jm_document_get_history (f->doc));
  g_assert_cmpstr (jm_document_find_persona (f->doc, "persona-1")->goals[0], ==, "");

  /* Preferred channels. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_check (page_of (f), jm_channel_get_label (JM_CHANNEL_PHONE))),
                               TRUE);
  persona = jm_document_find_persona (f->doc, "persona-1");
  g_assert_cmpuint (persona->channels->len, ==, 1);
  g_assert_cmpint (g_array_index (persona->channels, JmChannel, 0), ==, JM_CHANNEL_PHONE);

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
  GtkWidget *personas, *row;
  JmHistory *history = jm_document_get_history (f->doc);

  personas = find_group (page_of (f), "Personas");
  g_assert_nonnull (personas);
  g_signal_emit_by_name (find_button_with_tooltip (personas, "Add a Persona"), "clicked");
  jm_test_spin ();
  g_assert_cmpuint (jm_document_get_personas (f->doc)->len, ==, 2);
  g_assert_cmpint (jm_inspector_get_target (f->inspector), ==, JM_INSPECTOR_PERSONA);
  g_assert_cmpstr (entry_text (f, "Name"), ==, "New persona");

  /* Back on the map's page, the new persona is listed, opens, and can be removed. */
  g_assert_true (gtk_widget_activate_action (page_of (f), "inspector.back", NULL));
  jm_test_spin ();
  g_assert_cmpint (jm_inspector_get_target (f->inspector), ==, JM_INSPECTOR_MAP);
  row = row_on_page (f, ADW_TYPE_ACTION_ROW, "New persona");
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  gtk_widget_activate (row);
  jm_test_spin ();
  g_assert_cmpint (jm_inspector_get_target (f->inspector), ==, JM_INSPECTOR_PERSONA);
  g_assert_cmpstr (entry_text (f, "Name"), ==, "New persona");
  g_assert_true (gtk_widget_activate_action (page_of (f), "inspector.back", NULL));
  jm_test_spin ();

  row = row_on_page (f, ADW_TYPE_ACTION_ROW, "New persona");
  {
    GtkWidget *remove = find_button_with_tooltip (row, "Remove the Persona");
    GtkWidget *focus;

    /* As when the user tabs to the button and presses it. */
    g_assert_true (gtk_widget_grab_focus (remove));
    g_signal_emit_by_name (remove, "clicked");
    jm_test_spin ();
    g_assert_cmpuint (jm_document_get_personas (f->doc)->len, ==, 1);
    g_assert_null (find_row (page_of (f), ADW_TYPE_ACTION_ROW, "New persona"));
    /* The focus did not land in the title, where typing would replace it. */
    focus = gtk_root_get_focus (GTK_ROOT (f->window));
    g_assert_true (focus == NULL || !GTK_IS_EDITABLE (focus));
  }
  /* The last persona stays. */
  row = row_on_page (f, ADW_TYPE_ACTION_ROW, jm_document_find_persona (f->doc, "persona-1")->name);
  g_assert_false (gtk_widget_get_sensitive (find_button_with_tooltip (row, "Remove the Persona")));
  jm_history_undo (history);
  g_assert_cmpuint (jm_document_get_personas (f->doc)->len, ==, 2);
}

static void
test_stage_metrics_are_added_and_edited (Fixture       *f,
                                         gconstpointer  data)
{
  GtkWidget *metrics, *row;
  JmHistory *history = jm_document_get_history (f->doc);
  JmStage *stage;
  JmMetric *m;

  focus_object (f, JM_FOCUS_STAGE, "stage-2");
  metrics = find_group (page_of (f), "Metrics");
  g_assert_nonnull (metrics);
  g_assert_true (gtk_widget_activate_action (metrics, "metrics.add", "u", JM_METRIC_CSAT));
  jm_test_spin ();

  stage = jm_document_find_stage (f->doc, "stage-2");
  g_assert_cmpuint (stage->metrics->len, ==, 1);
  m = g_ptr_array_index (stage->metrics, 0);
  g_assert_cmpint (m->kind, ==, JM_METRIC_CSAT);
  g_assert_true (jm_date_is_valid (m->date));   /* dated today */

  row = row_on_page (f, ADW_TYPE_ENTRY_ROW, "CSAT value");
  gtk_editable_set_text (GTK_EDITABLE (row), "7");
  gtk_editable_set_text (GTK_EDITABLE (row), "78");      /* typing merges */
  gtk_editable_set_text (GTK_EDITABLE (row_on_page (f, ADW_TYPE_ENTRY_ROW, "CSAT target")), "85,5");
  gtk_editable_set_text (GTK_EDITABLE (row_on_page (f, ADW_TYPE_ENTRY_ROW, "Sample size")), "120");
  gtk_editable_set_text (GTK_EDITABLE (row_on_page (f, ADW_TYPE_ENTRY_ROW, "Date (YYYY-MM-DD)")), "2026-10-01");

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
  jm_test_spin ();
  g_assert_cmpstr (entry_text (f, "Date (YYYY-MM-DD)"), ==, m->date);

  /* Removed from its row's button, and back with undo. */
  g_signal_emit_by_name (find_button_with_tooltip (page_of (f), "Remove the Metric"), "clicked");
  jm_test_spin ();
  g_assert_cmpuint (jm_document_find_stage (f->doc, "stage-2")->metrics->len, ==, 0);
  g_assert_null (find_row (page_of (f), ADW_TYPE_ENTRY_ROW, "CSAT value"));
  jm_history_undo (history);
  jm_test_spin ();
  g_assert_nonnull (find_row (page_of (f), ADW_TYPE_ENTRY_ROW, "CSAT value"));

  /* A custom metric: its name, unit and direction too. */
  g_assert_true (gtk_widget_activate_action (metrics, "metrics.add", "u", JM_METRIC_CUSTOM));
  jm_test_spin ();
  row = find_row (page_of (f), JM_TYPE_INSPECTOR_METRIC_ROW, "Custom metric");
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (find_row (row, ADW_TYPE_ENTRY_ROW, "Name")), "Waiting time");
  gtk_editable_set_text (GTK_EDITABLE (find_row (row, ADW_TYPE_ENTRY_ROW, "Unit")), "min");
  jm_inspector_choice_row_set_selected (JM_INSPECTOR_CHOICE_ROW (find_row (row, JM_TYPE_INSPECTOR_CHOICE_ROW,
                                                                           "Direction")), 1);
  gtk_editable_set_text (GTK_EDITABLE (find_row (row, ADW_TYPE_ENTRY_ROW, "Waiting time value")), "12,5");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Waiting time");
  g_assert_cmpstr (jm_document_find_stage (f->doc, "stage-2")->name, ==, "Consideration");
  m = g_ptr_array_index (jm_document_find_stage (f->doc, "stage-2")->metrics, 1);
  g_assert_cmpint (m->kind, ==, JM_METRIC_CUSTOM);
  g_assert_cmpstr (m->name, ==, "Waiting time");
  g_assert_cmpstr (m->unit, ==, "min");
  g_assert_false (m->higher_is_better);
  g_assert_cmpfloat (m->value, ==, 12.5);
}

static void
test_bad_sample_size_and_date_are_refused (Fixture       *f,
                                           gconstpointer  data)
{
  GtkWidget *row, *error_label;
  JmMetric *m;

  focus_card (f, "c1");
  row = row_on_page (f, ADW_TYPE_ENTRY_ROW, "Sample size");
  error_label = error_label_of (row);

  gtk_editable_set_text (GTK_EDITABLE (row), "12.5");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "12.5"));
  gtk_editable_set_text (GTK_EDITABLE (row), "40");
  g_assert_false (gtk_widget_get_visible (error_label));

  row = row_on_page (f, ADW_TYPE_ENTRY_ROW, "Date (YYYY-MM-DD)");
  gtk_editable_set_text (GTK_EDITABLE (row), "2026-02-30");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "2026-02-30"));

  m = jm_document_find_metric (f->doc, "m1", NULL);
  g_assert_cmpuint (m->sample_size, ==, 40);
  g_assert_null (m->date);
}

static GtkSpinButton *
spin_in_row (Fixture    *f,
             const char *title)
{
  return GTK_SPIN_BUTTON (find_row (row_on_page (f, ADW_TYPE_ACTION_ROW, title), GTK_TYPE_SPIN_BUTTON, NULL));
}

static void
test_target_tolerance_is_set_on_the_map_page (Fixture       *f,
                                              gconstpointer  data)
{
  GtkSpinButton *spin = spin_in_row (f, "Target tolerance (%)");

  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 10);
  gtk_spin_button_set_value (spin, 15);
  g_assert_cmpfloat (jm_document_get_metric_tolerance (f->doc), ==, 15);
  jm_history_undo (jm_document_get_history (f->doc));
  g_assert_cmpfloat (jm_document_get_metric_tolerance (f->doc), ==, 10);
  jm_test_spin ();
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 10);

  /* A decimal comma is read whatever the locale. */
  gtk_editable_set_text (GTK_EDITABLE (spin), "12,5");
  gtk_spin_button_update (spin);
  g_assert_cmpfloat (jm_document_get_metric_tolerance (f->doc), ==, 12.5);
}

static void
test_persona_details_switch_is_undoable (Fixture       *f,
                                         gconstpointer  data)
{
  GtkSwitch *toggle = GTK_SWITCH (find_row (row_on_page (f, ADW_TYPE_ACTION_ROW,
                                                         "Show needs, frustrations and interests in the persona header"),
                                            GTK_TYPE_SWITCH, NULL));

  g_assert_false (gtk_switch_get_active (toggle));
  gtk_switch_set_active (toggle, TRUE);
  g_assert_true (jm_document_get_persona_details (f->doc));
  g_assert_cmpstr (jm_history_get_undo_label (jm_document_get_history (f->doc)), ==, "Show Persona Details");
  jm_history_undo (jm_document_get_history (f->doc));
  g_assert_false (jm_document_get_persona_details (f->doc));
  jm_test_spin ();
  g_assert_false (gtk_switch_get_active (toggle));
}

static void
test_map_language_is_chosen_on_the_map_page (Fixture       *f,
                                             gconstpointer  data)
{
  JmInspectorChoiceRow *row = JM_INSPECTOR_CHOICE_ROW (row_on_page (f, JM_TYPE_INSPECTOR_CHOICE_ROW, "Language"));
  g_autofree char *before = g_strdup (jm_document_get_language (f->doc));

  /* Not stated, English, Italian. */
  jm_inspector_choice_row_set_selected (row, 2);
  g_assert_cmpstr (jm_document_get_language (f->doc), ==, "it");
  jm_inspector_choice_row_set_selected (row, 1);
  g_assert_cmpstr (jm_document_get_language (f->doc), ==, "en");
  jm_history_undo (jm_document_get_history (f->doc));
  g_assert_cmpstr (jm_document_get_language (f->doc), ==, "it");
  jm_test_spin ();
  g_assert_cmpuint (jm_inspector_choice_row_get_selected (row), ==, 2);
  jm_history_undo (jm_document_get_history (f->doc));
  g_assert_cmpstr (jm_document_get_language (f->doc), ==, before);
}

static void
test_personas_are_copied_pasted_and_imported (Fixture       *f,
                                              gconstpointer  data)
{
  JmHistory *history = jm_document_get_history (f->doc);
  g_autofree char *example = jm_test_example_path ("bike-shop-vs-food-delivery.journey");
  g_autoptr(JmDocument) other = jm_test_load_example ("bike-shop-vs-food-delivery.journey");
  g_autoptr(GError) error = NULL;
  GPtrArray *personas = jm_document_get_personas (f->doc);
  GtkWidget *row, *copy;
  JmPersona *first = g_ptr_array_index (personas, 0);
  const char *first_other_id;

  /* Copy from the persona's row, paste through the action, as a user would. */
  row = row_on_page (f, ADW_TYPE_ACTION_ROW, first->name);
  copy = find_button_with_tooltip (row, "Copy the Persona");
  g_assert_nonnull (copy);
  g_signal_emit_by_name (copy, "clicked");
  jm_test_spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->inspector), "inspector.paste-persona", NULL));
  for (guint i = 0; i < 300 && personas->len < 2; i++)
    jm_test_spin_for (10);
  g_assert_cmpuint (personas->len, ==, 2);
  g_assert_cmpstr (((JmPersona *) g_ptr_array_index (personas, 1))->name, ==, first->name);
  g_assert_cmpstr (((JmPersona *) g_ptr_array_index (personas, 1))->id, !=, first->id);
  g_assert_cmpint (jm_inspector_get_target (f->inspector), ==, JM_INSPECTOR_PERSONA);
  g_assert_cmpstr (jm_selection_get_focus (f->selection)->id, ==, ((JmPersona *) g_ptr_array_index (personas, 1))->id);
  g_assert_cmpstr (jm_history_get_undo_label (history), ==, "Paste Persona");

  /* Import from another map: all of its personas, or the ones chosen. */
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
  focus_card (f, "c1");

  check = find_check (page_of (f), "Second persona");
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
  jm_test_spin ();
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (find_check (page_of (f), "Second persona"))));
  g_assert_nonnull (find_check (page_of (f), first_name));
}

/* ---- the page follows the selection ---- */

static void
test_page_follows_every_kind_of_focus (Fixture       *f,
                                       gconstpointer  data)
{
  const char *several[] = { "c1", "c2", NULL };

  g_assert_cmpint (jm_inspector_get_target (f->inspector), ==, JM_INSPECTOR_MAP);
  assert_shows_existing (f);

  /* A cell and an emotion point show their step. */
  jm_selection_focus_cell (f->selection, "lane-3", "step-4");
  jm_test_spin ();
  g_assert_cmpint (jm_inspector_get_target (f->inspector), ==, JM_INSPECTOR_STEP);
  g_assert_cmpstr (entry_text (f, "Name"), ==, "Asks others");
  jm_selection_focus_emotion (f->selection, "persona-1", "step-5", JM_MAP_STATE_FUTURE);
  jm_test_spin ();
  g_assert_cmpint (jm_inspector_get_target (f->inspector), ==, JM_INSPECTOR_STEP);
  g_assert_cmpstr (entry_text (f, "Name"), ==, "Decides");
  {
    JmInspectorStepPage *page = JM_INSPECTOR_STEP_PAGE (page_of (f));

    g_assert_true (gtk_widget_has_css_class (
      jm_inspector_step_page_get_emotion_row (page, "persona-1", JM_MAP_STATE_FUTURE), "jm-focused-row"));
    g_assert_false (gtk_widget_has_css_class (
      jm_inspector_step_page_get_emotion_row (page, "persona-1", JM_MAP_STATE_CURRENT), "jm-focused-row"));
  }

  /* Several cards: their summary. */
  jm_document_insert_card (f->doc, "lane-1", -1, jm_card_new ("c2", "step-2", "Searches"));
  jm_selection_select_cards (f->selection, several, FALSE);
  jm_test_spin ();
  g_assert_cmpint (jm_inspector_get_target (f->inspector), ==, JM_INSPECTOR_CARDS);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (page_of (f))), ==, "2 Cards Selected");

  jm_selection_clear (f->selection);
  jm_test_spin ();
  g_assert_cmpint (jm_inspector_get_target (f->inspector), ==, JM_INSPECTOR_MAP);
}

/* (a) Adding a persona opens it; undoing the addition leaves a page that
 * shows what the map has, not an empty panel. */
static void
test_undoing_an_added_persona_leaves_a_page (Fixture       *f,
                                             gconstpointer  data)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->inspector), "inspector.add-persona", NULL));
  jm_test_spin ();
  g_assert_cmpint (jm_inspector_get_target (f->inspector), ==, JM_INSPECTOR_PERSONA);
  g_assert_cmpstr (entry_text (f, "Name"), ==, "New persona");

  jm_history_undo (jm_document_get_history (f->doc));
  jm_test_spin ();
  g_assert_cmpuint (jm_document_get_personas (f->doc)->len, ==, 1);
  assert_shows_existing (f);
  g_assert_cmpstr (jm_inspector_page_get_focus (JM_INSPECTOR_PAGE (page_of (f)))->id, !=, NULL);

  jm_history_redo (jm_document_get_history (f->doc));
  jm_test_spin ();
  assert_shows_existing (f);
}

/* (b) Undoing a pasted persona leaves its page; editing what is shown then
 * edits a persona the map has, and the page stays. */
static void
test_undoing_a_pasted_persona_shows_no_deleted_persona (Fixture       *f,
                                                        gconstpointer  data)
{
  JmPersona *first = g_ptr_array_index (jm_document_get_personas (f->doc), 0);
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  g_autofree char *xml = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pasted = NULL;
  gsize len;

  g_ptr_array_add (one, first);
  xml = jm_writer_personas_to_string (one, &len);
  bytes = g_bytes_new (xml, len);
  g_assert_true (jm_inspector_paste_personas (f->inspector, bytes, &error));
  g_assert_no_error (error);
  jm_test_spin ();
  pasted = g_strdup (jm_inspector_page_get_focus (JM_INSPECTOR_PAGE (page_of (f)))->id);
  g_assert_cmpstr (pasted, !=, first->id);
  g_assert_nonnull (jm_document_find_persona (f->doc, pasted));

  jm_history_undo (jm_document_get_history (f->doc));
  jm_test_spin ();
  g_assert_null (jm_document_find_persona (f->doc, pasted));
  assert_shows_existing (f);
  g_assert_cmpstr (jm_inspector_page_get_focus (JM_INSPECTOR_PAGE (page_of (f)))->id, !=, pasted);

  gtk_editable_set_text (GTK_EDITABLE (row_on_page (f, ADW_TYPE_ENTRY_ROW, "Name")), "Renamed");
  jm_test_spin ();
  g_assert_cmpstr (jm_document_find_persona (f->doc, "persona-1")->name, ==, "Renamed");
  assert_shows_existing (f);
}

/* Through every kind of command and its undo and redo, the page shown is
 * never blank and never an object the document no longer has. */
static void
test_never_blank_through_undo_and_redo (Fixture       *f,
                                        gconstpointer  data)
{
  JmHistory *history = jm_document_get_history (f->doc);
  guint steps;

  /* Each command, with the focus on what it touches. */
  focus_object (f, JM_FOCUS_PERSONA, "persona-1");
  jm_document_insert_persona (f->doc, -1, jm_persona_new ("p2", "Marco"));
  focus_object (f, JM_FOCUS_PERSONA, "p2");
  {
    JmPersona *copy = jm_persona_copy (jm_document_find_persona (f->doc, "p2"));

    jm_set_str (&copy->name, "Marco R.");
    jm_document_update_persona (f->doc, copy, NULL);
  }
  jm_document_remove_persona (f->doc, "p2");
  jm_test_spin ();
  assert_shows_existing (f);
  {
    JmStage *stage = jm_stage_new ("new-stage", "Repair");

    g_ptr_array_add (stage->steps, jm_step_new ("new-step", "Brings the bike"));
    jm_document_insert_stage (f->doc, 1, stage);
  }
  focus_object (f, JM_FOCUS_STAGE, "new-stage");
  jm_document_insert_step (f->doc, "new-stage", -1, jm_step_new ("new-step-2", "Waits"));
  focus_object (f, JM_FOCUS_STEP, "new-step-2");
  jm_document_rename_step (f->doc, "new-step-2", "Waits a day");
  jm_document_insert_lane (f->doc, 0, jm_lane_new ("new-lane", JM_LANE_TEXT, "Feelings"));
  focus_object (f, JM_FOCUS_LANE, "new-lane");
  jm_document_insert_card (f->doc, "new-lane", -1, jm_card_new ("new-card", "new-step-2", "Bored"));
  focus_card (f, "new-card");
  jm_document_set_card_text (f->doc, "new-card", "Very bored");
  jm_document_move_card (f->doc, "new-card", "lane-1", "new-step", -1);
  jm_document_set_emotion (f->doc, "persona-1", "new-step", JM_MAP_STATE_CURRENT, -1.5);
  jm_document_remove_card (f->doc, "new-card");
  jm_test_spin ();
  assert_shows_existing (f);
  focus_object (f, JM_FOCUS_STEP, "new-step-2");
  g_assert_true (jm_document_remove_step (f->doc, "new-step-2"));
  jm_test_spin ();
  assert_shows_existing (f);
  focus_object (f, JM_FOCUS_LANE, "new-lane");
  jm_document_remove_lane (f->doc, "new-lane");
  jm_test_spin ();
  assert_shows_existing (f);
  focus_object (f, JM_FOCUS_STAGE, "new-stage");
  jm_document_move_stage (f->doc, "new-stage", 3);
  g_assert_true (jm_document_remove_stage (f->doc, "new-stage"));
  jm_test_spin ();
  assert_shows_existing (f);

  /* Back through all of it, and forward again. */
  steps = 0;
  while (jm_history_undo (history))
    {
      jm_test_spin ();
      assert_shows_existing (f);
      steps++;
    }
  g_assert_cmpuint (steps, >=, 15);
  while (jm_history_redo (history))
    {
      jm_test_spin ();
      assert_shows_existing (f);
    }
}

/* (c) A persona opened from the map's list has a way back: the button at
 * the page's top, and Escape. */
static void
test_persona_page_goes_back_to_the_map (Fixture       *f,
                                        gconstpointer  data)
{
  GtkWidget *back;
  GListModel *controllers;
  GtkShortcut *escape = NULL;

  GtkWidget *row, *focus;

  /* Opened from its row with the keyboard: the keyboard goes along. */
  row = row_on_page (f, ADW_TYPE_ACTION_ROW, jm_document_find_persona (f->doc, "persona-1")->name);
  g_assert_true (gtk_widget_grab_focus (row));
  g_assert_true (gtk_widget_activate_action (row, "inspector.open-persona", "s", "persona-1"));
  jm_test_spin ();
  g_assert_cmpint (jm_inspector_get_target (f->inspector), ==, JM_INSPECTOR_PERSONA);
  g_assert_cmpint (jm_selection_get_kind (f->selection), ==, JM_FOCUS_PERSONA);
  back = find_button_with_tooltip (page_of (f), "Back to the Map");
  g_assert_nonnull (back);
  gtk_test_accessible_assert_property (back, GTK_ACCESSIBLE_PROPERTY_LABEL, "Back to the Map");
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus == back || gtk_widget_is_ancestor (focus, back));

  /* Back: the map's page, the keyboard on the persona's row again. */
  g_signal_emit_by_name (back, "clicked");
  jm_test_spin ();
  g_assert_cmpint (jm_inspector_get_target (f->inspector), ==, JM_INSPECTOR_MAP);
  g_assert_cmpint (jm_selection_get_kind (f->selection), ==, JM_FOCUS_MAP);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == row);

  /* Escape, from a field of the page: the page's key binding. */
  focus_object (f, JM_FOCUS_PERSONA, "persona-1");
  g_assert_true (gtk_widget_grab_focus (row_on_page (f, ADW_TYPE_ENTRY_ROW, "Occupation")));
  controllers = gtk_widget_observe_controllers (page_of (f));
  for (guint i = 0; escape == NULL && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_SHORTCUT_CONTROLLER (controller))
        for (guint j = 0; escape == NULL && j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
          {
            g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
            GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

            if (GTK_IS_KEYVAL_TRIGGER (trigger)
                && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == GDK_KEY_Escape)
              escape = g_object_ref (shortcut);
          }
    }
  g_object_unref (controllers);
  g_assert_nonnull (escape);
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (escape), 0, page_of (f), NULL));
  g_object_unref (escape);
  jm_test_spin ();
  g_assert_cmpint (jm_inspector_get_target (f->inspector), ==, JM_INSPECTOR_MAP);
}

static gboolean
shows_in_its_scroller (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  double x, y;

  g_assert_true (gtk_widget_translate_coordinates (widget, viewport, 0, 0, &x, &y));
  return y >= 0 && y + gtk_widget_get_height (widget) <= gtk_widget_get_height (viewport);
}

/* (d) "+" under a persona's list puts the cursor in the new row and
 * scrolls to it, so what is typed next lands there. */
static void
test_adding_to_a_list_focuses_and_shows_the_new_row (Fixture       *f,
                                                     gconstpointer  data)
{
  JmInspectorListGroup *interests;
  GtkWidget *row, *focus;

  gtk_window_set_default_size (f->window, 360, 400);
  focus_object (f, JM_FOCUS_PERSONA, "persona-1");
  jm_test_spin_for (100);
  interests = JM_INSPECTOR_LIST_GROUP (find_group (page_of (f), "Interests"));
  g_assert_false (shows_in_its_scroller (GTK_WIDGET (interests)));   /* far below, at first */

  for (guint i = 1; i <= 2; i++)
    {
      g_autofree char *typed = g_strdup_printf ("Cycling %u", i);
      JmPersona *persona;

      g_signal_emit_by_name (jm_inspector_list_group_get_add_button (interests), "clicked");
      jm_test_spin_for (150);
      row = jm_inspector_list_group_get_row (interests, i - 1);
      g_assert_nonnull (row);
      focus = gtk_root_get_focus (GTK_ROOT (f->window));
      g_assert_nonnull (focus);
      g_assert_true (focus == row || gtk_widget_is_ancestor (focus, row));
      g_assert_true (shows_in_its_scroller (row));

      /* What the user types goes to the focused field. */
      gtk_editable_set_text (GTK_EDITABLE (focus), typed);
      persona = jm_document_find_persona (f->doc, "persona-1");
      g_assert_cmpuint (g_strv_length (persona->interests), ==, i);
      g_assert_cmpstr (persona->interests[i - 1], ==, typed);
    }
}

/* Opens the row's list, moves one down with the keyboard and presses
 * Enter: the value after the ticked one is chosen. */
static void
choose_next_with_the_keyboard (Fixture    *f,
                               const char *title)
{
  JmInspectorChoiceRow *row = JM_INSPECTOR_CHOICE_ROW (row_on_page (f, JM_TYPE_INSPECTOR_CHOICE_ROW, title));
  GtkListBox *list = jm_inspector_choice_row_get_list (row);
  guint before = jm_inspector_choice_row_get_selected (row);
  GtkWidget *focus;

  g_test_message ("choice row %s, %u ticked", title, before);
  adw_action_row_activate (ADW_ACTION_ROW (row));
  jm_test_spin_for (50);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (jm_inspector_choice_row_get_popover (row))));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus == GTK_WIDGET (gtk_list_box_get_row_at_index (list, (int) before)));

  /* Down, as the key binding does it; then Enter on what is highlighted. */
  g_signal_emit_by_name (list, "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, 1, FALSE, FALSE);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus == GTK_WIDGET (gtk_list_box_get_row_at_index (list, (int) before + 1)));
  gtk_widget_activate (focus);
  jm_test_spin_for (50);
  g_assert_cmpuint (jm_inspector_choice_row_get_selected (row), ==, before + 1);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (jm_inspector_choice_row_get_popover (row))));
}

/* (e) In every choice list the keyboard starts on the ticked value. */
static void
test_choice_lists_pick_what_the_keyboard_highlights (Fixture       *f,
                                                     gconstpointer  data)
{
  JmHistory *history = jm_document_get_history (f->doc);
  JmCard *pain = jm_card_new ("pain", "step-1", "Queue");
  JmCard *idea = jm_card_new ("idea", "step-1", "Book online");

  pain->severity = JM_SEVERITY_MEDIUM;
  idea->priority = JM_PRIORITY_LOW;
  jm_document_insert_card (f->doc, "lane-5", -1, pain);
  jm_document_insert_card (f->doc, "lane-6", -1, idea);

  focus_card (f, "pain");
  choose_next_with_the_keyboard (f, "Severity");
  g_assert_cmpint (jm_document_find_card (f->doc, "pain", NULL)->severity, ==, JM_SEVERITY_HIGH);
  choose_next_with_the_keyboard (f, "Evidence");
  g_assert_cmpint (jm_document_find_card (f->doc, "pain", NULL)->evidence, ==, JM_EVIDENCE_ASSUMPTION);

  focus_card (f, "idea");
  choose_next_with_the_keyboard (f, "Priority");
  g_assert_cmpint (jm_document_find_card (f->doc, "idea", NULL)->priority, ==, JM_PRIORITY_MEDIUM);

  focus_card (f, "c1");
  choose_next_with_the_keyboard (f, "Channel");
  g_assert_cmpint (jm_document_find_card (f->doc, "c1", NULL)->channel, ==, JM_CHANNEL_WEBSITE);
  choose_next_with_the_keyboard (f, "Channel");
  g_assert_cmpint (jm_document_find_card (f->doc, "c1", NULL)->channel, ==, JM_CHANNEL_APP);

  focus_object (f, JM_FOCUS_LANE, "lane-3");
  choose_next_with_the_keyboard (f, "Kind");
  g_assert_cmpint (jm_document_find_lane (f->doc, "lane-3")->kind, ==, JM_LANE_TOUCHPOINTS);

  focus_object (f, JM_FOCUS_MAP, NULL);
  choose_next_with_the_keyboard (f, "State");
  g_assert_cmpint (jm_document_get_state (f->doc), ==, JM_MAP_STATE_FUTURE);

  /* One command a choice (and two cards added). */
  g_assert_cmpuint (jm_history_get_n_steps (history), ==, 2 + 7);
}

/* (f) When undo changes the widgets, the widgets' signals issue no command
 * of their own: redo is still there, nothing new in the history. */
static void
test_refreshing_widgets_issues_no_command (Fixture       *f,
                                           gconstpointer  data)
{
  JmHistory *history = jm_document_get_history (f->doc);
  JmCard *pain = jm_card_new ("pain", "step-1", "Queue");
  GtkTextBuffer *buffer;
  GtkTextIter at;

  jm_document_insert_card (f->doc, "lane-5", -1, pain);
  jm_history_clear (history);

  focus_card (f, "pain");
  jm_inspector_choice_row_set_selected (JM_INSPECTOR_CHOICE_ROW (row_on_page (f, JM_TYPE_INSPECTOR_CHOICE_ROW,
                                                                              "Severity")), JM_SEVERITY_HIGH);
  gtk_spin_button_set_value (spin_in_row (f, "Spans"), 3);
  jm_inspector_text_area_set_text (JM_INSPECTOR_TEXT_AREA (find_row (page_of (f), JM_TYPE_INSPECTOR_TEXT_AREA, NULL)),
                                   "Long queue");
  g_assert_cmpuint (jm_history_get_n_steps (history), ==, 3);

  for (guint i = 0; i < 3; i++)
    {
      jm_history_undo (history);
      jm_test_spin ();
      g_assert_true (jm_history_can_redo (history));
      g_assert_cmpuint (jm_history_get_n_steps (history), ==, 3);
    }
  g_assert_cmpuint (jm_inspector_choice_row_get_selected (JM_INSPECTOR_CHOICE_ROW (
    row_on_page (f, JM_TYPE_INSPECTOR_CHOICE_ROW, "Severity"))), ==, JM_SEVERITY_NONE);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin_in_row (f, "Spans")), ==, 1);
  while (jm_history_redo (history))
    jm_test_spin ();
  g_assert_cmpint (jm_document_find_card (f->doc, "pain", NULL)->severity, ==, JM_SEVERITY_HIGH);
  g_assert_cmpuint (jm_document_find_card (f->doc, "pain", NULL)->span, ==, 3);
  g_assert_cmpstr (jm_document_find_card (f->doc, "pain", NULL)->text, ==, "Long queue");

  /* The map page too: its spin button, its choice, its title. */
  focus_object (f, JM_FOCUS_MAP, NULL);
  gtk_spin_button_set_value (spin_in_row (f, "Target tolerance (%)"), 20);
  jm_inspector_choice_row_set_selected (JM_INSPECTOR_CHOICE_ROW (row_on_page (f, JM_TYPE_INSPECTOR_CHOICE_ROW,
                                                                              "State")), JM_MAP_STATE_FUTURE);
  jm_history_undo (history);
  jm_history_undo (history);
  jm_test_spin ();
  g_assert_cmpuint (jm_history_get_n_steps (history), ==, 5);
  g_assert_true (jm_history_redo (history));
  g_assert_true (jm_history_redo (history));

  /* Typing in the middle of a text keeps the cursor where it types. */
  buffer = jm_inspector_text_area_get_buffer (JM_INSPECTOR_TEXT_AREA (
    find_row (page_of (f), JM_TYPE_INSPECTOR_TEXT_AREA, NULL)));
  gtk_text_buffer_set_text (buffer, "Fix the bike", -1);
  gtk_text_buffer_get_iter_at_offset (buffer, &at, 4);
  gtk_text_buffer_place_cursor (buffer, &at);
  gtk_text_buffer_insert_at_cursor (buffer, "red ", -1);
  jm_test_spin ();
  g_assert_cmpstr (jm_document_get_scenario (f->doc), ==, "Fix red the bike");
  gtk_text_buffer_get_iter_at_mark (buffer, &at, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_offset (&at), ==, 8);
}

/* ---- card span, emotions, stage colours ---- */

static void
test_card_span_is_one_command_per_change (Fixture       *f,
                                          gconstpointer  data)
{
  JmHistory *history = jm_document_get_history (f->doc);
  GtkSpinButton *spin;
  double lower, upper;

  jm_document_insert_card (f->doc, "lane-1", -1, jm_card_new ("late", "step-8", "Recommends"));
  jm_history_clear (history);
  focus_card (f, "late");
  spin = spin_in_row (f, "Spans");
  /* Steps 8, 9 and 10 are left. */
  gtk_spin_button_get_range (spin, &lower, &upper);
  g_assert_cmpfloat (lower, ==, 1);
  g_assert_cmpfloat (upper, ==, 3);

  gtk_spin_button_spin (spin, GTK_SPIN_STEP_FORWARD, 1);
  gtk_spin_button_spin (spin, GTK_SPIN_STEP_FORWARD, 1);
  gtk_spin_button_spin (spin, GTK_SPIN_STEP_FORWARD, 1);
  g_assert_cmpuint (jm_document_find_card (f->doc, "late", NULL)->span, ==, 3);
  g_assert_cmpuint (jm_history_get_n_steps (history), ==, 2);
  jm_history_undo (history);
  g_assert_cmpuint (jm_document_find_card (f->doc, "late", NULL)->span, ==, 2);
  jm_test_spin ();
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 2);

  /* c1 at the first step may span the whole map. */
  focus_card (f, "c1");
  gtk_spin_button_get_range (spin_in_row (f, "Spans"), &lower, &upper);
  g_assert_cmpfloat (upper, ==, jm_document_get_n_steps (f->doc));
}

static void
test_step_page_edits_every_personas_scores (Fixture       *f,
                                            gconstpointer  data)
{
  JmHistory *history = jm_document_get_history (f->doc);
  JmInspectorStepPage *page;
  JmInspectorEmotionRow *giulia_now, *marco_later;
  GtkSpinButton *spin;

  jm_document_insert_persona (f->doc, -1, jm_persona_new ("marco", "Marco"));
  jm_document_set_emotion (f->doc, "persona-1", "step-3", JM_MAP_STATE_CURRENT, -1);
  jm_history_clear (history);
  focus_object (f, JM_FOCUS_STEP, "step-3");
  page = JM_INSPECTOR_STEP_PAGE (page_of (f));
  giulia_now = JM_INSPECTOR_EMOTION_ROW (jm_inspector_step_page_get_emotion_row (page, "persona-1",
                                                                                 JM_MAP_STATE_CURRENT));
  marco_later = JM_INSPECTOR_EMOTION_ROW (jm_inspector_step_page_get_emotion_row (page, "marco", JM_MAP_STATE_FUTURE));
  g_assert_nonnull (giulia_now);
  g_assert_nonnull (marco_later);
  g_assert_nonnull (jm_inspector_step_page_get_emotion_row (page, "marco", JM_MAP_STATE_CURRENT));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (marco_later)), ==, "Marco");

  /* Set: −1 shown; not set: "—", and nothing to clear. */
  g_assert_cmpfloat (jm_inspector_emotion_row_get_score (giulia_now), ==, -1);
  spin = jm_inspector_emotion_row_get_spin (marco_later);
  g_assert_true (isnan (jm_inspector_emotion_row_get_score (marco_later)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "—");
  g_assert_false (gtk_widget_get_sensitive (jm_inspector_emotion_row_get_clear_button (marco_later)));

  /* Typed where there was none, in half steps. */
  gtk_editable_set_text (GTK_EDITABLE (spin), "1.4");
  gtk_spin_button_update (spin);
  g_assert_cmpfloat (jm_document_get_emotion (f->doc, "marco", "step-3", JM_MAP_STATE_FUTURE)->score, ==, 1.5);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "1.5");
  /* A typed 0 where there was none is a score too. */
  gtk_editable_set_text (GTK_EDITABLE (jm_inspector_emotion_row_get_spin (giulia_now)), "0");
  gtk_spin_button_update (jm_inspector_emotion_row_get_spin (giulia_now));
  g_assert_cmpfloat (jm_document_get_emotion (f->doc, "persona-1", "step-3", JM_MAP_STATE_CURRENT)->score, ==, 0);
  gtk_spin_button_spin (jm_inspector_emotion_row_get_spin (giulia_now), GTK_SPIN_STEP_FORWARD, 0.5);
  g_assert_cmpfloat (jm_document_get_emotion (f->doc, "persona-1", "step-3", JM_MAP_STATE_CURRENT)->score, ==, 0.5);

  /* Cleared. */
  g_signal_emit_by_name (jm_inspector_emotion_row_get_clear_button (marco_later), "clicked");
  g_assert_null (jm_document_get_emotion (f->doc, "marco", "step-3", JM_MAP_STATE_FUTURE));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "—");
  g_assert_cmpuint (jm_history_get_n_steps (history), ==, 4);

  /* Undo shows it back. */
  jm_history_undo (history);
  jm_test_spin ();
  g_assert_cmpfloat (jm_inspector_emotion_row_get_score (marco_later), ==, 1.5);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "1.5");
  g_assert_true (jm_history_can_redo (history));
}

static void
test_stage_colour_from_swatches_or_custom (Fixture       *f,
                                           gconstpointer  data)
{
  JmInspectorStagePage *page;
  GtkFlowBox *swatches;
  GtkFlowBoxChild *vermilion;
  GtkColorChooser *custom;
  GdkRGBA rgba = { 0x12 / 255.0, 0x34 / 255.0, 0x56 / 255.0, 1 };

  focus_object (f, JM_FOCUS_STAGE, "stage-3");
  page = JM_INSPECTOR_STAGE_PAGE (page_of (f));
  swatches = jm_inspector_stage_page_get_swatches (page);
  for (guint i = 0; i < JM_STAGE_PALETTE_SIZE; i++)
    {
      GtkFlowBoxChild *child = gtk_flow_box_get_child_at_index (swatches, (int) i);

      g_assert_nonnull (child);
      /* Reachable with the keyboard, named for screen readers. */
      g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (child)));
      gtk_test_accessible_assert_property (child, GTK_ACCESSIBLE_PROPERTY_LABEL, jm_stage_palette_name (i));
      gtk_test_accessible_assert_state (child, GTK_ACCESSIBLE_STATE_SELECTED,
                                        g_strcmp0 (jm_stage_palette_color (i),
                                                   jm_document_find_stage (f->doc, "stage-3")->color) == 0);
    }
  g_assert_null (gtk_flow_box_get_child_at_index (swatches, JM_STAGE_PALETTE_SIZE));

  vermilion = gtk_flow_box_get_child_at_index (swatches, 5);
  g_assert_true (gtk_widget_activate (GTK_WIDGET (vermilion)));
  g_assert_cmpstr (jm_document_find_stage (f->doc, "stage-3")->color, ==, jm_stage_palette_color (5));
  gtk_test_accessible_assert_state (vermilion, GTK_ACCESSIBLE_STATE_SELECTED, TRUE);

  custom = GTK_COLOR_CHOOSER (find_row (page_of (f), GTK_TYPE_COLOR_BUTTON, NULL));
  gtk_color_chooser_set_rgba (custom, &rgba);
  g_signal_emit_by_name (custom, "color-set");
  g_assert_cmpstr (jm_document_find_stage (f->doc, "stage-3")->color, ==, "#123456");
  gtk_test_accessible_assert_state (vermilion, GTK_ACCESSIBLE_STATE_SELECTED, FALSE);
  g_assert_cmpuint (jm_history_get_n_steps (jm_document_get_history (f->doc)), ==, 2);
}

/* ---- in Italian ---- */

static void
test_italian_numbers_in_spin_buttons_and_metrics (Fixture       *f,
                                                  gconstpointer  data)
{
  GtkSpinButton *spin;
  GtkWidget *row, *value;
  g_autofree char *title = NULL;
  JmCard *card = jm_card_new ("ces", "step-2", "Assistenza");
  JmMetric *ces = jm_metric_new ("m-ces", JM_METRIC_CES, 3.8);

  g_assert_cmpstr (jm_map_state_get_label (JM_MAP_STATE_CURRENT), !=, "As is");   /* translated */

  /* "3,8" accepted and shown back as "3,8". */
  spin = GTK_SPIN_BUTTON (find_row (page_of (f), GTK_TYPE_SPIN_BUTTON, NULL));
  gtk_editable_set_text (GTK_EDITABLE (spin), "3,8");
  gtk_spin_button_update (spin);
  g_assert_cmpfloat (jm_document_get_metric_tolerance (f->doc), ==, 3.8);
  jm_test_spin ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "3,8");
  jm_history_undo (jm_document_get_history (f->doc));
  jm_history_redo (jm_document_get_history (f->doc));
  jm_test_spin ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "3,8");

  /* A metric's value, shown the Italian way and typed either way. */
  g_ptr_array_add (card->metrics, ces);
  jm_document_insert_card (f->doc, "lane-7", -1, card);
  focus_card (f, "ces");
  row = find_row (page_of (f), JM_TYPE_INSPECTOR_METRIC_ROW, NULL);
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "3,8"));
  title = g_strdup_printf (_("%s value"), "CES");
  value = find_row (row, ADW_TYPE_ENTRY_ROW, title);
  g_assert_nonnull (value);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (value)), ==, "3,8");
  gtk_editable_set_text (GTK_EDITABLE (value), "4,2");
  g_assert_cmpfloat (jm_document_find_metric (f->doc, "m-ces", NULL)->value, ==, 4.2);
  gtk_editable_set_text (GTK_EDITABLE (value), "4.5");
  g_assert_cmpfloat (jm_document_find_metric (f->doc, "m-ces", NULL)->value, ==, 4.5);
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "4,5"));
  jm_history_undo (jm_document_get_history (f->doc));
  jm_test_spin ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (value)), ==, "3,8");
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

  setlocale (LC_ALL, "");
  jm_test_bind_translations ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* The templates: the application registers them; here, by hand. */
  jm_resources_register_resource ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, set_up, func, tear_down)
  ADD ("/app/inspector/card-fields-are-commands", test_card_fields_are_commands);
  ADD ("/app/inspector/out-of-range-metric-refused-with-reason", test_out_of_range_metric_is_refused_with_a_reason);
  ADD ("/app/inspector/map-title-and-refresh-after-undo", test_map_title_and_refresh_after_undo);
  ADD ("/app/inspector/stage-step-and-lane-pages", test_stage_step_and_lane_pages);
  ADD ("/app/inspector/personas-are-added-opened-and-removed", test_personas_are_added_opened_and_removed);
  ADD ("/app/inspector/stage-metrics-are-added-and-edited", test_stage_metrics_are_added_and_edited);
  ADD ("/app/inspector/bad-sample-size-and-date-are-refused", test_bad_sample_size_and_date_are_refused);
  ADD ("/app/inspector/target-tolerance-is-set-on-the-map-page", test_target_tolerance_is_set_on_the_map_page);
  ADD ("/app/inspector/persona-details-switch-is-undoable", test_persona_details_switch_is_undoable);
  ADD ("/app/inspector/map-language-is-chosen-on-the-map-page", test_map_language_is_chosen_on_the_map_page);
  ADD ("/app/inspector/personas-are-copied-pasted-and-imported", test_personas_are_copied_pasted_and_imported);
  ADD ("/app/inspector/card-scope-to-personas-is-undoable", test_card_scope_to_personas_is_undoable);
  ADD ("/app/inspector/persona-fields-lists-and-photo", test_persona_fields_lists_and_photo);
  ADD ("/app/inspector/page-follows-every-kind-of-focus", test_page_follows_every_kind_of_focus);
  ADD ("/app/inspector/undoing-an-added-persona-leaves-a-page", test_undoing_an_added_persona_leaves_a_page);
  ADD ("/app/inspector/undoing-a-pasted-persona-shows-no-deleted-persona",
       test_undoing_a_pasted_persona_shows_no_deleted_persona);
  ADD ("/app/inspector/never-blank-through-undo-and-redo", test_never_blank_through_undo_and_redo);
  ADD ("/app/inspector/persona-page-goes-back-to-the-map", test_persona_page_goes_back_to_the_map);
  ADD ("/app/inspector/adding-to-a-list-focuses-and-shows-the-new-row",
       test_adding_to_a_list_focuses_and_shows_the_new_row);
  ADD ("/app/inspector/choice-lists-pick-what-the-keyboard-highlights",
       test_choice_lists_pick_what_the_keyboard_highlights);
  ADD ("/app/inspector/refreshing-widgets-issues-no-command", test_refreshing_widgets_issues_no_command);
  ADD ("/app/inspector/card-span-is-one-command-per-change", test_card_span_is_one_command_per_change);
  ADD ("/app/inspector/step-page-edits-every-personas-scores", test_step_page_edits_every_personas_scores);
  ADD ("/app/inspector/stage-colour-from-swatches-or-custom", test_stage_colour_from_swatches_or_custom);
  ADD ("/app/inspector/italian/numbers-in-spin-buttons-and-metrics", test_italian_numbers_in_spin_buttons_and_metrics);
#undef ADD

  return g_test_run ();
}
