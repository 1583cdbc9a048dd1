/* jm-test-tools.h — running the tools a test reads its outputs with
 * (pdftotext, pdfinfo, xmllint…); GLib alone, so that the command-line
 * tests, which link nothing of ours, can use them. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Runs a program found in PATH with the arguments (NULL-terminated after
 * program); the test fails unless it exits 0. Returns its output. */
char       *jm_test_run_tool     (const char *program,
                                  ...) G_GNUC_NULL_TERMINATED;
/* The text of a PDF's pages first to last (0, 0: every page), in UTF-8,
 * through pdftotext. */
char       *jm_test_pdf_text     (const char *pdf,
                                  guint       first,
                                  guint       last);

G_END_DECLS
