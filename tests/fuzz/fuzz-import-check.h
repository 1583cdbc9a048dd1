/* fuzz-import-check.h — what every importer's fuzz target checks of a map
 * it got: it writes and reads back as a .journey, and its Mermaid and grid
 * exports read back with as many stages and steps. Included by the
 * fuzz-*.c targets only. */
#pragma once

#include <string.h>

#include "jm-grid.h"
#include "jm-mermaid.h"
#include "jm-reader.h"
#include "jm-writer.h"

static void
fuzz_assert_same_shape (JmDocument *doc,
                        JmDocument *again,
                        const char *what,
                        const char *text)
{
  if (again == NULL
      || jm_document_get_stages (again)->len != jm_document_get_stages (doc)->len
      || jm_document_get_n_steps (again) != jm_document_get_n_steps (doc))
    {
      g_printerr ("the %s export did not read back as the same stages and steps:\n%s\n", what, text);
      g_assert_not_reached ();
    }
}

static void
fuzz_check_imported_map (JmDocument *doc)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) again = NULL;
  g_autoptr(JmDocument) from_mermaid = NULL;
  g_autoptr(JmDocument) from_grid = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *mermaid = NULL;
  g_autofree char *grid = NULL;
  gsize len;

  xml = jm_writer_to_string (doc, &len);
  again = jm_reader_load_bytes ("fuzz-again.journey", xml, len, NULL, &error);
  if (again == NULL)
    {
      g_printerr ("the imported map did not read back: %s\n%s\n", error->message, xml);
      g_assert_not_reached ();
    }

  mermaid = jm_mermaid_to_string (doc, &len);
  from_mermaid = jm_mermaid_load_bytes ("fuzz-again.mmd", mermaid, len, FALSE, NULL, NULL);
  fuzz_assert_same_shape (doc, from_mermaid, "Mermaid", mermaid);

  grid = jm_grid_to_string (doc, &len);
  from_grid = jm_grid_load_bytes ("fuzz-again.grid.csv", grid, len, NULL, NULL);
  fuzz_assert_same_shape (doc, from_grid, "grid", grid);
}

/* A refusal always says why, and a map comes with warnings or none. */
static void
fuzz_check_result (JmDocument *doc,
                   GPtrArray  *problems,
                   GError     *error)
{
  if (doc == NULL)
    {
      g_assert (error != NULL && problems != NULL && problems->len > 0);
      return;
    }
  g_assert (error == NULL);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    g_assert (g_utf8_validate (((JmProblem *) g_ptr_array_index (problems, i))->message, -1, NULL));
  fuzz_check_imported_map (doc);
}
