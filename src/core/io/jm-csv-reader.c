/* jm-csv-reader.c — see jm-csv-reader.h. One pass over the bytes, one
 * record in hand: a survey export of 50,000 rows never sits in memory as
 * millions of strings. */
#include "config.h"

#include <string.h>

#include "jm-csv-reader.h"

struct _JmCsvReader {
  const char *data;
  gsize       len;
  gsize       pos;
  char        separator;
  int         line;       /* of the next character */
  GPtrArray  *fields;     /* char*, the record in hand */
  GString    *field;
};

gboolean
jm_csv_skip_bom (const char **data,
                 gsize       *len)
{
  if (*len >= 3 && memcmp (*data, "\xef\xbb\xbf", 3) == 0)
    {
      *data += 3;
      *len -= 3;
      return TRUE;
    }
  return FALSE;
}

char
jm_csv_detect_separator (const char *data,
                         gsize       len)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; i < len && (quoted || (data[i] != '\n' && data[i] != '\r')); i++)
    {
      if (data[i] == '"')
        quoted = !quoted;
      else if (!quoted && data[i] == ',')
        commas++;
      else if (!quoted && data[i] == ';')
        semicolons++;
      else if (!quoted && data[i] == '\t')
        tabs++;
    }
  if (tabs > commas && tabs > semicolons)
    return '\t';
  return semicolons > commas ? ';' : ',';
}

JmCsvReader *
jm_csv_reader_new (const char *data,
                   gsize       len,
                   char        separator)
{
  JmCsvReader *reader = g_new0 (JmCsvReader, 1);

  reader->data = data;
  reader->len = len;
  reader->separator = separator;
  reader->line = 1;
  reader->fields = g_ptr_array_new_with_free_func (g_free);
  reader->field = g_string_new (NULL);
  return reader;
}

void
jm_csv_reader_free (JmCsvReader *reader)
{
  if (reader == NULL)
    return;
  g_ptr_array_unref (reader->fields);
  g_string_free (reader->field, TRUE);
  g_free (reader);
}

int
jm_csv_reader_get_line (JmCsvReader *reader)
{
  return reader->line;
}

static void
end_field (JmCsvReader *reader)
{
  g_ptr_array_add (reader->fields, g_strndup (reader->field->str, reader->field->len));
  g_string_truncate (reader->field, 0);
}

GPtrArray *
jm_csv_reader_next (JmCsvReader *reader,
                    int         *line)
{
  const char *data = reader->data;
  gsize len = reader->len;

  for (;;)
    {
      gboolean quoted = FALSE, was_quoted = FALSE, ended = FALSE;
      int start_line = reader->line;

      if (reader->pos >= len)
        return NULL;

      g_ptr_array_set_size (reader->fields, 0);
      g_string_truncate (reader->field, 0);

      while (reader->pos <= len)
        {
          gsize i = reader->pos;
          char c = i < len ? data[i] : '\n';
          gboolean at_end = i == len;

          if (quoted)
            {
              if (c == '"' && i + 1 < len && data[i + 1] == '"')
                {
                  g_string_append_c (reader->field, '"');
                  reader->pos += 2;
                  continue;
                }
              if (c == '"' || at_end)
                quoted = FALSE;
              else
                {
                  if (c == '\n')
                    reader->line++;
                  g_string_append_c (reader->field, c);
                }
              reader->pos++;
              continue;
            }

          if (c == '"' && reader->field->len == 0 && !was_quoted)
            {
              quoted = was_quoted = TRUE;
            }
          else if (c == reader->separator)
            {
              end_field (reader);
              was_quoted = FALSE;
            }
          else if (c == '\r' && i + 1 < len && data[i + 1] == '\n')
            {
              /* The \n ends the record. */
            }
          else if (c == '\n' || c == '\r')
            {
              end_field (reader);
              reader->pos = i + 1;
              if (!at_end)
                reader->line++;
              ended = TRUE;
              break;
            }
          else
            {
              g_string_append_c (reader->field, c);
            }
          reader->pos++;
        }

      /* A quote left open runs to the end of the text. */
      if (!ended)
        end_field (reader);

      /* Blank lines are no records. */
      if (reader->fields->len == 1 && *(char *) g_ptr_array_index (reader->fields, 0) == '\0')
        continue;
      if (line != NULL)
        *line = start_line;
      return reader->fields;
    }
}

void
jm_csv_append_field (GString    *out,
                     const char *field,
                     char        separator)
{
  gsize len = field ? strlen (field) : 0;
  gboolean quote = len > 0 && (g_ascii_isspace (field[0]) || g_ascii_isspace (field[len - 1]));

  /* Any of the separators a reader may guess, not only this one. */
  for (gsize i = 0; i < len && !quote; i++)
    quote = field[i] == separator || field[i] == ',' || field[i] == ';' || field[i] == '\t'
            || field[i] == '"' || field[i] == '\n' || field[i] == '\r';

  if (!quote)
    {
      g_string_append_len (out, field, (gssize) len);
      return;
    }
  g_string_append_c (out, '"');
  for (gsize i = 0; i < len; i++)
    {
      if (field[i] == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, field[i]);
    }
  g_string_append_c (out, '"');
}
