/* test-print-sheets.c — printing persona sheets and the summary handout
 * through the window's GtkPrintOperation, run to a PDF file (the
 * operation's export action) and read back with pdfinfo and pdftotext: a
 * portrait page per persona, or the handout on one page, on the paper the
 * page setup names. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "jm-print.h"
#include "jm-test-utils.h"

static gboolean
have_poppler (void)
{
  g_autofree char *info = g_find_program_in_path ("pdfinfo");
  g_autofree char *text = g_find_program_in_path ("pdftotext");

  return info != NULL && text != NULL;
}

static char *
run (const char *tool,
     const char *pdf)
{
  const char *text[] = { tool, "-enc", "UTF-8", pdf, "-", NULL };
  const char *info[] = { tool, pdf, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) (strcmp (tool, "pdfinfo") == 0 ? info : text), NULL,
                G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static char *
print (JmDocument      *doc,
       JmExportContent  content,
       const char      *paper)
{
  g_autofree char *dir = g_dir_make_tmp ("jm-print-sheets-XXXXXX", NULL);
  char *pdf = g_build_filename (dir, "out.pdf", NULL);
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) size = gtk_paper_size_new (paper);
  g_autoptr(GError) error = NULL;

  gtk_page_setup_set_paper_size_and_default_margins (setup, size);
  g_assert_true (jm_print_sheets_to_pdf (doc, content, setup, pdf, &error));
  g_assert_no_error (error);
  return pdf;
}

static void
test_persona_sheets_print_a_page_each (void)
{
  g_autoptr(JmDocument) doc = jm_test_load_example ("restaurant-regular.journey");
  g_autofree char *pdf = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;

  if (!have_poppler ())
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are needed");
      return;
    }
  pdf = print (doc, JM_EXPORT_PERSONA_SHEETS, GTK_PAPER_NAME_A4);
  info = run ("pdfinfo", pdf);
  text = run ("pdftotext", pdf);
  g_assert_nonnull (strstr (info, "Pages:           2\n"));
  g_assert_nonnull (strstr (info, "(A4)"));
  g_assert_nonnull (strstr (text, "Paolo Ferri"));
  g_assert_nonnull (strstr (text, "Marta Conti"));
  g_assert_nonnull (strstr (text, "Preferred channels"));
  g_unlink (pdf);
}

static void
test_handout_prints_on_one_letter_page (void)
{
  g_autoptr(JmDocument) doc = jm_test_load_example ("online-shop.journey");
  g_autofree char *pdf = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;

  if (!have_poppler ())
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are needed");
      return;
    }
  pdf = print (doc, JM_EXPORT_HANDOUT, GTK_PAPER_NAME_LETTER);
  info = run ("pdfinfo", pdf);
  text = run ("pdftotext", pdf);
  g_assert_nonnull (strstr (info, "Pages:           1\n"));
  g_assert_nonnull (strstr (info, "612 x 792"));
  g_assert_nonnull (strstr (text, "Top pain points"));
  g_assert_nonnull (strstr (text, "Late shipping costs"));
  g_unlink (pdf);
}

int
main (int   argc,
      char *argv[])
{
  /* Meson reads 77 as "skipped": GTK needs a display (Xvfb). */
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: skipping the print tests\n");
      return 77;
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  jm_test_bind_translations ();

  g_test_add_func ("/app/print/persona-sheets-a-page-each", test_persona_sheets_print_a_page_each);
  g_test_add_func ("/app/print/handout-on-one-letter-page", test_handout_prints_on_one_letter_page);
  return g_test_run ();
}
