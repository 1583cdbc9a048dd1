/* jm-command-private.h — one recorded change of a document, as the history
 * keeps it: enough to apply it again (redo) or revert it (undo). Only the
 * model uses this. */
#pragma once

#include "jm-document.h"

G_BEGIN_DECLS

typedef enum {
  JM_COMMAND_HEADER,   /* title, scenario, notes, state */
  JM_COMMAND_INSERT,   /* object added at parent/index */
  JM_COMMAND_REMOVE,   /* object removed from parent/index */
  JM_COMMAND_REPLACE,  /* object replaced by another with the same id */
  JM_COMMAND_MOVE,     /* object moved to another place */
  JM_COMMAND_EMOTION,  /* one emotion score set, changed or cleared */
  JM_COMMAND_GROUP,    /* several commands as one step */
} JmCommandType;

typedef struct {
  char       *title;
  char       *scenario;
  char       *notes;
  JmMapState  state;
  double      metric_tolerance;  /* percent: "near" band around targets */
  GPtrArray  *surveys;           /* JmSurvey*: saved survey mappings, may be NULL */
  char       *language;          /* xml:lang of the map, NULL: none (the interface's) */
  GPtrArray  *views;             /* JmMapView*: named views (jm-map-view.h), may be NULL */
  gboolean    persona_details;   /* the persona header shows needs, frustrations, interests */
} JmHeader;

/* The document's views, kept with its header; changed by replacing them
 * all (views: transfer full) as one header command named label. */
GPtrArray *jm_document_peek_views    (JmDocument *self);
void       jm_document_replace_views (JmDocument *self,
                                      GPtrArray  *views,
                                      const char *label);

typedef struct _JmCommand JmCommand;

struct _JmCommand {
  JmCommandType type;
  JmObjectType  object_type;
  char         *label;       /* shown as "Undo <label>" */
  char         *merge_key;   /* consecutive REPLACEs of one object with the same key merge */
  gint64        time;        /* monotonic µs when recorded */

  /* INSERT, REMOVE: the object, where it goes or came from. */
  gpointer      object;
  char         *parent_id;
  int           index;

  /* REPLACE: copies before and after; HEADER uses header_before/after. */
  gpointer      before;
  gpointer      after;
  JmHeader      header_before;
  JmHeader      header_after;

  /* MOVE */
  char         *id;
  char         *from_parent;
  char         *to_parent;
  int           from_index;
  int           to_index;
  char         *from_step;
  char         *to_step;

  /* EMOTION: NAN stands for "no score". */
  char         *persona_id;
  char         *step_id;
  JmMapState    curve;
  double        old_score;
  double        new_score;

  /* GROUP */
  GPtrArray    *children;
};

JmCommand *jm_command_new        (JmCommandType  type,
                                  JmObjectType   object_type,
                                  const char    *label);
void       jm_command_free       (JmCommand     *command);
void       jm_object_free        (JmObjectType   type,
                                  gpointer       object);

/* Applies (undo FALSE) or reverts (undo TRUE) a command on the document. */
void       jm_document_apply_command (JmDocument *self,
                                      JmCommand  *command,
                                      gboolean    undo);

JmHistory *jm_history_new        (JmDocument    *document);
/* Takes a command the document has just applied. */
void       jm_history_push       (JmHistory     *self,
                                  JmCommand     *command);

G_END_DECLS
