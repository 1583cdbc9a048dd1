/* jm-window.c — the main window: its document, saving and closing, autosave
 * and recovery, the empty state. Its actions are in jm-window-actions.c,
 * dropping files on it in jm-window-dnd.c; jm-window-private.h is what
 * they share. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "jm-canvas.h"
#include "jm-compare-panel.h"
#include "jm-conflict-bar.h"
#include "jm-window-compare.h"
#include "jm-csv.h"
#include "jm-export-dialog.h"
#include "jm-print.h"
#include "jm-inspector.h"
#include "jm-metrics-view.h"
#include "jm-number.h"
#include "jm-file-chooser.h"
#include "jm-import.h"
#include "jm-import-dialog.h"
#include "jm-presentation-window.h"
#include "jm-recovery.h"
#include "jm-reader.h"
#include "jm-templates.h"
#include "jm-thumbnail.h"
#include "jm-a11y.h"
#include "jm-outline-view.h"
#include "jm-views-button.h"
#include "jm-welcome-page.h"
#include "jm-window-private.h"
#include "jm-preload.h"
#include "jm-writer.h"


G_DEFINE_FINAL_TYPE (JmWindow, jm_window, ADW_TYPE_APPLICATION_WINDOW)

static void update_title (JmWindow *self);
static void quiet_tooltips_under (JmWindow      *self,
                                  GtkMenuButton *button);

GSettings *
jm_window_settings (JmWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return jm_application_get_settings (JM_APPLICATION (app));
}

void
jm_window_toast (JmWindow   *self,
       const char *message)
{
  AdwToast *t = adw_toast_new (message);

  adw_toast_set_timeout (t, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

void
jm_window_show_error (JmWindow   *self,
            const char *heading,
            const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
jm_window_add_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

/* ---- document state ---- */

/* The persona switcher: "Everyone" and each persona of the map. */
static void
update_persona_menu (JmWindow *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GPtrArray *personas = self->document ? jm_document_get_personas (self->document) : NULL;
  const char *current = jm_canvas_get_persona (self->canvas);

  g_menu_append (menu, _("Everyone"), "win.view-persona('')");
  for (guint i = 0; personas != NULL && i < personas->len; i++)
    {
      JmPersona *persona = g_ptr_array_index (personas, i);
      g_autofree char *action = g_strdup_printf ("win.view-persona('%s')", persona->id);

      g_menu_append (menu, persona->name, action);
    }
  gtk_menu_button_set_menu_model (self->persona_button, G_MENU_MODEL (menu));
  quiet_tooltips_under (self, self->persona_button);
  gtk_widget_set_visible (GTK_WIDGET (self->persona_button), personas != NULL && personas->len > 1);
  if (current != NULL && (self->document == NULL || jm_document_find_persona (self->document, current) == NULL))
    jm_canvas_set_persona (self->canvas, NULL);
}

static void
action_view_persona (GtkWidget  *widget,
                     const char *name,
                     GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);

  jm_canvas_set_persona (self->canvas, g_variant_get_string (parameter, NULL));
}

static void
on_document_changed (JmDocument *document,
                     JmChange   *change,
                     JmWindow   *self)
{
  self->dirty_since_autosave = TRUE;
  if (change->type == JM_OBJECT_MAP)
    update_title (self);
  if (change->type == JM_OBJECT_PERSONA)
    update_persona_menu (self);
}

/* ---- autosave and recovery ---- */

gboolean
jm_window_autosave (JmWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (JM_IS_WINDOW (self), FALSE);

  if (self->document == NULL)
    return FALSE;

  /* Saved work needs no copy; unchanged work needs no new one. */
  if (!jm_history_is_modified (jm_document_get_history (self->document)))
    {
      jm_recovery_remove (self->recovery_id);
      return FALSE;
    }
  if (!self->dirty_since_autosave)
    return FALSE;

  if (!jm_recovery_save (self->recovery_id, self->document, self->file, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not keep a recovery copy: %s"), error->message);
      jm_window_toast (self, message);
      return FALSE;
    }
  self->dirty_since_autosave = FALSE;
  return TRUE;
}

static gboolean
on_autosave_tick (gpointer data)
{
  jm_window_autosave (JM_WINDOW (data));
  return G_SOURCE_CONTINUE;
}

static void
restart_autosave (JmWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  guint interval;

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (app == NULL)
    return;
  interval = g_settings_get_uint (jm_application_get_settings (JM_APPLICATION (app)), "autosave-interval");
  self->autosave_source = g_timeout_add_seconds (MAX (interval, 5), on_autosave_tick, self);
}

static void
on_autosave_interval_changed (GSettings  *settings,
                              const char *key,
                              JmWindow   *self)
{
  restart_autosave (self);
}

const char *
jm_window_get_recovery_id (JmWindow *self)
{
  g_return_val_if_fail (JM_IS_WINDOW (self), NULL);
  return self->recovery_id;
}

/* ---- the file changing on disk ---- */

static void
action_reload (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);

  if (self->file != NULL)
    {
      g_autoptr(GFile) file = g_object_ref (self->file);
      jm_window_open_file (self, file);
    }
}

static void
on_file_changed (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other,
                 GFileMonitorEvent  event,
                 JmWindow          *self)
{
  AdwToast *t;

  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT && event != G_FILE_MONITOR_EVENT_CREATED
      && event != G_FILE_MONITOR_EVENT_MOVED_IN && event != G_FILE_MONITOR_EVENT_RENAMED)
    return;
  /* Our own atomic save shows up here too. */
  if (g_get_monotonic_time () - self->own_save_time < 3 * G_USEC_PER_SEC)
    return;

  t = adw_toast_new (_("The file was changed by another program"));
  adw_toast_set_button_label (t, _("_Reload"));
  adw_toast_set_action_name (t, "win.reload");
  adw_toast_set_timeout (t, 0);
  adw_toast_set_priority (t, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static void
watch_file (JmWindow *self)
{
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  if (self->file == NULL)
    return;
  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect (self->monitor, "changed", G_CALLBACK (on_file_changed), self);
}

static void
on_modified_changed (JmHistory  *history,
                     GParamSpec *pspec,
                     JmWindow   *self)
{
  update_title (self);
  jm_window_update_actions (self);
}

static void
update_title (JmWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (self->document == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Journey Maps"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Journey Maps"));
      return;
    }

  if (jm_history_is_modified (jm_document_get_history (self->document)))
    title = g_strdup_printf ("• %s", jm_document_get_title (self->document));
  else
    title = g_strdup (jm_document_get_title (self->document));
  if (title[0] == '\0')
    {
      g_free (title);
      title = g_strdup (_("Untitled journey map"));
    }

  if (self->file != NULL)
    subtitle = g_file_get_basename (self->file);
  else
    subtitle = g_strdup (_("Not saved yet"));

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

void
jm_window_update_actions (JmWindow *self)
{
  gboolean has_doc = self->document != NULL;
  JmHistory *history = has_doc ? jm_document_get_history (self->document) : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-personas",
                                 has_doc && jm_document_get_personas (self->document)->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-handout", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-metrics", has_doc);
  {
    GAction *show_metrics = g_action_map_lookup_action (G_ACTION_MAP (self), "show-metrics");

    if (show_metrics != NULL)
      {
        g_simple_action_set_enabled (G_SIMPLE_ACTION (show_metrics), has_doc);
        /* A map just opened shows as a map. */
        if (gtk_stack_get_visible_child_name (self->stack) != NULL
            && g_str_equal (gtk_stack_get_visible_child_name (self->stack), "map"))
          g_simple_action_set_state (G_SIMPLE_ACTION (show_metrics), g_variant_new_boolean (FALSE));
      }
  }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", has_doc && jm_history_can_undo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", has_doc && jm_history_can_redo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-in", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-out", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-reset", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-fit", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-fit-width", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-to", has_doc);
  gtk_widget_set_sensitive (GTK_WIDGET (self->zoom_button), has_doc);
}

static void
on_history_notify (JmHistory  *history,
                   GParamSpec *pspec,
                   JmWindow   *self)
{
  jm_window_update_actions (self);
}

/* layout: the document's, made beforehand (jm-preload.h), or NULL. */
static void
set_document (JmWindow   *self,
              JmDocument *document,
              GFile      *file,
              JmLayout   *layout)
{

  if (self->document != NULL)
    {
      JmHistory *old_history = jm_document_get_history (self->document);

      g_signal_handlers_disconnect_by_data (old_history, self);
      g_clear_signal_handler (&self->changed_handler, self->document);
      g_clear_object (&self->document);
    }

  self->document = document;
  g_set_object (&self->file, file);

  /* A new document, a new recovery copy: the old one is no longer needed. */
  if (self->recovery_id != NULL)
    jm_recovery_remove (self->recovery_id);
  g_free (self->recovery_id);
  self->recovery_id = g_uuid_string_random ();
  self->dirty_since_autosave = FALSE;
  watch_file (self);
  restart_autosave (self);

  self->changed_handler = g_signal_connect (document, "changed",
                                            G_CALLBACK (on_document_changed), self);
  g_signal_connect (jm_document_get_history (document), "notify::modified",
                    G_CALLBACK (on_modified_changed), self);
  g_signal_connect (jm_document_get_history (document), "notify::can-undo",
                    G_CALLBACK (on_history_notify), self);
  g_signal_connect (jm_document_get_history (document), "notify::can-redo",
                    G_CALLBACK (on_history_notify), self);

  jm_canvas_set_document_with_layout (self->canvas, document, layout);
  /* One current object for the canvas, the inspector and the menus. */
  g_set_object (&self->selection, jm_canvas_get_selection_model (self->canvas));
  jm_inspector_set_selection (self->inspector, self->selection);
  jm_outline_view_set_selection (self->outline, self->selection);
  jm_conflict_bar_set_canvas (self->conflict_bar, self->canvas);
  jm_views_button_set_canvas (self->views_button, self->canvas);
  jm_compare_panel_set_canvas (self->compare_panel, self->canvas);
  jm_metrics_view_set_document (self->metrics_view, document);
  update_persona_menu (self);
  gtk_stack_set_visible_child_name (self->stack, "map");
  update_title (self);
  jm_window_update_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

void
jm_window_set_document (JmWindow   *self,
                        JmDocument *document,
                        GFile      *file)
{
  g_return_if_fail (JM_IS_WINDOW (self));
  g_return_if_fail (JM_IS_DOCUMENT (document));

  set_document (self, document, file, NULL);
}

JmDocument *
jm_window_get_document (JmWindow *self)
{
  g_return_val_if_fail (JM_IS_WINDOW (self), NULL);
  return self->document;
}

GFile *
jm_window_get_file (JmWindow *self)
{
  g_return_val_if_fail (JM_IS_WINDOW (self), NULL);
  return self->file;
}

gboolean
jm_window_open_file (JmWindow *self,
                     GFile    *file)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(JmLayout) layout = NULL;
  JmDocument *document = NULL;

  g_return_val_if_fail (JM_IS_WINDOW (self), FALSE);

  if (path == NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("Could not open “%s”"), name);
      jm_window_show_error (self, heading, _("Only files on this computer can be opened."));
      return FALSE;
    }

  /* A .journey, or a map from Mermaid, CJML or a grid (jm-import.h). */
  if (!jm_preload_take (path, &document, &problems, &error, &layout))
    document = jm_import_load_path (path, &problems, &error);
  if (document == NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("Could not open “%s”"), name);
      g_autoptr(GString) body = g_string_new (NULL);

      if (problems != NULL && problems->len > 0)
        {
          for (guint i = 0; i < MIN (problems->len, 8); i++)
            {
              const JmProblem *p = g_ptr_array_index (problems, i);

              if (i > 0)
                g_string_append_c (body, '\n');
              if (p->line > 0)
                /* Translators: a problem in a file: "Line 12: Card “c3” refers to …" */
                g_string_append_printf (body, _("Line %d: %s"), p->line, p->message);
              else
                g_string_append (body, p->message);
            }
          if (problems->len > 8)
            {
              g_string_append_c (body, '\n');
              g_string_append_printf (body,
                                      g_dngettext (GETTEXT_PACKAGE, "…and %u more problem",
                                                   "…and %u more problems", problems->len - 8),
                                      problems->len - 8);
            }
        }
      else
        {
          g_string_append (body, error->message);
        }

      jm_window_show_error (self, heading, body->str);
      return FALSE;
    }

  /* Imported, it is a new map, in no file yet; what the import left out
   * or changed is said. */
  if (jm_history_is_modified (jm_document_get_history (document)))
    {
      set_document (self, document, NULL, layout);
      if (problems != NULL && problems->len > 0)
        {
          const JmProblem *p = g_ptr_array_index (problems, 0);
          g_autofree char *message = p->line > 0 ? g_strdup_printf (_("Line %d: %s"), p->line, p->message)
                                                 : g_strdup (p->message);
          jm_window_toast (self, message);
        }
      return TRUE;
    }
  set_document (self, document, file, layout);
  jm_window_add_recent (file);
  return TRUE;
}

/* ---- saving ---- */

typedef void (*AfterSave) (JmWindow *self);

static gboolean
save_to (JmWindow *self,
         GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL || !jm_writer_save_path (self->document, path, &error))
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *heading = g_strdup_printf (_("Could not save “%s”"), name);

      jm_window_show_error (self, heading,
                  error ? error->message : _("Only files on this computer can be saved."));
      return FALSE;
    }

  self->own_save_time = g_get_monotonic_time ();
  if (self->file == NULL || !g_file_equal (self->file, file))
    {
      g_set_object (&self->file, file);
      watch_file (self);
    }
  jm_history_set_clean (jm_document_get_history (self->document));
  jm_recovery_remove (self->recovery_id);
  self->dirty_since_autosave = FALSE;
  update_title (self);
  jm_window_toast (self, _("Saved"));
  return TRUE;
}

typedef struct {
  JmWindow *self;
  gboolean  close_after;
} SaveAsData;

static void
on_save_as_response (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  SaveAsData *data = user_data;
  JmWindow *self = data->self;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GFile) target = NULL;
      g_autofree char *name = g_file_get_basename (file);

      /* Maps are recognised by their extension: add it when it is missing. */
      if (!g_str_has_suffix (name, ".journey"))
        {
          g_autofree char *with_ext = g_strconcat (name, ".journey", NULL);
          g_autoptr(GFile) parent = g_file_get_parent (file);

          target = g_file_get_child (parent, with_ext);
        }
      else
        {
          target = g_object_ref (file);
        }

      if (save_to (self, target))
        {
          jm_window_add_recent (target);
          if (data->close_after)
            {
              self->close_confirmed = TRUE;
              gtk_window_close (GTK_WINDOW (self));
            }
        }
    }

  g_object_unref (self);
  g_free (data);
  g_object_unref (dialog);
}

GtkFileFilter *
jm_window_journey_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Journey maps"));
  gtk_file_filter_add_mime_type (filter, "application/x-journey-map+xml");
  gtk_file_filter_add_suffix (filter, "journey");
  return filter;
}

void
jm_window_save_as (JmWindow *self,
         gboolean  close_after)
{
  GtkFileChooserNative *chooser;
  SaveAsData *data;
  g_autofree char *suggested = NULL;

  chooser = gtk_file_chooser_native_new (_("Save Journey Map"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), jm_window_journey_filter ());

  if (self->file != NULL)
    {
      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), self->file, NULL);
    }
  else
    {
      const char *title = jm_document_get_title (self->document);

      suggested = g_strdup_printf ("%s.journey", title && *title ? title : _("Journey map"));
      g_strdelimit (suggested, "/\\", '-');
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
    }

  data = g_new0 (SaveAsData, 1);
  data->self = g_object_ref (self);
  data->close_after = close_after;
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_as_response), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Saves to the current file, or asks for one. FALSE when it failed or is pending. */
gboolean
jm_window_save (JmWindow *self,
      gboolean  close_after)
{
  if (self->file == NULL)
    {
      jm_window_save_as (self, close_after);
      return FALSE;
    }
  return save_to (self, self->file);
}

/* ---- closing with unsaved changes ---- */

static void
on_close_response (AdwMessageDialog *dialog,
                   const char       *response,
                   JmWindow         *self)
{
  if (g_str_equal (response, "discard"))
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (g_str_equal (response, "save"))
    {
      if (self->file == NULL)
        {
          jm_window_save_as (self, TRUE);
        }
      else if (save_to (self, self->file))
        {
          self->close_confirmed = TRUE;
          gtk_window_close (GTK_WINDOW (self));
        }
    }
}

static void
save_window_state (JmWindow *self)
{
  GSettings *settings = jm_window_settings (self);
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
}

static gboolean
jm_window_close_request (GtkWindow *window)
{
  JmWindow *self = JM_WINDOW (window);

  if (!self->close_confirmed
      && self->document != NULL
      && jm_history_is_modified (jm_document_get_history (self->document)))
    {
      g_autofree char *body = NULL;
      const char *title = jm_document_get_title (self->document);
      GtkWidget *dialog;

      body = g_strdup_printf (_("“%s” has changes that are not saved. If you don’t save, "
                                "they will be lost."), title && *title ? title : _("Untitled journey map"));
      dialog = adw_message_dialog_new (window, _("Save Changes?"), body);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "discard", _("_Discard"),
                                        "save", _("_Save"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect (dialog, "response", G_CALLBACK (on_close_response), self);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  save_window_state (self);
  /* Closing on purpose (saved, or changes discarded) leaves nothing to recover. */
  if (self->recovery_id != NULL)
    jm_recovery_remove (self->recovery_id);
  return GTK_WINDOW_CLASS (jm_window_parent_class)->close_request (window);
}

/* ---- GObject ---- */

static void
jm_window_dispose (GObject *object)
{
  JmWindow *self = JM_WINDOW (object);

  g_clear_handle_id (&self->zoom_label_idle, g_source_remove);

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (jm_document_get_history (self->document), self);
      g_clear_signal_handler (&self->changed_handler, self->document);
    }
  g_clear_object (&self->document);
  g_clear_object (&self->selection);
  g_clear_object (&self->file);
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_pointer (&self->recovery_id, g_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), JM_TYPE_WINDOW);
  G_OBJECT_CLASS (jm_window_parent_class)->dispose (object);
}

static void
jm_window_class_init (JmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = jm_window_dispose;
  window_class->close_request = jm_window_close_request;

  g_type_ensure (JM_TYPE_CANVAS);
  g_type_ensure (JM_TYPE_CONFLICT_BAR);
  g_type_ensure (JM_TYPE_OUTLINE_VIEW);
  g_type_ensure (JM_TYPE_COMPARE_PANEL);
  g_type_ensure (JM_TYPE_INSPECTOR);
  g_type_ensure (JM_TYPE_METRICS_VIEW);
  g_type_ensure (JM_TYPE_WELCOME_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/jm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JmWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, scroller);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, canvas);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, inspector);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, metrics_view);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, new_button);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, persona_button);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, conflict_bar);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, outline);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, compare_panel);
  jm_window_compare_install_actions (widget_class);

  jm_window_actions_class_init (widget_class);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, action_reload);
  gtk_widget_class_install_action (widget_class, "win.view-persona", "s", action_view_persona);
}

/* ---- tooltips and menus ---- */

/* While a header bar menu is open, the header bar's tooltips keep quiet:
 * GTK would draw them over the open menu. */
static void
set_header_tooltips (GtkWidget *widget,
                     gboolean   enabled)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_POPOVER (child))
        continue;
      if (gtk_widget_get_tooltip_text (child) != NULL)
        gtk_widget_set_has_tooltip (child, enabled);
      set_header_tooltips (child, enabled);
    }
}

static void
on_header_menu_shown (GtkWidget *popover,
                      JmWindow  *self)
{
  set_header_tooltips (GTK_WIDGET (self->header_bar), FALSE);
}

static void
on_header_menu_closed (GtkWidget *popover,
                       JmWindow  *self)
{
  set_header_tooltips (GTK_WIDGET (self->header_bar), TRUE);
}

static void
quiet_tooltips_under (JmWindow      *self,
                      GtkMenuButton *button)
{
  GtkPopover *popover = gtk_menu_button_get_popover (button);

  if (popover == NULL)
    return;
  /* A menu given a new model may keep its popover: connect once. */
  g_signal_handlers_disconnect_by_data (popover, self);
  g_signal_connect_object (popover, "show", G_CALLBACK (on_header_menu_shown), self, 0);
  g_signal_connect_object (popover, "closed", G_CALLBACK (on_header_menu_closed), self, 0);
}

static void
quiet_tooltips_under_menus (JmWindow *self)
{
  GtkMenuButton *buttons[] = { self->new_button, self->primary_menu_button, self->persona_button, self->zoom_button };

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    quiet_tooltips_under (self, buttons[i]);
}

static void
jm_window_init (JmWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The views menu, beside the persona switcher. */
  self->views_button = jm_views_button_new ();
  gtk_widget_insert_after (GTK_WIDGET (self->views_button),
                           gtk_widget_get_parent (GTK_WIDGET (self->persona_button)),
                           GTK_WIDGET (self->persona_button));
  quiet_tooltips_under_menus (self);
  gtk_widget_set_visible (GTK_WIDGET (self->persona_button), FALSE);

  jm_window_dnd_init (self);

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

/* The shortcuts window, made the first time it is asked for. GTK would
 * build it for every new window from the resource "gtk/help-overlay.ui",
 * before the window's first frame; the resource is "ui/help-overlay.ui"
 * instead. Once made, the window keeps it (hidden when closed), and this
 * action, which GTK then leaves in place of its own, shows it again. */
static void
on_show_help_overlay (GSimpleAction *action,
                      GVariant      *parameter,
                      JmWindow      *self)
{
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self));

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/ui/help-overlay.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      jm_a11y_name_window (GTK_WINDOW (overlay));
      gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self), overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

JmWindow *
jm_window_new (JmApplication *application)
{
  JmWindow *self = g_object_new (JM_TYPE_WINDOW, "application", application, NULL);
  GSettings *settings = jm_application_get_settings (application);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* The inspector's visibility is a setting, shown by a toggle and F9. */
  g_settings_bind (settings, "inspector-visible", self->flap, "reveal-flap", G_SETTINGS_BIND_DEFAULT);
  {
    g_autoptr(GAction) action = g_settings_create_action (settings, "inspector-visible");
    g_action_map_add_action (G_ACTION_MAP (self), action);
  }
  /* The emotion curves' scores in words beside the faces, on request. */
  g_settings_bind (settings, "emotion-values", self->canvas, "emotion-values", G_SETTINGS_BIND_GET);
  {
    g_autoptr(GAction) action = g_settings_create_action (settings, "emotion-values");
    g_action_map_add_action (G_ACTION_MAP (self), action);
  }
  g_signal_connect (self->canvas, "notify::zoom", G_CALLBACK (jm_window_on_zoom_changed), self);
  /* The outline: the map as a tree of rows beside the canvas (Ctrl+L). */
  {
    g_autoptr(GPropertyAction) outline = g_property_action_new ("outline-visible", self->outline, "visible");
    g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (outline));
  }
  {
    g_autoptr(GSimpleAction) show_metrics = g_simple_action_new_stateful ("show-metrics", NULL,
                                                                         g_variant_new_boolean (FALSE));

    g_signal_connect (show_metrics, "change-state", G_CALLBACK (jm_window_on_show_metrics), self);
    g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (show_metrics));
  }
  g_signal_connect_object (settings, "changed::autosave-interval",
                           G_CALLBACK (on_autosave_interval_changed), self, 0);

  {
    g_autoptr(GSimpleAction) help = g_simple_action_new ("show-help-overlay", NULL);

    g_signal_connect_object (help, "activate", G_CALLBACK (on_show_help_overlay), self, 0);
    g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (help));
  }

  /* Controls GTK 4.8 would name "_Save Save" or "GtkButton". */
  jm_a11y_name_controls (GTK_WIDGET (self));
  update_title (self);
  jm_window_update_actions (self);
  return self;
}

gboolean
jm_window_open_recovered (JmWindow   *self,
                          const char *path,
                          GFile      *original)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  JmDocument *document;

  g_return_val_if_fail (JM_IS_WINDOW (self), FALSE);

  document = jm_reader_load_path (path, &problems, &error);
  if (document == NULL)
    {
      jm_window_show_error (self, _("A Recovery Copy Is Damaged"), error->message);
      return FALSE;
    }
  jm_window_set_document (self, document, original);
  /* It differs from the file on disk, if there is one. */
  jm_history_set_unsaved (jm_document_get_history (document));
  self->dirty_since_autosave = TRUE;
  return TRUE;
}

JmWindow *
jm_window_find_for_file (JmApplication *application,
                         GFile         *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l; l = l->next)
    {
      if (JM_IS_WINDOW (l->data)
          && JM_WINDOW (l->data)->file != NULL
          && g_file_equal (JM_WINDOW (l->data)->file, file))
        return l->data;
    }
  return NULL;
}

JmWindow *
jm_window_get_empty (JmApplication *application)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l; l = l->next)
    {
      if (JM_IS_WINDOW (l->data) && JM_WINDOW (l->data)->document == NULL)
        return l->data;
    }
  return NULL;
}
