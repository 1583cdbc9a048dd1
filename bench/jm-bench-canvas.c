/* jm-bench-canvas.c — the canvas's frames, measured in a real window: it
 * opens a map in a JmWindow as the application does, then zooms, pans and
 * drags a card along a scripted path, one step per frame, and times each
 * frame with the GDK frame clock (from "before-paint" to "after-paint":
 * the update, layout and paint phases, which is what it costs to build a
 * frame's drawing; GTK renders in software under Xvfb).
 *
 * Usage: jm-bench-canvas [--startup-only] [--frames=N] MAP
 * Prints, one per line, for jm-bench to read:
 *   first-frame MONOTONIC_US   (the clock of g_get_monotonic_time, so the
 *                               parent can subtract the time it spawned us)
 *   PHASE FRAMES MEDIAN_MS WORST_MS   for zoom, pan and drag
 * and exits 0, or 77 with no display. */
#include "config.h"

#include "jm-bench-files.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jm-application.h"
#include "jm-canvas.h"
#include "jm-window.h"

enum { PHASE_ZOOM, PHASE_PAN, PHASE_DRAG, PHASE_EMOTION, N_PHASES };

#define WATCHDOG_SECONDS 180
static const char *phase_names[N_PHASES] = { "zoom", "pan", "drag", "emotion" };

typedef struct {
  GApplication *app;
  JmWindow   *window;
  JmCanvas   *canvas;
  gboolean    startup_only;
  guint       frames_per_phase;

  gint64      before_paint;   /* of the frame being built, 0 between frames */
  gboolean    first_frame_seen;
  gint64      first_frame;

  int         phase;          /* -1: not started; N_PHASES: done */
  guint       step;           /* within the phase */
  GArray     *times[N_PHASES];

  /* zoom */
  double      zoom_from;
  /* drag */
  GtkGesture *drag;
  double      drag_x;
  double      drag_y;
} Bench;

static JmCanvas *
find_canvas (GtkWidget *widget)
{
  if (JM_IS_CANVAS (widget))
    return JM_CANVAS (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      JmCanvas *found = find_canvas (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* One of the canvas's tools' gestures, by name ("jm-tool-move"), driven
 * as GTK would drive it. */
static GtkGesture *
find_tool_gesture (JmCanvas   *canvas,
                   const char *name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (canvas));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (controller)
          && g_strcmp0 (gtk_event_controller_get_name (GTK_EVENT_CONTROLLER (controller)), name) == 0)
        return GTK_GESTURE (controller);
    }
  return NULL;
}

static void
on_before_paint (GdkFrameClock *clock,
                 Bench         *bench)
{
  bench->before_paint = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                Bench         *bench)
{
  gint64 now = g_get_monotonic_time ();

  if (!bench->first_frame_seen)
    {
      bench->first_frame_seen = TRUE;
      bench->first_frame = now;
      if (bench->startup_only)
        g_application_quit (bench->app);
    }
  /* Frames count from the first step of a phase on. */
  if (bench->before_paint != 0 && bench->phase >= 0 && bench->phase < N_PHASES && bench->step > 0)
    {
      double ms = (now - bench->before_paint) / 1000.0;

      g_array_append_val (bench->times[bench->phase], ms);
    }
  bench->before_paint = 0;
}

/* Puts the card's top-left corner at widget point (x, y), at zoom 1. */
static gboolean
bring_card_to (Bench      *bench,
               const char *card_id,
               double      x,
               double      y)
{
  JmLayout *layout = jm_canvas_get_layout (bench->canvas);
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (bench->canvas));
  GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (bench->canvas));
  JmRect rect;
  double wx, wy;

  if (!jm_layout_get_card_rect (layout, card_id, &rect))
    return FALSE;
  jm_canvas_map_to_widget (bench->canvas, rect.x, rect.y, &wx, &wy);
  gtk_adjustment_set_value (h, gtk_adjustment_get_value (h) + wx - x);
  gtk_adjustment_set_value (v, gtk_adjustment_get_value (v) + wy - y);
  return TRUE;
}

static void
start_phase (Bench *bench)
{
  int width = gtk_widget_get_width (GTK_WIDGET (bench->canvas));
  int height = gtk_widget_get_height (GTK_WIDGET (bench->canvas));

  switch (bench->phase)
    {
    case PHASE_ZOOM:
      jm_canvas_zoom_to_fit (bench->canvas);
      bench->zoom_from = jm_canvas_get_zoom (bench->canvas);
      break;

    case PHASE_PAN:
      jm_canvas_zoom_at (bench->canvas, 1.0, width / 2.0, height / 2.0);
      break;

    case PHASE_DRAG:
      {
        GPtrArray *lanes = jm_document_get_lanes (jm_canvas_get_document (bench->canvas));
        const char *card_id = NULL;
        JmRect rect;

        /* A card in the middle of the map, by reading order. */
        for (guint l = lanes->len / 2; l < lanes->len && card_id == NULL; l++)
          {
            JmLane *lane = g_ptr_array_index (lanes, l);

            if (lane->cards->len > 0)
              card_id = ((JmCard *) g_ptr_array_index (lane->cards, lane->cards->len / 2))->id;
          }
        bench->drag = find_tool_gesture (bench->canvas, "jm-tool-move");
        if (card_id == NULL || bench->drag == NULL || !bring_card_to (bench, card_id, 200, 200))
          {
            g_printerr ("No card to drag\n");
            bench->phase = N_PHASES;
            return;
          }
        jm_layout_get_card_rect (jm_canvas_get_layout (bench->canvas), card_id, &rect);
        jm_canvas_map_to_widget (bench->canvas, rect.x + 12, rect.y + 8, &bench->drag_x, &bench->drag_y);
        g_signal_emit_by_name (bench->drag, "drag-begin", bench->drag_x, bench->drag_y);
      }
      break;

    case PHASE_EMOTION:
      {
        JmDocument *doc = jm_canvas_get_document (bench->canvas);
        JmLayout *layout = jm_canvas_get_layout (bench->canvas);
        GPtrArray *personas = jm_document_get_personas (doc);
        guint column = jm_document_get_n_steps (doc) / 2;
        JmStep *step = column < jm_document_get_n_steps (doc) ? jm_document_get_step (doc, column) : NULL;
        GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (bench->canvas));
        GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (bench->canvas));
        double x, y, wx, wy;

        /* The first persona's point in the middle of the map, with the
         * whole band in view. */
        bench->drag = find_tool_gesture (bench->canvas, "jm-tool-emotion");
        if (step == NULL || personas->len == 0 || bench->drag == NULL)
          {
            g_printerr ("No emotion point to drag\n");
            bench->phase = N_PHASES;
            return;
          }
        jm_document_set_emotion (doc, ((JmPersona *) g_ptr_array_index (personas, 0))->id, step->id,
                                 JM_MAP_STATE_CURRENT, 0);
        jm_layout_get_emotion_point (layout, ((JmPersona *) g_ptr_array_index (personas, 0))->id, step->id,
                                     JM_MAP_STATE_CURRENT, &x, &y);
        jm_canvas_map_to_widget (bench->canvas, x, y, &wx, &wy);
        gtk_adjustment_set_value (h, gtk_adjustment_get_value (h) + wx - width / 2.0);
        gtk_adjustment_set_value (v, gtk_adjustment_get_value (v) + wy - height / 2.0);
        jm_canvas_map_to_widget (bench->canvas, x, y, &bench->drag_x, &bench->drag_y);
        g_signal_emit_by_name (bench->drag, "drag-begin", bench->drag_x, bench->drag_y);
      }
      break;

    default:
      break;
    }
}

static void
end_phase (Bench *bench)
{
  if ((bench->phase == PHASE_DRAG || bench->phase == PHASE_EMOTION) && bench->drag != NULL)
    /* Back where it started: dropped in its own cell, or at its score. */
    g_signal_emit_by_name (bench->drag, "drag-end", 0.0, 0.0);
}

/* One step of the script per frame, run in the frame's update phase. */
static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Bench *bench = user_data;
  guint n = bench->frames_per_phase;
  double t;

  if (!bench->first_frame_seen)
    return G_SOURCE_CONTINUE;

  if (bench->phase < 0 || bench->step >= n)
    {
      if (bench->phase >= 0)
        end_phase (bench);
      bench->phase++;
      bench->step = 0;
      if (bench->phase >= N_PHASES)
        {
          g_application_quit (bench->app);
          return G_SOURCE_REMOVE;
        }
      start_phase (bench);
      gtk_widget_queue_draw (widget);
      return G_SOURCE_CONTINUE;
    }

  bench->step++;
  t = (double) bench->step / n;
  switch (bench->phase)
    {
    case PHASE_ZOOM:
      {
        /* From fitted to 2 × and back, geometrically, around the centre. */
        double u = t < 0.5 ? t * 2 : (1 - t) * 2;
        double zoom = bench->zoom_from * pow (2.0 / bench->zoom_from, u);

        jm_canvas_zoom_at (bench->canvas, zoom, gtk_widget_get_width (widget) / 2.0,
                           gtk_widget_get_height (widget) / 2.0);
      }
      break;

    case PHASE_PAN:
      {
        GtkScrollable *scrollable = GTK_SCROLLABLE (bench->canvas);
        GtkAdjustment *h = gtk_scrollable_get_hadjustment (scrollable);
        GtkAdjustment *v = gtk_scrollable_get_vadjustment (scrollable);
        double sign = t < 0.5 ? 1 : -1;

        gtk_adjustment_set_value (h, gtk_adjustment_get_value (h) + sign * 48);
        gtk_adjustment_set_value (v, gtk_adjustment_get_value (v) + sign * 24);
      }
      break;

    case PHASE_DRAG:
      {
        /* Out to the right across several cells, down and back, as a hand would. */
        double dx = 900 * sin (G_PI * t);
        double dy = 400 * sin (2 * G_PI * t);

        g_signal_emit_by_name (bench->drag, "drag-update", dx, dy);
      }
      break;

    case PHASE_EMOTION:
      /* Up to +2, down to -2 and back, as a facilitator tries a score. */
      g_signal_emit_by_name (bench->drag, "drag-update", 0.0, -120 * sin (2 * G_PI * t));
      break;

    default:
      break;
    }
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

static void
on_realize (GtkWidget *widget,
            Bench     *bench)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), bench);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), bench);
}

/* The application's window for the map: measured from its first frame. */
static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 Bench          *bench)
{
  if (bench->window != NULL || !JM_IS_WINDOW (window))
    return;
  bench->window = JM_WINDOW (window);
  gtk_window_set_default_size (window, 1920, 1080);
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), bench);
  bench->canvas = find_canvas (GTK_WIDGET (window));
  g_assert (bench->canvas != NULL);
  if (!bench->startup_only)
    gtk_widget_add_tick_callback (GTK_WIDGET (bench->canvas), on_tick, bench, NULL);
}

/* A run that stops producing frames (a display gone, a window never
 * shown) fails rather than holding up the benchmark and CI forever. */
static gboolean
on_watchdog (gpointer data)
{
  Bench *bench = data;

  g_printerr ("No %s after %d s: giving up\n", bench->first_frame_seen ? "end of the script" : "first frame",
              WATCHDOG_SECONDS);
  _exit (1);
  return G_SOURCE_REMOVE;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = NULL;
  g_autoptr(JmApplication) app = NULL;
  Bench bench = { .phase = -1, .frames_per_phase = 90 };
  const char *path = NULL;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--startup-only"))
        bench.startup_only = TRUE;
      else if (g_str_has_prefix (argv[i], "--frames="))
        bench.frames_per_phase = MAX (2, atoi (argv[i] + strlen ("--frames=")));
      else
        path = argv[i];
    }
  if (path == NULL)
    {
      g_printerr ("Usage: jm-bench-canvas [--startup-only] [--frames=N] MAP\n");
      return 2;
    }
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: no canvas frames to measure\n");
      return 77;
    }

  /* The build tree's settings schema; nothing of the user's is read or
   * written: settings in memory, recent files and recovery copies in a
   * temporary folder. */
  tmp = g_dir_make_tmp ("jm-bench-canvas-XXXXXX", NULL);
  if (g_getenv ("GSETTINGS_SCHEMA_DIR") == NULL)
    g_setenv ("GSETTINGS_SCHEMA_DIR", JM_BUILD_DATADIR, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("XDG_DATA_HOME", tmp, TRUE);
  g_setenv ("JOURNEY_MAPS_RECOVERY_DIR", tmp, TRUE);
  /* No accessibility bus: a test run may have left one registered on the
   * display that is gone since (GTK then complains, fatally in tests). */
  g_setenv ("GTK_A11Y", "none", FALSE);
  /* Under Xvfb GTK would render through llvmpipe, OpenGL emulated on the
   * CPU, which costs ~150 ms a frame at 1920x1080 whatever is drawn.
   * GTK's cairo renderer is its software renderer proper: the frames then
   * measure our drawing, not the emulation. GSK_RENDERER=gl compares. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  /* GTK prepares OpenGL when it opens the display, whatever the renderer:
   * on llvmpipe that is 65-85 ms of start-up spent on something the cairo
   * renderer never uses. A GDK_DEBUG already set (even empty) is kept:
   * jm-bench times start-up both ways. */
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);

  /* Started as a user starts it: the application reads its command line
   * (the map is read and laid out while GTK starts, jm-preload.h), opens
   * a window and presents it. */
  g_set_prgname ("journey-maps");
  app = jm_application_new ();
  bench.app = G_APPLICATION (app);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), &bench);
  for (int i = 0; i < N_PHASES; i++)
    bench.times[i] = g_array_new (FALSE, FALSE, sizeof (double));

  g_timeout_add_seconds (WATCHDOG_SECONDS, on_watchdog, &bench);
  {
    char *app_argv[] = { argv[0], (char *) path, NULL };

    if (g_application_run (G_APPLICATION (app), 2, app_argv) != 0 || bench.window == NULL)
      {
        g_printerr ("Could not open %s\n", path);
        return 1;
      }
  }

  printf ("first-frame %" G_GINT64_FORMAT "\n", bench.first_frame);
  for (int i = 0; i < N_PHASES && !bench.startup_only; i++)
    {
      GArray *times = bench.times[i];

      if (times->len == 0)
        continue;
      qsort (times->data, times->len, sizeof (double), compare_doubles);
      printf ("%s %u %.2f %.2f\n", phase_names[i], times->len,
              g_array_index (times, double, times->len / 2),
              g_array_index (times, double, times->len - 1));
    }
  fflush (stdout);

  /* Quit without the window asking about the dragged card. */
  jm_bench_remove_tree (tmp);
  _exit (0);
}
