/* jm-inspector-list-group.c — see jm-inspector-list-group.h. */
#include "config.h"

#include <glib/gi18n.h>

#include "jm-inspector-list-group.h"
#include "jm-inspector-page.h"

struct _JmInspectorListGroup {
  AdwPreferencesGroup  parent_instance;

  GtkWidget           *add_button;
  GPtrArray           *rows;       /* AdwEntryRow*, in order */
  gboolean             updating;   /* set_items is filling the rows */
};

enum {
  ITEM_CHANGED,
  ITEMS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (JmInspectorListGroup, jm_inspector_list_group, ADW_TYPE_PREFERENCES_GROUP)

static void
retitle_rows (JmInspectorListGroup *self)
{
  const char *title = adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (self));

  for (guint i = 0; i < self->rows->len; i++)
    {
      /* Translators: a row of a persona's list, e.g. "Goals 2" */
      g_autofree char *row_title = g_strdup_printf (C_("persona list row", "%s %u"), title, i + 1);

      adw_preferences_row_set_title (g_ptr_array_index (self->rows, i), row_title);
    }
}

static void
on_title_changed (JmInspectorListGroup *self)
{
  /* Translators: the tooltip of the + beside a persona's list, e.g. "Add to Goals" */
  g_autofree char *tip = g_strdup_printf (_("Add to %s"), adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (self)));

  gtk_widget_set_tooltip_text (self->add_button, tip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
  retitle_rows (self);
}

static void
on_row_changed (JmInspectorListGroup *self,
                GtkEditable          *row)
{
  guint index;

  if (!self->updating && g_ptr_array_find (self->rows, row, &index))
    g_signal_emit (self, signals[ITEM_CHANGED], 0, index);
}

static void
on_remove_clicked (JmInspectorListGroup *self,
                   GtkWidget            *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (button, ADW_TYPE_ENTRY_ROW);
  JmInspectorPage *page = jm_inspector_page_of (GTK_WIDGET (self));
  guint index;

  if (row == NULL || !g_ptr_array_find (self->rows, row, &index))
    return;
  if (page != NULL)
    jm_inspector_page_release_focus (page, row);
  g_ptr_array_remove_index (self->rows, index);
  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), row);
  retitle_rows (self);
  g_signal_emit (self, signals[ITEMS_CHANGED], 0);
}

static GtkWidget *
append_row (JmInspectorListGroup *self,
            const char           *text)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (on_row_changed), self);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove"), -1);
  g_signal_connect_swapped (remove, "clicked", G_CALLBACK (on_remove_clicked), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
  return row;
}

/* A new, empty row, with the cursor in it and scrolled into view, so
 * what the user types next lands there. */
static void
on_add_clicked (JmInspectorListGroup *self)
{
  JmInspectorPage *page = jm_inspector_page_of (GTK_WIDGET (self));
  GtkWidget *row;

  self->updating = TRUE;
  row = append_row (self, "");
  self->updating = FALSE;
  retitle_rows (self);
  g_signal_emit (self, signals[ITEMS_CHANGED], 0);
  gtk_widget_grab_focus (row);
  if (page != NULL)
    jm_inspector_page_reveal (page, row);
}

void
jm_inspector_list_group_set_items (JmInspectorListGroup *self,
                                   const char * const   *items)
{
  guint n = items ? g_strv_length ((char **) items) : 0;

  g_return_if_fail (JM_IS_INSPECTOR_LIST_GROUP (self));

  self->updating = TRUE;
  while (self->rows->len > n)
    {
      GtkWidget *row = g_ptr_array_steal_index (self->rows, self->rows->len - 1);
      JmInspectorPage *page = jm_inspector_page_of (GTK_WIDGET (self));

      if (page != NULL)
        jm_inspector_page_release_focus (page, row);
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), row);
    }
  for (guint i = 0; i < n; i++)
    {
      if (i < self->rows->len)
        {
          GtkEditable *row = g_ptr_array_index (self->rows, i);

          if (g_strcmp0 (gtk_editable_get_text (row), items[i]) != 0)
            gtk_editable_set_text (row, items[i]);
        }
      else
        append_row (self, items[i]);
    }
  self->updating = FALSE;
  retitle_rows (self);
}

char **
jm_inspector_list_group_get_items (JmInspectorListGroup *self)
{
  GStrvBuilder *builder;
  char **items;

  g_return_val_if_fail (JM_IS_INSPECTOR_LIST_GROUP (self), NULL);

  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->rows->len; i++)
    g_strv_builder_add (builder, gtk_editable_get_text (g_ptr_array_index (self->rows, i)));
  items = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return items;
}

GtkWidget *
jm_inspector_list_group_get_row (JmInspectorListGroup *self,
                                 guint                 index)
{
  g_return_val_if_fail (JM_IS_INSPECTOR_LIST_GROUP (self), NULL);
  return index < self->rows->len ? g_ptr_array_index (self->rows, index) : NULL;
}

GtkWidget *
jm_inspector_list_group_get_add_button (JmInspectorListGroup *self)
{
  g_return_val_if_fail (JM_IS_INSPECTOR_LIST_GROUP (self), NULL);
  return self->add_button;
}

static void
jm_inspector_list_group_dispose (GObject *object)
{
  JmInspectorListGroup *self = JM_INSPECTOR_LIST_GROUP (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JM_TYPE_INSPECTOR_LIST_GROUP);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (jm_inspector_list_group_parent_class)->dispose (object);
}

static void
jm_inspector_list_group_class_init (JmInspectorListGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jm_inspector_list_group_dispose;

  /**
   * JmInspectorListGroup::item-changed:
   * @index: the row
   *
   * The text of one row changed (typing).
   */
  signals[ITEM_CHANGED] = g_signal_new ("item-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /**
   * JmInspectorListGroup::items-changed:
   *
   * A row was added or removed.
   */
  signals[ITEMS_CHANGED] = g_signal_new ("items-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/jm-inspector-list-group.ui");
  gtk_widget_class_bind_template_child (widget_class, JmInspectorListGroup, add_button);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed);
}

static void
jm_inspector_list_group_init (JmInspectorListGroup *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
