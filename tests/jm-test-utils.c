/* jm-test-utils.c — see jm-test-utils.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "jm-reader.h"
#include "jm-test-utils.h"

void
jm_test_spin (void)
{
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
stop_waiting (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
jm_test_spin_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, stop_waiting, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  jm_test_spin ();
}

char *
jm_test_example_path (const char *name)
{
  const char *root = g_getenv ("JM_SOURCE_ROOT");

  g_assert_nonnull (root);
  return g_build_filename (root, "data", "examples", name, NULL);
}

JmDocument *
jm_test_load_example (const char *name)
{
  g_autofree char *path = jm_test_example_path (name);
  g_autoptr(GError) error = NULL;
  JmDocument *doc = jm_reader_load_path (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

JmDocument *
jm_test_small_map (void)
{
  JmDocument *doc = jm_document_new ();
  JmStage *a = jm_stage_new ("a", "Awareness");
  JmStage *b = jm_stage_new ("b", "Purchase");
  JmLane *text = jm_lane_new ("text", JM_LANE_TEXT, "Actions");
  JmLane *touch = jm_lane_new ("touch", JM_LANE_TOUCHPOINTS, "Touchpoints");
  JmLane *feel = jm_lane_new ("feel", JM_LANE_EMOTIONS, "Emotions");
  JmCard *wide = jm_card_new ("wide", "s1", "Sees an ad, then searches");

  g_ptr_array_add (a->steps, jm_step_new ("s1", "Sees ad"));
  g_ptr_array_add (a->steps, jm_step_new ("s2", "Searches"));
  g_ptr_array_add (b->steps, jm_step_new ("s3", "Buys"));
  wide->span = 2;
  g_ptr_array_add (text->cards, wide);
  g_ptr_array_add (text->cards, jm_card_new ("buy", "s3", "Pays at the till"));
  g_ptr_array_add (touch->cards, jm_card_new ("web", "s2", "Website"));

  jm_document_build_header (doc, "Bike repair", NULL, NULL, JM_MAP_STATE_CURRENT);
  jm_document_build_persona (doc, jm_persona_new ("p1", "Giulia"));
  jm_document_build_persona (doc, jm_persona_new ("p2", "Marco"));
  jm_document_build_stage (doc, a);
  jm_document_build_stage (doc, b);
  jm_document_build_lane (doc, text);
  jm_document_build_lane (doc, touch);
  jm_document_build_lane (doc, feel);
  jm_document_build_emotion (doc, jm_emotion_new ("p1", "s1", JM_MAP_STATE_CURRENT, -1));
  jm_document_build_emotion (doc, jm_emotion_new ("p1", "s2", JM_MAP_STATE_CURRENT, 1));
  return doc;
}

void
jm_test_bind_translations (void)
{
  const char *build = g_getenv ("JM_BUILD_ROOT");
  const char *numeric = g_getenv ("LC_NUMERIC");
  g_autofree char *po = NULL;

  g_assert_nonnull (build);
  po = g_build_filename (build, "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, po);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (numeric != NULL && g_str_has_prefix (numeric, "it_IT")
      && g_strcmp0 (setlocale (LC_NUMERIC, NULL), numeric) != 0)
    g_error ("The locale %s is missing: build-aux/deps.sh's jm_ensure_locales generates it "
             "(build-aux/test calls it)", numeric);
}
