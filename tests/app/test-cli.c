/* test-cli.c — `journey-maps --check` and `--export`, run as a user would,
 * with no display at all. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "jm-test-tools.h"

static const char *binary;
static const char *examples;

typedef struct {
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *r)
{
  g_free (r->out);
  g_free (r->err);
}

static Result
run_argv (const char  *first,
          va_list      args,
          gboolean     list_libraries)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  Result r = { 0 };
  int wait_status;

  g_ptr_array_add (argv, (char *) binary);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  g_ptr_array_add (argv, NULL);

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  if (list_libraries)
    {
      /* The dynamic loader names every library it loads on stderr, in
       * this program and in any it execs. GTK's "cannot open display" is
       * a warning: not fatal here. */
      env = g_environ_setenv (env, "LD_DEBUG", "libs", TRUE);
      env = g_environ_unsetenv (env, "G_DEBUG");
    }
  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &r.out, &r.err, &wait_status, &error);
  g_assert_no_error (error);
  if (!list_libraries)
    g_assert_true (WIFEXITED (wait_status));
  r.status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  return r;
}

/* Runs the program with DISPLAY and WAYLAND_DISPLAY unset. */
static Result
run (const char *first,
     ...)
{
  va_list args;
  Result r;

  va_start (args, first);
  r = run_argv (first, args, FALSE);
  va_end (args);
  return r;
}

/* The same, and the libraries loaded on the way are listed in r.err. */
static Result
run_listing_libraries (const char *first,
                       ...)
{
  va_list args;
  Result r;

  va_start (args, first);
  r = run_argv (first, args, TRUE);
  va_end (args);
  return r;
}

static char *
example (const char *name)
{
  return g_build_filename (examples, name, NULL);
}

static void
test_check_accepts_every_example (void)
{
  g_autoptr(GDir) dir = g_dir_open (examples, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = example (name);
      Result r;

      if (!g_str_has_suffix (name, ".journey"))
        continue;
      r = run ("--check", path, NULL);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_cmpstr (r.err, ==, "");
      result_clear (&r);
    }
}

static void
test_check_reports_file_line_and_reason (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jm-cli-XXXXXX", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.journey", NULL);
  g_autofree char *good = example ("bike-shop-vs-food-delivery.journey");
  g_autofree char *expected = NULL;
  Result r;

  g_assert_true (g_file_set_contents (bad,
    "<?xml version=\"1.0\"?>\n"
    "<journey-map xmlns=\"urn:journey-maps:1\" format-version=\"1\">\n"
    "  <title>x</title>\n"
    "  <stages><stage id=\"a\" name=\"A\"><step id=\"s\"/><metric id=\"m\" kind=\"nps\" value=\"140\"/></stage></stages>\n"
    "</journey-map>\n", -1, NULL));

  /* Every file is checked; the status says whether any failed. */
  r = run ("--check", good, bad, NULL);
  g_assert_cmpint (r.status, ==, 1);
  expected = g_strdup_printf ("%s:4: NPS must lie between -100 and 100, not 140\n", bad);
  g_assert_cmpstr (r.err, ==, expected);
  result_clear (&r);

  /* An encoding libxml2 does not know: our one line, not libxml2's own
   * messages as well. */
  g_assert_true (g_file_set_contents (bad, "\0\0<\0\0\0?\0", 8, NULL));
  r = run ("--check", bad, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%s:1: This is not well-formed XML: encoding not supported UCS4 2143\n", bad);
  g_assert_cmpstr (r.err, ==, expected);
  result_clear (&r);

  g_unlink (bad);
  g_rmdir (dir);
}

static void
test_export_writes_each_format_without_a_display (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jm-cli-XXXXXX", NULL);
  g_autofree char *input = example ("bike-shop-vs-food-delivery.it.journey");
  const char *outputs[] = { "map.png", "map.pdf", "map.svg", "map.journey", "map.pptx", "map.odp" };

  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      g_autofree char *out = g_build_filename (dir, outputs[i], NULL);
      g_autofree char *arg = g_strconcat ("--export=", out, NULL);
      g_autofree char *contents = NULL;
      gsize len;
      /* A .journey has no theme and no persona's view: those would be refused. */
      Result r = g_str_has_suffix (outputs[i], ".journey") ? run (arg, input, NULL)
                                                           : run (arg, "--theme=print", "--persona=p-giulia", input, NULL);

      g_test_message ("export %s: %s", outputs[i], r.err);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_true (g_file_get_contents (out, &contents, &len, NULL));
      g_assert_cmpuint (len, >, 1000);
      if (i == 0)
        g_assert_true (memcmp (contents, "\x89PNG", 4) == 0);
      if (i == 1)
        g_assert_true (memcmp (contents, "%PDF", 4) == 0);
      if (i == 2)
        g_assert_nonnull (strstr (contents, "<svg"));
      if (i >= 4)
        g_assert_true (memcmp (contents, "PK\x03\x04", 4) == 0);
      g_unlink (out);
      result_clear (&r);
    }
  g_rmdir (dir);
}

static void
test_export_resaves_in_canonical_form (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jm-cli-XXXXXX", NULL);
  g_autofree char *messy = g_build_filename (dir, "messy.journey", NULL);
  g_autofree char *clean = g_build_filename (dir, "clean.journey", NULL);
  g_autofree char *arg = g_strconcat ("--export=", clean, NULL);
  g_autofree char *contents = NULL;
  Result r;

  g_assert_true (g_file_set_contents (messy,
    "<journey-map format-version='1' xmlns='urn:journey-maps:1'><title>Messy</title>"
    "<stages><stage name='A' id='a'><step name='One' id='s'/></stage></stages></journey-map>", -1, NULL));
  r = run (arg, messy, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_get_contents (clean, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<journey-map xmlns=\"urn:journey-maps:1\" format-version=\"1\">\n"
    "  <title>Messy</title>\n"
    "  <stages>\n"
    "    <stage id=\"a\" name=\"A\" color=\"#0072b2\">\n"
    "      <step id=\"s\" name=\"One\"/>\n"
    "    </stage>\n"
    "  </stages>\n"
    "</journey-map>\n");
  result_clear (&r);
  g_unlink (messy);
  g_unlink (clean);
  g_rmdir (dir);
}

static void
test_import_metrics_applies_survey_responses (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jm-cli-XXXXXX", NULL);
  g_autofree char *csv = g_build_filename (dir, "responses.csv", NULL);
  g_autofree char *out = g_build_filename (dir, "out.journey", NULL);
  g_autofree char *input = example ("bike-shop-vs-food-delivery.journey");
  g_autofree char *export_arg = g_strconcat ("--export=", out, NULL);
  g_autofree char *import_arg = g_strconcat ("--import-metrics=", csv, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected_problem = NULL;
  Result r;

  g_assert_true (g_file_set_contents (csv,
    "touchpoint;metric;score\n"
    "c-12;csat;5\n"
    "c-12;csat;1\n"
    "Counter staff refuse to lend the pump;csat;4\n"
    "c-12;csat;9\n", -1, NULL));
  r = run (export_arg, import_arg, input, NULL);
  g_assert_cmpint (r.status, ==, 0);
  /* The unusable row is reported with its line; the others are applied. */
  expected_problem = g_strdup_printf ("%s:5: The CSAT answer “9” is not a number from 1 to 5\n", csv);
  g_assert_cmpstr (r.err, ==, expected_problem);
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<metric id=\"m-csat-counter\" kind=\"csat\" value=\"66.7\" target=\"80\" sample-size=\"3\""));
  result_clear (&r);

  r = run ("--import-metrics=/nonexistent.csv", export_arg, input, NULL);
  g_assert_cmpint (r.status, ==, 1);
  result_clear (&r);

  g_unlink (csv);
  g_unlink (out);
  g_rmdir (dir);
}

static void
test_export_failures_leave_no_file (void)
{
  g_autofree char *input = example ("bike-shop-vs-food-delivery.journey");
  Result r;

  r = run ("--export=/nonexistent-folder/map.pdf", input, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "/nonexistent-folder/map.pdf"));
  g_assert_false (g_file_test ("/nonexistent-folder/map.pdf", G_FILE_TEST_EXISTS));
  result_clear (&r);

  r = run ("--export=/tmp/jm-never.png", "/nonexistent/input.journey", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "/nonexistent/input.journey"));
  g_assert_false (g_file_test ("/tmp/jm-never.png", G_FILE_TEST_EXISTS));
  result_clear (&r);
}

static void
test_wrong_usage_exits_with_two (void)
{
  g_autofree char *input = example ("bike-shop-vs-food-delivery.journey");
  const char *cases[][3] = {
    { "--export=/tmp/x.png", "--page=a5", NULL },
    { "--export=/tmp/x.png", "--theme=neon", NULL },
    { "--export=/tmp/x.png", "--scale=0", NULL },
    { "--export=/tmp/x.docx", NULL, NULL },
    { "--export=/tmp/x.pptx", "--page=a4", NULL },
    { "--export=/tmp/x.odp", "--page=fit", NULL },
    { "--export=/tmp/x.pdf", "--page=4:3", NULL },
    { "--export=/tmp/x.png", "--persona=nobody", NULL },
    { "--check", "--export=/tmp/x.png", NULL },
    { "--theme=dark", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Result r = cases[i][1] ? run (cases[i][0], cases[i][1], input, NULL) : run (cases[i][0], input, NULL);

      g_test_message ("case %u: %s", i, r.err);
      g_assert_cmpint (r.status, ==, 2);
      g_assert_cmpstr (r.err, !=, "");
      result_clear (&r);
    }

  {
    Result r = run ("--export=/tmp/x.png", NULL);
    g_assert_cmpint (r.status, ==, 2);
    result_clear (&r);
  }
  {
    Result r = run ("--check", NULL);
    g_assert_cmpint (r.status, ==, 2);
    result_clear (&r);
  }
}

static void
test_deck_pages_are_slide_shapes (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jm-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "map.pptx", NULL);
  g_autofree char *arg = g_strconcat ("--export=", out, NULL);
  g_autofree char *input = example ("online-shop.journey");
  Result r = run (arg, "--page=4:3", input, NULL);

  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_test (out, G_FILE_TEST_EXISTS));
  g_unlink (out);
  result_clear (&r);

  r = run (arg, "--page=a4-landscape", input, NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "a4-landscape"));
  g_assert_nonnull (strstr (r.err, "16:9 or 4:3"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  result_clear (&r);
  g_rmdir (dir);
}

static void
test_version_and_help (void)
{
  Result r = run ("--version", NULL);

  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "journey-maps " PACKAGE_VERSION "\n");
  result_clear (&r);

  r = run ("--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "--export"));
  g_assert_nonnull (strstr (r.out, "--check"));
  result_clear (&r);

  /* As the editor, a GApplication, says it, for options that only it
   * knows and for those nobody knows. */
  r = run ("--help-gapplication", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "--gapplication-service"));
  result_clear (&r);

  r = run ("--colour=blue", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.out, ==, "");
  g_assert_nonnull (strstr (r.err, "--colour=blue"));
  result_clear (&r);
}

/* `journey-maps` answers the batch options without GTK (and --check
 * without cairo and pango too), and starts the editor for anything else. */
static void
test_batch_work_never_loads_gtk (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jm-cli-XXXXXX", NULL);
  g_autofree char *input = example ("bike-shop-vs-food-delivery.journey");
  g_autofree char *out = g_build_filename (dir, "map.pdf", NULL);
  g_autofree char *export_arg = g_strconcat ("--export=", out, NULL);
  Result r;

  /* Nor GIO: GLib and libxml2 start as fast as xmllint. */
  r = run_listing_libraries ("--check", input, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.err, "libxml2.so"));
  g_assert_null (strstr (r.err, "libgtk-4.so"));
  g_assert_null (strstr (r.err, "libcairo.so"));
  g_assert_null (strstr (r.err, "libpango-1.0.so"));
  g_assert_null (strstr (r.err, "libgio-2.0.so"));
  result_clear (&r);

  r = run_listing_libraries ("--version", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_null (strstr (r.err, "libgtk-4.so"));
  g_assert_null (strstr (r.err, "libgio-2.0.so"));
  result_clear (&r);

  r = run_listing_libraries ("--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_null (strstr (r.err, "libgtk-4.so"));
  result_clear (&r);

  r = run_listing_libraries (export_arg, input, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.err, "libcairo.so"));
  g_assert_null (strstr (r.err, "libgtk-4.so"));
  g_assert_true (g_file_test (out, G_FILE_TEST_EXISTS));
  result_clear (&r);

  /* Opening a file is the editor's work: GTK is loaded for it (and, with
   * no display here, says it cannot open one). */
  r = run_listing_libraries (input, NULL);
  g_assert_nonnull (strstr (r.err, "libgtk-4.so"));
  g_assert_cmpint (r.status, !=, 0);
  result_clear (&r);

  g_unlink (out);
  g_rmdir (dir);
}

/* ---- exports for reports: options that do not apply, personas by name ---- */

static void
test_option_for_another_format_is_an_error_that_says_so (void)
{
  g_autofree char *input = example ("bike-shop-vs-food-delivery.journey");
  g_autofree char *dir = g_dir_make_tmp ("jm-cli-XXXXXX", NULL);
  /* option, output, what the message must name */
  const char *cases[][3] = {
    { "--page=a4", "map.png", "--page" },
    { "--page=a4", "map.svg", "--page" },
    { "--scale=2", "map.pdf", "--scale" },
    { "--scale=2", "map.svg", "--scale" },
    { "--scale=2", "map.pptx", "--scale" },
    { "--theme=dark", "map.journey", "--theme" },
    { "--persona=p-giulia", "map.journey", "--persona" },
    { "--persona=p-giulia", "map.mmd", "--persona" },
    { "--lang=it", "map.grid.csv", "--lang" },
    { "--emotion-values", "map.journey", "--emotion-values" },
    { "--emotion-values", "map.mmd", "--emotion-values" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = g_build_filename (dir, cases[i][1], NULL);
      g_autofree char *export = g_strconcat ("--export=", out, NULL);
      Result r = run (export, cases[i][0], input, NULL);

      g_test_message ("case %u: %s", i, r.err);
      g_assert_cmpint (r.status, ==, 2);
      g_assert_nonnull (strstr (r.err, cases[i][2]));
      g_assert_nonnull (strstr (r.err, "does not apply"));
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
      result_clear (&r);
    }
  g_rmdir (dir);
}

static void
test_persona_by_id_or_name_whatever_its_case (void)
{
  g_autofree char *input = example ("bike-shop-vs-food-delivery.journey");
  g_autofree char *dir = g_dir_make_tmp ("jm-cli-XXXXXX", NULL);
  g_autofree char *svg = g_build_filename (dir, "map.svg", NULL);
  g_autofree char *export = g_strconcat ("--export=", svg, NULL);
  g_autofree char *by_id = NULL;
  g_autofree char *by_name = NULL;
  g_autofree char *everyone = NULL;
  Result r;

  r = run (export, "--persona=p-giulia", input, NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  g_assert_true (g_file_get_contents (svg, &by_id, NULL, NULL));

  r = run (export, "--persona=gIULIA bIANCHI", input, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  result_clear (&r);
  g_assert_true (g_file_get_contents (svg, &by_name, NULL, NULL));

  r = run (export, input, NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  g_assert_true (g_file_get_contents (svg, &everyone, NULL, NULL));

  /* The name chose the same persona as the id, and that is not everyone. */
  g_assert_cmpstr (by_name, ==, by_id);
  g_assert_cmpstr (by_name, !=, everyone);
  g_unlink (svg);

  /* A wrong value lists the map's personas, ids and names. */
  r = run (export, "--persona=Giulia", input, NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "“Giulia”"));
  g_assert_nonnull (strstr (r.err, "p-giulia  Giulia Bianchi"));
  g_assert_nonnull (strstr (r.err, "p-marco  Marco Esposito"));
  g_assert_false (g_file_test (svg, G_FILE_TEST_EXISTS));
  result_clear (&r);
  g_rmdir (dir);
}

static void
test_help_documents_every_option (void)
{
  const char *options[] = { "--export", "--check", "--scale", "--page", "--theme", "--persona", "--lang",
                            "--import-metrics", "ID|NAME" };
  Result r = run ("--help", NULL);

  g_assert_cmpint (r.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    g_assert_nonnull (strstr (r.out, options[i]));
  result_clear (&r);
}

/* --view=NAME: the export shows the view's lanes and personas only; a
 * name the map lacks, or a format that holds the whole map, is wrong usage. */
static void
test_export_through_a_view (void)
{
  g_autofree char *source = example ("restaurant-regular.journey");
  g_autofree char *xml = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jm-cli-view-XXXXXX", NULL);
  g_autofree char *input = g_build_filename (dir, "map.journey", NULL);
  g_autofree char *pdf = g_build_filename (dir, "front.pdf", NULL);
  g_autofree char *out_arg = g_strdup_printf ("--export=%s", pdf);
  g_autofree char *text = NULL;
  g_autoptr(GString) with_views = NULL;
  const char *argv[] = { "pdftotext", pdf, "-", NULL };
  int status = -1;

  g_assert_true (g_file_get_contents (source, &xml, NULL, NULL));
  with_views = g_string_new (xml);
  g_string_replace (with_views, "</journey-map>\n",
                    "  <views>\n"
                    "    <view id=\"v1\" name=\"Front of house\">\n"
                    "      <lane ref=\"l-touch\"/>\n"
                    "      <lane ref=\"l-pain\"/>\n"
                    "      <persona ref=\"p-marta\"/>\n"
                    "    </view>\n"
                    "  </views>\n"
                    "</journey-map>\n", 1);
  g_assert_true (g_file_set_contents (input, with_views->str, -1, NULL));

  {
    Result r = run (out_arg, "--view=Front of house", input, NULL);

    g_test_message ("%s", r.err);
    g_assert_cmpint (r.status, ==, 0);
    result_clear (&r);
  }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &text, NULL, &status, NULL));
  g_assert_nonnull (strstr (text, "Touchpoints"));
  g_assert_nonnull (strstr (text, "Marta Conti"));
  g_assert_null (strstr (text, "Backstage"));
  g_assert_null (strstr (text, "Paolo Ferri"));
  g_unlink (pdf);

  {
    Result r = run (out_arg, "--view=Kitchen", input, NULL);

    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "Kitchen"));
    g_assert_nonnull (strstr (r.err, "Front of house"));
    g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
    result_clear (&r);
  }
  {
    g_autofree char *again = g_build_filename (dir, "again.journey", NULL);
    g_autofree char *arg = g_strdup_printf ("--export=%s", again);
    Result r = run (arg, "--view=Front of house", input, NULL);

    g_assert_cmpint (r.status, ==, 2);
    g_assert_false (g_file_test (again, G_FILE_TEST_EXISTS));
    result_clear (&r);
  }
  {
    Result r = run ("--view=Front of house", input, NULL);

    g_assert_cmpint (r.status, ==, 2);
    result_clear (&r);
  }
  g_unlink (input);
  g_rmdir (dir);
}

/* A PDF poster by sheets from the command line: the paper and the number
 * of sheets asked for, printed as "N sheets (C × R)"; a first page showing
 * how the sheets go together unless --no-page-map; wrong values and other
 * formats are wrong usage. */
static void
test_export_poster_by_sheets (void)
{
  g_autofree char *input = example ("bike-shop-vs-food-delivery.journey");
  g_autofree char *dir = g_dir_make_tmp ("jm-cli-poster-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "poster.pdf", NULL);
  g_autofree char *out_arg = g_strdup_printf ("--export=%s", pdf);
  g_autofree char *png_arg = g_strdup_printf ("--export=%s/poster.png", dir);
  g_autofree char *info = NULL;
  const char *argv[] = { "pdfinfo", pdf, NULL };

  guint sheets = 0, columns = 0, rows = 0;

  {
    Result r = run (out_arg, "--poster-sheets-across=3", "--paper=a3", "--overlap=15", input, NULL);
    g_autofree char *expected = NULL;

    g_test_message ("%s", r.err);
    g_assert_cmpint (r.status, ==, 0);
    /* The count on standard output, as "N sheets (C × R)". */
    g_assert_true (g_str_has_prefix (r.out, pdf));
    g_assert_cmpint (sscanf (r.out + strlen (pdf), ": %u sheets (%u × %u)", &sheets, &columns, &rows), ==, 3);
    g_assert_cmpuint (columns, ==, 3);
    g_assert_cmpuint (sheets, ==, columns * rows);
    g_assert_nonnull (strstr (r.out, "page map"));
    result_clear (&r);
  }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &info, NULL, NULL, NULL));
  g_assert_nonnull (strstr (info, "(A3)"));
  /* The page map, then the sheets, then the map in reading order. */
  {
    const char *pages = strstr (info, "Pages:");
    g_autofree char *first = NULL, *second = NULL;
    guint n;

    g_assert_nonnull (pages);
    n = (guint) g_ascii_strtoull (pages + 6 + strspn (pages + 6, " "), NULL, 10);
    g_assert_cmpuint (n, >=, 1 + sheets);
    first = jm_test_pdf_text (pdf, 1, 1);
    second = jm_test_pdf_text (pdf, 2, 2);
    g_assert_nonnull (strstr (first, "How the sheets go together"));
    g_assert_nonnull (strstr (second, "Sheet 1 · A1"));
  }
  g_unlink (pdf);

  /* Without the page map, the first page is the first sheet. */
  {
    Result r = run (out_arg, "--poster-sheets-across=3", "--paper=a3", "--overlap=15", "--no-page-map",
                    input, NULL);
    g_autofree char *first = NULL;

    g_assert_cmpint (r.status, ==, 0);
    g_assert_null (strstr (r.out, "page map"));
    first = jm_test_pdf_text (pdf, 1, 1);
    g_assert_null (strstr (first, "How the sheets go together"));
    g_assert_nonnull (strstr (first, "Sheet 1 · A1"));
    result_clear (&r);
  }
  g_unlink (pdf);

  /* Every poster says its count, the A4 poster at the PDF's scale too;
   * other exports stay quiet. */
  {
    Result r = run (out_arg, "--page=poster-a4", input, NULL);

    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, " sheets ("));
    result_clear (&r);
    r = run (out_arg, "--page=a4", input, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "");
    result_clear (&r);
  }
  /* --no-page-map without a poster is wrong usage. */
  {
    Result r = run (out_arg, "--page=a4", "--no-page-map", input, NULL);

    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "--no-page-map"));
    result_clear (&r);
    r = run ("--no-page-map", input, NULL);
    g_assert_cmpint (r.status, ==, 2);
    result_clear (&r);
  }
  g_unlink (pdf);

  {
    const char *wrong[][2] = {
      { "--poster=3x2", "--overlap=40" },
      { "--poster=3", NULL },
      { "--poster-sheets-across=0", NULL },
      { "--poster=3x2", "--paper=a5" },
      { "--overlap=5", NULL },
      { "--poster=3x2", "--poster-sheets-across=2" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
      {
        Result r = wrong[i][1] ? run (out_arg, wrong[i][0], wrong[i][1], input, NULL)
                               : run (out_arg, wrong[i][0], input, NULL);

        g_test_message ("case %u: %s", i, r.err);
        g_assert_cmpint (r.status, ==, 2);
        g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
        result_clear (&r);
      }
  }
  {
    Result r = run (png_arg, "--poster=3x2", input, NULL);

    g_assert_cmpint (r.status, ==, 2);
    result_clear (&r);
  }
  /* Above twenty sheets too. */
  {
    Result r = run (out_arg, "--poster-sheets-across=8", input, NULL);

    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpint (sscanf (r.out + strlen (pdf), ": %u sheets (%u × %u)", &sheets, &columns, &rows), ==, 3);
    g_assert_cmpuint (sheets, >, 20);
    result_clear (&r);
  }
  g_unlink (pdf);
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

  g_test_add_func ("/cli/check/accepts-every-example", test_check_accepts_every_example);
  g_test_add_func ("/cli/check/reports-file-line-and-reason", test_check_reports_file_line_and_reason);
  g_test_add_func ("/cli/export/writes-each-format-without-a-display", test_export_writes_each_format_without_a_display);
  g_test_add_func ("/cli/export/resaves-in-canonical-form", test_export_resaves_in_canonical_form);
  g_test_add_func ("/cli/export/failures-leave-no-file", test_export_failures_leave_no_file);
  g_test_add_func ("/cli/export/import-metrics-applies-survey-responses", test_import_metrics_applies_survey_responses);
  g_test_add_func ("/cli/usage/wrong-usage-exits-with-two", test_wrong_usage_exits_with_two);
  g_test_add_func ("/cli/export/deck-pages-are-slide-shapes", test_deck_pages_are_slide_shapes);
  g_test_add_func ("/cli/usage/version-and-help", test_version_and_help);
  g_test_add_func ("/cli/batch-work-never-loads-gtk", test_batch_work_never_loads_gtk);
  g_test_add_func ("/cli/usage/option-for-another-format-is-an-error-that-says-so",
                   test_option_for_another_format_is_an_error_that_says_so);
  g_test_add_func ("/cli/export/persona-by-id-or-name-whatever-its-case", test_persona_by_id_or_name_whatever_its_case);
  g_test_add_func ("/cli/usage/help-documents-every-option", test_help_documents_every_option);
  g_test_add_func ("/cli/export/through-a-view", test_export_through_a_view);
  g_test_add_func ("/cli/export/poster-by-sheets", test_export_poster_by_sheets);

  return g_test_run ();
}
