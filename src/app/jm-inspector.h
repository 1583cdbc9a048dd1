/* jm-inspector.h — the side panel that edits whatever is current: the map
 * itself, a persona, a stage, a step (also for a focused cell or emotion
 * point), a lane, a card, or a summary of several selected cards. It
 * follows a JmSelection, so it never shows an object the document no
 * longer has, and each of its pages turns edits into document commands. */
#pragma once

#include <adwaita.h>

#include "jm-selection.h"

G_BEGIN_DECLS

/* The page shown. */
typedef enum {
  JM_INSPECTOR_MAP,
  JM_INSPECTOR_CARD,
  JM_INSPECTOR_CARDS,   /* several cards */
  JM_INSPECTOR_STAGE,
  JM_INSPECTOR_STEP,    /* also for a cell or an emotion point */
  JM_INSPECTOR_LANE,
  JM_INSPECTOR_PERSONA,
} JmInspectorTarget;

#define JM_TYPE_INSPECTOR (jm_inspector_get_type ())
G_DECLARE_FINAL_TYPE (JmInspector, jm_inspector, JM, INSPECTOR, GtkWidget)

GtkWidget         *jm_inspector_new           (void);
/* The selection to follow, and through it the document; NULL shows nothing
 * to edit. */
void               jm_inspector_set_selection (JmInspector  *self,
                                               JmSelection  *selection);
JmSelection       *jm_inspector_get_selection (JmInspector  *self);
JmInspectorTarget  jm_inspector_get_target    (JmInspector  *self);
/* The page shown: a JmInspectorPage, or the several cards' summary. */
GtkWidget         *jm_inspector_get_page      (JmInspector  *self);

/* Personas between maps. Copy puts the persona on the clipboard (as a
 * <journey-personas> fragment and as text); paste adds the personas of such
 * a fragment; import adds those of another map's file whose ids are in ids
 * (NULL: all). Each adds one undo step and opens the first persona added. */
void       jm_inspector_copy_persona    (JmInspector        *self,
                                         const char         *id);
gboolean   jm_inspector_paste_personas  (JmInspector        *self,
                                         GBytes             *xml,
                                         GError            **error);
gboolean   jm_inspector_import_personas (JmInspector        *self,
                                         const char         *path,
                                         const char * const *ids,
                                         GError            **error);

G_END_DECLS
