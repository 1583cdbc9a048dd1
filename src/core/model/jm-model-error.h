/* jm-model-error.h — errors the model reports when a change is refused. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define JM_MODEL_ERROR (jm_model_error_quark ())

typedef enum {
  JM_MODEL_ERROR_OUT_OF_RANGE,
  JM_MODEL_ERROR_MISSING,
  JM_MODEL_ERROR_NOT_FOUND,
} JmModelError;

GQuark jm_model_error_quark (void);

G_END_DECLS
