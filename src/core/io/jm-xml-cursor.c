/* jm-xml-cursor.c — see jm-xml-cursor.h.
 *
 * libxml2's push parser is fed the document a chunk at a time; its SAX2
 * callbacks append what they see to a queue of nodes, whose strings live
 * in one arena, and the cursor hands the queue out node by node. Once the
 * queue is empty both are reset and the next chunk is parsed, so memory
 * stays that of one chunk whatever the document's size. Names come from
 * the parser's dictionary and last as long as the cursor.
 *
 * xmlTextReader, which the reader used before, builds (and frees) a tree
 * node for every node and pushes the document 512 bytes at a time. */
#include "config.h"

#include <string.h>

#include "jm-xml-cursor.h"

/* Big enough that the parser's per-call work is small beside the parse,
 * small enough that a chunk's nodes stay in the cache. The fuzzing build
 * makes it tiny. */
#ifndef JM_XML_CURSOR_CHUNK_BYTES
#define JM_XML_CURSOR_CHUNK_BYTES (32 * 1024)
#endif
#define CHUNK_BYTES JM_XML_CURSOR_CHUNK_BYTES

/* A run of text longer than this is cut here: jm-reader.c refuses text
 * of a megabyte, libxml2's tree builder ten. */
#define MAX_TEXT_BYTES (16 * 1024 * 1024)

typedef struct {
  int         type;
  int         depth;
  int         line;
  gboolean    empty;
  const char *local_name;    /* the parser's dictionary */
  const char *prefix;
  const char *namespace_uri;
  gsize       value;         /* offset in the arena */
  gsize       value_len;
  guint       first_attr;
  guint       n_attrs;
} Node;

typedef struct {
  const char *local_name;
  const char *prefix;
  const char *namespace_uri;
  gsize       value;         /* offset in the arena */
} RawAttribute;

/* An error takes its place in the queue, as a node of this type, so that
 * it is told once the nodes before it have been read, as xmlTextReader
 * tells it. */
#define ERROR_NODE (-1)

typedef struct {
  int   domain;
  int   code;
  int   level;
  int   line;
  gsize message;             /* offset in the arena */
} QueuedError;

struct _JmXmlCursor {
  xmlParserCtxtPtr        parser;
  const char             *data;
  gsize                   len;
  gsize                   fed;
  gboolean                finished;   /* nothing more will come from the parser */
  gboolean                failed;
  gboolean                stopped;    /* by us: DOCTYPE, depth */
  int                     max_depth;
  xmlStructuredErrorFunc  on_error;
  void                   *user_data;

  Node                   *nodes;      /* the queue */
  guint                   n_nodes;
  guint                   nodes_room;
  guint                   next;       /* the next to hand out */
  RawAttribute           *raw_attrs;  /* of the queued elements */
  guint                   n_raw_attrs;
  guint                   raw_attrs_room;
  GArray                 *errors;     /* QueuedError, by the nodes' first_attr */
  GString                *arena;      /* every value, each followed by a NUL */
  int                     open;       /* elements open in the parser */
  int                     lines[256]; /* their lines, as deep as max_depth allows */
  gboolean                skip_end;   /* the end of an <a/> comes next */

  Node                    current;
  GArray                 *attrs;      /* JmXmlAttribute of the current element */

  xmlDocPtr               copy_doc;
  xmlNodePtr              copy_parent;
  int                     copy_depth;
  gboolean                copy_done;
  gboolean                copy_too_large;
  gsize                   copy_bytes;   /* names, texts and values so far */
  gsize                   copy_max_bytes;
};

/* ---- the arena ---- */

/* Appends text and its NUL. GLib 2.74's appends are calls that check for
 * overlaps and growth before they copy; the arena, reset after every
 * chunk, nearly always has the room. */
static inline void
arena_put (GString    *arena,
           const char *text,
           gsize       len)
{
  if (G_LIKELY (arena->len + len + 1 < arena->allocated_len))
    {
      memcpy (arena->str + arena->len, text, len);
      arena->len += len + 1;
      arena->str[arena->len - 1] = '\0';
      arena->str[arena->len] = '\0';
    }
  else
    {
      g_string_append_len (arena, text, (gssize) len);
      g_string_append_c (arena, '\0');
    }
}

/* Appends an attribute's value, decoded: without entity substitution
 * libxml2 hands an "&" of an attribute (however written) over as "&#38;",
 * and a literal "&" cannot be there. */
static void
append_decoded (GString    *out,
                const char *text,
                gsize       len)
{
  const char *end = text + len;

  while (text < end)
    {
      const char *amp = memchr (text, '&', (gsize) (end - text));

      if (amp == NULL)
        {
          g_string_append_len (out, text, end - text);
          break;
        }
      g_string_append_len (out, text, amp - text);
      g_string_append_c (out, '&');
      text = amp + 1;
      if ((gsize) (end - text) >= 4 && memcmp (text, "#38;", 4) == 0)
        text += 4;
    }
}

/* Appends a value (decoded, if an attribute's) and its NUL. */
static gsize
arena_add (JmXmlCursor *cursor,
           const char  *text,
           gsize        len,
           gboolean     attribute)
{
  gsize offset = cursor->arena->len;

  if (attribute && memchr (text, '&', len) != NULL)
    {
      append_decoded (cursor->arena, text, len);
      g_string_append_c (cursor->arena, '\0');
    }
  else
    arena_put (cursor->arena, text, len);
  return offset;
}

/* The queues are plain arrays that only grow: GArray's appends are
 * calls, and a chunk queues thousands of nodes. */
static Node *
queue_node (JmXmlCursor *cursor,
            int          type)
{
  Node *node;

  if (G_UNLIKELY (cursor->n_nodes == cursor->nodes_room))
    {
      cursor->nodes_room *= 2;
      cursor->nodes = g_renew (Node, cursor->nodes, cursor->nodes_room);
    }
  node = &cursor->nodes[cursor->n_nodes++];
  memset (node, 0, sizeof *node);
  node->type = type;
  node->depth = cursor->open;
  /* The parser is NULL while xmlCreatePushParserCtxt() reads the first bytes. */
  node->line = cursor->parser != NULL && cursor->parser->input != NULL ? cursor->parser->input->line : 0;
  return node;
}

static RawAttribute *
queue_attribute (JmXmlCursor *cursor)
{
  if (G_UNLIKELY (cursor->n_raw_attrs == cursor->raw_attrs_room))
    {
      cursor->raw_attrs_room *= 2;
      cursor->raw_attrs = g_renew (RawAttribute, cursor->raw_attrs, cursor->raw_attrs_room);
    }
  return &cursor->raw_attrs[cursor->n_raw_attrs++];
}

static void
stop (JmXmlCursor *cursor)
{
  cursor->stopped = TRUE;
  xmlStopParser (cursor->parser);
}

/* ---- SAX2 callbacks ---- */

static void
on_start_element (void           *user_data,
                  const xmlChar  *local_name,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             n_namespaces,
                  const xmlChar **namespaces,
                  int             n_attributes,
                  int             n_defaulted,
                  const xmlChar **attributes)
{
  JmXmlCursor *cursor = user_data;
  const xmlChar *cur = cursor->parser->input->cur;
  Node *node = queue_node (cursor, XML_READER_TYPE_ELEMENT);

  node->local_name = (const char *) local_name;
  node->prefix = (const char *) prefix;
  node->namespace_uri = (const char *) uri;
  /* Called before the parser moves past the end of the start tag. */
  node->empty = cur != NULL && cur[0] == '/' && cur[1] == '>';
  node->first_attr = cursor->n_raw_attrs;

  for (int i = 0; i < n_namespaces; i++)
    {
      const char *declared = (const char *) namespaces[2 * i];
      const char *href = (const char *) namespaces[2 * i + 1];
      gsize value = arena_add (cursor, href != NULL ? href : "", href != NULL ? strlen (href) : 0, TRUE);
      RawAttribute *attr = queue_attribute (cursor);

      attr->local_name = declared != NULL ? declared : "xmlns";
      attr->prefix = declared != NULL ? "xmlns" : NULL;
      attr->namespace_uri = JM_XML_CURSOR_XMLNS_URI;
      attr->value = value;
    }
  for (int i = 0; i < n_attributes; i++)
    {
      const xmlChar **a = attributes + 5 * i;
      gsize value = arena_add (cursor, (const char *) a[3], (gsize) (a[4] - a[3]), TRUE);
      RawAttribute *attr = queue_attribute (cursor);

      attr->local_name = (const char *) a[0];
      attr->prefix = (const char *) a[1];
      attr->namespace_uri = (const char *) a[2];
      attr->value = value;
    }
  node->n_attrs = cursor->n_raw_attrs - node->first_attr;

  if (node->empty)
    cursor->skip_end = TRUE;
  else if (cursor->open < (int) G_N_ELEMENTS (cursor->lines))
    cursor->lines[cursor->open++] = node->line;

  if (node->depth > cursor->max_depth)
    stop (cursor);
}

static void
on_end_element (void          *user_data,
                const xmlChar *local_name,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  JmXmlCursor *cursor = user_data;
  Node *node;

  if (cursor->skip_end)
    {
      cursor->skip_end = FALSE;
      return;
    }
  if (cursor->open == 0)
    return;

  cursor->open--;
  node = queue_node (cursor, XML_READER_TYPE_END_ELEMENT);
  node->line = cursor->lines[cursor->open];
  node->local_name = (const char *) local_name;
  node->prefix = (const char *) prefix;
  node->namespace_uri = (const char *) uri;
}

/* Text and CDATA come in pieces: a piece that follows one of its kind not
 * handed out yet (and so last in the arena) joins it. */
static void
add_text (JmXmlCursor   *cursor,
          int            type,
          const xmlChar *text,
          int            len)
{
  Node *last = cursor->n_nodes > cursor->next ? &cursor->nodes[cursor->n_nodes - 1] : NULL;

  if (last != NULL && last->type == type)
    {
      gsize room = MAX_TEXT_BYTES - MIN (last->value_len, MAX_TEXT_BYTES);
      gsize add = MIN ((gsize) len, room);

      /* Over the NUL that ended the piece before. */
      cursor->arena->len--;
      arena_put (cursor->arena, (const char *) text, add);
      last->value_len += add;
      return;
    }

  last = queue_node (cursor, type);
  last->value_len = MIN ((gsize) len, MAX_TEXT_BYTES);
  last->value = arena_add (cursor, (const char *) text, last->value_len, FALSE);
}

static void
on_characters (void          *user_data,
               const xmlChar *text,
               int            len)
{
  add_text (user_data, XML_READER_TYPE_TEXT, text, len);
}

static void
on_cdata (void          *user_data,
          const xmlChar *text,
          int            len)
{
  add_text (user_data, XML_READER_TYPE_CDATA, text, len);
}

static void
on_comment (void          *user_data,
            const xmlChar *text)
{
  JmXmlCursor *cursor = user_data;
  Node *node = queue_node (cursor, XML_READER_TYPE_COMMENT);

  node->value_len = strlen ((const char *) text);
  node->value = arena_add (cursor, (const char *) text, node->value_len, FALSE);
}

static void
on_processing_instruction (void          *user_data,
                           const xmlChar *target,
                           const xmlChar *data)
{
  JmXmlCursor *cursor = user_data;
  Node *node = queue_node (cursor, XML_READER_TYPE_PROCESSING_INSTRUCTION);

  node->local_name = (const char *) target;
  node->value_len = data != NULL ? strlen ((const char *) data) : 0;
  node->value = arena_add (cursor, data != NULL ? (const char *) data : "", node->value_len, FALSE);
}

/* <!DOCTYPE …>: the node, then nothing more. Nothing it names is read. */
static void
on_internal_subset (void          *user_data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  JmXmlCursor *cursor = user_data;
  Node *node = queue_node (cursor, XML_READER_TYPE_DOCUMENT_TYPE);

  node->local_name = (const char *) name;
  stop (cursor);
}

/* No entity but the five predefined ones, which the parser knows itself. */
static xmlEntityPtr
on_get_entity (void          *user_data,
               const xmlChar *name)
{
  return NULL;
}

static void
on_error (void        *user_data,
          xmlErrorPtr  error)
{
  JmXmlCursor *cursor = user_data;
  Node *node = queue_node (cursor, ERROR_NODE);
  QueuedError queued;
  const char *message = error->message != NULL ? error->message : "";

  queued.domain = error->domain;
  queued.code = error->code;
  queued.level = error->level;
  queued.line = error->line;
  queued.message = arena_add (cursor, message, strlen (message), FALSE);
  node->first_attr = cursor->errors->len;
  g_array_append_val (cursor->errors, queued);

  /* A start tag without its end is told after the element it began, but
   * it is news about that element: it goes first. */
  if (error->code == XML_ERR_GT_REQUIRED && cursor->n_nodes >= cursor->next + 2)
    {
      Node *element = node - 1;

      if (element->type == XML_READER_TYPE_ELEMENT)
        {
          Node swap = *element;

          *element = *node;
          *node = swap;
        }
    }
}

/* Tells the error of an ERROR_NODE. */
static void
tell_error (JmXmlCursor *cursor,
            const Node  *node)
{
  const QueuedError *queued = &g_array_index (cursor->errors, QueuedError, node->first_attr);
  xmlError error = { 0 };

  error.domain = queued->domain;
  error.code = queued->code;
  error.level = queued->level;
  error.line = queued->line;
  error.message = cursor->arena->str + queued->message;
  if (cursor->on_error != NULL)
    cursor->on_error (cursor->user_data, &error);
}

/* ---- the cursor ---- */

JmXmlCursor *
jm_xml_cursor_new (const char             *data,
                   gsize                   len,
                   const char             *name,
                   int                     max_depth,
                   xmlStructuredErrorFunc  on_error_func,
                   void                   *user_data)
{
  JmXmlCursor *cursor;
  xmlSAXHandler sax;
  gsize head = MIN (len, 4);

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (len <= G_MAXINT, NULL);

  memset (&sax, 0, sizeof sax);
  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = on_start_element;
  sax.endElementNs = on_end_element;
  sax.characters = on_characters;
  sax.ignorableWhitespace = on_characters;
  sax.cdataBlock = on_cdata;
  sax.comment = on_comment;
  sax.processingInstruction = on_processing_instruction;
  sax.internalSubset = on_internal_subset;
  sax.getEntity = on_get_entity;
  sax.serror = on_error;

  cursor = g_new0 (JmXmlCursor, 1);
  cursor->data = data;
  cursor->len = len;
  cursor->max_depth = MIN (max_depth, (int) G_N_ELEMENTS (cursor->lines) - 2);
  cursor->on_error = on_error_func;
  cursor->user_data = user_data;
  cursor->nodes_room = 1024;
  cursor->nodes = g_new (Node, cursor->nodes_room);
  cursor->raw_attrs_room = 1024;
  cursor->raw_attrs = g_new (RawAttribute, cursor->raw_attrs_room);
  cursor->errors = g_array_new (FALSE, FALSE, sizeof (QueuedError));
  cursor->attrs = g_array_new (FALSE, FALSE, sizeof (JmXmlAttribute));
  cursor->arena = g_string_sized_new (CHUNK_BYTES * 2);

  /* As xmlReaderForMemory() sets up its parser: the first bytes, to
   * detect a byte order mark. */
  cursor->parser = xmlCreatePushParserCtxt (&sax, cursor, data, (int) head, name);
  cursor->fed = head;
  if (cursor->parser == NULL)
    {
      cursor->failed = cursor->finished = TRUE;
      return cursor;
    }
  xmlCtxtUseOptions (cursor->parser, XML_PARSE_NONET);
  return cursor;
}

void
jm_xml_cursor_free (JmXmlCursor *cursor)
{
  if (cursor == NULL)
    return;
  if (cursor->parser != NULL)
    {
      if (cursor->parser->myDoc != NULL)
        xmlFreeDoc (cursor->parser->myDoc);
      xmlFreeParserCtxt (cursor->parser);
    }
  g_clear_pointer (&cursor->copy_doc, xmlFreeDoc);
  g_free (cursor->nodes);
  g_free (cursor->raw_attrs);
  g_array_unref (cursor->errors);
  g_array_unref (cursor->attrs);
  g_string_free (cursor->arena, TRUE);
  g_free (cursor);
}

/* Parses the next chunk, if the parser has more to say. */
static void
feed (JmXmlCursor *cursor)
{
  gsize n;
  gboolean last;
  int ret;

  if (cursor->finished)
    return;

  n = MIN ((gsize) CHUNK_BYTES, cursor->len - cursor->fed);
  last = cursor->fed + n >= cursor->len;
  ret = xmlParseChunk (cursor->parser, cursor->data + cursor->fed, (int) n, last);
  cursor->fed += n;
  if (last || cursor->stopped)
    cursor->finished = TRUE;
  if (ret != 0 && !cursor->stopped)
    cursor->failed = cursor->finished = TRUE;
}

/* Empties the queue, keeping the nodes from `keep` on (a run of text that
 * may go on in the next chunk: nothing was queued after it). */
static void
reset_queue (JmXmlCursor *cursor,
             guint        keep)
{
  if (keep < cursor->n_nodes)
    {
      Node *node = &cursor->nodes[keep];
      gsize from = node->value;

      g_assert (keep == cursor->n_nodes - 1 && node->n_attrs == 0);
      memmove (cursor->arena->str, cursor->arena->str + from, cursor->arena->len - from);
      g_string_truncate (cursor->arena, cursor->arena->len - from);
      node->value = 0;
      cursor->nodes[0] = *node;
      cursor->n_nodes = 1;
    }
  else
    {
      g_string_truncate (cursor->arena, 0);
      cursor->n_nodes = 0;
    }
  cursor->n_raw_attrs = 0;
  g_array_set_size (cursor->errors, 0);
  cursor->next = 0;
}

static gboolean
is_text (const Node *node)
{
  return node->type == XML_READER_TYPE_TEXT || node->type == XML_READER_TYPE_CDATA;
}

static void copy_node (JmXmlCursor *cursor);

int
jm_xml_cursor_read (JmXmlCursor *cursor)
{
  const Node *node;

  g_return_val_if_fail (cursor != NULL, -1);

  /* The next node, and the whole of it if it is text; errors on the way
   * are told. */
  for (;;)
    {
      guint queued = cursor->n_nodes - cursor->next;

      node = queued > 0 ? &cursor->nodes[cursor->next] : NULL;
      if (node != NULL && node->type == ERROR_NODE)
        {
          cursor->next++;
          tell_error (cursor, node);
          continue;
        }
      if (queued > 1 || (queued == 1 && (cursor->finished || !is_text (node))))
        break;
      if (cursor->finished)
        return cursor->failed ? -1 : 0;
      reset_queue (cursor, cursor->next);
      feed (cursor);
    }

  cursor->next++;
  cursor->current = *node;

  if (cursor->attrs->len != node->n_attrs)
    g_array_set_size (cursor->attrs, node->n_attrs);
  for (guint i = 0; i < node->n_attrs; i++)
    {
      const RawAttribute *raw = &cursor->raw_attrs[node->first_attr + i];
      JmXmlAttribute *attr = &g_array_index (cursor->attrs, JmXmlAttribute, i);

      attr->local_name = raw->local_name;
      attr->prefix = raw->prefix;
      attr->namespace_uri = raw->namespace_uri;
      attr->value = cursor->arena->str + raw->value;
    }

  if (cursor->copy_doc != NULL && !cursor->copy_done)
    copy_node (cursor);
  return 1;
}

int
jm_xml_cursor_type (JmXmlCursor *cursor)
{
  return cursor->current.type;
}

int
jm_xml_cursor_depth (JmXmlCursor *cursor)
{
  return cursor->current.depth;
}

int
jm_xml_cursor_line (JmXmlCursor *cursor)
{
  return cursor->current.line;
}

gboolean
jm_xml_cursor_is_empty (JmXmlCursor *cursor)
{
  return cursor->current.type == XML_READER_TYPE_ELEMENT && cursor->current.empty;
}

const char *
jm_xml_cursor_local_name (JmXmlCursor *cursor)
{
  return cursor->current.local_name;
}

const char *
jm_xml_cursor_namespace_uri (JmXmlCursor *cursor)
{
  return cursor->current.namespace_uri;
}

const char *
jm_xml_cursor_value (JmXmlCursor *cursor)
{
  switch (cursor->current.type)
    {
    case XML_READER_TYPE_TEXT:
    case XML_READER_TYPE_CDATA:
    case XML_READER_TYPE_COMMENT:
    case XML_READER_TYPE_PROCESSING_INSTRUCTION:
      return cursor->arena->str + cursor->current.value;
    default:
      return NULL;
    }
}

gsize
jm_xml_cursor_value_length (JmXmlCursor *cursor)
{
  return jm_xml_cursor_value (cursor) != NULL ? cursor->current.value_len : 0;
}

guint
jm_xml_cursor_n_attributes (JmXmlCursor *cursor)
{
  return cursor->attrs->len;
}

const JmXmlAttribute *
jm_xml_cursor_attribute (JmXmlCursor *cursor,
                         guint        i)
{
  g_return_val_if_fail (i < cursor->attrs->len, NULL);
  return &g_array_index (cursor->attrs, JmXmlAttribute, i);
}

/* ---- copying an element ---- */

/* A namespace's URI as the parser keeps it, and libxml2's writer wants
 * it (it writes namespace URIs as they are): an "&" as "&#38;". */
static char *
raw_uri (const char *uri)
{
  g_autoptr(GString) out = g_string_new (uri);

  g_string_replace (out, "&", "&#38;", 0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The namespace `prefix` is bound to at `node` in the copy; declared on
 * the copy's root when the element copied was inside its declaration, as
 * xmlDocCopyNode() does. */
static xmlNsPtr
copy_namespace (JmXmlCursor *cursor,
                xmlNodePtr   node,
                const char  *prefix,
                const char  *uri)
{
  xmlNsPtr ns = xmlSearchNs (cursor->copy_doc, node, (const xmlChar *) prefix);
  xmlNsPtr declared;

  if (ns == NULL)
    return xmlNewNs (xmlDocGetRootElement (cursor->copy_doc), (const xmlChar *) uri, (const xmlChar *) prefix);
  if (xmlStrEqual (ns->href, (const xmlChar *) uri))
    return ns;
  /* The copy binds the prefix as the document did; should it not, the
   * element says what it means itself. */
  declared = xmlNewNs (node, (const xmlChar *) uri, (const xmlChar *) prefix);
  return declared != NULL ? declared : ns;
}

static void
copy_element (JmXmlCursor *cursor)
{
  const Node *element = &cursor->current;
  xmlNodePtr node = xmlNewDocNode (cursor->copy_doc, NULL, (const xmlChar *) element->local_name, NULL);

  if (cursor->copy_parent == NULL)
    xmlDocSetRootElement (cursor->copy_doc, node);
  else
    xmlAddChild (cursor->copy_parent, node);

  for (guint i = 0; i < cursor->attrs->len; i++)
    {
      const JmXmlAttribute *attr = &g_array_index (cursor->attrs, JmXmlAttribute, i);

      if (g_strcmp0 (attr->namespace_uri, JM_XML_CURSOR_XMLNS_URI) == 0)
        {
          g_autofree char *href = raw_uri (attr->value);

          xmlNewNs (node, (const xmlChar *) href, attr->prefix != NULL ? (const xmlChar *) attr->local_name : NULL);
        }
    }
  if (element->namespace_uri != NULL)
    xmlSetNs (node, copy_namespace (cursor, node, element->prefix, element->namespace_uri));

  for (guint i = 0; i < cursor->attrs->len; i++)
    {
      const JmXmlAttribute *attr = &g_array_index (cursor->attrs, JmXmlAttribute, i);
      xmlNsPtr ns = NULL;

      if (g_strcmp0 (attr->namespace_uri, JM_XML_CURSOR_XMLNS_URI) == 0)
        continue;
      if (attr->namespace_uri != NULL)
        ns = copy_namespace (cursor, node, attr->prefix, attr->namespace_uri);
      xmlNewNsProp (node, ns, (const xmlChar *) attr->local_name, (const xmlChar *) attr->value);
    }

  if (element->empty)
    cursor->copy_done = cursor->copy_parent == NULL;
  else
    cursor->copy_parent = node;
}

static void
copy_node (JmXmlCursor *cursor)
{
  const Node *node = &cursor->current;
  const char *value = jm_xml_cursor_value (cursor);
  xmlNodePtr child = NULL;

  /* What the node adds to the XML, roughly: a copy too large is given up
   * as soon as it is, rather than built whole first. */
  cursor->copy_bytes += 8 + node->value_len + (node->local_name != NULL ? strlen (node->local_name) : 0);
  for (guint i = 0; i < cursor->attrs->len; i++)
    {
      const JmXmlAttribute *attr = &g_array_index (cursor->attrs, JmXmlAttribute, i);

      cursor->copy_bytes += 4 + strlen (attr->local_name) + strlen (attr->value);
    }
  if (cursor->copy_bytes > cursor->copy_max_bytes)
    {
      cursor->copy_too_large = TRUE;
      cursor->copy_done = TRUE;
      g_clear_pointer (&cursor->copy_doc, xmlFreeDoc);
      return;
    }

  switch (node->type)
    {
    case XML_READER_TYPE_ELEMENT:
      copy_element (cursor);
      return;
    case XML_READER_TYPE_END_ELEMENT:
      if (cursor->copy_parent == NULL)
        return;
      if (node->depth == cursor->copy_depth)
        cursor->copy_done = TRUE;
      cursor->copy_parent = cursor->copy_parent->parent;
      if (cursor->copy_parent != NULL && cursor->copy_parent->type != XML_ELEMENT_NODE)
        cursor->copy_parent = NULL;
      return;
    case XML_READER_TYPE_TEXT:
      child = xmlNewDocTextLen (cursor->copy_doc, (const xmlChar *) value, (int) node->value_len);
      break;
    case XML_READER_TYPE_CDATA:
      child = xmlNewCDataBlock (cursor->copy_doc, (const xmlChar *) value, (int) node->value_len);
      break;
    case XML_READER_TYPE_COMMENT:
      child = xmlNewDocComment (cursor->copy_doc, (const xmlChar *) value);
      break;
    case XML_READER_TYPE_PROCESSING_INSTRUCTION:
      child = xmlNewDocPI (cursor->copy_doc, (const xmlChar *) node->local_name, (const xmlChar *) value);
      break;
    default:
      return;
    }
  if (cursor->copy_parent != NULL)
    xmlAddChild (cursor->copy_parent, child);
  else
    xmlFreeNode (child);
}

void
jm_xml_cursor_start_copy (JmXmlCursor *cursor,
                          gsize        max_bytes)
{
  g_return_if_fail (cursor->current.type == XML_READER_TYPE_ELEMENT);

  g_clear_pointer (&cursor->copy_doc, xmlFreeDoc);
  cursor->copy_doc = xmlNewDoc ((const xmlChar *) "1.0");
  /* Characters beyond ASCII written as themselves, not as references. */
  cursor->copy_doc->encoding = xmlStrdup ((const xmlChar *) "UTF-8");
  cursor->copy_parent = NULL;
  cursor->copy_depth = cursor->current.depth;
  cursor->copy_done = FALSE;
  cursor->copy_too_large = FALSE;
  cursor->copy_bytes = 0;
  cursor->copy_max_bytes = max_bytes;
  copy_node (cursor);
}

char *
jm_xml_cursor_end_copy (JmXmlCursor *cursor,
                        gboolean    *too_large)
{
  char *xml = NULL;

  if (too_large != NULL)
    *too_large = cursor->copy_too_large;

  if (cursor->copy_doc != NULL && cursor->copy_done)
    {
      xmlBufferPtr buffer = xmlBufferCreate ();

      if (xmlNodeDump (buffer, cursor->copy_doc, xmlDocGetRootElement (cursor->copy_doc), 0, 0) >= 0)
        xml = g_strdup ((const char *) xmlBufferContent (buffer));
      xmlBufferFree (buffer);
    }
  g_clear_pointer (&cursor->copy_doc, xmlFreeDoc);
  cursor->copy_parent = NULL;
  cursor->copy_done = FALSE;
  cursor->copy_too_large = FALSE;
  return xml;
}
