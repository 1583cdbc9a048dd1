/* jm-page.c — what the pages drawn from a map share: text in the map's
 * font, the page's ground and footer, and the emotion chart (a persona's
 * curve, or every persona's, across all the map's steps). The persona
 * sheets (jm-persona-sheet.c) and the summary handout (jm-handout.c) are
 * drawn with these and the painter's own helpers, so a face or a colour
 * looks the same on the map, the sheet and the handout. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "jm-i18n.h"
#include "jm-layout-private.h"
#include "jm-painter-private.h"
#include "jm-persona-sheet.h"

#define TR(l, msgid) jm_i18n_gettext (jm_layout_get_language (l), msgid)

static const cairo_user_data_key_t untagged_key;

void
jm_page_set_untagged (cairo_t *cr)
{
  cairo_set_user_data (cr, &untagged_key, GINT_TO_POINTER (1), NULL);
}

void
jm_page_tag_begin (cairo_t    *cr,
                   const char *tag)
{
  if (cairo_get_user_data (cr, &untagged_key) == NULL)
    cairo_tag_begin (cr, tag, NULL);
}

void
jm_page_tag_end (cairo_t    *cr,
                 const char *tag)
{
  if (cairo_get_user_data (cr, &untagged_key) == NULL)
    cairo_tag_end (cr, tag);
}

static PangoLayout *
page_text (JmLayout   *layout,
           const char *text,
           double      size,
           gboolean    bold,
           gboolean    italic,
           double      width,
           int         max_lines)
{
  PangoLayout *pl = jm_layout_make_text (layout, text, size, bold, width);

  if (italic)
    {
      PangoFontDescription *font = pango_font_description_copy (pango_layout_get_font_description (pl));

      pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
      pango_layout_set_font_description (pl, font);
      pango_font_description_free (font);
    }
  if (max_lines > 0)
    {
      pango_layout_set_height (pl, -max_lines);
      pango_layout_set_ellipsize (pl, PANGO_ELLIPSIZE_END);
      if (width <= 0)
        pango_layout_set_ellipsize (pl, PANGO_ELLIPSIZE_NONE);
    }
  return pl;
}

double
jm_page_draw_text (JmLayout   *layout,
                   cairo_t    *cr,
                   const char *tag,
                   const char *text,
                   double      size,
                   gboolean    bold,
                   gboolean    italic,
                   double      x,
                   double      y,
                   double      width,
                   int         max_lines,
                   JmColor     color)
{
  g_autoptr(PangoLayout) pl = NULL;
  int h;

  if (text == NULL || *text == '\0')
    return 0;
  pl = page_text (layout, text, size, bold, italic, width, max_lines);
  pango_layout_get_pixel_size (pl, NULL, &h);
  if (tag != NULL)
    jm_page_tag_begin (cr, tag);
  cairo_set_source_rgba (cr, color.r, color.g, color.b, color.a);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, pl);
  if (tag != NULL)
    jm_page_tag_end (cr, tag);
  return h;
}

double
jm_page_measure_text (JmLayout   *layout,
                      const char *text,
                      double      size,
                      gboolean    bold,
                      double      width,
                      int         max_lines)
{
  g_autoptr(PangoLayout) pl = NULL;
  int h;

  if (text == NULL || *text == '\0')
    return 0;
  pl = page_text (layout, text, size, bold, FALSE, width, max_lines);
  pango_layout_get_pixel_size (pl, NULL, &h);
  return h;
}

void
jm_page_draw_frame (JmLayout *layout,
                    cairo_t  *cr,
                    double    width,
                    double    height)
{
  const JmThemeColors *colors = jm_theme_get_colors (layout->options.theme);
  JmDocument *doc = jm_layout_get_document (layout);
  g_autofree char *date = jm_i18n_format_date (jm_layout_get_language (layout), layout->date);
  /* Translators: the footer of a rendered map: "Journey Maps · 2026-11-23" */
  g_autofree char *credit = g_strdup_printf (TR (layout, N_("Journey Maps · %s")), date);
  g_autoptr(PangoLayout) pl = jm_layout_make_text (layout, credit, 10, FALSE, -1);
  double y = height - 40;
  int w;

  /* Not cairo_paint(), nor a rectangle the size of the page, which cairo
   * turns into one: cairo 1.16's tagged PDF refuses a paint inside a
   * structure element ("invalid tag nesting"). A path with a (straight)
   * curve is not a rectangle to cairo, and fills the same. */
  cairo_set_source_rgba (cr, colors->background.r, colors->background.g, colors->background.b, 1);
  cairo_move_to (cr, 0, 0);
  cairo_curve_to (cr, width / 3, 0, 2 * width / 3, 0, width, 0);
  cairo_line_to (cr, width, height);
  cairo_line_to (cr, 0, height);
  cairo_close_path (cr);
  cairo_fill (cr);

  cairo_rectangle (cr, 48, y - 8, width - 96, 1);
  cairo_set_source_rgba (cr, colors->grid.r, colors->grid.g, colors->grid.b, colors->grid.a);
  cairo_fill (cr);
  jm_page_tag_begin (cr, "P");
  pango_layout_get_pixel_size (pl, &w, NULL);
  jm_page_draw_text (layout, cr, NULL, jm_document_get_title (doc), 10, FALSE, FALSE, 48, y,
                     width - 96 - w - 24, 1, colors->text_dim);
  cairo_set_source_rgba (cr, colors->text_dim.r, colors->text_dim.g, colors->text_dim.b, colors->text_dim.a);
  cairo_move_to (cr, width - 48 - w, y);
  pango_cairo_show_layout (cr, pl);
  jm_page_tag_end (cr, "P");
}

char *
jm_page_and_more (JmLayout *layout,
                  guint     n)
{
  /* Translators: the end of a list cut short to fit a page: "and 3 more" */
  return g_strdup_printf (TR (layout, N_("and %u more")), n);
}

/* ---- the emotion chart ---- */

static gboolean
persona_has_curve (JmDocument *doc,
                   const char *persona_id,
                   JmMapState  curve)
{
  GPtrArray *emotions = jm_document_get_emotions (doc);

  for (guint i = 0; i < emotions->len; i++)
    {
      const JmEmotion *e = g_ptr_array_index (emotions, i);

      if (e->curve == curve && g_strcmp0 (e->persona_id, persona_id) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
chart_curve (JmLayout            *layout,
             cairo_t             *cr,
             const JmThemeColors *colors,
             const JmPersona     *persona,
             JmColor              color,
             JmMapState           curve,
             const double        *step_x,
             double               top,
             double               bottom,
             gboolean             faces)
{
  JmDocument *doc = jm_layout_get_document (layout);
  guint n_steps = jm_document_get_n_steps (doc);
  g_autofree double *xs = g_new (double, MAX (n_steps, 1));
  g_autofree double *ys = g_new (double, MAX (n_steps, 1));
  g_autofree double *scores = g_new (double, MAX (n_steps, 1));
  guint n = 0;

  for (guint c = 0; c < n_steps; c++)
    {
      const JmEmotion *e = jm_document_get_emotion (doc, persona->id, jm_document_get_step (doc, c)->id, curve);

      if (e == NULL)
        continue;
      xs[n] = step_x[c];
      /* +2 at the top, −2 at the bottom, as on the map. */
      ys[n] = top + (JM_EMOTION_MAX - e->score) / (JM_EMOTION_MAX - JM_EMOTION_MIN) * (bottom - top);
      scores[n++] = e->score;
    }
  if (n == 0)
    return;

  cairo_save (cr);
  cairo_set_source_rgba (cr, color.r, color.g, color.b, color.a);
  cairo_set_line_width (cr, 3 * colors->line_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  if (curve == JM_MAP_STATE_FUTURE)
    {
      static const double dash[] = { 8, 6 };

      cairo_set_dash (cr, dash, 2, 0);
    }
  cairo_move_to (cr, xs[0], ys[0]);
  for (guint i = 0; i + 1 < n; i++)
    for (int k = 1; k <= 12; k++)
      {
        double x = xs[i] + (xs[i + 1] - xs[i]) * k / 12;

        cairo_line_to (cr, x, jm_monotone_curve_eval (xs, ys, n, x));
      }
  cairo_stroke (cr);
  cairo_restore (cr);

  for (guint i = 0; i < n; i++)
    {
      if (faces)
        jm_painter_draw_face (cr, colors, TRUE, xs[i], ys[i], scores[i], color, curve == JM_MAP_STATE_FUTURE);
      else
        {
          cairo_arc (cr, xs[i], ys[i], 4, 0, 2 * G_PI);
          cairo_set_source_rgba (cr, color.r, color.g, color.b, color.a);
          cairo_fill (cr);
        }
    }
}

void
jm_emotion_chart_draw (JmLayout     *layout,
                       cairo_t      *cr,
                       const JmRect *area,
                       const char   *persona_id)
{
  JmDocument *doc;
  const JmThemeColors *colors;
  GPtrArray *personas, *stages;
  guint n_steps;
  g_autofree double *step_x = NULL;
  double x0, x1, top, bottom, zero, pitch;
  static const double dotted[] = { 3, 5 };
  gboolean faces;
  int first = 0;

  g_return_if_fail (JM_IS_LAYOUT (layout) && cr != NULL && area != NULL);

  doc = jm_layout_get_document (layout);
  colors = jm_theme_get_colors (layout->options.theme);
  personas = jm_document_get_personas (doc);
  stages = jm_document_get_stages (doc);
  n_steps = jm_document_get_n_steps (doc);
  if (n_steps == 0)
    return;

  jm_page_tag_begin (cr, "Figure");
  x0 = area->x + 34;
  x1 = area->x + area->width;
  top = area->y + 16;
  bottom = area->y + area->height - 44;
  zero = (top + bottom) / 2;
  pitch = (x1 - x0) / n_steps;
  faces = pitch >= 30;
  step_x = g_new (double, n_steps);
  for (guint c = 0; c < n_steps; c++)
    step_x[c] = x0 + (c + 0.5) * pitch;

  /* The scale, and the zero line dotted. */
  jm_page_draw_text (layout, cr, NULL, "+2", 10, TRUE, FALSE, area->x + 4, top - 7, -1, 0, colors->text_dim);
  jm_page_draw_text (layout, cr, NULL, "0", 10, TRUE, FALSE, area->x + 12, zero - 7, -1, 0, colors->text_dim);
  jm_page_draw_text (layout, cr, NULL, "−2", 10, TRUE, FALSE, area->x + 4, bottom - 7, -1, 0, colors->text_dim);
  cairo_save (cr);
  cairo_set_dash (cr, dotted, 2, 0);
  cairo_set_source_rgba (cr, colors->grid.r, colors->grid.g, colors->grid.b, colors->grid.a);
  cairo_set_line_width (cr, colors->line_width);
  for (int s = -2; s <= 2; s += 2)
    {
      double y = top + (JM_EMOTION_MAX - s) / (JM_EMOTION_MAX - JM_EMOTION_MIN) * (bottom - top);

      cairo_move_to (cr, x0, y);
      cairo_line_to (cr, x1, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  /* Each stage's steps under the chart: its colour as a bar, its name. */
  for (guint i = 0; i < stages->len; i++)
    {
      JmStage *stage = g_ptr_array_index (stages, i);
      double sx = x0 + first * pitch, sw = stage->steps->len * pitch;
      JmColor color;

      if (stage->color == NULL || !jm_color_parse (stage->color, &color))
        color = jm_theme_palette (layout->options.theme, i);
      cairo_rectangle (cr, sx + 2, bottom + 16, sw - 4, 4);
      cairo_set_source_rgba (cr, color.r, color.g, color.b, color.a);
      cairo_fill (cr);
      jm_page_draw_text (layout, cr, "P", stage->name, 10.5, TRUE, FALSE, sx + 4, bottom + 24, sw - 8, 1,
                         colors->text);
      first += (int) stage->steps->len;
    }

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < personas->len; i++)
      {
        JmPersona *persona = g_ptr_array_index (personas, i);
        JmMapState curve = pass == 0 ? JM_MAP_STATE_FUTURE : JM_MAP_STATE_CURRENT;
        JmColor color = jm_painter_persona_color (layout->options.theme, persona, i);

        if (persona_id != NULL ? g_strcmp0 (persona_id, persona->id) != 0
                               : !jm_layout_shows_persona (layout, persona->id))
          continue;
        if (!persona_has_curve (doc, persona->id, curve))
          continue;
        chart_curve (layout, cr, colors, persona, color, curve, step_x, top, bottom, faces);
      }
  jm_page_tag_end (cr, "Figure");
}
