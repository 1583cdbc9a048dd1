/* test-presentation.c — presentation mode as a facilitator drives it: the
 * keys clickers send move through the overview and the stages, number keys
 * jump, O toggles the overview, B blanks, C switches to high contrast,
 * Escape leaves; the notes window follows with the stage's notes, the next
 * stage and a running clock. */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "jm-map-view.h"
#include "jm-presentation-window.h"
#include "jm-test-utils.h"
#include "jm-reader.h"

/* Every label's text under root, joined by newlines. */
static void
collect_text (GtkWidget *root,
              GString   *out)
{
  if (GTK_IS_LABEL (root))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

static char *
notes_text (JmPresentationWindow *presentation)
{
  GString *out = g_string_new (NULL);

  collect_text (GTK_WIDGET (jm_presentation_window_get_notes (presentation)), out);
  return g_string_free (out, FALSE);
}

static guint
stage_slide (JmPresentationWindow *presentation)
{
  const JmSlide *slide = jm_presentation_window_get_slide (presentation);

  return slide->kind == JM_SLIDE_OVERVIEW ? G_MAXUINT : slide->stage_index;
}

static void
test_clicker_keys_walk_the_stages (void)
{
  g_autoptr(JmDocument) doc = jm_test_load_example ("restaurant-regular.journey");
  GPtrArray *stages = jm_document_get_stages (doc);
  JmPresentationWindow *p = jm_presentation_window_new (doc, NULL, 14, FALSE);
  guint n, last_stage = G_MAXUINT;
  g_autofree char *text = NULL;
  gboolean destroyed = FALSE;

  g_object_add_weak_pointer (G_OBJECT (p), (gpointer *) &p);
  gtk_window_set_default_size (GTK_WINDOW (p), 1920, 1080);
  jm_presentation_window_start (p, NULL);
  jm_test_spin ();

  n = jm_presentation_window_get_n_slides (p);
  g_assert_cmpuint (n, >, stages->len);
  g_assert_cmpuint (jm_presentation_window_get_index (p), ==, 0);
  g_assert_cmpint (jm_presentation_window_get_slide (p)->kind, ==, JM_SLIDE_OVERVIEW);

  /* Forward with every key a clicker or keyboard may send: the stages come in order. */
  {
    const guint forward[] = { GDK_KEY_Right, GDK_KEY_space, GDK_KEY_Page_Down, GDK_KEY_Return, GDK_KEY_Down };

    for (guint i = 1; i < n; i++)
      {
        g_assert_true (jm_presentation_window_handle_key (p, forward[i % G_N_ELEMENTS (forward)], 0));
        g_assert_cmpuint (jm_presentation_window_get_index (p), ==, i);
        g_assert_cmpuint (stage_slide (p), >=, last_stage == G_MAXUINT ? 0 : last_stage);
        last_stage = stage_slide (p);
      }
    g_assert_cmpuint (last_stage, ==, stages->len - 1);
    /* Past the end it stays. */
    jm_presentation_window_handle_key (p, GDK_KEY_Right, 0);
    g_assert_cmpuint (jm_presentation_window_get_index (p), ==, n - 1);
  }

  /* Back, Home, End. */
  g_assert_true (jm_presentation_window_handle_key (p, GDK_KEY_Page_Up, 0));
  g_assert_cmpuint (jm_presentation_window_get_index (p), ==, n - 2);
  jm_presentation_window_handle_key (p, GDK_KEY_BackSpace, 0);
  g_assert_cmpuint (jm_presentation_window_get_index (p), ==, n - 3);
  jm_presentation_window_handle_key (p, GDK_KEY_Home, 0);
  g_assert_cmpuint (jm_presentation_window_get_index (p), ==, 0);
  jm_presentation_window_handle_key (p, GDK_KEY_Left, 0);
  g_assert_cmpuint (jm_presentation_window_get_index (p), ==, 0);
  jm_presentation_window_handle_key (p, GDK_KEY_End, 0);
  g_assert_cmpuint (jm_presentation_window_get_index (p), ==, n - 1);

  /* Number keys jump to a stage's first slide; a stage that is not there does nothing. */
  jm_presentation_window_handle_key (p, GDK_KEY_3, 0);
  g_assert_cmpuint (stage_slide (p), ==, 2);
  g_assert_cmpuint (jm_presentation_window_get_slide (p)->part, ==, 0);
  jm_presentation_window_handle_key (p, GDK_KEY_9, 0);
  g_assert_cmpuint (stage_slide (p), ==, 2);

  /* The notes window shows this stage, its notes, the next and the clock. */
  text = notes_text (p);
  g_assert_nonnull (strstr (text, "Becoming a regular"));
  g_assert_nonnull (strstr (text, "Which small gestures turned a guest into a regular here?"));
  g_assert_nonnull (strstr (text, "Stage 3 of 5"));
  g_assert_nonnull (strstr (text, "Next: "));
  g_assert_nonnull (strstr (text, "00:0"));
  g_clear_pointer (&text, g_free);

  /* O: to the overview and back to where we were. */
  {
    guint here = jm_presentation_window_get_index (p);

    jm_presentation_window_handle_key (p, GDK_KEY_o, 0);
    g_assert_cmpuint (jm_presentation_window_get_index (p), ==, 0);
    text = notes_text (p);
    g_assert_nonnull (strstr (text, "Overview"));
    /* The map's own notes are not the presenter's. */
    g_assert_null (strstr (text, jm_document_get_notes (doc)));
    g_clear_pointer (&text, g_free);
    jm_presentation_window_handle_key (p, GDK_KEY_O, 0);
    g_assert_cmpuint (jm_presentation_window_get_index (p), ==, here);
  }

  /* B and the clicker's "." blank and unblank; C switches the colours. */
  jm_presentation_window_handle_key (p, GDK_KEY_b, 0);
  g_assert_true (jm_presentation_window_get_blanked (p));
  jm_presentation_window_handle_key (p, GDK_KEY_period, 0);
  g_assert_false (jm_presentation_window_get_blanked (p));
  jm_presentation_window_handle_key (p, GDK_KEY_c, 0);
  g_assert_true (jm_presentation_window_get_high_contrast (p));

  /* Shortcuts with Control are the application's, not the presentation's. */
  g_assert_false (jm_presentation_window_handle_key (p, GDK_KEY_Right, GDK_CONTROL_MASK));

  /* Escape leaves, closing the notes too. */
  g_assert_true (jm_presentation_window_handle_key (p, GDK_KEY_Escape, 0));
  jm_test_spin ();
  destroyed = p == NULL;
  g_assert_true (destroyed);
}

static void
test_notes_follow_the_persona_filter_and_document (void)
{
  g_autoptr(JmDocument) doc = jm_test_load_example ("restaurant-regular.journey");
  JmPresentationWindow *p = jm_presentation_window_new (doc, "p-marta", 14, FALSE);
  g_autofree char *text = NULL;
  JmStage *stage;

  gtk_window_set_default_size (GTK_WINDOW (p), 1280, 720);
  jm_presentation_window_start (p, NULL);
  jm_test_spin ();
  jm_presentation_window_handle_key (p, GDK_KEY_1, 0);

  /* Editing the map while presenting (from the main window) shows at once. */
  stage = jm_stage_copy (jm_document_find_stage (doc, "st-discover"));
  g_free (stage->notes);
  stage->notes = g_strdup ("Ask who booked the last team dinner.");
  jm_document_update_stage (doc, stage, NULL);
  jm_test_spin ();
  text = notes_text (p);
  g_assert_nonnull (strstr (text, "Ask who booked the last team dinner."));
  g_assert_nonnull (strstr (text, "Discover"));
  gtk_window_destroy (GTK_WINDOW (p));
  jm_test_spin ();
}

/* Text that cannot reach the minimum (a huge one asked for) is said on the
 * presenter's screen; N brings the notes forward. */
static void
test_presenter_hears_of_text_below_the_minimum (void)
{
  g_autoptr(JmDocument) doc = jm_test_load_example ("restaurant-regular.journey");
  JmPresentationWindow *p = jm_presentation_window_new (doc, NULL, 400, FALSE);
  g_autofree char *text = NULL;

  gtk_window_set_default_size (GTK_WINDOW (p), 1280, 720);
  jm_presentation_window_start (p, NULL);
  jm_test_spin ();
  jm_presentation_window_handle_key (p, GDK_KEY_1, 0);
  g_assert_true (jm_presentation_window_get_slide (p)->below_min);
  text = notes_text (p);
  g_assert_nonnull (strstr (text, "text below the minimum size"));
  g_assert_true (jm_presentation_window_handle_key (p, GDK_KEY_n, 0));
  gtk_window_destroy (GTK_WINDOW (p));
  jm_test_spin ();
}

/* The smallest text is a share of the screen's height: 2.8 % of 1080
 * pixels is about 30, more than the 14 pixels asked for before, so stages
 * come in more parts, each readable from the back or marked. */
static void
test_smallest_text_is_a_share_of_the_screen (void)
{
  g_autoptr(JmDocument) doc = jm_test_load_example ("restaurant-regular.journey");
  JmPresentationWindow *p = jm_presentation_window_new (doc, NULL, 14, FALSE);
  guint before;

  gtk_window_set_default_size (GTK_WINDOW (p), 1920, 1080);
  jm_presentation_window_start (p, NULL);
  jm_test_spin ();
  before = jm_presentation_window_get_n_slides (p);
  jm_presentation_window_set_min_text_share (p, 2.8);
  g_assert_cmpuint (jm_presentation_window_get_n_slides (p), >, before);
  for (guint i = 1; i < jm_presentation_window_get_n_slides (p); i++)
    {
      const JmSlide *slide;

      jm_presentation_window_handle_key (p, GDK_KEY_Right, 0);
      slide = jm_presentation_window_get_slide (p);
      /* The screen is what the window got (Xvfb's may be smaller than asked). */
      g_assert_true (JM_PRESENTATION_TEXT_SIZE * slide->scale >= 0.028 * gtk_widget_get_height (GTK_WIDGET (p)) - 1
                     || slide->below_min);
    }
  gtk_window_destroy (GTK_WINDOW (p));
  jm_test_spin ();
}

/* The presenter zooms (+, −) and pans (Shift and the arrows) live, and 0
 * goes back to the slide as planned. */
static void
test_presenter_zooms_and_pans_and_returns_to_the_slide (void)
{
  g_autoptr(JmDocument) doc = jm_test_load_example ("restaurant-regular.journey");
  JmPresentationWindow *p = jm_presentation_window_new (doc, NULL, 14, FALSE);
  JmView slide, zoomed;
  guint index;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  gtk_window_set_default_size (GTK_WINDOW (p), 1280, 720);
  jm_presentation_window_start (p, NULL);
  jm_test_spin ();
  jm_presentation_window_handle_key (p, GDK_KEY_2, 0);
  index = jm_presentation_window_get_index (p);
  slide = *jm_presentation_window_get_view (p);

  g_assert_true (jm_presentation_window_handle_key (p, GDK_KEY_plus, 0));
  zoomed = *jm_presentation_window_get_view (p);
  g_assert_cmpfloat_with_epsilon (zoomed.scale, slide.scale * 1.25, 1e-9);
  g_assert_true (jm_presentation_window_handle_key (p, GDK_KEY_Right, GDK_SHIFT_MASK));
  g_assert_cmpfloat (jm_presentation_window_get_view (p)->x, >, zoomed.x);
  /* Panning is not moving on. */
  g_assert_cmpuint (jm_presentation_window_get_index (p), ==, index);
  g_assert_true (jm_presentation_window_handle_key (p, GDK_KEY_minus, 0));
  g_assert_cmpfloat_with_epsilon (jm_presentation_window_get_view (p)->scale, slide.scale, 1e-9);

  g_assert_true (jm_presentation_window_handle_key (p, GDK_KEY_0, 0));
  g_assert_cmpuint (jm_presentation_window_get_index (p), ==, index);
  g_assert_cmpfloat_with_epsilon (jm_presentation_window_get_view (p)->scale, slide.scale, 1e-9);
  g_assert_cmpfloat_with_epsilon (jm_presentation_window_get_view (p)->x, slide.x, 1e-6);
  g_assert_cmpfloat_with_epsilon (jm_presentation_window_get_view (p)->y, slide.y, 1e-6);

  /* P: one slide per stage, and back to readable parts, staying on the stage. */
  {
    guint parts = jm_presentation_window_get_n_slides (p);
    guint stage = jm_presentation_window_get_slide (p)->stage_index;

    g_assert_true (jm_presentation_window_handle_key (p, GDK_KEY_p, 0));
    g_assert_cmpuint (jm_presentation_window_get_n_slides (p), ==, 1 + jm_document_get_stages (doc)->len);
    g_assert_cmpuint (jm_presentation_window_get_slide (p)->stage_index, ==, stage);
    g_assert_true (jm_presentation_window_handle_key (p, GDK_KEY_p, 0));
    g_assert_cmpuint (jm_presentation_window_get_n_slides (p), ==, parts);
  }
  gtk_window_destroy (GTK_WINDOW (p));
  jm_test_spin ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
}

/* Spins until the notes' pictures show these slides (or a few seconds
 * pass: the asserts then say what they show). */
static void
wait_for_pictures (JmPresentationWindow *p,
                   guint                 current,
                   guint                 next)
{
  for (guint i = 0; i < 200; i++)
    {
      guint c, n;

      jm_presentation_window_get_pictures (p, &c, &n);
      if (c == current && n == next)
        return;
      jm_test_spin_for (20);
    }
}

static gboolean
wait_for_active (GtkWindow *window)
{
  for (guint i = 0; i < 200 && !gtk_window_is_active (window); i++)
    jm_test_spin_for (20);
  return gtk_window_is_active (window);
}

/* The presenter sees this slide and the next as pictures, drawn by the
 * slides' own painter, moving with the slides; the time of day beside the
 * time since the start; and N brings the notes to the front and the
 * slides back, on the one screen Xvfb has. */
static void
test_notes_show_both_slides_the_time_and_come_forward (void)
{
  g_autoptr(JmDocument) doc = jm_test_load_example ("online-shop.journey");
  JmPresentationWindow *p = jm_presentation_window_new (doc, NULL, 14, FALSE);
  GtkWindow *notes = jm_presentation_window_get_notes (p);
  guint current, next, n;
  g_autofree char *text = NULL;
  g_autofree char *before = NULL, *after = NULL;

  gtk_window_set_default_size (GTK_WINDOW (p), 1280, 720);
  jm_presentation_window_start (p, NULL);
  jm_test_spin ();
  n = jm_presentation_window_get_n_slides (p);

  wait_for_pictures (p, 0, 1);
  jm_presentation_window_get_pictures (p, &current, &next);
  g_assert_cmpuint (current, ==, 0);
  g_assert_cmpuint (next, ==, 1);

  /* They follow next and previous, and the end. */
  jm_presentation_window_handle_key (p, GDK_KEY_Right, 0);
  jm_presentation_window_handle_key (p, GDK_KEY_Right, 0);
  wait_for_pictures (p, 2, 3);
  jm_presentation_window_get_pictures (p, &current, &next);
  g_assert_cmpuint (current, ==, 2);
  g_assert_cmpuint (next, ==, 3);
  jm_presentation_window_handle_key (p, GDK_KEY_Left, 0);
  wait_for_pictures (p, 1, 2);
  jm_presentation_window_get_pictures (p, &current, &next);
  g_assert_cmpuint (current, ==, 1);
  g_assert_cmpuint (next, ==, 2);
  jm_presentation_window_handle_key (p, GDK_KEY_End, 0);
  wait_for_pictures (p, n - 1, n);
  jm_presentation_window_get_pictures (p, &current, &next);
  g_assert_cmpuint (current, ==, n - 1);
  g_assert_cmpuint (next, ==, n);   /* past the last: "End of the presentation" */

  /* The time of day, as the clock on the wall says it. */
  {
    g_autoptr(GDateTime) t0 = g_date_time_new_now_local ();

    before = g_date_time_format (t0, "%H:%M");
    text = notes_text (p);
    {
      g_autoptr(GDateTime) t1 = g_date_time_new_now_local ();

      after = g_date_time_format (t1, "%H:%M");
    }
  }
  g_assert_true (strstr (text, before) != NULL || strstr (text, after) != NULL);

  /* N: the notes to the front, and the slides back. */
  gtk_window_present (GTK_WINDOW (p));
  g_assert_true (wait_for_active (GTK_WINDOW (p)));
  g_assert_true (jm_presentation_window_handle_key (p, GDK_KEY_n, 0));
  g_assert_true (wait_for_active (notes));
  g_assert_false (gtk_window_is_active (GTK_WINDOW (p)));
  g_assert_true (jm_presentation_window_handle_key (p, GDK_KEY_n, 0));
  g_assert_true (wait_for_active (GTK_WINDOW (p)));
  /* F and F11 switch full screen; the slides keep their place. */
  g_assert_true (jm_presentation_window_handle_key (p, GDK_KEY_F11, 0));
  g_assert_true (jm_presentation_window_handle_key (p, GDK_KEY_f, 0));
  g_assert_cmpuint (jm_presentation_window_get_index (p), ==, n - 1);

  gtk_window_destroy (GTK_WINDOW (p));
  jm_test_spin ();
}

/* With JM_PRESENT_SHOTS_DIR set, the screen as it is now, to look at. */
static void
screenshot (const char *name)
{
  const char *dir = g_getenv ("JM_PRESENT_SHOTS_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "import", "-window", "root", NULL, NULL };

  if (dir == NULL)
    return;
  jm_test_spin_for (1500);
  path = g_build_filename (dir, name, NULL);
  argv[3] = path;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL,
                     NULL, NULL, &error))
    g_test_message ("no screenshot: %s", error->message);
}

/* A workshop's view: touchpoints, emotions, pain points and ideas, with
 * metrics when asked, the given personas (NULL: all). */
static JmMapView *
workshop_view (const char *persona)
{
  JmMapView *view = jm_map_view_new ("v-workshop", "Workshop");
  const char *lanes[] = { "l-touch", "l-emotions", "l-pain", "l-ideas", "l-metrics", NULL };
  const char *personas[] = { persona, NULL };

  view->lanes = g_strdupv ((char **) lanes);
  if (persona != NULL)
    view->personas = g_strdupv ((char **) personas);
  return view;
}

/* The examples presented through a view at the default minimum: the
 * layout shows the view, cards' chips are larger than in the editor, and
 * every slide carries the legend of the view's curves. */
static void
test_a_view_is_presented_with_its_legend_and_large_chips (void)
{
  static const struct {
    const char *example;
    const char *persona;
  } cases[] = {
    { "online-shop.journey", NULL },
    { "bike-shop-vs-food-delivery.journey", "p-marco" },
    { "online-shop.it.journey", NULL },
    { "bike-shop-vs-food-delivery.it.journey", "p-marco" },
  };
  static const int outputs[][2] = { { 1920, 1080 }, { 1280, 720 } };

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    for (guint o = 0; o < G_N_ELEMENTS (outputs); o++)
      {
        g_autoptr(JmDocument) doc = jm_test_load_example (cases[k].example);
        JmPresentationWindow *p = NULL;
        JmLayout *layout;
        guint n;

        jm_document_set_view (doc, workshop_view (cases[k].persona));
        p = jm_presentation_window_new (doc, NULL, 14, FALSE);
        jm_presentation_window_set_min_text_share (p, 2.8);
        jm_presentation_window_set_view (p, "v-workshop");
        gtk_window_set_default_size (GTK_WINDOW (p), outputs[o][0], outputs[o][1]);
        jm_presentation_window_start (p, NULL);
        jm_test_spin_for (100);
        layout = jm_presentation_window_get_layout (p);
        g_assert_cmpstr (jm_layout_get_options (layout)->view_id, ==, "v-workshop");
        g_assert_false (jm_layout_shows_lane (layout, "l-thoughts"));
        g_assert_cmpfloat (jm_layout_get_options (layout)->label_scale, >, 1);
        if (cases[k].persona != NULL)
          g_assert_false (jm_layout_shows_persona (layout, "p-giulia"));

        n = jm_presentation_window_get_n_slides (p);
        for (guint i = 0; i < n; i++)
          {
            JmRect legend;
            g_autofree char *shot = g_strdup_printf ("%s-%d-%02u.png", cases[k].example, outputs[o][0], i);

            if (i > 0)
              jm_presentation_window_handle_key (p, GDK_KEY_Right, 0);
            g_assert_true (jm_presentation_get_legend_rect (layout, jm_presentation_window_get_slide (p), &legend));
            if (i < 3)
              screenshot (shot);
          }
        /* The presenter's view of it, on the one screen. */
        jm_presentation_window_handle_key (p, GDK_KEY_Home, 0);
        jm_presentation_window_handle_key (p, GDK_KEY_Right, 0);
        jm_presentation_window_handle_key (p, GDK_KEY_n, 0);
        {
          g_autofree char *shot = g_strdup_printf ("%s-%d-notes.png", cases[k].example, outputs[o][0]);

          screenshot (shot);
        }
        gtk_window_destroy (GTK_WINDOW (p));
        jm_test_spin ();
      }
}

int
main (int   argc,
      char *argv[])
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: skipping the presentation tests\n");
      return 77;
    }

  setlocale (LC_ALL, "");
  jm_test_bind_translations ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/app/presentation/clicker-keys-walk-the-stages", test_clicker_keys_walk_the_stages);
  g_test_add_func ("/app/presentation/notes-follow-the-document", test_notes_follow_the_persona_filter_and_document);
  g_test_add_func ("/app/presentation/smallest-text-is-a-share-of-the-screen",
                   test_smallest_text_is_a_share_of_the_screen);
  g_test_add_func ("/app/presentation/presenter-zooms-and-pans-and-returns-to-the-slide",
                   test_presenter_zooms_and_pans_and_returns_to_the_slide);
  g_test_add_func ("/app/presentation/presenter-hears-of-text-below-the-minimum",
                   test_presenter_hears_of_text_below_the_minimum);
  g_test_add_func ("/app/presentation/notes-show-both-slides-the-time-and-come-forward",
                   test_notes_show_both_slides_the_time_and_come_forward);
  g_test_add_func ("/app/presentation/a-view-is-presented-with-its-legend-and-large-chips",
                   test_a_view_is_presented_with_its_legend_and_large_chips);
  return g_test_run ();
}
