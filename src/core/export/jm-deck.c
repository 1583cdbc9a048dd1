/* jm-deck.c — the slides of a deck and the shapes on them: the title,
 * the personas, the overview and the metrics here, the stages in
 * jm-deck-stage.c. Text is measured with the map's font, so the sizes
 * chosen fit the boxes. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "jm-deck-builder.h"
#include "jm-i18n.h"
#include "jm-image.h"
#include "jm-metrics-table.h"
#include "jm-number.h"

/* Slides: 13.33 × 7.5 inches (16:9) or 10 × 7.5 (4:3), in points. */
#define SLIDE_W_WIDE   960.0
#define SLIDE_W_NARROW 720.0
#define SLIDE_H        540.0

/* The overview's picture: pixels per inch of the slide. */
#define OVERVIEW_PPI 192.0

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

JmDeckShape *
jm_deck_shape_add (GPtrArray      *container,
                   JmDeckShapeKind kind,
                   const char     *name,
                   double          x,
                   double          y,
                   double          width,
                   double          height)
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

void
jm_deck_shape_fill (JmDeckShape *shape,
                    JmColor      color)
{
  shape->filled = TRUE;
  shape->fill = color;
}

void
jm_deck_shape_stroke (JmDeckShape *shape,
                      JmColor      color,
                      double       width)
{
  shape->stroked = TRUE;
  shape->stroke = color;
  shape->stroke_width = width;
}

void
jm_deck_shape_insets (JmDeckShape *shape,
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

JmDeckPara *
jm_deck_shape_para (JmDeckShape *shape,
                    JmDeckAlign  align)
{
  JmDeckPara *para = g_new0 (JmDeckPara, 1);

  para->runs = g_ptr_array_new_with_free_func (run_free);
  para->align = align;
  g_ptr_array_add (shape->paragraphs, para);
  return para;
}

/* Adds text to a paragraph; each newline in it becomes a line break. */
void
jm_deck_para_text (JmDeckPara *para,
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
JmDeckShape *
jm_deck_add_text (GPtrArray  *container,
                  const char *name,
                  double      x,
                  double      y,
                  double      width,
                  double      height,
                  const char *text,
                  double      size,
                  gboolean    bold,
                  JmColor     color,
                  JmDeckAlign align)
{
  JmDeckShape *shape = jm_deck_shape_add (container, JM_DECK_SHAPE_TEXT, name, x, y, width, height);

  jm_deck_para_text (jm_deck_shape_para (shape, align), text, size, bold, FALSE, color);
  return shape;
}

JmDeckShape *
jm_deck_add_rect (GPtrArray  *container,
                  const char *name,
                  double      x,
                  double      y,
                  double      width,
                  double      height,
                  double      radius,
                  JmColor     fill)
{
  JmDeckShape *shape = jm_deck_shape_add (container, JM_DECK_SHAPE_RECT, name, x, y, width, height);

  shape->radius = radius;
  jm_deck_shape_fill (shape, fill);
  return shape;
}

/* ---- measuring text with the map's font ---- */

static PangoLayout *
make_text (JmDeckBuilder *b,
           const char    *text,
           double         size,
           gboolean       bold,
           gboolean       italic,
           double         width)
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

double
jm_deck_text_height (JmDeckBuilder *b,
                     const char    *text,
                     double         size,
                     gboolean       bold,
                     gboolean       italic,
                     double         width)
{
  g_autoptr(PangoLayout) layout = make_text (b, text, size, bold, italic, width);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return logical.height / (double) PANGO_SCALE * HEIGHT_SLACK;
}

double
jm_deck_text_width (JmDeckBuilder *b,
                    const char    *text,
                    double         size,
                    gboolean       bold)
{
  g_autoptr(PangoLayout) layout = make_text (b, text, size, bold, FALSE, -1);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return logical.width / (double) PANGO_SCALE / FONT_FIT;
}

/* The largest size from size down to min_size at which text fits the box. */
double
jm_deck_fit_size (JmDeckBuilder *b,
                  const char    *text,
                  gboolean       bold,
                  gboolean       italic,
                  double         width,
                  double         height,
                  double         size,
                  double         min_size)
{
  for (; size > min_size; size -= MAX (0.5, size * 0.06))
    if (jm_deck_text_height (b, text, size, bold, italic, width * FONT_FIT) <= height)
      return size;
  return min_size;
}

/* ---- colours and labels ---- */

JmColor
jm_deck_stage_color (JmDeckBuilder *b,
                     JmStage       *stage,
                     guint          index)
{
  JmColor c;

  if (stage->color != NULL && jm_color_parse (stage->color, &c))
    return c;
  return jm_theme_palette (b->theme, index);
}

JmColor
jm_deck_persona_color (JmDeckBuilder *b,
                       JmPersona     *persona,
                       guint          index)
{
  JmColor c;

  if (persona->color != NULL && jm_color_parse (persona->color, &c))
    return c;
  return jm_theme_palette (b->theme, index + 3);
}

/* Pain points take their severity's colour, other cards their lane's. */
JmColor
jm_deck_card_accent (JmDeckBuilder *b,
                     JmLaneKind     kind,
                     const JmCard  *card)
{
  if (kind == JM_LANE_PAIN_POINTS && card->severity != JM_SEVERITY_NONE)
    return jm_theme_severity_color (b->theme, card->severity);
  return jm_theme_kind_color (b->theme, kind);
}

static JmColor
status_color (JmDeckBuilder *b,
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
status_label (JmDeckBuilder *b,
              JmMetricStatus status)
{
  switch (status)
    {
    case JM_METRIC_STATUS_MET:
      /* Translators: a metric's status against its target, in the metrics table of a slide deck */
      return TR (b, N_("Met"));
    case JM_METRIC_STATUS_NEAR:
      /* Translators: a metric's status: it misses its target, but only just */
      return TR (b, N_("Nearly met"));
    case JM_METRIC_STATUS_MISSED:
      /* Translators: a metric's status: it misses its target */
      return TR (b, N_("Missed"));
    case JM_METRIC_STATUS_NONE:
    default:
      /* Translators: a metric's status when it has no target */
      return TR (b, N_("No target"));
    }
}

/* As the map's language writes numbers: "3.8", "3,8"; "78%", "78 %". */
static char *
format_number (JmDeckBuilder *b,
               double         value,
               const char    *unit)
{
  return jm_number_format_unit_in (value, -1, unit, b->lang);
}

static const char *
metric_unit (const JmMetric *m)
{
  return m->kind == JM_METRIC_CUSTOM ? m->unit : jm_metric_kind_get_unit (m->kind);
}

static const char *
metric_name (JmDeckBuilder  *b,
             const JmMetric *m)
{
  return m->kind == JM_METRIC_CUSTOM && m->name ? m->name : jm_metric_kind_get_label_in (m->kind, b->lang);
}

/* As the map's badges say it: "CSAT 82% / 85%". */
static char *
metric_label (JmDeckBuilder  *b,
              const JmMetric *m)
{
  g_autofree char *value = format_number (b, m->value, metric_unit (m));

  if (m->has_target)
    {
      g_autofree char *target = format_number (b, m->target, metric_unit (m) && *metric_unit (m) == '%' ? "%" : NULL);
      /* Translators: a metric badge: "CSAT 82% / 85%" (value / target) */
      return g_strdup_printf (TR (b, N_("%s %s / %s")), metric_name (b, m), value, target);
    }
  return g_strdup_printf ("%s %s", metric_name (b, m), value);
}

/* A short name for a shape: the start of its text. */
char *
jm_deck_shape_name (const char *what,
                    const char *text)
{
  g_autofree char *start = NULL;

  if (text == NULL || *text == '\0')
    return g_strdup (what);
  start = g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, -1), 40));
  g_strdelimit (start, "\r\n\t", ' ');
  return g_strdup_printf ("%s: %s", what, start);
}

/* "Checkout (2 of 3)": a slide of several, by its name. */
char *
jm_deck_part_name (JmDeckBuilder *b,
                   const char    *name,
                   guint          part,
                   guint          n_parts)
{
  /* Translators: the name of one slide of several: "Checkout (2 of 3)" */
  return g_strdup_printf (TR (b, N_("%s (%u of %u)")), name, part + 1, n_parts);
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

JmDeckSlide *
jm_deck_slide_new (JmDeckBuilder  *b,
                   JmDeckSlideKind kind,
                   const char     *name)
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
JmDeckShape *
jm_deck_add_pill (JmDeckBuilder *b,
                  GPtrArray     *container,
                  const char    *name,
                  const char    *text,
                  double         x,
                  double         y,
                  double         width,
                  double         height,
                  double         size,
                  JmColor        tone,
                  gboolean       solid)
{
  JmDeckShape *pill = jm_deck_shape_add (container, JM_DECK_SHAPE_RECT, name, x, y, width, height);

  pill->radius = height / 2;
  pill->anchor = JM_DECK_ANCHOR_MIDDLE;
  pill->no_wrap = TRUE;
  jm_deck_shape_insets (pill, 0, 0, 0, 0);
  if (solid && !b->colors->flat)
    {
      jm_deck_shape_fill (pill, tone);
      jm_deck_para_text (jm_deck_shape_para (pill, JM_DECK_ALIGN_CENTER), text, size, TRUE, FALSE, JM_DECK_WHITE);
    }
  else
    {
      jm_deck_shape_fill (pill, solid ? b->colors->surface : jm_color_mix (b->colors->surface, tone, 0.12));
      jm_deck_shape_stroke (pill, tone, MAX (0.75, size * 0.1));
      jm_deck_para_text (jm_deck_shape_para (pill, JM_DECK_ALIGN_CENTER), text, size, TRUE, FALSE, tone);
    }
  return pill;
}

/* Metric badges left to right from (x, y) within width, wrapping;
 * returns the height used. unit is points per map unit. */
double
jm_deck_add_badges (JmDeckBuilder *b,
                    GPtrArray     *container,
                    GPtrArray     *metrics,
                    double         x,
                    double         y,
                    double         width,
                    double         unit)
{
  double cx = x, cy = y, h = MAP_BADGE_H * unit, size = 11.5 * unit * FONT_FIT;
  double tolerance = jm_document_get_metric_tolerance (b->doc);

  for (guint i = 0; metrics != NULL && i < metrics->len; i++)
    {
      const JmMetric *m = g_ptr_array_index (metrics, i);
      g_autofree char *label = metric_label (b, m);
      g_autofree char *name = jm_deck_shape_name (TR (b, N_("Metric")), label);
      double w = MIN (jm_deck_text_width (b, label, size, TRUE) + h, width);

      if (cx + w > x + width && cx > x)
        {
          cx = x;
          cy += h + 4 * unit;
        }
      jm_deck_add_pill (b, container, name, label, cx, cy, w, h, size,
                        status_color (b, jm_metric_get_status (m, tolerance)), TRUE);
      cx += w + 6 * unit;
    }
  return metrics != NULL && metrics->len > 0 ? cy - y + h : 0;
}

/* Equal pieces of the journey across the slide, one per stage, in the
 * stages' colours: the title slide's picture of the map. */
static void
add_stage_strip (JmDeckBuilder *b,
                 JmDeckSlide   *slide,
                 double         x,
                 double         y,
                 double         width,
                 double         height,
                 gboolean       named)
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
      g_autofree char *name = jm_deck_shape_name (TR (b, N_("Stage")), stage->name);
      JmDeckShape *piece = jm_deck_add_rect (slide->shapes, name, x + i * (w + gap), y, w, height,
                                             named ? 8 : 0, jm_deck_stage_color (b, stage, i));

      if (named)
        {
          double size = jm_deck_fit_size (b, stage->name, TRUE, FALSE, w - 16, height - 6, 15, 7);

          piece->anchor = JM_DECK_ANCHOR_MIDDLE;
          jm_deck_shape_insets (piece, 8, 2, 8, 2);
          jm_deck_para_text (jm_deck_shape_para (piece, JM_DECK_ALIGN_CENTER), stage->name, size * FONT_FIT,
                             TRUE, FALSE, b->colors->flat ? b->colors->text : JM_DECK_WHITE);
        }
    }
}

static void
build_title_slide (JmDeckBuilder *b)
{
  JmDeck *deck = b->deck;
  const char *title = jm_document_get_title (b->doc);
  const char *scenario = jm_document_get_scenario (b->doc);
  JmMapState state = jm_document_get_state (b->doc);
  const char *state_label = jm_map_state_get_label_in (state, b->lang);
  JmDeckSlide *slide = jm_deck_slide_new (b, JM_DECK_SLIDE_TITLE, title && *title ? title : TR (b, N_("Journey map")));
  double m = deck->width > SLIDE_W_NARROW ? 64 : 48, w = deck->width - 2 * m;
  double y = deck->height * 0.17, size, h, badge_w;
  g_autofree char *credit = NULL;
  g_autofree char *date = NULL;
  JmDeckShape *shape;

  add_stage_strip (b, slide, 0, 0, deck->width, 10, FALSE);

  size = jm_deck_fit_size (b, title, TRUE, FALSE, w, 150, 42, 22);
  h = jm_deck_text_height (b, title, size, TRUE, FALSE, w * FONT_FIT);
  shape = jm_deck_add_text (slide->shapes, TR (b, N_("Title")), m, y, w, h, title, size * FONT_FIT, TRUE,
                            b->colors->text, JM_DECK_ALIGN_START);
  shape->role = JM_DECK_ROLE_TITLE;
  shape->anchor = JM_DECK_ANCHOR_BOTTOM;
  y += h + 14;

  /* The state, as the map's header shows it. */
  badge_w = jm_deck_text_width (b, state_label, 14, TRUE) + 28;
  shape = jm_deck_add_pill (b, slide->shapes, state_label, state_label, m, y, badge_w, 28, 14 * FONT_FIT,
                            state == JM_MAP_STATE_CURRENT ? jm_theme_palette (b->theme, 0)
                                                  : jm_theme_palette (b->theme, 2), TRUE);
  y += 28 + 22;

  if (scenario != NULL && *scenario != '\0')
    {
      double room = deck->height - 150 - y, sw = MIN (w, 820);

      size = jm_deck_fit_size (b, scenario, FALSE, FALSE, sw, room, 20, 10);
      h = MIN (room, jm_deck_text_height (b, scenario, size, FALSE, FALSE, sw * FONT_FIT));
      shape = jm_deck_add_text (slide->shapes, TR (b, N_("Scenario")), m, y, sw, h, scenario, size * FONT_FIT, FALSE,
                                b->colors->text_dim, JM_DECK_ALIGN_START);
      shape->role = JM_DECK_ROLE_SUBTITLE;
    }

  add_stage_strip (b, slide, m, deck->height - m - 78, w, 42, TRUE);

  /* Translators: the footer of a rendered map: "Journey Maps · 2026-11-23" */
  date = jm_i18n_format_date (b->lang, b->date);
  credit = g_strdup_printf (TR (b, N_("Journey Maps · %s")), date);
  jm_deck_add_text (slide->shapes, TR (b, N_("Date")), m, deck->height - m - 24, w, 22, credit, 12, FALSE,
                    b->colors->text_dim, JM_DECK_ALIGN_START);
}

/* ---- personas ---- */

typedef struct {
  const char  *heading;
  char       **items;     /* borrowed */
} Section;

static double
section_height (JmDeckBuilder *b,
                const Section *section,
                double         width,
                double         size)
{
  double h = jm_deck_text_height (b, section->heading, size * 0.9, TRUE, FALSE, width) + 4;

  for (guint i = 0; section->items[i] != NULL; i++)
    {
      g_autofree char *item = g_strconcat ("• ", section->items[i], NULL);
      h += jm_deck_text_height (b, item, size, FALSE, FALSE, width * FONT_FIT) + size * 0.25;
    }
  return h;
}

static void
add_section (JmDeckBuilder *b,
             JmDeckSlide   *slide,
             const Section *section,
             JmColor        accent,
             double         x,
             double         y,
             double         width,
             double         height,
             double         size)
{
  JmDeckShape *box = jm_deck_shape_add (slide->shapes, JM_DECK_SHAPE_TEXT, section->heading, x, y, width, height);
  JmDeckPara *para = jm_deck_shape_para (box, JM_DECK_ALIGN_START);

  jm_deck_para_text (para, section->heading, size * 0.9 * FONT_FIT, TRUE, FALSE, accent);
  for (guint i = 0; section->items[i] != NULL; i++)
    {
      g_autofree char *item = g_strconcat ("• ", section->items[i], NULL);

      para = jm_deck_shape_para (box, JM_DECK_ALIGN_START);
      para->space_before = i == 0 ? 4 : size * 0.25;
      jm_deck_para_text (para, item, size * FONT_FIT, FALSE, FALSE, b->colors->text);
    }
}

static void
build_persona_slide (JmDeckBuilder *b,
                     JmPersona     *persona,
                     guint          index)
{
  JmDeck *deck = b->deck;
  JmDeckSlide *slide = jm_deck_slide_new (b, JM_DECK_SLIDE_PERSONA, persona->name);
  JmColor accent = jm_deck_persona_color (b, persona, index);
  gboolean wide = deck->width > SLIDE_W_NARROW;
  double m = 40, col = wide ? 220 : 170, x = m + col + (wide ? 40 : 28), w = deck->width - x - m;
  g_autoptr(GString) meta = g_string_new (NULL);
  g_autofree char *quote = persona->quote && *persona->quote ? g_strdup_printf ("“%s”", persona->quote) : NULL;
  Section all[] = {
    { TR (b, N_("Goals")), persona->goals },
    { TR (b, N_("Needs")), persona->needs },
    { TR (b, N_("Frustrations")), persona->frustrations },
    { TR (b, N_("Interests")), persona->interests },
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
    g_string_append_printf (meta, TR (b, N_("%u years")), persona->age);
  if (persona->occupation && *persona->occupation)
    g_string_append_printf (meta, "%s%s", meta->len ? " · " : "", persona->occupation);

  /* The right column's text at the largest size that fits the slide. */
  for (f = 1.3; f > 0.5; f -= 0.05)
    {
      double rows = 0;

      name_h = jm_deck_text_height (b, persona->name, 34 * f, TRUE, FALSE, w * FONT_FIT);
      meta_h = meta->len ? jm_deck_text_height (b, meta->str, 17 * f, FALSE, FALSE, w * FONT_FIT) : 0;
      quote_h = quote ? jm_deck_text_height (b, quote, 19 * f, FALSE, TRUE, (w - 18) * FONT_FIT) : 0;
      bio_h = persona->bio && *persona->bio
              ? jm_deck_text_height (b, persona->bio, 14 * f, FALSE, FALSE, w * FONT_FIT) : 0;
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
      g_autofree char *name = jm_deck_shape_name (TR (b, N_("Photo")), persona->name);

      photo_h = ph * s;
      shape = jm_deck_shape_add (slide->shapes, JM_DECK_SHAPE_PICTURE, name, m + (col - pw * s) / 2, m + 8,
                                 pw * s, ph * s);
      shape->image = g_bytes_ref (persona->photo);
      shape->image_type = g_strdup (persona->photo_type);
      shape->description = g_strdup (persona->name);
      jm_deck_shape_stroke (shape, accent, 3);
      cairo_surface_destroy (photo);
    }
  else
    {
      g_autofree char *initial = g_utf8_substring (persona->name, 0, 1);
      double d = MIN (col * 0.8, 160);

      photo_h = d;
      shape = jm_deck_shape_add (slide->shapes, JM_DECK_SHAPE_ELLIPSE, TR (b, N_("Photo")), m + (col - d) / 2, m + 8, d, d);
      jm_deck_shape_fill (shape, accent);
      shape->anchor = JM_DECK_ANCHOR_MIDDLE;
      jm_deck_para_text (jm_deck_shape_para (shape, JM_DECK_ALIGN_CENTER), initial, d * 0.45, TRUE, FALSE,
                         JM_DECK_WHITE);
    }

  /* Preferred channels under the photo, each a chip online or offline. */
  if (persona->channels != NULL && persona->channels->len > 0)
    {
      double cy = m + 8 + photo_h + 24, cx = m;

      jm_deck_add_text (slide->shapes, TR (b, N_("Preferred channels")), m, cy, col, 20, TR (b, N_("Preferred channels")),
                        13 * FONT_FIT, TRUE, accent, JM_DECK_ALIGN_START);
      cy += 26;
      for (guint i = 0; i < persona->channels->len; i++)
        {
          JmChannel channel = g_array_index (persona->channels, JmChannel, i);
          const char *label = jm_channel_get_label_in (channel, b->lang);
          gboolean online = jm_channel_is_online (channel);
          double cw = MIN (col, jm_deck_text_width (b, label, 13, TRUE) + 26);

          if (cx + cw > m + col && cx > m)
            {
              cx = m;
              cy += 32;
            }
          if (cy + 26 > deck->height - m)
            break;
          jm_deck_add_pill (b, slide->shapes, label, label, cx, cy, cw, 26, 13 * FONT_FIT,
                            online ? b->colors->online : b->colors->offline, FALSE);
          cx += cw + 8;
        }
    }

  y = m;
  shape = jm_deck_add_text (slide->shapes, TR (b, N_("Name")), x, y, w, name_h, persona->name, 34 * f * FONT_FIT, TRUE,
                            b->colors->text, JM_DECK_ALIGN_START);
  shape->role = JM_DECK_ROLE_TITLE;
  y += name_h + 4;
  if (meta->len > 0)
    {
      jm_deck_add_text (slide->shapes, TR (b, N_("Age and occupation")), x, y, w, meta_h, meta->str, 17 * f * FONT_FIT, FALSE,
                        b->colors->text_dim, JM_DECK_ALIGN_START);
      y += meta_h;
    }
  y += 16;
  if (quote != NULL)
    {
      jm_deck_add_rect (slide->shapes, TR (b, N_("Quote mark")), x, y, 4, quote_h, 2, accent);
      shape = jm_deck_add_text (slide->shapes, TR (b, N_("Quote")), x + 18, y, w - 18, quote_h, NULL, 0, FALSE,
                                b->colors->text, JM_DECK_ALIGN_START);
      g_ptr_array_set_size (shape->paragraphs, 0);
      jm_deck_para_text (jm_deck_shape_para (shape, JM_DECK_ALIGN_START), quote, 19 * f * FONT_FIT, FALSE, TRUE,
                         b->colors->text);
      y += quote_h + 14;
    }
  if (bio_h > 0)
    {
      jm_deck_add_text (slide->shapes, TR (b, N_("Bio")), x, y, w, bio_h, persona->bio, 14 * f * FONT_FIT, FALSE,
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
build_overview_slide (JmDeckBuilder *b,
                      GError       **error)
{
  JmDeck *deck = b->deck;
  JmDeckSlide *slide = jm_deck_slide_new (b, JM_DECK_SLIDE_OVERVIEW, TR (b, N_("Overview")));
  const char *notes = jm_document_get_notes (b->doc);
  double m = 24, top = m + 40, aw = deck->width - 2 * m, ah = deck->height - top - m;
  double mw, mh, s, w, h;
  g_autoptr(GBytes) png = NULL;
  JmDeckShape *shape;

  shape = jm_deck_add_text (slide->shapes, TR (b, N_("Title")), m, m, aw, 32, TR (b, N_("Overview")), 22 * FONT_FIT, TRUE,
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

  shape = jm_deck_shape_add (slide->shapes, JM_DECK_SHAPE_PICTURE, TR (b, N_("The whole map")),
                             m + (aw - w) / 2, top + (ah - h) / 2, w, h);
  shape->image = g_steal_pointer (&png);
  shape->image_type = g_strdup ("image/png");
  shape->description = g_strdup (jm_document_get_title (b->doc));

  if (notes != NULL && *notes != '\0')
    slide->notes = g_strdup (notes);
  return TRUE;
}

/* ---- metrics ---- */

/* The slides the table's rows from first on take, each as many as fit
 * between top and bottom. */
static guint
count_table_slides (GArray *heights,
                    guint   first,
                    double  top,
                    double  bottom)
{
  guint n = 0;

  for (guint i = first; i < heights->len;)
    {
      double y = top;

      do
        y += g_array_index (heights, double, i++);
      while (i < heights->len && y + g_array_index (heights, double, i) <= bottom);
      n++;
    }
  return n;
}

static void
build_metrics_slides (JmDeckBuilder *b)
{
  JmDeck *deck = b->deck;
  const JmThemeColors *c = b->colors;
  g_autoptr(GPtrArray) rows = jm_metrics_table_rows (b->doc);
  const char *headings[] = { TR (b, N_("Stage")), TR (b, N_("Touchpoint")), TR (b, N_("Metric")), TR (b, N_("Value")), TR (b, N_("Target")),
                             /* Translators: the heading of the metrics table's status column */
                             TR (b, N_("Status")) };
  const double shares[] = { 0.17, 0.35, 0.14, 0.11, 0.11, 0.12 };
  double m = 40, top = m + 58, width = deck->width - 2 * m;
  double size = deck->width > SLIDE_W_NARROW ? 13 : 11.5, pad = 6;
  guint next = 0, n_slides = 0, slide_no = 0;
  g_autoptr(GArray) heights = g_array_new (FALSE, FALSE, sizeof (double));
  double header_h;

  if (rows->len == 0)
    return;

  /* Each row as tall as its tallest cell. */
  header_h = jm_deck_text_height (b, headings[0], size, TRUE, FALSE, -1) + 2 * pad;
  for (guint i = 0; i < rows->len; i++)
    {
      JmMetricRow *row = g_ptr_array_index (rows, i);
      const char *where = row->card_text ? row->card_text : TR (b, N_("Whole stage"));
      double h = MAX (jm_deck_text_height (b, row->stage_name, size, FALSE, FALSE, width * shares[0] - 2 * pad),
                      jm_deck_text_height (b, where, size, FALSE, FALSE, width * shares[1] - 2 * pad));

      h = MAX (h, jm_deck_text_height (b, metric_name (b, row->metric), size, FALSE, FALSE, width * shares[2] - 2 * pad));
      h += 2 * pad;
      g_array_append_val (heights, h);
    }

  /* How many slides: rows go on while they fit. */
  n_slides = count_table_slides (heights, 0, top + header_h, deck->height - m);

  while (next < rows->len)
    {
      g_autofree char *title = n_slides > 1 ? jm_deck_part_name (b, TR (b, N_("Metrics")), slide_no, n_slides)
                                            : g_strdup (TR (b, N_("Metrics")));
      JmDeckSlide *slide = jm_deck_slide_new (b, JM_DECK_SLIDE_METRICS, title);
      JmDeckShape *shape, *table;
      double y = top + header_h, table_h;
      guint first = next, n, share;

      slide->part = slide_no;
      slide->n_parts = n_slides;
      shape = jm_deck_add_text (slide->shapes, TR (b, N_("Title")), m, m, width, 40, title, 28 * FONT_FIT, TRUE, c->text,
                                JM_DECK_ALIGN_START);
      shape->role = JM_DECK_ROLE_TITLE;

      /* As many rows on each slide, about: the last is not left with a
       * row or two, and the rest always fit the slides that are left. */
      share = (rows->len - next + (n_slides - slide_no) - 1) / (n_slides - slide_no);
      do
        y += g_array_index (heights, double, next++);
      while (next < rows->len && y + g_array_index (heights, double, next) <= deck->height - m
             && (next - first < share
                 || count_table_slides (heights, next, top + header_h, deck->height - m) > n_slides - slide_no - 1));
      n = next - first;
      table_h = y - top;

      table = jm_deck_shape_add (slide->shapes, JM_DECK_SHAPE_TABLE, TR (b, N_("Metrics")), m, top, width, table_h);
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
          JmDeckShape *cell = jm_deck_shape_add (table->children, JM_DECK_SHAPE_RECT, headings[i], 0, 0, 1, 1);

          jm_deck_shape_fill (cell, c->flat ? c->surface_alt : jm_theme_palette (b->theme, 0));
          jm_deck_shape_insets (cell, pad, pad, pad, pad);
          cell->anchor = JM_DECK_ANCHOR_MIDDLE;
          jm_deck_para_text (jm_deck_shape_para (cell, i >= 3 ? JM_DECK_ALIGN_END : JM_DECK_ALIGN_START), headings[i],
                             size * FONT_FIT, TRUE, FALSE, c->flat ? c->text : JM_DECK_WHITE);
        }

      for (guint r = first; r < next; r++)
        {
          JmMetricRow *row = g_ptr_array_index (rows, r);
          const JmMetric *metric = row->metric;
          g_autofree char *value = format_number (b, metric->value, metric_unit (metric));
          g_autofree char *target = metric->has_target ? format_number (b, metric->target, metric_unit (metric))
                                                       : g_strdup ("—");
          const char *texts[] = {
            row->stage_name, row->card_text ? row->card_text : TR (b, N_("Whole stage")), metric_name (b, metric),
            value, target, status_label (b, row->status),
          };
          JmColor band = (r - first) % 2 == 1 ? c->surface_alt : c->surface;

          g_array_append_val (table->row_heights, g_array_index (heights, double, r));
          for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
            {
              JmDeckShape *cell = jm_deck_shape_add (table->children, JM_DECK_SHAPE_RECT, texts[i], 0, 0, 1, 1);
              gboolean status = i == G_N_ELEMENTS (texts) - 1;
              JmColor tone = status_color (b, row->status);

              jm_deck_shape_insets (cell, pad, pad, pad, pad);
              cell->anchor = JM_DECK_ANCHOR_MIDDLE;
              if (status && !c->flat)
                jm_deck_shape_fill (cell, tone);
              else
                jm_deck_shape_fill (cell, band);
              jm_deck_para_text (jm_deck_shape_para (cell, i >= 3 ? JM_DECK_ALIGN_END : JM_DECK_ALIGN_START), texts[i],
                                 size * FONT_FIT, status || i == 3, FALSE,
                                 status ? (c->flat ? tone : JM_DECK_WHITE) : c->text);
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
  g_free (deck->language);
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
  JmDeckBuilder b = { 0 };
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
  render.language = options->language;
  render.date = b.date;
  render.view_id = options->view_id;
  render.emotion_values = options->emotion_values;
  b.layout = jm_layout_new (document, &render);
  b.lang = jm_layout_get_language (b.layout);
  deck->language = g_strdup (b.lang);

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

      if ((options->persona_id == NULL || g_strcmp0 (options->persona_id, persona->id) == 0)
          && jm_layout_shows_persona (b.layout, persona->id))
        build_persona_slide (&b, persona, i);
    }
  ok = build_overview_slide (&b, error);
  if (ok)
    {
      jm_deck_build_stage_slides (&b);
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
