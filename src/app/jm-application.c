/* jm-application.c — the application object. The batch command line
 * (--check, --export) is handled in handle-local-options, before GTK is
 * initialised, so it works with no display; the `journey-maps` launcher
 * (src/main.c) handles it the same way without loading GTK at all. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "jm-application.h"
#include "jm-cli.h"
#include "journey-maps-resources.h"
#include "jm-preferences-window.h"
#include "jm-preload.h"
#include "jm-recovery.h"
#include "jm-window.h"

struct _JmApplication {
  AdwApplication parent_instance;

  GSettings     *settings;
  gboolean       recovery_offered;
};

G_DEFINE_FINAL_TYPE (JmApplication, jm_application, ADW_TYPE_APPLICATION)

JmApplication *
jm_application_new (void)
{
  return g_object_new (JM_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

GSettings *
jm_application_get_settings (JmApplication *self)
{
  g_return_val_if_fail (JM_IS_APPLICATION (self), NULL);

  if (self->settings == NULL)
    self->settings = g_settings_new (BASE_APPLICATION_ID);
  return self->settings;
}

static int
jm_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  g_autofree char **files = NULL;
  int status = jm_cli_handle_local_options (options, jm_cli_export);

  if (status >= 0)
    return status;

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);

  /* Files to open in the editor: hand them to the (maybe remote) instance. */
  if (files != NULL && files[0] != NULL)
    {
      g_autoptr(GPtrArray) gfiles = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GError) error = NULL;

      for (guint i = 0; files[i] != NULL; i++)
        {
          GFile *file = g_file_new_for_commandline_arg (files[i]);
          g_autofree char *path = g_file_get_path (file);

          /* Read and laid out while GTK starts (jm-preload.h). */
          if (path != NULL)
            jm_preload_start (path);
          g_ptr_array_add (gfiles, file);
        }

      if (!g_application_register (application, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          jm_preload_discard_all ();
          return JM_EXIT_FAILURE;
        }
      g_application_open (application, (GFile **) gfiles->pdata, (int) gfiles->len, "");
      if (g_application_get_is_remote (application))
        {
          jm_preload_discard_all ();
          return JM_EXIT_OK;
        }
    }

  return -1;
}

typedef struct {
  JmApplication *app;
  GPtrArray     *entries;
} Recovery;

static void
on_recovery_response (AdwMessageDialog *dialog,
                      const char       *response,
                      Recovery         *recovery)
{
  for (guint i = 0; i < recovery->entries->len; i++)
    {
      JmRecoveryEntry *entry = g_ptr_array_index (recovery->entries, i);

      if (g_str_equal (response, "recover"))
        {
          JmWindow *window = jm_window_get_empty (recovery->app);
          g_autoptr(GFile) original = entry->original ? g_file_new_for_uri (entry->original) : NULL;

          if (window == NULL)
            window = jm_window_new (recovery->app);
          /* A damaged copy is reported by the window, and not kept. */
          jm_window_open_recovered (window, entry->path, original);
          gtk_window_present (GTK_WINDOW (window));
        }
      jm_recovery_remove (entry->id);
    }

  g_ptr_array_unref (recovery->entries);
  g_free (recovery);
}

/* After a crash, the recovery copies of unsaved maps are still there:
 * offer them once, when the first window opens. */
static void
offer_recovery (JmApplication *self,
                GtkWindow     *parent)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GString) list = g_string_new (NULL);
  Recovery *recovery;
  GtkWidget *dialog;

  if (self->recovery_offered)
    return;
  self->recovery_offered = TRUE;

  entries = jm_recovery_list ();
  /* Copies of maps open in this very instance are not left over from a crash. */
  for (guint i = entries->len; i > 0; i--)
    {
      JmRecoveryEntry *entry = g_ptr_array_index (entries, i - 1);

      for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
        if (JM_IS_WINDOW (l->data) && g_strcmp0 (jm_window_get_recovery_id (l->data), entry->id) == 0)
          {
            g_ptr_array_remove_index (entries, i - 1);
            break;
          }
    }
  if (entries->len == 0)
    return;

  for (guint i = 0; i < entries->len; i++)
    {
      JmRecoveryEntry *entry = g_ptr_array_index (entries, i);
      g_string_append_printf (list, "\n• %s", entry->title && *entry->title ? entry->title : _("Untitled journey map"));
    }

  dialog = adw_message_dialog_new (parent, _("Recover Unsaved Work?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s%s",
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "Journey Maps closed before this map was saved:",
                                               "Journey Maps closed before these maps were saved:",
                                               entries->len),
                                  list->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard"),
                                    "recover", _("_Recover"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "recover", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "recover");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "recover");

  recovery = g_new0 (Recovery, 1);
  recovery->app = self;
  recovery->entries = g_steal_pointer (&entries);
  g_signal_connect (dialog, "response", G_CALLBACK (on_recovery_response), recovery);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
jm_application_activate (GApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL)
    window = GTK_WINDOW (jm_window_new (JM_APPLICATION (application)));
  gtk_window_present (window);
  offer_recovery (JM_APPLICATION (application), window);
}

static void
jm_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      JmWindow *window = jm_window_find_for_file (JM_APPLICATION (application), files[i]);

      if (window == NULL)
        {
          window = jm_window_get_empty (JM_APPLICATION (application));
          if (window == NULL)
            window = jm_window_new (JM_APPLICATION (application));
          jm_window_open_file (window, files[i]);
        }
      gtk_window_present (GTK_WINDOW (window));
      offer_recovery (JM_APPLICATION (application), GTK_WINDOW (window));
    }
}

static void
show_about (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "Journey Maps contributors", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Journey Maps"),
                         "application-icon", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Journey Maps team"),
                         "developers", developers,
                         "comments", _("Draw customer journey maps: personas, stages, touchpoints, "
                                       "emotions, pain points, opportunities and metrics."),
                         "website", "https://github.com/journeymaps/journey-maps",
                         "issue-url", "https://github.com/journeymaps/journey-maps/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", "© 2026 The Journey Maps team",
                         /* Translators: put your names here, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
show_preferences (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  JmApplication *self = JM_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWindow *prefs = GTK_WINDOW (jm_preferences_window_new (jm_application_get_settings (self)));

  gtk_window_set_transient_for (prefs, parent);
  gtk_window_present (prefs);
}

static void
quit_app (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = g_list_copy (gtk_application_get_windows (app));

  /* Each window asks about its own unsaved changes. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);
}

static const GActionEntry app_actions[] = {
  { "about", show_about },
  { "preferences", show_preferences },
  { "quit", quit_app },
};

static void
apply_color_scheme (GSettings  *settings,
                    const char *key,
                    gpointer    user_data)
{
  g_autofree char *scheme = g_settings_get_string (settings, "color-scheme");
  AdwColorScheme value = ADW_COLOR_SCHEME_DEFAULT;

  if (g_strcmp0 (scheme, "light") == 0)
    value = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_strcmp0 (scheme, "dark") == 0)
    value = ADW_COLOR_SCHEME_FORCE_DARK;
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), value);
}

static void
jm_application_startup (GApplication *application)
{
  JmApplication *self = JM_APPLICATION (application);
  static const char *no_accels[] = { NULL };
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.new::customer-experience", { "<Control>n", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.close", { "<Control>w", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
    { "win.zoom-in", { "<Control>plus", "<Control>equal", NULL } },
    { "win.zoom-out", { "<Control>minus", NULL } },
    { "win.zoom-reset", { "<Control>0", NULL } },
    { "win.zoom-fit", { "<Control>9", NULL } },
    { "win.inspector-visible", { "F9", NULL } },
    { "win.outline-visible", { "<Control>l", NULL } },
    { "win.present", { "F5", NULL } },
    /* GTK's own for the shortcuts window (jm-window.c makes it). */
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  G_APPLICATION_CLASS (jm_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels[0] ? accels[i].accels : no_accels);

  g_signal_connect (jm_application_get_settings (self), "changed::color-scheme",
                    G_CALLBACK (apply_color_scheme), NULL);
  apply_color_scheme (jm_application_get_settings (self), "color-scheme", NULL);
}

static void
jm_application_finalize (GObject *object)
{
  JmApplication *self = JM_APPLICATION (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (jm_application_parent_class)->finalize (object);
}

static void
jm_application_shutdown (GApplication *application)
{
  jm_preload_discard_all ();
  G_APPLICATION_CLASS (jm_application_parent_class)->shutdown (application);
}

static void
jm_application_class_init (JmApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = jm_application_finalize;

  /* The resources live in a static library: register them by hand. */
  jm_resources_register_resource ();

  app_class->handle_local_options = jm_application_handle_local_options;
  app_class->activate = jm_application_activate;
  app_class->open = jm_application_open;
  app_class->startup = jm_application_startup;
  app_class->shutdown = jm_application_shutdown;
}

static void
jm_application_init (JmApplication *self)
{
  jm_cli_add_options (G_APPLICATION (self));
}
