/* jm-number.h — numbers as people read and type them: the decimal
 * separator of the user's locale (LC_NUMERIC) and their language's way of
 * writing a percentage ("78%", "78 %"). The painter's badges, the
 * inspector, the metrics table and the survey preview all format through
 * here, so they agree; the file keeps its own locale-independent form
 * (jm-writer.c). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* digits >= 0: exactly that many decimals ("78,0"); digits < 0: at most
 * -digits, trailing zeros dropped ("3,8", "78"). Never "-0". */
char     *jm_number_format      (double      value,
                                 int         digits);
/* The number with its unit: "%" as the language writes a percentage,
 * another unit after a space ("12 min"), none for NULL or "". */
char     *jm_number_format_unit (double      value,
                                 int         digits,
                                 const char *unit);
/* The same in a map's language (jm-i18n.h), whatever the locale: the
 * painter's numbers. lang NULL: as jm_number_format_unit(). */
char     *jm_number_format_unit_in (double      value,
                                    int         digits,
                                    const char *unit,
                                    const char *lang);
/* A number as typed: a decimal point or a decimal comma, whatever the
 * locale (no thousands separators), surrounding blanks ignored. FALSE,
 * leaving *out untouched, for anything else or a non-finite value. */
gboolean  jm_number_parse       (const char *text,
                                 double     *out);

G_END_DECLS
