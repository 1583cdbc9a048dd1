/* jm-history.h — the undo history of a document: a list of commands with a
 * current position and a clean point (the state last saved). Typing in one
 * field merges into one step; begin_group/end_group make several commands
 * one step. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define JM_TYPE_HISTORY (jm_history_get_type ())
G_DECLARE_FINAL_TYPE (JmHistory, jm_history, JM, HISTORY, GObject)

gboolean    jm_history_can_undo       (JmHistory  *self);
gboolean    jm_history_can_redo       (JmHistory  *self);
gboolean    jm_history_undo           (JmHistory  *self);
gboolean    jm_history_redo           (JmHistory  *self);
/* Translated name of the step undo or redo would revert, e.g. "Edit Card". */
const char *jm_history_get_undo_label (JmHistory  *self);
const char *jm_history_get_redo_label (JmHistory  *self);

/* Groups nest; the outermost end makes one undo step named label. */
void        jm_history_begin_group    (JmHistory  *self,
                                       const char *label);
void        jm_history_end_group      (JmHistory  *self);

/* Ends merging: the next edit starts a new undo step. */
void        jm_history_seal           (JmHistory  *self);

/* The document as it is now is the saved one. */
void        jm_history_set_clean      (JmHistory  *self);
/* The saved state is out of reach: the document as it is differs from any
 * file (a recovered copy, say). */
void        jm_history_set_unsaved    (JmHistory  *self);
/* TRUE when the document differs from the saved state; undoing back to it
 * makes this FALSE again. */
gboolean    jm_history_is_modified    (JmHistory  *self);
/* Forgets every step (after loading). The current state becomes clean. */
void        jm_history_clear          (JmHistory  *self);
guint       jm_history_get_n_steps    (JmHistory  *self);

G_END_DECLS
