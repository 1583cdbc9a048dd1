/* jm-handout.c — the map's one-page summary handout: title, scenario, the
 * personas one a line, the emotion curves across the stages, the top pain
 * points by severity, the top opportunities by priority with owners, and
 * each metric against its target. Everything is measured before it is
 * drawn, and lists that do not fit end in "and N more": one page, whatever
 * the map. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "jm-i18n.h"
#include "jm-layout-private.h"
#include "jm-number.h"
#include "jm-painter-private.h"
#include "jm-persona-sheet.h"

#define M 48.0
#define FOOTER_H 56.0
#define CHART_H 210.0
#define TOP_N 5
#define ITEM_SIZE 12.5

#define TR(l, msgid) jm_i18n_gettext (jm_layout_get_language (l), msgid)

typedef struct {
  JmLayout            *layout;
  cairo_t             *cr;
  const JmThemeColors *colors;
  double               width;
} Handout;

/* Cards of the lanes of one kind the layout shows, in the map's order,
 * sorted by rank (high first) with ties kept in that order. */
typedef struct {
  JmCard *card;
  guint   order;
  int     rank;
} Ranked;

static int
by_rank (gconstpointer a,
         gconstpointer b)
{
  const Ranked *x = a, *y = b;

  if (x->rank != y->rank)
    return y->rank - x->rank;
  return x->order < y->order ? -1 : x->order > y->order;
}

static GPtrArray *
ranked_cards (JmLayout   *layout,
              JmLaneKind  kind)
{
  JmDocument *doc = jm_layout_get_document (layout);
  GPtrArray *lanes = jm_document_get_lanes (doc);
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  GPtrArray *cards = g_ptr_array_new ();

  for (guint i = 0; i < lanes->len; i++)
    {
      JmLane *lane = g_ptr_array_index (lanes, i);

      if (lane->kind != kind || !jm_layout_shows_lane (layout, lane->id))
        continue;
      for (guint c = 0; c < lane->cards->len; c++)
        {
          JmCard *card = g_ptr_array_index (lane->cards, c);
          Ranked r = { card, ranked->len, kind == JM_LANE_PAIN_POINTS ? (int) card->severity : (int) card->priority };

          g_array_append_val (ranked, r);
        }
    }
  g_array_sort (ranked, by_rank);
  for (guint i = 0; i < ranked->len; i++)
    g_ptr_array_add (cards, g_array_index (ranked, Ranked, i).card);
  return cards;
}

GPtrArray *
jm_handout_get_pain_points (JmLayout *layout)
{
  g_return_val_if_fail (JM_IS_LAYOUT (layout), NULL);
  return ranked_cards (layout, JM_LANE_PAIN_POINTS);
}

GPtrArray *
jm_handout_get_opportunities (JmLayout *layout)
{
  g_return_val_if_fail (JM_IS_LAYOUT (layout), NULL);
  return ranked_cards (layout, JM_LANE_OPPORTUNITIES);
}

static double
heading (Handout    *h,
         const char *text,
         double      y)
{
  cairo_rectangle (h->cr, M, y + 3, 4, 15);
  cairo_set_source_rgba (h->cr, h->colors->text_dim.r, h->colors->text_dim.g, h->colors->text_dim.b, 1);
  cairo_fill (h->cr);
  return jm_page_draw_text (h->layout, h->cr, "H2", text, 14.5, TRUE, FALSE, M + 12, y, h->width - 2 * M - 12, 1,
                            h->colors->text) + 6;
}

static double
line_height (Handout *h)
{
  return jm_page_measure_text (h->layout, "Ag", ITEM_SIZE, FALSE, -1, 1) + 3;
}

static const char *
card_stage_name (JmDocument   *doc,
                 const JmCard *card)
{
  JmStage *stage = jm_document_get_step_stage (doc, card->step_id);

  return stage != NULL ? stage->name : NULL;
}

/* One item: a label in its colour (severity, priority), then the text,
 * wrapped to two lines at most. Returns its height. */
static double
item (Handout    *h,
      double      y,
      guint       number,
      const char *label,
      JmColor     label_color,
      const char *text,
      gboolean    draw)
{
  double x = M + 12, label_w = 0, tw;
  g_autofree char *num = g_strdup_printf ("%u.", number);
  double height;

  if (label != NULL)
    {
      g_autoptr(PangoLayout) pl = jm_layout_make_text (h->layout, label, ITEM_SIZE, TRUE, -1);
      int w;

      pango_layout_get_pixel_size (pl, &w, NULL);
      label_w = w + 10;
    }
  tw = h->width - M - (x + 22 + label_w);
  height = MAX (jm_page_measure_text (h->layout, text, ITEM_SIZE, FALSE, tw, 2), line_height (h) - 3) + 5;
  if (!draw)
    return height;

  jm_page_tag_begin (h->cr, "P");
  jm_page_draw_text (h->layout, h->cr, NULL, num, ITEM_SIZE, TRUE, FALSE, x, y, -1, 0, h->colors->text_dim);
  if (label != NULL)
    jm_page_draw_text (h->layout, h->cr, NULL, label, ITEM_SIZE, TRUE, FALSE, x + 22, y, -1, 0, label_color);
  jm_page_draw_text (h->layout, h->cr, NULL, text, ITEM_SIZE, FALSE, FALSE, x + 22 + label_w, y, tw, 2,
                     h->colors->text);
  jm_page_tag_end (h->cr, "P");
  return height;
}

static char *
pain_text (JmDocument   *doc,
           const JmCard *card)
{
  const char *stage = card_stage_name (doc, card);

  return stage != NULL ? g_strdup_printf ("%s (%s)", card->text ? card->text : "", stage)
                       : g_strdup (card->text ? card->text : "");
}

static char *
opportunity_text (Handout      *h,
                  const JmCard *card)
{
  g_autofree char *base = pain_text (jm_layout_get_document (h->layout), card);

  if (card->owner == NULL || *card->owner == '\0')
    return g_steal_pointer (&base);
  /* Translators: an opportunity on the handout and its owner: "Track parcels live → Logistics team" */
  return g_strdup_printf (TR (h->layout, N_("%s → %s")), base, card->owner);
}

/* The top cards of a list in at most room: five, or as many as fit, then
 * "and N more". Returns the height used. */
static double
card_list (Handout   *h,
           double     y,
           double     room,
           GPtrArray *cards,
           gboolean   pains,
           gboolean   draw)
{
  JmDocument *doc = jm_layout_get_document (h->layout);
  const char *lang = jm_layout_get_language (h->layout);
  double used = 0, more_h = line_height (h);

  for (guint i = 0; i < cards->len; i++)
    {
      const JmCard *card = g_ptr_array_index (cards, i);
      g_autofree char *text = pains ? pain_text (doc, card) : opportunity_text (h, card);
      const char *label = NULL;
      JmColor color = h->colors->text_dim;
      gboolean last = i + 1 == cards->len;
      double ih;

      if (pains && card->severity != JM_SEVERITY_NONE)
        {
          label = jm_severity_get_label_in (card->severity, lang);
          color = jm_theme_severity_color (h->layout->options.theme, card->severity);
          /* The print theme's pale colours are for fills: text stays legible. */
          if (jm_color_contrast (color, h->colors->background) < 3)
            color = h->colors->text;
        }
      else if (!pains && card->priority != JM_PRIORITY_NONE)
        {
          label = jm_priority_get_label_in (card->priority, lang);
          color = h->colors->text;
        }
      ih = item (h, y + used, i + 1, label, color, text, FALSE);
      if (i >= TOP_N || used + ih + (last ? 0 : more_h) > room)
        {
          g_autofree char *more = jm_page_and_more (h->layout, cards->len - i);

          if (draw)
            jm_page_draw_text (h->layout, h->cr, "P", more, ITEM_SIZE, FALSE, TRUE, M + 34, y + used, -1, 0,
                               h->colors->text_dim);
          used += more_h;
          break;
        }
      if (draw)
        item (h, y + used, i + 1, label, color, text, TRUE);
      used += ih;
    }
  return used;
}

/* ---- metrics ---- */

typedef struct {
  const char     *where;    /* the stage or card it belongs to */
  const JmMetric *metric;
} Measure;

static GArray *
collect_metrics (JmLayout *layout)
{
  JmDocument *doc = jm_layout_get_document (layout);
  GPtrArray *stages = jm_document_get_stages (doc);
  GPtrArray *lanes = jm_document_get_lanes (doc);
  GArray *all = g_array_new (FALSE, FALSE, sizeof (Measure));

  for (guint i = 0; i < stages->len; i++)
    {
      JmStage *stage = g_ptr_array_index (stages, i);

      for (guint m = 0; m < stage->metrics->len; m++)
        {
          Measure x = { stage->name, g_ptr_array_index (stage->metrics, m) };

          g_array_append_val (all, x);
        }
    }
  for (guint i = 0; i < lanes->len; i++)
    {
      JmLane *lane = g_ptr_array_index (lanes, i);

      if (!jm_layout_shows_lane (layout, lane->id))
        continue;
      for (guint c = 0; c < lane->cards->len; c++)
        {
          JmCard *card = g_ptr_array_index (lane->cards, c);

          for (guint m = 0; card->metrics != NULL && m < card->metrics->len; m++)
            {
              Measure x = { card->text, g_ptr_array_index (card->metrics, m) };

              g_array_append_val (all, x);
            }
        }
    }
  return all;
}

static char *
metric_text (Handout        *h,
             const Measure  *x,
             JmColor        *color)
{
  const JmMetric *m = x->metric;
  const char *lang = jm_layout_get_language (h->layout);
  const char *unit = m->kind == JM_METRIC_CUSTOM ? m->unit : jm_metric_kind_get_unit (m->kind);
  const char *name = m->kind == JM_METRIC_CUSTOM && m->name ? m->name : jm_metric_kind_get_label_in (m->kind, lang);
  g_autofree char *value = jm_number_format_unit_in (m->value, -1, unit, lang);
  g_autofree char *target = NULL;
  g_autofree char *said = NULL;
  const char *status = "";

  *color = h->colors->text_dim;
  if (!m->has_target)
    said = g_strdup_printf ("%s %s", name, value);
  else
    {
      target = jm_number_format_unit_in (m->target, -1, unit, lang);
      switch (jm_metric_get_status (m, jm_document_get_metric_tolerance (jm_layout_get_document (h->layout))))
        {
        case JM_METRIC_STATUS_MET:
          status = TR (h->layout, N_("target met"));
          *color = h->colors->good;
          break;
        case JM_METRIC_STATUS_NEAR:
          status = TR (h->layout, N_("near the target"));
          *color = h->colors->warn;
          break;
        case JM_METRIC_STATUS_MISSED:
          status = TR (h->layout, N_("target missed"));
          *color = h->colors->bad;
          break;
        case JM_METRIC_STATUS_NONE:
        default:
          break;
        }
      /* Translators: a metric in the text of a PDF: "CSAT 38% (target 80%: target missed)" */
      said = g_strdup_printf (TR (h->layout, N_("%s %s (target %s: %s)")), name, value, target, status);
    }
  return x->where != NULL && *x->where != '\0' ? g_strdup_printf ("%s · %s", said, x->where)
                                               : g_steal_pointer (&said);
}

/* Every metric, one a line with a dot in its status's colour, in as many
 * lines as room has. */
static void
draw_metrics (Handout *h,
              double   y,
              double   room,
              GArray  *all)
{
  double lh = line_height (h) + 2, used = 0;

  /* One paragraph for the list: cairo 1.16 fails the whole PDF ("invalid
   * tag nesting") with a structure element per line here. */
  jm_page_tag_begin (h->cr, "P");
  for (guint i = 0; i < all->len; i++)
    {
      JmColor color;
      g_autofree char *text = metric_text (h, &g_array_index (all, Measure, i), &color);
      gboolean last = i + 1 == all->len;

      if (used + lh + (last ? 0 : lh) > room)
        {
          g_autofree char *more = jm_page_and_more (h->layout, all->len - i);

          jm_page_draw_text (h->layout, h->cr, NULL, more, ITEM_SIZE, FALSE, TRUE, M + 34, y + used, -1, 0,
                             h->colors->text_dim);
          break;
        }
      cairo_arc (h->cr, M + 18, y + used + 9, 5, 0, 2 * G_PI);
      cairo_set_source_rgba (h->cr, color.r, color.g, color.b, 1);
      cairo_fill (h->cr);
      jm_page_draw_text (h->layout, h->cr, NULL, text, ITEM_SIZE, FALSE, FALSE, M + 34, y + used,
                         h->width - 2 * M - 34, 1, h->colors->text);
      used += lh;
    }
  jm_page_tag_end (h->cr, "P");
}

/* ---- personas ---- */

static char *
persona_line (Handout         *h,
              const JmPersona *persona)
{
  GString *s = g_string_new (persona->name);

  if (persona->age > 0)
    {
      g_string_append (s, ", ");
      /* Translators: a persona's age */
      g_string_append_printf (s, TR (h->layout, N_("%u years")), persona->age);
    }
  if (persona->occupation != NULL && *persona->occupation != '\0')
    g_string_append_printf (s, ", %s", persona->occupation);
  if (persona->quote != NULL && *persona->quote != '\0')
    g_string_append_printf (s, " — “%s”", persona->quote);
  return g_string_free (s, FALSE);
}

static double
draw_personas (Handout *h,
               double   y)
{
  JmDocument *doc = jm_layout_get_document (h->layout);
  GPtrArray *personas = jm_document_get_personas (doc);
  double used = 0, lh = line_height (h) + 2;
  guint shown = 0, total = 0;

  for (guint i = 0; i < personas->len; i++)
    total += jm_layout_shows_persona (h->layout, ((JmPersona *) g_ptr_array_index (personas, i))->id);
  for (guint i = 0; i < personas->len; i++)
    {
      JmPersona *persona = g_ptr_array_index (personas, i);
      JmColor color = jm_painter_persona_color (h->layout->options.theme, persona, i);
      g_autofree char *line = NULL;

      if (!jm_layout_shows_persona (h->layout, persona->id))
        continue;
      if (shown == TOP_N && total > TOP_N + 1)
        {
          g_autofree char *more = jm_page_and_more (h->layout, total - shown);

          used += jm_page_draw_text (h->layout, h->cr, "P", more, ITEM_SIZE, FALSE, TRUE, M + 34, y + used, -1, 0,
                                     h->colors->text_dim) + 2;
          break;
        }
      line = persona_line (h, persona);
      /* The persona's colour, as its curve below. */
      cairo_move_to (h->cr, M + 8, y + used + 9);
      cairo_line_to (h->cr, M + 26, y + used + 9);
      cairo_set_source_rgba (h->cr, color.r, color.g, color.b, 1);
      cairo_set_line_width (h->cr, 4);
      cairo_stroke (h->cr);
      jm_page_draw_text (h->layout, h->cr, "P", line, ITEM_SIZE, FALSE, FALSE, M + 34, y + used,
                         h->width - 2 * M - 34, 1, h->colors->text);
      used += lh;
      shown++;
    }
  return used;
}

void
jm_handout_draw (JmLayout *layout,
                 cairo_t  *cr,
                 double    width,
                 double    height)
{
  JmDocument *doc;
  Handout h;
  g_autoptr(GPtrArray) pains = NULL;
  g_autoptr(GPtrArray) opportunities = NULL;
  g_autoptr(GArray) metrics = NULL;
  const char *scenario;
  double y, bottom, section_gap = 18, lh;

  g_return_if_fail (JM_IS_LAYOUT (layout) && cr != NULL);

  doc = jm_layout_get_document (layout);
  h.layout = layout;
  h.cr = cr;
  h.colors = jm_theme_get_colors (layout->options.theme);
  h.width = width;
  pains = jm_handout_get_pain_points (layout);
  opportunities = jm_handout_get_opportunities (layout);
  metrics = collect_metrics (layout);
  lh = line_height (&h);
  bottom = height - FOOTER_H;

  cairo_save (cr);
  jm_page_draw_frame (layout, cr, width, height);
  y = M;
  y += jm_page_draw_text (layout, cr, "H1", jm_document_get_title (doc), 26, TRUE, FALSE, M, y, width - 2 * M, 2,
                          h.colors->text) + 8;
  scenario = jm_document_get_scenario (doc);
  if (scenario != NULL && *scenario != '\0')
    y += jm_page_draw_text (layout, cr, "P", scenario, 13, FALSE, FALSE, M, y, width - 2 * M, 4,
                            h.colors->text_dim) + 8;
  y += 8;

  if (jm_document_get_personas (doc)->len > 0)
    {
      y += heading (&h, TR (layout, N_("Personas")), y);
      y += draw_personas (&h, y) + section_gap - 6;
    }

  if (jm_document_get_n_steps (doc) > 0 && jm_document_get_emotions (doc)->len > 0)
    {
      JmRect area = { M, 0, width - 2 * M, CHART_H };

      y += heading (&h, TR (layout, N_("Emotions across the stages")), y);
      area.y = y;
      jm_emotion_chart_draw (layout, cr, &area, NULL);
      y += CHART_H + section_gap - 6;
    }

  /* What is left goes to the pain points and the opportunities, each
   * keeping room for the other and for a line of metrics. */
  {
    double head = jm_page_measure_text (layout, "Ag", 14.5, TRUE, -1, 1) + 6;
    double metrics_min = metrics->len > 0 ? head + 2 * (lh + 2) + section_gap : 0;
    double share = (bottom - y - metrics_min) / ((pains->len > 0) + (opportunities->len > 0) + 0.0001);

    if (pains->len > 0)
      {
        double room = MIN (share, bottom - y - metrics_min) - head - section_gap;

        y += heading (&h, TR (layout, N_("Top pain points")), y);
        y += card_list (&h, y, MAX (room, lh), pains, TRUE, TRUE) + section_gap;
      }
    if (opportunities->len > 0)
      {
        double room = bottom - y - metrics_min - head - section_gap;

        y += heading (&h, TR (layout, N_("Top opportunities")), y);
        y += card_list (&h, y, MAX (room, lh), opportunities, FALSE, TRUE) + section_gap;
      }
    if (metrics->len > 0)
      {
        y += heading (&h, TR (layout, N_("Metrics")), y);
        draw_metrics (&h, y, bottom - y, metrics);
      }
  }
  cairo_restore (cr);
}
