/* jm-snapshot-private.h — a document taken apart into items, one per
 * object, each with its kind, id, parent and fields as text: what diff
 * and merge compare. Only jm-diff.c and jm-merge.c use this. */
#pragma once

#include "jm-conflict.h"

G_BEGIN_DECLS

typedef struct {
  JmKind      kind;
  char       *id;           /* the map: ""; an emotion: persona, step and curve joined */
  char       *parent;       /* a step's stage, a card's lane, a metric's card or stage; else NULL */
  char      **values;       /* one per field of the kind (jm_kind_get_fields), NULL: unset */
  guint       n_values;
  JmForeign  *foreign;      /* elements and attributes of other namespaces, may be NULL */
  char       *foreign_key;  /* foreign written out, to compare; NULL when there is none */
  /* Emotions */
  char       *persona;
  char       *step;
  JmMapState  curve;
} JmItem;

typedef struct {
  GHashTable *items[JM_N_KINDS];     /* id -> JmItem* (owned) */
  GPtrArray  *order[JM_N_KINDS];     /* JmItem*, in document order */
  GHashTable *children[JM_N_KINDS];  /* parent id ("" for top-level lists) -> GPtrArray of JmItem* */
  GHashTable *ids;                   /* every object's id -> JmItem*, emotions and the map left out */
  GPtrArray  *conflicts;             /* JmConflict* (owned) */
  gboolean    has_map;             /* FALSE for no document at all */
} JmSnapshot;

/* document may be NULL: nothing at all (a file git adds or deletes, or no
 * common ancestor). */
JmSnapshot *jm_snapshot_new             (JmDocument       *document);
void        jm_snapshot_free            (JmSnapshot       *snapshot);
/* Adds an item (transfer full); jm_snapshot_index_children() afterwards. */
void        jm_snapshot_add             (JmSnapshot       *snapshot,
                                         JmItem           *item);
void        jm_snapshot_remove          (JmSnapshot       *snapshot,
                                         JmItem           *item);
/* (Re)builds the children tables from the order of the items. */
void        jm_snapshot_index_children  (JmSnapshot       *snapshot);
JmItem     *jm_snapshot_get             (JmSnapshot       *snapshot,
                                         JmKind            kind,
                                         const char       *id);
/* The children of kind under parent (NULL or "": top level), in order;
 * never NULL. */
GPtrArray  *jm_snapshot_children        (JmSnapshot       *snapshot,
                                         JmKind            kind,
                                         const char       *parent);
/* Gives an object a new id, here and wherever this snapshot refers to it. */
void        jm_snapshot_rename          (JmSnapshot       *snapshot,
                                         JmItem           *item,
                                         const char       *new_id);

JmItem     *jm_item_new                 (JmKind            kind,
                                         const char       *id);
JmItem     *jm_item_copy                (const JmItem     *item);
void        jm_item_free                (JmItem           *item);
const char *jm_item_get                 (const JmItem     *item,
                                         const char       *field);
/* Same parent, fields and foreign XML. */
gboolean    jm_item_content_equal       (const JmItem     *a,
                                         const JmItem     *b);
/* Everything an item holds but its id, as one string to order items by. */
char       *jm_item_signature           (const JmItem     *item);
/* The emotion key: persona, step and curve joined. */
char       *jm_item_emotion_key         (const char       *persona,
                                         const char       *step,
                                         JmMapState        curve);

/* The name of a kind's parent pseudo-field ("stage", "lane", "holder"),
 * or NULL for kinds that sit at the top of the map. */
const char *jm_kind_parent_field        (JmKind            kind);

/* The model object an item describes, its children left out (a stage
 * without steps or metrics, a lane without cards, a card without metrics).
 * NULL with *bad_field set when a value does not fit its field. */
gpointer    jm_item_build_object        (const JmItem     *item,
                                         const char      **bad_field);
void        jm_item_build_header        (const JmItem     *item,
                                         JmMapHeader      *header);

/* Of a sequence of positions in another sequence (-1: not in it), which
 * are in order with it: a longest increasing subsequence. The others moved.
 * Returns n booleans (g_free). */
gboolean   *jm_stable_elements          (const int        *pos,
                                         guint             n);

G_END_DECLS
