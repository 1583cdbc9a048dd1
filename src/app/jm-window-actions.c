/* jm-window-actions.c — the window's actions: new, open, save, save as,
 * export, present, print, import survey responses, undo, redo, zoom and
 * close. Menus, buttons, shortcuts and tests all go through their names. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "jm-csv.h"
#include "jm-export-dialog.h"
#include "jm-file-chooser.h"
#include "jm-import.h"
#include "jm-import-dialog.h"
#include "jm-number.h"
#include "jm-presentation-window.h"
#include "jm-print.h"
#include "jm-reader.h"
#include "jm-templates.h"
#include "jm-window-private.h"

/* ---- actions ---- */

static void
action_new (GtkWidget  *widget,
            const char *name,
            GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);
  JmTemplate template_ = JM_TEMPLATE_CUSTOMER_EXPERIENCE;
  JmWindow *target = self;

  if (parameter != NULL)
    jm_template_from_string (g_variant_get_string (parameter, NULL), &template_);

  if (self->document != NULL)
    target = jm_window_new (JM_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));

  jm_window_set_document (target, jm_template_create (template_), NULL);
  gtk_window_present (GTK_WINDOW (target));
}

static void
on_open_response (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  JmWindow *self = JM_WINDOW (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

      if (self->document == NULL)
        jm_window_open_file (self, file);
      else
        g_application_open (app, &file, 1, "");
    }

  g_object_unref (self);
  g_object_unref (dialog);
}

static void
action_open (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);
  GtkFileChooserNative *chooser;
  GtkFileFilter *all;

  chooser = gtk_file_chooser_native_new (_("Open Journey Map"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), jm_window_journey_filter ());
  jm_file_chooser_add_import_filters (GTK_FILE_CHOOSER (chooser));
  all = gtk_file_filter_new ();
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  g_object_unref (all);

  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- saving a map that still holds merge conflicts ---- */

static void
on_save_conflicts_response (AdwMessageDialog *dialog,
                            const char       *response,
                            JmWindow         *self)
{
  gboolean as = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "jm-save-as"));

  if (g_str_equal (response, "save") && self->document != NULL)
    {
      /* Said once for this map: later saves do not ask again. */
      g_object_set_data (G_OBJECT (self->document), "jm-save-with-conflicts", GINT_TO_POINTER (TRUE));
      if (as)
        jm_window_save_as (self, FALSE);
      else
        jm_window_save (self, FALSE);
    }
  g_object_unref (self);
}

/* TRUE: save now. FALSE: the map holds unresolved conflicts, and the user
 * is asked first (a conflicted map is valid, but usually not meant to be
 * kept as it is), unless they said "Save Anyway" for this map before. */
static gboolean
save_despite_conflicts (JmWindow *self,
                        gboolean  as)
{
  guint n = self->document ? jm_document_get_conflicts (self->document)->len : 0;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (n == 0 || g_object_get_data (G_OBJECT (self->document), "jm-save-with-conflicts") != NULL)
    return TRUE;
  heading = g_strdup_printf (ngettext ("Save with %u unresolved conflict?",
                                       "Save with %u unresolved conflicts?", n), n);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                       _("The map keeps “ours” for each conflict and "
                                                         "remembers “theirs”, so they can still be "
                                                         "resolved after saving.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", _("_Save Anyway"), NULL);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "jm-save-as", GINT_TO_POINTER (as));
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_conflicts_response), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}

static void
action_save (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  if (save_despite_conflicts (JM_WINDOW (widget), FALSE))
    jm_window_save (JM_WINDOW (widget), FALSE);
}

static void
action_save_as (GtkWidget  *widget,
                const char *name,
                GVariant   *parameter)
{
  if (save_despite_conflicts (JM_WINDOW (widget), TRUE))
    jm_window_save_as (JM_WINDOW (widget), FALSE);
}

static void
action_export (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);
  GtkWindow *dialog = GTK_WINDOW (jm_export_dialog_new (GTK_WINDOW (self), self->document,
                                                        self->file, jm_window_settings (self)));

  gtk_window_present (dialog);
}

/* ---- presenting ---- */

static void
action_present (GtkWidget  *widget,
                const char *name,
                GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);
  GSettings *settings = jm_window_settings (self);
  JmPresentationWindow *presentation;

  if (self->document == NULL)
    return;
  presentation = jm_presentation_window_new (self->document, jm_canvas_get_persona (self->canvas),
                                             g_settings_get_double (settings, "presentation-min-text-share") * 10.8,
                                             g_settings_get_boolean (settings, "presentation-high-contrast"));
  jm_presentation_window_set_min_text_share (presentation,
                                             g_settings_get_double (settings, "presentation-min-text-share"));
  jm_presentation_window_set_view (presentation, jm_canvas_get_view (self->canvas));
  gtk_window_set_application (GTK_WINDOW (presentation), gtk_window_get_application (GTK_WINDOW (self)));
  jm_presentation_window_start (presentation, GTK_WINDOW (self));
}

/* ---- printing ---- */

static void
action_print (GtkWidget  *widget,
              const char *name,
              GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);

  if (self->document == NULL)
    return;
  jm_print_run (GTK_WINDOW (self), self->document, jm_canvas_get_persona (self->canvas),
                jm_canvas_get_view (self->canvas), jm_window_settings (self));
}

/* Persona sheets or the one-page handout, through the view the canvas shows. */
static void
action_print_sheets (GtkWidget  *widget,
                     const char *name,
                     GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);
  gboolean sheets = g_str_equal (name, "win.print-personas");

  /* A map without personas has no sheets to print. */
  if (self->document == NULL || (sheets && jm_document_get_personas (self->document)->len == 0))
    return;
  jm_print_run_sheets (GTK_WINDOW (self), self->document,
                       sheets ? JM_EXPORT_PERSONA_SHEETS : JM_EXPORT_HANDOUT,
                       jm_canvas_get_view (self->canvas));
}

/* ---- survey responses ---- */

static void
on_import_response (AdwMessageDialog *dialog,
                    const char       *response,
                    JmCsvImport      *import)
{
  JmWindow *self = JM_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));

  if (g_str_equal (response, "apply") && self->document != NULL)
    jm_csv_import_apply (import, self->document);
}

/* What the import would do, shown before anything changes. */
void
jm_window_preview_import (JmWindow    *self,
                          JmCsvImport *import)
{
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog, *scroller, *label;

  g_return_if_fail (JM_IS_WINDOW (self));

  for (guint i = 0; i < import->results->len; i++)
    {
      JmCsvResult *r = g_ptr_array_index (import->results, i);
      JmCard *card = jm_document_find_card (self->document, r->card_id, NULL);
      g_autofree char *value = jm_number_format_unit (r->value, -2, jm_metric_kind_get_unit (r->kind));

      g_string_append_printf (body, "• %s — %s %s ", card && *card->text ? card->text : r->card_id,
                              jm_metric_kind_get_label (r->kind), value);
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "(%u answer)", "(%u answers)", r->sample_size),
                              r->sample_size);
      g_string_append_c (body, '\n');
    }
  if (import->problems->len > 0)
    {
      g_string_append_c (body, '\n');
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "%u row cannot be used:", "%u rows cannot be used:",
                                                 import->problems->len), import->problems->len);
      for (guint i = 0; i < import->problems->len; i++)
        {
          JmProblem *p = g_ptr_array_index (import->problems, i);

          g_string_append_c (body, '\n');
          g_string_append_printf (body, _("Line %d: %s"), p->line, p->message);
        }
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Import Survey Responses?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  g_dngettext (GETTEXT_PACKAGE, "%u response gives these metrics:",
                                               "%u responses give these metrics:", import->rows_used),
                                  import->rows_used);
  label = gtk_label_new (body->str);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "apply", _("_Apply"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply", import->results->len > 0);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_import_response), import,
                         (GClosureNotify) jm_csv_import_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_chosen (GtkNativeDialog *chooser,
                  int              response,
                  gpointer         user_data)
{
  JmWindow *self = JM_WINDOW (user_data);

  if (response == GTK_RESPONSE_ACCEPT && self->document != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      JmSurveyImport *import = path ? jm_survey_import_load_path (self->document, path, &error) : NULL;

      /* Any survey tool's export, with its questions to map (jm-import-dialog.h). */
      if (import != NULL)
        gtk_window_present (GTK_WINDOW (jm_import_dialog_new (GTK_WINDOW (self), self->document, import)));
      else
        jm_window_show_error (self, _("Could Not Import the Responses"),
                    error ? error->message : _("Only files on this computer can be opened."));
    }
  g_object_unref (self);
  g_object_unref (chooser);
}

static void
action_import_metrics (GtkWidget  *widget,
                       const char *name,
                       GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);
  static const char * const types[] = { "text/csv", NULL };

  jm_file_chooser_open (GTK_WINDOW (self), _("Import Survey Responses"), _("_Import"),
                        _("Spreadsheets (CSV)"), types, "csv", G_CALLBACK (on_import_chosen), g_object_ref (self));
}

/* The map, or every metric in a table: one toggle. */
void
jm_window_on_show_metrics (GSimpleAction *action,
                           GVariant      *state,
                           JmWindow      *self)
{
  g_simple_action_set_state (action, state);
  if (self->document != NULL)
    gtk_stack_set_visible_child_name (self->stack, g_variant_get_boolean (state) ? "metrics" : "map");
}

static void
action_undo (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);

  if (self->document != NULL)
    jm_history_undo (jm_document_get_history (self->document));
}

static void
action_redo (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);

  if (self->document != NULL)
    jm_history_redo (jm_document_get_history (self->document));
}

static void
action_zoom (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);

  if (g_str_equal (name, "win.zoom-in"))
    jm_canvas_zoom_by (self->canvas, 1.25);
  else if (g_str_equal (name, "win.zoom-out"))
    jm_canvas_zoom_by (self->canvas, 0.8);
  else if (g_str_equal (name, "win.zoom-reset"))
    jm_canvas_set_zoom (self->canvas, 1.0);
  else if (g_str_equal (name, "win.zoom-to"))
    jm_canvas_set_zoom (self->canvas, g_variant_get_double (parameter));
  else if (g_str_equal (name, "win.zoom-fit-width"))
    jm_canvas_zoom_to_fit_width (self->canvas);
  else
    jm_canvas_zoom_to_fit (self->canvas);
}

/* The zoom button says the level. The zoom may change while the canvas is
 * being allocated (a map's first zoom is chosen for its size): the label
 * follows once that pass is over, not in its middle. */
static gboolean
update_zoom_label (gpointer data)
{
  JmWindow *self = data;
  /* Translators: the zoom level in the header bar, e.g. "100 %". */
  g_autofree char *label = g_strdup_printf (_("%.0f %%"), round (jm_canvas_get_zoom (self->canvas) * 100));

  self->zoom_label_idle = 0;
  gtk_menu_button_set_label (self->zoom_button, label);
  return G_SOURCE_REMOVE;
}

void
jm_window_on_zoom_changed (JmCanvas   *canvas,
                 GParamSpec *pspec,
                 JmWindow   *self)
{
  if (self->zoom_label_idle == 0)
    self->zoom_label_idle = g_idle_add (update_zoom_label, self);
}

static void
action_close (GtkWidget  *widget,
              const char *name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}


/* A map pasted as text (a Mermaid journey from a README, say): a new,
 * unsaved map, in this window if it has none yet. */
static void
action_open_text (GtkWidget  *widget,
                  const char *name,
                  GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);
  gsize len = 0;
  const char *text = g_variant_get_string (parameter, &len);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  JmDocument *doc = jm_import_load_bytes (_("Pasted journey"), text, len, &problems, &error);
  JmWindow *target = self;

  if (doc == NULL)
    {
      jm_window_show_error (self, _("The pasted journey could not be read"), error ? error->message : "");
      return;
    }
  if (self->document != NULL)
    target = jm_window_new (JM_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  jm_window_set_document (target, doc, NULL);
  gtk_window_present (GTK_WINDOW (target));
  if (problems != NULL && problems->len > 0)
    jm_window_toast (target, ((JmProblem *) g_ptr_array_index (problems, 0))->message);
}

/* A map from the welcome page's list of those opened last. */
static void
action_open_recent (GtkWidget  *widget,
                    const char *name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  jm_window_open_file (JM_WINDOW (widget), file);
}

void
jm_window_actions_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", action_open_recent);
  gtk_widget_class_install_action (widget_class, "win.open-text", "s", action_open_text);
  gtk_widget_class_install_action (widget_class, "win.new", "s", action_new);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, action_open);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, action_save);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, action_save_as);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, action_export);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, action_present);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, action_print);
  gtk_widget_class_install_action (widget_class, "win.print-personas", NULL, action_print_sheets);
  gtk_widget_class_install_action (widget_class, "win.print-handout", NULL, action_print_sheets);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, action_undo);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, action_redo);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit-width", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "win.zoom-to", "d", action_zoom);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, action_close);
  gtk_widget_class_install_action (widget_class, "win.import-metrics", NULL, action_import_metrics);
}
