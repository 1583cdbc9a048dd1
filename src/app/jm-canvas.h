/* jm-canvas.h — the map view: a viewport-sized widget that implements
 * GtkScrollable and paints only the visible part of the map through the
 * shared painter. */
#pragma once

#include <gtk/gtk.h>

#include "jm-document.h"
#include "jm-layout.h"

G_BEGIN_DECLS

#define JM_TYPE_CANVAS (jm_canvas_get_type ())
G_DECLARE_FINAL_TYPE (JmCanvas, jm_canvas, JM, CANVAS, GtkWidget)

GtkWidget  *jm_canvas_new            (void);
void        jm_canvas_set_document   (JmCanvas   *self,
                                      JmDocument *document);
JmDocument *jm_canvas_get_document   (JmCanvas   *self);
JmLayout   *jm_canvas_get_layout     (JmCanvas   *self);

double      jm_canvas_get_zoom       (JmCanvas   *self);
/* Zooms keeping the centre of the view where it is. */
void        jm_canvas_set_zoom       (JmCanvas   *self,
                                      double      zoom);
void        jm_canvas_zoom_by        (JmCanvas   *self,
                                      double      factor);
/* Zooms keeping the map point under widget point (x, y) in place. */
void        jm_canvas_zoom_at        (JmCanvas   *self,
                                      double      zoom,
                                      double      x,
                                      double      y);
void        jm_canvas_zoom_to_fit    (JmCanvas   *self);

/* Coordinate transforms between widget pixels and map units. */
void        jm_canvas_widget_to_map  (JmCanvas   *self,
                                      double      wx,
                                      double      wy,
                                      double     *mx,
                                      double     *my);
void        jm_canvas_map_to_widget  (JmCanvas   *self,
                                      double      mx,
                                      double      my,
                                      double     *wx,
                                      double     *wy);

#define JM_CANVAS_MIN_ZOOM 0.05
#define JM_CANVAS_MAX_ZOOM 4.0

G_END_DECLS
