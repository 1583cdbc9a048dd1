/* jm-mermaid.c — Mermaid journeys: see jm-mermaid.h. The reader follows
 * Mermaid's own grammar (its journey.jison): keywords in any case, "#"
 * and "%%" start comments, "title " takes the rest of the line, a
 * section's name ends at ":" (so a colon after it is an error, as Mermaid
 * says), a task is "name: score: actor, actor", and ";" is refused. It
 * reads line by line and names the line of every problem. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "jm-import-private.h"
#include "jm-mermaid.h"
#include "jm-text-match.h"

/* Mermaid has no limit; a journey of this size is no journey. */
#define MAX_MERMAID_BYTES (16 * 1024 * 1024)
/* The zero-width space the writer puts before a step named like a
 * keyword ("Title page"), so that Mermaid reads a task. */
#define ZWSP "\xe2\x80\x8b"

typedef struct {
  char *text;    /* the line, without its end */
  int   number;  /* in the file */
} Line;

/* ---- finding the diagram ---- */

static GArray *
split_lines (const char *data,
             gsize       len,
             int         first_number)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Line));
  gsize start = 0;
  int number = first_number;

  for (gsize i = 0; i <= len; i++)
    {
      if (i == len || data[i] == '\n')
        {
          Line line;
          gsize end = i;

          if (i == len && start == len)
            break;
          if (end > start && data[end - 1] == '\r')
            end--;
          line.text = g_strndup (data + start, end - start);
          line.number = number++;
          g_array_append_val (lines, line);
          start = i + 1;
        }
    }
  return lines;
}

static void
free_lines (GArray *lines)
{
  for (guint i = 0; i < lines->len; i++)
    g_free (g_array_index (lines, Line, i).text);
  g_array_unref (lines);
}

/* A Markdown fence: up to three spaces, then ``` or ~~~ (or more). */
static gboolean
is_fence (const char *line,
          char       *fence_char,
          guint      *fence_len,
          const char **info)
{
  guint indent = 0, n = 0;
  const char *p = line;

  while (*p == ' ' && indent < 4)
    p++, indent++;
  if (indent > 3 || (*p != '`' && *p != '~'))
    return FALSE;
  *fence_char = *p;
  while (p[n] == *fence_char)
    n++;
  if (n < 3)
    return FALSE;
  *fence_len = n;
  *info = p + n;
  return TRUE;
}

/* The lines of the first ```mermaid block, numbered as in the file;
 * NULL if there is none. */
static GArray *
markdown_block (GArray *all)
{
  for (guint i = 0; i < all->len; i++)
    {
      const Line *open = &g_array_index (all, Line, i);
      const char *info;
      char fence_char;
      guint fence_len;
      g_autofree char *word = NULL;
      GArray *block;

      if (!is_fence (open->text, &fence_char, &fence_len, &info))
        continue;
      word = g_strstrip (g_strdup (info));
      for (char *p = word; *p; p++)
        if (g_ascii_isspace (*p) || *p == '{')
          *p = '\0';

      block = g_array_new (FALSE, FALSE, sizeof (Line));
      for (i++; i < all->len; i++)
        {
          const Line *line = &g_array_index (all, Line, i);
          const char *closing_info;
          char c;
          guint n;

          if (is_fence (line->text, &c, &n, &closing_info) && c == fence_char && n >= fence_len)
            {
              g_autofree char *rest = g_strstrip (g_strdup (closing_info));

              if (*rest == '\0')
                break;
            }
          if (g_ascii_strcasecmp (word, "mermaid") == 0)
            {
              Line copy = { g_strdup (line->text), line->number };
              g_array_append_val (block, copy);
            }
        }
      if (g_ascii_strcasecmp (word, "mermaid") == 0)
        return block;
      free_lines (block);
    }
  return NULL;
}

/* ---- reading ---- */

typedef struct {
  char      *name;
  GPtrArray *tasks;    /* Task* */
  int        line;
} Section;

typedef struct {
  char   *name;
  double  score;
  GStrv   actors;
  int     line;
} Task;

typedef struct {
  const char *name;
  GPtrArray  *errors;
  GPtrArray  *warnings;
  char       *title;
  char       *front_title;
  char       *acc_title;
  char       *acc_descr;
  GPtrArray  *sections;   /* Section* */
  GArray     *clamped;    /* int: lines whose score lay outside 1–5 */
  gboolean    not_journey; /* the text is some other diagram, or none */
} Reading;

static void
task_free (gpointer data)
{
  Task *task = data;

  g_free (task->name);
  g_strfreev (task->actors);
  g_free (task);
}

static void
section_free (gpointer data)
{
  Section *section = data;

  g_free (section->name);
  g_ptr_array_unref (section->tasks);
  g_free (section);
}

static void G_GNUC_PRINTF (3, 4)
error_at (Reading    *reading,
          int         line,
          const char *format,
          ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (reading->errors->len >= JM_IMPORT_MAX_PROBLEMS)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (reading->errors, jm_problem_new (reading->name, line, message));
}

/* The keyword at the start of s, in any case, followed by what `then`
 * allows: 's' whitespace, 'e' whitespace or the end, ':' or '{' (after
 * optional spaces). Returns where the rest starts, or NULL. */
static const char *
keyword (const char *s,
         const char *word,
         char        then)
{
  gsize n = strlen (word);
  const char *p = s + n;

  if (g_ascii_strncasecmp (s, word, n) != 0)
    return NULL;
  switch (then)
    {
    case 's':
      return *p == ' ' || *p == '\t' ? p + 1 : NULL;
    case 'e':
      return *p == '\0' || *p == ' ' || *p == '\t' ? p : NULL;
    default:
      while (*p == ' ' || *p == '\t')
        p++;
      return *p == then ? p + 1 : NULL;
    }
}

static char *
strip (const char *s,
       gssize      len)
{
  char *copy = len < 0 ? g_strdup (s) : g_strndup (s, (gsize) len);

  g_strstrip (copy);
  /* The writer's zero-width space is no part of a name. */
  while (g_str_has_prefix (copy, ZWSP))
    memmove (copy, copy + strlen (ZWSP), strlen (copy) - strlen (ZWSP) + 1);
  return copy;
}

static Section *
current_section (Reading *reading,
                 int      line)
{
  Section *section;

  if (reading->sections->len > 0)
    return g_ptr_array_index (reading->sections, reading->sections->len - 1);
  /* Tasks before any section: Mermaid puts them in a section without a name. */
  section = g_new0 (Section, 1);
  section->name = g_strdup ("");
  section->tasks = g_ptr_array_new_with_free_func (task_free);
  section->line = line;
  g_ptr_array_add (reading->sections, section);
  return section;
}

/* Mermaid's Number(): blank is 0, anything else must be a number. */
static gboolean
parse_score (const char *text,
             double     *out)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;

  if (*copy == '\0')
    {
      *out = 0;
      return TRUE;
    }
  *out = g_ascii_strtod (copy, &end);
  return end != copy && *end == '\0' && isfinite (*out);
}

static void
read_task (Reading    *reading,
           const char *s,
           int         number)
{
  const char *colon = strchr (s, ':');
  g_autofree char *name = NULL;
  g_auto(GStrv) pieces = NULL;
  Task *task;
  double score;

  if (colon == NULL)
    {
      g_autofree char *what = strip (s, -1);

      error_at (reading, number, _("Mermaid refuses “%s”: a task is written “Task: score: actors”"), what);
      return;
    }
  name = strip (s, colon - s);
  if (*name == '\0')
    {
      error_at (reading, number, _("Mermaid refuses this line: a task needs a name before “:”"));
      return;
    }
  /* "Task:" alone: g_strsplit() gives no piece at all for "". */
  pieces = g_strsplit (colon + 1, ":", 3);
  if (pieces[0] == NULL)
    {
      g_strfreev (pieces);
      pieces = g_new0 (char *, 2);
      pieces[0] = g_strdup ("");
    }
  if (!parse_score (pieces[0], &score))
    {
      g_autofree char *what = g_strstrip (g_strdup (pieces[0]));

      error_at (reading, number, _("“%s” is not a score: a task’s score is a number from 1 to 5"), what);
      return;
    }

  task = g_new0 (Task, 1);
  task->name = g_steal_pointer (&name);
  task->line = number;
  if (score < 1 || score > 5)
    {
      g_array_append_val (reading->clamped, number);
      score = CLAMP (score, 1, 5);
    }
  task->score = score;
  if (pieces[1] != NULL)
    {
      g_auto(GStrv) actors = g_strsplit (pieces[1], ",", -1);
      GStrvBuilder *builder = g_strv_builder_new ();

      /* Empty names are no actors. */
      for (guint i = 0; actors[i] != NULL; i++)
        {
          g_autofree char *actor = strip (actors[i], -1);

          if (*actor != '\0')
            g_strv_builder_add (builder, actor);
        }
      task->actors = g_strv_builder_end (builder);
      g_strv_builder_unref (builder);
    }
  else
    task->actors = g_new0 (char *, 1);
  g_ptr_array_add (current_section (reading, number)->tasks, task);
}

/* One statement: s has no leading space and no comment. */
static void
read_statement (Reading    *reading,
                const char *s,
                int         number)
{
  const char *rest;

  if (strchr (s, ';') != NULL)
    {
      error_at (reading, number, _("Mermaid refuses “;” in a journey"));
      return;
    }
  if ((rest = keyword (s, "title", 's')) != NULL)
    {
      g_autofree char *title = strip (rest, -1);

      if (*title == '\0')
        error_at (reading, number, _("Mermaid refuses a title without text"));
      else
        jm_set_str (&reading->title, title);
    }
  else if ((rest = keyword (s, "section", 's')) != NULL)
    {
      const char *colon = strchr (rest, ':');
      g_autofree char *name = strip (rest, colon != NULL ? colon - rest : -1);
      Section *section;

      if (colon != NULL)
        {
          error_at (reading, number, _("Mermaid refuses “%s”: a section’s name cannot contain “:”"), s);
          return;
        }
      if (*name == '\0')
        {
          error_at (reading, number, _("Mermaid refuses a section without a name"));
          return;
        }
      section = g_new0 (Section, 1);
      section->name = g_steal_pointer (&name);
      section->tasks = g_ptr_array_new_with_free_func (task_free);
      section->line = number;
      g_ptr_array_add (reading->sections, section);
    }
  else if (g_ascii_strncasecmp (s, "journey", strlen ("journey")) == 0)
    error_at (reading, number, _("Mermaid refuses a second “journey” (a task’s name cannot start with it)"));
  else
    read_task (reading, s, number);
}

/* The text of a Mermaid diagram, in lines, into reading. */
static void
read_journey (Reading *reading,
              GArray  *lines)
{
  guint i = 0;
  gboolean started = FALSE;

  if (lines->len == 0)
    {
      error_at (reading, 0, _("The file is empty"));
      reading->not_journey = TRUE;
      return;
    }

  /* YAML front matter: only its title matters here. */
  {
    g_autofree char *first = g_strstrip (g_strdup (g_array_index (lines, Line, 0).text));

    if (strcmp (first, "---") == 0)
      {
        for (i = 1; i < lines->len; i++)
          {
            const char *text = g_array_index (lines, Line, i).text;
            g_autofree char *stripped = g_strstrip (g_strdup (text));

            if (strcmp (stripped, "---") == 0)
              break;
            if (g_str_has_prefix (text, "title:"))
              {
                g_autofree char *value = g_strstrip (g_strdup (text + strlen ("title:")));
                gsize n = strlen (value);

                if (n >= 2 && (value[0] == '"' || value[0] == '\'') && value[n - 1] == value[0])
                  {
                    value[n - 1] = '\0';
                    memmove (value, value + 1, n - 1);
                  }
                jm_set_str (&reading->front_title, value);
              }
          }
        if (i >= lines->len)
          {
            error_at (reading, g_array_index (lines, Line, 0).number,
                      _("The front matter that starts here has no closing “---”"));
            reading->not_journey = TRUE;
            return;
          }
        i++;
      }
  }

  for (; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);
      const char *s = line->text;
      g_autofree char *cut = NULL;
      const char *rest, *hash;

      while (*s == ' ' || *s == '\t')
        s++;

      /* %%{init: …}%% directives, on one line or several. */
      if (g_str_has_prefix (s, "%%{"))
        {
          while (i < lines->len && strstr (g_array_index (lines, Line, i).text, "}%%") == NULL)
            i++;
          continue;
        }
      if (*s == '\0' || g_str_has_prefix (s, "%%") || *s == '#')
        continue;

      if (!started)
        {
          rest = keyword (s, "journey", 'e');
          if (rest == NULL)
            {
              g_autofree char *word = g_strndup (s, strcspn (s, " \t:"));

              error_at (reading, line->number,
                        _("This is no Mermaid journey: the diagram starts with “%s”, not “journey”"), word);
              reading->not_journey = TRUE;
              return;
            }
          started = TRUE;
          s = rest;
          while (*s == ' ' || *s == '\t')
            s++;
          if (*s == '\0')
            continue;
        }

      /* Accessibility: their values run to the end of the line. */
      if ((rest = keyword (s, "accTitle", ':')) != NULL)
        {
          g_autofree char *value = strip (rest, -1);

          jm_set_str (&reading->acc_title, value);
          continue;
        }
      if ((rest = keyword (s, "accDescr", ':')) != NULL)
        {
          g_autofree char *value = strip (rest, -1);

          jm_set_str (&reading->acc_descr, value);
          continue;
        }
      if ((rest = keyword (s, "accDescr", '{')) != NULL)
        {
          g_autoptr(GString) text = g_string_new (NULL);
          int start = line->number;
          const char *close;

          while ((close = strchr (rest, '}')) == NULL)
            {
              g_string_append (text, rest);
              if (++i >= lines->len)
                {
                  error_at (reading, start, _("The description that starts here has no closing “}”"));
                  return;
                }
              g_string_append_c (text, '\n');
              rest = g_array_index (lines, Line, i).text;
            }
          g_string_append_len (text, rest, close - rest);
          {
            g_autofree char *value = strip (text->str, -1);

            jm_set_str (&reading->acc_descr, value);
          }
          s = close + 1;
          while (*s == ' ' || *s == '\t')
            s++;
          if (*s == '\0')
            continue;
        }

      /* "#" starts a comment wherever it is. */
      hash = strchr (s, '#');
      if (hash != NULL)
        {
          cut = g_strndup (s, hash - s);
          g_strchomp (cut);
          s = cut;
          if (*s == '\0')
            continue;
        }
      read_statement (reading, s, line->number);
    }

  if (!started)
    {
      error_at (reading, 0, _("This is no Mermaid journey: there is no “journey”"));
      reading->not_journey = TRUE;
    }
}

/* ---- building the map ---- */

/* Ids are made here, in order, so the same journey always gives the
 * same map. */
static JmDocument *
build_map (Reading    *reading,
           const char *display_name)
{
  JmDocument *doc = jm_document_new ();
  g_autoptr(GHashTable) personas = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) scored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autofree char *fallback = NULL;
  const char *title = reading->title;
  JmLane *actions = jm_lane_new ("actions", JM_LANE_TEXT, _("Actions"));

  if (title == NULL)
    title = reading->front_title;
  if (title == NULL)
    title = reading->acc_title;
  if (title == NULL)
    {
      char *dot;

      fallback = g_path_get_basename (display_name);
      dot = strrchr (fallback, '.');
      if (dot != NULL && dot != fallback)
        *dot = '\0';
      title = fallback;
    }
  if (reading->acc_title != NULL && g_strcmp0 (reading->acc_title, title) != 0)
    g_string_append (notes, reading->acc_title);
  if (reading->acc_descr != NULL)
    {
      if (notes->len > 0)
        g_string_append (notes, "\n\n");
      g_string_append (notes, reading->acc_descr);
    }
  jm_document_build_header (doc, title, NULL, notes->len > 0 ? notes->str : NULL, JM_MAP_STATE_CURRENT);

  for (guint s = 0; s < reading->sections->len; s++)
    {
      Section *section = g_ptr_array_index (reading->sections, s);
      g_autofree char *stage_id = g_strdup_printf ("stage-%u", s + 1);
      JmStage *stage = jm_stage_new (stage_id, *section->name != '\0' ? section->name : _("Journey"));

      for (guint t = 0; t < section->tasks->len; t++)
        {
          Task *task = g_ptr_array_index (section->tasks, t);
          g_autofree char *step_id = g_strdup_printf ("step-%u-%u", s + 1, t + 1);
          g_autofree char *card_id = g_strdup_printf ("card-%u-%u", s + 1, t + 1);

          g_ptr_array_add (stage->steps, jm_step_new (step_id, task->name));
          g_ptr_array_add (actions->cards, jm_card_new (card_id, step_id, task->name));

          for (guint a = 0; task->actors[a] != NULL; a++)
            {
              JmPersona *persona = g_hash_table_lookup (personas, task->actors[a]);
              char *key;

              if (persona == NULL)
                {
                  g_autofree char *persona_id = g_strdup_printf ("persona-%u", g_hash_table_size (personas) + 1);

                  persona = jm_persona_new (persona_id, task->actors[a]);
                  jm_document_build_persona (doc, persona);
                  g_hash_table_insert (personas, persona->name, persona);
                }
              /* "Me, Me": one score. */
              key = g_strdup_printf ("%s\n%s", persona->id, step_id);
              if (!g_hash_table_add (scored, key))
                continue;
              jm_document_build_emotion (doc, jm_emotion_new (persona->id, step_id, JM_MAP_STATE_CURRENT,
                                                              task->score - 3));
            }
        }
      /* A section without tasks still is a stage, of one step. */
      if (stage->steps->len == 0)
        {
          g_autofree char *step_id = g_strdup_printf ("step-%u-1", s + 1);

          g_ptr_array_add (stage->steps, jm_step_new (step_id, ""));
        }
      jm_document_build_stage (doc, stage);
    }

  jm_document_build_lane (doc, actions);
  jm_document_build_lane (doc, jm_lane_new ("emotions", JM_LANE_EMOTIONS, _("Emotions")));
  return doc;
}

JmDocument *
jm_mermaid_load_bytes (const char  *display_name,
                       const char  *data,
                       gsize        len,
                       gboolean     markdown,
                       GPtrArray  **problems,
                       GError     **error)
{
  Reading reading = { 0 };
  GArray *lines = NULL;
  JmDocument *doc = NULL;

  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (data != NULL || len == 0, NULL);

  reading.name = display_name;
  reading.errors = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_problem_free);
  reading.warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_problem_free);
  reading.sections = g_ptr_array_new_with_free_func (section_free);
  reading.clamped = g_array_new (FALSE, FALSE, sizeof (int));

  if (len > MAX_MERMAID_BYTES)
    error_at (&reading, 0, _("The file is larger than %d MB, the most a journey may be"),
              MAX_MERMAID_BYTES / (1024 * 1024));
  else if (!g_utf8_validate (data, (gssize) len, NULL) || memchr (data, '\0', len) != NULL)
    error_at (&reading, 0, _("The file is not UTF-8 text"));
  else
    {
      g_autofree char *clean = NULL;

      if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
        data += 3, len -= 3;
      /* Only what a map can keep (jm_text_clean()). */
      clean = jm_text_clean_len (data, len);
      lines = split_lines (clean, strlen (clean), 1);
      if (markdown)
        {
          GArray *block = markdown_block (lines);

          free_lines (lines);
          lines = block;
          if (lines == NULL)
            error_at (&reading, 0, _("The file holds no ```mermaid block"));
        }
      if (lines != NULL)
        read_journey (&reading, lines);
    }

  if (reading.errors->len == 0)
    {
      if (reading.sections->len == 0)
        error_at (&reading, 0, _("The journey has no tasks and no sections"));
      else
        doc = build_map (&reading, display_name);
    }
  if (reading.clamped->len > 0)
    {
      g_autoptr(GString) which = g_string_new (NULL);
      g_autofree char *message = NULL;

      for (guint i = 0; i < reading.clamped->len; i++)
        g_string_append_printf (which, "%s%d", i > 0 ? ", " : "", g_array_index (reading.clamped, int, i));
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "A score outside 1–5 was brought within it, on line %s",
                                              "Scores outside 1–5 were brought within it, on lines %s",
                                              reading.clamped->len),
                                 which->str);
      g_ptr_array_add (reading.warnings,
                       jm_problem_new (display_name, g_array_index (reading.clamped, int, 0), message));
    }

  if (lines != NULL)
    free_lines (lines);
  g_free (reading.title);
  g_free (reading.front_title);
  g_free (reading.acc_title);
  g_free (reading.acc_descr);
  g_ptr_array_unref (reading.sections);
  g_array_unref (reading.clamped);
  return jm_import_finish (doc, JM_IO_ERROR_INVALID, reading.errors, reading.warnings, problems, error);
}

/* ---- telling ---- */

gboolean
jm_mermaid_is_journey (const char *data,
                       gsize       len)
{
  Reading reading = { 0 };
  GArray *lines;
  gboolean journey;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  /* Only the start matters: a few kilobytes say it. */
  len = MIN (len, 64 * 1024);
  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    data += 3, len -= 3;
  lines = split_lines (data, len, 1);
  reading.name = "";
  reading.errors = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_problem_free);
  reading.sections = g_ptr_array_new_with_free_func (section_free);
  reading.clamped = g_array_new (FALSE, FALSE, sizeof (int));
  read_journey (&reading, lines);
  /* A journey with mistakes is still one: the reader will say where. */
  journey = !reading.not_journey;
  free_lines (lines);
  g_ptr_array_unref (reading.errors);
  g_ptr_array_unref (reading.sections);
  g_array_unref (reading.clamped);
  g_free (reading.title);
  g_free (reading.front_title);
  g_free (reading.acc_title);
  g_free (reading.acc_descr);
  return journey;
}

gboolean
jm_mermaid_has_markdown_block (const char *data,
                               gsize       len)
{
  GArray *lines, *block;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  lines = split_lines (data, MIN (len, MAX_MERMAID_BYTES), 1);
  block = markdown_block (lines);
  free_lines (lines);
  if (block == NULL)
    return FALSE;
  free_lines (block);
  return TRUE;
}

/* ---- writing ---- */

/* A name Mermaid reads back as it is: no line break, none of the
 * characters its grammar stops at, and not a keyword. *changed is set
 * when it had to change. */
static char *
mermaid_name (const char *name,
              const char *forbidden,
              gboolean    task,
              gboolean   *changed)
{
  GString *out = g_string_new (NULL);

  for (const char *p = name; *p; p++)
    {
      if (*p == '\n' || *p == '\r' || *p == '\t')
        g_string_append_c (out, ' ');
      else if (strchr (forbidden, *p) != NULL)
        {
          /* Look-alikes: "∶" for ":", "﹟" for "#", "⸴" for "," and ";". */
          g_string_append (out, *p == ':' ? "∶" : *p == '#' ? "﹟" : "⸴");
          *changed = TRUE;
        }
      else
        g_string_append_c (out, *p);
    }
  g_strstrip (out->str);
  g_string_set_size (out, strlen (out->str));
  /* The reader drops zero-width spaces in front: they cannot be all. */
  while (g_str_has_prefix (out->str, ZWSP))
    g_string_erase (out, 0, strlen (ZWSP));
  g_strchug (out->str);
  g_string_set_size (out, strlen (out->str));
  if (out->len == 0 && task)
    g_string_append (out, "…");
  /* A task named like a keyword, or like a comment, would be read as one. */
  if (task && (keyword (out->str, "title", 's') || keyword (out->str, "section", 's')
               || g_ascii_strncasecmp (out->str, "journey", strlen ("journey")) == 0
               || keyword (out->str, "accTitle", ':') || keyword (out->str, "accDescr", ':')
               || keyword (out->str, "accDescr", '{') || g_str_has_prefix (out->str, "%%")))
    g_string_prepend (out, ZWSP);
  return g_string_free (out, FALSE);
}

static void
append_score (GString *out,
              double   score)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%g", score));
}

/* What Mermaid's journey cannot hold, for the comment at the top. */
static void
list_left_out (JmDocument *document,
               JmMapState  curve,
               GPtrArray  *left_out)
{
  GPtrArray *lanes = jm_document_get_lanes (document);
  GPtrArray *personas = jm_document_get_personas (document);
  GPtrArray *emotions = jm_document_get_emotions (document);
  guint cards = 0, metrics = 0, other_curve = 0;
  gboolean details = FALSE;

  for (guint l = 0; l < lanes->len; l++)
    {
      JmLane *lane = g_ptr_array_index (lanes, l);

      cards += lane->cards->len;
      for (guint c = 0; c < lane->cards->len; c++)
        metrics += ((JmCard *) g_ptr_array_index (lane->cards, c))->metrics->len;
    }
  for (guint s = 0; s < jm_document_get_stages (document)->len; s++)
    metrics += ((JmStage *) g_ptr_array_index (jm_document_get_stages (document), s))->metrics->len;
  for (guint e = 0; e < emotions->len; e++)
    other_curve += ((JmEmotion *) g_ptr_array_index (emotions, e))->curve != curve;
  for (guint p = 0; p < personas->len; p++)
    {
      JmPersona *persona = g_ptr_array_index (personas, p);

      details |= persona->occupation != NULL || persona->bio != NULL || persona->quote != NULL
                 || persona->photo != NULL || persona->age > 0 || persona->goals[0] != NULL
                 || persona->needs[0] != NULL || persona->frustrations[0] != NULL;
    }

  if (cards > 0)
    g_ptr_array_add (left_out, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u card", "%u cards", cards), cards));
  if (lanes->len > 0)
    g_ptr_array_add (left_out, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u lane", "%u lanes", lanes->len),
                                                lanes->len));
  if (metrics > 0)
    g_ptr_array_add (left_out, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u metric", "%u metrics", metrics),
                                                metrics));
  if (other_curve > 0)
    g_ptr_array_add (left_out, g_strdup (curve == JM_MAP_STATE_CURRENT ? _("the to-be emotion curve")
                                                                       : _("the as-is emotion curve")));
  if (details)
    g_ptr_array_add (left_out, g_strdup (_("the personas’ details")));
  if (jm_document_get_scenario (document) != NULL && *jm_document_get_scenario (document) != '\0')
    g_ptr_array_add (left_out, g_strdup (_("the scenario")));
}

char *
jm_mermaid_to_string (JmDocument *document,
                      gsize      *len)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GPtrArray) left_out = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *stages, *personas;
  JmMapState curve;
  GString *out;
  gboolean renamed = FALSE;
  g_autofree char *title = NULL;
  const char *notes;
  g_autoptr(GHashTable) scored_personas = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);

  curve = jm_document_get_state (document);
  stages = jm_document_get_stages (document);
  personas = jm_document_get_personas (document);

  g_string_append (body, "journey\n");
  title = mermaid_name (jm_document_get_title (document), "#;", FALSE, &renamed);
  if (*title != '\0')
    g_string_append_printf (body, "  title %s\n", title);
  notes = jm_document_get_notes (document);
  if (notes != NULL && *notes != '\0')
    {
      g_autofree char *flat = g_strdup (notes);

      /* One line, or a block when it has several and no "}". */
      if (strchr (flat, '\n') != NULL && strchr (flat, '}') == NULL)
        g_string_append_printf (body, "  accDescr {\n%s\n  }\n", flat);
      else
        {
          g_strdelimit (flat, "\r\n", ' ');
          g_string_append_printf (body, "  accDescr: %s\n", flat);
        }
    }

  for (guint s = 0; s < stages->len; s++)
    {
      JmStage *stage = g_ptr_array_index (stages, s);
      g_autofree char *section = mermaid_name (stage->name, ":#;", FALSE, &renamed);

      g_string_append_printf (body, "  section %s\n", *section != '\0' ? section : "…");
      for (guint t = 0; t < stage->steps->len; t++)
        {
          JmStep *step = g_ptr_array_index (stage->steps, t);
          g_autofree char *task = mermaid_name (step->name, ":#;", TRUE, &renamed);
          g_autoptr(GArray) scores = g_array_new (FALSE, FALSE, sizeof (double));
          double best = NAN;
          guint best_count = 0;
          gboolean first = TRUE;

          /* One score a task: the one most of its personas share. */
          for (guint p = 0; p < personas->len; p++)
            {
              JmPersona *persona = g_ptr_array_index (personas, p);
              const JmEmotion *emotion = jm_document_get_emotion (document, persona->id, step->id, curve);
              double score = emotion != NULL ? emotion->score : NAN;
              guint count = 0;

              g_array_append_val (scores, score);
              if (isnan (score))
                continue;
              for (guint q = 0; q < personas->len; q++)
                {
                  const JmEmotion *other = jm_document_get_emotion (document,
                                                                    ((JmPersona *) g_ptr_array_index (personas, q))->id,
                                                                    step->id, curve);
                  count += other != NULL && other->score == score;
                }
              if (count > best_count)
                {
                  best = score;
                  best_count = count;
                }
            }

          g_string_append_printf (body, "    %s: ", task);
          append_score (body, isnan (best) ? 3 : best + 3);
          for (guint p = 0; p < personas->len; p++)
            {
              JmPersona *persona = g_ptr_array_index (personas, p);
              double score = g_array_index (scores, double, p);

              if (isnan (score))
                continue;
              if (score != best)
                {
                  g_autoptr(GString) number = g_string_new (NULL);

                  append_score (number, score + 3);
                  /* Translators: "Bo’s score at “Buys a ticket” (1)": the task holds another one. */
                  g_ptr_array_add (left_out, g_strdup_printf (_("%s’s score at “%s” (%s)"), persona->name, step->name,
                                                              number->str));
                  continue;
                }
              {
                g_autofree char *actor = mermaid_name (persona->name, ",:#;", FALSE, &renamed);

                g_string_append (body, first ? ": " : ", ");
                g_string_append (body, actor);
                first = FALSE;
                g_hash_table_add (scored_personas, persona->id);
              }
            }
          g_string_append_c (body, '\n');
        }
    }

  list_left_out (document, curve, left_out);
  for (guint p = 0; p < personas->len; p++)
    {
      JmPersona *persona = g_ptr_array_index (personas, p);

      if (!g_hash_table_contains (scored_personas, persona->id))
        g_ptr_array_add (left_out, g_strdup_printf (_("persona “%s”, who has no score"), persona->name));
    }
  if (renamed)
    g_ptr_array_add (left_out, g_strdup (_("“:”, “#”, “;” and “,” in names (written as look-alikes)")));

  out = g_string_new (NULL);
  if (left_out->len > 0)
    {
      g_string_append (out, "%% ");
      g_string_append (out, _("Written by Journey Maps. Mermaid’s journey cannot hold:"));
      g_string_append_c (out, '\n');
      for (guint i = 0; i < left_out->len; i++)
        {
          g_autofree char *item = g_strdup (g_ptr_array_index (left_out, i));

          g_strdelimit (item, "\r\n", ' ');
          g_string_append_printf (out, "%%%%   %s\n", item);
        }
    }
  g_string_append_len (out, body->str, (gssize) body->len);
  if (len != NULL)
    *len = out->len;
  return g_string_free (out, FALSE);
}

gboolean
jm_mermaid_save_path (JmDocument  *document,
                      const char  *path,
                      GError     **error)
{
  g_autofree char *text = NULL;
  gsize len;

  g_return_val_if_fail (JM_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  text = jm_mermaid_to_string (document, &len);
  return jm_import_save_text (path, text, len, error);
}
