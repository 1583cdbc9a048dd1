/* jm-merge.h — three-way merge of journey maps by id, object by object
 * and field by field, as git's merge driver needs it. */
#pragma once

#include "jm-conflict.h"

G_BEGIN_DECLS

/* Merges what ours and theirs each changed since base (NULL: they have no
 * common ancestor) into a new document; the inputs are not changed.
 *
 * Changes to different objects, or to different fields of one object,
 * both land; a card moved by one side and edited by the other is moved and
 * edited. Children keep the order both sides gave them: what one side
 * moved or added goes where that side put it. One field changed to
 * different values on both sides, or an object deleted on one side and
 * changed on the other (or given new children), is a conflict: the result
 * holds ours (for a deletion: the changed object) and records the conflict
 * with every side's value (jm_document_get_conflicts()). Objects both sides
 * added with the same id and different contents are both kept, one under a
 * new id (without base, they are taken for one object). Persona lists (goals, needs…) merge item by item; XML of other
 * namespaces changed on both sides keeps both sides' elements.
 *
 * The result is always a valid map. *n_conflicts (optional) gets the number
 * of conflicts this merge found, besides those the inputs already held. */
JmDocument *jm_merge (JmDocument *base,
                      JmDocument *ours,
                      JmDocument *theirs,
                      guint      *n_conflicts);

G_END_DECLS
