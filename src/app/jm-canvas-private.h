/* jm-canvas-private.h — the canvas's state, shared by the view
 * (jm-canvas.c), its keyboard (jm-canvas-keys.c), its in-place text editor
 * (jm-canvas-editor.c), its context menus (jm-canvas-menu.c) and its input
 * tools (jm-canvas-tools.c and one jm-tool-*.c per gesture). */
#pragma once

#include "jm-canvas.h"
#include "jm-compare.h"
#include "jm-paint-cache.h"
#include "jm-selection.h"

G_BEGIN_DECLS

/* Room around the map, in widget pixels. */
#define PADDING 32.0
/* A press that moves further than this (pixels) is a drag. */
#define JM_DRAG_THRESHOLD 6.0
/* How close to a selected card's left or right edge (pixels) its span
 * handle is grabbed. */
#define JM_EDGE_GRAB 9.0

/* One gesture's tool: a GtkGesture of its own with its own state (the
 * struct a tool file extends), which claims the event sequence when it is
 * its business and refuses it otherwise. */
typedef struct _JmTool JmTool;
struct _JmTool {
  JmCanvas   *canvas;
  GtkGesture *gesture;
  gboolean    active;   /* past the drag threshold: the tool owns the gesture */
  /* Draws the tool's feedback over the map (may be NULL). */
  void      (*snapshot) (JmTool      *tool,
                         GtkSnapshot *snapshot);
};

struct _JmCanvas {
  GtkWidget            parent_instance;

  GtkAdjustment       *hadjustment;
  GtkAdjustment       *vadjustment;
  guint                hscroll_policy : 1;
  guint                vscroll_policy : 1;
  int                  zoom_on_allocate;  /* a JmCanvasZoomMode waiting for a size */
  gboolean             allocating;        /* inside size_allocate */

  JmDocument          *document;
  JmLayout            *layout;
  JmPaintCache        *paint_cache;  /* cards as images at the current zoom */
  gulong               changed_handler;
  double               zoom;           /* the user's; "100 %" */
  double               text_scale;     /* the desktop's text scaling, times the zoom */
  char                *persona_id;   /* the map as this persona lives it, or NULL */
  char                *view_id;      /* the named view shown, or NULL: the whole map */
  gboolean             emotion_values; /* scores written beside the emotion faces */

  /* where the pointer is, for zooming around it */
  double               pointer_x;
  double               pointer_y;
  /* pinch zoom */
  double               pinch_start_zoom;
  gboolean             space_held;     /* space + drag pans */

  /* the current object and the selected cards */
  JmSelection         *selection;
  gulong               selection_handler;
  int                  nav_column;     /* the column kept while the focus passes headers */

  GPtrArray           *tools;          /* JmTool* */

  /* text editing in place */
  GtkWidget           *editor;
  GtkCssProvider      *editor_css;
  char                *editing_id;
  gboolean             editing_new;    /* cancelling removes the card again */
  JmHitKind            editing_kind;   /* a card's text, or a stage, step or lane name */

  /* what assistive technologies hear (jm-canvas-proxy.c) */
  GtkWidget           *proxy;

  /* whose emotion curve is drawn (jm-canvas-chip.c) */
  GtkWidget           *chip;

  /* the context menu and the object it is about */
  GtkWidget           *menu;
  JmFocus              menu_focus;

  /* a comparison shown over the map (jm-canvas-compare.c) */
  JmCompare           *compare;
  int                  compare_item;        /* the panel's choice plus one, or 0 */
  char                *compare_hover_card;
  GtkEventController  *compare_motion;
};

/* jm-canvas-compare.c */
void     jm_canvas_compare_paint   (JmCanvas        *self,
                                    cairo_t         *cr,
                                    const JmRect    *visible,
                                    double           scale);
void     jm_canvas_compare_dispose (JmCanvas        *self);

/* jm-canvas.c */
/* A child widget (the persona chip, the editor) is at widget point (x, y). */
gboolean jm_canvas_over_child      (JmCanvas        *self,
                                    double           x,
                                    double           y);
/* A map rectangle in widget pixels; headers (kind JM_HIT_STAGE, _STEP,
 * _LANE) where the frozen panes show them. */
void     jm_canvas_widget_rect     (JmCanvas        *self,
                                    JmHitKind        kind,
                                    const JmRect    *rect,
                                    graphene_rect_t *out);
/* The map rectangle of the current object (FALSE: none). */
gboolean jm_canvas_get_focus_rect  (JmCanvas        *self,
                                    JmHitKind       *kind,
                                    JmRect          *rect);
void     jm_canvas_pan_to          (JmCanvas        *self,
                                    double           h,
                                    double           v);
void     jm_canvas_get_scroll      (JmCanvas        *self,
                                    double          *h,
                                    double          *v);
/* A border drawn over the map. */
void     jm_canvas_outline         (GtkSnapshot           *snapshot,
                                    const graphene_rect_t *bounds,
                                    float                  radius,
                                    float                  width,
                                    const GdkRGBA         *color);
extern const GdkRGBA jm_canvas_accent;

/* jm-canvas-clipboard.c */
void jm_canvas_clipboard_class_init (GtkWidgetClass *widget_class);

/* jm-canvas-menu.c */
void     jm_canvas_menu_init       (JmCanvas       *self);
void     jm_canvas_menu_dispose    (JmCanvas       *self);
void     jm_canvas_menu_class_init (GtkWidgetClass *widget_class);
/* The menu of the current object, at the object. */
gboolean jm_canvas_popup_focus_menu (JmCanvas      *self);

/* jm-canvas-keys.c */
void     jm_canvas_keys_init       (JmCanvas       *self);

/* jm-canvas-proxy.c */
void     jm_canvas_proxy_init      (JmCanvas       *self);
void     jm_canvas_proxy_dispose   (JmCanvas       *self);
/* Names the proxy after the current object; with announce, moves the
 * keyboard focus to it so that assistive technologies say it. */
void     jm_canvas_proxy_update    (JmCanvas       *self,
                                    gboolean        announce);
void     jm_canvas_proxy_allocate  (JmCanvas       *self);
/* The canvas or its proxy has the keyboard focus. */
gboolean jm_canvas_has_keyboard_focus (JmCanvas    *self);

/* jm-canvas-chip.c */
void     jm_canvas_chip_init       (JmCanvas       *self);
void     jm_canvas_chip_dispose    (JmCanvas       *self);
void     jm_canvas_chip_update     (JmCanvas       *self);
void     jm_canvas_chip_allocate   (JmCanvas       *self);
void     jm_canvas_chip_snapshot   (JmCanvas       *self,
                                    GtkSnapshot    *snapshot);

/* jm-canvas-editor.c */
void     jm_canvas_editor_init     (JmCanvas       *self);
void     jm_canvas_editor_dispose  (JmCanvas       *self);
void     jm_canvas_editor_allocate (JmCanvas       *self);
void     jm_canvas_editor_snapshot (JmCanvas       *self,
                                    GtkSnapshot    *snapshot);

/* jm-canvas-tools.c */
void     jm_canvas_tools_init      (JmCanvas       *self);
void     jm_canvas_tools_dispose   (JmCanvas       *self);
void     jm_canvas_tools_class_init (GtkWidgetClass *widget_class);
/* Selection, focus and span handles, then each tool's feedback. */
void     jm_canvas_tools_snapshot  (JmCanvas       *self,
                                    GtkSnapshot    *snapshot);
/* A shaded rectangle (map units) where a drag would land, outlined or not. */
void     jm_canvas_snapshot_target (JmCanvas       *self,
                                    GtkSnapshot    *snapshot,
                                    const JmRect   *rect,
                                    gboolean        outlined);
/* Adds a tool of size bytes (a struct starting with JmTool) on gesture,
 * which takes the name (e.g. "jm-tool-move": tests and the benchmark find
 * it by that name). */
JmTool  *jm_canvas_add_tool        (JmCanvas       *self,
                                    gsize           size,
                                    GtkGesture     *gesture,
                                    const char     *name);
/* The tool's gesture is past its threshold: it claims the sequence. */
void     jm_tool_claim             (JmTool         *tool,
                                    const char     *cursor);
void     jm_tool_deny              (JmTool         *tool);
void     jm_tool_finish            (JmTool         *tool);

/* One file each. */
void     jm_tool_select_add        (JmCanvas       *self);
void     jm_tool_move_add          (JmCanvas       *self);
void     jm_tool_span_add          (JmCanvas       *self);
void     jm_tool_emotion_add       (JmCanvas       *self);
void     jm_tool_header_add        (JmCanvas       *self);
void     jm_tool_rubber_band_add   (JmCanvas       *self);
void     jm_tool_pan_add           (JmCanvas       *self);
/* Which edge of a selected card is at widget point (x, y): -1 left, 1
 * right, 0 none. */
int      jm_tool_span_edge_at      (JmCanvas       *self,
                                    double          x,
                                    double          y,
                                    const char    **card_id);

G_END_DECLS
