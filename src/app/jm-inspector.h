/* jm-inspector.h — the side panel that edits whatever is selected: a
 * card's text and fields, a stage, a step, a lane, or the map itself.
 * Every edit is a document command. */
#pragma once

#include <adwaita.h>

#include "jm-document.h"

G_BEGIN_DECLS

typedef enum {
  JM_INSPECTOR_MAP,
  JM_INSPECTOR_CARD,
  JM_INSPECTOR_CARDS,   /* several cards */
  JM_INSPECTOR_STAGE,
  JM_INSPECTOR_STEP,
  JM_INSPECTOR_LANE,
  JM_INSPECTOR_PERSONA,
} JmInspectorTarget;

#define JM_TYPE_INSPECTOR (jm_inspector_get_type ())
G_DECLARE_FINAL_TYPE (JmInspector, jm_inspector, JM, INSPECTOR, GtkWidget)

GtkWidget *jm_inspector_new          (void);
void       jm_inspector_set_document (JmInspector       *self,
                                      JmDocument        *document);
/* What to edit; id is NULL for the map, the number of cards for CARDS. */
void       jm_inspector_set_target   (JmInspector       *self,
                                      JmInspectorTarget  target,
                                      const char        *id);
JmInspectorTarget jm_inspector_get_target (JmInspector  *self);

/* A photo for a persona from an image file: cropped square, at most 256
 * pixels, as PNG. */
GBytes    *jm_inspector_load_photo   (const char        *path,
                                      GError           **error);

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
