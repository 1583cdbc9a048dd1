/* jm-survey.h — survey responses as survey tools export them: Google
 * Forms, Microsoft Forms, Qualtrics (current and legacy), SurveyMonkey and
 * Typeform write one row per response and one column per question; our
 * own long form (jm-csv.h) one row per answer. The layout is told from
 * the header rows and always reported. Each question column gets the
 * scale its answers use (NPS 0–10, CSAT 1–5, CES 1–7, other numbers,
 * words) and a proposed target in the map: the mapping the map saved for
 * this survey, or a touchpoint (or a stage) the question names. Applying
 * sets the metrics (and, on request, adds text answers as cards) as one
 * undoable step, and saves the mapping in the map (JmSurvey). */
#pragma once

#include "jm-csv.h"
#include "jm-document.h"
#include "jm-io-error.h"

G_BEGIN_DECLS

typedef enum {
  JM_SURVEY_LAYOUT_LONG,              /* ours: touchpoint, metric, score, date */
  JM_SURVEY_LAYOUT_GOOGLE_FORMS,
  JM_SURVEY_LAYOUT_MICROSOFT_FORMS,
  JM_SURVEY_LAYOUT_QUALTRICS,
  JM_SURVEY_LAYOUT_QUALTRICS_LEGACY,
  JM_SURVEY_LAYOUT_SURVEYMONKEY,
  JM_SURVEY_LAYOUT_TYPEFORM,
  JM_SURVEY_LAYOUT_TABLE,             /* one header row, no tool recognised */
  JM_N_SURVEY_LAYOUTS
} JmSurveyLayout;

typedef enum {
  JM_SURVEY_SCALE_EMPTY,    /* no answers at all */
  JM_SURVEY_SCALE_NPS,      /* whole numbers 0–10 */
  JM_SURVEY_SCALE_CSAT,     /* 1–5 */
  JM_SURVEY_SCALE_CES,      /* 1–7 */
  JM_SURVEY_SCALE_NUMBER,   /* other numbers: a custom metric's */
  JM_SURVEY_SCALE_TEXT,     /* words */
  JM_N_SURVEY_SCALES
} JmSurveyScale;

/* File-format names ("google-forms") and translated labels ("Google Forms"). */
const char *jm_survey_layout_to_string   (JmSurveyLayout  layout);
gboolean    jm_survey_layout_from_string (const char     *str,
                                          JmSurveyLayout *out);
const char *jm_survey_layout_get_label   (JmSurveyLayout  layout);
const char *jm_survey_scale_get_label    (JmSurveyScale   scale);

typedef struct _JmSurveyQuestionPrivate JmSurveyQuestionPrivate;

/* One question column of the export. */
typedef struct {
  guint          column;      /* in the file, from 0 */
  char          *header;      /* its key (JmSurveyField.header) */
  char          *question;    /* as people read it */
  JmSurveyScale  scale;
  double         min;         /* of the numbers answered (NAN: none) */
  double         max;
  guint          n_answers;   /* not blank */
  JmSurveyField *field;       /* where the answers go: saved, proposed or chosen; never NULL */
  gboolean       saved;       /* field is the one the map saved for this survey */
  JmSurveyQuestionPrivate *priv;
} JmSurveyQuestion;

typedef struct _JmSurveyImportPrivate JmSurveyImportPrivate;

typedef struct {
  char           *display_name;
  JmSurveyLayout  layout;
  guint           header_rows;
  guint           n_responses;   /* data rows read */
  char           *date_header;   /* the column dates come from, or NULL */
  char           *first_date;    /* of the responses, YYYY-MM-DD, or NULL */
  char           *last_date;
  char           *survey_id;     /* the map's saved survey this one is, or NULL */
  GPtrArray      *questions;     /* JmSurveyQuestion* (none in the long layout) */
  GPtrArray      *problems;      /* JmProblem*: what could not be used, summed up */
  GPtrArray      *notes;         /* char*: about the whole file (language…) */
  JmCsvImport    *long_import;   /* the long layout's responses, or NULL */
  JmSurveyImportPrivate *priv;
} JmSurveyImport;

/* What applying gives one mapped question. */
typedef struct {
  JmSurveyQuestion *question;
  double            value;        /* the metric's value */
  guint             sample_size;  /* answers counted */
  guint             n_outside;    /* answers outside the metric's scale, left out */
  char             *date;         /* the latest counted answer's, or NULL */
  guint             n_cards;      /* verbatims: cards to add */
} JmSurveyResult;

/* Reads the export. NULL only when it cannot be read at all (not text,
 * too large, empty, no question); then error says FILE:LINE: why. */
JmSurveyImport *jm_survey_import_load_bytes (JmDocument     *document,
                                             const char     *display_name,
                                             const char     *data,
                                             gsize           len,
                                             GError        **error);
JmSurveyImport *jm_survey_import_load_path  (JmDocument     *document,
                                             const char     *path,
                                             GError        **error);
void            jm_survey_import_free       (JmSurveyImport *import);

/* One sentence: which layout was read, how many responses, dates from where. */
char           *jm_survey_import_describe   (JmSurveyImport *import);

/* Only responses dated within since..until (YYYY-MM-DD, inclusive; NULL
 * leaves that end open) count. Responses without a date then do not. */
void            jm_survey_import_set_date_range (JmSurveyImport *import,
                                                 const char     *since,
                                                 const char     *until);

/* Points question at a target: takes field (transfer full). */
void            jm_survey_import_set_field  (JmSurveyImport   *import,
                                             JmSurveyQuestion *question,
                                             JmSurveyField    *field);
/* Text answers as cards: a text lane (one called "Thoughts" first), at
 * the step of the card or stage the question names, else the first. */
void            jm_survey_import_propose_verbatims (JmSurveyImport   *import,
                                                    JmDocument       *document,
                                                    JmSurveyQuestion *question);

/* The results of every mapped question, JmSurveyResult*. */
GPtrArray      *jm_survey_import_get_results  (JmSurveyImport *import,
                                               JmDocument     *document);
/* The questions whose answers go nowhere, JmSurveyQuestion*. With
 * saved_only, those the map's saved mapping does not send anywhere. */
GPtrArray      *jm_survey_import_get_unmapped (JmSurveyImport *import,
                                               gboolean        saved_only);
/* Keeps only what the map's saved mapping says: new columns go nowhere. */
void            jm_survey_import_use_saved_only (JmSurveyImport *import);

/* Sets the metrics, adds the verbatims and saves the mapping in the map,
 * as one undoable step. */
void            jm_survey_import_apply      (JmSurveyImport *import,
                                             JmDocument     *document);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JmSurveyImport, jm_survey_import_free)

G_END_DECLS
