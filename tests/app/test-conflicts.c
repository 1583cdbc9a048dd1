/* test-conflicts.c — a merged map that holds conflicts, in a real window
 * (Xvfb): the banner counts them, the list names each one, takes the
 * canvas to its object and resolves it as an undoable command, and saving
 * asks while conflicts remain. */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "jm-application.h"
#include "jm-canvas.h"
#include "jm-conflict-bar.h"
#include "jm-conflict.h"
#include "jm-merge.h"
#include "jm-reader.h"
#include "jm-selection.h"
#include "jm-test-utils.h"
#include "jm-window.h"
#include "jm-writer.h"

static JmApplication *app;

static JmDocument *
reload (JmDocument *doc)
{
  gsize len;
  g_autofree char *xml = jm_writer_to_string (doc, &len);
  g_autoptr(GError) error = NULL;
  JmDocument *copy = jm_reader_load_bytes ("copy.journey", xml, len, NULL, &error);

  g_assert_no_error (error);
  return copy;
}

/* The restaurant example merged from two branches that both rewrote the
 * texts of cards c-3 and c-4: two conflicts, ours kept in the map. */
static JmDocument *
conflicted_map (void)
{
  g_autoptr(JmDocument) base = jm_test_load_example ("restaurant-regular.journey");
  g_autoptr(JmDocument) ours = reload (base);
  g_autoptr(JmDocument) theirs = reload (base);
  guint n = 0;
  JmDocument *merged;

  jm_document_set_card_text (ours, "c-3", "Walks in on a Wednesday");
  jm_document_set_card_text (theirs, "c-3", "Books a table by phone");
  jm_document_set_card_text (ours, "c-4", "Orders the special");
  jm_document_set_card_text (theirs, "c-4", "Asks the waitress what she would order");
  merged = jm_merge (base, ours, theirs, &n);
  g_assert_cmpuint (n, ==, 2);
  return merged;
}

static JmWindow *
window_with (JmDocument *doc,
             GFile      *file)
{
  JmWindow *window = jm_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  jm_window_set_document (window, doc, file);
  jm_test_spin ();
  return window;
}

static void
destroy_window (JmWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  jm_test_spin ();
}

static JmConflictBar *
conflict_bar (JmWindow *window)
{
  GObject *bar = gtk_widget_get_template_child (GTK_WIDGET (window), JM_TYPE_WINDOW, "conflict_bar");

  g_assert_nonnull (bar);
  return JM_CONFLICT_BAR (bar);
}

static JmCanvas *
canvas_of (JmWindow *window)
{
  return JM_CANVAS (gtk_widget_get_template_child (GTK_WIDGET (window), JM_TYPE_WINDOW, "canvas"));
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named (c, name);

      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label (c);

      if (found)
        return found;
    }
  return NULL;
}

static GtkListBoxRow *
row_at (JmWindow *window,
        int       index)
{
  return gtk_list_box_get_row_at_index (jm_conflict_bar_get_list (conflict_bar (window)), index);
}

static guint
n_rows (JmWindow *window)
{
  guint n = 0;

  while (row_at (window, n) != NULL)
    n++;
  return n;
}

/* Clicks a row's button as a user would: through the widget. */
static void
click (GtkListBoxRow *row,
       const char    *name)
{
  GtkWidget *button = find_named (GTK_WIDGET (row), name);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_get_focusable (button));
  g_signal_emit_by_name (button, "clicked");
  jm_test_spin ();
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (item))
        return ADW_MESSAGE_DIALOG (item);
    }
  return NULL;
}

static void
answer_dialog (AdwMessageDialog *dialog,
               const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  jm_test_spin ();
}

static void
test_banner_counts_conflicts_and_rows_name_them (void)
{
  JmDocument *doc = conflicted_map ();
  JmWindow *window = window_with (doc, NULL);
  JmConflictBar *bar = conflict_bar (window);
  const char *text;

  g_assert_cmpstr (jm_conflict_bar_get_message (bar), ==, "2 conflicts from a merge");
  g_assert_true (gtk_widget_get_child_visible (gtk_widget_get_first_child (GTK_WIDGET (bar))));
  g_assert_cmpuint (n_rows (window), ==, 2);

  /* Each row says the object, the field and both sides. */
  jm_conflict_bar_set_list_visible (bar, TRUE);
  jm_test_spin ();
  text = gtk_label_get_label (GTK_LABEL (find_label (GTK_WIDGET (row_at (window, 0)))));
  g_assert_nonnull (strstr (text, "Walks in on a Wednesday"));
  g_assert_nonnull (strstr (text, "Books a table by phone"));
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (row_at (window, 1))));
  /* A screen reader hears the whole conflict on the row, and on each of
   * its buttons which conflict it resolves. */
  gtk_test_accessible_assert_property (row_at (window, 0), GTK_ACCESSIBLE_PROPERTY_LABEL, text);
  gtk_test_accessible_assert_property (find_named (GTK_WIDGET (row_at (window, 0)), "take-theirs"),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text);
  gtk_test_accessible_assert_property (jm_conflict_bar_get_list (bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Merge conflicts");

  /* Choosing a row makes its object the current one. */
  g_signal_emit_by_name (jm_conflict_bar_get_list (bar), "row-activated", row_at (window, 1));
  jm_test_spin ();
  {
    const JmFocus *focus = jm_selection_get_focus (jm_canvas_get_selection_model (canvas_of (window)));

    g_assert_cmpint (focus->kind, ==, JM_FOCUS_CARD);
    g_assert_cmpstr (focus->id, ==, "c-4");
  }
  destroy_window (window);
}

static void
test_ours_and_theirs_resolve_and_undo_brings_them_back (void)
{
  JmDocument *doc = conflicted_map ();
  JmWindow *window = window_with (doc, NULL);
  JmConflictBar *bar = conflict_bar (window);
  JmHistory *history = jm_document_get_history (doc);

  jm_conflict_bar_set_list_visible (bar, TRUE);
  jm_test_spin ();

  click (row_at (window, 0), "take-theirs");
  g_assert_cmpstr (jm_document_find_card (doc, "c-3", NULL)->text, ==, "Books a table by phone");
  g_assert_cmpuint (jm_document_get_conflicts (doc)->len, ==, 1);
  g_assert_cmpstr (jm_conflict_bar_get_message (bar), ==, "1 conflict from a merge");
  g_assert_cmpuint (n_rows (window), ==, 1);

  jm_history_undo (history);
  jm_test_spin ();
  g_assert_cmpstr (jm_document_find_card (doc, "c-3", NULL)->text, ==, "Walks in on a Wednesday");
  g_assert_cmpuint (jm_document_get_conflicts (doc)->len, ==, 2);
  g_assert_cmpstr (jm_conflict_bar_get_message (bar), ==, "2 conflicts from a merge");
  g_assert_cmpuint (n_rows (window), ==, 2);

  click (row_at (window, 1), "keep-ours");
  g_assert_cmpstr (jm_document_find_card (doc, "c-4", NULL)->text, ==, "Orders the special");
  g_assert_cmpuint (jm_document_get_conflicts (doc)->len, ==, 1);

  /* A value of one's own, through the edit dialog. */
  click (row_at (window, 0), "edit");
  {
    AdwMessageDialog *dialog = find_message_dialog ();
    GtkWidget *entry;

    g_assert_nonnull (dialog);
    entry = adw_message_dialog_get_extra_child (dialog);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Walks in on a Wednesday");
    gtk_editable_set_text (GTK_EDITABLE (entry), "Walks in, phone in hand");
    answer_dialog (dialog, "apply");
  }
  g_assert_cmpstr (jm_document_find_card (doc, "c-3", NULL)->text, ==, "Walks in, phone in hand");
  g_assert_cmpuint (jm_document_get_conflicts (doc)->len, ==, 0);
  g_assert_cmpstr (jm_conflict_bar_get_message (bar), ==, "");
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_first_child (GTK_WIDGET (bar)))));

  jm_history_undo (history);
  jm_test_spin ();
  g_assert_cmpuint (jm_document_get_conflicts (doc)->len, ==, 1);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_first_child (GTK_WIDGET (bar)))));
  destroy_window (window);
}

static void
test_saving_asks_while_conflicts_remain (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jm-conflicts-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "merged.journey", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JmDocument *doc = conflicted_map ();
  JmWindow *window = window_with (doc, file);
  AdwMessageDialog *dialog;

  jm_history_set_unsaved (jm_document_get_history (doc));

  /* Cancel: nothing is written. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  jm_test_spin ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save with 2 unresolved conflicts?");
  answer_dialog (dialog, "cancel");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Saving anyway writes a map that still records both conflicts. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  jm_test_spin ();
  answer_dialog (find_message_dialog (), "save");
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  {
    g_autoptr(JmDocument) saved = jm_reader_load_path (path, NULL, NULL);

    g_assert_cmpuint (jm_document_get_conflicts (saved)->len, ==, 2);
  }

  /* Said once, not asked again for this map. */
  jm_document_set_title (doc, "Merged");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  jm_test_spin ();
  g_assert_null (find_message_dialog ());
  {
    g_autoptr(JmDocument) saved = jm_reader_load_path (path, NULL, NULL);

    g_assert_cmpstr (jm_document_get_title (saved), ==, "Merged");
  }

  /* With none left, saving does not ask. */
  click (row_at (window, 0), "keep-ours");
  click (row_at (window, 0), "take-theirs");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  jm_test_spin ();
  g_assert_null (find_message_dialog ());
  {
    g_autoptr(JmDocument) saved = jm_reader_load_path (path, NULL, NULL);

    g_assert_cmpuint (jm_document_get_conflicts (saved)->len, ==, 0);
    g_assert_cmpstr (jm_document_find_card (saved, "c-4", NULL)->text, ==, "Asks the waitress what she would order");
  }
  destroy_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Meson reads 77 as "skipped": these tests need a display (Xvfb). */
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: skipping the conflict tests\n");
      return 77;
    }

  setlocale (LC_ALL, "");
  jm_test_bind_translations ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = jm_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/app/conflicts/banner-counts-conflicts-and-rows-name-them",
                   test_banner_counts_conflicts_and_rows_name_them);
  g_test_add_func ("/app/conflicts/ours-and-theirs-resolve-and-undo-brings-them-back",
                   test_ours_and_theirs_resolve_and_undo_brings_them_back);
  g_test_add_func ("/app/conflicts/saving-asks-while-conflicts-remain",
                   test_saving_asks_while_conflicts_remain);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
