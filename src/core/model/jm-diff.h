/* jm-diff.h — what changed between two journey maps, object by object
 * and by id: what was added, removed, moved, and which field of what
 * changed from what to what; and the same as text for people. */
#pragma once

#include "jm-conflict.h"

G_BEGIN_DECLS

typedef enum {
  JM_DIFF_ADDED,
  JM_DIFF_REMOVED,
  JM_DIFF_CHANGED,   /* field: a field of the kind, "status" (a metric's colour) or "other-xml" */
  JM_DIFF_MOVED,     /* field: the parent ("stage", "lane", "holder") or "position" */
} JmDiffChange;

typedef struct {
  JmKind        kind;
  JmDiffChange  change;
  gboolean      is_conflict;  /* a merge conflict recorded or resolved; id is its key */
  char         *id;           /* the object's; an emotion's persona; NULL for the map */
  char         *step;         /* emotions */
  JmMapState    curve;        /* emotions */
  char         *field;
  char         *old_value;    /* as the file writes it; for "position" the id before it ("" first) */
  char         *new_value;
} JmDiffEntry;

void        jm_diff_entry_free (JmDiffEntry *entry);

/* The changes from old to new (either may be NULL: no map), JmDiffEntry*,
 * in the order of the map: the map's fields, personas, stages, steps,
 * lanes, cards, metrics, emotions, conflicts. Empty when they are the same
 * map. */
GPtrArray  *jm_diff            (JmDocument *old_doc,
                                JmDocument *new_doc);

/* The changes for people, in the current language, one object per block:
 * "+ " added, "- " removed, "~ " changed, then its changes indented. */
char       *jm_diff_to_text    (GPtrArray  *entries,
                                JmDocument *old_doc,
                                JmDocument *new_doc);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JmDiffEntry, jm_diff_entry_free)

G_END_DECLS
