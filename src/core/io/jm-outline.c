/* jm-outline.c — the outline for git: every object on a line of its own,
 * indented under what holds it, with its fields as "label value" pairs in
 * the order the file writes them. A change to one card changes one line,
 * and git's hunk headers name the stage (or the persona or lane) a hunk
 * starts in: only top-level objects start at the start of a line. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jm-conflict.h"
#include "jm-outline.h"

/* "label value · label value…" for the fields of object that are set,
 * leaving out those named in skip. */
static void
append_fields (GString       *out,
               JmKind         kind,
               gconstpointer  object,
               const char    *const *skip)
{
  guint n;
  const JmField *fields = jm_kind_get_fields (kind, &n);
  gboolean first = TRUE;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *value = NULL;
      g_autofree char *shown = NULL;

      if (skip != NULL && g_strv_contains (skip, fields[i].name))
        continue;
      value = fields[i].get (object);
      if (value == NULL || g_strcmp0 (value, fields[i].default_value) == 0)
        continue;
      shown = jm_field_display (&fields[i], value);
      g_string_append (out, first ? ": " : " \u00b7 ");
      g_string_append_printf (out, "%s %s", _(fields[i].label), shown);
      first = FALSE;
    }
}

static char *
quoted (const char *text)
{
  const JmField *field = jm_kind_find_field (JM_KIND_MAP, "title");

  return jm_field_display (field, text ? text : "");
}

static void
indent (GString *out,
        guint    level)
{
  for (guint i = 0; i < level; i++)
    g_string_append (out, "  ");
}

static void
append_metrics (GString    *out,
                guint       level,
                GPtrArray  *metrics,
                double      tolerance)
{
  static const char *statuses[] = {
    N_("no target"), N_("target met (green)"), N_("close to target (amber)"), N_("target missed (red)"),
  };

  for (guint i = 0; i < metrics->len; i++)
    {
      const JmMetric *metric = g_ptr_array_index (metrics, i);

      indent (out, level);
      g_string_append_printf (out, "%s %s", jm_kind_get_label (JM_KIND_METRIC), metric->id);
      append_fields (out, JM_KIND_METRIC, metric, NULL);
      /* Translators: in the outline, a metric's colour against its target */
      g_string_append_printf (out, _(" \u00b7 status %s"), _(statuses[jm_metric_get_status (metric, tolerance)]));
      g_string_append_c (out, '\n');
    }
}

static void
append_header (GString    *out,
               JmDocument *document)
{
  JmMapHeader header;
  guint n;
  const JmField *fields = jm_kind_get_fields (JM_KIND_MAP, &n);
  g_autofree char *title = quoted (jm_document_get_title (document));

  g_string_append_printf (out, "%s %s\n", jm_kind_get_label (JM_KIND_MAP), title);
  jm_map_header_init (&header, document);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *value = NULL;
      g_autofree char *shown = NULL;

      if (g_str_equal (fields[i].name, "title") || (value = fields[i].get (&header)) == NULL
          || g_strcmp0 (value, fields[i].default_value) == 0)
        continue;
      shown = jm_field_display (&fields[i], value);
      g_string_append_printf (out, "  %s %s\n", _(fields[i].label), shown);
    }
  jm_map_header_clear (&header);
}

static void
append_step (GString    *out,
             JmDocument *document,
             JmStep     *step)
{
  static const char *const skip_step[] = { "step", NULL };
  GPtrArray *lanes = jm_document_get_lanes (document);
  GPtrArray *personas = jm_document_get_personas (document);
  double tolerance = jm_document_get_metric_tolerance (document);
  g_autofree char *name = quoted (step->name);

  g_string_append_printf (out, "  %s %s %s\n", jm_kind_get_label (JM_KIND_STEP), step->id, name);

  for (guint l = 0; l < lanes->len; l++)
    {
      JmLane *lane = g_ptr_array_index (lanes, l);
      g_autofree char *lane_title = quoted (lane->title);

      for (guint c = 0; c < lane->cards->len; c++)
        {
          JmCard *card = g_ptr_array_index (lane->cards, c);

          if (g_strcmp0 (card->step_id, step->id) != 0)
            continue;
          indent (out, 2);
          /* Translators: in the outline, a card and its lane: Card c1 in “Actions” */
          g_string_append_printf (out, _("%s %s in %s"), jm_kind_get_label (JM_KIND_CARD), card->id, lane_title);
          append_fields (out, JM_KIND_CARD, card, skip_step);
          g_string_append_c (out, '\n');
          append_metrics (out, 3, card->metrics, tolerance);
        }
    }

  for (guint p = 0; p < personas->len; p++)
    for (JmMapState curve = 0; curve < JM_N_MAP_STATES; curve++)
      {
        JmPersona *persona = g_ptr_array_index (personas, p);
        const JmEmotion *emotion = jm_document_get_emotion (document, persona->id, step->id, curve);
        g_autofree char *score = NULL;

        if (emotion == NULL)
          continue;
        score = jm_format_score (emotion->score);
        indent (out, 2);
        /* Translators: in the outline, an emotion score: Emotion p1 (as is): −1 */
        g_string_append_printf (out, _("%s %s (%s): %s"), jm_kind_get_label (JM_KIND_EMOTION), persona->id,
                                jm_map_state_get_label (curve), score);
        g_string_append_c (out, '\n');
      }
}

char *
jm_outline_to_string (JmDocument *document)
{
  GString *out;
  GPtrArray *personas, *lanes, *stages, *conflicts;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);

  out = g_string_new (NULL);
  append_header (out, document);

  personas = jm_document_get_personas (document);
  for (guint i = 0; i < personas->len; i++)
    {
      static const char *const skip_name[] = { "name", NULL };
      const JmPersona *persona = g_ptr_array_index (personas, i);
      g_autofree char *name = quoted (persona->name);

      g_string_append_printf (out, "%s %s %s", jm_kind_get_label (JM_KIND_PERSONA), persona->id, name);
      append_fields (out, JM_KIND_PERSONA, persona, skip_name);
      g_string_append_c (out, '\n');
    }

  lanes = jm_document_get_lanes (document);
  for (guint i = 0; i < lanes->len; i++)
    {
      static const char *const skip_title[] = { "title", NULL };
      const JmLane *lane = g_ptr_array_index (lanes, i);
      g_autofree char *title = quoted (lane->title);

      g_string_append_printf (out, "%s %s %s", jm_kind_get_label (JM_KIND_LANE), lane->id, title);
      append_fields (out, JM_KIND_LANE, lane, skip_title);
      g_string_append_c (out, '\n');
    }

  stages = jm_document_get_stages (document);
  for (guint i = 0; i < stages->len; i++)
    {
      static const char *const skip_name[] = { "name", NULL };
      JmStage *stage = g_ptr_array_index (stages, i);
      g_autofree char *name = quoted (stage->name);

      g_string_append_printf (out, "%s %s %s", jm_kind_get_label (JM_KIND_STAGE), stage->id, name);
      append_fields (out, JM_KIND_STAGE, stage, skip_name);
      g_string_append_c (out, '\n');
      append_metrics (out, 1, stage->metrics, jm_document_get_metric_tolerance (document));
      for (guint j = 0; j < stage->steps->len; j++)
        append_step (out, document, g_ptr_array_index (stage->steps, j));
    }

  conflicts = jm_document_get_conflicts (document);
  for (guint i = 0; i < conflicts->len; i++)
    {
      g_autofree char *text = jm_conflict_describe (g_ptr_array_index (conflicts, i), document);

      /* Translators: in the outline, a merge conflict the map records */
      g_string_append_printf (out, _("Conflict: %s\n"), text);
    }

  return g_string_free (out, FALSE);
}
