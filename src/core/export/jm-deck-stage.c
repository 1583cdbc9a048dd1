/* jm-deck-stage.c — a deck's stage slides. Stages are cut in parts as
 * the presentation mode cuts them (jm_presentation_slides) and placed from
 * the map's own layout at about one scale for every stage: each card,
 * step name and lane title lands where the map has it, as a shape the
 * office suite can move, retype and recolour. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "jm-deck-builder.h"
#include "jm-presentation.h"

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
  g_autofree char *name = jm_deck_shape_name (_("Card"), card->text);
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
      g_autofree char *owner = g_strdup_printf (_("→ %s"), card->owner);

      g_string_append_printf (footer, "%s%s", footer->len ? "   " : "", owner);
    }
  if (footer->len > 0)
    {
      para = jm_deck_shape_para (body, JM_DECK_ALIGN_START);
      para->space_before = 2 * s;
      jm_deck_para_text (para, footer->str, 11.5 * s * FONT_FIT, FALSE, FALSE, c->text_dim);
    }

  /* The accent bar says what kind of card this is. */
  jm_deck_add_rect (group->children, _("Accent"), x + 2.5 * s, y + 6 * s, 4 * s, h - 12 * s, 2 * s, accent);

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
              double cw = MIN (jm_deck_text_width (b, label, chip_size, TRUE) + ch, parts.chips.width * s - 26 * s);

              jm_deck_add_pill (b, group->children, _("Channel"), label, cx, cy, cw, ch, chip_size,
                                online ? c->online : c->offline, FALSE);
            }
          if (card->moment_of_truth)
            {
              JmDeckShape *star = jm_deck_shape_add (group->children, JM_DECK_SHAPE_STAR, _("Moment of truth"),
                                                     x + w - 27 * s, y + 9 * s, 18 * s, 18 * s);
              jm_deck_shape_fill (star, c->star);
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
          cw = MIN (jm_deck_text_width (b, label, chip_size, TRUE) + ch, parts.chips.width * s);
          jm_deck_add_pill (b, group->children, lane->kind == JM_LANE_PAIN_POINTS ? _("Severity") : _("Priority"),
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
      JmDeckShape *frame = jm_deck_add_rect (group->children, _("Image"), place_x (p, parts.image.x),
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
      g_autofree char *name = g_strdup_printf (_("Emotions: %s (%s)"), persona->name, jm_map_state_get_label (state));
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
      name = g_strdup_printf (_("%s, %s: %s"), persona->name, step_names[i], score);
      dot = jm_deck_shape_add (slide->shapes, JM_DECK_SHAPE_ELLIPSE, name,
                               place_x (p, xs[i]) - r, place_y (p, ys[i]) - r, 2 * r, 2 * r);
      jm_deck_shape_fill (dot, future ? color : b->colors->surface);
      jm_deck_shape_stroke (dot, color, (future ? 1.5 : 2.5) * s);
    }
}

static void
add_emotions (JmDeckBuilder *b,
              JmDeckSlide   *slide,
              const Place   *p,
              double         left,
              double         right)
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
      JmDeckShape *mark;
      double y;

      /* The scale's marks, left of the stage's first column. */
      jm_layout_get_emotion_y (b->layout, marks[i].score, &y);
      mark = jm_deck_add_text (slide->shapes, marks[i].label, place_x (p, left) - 34 * s, place_y (p, y) - 9 * s,
                               28 * s, 18 * s, marks[i].label, 11 * s * FONT_FIT, TRUE, b->colors->text_dim,
                               JM_DECK_ALIGN_END);
      mark->anchor = JM_DECK_ANCHOR_MIDDLE;
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
lane_in_part (JmDeckBuilder *b,
              JmLane        *lane,
              double         top,
              double         bottom,
              JmRect        *row)
{
  return jm_layout_get_lane_rect (b->layout, lane->id, row)
         && row->y >= top - 0.5 && row->y + row->height <= bottom + 0.5;
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

static void
build_stage_slide (JmDeckBuilder *b,
                   const JmSlide *plan,
                   const Headers *headers,
                   double         s)
{
  JmDeck *deck = b->deck;
  const JmThemeColors *c = b->colors;
  JmStage *stage = g_ptr_array_index (jm_document_get_stages (b->doc), plan->stage_index);
  GPtrArray *lanes = jm_document_get_lanes (b->doc);
  JmColor color = jm_deck_stage_color (b, stage, plan->stage_index);
  g_autofree char *slide_name = plan->n_parts > 1
                                ? g_strdup_printf ("%s (%u/%u)", stage->name, plan->part + 1, plan->n_parts)
                                : g_strdup (stage->name);
  JmDeckSlide *slide = jm_deck_slide_new (b, JM_DECK_SLIDE_STAGE, slide_name);
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
        jm_deck_add_rect (slide->shapes, _("Lane"), p.titles_x, ry, block_w, rh, 0, c->surface_alt);
      jm_deck_add_rect (slide->shapes, _("Rule"), p.titles_x, ry + rh - MAX (0.75, s), block_w, MAX (0.75, s), 0,
                        c->grid);

      name = jm_deck_shape_name (_("Lane"), lane->title);
      jm_deck_add_rect (slide->shapes, _("Lane colour"), place_title_x (&p, MAP_MARGIN), ry + 8 * s, 5 * s,
                        rh - 16 * s, 0, kind);
      size = jm_deck_fit_size (b, lane->title, TRUE, FALSE, (MAP_TITLE_W - 36) * s, rh * 0.6, 15 * s, 9 * s) * FONT_FIT;
      shape = jm_deck_add_text (slide->shapes, name, place_title_x (&p, MAP_MARGIN + 16), ry + 10 * s,
                                (MAP_TITLE_W - 36) * s, rh - 18 * s, lane->title, size, TRUE, c->text,
                                JM_DECK_ALIGN_START);
      if (g_utf8_collate (lane->title, jm_lane_kind_get_label (lane->kind)) != 0)
        {
          JmDeckPara *para = jm_deck_shape_para (shape, JM_DECK_ALIGN_START);

          para->space_before = 2 * s;
          jm_deck_para_text (para, jm_lane_kind_get_label (lane->kind), 11.5 * s * FONT_FIT, FALSE, FALSE, c->text_dim);
        }

      if (lane->kind == JM_LANE_EMOTIONS)
        add_emotions (b, slide, &p, stage_rect.x, stage_right);
    }

  /* The stage's edges down through its lanes. */
  {
    double top = place_head_y (&p, headers->steps_y), bottom = place_y (&p, lanes_bottom);

    jm_deck_add_rect (slide->shapes, _("Stage edge"), place_x (&p, stage_rect.x) - 0.5, top, MAX (0.75, s),
                      bottom - top, 0, c->grid);
    jm_deck_add_rect (slide->shapes, _("Stage edge"), place_x (&p, stage_right) - 0.5, top, MAX (0.75, s),
                      bottom - top, 0, c->grid);
  }

  /* The stage's header: its title on the slide. */
  {
    double hx = place_x (&p, head.x + 3), hw = (head.width - 6) * s, hh = head.height * s;

    /* The band in the stage's colour, and on it the slide's title (an
     * office suite's title placeholder cannot be rounded). */
    shape = jm_deck_shape_add (slide->shapes, JM_DECK_SHAPE_RECT, _("Stage colour"), hx, place_head_y (&p, head.y),
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
          g_autofree char *part = g_strdup_printf ("   %u/%u", plan->part + 1, plan->n_parts);
          jm_deck_para_text (para, part, 13 * s * FONT_FIT, FALSE, FALSE, ink);
        }
    }
    if (stage->metrics->len > 0 && plan->part == 0)
      jm_deck_add_badges (b, slide->shapes, stage->metrics, place_x (&p, head.x + 10),
                          place_head_y (&p, headers->stages_y + MAP_STAGE_H - 2), (head.width - 20) * s, s);
  }

  /* Step names, each underlined in the stage's colour. */
  for (guint i = 0; i < stage->steps->len; i++)
    {
      JmStep *step = g_ptr_array_index (stage->steps, i);
      JmRect r;
      g_autofree char *name = jm_deck_shape_name (_("Step"), step->name);
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
  jm_deck_add_rect (slide->shapes, _("Stage colour"), place_x (&p, stage_rect.x + 6),
                    place_head_y (&p, headers->lanes_y - 3), (stage_rect.width - 12) * s, 3 * s, 0,
                    jm_color_mix (c->background, color, 0.8));

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

void
jm_deck_build_stage_slides (JmDeckBuilder *b)
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

