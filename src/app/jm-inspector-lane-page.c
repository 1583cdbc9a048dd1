/* jm-inspector-lane-page.c — see jm-inspector-lane-page.h. */
#include "config.h"

#include "jm-inspector-choice-row.h"
#include "jm-inspector-lane-page.h"

struct _JmInspectorLanePage {
  JmInspectorPage       parent_instance;

  GtkEditable          *title_row;
  JmInspectorChoiceRow *kind_row;
};

G_DEFINE_FINAL_TYPE (JmInspectorLanePage, jm_inspector_lane_page, JM_TYPE_INSPECTOR_PAGE)

#define PAGE(self) JM_INSPECTOR_PAGE (self)

static JmLane *
current_lane (JmInspectorLanePage *self)
{
  JmDocument *doc = jm_inspector_page_get_document (PAGE (self));

  return doc ? jm_document_find_lane (doc, jm_inspector_page_get_focus (PAGE (self))->id) : NULL;
}

static gboolean
jm_inspector_lane_page_refresh (JmInspectorPage *page)
{
  JmInspectorLanePage *self = JM_INSPECTOR_LANE_PAGE (page);
  JmLane *lane = current_lane (self);

  if (lane == NULL)
    return FALSE;
  if (g_strcmp0 (gtk_editable_get_text (self->title_row), lane->title) != 0)
    gtk_editable_set_text (self->title_row, lane->title);
  jm_inspector_choice_row_set_selected (self->kind_row, lane->kind);
  return TRUE;
}

/* Title and kind go back as one update of the lane; typing in the title
 * merges into one undo step. */
static void
apply (JmInspectorLanePage *self,
       const char          *merge_key)
{
  JmLane *lane;

  if (!jm_inspector_page_begin_edit (PAGE (self)))
    return;
  if ((lane = current_lane (self)) != NULL)
    {
      JmLane *copy = jm_lane_new (lane->id, (JmLaneKind) jm_inspector_choice_row_get_selected (self->kind_row),
                                  gtk_editable_get_text (self->title_row));

      /* Elements of other namespaces stay with the lane. */
      copy->foreign = jm_foreign_copy (lane->foreign);
      jm_document_update_lane (jm_inspector_page_get_document (PAGE (self)), copy, merge_key);
    }
  jm_inspector_page_end_edit (PAGE (self));
}

static void
on_title_changed (JmInspectorLanePage *self)
{
  apply (self, "title");
}

static void
on_kind_changed (JmInspectorLanePage *self)
{
  apply (self, NULL);
}

static void
jm_inspector_lane_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), JM_TYPE_INSPECTOR_LANE_PAGE);
  G_OBJECT_CLASS (jm_inspector_lane_page_parent_class)->dispose (object);
}

static void
jm_inspector_lane_page_class_init (JmInspectorLanePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JmInspectorPageClass *page_class = JM_INSPECTOR_PAGE_CLASS (klass);

  object_class->dispose = jm_inspector_lane_page_dispose;
  page_class->refresh = jm_inspector_lane_page_refresh;

  g_type_ensure (JM_TYPE_INSPECTOR_CHOICE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/jm-inspector-lane-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JmInspectorLanePage, title_row);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorLanePage, kind_row);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed);
}

static void
jm_inspector_lane_page_init (JmInspectorLanePage *self)
{
  const char *labels[JM_N_LANE_KINDS + 1] = { NULL };

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < JM_N_LANE_KINDS; i++)
    labels[i] = jm_lane_kind_get_label ((JmLaneKind) i);
  jm_inspector_choice_row_set_choices (self->kind_row, labels);
}
