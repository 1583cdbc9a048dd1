/* jm-csv.c — survey responses to metrics. The parser follows RFC 4180
 * (quoted fields, doubled quotes, line breaks inside quotes) and accepts
 * what spreadsheets and survey tools export in Italy and elsewhere:
 * semicolons and decimal commas, a byte-order mark, CRLF. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "jm-csv.h"
#include "jm-csv-reader.h"
#include "jm-text-match.h"

typedef enum {
  COLUMN_TOUCHPOINT,
  COLUMN_METRIC,
  COLUMN_SCORE,
  COLUMN_DATE,
  N_COLUMNS
} Column;

/* Header names, in English and Italian, lower case. */
static gboolean
column_of (const char *header,
           Column     *out)
{
  static const struct { const char *name; Column column; } names[] = {
    { "touchpoint", COLUMN_TOUCHPOINT }, { "touchpoint id", COLUMN_TOUCHPOINT }, { "card", COLUMN_TOUCHPOINT },
    { "punto di contatto", COLUMN_TOUCHPOINT }, { "touchpoint_id", COLUMN_TOUCHPOINT },
    { "metric", COLUMN_METRIC }, { "kind", COLUMN_METRIC }, { "metrica", COLUMN_METRIC }, { "tipo", COLUMN_METRIC },
    { "score", COLUMN_SCORE }, { "value", COLUMN_SCORE }, { "punteggio", COLUMN_SCORE }, { "voto", COLUMN_SCORE },
    { "valore", COLUMN_SCORE },
    { "date", COLUMN_DATE }, { "data", COLUMN_DATE },
  };
  g_autofree char *lower = g_utf8_strdown (header, -1);

  g_strstrip (lower);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (lower, names[i].name))
      {
        *out = names[i].column;
        return TRUE;
      }
  return FALSE;
}

static gboolean
parse_score (const char *text,
             double     *out)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;
  double value;

  g_strdelimit (copy, ",", '.');
  if (*copy == '\0')
    return FALSE;
  value = g_ascii_strtod (copy, &end);
  if (*end != '\0' || !isfinite (value))
    return FALSE;
  *out = value;
  return TRUE;
}

/* Reads from one to max_digits digits: no sign, no space (sscanf's %u
 * takes "-126" as 4294967170). */
static gboolean
read_digits (const char **p,
             guint        min_digits,
             guint        max_digits,
             guint       *out)
{
  guint n = 0, value = 0;

  while (n < max_digits && g_ascii_isdigit (**p))
    {
      value = value * 10 + (guint) (**p - '0');
      (*p)++;
      n++;
    }
  *out = value;
  return n >= min_digits;
}

/* Dates as YYYY-MM-DD, or DD/MM/YYYY as Italian spreadsheets write them;
 * whatever follows (a time of day) is ignored. */
static char *
parse_date (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  const char *p = copy;
  guint y, m, d;

  if (!(read_digits (&p, 4, 4, &y) && *p++ == '-' && read_digits (&p, 1, 2, &m) && *p++ == '-'
        && read_digits (&p, 1, 2, &d)))
    {
      p = copy;
      if (!(read_digits (&p, 1, 2, &d) && *p++ == '/' && read_digits (&p, 1, 2, &m) && *p++ == '/'
            && read_digits (&p, 4, 4, &y)))
        return NULL;
    }
  if (!g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", y, m, d);
}

typedef struct {
  char        *card_id;
  JmMetricKind kind;
  GArray      *scores;
  char        *date;
} Tally;

static void
tally_free (gpointer data)
{
  Tally *tally = data;

  g_free (tally->card_id);
  g_array_unref (tally->scores);
  g_free (tally->date);
  g_free (tally);
}

/* The cards by text, and by text folded (jm-text-match.h): built once,
 * for files of many thousand rows. The first card wins. */
typedef struct {
  GHashTable *by_text;
  GHashTable *by_folded;
} CardIndex;

static void
card_index_init (CardIndex  *index,
                 JmDocument *document)
{
  GPtrArray *lanes = jm_document_get_lanes (document);

  index->by_text = g_hash_table_new (g_str_hash, g_str_equal);
  index->by_folded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint l = 0; l < lanes->len; l++)
    {
      JmLane *lane = g_ptr_array_index (lanes, l);

      for (guint c = 0; c < lane->cards->len; c++)
        {
          JmCard *card = g_ptr_array_index (lane->cards, c);
          char *folded = jm_text_fold (card->text);

          if (!g_hash_table_contains (index->by_text, card->text))
            g_hash_table_insert (index->by_text, card->text, card);
          if (*folded != '\0' && !g_hash_table_contains (index->by_folded, folded))
            g_hash_table_insert (index->by_folded, folded, card);
          else
            g_free (folded);
        }
    }
}

static void
card_index_clear (CardIndex *index)
{
  g_clear_pointer (&index->by_text, g_hash_table_unref);
  g_clear_pointer (&index->by_folded, g_hash_table_unref);
}

/* By id, by exact text, or by text forgiving of case, accents and
 * spacing ("sito  web" names the card "Sito web"). */
static JmCard *
find_touchpoint (JmDocument *document,
                 CardIndex  *index,
                 const char *key)
{
  JmCard *card = jm_document_find_card (document, key, NULL);
  g_autofree char *folded = NULL;

  if (card == NULL)
    card = g_hash_table_lookup (index->by_text, key);
  if (card == NULL)
    {
      folded = jm_text_fold (key);
      card = g_hash_table_lookup (index->by_folded, folded);
    }
  return card;
}

/* A name no card has, and the rows that used it. */
typedef struct {
  char *name;
  guint rows;
  int   first_line;
} Unknown;

static void
unknown_free (gpointer data)
{
  Unknown *unknown = data;

  g_free (unknown->name);
  g_free (unknown);
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const JmProblem *pa = *(const JmProblem **) a;
  const JmProblem *pb = *(const JmProblem **) b;

  return (pa->line > pb->line) - (pa->line < pb->line);
}

static void
add_problem (JmCsvImport *import,
             const char  *name,
             int          line,
             const char  *message)
{
  g_ptr_array_add (import->problems, jm_problem_new (name, line, message));
}

static void
result_free (gpointer data)
{
  JmCsvResult *result = data;

  g_free (result->card_id);
  g_free (result->date);
  g_free (result);
}

void
jm_csv_import_free (JmCsvImport *import)
{
  if (import == NULL)
    return;
  g_clear_pointer (&import->results, g_ptr_array_unref);
  g_clear_pointer (&import->problems, g_ptr_array_unref);
  g_free (import);
}

JmCsvImport *
jm_csv_import_load_bytes (JmDocument  *document,
                          const char  *display_name,
                          const char  *data,
                          gsize        len,
                          GError     **error)
{
  g_autoptr(JmCsvReader) reader = NULL;
  g_autoptr(GPtrArray) tallies = g_ptr_array_new_with_free_func (tally_free);
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) unknowns = g_ptr_array_new_with_free_func (unknown_free);
  g_autoptr(GHashTable) unknown_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  int columns[N_COLUMNS] = { -1, -1, -1, -1 };
  CardIndex cards;
  JmCsvImport *import;
  GPtrArray *fields;
  int line;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (data != NULL || len == 0, NULL);

  jm_csv_skip_bom (&data, &len);
  if (len > JM_CSV_MAX_BYTES || !g_utf8_validate (data, (gssize) len, NULL))
    {
      g_set_error (error, JM_IO_ERROR, JM_IO_ERROR_MALFORMED,
                   len > JM_CSV_MAX_BYTES ? _("%s: the file is too large") : _("%s: the file is not UTF-8 text"),
                   display_name);
      return NULL;
    }

  reader = jm_csv_reader_new (data, len, jm_csv_detect_separator (data, len));
  fields = jm_csv_reader_next (reader, &line);
  if (fields == NULL)
    {
      g_set_error (error, JM_IO_ERROR, JM_IO_ERROR_NOT_A_MAP, _("%s: the file is empty"), display_name);
      return NULL;
    }

  for (guint i = 0; i < fields->len; i++)
    {
      Column column;

      if (column_of (g_ptr_array_index (fields, i), &column) && columns[column] < 0)
        columns[column] = (int) i;
    }
  if (columns[COLUMN_TOUCHPOINT] < 0 || columns[COLUMN_METRIC] < 0 || columns[COLUMN_SCORE] < 0)
    {
      g_set_error (error, JM_IO_ERROR, JM_IO_ERROR_NOT_A_MAP,
                   _("%s:%d: the first line must name the columns touchpoint, metric and score (and "
                     "optionally date)"), display_name, line);
      return NULL;
    }

  import = g_new0 (JmCsvImport, 1);
  import->results = g_ptr_array_new_with_free_func (result_free);
  import->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_problem_free);
  card_index_init (&cards, document);

  while ((fields = jm_csv_reader_next (reader, &line)) != NULL)
    {
      const char *touchpoint, *metric, *score_text, *date_text;
      g_autofree char *key = NULL;
      g_autofree char *message = NULL;
      g_autofree char *metric_lower = NULL;
      JmMetricKind kind;
      JmCard *card;
      Tally *tally;
      double score, min, max;

      if ((int) fields->len <= MAX (columns[COLUMN_TOUCHPOINT], MAX (columns[COLUMN_METRIC], columns[COLUMN_SCORE])))
        {
          add_problem (import, display_name, line, _("The row has too few columns"));
          continue;
        }
      touchpoint = g_ptr_array_index (fields, columns[COLUMN_TOUCHPOINT]);
      metric = g_ptr_array_index (fields, columns[COLUMN_METRIC]);
      score_text = g_ptr_array_index (fields, columns[COLUMN_SCORE]);
      date_text = columns[COLUMN_DATE] >= 0 && columns[COLUMN_DATE] < (int) fields->len
                  ? g_ptr_array_index (fields, columns[COLUMN_DATE]) : NULL;

      card = find_touchpoint (document, &cards, touchpoint);
      if (card == NULL)
        {
          /* Said once per name, at the end: a file can name one missing
           * touchpoint on thousands of rows. */
          Unknown *unknown = g_hash_table_lookup (unknown_by_name, touchpoint);

          if (unknown == NULL)
            {
              unknown = g_new0 (Unknown, 1);
              unknown->name = g_strdup (touchpoint);
              unknown->first_line = line;
              g_ptr_array_add (unknowns, unknown);
              g_hash_table_insert (unknown_by_name, unknown->name, unknown);
            }
          unknown->rows++;
          continue;
        }

      {
        g_autofree char *trimmed = g_strstrip (g_strdup (metric));
        metric_lower = g_ascii_strdown (trimmed, -1);
      }
      if (!jm_metric_kind_from_string (metric_lower, &kind) || kind > JM_METRIC_CES)
        {
          message = g_strdup_printf (_("“%s” is not a survey metric: use nps, csat or ces"), metric);
          add_problem (import, display_name, line, message);
          continue;
        }

      /* The answer scales: NPS 0–10, CSAT 1–5, CES 1–7. */
      min = kind == JM_METRIC_NPS ? 0 : 1;
      max = kind == JM_METRIC_NPS ? 10 : kind == JM_METRIC_CSAT ? 5 : 7;
      if (!parse_score (score_text, &score) || score < min || score > max)
        {
          message = g_strdup_printf (_("The %s answer “%s” is not a number from %g to %g"),
                                     jm_metric_kind_get_label (kind), score_text, min, max);
          add_problem (import, display_name, line, message);
          continue;
        }

      key = g_strdup_printf ("%s\n%d", card->id, kind);
      tally = g_hash_table_lookup (by_key, key);
      if (tally == NULL)
        {
          tally = g_new0 (Tally, 1);
          tally->card_id = g_strdup (card->id);
          tally->kind = kind;
          tally->scores = g_array_new (FALSE, FALSE, sizeof (double));
          g_ptr_array_add (tallies, tally);
          g_hash_table_insert (by_key, g_steal_pointer (&key), tally);
        }
      g_array_append_val (tally->scores, score);
      if (date_text != NULL && *date_text != '\0')
        {
          g_autofree char *date = parse_date (date_text);

          if (date == NULL)
            {
              message = g_strdup_printf (_("“%s” is not a date (write YYYY-MM-DD or DD/MM/YYYY); the answer counts without it"),
                                         date_text);
              add_problem (import, display_name, line, message);
            }
          else if (tally->date == NULL || strcmp (date, tally->date) > 0)
            {
              g_free (tally->date);
              tally->date = g_steal_pointer (&date);
            }
        }
      import->rows_used++;
    }
  card_index_clear (&cards);

  for (guint u = 0; u < unknowns->len; u++)
    {
      Unknown *unknown = g_ptr_array_index (unknowns, u);
      g_autofree char *message = NULL;

      if (unknown->rows == 1)
        message = g_strdup_printf (_("No card has the id or the text “%s”"), unknown->name);
      else
        /* Translators: "132 rows name “Sito web”, which no touchpoint has (the first is on this line)" */
        message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u row names “%s”, which no touchpoint has (the first is on this line)",
                                                "%u rows name “%s”, which no touchpoint has (the first is on this line)",
                                                unknown->rows),
                                   unknown->rows, unknown->name);
      add_problem (import, display_name, unknown->first_line, message);
    }
  g_ptr_array_sort (import->problems, compare_problems);

  for (guint t = 0; t < tallies->len; t++)
    {
      Tally *tally = g_ptr_array_index (tallies, t);
      JmCsvResult *result = g_new0 (JmCsvResult, 1);
      guint n = tally->scores->len, high = 0, low = 0;
      double sum = 0;

      for (guint i = 0; i < n; i++)
        {
          double s = g_array_index (tally->scores, double, i);

          sum += s;
          if (tally->kind == JM_METRIC_NPS)
            {
              high += s >= 9;
              low += s <= 6;
            }
          else if (tally->kind == JM_METRIC_CSAT)
            high += s >= 4;
        }

      result->card_id = g_strdup (tally->card_id);
      result->kind = tally->kind;
      result->sample_size = n;
      result->date = g_strdup (tally->date);
      if (tally->kind == JM_METRIC_NPS)
        result->value = round (((double) high - low) * 1000 / n) / 10;   /* promoters − detractors, points */
      else if (tally->kind == JM_METRIC_CSAT)
        result->value = round ((double) high * 1000 / n) / 10;           /* share of 4 and 5, % */
      else
        result->value = round (sum * 100 / n) / 100;                     /* mean effort */
      g_ptr_array_add (import->results, result);
    }

  return import;
}

JmCsvImport *
jm_csv_import_load_path (JmDocument  *document,
                         const char  *path,
                         GError     **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize len;

  if (!g_file_get_contents (path, &data, &len, &local_error))
    {
      g_set_error (error, JM_IO_ERROR, JM_IO_ERROR_READ, "%s: %s", path, local_error->message);
      return NULL;
    }
  return jm_csv_import_load_bytes (document, path, data, len, error);
}

void
jm_csv_import_apply (JmCsvImport *import,
                     JmDocument  *document)
{
  JmHistory *history;

  g_return_if_fail (import != NULL);
  g_return_if_fail (JM_IS_DOCUMENT (document));

  if (import->results->len == 0)
    return;

  history = jm_document_get_history (document);
  jm_history_begin_group (history, _("Import Survey Responses"));
  for (guint i = 0; i < import->results->len; i++)
    {
      JmCsvResult *result = g_ptr_array_index (import->results, i);
      JmCard *card = jm_document_find_card (document, result->card_id, NULL);
      JmMetric *metric = NULL;
      JmCard *copy;

      if (card == NULL)
        continue;
      copy = jm_card_copy (card);
      for (guint m = 0; m < copy->metrics->len && metric == NULL; m++)
        if (((JmMetric *) g_ptr_array_index (copy->metrics, m))->kind == result->kind)
          metric = g_ptr_array_index (copy->metrics, m);
      if (metric == NULL)
        {
          g_autofree char *id = jm_document_make_id (document, "metric");

          metric = jm_metric_new (id, result->kind, result->value);
          g_ptr_array_add (copy->metrics, metric);
        }
      metric->value = result->value;
      metric->sample_size = result->sample_size;
      g_free (metric->date);
      metric->date = g_strdup (result->date);
      jm_document_update_card (document, copy, NULL);
    }
  jm_history_end_group (history);
}
