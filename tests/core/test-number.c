/* test-number.c — numbers as people read and type them. The same program
 * runs twice: in C.UTF-8 ("/number/c/…") and in Italian, LANGUAGE=it
 * LC_NUMERIC=it_IT.UTF-8 ("/number/italian/…"; build-aux/deps.sh
 * generates that locale). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>

#include "jm-number.h"
#include "jm-test-utils.h"

static void
assert_formats (double      value,
                int         digits,
                const char *unit,
                const char *expected)
{
  g_autofree char *text = jm_number_format_unit (value, digits, unit);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_c_locale_writes_points (void)
{
  assert_formats (3.8, -1, NULL, "3.8");
  assert_formats (78, 1, "%", "78.0%");
  assert_formats (78.04, -1, "%", "78%");
  assert_formats (-0.04, -1, NULL, "0");
  assert_formats (-0.5, 1, NULL, "-0.5");
  assert_formats (12, -2, "min", "12 min");
  assert_formats (NAN, 1, NULL, "—");
  assert_formats (0.125, -6, "", "0.125");
}

static void
test_typed_numbers_read_with_point_or_comma (void)
{
  double value = 0;

  g_assert_true (jm_number_parse (" 3,8 ", &value));
  g_assert_cmpfloat (value, ==, 3.8);
  g_assert_true (jm_number_parse ("-42.5", &value));
  g_assert_cmpfloat (value, ==, -42.5);
  g_assert_true (jm_number_parse ("7", &value));
  g_assert_cmpfloat (value, ==, 7);

  value = 99;
  g_assert_false (jm_number_parse ("", &value));
  g_assert_false (jm_number_parse ("1.000,5", &value));
  g_assert_false (jm_number_parse ("0x10", &value));
  g_assert_false (jm_number_parse ("1e3", &value));
  g_assert_false (jm_number_parse ("inf", &value));
  g_assert_false (jm_number_parse ("3,8 %", &value));
  g_assert_false (jm_number_parse (NULL, &value));
  g_assert_cmpfloat (value, ==, 99);
}

static void
test_italian_writes_commas_and_spaced_percentages (void)
{
  double value = 0;

  assert_formats (3.8, -1, NULL, "3,8");
  assert_formats (78, 1, "%", "78,0\u00a0%");
  assert_formats (82.25, -2, "%", "82,25\u00a0%");
  assert_formats (-0.5, 1, NULL, "-0,5");
  assert_formats (12.5, -1, "min", "12,5 min");
  g_assert_true (jm_number_parse ("3,8", &value));
  g_assert_cmpfloat (value, ==, 3.8);
  g_assert_true (jm_number_parse ("3.8", &value));
  g_assert_cmpfloat (value, ==, 3.8);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  jm_test_bind_translations ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/number/c/writes-points", test_c_locale_writes_points);
  g_test_add_func ("/number/c/typed-numbers-read-with-point-or-comma", test_typed_numbers_read_with_point_or_comma);
  g_test_add_func ("/number/italian/writes-commas-and-spaced-percentages",
                   test_italian_writes_commas_and_spaced_percentages);

  return g_test_run ();
}
