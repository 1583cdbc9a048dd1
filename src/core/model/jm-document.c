/* jm-document.c — the journey map document: its objects, an index of them
 * by id, and the commands that change them. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "jm-command-private.h"
#include "jm-conflict.h"
#include "jm-map-view.h"
#include "jm-document.h"
#include "jm-palette.h"

/* Index entries for metrics, which are not JmObjectTypes of their own. */
#define ENTRY_METRIC 100

typedef struct {
  int      type;
  gpointer object;
  gpointer parent;   /* stage of a step or metric, lane of a card, card of a metric */
} Entry;

struct _JmDocument {
  GObject     parent_instance;

  JmHeader    header;
  JmForeign  *foreign;
  GPtrArray  *personas;
  GPtrArray  *stages;
  GPtrArray  *lanes;
  GPtrArray  *emotions;
  GPtrArray  *conflicts;    /* JmConflict*, in the order the merge found them */

  JmHistory  *history;
  GHashTable *index;        /* id -> Entry* */
  GPtrArray  *columns;      /* JmStep*, left to right */
  GHashTable *column_of;    /* step id -> column + 1 */
  gboolean    columns_dirty;
  guint       n_cards;
  guint       next_id;
};

G_DEFINE_FINAL_TYPE (JmDocument, jm_document, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- commands ---- */

JmCommand *
jm_command_new (JmCommandType  type,
                JmObjectType   object_type,
                const char    *label)
{
  JmCommand *command = g_new0 (JmCommand, 1);

  command->type = type;
  command->object_type = object_type;
  command->label = g_strdup (label);
  command->time = g_get_monotonic_time ();
  command->old_score = NAN;
  command->new_score = NAN;
  if (type == JM_COMMAND_GROUP)
    command->children = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_command_free);
  return command;
}

void
jm_object_free (JmObjectType type,
                gpointer     object)
{
  if (object == NULL)
    return;

  switch (type)
    {
    case JM_OBJECT_PERSONA:
      jm_persona_free (object);
      break;
    case JM_OBJECT_STAGE:
      jm_stage_free (object);
      break;
    case JM_OBJECT_STEP:
      jm_step_free (object);
      break;
    case JM_OBJECT_LANE:
      jm_lane_free (object);
      break;
    case JM_OBJECT_CARD:
      jm_card_free (object);
      break;
    case JM_OBJECT_EMOTION:
      jm_emotion_free (object);
      break;
    case JM_OBJECT_CONFLICT:
      jm_conflict_free (object);
      break;
    case JM_OBJECT_MAP:
    default:
      g_assert_not_reached ();
    }
}

static gpointer
object_copy (JmObjectType type,
             gconstpointer object)
{
  switch (type)
    {
    case JM_OBJECT_PERSONA:
      return jm_persona_copy (object);
    case JM_OBJECT_STAGE:
      return jm_stage_copy (object);
    case JM_OBJECT_STEP:
      return jm_step_copy (object);
    case JM_OBJECT_LANE:
      return jm_lane_copy (object);
    case JM_OBJECT_CARD:
      return jm_card_copy (object);
    case JM_OBJECT_EMOTION:
      return jm_emotion_copy (object);
    case JM_OBJECT_CONFLICT:
      return jm_conflict_copy (object);
    case JM_OBJECT_MAP:
    default:
      g_assert_not_reached ();
    }
}

static void
header_clear (JmHeader *header)
{
  g_clear_pointer (&header->title, g_free);
  g_clear_pointer (&header->scenario, g_free);
  g_clear_pointer (&header->notes, g_free);
  g_clear_pointer (&header->surveys, g_ptr_array_unref);
  g_clear_pointer (&header->language, g_free);
  g_clear_pointer (&header->views, g_ptr_array_unref);
}

static GPtrArray *
copy_surveys (GPtrArray *surveys)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_survey_free);

  for (guint i = 0; surveys != NULL && i < surveys->len; i++)
    g_ptr_array_add (copy, jm_survey_copy (g_ptr_array_index (surveys, i)));
  return copy;
}

static GPtrArray *
copy_views (GPtrArray *views)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_map_view_free);

  for (guint i = 0; views != NULL && i < views->len; i++)
    g_ptr_array_add (copy, jm_map_view_copy (g_ptr_array_index (views, i)));
  return copy;
}

static void
header_copy (JmHeader       *dest,
             const JmHeader *src)
{
  dest->title = g_strdup (src->title);
  dest->scenario = g_strdup (src->scenario);
  dest->notes = g_strdup (src->notes);
  dest->state = src->state;
  dest->metric_tolerance = src->metric_tolerance;
  dest->surveys = copy_surveys (src->surveys);
  dest->language = g_strdup (src->language);
  dest->views = copy_views (src->views);
  dest->persona_details = src->persona_details;
}

void
jm_command_free (JmCommand *command)
{
  if (command == NULL)
    return;

  if (command->object != NULL)
    jm_object_free (command->object_type, command->object);
  if (command->before != NULL)
    jm_object_free (command->object_type, command->before);
  if (command->after != NULL)
    jm_object_free (command->object_type, command->after);
  header_clear (&command->header_before);
  header_clear (&command->header_after);
  g_free (command->label);
  g_free (command->merge_key);
  g_free (command->parent_id);
  g_free (command->id);
  g_free (command->from_parent);
  g_free (command->to_parent);
  g_free (command->from_step);
  g_free (command->to_step);
  g_free (command->persona_id);
  g_free (command->step_id);
  g_clear_pointer (&command->children, g_ptr_array_unref);
  g_free (command);
}

/* ---- the index ---- */

static void
index_add (JmDocument *self,
           const char *id,
           int         type,
           gpointer    object,
           gpointer    parent)
{
  Entry *entry;

  if (id == NULL)
    return;

  entry = g_new (Entry, 1);
  entry->type = type;
  entry->object = object;
  entry->parent = parent;
  g_hash_table_replace (self->index, (gpointer) id, entry);
}

static void
index_remove (JmDocument *self,
              const char *id)
{
  if (id != NULL)
    g_hash_table_remove (self->index, id);
}

static Entry *
index_lookup (JmDocument *self,
              const char *id,
              int         type)
{
  Entry *entry;

  if (id == NULL)
    return NULL;

  entry = g_hash_table_lookup (self->index, id);
  if (entry == NULL || entry->type != type)
    return NULL;
  return entry;
}

static void
index_metrics (JmDocument *self,
               GPtrArray  *metrics,
               gpointer    owner,
               gboolean    add)
{
  for (guint i = 0; i < metrics->len; i++)
    {
      JmMetric *metric = g_ptr_array_index (metrics, i);

      if (add)
        index_add (self, metric->id, ENTRY_METRIC, metric, owner);
      else
        index_remove (self, metric->id);
    }
}

static void
index_card (JmDocument *self,
            JmCard     *card,
            JmLane     *lane,
            gboolean    add)
{
  if (add)
    index_add (self, card->id, JM_OBJECT_CARD, card, lane);
  else
    index_remove (self, card->id);
  index_metrics (self, card->metrics, card, add);
}

static void
index_stage (JmDocument *self,
             JmStage    *stage,
             gboolean    add)
{
  if (add)
    index_add (self, stage->id, JM_OBJECT_STAGE, stage, NULL);
  else
    index_remove (self, stage->id);

  for (guint i = 0; i < stage->steps->len; i++)
    {
      JmStep *step = g_ptr_array_index (stage->steps, i);

      if (add)
        index_add (self, step->id, JM_OBJECT_STEP, step, stage);
      else
        index_remove (self, step->id);
    }
  index_metrics (self, stage->metrics, stage, add);
  self->columns_dirty = TRUE;
}

static void
index_lane (JmDocument *self,
            JmLane     *lane,
            gboolean    add)
{
  if (add)
    index_add (self, lane->id, JM_OBJECT_LANE, lane, NULL);
  else
    index_remove (self, lane->id);

  for (guint i = 0; i < lane->cards->len; i++)
    index_card (self, g_ptr_array_index (lane->cards, i), lane, add);

  if (add)
    self->n_cards += lane->cards->len;
  else
    self->n_cards -= lane->cards->len;
}

static void
ensure_columns (JmDocument *self)
{
  if (!self->columns_dirty)
    return;

  g_ptr_array_set_size (self->columns, 0);
  g_hash_table_remove_all (self->column_of);

  for (guint i = 0; i < self->stages->len; i++)
    {
      JmStage *stage = g_ptr_array_index (self->stages, i);

      for (guint j = 0; j < stage->steps->len; j++)
        {
          JmStep *step = g_ptr_array_index (stage->steps, j);

          g_ptr_array_add (self->columns, step);
          /* A step read without an id (the reader reports it) has no column to find. */
          if (step->id != NULL)
            g_hash_table_insert (self->column_of, step->id, GUINT_TO_POINTER (self->columns->len));
        }
    }

  self->columns_dirty = FALSE;
}

/* ---- GObject ---- */

static void
jm_document_finalize (GObject *object)
{
  JmDocument *self = JM_DOCUMENT (object);

  g_clear_object (&self->history);
  header_clear (&self->header);
  jm_foreign_free (self->foreign);
  g_clear_pointer (&self->personas, g_ptr_array_unref);
  g_clear_pointer (&self->stages, g_ptr_array_unref);
  g_clear_pointer (&self->lanes, g_ptr_array_unref);
  g_clear_pointer (&self->emotions, g_ptr_array_unref);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_clear_pointer (&self->index, g_hash_table_unref);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->column_of, g_hash_table_unref);

  G_OBJECT_CLASS (jm_document_parent_class)->finalize (object);
}

static void
jm_document_class_init (JmDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jm_document_finalize;

  /**
   * JmDocument::changed:
   * @change: (type gpointer): a JmChange saying what changed
   *
   * Emitted after every change, once per object touched, while applying,
   * undoing or redoing a command.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
jm_document_init (JmDocument *self)
{
  self->header.title = g_strdup ("");
  self->header.metric_tolerance = JM_METRIC_TOLERANCE_DEFAULT;
  self->header.surveys = copy_surveys (NULL);
  self->header.views = copy_views (NULL);
  self->personas = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_persona_free);
  self->stages = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_stage_free);
  self->lanes = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_lane_free);
  self->emotions = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_emotion_free);
  self->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_conflict_free);
  self->index = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->columns = g_ptr_array_new ();
  self->column_of = g_hash_table_new (g_str_hash, g_str_equal);
  self->columns_dirty = TRUE;
  self->history = jm_history_new (self);
}

JmDocument *
jm_document_new (void)
{
  return g_object_new (JM_TYPE_DOCUMENT, NULL);
}

JmHistory *
jm_document_get_history (JmDocument *self)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (self), NULL);
  return self->history;
}

static void
emit_change (JmDocument   *self,
             JmObjectType  type,
             JmChangeKind  kind,
             const char   *id,
             const char   *parent_id)
{
  JmChange change = { type, kind, id, parent_id };

  g_signal_emit (self, signals[CHANGED], 0, &change);
}

/* ---- reading ---- */

const char *
jm_document_get_title (JmDocument *self)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (self), NULL);
  return self->header.title;
}

const char *
jm_document_get_scenario (JmDocument *self)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (self), NULL);
  return self->header.scenario;
}

double
jm_document_get_metric_tolerance (JmDocument *self)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (self), JM_METRIC_TOLERANCE_DEFAULT);
  return self->header.metric_tolerance;
}

void
jm_document_build_metric_tolerance (JmDocument *self,
                                    double      percent)
{
  g_return_if_fail (JM_IS_DOCUMENT (self));
  self->header.metric_tolerance = CLAMP (percent, JM_METRIC_TOLERANCE_MIN, JM_METRIC_TOLERANCE_MAX);
}

gboolean
jm_document_get_persona_details (JmDocument *self)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (self), FALSE);
  return self->header.persona_details;
}

void
jm_document_build_persona_details (JmDocument *self,
                                   gboolean    shown)
{
  g_return_if_fail (JM_IS_DOCUMENT (self));
  self->header.persona_details = !!shown;
}

const char *
jm_document_get_language (JmDocument *self)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (self), NULL);
  return self->header.language;
}

void
jm_document_build_language (JmDocument *self,
                            const char *language)
{
  g_return_if_fail (JM_IS_DOCUMENT (self));
  g_free (self->header.language);
  self->header.language = g_strdup (language);
}

const char *
jm_document_get_notes (JmDocument *self)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (self), NULL);
  return self->header.notes;
}

JmMapState
jm_document_get_state (JmDocument *self)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (self), JM_MAP_STATE_CURRENT);
  return self->header.state;
}

const JmForeign *
jm_document_get_foreign (JmDocument *self)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (self), NULL);
  return self->foreign;
}

GPtrArray *
jm_document_get_personas (JmDocument *self)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (self), NULL);
  return self->personas;
}

GPtrArray *
jm_document_get_stages (JmDocument *self)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (self), NULL);
  return self->stages;
}

GPtrArray *
jm_document_get_lanes (JmDocument *self)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (self), NULL);
  return self->lanes;
}

GPtrArray *
jm_document_get_emotions (JmDocument *self)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (self), NULL);
  return self->emotions;
}

guint
jm_document_get_n_steps (JmDocument *self)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (self), 0);
  ensure_columns (self);
  return self->columns->len;
}

JmStep *
jm_document_get_step (JmDocument *self,
                      guint       column)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (self), NULL);
  ensure_columns (self);
  if (column >= self->columns->len)
    return NULL;
  return g_ptr_array_index (self->columns, column);
}

int
jm_document_get_step_column (JmDocument *self,
                             const char *step_id)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (self), -1);
  if (step_id == NULL)
    return -1;
  ensure_columns (self);
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->column_of, step_id)) - 1;
}

JmStage *
jm_document_get_step_stage (JmDocument *self,
                            const char *step_id)
{
  Entry *entry;

  g_return_val_if_fail (JM_IS_DOCUMENT (self), NULL);
  entry = index_lookup (self, step_id, JM_OBJECT_STEP);
  return entry ? entry->parent : NULL;
}

JmPersona *
jm_document_find_persona (JmDocument *self,
                          const char *id)
{
  Entry *entry;

  g_return_val_if_fail (JM_IS_DOCUMENT (self), NULL);
  entry = index_lookup (self, id, JM_OBJECT_PERSONA);
  return entry ? entry->object : NULL;
}

JmStage *
jm_document_find_stage (JmDocument *self,
                        const char *id)
{
  Entry *entry;

  g_return_val_if_fail (JM_IS_DOCUMENT (self), NULL);
  entry = index_lookup (self, id, JM_OBJECT_STAGE);
  return entry ? entry->object : NULL;
}

JmStep *
jm_document_find_step (JmDocument *self,
                       const char *id)
{
  Entry *entry;

  g_return_val_if_fail (JM_IS_DOCUMENT (self), NULL);
  entry = index_lookup (self, id, JM_OBJECT_STEP);
  return entry ? entry->object : NULL;
}

JmLane *
jm_document_find_lane (JmDocument *self,
                       const char *id)
{
  Entry *entry;

  g_return_val_if_fail (JM_IS_DOCUMENT (self), NULL);
  entry = index_lookup (self, id, JM_OBJECT_LANE);
  return entry ? entry->object : NULL;
}

JmCard *
jm_document_find_card (JmDocument  *self,
                       const char  *id,
                       JmLane     **lane)
{
  Entry *entry;

  g_return_val_if_fail (JM_IS_DOCUMENT (self), NULL);
  entry = index_lookup (self, id, JM_OBJECT_CARD);
  if (lane)
    *lane = entry ? entry->parent : NULL;
  return entry ? entry->object : NULL;
}

JmMetric *
jm_document_find_metric (JmDocument  *self,
                         const char  *id,
                         const char **owner_id)
{
  Entry *entry, *owner;

  g_return_val_if_fail (JM_IS_DOCUMENT (self), NULL);

  entry = index_lookup (self, id, ENTRY_METRIC);
  if (entry == NULL)
    return NULL;

  if (owner_id)
    {
      /* Cards and stages both start with their id. */
      owner = NULL;
      if (entry->parent != NULL)
        {
          const char *candidate = *(char **) entry->parent;
          owner = g_hash_table_lookup (self->index, candidate);
        }
      *owner_id = owner ? *(char **) owner->object : NULL;
    }
  return entry->object;
}

static int
find_emotion_index (JmDocument *self,
                    const char *persona_id,
                    const char *step_id,
                    JmMapState  curve)
{
  for (guint i = 0; i < self->emotions->len; i++)
    {
      JmEmotion *emotion = g_ptr_array_index (self->emotions, i);

      if (emotion->curve == curve
          && g_strcmp0 (emotion->persona_id, persona_id) == 0
          && g_strcmp0 (emotion->step_id, step_id) == 0)
        return (int) i;
    }
  return -1;
}

const JmEmotion *
jm_document_get_emotion (JmDocument *self,
                         const char *persona_id,
                         const char *step_id,
                         JmMapState  curve)
{
  int i;

  g_return_val_if_fail (JM_IS_DOCUMENT (self), NULL);
  i = find_emotion_index (self, persona_id, step_id, curve);
  return i >= 0 ? g_ptr_array_index (self->emotions, i) : NULL;
}

gboolean
jm_document_has_id (JmDocument *self,
                    const char *id)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (self), FALSE);
  return id != NULL && g_hash_table_contains (self->index, id);
}

char *
jm_document_make_id (JmDocument *self,
                     const char *prefix)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (prefix != NULL, NULL);

  for (;;)
    {
      char *id = g_strdup_printf ("%s-%u", prefix, ++self->next_id);

      if (!g_hash_table_contains (self->index, id))
        return id;
      g_free (id);
    }
}

guint
jm_document_get_n_cards (JmDocument *self)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (self), 0);
  return self->n_cards;
}

/* ---- building ---- */

void
jm_document_build_header (JmDocument *self,
                          const char *title,
                          const char *scenario,
                          const char *notes,
                          JmMapState  state)
{
  g_return_if_fail (JM_IS_DOCUMENT (self));

  g_free (self->header.title);
  g_free (self->header.scenario);
  g_free (self->header.notes);
  self->header.title = g_strdup (title ? title : "");
  self->header.scenario = g_strdup (scenario);
  self->header.notes = g_strdup (notes);
  self->header.state = state;
}

void
jm_document_build_foreign (JmDocument *self,
                           JmForeign  *foreign)
{
  g_return_if_fail (JM_IS_DOCUMENT (self));

  jm_foreign_free (self->foreign);
  self->foreign = foreign;
}

void
jm_document_build_persona (JmDocument *self,
                           JmPersona  *persona)
{
  g_return_if_fail (JM_IS_DOCUMENT (self));
  g_return_if_fail (persona != NULL);

  g_ptr_array_add (self->personas, persona);
  index_add (self, persona->id, JM_OBJECT_PERSONA, persona, NULL);
}

void
jm_document_build_stage (JmDocument *self,
                         JmStage    *stage)
{
  g_return_if_fail (JM_IS_DOCUMENT (self));
  g_return_if_fail (stage != NULL);

  /* A stage's colour is its own: one read without it (an older file, an
   * import) gets one now, so that moving its neighbours never recolours
   * it. The file gains it at the next save. */
  if (stage->color == NULL)
    stage->color = jm_document_suggest_stage_color (self, -1);
  g_ptr_array_add (self->stages, stage);
  index_stage (self, stage, TRUE);
}

void
jm_document_build_lane (JmDocument *self,
                        JmLane     *lane)
{
  g_return_if_fail (JM_IS_DOCUMENT (self));
  g_return_if_fail (lane != NULL);

  g_ptr_array_add (self->lanes, lane);
  index_lane (self, lane, TRUE);
}

void
jm_document_build_emotion (JmDocument *self,
                           JmEmotion  *emotion)
{
  g_return_if_fail (JM_IS_DOCUMENT (self));
  g_return_if_fail (emotion != NULL);

  g_ptr_array_add (self->emotions, emotion);
}

/* ---- applying commands ---- */

static GPtrArray *
container_for (JmDocument   *self,
               JmObjectType  type,
               const char   *parent_id,
               gpointer     *parent)
{
  *parent = NULL;

  switch (type)
    {
    case JM_OBJECT_PERSONA:
      return self->personas;
    case JM_OBJECT_STAGE:
      return self->stages;
    case JM_OBJECT_LANE:
      return self->lanes;
    case JM_OBJECT_STEP:
      {
        JmStage *stage = jm_document_find_stage (self, parent_id);
        g_return_val_if_fail (stage != NULL, NULL);
        *parent = stage;
        return stage->steps;
      }
    case JM_OBJECT_CARD:
      {
        JmLane *lane = jm_document_find_lane (self, parent_id);
        g_return_val_if_fail (lane != NULL, NULL);
        *parent = lane;
        return lane->cards;
      }
    case JM_OBJECT_CONFLICT:
      return self->conflicts;
    case JM_OBJECT_MAP:
    case JM_OBJECT_EMOTION:
    default:
      g_assert_not_reached ();
    }
}

static void
index_object (JmDocument   *self,
              JmObjectType  type,
              gpointer      object,
              gpointer      parent,
              gboolean      add)
{
  switch (type)
    {
    case JM_OBJECT_PERSONA:
      if (add)
        index_add (self, ((JmPersona *) object)->id, JM_OBJECT_PERSONA, object, NULL);
      else
        index_remove (self, ((JmPersona *) object)->id);
      break;
    case JM_OBJECT_STAGE:
      index_stage (self, object, add);
      break;
    case JM_OBJECT_STEP:
      if (add)
        index_add (self, ((JmStep *) object)->id, JM_OBJECT_STEP, object, parent);
      else
        index_remove (self, ((JmStep *) object)->id);
      self->columns_dirty = TRUE;
      break;
    case JM_OBJECT_LANE:
      index_lane (self, object, add);
      break;
    case JM_OBJECT_CARD:
      index_card (self, object, parent, add);
      if (add)
        self->n_cards++;
      else
        self->n_cards--;
      break;
    case JM_OBJECT_CONFLICT:
      break;   /* keys are not ids: conflicts are looked up by key */
    case JM_OBJECT_MAP:
    case JM_OBJECT_EMOTION:
    default:
      g_assert_not_reached ();
    }
}

/* Every object type starts with its id (a conflict, with its key). */
static const char *
object_id (gconstpointer object)
{
  return *(char * const *) object;
}

static void
insert_object (JmDocument   *self,
               JmObjectType  type,
               const char   *parent_id,
               int           index,
               gpointer      object)
{
  gpointer parent;
  GPtrArray *array = container_for (self, type, parent_id, &parent);

  g_return_if_fail (array != NULL);

  if (index < 0 || (guint) index > array->len)
    index = (int) array->len;
  g_ptr_array_insert (array, index, object);
  index_object (self, type, object, parent, TRUE);
  emit_change (self, type, JM_CHANGE_ADDED, object_id (object), parent_id);
}

/* Removes and returns the object (transfer full). */
static gpointer
steal_object (JmDocument   *self,
              JmObjectType  type,
              const char   *parent_id,
              const char   *id,
              int          *out_index)
{
  gpointer parent, object;
  guint index;
  GPtrArray *array = container_for (self, type, parent_id, &parent);
  g_autofree char *id_copy = g_strdup (id);

  g_return_val_if_fail (array != NULL, NULL);

  for (index = 0; index < array->len; index++)
    if (g_strcmp0 (object_id (g_ptr_array_index (array, index)), id) == 0)
      break;
  g_return_val_if_fail (index < array->len, NULL);

  object = g_ptr_array_index (array, index);
  index_object (self, type, object, parent, FALSE);
  object = g_ptr_array_steal_index (array, index);
  if (out_index)
    *out_index = (int) index;
  emit_change (self, type, JM_CHANGE_REMOVED, id_copy, parent_id);
  return object;
}

/* Steals the stage's or lane's children so a field-only replacement keeps them. */
static void
replace_object (JmDocument   *self,
                JmObjectType  type,
                gconstpointer replacement)
{
  const char *id = object_id (replacement);
  Entry *entry = g_hash_table_lookup (self->index, id);
  const char *parent_id = NULL;

  g_return_if_fail (entry != NULL && entry->type == (int) type);

  switch (type)
    {
    case JM_OBJECT_PERSONA:
      {
        JmPersona *copy = jm_persona_copy (replacement);
        JmPersona *old = entry->object;
        guint i;

        g_ptr_array_find (self->personas, old, &i);
        index_add (self, copy->id, JM_OBJECT_PERSONA, copy, NULL);
        g_ptr_array_index (self->personas, i) = copy;
        jm_persona_free (old);
        break;
      }
    case JM_OBJECT_STAGE:
      {
        /* Fields only: the steps stay. */
        JmStage *stage = entry->object;
        const JmStage *src = replacement;

        index_metrics (self, stage->metrics, stage, FALSE);
        g_free (stage->name);
        stage->name = g_strdup (src->name);
        g_free (stage->color);
        stage->color = g_strdup (src->color);
        g_free (stage->notes);
        stage->notes = g_strdup (src->notes);
        g_ptr_array_set_size (stage->metrics, 0);
        for (guint i = 0; i < src->metrics->len; i++)
          g_ptr_array_add (stage->metrics, jm_metric_copy (g_ptr_array_index (src->metrics, i)));
        jm_foreign_free (stage->foreign);
        stage->foreign = jm_foreign_copy (src->foreign);
        index_metrics (self, stage->metrics, stage, TRUE);
        break;
      }
    case JM_OBJECT_LANE:
      {
        /* Fields only: the cards stay. */
        JmLane *lane = entry->object;
        const JmLane *src = replacement;

        g_free (lane->title);
        lane->title = g_strdup (src->title);
        lane->kind = src->kind;
        jm_foreign_free (lane->foreign);
        lane->foreign = jm_foreign_copy (src->foreign);
        break;
      }
    case JM_OBJECT_CARD:
      {
        JmLane *lane = entry->parent;
        JmCard *old = entry->object;
        JmCard *copy = jm_card_copy (replacement);
        guint i;

        parent_id = lane->id;
        g_ptr_array_find (lane->cards, old, &i);
        index_card (self, old, lane, FALSE);
        g_ptr_array_index (lane->cards, i) = copy;
        index_card (self, copy, lane, TRUE);
        jm_card_free (old);
        break;
      }
    case JM_OBJECT_STEP:
      {
        JmStep *step = entry->object;
        const JmStep *src = replacement;

        parent_id = ((JmStage *) entry->parent)->id;
        g_free (step->name);
        step->name = g_strdup (src->name);
        jm_foreign_free (step->foreign);
        step->foreign = jm_foreign_copy (src->foreign);
        break;
      }
    case JM_OBJECT_MAP:
    case JM_OBJECT_EMOTION:
    case JM_OBJECT_CONFLICT:
    default:
      g_assert_not_reached ();
    }

  emit_change (self, type, JM_CHANGE_MODIFIED, id, parent_id);
}

static void
move_object (JmDocument   *self,
             JmObjectType  type,
             const char   *id,
             const char   *from_parent,
             const char   *to_parent,
             int           to_index,
             const char   *to_step)
{
  gpointer object, parent;
  GPtrArray *from, *to;
  guint index;

  from = container_for (self, type, from_parent, &parent);
  to = container_for (self, type, to_parent, &parent);
  g_return_if_fail (from != NULL && to != NULL);

  for (index = 0; index < from->len; index++)
    if (g_strcmp0 (object_id (g_ptr_array_index (from, index)), id) == 0)
      break;
  g_return_if_fail (index < from->len);

  object = g_ptr_array_steal_index (from, index);
  if (to_index < 0 || (guint) to_index > to->len)
    to_index = (int) to->len;
  g_ptr_array_insert (to, to_index, object);

  if (type == JM_OBJECT_CARD)
    {
      JmCard *card = object;

      if (to_step != NULL && g_strcmp0 (card->step_id, to_step) != 0)
        {
          g_free (card->step_id);
          card->step_id = g_strdup (to_step);
        }
      index_card (self, card, parent, TRUE);
    }
  else if (type == JM_OBJECT_STEP)
    {
      index_add (self, ((JmStep *) object)->id, JM_OBJECT_STEP, object, parent);
      self->columns_dirty = TRUE;
    }
  else if (type == JM_OBJECT_STAGE)
    {
      self->columns_dirty = TRUE;
    }

  emit_change (self, type, JM_CHANGE_MOVED, id, to_parent);
}

static void
set_emotion_score (JmDocument *self,
                   const char *persona_id,
                   const char *step_id,
                   JmMapState  curve,
                   double      score)
{
  int i = find_emotion_index (self, persona_id, step_id, curve);

  if (isnan (score))
    {
      if (i >= 0)
        g_ptr_array_remove_index (self->emotions, i);
    }
  else if (i >= 0)
    {
      JmEmotion *emotion = g_ptr_array_index (self->emotions, i);
      emotion->score = score;
    }
  else
    {
      g_ptr_array_add (self->emotions, jm_emotion_new (persona_id, step_id, curve, score));
    }

  emit_change (self, JM_OBJECT_EMOTION, JM_CHANGE_MODIFIED, persona_id, step_id);
}

static void
set_header (JmDocument     *self,
            const JmHeader *header)
{
  header_clear (&self->header);
  header_copy (&self->header, header);
  emit_change (self, JM_OBJECT_MAP, JM_CHANGE_MODIFIED, NULL, NULL);
}

void
jm_document_apply_command (JmDocument *self,
                           JmCommand  *command,
                           gboolean    undo)
{
  g_return_if_fail (JM_IS_DOCUMENT (self));
  g_return_if_fail (command != NULL);

  switch (command->type)
    {
    case JM_COMMAND_HEADER:
      set_header (self, undo ? &command->header_before : &command->header_after);
      break;

    case JM_COMMAND_INSERT:
    case JM_COMMAND_REMOVE:
      if ((command->type == JM_COMMAND_INSERT) != undo)
        insert_object (self, command->object_type, command->parent_id, command->index,
                       object_copy (command->object_type, command->object));
      else
        jm_object_free (command->object_type,
                        steal_object (self, command->object_type, command->parent_id,
                                      object_id (command->object), NULL));
      break;

    case JM_COMMAND_REPLACE:
      replace_object (self, command->object_type, undo ? command->before : command->after);
      break;

    case JM_COMMAND_MOVE:
      if (undo)
        move_object (self, command->object_type, command->id, command->to_parent,
                     command->from_parent, command->from_index, command->from_step);
      else
        move_object (self, command->object_type, command->id, command->from_parent,
                     command->to_parent, command->to_index, command->to_step);
      break;

    case JM_COMMAND_EMOTION:
      set_emotion_score (self, command->persona_id, command->step_id, command->curve,
                         undo ? command->old_score : command->new_score);
      break;

    case JM_COMMAND_GROUP:
      if (undo)
        {
          for (guint i = command->children->len; i > 0; i--)
            jm_document_apply_command (self, g_ptr_array_index (command->children, i - 1), TRUE);
        }
      else
        {
          for (guint i = 0; i < command->children->len; i++)
            jm_document_apply_command (self, g_ptr_array_index (command->children, i), FALSE);
        }
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Applies a new command and records it. */
static void
run (JmDocument *self,
     JmCommand  *command)
{
  jm_document_apply_command (self, command, FALSE);
  jm_history_push (self->history, command);
}

/* ---- changing: the header ---- */

static void
change_header (JmDocument *self,
               JmHeader   *after,
               const char *label,
               const char *merge_key)
{
  JmCommand *command = jm_command_new (JM_COMMAND_HEADER, JM_OBJECT_MAP, label);

  header_copy (&command->header_before, &self->header);
  command->header_after = *after;
  command->merge_key = g_strdup (merge_key);
  run (self, command);
}

static void
edit_header (JmDocument *self,
             const char *field,
             const char *value,
             JmMapState  state,
             const char *label)
{
  JmHeader after = { 0 };

  header_copy (&after, &self->header);
  if (g_strcmp0 (field, "title") == 0)
    jm_set_str (&after.title, value ? value : "");
  else if (g_strcmp0 (field, "scenario") == 0)
    jm_set_str (&after.scenario, value);
  else if (g_strcmp0 (field, "notes") == 0)
    jm_set_str (&after.notes, value);
  else
    after.state = state;

  if (g_strcmp0 (after.title, self->header.title) == 0
      && g_strcmp0 (after.scenario, self->header.scenario) == 0
      && g_strcmp0 (after.notes, self->header.notes) == 0
      && after.state == self->header.state
      && after.metric_tolerance == self->header.metric_tolerance)
    {
      header_clear (&after);
      return;
    }

  change_header (self, &after, label, g_strcmp0 (field, "state") != 0 ? field : NULL);
}

void
jm_document_set_title (JmDocument *self,
                       const char *title)
{
  g_return_if_fail (JM_IS_DOCUMENT (self));
  edit_header (self, "title", title, self->header.state, _("Edit Title"));
}

void
jm_document_set_scenario (JmDocument *self,
                          const char *scenario)
{
  g_return_if_fail (JM_IS_DOCUMENT (self));
  edit_header (self, "scenario", scenario, self->header.state, _("Edit Scenario"));
}

void
jm_document_set_notes (JmDocument *self,
                       const char *notes)
{
  g_return_if_fail (JM_IS_DOCUMENT (self));
  edit_header (self, "notes", notes, self->header.state, _("Edit Notes"));
}

void
jm_document_set_state (JmDocument *self,
                       JmMapState  state)
{
  g_return_if_fail (JM_IS_DOCUMENT (self));
  g_return_if_fail (state < JM_N_MAP_STATES);
  edit_header (self, "state", NULL, state, _("Change Map State"));
}

void
jm_document_set_persona_details (JmDocument *self,
                                 gboolean    shown)
{
  JmHeader after = { 0 };

  g_return_if_fail (JM_IS_DOCUMENT (self));

  if (!!shown == self->header.persona_details)
    return;
  header_copy (&after, &self->header);
  after.persona_details = !!shown;
  change_header (self, &after, shown ? _("Show Persona Details") : _("Hide Persona Details"), NULL);
}

void
jm_document_set_metric_tolerance (JmDocument *self,
                                  double      percent)
{
  JmHeader after = { 0 };

  g_return_if_fail (JM_IS_DOCUMENT (self));
  g_return_if_fail (percent >= JM_METRIC_TOLERANCE_MIN && percent <= JM_METRIC_TOLERANCE_MAX);

  if (percent == self->header.metric_tolerance)
    return;
  header_copy (&after, &self->header);
  after.metric_tolerance = percent;
  change_header (self, &after, _("Change Target Tolerance"), "metric-tolerance");
}

void
jm_document_set_language (JmDocument *self,
                          const char *language)
{
  JmHeader after = { 0 };

  g_return_if_fail (JM_IS_DOCUMENT (self));

  if (language != NULL && *language == '\0')
    language = NULL;
  if (g_strcmp0 (language, self->header.language) == 0)
    return;
  header_copy (&after, &self->header);
  jm_set_str (&after.language, language);
  /* A choice, not typing: each one its own undo step. */
  change_header (self, &after, _("Change Map Language"), NULL);
}

/* ---- changing: generic insert, replace, remove, move ---- */

static void
record_insert (JmDocument   *self,
               JmObjectType  type,
               const char   *parent_id,
               int           index,
               gpointer      object,
               const char   *label)
{
  JmCommand *command = jm_command_new (JM_COMMAND_INSERT, type, label);

  command->parent_id = g_strdup (parent_id);
  command->index = index;
  command->object = object;
  run (self, command);
}

static void
record_replace (JmDocument   *self,
                JmObjectType  type,
                gpointer      before,
                gpointer      after,
                const char   *merge_key,
                const char   *label)
{
  JmCommand *command = jm_command_new (JM_COMMAND_REPLACE, type, label);

  command->id = g_strdup (object_id (after));
  command->before = before;
  command->after = after;
  command->merge_key = g_strdup (merge_key);
  run (self, command);
}

static void
record_remove (JmDocument   *self,
               JmObjectType  type,
               const char   *parent_id,
               const char   *id,
               const char   *label)
{
  JmCommand *command = jm_command_new (JM_COMMAND_REMOVE, type, label);

  /* Remove first to learn the index, then record what was removed. */
  command->object = steal_object (self, type, parent_id, id, &command->index);
  command->parent_id = g_strdup (parent_id);
  jm_history_push (self->history, command);
}

static void
record_move (JmDocument   *self,
             JmObjectType  type,
             const char   *id,
             const char   *from_parent,
             int           from_index,
             const char   *from_step,
             const char   *to_parent,
             int           to_index,
             const char   *to_step,
             const char   *label)
{
  JmCommand *command = jm_command_new (JM_COMMAND_MOVE, type, label);

  command->id = g_strdup (id);
  command->from_parent = g_strdup (from_parent);
  command->from_index = from_index;
  command->from_step = g_strdup (from_step);
  command->to_parent = g_strdup (to_parent);
  command->to_index = to_index;
  command->to_step = g_strdup (to_step);
  run (self, command);
}

static int
index_in (GPtrArray     *array,
          gconstpointer  object)
{
  guint i;

  return g_ptr_array_find (array, object, &i) ? (int) i : -1;
}

/* ---- personas ---- */

void
jm_document_insert_persona (JmDocument *self,
                            int         index,
                            JmPersona  *persona)
{
  g_return_if_fail (JM_IS_DOCUMENT (self));
  g_return_if_fail (persona != NULL && persona->id != NULL);
  g_return_if_fail (!jm_document_has_id (self, persona->id));

  record_insert (self, JM_OBJECT_PERSONA, NULL, index, persona, _("Add Persona"));
}

char **
jm_document_add_personas (JmDocument *self,
                          GPtrArray  *personas,
                          const char *label)
{
  JmHistory *history;
  GStrvBuilder *ids = g_strv_builder_new ();
  char **result;

  g_return_val_if_fail (JM_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (personas != NULL, NULL);

  history = jm_document_get_history (self);
  jm_history_begin_group (history, label);
  for (guint i = 0; i < personas->len; i++)
    {
      JmPersona *copy = jm_persona_copy (g_ptr_array_index (personas, i));

      if (copy->id == NULL || jm_document_has_id (self, copy->id))
        {
          g_free (copy->id);
          copy->id = jm_document_make_id (self, "persona");
        }
      g_strv_builder_add (ids, copy->id);
      jm_document_insert_persona (self, -1, copy);
    }
  jm_history_end_group (history);
  result = g_strv_builder_end (ids);
  g_strv_builder_unref (ids);
  return result;
}

void
jm_document_update_persona (JmDocument *self,
                            JmPersona  *persona,
                            const char *merge_key)
{
  JmPersona *current;

  g_return_if_fail (JM_IS_DOCUMENT (self));
  g_return_if_fail (persona != NULL);

  current = jm_document_find_persona (self, persona->id);
  g_return_if_fail (current != NULL);

  record_replace (self, JM_OBJECT_PERSONA, jm_persona_copy (current), persona, merge_key,
                  _("Edit Persona"));
}

void
jm_document_remove_persona (JmDocument *self,
                            const char *id)
{
  g_return_if_fail (JM_IS_DOCUMENT (self));
  g_return_if_fail (jm_document_find_persona (self, id) != NULL);

  jm_history_begin_group (self->history, _("Remove Persona"));

  for (guint i = self->emotions->len; i > 0; i--)
    {
      JmEmotion *emotion = g_ptr_array_index (self->emotions, i - 1);

      if (g_strcmp0 (emotion->persona_id, id) == 0)
        jm_document_set_emotion (self, emotion->persona_id, emotion->step_id, emotion->curve, NAN);
    }

  for (guint l = 0; l < self->lanes->len; l++)
    {
      JmLane *lane = g_ptr_array_index (self->lanes, l);

      for (guint c = 0; c < lane->cards->len; c++)
        {
          JmCard *card = g_ptr_array_index (lane->cards, c);

          if (card->personas != NULL && g_strv_contains ((const char * const *) card->personas, id))
            {
              JmCard *copy = jm_card_copy (card);
              GStrvBuilder *builder = g_strv_builder_new ();

              for (guint p = 0; card->personas[p]; p++)
                if (strcmp (card->personas[p], id) != 0)
                  g_strv_builder_add (builder, card->personas[p]);
              g_strfreev (copy->personas);
              copy->personas = g_strv_builder_end (builder);
              g_strv_builder_unref (builder);
              if (copy->personas[0] == NULL)
                g_clear_pointer (&copy->personas, g_strfreev);
              jm_document_update_card (self, copy, NULL);
            }
        }
    }

  record_remove (self, JM_OBJECT_PERSONA, NULL, id, _("Remove Persona"));
  jm_history_end_group (self->history);
}

void
jm_document_move_persona (JmDocument *self,
                          const char *id,
                          guint       new_index)
{
  JmPersona *persona;
  int from;

  g_return_if_fail (JM_IS_DOCUMENT (self));

  persona = jm_document_find_persona (self, id);
  g_return_if_fail (persona != NULL);

  from = index_in (self->personas, persona);
  new_index = MIN (new_index, self->personas->len - 1);
  if ((guint) from == new_index)
    return;

  record_move (self, JM_OBJECT_PERSONA, id, NULL, from, NULL, NULL, (int) new_index, NULL,
               _("Move Persona"));
}

/* ---- stages and steps ---- */

static JmStage *
stage_fields (const JmStage *stage)
{
  JmStage *copy = jm_stage_new (stage->id, stage->name);

  copy->color = g_strdup (stage->color);
  copy->notes = g_strdup (stage->notes);
  for (guint i = 0; i < stage->metrics->len; i++)
    g_ptr_array_add (copy->metrics, jm_metric_copy (g_ptr_array_index (stage->metrics, i)));
  copy->foreign = jm_foreign_copy (stage->foreign);
  return copy;
}

void
jm_document_insert_stage (JmDocument *self,
                          int         index,
                          JmStage    *stage)
{
  g_return_if_fail (JM_IS_DOCUMENT (self));
  g_return_if_fail (stage != NULL && stage->id != NULL && stage->steps->len > 0);
  g_return_if_fail (!jm_document_has_id (self, stage->id));

  if (stage->color == NULL)
    stage->color = jm_document_suggest_stage_color (self, index);
  record_insert (self, JM_OBJECT_STAGE, NULL, index, stage, _("Add Stage"));
}

static gboolean
same_color (const char *a,
            const char *b)
{
  return a != NULL && b != NULL && g_ascii_strcasecmp (a, b) == 0;
}

/* Whether any stage has this colour. */
static gboolean
stage_color_used (JmDocument *self,
                  const char *color)
{
  for (guint i = 0; i < self->stages->len; i++)
    if (same_color (((JmStage *) g_ptr_array_index (self->stages, i))->color, color))
      return TRUE;
  return FALSE;
}

char *
jm_document_suggest_stage_color (JmDocument *self,
                                 int         index)
{
  guint n, at;
  const char *left, *right;
  int start;

  g_return_val_if_fail (JM_IS_DOCUMENT (self), NULL);

  n = self->stages->len;
  at = index < 0 || (guint) index > n ? n : (guint) index;
  left = at > 0 ? ((JmStage *) g_ptr_array_index (self->stages, at - 1))->color : NULL;
  right = at < n ? ((JmStage *) g_ptr_array_index (self->stages, at))->color : NULL;
  /* Go on from the left neighbour's colour, so a map built left to right
   * runs through the palette in order. */
  start = jm_stage_palette_find (left);
  if (start < 0)
    start = (int) at - 1;

  /* First a colour no stage has yet, then one neither neighbour has. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint k = 1; k <= JM_STAGE_PALETTE_SIZE; k++)
      {
        const char *color = jm_stage_palette_color ((guint) (start + (int) k) % JM_STAGE_PALETTE_SIZE);

        if (pass == 0 ? !stage_color_used (self, color)
                      : !same_color (color, left) && !same_color (color, right))
          return g_strdup (color);
      }
  g_assert_not_reached ();
}

void
jm_document_update_stage (JmDocument *self,
                          JmStage    *stage,
                          const char *merge_key)
{
  JmStage *current;
  JmStage *after;

  g_return_if_fail (JM_IS_DOCUMENT (self));
  g_return_if_fail (stage != NULL);

  current = jm_document_find_stage (self, stage->id);
  g_return_if_fail (current != NULL);

  /* Commands keep the fields only; copying every step would be waste. */
  after = stage_fields (stage);
  jm_stage_free (stage);
  record_replace (self, JM_OBJECT_STAGE, stage_fields (current), after, merge_key,
                  _("Edit Stage"));
}

/* Before a step disappears: cards starting there move to the next column
 * (or go, if they covered only it), cards running across it get shorter,
 * and its emotion scores go. */
static void
record_step_removal_effects (JmDocument *self,
                             const char *step_id)
{
  int column = jm_document_get_step_column (self, step_id);
  JmStep *next = jm_document_get_step (self, column + 1);

  for (guint l = 0; l < self->lanes->len; l++)
    {
      JmLane *lane = g_ptr_array_index (self->lanes, l);

      for (guint c = lane->cards->len; c > 0; c--)
        {
          JmCard *card = g_ptr_array_index (lane->cards, c - 1);
          int start = jm_document_get_step_column (self, card->step_id);
          int end = start + (int) card->span - 1;

          if (start == column && card->span == 1)
            {
              jm_document_remove_card (self, card->id);
            }
          else if (start == column && next != NULL)
            {
              JmCard *copy = jm_card_copy (card);

              jm_set_str (&copy->step_id, next->id);
              copy->span--;
              jm_document_update_card (self, copy, NULL);
            }
          else if (start < column && end >= column)
            {
              JmCard *copy = jm_card_copy (card);

              copy->span--;
              jm_document_update_card (self, copy, NULL);
            }
        }
    }

  for (guint i = self->emotions->len; i > 0; i--)
    {
      JmEmotion *emotion = g_ptr_array_index (self->emotions, i - 1);

      if (g_strcmp0 (emotion->step_id, step_id) == 0)
        jm_document_set_emotion (self, emotion->persona_id, emotion->step_id, emotion->curve, NAN);
    }
}

gboolean
jm_document_remove_stage (JmDocument *self,
                          const char *id)
{
  JmStage *stage;

  g_return_val_if_fail (JM_IS_DOCUMENT (self), FALSE);

  stage = jm_document_find_stage (self, id);
  g_return_val_if_fail (stage != NULL, FALSE);

  if (self->stages->len <= 1)
    return FALSE;

  jm_history_begin_group (self->history, _("Remove Stage"));
  for (guint i = 0; i < stage->steps->len; i++)
    record_step_removal_effects (self, ((JmStep *) g_ptr_array_index (stage->steps, i))->id);
  record_remove (self, JM_OBJECT_STAGE, NULL, id, _("Remove Stage"));
  jm_history_end_group (self->history);
  return TRUE;
}

void
jm_document_move_stage (JmDocument *self,
                        const char *id,
                        guint       new_index)
{
  JmStage *stage;
  int from;

  g_return_if_fail (JM_IS_DOCUMENT (self));

  stage = jm_document_find_stage (self, id);
  g_return_if_fail (stage != NULL);

  from = index_in (self->stages, stage);
  new_index = MIN (new_index, self->stages->len - 1);
  if ((guint) from == new_index)
    return;

  record_move (self, JM_OBJECT_STAGE, id, NULL, from, NULL, NULL, (int) new_index, NULL,
               _("Move Stage"));
}

void
jm_document_insert_step (JmDocument *self,
                         const char *stage_id,
                         int         index,
                         JmStep     *step)
{
  JmStage *stage;
  int column;

  g_return_if_fail (JM_IS_DOCUMENT (self));
  g_return_if_fail (step != NULL && step->id != NULL);
  g_return_if_fail (!jm_document_has_id (self, step->id));

  stage = jm_document_find_stage (self, stage_id);
  g_return_if_fail (stage != NULL);

  if (index < 0 || (guint) index > stage->steps->len)
    index = (int) stage->steps->len;

  /* The column the new step will take. */
  if ((guint) index < stage->steps->len)
    column = jm_document_get_step_column (self, ((JmStep *) g_ptr_array_index (stage->steps, index))->id);
  else
    column = jm_document_get_step_column (self,
                                          ((JmStep *) g_ptr_array_index (stage->steps, index - 1))->id) + 1;

  jm_history_begin_group (self->history, _("Add Step"));

  /* Cards that run across the new column grow, so they still cover what they did. */
  for (guint l = 0; l < self->lanes->len; l++)
    {
      JmLane *lane = g_ptr_array_index (self->lanes, l);

      for (guint c = 0; c < lane->cards->len; c++)
        {
          JmCard *card = g_ptr_array_index (lane->cards, c);
          int start = jm_document_get_step_column (self, card->step_id);

          if (start < column && start + (int) card->span - 1 >= column)
            {
              JmCard *copy = jm_card_copy (card);

              copy->span++;
              jm_document_update_card (self, copy, NULL);
            }
        }
    }

  record_insert (self, JM_OBJECT_STEP, stage_id, index, step, _("Add Step"));
  jm_history_end_group (self->history);
}

void
jm_document_rename_step (JmDocument *self,
                         const char *id,
                         const char *name)
{
  JmStep *step, *after;

  g_return_if_fail (JM_IS_DOCUMENT (self));

  step = jm_document_find_step (self, id);
  g_return_if_fail (step != NULL);

  if (g_strcmp0 (step->name, name) == 0)
    return;

  after = jm_step_copy (step);
  jm_set_str (&after->name, name ? name : "");
  record_replace (self, JM_OBJECT_STEP, jm_step_copy (step), after, "name", _("Rename Step"));
}

gboolean
jm_document_remove_step (JmDocument *self,
                         const char *id)
{
  JmStage *stage;

  g_return_val_if_fail (JM_IS_DOCUMENT (self), FALSE);

  stage = jm_document_get_step_stage (self, id);
  g_return_val_if_fail (stage != NULL, FALSE);

  if (stage->steps->len <= 1)
    return FALSE;

  jm_history_begin_group (self->history, _("Remove Step"));
  record_step_removal_effects (self, id);
  record_remove (self, JM_OBJECT_STEP, stage->id, id, _("Remove Step"));
  jm_history_end_group (self->history);
  return TRUE;
}

void
jm_document_move_step (JmDocument *self,
                       const char *id,
                       const char *stage_id,
                       guint       new_index)
{
  JmStage *from_stage, *to_stage;
  JmStep *step;
  guint max;

  g_return_if_fail (JM_IS_DOCUMENT (self));

  step = jm_document_find_step (self, id);
  from_stage = jm_document_get_step_stage (self, id);
  to_stage = jm_document_find_stage (self, stage_id);
  g_return_if_fail (step != NULL && to_stage != NULL);

  /* A stage keeps at least one step. */
  if (from_stage != to_stage && from_stage->steps->len <= 1)
    return;

  max = from_stage == to_stage ? to_stage->steps->len - 1 : to_stage->steps->len;
  new_index = MIN (new_index, max);
  if (from_stage == to_stage && (guint) index_in (from_stage->steps, step) == new_index)
    return;

  record_move (self, JM_OBJECT_STEP, id, from_stage->id, index_in (from_stage->steps, step), NULL,
               to_stage->id, (int) new_index, NULL, _("Move Step"));
}

/* ---- lanes ---- */

void
jm_document_insert_lane (JmDocument *self,
                         int         index,
                         JmLane     *lane)
{
  g_return_if_fail (JM_IS_DOCUMENT (self));
  g_return_if_fail (lane != NULL && lane->id != NULL);
  g_return_if_fail (!jm_document_has_id (self, lane->id));

  record_insert (self, JM_OBJECT_LANE, NULL, index, lane, _("Add Lane"));
}

static JmLane *
lane_fields (const JmLane *lane)
{
  JmLane *copy = jm_lane_new (lane->id, lane->kind, lane->title);

  copy->foreign = jm_foreign_copy (lane->foreign);
  return copy;
}

void
jm_document_update_lane (JmDocument *self,
                         JmLane     *lane,
                         const char *merge_key)
{
  JmLane *current, *after;

  g_return_if_fail (JM_IS_DOCUMENT (self));
  g_return_if_fail (lane != NULL);

  current = jm_document_find_lane (self, lane->id);
  g_return_if_fail (current != NULL);

  after = lane_fields (lane);
  jm_lane_free (lane);
  record_replace (self, JM_OBJECT_LANE, lane_fields (current), after, merge_key, _("Edit Lane"));
}

void
jm_document_remove_lane (JmDocument *self,
                         const char *id)
{
  g_return_if_fail (JM_IS_DOCUMENT (self));
  g_return_if_fail (jm_document_find_lane (self, id) != NULL);

  record_remove (self, JM_OBJECT_LANE, NULL, id, _("Remove Lane"));
}

void
jm_document_move_lane (JmDocument *self,
                       const char *id,
                       guint       new_index)
{
  JmLane *lane;
  int from;

  g_return_if_fail (JM_IS_DOCUMENT (self));

  lane = jm_document_find_lane (self, id);
  g_return_if_fail (lane != NULL);

  from = index_in (self->lanes, lane);
  new_index = MIN (new_index, self->lanes->len - 1);
  if ((guint) from == new_index)
    return;

  record_move (self, JM_OBJECT_LANE, id, NULL, from, NULL, NULL, (int) new_index, NULL,
               _("Move Lane"));
}

/* ---- cards ---- */

void
jm_document_insert_card (JmDocument *self,
                         const char *lane_id,
                         int         index,
                         JmCard     *card)
{
  g_return_if_fail (JM_IS_DOCUMENT (self));
  g_return_if_fail (card != NULL && card->id != NULL);
  g_return_if_fail (!jm_document_has_id (self, card->id));
  g_return_if_fail (jm_document_find_lane (self, lane_id) != NULL);
  g_return_if_fail (jm_document_find_step (self, card->step_id) != NULL);

  record_insert (self, JM_OBJECT_CARD, lane_id, index, card, _("Add Card"));
}

void
jm_document_update_card (JmDocument *self,
                         JmCard     *card,
                         const char *merge_key)
{
  JmCard *current;

  g_return_if_fail (JM_IS_DOCUMENT (self));
  g_return_if_fail (card != NULL);

  current = jm_document_find_card (self, card->id, NULL);
  g_return_if_fail (current != NULL);
  g_return_if_fail (jm_document_find_step (self, card->step_id) != NULL);

  if (card->span < 1)
    card->span = 1;

  record_replace (self, JM_OBJECT_CARD, jm_card_copy (current), card, merge_key, _("Edit Card"));
}

void
jm_document_set_card_text (JmDocument *self,
                           const char *id,
                           const char *text)
{
  JmCard *current, *copy;

  g_return_if_fail (JM_IS_DOCUMENT (self));

  current = jm_document_find_card (self, id, NULL);
  g_return_if_fail (current != NULL);

  if (g_strcmp0 (current->text, text) == 0)
    return;

  copy = jm_card_copy (current);
  jm_set_str (&copy->text, text ? text : "");
  jm_document_update_card (self, copy, "text");
}

void
jm_document_remove_card (JmDocument *self,
                         const char *id)
{
  JmLane *lane;

  g_return_if_fail (JM_IS_DOCUMENT (self));
  g_return_if_fail (jm_document_find_card (self, id, &lane) != NULL);

  record_remove (self, JM_OBJECT_CARD, lane->id, id, _("Remove Card"));
}

void
jm_document_move_card (JmDocument *self,
                       const char *id,
                       const char *lane_id,
                       const char *step_id,
                       int         index)
{
  JmLane *from_lane, *to_lane;
  JmCard *card;
  int from;

  g_return_if_fail (JM_IS_DOCUMENT (self));

  card = jm_document_find_card (self, id, &from_lane);
  to_lane = jm_document_find_lane (self, lane_id);
  g_return_if_fail (card != NULL && to_lane != NULL);
  g_return_if_fail (jm_document_find_step (self, step_id) != NULL);

  from = index_in (from_lane->cards, card);
  if (index < 0 || (guint) index > to_lane->cards->len - (from_lane == to_lane ? 1 : 0))
    index = (int) to_lane->cards->len - (from_lane == to_lane ? 1 : 0);

  if (from_lane == to_lane && from == index && g_strcmp0 (card->step_id, step_id) == 0)
    return;

  record_move (self, JM_OBJECT_CARD, id, from_lane->id, from, card->step_id,
               to_lane->id, index, step_id,
               g_dngettext (GETTEXT_PACKAGE, "Move Card", "Move Cards", 1));
}

/* ---- emotions ---- */

void
jm_document_set_emotion (JmDocument *self,
                         const char *persona_id,
                         const char *step_id,
                         JmMapState  curve,
                         double      score)
{
  const JmEmotion *current;
  JmCommand *command;
  double old_score;

  g_return_if_fail (JM_IS_DOCUMENT (self));
  g_return_if_fail (persona_id != NULL && step_id != NULL);
  g_return_if_fail (isnan (score) || (score >= JM_EMOTION_MIN && score <= JM_EMOTION_MAX));

  current = jm_document_get_emotion (self, persona_id, step_id, curve);
  old_score = current ? current->score : NAN;

  if ((isnan (old_score) && isnan (score)) || old_score == score)
    return;

  command = jm_command_new (JM_COMMAND_EMOTION, JM_OBJECT_EMOTION,
                            isnan (score) ? _("Clear Emotion") : _("Set Emotion"));
  command->persona_id = g_strdup (persona_id);
  command->step_id = g_strdup (step_id);
  command->curve = curve;
  command->old_score = old_score;
  command->new_score = score;
  run (self, command);
}

/* ---- survey mappings ---- */

GPtrArray *
jm_document_get_surveys (JmDocument *self)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (self), NULL);
  return self->header.surveys;
}

JmSurvey *
jm_document_find_survey (JmDocument *self,
                         const char *id)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (self), NULL);

  for (guint i = 0; id != NULL && i < self->header.surveys->len; i++)
    {
      JmSurvey *survey = g_ptr_array_index (self->header.surveys, i);

      if (g_strcmp0 (survey->id, id) == 0)
        return survey;
    }
  return NULL;
}

void
jm_document_build_survey (JmDocument *self,
                          JmSurvey   *survey)
{
  g_return_if_fail (JM_IS_DOCUMENT (self));
  g_return_if_fail (survey != NULL);

  g_ptr_array_add (self->header.surveys, survey);
}

/* Surveys are part of the header: their commands are header commands. */
void
jm_document_set_survey (JmDocument *self,
                        JmSurvey   *survey)
{
  JmHeader after = { 0 };
  gboolean replaced = FALSE;

  g_return_if_fail (JM_IS_DOCUMENT (self));
  g_return_if_fail (survey != NULL && survey->id != NULL);

  header_copy (&after, &self->header);
  for (guint i = 0; i < after.surveys->len && !replaced; i++)
    if (g_strcmp0 (((JmSurvey *) g_ptr_array_index (after.surveys, i))->id, survey->id) == 0)
      {
        jm_survey_free (g_ptr_array_index (after.surveys, i));
        g_ptr_array_index (after.surveys, i) = survey;
        replaced = TRUE;
      }
  if (!replaced)
    g_ptr_array_add (after.surveys, survey);
  change_header (self, &after, _("Save Survey Mapping"), NULL);
}

void
jm_document_remove_survey (JmDocument *self,
                           const char *id)
{
  JmHeader after = { 0 };

  g_return_if_fail (JM_IS_DOCUMENT (self));
  g_return_if_fail (jm_document_find_survey (self, id) != NULL);

  header_copy (&after, &self->header);
  for (guint i = 0; i < after.surveys->len; i++)
    if (g_strcmp0 (((JmSurvey *) g_ptr_array_index (after.surveys, i))->id, id) == 0)
      {
        g_ptr_array_remove_index (after.surveys, i);
        break;
      }
  change_header (self, &after, _("Remove Survey Mapping"), NULL);
}

/* ---- named views (jm-map-view.c) ---- */

GPtrArray *
jm_document_peek_views (JmDocument *self)
{
  return self->header.views;
}

/* Views are part of the header: their commands are header commands. */
void
jm_document_replace_views (JmDocument *self,
                           GPtrArray  *views,
                           const char *label)
{
  JmHeader after = { 0 };

  header_copy (&after, &self->header);
  g_ptr_array_unref (after.views);
  after.views = views;
  change_header (self, &after, label, NULL);
}

/* ---- merge conflicts ---- */

GPtrArray *
jm_document_get_conflicts (JmDocument *self)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (self), NULL);
  return self->conflicts;
}

const JmConflict *
jm_document_find_conflict (JmDocument *self,
                           const char *key)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (self), NULL);

  for (guint i = 0; key != NULL && i < self->conflicts->len; i++)
    {
      const JmConflict *conflict = g_ptr_array_index (self->conflicts, i);

      if (g_strcmp0 (conflict->key, key) == 0)
        return conflict;
    }
  return NULL;
}

void
jm_document_build_conflict (JmDocument *self,
                            JmConflict *conflict)
{
  g_return_if_fail (JM_IS_DOCUMENT (self));
  g_return_if_fail (conflict != NULL && conflict->key != NULL);

  g_ptr_array_add (self->conflicts, conflict);
}

void
jm_document_add_conflict (JmDocument *self,
                          JmConflict *conflict)
{
  g_return_if_fail (JM_IS_DOCUMENT (self));
  g_return_if_fail (conflict != NULL && conflict->key != NULL);

  jm_history_begin_group (self->history, _("Add Conflict"));
  if (jm_document_find_conflict (self, conflict->key) != NULL)
    record_remove (self, JM_OBJECT_CONFLICT, NULL, conflict->key, _("Add Conflict"));
  record_insert (self, JM_OBJECT_CONFLICT, NULL, -1, conflict, _("Add Conflict"));
  jm_history_end_group (self->history);
}

void
jm_document_remove_conflict (JmDocument *self,
                             const char *key)
{
  g_return_if_fail (JM_IS_DOCUMENT (self));
  g_return_if_fail (jm_document_find_conflict (self, key) != NULL);

  record_remove (self, JM_OBJECT_CONFLICT, NULL, key, _("Dismiss Conflict"));
}
