/* jm-inspector-page.c — see jm-inspector-page.h. */
#include "config.h"

#include "jm-inspector-page.h"
#include "jm-number.h"

typedef struct {
  JmSelection *selection;
  JmFocus      focus;
  gboolean     applying;
  GWeakRef     reveal;       /* the widget to scroll to */
  guint        reveal_tick;
  guint        reveal_frames;
} JmInspectorPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (JmInspectorPage, jm_inspector_page, GTK_TYPE_WIDGET)

void
jm_inspector_page_set_selection (JmInspectorPage *self,
                                 JmSelection     *selection)
{
  JmInspectorPagePrivate *priv = jm_inspector_page_get_instance_private (self);

  g_return_if_fail (JM_IS_INSPECTOR_PAGE (self));
  g_return_if_fail (selection == NULL || JM_IS_SELECTION (selection));

  g_set_object (&priv->selection, selection);
}

JmSelection *
jm_inspector_page_get_selection (JmInspectorPage *self)
{
  JmInspectorPagePrivate *priv = jm_inspector_page_get_instance_private (self);

  g_return_val_if_fail (JM_IS_INSPECTOR_PAGE (self), NULL);
  return priv->selection;
}

JmDocument *
jm_inspector_page_get_document (JmInspectorPage *self)
{
  JmInspectorPagePrivate *priv = jm_inspector_page_get_instance_private (self);

  g_return_val_if_fail (JM_IS_INSPECTOR_PAGE (self), NULL);
  return priv->selection ? jm_selection_get_document (priv->selection) : NULL;
}

gboolean
jm_inspector_page_show (JmInspectorPage *self,
                        const JmFocus   *focus)
{
  JmInspectorPagePrivate *priv = jm_inspector_page_get_instance_private (self);

  g_return_val_if_fail (JM_IS_INSPECTOR_PAGE (self), FALSE);
  g_return_val_if_fail (focus != NULL, FALSE);

  jm_focus_copy (focus, &priv->focus);
  return jm_inspector_page_refresh (self);
}

const JmFocus *
jm_inspector_page_get_focus (JmInspectorPage *self)
{
  JmInspectorPagePrivate *priv = jm_inspector_page_get_instance_private (self);

  g_return_val_if_fail (JM_IS_INSPECTOR_PAGE (self), NULL);
  return &priv->focus;
}

gboolean
jm_inspector_page_refresh (JmInspectorPage *self)
{
  JmInspectorPagePrivate *priv = jm_inspector_page_get_instance_private (self);
  gboolean shown;

  g_return_val_if_fail (JM_IS_INSPECTOR_PAGE (self), FALSE);

  if (priv->applying)
    return TRUE;
  if (jm_inspector_page_get_document (self) == NULL)
    return FALSE;
  priv->applying = TRUE;
  shown = JM_INSPECTOR_PAGE_GET_CLASS (self)->refresh (self);
  priv->applying = FALSE;
  return shown;
}

gboolean
jm_inspector_page_begin_edit (JmInspectorPage *self)
{
  JmInspectorPagePrivate *priv = jm_inspector_page_get_instance_private (self);

  g_return_val_if_fail (JM_IS_INSPECTOR_PAGE (self), FALSE);

  if (priv->applying || jm_inspector_page_get_document (self) == NULL)
    return FALSE;
  priv->applying = TRUE;
  return TRUE;
}

void
jm_inspector_page_end_edit (JmInspectorPage *self)
{
  JmInspectorPagePrivate *priv = jm_inspector_page_get_instance_private (self);

  g_return_if_fail (JM_IS_INSPECTOR_PAGE (self));
  priv->applying = FALSE;
}

gboolean
jm_inspector_page_is_applying (JmInspectorPage *self)
{
  JmInspectorPagePrivate *priv = jm_inspector_page_get_instance_private (self);

  g_return_val_if_fail (JM_IS_INSPECTOR_PAGE (self), FALSE);
  return priv->applying;
}

JmInspectorPage *
jm_inspector_page_of (GtkWidget *widget)
{
  GtkWidget *page = gtk_widget_get_ancestor (widget, JM_TYPE_INSPECTOR_PAGE);

  return page ? JM_INSPECTOR_PAGE (page) : NULL;
}

void
jm_inspector_page_release_focus (JmInspectorPage *self,
                                 GtkWidget       *container)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && (focus == container || gtk_widget_is_ancestor (focus, container)))
    gtk_root_set_focus (root, NULL);
}

/* ---- scrolling a widget into view ---- */

static gboolean
reveal_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  JmInspectorPage *self = JM_INSPECTOR_PAGE (widget);
  JmInspectorPagePrivate *priv = jm_inspector_page_get_instance_private (self);
  g_autoptr(GtkWidget) target = g_weak_ref_get (&priv->reveal);
  GtkWidget *scroller, *viewport;
  GtkAdjustment *adj;
  double x, y, h, view_h, value;

  /* A widget just added has no size until the frame after next. */
  if (target != NULL && gtk_widget_get_height (target) == 0 && ++priv->reveal_frames < 10)
    return G_SOURCE_CONTINUE;
  priv->reveal_tick = 0;
  if (target == NULL
      || (scroller = gtk_widget_get_ancestor (target, GTK_TYPE_SCROLLED_WINDOW)) == NULL
      || (viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller))) == NULL
      || !gtk_widget_translate_coordinates (target, viewport, 0, 0, &x, &y))
    return G_SOURCE_REMOVE;

  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  h = gtk_widget_get_height (target);
  view_h = gtk_widget_get_height (viewport);
  value = gtk_adjustment_get_value (adj);
  /* Some room around it, as a person would scroll. */
  if (y < 12)
    value += y - 12;
  else if (y + h > view_h - 12)
    value += MIN (y + h - view_h + 12, y - 12);
  gtk_adjustment_set_value (adj, value);
  return G_SOURCE_REMOVE;
}

void
jm_inspector_page_reveal (JmInspectorPage *self,
                          GtkWidget       *widget)
{
  JmInspectorPagePrivate *priv = jm_inspector_page_get_instance_private (self);

  g_return_if_fail (JM_IS_INSPECTOR_PAGE (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_weak_ref_set (&priv->reveal, widget);
  priv->reveal_frames = 0;
  if (priv->reveal_tick == 0)
    priv->reveal_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_tick, NULL, NULL);
}

/* ---- spin buttons ---- */

int
jm_inspector_spin_input (GtkSpinButton *spin,
                         double        *value,
                         gpointer       user_data)
{
  double typed;

  if (!jm_number_parse (gtk_editable_get_text (GTK_EDITABLE (spin)), &typed))
    return GTK_INPUT_ERROR;
  *value = typed;
  return TRUE;
}

gboolean
jm_inspector_spin_output (GtkSpinButton *spin,
                          gpointer       user_data)
{
  g_autofree char *text = jm_number_format (gtk_adjustment_get_value (gtk_spin_button_get_adjustment (spin)),
                                            (int) gtk_spin_button_get_digits (spin));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/* ---- GObject ---- */

static gboolean
jm_inspector_page_real_refresh (JmInspectorPage *self)
{
  return TRUE;
}

static void
jm_inspector_page_dispose (GObject *object)
{
  JmInspectorPage *self = JM_INSPECTOR_PAGE (object);
  JmInspectorPagePrivate *priv = jm_inspector_page_get_instance_private (self);
  GtkWidget *child;

  if (priv->reveal_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), priv->reveal_tick);
      priv->reveal_tick = 0;
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&priv->selection);

  G_OBJECT_CLASS (jm_inspector_page_parent_class)->dispose (object);
}

static void
jm_inspector_page_finalize (GObject *object)
{
  JmInspectorPage *self = JM_INSPECTOR_PAGE (object);
  JmInspectorPagePrivate *priv = jm_inspector_page_get_instance_private (self);

  jm_focus_clear (&priv->focus);
  g_weak_ref_clear (&priv->reveal);

  G_OBJECT_CLASS (jm_inspector_page_parent_class)->finalize (object);
}

static void
jm_inspector_page_class_init (JmInspectorPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jm_inspector_page_dispose;
  object_class->finalize = jm_inspector_page_finalize;
  klass->refresh = jm_inspector_page_real_refresh;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
jm_inspector_page_init (JmInspectorPage *self)
{
  JmInspectorPagePrivate *priv = jm_inspector_page_get_instance_private (self);

  g_weak_ref_init (&priv->reveal, NULL);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
}
