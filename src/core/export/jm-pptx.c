/* jm-pptx.c — a deck as a PowerPoint presentation (Office Open XML,
 * ECMA-376 transitional): one slide master with two layouts, a notes
 * master, a slide per JmDeckSlide and a notes slide where it has notes.
 * Shapes are DrawingML preset shapes with their text, freeform lines,
 * pictures and tables; parts and relationships are numbered in order, so
 * the same deck gives the same package. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "jm-deck-writer.h"
#include "jm-zip.h"

#define EMU_PER_PT 12700.0

#define NS_A "http://schemas.openxmlformats.org/drawingml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_P "http://schemas.openxmlformats.org/presentationml/2006/main"
#define REL  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define CT   "application/vnd.openxmlformats-officedocument."

/* The layouts of the master: the title slide's, and a title only. */
#define LAYOUT_TITLE      1
#define LAYOUT_TITLE_ONLY 2

typedef struct {
  JmDeckWriter  writer;      /* first: the shared walk calls back with it */
  const JmDeck *deck;
  JmZip        *zip;
  guint         n_images;
  GPtrArray    *rels;        /* the slide's relationships: "Id\tType\tTarget" */
  guint         next_id;     /* shape ids on the slide */
  gboolean      first_slide; /* its title is the deck's: a centred title */
} Pptx;

static gint64
emu (double pt)
{
  return (gint64) llround (pt * EMU_PER_PT);
}

static void
root (JmXmlOut   *out,
      const char *name)
{
  jm_xml_start (out, name);
  jm_xml_attr (out, "xmlns:a", NS_A);
  jm_xml_attr (out, "xmlns:r", NS_R);
  jm_xml_attr (out, "xmlns:p", NS_P);
}

static void
add_part (Pptx       *x,
          const char *name,
          JmXmlOut   *out)
{
  jm_zip_add_text (x->zip, name, jm_xml_out_end (out));
}

/* A part's relationships; each entry "Type\tTarget", numbered rId1… */
static void
add_rels (Pptx              *x,
          const char        *name,
          const char *const *rels,
          guint              n)
{
  JmXmlOut out;

  jm_xml_out_begin (&out, TRUE, TRUE);
  jm_xml_start (&out, "Relationships");
  jm_xml_attr (&out, "xmlns", "http://schemas.openxmlformats.org/package/2006/relationships");
  for (guint i = 0; i < n; i++)
    {
      g_auto(GStrv) fields = g_strsplit (rels[i], "\t", 2);
      g_autofree char *id = g_strdup_printf ("rId%u", i + 1);

      jm_xml_start (&out, "Relationship");
      jm_xml_attr (&out, "Id", id);
      jm_xml_attr (&out, "Type", fields[0]);
      jm_xml_attr (&out, "Target", fields[1]);
      jm_xml_end (&out);
    }
  jm_xml_end (&out);
  add_part (x, name, &out);
}

static void
solid_fill (JmXmlOut *out,
            JmColor   color)
{
  jm_xml_start (out, "a:solidFill");
  jm_xml_start (out, "a:srgbClr");
  jm_xml_attr_color (out, "val", color, FALSE);
  jm_xml_end (out);
  jm_xml_end (out);
}

static void
scheme_fill (JmXmlOut   *out,
             const char *scheme)
{
  jm_xml_start (out, "a:solidFill");
  jm_xml_start (out, "a:schemeClr");
  jm_xml_attr (out, "val", scheme);
  jm_xml_end (out);
  jm_xml_end (out);
}

static void
xfrm (JmXmlOut   *out,
      const char *element,
      double      x,
      double      y,
      double      w,
      double      h,
      gboolean    group)
{
  jm_xml_start (out, element);
  jm_xml_start (out, "a:off");
  jm_xml_attr_int (out, "x", emu (x));
  jm_xml_attr_int (out, "y", emu (y));
  jm_xml_end (out);
  jm_xml_start (out, "a:ext");
  jm_xml_attr_int (out, "cx", emu (w));
  jm_xml_attr_int (out, "cy", emu (h));
  jm_xml_end (out);
  if (group)
    {
      /* The children keep the slide's coordinates. */
      jm_xml_start (out, "a:chOff");
      jm_xml_attr_int (out, "x", emu (x));
      jm_xml_attr_int (out, "y", emu (y));
      jm_xml_end (out);
      jm_xml_start (out, "a:chExt");
      jm_xml_attr_int (out, "cx", emu (w));
      jm_xml_attr_int (out, "cy", emu (h));
      jm_xml_end (out);
    }
  jm_xml_end (out);
}

static void
preset (JmXmlOut   *out,
        const char *name,
        gint64      adjust)
{
  jm_xml_start (out, "a:prstGeom");
  jm_xml_attr (out, "prst", name);
  jm_xml_start (out, "a:avLst");
  if (adjust >= 0)
    {
      g_autofree char *formula = g_strdup_printf ("val %" G_GINT64_FORMAT, adjust);

      jm_xml_start (out, "a:gd");
      jm_xml_attr (out, "name", "adj");
      jm_xml_attr (out, "fmla", formula);
      jm_xml_end (out);
    }
  jm_xml_end (out);
  jm_xml_end (out);
}

static void
line (JmXmlOut          *out,
      const JmDeckShape *shape)
{
  jm_xml_start (out, "a:ln");
  if (!shape->stroked)
    {
      jm_xml_start (out, "a:noFill");
      jm_xml_end (out);
      jm_xml_end (out);
      return;
    }
  jm_xml_attr_int (out, "w", emu (shape->stroke_width));
  if (shape->kind == JM_DECK_SHAPE_PATH)
    jm_xml_attr (out, "cap", "rnd");
  solid_fill (out, shape->stroke);
  if (shape->dashed)
    {
      jm_xml_start (out, "a:prstDash");
      jm_xml_attr (out, "val", "dash");
      jm_xml_end (out);
    }
  jm_xml_start (out, "a:round");
  jm_xml_end (out);
  jm_xml_end (out);
}

static void
run_properties (Pptx            *x,
                JmXmlOut        *out,
                const char      *element,
                const JmDeckRun *run)
{
  jm_xml_start (out, element);
  if (x->deck->language != NULL)
    jm_xml_attr (out, "lang", x->deck->language);
  jm_xml_attr_int (out, "sz", (gint64) llround (run->size * 100));
  jm_xml_attr (out, "b", run->bold ? "1" : "0");
  if (run->italic)
    jm_xml_attr (out, "i", "1");
  jm_xml_attr (out, "dirty", "0");
  solid_fill (out, run->color);
  /* The map's font, named on each run: an office suite that lacks it
   * falls back from there, not from its own default. */
  jm_xml_start (out, "a:latin");
  jm_xml_attr (out, "typeface", x->deck->font);
  jm_xml_end (out);
  jm_xml_start (out, "a:cs");
  jm_xml_attr (out, "typeface", x->deck->font);
  jm_xml_end (out);
  jm_xml_end (out);
}

static void
para_start (JmDeckWriter     *w,
            JmXmlOut         *out,
            const JmDeckPara *para)
{
  static const char *align[] = { "l", "ctr", "r" };

  jm_xml_start (out, "a:p");
  jm_xml_start (out, "a:pPr");
  jm_xml_attr (out, "algn", align[para->align]);
  if (para->space_before > 0)
    {
      jm_xml_start (out, "a:spcBef");
      jm_xml_start (out, "a:spcPts");
      jm_xml_attr_int (out, "val", (gint64) llround (para->space_before * 100));
      jm_xml_end (out);
      jm_xml_end (out);
    }
  jm_xml_end (out);
}

static void
run (JmDeckWriter    *w,
     JmXmlOut        *out,
     const JmDeckRun *text,
     gboolean         at_line_start)
{
  jm_xml_start (out, "a:r");
  run_properties ((Pptx *) w, out, "a:rPr", text);
  jm_xml_element (out, "a:t", text->text);
  jm_xml_end (out);
}

static void
line_break (JmDeckWriter    *w,
            JmXmlOut        *out,
            const JmDeckRun *next)
{
  jm_xml_start (out, "a:br");
  run_properties ((Pptx *) w, out, "a:rPr", next);
  jm_xml_end (out);
}

static void
para_end (JmDeckWriter     *w,
          JmXmlOut         *out,
          const JmDeckPara *para,
          const JmDeckRun  *last)
{
  if (last != NULL)
    run_properties ((Pptx *) w, out, "a:endParaRPr", last);
  jm_xml_end (out);
}

static void
text_body (Pptx              *x,
           JmXmlOut          *out,
           const char        *element,
           const JmDeckShape *shape)
{
  static const char *anchor[] = { "t", "ctr", "b" };

  jm_xml_start (out, element);
  jm_xml_start (out, "a:bodyPr");
  jm_xml_attr (out, "wrap", shape->no_wrap ? "none" : "square");
  jm_xml_attr_int (out, "lIns", emu (shape->inset[0]));
  jm_xml_attr_int (out, "tIns", emu (shape->inset[1]));
  jm_xml_attr_int (out, "rIns", emu (shape->inset[2]));
  jm_xml_attr_int (out, "bIns", emu (shape->inset[3]));
  jm_xml_attr (out, "anchor", anchor[shape->anchor]);
  jm_xml_attr (out, "rtlCol", "0");
  /* The shape keeps its size: the cards' places are the map's. */
  jm_xml_start (out, "a:noAutofit");
  jm_xml_end (out);
  jm_xml_end (out);
  jm_xml_start (out, "a:lstStyle");
  jm_xml_end (out);
  if (shape->paragraphs->len > 0)
    jm_deck_write_paragraphs (&x->writer, out, shape->paragraphs);
  else
    {
      jm_xml_start (out, "a:p");
      jm_xml_end (out);
    }
  jm_xml_end (out);
}

static void
drawing_props (Pptx              *x,
               JmXmlOut          *out,
               const JmDeckShape *shape)
{
  jm_xml_start (out, "p:cNvPr");
  jm_xml_attr_int (out, "id", x->next_id++);
  jm_xml_attr (out, "name", shape->name);
  if (shape->description != NULL)
    jm_xml_attr (out, "descr", shape->description);
  jm_xml_end (out);
}

static const char *
image_extension (const char *type)
{
  return g_strcmp0 (type, "image/jpeg") == 0 ? "jpeg" : "png";
}

static void
write_picture (JmDeckWriter      *w,
               JmXmlOut          *out,
               const JmDeckShape *shape)
{
  Pptx *x = (Pptx *) w;
  g_autofree char *media = g_strdup_printf ("ppt/media/image%u.%s", ++x->n_images, image_extension (shape->image_type));
  g_autofree char *id = NULL;

  jm_zip_add (x->zip, media, shape->image, TRUE);
  g_ptr_array_add (x->rels, g_strdup_printf (REL "image\t../media/%s", media + strlen ("ppt/media/")));
  id = g_strdup_printf ("rId%u", x->rels->len);

  jm_xml_start (out, "p:pic");
  jm_xml_start (out, "p:nvPicPr");
  drawing_props (x, out, shape);
  jm_xml_start (out, "p:cNvPicPr");
  jm_xml_start (out, "a:picLocks");
  jm_xml_attr (out, "noChangeAspect", "1");
  jm_xml_end (out);
  jm_xml_end (out);
  jm_xml_start (out, "p:nvPr");
  jm_xml_end (out);
  jm_xml_end (out);

  jm_xml_start (out, "p:blipFill");
  jm_xml_start (out, "a:blip");
  jm_xml_attr (out, "r:embed", id);
  jm_xml_end (out);
  jm_xml_start (out, "a:stretch");
  jm_xml_start (out, "a:fillRect");
  jm_xml_end (out);
  jm_xml_end (out);
  jm_xml_end (out);

  jm_xml_start (out, "p:spPr");
  xfrm (out, "a:xfrm", shape->x, shape->y, shape->width, shape->height, FALSE);
  preset (out, "rect", -1);
  if (shape->stroked)
    line (out, shape);
  jm_xml_end (out);
  jm_xml_end (out);
}

static void
path_point (JmXmlOut          *out,
            const JmDeckShape *shape,
            const JmDeckPoint *pt)
{
  jm_xml_start (out, "a:pt");
  jm_xml_attr_int (out, "x", CLAMP (emu (pt->x), 0, emu (shape->width)));
  jm_xml_attr_int (out, "y", CLAMP (emu (pt->y), 0, emu (shape->height)));
  jm_xml_end (out);
}

static void
path_move (JmDeckWriter      *w,
           JmXmlOut          *out,
           const JmDeckShape *shape,
           const JmDeckPoint *to)
{
  jm_xml_start (out, "a:moveTo");
  path_point (out, shape, to);
  jm_xml_end (out);
}

static void
path_cubic (JmDeckWriter      *w,
            JmXmlOut          *out,
            const JmDeckShape *shape,
            const JmDeckPoint *points)
{
  jm_xml_start (out, "a:cubicBezTo");
  for (guint i = 0; i < 3; i++)
    path_point (out, shape, &points[i]);
  jm_xml_end (out);
}

/* A line's geometry: its own, in the shape's box. */
static void
path_geometry (Pptx              *x,
               JmXmlOut          *out,
               const JmDeckShape *shape)
{
  jm_xml_start (out, "a:custGeom");
  jm_xml_start (out, "a:avLst");
  jm_xml_end (out);
  jm_xml_start (out, "a:gdLst");
  jm_xml_end (out);
  jm_xml_start (out, "a:ahLst");
  jm_xml_end (out);
  jm_xml_start (out, "a:cxnLst");
  jm_xml_end (out);
  jm_xml_start (out, "a:rect");
  jm_xml_attr (out, "l", "l");
  jm_xml_attr (out, "t", "t");
  jm_xml_attr (out, "r", "r");
  jm_xml_attr (out, "b", "b");
  jm_xml_end (out);
  jm_xml_start (out, "a:pathLst");
  jm_xml_start (out, "a:path");
  jm_xml_attr_int (out, "w", emu (shape->width));
  jm_xml_attr_int (out, "h", emu (shape->height));
  jm_xml_attr (out, "fill", "none");
  jm_deck_write_path_pieces (&x->writer, out, shape);
  jm_xml_end (out);
  jm_xml_end (out);
  jm_xml_end (out);
}

static void
write_table (JmDeckWriter      *w,
             JmXmlOut          *out,
             const JmDeckShape *shape)
{
  static const char *anchor[] = { "t", "ctr", "b" };
  static const char *borders[] = { "a:lnL", "a:lnR", "a:lnT", "a:lnB" };
  Pptx *x = (Pptx *) w;
  JmColor grid = jm_deck_table_grid_color (x->deck);

  jm_xml_start (out, "p:graphicFrame");
  jm_xml_start (out, "p:nvGraphicFramePr");
  drawing_props (x, out, shape);
  jm_xml_start (out, "p:cNvGraphicFramePr");
  jm_xml_start (out, "a:graphicFrameLocks");
  jm_xml_attr (out, "noGrp", "1");
  jm_xml_end (out);
  jm_xml_end (out);
  jm_xml_start (out, "p:nvPr");
  jm_xml_end (out);
  jm_xml_end (out);
  xfrm (out, "p:xfrm", shape->x, shape->y, shape->width, shape->height, FALSE);
  jm_xml_start (out, "a:graphic");
  jm_xml_start (out, "a:graphicData");
  jm_xml_attr (out, "uri", "http://schemas.openxmlformats.org/drawingml/2006/table");
  jm_xml_start (out, "a:tbl");
  jm_xml_start (out, "a:tblPr");
  jm_xml_attr (out, "firstRow", "1");
  jm_xml_attr (out, "bandRow", "1");
  jm_xml_end (out);
  jm_xml_start (out, "a:tblGrid");
  for (guint c = 0; c < shape->n_columns; c++)
    {
      jm_xml_start (out, "a:gridCol");
      jm_xml_attr_int (out, "w", emu (g_array_index (shape->column_widths, double, c)));
      jm_xml_end (out);
    }
  jm_xml_end (out);
  for (guint r = 0; r < shape->n_rows; r++)
    {
      jm_xml_start (out, "a:tr");
      jm_xml_attr_int (out, "h", emu (g_array_index (shape->row_heights, double, r)));
      for (guint c = 0; c < shape->n_columns; c++)
        {
          const JmDeckShape *cell = jm_deck_table_cell (shape, r, c);

          jm_xml_start (out, "a:tc");
          jm_xml_start (out, "a:txBody");
          jm_xml_start (out, "a:bodyPr");
          jm_xml_end (out);
          jm_xml_start (out, "a:lstStyle");
          jm_xml_end (out);
          jm_deck_write_paragraphs (w, out, cell->paragraphs);
          jm_xml_end (out);
          jm_xml_start (out, "a:tcPr");
          jm_xml_attr_int (out, "marL", emu (cell->inset[0]));
          jm_xml_attr_int (out, "marR", emu (cell->inset[2]));
          jm_xml_attr_int (out, "marT", emu (cell->inset[1]));
          jm_xml_attr_int (out, "marB", emu (cell->inset[3]));
          jm_xml_attr (out, "anchor", anchor[cell->anchor]);
          for (guint i = 0; i < G_N_ELEMENTS (borders); i++)
            {
              jm_xml_start (out, borders[i]);
              jm_xml_attr_int (out, "w", 9525);
              solid_fill (out, grid);
              jm_xml_end (out);
            }
          if (cell->filled)
            solid_fill (out, cell->fill);
          jm_xml_end (out);
          jm_xml_end (out);
        }
      jm_xml_end (out);
    }
  jm_xml_end (out);
  jm_xml_end (out);
  jm_xml_end (out);
  jm_xml_end (out);
}

static void
group_start (JmDeckWriter      *w,
             JmXmlOut          *out,
             const JmDeckShape *shape,
             double             x0,
             double             y0,
             double             width,
             double             height)
{
  jm_xml_start (out, "p:grpSp");
  jm_xml_start (out, "p:nvGrpSpPr");
  drawing_props ((Pptx *) w, out, shape);
  jm_xml_start (out, "p:cNvGrpSpPr");
  jm_xml_end (out);
  jm_xml_start (out, "p:nvPr");
  jm_xml_end (out);
  jm_xml_end (out);
  jm_xml_start (out, "p:grpSpPr");
  xfrm (out, "a:xfrm", x0, y0, width, height, TRUE);
  jm_xml_end (out);
}

static void
group_end (JmDeckWriter      *w,
           JmXmlOut          *out,
           const JmDeckShape *shape)
{
  jm_xml_end (out);
}

typedef void (*Geometry) (Pptx *x, JmXmlOut *out, const JmDeckShape *shape);

static void
rect_geometry (Pptx              *x,
               JmXmlOut          *out,
               const JmDeckShape *shape)
{
  if (shape->radius > 0)
    preset (out, "roundRect", (gint64) llround (jm_deck_shape_corner (shape) / MIN (shape->width, shape->height) * 100000));
  else
    preset (out, "rect", -1);
}

static void
ellipse_geometry (Pptx              *x,
                  JmXmlOut          *out,
                  const JmDeckShape *shape)
{
  preset (out, "ellipse", -1);
}

static void
star_geometry (Pptx              *x,
               JmXmlOut          *out,
               const JmDeckShape *shape)
{
  preset (out, "star5", -1);
}

/* A shape of DrawingML: its names, its geometry, fill and line, its text. */
static void
write_sp (Pptx              *x,
          JmXmlOut          *out,
          const JmDeckShape *shape,
          Geometry           geometry)
{
  jm_xml_start (out, "p:sp");
  jm_xml_start (out, "p:nvSpPr");
  drawing_props (x, out, shape);
  jm_xml_start (out, "p:cNvSpPr");
  if (shape->role != JM_DECK_ROLE_NONE)
    {
      jm_xml_start (out, "a:spLocks");
      jm_xml_attr (out, "noGrp", "1");
      jm_xml_end (out);
    }
  else if (shape->kind == JM_DECK_SHAPE_TEXT)
    jm_xml_attr (out, "txBox", "1");
  jm_xml_end (out);
  jm_xml_start (out, "p:nvPr");
  if (shape->role != JM_DECK_ROLE_NONE)
    {
      jm_xml_start (out, "p:ph");
      if (shape->role == JM_DECK_ROLE_SUBTITLE)
        {
          jm_xml_attr (out, "type", "subTitle");
          jm_xml_attr (out, "idx", "1");
        }
      else
        jm_xml_attr (out, "type", x->first_slide ? "ctrTitle" : "title");
      jm_xml_end (out);
    }
  jm_xml_end (out);
  jm_xml_end (out);

  jm_xml_start (out, "p:spPr");
  xfrm (out, "a:xfrm", shape->x, shape->y, shape->width, shape->height, FALSE);
  geometry (x, out, shape);
  if (shape->filled)
    solid_fill (out, shape->fill);
  else
    {
      jm_xml_start (out, "a:noFill");
      jm_xml_end (out);
    }
  line (out, shape);
  jm_xml_end (out);

  if (shape->paragraphs->len > 0 || shape->role != JM_DECK_ROLE_NONE)
    text_body (x, out, "p:txBody", shape);
  jm_xml_end (out);
}

/* Every drawn shape but pictures, tables and groups is a p:sp: only its
 * geometry tells them apart. */
static void
write_drawing (JmDeckWriter      *w,
               JmXmlOut          *out,
               const JmDeckShape *shape)
{
  static const Geometry geometries[] = {
    [JM_DECK_SHAPE_RECT] = rect_geometry,
    [JM_DECK_SHAPE_TEXT] = rect_geometry,
    [JM_DECK_SHAPE_ELLIPSE] = ellipse_geometry,
    [JM_DECK_SHAPE_STAR] = star_geometry,
    [JM_DECK_SHAPE_PATH] = path_geometry,
  };

  g_return_if_fail (shape->kind < G_N_ELEMENTS (geometries) && geometries[shape->kind] != NULL);
  write_sp ((Pptx *) w, out, shape, geometries[shape->kind]);
}

static const JmDeckWriterOps pptx_ops = {
  .rect = write_drawing,
  .text = write_drawing,
  .ellipse = write_drawing,
  .star = write_drawing,
  .path = write_drawing,
  .picture = write_picture,
  .table = write_table,
  /* A title is a shape of its own kind with the placeholder's role. */
  .placeholder = write_drawing,
  .group_start = group_start,
  .group_end = group_end,
  .para_start = para_start,
  .run = run,
  .line_break = line_break,
  .para_end = para_end,
  .path_move = path_move,
  .path_cubic = path_cubic,
};

static void
tree_start (JmXmlOut *out)
{
  jm_xml_start (out, "p:spTree");
  jm_xml_start (out, "p:nvGrpSpPr");
  jm_xml_start (out, "p:cNvPr");
  jm_xml_attr (out, "id", "1");
  jm_xml_attr (out, "name", "");
  jm_xml_end (out);
  jm_xml_start (out, "p:cNvGrpSpPr");
  jm_xml_end (out);
  jm_xml_start (out, "p:nvPr");
  jm_xml_end (out);
  jm_xml_end (out);
  jm_xml_start (out, "p:grpSpPr");
  xfrm (out, "a:xfrm", 0, 0, 0, 0, TRUE);
  jm_xml_end (out);
}

static void
master_mapping (JmXmlOut *out)
{
  jm_xml_start (out, "p:clrMapOvr");
  jm_xml_start (out, "a:masterClrMapping");
  jm_xml_end (out);
  jm_xml_end (out);
}

/* A placeholder on a master or layout: its type, place and text. */
static void
placeholder (Pptx       *x,
             JmXmlOut   *out,
             guint       id,
             const char *name,
             const char *type,
             guint       index,
             double      px,
             double      py,
             double      pw,
             double      ph)
{
  jm_xml_start (out, "p:sp");
  jm_xml_start (out, "p:nvSpPr");
  jm_xml_start (out, "p:cNvPr");
  jm_xml_attr_int (out, "id", id);
  jm_xml_attr (out, "name", name);
  jm_xml_end (out);
  jm_xml_start (out, "p:cNvSpPr");
  jm_xml_start (out, "a:spLocks");
  jm_xml_attr (out, "noGrp", "1");
  jm_xml_end (out);
  jm_xml_end (out);
  jm_xml_start (out, "p:nvPr");
  jm_xml_start (out, "p:ph");
  jm_xml_attr (out, "type", type);
  if (index > 0)
    jm_xml_attr_int (out, "idx", index);
  jm_xml_end (out);
  jm_xml_end (out);
  jm_xml_end (out);
  jm_xml_start (out, "p:spPr");
  if (pw > 0)
    {
      xfrm (out, "a:xfrm", px, py, pw, ph, FALSE);
      preset (out, "rect", -1);
    }
  jm_xml_end (out);
  if (g_strcmp0 (type, "sldImg") != 0)
    {
      jm_xml_start (out, "p:txBody");
      jm_xml_start (out, "a:bodyPr");
      jm_xml_end (out);
      jm_xml_start (out, "a:lstStyle");
      jm_xml_end (out);
      jm_xml_start (out, "a:p");
      jm_xml_end (out);
      jm_xml_end (out);
    }
  jm_xml_end (out);
}

/* The master's text styles: the map's font and text colour. */
static void
text_style (Pptx       *x,
            JmXmlOut   *out,
            const char *element,
            double      size,
            gboolean    bold)
{
  jm_xml_start (out, element);
  jm_xml_start (out, "a:lvl1pPr");
  jm_xml_attr (out, "algn", "l");
  jm_xml_start (out, "a:defRPr");
  jm_xml_attr_int (out, "sz", (gint64) llround (size * 100));
  jm_xml_attr (out, "b", bold ? "1" : "0");
  scheme_fill (out, "tx1");
  jm_xml_start (out, "a:latin");
  jm_xml_attr (out, "typeface", bold ? "+mj-lt" : "+mn-lt");
  jm_xml_end (out);
  jm_xml_end (out);
  jm_xml_end (out);
  jm_xml_end (out);
}

static void
color_map (JmXmlOut   *out,
           const char *element)
{
  static const char *names[][2] = {
    { "bg1", "lt1" }, { "tx1", "dk1" }, { "bg2", "lt2" }, { "tx2", "dk2" },
    { "accent1", "accent1" }, { "accent2", "accent2" }, { "accent3", "accent3" },
    { "accent4", "accent4" }, { "accent5", "accent5" }, { "accent6", "accent6" },
    { "hlink", "hlink" }, { "folHlink", "folHlink" },
  };

  jm_xml_start (out, element);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    jm_xml_attr (out, names[i][0], names[i][1]);
  jm_xml_end (out);
}

static void
write_master (Pptx *x)
{
  const JmDeck *deck = x->deck;
  const char *rels[] = {
    REL "slideLayout\t../slideLayouts/slideLayout1.xml",
    REL "slideLayout\t../slideLayouts/slideLayout2.xml",
    REL "theme\t../theme/theme1.xml",
  };
  JmXmlOut out;

  jm_xml_out_begin (&out, TRUE, TRUE);
  root (&out, "p:sldMaster");
  jm_xml_start (&out, "p:cSld");
  jm_xml_start (&out, "p:bg");
  jm_xml_start (&out, "p:bgPr");
  solid_fill (&out, deck->background);
  jm_xml_start (&out, "a:effectLst");
  jm_xml_end (&out);
  jm_xml_end (&out);
  jm_xml_end (&out);
  tree_start (&out);
  placeholder (x, &out, 2, "Title", "title", 0, 40, 24, deck->width - 80, 60);
  placeholder (x, &out, 3, "Text", "body", 1, 40, 100, deck->width - 80, deck->height - 140);
  jm_xml_end (&out);
  jm_xml_end (&out);
  color_map (&out, "p:clrMap");
  jm_xml_start (&out, "p:sldLayoutIdLst");
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *id = g_strdup_printf ("rId%u", i + 1);

      jm_xml_start (&out, "p:sldLayoutId");
      jm_xml_attr_int (&out, "id", G_GINT64_CONSTANT (2147483649) + i);
      jm_xml_attr (&out, "r:id", id);
      jm_xml_end (&out);
    }
  jm_xml_end (&out);
  jm_xml_start (&out, "p:txStyles");
  text_style (x, &out, "p:titleStyle", 32, TRUE);
  text_style (x, &out, "p:bodyStyle", 18, FALSE);
  text_style (x, &out, "p:otherStyle", 14, FALSE);
  jm_xml_end (&out);
  jm_xml_end (&out);
  add_part (x, "ppt/slideMasters/slideMaster1.xml", &out);
  add_rels (x, "ppt/slideMasters/_rels/slideMaster1.xml.rels", rels, G_N_ELEMENTS (rels));
}

static void
write_layout (Pptx       *x,
              guint       number,
              const char *type,
              const char *name)
{
  const JmDeck *deck = x->deck;
  const char *rels[] = { REL "slideMaster\t../slideMasters/slideMaster1.xml" };
  g_autofree char *part = g_strdup_printf ("ppt/slideLayouts/slideLayout%u.xml", number);
  g_autofree char *rels_part = g_strdup_printf ("ppt/slideLayouts/_rels/slideLayout%u.xml.rels", number);
  JmXmlOut out;

  jm_xml_out_begin (&out, TRUE, TRUE);
  root (&out, "p:sldLayout");
  jm_xml_attr (&out, "type", type);
  jm_xml_attr (&out, "preserve", "1");
  jm_xml_start (&out, "p:cSld");
  jm_xml_attr (&out, "name", name);
  tree_start (&out);
  if (number == LAYOUT_TITLE)
    {
      placeholder (x, &out, 2, "Title", "ctrTitle", 0, 64, deck->height * 0.17, deck->width - 128, 120);
      placeholder (x, &out, 3, "Subtitle", "subTitle", 1, 64, deck->height * 0.5, deck->width - 128, 120);
    }
  else
    placeholder (x, &out, 2, "Title", "title", 0, 40, 24, deck->width - 80, 60);
  jm_xml_end (&out);
  jm_xml_end (&out);
  master_mapping (&out);
  jm_xml_end (&out);
  add_part (x, part, &out);
  add_rels (x, rels_part, rels, G_N_ELEMENTS (rels));
}

/* The notes pages: portrait, the slide above, the notes below. */
static void
write_notes_master (Pptx *x)
{
  const JmDeck *deck = x->deck;
  const char *rels[] = { REL "theme\t../theme/theme2.xml" };
  double image_w = 432, image_h = image_w * deck->height / deck->width;
  JmXmlOut out;

  jm_xml_out_begin (&out, TRUE, TRUE);
  root (&out, "p:notesMaster");
  jm_xml_start (&out, "p:cSld");
  tree_start (&out);
  placeholder (x, &out, 2, "Slide Image", "sldImg", 0, 54, 54, image_w, image_h);
  placeholder (x, &out, 3, "Notes", "body", 1, 54, 54 + image_h + 36, image_w, 648 - image_h - 36 - 54);
  jm_xml_end (&out);
  jm_xml_end (&out);
  color_map (&out, "p:clrMap");
  jm_xml_start (&out, "p:notesStyle");
  jm_xml_start (&out, "a:lvl1pPr");
  jm_xml_attr (&out, "marL", "0");
  jm_xml_attr (&out, "algn", "l");
  jm_xml_start (&out, "a:defRPr");
  jm_xml_attr (&out, "sz", "1200");
  scheme_fill (&out, "tx1");
  jm_xml_start (&out, "a:latin");
  jm_xml_attr (&out, "typeface", "+mn-lt");
  jm_xml_end (&out);
  jm_xml_end (&out);
  jm_xml_end (&out);
  jm_xml_end (&out);
  jm_xml_end (&out);
  add_part (x, "ppt/notesMasters/notesMaster1.xml", &out);
  add_rels (x, "ppt/notesMasters/_rels/notesMaster1.xml.rels", rels, G_N_ELEMENTS (rels));
}

static void
write_theme (Pptx       *x,
             const char *part,
             JmColor     dark,
             JmColor     light)
{
  static const char *slots[] = { "accent1", "accent2", "accent3", "accent4", "accent5", "accent6" };
  JmXmlOut out;

  jm_xml_out_begin (&out, TRUE, TRUE);
  jm_xml_start (&out, "a:theme");
  jm_xml_attr (&out, "xmlns:a", NS_A);
  jm_xml_attr (&out, "name", "Journey Maps");
  jm_xml_start (&out, "a:themeElements");

  jm_xml_start (&out, "a:clrScheme");
  jm_xml_attr (&out, "name", "Journey Maps");
  {
    const struct { const char *name; JmColor color; } colors[] = {
      { "a:dk1", dark }, { "a:lt1", light },
      { "a:dk2", jm_color_mix (dark, light, 0.25) }, { "a:lt2", jm_color_mix (light, dark, 0.06) },
    };

    for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
      {
        jm_xml_start (&out, colors[i].name);
        jm_xml_start (&out, "a:srgbClr");
        jm_xml_attr_color (&out, "val", colors[i].color, FALSE);
        jm_xml_end (&out);
        jm_xml_end (&out);
      }
  }
  for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
    {
      g_autofree char *element = g_strconcat ("a:", slots[i], NULL);

      jm_xml_start (&out, element);
      jm_xml_start (&out, "a:srgbClr");
      jm_xml_attr_color (&out, "val", jm_theme_palette (JM_THEME_LIGHT, i), FALSE);
      jm_xml_end (&out);
      jm_xml_end (&out);
    }
  jm_xml_start (&out, "a:hlink");
  jm_xml_start (&out, "a:srgbClr");
  jm_xml_attr_color (&out, "val", jm_theme_palette (JM_THEME_LIGHT, 0), FALSE);
  jm_xml_end (&out);
  jm_xml_end (&out);
  jm_xml_start (&out, "a:folHlink");
  jm_xml_start (&out, "a:srgbClr");
  jm_xml_attr_color (&out, "val", jm_theme_palette (JM_THEME_LIGHT, 6), FALSE);
  jm_xml_end (&out);
  jm_xml_end (&out);
  jm_xml_end (&out);

  jm_xml_start (&out, "a:fontScheme");
  jm_xml_attr (&out, "name", "Journey Maps");
  for (guint i = 0; i < 2; i++)
    {
      jm_xml_start (&out, i == 0 ? "a:majorFont" : "a:minorFont");
      jm_xml_start (&out, "a:latin");
      jm_xml_attr (&out, "typeface", x->deck->font);
      jm_xml_end (&out);
      jm_xml_start (&out, "a:ea");
      jm_xml_attr (&out, "typeface", "");
      jm_xml_end (&out);
      jm_xml_start (&out, "a:cs");
      jm_xml_attr (&out, "typeface", "");
      jm_xml_end (&out);
      jm_xml_end (&out);
    }
  jm_xml_end (&out);

  /* Three of each style, as the schema asks; all plain. */
  jm_xml_start (&out, "a:fmtScheme");
  jm_xml_attr (&out, "name", "Journey Maps");
  jm_xml_start (&out, "a:fillStyleLst");
  for (guint i = 0; i < 3; i++)
    scheme_fill (&out, "phClr");
  jm_xml_end (&out);
  jm_xml_start (&out, "a:lnStyleLst");
  for (guint i = 0; i < 3; i++)
    {
      jm_xml_start (&out, "a:ln");
      jm_xml_attr_int (&out, "w", 6350 * (i + 1));
      scheme_fill (&out, "phClr");
      jm_xml_end (&out);
    }
  jm_xml_end (&out);
  jm_xml_start (&out, "a:effectStyleLst");
  for (guint i = 0; i < 3; i++)
    {
      jm_xml_start (&out, "a:effectStyle");
      jm_xml_start (&out, "a:effectLst");
      jm_xml_end (&out);
      jm_xml_end (&out);
    }
  jm_xml_end (&out);
  jm_xml_start (&out, "a:bgFillStyleLst");
  for (guint i = 0; i < 3; i++)
    scheme_fill (&out, "phClr");
  jm_xml_end (&out);
  jm_xml_end (&out);

  jm_xml_end (&out);
  jm_xml_start (&out, "a:objectDefaults");
  jm_xml_end (&out);
  jm_xml_start (&out, "a:extraClrSchemeLst");
  jm_xml_end (&out);
  jm_xml_end (&out);
  add_part (x, part, &out);
}

static void
write_notes_slide (Pptx              *x,
                   guint              number,
                   const JmDeckSlide *slide)
{
  g_autofree char *part = g_strdup_printf ("ppt/notesSlides/notesSlide%u.xml", number);
  g_autofree char *rels_part = g_strdup_printf ("ppt/notesSlides/_rels/notesSlide%u.xml.rels", number);
  g_autofree char *slide_rel = g_strdup_printf (REL "slide\t../slides/slide%u.xml", number);
  const char *rels[] = { REL "notesMaster\t../notesMasters/notesMaster1.xml", slide_rel };
  g_auto(GStrv) lines = g_strsplit (slide->notes, "\n", -1);
  JmXmlOut out;

  jm_xml_out_begin (&out, TRUE, TRUE);
  root (&out, "p:notes");
  jm_xml_start (&out, "p:cSld");
  tree_start (&out);
  placeholder (x, &out, 2, "Slide Image", "sldImg", 0, 0, 0, 0, 0);
  /* The notes, a paragraph a line. */
  jm_xml_start (&out, "p:sp");
  jm_xml_start (&out, "p:nvSpPr");
  jm_xml_start (&out, "p:cNvPr");
  jm_xml_attr (&out, "id", "3");
  jm_xml_attr (&out, "name", "Notes");
  jm_xml_end (&out);
  jm_xml_start (&out, "p:cNvSpPr");
  jm_xml_start (&out, "a:spLocks");
  jm_xml_attr (&out, "noGrp", "1");
  jm_xml_end (&out);
  jm_xml_end (&out);
  jm_xml_start (&out, "p:nvPr");
  jm_xml_start (&out, "p:ph");
  jm_xml_attr (&out, "type", "body");
  jm_xml_attr (&out, "idx", "1");
  jm_xml_end (&out);
  jm_xml_end (&out);
  jm_xml_end (&out);
  jm_xml_start (&out, "p:spPr");
  jm_xml_end (&out);
  jm_xml_start (&out, "p:txBody");
  jm_xml_start (&out, "a:bodyPr");
  jm_xml_end (&out);
  jm_xml_start (&out, "a:lstStyle");
  jm_xml_end (&out);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strchomp (lines[i]);
      jm_xml_start (&out, "a:p");
      if (*lines[i] != '\0')
        {
          jm_xml_start (&out, "a:r");
          jm_xml_start (&out, "a:rPr");
          if (x->deck->language != NULL)
            jm_xml_attr (&out, "lang", x->deck->language);
          jm_xml_attr (&out, "dirty", "0");
          jm_xml_end (&out);
          jm_xml_element (&out, "a:t", lines[i]);
          jm_xml_end (&out);
        }
      jm_xml_end (&out);
    }
  jm_xml_end (&out);
  jm_xml_end (&out);
  jm_xml_end (&out);
  jm_xml_end (&out);
  master_mapping (&out);
  jm_xml_end (&out);
  add_part (x, part, &out);
  add_rels (x, rels_part, rels, G_N_ELEMENTS (rels));
}

static void
write_slide (Pptx              *x,
             guint              number,
             const JmDeckSlide *slide)
{
  g_autofree char *part = g_strdup_printf ("ppt/slides/slide%u.xml", number);
  g_autofree char *rels_part = g_strdup_printf ("ppt/slides/_rels/slide%u.xml.rels", number);
  JmXmlOut out;

  x->rels = g_ptr_array_new_with_free_func (g_free);
  x->next_id = 2;
  g_ptr_array_add (x->rels, g_strdup_printf (REL "slideLayout\t../slideLayouts/slideLayout%u.xml",
                                             number == 1 ? LAYOUT_TITLE : LAYOUT_TITLE_ONLY));
  if (slide->notes != NULL)
    g_ptr_array_add (x->rels, g_strdup_printf (REL "notesSlide\t../notesSlides/notesSlide%u.xml", number));

  jm_xml_out_begin (&out, TRUE, TRUE);
  root (&out, "p:sld");
  jm_xml_start (&out, "p:cSld");
  jm_xml_attr (&out, "name", slide->name);
  tree_start (&out);
  x->first_slide = number == 1;
  for (guint i = 0; i < slide->shapes->len; i++)
    jm_deck_write_shape (&x->writer, &out, g_ptr_array_index (slide->shapes, i));
  jm_xml_end (&out);
  jm_xml_end (&out);
  master_mapping (&out);
  jm_xml_end (&out);
  add_part (x, part, &out);
  add_rels (x, rels_part, (const char *const *) x->rels->pdata, x->rels->len);
  g_clear_pointer (&x->rels, g_ptr_array_unref);

  if (slide->notes != NULL)
    write_notes_slide (x, number, slide);
}

static void
write_content_types (Pptx *x)
{
  const JmDeck *deck = x->deck;
  const struct { const char *part; const char *type; } fixed[] = {
    { "/ppt/presentation.xml", CT "presentationml.presentation.main+xml" },
    { "/ppt/slideMasters/slideMaster1.xml", CT "presentationml.slideMaster+xml" },
    { "/ppt/slideLayouts/slideLayout1.xml", CT "presentationml.slideLayout+xml" },
    { "/ppt/slideLayouts/slideLayout2.xml", CT "presentationml.slideLayout+xml" },
    { "/ppt/notesMasters/notesMaster1.xml", CT "presentationml.notesMaster+xml" },
    { "/ppt/theme/theme1.xml", CT "theme+xml" },
    { "/ppt/theme/theme2.xml", CT "theme+xml" },
    { "/ppt/presProps.xml", CT "presentationml.presProps+xml" },
    { "/ppt/viewProps.xml", CT "presentationml.viewProps+xml" },
    { "/ppt/tableStyles.xml", CT "presentationml.tableStyles+xml" },
    { "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml" },
    { "/docProps/app.xml", CT "extended-properties+xml" },
  };
  const char *defaults[][2] = {
    { "rels", "application/vnd.openxmlformats-package.relationships+xml" },
    { "xml", "application/xml" },
    { "png", "image/png" },
    { "jpeg", "image/jpeg" },
  };
  JmXmlOut out;

  jm_xml_out_begin (&out, TRUE, TRUE);
  jm_xml_start (&out, "Types");
  jm_xml_attr (&out, "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    {
      jm_xml_start (&out, "Default");
      jm_xml_attr (&out, "Extension", defaults[i][0]);
      jm_xml_attr (&out, "ContentType", defaults[i][1]);
      jm_xml_end (&out);
    }
  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    {
      jm_xml_start (&out, "Override");
      jm_xml_attr (&out, "PartName", fixed[i].part);
      jm_xml_attr (&out, "ContentType", fixed[i].type);
      jm_xml_end (&out);
    }
  for (guint i = 0; i < deck->slides->len; i++)
    {
      const JmDeckSlide *slide = g_ptr_array_index (deck->slides, i);
      g_autofree char *name = g_strdup_printf ("/ppt/slides/slide%u.xml", i + 1);

      jm_xml_start (&out, "Override");
      jm_xml_attr (&out, "PartName", name);
      jm_xml_attr (&out, "ContentType", CT "presentationml.slide+xml");
      jm_xml_end (&out);
      if (slide->notes != NULL)
        {
          g_autofree char *notes = g_strdup_printf ("/ppt/notesSlides/notesSlide%u.xml", i + 1);

          jm_xml_start (&out, "Override");
          jm_xml_attr (&out, "PartName", notes);
          jm_xml_attr (&out, "ContentType", CT "presentationml.notesSlide+xml");
          jm_xml_end (&out);
        }
    }
  jm_xml_end (&out);
  add_part (x, "[Content_Types].xml", &out);
}

static void
write_presentation (Pptx *x)
{
  const JmDeck *deck = x->deck;
  g_autoptr(GPtrArray) rels = g_ptr_array_new_with_free_func (g_free);
  JmXmlOut out;

  g_ptr_array_add (rels, g_strdup (REL "slideMaster\tslideMasters/slideMaster1.xml"));
  g_ptr_array_add (rels, g_strdup (REL "notesMaster\tnotesMasters/notesMaster1.xml"));
  g_ptr_array_add (rels, g_strdup (REL "theme\ttheme/theme1.xml"));
  g_ptr_array_add (rels, g_strdup (REL "presProps\tpresProps.xml"));
  g_ptr_array_add (rels, g_strdup (REL "viewProps\tviewProps.xml"));
  g_ptr_array_add (rels, g_strdup (REL "tableStyles\ttableStyles.xml"));

  jm_xml_out_begin (&out, TRUE, TRUE);
  root (&out, "p:presentation");
  jm_xml_attr (&out, "saveSubsetFonts", "1");
  jm_xml_start (&out, "p:sldMasterIdLst");
  jm_xml_start (&out, "p:sldMasterId");
  jm_xml_attr (&out, "id", "2147483648");
  jm_xml_attr (&out, "r:id", "rId1");
  jm_xml_end (&out);
  jm_xml_end (&out);
  jm_xml_start (&out, "p:notesMasterIdLst");
  jm_xml_start (&out, "p:notesMasterId");
  jm_xml_attr (&out, "r:id", "rId2");
  jm_xml_end (&out);
  jm_xml_end (&out);
  jm_xml_start (&out, "p:sldIdLst");
  for (guint i = 0; i < deck->slides->len; i++)
    {
      g_autofree char *id = NULL;

      g_ptr_array_add (rels, g_strdup_printf (REL "slide\tslides/slide%u.xml", i + 1));
      id = g_strdup_printf ("rId%u", rels->len);
      jm_xml_start (&out, "p:sldId");
      jm_xml_attr_int (&out, "id", 256 + i);
      jm_xml_attr (&out, "r:id", id);
      jm_xml_end (&out);
    }
  jm_xml_end (&out);
  jm_xml_start (&out, "p:sldSz");
  jm_xml_attr_int (&out, "cx", emu (deck->width));
  jm_xml_attr_int (&out, "cy", emu (deck->height));
  if (deck->width < deck->height * 1.5)
    jm_xml_attr (&out, "type", "screen4x3");
  jm_xml_end (&out);
  jm_xml_start (&out, "p:notesSz");
  jm_xml_attr (&out, "cx", "6858000");
  jm_xml_attr (&out, "cy", "9144000");
  jm_xml_end (&out);
  jm_xml_end (&out);
  add_part (x, "ppt/presentation.xml", &out);
  add_rels (x, "ppt/_rels/presentation.xml.rels", (const char *const *) rels->pdata, rels->len);
}

static void
write_small_parts (Pptx *x)
{
  const JmDeck *deck = x->deck;
  guint n_notes = 0;
  JmXmlOut out;

  jm_xml_out_begin (&out, TRUE, TRUE);
  root (&out, "p:presentationPr");
  jm_xml_end (&out);
  add_part (x, "ppt/presProps.xml", &out);

  jm_xml_out_begin (&out, TRUE, TRUE);
  root (&out, "p:viewPr");
  jm_xml_end (&out);
  add_part (x, "ppt/viewProps.xml", &out);

  jm_xml_out_begin (&out, TRUE, TRUE);
  jm_xml_start (&out, "a:tblStyleLst");
  jm_xml_attr (&out, "xmlns:a", NS_A);
  /* Office's own "no style" table style. */
  jm_xml_attr (&out, "def", "{2D5ABB26-0587-4C30-8999-92F81FD0307C}");
  jm_xml_end (&out);
  add_part (x, "ppt/tableStyles.xml", &out);

  jm_xml_out_begin (&out, TRUE, TRUE);
  jm_xml_start (&out, "cp:coreProperties");
  jm_xml_attr (&out, "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
  jm_xml_attr (&out, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
  if (deck->title != NULL)
    jm_xml_element (&out, "dc:title", deck->title);
  if (deck->subject != NULL)
    jm_xml_element (&out, "dc:subject", deck->subject);
  jm_xml_element (&out, "dc:creator", "Journey Maps");
  if (deck->language != NULL)
    jm_xml_element (&out, "dc:language", deck->language);
  jm_xml_end (&out);
  add_part (x, "docProps/core.xml", &out);

  for (guint i = 0; i < deck->slides->len; i++)
    if (((JmDeckSlide *) g_ptr_array_index (deck->slides, i))->notes != NULL)
      n_notes++;
  jm_xml_out_begin (&out, TRUE, TRUE);
  jm_xml_start (&out, "Properties");
  jm_xml_attr (&out, "xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
  jm_xml_element (&out, "Application", "Journey Maps");
  {
    g_autofree char *slides = g_strdup_printf ("%u", deck->slides->len);
    g_autofree char *notes = g_strdup_printf ("%u", n_notes);

    jm_xml_element (&out, "Slides", slides);
    jm_xml_element (&out, "Notes", notes);
  }
  jm_xml_end (&out);
  add_part (x, "docProps/app.xml", &out);
}

GBytes *
jm_pptx_build (const JmDeck *deck,
               GError      **error)
{
  g_autoptr(JmZip) zip = jm_zip_new ();
  const char *package_rels[] = {
    REL "officeDocument\tppt/presentation.xml",
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\tdocProps/core.xml",
    REL "extended-properties\tdocProps/app.xml",
  };
  Pptx x = { { &pptx_ops }, deck, zip, 0, NULL, 0, FALSE };

  g_return_val_if_fail (deck != NULL, NULL);

  write_content_types (&x);
  add_rels (&x, "_rels/.rels", package_rels, G_N_ELEMENTS (package_rels));
  write_small_parts (&x);
  write_presentation (&x);
  write_theme (&x, "ppt/theme/theme1.xml", deck->text, deck->background);
  write_theme (&x, "ppt/theme/theme2.xml", (JmColor) { 0, 0, 0, 1 }, (JmColor) { 1, 1, 1, 1 });
  write_master (&x);
  write_layout (&x, LAYOUT_TITLE, "title", "Title Slide");
  write_layout (&x, LAYOUT_TITLE_ONLY, "titleOnly", "Title Only");
  write_notes_master (&x);
  for (guint i = 0; i < deck->slides->len; i++)
    write_slide (&x, i + 1, g_ptr_array_index (deck->slides, i));

  return jm_zip_finish (zip, error);
}
