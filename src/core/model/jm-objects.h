/* jm-objects.h — the plain records a journey map is made of: personas,
 * stages and their steps, lanes and their cards, metrics, emotion scores and
 * the foreign XML they carry. A JmDocument owns them; code outside the model
 * reads their fields but changes them only through the document's commands
 * (usually on a copy made with the *_copy functions). */
#pragma once

#include <glib.h>

#include "jm-enums.h"
#include "jm-model-error.h"

G_BEGIN_DECLS

/* XML in other namespaces, kept so it can be written back unchanged. */
typedef struct {
  char *ns_uri;
  char *prefix;     /* may be NULL */
  char *name;       /* local name */
  char *value;
} JmForeignAttr;

typedef struct {
  GPtrArray *attrs;     /* JmForeignAttr*, may be NULL */
  GPtrArray *elements;  /* char*: each a complete serialised element, may be NULL */
} JmForeign;

typedef struct {
  char        *id;
  JmMetricKind kind;
  char        *name;             /* custom metrics: their name */
  char        *unit;             /* custom metrics: e.g. "min", "€"; may be NULL */
  gboolean     higher_is_better; /* fixed for built-in kinds (CES: lower is better) */
  double       value;
  gboolean     has_target;
  double       target;
  guint        sample_size;      /* 0: unknown */
  char        *date;             /* "YYYY-MM-DD" or NULL */
  JmForeign   *foreign;
} JmMetric;

typedef struct {
  char      *id;
  char      *name;
  JmForeign *foreign;
} JmStep;

typedef struct {
  char      *id;
  char      *name;
  char      *color;     /* "#rrggbb"; a document gives one to a stage built or inserted without */
  char      *notes;     /* presenter notes, may be NULL */
  GPtrArray *steps;     /* JmStep*, at least one */
  GPtrArray *metrics;   /* JmMetric* */
  JmForeign *foreign;
} JmStage;

typedef struct {
  char       *id;
  char       *step_id;          /* the first step (column) it covers */
  guint       span;             /* number of steps covered, >= 1 */
  char       *text;
  JmChannel   channel;          /* touchpoints */
  gboolean    moment_of_truth;  /* touchpoints */
  JmSeverity  severity;         /* pain points */
  JmPriority  priority;         /* opportunities */
  char       *owner;            /* opportunities, may be NULL */
  JmEvidence  evidence;
  char      **personas;         /* ids of the personas it is scoped to; NULL: all */
  GBytes     *image;            /* images lane: embedded PNG or JPEG, may be NULL */
  char       *image_type;       /* "image/png" or "image/jpeg" */
  GPtrArray  *metrics;          /* JmMetric* */
  JmForeign  *foreign;
} JmCard;

typedef struct {
  char       *id;
  char       *title;
  JmLaneKind  kind;
  GPtrArray  *cards;  /* JmCard*, in reading order (by step, then position in the cell) */
  JmForeign  *foreign;
} JmLane;

typedef struct {
  char      *id;
  char      *name;
  guint      age;          /* 0: not given */
  char      *occupation;
  char      *bio;
  char      *quote;
  char      *color;        /* "#rrggbb" for the emotion curve, or NULL for the palette */
  GBytes    *photo;        /* embedded PNG or JPEG, may be NULL */
  char      *photo_type;   /* "image/png" or "image/jpeg" */
  char     **goals;        /* NULL-terminated lists, never NULL (may be empty) */
  char     **needs;
  char     **frustrations;
  char     **interests;
  GArray    *channels;     /* JmChannel, preferred channels in order */
  JmForeign *foreign;
} JmPersona;

typedef struct {
  char       *persona_id;
  char       *step_id;
  JmMapState  curve;       /* which curve: as is, or to be */
  double      score;       /* JM_EMOTION_MIN .. JM_EMOTION_MAX */
} JmEmotion;

/* Where the answers of one survey column go. */
typedef enum {
  JM_SURVEY_TARGET_NONE,       /* nowhere: the column is left out on purpose */
  JM_SURVEY_TARGET_CARD,       /* a metric of a card (a touchpoint) */
  JM_SURVEY_TARGET_STAGE,      /* a metric of a stage */
  JM_SURVEY_TARGET_VERBATIMS,  /* each answer a card of its own in a text lane */
} JmSurveyTarget;

/* One column of a survey tool's export, keyed by its header as the tool
 * writes it, and what it becomes in the map. */
typedef struct {
  char           *header;
  JmSurveyTarget  target;
  char           *target_id;   /* the card, stage or (verbatims) lane */
  char           *step_id;     /* verbatims: the step their cards go in */
  JmMetricKind    kind;        /* card, stage: nps, csat, ces or custom */
  char           *name;        /* custom: the metric's name, may be NULL */
  JmForeign      *foreign;
} JmSurveyField;

/* How a survey's export maps onto the map, saved with it so that the
 * next export of the same survey imports with one confirmation. */
typedef struct {
  char      *id;
  char      *name;      /* for people: "Post-visit survey", may be NULL */
  char      *layout;    /* the export's layout ("google-forms"…), may be NULL */
  GPtrArray *fields;    /* JmSurveyField*, in the export's column order */
  JmForeign *foreign;
} JmSurvey;

/* Photos and images larger than this are refused. */
#define JM_MAX_IMAGE_BYTES (4 * 1024 * 1024)

JmForeign *jm_foreign_copy        (const JmForeign *foreign);
void       jm_foreign_free        (JmForeign       *foreign);
void       jm_foreign_add_attr    (JmForeign      **foreign,
                                   const char      *ns_uri,
                                   const char      *prefix,
                                   const char      *name,
                                   const char      *value);
void       jm_foreign_add_element (JmForeign      **foreign,
                                   const char      *xml);

JmMetric  *jm_metric_new          (const char      *id,
                                   JmMetricKind     kind,
                                   double           value);
JmMetric  *jm_metric_copy         (const JmMetric  *metric);
void       jm_metric_free         (JmMetric        *metric);
/* Checks the value and target against the kind's range; the message says
 * which number is wrong and what the range is. */
gboolean   jm_metric_validate     (const JmMetric  *metric,
                                   GError         **error);
gboolean   jm_metric_kind_check_value (JmMetricKind kind,
                                       double       value,
                                       GError     **error);

/* TRUE for a real calendar date written YYYY-MM-DD. */
gboolean   jm_date_is_valid       (const char      *str);

/* How a metric compares with its target: met, missed by at most
 * tolerance_percent of the target (near: amber), or missed by more (red). */
typedef enum {
  JM_METRIC_STATUS_NONE,    /* no target */
  JM_METRIC_STATUS_MET,
  JM_METRIC_STATUS_NEAR,
  JM_METRIC_STATUS_MISSED,
} JmMetricStatus;

#define JM_METRIC_TOLERANCE_DEFAULT 10.0
#define JM_METRIC_TOLERANCE_MIN      0.0
#define JM_METRIC_TOLERANCE_MAX    100.0

JmMetricStatus jm_metric_get_status (const JmMetric *metric,
                                     double          tolerance_percent);

JmStep    *jm_step_new            (const char      *id,
                                   const char      *name);
JmStep    *jm_step_copy           (const JmStep    *step);
void       jm_step_free           (JmStep          *step);

JmStage   *jm_stage_new           (const char      *id,
                                   const char      *name);
JmStage   *jm_stage_copy          (const JmStage   *stage);
void       jm_stage_free          (JmStage         *stage);

JmCard    *jm_card_new            (const char      *id,
                                   const char      *step_id,
                                   const char      *text);
JmCard    *jm_card_copy           (const JmCard    *card);
void       jm_card_free           (JmCard          *card);

void       jm_set_str             (char           **dest,
                                   const char      *value);
gboolean   jm_card_applies_to     (const JmCard    *card,
                                   const char      *persona_id);

JmLane    *jm_lane_new            (const char      *id,
                                   JmLaneKind       kind,
                                   const char      *title);
JmLane    *jm_lane_copy           (const JmLane    *lane);
void       jm_lane_free           (JmLane          *lane);

JmPersona *jm_persona_new         (const char      *id,
                                   const char      *name);
JmPersona *jm_persona_copy        (const JmPersona *persona);
void       jm_persona_free        (JmPersona       *persona);

JmEmotion *jm_emotion_new         (const char      *persona_id,
                                   const char      *step_id,
                                   JmMapState       curve,
                                   double           score);
JmEmotion *jm_emotion_copy        (const JmEmotion *emotion);
void       jm_emotion_free        (JmEmotion       *emotion);

JmSurveyField *jm_survey_field_new   (const char          *header);
JmSurveyField *jm_survey_field_copy  (const JmSurveyField *field);
void           jm_survey_field_free  (JmSurveyField       *field);
JmSurvey      *jm_survey_new         (const char          *id,
                                      const char          *name);
JmSurvey      *jm_survey_copy        (const JmSurvey      *survey);
void           jm_survey_free        (JmSurvey            *survey);
/* The field of this header, or NULL. */
JmSurveyField *jm_survey_find_field  (const JmSurvey      *survey,
                                      const char          *header);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JmMetric, jm_metric_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JmStep, jm_step_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JmStage, jm_stage_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JmCard, jm_card_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JmLane, jm_lane_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JmPersona, jm_persona_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JmEmotion, jm_emotion_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JmSurveyField, jm_survey_field_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JmSurvey, jm_survey_free)

G_END_DECLS
