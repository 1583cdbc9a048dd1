/* jm-describe.c — see jm-describe.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "jm-describe.h"
#include "jm-number.h"

char *
jm_describe_score (double score)
{
  const char *words;
  g_autofree char *number = NULL;

  if (score <= -1.5)
    words = _("very unhappy");
  else if (score <= -0.5)
    words = _("unhappy");
  else if (score < 0.5)
    words = _("neutral");
  else if (score < 1.5)
    words = _("happy");
  else
    words = _("delighted");
  /* Whole points as "+1", halves as "+1.5", in the locale's way. */
  if (score == 0)
    number = g_strdup ("0");
  else
    number = fmod (score, 1) == 0 ? g_strdup_printf ("%+.0f", score) : g_strdup_printf ("%+.1f", score);
  if (score < 0)
    {
      /* A real minus sign reads better than a hyphen. */
      g_autofree char *digits = g_strdup (number + 1);
      g_free (number);
      number = g_strconcat ("−", digits, NULL);
    }
  /* Translators: an emotion score and its meaning, e.g. "−2 (very unhappy)". */
  return g_strdup_printf (_("%s (%s)"), number, words);
}

static const char *
text_or_empty (const char *text)
{
  return text != NULL && *text != '\0' ? text : _("(empty)");
}

/* "stage S, step T" for the column of step_id. */
static void
append_place (GString    *out,
              JmDocument *document,
              const char *step_id,
              guint       span)
{
  JmStep *step = jm_document_find_step (document, step_id);
  JmStage *stage = step ? jm_document_get_step_stage (document, step_id) : NULL;

  if (stage == NULL)
    return;
  if (out->len > 0)
    g_string_append (out, ", ");
  /* Translators: where an object is: "stage Purchase, step Pays". */
  g_string_append_printf (out, _("stage %s, step %s"), stage->name, step->name);
  if (span > 1)
    {
      int column = jm_document_get_step_column (document, step_id) + (int) span - 1;
      JmStep *last = jm_document_get_step (document, (guint) column);

      /* Translators: the last step a wide card covers: " to Pays". */
      if (last != NULL)
        g_string_append_printf (out, _(" to %s"), last->name);
    }
}

static void
append_lane (GString    *out,
             JmDocument *document,
             const char *lane_id)
{
  JmLane *lane = jm_document_find_lane (document, lane_id);

  if (lane == NULL)
    return;
  if (out->len > 0)
    g_string_append (out, ", ");
  /* Translators: which lane an object is in: "lane Pain points". */
  g_string_append_printf (out, _("lane %s"), lane->title);
}

static char *
card_name (const JmCard *card,
           const JmLane *lane)
{
  g_autoptr(GString) out = g_string_new (NULL);

  switch (lane->kind)
    {
    case JM_LANE_TOUCHPOINTS:
      if (card->channel == JM_CHANNEL_NONE)
        g_string_append (out, _("Touchpoint"));
      else
        /* Translators: a touchpoint card and its channel: "Touchpoint, Store". */
        g_string_append_printf (out, _("Touchpoint, %s"), jm_channel_get_label (card->channel));
      if (card->moment_of_truth)
        g_string_append_printf (out, ", %s", _("moment of truth"));
      break;
    case JM_LANE_PAIN_POINTS:
      /* Translators: "Pain point, severity High". */
      g_string_append_printf (out, _("Pain point, severity %s"), jm_severity_get_label (card->severity));
      break;
    case JM_LANE_OPPORTUNITIES:
      /* Translators: "Opportunity, priority High". */
      g_string_append_printf (out, _("Opportunity, priority %s"), jm_priority_get_label (card->priority));
      if (card->owner != NULL && *card->owner != '\0')
        /* Translators: who owns an opportunity: ", owner Store manager". */
        g_string_append_printf (out, _(", owner %s"), card->owner);
      break;
    case JM_LANE_TEXT:
    case JM_LANE_EMOTIONS:
    case JM_LANE_METRICS:
    case JM_LANE_BACKSTAGE:
    case JM_LANE_IMAGES:
    case JM_N_LANE_KINDS:
    default:
      /* The lane's own title says more than its kind ("Thoughts", not "Text"). */
      g_string_append (out, lane->title && *lane->title ? lane->title : jm_lane_kind_get_label (lane->kind));
      break;
    }
  g_string_append_printf (out, ": %s", text_or_empty (card->text));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
jm_describe_name (JmDocument    *document,
                  const JmFocus *focus)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (focus != NULL, NULL);

  switch (focus->kind)
    {
    case JM_FOCUS_NONE:
    case JM_FOCUS_MAP:
      /* Translators: the map as a whole: "Journey map: Ordering a pump". */
      return g_strdup_printf (_("Journey map: %s"), text_or_empty (jm_document_get_title (document)));
    case JM_FOCUS_PERSONA:
      {
        JmPersona *persona = jm_document_find_persona (document, focus->id);
        /* Translators: "Persona Giulia Bianchi". */
        return persona ? g_strdup_printf (_("Persona %s"), persona->name) : g_strdup ("");
      }
    case JM_FOCUS_STAGE:
      {
        JmStage *stage = jm_document_find_stage (document, focus->id);
        /* Translators: a stage's header: "Stage Purchase". */
        return stage ? g_strdup_printf (_("Stage %s"), stage->name) : g_strdup ("");
      }
    case JM_FOCUS_STEP:
      {
        JmStep *step = jm_document_find_step (document, focus->id);
        /* Translators: a step's header: "Step Pays". */
        return step ? g_strdup_printf (_("Step %s"), step->name) : g_strdup ("");
      }
    case JM_FOCUS_LANE:
      {
        JmLane *lane = jm_document_find_lane (document, focus->id);
        /* Translators: a lane's title and kind: "Lane Feelings, Emotions". */
        return lane ? g_strdup_printf (_("Lane %s, %s"), lane->title, jm_lane_kind_get_label (lane->kind))
                    : g_strdup ("");
      }
    case JM_FOCUS_CELL:
      return g_strdup (_("Empty cell"));
    case JM_FOCUS_CARD:
      {
        JmLane *lane = NULL;
        JmCard *card = jm_document_find_card (document, focus->id, &lane);

        return card ? card_name (card, lane) : g_strdup ("");
      }
    case JM_FOCUS_EMOTION:
      {
        JmPersona *persona = jm_document_find_persona (document, focus->id);
        const JmEmotion *emotion = jm_document_get_emotion (document, focus->id, focus->step_id, focus->curve);
        g_autofree char *score = emotion ? jm_describe_score (emotion->score) : g_strdup (_("not set"));
        g_autofree char *curve = g_utf8_strdown (jm_map_state_get_label (focus->curve), -1);

        if (persona == NULL)
          return g_strdup ("");
        /* Translators: a persona's emotion: "Giulia Bianchi, as is: −2 (very unhappy)". */
        return g_strdup_printf (_("%s, %s: %s"), persona->name, curve, score);
      }
    default:
      g_return_val_if_reached (g_strdup (""));
    }
}

char *
jm_describe_context (JmDocument    *document,
                     const JmFocus *focus)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (focus != NULL, NULL);

  switch (focus->kind)
    {
    case JM_FOCUS_NONE:
    case JM_FOCUS_MAP:
    case JM_FOCUS_PERSONA:
      break;
    case JM_FOCUS_STAGE:
      {
        GPtrArray *stages = jm_document_get_stages (document);
        JmStage *stage = jm_document_find_stage (document, focus->id);
        guint index = 0;

        if (stage != NULL && g_ptr_array_find (stages, stage, &index))
          /* Translators: "stage 2 of 5, 3 steps". */
          g_string_printf (out, g_dngettext (GETTEXT_PACKAGE, "stage %u of %u, %u step", "stage %u of %u, %u steps",
                                             stage->steps->len),
                           index + 1, stages->len, stage->steps->len);
        break;
      }
    case JM_FOCUS_STEP:
      {
        JmStage *stage = jm_document_get_step_stage (document, focus->id);

        if (stage != NULL)
          /* Translators: which stage a step belongs to: "stage Purchase". */
          g_string_printf (out, _("stage %s"), stage->name);
        break;
      }
    case JM_FOCUS_LANE:
      {
        JmLane *lane = jm_document_find_lane (document, focus->id);

        if (lane != NULL)
          g_string_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u card", "%u cards", lane->cards->len),
                           lane->cards->len);
        break;
      }
    case JM_FOCUS_CELL:
    case JM_FOCUS_EMOTION:
      append_place (out, document, focus->step_id, 1);
      append_lane (out, document, focus->lane_id);
      break;
    case JM_FOCUS_CARD:
      {
        JmLane *lane = NULL;
        JmCard *card = jm_document_find_card (document, focus->id, &lane);

        if (card != NULL)
          {
            append_place (out, document, card->step_id, card->span);
            append_lane (out, document, lane->id);
          }
        break;
      }
    default:
      g_return_val_if_reached (g_strdup (""));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
jm_describe_metric (JmDocument *document,
                    const char *metric_id)
{
  const char *owner_id = NULL;
  JmMetric *metric;
  const char *unit;
  g_autofree char *value = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (metric_id != NULL, NULL);

  metric = jm_document_find_metric (document, metric_id, &owner_id);
  if (metric == NULL)
    return g_strdup ("");
  unit = metric->kind == JM_METRIC_CUSTOM ? metric->unit : jm_metric_kind_get_unit (metric->kind);
  value = jm_number_format_unit (metric->value, -2, unit);
  /* Translators: a metric's name and value: "CSAT 22 %". */
  g_string_printf (out, _("%s %s"),
                   metric->kind == JM_METRIC_CUSTOM && metric->name && *metric->name
                     ? metric->name : jm_metric_kind_get_label (metric->kind),
                   value);
  if (metric->has_target)
    {
      g_autofree char *target = jm_number_format_unit (metric->target, -2, unit);
      const char *status = NULL;

      switch (jm_metric_get_status (metric, jm_document_get_metric_tolerance (document)))
        {
        case JM_METRIC_STATUS_MET:
          /* Translators: a metric that meets its target is shown green. */
          status = _("green");
          break;
        case JM_METRIC_STATUS_NEAR:
          /* Translators: a metric near its target is shown amber. */
          status = _("amber");
          break;
        case JM_METRIC_STATUS_MISSED:
          /* Translators: a metric that misses its target is shown red. */
          status = _("red");
          break;
        case JM_METRIC_STATUS_NONE:
        default:
          break;
        }
      /* Translators: a metric's target: ", target 80 %". */
      g_string_append_printf (out, _(", target %s"), target);
      if (status != NULL)
        g_string_append_printf (out, ", %s", status);
    }
  if (owner_id != NULL)
    {
      JmLane *lane = NULL;
      JmCard *card = jm_document_find_card (document, owner_id, &lane);
      JmStage *stage = card ? NULL : jm_document_find_stage (document, owner_id);

      if (card != NULL && lane->kind == JM_LANE_TOUCHPOINTS)
        /* Translators: whose metric it is: " — touchpoint Pays at the till". */
        g_string_append_printf (out, _(" — touchpoint %s"), text_or_empty (card->text));
      else if (card != NULL)
        /* Translators: whose metric it is: " — card Pays at the till". */
        g_string_append_printf (out, _(" — card %s"), text_or_empty (card->text));
      else if (stage != NULL)
        /* Translators: whose metric it is: " — stage Purchase". */
        g_string_append_printf (out, _(" — stage %s"), stage->name);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
