/* jm-test-tools.c — running the tools a test reads its outputs with. */
#include <stdarg.h>

#include "jm-test-tools.h"

char *
jm_test_run_tool (const char *program,
                  ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  const char *arg;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, (char *) program);
  va_start (args, program);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed (status %d)", program, status);
  return out;
}

char *
jm_test_pdf_text (const char *pdf,
                  guint       first,
                  guint       last)
{
  g_autofree char *f = g_strdup_printf ("%u", first > 0 ? first : 1);
  g_autofree char *l = last > 0 ? g_strdup_printf ("%u", last) : NULL;

  if (l != NULL)
    return jm_test_run_tool ("pdftotext", "-enc", "UTF-8", "-f", f, "-l", l, pdf, "-", NULL);
  return jm_test_run_tool ("pdftotext", "-enc", "UTF-8", "-f", f, pdf, "-", NULL);
}
