/* jm-templates.h — the built-in starting points for a new map. */
#pragma once

#include "jm-document.h"

G_BEGIN_DECLS

typedef enum {
  JM_TEMPLATE_CUSTOMER_EXPERIENCE,
  JM_TEMPLATE_SERVICE_BLUEPRINT,
  JM_TEMPLATE_BLANK,
  JM_N_TEMPLATES
} JmTemplate;

const char *jm_template_to_string       (JmTemplate  template_);
gboolean    jm_template_from_string     (const char *str,
                                         JmTemplate *out);
/* Translated name and one-line description. */
const char *jm_template_get_name        (JmTemplate  template_);
const char *jm_template_get_description (JmTemplate  template_);
/* A new, unmodified document with an empty history. */
JmDocument *jm_template_create          (JmTemplate  template_);

G_END_DECLS
