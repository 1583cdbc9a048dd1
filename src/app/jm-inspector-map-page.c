/* jm-inspector-map-page.c — see jm-inspector-map-page.h. The persona rows
 * are the one part built here: one a persona, each row's buttons naming
 * their persona through their action's target. */
#include "config.h"

#include <glib/gi18n.h>

#include "jm-inspector-choice-row.h"
#include "jm-inspector-map-page.h"
#include "jm-inspector-text-area.h"

struct _JmInspectorMapPage {
  JmInspectorPage       parent_instance;

  GtkEditable          *title_row;
  JmInspectorChoiceRow *state_row;
  JmInspectorChoiceRow *language_row;
  GtkSpinButton        *tolerance_spin;
  GtkSwitch            *persona_details_switch;
  JmInspectorTextArea  *scenario_area;
  JmInspectorTextArea  *notes_area;
  AdwPreferencesGroup  *personas_group;

  GPtrArray            *persona_rows;   /* AdwActionRow* */
};

G_DEFINE_FINAL_TYPE (JmInspectorMapPage, jm_inspector_map_page, JM_TYPE_INSPECTOR_PAGE)

#define PAGE(self) JM_INSPECTOR_PAGE (self)

static GtkWidget *
suffix_button (const char *icon,
               const char *label,
               const char *action,
               const char *persona_id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", persona_id);
  return button;
}

/* A row a persona: activating it opens the persona's page. */
static void
show_personas (JmInspectorMapPage *self,
               GPtrArray          *personas)
{
  gboolean same = personas->len == self->persona_rows->len;

  for (guint i = 0; same && i < personas->len; i++)
    {
      JmPersona *persona = g_ptr_array_index (personas, i);
      AdwActionRow *row = g_ptr_array_index (self->persona_rows, i);
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row));

      same = g_strcmp0 (g_variant_get_string (target, NULL), persona->id) == 0;
      if (same)
        {
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), persona->name);
          adw_action_row_set_subtitle (row, persona->occupation ? persona->occupation : "");
        }
    }
  if (same)
    return;

  for (guint i = 0; i < self->persona_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->persona_rows, i);

      jm_inspector_page_release_focus (PAGE (self), row);
      adw_preferences_group_remove (self->personas_group, row);
    }
  g_ptr_array_set_size (self->persona_rows, 0);

  for (guint i = 0; i < personas->len; i++)
    {
      JmPersona *persona = g_ptr_array_index (personas, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), persona->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), persona->occupation ? persona->occupation : "");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "inspector.open-persona");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", persona->id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 suffix_button ("edit-copy-symbolic", _("Copy the Persona"),
                                                "inspector.copy-persona", persona->id));
      /* Disabled for the last persona: the action is (jm-inspector.c). */
      remove = suffix_button ("user-trash-symbolic", _("Remove the Persona"), "inspector.remove-persona", persona->id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      adw_preferences_group_add (self->personas_group, row);
      g_ptr_array_add (self->persona_rows, row);
    }
}

/* The languages a map can be drawn in: those the application is translated
 * to. Index 0 is a map that states none (drawn in the interface's). */
static const char *const languages[] = { NULL, "en", "it" };

static guint
language_index (const char *language)
{
  for (guint i = 1; language != NULL && i < G_N_ELEMENTS (languages); i++)
    if (g_ascii_strncasecmp (language, languages[i], 2) == 0)
      return i;
  return 0;
}

static void
on_language_changed (JmInspectorMapPage *self)
{
  guint i = jm_inspector_choice_row_get_selected (self->language_row);
  JmDocument *doc;

  if (i >= G_N_ELEMENTS (languages) || !jm_inspector_page_begin_edit (PAGE (self)))
    return;
  doc = jm_inspector_page_get_document (PAGE (self));
  /* A language the list does not name stays until another is chosen. */
  if (i != language_index (jm_document_get_language (doc)))
    jm_document_set_language (doc, languages[i]);
  jm_inspector_page_end_edit (PAGE (self));
}

static gboolean
jm_inspector_map_page_refresh (JmInspectorPage *page)
{
  JmInspectorMapPage *self = JM_INSPECTOR_MAP_PAGE (page);
  JmDocument *doc = jm_inspector_page_get_document (page);

  if (g_strcmp0 (gtk_editable_get_text (self->title_row), jm_document_get_title (doc)) != 0)
    gtk_editable_set_text (self->title_row, jm_document_get_title (doc));
  jm_inspector_choice_row_set_selected (self->state_row, jm_document_get_state (doc));
  jm_inspector_choice_row_set_selected (self->language_row, language_index (jm_document_get_language (doc)));
  gtk_spin_button_set_value (self->tolerance_spin, jm_document_get_metric_tolerance (doc));
  gtk_switch_set_active (self->persona_details_switch, jm_document_get_persona_details (doc));
  jm_inspector_text_area_set_text (self->scenario_area, jm_document_get_scenario (doc));
  jm_inspector_text_area_set_text (self->notes_area, jm_document_get_notes (doc));
  show_personas (self, jm_document_get_personas (doc));
  return TRUE;
}

static void
on_title_changed (JmInspectorMapPage *self)
{
  if (!jm_inspector_page_begin_edit (PAGE (self)))
    return;
  jm_document_set_title (jm_inspector_page_get_document (PAGE (self)), gtk_editable_get_text (self->title_row));
  jm_inspector_page_end_edit (PAGE (self));
}

static void
on_state_changed (JmInspectorMapPage *self)
{
  if (!jm_inspector_page_begin_edit (PAGE (self)))
    return;
  jm_document_set_state (jm_inspector_page_get_document (PAGE (self)),
                         (JmMapState) jm_inspector_choice_row_get_selected (self->state_row));
  jm_inspector_page_end_edit (PAGE (self));
}

static void
on_tolerance_changed (JmInspectorMapPage *self)
{
  if (!jm_inspector_page_begin_edit (PAGE (self)))
    return;
  jm_document_set_metric_tolerance (jm_inspector_page_get_document (PAGE (self)),
                                    gtk_spin_button_get_value (self->tolerance_spin));
  jm_inspector_page_end_edit (PAGE (self));
}

static void
on_persona_details_changed (JmInspectorMapPage *self)
{
  if (!jm_inspector_page_begin_edit (PAGE (self)))
    return;
  jm_document_set_persona_details (jm_inspector_page_get_document (PAGE (self)),
                                   gtk_switch_get_active (self->persona_details_switch));
  jm_inspector_page_end_edit (PAGE (self));
}

static void
on_scenario_changed (JmInspectorMapPage *self)
{
  g_autofree char *text = NULL;

  if (!jm_inspector_page_begin_edit (PAGE (self)))
    return;
  text = jm_inspector_text_area_get_text (self->scenario_area);
  jm_document_set_scenario (jm_inspector_page_get_document (PAGE (self)), *text ? text : NULL);
  jm_inspector_page_end_edit (PAGE (self));
}

static void
on_notes_changed (JmInspectorMapPage *self)
{
  g_autofree char *text = NULL;

  if (!jm_inspector_page_begin_edit (PAGE (self)))
    return;
  text = jm_inspector_text_area_get_text (self->notes_area);
  jm_document_set_notes (jm_inspector_page_get_document (PAGE (self)), *text ? text : NULL);
  jm_inspector_page_end_edit (PAGE (self));
}

gboolean
jm_inspector_map_page_focus_persona (JmInspectorMapPage *self,
                                     const char         *persona_id)
{
  g_return_val_if_fail (JM_IS_INSPECTOR_MAP_PAGE (self), FALSE);

  for (guint i = 0; i < self->persona_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->persona_rows, i);
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row));

      if (g_strcmp0 (g_variant_get_string (target, NULL), persona_id) == 0)
        {
          jm_inspector_page_reveal (JM_INSPECTOR_PAGE (self), row);
          return gtk_widget_grab_focus (row);
        }
    }
  return FALSE;
}

static void
jm_inspector_map_page_dispose (GObject *object)
{
  JmInspectorMapPage *self = JM_INSPECTOR_MAP_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JM_TYPE_INSPECTOR_MAP_PAGE);
  g_clear_pointer (&self->persona_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (jm_inspector_map_page_parent_class)->dispose (object);
}

static void
jm_inspector_map_page_class_init (JmInspectorMapPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JmInspectorPageClass *page_class = JM_INSPECTOR_PAGE_CLASS (klass);

  object_class->dispose = jm_inspector_map_page_dispose;
  page_class->refresh = jm_inspector_map_page_refresh;

  g_type_ensure (JM_TYPE_INSPECTOR_CHOICE_ROW);
  g_type_ensure (JM_TYPE_INSPECTOR_TEXT_AREA);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/jm-inspector-map-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JmInspectorMapPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorMapPage, state_row);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorMapPage, language_row);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorMapPage, tolerance_spin);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorMapPage, persona_details_switch);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorMapPage, scenario_area);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorMapPage, notes_area);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorMapPage, personas_group);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_persona_details_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_state_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_language_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_tolerance_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_scenario_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_notes_changed);
  gtk_widget_class_bind_template_callback (widget_class, jm_inspector_spin_input);
  gtk_widget_class_bind_template_callback (widget_class, jm_inspector_spin_output);
}

static void
jm_inspector_map_page_init (JmInspectorMapPage *self)
{
  const char *states[] = {
    jm_map_state_get_label (JM_MAP_STATE_CURRENT), jm_map_state_get_label (JM_MAP_STATE_FUTURE), NULL,
  };

  self->persona_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  jm_inspector_choice_row_set_choices (self->state_row, states);
  {
    const char *names[] = {
      _("Not stated (the interface's)"), _("English"), _("Italian"), NULL,
    };

    jm_inspector_choice_row_set_choices (self->language_row, names);
  }
}
