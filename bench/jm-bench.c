/* jm-bench.c — how fast Journey Maps is, measured against DESIGN.md's
 * targets and, in the same run, against reference tools on the same
 * files: load and --check against xmllint, export against rsvg-convert
 * drawing our own SVG (and Dia, where it is installed). Maps are generated
 * deterministically from a seed in the three reference sizes. */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "jm-export.h"
#include "jm-layout.h"
#include "jm-painter.h"
#include "jm-reader.h"
#include "jm-writer.h"

static int runs = 5;

/* ---- generating maps ---- */

static const char *words[] = {
  "customer", "shop", "website", "order", "delivery", "parcel", "friendly", "staff", "waits",
  "price", "checkout", "return", "support", "app", "chat", "store", "visit", "review",
  "recommends", "compares", "asks", "pays", "finds", "opens", "thanks", "calls", "queue",
  "confused", "happy", "late", "early", "email", "offer", "discount", "size", "colour",
};

static JmDocument *
generate (guint stages,
          guint lanes,
          guint cards,
          guint seed)
{
  static const JmLaneKind kinds[] = {
    JM_LANE_TEXT, JM_LANE_TOUCHPOINTS, JM_LANE_TEXT, JM_LANE_EMOTIONS, JM_LANE_PAIN_POINTS,
    JM_LANE_OPPORTUNITIES, JM_LANE_METRICS, JM_LANE_BACKSTAGE, JM_LANE_IMAGES, JM_LANE_TEXT,
    JM_LANE_TOUCHPOINTS, JM_LANE_TEXT,
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func (g_free);
  JmDocument *doc = jm_document_new ();
  guint n = 0;

  jm_document_build_header (doc, "Benchmark map", "A generated map for measuring speed.", NULL,
                            JM_MAP_STATE_CURRENT);
  for (guint p = 0; p < 3; p++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", p);
      jm_document_build_persona (doc, jm_persona_new (id, p == 0 ? "Giulia" : p == 1 ? "Marco" : "Sara"));
    }
  for (guint s = 0; s < stages; s++)
    {
      g_autofree char *id = g_strdup_printf ("st%u", s);
      g_autofree char *name = g_strdup_printf ("Stage %u", s + 1);
      JmStage *stage = jm_stage_new (id, name);

      for (guint k = 0; k < 2; k++)
        {
          char *step_id = g_strdup_printf ("s%u-%u", s, k);
          g_autofree char *step_name = g_strdup_printf ("Step %u", k + 1);

          g_ptr_array_add (stage->steps, jm_step_new (step_id, step_name));
          g_ptr_array_add (steps, step_id);
        }
      {
        g_autofree char *metric_id = g_strdup_printf ("sm%u", s);
        g_ptr_array_add (stage->metrics, jm_metric_new (metric_id, JM_METRIC_NPS, g_rand_int_range (rand, -50, 80)));
      }
      jm_document_build_stage (doc, stage);
    }
  for (guint l = 0; l < lanes; l++)
    {
      g_autofree char *id = g_strdup_printf ("l%u", l);
      JmLaneKind kind = kinds[l % G_N_ELEMENTS (kinds)];
      JmLane *lane = jm_lane_new (id, kind, jm_lane_kind_get_label (kind));
      guint per_lane = cards / lanes + (l < cards % lanes ? 1 : 0);
      g_autofree guint *columns = g_new (guint, per_lane);

      for (guint c = 0; c < per_lane; c++)
        columns[c] = (guint) g_rand_int_range (rand, 0, (int) steps->len);
      for (guint c = 0; c < per_lane; c++)   /* reading order: by column */
        for (guint d = c + 1; d < per_lane; d++)
          if (columns[d] < columns[c])
            {
              guint t = columns[c];
              columns[c] = columns[d];
              columns[d] = t;
            }

      for (guint c = 0; c < per_lane; c++)
        {
          g_autofree char *card_id = g_strdup_printf ("c%u", n++);
          g_autoptr(GString) text = g_string_new (NULL);
          guint n_words = (guint) g_rand_int_range (rand, 3, 26);
          JmCard *card;

          for (guint w = 0; w < n_words; w++)
            g_string_append_printf (text, "%s%s", w ? " " : "", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
          card = jm_card_new (card_id, g_ptr_array_index (steps, columns[c]), text->str);
          if (kind == JM_LANE_TOUCHPOINTS)
            card->channel = (JmChannel) g_rand_int_range (rand, 1, JM_N_CHANNELS);
          if (kind == JM_LANE_PAIN_POINTS)
            card->severity = (JmSeverity) g_rand_int_range (rand, 1, JM_N_SEVERITIES);
          if (kind == JM_LANE_OPPORTUNITIES)
            card->priority = (JmPriority) g_rand_int_range (rand, 1, JM_N_PRIORITIES);
          if (kind == JM_LANE_METRICS)
            {
              g_autofree char *metric_id = g_strdup_printf ("m%u", n);
              JmMetric *m = jm_metric_new (metric_id, JM_METRIC_CSAT, g_rand_int_range (rand, 40, 99));
              m->has_target = TRUE;
              m->target = 80;
              g_ptr_array_add (card->metrics, m);
            }
          g_ptr_array_add (lane->cards, card);
        }
      jm_document_build_lane (doc, lane);
    }
  for (guint p = 0; p < 3; p++)
    for (guint s = 0; s < steps->len; s++)
      {
        g_autofree char *pid = g_strdup_printf ("p%u", p);
        jm_document_build_emotion (doc, jm_emotion_new (pid, g_ptr_array_index (steps, s), JM_MAP_STATE_CURRENT,
                                                        g_rand_int_range (rand, -4, 5) / 2.0));
      }
  return doc;
}

/* ---- timing ---- */

typedef double (*Measure) (gpointer data);

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* Median of `runs` timings after one warm-up, in milliseconds. */
static double
median (Measure  measure,
        gpointer data)
{
  double times[64];
  int n = MIN (runs, 64);

  measure (data);
  for (int i = 0; i < n; i++)
    times[i] = measure (data);
  qsort (times, (size_t) n, sizeof (double), compare_doubles);
  return times[n / 2];
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* A command line, timed from start to exit. */
static double
time_command (gpointer data)
{
  char **argv = data;
  double start = now_ms ();
  int status = 0;

  if (!g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, NULL) || !g_spawn_check_wait_status (status, NULL))
    return NAN;
  return now_ms () - start;
}

typedef struct {
  const char *path;
  JmDocument *doc;
  JmLayout   *layout;
  const char *out;
  JmExportOptions options;
  double      scale;
  JmRect      visible;
  int         width;
  int         height;
} Job;

static double
time_load (gpointer data)
{
  Job *job = data;
  double start = now_ms ();
  g_autoptr(JmDocument) doc = jm_reader_load_path (job->path, NULL, NULL);

  g_assert (doc != NULL);
  return now_ms () - start;
}

static double
time_save (gpointer data)
{
  Job *job = data;
  double start = now_ms ();

  g_assert (jm_writer_save_path (job->doc, job->out, NULL));
  return now_ms () - start;
}

static double
time_layout (gpointer data)
{
  Job *job = data;
  double start = now_ms ();
  g_autoptr(JmLayout) layout = jm_layout_new (job->doc, NULL);

  return now_ms () - start;
}

static double
time_edit (gpointer data)
{
  Job *job = data;
  static guint counter;
  g_autofree char *text = g_strdup_printf ("Edited card text number %u, a little longer than before", counter++);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  cairo_t *cr = cairo_create (surface);
  double start = now_ms ();
  JmRect rect;

  /* Relayout happens on the change; then the visible part is repainted. */
  jm_document_set_card_text (job->doc, "c500", text);
  jm_layout_get_card_rect (job->layout, "c500", &rect);
  job->visible = (JmRect) { MAX (0, rect.x - 400), MAX (0, rect.y - 300), 1920, 1080 };
  cairo_translate (cr, -job->visible.x, -job->visible.y);
  jm_painter_paint (job->layout, cr, &job->visible, 1.0);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return now_ms () - start;
}

static double
time_paint (gpointer data)
{
  Job *job = data;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, job->width, job->height);
  cairo_t *cr = cairo_create (surface);
  double start, elapsed;

  start = now_ms ();
  cairo_scale (cr, job->scale, job->scale);
  cairo_translate (cr, -job->visible.x, -job->visible.y);
  jm_painter_paint (job->layout, cr, &job->visible, job->scale);
  cairo_surface_flush (surface);
  elapsed = now_ms () - start;
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return elapsed;
}

static double
time_export (gpointer data)
{
  Job *job = data;
  double start = now_ms ();

  g_assert (jm_export_to_path (job->doc, job->out, &job->options, NULL));
  return now_ms () - start;
}

/* Peak memory of loading a file, in a child process so nothing else counts;
 * the child reports its own peak through a pipe. */
static double
peak_memory_mb (const char *path)
{
  int fds[2];
  pid_t pid;
  long kb = -1;

  if (pipe (fds) != 0)
    return NAN;
  pid = fork ();
  if (pid == 0)
    {
      JmDocument *doc = jm_reader_load_path (path, NULL, NULL);
      JmLayout *layout = doc ? jm_layout_new (doc, NULL) : NULL;
      struct rusage usage;

      getrusage (RUSAGE_SELF, &usage);
      kb = layout != NULL ? usage.ru_maxrss : -1;
      if (write (fds[1], &kb, sizeof kb) != sizeof kb)
        _exit (1);
      _exit (0);
    }
  close (fds[1]);
  if (read (fds[0], &kb, sizeof kb) != sizeof kb)
    kb = -1;
  close (fds[0]);
  waitpid (pid, NULL, 0);
  return kb < 0 ? NAN : kb / 1024.0;
}

/* ---- the table ---- */

typedef struct {
  const char *what;
  double      ours;
  const char *reference;
  double      theirs;
  const char *target;
  gboolean    met;
  gboolean    has_target;
} Row;

static GArray *table;

static void
row (const char *what,
     double      ours,
     const char *reference,
     double      theirs,
     const char *target,
     gboolean    has_target,
     gboolean    met)
{
  Row r = { what, ours, reference, theirs, target, met, has_target };
  char ratio[32] = "";

  if (!isnan (theirs) && theirs != 0)
    g_snprintf (ratio, sizeof ratio, "%.2f", ours / theirs);
  g_array_append_val (table, r);
  g_print ("  %-44s %10.1f  %-26s %10.1f  %6s  %-28s %s\n", what, ours, reference ? reference : "",
           theirs, ratio,
           target ? target : "", has_target ? (met ? "met" : "MISSED") : "");
}

static gboolean
have (const char *program)
{
  g_autofree char *path = g_find_program_in_path (program);
  return path != NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("jm-bench-XXXXXX", NULL);
  const struct { const char *name; guint stages, lanes, cards; } sizes[] = {
    { "small", 5, 6, 30 }, { "large", 12, 10, 1000 }, { "huge", 30, 12, 10000 },
  };
  char *paths[3];
  guint met = 0, with_target = 0;

  if (argc > 1)
    runs = MAX (1, atoi (argv[1]));
  table = g_array_new (FALSE, FALSE, sizeof (Row));

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(JmDocument) doc = generate (sizes[i].stages, sizes[i].lanes, sizes[i].cards, 42 + i);
      g_autofree char *name = g_strdup_printf ("%s.journey", sizes[i].name);

      paths[i] = g_build_filename (dir, name, NULL);
      g_assert (jm_writer_save_path (doc, paths[i], NULL));
    }

  g_print ("Journey Maps benchmark: medians of %d runs after a warm-up, in ms (memory in MB)\n\n", runs);
  g_print ("  %-44s %10s  %-26s %10s  %6s  %-28s %s\n", "measure", "ours", "reference", "theirs", "ratio",
           "target", "");

  /* Load and --check against xmllint on the same files. */
  for (guint i = 1; i < 3; i++)
    {
      Job job = { .path = paths[i] };
      char *stream_argv[] = { (char *) "xmllint", (char *) "--stream", (char *) "--noout", paths[i], NULL };
      char *dom_argv[] = { (char *) "xmllint", (char *) "--noout", paths[i], NULL };
      g_autofree char *check_what = g_strdup_printf ("--check, %s map (whole process)", sizes[i].name);
      g_autofree char *load_what = g_strdup_printf ("load, %s map", sizes[i].name);
      char *check_argv[] = { (char *) g_getenv ("JM_BINARY"), (char *) "--check", paths[i], NULL };
      double stream = have ("xmllint") ? median (time_command, stream_argv) : NAN;
      double dom = have ("xmllint") ? median (time_command, dom_argv) : NAN;
      double load = median (time_load, &job);

      row (load_what, load, "xmllint --noout (DOM)", dom, NULL, FALSE, FALSE);
      if (check_argv[0] != NULL)
        {
          double check = median (time_command, check_argv);
          gboolean ok = i != 2 || (!isnan (stream) && check <= 2 * stream);

          row (check_what, check, "xmllint --stream --noout", stream, "<= 2 x xmllint --stream", i == 2, ok);
          if (i == 2)
            {
              with_target++;
              met += ok;
            }
        }
    }

  /* Save against load, huge map. */
  {
    g_autoptr(JmDocument) doc = jm_reader_load_path (paths[2], NULL, NULL);
    g_autofree char *out = g_build_filename (dir, "saved.journey", NULL);
    Job job = { .path = paths[2], .doc = doc, .out = out };
    double load = median (time_load, &job);
    double save = median (time_save, &job);

    row ("save, huge map", save, "load of the same map", load, "<= load time", TRUE, save <= load);
    with_target++;
    met += save <= load;
  }

  /* Layout, editing and painting, large map. */
  {
    g_autoptr(JmDocument) doc = jm_reader_load_path (paths[1], NULL, NULL);
    g_autoptr(JmLayout) layout = jm_layout_new (doc, NULL);
    Job job = { .doc = doc, .layout = layout, .width = 1920, .height = 1080, .scale = 1.0 };
    double w, h, paint, fit, edit, full;

    full = median (time_layout, &job);
    row ("full layout, large map", full, NULL, NAN, NULL, FALSE, FALSE);

    edit = median (time_edit, &job);
    row ("edit one card: relayout + repaint, large", edit, NULL, NAN, "<= 2 ms", TRUE, edit <= 2);
    with_target++;
    met += edit <= 2;

    job.visible = (JmRect) { 1200, 900, 1920, 1080 };
    paint = median (time_paint, &job);
    row ("repaint 100 %, 1920x1080, large map", paint, NULL, NAN, "<= 4 ms", TRUE, paint <= 4);
    with_target++;
    met += paint <= 4;

    jm_layout_get_size (layout, &w, &h);
    job.scale = MIN (1920 / w, 1080 / h);
    job.visible = (JmRect) { 0, 0, w, h };
    fit = median (time_paint, &job);
    row ("repaint whole large map fitted in 1920x1080", fit, NULL, NAN, "<= 8 ms", TRUE, fit <= 8);
    with_target++;
    met += fit <= 8;
  }

  {
    g_autoptr(JmDocument) doc = jm_reader_load_path (paths[2], NULL, NULL);
    g_autoptr(JmLayout) layout = jm_layout_new (doc, NULL);
    Job job = { .doc = doc, .layout = layout, .width = 1920, .height = 1080, .scale = 1.0,
                .visible = { 3000, 2000, 1920, 1080 } };
    double paint = median (time_paint, &job);

    row ("repaint 100 %, 1920x1080, huge map", paint, NULL, NAN, "<= 4 ms", TRUE, paint <= 4);
    with_target++;
    met += paint <= 4;
  }

  /* Exports of the large map, and rsvg-convert drawing our SVG to PNG. */
  {
    g_autoptr(JmDocument) doc = jm_reader_load_path (paths[1], NULL, NULL);
    g_autofree char *png = g_build_filename (dir, "large.png", NULL);
    g_autofree char *pdf = g_build_filename (dir, "large.pdf", NULL);
    g_autofree char *svg = g_build_filename (dir, "large.svg", NULL);
    g_autofree char *svg_png = g_build_filename (dir, "large-rsvg.png", NULL);
    g_autofree char *svg_pdf = g_build_filename (dir, "large-rsvg.pdf", NULL);
    Job job = { .doc = doc };
    double ours_png, ours_pdf, ours_svg, rsvg_png = NAN, rsvg_pdf = NAN;

    jm_export_options_init (&job.options);
    job.out = svg;
    ours_svg = median (time_export, &job);
    job.out = png;
    ours_png = median (time_export, &job);
    job.out = pdf;
    ours_pdf = median (time_export, &job);
    if (have ("rsvg-convert"))
      {
        char *png_argv[] = { (char *) "rsvg-convert", (char *) "-o", svg_png, svg, NULL };
        char *pdf_argv[] = { (char *) "rsvg-convert", (char *) "-f", (char *) "pdf", (char *) "-o", svg_pdf, svg, NULL };

        rsvg_png = median (time_command, png_argv);
        rsvg_pdf = median (time_command, pdf_argv);
      }
    row ("PNG export, large map", ours_png, "rsvg-convert, same picture", rsvg_png, "faster than rsvg-convert",
         !isnan (rsvg_png), ours_png < rsvg_png);
    row ("PDF export, large map", ours_pdf, "rsvg-convert -f pdf", rsvg_pdf, "faster than rsvg-convert",
         !isnan (rsvg_pdf), ours_pdf < rsvg_pdf);
    row ("SVG export, large map", ours_svg, NULL, NAN, NULL, FALSE, FALSE);
    if (!isnan (rsvg_png))
      {
        with_target += 2;
        met += (ours_png < rsvg_png) + (ours_pdf < rsvg_pdf);
      }
  }

  /* Peak memory with the huge map loaded and laid out. */
  {
    double mb = peak_memory_mb (paths[2]);

    row ("peak memory, huge map loaded and laid out (MB)", mb, NULL, NAN, "<= 150 MB", TRUE, mb <= 150);
    with_target++;
    met += mb <= 150;
  }

  g_print ("\n%u of %u targets met\n", met, with_target);

  for (guint i = 0; i < 3; i++)
    g_free (paths[i]);
  return 0;
}
