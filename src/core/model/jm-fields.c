/* jm-fields.c — every field of every kind of object, read and written as
 * the text the file format uses for it. One table per kind, so that diff,
 * merge, conflicts and the outline agree on what a field is. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "jm-fields.h"
#include "jm-i18n.h"

/* ---- kinds ---- */

static const struct {
  const char *name;
  const char *label;
} kinds[] = {
  { "map", N_("Map") },
  { "persona", N_("Persona") },
  { "stage", N_("Stage") },
  { "step", N_("Step") },
  { "lane", N_("Lane") },
  { "card", N_("Card") },
  { "metric", N_("Metric") },
  { "emotion", N_("Emotion") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (kinds) == JM_N_KINDS);

const char *
jm_kind_to_string (JmKind kind)
{
  g_return_val_if_fail ((guint) kind < JM_N_KINDS, NULL);
  return kinds[kind].name;
}

gboolean
jm_kind_from_string (const char *str,
                     JmKind     *out)
{
  for (guint i = 0; str != NULL && i < JM_N_KINDS; i++)
    if (strcmp (kinds[i].name, str) == 0)
      {
        *out = (JmKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
jm_kind_get_label (JmKind kind)
{
  g_return_val_if_fail ((guint) kind < JM_N_KINDS, NULL);
  return _(kinds[kind].label);
}

/* ---- the map's header ---- */

void
jm_map_header_init (JmMapHeader *header,
                    JmDocument  *document)
{
  g_return_if_fail (header != NULL);

  memset (header, 0, sizeof *header);
  header->metric_tolerance = JM_METRIC_TOLERANCE_DEFAULT;
  header->title = g_strdup ("");
  if (document == NULL)
    return;

  jm_set_str (&header->title, jm_document_get_title (document));
  header->scenario = g_strdup (jm_document_get_scenario (document));
  header->notes = g_strdup (jm_document_get_notes (document));
  header->state = jm_document_get_state (document);
  header->metric_tolerance = jm_document_get_metric_tolerance (document);
  header->language = g_strdup (jm_document_get_language (document));
  header->persona_details = jm_document_get_persona_details (document);
}

void
jm_map_header_clear (JmMapHeader *header)
{
  g_clear_pointer (&header->title, g_free);
  g_clear_pointer (&header->scenario, g_free);
  g_clear_pointer (&header->notes, g_free);
  g_clear_pointer (&header->language, g_free);
}

/* ---- values ---- */

char *
jm_format_number (double value)
{
  static const char *formats[] = { "%.15g", "%.16g", "%.17g" };
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == 0)
    value = 0;   /* no "-0" */
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, sizeof buf, formats[i], value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  return g_strdup (buf);
}

char *
jm_format_score (double score)
{
  g_autofree char *magnitude = jm_format_number (fabs (score));

  if (score > 0)
    return g_strconcat ("+", magnitude, NULL);
  if (score < 0)
    return g_strconcat ("\u2212", magnitude, NULL);
  return g_strdup ("0");
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
            guint64     min,
            guint64     max,
            guint      *out)
{
  guint64 value;

  if (str == NULL || !g_ascii_string_to_unsigned (str, 10, min, max, &value, NULL))
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

/* NULL for an empty text: the file leaves empty optional texts out. */
static char *
text_or_null (const char *text)
{
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

static char *
join_list (char * const *items)
{
  if (items == NULL || items[0] == NULL)
    return NULL;
  return g_strjoinv (JM_FIELD_LIST_SEPARATOR, (char **) items);
}

static char **
split_list (const char *value)
{
  if (value == NULL || *value == '\0')
    return g_new0 (char *, 1);
  return g_strsplit (value, JM_FIELD_LIST_SEPARATOR, -1);
}

/* Images are written as base64; their type is what their bytes are. */
static char *
image_get (GBytes *bytes)
{
  gsize size;
  const guchar *data;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  return g_base64_encode (data, size);
}

static gboolean
image_decode (const char  *value,
              GBytes     **bytes,
              const char **type)
{
  static const guchar png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  static const guchar jpeg[] = { 0xff, 0xd8, 0xff };
  g_autofree guchar *data = NULL;
  gsize len = 0;

  for (const char *p = value; *p; p++)
    if (!(g_ascii_isalnum (*p) || *p == '+' || *p == '/' || *p == '=' || g_ascii_isspace (*p)))
      return FALSE;
  if ((strlen (value) / 4) * 3 > JM_MAX_IMAGE_BYTES + 3)
    return FALSE;

  data = g_base64_decode (value, &len);
  if (len >= sizeof png && memcmp (data, png, sizeof png) == 0)
    *type = "image/png";
  else if (len >= sizeof jpeg && memcmp (data, jpeg, sizeof jpeg) == 0)
    *type = "image/jpeg";
  else
    return FALSE;
  *bytes = g_bytes_new_take (g_steal_pointer (&data), len);
  return TRUE;
}

static gboolean
image_set (GBytes     **bytes,
           char       **type,
           const char  *value)
{
  GBytes *decoded = NULL;
  const char *decoded_type = NULL;

  if (value == NULL)
    {
      g_clear_pointer (bytes, g_bytes_unref);
      g_clear_pointer (type, g_free);
      return TRUE;
    }
  if (!image_decode (value, &decoded, &decoded_type))
    return FALSE;
  g_clear_pointer (bytes, g_bytes_unref);
  *bytes = decoded;
  jm_set_str (type, decoded_type);
  return TRUE;
}

/* Sets a string field that may be unset (NULL) or empty. */
static gboolean
set_optional (char       **dest,
              const char  *value)
{
  jm_set_str (dest, value != NULL && *value != '\0' ? value : NULL);
  return TRUE;
}

/* ---- displays ---- */

#define DEFINE_ENUM_DISPLAY(Type, prefix)                     \
  static char *                                               \
  prefix##_display (const char *value)                        \
  {                                                           \
    Type v;                                                   \
    if (!prefix##_from_string (value, &v))                    \
      return g_strdup (value);                                \
    return g_strdup (prefix##_get_label (v));                 \
  }

DEFINE_ENUM_DISPLAY (JmMapState, jm_map_state)
DEFINE_ENUM_DISPLAY (JmLaneKind, jm_lane_kind)
DEFINE_ENUM_DISPLAY (JmChannel, jm_channel)
DEFINE_ENUM_DISPLAY (JmSeverity, jm_severity)
DEFINE_ENUM_DISPLAY (JmPriority, jm_priority)
DEFINE_ENUM_DISPLAY (JmEvidence, jm_evidence)
DEFINE_ENUM_DISPLAY (JmMetricKind, jm_metric_kind)

static char *
bool_display (const char *value)
{
  return g_strdup (g_strcmp0 (value, "true") == 0 ? _("yes") : _("no"));
}

static char *
better_display (const char *value)
{
  return g_strdup (g_strcmp0 (value, "lower") == 0 ? _("lower is better") : _("higher is better"));
}

static char *
score_display (const char *value)
{
  double score;

  if (!parse_number (value, &score))
    return g_strdup (value);
  return jm_format_score (score);
}

static char *
percent_display (const char *value)
{
  return g_strconcat (value, " %", NULL);
}

/* ---- the map ---- */

#define HEADER(object) ((JmMapHeader *) (object))
#define CHEADER(object) ((const JmMapHeader *) (object))

static char *
map_title_get (gconstpointer object)
{
  return g_strdup (CHEADER (object)->title ? CHEADER (object)->title : "");
}

static gboolean
map_title_set (gpointer    object,
               const char *value)
{
  jm_set_str (&HEADER (object)->title, value ? value : "");
  return TRUE;
}

static char *
map_scenario_get (gconstpointer object)
{
  return text_or_null (CHEADER (object)->scenario);
}

static gboolean
map_scenario_set (gpointer    object,
                  const char *value)
{
  return set_optional (&HEADER (object)->scenario, value);
}

static char *
map_notes_get (gconstpointer object)
{
  return text_or_null (CHEADER (object)->notes);
}

static gboolean
map_notes_set (gpointer    object,
               const char *value)
{
  return set_optional (&HEADER (object)->notes, value);
}

static char *
map_state_get (gconstpointer object)
{
  return g_strdup (jm_map_state_to_string (CHEADER (object)->state));
}

static gboolean
map_state_set (gpointer    object,
               const char *value)
{
  return jm_map_state_from_string (value ? value : "current", &HEADER (object)->state);
}

static char *
map_tolerance_get (gconstpointer object)
{
  return jm_format_number (CHEADER (object)->metric_tolerance);
}

static gboolean
map_tolerance_set (gpointer    object,
                   const char *value)
{
  double percent = JM_METRIC_TOLERANCE_DEFAULT;

  if (value != NULL && (!parse_number (value, &percent)
                        || percent < JM_METRIC_TOLERANCE_MIN || percent > JM_METRIC_TOLERANCE_MAX))
    return FALSE;
  HEADER (object)->metric_tolerance = percent;
  return TRUE;
}

static char *
map_language_get (gconstpointer object)
{
  return g_strdup (CHEADER (object)->language);
}

static gboolean
map_language_set (gpointer    object,
                  const char *value)
{
  if (value != NULL && !jm_i18n_language_is_valid (value))
    return FALSE;
  jm_set_str (&HEADER (object)->language, value);
  return TRUE;
}

static char *
map_details_get (gconstpointer object)
{
  return g_strdup (CHEADER (object)->persona_details ? "true" : "false");
}

static gboolean
map_details_set (gpointer    object,
                 const char *value)
{
  if (value != NULL && g_strcmp0 (value, "true") != 0 && g_strcmp0 (value, "false") != 0)
    return FALSE;
  HEADER (object)->persona_details = g_strcmp0 (value, "true") == 0;
  return TRUE;
}

static const JmField map_fields[] = {
  { "title", N_("title"), JM_FIELD_TEXT, map_title_get, map_title_set, NULL },
  { "scenario", N_("scenario"), JM_FIELD_TEXT, map_scenario_get, map_scenario_set, NULL },
  { "notes", N_("notes"), JM_FIELD_TEXT, map_notes_get, map_notes_set, NULL },
  { "state", N_("state"), JM_FIELD_WORD, map_state_get, map_state_set, jm_map_state_display,
    "current" },
  { "metric-tolerance", N_("target tolerance"), JM_FIELD_WORD, map_tolerance_get, map_tolerance_set,
    percent_display, "10" },
  { "xml:lang", N_("language"), JM_FIELD_WORD, map_language_get, map_language_set, NULL },
  { "persona-details", N_("persona details"), JM_FIELD_WORD, map_details_get, map_details_set, NULL, "false" },
};

/* ---- personas ---- */

#define PERSONA(object) ((JmPersona *) (object))
#define CPERSONA(object) ((const JmPersona *) (object))

static char *
persona_name_get (gconstpointer object)
{
  return g_strdup (CPERSONA (object)->name ? CPERSONA (object)->name : "");
}

static gboolean
persona_name_set (gpointer    object,
                  const char *value)
{
  jm_set_str (&PERSONA (object)->name, value ? value : "");
  return TRUE;
}

static char *
persona_age_get (gconstpointer object)
{
  return CPERSONA (object)->age > 0 ? g_strdup_printf ("%u", CPERSONA (object)->age) : NULL;
}

static gboolean
persona_age_set (gpointer    object,
                 const char *value)
{
  guint age = 0;

  if (value != NULL && !parse_uint (value, 1, 150, &age))
    return FALSE;
  PERSONA (object)->age = age;
  return TRUE;
}

static char *
persona_color_get (gconstpointer object)
{
  return g_strdup (CPERSONA (object)->color);
}

static gboolean
persona_color_set (gpointer    object,
                   const char *value)
{
  if (value != NULL && !is_color (value))
    return FALSE;
  jm_set_str (&PERSONA (object)->color, value);
  return TRUE;
}

#define PERSONA_TEXT(field)                                        \
  static char *                                                    \
  persona_##field##_get (gconstpointer object)                     \
  {                                                                \
    return text_or_null (CPERSONA (object)->field);                \
  }                                                                \
  static gboolean                                                  \
  persona_##field##_set (gpointer    object,                       \
                         const char *value)                        \
  {                                                                \
    return set_optional (&PERSONA (object)->field, value);         \
  }

PERSONA_TEXT (occupation)
PERSONA_TEXT (bio)
PERSONA_TEXT (quote)

#define PERSONA_LIST(field)                                        \
  static char *                                                    \
  persona_##field##_get (gconstpointer object)                     \
  {                                                                \
    return join_list (CPERSONA (object)->field);                   \
  }                                                                \
  static gboolean                                                  \
  persona_##field##_set (gpointer    object,                       \
                         const char *value)                        \
  {                                                                \
    g_strfreev (PERSONA (object)->field);                          \
    PERSONA (object)->field = split_list (value);                  \
    return TRUE;                                                   \
  }

PERSONA_LIST (goals)
PERSONA_LIST (needs)
PERSONA_LIST (frustrations)
PERSONA_LIST (interests)

static char *
persona_channels_get (gconstpointer object)
{
  GArray *channels = CPERSONA (object)->channels;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; channels != NULL && i < channels->len; i++)
    g_ptr_array_add (names, (gpointer) jm_channel_to_string (g_array_index (channels, JmChannel, i)));
  g_ptr_array_add (names, NULL);
  return join_list ((char * const *) names->pdata);
}

static gboolean
persona_channels_set (gpointer    object,
                      const char *value)
{
  g_auto(GStrv) names = split_list (value);
  g_autoptr(GArray) channels = g_array_new (FALSE, FALSE, sizeof (JmChannel));

  for (guint i = 0; names[i] != NULL; i++)
    {
      JmChannel channel;

      if (!jm_channel_from_string (names[i], &channel) || channel == JM_CHANNEL_NONE)
        return FALSE;
      g_array_append_val (channels, channel);
    }
  g_clear_pointer (&PERSONA (object)->channels, g_array_unref);
  PERSONA (object)->channels = g_steal_pointer (&channels);
  return TRUE;
}

static char *
persona_photo_get (gconstpointer object)
{
  return image_get (CPERSONA (object)->photo);
}

static gboolean
persona_photo_set (gpointer    object,
                   const char *value)
{
  return image_set (&PERSONA (object)->photo, &PERSONA (object)->photo_type, value);
}

static const JmField persona_fields[] = {
  { "name", N_("name"), JM_FIELD_TEXT, persona_name_get, persona_name_set, NULL },
  { "age", N_("age"), JM_FIELD_WORD, persona_age_get, persona_age_set, NULL },
  { "color", N_("colour"), JM_FIELD_WORD, persona_color_get, persona_color_set, NULL },
  { "occupation", N_("occupation"), JM_FIELD_TEXT, persona_occupation_get, persona_occupation_set, NULL },
  { "bio", N_("bio"), JM_FIELD_TEXT, persona_bio_get, persona_bio_set, NULL },
  { "quote", N_("quote"), JM_FIELD_TEXT, persona_quote_get, persona_quote_set, NULL },
  { "goal", N_("goals"), JM_FIELD_LIST, persona_goals_get, persona_goals_set, NULL },
  { "need", N_("needs"), JM_FIELD_LIST, persona_needs_get, persona_needs_set, NULL },
  { "frustration", N_("frustrations"), JM_FIELD_LIST, persona_frustrations_get, persona_frustrations_set,
    NULL },
  { "interest", N_("interests"), JM_FIELD_LIST, persona_interests_get, persona_interests_set, NULL },
  { "channel", N_("preferred channels"), JM_FIELD_LIST, persona_channels_get, persona_channels_set,
    jm_channel_display },
  { "photo", N_("photo"), JM_FIELD_IMAGE, persona_photo_get, persona_photo_set, NULL },
};

/* ---- stages and steps ---- */

#define STAGE(object) ((JmStage *) (object))
#define CSTAGE(object) ((const JmStage *) (object))

static char *
stage_name_get (gconstpointer object)
{
  return g_strdup (CSTAGE (object)->name ? CSTAGE (object)->name : "");
}

static gboolean
stage_name_set (gpointer    object,
                const char *value)
{
  jm_set_str (&STAGE (object)->name, value ? value : "");
  return TRUE;
}

static char *
stage_color_get (gconstpointer object)
{
  return g_strdup (CSTAGE (object)->color);
}

static gboolean
stage_color_set (gpointer    object,
                 const char *value)
{
  if (value != NULL && !is_color (value))
    return FALSE;
  jm_set_str (&STAGE (object)->color, value);
  return TRUE;
}

static char *
stage_notes_get (gconstpointer object)
{
  return text_or_null (CSTAGE (object)->notes);
}

static gboolean
stage_notes_set (gpointer    object,
                 const char *value)
{
  return set_optional (&STAGE (object)->notes, value);
}

static const JmField stage_fields[] = {
  { "name", N_("name"), JM_FIELD_TEXT, stage_name_get, stage_name_set, NULL },
  { "color", N_("colour"), JM_FIELD_WORD, stage_color_get, stage_color_set, NULL },
  { "notes", N_("presenter notes"), JM_FIELD_TEXT, stage_notes_get, stage_notes_set, NULL },
};

static char *
step_name_get (gconstpointer object)
{
  const JmStep *step = object;

  return g_strdup (step->name ? step->name : "");
}

static gboolean
step_name_set (gpointer    object,
               const char *value)
{
  jm_set_str (&((JmStep *) object)->name, value ? value : "");
  return TRUE;
}

static const JmField step_fields[] = {
  { "name", N_("name"), JM_FIELD_TEXT, step_name_get, step_name_set, NULL },
};

/* ---- lanes ---- */

static char *
lane_title_get (gconstpointer object)
{
  const JmLane *lane = object;

  return g_strdup (lane->title ? lane->title : "");
}

static gboolean
lane_title_set (gpointer    object,
                const char *value)
{
  jm_set_str (&((JmLane *) object)->title, value ? value : "");
  return TRUE;
}

static char *
lane_kind_get (gconstpointer object)
{
  return g_strdup (jm_lane_kind_to_string (((const JmLane *) object)->kind));
}

static gboolean
lane_kind_set (gpointer    object,
               const char *value)
{
  return jm_lane_kind_from_string (value, &((JmLane *) object)->kind);
}

static const JmField lane_fields[] = {
  { "title", N_("title"), JM_FIELD_TEXT, lane_title_get, lane_title_set, NULL },
  { "kind", N_("kind"), JM_FIELD_WORD, lane_kind_get, lane_kind_set, jm_lane_kind_display },
};

/* ---- cards ---- */

#define CARD(object) ((JmCard *) (object))
#define CCARD(object) ((const JmCard *) (object))

static char *
card_step_get (gconstpointer object)
{
  return g_strdup (CCARD (object)->step_id);
}

static gboolean
card_step_set (gpointer    object,
               const char *value)
{
  if (value == NULL || *value == '\0')
    return FALSE;
  jm_set_str (&CARD (object)->step_id, value);
  return TRUE;
}

static char *
card_span_get (gconstpointer object)
{
  return g_strdup_printf ("%u", MAX (CCARD (object)->span, 1));
}

static gboolean
card_span_set (gpointer    object,
               const char *value)
{
  guint span = 1;

  if (value != NULL && !parse_uint (value, 1, 10000, &span))
    return FALSE;
  CARD (object)->span = span;
  return TRUE;
}

static char *
card_text_get (gconstpointer object)
{
  return text_or_null (CCARD (object)->text);
}

static gboolean
card_text_set (gpointer    object,
               const char *value)
{
  jm_set_str (&CARD (object)->text, value ? value : "");
  return TRUE;
}

/* The vocabularies' "none" is the unset value. */
#define CARD_ENUM(field, Type, prefix, NONE)                                   \
  static char *                                                                \
  card_##field##_get (gconstpointer object)                                    \
  {                                                                            \
    Type v = CCARD (object)->field;                                            \
    return v != NONE ? g_strdup (prefix##_to_string (v)) : NULL;               \
  }                                                                            \
  static gboolean                                                              \
  card_##field##_set (gpointer    object,                                      \
                      const char *value)                                       \
  {                                                                            \
    Type v = NONE;                                                             \
    if (value != NULL && (!prefix##_from_string (value, &v) || v == NONE))     \
      return FALSE;                                                            \
    CARD (object)->field = v;                                                  \
    return TRUE;                                                               \
  }

CARD_ENUM (channel, JmChannel, jm_channel, JM_CHANNEL_NONE)
CARD_ENUM (severity, JmSeverity, jm_severity, JM_SEVERITY_NONE)
CARD_ENUM (priority, JmPriority, jm_priority, JM_PRIORITY_NONE)
CARD_ENUM (evidence, JmEvidence, jm_evidence, JM_EVIDENCE_NONE)

static char *
card_mot_get (gconstpointer object)
{
  return g_strdup (CCARD (object)->moment_of_truth ? "true" : "false");
}

static gboolean
card_mot_set (gpointer    object,
              const char *value)
{
  if (value != NULL && g_strcmp0 (value, "true") != 0 && g_strcmp0 (value, "false") != 0)
    return FALSE;
  CARD (object)->moment_of_truth = g_strcmp0 (value, "true") == 0;
  return TRUE;
}

static char *
card_owner_get (gconstpointer object)
{
  return text_or_null (CCARD (object)->owner);
}

static gboolean
card_owner_set (gpointer    object,
                const char *value)
{
  return set_optional (&CARD (object)->owner, value);
}

static char *
card_personas_get (gconstpointer object)
{
  char **personas = CCARD (object)->personas;

  if (personas == NULL || personas[0] == NULL)
    return NULL;
  return g_strjoinv (" ", personas);
}

static gboolean
card_personas_set (gpointer    object,
                   const char *value)
{
  g_auto(GStrv) ids = g_strsplit_set (value ? value : "", " \t\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  char **result;

  for (guint i = 0; ids[i] != NULL; i++)
    if (*ids[i] != '\0')
      g_strv_builder_add (builder, ids[i]);
  result = g_strv_builder_end (builder);
  g_strfreev (CARD (object)->personas);
  CARD (object)->personas = result;
  if (result[0] == NULL)
    g_clear_pointer (&CARD (object)->personas, g_strfreev);
  return TRUE;
}

static char *
card_image_get (gconstpointer object)
{
  return image_get (CCARD (object)->image);
}

static gboolean
card_image_set (gpointer    object,
                const char *value)
{
  return image_set (&CARD (object)->image, &CARD (object)->image_type, value);
}

static const JmField card_fields[] = {
  { "step", N_("first step"), JM_FIELD_WORD, card_step_get, card_step_set, NULL },
  { "span", N_("span"), JM_FIELD_WORD, card_span_get, card_span_set, NULL, "1" },
  { "text", N_("text"), JM_FIELD_TEXT, card_text_get, card_text_set, NULL },
  { "channel", N_("channel"), JM_FIELD_WORD, card_channel_get, card_channel_set, jm_channel_display },
  { "moment-of-truth", N_("moment of truth"), JM_FIELD_WORD, card_mot_get, card_mot_set, bool_display, "false" },
  { "severity", N_("severity"), JM_FIELD_WORD, card_severity_get, card_severity_set, jm_severity_display },
  { "priority", N_("priority"), JM_FIELD_WORD, card_priority_get, card_priority_set, jm_priority_display },
  { "owner", N_("owner"), JM_FIELD_TEXT, card_owner_get, card_owner_set, NULL },
  { "evidence", N_("evidence"), JM_FIELD_WORD, card_evidence_get, card_evidence_set, jm_evidence_display },
  { "personas", N_("personas"), JM_FIELD_WORD, card_personas_get, card_personas_set, NULL },
  { "image", N_("image"), JM_FIELD_IMAGE, card_image_get, card_image_set, NULL },
};

/* ---- metrics ---- */

#define METRIC(object) ((JmMetric *) (object))
#define CMETRIC(object) ((const JmMetric *) (object))

static char *
metric_kind_get (gconstpointer object)
{
  return g_strdup (jm_metric_kind_to_string (CMETRIC (object)->kind));
}

/* A built-in kind has no name or unit and a fixed direction. */
static gboolean
metric_kind_set (gpointer    object,
                 const char *value)
{
  JmMetric *metric = object;
  JmMetricKind kind;

  if (!jm_metric_kind_from_string (value, &kind))
    return FALSE;
  metric->kind = kind;
  if (kind != JM_METRIC_CUSTOM)
    {
      g_clear_pointer (&metric->name, g_free);
      g_clear_pointer (&metric->unit, g_free);
      metric->higher_is_better = kind != JM_METRIC_CES;
    }
  return TRUE;
}

static char *
metric_name_get (gconstpointer object)
{
  return CMETRIC (object)->kind == JM_METRIC_CUSTOM ? g_strdup (CMETRIC (object)->name) : NULL;
}

static gboolean
metric_name_set (gpointer    object,
                 const char *value)
{
  if (CMETRIC (object)->kind != JM_METRIC_CUSTOM)
    return value == NULL;
  jm_set_str (&METRIC (object)->name, value);
  return TRUE;
}

static char *
metric_unit_get (gconstpointer object)
{
  return CMETRIC (object)->kind == JM_METRIC_CUSTOM ? text_or_null (CMETRIC (object)->unit) : NULL;
}

static gboolean
metric_unit_set (gpointer    object,
                 const char *value)
{
  if (CMETRIC (object)->kind != JM_METRIC_CUSTOM)
    return value == NULL;
  return set_optional (&METRIC (object)->unit, value);
}

static char *
metric_better_get (gconstpointer object)
{
  if (CMETRIC (object)->kind != JM_METRIC_CUSTOM)
    return NULL;
  return g_strdup (CMETRIC (object)->higher_is_better ? "higher" : "lower");
}

static gboolean
metric_better_set (gpointer    object,
                   const char *value)
{
  if (CMETRIC (object)->kind != JM_METRIC_CUSTOM)
    return value == NULL;
  if (value != NULL && g_strcmp0 (value, "higher") != 0 && g_strcmp0 (value, "lower") != 0)
    return FALSE;
  METRIC (object)->higher_is_better = g_strcmp0 (value, "lower") != 0;
  return TRUE;
}

static char *
metric_value_get (gconstpointer object)
{
  return jm_format_number (CMETRIC (object)->value);
}

static gboolean
metric_value_set (gpointer    object,
                  const char *value)
{
  return parse_number (value, &METRIC (object)->value);
}

static char *
metric_target_get (gconstpointer object)
{
  return CMETRIC (object)->has_target ? jm_format_number (CMETRIC (object)->target) : NULL;
}

static gboolean
metric_target_set (gpointer    object,
                   const char *value)
{
  double target = 0;

  if (value != NULL && !parse_number (value, &target))
    return FALSE;
  METRIC (object)->has_target = value != NULL;
  METRIC (object)->target = target;
  return TRUE;
}

static char *
metric_sample_get (gconstpointer object)
{
  return CMETRIC (object)->sample_size > 0 ? g_strdup_printf ("%u", CMETRIC (object)->sample_size) : NULL;
}

static gboolean
metric_sample_set (gpointer    object,
                   const char *value)
{
  guint size = 0;

  if (value != NULL && !parse_uint (value, 0, G_MAXINT32, &size))
    return FALSE;
  METRIC (object)->sample_size = size;
  return TRUE;
}

static char *
metric_date_get (gconstpointer object)
{
  return g_strdup (CMETRIC (object)->date);
}

static gboolean
metric_date_set (gpointer    object,
                 const char *value)
{
  if (value != NULL && !jm_date_is_valid (value))
    return FALSE;
  jm_set_str (&METRIC (object)->date, value);
  return TRUE;
}

static const JmField metric_fields[] = {
  { "kind", N_("kind"), JM_FIELD_WORD, metric_kind_get, metric_kind_set, jm_metric_kind_display },
  { "name", N_("name"), JM_FIELD_TEXT, metric_name_get, metric_name_set, NULL },
  { "unit", N_("unit"), JM_FIELD_TEXT, metric_unit_get, metric_unit_set, NULL },
  { "better", N_("direction"), JM_FIELD_WORD, metric_better_get, metric_better_set, better_display },
  { "value", N_("value"), JM_FIELD_WORD, metric_value_get, metric_value_set, NULL },
  { "target", N_("target"), JM_FIELD_WORD, metric_target_get, metric_target_set, NULL },
  { "sample-size", N_("sample size"), JM_FIELD_WORD, metric_sample_get, metric_sample_set, NULL },
  { "date", N_("date"), JM_FIELD_WORD, metric_date_get, metric_date_set, NULL },
};

/* ---- emotions ---- */

static char *
emotion_score_get (gconstpointer object)
{
  return jm_format_number (((const JmEmotion *) object)->score);
}

static gboolean
emotion_score_set (gpointer    object,
                   const char *value)
{
  double score;

  if (!parse_number (value, &score) || score < JM_EMOTION_MIN || score > JM_EMOTION_MAX)
    return FALSE;
  ((JmEmotion *) object)->score = score;
  return TRUE;
}

static const JmField emotion_fields[] = {
  { "score", N_("score"), JM_FIELD_WORD, emotion_score_get, emotion_score_set, score_display },
};

/* ---- tables ---- */

const JmField *
jm_kind_get_fields (JmKind  kind,
                    guint  *n_fields)
{
  static const struct {
    const JmField *fields;
    guint          n;
  } tables[] = {
    { map_fields, G_N_ELEMENTS (map_fields) },
    { persona_fields, G_N_ELEMENTS (persona_fields) },
    { stage_fields, G_N_ELEMENTS (stage_fields) },
    { step_fields, G_N_ELEMENTS (step_fields) },
    { lane_fields, G_N_ELEMENTS (lane_fields) },
    { card_fields, G_N_ELEMENTS (card_fields) },
    { metric_fields, G_N_ELEMENTS (metric_fields) },
    { emotion_fields, G_N_ELEMENTS (emotion_fields) },
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (tables) == JM_N_KINDS);
  g_return_val_if_fail ((guint) kind < JM_N_KINDS, NULL);

  if (n_fields)
    *n_fields = tables[kind].n;
  return tables[kind].fields;
}

const JmField *
jm_kind_find_field (JmKind      kind,
                    const char *name)
{
  guint n;
  const JmField *fields = jm_kind_get_fields (kind, &n);

  for (guint i = 0; name != NULL && i < n; i++)
    if (strcmp (fields[i].name, name) == 0)
      return &fields[i];
  return NULL;
}

/* Line breaks shown, so that one change stays on one line. */
static char *
quote_text (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (*p == '\n')
        g_string_append (out, "\u23ce");
      else if (*p != '\r')
        g_string_append_c (out, *p);
    }
  /* Translators: quotation marks around a text of the map */
  return g_strdup_printf (_("\u201c%s\u201d"), out->str);
}

char *
jm_field_display (const JmField *field,
                  const char    *value)
{
  g_return_val_if_fail (field != NULL, NULL);

  if (value == NULL)
    return g_strdup (_("none"));

  switch (field->type)
    {
    case JM_FIELD_LIST:
      {
        g_auto(GStrv) items = split_list (value);
        GString *out = g_string_new (NULL);

        for (guint i = 0; items[i] != NULL; i++)
          {
            g_autofree char *shown = field->display ? field->display (items[i]) : quote_text (items[i]);

            if (i > 0)
              g_string_append (out, ", ");
            g_string_append (out, shown);
          }
        return g_string_free (out, FALSE);
      }

    case JM_FIELD_IMAGE:
      {
        GBytes *bytes = NULL;
        const char *type = NULL;
        g_autofree char *size = NULL;
        g_autofree char *digest = NULL;
        char *shown;

        if (!image_decode (value, &bytes, &type))
          return g_strdup (_("an image that cannot be read"));
        digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA1, bytes);
        size = g_format_size (g_bytes_get_size (bytes));
        digest[8] = '\0';
        /* Translators: e.g. "PNG image, 12.3 kB (1f3a9c0e)": type, size, the start of its checksum,
         * which tells two images of one size apart */
        shown = g_strdup_printf (_("%s image, %s (%s)"), g_str_equal (type, "image/png") ? "PNG" : "JPEG", size,
                                 digest);
        g_bytes_unref (bytes);
        return shown;
      }

    case JM_FIELD_TEXT:
      return quote_text (value);

    case JM_FIELD_WORD:
    default:
      if (field->display != NULL)
        return field->display (value);
      return g_strdup (value);
    }
}

char *
jm_card_get_short_text (const JmCard *card)
{
  const char *text = card->text ? card->text : "";
  const char *end = strchr (text, '\n');
  glong len = end ? g_utf8_strlen (text, end - text) : g_utf8_strlen (text, -1);
  g_autofree char *line = end ? g_strndup (text, (gsize) (end - text)) : g_strdup (text);

  if (len <= 40 && end == NULL)
    return g_steal_pointer (&line);
  if (len > 40)
    {
      char *cut = g_utf8_offset_to_pointer (line, 39);
      *cut = '\0';
    }
  return g_strconcat (line, "\u2026", NULL);
}

static char *
named (JmKind      kind,
       const char *name,
       const char *id)
{
  /* Translators: an object of a map, e.g. Card “Pays at the till” (c3):
   * the kind, the name or text, the id. */
  return g_strdup_printf (_("%s \u201c%s\u201d (%s)"), jm_kind_get_label (kind), name, id);
}

char *
jm_kind_describe_object (JmKind      kind,
                         JmDocument *document,
                         const char *id,
                         const char *step_id,
                         JmMapState  curve)
{
  g_return_val_if_fail ((guint) kind < JM_N_KINDS, NULL);

  switch (kind)
    {
    case JM_KIND_MAP:
      return g_strdup (jm_kind_get_label (kind));

    case JM_KIND_PERSONA:
      {
        JmPersona *persona = document ? jm_document_find_persona (document, id) : NULL;

        if (persona != NULL)
          return named (kind, persona->name, id);
        break;
      }

    case JM_KIND_STAGE:
      {
        JmStage *stage = document ? jm_document_find_stage (document, id) : NULL;

        if (stage != NULL)
          return named (kind, stage->name, id);
        break;
      }

    case JM_KIND_STEP:
      {
        JmStep *step = document ? jm_document_find_step (document, id) : NULL;

        if (step != NULL)
          return named (kind, step->name, id);
        break;
      }

    case JM_KIND_LANE:
      {
        JmLane *lane = document ? jm_document_find_lane (document, id) : NULL;

        if (lane != NULL)
          return named (kind, lane->title, id);
        break;
      }

    case JM_KIND_CARD:
      {
        JmCard *card = document ? jm_document_find_card (document, id, NULL) : NULL;

        if (card != NULL)
          {
            g_autofree char *text = jm_card_get_short_text (card);
            return named (kind, text, id);
          }
        break;
      }

    case JM_KIND_METRIC:
      {
        JmMetric *metric = document ? jm_document_find_metric (document, id, NULL) : NULL;

        if (metric != NULL)
          return named (kind, metric->kind == JM_METRIC_CUSTOM && metric->name
                              ? metric->name : jm_metric_kind_get_label (metric->kind), id);
        break;
      }

    case JM_KIND_EMOTION:
      {
        JmPersona *persona = document ? jm_document_find_persona (document, id) : NULL;
        JmStep *step = document ? jm_document_find_step (document, step_id) : NULL;

        /* Translators: e.g. Emotion of Giulia at “Flat tyre” (as is) */
        return g_strdup_printf (_("Emotion of %s at \u201c%s\u201d (%s)"),
                                persona ? persona->name : id, step ? step->name : step_id,
                                jm_map_state_get_label (curve));
      }

    case JM_N_KINDS:
    default:
      break;
    }

  /* Translators: an object the map no longer has: its kind and its id, e.g. Card c3 */
  return g_strdup_printf (_("%s %s"), jm_kind_get_label (kind), id ? id : "");
}
