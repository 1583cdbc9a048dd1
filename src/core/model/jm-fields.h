/* jm-fields.h — the fields of a map's objects, by name and as text: what
 * a diff compares, a merge combines one by one, a merge conflict records
 * and the outline prints. A value is written as the file format writes it
 * ("high", "82", "true", a step's id); NULL is a field that is not set. */
#pragma once

#include "jm-document.h"

G_BEGIN_DECLS

/* The kinds of object a map is made of, as diff and merge see them:
 * JmObjectType's, plus metrics, which live on cards and stages. */
typedef enum {
  JM_KIND_MAP,
  JM_KIND_PERSONA,
  JM_KIND_STAGE,
  JM_KIND_STEP,
  JM_KIND_LANE,
  JM_KIND_CARD,
  JM_KIND_METRIC,
  JM_KIND_EMOTION,
  JM_N_KINDS
} JmKind;

/* "map", "persona", … "emotion". */
const char *jm_kind_to_string   (JmKind      kind);
gboolean    jm_kind_from_string (const char *str,
                                 JmKind     *out);
/* Translated: "Card", "Metric"… */
const char *jm_kind_get_label   (JmKind      kind);

typedef enum {
  JM_FIELD_TEXT,   /* free text, may hold line breaks */
  JM_FIELD_WORD,   /* a short value: a name, a number, a colour, a vocabulary's name */
  JM_FIELD_LIST,   /* items, each a text, joined by JM_FIELD_LIST_SEPARATOR */
  JM_FIELD_IMAGE,  /* a PNG or JPEG image, base64 */
} JmFieldType;

/* U+001E, which XML 1.0 text can never hold, so it never occurs in an item. */
#define JM_FIELD_LIST_SEPARATOR "\x1e"

/* The map's own fields, for JM_KIND_MAP. */
typedef struct {
  char       *title;
  char       *scenario;
  char       *notes;
  JmMapState  state;
  double      metric_tolerance;
  char       *language;   /* xml:lang, NULL: none */
  gboolean    persona_details;
} JmMapHeader;

void jm_map_header_init  (JmMapHeader *header,
                          JmDocument  *document);
void jm_map_header_clear (JmMapHeader *header);

typedef struct {
  const char  *name;     /* as in the file: "text", "severity", "sample-size" */
  const char  *label;    /* untranslated (N_), pass through _() */
  JmFieldType  type;
  /* The value of the field of object (a JmMapHeader, JmPersona, JmStage,
   * JmStep, JmLane, JmCard, JmMetric or JmEmotion), newly allocated. */
  char     *(*get)     (gconstpointer  object);
  /* Sets the field from a value; FALSE (object unchanged) if the value is
   * not one the field can take. NULL unsets it where that is possible. */
  gboolean  (*set)     (gpointer       object,
                        const char    *value);
  /* For people: a translated label for a vocabulary's value, a score with
   * its sign; NULL: the value as it is. */
  char     *(*display) (const char    *value);
  /* The value a new object has, which the outline leaves out; may be NULL. */
  const char  *default_value;
} JmField;

/* The fields of a kind, in the order the file writes them. Emotions have
 * one, "score"; a kind's parent (a step's stage, a card's lane, a metric's
 * card or stage) and its position are not fields of the object itself. */
const JmField *jm_kind_get_fields  (JmKind      kind,
                                    guint      *n_fields);
const JmField *jm_kind_find_field  (JmKind      kind,
                                    const char *name);

/* The value for people, in the current language: texts in quotes, labels
 * of vocabularies, "none" for NULL, an image's type and size. */
char          *jm_field_display    (const JmField *field,
                                    const char    *value);

/* The shortest decimal form that reads back as the same double ("82",
 * "7.5", "-0.5"), as the file writes numbers. */
char          *jm_format_number    (double      value);
/* An emotion score for people: "+1", "−0.5" (with a minus sign), "0". */
char          *jm_format_score     (double      score);

/* An object for people: "Card “Pays at the till” (c3)", "Emotion of Giulia
 * at “Flat tyre” (as is)", as the document names it; with what the ids
 * are when the document does not have it. id is an emotion's persona. */
char          *jm_kind_describe_object (JmKind      kind,
                                        JmDocument *document,
                                        const char *id,
                                        const char *step_id,
                                        JmMapState  curve);
/* A card's text cut to its first line and about 40 characters. */
char          *jm_card_get_short_text  (const JmCard *card);

G_END_DECLS
