/* fuzz-reader.c — libFuzzer target for the .journey reader: any bytes must
 * give a document or an error, never a crash, hang or leak; a document
 * read must write out canonically and read back the same; checking the
 * bytes must say what loading them says. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "jm-reader.h"
#include "jm-writer.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JmDocument) doc = jm_reader_load_bytes ("fuzz.journey", (const char *) data, size, &problems, &error);
  g_autoptr(JmDocument) again = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize len;

  /* Checking, which keeps no cards, says what loading says. */
  {
    g_autoptr(GError) check_error = NULL;
    gboolean ok = jm_reader_check_bytes ("fuzz.journey", (const char *) data, size, NULL, &check_error);

    g_assert (ok == (doc != NULL));
    g_assert (ok || g_strcmp0 (check_error->message, error->message) == 0);
  }

  if (doc == NULL)
    {
      /* A refusal always says why. */
      g_assert (error != NULL && problems != NULL && problems->len > 0);
      return 0;
    }

  first = jm_writer_to_string (doc, &len);
  again = jm_reader_load_bytes ("fuzz-again.journey", first, len, NULL, &error);
  if (again == NULL)
    {
      g_printerr ("the canonical form did not read back: %s\n%s\n", error->message, first);
      g_assert_not_reached ();
    }
  second = jm_writer_to_string (again, NULL);
  g_assert_cmpstr (first, ==, second);

  /* The clipboard reader shares the code: feed it the same bytes. */
  {
    g_autoptr(GPtrArray) cards = jm_reader_load_cards ((const char *) data, size, NULL);
    g_autoptr(GPtrArray) personas = jm_reader_load_personas ((const char *) data, size, NULL);
    (void) cards;
    (void) personas;
  }
  return 0;
}
