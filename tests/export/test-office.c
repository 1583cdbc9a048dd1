/* test-office.c — the decks in a real office suite. LibreOffice converts
 * every example's .pptx and .odp to PDF, all in one run, and each page
 * shows what its slide should: the map's title, the persona's name, the
 * stage's name and steps, and every card of the stage on one of the
 * stage's pages. A .pptx edited as a user would edit it (a card retyped
 * and moved an inch) converts with the edit. Skips (77) only when
 * soffice is not installed. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include "deck-package.h"
#include "jm-deck.h"
#include "jm-reader.h"
#include "jm-zip.h"

#define EDITED_CARD_TEXT "Taps a video ad while scrolling on the train"
#define EDITED_NEW_TEXT  "Edited in the deck"
#define EDITED_MOVE_EMU  914400   /* an inch */

static char *workdir;
static char *examples;

typedef struct {
  char *example;     /* "online-shop.journey" */
  char *format;      /* "pptx", "odp" */
  char *pdf;
} Case;

static void
case_free (gpointer data)
{
  Case *c = data;

  g_free (c->example);
  g_free (c->format);
  g_free (c->pdf);
  g_free (c);
}

static gint
compare_cases (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 ((*(Case * const *) a)->pdf, (*(Case * const *) b)->pdf);
}

static void
init_options (JmExportOptions *options)
{
  jm_export_options_init (options);
  options->date = "2026-05-04";
}

static JmDocument *
load_example (const char *name)
{
  g_autofree char *path = g_build_filename (examples, name, NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  JmDocument *doc = jm_reader_load_path (path, &problems, &error);

  g_assert_no_error (error);
  return doc;
}

static char *
stem (const char *example)
{
  return g_strndup (example, strlen (example) - strlen (".journey"));
}

/* Runs argv; its standard output, or NULL when it failed. */
static char *
run (const char * const *argv,
     char              **envp)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  if (!g_spawn_sync (workdir, (char **) argv, envp, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error))
    {
      g_test_message ("%s: %s", argv[0], error->message);
      return NULL;
    }
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_test_message ("%s failed: %s", argv[0], err);
      g_free (out);
      return NULL;
    }
  return out;
}

/* The PDF's pages' text, squeezed of white space. */
static GPtrArray *
pdf_pages (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *text = run (argv, NULL);
  g_auto(GStrv) pages = NULL;
  GPtrArray *squeezed = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (text);
  pages = g_strsplit (text, "\f", -1);
  /* pdftotext ends every page with a form feed. */
  for (guint i = 0; pages[i] != NULL && pages[i + 1] != NULL; i++)
    g_ptr_array_add (squeezed, deck_squeeze (pages[i]));
  return squeezed;
}

static gboolean
page_has (GPtrArray  *pages,
          guint       page,
          const char *text)
{
  g_autofree char *needle = deck_squeeze (text);

  return strstr (g_ptr_array_index (pages, page), needle) != NULL;
}

static void
test_deck_converts_with_every_text_on_its_slide (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(JmDocument) doc = load_example (c->example);
  g_autoptr(JmDeck) deck = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  GPtrArray *stages = jm_document_get_stages (doc), *lanes = jm_document_get_lanes (doc);
  JmExportOptions options;

  g_assert_true (g_file_test (c->pdf, G_FILE_TEST_EXISTS));
  init_options (&options);
  deck = jm_deck_new (doc, &options, NULL);
  pages = pdf_pages (c->pdf);
  g_assert_cmpuint (pages->len, ==, deck->slides->len);

  for (guint i = 0; i < deck->slides->len; i++)
    {
      JmDeckSlide *slide = g_ptr_array_index (deck->slides, i);

      g_test_message ("page %u: %s", i + 1, slide->name);
      switch (slide->kind)
        {
        case JM_DECK_SLIDE_TITLE:
          g_assert_true (page_has (pages, i, jm_document_get_title (doc)));
          break;
        case JM_DECK_SLIDE_PERSONA:
          g_assert_true (page_has (pages, i, ((JmPersona *) g_ptr_array_index (jm_document_get_personas (doc),
                                                                              slide->index))->name));
          break;
        case JM_DECK_SLIDE_STAGE:
          {
            JmStage *stage = g_ptr_array_index (stages, slide->index);

            g_assert_true (page_has (pages, i, stage->name));
            for (guint s = 0; s < stage->steps->len; s++)
              g_assert_true (page_has (pages, i, ((JmStep *) g_ptr_array_index (stage->steps, s))->name));
          }
          break;
        case JM_DECK_SLIDE_OVERVIEW:
        case JM_DECK_SLIDE_METRICS:
        default:
          g_assert_true (page_has (pages, i, slide->name));
        }
    }

  /* Every card on exactly one of its stage's pages. */
  for (guint l = 0; l < lanes->len; l++)
    {
      JmLane *lane = g_ptr_array_index (lanes, l);

      for (guint k = 0; k < lane->cards->len; k++)
        {
          JmCard *card = g_ptr_array_index (lane->cards, k);
          JmStage *stage = jm_document_get_step_stage (doc, card->step_id);
          guint found = 0;

          for (guint i = 0; i < deck->slides->len; i++)
            {
              JmDeckSlide *slide = g_ptr_array_index (deck->slides, i);

              if (slide->kind == JM_DECK_SLIDE_STAGE && g_ptr_array_index (stages, slide->index) == stage
                  && page_has (pages, i, card->text))
                found++;
            }
          g_test_message ("card %s: on %u page(s)", card->id, found);
          g_assert_cmpuint (found, ==, 1);
        }
    }
}

/* The .pptx with one card's text changed and its group moved right, as
 * a user would do it in PowerPoint: in the slide's XML. */
static GBytes *
edit_pptx (GBytes *pptx)
{
  g_autoptr(GPtrArray) entries = deck_read_entries (pptx);
  g_autoptr(JmZip) zip = jm_zip_new ();
  g_autoptr(GError) error = NULL;
  guint edited = 0;
  GBytes *result;

  for (guint i = 0; i < entries->len; i++)
    {
      DeckEntry *entry = g_ptr_array_index (entries, i);
      xmlDocPtr doc = NULL;
      xmlXPathObjectPtr found = NULL;

      if (g_str_has_prefix (entry->name, "ppt/slides/slide"))
        {
          doc = deck_parse (entry->bytes);
          found = deck_xpath (doc, NULL, "//p:grpSp//a:t[. = '" EDITED_CARD_TEXT "']");
        }
      if (found != NULL && found->nodesetval && found->nodesetval->nodeNr == 1)
        {
          xmlNodePtr text = found->nodesetval->nodeTab[0];
          xmlXPathObjectPtr offset = deck_xpath (doc, text, "ancestor::p:grpSp[1]/p:grpSpPr/a:xfrm/a:off");
          xmlChar *x = xmlGetProp (offset->nodesetval->nodeTab[0], BAD_CAST "x");
          g_autofree char *moved = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                    g_ascii_strtoll ((const char *) x, NULL, 10) + EDITED_MOVE_EMU);
          xmlChar *dump;
          int size;

          xmlNodeSetContent (text, BAD_CAST EDITED_NEW_TEXT);
          xmlSetProp (offset->nodesetval->nodeTab[0], BAD_CAST "x", BAD_CAST moved);
          xmlDocDumpMemoryEnc (doc, &dump, &size, "UTF-8");
          jm_zip_add_text (zip, entry->name, g_strndup ((const char *) dump, (gsize) size));
          xmlFree (dump);
          xmlFree (x);
          xmlXPathFreeObject (offset);
          edited++;
        }
      else
        jm_zip_add (zip, entry->name, entry->bytes, entry->stored);
      g_clear_pointer (&found, xmlXPathFreeObject);
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  g_assert_cmpuint (edited, ==, 1);
  result = jm_zip_finish (zip, &error);
  g_assert_no_error (error);
  return result;
}

/* Where a word starts on a page, in points from the left. */
static double
word_x (const char *pdf,
        guint       page,
        const char *word)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-bbox", "-f", number, "-l", number, pdf, "-", NULL };
  g_autofree char *html = run (argv, NULL);
  g_autofree char *tail = g_strdup_printf (">%s</word>", word);
  const char *end, *start;

  g_assert_nonnull (html);
  end = strstr (html, tail);
  g_assert_nonnull (end);
  start = g_strrstr_len (html, end - html, "xMin=\"");
  g_assert_nonnull (start);
  return g_ascii_strtod (start + strlen ("xMin=\""), NULL);
}

static void
test_an_edited_deck_shows_the_edit (void)
{
  g_autofree char *original = g_build_filename (workdir, "online-shop-pptx.pdf", NULL);
  g_autofree char *edited = g_build_filename (workdir, "online-shop-edited.pdf", NULL);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  guint page = 0;

  g_assert_true (g_file_test (edited, G_FILE_TEST_EXISTS));
  before = pdf_pages (original);
  after = pdf_pages (edited);
  g_assert_cmpuint (before->len, ==, after->len);
  for (guint i = 0; i < before->len; i++)
    {
      g_assert_false (page_has (after, i, EDITED_CARD_TEXT));
      if (page_has (before, i, EDITED_CARD_TEXT))
        {
          g_assert_true (page_has (after, i, EDITED_NEW_TEXT));
          page = i + 1;
        }
      else
        g_assert_false (page_has (after, i, EDITED_NEW_TEXT));
    }
  g_assert_cmpuint (page, >, 0);
  /* The card's text starts an inch further right. */
  g_assert_cmpfloat_with_epsilon (word_x (edited, page, "Edited") - word_x (original, page, "Taps"), 72.0, 2.0);
}

static void
write_file (const char *name,
            GBytes     *bytes)
{
  g_autofree char *path = g_build_filename (workdir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

/* Every deck and the edited one, converted by one run of the suite, in
 * a profile of its own so that runs side by side do not meet. */
static void
convert (GPtrArray *files)
{
  g_autofree char *profile = g_strconcat ("-env:UserInstallation=file://", workdir, "/profile", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *out = NULL;

  g_ptr_array_add (argv, (char *) "soffice");
  g_ptr_array_add (argv, profile);
  g_ptr_array_add (argv, (char *) "--headless");
  g_ptr_array_add (argv, (char *) "--norestore");
  g_ptr_array_add (argv, (char *) "--convert-to");
  g_ptr_array_add (argv, (char *) "pdf");
  g_ptr_array_add (argv, (char *) "--outdir");
  g_ptr_array_add (argv, workdir);
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (files, i));
  g_ptr_array_add (argv, NULL);

  /* The suite is not ours: no fatal warnings, checked mallocs or
   * in-memory settings forced on it; and no display. */
  envp = g_environ_unsetenv (envp, "G_DEBUG");
  envp = g_environ_unsetenv (envp, "MALLOC_CHECK_");
  envp = g_environ_unsetenv (envp, "GSETTINGS_BACKEND");
  envp = g_environ_unsetenv (envp, "GSETTINGS_SCHEMA_DIR");
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "SAL_USE_VCLPLUGIN", "svp", TRUE);
  envp = g_environ_setenv (envp, "HOME", workdir, TRUE);
  out = run ((const char * const *) argv->pdata, envp);
  g_test_message ("%s", out ? out : "soffice failed");
}

static gboolean
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      return g_rmdir (path) == 0;
    }
  return g_unlink (path) == 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (case_free);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  const char *name;
  int status;

  g_test_init (&argc, &argv, NULL);
  if (soffice == NULL)
    {
      g_printerr ("soffice is not installed: skipping\n");
      return 77;
    }
  examples = g_strdup (g_getenv ("JM_EXAMPLES"));
  g_assert_nonnull (examples);
  workdir = g_dir_make_tmp ("jm-office-XXXXXX", NULL);
  g_assert_nonnull (workdir);

  dir = g_dir_open (examples, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".journey"))
      {
        g_autoptr(JmDocument) doc = load_example (name);
        g_autofree char *base = stem (name);
        const char *formats[] = { "pptx", "odp" };
        JmExportOptions options;

        init_options (&options);
        for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
          {
            g_autofree char *file = g_strdup_printf ("%s/%s-%s.%s", workdir, base, formats[f], formats[f]);
            g_autoptr(GError) error = NULL;
            Case *c = g_new0 (Case, 1);

            g_assert_true (jm_export_to_path (doc, file, &options, &error));
            c->example = g_strdup (name);
            c->format = g_strdup (formats[f]);
            c->pdf = g_strdup_printf ("%s/%s-%s.pdf", workdir, base, formats[f]);
            g_ptr_array_add (cases, c);
            g_ptr_array_add (files, g_steal_pointer (&file));
          }
      }

  {
    g_autofree char *path = g_build_filename (workdir, "online-shop-pptx.pptx", NULL);
    g_autofree char *contents = NULL;
    gsize size;
    g_autoptr(GBytes) original = NULL;
    g_autoptr(GBytes) edited = NULL;

    g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
    original = g_bytes_new_take (g_steal_pointer (&contents), size);
    edited = edit_pptx (original);
    write_file ("online-shop-edited.pptx", edited);
    g_ptr_array_add (files, g_build_filename (workdir, "online-shop-edited.pptx", NULL));
  }

  convert (files);

  g_ptr_array_sort (cases, compare_cases);
  for (guint i = 0; i < cases->len; i++)
    {
      Case *c = g_ptr_array_index (cases, i);
      g_autofree char *path = g_strdup_printf ("/office/%s/%s", c->format, c->example);

      g_test_add_data_func (path, c, test_deck_converts_with_every_text_on_its_slide);
    }
  g_test_add_func ("/office/pptx/an-edited-deck-shows-the-edit", test_an_edited_deck_shows_the_edit);

  status = g_test_run ();
  remove_tree (workdir);
  g_free (workdir);
  g_free (examples);
  return status;
}
