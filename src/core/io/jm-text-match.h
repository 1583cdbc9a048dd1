/* jm-text-match.h — matching what people typed against what a map says,
 * forgiving of case, accents, spacing and punctuation: "Sito  web!" is
 * "sito web", and so is "SITO WEB". Private to src/core/io. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Lower case, accents and other combining marks dropped, every run of
 * spaces and punctuation one space, none at either end. */
char     *jm_text_fold          (const char *text);
/* Whether folded needle occurs in folded haystack as whole words, or as
 * words that spell it once their spaces are gone ("web site" in "the
 * website", and the other way round). */
gboolean  jm_text_contains_words (const char *haystack,
                                  const char *needle);

/* Text as a map can keep it: XML 1.0 has no place for control characters
 * (but tab and line feed) or U+FFFE and U+FFFF, which are dropped, and
 * reads a carriage return as a line feed, which it becomes. text must be
 * valid UTF-8. */
char       *jm_text_clean       (const char *text);
/* The same of len bytes, which may hold NULs (dropped too). */
char       *jm_text_clean_len   (const char *text,
                                 gsize       len);

/* A guess at the language of some text, from its commonest short words:
 * "en", "it", or NULL when it cannot tell. */
const char *jm_text_guess_language (const char *text);

G_END_DECLS
