/* jm-conflict.c — merge conflicts as records, and resolving one with the
 * document's own commands, so that undo brings the conflict back. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "jm-conflict.h"

JmConflict *
jm_conflict_new (JmKind      kind,
                 const char *ref,
                 const char *field)
{
  JmConflict *conflict = g_new0 (JmConflict, 1);

  conflict->kind = kind;
  conflict->ref = g_strdup (ref);
  conflict->field = g_strdup (field);
  jm_conflict_update_key (conflict);
  return conflict;
}

JmConflict *
jm_conflict_copy (const JmConflict *conflict)
{
  JmConflict *copy;

  g_return_val_if_fail (conflict != NULL, NULL);

  copy = g_new0 (JmConflict, 1);
  copy->key = g_strdup (conflict->key);
  copy->kind = conflict->kind;
  copy->ref = g_strdup (conflict->ref);
  copy->step = g_strdup (conflict->step);
  copy->curve = conflict->curve;
  copy->field = g_strdup (conflict->field);
  copy->deleted_by = conflict->deleted_by;
  copy->base = g_strdup (conflict->base);
  copy->ours = g_strdup (conflict->ours);
  copy->theirs = g_strdup (conflict->theirs);
  return copy;
}

void
jm_conflict_free (JmConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->key);
  g_free (conflict->ref);
  g_free (conflict->step);
  g_free (conflict->field);
  g_free (conflict->base);
  g_free (conflict->ours);
  g_free (conflict->theirs);
  g_free (conflict);
}

void
jm_conflict_update_key (JmConflict *conflict)
{
  g_return_if_fail (conflict != NULL);

  g_free (conflict->key);
  if (conflict->kind == JM_KIND_EMOTION)
    conflict->key = g_strdup_printf ("emotion/%s/%s/%s/%s", conflict->ref ? conflict->ref : "",
                                     conflict->step ? conflict->step : "",
                                     jm_map_state_to_string (conflict->curve),
                                     conflict->field ? conflict->field : "");
  else
    conflict->key = g_strdup_printf ("%s/%s/%s", jm_kind_to_string (conflict->kind),
                                     conflict->ref ? conflict->ref : "",
                                     conflict->field ? conflict->field : "");
}

gboolean
jm_conflict_has_object (const JmConflict *conflict,
                        JmDocument       *document)
{
  g_return_val_if_fail (conflict != NULL, FALSE);
  g_return_val_if_fail (JM_IS_DOCUMENT (document), FALSE);

  switch (conflict->kind)
    {
    case JM_KIND_MAP:
      return TRUE;
    case JM_KIND_PERSONA:
      return jm_document_find_persona (document, conflict->ref) != NULL;
    case JM_KIND_STAGE:
      return jm_document_find_stage (document, conflict->ref) != NULL;
    case JM_KIND_STEP:
      return jm_document_find_step (document, conflict->ref) != NULL;
    case JM_KIND_LANE:
      return jm_document_find_lane (document, conflict->ref) != NULL;
    case JM_KIND_CARD:
      return jm_document_find_card (document, conflict->ref, NULL) != NULL;
    case JM_KIND_METRIC:
      return jm_document_find_metric (document, conflict->ref, NULL) != NULL;
    case JM_KIND_EMOTION:
      return jm_document_find_persona (document, conflict->ref) != NULL
             && jm_document_find_step (document, conflict->step) != NULL;
    case JM_N_KINDS:
    default:
      return FALSE;
    }
}

/* The label of a field or pseudo-field, translated. */
static const char *
field_label (JmKind      kind,
             const char *name)
{
  const JmField *field = jm_kind_find_field (kind, name);

  if (field != NULL)
    return _(field->label);
  if (g_strcmp0 (name, JM_CONFLICT_FIELD_STAGE) == 0)
    return _("stage");
  if (g_strcmp0 (name, JM_CONFLICT_FIELD_LANE) == 0)
    return _("lane");
  if (g_strcmp0 (name, JM_CONFLICT_FIELD_HOLDER) == 0)
    return _("card or stage");
  if (g_strcmp0 (name, JM_CONFLICT_FIELD_POSITION) == 0)
    return _("position");
  return name;
}

static char *
value_display (const JmConflict *conflict,
               const char       *value)
{
  const JmField *field = jm_kind_find_field (conflict->kind, conflict->field);

  if (field != NULL)
    return jm_field_display (field, value);
  if (value == NULL)
    return g_strdup (_("none"));
  if (g_strcmp0 (conflict->field, JM_CONFLICT_FIELD_POSITION) == 0)
    {
      if (*value == '\0')
        return g_strdup (_("first"));
      /* Translators: a position among siblings: after the object with this id */
      return g_strdup_printf (_("after %s"), value);
    }
  return g_strdup (value);
}

char *
jm_conflict_describe (const JmConflict *conflict,
                      JmDocument       *document)
{
  g_autofree char *object = NULL;

  g_return_val_if_fail (conflict != NULL, NULL);

  object = jm_kind_describe_object (conflict->kind, document, conflict->ref, conflict->step,
                                    conflict->curve);
  if (conflict->field == NULL)
    {
      if (conflict->deleted_by == JM_CONFLICT_SIDE_THEIRS)
        /* Translators: %s is an object, e.g. Card “Pays” (c3) */
        return g_strdup_printf (_("%s: deleted by theirs, changed by ours; kept"), object);
      return g_strdup_printf (_("%s: deleted by ours, changed by theirs; kept"), object);
    }

  {
    g_autofree char *base = value_display (conflict, conflict->base);
    g_autofree char *ours = value_display (conflict, conflict->ours);
    g_autofree char *theirs = value_display (conflict, conflict->theirs);

    /* Translators: object, field, then the value of each side, e.g.
     * Card “Pays” (c3), text: ours “A”, theirs “B” (was “C”) */
    return g_strdup_printf (_("%s, %s: ours %s, theirs %s (was %s)"), object,
                            field_label (conflict->kind, conflict->field), ours, theirs, base);
  }
}

/* ---- resolving ---- */

static gboolean
invalid_value (GError           **error,
               const JmConflict  *conflict,
               const char        *value)
{
  g_set_error (error, JM_MODEL_ERROR, JM_MODEL_ERROR_OUT_OF_RANGE,
               /* Translators: a value, then the name of a field, e.g. “abc” is not a valid span */
               _("\u201c%s\u201d is not a valid %s"), value ? value : "",
               field_label (conflict->kind, conflict->field));
  return FALSE;
}

/* The index an object takes when it goes after the sibling with id
 * `after` ("" or NULL: first) in children, itself left out. */
static int
index_after (GPtrArray  *children,
             const char *self_id,
             const char *after)
{
  int index = 0;

  if (after == NULL || *after == '\0')
    return 0;
  for (guint i = 0; i < children->len; i++)
    {
      const char *id = *(char **) g_ptr_array_index (children, i);

      if (g_strcmp0 (id, self_id) == 0)
        continue;
      index++;
      if (g_strcmp0 (id, after) == 0)
        return index;
    }
  return -1;
}

static gboolean
set_map_field (JmDocument       *document,
               const JmConflict *conflict,
               const JmField    *field,
               const char       *value,
               GError          **error)
{
  JmMapHeader header;
  gboolean ok;

  jm_map_header_init (&header, document);
  ok = field->set (&header, value);
  if (ok)
    {
      jm_document_set_title (document, header.title);
      jm_document_set_scenario (document, header.scenario);
      jm_document_set_notes (document, header.notes);
      jm_document_set_state (document, header.state);
      jm_document_set_metric_tolerance (document, header.metric_tolerance);
      jm_document_set_language (document, header.language);
      jm_document_set_persona_details (document, header.persona_details);
    }
  jm_map_header_clear (&header);
  return ok ? TRUE : invalid_value (error, conflict, value);
}

/* Metrics change through the card or stage that holds them. */
static gboolean
set_metric (JmDocument       *document,
            const JmConflict *conflict,
            const JmField    *field,
            const char       *value,
            GError          **error)
{
  const char *holder_id = NULL;
  JmMetric *metric = jm_document_find_metric (document, conflict->ref, &holder_id);
  JmCard *card = jm_document_find_card (document, holder_id, NULL);
  JmStage *stage = jm_document_find_stage (document, holder_id);
  GPtrArray *metrics = card ? card->metrics : stage ? stage->metrics : NULL;
  g_autoptr(JmCard) card_copy = NULL;
  g_autoptr(JmStage) stage_copy = NULL;
  g_autoptr(JmMetric) moved = NULL;
  GPtrArray *copy_metrics;
  guint index;

  g_assert (metric != NULL && metrics != NULL);
  g_ptr_array_find (metrics, metric, &index);
  if (card != NULL)
    copy_metrics = (card_copy = jm_card_copy (card))->metrics;
  else
    copy_metrics = (stage_copy = jm_stage_copy (stage))->metrics;

  if (field != NULL)
    {
      JmMetric *target = g_ptr_array_index (copy_metrics, index);

      if (!field->set (target, value) || !jm_metric_validate (target, NULL))
        return invalid_value (error, conflict, value);
    }
  else if (g_strcmp0 (conflict->field, JM_CONFLICT_FIELD_POSITION) == 0)
    {
      int to = index_after (metrics, metric->id, value);

      if (to < 0)
        return invalid_value (error, conflict, value);
      moved = g_ptr_array_steal_index (copy_metrics, index);
      g_ptr_array_insert (copy_metrics, to, g_steal_pointer (&moved));
    }
  else
    {
      /* To another card or stage: out of the one that holds it first, as
       * the index knows a metric by its id. */
      JmCard *to_card = jm_document_find_card (document, value, NULL);
      JmStage *to_stage = jm_document_find_stage (document, value);
      g_autoptr(JmMetric) taken = NULL;

      if (g_strcmp0 (value, holder_id) == 0)
        return TRUE;   /* where it is already */
      if (to_card == NULL && to_stage == NULL)
        return invalid_value (error, conflict, value);
      taken = jm_metric_copy (metric);
      g_ptr_array_remove_index (copy_metrics, index);
      if (card_copy != NULL)
        jm_document_update_card (document, g_steal_pointer (&card_copy), NULL);
      else
        jm_document_update_stage (document, g_steal_pointer (&stage_copy), NULL);

      if (to_card != NULL)
        {
          JmCard *to = jm_card_copy (to_card);

          g_ptr_array_add (to->metrics, g_steal_pointer (&taken));
          jm_document_update_card (document, to, NULL);
        }
      else
        {
          JmStage *to = jm_stage_copy (to_stage);

          g_ptr_array_add (to->metrics, g_steal_pointer (&taken));
          jm_document_update_stage (document, to, NULL);
        }
      return TRUE;
    }

  if (card_copy != NULL)
    jm_document_update_card (document, g_steal_pointer (&card_copy), NULL);
  else
    jm_document_update_stage (document, g_steal_pointer (&stage_copy), NULL);
  return TRUE;
}

/* After steps moved: a wide card that would run past the last step ends
 * at it (the file allows nothing else). */
static void
fit_card_spans (JmDocument *document)
{
  GPtrArray *lanes = jm_document_get_lanes (document);
  guint n_steps = jm_document_get_n_steps (document);

  for (guint l = 0; l < lanes->len; l++)
    {
      JmLane *lane = g_ptr_array_index (lanes, l);

      for (guint c = 0; c < lane->cards->len; c++)
        {
          JmCard *card = g_ptr_array_index (lane->cards, c);
          int column = jm_document_get_step_column (document, card->step_id);

          if (column >= 0 && (guint) column + card->span > n_steps)
            {
              JmCard *copy = jm_card_copy (card);

              copy->span = n_steps - (guint) column;
              jm_document_update_card (document, copy, NULL);
            }
        }
    }
}

/* Moves an object after the sibling `value`, among children. */
static gboolean
set_position (JmDocument       *document,
              const JmConflict *conflict,
              const char       *value,
              GError          **error)
{
  int to;

  switch (conflict->kind)
    {
    case JM_KIND_STAGE:
      to = index_after (jm_document_get_stages (document), conflict->ref, value);
      if (to < 0)
        return invalid_value (error, conflict, value);
      jm_document_move_stage (document, conflict->ref, (guint) to);
      fit_card_spans (document);
      return TRUE;

    case JM_KIND_LANE:
      to = index_after (jm_document_get_lanes (document), conflict->ref, value);
      if (to < 0)
        return invalid_value (error, conflict, value);
      jm_document_move_lane (document, conflict->ref, (guint) to);
      return TRUE;

    case JM_KIND_PERSONA:
      to = index_after (jm_document_get_personas (document), conflict->ref, value);
      if (to < 0)
        return invalid_value (error, conflict, value);
      jm_document_move_persona (document, conflict->ref, (guint) to);
      return TRUE;

    case JM_KIND_STEP:
      {
        JmStage *stage = jm_document_get_step_stage (document, conflict->ref);

        to = index_after (stage->steps, conflict->ref, value);
        if (to < 0)
          return invalid_value (error, conflict, value);
        jm_document_move_step (document, conflict->ref, stage->id, (guint) to);
        fit_card_spans (document);
        return TRUE;
      }

    case JM_KIND_CARD:
      {
        JmLane *lane;
        JmCard *card = jm_document_find_card (document, conflict->ref, &lane);

        to = index_after (lane->cards, conflict->ref, value);
        if (to < 0)
          return invalid_value (error, conflict, value);
        jm_document_move_card (document, card->id, lane->id, card->step_id, to);
        return TRUE;
      }

    case JM_KIND_MAP:
    case JM_KIND_METRIC:
    case JM_KIND_EMOTION:
    case JM_N_KINDS:
    default:
      return invalid_value (error, conflict, value);
    }
}

static gboolean
set_field (JmDocument       *document,
           const JmConflict *conflict,
           const char       *value,
           GError          **error)
{
  const JmField *field = jm_kind_find_field (conflict->kind, conflict->field);

  if (field == NULL && conflict->kind != JM_KIND_METRIC)
    {
      if (g_strcmp0 (conflict->field, JM_CONFLICT_FIELD_POSITION) == 0)
        return set_position (document, conflict, value, error);

      if (conflict->kind == JM_KIND_STEP && g_strcmp0 (conflict->field, JM_CONFLICT_FIELD_STAGE) == 0)
        {
          JmStage *stage = jm_document_find_stage (document, value);
          JmStage *from = jm_document_get_step_stage (document, conflict->ref);

          if (stage == from)
            return TRUE;   /* where it is already */
          /* A stage keeps at least one step. */
          if (stage == NULL || from->steps->len <= 1)
            return invalid_value (error, conflict, value);
          jm_document_move_step (document, conflict->ref, stage->id, stage->steps->len);
          fit_card_spans (document);
          return TRUE;
        }

      if (conflict->kind == JM_KIND_CARD && g_strcmp0 (conflict->field, JM_CONFLICT_FIELD_LANE) == 0)
        {
          JmLane *lane = NULL;
          JmCard *card = jm_document_find_card (document, conflict->ref, &lane);

          if (g_strcmp0 (lane->id, value) == 0)
            return TRUE;   /* where it is already */
          if (jm_document_find_lane (document, value) == NULL)
            return invalid_value (error, conflict, value);
          jm_document_move_card (document, card->id, value, card->step_id, -1);
          return TRUE;
        }

      return invalid_value (error, conflict, value);
    }

  switch (conflict->kind)
    {
    case JM_KIND_MAP:
      return set_map_field (document, conflict, field, value, error);

    case JM_KIND_PERSONA:
      {
        g_autoptr(JmPersona) copy = jm_persona_copy (jm_document_find_persona (document, conflict->ref));

        if (!field->set (copy, value))
          return invalid_value (error, conflict, value);
        jm_document_update_persona (document, g_steal_pointer (&copy), NULL);
        return TRUE;
      }

    case JM_KIND_STAGE:
      {
        g_autoptr(JmStage) copy = jm_stage_copy (jm_document_find_stage (document, conflict->ref));

        if (!field->set (copy, value))
          return invalid_value (error, conflict, value);
        jm_document_update_stage (document, g_steal_pointer (&copy), NULL);
        return TRUE;
      }

    case JM_KIND_STEP:
      {
        g_autoptr(JmStep) copy = jm_step_copy (jm_document_find_step (document, conflict->ref));

        if (!field->set (copy, value))
          return invalid_value (error, conflict, value);
        jm_document_rename_step (document, copy->id, copy->name);
        return TRUE;
      }

    case JM_KIND_LANE:
      {
        g_autoptr(JmLane) copy = jm_lane_copy (jm_document_find_lane (document, conflict->ref));

        if (!field->set (copy, value))
          return invalid_value (error, conflict, value);
        jm_document_update_lane (document, g_steal_pointer (&copy), NULL);
        return TRUE;
      }

    case JM_KIND_CARD:
      {
        g_autoptr(JmCard) copy = jm_card_copy (jm_document_find_card (document, conflict->ref, NULL));
        int column;

        if (!field->set (copy, value))
          return invalid_value (error, conflict, value);
        /* The card must start at a step of the map and end before its last. */
        column = jm_document_get_step_column (document, copy->step_id);
        if (column < 0 || column + copy->span > jm_document_get_n_steps (document))
          return invalid_value (error, conflict, value);
        jm_document_update_card (document, g_steal_pointer (&copy), NULL);
        return TRUE;
      }

    case JM_KIND_METRIC:
      return set_metric (document, conflict, field, value, error);

    case JM_KIND_EMOTION:
      {
        JmEmotion emotion = { NULL, NULL, conflict->curve, 0 };

        if (value == NULL)
          {
            jm_document_set_emotion (document, conflict->ref, conflict->step, conflict->curve, NAN);
            return TRUE;
          }
        if (!field->set (&emotion, value))
          return invalid_value (error, conflict, value);
        jm_document_set_emotion (document, conflict->ref, conflict->step, conflict->curve, emotion.score);
        return TRUE;
      }

    case JM_N_KINDS:
    default:
      return invalid_value (error, conflict, value);
    }
}

static void
delete_object (JmDocument       *document,
               const JmConflict *conflict)
{
  switch (conflict->kind)
    {
    case JM_KIND_PERSONA:
      jm_document_remove_persona (document, conflict->ref);
      break;
    case JM_KIND_STAGE:
      jm_document_remove_stage (document, conflict->ref);
      break;
    case JM_KIND_STEP:
      jm_document_remove_step (document, conflict->ref);
      break;
    case JM_KIND_LANE:
      jm_document_remove_lane (document, conflict->ref);
      break;
    case JM_KIND_CARD:
      jm_document_remove_card (document, conflict->ref);
      break;
    case JM_KIND_METRIC:
      {
        const char *holder_id = NULL;
        JmMetric *metric = jm_document_find_metric (document, conflict->ref, &holder_id);
        JmCard *card = jm_document_find_card (document, holder_id, NULL);
        JmStage *stage = jm_document_find_stage (document, holder_id);

        if (card != NULL)
          {
            JmCard *copy = jm_card_copy (card);
            guint i;

            g_ptr_array_find (card->metrics, metric, &i);
            g_ptr_array_remove_index (copy->metrics, i);
            jm_document_update_card (document, copy, NULL);
          }
        else if (stage != NULL)
          {
            JmStage *copy = jm_stage_copy (stage);
            guint i;

            g_ptr_array_find (stage->metrics, metric, &i);
            g_ptr_array_remove_index (copy->metrics, i);
            jm_document_update_stage (document, copy, NULL);
          }
        break;
      }
    case JM_KIND_EMOTION:
      jm_document_set_emotion (document, conflict->ref, conflict->step, conflict->curve, NAN);
      break;
    case JM_KIND_MAP:
    case JM_N_KINDS:
    default:
      break;
    }
}

gboolean
jm_document_resolve_conflict (JmDocument        *document,
                              const char        *key,
                              JmConflictChoice   choice,
                              const char        *value,
                              GError           **error)
{
  JmHistory *history;
  g_autoptr(JmConflict) conflict = NULL;
  const JmConflict *found;
  gboolean ok = TRUE;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  found = jm_document_find_conflict (document, key);
  if (found == NULL)
    {
      g_set_error (error, JM_MODEL_ERROR, JM_MODEL_ERROR_NOT_FOUND,
                   _("The map has no such conflict any more"));
      return FALSE;
    }
  conflict = jm_conflict_copy (found);

  if (conflict->field == NULL && choice == JM_CONFLICT_CHOOSE_VALUE)
    {
      g_set_error (error, JM_MODEL_ERROR, JM_MODEL_ERROR_OUT_OF_RANGE,
                   _("An object deleted on one side is kept or deleted: it has no value to choose"));
      return FALSE;
    }

  history = jm_document_get_history (document);
  jm_history_begin_group (history, _("Resolve Conflict"));

  if (!jm_conflict_has_object (conflict, document))
    {
      /* Deleted since the merge: nothing is left to choose between. */
    }
  else if (conflict->field == NULL)
    {
      JmConflictSide side = choice == JM_CONFLICT_CHOOSE_OURS ? JM_CONFLICT_SIDE_OURS
                                                              : JM_CONFLICT_SIDE_THEIRS;

      if (side == conflict->deleted_by)
        delete_object (document, conflict);
    }
  else
    {
      const char *chosen = choice == JM_CONFLICT_CHOOSE_OURS ? conflict->ours
                           : choice == JM_CONFLICT_CHOOSE_THEIRS ? conflict->theirs
                           : value;

      ok = set_field (document, conflict, chosen, error);
    }

  if (ok)
    {
      GPtrArray *conflicts = jm_document_get_conflicts (document);

      jm_document_remove_conflict (document, key);
      /* Conflicts about what went with a deleted object go too. */
      for (guint i = conflicts->len; i > 0; i--)
        {
          const JmConflict *other = g_ptr_array_index (conflicts, i - 1);

          if (!jm_conflict_has_object (other, document))
            jm_document_remove_conflict (document, other->key);
        }
    }
  jm_history_end_group (history);

  /* A refused value changed nothing; the empty group leaves no step. */
  return ok;
}
