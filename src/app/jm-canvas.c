/* jm-canvas.c — the map view. It is only as large as the viewport and
 * implements GtkScrollable: scrolling moves the painter's visible rectangle
 * instead of a map-sized surface, so a huge map costs what a small one does.
 * The stage and step headers and the lane titles stay in view as frozen
 * panes, drawn by the same painter. Input is split into one small
 * controller per gesture (jm-canvas-tools.c, jm-tool-*.c), the keyboard
 * (jm-canvas-keys.c) and the in-place editor (jm-canvas-editor.c). */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "jm-canvas-private.h"
#include "jm-painter.h"



enum {
  PROP_0,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
  PROP_ZOOM,
  PROP_DRAWING_PERSONA,
  PROP_DRAWING_FUTURE,
  PROP_EMOTION_VALUES,
};

static GParamSpec *zoom_pspec;

/* What to do with the zoom once the canvas knows its size. */
typedef enum {
  ZOOM_KEEP,
  ZOOM_FIT,
  ZOOM_FIT_WIDTH,
  ZOOM_READABLE,
} JmCanvasZoomMode;

const GdkRGBA jm_canvas_accent = { 0.21f, 0.52f, 0.89f, 1.0f };

/* Card text is 14 map units: at this zoom it is 11 px. */
#define READABLE_ZOOM (11.0 / 14.0)

/* Map units to widget pixels: the user's zoom times the system's text
 * scaling, so that "100 %" shows card text as large as the desktop's. */
#define VIEW_SCALE(self) ((self)->zoom * (self)->text_scale)

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
  content_w = mw * VIEW_SCALE (self) + 2 * PADDING;
  content_h = mh * VIEW_SCALE (self) + 2 * PADDING;

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
  *mx = (wx - ox) / VIEW_SCALE (self);
  *my = (wy - oy) / VIEW_SCALE (self);
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
  *wx = mx * VIEW_SCALE (self) + ox;
  *wy = my * VIEW_SCALE (self) + oy;
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
  configure_adjustment (self->hadjustment, mw * VIEW_SCALE (self) + 2 * PADDING, w, hvalue);
  configure_adjustment (self->vadjustment, mh * VIEW_SCALE (self) + 2 * PADDING, h, vvalue);
}

static void
on_adjustment_changed (GtkAdjustment *adjustment,
                       JmCanvas      *self)
{
  /* The children over the map (the editor, the persona chip) move too. */
  if (!self->allocating && (self->editing_id != NULL || (self->chip != NULL && gtk_widget_get_visible (self->chip))))
    gtk_widget_queue_allocate (GTK_WIDGET (self));
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
  self->zoom_on_allocate = ZOOM_KEEP;
  configure_adjustments (self, 0, 0);
  get_origin (self, &ox, &oy);
  configure_adjustments (self,
                         adjustment_value (self->hadjustment) + (mx * VIEW_SCALE (self) + ox - x),
                         adjustment_value (self->vadjustment) + (my * VIEW_SCALE (self) + oy - y));
  g_object_notify_by_pspec (G_OBJECT (self), zoom_pspec);
  if (!self->allocating)
    gtk_widget_queue_allocate (GTK_WIDGET (self));
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

static void
apply_zoom_mode (JmCanvas         *self,
                 JmCanvasZoomMode  mode)
{
  double mw, mh, fit_w, fit_h;
  int w, h;

  get_map_size (self, &mw, &mh);
  w = gtk_widget_get_width (GTK_WIDGET (self));
  h = gtk_widget_get_height (GTK_WIDGET (self));
  if (mw <= 0 || mh <= 0 || w <= 2 * PADDING || h <= 2 * PADDING)
    {
      /* Not allocated yet: once we know our size. */
      self->zoom_on_allocate = mode;
      return;
    }

  fit_w = (w - 2 * PADDING) / mw;
  fit_h = (h - 2 * PADDING) / mh;
  switch (mode)
    {
    case ZOOM_FIT:
      self->zoom = MIN (fit_w, fit_h) / self->text_scale;
      break;
    case ZOOM_FIT_WIDTH:
      self->zoom = fit_w / self->text_scale;
      break;
    case ZOOM_READABLE:
      self->zoom = fit_w >= READABLE_ZOOM * self->text_scale ? fit_w / self->text_scale : 1.0;
      break;
    case ZOOM_KEEP:
    default:
      return;
    }
  self->zoom = CLAMP (self->zoom, JM_CANVAS_MIN_ZOOM, 1.0);
  self->zoom_on_allocate = ZOOM_KEEP;
  configure_adjustments (self, 0, 0);
  g_object_notify_by_pspec (G_OBJECT (self), zoom_pspec);
  if (!self->allocating)
    gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
jm_canvas_zoom_to_fit (JmCanvas *self)
{
  g_return_if_fail (JM_IS_CANVAS (self));
  apply_zoom_mode (self, ZOOM_FIT);
}

void
jm_canvas_zoom_to_fit_width (JmCanvas *self)
{
  g_return_if_fail (JM_IS_CANVAS (self));
  apply_zoom_mode (self, ZOOM_FIT_WIDTH);
}

void
jm_canvas_zoom_readable (JmCanvas *self)
{
  g_return_if_fail (JM_IS_CANVAS (self));
  apply_zoom_mode (self, ZOOM_READABLE);
}

/* ---- frozen panes ---- */

/* Where the panes stand: the header rows are pinned to the top once the
 * map's own headers have scrolled above it (col_pinned), the lane titles
 * to the left once they have scrolled past it (row_pinned). The pinned
 * header rows show map y from col_top at widget y 0, col_h pixels high;
 * the pinned titles show map x from row_left at widget x 0, row_w wide. */
typedef struct {
  gboolean col_pinned;
  double   col_top;
  double   col_h;
  gboolean row_pinned;
  double   row_left;
  double   row_w;
} Panes;

static void
get_panes (JmCanvas *self,
           Panes    *panes)
{
  JmRect cols, rows;
  double ox, oy;

  memset (panes, 0, sizeof *panes);
  if (self->layout == NULL || !jm_layout_get_frozen_panes (self->layout, &cols, &rows))
    return;
  get_origin (self, &ox, &oy);
  panes->col_top = cols.y - 6;
  panes->col_h = (cols.height + 6) * VIEW_SCALE (self);
  panes->col_pinned = oy + panes->col_top * VIEW_SCALE (self) < 0;
  panes->row_left = rows.x + JM_LAYOUT_MARGIN - 8;
  panes->row_w = (rows.width - panes->row_left) * VIEW_SCALE (self);
  panes->row_pinned = ox + panes->row_left * VIEW_SCALE (self) < 0;
}

static gboolean
child_contains (GtkWidget *canvas,
                GtkWidget *child,
                double     x,
                double     y)
{
  graphene_rect_t bounds;

  return child != NULL && gtk_widget_get_visible (child) && gtk_widget_get_child_visible (child)
         && gtk_widget_compute_bounds (child, canvas, &bounds)
         && graphene_rect_contains_point (&bounds, &GRAPHENE_POINT_INIT ((float) x, (float) y));
}

gboolean
jm_canvas_over_child (JmCanvas *self,
                      double    x,
                      double    y)
{
  return child_contains (GTK_WIDGET (self), self->chip, x, y)
         || (self->editing_id != NULL && child_contains (GTK_WIDGET (self), self->editor, x, y));
}

gboolean
jm_canvas_hit_at (JmCanvas *self,
                  double    x,
                  double    y,
                  JmHit    *hit)
{
  Panes panes;
  double mx, my;

  g_return_val_if_fail (JM_IS_CANVAS (self), FALSE);

  /* The persona chip and the editor answer their own clicks. */
  if (self->layout == NULL || jm_canvas_over_child (self, x, y))
    return FALSE;
  get_panes (self, &panes);
  jm_canvas_widget_to_map (self, x, y, &mx, &my);
  if (panes.col_pinned && panes.row_pinned && x < panes.row_w && y < panes.col_h)
    return FALSE;  /* the corner */
  if (panes.col_pinned && y < panes.col_h)
    my = panes.col_top + y / VIEW_SCALE (self);
  else if (panes.row_pinned && x < panes.row_w)
    mx = panes.row_left + x / VIEW_SCALE (self);
  return jm_layout_hit_test (self->layout, mx, my, hit);
}

void
jm_canvas_widget_rect (JmCanvas        *self,
                       JmHitKind        kind,
                       const JmRect    *rect,
                       graphene_rect_t *out)
{
  Panes panes;
  double x, y;

  g_return_if_fail (JM_IS_CANVAS (self));

  jm_canvas_map_to_widget (self, rect->x, rect->y, &x, &y);
  get_panes (self, &panes);
  if ((kind == JM_HIT_STAGE || kind == JM_HIT_STEP) && panes.col_pinned)
    y = (rect->y - panes.col_top) * VIEW_SCALE (self);
  if (kind == JM_HIT_LANE && panes.row_pinned)
    x = (rect->x - panes.row_left) * VIEW_SCALE (self);
  graphene_rect_init (out, (float) x, (float) y,
                      (float) (rect->width * VIEW_SCALE (self)), (float) (rect->height * VIEW_SCALE (self)));
}

void
jm_canvas_outline (GtkSnapshot           *snapshot,
                   const graphene_rect_t *bounds,
                   float                  radius,
                   float                  width,
                   const GdkRGBA         *color)
{
  GskRoundedRect rounded;
  float widths[4] = { width, width, width, width };
  GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&rounded, bounds, radius);
  gtk_snapshot_append_border (snapshot, &rounded, widths, colors);
}

void
jm_canvas_get_scroll (JmCanvas *self,
                      double   *h,
                      double   *v)
{
  *h = adjustment_value (self->hadjustment);
  *v = adjustment_value (self->vadjustment);
}

void
jm_canvas_pan_to (JmCanvas *self,
                  double    h,
                  double    v)
{
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, h);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, v);
}

void
jm_canvas_scroll_to (JmCanvas     *self,
                     const JmRect *rect)
{
  Panes panes;
  double x0, y0, x1, y1, h, v;
  double left, top;
  int w = gtk_widget_get_width (GTK_WIDGET (self));
  int ht = gtk_widget_get_height (GTK_WIDGET (self));

  g_return_if_fail (JM_IS_CANVAS (self));

  if (w <= 0 || ht <= 0)
    return;
  get_panes (self, &panes);
  jm_canvas_map_to_widget (self, rect->x, rect->y, &x0, &y0);
  jm_canvas_map_to_widget (self, rect->x + rect->width, rect->y + rect->height, &x1, &y1);
  jm_canvas_get_scroll (self, &h, &v);
  /* Beside the panes that will be pinned once it scrolls. */
  left = panes.row_w + 8;
  top = panes.col_h + 8;
  if (x1 - x0 > w - left || x0 < left)
    h += x0 - left;
  else if (x1 > w - 8)
    h += x1 - (w - 8);
  if (y1 - y0 > ht - top || y0 < top)
    v += y0 - top;
  else if (y1 > ht - 8)
    v += y1 - (ht - 8);
  jm_canvas_pan_to (self, h, v);
}

/* ---- document ---- */

/* The system's colours: high contrast when asked for, else light or dark. */
static JmTheme
current_theme (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  if (adw_style_manager_get_high_contrast (manager))
    return JM_THEME_HIGH_CONTRAST;
  return adw_style_manager_get_dark (manager) ? JM_THEME_DARK : JM_THEME_LIGHT;
}

/* The desktop's text scaling (GNOME's "Large Text", GtkSettings'
 * gtk-xft-dpi in 1024ths of a dot per inch; 96 dpi is 1). */
static double
current_text_scale (JmCanvas *self)
{
  int dpi = 0;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-xft-dpi", &dpi, NULL);
  return dpi > 0 ? CLAMP (dpi / (96.0 * 1024.0), 0.5, 4.0) : 1.0;
}

static void
on_text_scale_changed (GtkSettings *settings,
                       GParamSpec  *pspec,
                       JmCanvas    *self)
{
  double scale = current_text_scale (self);
  int w = gtk_widget_get_width (GTK_WIDGET (self));
  int h = gtk_widget_get_height (GTK_WIDGET (self));
  double mx, my, ox, oy;

  if (scale == self->text_scale)
    return;
  /* The middle of the view stays where it is. */
  jm_canvas_widget_to_map (self, w / 2.0, h / 2.0, &mx, &my);
  self->text_scale = scale;
  configure_adjustments (self, 0, 0);
  get_origin (self, &ox, &oy);
  configure_adjustments (self,
                         adjustment_value (self->hadjustment) + (mx * VIEW_SCALE (self) + ox - w / 2.0),
                         adjustment_value (self->vadjustment) + (my * VIEW_SCALE (self) + oy - h / 2.0));
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

double
jm_canvas_get_text_scale (JmCanvas *self)
{
  g_return_val_if_fail (JM_IS_CANVAS (self), 1.0);
  return self->text_scale;
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
  options.view_id = self->view_id;
  options.emotion_values = self->emotion_values;
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
  if (self->editing_id != NULL && !jm_document_has_id (self->document, self->editing_id))
    jm_canvas_cancel_edit (self);
  if (change->type == JM_OBJECT_PERSONA)
    jm_canvas_chip_update (self);
  /* The focused object's name follows its changes. */
  jm_canvas_proxy_update (self, FALSE);
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
  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_handler, self->document);
  g_clear_object (&self->layout);
  g_set_object (&self->document, document);

  if (document != NULL)
    {
      jm_render_options_init (&options);
      options.theme = current_theme ();
      options.emotion_values = self->emotion_values;
      if (layout != NULL)
        {
          /* Options change no geometry: the layout made beforehand holds. */
          self->layout = g_object_ref (layout);
          jm_layout_set_options (self->layout, &options);
        }
      else
        self->layout = jm_layout_new (document, &options);
      g_clear_pointer (&self->persona_id, g_free);
      g_clear_pointer (&self->view_id, g_free);
      self->changed_handler = g_signal_connect_after (document, "changed",
                                                      G_CALLBACK (on_document_changed), self);
    }

  if (self->selection != NULL && jm_selection_get_document (self->selection) != document)
    jm_selection_set_document (self->selection, document);
  if (self->selection != NULL)
    jm_selection_set_view (self->selection, self->view_id);

  self->zoom = 1.0;
  jm_canvas_zoom_readable (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
jm_canvas_set_persona (JmCanvas   *self,
                       const char *persona_id)
{
  g_return_if_fail (JM_IS_CANVAS (self));

  g_free (self->persona_id);
  self->persona_id = persona_id && *persona_id ? g_strdup (persona_id) : NULL;
  /* Viewing the map as a persona is drawing that persona's curve. */
  if (self->persona_id != NULL)
    jm_selection_set_persona (self->selection, self->persona_id);
  apply_theme (self);
}

const char *
jm_canvas_get_persona (JmCanvas *self)
{
  g_return_val_if_fail (JM_IS_CANVAS (self), NULL);
  return self->persona_id;
}

void
jm_canvas_set_view (JmCanvas   *self,
                    const char *view_id)
{
  g_return_if_fail (JM_IS_CANVAS (self));

  g_free (self->view_id);
  self->view_id = view_id && *view_id ? g_strdup (view_id) : NULL;
  apply_theme (self);
  /* The keyboard walks what the view shows, and the focus leaves what it hides. */
  if (self->selection != NULL)
    jm_selection_set_view (self->selection, self->view_id);
}

const char *
jm_canvas_get_view (JmCanvas *self)
{
  g_return_val_if_fail (JM_IS_CANVAS (self), NULL);
  return self->view_id;
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
  int device = gtk_widget_get_scale_factor (widget);
  double ox, oy;
  JmRect visible;
  Panes panes;
  cairo_t *cr;

  if (self->layout == NULL || w <= 0 || h <= 0)
    return;

  get_origin (self, &ox, &oy);
  visible.x = -ox / VIEW_SCALE (self);
  visible.y = -oy / VIEW_SCALE (self);
  visible.width = w / VIEW_SCALE (self);
  visible.height = h / VIEW_SCALE (self);

  /* What the pinned lane titles cover is not painted under them, and the
   * stage names that stay in view stay right of them. */
  get_panes (self, &panes);
  if (panes.row_pinned)
    {
      visible.x += panes.row_w / VIEW_SCALE (self);
      visible.width -= panes.row_w / VIEW_SCALE (self);
    }

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  cairo_translate (cr, ox, oy);
  cairo_scale (cr, VIEW_SCALE (self), VIEW_SCALE (self));
  /* The painter's scale is in device pixels: a HiDPI screen shows text
   * at zooms where a plain one shows shapes. */
  jm_paint_cache_set_device_scale (self->paint_cache, device);
  jm_painter_paint_cached (self->layout, cr, &visible, VIEW_SCALE (self) * device, self->paint_cache);
  jm_canvas_compare_paint (self, cr, &visible, VIEW_SCALE (self) * device);
  /* Whose curve is which, beside the emotion lane (the pinned titles
   * below draw their own). */
  if (!panes.row_pinned)
    jm_painter_paint_emotion_legend (self->layout, cr, &visible, VIEW_SCALE (self) * device);
  cairo_destroy (cr);

  /* Selection and tools' feedback under the panes, the panes over them. */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (panes.row_pinned ? (float) panes.row_w : 0,
                                                         panes.col_pinned ? (float) panes.col_h : 0, w, h));
  jm_canvas_tools_snapshot (self, snapshot);
  gtk_snapshot_pop (snapshot);

  if (panes.row_pinned)
    {
      JmRect strip = { panes.row_left, visible.y, panes.row_w / VIEW_SCALE (self), visible.height };

      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, (float) panes.row_w, h));
      cairo_translate (cr, -panes.row_left * VIEW_SCALE (self), oy);
      cairo_scale (cr, VIEW_SCALE (self), VIEW_SCALE (self));
      jm_painter_paint_row_headers (self->layout, cr, &strip, VIEW_SCALE (self) * device);
      cairo_destroy (cr);
    }
  if (panes.col_pinned)
    {
      JmRect strip = { visible.x, panes.col_top, visible.width, panes.col_h / VIEW_SCALE (self) };

      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, (float) panes.col_h));
      cairo_translate (cr, ox, -panes.col_top * VIEW_SCALE (self));
      cairo_scale (cr, VIEW_SCALE (self), VIEW_SCALE (self));
      jm_painter_paint_column_headers (self->layout, cr, &strip, VIEW_SCALE (self) * device);
      cairo_destroy (cr);
    }
  if (panes.row_pinned && panes.col_pinned)
    {
      GdkRGBA ground;
      JmColor bg = jm_theme_get_colors (jm_layout_get_options (self->layout)->theme)->background;

      ground = (GdkRGBA) { (float) bg.r, (float) bg.g, (float) bg.b, 1 };
      gtk_snapshot_append_color (snapshot, &ground,
                                 &GRAPHENE_RECT_INIT (0, 0, (float) panes.row_w, (float) panes.col_h));
    }
  if (panes.row_pinned || panes.col_pinned)
    {
      /* A focused header keeps its ring where the pane shows it. */
      JmHitKind kind;
      JmRect rect;
      graphene_rect_t bounds;

      if (jm_canvas_get_focus_rect (self, &kind, &rect)
          && ((kind == JM_HIT_LANE && panes.row_pinned)
              || ((kind == JM_HIT_STAGE || kind == JM_HIT_STEP) && panes.col_pinned)))
        {
          jm_canvas_widget_rect (self, kind, &rect, &bounds);
          jm_canvas_outline (snapshot, &bounds, 8, 2.5f, &jm_canvas_accent);
        }
    }

  jm_canvas_chip_snapshot (self, snapshot);
  jm_canvas_editor_snapshot (self, snapshot);
}

static void
jm_canvas_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  JmCanvas *self = JM_CANVAS (widget);

  /* What happens here places the children: no new allocation is asked for. */
  self->allocating = TRUE;
  if (self->zoom_on_allocate != ZOOM_KEEP && self->layout != NULL)
    apply_zoom_mode (self, self->zoom_on_allocate);

  configure_adjustments (self,
                         adjustment_value (self->hadjustment),
                         adjustment_value (self->vadjustment));
  jm_canvas_chip_allocate (self);
  jm_canvas_proxy_allocate (self);
  jm_canvas_editor_allocate (self);
  self->allocating = FALSE;
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
  jm_canvas_editor_dispose (self);
  jm_canvas_chip_dispose (self);
  jm_canvas_proxy_dispose (self);
  jm_canvas_tools_dispose (self);
  jm_canvas_menu_dispose (self);
  jm_canvas_compare_dispose (self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  self->selection_handler = 0;
  g_clear_object (&self->selection);
  g_clear_pointer (&self->persona_id, g_free);
  g_clear_pointer (&self->view_id, g_free);
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
    case PROP_DRAWING_PERSONA:
      /* Never NULL: the property's action keeps it as its state. */
      {
        const char *id = self->selection ? jm_selection_get_persona (self->selection) : NULL;
        g_value_set_string (value, id ? id : "");
      }
      break;
    case PROP_DRAWING_FUTURE:
      g_value_set_boolean (value, self->selection && jm_selection_get_curve (self->selection) == JM_MAP_STATE_FUTURE);
      break;
    case PROP_EMOTION_VALUES:
      g_value_set_boolean (value, self->emotion_values);
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
    case PROP_DRAWING_PERSONA:
      jm_selection_set_persona (self->selection, g_value_get_string (value));
      break;
    case PROP_DRAWING_FUTURE:
      jm_selection_set_curve (self->selection, g_value_get_boolean (value) ? JM_MAP_STATE_FUTURE : JM_MAP_STATE_CURRENT);
      break;
    case PROP_EMOTION_VALUES:
      if (self->emotion_values != g_value_get_boolean (value))
        {
          self->emotion_values = g_value_get_boolean (value);
          apply_theme (self);
          g_object_notify_by_pspec (object, pspec);
        }
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
  /* Whose emotion curve, and which of the two, clicks and keys set. */
  g_object_class_install_property (object_class, PROP_DRAWING_PERSONA,
                                   g_param_spec_string ("drawing-persona", NULL, NULL, "",
                                                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, PROP_DRAWING_FUTURE,
                                   g_param_spec_boolean ("drawing-future", NULL, NULL, FALSE,
                                                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  /* Each emotion point's score written beside its face. */
  g_object_class_install_property (object_class, PROP_EMOTION_VALUES,
                                   g_param_spec_boolean ("emotion-values", NULL, NULL, FALSE,
                                                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS
                                                         | G_PARAM_EXPLICIT_NOTIFY));
  gtk_widget_class_install_property_action (widget_class, "canvas.drawing-persona", "drawing-persona");
  gtk_widget_class_install_property_action (widget_class, "canvas.drawing-future", "drawing-future");

  gtk_widget_class_set_css_name (widget_class, "jm-canvas");
  jm_canvas_tools_class_init (widget_class);
  jm_canvas_menu_class_init (widget_class);
  jm_canvas_clipboard_class_init (widget_class);
  /* The map is a grid of headers and cells; its current cell is the
   * focus proxy (jm-canvas-proxy.c). */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
jm_canvas_init (JmCanvas *self)
{
  GtkEventController *scroll, *motion;
  GtkGesture *pinch;

  self->zoom = 1.0;
  self->text_scale = 1.0;
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

  pinch = gtk_gesture_zoom_new ();
  g_signal_connect (pinch, "begin", G_CALLBACK (on_pinch_begin), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (on_pinch_scale_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pinch));

  jm_canvas_proxy_init (self);
  jm_canvas_chip_init (self);
  jm_canvas_set_selection_model (self, NULL);
  jm_canvas_tools_init (self);
  jm_canvas_keys_init (self);
  jm_canvas_editor_init (self);
  jm_canvas_menu_init (self);

  g_signal_connect (adw_style_manager_get_default (), "notify::dark",
                    G_CALLBACK (on_dark_changed), self);
  g_signal_connect (adw_style_manager_get_default (), "notify::high-contrast",
                    G_CALLBACK (on_dark_changed), self);
  self->text_scale = current_text_scale (self);
  g_signal_connect_object (gtk_widget_get_settings (GTK_WIDGET (self)), "notify::gtk-xft-dpi",
                           G_CALLBACK (on_text_scale_changed), self, 0);
}

GtkWidget *
jm_canvas_new (void)
{
  return g_object_new (JM_TYPE_CANVAS, NULL);
}
