/* jm-views-button.c — see jm-views-button.h. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "jm-map-view.h"
#include "jm-views-button.h"

struct _JmViewsButton {
  GtkWidget           parent_instance;

  GtkMenuButton      *button;
  GSimpleActionGroup *actions;
  JmCanvas           *canvas;     /* weak */
  JmDocument         *document;
  gulong              changed_handler;
};

G_DEFINE_FINAL_TYPE (JmViewsButton, jm_views_button, GTK_TYPE_WIDGET)

static const char *
current_view (JmViewsButton *self)
{
  return self->canvas != NULL ? jm_canvas_get_view (self->canvas) : NULL;
}

static void
update_menu (JmViewsButton *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) shown = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  GPtrArray *views = self->document != NULL ? jm_document_get_views (self->document) : NULL;
  const char *current = current_view (self);
  GAction *action;

  /* A view deleted (or undone away) shows the whole map again. */
  if (current != NULL && (self->document == NULL || jm_document_find_view (self->document, current) == NULL))
    {
      jm_canvas_set_view (self->canvas, NULL);
      current = NULL;
    }

  g_menu_append (shown, _("Whole Map"), "views.show('')");
  for (guint i = 0; views != NULL && i < views->len; i++)
    {
      JmMapView *view = g_ptr_array_index (views, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (view->name, NULL);

      g_menu_item_set_action_and_target_value (item, "views.show", g_variant_new_string (view->id));
      g_menu_append_item (shown, item);
    }
  g_menu_append (edit, _("_New View…"), "views.new");
  g_menu_append (edit, _("_Edit View…"), "views.edit");
  g_menu_append (edit, _("_Delete View"), "views.delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (shown));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  gtk_menu_button_set_menu_model (self->button, G_MENU_MODEL (menu));

  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "show");
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (current ? current : ""));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->document != NULL);
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "new");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->document != NULL);
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "edit");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), current != NULL);
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "delete");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), current != NULL);

  if (current != NULL)
    {
      /* Translators: the views button's tooltip while a view is shown */
      g_autofree char *tip = g_strdup_printf (_("Views: “%s”"), jm_document_find_view (self->document, current)->name);

      gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), tip);
      gtk_widget_add_css_class (GTK_WIDGET (self->button), "accent");
    }
  else
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), _("Views"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->button), "accent");
    }
}

static void
on_document_changed (JmDocument    *document,
                     JmChange      *change,
                     JmViewsButton *self)
{
  if (change->type == JM_OBJECT_MAP)
    update_menu (self);
}

static void
action_show (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       data)
{
  JmViewsButton *self = data;

  if (self->canvas == NULL)
    return;
  jm_canvas_set_view (self->canvas, g_variant_get_string (parameter, NULL));
  update_menu (self);
}

static void
action_new (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       data)
{
  jm_views_button_edit (data, NULL);
}

static void
action_edit (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       data)
{
  JmViewsButton *self = data;

  if (current_view (self) != NULL)
    jm_views_button_edit (self, current_view (self));
}

static void
action_delete (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       data)
{
  JmViewsButton *self = data;
  g_autofree char *id = g_strdup (current_view (self));

  if (id == NULL || self->document == NULL || jm_document_find_view (self->document, id) == NULL)
    return;
  jm_canvas_set_view (self->canvas, NULL);
  jm_document_remove_view (self->document, id);
  update_menu (self);
}

/* ---- the editing dialog ---- */

typedef struct {
  JmViewsButton *button;
  JmDocument    *document;
  char          *view_id;    /* NULL: a new view */
  GtkWindow     *window;
  AdwEntryRow   *name;
  AdwComboRow   *states;
  GPtrArray     *lane_checks;     /* GtkCheckButton*, in lane order */
  GPtrArray     *persona_checks;
  GtkWidget     *save;
  GtkLabel      *problem;
} Editor;

static void
editor_free (Editor *editor)
{
  g_clear_object (&editor->document);
  g_free (editor->view_id);
  g_ptr_array_unref (editor->lane_checks);
  g_ptr_array_unref (editor->persona_checks);
  g_free (editor);
}

/* The chosen ids, or NULL when all (or none: a view shows something) are chosen. */
static char **
chosen_ids (GPtrArray *checks)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (checks, i)))
      g_ptr_array_add (ids, g_strdup (g_object_get_data (g_ptr_array_index (checks, i), "jm-id")));
  if (ids->len == 0 || ids->len == checks->len)
    {
      g_ptr_array_set_free_func (ids, g_free);
      return NULL;
    }
  g_ptr_array_add (ids, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
}

static gboolean
name_taken (Editor     *editor,
            const char *name)
{
  GPtrArray *views = jm_document_get_views (editor->document);

  for (guint i = 0; i < views->len; i++)
    {
      JmMapView *view = g_ptr_array_index (views, i);

      if (g_strcmp0 (view->name, name) == 0 && g_strcmp0 (view->id, editor->view_id) != 0)
        return TRUE;
    }
  return FALSE;
}

static void
editor_check (Editor *editor)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editor->name))));
  const char *problem = NULL;

  if (*name == '\0')
    problem = _("A view needs a name.");
  else if (name_taken (editor, name))
    problem = _("Another view has this name.");
  gtk_label_set_text (editor->problem, problem ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (editor->problem), problem != NULL);
  gtk_widget_set_sensitive (editor->save, problem == NULL);
}

static void
editor_save (Editor *editor)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editor->name))));
  JmMapView *old = editor->view_id ? jm_document_find_view (editor->document, editor->view_id) : NULL;
  g_autoptr(JmMapView) view = NULL;
  g_autofree char *id = NULL;

  if (*name == '\0' || name_taken (editor, name))
    return;

  if (old != NULL)
    {
      view = jm_map_view_copy (old);
    }
  else
    {
      /* Views' ids are not in the document's index: make sure of both. */
      do
        {
          g_free (id);
          id = jm_document_make_id (editor->document, "view");
        }
      while (jm_document_find_view (editor->document, id) != NULL);
      view = jm_map_view_new (id, name);
    }
  jm_set_str (&view->name, name);
  g_strfreev (view->lanes);
  view->lanes = chosen_ids (editor->lane_checks);
  g_strfreev (view->personas);
  view->personas = chosen_ids (editor->persona_checks);
  view->states = (JmViewStates) adw_combo_row_get_selected (editor->states);

  /* Only the name changed: say so in the undo menu. */
  if (old != NULL && g_strcmp0 (old->name, view->name) != 0 && old->states == view->states
      && g_strv_equal ((const char * const *) (old->lanes ? old->lanes : (char *[]) { NULL }),
                       (const char * const *) (view->lanes ? view->lanes : (char *[]) { NULL }))
      && g_strv_equal ((const char * const *) (old->personas ? old->personas : (char *[]) { NULL }),
                       (const char * const *) (view->personas ? view->personas : (char *[]) { NULL })))
    jm_document_rename_view (editor->document, view->id, view->name);
  else
    jm_document_set_view (editor->document, jm_map_view_copy (view));

  if (editor->button->canvas != NULL && editor->button->document == editor->document)
    {
      jm_canvas_set_view (editor->button->canvas, view->id);
      update_menu (editor->button);
    }
  gtk_window_destroy (editor->window);
}

static GtkWidget *
check_row (AdwPreferencesGroup *group,
           GPtrArray           *checks,
           const char          *id,
           const char          *title,
           gboolean             active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  g_object_set_data_full (G_OBJECT (check), "jm-id", g_strdup (id), g_free);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (checks, check);
  return row;
}

void
jm_views_button_edit (JmViewsButton *self,
                      const char    *view_id)
{
  Editor *editor;
  JmMapView *view;
  GtkWidget *header, *cancel, *box, *page, *scroll;
  AdwPreferencesGroup *general, *lanes_group, *personas_group;
  g_autoptr(GtkStringList) states = gtk_string_list_new (NULL);
  GPtrArray *lanes, *personas;

  g_return_if_fail (JM_IS_VIEWS_BUTTON (self));
  if (self->document == NULL)
    return;
  view = view_id ? jm_document_find_view (self->document, view_id) : NULL;

  editor = g_new0 (Editor, 1);
  editor->button = self;
  editor->document = g_object_ref (self->document);
  editor->view_id = view ? g_strdup (view->id) : NULL;
  editor->lane_checks = g_ptr_array_new ();
  editor->persona_checks = g_ptr_array_new ();

  editor->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_title (editor->window, view ? _("Edit View") : _("New View"));
  gtk_window_set_modal (editor->window, TRUE);
  gtk_window_set_default_size (editor->window, 420, 560);
  gtk_window_set_transient_for (editor->window, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_object_set_data_full (G_OBJECT (editor->window), "jm-editor", editor, (GDestroyNotify) editor_free);

  header = gtk_header_bar_new ();
  gtk_header_bar_set_show_title_buttons (GTK_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  editor->save = gtk_button_new_with_mnemonic (view ? _("_Save") : _("_Add"));
  gtk_widget_add_css_class (editor->save, "suggested-action");
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), cancel);
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header), editor->save);
  gtk_window_set_titlebar (editor->window, header);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), editor->window);
  g_signal_connect_swapped (editor->save, "clicked", G_CALLBACK (editor_save), editor);

  page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_start (page, 12);
  gtk_widget_set_margin_end (page, 12);
  gtk_widget_set_margin_top (page, 12);
  gtk_widget_set_margin_bottom (page, 12);

  general = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  editor->name = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (editor->name), _("Name"));
  gtk_editable_set_text (GTK_EDITABLE (editor->name), view ? view->name : "");
  g_signal_connect_swapped (editor->name, "changed", G_CALLBACK (editor_check), editor);
  g_signal_connect_swapped (editor->name, "entry-activated", G_CALLBACK (editor_save), editor);
  adw_preferences_group_add (general, GTK_WIDGET (editor->name));
  for (JmViewStates s = JM_VIEW_STATES_BOTH; s <= JM_VIEW_STATES_FUTURE; s++)
    gtk_string_list_append (states, jm_view_states_get_label (s));
  editor->states = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (editor->states), _("Emotion curves"));
  adw_combo_row_set_model (editor->states, G_LIST_MODEL (states));
  adw_combo_row_set_selected (editor->states, view ? view->states : JM_VIEW_STATES_BOTH);
  adw_preferences_group_add (general, GTK_WIDGET (editor->states));
  editor->problem = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (editor->problem), "error");
  gtk_label_set_xalign (editor->problem, 0);
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (general));
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (editor->problem));

  lanes_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (lanes_group, _("Lanes"));
  lanes = jm_document_get_lanes (self->document);
  for (guint i = 0; i < lanes->len; i++)
    {
      JmLane *lane = g_ptr_array_index (lanes, i);

      check_row (lanes_group, editor->lane_checks, lane->id, lane->title, jm_map_view_shows_lane (view, lane->id));
    }
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (lanes_group));

  personas = jm_document_get_personas (self->document);
  personas_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (personas_group, _("Personas"));
  for (guint i = 0; i < personas->len; i++)
    {
      JmPersona *persona = g_ptr_array_index (personas, i);

      check_row (personas_group, editor->persona_checks, persona->id, persona->name,
                 jm_map_view_shows_persona (view, persona->id));
    }
  gtk_widget_set_visible (GTK_WIDGET (personas_group), personas->len > 0);
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (personas_group));

  scroll = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), page);
  box = scroll;
  gtk_window_set_child (editor->window, box);
  editor_check (editor);
  gtk_window_present (editor->window);
  gtk_widget_grab_focus (GTK_WIDGET (editor->name));
}

/* ---- the button ---- */

void
jm_views_button_set_canvas (JmViewsButton *self,
                            JmCanvas      *canvas)
{
  JmDocument *document;

  g_return_if_fail (JM_IS_VIEWS_BUTTON (self));
  g_return_if_fail (canvas == NULL || JM_IS_CANVAS (canvas));

  if (self->canvas != canvas)
    {
      if (self->canvas != NULL)
        g_object_remove_weak_pointer (G_OBJECT (self->canvas), (gpointer *) &self->canvas);
      self->canvas = canvas;
      if (canvas != NULL)
        g_object_add_weak_pointer (G_OBJECT (canvas), (gpointer *) &self->canvas);
    }

  document = canvas != NULL ? jm_canvas_get_document (canvas) : NULL;
  if (self->document != document)
    {
      if (self->document != NULL)
        g_clear_signal_handler (&self->changed_handler, self->document);
      g_set_object (&self->document, document);
      if (document != NULL)
        self->changed_handler = g_signal_connect (document, "changed", G_CALLBACK (on_document_changed), self);
    }
  update_menu (self);
}

static void
jm_views_button_dispose (GObject *object)
{
  JmViewsButton *self = JM_VIEWS_BUTTON (object);

  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_handler, self->document);
  g_clear_object (&self->document);
  if (self->canvas != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->canvas), (gpointer *) &self->canvas);
  self->canvas = NULL;
  g_clear_object (&self->actions);
  if (self->button != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->button));
      self->button = NULL;
    }

  G_OBJECT_CLASS (jm_views_button_parent_class)->dispose (object);
}

static void
jm_views_button_class_init (JmViewsButtonClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = jm_views_button_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
jm_views_button_init (JmViewsButton *self)
{
  static const GActionEntry entries[] = {
    { "show", action_show, "s", "''", NULL },
    { "new", action_new },
    { "edit", action_edit },
    { "delete", action_delete },
  };

  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->button, "view-list-symbolic");
  gtk_widget_set_parent (GTK_WIDGET (self->button), GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Views"), -1);

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "views", G_ACTION_GROUP (self->actions));
  /* For tests: which actions are enabled. */
  g_object_set_data (G_OBJECT (self), "jm-actions", self->actions);
  update_menu (self);
}

JmViewsButton *
jm_views_button_new (void)
{
  return g_object_new (JM_TYPE_VIEWS_BUTTON, NULL);
}
