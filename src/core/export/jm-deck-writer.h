/* jm-deck-writer.h — what the PowerPoint (jm-pptx.c) and OpenDocument
 * (jm-odp.c) writers share: the walk through a slide's shapes, groups and
 * text (paragraphs, runs, line breaks), and the geometry both derive from
 * a shape (its corner, its path's pieces, a group's box, a table's cells,
 * the table's grid colour). A format only says how each piece is written
 * in its XML, through the table of JmDeckWriterOps. Private to
 * src/core/export. */
#pragma once

#include "jm-deck.h"
#include "jm-xml-out.h"

G_BEGIN_DECLS

typedef struct _JmDeckWriter JmDeckWriter;

/* How a format writes each piece; every entry is needed. A writer embeds
 * JmDeckWriter as its first member and casts back in its callbacks. */
typedef struct {
  /* Shapes, by kind. */
  void (*rect)        (JmDeckWriter *w, JmXmlOut *out, const JmDeckShape *shape);
  void (*text)        (JmDeckWriter *w, JmXmlOut *out, const JmDeckShape *shape);
  void (*ellipse)     (JmDeckWriter *w, JmXmlOut *out, const JmDeckShape *shape);
  void (*star)        (JmDeckWriter *w, JmXmlOut *out, const JmDeckShape *shape);
  void (*path)        (JmDeckWriter *w, JmXmlOut *out, const JmDeckShape *shape);
  void (*picture)     (JmDeckWriter *w, JmXmlOut *out, const JmDeckShape *shape);
  void (*table)       (JmDeckWriter *w, JmXmlOut *out, const JmDeckShape *shape);
  /* A shape the office suite takes for the slide's title or subtitle,
   * whatever its kind but a text box's. */
  void (*placeholder) (JmDeckWriter *w, JmXmlOut *out, const JmDeckShape *shape);
  /* A group: its start (x, y, width, height: the box around all its
   * children), its children come between, then its end. */
  void (*group_start) (JmDeckWriter *w, JmXmlOut *out, const JmDeckShape *shape,
                       double x, double y, double width, double height);
  void (*group_end)   (JmDeckWriter *w, JmXmlOut *out, const JmDeckShape *shape);

  /* Text: a paragraph's start, its runs (at_line_start: nothing before
   * it on its line), the line breaks before runs, the paragraph's end
   * (last: its last run, NULL when it has none). Empty runs are not
   * written, but their line breaks are. */
  void (*para_start)  (JmDeckWriter *w, JmXmlOut *out, const JmDeckPara *para);
  void (*run)         (JmDeckWriter *w, JmXmlOut *out, const JmDeckRun *run, gboolean at_line_start);
  void (*line_break)  (JmDeckWriter *w, JmXmlOut *out, const JmDeckRun *run);
  void (*para_end)    (JmDeckWriter *w, JmXmlOut *out, const JmDeckPara *para, const JmDeckRun *last);

  /* A path's pieces, in points from the shape's top left corner: a move
   * to its start (one point), then cubic Bézier pieces (three points). */
  void (*path_move)   (JmDeckWriter *w, JmXmlOut *out, const JmDeckShape *shape, const JmDeckPoint *to);
  void (*path_cubic)  (JmDeckWriter *w, JmXmlOut *out, const JmDeckShape *shape, const JmDeckPoint *points);
} JmDeckWriterOps;

struct _JmDeckWriter {
  const JmDeckWriterOps *ops;
};

/* The shape as its kind and role say, a group with its children. */
void     jm_deck_write_shape       (JmDeckWriter      *w,
                                    JmXmlOut          *out,
                                    const JmDeckShape *shape);
void     jm_deck_write_paragraphs  (JmDeckWriter      *w,
                                    JmXmlOut          *out,
                                    GPtrArray         *paragraphs);
/* The path's pieces through path_move and path_cubic. */
void     jm_deck_write_path_pieces (JmDeckWriter      *w,
                                    JmXmlOut          *out,
                                    const JmDeckShape *shape);

/* The rounding of a rectangle's corners, points: never more than half
 * its shorter side. */
double   jm_deck_shape_corner      (const JmDeckShape *shape);
/* A table's cell, row by row. */
const JmDeckShape *
         jm_deck_table_cell        (const JmDeckShape *table,
                                    guint              row,
                                    guint              column);
/* The lines between a table's cells: the text's colour, faint. */
JmColor  jm_deck_table_grid_color  (const JmDeck      *deck);

G_END_DECLS
