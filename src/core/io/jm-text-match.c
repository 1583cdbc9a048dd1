/* jm-text-match.c — see jm-text-match.h. */
#include "config.h"

#include <string.h>

#include "jm-text-match.h"

char *
jm_text_clean_len (const char *text,
                   gsize       len)
{
  const char *end = text + len;
  GString *out = g_string_sized_new (len);

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r')
        {
          if (p + 1 >= end || p[1] != '\n')
            g_string_append_c (out, '\n');
        }
      else if ((c < 0x20 && c != '\t' && c != '\n') || c == 0xfffe || c == 0xffff)
        continue;
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

char *
jm_text_clean (const char *text)
{
  return text != NULL ? jm_text_clean_len (text, strlen (text)) : NULL;
}

char *
jm_text_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  GString *out;
  gboolean space = FALSE;

  if (text == NULL)
    return g_strdup ("");
  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (g_unichar_isalnum (c))
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, g_unichar_tolower (c));
        }
      else
        space = TRUE;
    }
  return g_string_free (out, FALSE);
}

/* Whether the words from `words` on, joined without spaces, start with
 * exactly `joined` (ending at a word's end). */
static gboolean
words_spell (char       **words,
             const char  *joined)
{
  gsize done = 0, total = strlen (joined);

  for (guint i = 0; words[i] != NULL && done < total; i++)
    {
      gsize n = strlen (words[i]);

      if (n > total - done || strncmp (joined + done, words[i], n) != 0)
        return FALSE;
      done += n;
    }
  return done == total;
}

gboolean
jm_text_contains_words (const char *haystack,
                        const char *needle)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) joined = NULL;
  gsize n = strlen (needle);

  if (n == 0)
    return FALSE;
  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    {
      gboolean start_ok = p == haystack || p[-1] == ' ';
      gboolean end_ok = p[n] == '\0' || p[n] == ' ';

      if (start_ok && end_ok)
        return TRUE;
    }

  /* Spacing aside: "web site" is in "the website", "website" in "the web site". */
  joined = g_string_new (NULL);
  for (const char *p = needle; *p; p++)
    if (*p != ' ')
      g_string_append_c (joined, *p);
  words = g_strsplit (haystack, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (words_spell (words + i, joined->str))
      return TRUE;
  return FALSE;
}

const char *
jm_text_guess_language (const char *text)
{
  static const char *english[] = {
    "the", "and", "how", "you", "your", "was", "what", "would", "with", "did", "of", "to",
    "is", "are", "likely", "please", "rate", "our", "we", "for", "this", "it",
  };
  static const char *italian[] = {
    "il", "lo", "la", "di", "che", "come", "quanto", "hai", "sei", "per", "con", "del",
    "della", "un", "una", "e", "ci", "nostro", "nostra", "le", "gli", "tuo", "tua",
  };
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  guint en = 0, it = 0;

  if (text == NULL)
    return NULL;
  /* Folded, "è" is "e": both are Italian. */
  folded = jm_text_fold (text);
  words = g_strsplit (folded, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      for (guint j = 0; j < G_N_ELEMENTS (english); j++)
        if (strcmp (words[i], english[j]) == 0)
          en++;
      for (guint j = 0; j < G_N_ELEMENTS (italian); j++)
        if (strcmp (words[i], italian[j]) == 0)
          it++;
    }
  if (en >= 3 && en >= 2 * it)
    return "en";
  if (it >= 3 && it >= 2 * en)
    return "it";
  return NULL;
}
