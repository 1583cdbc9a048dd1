/* test-deck.c — the .pptx and .odp decks of every example, read back as
 * packages: complete, well-formed, every element a shape (pictures only on
 * the overview and the personas), the stages' notes as speaker notes, the
 * same bytes for the same map, and no file left when writing fails. */
#include "config.h"

#include <glib/gstdio.h>
#include <libintl.h>
#include <string.h>
#include <time.h>

#include "deck-package.h"
#include "jm-deck.h"
#include "jm-i18n.h"
#include "jm-map-view.h"
#include "jm-reader.h"

static const char *examples;

static JmDocument *
load_example (const char *name)
{
  g_autofree char *path = g_build_filename (examples, name, NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  JmDocument *doc = jm_reader_load_path (path, &problems, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

/* The .journey examples, sorted. */
static GPtrArray *
example_names (void)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (examples, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".journey"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_assert_cmpuint (names->len, >, 0);
  return names;
}

static void
init_options (JmExportOptions *options)
{
  jm_export_options_init (options);
  options->date = "2026-05-04";
}

/* The deck as the exporter writes it to a file. */
static GBytes *
export_deck (JmDocument            *doc,
             const char            *extension,
             const JmExportOptions *options)
{
  g_autofree char *dir = g_dir_make_tmp ("jm-deck-XXXXXX", NULL);
  g_autofree char *path = g_strconcat (dir, "/map.", extension, NULL);
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize size;

  g_assert_true (jm_export_to_path (doc, path, options, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  g_unlink (path);
  g_rmdir (dir);
  return g_bytes_new_take (contents, size);
}

static xmlDocPtr
parse_entry (GPtrArray  *entries,
             const char *name)
{
  GBytes *bytes = deck_find_entry (entries, name);
  xmlDocPtr doc;

  g_assert_nonnull (bytes);
  doc = deck_parse (bytes);
  g_assert_nonnull (doc);
  return doc;
}

/* "ppt/slides/../media/x.png" → "ppt/media/x.png" */
static char *
resolve (const char *base,
         const char *target)
{
  g_auto(GStrv) parts = g_strsplit (target, "/", -1);
  g_autoptr(GPtrArray) path = g_ptr_array_new_with_free_func (g_free);

  if (target[0] != '/' && *base != '\0')
    {
      g_auto(GStrv) base_parts = g_strsplit (base, "/", -1);

      for (guint i = 0; base_parts[i] != NULL; i++)
        g_ptr_array_add (path, g_strdup (base_parts[i]));
    }
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (*parts[i] == '\0' || strcmp (parts[i], ".") == 0)
        continue;
      if (strcmp (parts[i], "..") == 0)
        {
          g_assert_cmpuint (path->len, >, 0);
          g_ptr_array_remove_index (path, path->len - 1);
        }
      else
        g_ptr_array_add (path, g_strdup (parts[i]));
    }
  g_ptr_array_add (path, NULL);
  return g_strjoinv ("/", (char **) path->pdata);
}

/* [Content_Types].xml gives every part a type, every relationship's
 * target is in the package, every XML part is well-formed. */
static void
check_pptx_package (GBytes *package)
{
  g_autoptr(GPtrArray) entries = deck_read_entries (package);
  xmlDocPtr types = parse_entry (entries, "[Content_Types].xml");
  guint n_rels = 0;

  for (guint i = 0; i < entries->len; i++)
    {
      DeckEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *override = g_strdup_printf ("/ct:Types/ct:Override[@PartName='/%s']", entry->name);
      const char *dot = strrchr (entry->name, '.');
      g_autofree char *by_default = g_strdup_printf ("/ct:Types/ct:Default[@Extension='%s']", dot ? dot + 1 : "");

      if (strcmp (entry->name, "[Content_Types].xml") == 0)
        continue;
      g_test_message ("part %s", entry->name);
      g_assert_false (g_str_has_suffix (entry->name, "/"));
      if (g_str_has_suffix (entry->name, ".xml"))
        {
          /* An XML part has its own type, the kind its folder holds:
           * the generic application/xml would not do. */
          g_autofree char *type = g_strconcat (override, "/@ContentType", NULL);
          g_autofree char *content_type = deck_text (types, NULL, type);
          const char *kinds[][2] = {
            { "ppt/slides/", "presentationml.slide+xml" },
            { "ppt/notesSlides/", "presentationml.notesSlide+xml" },
            { "ppt/slideLayouts/", "presentationml.slideLayout+xml" },
            { "ppt/slideMasters/", "presentationml.slideMaster+xml" },
            { "ppt/notesMasters/", "presentationml.notesMaster+xml" },
            { "ppt/theme/", "officedocument.theme+xml" },
            { "ppt/presentation.xml", "presentationml.presentation.main+xml" },
          };

          g_assert_cmpuint (deck_count (types, NULL, override), ==, 1);
          for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
            if (g_str_has_prefix (entry->name, kinds[k][0]))
              g_assert_true (g_str_has_suffix (content_type, kinds[k][1]));
        }
      else
        g_assert_cmpuint (deck_count (types, NULL, override) + deck_count (types, NULL, by_default), >, 0);

      if (g_str_has_suffix (entry->name, ".xml") || g_str_has_suffix (entry->name, ".rels"))
        {
          xmlDocPtr doc = deck_parse (entry->bytes);

          g_assert_nonnull (doc);
          if (g_str_has_suffix (entry->name, ".rels"))
            {
              /* "a/_rels/b.xml.rels" speaks for "a/b.xml": targets are from "a". */
              g_autofree char *rels_dir = g_path_get_dirname (entry->name);
              g_autofree char *base = g_path_get_dirname (rels_dir);
              xmlXPathObjectPtr found = deck_xpath (doc, NULL, "/rel:Relationships/rel:Relationship");

              if (strcmp (base, ".") == 0)
                {
                  g_free (base);
                  base = g_strdup ("");
                }
              for (int r = 0; found->nodesetval && r < found->nodesetval->nodeNr; r++)
                {
                  xmlChar *target = xmlGetProp (found->nodesetval->nodeTab[r], BAD_CAST "Target");
                  xmlChar *mode = xmlGetProp (found->nodesetval->nodeTab[r], BAD_CAST "TargetMode");
                  g_autofree char *part = resolve (base, (const char *) target);

                  if (mode == NULL)
                    {
                      g_test_message ("%s → %s", entry->name, part);
                      g_assert_nonnull (deck_find_entry (entries, part));
                      n_rels++;
                    }
                  xmlFree (target);
                  xmlFree (mode);
                }
              xmlXPathFreeObject (found);
            }
          xmlFreeDoc (doc);
        }
    }

  /* And every part the types name is there. */
  {
    xmlXPathObjectPtr found = deck_xpath (types, NULL, "/ct:Types/ct:Override");

    for (int i = 0; found->nodesetval && i < found->nodesetval->nodeNr; i++)
      {
        xmlChar *name = xmlGetProp (found->nodesetval->nodeTab[i], BAD_CAST "PartName");

        g_assert_nonnull (deck_find_entry (entries, (const char *) name + 1));
        xmlFree (name);
      }
    xmlXPathFreeObject (found);
  }
  g_assert_cmpuint (n_rels, >, 10);
  xmlFreeDoc (types);
}

/* The mimetype first, stored, at its fixed place; the manifest lists
 * every file and nothing else; every XML part is well-formed. */
static void
check_odp_package (GBytes *package)
{
  g_autoptr(GPtrArray) entries = deck_read_entries (package);
  const char *mimetype = "application/vnd.oasis.opendocument.presentation";
  DeckEntry *first = g_ptr_array_index (entries, 0);
  gsize size;
  const guchar *raw = g_bytes_get_data (package, &size);
  xmlDocPtr manifest = parse_entry (entries, "META-INF/manifest.xml");

  g_assert_cmpstr (first->name, ==, "mimetype");
  g_assert_true (first->stored);
  g_assert_cmpmem (g_bytes_get_data (first->bytes, NULL), g_bytes_get_size (first->bytes), mimetype, strlen (mimetype));
  /* No extra field: the type is readable at byte 38. */
  g_assert_cmpuint (size, >, 38 + strlen (mimetype));
  g_assert_cmpint (raw[28] | raw[29] << 8, ==, 0);
  g_assert_true (memcmp (raw + 30, "mimetype", 8) == 0);
  g_assert_true (memcmp (raw + 38, mimetype, strlen (mimetype)) == 0);

  g_assert_cmpuint (deck_count (manifest, NULL,
                                "/manifest:manifest/manifest:file-entry[@manifest:full-path='/']"
                                "[@manifest:media-type='application/vnd.oasis.opendocument.presentation']"), ==, 1);
  for (guint i = 0; i < entries->len; i++)
    {
      DeckEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *listed = g_strdup_printf ("/manifest:manifest/manifest:file-entry[@manifest:full-path='%s']",
                                                 entry->name);

      if (i == 0 || strcmp (entry->name, "META-INF/manifest.xml") == 0)
        continue;
      g_test_message ("file %s", entry->name);
      g_assert_cmpuint (deck_count (manifest, NULL, listed), ==, 1);
      if (g_str_has_suffix (entry->name, ".xml"))
        {
          xmlDocPtr doc = deck_parse (entry->bytes);

          g_assert_nonnull (doc);
          xmlFreeDoc (doc);
        }
    }
  g_assert_cmpuint (deck_count (manifest, NULL, "//manifest:file-entry"), ==, entries->len - 1);
  xmlFreeDoc (manifest);
}

static void
test_packages_are_complete_and_well_formed (void)
{
  g_autoptr(GPtrArray) names = example_names ();
  JmExportOptions options;

  init_options (&options);
  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(JmDocument) doc = load_example (g_ptr_array_index (names, i));
      g_autoptr(GBytes) pptx = export_deck (doc, "pptx", &options);
      g_autoptr(GBytes) odp = export_deck (doc, "odp", &options);

      g_test_message ("%s", (const char *) g_ptr_array_index (names, i));
      check_pptx_package (pptx);
      check_odp_package (odp);
    }
}

/* The slide part of the deck's slide i and its notes part, by the
 * slide's relationships. */
static xmlDocPtr
pptx_slide (GPtrArray *entries,
            guint      i,
            xmlDocPtr *notes)
{
  g_autofree char *name = g_strdup_printf ("ppt/slides/slide%u.xml", i + 1);
  g_autofree char *rels_name = g_strdup_printf ("ppt/slides/_rels/slide%u.xml.rels", i + 1);
  xmlDocPtr rels = parse_entry (entries, rels_name);
  g_autofree char *target = deck_text (rels, NULL, "//rel:Relationship[contains(@Type, '/notesSlide')]/@Target");

  *notes = NULL;
  if (*target != '\0')
    {
      g_autofree char *part = resolve ("ppt/slides", target);

      *notes = parse_entry (entries, part);
    }
  xmlFreeDoc (rels);
  return parse_entry (entries, name);
}

static void
test_speaker_notes_carry_the_stage_notes (void)
{
  g_autoptr(GPtrArray) names = example_names ();
  JmExportOptions options;

  init_options (&options);
  for (guint e = 0; e < names->len; e++)
    {
      g_autoptr(JmDocument) doc = load_example (g_ptr_array_index (names, e));
      g_autoptr(JmDeck) deck = jm_deck_new (doc, &options, NULL);
      g_autoptr(GBytes) pptx = export_deck (doc, "pptx", &options);
      g_autoptr(GBytes) odp = export_deck (doc, "odp", &options);
      g_autoptr(GPtrArray) entries = deck_read_entries (pptx);
      g_autoptr(GPtrArray) odp_entries = deck_read_entries (odp);
      xmlDocPtr content = parse_entry (odp_entries, "content.xml");
      GPtrArray *stages = jm_document_get_stages (doc);
      guint with_notes = 0;

      g_assert_cmpuint (deck_count (content, NULL, "//draw:page"), ==, deck->slides->len);
      for (guint i = 0; i < deck->slides->len; i++)
        {
          JmDeckSlide *slide = g_ptr_array_index (deck->slides, i);
          JmStage *stage;
          xmlDocPtr notes, part = pptx_slide (entries, i, &notes);
          g_autofree char *title = deck_text (part, NULL, "//p:sp[p:nvSpPr/p:nvPr/p:ph[@type='title']]//a:t");
          g_autofree char *page = g_strdup_printf ("//draw:page[%u]", i + 1);
          g_autofree char *page_title = g_strconcat (page, "//draw:frame[@presentation:class='title']//text:span",
                                                     NULL);
          g_autofree char *page_notes = g_strconcat (page, "/presentation:notes//text:p", NULL);
          g_autofree char *odp_title = deck_text (content, NULL, page_title);
          g_autofree char *odp_notes = deck_text (content, NULL, page_notes);

          if (slide->kind != JM_DECK_SLIDE_STAGE)
            {
              xmlFreeDoc (part);
              g_clear_pointer (&notes, xmlFreeDoc);
              continue;
            }
          stage = g_ptr_array_index (stages, slide->index);
          /* The slide is the stage's: its title says so. */
          g_assert_true (g_str_has_prefix (title, stage->name));
          g_assert_true (g_str_has_prefix (odp_title, stage->name));
          if (stage->notes != NULL && *stage->notes != '\0')
            {
              g_autofree char *notes_text = NULL;

              g_assert_nonnull (notes);
              notes_text = deck_text (notes, NULL, "//p:sp[p:nvSpPr/p:nvPr/p:ph[@type='body']]//a:t");
              g_assert_cmpstr (notes_text, ==, stage->notes);
              g_assert_cmpstr (odp_notes, ==, stage->notes);
              with_notes++;
            }
          else
            {
              g_assert_null (notes);
              g_assert_cmpstr (odp_notes, ==, "");
            }
          xmlFreeDoc (part);
          g_clear_pointer (&notes, xmlFreeDoc);
        }
      g_assert_cmpuint (with_notes, >, 0);
      xmlFreeDoc (content);
    }
}

static void
test_pictures_only_on_the_overview_and_personas (void)
{
  g_autoptr(GPtrArray) names = example_names ();
  JmExportOptions options;

  init_options (&options);
  for (guint e = 0; e < names->len; e++)
    {
      g_autoptr(JmDocument) doc = load_example (g_ptr_array_index (names, e));
      g_autoptr(JmDeck) deck = jm_deck_new (doc, &options, NULL);
      g_autoptr(GBytes) pptx = export_deck (doc, "pptx", &options);
      g_autoptr(GBytes) odp = export_deck (doc, "odp", &options);
      g_autoptr(GPtrArray) entries = deck_read_entries (pptx);
      g_autoptr(GPtrArray) odp_entries = deck_read_entries (odp);
      xmlDocPtr content = parse_entry (odp_entries, "content.xml");
      xmlDocPtr styles = parse_entry (odp_entries, "styles.xml");
      guint overviews = 0;

      for (guint i = 0; i < deck->slides->len; i++)
        {
          JmDeckSlide *slide = g_ptr_array_index (deck->slides, i);
          xmlDocPtr notes, part = pptx_slide (entries, i, &notes);
          g_autofree char *page_images = g_strdup_printf ("//draw:page[%u]//draw:image", i + 1);
          guint expected = 0;

          if (slide->kind == JM_DECK_SLIDE_OVERVIEW)
            expected = 1, overviews++;
          else if (slide->kind == JM_DECK_SLIDE_PERSONA)
            expected = ((JmPersona *) g_ptr_array_index (jm_document_get_personas (doc), slide->index))->photo ? 1 : 0;

          g_test_message ("slide %u: %s", i + 1, slide->name);
          g_assert_cmpuint (deck_count (part, NULL, "//p:pic"), ==, expected);
          /* No picture anywhere else: not as a fill, not in a shape. */
          g_assert_cmpuint (deck_count (part, NULL, "//a:blip"), ==, expected);
          g_assert_cmpuint (deck_count (content, NULL, page_images), ==, expected);
          /* The rest are shapes the office suite can edit (a stage's last
           * part may hold one short lane under its header band). */
          if (slide->kind == JM_DECK_SLIDE_STAGE)
            g_assert_cmpuint (deck_count (part, NULL, "//p:sp"), >, 6);
          xmlFreeDoc (part);
          g_clear_pointer (&notes, xmlFreeDoc);
        }
      g_assert_cmpuint (overviews, ==, 1);
      g_assert_cmpuint (deck_count (content, NULL, "//*[@draw:fill='bitmap'] | //draw:fill-image"), ==, 0);
      g_assert_cmpuint (deck_count (styles, NULL, "//*[@draw:fill='bitmap'] | //draw:fill-image"), ==, 0);
      xmlFreeDoc (content);
      xmlFreeDoc (styles);
    }
}

/* Every card is on its stage's slides as text in a shape; the emotion
 * curves are freeform lines; the metrics a table. */
static void
test_cards_curves_and_metrics_are_native (void)
{
  g_autoptr(JmDocument) doc = load_example ("online-shop.journey");
  JmExportOptions options;
  g_autoptr(JmDeck) deck = NULL;
  g_autoptr(GBytes) pptx = NULL;
  g_autoptr(GBytes) odp = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) odp_entries = NULL;
  GPtrArray *lanes = jm_document_get_lanes (doc), *stages = jm_document_get_stages (doc);
  g_autoptr(GPtrArray) stage_text = g_ptr_array_new_with_free_func (g_free);
  xmlDocPtr content;
  guint curves = 0, odp_curves = 0, rows = 0, n_metrics = 0, n_stage_slides = 0;

  init_options (&options);
  deck = jm_deck_new (doc, &options, NULL);
  pptx = export_deck (doc, "pptx", &options);
  odp = export_deck (doc, "odp", &options);
  entries = deck_read_entries (pptx);
  odp_entries = deck_read_entries (odp);
  content = parse_entry (odp_entries, "content.xml");

  for (guint s = 0; s < stages->len; s++)
    g_ptr_array_add (stage_text, g_strdup (""));
  for (guint i = 0; i < deck->slides->len; i++)
    {
      JmDeckSlide *slide = g_ptr_array_index (deck->slides, i);
      xmlDocPtr notes, part = pptx_slide (entries, i, &notes);

      if (slide->kind == JM_DECK_SLIDE_STAGE)
        {
          g_autofree char *text = deck_text (part, NULL, "//p:grpSp//p:sp//a:t");
          g_autofree char *squeezed = deck_squeeze (text);
          char *all = g_strconcat (g_ptr_array_index (stage_text, slide->index), squeezed, "|", NULL);

          g_free (g_ptr_array_index (stage_text, slide->index));
          g_ptr_array_index (stage_text, slide->index) = all;
          n_stage_slides++;
          curves += deck_count (part, NULL, "//p:sp[starts-with(p:nvSpPr/p:cNvPr/@name, 'Emotions:')]"
                                            "/p:spPr/a:custGeom/a:pathLst/a:path[a:moveTo][a:cubicBezTo]");
        }
      if (slide->kind == JM_DECK_SLIDE_METRICS)
        rows += deck_count (part, NULL, "//p:graphicFrame/a:graphic/a:graphicData/a:tbl/a:tr") - 1;
      xmlFreeDoc (part);
      g_clear_pointer (&notes, xmlFreeDoc);
    }

  for (guint l = 0; l < lanes->len; l++)
    {
      JmLane *lane = g_ptr_array_index (lanes, l);

      for (guint c = 0; c < lane->cards->len; c++)
        {
          JmCard *card = g_ptr_array_index (lane->cards, c);
          JmStage *stage = jm_document_get_step_stage (doc, card->step_id);
          guint index;
          g_autofree char *squeezed = deck_squeeze (card->text);

          g_assert_true (g_ptr_array_find (stages, stage, &index));
          g_test_message ("card %s", card->id);
          g_assert_nonnull (strstr (g_ptr_array_index (stage_text, index), squeezed));
          n_metrics += card->metrics->len;
        }
    }
  for (guint s = 0; s < stages->len; s++)
    n_metrics += ((JmStage *) g_ptr_array_index (stages, s))->metrics->len;

  /* Sara's curve, as is and to be, on every stage slide: each part of a
   * stage keeps the emotion lane. */
  g_assert_cmpuint (curves, ==, 2 * n_stage_slides);
  odp_curves = deck_count (content, NULL, "//draw:path[starts-with(@draw:name, 'Emotions:')][contains(@svg:d, 'C')]");
  g_assert_cmpuint (odp_curves, ==, curves);
  g_assert_cmpuint (rows, ==, n_metrics);
  g_assert_cmpuint (deck_count (content, NULL, "//draw:frame/table:table/table:table-row"), ==, n_metrics + 1);
  xmlFreeDoc (content);
}

/* Stage slides come stage by stage, part by part, between the overview
 * and the metrics. */
static void
test_stage_slides_come_part_by_part_in_order (void)
{
  g_autoptr(JmDocument) doc = load_example ("bike-shop-vs-food-delivery.journey");
  JmExportOptions options;
  g_autoptr(JmDeck) deck = NULL;
  GPtrArray *stages = jm_document_get_stages (doc);
  guint next_stage = 0, next_part = 0;

  init_options (&options);
  deck = jm_deck_new (doc, &options, NULL);
  for (guint i = 0; i < deck->slides->len; i++)
    {
      JmDeckSlide *slide = g_ptr_array_index (deck->slides, i);

      if (slide->kind != JM_DECK_SLIDE_STAGE)
        continue;
      /* Every part of every stage, in order. */
      g_assert_cmpuint (slide->index, ==, next_stage);
      g_assert_cmpuint (slide->part, ==, next_part);
      if (++next_part == slide->n_parts)
        next_stage++, next_part = 0;
    }
  g_assert_cmpuint (next_stage, ==, stages->len);

  /* Title, two personas, the overview, the stages, the metrics. */
  g_assert_cmpint (((JmDeckSlide *) g_ptr_array_index (deck->slides, 0))->kind, ==, JM_DECK_SLIDE_TITLE);
  g_assert_cmpint (((JmDeckSlide *) g_ptr_array_index (deck->slides, 1))->kind, ==, JM_DECK_SLIDE_PERSONA);
  g_assert_cmpint (((JmDeckSlide *) g_ptr_array_index (deck->slides, 2))->kind, ==, JM_DECK_SLIDE_PERSONA);
  g_assert_cmpint (((JmDeckSlide *) g_ptr_array_index (deck->slides, 3))->kind, ==, JM_DECK_SLIDE_OVERVIEW);
  g_assert_cmpint (((JmDeckSlide *) g_ptr_array_index (deck->slides, deck->slides->len - 1))->kind, ==,
                   JM_DECK_SLIDE_METRICS);
}

static void
test_slides_are_wide_or_four_by_three (void)
{
  g_autoptr(JmDocument) doc = load_example ("restaurant-regular.journey");
  JmExportOptions options;

  init_options (&options);
  for (int narrow = 0; narrow < 2; narrow++)
    {
      g_autoptr(GBytes) pptx = NULL;
      g_autoptr(GBytes) odp = NULL;
      g_autoptr(GPtrArray) entries = NULL;
      g_autoptr(GPtrArray) odp_entries = NULL;
      g_autofree char *page = NULL;
      xmlDocPtr presentation, styles;

      options.page_4_3 = narrow;
      pptx = export_deck (doc, "pptx", &options);
      odp = export_deck (doc, "odp", &options);
      entries = deck_read_entries (pptx);
      odp_entries = deck_read_entries (odp);
      presentation = parse_entry (entries, "ppt/presentation.xml");
      styles = parse_entry (odp_entries, "styles.xml");
      g_assert_cmpuint (deck_count (presentation, NULL, narrow ? "//p:sldSz[@cx='9144000'][@cy='6858000']"
                                                             : "//p:sldSz[@cx='12192000'][@cy='6858000']"), ==, 1);
      page = g_strdup_printf ("//style:page-layout-properties[@fo:page-width='%s'][@fo:page-height='540pt']",
                              narrow ? "720pt" : "960pt");
      g_assert_cmpuint (deck_count (styles, NULL, page), ==, 1);
      xmlFreeDoc (presentation);
      xmlFreeDoc (styles);
    }
}

static void
set_time_zone (const char *zone)
{
  g_setenv ("TZ", zone, TRUE);
  tzset ();
}

/* Same map, same bytes: in another time zone, at another time. */
static void
test_same_map_gives_the_same_bytes (void)
{
  g_autoptr(JmDocument) doc = load_example ("bike-shop-vs-food-delivery.it.journey");
  const char *formats[] = { "pptx", "odp" };
  JmExportOptions options;

  init_options (&options);
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autoptr(GBytes) first = NULL;
      g_autoptr(GBytes) second = NULL;

      set_time_zone ("UTC");
      first = export_deck (doc, formats[f], &options);
      set_time_zone ("Pacific/Auckland");
      second = export_deck (doc, formats[f], &options);
      g_assert_true (g_bytes_equal (first, second));
    }
  g_unsetenv ("TZ");
  tzset ();
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (listing) != NULL)
    n++;
  return n;
}

static void
test_a_failed_export_leaves_no_file (void)
{
  g_autoptr(JmDocument) doc = load_example ("online-shop.journey");
  g_autofree char *dir = g_dir_make_tmp ("jm-deck-XXXXXX", NULL);
  g_autofree char *taken = g_build_filename (dir, "map.pptx", NULL);
  g_autofree char *odp_taken = g_build_filename (dir, "map.odp", NULL);
  g_autoptr(GError) error = NULL;

  /* Not writable: a folder stands where the deck would go. */
  g_assert_cmpint (g_mkdir (taken, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (odp_taken, 0755), ==, 0);
  g_assert_false (jm_export_to_path (doc, taken, NULL, &error));
  g_assert_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, taken));
  g_clear_error (&error);
  g_assert_false (jm_export_to_path (doc, odp_taken, NULL, &error));
  g_assert_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_WRITE);
  g_clear_error (&error);
  /* Nothing beside them: no temporary file left. */
  g_assert_cmpuint (count_files (dir), ==, 2);
  g_assert_true (g_file_test (taken, G_FILE_TEST_IS_DIR));

  g_assert_false (jm_export_to_path (doc, "/nonexistent-folder/map.pptx", NULL, &error));
  g_assert_error (error, JM_EXPORT_ERROR, JM_EXPORT_ERROR_WRITE);
  g_assert_false (g_file_test ("/nonexistent-folder", G_FILE_TEST_EXISTS));

  g_rmdir (taken);
  g_rmdir (odp_taken);
  g_rmdir (dir);
}

/* A deck for one persona: their slide, their curve, their cards. */
static void
test_a_persona_deck_shows_that_persona (void)
{
  g_autoptr(JmDocument) doc = load_example ("bike-shop-vs-food-delivery.journey");
  JmExportOptions options;
  g_autoptr(JmDeck) deck = NULL;
  guint personas = 0;

  init_options (&options);
  options.persona_id = "p-giulia";
  deck = jm_deck_new (doc, &options, NULL);
  for (guint i = 0; i < deck->slides->len; i++)
    {
      JmDeckSlide *slide = g_ptr_array_index (deck->slides, i);

      if (slide->kind == JM_DECK_SLIDE_PERSONA)
        {
          g_assert_cmpstr (slide->name, ==, "Giulia Bianchi");
          personas++;
        }
      for (guint s = 0; s < slide->shapes->len; s++)
        {
          JmDeckShape *shape = g_ptr_array_index (slide->shapes, s);

          g_assert_false (g_str_has_prefix (shape->name, "Emotions: Marco"));
        }
    }
  g_assert_cmpuint (personas, ==, 1);
}


/* A stage's parts: at most this many. A part at the deck's smallest text
 * (10 pt for 14 map units) holds 508 / (10 / 14) = 711 map units of
 * height; the headers (122) and the pinned emotion row (150) leave 439 for
 * the other lanes, and a stage of the examples holds at most about 1,000
 * (eight lanes, each only as tall as that stage's cards): three parts. */
#define MAX_PARTS 3

/* The box around every shape of a slide. */
static void
slide_bounds (JmDeckSlide *slide,
              double      *x0,
              double      *y0,
              double      *x1,
              double      *y1)
{
  *x0 = *y0 = G_MAXDOUBLE;
  *x1 = *y1 = -G_MAXDOUBLE;
  for (guint i = 0; i < slide->shapes->len; i++)
    {
      JmDeckShape *shape = g_ptr_array_index (slide->shapes, i);

      *x0 = MIN (*x0, shape->x);
      *y0 = MIN (*y0, shape->y);
      *x1 = MAX (*x1, shape->x + shape->width);
      *y1 = MAX (*y1, shape->y + shape->height);
    }
}

/* Cards' text on each stage slide of the .pptx, the slide's and the
 * cards' own, squeezed: slide i's card texts, one per card group. */
static GPtrArray *
pptx_card_texts (GPtrArray *entries,
                 guint      i)
{
  xmlDocPtr notes, part = pptx_slide (entries, i, &notes);
  xmlXPathObjectPtr groups = deck_xpath (part, NULL, "//p:grpSp");
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  for (int g = 0; groups->nodesetval && g < groups->nodesetval->nodeNr; g++)
    {
      /* The card's body is the group's first shape, its text the first paragraph. */
      g_autofree char *text = deck_text (part, groups->nodesetval->nodeTab[g], "p:sp[1]/p:txBody/a:p[1]//a:t");

      g_ptr_array_add (texts, deck_squeeze (text));
    }
  xmlXPathFreeObject (groups);
  xmlFreeDoc (part);
  g_clear_pointer (&notes, xmlFreeDoc);
  return texts;
}

/* Fewer, fuller stage slides: for every example, wide and 4:3, a stage
 * takes at most MAX_PARTS slides, no slide is mostly empty, every card is
 * on exactly one slide, and every part shows the emotion curve with the
 * legend that says whose it is. */
static void
test_stage_slides_are_few_and_full (void)
{
  g_autoptr(GPtrArray) names = example_names ();
  JmExportOptions options;

  init_options (&options);
  for (guint e = 0; e < names->len; e++)
    for (int narrow = 0; narrow < 2; narrow++)
      {
        g_autoptr(JmDocument) doc = load_example (g_ptr_array_index (names, e));
        g_autoptr(JmDeck) deck = NULL;
        g_autoptr(GBytes) pptx = NULL;
        g_autoptr(GPtrArray) entries = NULL;
        g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
        g_autoptr(GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
        GPtrArray *stages = jm_document_get_stages (doc), *lanes = jm_document_get_lanes (doc);
        GPtrArray *personas = jm_document_get_personas (doc);
        const char *lang = jm_document_get_language (doc);
        guint n_stage_slides = 0;
        GHashTableIter iter;
        gpointer key, value;

        options.page_4_3 = narrow;
        deck = jm_deck_new (doc, &options, NULL);
        pptx = export_deck (doc, "pptx", &options);
        entries = deck_read_entries (pptx);
        g_test_message ("%s %s", (const char *) g_ptr_array_index (names, e), narrow ? "4:3" : "16:9");

        for (guint i = 0; i < deck->slides->len; i++)
          {
            JmDeckSlide *slide = g_ptr_array_index (deck->slides, i);
            g_autoptr(GPtrArray) texts = NULL;
            double x0, y0, x1, y1, room, curves = 0, legend = 0;

            if (slide->kind != JM_DECK_SLIDE_STAGE)
              continue;
            n_stage_slides++;
            g_assert_cmpuint (slide->n_parts, <=, MAX_PARTS);

            /* What the slide shows covers at least 30 % of the room it
             * has (the slide within a margin of 16 pt). */
            slide_bounds (slide, &x0, &y0, &x1, &y1);
            room = (deck->width - 32) * (deck->height - 32);
            g_test_message ("%s: %.0f %%", slide->name, 100 * (x1 - x0) * (y1 - y0) / room);
            g_assert_cmpfloat ((x1 - x0) * (y1 - y0), >=, 0.3 * room);

            /* The emotion curve of each persona, and the legend. */
            for (guint k = 0; k < slide->shapes->len; k++)
              {
                JmDeckShape *shape = g_ptr_array_index (slide->shapes, k);
                g_autofree char *curve = g_strdup_printf (jm_i18n_gettext (lang, "Emotions: %s (%s)"), "", "");
                g_autofree char *prefix = g_strndup (curve, strcspn (curve, " "));

                if (shape->kind == JM_DECK_SHAPE_PATH && g_str_has_prefix (shape->name, prefix)
                    && shape->path->len > 4)
                  curves++;
                if (g_str_has_prefix (shape->name, jm_i18n_gettext (lang, "Legend")) && shape->kind == JM_DECK_SHAPE_TEXT)
                  legend++;
              }
            g_assert_cmpfloat (curves, >=, 1);
            g_assert_cmpfloat (legend, >=, personas->len);

            texts = pptx_card_texts (entries, i);
            for (guint k = 0; k < texts->len; k++)
              {
                char *text = g_ptr_array_index (texts, k);
                guint n = GPOINTER_TO_UINT (g_hash_table_lookup (found, text));

                g_hash_table_replace (found, g_strdup (text), GUINT_TO_POINTER (n + 1));
              }
          }
        g_assert_cmpuint (n_stage_slides, <=, MAX_PARTS * stages->len);
        g_assert_cmpuint (n_stage_slides, >=, stages->len);

        /* Every card once: as many bodies with its text as cards have it. */
        for (guint l = 0; l < lanes->len; l++)
          {
            JmLane *lane = g_ptr_array_index (lanes, l);

            for (guint c = 0; c < lane->cards->len; c++)
              {
                JmCard *card = g_ptr_array_index (lane->cards, c);
                g_autofree char *text = deck_squeeze (card->text);
                guint n = GPOINTER_TO_UINT (g_hash_table_lookup (expected, text));

                g_hash_table_replace (expected, g_steal_pointer (&text), GUINT_TO_POINTER (n + 1));
              }
          }
        g_assert_cmpuint (g_hash_table_size (found), ==, g_hash_table_size (expected));
        g_hash_table_iter_init (&iter, expected);
        while (g_hash_table_iter_next (&iter, &key, &value))
          {
            g_test_message ("card %s", (const char *) key);
            g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (found, key)), ==, GPOINTER_TO_UINT (value));
          }
      }
}

/* A view with few lanes: one slide per stage, none of the other lanes. */
static void
test_a_small_view_gives_one_slide_per_stage (void)
{
  g_autoptr(JmDocument) doc = load_example ("online-shop.journey");
  GPtrArray *stages = jm_document_get_stages (doc), *lanes = jm_document_get_lanes (doc);
  g_autoptr(JmDeck) full = NULL;
  g_autoptr(JmDeck) deck = NULL;
  JmExportOptions options;
  guint n_stage_slides = 0, n_full = 0;
  g_autoptr(JmMapView) view = jm_map_view_new ("v-small", "Small");
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();

  init_options (&options);
  full = jm_deck_new (doc, &options, NULL);

  /* Customer actions, touchpoints and the emotions. */
  for (guint l = 0; l < lanes->len; l++)
    {
      JmLane *lane = g_ptr_array_index (lanes, l);

      if (l < 2 || lane->kind == JM_LANE_EMOTIONS)
        g_ptr_array_add (shown, g_strdup (lane->id));
    }
  g_ptr_array_add (shown, NULL);
  view->lanes = (char **) g_ptr_array_steal (shown, NULL);
  jm_document_build_view (doc, g_steal_pointer (&view));
  options.view_id = "v-small";
  deck = jm_deck_new (doc, &options, NULL);

  for (guint i = 0; i < full->slides->len; i++)
    n_full += ((JmDeckSlide *) g_ptr_array_index (full->slides, i))->kind == JM_DECK_SLIDE_STAGE;
  for (guint i = 0; i < deck->slides->len; i++)
    {
      JmDeckSlide *slide = g_ptr_array_index (deck->slides, i);

      if (slide->kind != JM_DECK_SLIDE_STAGE)
        continue;
      n_stage_slides++;
      g_assert_cmpuint (slide->n_parts, ==, 1);
      for (guint k = 0; k < slide->shapes->len; k++)
        {
          JmDeckShape *shape = g_ptr_array_index (slide->shapes, k);

          /* The lanes left out have no title here. */
          for (guint l = 2; l < lanes->len; l++)
            {
              JmLane *lane = g_ptr_array_index (lanes, l);
              g_autofree char *title = g_strdup_printf ("Lane: %s", lane->title);

              if (lane->kind != JM_LANE_EMOTIONS)
                g_assert_cmpstr (shape->name, !=, title);
            }
        }
    }
  g_assert_cmpuint (n_stage_slides, ==, stages->len);
  /* The whole map takes more. */
  g_assert_cmpuint (n_full, >, stages->len);
}

/* The labels a deck writes, in English: none may be left in a deck of
 * another language, and their translations none in an English deck. */
static const char *deck_labels[] = {
  "Overview", "Metrics", "Goals", "Needs", "Frustrations", "Interests", "Preferred channels",
  "Stage", "Touchpoint", "Metric", "Value", "Target", "Status", "Whole stage",
  "Met", "Nearly met", "Missed", "No target", "online", "offline", "Journey map",
};

/* Runs the command line with LANGUAGE set and the build tree's
 * translations; the deck's slides' texts (and the package's parts). */
static GPtrArray *
cli_deck (const char *language,
          const char *example,
          const char *extension,
          const char *lang_option)
{
  const char *binary = g_getenv ("JM_BINARY");
  const char *build = g_getenv ("JM_BUILD_ROOT");
  g_autofree char *dir = g_dir_make_tmp ("jm-deck-XXXXXX", NULL);
  g_autofree char *out = g_strconcat (dir, "/map.", extension, NULL);
  g_autofree char *export = g_strconcat ("--export=", out, NULL);
  g_autofree char *input = g_build_filename (examples, example, NULL);
  g_autofree char *localedir = g_build_filename (build, "po", NULL);
  g_auto(GStrv) env = g_get_environ ();
  const char *argv[] = { binary, export, input, lang_option, NULL };
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize size;
  int status;
  GPtrArray *entries;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_nonnull (binary);
  env = g_environ_setenv (env, "LANGUAGE", language, TRUE);
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  env = g_environ_setenv (env, "JOURNEY_MAPS_LOCALEDIR", localedir, TRUE);
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_get_contents (out, &contents, &size, NULL));
  bytes = g_bytes_new_take (contents, size);
  entries = deck_read_entries (bytes);
  g_unlink (out);
  g_rmdir (dir);
  return entries;
}

/* Every run of text on every slide, and every shape's name. */
static GPtrArray *
deck_runs (GPtrArray *entries)
{
  GPtrArray *runs = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < entries->len; i++)
    {
      DeckEntry *entry = g_ptr_array_index (entries, i);
      xmlDocPtr doc;
      xmlXPathObjectPtr found;

      if (!(g_str_has_prefix (entry->name, "ppt/slides/slide") || strcmp (entry->name, "content.xml") == 0))
        continue;
      doc = deck_parse (entry->bytes);
      g_assert_nonnull (doc);
      found = deck_xpath (doc, NULL, "//a:t | //p:cNvPr/@name | //text:span | //@draw:name");
      for (int k = 0; found->nodesetval && k < found->nodesetval->nodeNr; k++)
        {
          xmlChar *text = xmlNodeGetContent (found->nodesetval->nodeTab[k]);

          g_ptr_array_add (runs, g_strdup ((const char *) text));
          xmlFree (text);
        }
      xmlXPathFreeObject (found);
      xmlFreeDoc (doc);
    }
  return runs;
}

static gboolean
runs_have (GPtrArray  *runs,
           const char *label)
{
  for (guint i = 0; i < runs->len; i++)
    {
      const char *run = g_ptr_array_index (runs, i);

      /* The label alone, or a shape named after it ("Metric: NPS"). */
      if (strcmp (run, label) == 0
          || (g_str_has_prefix (run, label) && g_str_has_prefix (run + strlen (label), ": ")))
        {
          g_test_message ("found “%s”", run);
          return TRUE;
        }
    }
  return FALSE;
}

/* The deck is in language lang: its labels in that language (the others'
 * nowhere), and says so in its package. */
static gboolean
is_a_lane_title (JmDocument *doc,
                 const char *text)
{
  GPtrArray *lanes = jm_document_get_lanes (doc);

  for (guint l = 0; l < lanes->len; l++)
    if (g_strcmp0 (((JmLane *) g_ptr_array_index (lanes, l))->title, text) == 0)
      return TRUE;
  return FALSE;
}

static void
check_deck_language (GPtrArray  *entries,
                     const char *example,
                     const char *lang)
{
  g_autoptr(JmDocument) doc = load_example (example);
  g_autoptr(GPtrArray) runs = deck_runs (entries);
  gboolean italian = g_strcmp0 (lang, "it") == 0;

  g_assert_cmpuint (runs->len, >, 100);
  for (guint i = 0; i < G_N_ELEMENTS (deck_labels); i++)
    {
      const char *english = deck_labels[i];
      const char *translated = jm_i18n_gettext ("it", english);

      /* Words the map itself holds (a lane called "Metrics") are its own. */
      if (strcmp (translated, english) == 0 || is_a_lane_title (doc, english) || is_a_lane_title (doc, translated))
        continue;
      g_test_message ("%s / %s", english, translated);
      g_assert_false (runs_have (runs, italian ? english : translated));
    }
  g_assert_true (runs_have (runs, italian ? "Obiettivi" : "Goals"));
  g_assert_true (runs_have (runs, italian ? "Panoramica" : "Overview"));
  for (guint i = 0; i < runs->len; i++)
    {
      const char *run = g_ptr_array_index (runs, i);

      g_assert_false (g_str_has_prefix (run, italian ? "Severity: " : "Gravità: "));
      g_assert_false (g_str_has_prefix (run, italian ? "Metrics (" : "Metriche ("));
    }

  if (deck_find_entry (entries, "ppt/presentation.xml") != NULL)
    {
      xmlDocPtr core = deck_parse (deck_find_entry (entries, "docProps/core.xml"));
      xmlDocPtr slide = deck_parse (deck_find_entry (entries, "ppt/slides/slide1.xml"));
      g_autofree char *language = deck_text (core, NULL, "//dc:language");
      g_autofree char *other = g_strdup_printf ("//a:rPr[not(@lang='%s')]", lang);

      g_assert_cmpstr (language, ==, lang);
      g_assert_cmpuint (deck_count (slide, NULL, "//a:rPr"), >, 0);
      g_assert_cmpuint (deck_count (slide, NULL, other), ==, 0);
      xmlFreeDoc (core);
      xmlFreeDoc (slide);
    }
  else
    {
      xmlDocPtr meta = deck_parse (deck_find_entry (entries, "meta.xml"));
      xmlDocPtr styles = deck_parse (deck_find_entry (entries, "styles.xml"));
      xmlDocPtr content = deck_parse (deck_find_entry (entries, "content.xml"));
      g_autofree char *language = deck_text (meta, NULL, "//dc:language");
      g_autofree char *base = g_strdup_printf ("//style:default-style/style:text-properties[@fo:language='%s']", lang);
      g_autofree char *other = g_strdup_printf ("//style:text-properties[@fo:language!='%s']", lang);
      g_autofree char *same = g_strdup_printf ("//style:text-properties[@fo:language='%s']", lang);

      g_assert_cmpstr (language, ==, lang);
      g_assert_cmpuint (deck_count (styles, NULL, base), ==, 1);
      g_assert_cmpuint (deck_count (content, NULL, same), >, 0);
      g_assert_cmpuint (deck_count (content, NULL, other), ==, 0);
      xmlFreeDoc (meta);
      xmlFreeDoc (styles);
      xmlFreeDoc (content);
    }
}

/* The deck speaks the map's language, whatever the desktop's; --lang
 * overrides it. */
static void
test_labels_are_in_the_maps_language (void)
{
  const char *formats[] = { "pptx", "odp" };

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autoptr(GPtrArray) italian = cli_deck ("C", "restaurant-regular.it.journey", formats[f], NULL);
      g_autoptr(GPtrArray) english = cli_deck ("it", "restaurant-regular.journey", formats[f], NULL);
      g_autoptr(GPtrArray) asked = cli_deck ("C", "restaurant-regular.journey", formats[f], "--lang=it");

      g_test_message ("%s", formats[f]);
      check_deck_language (italian, "restaurant-regular.it.journey", "it");
      check_deck_language (english, "restaurant-regular.journey", "en");
      check_deck_language (asked, "restaurant-regular.journey", "it");
    }
}

/* Dates and numbers as the map's language writes them. */
static void
test_dates_and_numbers_in_the_maps_language (void)
{
  g_autoptr(JmDocument) doc = load_example ("online-shop.it.journey");
  g_autoptr(JmDeck) deck = NULL;
  JmExportOptions options;
  gboolean date = FALSE, decimal = FALSE;

  init_options (&options);
  deck = jm_deck_new (doc, &options, NULL);
  for (guint i = 0; i < deck->slides->len; i++)
    {
      JmDeckSlide *slide = g_ptr_array_index (deck->slides, i);

      for (guint k = 0; k < slide->shapes->len; k++)
        {
          JmDeckShape *shape = g_ptr_array_index (slide->shapes, k);
          GPtrArray *all = shape->kind == JM_DECK_SHAPE_TABLE || shape->kind == JM_DECK_SHAPE_GROUP
                           ? shape->children : NULL;

          for (guint c = 0; c < (all ? all->len : 1); c++)
            {
              JmDeckShape *one = all ? g_ptr_array_index (all, c) : shape;

              for (guint p = 0; p < one->paragraphs->len; p++)
                {
                  JmDeckPara *para = g_ptr_array_index (one->paragraphs, p);

                  for (guint r = 0; r < para->runs->len; r++)
                    {
                      const char *text = ((JmDeckRun *) g_ptr_array_index (para->runs, r))->text;

                      date |= strstr (text, "4 maggio 2026") != NULL;
                      g_assert_null (strstr (text, "2026-05-04"));
                      /* "4,2": a decimal comma, never a point between digits. */
                      for (const char *d = text; *d != '\0'; d++)
                        if (d > text && g_ascii_isdigit (d[-1]) && g_ascii_isdigit (d[1]))
                          {
                            g_assert_cmpint (*d, !=, '.');
                            decimal |= *d == ',';
                          }
                    }
                }
            }
        }
    }
  g_assert_true (date);
  g_assert_true (decimal);
}

/* A table too long for one slide is shared out: no slide is left with a
 * row or two, and every row is on one of them. */
static void
test_metrics_slides_share_the_rows (void)
{
  g_autoptr(GPtrArray) names = example_names ();
  JmExportOptions options;
  guint split = 0;

  init_options (&options);
  for (guint e = 0; e < names->len; e++)
    for (int narrow = 0; narrow < 2; narrow++)
      {
        g_autoptr(JmDocument) doc = load_example (g_ptr_array_index (names, e));
        g_autoptr(JmDeck) deck = NULL;
        guint most = 0, least = G_MAXUINT, n_tables = 0;

        options.page_4_3 = narrow;
        deck = jm_deck_new (doc, &options, NULL);
        for (guint i = 0; i < deck->slides->len; i++)
          {
            JmDeckSlide *slide = g_ptr_array_index (deck->slides, i);

            for (guint k = 0; k < slide->shapes->len; k++)
              {
                JmDeckShape *shape = g_ptr_array_index (slide->shapes, k);

                if (slide->kind != JM_DECK_SLIDE_METRICS || shape->kind != JM_DECK_SHAPE_TABLE)
                  continue;
                most = MAX (most, shape->n_rows - 1);
                least = MIN (least, shape->n_rows - 1);
                n_tables++;
              }
          }
        g_test_message ("%s: %u tables, %u to %u rows", (const char *) g_ptr_array_index (names, e), n_tables,
                        least, most);
        if (n_tables > 1)
          {
            g_assert_cmpuint (least, >=, most / 2);
            split++;
          }
      }
  /* The restaurant's metrics take two slides. */
  g_assert_cmpuint (split, >, 0);
}

/* A map without lanes still shows each stage: its header and steps. */
static void
test_a_map_without_lanes_has_a_slide_per_stage (void)
{
  g_autoptr(JmDocument) doc = load_example ("online-shop.journey");
  GPtrArray *lanes = jm_document_get_lanes (doc), *stages = jm_document_get_stages (doc);
  g_autoptr(JmDeck) deck = NULL;
  JmExportOptions options;
  guint n_stage_slides = 0;

  while (lanes->len > 0)
    jm_document_remove_lane (doc, ((JmLane *) g_ptr_array_index (lanes, 0))->id);
  init_options (&options);
  deck = jm_deck_new (doc, &options, NULL);
  g_assert_nonnull (deck);
  for (guint i = 0; i < deck->slides->len; i++)
    if (((JmDeckSlide *) g_ptr_array_index (deck->slides, i))->kind == JM_DECK_SLIDE_STAGE)
      n_stage_slides++;
  g_assert_cmpuint (n_stage_slides, ==, stages->len);
}

/* A map of very many lanes: every stage in parts, each part holding some
 * of the lanes, and every lane on one part of each stage. */
static void
test_a_map_of_many_lanes_is_cut_in_parts (void)
{
  g_autoptr(JmDocument) doc = load_example ("online-shop.journey");
  GPtrArray *stages = jm_document_get_stages (doc);
  g_autoptr(JmDeck) deck = NULL;
  JmExportOptions options;
  guint n_lanes, parts_of_first = 0, titles_of_first = 0;

  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *id = g_strdup_printf ("l-extra-%u", i);
      g_autofree char *title = g_strdup_printf ("Extra %u", i);

      jm_document_build_lane (doc, jm_lane_new (id, JM_LANE_TEXT, title));
    }
  n_lanes = jm_document_get_lanes (doc)->len;
  init_options (&options);
  deck = jm_deck_new (doc, &options, NULL);
  g_assert_nonnull (deck);
  for (guint i = 0; i < deck->slides->len; i++)
    {
      JmDeckSlide *slide = g_ptr_array_index (deck->slides, i);

      if (slide->kind != JM_DECK_SLIDE_STAGE || slide->index != 0)
        continue;
      parts_of_first++;
      g_assert_cmpuint (slide->n_parts, >, 1);
      for (guint k = 0; k < slide->shapes->len; k++)
        if (g_str_has_prefix (((JmDeckShape *) g_ptr_array_index (slide->shapes, k))->name, "Lane: "))
          titles_of_first++;
    }
  g_assert_cmpuint (parts_of_first, >, 1);
  /* Every lane once, and the emotion lane on each part. */
  g_assert_cmpuint (titles_of_first, ==, n_lanes - 1 + parts_of_first);
  g_assert_cmpuint (stages->len, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  examples = g_getenv ("JM_EXAMPLES");
  g_assert_nonnull (examples);
  /* The map's language reads the build tree's catalogs. */
  {
    g_autofree char *po = g_build_filename (g_getenv ("JM_BUILD_ROOT"), "po", NULL);

    bindtextdomain (GETTEXT_PACKAGE, po);
  }

  g_test_add_func ("/deck/packages-are-complete-and-well-formed", test_packages_are_complete_and_well_formed);
  g_test_add_func ("/deck/speaker-notes-carry-the-stage-notes", test_speaker_notes_carry_the_stage_notes);
  g_test_add_func ("/deck/pictures-only-on-the-overview-and-personas", test_pictures_only_on_the_overview_and_personas);
  g_test_add_func ("/deck/cards-curves-and-metrics-are-native", test_cards_curves_and_metrics_are_native);
  g_test_add_func ("/deck/stage-slides-come-part-by-part-in-order", test_stage_slides_come_part_by_part_in_order);
  g_test_add_func ("/deck/slides-are-wide-or-four-by-three", test_slides_are_wide_or_four_by_three);
  g_test_add_func ("/deck/same-map-gives-the-same-bytes", test_same_map_gives_the_same_bytes);
  g_test_add_func ("/deck/a-failed-export-leaves-no-file", test_a_failed_export_leaves_no_file);
  g_test_add_func ("/deck/a-persona-deck-shows-that-persona", test_a_persona_deck_shows_that_persona);
  g_test_add_func ("/deck/stage-slides-are-few-and-full", test_stage_slides_are_few_and_full);
  g_test_add_func ("/deck/a-small-view-gives-one-slide-per-stage", test_a_small_view_gives_one_slide_per_stage);
  g_test_add_func ("/deck/metrics-slides-share-the-rows", test_metrics_slides_share_the_rows);
  g_test_add_func ("/deck/a-map-without-lanes-has-a-slide-per-stage", test_a_map_without_lanes_has_a_slide_per_stage);
  g_test_add_func ("/deck/a-map-of-many-lanes-is-cut-in-parts", test_a_map_of_many_lanes_is_cut_in_parts);
  g_test_add_func ("/deck/labels-are-in-the-maps-language", test_labels_are_in_the_maps_language);
  g_test_add_func ("/deck/dates-and-numbers-in-the-maps-language", test_dates_and_numbers_in_the_maps_language);
  return g_test_run ();
}
