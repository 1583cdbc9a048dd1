/* test-save-kill.c — a process killed at any moment of a save leaves the
 * old file or the new one, complete and valid, never a mix or a stub. */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "jm-reader.h"
#include "jm-writer.h"

static JmDocument *
make_map (guint cards,
          const char *title)
{
  JmDocument *doc = jm_document_new ();
  JmStage *stage = jm_stage_new ("a", "Stage");
  JmLane *lane = jm_lane_new ("l", JM_LANE_TEXT, "Lane");

  for (guint s = 0; s < 10; s++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", s);
      g_ptr_array_add (stage->steps, jm_step_new (id, "Step"));
    }
  for (guint c = 0; c < cards; c++)
    {
      g_autofree char *id = g_strdup_printf ("c%u", c);
      g_autofree char *step = g_strdup_printf ("s%u", c * 10 / cards);
      g_ptr_array_add (lane->cards, jm_card_new (id, step, "A card with a sentence or two of text in it, "
                                                           "long enough to make the file take a while to write."));
    }
  jm_document_build_header (doc, title, NULL, NULL, JM_MAP_STATE_CURRENT);
  jm_document_build_stage (doc, stage);
  jm_document_build_lane (doc, lane);
  return doc;
}

static void
test_killed_save_leaves_old_or_new_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jm-kill-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "map.journey", NULL);
  g_autoptr(JmDocument) old_doc = make_map (4000, "Old");
  g_autoptr(JmDocument) new_doc = make_map (6000, "New");
  g_autofree char *old_text = jm_writer_to_string (old_doc, NULL);
  g_autofree char *new_text = jm_writer_to_string (new_doc, NULL);
  guint saw_old = 0, saw_new = 0;
  GDir *listing;
  const char *name;

  g_assert_true (jm_writer_save_path (old_doc, path, NULL));

  for (guint round = 0; round < 30; round++)
    {
      pid_t pid = fork ();
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(JmDocument) read_back = NULL;
      int status;

      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          /* Save, over and over, alternating the two versions. */
          for (guint i = 0;; i++)
            jm_writer_save_path (i % 2 ? old_doc : new_doc, path, NULL);
        }

      g_usleep ((gulong) g_test_rand_int_range (1000, 40000));
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);
      g_assert_true (WIFSIGNALED (status));

      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      if (g_str_equal (contents, old_text))
        saw_old++;
      else if (g_str_equal (contents, new_text))
        saw_new++;
      else
        g_error ("round %u: the file is neither the old map nor the new one (%zu bytes)", round, strlen (contents));

      read_back = jm_reader_load_path (path, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_str_equal (jm_document_get_title (read_back), "Old")
                     || g_str_equal (jm_document_get_title (read_back), "New"));
    }
  g_test_message ("old %u times, new %u times", saw_old, saw_new);
  g_assert_cmpuint (saw_old + saw_new, ==, 30);

  /* Clean up, temporary files of killed saves included. */
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);
      g_unlink (file);
    }
  g_dir_close (listing);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/io/save/killed-save-leaves-old-or-new-file", test_killed_save_leaves_old_or_new_file);
  return g_test_run ();
}
