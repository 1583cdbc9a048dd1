/* jm-enums.c — names and labels of the model's vocabularies. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jm-enums.h"
#include "jm-i18n.h"
#include "jm-model-error.h"

typedef struct {
  const char *name;
  const char *label;
} JmEnumEntry;

static const JmEnumEntry map_states[] = {
  { "current", N_("As is") },
  { "future", N_("To be") },
};

static const JmEnumEntry lane_kinds[] = {
  { "text", N_("Text") },
  { "touchpoints", N_("Touchpoints") },
  { "emotions", N_("Emotions") },
  { "pain-points", N_("Pain points") },
  { "opportunities", N_("Opportunities") },
  { "metrics", N_("Metrics") },
  { "backstage", N_("Backstage") },
  { "images", N_("Images") },
};

static const JmEnumEntry channels[] = {
  { "none", N_("No channel") },
  { "website", N_("Website") },
  { "app", N_("App") },
  { "store", N_("Store") },
  { "phone", N_("Phone") },
  { "email", N_("Email") },
  { "chat", N_("Chat") },
  { "social", N_("Social media") },
  { "ads", N_("Advertising") },
  { "delivery", N_("Delivery") },
  { "packaging", N_("Packaging") },
  { "word-of-mouth", N_("Word of mouth") },
  { "other", N_("Other") },
};

static const JmEnumEntry severities[] = {
  { "none", N_("No severity") },
  { "low", N_("Low") },
  { "medium", N_("Medium") },
  { "high", N_("High") },
  { "critical", N_("Critical") },
};

static const JmEnumEntry priorities[] = {
  { "none", N_("No priority") },
  { "low", N_("Low") },
  { "medium", N_("Medium") },
  { "high", N_("High") },
};

static const JmEnumEntry evidence_levels[] = {
  { "none", N_("Not stated") },
  { "assumption", N_("Assumption") },
  { "partial", N_("Partly backed by research") },
  { "research", N_("Backed by research") },
};

static const JmEnumEntry metric_kinds[] = {
  { "csat", N_("CSAT") },
  { "nps", N_("NPS") },
  { "ces", N_("CES") },
  { "retention", N_("Retention") },
  { "conversion", N_("Conversion") },
  { "custom", N_("Custom metric") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (map_states) == JM_N_MAP_STATES);
G_STATIC_ASSERT (G_N_ELEMENTS (lane_kinds) == JM_N_LANE_KINDS);
G_STATIC_ASSERT (G_N_ELEMENTS (channels) == JM_N_CHANNELS);
G_STATIC_ASSERT (G_N_ELEMENTS (severities) == JM_N_SEVERITIES);
G_STATIC_ASSERT (G_N_ELEMENTS (priorities) == JM_N_PRIORITIES);
G_STATIC_ASSERT (G_N_ELEMENTS (evidence_levels) == JM_N_EVIDENCE_LEVELS);
G_STATIC_ASSERT (G_N_ELEMENTS (metric_kinds) == JM_N_METRIC_KINDS);

static gboolean
lookup (const JmEnumEntry *table,
        guint              n,
        const char        *str,
        int               *out)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      if (strcmp (table[i].name, str) == 0)
        {
          *out = (int) i;
          return TRUE;
        }
    }

  return FALSE;
}

#define JM_DEFINE_ENUM_STRINGS(Type, prefix, table)                        \
  const char *                                                             \
  prefix##_to_string (Type value)                                          \
  {                                                                        \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (table), NULL);     \
    return table[value].name;                                              \
  }                                                                        \
                                                                           \
  gboolean                                                                 \
  prefix##_from_string (const char *str,                                   \
                        Type       *out)                                   \
  {                                                                        \
    int v;                                                                 \
    if (!lookup (table, G_N_ELEMENTS (table), str, &v))                    \
      return FALSE;                                                        \
    *out = (Type) v;                                                       \
    return TRUE;                                                           \
  }                                                                        \
                                                                           \
  const char *                                                             \
  prefix##_get_label (Type value)                                          \
  {                                                                        \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (table), NULL);     \
    return _(table[value].label);                                          \
  }                                                                        \
                                                                           \
  const char *                                                             \
  prefix##_get_label_in (Type        value,                                \
                         const char *lang)                                 \
  {                                                                        \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (table), NULL);     \
    return jm_i18n_gettext (lang, table[value].label);                     \
  }

JM_DEFINE_ENUM_STRINGS (JmMapState, jm_map_state, map_states)
JM_DEFINE_ENUM_STRINGS (JmLaneKind, jm_lane_kind, lane_kinds)
JM_DEFINE_ENUM_STRINGS (JmChannel, jm_channel, channels)
JM_DEFINE_ENUM_STRINGS (JmSeverity, jm_severity, severities)
JM_DEFINE_ENUM_STRINGS (JmPriority, jm_priority, priorities)
JM_DEFINE_ENUM_STRINGS (JmEvidence, jm_evidence, evidence_levels)
JM_DEFINE_ENUM_STRINGS (JmMetricKind, jm_metric_kind, metric_kinds)

gboolean
jm_channel_is_online (JmChannel channel)
{
  switch (channel)
    {
    case JM_CHANNEL_WEBSITE:
    case JM_CHANNEL_APP:
    case JM_CHANNEL_EMAIL:
    case JM_CHANNEL_CHAT:
    case JM_CHANNEL_SOCIAL:
    case JM_CHANNEL_ADS:
      return TRUE;
    case JM_CHANNEL_NONE:
    case JM_CHANNEL_STORE:
    case JM_CHANNEL_PHONE:
    case JM_CHANNEL_DELIVERY:
    case JM_CHANNEL_PACKAGING:
    case JM_CHANNEL_WORD_OF_MOUTH:
    case JM_CHANNEL_OTHER:
    case JM_N_CHANNELS:
    default:
      return FALSE;
    }
}

gboolean
jm_metric_kind_get_range (JmMetricKind  kind,
                          double       *min,
                          double       *max)
{
  double lo, hi;

  switch (kind)
    {
    case JM_METRIC_CSAT:
    case JM_METRIC_RETENTION:
    case JM_METRIC_CONVERSION:
      lo = 0;
      hi = 100;
      break;
    case JM_METRIC_NPS:
      lo = -100;
      hi = 100;
      break;
    case JM_METRIC_CES:
      lo = 1;
      hi = 7;
      break;
    case JM_METRIC_CUSTOM:
    case JM_N_METRIC_KINDS:
    default:
      return FALSE;
    }

  if (min)
    *min = lo;
  if (max)
    *max = hi;
  return TRUE;
}

const char *
jm_metric_kind_get_unit (JmMetricKind kind)
{
  switch (kind)
    {
    case JM_METRIC_CSAT:
    case JM_METRIC_RETENTION:
    case JM_METRIC_CONVERSION:
      return "%";
    case JM_METRIC_NPS:
    case JM_METRIC_CES:
    case JM_METRIC_CUSTOM:
    case JM_N_METRIC_KINDS:
    default:
      return "";
    }
}

G_DEFINE_QUARK (jm-model-error-quark, jm_model_error)
