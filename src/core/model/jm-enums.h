/* jm-enums.h — the closed vocabularies of a journey map: lane kinds, channels,
 * severities, priorities, evidence levels, metric kinds and map states, with
 * their file-format names and their translated labels. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  JM_MAP_STATE_CURRENT, /* "as is" */
  JM_MAP_STATE_FUTURE,  /* "to be" */
  JM_N_MAP_STATES
} JmMapState;

typedef enum {
  JM_LANE_TEXT,
  JM_LANE_TOUCHPOINTS,
  JM_LANE_EMOTIONS,
  JM_LANE_PAIN_POINTS,
  JM_LANE_OPPORTUNITIES,
  JM_LANE_METRICS,
  JM_LANE_BACKSTAGE,
  JM_LANE_IMAGES,
  JM_N_LANE_KINDS
} JmLaneKind;

typedef enum {
  JM_CHANNEL_NONE,
  JM_CHANNEL_WEBSITE,
  JM_CHANNEL_APP,
  JM_CHANNEL_STORE,
  JM_CHANNEL_PHONE,
  JM_CHANNEL_EMAIL,
  JM_CHANNEL_CHAT,
  JM_CHANNEL_SOCIAL,
  JM_CHANNEL_ADS,
  JM_CHANNEL_DELIVERY,
  JM_CHANNEL_PACKAGING,
  JM_CHANNEL_WORD_OF_MOUTH,
  JM_CHANNEL_OTHER,
  JM_N_CHANNELS
} JmChannel;

typedef enum {
  JM_SEVERITY_NONE,
  JM_SEVERITY_LOW,
  JM_SEVERITY_MEDIUM,
  JM_SEVERITY_HIGH,
  JM_SEVERITY_CRITICAL,
  JM_N_SEVERITIES
} JmSeverity;

typedef enum {
  JM_PRIORITY_NONE,
  JM_PRIORITY_LOW,
  JM_PRIORITY_MEDIUM,
  JM_PRIORITY_HIGH,
  JM_N_PRIORITIES
} JmPriority;

typedef enum {
  JM_EVIDENCE_NONE,
  JM_EVIDENCE_ASSUMPTION,
  JM_EVIDENCE_PARTIAL,   /* partly backed by research */
  JM_EVIDENCE_RESEARCH,  /* backed by research */
  JM_N_EVIDENCE_LEVELS
} JmEvidence;

typedef enum {
  JM_METRIC_CSAT,
  JM_METRIC_NPS,
  JM_METRIC_CES,
  JM_METRIC_RETENTION,
  JM_METRIC_CONVERSION,
  JM_METRIC_CUSTOM,
  JM_N_METRIC_KINDS
} JmMetricKind;

/* File-format names ("touchpoints", "word-of-mouth", "csat"…). The *_from_string
 * functions return FALSE for an unknown name and leave *out untouched. NONE
 * values have the name "none". */
const char *jm_map_state_to_string      (JmMapState   state);
gboolean    jm_map_state_from_string    (const char  *str,
                                         JmMapState  *out);
const char *jm_lane_kind_to_string      (JmLaneKind   kind);
gboolean    jm_lane_kind_from_string    (const char  *str,
                                         JmLaneKind  *out);
const char *jm_channel_to_string        (JmChannel    channel);
gboolean    jm_channel_from_string      (const char  *str,
                                         JmChannel   *out);
const char *jm_severity_to_string       (JmSeverity   severity);
gboolean    jm_severity_from_string     (const char  *str,
                                         JmSeverity  *out);
const char *jm_priority_to_string       (JmPriority   priority);
gboolean    jm_priority_from_string     (const char  *str,
                                         JmPriority  *out);
const char *jm_evidence_to_string       (JmEvidence   evidence);
gboolean    jm_evidence_from_string     (const char  *str,
                                         JmEvidence  *out);
const char *jm_metric_kind_to_string    (JmMetricKind kind);
gboolean    jm_metric_kind_from_string  (const char  *str,
                                         JmMetricKind *out);

/* Translated, human labels for the interface and the rendered map. */
const char *jm_map_state_get_label      (JmMapState   state);
const char *jm_lane_kind_get_label      (JmLaneKind   kind);
const char *jm_channel_get_label        (JmChannel    channel);
const char *jm_severity_get_label       (JmSeverity   severity);
const char *jm_priority_get_label       (JmPriority   priority);
const char *jm_evidence_get_label       (JmEvidence   evidence);
const char *jm_metric_kind_get_label    (JmMetricKind kind);
/* The same in a map's language (jm-i18n.h); lang NULL: as above. */
const char *jm_map_state_get_label_in   (JmMapState   state,
                                         const char  *lang);
const char *jm_lane_kind_get_label_in   (JmLaneKind   kind,
                                         const char  *lang);
const char *jm_channel_get_label_in     (JmChannel    channel,
                                         const char  *lang);
const char *jm_severity_get_label_in    (JmSeverity   severity,
                                         const char  *lang);
const char *jm_priority_get_label_in    (JmPriority   priority,
                                         const char  *lang);
const char *jm_evidence_get_label_in    (JmEvidence   evidence,
                                         const char  *lang);
const char *jm_metric_kind_get_label_in (JmMetricKind kind,
                                         const char  *lang);

/* TRUE for channels where the customer meets the company online. */
gboolean    jm_channel_is_online        (JmChannel    channel);

/* Range and direction of the built-in metric kinds; custom metrics have no
 * range (any finite value) and carry their own direction. */
gboolean    jm_metric_kind_get_range    (JmMetricKind kind,
                                         double      *min,
                                         double      *max);
const char *jm_metric_kind_get_unit     (JmMetricKind kind);

/* Emotion scores lie on this scale. */
#define JM_EMOTION_MIN (-2.0)
#define JM_EMOTION_MAX (2.0)

G_END_DECLS
