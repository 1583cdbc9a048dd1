/* jm-canvas-private.h — the canvas's state, shared by the view (jm-canvas.c)
 * and its input tools (jm-canvas-tools.c). */
#pragma once

#include "jm-canvas.h"
#include "jm-paint-cache.h"

G_BEGIN_DECLS

/* Room around the map, in widget pixels. */
#define PADDING 32.0

struct _JmCanvas {
  GtkWidget            parent_instance;

  GtkAdjustment       *hadjustment;
  GtkAdjustment       *vadjustment;
  guint                hscroll_policy : 1;
  guint                vscroll_policy : 1;
  guint                fit_on_allocate : 1;

  JmDocument          *document;
  JmLayout            *layout;
  JmPaintCache        *paint_cache;  /* cards as images at the current zoom */
  gulong               changed_handler;
  double               zoom;
  char                *persona_id;   /* the map as this persona lives it, or NULL */

  /* panning with the middle button */
  double               pan_start_h;
  double               pan_start_v;
  /* where the pointer is, for zooming around it */
  double               pointer_x;
  double               pointer_y;
  /* pinch zoom */
  double               pinch_start_zoom;

  /* selection and keyboard focus (card ids) */
  GPtrArray           *selection;
  char                *focus_id;
  char                *focus_lane;    /* an empty cell with the focus */
  char                *focus_step;
  JmHitKind            header_kind;   /* a stage, step or lane header chosen instead of cards */
  char                *header_id;

  /* text editing in place */
  GtkWidget           *editor;
  GtkCssProvider      *editor_css;
  char                *editing_id;
  gboolean             editing_new;   /* cancelling removes the card again */
  JmHitKind            editing_kind;  /* a card's text, or a stage, step or lane name */

  /* dragging: a card to another cell, a card's edge (span), an emotion
   * point, or a rubber band over empty space */
  int                  drag_mode;
  char                *drag_persona;
  char                *drag_step;
  int                  drag_curve;
  guint                drag_span;
  gboolean             drag_extend;
  gboolean             drag_group;     /* an undo group is open for this drag */
  gboolean             space_held;     /* space + drag pans */
  double               pan_h;
  double               pan_v;
  char                *drag_id;
  double               drag_x;
  double               drag_y;
  gboolean             drag_active;
  char                *drop_lane;
  char                *drop_step;
  int                  drop_index;
  JmRect               drop_rect;
  double               drop_line_y;

  /* the context menu and what it is about */
  GtkWidget           *menu;
  char                *menu_id;
  char                *menu_lane;
  char                *menu_step;
};


/* jm-canvas-clipboard.c */
void jm_canvas_clipboard_class_init (GtkWidgetClass *widget_class);

/* jm-canvas-menu.c */
void jm_canvas_menu_init       (JmCanvas       *self);
void jm_canvas_menu_dispose    (JmCanvas       *self);
void jm_canvas_menu_class_init (GtkWidgetClass *widget_class);

/* jm-canvas-tools.c */
void jm_canvas_tools_init      (JmCanvas    *self);
void jm_canvas_tools_dispose   (JmCanvas    *self);
void jm_canvas_tools_class_init (GtkWidgetClass *widget_class);
/* Draws selection, focus and drop feedback over the map. */
void jm_canvas_tools_snapshot  (JmCanvas    *self,
                                GtkSnapshot *snapshot);
void jm_canvas_tools_allocate  (JmCanvas    *self);
/* The document changed under the tools: drop what no longer exists. */
void jm_canvas_tools_document_changed (JmCanvas *self);

G_END_DECLS
