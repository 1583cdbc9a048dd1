/* jm-conflict.h — a merge conflict, kept in the document until someone
 * resolves it: which object, which field, and the value of each side.
 * While it is there, the map holds "ours" (the branch merged into), or,
 * for an object deleted on one side and edited on the other, the edited
 * object. Resolving is one undoable command. */
#pragma once

#include "jm-fields.h"

G_BEGIN_DECLS

typedef enum {
  JM_CONFLICT_SIDE_NONE,
  JM_CONFLICT_SIDE_OURS,
  JM_CONFLICT_SIDE_THEIRS,
} JmConflictSide;

/* Pseudo-fields a conflict may name besides the kind's own fields: where
 * an object sits. A step's stage, a card's lane, a metric's card or stage
 * (value: the id), and its position among its siblings (value: the id of
 * the one before it, or "" for the first). */
#define JM_CONFLICT_FIELD_STAGE    "stage"
#define JM_CONFLICT_FIELD_LANE     "lane"
#define JM_CONFLICT_FIELD_HOLDER   "holder"
#define JM_CONFLICT_FIELD_POSITION "position"

struct _JmConflict {
  char           *key;         /* identity in the document, made from the rest */
  JmKind          kind;
  char           *ref;         /* the object's id; an emotion's persona; NULL for the map */
  char           *step;        /* emotions: the step */
  JmMapState      curve;       /* emotions: which curve */
  char           *field;       /* NULL: the object itself, deleted on one side */
  JmConflictSide  deleted_by;  /* with field NULL: the side that deleted it */
  char           *base;        /* values as the file writes them; NULL: not set */
  char           *ours;
  char           *theirs;
};

JmConflict *jm_conflict_new          (JmKind            kind,
                                      const char       *ref,
                                      const char       *field);
JmConflict *jm_conflict_copy         (const JmConflict *conflict);
void        jm_conflict_free         (JmConflict       *conflict);
/* Recomputes key after ref, step, curve or field changed. */
void        jm_conflict_update_key   (JmConflict       *conflict);
/* TRUE when the object it is about is in the document. */
gboolean    jm_conflict_has_object   (const JmConflict *conflict,
                                      JmDocument       *document);

/* One line for people, in the current language: the object, the field,
 * each side's value. */
char       *jm_conflict_describe     (const JmConflict *conflict,
                                      JmDocument       *document);

typedef enum {
  JM_CONFLICT_CHOOSE_OURS,
  JM_CONFLICT_CHOOSE_THEIRS,
  JM_CONFLICT_CHOOSE_VALUE,
} JmConflictChoice;

/* Resolves the document's conflict with this key: sets the field to ours,
 * theirs or value (choice VALUE; not for a deleted object), or deletes or
 * keeps the object, and drops the conflict, as one undo step. Choosing the
 * side that deleted an object deletes it, with what it holds, and drops
 * the conflicts about those objects too. FALSE with error when the value
 * does not fit the field; then nothing changed. */
gboolean    jm_document_resolve_conflict (JmDocument       *document,
                                          const char       *key,
                                          JmConflictChoice  choice,
                                          const char       *value,
                                          GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JmConflict, jm_conflict_free)

G_END_DECLS
