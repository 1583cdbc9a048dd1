/* jm-io-error.h — errors of reading and writing .journey files, and the
 * problems a check finds (file, line, message). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define JM_IO_ERROR (jm_io_error_quark ())

typedef enum {
  JM_IO_ERROR_READ,           /* the file cannot be opened or read */
  JM_IO_ERROR_TOO_LARGE,      /* larger than the format allows */
  JM_IO_ERROR_MALFORMED,      /* not well-formed XML */
  JM_IO_ERROR_NOT_A_MAP,      /* XML, but not a journey map */
  JM_IO_ERROR_NEWER_VERSION,  /* written by a newer version of the application */
  JM_IO_ERROR_INVALID,        /* a journey map with problems in its content */
  JM_IO_ERROR_WRITE,          /* the file could not be written */
} JmIoError;

GQuark jm_io_error_quark (void);

/* One problem found in a file. line is 0 when it concerns the whole file. */
typedef struct {
  char *file;
  int   line;
  char *message;
} JmProblem;

JmProblem *jm_problem_new    (const char      *file,
                              int              line,
                              const char      *message);
void       jm_problem_free   (JmProblem       *problem);
/* "FILE:LINE: message", or "FILE: message" without a line. */
char      *jm_problem_format (const JmProblem *problem);

G_END_DECLS
