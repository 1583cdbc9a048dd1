/* test-cli-compare.c — `journey-maps --export=OUT --compare=OLD FILE`, run
 * as a user would: the PDF's text (read back with pdftotext) lists the
 * changes with their old → new values; a PNG is written; formats and
 * options that do not apply are refused with status 2, a broken OLD with 1
 * and no output left behind. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

static const char *binary;
static char *dir;

static int
run (char **out,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  va_list args;
  int wait_status;

  va_start (args, out);
  for (const char *a = va_arg (args, const char *); a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_SEARCH_PATH, NULL, NULL,
                out, &err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  if (WEXITSTATUS (wait_status) != 0)
    g_test_message ("stderr: %s", err);
  return WEXITSTATUS (wait_status);
}

static char *
write_map (const char *name,
           const char *card_text,
           const char *csat,
           gboolean    with_extra)
{
  g_autofree char *xml = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<journey-map xmlns=\"urn:journey-maps:1\" format-version=\"1\">\n"
    "  <title>Bike repair</title>\n"
    "  <stages>\n"
    "    <stage id=\"a\" name=\"Awareness\">\n"
    "      <step id=\"s1\" name=\"Sees ad\"/>\n"
    "      <step id=\"s2\" name=\"Searches\"/>\n"
    "    </stage>\n"
    "  </stages>\n"
    "  <lanes>\n"
    "    <lane id=\"touch\" kind=\"touchpoints\" title=\"Touchpoints\">\n"
    "      <card id=\"web\" step=\"s1\" channel=\"website\">\n"
    "        <text>%s</text>\n"
    "        <metric id=\"m1\" kind=\"csat\" value=\"%s\"/>\n"
    "      </card>\n"
    "%s"
    "    </lane>\n"
    "  </lanes>\n"
    "</journey-map>\n",
    card_text, csat,
    with_extra ? "      <card id=\"shop\" step=\"s2\" channel=\"store\">\n"
                 "        <text>Bike shop counter</text>\n"
                 "      </card>\n" : "");
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, xml, -1, NULL));
  return path;
}

static void
test_pdf_lists_changes_with_old_and_new_values (void)
{
  g_autofree char *old_path = write_map ("old.journey", "Website", "22", FALSE);
  g_autofree char *new_path = write_map ("new.journey", "Web shop", "41", TRUE);
  g_autofree char *pdf = g_build_filename (dir, "changes.pdf", NULL);
  g_autofree char *export_arg = g_strconcat ("--export=", pdf, NULL);
  g_autofree char *compare_arg = g_strconcat ("--compare=", old_path, NULL);
  g_autofree char *text = NULL;

  g_assert_cmpint (run (NULL, binary, export_arg, compare_arg, new_path, NULL), ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (run (&text, "pdftotext", pdf, "-", NULL), ==, 0);
  g_assert_nonnull (strstr (text, "Changes since old.journey"));
  g_assert_nonnull (strstr (text, "+ Card “Bike shop counter”"));
  g_assert_nonnull (strstr (text, "“Website” → “Web shop”"));
  /* The badge over the card, as the metric reads. */
  g_assert_nonnull (strstr (text, "CSAT 22% → 41%"));
  g_unlink (pdf);
}

static void
test_png_is_written (void)
{
  g_autofree char *old_path = write_map ("old.journey", "Website", "22", FALSE);
  g_autofree char *new_path = write_map ("new.journey", "Web shop", "41", TRUE);
  g_autofree char *png = g_build_filename (dir, "changes.png", NULL);
  g_autofree char *export_arg = g_strconcat ("--export=", png, NULL);
  g_autofree char *compare_arg = g_strconcat ("--compare=", old_path, NULL);
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_cmpint (run (NULL, binary, export_arg, compare_arg, "--theme=dark", new_path, NULL), ==, 0);
  g_assert_true (g_file_get_contents (png, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 8);
  g_assert_cmpint (memcmp (contents, "\x89PNG\r\n\x1a\n", 8), ==, 0);
  g_unlink (png);
}

static void
test_wrong_uses_are_refused (void)
{
  g_autofree char *old_path = write_map ("old.journey", "Website", "22", FALSE);
  g_autofree char *new_path = write_map ("new.journey", "Web shop", "41", TRUE);
  g_autofree char *broken = g_build_filename (dir, "broken.journey", NULL);
  g_autofree char *svg = g_build_filename (dir, "changes.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "changes.pdf", NULL);
  g_autofree char *compare_arg = g_strconcat ("--compare=", old_path, NULL);
  g_autofree char *broken_arg = g_strconcat ("--compare=", broken, NULL);
  g_autofree char *svg_arg = g_strconcat ("--export=", svg, NULL);
  g_autofree char *pdf_arg = g_strconcat ("--export=", pdf, NULL);

  g_assert_true (g_file_set_contents (broken, "<journey-map", -1, NULL));
  g_assert_cmpint (run (NULL, binary, svg_arg, compare_arg, new_path, NULL), ==, 2);
  g_assert_false (g_file_test (svg, G_FILE_TEST_EXISTS));
  g_assert_cmpint (run (NULL, binary, compare_arg, new_path, NULL), ==, 2);
  g_assert_cmpint (run (NULL, binary, pdf_arg, compare_arg, "--page=a4", new_path, NULL), ==, 2);
  g_assert_cmpint (run (NULL, binary, pdf_arg, broken_arg, new_path, NULL), ==, 1);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  binary = g_getenv ("JM_BINARY");
  g_assert_nonnull (binary);
  dir = g_dir_make_tmp ("jm-cli-compare-XXXXXX", NULL);

  g_test_add_func ("/cli/compare/pdf-lists-changes-with-old-and-new-values",
                   test_pdf_lists_changes_with_old_and_new_values);
  g_test_add_func ("/cli/compare/png-is-written", test_png_is_written);
  g_test_add_func ("/cli/compare/wrong-uses-are-refused", test_wrong_uses_are_refused);
  status = g_test_run ();

  {
    const char *names[] = { "old.journey", "new.journey", "broken.journey", NULL };

    for (guint i = 0; names[i]; i++)
      {
        g_autofree char *path = g_build_filename (dir, names[i], NULL);

        g_unlink (path);
      }
    g_rmdir (dir);
  }
  g_free (dir);
  return status;
}
