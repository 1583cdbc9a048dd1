/* jm-deck-stage.c — a deck's stage slides. A deck is read on a laptop or
 * printed rather than seen from the back of a room, so it plans its own
 * parts rather than the presentation mode's: one slide per stage whenever
 * cards' text stays at or above DECK_MIN_TEXT_PT, else the fewest parts
 * that keep it, of about equal height, each with the stage's headers, the
 * lane titles and the emotion lane (pinned: every part shows the curve and
 * whose it is). Shapes are placed from the map's own layout: each card,
 * step name and lane title lands where the map has it, as a shape the
 * office suite can move, retype and recolour. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "jm-deck-builder.h"

/* Cards' text (14 map units) is never smaller than DECK_MIN_TEXT_PT while
 * parts can keep it so (10 pt: a report's smallest body text, read at
 * arm's length or on paper), and never larger than STAGE_MAX_TEXT_PT: a
 * narrow stage is not blown up. */
#define DECK_MIN_TEXT_PT  10.0
#define STAGE_MAX_TEXT_PT 19.0
#define CARD_TEXT_UNITS   14.0
#define STAGE_MARGIN      16.0
/* A lane with nothing in the stage keeps its row, its title alone: map units. */
#define EMPTY_ROW_H       32.0
/* The emotion lane's height on a stage slide, map units (the map's: 230). */
#define EMOTION_ROW_H     150.0
/* Beyond this many lanes, parts are not evened out (see balance_parts). */
#define MAX_BALANCED_LANES 64
/* The legend of the emotion lane: one line per curve, map units. */
#define LEGEND_LINE       17.0

/* A lane row of a part: where the map has it and where the slide puts it.
 * A part's rows are stacked in the map's order from the headers down; the
 * emotion lane comes along with every part. */
typedef struct {
  JmLane *lane;
  double  map_y;
  double  map_h;
  double  squeeze;     /* the row's height on the slide against the map's (the emotion lane's is lower) */
  double  slide_y;
} Row;

/* A row's height on the slide, in map units. */
static double
row_height (const Row *row)
{
  return row->map_h * row->squeeze;
}

/* Where a stage slide puts the map: the lane titles' column on the left,
 * the stage's columns beside it, its headers on top, then the rows of
 * this part. */
typedef struct {
  double  s;           /* points per map unit */
  double  titles_x;    /* slide x of the map's lane titles column */
  double  grid_x;      /* slide x of frame_x */
  double  frame_x;
  double  head_y;      /* slide y of stages_y */
  double  stages_y;
  double  steps_y;
  double  skip;        /* map units of the headers left out above steps_y */
  GArray *rows;        /* Row, top to bottom */
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

/* A map y inside one of the part's rows, on the slide. */
static double
place_y (const Place *p,
         double       y)
{
  const Row *row;

  if (p->rows->len == 0)
    return p->head_y;
  row = &g_array_index (p->rows, Row, 0);
  for (guint i = 0; i < p->rows->len; i++)
    {
      const Row *r = &g_array_index (p->rows, Row, i);

      if (y >= r->map_y - 0.5 && y < r->map_y + r->map_h)
        return r->slide_y + (y - r->map_y) * p->s * r->squeeze;
      if (y >= r->map_y)
        row = r;
    }
  return row->slide_y + (y - row->map_y) * p->s * row->squeeze;
}

typedef struct {
  double stages_y;
  double steps_y;
  double lanes_y;
  double header_h;    /* lanes_y − stages_y */
  double metrics_h;   /* the stage metrics' band between the stages and the steps */
} Headers;

/* The headers over a part: all of them over the first, the stages and
 * steps without the metrics band over the others, and over a stage that
 * has no metrics of its own. */
static double
headers_height (const Headers *h,
                gboolean       metrics)
{
  return metrics ? h->header_h : h->header_h - h->metrics_h;
}

/* Whether the part shows the stage's metrics band: the first does, when
 * the stage has metrics. */
static gboolean
shows_stage_metrics (JmStage *stage,
                     guint    part)
{
  return part == 0 && stage->metrics->len > 0;
}

static gboolean
get_headers (JmDeckBuilder *b,
             Headers       *h)
{
  GPtrArray *stages = jm_document_get_stages (b->doc);
  JmStage *first;
  JmRect stage, step;

  if (stages->len == 0)
    return FALSE;
  first = g_ptr_array_index (stages, 0);
  if (!jm_layout_get_header_rect (b->layout, JM_HIT_STAGE, first->id, &stage)
      || !jm_layout_get_header_rect (b->layout, JM_HIT_STEP,
                                     ((JmStep *) g_ptr_array_index (first->steps, 0))->id, &step))
    return FALSE;
  h->stages_y = stage.y;
  h->steps_y = step.y;
  h->lanes_y = step.y + step.height;
  h->header_h = h->lanes_y - h->stages_y;
  h->metrics_h = MAX (0, h->steps_y - h->stages_y - MAP_STAGE_H);
  return TRUE;
}

static void
add_card (JmDeckBuilder *b,
          JmDeckSlide   *slide,
          const Place   *p,
          JmLane        *lane,
          JmCard        *card)
{
  const JmThemeColors *c = b->colors;
  JmColor accent = jm_deck_card_accent (b, lane->kind, card);
  double s = p->s;
  JmCardParts parts;
  JmRect r;
  double x, y, w, h, size;
  g_autofree char *name = jm_deck_shape_name (TR (b, N_("Card")), card->text);
  g_autoptr(GString) footer = g_string_new (NULL);
  JmDeckShape *group, *body;
  JmDeckPara *para;

  if (!jm_layout_get_card_rect (b->layout, card->id, &r) || !jm_layout_get_card_parts (b->layout, card->id, &parts))
    return;

  x = place_x (p, r.x);
  y = place_y (p, r.y);
  w = r.width * s;
  h = r.height * s;
  group = jm_deck_shape_add (slide->shapes, JM_DECK_SHAPE_GROUP, name, x, y, w, h);

  /* The card, holding its text (and the footer: evidence, owner). */
  body = jm_deck_add_rect (group->children, name, x, y, w, h, 8 * s,
                           c->flat ? c->surface : jm_color_mix (c->surface, accent, 0.06));
  jm_deck_shape_stroke (body, c->flat ? accent : c->grid, MAX (0.5, c->line_width * s * 0.8));
  {
    double top = (parts.text.y - r.y) * s;
    double left = (parts.text.x - r.x) * s;
    double right = (r.x + r.width - parts.text.x - parts.text.width) * s;
    double bottom = h - top - (parts.text.height + parts.footer.height) * s;

    jm_deck_shape_insets (body, left, top, right, bottom);
  }
  /* The map's size; smaller where the map cut a long text short. */
  size = CARD_TEXT_UNITS * s;
  if (jm_deck_text_height (b, card->text, CARD_TEXT_UNITS, FALSE, FALSE, parts.text.width) / HEIGHT_SLACK
      > parts.text.height + 1)
    size = jm_deck_fit_size (b, card->text, FALSE, FALSE, parts.text.width * s,
                             parts.text.height * s * HEIGHT_SLACK, size, size * 0.6);
  size *= FONT_FIT;
  para = jm_deck_shape_para (body, JM_DECK_ALIGN_START);
  jm_deck_para_text (para, card->text, size, FALSE, FALSE, c->text);

  if (card->evidence != JM_EVIDENCE_NONE)
    for (int i = 0; i < 3; i++)
      g_string_append (footer, i < (int) card->evidence ? "●" : "○");
  if (lane->kind == JM_LANE_OPPORTUNITIES && card->owner && *card->owner)
    {
      /* Translators: who owns an opportunity: "→ Store manager" */
      g_autofree char *owner = g_strdup_printf (TR (b, N_("→ %s")), card->owner);

      g_string_append_printf (footer, "%s%s", footer->len ? "   " : "", owner);
    }
  if (footer->len > 0)
    {
      para = jm_deck_shape_para (body, JM_DECK_ALIGN_START);
      para->space_before = 2 * s;
      jm_deck_para_text (para, footer->str, 11.5 * s * FONT_FIT, FALSE, FALSE, c->text_dim);
    }

  /* The accent bar says what kind of card this is. */
  jm_deck_add_rect (group->children, TR (b, N_("Accent")), x + 2.5 * s, y + 6 * s, 4 * s, h - 12 * s, 2 * s, accent);

  if (parts.chips.height > 0)
    {
      double cx = place_x (p, parts.chips.x), cy = place_y (p, parts.chips.y), ch = MAP_CHIP_H * s;
      double chip_size = 11 * s * FONT_FIT;

      if (lane->kind == JM_LANE_TOUCHPOINTS)
        {
          if (card->channel != JM_CHANNEL_NONE)
            {
              gboolean online = jm_channel_is_online (card->channel);
              g_autofree char *label = g_strdup_printf ("%s · %s", jm_channel_get_label_in (card->channel, b->lang),
                                                        online ? TR (b, N_("online")) : TR (b, N_("offline")));
              double cw = MIN (jm_deck_text_width (b, label, chip_size, TRUE) + ch, parts.chips.width * s - 26 * s);

              jm_deck_add_pill (b, group->children, TR (b, N_("Channel")), label, cx, cy, cw, ch, chip_size,
                                online ? c->online : c->offline, FALSE);
            }
          if (card->moment_of_truth)
            {
              JmDeckShape *star = jm_deck_shape_add (group->children, JM_DECK_SHAPE_STAR, TR (b, N_("Moment of truth")),
                                                     x + w - 27 * s, y + 9 * s, 18 * s, 18 * s);
              jm_deck_shape_fill (star, c->star);
            }
        }
      else
        {
          g_autofree char *label = NULL;
          double cw;

          /* Translators: a chip on a card: "Severity: High", "Priority: Low" */
          label = g_strdup_printf (lane->kind == JM_LANE_PAIN_POINTS ? TR (b, N_("Severity: %s")) : TR (b, N_("Priority: %s")),
                                   lane->kind == JM_LANE_PAIN_POINTS ? jm_severity_get_label_in (card->severity, b->lang)
                                                                     : jm_priority_get_label_in (card->priority, b->lang));
          cw = MIN (jm_deck_text_width (b, label, chip_size, TRUE) + ch, parts.chips.width * s);
          jm_deck_add_pill (b, group->children, lane->kind == JM_LANE_PAIN_POINTS ? TR (b, N_("Severity")) : TR (b, N_("Priority")),
                            label, cx, cy, cw, ch, chip_size,
                            lane->kind == JM_LANE_PAIN_POINTS
                            ? accent : jm_theme_kind_color (b->theme, JM_LANE_OPPORTUNITIES),
                            TRUE);
        }
    }

  /* Where the map shows the card's image: the image itself is in the
   * overview; pictures are kept off the stage slides. */
  if (parts.image.height > 0)
    {
      JmDeckShape *frame = jm_deck_add_rect (group->children, TR (b, N_("Image")), place_x (p, parts.image.x),
                                             place_y (p, parts.image.y), parts.image.width * s,
                                             parts.image.height * s, 6 * s, c->surface_alt);
      jm_deck_shape_stroke (frame, c->grid, MAX (0.5, s * 0.8));
    }

  if (card->metrics != NULL && card->metrics->len > 0)
    jm_deck_add_badges (b, group->children, card->metrics, place_x (p, parts.badges.x),
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
  JmDeckShape *line = jm_deck_shape_add (container, JM_DECK_SHAPE_PATH, name, 0, 0, 1, 1);

  line->path = g_array_new (FALSE, FALSE, sizeof (JmDeckPoint));
  path_point (line->path, x0, y0);
  /* A straight line as a Bézier piece, so paths are all of one kind. */
  path_point (line->path, x0 + (x1 - x0) / 3, y0 + (y1 - y0) / 3);
  path_point (line->path, x0 + (x1 - x0) * 2 / 3, y0 + (y1 - y0) * 2 / 3);
  path_point (line->path, x1, y1);
  path_bounds (line);
  jm_deck_shape_stroke (line, color, width);
  line->dashed = dashed;
  return line;
}

static void
add_curve (JmDeckBuilder *b,
           JmDeckSlide   *slide,
           const Place   *p,
           JmPersona     *persona,
           guint          index,
           JmMapState     state,
           double         left,
           double         right)
{
  guint n_steps = jm_document_get_n_steps (b->doc), n = 0;
  g_autofree double *xs = g_new (double, MAX (n_steps, 1));
  g_autofree double *ys = g_new (double, MAX (n_steps, 1));
  g_autofree double *scores = g_new (double, MAX (n_steps, 1));
  g_autofree char **step_names = g_new0 (char *, MAX (n_steps, 1));
  JmColor color = jm_deck_persona_color (b, persona, index);
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
      g_autofree char *name = g_strdup_printf (TR (b, N_("Emotions: %s (%s)")), persona->name, jm_map_state_get_label_in (state, b->lang));
      JmDeckShape *curve = jm_deck_shape_add (slide->shapes, JM_DECK_SHAPE_PATH, name, 0, 0, 1, 1);

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
      jm_deck_shape_stroke (curve, color, (future ? 2.0 : 3.0) * s * b->colors->line_width);
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
      name = g_strdup_printf (TR (b, N_("%s, %s: %s")), persona->name, step_names[i], score);
      dot = jm_deck_shape_add (slide->shapes, JM_DECK_SHAPE_ELLIPSE, name,
                               place_x (p, xs[i]) - r, place_y (p, ys[i]) - r, 2 * r, 2 * r);
      jm_deck_shape_fill (dot, future ? color : b->colors->surface);
      jm_deck_shape_stroke (dot, color, (future ? 1.5 : 2.5) * s);
    }
}

/* The curves a deck shows: a deck for one persona shows that persona's
 * alone, a view its personas. */
static gboolean
shows_persona (JmDeckBuilder *b,
               JmPersona     *persona)
{
  return (b->options->persona_id == NULL || g_strcmp0 (b->options->persona_id, persona->id) == 0)
         && jm_layout_shows_persona (b->layout, persona->id);
}

static gboolean
any_future_curve (JmDeckBuilder *b)
{
  GPtrArray *emotions = jm_document_get_emotions (b->doc);

  if (!jm_layout_shows_curve (b->layout, JM_MAP_STATE_FUTURE))
    return FALSE;
  for (guint i = 0; i < emotions->len; i++)
    if (((JmEmotion *) g_ptr_array_index (emotions, i))->curve == JM_MAP_STATE_FUTURE)
      return TRUE;
  return FALSE;
}

static void
add_emotions (JmDeckBuilder *b,
              JmDeckSlide   *slide,
              const Place   *p,
              double         left,
              double         right)
{
  GPtrArray *personas = jm_document_get_personas (b->doc);
  double s = p->s, zero, top, bottom;
  const struct { double score; const char *label; } marks[] = { { 2, "+2" }, { 0, "0" }, { -2, "−2" } };
  gboolean any_future = any_future_curve (b);

  if (!jm_layout_get_emotion_y (b->layout, 0, &zero) || !jm_layout_get_emotion_y (b->layout, JM_EMOTION_MAX, &top)
      || !jm_layout_get_emotion_y (b->layout, JM_EMOTION_MIN, &bottom))
    return;

  add_line (slide->shapes, TR (b, N_("Neutral")), place_x (p, left), place_y (p, zero), place_x (p, right), place_y (p, zero),
            b->colors->grid, MAX (0.75, s), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      JmDeckShape *mark;
      double y;

      /* The scale's marks, left of the stage's first column. */
      jm_layout_get_emotion_y (b->layout, marks[i].score, &y);
      mark = jm_deck_add_text (slide->shapes, marks[i].label, place_x (p, left) - 34 * s, place_y (p, y) - 9 * s,
                               28 * s, 18 * s, marks[i].label, 11 * s * FONT_FIT, TRUE, b->colors->text_dim,
                               JM_DECK_ALIGN_END);
      mark->anchor = JM_DECK_ANCHOR_MIDDLE;
    }

  for (guint i = 0; i < personas->len; i++)
    {
      JmPersona *persona = g_ptr_array_index (personas, i);

      if (!shows_persona (b, persona))
        continue;
      if (any_future)
        add_curve (b, slide, p, persona, i, JM_MAP_STATE_FUTURE, left, right);
      if (jm_layout_shows_curve (b->layout, JM_MAP_STATE_CURRENT))
        add_curve (b, slide, p, persona, i, JM_MAP_STATE_CURRENT, left, right);
    }
}

/* Which curve is whose, in the emotion lane's title cell under its title:
 * a line in each persona's colour and the name, then what a dashed line
 * means when the map has both states. Returns the height it takes (map
 * units), from the bottom of the cell up. */
static double
legend_height (JmDeckBuilder *b)
{
  GPtrArray *personas = jm_document_get_personas (b->doc);
  guint n = any_future_curve (b) && jm_layout_shows_curve (b->layout, JM_MAP_STATE_CURRENT) ? 2 : 0;

  for (guint i = 0; i < personas->len; i++)
    if (shows_persona (b, g_ptr_array_index (personas, i)))
      n++;
  return n * LEGEND_LINE;
}

static void
add_legend_line (JmDeckBuilder *b,
                 JmDeckSlide   *slide,
                 const Place   *p,
                 const char    *label,
                 double         y,
                 JmColor        color,
                 gboolean       dashed)
{
  double s = p->s, x = place_title_x (p, MAP_MARGIN + 16), mid = y + LEGEND_LINE / 2 * s;
  g_autofree char *name = jm_deck_shape_name (TR (b, N_("Legend")), label);
  JmDeckShape *text;

  add_line (slide->shapes, name, x, mid, x + 18 * s, mid, color, (dashed ? 2.0 : 3.0) * s, dashed);
  text = jm_deck_add_text (slide->shapes, name, x + 24 * s, y, (MAP_TITLE_W - 60) * s, LEGEND_LINE * s, label,
                           11 * s * FONT_FIT, FALSE, b->colors->text, JM_DECK_ALIGN_START);
  text->anchor = JM_DECK_ANCHOR_MIDDLE;
  text->no_wrap = TRUE;
  jm_deck_shape_insets (text, 0, 0, 0, 0);
}

static void
add_legend (JmDeckBuilder *b,
            JmDeckSlide   *slide,
            const Place   *p,
            double         y)
{
  GPtrArray *personas = jm_document_get_personas (b->doc);

  for (guint i = 0; i < personas->len; i++)
    {
      JmPersona *persona = g_ptr_array_index (personas, i);

      if (!shows_persona (b, persona))
        continue;
      add_legend_line (b, slide, p, persona->name, y, jm_deck_persona_color (b, persona, i), FALSE);
      y += LEGEND_LINE * p->s;
    }
  if (any_future_curve (b) && jm_layout_shows_curve (b->layout, JM_MAP_STATE_CURRENT))
    {
      add_legend_line (b, slide, p, jm_map_state_get_label_in (JM_MAP_STATE_CURRENT, b->lang), y, b->colors->text_dim, FALSE);
      y += LEGEND_LINE * p->s;
      add_legend_line (b, slide, p, jm_map_state_get_label_in (JM_MAP_STATE_FUTURE, b->lang), y, b->colors->text_dim, TRUE);
    }
}

/* The cards a stage's slides show: those that start in the stage, and of
 * a deck for one persona, that persona's. */
static gboolean
card_on_stage (JmDeckBuilder *b,
               JmCard        *card,
               JmStage       *stage)
{
  return jm_document_get_step_stage (b->doc, card->step_id) == stage
         && (b->options->persona_id == NULL || jm_card_applies_to (card, b->options->persona_id));
}

/* A stage's part as the deck plans it: which rows, at what scale. */
typedef struct {
  guint   stage_index;
  guint   part;
  guint   n_parts;
  double  scale;       /* points per map unit */
  double  right;       /* map x where the part's columns end */
  GArray *rows;        /* Row: lane and map rect; slide_y set when placed */
} Part;

static void
build_stage_slide (JmDeckBuilder *b,
                   const Part    *plan,
                   const Headers *headers)
{
  JmDeck *deck = b->deck;
  const JmThemeColors *c = b->colors;
  JmStage *stage = g_ptr_array_index (jm_document_get_stages (b->doc), plan->stage_index);
  JmColor color = jm_deck_stage_color (b, stage, plan->stage_index);
  g_autofree char *slide_name = plan->n_parts > 1
                                ? jm_deck_part_name (b, stage->name, plan->part, plan->n_parts)
                                : g_strdup (stage->name);
  JmDeckSlide *slide = jm_deck_slide_new (b, JM_DECK_SLIDE_STAGE, slide_name);
  JmRect stage_rect, head;
  double s = plan->scale, stage_right, block_w, y, lanes_bottom;
  Place p;
  JmDeckShape *shape;

  slide->index = plan->stage_index;
  slide->part = plan->part;
  slide->n_parts = plan->n_parts;
  if (stage->notes != NULL && *stage->notes != '\0')
    slide->notes = g_strdup (stage->notes);

  jm_layout_get_stage_rect (b->layout, stage->id, &stage_rect);
  jm_layout_get_header_rect (b->layout, JM_HIT_STAGE, stage->id, &head);
  stage_right = stage_rect.x + stage_rect.width;
  block_w = (MAP_TITLE_W + plan->right - stage_rect.x) * s;

  p.s = s;
  p.titles_x = (deck->width - block_w) / 2;
  p.grid_x = p.titles_x + MAP_TITLE_W * s;
  p.frame_x = stage_rect.x;
  /* Centred across, from the top down: the headers stay in place from
   * one slide to the next. */
  p.head_y = STAGE_MARGIN;
  p.stages_y = headers->stages_y;
  p.steps_y = headers->steps_y;
  p.skip = shows_stage_metrics (stage, plan->part) ? 0 : headers->metrics_h;
  p.rows = plan->rows;
  y = p.head_y + headers_height (headers, shows_stage_metrics (stage, plan->part)) * s;
  for (guint l = 0; l < p.rows->len; l++)
    {
      Row *row = &g_array_index (p.rows, Row, l);

      row->slide_y = y;
      y += row_height (row) * s;
    }
  lanes_bottom = y;

  /* Lane rows: the alternate ones (in the map) shaded, each closed by a
   * rule, with its title on the left. */
  for (guint l = 0; l < p.rows->len; l++)
    {
      const Row *row = &g_array_index (p.rows, Row, l);
      JmLane *lane = row->lane;
      JmColor kind = jm_theme_kind_color (b->theme, lane->kind);
      double ry = row->slide_y, rh = row_height (row) * s, size, legend = 0;
      guint index;
      g_autofree char *name = NULL;

      g_ptr_array_find (jm_document_get_lanes (b->doc), lane, &index);
      if (index % 2 == 1)
        jm_deck_add_rect (slide->shapes, TR (b, N_("Lane")), p.titles_x, ry, block_w, rh, 0, c->surface_alt);
      jm_deck_add_rect (slide->shapes, TR (b, N_("Rule")), p.titles_x, ry + rh - MAX (0.75, s), block_w, MAX (0.75, s), 0,
                        c->grid);

      if (lane->kind == JM_LANE_EMOTIONS)
        legend = MIN (legend_height (b), row_height (row) - 50);
      name = jm_deck_shape_name (TR (b, N_("Lane")), lane->title);
      jm_deck_add_rect (slide->shapes, TR (b, N_("Lane colour")), place_title_x (&p, MAP_MARGIN),
                        ry + MIN (8, row_height (row) / 6) * s, 5 * s, rh - MIN (16, row_height (row) / 3) * s, 0, kind);
      size = jm_deck_fit_size (b, lane->title, TRUE, FALSE, (MAP_TITLE_W - 36) * s, (row_height (row) - legend) * 0.6 * s,
                               15 * s, 9 * s) * FONT_FIT;
      if (row_height (row) < MAP_ROW_MIN_H)
        {
          /* An empty row's title, on one line across its middle. */
          shape = jm_deck_add_text (slide->shapes, name, place_title_x (&p, MAP_MARGIN + 16), ry + 3 * s,
                                    (MAP_TITLE_W - 36) * s, rh - 6 * s, lane->title,
                                    MIN (size, 13.5 * s * FONT_FIT), TRUE, c->text, JM_DECK_ALIGN_START);
          shape->anchor = JM_DECK_ANCHOR_MIDDLE;
          jm_deck_shape_insets (shape, 0, 0, 0, 0);
        }
      else
        shape = jm_deck_add_text (slide->shapes, name, place_title_x (&p, MAP_MARGIN + 16), ry + 10 * s,
                                  (MAP_TITLE_W - 36) * s, rh - 18 * s - legend * s, lane->title, size, TRUE, c->text,
                                  JM_DECK_ALIGN_START);
      if (row_height (row) >= MAP_ROW_MIN_H
          && g_utf8_collate (lane->title, jm_lane_kind_get_label_in (lane->kind, b->lang)) != 0)
        {
          JmDeckPara *para = jm_deck_shape_para (shape, JM_DECK_ALIGN_START);

          para->space_before = 2 * s;
          jm_deck_para_text (para, jm_lane_kind_get_label_in (lane->kind, b->lang), 11.5 * s * FONT_FIT, FALSE, FALSE, c->text_dim);
        }

      if (lane->kind == JM_LANE_EMOTIONS)
        {
          if (legend > 0)
            add_legend (b, slide, &p, ry + rh - (legend + 8) * s);
          add_emotions (b, slide, &p, stage_rect.x, stage_right);
        }
    }

  /* The stage's edges down through its lanes. */
  {
    double top = place_head_y (&p, headers->steps_y);

    jm_deck_add_rect (slide->shapes, TR (b, N_("Stage edge")), place_x (&p, stage_rect.x) - 0.5, top, MAX (0.75, s),
                      lanes_bottom - top, 0, c->grid);
    jm_deck_add_rect (slide->shapes, TR (b, N_("Stage edge")), place_x (&p, stage_right) - 0.5, top, MAX (0.75, s),
                      lanes_bottom - top, 0, c->grid);
  }

  /* The stage's header: its title on the slide. */
  {
    double hx = place_x (&p, head.x + 3), hw = (head.width - 6) * s, hh = head.height * s;

    /* The band in the stage's colour, and on it the slide's title (an
     * office suite's title placeholder cannot be rounded). */
    shape = jm_deck_shape_add (slide->shapes, JM_DECK_SHAPE_RECT, TR (b, N_("Stage colour")), hx, place_head_y (&p, head.y),
                               hw, hh);
    shape->radius = 10 * s;
    if (c->flat)
      {
        jm_deck_shape_fill (shape, c->surface);
        jm_deck_shape_stroke (shape, color, 2.5 * c->line_width * s);
      }
    else
      jm_deck_shape_fill (shape, color);
    shape = jm_deck_shape_add (slide->shapes, JM_DECK_SHAPE_TEXT, stage->name, hx, place_head_y (&p, head.y), hw, hh);
    shape->role = JM_DECK_ROLE_TITLE;
    shape->anchor = JM_DECK_ANCHOR_MIDDLE;
    jm_deck_shape_insets (shape, 15 * s, 0, 12 * s, 0);
    {
      JmDeckPara *para = jm_deck_shape_para (shape, JM_DECK_ALIGN_START);
      JmColor ink = c->flat ? c->text : JM_DECK_WHITE;

      jm_deck_para_text (para, stage->name,
                         jm_deck_fit_size (b, stage->name, TRUE, FALSE, hw - 40 * s, hh, 18 * s, 9 * s) * FONT_FIT,
                         TRUE, FALSE, ink);
      if (plan->n_parts > 1)
        {
          /* Translators: which part of a stage a slide shows, beside its name: "2 of 3" */
          g_autofree char *part = g_strdup_printf (TR (b, N_("%u of %u")), plan->part + 1, plan->n_parts);
          g_autofree char *spaced = g_strconcat ("   ", part, NULL);

          jm_deck_para_text (para, spaced, 13 * s * FONT_FIT, FALSE, FALSE, ink);
        }
    }
    if (shows_stage_metrics (stage, plan->part))
      jm_deck_add_badges (b, slide->shapes, stage->metrics, place_x (&p, head.x + 10),
                          place_head_y (&p, headers->stages_y + MAP_STAGE_H - 2), (head.width - 20) * s, s);
  }

  /* Step names, each underlined in the stage's colour. */
  for (guint i = 0; i < stage->steps->len; i++)
    {
      JmStep *step = g_ptr_array_index (stage->steps, i);
      JmRect r;
      g_autofree char *name = jm_deck_shape_name (TR (b, N_("Step")), step->name);
      double w, h, size;

      if (!jm_layout_get_header_rect (b->layout, JM_HIT_STEP, step->id, &r))
        continue;
      w = (r.width - 20) * s;
      h = (r.height - 8) * s;
      /* The map cuts a long name short; here it wraps, smaller. */
      size = jm_deck_fit_size (b, step->name, TRUE, FALSE, w, h, 13.5 * s, 8 * s) * FONT_FIT;
      shape = jm_deck_add_text (slide->shapes, name, place_x (&p, r.x + 10), place_head_y (&p, r.y + 4), w, h,
                                step->name, size, TRUE, c->text_dim, JM_DECK_ALIGN_START);
      shape->anchor = JM_DECK_ANCHOR_MIDDLE;
    }
  jm_deck_add_rect (slide->shapes, TR (b, N_("Stage colour")), place_x (&p, stage_rect.x + 6),
                    place_head_y (&p, headers->lanes_y - 3), (stage_rect.width - 12) * s, 3 * s, 0,
                    jm_color_mix (c->background, color, 0.8));

  /* The cards that start in the stage, in the rows of this part. */
  for (guint l = 0; l < p.rows->len; l++)
    {
      JmLane *lane = g_array_index (p.rows, Row, l).lane;

      for (guint i = 0; i < lane->cards->len; i++)
        {
          JmCard *card = g_ptr_array_index (lane->cards, i);

          if (card_on_stage (b, card, stage))
            add_card (b, slide, &p, lane, card);
        }
    }
}

static gint
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const Row *ra = a, *rb = b;

  return ra->map_y < rb->map_y ? -1 : ra->map_y > rb->map_y;
}

/* The map height of a part holding others[first..end) (and the pinned
 * row, pinned_h high), headers included (with the stage's metrics band
 * when metrics). */
static double
part_height (const Headers *h,
             const double  *sums,
             gboolean       metrics,
             guint          first,
             guint          end,
             double         pinned_h)
{
  return headers_height (h, metrics) + pinned_h + sums[end] - sums[first];
}

/* Cuts rows others[0..k) into n runs in order so that the tallest part is
 * as short as can be; ends[p] is where part p ends. Returns that height. */
static double
balance_parts (const Headers *h,
               const double  *sums,
               gboolean       metrics,
               guint          k,
               guint          n,
               double         pinned_h,
               guint         *ends)
{
  /* best[p][j]: the tallest of parts 0..p holding the first j rows;
   * from[p][j]: where part p starts then. k is a lane count: small. */
  g_autofree double *best = g_new (double, (gsize) n * (k + 1));
  g_autofree guint *from = g_new0 (guint, (gsize) n * (k + 1));

  for (guint j = 0; j <= k; j++)
    best[j] = j > 0 ? part_height (h, sums, metrics, 0, j, pinned_h) : G_MAXDOUBLE;
  for (guint p = 1; p < n; p++)
    for (guint j = 0; j <= k; j++)
      {
        best[p * (k + 1) + j] = G_MAXDOUBLE;
        for (guint i = p; i < j; i++)
          {
            double tallest = MAX (best[(p - 1) * (k + 1) + i], part_height (h, sums, FALSE, i, j, pinned_h));

            if (tallest < best[p * (k + 1) + j])
              {
                best[p * (k + 1) + j] = tallest;
                from[p * (k + 1) + j] = i;
              }
          }
      }
  for (guint p = n, j = k; p-- > 0;)
    {
      ends[p] = j;
      j = p > 0 ? from[p * (k + 1) + j] : 0;
    }
  return best[(n - 1) * (k + 1) + k];
}

void
jm_deck_build_stage_slides (JmDeckBuilder *b)
{
  JmDeck *deck = b->deck;
  GPtrArray *stages = jm_document_get_stages (b->doc), *lanes = jm_document_get_lanes (b->doc);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  Row pinned = { NULL, 0, 0, 1, 0 };
  Headers headers;
  double aw = deck->width - 2 * STAGE_MARGIN, ah = deck->height - 2 * STAGE_MARGIN;
  g_autofree double *sums = g_new0 (double, lanes->len + 1);
  g_autofree guint *ends = g_new0 (guint, MAX (lanes->len, 1));

  if (!get_headers (b, &headers))
    return;

  /* The rows the view shows, top to bottom; the emotion lane apart. */
  for (guint l = 0; l < lanes->len; l++)
    {
      JmLane *lane = g_ptr_array_index (lanes, l);
      JmRect r;
      Row row = { lane, 0, 0, 1, 0 };

      if (!jm_layout_get_lane_rect (b->layout, lane->id, &r))
        continue;
      row.map_y = r.y;
      row.map_h = r.height;
      g_array_append_val (rows, row);
    }
  g_array_sort (rows, compare_rows);
  for (guint l = 0; l < rows->len; l++)
    {
      Row *row = &g_array_index (rows, Row, l);

      if (row->lane->kind == JM_LANE_EMOTIONS)
        {
          /* Lower than on the map: it comes on every part of a stage, and
           * the curve reads as well a little flatter. */
          if (row->map_h > EMOTION_ROW_H)
            row->squeeze = EMOTION_ROW_H / row->map_h;
          pinned = *row;
          break;
        }
    }

  for (guint si = 0; si < stages->len; si++)
    {
      JmStage *stage = g_ptr_array_index (stages, si);
      g_autoptr(GArray) others = g_array_new (FALSE, FALSE, sizeof (Row));
      JmRect stage_rect;
      double right, s_cap, s_need, tallest = 0;
      guint n = 1, k;
      gboolean metrics;

      if (!jm_layout_get_stage_rect (b->layout, stage->id, &stage_rect))
        continue;

      /* The map makes a lane as tall as its tallest cell in any stage;
       * a stage's slide needs it only as tall as its own cards. */
      for (guint l = 0; l < rows->len; l++)
        {
          Row row = g_array_index (rows, Row, l);
          double bottom = row.map_y + EMPTY_ROW_H;

          if (row.lane == pinned.lane)
            continue;
          for (guint i = 0; i < row.lane->cards->len; i++)
            {
              JmCard *card = g_ptr_array_index (row.lane->cards, i);
              JmRect r;

              if (card_on_stage (b, card, stage) && jm_layout_get_card_rect (b->layout, card->id, &r))
                bottom = MAX (bottom, MAX (r.y + r.height + MAP_CELL_PAD, row.map_y + MAP_ROW_MIN_H));
            }
          row.map_h = MIN (row.map_h, bottom - row.map_y);
          row.squeeze = 1;
          g_array_append_val (others, row);
        }
      k = others->len;
      for (guint l = 0; l < k; l++)
        sums[l + 1] = sums[l] + g_array_index (others, Row, l).map_h;

      /* The stage's columns, and the cards that span out of it. */
      right = stage_rect.x + stage_rect.width;
      for (guint l = 0; l < rows->len; l++)
        {
          JmLane *lane = g_array_index (rows, Row, l).lane;

          for (guint i = 0; i < lane->cards->len; i++)
            {
              JmCard *card = g_ptr_array_index (lane->cards, i);
              JmRect r;

              if (card_on_stage (b, card, stage) && jm_layout_get_card_rect (b->layout, card->id, &r))
                right = MAX (right, r.x + r.width + 10);
            }
        }

      /* The width sets the largest scale; parts cannot help there. The
       * fewest parts whose height keeps the smallest text, then cut as
       * evenly as can be, so that no part is left nearly empty. */
      s_cap = MIN (STAGE_MAX_TEXT_PT / CARD_TEXT_UNITS, aw / (MAP_TITLE_W + right - stage_rect.x));
      s_need = MIN (DECK_MIN_TEXT_PT / CARD_TEXT_UNITS, s_cap);
      metrics = shows_stage_metrics (stage, 0);
      if (k == 0)
        tallest = part_height (&headers, sums, metrics, 0, 0, row_height (&pinned));
      else
        {
          /* The fewest parts: each filled while it keeps the smallest
           * text (a lane taller than that alone). */
          n = 0;
          for (guint l = 0; l < k; n++)
            {
              guint first = l;

              do
                l++;
              while (l < k && part_height (&headers, sums, n == 0 && metrics, first, l + 1, row_height (&pinned))
                              * s_need <= ah + 1e-6);
              ends[n] = l;
            }
          /* Then as even as can be. The search costs n × k² steps: a map
           * of very many lanes keeps the parts as they were filled. */
          if (k <= MAX_BALANCED_LANES)
            tallest = balance_parts (&headers, sums, metrics, k, n, row_height (&pinned), ends);
          else
            for (guint part = 0; part < n; part++)
              tallest = MAX (tallest, part_height (&headers, sums, part == 0 && metrics, part > 0 ? ends[part - 1] : 0,
                                                   ends[part], row_height (&pinned)));
        }

      for (guint part = 0; part < n; part++)
        {
          g_autoptr(GArray) part_rows = g_array_new (FALSE, FALSE, sizeof (Row));
          guint first = part > 0 ? ends[part - 1] : 0, end = k > 0 ? ends[part] : 0;
          Part plan = { si, part, n, MIN (s_cap, ah / tallest), right, part_rows };

          for (guint l = first; l < end; l++)
            g_array_append_val (part_rows, g_array_index (others, Row, l));
          if (pinned.lane != NULL)
            g_array_append_val (part_rows, pinned);
          g_array_sort (part_rows, compare_rows);
          build_stage_slide (b, &plan, &headers);
        }
    }
}
