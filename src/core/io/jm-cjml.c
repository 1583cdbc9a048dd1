/* jm-cjml.c — CJML 2.0 as a map: see jm-cjml.h.
 *
 * The XML is read with the .journey reader's cursor (jm-xml-cursor.h):
 * NONET, no DTD, no entity but the predefined ones, bounded size and
 * depth. CJML files are small, so the cursor's nodes are gathered into a
 * little tree of names, attributes, texts and lines, which the rest walks.
 * What real files do is tolerated: actors referred to by their company's
 * name rather than their id, ids with stray spaces, no phases at all. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "jm-cjml.h"
#include "jm-import-private.h"
#include "jm-text-match.h"
#include "jm-xml-cursor.h"

#define MAX_CJML_BYTES (16 * 1024 * 1024)
#define MAX_CJML_DEPTH 64
#define MAX_CJML_NODES 200000
#define MAX_CJML_TEXT  (1024 * 1024)

/* ---- a little tree ---- */

typedef struct _Node Node;

struct _Node {
  char       *name;       /* local name */
  int         line;
  GPtrArray  *attrs;      /* char*: name, value, name, value… */
  GString    *text;
  GPtrArray  *children;   /* Node* */
};

static void
node_free (Node *node)
{
  g_free (node->name);
  g_ptr_array_unref (node->attrs);
  g_string_free (node->text, TRUE);
  g_ptr_array_unref (node->children);
  g_free (node);
}

static Node *
node_new (const char *name,
          int         line)
{
  Node *node = g_new0 (Node, 1);

  node->name = g_strdup (name);
  node->line = line;
  node->attrs = g_ptr_array_new_with_free_func (g_free);
  node->text = g_string_new (NULL);
  node->children = g_ptr_array_new_with_free_func ((GDestroyNotify) node_free);
  return node;
}

/* The attribute by local name, stripped of stray spaces, or NULL. */
static char *
node_attr (Node       *node,
           const char *name)
{
  for (guint i = 0; i + 1 < node->attrs->len; i += 2)
    if (g_ascii_strcasecmp (g_ptr_array_index (node->attrs, i), name) == 0)
      return g_strstrip (g_strdup (g_ptr_array_index (node->attrs, i + 1)));
  return NULL;
}

static Node *
node_child (Node       *node,
            const char *name)
{
  for (guint i = 0; node != NULL && i < node->children->len; i++)
    {
      Node *child = g_ptr_array_index (node->children, i);

      if (g_ascii_strcasecmp (child->name, name) == 0)
        return child;
    }
  return NULL;
}

/* The stripped text of a child, or NULL when it is missing or blank. */
static char *
child_text (Node       *node,
            const char *name)
{
  Node *child = node_child (node, name);
  char *text;

  if (child == NULL)
    return NULL;
  text = g_strstrip (g_strdup (child->text->str));
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* ---- reading the XML ---- */

typedef struct {
  const char *name;
  GPtrArray  *errors;
  GPtrArray  *warnings;
  gboolean    fatal;
} Ctx;

static void G_GNUC_PRINTF (4, 5)
add_problem (Ctx        *ctx,
             GPtrArray  *list,
             int         line,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (list->len >= JM_IMPORT_MAX_PROBLEMS)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (list, jm_problem_new (ctx->name, line, message));
}

#define error_at(ctx, line, ...) add_problem ((ctx), (ctx)->errors, (line), __VA_ARGS__)
#define warn_at(ctx, line, ...) add_problem ((ctx), (ctx)->warnings, (line), __VA_ARGS__)

static void
on_xml_error (void        *user_data,
              xmlErrorPtr  error)
{
  Ctx *ctx = user_data;
  g_autofree char *message = NULL;

  if (error == NULL || error->level < XML_ERR_ERROR || ctx->fatal)
    return;
  message = g_strstrip (g_strdup (error->message ? error->message : ""));
  /* Translators: %s is libxml2's own description, in English. */
  error_at (ctx, error->line, _("This is not well-formed XML: %s"), message);
  ctx->fatal = TRUE;
}

static xmlParserInputPtr
deny_external_entity (const char       *url,
                      const char       *id,
                      xmlParserCtxtPtr  context)
{
  return NULL;
}

static void
ignore_generic_error (void       *context,
                      const char *format,
                      ...)
{
}

static Node *
read_tree (Ctx        *ctx,
           const char *data,
           gsize       len)
{
  xmlExternalEntityLoader previous_loader = xmlGetExternalEntityLoader ();
  xmlGenericErrorFunc previous_generic = xmlGenericError;
  void *previous_generic_context = xmlGenericErrorContext;
  JmXmlCursor *cursor;
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  Node *root = NULL;
  guint n_nodes = 0;
  int ret;

  xmlSetExternalEntityLoader (deny_external_entity);
  xmlSetGenericErrorFunc (NULL, ignore_generic_error);
  cursor = jm_xml_cursor_new (data, len, ctx->name, MAX_CJML_DEPTH, on_xml_error, ctx);

  while (!ctx->fatal && (ret = jm_xml_cursor_read (cursor)) > 0)
    {
      int type = jm_xml_cursor_type (cursor);
      int line = jm_xml_cursor_line (cursor);

      if (type == XML_READER_TYPE_DOCUMENT_TYPE)
        {
          error_at (ctx, line, _("The file contains a document type declaration (<!DOCTYPE>); it was not "
                                 "read, for safety"));
          ctx->fatal = TRUE;
          break;
        }
      if (jm_xml_cursor_depth (cursor) >= MAX_CJML_DEPTH)
        {
          error_at (ctx, line, _("The file is nested more than %d levels deep"), MAX_CJML_DEPTH);
          ctx->fatal = TRUE;
          break;
        }
      if (type == XML_READER_TYPE_ELEMENT)
        {
          Node *node = node_new (jm_xml_cursor_local_name (cursor), line);
          guint n = jm_xml_cursor_n_attributes (cursor);

          if (++n_nodes > MAX_CJML_NODES)
            {
              error_at (ctx, line, _("The file has more than %d elements"), MAX_CJML_NODES);
              node_free (node);
              ctx->fatal = TRUE;
              break;
            }
          for (guint i = 0; i < n; i++)
            {
              const JmXmlAttribute *attr = jm_xml_cursor_attribute (cursor, i);

              if (g_strcmp0 (attr->namespace_uri, JM_XML_CURSOR_XMLNS_URI) == 0)
                continue;
              g_ptr_array_add (node->attrs, g_strdup (attr->local_name));
              g_ptr_array_add (node->attrs, jm_text_clean (attr->value));
            }
          if (stack->len == 0)
            {
              if (root != NULL)
                node_free (root);
              root = node;
            }
          else
            g_ptr_array_add (((Node *) g_ptr_array_index (stack, stack->len - 1))->children, node);
          if (!jm_xml_cursor_is_empty (cursor))
            g_ptr_array_add (stack, node);
        }
      else if (type == XML_READER_TYPE_END_ELEMENT && stack->len > 0)
        g_ptr_array_set_size (stack, (int) stack->len - 1);
      else if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA) && stack->len > 0)
        {
          Node *node = g_ptr_array_index (stack, stack->len - 1);

          if (node->text->len + jm_xml_cursor_value_length (cursor) > MAX_CJML_TEXT)
            {
              error_at (ctx, line, _("The text of <%s> is longer than %d bytes"), node->name, MAX_CJML_TEXT);
              ctx->fatal = TRUE;
              break;
            }
          {
            /* XML 1.1's &#1; and the like: only what a map can keep. */
            g_autofree char *clean = jm_text_clean_len (jm_xml_cursor_value (cursor),
                                                        jm_xml_cursor_value_length (cursor));

            g_string_append (node->text, clean);
          }
        }
    }
  if (!ctx->fatal && ret < 0)
    {
      error_at (ctx, jm_xml_cursor_line (cursor), _("This is not well-formed XML"));
      ctx->fatal = TRUE;
    }

  jm_xml_cursor_free (cursor);
  xmlSetExternalEntityLoader (previous_loader);
  xmlSetGenericErrorFunc (previous_generic_context, previous_generic);

  if (ctx->fatal)
    g_clear_pointer (&root, node_free);
  return root;
}

/* ---- the journeys ---- */

typedef struct {
  char     *id;
  char     *name;
  gboolean  end_user;
  char     *persona_id;   /* end users, once made */
} Actor;

typedef struct {
  char     *key;          /* touchpointID, or made up */
  char     *phase;        /* phase id, or NULL */
  char     *initiator;    /* actor ref */
  char     *initiator_label;
  char     *receiver;
  char     *receiver_label;
  char     *channel;
  gboolean  action;
  double    rating;       /* NAN: none */
  int       rating_line;
  int       line;
} Touchpoint;

typedef struct {
  gboolean   planned;
  GPtrArray *touchpoints; /* Touchpoint* */
} Journey;

typedef struct {
  char      *id;
  char      *name;
  GPtrArray *steps;       /* Step* in order */
} Phase;

typedef struct {
  char       *key;
  char       *name;
  char       *phase;      /* id or NULL */
  Touchpoint *planned;
  Touchpoint *actual;
  char       *id;         /* the map's step id */
} Step;

static void
actor_free (Actor *actor)
{
  g_free (actor->id);
  g_free (actor->name);
  g_free (actor->persona_id);
  g_free (actor);
}

static void
touchpoint_free (Touchpoint *tp)
{
  g_free (tp->key);
  g_free (tp->phase);
  g_free (tp->initiator);
  g_free (tp->initiator_label);
  g_free (tp->receiver);
  g_free (tp->receiver_label);
  g_free (tp->channel);
  g_free (tp);
}

static void
journey_free (Journey *journey)
{
  g_ptr_array_unref (journey->touchpoints);
  g_free (journey);
}

static void
phase_free (Phase *phase)
{
  g_free (phase->id);
  g_free (phase->name);
  g_ptr_array_unref (phase->steps);
  g_free (phase);
}

static void
step_free (Step *step)
{
  g_free (step->key);
  g_free (step->name);
  g_free (step->phase);
  g_free (step->id);
  g_free (step);
}

typedef struct {
  GPtrArray  *actors;     /* Actor* */
  GPtrArray  *journeys;   /* Journey* */
  GPtrArray  *phases;     /* Phase*, in order */
  GPtrArray  *steps;      /* Step*, in journey order */
  GHashTable *step_by_key;
  char       *title;
  char       *summary;
  gboolean    has_planned;
  gboolean    has_actual;
} Model;

static Actor *
find_actor (Model      *model,
            const char *ref)
{
  g_autofree char *folded = NULL;

  if (ref == NULL)
    return NULL;
  for (guint i = 0; i < model->actors->len; i++)
    if (g_strcmp0 (((Actor *) g_ptr_array_index (model->actors, i))->id, ref) == 0)
      return g_ptr_array_index (model->actors, i);
  /* Files that name the company, or the person, instead of the id. */
  folded = jm_text_fold (ref);
  for (guint i = 0; i < model->actors->len; i++)
    {
      Actor *actor = g_ptr_array_index (model->actors, i);
      g_autofree char *name = jm_text_fold (actor->name);

      if (*folded != '\0' && strcmp (name, folded) == 0)
        return actor;
    }
  return NULL;
}

static void
read_actors (Model *model,
             Node  *actors)
{
  for (guint i = 0; actors != NULL && i < actors->children->len; i++)
    {
      Node *node = g_ptr_array_index (actors->children, i);
      gboolean end_user = g_ascii_strcasecmp (node->name, "endUser") == 0;
      g_autofree char *id = node_attr (node, "actorID");
      g_autofree char *ref = node_attr (node, "actorIDref");
      g_autofree char *name = NULL;
      Actor *actor;

      if (!end_user && g_ascii_strcasecmp (node->name, "serviceProvider") != 0)
        continue;
      name = child_text (node, end_user ? "actorName" : "companyName");
      if (name == NULL)
        name = child_text (node, "actorName");
      if (id == NULL)
        id = g_strdup (ref);
      if (id == NULL && name == NULL)
        continue;
      /* An actor of an earlier journey, named again. */
      actor = find_actor (model, id != NULL ? id : name);
      if (actor != NULL)
        {
          if (name != NULL && g_strcmp0 (actor->name, actor->id) == 0)
            jm_set_str (&actor->name, name);
          continue;
        }
      actor = g_new0 (Actor, 1);
      actor->id = g_strdup (id != NULL ? id : name);
      actor->name = g_strdup (name != NULL ? name : id);
      actor->end_user = end_user;
      g_ptr_array_add (model->actors, actor);
    }
}

static void
read_phases (Model *model,
             Node  *phases)
{
  for (guint i = 0; phases != NULL && i < phases->children->len; i++)
    {
      Node *node = g_ptr_array_index (phases->children, i);
      g_autofree char *id = NULL;
      g_autofree char *name = NULL;
      Phase *phase;
      gboolean known = FALSE;

      if (g_ascii_strcasecmp (node->name, "journeyPhase") != 0)
        continue;
      id = node_attr (node, "phaseID");
      if (id == NULL)
        id = child_text (node, "phaseID");
      name = child_text (node, "phaseName");
      if (id == NULL)
        id = g_strdup (name);
      if (id == NULL)
        continue;
      for (guint p = 0; p < model->phases->len && !known; p++)
        known = g_strcmp0 (((Phase *) g_ptr_array_index (model->phases, p))->id, id) == 0;
      if (known)
        continue;
      phase = g_new0 (Phase, 1);
      phase->id = g_steal_pointer (&id);
      phase->name = name != NULL ? g_steal_pointer (&name) : g_strdup (phase->id);
      phase->steps = g_ptr_array_new ();
      g_ptr_array_add (model->phases, phase);
    }
}

static Touchpoint *
read_touchpoint (Ctx  *ctx,
                 Node *node,
                 guint position)
{
  Touchpoint *tp = g_new0 (Touchpoint, 1);
  Node *initiator = node_child (node, "initiator");
  Node *receiver = node_child (node, "receiver");
  Node *channel = node_child (node, "channel");
  Node *belongs = node_child (node, "belongsTo");
  Node *experience = node_child (node, "touchpointExperience");
  g_autofree char *rating = NULL;

  tp->line = node->line;
  tp->action = g_str_has_suffix (node->name, "Action");
  tp->key = child_text (node, "touchpointID");
  if (tp->key == NULL)
    tp->key = g_strdup_printf ("#%u", position);
  if (belongs != NULL)
    tp->phase = node_attr (belongs, "phaseIDref");
  if (tp->phase == NULL)
    tp->phase = child_text (node, "phaseIDref");
  if (initiator != NULL)
    {
      Node *refers = node_child (initiator, "refersTo");

      tp->initiator = refers != NULL ? node_attr (refers, "actorIDref") : NULL;
      tp->initiator_label = child_text (initiator, "initiatorLabel");
    }
  if (receiver != NULL)
    {
      Node *refers = node_child (receiver, "refersTo");

      tp->receiver = refers != NULL ? node_attr (refers, "actorIDref") : NULL;
      tp->receiver_label = child_text (receiver, "receiverLabel");
    }
  if (channel != NULL)
    tp->channel = child_text (channel, "channelName");

  tp->rating = NAN;
  if (experience != NULL && (rating = child_text (experience, "experienceRating")) != NULL)
    {
      char *end = NULL;
      double value = g_ascii_strtod (rating, &end);

      tp->rating_line = node_child (experience, "experienceRating")->line;
      if (end == rating || *end != '\0' || !isfinite (value))
        warn_at (ctx, tp->rating_line,
                 _("The experience rating “%s” is not a number from 1 to 5; it is left out"), rating);
      else
        tp->rating = value;
    }
  return tp;
}

static Step *
step_for (Model      *model,
          Touchpoint *tp,
          Step       *after)
{
  Step *step = g_hash_table_lookup (model->step_by_key, tp->key);
  guint index;

  if (step != NULL)
    return step;
  step = g_new0 (Step, 1);
  step->key = g_strdup (tp->key);
  step->phase = g_strdup (tp->phase);
  step->name = g_strdup (tp->initiator_label != NULL ? tp->initiator_label
                         : tp->receiver_label != NULL ? tp->receiver_label : tp->key);
  /* A deviation of the actual journey goes after the step before it. */
  if (after != NULL && g_ptr_array_find (model->steps, after, &index))
    g_ptr_array_insert (model->steps, (int) index + 1, step);
  else
    g_ptr_array_add (model->steps, step);
  g_hash_table_insert (model->step_by_key, step->key, step);
  return step;
}

static void
read_journey (Ctx   *ctx,
              Model *model,
              Node  *node)
{
  Journey *journey = g_new0 (Journey, 1);
  Node *touchpoints = node_child (node, "touchpoints");
  g_autofree char *title = child_text (node, "journeyTitle");

  journey->planned = g_ascii_strcasecmp (node->name, "plannedJourney") == 0;
  journey->touchpoints = g_ptr_array_new_with_free_func ((GDestroyNotify) touchpoint_free);
  g_ptr_array_add (model->journeys, journey);
  if (journey->planned)
    model->has_planned = TRUE;
  else
    model->has_actual = TRUE;

  if (model->title == NULL)
    model->title = title != NULL ? g_steal_pointer (&title) : child_text (node, "journeyID");
  if (model->summary == NULL)
    model->summary = child_text (node, "journeyShortSummary");
  read_phases (model, node_child (node, "journeyPhases"));
  read_actors (model, node_child (node, "actors"));

  for (guint i = 0; touchpoints != NULL && i < touchpoints->children->len; i++)
    {
      Node *child = g_ptr_array_index (touchpoints->children, i);
      const char *n = child->name;

      if (g_ascii_strcasecmp (n, "plannedCommunicationPoint") == 0 || g_ascii_strcasecmp (n, "actualCommunicationPoint") == 0
          || g_ascii_strcasecmp (n, "plannedAction") == 0 || g_ascii_strcasecmp (n, "actualAction") == 0)
        g_ptr_array_add (journey->touchpoints, read_touchpoint (ctx, child, i + 1));
    }
  if (journey->touchpoints->len == 0)
    warn_at (ctx, node->line, _("This journey has no touchpoints"));
}

/* Planned journeys first: the actual ones follow their steps, and add
 * their deviations after the step before. */
static void
merge_steps (Model *model)
{
  for (int pass = 0; pass < 2; pass++)
    for (guint j = 0; j < model->journeys->len; j++)
      {
        Journey *journey = g_ptr_array_index (model->journeys, j);
        Step *previous = NULL;

        if (journey->planned != (pass == 0))
          continue;
        for (guint t = 0; t < journey->touchpoints->len; t++)
          {
            Touchpoint *tp = g_ptr_array_index (journey->touchpoints, t);
            Step *step = step_for (model, tp, previous);

            if (journey->planned && step->planned == NULL)
              step->planned = tp;
            else if (!journey->planned && step->actual == NULL)
              step->actual = tp;
            if (step->phase == NULL && tp->phase != NULL)
              step->phase = g_strdup (tp->phase);
            previous = step;
          }
      }
}

static JmChannel
channel_of (const char *name,
            gboolean    action)
{
  static const struct { const char *word; JmChannel channel; } words[] = {
    { "app", JM_CHANNEL_APP }, { "email", JM_CHANNEL_EMAIL }, { "e mail", JM_CHANNEL_EMAIL },
    { "mail", JM_CHANNEL_EMAIL }, { "phone", JM_CHANNEL_PHONE }, { "telephone", JM_CHANNEL_PHONE },
    { "call", JM_CHANNEL_PHONE }, { "social", JM_CHANNEL_SOCIAL }, { "sms", JM_CHANNEL_CHAT },
    { "chat", JM_CHANNEL_CHAT }, { "message", JM_CHANNEL_CHAT }, { "face", JM_CHANNEL_STORE },
    { "counter", JM_CHANNEL_STORE }, { "desk", JM_CHANNEL_STORE }, { "self service", JM_CHANNEL_STORE },
    { "machine", JM_CHANNEL_STORE }, { "letter", JM_CHANNEL_DELIVERY }, { "parcel", JM_CHANNEL_DELIVERY },
    { "package", JM_CHANNEL_DELIVERY }, { "invoice", JM_CHANNEL_DELIVERY }, { "web", JM_CHANNEL_WEBSITE },
    { "internet", JM_CHANNEL_WEBSITE }, { "pc", JM_CHANNEL_WEBSITE }, { "smartphone", JM_CHANNEL_WEBSITE },
    { "tablet", JM_CHANNEL_WEBSITE }, { "globe", JM_CHANNEL_WEBSITE },
  };
  g_autofree char *spaced = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(GString) split = g_string_new (NULL);

  if (name == NULL || *name == '\0')
    return action ? JM_CHANNEL_NONE : JM_CHANNEL_OTHER;
  /* "appOnSmartphone", "faceToFace", "e-mail": words of their own. */
  for (const char *p = name; *p; p++)
    {
      if (g_ascii_isupper (*p) && p > name && g_ascii_islower (p[-1]))
        g_string_append_c (split, ' ');
      g_string_append_c (split, *p);
    }
  spaced = g_string_free (g_steal_pointer (&split), FALSE);
  folded = jm_text_fold (spaced);
  /* "app on smartphone" is an app; "internet via smartphone" a website. */
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (jm_text_contains_words (folded, words[i].word) || strcmp (folded, words[i].word) == 0)
      return words[i].channel;
  return JM_CHANNEL_OTHER;
}

/* The end user a touchpoint's experience is of. */
static Actor *
experiencer (Model      *model,
             Touchpoint *tp)
{
  Actor *actor = find_actor (model, tp->initiator);

  if (actor != NULL && actor->end_user)
    return actor;
  actor = find_actor (model, tp->receiver);
  if (actor != NULL && actor->end_user)
    return actor;
  for (guint i = 0; i < model->actors->len; i++)
    if (((Actor *) g_ptr_array_index (model->actors, i))->end_user)
      return g_ptr_array_index (model->actors, i);
  return NULL;
}

static char *
card_text (Model      *model,
           Touchpoint *tp)
{
  const char *from = tp->initiator_label;
  const char *to = tp->receiver_label;
  Actor *initiator = find_actor (model, tp->initiator);
  Actor *receiver = find_actor (model, tp->receiver);

  if (from == NULL)
    from = initiator != NULL ? initiator->name : tp->initiator;
  if (to == NULL && !tp->action)
    to = receiver != NULL ? receiver->name : tp->receiver;
  if (from != NULL && to != NULL)
    return g_strdup_printf ("%s → %s", from, to);
  return g_strdup (from != NULL ? from : to != NULL ? to : tp->key);
}

static void
check_references (Ctx   *ctx,
                  Model *model)
{
  for (guint j = 0; j < model->journeys->len; j++)
    {
      Journey *journey = g_ptr_array_index (model->journeys, j);

      for (guint t = 0; t < journey->touchpoints->len; t++)
        {
          Touchpoint *tp = g_ptr_array_index (journey->touchpoints, t);
          const char *refs[] = { tp->initiator, tp->receiver };
          gboolean known = tp->phase == NULL;

          for (guint r = 0; r < G_N_ELEMENTS (refs); r++)
            if (refs[r] != NULL && find_actor (model, refs[r]) == NULL)
              warn_at (ctx, tp->line, _("Touchpoint “%s” refers to the actor “%s”, whom the journey does not name"),
                       tp->key, refs[r]);
          for (guint p = 0; p < model->phases->len && !known; p++)
            known = g_strcmp0 (((Phase *) g_ptr_array_index (model->phases, p))->id, tp->phase) == 0;
          if (!known)
            warn_at (ctx, tp->line, _("Touchpoint “%s” belongs to the phase “%s”, which the journey does not name"),
                     tp->key, tp->phase);
        }
    }
}

static JmDocument *
build_map (Ctx   *ctx,
           Model *model)
{
  JmDocument *doc = jm_document_new ();
  g_autoptr(GString) providers = g_string_new (NULL);
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autoptr(GArray) clamped = g_array_new (FALSE, FALSE, sizeof (int));
  gboolean both = model->has_planned && model->has_actual;
  JmLane *planned_lane = NULL, *actual_lane = NULL;
  guint n_personas = 0, n_steps = 0;
  g_autofree char *file_title = g_path_get_basename (ctx->name);

  /* Personas: the end users, by name. */
  for (guint i = 0; i < model->actors->len; i++)
    {
      Actor *actor = g_ptr_array_index (model->actors, i);

      if (actor->end_user)
        {
          actor->persona_id = g_strdup_printf ("persona-%u", ++n_personas);
          jm_document_build_persona (doc, jm_persona_new (actor->persona_id, actor->name));
        }
      else
        g_string_append_printf (providers, "%s%s", providers->len > 0 ? ", " : "", actor->name);
    }
  if (providers->len > 0)
    g_string_append_printf (notes, g_dngettext (GETTEXT_PACKAGE, "Service provider: %s", "Service providers: %s",
                                                model->actors->len - n_personas),
                            providers->str);
  jm_document_build_header (doc, model->title != NULL ? model->title : file_title, model->summary,
                            notes->len > 0 ? notes->str : NULL,
                            model->has_planned && !model->has_actual ? JM_MAP_STATE_FUTURE : JM_MAP_STATE_CURRENT);

  /* Stages: the phases; steps without a known phase follow the step before. */
  if (model->phases->len == 0)
    {
      Phase *phase = g_new0 (Phase, 1);

      phase->name = g_strdup (_("Journey"));
      phase->steps = g_ptr_array_new ();
      g_ptr_array_add (model->phases, phase);
    }
  {
    Phase *current = g_ptr_array_index (model->phases, 0);

    for (guint s = 0; s < model->steps->len; s++)
      {
        Step *step = g_ptr_array_index (model->steps, s);

        for (guint p = 0; p < model->phases->len && step->phase != NULL; p++)
          if (g_strcmp0 (((Phase *) g_ptr_array_index (model->phases, p))->id, step->phase) == 0)
            current = g_ptr_array_index (model->phases, p);
        g_ptr_array_add (current->steps, step);
      }
  }
  for (guint p = 0; p < model->phases->len; p++)
    {
      Phase *phase = g_ptr_array_index (model->phases, p);
      g_autofree char *stage_id = g_strdup_printf ("stage-%u", p + 1);
      JmStage *stage;

      /* A phase no touchpoint belongs to is left out. */
      if (phase->steps->len == 0 && model->steps->len > 0)
        continue;
      stage = jm_stage_new (stage_id, phase->name);
      for (guint s = 0; s < phase->steps->len; s++)
        {
          Step *step = g_ptr_array_index (phase->steps, s);

          step->id = g_strdup_printf ("step-%u", ++n_steps);
          g_ptr_array_add (stage->steps, jm_step_new (step->id, step->name));
        }
      jm_document_build_stage (doc, stage);
    }

  /* Lanes: one of touchpoints, or one for each side when both are here. */
  if (model->has_planned)
    planned_lane = jm_lane_new ("planned", JM_LANE_TOUCHPOINTS, both ? _("Planned touchpoints") : _("Touchpoints"));
  if (model->has_actual)
    actual_lane = jm_lane_new ("actual", JM_LANE_TOUCHPOINTS, both ? _("Actual touchpoints") : _("Touchpoints"));
  for (guint s = 0; s < model->steps->len; s++)
    {
      Step *step = g_ptr_array_index (model->steps, s);
      Touchpoint *sides[] = { step->planned, step->actual };
      JmLane *lanes[] = { planned_lane, actual_lane };

      for (guint k = 0; k < G_N_ELEMENTS (sides); k++)
        {
          Touchpoint *tp = sides[k];
          g_autofree char *text = NULL;
          g_autofree char *card_id = NULL;
          JmCard *card;
          Actor *who;

          if (tp == NULL)
            continue;
          text = card_text (model, tp);
          card_id = g_strdup_printf ("%s-%u", k == 0 ? "planned" : "actual", s + 1);
          card = jm_card_new (card_id, step->id, text);
          card->channel = channel_of (tp->channel, tp->action);
          g_ptr_array_add (lanes[k]->cards, card);

          if (isnan (tp->rating) || (who = experiencer (model, tp)) == NULL)
            continue;
          if (tp->rating < 1 || tp->rating > 5)
            g_array_append_val (clamped, tp->rating_line);
          if (jm_document_get_emotion (doc, who->persona_id, step->id,
                                       k == 0 ? JM_MAP_STATE_FUTURE : JM_MAP_STATE_CURRENT) == NULL)
            jm_document_build_emotion (doc, jm_emotion_new (who->persona_id, step->id,
                                                            k == 0 ? JM_MAP_STATE_FUTURE : JM_MAP_STATE_CURRENT,
                                                            CLAMP (tp->rating, 1, 5) - 3));
        }
    }
  if (planned_lane != NULL)
    jm_document_build_lane (doc, planned_lane);
  if (actual_lane != NULL)
    jm_document_build_lane (doc, actual_lane);
  if (n_personas > 0)
    jm_document_build_lane (doc, jm_lane_new ("emotions", JM_LANE_EMOTIONS, _("Emotions")));

  if (clamped->len > 0)
    {
      g_autoptr(GString) which = g_string_new (NULL);

      for (guint i = 0; i < clamped->len; i++)
        g_string_append_printf (which, "%s%d", i > 0 ? ", " : "", g_array_index (clamped, int, i));
      warn_at (ctx, g_array_index (clamped, int, 0),
               g_dngettext (GETTEXT_PACKAGE, "An experience rating outside 1–5 was brought within it, on line %s",
                            "Experience ratings outside 1–5 were brought within it, on lines %s", clamped->len),
               which->str);
    }
  return doc;
}

gboolean
jm_cjml_is_cjml (const char *data,
                 gsize       len)
{
  gsize i = 0;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  /* Past the declaration, comments and processing instructions. */
  while (i < len)
    {
      if (g_ascii_isspace (data[i]))
        i++;
      else if (len - i >= 4 && memcmp (data + i, "<!--", 4) == 0)
        {
          const char *end = g_strstr_len (data + i, (gssize) (len - i), "-->");

          if (end == NULL)
            return FALSE;
          i = (gsize) (end - data) + 3;
        }
      else if (len - i >= 2 && memcmp (data + i, "<?", 2) == 0)
        {
          const char *end = g_strstr_len (data + i, (gssize) (len - i), "?>");

          if (end == NULL)
            return FALSE;
          i = (gsize) (end - data) + 2;
        }
      else
        break;
    }
  if (i >= len || data[i] != '<')
    return FALSE;
  i++;
  /* The root's name, maybe with a prefix. */
  {
    gsize start = i, colon = 0;

    while (i < len && (g_ascii_isalnum (data[i]) || data[i] == '_' || data[i] == '-' || data[i] == '.'
                       || data[i] == ':'))
      {
        if (data[i] == ':')
          colon = i + 1;
        i++;
      }
    if (colon > start)
      start = colon;
    return i - start == 4 && g_ascii_strncasecmp (data + start, "CJML", 4) == 0;
  }
}

JmDocument *
jm_cjml_load_bytes (const char  *display_name,
                    const char  *data,
                    gsize        len,
                    GPtrArray  **problems,
                    GError     **error)
{
  Ctx ctx = { 0 };
  Model model = { 0 };
  Node *root = NULL;
  JmDocument *doc = NULL;
  JmIoError code = JM_IO_ERROR_INVALID;

  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (data != NULL || len == 0, NULL);

  ctx.name = display_name;
  ctx.errors = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_problem_free);
  ctx.warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_problem_free);
  model.actors = g_ptr_array_new_with_free_func ((GDestroyNotify) actor_free);
  model.journeys = g_ptr_array_new_with_free_func ((GDestroyNotify) journey_free);
  model.phases = g_ptr_array_new_with_free_func ((GDestroyNotify) phase_free);
  model.steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  model.step_by_key = g_hash_table_new (g_str_hash, g_str_equal);

  if (len == 0)
    error_at (&ctx, 0, _("The file is empty"));
  else if (len > MAX_CJML_BYTES)
    {
      code = JM_IO_ERROR_TOO_LARGE;
      error_at (&ctx, 0, _("The file is larger than %d MB, the most a CJML journey may be"),
                MAX_CJML_BYTES / (1024 * 1024));
    }
  else if ((root = read_tree (&ctx, data, len)) == NULL)
    {
      code = JM_IO_ERROR_MALFORMED;
      if (ctx.errors->len == 0)
        error_at (&ctx, 0, _("This is not well-formed XML"));
    }
  else if (g_ascii_strcasecmp (root->name, "CJML") != 0)
    {
      code = JM_IO_ERROR_NOT_A_MAP;
      error_at (&ctx, root->line, _("This is not CJML: the root element is <%s>, not <CJML>"), root->name);
    }
  else
    {
      g_autofree char *version = node_attr (root, "version");

      if (version != NULL && !g_str_has_prefix (version, "2."))
        warn_at (&ctx, root->line, _("This is CJML version %s; it was read as version 2.0"), version);
      for (guint i = 0; i < root->children->len; i++)
        {
          Node *child = g_ptr_array_index (root->children, i);

          if (g_ascii_strcasecmp (child->name, "plannedJourney") == 0
              || g_ascii_strcasecmp (child->name, "actualJourney") == 0)
            read_journey (&ctx, &model, child);
        }
      merge_steps (&model);
      if (model.journeys->len == 0)
        error_at (&ctx, root->line, _("The file holds no <plannedJourney> and no <actualJourney>"));
      else if (model.steps->len == 0)
        error_at (&ctx, root->line, _("The journeys have no touchpoints"));
      else
        {
          check_references (&ctx, &model);
          doc = build_map (&ctx, &model);
        }
    }

  if (root != NULL)
    node_free (root);
  g_free (model.title);
  g_free (model.summary);
  g_hash_table_unref (model.step_by_key);
  g_ptr_array_unref (model.phases);
  g_ptr_array_unref (model.steps);
  g_ptr_array_unref (model.journeys);
  g_ptr_array_unref (model.actors);
  return jm_import_finish (doc, code, ctx.errors, ctx.warnings, problems, error);
}
