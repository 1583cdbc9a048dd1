/* jm-document.h — a journey map document: its header (title, scenario,
 * notes, state), personas, stages with their steps, lanes with their cards,
 * and emotion scores. Reading is through getters and find functions; every
 * change is a command recorded in the document's JmHistory and announced
 * through the "changed" signal. */
#pragma once

#include <glib-object.h>

#include "jm-objects.h"
#include "jm-history.h"

G_BEGIN_DECLS

typedef enum {
  JM_OBJECT_MAP,
  JM_OBJECT_PERSONA,
  JM_OBJECT_STAGE,
  JM_OBJECT_STEP,
  JM_OBJECT_LANE,
  JM_OBJECT_CARD,
  JM_OBJECT_EMOTION,
  JM_OBJECT_CONFLICT,   /* a merge conflict recorded in the document (jm-conflict.h) */
} JmObjectType;

typedef enum {
  JM_CHANGE_ADDED,
  JM_CHANGE_REMOVED,
  JM_CHANGE_MODIFIED,
  JM_CHANGE_MOVED,
} JmChangeKind;

/* What one "changed" emission is about. For emotions, id is the persona id
 * and parent_id the step id; for conflicts, id is the conflict's key; for steps and cards parent_id is the stage or
 * lane id (after the change; for a move, the new one). For JM_OBJECT_MAP the
 * ids are NULL. */
typedef struct {
  JmObjectType type;
  JmChangeKind kind;
  const char  *id;
  const char  *parent_id;
} JmChange;

typedef struct _JmConflict JmConflict;

#define JM_TYPE_DOCUMENT (jm_document_get_type ())
G_DECLARE_FINAL_TYPE (JmDocument, jm_document, JM, DOCUMENT, GObject)

JmDocument      *jm_document_new               (void);
JmHistory       *jm_document_get_history       (JmDocument   *self);

/* ---- Reading ---- */
const char      *jm_document_get_title         (JmDocument   *self);
const char      *jm_document_get_scenario      (JmDocument   *self);
const char      *jm_document_get_notes         (JmDocument   *self);
JmMapState       jm_document_get_state         (JmDocument   *self);
/* How close to its target, in percent of the target, a metric that misses
 * it counts as "near" (amber) rather than "missed" (red). */
double           jm_document_get_metric_tolerance (JmDocument *self);
/* Whether the map's persona header shows each persona's needs,
 * frustrations and interests too (the root's persona-details="true"). */
gboolean         jm_document_get_persona_details (JmDocument *self);
/* The map's language (xml:lang, "en", "it"…): everything the painter
 * writes is in it. NULL: none stated, the interface's language. */
const char      *jm_document_get_language      (JmDocument   *self);
const JmForeign *jm_document_get_foreign       (JmDocument   *self);
GPtrArray       *jm_document_get_personas      (JmDocument   *self);  /* JmPersona* */
GPtrArray       *jm_document_get_stages        (JmDocument   *self);  /* JmStage* */
GPtrArray       *jm_document_get_lanes         (JmDocument   *self);  /* JmLane* */
GPtrArray       *jm_document_get_emotions      (JmDocument   *self);  /* JmEmotion* */

/* Steps are the map's columns, numbered left to right across all stages. */
guint            jm_document_get_n_steps       (JmDocument   *self);
JmStep          *jm_document_get_step          (JmDocument   *self,
                                                guint         column);
int              jm_document_get_step_column   (JmDocument   *self,
                                                const char   *step_id);
JmStage         *jm_document_get_step_stage    (JmDocument   *self,
                                                const char   *step_id);

JmPersona       *jm_document_find_persona      (JmDocument   *self,
                                                const char   *id);
JmStage         *jm_document_find_stage        (JmDocument   *self,
                                                const char   *id);
JmStep          *jm_document_find_step         (JmDocument   *self,
                                                const char   *id);
JmLane          *jm_document_find_lane         (JmDocument   *self,
                                                const char   *id);
JmCard          *jm_document_find_card         (JmDocument   *self,
                                                const char   *id,
                                                JmLane      **lane);
/* The metric with this id, on a card or a stage; *owner_id (optional) tells which. */
JmMetric        *jm_document_find_metric       (JmDocument   *self,
                                                const char   *id,
                                                const char  **owner_id);
const JmEmotion *jm_document_get_emotion       (JmDocument   *self,
                                                const char   *persona_id,
                                                const char   *step_id,
                                                JmMapState    curve);
/* TRUE when any object of the document uses this id. */
gboolean         jm_document_has_id            (JmDocument   *self,
                                                const char   *id);
/* A fresh id such as "card-12" that no object of the document uses. */
char            *jm_document_make_id           (JmDocument   *self,
                                                const char   *prefix);
guint            jm_document_get_n_cards       (JmDocument   *self);

/* ---- Building ----
 * For readers, templates and generators filling a new document before
 * anyone sees it: nothing is recorded in the history and no signal is
 * emitted. Objects are taken over (transfer full). Ids are not checked here:
 * the reader checks them with line numbers. */
void             jm_document_build_header      (JmDocument   *self,
                                                const char   *title,
                                                const char   *scenario,
                                                const char   *notes,
                                                JmMapState    state);
void             jm_document_build_persona_details (JmDocument *self,
                                                    gboolean    shown);
void             jm_document_build_metric_tolerance (JmDocument *self,
                                                     double      percent);
void             jm_document_build_language    (JmDocument   *self,
                                                const char   *language);
void             jm_document_build_foreign     (JmDocument   *self,
                                                JmForeign    *foreign);
void             jm_document_build_persona     (JmDocument   *self,
                                                JmPersona    *persona);
void             jm_document_build_stage       (JmDocument   *self,
                                                JmStage      *stage);
void             jm_document_build_lane        (JmDocument   *self,
                                                JmLane       *lane);
void             jm_document_build_emotion     (JmDocument   *self,
                                                JmEmotion    *emotion);

/* ---- Changing (each call is one undoable command) ---- */
void             jm_document_set_title         (JmDocument   *self,
                                                const char   *title);
void             jm_document_set_scenario      (JmDocument   *self,
                                                const char   *scenario);
void             jm_document_set_notes         (JmDocument   *self,
                                                const char   *notes);
void             jm_document_set_state         (JmDocument   *self,
                                                JmMapState    state);
/* percent within JM_METRIC_TOLERANCE_MIN..JM_METRIC_TOLERANCE_MAX */
/* Undoable: "Show Persona Details" / "Hide Persona Details". */
void             jm_document_set_persona_details (JmDocument *self,
                                                  gboolean    shown);
void             jm_document_set_metric_tolerance (JmDocument *self,
                                                   double      percent);
/* NULL or "": no language stated. */
void             jm_document_set_language      (JmDocument   *self,
                                                const char   *language);

/* index -1 appends. Insert functions take the object (transfer full); it
 * must carry an id the document does not use yet. */
void             jm_document_insert_persona    (JmDocument   *self,
                                                int           index,
                                                JmPersona    *persona);
/* Adds copies of personas from elsewhere (another map, the clipboard) as
 * one undo step named label; one whose id is taken here gets a fresh id.
 * Returns the ids they have in this document. */
char           **jm_document_add_personas      (JmDocument   *self,
                                                GPtrArray    *personas,
                                                const char   *label);
/* Replaces the persona with the same id by this one (transfer full). */
void             jm_document_update_persona    (JmDocument   *self,
                                                JmPersona    *persona,
                                                const char   *merge_key);
/* Also removes its emotion scores and its id from cards' persona scopes. */
void             jm_document_remove_persona    (JmDocument   *self,
                                                const char   *id);
void             jm_document_move_persona      (JmDocument   *self,
                                                const char   *id,
                                                guint         new_index);

void             jm_document_insert_stage      (JmDocument   *self,
                                                int           index,
                                                JmStage      *stage);
/* The colour a new stage at index (-1: the end) takes when it has none:
 * the first palette colour after its left neighbour's that no stage has
 * yet, or else that neither neighbour has. Building and inserting a stage
 * without a colour give it this one. */
char            *jm_document_suggest_stage_color (JmDocument *self,
                                                  int         index);
/* Replaces name, colour, notes, metrics and foreign XML of the stage with the
 * same id; its steps are changed with the step functions. */
void             jm_document_update_stage      (JmDocument   *self,
                                                JmStage      *stage,
                                                const char   *merge_key);
/* Also removes the cards that start in its steps and their emotion scores;
 * refused (FALSE) for the last stage. */
gboolean         jm_document_remove_stage      (JmDocument   *self,
                                                const char   *id);
void             jm_document_move_stage        (JmDocument   *self,
                                                const char   *id,
                                                guint         new_index);

void             jm_document_insert_step       (JmDocument   *self,
                                                const char   *stage_id,
                                                int           index,
                                                JmStep       *step);
void             jm_document_rename_step       (JmDocument   *self,
                                                const char   *id,
                                                const char   *name);
/* Removes the cards that start in it and its emotion scores; refused (FALSE)
 * for the last step of a stage. */
gboolean         jm_document_remove_step       (JmDocument   *self,
                                                const char   *id);
void             jm_document_move_step         (JmDocument   *self,
                                                const char   *id,
                                                const char   *stage_id,
                                                guint         new_index);

void             jm_document_insert_lane       (JmDocument   *self,
                                                int           index,
                                                JmLane       *lane);
/* Changes title and kind (and foreign XML) of the lane with the same id. */
void             jm_document_update_lane       (JmDocument   *self,
                                                JmLane       *lane,
                                                const char   *merge_key);
void             jm_document_remove_lane       (JmDocument   *self,
                                                const char   *id);
void             jm_document_move_lane         (JmDocument   *self,
                                                const char   *id,
                                                guint         new_index);

void             jm_document_insert_card       (JmDocument   *self,
                                                const char   *lane_id,
                                                int           index,
                                                JmCard       *card);
/* Replaces the card with the same id (transfer full), keeping its place. */
void             jm_document_update_card       (JmDocument   *self,
                                                JmCard       *card,
                                                const char   *merge_key);
void             jm_document_set_card_text     (JmDocument   *self,
                                                const char   *id,
                                                const char   *text);
void             jm_document_remove_card       (JmDocument   *self,
                                                const char   *id);
/* Moves the card to position index (-1: end) of lane_id, starting at step_id. */
void             jm_document_move_card         (JmDocument   *self,
                                                const char   *id,
                                                const char   *lane_id,
                                                const char   *step_id,
                                                int           index);

/* Sets (or, with score NAN, clears) one point of a persona's emotion curve. */
void             jm_document_set_emotion       (JmDocument   *self,
                                                const char   *persona_id,
                                                const char   *step_id,
                                                JmMapState    curve,
                                                double        score);

/* ---- Survey mappings (see JmSurvey) ----
 * A map keeps how the columns of each survey it imports map onto it. */
GPtrArray       *jm_document_get_surveys       (JmDocument   *self);  /* JmSurvey* */
JmSurvey        *jm_document_find_survey       (JmDocument   *self,
                                                const char   *id);
/* For readers: takes the survey (transfer full), records nothing. */
void             jm_document_build_survey      (JmDocument   *self,
                                                JmSurvey     *survey);
/* Adds the survey, or replaces the one with its id (transfer full): one
 * undoable command. */
void             jm_document_set_survey        (JmDocument   *self,
                                                JmSurvey     *survey);
void             jm_document_remove_survey     (JmDocument   *self,
                                                const char   *id);
/* ---- Merge conflicts (see jm-conflict.h) ----
 * Recorded by a merge, kept in the file until resolved. */
GPtrArray       *jm_document_get_conflicts     (JmDocument   *self);  /* JmConflict* */
const JmConflict *jm_document_find_conflict    (JmDocument   *self,
                                                const char   *key);
/* Building, like the build functions above (transfer full). */
void             jm_document_build_conflict    (JmDocument   *self,
                                                JmConflict   *conflict);
/* One undoable command each. add takes the conflict (transfer full) and
 * replaces one with the same key. */
void             jm_document_add_conflict      (JmDocument   *self,
                                                JmConflict   *conflict);
void             jm_document_remove_conflict   (JmDocument   *self,
                                                const char   *key);

G_END_DECLS
