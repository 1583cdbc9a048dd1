/* jm-persona-sheet.c — one page per persona: photo, name, age and
 * occupation, quote, bio, goals, needs, frustrations, interests and
 * hobbies, preferred channels, and the persona's emotion curve across the
 * stages. Drawn with the painter's helpers, in the map's language, on any
 * cairo context: PDF (tagged), PNG and print. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "jm-i18n.h"
#include "jm-icons.h"
#include "jm-layout-private.h"
#include "jm-painter-private.h"
#include "jm-persona-sheet.h"

#define M 48.0          /* page margin, map units */
#define CHART_H 250.0
#define FOOTER_H 56.0

#define TR(l, msgid) jm_i18n_gettext (jm_layout_get_language (l), msgid)

typedef struct {
  JmLayout            *layout;
  cairo_t             *cr;
  const JmThemeColors *colors;
  JmColor              accent;
} Sheet;

static double
heading (Sheet      *s,
         const char *text,
         double      x,
         double      y,
         double      width)
{
  cairo_rectangle (s->cr, x, y + 3, 4, 16);
  cairo_set_source_rgba (s->cr, s->accent.r, s->accent.g, s->accent.b, 1);
  cairo_fill (s->cr);
  return jm_page_draw_text (s->layout, s->cr, "H2", text, 15, TRUE, FALSE, x + 12, y, width - 12, 1,
                            s->colors->text) + 8;
}

/* A list under its heading in at most height: items that do not fit are
 * counted in "and N more". Returns the height used. */
static double
section (Sheet              *s,
         const char         *title,
         const char * const *items,
         double              x,
         double              y,
         double              width,
         double              height)
{
  guint n = items != NULL ? g_strv_length ((char **) items) : 0;
  double used, line = jm_page_measure_text (s->layout, "Ag", 12.5, FALSE, -1, 1);

  if (n == 0)
    return 0;
  used = heading (s, title, x, y, width);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *bullet = g_strdup_printf ("•  %s", items[i]);
      double h = jm_page_measure_text (s->layout, bullet, 12.5, FALSE, width - 12, 3);
      gboolean last = i + 1 == n;

      /* Room for this item and, unless it is the last, for "and N more". */
      if (used + h + (last ? 0 : line + 4) > height)
        {
          g_autofree char *more = jm_page_and_more (s->layout, n - i);

          used += jm_page_draw_text (s->layout, s->cr, "P", more, 12.5, FALSE, TRUE, x + 12, y + used, width - 12,
                                     1, s->colors->text_dim) + 4;
          break;
        }
      used += jm_page_draw_text (s->layout, s->cr, "P", bullet, 12.5, FALSE, FALSE, x + 12, y + used, width - 12, 3,
                                 s->colors->text) + 4;
    }
  return used;
}

static double
section_height (Sheet              *s,
                const char * const *items,
                double              width)
{
  double h = 0;

  if (items == NULL || items[0] == NULL)
    return 0;
  h = jm_page_measure_text (s->layout, "Ag", 15, TRUE, -1, 1) + 8;
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *bullet = g_strdup_printf ("•  %s", items[i]);

      h += jm_page_measure_text (s->layout, bullet, 12.5, FALSE, width - 12, 3) + 4;
    }
  return h;
}

static double
draw_top (Sheet           *s,
          const JmPersona *persona,
          guint            index,
          double           width)
{
  cairo_t *cr = s->cr;
  cairo_surface_t *photo = jm_painter_get_image (s->layout, persona->photo, persona->photo_type);
  double y = M + 16, d = 132, tx = M + d + 28, tw = width - M - tx, ty = y;
  g_autoptr(GString) meta = g_string_new (NULL);

  /* The persona's colour across the top, as on the map's curves. */
  jm_painter_rounded_rect (cr, M, M, width - 2 * M, 6, 3);
  cairo_set_source_rgba (cr, s->accent.r, s->accent.g, s->accent.b, 1);
  cairo_fill (cr);

  jm_page_tag_begin (cr, "Figure");
  if (photo != NULL)
    jm_painter_draw_image_in (cr, photo, M, y, d, d, TRUE);
  else
    {
      g_autofree char *initial = g_utf8_substring (persona->name ? persona->name : "?", 0, 1);
      g_autoptr(PangoLayout) pl = jm_layout_make_text (s->layout, initial, 56, TRUE, -1);
      JmColor on = jm_theme_text_on (s->accent);
      int iw, ih;

      cairo_arc (cr, M + d / 2, y + d / 2, d / 2, 0, 2 * G_PI);
      cairo_set_source_rgba (cr, s->accent.r, s->accent.g, s->accent.b, 1);
      cairo_fill (cr);
      pango_layout_get_pixel_size (pl, &iw, &ih);
      cairo_set_source_rgba (cr, on.r, on.g, on.b, 1);
      cairo_move_to (cr, M + (d - iw) / 2, y + (d - ih) / 2);
      pango_cairo_show_layout (cr, pl);
    }
  cairo_arc (cr, M + d / 2, y + d / 2, d / 2 + 1.5, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, s->accent.r, s->accent.g, s->accent.b, 1);
  cairo_set_line_width (cr, 4);
  cairo_stroke (cr);
  jm_page_tag_end (cr, "Figure");

  ty += jm_page_draw_text (s->layout, cr, "H1", persona->name, 30, TRUE, FALSE, tx, ty, tw, 2, s->colors->text) + 4;
  if (persona->age > 0)
    /* Translators: a persona's age */
    g_string_append_printf (meta, TR (s->layout, N_("%u years")), persona->age);
  if (persona->occupation != NULL && *persona->occupation != '\0')
    g_string_append_printf (meta, "%s%s", meta->len > 0 ? " · " : "", persona->occupation);
  ty += jm_page_draw_text (s->layout, cr, "P", meta->str, 15, FALSE, FALSE, tx, ty, tw, 2, s->colors->text_dim) + 10;
  if (persona->quote != NULL && *persona->quote != '\0')
    {
      g_autofree char *quoted = g_strdup_printf ("“%s”", persona->quote);

      ty += jm_page_draw_text (s->layout, cr, "BlockQuote", quoted, 16, FALSE, TRUE, tx, ty, tw, 4,
                               s->colors->text);
    }
  return MAX (y + d, ty) + 24;
}

static double
draw_channels (Sheet           *s,
               const JmPersona *persona,
               double           y,
               double           width)
{
  const char *lang = jm_layout_get_language (s->layout);
  double x = M + 12, used;

  if (persona->channels == NULL || persona->channels->len == 0)
    return 0;
  used = heading (s, TR (s->layout, N_("Preferred channels")), M, y, width - 2 * M);
  jm_page_tag_begin (s->cr, "P");
  for (guint i = 0; i < persona->channels->len; i++)
    {
      JmChannel channel = g_array_index (persona->channels, JmChannel, i);
      const char *label = jm_channel_get_label_in (channel, lang);
      g_autofree char *text = g_strdup_printf ("%s%s", label, i + 1 < persona->channels->len ? "," : "");
      g_autoptr(PangoLayout) pl = jm_layout_make_text (s->layout, text, 12.5, FALSE, -1);
      int w;

      pango_layout_get_pixel_size (pl, &w, NULL);
      if (x + 24 + w > width - M)
        break;
      cairo_set_source_rgba (s->cr, s->colors->text_dim.r, s->colors->text_dim.g, s->colors->text_dim.b, 1);
      jm_icon_draw_channel (s->cr, channel, x, y + used + 1, 16);
      cairo_set_source_rgba (s->cr, s->colors->text.r, s->colors->text.g, s->colors->text.b, 1);
      cairo_move_to (s->cr, x + 22, y + used);
      pango_cairo_show_layout (s->cr, pl);
      x += 22 + w + 18;
    }
  jm_page_tag_end (s->cr, "P");
  return used + 30;
}

void
jm_persona_sheet_draw (JmLayout   *layout,
                       cairo_t    *cr,
                       const char *persona_id,
                       double      width,
                       double      height)
{
  JmDocument *doc;
  JmPersona *persona = NULL;
  GPtrArray *personas;
  guint index = 0;
  Sheet s;
  double y, col_w, bottom, chart_top, rows_room, h_goals, h_needs, h_frus, h_int, row1, row2;
  const char *interests_title;

  g_return_if_fail (JM_IS_LAYOUT (layout) && cr != NULL && persona_id != NULL);

  doc = jm_layout_get_document (layout);
  personas = jm_document_get_personas (doc);
  for (guint i = 0; i < personas->len; i++)
    if (g_strcmp0 (((JmPersona *) g_ptr_array_index (personas, i))->id, persona_id) == 0)
      {
        persona = g_ptr_array_index (personas, i);
        index = i;
      }
  g_return_if_fail (persona != NULL);

  s.layout = layout;
  s.cr = cr;
  s.colors = jm_theme_get_colors (layout->options.theme);
  s.accent = jm_painter_persona_color (layout->options.theme, persona, index);

  cairo_save (cr);
  jm_page_draw_frame (layout, cr, width, height);
  y = draw_top (&s, persona, index, width);

  if (persona->bio != NULL && *persona->bio != '\0')
    {
      y += heading (&s, TR (layout, N_("Bio")), M, y, width - 2 * M);
      y += jm_page_draw_text (layout, cr, "P", persona->bio, 13, FALSE, FALSE, M + 12, y, width - 2 * M - 12, 7,
                              s.colors->text) + 20;
    }

  /* The emotion chart and the channels at the bottom; the four lists
   * share what is left between them, two by two. */
  bottom = height - FOOTER_H;
  chart_top = bottom - CHART_H;
  if (persona->channels != NULL && persona->channels->len > 0)
    chart_top -= 62;
  col_w = (width - 2 * M - 32) / 2;
  interests_title = TR (layout, N_("Interests and hobbies"));
  h_goals = section_height (&s, (const char * const *) persona->goals, col_w);
  h_needs = section_height (&s, (const char * const *) persona->needs, col_w);
  h_frus = section_height (&s, (const char * const *) persona->frustrations, col_w);
  h_int = section_height (&s, (const char * const *) persona->interests, col_w);
  rows_room = MAX (0, chart_top - y - 16);
  row1 = MAX (h_goals, h_needs);
  row2 = MAX (h_frus, h_int);
  if (row1 + row2 + 16 > rows_room)
    {
      /* Each row gets its share, the shorter one no more than it needs. */
      double half = (rows_room - 16) / 2;

      if (row1 <= half)
        row2 = rows_room - 16 - row1;
      else if (row2 <= half)
        row1 = rows_room - 16 - row2;
      else
        row1 = row2 = half;
    }
  {
    /* Each list drawn once: MAX() would evaluate its arguments twice. */
    double goals = section (&s, TR (layout, N_("Goals")), (const char * const *) persona->goals, M, y, col_w, row1);
    double needs = section (&s, TR (layout, N_("Needs")), (const char * const *) persona->needs, M + col_w + 32, y,
                            col_w, row1);
    double frustrations, interests;

    if (MAX (goals, needs) > 0)
      y += MAX (goals, needs) + 16;
    frustrations = section (&s, TR (layout, N_("Frustrations")), (const char * const *) persona->frustrations, M, y,
                            col_w, row2);
    interests = section (&s, interests_title, (const char * const *) persona->interests, M + col_w + 32, y, col_w,
                         row2);
    if (MAX (frustrations, interests) > 0)
      y += MAX (frustrations, interests) + 16;
  }

  /* The channels and the curve follow; the curve takes the room left,
   * up to a height that keeps its faces near each other. */
  y += draw_channels (&s, persona, y, width);
  {
    JmRect area = { M, 0, width - 2 * M, 0 };

    y += heading (&s, TR (layout, N_("Emotions across the stages")), M, y, width - 2 * M);
    area.y = y;
    area.height = MIN (bottom - y - 8, 380);
    jm_emotion_chart_draw (layout, cr, &area, persona->id);
  }
  cairo_restore (cr);
}
