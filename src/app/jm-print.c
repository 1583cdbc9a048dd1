/* jm-print.c — printing: a GtkPrintOperation whose pages are drawn by the
 * core's poster functions (the same ones the PDF export uses), in the
 * print theme and the window's persona view, on whatever paper and
 * orientation the print dialog offers. */
#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <unistd.h>

#include "jm-export.h"
#include "jm-layout.h"
#include "jm-painter.h"
#include "jm-persona-sheet.h"
#include "jm-poster.h"
#include "jm-print.h"

/* Longest side of the map's picture in the Layout tab's preview. */
#define PREVIEW_IMAGE_SIZE 480

typedef struct {
  JmDocument      *document;
  char            *persona_id;
  char            *view_id;        /* a named view of the map, or NULL */
  char            *title;
  GSettings       *settings;
  gboolean         poster;
  double           poster_scale;   /* 1: the PDF export's scale */
  JmExportContent  content;        /* the map, persona sheets or the handout */
  GPtrArray       *personas;       /* persona sheets: JmPersona* printed, borrowed */

  /* While printing. */
  JmLayout        *layout;
  JmPosterGrid     grid;
  GError          *error;
  GtkWindow       *parent;
  gboolean         finished;

  /* The Layout tab. */
  GtkPageSetup    *tab_setup;
  GtkWidget       *fit_button;
  GtkWidget       *poster_button;
  GtkWidget       *scale_row;
  GtkSpinButton   *scale_spin;
  GtkWidget       *preview;
  GtkLabel        *pages_label;
  cairo_surface_t *map_image;
  double           map_width;      /* map units */
  double           map_height;
} PrintJob;

/* Remembered for the next print in this session, like other GNOME apps. */
static GtkPrintSettings *last_settings;
static GtkPageSetup *last_page_setup;

static void
print_job_clear (gpointer data)
{
  PrintJob *job = data;

  g_clear_object (&job->document);
  g_clear_pointer (&job->persona_id, g_free);
  g_clear_pointer (&job->view_id, g_free);
  g_clear_pointer (&job->title, g_free);
  g_clear_object (&job->settings);
  g_clear_object (&job->layout);
  g_clear_error (&job->error);
  g_clear_object (&job->tab_setup);
  g_clear_object (&job->parent);
  g_clear_pointer (&job->map_image, cairo_surface_destroy);
  g_clear_pointer (&job->personas, g_ptr_array_unref);
}

static PrintJob *
print_job_ref (PrintJob *job)
{
  return g_rc_box_acquire (job);
}

static void
print_job_unref (gpointer job)
{
  g_rc_box_release_full (job, print_job_clear);
}

static void
print_job_closure_notify (gpointer  job,
                          GClosure *closure)
{
  print_job_unref (job);
}

static JmLayout *
make_layout (PrintJob *job)
{
  JmRenderOptions options;

  jm_render_options_init (&options);
  options.theme = JM_THEME_PRINT;
  options.persona_id = job->persona_id;
  options.view_id = job->view_id;
  return jm_layout_new (job->document, &options);
}

static double
clamp_scale (double scale)
{
  if (!isfinite (scale))
    return 1.0;
  return CLAMP (scale, JM_PRINT_MIN_POSTER_SCALE, JM_PRINT_MAX_POSTER_SCALE);
}

/* The poster's sheets for a printable area of width × height points. */
static gboolean
compute_grid (PrintJob     *job,
              double        map_width,
              double        map_height,
              double        width,
              double        height,
              JmPosterGrid *grid)
{
  return jm_poster_grid_init (grid, map_width, map_height, width, height, JM_POSTER_MARGIN,
                              JM_POINTS_PER_UNIT * job->poster_scale, JM_POSTER_OVERLAP);
}

/* ---- the print operation ---- */

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  double w, h;

  g_clear_object (&job->layout);
  job->layout = make_layout (job);
  if (job->content != JM_EXPORT_MAP)
    {
      JmExportOptions options;

      jm_export_options_init (&options);
      options.view_id = job->view_id;
      g_clear_pointer (&job->personas, g_ptr_array_unref);
      if (job->content == JM_EXPORT_PERSONA_SHEETS)
        job->personas = jm_export_sheet_personas (job->document, &options);
      gtk_print_operation_set_n_pages (operation, job->personas != NULL ? MAX (1, (int) job->personas->len) : 1);
      return;
    }
  if (!job->poster)
    {
      gtk_print_operation_set_n_pages (operation, 1);
      return;
    }

  jm_layout_get_size (job->layout, &w, &h);
  if (!compute_grid (job, w, h, gtk_print_context_get_width (context),
                     gtk_print_context_get_height (context), &job->grid))
    {
      g_clear_error (&job->error);
      g_set_error (&job->error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_TOO_LARGE,
                   _("The poster would need more than %d pages, or the paper is too small for it: "
                     "choose a smaller poster scale or larger paper."),
                   JM_POSTER_MAX_SHEETS);
      gtk_print_operation_cancel (operation);
      return;
    }
  gtk_print_operation_set_n_pages (operation, (int) jm_poster_grid_get_n_sheets (&job->grid));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  if (job->layout == NULL || page_nr < 0)
    return;

  if (job->content != JM_EXPORT_MAP)
    {
      /* The page drawn to the printable area, in map units. */
      double w = gtk_print_context_get_width (context) / JM_POINTS_PER_UNIT;
      double h = gtk_print_context_get_height (context) / JM_POINTS_PER_UNIT;

      cairo_save (cr);
      cairo_scale (cr, JM_POINTS_PER_UNIT, JM_POINTS_PER_UNIT);
      if (job->content == JM_EXPORT_HANDOUT)
        jm_handout_draw (job->layout, cr, w, h);
      else if (job->personas != NULL && (guint) page_nr < job->personas->len)
        jm_persona_sheet_draw (job->layout, cr, ((JmPersona *) g_ptr_array_index (job->personas, page_nr))->id, w, h);
      cairo_restore (cr);
      return;
    }

  if (job->poster)
    jm_poster_draw_sheet (&job->grid, job->layout, cr, (guint) page_nr, job->title);
  else
    jm_poster_draw_fitted (job->layout, cr, gtk_print_context_get_width (context),
                           gtk_print_context_get_height (context));
}

static void
on_end_print (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              PrintJob          *job)
{
  g_clear_object (&job->layout);
}

/* ---- the Layout tab ---- */

static void
update_map_image (PrintJob *job)
{
  g_autoptr(JmLayout) layout = make_layout (job);
  double scale;
  cairo_t *cr;

  g_clear_pointer (&job->map_image, cairo_surface_destroy);
  jm_layout_get_size (layout, &job->map_width, &job->map_height);
  if (job->map_width <= 0 || job->map_height <= 0)
    return;

  scale = MIN (1.0, MIN (PREVIEW_IMAGE_SIZE / job->map_width, PREVIEW_IMAGE_SIZE / job->map_height));
  job->map_image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                               MAX (1, (int) ceil (job->map_width * scale)),
                                               MAX (1, (int) ceil (job->map_height * scale)));
  cr = cairo_create (job->map_image);
  cairo_scale (cr, scale, scale);
  jm_painter_paint (layout, cr, NULL, scale);
  cairo_destroy (cr);
}

/* The printable area of the page setup the dialog has chosen, in points. */
static void
tab_page_size (PrintJob *job,
               double   *width,
               double   *height)
{
  *width = gtk_page_setup_get_page_width (job->tab_setup, GTK_UNIT_POINTS);
  *height = gtk_page_setup_get_page_height (job->tab_setup, GTK_UNIT_POINTS);
}

/* Draws the map's picture at x, y, map units scaled by s. */
static void
paint_map_image (PrintJob *job,
                 cairo_t  *cr,
                 double    x,
                 double    y,
                 double    s)
{
  int iw, ih;

  if (job->map_image == NULL)
    return;
  iw = cairo_image_surface_get_width (job->map_image);
  ih = cairo_image_surface_get_height (job->map_image);
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, job->map_width * s / iw, job->map_height * s / ih);
  cairo_set_source_surface (cr, job->map_image, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_restore (cr);
}

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  PrintJob *job = user_data;
  double pw, ph, pad = 8, aw = width - 2 * pad, ah = height - 2 * pad;
  JmPosterGrid grid;

  if (job->tab_setup == NULL || job->map_width <= 0 || aw <= 0 || ah <= 0)
    return;
  tab_page_size (job, &pw, &ph);

  if (!job->poster)
    {
      /* One sheet (its printable area) with the map fitted in it. */
      double s = MIN (aw / pw, ah / ph), sw = pw * s, sh = ph * s;
      double x = pad + (aw - sw) / 2, y = pad + (ah - sh) / 2;
      double ms = MIN (sw / job->map_width, sh / job->map_height);

      cairo_rectangle (cr, x, y, sw, sh);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.4);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      paint_map_image (job, cr, x + (sw - job->map_width * ms) / 2,
                       y + (sh - job->map_height * ms) / 2, ms);
      return;
    }

  if (!compute_grid (job, job->map_width, job->map_height, pw, ph, &grid))
    return;

  {
    /* The assembled poster: every sheet's piece, overlapping its
     * neighbours by the overlap, over the map. */
    double step_x = grid.piece_width - grid.overlap, step_y = grid.piece_height - grid.overlap;
    double total_w = grid.columns * step_x + grid.overlap;
    double total_h = grid.rows * step_y + grid.overlap;
    double s = MIN (aw / total_w, ah / total_h);
    double x0 = pad + (aw - total_w * s) / 2, y0 = pad + (ah - total_h * s) / 2;

    cairo_rectangle (cr, x0, y0, total_w * s, total_h * s);
    cairo_set_source_rgb (cr, 1, 1, 1);
    cairo_fill (cr);
    paint_map_image (job, cr, x0, y0, grid.scale * s);

    /* The overlap strips. */
    cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.3);
    for (guint c = 1; c < grid.columns; c++)
      cairo_rectangle (cr, x0 + c * step_x * s, y0, grid.overlap * s, total_h * s);
    for (guint r = 1; r < grid.rows; r++)
      cairo_rectangle (cr, x0, y0 + r * step_y * s, total_w * s, grid.overlap * s);
    cairo_fill (cr);

    /* Each sheet's outline and number. */
    cairo_set_line_width (cr, 1);
    for (guint r = 0; r < grid.rows; r++)
      for (guint c = 0; c < grid.columns; c++)
        {
          double x = x0 + c * step_x * s, y = y0 + r * step_y * s;
          double w = grid.piece_width * s, h = grid.piece_height * s;
          char number[16];
          cairo_text_extents_t ext;

          cairo_set_source_rgb (cr, 0.11, 0.36, 0.72);
          cairo_rectangle (cr, round (x) + 0.5, round (y) + 0.5, round (w) - 1, round (h) - 1);
          cairo_stroke (cr);

          g_snprintf (number, sizeof number, "%u", r * grid.columns + c + 1);
          cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
          cairo_set_font_size (cr, CLAMP (MIN (w, h) / 4, 8, 20));
          cairo_text_extents (cr, number, &ext);
          cairo_move_to (cr, x + (w - ext.width) / 2 - ext.x_bearing, y + (h - ext.height) / 2 - ext.y_bearing);
          cairo_text_path (cr, number);
          cairo_set_source_rgba (cr, 1, 1, 1, 0.8);
          cairo_set_line_width (cr, 3);
          cairo_stroke_preserve (cr);
          cairo_set_source_rgb (cr, 0.11, 0.36, 0.72);
          cairo_fill (cr);
          cairo_set_line_width (cr, 1);
        }
  }
}

static void
update_tab (PrintJob *job)
{
  g_autofree char *text = NULL;
  double pw, ph;
  JmPosterGrid grid;

  if (job->preview == NULL)
    return;

  gtk_widget_set_sensitive (job->scale_row, job->poster);
  gtk_widget_queue_draw (job->preview);
  if (job->tab_setup == NULL)
    return;

  tab_page_size (job, &pw, &ph);
  if (!job->poster)
    text = g_strdup (_("1 page"));
  else if (compute_grid (job, job->map_width, job->map_height, pw, ph, &grid))
    {
      guint n = jm_poster_grid_get_n_sheets (&grid);

      /* Translators: the number of pages a printed poster has, then how
       * many sheets across and down it is */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page (%u across, %u down)",
                                           "%u pages (%u across, %u down)", n),
                              n, grid.columns, grid.rows);
    }
  else
    text = g_strdup_printf (_("Too many pages (more than %d): choose a smaller scale or larger paper"),
                            JM_POSTER_MAX_SHEETS);
  gtk_label_set_text (job->pages_label, text);
}

static void
on_layout_toggled (GtkCheckButton *button,
                   PrintJob       *job)
{
  if (job->poster_button == NULL)
    return;
  job->poster = gtk_check_button_get_active (GTK_CHECK_BUTTON (job->poster_button));
  update_tab (job);
}

static void
on_scale_changed (GtkSpinButton *spin,
                  PrintJob      *job)
{
  job->poster_scale = clamp_scale (gtk_spin_button_get_value (spin) / 100);
  update_tab (job);
}

static void
on_tab_destroy (GtkWidget *widget,
                PrintJob  *job)
{
  job->preview = NULL;
  job->fit_button = NULL;
  job->poster_button = NULL;
  job->scale_row = NULL;
  job->scale_spin = NULL;
  job->pages_label = NULL;
}

static GObject *
on_create_custom_widget (GtkPrintOperation *operation,
                         PrintJob          *job)
{
  GtkWidget *box, *row, *label, *spin, *unit;
  GtkPageSetup *setup = gtk_print_operation_get_default_page_setup (operation);

  g_set_object (&job->tab_setup, setup);
  if (job->tab_setup == NULL)
    job->tab_setup = gtk_page_setup_new ();
  update_map_image (job);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  job->fit_button = gtk_check_button_new_with_mnemonic (_("_Fit to one page"));
  job->poster_button = gtk_check_button_new_with_mnemonic (_("_Poster across several pages, "
                                                             "with overlap and cut marks"));
  gtk_check_button_set_group (GTK_CHECK_BUTTON (job->poster_button), GTK_CHECK_BUTTON (job->fit_button));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (job->poster ? job->poster_button : job->fit_button), TRUE);
  gtk_box_append (GTK_BOX (box), job->fit_button);
  gtk_box_append (GTK_BOX (box), job->poster_button);

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (row, 24);
  label = gtk_label_new_with_mnemonic (_("Poster _scale"));
  spin = gtk_spin_button_new_with_range (JM_PRINT_MIN_POSTER_SCALE * 100, JM_PRINT_MAX_POSTER_SCALE * 100, 10);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 0);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), round (job->poster_scale * 100));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), spin);
  unit = gtk_label_new ("%");
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), spin);
  gtk_box_append (GTK_BOX (row), unit);
  gtk_box_append (GTK_BOX (box), row);
  job->scale_row = row;
  job->scale_spin = GTK_SPIN_BUTTON (spin);

  job->preview = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (job->preview), 360);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (job->preview), 240);
  gtk_widget_set_hexpand (job->preview, TRUE);
  gtk_widget_set_vexpand (job->preview, TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (job->preview), draw_preview,
                                  print_job_ref (job), print_job_unref);
  gtk_box_append (GTK_BOX (box), job->preview);

  job->pages_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (job->pages_label, 0.5);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (job->pages_label));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (job->preview),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, job->pages_label, NULL, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (job->preview),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Preview of the printed pages"), -1);

  g_signal_connect (job->fit_button, "toggled", G_CALLBACK (on_layout_toggled), job);
  g_signal_connect (job->poster_button, "toggled", G_CALLBACK (on_layout_toggled), job);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_scale_changed), job);
  /* The dialog may outlive the operation: the tab keeps the job alive. */
  g_signal_connect_data (box, "destroy", G_CALLBACK (on_tab_destroy), print_job_ref (job),
                         print_job_closure_notify, 0);

  update_tab (job);
  return G_OBJECT (box);
}

static void
on_update_custom_widget (GtkPrintOperation *operation,
                         GtkWidget         *widget,
                         GtkPageSetup      *setup,
                         GtkPrintSettings  *settings,
                         PrintJob          *job)
{
  if (setup != NULL)
    {
      g_clear_object (&job->tab_setup);
      job->tab_setup = gtk_page_setup_copy (setup);
    }
  update_tab (job);
}

static void
on_custom_widget_apply (GtkPrintOperation *operation,
                        GtkWidget         *widget,
                        PrintJob          *job)
{
  if (job->poster_button != NULL)
    job->poster = gtk_check_button_get_active (GTK_CHECK_BUTTON (job->poster_button));
  if (job->scale_spin != NULL)
    job->poster_scale = clamp_scale (gtk_spin_button_get_value (job->scale_spin) / 100);
  if (job->settings != NULL)
    {
      g_settings_set_boolean (job->settings, "print-poster", job->poster);
      g_settings_set_double (job->settings, "print-poster-scale", job->poster_scale);
    }
}

static GtkPrintOperation *
new_operation (PrintJob *job)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  const char *title = jm_document_get_title (job->document);

  job->title = g_strdup (title != NULL && *title != '\0' ? title : _("Untitled journey map"));
  gtk_print_operation_set_job_name (operation, job->title);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);

  g_object_set_data_full (G_OBJECT (operation), "jm-print-job", print_job_ref (job), print_job_unref);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), job);
  g_signal_connect (operation, "end-print", G_CALLBACK (on_end_print), job);
  return operation;
}

static PrintJob *
print_job_new (JmDocument *document,
               const char *persona_id,
               const char *view_id,
               gboolean    poster,
               double      poster_scale)
{
  PrintJob *job = g_rc_box_new0 (PrintJob);

  job->document = g_object_ref (document);
  job->persona_id = persona_id != NULL && *persona_id != '\0' ? g_strdup (persona_id) : NULL;
  job->view_id = view_id != NULL && *view_id != '\0' ? g_strdup (view_id) : NULL;
  job->poster = poster;
  job->poster_scale = clamp_scale (poster_scale);
  return job;
}

/* ---- with a dialog ---- */

static void
show_error (GtkWindow  *parent,
            const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Could not print"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_done (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         PrintJob                *job)
{
  g_autoptr(GError) error = NULL;

  /* Once, whether GTK says so or run returns. */
  if (job->finished)
    return;
  job->finished = TRUE;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));
      g_set_object (&last_page_setup, gtk_print_operation_get_default_page_setup (operation));
    }

  /* GTK 4.8 complains when asked for an error there is not. */
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    gtk_print_operation_get_error (operation, &error);
  if (error != NULL)
    show_error (job->parent, error->message);
  else if (job->error != NULL)
    show_error (job->parent, job->error->message);
}

static void
run_print (GtkWindow       *parent,
           JmDocument      *document,
           const char      *persona_id,
           const char      *view_id,
           GSettings       *settings,
           JmExportContent  content)
{
  PrintJob *job;
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkPrintOperationResult result;
  g_autoptr(GError) error = NULL;
  gboolean poster = FALSE;
  double scale = 1.0;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (JM_IS_DOCUMENT (document));

  if (settings != NULL)
    {
      poster = g_settings_get_boolean (settings, "print-poster");
      scale = g_settings_get_double (settings, "print-poster-scale");
    }
  job = print_job_new (document, persona_id, view_id, poster, scale);
  job->content = content;
  job->settings = settings != NULL ? g_object_ref (settings) : NULL;
  job->parent = g_object_ref (parent);
  operation = new_operation (job);

  if (last_settings != NULL)
    gtk_print_operation_set_print_settings (operation, last_settings);
  else
    {
      /* "Print to File" names the file after the map and puts it in the
       * documents folder, not wherever the program was started. */
      g_autoptr(GtkPrintSettings) print_settings = gtk_print_settings_new ();
      const char *dir = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
      g_autofree char *basename = g_strdelimit (g_strdup (job->title), "/\\", '-');

      gtk_print_settings_set (print_settings, GTK_PRINT_SETTINGS_OUTPUT_DIR,
                              dir != NULL ? dir : g_get_home_dir ());
      gtk_print_settings_set (print_settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, basename);
      gtk_print_operation_set_print_settings (operation, print_settings);
    }
  if (content != JM_EXPORT_MAP)
    {
      /* Sheets and the handout are portrait pages, whatever the map printed last. */
      g_autoptr(GtkPageSetup) setup = last_page_setup != NULL ? gtk_page_setup_copy (last_page_setup)
                                                              : gtk_page_setup_new ();

      gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
      gtk_print_operation_set_default_page_setup (operation, setup);
    }
  else if (last_page_setup != NULL)
    gtk_print_operation_set_default_page_setup (operation, last_page_setup);
  else
    {
      /* The paper turned as the map is shaped: most maps are wide. */
      g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
      g_autoptr(JmLayout) layout = make_layout (job);
      double w, h;

      jm_layout_get_size (layout, &w, &h);
      gtk_page_setup_set_orientation (setup, w > h ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                   : GTK_PAGE_ORIENTATION_PORTRAIT);
      gtk_print_operation_set_default_page_setup (operation, setup);
    }

  /* The Layout tab (fit or poster) is the map's. */
  if (content == JM_EXPORT_MAP)
    {
      /* Translators: the title of the print dialog's own tab */
      gtk_print_operation_set_custom_tab_label (operation, _("Layout"));
      g_signal_connect (operation, "create-custom-widget", G_CALLBACK (on_create_custom_widget), job);
      g_signal_connect (operation, "update-custom-widget", G_CALLBACK (on_update_custom_widget), job);
      g_signal_connect (operation, "custom-widget-apply", G_CALLBACK (on_custom_widget_apply), job);
    }
  g_signal_connect (operation, "done", G_CALLBACK (on_done), job);
  gtk_print_operation_set_allow_async (operation, TRUE);

  /* The operation keeps itself (and the job) alive while it runs on. */
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && !job->finished)
    {
      job->finished = TRUE;
      show_error (parent, error != NULL ? error->message : _("The print operation failed."));
    }
  else if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    on_done (operation, result, job);
  print_job_unref (job);
}

void
jm_print_run (GtkWindow  *parent,
              JmDocument *document,
              const char *persona_id,
              const char *view_id,
              GSettings  *settings)
{
  run_print (parent, document, persona_id, view_id, settings, JM_EXPORT_MAP);
}

void
jm_print_run_sheets (GtkWindow       *parent,
                     JmDocument      *document,
                     JmExportContent  content,
                     const char      *view_id)
{
  g_return_if_fail (content == JM_EXPORT_PERSONA_SHEETS || content == JM_EXPORT_HANDOUT);
  run_print (parent, document, NULL, view_id, NULL, content);
}

/* ---- without ---- */

static gboolean
print_to_pdf (JmDocument      *document,
              const char      *persona_id,
              const char      *view_id,
              gboolean         poster,
              double           poster_scale,
              JmExportContent  content,
              GtkPageSetup    *setup,
              const char      *pdf_path,
              GError         **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) default_setup = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  GtkPrintOperationResult result;
  PrintJob *job;
  gboolean ok;
  int fd;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (pdf_path != NULL, FALSE);
  g_return_val_if_fail (setup == NULL || GTK_IS_PAGE_SETUP (setup), FALSE);

  if (setup == NULL)
    {
      g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

      default_setup = gtk_page_setup_new ();
      gtk_page_setup_set_paper_size_and_default_margins (default_setup, a4);
      setup = default_setup;
    }

  /* Written beside pdf_path and renamed over it when complete: a failed
   * print leaves no half-written file (and an older file stays). */
  dir = g_path_get_dirname (pdf_path);
  base = g_path_get_basename (pdf_path);
  tmp_path = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp_full (tmp_path, O_RDWR, 0644);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not write “%s”: %s"), pdf_path, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  job = print_job_new (document, persona_id, view_id, poster, poster_scale);
  job->content = content;
  operation = new_operation (job);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_export_filename (operation, tmp_path);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    ok = FALSE;
  else if (job->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&job->error));
      ok = FALSE;
    }
  else if (g_rename (tmp_path, pdf_path) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not write “%s”: %s"), pdf_path, g_strerror (saved));
      ok = FALSE;
    }
  else
    ok = TRUE;

  if (!ok)
    g_unlink (tmp_path);
  print_job_unref (job);
  return ok;
}

gboolean
jm_print_to_pdf (JmDocument    *document,
                 const char    *persona_id,
                 const char    *view_id,
                 gboolean       poster,
                 double         poster_scale,
                 GtkPageSetup  *setup,
                 const char    *pdf_path,
                 GError       **error)
{
  return print_to_pdf (document, persona_id, view_id, poster, poster_scale, JM_EXPORT_MAP, setup, pdf_path, error);
}

gboolean
jm_print_sheets_to_pdf (JmDocument       *document,
                        JmExportContent   content,
                        GtkPageSetup     *setup,
                        const char       *pdf_path,
                        GError          **error)
{
  g_return_val_if_fail (content == JM_EXPORT_PERSONA_SHEETS || content == JM_EXPORT_HANDOUT, FALSE);
  return print_to_pdf (document, NULL, NULL, FALSE, 1.0, content, setup, pdf_path, error);
}
