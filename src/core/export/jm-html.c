/* jm-html.c — the map as an accessible web page: see jm-html.h. Every
 * label is in the map's language (jm-i18n.h), every text escaped. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "jm-html.h"
#include "jm-i18n.h"
#include "jm-metrics-table.h"
#include "jm-number.h"

typedef struct {
  GString    *out;
  JmLayout   *layout;
  JmDocument *doc;
  const char *lang;       /* the map's language, NULL: the interface's */
  const char *persona_id; /* --persona, or NULL */
} Page;

#define TR(p, msgid) jm_i18n_gettext ((p)->lang, msgid)

/* The style: system fonts, text at least 4.5:1 against its background,
 * a focus ring, columns that reflow on a phone, and for print the picture
 * fitted to the page's width. */
static const char style[] =
  ":root { color-scheme: light; }\n"
  "body { margin: 0; font-family: Cantarell, \"DejaVu Sans\", system-ui, sans-serif; line-height: 1.5;"
  " color: #1e1e1e; background: #ffffff; }\n"
  "main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }\n"
  "h1 { font-size: 2rem; line-height: 1.2; margin: 0.5rem 0; }\n"
  "h2 { font-size: 1.5rem; margin: 2rem 0 0.5rem; border-bottom: 2px solid #c0bfbc; }\n"
  "h3 { font-size: 1.2rem; margin: 1.25rem 0 0.25rem; }\n"
  "h4 { font-size: 1rem; margin: 0.75rem 0 0.25rem; color: #3d3846; }\n"
  "ul { margin: 0.25rem 0; padding-left: 1.5rem; }\n"
  ".state { margin: 0; color: #5e5c64; }\n"
  ".details { color: #4a4a4a; }\n"
  ".scroll { overflow-x: auto; max-width: 100%; }\n"
  ".scroll:focus-visible, .scroll:focus { outline: 3px solid #1a5fb4; outline-offset: 2px; }\n"
  ".picture { border: 1px solid #c0bfbc; margin: 1rem 0; }\n"
  ".picture svg { display: block; max-width: none; height: auto; }\n"
  ".persona { border-left: 4px solid #c0bfbc; padding-left: 1rem; margin: 1rem 0; }\n"
  ".persona img { float: right; width: 6rem; height: 6rem; object-fit: cover; border-radius: 50%;"
  " margin: 0 0 0.5rem 1rem; }\n"
  ".persona::after { content: \"\"; display: block; clear: both; }\n"
  "img.photo { display: block; max-width: min(100%, 24rem); height: auto; margin: 0.25rem 0; }\n"
  "blockquote { margin: 0.5rem 0; font-style: italic; }\n"
  "dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0.5rem 0; }\n"
  "dt { font-weight: bold; }\n"
  "dd { margin: 0; }\n"
  "dd ul { padding-left: 1.25rem; margin: 0; }\n"
  "table { border-collapse: collapse; margin: 0.5rem 0; }\n"
  "caption { text-align: left; font-weight: bold; padding: 0.25rem 0; }\n"
  "th, td { border: 1px solid #9a9996; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }\n"
  "thead th { background: #f0f0f0; }\n"
  "td.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }\n"
  ".met { color: #1b5e20; font-weight: bold; }\n"
  ".near { color: #7a4b00; font-weight: bold; }\n"
  ".missed { color: #a51d2d; font-weight: bold; }\n"
  "@media (max-width: 40rem) {\n"
  "  main { padding: 0.5rem 0.75rem 2rem; }\n"
  "  h1 { font-size: 1.5rem; }\n"
  "  dl { grid-template-columns: 1fr; }\n"
  "  dd { margin-bottom: 0.5rem; }\n"
  "  .persona img { width: 4rem; height: 4rem; }\n"
  "}\n"
  "@media print {\n"
  "  main { max-width: none; padding: 0; }\n"
  "  .scroll { overflow: visible; }\n"
  "  .picture { border: none; }\n"
  "  .picture svg { width: 100%; max-width: 100%; }\n"
  "  h2, h3, h4 { break-after: avoid; }\n"
  "  tr, li, .persona { break-inside: avoid; }\n"
  "}\n";

static void
text (Page       *p,
      const char *s)
{
  g_autofree char *escaped = g_markup_escape_text (s != NULL ? s : "", -1);

  g_string_append (p->out, escaped);
}

/* <tag>escaped text</tag> and a line break. */
static void
element (Page       *p,
         const char *tag,
         const char *s)
{
  g_string_append_printf (p->out, "<%s>", tag);
  text (p, s);
  g_string_append_printf (p->out, "</%s>\n", tag);
}

/* A score as the map writes it: "+1", "−0,5", "0". */
static char *
score_text (Page  *p,
            double score)
{
  g_autofree char *number = jm_number_format_unit_in (fabs (score), -1, NULL, p->lang);

  return g_strdup_printf ("%s%s", score > 0 ? "+" : score < 0 ? "−" : "", number);
}

static const char *
lane_name (Page         *p,
           const JmLane *lane)
{
  return *lane->title != '\0' ? lane->title : jm_lane_kind_get_label_in (lane->kind, p->lang);
}

static const char *
metric_name (Page           *p,
             const JmMetric *m)
{
  return m->kind == JM_METRIC_CUSTOM && m->name != NULL ? m->name : jm_metric_kind_get_label_in (m->kind, p->lang);
}

static const char *
metric_unit (const JmMetric *m)
{
  return m->kind == JM_METRIC_CUSTOM ? m->unit : jm_metric_kind_get_unit (m->kind);
}

static const char *
status_text (Page           *p,
             JmMetricStatus  status,
             const char    **css_class)
{
  switch (status)
    {
    case JM_METRIC_STATUS_MET:
      *css_class = "met";
      return TR (p, N_("target met"));
    case JM_METRIC_STATUS_NEAR:
      *css_class = "near";
      return TR (p, N_("near the target"));
    case JM_METRIC_STATUS_MISSED:
      *css_class = "missed";
      return TR (p, N_("target missed"));
    case JM_METRIC_STATUS_NONE:
    default:
      *css_class = NULL;
      return TR (p, N_("No target"));
    }
}

/* An embedded PNG or JPEG, inline (the page is one file), with an empty
 * alt: the text beside it says what it is. */
static void
append_image (Page       *p,
              GBytes     *image,
              const char *type,
              const char *css_class)
{
  g_autofree char *base64 = NULL;
  const guchar *data;
  gsize size;

  if (image == NULL || type == NULL || (strcmp (type, "image/png") != 0 && strcmp (type, "image/jpeg") != 0))
    return;
  data = g_bytes_get_data (image, &size);
  base64 = g_base64_encode (data, size);
  g_string_append (p->out, "<img");
  if (css_class != NULL)
    g_string_append_printf (p->out, " class=\"%s\"", css_class);
  g_string_append_printf (p->out, " src=\"data:%s;base64,%s\" alt=\"\">", type, base64);
  if (css_class == NULL)
    g_string_append_c (p->out, '\n');
}

/* ---- personas ---- */

static void
persona_list (Page        *p,
              const char  *label,
              char       **items)
{
  if (items == NULL || items[0] == NULL)
    return;
  element (p, "dt", label);
  g_string_append (p->out, "<dd><ul>\n");
  for (guint i = 0; items[i] != NULL; i++)
    element (p, "li", items[i]);
  g_string_append (p->out, "</ul></dd>\n");
}

static void
write_persona (Page      *p,
               JmPersona *persona)
{
  gboolean any_field;

  g_string_append (p->out, "<section class=\"persona\">\n");
  element (p, "h3", persona->name);
  /* The name is the heading just above: the photo says nothing more. */
  append_image (p, persona->photo, persona->photo_type, NULL);
  if (persona->quote != NULL && *persona->quote != '\0')
    element (p, "blockquote", persona->quote);
  if (persona->bio != NULL && *persona->bio != '\0')
    element (p, "p", persona->bio);

  any_field = persona->age > 0 || (persona->occupation != NULL && *persona->occupation != '\0')
              || (persona->goals != NULL && persona->goals[0] != NULL)
              || (persona->needs != NULL && persona->needs[0] != NULL)
              || (persona->frustrations != NULL && persona->frustrations[0] != NULL)
              || (persona->interests != NULL && persona->interests[0] != NULL)
              || (persona->channels != NULL && persona->channels->len > 0);
  if (any_field)
    {
      g_string_append (p->out, "<dl>\n");
      if (persona->age > 0)
        {
          g_autofree char *age = g_strdup_printf ("%u", persona->age);

          element (p, "dt", TR (p, N_("Age")));
          element (p, "dd", age);
        }
      if (persona->occupation != NULL && *persona->occupation != '\0')
        {
          element (p, "dt", TR (p, N_("Occupation")));
          element (p, "dd", persona->occupation);
        }
      persona_list (p, TR (p, N_("Goals")), persona->goals);
      persona_list (p, TR (p, N_("Needs")), persona->needs);
      persona_list (p, TR (p, N_("Frustrations")), persona->frustrations);
      persona_list (p, TR (p, N_("Interests")), persona->interests);
      if (persona->channels != NULL && persona->channels->len > 0)
        {
          g_autoptr(GPtrArray) names = g_ptr_array_new ();

          for (guint i = 0; i < persona->channels->len; i++)
            g_ptr_array_add (names, (char *) jm_channel_get_label_in (g_array_index (persona->channels, JmChannel, i),
                                                                      p->lang));
          g_ptr_array_add (names, NULL);
          persona_list (p, TR (p, N_("Preferred channels")), (char **) names->pdata);
        }
      g_string_append (p->out, "</dl>\n");
    }
  g_string_append (p->out, "</section>\n");
}

/* ---- the stages, steps and cards ---- */

static char *
metric_sentence (Page           *p,
                 const JmMetric *m)
{
  g_autofree char *value = jm_number_format_unit_in (m->value, -1, metric_unit (m), p->lang);
  g_autofree char *target = NULL;
  const char *css_class;
  const char *status;

  if (!m->has_target)
    return g_strdup_printf ("%s %s", metric_name (p, m), value);
  target = jm_number_format_unit_in (m->target, -1, metric_unit (m), p->lang);
  status = status_text (p, jm_metric_get_status (m, jm_document_get_metric_tolerance (p->doc)), &css_class);
  /* Translators: a metric in the text of a PDF: "CSAT 38% (target 80%: target missed)" */
  return g_strdup_printf (TR (p, N_("%s %s (target %s: %s)")), metric_name (p, m), value, target, status);
}

/* The card's text, then what the map says of it, as the PDF's text does. */
static void
write_card (Page         *p,
            const JmLane *lane,
            const JmCard *card)
{
  g_autoptr(GPtrArray) details = g_ptr_array_new_with_free_func (g_free);

  g_string_append (p->out, "<li>");
  text (p, card->text);
  if (lane->kind == JM_LANE_TOUCHPOINTS && card->channel != JM_CHANNEL_NONE)
    g_ptr_array_add (details, g_strdup (jm_channel_get_label_in (card->channel, p->lang)));
  if (lane->kind == JM_LANE_TOUCHPOINTS && card->moment_of_truth)
    g_ptr_array_add (details, g_strdup (TR (p, N_("Moment of truth"))));
  if (lane->kind == JM_LANE_PAIN_POINTS && card->severity != JM_SEVERITY_NONE)
    g_ptr_array_add (details, g_strdup_printf (TR (p, N_("Severity: %s")),
                                               jm_severity_get_label_in (card->severity, p->lang)));
  if (lane->kind == JM_LANE_OPPORTUNITIES && card->priority != JM_PRIORITY_NONE)
    g_ptr_array_add (details, g_strdup_printf (TR (p, N_("Priority: %s")),
                                               jm_priority_get_label_in (card->priority, p->lang)));
  if (lane->kind == JM_LANE_OPPORTUNITIES && card->owner != NULL)
    g_ptr_array_add (details, g_strdup_printf (TR (p, N_("→ %s")), card->owner));
  if (card->evidence != JM_EVIDENCE_NONE)
    g_ptr_array_add (details, g_strdup (jm_evidence_get_label_in (card->evidence, p->lang)));
  if (card->personas != NULL && card->personas[0] != NULL)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; card->personas[i] != NULL; i++)
        {
          JmPersona *persona = jm_document_find_persona (p->doc, card->personas[i]);

          if (persona != NULL)
            g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "", persona->name);
        }
      if (names->len > 0)
        g_ptr_array_add (details, g_strdup_printf (TR (p, N_("For %s")), names->str));
    }
  for (guint i = 0; i < card->metrics->len; i++)
    g_ptr_array_add (details, metric_sentence (p, g_ptr_array_index (card->metrics, i)));
  if (details->len > 0)
    {
      g_autofree char *joined = NULL;

      g_ptr_array_add (details, NULL);
      joined = g_strjoinv ("; ", (char **) details->pdata);
      g_string_append (p->out, " <span class=\"details\">(");
      text (p, joined);
      g_string_append (p->out, ")</span>");
    }
  /* An images lane's photo: its card's text says what it shows. */
  append_image (p, card->image, card->image_type, "photo");
  g_string_append (p->out, "</li>\n");
}

static gboolean
card_shown (Page         *p,
            const JmCard *card)
{
  return p->persona_id == NULL || jm_card_applies_to (card, p->persona_id);
}

static void
write_step (Page   *p,
            JmStep *step)
{
  GPtrArray *lanes = jm_document_get_lanes (p->doc);

  g_string_append (p->out, "<section>\n");
  element (p, "h3", step->name);
  for (guint l = 0; l < lanes->len; l++)
    {
      JmLane *lane = g_ptr_array_index (lanes, l);
      gboolean open = FALSE;

      /* Through a view, its lanes only. */
      if (!jm_layout_shows_lane (p->layout, lane->id))
        continue;
      for (guint c = 0; c < lane->cards->len; c++)
        {
          JmCard *card = g_ptr_array_index (lane->cards, c);

          if (g_strcmp0 (card->step_id, step->id) != 0 || !card_shown (p, card))
            continue;
          if (!open)
            {
              element (p, "h4", lane_name (p, lane));
              g_string_append (p->out, "<ul>\n");
              open = TRUE;
            }
          write_card (p, lane, card);
        }
      if (open)
        g_string_append (p->out, "</ul>\n");
    }
  g_string_append (p->out, "</section>\n");
}

static void
write_stage (Page    *p,
             JmStage *stage)
{
  g_string_append (p->out, "<section>\n");
  element (p, "h2", stage->name);
  if (stage->metrics->len > 0)
    {
      g_string_append (p->out, "<ul>\n");
      for (guint i = 0; i < stage->metrics->len; i++)
        {
          g_autofree char *sentence = metric_sentence (p, g_ptr_array_index (stage->metrics, i));

          element (p, "li", sentence);
        }
      g_string_append (p->out, "</ul>\n");
    }
  for (guint t = 0; t < stage->steps->len; t++)
    write_step (p, g_ptr_array_index (stage->steps, t));
  g_string_append (p->out, "</section>\n");
}

/* ---- tables ---- */

/* A wide table scrolls sideways on its own on a phone: a region with a
 * name that the keyboard reaches. */
static void
open_table (Page       *p,
            const char *id,
            const char *caption)
{
  g_string_append_printf (p->out, "<div class=\"scroll\" role=\"region\" aria-labelledby=\"%s\" tabindex=\"0\">\n"
                          "<table>\n<caption id=\"%s\">", id, id);
  text (p, caption);
  g_string_append (p->out, "</caption>\n");
}

static void
close_table (Page *p)
{
  g_string_append (p->out, "</tbody>\n</table>\n</div>\n");
}

static void
write_emotions (Page *p)
{
  GPtrArray *personas = jm_document_get_personas (p->doc);
  guint n_steps = jm_document_get_n_steps (p->doc);
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) curves = g_array_new (FALSE, FALSE, sizeof (JmMapState));
  g_autoptr(GPtrArray) column_personas = g_ptr_array_new ();

  /* A column per persona and curve that has a score. */
  for (guint i = 0; i < personas->len; i++)
    {
      JmPersona *persona = g_ptr_array_index (personas, i);

      if ((p->persona_id != NULL && g_strcmp0 (p->persona_id, persona->id) != 0)
          || !jm_layout_shows_persona (p->layout, persona->id))
        continue;
      for (JmMapState curve = JM_MAP_STATE_CURRENT; curve < JM_N_MAP_STATES; curve++)
        {
          gboolean any = FALSE;

          for (guint c = 0; c < n_steps && !any; c++)
            any = jm_document_get_emotion (p->doc, persona->id, jm_document_get_step (p->doc, c)->id, curve) != NULL;
          if (!any || !jm_layout_shows_curve (p->layout, curve))
            continue;
          g_ptr_array_add (column_personas, persona);
          g_array_append_val (curves, curve);
        }
    }
  if (column_personas->len == 0)
    return;

  g_string_append (p->out, "<section>\n");
  element (p, "h2", jm_lane_kind_get_label_in (JM_LANE_EMOTIONS, p->lang));
  open_table (p, "jm-emotions", TR (p, N_("Emotion scores per persona and step, from −2 to +2")));
  g_string_append (p->out, "<thead>\n<tr><th scope=\"col\">");
  text (p, TR (p, N_("Stage")));
  g_string_append (p->out, "</th><th scope=\"col\">");
  text (p, TR (p, N_("Step")));
  g_string_append (p->out, "</th>");
  for (guint i = 0; i < column_personas->len; i++)
    {
      JmPersona *persona = g_ptr_array_index (column_personas, i);
      g_autofree char *header = g_strdup_printf ("%s (%s)", persona->name,
                                                 jm_map_state_get_label_in (g_array_index (curves, JmMapState, i),
                                                                            p->lang));

      g_string_append (p->out, "<th scope=\"col\">");
      text (p, header);
      g_string_append (p->out, "</th>");
    }
  g_string_append (p->out, "</tr>\n</thead>\n<tbody>\n");
  for (guint c = 0; c < n_steps; c++)
    {
      JmStep *step = jm_document_get_step (p->doc, c);

      g_string_append (p->out, "<tr><td>");
      text (p, jm_document_get_step_stage (p->doc, step->id)->name);
      g_string_append (p->out, "</td><th scope=\"row\">");
      text (p, step->name);
      g_string_append (p->out, "</th>");
      for (guint i = 0; i < column_personas->len; i++)
        {
          JmPersona *persona = g_ptr_array_index (column_personas, i);
          const JmEmotion *e = jm_document_get_emotion (p->doc, persona->id, step->id,
                                                        g_array_index (curves, JmMapState, i));
          g_autofree char *score = e != NULL ? score_text (p, e->score) : NULL;

          g_string_append (p->out, "<td class=\"number\">");
          /* No score: said, not left blank. */
          text (p, score != NULL ? score : TR (p, N_("no score")));
          g_string_append (p->out, "</td>");
        }
      g_string_append (p->out, "</tr>\n");
    }
  close_table (p);
  g_string_append (p->out, "</section>\n");
}

static void
write_metrics (Page *p)
{
  g_autoptr(GPtrArray) rows = jm_metrics_table_rows (p->doc);
  const char *headers[] = {
    N_("Stage"), N_("Touchpoint"), N_("Metric"), N_("Value"), N_("Target"), N_("Status"), N_("Sample size"),
    N_("Date"),
  };
  guint shown = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      JmMetricRow *row = g_ptr_array_index (rows, i);
      JmLane *lane = NULL;
      JmCard *card = row->card_id != NULL ? jm_document_find_card (p->doc, row->card_id, &lane) : NULL;

      if (card != NULL && (!card_shown (p, card) || !jm_layout_shows_lane (p->layout, lane->id)))
        continue;
      if (shown++ == 0)
        {
          g_string_append (p->out, "<section>\n");
          element (p, "h2", TR (p, N_("Metrics")));
          open_table (p, "jm-metrics", TR (p, N_("Metrics with their targets")));
          g_string_append (p->out, "<thead>\n<tr>");
          for (guint h = 0; h < G_N_ELEMENTS (headers); h++)
            {
              g_string_append (p->out, "<th scope=\"col\">");
              text (p, TR (p, headers[h]));
              g_string_append (p->out, "</th>");
            }
          g_string_append (p->out, "</tr>\n</thead>\n<tbody>\n");
        }

      {
        const JmMetric *m = row->metric;
        g_autofree char *value = jm_number_format_unit_in (m->value, -1, metric_unit (m), p->lang);
        g_autofree char *target = m->has_target ? jm_number_format_unit_in (m->target, -1, metric_unit (m), p->lang)
                                                : NULL;
        g_autofree char *sample = m->sample_size > 0 ? g_strdup_printf ("%u", m->sample_size) : NULL;
        g_autofree char *date = m->date != NULL ? jm_i18n_format_date (p->lang, m->date) : NULL;
        const char *css_class = NULL;
        const char *status = status_text (p, row->status, &css_class);

        g_string_append (p->out, "<tr><td>");
        text (p, row->stage_name);
        g_string_append (p->out, "</td><td>");
        /* A stage's own metric: for the whole stage. */
        text (p, row->card_id != NULL ? row->card_text : TR (p, N_("Whole stage")));
        g_string_append (p->out, "</td><th scope=\"row\">");
        text (p, metric_name (p, m));
        g_string_append (p->out, "</th><td class=\"number\">");
        text (p, value);
        g_string_append (p->out, "</td><td class=\"number\">");
        text (p, target != NULL ? target : "—");
        g_string_append (p->out, "</td><td>");
        /* The status in words: the colour only repeats it. */
        if (css_class != NULL)
          g_string_append_printf (p->out, "<span class=\"%s\">", css_class);
        text (p, status);
        if (css_class != NULL)
          g_string_append (p->out, "</span>");
        g_string_append (p->out, "</td><td class=\"number\">");
        text (p, sample != NULL ? sample : "—");
        g_string_append (p->out, "</td><td>");
        text (p, date != NULL ? date : "—");
        g_string_append (p->out, "</td></tr>\n");
      }
    }
  if (shown > 0)
    {
      close_table (p);
      g_string_append (p->out, "</section>\n");
    }
}

/* ---- the page ---- */

/* The SVG export's start tag, made for a web page: sizes as HTML writes
 * them ("2670", not "2670px"), and the name in aria-label rather than
 * through the id of its <title> (a page may hold other ids). */
static void
append_svg (Page       *p,
            const char *svg)
{
  const char *end = strchr (svg, '>');
  g_autofree char *tag = NULL;
  g_auto(GStrv) attrs = NULL;
  const char *rest;

  if (!g_str_has_prefix (svg, "<svg") || end == NULL)
    {
      g_string_append (p->out, svg);
      return;
    }
  tag = g_strndup (svg, end - svg);
  attrs = g_strsplit (tag, " ", -1);
  for (guint i = 0; attrs[i] != NULL; i++)
    {
      gsize n = strlen (attrs[i]);

      if (i > 0)
        g_string_append_c (p->out, ' ');
      if ((g_str_has_prefix (attrs[i], "width=\"") || g_str_has_prefix (attrs[i], "height=\""))
          && g_str_has_suffix (attrs[i], "px\""))
        {
          g_string_append_len (p->out, attrs[i], n - 3);
          g_string_append_c (p->out, '"');
        }
      else if (strcmp (attrs[i], "aria-labelledby=\"jm-title\"") == 0)
        {
          g_string_append (p->out, "aria-label=\"");
          text (p, jm_document_get_title (p->doc));
          g_string_append_c (p->out, '"');
        }
      else
        g_string_append (p->out, attrs[i]);
    }
  rest = end;
  if (g_str_has_prefix (rest, ">\n<title id=\"jm-title\">"))
    {
      g_string_append (p->out, ">\n<title>");
      rest += strlen (">\n<title id=\"jm-title\">");
    }
  g_string_append (p->out, rest);
}

char *
jm_html_to_string (JmDocument            *document,
                   const JmExportOptions *options,
                   gsize                 *len)
{
  JmExportOptions defaults;
  g_autoptr(JmLayout) layout = NULL;
  g_autofree char *svg = NULL;
  g_autofree char *lang_tag = NULL;
  GPtrArray *personas, *stages;
  const char *scenario, *notes;
  Page page = { 0 };
  Page *p = &page;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);

  if (options == NULL)
    {
      jm_export_options_init (&defaults);
      options = &defaults;
    }
  layout = jm_export_make_layout (document, options);
  p->out = g_string_new (NULL);
  p->layout = layout;
  p->doc = document;
  p->lang = jm_layout_get_language (layout);
  p->persona_id = options->persona_id;
  personas = jm_document_get_personas (document);
  stages = jm_document_get_stages (document);
  scenario = jm_document_get_scenario (document);
  notes = jm_document_get_notes (document);
  /* A page always says its language: the interface's when the map has none. */
  lang_tag = p->lang != NULL ? g_strdup (p->lang) : jm_i18n_interface_language ();

  g_string_append (p->out, "<!DOCTYPE html>\n<html lang=\"");
  text (p, lang_tag);
  g_string_append (p->out, "\">\n<head>\n<meta charset=\"utf-8\">\n"
                           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                           "<meta name=\"generator\" content=\"Journey Maps\">\n");
  element (p, "title", jm_document_get_title (document));
  g_string_append_printf (p->out, "<style>\n%s</style>\n</head>\n<body>\n<main>\n", style);

  element (p, "h1", jm_document_get_title (document));
  g_string_append (p->out, "<p class=\"state\">");
  text (p, jm_map_state_get_label_in (jm_document_get_state (document), p->lang));
  g_string_append (p->out, "</p>\n");
  if (scenario != NULL && *scenario != '\0')
    element (p, "p", scenario);
  if (notes != NULL && *notes != '\0')
    element (p, "p", notes);

  /* The picture, in a region of its own that scrolls sideways. */
  svg = jm_export_svg_markup (layout, NULL);
  g_string_append (p->out, "<div class=\"scroll picture\" role=\"region\" tabindex=\"0\" aria-label=\"");
  text (p, TR (p, N_("The map as a picture")));
  g_string_append (p->out, "\">\n");
  append_svg (p, svg);
  g_string_append (p->out, "</div>\n");

  if (personas->len > 0)
    {
      g_string_append (p->out, "<section>\n");
      element (p, "h2", TR (p, N_("Personas")));
      for (guint i = 0; i < personas->len; i++)
        {
          JmPersona *persona = g_ptr_array_index (personas, i);

          if ((p->persona_id == NULL || g_strcmp0 (p->persona_id, persona->id) == 0)
              && jm_layout_shows_persona (layout, persona->id))
            write_persona (p, persona);
        }
      g_string_append (p->out, "</section>\n");
    }

  for (guint s = 0; s < stages->len; s++)
    write_stage (p, g_ptr_array_index (stages, s));
  write_emotions (p);
  write_metrics (p);

  g_string_append (p->out, "</main>\n</body>\n</html>\n");
  if (len != NULL)
    *len = p->out->len;
  return g_string_free (p->out, FALSE);
}

gboolean
jm_html_save_path (JmDocument            *document,
                   const char            *path,
                   const JmExportOptions *options,
                   GError               **error)
{
  g_autofree char *page = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize len;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  page = jm_html_to_string (document, options, &len);
  /* Temporary file beside it, flushed, renamed: never half a page. */
  if (!g_file_set_contents_full (path, page, (gssize) len, G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local_error))
    {
      g_set_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_WRITE, _("Could not write “%s”: %s"), path,
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}
