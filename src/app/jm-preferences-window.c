/* jm-preferences-window.c — appearance and export defaults, bound to
 * GSettings so changes apply at once. */
#include "config.h"

#include <glib/gi18n.h>

#include "jm-preferences-window.h"
#include "jm-a11y.h"

struct _JmPreferencesWindow {
  AdwPreferencesWindow parent_instance;

  AdwComboRow *color_scheme_row;
  AdwComboRow *export_theme_row;
  AdwComboRow *export_page_row;
  GtkSpinButton *autosave_spin;
  GtkSpinButton *min_text_spin;
  GtkSwitch     *high_contrast_switch;
  GSettings   *settings;
};

G_DEFINE_FINAL_TYPE (JmPreferencesWindow, jm_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char *color_schemes[] = { "default", "light", "dark" };
static const char *export_themes[] = { "light", "dark", "print", "high-contrast" };
static const char *export_pages[] = {
  "fit", "a4", "a4-landscape", "a3", "a3-landscape", "letter", "letter-landscape", "poster-a4"
};

/* A combo row shows the position of the settings string in a fixed list. */
typedef struct {
  const char **values;
  guint        n_values;
} Choices;

static gboolean
string_to_position (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const Choices *choices = user_data;
  const char *str = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < choices->n_values; i++)
    {
      if (g_str_equal (choices->values[i], str))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
position_to_string (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  const Choices *choices = user_data;
  guint position = g_value_get_uint (value);

  if (position >= choices->n_values)
    return NULL;
  return g_variant_new_string (choices->values[position]);
}

static void
bind_choice (GSettings   *settings,
             const char  *key,
             AdwComboRow *row,
             const char **values,
             guint        n_values)
{
  Choices *choices = g_new (Choices, 1);

  choices->values = values;
  choices->n_values = n_values;
  g_settings_bind_with_mapping (settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT,
                                string_to_position, position_to_string, choices, g_free);
}

static void
jm_preferences_window_finalize (GObject *object)
{
  JmPreferencesWindow *self = JM_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (jm_preferences_window_parent_class)->finalize (object);
}

static void
jm_preferences_window_class_init (JmPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = jm_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/jm-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JmPreferencesWindow, color_scheme_row);
  gtk_widget_class_bind_template_child (widget_class, JmPreferencesWindow, export_theme_row);
  gtk_widget_class_bind_template_child (widget_class, JmPreferencesWindow, export_page_row);
  gtk_widget_class_bind_template_child (widget_class, JmPreferencesWindow, autosave_spin);
  gtk_widget_class_bind_template_child (widget_class, JmPreferencesWindow, min_text_spin);
  gtk_widget_class_bind_template_child (widget_class, JmPreferencesWindow, high_contrast_switch);
}

static void
jm_preferences_window_init (JmPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  jm_a11y_name_window (GTK_WINDOW (self));
}

JmPreferencesWindow *
jm_preferences_window_new (GSettings *settings)
{
  JmPreferencesWindow *self = g_object_new (JM_TYPE_PREFERENCES_WINDOW, NULL);

  self->settings = g_object_ref (settings);
  bind_choice (settings, "color-scheme", self->color_scheme_row,
               color_schemes, G_N_ELEMENTS (color_schemes));
  bind_choice (settings, "export-theme", self->export_theme_row,
               export_themes, G_N_ELEMENTS (export_themes));
  bind_choice (settings, "export-page", self->export_page_row,
               export_pages, G_N_ELEMENTS (export_pages));
  g_settings_bind (settings, "autosave-interval",
                   gtk_spin_button_get_adjustment (self->autosave_spin), "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "presentation-min-text-share",
                   gtk_spin_button_get_adjustment (self->min_text_spin), "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "presentation-high-contrast", self->high_contrast_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  return self;
}
