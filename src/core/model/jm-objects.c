/* jm-objects.c — creating, copying and freeing the records of a map. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "jm-objects.h"
#include "jm-model-error.h"

/* ---- foreign XML ---- */

static void
foreign_attr_free (gpointer data)
{
  JmForeignAttr *attr = data;

  g_free (attr->ns_uri);
  g_free (attr->prefix);
  g_free (attr->name);
  g_free (attr->value);
  g_free (attr);
}

void
jm_foreign_add_attr (JmForeign  **foreign,
                     const char  *ns_uri,
                     const char  *prefix,
                     const char  *name,
                     const char  *value)
{
  JmForeignAttr *attr;

  g_return_if_fail (foreign != NULL);

  if (*foreign == NULL)
    *foreign = g_new0 (JmForeign, 1);
  if ((*foreign)->attrs == NULL)
    (*foreign)->attrs = g_ptr_array_new_with_free_func (foreign_attr_free);

  attr = g_new0 (JmForeignAttr, 1);
  attr->ns_uri = g_strdup (ns_uri);
  attr->prefix = g_strdup (prefix);
  attr->name = g_strdup (name);
  attr->value = g_strdup (value);
  g_ptr_array_add ((*foreign)->attrs, attr);
}

void
jm_foreign_add_element (JmForeign  **foreign,
                        const char  *xml)
{
  g_return_if_fail (foreign != NULL);

  if (*foreign == NULL)
    *foreign = g_new0 (JmForeign, 1);
  if ((*foreign)->elements == NULL)
    (*foreign)->elements = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add ((*foreign)->elements, g_strdup (xml));
}

JmForeign *
jm_foreign_copy (const JmForeign *foreign)
{
  JmForeign *copy = NULL;

  if (foreign == NULL)
    return NULL;

  if (foreign->attrs)
    for (guint i = 0; i < foreign->attrs->len; i++)
      {
        const JmForeignAttr *a = g_ptr_array_index (foreign->attrs, i);
        jm_foreign_add_attr (&copy, a->ns_uri, a->prefix, a->name, a->value);
      }
  if (foreign->elements)
    for (guint i = 0; i < foreign->elements->len; i++)
      jm_foreign_add_element (&copy, g_ptr_array_index (foreign->elements, i));

  if (copy == NULL)
    copy = g_new0 (JmForeign, 1);
  return copy;
}

void
jm_foreign_free (JmForeign *foreign)
{
  if (foreign == NULL)
    return;
  g_clear_pointer (&foreign->attrs, g_ptr_array_unref);
  g_clear_pointer (&foreign->elements, g_ptr_array_unref);
  g_free (foreign);
}

static GPtrArray *
copy_metrics (GPtrArray *metrics)
{
  GPtrArray *copy = g_ptr_array_new_full (metrics ? metrics->len : 0,
                                          (GDestroyNotify) jm_metric_free);

  if (metrics)
    for (guint i = 0; i < metrics->len; i++)
      g_ptr_array_add (copy, jm_metric_copy (g_ptr_array_index (metrics, i)));
  return copy;
}

static GBytes *
ref_bytes (GBytes *bytes)
{
  return bytes ? g_bytes_ref (bytes) : NULL;
}

/* ---- metrics ---- */

JmMetric *
jm_metric_new (const char   *id,
               JmMetricKind  kind,
               double        value)
{
  JmMetric *metric = g_new0 (JmMetric, 1);

  metric->id = g_strdup (id);
  metric->kind = kind;
  metric->value = value;
  /* Customer effort: the lower, the better. */
  metric->higher_is_better = kind != JM_METRIC_CES;
  return metric;
}

JmMetric *
jm_metric_copy (const JmMetric *metric)
{
  JmMetric *copy;

  g_return_val_if_fail (metric != NULL, NULL);

  copy = g_memdup2 (metric, sizeof *metric);
  copy->id = g_strdup (metric->id);
  copy->name = g_strdup (metric->name);
  copy->unit = g_strdup (metric->unit);
  copy->date = g_strdup (metric->date);
  copy->foreign = jm_foreign_copy (metric->foreign);
  return copy;
}

void
jm_metric_free (JmMetric *metric)
{
  if (metric == NULL)
    return;
  g_free (metric->id);
  g_free (metric->name);
  g_free (metric->unit);
  g_free (metric->date);
  jm_foreign_free (metric->foreign);
  g_free (metric);
}

static char *
format_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%g", value));
}

gboolean
jm_metric_kind_check_value (JmMetricKind   kind,
                            double         value,
                            GError       **error)
{
  double min, max;

  if (!isfinite (value))
    {
      g_set_error (error, JM_MODEL_ERROR, JM_MODEL_ERROR_OUT_OF_RANGE,
                   _("%s must be a number"), jm_metric_kind_get_label (kind));
      return FALSE;
    }

  if (jm_metric_kind_get_range (kind, &min, &max) && (value < min || value > max))
    {
      g_autofree char *smin = format_number (min);
      g_autofree char *smax = format_number (max);
      g_autofree char *sval = format_number (value);

      /* Translators: e.g. "NPS must lie between -100 and 100, not 140" */
      g_set_error (error, JM_MODEL_ERROR, JM_MODEL_ERROR_OUT_OF_RANGE,
                   _("%s must lie between %s and %s, not %s"),
                   jm_metric_kind_get_label (kind), smin, smax, sval);
      return FALSE;
    }

  return TRUE;
}

gboolean
jm_metric_validate (const JmMetric  *metric,
                    GError         **error)
{
  g_return_val_if_fail (metric != NULL, FALSE);

  if (metric->kind == JM_METRIC_CUSTOM && (metric->name == NULL || *metric->name == '\0'))
    {
      g_set_error_literal (error, JM_MODEL_ERROR, JM_MODEL_ERROR_MISSING,
                           _("A custom metric needs a name"));
      return FALSE;
    }

  if (!jm_metric_kind_check_value (metric->kind, metric->value, error))
    return FALSE;

  if (metric->has_target && !jm_metric_kind_check_value (metric->kind, metric->target, error))
    {
      g_prefix_error (error, _("Target: "));
      return FALSE;
    }

  if (metric->date != NULL && !jm_date_is_valid (metric->date))
    {
      g_set_error (error, JM_MODEL_ERROR, JM_MODEL_ERROR_OUT_OF_RANGE,
                   _("“%s” is not a date: write it as YYYY-MM-DD"), metric->date);
      return FALSE;
    }

  return TRUE;
}

gboolean
jm_date_is_valid (const char *str)
{
  guint y, m, d;

  if (str == NULL || strlen (str) != 10 || str[4] != '-' || str[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (str[i]))
      return FALSE;
  y = (guint) atoi (str);
  m = (guint) atoi (str + 5);
  d = (guint) atoi (str + 8);
  return g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

JmMetricStatus
jm_metric_get_status (const JmMetric *metric,
                      double          tolerance_percent)
{
  double band, min, max, gap;

  g_return_val_if_fail (metric != NULL, JM_METRIC_STATUS_NONE);

  if (!metric->has_target)
    return JM_METRIC_STATUS_NONE;

  gap = metric->higher_is_better ? metric->target - metric->value : metric->value - metric->target;
  if (gap <= 0)
    return JM_METRIC_STATUS_MET;

  /* The band is a share of the target; a target of 0 (an NPS of 0, say)
   * has no size of its own, so the band is then a share of the range. */
  if (metric->target != 0)
    band = fabs (metric->target) * tolerance_percent / 100;
  else if (jm_metric_kind_get_range (metric->kind, &min, &max))
    band = (max - min) * tolerance_percent / 100;
  else
    band = tolerance_percent / 100;

  /* Numbers typed as decimals are not exact in binary: 76.5 against a
   * target of 85 is exactly 10 % away and must count as within it. */
  return gap <= band * (1 + 1e-9) ? JM_METRIC_STATUS_NEAR : JM_METRIC_STATUS_MISSED;
}

/* ---- steps and stages ---- */

JmStep *
jm_step_new (const char *id,
             const char *name)
{
  JmStep *step = g_new0 (JmStep, 1);

  step->id = g_strdup (id);
  step->name = g_strdup (name ? name : "");
  return step;
}

JmStep *
jm_step_copy (const JmStep *step)
{
  JmStep *copy;

  g_return_val_if_fail (step != NULL, NULL);

  copy = jm_step_new (step->id, step->name);
  copy->foreign = jm_foreign_copy (step->foreign);
  return copy;
}

void
jm_step_free (JmStep *step)
{
  if (step == NULL)
    return;
  g_free (step->id);
  g_free (step->name);
  jm_foreign_free (step->foreign);
  g_free (step);
}

JmStage *
jm_stage_new (const char *id,
              const char *name)
{
  JmStage *stage = g_new0 (JmStage, 1);

  stage->id = g_strdup (id);
  stage->name = g_strdup (name ? name : "");
  stage->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_step_free);
  stage->metrics = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_metric_free);
  return stage;
}

JmStage *
jm_stage_copy (const JmStage *stage)
{
  JmStage *copy;

  g_return_val_if_fail (stage != NULL, NULL);

  copy = jm_stage_new (stage->id, stage->name);
  copy->color = g_strdup (stage->color);
  copy->notes = g_strdup (stage->notes);
  for (guint i = 0; i < stage->steps->len; i++)
    g_ptr_array_add (copy->steps, jm_step_copy (g_ptr_array_index (stage->steps, i)));
  g_ptr_array_unref (copy->metrics);
  copy->metrics = copy_metrics (stage->metrics);
  copy->foreign = jm_foreign_copy (stage->foreign);
  return copy;
}

void
jm_stage_free (JmStage *stage)
{
  if (stage == NULL)
    return;
  g_free (stage->id);
  g_free (stage->name);
  g_free (stage->color);
  g_free (stage->notes);
  g_clear_pointer (&stage->steps, g_ptr_array_unref);
  g_clear_pointer (&stage->metrics, g_ptr_array_unref);
  jm_foreign_free (stage->foreign);
  g_free (stage);
}

/* ---- cards and lanes ---- */

JmCard *
jm_card_new (const char *id,
             const char *step_id,
             const char *text)
{
  JmCard *card = g_new0 (JmCard, 1);

  card->id = g_strdup (id);
  card->step_id = g_strdup (step_id);
  card->span = 1;
  card->text = g_strdup (text ? text : "");
  card->metrics = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_metric_free);
  return card;
}

JmCard *
jm_card_copy (const JmCard *card)
{
  JmCard *copy;

  g_return_val_if_fail (card != NULL, NULL);

  copy = g_memdup2 (card, sizeof *card);
  copy->id = g_strdup (card->id);
  copy->step_id = g_strdup (card->step_id);
  copy->text = g_strdup (card->text);
  copy->owner = g_strdup (card->owner);
  copy->personas = g_strdupv (card->personas);
  copy->image = ref_bytes (card->image);
  copy->image_type = g_strdup (card->image_type);
  copy->metrics = copy_metrics (card->metrics);
  copy->foreign = jm_foreign_copy (card->foreign);
  return copy;
}

/* Replaces *dest with a copy of value; value may point into *dest. */
void
jm_set_str (char       **dest,
            const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*dest);
  *dest = copy;
}

void
jm_card_free (JmCard *card)
{
  if (card == NULL)
    return;
  g_free (card->id);
  g_free (card->step_id);
  g_free (card->text);
  g_free (card->owner);
  g_strfreev (card->personas);
  g_clear_pointer (&card->image, g_bytes_unref);
  g_free (card->image_type);
  g_clear_pointer (&card->metrics, g_ptr_array_unref);
  jm_foreign_free (card->foreign);
  g_free (card);
}

gboolean
jm_card_applies_to (const JmCard *card,
                    const char   *persona_id)
{
  g_return_val_if_fail (card != NULL, FALSE);

  if (persona_id == NULL || card->personas == NULL || card->personas[0] == NULL)
    return TRUE;
  return g_strv_contains ((const char * const *) card->personas, persona_id);
}

JmLane *
jm_lane_new (const char *id,
             JmLaneKind  kind,
             const char *title)
{
  JmLane *lane = g_new0 (JmLane, 1);

  lane->id = g_strdup (id);
  lane->kind = kind;
  lane->title = g_strdup (title ? title : "");
  lane->cards = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_card_free);
  return lane;
}

JmLane *
jm_lane_copy (const JmLane *lane)
{
  JmLane *copy;

  g_return_val_if_fail (lane != NULL, NULL);

  copy = jm_lane_new (lane->id, lane->kind, lane->title);
  for (guint i = 0; i < lane->cards->len; i++)
    g_ptr_array_add (copy->cards, jm_card_copy (g_ptr_array_index (lane->cards, i)));
  copy->foreign = jm_foreign_copy (lane->foreign);
  return copy;
}

void
jm_lane_free (JmLane *lane)
{
  if (lane == NULL)
    return;
  g_free (lane->id);
  g_free (lane->title);
  g_clear_pointer (&lane->cards, g_ptr_array_unref);
  jm_foreign_free (lane->foreign);
  g_free (lane);
}

/* ---- personas ---- */

static char **
empty_strv (void)
{
  return g_new0 (char *, 1);
}

JmPersona *
jm_persona_new (const char *id,
                const char *name)
{
  JmPersona *persona = g_new0 (JmPersona, 1);

  persona->id = g_strdup (id);
  persona->name = g_strdup (name ? name : "");
  persona->goals = empty_strv ();
  persona->needs = empty_strv ();
  persona->frustrations = empty_strv ();
  persona->interests = empty_strv ();
  persona->channels = g_array_new (FALSE, FALSE, sizeof (JmChannel));
  return persona;
}

JmPersona *
jm_persona_copy (const JmPersona *persona)
{
  JmPersona *copy;

  g_return_val_if_fail (persona != NULL, NULL);

  copy = g_memdup2 (persona, sizeof *persona);
  copy->id = g_strdup (persona->id);
  copy->name = g_strdup (persona->name);
  copy->occupation = g_strdup (persona->occupation);
  copy->bio = g_strdup (persona->bio);
  copy->quote = g_strdup (persona->quote);
  copy->color = g_strdup (persona->color);
  copy->photo = ref_bytes (persona->photo);
  copy->photo_type = g_strdup (persona->photo_type);
  copy->goals = persona->goals ? g_strdupv (persona->goals) : empty_strv ();
  copy->needs = persona->needs ? g_strdupv (persona->needs) : empty_strv ();
  copy->frustrations = persona->frustrations ? g_strdupv (persona->frustrations) : empty_strv ();
  copy->interests = persona->interests ? g_strdupv (persona->interests) : empty_strv ();
  copy->channels = g_array_new (FALSE, FALSE, sizeof (JmChannel));
  if (persona->channels)
    g_array_append_vals (copy->channels, persona->channels->data, persona->channels->len);
  copy->foreign = jm_foreign_copy (persona->foreign);
  return copy;
}

void
jm_persona_free (JmPersona *persona)
{
  if (persona == NULL)
    return;
  g_free (persona->id);
  g_free (persona->name);
  g_free (persona->occupation);
  g_free (persona->bio);
  g_free (persona->quote);
  g_free (persona->color);
  g_clear_pointer (&persona->photo, g_bytes_unref);
  g_free (persona->photo_type);
  g_strfreev (persona->goals);
  g_strfreev (persona->needs);
  g_strfreev (persona->frustrations);
  g_strfreev (persona->interests);
  g_clear_pointer (&persona->channels, g_array_unref);
  jm_foreign_free (persona->foreign);
  g_free (persona);
}

/* ---- emotions ---- */

JmEmotion *
jm_emotion_new (const char *persona_id,
                const char *step_id,
                JmMapState  curve,
                double      score)
{
  JmEmotion *emotion = g_new0 (JmEmotion, 1);

  emotion->persona_id = g_strdup (persona_id);
  emotion->step_id = g_strdup (step_id);
  emotion->curve = curve;
  emotion->score = score;
  return emotion;
}

JmEmotion *
jm_emotion_copy (const JmEmotion *emotion)
{
  g_return_val_if_fail (emotion != NULL, NULL);
  return jm_emotion_new (emotion->persona_id, emotion->step_id, emotion->curve, emotion->score);
}

void
jm_emotion_free (JmEmotion *emotion)
{
  if (emotion == NULL)
    return;
  g_free (emotion->persona_id);
  g_free (emotion->step_id);
  g_free (emotion);
}

/* ---- surveys ---- */

JmSurveyField *
jm_survey_field_new (const char *header)
{
  JmSurveyField *field = g_new0 (JmSurveyField, 1);

  field->header = g_strdup (header ? header : "");
  field->kind = JM_METRIC_CUSTOM;
  return field;
}

JmSurveyField *
jm_survey_field_copy (const JmSurveyField *field)
{
  JmSurveyField *copy;

  g_return_val_if_fail (field != NULL, NULL);

  copy = g_memdup2 (field, sizeof *field);
  copy->header = g_strdup (field->header);
  copy->target_id = g_strdup (field->target_id);
  copy->step_id = g_strdup (field->step_id);
  copy->name = g_strdup (field->name);
  copy->foreign = jm_foreign_copy (field->foreign);
  return copy;
}

void
jm_survey_field_free (JmSurveyField *field)
{
  if (field == NULL)
    return;
  g_free (field->header);
  g_free (field->target_id);
  g_free (field->step_id);
  g_free (field->name);
  jm_foreign_free (field->foreign);
  g_free (field);
}

JmSurvey *
jm_survey_new (const char *id,
               const char *name)
{
  JmSurvey *survey = g_new0 (JmSurvey, 1);

  survey->id = g_strdup (id);
  survey->name = g_strdup (name);
  survey->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_survey_field_free);
  return survey;
}

JmSurvey *
jm_survey_copy (const JmSurvey *survey)
{
  JmSurvey *copy;

  g_return_val_if_fail (survey != NULL, NULL);

  copy = jm_survey_new (survey->id, survey->name);
  copy->layout = g_strdup (survey->layout);
  for (guint i = 0; i < survey->fields->len; i++)
    g_ptr_array_add (copy->fields, jm_survey_field_copy (g_ptr_array_index (survey->fields, i)));
  copy->foreign = jm_foreign_copy (survey->foreign);
  return copy;
}

void
jm_survey_free (JmSurvey *survey)
{
  if (survey == NULL)
    return;
  g_free (survey->id);
  g_free (survey->name);
  g_free (survey->layout);
  g_clear_pointer (&survey->fields, g_ptr_array_unref);
  jm_foreign_free (survey->foreign);
  g_free (survey);
}

JmSurveyField *
jm_survey_find_field (const JmSurvey *survey,
                      const char     *header)
{
  g_return_val_if_fail (survey != NULL, NULL);

  for (guint i = 0; header != NULL && i < survey->fields->len; i++)
    {
      JmSurveyField *field = g_ptr_array_index (survey->fields, i);

      if (g_strcmp0 (field->header, header) == 0)
        return field;
    }
  return NULL;
}
