/* test-cli-sheets.c — `journey-maps --export=… --personas` and `--summary`
 * run as a user would, with no display: a page (or a PNG) per persona, the
 * one-page handout in the map's language whatever the desktop's, A4 or
 * Letter, and the options that do not go with them refused with exit 2.
 * PDFs are read back with poppler's pdftotext and pdfinfo. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "jm-test-tools.h"

static const char *binary;
static const char *examples;

/* Runs the program in LANGUAGE=C with the build tree's translations;
 * returns its exit status, stderr in *err if asked. */
static int
run (char       **err,
     const char  *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autofree char *localedir = g_build_filename (g_getenv ("JM_BUILD_ROOT"), "po", NULL);
  g_autofree char *err_text = NULL;
  va_list args;
  int wait_status;

  g_ptr_array_add (argv, (char *) binary);
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_setenv (env, "LANGUAGE", "C", TRUE);
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  env = g_environ_setenv (env, "JOURNEY_MAPS_LOCALEDIR", localedir, TRUE);
  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err_text, &wait_status,
                &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  if (err != NULL)
    *err = g_steal_pointer (&err_text);
  return WEXITSTATUS (wait_status);
}

static gboolean
have_poppler (void)
{
  g_autofree char *text = g_find_program_in_path ("pdftotext");
  g_autofree char *info = g_find_program_in_path ("pdfinfo");

  return text != NULL && info != NULL;
}

static char *
example (const char *name)
{
  return g_build_filename (examples, name, NULL);
}

static void
test_italian_map_gives_an_italian_handout (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jm-cli-sheets-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "summary.pdf", NULL);
  g_autofree char *output = g_strconcat ("--export=", pdf, NULL);
  g_autofree char *input = example ("restaurant-regular.it.journey");
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;

  if (!have_poppler ())
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are needed");
      return;
    }
  g_assert_cmpint (run (&err, output, "--summary", input, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  text = jm_test_pdf_text (pdf, 0, 0);
  info = jm_test_run_tool ("pdfinfo", pdf, NULL);
  g_assert_nonnull (strstr (info, "Pages:           1\n"));
  g_assert_nonnull (strstr (info, "(A4)"));
  for (guint i = 0; i < 4; i++)
    {
      static const char *const italian[] = { "Criticità principali", "Opportunità principali", "Emozioni lungo le fasi",
                                             "Metriche" };

      if (strstr (text, italian[i]) == NULL)
        g_error ("“%s” is missing from the Italian handout:\n%s", italian[i], text);
    }
  g_assert_null (strstr (text, "Top pain points"));
  g_assert_null (strstr (text, "target met"));
  g_assert_nonnull (strstr (text, "obiettivo raggiunto"));
  g_unlink (pdf);
  g_rmdir (dir);
}

static void
test_handout_on_letter (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jm-cli-sheets-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "summary.pdf", NULL);
  g_autofree char *output = g_strconcat ("--export=", pdf, NULL);
  g_autofree char *input = example ("online-shop.journey");
  g_autofree char *info = NULL;

  if (!have_poppler ())
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are needed");
      return;
    }
  g_assert_cmpint (run (NULL, output, "--summary", "--page=letter", input, NULL), ==, 0);
  info = jm_test_run_tool ("pdfinfo", pdf, NULL);
  g_assert_nonnull (strstr (info, "612 x 792 pts (letter)"));
  g_assert_nonnull (strstr (info, "Tagged:          yes"));
  g_assert_nonnull (strstr (info, "Pages:           1\n"));
  g_unlink (pdf);
  g_rmdir (dir);
}

static void
test_persona_sheets_page_per_persona_and_one_chosen (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jm-cli-sheets-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "personas.pdf", NULL);
  g_autofree char *output = g_strconcat ("--export=", pdf, NULL);
  g_autofree char *input = example ("restaurant-regular.journey");
  g_autofree char *info = NULL;
  g_autofree char *one = NULL;
  g_autofree char *text = NULL;

  if (!have_poppler ())
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are needed");
      return;
    }
  g_assert_cmpint (run (NULL, output, "--personas", input, NULL), ==, 0);
  info = jm_test_run_tool ("pdfinfo", pdf, NULL);
  g_assert_nonnull (strstr (info, "Pages:           2\n"));
  g_assert_nonnull (strstr (info, "Tagged:          yes"));

  /* One persona by name, whatever its case. */
  g_assert_cmpint (run (NULL, output, "--personas", "--persona=marta conti", input, NULL), ==, 0);
  one = jm_test_run_tool ("pdfinfo", pdf, NULL);
  g_assert_nonnull (strstr (one, "Pages:           1\n"));
  text = jm_test_pdf_text (pdf, 0, 0);
  g_assert_nonnull (strstr (text, "Marta Conti"));
  g_assert_null (strstr (text, "Paolo Ferri"));
  g_unlink (pdf);
  g_rmdir (dir);
}

static void
test_persona_sheets_as_png_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jm-cli-sheets-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "personas.png", NULL);
  g_autofree char *first = g_build_filename (dir, "personas-1.png", NULL);
  g_autofree char *second = g_build_filename (dir, "personas-2.png", NULL);
  g_autofree char *output = g_strconcat ("--export=", png, NULL);
  g_autofree char *input = example ("restaurant-regular.journey");

  g_assert_cmpint (run (NULL, output, "--personas", input, NULL), ==, 0);
  g_assert_true (g_file_test (first, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (second, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  g_unlink (first);
  g_unlink (second);

  /* One persona: the file named. */
  g_assert_cmpint (run (NULL, output, "--personas", "--persona=Paolo Ferri", input, NULL), ==, 0);
  g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (first, G_FILE_TEST_EXISTS));
  g_unlink (png);

  /* The handout as a picture too. */
  g_assert_cmpint (run (NULL, output, "--summary", input, NULL), ==, 0);
  g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));
  g_unlink (png);
  g_rmdir (dir);
}

/* Each wrong combination is refused with exit 2, a message that names
 * the option, and no file written. */
static void
test_wrong_combinations_are_usage_errors (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jm-cli-sheets-XXXXXX", NULL);
  g_autofree char *input = example ("online-shop.journey");
  g_autofree char *pdf = g_build_filename (dir, "out.pdf", NULL);
  g_autofree char *svg = g_build_filename (dir, "out.svg", NULL);
  g_autofree char *to_pdf = g_strconcat ("--export=", pdf, NULL);
  g_autofree char *to_svg = g_strconcat ("--export=", svg, NULL);
  struct {
    const char *a, *b, *c;
    const char *said;
  } cases[] = {
    { to_svg, "--personas", NULL, "--personas does not apply" },
    { to_pdf, "--personas", "--summary", "not both" },
    { to_pdf, "--summary", "--persona=Sara Conti", "--persona does not apply to the summary" },
    { to_pdf, "--summary", "--page=a3", "use a4 or letter" },
    { to_pdf, "--personas", "--poster=2x2", "do not apply to --personas" },
    { to_pdf, "--summary", "--compare=old.journey", "do not apply to --summary" },
    { "--personas", NULL, NULL, "go with --export" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *err = NULL;
      int status = cases[i].c != NULL ? run (&err, cases[i].a, cases[i].b, cases[i].c, input, NULL)
                   : cases[i].b != NULL ? run (&err, cases[i].a, cases[i].b, input, NULL)
                                        : run (&err, cases[i].a, input, NULL);

      if (status != 2 || strstr (err, cases[i].said) == NULL)
        g_error ("case %u: exit %d, “%s”; wanted 2 and “%s”", i, status, err, cases[i].said);
      g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (svg, G_FILE_TEST_EXISTS));
    }
  g_rmdir (dir);
}

/* A map without personas has no sheets: exit 1, said, and no file. */
static void
test_map_without_personas_has_no_sheets (void)
{
  static const char map[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<journey-map xmlns=\"urn:journey-maps:1\" format-version=\"1\">\n"
    "  <title>No personas</title>\n"
    "  <stages>\n"
    "    <stage id=\"a\" name=\"A\">\n"
    "      <step id=\"s1\" name=\"One\"/>\n"
    "    </stage>\n"
    "  </stages>\n"
    "</journey-map>\n";
  g_autofree char *dir = g_dir_make_tmp ("jm-cli-sheets-XXXXXX", NULL);
  g_autofree char *input = g_build_filename (dir, "no-personas.journey", NULL);
  g_autofree char *pdf = g_build_filename (dir, "personas.pdf", NULL);
  g_autofree char *output = g_strconcat ("--export=", pdf, NULL);
  g_autofree char *err = NULL;

  g_assert_true (g_file_set_contents (input, map, -1, NULL));
  g_assert_cmpint (run (&err, output, "--personas", input, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "the map has no personas"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  /* The handout has no personas line, and is written. */
  g_assert_cmpint (run (NULL, output, "--summary", input, NULL), ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_unlink (pdf);
  g_unlink (input);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  binary = g_getenv ("JM_BINARY");
  examples = g_getenv ("JM_EXAMPLES");
  g_assert_nonnull (binary);
  g_assert_nonnull (examples);

  g_test_add_func ("/cli/sheets/italian-map-gives-an-italian-handout", test_italian_map_gives_an_italian_handout);
  g_test_add_func ("/cli/sheets/handout-on-letter", test_handout_on_letter);
  g_test_add_func ("/cli/sheets/a-page-per-persona-or-the-one-chosen",
                   test_persona_sheets_page_per_persona_and_one_chosen);
  g_test_add_func ("/cli/sheets/png-a-file-per-persona", test_persona_sheets_as_png_files);
  g_test_add_func ("/cli/sheets/wrong-combinations-are-usage-errors", test_wrong_combinations_are_usage_errors);
  g_test_add_func ("/cli/sheets/map-without-personas-has-no-sheets", test_map_without_personas_has_no_sheets);
  return g_test_run ();
}
