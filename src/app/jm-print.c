/* jm-print.c — printing: a GtkPrintOperation whose pages are drawn by the
 * core's poster functions (the same ones the PDF export uses), in the
 * print theme and the window's persona view, on whatever paper and
 * orientation the print dialog offers; a Layout tab for fit or poster
 * (sheets across or scale, overlap, glue zones, page map), and a question
 * before a poster of more than 20 sheets goes to the printer. */
#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "jm-export.h"
#include "jm-layout.h"
#include "jm-painter.h"
#include "jm-persona-sheet.h"
#include "jm-poster.h"
#include "jm-print.h"

/* Longest side of the map's picture in the Layout tab's preview. */
#define PREVIEW_IMAGE_SIZE 480
/* The most sheets across the Layout tab offers (the command line's too). */
#define JM_PRINT_MAX_SHEETS_ACROSS 50

typedef struct {
  JmDocument      *document;
  char            *persona_id;
  char            *view_id;        /* a named view of the map, or NULL */
  char            *title;
  GSettings       *settings;
  JmPrintLayout    lay;
  JmExportContent  content;        /* the map, persona sheets or the handout */
  GPtrArray       *personas;       /* persona sheets: JmPersona* printed, borrowed */

  /* While printing. */
  JmLayout        *layout;
  JmPosterGrid     grid;
  GError          *error;
  GtkWindow       *parent;
  gboolean         finished;
  gboolean         with_dialog;    /* the user chose: ask before many sheets */
  gboolean         reopen;         /* "Change Layout…": the dialog again */
  GtkPrintSettings *ask_settings;  /* what the dialog chose, to start from again */
  GtkPageSetup    *ask_setup;

  /* The Layout tab. */
  GtkPageSetup    *tab_setup;
  GtkWidget       *fit_button;
  GtkWidget       *poster_button;
  GtkWidget       *poster_box;
  GtkWidget       *across_button;
  GtkWidget       *scale_button;
  GtkSpinButton   *across_spin;
  GtkSpinButton   *scale_spin;
  GtkSpinButton   *overlap_spin;
  GtkSwitch       *glue_switch;
  GtkSwitch       *page_map_switch;
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
  g_clear_object (&job->ask_settings);
  g_clear_object (&job->ask_setup);
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
  /* As the window shows the map. */
  options.emotion_values = job->settings != NULL && g_settings_get_boolean (job->settings, "emotion-values");
  return jm_layout_new (job->document, &options);
}

static double
clamp_scale (double scale)
{
  if (!isfinite (scale))
    return 1.0;
  return CLAMP (scale, JM_PRINT_MIN_POSTER_SCALE, JM_PRINT_MAX_POSTER_SCALE);
}

void
jm_print_layout_init (JmPrintLayout *layout)
{
  g_return_if_fail (layout != NULL);

  memset (layout, 0, sizeof *layout);
  layout->scale = 1.0;
  layout->overlap_mm = 10;
  layout->glue_zones = TRUE;
  layout->page_map = TRUE;
}

gboolean
jm_print_asks_before_printing (guint sheets)
{
  return sheets > JM_POSTER_ASK_ABOVE_SHEETS;
}

static double
layout_overlap (const JmPrintLayout *lay)
{
  double mm = isfinite (lay->overlap_mm) ? lay->overlap_mm : 10;

  return CLAMP (mm, 0, JM_POSTER_OVERLAP_MAX_MM) * JM_POINTS_PER_MM;
}

/* Sheets across when the layout leaves it to the map: as many as the map
 * takes at the PDF export's scale, where its text reads as on screen. */
static guint
default_sheets_across (const JmPrintLayout *lay,
                       double               map_width,
                       double               map_height,
                       double               width,
                       double               height)
{
  JmPosterGrid grid;

  if (!jm_poster_grid_init (&grid, map_width, map_height, width, height, JM_POSTER_MARGIN,
                            JM_POINTS_PER_UNIT, layout_overlap (lay)))
    return JM_PRINT_MAX_SHEETS_ACROSS;
  return CLAMP (grid.columns, 1, JM_PRINT_MAX_SHEETS_ACROSS);
}

/* The poster's sheets for a printable area of width × height points, the
 * sheets as the page setup turns them. */
static gboolean
layout_grid (const JmPrintLayout *lay,
             double               map_width,
             double               map_height,
             double               width,
             double               height,
             JmPosterGrid        *grid)
{
  double overlap = layout_overlap (lay);
  gboolean ok;

  if (lay->by_scale)
    ok = jm_poster_grid_init (grid, map_width, map_height, width, height, JM_POSTER_MARGIN,
                              JM_POINTS_PER_UNIT * clamp_scale (lay->scale), overlap);
  else
    ok = jm_poster_grid_init_columns (grid, map_width, map_height, width, height, JM_POSTER_MARGIN,
                                      lay->sheets_across > 0
                                        ? MIN (lay->sheets_across, JM_PRINT_MAX_SHEETS_ACROSS)
                                        : default_sheets_across (lay, map_width, map_height, width, height),
                                      overlap);
  grid->glue_zones = lay->glue_zones;
  return ok;
}

static gboolean
compute_grid (PrintJob     *job,
              double        map_width,
              double        map_height,
              double        width,
              double        height,
              JmPosterGrid *grid)
{
  return layout_grid (&job->lay, map_width, map_height, width, height, grid);
}

/* ---- the print operation ---- */

static char *ask_about_sheets (PrintJob     *job,
                               GtkPageSetup *setup);

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  double w, h;
  guint sheets;

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
  if (!job->lay.poster)
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
                     "choose fewer sheets across, a smaller poster scale or larger paper."),
                   JM_POSTER_MAX_SHEETS);
      gtk_print_operation_cancel (operation);
      return;
    }
  sheets = jm_poster_grid_get_n_sheets (&job->grid);

  /* Many sheets: ask before the printer learns it. "Change Layout…"
   * opens the dialog again (on_done) where the user left it. */
  if (job->with_dialog && jm_print_asks_before_printing (sheets))
    {
      g_autofree char *answer = ask_about_sheets (job, gtk_print_context_get_page_setup (context));

      if (!g_str_equal (answer, "print"))
        {
          if (g_str_equal (answer, "change"))
            {
              job->reopen = TRUE;
              g_clear_object (&job->ask_settings);
              g_clear_object (&job->ask_setup);
              if (gtk_print_operation_get_print_settings (operation) != NULL)
                job->ask_settings = gtk_print_settings_copy (gtk_print_operation_get_print_settings (operation));
              job->ask_setup = gtk_page_setup_copy (gtk_print_context_get_page_setup (context));
            }
          gtk_print_operation_cancel (operation);
          return;
        }
    }
  gtk_print_operation_set_n_pages (operation, (int) sheets + (job->lay.page_map ? 1 : 0));
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

  if (!job->lay.poster)
    jm_poster_draw_fitted (job->layout, cr, gtk_print_context_get_width (context),
                           gtk_print_context_get_height (context));
  else if (job->lay.page_map && page_nr == 0)
    jm_poster_draw_page_map (&job->grid, job->layout, cr, job->title);
  else
    jm_poster_draw_sheet (&job->grid, job->layout, cr, (guint) page_nr - (job->lay.page_map ? 1 : 0), job->title);
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

  if (!job->lay.poster)
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
          g_autofree char *name = jm_poster_grid_get_sheet_name (&grid, r * grid.columns + c);
          char number[32];
          cairo_text_extents_t ext;

          cairo_set_source_rgb (cr, 0.11, 0.36, 0.72);
          cairo_rectangle (cr, round (x) + 0.5, round (y) + 0.5, round (w) - 1, round (h) - 1);
          cairo_stroke (cr);

          /* As the page map and the sheet itself name it. */
          g_snprintf (number, sizeof number, "%u · %s", r * grid.columns + c + 1, name);
          cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
          cairo_set_font_size (cr, CLAMP (MIN (w, h) / 6, 7, 18));
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

/* "6 sheets (3 × 2)", the words the command line prints too. */
static char *
count_sheets_text (const JmPosterGrid *grid,
                   gboolean            page_map)
{
  guint n = jm_poster_grid_get_n_sheets (grid);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u sheet (%u × %u)",
                                                         "%u sheets (%u × %u)", n),
                                            n, grid->columns, grid->rows);

  if (!page_map)
    return g_steal_pointer (&count);
  /* Translators: a poster's sheets counted, such as "6 sheets (3 × 2)",
   * then the sheet that shows how they go together */
  return g_strdup_printf (_("%s, and a page map sheet"), count);
}

/* The layout as the tab's widgets show it. */
static void
read_tab (PrintJob *job)
{
  if (job->poster_button == NULL)
    return;
  job->lay.poster = gtk_check_button_get_active (GTK_CHECK_BUTTON (job->poster_button));
  job->lay.by_scale = gtk_check_button_get_active (GTK_CHECK_BUTTON (job->scale_button));
  job->lay.sheets_across = (guint) gtk_spin_button_get_value_as_int (job->across_spin);
  job->lay.scale = clamp_scale (gtk_spin_button_get_value (job->scale_spin) / 100);
  job->lay.overlap_mm = gtk_spin_button_get_value (job->overlap_spin);
  job->lay.glue_zones = gtk_switch_get_active (job->glue_switch);
  job->lay.page_map = gtk_switch_get_active (job->page_map_switch);
}

static void
update_tab (PrintJob *job)
{
  g_autofree char *text = NULL;
  double pw, ph;
  JmPosterGrid grid;

  if (job->preview == NULL)
    return;

  gtk_widget_set_sensitive (job->poster_box, job->lay.poster);
  gtk_widget_set_sensitive (GTK_WIDGET (job->across_spin), !job->lay.by_scale);
  gtk_widget_set_sensitive (GTK_WIDGET (job->scale_spin), job->lay.by_scale);
  gtk_widget_queue_draw (job->preview);
  if (job->tab_setup == NULL)
    return;

  tab_page_size (job, &pw, &ph);
  if (!job->lay.poster)
    text = g_strdup (_("1 page"));
  else if (compute_grid (job, job->map_width, job->map_height, pw, ph, &grid))
    text = count_sheets_text (&grid, job->lay.page_map);
  else
    text = g_strdup_printf (_("Too many pages (more than %d): choose fewer sheets across, "
                              "a smaller scale or larger paper"), JM_POSTER_MAX_SHEETS);
  gtk_label_set_text (job->pages_label, text);
}

static void
on_tab_changed (PrintJob *job)
{
  read_tab (job);
  update_tab (job);
}

static void
on_tab_destroy (GtkWidget *widget,
                PrintJob  *job)
{
  job->preview = NULL;
  job->fit_button = NULL;
  job->poster_button = NULL;
  job->poster_box = NULL;
  job->across_button = NULL;
  job->scale_button = NULL;
  job->across_spin = NULL;
  job->scale_spin = NULL;
  job->overlap_spin = NULL;
  job->glue_switch = NULL;
  job->page_map_switch = NULL;
  job->pages_label = NULL;
}

/* A row of the poster's options: a label for widget, widget, a unit. */
static GtkWidget *
option_row (const char *mnemonic,
            GtkWidget  *widget,
            const char *unit)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), widget);
  if (unit != NULL)
    gtk_box_append (GTK_BOX (row), gtk_label_new (unit));
  return row;
}

static GtkWidget *
new_spin (const char *name,
          double      min,
          double      max,
          double      step,
          double      value)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, step);

  gtk_widget_set_name (spin, name);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 0);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  return spin;
}

static GObject *
on_create_custom_widget (GtkPrintOperation *operation,
                         PrintJob          *job)
{
  GtkWidget *box, *poster_box, *grid, *spin, *label, *sw;
  GtkPageSetup *setup = gtk_print_operation_get_default_page_setup (operation);
  double pw, ph;
  guint across;

  g_set_object (&job->tab_setup, setup);
  if (job->tab_setup == NULL)
    job->tab_setup = gtk_page_setup_new ();
  update_map_image (job);
  tab_page_size (job, &pw, &ph);
  across = job->lay.sheets_across > 0
             ? job->lay.sheets_across
             : default_sheets_across (&job->lay, job->map_width, job->map_height, pw, ph);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  job->fit_button = gtk_check_button_new_with_mnemonic (_("_Fit to one page"));
  job->poster_button = gtk_check_button_new_with_mnemonic (_("_Poster across several pages, "
                                                             "with overlap and cut marks"));
  gtk_check_button_set_group (GTK_CHECK_BUTTON (job->poster_button), GTK_CHECK_BUTTON (job->fit_button));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (job->lay.poster ? job->poster_button : job->fit_button), TRUE);
  gtk_box_append (GTK_BOX (box), job->fit_button);
  gtk_box_append (GTK_BOX (box), job->poster_button);

  /* The poster's options, under its button. */
  poster_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (poster_box, 24);
  job->poster_box = poster_box;
  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);

  job->across_button = gtk_check_button_new_with_mnemonic (_("Sheets _across"));
  job->scale_button = gtk_check_button_new_with_mnemonic (_("Sc_ale"));
  gtk_check_button_set_group (GTK_CHECK_BUTTON (job->scale_button), GTK_CHECK_BUTTON (job->across_button));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (job->lay.by_scale ? job->scale_button : job->across_button), TRUE);
  spin = new_spin ("sheets-across", 1, JM_PRINT_MAX_SHEETS_ACROSS, 1, across);
  job->across_spin = GTK_SPIN_BUTTON (spin);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  job->across_button, NULL, -1);
  gtk_grid_attach (GTK_GRID (grid), job->across_button, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), spin, 1, 0, 1, 1);
  spin = new_spin ("scale", JM_PRINT_MIN_POSTER_SCALE * 100, JM_PRINT_MAX_POSTER_SCALE * 100, 10,
                   round (clamp_scale (job->lay.scale) * 100));
  job->scale_spin = GTK_SPIN_BUTTON (spin);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  job->scale_button, NULL, -1);
  gtk_grid_attach (GTK_GRID (grid), job->scale_button, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), spin, 1, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), gtk_label_new ("%"), 2, 1, 1, 1);
  gtk_box_append (GTK_BOX (poster_box), grid);

  spin = new_spin ("overlap", 0, JM_POSTER_OVERLAP_MAX_MM, 1, round (layout_overlap (&job->lay) / JM_POINTS_PER_MM));
  job->overlap_spin = GTK_SPIN_BUTTON (spin);
  /* Translators: how much a poster's sheets overlap, in millimetres */
  gtk_box_append (GTK_BOX (poster_box), option_row (_("_Overlap"), spin, _("mm")));

  sw = gtk_switch_new ();
  gtk_widget_set_name (sw, "glue-zones");
  gtk_switch_set_active (GTK_SWITCH (sw), job->lay.glue_zones);
  job->glue_switch = GTK_SWITCH (sw);
  gtk_box_append (GTK_BOX (poster_box), option_row (_("_Glue zones on the overlap"), sw, NULL));

  sw = gtk_switch_new ();
  gtk_widget_set_name (sw, "page-map");
  gtk_switch_set_active (GTK_SWITCH (sw), job->lay.page_map);
  job->page_map_switch = GTK_SWITCH (sw);
  gtk_box_append (GTK_BOX (poster_box), option_row (_("Page _map sheet: how the sheets go together"), sw, NULL));

  label = gtk_label_new (_("The paper and its orientation are chosen in the Page Setup tab."));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (poster_box), label);
  gtk_box_append (GTK_BOX (box), poster_box);

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

  g_signal_connect_swapped (job->fit_button, "toggled", G_CALLBACK (on_tab_changed), job);
  g_signal_connect_swapped (job->poster_button, "toggled", G_CALLBACK (on_tab_changed), job);
  g_signal_connect_swapped (job->across_button, "toggled", G_CALLBACK (on_tab_changed), job);
  g_signal_connect_swapped (job->scale_button, "toggled", G_CALLBACK (on_tab_changed), job);
  g_signal_connect_swapped (job->across_spin, "value-changed", G_CALLBACK (on_tab_changed), job);
  g_signal_connect_swapped (job->scale_spin, "value-changed", G_CALLBACK (on_tab_changed), job);
  g_signal_connect_swapped (job->overlap_spin, "value-changed", G_CALLBACK (on_tab_changed), job);
  g_signal_connect_swapped (job->glue_switch, "notify::active", G_CALLBACK (on_tab_changed), job);
  g_signal_connect_swapped (job->page_map_switch, "notify::active", G_CALLBACK (on_tab_changed), job);
  /* The dialog may outlive the operation: the tab keeps the job alive. */
  g_signal_connect_data (box, "destroy", G_CALLBACK (on_tab_destroy), print_job_ref (job),
                         print_job_closure_notify, 0);

  read_tab (job);
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
  read_tab (job);
  if (job->settings != NULL)
    {
      g_settings_set_boolean (job->settings, "print-poster", job->lay.poster);
      g_settings_set_double (job->settings, "print-poster-scale", clamp_scale (job->lay.scale));
      g_settings_set_boolean (job->settings, "print-poster-by-scale", job->lay.by_scale);
      g_settings_set_uint (job->settings, "print-poster-sheets-across", job->lay.sheets_across);
      g_settings_set_double (job->settings, "print-poster-overlap", layout_overlap (&job->lay) / JM_POINTS_PER_MM);
      g_settings_set_boolean (job->settings, "print-glue-zones", job->lay.glue_zones);
      g_settings_set_boolean (job->settings, "print-page-map", job->lay.page_map);
    }
}

static GtkPrintOperation *
new_operation (PrintJob *job)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  const char *title = jm_document_get_title (job->document);

  g_free (job->title);
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
print_job_new (JmDocument          *document,
               const char          *persona_id,
               const char          *view_id,
               const JmPrintLayout *lay)
{
  PrintJob *job = g_rc_box_new0 (PrintJob);

  job->document = g_object_ref (document);
  job->persona_id = persona_id != NULL && *persona_id != '\0' ? g_strdup (persona_id) : NULL;
  job->view_id = view_id != NULL && *view_id != '\0' ? g_strdup (view_id) : NULL;
  job->lay = *lay;
  job->lay.scale = clamp_scale (lay->scale);
  return job;
}

guint
jm_print_count_sheets (JmDocument          *document,
                       const char          *persona_id,
                       const char          *view_id,
                       const JmPrintLayout *layout,
                       GtkPageSetup        *setup,
                       guint               *columns,
                       guint               *rows)
{
  PrintJob *job;
  g_autoptr(JmLayout) map = NULL;
  JmPosterGrid grid;
  double w, h;
  guint n = 0;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), 0);
  g_return_val_if_fail (layout != NULL, 0);
  g_return_val_if_fail (GTK_IS_PAGE_SETUP (setup), 0);

  if (columns != NULL)
    *columns = 0;
  if (rows != NULL)
    *rows = 0;
  if (!layout->poster)
    return 0;
  job = print_job_new (document, persona_id, view_id, layout);
  map = make_layout (job);
  jm_layout_get_size (map, &w, &h);
  if (compute_grid (job, w, h, gtk_page_setup_get_page_width (setup, GTK_UNIT_POINTS),
                    gtk_page_setup_get_page_height (setup, GTK_UNIT_POINTS), &grid))
    {
      n = jm_poster_grid_get_n_sheets (&grid);
      if (columns != NULL)
        *columns = grid.columns;
      if (rows != NULL)
        *rows = grid.rows;
    }
  print_job_unref (job);
  return n;
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

static void run_operation (PrintJob               *job,
                           GtkPrintOperationAction action,
                           GtkPrintSettings       *settings,
                           GtkPageSetup           *setup);

typedef struct {
  GMainLoop *loop;
  char      *response;
} Answer;

static void
on_sheets_answer (AdwMessageDialog *dialog,
                  const char       *response,
                  Answer           *answer)
{
  if (answer->response == NULL)
    answer->response = g_strdup (response);
  g_main_loop_quit (answer->loop);
}

static void
on_sheets_question_destroy (GtkWidget *dialog,
                            Answer    *answer)
{
  g_main_loop_quit (answer->loop);
}

/* "This poster takes N sheets of A4 (C × R)." Print / Change Layout… /
 * Cancel: the answer's id. The operation is between the dialog and the
 * first page, so it waits here for the answer (as GTK's own synchronous
 * printing does), and "Print" goes on printing what the dialog chose. */
static char *
ask_about_sheets (PrintJob     *job,
                  GtkPageSetup *setup)
{
  GtkWidget *dialog;
  g_autofree char *body = NULL;
  const char *paper = _("paper");
  guint n = jm_poster_grid_get_n_sheets (&job->grid);
  Answer answer = { NULL, NULL };

  if (setup != NULL && gtk_page_setup_get_paper_size (setup) != NULL)
    paper = gtk_paper_size_get_display_name (gtk_page_setup_get_paper_size (setup));

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: the sheets of a printed poster; %s is the paper, such as A4 */
                                       "This poster takes %u sheet of %s (%u × %u).",
                                       "This poster takes %u sheets of %s (%u × %u).", n),
                          n, paper, job->grid.columns, job->grid.rows);
  dialog = adw_message_dialog_new (job->parent, _("Print a Large Poster?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "change", _("Change _Layout…"),
                                    "print", _("_Print"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "print", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "print");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_widget_set_name (dialog, "jm-print-sheets-question");

  answer.loop = g_main_loop_new (NULL, FALSE);
  g_object_ref (dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_sheets_answer), &answer);
  g_signal_connect (dialog, "destroy", G_CALLBACK (on_sheets_question_destroy), &answer);
  gtk_window_present (GTK_WINDOW (dialog));
  g_main_loop_run (answer.loop);
  g_signal_handlers_disconnect_by_data (dialog, &answer);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  g_main_loop_unref (answer.loop);
  return answer.response != NULL ? answer.response : g_strdup ("cancel");
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

  if (job->reopen)
    {
      g_autoptr(GtkPrintSettings) settings = g_steal_pointer (&job->ask_settings);
      g_autoptr(GtkPageSetup) setup = g_steal_pointer (&job->ask_setup);

      job->reopen = FALSE;
      run_operation (job, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, settings, setup);
      return;
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
setup_operation (PrintJob          *job,
                 GtkPrintOperation *operation)
{
  /* The Layout tab (fit or poster) is the map's. */
  if (job->content == JM_EXPORT_MAP)
    {
      /* Translators: the title of the print dialog's own tab */
      gtk_print_operation_set_custom_tab_label (operation, _("Layout"));
      g_signal_connect (operation, "create-custom-widget", G_CALLBACK (on_create_custom_widget), job);
      g_signal_connect (operation, "update-custom-widget", G_CALLBACK (on_update_custom_widget), job);
      g_signal_connect (operation, "custom-widget-apply", G_CALLBACK (on_custom_widget_apply), job);
    }
  g_signal_connect (operation, "done", G_CALLBACK (on_done), job);
  gtk_print_operation_set_allow_async (operation, TRUE);
}

/* Runs a new operation for job: with the dialog, or (after the question)
 * straight to the printer the dialog chose. */
static void
run_operation (PrintJob               *job,
               GtkPrintOperationAction action,
               GtkPrintSettings       *settings,
               GtkPageSetup           *setup)
{
  g_autoptr(GtkPrintOperation) operation = new_operation (job);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  job->finished = FALSE;
  job->with_dialog = TRUE;
  g_clear_error (&job->error);
  if (settings != NULL)
    gtk_print_operation_set_print_settings (operation, settings);
  if (setup != NULL)
    gtk_print_operation_set_default_page_setup (operation, setup);
  setup_operation (job, operation);

  result = gtk_print_operation_run (operation, action, job->parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && !job->finished)
    {
      job->finished = TRUE;
      show_error (job->parent, error != NULL ? error->message : _("The print operation failed."));
    }
  else if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    on_done (operation, result, job);
}

/* The layout remembered in settings. */
static void
layout_from_settings (JmPrintLayout *lay,
                      GSettings     *settings)
{
  jm_print_layout_init (lay);
  if (settings == NULL)
    return;
  lay->poster = g_settings_get_boolean (settings, "print-poster");
  lay->scale = g_settings_get_double (settings, "print-poster-scale");
  lay->by_scale = g_settings_get_boolean (settings, "print-poster-by-scale");
  lay->sheets_across = g_settings_get_uint (settings, "print-poster-sheets-across");
  lay->overlap_mm = g_settings_get_double (settings, "print-poster-overlap");
  lay->glue_zones = g_settings_get_boolean (settings, "print-glue-zones");
  lay->page_map = g_settings_get_boolean (settings, "print-page-map");
}

/* The job and operation jm_print_run starts with. */
static GtkPrintOperation *
dialog_operation_new (GtkWindow        *parent,
                      JmDocument       *document,
                      const char       *persona_id,
                      const char       *view_id,
                      GSettings        *settings,
                      JmExportContent   content,
                      PrintJob        **job_out)
{
  PrintJob *job;
  GtkPrintOperation *operation;
  JmPrintLayout lay;

  layout_from_settings (&lay, settings);
  job = print_job_new (document, persona_id, view_id, &lay);
  job->content = content;
  job->settings = settings != NULL ? g_object_ref (settings) : NULL;
  job->parent = parent != NULL ? g_object_ref (parent) : NULL;
  job->with_dialog = TRUE;
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
      /* The paper turned as the map is shaped: most maps are wide, and
       * so are the posters of them. */
      g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
      g_autoptr(JmLayout) layout = make_layout (job);
      double w, h;

      jm_layout_get_size (layout, &w, &h);
      gtk_page_setup_set_orientation (setup, w > h ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                   : GTK_PAGE_ORIENTATION_PORTRAIT);
      gtk_print_operation_set_default_page_setup (operation, setup);
    }
  setup_operation (job, operation);
  *job_out = job;
  return operation;
}

GtkPrintOperation *
jm_print_operation_new (GtkWindow  *parent,
                        JmDocument *document,
                        const char *persona_id,
                        const char *view_id,
                        GSettings  *settings)
{
  PrintJob *job;
  GtkPrintOperation *operation;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);

  operation = dialog_operation_new (parent, document, persona_id, view_id, settings, JM_EXPORT_MAP, &job);
  /* The operation holds the job. */
  print_job_unref (job);
  return operation;
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

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (JM_IS_DOCUMENT (document));

  operation = dialog_operation_new (parent, document, persona_id, view_id, settings, content, &job);

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

static gboolean print_to_pdf (JmDocument          *document,
                              const char          *persona_id,
                              const char          *view_id,
                              const JmPrintLayout *layout,
                              JmExportContent      content,
                              GtkPageSetup        *setup,
                              const char          *pdf_path,
                              GError             **error);

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
  JmPrintLayout lay;

  jm_print_layout_init (&lay);
  lay.poster = poster;
  lay.by_scale = TRUE;
  lay.scale = poster_scale;
  lay.page_map = FALSE;
  return jm_print_to_pdf_with_layout (document, persona_id, view_id, &lay, setup, pdf_path, error);
}

gboolean
jm_print_to_pdf_with_layout (JmDocument          *document,
                             const char          *persona_id,
                             const char          *view_id,
                             const JmPrintLayout *layout,
                             GtkPageSetup        *setup,
                             const char          *pdf_path,
                             GError             **error)
{
  return print_to_pdf (document, persona_id, view_id, layout, JM_EXPORT_MAP, setup, pdf_path, error);
}

gboolean
jm_print_sheets_to_pdf (JmDocument       *document,
                        JmExportContent   content,
                        GtkPageSetup     *setup,
                        const char       *pdf_path,
                        GError          **error)
{
  JmPrintLayout lay;

  g_return_val_if_fail (content == JM_EXPORT_PERSONA_SHEETS || content == JM_EXPORT_HANDOUT, FALSE);
  jm_print_layout_init (&lay);
  return print_to_pdf (document, NULL, NULL, &lay, content, setup, pdf_path, error);
}

static gboolean
print_to_pdf (JmDocument          *document,
              const char          *persona_id,
              const char          *view_id,
              const JmPrintLayout *layout,
              JmExportContent      content,
              GtkPageSetup        *setup,
              const char          *pdf_path,
              GError             **error)
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
  g_return_val_if_fail (layout != NULL, FALSE);
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

  job = print_job_new (document, persona_id, view_id, layout);
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
