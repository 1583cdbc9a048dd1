/* jm-window.c — the main window and the document actions: new, open,
 * save, save as, export, print, close, undo, redo, zoom. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "jm-canvas.h"
#include "jm-csv.h"
#include "jm-export-dialog.h"
#include "jm-print.h"
#include "jm-inspector.h"
#include "jm-metrics-view.h"
#include "jm-views-button.h"
#include "jm-number.h"
#include "jm-file-chooser.h"
#include "jm-import.h"
#include "jm-import-dialog.h"
#include "jm-presentation-window.h"
#include "jm-recovery.h"
#include "jm-reader.h"
#include "jm-templates.h"
#include "jm-thumbnail.h"
#include "jm-window.h"
#include "jm-preload.h"
#include "jm-writer.h"

struct _JmWindow {
  AdwApplicationWindow parent_instance;

  /* template children */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkStack        *stack;
  GtkScrolledWindow *scroller;
  GtkMenuButton   *new_button;
  GtkMenuButton   *primary_menu_button;
  GtkButton       *empty_new_button;
  GtkButton       *empty_open_button;
  GtkBox          *template_gallery;
  gboolean         template_previews_drawn;
  GtkMenuButton   *persona_button;
  JmViewsButton   *views_button;
  GtkListBox      *recent_list;

  JmCanvas        *canvas;
  GtkMenuButton   *zoom_button;
  guint            zoom_label_idle;
  AdwFlap         *flap;
  JmMetricsView   *metrics_view;
  JmInspector     *inspector;
  JmDocument      *document;
  JmSelection     *selection;       /* the document's focus and selection */
  GFile           *file;
  gboolean         close_confirmed;
  gulong           changed_handler;
  gulong           modified_handler;

  /* autosave to a recovery copy */
  char            *recovery_id;
  guint            autosave_source;
  gboolean         dirty_since_autosave;

  /* noticing changes made to the file by someone else */
  GFileMonitor    *monitor;
  gint64           own_save_time;
};

G_DEFINE_FINAL_TYPE (JmWindow, jm_window, ADW_TYPE_APPLICATION_WINDOW)

static void update_title (JmWindow *self);
static void update_actions (JmWindow *self);

static GSettings *
get_settings (JmWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return jm_application_get_settings (JM_APPLICATION (app));
}

static void
toast (JmWindow   *self,
       const char *message)
{
  AdwToast *t = adw_toast_new (message);

  adw_toast_set_timeout (t, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static void
show_error (JmWindow   *self,
            const char *heading,
            const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_recent (GFile *file)
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
      toast (self, message);
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
  update_actions (self);
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

static void
update_actions (JmWindow *self)
{
  gboolean has_doc = self->document != NULL;
  JmHistory *history = has_doc ? jm_document_get_history (self->document) : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", has_doc);
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
  update_actions (self);
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
  jm_metrics_view_set_document (self->metrics_view, document);
  update_persona_menu (self);
  jm_views_button_set_canvas (self->views_button, self->canvas);
  gtk_stack_set_visible_child_name (self->stack, "map");
  update_title (self);
  update_actions (self);
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
      show_error (self, heading, _("Only files on this computer can be opened."));
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

      show_error (self, heading, body->str);
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
          toast (self, message);
        }
      return TRUE;
    }
  set_document (self, document, file, layout);
  add_recent (file);
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

      show_error (self, heading,
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
  toast (self, _("Saved"));
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
          add_recent (target);
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

static GtkFileFilter *
journey_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Journey maps"));
  gtk_file_filter_add_mime_type (filter, "application/x-journey-map+xml");
  gtk_file_filter_add_suffix (filter, "journey");
  return filter;
}

static void
save_as (JmWindow *self,
         gboolean  close_after)
{
  GtkFileChooserNative *chooser;
  SaveAsData *data;
  g_autofree char *suggested = NULL;

  chooser = gtk_file_chooser_native_new (_("Save Journey Map"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), journey_filter ());

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
static gboolean
save (JmWindow *self,
      gboolean  close_after)
{
  if (self->file == NULL)
    {
      save_as (self, close_after);
      return FALSE;
    }
  return save_to (self, self->file);
}

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
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), journey_filter ());
  jm_file_chooser_add_import_filters (GTK_FILE_CHOOSER (chooser));
  all = gtk_file_filter_new ();
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  g_object_unref (all);

  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
action_save (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  save (JM_WINDOW (widget), FALSE);
}

static void
action_save_as (GtkWidget  *widget,
                const char *name,
                GVariant   *parameter)
{
  save_as (JM_WINDOW (widget), FALSE);
}

static void
action_export (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);
  GtkWindow *dialog = GTK_WINDOW (jm_export_dialog_new (GTK_WINDOW (self), self->document,
                                                        self->file, get_settings (self)));

  gtk_window_present (dialog);
}

/* ---- presenting ---- */

static void
action_present (GtkWidget  *widget,
                const char *name,
                GVariant   *parameter)
{
  JmWindow *self = JM_WINDOW (widget);
  GSettings *settings = get_settings (self);
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
                jm_canvas_get_view (self->canvas), get_settings (self));
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
        show_error (self, _("Could Not Import the Responses"),
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
static void
on_show_metrics (GSimpleAction *action,
                 GVariant      *state,
                 gpointer       user_data)
{
  JmWindow *self = JM_WINDOW (user_data);

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

static void
on_zoom_changed (JmCanvas   *canvas,
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
          save_as (self, TRUE);
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
  GSettings *settings = get_settings (self);
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

/* ---- drag a file onto the window ---- */

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         JmWindow      *self)
{
  GFile *file;

  if (!G_VALUE_HOLDS (value, G_TYPE_FILE))
    return FALSE;

  file = g_value_get_object (value);
  if (self->document == NULL)
    return jm_window_open_file (self, file);

  g_application_open (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), &file, 1, "");
  return TRUE;
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
  g_type_ensure (JM_TYPE_INSPECTOR);
  g_type_ensure (JM_TYPE_METRICS_VIEW);

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
  gtk_widget_class_bind_template_child (widget_class, JmWindow, empty_new_button);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, empty_open_button);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, template_gallery);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, persona_button);
  gtk_widget_class_bind_template_child (widget_class, JmWindow, recent_list);

  gtk_widget_class_install_action (widget_class, "win.new", "s", action_new);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, action_open);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, action_save);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, action_save_as);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, action_export);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, action_present);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, action_print);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, action_undo);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, action_redo);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit-width", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "win.zoom-to", "d", action_zoom);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, action_close);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, action_reload);
  gtk_widget_class_install_action (widget_class, "win.view-persona", "s", action_view_persona);
  gtk_widget_class_install_action (widget_class, "win.import-metrics", NULL, action_import_metrics);
}

static void
on_recent_activated (AdwActionRow *row,
                     JmWindow     *self)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_object_get_data (G_OBJECT (row), "uri"));

  jm_window_open_file (self, file);
}

/* The maps opened last, newest first, as rows in the empty state. */
static void
build_recent_list (JmWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  g_autoptr(GPtrArray) maps = g_ptr_array_new ();
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (g_str_has_suffix (gtk_recent_info_get_uri (info), ".journey") && gtk_recent_info_exists (info))
        g_ptr_array_add (maps, info);
    }
  for (guint i = 0; i < maps->len; i++)
    for (guint j = i + 1; j < maps->len; j++)
      {
        GtkRecentInfo *a = g_ptr_array_index (maps, i), *b = g_ptr_array_index (maps, j);

        if (g_date_time_compare (gtk_recent_info_get_modified (b), gtk_recent_info_get_modified (a)) > 0)
          {
            g_ptr_array_index (maps, i) = b;
            g_ptr_array_index (maps, j) = a;
          }
      }

  for (guint i = 0; i < MIN (maps->len, 5); i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (maps, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *location = gtk_recent_info_get_uri_display (info);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gtk_recent_info_get_display_name (info));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), location);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "uri", g_strdup (gtk_recent_info_get_uri (info)), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (on_recent_activated), self);
      gtk_list_box_append (self->recent_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->recent_list), maps->len > 0);
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

/* The pictures of the templates, drawn when the empty state is first
 * shown: a window opened on a map never shows them, and drawing them
 * would delay its first frame. */
static void
draw_template_previews (JmWindow *self)
{
  JmRenderOptions options;
  guint t = 0;

  if (self->template_previews_drawn)
    return;
  self->template_previews_drawn = TRUE;

  jm_render_options_init (&options);
  options.theme = adw_style_manager_get_dark (adw_style_manager_get_default ())
                  ? JM_THEME_DARK : JM_THEME_LIGHT;
  for (GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (self->template_gallery));
       button != NULL && t < JM_N_TEMPLATES; button = gtk_widget_get_next_sibling (button), t++)
    {
      GtkWidget *picture = gtk_widget_get_first_child (gtk_button_get_child (GTK_BUTTON (button)));
      g_autoptr(JmDocument) doc = jm_template_create (t);
      g_autoptr(GdkTexture) texture = jm_thumbnail_new (doc, &options, 360);

      gtk_picture_set_paintable (GTK_PICTURE (picture), GDK_PAINTABLE (texture));
    }
}

/* The empty state's templates, each with a picture of what it gives. */
static void
build_template_gallery (JmWindow *self)
{
  for (guint t = 0; t < JM_N_TEMPLATES; t++)
    {
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *picture = gtk_picture_new ();
      GtkWidget *name = gtk_label_new (jm_template_get_name (t));
      GtkWidget *description = gtk_label_new (jm_template_get_description (t));

      gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
      gtk_widget_set_size_request (picture, 200, 110);
      gtk_widget_add_css_class (picture, "jm-template-preview");
      gtk_widget_add_css_class (name, "heading");
      gtk_label_set_wrap (GTK_LABEL (description), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (description), 28);
      gtk_label_set_justify (GTK_LABEL (description), GTK_JUSTIFY_CENTER);
      gtk_widget_add_css_class (description, "caption");
      gtk_widget_add_css_class (description, "dim-label");
      gtk_box_append (GTK_BOX (box), picture);
      gtk_box_append (GTK_BOX (box), name);
      gtk_box_append (GTK_BOX (box), description);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "card");
      gtk_widget_set_valign (button, GTK_ALIGN_START);
      gtk_widget_add_css_class (button, "jm-template");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.new");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", jm_template_to_string (t));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, jm_template_get_name (t),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, jm_template_get_description (t),
                                      -1);
      gtk_box_append (self->template_gallery, button);
    }
}

static void
jm_window_init (JmWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  build_template_gallery (self);
  g_signal_connect_swapped (self->template_gallery, "map", G_CALLBACK (draw_template_previews), self);
  build_recent_list (self);
  gtk_widget_set_visible (GTK_WIDGET (self->persona_button), FALSE);
  /* The views menu, beside the persona switcher. */
  self->views_button = jm_views_button_new ();
  gtk_widget_insert_after (GTK_WIDGET (self->views_button),
                           gtk_widget_get_parent (GTK_WIDGET (self->persona_button)),
                           GTK_WIDGET (self->persona_button));

  drop = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
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
  g_signal_connect (self->canvas, "notify::zoom", G_CALLBACK (on_zoom_changed), self);
  {
    g_autoptr(GSimpleAction) show_metrics = g_simple_action_new_stateful ("show-metrics", NULL,
                                                                         g_variant_new_boolean (FALSE));

    g_signal_connect (show_metrics, "change-state", G_CALLBACK (on_show_metrics), self);
    g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (show_metrics));
  }
  g_signal_connect_object (settings, "changed::autosave-interval",
                           G_CALLBACK (on_autosave_interval_changed), self, 0);

  update_title (self);
  update_actions (self);
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
      show_error (self, _("A Recovery Copy Is Damaged"), error->message);
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
