/* jm-deck-writer.c — see jm-deck-writer.h. */
#include "config.h"

#include "jm-deck-writer.h"

static void
write_group (JmDeckWriter      *w,
             JmXmlOut          *out,
             const JmDeckShape *shape)
{
  double x0 = shape->x, y0 = shape->y, x1 = shape->x + shape->width, y1 = shape->y + shape->height;

  /* The group's box holds all its children. */
  for (guint i = 0; i < shape->children->len; i++)
    {
      const JmDeckShape *child = g_ptr_array_index (shape->children, i);

      x0 = MIN (x0, child->x);
      y0 = MIN (y0, child->y);
      x1 = MAX (x1, child->x + child->width);
      y1 = MAX (y1, child->y + child->height);
    }
  w->ops->group_start (w, out, shape, x0, y0, x1 - x0, y1 - y0);
  for (guint i = 0; i < shape->children->len; i++)
    jm_deck_write_shape (w, out, g_ptr_array_index (shape->children, i));
  w->ops->group_end (w, out, shape);
}

void
jm_deck_write_shape (JmDeckWriter      *w,
                     JmXmlOut          *out,
                     const JmDeckShape *shape)
{
  const JmDeckWriterOps *ops = w->ops;

  switch (shape->kind)
    {
    case JM_DECK_SHAPE_PICTURE:
      ops->picture (w, out, shape);
      break;
    case JM_DECK_SHAPE_TABLE:
      ops->table (w, out, shape);
      break;
    case JM_DECK_SHAPE_GROUP:
      write_group (w, out, shape);
      break;
    case JM_DECK_SHAPE_PATH:
      ops->path (w, out, shape);
      break;
    case JM_DECK_SHAPE_STAR:
      ops->star (w, out, shape);
      break;
    case JM_DECK_SHAPE_TEXT:
      ops->text (w, out, shape);
      break;
    case JM_DECK_SHAPE_ELLIPSE:
      if (shape->role != JM_DECK_ROLE_NONE)
        ops->placeholder (w, out, shape);
      else
        ops->ellipse (w, out, shape);
      break;
    case JM_DECK_SHAPE_RECT:
    default:
      if (shape->role != JM_DECK_ROLE_NONE)
        ops->placeholder (w, out, shape);
      else
        ops->rect (w, out, shape);
      break;
    }
}

void
jm_deck_write_paragraphs (JmDeckWriter *w,
                          JmXmlOut     *out,
                          GPtrArray    *paragraphs)
{
  const JmDeckWriterOps *ops = w->ops;

  for (guint i = 0; i < paragraphs->len; i++)
    {
      const JmDeckPara *para = g_ptr_array_index (paragraphs, i);
      const JmDeckRun *last = NULL;
      gboolean at_line_start = TRUE;

      ops->para_start (w, out, para);
      for (guint r = 0; r < para->runs->len; r++)
        {
          const JmDeckRun *run = g_ptr_array_index (para->runs, r);

          if (run->line_break)
            {
              ops->line_break (w, out, run);
              at_line_start = TRUE;
            }
          if (*run->text != '\0')
            {
              ops->run (w, out, run, at_line_start);
              at_line_start = FALSE;
            }
          last = run;
        }
      ops->para_end (w, out, para, last);
    }
}

void
jm_deck_write_path_pieces (JmDeckWriter      *w,
                           JmXmlOut          *out,
                           const JmDeckShape *shape)
{
  JmDeckPoint points[3];

  for (guint i = 0; i < shape->path->len; i++)
    {
      const JmDeckPoint *pt = &g_array_index (shape->path, JmDeckPoint, i);
      JmDeckPoint *p = &points[i == 0 ? 0 : (i - 1) % 3];

      p->x = pt->x - shape->x;
      p->y = pt->y - shape->y;
      if (i == 0)
        w->ops->path_move (w, out, shape, &points[0]);
      else if (i % 3 == 0)
        w->ops->path_cubic (w, out, shape, points);
    }
}

double
jm_deck_shape_corner (const JmDeckShape *shape)
{
  return MIN (shape->radius, MIN (shape->width, shape->height) / 2);
}

const JmDeckShape *
jm_deck_table_cell (const JmDeckShape *table,
                    guint              row,
                    guint              column)
{
  return g_ptr_array_index (table->children, row * table->n_columns + column);
}

JmColor
jm_deck_table_grid_color (const JmDeck *deck)
{
  return jm_color_mix (deck->background, deck->text, 0.18);
}
