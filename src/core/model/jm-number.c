/* jm-number.c — see jm-number.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "jm-i18n.h"
#include "jm-number.h"

static char *
format_with_point (double      value,
                   int         digits,
                   const char *point)
{
  char format[16];
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  GString *out;
  char *dot;

  if (!isfinite (value))
    return g_strdup ("—");

  g_snprintf (format, sizeof format, "%%.%df", MIN (ABS (digits), 9));
  g_ascii_formatd (buf, sizeof buf, format, value);
  dot = strchr (buf, '.');
  if (digits < 0 && dot != NULL)
    {
      char *end = buf + strlen (buf);

      while (end > dot + 1 && end[-1] == '0')
        *--end = '\0';
      if (end == dot + 1)
        *dot = '\0';
    }
  /* Rounding may leave "-0" or "-0,0" of a tiny negative number. */
  if (buf[0] == '-' && strspn (buf + 1, "0.") == strlen (buf + 1))
    memmove (buf, buf + 1, strlen (buf));

  out = g_string_new (buf);
  if ((dot = strchr (out->str, '.')) != NULL && point != NULL && *point != '\0')
    {
      gssize at = dot - out->str;

      g_string_erase (out, at, 1);
      g_string_insert (out, at, point);
    }
  return g_string_free (out, FALSE);
}

char *
jm_number_format (double value,
                  int    digits)
{
  return format_with_point (value, digits, localeconv ()->decimal_point);
}

char *
jm_number_format_unit (double      value,
                       int         digits,
                       const char *unit)
{
  g_autofree char *number = jm_number_format (value, digits);

  if (unit == NULL || *unit == '\0')
    return g_steal_pointer (&number);
  if (g_str_equal (unit, "%"))
    /* Translators: a percentage, %s being the number: "78%". Languages that
     * put a space before the sign write it as a no-break space: "%s %%". */
    return g_strdup_printf (_("%s%%"), number);
  /* Translators: a number and its unit: "12 min" */
  return g_strdup_printf (C_("number and unit", "%s %s"), number, unit);
}

char *
jm_number_format_unit_in (double      value,
                          int         digits,
                          const char *unit,
                          const char *lang)
{
  g_autofree char *number = NULL;

  if (lang == NULL)
    return jm_number_format_unit (value, digits, unit);
  /* Translators: the decimal separator of your language's numbers, as a
   * map in your language writes them: "," in Italian. */
  number = format_with_point (value, digits, jm_i18n_pgettext (lang, "decimal separator", "."));
  if (unit == NULL || *unit == '\0')
    return g_steal_pointer (&number);
  if (g_str_equal (unit, "%"))
    return g_strdup_printf (jm_i18n_gettext (lang, "%s%%"), number);
  return g_strdup_printf (jm_i18n_pgettext (lang, "number and unit", "%s %s"), number, unit);
}

gboolean
jm_number_parse (const char *text,
                 double     *out)
{
  g_autofree char *copy = NULL;
  char *end = NULL;
  double value;

  if (text == NULL)
    return FALSE;
  copy = g_strstrip (g_strdup (text));
  /* Either separator means the decimal one: people type what their
   * keyboard's keypad gives them. */
  g_strdelimit (copy, ",", '.');
  if (*copy == '\0' || strchr (copy, '.') != strrchr (copy, '.'))
    return FALSE;
  value = g_ascii_strtod (copy, &end);
  if (end == copy || *end != '\0' || !isfinite (value))
    return FALSE;
  /* g_ascii_strtod also reads hexadecimal and exponents; a person means
   * digits and one separator. */
  if (strspn (copy, "+-0123456789.") != strlen (copy))
    return FALSE;
  *out = value;
  return TRUE;
}
