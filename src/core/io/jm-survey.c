/* jm-survey.c — survey tools' exports: see jm-survey.h. The file is read
 * once, one record at a time (jm-csv-reader.h); what is kept per response
 * is a number per question column, the words of text answers, its line
 * and its date, so that 50,000 responses stay a few megabytes. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "jm-csv-reader.h"
#include "jm-survey.h"
#include "jm-text-match.h"

/* Text answers that become cards, at most, per question. */
#define MAX_VERBATIMS 100
/* Lines named in one summary. */
#define MAX_LINES_SAID 5

struct _JmSurveyQuestionPrivate {
  GArray    *values;      /* double per response; NAN: blank, or words */
  GPtrArray *texts;       /* char* per response for words, else NULL; NULL until the first words */
  guint      n_numbers;
  guint      n_words;
  gboolean   integers;    /* every number a whole one */
  int        word_lines[MAX_LINES_SAID];
  int        first_word_line;
};

struct _JmSurveyImportPrivate {
  GArray   *lines;        /* int per response: the line it starts on */
  GArray   *days_mdy;     /* guint32 Julian day per response read month first, 0: none */
  GArray   *days_dmy;     /* ...and day first */
  gboolean  day_first;    /* which of the two the dates are */
  guint32   since;        /* 0: open */
  guint32   until;
  guint     skipped_tests; /* Qualtrics previews and tests, left out */
};

typedef struct {
  const char *name;
  const char *label;
} LayoutInfo;

static const LayoutInfo layouts[] = {
  { "long", N_("Journey Maps survey responses (one answer a row)") },
  { "google-forms", N_("Google Forms") },
  { "microsoft-forms", N_("Microsoft Forms") },
  { "qualtrics", N_("Qualtrics") },
  { "qualtrics-legacy", N_("Qualtrics (legacy export)") },
  { "surveymonkey", N_("SurveyMonkey") },
  { "typeform", N_("Typeform") },
  { "table", N_("a table with one header row, from no survey tool recognised") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (layouts) == JM_N_SURVEY_LAYOUTS);

static const char *scale_labels[] = {
  N_("No answers"),
  N_("NPS (0–10)"),
  N_("CSAT (1–5)"),
  N_("CES (1–7)"),
  N_("Other numbers"),
  N_("Text"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (scale_labels) == JM_N_SURVEY_SCALES);

const char *
jm_survey_layout_to_string (JmSurveyLayout layout)
{
  g_return_val_if_fail (layout < JM_N_SURVEY_LAYOUTS, NULL);
  return layouts[layout].name;
}

gboolean
jm_survey_layout_from_string (const char     *str,
                              JmSurveyLayout *out)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (layouts); i++)
    if (strcmp (layouts[i].name, str) == 0)
      {
        *out = (JmSurveyLayout) i;
        return TRUE;
      }
  return FALSE;
}

const char *
jm_survey_layout_get_label (JmSurveyLayout layout)
{
  g_return_val_if_fail (layout < JM_N_SURVEY_LAYOUTS, NULL);
  return _(layouts[layout].label);
}

const char *
jm_survey_scale_get_label (JmSurveyScale scale)
{
  g_return_val_if_fail (scale < JM_N_SURVEY_SCALES, NULL);
  return _(scale_labels[scale]);
}

/* ---- freeing ---- */

static void
question_free (gpointer data)
{
  JmSurveyQuestion *question = data;

  g_free (question->header);
  g_free (question->question);
  jm_survey_field_free (question->field);
  if (question->priv != NULL)
    {
      g_clear_pointer (&question->priv->values, g_array_unref);
      g_clear_pointer (&question->priv->texts, g_ptr_array_unref);
      g_free (question->priv);
    }
  g_free (question);
}

void
jm_survey_import_free (JmSurveyImport *import)
{
  if (import == NULL)
    return;
  g_free (import->display_name);
  g_free (import->date_header);
  g_free (import->first_date);
  g_free (import->last_date);
  g_free (import->survey_id);
  g_clear_pointer (&import->questions, g_ptr_array_unref);
  g_clear_pointer (&import->problems, g_ptr_array_unref);
  g_clear_pointer (&import->notes, g_ptr_array_unref);
  jm_csv_import_free (import->long_import);
  if (import->priv != NULL)
    {
      g_clear_pointer (&import->priv->lines, g_array_unref);
      g_clear_pointer (&import->priv->days_mdy, g_array_unref);
      g_clear_pointer (&import->priv->days_dmy, g_array_unref);
      g_free (import->priv);
    }
  g_free (import);
}

static JmSurveyImport *
import_new (const char *display_name)
{
  JmSurveyImport *import = g_new0 (JmSurveyImport, 1);

  import->display_name = g_strdup (display_name);
  import->questions = g_ptr_array_new_with_free_func (question_free);
  import->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_problem_free);
  import->notes = g_ptr_array_new_with_free_func (g_free);
  import->priv = g_new0 (JmSurveyImportPrivate, 1);
  import->priv->lines = g_array_new (FALSE, FALSE, sizeof (int));
  import->priv->days_mdy = g_array_new (FALSE, FALSE, sizeof (guint32));
  import->priv->days_dmy = g_array_new (FALSE, FALSE, sizeof (guint32));
  return import;
}

/* ---- reading answers ---- */

/* Answers that say "no answer". */
static gboolean
is_blank_answer (const char *text)
{
  static const char *blanks[] = {
    "", "n/a", "na", "n.a.", "n. a.", "-", "—", "–", "not applicable", "non applicabile", "null",
    "none", "nessuna risposta", "no answer",
  };
  g_autofree char *lower = g_utf8_strdown (text, -1);

  g_strstrip (lower);
  for (guint i = 0; i < G_N_ELEMENTS (blanks); i++)
    if (strcmp (lower, blanks[i]) == 0)
      return TRUE;
  return FALSE;
}

/* A number: "7", "3,5", "-2", or a rating with its label, as some tools
 * write it: "10 - Extremely likely", "5 (Very satisfied)". */
static gboolean
parse_answer_number (const char *text,
                     double     *out)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;
  double value;
  char *p = copy;

  if (*p == '-' || *p == '+')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  for (char *q = copy; *q; q++)
    if (*q == ',' && g_ascii_isdigit (q[1]) && q > copy && g_ascii_isdigit (q[-1]))
      *q = '.';
  value = g_ascii_strtod (copy, &end);
  if (end == copy || !isfinite (value))
    return FALSE;
  if (*end != '\0')
    {
      /* A label after the number, never more digits or a decimal point. */
      const char *rest = end;

      if (!(g_ascii_isspace (*rest) || *rest == '(' || *rest == '-'))
        return FALSE;
      while (g_ascii_isspace (*rest))
        rest++;
      if (!(*rest == '-' || *rest == '(' || *rest == ':' || g_str_has_prefix (rest, "–")
            || g_str_has_prefix (rest, "—")))
        return FALSE;
    }
  *out = value;
  return TRUE;
}

/* Reads from min_digits to max_digits digits: no sign, no space. */
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
  return n >= min_digits && !g_ascii_isdigit (**p);
}

static guint32
julian (guint y,
        guint m,
        guint d)
{
  GDate date;

  if (y < 100)
    y += 2000;
  if (!g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return 0;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return g_date_get_julian (&date);
}

/* A timestamp as survey tools write it: ISO (2026-10-31 14:22:05,
 * 2026-10-31T14:22:05Z), or with slashes or dots, month first (10/31/2026
 * 2:22:05 PM) or day first (31/10/26 14.22.05). The time is ignored.
 * *mdy and *dmy get the day each order reads, 0 where it reads none. */
static void
parse_timestamp (const char *text,
                 guint32    *mdy,
                 guint32    *dmy)
{
  const char *p = text;
  guint a, b, c;
  char sep;

  *mdy = *dmy = 0;
  while (g_ascii_isspace (*p))
    p++;
  if (read_digits (&p, 4, 4, &a))
    {
      if (*p++ != '-' || !read_digits (&p, 1, 2, &b) || *p++ != '-' || !read_digits (&p, 1, 2, &c))
        return;
      if (*p != '\0' && *p != ' ' && *p != 'T')
        return;
      *mdy = *dmy = julian (a, b, c);
      return;
    }
  p = text;
  while (g_ascii_isspace (*p))
    p++;
  if (!read_digits (&p, 1, 2, &a))
    return;
  sep = *p++;
  if ((sep != '/' && sep != '.' && sep != '-') || !read_digits (&p, 1, 2, &b) || *p++ != sep)
    return;
  if (!read_digits (&p, 2, 4, &c) || (c >= 100 && c < 1000))
    return;
  if (*p != '\0' && *p != ' ' && *p != ',')
    return;
  *mdy = julian (c, a, b);
  *dmy = julian (c, b, a);
}

static char *
format_day (guint32 day)
{
  GDate date;
  char buf[16];

  if (day == 0)
    return NULL;
  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &date);
  return g_strdup (buf);
}

static guint32
day_from_iso (const char *text)
{
  guint32 mdy, dmy;

  if (text == NULL || !jm_date_is_valid (text))
    return 0;
  parse_timestamp (text, &mdy, &dmy);
  return mdy;
}

static guint32
response_day (JmSurveyImport *import,
              guint           row)
{
  GArray *days = import->priv->day_first ? import->priv->days_dmy : import->priv->days_mdy;

  return row < days->len ? g_array_index (days, guint32, row) : 0;
}

static gboolean
response_in_range (JmSurveyImport *import,
                   guint           row)
{
  guint32 day;

  if (import->priv->since == 0 && import->priv->until == 0)
    return TRUE;
  day = response_day (import, row);
  if (day == 0)
    return FALSE;
  return (import->priv->since == 0 || day >= import->priv->since)
         && (import->priv->until == 0 || day <= import->priv->until);
}

/* ---- the layouts ---- */

static gboolean
folded_in (const char         *text,
           const char * const *names)
{
  g_autofree char *folded = jm_text_fold (text);

  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (folded, names[i]) == 0)
      return TRUE;
  return FALSE;
}

static int
find_column (GStrv               row,
             const char * const *names)
{
  for (guint n = 0; names[n] != NULL; n++)
    for (guint i = 0; row != NULL && row[i] != NULL; i++)
      {
        g_autofree char *folded = jm_text_fold (row[i]);

        if (strcmp (folded, names[n]) == 0)
          return (int) i;
      }
  return -1;
}

static const char * const google_meta[] = {
  "timestamp", "informazioni cronologiche", "marca temporal", "horodateur", "zeitstempel",
  "email address", "indirizzo email", "score", "punteggio", NULL
};
static const char * const google_first[] = {
  "timestamp", "informazioni cronologiche", "marca temporal", "horodateur", "zeitstempel", NULL
};
static const char * const microsoft_meta[] = {
  "id", "start time", "completion time", "email", "name", "last modified time",
  "ora di inizio", "ora di completamento", "posta elettronica", "nome", "ora dell ultima modifica", NULL
};
static const char * const microsoft_dates[] = {
  "completion time", "ora di completamento", "start time", "ora di inizio", NULL
};
static const char * const qualtrics_meta[] = {
  "startdate", "enddate", "status", "ipaddress", "progress", "duration in seconds", "finished",
  "recordeddate", "responseid", "recipientlastname", "recipientfirstname", "recipientemail",
  "externalreference", "externaldatareference", "locationlatitude", "locationlongitude",
  "locationaccuracy", "distributionchannel", "userlanguage", "responseset", "name", "emailaddress",
  "q recaptchascore", "q relevantidduplicate", "q relevantidduplicatescore", "q relevantidfraudscore",
  "q relevantidlaststartdate", NULL
};
static const char * const qualtrics_dates[] = { "recordeddate", "enddate", "startdate", NULL };
static const char * const monkey_meta[] = {
  "respondent id", "collector id", "start date", "end date", "ip address", "email address",
  "first name", "last name", "custom data", "custom data 1", "custom data 2", "custom data 3", NULL
};
static const char * const monkey_dates[] = { "end date", "start date", NULL };
static const char * const typeform_meta[] = {
  "", "start date utc", "submit date utc", "stage date utc", "network id", "tags", "response type", NULL
};
static const char * const typeform_dates[] = { "submit date utc", "start date utc", NULL };
static const char * const table_meta[] = {
  "id", "timestamp", "date", "data", "email", "e mail", "name", "nome", "respondent", "respondent id",
  "submitted", "submitted at", "created at", "response id", NULL
};
static const char * const table_dates[] = {
  "timestamp", "date", "data", "submitted at", "submitted", "created at", NULL
};
static const char * const status_names[] = { "status", NULL };

static GStrv
copy_fields (GPtrArray *fields)
{
  GStrv copy = g_new0 (char *, fields->len + 1);

  for (guint i = 0; i < fields->len; i++)
    copy[i] = g_strdup (g_ptr_array_index (fields, i));
  return copy;
}

static const char *
cell (GStrv row,
      guint i)
{
  return row != NULL && i < g_strv_length (row) ? row[i] : "";
}

static JmSurveyQuestion *
add_question (JmSurveyImport *import,
              guint           column,
              const char     *header,
              const char     *question)
{
  JmSurveyQuestion *q = g_new0 (JmSurveyQuestion, 1);
  guint same = 1;

  q->column = column;
  q->header = g_strstrip (g_strdup (header));
  /* Two columns of one title (Google Forms allows it) need two keys:
   * the second is "Title (2)". */
  for (guint i = 0; i < import->questions->len; i++)
    {
      JmSurveyQuestion *other = g_ptr_array_index (import->questions, i);
      g_autofree char *numbered = g_strdup_printf ("%s (%u)", q->header, same + 1);

      if (g_str_equal (other->header, q->header) || (same > 1 && g_str_equal (other->header, numbered)))
        same++;
    }
  if (same > 1)
    {
      char *numbered = g_strdup_printf ("%s (%u)", q->header, same);

      g_free (q->header);
      q->header = numbered;
    }
  q->question = g_strstrip (g_strdup (question != NULL && *question != '\0' ? question : header));
  q->min = q->max = NAN;
  q->field = jm_survey_field_new (q->header);
  q->priv = g_new0 (JmSurveyQuestionPrivate, 1);
  q->priv->values = g_array_new (FALSE, FALSE, sizeof (double));
  q->priv->integers = TRUE;
  g_ptr_array_add (import->questions, q);
  return q;
}

/* The questions of the header rows, the date column; FALSE when there
 * is none. rows[0..2] are the first three records (rows[i] may be NULL). */
static void
read_header (JmSurveyImport *import,
             GStrv          *rows,
             int            *date_column,
             int            *status_column)
{
  GStrv first = rows[0], second = rows[1];
  guint n = g_strv_length (first);
  const char * const *meta = table_meta;
  const char * const *dates = table_dates;
  g_autofree char *monkey_question = NULL;

  *date_column = -1;
  *status_column = -1;

  switch (import->layout)
    {
    case JM_SURVEY_LAYOUT_GOOGLE_FORMS:
      meta = google_meta;
      *date_column = 0;
      dates = NULL;
      break;
    case JM_SURVEY_LAYOUT_MICROSOFT_FORMS:
      meta = microsoft_meta;
      dates = microsoft_dates;
      break;
    case JM_SURVEY_LAYOUT_QUALTRICS:
      meta = qualtrics_meta;
      dates = qualtrics_dates;
      *status_column = find_column (first, status_names);
      break;
    case JM_SURVEY_LAYOUT_QUALTRICS_LEGACY:
      /* V1…V10 say nothing: the names are in the second row. */
      meta = qualtrics_meta;
      dates = NULL;
      *date_column = find_column (second, qualtrics_dates);
      *status_column = find_column (second, status_names);
      break;
    case JM_SURVEY_LAYOUT_SURVEYMONKEY:
      meta = monkey_meta;
      dates = monkey_dates;
      break;
    case JM_SURVEY_LAYOUT_TYPEFORM:
      meta = typeform_meta;
      dates = typeform_dates;
      break;
    case JM_SURVEY_LAYOUT_TABLE:
    case JM_SURVEY_LAYOUT_LONG:
    case JM_N_SURVEY_LAYOUTS:
    default:
      break;
    }
  if (dates != NULL)
    *date_column = find_column (first, dates);

  for (guint i = 0; i < n; i++)
    {
      const char *code = first[i];
      g_autofree char *stripped = g_strstrip (g_strdup (code));

      if ((int) i == *date_column)
        continue;

      switch (import->layout)
        {
        case JM_SURVEY_LAYOUT_QUALTRICS:
          /* Codes are the keys: the texts are translated, the codes not. */
          if (*stripped != '\0' && !folded_in (code, meta))
            add_question (import, i, stripped, cell (second, i));
          break;
        case JM_SURVEY_LAYOUT_QUALTRICS_LEGACY:
          /* The last column is empty: no question. */
          if (*stripped != '\0' && !folded_in (cell (second, i), meta))
            add_question (import, i, stripped, cell (second, i));
          break;
        case JM_SURVEY_LAYOUT_SURVEYMONKEY:
          {
            /* A question of several columns names itself over the first. */
            g_autofree char *label = g_strstrip (g_strdup (cell (second, i)));
            g_autofree char *key = NULL;

            if (*stripped != '\0')
              {
                g_free (monkey_question);
                monkey_question = g_strdup (stripped);
              }
            if (monkey_question == NULL || folded_in (monkey_question, meta))
              break;
            if (*label == '\0' || g_ascii_strcasecmp (label, "Response") == 0
                || g_ascii_strcasecmp (label, "Open-Ended Response") == 0)
              key = g_strdup (monkey_question);
            else
              key = g_strdup_printf ("%s / %s", monkey_question, label);
            add_question (import, i, key, key);
            break;
          }
        case JM_SURVEY_LAYOUT_GOOGLE_FORMS:
        case JM_SURVEY_LAYOUT_MICROSOFT_FORMS:
        case JM_SURVEY_LAYOUT_TYPEFORM:
        case JM_SURVEY_LAYOUT_TABLE:
        case JM_SURVEY_LAYOUT_LONG:
        case JM_N_SURVEY_LAYOUTS:
        default:
          if (*stripped != '\0' && !folded_in (code, meta))
            add_question (import, i, stripped, stripped);
          break;
        }
    }

  if (*date_column >= 0)
    {
      GStrv names = import->layout == JM_SURVEY_LAYOUT_QUALTRICS_LEGACY ? second : first;

      import->date_header = g_strstrip (g_strdup (cell (names, (guint) *date_column)));
    }
}

static JmSurveyLayout
detect_layout (GStrv    first,
               GStrv    second,
               GStrv    third,
               guint   *header_rows)
{
  static const char * const qualtrics_ids[] = { "responseid", NULL };
  static const char * const qualtrics_starts[] = { "startdate", NULL };
  static const char * const typeform_marks[] = { "submit date utc", "network id", NULL };
  g_autofree char *f0 = jm_text_fold (cell (first, 0));
  g_autofree char *f1 = jm_text_fold (cell (first, 1));
  g_autofree char *raw0 = g_strstrip (g_strdup (cell (first, 0)));
  g_autofree char *third0 = g_strstrip (g_strdup (cell (third, 0)));

  *header_rows = 1;
  if (find_column (first, qualtrics_ids) >= 0 && find_column (first, qualtrics_starts) >= 0)
    {
      /* The third row, {"ImportId":"QID1"}, is there since 2016. */
      *header_rows = g_str_has_prefix (third0, "{\"ImportId\"") ? 3 : 2;
      return JM_SURVEY_LAYOUT_QUALTRICS;
    }
  if (strcmp (raw0, "V1") == 0 && g_strv_length (first) >= 10 && g_strcmp0 (first[9], "V10") == 0)
    {
      *header_rows = 2;
      return JM_SURVEY_LAYOUT_QUALTRICS_LEGACY;
    }
  if (strcmp (f0, "respondent id") == 0 || strcmp (f0, "respondentid") == 0)
    {
      *header_rows = second != NULL ? 2 : 1;
      return JM_SURVEY_LAYOUT_SURVEYMONKEY;
    }
  if (strcmp (raw0, "#") == 0 && find_column (first, typeform_marks) >= 0)
    return JM_SURVEY_LAYOUT_TYPEFORM;
  if (folded_in (raw0, google_first))
    return JM_SURVEY_LAYOUT_GOOGLE_FORMS;
  if (strcmp (f0, "id") == 0 && (strcmp (f1, "start time") == 0 || strcmp (f1, "ora di inizio") == 0))
    return JM_SURVEY_LAYOUT_MICROSOFT_FORMS;
  return JM_SURVEY_LAYOUT_TABLE;
}

/* ---- reading the responses ---- */

static void
read_answer (JmSurveyQuestion *q,
             const char       *text,
             guint             row,
             int               line)
{
  JmSurveyQuestionPrivate *priv = q->priv;
  double value = NAN;

  if (is_blank_answer (text))
    {
      g_array_append_val (priv->values, value);
      return;
    }
  q->n_answers++;
  if (parse_answer_number (text, &value))
    {
      priv->n_numbers++;
      if (value != floor (value))
        priv->integers = FALSE;
      if (isnan (q->min) || value < q->min)
        q->min = value;
      if (isnan (q->max) || value > q->max)
        q->max = value;
      g_array_append_val (priv->values, value);
      return;
    }

  g_array_append_val (priv->values, value);
  if (priv->texts == NULL)
    priv->texts = g_ptr_array_new_with_free_func (g_free);
  if (priv->texts->len < row)
    g_ptr_array_set_size (priv->texts, (int) row);
  g_ptr_array_add (priv->texts, g_strstrip (g_strdup (text)));
  if (priv->n_words < MAX_LINES_SAID)
    priv->word_lines[priv->n_words] = line;
  priv->n_words++;
}

static gboolean
has_words (const char *folded,
           const char * const *stems)
{
  for (guint i = 0; stems[i] != NULL; i++)
    if (strstr (folded, stems[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* The scale, from the numbers answered and what the question says. */
static void
classify (JmSurveyImport   *import,
          JmSurveyQuestion *q)
{
  static const char * const nps_words[] = { "recommend", "raccomand", "consiglie", "consigli", NULL };
  static const char * const ces_words[] = { "easy", "easie", "effort", "facile", "sforzo", "difficil", NULL };
  static const char * const csat_words[] = { "satisf", "soddisf", NULL };
  JmSurveyQuestionPrivate *priv = q->priv;
  g_autofree char *folded = jm_text_fold (q->question);

  if (priv->n_numbers == 0 && priv->n_words == 0)
    q->scale = JM_SURVEY_SCALE_EMPTY;
  else if (priv->n_numbers == 0 || priv->n_numbers < 4 * priv->n_words)
    q->scale = JM_SURVEY_SCALE_TEXT;
  else if (!priv->integers || q->min < 0 || q->max > 10)
    q->scale = JM_SURVEY_SCALE_NUMBER;
  else if (has_words (folded, nps_words))
    q->scale = JM_SURVEY_SCALE_NPS;
  else if (has_words (folded, ces_words) && q->min >= 1 && q->max <= 7)
    q->scale = JM_SURVEY_SCALE_CES;
  else if (has_words (folded, csat_words) && q->min >= 1 && q->max <= 5)
    q->scale = JM_SURVEY_SCALE_CSAT;
  else if (q->min >= 1 && q->max <= 5)
    q->scale = JM_SURVEY_SCALE_CSAT;
  else if (q->min >= 1 && q->max <= 7)
    q->scale = JM_SURVEY_SCALE_CES;
  else
    q->scale = JM_SURVEY_SCALE_NPS;

  /* Words among numbers: said once for the column, with some lines. */
  if (q->scale != JM_SURVEY_SCALE_TEXT && priv->n_words > 0)
    {
      g_autoptr(GString) lines = g_string_new (NULL);
      g_autofree char *message = NULL;

      for (guint i = 0; i < MIN (priv->n_words, MAX_LINES_SAID); i++)
        g_string_append_printf (lines, "%s%d", i > 0 ? ", " : "", priv->word_lines[i]);
      if (priv->n_words > MAX_LINES_SAID)
        g_string_append (lines, ", …");
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u answer to “%s” is not a number and is left out (line %s)",
                                              "%u answers to “%s” are not numbers and are left out (lines %s)",
                                              priv->n_words),
                                 priv->n_words, q->question, lines->str);
      g_ptr_array_add (import->problems, jm_problem_new (import->display_name, priv->word_lines[0], message));
    }
}

/* ---- proposals ---- */

static JmMetricKind
kind_of_scale (JmSurveyScale scale)
{
  switch (scale)
    {
    case JM_SURVEY_SCALE_NPS:
      return JM_METRIC_NPS;
    case JM_SURVEY_SCALE_CSAT:
      return JM_METRIC_CSAT;
    case JM_SURVEY_SCALE_CES:
      return JM_METRIC_CES;
    case JM_SURVEY_SCALE_EMPTY:
    case JM_SURVEY_SCALE_NUMBER:
    case JM_SURVEY_SCALE_TEXT:
    case JM_N_SURVEY_SCALES:
    default:
      return JM_METRIC_CUSTOM;
    }
}

/* Words that say nothing of a touchpoint, in the languages of the maps. */
static gboolean
is_filler_word (const char *word)
{
  static const char * const fillers[] = {
    "with", "from", "your", "were", "have", "that", "this", "what", "when", "which", "about", "after",
    "before", "there", "would", "could", "much", "how", "very", "they", "them", "their", "into", "like",
    "della", "delle", "degli", "dello", "sono", "come", "quanto", "quanta", "stato", "stata", "nella",
    "nelle", "alla", "alle", "dopo", "prima", "molto", "quale", "quali", "questo", "questa", NULL,
  };

  return g_strv_contains (fillers, word);
}

/* A word's stem for matching: its first five letters ("welcomes" and
 * "welcome", "booking" and "book" meet), none for short or filler words. */
static char *
word_stem (const char *word)
{
  if (strlen (word) < 4 || is_filler_word (word))
    return NULL;
  return g_strndup (word, 5);
}

/* How many of the card's words the question shares, each counted once. */
static guint
shared_words (const char *folded_question,
              const char *folded_text)
{
  g_auto(GStrv) question_words = g_strsplit_set (folded_question, " ,.;:!?()\"'’-/", -1);
  g_auto(GStrv) text_words = g_strsplit_set (folded_text, " ,.;:!?()\"'’-/", -1);
  g_autoptr(GHashTable) stems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = 0;

  for (guint i = 0; question_words[i] != NULL; i++)
    {
      char *stem = word_stem (question_words[i]);

      if (stem != NULL)
        g_hash_table_add (stems, stem);
    }
  for (guint i = 0; text_words[i] != NULL; i++)
    {
      g_autofree char *stem = word_stem (text_words[i]);

      if (stem != NULL && g_hash_table_remove (stems, stem))
        n++;
    }
  return n;
}

/* The channel a question names by one of its words ("our website", "by
 * phone", "al telefono"), or JM_CHANNEL_NONE. */
static JmChannel
named_channel (const char *folded_question)
{
  static const struct {
    JmChannel   channel;
    const char *words;
  } channels[] = {
    { JM_CHANNEL_WEBSITE, "website|web site|sito|sito web" },
    { JM_CHANNEL_APP, "app|mobile app|applicazione" },
    { JM_CHANNEL_STORE, "store|shop|counter|negozio|cassa|banco" },
    { JM_CHANNEL_PHONE, "phone|telephone|call|telefono|telefonata" },
    { JM_CHANNEL_EMAIL, "email|e mail|mail" },
    { JM_CHANNEL_CHAT, "chat|live chat" },
    { JM_CHANNEL_SOCIAL, "social|social media|instagram|facebook" },
    { JM_CHANNEL_DELIVERY, "delivery|courier|consegna|corriere" },
    { JM_CHANNEL_PACKAGING, "packaging|package|parcel|confezione|pacco|imballaggio" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    {
      g_auto(GStrv) words = g_strsplit (channels[i].words, "|", -1);

      for (guint w = 0; words[w] != NULL; w++)
        if (jm_text_contains_words (folded_question, words[w]))
          return channels[i].channel;
    }
  return JM_CHANNEL_NONE;
}

/* The touchpoint (or else the stage) the question names, forgiving of
 * case, accents and spacing: a card whose whole text it holds (the longest
 * wins), else the card sharing most of its words (two at least), else the
 * first card of the channel it names (one measured on the same scale
 * first), else a stage whose name it holds. */
static void
propose_target (JmDocument       *document,
                JmSurveyQuestion *q)
{
  g_autofree char *folded = jm_text_fold (q->question);
  GPtrArray *lanes = jm_document_get_lanes (document);
  GPtrArray *stages = jm_document_get_stages (document);
  const char *best = NULL;
  gsize best_len = 0;
  JmSurveyTarget target = JM_SURVEY_TARGET_NONE;

  if (q->scale == JM_SURVEY_SCALE_EMPTY || q->scale == JM_SURVEY_SCALE_TEXT)
    return;

  for (guint l = 0; l < lanes->len; l++)
    {
      JmLane *lane = g_ptr_array_index (lanes, l);

      if (lane->kind != JM_LANE_TOUCHPOINTS)
        continue;
      for (guint c = 0; c < lane->cards->len; c++)
        {
          JmCard *card = g_ptr_array_index (lane->cards, c);
          g_autofree char *text = jm_text_fold (card->text);
          gsize len = strlen (text);

          if (len >= 3 && len > best_len && jm_text_contains_words (folded, text))
            {
              best = card->id;
              best_len = len;
              target = JM_SURVEY_TARGET_CARD;
            }
        }
    }
  if (best == NULL)
    {
      guint most = 1;

      for (guint l = 0; l < lanes->len; l++)
        {
          JmLane *lane = g_ptr_array_index (lanes, l);

          for (guint c = 0; lane->kind == JM_LANE_TOUCHPOINTS && c < lane->cards->len; c++)
            {
              JmCard *card = g_ptr_array_index (lane->cards, c);
              g_autofree char *text = jm_text_fold (card->text);
              guint n = shared_words (folded, text);

              if (n > most)
                {
                  most = n;
                  best = card->id;
                  target = JM_SURVEY_TARGET_CARD;
                }
            }
        }
    }
  if (best == NULL)
    {
      JmChannel channel = named_channel (folded);
      JmMetricKind kind = kind_of_scale (q->scale);
      gboolean same_scale = FALSE;

      for (guint l = 0; channel != JM_CHANNEL_NONE && l < lanes->len; l++)
        {
          JmLane *lane = g_ptr_array_index (lanes, l);

          for (guint c = 0; lane->kind == JM_LANE_TOUCHPOINTS && c < lane->cards->len; c++)
            {
              JmCard *card = g_ptr_array_index (lane->cards, c);
              gboolean measured = FALSE;

              if (card->channel != channel)
                continue;
              for (guint m = 0; m < card->metrics->len; m++)
                measured |= ((JmMetric *) g_ptr_array_index (card->metrics, m))->kind == kind;
              if (best == NULL || (measured && !same_scale))
                {
                  best = card->id;
                  same_scale = measured;
                  target = JM_SURVEY_TARGET_CARD;
                }
            }
        }
    }
  if (best == NULL)
    for (guint s = 0; s < stages->len; s++)
      {
        JmStage *stage = g_ptr_array_index (stages, s);
        g_autofree char *name = jm_text_fold (stage->name);
        gsize len = strlen (name);

        if (len >= 3 && len > best_len && jm_text_contains_words (folded, name))
          {
            best = stage->id;
            best_len = len;
            target = JM_SURVEY_TARGET_STAGE;
          }
      }
  if (best == NULL)
    return;

  q->field->target = target;
  q->field->target_id = g_strdup (best);
  q->field->kind = kind_of_scale (q->scale);
  if (q->field->kind == JM_METRIC_CUSTOM)
    q->field->name = g_utf8_substring (q->question, 0, MIN (g_utf8_strlen (q->question, -1), 60));
}

/* The map's saved survey with most of its columns in this file. */
static void
use_saved_mapping (JmSurveyImport *import,
                   JmDocument     *document)
{
  GPtrArray *surveys = jm_document_get_surveys (document);
  JmSurvey *best = NULL;
  guint best_matches = 0;

  for (guint s = 0; s < surveys->len; s++)
    {
      JmSurvey *survey = g_ptr_array_index (surveys, s);
      guint matches = 0;

      for (guint i = 0; i < import->questions->len; i++)
        if (jm_survey_find_field (survey, ((JmSurveyQuestion *) g_ptr_array_index (import->questions, i))->header))
          matches++;
      /* The same survey: at least half the columns saved are here. */
      if (matches > best_matches && matches * 2 >= survey->fields->len)
        {
          best = survey;
          best_matches = matches;
        }
    }
  if (best == NULL)
    return;

  import->survey_id = g_strdup (best->id);
  for (guint i = 0; i < import->questions->len; i++)
    {
      JmSurveyQuestion *q = g_ptr_array_index (import->questions, i);
      JmSurveyField *field = jm_survey_find_field (best, q->header);

      if (field != NULL)
        {
          jm_survey_field_free (q->field);
          q->field = jm_survey_field_copy (field);
          q->saved = TRUE;
        }
    }
}

static void
note_language_mismatch (JmSurveyImport *import,
                        JmDocument     *document)
{
  g_autoptr(GString) survey_text = g_string_new (NULL);
  g_autoptr(GString) map_text = g_string_new (jm_document_get_title (document));
  GPtrArray *stages = jm_document_get_stages (document);
  GPtrArray *lanes = jm_document_get_lanes (document);
  const char *survey_lang, *map_lang;

  for (guint i = 0; i < import->questions->len; i++)
    {
      g_string_append_c (survey_text, ' ');
      g_string_append (survey_text, ((JmSurveyQuestion *) g_ptr_array_index (import->questions, i))->question);
    }
  for (guint s = 0; s < stages->len; s++)
    {
      JmStage *stage = g_ptr_array_index (stages, s);

      g_string_append_printf (map_text, " %s", stage->name);
      for (guint t = 0; t < stage->steps->len; t++)
        g_string_append_printf (map_text, " %s", ((JmStep *) g_ptr_array_index (stage->steps, t))->name);
    }
  for (guint l = 0; l < lanes->len; l++)
    {
      JmLane *lane = g_ptr_array_index (lanes, l);

      for (guint c = 0; c < lane->cards->len; c++)
        g_string_append_printf (map_text, " %s", ((JmCard *) g_ptr_array_index (lane->cards, c))->text);
    }

  survey_lang = jm_text_guess_language (survey_text->str);
  map_lang = jm_text_guess_language (map_text->str);
  if (survey_lang != NULL && map_lang != NULL && strcmp (survey_lang, map_lang) != 0)
    g_ptr_array_add (import->notes,
                     g_strdup (strcmp (survey_lang, "en") == 0
                               ? _("The survey is in English and the map in Italian: questions rarely name "
                                   "touchpoints in the map’s words, so choose their targets yourself.")
                               : _("The survey is in Italian and the map in English: questions rarely name "
                                   "touchpoints in the map’s words, so choose their targets yourself.")));
}

/* ---- loading ---- */

static JmSurveyImport *
load_wide (JmDocument  *document,
           const char  *display_name,
           const char  *data,
           gsize        len,
           GError     **error)
{
  g_autoptr(JmCsvReader) reader = jm_csv_reader_new (data, len, jm_csv_detect_separator (data, len));
  g_autoptr(JmSurveyImport) import = import_new (display_name);
  GStrv rows[3] = { NULL, NULL, NULL };
  int row_lines[3] = { 0, 0, 0 };
  GPtrArray *fields;
  int date_column, status_column, line;
  guint n_read = 0, row = 0;
  gboolean mdy_only = FALSE, dmy_only = FALSE;
  guint32 first_day = 0, last_day = 0;

  /* The first three records may all be headers (Qualtrics). */
  while (n_read < 3 && (fields = jm_csv_reader_next (reader, &row_lines[n_read])) != NULL)
    rows[n_read++] = copy_fields (fields);
  if (n_read == 0)
    {
      g_set_error (error, JM_IO_ERROR, JM_IO_ERROR_NOT_A_MAP, _("%s: the file is empty"), display_name);
      return NULL;
    }

  import->layout = detect_layout (rows[0], rows[1], rows[2], &import->header_rows);
  import->header_rows = MIN (import->header_rows, n_read);
  read_header (import, rows, &date_column, &status_column);
  if (import->questions->len == 0)
    {
      g_set_error (error, JM_IO_ERROR, JM_IO_ERROR_NOT_A_MAP,
                   _("%s:%d: no column holds answers: the first line names no question"),
                   display_name, row_lines[0]);
      for (guint i = 0; i < 3; i++)
        g_strfreev (rows[i]);
      return NULL;
    }

  /* The records already read after the headers, then the rest. */
  for (guint r = import->header_rows;; r++)
    {
      g_auto(GStrv) owned = NULL;
      guint n;
      guint32 mdy = 0, dmy = 0;

      if (r < n_read)
        {
          owned = g_steal_pointer (&rows[r]);
          line = row_lines[r];
          n = g_strv_length (owned);
          fields = NULL;
        }
      else
        {
          fields = jm_csv_reader_next (reader, &line);
          if (fields == NULL)
            break;
          n = fields->len;
        }

#define FIELD(i) ((i) < n ? (owned != NULL ? owned[i] : (const char *) g_ptr_array_index (fields, (i))) : "")
      if (status_column >= 0)
        {
          const char *status = FIELD ((guint) status_column);

          if (strcmp (status, "Survey Preview") == 0 || strcmp (status, "Survey Test") == 0
              || strcmp (status, "Spam") == 0)
            {
              import->priv->skipped_tests++;
              continue;
            }
        }

      for (guint q = 0; q < import->questions->len; q++)
        {
          JmSurveyQuestion *question = g_ptr_array_index (import->questions, q);

          read_answer (question, FIELD (question->column), row, line);
        }
      if (date_column >= 0)
        {
          const char *stamp = FIELD ((guint) date_column);

          parse_timestamp (stamp, &mdy, &dmy);
          mdy_only |= mdy != 0 && dmy == 0;
          dmy_only |= dmy != 0 && mdy == 0;
        }
#undef FIELD
      g_array_append_val (import->priv->days_mdy, mdy);
      g_array_append_val (import->priv->days_dmy, dmy);
      g_array_append_val (import->priv->lines, line);
      row++;
    }
  for (guint i = 0; i < 3; i++)
    g_strfreev (rows[i]);
  import->n_responses = row;

  /* Day or month first: what the dates themselves say, else the tool's habit. */
  if (dmy_only && !mdy_only)
    import->priv->day_first = TRUE;
  else if (mdy_only && !dmy_only)
    import->priv->day_first = FALSE;
  else
    import->priv->day_first = !(import->layout == JM_SURVEY_LAYOUT_GOOGLE_FORMS
                                || import->layout == JM_SURVEY_LAYOUT_MICROSOFT_FORMS
                                || import->layout == JM_SURVEY_LAYOUT_SURVEYMONKEY);
  for (guint r = 0; r < import->n_responses; r++)
    {
      guint32 day = response_day (import, r);

      if (day != 0 && (first_day == 0 || day < first_day))
        first_day = day;
      if (day > last_day)
        last_day = day;
    }
  import->first_date = format_day (first_day);
  import->last_date = format_day (last_day);
  if (import->priv->skipped_tests > 0)
    g_ptr_array_add (import->notes,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%u preview or test response is left out.",
                                                   "%u preview or test responses are left out.",
                                                   import->priv->skipped_tests),
                                      import->priv->skipped_tests));

  for (guint q = 0; q < import->questions->len; q++)
    {
      JmSurveyQuestion *question = g_ptr_array_index (import->questions, q);

      /* Answers past the last words still need their place. */
      if (question->priv->texts != NULL && question->priv->texts->len < import->n_responses)
        g_ptr_array_set_size (question->priv->texts, (int) import->n_responses);
      classify (import, question);
      propose_target (document, question);
    }
  use_saved_mapping (import, document);
  note_language_mismatch (import, document);

  return g_steal_pointer (&import);
}

/* The long layout's header: the columns jm-csv.c reads. */
static gboolean
is_long_layout (const char *data,
                gsize       len)
{
  static const char * const touchpoint[] = {
    "touchpoint", "touchpoint id", "card", "punto di contatto", NULL
  };
  static const char * const metric[] = { "metric", "kind", "metrica", "tipo", NULL };
  static const char * const score[] = { "score", "value", "punteggio", "voto", "valore", NULL };
  g_autoptr(JmCsvReader) reader = jm_csv_reader_new (data, len, jm_csv_detect_separator (data, len));
  GPtrArray *fields = jm_csv_reader_next (reader, NULL);
  g_auto(GStrv) first = NULL;

  if (fields == NULL)
    return FALSE;
  first = copy_fields (fields);
  /* "touchpoint_id" folds to "touchpoint id". */
  return find_column (first, touchpoint) >= 0 && find_column (first, metric) >= 0
         && find_column (first, score) >= 0;
}

JmSurveyImport *
jm_survey_import_load_bytes (JmDocument  *document,
                             const char  *display_name,
                             const char  *data,
                             gsize        len,
                             GError     **error)
{
  g_autofree char *converted = NULL;
  g_autofree char *clean = NULL;
  const char *text = data;
  gsize text_len = len;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (len > JM_CSV_MAX_BYTES)
    {
      g_set_error (error, JM_IO_ERROR, JM_IO_ERROR_TOO_LARGE, _("%s: the file is too large"), display_name);
      return NULL;
    }
  /* Some tools write UTF-16, always with its byte-order mark. */
  if (len >= 2 && ((guchar) data[0] == 0xff && (guchar) data[1] == 0xfe))
    converted = g_convert (data + 2, (gssize) len - 2, "UTF-8", "UTF-16LE", NULL, &text_len, NULL);
  else if (len >= 2 && ((guchar) data[0] == 0xfe && (guchar) data[1] == 0xff))
    converted = g_convert (data + 2, (gssize) len - 2, "UTF-8", "UTF-16BE", NULL, &text_len, NULL);
  if (converted != NULL)
    text = converted;

  jm_csv_skip_bom (&text, &text_len);
  if (!g_utf8_validate (text, (gssize) text_len, NULL) || memchr (text, '\0', text_len) != NULL)
    {
      g_set_error (error, JM_IO_ERROR, JM_IO_ERROR_MALFORMED, _("%s: the file is not UTF-8 text"),
                   display_name);
      return NULL;
    }

  /* Headers and answers may end up in the map: only what it can keep. */
  clean = jm_text_clean_len (text, text_len);
  text = clean;
  text_len = strlen (clean);

  if (is_long_layout (text, text_len))
    {
      JmCsvImport *long_import = jm_csv_import_load_bytes (document, display_name, text, text_len, error);
      JmSurveyImport *import;

      if (long_import == NULL)
        return NULL;
      import = import_new (display_name);
      import->layout = JM_SURVEY_LAYOUT_LONG;
      import->header_rows = 1;
      import->long_import = long_import;
      import->n_responses = long_import->rows_used;
      return import;
    }
  return load_wide (document, display_name, text, text_len, error);
}

JmSurveyImport *
jm_survey_import_load_path (JmDocument  *document,
                            const char  *path,
                            GError     **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize len;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, &len, &local_error))
    {
      g_set_error (error, JM_IO_ERROR, JM_IO_ERROR_READ, "%s: %s", path, local_error->message);
      return NULL;
    }
  return jm_survey_import_load_bytes (document, path, data, len, error);
}

char *
jm_survey_import_describe (JmSurveyImport *import)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (import != NULL, NULL);

  if (import->layout == JM_SURVEY_LAYOUT_LONG)
    {
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                "Read as %s: %u answer.",
                                                "Read as %s: %u answers.",
                                                import->n_responses),
                              jm_survey_layout_get_label (import->layout), import->n_responses);
      return g_string_free (g_steal_pointer (&out), FALSE);
    }

  /* Translators: "Read as Google Forms: 1 header row, 37 responses, 5 questions." */
  g_string_append_printf (out, _("Read as %s: "), jm_survey_layout_get_label (import->layout));
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u header row", "%u header rows", import->header_rows),
                          import->header_rows);
  g_string_append (out, ", ");
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u response", "%u responses", import->n_responses),
                          import->n_responses);
  g_string_append (out, ", ");
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u question", "%u questions", import->questions->len),
                          import->questions->len);
  if (import->date_header != NULL && import->first_date != NULL)
    {
      g_string_append (out, "; ");
      g_string_append_printf (out, _("dates from the column “%s”, %s to %s"), import->date_header,
                              import->first_date, import->last_date);
    }
  else if (import->date_header == NULL)
    {
      g_string_append (out, "; ");
      g_string_append (out, _("no dates"));
    }
  g_string_append_c (out, '.');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

void
jm_survey_import_set_date_range (JmSurveyImport *import,
                                 const char     *since,
                                 const char     *until)
{
  g_return_if_fail (import != NULL);
  g_return_if_fail (since == NULL || jm_date_is_valid (since));
  g_return_if_fail (until == NULL || jm_date_is_valid (until));

  import->priv->since = day_from_iso (since);
  import->priv->until = day_from_iso (until);
}

void
jm_survey_import_set_field (JmSurveyImport   *import,
                            JmSurveyQuestion *question,
                            JmSurveyField    *field)
{
  g_return_if_fail (import != NULL && question != NULL && field != NULL);

  jm_set_str (&field->header, question->header);
  jm_survey_field_free (question->field);
  question->field = field;
  question->saved = FALSE;
}

void
jm_survey_import_propose_verbatims (JmSurveyImport   *import,
                                    JmDocument       *document,
                                    JmSurveyQuestion *question)
{
  GPtrArray *lanes = jm_document_get_lanes (document);
  JmLane *lane = NULL;
  JmSurveyField *field;
  const char *step_id = NULL;

  g_return_if_fail (import != NULL && JM_IS_DOCUMENT (document) && question != NULL);

  for (guint l = 0; l < lanes->len; l++)
    {
      JmLane *candidate = g_ptr_array_index (lanes, l);
      g_autofree char *title = jm_text_fold (candidate->title);

      if (candidate->kind != JM_LANE_TEXT)
        continue;
      if (strcmp (title, "thoughts") == 0 || strcmp (title, "pensieri") == 0)
        {
          lane = candidate;
          break;
        }
      if (lane == NULL)
        lane = candidate;
    }
  if (lane == NULL || jm_document_get_n_steps (document) == 0)
    return;

  if (question->field->target == JM_SURVEY_TARGET_CARD)
    {
      JmCard *card = jm_document_find_card (document, question->field->target_id, NULL);

      step_id = card != NULL ? card->step_id : NULL;
    }
  else if (question->field->target == JM_SURVEY_TARGET_STAGE)
    {
      JmStage *stage = jm_document_find_stage (document, question->field->target_id);

      step_id = stage != NULL ? ((JmStep *) g_ptr_array_index (stage->steps, 0))->id : NULL;
    }
  if (step_id == NULL)
    step_id = jm_document_get_step (document, 0)->id;

  field = jm_survey_field_new (question->header);
  field->target = JM_SURVEY_TARGET_VERBATIMS;
  field->target_id = g_strdup (lane->id);
  field->step_id = g_strdup (step_id);
  jm_survey_import_set_field (import, question, field);
}

/* ---- results ---- */

static void
result_free (gpointer data)
{
  JmSurveyResult *result = data;

  g_free (result->date);
  g_free (result);
}

static gboolean
target_exists (JmDocument          *document,
               const JmSurveyField *field)
{
  switch (field->target)
    {
    case JM_SURVEY_TARGET_CARD:
      return jm_document_find_card (document, field->target_id, NULL) != NULL;
    case JM_SURVEY_TARGET_STAGE:
      return jm_document_find_stage (document, field->target_id) != NULL;
    case JM_SURVEY_TARGET_VERBATIMS:
      return jm_document_find_lane (document, field->target_id) != NULL
             && jm_document_find_step (document, field->step_id) != NULL;
    case JM_SURVEY_TARGET_NONE:
    default:
      return FALSE;
    }
}

/* The text of an answer: its words, or the number as written back. */
static char *
answer_text (JmSurveyQuestion *q,
             guint             row)
{
  double value = g_array_index (q->priv->values, double, row);
  const char *words = q->priv->texts != NULL && row < q->priv->texts->len
                      ? g_ptr_array_index (q->priv->texts, row) : NULL;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (words != NULL)
    return g_strdup (words);
  if (!isnan (value))
    return g_strdup (g_ascii_formatd (buf, sizeof buf, "%g", value));
  return NULL;
}

static JmSurveyResult *
compute (JmSurveyImport   *import,
         JmSurveyQuestion *q)
{
  JmSurveyResult *result = g_new0 (JmSurveyResult, 1);
  JmMetricKind kind = q->field->kind;
  double min = -G_MAXDOUBLE, max = G_MAXDOUBLE, sum = 0;
  guint high = 0, low = 0, n = 0;
  guint32 latest = 0;

  result->question = q;
  if (kind == JM_METRIC_NPS)
    min = 0, max = 10;
  else if (kind == JM_METRIC_CSAT)
    min = 1, max = 5;
  else if (kind == JM_METRIC_CES)
    min = 1, max = 7;

  for (guint row = 0; row < import->n_responses && row < q->priv->values->len; row++)
    {
      double v = g_array_index (q->priv->values, double, row);
      gboolean words = q->priv->texts != NULL && row < q->priv->texts->len
                       && g_ptr_array_index (q->priv->texts, row) != NULL;
      guint32 day;

      if (!response_in_range (import, row))
        continue;
      if (q->field->target == JM_SURVEY_TARGET_VERBATIMS)
        {
          if (isnan (v) && !words)
            continue;
          n++;
        }
      else
        {
          if (isnan (v))
            continue;
          if (v < min || v > max)
            {
              result->n_outside++;
              continue;
            }
          n++;
          sum += v;
          if (kind == JM_METRIC_NPS)
            {
              high += v >= 9;
              low += v <= 6;
            }
          else if (kind == JM_METRIC_CSAT)
            high += v >= 4;
        }
      day = response_day (import, row);
      if (day > latest)
        latest = day;
    }

  result->sample_size = n;
  result->date = format_day (latest);
  if (q->field->target == JM_SURVEY_TARGET_VERBATIMS)
    result->n_cards = MIN (n, MAX_VERBATIMS);
  else if (n == 0)
    result->value = NAN;
  else if (kind == JM_METRIC_NPS)
    result->value = round (((double) high - low) * 1000 / n) / 10;
  else if (kind == JM_METRIC_CSAT)
    result->value = round ((double) high * 1000 / n) / 10;
  else
    result->value = round (sum * 100 / n) / 100;
  return result;
}

GPtrArray *
jm_survey_import_get_results (JmSurveyImport *import,
                              JmDocument     *document)
{
  GPtrArray *results = g_ptr_array_new_with_free_func (result_free);

  g_return_val_if_fail (import != NULL, results);
  g_return_val_if_fail (JM_IS_DOCUMENT (document), results);

  for (guint i = 0; i < import->questions->len; i++)
    {
      JmSurveyQuestion *q = g_ptr_array_index (import->questions, i);

      if (target_exists (document, q->field))
        g_ptr_array_add (results, compute (import, q));
    }
  return results;
}

GPtrArray *
jm_survey_import_get_unmapped (JmSurveyImport *import,
                               gboolean        saved_only)
{
  GPtrArray *unmapped = g_ptr_array_new ();

  g_return_val_if_fail (import != NULL, unmapped);

  for (guint i = 0; i < import->questions->len; i++)
    {
      JmSurveyQuestion *q = g_ptr_array_index (import->questions, i);

      if (q->field->target == JM_SURVEY_TARGET_NONE || (saved_only && !q->saved))
        g_ptr_array_add (unmapped, q);
    }
  return unmapped;
}

void
jm_survey_import_use_saved_only (JmSurveyImport *import)
{
  g_return_if_fail (import != NULL);

  for (guint i = 0; i < import->questions->len; i++)
    {
      JmSurveyQuestion *q = g_ptr_array_index (import->questions, i);

      if (!q->saved)
        {
          jm_survey_field_free (q->field);
          q->field = jm_survey_field_new (q->header);
        }
    }
}

/* ---- applying ---- */

/* Sets the metric of this kind (and name, for custom ones) among
 * metrics, or adds it. */
static void
set_metric (JmDocument           *document,
            GPtrArray            *metrics,
            const JmSurveyField  *field,
            const JmSurveyResult *result)
{
  JmMetric *metric = NULL;
  const char *name = field->name != NULL && *field->name != '\0' ? field->name : field->header;

  for (guint m = 0; m < metrics->len && metric == NULL; m++)
    {
      JmMetric *candidate = g_ptr_array_index (metrics, m);

      if (candidate->kind == field->kind
          && (field->kind != JM_METRIC_CUSTOM || g_strcmp0 (candidate->name, name) == 0))
        metric = candidate;
    }
  if (metric == NULL)
    {
      g_autofree char *id = jm_document_make_id (document, "metric");

      metric = jm_metric_new (id, field->kind, result->value);
      if (field->kind == JM_METRIC_CUSTOM)
        metric->name = g_strdup (name);
      g_ptr_array_add (metrics, metric);
    }
  metric->value = result->value;
  metric->sample_size = result->sample_size;
  jm_set_str (&metric->date, result->date);
}

static void
add_verbatims (JmSurveyImport       *import,
               JmDocument           *document,
               const JmSurveyResult *result)
{
  JmSurveyQuestion *q = result->question;
  guint added = 0;

  for (guint row = 0; row < import->n_responses && added < MAX_VERBATIMS; row++)
    {
      g_autofree char *text = NULL;
      g_autofree char *id = NULL;

      if (!response_in_range (import, row) || (text = answer_text (q, row)) == NULL)
        continue;
      id = jm_document_make_id (document, "card");
      jm_document_insert_card (document, q->field->target_id, -1,
                               jm_card_new (id, q->field->step_id, text));
      added++;
    }
}

static char *
make_survey_id (JmDocument *document)
{
  for (guint n = 1;; n++)
    {
      char *id = g_strdup_printf ("survey-%u", n);

      if (!jm_document_has_id (document, id) && jm_document_find_survey (document, id) == NULL)
        return id;
      g_free (id);
    }
}

/* The mapping as it now stands: every column of this export, then the
 * fields of the saved one for columns this export does not have. */
static JmSurvey *
make_survey (JmSurveyImport *import,
             JmDocument     *document)
{
  JmSurvey *saved = jm_document_find_survey (document, import->survey_id);
  JmSurvey *survey;

  if (saved != NULL)
    survey = jm_survey_new (saved->id, saved->name);
  else
    {
      g_autofree char *id = make_survey_id (document);
      g_autofree char *base = g_path_get_basename (import->display_name);
      char *dot = strrchr (base, '.');

      if (dot != NULL && dot != base)
        *dot = '\0';
      survey = jm_survey_new (id, base);
    }
  survey->layout = g_strdup (jm_survey_layout_to_string (import->layout));
  if (saved != NULL)
    survey->foreign = jm_foreign_copy (saved->foreign);

  for (guint i = 0; i < import->questions->len; i++)
    {
      JmSurveyQuestion *q = g_ptr_array_index (import->questions, i);

      if (jm_survey_find_field (survey, q->header) == NULL)
        g_ptr_array_add (survey->fields, jm_survey_field_copy (q->field));
    }
  for (guint f = 0; saved != NULL && f < saved->fields->len; f++)
    {
      JmSurveyField *field = g_ptr_array_index (saved->fields, f);

      if (jm_survey_find_field (survey, field->header) == NULL)
        g_ptr_array_add (survey->fields, jm_survey_field_copy (field));
    }
  return survey;
}

void
jm_survey_import_apply (JmSurveyImport *import,
                        JmDocument     *document)
{
  g_autoptr(GPtrArray) results = NULL;
  JmHistory *history;
  JmSurvey *survey;

  g_return_if_fail (import != NULL);
  g_return_if_fail (JM_IS_DOCUMENT (document));

  if (import->layout == JM_SURVEY_LAYOUT_LONG)
    {
      jm_csv_import_apply (import->long_import, document);
      return;
    }

  results = jm_survey_import_get_results (import, document);
  history = jm_document_get_history (document);
  jm_history_begin_group (history, _("Import Survey Responses"));
  for (guint i = 0; i < results->len; i++)
    {
      JmSurveyResult *result = g_ptr_array_index (results, i);
      JmSurveyField *field = result->question->field;

      if (field->target == JM_SURVEY_TARGET_VERBATIMS)
        add_verbatims (import, document, result);
      else if (result->sample_size == 0)
        continue;
      else if (field->target == JM_SURVEY_TARGET_CARD)
        {
          JmCard *copy = jm_card_copy (jm_document_find_card (document, field->target_id, NULL));

          set_metric (document, copy->metrics, field, result);
          jm_document_update_card (document, copy, NULL);
        }
      else if (field->target == JM_SURVEY_TARGET_STAGE)
        {
          JmStage *copy = jm_stage_copy (jm_document_find_stage (document, field->target_id));

          set_metric (document, copy->metrics, field, result);
          jm_document_update_stage (document, copy, NULL);
        }
    }

  /* The mapping is saved with the map, as part of the same step. */
  survey = make_survey (import, document);
  g_free (import->survey_id);
  import->survey_id = g_strdup (survey->id);
  jm_document_set_survey (document, survey);
  jm_history_end_group (history);
}
