/* jm-compare-painter.c — comparing two versions of a map on the new one's
 * picture: the diff grouped by object, where each object is on the new
 * layout, and the marks painted over the one painter's output (never
 * inside it): outlines for added objects, ghosts for removed cards, badges
 * with old → new for changed ones, the old emotion curves dashed. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "jm-compare.h"
#include "jm-number.h"

struct _JmCompare {
  gatomicrefcount  ref_count;
  JmDocument      *old_doc;
  JmDocument      *new_doc;
  GPtrArray       *items;   /* JmCompareItem* */
};

static void
item_free (JmCompareItem *item)
{
  g_free (item->id);
  g_free (item->step);
  g_free (item->card_id);
  g_free (item->stage_id);
  g_free (item->lane_id);
  g_free (item->step_id);
  g_free (item->title);
  g_free (item->details);
  g_free (item->old_text);
  g_free (item);
}

static gboolean
same_object (const JmDiffEntry *a,
             const JmDiffEntry *b)
{
  return a->kind == b->kind && a->is_conflict == b->is_conflict
         && g_strcmp0 (a->id, b->id) == 0 && g_strcmp0 (a->step, b->step) == 0
         && a->curve == b->curve;
}

/* Where an object of the group is drawn: its card, or its metric's. */
static void
place_item (JmCompare     *self,
            JmCompareItem *item)
{
  JmDocument *doc = item->mark == JM_COMPARE_REMOVED ? self->old_doc : self->new_doc;

  switch (item->kind)
    {
    case JM_KIND_CARD:
      if (item->mark == JM_COMPARE_REMOVED)
        {
          JmLane *lane = NULL;
          JmCard *card = jm_document_find_card (self->old_doc, item->id, &lane);

          if (card != NULL && lane != NULL)
            {
              item->lane_id = g_strdup (lane->id);
              item->step_id = g_strdup (card->step_id);
              item->old_text = jm_card_get_short_text (card);
            }
        }
      else
        item->card_id = g_strdup (item->id);
      break;
    case JM_KIND_METRIC:
      {
        const char *owner = NULL;

        if (jm_document_find_metric (doc, item->id, &owner) == NULL || owner == NULL)
          break;
        /* A removed metric is marked on its holder, if that is still there. */
        if (jm_document_find_card (self->new_doc, owner, NULL) != NULL)
          item->card_id = g_strdup (owner);
        else if (jm_document_find_stage (self->new_doc, owner) != NULL)
          item->stage_id = g_strdup (owner);
      }
      break;
    case JM_KIND_MAP:
    case JM_KIND_PERSONA:
    case JM_KIND_STAGE:
    case JM_KIND_STEP:
    case JM_KIND_LANE:
    case JM_KIND_EMOTION:
    case JM_N_KINDS:
    default:
      break;
    }
}

/* A metric's value and target as its badge writes them: "CSAT 22 % →
 * 41 %", in place of the diff's "value: 22 → 41". The diff writes one line
 * per change of a metric, in the order of the entries. */
static void
metric_details (JmCompare     *self,
                JmCompareItem *item,
                GPtrArray     *group,
                char         **lines)
{
  const JmMetric *metric = jm_document_find_metric (self->new_doc, item->id, NULL);
  const char *unit;
  const char *label;
  GString *out;

  if (metric == NULL || g_strv_length (lines) != group->len + 1)
    return;
  label = metric->kind == JM_METRIC_CUSTOM && metric->name ? metric->name : jm_metric_kind_get_label (metric->kind);
  unit = metric->kind == JM_METRIC_CUSTOM ? metric->unit : jm_metric_kind_get_unit (metric->kind);
  out = g_string_new (NULL);
  for (guint i = 0; i < group->len; i++)
    {
      const JmDiffEntry *e = g_ptr_array_index (group, i);
      double old_value, new_value;

      if (out->len > 0)
        g_string_append_c (out, '\n');
      if ((g_strcmp0 (e->field, "value") == 0 || g_strcmp0 (e->field, "target") == 0)
          && e->old_value && e->new_value
          && jm_number_parse (e->old_value, &old_value) && jm_number_parse (e->new_value, &new_value))
        {
          g_autofree char *o = jm_number_format_unit (old_value, -2, unit);
          g_autofree char *n = jm_number_format_unit (new_value, -2, unit);

          if (g_str_equal (e->field, "value"))
            g_string_append_printf (out, "%s %s → %s", label, o, n);
          else
            /* Translators: a metric's target changed, e.g. "CSAT target 75 % → 80 %" */
            g_string_append_printf (out, _("%s target %s → %s"), label, o, n);
        }
      else
        g_string_append (out, g_strstrip (lines[i + 1]));
    }
  g_free (item->details);
  item->details = g_string_free (out, FALSE);
}

static JmCompareItem *
make_item (JmCompare *self,
           GPtrArray *group)
{
  const JmDiffEntry *first = g_ptr_array_index (group, 0);
  JmCompareItem *item = g_new0 (JmCompareItem, 1);
  g_autofree char *text = jm_diff_to_text (group, self->old_doc, self->new_doc);
  g_auto(GStrv) lines = g_strsplit (g_strchomp (text), "\n", -1);
  GString *details = g_string_new (NULL);

  item->mark = first->change == JM_DIFF_ADDED ? JM_COMPARE_ADDED
               : first->change == JM_DIFF_REMOVED ? JM_COMPARE_REMOVED : JM_COMPARE_CHANGED;
  if (first->is_conflict)
    item->mark = JM_COMPARE_CHANGED;
  item->kind = first->kind;
  item->id = g_strdup (first->id);
  item->step = g_strdup (first->step);
  item->curve = first->curve;
  item->title = g_strdup (lines[0] ? lines[0] : "");
  for (guint i = 1; lines[0] && lines[i]; i++)
    {
      if (details->len > 0)
        g_string_append_c (details, '\n');
      g_string_append (details, g_strstrip (lines[i]));
    }
  item->details = g_string_free (details, FALSE);
  if (!first->is_conflict)
    place_item (self, item);
  if (item->kind == JM_KIND_METRIC && item->mark == JM_COMPARE_CHANGED)
    metric_details (self, item, group, lines);
  return item;
}

JmCompare *
jm_compare_new (JmDocument *old_doc,
                JmDocument *new_doc)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) group = g_ptr_array_new ();
  JmCompare *self;

  g_return_val_if_fail (JM_IS_DOCUMENT (old_doc), NULL);
  g_return_val_if_fail (JM_IS_DOCUMENT (new_doc), NULL);

  self = g_new0 (JmCompare, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->old_doc = g_object_ref (old_doc);
  self->new_doc = g_object_ref (new_doc);
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);

  entries = jm_diff (old_doc, new_doc);
  for (guint i = 0; i < entries->len; i++)
    {
      JmDiffEntry *e = g_ptr_array_index (entries, i);

      if (group->len > 0 && !same_object (g_ptr_array_index (group, 0), e))
        {
          g_ptr_array_add (self->items, make_item (self, group));
          g_ptr_array_set_size (group, 0);
        }
      g_ptr_array_add (group, e);
    }
  if (group->len > 0)
    g_ptr_array_add (self->items, make_item (self, group));
  return self;
}

JmCompare *
jm_compare_ref (JmCompare *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
jm_compare_unref (JmCompare *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_ptr_array_unref (self->items);
  g_object_unref (self->old_doc);
  g_object_unref (self->new_doc);
  g_free (self);
}

JmDocument *
jm_compare_get_old (JmCompare *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->old_doc;
}

JmDocument *
jm_compare_get_new (JmCompare *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->new_doc;
}

GPtrArray *
jm_compare_get_items (JmCompare *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->items;
}

char *
jm_compare_to_text (JmCompare *self)
{
  g_autoptr(GPtrArray) entries = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  entries = jm_diff (self->old_doc, self->new_doc);
  return jm_diff_to_text (entries, self->old_doc, self->new_doc);
}

/* A removed card's ghost: the lower part of its old cell, where it was. */
static gboolean
ghost_rect (JmLayout            *layout,
            const JmCompareItem *item,
            JmRect              *rect)
{
  JmRect cell;
  double h;

  if (item->lane_id == NULL || !jm_layout_get_cell_rect (layout, item->lane_id, item->step_id, &cell))
    return FALSE;
  h = MIN (40.0, cell.height - 8);
  rect->x = cell.x + 6;
  rect->width = cell.width - 12;
  rect->y = cell.y + cell.height - h - 4;
  rect->height = h;
  return rect->width > 0 && rect->height > 0;
}

gboolean
jm_compare_get_item_rect (JmCompare *self,
                          JmLayout  *layout,
                          guint      index,
                          JmRect    *rect)
{
  const JmCompareItem *item;
  double x, y;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (JM_IS_LAYOUT (layout), FALSE);
  g_return_val_if_fail (index < self->items->len, FALSE);

  item = g_ptr_array_index (self->items, index);
  if (item->card_id != NULL)
    return jm_layout_get_card_rect (layout, item->card_id, rect);
  if (item->stage_id != NULL)
    return jm_layout_get_header_rect (layout, JM_HIT_STAGE, item->stage_id, rect);
  if (item->mark == JM_COMPARE_REMOVED)
    return item->kind == JM_KIND_CARD && ghost_rect (layout, item, rect);
  switch (item->kind)
    {
    case JM_KIND_STAGE:
      return jm_layout_get_header_rect (layout, JM_HIT_STAGE, item->id, rect);
    case JM_KIND_STEP:
      return jm_layout_get_header_rect (layout, JM_HIT_STEP, item->id, rect);
    case JM_KIND_LANE:
      return jm_layout_get_header_rect (layout, JM_HIT_LANE, item->id, rect);
    case JM_KIND_PERSONA:
      return jm_layout_get_persona_rect (layout, item->id, rect);
    case JM_KIND_EMOTION:
      if (!jm_layout_get_emotion_point (layout, item->id, item->step, item->curve, &x, &y))
        return FALSE;
      *rect = (JmRect) { x - 9, y - 9, 18, 18 };
      return TRUE;
    case JM_KIND_MAP:
    case JM_KIND_CARD:
    case JM_KIND_METRIC:
    case JM_N_KINDS:
    default:
      return FALSE;
    }
}

/* ---- painting ---- */

JmColor
jm_compare_mark_color (JmCompareMark mark,
                       JmTheme       theme)
{
  gboolean dark = theme == JM_THEME_DARK;

  switch (mark)
    {
    case JM_COMPARE_ADDED:
      return dark ? (JmColor) { 0.34, 0.89, 0.54, 1 } : (JmColor) { 0.0, 0.48, 0.22, 1 };
    case JM_COMPARE_REMOVED:
      return dark ? (JmColor) { 1.0, 0.48, 0.39, 1 } : (JmColor) { 0.75, 0.11, 0.16, 1 };
    case JM_COMPARE_CHANGED:
    default:
      return dark ? (JmColor) { 0.38, 0.63, 0.92, 1 } : (JmColor) { 0.11, 0.44, 0.85, 1 };
    }
}

static void
set_color (cairo_t *cr,
           JmColor  c,
           double   alpha)
{
  cairo_set_source_rgba (cr, c.r, c.g, c.b, c.a * alpha);
}

static void
rounded_rect (cairo_t      *cr,
              const JmRect *r,
              double        radius)
{
  radius = MIN (radius, MIN (r->width, r->height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, r->x + r->width - radius, r->y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, r->x + r->width - radius, r->y + r->height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, r->x + radius, r->y + r->height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, r->x + radius, r->y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static PangoLayout *
text_layout (cairo_t    *cr,
             const char *text,
             double      size,
             gboolean    bold,
             double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

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
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* A small round tag at a corner: "+", "−" or "Δ". */
static void
paint_tag (cairo_t    *cr,
           double      cx,
           double      cy,
           JmColor     color,
           const char *glyph)
{
  PangoLayout *layout;
  int w, h;

  cairo_arc (cr, cx, cy, 9, 0, 2 * G_PI);
  set_color (cr, color, 1);
  cairo_fill (cr);
  layout = text_layout (cr, glyph, 12, TRUE, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_move_to (cr, cx - w / 2.0, cy - h / 2.0);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

static void
paint_ghost (cairo_t             *cr,
             const JmCompareItem *item,
             const JmRect        *r,
             const JmThemeColors *colors,
             JmColor              color,
             double               line)
{
  double dash[] = { 5, 4 };

  rounded_rect (cr, r, 6);
  set_color (cr, colors->surface, 0.55);
  cairo_fill_preserve (cr);
  cairo_set_dash (cr, dash, 2, 0);
  cairo_set_line_width (cr, line);
  set_color (cr, color, 0.9);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  if (item->old_text != NULL && r->width > 30)
    {
      PangoLayout *layout = text_layout (cr, item->old_text, 11, FALSE, r->width - 28);
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_strikethrough_new (TRUE));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
      pango_layout_set_height (layout, (int) ((r->height - 8) * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      set_color (cr, colors->text_dim, 1);
      cairo_move_to (cr, r->x + 22, r->y + 4);
      pango_cairo_show_layout (cr, layout);
      g_object_unref (layout);
    }
  paint_tag (cr, r->x + 10, r->y + r->height / 2, color, "−");
}

/* The old → new lines of a changed object, in a box below it. */
static void
paint_details (cairo_t             *cr,
               const char          *details,
               const JmRect        *r,
               const JmThemeColors *colors,
               JmColor              color)
{
  double width = CLAMP (r->width, 220, 340);
  PangoLayout *layout;
  int w, h;
  JmRect box;

  if (details == NULL || *details == '\0')
    return;
  layout = text_layout (cr, details, 11, FALSE, width - 16);
  pango_layout_get_pixel_size (layout, &w, &h);
  box = (JmRect) { r->x, r->y + r->height + 4, width, h + 12 };
  rounded_rect (cr, &box, 6);
  set_color (cr, colors->surface, 1);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 1.5);
  set_color (cr, color, 1);
  cairo_stroke (cr);
  set_color (cr, colors->text, 1);
  cairo_move_to (cr, box.x + 8, box.y + 6);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

/* Items drawn on the same card (the card's own changes, its metrics') or
 * the same stage header share one badge. */
static gboolean
same_place (const JmCompareItem *a,
            const JmCompareItem *b)
{
  if (a->card_id != NULL || b->card_id != NULL)
    return g_strcmp0 (a->card_id, b->card_id) == 0;
  if (a->stage_id != NULL || b->stage_id != NULL)
    return g_strcmp0 (a->stage_id, b->stage_id) == 0;
  return a == b;
}

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  const double *pa = a, *pb = b;

  return (pa[0] > pb[0]) - (pa[0] < pb[0]);
}

/* A persona's old curve, dashed, through the old scores at the steps the
 * new map still has, on the new map's emotion band. */
static void
paint_old_curve (JmCompare           *self,
                 JmLayout            *layout,
                 cairo_t             *cr,
                 const char          *persona_id,
                 JmMapState           curve,
                 const JmThemeColors *colors,
                 double               line)
{
  GPtrArray *emotions = jm_document_get_emotions (self->old_doc);
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (double) * 2);
  double dash[] = { 7, 5 };
  g_autofree double *xs = NULL;
  g_autofree double *ys = NULL;
  double y;

  for (guint i = 0; i < emotions->len; i++)
    {
      const JmEmotion *e = g_ptr_array_index (emotions, i);
      double p[2];

      if (e->curve != curve || g_strcmp0 (e->persona_id, persona_id) != 0
          || jm_document_get_step_column (self->new_doc, e->step_id) < 0
          || !jm_layout_get_emotion_y (layout, e->score, &y))
        continue;
      p[0] = jm_layout_get_step_center (layout, e->step_id);
      p[1] = y;
      g_array_append_vals (points, p, 1);
    }
  if (points->len == 0)
    return;
  g_array_sort (points, compare_points);
  xs = g_new (double, points->len);
  ys = g_new (double, points->len);
  for (guint i = 0; i < points->len; i++)
    {
      xs[i] = ((double *) points->data)[2 * i];
      ys[i] = ((double *) points->data)[2 * i + 1];
    }

  cairo_save (cr);
  cairo_set_line_width (cr, line);
  cairo_set_dash (cr, dash, 2, 0);
  set_color (cr, colors->text_dim, 0.9);
  cairo_move_to (cr, xs[0], ys[0]);
  for (guint i = 1; i < points->len; i++)
    for (double x = xs[i - 1] + 4; x <= xs[i]; x += 4)
      cairo_line_to (cr, x, jm_monotone_curve_eval (xs, ys, points->len, x));
  if (points->len > 1)
    cairo_line_to (cr, xs[points->len - 1], ys[points->len - 1]);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  for (guint i = 0; i < points->len; i++)
    {
      cairo_arc (cr, xs[i], ys[i], 4, 0, 2 * G_PI);
      set_color (cr, colors->background, 1);
      cairo_fill_preserve (cr);
      set_color (cr, colors->text_dim, 1);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

void
jm_compare_paint (JmCompare    *self,
                  JmLayout     *layout,
                  cairo_t      *cr,
                  const JmRect *visible,
                  double        scale,
                  int           expanded,
                  gboolean      all_details)
{
  const JmRenderOptions *options;
  const JmThemeColors *colors;
  double line;

  g_return_if_fail (self != NULL);
  g_return_if_fail (JM_IS_LAYOUT (layout));
  g_return_if_fail (cr != NULL);

  options = jm_layout_get_options (layout);
  colors = jm_theme_get_colors (options->theme);
  /* At least two device pixels, whatever the zoom. */
  line = MAX (3.0, 2.0 / MAX (scale, 0.01));

  cairo_save (cr);

  /* The old curves first: the marks go over them. */
  {
    GPtrArray *personas = jm_document_get_personas (self->new_doc);

    for (guint i = 0; i < personas->len; i++)
      {
        const JmPersona *persona = g_ptr_array_index (personas, i);

        if (options->persona_id != NULL && g_strcmp0 (options->persona_id, persona->id) != 0)
          continue;
        paint_old_curve (self, layout, cr, persona->id, JM_MAP_STATE_CURRENT, colors, line * 0.7);
        if (options->show_future)
          paint_old_curve (self, layout, cr, persona->id, JM_MAP_STATE_FUTURE, colors, line * 0.7);
      }
  }

  for (guint i = 0; i < self->items->len; i++)
    {
      const JmCompareItem *item = g_ptr_array_index (self->items, i);
      JmColor color = jm_compare_mark_color (item->mark, options->theme);
      JmRect r;

      if (!jm_compare_get_item_rect (self, layout, i, &r)
          || (visible != NULL && !jm_rect_intersects (&r, visible)))
        continue;
      if (item->mark == JM_COMPARE_REMOVED)
        {
          paint_ghost (cr, item, &r, colors, color, MAX (1.5, line / 2));
          continue;
        }
      /* A metric added to a card that is there already changes the card. */
      if (item->mark == JM_COMPARE_ADDED && item->kind == JM_KIND_METRIC)
        color = jm_compare_mark_color (JM_COMPARE_CHANGED, options->theme);
      rounded_rect (cr, &(JmRect) { r.x - 2, r.y - 2, r.width + 4, r.height + 4 }, 8);
      cairo_set_line_width (cr, item->mark == JM_COMPARE_ADDED ? line : line * 0.7);
      set_color (cr, color, 1);
      cairo_stroke (cr);
      if (item->kind != JM_KIND_EMOTION)
        paint_tag (cr, r.x + r.width - 2, r.y + 2, color,
                   item->mark == JM_COMPARE_ADDED && item->kind != JM_KIND_METRIC ? "+" : "Δ");
    }

  /* The old → new boxes last, over everything: one per place (a card, a
   * stage header, or the object itself), with the changes of everything
   * drawn there, in the map's order. */
  if (all_details || (expanded >= 0 && (guint) expanded < self->items->len))
    {
      const JmCompareItem *shown = expanded >= 0 && (guint) expanded < self->items->len
                                   ? g_ptr_array_index (self->items, expanded) : NULL;
      /* place → index into boxes */
      g_autoptr(GHashTable) places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GPtrArray) boxes = g_ptr_array_new ();   /* the first item of each place */
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < self->items->len; i++)
        {
          const JmCompareItem *item = g_ptr_array_index (self->items, i);
          g_autofree char *key = NULL;
          gpointer found;

          if (item->mark == JM_COMPARE_REMOVED || *item->details == '\0'
              || (!all_details && !same_place (item, shown)))
            continue;
          key = item->card_id ? g_strconcat ("c:", item->card_id, NULL)
                : item->stage_id ? g_strconcat ("s:", item->stage_id, NULL)
                : g_strdup_printf ("i:%u", i);
          if (g_hash_table_lookup_extended (places, key, NULL, &found))
            {
              guint b = GPOINTER_TO_UINT (found);
              char *joined = g_strconcat (g_ptr_array_index (texts, b), "\n", item->details, NULL);

              g_free (g_ptr_array_index (texts, b));
              g_ptr_array_index (texts, b) = joined;
              continue;
            }
          g_hash_table_insert (places, g_steal_pointer (&key), GUINT_TO_POINTER (boxes->len));
          g_ptr_array_add (boxes, GUINT_TO_POINTER (i));
          g_ptr_array_add (texts, g_strdup (item->details));
        }
      for (guint b = 0; b < boxes->len; b++)
        {
          JmRect r;

          JmRect reach;

          if (!jm_compare_get_item_rect (self, layout, GPOINTER_TO_UINT (g_ptr_array_index (boxes, b)), &r))
            continue;
          /* The box hangs below its object. */
          reach = (JmRect) { r.x, r.y, MAX (r.width, 340), r.height + 400 };
          if (visible == NULL || jm_rect_intersects (&reach, visible))
            paint_details (cr, g_ptr_array_index (texts, b), &r, colors,
                           jm_compare_mark_color (JM_COMPARE_CHANGED, options->theme));
        }
    }
  cairo_restore (cr);
}
