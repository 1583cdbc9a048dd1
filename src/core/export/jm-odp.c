/* jm-odp.c — a deck as an OpenDocument presentation (ODF 1.3): the
 * mimetype first and stored, then content, styles, meta and manifest.
 * Shapes are the drawing elements ODF has (rectangles with their corner
 * radius, ellipses, polygons, paths, text frames, image frames, groups,
 * tables); their looks are automatic styles, named in the order they are
 * first needed, so the same deck gives the same package. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "jm-deck-writer.h"
#include "jm-zip.h"

#define MIMETYPE "application/vnd.oasis.opendocument.presentation"
#define ODF_VERSION "1.3"
/* Path coordinates are in hundredths of a point. */
#define PATH_UNITS 100.0
#define DASH_NAME "Journey_20_Maps_20_dash"

typedef struct {
  const char *prefix;
  const char *uri;
} Namespace;

static const Namespace namespaces[] = {
  { "office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0" },
  { "style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0" },
  { "text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0" },
  { "table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0" },
  { "draw", "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" },
  { "fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" },
  { "xlink", "http://www.w3.org/1999/xlink" },
  { "dc", "http://purl.org/dc/elements/1.1/" },
  { "meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0" },
  { "svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" },
  { "presentation", "urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" },
  { "loext", "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0" },
};

/* Automatic styles of one family, each written once under the name it
 * got when first asked for. */
typedef struct {
  const char *family;
  const char *prefix;
  GHashTable *names;    /* properties' XML -> name */
  GPtrArray  *order;    /* properties' XML, in order */
} Styles;

typedef struct {
  JmDeckWriter  writer;     /* first: the shared walk calls back with it */
  const JmDeck *deck;
  JmZip        *zip;
  GPtrArray    *pictures;   /* "Pictures/imageN.ext\tmime type" */
  Styles        graphic;
  Styles        presentation;
  Styles        paragraph;
  Styles        text;
  Styles        column;
  Styles        row;
  Styles        cell;
  GString      *path;       /* the svg:d of the path being written */
} Odp;

static void
styles_init (Styles     *styles,
             const char *family,
             const char *prefix)
{
  styles->family = family;
  styles->prefix = prefix;
  styles->names = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  styles->order = g_ptr_array_new_with_free_func (g_free);
}

static void
styles_clear (Styles *styles)
{
  g_hash_table_unref (styles->names);
  g_ptr_array_unref (styles->order);
}

/* The name of the style with these properties (transfer full of xml). */
static const char *
style_name (Styles *styles,
            char   *xml)
{
  const char *name = g_hash_table_lookup (styles->names, xml);

  if (name != NULL)
    {
      g_free (xml);
      return name;
    }
  g_ptr_array_add (styles->order, xml);
  name = g_strdup_printf ("%s%u", styles->prefix, styles->order->len);
  g_hash_table_insert (styles->names, xml, (char *) name);
  return name;
}

static void
styles_write (Styles   *styles,
              JmXmlOut *out)
{
  for (guint i = 0; i < styles->order->len; i++)
    {
      const char *xml = g_ptr_array_index (styles->order, i);

      jm_xml_start (out, "style:style");
      jm_xml_attr (out, "style:name", g_hash_table_lookup (styles->names, xml));
      jm_xml_attr (out, "style:family", styles->family);
      jm_xml_raw (out, xml);
      jm_xml_end (out);
    }
}

static void
root (JmXmlOut   *out,
      const char *name)
{
  jm_xml_start (out, name);
  for (guint i = 0; i < G_N_ELEMENTS (namespaces); i++)
    {
      g_autofree char *attr = g_strconcat ("xmlns:", namespaces[i].prefix, NULL);

      jm_xml_attr (out, attr, namespaces[i].uri);
    }
  jm_xml_attr (out, "office:version", ODF_VERSION);
}

static void
attr_pt (JmXmlOut   *out,
         const char *name,
         double      value)
{
  jm_xml_attr_length (out, name, value, "pt");
}

static void
font_faces (Odp      *o,
            JmXmlOut *out)
{
  jm_xml_start (out, "office:font-face-decls");
  jm_xml_start (out, "style:font-face");
  jm_xml_attr (out, "style:name", o->deck->font);
  jm_xml_attr (out, "svg:font-family", o->deck->font);
  jm_xml_attr (out, "style:font-family-generic", "swiss");
  jm_xml_attr (out, "style:font-pitch", "variable");
  jm_xml_end (out);
  jm_xml_end (out);
}

/* ---- styles of shapes, paragraphs and runs ---- */

static void
graphic_properties (JmXmlOut          *out,
                    const char        *element,
                    const JmDeckShape *shape)
{
  static const char *anchor[] = { "top", "middle", "bottom" };

  jm_xml_start (out, element);
  if (shape->filled)
    {
      jm_xml_attr (out, "draw:fill", "solid");
      jm_xml_attr_color (out, "draw:fill-color", shape->fill, TRUE);
    }
  else
    jm_xml_attr (out, "draw:fill", "none");
  if (shape->stroked)
    {
      jm_xml_attr (out, "draw:stroke", shape->dashed ? "dash" : "solid");
      if (shape->dashed)
        jm_xml_attr (out, "draw:stroke-dash", DASH_NAME);
      jm_xml_attr_color (out, "svg:stroke-color", shape->stroke, TRUE);
      attr_pt (out, "svg:stroke-width", shape->stroke_width);
      jm_xml_attr (out, "draw:stroke-linejoin", "round");
      if (shape->kind == JM_DECK_SHAPE_PATH)
        jm_xml_attr (out, "svg:stroke-linecap", "round");
    }
  else
    jm_xml_attr (out, "draw:stroke", "none");
  jm_xml_attr (out, "draw:shadow", "hidden");
  if (shape->kind != JM_DECK_SHAPE_PATH && shape->kind != JM_DECK_SHAPE_PICTURE)
    {
      jm_xml_attr (out, "draw:textarea-vertical-align", anchor[shape->anchor]);
      jm_xml_attr (out, "draw:textarea-horizontal-align", "justify");
      jm_xml_attr (out, "draw:auto-grow-height", "false");
      jm_xml_attr (out, "draw:auto-grow-width", "false");
      jm_xml_attr (out, "draw:fit-to-size", "false");
      attr_pt (out, "fo:min-height", 0);
      attr_pt (out, "fo:padding-left", shape->inset[0]);
      attr_pt (out, "fo:padding-top", shape->inset[1]);
      attr_pt (out, "fo:padding-right", shape->inset[2]);
      attr_pt (out, "fo:padding-bottom", shape->inset[3]);
      jm_xml_attr (out, "fo:wrap-option", shape->no_wrap ? "no-wrap" : "wrap");
    }
  jm_xml_end (out);
}

static const char *
shape_style (Odp               *o,
             Styles            *styles,
             const JmDeckShape *shape)
{
  JmXmlOut out;

  jm_xml_out_begin (&out, FALSE, FALSE);
  graphic_properties (&out, "style:graphic-properties", shape);
  return style_name (styles, jm_xml_out_end (&out));
}

static const char *
paragraph_style (Odp              *o,
                 const JmDeckPara *para)
{
  static const char *align[] = { "start", "center", "end" };
  JmXmlOut out;

  jm_xml_out_begin (&out, FALSE, FALSE);
  jm_xml_start (&out, "style:paragraph-properties");
  jm_xml_attr (&out, "fo:text-align", align[para->align]);
  attr_pt (&out, "fo:margin-top", para->space_before);
  attr_pt (&out, "fo:margin-bottom", 0);
  jm_xml_end (&out);
  return style_name (&o->paragraph, jm_xml_out_end (&out));
}

/* The text's language as ODF says it: "it-IT" → fo:language="it"
 * fo:country="IT"; a tag without a region gives the language alone. */
static void
language_attrs (JmXmlOut   *out,
                const char *tag)
{
  g_auto(GStrv) parts = NULL;

  if (tag == NULL || *tag == '\0')
    return;
  parts = g_strsplit (tag, "-", 3);
  jm_xml_attr (out, "fo:language", parts[0]);
  if (parts[1] != NULL && strlen (parts[1]) == 2)
    {
      g_autofree char *country = g_ascii_strup (parts[1], -1);

      jm_xml_attr (out, "fo:country", country);
    }
}

static const char *
text_style (Odp             *o,
            const JmDeckRun *run)
{
  JmXmlOut out;

  jm_xml_out_begin (&out, FALSE, FALSE);
  jm_xml_start (&out, "style:text-properties");
  jm_xml_attr_color (&out, "fo:color", run->color, TRUE);
  jm_xml_attr (&out, "style:font-name", o->deck->font);
  attr_pt (&out, "fo:font-size", run->size);
  jm_xml_attr (&out, "fo:font-weight", run->bold ? "bold" : "normal");
  jm_xml_attr (&out, "fo:font-style", run->italic ? "italic" : "normal");
  jm_xml_attr (&out, "style:font-name-complex", o->deck->font);
  attr_pt (&out, "style:font-size-complex", run->size);
  jm_xml_attr (&out, "style:font-weight-complex", run->bold ? "bold" : "normal");
  language_attrs (&out, o->deck->language);
  jm_xml_end (&out);
  return style_name (&o->text, jm_xml_out_end (&out));
}

/* Text with its spaces kept: ODF folds runs of spaces into one. */
static void
spaced_text (JmXmlOut   *out,
             const char *text,
             gboolean    at_start)
{
  GString *chunk = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\t')
        {
          guint spaces = 0;

          if (*p == '\t')
            {
              jm_xml_text (out, chunk->str);
              g_string_truncate (chunk, 0);
              jm_xml_start (out, "text:tab");
              jm_xml_end (out);
              at_start = FALSE;
              continue;
            }
          while (p[spaces] == ' ')
            spaces++;
          if (!at_start)
            {
              g_string_append_c (chunk, ' ');
              spaces--;
            }
          if (spaces > 0)
            {
              jm_xml_text (out, chunk->str);
              g_string_truncate (chunk, 0);
              jm_xml_start (out, "text:s");
              if (spaces > 1)
                jm_xml_attr_int (out, "text:c", spaces);
              jm_xml_end (out);
            }
          p += (at_start ? spaces : spaces + 1) - 1;
        }
      else
        g_string_append_c (chunk, *p);
      at_start = FALSE;
    }
  jm_xml_text (out, chunk->str);
  g_string_free (chunk, TRUE);
}

static void
para_start (JmDeckWriter     *w,
            JmXmlOut         *out,
            const JmDeckPara *para)
{
  jm_xml_start (out, "text:p");
  jm_xml_attr (out, "text:style-name", paragraph_style ((Odp *) w, para));
}

static void
run (JmDeckWriter    *w,
     JmXmlOut        *out,
     const JmDeckRun *text,
     gboolean         at_line_start)
{
  jm_xml_start (out, "text:span");
  jm_xml_attr (out, "text:style-name", text_style ((Odp *) w, text));
  spaced_text (out, text->text, at_line_start);
  jm_xml_end (out);
}

static void
line_break (JmDeckWriter    *w,
            JmXmlOut        *out,
            const JmDeckRun *next)
{
  jm_xml_start (out, "text:line-break");
  jm_xml_end (out);
}

static void
para_end (JmDeckWriter     *w,
          JmXmlOut         *out,
          const JmDeckPara *para,
          const JmDeckRun  *last)
{
  jm_xml_end (out);
}

/* ---- shapes ---- */

static void
geometry (JmXmlOut          *out,
          const JmDeckShape *shape)
{
  attr_pt (out, "svg:width", shape->width);
  attr_pt (out, "svg:height", shape->height);
  attr_pt (out, "svg:x", shape->x);
  attr_pt (out, "svg:y", shape->y);
}

/* A drawing's element with its name, its graphic style and its box. */
static void
drawing_start (Odp               *o,
               JmXmlOut          *out,
               const char        *element,
               const JmDeckShape *shape)
{
  jm_xml_start (out, element);
  jm_xml_attr (out, "draw:name", shape->name);
  jm_xml_attr (out, "draw:style-name", shape_style (o, &o->graphic, shape));
  geometry (out, shape);
}

static void
alternative_text (JmXmlOut          *out,
                  const JmDeckShape *shape)
{
  if (shape->description != NULL)
    jm_xml_element (out, "svg:desc", shape->description);
}

static void
write_picture (JmDeckWriter      *w,
               JmXmlOut          *out,
               const JmDeckShape *shape)
{
  Odp *o = (Odp *) w;
  gboolean jpeg = g_strcmp0 (shape->image_type, "image/jpeg") == 0;
  g_autofree char *href = g_strdup_printf ("Pictures/image%u.%s", o->pictures->len + 1, jpeg ? "jpg" : "png");

  jm_zip_add (o->zip, href, shape->image, TRUE);
  g_ptr_array_add (o->pictures, g_strdup_printf ("%s\t%s", href, jpeg ? "image/jpeg" : "image/png"));

  drawing_start (o, out, "draw:frame", shape);
  jm_xml_start (out, "draw:image");
  jm_xml_attr (out, "xlink:href", href);
  jm_xml_attr (out, "xlink:type", "simple");
  jm_xml_attr (out, "xlink:show", "embed");
  jm_xml_attr (out, "xlink:actuate", "onLoad");
  jm_xml_attr (out, "draw:mime-type", jpeg ? "image/jpeg" : "image/png");
  jm_xml_end (out);
  alternative_text (out, shape);
  jm_xml_end (out);
}

static void
write_text_frame (JmDeckWriter      *w,
                  JmXmlOut          *out,
                  const JmDeckShape *shape)
{
  Odp *o = (Odp *) w;

  jm_xml_start (out, "draw:frame");
  jm_xml_attr (out, "draw:name", shape->name);
  if (shape->role != JM_DECK_ROLE_NONE)
    jm_xml_attr (out, "presentation:style-name", shape_style (o, &o->presentation, shape));
  else
    jm_xml_attr (out, "draw:style-name", shape_style (o, &o->graphic, shape));
  geometry (out, shape);
  if (shape->role != JM_DECK_ROLE_NONE)
    {
      jm_xml_attr (out, "presentation:class", shape->role == JM_DECK_ROLE_TITLE ? "title" : "subtitle");
      jm_xml_attr (out, "presentation:placeholder", "false");
      jm_xml_attr (out, "presentation:user-transformed", "true");
    }
  jm_xml_start (out, "draw:text-box");
  jm_deck_write_paragraphs (&o->writer, out, shape->paragraphs);
  jm_xml_end (out);
  alternative_text (out, shape);
  jm_xml_end (out);
}

static void
write_path (JmDeckWriter      *w,
            JmXmlOut          *out,
            const JmDeckShape *shape)
{
  Odp *o = (Odp *) w;
  g_autoptr(GString) d = g_string_new (NULL);
  g_autofree char *view = g_strdup_printf ("0 0 %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                                           (gint64) llround (shape->width * PATH_UNITS),
                                           (gint64) llround (shape->height * PATH_UNITS));

  /* The pieces, into svg:d. */
  o->path = d;
  jm_deck_write_path_pieces (w, out, shape);
  o->path = NULL;

  drawing_start (o, out, "draw:path", shape);
  jm_xml_attr (out, "svg:viewBox", view);
  jm_xml_attr (out, "svg:d", d->str);
  jm_xml_end (out);
}

static void
path_point (GString           *d,
            const JmDeckPoint *pt)
{
  g_string_append_printf (d, " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                          (gint64) llround (pt->x * PATH_UNITS), (gint64) llround (pt->y * PATH_UNITS));
}

static void
path_move (JmDeckWriter      *w,
           JmXmlOut          *out,
           const JmDeckShape *shape,
           const JmDeckPoint *to)
{
  g_string_append (((Odp *) w)->path, "M");
  path_point (((Odp *) w)->path, to);
}

static void
path_cubic (JmDeckWriter      *w,
            JmXmlOut          *out,
            const JmDeckShape *shape,
            const JmDeckPoint *points)
{
  g_string_append (((Odp *) w)->path, " C");
  for (guint i = 0; i < 3; i++)
    path_point (((Odp *) w)->path, &points[i]);
}

/* A five-pointed star in the shape's box, as a polygon. */
static void
write_star (JmDeckWriter      *w,
            JmXmlOut          *out,
            const JmDeckShape *shape)
{
  Odp *o = (Odp *) w;
  double width = shape->width * PATH_UNITS, h = shape->height * PATH_UNITS;
  g_autofree char *view = g_strdup_printf ("0 0 %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                                           (gint64) llround (width), (gint64) llround (h));
  g_autoptr(GString) points = g_string_new (NULL);

  for (int i = 0; i < 10; i++)
    {
      double a = -G_PI / 2 + i * G_PI / 5, r = i % 2 == 0 ? 0.5 : 0.2;

      g_string_append_printf (points, "%s%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, i ? " " : "",
                              (gint64) llround (width * (0.5 + r * cos (a))),
                              (gint64) llround (h * (0.53 + r * sin (a))));
    }

  drawing_start (o, out, "draw:polygon", shape);
  jm_xml_attr (out, "svg:viewBox", view);
  jm_xml_attr (out, "draw:points", points->str);
  jm_xml_end (out);
}

static void
write_table (JmDeckWriter      *w,
             JmXmlOut          *out,
             const JmDeckShape *shape)
{
  Odp *o = (Odp *) w;
  JmColor grid = jm_deck_table_grid_color (o->deck);
  char color[8];
  g_autofree char *border = g_strdup_printf ("0.75pt solid #%s", jm_xml_format_color (color, grid, FALSE));

  jm_xml_start (out, "draw:frame");
  jm_xml_attr (out, "draw:name", shape->name);
  geometry (out, shape);
  jm_xml_start (out, "table:table");
  for (guint c = 0; c < shape->n_columns; c++)
    {
      JmXmlOut props;

      jm_xml_out_begin (&props, FALSE, FALSE);
      jm_xml_start (&props, "style:table-column-properties");
      attr_pt (&props, "style:column-width", g_array_index (shape->column_widths, double, c));
      jm_xml_end (&props);
      jm_xml_start (out, "table:table-column");
      jm_xml_attr (out, "table:style-name", style_name (&o->column, jm_xml_out_end (&props)));
      jm_xml_end (out);
    }
  for (guint r = 0; r < shape->n_rows; r++)
    {
      JmXmlOut props;

      jm_xml_out_begin (&props, FALSE, FALSE);
      jm_xml_start (&props, "style:table-row-properties");
      attr_pt (&props, "style:row-height", g_array_index (shape->row_heights, double, r));
      jm_xml_end (&props);
      jm_xml_start (out, "table:table-row");
      jm_xml_attr (out, "table:style-name", style_name (&o->row, jm_xml_out_end (&props)));
      for (guint c = 0; c < shape->n_columns; c++)
        {
          const JmDeckShape *cell = jm_deck_table_cell (shape, r, c);

          /* A cell's fill and padding as ODF says them, and again as
           * Impress reads them: from graphic properties, which ODF 1.3
           * does not name for cells, in LibreOffice's extension. */
          jm_xml_out_begin (&props, FALSE, FALSE);
          jm_xml_start (&props, "style:table-cell-properties");
          if (cell->filled)
            jm_xml_attr_color (&props, "fo:background-color", cell->fill, TRUE);
          attr_pt (&props, "fo:padding-left", cell->inset[0]);
          attr_pt (&props, "fo:padding-top", cell->inset[1]);
          attr_pt (&props, "fo:padding-right", cell->inset[2]);
          attr_pt (&props, "fo:padding-bottom", cell->inset[3]);
          jm_xml_attr (&props, "style:vertical-align", cell->anchor == JM_DECK_ANCHOR_MIDDLE ? "middle" : "top");
          jm_xml_end (&props);
          jm_xml_start (&props, "style:paragraph-properties");
          jm_xml_attr (&props, "fo:border", border);
          jm_xml_end (&props);
          graphic_properties (&props, "loext:graphic-properties", cell);
          jm_xml_start (out, "table:table-cell");
          jm_xml_attr (out, "table:style-name", style_name (&o->cell, jm_xml_out_end (&props)));
          jm_deck_write_paragraphs (&o->writer, out, cell->paragraphs);
          jm_xml_end (out);
        }
      jm_xml_end (out);
    }
  jm_xml_end (out);
  jm_xml_end (out);
}

static void
group_start (JmDeckWriter      *w,
             JmXmlOut          *out,
             const JmDeckShape *shape,
             double             x,
             double             y,
             double             width,
             double             height)
{
  jm_xml_start (out, "draw:g");
  jm_xml_attr (out, "draw:name", shape->name);
}

static void
group_end (JmDeckWriter      *w,
           JmXmlOut          *out,
           const JmDeckShape *shape)
{
  jm_xml_end (out);
}

static void
write_ellipse (JmDeckWriter      *w,
               JmXmlOut          *out,
               const JmDeckShape *shape)
{
  Odp *o = (Odp *) w;

  drawing_start (o, out, "draw:ellipse", shape);
  jm_deck_write_paragraphs (w, out, shape->paragraphs);
  jm_xml_end (out);
}

/* Impress wraps text only in custom shapes, not in plain rectangles:
 * a rectangle is a custom shape whose path is the rounded outline, in
 * hundredths of a point. */
static void
write_rect (JmDeckWriter      *w,
            JmXmlOut          *out,
            const JmDeckShape *shape)
{
  Odp *o = (Odp *) w;
  double width = round (shape->width * PATH_UNITS), h = round (shape->height * PATH_UNITS);
  double r = round (jm_deck_shape_corner (shape) * PATH_UNITS);
  g_autofree char *view = NULL;
  g_autofree char *path = NULL;

  view = g_strdup_printf ("0 0 %.0f %.0f", width, h);
  if (r > 0)
    path = g_strdup_printf ("M %.0f 0 L %.0f 0 X %.0f %.0f L %.0f %.0f Y %.0f %.0f L %.0f %.0f X 0 %.0f "
                            "L 0 %.0f Y %.0f 0 Z N",
                            r, width - r, width, r, width, h - r, width - r, h, r, h, h - r, r, r);
  else
    path = g_strdup_printf ("M 0 0 L %.0f 0 %.0f %.0f 0 %.0f Z N", width, width, h, h);

  drawing_start (o, out, "draw:custom-shape", shape);
  jm_deck_write_paragraphs (w, out, shape->paragraphs);
  jm_xml_start (out, "draw:enhanced-geometry");
  jm_xml_attr (out, "svg:viewBox", view);
  jm_xml_attr (out, "draw:text-areas", view);
  jm_xml_attr (out, "draw:enhanced-path", path);
  jm_xml_end (out);
  jm_xml_end (out);
}

static const JmDeckWriterOps odp_ops = {
  .rect = write_rect,
  .text = write_text_frame,
  .ellipse = write_ellipse,
  .star = write_star,
  .path = write_path,
  .picture = write_picture,
  .table = write_table,
  /* A title is a text frame of the presentation's class, whatever its kind. */
  .placeholder = write_text_frame,
  .group_start = group_start,
  .group_end = group_end,
  .para_start = para_start,
  .run = run,
  .line_break = line_break,
  .para_end = para_end,
  .path_move = path_move,
  .path_cubic = path_cubic,
};

/* ---- the parts ---- */

static void
write_notes (Odp               *o,
             JmXmlOut          *out,
             guint              number,
             const JmDeckSlide *slide)
{
  const JmDeck *deck = o->deck;
  double image_w = 432, image_h = image_w * deck->height / deck->width;
  g_auto(GStrv) lines = g_strsplit (slide->notes, "\n", -1);
  JmDeckShape frame = { 0 };
  JmDeckRun run = { NULL, 12, FALSE, FALSE, { 0, 0, 0, 1 }, FALSE };
  JmDeckPara para = { NULL, JM_DECK_ALIGN_START, 0 };

  frame.kind = JM_DECK_SHAPE_TEXT;

  jm_xml_start (out, "presentation:notes");
  jm_xml_start (out, "draw:page-thumbnail");
  attr_pt (out, "svg:width", image_w);
  attr_pt (out, "svg:height", image_h);
  attr_pt (out, "svg:x", 54);
  attr_pt (out, "svg:y", 54);
  jm_xml_attr_int (out, "draw:page-number", number);
  jm_xml_attr (out, "presentation:class", "page");
  jm_xml_end (out);
  jm_xml_start (out, "draw:frame");
  jm_xml_attr (out, "presentation:style-name", shape_style (o, &o->presentation, &frame));
  attr_pt (out, "svg:width", image_w);
  attr_pt (out, "svg:height", 720 - image_h - 36 - 108);
  attr_pt (out, "svg:x", 54);
  attr_pt (out, "svg:y", 54 + image_h + 36);
  jm_xml_attr (out, "presentation:class", "notes");
  jm_xml_attr (out, "presentation:placeholder", "false");
  jm_xml_start (out, "draw:text-box");
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strchomp (lines[i]);
      jm_xml_start (out, "text:p");
      jm_xml_attr (out, "text:style-name", paragraph_style (o, &para));
      if (*lines[i] != '\0')
        {
          run.text = lines[i];
          jm_xml_start (out, "text:span");
          jm_xml_attr (out, "text:style-name", text_style (o, &run));
          spaced_text (out, lines[i], TRUE);
          jm_xml_end (out);
        }
      jm_xml_end (out);
    }
  jm_xml_end (out);
  jm_xml_end (out);
  jm_xml_end (out);
}

static char *
content_xml (Odp *o)
{
  const JmDeck *deck = o->deck;
  JmXmlOut body, out;
  g_autofree char *pages = NULL;

  /* The pages first, which name the styles they need. */
  jm_xml_out_begin (&body, FALSE, FALSE);
  for (guint i = 0; i < deck->slides->len; i++)
    {
      const JmDeckSlide *slide = g_ptr_array_index (deck->slides, i);

      jm_xml_start (&body, "draw:page");
      jm_xml_attr (&body, "draw:name", slide->name);
      jm_xml_attr (&body, "draw:style-name", "dp1");
      jm_xml_attr (&body, "draw:master-page-name", "Journey_20_Maps");
      for (guint s = 0; s < slide->shapes->len; s++)
        jm_deck_write_shape (&o->writer, &body, g_ptr_array_index (slide->shapes, s));
      if (slide->notes != NULL)
        write_notes (o, &body, i + 1, slide);
      jm_xml_end (&body);
    }
  pages = jm_xml_out_end (&body);

  jm_xml_out_begin (&out, TRUE, FALSE);
  root (&out, "office:document-content");
  font_faces (o, &out);
  jm_xml_start (&out, "office:automatic-styles");
  jm_xml_start (&out, "style:style");
  jm_xml_attr (&out, "style:name", "dp1");
  jm_xml_attr (&out, "style:family", "drawing-page");
  jm_xml_start (&out, "style:drawing-page-properties");
  jm_xml_attr (&out, "presentation:background-visible", "true");
  jm_xml_attr (&out, "presentation:background-objects-visible", "true");
  jm_xml_attr (&out, "presentation:display-footer", "false");
  jm_xml_attr (&out, "presentation:display-page-number", "false");
  jm_xml_attr (&out, "presentation:display-date-time", "false");
  jm_xml_end (&out);
  jm_xml_end (&out);
  styles_write (&o->graphic, &out);
  styles_write (&o->presentation, &out);
  styles_write (&o->paragraph, &out);
  styles_write (&o->text, &out);
  styles_write (&o->column, &out);
  styles_write (&o->row, &out);
  styles_write (&o->cell, &out);
  jm_xml_end (&out);
  jm_xml_start (&out, "office:body");
  jm_xml_start (&out, "office:presentation");
  jm_xml_raw (&out, pages);
  jm_xml_end (&out);
  jm_xml_end (&out);
  jm_xml_end (&out);
  return jm_xml_out_end (&out);
}

static void
page_layout (JmXmlOut   *out,
             const char *name,
             double      width,
             double      height)
{
  jm_xml_start (out, "style:page-layout");
  jm_xml_attr (out, "style:name", name);
  jm_xml_start (out, "style:page-layout-properties");
  attr_pt (out, "fo:margin-top", 0);
  attr_pt (out, "fo:margin-bottom", 0);
  attr_pt (out, "fo:margin-left", 0);
  attr_pt (out, "fo:margin-right", 0);
  attr_pt (out, "fo:page-width", width);
  attr_pt (out, "fo:page-height", height);
  jm_xml_attr (out, "style:print-orientation", width > height ? "landscape" : "portrait");
  jm_xml_end (out);
  jm_xml_end (out);
}

static char *
styles_xml (Odp *o)
{
  const JmDeck *deck = o->deck;
  JmXmlOut out;

  jm_xml_out_begin (&out, TRUE, FALSE);
  root (&out, "office:document-styles");
  font_faces (o, &out);
  jm_xml_start (&out, "office:styles");
  jm_xml_start (&out, "draw:stroke-dash");
  jm_xml_attr (&out, "draw:name", DASH_NAME);
  jm_xml_attr (&out, "draw:display-name", "Journey Maps dash");
  jm_xml_attr (&out, "draw:style", "rect");
  jm_xml_attr (&out, "draw:dots1", "1");
  jm_xml_attr (&out, "draw:dots1-length", "300%");
  jm_xml_attr (&out, "draw:distance", "200%");
  jm_xml_end (&out);
  /* The map's font and text colour for whatever a user adds. */
  jm_xml_start (&out, "style:default-style");
  jm_xml_attr (&out, "style:family", "graphic");
  jm_xml_start (&out, "style:text-properties");
  jm_xml_attr (&out, "style:font-name", deck->font);
  jm_xml_attr_color (&out, "fo:color", deck->text, TRUE);
  language_attrs (&out, deck->language);
  jm_xml_end (&out);
  jm_xml_end (&out);
  jm_xml_end (&out);

  jm_xml_start (&out, "office:automatic-styles");
  page_layout (&out, "PM1", deck->width, deck->height);
  page_layout (&out, "PM2", 540, 720);
  jm_xml_start (&out, "style:style");
  jm_xml_attr (&out, "style:name", "Mdp1");
  jm_xml_attr (&out, "style:family", "drawing-page");
  jm_xml_start (&out, "style:drawing-page-properties");
  jm_xml_attr (&out, "draw:background-size", "full");
  jm_xml_attr (&out, "draw:fill", "solid");
  jm_xml_attr_color (&out, "draw:fill-color", deck->background, TRUE);
  jm_xml_end (&out);
  jm_xml_end (&out);
  jm_xml_end (&out);

  jm_xml_start (&out, "office:master-styles");
  jm_xml_start (&out, "style:master-page");
  jm_xml_attr (&out, "style:name", "Journey_20_Maps");
  jm_xml_attr (&out, "style:display-name", "Journey Maps");
  jm_xml_attr (&out, "style:page-layout-name", "PM1");
  jm_xml_attr (&out, "draw:style-name", "Mdp1");
  jm_xml_start (&out, "presentation:notes");
  jm_xml_attr (&out, "style:page-layout-name", "PM2");
  jm_xml_start (&out, "draw:page-thumbnail");
  attr_pt (&out, "svg:width", 432);
  attr_pt (&out, "svg:height", 432 * deck->height / deck->width);
  attr_pt (&out, "svg:x", 54);
  attr_pt (&out, "svg:y", 54);
  jm_xml_attr (&out, "presentation:class", "page");
  jm_xml_end (&out);
  jm_xml_start (&out, "draw:frame");
  attr_pt (&out, "svg:width", 432);
  attr_pt (&out, "svg:height", 300);
  attr_pt (&out, "svg:x", 54);
  attr_pt (&out, "svg:y", 360);
  jm_xml_attr (&out, "presentation:class", "notes");
  jm_xml_attr (&out, "presentation:placeholder", "true");
  jm_xml_start (&out, "draw:text-box");
  jm_xml_end (&out);
  jm_xml_end (&out);
  jm_xml_end (&out);
  jm_xml_end (&out);
  jm_xml_end (&out);
  jm_xml_end (&out);
  return jm_xml_out_end (&out);
}

static char *
meta_xml (Odp *o)
{
  JmXmlOut out;

  jm_xml_out_begin (&out, TRUE, FALSE);
  root (&out, "office:document-meta");
  jm_xml_start (&out, "office:meta");
  jm_xml_element (&out, "meta:generator", "Journey Maps/" PACKAGE_VERSION);
  if (o->deck->title != NULL)
    jm_xml_element (&out, "dc:title", o->deck->title);
  if (o->deck->subject != NULL)
    jm_xml_element (&out, "dc:subject", o->deck->subject);
  if (o->deck->language != NULL)
    jm_xml_element (&out, "dc:language", o->deck->language);
  jm_xml_end (&out);
  jm_xml_end (&out);
  return jm_xml_out_end (&out);
}

static void
manifest_entry (JmXmlOut   *out,
                const char *path,
                const char *type)
{
  jm_xml_start (out, "manifest:file-entry");
  jm_xml_attr (out, "manifest:full-path", path);
  if (g_strcmp0 (path, "/") == 0)
    jm_xml_attr (out, "manifest:version", ODF_VERSION);
  jm_xml_attr (out, "manifest:media-type", type);
  jm_xml_end (out);
}

static char *
manifest_xml (Odp *o)
{
  JmXmlOut out;

  jm_xml_out_begin (&out, TRUE, FALSE);
  jm_xml_start (&out, "manifest:manifest");
  jm_xml_attr (&out, "xmlns:manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0");
  jm_xml_attr (&out, "manifest:version", ODF_VERSION);
  manifest_entry (&out, "/", MIMETYPE);
  manifest_entry (&out, "content.xml", "text/xml");
  manifest_entry (&out, "styles.xml", "text/xml");
  manifest_entry (&out, "meta.xml", "text/xml");
  for (guint i = 0; i < o->pictures->len; i++)
    {
      g_auto(GStrv) fields = g_strsplit (g_ptr_array_index (o->pictures, i), "\t", 2);

      manifest_entry (&out, fields[0], fields[1]);
    }
  jm_xml_end (&out);
  return jm_xml_out_end (&out);
}

GBytes *
jm_odp_build (const JmDeck *deck,
              GError      **error)
{
  g_autoptr(JmZip) zip = jm_zip_new ();
  g_autoptr(GBytes) mimetype = g_bytes_new_static (MIMETYPE, strlen (MIMETYPE));
  g_autoptr(JmZip) pictures = NULL;
  Odp o = { { &odp_ops }, deck, NULL, NULL };
  char *content;
  GBytes *bytes;

  g_return_val_if_fail (deck != NULL, NULL);

  /* The mimetype first and stored, so that the type can be read at a
   * fixed place of the file; the pictures after the XML parts. */
  jm_zip_add (zip, "mimetype", mimetype, TRUE);
  pictures = jm_zip_new ();
  o.zip = pictures;
  o.pictures = g_ptr_array_new_with_free_func (g_free);
  styles_init (&o.graphic, "graphic", "gr");
  styles_init (&o.presentation, "presentation", "pr");
  styles_init (&o.paragraph, "paragraph", "P");
  styles_init (&o.text, "text", "T");
  styles_init (&o.column, "table-column", "co");
  styles_init (&o.row, "table-row", "ro");
  styles_init (&o.cell, "table-cell", "ce");

  content = content_xml (&o);
  jm_zip_add_text (zip, "content.xml", content);
  jm_zip_add_text (zip, "styles.xml", styles_xml (&o));
  jm_zip_add_text (zip, "meta.xml", meta_xml (&o));
  jm_zip_add_text (zip, "META-INF/manifest.xml", manifest_xml (&o));
  jm_zip_move (zip, pictures);

  bytes = jm_zip_finish (zip, error);

  g_ptr_array_unref (o.pictures);
  styles_clear (&o.graphic);
  styles_clear (&o.presentation);
  styles_clear (&o.paragraph);
  styles_clear (&o.text);
  styles_clear (&o.column);
  styles_clear (&o.row);
  styles_clear (&o.cell);
  return bytes;
}
