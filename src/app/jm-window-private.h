/* jm-window-private.h — what the window's files share: its state and the
 * few functions its actions (jm-window-actions.c) and file dropping
 * (jm-window-dnd.c) call in jm-window.c. */
#pragma once

#include <adwaita.h>

#include "jm-canvas.h"
#include "jm-compare-panel.h"
#include "jm-conflict-bar.h"
#include "jm-inspector.h"
#include "jm-metrics-view.h"
#include "jm-outline-view.h"
#include "jm-views-button.h"
#include "jm-welcome-page.h"
#include "jm-window.h"

G_BEGIN_DECLS

struct _JmWindow {
  AdwApplicationWindow parent_instance;

  /* template children */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkStack        *stack;
  GtkScrolledWindow *scroller;
  GtkMenuButton   *new_button;
  GtkMenuButton   *primary_menu_button;
  GtkMenuButton   *persona_button;
  JmViewsButton   *views_button;
  AdwHeaderBar    *header_bar;
  JmWelcomePage   *welcome_page;
  JmConflictBar   *conflict_bar;
  JmOutlineView   *outline;
  JmComparePanel  *compare_panel;

  JmCanvas        *canvas;
  GtkMenuButton   *zoom_button;
  guint            zoom_label_idle;
  AdwFlap         *flap;
  JmMetricsView   *metrics_view;
  JmInspector     *inspector;
  JmDocument      *document;
  JmSelection     *selection;       /* the document's focus and selection */
  GFile           *file;
  gboolean         close_confirmed;
  gulong           changed_handler;
  gulong           modified_handler;

  /* autosave to a recovery copy */
  char            *recovery_id;
  guint            autosave_source;
  gboolean         dirty_since_autosave;

  /* noticing changes made to the file by someone else */
  GFileMonitor    *monitor;
  gint64           own_save_time;
};

/* jm-window.c */
GSettings *jm_window_settings         (JmWindow      *self);
void       jm_window_toast            (JmWindow      *self,
                                       const char    *message);
void       jm_window_show_error       (JmWindow      *self,
                                       const char    *heading,
                                       const char    *body);
void       jm_window_update_actions   (JmWindow      *self);
void       jm_window_add_recent       (GFile         *file);
/* Journey maps (*.journey), for file choosers. */
GtkFileFilter *jm_window_journey_filter (void);
/* Saves to the window's file (or asks for one); FALSE if it asked. */
gboolean   jm_window_save             (JmWindow      *self,
                                       gboolean       close_after);
void       jm_window_save_as          (JmWindow      *self,
                                       gboolean       close_after);

/* jm-window-actions.c */
void       jm_window_actions_class_init (GtkWidgetClass *widget_class);
void       jm_window_on_show_metrics  (GSimpleAction *action,
                                       GVariant      *value,
                                       JmWindow      *self);
void       jm_window_on_zoom_changed  (JmCanvas      *canvas,
                                       GParamSpec    *pspec,
                                       JmWindow      *self);

/* jm-window-dnd.c */
void       jm_window_dnd_init         (JmWindow      *self);

G_END_DECLS
