/* jm-i18n.h — the map's language. Everything the painter writes on a map
 * (labels, legend, numbers, dates) is in the map's language, whatever the
 * desktop's locale; the interface itself follows the desktop.
 *
 * Why not switch the locale around gettext: setlocale() is process-wide
 * (the canvas paints while other threads format), uselocale() + dcgettext()
 * is per thread but glibc's gettext still lets the LANGUAGE environment
 * variable override the thread's locale, and needs the target locale
 * installed. So the map's language reads the project's own compiled
 * catalog (the .mo file msgfmt made, found where the text domain is bound)
 * with a small binary search of its sorted table: immutable once loaded,
 * shared by every thread, and independent of the environment. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* msgid in language lang ("it", "it-IT", "en"…). lang NULL: the
 * interface's language, exactly as _() (maps without a language). English
 * or a language without a catalog: msgid itself. The string lives as long
 * as the process (or as msgid). */
const char *jm_i18n_gettext            (const char *lang,
                                        const char *msgid) G_GNUC_FORMAT (2);
/* The same with a msgctxt, as C_(). */
const char *jm_i18n_pgettext           (const char *lang,
                                        const char *context,
                                        const char *msgid) G_GNUC_FORMAT (3);
/* The interface's language as a language tag a map stores ("it", "en"). */
char       *jm_i18n_interface_language (void);
/* TRUE for a well-formed language tag: letters, digits and '-', starting
 * with two or three letters ("en", "it", "pt-BR"). */
gboolean    jm_i18n_language_is_valid  (const char *lang);
/* A date (YYYY-MM-DD as the layout keeps it) as the language writes it:
 * "3 December 2026", "3 dicembre 2026". Anything else comes back as is. */
char       *jm_i18n_format_date        (const char *lang,
                                        const char *iso_date);

G_END_DECLS
