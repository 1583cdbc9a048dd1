/* jm-test-utils.h — helpers the test programs share: running the main loop,
 * loading the shipped examples, and a small map to play with. */
#pragma once

#include "jm-document.h"
#include "jm-test-tools.h"

G_BEGIN_DECLS

/* Lets GTK (or any main-loop user) lay out, draw and dispatch idles. */
void        jm_test_spin         (void);
/* Runs the main loop for ms milliseconds. */
void        jm_test_spin_for     (guint       ms);
/* data/examples/NAME in the source tree. */
char       *jm_test_example_path (const char *name);
/* The example, loaded; the test fails if it cannot be read. */
JmDocument *jm_test_load_example (const char *name);
/* A small map: stages a (steps s1, s2) and b (s3); lanes "text" (cards
 * "wide" over s1–s2 and "buy" at s3), "touch" (card "web" at s2) and
 * "feel" (emotions); personas p1 "Giulia" (as-is scores −1 at s1, +1 at s2)
 * and p2 "Marco" (none). */
JmDocument *jm_test_small_map    (void);

/* Reads translations from the build tree (po/) and, when the test runs in
 * Italian (LANGUAGE=it, LC_NUMERIC=it_IT.UTF-8), fails with a clear
 * message if that locale is missing. */
void        jm_test_bind_translations (void);

G_END_DECLS
