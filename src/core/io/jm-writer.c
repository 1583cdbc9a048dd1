/* jm-writer.c — the canonical .journey form: fixed order of elements and
 * attributes, two-space indentation, one element per line, shortest exact
 * numbers, a trailing newline. The same document always gives the same
 * bytes, so maps diff and merge well. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "jm-conflict.h"
#include "jm-map-view.h"
#include "jm-writer.h"

#define XMLNS_URI "http://www.w3.org/2000/xmlns/"

G_DEFINE_QUARK (jm-io-error-quark, jm_io_error)

JmProblem *
jm_problem_new (const char *file,
                int         line,
                const char *message)
{
  JmProblem *problem = g_new0 (JmProblem, 1);

  problem->file = g_strdup (file);
  problem->line = line;
  problem->message = g_strdup (message);
  return problem;
}

void
jm_problem_free (JmProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->file);
  g_free (problem->message);
  g_free (problem);
}

char *
jm_problem_format (const JmProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);

  if (problem->line > 0)
    return g_strdup_printf ("%s:%d: %s", problem->file, problem->line, problem->message);
  return g_strdup_printf ("%s: %s", problem->file, problem->message);
}

/* ---- appending ---- */

/* GLib 2.74's appends are calls that check for overlaps and growth
 * before they copy; a map appends hundreds of thousands of short pieces
 * to a buffer sized beforehand, which nearly always has the room. */
static inline void
put_len (GString    *out,
         const char *text,
         gsize       len)
{
  if (G_LIKELY (out->len + len < out->allocated_len))
    {
      memcpy (out->str + out->len, text, len);
      out->len += len;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, text, (gssize) len);
}

static inline void
put (GString    *out,
     const char *text)
{
  put_len (out, text, strlen (text));
}

static inline void
put_c (GString *out,
       char     c)
{
  if (G_LIKELY (out->len + 1 < out->allocated_len))
    {
      out->str[out->len++] = c;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_c (out, c);
}

/* ---- escaping and numbers ---- */

/* Text is copied a run at a time, up to the next character to escape:
 * most texts have none. */
static void
append_escaped (GString    *out,
                const char *text,
                gboolean    attribute)
{
  const char *special = attribute ? "&<>\"\n\t\r" : "&<>\r";
  const char *p = text;

  for (;;)
    {
      gsize run = strcspn (p, special);

      put_len (out, p, run);
      p += run;
      switch (*p)
        {
        case '\0':
          return;
        case '&':
          put_len (out, "&amp;", 5);
          break;
        case '<':
          put_len (out, "&lt;", 4);
          break;
        case '>':
          put_len (out, "&gt;", 4);
          break;
        case '"':
          put_len (out, "&quot;", 6);
          break;
        case '\n':
          put_len (out, "&#10;", 5);
          break;
        case '\t':
          put_len (out, "&#9;", 4);
          break;
        case '\r':
          put_len (out, "&#13;", 5);
          break;
        default:
          g_assert_not_reached ();
        }
      p++;
    }
}

/* The shortest decimal form that reads back as exactly the same double. */
static void
append_number (GString *out,
               double   value)
{
  static const char *formats[] = { "%.15g", "%.16g", "%.17g" };
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == 0)
    value = 0;   /* no "-0" */

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, sizeof buf, formats[i], value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  put (out, buf);
}

static void
indent (GString *out,
        guint    level)
{
  static const char spaces[] = "                                ";

  while (level > 0)
    {
      guint n = MIN (level, (guint) (sizeof spaces - 1) / 2);

      put_len (out, spaces, 2 * n);
      level -= n;
    }
}

/* Plain appends: g_string_append_printf costs a formatted print each,
 * and a map writes tens of thousands of these. */
static inline void
open_attr (GString    *out,
           const char *name)
{
  put_c (out, ' ');
  put (out, name);
  put_len (out, "=\"", 2);
}

static inline void
open_tag (GString    *out,
          const char *name)
{
  put_c (out, '<');
  put (out, name);
}

static inline void
close_tag (GString    *out,
           const char *name)
{
  put_len (out, "</", 2);
  put (out, name);
  put_len (out, ">\n", 2);
}

static void
attr (GString    *out,
      const char *name,
      const char *value)
{
  if (value == NULL)
    return;
  open_attr (out, name);
  append_escaped (out, value, TRUE);
  put_c (out, '"');
}

static void
attr_number (GString    *out,
             const char *name,
             double      value)
{
  open_attr (out, name);
  append_number (out, value);
  put_c (out, '"');
}

static void
attr_uint (GString    *out,
           const char *name,
           guint       value)
{
  g_string_append_printf (out, " %s=\"%u\"", name, value);
}

static void
foreign_attrs (GString         *out,
               const JmForeign *foreign)
{
  if (foreign == NULL || foreign->attrs == NULL)
    return;

  for (guint i = 0; i < foreign->attrs->len; i++)
    {
      const JmForeignAttr *a = g_ptr_array_index (foreign->attrs, i);

      if (g_strcmp0 (a->ns_uri, XMLNS_URI) == 0)
        continue;   /* declarations go on the root */
      put_c (out, ' ');
      if (a->prefix != NULL)
        g_string_append_printf (out, "%s:", a->prefix);
      g_string_append_printf (out, "%s=\"", a->name);
      append_escaped (out, a->value, TRUE);
      put_c (out, '"');
    }
}

static gboolean
has_foreign_elements (const JmForeign *foreign)
{
  return foreign != NULL && foreign->elements != NULL && foreign->elements->len > 0;
}

static void
foreign_elements (GString         *out,
                  const JmForeign *foreign,
                  guint            level)
{
  if (!has_foreign_elements (foreign))
    return;

  for (guint i = 0; i < foreign->elements->len; i++)
    {
      indent (out, level);
      put (out, g_ptr_array_index (foreign->elements, i));
      put_c (out, '\n');
    }
}

static void
text_element (GString    *out,
              guint       level,
              const char *name,
              const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  indent (out, level);
  open_tag (out, name);
  put_c (out, '>');
  append_escaped (out, text, FALSE);
  close_tag (out, name);
}

static void
list_elements (GString     *out,
               guint        level,
               const char  *name,
               char * const *items)
{
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    text_element (out, level, name, items[i]);
}

static void
binary_element (GString    *out,
                guint       level,
                const char *name,
                const char *type,
                GBytes     *bytes)
{
  g_autofree char *base64 = NULL;
  gsize size;
  const guchar *data;

  if (bytes == NULL)
    return;

  data = g_bytes_get_data (bytes, &size);
  base64 = g_base64_encode (data, size);
  indent (out, level);
  g_string_append_printf (out, "<%s", name);
  attr (out, "type", type ? type : "image/png");
  g_string_append_printf (out, ">%s</%s>\n", base64, name);
}

/* ---- the elements ---- */

static void
write_metric (GString        *out,
              guint           level,
              const JmMetric *metric)
{
  indent (out, level);
  put (out, "<metric");
  attr (out, "id", metric->id);
  attr (out, "kind", jm_metric_kind_to_string (metric->kind));
  if (metric->kind == JM_METRIC_CUSTOM)
    {
      attr (out, "name", metric->name);
      if (metric->unit != NULL && *metric->unit != '\0')
        attr (out, "unit", metric->unit);
      if (!metric->higher_is_better)
        attr (out, "better", "lower");
    }
  attr_number (out, "value", metric->value);
  if (metric->has_target)
    attr_number (out, "target", metric->target);
  if (metric->sample_size > 0)
    attr_uint (out, "sample-size", metric->sample_size);
  attr (out, "date", metric->date);
  foreign_attrs (out, metric->foreign);

  if (has_foreign_elements (metric->foreign))
    {
      put (out, ">\n");
      foreign_elements (out, metric->foreign, level + 1);
      indent (out, level);
      put (out, "</metric>\n");
    }
  else
    {
      put (out, "/>\n");
    }
}

static void
write_metrics (GString   *out,
               guint      level,
               GPtrArray *metrics)
{
  for (guint i = 0; metrics != NULL && i < metrics->len; i++)
    write_metric (out, level, g_ptr_array_index (metrics, i));
}

static void
write_persona (GString         *out,
               guint            level,
               const JmPersona *persona)
{
  indent (out, level);
  put (out, "<persona");
  attr (out, "id", persona->id);
  attr (out, "name", persona->name);
  if (persona->age > 0)
    attr_uint (out, "age", persona->age);
  attr (out, "color", persona->color);
  foreign_attrs (out, persona->foreign);
  put (out, ">\n");

  text_element (out, level + 1, "occupation", persona->occupation);
  text_element (out, level + 1, "bio", persona->bio);
  text_element (out, level + 1, "quote", persona->quote);
  list_elements (out, level + 1, "goal", persona->goals);
  list_elements (out, level + 1, "need", persona->needs);
  list_elements (out, level + 1, "frustration", persona->frustrations);
  list_elements (out, level + 1, "interest", persona->interests);
  for (guint i = 0; persona->channels != NULL && i < persona->channels->len; i++)
    text_element (out, level + 1, "channel",
                  jm_channel_to_string (g_array_index (persona->channels, JmChannel, i)));
  binary_element (out, level + 1, "photo", persona->photo_type, persona->photo);
  foreign_elements (out, persona->foreign, level + 1);

  indent (out, level);
  put (out, "</persona>\n");
}

static void
write_stage (GString       *out,
             guint          level,
             const JmStage *stage)
{
  indent (out, level);
  put (out, "<stage");
  attr (out, "id", stage->id);
  attr (out, "name", stage->name);
  attr (out, "color", stage->color);
  foreign_attrs (out, stage->foreign);
  put (out, ">\n");

  text_element (out, level + 1, "notes", stage->notes);
  for (guint i = 0; i < stage->steps->len; i++)
    {
      const JmStep *step = g_ptr_array_index (stage->steps, i);

      indent (out, level + 1);
      put (out, "<step");
      attr (out, "id", step->id);
      attr (out, "name", step->name);
      foreign_attrs (out, step->foreign);
      if (has_foreign_elements (step->foreign))
        {
          put (out, ">\n");
          foreign_elements (out, step->foreign, level + 2);
          indent (out, level + 1);
          put (out, "</step>\n");
        }
      else
        {
          put (out, "/>\n");
        }
    }
  write_metrics (out, level + 1, stage->metrics);
  foreign_elements (out, stage->foreign, level + 1);

  indent (out, level);
  put (out, "</stage>\n");
}

static void
write_card (GString      *out,
            guint         level,
            const JmCard *card)
{
  gboolean has_children;

  indent (out, level);
  put (out, "<card");
  attr (out, "id", card->id);
  attr (out, "step", card->step_id);
  if (card->span > 1)
    attr_uint (out, "span", card->span);
  if (card->channel != JM_CHANNEL_NONE)
    attr (out, "channel", jm_channel_to_string (card->channel));
  if (card->moment_of_truth)
    attr (out, "moment-of-truth", "true");
  if (card->severity != JM_SEVERITY_NONE)
    attr (out, "severity", jm_severity_to_string (card->severity));
  if (card->priority != JM_PRIORITY_NONE)
    attr (out, "priority", jm_priority_to_string (card->priority));
  if (card->owner != NULL && *card->owner != '\0')
    attr (out, "owner", card->owner);
  if (card->evidence != JM_EVIDENCE_NONE)
    attr (out, "evidence", jm_evidence_to_string (card->evidence));
  if (card->personas != NULL && card->personas[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (" ", card->personas);
      attr (out, "personas", joined);
    }
  foreign_attrs (out, card->foreign);

  has_children = (card->text != NULL && *card->text != '\0')
                 || card->image != NULL
                 || (card->metrics != NULL && card->metrics->len > 0)
                 || has_foreign_elements (card->foreign);
  if (!has_children)
    {
      put (out, "/>\n");
      return;
    }

  put (out, ">\n");
  text_element (out, level + 1, "text", card->text);
  binary_element (out, level + 1, "image", card->image_type, card->image);
  write_metrics (out, level + 1, card->metrics);
  foreign_elements (out, card->foreign, level + 1);
  indent (out, level);
  put (out, "</card>\n");
}

typedef struct {
  JmCard *card;
  int     column;
} CardOrder;

static int
compare_columns (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const CardOrder *x = a, *y = b;

  return (x->column > y->column) - (x->column < y->column);
}

static void
write_lane (GString    *out,
            guint       level,
            JmDocument *document,
            JmLane     *lane)
{
  g_autofree CardOrder *order = NULL;

  indent (out, level);
  put (out, "<lane");
  attr (out, "id", lane->id);
  attr (out, "kind", jm_lane_kind_to_string (lane->kind));
  attr (out, "title", lane->title);
  foreign_attrs (out, lane->foreign);

  if (lane->cards->len == 0 && !has_foreign_elements (lane->foreign))
    {
      put (out, "/>\n");
      return;
    }
  put (out, ">\n");

  /* Reading order: by column; the order within a cell is kept (stable sort). */
  order = g_new (CardOrder, lane->cards->len);
  for (guint i = 0; i < lane->cards->len; i++)
    {
      order[i].card = g_ptr_array_index (lane->cards, i);
      /* Cards come by step: most share their neighbour's column. */
      if (i > 0 && g_strcmp0 (order[i].card->step_id, order[i - 1].card->step_id) == 0)
        order[i].column = order[i - 1].column;
      else
        order[i].column = jm_document_get_step_column (document, order[i].card->step_id);
    }
  g_qsort_with_data (order, (int) lane->cards->len, sizeof (CardOrder), compare_columns, NULL);
  for (guint i = 0; i < lane->cards->len; i++)
    write_card (out, level + 1, order[i].card);

  foreign_elements (out, lane->foreign, level + 1);
  indent (out, level);
  put (out, "</lane>\n");
}

typedef struct {
  const JmEmotion *emotion;
  guint            persona;
  int              column;
} EmotionOrder;

static int
compare_emotions (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const EmotionOrder *x = a, *y = b;

  if (x->persona != y->persona)
    return x->persona < y->persona ? -1 : 1;
  if (x->emotion->curve != y->emotion->curve)
    return x->emotion->curve < y->emotion->curve ? -1 : 1;
  return (x->column > y->column) - (x->column < y->column);
}

static void
write_emotions (GString    *out,
                guint       level,
                JmDocument *document)
{
  GPtrArray *emotions = jm_document_get_emotions (document);
  GPtrArray *personas = jm_document_get_personas (document);
  g_autofree EmotionOrder *order = NULL;

  if (emotions->len == 0)
    return;

  order = g_new (EmotionOrder, emotions->len);
  for (guint i = 0; i < emotions->len; i++)
    {
      const JmEmotion *emotion = g_ptr_array_index (emotions, i);
      JmPersona *persona = jm_document_find_persona (document, emotion->persona_id);
      guint index = G_MAXUINT;

      if (persona != NULL)
        g_ptr_array_find (personas, persona, &index);
      order[i].emotion = emotion;
      order[i].persona = index;
      order[i].column = jm_document_get_step_column (document, emotion->step_id);
    }
  g_qsort_with_data (order, (int) emotions->len, sizeof (EmotionOrder), compare_emotions, NULL);

  indent (out, level);
  put (out, "<emotions>\n");
  for (guint i = 0; i < emotions->len; i++)
    {
      const JmEmotion *emotion = order[i].emotion;

      indent (out, level + 1);
      put (out, "<emotion");
      attr (out, "persona", emotion->persona_id);
      attr (out, "step", emotion->step_id);
      if (emotion->curve != JM_MAP_STATE_CURRENT)
        attr (out, "curve", jm_map_state_to_string (emotion->curve));
      attr_number (out, "score", emotion->score);
      put (out, "/>\n");
    }
  indent (out, level);
  put (out, "</emotions>\n");
}

/* A field's target is written only while it exists: the map may have
 * lost the card since (an undo brings it back), and a file never refers
 * to nothing. Without its target the field says "not mapped". */
static void
write_survey_field (GString             *out,
                    guint                level,
                    JmDocument          *document,
                    const JmSurveyField *field)
{
  gboolean metric = FALSE;

  indent (out, level);
  put (out, "<field");
  attr (out, "header", field->header);
  switch (field->target)
    {
    case JM_SURVEY_TARGET_CARD:
      if (jm_document_find_card (document, field->target_id, NULL) != NULL)
        {
          attr (out, "card", field->target_id);
          metric = TRUE;
        }
      break;
    case JM_SURVEY_TARGET_STAGE:
      if (jm_document_find_stage (document, field->target_id) != NULL)
        {
          attr (out, "stage", field->target_id);
          metric = TRUE;
        }
      break;
    case JM_SURVEY_TARGET_VERBATIMS:
      if (jm_document_find_lane (document, field->target_id) != NULL
          && jm_document_find_step (document, field->step_id) != NULL)
        {
          attr (out, "lane", field->target_id);
          attr (out, "step", field->step_id);
        }
      break;
    case JM_SURVEY_TARGET_NONE:
    default:
      break;
    }
  if (metric)
    {
      attr (out, "metric", jm_metric_kind_to_string (field->kind));
      if (field->kind == JM_METRIC_CUSTOM)
        attr (out, "name", field->name);
    }
  foreign_attrs (out, field->foreign);
  if (!has_foreign_elements (field->foreign))
    {
      put (out, "/>\n");
      return;
    }
  put (out, ">\n");
  foreign_elements (out, field->foreign, level + 1);
  indent (out, level);
  put (out, "</field>\n");
}

static void
write_surveys (GString    *out,
               guint       level,
               JmDocument *document)
{
  GPtrArray *surveys = jm_document_get_surveys (document);

  if (surveys->len == 0)
    return;

  indent (out, level);
  put (out, "<surveys>\n");
  for (guint i = 0; i < surveys->len; i++)
    {
      const JmSurvey *survey = g_ptr_array_index (surveys, i);

      indent (out, level + 1);
      put (out, "<survey");
      attr (out, "id", survey->id);
      attr (out, "name", survey->name);
      attr (out, "layout", survey->layout);
      foreign_attrs (out, survey->foreign);
      if (survey->fields->len == 0 && !has_foreign_elements (survey->foreign))
        {
          put (out, "/>\n");
          continue;
        }
      put (out, ">\n");
      for (guint f = 0; f < survey->fields->len; f++)
        write_survey_field (out, level + 2, document, g_ptr_array_index (survey->fields, f));
      foreign_elements (out, survey->foreign, level + 2);
      indent (out, level + 1);
      put (out, "</survey>\n");
    }
  indent (out, level);
  put (out, "</surveys>\n");
}

/* A conflict's value: absent when not set, empty when empty. */
static void
conflict_value (GString    *out,
                guint       level,
                const char *name,
                const char *value)
{
  if (value == NULL)
    return;
  indent (out, level);
  if (*value == '\0')
    {
      g_string_append_printf (out, "<%s/>\n", name);
      return;
    }
  g_string_append_printf (out, "<%s>", name);
  append_escaped (out, value, FALSE);
  g_string_append_printf (out, "</%s>\n", name);
}

/* Merge conflicts, in the order the merge found them. */
static void
write_conflicts (GString    *out,
                 guint       level,
                 JmDocument *document)
{
  GPtrArray *conflicts = jm_document_get_conflicts (document);

  if (conflicts->len == 0)
    return;

  indent (out, level);
  put (out, "<conflicts>\n");
  for (guint i = 0; i < conflicts->len; i++)
    {
      const JmConflict *conflict = g_ptr_array_index (conflicts, i);

      indent (out, level + 1);
      put (out, "<conflict");
      attr (out, "object", jm_kind_to_string (conflict->kind));
      if (conflict->kind != JM_KIND_MAP)
        attr (out, "ref", conflict->ref);
      if (conflict->kind == JM_KIND_EMOTION)
        {
          attr (out, "step", conflict->step);
          if (conflict->curve != JM_MAP_STATE_CURRENT)
            attr (out, "curve", jm_map_state_to_string (conflict->curve));
        }
      attr (out, "field", conflict->field);
      if (conflict->field == NULL)
        attr (out, "deleted-by", conflict->deleted_by == JM_CONFLICT_SIDE_THEIRS ? "theirs" : "ours");

      if (conflict->field == NULL || (conflict->base == NULL && conflict->ours == NULL && conflict->theirs == NULL))
        {
          put (out, "/>\n");
          continue;
        }
      put (out, ">\n");
      conflict_value (out, level + 2, "base", conflict->base);
      conflict_value (out, level + 2, "ours", conflict->ours);
      conflict_value (out, level + 2, "theirs", conflict->theirs);
      indent (out, level + 1);
      put (out, "</conflict>\n");
    }
  indent (out, level);
  put (out, "</conflicts>\n");
}

/* Named views, in the order they were made. A reference to a lane or
 * persona deleted since is left out. */
static void
write_views (GString    *out,
             guint       level,
             JmDocument *document)
{
  GPtrArray *views = jm_document_get_views (document);

  if (views->len == 0)
    return;

  indent (out, level);
  put (out, "<views>\n");
  for (guint i = 0; i < views->len; i++)
    {
      const JmMapView *view = g_ptr_array_index (views, i);
      g_autoptr(GString) refs = g_string_new (NULL);

      for (guint l = 0; view->lanes != NULL && view->lanes[l] != NULL; l++)
        if (jm_document_find_lane (document, view->lanes[l]) != NULL)
          {
            indent (refs, level + 2);
            g_string_append (refs, "<lane");
            attr (refs, "ref", view->lanes[l]);
            g_string_append (refs, "/>\n");
          }
      for (guint p = 0; view->personas != NULL && view->personas[p] != NULL; p++)
        if (jm_document_find_persona (document, view->personas[p]) != NULL)
          {
            indent (refs, level + 2);
            g_string_append (refs, "<persona");
            attr (refs, "ref", view->personas[p]);
            g_string_append (refs, "/>\n");
          }

      indent (out, level + 1);
      put (out, "<view");
      attr (out, "id", view->id);
      attr (out, "name", view->name);
      if (view->states != JM_VIEW_STATES_BOTH)
        attr (out, "states", jm_view_states_to_string (view->states));
      foreign_attrs (out, view->foreign);
      if (refs->len == 0 && !has_foreign_elements (view->foreign))
        {
          put (out, "/>\n");
          continue;
        }
      put (out, ">\n");
      put_len (out, refs->str, refs->len);
      foreign_elements (out, view->foreign, level + 2);
      indent (out, level + 1);
      put (out, "</view>\n");
    }
  indent (out, level);
  put (out, "</views>\n");
}

/* Namespace declarations a fragment needs for its items' foreign
 * attributes (foreign elements carry their own). */
static void
collect_namespaces (GHashTable      *namespaces,
                    const JmForeign *foreign)
{
  for (guint i = 0; foreign != NULL && foreign->attrs != NULL && i < foreign->attrs->len; i++)
    {
      const JmForeignAttr *a = g_ptr_array_index (foreign->attrs, i);

      if (a->prefix != NULL && a->ns_uri != NULL && g_strcmp0 (a->ns_uri, XMLNS_URI) != 0)
        g_hash_table_insert (namespaces, a->prefix, a->ns_uri);
    }
}

static void
collect_metrics_namespaces (GHashTable *namespaces,
                            GPtrArray  *metrics)
{
  for (guint i = 0; metrics != NULL && i < metrics->len; i++)
    collect_namespaces (namespaces, ((const JmMetric *) g_ptr_array_index (metrics, i))->foreign);
}

/* A clipboard fragment: <root> around each item written by write_item. */
static char *
fragment_to_string (const char *root,
                    GPtrArray  *items,
                    void      (*write_item) (GString *, guint, gconstpointer),
                    GHashTable *namespaces,
                    gsize      *len)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_autoptr(GList) prefixes = g_list_sort (g_hash_table_get_keys (namespaces), (GCompareFunc) strcmp);

  g_string_append_printf (out, "<%s xmlns=\"" JM_NAMESPACE "\"", root);
  for (GList *l = prefixes; l != NULL; l = l->next)
    {
      g_string_append_printf (out, " xmlns:%s=\"", (const char *) l->data);
      append_escaped (out, g_hash_table_lookup (namespaces, l->data), TRUE);
      put_c (out, '"');
    }
  put (out, ">\n");
  for (guint i = 0; i < items->len; i++)
    write_item (out, 1, g_ptr_array_index (items, i));
  g_string_append_printf (out, "</%s>\n", root);
  if (len)
    *len = out->len;
  return g_string_free (out, FALSE);
}

static void
write_card_item (GString       *out,
                 guint          level,
                 gconstpointer  card)
{
  write_card (out, level, card);
}

static void
write_persona_item (GString       *out,
                    guint          level,
                    gconstpointer  persona)
{
  write_persona (out, level, persona);
}

char *
jm_writer_cards_to_string (GPtrArray *cards,
                           gsize     *len)
{
  g_autoptr(GHashTable) namespaces = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (cards != NULL, NULL);
  for (guint i = 0; i < cards->len; i++)
    {
      const JmCard *card = g_ptr_array_index (cards, i);

      collect_namespaces (namespaces, card->foreign);
      collect_metrics_namespaces (namespaces, card->metrics);
    }
  return fragment_to_string ("journey-cards", cards, write_card_item, namespaces, len);
}

char *
jm_writer_personas_to_string (GPtrArray *personas,
                              gsize     *len)
{
  g_autoptr(GHashTable) namespaces = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (personas != NULL, NULL);
  for (guint i = 0; i < personas->len; i++)
    collect_namespaces (namespaces, ((const JmPersona *) g_ptr_array_index (personas, i))->foreign);
  return fragment_to_string ("journey-personas", personas, write_persona_item, namespaces, len);
}

char *
jm_writer_to_string (JmDocument *document,
                     gsize      *len)
{
  GString *out;
  const JmForeign *foreign;
  GPtrArray *personas, *stages, *lanes;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);

  out = g_string_sized_new (4096 + 300 * jm_document_get_n_cards (document));
  foreign = jm_document_get_foreign (document);

  put (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  put (out, "<journey-map xmlns=\"" JM_NAMESPACE "\"");
  if (foreign != NULL && foreign->attrs != NULL)
    {
      for (guint i = 0; i < foreign->attrs->len; i++)
        {
          const JmForeignAttr *a = g_ptr_array_index (foreign->attrs, i);

          if (g_strcmp0 (a->ns_uri, XMLNS_URI) == 0)
            {
              g_string_append_printf (out, " xmlns:%s=\"", a->name);
              append_escaped (out, a->value, TRUE);
              put_c (out, '"');
            }
        }
    }
  g_string_append_printf (out, " format-version=\"%d\"", JM_FORMAT_VERSION);
  if (jm_document_get_language (document) != NULL)
    attr (out, "xml:lang", jm_document_get_language (document));
  if (jm_document_get_state (document) != JM_MAP_STATE_CURRENT)
    attr (out, "state", jm_map_state_to_string (jm_document_get_state (document)));
  if (jm_document_get_metric_tolerance (document) != JM_METRIC_TOLERANCE_DEFAULT)
    attr_number (out, "metric-tolerance", jm_document_get_metric_tolerance (document));
  if (jm_document_get_persona_details (document))
    attr (out, "persona-details", "true");
  foreign_attrs (out, foreign);
  put (out, ">\n");

  indent (out, 1);
  put (out, "<title>");
  append_escaped (out, jm_document_get_title (document), FALSE);
  put (out, "</title>\n");
  text_element (out, 1, "scenario", jm_document_get_scenario (document));
  text_element (out, 1, "notes", jm_document_get_notes (document));

  personas = jm_document_get_personas (document);
  if (personas->len > 0)
    {
      indent (out, 1);
      put (out, "<personas>\n");
      for (guint i = 0; i < personas->len; i++)
        write_persona (out, 2, g_ptr_array_index (personas, i));
      indent (out, 1);
      put (out, "</personas>\n");
    }

  stages = jm_document_get_stages (document);
  indent (out, 1);
  put (out, "<stages>\n");
  for (guint i = 0; i < stages->len; i++)
    write_stage (out, 2, g_ptr_array_index (stages, i));
  indent (out, 1);
  put (out, "</stages>\n");

  lanes = jm_document_get_lanes (document);
  if (lanes->len > 0)
    {
      indent (out, 1);
      put (out, "<lanes>\n");
      for (guint i = 0; i < lanes->len; i++)
        write_lane (out, 2, document, g_ptr_array_index (lanes, i));
      indent (out, 1);
      put (out, "</lanes>\n");
    }

  write_emotions (out, 1, document);
  write_surveys (out, 1, document);
  write_conflicts (out, 1, document);
  write_views (out, 1, document);
  foreign_elements (out, foreign, 1);
  put (out, "</journey-map>\n");

  if (len)
    *len = out->len;
  return g_string_free (out, FALSE);
}

gboolean
jm_writer_save_path (JmDocument  *document,
                     const char  *path,
                     GError     **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf old;
  int mode = 0644;
  gsize len;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Renaming over a file needs only the folder's permission: a file the
   * user may not change is refused here rather than silently replaced,
   * and a file that is there keeps its permissions (a private map stays
   * private). */
  if (g_stat (path, &old) == 0 && S_ISREG (old.st_mode))
    {
      if (g_access (path, W_OK) != 0)
        {
          int saved = errno;

          g_set_error (error, JM_IO_ERROR, JM_IO_ERROR_WRITE,
                       _("Could not save “%s”: %s"), path, g_strerror (saved));
          return FALSE;
        }
      mode = (int) (old.st_mode & 0777);
    }

  data = jm_writer_to_string (document, &len);

  /* Temporary file in the same folder, fsync of it and of the folder,
   * rename over the old file: a crash leaves the old file or the new one. */
  if (!g_file_set_contents_full (path, data, (gssize) len,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 mode, &local_error))
    {
      g_set_error (error, JM_IO_ERROR, JM_IO_ERROR_WRITE,
                   _("Could not save “%s”: %s"), path, local_error->message);
      return FALSE;
    }

  return TRUE;
}
