/* jm-compare-panel.c — the list of a comparison's changes beside the
 * canvas. Each row is a widget, named for screen readers with the whole
 * change; choosing one makes its object current, scrolls the canvas to it
 * and opens its badge. Edits to the map while comparing compare again. */
#include "config.h"

#include <glib/gi18n.h>

#include "jm-canvas-compare.h"
#include "jm-canvas-private.h"
#include "jm-compare-panel.h"
#include "jm-selection.h"

struct _JmComparePanel {
  GtkWidget    parent_instance;

  GtkLabel    *heading;
  GtkListBox  *list;
  GtkLabel    *empty;

  JmCanvas    *canvas;     /* weak: the window owns both */
  JmDocument  *old_doc;
  JmDocument  *document;   /* the canvas's, while comparing */
  gulong       changed_handler;
  guint        refresh_idle;
  gboolean     filling;
};

G_DEFINE_FINAL_TYPE (JmComparePanel, jm_compare_panel, GTK_TYPE_WIDGET)

/* Where a change is: its object becomes current, the canvas scrolls to it. */
static void
go_to_item (JmComparePanel *self,
            guint           index)
{
  JmCompare *compare = self->canvas ? jm_canvas_get_compare (self->canvas) : NULL;
  JmSelection *selection;
  const JmCompareItem *item;
  JmRect rect;

  if (compare == NULL || index >= jm_compare_get_items (compare)->len)
    return;
  item = g_ptr_array_index (jm_compare_get_items (compare), index);
  selection = jm_canvas_get_selection_model (self->canvas);
  jm_canvas_set_compare_item (self->canvas, (int) index);
  if (item->card_id != NULL)
    jm_selection_focus_card (selection, item->card_id, FALSE);
  else if (item->stage_id != NULL)
    jm_selection_focus_object (selection, JM_FOCUS_STAGE, item->stage_id);
  else if (item->mark == JM_COMPARE_REMOVED && item->lane_id != NULL
           && jm_document_find_lane (self->document, item->lane_id) != NULL
           && jm_document_find_step (self->document, item->step_id) != NULL)
    jm_selection_focus_cell (selection, item->lane_id, item->step_id);
  else if (item->mark != JM_COMPARE_REMOVED)
    switch (item->kind)
      {
      case JM_KIND_STAGE:
        jm_selection_focus_object (selection, JM_FOCUS_STAGE, item->id);
        break;
      case JM_KIND_STEP:
        jm_selection_focus_object (selection, JM_FOCUS_STEP, item->id);
        break;
      case JM_KIND_LANE:
        jm_selection_focus_object (selection, JM_FOCUS_LANE, item->id);
        break;
      case JM_KIND_PERSONA:
        jm_selection_focus_object (selection, JM_FOCUS_PERSONA, item->id);
        break;
      case JM_KIND_EMOTION:
        jm_selection_focus_emotion (selection, item->id, item->step, item->curve);
        break;
      case JM_KIND_MAP:
        jm_selection_focus_object (selection, JM_FOCUS_MAP, NULL);
        break;
      case JM_KIND_CARD:
      case JM_KIND_METRIC:
      case JM_N_KINDS:
      default:
        break;
      }
  if (jm_compare_get_item_rect (compare, jm_canvas_get_layout (self->canvas), index, &rect))
    jm_canvas_scroll_to (self->canvas, &rect);
}

static void
on_row_selected (GtkListBox     *list,
                 GtkListBoxRow  *row,
                 JmComparePanel *self)
{
  if (row != NULL && !self->filling)
    go_to_item (self, (guint) gtk_list_box_row_get_index (row));
}

static void
on_row_activated (GtkListBox     *list,
                  GtkListBoxRow  *row,
                  JmComparePanel *self)
{
  go_to_item (self, (guint) gtk_list_box_row_get_index (row));
}

static GtkWidget *
make_row (const JmCompareItem *item)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (item->title);
  g_autofree char *name = NULL;

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title, item->mark == JM_COMPARE_ADDED ? "compare-added"
                                   : item->mark == JM_COMPARE_REMOVED ? "compare-removed" : "compare-changed");
  gtk_box_append (GTK_BOX (box), title);
  if (item->details != NULL && *item->details != '\0')
    {
      GtkWidget *details = gtk_label_new (item->details);

      gtk_label_set_xalign (GTK_LABEL (details), 0);
      gtk_label_set_wrap (GTK_LABEL (details), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (details), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (details, "dim-label");
      gtk_widget_add_css_class (details, "caption");
      gtk_box_append (GTK_BOX (box), details);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  name = item->details && *item->details ? g_strdup_printf ("%s. %s", item->title, item->details)
                                         : g_strdup (item->title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return row;
}

static void
fill (JmComparePanel *self)
{
  JmCompare *compare = self->canvas ? jm_canvas_get_compare (self->canvas) : NULL;
  GPtrArray *items = compare ? jm_compare_get_items (compare) : NULL;
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->list);
  int keep = selected ? gtk_list_box_row_get_index (selected) : -1;
  GtkWidget *child;

  self->filling = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; items && i < items->len; i++)
    gtk_list_box_append (self->list, make_row (g_ptr_array_index (items, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->empty), items == NULL || items->len == 0);
  if (keep >= 0 && items && (guint) keep < items->len)
    gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, keep));
  self->filling = FALSE;
}

static gboolean
refresh (gpointer data)
{
  JmComparePanel *self = data;
  g_autoptr(JmCompare) compare = NULL;

  self->refresh_idle = 0;
  if (self->old_doc == NULL || self->canvas == NULL || self->document == NULL)
    return G_SOURCE_REMOVE;
  compare = jm_compare_new (self->old_doc, self->document);
  jm_canvas_set_compare (self->canvas, compare);
  fill (self);
  return G_SOURCE_REMOVE;
}

static void
on_document_changed (JmDocument     *document,
                     const JmChange *change,
                     JmComparePanel *self)
{
  /* Once, after the command's changes are all in. */
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add (refresh, self);
}

void
jm_compare_panel_stop (JmComparePanel *self)
{
  g_return_if_fail (JM_IS_COMPARE_PANEL (self));

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_handler, self->document);
  g_clear_object (&self->document);
  g_clear_object (&self->old_doc);
  if (self->canvas != NULL)
    jm_canvas_set_compare (self->canvas, NULL);
  fill (self);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

void
jm_compare_panel_compare (JmComparePanel *self,
                          JmDocument     *old_doc,
                          const char     *old_name)
{
  g_autofree char *heading = NULL;

  g_return_if_fail (JM_IS_COMPARE_PANEL (self));
  g_return_if_fail (JM_IS_DOCUMENT (old_doc));
  g_return_if_fail (self->canvas != NULL && jm_canvas_get_document (self->canvas) != NULL);

  jm_compare_panel_stop (self);
  self->old_doc = g_object_ref (old_doc);
  self->document = g_object_ref (jm_canvas_get_document (self->canvas));
  self->changed_handler = g_signal_connect (self->document, "changed",
                                            G_CALLBACK (on_document_changed), self);
  /* Translators: the heading of the compare panel; %s names the old version */
  heading = g_strdup_printf (_("Changes since %s"), old_name);
  gtk_label_set_label (self->heading, heading);
  refresh (self);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

gboolean
jm_compare_panel_is_comparing (JmComparePanel *self)
{
  g_return_val_if_fail (JM_IS_COMPARE_PANEL (self), FALSE);
  return self->old_doc != NULL;
}

GtkListBox *
jm_compare_panel_get_list (JmComparePanel *self)
{
  g_return_val_if_fail (JM_IS_COMPARE_PANEL (self), NULL);
  if (self->refresh_idle != 0)
    {
      g_clear_handle_id (&self->refresh_idle, g_source_remove);
      refresh (self);
    }
  return self->list;
}

const char *
jm_compare_panel_get_heading (JmComparePanel *self)
{
  g_return_val_if_fail (JM_IS_COMPARE_PANEL (self), NULL);
  return gtk_label_get_label (self->heading);
}

void
jm_compare_panel_set_canvas (JmComparePanel *self,
                             JmCanvas       *canvas)
{
  g_return_if_fail (JM_IS_COMPARE_PANEL (self));

  jm_compare_panel_stop (self);
  self->canvas = canvas;
}

GtkWidget *
jm_compare_panel_new (void)
{
  return g_object_new (JM_TYPE_COMPARE_PANEL, NULL);
}

static void
jm_compare_panel_dispose (GObject *object)
{
  JmComparePanel *self = JM_COMPARE_PANEL (object);
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_handler, self->document);
  g_clear_object (&self->document);
  g_clear_object (&self->old_doc);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (jm_compare_panel_parent_class)->dispose (object);
}

static void
jm_compare_panel_class_init (JmComparePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jm_compare_panel_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "comparepanel");
}

static void
jm_compare_panel_init (JmComparePanel *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *stop = gtk_button_new_from_icon_name ("window-close-symbolic");
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_widget_set_parent (outer, GTK_WIDGET (self));
  gtk_widget_set_size_request (GTK_WIDGET (self), 300, -1);
  gtk_widget_add_css_class (outer, "compare-panel");

  self->heading = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_xalign (self->heading, 0);
  gtk_label_set_wrap (self->heading, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->heading), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->heading), "heading");
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 6);
  gtk_widget_set_margin_top (header, 6);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->heading));
  gtk_widget_set_tooltip_text (stop, _("Stop Comparing"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (stop), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Stop Comparing"), -1);
  gtk_widget_add_css_class (stop, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (stop), "win.compare-stop");
  gtk_box_append (GTK_BOX (header), stop);
  gtk_box_append (GTK_BOX (outer), header);
  gtk_box_append (GTK_BOX (outer), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  self->empty = GTK_LABEL (gtk_label_new (_("No changes.")));
  gtk_widget_add_css_class (GTK_WIDGET (self->empty), "dim-label");
  gtk_widget_set_margin_top (GTK_WIDGET (self->empty), 24);
  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (self->empty));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_BROWSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Changes"), -1);
  g_signal_connect (self->list, "row-selected", G_CALLBACK (on_row_selected), self);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (on_row_activated), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list));
  gtk_box_append (GTK_BOX (outer), scroller);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
