/* jm-deck.c — the slides of a deck and the shapes on them. Stage slides
 * are cut as the presentation mode cuts them (jm_presentation_slides) and
 * placed from the map's own layout, at one scale for every stage: each
 * card, step name and lane title lands where the map has it, as a shape
 * the office suite can move, retype and recolour. Text is measured with
 * the map's font, so the sizes chosen fit the boxes. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "jm-deck.h"
#include "jm-image.h"
#include "jm-metrics-table.h"
#include "jm-presentation.h"

/* Slides: 13.33 × 7.5 inches (16:9) or 10 × 7.5 (4:3), in points. */
#define SLIDE_W_WIDE   960.0
#define SLIDE_W_NARROW 720.0
#define SLIDE_H        540.0

/* Stage slides are cut as the presentation mode cuts them for a screen of
 * the slide's size at 96 dpi with its default smallest text; cards' text
 * (14 map units) is never larger than STAGE_MAX_TEXT_PT: a narrow stage
 * is not blown up. */
#define PX_PER_PT            (96.0 / 72.0)
#define PRESENT_MIN_TEXT_PX  14.0
#define STAGE_MAX_TEXT_PT    19.0
#define STAGE_GROWTH         1.25
#define CARD_TEXT_UNITS   14.0
#define STAGE_MARGIN      16.0

/* The overview's picture: pixels per inch of the slide. */
#define OVERVIEW_PPI 192.0

/* Office suites set text a little wider than pango does: sizes chosen by
 * measuring are taken down by this much, and heights measured up. */
#define FONT_FIT     0.94
#define HEIGHT_SLACK 1.08

/* Map units that the layout keeps to itself (jm-layout-private.h): the
 * stage header's height and the lane titles' column. */
#define MAP_MARGIN    40.0
#define MAP_TITLE_W   200.0
#define MAP_STAGE_H   52.0
#define MAP_CARD_PAD  10.0
#define MAP_CHIP_H    20.0
#define MAP_BADGE_H   22.0

#define FONT_FAMILY "Cantarell"

static const JmColor white = { 1, 1, 1, 1 };

typedef struct {
  JmDocument            *doc;
  const JmExportOptions *options;
  JmLayout              *layout;
  JmTheme                theme;
  const JmThemeColors   *colors;
  JmDeck                *deck;
  PangoFontMap          *font_map;
  PangoContext          *context;
  GHashTable            *names;     /* slide names taken */
  char                  *date;
} Builder;

/* ---- shapes ---- */

static void
run_free (gpointer data)
{
  JmDeckRun *run = data;

  g_free (run->text);
  g_free (run);
}

static void
para_free (gpointer data)
{
  JmDeckPara *para = data;

  g_ptr_array_unref (para->runs);
  g_free (para);
}

static void
shape_free (gpointer data)
{
  JmDeckShape *shape = data;

  g_free (shape->name);
  g_free (shape->description);
  g_ptr_array_unref (shape->paragraphs);
  g_clear_pointer (&shape->path, g_array_unref);
  g_clear_pointer (&shape->image, g_bytes_unref);
  g_free (shape->image_type);
  g_clear_pointer (&shape->column_widths, g_array_unref);
  g_clear_pointer (&shape->row_heights, g_array_unref);
  g_clear_pointer (&shape->children, g_ptr_array_unref);
  g_free (shape);
}

static JmDeckShape *
shape_add (GPtrArray       *container,
           JmDeckShapeKind  kind,
           const char      *name,
           double           x,
           double           y,
           double           width,
           double           height)
{
  JmDeckShape *shape = g_new0 (JmDeckShape, 1);

  shape->kind = kind;
  shape->name = g_strdup (name);
  shape->x = x;
  shape->y = y;
  shape->width = MAX (width, 0.5);
  shape->height = MAX (height, 0.5);
  shape->paragraphs = g_ptr_array_new_with_free_func (para_free);
  shape->anchor = JM_DECK_ANCHOR_TOP;
  if (kind == JM_DECK_SHAPE_GROUP || kind == JM_DECK_SHAPE_TABLE)
    shape->children = g_ptr_array_new_with_free_func (shape_free);
  g_ptr_array_add (container, shape);
  return shape;
}

static void
shape_fill (JmDeckShape *shape,
            JmColor      color)
{
  shape->filled = TRUE;
  shape->fill = color;
}

static void
shape_stroke (JmDeckShape *shape,
              JmColor      color,
              double       width)
{
  shape->stroked = TRUE;
  shape->stroke = color;
  shape->stroke_width = width;
}

static void
shape_insets (JmDeckShape *shape,
              double       left,
              double       top,
              double       right,
              double       bottom)
{
  shape->inset[0] = MAX (0, left);
  shape->inset[1] = MAX (0, top);
  shape->inset[2] = MAX (0, right);
  shape->inset[3] = MAX (0, bottom);
}

static JmDeckPara *
shape_para (JmDeckShape *shape,
            JmDeckAlign  align)
{
  JmDeckPara *para = g_new0 (JmDeckPara, 1);

  para->runs = g_ptr_array_new_with_free_func (run_free);
  para->align = align;
  g_ptr_array_add (shape->paragraphs, para);
  return para;
}

/* Adds text to a paragraph; each newline in it becomes a line break. */
static void
para_text (JmDeckPara *para,
           const char *text,
           double      size,
           gboolean    bold,
           gboolean    italic,
           JmColor     color)
{
  g_auto(GStrv) lines = g_strsplit (text ? text : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      JmDeckRun *run = g_new0 (JmDeckRun, 1);

      g_strchomp (lines[i]);   /* a \r before the \n */
      run->text = g_strdup (lines[i]);
      run->size = round (size * 10) / 10;
      run->bold = bold;
      run->italic = italic;
      run->color = color;
      run->line_break = i > 0;
      g_ptr_array_add (para->runs, run);
    }
}

/* A text box with one paragraph. */
static JmDeckShape *
add_text (GPtrArray   *container,
          const char  *name,
          double       x,
          double       y,
          double       width,
          double       height,
          const char  *text,
          double       size,
          gboolean     bold,
          JmColor      color,
          JmDeckAlign  align)
{
  JmDeckShape *shape = shape_add (container, JM_DECK_SHAPE_TEXT, name, x, y, width, height);

  para_text (shape_para (shape, align), text, size, bold, FALSE, color);
  return shape;
}

static JmDeckShape *
add_rect (GPtrArray  *container,
          const char *name,
          double      x,
          double      y,
          double      width,
          double      height,
          double      radius,
          JmColor     fill)
{
  JmDeckShape *shape = shape_add (container, JM_DECK_SHAPE_RECT, name, x, y, width, height);

  shape->radius = radius;
  shape_fill (shape, fill);
  return shape;
}

/* ---- measuring text with the map's font ---- */

static PangoLayout *
make_text (Builder    *b,
           const char *text,
           double      size,
           gboolean    bold,
           gboolean    italic,
           double      width)
{
  PangoLayout *layout = pango_layout_new (b->context);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY ", Sans");

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  if (italic)
    pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

static double
text_height (Builder    *b,
             const char *text,
             double      size,
             gboolean    bold,
             gboolean    italic,
             double      width)
{
  g_autoptr(PangoLayout) layout = make_text (b, text, size, bold, italic, width);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return logical.height / (double) PANGO_SCALE * HEIGHT_SLACK;
}

static double
text_width (Builder    *b,
            const char *text,
            double      size,
            gboolean    bold)
{
  g_autoptr(PangoLayout) layout = make_text (b, text, size, bold, FALSE, -1);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return logical.width / (double) PANGO_SCALE / FONT_FIT;
}

/* The largest size from size down to min_size at which text fits the box. */
static double
fit_size (Builder    *b,
          const char *text,
          gboolean    bold,
          gboolean    italic,
          double      width,
          double      height,
          double      size,
          double      min_size)
{
  for (; size > min_size; size -= MAX (0.5, size * 0.06))
    if (text_height (b, text, size, bold, italic, width * FONT_FIT) <= height)
      return size;
  return min_size;
}

/* ---- colours and labels ---- */

static JmColor
stage_color (Builder *b,
             JmStage *stage,
             guint    index)
{
  JmColor c;

  if (stage->color != NULL && jm_color_parse (stage->color, &c))
    return c;
  return jm_theme_palette (b->theme, index);
}

static JmColor
persona_color (Builder   *b,
               JmPersona *persona,
               guint      index)
{
  JmColor c;

  if (persona->color != NULL && jm_color_parse (persona->color, &c))
    return c;
  return jm_theme_palette (b->theme, index + 3);
}

/* Pain points take their severity's colour, other cards their lane's. */
static JmColor
card_accent (Builder      *b,
             JmLaneKind    kind,
             const JmCard *card)
{
  if (kind == JM_LANE_PAIN_POINTS && card->severity != JM_SEVERITY_NONE)
    return jm_theme_severity_color (b->theme, card->severity);
  return jm_theme_kind_color (b->theme, kind);
}

static JmColor
status_color (Builder       *b,
              JmMetricStatus status)
{
  switch (status)
    {
    case JM_METRIC_STATUS_MET:
      return b->colors->good;
    case JM_METRIC_STATUS_NEAR:
      return b->colors->warn;
    case JM_METRIC_STATUS_MISSED:
      return b->colors->bad;
    case JM_METRIC_STATUS_NONE:
    default:
      return b->colors->text_dim;
    }
}

static const char *
status_label (JmMetricStatus status)
{
  switch (status)
    {
    case JM_METRIC_STATUS_MET:
      /* Translators: a metric's status against its target, in the metrics table of a slide deck */
      return _("Met");
    case JM_METRIC_STATUS_NEAR:
      /* Translators: a metric's status: it misses its target, but only just */
      return _("Nearly met");
    case JM_METRIC_STATUS_MISSED:
      /* Translators: a metric's status: it misses its target */
      return _("Missed");
    case JM_METRIC_STATUS_NONE:
    default:
      /* Translators: a metric's status when it has no target */
      return _("No target");
    }
}

static char *
format_number (double      value,
               const char *unit)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (fabs (value - round (value)) < 0.05)
    g_ascii_formatd (buf, sizeof buf, "%.0f", value);
  else
    g_ascii_formatd (buf, sizeof buf, "%.1f", value);
  if (unit == NULL || *unit == '\0')
    return g_strdup (buf);
  if (*unit == '%')
    return g_strconcat (buf, "%", NULL);
  return g_strdup_printf ("%s %s", buf, unit);
}

static const char *
metric_unit (const JmMetric *m)
{
  return m->kind == JM_METRIC_CUSTOM ? m->unit : jm_metric_kind_get_unit (m->kind);
}

static const char *
metric_name (const JmMetric *m)
{
  return m->kind == JM_METRIC_CUSTOM && m->name ? m->name : jm_metric_kind_get_label (m->kind);
}

/* As the map's badges say it: "CSAT 82% / 85%". */
static char *
metric_label (const JmMetric *m)
{
  g_autofree char *value = format_number (m->value, metric_unit (m));

  if (m->has_target)
    {
      g_autofree char *target = format_number (m->target, metric_unit (m) && *metric_unit (m) == '%' ? "%" : NULL);
      /* Translators: a metric badge: "CSAT 82% / 85%" (value / target) */
      return g_strdup_printf (_("%s %s / %s"), metric_name (m), value, target);
    }
  return g_strdup_printf ("%s %s", metric_name (m), value);
}

/* A short name for a shape: the start of its text. */
static char *
shape_name (const char *what,
            const char *text)
{
  g_autofree char *start = NULL;

  if (text == NULL || *text == '\0')
    return g_strdup (what);
  start = g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, -1), 40));
  g_strdelimit (start, "\r\n\t", ' ');
  return g_strdup_printf ("%s: %s", what, start);
}

/* ---- slides ---- */

static void
slide_free (gpointer data)
{
  JmDeckSlide *slide = data;

  g_free (slide->name);
  g_ptr_array_unref (slide->shapes);
  g_free (slide->notes);
  g_free (slide);
}

static JmDeckSlide *
slide_new (Builder         *b,
           JmDeckSlideKind  kind,
           const char      *name)
{
  JmDeckSlide *slide = g_new0 (JmDeckSlide, 1);
  g_autofree char *unique = g_strdup (name && *name ? name : "-");

  /* Impress names its pages and wants the names unique. */
  for (guint n = 2; g_hash_table_contains (b->names, unique); n++)
    {
      g_free (unique);
      unique = g_strdup_printf ("%s (%u)", name, n);
    }
  g_hash_table_add (b->names, g_strdup (unique));

  slide->kind = kind;
  slide->name = g_steal_pointer (&unique);
  slide->n_parts = 1;
  slide->shapes = g_ptr_array_new_with_free_func (shape_free);
  g_ptr_array_add (b->deck->slides, slide);
  return slide;
}

/* A rounded label: a chip on a card, a metric badge, a channel. */
static JmDeckShape *
add_pill (Builder    *b,
          GPtrArray  *container,
          const char *name,
          const char *text,
          double      x,
          double      y,
          double      width,
          double      height,
          double      size,
          JmColor     tone,
          gboolean    solid)
{
  JmDeckShape *pill = shape_add (container, JM_DECK_SHAPE_RECT, name, x, y, width, height);

  pill->radius = height / 2;
  pill->anchor = JM_DECK_ANCHOR_MIDDLE;
  pill->no_wrap = TRUE;
  shape_insets (pill, 0, 0, 0, 0);
  if (solid && !b->colors->flat)
    {
      shape_fill (pill, tone);
      para_text (shape_para (pill, JM_DECK_ALIGN_CENTER), text, size, TRUE, FALSE, white);
    }
  else
    {
      shape_fill (pill, solid ? b->colors->surface : jm_color_mix (b->colors->surface, tone, 0.12));
      shape_stroke (pill, tone, MAX (0.75, size * 0.1));
      para_text (shape_para (pill, JM_DECK_ALIGN_CENTER), text, size, TRUE, FALSE, tone);
    }
  return pill;
}

/* Metric badges left to right from (x, y) within width, wrapping;
 * returns the height used. unit is points per map unit. */
static double
add_badges (Builder   *b,
            GPtrArray *container,
            GPtrArray *metrics,
            double     x,
            double     y,
            double     width,
            double     unit)
{
  double cx = x, cy = y, h = MAP_BADGE_H * unit, size = 11.5 * unit * FONT_FIT;
  double tolerance = jm_document_get_metric_tolerance (b->doc);

  for (guint i = 0; metrics != NULL && i < metrics->len; i++)
    {
      const JmMetric *m = g_ptr_array_index (metrics, i);
      g_autofree char *label = metric_label (m);
      g_autofree char *name = shape_name (_("Metric"), label);
      double w = MIN (text_width (b, label, size, TRUE) + h, width);

      if (cx + w > x + width && cx > x)
        {
          cx = x;
          cy += h + 4 * unit;
        }
      add_pill (b, container, name, label, cx, cy, w, h, size,
                status_color (b, jm_metric_get_status (m, tolerance)), TRUE);
      cx += w + 6 * unit;
    }
  return metrics != NULL && metrics->len > 0 ? cy - y + h : 0;
}

/* Equal pieces of the journey across the slide, one per stage, in the
 * stages' colours: the title slide's picture of the map. */
static void
add_stage_strip (Builder     *b,
                 JmDeckSlide *slide,
                 double       x,
                 double       y,
                 double       width,
                 double       height,
                 gboolean     named)
{
  GPtrArray *stages = jm_document_get_stages (b->doc);
  double gap = named ? 6 : 0, w;

  if (stages->len == 0)
    return;
  w = (width - gap * (stages->len - 1)) / stages->len;
  if (named && w < 60)
    named = FALSE, gap = 0, w = width / stages->len;

  for (guint i = 0; i < stages->len; i++)
    {
      JmStage *stage = g_ptr_array_index (stages, i);
      g_autofree char *name = shape_name (_("Stage"), stage->name);
      JmDeckShape *piece = add_rect (slide->shapes, name, x + i * (w + gap), y, w, height,
                                     named ? 8 : 0, stage_color (b, stage, i));

      if (named)
        {
          double size = fit_size (b, stage->name, TRUE, FALSE, w - 16, height - 6, 15, 7);

          piece->anchor = JM_DECK_ANCHOR_MIDDLE;
          shape_insets (piece, 8, 2, 8, 2);
          para_text (shape_para (piece, JM_DECK_ALIGN_CENTER), stage->name, size * FONT_FIT, TRUE, FALSE,
                     b->colors->flat ? b->colors->text : white);
        }
    }
}

static void
build_title_slide (Builder *b)
{
  JmDeck *deck = b->deck;
  const char *title = jm_document_get_title (b->doc);
  const char *scenario = jm_document_get_scenario (b->doc);
  JmMapState state = jm_document_get_state (b->doc);
  const char *state_label = jm_map_state_get_label (state);
  JmDeckSlide *slide = slide_new (b, JM_DECK_SLIDE_TITLE, title && *title ? title : _("Journey map"));
  double m = deck->width > SLIDE_W_NARROW ? 64 : 48, w = deck->width - 2 * m;
  double y = deck->height * 0.17, size, h, badge_w;
  g_autofree char *credit = NULL;
  JmDeckShape *shape;

  add_stage_strip (b, slide, 0, 0, deck->width, 10, FALSE);

  size = fit_size (b, title, TRUE, FALSE, w, 150, 42, 22);
  h = text_height (b, title, size, TRUE, FALSE, w * FONT_FIT);
  shape = add_text (slide->shapes, _("Title"), m, y, w, h, title, size * FONT_FIT, TRUE,
                    b->colors->text, JM_DECK_ALIGN_START);
  shape->role = JM_DECK_ROLE_TITLE;
  shape->anchor = JM_DECK_ANCHOR_BOTTOM;
  y += h + 14;

  /* The state, as the map's header shows it. */
  badge_w = text_width (b, state_label, 14, TRUE) + 28;
  shape = add_pill (b, slide->shapes, state_label, state_label, m, y, badge_w, 28, 14 * FONT_FIT,
                    state == JM_MAP_STATE_CURRENT ? jm_theme_palette (b->theme, 0)
                                                  : jm_theme_palette (b->theme, 2), TRUE);
  y += 28 + 22;

  if (scenario != NULL && *scenario != '\0')
    {
      double room = deck->height - 150 - y, sw = MIN (w, 820);

      size = fit_size (b, scenario, FALSE, FALSE, sw, room, 20, 10);
      h = MIN (room, text_height (b, scenario, size, FALSE, FALSE, sw * FONT_FIT));
      shape = add_text (slide->shapes, _("Scenario"), m, y, sw, h, scenario, size * FONT_FIT, FALSE,
                        b->colors->text_dim, JM_DECK_ALIGN_START);
      shape->role = JM_DECK_ROLE_SUBTITLE;
    }

  add_stage_strip (b, slide, m, deck->height - m - 78, w, 42, TRUE);

  /* Translators: the footer of a rendered map: "Journey Maps · 2026-11-23" */
  credit = g_strdup_printf (_("Journey Maps · %s"), b->date);
  add_text (slide->shapes, _("Date"), m, deck->height - m - 24, w, 22, credit, 12, FALSE,
            b->colors->text_dim, JM_DECK_ALIGN_START);
}

/* ---- personas ---- */

typedef struct {
  const char  *heading;
  char       **items;     /* borrowed */
} Section;

static double
section_height (Builder       *b,
                const Section *section,
                double         width,
                double         size)
{
  double h = text_height (b, section->heading, size * 0.9, TRUE, FALSE, width) + 4;

  for (guint i = 0; section->items[i] != NULL; i++)
    {
      g_autofree char *item = g_strconcat ("• ", section->items[i], NULL);
      h += text_height (b, item, size, FALSE, FALSE, width * FONT_FIT) + size * 0.25;
    }
  return h;
}

static void
add_section (Builder       *b,
             JmDeckSlide   *slide,
             const Section *section,
             JmColor        accent,
             double         x,
             double         y,
             double         width,
             double         height,
             double         size)
{
  JmDeckShape *box = shape_add (slide->shapes, JM_DECK_SHAPE_TEXT, section->heading, x, y, width, height);
  JmDeckPara *para = shape_para (box, JM_DECK_ALIGN_START);

  para_text (para, section->heading, size * 0.9 * FONT_FIT, TRUE, FALSE, accent);
  for (guint i = 0; section->items[i] != NULL; i++)
    {
      g_autofree char *item = g_strconcat ("• ", section->items[i], NULL);

      para = shape_para (box, JM_DECK_ALIGN_START);
      para->space_before = i == 0 ? 4 : size * 0.25;
      para_text (para, item, size * FONT_FIT, FALSE, FALSE, b->colors->text);
    }
}

static void
build_persona_slide (Builder   *b,
                     JmPersona *persona,
                     guint      index)
{
  JmDeck *deck = b->deck;
  JmDeckSlide *slide = slide_new (b, JM_DECK_SLIDE_PERSONA, persona->name);
  JmColor accent = persona_color (b, persona, index);
  gboolean wide = deck->width > SLIDE_W_NARROW;
  double m = 40, col = wide ? 220 : 170, x = m + col + (wide ? 40 : 28), w = deck->width - x - m;
  g_autoptr(GString) meta = g_string_new (NULL);
  g_autofree char *quote = persona->quote && *persona->quote ? g_strdup_printf ("“%s”", persona->quote) : NULL;
  Section all[] = {
    { _("Goals"), persona->goals },
    { _("Needs"), persona->needs },
    { _("Frustrations"), persona->frustrations },
    { _("Interests"), persona->interests },
  };
  Section sections[4];
  guint n_sections = 0;
  double f, name_h = 0, meta_h = 0, quote_h = 0, bio_h = 0, photo_h = 0, y;
  JmDeckShape *shape;
  cairo_surface_t *photo;

  slide->index = index;
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if (all[i].items != NULL && all[i].items[0] != NULL)
      sections[n_sections++] = all[i];

  if (persona->age > 0)
    /* Translators: a persona's age */
    g_string_append_printf (meta, _("%u years"), persona->age);
  if (persona->occupation && *persona->occupation)
    g_string_append_printf (meta, "%s%s", meta->len ? " · " : "", persona->occupation);

  /* The right column's text at the largest size that fits the slide. */
  for (f = 1.3; f > 0.5; f -= 0.05)
    {
      double rows = 0;

      name_h = text_height (b, persona->name, 34 * f, TRUE, FALSE, w * FONT_FIT);
      meta_h = meta->len ? text_height (b, meta->str, 17 * f, FALSE, FALSE, w * FONT_FIT) : 0;
      quote_h = quote ? text_height (b, quote, 19 * f, FALSE, TRUE, (w - 18) * FONT_FIT) : 0;
      bio_h = persona->bio && *persona->bio ? text_height (b, persona->bio, 14 * f, FALSE, FALSE, w * FONT_FIT) : 0;
      for (guint i = 0; i < n_sections; i += 2)
        {
          double a = section_height (b, &sections[i], (w - 24) / 2, 14.5 * f);
          double c = i + 1 < n_sections ? section_height (b, &sections[i + 1], (w - 24) / 2, 14.5 * f) : 0;

          rows += MAX (a, c) + 14;
        }
      if (m + name_h + 4 + meta_h + 16 + quote_h + 14 + bio_h + 18 + rows <= deck->height - m)
        break;
    }

  /* The photo, the deck's only picture beside the overview, or the
   * persona's initial on their colour as the map shows it. */
  photo = persona->photo ? jm_image_decode (persona->photo, persona->photo_type, 4096) : NULL;
  if (photo != NULL)
    {
      double pw = cairo_image_surface_get_width (photo), ph = cairo_image_surface_get_height (photo);
      /* No larger than 1.6 points a pixel: a small photo blown up to the
       * column's width would show its pixels. */
      double s = MIN (1.6, MIN (col / pw, col / ph));
      g_autofree char *name = shape_name (_("Photo"), persona->name);

      photo_h = ph * s;
      shape = shape_add (slide->shapes, JM_DECK_SHAPE_PICTURE, name, m + (col - pw * s) / 2, m + 8, pw * s, ph * s);
      shape->image = g_bytes_ref (persona->photo);
      shape->image_type = g_strdup (persona->photo_type);
      shape->description = g_strdup (persona->name);
      shape_stroke (shape, accent, 3);
      cairo_surface_destroy (photo);
    }
  else
    {
      g_autofree char *initial = g_utf8_substring (persona->name, 0, 1);
      double d = MIN (col * 0.8, 160);

      photo_h = d;
      shape = shape_add (slide->shapes, JM_DECK_SHAPE_ELLIPSE, _("Photo"), m + (col - d) / 2, m + 8, d, d);
      shape_fill (shape, accent);
      shape->anchor = JM_DECK_ANCHOR_MIDDLE;
      para_text (shape_para (shape, JM_DECK_ALIGN_CENTER), initial, d * 0.45, TRUE, FALSE, white);
    }

  /* Preferred channels under the photo, each a chip online or offline. */
  if (persona->channels != NULL && persona->channels->len > 0)
    {
      double cy = m + 8 + photo_h + 24, cx = m;

      add_text (slide->shapes, _("Preferred channels"), m, cy, col, 20, _("Preferred channels"),
                13 * FONT_FIT, TRUE, accent, JM_DECK_ALIGN_START);
      cy += 26;
      for (guint i = 0; i < persona->channels->len; i++)
        {
          JmChannel channel = g_array_index (persona->channels, JmChannel, i);
          const char *label = jm_channel_get_label (channel);
          gboolean online = jm_channel_is_online (channel);
          double cw = MIN (col, text_width (b, label, 13, TRUE) + 26);

          if (cx + cw > m + col && cx > m)
            {
              cx = m;
              cy += 32;
            }
          if (cy + 26 > deck->height - m)
            break;
          add_pill (b, slide->shapes, label, label, cx, cy, cw, 26, 13 * FONT_FIT,
                    online ? b->colors->online : b->colors->offline, FALSE);
          cx += cw + 8;
        }
    }

  y = m;
  shape = add_text (slide->shapes, _("Name"), x, y, w, name_h, persona->name, 34 * f * FONT_FIT, TRUE,
                    b->colors->text, JM_DECK_ALIGN_START);
  shape->role = JM_DECK_ROLE_TITLE;
  y += name_h + 4;
  if (meta->len > 0)
    {
      add_text (slide->shapes, _("Age and occupation"), x, y, w, meta_h, meta->str, 17 * f * FONT_FIT, FALSE,
                b->colors->text_dim, JM_DECK_ALIGN_START);
      y += meta_h;
    }
  y += 16;
  if (quote != NULL)
    {
      add_rect (slide->shapes, _("Quote mark"), x, y, 4, quote_h, 2, accent);
      shape = add_text (slide->shapes, _("Quote"), x + 18, y, w - 18, quote_h, NULL, 0, FALSE,
                        b->colors->text, JM_DECK_ALIGN_START);
      g_ptr_array_set_size (shape->paragraphs, 0);
      para_text (shape_para (shape, JM_DECK_ALIGN_START), quote, 19 * f * FONT_FIT, FALSE, TRUE, b->colors->text);
      y += quote_h + 14;
    }
  if (bio_h > 0)
    {
      add_text (slide->shapes, _("Bio"), x, y, w, bio_h, persona->bio, 14 * f * FONT_FIT, FALSE,
                b->colors->text_dim, JM_DECK_ALIGN_START);
      y += bio_h + 18;
    }

  for (guint i = 0; i < n_sections; i += 2)
    {
      double cw = (w - 24) / 2;
      double a = section_height (b, &sections[i], cw, 14.5 * f);
      double c = i + 1 < n_sections ? section_height (b, &sections[i + 1], cw, 14.5 * f) : 0;
      double row = MAX (a, c);

      add_section (b, slide, &sections[i], accent, x, y, cw, row, 14.5 * f);
      if (i + 1 < n_sections)
        add_section (b, slide, &sections[i + 1], accent, x + cw + 24, y, cw, row, 14.5 * f);
      y += row + 14;
    }
}

/* ---- the overview ---- */

static gboolean
build_overview_slide (Builder  *b,
                      GError  **error)
{
  JmDeck *deck = b->deck;
  JmDeckSlide *slide = slide_new (b, JM_DECK_SLIDE_OVERVIEW, _("Overview"));
  const char *notes = jm_document_get_notes (b->doc);
  double m = 24, top = m + 40, aw = deck->width - 2 * m, ah = deck->height - top - m;
  double mw, mh, s, w, h;
  g_autoptr(GBytes) png = NULL;
  JmDeckShape *shape;

  shape = add_text (slide->shapes, _("Title"), m, m, aw, 32, _("Overview"), 22 * FONT_FIT, TRUE,
                    b->colors->text, JM_DECK_ALIGN_START);
  shape->role = JM_DECK_ROLE_TITLE;

  jm_layout_get_size (b->layout, &mw, &mh);
  s = MIN (aw / mw, ah / mh);
  w = mw * s;
  h = mh * s;
  /* Pixels for the size it has on the slide, at OVERVIEW_PPI. */
  png = jm_export_png_bytes (b->doc, b->options, w / 72.0 * OVERVIEW_PPI / mw, error);
  if (png == NULL)
    return FALSE;

  shape = shape_add (slide->shapes, JM_DECK_SHAPE_PICTURE, _("The whole map"),
                     m + (aw - w) / 2, top + (ah - h) / 2, w, h);
  shape->image = g_steal_pointer (&png);
  shape->image_type = g_strdup ("image/png");
  shape->description = g_strdup (jm_document_get_title (b->doc));

  if (notes != NULL && *notes != '\0')
    slide->notes = g_strdup (notes);
  return TRUE;
}

/* ---- stages ---- */

/* Where a stage slide puts the map: the lane titles' column on the left,
 * the stage's columns beside it, its headers on top, then the lanes of
 * this part. */
typedef struct {
  double s;           /* points per map unit */
  double titles_x;    /* slide x of the map's lane titles column */
  double grid_x;      /* slide x of frame_x */
  double frame_x;
  double head_y;      /* slide y of stages_y */
  double stages_y;
  double steps_y;
  double skip;        /* map units of the headers left out above steps_y */
  double lanes_y;     /* slide y of lanes_top */
  double lanes_top;
} Place;

static double
place_x (const Place *p,
         double       x)
{
  return p->grid_x + (x - p->frame_x) * p->s;
}

static double
place_title_x (const Place *p,
               double       x)
{
  return p->titles_x + (x - MAP_MARGIN) * p->s;
}

static double
place_head_y (const Place *p,
              double       y)
{
  return p->head_y + (y - p->stages_y - (y >= p->steps_y - 0.5 ? p->skip : 0)) * p->s;
}

static double
place_y (const Place *p,
         double       y)
{
  return p->lanes_y + (y - p->lanes_top) * p->s;
}

typedef struct {
  double stages_y;
  double steps_y;
  double lanes_y;
  double header_h;    /* lanes_y − stages_y */
  double metrics_h;   /* the stage metrics' band between the stages and the steps */
} Headers;

/* The headers over a part: all of them over the first, the stages and
 * steps without the metrics over the others. */
static double
headers_height (const Headers *h,
                guint          part)
{
  return part == 0 ? h->header_h : h->header_h - h->metrics_h;
}

static gboolean
get_headers (Builder *b,
             Headers *h)
{
  GPtrArray *stages = jm_document_get_stages (b->doc);
  JmStage *first;
  JmRect stage, step;

  if (stages->len == 0)
    return FALSE;
  first = g_ptr_array_index (stages, 0);
  if (!jm_layout_get_header_rect (b->layout, JM_HIT_STAGE, first->id, &stage)
      || !jm_layout_get_header_rect (b->layout, JM_HIT_STEP, ((JmStep *) g_ptr_array_index (first->steps, 0))->id, &step))
    return FALSE;
  h->stages_y = stage.y;
  h->steps_y = step.y;
  h->lanes_y = step.y + step.height;
  h->header_h = h->lanes_y - h->stages_y;
  h->metrics_h = MAX (0, h->steps_y - h->stages_y - MAP_STAGE_H);
  return TRUE;
}

static void
add_card (Builder     *b,
          JmDeckSlide *slide,
          const Place *p,
          JmLane      *lane,
          JmCard      *card)
{
  const JmThemeColors *c = b->colors;
  JmColor accent = card_accent (b, lane->kind, card);
  double s = p->s;
  JmCardParts parts;
  JmRect r;
  double x, y, w, h, size;
  g_autofree char *name = shape_name (_("Card"), card->text);
  g_autoptr(GString) footer = g_string_new (NULL);
  JmDeckShape *group, *body;
  JmDeckPara *para;

  if (!jm_layout_get_card_rect (b->layout, card->id, &r) || !jm_layout_get_card_parts (b->layout, card->id, &parts))
    return;

  x = place_x (p, r.x);
  y = place_y (p, r.y);
  w = r.width * s;
  h = r.height * s;
  group = shape_add (slide->shapes, JM_DECK_SHAPE_GROUP, name, x, y, w, h);

  /* The card, holding its text (and the footer: evidence, owner). */
  body = add_rect (group->children, name, x, y, w, h, 8 * s,
                   c->flat ? c->surface : jm_color_mix (c->surface, accent, 0.06));
  shape_stroke (body, c->flat ? accent : c->grid, MAX (0.5, c->line_width * s * 0.8));
  {
    double top = (parts.text.y - r.y) * s;
    double left = (parts.text.x - r.x) * s;
    double right = (r.x + r.width - parts.text.x - parts.text.width) * s;
    double bottom = h - top - (parts.text.height + parts.footer.height) * s;

    shape_insets (body, left, top, right, bottom);
  }
  size = CARD_TEXT_UNITS * s * FONT_FIT;
  para = shape_para (body, JM_DECK_ALIGN_START);
  para_text (para, card->text, size, FALSE, FALSE, c->text);

  if (card->evidence != JM_EVIDENCE_NONE)
    for (int i = 0; i < 3; i++)
      g_string_append (footer, i < (int) card->evidence ? "●" : "○");
  if (lane->kind == JM_LANE_OPPORTUNITIES && card->owner && *card->owner)
    {
      /* Translators: who owns an opportunity: "→ Store manager" */
      g_autofree char *owner = g_strdup_printf (_("→ %s"), card->owner);

      g_string_append_printf (footer, "%s%s", footer->len ? "   " : "", owner);
    }
  if (footer->len > 0)
    {
      para = shape_para (body, JM_DECK_ALIGN_START);
      para->space_before = 2 * s;
      para_text (para, footer->str, 11.5 * s * FONT_FIT, FALSE, FALSE, c->text_dim);
    }

  /* The accent bar says what kind of card this is. */
  add_rect (group->children, _("Accent"), x + 2.5 * s, y + 6 * s, 4 * s, h - 12 * s, 2 * s, accent);

  if (parts.chips.height > 0)
    {
      double cx = place_x (p, parts.chips.x), cy = place_y (p, parts.chips.y), ch = MAP_CHIP_H * s;
      double chip_size = 11 * s * FONT_FIT;

      if (lane->kind == JM_LANE_TOUCHPOINTS)
        {
          if (card->channel != JM_CHANNEL_NONE)
            {
              gboolean online = jm_channel_is_online (card->channel);
              g_autofree char *label = g_strdup_printf ("%s · %s", jm_channel_get_label (card->channel),
                                                        online ? _("online") : _("offline"));
              double cw = MIN (text_width (b, label, chip_size, TRUE) + ch, parts.chips.width * s - 26 * s);

              add_pill (b, group->children, _("Channel"), label, cx, cy, cw, ch, chip_size,
                        online ? c->online : c->offline, FALSE);
            }
          if (card->moment_of_truth)
            {
              JmDeckShape *star = shape_add (group->children, JM_DECK_SHAPE_STAR, _("Moment of truth"),
                                             x + w - 27 * s, y + 9 * s, 18 * s, 18 * s);
              shape_fill (star, c->star);
            }
        }
      else
        {
          g_autofree char *label = NULL;
          double cw;

          /* Translators: a chip on a card: "Severity: High", "Priority: Low" */
          label = g_strdup_printf (lane->kind == JM_LANE_PAIN_POINTS ? _("Severity: %s") : _("Priority: %s"),
                                   lane->kind == JM_LANE_PAIN_POINTS ? jm_severity_get_label (card->severity)
                                                                     : jm_priority_get_label (card->priority));
          cw = MIN (text_width (b, label, chip_size, TRUE) + ch, parts.chips.width * s);
          add_pill (b, group->children, lane->kind == JM_LANE_PAIN_POINTS ? _("Severity") : _("Priority"),
                    label, cx, cy, cw, ch, chip_size,
                    lane->kind == JM_LANE_PAIN_POINTS ? accent : jm_theme_kind_color (b->theme, JM_LANE_OPPORTUNITIES),
                    TRUE);
        }
    }

  /* Where the map shows the card's image: the image itself is in the
   * overview; pictures are kept off the stage slides. */
  if (parts.image.height > 0)
    {
      JmDeckShape *frame = add_rect (group->children, _("Image"), place_x (p, parts.image.x),
                                     place_y (p, parts.image.y), parts.image.width * s,
                                     parts.image.height * s, 6 * s, c->surface_alt);
      shape_stroke (frame, c->grid, MAX (0.5, s * 0.8));
    }

  if (card->metrics != NULL && card->metrics->len > 0)
    add_badges (b, group->children, card->metrics, place_x (p, parts.badges.x),
                y + h - (MAP_CARD_PAD + parts.badges.height) * s, parts.badges.width * s, s);
}

/* The cubic of the emotion curve between x0 and x1 as a Bézier piece:
 * the curve is a cubic in x on each step, so its values at a third and
 * two thirds of the way give the control points exactly. */
static void
curve_piece (const double *xs,
             const double *ys,
             guint         n,
             double        x0,
             double        x1,
             double       *c1,
             double       *c2)
{
  double y0 = jm_monotone_curve_eval (xs, ys, n, x0);
  double y1 = jm_monotone_curve_eval (xs, ys, n, x0 + (x1 - x0) / 3);
  double y2 = jm_monotone_curve_eval (xs, ys, n, x0 + (x1 - x0) * 2 / 3);
  double y3 = jm_monotone_curve_eval (xs, ys, n, x1);
  double a = 27 * y1 - 8 * y0 - y3, bb = 27 * y2 - y0 - 8 * y3;

  *c1 = (2 * a - bb) / 18;
  *c2 = (2 * bb - a) / 18;
}

static void
path_point (GArray *path,
            double  x,
            double  y)
{
  JmDeckPoint point = { x, y };

  g_array_append_val (path, point);
}

/* A path shape's box: its points' bounds, never flat. */
static void
path_bounds (JmDeckShape *shape)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  for (guint i = 0; i < shape->path->len; i++)
    {
      JmDeckPoint *pt = &g_array_index (shape->path, JmDeckPoint, i);

      x0 = MIN (x0, pt->x);
      y0 = MIN (y0, pt->y);
      x1 = MAX (x1, pt->x);
      y1 = MAX (y1, pt->y);
    }
  shape->x = x0;
  shape->y = y0;
  shape->width = MAX (x1 - x0, 1);
  shape->height = MAX (y1 - y0, 1);
}

static JmDeckShape *
add_line (GPtrArray  *container,
          const char *name,
          double      x0,
          double      y0,
          double      x1,
          double      y1,
          JmColor     color,
          double      width,
          gboolean    dashed)
{
  JmDeckShape *line = shape_add (container, JM_DECK_SHAPE_PATH, name, 0, 0, 1, 1);

  line->path = g_array_new (FALSE, FALSE, sizeof (JmDeckPoint));
  path_point (line->path, x0, y0);
  /* A straight line as a Bézier piece, so paths are all of one kind. */
  path_point (line->path, x0 + (x1 - x0) / 3, y0 + (y1 - y0) / 3);
  path_point (line->path, x0 + (x1 - x0) * 2 / 3, y0 + (y1 - y0) * 2 / 3);
  path_point (line->path, x1, y1);
  path_bounds (line);
  shape_stroke (line, color, width);
  line->dashed = dashed;
  return line;
}

static void
add_curve (Builder     *b,
           JmDeckSlide *slide,
           const Place *p,
           JmPersona   *persona,
           guint        index,
           JmMapState   state,
           double       left,
           double       right)
{
  guint n_steps = jm_document_get_n_steps (b->doc), n = 0;
  g_autofree double *xs = g_new (double, MAX (n_steps, 1));
  g_autofree double *ys = g_new (double, MAX (n_steps, 1));
  g_autofree double *scores = g_new (double, MAX (n_steps, 1));
  g_autofree char **step_names = g_new0 (char *, MAX (n_steps, 1));
  JmColor color = persona_color (b, persona, index);
  gboolean future = state == JM_MAP_STATE_FUTURE;
  double x0, x1, s = p->s;

  for (guint c = 0; c < n_steps; c++)
    {
      JmStep *step = jm_document_get_step (b->doc, c);
      const JmEmotion *e = jm_document_get_emotion (b->doc, persona->id, step->id, state);

      if (e != NULL && jm_layout_get_emotion_point (b->layout, persona->id, step->id, state, &xs[n], &ys[n]))
        {
          scores[n] = e->score;
          step_names[n] = step->name;
          n++;
        }
    }
  if (n == 0)
    return;

  /* The stretch of the curve over this stage's columns: it comes in from
   * the stage before and goes on to the next, as on the map. */
  x0 = MAX (left, xs[0]);
  x1 = MIN (right, xs[n - 1]);
  if (x1 > x0)
    {
      /* Translators: the name of an emotion curve's shape: "Emotions: Sara (As is)" */
      g_autofree char *name = g_strdup_printf (_("Emotions: %s (%s)"), persona->name, jm_map_state_get_label (state));
      JmDeckShape *curve = shape_add (slide->shapes, JM_DECK_SHAPE_PATH, name, 0, 0, 1, 1);

      curve->path = g_array_new (FALSE, FALSE, sizeof (JmDeckPoint));
      path_point (curve->path, place_x (p, x0), place_y (p, jm_monotone_curve_eval (xs, ys, n, x0)));
      for (guint k = 0; k + 1 < n; k++)
        {
          double a = MAX (xs[k], x0), z = MIN (xs[k + 1], x1), c1, c2;

          if (z <= a)
            continue;
          curve_piece (xs, ys, n, a, z, &c1, &c2);
          path_point (curve->path, place_x (p, a + (z - a) / 3), place_y (p, c1));
          path_point (curve->path, place_x (p, a + (z - a) * 2 / 3), place_y (p, c2));
          path_point (curve->path, place_x (p, z), place_y (p, jm_monotone_curve_eval (xs, ys, n, z)));
        }
      path_bounds (curve);
      shape_stroke (curve, color, (future ? 2.0 : 3.0) * s * b->colors->line_width);
      curve->dashed = future;
    }

  /* Its points, as the map's faces. */
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *score = g_strdup_printf ("%+.0f", scores[i]);
      g_autofree char *name = NULL;
      JmDeckShape *dot;
      double r = (future ? 5 : 7) * s;

      if (xs[i] < left || xs[i] > right)
        continue;
      /* Translators: an emotion point's shape: "Sara, Visits the site: +1" */
      name = g_strdup_printf (_("%s, %s: %s"), persona->name, step_names[i], score);
      dot = shape_add (slide->shapes, JM_DECK_SHAPE_ELLIPSE, name,
                       place_x (p, xs[i]) - r, place_y (p, ys[i]) - r, 2 * r, 2 * r);
      shape_fill (dot, future ? color : b->colors->surface);
      shape_stroke (dot, color, (future ? 1.5 : 2.5) * s);
    }
}

static void
add_emotions (Builder     *b,
              JmDeckSlide *slide,
              const Place *p,
              double       left,
              double       right)
{
  GPtrArray *personas = jm_document_get_personas (b->doc);
  const char *chosen = b->options->persona_id;
  double s = p->s, zero, top, bottom;
  const struct { double score; const char *label; } marks[] = { { 2, "+2" }, { 0, "0" }, { -2, "−2" } };
  gboolean any_future = FALSE;
  GPtrArray *emotions = jm_document_get_emotions (b->doc);

  if (!jm_layout_get_emotion_y (b->layout, 0, &zero) || !jm_layout_get_emotion_y (b->layout, JM_EMOTION_MAX, &top)
      || !jm_layout_get_emotion_y (b->layout, JM_EMOTION_MIN, &bottom))
    return;

  add_line (slide->shapes, _("Neutral"), place_x (p, left), place_y (p, zero), place_x (p, right), place_y (p, zero),
            b->colors->grid, MAX (0.75, s), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      double y;

      jm_layout_get_emotion_y (b->layout, marks[i].score, &y);
      add_text (slide->shapes, marks[i].label, place_x (p, left) - 34 * s, place_y (p, y) - 9 * s, 28 * s, 18 * s,
                marks[i].label, 11 * s * FONT_FIT, TRUE, b->colors->text_dim, JM_DECK_ALIGN_END)->anchor =
        JM_DECK_ANCHOR_MIDDLE;
    }

  for (guint i = 0; i < emotions->len; i++)
    if (((JmEmotion *) g_ptr_array_index (emotions, i))->curve == JM_MAP_STATE_FUTURE)
      any_future = TRUE;

  for (guint i = 0; i < personas->len; i++)
    {
      JmPersona *persona = g_ptr_array_index (personas, i);

      /* A deck for one persona shows that persona's curve alone. */
      if (chosen != NULL && g_strcmp0 (chosen, persona->id) != 0)
        continue;
      if (any_future)
        add_curve (b, slide, p, persona, i, JM_MAP_STATE_FUTURE, left, right);
      add_curve (b, slide, p, persona, i, JM_MAP_STATE_CURRENT, left, right);
    }
}

/* Whether the lane lies in the part from top to bottom (map units). */
static gboolean
lane_in_part (Builder *b,
              JmLane  *lane,
              double   top,
              double   bottom,
              JmRect  *row)
{
  return jm_layout_get_lane_rect (b->layout, lane->id, row)
         && row->y >= top - 0.5 && row->y + row->height <= bottom + 0.5;
}

/* The cards a stage's slides show: those that start in the stage, and of
 * a deck for one persona, that persona's. */
static gboolean
card_on_stage (Builder *b,
               JmCard  *card,
               JmStage *stage)
{
  return jm_document_get_step_stage (b->doc, card->step_id) == stage
         && (b->options->persona_id == NULL || jm_card_applies_to (card, b->options->persona_id));
}

static void
build_stage_slide (Builder       *b,
                   const JmSlide *plan,
                   const Headers *headers,
                   double         s)
{
  JmDeck *deck = b->deck;
  const JmThemeColors *c = b->colors;
  JmStage *stage = g_ptr_array_index (jm_document_get_stages (b->doc), plan->stage_index);
  GPtrArray *lanes = jm_document_get_lanes (b->doc);
  JmColor color = stage_color (b, stage, plan->stage_index);
  g_autofree char *slide_name = plan->n_parts > 1
                                ? g_strdup_printf ("%s (%u/%u)", stage->name, plan->part + 1, plan->n_parts)
                                : g_strdup (stage->name);
  JmDeckSlide *slide = slide_new (b, JM_DECK_SLIDE_STAGE, slide_name);
  JmRect frame = plan->frame, stage_rect, head;
  double lanes_top = MAX (frame.y, headers->lanes_y), lanes_bottom = frame.y + frame.height;
  double stage_right, right, block_w;
  Place p;
  JmDeckShape *shape;
  JmRect row;

  slide->index = plan->stage_index;
  slide->part = plan->part;
  slide->n_parts = plan->n_parts;
  if (stage->notes != NULL && *stage->notes != '\0')
    slide->notes = g_strdup (stage->notes);

  jm_layout_get_stage_rect (b->layout, stage->id, &stage_rect);
  jm_layout_get_header_rect (b->layout, JM_HIT_STAGE, stage->id, &head);
  stage_right = stage_rect.x + stage_rect.width;

  /* The stage's columns, and the cards that span out of it on this part:
   * the planner's frame is as wide as the widest of all the parts. */
  right = stage_right;
  for (guint l = 0; l < lanes->len; l++)
    {
      JmLane *lane = g_ptr_array_index (lanes, l);

      if (!lane_in_part (b, lane, lanes_top, lanes_bottom, &row))
        continue;
      for (guint i = 0; i < lane->cards->len; i++)
        {
          JmCard *card = g_ptr_array_index (lane->cards, i);
          JmRect r;

          if (card_on_stage (b, card, stage) && jm_layout_get_card_rect (b->layout, card->id, &r))
            right = MAX (right, r.x + r.width + 10);
        }
    }
  block_w = (MAP_TITLE_W + MIN (right, frame.x + frame.width) - frame.x) * s;

  p.s = s;
  p.titles_x = (deck->width - block_w) / 2;
  p.grid_x = p.titles_x + MAP_TITLE_W * s;
  p.frame_x = frame.x;
  /* Centred across, from the top down: the headers stay in place from
   * one slide to the next. */
  p.head_y = STAGE_MARGIN;
  p.stages_y = headers->stages_y;
  p.steps_y = headers->steps_y;
  p.skip = plan->part == 0 ? 0 : headers->metrics_h;
  p.lanes_y = p.head_y + headers_height (headers, plan->part) * s;
  p.lanes_top = lanes_top;

  /* Lane rows: the alternate ones shaded, each closed by a rule, with its
   * title on the left. */
  for (guint l = 0; l < lanes->len; l++)
    {
      JmLane *lane = g_ptr_array_index (lanes, l);
      JmColor kind = jm_theme_kind_color (b->theme, lane->kind);
      double ry, rh, size;
      g_autofree char *name = NULL;

      if (!lane_in_part (b, lane, lanes_top, lanes_bottom, &row))
        continue;
      ry = place_y (&p, row.y);
      rh = row.height * s;
      if (l % 2 == 1)
        add_rect (slide->shapes, _("Lane"), p.titles_x, ry, block_w, rh, 0, c->surface_alt);
      add_rect (slide->shapes, _("Rule"), p.titles_x, ry + rh - MAX (0.75, s), block_w, MAX (0.75, s), 0, c->grid);

      name = shape_name (_("Lane"), lane->title);
      add_rect (slide->shapes, _("Lane colour"), place_title_x (&p, MAP_MARGIN), ry + 8 * s, 5 * s, rh - 16 * s, 0, kind);
      size = 15 * s * FONT_FIT;
      shape = add_text (slide->shapes, name, place_title_x (&p, MAP_MARGIN + 16), ry + 10 * s,
                        (MAP_TITLE_W - 36) * s, rh - 18 * s, lane->title, size, TRUE, c->text, JM_DECK_ALIGN_START);
      if (g_utf8_collate (lane->title, jm_lane_kind_get_label (lane->kind)) != 0)
        {
          JmDeckPara *para = shape_para (shape, JM_DECK_ALIGN_START);

          para->space_before = 2 * s;
          para_text (para, jm_lane_kind_get_label (lane->kind), 11.5 * s * FONT_FIT, FALSE, FALSE, c->text_dim);
        }

      if (lane->kind == JM_LANE_EMOTIONS)
        add_emotions (b, slide, &p, stage_rect.x, stage_right);
    }

  /* The stage's edges down through its lanes. */
  add_rect (slide->shapes, _("Stage edge"), place_x (&p, stage_rect.x) - 0.5, place_head_y (&p, headers->steps_y),
            MAX (0.75, s), place_y (&p, lanes_bottom) - place_head_y (&p, headers->steps_y), 0, c->grid);
  add_rect (slide->shapes, _("Stage edge"), place_x (&p, stage_right) - 0.5, place_head_y (&p, headers->steps_y),
            MAX (0.75, s), place_y (&p, lanes_bottom) - place_head_y (&p, headers->steps_y), 0, c->grid);

  /* The stage's header: its title on the slide. */
  {
    double hx = place_x (&p, head.x + 3), hw = (head.width - 6) * s, hh = head.height * s;

    /* The band in the stage's colour, and on it the slide's title (an
     * office suite's title placeholder cannot be rounded). */
    shape = shape_add (slide->shapes, JM_DECK_SHAPE_RECT, _("Stage colour"), hx, place_head_y (&p, head.y), hw, hh);
    shape->radius = 10 * s;
    if (c->flat)
      {
        shape_fill (shape, c->surface);
        shape_stroke (shape, color, 2.5 * c->line_width * s);
      }
    else
      shape_fill (shape, color);
    shape = shape_add (slide->shapes, JM_DECK_SHAPE_TEXT, stage->name, hx, place_head_y (&p, head.y), hw, hh);
    shape->role = JM_DECK_ROLE_TITLE;
    shape->anchor = JM_DECK_ANCHOR_MIDDLE;
    shape_insets (shape, 15 * s, 0, 12 * s, 0);
    {
      JmDeckPara *para = shape_para (shape, JM_DECK_ALIGN_START);
      JmColor ink = c->flat ? c->text : white;

      para_text (para, stage->name, 18 * s * FONT_FIT, TRUE, FALSE, ink);
      if (plan->n_parts > 1)
        {
          g_autofree char *part = g_strdup_printf ("   %u/%u", plan->part + 1, plan->n_parts);
          para_text (para, part, 13 * s * FONT_FIT, FALSE, FALSE, ink);
        }
    }
    if (stage->metrics->len > 0 && plan->part == 0)
      add_badges (b, slide->shapes, stage->metrics, place_x (&p, head.x + 10),
                  place_head_y (&p, headers->stages_y + MAP_STAGE_H - 2), (head.width - 20) * s, s);
  }

  /* Step names, each underlined in the stage's colour. */
  for (guint i = 0; i < stage->steps->len; i++)
    {
      JmStep *step = g_ptr_array_index (stage->steps, i);
      JmRect r;
      g_autofree char *name = shape_name (_("Step"), step->name);

      if (!jm_layout_get_header_rect (b->layout, JM_HIT_STEP, step->id, &r))
        continue;
      add_text (slide->shapes, name, place_x (&p, r.x + 10), place_head_y (&p, r.y + 4), (r.width - 20) * s,
                (r.height - 8) * s, step->name, 13.5 * s * FONT_FIT, TRUE, c->text_dim, JM_DECK_ALIGN_START)->anchor =
        JM_DECK_ANCHOR_MIDDLE;
    }
  add_rect (slide->shapes, _("Stage colour"), place_x (&p, stage_rect.x + 6), place_head_y (&p, headers->lanes_y - 3),
            (stage_rect.width - 12) * s, 3 * s, 0, jm_color_mix (c->background, color, 0.8));

  /* The cards that start in the stage, in the lanes of this part. */
  for (guint l = 0; l < lanes->len; l++)
    {
      JmLane *lane = g_ptr_array_index (lanes, l);

      if (!lane_in_part (b, lane, lanes_top, lanes_bottom, &row))
        continue;
      for (guint i = 0; i < lane->cards->len; i++)
        {
          JmCard *card = g_ptr_array_index (lane->cards, i);

          if (card_on_stage (b, card, stage))
            add_card (b, slide, &p, lane, card);
        }
    }
}

static void
build_stage_slides (Builder *b)
{
  JmDeck *deck = b->deck;
  Headers headers;
  g_autoptr(GArray) plan = NULL;
  g_autoptr(GArray) fits = NULL;
  double aw = deck->width - 2 * STAGE_MARGIN, ah = deck->height - 2 * STAGE_MARGIN;
  double s = STAGE_MAX_TEXT_PT / CARD_TEXT_UNITS;

  if (!get_headers (b, &headers))
    return;

  /* The presentation mode's parts, as it cuts them on a screen the size
   * of the slide (96 dpi: 1280 × 720 pixels for 16:9) with its smallest
   * text, 14 pixels. */
  plan = jm_presentation_slides (b->layout, deck->width * PX_PER_PT, deck->height * PX_PER_PT, PRESENT_MIN_TEXT_PX);

  /* About one scale for every stage slide, as the presentation mode has
   * one zoom: a part that leaves room grows a little, no more, so that
   * text keeps nearly the same size from slide to slide. */
  fits = g_array_sized_new (FALSE, FALSE, sizeof (double), plan->len);
  for (guint i = 0; i < plan->len; i++)
    {
      const JmSlide *part = &g_array_index (plan, JmSlide, i);
      double lanes_top, h, fit = 0;

      if (part->kind == JM_SLIDE_STAGE)
        {
          lanes_top = MAX (part->frame.y, headers.lanes_y);
          h = headers_height (&headers, part->part) + part->frame.y + part->frame.height - lanes_top;
          fit = MIN (aw / (MAP_TITLE_W + part->frame.width), ah / h);
          s = MIN (s, fit);
        }
      g_array_append_val (fits, fit);
    }

  for (guint i = 0; i < plan->len; i++)
    {
      const JmSlide *part = &g_array_index (plan, JmSlide, i);

      if (part->kind == JM_SLIDE_STAGE)
        build_stage_slide (b, part, &headers, MIN (g_array_index (fits, double, i), s * STAGE_GROWTH));
    }
}

/* ---- metrics ---- */

static void
build_metrics_slides (Builder *b)
{
  JmDeck *deck = b->deck;
  const JmThemeColors *c = b->colors;
  g_autoptr(GPtrArray) rows = jm_metrics_table_rows (b->doc);
  const char *headings[] = { _("Stage"), _("Touchpoint"), _("Metric"), _("Value"), _("Target"),
                             /* Translators: the heading of the metrics table's status column */
                             _("Status") };
  const double shares[] = { 0.17, 0.35, 0.14, 0.11, 0.11, 0.12 };
  double m = 40, top = m + 58, width = deck->width - 2 * m;
  double size = deck->width > SLIDE_W_NARROW ? 13 : 11.5, pad = 6;
  guint next = 0, n_slides = 0, slide_no = 0;
  g_autoptr(GArray) heights = g_array_new (FALSE, FALSE, sizeof (double));
  double header_h;

  if (rows->len == 0)
    return;

  /* Each row as tall as its tallest cell. */
  header_h = text_height (b, headings[0], size, TRUE, FALSE, -1) + 2 * pad;
  for (guint i = 0; i < rows->len; i++)
    {
      JmMetricRow *row = g_ptr_array_index (rows, i);
      const char *where = row->card_text ? row->card_text : _("Whole stage");
      double h = MAX (text_height (b, row->stage_name, size, FALSE, FALSE, width * shares[0] - 2 * pad),
                      text_height (b, where, size, FALSE, FALSE, width * shares[1] - 2 * pad));

      h = MAX (h, text_height (b, metric_name (row->metric), size, FALSE, FALSE, width * shares[2] - 2 * pad));
      h += 2 * pad;
      g_array_append_val (heights, h);
    }

  /* How many slides: rows go on while they fit. */
  for (guint i = 0; i < rows->len;)
    {
      double y = top + header_h;

      do
        y += g_array_index (heights, double, i++);
      while (i < rows->len && y + g_array_index (heights, double, i) <= deck->height - m);
      n_slides++;
    }

  while (next < rows->len)
    {
      g_autofree char *title = n_slides > 1 ? g_strdup_printf ("%s (%u/%u)", _("Metrics"), slide_no + 1, n_slides)
                                            : g_strdup (_("Metrics"));
      JmDeckSlide *slide = slide_new (b, JM_DECK_SLIDE_METRICS, title);
      JmDeckShape *shape, *table;
      double y = top + header_h, table_h;
      guint first = next, n;

      slide->part = slide_no;
      slide->n_parts = n_slides;
      shape = add_text (slide->shapes, _("Title"), m, m, width, 40, title, 28 * FONT_FIT, TRUE, c->text,
                        JM_DECK_ALIGN_START);
      shape->role = JM_DECK_ROLE_TITLE;

      do
        y += g_array_index (heights, double, next++);
      while (next < rows->len && y + g_array_index (heights, double, next) <= deck->height - m);
      n = next - first;
      table_h = y - top;

      table = shape_add (slide->shapes, JM_DECK_SHAPE_TABLE, _("Metrics"), m, top, width, table_h);
      table->n_rows = n + 1;
      table->n_columns = G_N_ELEMENTS (headings);
      table->column_widths = g_array_new (FALSE, FALSE, sizeof (double));
      table->row_heights = g_array_new (FALSE, FALSE, sizeof (double));
      for (guint i = 0; i < G_N_ELEMENTS (shares); i++)
        {
          double w = width * shares[i];
          g_array_append_val (table->column_widths, w);
        }
      g_array_append_val (table->row_heights, header_h);
      for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
        {
          JmDeckShape *cell = shape_add (table->children, JM_DECK_SHAPE_RECT, headings[i], 0, 0, 1, 1);

          shape_fill (cell, c->flat ? c->surface_alt : jm_theme_palette (b->theme, 0));
          shape_insets (cell, pad, pad, pad, pad);
          cell->anchor = JM_DECK_ANCHOR_MIDDLE;
          para_text (shape_para (cell, i >= 3 ? JM_DECK_ALIGN_END : JM_DECK_ALIGN_START), headings[i],
                     size * FONT_FIT, TRUE, FALSE, c->flat ? c->text : white);
        }

      for (guint r = first; r < next; r++)
        {
          JmMetricRow *row = g_ptr_array_index (rows, r);
          const JmMetric *metric = row->metric;
          g_autofree char *value = format_number (metric->value, metric_unit (metric));
          g_autofree char *target = metric->has_target ? format_number (metric->target, metric_unit (metric))
                                                       : g_strdup ("—");
          const char *texts[] = {
            row->stage_name, row->card_text ? row->card_text : _("Whole stage"), metric_name (metric),
            value, target, status_label (row->status),
          };
          JmColor band = (r - first) % 2 == 1 ? c->surface_alt : c->surface;

          g_array_append_val (table->row_heights, g_array_index (heights, double, r));
          for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
            {
              JmDeckShape *cell = shape_add (table->children, JM_DECK_SHAPE_RECT, texts[i], 0, 0, 1, 1);
              gboolean status = i == G_N_ELEMENTS (texts) - 1;
              JmColor tone = status_color (b, row->status);

              shape_insets (cell, pad, pad, pad, pad);
              cell->anchor = JM_DECK_ANCHOR_MIDDLE;
              if (status && !c->flat)
                shape_fill (cell, tone);
              else
                shape_fill (cell, band);
              para_text (shape_para (cell, i >= 3 ? JM_DECK_ALIGN_END : JM_DECK_ALIGN_START), texts[i],
                         size * FONT_FIT, status || i == 3, FALSE,
                         status ? (c->flat ? tone : white) : c->text);
            }
        }
      slide_no++;
    }
}

/* ---- the deck ---- */

void
jm_deck_free (JmDeck *deck)
{
  if (deck == NULL)
    return;
  g_ptr_array_unref (deck->slides);
  g_free (deck->font);
  g_free (deck->title);
  g_free (deck->subject);
  g_free (deck);
}

JmDeck *
jm_deck_new (JmDocument            *document,
             const JmExportOptions *options,
             GError               **error)
{
  JmExportOptions defaults;
  JmRenderOptions render;
  GPtrArray *personas;
  Builder b = { 0 };
  cairo_font_options_t *font_options;
  JmDeck *deck;
  gboolean ok;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);

  if (options == NULL)
    {
      jm_export_options_init (&defaults);
      options = &defaults;
    }

  deck = g_new0 (JmDeck, 1);
  deck->width = options->page_4_3 ? SLIDE_W_NARROW : SLIDE_W_WIDE;
  deck->height = SLIDE_H;
  deck->slides = g_ptr_array_new_with_free_func (slide_free);
  deck->font = g_strdup (FONT_FAMILY);
  deck->title = g_strdup (jm_document_get_title (document));
  deck->subject = g_strdup (jm_document_get_scenario (document));

  b.doc = document;
  b.options = options;
  b.deck = deck;
  b.theme = options->theme;
  b.colors = jm_theme_get_colors (options->theme);
  deck->background = b.colors->background;
  deck->text = b.colors->text;
  b.names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (options->date != NULL)
    b.date = g_strdup (options->date);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      b.date = g_date_time_format (now, "%Y-%m-%d");
    }

  jm_render_options_init (&render);
  render.theme = options->theme;
  render.persona_id = options->persona_id;
  render.date = b.date;
  b.layout = jm_layout_new (document, &render);

  /* Measured as the layout measures: no hinting, so sizes scale evenly. */
  b.font_map = pango_cairo_font_map_new ();
  b.context = pango_font_map_create_context (b.font_map);
  font_options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (b.context, font_options);
  cairo_font_options_destroy (font_options);

  build_title_slide (&b);
  personas = jm_document_get_personas (document);
  for (guint i = 0; i < personas->len; i++)
    {
      JmPersona *persona = g_ptr_array_index (personas, i);

      if (options->persona_id == NULL || g_strcmp0 (options->persona_id, persona->id) == 0)
        build_persona_slide (&b, persona, i);
    }
  ok = build_overview_slide (&b, error);
  if (ok)
    {
      build_stage_slides (&b);
      build_metrics_slides (&b);
    }

  g_object_unref (b.layout);
  g_object_unref (b.context);
  g_object_unref (b.font_map);
  g_hash_table_unref (b.names);
  g_free (b.date);
  if (!ok)
    {
      jm_deck_free (deck);
      return NULL;
    }
  return deck;
}

gboolean
jm_deck_write (JmDocument            *document,
               const char            *path,
               JmDeckFormat           format,
               const JmExportOptions *options,
               GError               **error)
{
  g_autoptr(JmDeck) deck = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local = NULL;
  gconstpointer data;
  gsize size;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  deck = jm_deck_new (document, options, &local);
  if (deck != NULL)
    bytes = format == JM_DECK_PPTX ? jm_pptx_build (deck, &local) : jm_odp_build (deck, &local);
  if (bytes == NULL)
    {
      g_set_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_WRITE,
                   _("Could not write “%s”: %s"), path, local->message);
      return FALSE;
    }

  /* A temporary file beside the target, flushed and renamed over it. */
  data = g_bytes_get_data (bytes, &size);
  if (!g_file_set_contents_full (path, data, (gssize) size, G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local))
    {
      g_set_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_WRITE,
                   _("Could not write “%s”: %s"), path, local->message);
      return FALSE;
    }
  return TRUE;
}
