/* jm-map-view.h — a named view of a map: a choice of its lanes, its
 * personas and which emotion curves (as is, to be, or both) to show. A map
 * keeps its views in the file; the canvas, presenting, printing and every
 * export can show the map through one. A map with no views shows all. */
#pragma once

#include "jm-document.h"

G_BEGIN_DECLS

typedef enum {
  JM_VIEW_STATES_BOTH,      /* as-is and to-be curves */
  JM_VIEW_STATES_CURRENT,   /* the as-is curves only */
  JM_VIEW_STATES_FUTURE,    /* the to-be curves only */
} JmViewStates;

typedef struct {
  char         *id;
  char         *name;
  char        **lanes;      /* ids of the lanes shown, NULL-terminated; NULL: every lane */
  char        **personas;   /* ids of the personas shown; NULL: every persona */
  JmViewStates  states;
  JmForeign    *foreign;
} JmMapView;

JmMapView  *jm_map_view_new             (const char      *id,
                                         const char      *name);
JmMapView  *jm_map_view_copy            (const JmMapView *view);
void        jm_map_view_free            (JmMapView       *view);
/* With view NULL, everything is shown. */
gboolean    jm_map_view_shows_lane      (const JmMapView *view,
                                         const char      *lane_id);
gboolean    jm_map_view_shows_persona   (const JmMapView *view,
                                         const char      *persona_id);
gboolean    jm_map_view_shows_curve     (const JmMapView *view,
                                         JmMapState       curve);

const char *jm_view_states_to_string    (JmViewStates     states);
gboolean    jm_view_states_from_string  (const char      *str,
                                         JmViewStates    *out);
const char *jm_view_states_get_label    (JmViewStates     states);

/* ---- A document's views, in the order they were made ---- */
GPtrArray  *jm_document_get_views       (JmDocument      *self);  /* JmMapView* */
JmMapView  *jm_document_find_view       (JmDocument      *self,
                                         const char      *id);
/* The view with this name, or else with this id; NULL when none. */
JmMapView  *jm_document_lookup_view     (JmDocument      *self,
                                         const char      *name_or_id);
/* For readers: takes the view (transfer full), records nothing. */
void        jm_document_build_view      (JmDocument      *self,
                                         JmMapView       *view);
/* Adds the view, or replaces the one with its id (transfer full): one
 * undoable command. */
void        jm_document_set_view        (JmDocument      *self,
                                         JmMapView       *view);
void        jm_document_rename_view     (JmDocument      *self,
                                         const char      *id,
                                         const char      *name);
void        jm_document_remove_view     (JmDocument      *self,
                                         const char      *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JmMapView, jm_map_view_free)

G_END_DECLS
