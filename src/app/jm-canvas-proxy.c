/* jm-canvas-proxy.c — what a screen reader hears of the canvas. GTK 4.8
 * lets only widgets be accessible objects, so the canvas keeps one small
 * focusable child, a grid cell of the map's grid, over the current object
 * (two, taking turns).
 * Before each move of the keyboard focus its name and description become
 * the new object's (jm-describe.h), and then it takes the focus: each move
 * is a real focus change that assistive technologies announce. It draws
 * nothing; the canvas draws the focus ring. */
#include "config.h"

#include "jm-canvas-private.h"
#include "jm-describe.h"

struct _JmFocusProxy {
  GtkWidget parent_instance;
};

G_DECLARE_FINAL_TYPE (JmFocusProxy, jm_focus_proxy, JM, FOCUS_PROXY, GtkWidget)
G_DEFINE_FINAL_TYPE (JmFocusProxy, jm_focus_proxy, GTK_TYPE_WIDGET)

static void
jm_focus_proxy_class_init (JmFocusProxyClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID_CELL);
  gtk_widget_class_set_css_name (widget_class, "jm-focus-proxy");
}

static void
jm_focus_proxy_init (JmFocusProxy *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
}

gboolean
jm_canvas_has_keyboard_focus (JmCanvas *self)
{
  return gtk_widget_has_focus (GTK_WIDGET (self)) || (self->proxy != NULL && gtk_widget_has_focus (self->proxy));
}

void
jm_canvas_proxy_update (JmCanvas *self,
                        gboolean  announce)
{
  const JmFocus *focus;
  g_autofree char *name = NULL;
  g_autofree char *context = NULL;

  if (self->proxy == NULL || self->document == NULL || self->selection == NULL)
    return;
  focus = jm_selection_get_focus (self->selection);
  name = jm_describe_name (self->document, focus);
  context = jm_describe_context (self->document, focus);
  /* Each move goes to the other of two proxies: a screen reader that sees
   * the same object take the focus again says only what it thinks changed
   * (Orca 43 read a card's place but not the card), a new object it
   * announces whole. Only the one in use can take the focus. A change
   * that is not a move (a score dragged by the pointer) only renames it:
   * a focus change each frame would restyle the canvas. */
  announce = announce && jm_canvas_has_keyboard_focus (self) && self->editing_id == NULL;
  if (announce)
    {
      GtkWidget *spare = g_object_get_data (G_OBJECT (self), "jm-proxy-spare");

      g_object_set_data (G_OBJECT (self), "jm-proxy-spare", self->proxy);
      self->proxy = spare;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->proxy),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, context,
                                  -1);
  if (announce)
    {
      gtk_widget_set_focusable (self->proxy, TRUE);
      gtk_widget_grab_focus (self->proxy);
      gtk_widget_set_focusable (g_object_get_data (G_OBJECT (self), "jm-proxy-spare"), FALSE);
      gtk_widget_queue_allocate (GTK_WIDGET (self));
    }
}

void
jm_canvas_proxy_allocate (JmCanvas *self)
{
  JmHitKind kind;
  JmRect rect;
  graphene_rect_t bounds;
  GtkAllocation alloc = { 0, 0, 1, 1 };

  if (self->proxy == NULL)
    return;
  /* Over the current object, so that magnifiers follow it. */
  if (jm_canvas_get_focus_rect (self, &kind, &rect))
    {
      jm_canvas_widget_rect (self, kind, &rect, &bounds);
      alloc.x = (int) bounds.origin.x;
      alloc.y = (int) bounds.origin.y;
      alloc.width = MAX (1, (int) bounds.size.width);
      alloc.height = MAX (1, (int) bounds.size.height);
    }
  gtk_widget_size_allocate (self->proxy, &alloc, -1);
  gtk_widget_size_allocate (g_object_get_data (G_OBJECT (self), "jm-proxy-spare"), &alloc, -1);
}

void
jm_canvas_proxy_init (JmCanvas *self)
{
  GtkWidget *spare = g_object_new (jm_focus_proxy_get_type (), NULL);

  self->proxy = g_object_new (jm_focus_proxy_get_type (), NULL);
  gtk_widget_set_parent (self->proxy, GTK_WIDGET (self));
  gtk_widget_set_parent (spare, GTK_WIDGET (self));
  gtk_widget_set_focusable (spare, FALSE);
  g_object_set_data (G_OBJECT (self), "jm-proxy-spare", spare);
}

void
jm_canvas_proxy_dispose (JmCanvas *self)
{
  GtkWidget *spare = g_object_steal_data (G_OBJECT (self), "jm-proxy-spare");

  g_clear_pointer (&self->proxy, gtk_widget_unparent);
  g_clear_pointer (&spare, gtk_widget_unparent);
}
