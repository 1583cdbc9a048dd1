/* jm-cjml.h — CJML 2.0, the Customer Journey Modeling Language's XML
 * (<CJML version="2.0">), as a new map. Its planned journeys become the
 * to-be side, its actual journeys the as-is side: phases are stages, each
 * touchpoint (communication point or action) a step with a touchpoint
 * card, the end users personas, their experience ratings (1–5) emotions,
 * the service providers named in the notes. Read with the same safety as
 * a .journey file. */
#pragma once

#include "jm-document.h"
#include "jm-io-error.h"

G_BEGIN_DECLS

/* TRUE when the XML's root element is <CJML>. */
gboolean    jm_cjml_is_cjml       (const char  *data,
                                   gsize        len);

/* A new map with an empty history, or NULL; see jm_mermaid_load_bytes()
 * for problems and error. */
JmDocument *jm_cjml_load_bytes    (const char  *display_name,
                                   const char  *data,
                                   gsize        len,
                                   GPtrArray  **problems,
                                   GError     **error);

G_END_DECLS
