/* jm-export-sheets.c — persona sheets (a page per persona) and the one-page
 * summary handout as a tagged PDF, or as PNG: one file per persona sheet
 * ("personas.png" → "personas-1.png", "personas-2.png"… in the map's
 * order; exactly the path given when one persona is chosen). Drawn by
 * render/jm-persona-sheet.c and jm-handout.c, written atomically through
 * jm-export.c's sink. */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "jm-export-private.h"
#include "jm-persona-sheet.h"

#define PT_PER_UNIT 0.75   /* map units are pixels at 96 dpi */
#define PNG_MAX_SIDE 32767.0

static JmLayout *
sheet_layout (JmDocument            *document,
              const JmExportOptions *options)
{
  JmRenderOptions render;

  jm_render_options_init (&render);
  render.theme = options->theme;
  render.language = options->language;
  render.date = options->date;
  render.view_id = options->view_id;
  /* The handout shows every persona; a sheet is its persona's anyway. */
  return jm_layout_new (document, &render);
}

static void
page_size (const JmExportOptions *options,
           double                *width,
           double                *height)
{
  if (options->page == JM_PAGE_LETTER)
    {
      *width = JM_SHEET_LETTER_WIDTH;
      *height = JM_SHEET_LETTER_HEIGHT;
    }
  else
    {
      *width = JM_SHEET_A4_WIDTH;
      *height = JM_SHEET_A4_HEIGHT;
    }
}

char *
jm_export_sheet_png_path (const char *path,
                          guint       n)
{
  const char *dot;

  g_return_val_if_fail (path != NULL, NULL);

  dot = strrchr (path, '.');
  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return g_strdup_printf ("%s-%u", path, n);
  return g_strdup_printf ("%.*s-%u%s", (int) (dot - path), path, n, dot);
}

GPtrArray *
jm_export_sheet_personas (JmDocument            *document,
                          const JmExportOptions *options)
{
  g_autoptr(JmLayout) layout = NULL;
  GPtrArray *personas, *chosen;

  g_return_val_if_fail (JM_IS_DOCUMENT (document) && options != NULL, NULL);

  personas = jm_document_get_personas (document);
  chosen = g_ptr_array_new ();
  layout = sheet_layout (document, options);
  for (guint i = 0; i < personas->len; i++)
    {
      JmPersona *persona = g_ptr_array_index (personas, i);

      if (options->persona_id != NULL ? g_strcmp0 (options->persona_id, persona->id) == 0
                                      : jm_layout_shows_persona (layout, persona->id))
        g_ptr_array_add (chosen, persona);
    }
  return chosen;
}

/* Draws page i (a persona's sheet, or the handout) at the origin. */
static void
draw_page (JmLayout   *layout,
           cairo_t    *cr,
           GPtrArray  *personas,
           guint       i,
           double      width,
           double      height)
{
  if (personas != NULL)
    jm_persona_sheet_draw (layout, cr, ((JmPersona *) g_ptr_array_index (personas, i))->id, width, height);
  else
    jm_handout_draw (layout, cr, width, height);
}

/* The pages as a PDF into the sink: tagged, or not. */
static cairo_status_t
write_pdf (JmDocument            *document,
           JmLayout              *layout,
           GPtrArray             *personas,
           const JmExportOptions *options,
           JmExportSink          *sink,
           gboolean               tagged)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double w, h;
  guint n = personas != NULL ? personas->len : 1;

  page_size (options, &w, &h);
  surface = cairo_pdf_surface_create_for_stream (jm_export_sink_write, sink, w * PT_PER_UNIT, h * PT_PER_UNIT);
  jm_export_set_pdf_metadata (surface, document);
  cr = cairo_create (surface);
  if (!tagged)
    jm_page_set_untagged (cr);
  if (tagged)
    cairo_tag_begin (cr, "Document", NULL);
  for (guint i = 0; i < n; i++)
    {
      if (tagged)
        cairo_tag_begin (cr, "Sect", NULL);
      cairo_save (cr);
      cairo_scale (cr, PT_PER_UNIT, PT_PER_UNIT);
      draw_page (layout, cr, personas, i, w, h);
      cairo_restore (cr);
      if (tagged)
        cairo_tag_end (cr, "Sect");
      cairo_show_page (cr);
    }
  if (tagged)
    cairo_tag_end (cr, "Document");
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}

static gboolean
export_pdf (JmDocument            *document,
            JmLayout              *layout,
            GPtrArray             *personas,
            const char            *path,
            const JmExportOptions *options,
            GError               **error)
{
  g_autofree char *tmp = NULL;
  cairo_status_t status;
  JmExportSink sink;

  if (!jm_export_sink_open (path, &sink, &tmp, error))
    return FALSE;
  status = write_pdf (document, layout, personas, options, &sink, TRUE);
  if (status == CAIRO_STATUS_TAG_ERROR)
    {
      /* Untagged rather than nothing: start the file again. */
      jm_export_sink_close (&sink, tmp, path, status, NULL);
      g_clear_pointer (&tmp, g_free);
      if (!jm_export_sink_open (path, &sink, &tmp, error))
        return FALSE;
      status = write_pdf (document, layout, personas, options, &sink, FALSE);
    }
  if (status == CAIRO_STATUS_SUCCESS)
    jm_export_append_pdf_lang (&sink, jm_layout_get_language (layout));
  return jm_export_sink_close (&sink, tmp, path, status, error);
}

static gboolean
export_png_page (JmDocument            *document,
                 JmLayout              *layout,
                 GPtrArray             *personas,
                 guint                  i,
                 const char            *path,
                 const JmExportOptions *options,
                 GError               **error)
{
  double w, h, scale = options->scale > 0 ? options->scale : 1;
  g_autofree char *tmp = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  JmExportSink sink;
  const char *title;

  page_size (options, &w, &h);
  if (ceil (h * scale) > PNG_MAX_SIDE)
    {
      g_set_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_TOO_LARGE,
                   _("Could not write “%s”: at scale %g the image would be %.0f × %.0f pixels, more "
                     "than the %.0f a PNG side can have here; choose a smaller scale or export a PDF"),
                   path, scale, ceil (w * scale), ceil (h * scale), PNG_MAX_SIDE);
      return FALSE;
    }
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (w * scale), (int) ceil (h * scale));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  draw_page (layout, cr, personas, i, w, h);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  if (!jm_export_sink_open (path, &sink, &tmp, error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }
  title = personas != NULL ? ((JmPersona *) g_ptr_array_index (personas, i))->name : jm_document_get_title (document);
  status = cairo_surface_status (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = jm_export_write_png_surface (surface, &sink, scale, title,
                                          personas != NULL ? ((JmPersona *) g_ptr_array_index (personas, i))->bio
                                                           : jm_document_get_scenario (document),
                                          jm_layout_get_language (layout));
  cairo_surface_destroy (surface);
  return jm_export_sink_close (&sink, tmp, path, status, error);
}

gboolean
jm_export_sheets_to_path (JmDocument            *document,
                          const char            *path,
                          const JmExportOptions *options,
                          GError               **error)
{
  g_autoptr(JmLayout) layout = NULL;
  g_autoptr(GPtrArray) personas = NULL;
  g_autofree char *lower = NULL;
  gboolean png;

  g_return_val_if_fail (JM_IS_DOCUMENT (document) && path != NULL && options != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  png = g_str_has_suffix (lower, ".png");
  if (!png && !g_str_has_suffix (lower, ".pdf"))
    {
      g_set_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_FORMAT,
                   _("Cannot tell the format of “%s”: persona sheets and the handout are written as .pdf or .png"),
                   path);
      return FALSE;
    }

  layout = sheet_layout (document, options);
  if (options->content == JM_EXPORT_PERSONA_SHEETS)
    {
      personas = jm_export_sheet_personas (document, options);
      if (personas->len == 0)
        {
          g_set_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_FORMAT,
                       _("Could not write “%s”: the map has no personas"), path);
          return FALSE;
        }
    }

  if (!png)
    return export_pdf (document, layout, personas, path, options, error);
  if (personas == NULL)
    return export_png_page (document, layout, NULL, 0, path, options, error);
  if (options->persona_id != NULL)
    return export_png_page (document, layout, personas, 0, path, options, error);
  for (guint i = 0; i < personas->len; i++)
    {
      g_autofree char *file = jm_export_sheet_png_path (path, i + 1);

      if (!export_png_page (document, layout, personas, i, file, options, error))
        {
          /* None of this export's files is left half done: the earlier
           * ones are complete, and said by the error's file name. */
          return FALSE;
        }
    }
  return TRUE;
}
