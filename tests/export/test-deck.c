/* test-deck.c — the .pptx and .odp decks of every example, read back as
 * packages: complete, well-formed, every element a shape (pictures only on
 * the overview and the personas), the stages' notes as speaker notes, the
 * same bytes for the same map, and no file left when writing fails. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <time.h>

#include "deck-package.h"
#include "jm-deck.h"
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
  guint curves = 0, odp_curves = 0, rows = 0, n_metrics = 0;

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

  /* Sara's curve, as is and to be, on each stage's slide with the emotions. */
  g_assert_cmpuint (curves, ==, 2 * stages->len);
  odp_curves = deck_count (content, NULL, "//draw:path[starts-with(@draw:name, 'Emotions:')][contains(@svg:d, 'C')]");
  g_assert_cmpuint (odp_curves, ==, curves);
  g_assert_cmpuint (rows, ==, n_metrics);
  g_assert_cmpuint (deck_count (content, NULL, "//draw:frame/table:table/table:table-row"), ==, n_metrics + 1);
  xmlFreeDoc (content);
}

/* Stage slides come as the presentation mode cuts the stages. */
static void
test_stage_slides_follow_the_presentation_parts (void)
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
      g_assert_cmpuint (slide->n_parts, >, 1);
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  examples = g_getenv ("JM_EXAMPLES");
  g_assert_nonnull (examples);

  g_test_add_func ("/deck/packages-are-complete-and-well-formed", test_packages_are_complete_and_well_formed);
  g_test_add_func ("/deck/speaker-notes-carry-the-stage-notes", test_speaker_notes_carry_the_stage_notes);
  g_test_add_func ("/deck/pictures-only-on-the-overview-and-personas", test_pictures_only_on_the_overview_and_personas);
  g_test_add_func ("/deck/cards-curves-and-metrics-are-native", test_cards_curves_and_metrics_are_native);
  g_test_add_func ("/deck/stage-slides-follow-the-presentation-parts", test_stage_slides_follow_the_presentation_parts);
  g_test_add_func ("/deck/slides-are-wide-or-four-by-three", test_slides_are_wide_or_four_by_three);
  g_test_add_func ("/deck/same-map-gives-the-same-bytes", test_same_map_gives_the_same_bytes);
  g_test_add_func ("/deck/a-failed-export-leaves-no-file", test_a_failed_export_leaves_no_file);
  g_test_add_func ("/deck/a-persona-deck-shows-that-persona", test_a_persona_deck_shows_that_persona);
  return g_test_run ();
}
