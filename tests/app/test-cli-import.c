/* test-cli-import.c — `journey-maps` with maps from elsewhere, run as a
 * user would, with no display: Mermaid, Markdown, CJML and grid CSV in,
 * told by their content; Mermaid and grid CSV out; a survey tool's export
 * applied through the mapping a map saved. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

static const char *binary;
static char *dir;
/* Set to run the program in Italian. */
static gboolean italian;

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
run (const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  Result r = { 0 };
  int wait_status;
  va_list args;

  g_ptr_array_add (argv, (char *) binary);
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  if (italian)
    {
      g_autofree char *localedir = g_build_filename (g_getenv ("JM_BUILD_ROOT"), "po", NULL);

      env = g_environ_setenv (env, "LC_ALL", "it_IT.UTF-8", TRUE);
      env = g_environ_setenv (env, "LANGUAGE", "it", TRUE);
      env = g_environ_setenv (env, "JOURNEY_MAPS_LOCALEDIR", localedir, TRUE);
    }
  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, &r.out, &r.err, &wait_status,
                &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r.status = WEXITSTATUS (wait_status);
  return r;
}

static char *
io_fixture (const char *sub,
            const char *name)
{
  return g_build_filename (JM_TEST_SRCDIR, "io", sub, name, NULL);
}

static char *
temp_path (const char *name)
{
  return g_build_filename (dir, name, NULL);
}

static char *
arg (const char *option,
     const char *path)
{
  return g_strconcat (option, "=", path, NULL);
}

/* Each kind of file becomes a map, checked by --check when written. */
static void
test_every_import_exports_to_a_valid_map (void)
{
  static const char *inputs[][2] = {
    { "imports", "bike.md" },
    { "imports", "kindergarten.xml" },
    { "imports", "shop.grid.csv" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autofree char *input = io_fixture (inputs[i][0], inputs[i][1]);
      g_autofree char *out = temp_path ("imported.journey");
      g_autofree char *export_arg = arg ("--export", out);
      Result r;

      g_test_message ("%s", inputs[i][1]);
      r = run (export_arg, input, NULL);
      g_assert_cmpint (r.status, ==, 0);
      result_clear (&r);
      r = run ("--check", out, NULL);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_cmpstr (r.err, ==, "");
      result_clear (&r);
      g_unlink (out);
    }
}

/* A Mermaid journey named .txt is still one; its warning is said. */
static void
test_the_content_tells_the_format_not_the_name (void)
{
  g_autofree char *input = temp_path ("day.txt");
  g_autofree char *out = temp_path ("day.journey");
  g_autofree char *export_arg = arg ("--export", out);
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  Result r;

  g_assert_true (g_file_set_contents (input, "journey\n  title A day\n  section Morning\n    Tea: 8: Me\n", -1, NULL));
  r = run (export_arg, input, NULL);
  g_assert_cmpint (r.status, ==, 0);
  expected = g_strdup_printf ("%s:4: A score outside 1–5 was brought within it, on line 4\n", input);
  g_assert_cmpstr (r.err, ==, expected);
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<title>A day</title>"));
  g_assert_nonnull (strstr (contents, "score=\"2\""));
  result_clear (&r);

  /* --check reads it the same way, and names the line Mermaid refuses. */
  g_assert_true (g_file_set_contents (input, "journey\n  section Morning: early\n    Tea: 3: Me\n", -1, NULL));
  r = run ("--check", input, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_free (expected);
  expected = g_strdup_printf ("%s:2: Mermaid refuses “section Morning: early”: a section’s name cannot contain "
                              "“:”\n", input);
  g_assert_cmpstr (r.err, ==, expected);
  result_clear (&r);
  g_unlink (input);
  g_unlink (out);
}

/* A map out as Mermaid and as a grid, and back in as the same map. */
static void
test_mermaid_and_grid_exports_read_back (void)
{
  g_autofree char *input = g_build_filename (JM_TEST_SRCDIR, "..", "data", "examples", "online-shop.journey", NULL);
  const char *outputs[] = { "map.mmd", "map.grid.csv" };

  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      g_autofree char *out = temp_path (outputs[i]);
      g_autofree char *back = temp_path ("back.journey");
      g_autofree char *export_arg = arg ("--export", out);
      g_autofree char *back_arg = arg ("--export", back);
      g_autofree char *contents = NULL;
      Result r;

      r = run (export_arg, input, NULL);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
      if (i == 0)
        g_assert_true (g_str_has_prefix (contents, "%% Written by Journey Maps."));
      else
        g_assert_true (g_str_has_prefix (contents, ","));
      result_clear (&r);

      r = run (back_arg, out, NULL);
      g_assert_cmpint (r.status, ==, 0);
      result_clear (&r);
      g_unlink (out);
      g_unlink (back);
    }
}

static void
test_options_for_pictures_do_not_apply_to_text (void)
{
  g_autofree char *input = g_build_filename (JM_TEST_SRCDIR, "..", "data", "examples", "online-shop.journey", NULL);
  g_autofree char *out = temp_path ("never.mmd");
  g_autofree char *export_arg = arg ("--export", out);
  Result r = run (export_arg, "--scale=2", input, NULL);

  g_assert_cmpint (r.status, ==, 2);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  result_clear (&r);
}

/* Survey responses are no map: said, exit 1, nothing written. */
static void
test_survey_responses_are_refused_as_a_map (void)
{
  g_autofree char *input = io_fixture ("surveys", "google-forms.csv");
  g_autofree char *out = temp_path ("never.journey");
  g_autofree char *export_arg = arg ("--export", out);
  Result r = run (export_arg, input, NULL);

  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "This file holds survey responses, not a map"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  result_clear (&r);
}

static const char mapped_map[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<journey-map xmlns=\"urn:journey-maps:1\" format-version=\"1\">\n"
  "  <title>Bici Rossi</title>\n"
  "  <stages>\n"
  "    <stage id=\"buy\" name=\"Buy\">\n"
  "      <step id=\"s1\" name=\"Pays\"/>\n"
  "    </stage>\n"
  "  </stages>\n"
  "  <lanes>\n"
  "    <lane id=\"tp\" kind=\"touchpoints\" title=\"Touchpoints\">\n"
  "      <card id=\"counter\" step=\"s1\">\n"
  "        <text>Shop counter</text>\n"
  "      </card>\n"
  "    </lane>\n"
  "  </lanes>\n"
  "  <surveys>\n"
  "    <survey id=\"survey-1\" name=\"After the visit\" layout=\"google-forms\">\n"
  "      <field header=\"How likely are you to recommend Bici Rossi to a friend?\" stage=\"buy\" metric=\"nps\"/>\n"
  "      <field header=\"How easy was it to pay at the shop counter, from 1 to 7?\" card=\"counter\" metric=\"ces\"/>\n"
  "      <field header=\"Anything else you want to tell us?\"/>\n"
  "    </survey>\n"
  "  </surveys>\n"
  "</journey-map>\n";

/* The next export of a survey, through the mapping the map saved: the
 * layout read is said, and so are the columns not mapped. */
static void
test_import_metrics_applies_a_wide_export_through_the_saved_mapping (void)
{
  g_autofree char *map = temp_path ("mapped.journey");
  g_autofree char *csv = io_fixture ("surveys", "google-forms.csv");
  g_autofree char *out = temp_path ("applied.journey");
  g_autofree char *export_arg = arg ("--export", out);
  g_autofree char *import_arg = arg ("--import-metrics", csv);
  g_autofree char *contents = NULL;
  g_autofree char *unmapped = NULL;
  Result r;

  g_assert_true (g_file_set_contents (map, mapped_map, -1, NULL));
  r = run (export_arg, import_arg, map, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.err, "Read as Google Forms: 1 header row, 5 responses, 5 questions"));
  /* Mapped to nothing on purpose, or new: both said. */
  unmapped = g_strdup_printf ("%s: 3 columns were not mapped: “How satisfied were you with the website?”, "
                              "“Which channels did you use?”, “Anything else you want to tell us?”\n", csv);
  g_assert_nonnull (strstr (r.err, unmapped));
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "kind=\"nps\" value=\"0\" sample-size=\"5\" date=\"2026-10-15\""));
  g_assert_nonnull (strstr (contents, "kind=\"ces\" value=\"4.5\" sample-size=\"4\" date=\"2026-10-15\""));
  result_clear (&r);
  g_unlink (out);

  /* A map with no mapping for this survey: nothing is guessed. */
  g_assert_true (g_file_set_contents (map, "<?xml version=\"1.0\"?>\n"
                                           "<journey-map xmlns=\"urn:journey-maps:1\" format-version=\"1\">\n"
                                           "  <title>T</title>\n"
                                           "  <stages><stage id=\"a\" name=\"A\"><step id=\"s\" name=\"S\"/></stage></stages>\n"
                                           "</journey-map>\n", -1, NULL));
  r = run (export_arg, import_arg, map, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "has no saved mapping for this survey"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  result_clear (&r);
  g_unlink (map);
}

/* The problems are said in the user's language, with their lines. */
static void
test_problems_are_said_in_italian (void)
{
  g_autofree char *input = temp_path ("giornata.mmd");
  g_autofree char *out = temp_path ("giornata.journey");
  g_autofree char *export_arg = arg ("--export", out);
  g_autofree char *expected = NULL;
  Result r;

  g_assert_true (g_file_set_contents (input, "journey\n  section Mattina: presto\n    Tè: 3: Io\n", -1, NULL));
  italian = TRUE;
  r = run ("--check", input, NULL);
  italian = FALSE;
  g_assert_cmpint (r.status, ==, 1);
  expected = g_strdup_printf ("%s:2: Mermaid rifiuta “section Mattina: presto”: il nome di una sezione non può "
                              "contenere “:”\n", input);
  g_assert_cmpstr (r.err, ==, expected);
  result_clear (&r);

  g_assert_true (g_file_set_contents (input, "journey\n  section Mattina\n    Tè: 7: Io\n", -1, NULL));
  italian = TRUE;
  r = run (export_arg, input, NULL);
  italian = FALSE;
  g_assert_cmpint (r.status, ==, 0);
  g_free (expected);
  expected = g_strdup_printf ("%s:3: Un punteggio fuori da 1–5 vi è stato riportato, alla riga 3\n", input);
  g_assert_cmpstr (r.err, ==, expected);
  result_clear (&r);
  g_unlink (input);
  g_unlink (out);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  binary = g_getenv ("JM_BINARY");
  g_assert_nonnull (binary);
  dir = g_dir_make_tmp ("jm-cli-import-XXXXXX", NULL);

  g_test_add_func ("/cli/import/every-kind-exports-to-a-valid-map", test_every_import_exports_to_a_valid_map);
  g_test_add_func ("/cli/import/content-tells-the-format-not-the-name", test_the_content_tells_the_format_not_the_name);
  g_test_add_func ("/cli/import/mermaid-and-grid-exports-read-back", test_mermaid_and_grid_exports_read_back);
  g_test_add_func ("/cli/import/picture-options-do-not-apply-to-text", test_options_for_pictures_do_not_apply_to_text);
  g_test_add_func ("/cli/import/survey-responses-are-no-map", test_survey_responses_are_refused_as_a_map);
  g_test_add_func ("/cli/import-metrics/wide-export-through-the-saved-mapping",
                   test_import_metrics_applies_a_wide_export_through_the_saved_mapping);

  g_test_add_func ("/cli/import/problems-are-said-in-italian", test_problems_are_said_in_italian);

  status = g_test_run ();
  g_rmdir (dir);
  g_free (dir);
  return status;
}
