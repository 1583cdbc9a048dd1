/* jm-xml-cursor.h — a forward-only cursor over an XML document, one node
 * at a time, as xmlTextReader walks it, but on libxml2's SAX2 push parser:
 * no tree is built, not even for the node in hand. The reader (jm-reader.c)
 * is its one user. Private to src/core/io. */
#pragma once

#include <glib.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>

G_BEGIN_DECLS

typedef struct _JmXmlCursor JmXmlCursor;

/* An attribute of the current element. A namespace declaration is one
 * too, as xmlTextReader shows it: namespace_uri is XMLNS_URI, and
 * local_name is the declared prefix (prefix "xmlns"), or "xmlns" for the
 * default namespace (prefix NULL). */
typedef struct {
  const char *local_name;
  const char *prefix;         /* NULL when there is none */
  const char *namespace_uri;  /* NULL when there is none */
  const char *value;          /* decoded, NUL-terminated */
} JmXmlAttribute;

#define JM_XML_CURSOR_XMLNS_URI "http://www.w3.org/2000/xmlns/"

/* Reads `data` (which must outlive the cursor) with XML_PARSE_NONET, in
 * the encoding it declares (UTF-8 if none), and no entity but the five
 * predefined ones. Errors go to on_error with user_data, as libxml2
 * raises them. A document type declaration ends the parse at once: it is
 * the last node read (XML_READER_TYPE_DOCUMENT_TYPE). Elements nested
 * deeper than max_depth end it too, after the first of them. */
JmXmlCursor *jm_xml_cursor_new  (const char             *data,
                                 gsize                   len,
                                 const char             *name,
                                 int                     max_depth,
                                 xmlStructuredErrorFunc  on_error,
                                 void                   *user_data);
void         jm_xml_cursor_free (JmXmlCursor            *cursor);

/* Moves to the next node: 1, 0 at the end of the document, -1 when the
 * document is not well-formed (libxml2 said why, see on_error) or could
 * not be read. As xmlTextReaderRead(): an element written <a/> is one
 * node (is_empty), <a></a> two (the element and its end); a run of text
 * is one node, however libxml2 delivered it. */
int          jm_xml_cursor_read          (JmXmlCursor *cursor);

/* XML_READER_TYPE_ELEMENT, _END_ELEMENT, _TEXT, _CDATA, _COMMENT,
 * _PROCESSING_INSTRUCTION or _DOCUMENT_TYPE. */
int          jm_xml_cursor_type          (JmXmlCursor *cursor);
/* The root element is at depth 0, its children at 1. */
int          jm_xml_cursor_depth         (JmXmlCursor *cursor);
/* The line of the node (of its start tag, for an element's end). */
int          jm_xml_cursor_line          (JmXmlCursor *cursor);
gboolean     jm_xml_cursor_is_empty      (JmXmlCursor *cursor);
/* An element's (or PI's) name: valid as long as the cursor. */
const char  *jm_xml_cursor_local_name    (JmXmlCursor *cursor);
const char  *jm_xml_cursor_namespace_uri (JmXmlCursor *cursor);
/* Text, CDATA, comment or PI data, NUL-terminated; valid until the next
 * read, as are the attributes' values. */
const char  *jm_xml_cursor_value         (JmXmlCursor *cursor);
gsize        jm_xml_cursor_value_length  (JmXmlCursor *cursor);

guint                 jm_xml_cursor_n_attributes (JmXmlCursor *cursor);
const JmXmlAttribute *jm_xml_cursor_attribute    (JmXmlCursor *cursor,
                                                  guint        i);

/* Copying the current element and everything in it as XML, as
 * xmlTextReaderReadOuterXml() writes it (in UTF-8, with the namespaces it
 * uses declared on it): start_copy() on the element, read on to its end
 * (or further), and end_copy() gives the XML, or NULL if the document
 * ended or failed before the element did, or if its names, texts and
 * values came to more than max_bytes (then *too_large is set, and the
 * copy stopped growing at that point). */
void         jm_xml_cursor_start_copy (JmXmlCursor *cursor,
                                       gsize        max_bytes);
char        *jm_xml_cursor_end_copy   (JmXmlCursor *cursor,
                                       gboolean    *too_large);

G_END_DECLS
