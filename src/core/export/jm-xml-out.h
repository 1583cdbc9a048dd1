/* jm-xml-out.h — a small front to libxml2's xmlTextWriter for the decks'
 * parts: XML written into memory, numbers always with a full stop
 * whatever the locale, colours as hex. */
#pragma once

#include <glib.h>
#include <libxml/xmlwriter.h>

#include "jm-theme.h"

G_BEGIN_DECLS

typedef struct {
  xmlBufferPtr     buffer;
  xmlTextWriterPtr writer;
} JmXmlOut;

/* With the XML declaration (standalone="yes" when standalone), or, for a
 * fragment to be spliced into another part, without. */
void  jm_xml_out_begin      (JmXmlOut   *out,
                             gboolean    declaration,
                             gboolean    standalone);
/* The text written (transfer full); the writer is done. */
char *jm_xml_out_end        (JmXmlOut   *out);

void  jm_xml_start          (JmXmlOut   *out,
                             const char *name);
void  jm_xml_end            (JmXmlOut   *out);
void  jm_xml_attr           (JmXmlOut   *out,
                             const char *name,
                             const char *value);
void  jm_xml_attr_int       (JmXmlOut   *out,
                             const char *name,
                             gint64      value);
/* A number with up to three decimals and a unit: "12.5pt". */
void  jm_xml_attr_length    (JmXmlOut   *out,
                             const char *name,
                             double      value,
                             const char *unit);
/* "#rrggbb" with hash, "RRGGBB" without. */
void  jm_xml_attr_color     (JmXmlOut   *out,
                             const char *name,
                             JmColor     color,
                             gboolean    hash);
void  jm_xml_text           (JmXmlOut   *out,
                             const char *text);
void  jm_xml_raw            (JmXmlOut   *out,
                             const char *xml);
/* An element with text and no attributes. */
void  jm_xml_element        (JmXmlOut   *out,
                             const char *name,
                             const char *text);

/* "12.5" (up to three decimals, no trailing zeros) into buf. */
char *jm_xml_format_number  (char       *buf,
                             gsize       size,
                             double      value);
/* The colour as "rrggbb", lower case, into buf (at least 7 bytes). */
char *jm_xml_format_color   (char       *buf,
                             JmColor     color,
                             gboolean    upper);

G_END_DECLS
