/* test-print.c — printing through GtkPrintOperation, run to a PDF file
 * (the operation's export action) and read back with pdfinfo and
 * pdftotext: one page when fitted, the poster's grid of pages when tiled,
 * every part of the map on some page, the overlap on both sides of a
 * cut, on A4 and Letter in either orientation; the persona's view in the
 * print theme, as the PDF export draws it. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include "jm-export.h"
#include "jm-layout.h"
#include "jm-map-view.h"
#include "jm-poster.h"
#include "jm-print.h"
#include "jm-test-utils.h"
#include "jm-reader.h"

static char *tmpdir;

static JmDocument *
load_bike_shop (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("JM_SOURCE_ROOT"), "data", "examples",
                                            "bike-shop-vs-food-delivery.journey", NULL);
  g_autoptr(GError) error = NULL;
  JmDocument *doc = jm_reader_load_path (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static gboolean
have_poppler (void)
{
  g_autofree char *info = g_find_program_in_path ("pdfinfo");
  g_autofree char *text = g_find_program_in_path ("pdftotext");

  return info != NULL && text != NULL;
}

static char *
run (const char *cmd)
{
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (cmd, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", cmd, err);
  return out;
}

/* The value of a "Field: value" line of pdfinfo's output. */
static char *
info_field (const char *info,
            const char *field)
{
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], field) && lines[i][strlen (field)] == ':')
      return g_strstrip (g_strdup (lines[i] + strlen (field) + 1));
  return NULL;
}

static guint
pdf_pages (const char *pdf)
{
  g_autofree char *cmd = g_strdup_printf ("pdfinfo '%s'", pdf);
  g_autofree char *info = run (cmd);
  g_autofree char *pages = info_field (info, "Pages");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages, NULL, 10);
}

static char *
pdf_page_size (const char *pdf)
{
  g_autofree char *cmd = g_strdup_printf ("pdfinfo '%s'", pdf);
  g_autofree char *info = run (cmd);

  return info_field (info, "Page size");
}

/* The text of one page (first = last = page), or of all (page 0); words
 * joined by single spaces so that names broken across lines still match. */
static char *
pdf_text (const char *pdf,
          guint       page)
{
  g_autofree char *cmd = page > 0 ? g_strdup_printf ("pdftotext -f %u -l %u '%s' -", page, page, pdf)
                                  : g_strdup_printf ("pdftotext '%s' -", pdf);
  g_autofree char *text = run (cmd);
  g_auto(GStrv) words = g_strsplit_set (text, " \n\t\f", -1);
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_string_append_printf (joined, "%s ", words[i]);
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

typedef struct {
  double x;
  double y;
  char  *text;
} Word;

static void
word_clear (gpointer data)
{
  g_free (((Word *) data)->text);
}

/* Every word of one page with where it starts, in points from the page's
 * top-left corner (pdftotext -bbox). */
static GArray *
pdf_words (const char *pdf,
           guint       page)
{
  g_autofree char *cmd = g_strdup_printf ("pdftotext -bbox -f %u -l %u '%s' -", page, page, pdf);
  g_autofree char *html = run (cmd);
  g_autoptr(GRegex) regex = g_regex_new ("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\"[^>]*>([^<]*)</word>",
                                         0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GArray *words = g_array_new (FALSE, FALSE, sizeof (Word));

  g_array_set_clear_func (words, word_clear);
  g_regex_match (regex, html, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *x = g_match_info_fetch (match, 1);
      g_autofree char *y = g_match_info_fetch (match, 2);
      Word word = { g_ascii_strtod (x, NULL), g_ascii_strtod (y, NULL), g_match_info_fetch (match, 3) };

      g_array_append_val (words, word);
      g_match_info_next (match, NULL);
    }
  return words;
}

static gboolean
is_glue_label_word (const char *text)
{
  static const char *words[] = { "glue", "—", "goes", "over", "this", "strip" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (text, words[i]))
      return TRUE;
  return g_regex_match_simple ("^[A-Z]{1,2}[0-9]{1,2}$", text, 0, 0);
}

/* Each word that starts inside the strip (x, y, width, height) of the
 * first page is on the second page too, moved by (dx, dy). Returns how
 * many words were found. */
static guint
assert_words_repeat (GArray *first,
                     GArray *second,
                     double  x,
                     double  y,
                     double  width,
                     double  height,
                     double  dx,
                     double  dy)
{
  guint found = 0;

  for (guint i = 0; i < first->len; i++)
    {
      Word *word = &g_array_index (first, Word, i);
      gboolean again = FALSE;

      if (word->x < x || word->x >= x + width || word->y < y || word->y >= y + height)
        continue;
      /* The glue zone's own label ("glue — B1 goes over this strip") is
       * not the map's: it is on this sheet only. */
      if (is_glue_label_word (word->text))
        continue;
      for (guint j = 0; j < second->len && !again; j++)
        {
          Word *other = &g_array_index (second, Word, j);

          again = fabs (other->x - (word->x + dx)) < 0.5 && fabs (other->y - (word->y + dy)) < 0.5
                  && g_str_equal (other->text, word->text);
        }
      if (!again)
        g_error ("“%s” at %.1f, %.1f is in the overlap but not on the next sheet", word->text, word->x, word->y);
      found++;
    }
  return found;
}

static GtkPageSetup *
page_setup (const char         *paper,
            GtkPageOrientation  orientation)
{
  g_autoptr(GtkPaperSize) size = gtk_paper_size_new (paper);
  GtkPageSetup *setup = gtk_page_setup_new ();

  gtk_page_setup_set_paper_size_and_default_margins (setup, size);
  gtk_page_setup_set_orientation (setup, orientation);
  return setup;
}

static char *
print_to_pdf (JmDocument   *doc,
              gboolean      poster,
              double        scale,
              GtkPageSetup *setup,
              const char   *name)
{
  char *pdf = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_unlink (pdf);
  g_assert_true (jm_print_to_pdf (doc, NULL, NULL, poster, scale, setup, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  return pdf;
}

/* The size of the map as printing lays it out: print theme, every persona. */
static void
map_size (JmDocument *doc,
          double     *width,
          double     *height)
{
  g_autoptr(JmLayout) layout = NULL;
  JmRenderOptions options;

  jm_render_options_init (&options);
  options.theme = JM_THEME_PRINT;
  layout = jm_layout_new (doc, &options);
  jm_layout_get_size (layout, width, height);
}

/* How many sheets across one side of the poster needs: the sheet's
 * printable length minus its margins for cut marks holds one piece; each
 * further sheet adds a piece less the overlap. Worked out here, not by the
 * code under test. */
static guint
sheets_along (double map_points,
              double printable)
{
  double piece = printable - 2 * (10 * 72 / 25.4);
  double overlap = 10 * 72 / 25.4;
  guint n = 1;

  while (piece + (n - 1) * (piece - overlap) < map_points)
    n++;
  return n;
}

static void
test_fit_prints_one_landscape_a4_page (void)
{
  g_autoptr(JmDocument) doc = load_bike_shop ();
  g_autoptr(GtkPageSetup) setup = page_setup (GTK_PAPER_NAME_A4, GTK_PAGE_ORIENTATION_LANDSCAPE);
  g_autofree char *pdf = NULL;
  g_autofree char *size = NULL;
  g_autofree char *text = NULL;

  if (!have_poppler ())
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are needed");
      return;
    }

  pdf = print_to_pdf (doc, FALSE, 1.0, setup, "fit-a4-landscape.pdf");
  g_assert_cmpuint (pdf_pages (pdf), ==, 1);
  size = pdf_page_size (pdf);
  g_assert_true (g_str_has_prefix (size, "841.89 x 595.27") || g_str_has_prefix (size, "842 x 595"));

  text = pdf_text (pdf, 1);
  g_assert_nonnull (strstr (text, "Flat tyre vs. dinner delivery"));
  g_unlink (pdf);
}

static void
test_poster_pages_cover_every_stage_and_step (void)
{
  g_autoptr(JmDocument) doc = load_bike_shop ();
  g_autoptr(GtkPageSetup) setup = page_setup (GTK_PAPER_NAME_A4, GTK_PAGE_ORIENTATION_PORTRAIT);
  GPtrArray *stages = jm_document_get_stages (doc);
  g_autofree char *pdf = NULL;
  g_autofree char *size = NULL;
  g_autofree char *all = NULL;
  double w, h, pw, ph;
  guint nx, ny;

  if (!have_poppler ())
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are needed");
      return;
    }

  map_size (doc, &w, &h);
  pw = gtk_page_setup_get_page_width (setup, GTK_UNIT_POINTS);
  ph = gtk_page_setup_get_page_height (setup, GTK_UNIT_POINTS);
  nx = sheets_along (w * 0.75, pw);
  ny = sheets_along (h * 0.75, ph);
  g_test_message ("map %.0f × %.0f units, printable %.1f × %.1f pt: %u × %u sheets", w, h, pw, ph, nx, ny);
  g_assert_cmpuint (nx * ny, >, 1);

  pdf = print_to_pdf (doc, TRUE, 1.0, setup, "poster-a4.pdf");
  g_assert_cmpuint (pdf_pages (pdf), ==, nx * ny);
  size = pdf_page_size (pdf);
  g_assert_true (g_str_has_prefix (size, "595.27") || g_str_has_prefix (size, "595 x 842"));

  /* Every stage and every step is on some page. */
  all = pdf_text (pdf, 0);
  for (guint i = 0; i < stages->len; i++)
    {
      JmStage *stage = g_ptr_array_index (stages, i);

      g_test_message ("stage %s", stage->name);
      g_assert_nonnull (strstr (all, stage->name));
      for (guint j = 0; j < stage->steps->len; j++)
        {
          JmStep *step = g_ptr_array_index (stage->steps, j);

          g_test_message ("step %s", step->name);
          g_assert_nonnull (strstr (all, step->name));
        }
    }

  /* Each sheet says where it goes. */
  for (guint row = 0; row < ny; row++)
    for (guint col = 0; col < nx; col++)
      {
        g_autofree char *page = pdf_text (pdf, row * nx + col + 1);
        g_autofree char *label = g_strdup_printf ("row %u of %u, column %u of %u — overlap 10 mm",
                                                  row + 1, ny, col + 1, nx);

        g_assert_nonnull (strstr (page, label));
      }
  g_unlink (pdf);
}

/* What lies in the overlap at the right (or bottom) edge of one sheet's
 * piece lies again at the left (or top) edge of the next sheet's. */
static void
test_poster_overlap_is_printed_on_both_sheets (void)
{
  g_autoptr(JmDocument) doc = load_bike_shop ();
  g_autoptr(GtkPageSetup) setup = page_setup (GTK_PAPER_NAME_A4, GTK_PAGE_ORIENTATION_PORTRAIT);
  g_autofree char *pdf = NULL;
  double w, h, pw, ph, left, top, margin = 10 * 72 / 25.4, overlap = 10 * 72 / 25.4;
  double piece_w, piece_h;
  guint nx, ny, compared = 0;

  if (!have_poppler ())
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are needed");
      return;
    }

  map_size (doc, &w, &h);
  pw = gtk_page_setup_get_page_width (setup, GTK_UNIT_POINTS);
  ph = gtk_page_setup_get_page_height (setup, GTK_UNIT_POINTS);
  left = gtk_page_setup_get_left_margin (setup, GTK_UNIT_POINTS);
  top = gtk_page_setup_get_top_margin (setup, GTK_UNIT_POINTS);
  nx = sheets_along (w * 0.75, pw);
  ny = sheets_along (h * 0.75, ph);
  /* The map is shared evenly between the sheets of a row or column. */
  {
    JmPosterGrid grid;

    g_assert_true (jm_poster_grid_init (&grid, w, h, pw, ph, margin, 0.75, overlap));
    g_assert_cmpuint (grid.columns, ==, nx);
    g_assert_cmpuint (grid.rows, ==, ny);
    piece_w = grid.piece_width;
    piece_h = grid.piece_height;
    g_assert_cmpfloat (piece_w, <=, pw - 2 * margin);
  }

  pdf = print_to_pdf (doc, TRUE, 1.0, setup, "poster-overlap.pdf");
  g_assert_cmpuint (pdf_pages (pdf), ==, nx * ny);

  for (guint row = 0; row < ny; row++)
    for (guint col = 0; col < nx; col++)
      {
        guint page = row * nx + col + 1;
        g_autoptr(GArray) here = pdf_words (pdf, page);
        double x = left + margin, y = top + margin;

        if (col + 1 < nx)
          {
            g_autoptr(GArray) next = pdf_words (pdf, page + 1);

            compared += assert_words_repeat (here, next, x + piece_w - overlap, y, overlap, piece_h,
                                             -(piece_w - overlap), 0);
          }
        if (row + 1 < ny)
          {
            g_autoptr(GArray) below = pdf_words (pdf, page + nx);

            compared += assert_words_repeat (here, below, x, y + piece_h - overlap, piece_w, overlap,
                                             0, -(piece_h - overlap));
          }
      }
  g_test_message ("%u words in overlaps, each on both sheets", compared);
  /* Some of the strips have words in them: the test saw something. */
  g_assert_cmpuint (compared, >, 0);
  g_unlink (pdf);
}

static void
test_letter_paper_prints_fitted_and_as_poster (void)
{
  g_autoptr(JmDocument) doc = load_bike_shop ();
  g_autoptr(GtkPageSetup) portrait = page_setup (GTK_PAPER_NAME_LETTER, GTK_PAGE_ORIENTATION_PORTRAIT);
  g_autoptr(GtkPageSetup) landscape = page_setup (GTK_PAPER_NAME_LETTER, GTK_PAGE_ORIENTATION_LANDSCAPE);
  g_autofree char *fit = NULL;
  g_autofree char *poster = NULL;
  g_autofree char *size = NULL;
  g_autofree char *text = NULL;
  double w, h;
  guint nx, ny;

  if (!have_poppler ())
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are needed");
      return;
    }

  fit = print_to_pdf (doc, FALSE, 1.0, portrait, "fit-letter.pdf");
  g_assert_cmpuint (pdf_pages (fit), ==, 1);
  size = pdf_page_size (fit);
  g_assert_cmpstr (size, ==, "612 x 792 pts (letter)");
  g_clear_pointer (&size, g_free);

  /* Twice the size on landscape Letter. */
  map_size (doc, &w, &h);
  nx = sheets_along (w * 0.75 * 2, gtk_page_setup_get_page_width (landscape, GTK_UNIT_POINTS));
  ny = sheets_along (h * 0.75 * 2, gtk_page_setup_get_page_height (landscape, GTK_UNIT_POINTS));
  poster = print_to_pdf (doc, TRUE, 2.0, landscape, "poster-letter.pdf");
  g_assert_cmpuint (pdf_pages (poster), ==, nx * ny);
  size = pdf_page_size (poster);
  g_assert_cmpstr (size, ==, "792 x 612 pts (letter)");
  text = pdf_text (poster, 0);
  g_assert_nonnull (strstr (text, "Welded blister pack"));
  g_unlink (fit);
  g_unlink (poster);
}

static void
test_poster_too_large_for_the_paper_fails_with_a_reason (void)
{
  g_autoptr(JmDocument) doc = load_bike_shop ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) stamp = gtk_paper_size_new_custom ("stamp", "Stamp", 30, 30, GTK_UNIT_MM);
  g_autofree char *pdf = g_build_filename (tmpdir, "stamp.pdf", NULL);
  g_autoptr(GError) error = NULL;

  gtk_page_setup_set_paper_size (setup, stamp);
  gtk_page_setup_set_top_margin (setup, 0, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (setup, 0, GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (setup, 0, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (setup, 0, GTK_UNIT_MM);
  g_assert_false (jm_print_to_pdf (doc, NULL, NULL, TRUE, 4.0, setup, pdf, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "pages"));
  /* Nothing half-written is left behind. */
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_rmdir (tmpdir), ==, 0);
  g_assert_cmpint (g_mkdir (tmpdir, 0700), ==, 0);
}

/* The first page of a PDF drawn at 30 dpi in grey (a PGM file's bytes). */
static GBytes *
pdf_picture (const char *pdf)
{
  g_autofree char *prefix = g_build_filename (tmpdir, "picture", NULL);
  g_autofree char *cmd = g_strdup_printf ("pdftoppm -r 30 -gray -singlefile '%s' '%s'", pdf, prefix);
  g_autofree char *file = g_strconcat (prefix, ".pgm", NULL);
  char *data = NULL;
  gsize len = 0;

  g_free (run (cmd));
  g_assert_true (g_file_get_contents (file, &data, &len, NULL));
  g_unlink (file);
  return g_bytes_new_take (data, len);
}

/* Printing draws what the PDF export draws: a persona's view in the print
 * theme, on A4 with the export's 10 mm margins, is the same picture. */
static void
test_print_shows_the_persona_view_in_the_print_theme (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("JM_SOURCE_ROOT"), "data", "examples",
                                            "restaurant-regular.journey", NULL);
  g_autoptr(JmDocument) doc = jm_reader_load_path (path, NULL, NULL);
  g_autoptr(GtkPageSetup) setup = page_setup (GTK_PAPER_NAME_A4, GTK_PAGE_ORIENTATION_PORTRAIT);
  g_autofree char *printed = NULL;
  g_autofree char *all = NULL;
  g_autofree char *exported = g_build_filename (tmpdir, "exported.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) exported_picture = NULL;
  g_autoptr(GBytes) printed_picture = NULL;
  g_autoptr(GBytes) all_picture = NULL;
  JmExportOptions options;

  if (!have_poppler ())
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are needed");
      return;
    }
  g_assert_nonnull (doc);

  gtk_page_setup_set_top_margin (setup, 10, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (setup, 10, GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (setup, 10, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (setup, 10, GTK_UNIT_MM);

  jm_export_options_init (&options);
  options.theme = JM_THEME_PRINT;
  options.persona_id = "p-marta";
  options.page = JM_PAGE_A4;
  g_assert_true (jm_export_to_path (doc, exported, &options, &error));
  g_assert_no_error (error);

  printed = g_build_filename (tmpdir, "persona.pdf", NULL);
  g_assert_true (jm_print_to_pdf (doc, "p-marta", NULL, FALSE, 1.0, setup, printed, &error));
  g_assert_no_error (error);
  exported_picture = pdf_picture (exported);
  printed_picture = pdf_picture (printed);
  g_assert_true (g_bytes_equal (printed_picture, exported_picture));

  /* And everyone's view is another picture. */
  all = print_to_pdf (doc, FALSE, 1.0, setup, "everyone.pdf");
  all_picture = pdf_picture (all);
  g_assert_false (g_bytes_equal (all_picture, printed_picture));
  g_unlink (exported);
  g_unlink (printed);
  g_unlink (all);
}

/* Printing through a named view prints its lanes and personas only, on
 * one page and as a poster. */
static void
test_print_through_a_view_leaves_out_its_other_lanes (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("JM_SOURCE_ROOT"), "data", "examples",
                                            "restaurant-regular.journey", NULL);
  g_autoptr(JmDocument) doc = jm_reader_load_path (path, NULL, NULL);
  g_autoptr(GtkPageSetup) setup = page_setup (GTK_PAPER_NAME_A4, GTK_PAGE_ORIENTATION_LANDSCAPE);
  g_autoptr(GError) error = NULL;
  JmMapView *view = jm_map_view_new ("v-front", "Front of house");
  const char *lanes[] = { "l-touch", "l-pain", NULL };
  const char *personas[] = { "p-marta", NULL };

  if (!have_poppler ())
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are needed");
      return;
    }
  view->lanes = g_strdupv ((char **) lanes);
  view->personas = g_strdupv ((char **) personas);
  jm_document_set_view (doc, view);

  for (int poster = 0; poster < 2; poster++)
    {
      g_autofree char *pdf = g_build_filename (tmpdir, "view.pdf", NULL);
      g_autofree char *text = NULL;

      g_assert_true (jm_print_to_pdf (doc, NULL, "v-front", poster, 1.0, setup, pdf, &error));
      g_assert_no_error (error);
      text = pdf_text (pdf, 0);
      g_assert_nonnull (strstr (text, "Touchpoints"));
      g_assert_nonnull (strstr (text, "Marta Conti"));
      g_assert_null (strstr (text, "Backstage"));
      g_assert_null (strstr (text, "Customer actions"));
      g_assert_null (strstr (text, "Paolo Ferri"));
      g_unlink (pdf);
    }
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type,
             const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      const char *text = NULL;

      if (GTK_IS_CHECK_BUTTON (root))
        text = gtk_check_button_get_label (GTK_CHECK_BUTTON (root));
      else if (GTK_IS_LABEL (root))
        text = gtk_label_get_text (GTK_LABEL (root));
      if (label == NULL || g_strcmp0 (text, label) == 0
          || (label[0] == '*' && text != NULL && strstr (text, label + 1) != NULL))
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The print dialog: a dialog with our Layout tab in it. */
static GtkWidget *
find_print_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (GTK_IS_DIALOG (item) && gtk_widget_get_visible (GTK_WIDGET (item))
          && find_widget (GTK_WIDGET (item), GTK_TYPE_CHECK_BUTTON, "_Fit to one page") != NULL)
        return GTK_WIDGET (item);
    }
  return NULL;
}

/* The print dialog has a Layout tab: fit or poster, and a preview that
 * counts the poster's pages. */
static void
test_layout_tab_counts_the_poster_pages (void)
{
  g_autoptr(JmDocument) doc = load_bike_shop ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *dialog = NULL, *fit, *poster, *pages, *preview;
  const char *text;
  guint n = 0, across = 0, down = 0;

  gtk_window_present (GTK_WINDOW (window));
  jm_print_run (GTK_WINDOW (window), doc, NULL, NULL, NULL);
  for (guint i = 0; i < 100 && dialog == NULL; i++)
    {
      jm_test_spin_for (50);
      dialog = find_print_dialog ();
    }
  g_assert_nonnull (dialog);

  fit = find_widget (dialog, GTK_TYPE_CHECK_BUTTON, "_Fit to one page");
  poster = find_widget (dialog, GTK_TYPE_CHECK_BUTTON, "*_Poster across several pages");
  g_assert_nonnull (fit);
  g_assert_nonnull (poster);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (fit)));
  pages = find_widget (gtk_widget_get_parent (poster), GTK_TYPE_LABEL, "1 page");
  g_assert_nonnull (pages);
  preview = find_widget (gtk_widget_get_parent (poster), GTK_TYPE_DRAWING_AREA, NULL);
  g_assert_nonnull (preview);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (poster), TRUE);
  jm_test_spin_for (50);
  text = gtk_label_get_text (GTK_LABEL (pages));
  g_test_message ("poster: %s", text);
  g_assert_cmpint (sscanf (text, "%u sheets (%u × %u)", &n, &across, &down), ==, 3);
  g_assert_cmpuint (n, ==, across * down);
  g_assert_cmpuint (n, >, 1);

  /* At a scale: twice the scale, more pages. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_widget (gtk_widget_get_parent (poster),
                                                              GTK_TYPE_CHECK_BUTTON, "Sc_ale")), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_named (gtk_widget_get_parent (poster), "scale")), 100);
  jm_test_spin_for (50);
  g_assert_cmpint (sscanf (gtk_label_get_text (GTK_LABEL (pages)), "%u sheets (%u × %u)", &n, &across, &down), ==, 3);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_named (gtk_widget_get_parent (poster), "scale")), 200);
  jm_test_spin_for (50);
  {
    guint n2 = 0, across2 = 0, down2 = 0;

    g_assert_cmpint (sscanf (gtk_label_get_text (GTK_LABEL (pages)), "%u sheets (%u × %u)",
                             &n2, &across2, &down2), ==, 3);
    g_assert_cmpuint (n2, >, n);
  }

  gtk_check_button_set_active (GTK_CHECK_BUTTON (fit), TRUE);
  jm_test_spin_for (50);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (pages)), ==, "1 page");

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  G_GNUC_END_IGNORE_DEPRECATIONS
  jm_test_spin_for (200);
  g_assert_null (find_print_dialog ());
  gtk_window_destroy (GTK_WINDOW (window));
  jm_test_spin_for (50);
}

/* The Layout tab, made as the print dialog makes it (the operation's
 * create-custom-widget), for a wide map: the paper turned landscape,
 * sheets across from the map's size, overlap, glue zones and page map;
 * the count "N sheets (C × R)" as the planner counts; and apply stores the
 * choices, which the next print dialog starts with. */
static void
test_layout_tab_sets_sheets_across_and_overlap_and_remembers_them (void)
{
  g_autoptr(JmDocument) doc = load_bike_shop ();
  g_autoptr(GSettings) settings = g_settings_new ("io.github.journeymaps.JourneyMaps");
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPrintOperation) again = NULL;
  GtkPageSetup *setup;
  GObject *tab = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *poster, *pages;
  JmPrintLayout lay;
  guint n, columns, rows, sheets = 0, c = 0, r = 0;
  double w, h;
  g_autofree char *expected = NULL;

  g_settings_reset (settings, "print-poster");
  g_settings_reset (settings, "print-poster-sheets-across");
  g_settings_reset (settings, "print-poster-overlap");
  g_settings_reset (settings, "print-glue-zones");
  g_settings_reset (settings, "print-page-map");
  g_settings_reset (settings, "print-poster-by-scale");

  operation = jm_print_operation_new (GTK_WINDOW (window), doc, NULL, NULL, settings);
  /* The map is wider than tall: the dialog starts landscape. */
  map_size (doc, &w, &h);
  g_assert_cmpfloat (w, >, h);
  setup = gtk_print_operation_get_default_page_setup (operation);
  g_assert_nonnull (setup);
  g_assert_cmpint (gtk_page_setup_get_orientation (setup), ==, GTK_PAGE_ORIENTATION_LANDSCAPE);

  g_signal_emit_by_name (operation, "create-custom-widget", &tab);
  g_assert_true (GTK_IS_WIDGET (tab));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (tab));
  gtk_window_present (GTK_WINDOW (window));
  jm_test_spin_for (50);

  poster = find_widget (GTK_WIDGET (tab), GTK_TYPE_CHECK_BUTTON, "*_Poster across several pages");
  pages = find_widget (GTK_WIDGET (tab), GTK_TYPE_LABEL, "1 page");
  g_assert_nonnull (poster);
  g_assert_nonnull (pages);
  g_assert_nonnull (find_widget (GTK_WIDGET (tab), GTK_TYPE_LABEL, "*Page Setup tab"));
  /* Sheets across by default, as many as the map takes at the PDF's scale. */
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (find_widget (GTK_WIDGET (tab), GTK_TYPE_CHECK_BUTTON,
                                                                             "Sheets _across"))));
  {
    JmPosterGrid grid;
    double pw = gtk_page_setup_get_page_width (setup, GTK_UNIT_POINTS);
    double ph = gtk_page_setup_get_page_height (setup, GTK_UNIT_POINTS);

    g_assert_true (jm_poster_grid_init (&grid, w, h, pw, ph, JM_POSTER_MARGIN, JM_POINTS_PER_UNIT,
                                        10 * JM_POINTS_PER_MM));
    g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (find_named (GTK_WIDGET (tab), "sheets-across"))),
                     ==, (int) grid.columns);
  }

  gtk_check_button_set_active (GTK_CHECK_BUTTON (poster), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_named (GTK_WIDGET (tab), "sheets-across")), 3);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_named (GTK_WIDGET (tab), "overlap")), 15);
  jm_test_spin_for (50);

  jm_print_layout_init (&lay);
  lay.poster = TRUE;
  lay.sheets_across = 3;
  lay.overlap_mm = 15;
  sheets = jm_print_count_sheets (doc, NULL, NULL, &lay, setup, &c, &r);
  g_assert_cmpuint (c, ==, 3);
  g_test_message ("%s", gtk_label_get_text (GTK_LABEL (pages)));
  g_assert_cmpint (sscanf (gtk_label_get_text (GTK_LABEL (pages)), "%u sheets (%u × %u)", &n, &columns, &rows), ==, 3);
  g_assert_cmpuint (n, ==, sheets);
  g_assert_cmpuint (columns, ==, 3);
  g_assert_cmpuint (rows, ==, r);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (pages)), "page map"));

  gtk_switch_set_active (GTK_SWITCH (find_named (GTK_WIDGET (tab), "page-map")), FALSE);
  gtk_switch_set_active (GTK_SWITCH (find_named (GTK_WIDGET (tab), "glue-zones")), FALSE);
  jm_test_spin_for (50);
  expected = g_strdup_printf ("%u sheets (3 × %u)", sheets, r);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (pages)), ==, expected);

  g_signal_emit_by_name (operation, "custom-widget-apply", tab);
  g_assert_true (g_settings_get_boolean (settings, "print-poster"));
  g_assert_false (g_settings_get_boolean (settings, "print-poster-by-scale"));
  g_assert_cmpuint (g_settings_get_uint (settings, "print-poster-sheets-across"), ==, 3);
  g_assert_cmpfloat (g_settings_get_double (settings, "print-poster-overlap"), ==, 15);
  g_assert_false (g_settings_get_boolean (settings, "print-glue-zones"));
  g_assert_false (g_settings_get_boolean (settings, "print-page-map"));

  /* The next print dialog starts where this one was left. */
  gtk_window_set_child (GTK_WINDOW (window), NULL);
  again = jm_print_operation_new (GTK_WINDOW (window), doc, NULL, NULL, settings);
  tab = NULL;
  g_signal_emit_by_name (again, "create-custom-widget", &tab);
  g_assert_true (GTK_IS_WIDGET (tab));
  g_object_ref_sink (tab);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (find_widget (GTK_WIDGET (tab), GTK_TYPE_CHECK_BUTTON,
                                                                             "*_Poster across several pages"))));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (find_named (GTK_WIDGET (tab), "sheets-across"))), ==, 3);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (find_named (GTK_WIDGET (tab), "overlap"))), ==, 15);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (find_named (GTK_WIDGET (tab), "page-map"))));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (find_named (GTK_WIDGET (tab), "glue-zones"))));
  g_object_unref (tab);

  g_settings_reset (settings, "print-poster");
  g_settings_reset (settings, "print-poster-sheets-across");
  g_settings_reset (settings, "print-poster-overlap");
  g_settings_reset (settings, "print-glue-zones");
  g_settings_reset (settings, "print-page-map");
  gtk_window_destroy (GTK_WINDOW (window));
  jm_test_spin_for (50);
}

/* A poster by sheets across prints its page map first, then its sheets,
 * each named; without the page map, the sheets alone. */
static void
test_poster_by_sheets_prints_a_page_map_then_the_sheets (void)
{
  g_autoptr(JmDocument) doc = load_bike_shop ();
  g_autoptr(GtkPageSetup) setup = page_setup (GTK_PAPER_NAME_A4, GTK_PAGE_ORIENTATION_LANDSCAPE);
  g_autofree char *pdf = g_build_filename (tmpdir, "poster-sheets.pdf", NULL);
  g_autoptr(GError) error = NULL;
  JmPrintLayout lay;
  guint sheets, columns, rows;

  if (!have_poppler ())
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are needed");
      return;
    }

  jm_print_layout_init (&lay);
  lay.poster = TRUE;
  lay.sheets_across = 3;
  sheets = jm_print_count_sheets (doc, NULL, NULL, &lay, setup, &columns, &rows);
  g_assert_cmpuint (columns, ==, 3);
  g_assert_cmpuint (sheets, ==, 3 * rows);

  g_assert_true (jm_print_to_pdf_with_layout (doc, NULL, NULL, &lay, setup, pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_pages (pdf), ==, 1 + sheets);
  {
    g_autofree char *first = pdf_text (pdf, 1);
    g_autofree char *second = pdf_text (pdf, 2);
    g_autofree char *last = pdf_text (pdf, 1 + sheets);
    g_autofree char *name = g_strdup_printf ("Sheet %u · C%u", sheets, rows);

    g_assert_nonnull (strstr (first, "How the sheets go together"));
    g_assert_nonnull (strstr (second, "Sheet 1 · A1"));
    g_assert_nonnull (strstr (second, "glue — B1 goes over this strip"));
    g_assert_nonnull (strstr (last, name));
  }

  lay.page_map = FALSE;
  lay.glue_zones = FALSE;
  g_assert_true (jm_print_to_pdf_with_layout (doc, NULL, NULL, &lay, setup, pdf, &error));
  g_assert_cmpuint (pdf_pages (pdf), ==, sheets);
  {
    g_autofree char *first = pdf_text (pdf, 1);

    g_assert_nonnull (strstr (first, "Sheet 1 · A1"));
    g_assert_null (strstr (first, "glue"));
  }
  g_unlink (pdf);
}

/* Above twenty sheets printing asks; at twenty or fewer it does not. */
static void
test_asks_before_printing_more_than_twenty_sheets (void)
{
  g_autoptr(JmDocument) doc = load_bike_shop ();
  g_autoptr(GtkPageSetup) setup = page_setup (GTK_PAPER_NAME_A4, GTK_PAGE_ORIENTATION_LANDSCAPE);
  JmPrintLayout lay;
  guint big, small;

  g_assert_false (jm_print_asks_before_printing (20));
  g_assert_true (jm_print_asks_before_printing (21));

  jm_print_layout_init (&lay);
  lay.poster = TRUE;
  lay.sheets_across = 8;
  big = jm_print_count_sheets (doc, NULL, NULL, &lay, setup, NULL, NULL);
  lay.sheets_across = 2;
  small = jm_print_count_sheets (doc, NULL, NULL, &lay, setup, NULL, NULL);
  g_test_message ("8 across: %u sheets, 2 across: %u", big, small);
  g_assert_true (jm_print_asks_before_printing (big));
  g_assert_false (jm_print_asks_before_printing (small));
  /* Fitted is one page: nothing to ask. */
  lay.poster = FALSE;
  g_assert_cmpuint (jm_print_count_sheets (doc, NULL, NULL, &lay, setup, NULL, NULL), ==, 0);
}

static GtkWidget *
find_sheets_question (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (item) && gtk_widget_get_visible (GTK_WIDGET (item))
          && g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (item)), "jm-print-sheets-question") == 0)
        return GTK_WIDGET (item);
    }
  return NULL;
}

/* Answers the sheets question once it shows, from the main loop: the
 * print operation waits for the answer inside the dialog's response. */
typedef struct {
  const char *response;
  char       *body;
  gboolean    answered;
} Answering;

static gboolean
answer_question (gpointer data)
{
  Answering *a = data;
  GtkWidget *question = find_sheets_question ();

  if (question == NULL)
    return G_SOURCE_CONTINUE;
  g_free (a->body);
  a->body = g_strdup (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (question)));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (question), "print"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (question), "change"));
  if (g_str_equal (a->response, "cancel"))
    gtk_window_close (GTK_WINDOW (question));   /* as Escape does */
  else
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), a->response);
  a->answered = TRUE;
  return G_SOURCE_REMOVE;
}

/* Opens the print dialog as jm_print_run does, on the "Print to File"
 * printer, presses Print in it, and answers the question (if it comes)
 * with response. Returns whether it came. */
static gboolean
print_and_answer (GtkWindow        *window,
                  JmDocument       *doc,
                  GSettings        *settings,
                  GtkPrintSettings *print_settings,
                  const char       *response,
                  char            **body)
{
  g_autoptr(GtkPrintOperation) operation = jm_print_operation_new (window, doc, NULL, NULL, settings);
  GtkWidget *dialog = NULL;
  Answering a = { response, NULL, FALSE };
  guint source;

  gtk_print_operation_set_print_settings (operation, print_settings);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, window, NULL),
                   ==, GTK_PRINT_OPERATION_RESULT_IN_PROGRESS);
  for (guint i = 0; i < 100 && dialog == NULL; i++)
    {
      jm_test_spin_for (50);
      dialog = find_print_dialog ();
    }
  g_assert_nonnull (dialog);
  /* Printers come in as the backends find them. */
  jm_test_spin_for (500);
  source = g_timeout_add (50, answer_question, &a);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  G_GNUC_END_IGNORE_DEPRECATIONS
  jm_test_spin_for (300);
  if (!a.answered)
    g_source_remove (source);
  *body = a.body;
  return a.answered;
}

/* Printing a poster of more than twenty sheets from the print dialog
 * stops and asks, saying how many: Cancel prints nothing, Print prints
 * the page map and every sheet, Change Layout… opens the dialog again; a
 * poster of few sheets prints without a question. */
static void
test_print_dialog_asks_about_a_big_poster (void)
{
  g_autoptr(JmDocument) doc = load_bike_shop ();
  g_autoptr(GSettings) settings = g_settings_new ("io.github.journeymaps.JourneyMaps");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *dialog = NULL;
  g_autoptr(GtkPrintSettings) print_settings = gtk_print_settings_new ();
  g_autofree char *pdf = g_build_filename (tmpdir, "big-poster.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (pdf, NULL, NULL);
  guint n = 0, c = 0, r = 0;

  g_settings_set_boolean (settings, "print-poster", TRUE);
  g_settings_set_uint (settings, "print-poster-sheets-across", 5);
  gtk_window_present (GTK_WINDOW (window));
  gtk_print_settings_set_printer (print_settings, "Print to File");
  gtk_print_settings_set (print_settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  gtk_print_settings_set (print_settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  g_unlink (pdf);

  /* Cancel. */
  {
    g_autofree char *body = NULL;

    g_assert_true (print_and_answer (GTK_WINDOW (window), doc, settings, print_settings, "cancel", &body));
    g_test_message ("%s", body);
    g_assert_cmpint (sscanf (body, "This poster takes %u sheets of A4 (%u × %u).", &n, &c, &r), ==, 3);
    g_assert_cmpuint (n, >, 20);
    g_assert_cmpuint (c, ==, 5);
    g_assert_cmpuint (n, ==, c * r);
    jm_test_spin_for (200);
    g_assert_null (find_sheets_question ());
    g_assert_null (find_print_dialog ());
    g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  }

  /* Print: the page map and every sheet. */
  {
    g_autofree char *body = NULL;

    g_assert_true (print_and_answer (GTK_WINDOW (window), doc, settings, print_settings, "print", &body));
    for (guint i = 0; i < 600 && !g_file_test (pdf, G_FILE_TEST_EXISTS); i++)
      jm_test_spin_for (50);
    jm_test_spin_for (500);
    g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
    if (have_poppler ())
      g_assert_cmpuint (pdf_pages (pdf), ==, 1 + n);
    g_assert_null (find_sheets_question ());
    g_unlink (pdf);
  }

  /* Change Layout…: the print dialog again. */
  {
    g_autofree char *body = NULL;

    g_assert_true (print_and_answer (GTK_WINDOW (window), doc, settings, print_settings, "change", &body));
    for (guint i = 0; i < 100 && dialog == NULL; i++)
      {
        jm_test_spin_for (50);
        dialog = find_print_dialog ();
      }
    g_assert_nonnull (dialog);
    g_assert_null (find_sheets_question ());
    G_GNUC_BEGIN_IGNORE_DEPRECATIONS
    gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
    G_GNUC_END_IGNORE_DEPRECATIONS
    jm_test_spin_for (200);
    g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  }

  /* Few sheets: printed straight away. */
  {
    g_autofree char *body = NULL;

    g_settings_set_uint (settings, "print-poster-sheets-across", 2);
    g_assert_false (print_and_answer (GTK_WINDOW (window), doc, settings, print_settings, "cancel", &body));
    for (guint i = 0; i < 600 && !g_file_test (pdf, G_FILE_TEST_EXISTS); i++)
      jm_test_spin_for (50);
    jm_test_spin_for (500);
    g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
    g_assert_null (find_sheets_question ());
    g_unlink (pdf);
  }

  g_settings_reset (settings, "print-poster");
  g_settings_reset (settings, "print-poster-sheets-across");
  gtk_window_destroy (GTK_WINDOW (window));
  jm_test_spin_for (50);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Meson reads 77 as "skipped": GTK needs a display (Xvfb). */
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: skipping the print tests\n");
      return 77;
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  tmpdir = g_dir_make_tmp ("jm-print-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);

  g_test_add_func ("/app/print/fit-prints-one-landscape-a4-page", test_fit_prints_one_landscape_a4_page);
  g_test_add_func ("/app/print/poster-pages-cover-every-stage-and-step", test_poster_pages_cover_every_stage_and_step);
  g_test_add_func ("/app/print/poster-overlap-is-printed-on-both-sheets", test_poster_overlap_is_printed_on_both_sheets);
  g_test_add_func ("/app/print/letter-paper-prints-fitted-and-as-poster", test_letter_paper_prints_fitted_and_as_poster);
  g_test_add_func ("/app/print/print-shows-the-persona-view-in-the-print-theme",
                   test_print_shows_the_persona_view_in_the_print_theme);
  g_test_add_func ("/app/print/layout-tab-counts-the-poster-pages", test_layout_tab_counts_the_poster_pages);
  g_test_add_func ("/app/print/layout-tab-sets-sheets-across-and-overlap-and-remembers-them",
                   test_layout_tab_sets_sheets_across_and_overlap_and_remembers_them);
  g_test_add_func ("/app/print/poster-by-sheets-prints-a-page-map-then-the-sheets",
                   test_poster_by_sheets_prints_a_page_map_then_the_sheets);
  g_test_add_func ("/app/print/asks-before-printing-more-than-twenty-sheets",
                   test_asks_before_printing_more_than_twenty_sheets);
  g_test_add_func ("/app/print/print-dialog-asks-about-a-big-poster", test_print_dialog_asks_about_a_big_poster);
  g_test_add_func ("/app/print/through-a-view-leaves-out-its-other-lanes",
                   test_print_through_a_view_leaves_out_its_other_lanes);
  g_test_add_func ("/app/print/poster-too-large-for-the-paper-fails-with-a-reason",
                   test_poster_too_large_for_the_paper_fails_with_a_reason);

  status = g_test_run ();
  g_rmdir (tmpdir);
  g_free (tmpdir);
  return status;
}
