/* jm-canvas.c — the map view. It is only as large as the viewport and
 * implements GtkScrollable: scrolling moves the painter's visible rectangle
 * instead of a map-sized surface, so a huge map costs what a small one does.
 * Input is split into one small controller per gesture. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "jm-canvas-private.h"
#include "jm-painter.h"



enum {
  PROP_0,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
  PROP_ZOOM,
  N_PROPS = PROP_ZOOM
};

static GParamSpec *zoom_pspec;

G_DEFINE_FINAL_TYPE_WITH_CODE (JmCanvas, jm_canvas, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

/* The canvas also works outside a scrolled window, with no adjustments. */
static double
adjustment_value (GtkAdjustment *adjustment)
{
  return adjustment != NULL ? gtk_adjustment_get_value (adjustment) : 0;
}

static void
get_map_size (JmCanvas *self,
              double   *width,
              double   *height)
{
  *width = 0;
  *height = 0;
  if (self->layout != NULL)
    jm_layout_get_size (self->layout, width, height);
}

/* Where map point (0, 0) lands in the widget: centred when the map is
 * smaller than the view, otherwise following the scrollbars. */
static void
get_origin (JmCanvas *self,
            double   *ox,
            double   *oy)
{
  double mw, mh;
  double content_w, content_h;
  int w = gtk_widget_get_width (GTK_WIDGET (self));
  int h = gtk_widget_get_height (GTK_WIDGET (self));

  get_map_size (self, &mw, &mh);
  content_w = mw * self->zoom + 2 * PADDING;
  content_h = mh * self->zoom + 2 * PADDING;

  if (content_w <= w)
    *ox = (w - content_w) / 2 + PADDING;
  else
    *ox = PADDING - (adjustment_value (self->hadjustment));

  if (content_h <= h)
    *oy = (h - content_h) / 2 + PADDING;
  else
    *oy = PADDING - (adjustment_value (self->vadjustment));
}

void
jm_canvas_widget_to_map (JmCanvas *self,
                         double    wx,
                         double    wy,
                         double   *mx,
                         double   *my)
{
  double ox, oy;

  g_return_if_fail (JM_IS_CANVAS (self));

  get_origin (self, &ox, &oy);
  *mx = (wx - ox) / self->zoom;
  *my = (wy - oy) / self->zoom;
}

void
jm_canvas_map_to_widget (JmCanvas *self,
                         double    mx,
                         double    my,
                         double   *wx,
                         double   *wy)
{
  double ox, oy;

  g_return_if_fail (JM_IS_CANVAS (self));

  get_origin (self, &ox, &oy);
  *wx = mx * self->zoom + ox;
  *wy = my * self->zoom + oy;
}

static void
configure_adjustment (GtkAdjustment *adjustment,
                      double         content,
                      double         page,
                      double         value)
{
  if (adjustment == NULL)
    return;

  value = CLAMP (value, 0, MAX (0, content - page));
  gtk_adjustment_configure (adjustment, value, 0, MAX (content, page),
                            page * 0.1, page * 0.9, page);
}

static void
configure_adjustments (JmCanvas *self,
                       double    hvalue,
                       double    vvalue)
{
  double mw, mh;
  int w = gtk_widget_get_width (GTK_WIDGET (self));
  int h = gtk_widget_get_height (GTK_WIDGET (self));

  get_map_size (self, &mw, &mh);
  configure_adjustment (self->hadjustment, mw * self->zoom + 2 * PADDING, w, hvalue);
  configure_adjustment (self->vadjustment, mh * self->zoom + 2 * PADDING, h, vvalue);
}

static void
on_adjustment_changed (GtkAdjustment *adjustment,
                       JmCanvas      *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (JmCanvas       *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (*slot == adjustment)
    return;

  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, on_adjustment_changed, self);
      g_object_unref (*slot);
    }

  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect (adjustment, "value-changed", G_CALLBACK (on_adjustment_changed), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* ---- zoom ---- */

double
jm_canvas_get_zoom (JmCanvas *self)
{
  g_return_val_if_fail (JM_IS_CANVAS (self), 1.0);
  return self->zoom;
}

void
jm_canvas_zoom_at (JmCanvas *self,
                   double    zoom,
                   double    x,
                   double    y)
{
  double mx, my, ox, oy;

  g_return_if_fail (JM_IS_CANVAS (self));

  zoom = CLAMP (zoom, JM_CANVAS_MIN_ZOOM, JM_CANVAS_MAX_ZOOM);
  if (zoom == self->zoom)
    return;

  /* Keep the map point under (x, y) under it after zooming. */
  jm_canvas_widget_to_map (self, x, y, &mx, &my);
  self->zoom = zoom;
  self->fit_on_allocate = FALSE;
  configure_adjustments (self, 0, 0);
  get_origin (self, &ox, &oy);
  configure_adjustments (self,
                         adjustment_value (self->hadjustment) + (mx * zoom + ox - x),
                         adjustment_value (self->vadjustment) + (my * zoom + oy - y));
  g_object_notify_by_pspec (G_OBJECT (self), zoom_pspec);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
jm_canvas_set_zoom (JmCanvas *self,
                    double    zoom)
{
  g_return_if_fail (JM_IS_CANVAS (self));

  jm_canvas_zoom_at (self, zoom,
                     gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                     gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

void
jm_canvas_zoom_by (JmCanvas *self,
                   double    factor)
{
  g_return_if_fail (JM_IS_CANVAS (self));
  jm_canvas_set_zoom (self, self->zoom * factor);
}

void
jm_canvas_zoom_to_fit (JmCanvas *self)
{
  double mw, mh;
  int w, h;

  g_return_if_fail (JM_IS_CANVAS (self));

  get_map_size (self, &mw, &mh);
  w = gtk_widget_get_width (GTK_WIDGET (self));
  h = gtk_widget_get_height (GTK_WIDGET (self));
  if (mw <= 0 || mh <= 0 || w <= 2 * PADDING || h <= 2 * PADDING)
    {
      /* Not allocated yet: fit once we know our size. */
      self->fit_on_allocate = TRUE;
      return;
    }

  self->zoom = CLAMP (MIN ((w - 2 * PADDING) / mw, (h - 2 * PADDING) / mh),
                      JM_CANVAS_MIN_ZOOM, 1.0);
  configure_adjustments (self, 0, 0);
  g_object_notify_by_pspec (G_OBJECT (self), zoom_pspec);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- document ---- */

static JmTheme
current_theme (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ())
         ? JM_THEME_DARK : JM_THEME_LIGHT;
}

static void
apply_theme (JmCanvas *self)
{
  JmRenderOptions options;

  if (self->layout == NULL)
    return;

  jm_render_options_init (&options);
  options.theme = current_theme ();
  options.persona_id = self->persona_id;
  jm_layout_set_options (self->layout, &options);
  configure_adjustments (self, adjustment_value (self->hadjustment),
                         adjustment_value (self->vadjustment));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_dark_changed (AdwStyleManager *manager,
                 GParamSpec      *pspec,
                 JmCanvas        *self)
{
  apply_theme (self);
}

static void
on_document_changed (JmDocument *document,
                     JmChange   *change,
                     JmCanvas   *self)
{
  /* The layout has updated itself already (it connected first). */
  configure_adjustments (self, adjustment_value (self->hadjustment),
                         adjustment_value (self->vadjustment));
  jm_canvas_tools_document_changed (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
jm_canvas_set_document (JmCanvas   *self,
                        JmDocument *document)
{
  jm_canvas_set_document_with_layout (self, document, NULL);
}

void
jm_canvas_set_document_with_layout (JmCanvas   *self,
                                    JmDocument *document,
                                    JmLayout   *layout)
{
  JmRenderOptions options;

  g_return_if_fail (JM_IS_CANVAS (self));
  g_return_if_fail (layout == NULL || jm_layout_get_document (layout) == document);

  jm_canvas_cancel_edit (self);
  jm_canvas_clear_selection (self);
  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_handler, self->document);
  g_clear_object (&self->layout);
  g_set_object (&self->document, document);

  if (document != NULL)
    {
      jm_render_options_init (&options);
      options.theme = current_theme ();
      if (layout != NULL)
        {
          /* Options change no geometry: the layout made beforehand holds. */
          self->layout = g_object_ref (layout);
          jm_layout_set_options (self->layout, &options);
        }
      else
        self->layout = jm_layout_new (document, &options);
      g_clear_pointer (&self->persona_id, g_free);
      self->changed_handler = g_signal_connect_after (document, "changed",
                                                      G_CALLBACK (on_document_changed), self);
    }

  self->zoom = 1.0;
  jm_canvas_zoom_to_fit (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
jm_canvas_set_persona (JmCanvas   *self,
                       const char *persona_id)
{
  g_return_if_fail (JM_IS_CANVAS (self));

  g_free (self->persona_id);
  self->persona_id = persona_id && *persona_id ? g_strdup (persona_id) : NULL;
  apply_theme (self);
}

const char *
jm_canvas_get_persona (JmCanvas *self)
{
  g_return_val_if_fail (JM_IS_CANVAS (self), NULL);
  return self->persona_id;
}

JmDocument *
jm_canvas_get_document (JmCanvas *self)
{
  g_return_val_if_fail (JM_IS_CANVAS (self), NULL);
  return self->document;
}

JmLayout *
jm_canvas_get_layout (JmCanvas *self)
{
  g_return_val_if_fail (JM_IS_CANVAS (self), NULL);
  return self->layout;
}

/* ---- drawing ---- */

static void
jm_canvas_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  JmCanvas *self = JM_CANVAS (widget);
  int w = gtk_widget_get_width (widget);
  int h = gtk_widget_get_height (widget);
  double ox, oy;
  JmRect visible;
  cairo_t *cr;

  if (self->layout == NULL || w <= 0 || h <= 0)
    return;

  get_origin (self, &ox, &oy);
  visible.x = -ox / self->zoom;
  visible.y = -oy / self->zoom;
  visible.width = w / self->zoom;
  visible.height = h / self->zoom;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  cairo_translate (cr, ox, oy);
  cairo_scale (cr, self->zoom, self->zoom);
  /* The painter's scale is in device pixels: a HiDPI screen shows text
   * at zooms where a plain one shows shapes. */
  jm_paint_cache_set_device_scale (self->paint_cache, gtk_widget_get_scale_factor (widget));
  jm_painter_paint_cached (self->layout, cr, &visible, self->zoom * gtk_widget_get_scale_factor (widget),
                           self->paint_cache);
  cairo_destroy (cr);

  jm_canvas_tools_snapshot (self, snapshot);
}

static void
jm_canvas_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  JmCanvas *self = JM_CANVAS (widget);

  if (self->fit_on_allocate && self->layout != NULL)
    {
      self->fit_on_allocate = FALSE;
      jm_canvas_zoom_to_fit (self);
    }

  configure_adjustments (self,
                         adjustment_value (self->hadjustment),
                         adjustment_value (self->vadjustment));
  jm_canvas_tools_allocate (self);
}

static void
jm_canvas_measure (GtkWidget      *widget,
                   GtkOrientation  orientation,
                   int             for_size,
                   int            *minimum,
                   int            *natural,
                   int            *minimum_baseline,
                   int            *natural_baseline)
{
  *minimum = 64;
  *natural = 640;
}

/* ---- input: one controller per gesture ---- */

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           JmCanvas                 *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (!(state & GDK_CONTROL_MASK) || self->layout == NULL)
    return FALSE;   /* plain scrolling pans: the scrolled window does it */

  jm_canvas_zoom_at (self, self->zoom * pow (1.1, -dy), self->pointer_x, self->pointer_y);
  return TRUE;
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           JmCanvas                 *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
}

static void
on_pan_begin (GtkGestureDrag *gesture,
              double          x,
              double          y,
              JmCanvas       *self)
{
  self->pan_start_h = adjustment_value (self->hadjustment);
  self->pan_start_v = adjustment_value (self->vadjustment);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
}

static void
on_pan_update (GtkGestureDrag *gesture,
               double          dx,
               double          dy,
               JmCanvas       *self)
{
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, self->pan_start_h - dx);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, self->pan_start_v - dy);
}

static void
on_pan_end (GtkGestureDrag *gesture,
            double          dx,
            double          dy,
            JmCanvas       *self)
{
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

static void
on_pinch_begin (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                JmCanvas         *self)
{
  self->pinch_start_zoom = self->zoom;
}

static void
on_pinch_scale_changed (GtkGestureZoom *gesture,
                        double          scale,
                        JmCanvas       *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
  jm_canvas_zoom_at (self, self->pinch_start_zoom * scale, x, y);
}

/* ---- GObject ---- */

static void
jm_canvas_dispose (GObject *object)
{
  JmCanvas *self = JM_CANVAS (object);

  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_handler, self->document);
  jm_canvas_tools_dispose (self);
  jm_canvas_menu_dispose (self);
  g_clear_pointer (&self->persona_id, g_free);
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_object (&self->layout);
  g_clear_pointer (&self->paint_cache, jm_paint_cache_free);
  g_clear_object (&self->document);
  if (self->hadjustment)
    g_signal_handlers_disconnect_by_func (self->hadjustment, on_adjustment_changed, self);
  if (self->vadjustment)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_adjustment_changed, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (jm_canvas_parent_class)->dispose (object);
}

static void
jm_canvas_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  JmCanvas *self = JM_CANVAS (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_canvas_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  JmCanvas *self = JM_CANVAS (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_ZOOM:
      jm_canvas_set_zoom (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jm_canvas_class_init (JmCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jm_canvas_dispose;
  object_class->get_property = jm_canvas_get_property;
  object_class->set_property = jm_canvas_set_property;
  widget_class->snapshot = jm_canvas_snapshot;
  widget_class->size_allocate = jm_canvas_size_allocate;
  widget_class->measure = jm_canvas_measure;

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  zoom_pspec = g_param_spec_double ("zoom", NULL, NULL,
                                    JM_CANVAS_MIN_ZOOM, JM_CANVAS_MAX_ZOOM, 1.0,
                                    G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_property (object_class, PROP_ZOOM, zoom_pspec);

  gtk_widget_class_set_css_name (widget_class, "jm-canvas");
  jm_canvas_tools_class_init (widget_class);
  jm_canvas_menu_class_init (widget_class);
  jm_canvas_clipboard_class_init (widget_class);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
jm_canvas_init (JmCanvas *self)
{
  GtkEventController *scroll, *motion;
  GtkGesture *pan, *pinch;

  self->zoom = 1.0;
  self->paint_cache = jm_paint_cache_new (0);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_add_css_class (GTK_WIDGET (self), "jm-canvas");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Journey map"),
                                  -1);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  pan = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (pan), GDK_BUTTON_MIDDLE);
  g_signal_connect (pan, "drag-begin", G_CALLBACK (on_pan_begin), self);
  g_signal_connect (pan, "drag-update", G_CALLBACK (on_pan_update), self);
  g_signal_connect (pan, "drag-end", G_CALLBACK (on_pan_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pan));

  pinch = gtk_gesture_zoom_new ();
  g_signal_connect (pinch, "begin", G_CALLBACK (on_pinch_begin), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (on_pinch_scale_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pinch));

  jm_canvas_tools_init (self);
  jm_canvas_menu_init (self);

  g_signal_connect (adw_style_manager_get_default (), "notify::dark",
                    G_CALLBACK (on_dark_changed), self);
}

GtkWidget *
jm_canvas_new (void)
{
  return g_object_new (JM_TYPE_CANVAS, NULL);
}
