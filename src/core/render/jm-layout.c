/* jm-layout.c — where everything of a map goes. Rows are lanes, columns
 * are steps; cards stack in their cells and rows grow to fit them. Text
 * layouts are cached per card, and a change to one card re-measures that
 * card and moves what is below it, nothing else. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "jm-layout-private.h"
#include "jm-map-view.h"
#include "jm-text-fit.h"

G_DEFINE_FINAL_TYPE (JmLayout, jm_layout, G_TYPE_OBJECT)

static void relayout (JmLayout *self);

void
jm_render_options_init (JmRenderOptions *options)
{
  g_return_if_fail (options != NULL);
  memset (options, 0, sizeof *options);
  options->theme = JM_THEME_LIGHT;
  options->show_future = TRUE;
  options->label_scale = 1;
}

gboolean
jm_rect_intersects (const JmRect *a,
                    const JmRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width
      && a->y < b->y + b->height && b->y < a->y + a->height;
}

gboolean
jm_rect_contains (const JmRect *rect,
                  double        x,
                  double        y)
{
  return x >= rect->x && x < rect->x + rect->width && y >= rect->y && y < rect->y + rect->height;
}

/* ---- boxes and rows ---- */

/* Unique over every layout of the process, so a card image kept for one
 * box is never taken for another's; layouts may be made in any thread. */
static guint64
next_stamp (void)
{
  static guint64 last;

  return __atomic_add_fetch (&last, 1, __ATOMIC_RELAXED);
}

static void
card_box_free (gpointer data)
{
  JmCardBox *box = data;

  if (box->lru_link != NULL)
    g_queue_delete_link (box->lru, box->lru_link);
  g_clear_object (&box->text);
  g_free (box);
}

/* Keeps the box's text layout as the most recently used; drops the least
 * recently used layouts beyond the cache's size. */
static void
touch_text (JmLayout  *self,
            JmCardBox *box)
{
  if (box->lru_link != NULL)
    {
      g_queue_unlink (&self->text_cache, box->lru_link);
      g_queue_push_head_link (&self->text_cache, box->lru_link);
    }
  else
    {
      g_queue_push_head (&self->text_cache, box);
      box->lru_link = self->text_cache.head;
      box->lru = &self->text_cache;
    }

  while (self->text_cache.length > JM_TEXT_CACHE_SIZE)
    {
      JmCardBox *old = g_queue_pop_tail (&self->text_cache);

      old->lru_link = NULL;
      g_clear_object (&old->text);
    }
}

static PangoLayout *
make_card_text (JmLayout     *self,
                const JmCard *card,
                double        inner)
{
  PangoLayout *text = jm_layout_make_text (self, card->text, JM_CARD_TEXT_SIZE, FALSE, inner);

  /* Very long texts end in an ellipsis rather than a wall of words. */
  pango_layout_set_height (text, -14);
  pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
  return text;
}

static void
row_free (gpointer data)
{
  JmRow *row = data;

  g_ptr_array_unref (row->boxes);
  g_ptr_array_unref (row->cells);
  g_clear_object (&row->title);
  g_free (row);
}

PangoLayout *
jm_layout_make_text (JmLayout   *self,
                     const char *text,
                     double      size,
                     gboolean    bold,
                     double      width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *font = pango_font_description_from_string ("Cantarell, Sans");

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
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

PangoLayout *
jm_layout_get_card_text (JmLayout  *self,
                         JmCardBox *box)
{
  if (box->text == NULL)
    box->text = make_card_text (self, box->card, box->rect.width - 2 * JM_CARD_PAD);
  touch_text (self, box);
  return box->text;
}

JmRow *
jm_layout_find_row (JmLayout   *self,
                    const char *lane_id)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      JmRow *row = g_ptr_array_index (self->rows, i);

      if (g_strcmp0 (row->lane->id, lane_id) == 0)
        return row;
    }
  return NULL;
}

double
jm_layout_column_x (JmLayout *self,
                    int       column)
{
  column = CLAMP (column, 0, (int) self->n_columns);
  return self->column_x[column];
}

double
jm_layout_column_width (JmLayout *self,
                        int       column)
{
  return jm_layout_column_x (self, column + 1) - jm_layout_column_x (self, column);
}

int
jm_layout_column_at (JmLayout *self,
                     double    x)
{
  int lo = 0, hi = (int) self->n_columns;

  if (x < self->column_x[0])
    return -1;
  if (x >= self->column_x[self->n_columns])
    return (int) self->n_columns;
  while (hi - lo > 1)
    {
      int mid = (lo + hi) / 2;

      if (x >= self->column_x[mid])
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

static double
card_width_at (JmLayout *self,
               int       column,
               guint     span)
{
  if (column < 0)
    return JM_COLUMN_MIN_W - 2 * JM_CELL_PAD;
  return jm_layout_column_x (self, column + (int) span) - jm_layout_column_x (self, column)
         - 2 * JM_CELL_PAD;
}

static double
card_width (JmLayout  *self,
            JmCardBox *box)
{
  return card_width_at (self, box->column, box->card->span);
}

/* Wider columns for wordier cells and longer step names, so long texts do
 * not make towers. Measured on a full layout only: typing in one card never
 * moves the columns under the others. */
static void
size_columns (JmLayout *self)
{
  GPtrArray *lanes = jm_document_get_lanes (self->document);
  g_autofree gsize *longest = g_new0 (gsize, MAX (self->n_columns, 1));
  double x = self->grid_x;

  for (guint l = 0; l < lanes->len; l++)
    {
      JmLane *lane = g_ptr_array_index (lanes, l);

      for (guint c = 0; c < lane->cards->len; c++)
        {
          JmCard *card = g_ptr_array_index (lane->cards, c);
          int column = jm_document_get_step_column (self->document, card->step_id);

          if (column >= 0 && card->span == 1 && card->text != NULL)
            longest[column] = MAX (longest[column], (gsize) g_utf8_strlen (card->text, -1));
        }
    }

  g_free (self->column_x);
  self->column_x = g_new (double, self->n_columns + 1);
  for (guint c = 0; c < self->n_columns; c++)
    {
      JmStep *step = jm_document_get_step (self->document, c);
      g_autoptr(PangoLayout) name = jm_layout_make_text (self, step->name, 13.5, TRUE, -1);
      double w = longest[c] <= 60 ? JM_COLUMN_MIN_W
                 : longest[c] <= 120 ? 260
                 : longest[c] <= 200 ? 290 : 320;
      int name_w;

      pango_layout_get_pixel_size (name, &name_w, NULL);
      w = CLAMP (MAX (w, name_w + 28), JM_COLUMN_MIN_W, JM_COLUMN_MAX_W);
      self->column_x[c] = x;
      x += w;
    }
  self->column_x[self->n_columns] = x;
}

/* Badges wrap in rows across the card: estimate their rows from their count. */
static double
badges_height (const JmCard *card,
               double        width,
               double        label_scale)
{
  guint per_row = MAX (1, (guint) (width / (112 * label_scale)));
  guint n = card->metrics ? card->metrics->len : 0;

  if (n == 0)
    return 0;
  return ((n + per_row - 1) / per_row) * (JM_BADGE_H + 4) * label_scale + 2;
}

static void
measure_card (JmLayout  *self,
              JmCardBox *box,
              JmLaneKind kind)
{
  const JmCard *card = box->card;
  double inner = card_width (self, box) - 2 * JM_CARD_PAD;
  int h = -1;

  g_clear_object (&box->text);
  /* Plain words are measured from their widths: the same height Pango
   * gives, without shaping the text a line at a time (jm-text-fit.h).
   * The text is laid out when the card is drawn. */
  if (self->text_fit != NULL)
    h = jm_text_fit_height (self->text_fit, card->text, (int) (inner * PANGO_SCALE));
  if (h < 0)
    {
      box->text = make_card_text (self, card, inner);
      pango_layout_get_pixel_size (box->text, NULL, &h);
      touch_text (self, box);
    }
  else
    self->n_fitted++;
  box->text_height = h;

  box->chips_height = 0;
  if ((kind == JM_LANE_TOUCHPOINTS && (card->channel != JM_CHANNEL_NONE || card->moment_of_truth))
      || (kind == JM_LANE_PAIN_POINTS && card->severity != JM_SEVERITY_NONE)
      || (kind == JM_LANE_OPPORTUNITIES && card->priority != JM_PRIORITY_NONE))
    box->chips_height = JM_CHIP_H * self->label_scale + 6;

  box->badges_height = badges_height (card, inner, self->label_scale);
  box->footer_height = (card->evidence != JM_EVIDENCE_NONE
                        || (kind == JM_LANE_OPPORTUNITIES && card->owner && *card->owner))
                       ? JM_CARD_FOOTER_H * self->label_scale : 0;
  box->image_height = (kind == JM_LANE_IMAGES && card->image != NULL) ? inner * 0.6 + 6 : 0;

  box->rect.width = card_width (self, box);
  box->rect.height = 2 * JM_CARD_PAD + box->chips_height + box->text_height
                     + box->badges_height + box->footer_height + box->image_height;
  box->measured = TRUE;
  box->stamp = next_stamp ();
  self->n_measured++;
}

/* Stacks a row's cards in their cells; returns the row's height. Cards
 * spanning several columns sit below whatever their columns already hold. */
static double
stack_row (JmLayout *self,
           JmRow    *row)
{
  g_autofree double *fill = g_new0 (double, MAX (self->n_columns, 1));
  double height = JM_ROW_MIN_H;

  /* The emotion lane keeps its cards (if any) under the curve's band, so
   * no card ever covers the curve. */
  double band = row->lane->kind == JM_LANE_EMOTIONS ? JM_EMOTION_H : 0;

  if (row->lane->kind == JM_LANE_EMOTIONS)
    height = JM_EMOTION_H;

  for (guint i = 0; i < row->boxes->len; i++)
    {
      JmCardBox *box = g_ptr_array_index (row->boxes, i);
      double top = band;
      guint end;

      if (box->column < 0)
        continue;

      end = MIN (self->n_columns, (guint) box->column + box->card->span);
      for (guint c = (guint) box->column; c < end; c++)
        top = MAX (top, fill[c]);

      box->rect.x = jm_layout_column_x (self, box->column) + JM_CELL_PAD;
      box->rect.y = row->y + JM_CELL_PAD + top;
      for (guint c = (guint) box->column; c < end; c++)
        fill[c] = top + box->rect.height + JM_CARD_GAP;
      height = MAX (height, top + box->rect.height + 2 * JM_CELL_PAD);
    }

  return height;
}

static void
build_row (JmLayout *self,
           JmRow    *row)
{
  g_ptr_array_set_size (row->boxes, 0);
  g_ptr_array_set_size (row->cells, 0);
  for (guint c = 0; c < self->n_columns; c++)
    g_ptr_array_add (row->cells, g_ptr_array_new ());
  row->max_span = 1;

  for (guint i = 0; i < row->lane->cards->len; i++)
    {
      JmCard *card = g_ptr_array_index (row->lane->cards, i);
      JmCardBox *box = g_hash_table_lookup (self->boxes, card->id);

      if (box == NULL)
        {
          box = g_new0 (JmCardBox, 1);
          g_hash_table_insert (self->boxes, g_strdup (card->id), box);
        }
      /* The document may have replaced the card record: re-measure then. */
      if (box->card != card)
        {
          box->card = card;
          box->measured = FALSE;
        }
      box->column = jm_document_get_step_column (self->document, card->step_id);
      box->span = card->span;
      if (!box->measured || box->rect.width != card_width (self, box))
        measure_card (self, box, row->lane->kind);
      else
        box->stamp = next_stamp ();   /* what the map says of it (tolerances, labels) may have changed */

      g_ptr_array_add (row->boxes, box);
      if (box->column >= 0 && (guint) box->column < self->n_columns)
        g_ptr_array_add (g_ptr_array_index (row->cells, box->column), box);
      row->max_span = MAX (row->max_span, card->span);
    }

  g_clear_object (&row->title);
  row->title = jm_layout_make_text (self, row->lane->title, 15, TRUE, JM_LANE_TITLE_W - 36);
}

static void
place_rows_from (JmLayout *self,
                 guint     first)
{
  double y = first == 0 ? self->lanes_y
                        : ((JmRow *) g_ptr_array_index (self->rows, first - 1))->y
                          + ((JmRow *) g_ptr_array_index (self->rows, first - 1))->height;

  for (guint i = first; i < self->rows->len; i++)
    {
      JmRow *row = g_ptr_array_index (self->rows, i);
      double old_y = row->y;

      row->y = y;
      if (old_y != y)
        {
          for (guint b = 0; b < row->boxes->len; b++)
            ((JmCardBox *) g_ptr_array_index (row->boxes, b))->rect.y += y - old_y;
        }
      y += row->height;
    }

  self->footer_y = y + 24;
  self->height = self->footer_y + JM_FOOTER_H + JM_MARGIN;
}

double
jm_layout_persona_height (JmLayout *self)
{
  return JM_PERSONA_H + (jm_document_get_persona_details (self->document) ? JM_PERSONA_DETAILS_H : 0);
}

/* The personas the view shows. */
static guint
count_personas (JmLayout *self)
{
  GPtrArray *personas = jm_document_get_personas (self->document);
  guint n = 0;

  for (guint i = 0; i < personas->len; i++)
    n += jm_layout_shows_persona (self, ((JmPersona *) g_ptr_array_index (personas, i))->id);
  return n;
}

/* Title and scenario on the left, persona cards on the right, side by side;
 * the text gets what the personas leave, and never less than a column. */
static double
header_height (JmLayout *self)
{
  guint n_personas = count_personas (self);
  double inner = self->width - 2 * JM_MARGIN;
  double text_w, persona_h = 0;
  int h;

  self->persona_cols = 0;
  if (n_personas > 0)
    {
      self->persona_cols = (guint) CLAMP ((inner * 0.55) / (JM_PERSONA_W + 16), 1, n_personas);
      persona_h = ((n_personas + self->persona_cols - 1) / self->persona_cols) * (jm_layout_persona_height (self) + 16);
    }
  /* Lines of about ninety characters read best. */
  text_w = CLAMP (inner - self->persona_cols * (JM_PERSONA_W + 16) - 24, JM_HEADER_TEXT_MIN_W, 860);

  g_clear_object (&self->title);
  g_clear_object (&self->scenario);
  self->title = jm_layout_make_text (self, jm_document_get_title (self->document), 32, TRUE, text_w);
  self->scenario = jm_layout_make_text (self, jm_document_get_scenario (self->document), 15, FALSE, text_w);

  pango_layout_get_pixel_size (self->title, NULL, &h);
  {
    double text_h = h + 40;   /* title and the state badge */
    int sh;

    pango_layout_get_pixel_size (self->scenario, NULL, &sh);
    text_h += sh;
    return MAX (text_h, persona_h) + 24;
  }
}

static void
relayout (JmLayout *self)
{
  GPtrArray *lanes = jm_document_get_lanes (self->document);
  GPtrArray *stages = jm_document_get_stages (self->document);
  g_autoptr(GHashTable) alive = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key, value;

  self->n_columns = jm_document_get_n_steps (self->document);
  self->grid_x = JM_MARGIN + JM_LANE_TITLE_W;
  g_hash_table_remove_all (self->label_cache);
  size_columns (self);
  self->width = JM_MARGIN + MAX (self->column_x[self->n_columns], self->grid_x + JM_COLUMN_MIN_W);
  /* Room in the header for the title beside a persona card, even for a tiny map. */
  if (count_personas (self) > 0)
    self->width = MAX (self->width, 2 * JM_MARGIN + JM_HEADER_TEXT_MIN_W + 24 + JM_PERSONA_W + 16);

  self->has_stage_metrics = FALSE;
  for (guint i = 0; i < stages->len; i++)
    if (((JmStage *) g_ptr_array_index (stages, i))->metrics->len > 0)
      self->has_stage_metrics = TRUE;

  self->header_h = header_height (self);
  self->stages_y = JM_MARGIN + self->header_h;
  /* A stage's metric badges grow with the cards' (label_scale). */
  self->steps_y = self->stages_y + JM_STAGE_H + (self->has_stage_metrics ? JM_STAGE_METRICS_H * self->label_scale : 0);
  self->lanes_y = self->steps_y + JM_STEP_H;

  g_ptr_array_set_size (self->rows, 0);
  for (guint i = 0; i < lanes->len; i++)
    {
      JmRow *row;

      if (!jm_layout_shows_lane (self, ((JmLane *) g_ptr_array_index (lanes, i))->id))
        continue;
      row = g_new0 (JmRow, 1);
      row->lane = g_ptr_array_index (lanes, i);
      row->boxes = g_ptr_array_new ();
      row->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
      g_ptr_array_add (self->rows, row);
      build_row (self, row);
      for (guint b = 0; b < row->boxes->len; b++)
        g_hash_table_add (alive, ((JmCardBox *) g_ptr_array_index (row->boxes, b))->card->id);
    }

  /* Forget the boxes of cards that are gone. */
  g_hash_table_iter_init (&iter, self->boxes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (alive, key))
      g_hash_table_iter_remove (&iter);

  {
    double y = self->lanes_y;

    for (guint i = 0; i < self->rows->len; i++)
      {
        JmRow *row = g_ptr_array_index (self->rows, i);

        row->y = y;
        row->height = stack_row (self, row);
        y += row->height;
      }
  }
  place_rows_from (self, self->rows->len);
  if (self->rows->len == 0)
    {
      self->footer_y = self->lanes_y + 24;
      self->height = self->footer_y + JM_FOOTER_H + JM_MARGIN;
    }
}

/* One card changed: re-measure it, re-stack its row, move the rows below. */
static gboolean
relayout_card (JmLayout   *self,
               const char *card_id,
               const char *lane_id)
{
  JmRow *row = jm_layout_find_row (self, lane_id);
  JmCard *card;
  JmCardBox *box;
  double old_height;
  guint index;

  if (row == NULL)
    return FALSE;
  card = jm_document_find_card (self->document, card_id, NULL);
  box = g_hash_table_lookup (self->boxes, card_id);
  if (card == NULL || box == NULL)
    return FALSE;

  /* A card that moved column or span changes its cells: rebuild the row. */
  if (jm_document_get_step_column (self->document, card->step_id) != box->column
      || card->span != box->span)
    {
      build_row (self, row);
    }
  else
    {
      guint i;

      box->card = card;
      for (i = 0; i < row->boxes->len; i++)
        if (g_ptr_array_index (row->boxes, i) == box)
          break;
      if (i == row->boxes->len)
        return FALSE;
      measure_card (self, box, row->lane->kind);
    }

  old_height = row->height;
  row->height = stack_row (self, row);
  g_ptr_array_find (self->rows, row, &index);
  if (row->height != old_height)
    place_rows_from (self, index + 1);
  return TRUE;
}

static void
on_document_changed (JmDocument *document,
                     JmChange   *change,
                     JmLayout   *self)
{
  if (change->type == JM_OBJECT_CARD && change->kind == JM_CHANGE_MODIFIED
      && relayout_card (self, change->id, change->parent_id))
    return;

  if (change->type == JM_OBJECT_EMOTION)
    return;   /* the curve is drawn from the document as it is */

  relayout (self);
}

/* ---- GObject ---- */

static void
jm_layout_finalize (GObject *object)
{
  JmLayout *self = JM_LAYOUT (object);

  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_handler, self->document);
  g_clear_object (&self->document);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->boxes, g_hash_table_unref);
  g_queue_clear (&self->text_cache);
  g_clear_pointer (&self->label_cache, g_hash_table_unref);
  g_clear_object (&self->title);
  g_clear_object (&self->scenario);
  g_clear_pointer (&self->text_fit, jm_text_fit_free);
  g_clear_object (&self->context);
  g_clear_object (&self->font_map);
  g_free (self->persona_id);
  g_free (self->date);
  g_free (self->language);
  g_free (self->view_id);
  g_free (self->column_x);

  G_OBJECT_CLASS (jm_layout_parent_class)->finalize (object);
}

static void
jm_layout_class_init (JmLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jm_layout_finalize;
}

static void
jm_layout_init (JmLayout *self)
{
  cairo_font_options_t *font_options;

  self->rows = g_ptr_array_new_with_free_func (row_free);
  /* Keys are copies: the document replaces card records when they change. */
  self->boxes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, card_box_free);
  g_queue_init (&self->text_cache);
  self->label_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  /* A font map of our own, with hinting off, so text measures the same at
   * every zoom, on screen and in every export (and in any thread). */
  self->font_map = pango_cairo_font_map_new ();
  self->context = pango_font_map_create_context (self->font_map);
  font_options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (font_options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (self->context, font_options);
  cairo_font_options_destroy (font_options);
  pango_cairo_context_set_resolution (self->context, 96);

  {
    g_autoptr(PangoLayout) template = make_card_text (self, &(JmCard) { .text = NULL }, 100);

    self->text_fit = jm_text_fit_new (template);
  }
}

static void
store_options (JmLayout              *self,
               const JmRenderOptions *options)
{
  JmRenderOptions defaults;
  char *persona_id, *date, *language, *view_id;

  if (options == NULL)
    {
      jm_render_options_init (&defaults);
      options = &defaults;
    }

  /* Copies first: options may be the layout's own (jm_layout_get_options). */
  persona_id = g_strdup (options->persona_id);
  language = g_strdup (options->language);
  view_id = g_strdup (options->view_id);
  if (options->date != NULL)
    {
      date = g_strdup (options->date);
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      date = g_date_time_format (now, "%Y-%m-%d");
    }
  self->options = *options;
  g_free (self->persona_id);
  g_free (self->date);
  g_free (self->language);
  self->persona_id = persona_id;
  self->date = date;
  self->language = language;
  self->options.persona_id = self->persona_id;
  self->options.date = self->date;
  self->options.language = self->language;
  g_free (self->view_id);
  self->view_id = view_id;
  self->options.view_id = self->view_id;
  self->label_scale = options->label_scale > 0 ? options->label_scale : 1;
  self->options.label_scale = self->label_scale;
}

const char *
jm_layout_get_language (JmLayout *self)
{
  g_return_val_if_fail (JM_IS_LAYOUT (self), NULL);
  if (self->language != NULL)
    return self->language;
  return jm_document_get_language (self->document);
}

static JmLayout *
layout_new (JmDocument            *document,
            const JmRenderOptions *options,
            gboolean               fit_text)
{
  JmLayout *self;

  self = g_object_new (JM_TYPE_LAYOUT, NULL);
  if (!fit_text)
    g_clear_pointer (&self->text_fit, jm_text_fit_free);
  self->document = g_object_ref (document);
  store_options (self, options);
  self->changed_handler = g_signal_connect (document, "changed",
                                            G_CALLBACK (on_document_changed), self);
  relayout (self);
  return self;
}

JmLayout *
jm_layout_new (JmDocument            *document,
               const JmRenderOptions *options)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);
  return layout_new (document, options, TRUE);
}

JmLayout *
jm_layout_new_measuring_all (JmDocument            *document,
                             const JmRenderOptions *options)
{
  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);
  return layout_new (document, options, FALSE);
}

JmDocument *
jm_layout_get_document (JmLayout *self)
{
  g_return_val_if_fail (JM_IS_LAYOUT (self), NULL);
  return self->document;
}

const JmRenderOptions *
jm_layout_get_options (JmLayout *self)
{
  g_return_val_if_fail (JM_IS_LAYOUT (self), NULL);
  return &self->options;
}

void
jm_layout_set_options (JmLayout              *self,
                       const JmRenderOptions *options)
{
  gboolean new_view;
  double old_labels;

  g_return_if_fail (JM_IS_LAYOUT (self));

  old_labels = self->label_scale;

  new_view = g_strcmp0 (options != NULL ? options->view_id : NULL, self->view_id) != 0;
  /* Colours and the persona filter change no geometry; a view does, and
   * so does the size of cards' labels (every card measured again). */
  store_options (self, options);
  if (self->label_scale != old_labels)
    {
      GHashTableIter iter;
      gpointer box;

      g_hash_table_iter_init (&iter, self->boxes);
      while (g_hash_table_iter_next (&iter, NULL, &box))
        ((JmCardBox *) box)->measured = FALSE;
      relayout (self);
    }
  else if (new_view)
    relayout (self);
}

void
jm_layout_get_size (JmLayout *self,
                    double   *width,
                    double   *height)
{
  g_return_if_fail (JM_IS_LAYOUT (self));

  if (width)
    *width = self->width;
  if (height)
    *height = self->height;
}

guint
jm_layout_get_n_measured (JmLayout *self)
{
  g_return_val_if_fail (JM_IS_LAYOUT (self), 0);
  return self->n_measured;
}

gboolean
jm_layout_get_card_rect (JmLayout   *self,
                         const char *card_id,
                         JmRect     *rect)
{
  JmCardBox *box;

  g_return_val_if_fail (JM_IS_LAYOUT (self), FALSE);

  box = g_hash_table_lookup (self->boxes, card_id);
  if (box == NULL || box->column < 0)
    return FALSE;
  *rect = box->rect;
  return TRUE;
}

gboolean
jm_layout_get_header_rect (JmLayout   *self,
                           JmHitKind   kind,
                           const char *id,
                           JmRect     *rect)
{
  JmRow *row;
  int column;

  g_return_val_if_fail (JM_IS_LAYOUT (self), FALSE);

  switch (kind)
    {
    case JM_HIT_STAGE:
      if (!jm_layout_get_stage_rect (self, id, rect))
        return FALSE;
      rect->height = JM_STAGE_H - 6;
      return TRUE;
    case JM_HIT_STEP:
      column = jm_document_get_step_column (self->document, id);
      if (column < 0)
        return FALSE;
      *rect = (JmRect) { jm_layout_column_x (self, column), self->steps_y,
                         jm_layout_column_width (self, column), JM_STEP_H };
      return TRUE;
    case JM_HIT_LANE:
      row = jm_layout_find_row (self, id);
      if (row == NULL)
        return FALSE;
      *rect = (JmRect) { JM_MARGIN, row->y, JM_LANE_TITLE_W, MIN (row->height, 72) };
      return TRUE;
    case JM_HIT_NONE:
    case JM_HIT_HEADER:
    case JM_HIT_CELL:
    case JM_HIT_CARD:
    case JM_HIT_EMOTION:
    case JM_HIT_EMOTION_BAND:
    case JM_HIT_PERSONA:
    default:
      return FALSE;
    }
}

gboolean
jm_layout_get_frozen_panes (JmLayout *self,
                            JmRect   *column_headers,
                            JmRect   *row_headers)
{
  g_return_val_if_fail (JM_IS_LAYOUT (self), FALSE);

  if (self->n_columns == 0)
    return FALSE;
  if (column_headers)
    *column_headers = (JmRect) { self->grid_x, self->stages_y,
                                 jm_layout_column_x (self, (int) self->n_columns) - self->grid_x,
                                 self->lanes_y - self->stages_y };
  if (row_headers)
    *row_headers = (JmRect) { 0, self->lanes_y, self->grid_x, self->footer_y - self->lanes_y };
  return TRUE;
}

gboolean
jm_layout_get_lane_rect (JmLayout   *self,
                         const char *lane_id,
                         JmRect     *rect)
{
  JmRow *row;

  g_return_val_if_fail (JM_IS_LAYOUT (self), FALSE);

  row = jm_layout_find_row (self, lane_id);
  if (row == NULL)
    return FALSE;
  *rect = (JmRect) { JM_MARGIN, row->y, self->width - 2 * JM_MARGIN, row->height };
  return TRUE;
}

gboolean
jm_layout_get_cell_rect (JmLayout   *self,
                         const char *lane_id,
                         const char *step_id,
                         JmRect     *rect)
{
  JmRow *row;
  int column;

  g_return_val_if_fail (JM_IS_LAYOUT (self), FALSE);

  row = jm_layout_find_row (self, lane_id);
  column = jm_document_get_step_column (self->document, step_id);
  if (row == NULL || column < 0)
    return FALSE;
  *rect = (JmRect) { jm_layout_column_x (self, column), row->y, jm_layout_column_width (self, column), row->height };
  return TRUE;
}

gboolean
jm_layout_get_stage_rect (JmLayout   *self,
                          const char *stage_id,
                          JmRect     *rect)
{
  JmStage *stage;
  int first;

  g_return_val_if_fail (JM_IS_LAYOUT (self), FALSE);

  stage = jm_document_find_stage (self->document, stage_id);
  if (stage == NULL || stage->steps->len == 0)
    return FALSE;
  first = jm_document_get_step_column (self->document, ((JmStep *) g_ptr_array_index (stage->steps, 0))->id);
  *rect = (JmRect) {
    jm_layout_column_x (self, first), self->stages_y,
    jm_layout_column_x (self, first + (int) stage->steps->len) - jm_layout_column_x (self, first),
    self->footer_y - 24 - self->stages_y,
  };
  return TRUE;
}

/* ---- the view ---- */

static const JmMapView *
current_view (JmLayout *self)
{
  return self->view_id != NULL ? jm_document_find_view (self->document, self->view_id) : NULL;
}

gboolean
jm_layout_shows_lane (JmLayout   *self,
                      const char *lane_id)
{
  g_return_val_if_fail (JM_IS_LAYOUT (self), FALSE);
  return jm_map_view_shows_lane (current_view (self), lane_id);
}

gboolean
jm_layout_shows_persona (JmLayout   *self,
                         const char *persona_id)
{
  g_return_val_if_fail (JM_IS_LAYOUT (self), FALSE);
  return jm_map_view_shows_persona (current_view (self), persona_id);
}

gboolean
jm_layout_shows_curve (JmLayout   *self,
                       JmMapState  curve)
{
  g_return_val_if_fail (JM_IS_LAYOUT (self), FALSE);
  return jm_map_view_shows_curve (current_view (self), curve);
}

gboolean
jm_layout_get_persona_rect (JmLayout   *self,
                            const char *persona_id,
                            JmRect     *rect)
{
  GPtrArray *personas = jm_document_get_personas (self->document);
  guint cols = MAX (1, self->persona_cols);

  g_return_val_if_fail (JM_IS_LAYOUT (self), FALSE);

  if (!jm_layout_shows_persona (self, persona_id))
    return FALSE;
  for (guint i = 0, shown = 0; i < personas->len; i++)
    {
      const char *id = ((JmPersona *) g_ptr_array_index (personas, i))->id;

      if (!jm_layout_shows_persona (self, id))
        continue;
      if (g_strcmp0 (id, persona_id) == 0)
        {
          guint col = shown % cols, row = shown / cols;

          *rect = (JmRect) {
            self->width - JM_MARGIN - (cols - col) * (JM_PERSONA_W + 16) + 16,
            JM_MARGIN + row * (jm_layout_persona_height (self) + 16),
            JM_PERSONA_W, jm_layout_persona_height (self),
          };
          return TRUE;
        }
      shown++;
    }
  return FALSE;
}

static JmRow *
emotion_row (JmLayout *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      JmRow *row = g_ptr_array_index (self->rows, i);

      if (row->lane->kind == JM_LANE_EMOTIONS)
        return row;
    }
  return NULL;
}

gboolean
jm_layout_get_emotion_legend_rect (JmLayout *self,
                                   JmRect   *rect)
{
  JmRow *row;
  int th = 0;
  double top, bottom;

  g_return_val_if_fail (JM_IS_LAYOUT (self), FALSE);

  if ((row = emotion_row (self)) == NULL || self->n_columns == 0)
    return FALSE;
  /* Under the lane's title and kind, left of the axis's labels (which end
   * at the titles' right edge): the column of titles holds no card, so
   * the legend never covers one, and it stays with the frozen titles. */
  if (row->title != NULL)
    pango_layout_get_pixel_size (row->title, NULL, &th);
  top = row->y + 14 + th + 26;
  bottom = row->y + MIN (row->height, JM_EMOTION_H) - 8 - self->legend_reserve;
  if (bottom - top < JM_LEGEND_LINE_H * self->label_scale)
    return FALSE;
  if (rect)
    *rect = (JmRect) { JM_MARGIN + 16, top, self->grid_x - 34 - (JM_MARGIN + 16), bottom - top };
  return TRUE;
}

void
jm_layout_set_emotion_legend_reserve (JmLayout *self,
                                      double    units)
{
  g_return_if_fail (JM_IS_LAYOUT (self));

  self->legend_reserve = MAX (units, 0);
}

gboolean
jm_layout_get_emotion_band (JmLayout *self,
                            double   *top,
                            double   *bottom)
{
  JmRow *row;

  g_return_val_if_fail (JM_IS_LAYOUT (self), FALSE);

  if ((row = emotion_row (self)) == NULL)
    return FALSE;
  if (top)
    *top = row->y + JM_EMOTION_INSET;
  if (bottom)
    *bottom = row->y + JM_EMOTION_H - JM_EMOTION_INSET;
  return TRUE;
}

double
jm_layout_emotion_y (JmLayout *self,
                     double    score)
{
  double top = 0, bottom = 0;

  g_return_val_if_fail (JM_IS_LAYOUT (self), 0);

  jm_layout_get_emotion_band (self, &top, &bottom);
  return top + (JM_EMOTION_MAX - score) / (JM_EMOTION_MAX - JM_EMOTION_MIN) * (bottom - top);
}

double
jm_layout_emotion_score_at (JmLayout *self,
                            double    y)
{
  double top, bottom, score;

  g_return_val_if_fail (JM_IS_LAYOUT (self), 0);

  if (!jm_layout_get_emotion_band (self, &top, &bottom))
    return 0;
  score = JM_EMOTION_MAX - (y - top) / (bottom - top) * (JM_EMOTION_MAX - JM_EMOTION_MIN);
  return CLAMP (round (score * 2) / 2, JM_EMOTION_MIN, JM_EMOTION_MAX);
}

double
jm_layout_get_step_center (JmLayout   *self,
                           const char *step_id)
{
  int column;

  g_return_val_if_fail (JM_IS_LAYOUT (self), 0);

  column = jm_document_get_step_column (self->document, step_id);
  if (column < 0)
    return 0;
  return jm_layout_column_x (self, column) + jm_layout_column_width (self, column) / 2;
}

gboolean
jm_layout_get_emotion_point (JmLayout   *self,
                             const char *persona_id,
                             const char *step_id,
                             JmMapState  curve,
                             double     *x,
                             double     *y)
{
  const JmEmotion *emotion;

  g_return_val_if_fail (JM_IS_LAYOUT (self), FALSE);

  if (!jm_layout_shows_persona (self, persona_id) || !jm_layout_shows_curve (self, curve))
    return FALSE;
  emotion = jm_document_get_emotion (self->document, persona_id, step_id, curve);
  if (emotion_row (self) == NULL || emotion == NULL || jm_document_get_step_column (self->document, step_id) < 0)
    return FALSE;

  *x = jm_layout_get_step_center (self, step_id);
  *y = jm_layout_emotion_y (self, emotion->score);
  return TRUE;
}

gboolean
jm_layout_get_emotion_y (JmLayout *self,
                         double    score,
                         double   *y)
{
  g_return_val_if_fail (JM_IS_LAYOUT (self), FALSE);

  if (!jm_layout_get_emotion_band (self, NULL, NULL))
    return FALSE;
  *y = jm_layout_emotion_y (self, score);
  return TRUE;
}

gboolean
jm_layout_get_card_parts (JmLayout    *self,
                          const char  *card_id,
                          JmCardParts *parts)
{
  JmCardBox *box;
  double x, y, inner;

  g_return_val_if_fail (JM_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (parts != NULL, FALSE);

  box = g_hash_table_lookup (self->boxes, card_id);
  if (box == NULL || box->column < 0)
    return FALSE;

  /* As draw_card_content lays them out: inside the padding, right of the
   * accent bar, one under the other. */
  x = box->rect.x + JM_CARD_PAD + 4;
  y = box->rect.y + JM_CARD_PAD;
  inner = box->rect.width - 2 * JM_CARD_PAD - 4;
  parts->chips = (JmRect) { x, y, inner, box->chips_height > 0 ? JM_CHIP_H * self->label_scale : 0 };
  y += box->chips_height;
  parts->image = (JmRect) { x, y, inner, MAX (0, box->image_height - 6) };
  y += box->image_height;
  /* The text was wrapped at the card's width less its padding. */
  parts->text = (JmRect) { x, y, inner + 4, box->text_height };
  y += box->text_height;
  parts->badges = (JmRect) { x, y + 6, inner, MAX (0, box->badges_height - 6) };
  y += box->badges_height;
  parts->footer = (JmRect) { x, y, inner, box->footer_height };
  parts->chip_text_size = JM_CHIP_TEXT_SIZE * self->label_scale;
  parts->badge_text_size = JM_BADGE_TEXT_SIZE * self->label_scale;
  parts->footer_text_size = JM_FOOTER_TEXT_SIZE * self->label_scale;
  parts->text_size = JM_CARD_TEXT_SIZE;
  return TRUE;
}

gboolean
jm_layout_hit_test (JmLayout *self,
                    double    x,
                    double    y,
                    JmHit    *hit)
{
  int column;

  g_return_val_if_fail (JM_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  memset (hit, 0, sizeof *hit);

  if (x < 0 || y < 0 || x >= self->width || y >= self->height)
    return FALSE;

  if (y < self->stages_y)
    {
      GPtrArray *personas = jm_document_get_personas (self->document);

      for (guint i = 0; i < personas->len; i++)
        {
          JmPersona *persona = g_ptr_array_index (personas, i);

          if (jm_layout_get_persona_rect (self, persona->id, &hit->rect) && jm_rect_contains (&hit->rect, x, y))
            {
              hit->kind = JM_HIT_PERSONA;
              hit->id = persona->id;
              return TRUE;
            }
        }
      hit->kind = JM_HIT_HEADER;
      hit->rect = (JmRect) { 0, 0, self->width, self->stages_y };
      return TRUE;
    }

  column = jm_layout_column_at (self, x);
  if (column >= (int) self->n_columns)
    return FALSE;

  if (y < self->steps_y && column >= 0)
    {
      JmStep *step = jm_document_get_step (self->document, (guint) column);
      JmStage *stage = jm_document_get_step_stage (self->document, step->id);

      hit->kind = JM_HIT_STAGE;
      hit->id = stage->id;
      jm_layout_get_stage_rect (self, stage->id, &hit->rect);
      hit->rect.height = self->steps_y - self->stages_y;
      return TRUE;
    }

  if (y < self->lanes_y && column >= 0)
    {
      JmStep *step = jm_document_get_step (self->document, (guint) column);

      hit->kind = JM_HIT_STEP;
      hit->id = step->id;
      hit->step_id = step->id;
      hit->rect = (JmRect) { jm_layout_column_x (self, column), self->steps_y,
                             jm_layout_column_width (self, column), JM_STEP_H };
      return TRUE;
    }

  for (guint i = 0; i < self->rows->len; i++)
    {
      JmRow *row = g_ptr_array_index (self->rows, i);

      if (y < row->y || y >= row->y + row->height)
        continue;

      if (column < 0)
        {
          hit->kind = JM_HIT_LANE;
          hit->id = row->lane->id;
          hit->lane_id = row->lane->id;
          jm_layout_get_lane_rect (self, row->lane->id, &hit->rect);
          return TRUE;
        }

      /* Cards of this column, and of earlier ones spanning into it. */
      for (int c = MAX (0, column - (int) row->max_span + 1); c <= column; c++)
        {
          GPtrArray *cell = g_ptr_array_index (row->cells, c);

          for (guint b = 0; b < cell->len; b++)
            {
              JmCardBox *box = g_ptr_array_index (cell, b);

              if (jm_rect_contains (&box->rect, x, y))
                {
                  hit->kind = JM_HIT_CARD;
                  hit->id = box->card->id;
                  hit->lane_id = row->lane->id;
                  hit->step_id = box->card->step_id;
                  hit->rect = box->rect;
                  return TRUE;
                }
            }
        }

      if (row->lane->kind == JM_LANE_EMOTIONS && y < row->y + JM_EMOTION_H)
        {
          GPtrArray *personas = jm_document_get_personas (self->document);
          JmStep *step = jm_document_get_step (self->document, (guint) column);
          double best = JM_EMOTION_HIT_RADIUS;

          hit->kind = JM_HIT_EMOTION_BAND;
          hit->lane_id = row->lane->id;
          hit->step_id = step->id;
          hit->rect = (JmRect) { jm_layout_column_x (self, column), row->y,
                                 jm_layout_column_width (self, column), JM_EMOTION_H };
          /* The nearest point wins; the persona the map is viewed as first. */
          for (guint p = 0; p < personas->len; p++)
            {
              JmPersona *persona = g_ptr_array_index (personas, p);
              double bias = g_strcmp0 (persona->id, self->options.persona_id) == 0 ? 0.5 : 0;

              for (int curve = 0; curve < JM_N_MAP_STATES; curve++)
                {
                  double px, py, d;

                  if (!jm_layout_get_emotion_point (self, persona->id, step->id, curve, &px, &py))
                    continue;
                  d = hypot (px - x, py - y) - bias;
                  if (fabs (px - x) <= JM_EMOTION_HIT_RADIUS && d <= best)
                    {
                      best = d;
                      hit->kind = JM_HIT_EMOTION;
                      hit->id = persona->id;
                      hit->curve = curve;
                      hit->rect = (JmRect) { px - JM_EMOTION_HIT_RADIUS, py - JM_EMOTION_HIT_RADIUS,
                                             2 * JM_EMOTION_HIT_RADIUS, 2 * JM_EMOTION_HIT_RADIUS };
                    }
                }
            }
          return TRUE;
        }

      hit->kind = JM_HIT_CELL;
      hit->lane_id = row->lane->id;
      hit->step_id = jm_document_get_step (self->document, (guint) column)->id;
      jm_layout_get_cell_rect (self, hit->lane_id, hit->step_id, &hit->rect);
      return TRUE;
    }

  return FALSE;
}

/* ---- the monotone curve ---- */

double
jm_monotone_curve_eval (const double *xs,
                        const double *ys,
                        guint         n,
                        double        x)
{
  g_autofree double *m = NULL;
  guint k;
  double h, t, t2, t3;

  g_return_val_if_fail (n > 0, 0);

  if (n == 1 || x <= xs[0])
    return ys[0];
  if (x >= xs[n - 1])
    return ys[n - 1];

  /* Monotone tangents (Fritsch–Butland): zero at local extrema and at most
   * twice the neighbouring slopes, so the curve never leaves its data's range. */
  m = g_new0 (double, n);
  for (guint i = 0; i < n; i++)
    {
      double d0 = i > 0 ? (ys[i] - ys[i - 1]) / (xs[i] - xs[i - 1]) : 0;
      double d1 = i + 1 < n ? (ys[i + 1] - ys[i]) / (xs[i + 1] - xs[i]) : 0;

      if (i == 0)
        m[i] = d1;
      else if (i == n - 1)
        m[i] = d0;
      else if (d0 * d1 <= 0)
        m[i] = 0;
      else
        m[i] = 2 * d0 * d1 / (d0 + d1);   /* harmonic mean: at most twice either slope */
    }

  for (k = 0; k + 1 < n && x > xs[k + 1]; k++)
    ;

  h = xs[k + 1] - xs[k];
  t = (x - xs[k]) / h;
  t2 = t * t;
  t3 = t2 * t;
  return (2 * t3 - 3 * t2 + 1) * ys[k] + (t3 - 2 * t2 + t) * h * m[k]
       + (-2 * t3 + 3 * t2) * ys[k + 1] + (t3 - t2) * h * m[k + 1];
}
