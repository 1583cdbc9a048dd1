/* jm-reader.c — a streaming .journey reader on a cursor over libxml2's
 * SAX2 parser (jm-xml-cursor.c). It builds
 * the model while it reads (no DOM), refuses DTDs, never loads anything the
 * file names, bounds size, depth and text, and collects every problem with
 * its line, in words a person can act on. */
#include "config.h"

#include <stdarg.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "jm-conflict.h"
#include "jm-i18n.h"
#include "jm-map-view.h"
#include "jm-reader.h"
#include "jm-xml-cursor.h"
#include "jm-writer.h"

#define XMLNS_URI "http://www.w3.org/2000/xmlns/"
#define XML_URI "http://www.w3.org/XML/1998/namespace"
#define XINCLUDE_URI "http://www.w3.org/2001/XInclude"
#define XINCLUDE_URI_OLD "http://www.w3.org/2003/XInclude"

typedef struct {
  char *id;
  int   line;
} IdUse;

typedef enum {
  REF_STEP,
  REF_PERSONA,
} RefKind;

/* A reference that waits for the end: its strings are copies in
 * ctx->strings (a card read only to be checked is let go at once). */
typedef struct {
  const char *id;     /* what is referred to */
  const char *owner;  /* the card id, or NULL for an emotion */
  RefKind     kind;
  int         line;
} Ref;

typedef struct {
  const char       *name;       /* for messages */
  JmXmlCursor      *cursor;
  JmDocument       *doc;
  GPtrArray        *problems;
  gboolean          fatal;      /* stop reading: the rest cannot be trusted */
  JmIoError         code;       /* of the first problem */
  gboolean          have_code;
  int               type;       /* of the current node: see read_next() */
  int               depth;      /* of the current node, once read_next() returned TRUE */
  GStringChunk     *strings;    /* the ids' strings: one allocation for thousands */
  GHashTable       *ids;        /* id (in strings) -> ID_VALUE (line of first use, is a card) */
  GArray           *refs;       /* Ref, checked at the end */
  const char       *step_found; /* the id of the step last referred to, the document's own */
  gboolean          lean;       /* checking only: cards are read, checked and let go */
  const char       *our_ns;     /* JM_NAMESPACE as the parser keeps it, once met */
  GHashTable       *emotion_keys;
  GPtrArray        *span_uses;
  JmForeign        *root_foreign;
  GPtrArray        *cards;      /* reading a clipboard fragment: JmCard* */
  GString          *generic_error; /* what libxml2's generic errors said, or NULL */
  gsize             foreign_bytes;  /* of the foreign elements kept so far */
  gboolean          foreign_full;   /* JM_MAX_FOREIGN_BYTES reached, and said */
} Ctx;

typedef struct {
  char  *card_id;
  char  *step_id;
  guint  span;
  int    line;
} SpanUse;

static void
span_use_free (gpointer data)
{
  SpanUse *use = data;

  g_free (use->card_id);
  g_free (use->step_id);
  g_free (use);
}

/* The line of the node being read (the parser itself may be further on). */
static int
current_line (Ctx *ctx)
{
  return ctx->cursor != NULL ? jm_xml_cursor_line (ctx->cursor) : 0;
}

static void G_GNUC_PRINTF (4, 5)
problem (Ctx        *ctx,
         JmIoError   code,
         int         line,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* A broken file can repeat the same complaint endlessly. */
  if (ctx->problems->len >= 200)
    return;

  g_ptr_array_add (ctx->problems, jm_problem_new (ctx->name, line, message));
  if (!ctx->have_code)
    {
      ctx->code = code;
      ctx->have_code = TRUE;
    }
}

#define invalid(ctx, ...) problem ((ctx), JM_IO_ERROR_INVALID, current_line (ctx), __VA_ARGS__)

static void
on_xml_error (void        *user_data,
              xmlErrorPtr  error)
{
  Ctx *ctx = user_data;
  g_autofree char *message = NULL;

  /* After the first fatal error libxml2 may repeat itself: one is enough. */
  if (error == NULL || error->level < XML_ERR_ERROR || ctx->fatal)
    return;

  message = g_strstrip (g_strdup (error->message ? error->message : ""));
  /* Translators: %s is libxml2's own description, in English. */
  problem (ctx, JM_IO_ERROR_MALFORMED, error->line,
           _("This is not well-formed XML: %s"), message);
  ctx->fatal = TRUE;
}

/* Never load anything a file names: no DTD, no external entity. */
static xmlParserInputPtr
deny_external_entity (const char       *url,
                      const char       *id,
                      xmlParserCtxtPtr  context)
{
  return NULL;
}

/* ---- small parsers ---- */

static gboolean
is_ncname (const char *id)
{
  const char *p;

  if (id == NULL || *id == '\0' || strlen (id) > 64)
    return FALSE;
  if (!(g_ascii_isalpha (*id) || *id == '_' || (guchar) *id >= 0x80))
    return FALSE;
  for (p = id + 1; *p; p++)
    if (!(g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == '.' || (guchar) *p >= 0x80))
      return FALSE;
  return TRUE;
}

static gboolean
parse_number (const char *str,
              double     *out)
{
  char *end = NULL;
  double value;

  if (str == NULL || *str == '\0' || g_ascii_isspace (*str))
    return FALSE;
  value = g_ascii_strtod (str, &end);
  if (end == str || *end != '\0' || !isfinite (value))
    return FALSE;
  *out = value;
  return TRUE;
}

static gboolean
parse_uint (const char *str,
            guint64     max,
            guint      *out)
{
  guint64 value;

  if (str == NULL || !g_ascii_string_to_unsigned (str, 10, 0, max, &value, NULL))
    return FALSE;
  *out = (guint) value;
  return TRUE;
}

static gboolean
is_color (const char *str)
{
  if (str == NULL || strlen (str) != 7 || str[0] != '#')
    return FALSE;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (str[i]))
      return FALSE;
  return TRUE;
}

/* ---- attributes ---- */

/* An attribute's value is the cursor's own (see jm-xml-cursor.h): it
 * stays valid until the cursor moves on from the element, and
 * free_attributes() forgets it. */
typedef struct {
  const char *name;
  const char *value;
} Attr;

/* Takes the value of the known attribute `local`, or complains about an
 * unknown one. */
static void
set_attribute (Ctx        *ctx,
               const char *element,
               Attr       *attrs,
               guint       n,
               const char *local,
               const char *value)
{
  for (guint i = 0; i < n; i++)
    {
      if (attrs[i].name[0] == local[0] && strcmp (attrs[i].name, local) == 0)
        {
          attrs[i].value = value;
          return;
        }
    }
  invalid (ctx, _("Unknown attribute “%s” on <%s>"), local, element);
}

/* Reads the attributes of the current element into `attrs` (known names,
 * no namespace), keeps foreign ones, and complains about unknown ones. */
static void
read_attributes (Ctx        *ctx,
                 const char *element,
                 Attr       *attrs,
                 guint       n,
                 JmForeign **foreign)
{
  guint n_attributes = jm_xml_cursor_n_attributes (ctx->cursor);

  for (guint i = 0; i < n_attributes; i++)
    {
      const JmXmlAttribute *attr = jm_xml_cursor_attribute (ctx->cursor, i);
      const char *ns = attr->namespace_uri;
      const char *local = attr->local_name;
      const char *value = attr->value;

      if (ns == NULL)
        {
          set_attribute (ctx, element, attrs, n, local, value);
          continue;
        }

      if (strcmp (ns, XMLNS_URI) == 0)
        {
          /* A prefixed declaration of a foreign namespace: kept on the root. */
          if (attr->prefix != NULL && g_strcmp0 (value, JM_NAMESPACE) != 0)
            {
              gboolean seen = FALSE;

              for (guint j = 0; ctx->root_foreign && ctx->root_foreign->attrs
                                && j < ctx->root_foreign->attrs->len; j++)
                {
                  JmForeignAttr *a = g_ptr_array_index (ctx->root_foreign->attrs, j);
                  if (g_strcmp0 (a->ns_uri, XMLNS_URI) == 0 && g_strcmp0 (a->name, local) == 0)
                    seen = TRUE;
                }
              if (!seen)
                jm_foreign_add_attr (&ctx->root_foreign, XMLNS_URI, "xmlns", local, value);
            }
          continue;
        }

      if (*ns == '\0')
        set_attribute (ctx, element, attrs, n, local, value);
      else if (strcmp (ns, JM_NAMESPACE) == 0)
        invalid (ctx, _("Unknown attribute “%s” on <%s>"), local, element);
      else
        jm_foreign_add_attr (foreign, ns, attr->prefix, local, value);
    }
}

static void
free_attributes (Attr  *attrs,
                 guint  n)
{
  for (guint i = 0; i < n; i++)
    attrs[i].value = NULL;
}

static const char *
required (Ctx        *ctx,
          const char *element,
          Attr       *attr)
{
  /* Present is enough: an empty name is a choice the writer may save. */
  if (attr->value == NULL)
    invalid (ctx, _("<%s> needs the attribute “%s”"), element, attr->name);
  return attr->value;
}

/* What ctx->ids keeps of an id's first use: its line, and whether it was
 * a card's (a map read only to be checked keeps no cards to find). */
#define ID_VALUE(line, card) GINT_TO_POINTER ((line) * 2 + ((card) ? 1 : 0))
#define ID_LINE(value)       (GPOINTER_TO_INT (value) / 2)
#define ID_IS_CARD(value)    ((GPOINTER_TO_INT (value) & 1) != 0)

static void
register_id (Ctx        *ctx,
             const char *element,
             const char *id)
{
  gpointer first;
  int line;

  if (id == NULL)
    return;

  if (!is_ncname (id))
    {
      invalid (ctx, _("“%s” is not a usable id for <%s>: ids start with a letter and contain only "
                      "letters, digits, “-”, “_” and “.” (at most 64)"), id, element);
      return;
    }

  first = g_hash_table_lookup (ctx->ids, id);
  if (first != NULL)
    {
      invalid (ctx, _("Two objects share the id “%s” (first used on line %d)"),
               id, ID_LINE (first));
      return;
    }
  line = current_line (ctx);
  g_hash_table_insert (ctx->ids, g_string_chunk_insert (ctx->strings, id),
                       ID_VALUE (MAX (line, 1), strcmp (element, "card") == 0));
}

/* Whether the map has a card of this id: the document knows, unless the
 * map is only being checked. */
static gboolean
has_card (Ctx        *ctx,
          const char *id)
{
  gpointer value;

  if (!ctx->lean)
    return jm_document_find_card (ctx->doc, id, NULL) != NULL;
  value = g_hash_table_lookup (ctx->ids, id);
  return value != NULL && ID_IS_CARD (value);
}

/* Stages and personas come before the lanes and emotions that refer to
 * them, so a reference nearly always finds what it names at once (cards
 * come in step order, mostly: the last step found answers most); only
 * the others wait for the end, when every id is known. */
static void
add_ref (Ctx        *ctx,
         RefKind     kind,
         const char *id,
         const char *owner)
{
  Ref ref;

  if (id == NULL)
    return;
  if (kind == REF_STEP)
    {
      const JmStep *step;

      if (ctx->step_found != NULL && strcmp (id, ctx->step_found) == 0)
        return;
      step = jm_document_find_step (ctx->doc, id);
      if (step != NULL)
        {
          ctx->step_found = step->id;
          return;
        }
    }
  else if (jm_document_find_persona (ctx->doc, id) != NULL)
    return;

  ref.id = g_string_chunk_insert_const (ctx->strings, id);
  ref.owner = owner != NULL ? g_string_chunk_insert (ctx->strings, owner) : NULL;
  ref.kind = kind;
  ref.line = current_line (ctx);
  g_array_append_val (ctx->refs, ref);
}

/* ---- walking the tree ---- */

/* The type of the node read_next() moved to. */
static int
node_type (Ctx *ctx)
{
  return ctx->type;
}

/* What the collected generic errors say went wrong: the text after the
 * first "error : ", up to the end of its line; NULL if nothing useful. */
static char *
generic_error_reason (Ctx *ctx)
{
  const char *start, *end;

  if (ctx->generic_error == NULL || (start = strstr (ctx->generic_error->str, "error : ")) == NULL)
    return NULL;
  start += strlen ("error : ");
  end = strchr (start, '\n');
  return g_strstrip (g_strndup (start, end ? (gsize) (end - start) : strlen (start)));
}

static gboolean
read_next (Ctx *ctx)
{
  int ret;

  if (ctx->fatal)
    return FALSE;

  ret = jm_xml_cursor_read (ctx->cursor);
  /* libxml2 has said why already. */
  if (ctx->fatal)
    return FALSE;
  ctx->type = ret > 0 ? jm_xml_cursor_type (ctx->cursor) : XML_READER_TYPE_NONE;
  if (ret < 0)
    {
      g_autofree char *reason = generic_error_reason (ctx);

      if (reason != NULL && *reason != '\0')
        problem (ctx, JM_IO_ERROR_MALFORMED, current_line (ctx), _("This is not well-formed XML: %s"), reason);
      else
        problem (ctx, JM_IO_ERROR_MALFORMED, current_line (ctx), _("This is not well-formed XML"));
      ctx->fatal = TRUE;
      return FALSE;
    }
  if (ret == 0)
    return FALSE;

  ctx->depth = jm_xml_cursor_depth (ctx->cursor);
  if (ctx->depth > JM_MAX_DEPTH)
    {
      problem (ctx, JM_IO_ERROR_INVALID, current_line (ctx),
               _("The file is nested more than %d levels deep"), JM_MAX_DEPTH);
      ctx->fatal = TRUE;
      return FALSE;
    }

  if (node_type (ctx) == XML_READER_TYPE_DOCUMENT_TYPE)
    {
      problem (ctx, JM_IO_ERROR_NOT_A_MAP, current_line (ctx),
               _("The file contains a document type declaration (<!DOCTYPE>), which journey maps "
                 "never have; it was not read, for safety"));
      ctx->fatal = TRUE;
      return FALSE;
    }

  return TRUE;
}

static void
skip_element (Ctx *ctx)
{
  int depth;

  if (jm_xml_cursor_is_empty (ctx->cursor))
    return;

  depth = jm_xml_cursor_depth (ctx->cursor);
  while (read_next (ctx))
    if (node_type (ctx) == XML_READER_TYPE_END_ELEMENT && ctx->depth == depth)
      return;
}

/* Whether the current element is in our namespace. */
static gboolean
is_ours (Ctx *ctx)
{
  const char *ns = jm_xml_cursor_namespace_uri (ctx->cursor);

  /* The parser interns namespaces: once ours is found, a pointer says it. */
  if (ns != NULL && ns == ctx->our_ns)
    return TRUE;
  if (ns == NULL || strcmp (ns, JM_NAMESPACE) != 0)
    return FALSE;
  ctx->our_ns = ns;
  return TRUE;
}

/* Keeps an element of another namespace as it is; refuses XInclude. */
static void
keep_foreign_element (Ctx        *ctx,
                      JmForeign **foreign)
{
  const char *ns = jm_xml_cursor_namespace_uri (ctx->cursor);
  gboolean too_large = FALSE;
  char *xml;

  if (g_strcmp0 (ns, XINCLUDE_URI) == 0 || g_strcmp0 (ns, XINCLUDE_URI_OLD) == 0)
    {
      invalid (ctx, _("The file tries to include another file (XInclude), which journey maps never do"));
      skip_element (ctx);
      return;
    }

  if (ns == NULL || *ns == '\0')
    {
      invalid (ctx, _("Unknown element <%s> outside the journey map namespace"),
               jm_xml_cursor_local_name (ctx->cursor));
      skip_element (ctx);
      return;
    }

  /* Past the limit, nothing more is kept: the map will not load. */
  if (ctx->foreign_full)
    {
      skip_element (ctx);
      return;
    }

  jm_xml_cursor_start_copy (ctx->cursor, JM_MAX_FOREIGN_BYTES - MIN (ctx->foreign_bytes, JM_MAX_FOREIGN_BYTES));
  skip_element (ctx);
  xml = jm_xml_cursor_end_copy (ctx->cursor, &too_large);
  if (too_large)
    {
      /* Translators: %d is a number of megabytes. */
      invalid (ctx, _("The elements of other namespaces in this file come to more than %d MB, the most a "
                      "map keeps of them"), JM_MAX_FOREIGN_BYTES / (1024 * 1024));
      ctx->foreign_full = TRUE;
    }
  if (xml != NULL)
    {
      ctx->foreign_bytes += strlen (xml);
      jm_foreign_add_element (foreign, xml);
    }
  g_free (xml);
}

/* Whether text is empty once stripped (g_strstrip() strips the same). */
static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* Moves to the next child element of the element at parent_depth. FALSE at
 * its end. Non-blank text between elements is a problem. */
static gboolean
next_child (Ctx *ctx,
            int  parent_depth)
{
  while (read_next (ctx))
    {
      int type = node_type (ctx);
      int depth = ctx->depth;

      if (type == XML_READER_TYPE_END_ELEMENT && depth == parent_depth)
        return FALSE;
      if (type == XML_READER_TYPE_ELEMENT && depth == parent_depth + 1)
        return TRUE;
      if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA) && depth == parent_depth + 1)
        {
          const char *value = jm_xml_cursor_value (ctx->cursor);

          if (!is_blank (value))
            {
              g_autofree char *stripped = g_strstrip (g_strdup (value));

              invalid (ctx, _("Unexpected text “%.40s” between elements"), stripped);
            }
        }
    }
  return FALSE;
}

/* The text content of the current element (which may have no children).
 * Nearly always one text node: its copy is the result, and a GString
 * gathers the text only when there are more. */
static char *
read_text (Ctx *ctx)
{
  g_autoptr(GString) text = NULL;
  g_autofree char *first = NULL;
  gsize len = 0;
  /* Freed with the reader, says libxml2, not on the next read. */
  const char *name = jm_xml_cursor_local_name (ctx->cursor);
  int depth;

  if (jm_xml_cursor_is_empty (ctx->cursor))
    return g_strdup ("");

  depth = jm_xml_cursor_depth (ctx->cursor);
  while (read_next (ctx))
    {
      int type = node_type (ctx);

      if (type == XML_READER_TYPE_END_ELEMENT && ctx->depth == depth)
        break;

      if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA
          || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || type == XML_READER_TYPE_WHITESPACE)
        {
          const char *value = jm_xml_cursor_value (ctx->cursor);

          if (value != NULL && first == NULL && text == NULL)
            {
              len = strlen (value);
              first = g_memdup2 (value, len + 1);
            }
          else if (value != NULL)
            {
              if (text == NULL)
                {
                  text = g_string_new (first);
                  g_clear_pointer (&first, g_free);
                }
              g_string_append (text, value);
              len = text->len;
            }
          if (len > JM_MAX_TEXT_BYTES)
            {
              invalid (ctx, _("The text of <%s> is longer than %d bytes"), name, JM_MAX_TEXT_BYTES);
              ctx->fatal = TRUE;
              return g_strdup ("");
            }
        }
      else if (type == XML_READER_TYPE_ELEMENT)
        {
          invalid (ctx, _("<%s> may only contain text, not <%s>"), name,
                   jm_xml_cursor_local_name (ctx->cursor));
          skip_element (ctx);
        }
    }

  if (text != NULL)
    return g_string_free (g_steal_pointer (&text), FALSE);
  return first != NULL ? g_steal_pointer (&first) : g_strdup ("");
}

static GBytes *
read_image (Ctx        *ctx,
            const char *element,
            char      **type_out)
{
  Attr attrs[] = { { "type" } };
  JmForeign *foreign = NULL;
  g_autofree char *text = NULL;
  g_autofree guchar *data = NULL;
  gsize len = 0;
  g_autofree char *type = NULL;
  static const guchar png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  static const guchar jpeg[] = { 0xff, 0xd8, 0xff };

  read_attributes (ctx, element, attrs, G_N_ELEMENTS (attrs), &foreign);
  jm_foreign_free (foreign);
  /* Reading the text moves the cursor on, and the attribute with it. */
  type = g_strdup (attrs[0].value ? attrs[0].value : "image/png");
  free_attributes (attrs, G_N_ELEMENTS (attrs));
  text = read_text (ctx);

  if (g_strcmp0 (type, "image/png") != 0 && g_strcmp0 (type, "image/jpeg") != 0)
    {
      invalid (ctx, _("The <%s> is of type “%s”; only image/png and image/jpeg are allowed"),
               element, type);
      return NULL;
    }

  g_strstrip (text);
  if ((strlen (text) / 4) * 3 > JM_MAX_IMAGE_BYTES + 3)
    {
      invalid (ctx, _("The <%s> is larger than %d MB"), element, JM_MAX_IMAGE_BYTES / (1024 * 1024));
      return NULL;
    }

  for (const char *p = text; *p; p++)
    {
      if (!(g_ascii_isalnum (*p) || *p == '+' || *p == '/' || *p == '=' || g_ascii_isspace (*p)))
        {
          invalid (ctx, _("The <%s> is not valid base64 data"), element);
          return NULL;
        }
    }

  data = g_base64_decode (text, &len);
  if (!((g_strcmp0 (type, "image/png") == 0 && len >= sizeof png && memcmp (data, png, sizeof png) == 0)
        || (g_strcmp0 (type, "image/jpeg") == 0 && len >= sizeof jpeg && memcmp (data, jpeg, sizeof jpeg) == 0)))
    {
      invalid (ctx, _("The <%s> does not hold a %s image"), element,
               g_strcmp0 (type, "image/png") == 0 ? "PNG" : "JPEG");
      return NULL;
    }

  *type_out = g_steal_pointer (&type);
  return g_bytes_new_take (g_steal_pointer (&data), len);
}

/* ---- elements ---- */

static JmMetric *
read_metric (Ctx *ctx)
{
  enum { ID, KIND, NAME, UNIT, BETTER, VALUE, TARGET, SAMPLE, DATE, N };
  Attr attrs[N] = {
    { "id" }, { "kind" }, { "name" }, { "unit" }, { "better" }, { "value" },
    { "target" }, { "sample-size" }, { "date" },
  };
  JmForeign *foreign = NULL;
  JmMetric *metric;
  JmMetricKind kind = JM_METRIC_CUSTOM;
  double value = 0;
  g_autoptr(GError) error = NULL;
  int depth = jm_xml_cursor_depth (ctx->cursor);

  read_attributes (ctx, "metric", attrs, N, &foreign);
  required (ctx, "metric", &attrs[ID]);
  register_id (ctx, "metric", attrs[ID].value);

  if (required (ctx, "metric", &attrs[KIND]) && !jm_metric_kind_from_string (attrs[KIND].value, &kind))
    invalid (ctx, _("“%s” is not a kind of metric: use csat, nps, ces, retention, conversion or custom"),
             attrs[KIND].value);

  if (required (ctx, "metric", &attrs[VALUE]) && !parse_number (attrs[VALUE].value, &value))
    invalid (ctx, _("The value “%s” of a metric is not a number"), attrs[VALUE].value);

  metric = jm_metric_new (attrs[ID].value, kind, value);
  metric->foreign = foreign;

  if (kind == JM_METRIC_CUSTOM)
    {
      metric->name = g_strdup (attrs[NAME].value);
      metric->unit = g_strdup (attrs[UNIT].value);
      if (attrs[BETTER].value != NULL)
        {
          if (g_str_equal (attrs[BETTER].value, "lower"))
            metric->higher_is_better = FALSE;
          else if (!g_str_equal (attrs[BETTER].value, "higher"))
            invalid (ctx, _("“better” must be “higher” or “lower”, not “%s”"), attrs[BETTER].value);
        }
    }
  else if (attrs[NAME].value || attrs[UNIT].value || attrs[BETTER].value)
    {
      invalid (ctx, _("Only custom metrics have a name, a unit or a direction"));
    }

  if (attrs[TARGET].value != NULL)
    {
      if (parse_number (attrs[TARGET].value, &metric->target))
        metric->has_target = TRUE;
      else
        invalid (ctx, _("The target “%s” of a metric is not a number"), attrs[TARGET].value);
    }

  if (attrs[SAMPLE].value != NULL && !parse_uint (attrs[SAMPLE].value, G_MAXINT32, &metric->sample_size))
    invalid (ctx, _("The sample size “%s” is not a whole number"), attrs[SAMPLE].value);

  if (attrs[DATE].value != NULL)
    {
      if (jm_date_is_valid (attrs[DATE].value))
        metric->date = g_strdup (attrs[DATE].value);
      else
        invalid (ctx, _("“%s” is not a date: write it as YYYY-MM-DD"), attrs[DATE].value);
    }

  if (!jm_metric_validate (metric, &error))
    invalid (ctx, "%s", error->message);

  free_attributes (attrs, N);

  if (!jm_xml_cursor_is_empty (ctx->cursor))
    while (next_child (ctx, depth))
      {
        if (is_ours (ctx))
          {
            invalid (ctx, _("Unknown element <%s> in <metric>"),
                     jm_xml_cursor_local_name (ctx->cursor));
            skip_element (ctx);
          }
        else
          keep_foreign_element (ctx, &metric->foreign);
      }

  return metric;
}

static char **
strv_append (char **strv,
             char  *item)
{
  guint n = strv ? g_strv_length (strv) : 0;

  strv = g_renew (char *, strv, n + 2);
  strv[n] = item;
  strv[n + 1] = NULL;
  return strv;
}

static void
read_persona (Ctx *ctx)
{
  enum { ID, NAME, AGE, COLOR, N };
  Attr attrs[N] = { { "id" }, { "name" }, { "age" }, { "color" } };
  JmForeign *foreign = NULL;
  JmPersona *persona;
  int depth = jm_xml_cursor_depth (ctx->cursor);
  int last_order = 0;

  read_attributes (ctx, "persona", attrs, N, &foreign);
  required (ctx, "persona", &attrs[ID]);
  required (ctx, "persona", &attrs[NAME]);
  register_id (ctx, "persona", attrs[ID].value);

  persona = jm_persona_new (attrs[ID].value, attrs[NAME].value);
  persona->foreign = foreign;

  if (attrs[AGE].value != NULL && (!parse_uint (attrs[AGE].value, 150, &persona->age) || persona->age == 0))
    {
      invalid (ctx, _("The age “%s” must be a whole number from 1 to 150"), attrs[AGE].value);
      persona->age = 0;
    }
  if (attrs[COLOR].value != NULL)
    {
      if (is_color (attrs[COLOR].value))
        persona->color = g_strdup (attrs[COLOR].value);
      else
        invalid (ctx, _("“%s” is not a colour: write it as #rrggbb"), attrs[COLOR].value);
    }
  free_attributes (attrs, N);

  if (!jm_xml_cursor_is_empty (ctx->cursor))
    while (next_child (ctx, depth))
      {
        static const char *order[] = {
          "occupation", "bio", "quote", "goal", "need", "frustration", "interest", "channel", "photo"
        };
        const char *name = jm_xml_cursor_local_name (ctx->cursor);
        int position = 0;

        if (!is_ours (ctx))
          {
            keep_foreign_element (ctx, &persona->foreign);
            continue;
          }

        for (guint i = 0; i < G_N_ELEMENTS (order); i++)
          if (g_str_equal (order[i], name))
            position = (int) i + 1;

        if (position == 0)
          {
            invalid (ctx, _("Unknown element <%s> in <persona>"), name);
            skip_element (ctx);
            continue;
          }
        if (position < last_order)
          invalid (ctx, _("<%s> comes too late in <persona>: the order is occupation, bio, quote, "
                          "goals, needs, frustrations, interests, channels, photo"), name);
        else if (position == last_order && (position <= 3 || position == 9))
          invalid (ctx, _("<%s> may appear only once in <persona>"), name);
        last_order = position;

        if (g_str_equal (name, "occupation"))
          {
            g_free (persona->occupation);
            persona->occupation = read_text (ctx);
          }
        else if (g_str_equal (name, "bio"))
          {
            g_free (persona->bio);
            persona->bio = read_text (ctx);
          }
        else if (g_str_equal (name, "quote"))
          {
            g_free (persona->quote);
            persona->quote = read_text (ctx);
          }
        else if (g_str_equal (name, "goal"))
          persona->goals = strv_append (persona->goals, read_text (ctx));
        else if (g_str_equal (name, "need"))
          persona->needs = strv_append (persona->needs, read_text (ctx));
        else if (g_str_equal (name, "frustration"))
          persona->frustrations = strv_append (persona->frustrations, read_text (ctx));
        else if (g_str_equal (name, "interest"))
          persona->interests = strv_append (persona->interests, read_text (ctx));
        else if (g_str_equal (name, "channel"))
          {
            g_autofree char *text = read_text (ctx);
            JmChannel channel;

            if (jm_channel_from_string (text, &channel) && channel != JM_CHANNEL_NONE)
              g_array_append_val (persona->channels, channel);
            else
              invalid (ctx, _("“%s” is not a channel"), text);
          }
        else
          {
            g_clear_pointer (&persona->photo, g_bytes_unref);
            g_clear_pointer (&persona->photo_type, g_free);
            persona->photo = read_image (ctx, "photo", &persona->photo_type);
          }
      }

  jm_document_build_persona (ctx->doc, persona);
}

static void
read_stage (Ctx *ctx)
{
  enum { ID, NAME, COLOR, N };
  Attr attrs[N] = { { "id" }, { "name" }, { "color" } };
  JmForeign *foreign = NULL;
  JmStage *stage;
  int depth = jm_xml_cursor_depth (ctx->cursor);
  int line = current_line (ctx);

  read_attributes (ctx, "stage", attrs, N, &foreign);
  required (ctx, "stage", &attrs[ID]);
  required (ctx, "stage", &attrs[NAME]);
  register_id (ctx, "stage", attrs[ID].value);

  stage = jm_stage_new (attrs[ID].value, attrs[NAME].value);
  stage->foreign = foreign;
  if (attrs[COLOR].value != NULL)
    {
      if (is_color (attrs[COLOR].value))
        stage->color = g_strdup (attrs[COLOR].value);
      else
        invalid (ctx, _("“%s” is not a colour: write it as #rrggbb"), attrs[COLOR].value);
    }
  free_attributes (attrs, N);

  if (!jm_xml_cursor_is_empty (ctx->cursor))
    while (next_child (ctx, depth))
      {
        const char *name = jm_xml_cursor_local_name (ctx->cursor);

        if (!is_ours (ctx))
          keep_foreign_element (ctx, &stage->foreign);
        else if (g_str_equal (name, "notes"))
          {
            g_free (stage->notes);
            stage->notes = read_text (ctx);
          }
        else if (g_str_equal (name, "step"))
          {
            Attr step_attrs[] = { { "id" }, { "name" } };
            JmForeign *step_foreign = NULL;
            JmStep *step;
            int step_depth = jm_xml_cursor_depth (ctx->cursor);

            read_attributes (ctx, "step", step_attrs, 2, &step_foreign);
            required (ctx, "step", &step_attrs[0]);
            register_id (ctx, "step", step_attrs[0].value);
            step = jm_step_new (step_attrs[0].value, step_attrs[1].value);
            step->foreign = step_foreign;
            free_attributes (step_attrs, 2);
            if (!jm_xml_cursor_is_empty (ctx->cursor))
              while (next_child (ctx, step_depth))
                {
                  if (is_ours (ctx))
                    {
                      invalid (ctx, _("Unknown element <%s> in <step>"),
                               jm_xml_cursor_local_name (ctx->cursor));
                      skip_element (ctx);
                    }
                  else
                    keep_foreign_element (ctx, &step->foreign);
                }
            g_ptr_array_add (stage->steps, step);
          }
        else if (g_str_equal (name, "metric"))
          g_ptr_array_add (stage->metrics, read_metric (ctx));
        else
          {
            invalid (ctx, _("Unknown element <%s> in <stage>"), name);
            skip_element (ctx);
          }
      }

  /* Unless reading stopped before its steps. */
  if (stage->steps->len == 0 && !ctx->fatal)
    problem (ctx, JM_IO_ERROR_INVALID, line, _("Stage “%s” has no steps: every stage needs at least one"),
             stage->name);

  jm_document_build_stage (ctx->doc, stage);
}

static JmCard *
read_card (Ctx        *ctx,
           JmLaneKind  kind)
{
  enum { ID, STEP, SPAN, CHANNEL, MOT, SEVERITY, PRIORITY, OWNER, EVIDENCE, PERSONAS, N };
  Attr attrs[N] = {
    { "id" }, { "step" }, { "span" }, { "channel" }, { "moment-of-truth" }, { "severity" },
    { "priority" }, { "owner" }, { "evidence" }, { "personas" },
  };
  JmForeign *foreign = NULL;
  JmCard *card;
  int depth = jm_xml_cursor_depth (ctx->cursor);

  read_attributes (ctx, "card", attrs, N, &foreign);
  required (ctx, "card", &attrs[ID]);
  required (ctx, "card", &attrs[STEP]);
  register_id (ctx, "card", attrs[ID].value);

  card = jm_card_new (attrs[ID].value, attrs[STEP].value, NULL);
  card->foreign = foreign;
  add_ref (ctx, REF_STEP, card->step_id, card->id);

  if (attrs[SPAN].value != NULL && (!parse_uint (attrs[SPAN].value, 10000, &card->span) || card->span == 0))
    {
      invalid (ctx, _("The span “%s” must be a whole number of steps, at least 1"), attrs[SPAN].value);
      card->span = 1;
    }
  if (card->span > 1 && attrs[STEP].value != NULL)
    {
      SpanUse *use = g_new0 (SpanUse, 1);

      use->card_id = g_strdup (attrs[ID].value);
      use->step_id = g_strdup (attrs[STEP].value);
      use->span = card->span;
      use->line = current_line (ctx);
      g_ptr_array_add (ctx->span_uses, use);
    }

  if (attrs[CHANNEL].value != NULL
      && (!jm_channel_from_string (attrs[CHANNEL].value, &card->channel) || card->channel == JM_CHANNEL_NONE))
    invalid (ctx, _("“%s” is not a channel: use website, app, store, phone, email, chat, social, ads, "
                    "delivery, packaging, word-of-mouth or other"), attrs[CHANNEL].value);

  if (attrs[MOT].value != NULL)
    {
      if (g_str_equal (attrs[MOT].value, "true"))
        card->moment_of_truth = TRUE;
      else if (!g_str_equal (attrs[MOT].value, "false"))
        invalid (ctx, _("“moment-of-truth” must be “true” or “false”"));
    }

  if (attrs[SEVERITY].value != NULL
      && (!jm_severity_from_string (attrs[SEVERITY].value, &card->severity) || card->severity == JM_SEVERITY_NONE))
    invalid (ctx, _("“%s” is not a severity: use low, medium, high or critical"), attrs[SEVERITY].value);

  if (attrs[PRIORITY].value != NULL
      && (!jm_priority_from_string (attrs[PRIORITY].value, &card->priority) || card->priority == JM_PRIORITY_NONE))
    invalid (ctx, _("“%s” is not a priority: use low, medium or high"), attrs[PRIORITY].value);

  card->owner = g_strdup (attrs[OWNER].value);

  if (attrs[EVIDENCE].value != NULL
      && (!jm_evidence_from_string (attrs[EVIDENCE].value, &card->evidence) || card->evidence == JM_EVIDENCE_NONE))
    invalid (ctx, _("“%s” is not an evidence level: use assumption, partial or research"),
             attrs[EVIDENCE].value);

  if (attrs[PERSONAS].value != NULL)
    {
      g_auto(GStrv) ids = g_strsplit_set (attrs[PERSONAS].value, " \t\n", -1);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; ids[i] != NULL; i++)
        if (*ids[i] != '\0')
          g_strv_builder_add (builder, ids[i]);
      card->personas = g_strv_builder_end (builder);
      for (guint i = 0; card->personas[i] != NULL; i++)
        add_ref (ctx, REF_PERSONA, card->personas[i], card->id);
      if (card->personas[0] == NULL)
        g_clear_pointer (&card->personas, g_strfreev);
    }
  free_attributes (attrs, N);

  if (!jm_xml_cursor_is_empty (ctx->cursor))
    while (next_child (ctx, depth))
      {
        const char *name = jm_xml_cursor_local_name (ctx->cursor);

        if (!is_ours (ctx))
          keep_foreign_element (ctx, &card->foreign);
        else if (g_str_equal (name, "text"))
          {
            g_free (card->text);
            card->text = read_text (ctx);
          }
        else if (g_str_equal (name, "image"))
          {
            g_clear_pointer (&card->image, g_bytes_unref);
            g_clear_pointer (&card->image_type, g_free);
            card->image = read_image (ctx, "image", &card->image_type);
          }
        else if (g_str_equal (name, "metric"))
          g_ptr_array_add (card->metrics, read_metric (ctx));
        else
          {
            invalid (ctx, _("Unknown element <%s> in <card>"), name);
            skip_element (ctx);
          }
      }

  return card;
}

static void
read_lane (Ctx *ctx)
{
  enum { ID, KIND, TITLE, N };
  Attr attrs[N] = { { "id" }, { "kind" }, { "title" } };
  JmForeign *foreign = NULL;
  JmLaneKind kind = JM_LANE_TEXT;
  JmLane *lane;
  int depth = jm_xml_cursor_depth (ctx->cursor);

  read_attributes (ctx, "lane", attrs, N, &foreign);
  required (ctx, "lane", &attrs[ID]);
  required (ctx, "lane", &attrs[TITLE]);
  register_id (ctx, "lane", attrs[ID].value);
  if (required (ctx, "lane", &attrs[KIND]) && !jm_lane_kind_from_string (attrs[KIND].value, &kind))
    invalid (ctx, _("“%s” is not a kind of lane: use text, touchpoints, emotions, pain-points, "
                    "opportunities, metrics, backstage or images"), attrs[KIND].value);

  lane = jm_lane_new (attrs[ID].value, kind, attrs[TITLE].value);
  lane->foreign = foreign;
  free_attributes (attrs, N);

  if (!jm_xml_cursor_is_empty (ctx->cursor))
    while (next_child (ctx, depth))
      {
        const char *name = jm_xml_cursor_local_name (ctx->cursor);

        if (!is_ours (ctx))
          keep_foreign_element (ctx, &lane->foreign);
        else if (g_str_equal (name, "card"))
          {
            JmCard *card = read_card (ctx, kind);

            if (ctx->lean)
              jm_card_free (card);
            else
              g_ptr_array_add (lane->cards, card);
          }
        else
          {
            invalid (ctx, _("Unknown element <%s> in <lane>"), name);
            skip_element (ctx);
          }
      }

  jm_document_build_lane (ctx->doc, lane);
}

static void
read_emotion (Ctx *ctx)
{
  enum { PERSONA, STEP, CURVE, SCORE, N };
  Attr attrs[N] = { { "persona" }, { "step" }, { "curve" }, { "score" } };
  JmForeign *foreign = NULL;
  JmMapState curve = JM_MAP_STATE_CURRENT;
  double score = 0;
  gboolean ok = TRUE;

  read_attributes (ctx, "emotion", attrs, N, &foreign);
  jm_foreign_free (foreign);
  ok &= required (ctx, "emotion", &attrs[PERSONA]) != NULL;
  ok &= required (ctx, "emotion", &attrs[STEP]) != NULL;

  if (attrs[CURVE].value != NULL && !jm_map_state_from_string (attrs[CURVE].value, &curve))
    {
      invalid (ctx, _("“%s” is not a curve: use current or future"), attrs[CURVE].value);
      ok = FALSE;
    }

  if (required (ctx, "emotion", &attrs[SCORE]) == NULL)
    ok = FALSE;
  else if (!parse_number (attrs[SCORE].value, &score) || score < JM_EMOTION_MIN || score > JM_EMOTION_MAX)
    {
      invalid (ctx, _("An emotion score must lie between −2 and 2, not “%s”"), attrs[SCORE].value);
      ok = FALSE;
    }

  if (ok)
    {
      g_autofree char *key = g_strdup_printf ("%s\n%s\n%d", attrs[PERSONA].value, attrs[STEP].value, curve);

      if (g_hash_table_contains (ctx->emotion_keys, key))
        invalid (ctx, _("Persona “%s” has two emotion scores for step “%s” on the same curve"),
                 attrs[PERSONA].value, attrs[STEP].value);
      else
        {
          JmEmotion *emotion = jm_emotion_new (attrs[PERSONA].value, attrs[STEP].value, curve, score);

          g_hash_table_add (ctx->emotion_keys, g_steal_pointer (&key));
          add_ref (ctx, REF_PERSONA, emotion->persona_id, NULL);
          add_ref (ctx, REF_STEP, emotion->step_id, NULL);
          jm_document_build_emotion (ctx->doc, emotion);
        }
    }

  free_attributes (attrs, N);
  skip_element (ctx);
}

/* <conflict>: a merge conflict, recorded until someone resolves it. Its
 * ids are not checked against the map's: the object may be gone since. */
static void
read_conflict (Ctx *ctx)
{
  enum { OBJECT, REF, STEP, CURVE, FIELD, DELETED_BY, N };
  Attr attrs[N] = { { "object" }, { "ref" }, { "step" }, { "curve" }, { "field" }, { "deleted-by" } };
  JmForeign *foreign = NULL;
  g_autoptr(JmConflict) conflict = NULL;
  JmKind kind = JM_KIND_MAP;
  JmMapState curve = JM_MAP_STATE_CURRENT;
  JmConflictSide deleted_by = JM_CONFLICT_SIDE_NONE;
  char **values[3] = { NULL, NULL, NULL };
  static const char *value_names[] = { "base", "ours", "theirs" };
  int depth = jm_xml_cursor_depth (ctx->cursor);
  gboolean ok = TRUE;

  read_attributes (ctx, "conflict", attrs, N, &foreign);
  jm_foreign_free (foreign);

  if (required (ctx, "conflict", &attrs[OBJECT]) == NULL)
    ok = FALSE;
  else if (!jm_kind_from_string (attrs[OBJECT].value, &kind))
    {
      invalid (ctx, _("“%s” is not a kind of object: use map, persona, stage, step, lane, card, metric or "
                      "emotion"), attrs[OBJECT].value);
      ok = FALSE;
    }
  if (attrs[REF].value != NULL && !is_ncname (attrs[REF].value))
    {
      invalid (ctx, _("“%s” is not an id"), attrs[REF].value);
      ok = FALSE;
    }
  if (attrs[STEP].value != NULL && !is_ncname (attrs[STEP].value))
    {
      invalid (ctx, _("“%s” is not an id"), attrs[STEP].value);
      ok = FALSE;
    }
  if (ok && kind != JM_KIND_MAP && attrs[REF].value == NULL)
    {
      invalid (ctx, _("<%s> needs the attribute “%s”"), "conflict", "ref");
      ok = FALSE;
    }
  if (ok && kind == JM_KIND_EMOTION && attrs[STEP].value == NULL)
    {
      invalid (ctx, _("<%s> needs the attribute “%s”"), "conflict", "step");
      ok = FALSE;
    }
  if (attrs[CURVE].value != NULL && !jm_map_state_from_string (attrs[CURVE].value, &curve))
    {
      invalid (ctx, _("“%s” is not a curve: use current or future"), attrs[CURVE].value);
      ok = FALSE;
    }
  if (attrs[DELETED_BY].value != NULL)
    {
      if (g_str_equal (attrs[DELETED_BY].value, "ours"))
        deleted_by = JM_CONFLICT_SIDE_OURS;
      else if (g_str_equal (attrs[DELETED_BY].value, "theirs"))
        deleted_by = JM_CONFLICT_SIDE_THEIRS;
      else
        {
          invalid (ctx, _("“deleted-by” must be “ours” or “theirs”, not “%s”"), attrs[DELETED_BY].value);
          ok = FALSE;
        }
    }
  if ((attrs[FIELD].value == NULL) == (deleted_by == JM_CONFLICT_SIDE_NONE))
    {
      invalid (ctx, _("A <conflict> has either a “field” or a “deleted-by”, and not both"));
      ok = FALSE;
    }
  if (attrs[FIELD].value != NULL && !is_ncname (attrs[FIELD].value))
    {
      invalid (ctx, _("“%s” is not the name of a field"), attrs[FIELD].value);
      ok = FALSE;
    }

  if (ok)
    {
      conflict = jm_conflict_new (kind, kind == JM_KIND_MAP ? NULL : attrs[REF].value, attrs[FIELD].value);
      conflict->step = g_strdup (kind == JM_KIND_EMOTION ? attrs[STEP].value : NULL);
      conflict->curve = curve;
      conflict->deleted_by = deleted_by;
      jm_conflict_update_key (conflict);
      values[0] = &conflict->base;
      values[1] = &conflict->ours;
      values[2] = &conflict->theirs;
    }
  free_attributes (attrs, N);

  if (!jm_xml_cursor_is_empty (ctx->cursor))
    while (next_child (ctx, depth))
      {
        const char *name = jm_xml_cursor_local_name (ctx->cursor);
        int which = -1;

        for (guint i = 0; i < G_N_ELEMENTS (value_names); i++)
          if (is_ours (ctx) && g_str_equal (name, value_names[i]))
            which = (int) i;

        if (which < 0)
          {
            invalid (ctx, _("Unknown element <%s> in <conflict>"), name);
            skip_element (ctx);
          }
        else if (conflict != NULL && deleted_by != JM_CONFLICT_SIDE_NONE)
          {
            invalid (ctx, _("A <conflict> about a deleted object has no <%s>"), name);
            skip_element (ctx);
          }
        else if (conflict != NULL && *values[which] != NULL)
          {
            invalid (ctx, _("<%s> may appear only once in <conflict>"), name);
            skip_element (ctx);
          }
        else if (conflict != NULL)
          *values[which] = read_text (ctx);
        else
          skip_element (ctx);
      }

  if (conflict != NULL)
    {
      if (jm_document_find_conflict (ctx->doc, conflict->key) != NULL)
        invalid (ctx, _("Two conflicts are about the same field of the same object"));
      else
        jm_document_build_conflict (ctx->doc, g_steal_pointer (&conflict));
    }
}

/* A survey's field. Surveys come after the lanes and emotions: the cards,
 * stages and lanes it names are all known when it is read. */
static JmSurveyField *
read_survey_field (Ctx *ctx)
{
  enum { HEADER, CARD, STAGE, LANE, STEP, METRIC, NAME, N };
  Attr attrs[N] = {
    { "header" }, { "card" }, { "stage" }, { "lane" }, { "step" }, { "metric" }, { "name" },
  };
  JmSurveyField *field;
  JmForeign *foreign = NULL;
  guint targets;
  int depth = jm_xml_cursor_depth (ctx->cursor);

  read_attributes (ctx, "field", attrs, N, &foreign);
  required (ctx, "field", &attrs[HEADER]);
  field = jm_survey_field_new (attrs[HEADER].value);
  field->foreign = foreign;

  targets = (attrs[CARD].value != NULL) + (attrs[STAGE].value != NULL) + (attrs[LANE].value != NULL);
  if (targets > 1)
    invalid (ctx, _("A survey field goes to one card, one stage or one lane, not to several"));
  else if (attrs[CARD].value != NULL || attrs[STAGE].value != NULL)
    {
      gboolean card = attrs[CARD].value != NULL;
      const char *id = card ? attrs[CARD].value : attrs[STAGE].value;

      if (card && !has_card (ctx, id))
        invalid (ctx, _("A survey field refers to card “%s”, which does not exist"), id);
      else if (!card && jm_document_find_stage (ctx->doc, id) == NULL)
        invalid (ctx, _("A survey field refers to stage “%s”, which does not exist"), id);
      field->target = card ? JM_SURVEY_TARGET_CARD : JM_SURVEY_TARGET_STAGE;
      field->target_id = g_strdup (id);
      if (required (ctx, "field", &attrs[METRIC]) != NULL
          && (!jm_metric_kind_from_string (attrs[METRIC].value, &field->kind)
              || field->kind == JM_METRIC_RETENTION || field->kind == JM_METRIC_CONVERSION))
        invalid (ctx, _("“%s” is not a metric survey answers give: use nps, csat, ces or custom"),
                 attrs[METRIC].value);
      field->name = g_strdup (attrs[NAME].value);
    }
  else if (attrs[LANE].value != NULL)
    {
      JmLane *lane = jm_document_find_lane (ctx->doc, attrs[LANE].value);

      if (lane == NULL)
        invalid (ctx, _("A survey field refers to lane “%s”, which does not exist"), attrs[LANE].value);
      if (required (ctx, "field", &attrs[STEP]) != NULL
          && jm_document_find_step (ctx->doc, attrs[STEP].value) == NULL)
        invalid (ctx, _("A survey field refers to step “%s”, which does not exist"), attrs[STEP].value);
      field->target = JM_SURVEY_TARGET_VERBATIMS;
      field->target_id = g_strdup (attrs[LANE].value);
      field->step_id = g_strdup (attrs[STEP].value);
    }
  if (targets == 0 && (attrs[METRIC].value != NULL || attrs[STEP].value != NULL || attrs[NAME].value != NULL))
    invalid (ctx, _("A survey field with a metric or a step needs a card, a stage or a lane"));
  free_attributes (attrs, N);

  if (!jm_xml_cursor_is_empty (ctx->cursor))
    while (next_child (ctx, depth))
      {
        if (is_ours (ctx))
          {
            invalid (ctx, _("Unknown element <%s> in <%s>"), jm_xml_cursor_local_name (ctx->cursor), "field");
            skip_element (ctx);
          }
        else
          keep_foreign_element (ctx, &field->foreign);
      }
  return field;
}

static void
read_survey (Ctx *ctx)
{
  enum { ID, NAME, LAYOUT, N };
  Attr attrs[N] = { { "id" }, { "name" }, { "layout" } };
  JmForeign *foreign = NULL;
  JmSurvey *survey;
  int depth = jm_xml_cursor_depth (ctx->cursor);

  read_attributes (ctx, "survey", attrs, N, &foreign);
  required (ctx, "survey", &attrs[ID]);
  register_id (ctx, "survey", attrs[ID].value);
  survey = jm_survey_new (attrs[ID].value, attrs[NAME].value);
  survey->layout = g_strdup (attrs[LAYOUT].value);
  survey->foreign = foreign;
  free_attributes (attrs, N);

  if (!jm_xml_cursor_is_empty (ctx->cursor))
    while (next_child (ctx, depth))
      {
        if (!is_ours (ctx))
          keep_foreign_element (ctx, &survey->foreign);
        else if (g_str_equal (jm_xml_cursor_local_name (ctx->cursor), "field"))
          {
            JmSurveyField *field = read_survey_field (ctx);

            if (jm_survey_find_field (survey, field->header) != NULL)
              invalid (ctx, _("Survey “%s” has two fields for the column “%s”"), survey->id, field->header);
            g_ptr_array_add (survey->fields, field);
          }
        else
          {
            invalid (ctx, _("Unknown element <%s> in <%s>"), jm_xml_cursor_local_name (ctx->cursor), "survey");
            skip_element (ctx);
          }
      }
  jm_document_build_survey (ctx->doc, survey);
}

/* <lane ref> or <persona ref> in a <view>: the id, or NULL when it is
 * wrong (said with its line). Lanes and personas come before views. */
static char *
read_view_ref (Ctx        *ctx,
               gboolean    lane,
               GPtrArray  *seen)
{
  Attr attrs[1] = { { "ref" } };
  JmForeign *ignored = NULL;
  const char *element = lane ? "lane" : "persona";
  char *id = NULL;

  read_attributes (ctx, element, attrs, 1, &ignored);
  jm_foreign_free (ignored);
  if (required (ctx, element, &attrs[0]) != NULL)
    {
      const char *ref = attrs[0].value;

      if (lane ? jm_document_find_lane (ctx->doc, ref) == NULL : jm_document_find_persona (ctx->doc, ref) == NULL)
        invalid (ctx, lane ? _("A view refers to lane “%s”, which does not exist")
                           : _("A view refers to persona “%s”, which does not exist"), ref);
      else if (g_ptr_array_find_with_equal_func (seen, ref, g_str_equal, NULL))
        invalid (ctx, _("A view names “%s” twice"), ref);
      else
        id = g_strdup (ref);
    }
  free_attributes (attrs, 1);
  skip_element (ctx);
  return id;
}

/* <view>: a named choice of lanes, personas and curves. */
static void
read_view (Ctx *ctx)
{
  enum { ID, NAME, STATES, N };
  Attr attrs[N] = { { "id" }, { "name" }, { "states" } };
  JmForeign *foreign = NULL;
  g_autoptr(GPtrArray) lanes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) personas = g_ptr_array_new_with_free_func (g_free);
  JmMapView *view;
  int depth = jm_xml_cursor_depth (ctx->cursor);

  read_attributes (ctx, "view", attrs, N, &foreign);
  required (ctx, "view", &attrs[ID]);
  required (ctx, "view", &attrs[NAME]);
  register_id (ctx, "view", attrs[ID].value);
  view = jm_map_view_new (attrs[ID].value, attrs[NAME].value);
  view->foreign = foreign;
  if (attrs[STATES].value != NULL && !jm_view_states_from_string (attrs[STATES].value, &view->states))
    invalid (ctx, _("“%s” is not a choice of curves: use current, future or both"), attrs[STATES].value);
  /* Views are chosen by name (--view=NAME): one name, one view. */
  for (guint i = 0; attrs[NAME].value != NULL && i < jm_document_get_views (ctx->doc)->len; i++)
    if (g_strcmp0 (((JmMapView *) g_ptr_array_index (jm_document_get_views (ctx->doc), i))->name,
                   attrs[NAME].value) == 0)
      invalid (ctx, _("Two views are called “%s”"), attrs[NAME].value);
  free_attributes (attrs, N);

  if (!jm_xml_cursor_is_empty (ctx->cursor))
    while (next_child (ctx, depth))
      {
        const char *name = jm_xml_cursor_local_name (ctx->cursor);

        if (!is_ours (ctx))
          keep_foreign_element (ctx, &view->foreign);
        else if (g_str_equal (name, "lane") || g_str_equal (name, "persona"))
          {
            gboolean lane = g_str_equal (name, "lane");
            GPtrArray *ids = lane ? lanes : personas;
            char *id = read_view_ref (ctx, lane, ids);

            if (id != NULL)
              g_ptr_array_add (ids, id);
          }
        else
          {
            invalid (ctx, _("Unknown element <%s> in <%s>"), name, "view");
            skip_element (ctx);
          }
      }

  /* None named: all of them. */
  if (lanes->len > 0)
    {
      g_ptr_array_add (lanes, NULL);
      view->lanes = (char **) g_ptr_array_steal (lanes, NULL);
    }
  if (personas->len > 0)
    {
      g_ptr_array_add (personas, NULL);
      view->personas = (char **) g_ptr_array_steal (personas, NULL);
    }
  jm_document_build_view (ctx->doc, view);
}

/* Reads the children of a container (<personas>, <stages>, <lanes>,
 * <emotions>, <surveys>, <conflicts>), each of which must be `child`. */
static void
read_container (Ctx        *ctx,
                const char *child,
                void      (*read) (Ctx *ctx))
{
  int depth = jm_xml_cursor_depth (ctx->cursor);
  const char *container = jm_xml_cursor_local_name (ctx->cursor);
  g_autofree char *name = g_strdup (container);
  JmForeign *ignored = NULL;

  if (jm_xml_cursor_n_attributes (ctx->cursor) > 0)
    read_attributes (ctx, name, NULL, 0, &ignored);
  jm_foreign_free (ignored);

  if (jm_xml_cursor_is_empty (ctx->cursor))
    return;

  while (next_child (ctx, depth))
    {
      if (is_ours (ctx) && g_str_equal (jm_xml_cursor_local_name (ctx->cursor), child))
        read (ctx);
      else if (!is_ours (ctx))
        keep_foreign_element (ctx, &ctx->root_foreign);
      else
        {
          invalid (ctx, _("Unknown element <%s> in <%s>"),
                   jm_xml_cursor_local_name (ctx->cursor), name);
          skip_element (ctx);
        }
    }
}

/* Upgrades from older format versions, one function per version, run in
 * order on files older than JM_FORMAT_VERSION. Version 1 is the first. */
typedef void (*Upgrade) (JmDocument *doc);
static const Upgrade upgrades[JM_FORMAT_VERSION] = { NULL };

/* The root's xml:lang, taken out of the attributes kept as foreign ones:
 * the map's language is the model's, written back by jm-writer.c. */
static char *
take_root_language (Ctx *ctx)
{
  GPtrArray *attrs = ctx->root_foreign != NULL ? ctx->root_foreign->attrs : NULL;

  for (guint i = 0; attrs != NULL && i < attrs->len; i++)
    {
      JmForeignAttr *a = g_ptr_array_index (attrs, i);
      char *language;

      if (g_strcmp0 (a->ns_uri, XML_URI) != 0 || g_strcmp0 (a->name, "lang") != 0)
        continue;
      language = g_steal_pointer (&a->value);
      g_ptr_array_remove_index (attrs, i);
      if (*language == '\0' || !jm_i18n_language_is_valid (language))
        {
          invalid (ctx, _("“%s” is not a language tag: use one like en or it"), language);
          g_clear_pointer (&language, g_free);
        }
      return language;
    }
  return NULL;
}

static void
read_root (Ctx *ctx)
{
  enum { VERSION, STATE, TOLERANCE, DETAILS, N };
  Attr attrs[N] = { { "format-version" }, { "state" }, { "metric-tolerance" }, { "persona-details" } };
  JmMapState state = JM_MAP_STATE_CURRENT;
  gboolean details = FALSE;
  double tolerance = JM_METRIC_TOLERANCE_DEFAULT;
  g_autofree char *title = NULL;
  g_autofree char *scenario = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *language = NULL;
  guint version = 0;
  int depth;
  int last = 0;
  gboolean has_stages = FALSE;

  /* The first element. */
  while (read_next (ctx) && node_type (ctx) != XML_READER_TYPE_ELEMENT)
    ;
  if (ctx->fatal)
    return;
  if (node_type (ctx) != XML_READER_TYPE_ELEMENT)
    {
      problem (ctx, JM_IO_ERROR_NOT_A_MAP, 0, _("The file is empty"));
      ctx->fatal = TRUE;
      return;
    }

  if (!g_str_equal (jm_xml_cursor_local_name (ctx->cursor), "journey-map"))
    {
      problem (ctx, JM_IO_ERROR_NOT_A_MAP, current_line (ctx),
               _("This is not a journey map: it is an XML file whose main element is <%s>"),
               jm_xml_cursor_local_name (ctx->cursor));
      ctx->fatal = TRUE;
      return;
    }
  if (!is_ours (ctx))
    {
      const char *ns = jm_xml_cursor_namespace_uri (ctx->cursor);

      problem (ctx, JM_IO_ERROR_NOT_A_MAP, current_line (ctx),
               _("This is not a journey map: <journey-map> is in the namespace “%s” instead of “%s”"),
               ns ? ns : "", JM_NAMESPACE);
      ctx->fatal = TRUE;
      return;
    }

  depth = jm_xml_cursor_depth (ctx->cursor);
  read_attributes (ctx, "journey-map", attrs, N, &ctx->root_foreign);

  if (attrs[VERSION].value == NULL || !parse_uint (attrs[VERSION].value, G_MAXINT32, &version) || version == 0)
    {
      problem (ctx, JM_IO_ERROR_NOT_A_MAP, current_line (ctx),
               _("The journey map has no valid format-version"));
      ctx->fatal = TRUE;
      free_attributes (attrs, N);
      return;
    }
  if (version > JM_FORMAT_VERSION)
    {
      problem (ctx, JM_IO_ERROR_NEWER_VERSION, current_line (ctx),
               _("This map was made by a newer version of Journey Maps (format %u); this version "
                 "reads up to format %d. Please update Journey Maps to open it."),
               version, JM_FORMAT_VERSION);
      ctx->fatal = TRUE;
      free_attributes (attrs, N);
      return;
    }
  if (attrs[STATE].value != NULL && !jm_map_state_from_string (attrs[STATE].value, &state))
    invalid (ctx, _("“%s” is not a map state: use current or future"), attrs[STATE].value);
  if (attrs[TOLERANCE].value != NULL
      && (!parse_number (attrs[TOLERANCE].value, &tolerance)
          || tolerance < JM_METRIC_TOLERANCE_MIN || tolerance > JM_METRIC_TOLERANCE_MAX))
    {
      /* Translators: metric-tolerance is an attribute name, keep it */
      invalid (ctx, _("metric-tolerance must be a percentage between 0 and 100, not “%s”"),
               attrs[TOLERANCE].value);
      tolerance = JM_METRIC_TOLERANCE_DEFAULT;
    }
  if (attrs[DETAILS].value != NULL)
    {
      if (g_str_equal (attrs[DETAILS].value, "true"))
        details = TRUE;
      else if (!g_str_equal (attrs[DETAILS].value, "false"))
        invalid (ctx, _("“persona-details” must be “true” or “false”"));
    }
  free_attributes (attrs, N);
  language = take_root_language (ctx);

  if (!jm_xml_cursor_is_empty (ctx->cursor))
    while (next_child (ctx, depth))
      {
        static const char *order[] = {
          "title", "scenario", "notes", "personas", "stages", "lanes", "emotions", "surveys", "conflicts",
          "views"
        };
        const char *name = jm_xml_cursor_local_name (ctx->cursor);
        int position = 0;

        if (!is_ours (ctx))
          {
            keep_foreign_element (ctx, &ctx->root_foreign);
            continue;
          }

        for (guint i = 0; i < G_N_ELEMENTS (order); i++)
          if (g_str_equal (order[i], name))
            position = (int) i + 1;

        if (position == 0)
          {
            invalid (ctx, _("Unknown element <%s> in <journey-map>"), name);
            skip_element (ctx);
            continue;
          }
        if (position <= last)
          invalid (ctx, _("<%s> is out of place: the order is title, scenario, notes, personas, stages, "
                          "lanes, emotions, surveys, conflicts, views, each at most once"), name);
        last = position;

        if (g_str_equal (name, "title"))
          {
            g_free (title);
            title = read_text (ctx);
          }
        else if (g_str_equal (name, "scenario"))
          {
            g_free (scenario);
            scenario = read_text (ctx);
          }
        else if (g_str_equal (name, "notes"))
          {
            g_free (notes);
            notes = read_text (ctx);
          }
        else if (g_str_equal (name, "personas"))
          read_container (ctx, "persona", read_persona);
        else if (g_str_equal (name, "stages"))
          {
            read_container (ctx, "stage", read_stage);
            has_stages = TRUE;
          }
        else if (g_str_equal (name, "lanes"))
          read_container (ctx, "lane", read_lane);
        else if (g_str_equal (name, "emotions"))
          read_container (ctx, "emotion", read_emotion);
        else if (g_str_equal (name, "surveys"))
          read_container (ctx, "survey", read_survey);
        else if (g_str_equal (name, "conflicts"))
          read_container (ctx, "conflict", read_conflict);
        else
          read_container (ctx, "view", read_view);
      }

  if (ctx->fatal)
    return;

  /* Anything after the root element is a well-formedness error libxml2 reports. */
  while (read_next (ctx))
    ;

  if (title == NULL)
    problem (ctx, JM_IO_ERROR_INVALID, 0, _("The map has no <title>"));
  if (!has_stages || jm_document_get_stages (ctx->doc)->len == 0)
    problem (ctx, JM_IO_ERROR_INVALID, 0, _("The map has no stages: it needs at least one"));

  jm_document_build_header (ctx->doc, title, scenario, notes, state);
  jm_document_build_metric_tolerance (ctx->doc, tolerance);
  jm_document_build_persona_details (ctx->doc, details);
  jm_document_build_language (ctx->doc, language);
  jm_document_build_foreign (ctx->doc, g_steal_pointer (&ctx->root_foreign));

  for (guint v = version; v < JM_FORMAT_VERSION; v++)
    if (upgrades[v] != NULL)
      upgrades[v] (ctx->doc);
}

/* References and spans, once every id is known. */
static void
check_references (Ctx *ctx)
{
  for (guint i = 0; i < ctx->refs->len; i++)
    {
      const Ref *ref = &g_array_index (ctx->refs, Ref, i);

      if (ref->kind == REF_STEP && jm_document_find_step (ctx->doc, ref->id) != NULL)
        continue;
      else if (ref->kind == REF_STEP)
        {
          if (ref->owner)
            problem (ctx, JM_IO_ERROR_INVALID, ref->line,
                     _("Card “%s” refers to step “%s”, which does not exist"), ref->owner, ref->id);
          else
            problem (ctx, JM_IO_ERROR_INVALID, ref->line,
                     _("An emotion score refers to step “%s”, which does not exist"), ref->id);
        }
      else if (ref->kind == REF_PERSONA && jm_document_find_persona (ctx->doc, ref->id) == NULL)
        {
          if (ref->owner)
            problem (ctx, JM_IO_ERROR_INVALID, ref->line,
                     _("Card “%s” refers to persona “%s”, which does not exist"), ref->owner, ref->id);
          else
            problem (ctx, JM_IO_ERROR_INVALID, ref->line,
                     _("An emotion score refers to persona “%s”, which does not exist"), ref->id);
        }
    }

  for (guint i = 0; i < ctx->span_uses->len; i++)
    {
      SpanUse *use = g_ptr_array_index (ctx->span_uses, i);
      int column = jm_document_get_step_column (ctx->doc, use->step_id);

      if (column >= 0 && column + use->span > jm_document_get_n_steps (ctx->doc))
        problem (ctx, JM_IO_ERROR_INVALID, use->line,
                 _("Card “%s” spans %u steps from “%s”, past the last step of the map"),
                 use->card_id, use->span, use->step_id);
    }
}

static void
ctx_init (Ctx        *ctx,
          const char *display_name)
{
  memset (ctx, 0, sizeof *ctx);
  ctx->name = display_name;
  ctx->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_problem_free);
  ctx->strings = g_string_chunk_new (16 * 1024);
  ctx->ids = g_hash_table_new (g_str_hash, g_str_equal);
  ctx->refs = g_array_new (FALSE, FALSE, sizeof (Ref));
  ctx->span_uses = g_ptr_array_new_with_free_func (span_use_free);
  ctx->emotion_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx->doc = jm_document_new ();
}

static void
ctx_clear (Ctx *ctx)
{
  g_clear_object (&ctx->doc);
  if (ctx->generic_error != NULL)
    g_string_free (g_steal_pointer (&ctx->generic_error), TRUE);
  g_clear_pointer (&ctx->problems, g_ptr_array_unref);
  g_clear_pointer (&ctx->ids, g_hash_table_unref);
  g_clear_pointer (&ctx->refs, g_array_unref);
  g_clear_pointer (&ctx->strings, g_string_chunk_free);
  g_clear_pointer (&ctx->span_uses, g_ptr_array_unref);
  g_clear_pointer (&ctx->emotion_keys, g_hash_table_unref);
  g_clear_pointer (&ctx->cards, g_ptr_array_unref);
  jm_foreign_free (ctx->root_foreign);
  ctx->root_foreign = NULL;
}

/* Runs read_top over the bytes with the safe settings; problems land in ctx.
 * Returns TRUE when there were none. */
/* libxml2's generic errors come in pieces ("FILE:1: ", "parser error : ",
 * "encoding not supported", ...): collect a little of them. */
static void on_generic_error (void       *context,
                              const char *format,
                              ...) G_GNUC_PRINTF (2, 3);

static void
on_generic_error (void       *context,
                  const char *format,
                  ...)
{
  Ctx *ctx = context;
  va_list args;

  if (ctx->generic_error == NULL)
    ctx->generic_error = g_string_new (NULL);
  if (ctx->generic_error->len > 1000)
    return;
  va_start (args, format);
  g_string_append_vprintf (ctx->generic_error, format, args);
  va_end (args);
}


static gboolean
run_reader (Ctx         *ctx,
            const char  *data,
            gsize        len,
            void       (*read_top) (Ctx *ctx),
            GPtrArray  **problems,
            GError     **error)
{
  if (len == 0)
    {
      problem (ctx, JM_IO_ERROR_NOT_A_MAP, 0, _("The file is empty"));
    }
  else if (len > JM_MAX_FILE_BYTES || len > G_MAXINT)
    {
      problem (ctx, JM_IO_ERROR_TOO_LARGE, 0, _("The file is larger than %d MB, the most a map may be"),
               JM_MAX_FILE_BYTES / (1024 * 1024));
    }
  else
    {
      xmlExternalEntityLoader previous_loader = xmlGetExternalEntityLoader ();
      xmlGenericErrorFunc previous_generic = xmlGenericError;
      void *previous_generic_context = xmlGenericErrorContext;

      xmlSetExternalEntityLoader (deny_external_entity);
      /* Some encoding failures bypass the reader's error handler and go to
       * libxml2's generic one, which prints them: the problems we report
       * say it already, with the file's name. */
      xmlSetGenericErrorFunc (ctx, on_generic_error);

      /* NONET alone: NOENT, DTDLOAD and HUGE are what make parsers unsafe. */
      ctx->cursor = jm_xml_cursor_new (data, len, ctx->name, JM_MAX_DEPTH, on_xml_error, ctx);
      read_top (ctx);
      g_clear_pointer (&ctx->cursor, jm_xml_cursor_free);

      xmlSetExternalEntityLoader (previous_loader);
      xmlSetGenericErrorFunc (previous_generic_context, previous_generic);
    }

  if (ctx->problems->len == 0)
    return TRUE;

  {
    g_autofree char *first = jm_problem_format (g_ptr_array_index (ctx->problems, 0));

    g_set_error_literal (error, JM_IO_ERROR, ctx->code, first);
    if (problems != NULL)
      *problems = g_ptr_array_ref (ctx->problems);
  }
  return FALSE;
}

static void
read_map (Ctx *ctx)
{
  read_root (ctx);
  if (!ctx->fatal)
    check_references (ctx);
}

/* Lean: the map is only checked; its cards are let go as soon as they
 * are read, and the document returned has none. */
static JmDocument *
load_bytes (const char  *display_name,
            const char  *data,
            gsize        len,
            gboolean     lean,
            GPtrArray  **problems,
            GError     **error)
{
  JmDocument *result = NULL;
  Ctx ctx;

  ctx_init (&ctx, display_name);
  ctx.lean = lean;
  if (run_reader (&ctx, data, len, read_map, problems, error))
    {
      result = g_steal_pointer (&ctx.doc);
      jm_history_clear (jm_document_get_history (result));
    }
  ctx_clear (&ctx);
  return result;
}

JmDocument *
jm_reader_load_bytes (const char  *display_name,
                      const char  *data,
                      gsize        len,
                      GPtrArray  **problems,
                      GError     **error)
{
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (data != NULL || len == 0, NULL);

  return load_bytes (display_name, data, len, FALSE, problems, error);
}

gboolean
jm_reader_check_bytes (const char  *display_name,
                       const char  *data,
                       gsize        len,
                       GPtrArray  **problems,
                       GError     **error)
{
  g_autoptr(JmDocument) doc = NULL;

  g_return_val_if_fail (display_name != NULL, FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  doc = load_bytes (display_name, data, len, TRUE, problems, error);
  return doc != NULL;
}

/* Clipboard fragments in our namespace: <journey-cards> holding <card>s,
 * <journey-personas> holding <persona>s. Cards' steps and personas belong
 * to the map they came from and are not checked here. */
static gboolean
read_fragment_root (Ctx        *ctx,
                    const char *root,
                    const char *not_ours)
{
  while (read_next (ctx) && node_type (ctx) != XML_READER_TYPE_ELEMENT)
    ;
  if (ctx->fatal || node_type (ctx) != XML_READER_TYPE_ELEMENT
      || !g_str_equal (jm_xml_cursor_local_name (ctx->cursor), root)
      || !is_ours (ctx))
    {
      if (!ctx->fatal)
        problem (ctx, JM_IO_ERROR_NOT_A_MAP, current_line (ctx), "%s", not_ours);
      ctx->fatal = TRUE;
      return FALSE;
    }
  return !jm_xml_cursor_is_empty (ctx->cursor);
}

static void
read_cards_fragment (Ctx *ctx)
{
  int depth;

  if (!read_fragment_root (ctx, "journey-cards", _("These are not journey map cards")))
    return;
  depth = jm_xml_cursor_depth (ctx->cursor);
  while (next_child (ctx, depth))
    {
      if (is_ours (ctx) && g_str_equal (jm_xml_cursor_local_name (ctx->cursor), "card"))
        g_ptr_array_add (ctx->cards, read_card (ctx, JM_LANE_TEXT));
      else
        skip_element (ctx);
    }
}

/* The personas land in ctx->doc, as when reading a map. */
static void
read_personas_fragment (Ctx *ctx)
{
  int depth;

  if (!read_fragment_root (ctx, "journey-personas", _("These are not journey map personas")))
    return;
  depth = jm_xml_cursor_depth (ctx->cursor);
  while (next_child (ctx, depth))
    {
      if (is_ours (ctx) && g_str_equal (jm_xml_cursor_local_name (ctx->cursor), "persona"))
        read_persona (ctx);
      else
        skip_element (ctx);
    }
}

GPtrArray *
jm_reader_load_cards (const char  *data,
                      gsize        len,
                      GError     **error)
{
  GPtrArray *result = NULL;
  Ctx ctx;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  ctx_init (&ctx, _("Clipboard"));
  ctx.cards = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_card_free);
  if (run_reader (&ctx, data, len, read_cards_fragment, NULL, error))
    result = g_steal_pointer (&ctx.cards);
  ctx_clear (&ctx);
  return result;
}

GPtrArray *
jm_reader_load_personas (const char  *data,
                         gsize        len,
                         GError     **error)
{
  GPtrArray *result = NULL;
  Ctx ctx;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  ctx_init (&ctx, _("Clipboard"));
  if (run_reader (&ctx, data, len, read_personas_fragment, NULL, error))
    {
      GPtrArray *personas = jm_document_get_personas (ctx.doc);

      result = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_persona_free);
      for (guint i = 0; i < personas->len; i++)
        g_ptr_array_add (result, jm_persona_copy (g_ptr_array_index (personas, i)));
    }
  ctx_clear (&ctx);
  return result;
}

static JmDocument *
load_path (const char  *path,
           gboolean     lean,
           GPtrArray  **problems,
           GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;

  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_size > JM_MAX_FILE_BYTES)
    {
      JmProblem *p;

      p = jm_problem_new (path, 0, NULL);
      p->message = g_strdup_printf (_("The file is larger than %d MB, the most a map may be"),
                                    JM_MAX_FILE_BYTES / (1024 * 1024));
      g_set_error (error, JM_IO_ERROR, JM_IO_ERROR_TOO_LARGE, "%s: %s", path, p->message);
      if (problems)
        {
          *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_problem_free);
          g_ptr_array_add (*problems, p);
        }
      else
        jm_problem_free (p);
      return NULL;
    }

  /* A pipe would block for ever and a device has no end: only files. */
  if (g_stat (path, &st) == 0 && !S_ISREG (st.st_mode) && !S_ISDIR (st.st_mode))
    {
      g_set_error (error, JM_IO_ERROR, JM_IO_ERROR_READ, _("%s: this is a device or a pipe, not a file"), path);
      if (problems)
        {
          *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_problem_free);
          g_ptr_array_add (*problems, jm_problem_new (path, 0, _("This is a device or a pipe, not a file")));
        }
      return NULL;
    }

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, JM_IO_ERROR, JM_IO_ERROR_READ, _("%s: this is a folder, not a file"), path);
      if (problems)
        {
          *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_problem_free);
          g_ptr_array_add (*problems, jm_problem_new (path, 0, _("This is a folder, not a file")));
        }
      return NULL;
    }

  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, JM_IO_ERROR, JM_IO_ERROR_READ, "%s: %s", path, local_error->message);
      if (problems)
        {
          *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_problem_free);
          g_ptr_array_add (*problems, jm_problem_new (path, 0, local_error->message));
        }
      return NULL;
    }

  return load_bytes (path, g_mapped_file_get_contents (mapped), g_mapped_file_get_length (mapped),
                     lean, problems, error);
}

JmDocument *
jm_reader_load_path (const char  *path,
                     GPtrArray  **problems,
                     GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return load_path (path, FALSE, problems, error);
}

gboolean
jm_reader_check_path (const char  *path,
                      GPtrArray  **problems,
                      GError     **error)
{
  g_autoptr(JmDocument) doc = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  doc = load_path (path, TRUE, problems, error);
  return doc != NULL;
}
