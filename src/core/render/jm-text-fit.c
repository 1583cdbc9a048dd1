/* jm-text-fit.c — a card's text height from the widths of its words, when
 * they settle Pango's line breaks beyond doubt (see jm-text-fit.h). */
#include "config.h"

#include <string.h>

#include "jm-text-fit.h"

/* Distinct words remembered; a map with more starts over. */
#define FIT_MAX_WORDS 200000

/* Longest word looked up, in bytes; longer ones go to Pango. */
#define FIT_MAX_WORD 128

struct _JmTextFit {
  PangoLayout *words;       /* one line, no wrapping: measures a word */
  PangoLayout *lines;       /* as the template: measures n lines' height */
  GHashTable  *widths;      /* word -> its width in Pango units, as a pointer */
  GHashTable  *pairs;       /* last and first letter around a space -> 1 adds up, 2 not */
  int          space;       /* a space's width between two words */
  int          max_lines;   /* the template's line limit */
  int         *heights;     /* [n] the pixel height of n lines, 0 until known */
};

static int
word_width (JmTextFit  *fit,
            const char *word)
{
  gpointer value;
  PangoRectangle logical;

  if (g_hash_table_lookup_extended (fit->widths, word, NULL, &value))
    return GPOINTER_TO_INT (value);

  if (g_hash_table_size (fit->widths) >= FIT_MAX_WORDS)
    g_hash_table_remove_all (fit->widths);
  pango_layout_set_text (fit->words, word, -1);
  pango_layout_get_extents (fit->words, NULL, &logical);
  g_hash_table_insert (fit->widths, g_strdup (word), GINT_TO_POINTER (logical.width));
  return logical.width;
}

JmTextFit *
jm_text_fit_new (PangoLayout *template)
{
  JmTextFit *fit;

  g_return_val_if_fail (PANGO_IS_LAYOUT (template), NULL);
  g_return_val_if_fail (pango_layout_get_height (template) < 0, NULL);

  fit = g_new0 (JmTextFit, 1);
  fit->words = pango_layout_copy (template);
  pango_layout_set_width (fit->words, -1);
  pango_layout_set_height (fit->words, -1);
  pango_layout_set_ellipsize (fit->words, PANGO_ELLIPSIZE_NONE);
  fit->lines = pango_layout_copy (template);
  fit->widths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  fit->pairs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  fit->max_lines = -pango_layout_get_height (template);
  fit->heights = g_new0 (int, fit->max_lines + 1);
  fit->space = word_width (fit, " ");
  return fit;
}

void
jm_text_fit_free (JmTextFit *fit)
{
  if (fit == NULL)
    return;
  g_clear_object (&fit->words);
  g_clear_object (&fit->lines);
  g_clear_pointer (&fit->widths, g_hash_table_unref);
  g_clear_pointer (&fit->pairs, g_hash_table_unref);
  g_free (fit->heights);
  g_free (fit);
}

/* The height of n lines, as Pango gives it for a text of n lines laid out
 * as the template: "x x x…" at a width that holds one "x" a line. */
static int
lines_height (JmTextFit *fit,
              int        n)
{
  if (fit->heights[n] == 0)
    {
      g_autoptr(GString) text = g_string_new ("x");
      int h;

      for (int i = 1; i < n; i++)
        g_string_append (text, " x");
      pango_layout_set_width (fit->lines, word_width (fit, "x") + fit->space / 2);
      pango_layout_set_text (fit->lines, text->str, -1);
      /* Never seen; but if Pango broke these lines otherwise, it would
       * break no text the way this file assumes: leave them all to it. */
      if (pango_layout_get_line_count (fit->lines) != n)
        h = -1;
      else
        pango_layout_get_pixel_size (fit->lines, NULL, &h);
      fit->heights[n] = h;
    }
  return fit->heights[n];
}

/* Whether "b a" is as wide as "b", a space and "a" apart, and "b " as
 * "b" and a space: no kerning across the space on either side, so a line
 * of words is exactly as wide as their sum, and its trailing space as
 * wide as any. Asked once per pair of letters. */
static gboolean
pair_adds_up (JmTextFit *fit,
              gunichar   b,
              gunichar   a)
{
  gint64 key = ((gint64) b << 32) | a;
  gpointer value = g_hash_table_lookup (fit->pairs, &key);

  if (value == NULL)
    {
      char bs[8] = { 0 }, as[8] = { 0 }, both[24] = { 0 };
      gboolean adds_up;

      g_unichar_to_utf8 (b, bs);
      g_unichar_to_utf8 (a, as);
      g_snprintf (both, sizeof both, "%s %s", bs, as);
      adds_up = word_width (fit, both) == word_width (fit, bs) + fit->space + word_width (fit, as);
      g_snprintf (both, sizeof both, "%s ", bs);
      adds_up = adds_up && word_width (fit, both) == word_width (fit, bs) + fit->space;
      value = GINT_TO_POINTER (adds_up ? 1 : 2);
      g_hash_table_insert (fit->pairs, g_memdup2 (&key, sizeof key), value);
    }
  return GPOINTER_TO_INT (value) == 1;
}

/* Letters that are letters to the line breaker (class AL) and that the
 * card font draws itself: ASCII and the Latin-1 and Latin Extended-A
 * letters (not × and ÷). */
static gboolean
is_word_char (gunichar c)
{
  return (c < 0x80 && g_ascii_isalnum (c))
         || (c >= 0xC0 && c <= 0x17F && c != 0xD7 && c != 0xF7);
}

/* Marks that may end a word: never a break before them, and after them
 * only at the space that follows. */
static gboolean
is_word_end (gunichar c)
{
  return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?';
}

int
jm_text_fit_height (JmTextFit  *fit,
                    const char *text,
                    int         width)
{
  char word[FIT_MAX_WORD + 1];
  const char *p = text;
  int n_lines = 1, line = -1;
  gunichar last = 0;

  g_return_val_if_fail (fit != NULL, -1);

  if (text == NULL || *text == '\0' || width <= 0)
    return -1;

  /* Words of letters, each maybe ended by a mark, between single spaces. */
  while (*p != '\0')
    {
      const char *start = p;
      gsize len;
      int w;

      while (*p != '\0' && *p != ' ')
        {
          gunichar c = g_utf8_get_char_validated (p, -1);

          if (c == (gunichar) -1 || c == (gunichar) -2)
            return -1;
          if (!is_word_char (c))
            {
              const char *next = g_utf8_next_char (p);

              if (p == start || !is_word_end (c) || (*next != '\0' && *next != ' '))
                return -1;
            }
          p = g_utf8_next_char (p);
        }
      len = (gsize) (p - start);
      if (len == 0 || len > FIT_MAX_WORD)
        return -1;   /* a space leading, doubled or trailing; a long word */
      if (*p == ' ')
        {
          p++;
          if (*p == '\0')
            return -1;
        }

      if (last != 0 && !pair_adds_up (fit, last, g_utf8_get_char (start)))
        return -1;
      last = g_utf8_get_char (g_utf8_find_prev_char (start, start + len));

      memcpy (word, start, len);
      word[len] = '\0';
      w = word_width (fit, word);
      /* A word wider than a line is broken inside by Pango. */
      if (w > width)
        return -1;

      /* Pango keeps a word on the line while the line, its trailing space
       * not counted, is no wider than the width: exactly as wide fits. */
      if (line < 0)
        line = w;
      else if (line + fit->space + w <= width)
        line += fit->space + w;
      else
        {
          line = w;
          /* Close to the line limit Pango ends the text in an ellipsis. */
          if (++n_lines >= fit->max_lines - 1)
            return -1;
        }
    }

  return lines_height (fit, n_lines);
}
