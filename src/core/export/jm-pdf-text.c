/* jm-pdf-text.c — see jm-pdf-text.h. */
#include "config.h"

#include <cairo-pdf.h>

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>

#include "jm-i18n.h"
#include "jm-number.h"
#include "jm-pdf-text.h"

#define MARGIN 56.0   /* points */

typedef struct {
  cairo_t      *cr;
  PangoLayout  *layout;
  const char   *lang;
  double        width;    /* of the text column */
  double        bottom;
  double        y;
  gboolean      drawn;    /* something is on the current page */
  guint         pages;    /* shown so far */
} Flow;

#define TR(f, msgid) jm_i18n_gettext ((f)->lang, msgid)

/* One block of text with its structure tag, kept on one page: a card's
 * sentence is one paragraph, wrapped by pango, never broken by hand. */
static void
flow_block (Flow       *f,
            const char *tag,
            const char *text,
            double      size,
            gboolean    bold,
            double      space_before)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");
  int h;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (f->layout, font);
  pango_layout_set_text (f->layout, text, -1);
  pango_layout_get_pixel_size (f->layout, NULL, &h);

  if (f->drawn)
    f->y += space_before;
  if (f->drawn && f->y + h > f->bottom)
    {
      cairo_show_page (f->cr);
      f->pages++;
      f->y = MARGIN;
      f->drawn = FALSE;
    }
  cairo_tag_begin (f->cr, tag, NULL);
  cairo_move_to (f->cr, MARGIN, f->y);
  pango_cairo_show_layout (f->cr, f->layout);
  cairo_tag_end (f->cr, tag);
  f->y += h;
  f->drawn = TRUE;
}

static char *
metric_text (Flow           *f,
             const JmMetric *m,
             double          tolerance)
{
  const char *unit = m->kind == JM_METRIC_CUSTOM ? m->unit : jm_metric_kind_get_unit (m->kind);
  const char *name = m->kind == JM_METRIC_CUSTOM && m->name ? m->name : jm_metric_kind_get_label_in (m->kind, f->lang);
  g_autofree char *value = jm_number_format_unit_in (m->value, -1, unit, f->lang);
  g_autofree char *target = NULL;
  const char *status = NULL;

  if (!m->has_target)
    return g_strdup_printf ("%s %s", name, value);
  target = jm_number_format_unit_in (m->target, -1, unit, f->lang);
  switch (jm_metric_get_status (m, tolerance))
    {
    case JM_METRIC_STATUS_MET:
      status = TR (f, N_("target met"));
      break;
    case JM_METRIC_STATUS_NEAR:
      status = TR (f, N_("near the target"));
      break;
    case JM_METRIC_STATUS_MISSED:
      status = TR (f, N_("target missed"));
      break;
    case JM_METRIC_STATUS_NONE:
    default:
      status = "";
      break;
    }
  /* Translators: a metric in the text of a PDF: "CSAT 38% (target 80%: target missed)" */
  return g_strdup_printf (TR (f, N_("%s %s (target %s: %s)")), name, value, target, status);
}

/* The card as one paragraph: its lane, its sentence whole, then what the
 * map says of it. */
static char *
card_text (Flow         *f,
           const JmLane *lane,
           const JmCard *card)
{
  GString *s = g_string_new (NULL);
  g_autoptr(GPtrArray) details = g_ptr_array_new_with_free_func (g_free);

  g_string_append_printf (s, "%s: %s", lane->title, card->text ? card->text : "");
  if (lane->kind == JM_LANE_TOUCHPOINTS && card->channel != JM_CHANNEL_NONE)
    g_ptr_array_add (details, g_strdup (jm_channel_get_label_in (card->channel, f->lang)));
  if (lane->kind == JM_LANE_TOUCHPOINTS && card->moment_of_truth)
    g_ptr_array_add (details, g_strdup (TR (f, N_("Moment of truth"))));
  if (lane->kind == JM_LANE_PAIN_POINTS && card->severity != JM_SEVERITY_NONE)
    g_ptr_array_add (details, g_strdup_printf (TR (f, N_("Severity: %s")),
                                               jm_severity_get_label_in (card->severity, f->lang)));
  if (lane->kind == JM_LANE_OPPORTUNITIES && card->priority != JM_PRIORITY_NONE)
    g_ptr_array_add (details, g_strdup_printf (TR (f, N_("Priority: %s")),
                                               jm_priority_get_label_in (card->priority, f->lang)));
  if (lane->kind == JM_LANE_OPPORTUNITIES && card->owner != NULL)
    g_ptr_array_add (details, g_strdup_printf (TR (f, N_("→ %s")), card->owner));
  if (card->evidence != JM_EVIDENCE_NONE)
    g_ptr_array_add (details, g_strdup (jm_evidence_get_label_in (card->evidence, f->lang)));
  for (guint i = 0; card->metrics != NULL && i < card->metrics->len; i++)
    g_ptr_array_add (details, metric_text (f, g_ptr_array_index (card->metrics, i), 10));
  if (details->len > 0)
    {
      g_autofree char *joined = NULL;

      g_ptr_array_add (details, NULL);
      joined = g_strjoinv ("; ", (char **) details->pdata);
      g_string_append_printf (s, " (%s)", joined);
    }
  return g_string_free (s, FALSE);
}

static char *
score_text (Flow  *f,
            double score)
{
  g_autofree char *number = jm_number_format_unit_in (fabs (score), -1, NULL, f->lang);

  return g_strdup_printf ("%s%s", score > 0 ? "+" : score < 0 ? "−" : "", number);
}

static guint
flow_map (JmLayout *layout,
          cairo_t  *cr,
          double    page_width,
          double    page_height)
{
  JmDocument *doc = jm_layout_get_document (layout);
  const JmRenderOptions *options = jm_layout_get_options (layout);
  GPtrArray *stages = jm_document_get_stages (doc);
  GPtrArray *lanes = jm_document_get_lanes (doc);
  GPtrArray *personas = jm_document_get_personas (doc);
  double tolerance = jm_document_get_metric_tolerance (doc);
  Flow f = { 0 };

  cairo_save (cr);
  cairo_identity_matrix (cr);
  f.cr = cr;
  f.layout = pango_cairo_create_layout (cr);
  f.lang = jm_layout_get_language (layout);
  f.width = page_width - 2 * MARGIN;
  f.bottom = page_height - MARGIN;
  f.y = MARGIN;
  pango_layout_set_width (f.layout, (int) (f.width * PANGO_SCALE));
  pango_layout_set_wrap (f.layout, PANGO_WRAP_WORD_CHAR);
  cairo_set_source_rgb (cr, 0, 0, 0);

  flow_block (&f, "H1", jm_document_get_title (doc), 20, TRUE, 0);
  flow_block (&f, "P", jm_map_state_get_label_in (jm_document_get_state (doc), f.lang), 10, FALSE, 4);
  if (jm_document_get_scenario (doc) != NULL)
    flow_block (&f, "P", jm_document_get_scenario (doc), 11, FALSE, 6);

  for (guint s = 0; s < stages->len; s++)
    {
      JmStage *stage = g_ptr_array_index (stages, s);

      cairo_tag_begin (cr, "Sect", NULL);
      flow_block (&f, "H2", stage->name, 16, TRUE, 18);
      for (guint i = 0; i < stage->metrics->len; i++)
        {
          g_autofree char *text = metric_text (&f, g_ptr_array_index (stage->metrics, i), tolerance);

          flow_block (&f, "P", text, 11, FALSE, 4);
        }
      for (guint t = 0; t < stage->steps->len; t++)
        {
          JmStep *step = g_ptr_array_index (stage->steps, t);

          flow_block (&f, "H3", step->name, 13, TRUE, 10);
          for (guint l = 0; l < lanes->len; l++)
            {
              JmLane *lane = g_ptr_array_index (lanes, l);

              /* Through a view, its lanes only. */
              if (!jm_layout_shows_lane (layout, lane->id))
                continue;
              for (guint c = 0; c < lane->cards->len; c++)
                {
                  JmCard *card = g_ptr_array_index (lane->cards, c);
                  g_autofree char *text = NULL;

                  if (g_strcmp0 (card->step_id, step->id) != 0
                      || (options->persona_id != NULL && !jm_card_applies_to (card, options->persona_id)))
                    continue;
                  text = card_text (&f, lane, card);
                  flow_block (&f, "P", text, 11, FALSE, 4);
                }
            }
        }
      cairo_tag_end (cr, "Sect");
    }

  /* The emotion curves' text alternative: each persona's score at each step. */
  cairo_tag_begin (cr, "Sect", NULL);
  flow_block (&f, "H2", jm_lane_kind_get_label_in (JM_LANE_EMOTIONS, f.lang), 16, TRUE, 18);
  for (guint p = 0; p < personas->len; p++)
    {
      JmPersona *persona = g_ptr_array_index (personas, p);

      if ((options->persona_id != NULL && g_strcmp0 (options->persona_id, persona->id) != 0)
          || !jm_layout_shows_persona (layout, persona->id))
        continue;
      for (JmMapState curve = JM_MAP_STATE_CURRENT; curve < JM_N_MAP_STATES; curve++)
        {
          g_autoptr(GString) line = g_string_new (NULL);
          guint scored = 0;

          g_string_append_printf (line, "%s (%s): ", persona->name,
                                  jm_map_state_get_label_in (curve, f.lang));
          for (guint s = 0; s < stages->len; s++)
            {
              JmStage *stage = g_ptr_array_index (stages, s);

              for (guint t = 0; t < stage->steps->len; t++)
                {
                  JmStep *step = g_ptr_array_index (stage->steps, t);
                  const JmEmotion *e = jm_document_get_emotion (doc, persona->id, step->id, curve);
                  g_autofree char *score = e != NULL ? score_text (&f, e->score) : g_strdup ("—");

                  g_string_append_printf (line, "%s%s %s", s + t > 0 ? "; " : "", step->name, score);
                  scored += e != NULL;
                }
            }
          if (scored > 0)
            flow_block (&f, "P", line->str, 11, FALSE, 4);
        }
    }
  cairo_tag_end (cr, "Sect");

  cairo_show_page (cr);
  g_object_unref (f.layout);
  cairo_restore (cr);
  return f.pages + 1;
}

void
jm_pdf_text_draw (JmLayout *layout,
                  cairo_t  *cr,
                  double    page_width,
                  double    page_height)
{
  g_return_if_fail (JM_IS_LAYOUT (layout));
  g_return_if_fail (cr != NULL);

  flow_map (layout, cr, page_width, page_height);
}

static cairo_status_t
discard (void                *closure,
         const unsigned char *data,
         unsigned int         length)
{
  return CAIRO_STATUS_SUCCESS;
}

guint
jm_pdf_text_count_pages (JmLayout *layout,
                         double    page_width,
                         double    page_height)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  guint pages;

  g_return_val_if_fail (JM_IS_LAYOUT (layout), 0);

  /* The same flow into a PDF thrown away as it is written: the count is
   * what the PDF gets (a surface of another kind measures text with other
   * font options, and breaks pages elsewhere). */
  surface = cairo_pdf_surface_create_for_stream (discard, NULL, page_width, page_height);
  cr = cairo_create (surface);
  pages = flow_map (layout, cr, page_width, page_height);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return pages;
}

GBytes *
jm_pdf_lang_update (const char *tail,
                    gsize       tail_len,
                    guint64     total,
                    const char *language)
{
  g_autofree char *text = NULL;
  g_autofree char *object_start = NULL;
  gsize from = tail_len;
  const char *trailer, *startxref, *root, *obj, *dict, *end, *info;
  guint root_num, size, info_num = 0;
  guint64 prev;
  GString *out;
  guint64 offset;

  if (language == NULL || !jm_i18n_language_is_valid (language))
    return NULL;
  /* The catalog, the cross-reference table and the trailer are text at the
   * end, after the last binary stream: search from the last NUL on. */
  while (from > 0 && tail[from - 1] != '\0')
    from--;
  text = g_strndup (tail + from, tail_len - from);
  trailer = g_strrstr (text, "trailer");
  startxref = g_strrstr (text, "startxref");
  if (trailer == NULL || startxref == NULL
      || (root = strstr (trailer, "/Root ")) == NULL || sscanf (root, "/Root %u 0 R", &root_num) != 1
      || (strstr (trailer, "/Size ") == NULL || sscanf (strstr (trailer, "/Size "), "/Size %u", &size) != 1)
      || sscanf (startxref, "startxref %" G_GUINT64_FORMAT, &prev) != 1)
    return NULL;
  if ((info = strstr (trailer, "/Info ")) != NULL && sscanf (info, "/Info %u 0 R", &info_num) != 1)
    info_num = 0;
  object_start = g_strdup_printf ("\n%u 0 obj", root_num);
  obj = g_strrstr (text, object_start);
  if (obj == NULL || (dict = strstr (obj, "<<")) == NULL || (end = strstr (dict, "endobj")) == NULL || end > trailer)
    return NULL;
  while (end > dict && (end[-1] == '\n' || end[-1] == '\r' || end[-1] == ' '))
    end--;
  if (end - dict < 4 || memcmp (end - 2, ">>", 2) != 0 || g_strstr_len (dict, end - dict, "/Lang") != NULL)
    return NULL;

  out = g_string_new ("\n");
  offset = total + out->len;
  g_string_append_printf (out, "%u 0 obj\n<< /Lang (%s)", root_num, language);
  g_string_append_len (out, dict + 2, end - dict - 2);
  g_string_append (out, "\nendobj\n");
  {
    guint64 xref = total + out->len;

    g_string_append_printf (out, "xref\n%u 1\n%010" G_GUINT64_FORMAT " 00000 n \n", root_num, offset);
    g_string_append_printf (out, "trailer\n<< /Size %u /Root %u 0 R", size, root_num);
    if (info_num > 0)
      g_string_append_printf (out, " /Info %u 0 R", info_num);
    g_string_append_printf (out, " /Prev %" G_GUINT64_FORMAT " >>\nstartxref\n%" G_GUINT64_FORMAT "\n%%%%EOF\n",
                            prev, xref);
  }
  return g_string_free_to_bytes (out);
}
