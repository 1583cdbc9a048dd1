/* jm-bench.c — how fast Journey Maps is, measured against the targets in
 * docs/architecture.md and, in the same run, against reference tools on the same
 * files: load and --check against xmllint, export against rsvg-convert
 * drawing our own SVG and against Dia drawing the same boxes and texts
 * (where it is installed), and the canvas's frames in a real window (where
 * there is a display; jm-bench-canvas). Maps are generated
 * deterministically from a seed in four reference sizes; the giant one
 * (about 100,000 cards, 18 MB) measures --check against xmllint's stream,
 * the peak memory of its exports and its first frame in the window.
 *
 * Usage: jm-bench [RUNS]     medians of RUNS runs after a warm-up
 *        jm-bench --short    every measure once, on the small map: a quick
 *                            check (in `meson test`) that they all still run
 *        jm-bench --write-maps DIR
 *                            writes the four reference maps (small, large,
 *                            huge, giant .journey, the very files measured) into
 *                            DIR and exits: for profiling outside the bench
 * Exits 1 if one of our measures could not be taken. */
#include "config.h"

#include "jm-bench-files.h"

#include <cairo.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "jm-export.h"
#include "jm-layout.h"
#include "jm-painter.h"
#include "jm-reader.h"
#include "jm-writer.h"

static int runs = 5;
static gboolean short_mode;
static gboolean measure_failed;

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

/* ---- the same picture for Dia ---- */

static void
dia_box_and_text (GString    *out,
                  guint      *n,
                  JmRect     *r,
                  const char *fill,
                  const char *text,
                  guint       chars_per_line)
{
  /* Dia measures in centimetres; at its default export resolution of 20
   * pixels to the centimetre the picture has our map's size in pixels. */
  const double cm = 1 / 20.0;
  g_autoptr(GString) wrapped = g_string_new (NULL);
  g_auto(GStrv) parts = g_strsplit (text, " ", -1);
  g_autofree char *escaped = NULL;
  guint line = 0;

  /* Two-line labels as ours, wrapped at the box's width. */
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (line > 0 && line + 1 + strlen (parts[i]) > chars_per_line)
        {
          g_string_append_c (wrapped, '\n');
          line = 0;
        }
      else if (line > 0)
        {
          g_string_append_c (wrapped, ' ');
          line++;
        }
      g_string_append (wrapped, parts[i]);
      line += strlen (parts[i]);
    }
  escaped = g_markup_escape_text (wrapped->str, -1);
  g_strdelimit (escaped, "#", ' ');

  g_string_append_printf (out,
    "    <dia:object type=\"Standard - Box\" version=\"0\" id=\"O%u\">\n"
    "      <dia:attribute name=\"elem_corner\"><dia:point val=\"%.3f,%.3f\"/></dia:attribute>\n"
    "      <dia:attribute name=\"elem_width\"><dia:real val=\"%.3f\"/></dia:attribute>\n"
    "      <dia:attribute name=\"elem_height\"><dia:real val=\"%.3f\"/></dia:attribute>\n"
    "      <dia:attribute name=\"border_width\"><dia:real val=\"0.05\"/></dia:attribute>\n"
    "      <dia:attribute name=\"inner_color\"><dia:color val=\"%s\"/></dia:attribute>\n"
    "      <dia:attribute name=\"show_background\"><dia:boolean val=\"true\"/></dia:attribute>\n"
    "      <dia:attribute name=\"corner_radius\"><dia:real val=\"0.3\"/></dia:attribute>\n"
    "    </dia:object>\n",
    (*n)++, r->x * cm, r->y * cm, r->width * cm, r->height * cm, fill);
  g_string_append_printf (out,
    "    <dia:object type=\"Standard - Text\" version=\"1\" id=\"O%u\">\n"
    "      <dia:attribute name=\"obj_pos\"><dia:point val=\"%.3f,%.3f\"/></dia:attribute>\n"
    "      <dia:attribute name=\"text\">\n"
    "        <dia:composite type=\"text\">\n"
    "          <dia:attribute name=\"string\"><dia:string>#%s#</dia:string></dia:attribute>\n"
    "          <dia:attribute name=\"font\"><dia:font family=\"sans\" style=\"0\" name=\"Helvetica\"/></dia:attribute>\n"
    "          <dia:attribute name=\"height\"><dia:real val=\"0.6\"/></dia:attribute>\n"
    "          <dia:attribute name=\"pos\"><dia:point val=\"%.3f,%.3f\"/></dia:attribute>\n"
    "          <dia:attribute name=\"color\"><dia:color val=\"#000000\"/></dia:attribute>\n"
    "          <dia:attribute name=\"alignment\"><dia:enum val=\"0\"/></dia:attribute>\n"
    "        </dia:composite>\n"
    "      </dia:attribute>\n"
    "    </dia:object>\n",
    (*n)++, (r->x + 8) * cm, (r->y + 18) * cm, escaped, (r->x + 8) * cm, (r->y + 18) * cm);
}

/* The map as Dia draws it: a box and a text for every card and for every
 * stage, step and lane header, where our layout puts them. Returns the
 * number of boxes. */
static guint
write_dia (JmDocument *doc,
           const char *path)
{
  g_autoptr(JmLayout) layout = jm_layout_new (doc, NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  GPtrArray *stages = jm_document_get_stages (doc);
  GPtrArray *lanes = jm_document_get_lanes (doc);
  guint n = 0;
  JmRect r;

  g_string_append (out,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<dia:diagram xmlns:dia=\"http://www.lysator.liu.se/~alla/dia/\">\n"
    "  <dia:layer name=\"Background\" visible=\"true\" active=\"true\">\n");
  for (guint s = 0; s < stages->len; s++)
    {
      JmStage *stage = g_ptr_array_index (stages, s);

      if (jm_layout_get_header_rect (layout, JM_HIT_STAGE, stage->id, &r))
        dia_box_and_text (out, &n, &r, "#dbe8f8", stage->name, 40);
      for (guint k = 0; k < stage->steps->len; k++)
        {
          JmStep *step = g_ptr_array_index (stage->steps, k);

          if (jm_layout_get_header_rect (layout, JM_HIT_STEP, step->id, &r))
            dia_box_and_text (out, &n, &r, "#eef3fa", step->name, 40);
        }
    }
  for (guint l = 0; l < lanes->len; l++)
    {
      JmLane *lane = g_ptr_array_index (lanes, l);

      if (jm_layout_get_header_rect (layout, JM_HIT_LANE, lane->id, &r))
        dia_box_and_text (out, &n, &r, "#f2f2f2", lane->title, 20);
      for (guint c = 0; c < lane->cards->len; c++)
        {
          JmCard *card = g_ptr_array_index (lane->cards, c);

          if (jm_layout_get_card_rect (layout, card->id, &r))
            dia_box_and_text (out, &n, &r, "#fff7d6", card->text, MAX (8, (guint) (r.width / 7)));
        }
    }
  g_string_append (out, "  </dia:layer>\n</dia:diagram>\n");
  g_assert (g_file_set_contents (path, out->str, (gssize) out->len, NULL));
  return n / 2;
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

  if (!short_mode)
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
  const char *edit_card;
  int         width;
  int         height;
  JmPaintCache *cache;     /* the canvas's card images; NULL paints as exports do */
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
  JmRect rect;
  double start = now_ms (), elapsed;

  /* Relayout happens on the change; then the visible part is repainted. */
  jm_document_set_card_text (job->doc, job->edit_card, text);
  jm_layout_get_card_rect (job->layout, job->edit_card, &rect);
  job->visible = (JmRect) { MAX (0, rect.x - 400), MAX (0, rect.y - 300), 1920, 1080 };
  cairo_translate (cr, -job->visible.x, -job->visible.y);
  jm_painter_paint_cached (job->layout, cr, &job->visible, 1.0, job->cache);
  cairo_surface_flush (surface);
  elapsed = now_ms () - start;
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return elapsed;
}

/* The screen's steady state: paints until every visible card has its
 * image (a paint makes a few at most, see jm-paint-cache.h). */
static void
warm_cache (Job *job)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, job->width, job->height);

  for (int i = 0; i < 50 && job->cache != NULL; i++)
    {
      cairo_t *cr = cairo_create (surface);
      guint made = 0;

      cairo_scale (cr, job->scale, job->scale);
      cairo_translate (cr, -job->visible.x, -job->visible.y);
      jm_painter_paint_cached (job->layout, cr, &job->visible, job->scale, job->cache);
      cairo_destroy (cr);
      jm_paint_cache_get_stats (job->cache, NULL, &made, NULL);
      if (i > 0 && made == 0)
        break;
    }
  cairo_surface_destroy (surface);
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
  jm_painter_paint_cached (job->layout, cr, &job->visible, job->scale, job->cache);
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

/* The peak memory of loading and laying out a map, in KB: what
 * `jm-bench --peak-memory FILE` prints, in a process of its own. */
static long
own_peak_kb (const char *path)
{
  g_autoptr(JmDocument) doc = jm_reader_load_path (path, NULL, NULL);
  g_autoptr(JmLayout) layout = doc ? jm_layout_new (doc, NULL) : NULL;
  struct rusage usage;

  if (layout == NULL)
    return -1;
  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/* The peak memory of a PNG export of a map at the largest scale up to 4
 * that a PNG can hold, in KB: `jm-bench --peak-png FILE OUT`. Exports
 * paint in bands, so this stays near the map's own memory at any size. */
static long
own_png_peak_kb (const char *path,
                 const char *out)
{
  g_autoptr(JmDocument) doc = jm_reader_load_path (path, NULL, NULL);
  JmExportOptions options;
  struct rusage usage;
  int w, h;

  if (doc == NULL)
    return -1;
  jm_export_options_init (&options);
  jm_export_get_png_size (doc, &options, &w, &h);
  options.scale = MIN (4.0, 32000.0 / MAX (w, h));
  if (!jm_export_to_path (doc, out, &options, NULL))
    return -1;
  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/* The peak memory of exporting a map to out, in the format its name says,
 * with the export's defaults, in KB: `jm-bench --peak-export FILE OUT`. */
static long
own_export_peak_kb (const char *path,
                    const char *out)
{
  g_autoptr(JmDocument) doc = jm_reader_load_path (path, NULL, NULL);
  JmExportOptions options;
  struct rusage usage;

  if (doc == NULL)
    return -1;
  jm_export_options_init (&options);
  if (!jm_export_to_path (doc, out, &options, NULL))
    return -1;
  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/* Peak memory, in MB, of `jm-bench MODE FILE OUT` in a fresh process. */
static double
child_peak_memory_mb (const char *mode,
                      const char *path,
                      const char *out)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  char *argv[] = { self, (char *) mode, (char *) path, (char *) out, NULL };
  g_autofree char *text = NULL;
  int status = 0;
  long kb;

  if (self == NULL
      || !g_spawn_sync (NULL, argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text, NULL, &status, NULL)
      || !g_spawn_check_wait_status (status, NULL))
    return NAN;
  kb = text != NULL ? strtol (text, NULL, 10) : -1;
  return kb <= 0 ? NAN : kb / 1024.0;
}

/* Peak memory of loading a file, in a fresh process running this program
 * again: a forked child would start with all this process has touched. */
static double
png_peak_memory_mb (const char *path,
                    const char *out)
{
  return child_peak_memory_mb ("--peak-png", path, out);
}

static double
export_peak_memory_mb (const char *path,
                       const char *out)
{
  return child_peak_memory_mb ("--peak-export", path, out);
}

static double
peak_memory_mb (const char *path)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  char *argv[] = { self, (char *) "--peak-memory", (char *) path, NULL };
  g_autofree char *out = NULL;
  int status = 0;
  long kb;

  if (self == NULL
      || !g_spawn_sync (NULL, argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, NULL)
      || !g_spawn_check_wait_status (status, NULL))
    return NAN;
  kb = out != NULL ? strtol (out, NULL, 10) : -1;
  return kb <= 0 ? NAN : kb / 1024.0;
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
  if (isnan (ours))
    measure_failed = TRUE;
  g_array_append_val (table, r);
  /* The short check's single cold run on the small map judges nothing. */
  g_print ("  %-46s %10.1f  %-30s %10.1f  %6s  %-28s %s\n", what, ours, reference ? reference : "",
           theirs, ratio,
           target ? target : "", has_target && !short_mode ? (met ? "met" : "MISSED") : "");
}

/* A measure that could not be taken here, and why. */
static void
skipped (const char *what,
         const char *why)
{
  g_print ("  %-46s %10s  %s\n", what, "skipped", why);
}

static gboolean
have (const char *program)
{
  g_autofree char *path = g_find_program_in_path (program);
  return path != NULL;
}

/* ---- the canvas, in a window (jm-bench-canvas) ---- */

typedef struct {
  double first_frame;               /* ms from spawning the program */
  double median[4], worst[4];       /* zoom, pan, drag a card, drag an emotion point */
  guint  frames[4];
} CanvasRun;

/* envp: the environment to run it in, or NULL for ours. */
static gboolean
run_canvas (const char  *program,
            const char  *map,
            char       **envp,
            gboolean     startup_only,
            guint        frames,
            CanvasRun   *result)
{
  static const char *phases[] = { "zoom", "pan", "drag", "emotion" };
  g_autofree char *frames_arg = g_strdup_printf ("--frames=%u", frames);
  char *argv[] = { (char *) program, (char *) (startup_only ? "--startup-only" : frames_arg), (char *) map, NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  gint64 spawned = g_get_monotonic_time ();
  int status = 0;

  *result = (CanvasRun) { NAN, { NAN, NAN, NAN, NAN }, { NAN, NAN, NAN, NAN }, { 0 } };
  /* The short check shows why a run failed. */
  if (!g_spawn_sync (NULL, argv, envp, short_mode ? G_SPAWN_DEFAULT : G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                     &out, NULL, &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("%s: %s\n", program, error->message);
      return FALSE;
    }

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gint64 t;
      guint n;
      double med, worst;
      char name[16];

      if (sscanf (lines[i], "first-frame %" G_GINT64_FORMAT, &t) == 1)
        result->first_frame = (t - spawned) / 1000.0;
      else if (sscanf (lines[i], "%15s %u %lf %lf", name, &n, &med, &worst) == 4)
        for (guint p = 0; p < G_N_ELEMENTS (phases); p++)
          if (g_str_equal (name, phases[p]))
            {
              result->frames[p] = n;
              result->median[p] = med;
              result->worst[p] = worst;
            }
    }
  return TRUE;
}

typedef struct {
  const char  *program;
  const char  *map;
  char       **envp;
} Startup;

static double
time_canvas_startup (gpointer data)
{
  Startup *startup = data;
  CanvasRun run;

  return run_canvas (startup->program, startup->map, startup->envp, TRUE, 0, &run) ? run.first_frame : NAN;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("jm-bench-XXXXXX", NULL);
  const struct { const char *name; guint stages, lanes, cards; } sizes[] = {
    { "small", 5, 6, 30 }, { "large", 12, 10, 1000 }, { "huge", 30, 12, 10000 },
    /* About 100,000 cards, 15 MB: bounded memory and the per-object cost. */
    { "giant", 60, 12, 100000 },
  };
  char *paths[4] = { NULL, NULL, NULL, NULL };
  guint met = 0, with_target = 0;
  guint L = 1, H = 2, G = 3;   /* which sizes stand for "large", "huge" and "giant" */
  const char *large, *huge;

  if (argc == 3 && g_str_equal (argv[1], "--peak-memory"))
    {
      jm_bench_remove_tree (dir);
      g_print ("%ld\n", own_peak_kb (argv[2]));
      return 0;
    }
  if (argc == 4 && g_str_equal (argv[1], "--peak-export"))
    {
      jm_bench_remove_tree (dir);
      g_print ("%ld\n", own_export_peak_kb (argv[2], argv[3]));
      return 0;
    }
  if (argc == 4 && g_str_equal (argv[1], "--peak-png"))
    {
      jm_bench_remove_tree (dir);
      g_print ("%ld\n", own_png_peak_kb (argv[2], argv[3]));
      return 0;
    }
  if (argc == 3 && g_str_equal (argv[1], "--write-maps"))
    {
      jm_bench_remove_tree (dir);
      if (g_mkdir_with_parents (argv[2], 0755) != 0)
        {
          g_printerr ("Cannot create %s: %s\n", argv[2], g_strerror (errno));
          return 1;
        }
      for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
        {
          g_autoptr(JmDocument) doc = generate (sizes[i].stages, sizes[i].lanes, sizes[i].cards, 42 + i);
          g_autofree char *name = g_strdup_printf ("%s.journey", sizes[i].name);
          g_autofree char *path = g_build_filename (argv[2], name, NULL);
          g_autoptr(GError) error = NULL;

          if (!jm_writer_save_path (doc, path, &error))
            {
              g_printerr ("Cannot write %s: %s\n", path, error->message);
              return 1;
            }
          g_print ("%s\n", path);
        }
      return 0;
    }
  if (argc > 1 && g_str_equal (argv[1], "--short"))
    {
      short_mode = TRUE;
      runs = 1;
      L = H = 0;
      G = G_N_ELEMENTS (sizes);   /* none: the short check is quick */
    }
  else if (argc > 1)
    runs = MAX (1, atoi (argv[1]));
  large = sizes[L].name;
  huge = sizes[H].name;
  table = g_array_new (FALSE, FALSE, sizeof (Row));

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(JmDocument) doc = NULL;
      g_autofree char *name = g_strdup_printf ("%s.journey", sizes[i].name);

      if (i != L && i != H && i != G)
        continue;
      doc = generate (sizes[i].stages, sizes[i].lanes, sizes[i].cards, 42 + i);
      paths[i] = g_build_filename (dir, name, NULL);
      g_assert (jm_writer_save_path (doc, paths[i], NULL));
    }

  if (short_mode)
    g_print ("Journey Maps benchmark, short check: every measure once, on the small map, in ms (memory in MB)\n\n");
  else
    g_print ("Journey Maps benchmark: medians of %d runs after a warm-up, in ms (memory in MB)\n\n", runs);
  g_print ("  %-46s %10s  %-30s %10s  %6s  %-28s %s\n", "measure", "ours", "reference", "theirs", "ratio",
           "target", "");

  /* Load and --check against xmllint on the same files. */
  for (guint i = L; i <= H; i++)
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
          gboolean ok = !isnan (stream) && check <= 2 * stream;

          row (check_what, check, "xmllint --stream --noout", stream, "<= 2 x xmllint --stream", i == H, ok);
          if (i == H)
            {
              with_target++;
              met += ok;
            }
        }
      else
        skipped (check_what, "JM_BINARY is not set");
    }

  /* Save against load. */
  {
    g_autoptr(JmDocument) doc = jm_reader_load_path (paths[H], NULL, NULL);
    g_autofree char *out = g_build_filename (dir, "saved.journey", NULL);
    g_autofree char *what = g_strdup_printf ("save, %s map", huge);
    Job job = { .path = paths[H], .doc = doc, .out = out };
    double load = median (time_load, &job);
    double save = median (time_save, &job);

    row (what, save, "load of the same map", load, "<= load time", TRUE, save <= load);
    with_target++;
    met += save <= load;
  }

  /* Layout, editing and painting. */
  {
    g_autoptr(JmDocument) doc = jm_reader_load_path (paths[L], NULL, NULL);
    g_autoptr(JmLayout) layout = jm_layout_new (doc, NULL);
    Job job = { .doc = doc, .layout = layout, .width = 1920, .height = 1080, .scale = 1.0 };
    g_autofree char *layout_what = g_strdup_printf ("full layout, %s map", large);
    g_autofree char *edit_what = g_strdup_printf ("edit one card: relayout + repaint, %s", large);
    g_autofree char *paint_what = g_strdup_printf ("repaint 100 %%, 1920x1080, %s map", large);
    g_autofree char *fit_what = g_strdup_printf ("repaint whole %s map fitted in 1920x1080", large);
    g_autoptr(JmPaintCache) cache = jm_paint_cache_new (0);
    double w, h, paint, fit, edit, full, direct;

    full = median (time_layout, &job);
    row (layout_what, full, NULL, NAN, NULL, FALSE, FALSE);

    /* The screen keeps cards as images (jm-paint-cache.h): an edit draws
     * the edited card again and the rest from their images. */
    job.cache = cache;
    job.edit_card = short_mode ? "c15" : "c500";
    {
      JmRect rect;

      if (jm_layout_get_card_rect (layout, job.edit_card, &rect))
        {
          job.visible = (JmRect) { MAX (0, rect.x - 400), MAX (0, rect.y - 300), 1920, 1080 };
          warm_cache (&job);
        }
    }
    edit = median (time_edit, &job);
    row (edit_what, edit, NULL, NAN, "<= 2 ms", TRUE, edit <= 2);
    with_target++;
    met += edit <= 2;

    job.visible = short_mode ? (JmRect) { 0, 0, 1920, 1080 } : (JmRect) { 1200, 900, 1920, 1080 };
    warm_cache (&job);
    paint = median (time_paint, &job);
    row (paint_what, paint, NULL, NAN, "<= 4 ms", TRUE, paint <= 4);
    with_target++;
    met += paint <= 4;
    job.cache = NULL;
    direct = median (time_paint, &job);
    row ("  the same, drawing every card (exports' path)", direct, NULL, NAN, NULL, FALSE, FALSE);

    jm_layout_get_size (layout, &w, &h);
    job.scale = MIN (1920 / w, 1080 / h);
    job.visible = (JmRect) { 0, 0, w, h };
    fit = median (time_paint, &job);
    row (fit_what, fit, NULL, NAN, "<= 8 ms", TRUE, fit <= 8);
    with_target++;
    met += fit <= 8;
  }

  {
    g_autoptr(JmDocument) doc = jm_reader_load_path (paths[H], NULL, NULL);
    g_autoptr(JmLayout) layout = jm_layout_new (doc, NULL);
    g_autofree char *what = g_strdup_printf ("repaint 100 %%, 1920x1080, %s map", huge);
    g_autoptr(JmPaintCache) cache = jm_paint_cache_new (0);
    Job job = { .doc = doc, .layout = layout, .width = 1920, .height = 1080, .scale = 1.0,
                .visible = { 3000, 2000, 1920, 1080 }, .cache = cache };
    double paint, direct;

    if (short_mode)
      job.visible = (JmRect) { 0, 0, 1920, 1080 };
    warm_cache (&job);
    paint = median (time_paint, &job);
    row (what, paint, NULL, NAN, "<= 4 ms", TRUE, paint <= 4);
    with_target++;
    met += paint <= 4;
    job.cache = NULL;
    direct = median (time_paint, &job);
    row ("  the same, drawing every card (exports' path)", direct, NULL, NAN, NULL, FALSE, FALSE);
  }

  /* Exports, against rsvg-convert drawing our SVG and Dia drawing the
   * same boxes and texts. */
  {
    g_autoptr(JmDocument) doc = jm_reader_load_path (paths[L], NULL, NULL);
    g_autofree char *png = g_build_filename (dir, "map.png", NULL);
    g_autofree char *pdf = g_build_filename (dir, "map.pdf", NULL);
    g_autofree char *svg = g_build_filename (dir, "map.svg", NULL);
    g_autofree char *svg_png = g_build_filename (dir, "map-rsvg.png", NULL);
    g_autofree char *svg_pdf = g_build_filename (dir, "map-rsvg.pdf", NULL);
    g_autofree char *dia = g_build_filename (dir, "map.dia", NULL);
    g_autofree char *dia_png = g_build_filename (dir, "map-dia.png", NULL);
    g_autofree char *dia_pdf = g_build_filename (dir, "map-dia.pdf", NULL);
    g_autofree char *png_what = g_strdup_printf ("PNG export, %s map", large);
    g_autofree char *pdf_what = g_strdup_printf ("PDF export, %s map", large);
    g_autofree char *svg_what = g_strdup_printf ("SVG export, %s map", large);
    g_autofree char *dia_png_ref = NULL;
    Job job = { .doc = doc };
    double ours_png, ours_pdf, ours_svg, rsvg_png = NAN, rsvg_pdf = NAN, dia_png_ms = NAN, dia_pdf_ms = NAN;
    guint boxes = write_dia (doc, dia);

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
    if (have ("dia"))
      {
        char *png_argv[] = { (char *) "dia", (char *) "-n", (char *) "-l", (char *) "-t", (char *) "cairo-png",
                             (char *) "-e", dia_png, dia, NULL };
        char *pdf_argv[] = { (char *) "dia", (char *) "-n", (char *) "-l", (char *) "-t", (char *) "cairo-pdf",
                             (char *) "-e", dia_pdf, dia, NULL };

        dia_png_ms = median (time_command, png_argv);
        dia_pdf_ms = median (time_command, pdf_argv);
      }
    dia_png_ref = g_strdup_printf ("dia -e png, %u boxes + texts", boxes);

    row (png_what, ours_png, "rsvg-convert, same picture", rsvg_png, "faster than rsvg-convert",
         !isnan (rsvg_png), ours_png < rsvg_png);
    if (!isnan (dia_png_ms))
      row (png_what, ours_png, dia_png_ref, dia_png_ms, "faster than Dia", TRUE, ours_png < dia_png_ms);
    else
      skipped ("PNG export against Dia", "dia is not installed (build-aux/bench installs it)");
    row (pdf_what, ours_pdf, "rsvg-convert -f pdf", rsvg_pdf, "faster than rsvg-convert",
         !isnan (rsvg_pdf), ours_pdf < rsvg_pdf);
    if (!isnan (dia_pdf_ms))
      row (pdf_what, ours_pdf, "dia -e pdf, same boxes + texts", dia_pdf_ms, "faster than Dia", TRUE,
           ours_pdf < dia_pdf_ms);
    else
      skipped ("PDF export against Dia", "dia is not installed (build-aux/bench installs it)");
    row (svg_what, ours_svg, NULL, NAN, NULL, FALSE, FALSE);
    if (!isnan (rsvg_png))
      {
        with_target += 2;
        met += (ours_png < rsvg_png) + (ours_pdf < rsvg_pdf);
      }
    if (!isnan (dia_png_ms))
      {
        with_target += 2;
        met += (ours_png < dia_png_ms) + (ours_pdf < dia_pdf_ms);
      }
  }

  /* Peak memory with the huge map loaded and laid out. */
  {
    double mb = peak_memory_mb (paths[H]);
    g_autofree char *what = g_strdup_printf ("peak memory, %s map loaded and laid out (MB)", huge);

    row (what, mb, NULL, NAN, "<= 150 MB", TRUE, mb <= 150);
    with_target++;
    met += mb <= 150;
  }

  /* Peak memory of a PNG export as large as a PNG can be (bands). */
  {
    g_autofree char *out = g_build_filename (dir, "peak.png", NULL);
    double mb = png_peak_memory_mb (paths[H], out);
    g_autofree char *what = g_strdup_printf ("peak memory, PNG export of the %s map, up to 4x (MB)", huge);

    row (what, mb, NULL, NAN, "<= 200 MB", TRUE, mb <= 200);
    with_target++;
    met += mb <= 200;
  }

  /* The giant map: --check against xmllint's stream, and the peak memory
   * of its exports, each in a fresh process. */
  if (G < G_N_ELEMENTS (sizes))
    {
      char *stream_argv[] = { (char *) "xmllint", (char *) "--stream", (char *) "--noout", paths[G], NULL };
      char *check_argv[] = { (char *) g_getenv ("JM_BINARY"), (char *) "--check", paths[G], NULL };
      static const struct { const char *ext; double limit; } exports[] = {
        { "png", 200 }, { "pdf", 300 }, { "svg", 300 },
      };

      if (check_argv[0] != NULL && have ("xmllint"))
        {
          double stream = median (time_command, stream_argv);
          double check = median (time_command, check_argv);
          gboolean ok = check <= 2 * stream;

          row ("--check, giant map (whole process)", check, "xmllint --stream --noout", stream,
               "<= 2 x xmllint --stream", TRUE, ok);
          with_target++;
          met += ok;
        }
      else
        skipped ("--check, giant map", "JM_BINARY is not set or xmllint is missing");

      for (guint e = 0; e < G_N_ELEMENTS (exports); e++)
        {
          g_autofree char *name = g_strdup_printf ("giant.%s", exports[e].ext);
          g_autofree char *out = g_build_filename (dir, name, NULL);
          g_autofree char *what = g_strdup_printf ("peak memory, %s export of the giant map (MB)", exports[e].ext);
          g_autofree char *target = g_strdup_printf ("<= %.0f MB", exports[e].limit);
          /* A PNG as large as a PNG can be (the giant map at 1:1 is not). */
          double mb = g_str_equal (exports[e].ext, "png") ? png_peak_memory_mb (paths[G], out)
                                                          : export_peak_memory_mb (paths[G], out);

          row (what, mb, NULL, NAN, target, TRUE, mb <= exports[e].limit);
          with_target++;
          met += mb <= exports[e].limit;
          g_unlink (out);
        }
    }

  /* The canvas in a window: start-up to the first frame, then frames
   * while zooming, panning and dragging a card. */
  {
    const char *canvas = g_getenv ("JM_BENCH_CANVAS");
    g_autofree char *startup_what = g_strdup_printf ("start-up to first frame, %s map", large);
    static const char *phase_what[] = { "zoom", "scroll under frozen headers", "drag a card",
                                        "drag an emotion point" };

    if (canvas == NULL)
      skipped ("canvas frames", "JM_BENCH_CANVAS is not set");
    else if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
      skipped ("canvas frames", "no display: run under xvfb-run (build-aux/bench does)");
    else
      {
        /* jm-bench-canvas renders with the cairo renderer, and tells GTK
         * not to prepare OpenGL, which it would otherwise do on opening
         * the display, for nothing: an empty GDK_DEBUG lets it. */
        g_auto(GStrv) with_gl = g_environ_setenv (g_get_environ (), "GDK_DEBUG", "", TRUE);
        Startup as_rendered = { canvas, paths[L], NULL };
        Startup preparing_gl = { canvas, paths[L], with_gl };
        double startup = median (time_canvas_startup, &as_rendered);
        CanvasRun run;

        row (startup_what, startup, NULL, NAN, "<= 300 ms", TRUE, startup <= 300);
        with_target++;
        met += startup <= 300;
        row ("  the same, GTK preparing OpenGL unused", median (time_canvas_startup, &preparing_gl),
             NULL, NAN, NULL, FALSE, FALSE);
        if (G < G_N_ELEMENTS (sizes))
          {
            Startup giant = { canvas, paths[G], NULL };
            double first = median (time_canvas_startup, &giant);

            row ("start-up to first frame, giant map", first, NULL, NAN, "<= 3000 ms", TRUE, first <= 3000);
            with_target++;
            met += first <= 3000;
          }

        if (!run_canvas (canvas, paths[L], NULL, FALSE, short_mode ? 8 : 120, &run))
          measure_failed = TRUE;
        for (guint p = 0; p < 4; p++)
          {
            g_autofree char *median_what = g_strdup_printf ("canvas, %s map: %s, median frame", large, phase_what[p]);
            g_autofree char *worst_what = g_strdup_printf ("canvas, %s map: %s, worst frame", large, phase_what[p]);
            g_autofree char *frames = g_strdup_printf ("%u frames", run.frames[p]);

            row (median_what, run.median[p], frames, NAN, NULL, FALSE, FALSE);
            if (p >= 2)
              {
                row (worst_what, run.worst[p], frames, NAN, "every frame < 16 ms", TRUE, run.worst[p] < 16);
                with_target++;
                met += run.worst[p] < 16;
              }
            else
              row (worst_what, run.worst[p], frames, NAN, NULL, FALSE, FALSE);
          }
      }
  }

  if (short_mode)
    g_print ("\n%u measures taken (the short check judges no target: run build-aux/bench)\n", table->len);
  else
    g_print ("\n%u of %u targets met\n", met, with_target);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    g_free (paths[i]);
  jm_bench_remove_tree (dir);
  if (measure_failed)
    g_printerr ("Some measures could not be taken (nan above)\n");
  return measure_failed ? 1 : 0;
}
