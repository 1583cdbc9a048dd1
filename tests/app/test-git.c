/* test-git.c — maps in git, with Debian's git in repositories the tests
 * make: `journey-maps --git-setup`, the merge driver, the textconv
 * outline, the external diff; and `--diff`, `--merge`, `--textconv` run
 * as a user runs them. git's own configuration is kept out: HOME is a
 * folder of the test's, and the system's configuration is not read. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

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
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

typedef struct {
  char  *dir;    /* the test's own folder */
  char  *repo;   /* a git repository in it */
  char **env;
} Fixture;

static char **
make_env (const char *home)
{
  g_autofree char *bin_dir = g_path_get_dirname (binary);
  g_autofree char *config = g_build_filename (home, ".config", NULL);
  const char *old_path = g_getenv ("PATH");
  g_autofree char *path = g_strconcat (bin_dir, ":", old_path ? old_path : "/usr/bin:/bin", NULL);
  char **env = g_get_environ ();

  env = g_environ_setenv (env, "HOME", home, TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", config, TRUE);
  env = g_environ_setenv (env, "PATH", path, TRUE);
  env = g_environ_setenv (env, "GIT_CONFIG_NOSYSTEM", "1", TRUE);
  /* git must not find a repository around the test's folder. */
  env = g_environ_setenv (env, "GIT_CEILING_DIRECTORIES", g_get_tmp_dir (), TRUE);
  env = g_environ_unsetenv (env, "GIT_DIR");
  env = g_environ_unsetenv (env, "GIT_WORK_TREE");
  env = g_environ_unsetenv (env, "GIT_EXTERNAL_DIFF");
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  return env;
}

static Result
run_in (const char  *cwd,
        char       **env,
        const char  *first,
        ...) G_GNUC_NULL_TERMINATED;

/* Runs a program (found on PATH: "git", "journey-maps") in cwd. */
static Result
run_in (const char  *cwd,
        char       **env,
        const char  *first,
        ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  Result r = { 0 };
  va_list args;
  int wait_status;

  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  /* Our program by its build path, git from PATH. */
  if (g_str_equal (first, "journey-maps"))
    argv->pdata[0] = (char *) binary;
  g_spawn_sync (cwd, (char **) argv->pdata, env, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &r.out, &r.err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r.status = WEXITSTATUS (wait_status);
  return r;
}

/* Runs it and insists it succeeds. */
#define git_ok(f, ...) G_STMT_START {                                          \
    Result _r = run_in ((f)->repo, (f)->env, "git", __VA_ARGS__, NULL);         \
    if (_r.status != 0)                                                         \
      g_error ("git %s failed: %s%s", #__VA_ARGS__, _r.out, _r.err);            \
    result_clear (&_r);                                                         \
  } G_STMT_END

#define COMMIT "-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-q"

static void
rm_rf (const char *path)
{
  GDir *dir;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK)
      && (dir = g_dir_open (path, 0, NULL)) != NULL)
    {
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          rm_rf (child);
        }
      g_dir_close (dir);
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *home = NULL;

  f->dir = g_dir_make_tmp ("jm-git-XXXXXX", NULL);
  home = g_build_filename (f->dir, "home", NULL);
  f->repo = g_build_filename (f->dir, "repo", NULL);
  g_mkdir (home, 0700);
  g_mkdir (f->repo, 0700);
  f->env = make_env (home);
  git_ok (f, "init", "-q", "-b", "main");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->repo);
  g_strfreev (f->env);
}

static char *
repo_file (Fixture    *f,
           const char *name)
{
  return g_build_filename (f->repo, name, NULL);
}

static char *
read_file (const char *path)
{
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  return contents;
}

/* Replaces text in the repository's map, as an editor would. */
static void
edit_map (Fixture    *f,
          const char *from,
          const char *to)
{
  g_autofree char *path = repo_file (f, "map.journey");
  g_autofree char *contents = read_file (path);
  const char *at = strstr (contents, from);
  g_autoptr(GString) changed = g_string_new (NULL);

  g_assert_nonnull (at);
  g_string_append_len (changed, contents, at - contents);
  g_string_append (changed, to);
  g_string_append (changed, at + strlen (from));
  g_assert_true (g_file_set_contents (path, changed->str, -1, NULL));
}

/* A repository set up for maps, with the restaurant example committed. */
static void
commit_example (Fixture *f)
{
  g_autofree char *source = g_build_filename (examples, "restaurant-regular.journey", NULL);
  g_autofree char *contents = read_file (source);
  g_autofree char *path = repo_file (f, "map.journey");
  Result r = run_in (f->repo, f->env, "journey-maps", "--git-setup", NULL);

  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  git_ok (f, "add", "map.journey", ".gitattributes");
  git_ok (f, COMMIT, "-m", "A map");
}

static void
check_map (Fixture *f)
{
  g_autofree char *path = repo_file (f, "map.journey");
  Result r = run_in (f->repo, f->env, "journey-maps", "--check", path, NULL);

  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
}

/* ---- --git-setup ---- */

static void
test_setup_twice_changes_nothing_and_remove_undoes_it (Fixture       *f,
                                                       gconstpointer  data)
{
  g_autofree char *config = repo_file (f, ".git/config");
  g_autofree char *attributes = repo_file (f, ".gitattributes");
  g_autofree char *config_before = read_file (config);
  g_autofree char *config_set = NULL;
  g_autofree char *attributes_set = NULL;
  g_autofree char *config_again = NULL;
  g_autofree char *attributes_again = NULL;
  g_autofree char *config_removed = NULL;
  Result r;

  r = run_in (f->repo, f->env, "journey-maps", "--git-setup", NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  config_set = read_file (config);
  attributes_set = read_file (attributes);
  g_assert_cmpstr (attributes_set, ==, "*.journey diff=journey merge=journey\n");

  r = run_in (f->repo, f->env, "git", "config", "--get", "merge.journey.driver", NULL);
  g_assert_cmpstr (r.out, ==, "journey-maps --merge %O %A %B -o %A\n");
  result_clear (&r);
  r = run_in (f->repo, f->env, "git", "config", "--get", "diff.journey.textconv", NULL);
  g_assert_cmpstr (r.out, ==, "journey-maps --textconv\n");
  result_clear (&r);
  r = run_in (f->repo, f->env, "git", "check-attr", "diff", "merge", "--", "a/b.journey", NULL);
  g_assert_cmpstr (r.out, ==, "a/b.journey: diff: journey\na/b.journey: merge: journey\n");
  result_clear (&r);

  r = run_in (f->repo, f->env, "journey-maps", "--git-setup", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "nothing changed"));
  result_clear (&r);
  config_again = read_file (config);
  attributes_again = read_file (attributes);
  g_assert_cmpstr (config_again, ==, config_set);
  g_assert_cmpstr (attributes_again, ==, attributes_set);

  r = run_in (f->repo, f->env, "journey-maps", "--git-setup", "--remove", NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  config_removed = read_file (config);
  g_assert_cmpstr (config_removed, ==, config_before);
  g_assert_false (g_file_test (attributes, G_FILE_TEST_EXISTS));
}

static void
test_setup_keeps_other_attributes (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *attributes = repo_file (f, ".gitattributes");
  g_autofree char *after = NULL;
  Result r;

  g_assert_true (g_file_set_contents (attributes, "*.png binary", -1, NULL));
  r = run_in (f->repo, f->env, "journey-maps", "--git-setup", NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  after = read_file (attributes);
  g_assert_cmpstr (after, ==, "*.png binary\n*.journey diff=journey merge=journey\n");

  r = run_in (f->repo, f->env, "journey-maps", "--git-setup", "--remove", NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  g_free (after);
  after = read_file (attributes);
  g_assert_cmpstr (after, ==, "*.png binary\n");
}

static void
test_setup_outside_a_repository_says_so (Fixture       *f,
                                         gconstpointer  data)
{
  Result r = run_in (f->dir, f->env, "journey-maps", "--git-setup", NULL);

  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "not inside a git repository"));
  g_assert_cmpstr (r.out, ==, "");
  result_clear (&r);
}

static void
test_setup_global_is_the_users_and_remove_undoes_it (Fixture       *f,
                                                     gconstpointer  data)
{
  g_autofree char *gitconfig = g_build_filename (f->dir, "home", ".gitconfig", NULL);
  g_autofree char *attributes = g_build_filename (f->dir, "home", ".config", "git", "attributes", NULL);
  g_autofree char *contents = NULL;
  Result r;

  /* Outside any repository. */
  r = run_in (f->dir, f->env, "journey-maps", "--git-setup", "--global", NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  contents = read_file (attributes);
  g_assert_cmpstr (contents, ==, "*.journey diff=journey merge=journey\n");
  r = run_in (f->repo, f->env, "git", "config", "--global", "--get", "merge.journey.driver", NULL);
  g_assert_cmpstr (r.out, ==, "journey-maps --merge %O %A %B -o %A\n");
  result_clear (&r);
  r = run_in (f->repo, f->env, "git", "check-attr", "merge", "--", "x.journey", NULL);
  g_assert_cmpstr (r.out, ==, "x.journey: merge: journey\n");
  result_clear (&r);
  /* The repository's own configuration is untouched. */
  r = run_in (f->repo, f->env, "git", "config", "--local", "--get", "merge.journey.driver", NULL);
  g_assert_cmpint (r.status, ==, 1);
  result_clear (&r);

  r = run_in (f->dir, f->env, "journey-maps", "--git-setup", "--global", "--remove", NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  g_clear_pointer (&contents, g_free);
  contents = read_file (gitconfig);
  g_assert_null (strstr (contents ? contents : "", "journey"));
  g_assert_false (g_file_test (attributes, G_FILE_TEST_EXISTS));
}

/* ---- merging and diffing in git ---- */

static void
test_branches_editing_different_cards_merge_cleanly (Fixture       *f,
                                                     gconstpointer  data)
{
  g_autofree char *path = repo_file (f, "map.journey");
  g_autofree char *merged = NULL;
  Result r;

  commit_example (f);
  git_ok (f, "checkout", "-q", "-b", "kitchen");
  /* Cards far apart in the file, so that only a merge by id sees them as
   * separate: c-3 in the first lane, c-24 in the metrics lane... */
  edit_map (f, "Walks in on a Tuesday without booking", "Walks in on a rainy Tuesday without booking");
  git_ok (f, COMMIT, "-a", "-m", "Rain");
  git_ok (f, "checkout", "-q", "main");
  /* ...and c-3's neighbour c-4, on the line right after: text merges
   * would conflict here. */
  edit_map (f, "Asks the waiter what he would order", "Asks the waiter for the dish of the day");
  edit_map (f, "<card id=\"c-18\" step=\"s-arrive\" severity=\"low\">",
            "<card id=\"c-18\" step=\"s-arrive\" severity=\"medium\">");
  git_ok (f, COMMIT, "-a", "-m", "Dish of the day");

  r = run_in (f->repo, f->env, "git", "-c", "user.name=Test", "-c", "user.email=test@example.org",
              "merge", "--no-edit", "kitchen", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_null (strstr (r.out, "CONFLICT"));
  result_clear (&r);

  check_map (f);
  merged = read_file (path);
  g_assert_nonnull (strstr (merged, "<text>Walks in on a rainy Tuesday without booking</text>"));
  g_assert_nonnull (strstr (merged, "<text>Asks the waiter for the dish of the day</text>"));
  g_assert_nonnull (strstr (merged, "<card id=\"c-18\" step=\"s-arrive\" severity=\"medium\">"));
  g_assert_null (strstr (merged, "<conflicts>"));
  g_assert_null (strstr (merged, "<<<<<<<"));
}

static void
test_same_card_text_conflicts_and_the_map_lists_it (Fixture       *f,
                                                    gconstpointer  data)
{
  g_autofree char *path = repo_file (f, "map.journey");
  g_autofree char *merged = NULL;
  Result r;

  commit_example (f);
  git_ok (f, "checkout", "-q", "-b", "kitchen");
  edit_map (f, "Walks in on a Tuesday without booking", "Walks in on a Friday");
  git_ok (f, COMMIT, "-a", "-m", "Friday");
  git_ok (f, "checkout", "-q", "main");
  edit_map (f, "Walks in on a Tuesday without booking", "Books a table for Tuesday");
  git_ok (f, COMMIT, "-a", "-m", "Booking");

  r = run_in (f->repo, f->env, "git", "-c", "user.name=Test", "-c", "user.email=test@example.org",
              "merge", "--no-edit", "kitchen", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.out, "CONFLICT (content): Merge conflict in map.journey"));
  g_assert_nonnull (strstr (r.err, "1 conflict, kept in the map until resolved"));
  result_clear (&r);

  r = run_in (f->repo, f->env, "git", "status", "--porcelain", NULL);
  g_assert_cmpstr (r.out, ==, "UU map.journey\n");
  result_clear (&r);

  /* A valid map, ours in place, both sides recorded. */
  check_map (f);
  merged = read_file (path);
  g_assert_null (strstr (merged, "<<<<<<<"));
  g_assert_nonnull (strstr (merged, "<text>Books a table for Tuesday</text>"));
  g_assert_nonnull (strstr (merged, "    <conflict object=\"card\" ref=\"c-3\" field=\"text\">\n"
                                    "      <base>Walks in on a Tuesday without booking</base>\n"
                                    "      <ours>Books a table for Tuesday</ours>\n"
                                    "      <theirs>Walks in on a Friday</theirs>\n"
                                    "    </conflict>\n"));

  r = run_in (f->repo, f->env, "journey-maps", "--textconv", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "\nConflict: Card \u201cBooks a table for Tuesday\u201d (c-3), text: "
                                   "ours \u201cBooks a table for Tuesday\u201d, theirs \u201cWalks in on a Friday\u201d "
                                   "(was \u201cWalks in on a Tuesday without booking\u201d)\n"));
  result_clear (&r);
}

static void
test_git_diff_shows_the_outline (Fixture       *f,
                                 gconstpointer  data)
{
  Result r;

  commit_example (f);
  edit_map (f, "Walks in on a Tuesday without booking", "Walks in on a Friday");

  r = run_in (f->repo, f->env, "git", "diff", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "\n-    Card c-3 in \u201cCustomer actions\u201d: text \u201cWalks in on a Tuesday without booking\u201d\n"
                                   "+    Card c-3 in \u201cCustomer actions\u201d: text \u201cWalks in on a Friday\u201d\n"));
  /* git's hunk header names the stage the hunk starts in. */
  g_assert_nonnull (strstr (r.out, " @@ Stage st-"));
  g_assert_null (strstr (r.out, "<text>"));
  result_clear (&r);

  git_ok (f, COMMIT, "-a", "-m", "Friday");
  r = run_in (f->repo, f->env, "git", "log", "-p", "-1", NULL);
  g_assert_nonnull (strstr (r.out, "+    Card c-3 in \u201cCustomer actions\u201d: text \u201cWalks in on a Friday\u201d\n"));
  result_clear (&r);
}

static void
test_git_external_diff_tells_the_changes (Fixture       *f,
                                          gconstpointer  data)
{
  Result r;

  commit_example (f);
  edit_map (f, "Walks in on a Tuesday without booking", "Walks in on a Friday");
  edit_map (f, "name=\"Discover\"", "name=\"Discovery\"");

  r = run_in (f->repo, f->env, "git", "-c", "diff.journey.command=journey-maps --diff", "diff", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==,
                   "diff --journey a/map.journey b/map.journey\n"
                   "~ Stage \u201cDiscovery\u201d (st-discover)\n"
                   "    renamed \u201cDiscover\u201d \u2192 \u201cDiscovery\u201d\n"
                   "~ Card \u201cWalks in on a Friday\u201d (c-3)\n"
                   "    text: \u201cWalks in on a Tuesday without booking\u201d \u2192 \u201cWalks in on a Friday\u201d\n");
  result_clear (&r);

  /* A map git adds: a line about it. */
  {
    g_autofree char *source = g_build_filename (examples, "online-shop.journey", NULL);
    g_autofree char *contents = read_file (source);
    g_autofree char *added = repo_file (f, "shop.journey");

    g_assert_true (g_file_set_contents (added, contents, -1, NULL));
    git_ok (f, "add", "-N", "shop.journey");
  }
  r = run_in (f->repo, f->env, "git", "-c", "diff.journey.command=journey-maps --diff", "diff", "--",
              "shop.journey", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "diff --journey a/shop.journey b/shop.journey\n+ map \u201c"));
  result_clear (&r);
}

/* ---- the options themselves ---- */

static void
test_diff_exit_statuses (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *map = g_build_filename (examples, "restaurant-regular.journey", NULL);
  g_autofree char *other = g_build_filename (examples, "online-shop.journey", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "bad.journey", NULL);
  g_autofree char *expected = NULL;
  Result r;

  r = run_in (f->dir, f->env, "journey-maps", "--diff", map, map, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "");
  result_clear (&r);

  r = run_in (f->dir, f->env, "journey-maps", "--diff", map, other, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.out, "~ Map\n    title: \u201cA regular at Trattoria da Lucia\u201d \u2192 "));
  result_clear (&r);

  g_assert_true (g_file_set_contents (bad, "<journey-map xmlns=\"urn:journey-maps:1\" format-version=\"1\">\n"
                                           "  <title>x</title>\n  <stages>\n</journey-map>\n", -1, NULL));
  r = run_in (f->dir, f->env, "journey-maps", "--diff", map, bad, NULL);
  g_assert_cmpint (r.status, ==, 2);
  expected = g_strdup_printf ("%s:4: ", bad);
  g_assert_true (g_str_has_prefix (r.err, expected));
  result_clear (&r);

  r = run_in (f->dir, f->env, "journey-maps", "--diff", map, NULL);
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);
  r = run_in (f->dir, f->env, "journey-maps", "--diff", "--check", map, map, NULL);
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);
  r = run_in (f->dir, f->env, "journey-maps", "--diff", "-o", bad, map, map, NULL);
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);
}

static void
test_diff_speaks_the_users_language (Fixture       *f,
                                     gconstpointer  data)
{
  g_autofree char *map = g_build_filename (examples, "restaurant-regular.journey", NULL);
  g_autofree char *changed = g_build_filename (f->dir, "changed.journey", NULL);
  g_autofree char *contents = read_file (map);
  g_autofree char *localedir = g_build_filename (g_getenv ("JM_BUILD_ROOT"), "po", NULL);
  g_auto(GStrv) env = g_strdupv (f->env);
  g_autoptr(GString) edited = g_string_new (contents);
  Result r;

  g_string_replace (edited, "severity=\"low\"", "severity=\"critical\"", 1);
  g_string_replace (edited, "score=\"1\"", "score=\"-1\"", 1);
  g_assert_true (g_file_set_contents (changed, edited->str, -1, NULL));
  env = g_environ_setenv (env, "LANGUAGE", "it", TRUE);
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  env = g_environ_setenv (env, "JOURNEY_MAPS_LOCALEDIR", localedir, TRUE);

  r = run_in (f->dir, env, "journey-maps", "--diff", map, changed, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.out, "~ Scheda \u00abTen-minute wait at the door on busy nig\u2026\u00bb (c-18)\n"
                                   "    gravit\u00e0: Bassa \u2192 Critica\n"));
  g_assert_nonnull (strstr (r.out, "~ Emozione di Paolo Ferri in \u00abDines\u00bb (Situazione attuale): +1 \u2192 \u22121\n"));
  result_clear (&r);
}

static void
test_merge_replaces_ours_or_writes_out (Fixture       *f,
                                        gconstpointer  data)
{
  g_autofree char *map = g_build_filename (examples, "restaurant-regular.journey", NULL);
  g_autofree char *contents = read_file (map);
  g_autofree char *ours = g_build_filename (f->dir, "ours.journey", NULL);
  g_autofree char *theirs = g_build_filename (f->dir, "theirs.journey", NULL);
  g_autofree char *out = g_build_filename (f->dir, "out.journey", NULL);
  g_autofree char *empty = g_build_filename (f->dir, "empty", NULL);
  g_autofree char *result = NULL;
  g_autoptr(GString) edited = g_string_new (contents);
  Result r;

  g_string_replace (edited, "Walks in on a Tuesday", "Walks in on a Monday", 1);
  g_assert_true (g_file_set_contents (theirs, edited->str, -1, NULL));
  g_assert_true (g_file_set_contents (ours, contents, -1, NULL));

  r = run_in (f->dir, f->env, "journey-maps", "--merge", map, ours, theirs, "-o", out, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  result_clear (&r);
  result = read_file (out);
  g_assert_cmpstr (result, ==, edited->str);
  g_clear_pointer (&result, g_free);
  result = read_file (ours);
  g_assert_cmpstr (result, ==, contents);

  /* Without -o, over OURS; an empty BASE is no common ancestor. */
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  r = run_in (f->dir, f->env, "journey-maps", "--merge", empty, ours, theirs, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "text: ours \u201cWalks in on a Tuesday without booking\u201d, "
                                   "theirs \u201cWalks in on a Monday without booking\u201d (was none)"));
  result_clear (&r);
  g_clear_pointer (&result, g_free);
  result = read_file (ours);
  g_assert_nonnull (strstr (result, "<conflict object=\"card\" ref=\"c-3\" field=\"text\">"));
}

static void
test_merge_of_an_unreadable_map_leaves_ours_alone (Fixture       *f,
                                                   gconstpointer  data)
{
  g_autofree char *map = g_build_filename (examples, "restaurant-regular.journey", NULL);
  g_autofree char *contents = read_file (map);
  g_autofree char *ours = g_build_filename (f->dir, "ours.journey", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "bad.journey", NULL);
  g_autofree char *after = NULL;
  g_autofree char *expected = NULL;
  Result r;

  g_assert_true (g_file_set_contents (ours, contents, -1, NULL));
  g_assert_true (g_file_set_contents (bad, "<journey-map>\n<title>\n", -1, NULL));

  r = run_in (f->dir, f->env, "journey-maps", "--merge", map, ours, bad, NULL);
  g_assert_cmpint (r.status, ==, 1);
  expected = g_strdup_printf ("%s:", bad);
  g_assert_true (g_str_has_prefix (r.err, expected));
  result_clear (&r);
  after = read_file (ours);
  g_assert_cmpstr (after, ==, contents);

  r = run_in (f->dir, f->env, "journey-maps", "--merge", map, ours, NULL);
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);
  r = run_in (f->dir, f->env, "journey-maps", "--git-setup", "-o", ours, NULL);
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);
  r = run_in (f->dir, f->env, "journey-maps", "--remove", NULL);
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);
}

static void
test_textconv_of_an_unreadable_map_names_file_and_line (Fixture       *f,
                                                         gconstpointer  data)
{
  g_autofree char *bad = g_build_filename (f->dir, "bad.journey", NULL);
  g_autofree char *expected = NULL;
  Result r;

  g_assert_true (g_file_set_contents (bad, "<journey-map xmlns=\"urn:journey-maps:1\" format-version=\"1\">\n"
                                           "  <title>x</title>\n  <stages/>\n</journey-map>\n", -1, NULL));
  r = run_in (f->dir, f->env, "journey-maps", "--textconv", bad, NULL);
  g_assert_cmpint (r.status, ==, 1);
  expected = g_strdup_printf ("%s: The map has no stages: it needs at least one\n", bad);
  g_assert_cmpstr (r.err, ==, expected);
  g_assert_cmpstr (r.out, ==, "");
  result_clear (&r);

  r = run_in (f->dir, f->env, "journey-maps", "--textconv", bad, bad, NULL);
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);
}

static void
test_help_lists_the_git_options (Fixture       *f,
                                 gconstpointer  data)
{
  Result r = run_in (f->dir, f->env, "journey-maps", "--help", NULL);
  const char *options[] = { "--diff", "--textconv", "--merge", "-o, --output=OUT", "--git-setup", "--global",
                            "--remove" };

  g_assert_cmpint (r.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    g_assert_nonnull (strstr (r.out, options[i]));
  result_clear (&r);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  binary = g_getenv ("JM_BINARY");
  examples = g_getenv ("JM_EXAMPLES");
  g_assert_nonnull (binary);
  g_assert_nonnull (examples);

  ADD ("/git/setup/twice-changes-nothing-and-remove-undoes-it", test_setup_twice_changes_nothing_and_remove_undoes_it);
  ADD ("/git/setup/keeps-other-attributes", test_setup_keeps_other_attributes);
  ADD ("/git/setup/outside-a-repository-says-so", test_setup_outside_a_repository_says_so);
  ADD ("/git/setup/global-is-the-users-and-remove-undoes-it", test_setup_global_is_the_users_and_remove_undoes_it);
  ADD ("/git/merge/branches-editing-different-cards-merge-cleanly",
       test_branches_editing_different_cards_merge_cleanly);
  ADD ("/git/merge/same-card-text-conflicts-and-the-map-lists-it",
       test_same_card_text_conflicts_and_the_map_lists_it);
  ADD ("/git/diff/shows-the-outline", test_git_diff_shows_the_outline);
  ADD ("/git/diff/external-diff-tells-the-changes", test_git_external_diff_tells_the_changes);
  ADD ("/cli/diff/exit-statuses", test_diff_exit_statuses);
  ADD ("/cli/diff/speaks-the-users-language", test_diff_speaks_the_users_language);
  ADD ("/cli/merge/replaces-ours-or-writes-out", test_merge_replaces_ours_or_writes_out);
  ADD ("/cli/merge/unreadable-map-leaves-ours-alone", test_merge_of_an_unreadable_map_leaves_ours_alone);
  ADD ("/cli/textconv/unreadable-map-names-file-and-line", test_textconv_of_an_unreadable_map_names_file_and_line);
  ADD ("/cli/help/lists-the-git-options", test_help_lists_the_git_options);

  return g_test_run ();
}
