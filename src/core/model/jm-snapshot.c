/* jm-snapshot.c — a document as items, for diff and merge: each object
 * with its parent and its fields as text, indexed by kind and id. */
#include "config.h"

#include <string.h>

#include "jm-snapshot-private.h"

#define XMLNS_URI "http://www.w3.org/2000/xmlns/"

/* ---- items ---- */

JmItem *
jm_item_new (JmKind      kind,
             const char *id)
{
  JmItem *item = g_new0 (JmItem, 1);

  item->kind = kind;
  item->id = g_strdup (id);
  jm_kind_get_fields (kind, &item->n_values);
  item->values = g_new0 (char *, item->n_values + 1);
  return item;
}

JmItem *
jm_item_copy (const JmItem *item)
{
  JmItem *copy = jm_item_new (item->kind, item->id);

  copy->parent = g_strdup (item->parent);
  for (guint i = 0; i < item->n_values; i++)
    copy->values[i] = g_strdup (item->values[i]);
  copy->foreign = jm_foreign_copy (item->foreign);
  copy->foreign_key = g_strdup (item->foreign_key);
  copy->persona = g_strdup (item->persona);
  copy->step = g_strdup (item->step);
  copy->curve = item->curve;
  return copy;
}

void
jm_item_free (JmItem *item)
{
  if (item == NULL)
    return;
  g_free (item->id);
  g_free (item->parent);
  for (guint i = 0; i < item->n_values; i++)
    g_free (item->values[i]);
  g_free (item->values);
  jm_foreign_free (item->foreign);
  g_free (item->foreign_key);
  g_free (item->persona);
  g_free (item->step);
  g_free (item);
}

const char *
jm_item_get (const JmItem *item,
             const char   *field)
{
  guint n;
  const JmField *fields = jm_kind_get_fields (item->kind, &n);

  for (guint i = 0; i < n; i++)
    if (strcmp (fields[i].name, field) == 0)
      return item->values[i];
  return NULL;
}

gboolean
jm_item_content_equal (const JmItem *a,
                       const JmItem *b)
{
  if (a->kind != b->kind || g_strcmp0 (a->parent, b->parent) != 0
      || g_strcmp0 (a->foreign_key, b->foreign_key) != 0)
    return FALSE;
  for (guint i = 0; i < a->n_values; i++)
    if (g_strcmp0 (a->values[i], b->values[i]) != 0)
      return FALSE;
  return TRUE;
}

char *
jm_item_signature (const JmItem *item)
{
  GString *out = g_string_new (jm_kind_to_string (item->kind));

  g_string_append_c (out, '\x1f');
  g_string_append (out, item->parent ? item->parent : "");
  for (guint i = 0; i < item->n_values; i++)
    {
      g_string_append_c (out, '\x1f');
      g_string_append (out, item->values[i] ? item->values[i] : "\x1d");
    }
  g_string_append_c (out, '\x1f');
  g_string_append (out, item->foreign_key ? item->foreign_key : "");
  return g_string_free (out, FALSE);
}

char *
jm_item_emotion_key (const char *persona,
                     const char *step,
                     JmMapState  curve)
{
  return g_strdup_printf ("%s\x1f%s\x1f%s", persona, step, jm_map_state_to_string (curve));
}

const char *
jm_kind_parent_field (JmKind kind)
{
  switch (kind)
    {
    case JM_KIND_STEP:
      return JM_CONFLICT_FIELD_STAGE;
    case JM_KIND_CARD:
      return JM_CONFLICT_FIELD_LANE;
    case JM_KIND_METRIC:
      return JM_CONFLICT_FIELD_HOLDER;
    case JM_KIND_MAP:
    case JM_KIND_PERSONA:
    case JM_KIND_STAGE:
    case JM_KIND_LANE:
    case JM_KIND_EMOTION:
    case JM_N_KINDS:
    default:
      return NULL;
    }
}

/* Other namespaces' XML as one string, to see whether it changed. */
static char *
foreign_key (const JmForeign *foreign)
{
  GString *out;

  if (foreign == NULL
      || ((foreign->attrs == NULL || foreign->attrs->len == 0)
          && (foreign->elements == NULL || foreign->elements->len == 0)))
    return NULL;

  out = g_string_new (NULL);
  for (guint i = 0; foreign->attrs != NULL && i < foreign->attrs->len; i++)
    {
      const JmForeignAttr *a = g_ptr_array_index (foreign->attrs, i);

      g_string_append_printf (out, "%s\x1f%s\x1f%s\x1f%s\x1e", a->ns_uri ? a->ns_uri : "",
                              a->prefix ? a->prefix : "", a->name ? a->name : "", a->value ? a->value : "");
    }
  g_string_append_c (out, '\x1d');
  for (guint i = 0; foreign->elements != NULL && i < foreign->elements->len; i++)
    {
      g_string_append (out, g_ptr_array_index (foreign->elements, i));
      g_string_append_c (out, '\x1e');
    }
  return g_string_free (out, FALSE);
}

static JmItem *
item_from_object (JmKind           kind,
                  const char      *id,
                  gconstpointer    object,
                  const JmForeign *foreign)
{
  JmItem *item = jm_item_new (kind, id);
  const JmField *fields = jm_kind_get_fields (kind, NULL);

  for (guint i = 0; i < item->n_values; i++)
    item->values[i] = fields[i].get (object);
  item->foreign = jm_foreign_copy (foreign);
  item->foreign_key = foreign_key (foreign);
  return item;
}

/* ---- snapshots ---- */

static void
add_metrics (JmSnapshot *snapshot,
             GPtrArray  *metrics,
             const char *holder)
{
  for (guint i = 0; metrics != NULL && i < metrics->len; i++)
    {
      const JmMetric *metric = g_ptr_array_index (metrics, i);
      JmItem *item = item_from_object (JM_KIND_METRIC, metric->id, metric, metric->foreign);

      item->parent = g_strdup (holder);
      jm_snapshot_add (snapshot, item);
    }
}

JmSnapshot *
jm_snapshot_new (JmDocument *document)
{
  JmSnapshot *snapshot = g_new0 (JmSnapshot, 1);

  for (guint k = 0; k < JM_N_KINDS; k++)
    {
      snapshot->items[k] = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) jm_item_free);
      snapshot->order[k] = g_ptr_array_new ();
      snapshot->children[k] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                     (GDestroyNotify) g_ptr_array_unref);
    }
  snapshot->ids = g_hash_table_new (g_str_hash, g_str_equal);
  snapshot->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_conflict_free);

  if (document != NULL)
    {
      GPtrArray *personas = jm_document_get_personas (document);
      GPtrArray *stages = jm_document_get_stages (document);
      GPtrArray *lanes = jm_document_get_lanes (document);
      GPtrArray *emotions = jm_document_get_emotions (document);
      GPtrArray *conflicts = jm_document_get_conflicts (document);
      JmMapHeader header;

      snapshot->has_map = TRUE;
      jm_map_header_init (&header, document);
      jm_snapshot_add (snapshot, item_from_object (JM_KIND_MAP, "", &header, jm_document_get_foreign (document)));
      jm_map_header_clear (&header);

      for (guint i = 0; i < personas->len; i++)
        {
          const JmPersona *persona = g_ptr_array_index (personas, i);

          jm_snapshot_add (snapshot, item_from_object (JM_KIND_PERSONA, persona->id, persona, persona->foreign));
        }

      for (guint i = 0; i < stages->len; i++)
        {
          const JmStage *stage = g_ptr_array_index (stages, i);

          jm_snapshot_add (snapshot, item_from_object (JM_KIND_STAGE, stage->id, stage, stage->foreign));
          for (guint j = 0; j < stage->steps->len; j++)
            {
              const JmStep *step = g_ptr_array_index (stage->steps, j);
              JmItem *item = item_from_object (JM_KIND_STEP, step->id, step, step->foreign);

              item->parent = g_strdup (stage->id);
              jm_snapshot_add (snapshot, item);
            }
          add_metrics (snapshot, stage->metrics, stage->id);
        }

      for (guint i = 0; i < lanes->len; i++)
        {
          const JmLane *lane = g_ptr_array_index (lanes, i);

          jm_snapshot_add (snapshot, item_from_object (JM_KIND_LANE, lane->id, lane, lane->foreign));
          for (guint j = 0; j < lane->cards->len; j++)
            {
              const JmCard *card = g_ptr_array_index (lane->cards, j);
              JmItem *item = item_from_object (JM_KIND_CARD, card->id, card, card->foreign);

              item->parent = g_strdup (lane->id);
              jm_snapshot_add (snapshot, item);
              add_metrics (snapshot, card->metrics, card->id);
            }
        }

      for (guint i = 0; i < emotions->len; i++)
        {
          const JmEmotion *emotion = g_ptr_array_index (emotions, i);
          g_autofree char *key = jm_item_emotion_key (emotion->persona_id, emotion->step_id, emotion->curve);
          JmItem *item = item_from_object (JM_KIND_EMOTION, key, emotion, NULL);

          item->persona = g_strdup (emotion->persona_id);
          item->step = g_strdup (emotion->step_id);
          item->curve = emotion->curve;
          jm_snapshot_add (snapshot, item);
        }

      for (guint i = 0; i < conflicts->len; i++)
        g_ptr_array_add (snapshot->conflicts, jm_conflict_copy (g_ptr_array_index (conflicts, i)));
    }

  jm_snapshot_index_children (snapshot);
  return snapshot;
}

void
jm_snapshot_free (JmSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  for (guint k = 0; k < JM_N_KINDS; k++)
    {
      g_ptr_array_unref (snapshot->order[k]);
      g_hash_table_unref (snapshot->children[k]);
      g_hash_table_unref (snapshot->items[k]);
    }
  g_hash_table_unref (snapshot->ids);
  g_ptr_array_unref (snapshot->conflicts);
  g_free (snapshot);
}

void
jm_snapshot_add (JmSnapshot *snapshot,
                 JmItem     *item)
{
  JmItem *old = g_hash_table_lookup (snapshot->items[item->kind], item->id);

  /* A valid map has each id once; keep the first, as the reader would refuse the rest. */
  if (old != NULL)
    {
      jm_item_free (item);
      return;
    }
  g_hash_table_insert (snapshot->items[item->kind], item->id, item);
  g_ptr_array_add (snapshot->order[item->kind], item);
  if (item->kind != JM_KIND_MAP && item->kind != JM_KIND_EMOTION && !g_hash_table_contains (snapshot->ids, item->id))
    g_hash_table_insert (snapshot->ids, item->id, item);
}

void
jm_snapshot_remove (JmSnapshot *snapshot,
                    JmItem     *item)
{
  if (g_hash_table_lookup (snapshot->ids, item->id) == item)
    g_hash_table_remove (snapshot->ids, item->id);
  g_ptr_array_remove (snapshot->order[item->kind], item);
  g_hash_table_remove (snapshot->items[item->kind], item->id);
}

void
jm_snapshot_index_children (JmSnapshot *snapshot)
{
  for (guint k = 0; k < JM_N_KINDS; k++)
    {
      GPtrArray *order = snapshot->order[k];

      g_hash_table_remove_all (snapshot->children[k]);
      for (guint i = 0; i < order->len; i++)
        {
          JmItem *item = g_ptr_array_index (order, i);
          const char *parent = item->parent ? item->parent : "";
          GPtrArray *children = g_hash_table_lookup (snapshot->children[k], parent);

          if (children == NULL)
            {
              children = g_ptr_array_new ();
              g_hash_table_insert (snapshot->children[k], g_strdup (parent), children);
            }
          g_ptr_array_add (children, item);
        }
    }
}

JmItem *
jm_snapshot_get (JmSnapshot *snapshot,
                 JmKind      kind,
                 const char *id)
{
  if (id == NULL)
    return NULL;
  return g_hash_table_lookup (snapshot->items[kind], id);
}

GPtrArray *
jm_snapshot_children (JmSnapshot *snapshot,
                      JmKind      kind,
                      const char *parent)
{
  static GPtrArray *none;
  GPtrArray *children = g_hash_table_lookup (snapshot->children[kind], parent ? parent : "");

  if (children != NULL)
    return children;
  if (g_once_init_enter (&none))
    g_once_init_leave (&none, g_ptr_array_new ());
  return none;
}

static void
set_value (JmItem     *item,
           const char *field,
           char       *value)
{
  guint n;
  const JmField *fields = jm_kind_get_fields (item->kind, &n);

  for (guint i = 0; i < n; i++)
    if (strcmp (fields[i].name, field) == 0)
      {
        g_free (item->values[i]);
        item->values[i] = value;
        return;
      }
  g_free (value);
}

void
jm_snapshot_rename (JmSnapshot *snapshot,
                    JmItem     *item,
                    const char *new_id)
{
  g_autofree char *old_id = g_strdup (item->id);
  GPtrArray *emotions;

  /* Out of the tables under the old id, back in under the new one. */
  if (g_hash_table_lookup (snapshot->ids, item->id) == item)
    g_hash_table_remove (snapshot->ids, item->id);
  g_hash_table_steal (snapshot->items[item->kind], item->id);
  g_free (item->id);
  item->id = g_strdup (new_id);
  g_hash_table_insert (snapshot->items[item->kind], item->id, item);
  if (!g_hash_table_contains (snapshot->ids, item->id))
    g_hash_table_insert (snapshot->ids, item->id, item);

  /* Children name their parent by id. */
  for (guint k = JM_KIND_STEP; k <= JM_KIND_METRIC; k++)
    {
      GPtrArray *order = snapshot->order[k];

      for (guint i = 0; i < order->len; i++)
        {
          JmItem *child = g_ptr_array_index (order, i);

          if (child->parent != NULL && strcmp (child->parent, old_id) == 0)
            jm_set_str (&child->parent, new_id);
        }
    }

  if (item->kind == JM_KIND_STEP || item->kind == JM_KIND_PERSONA)
    {
      GPtrArray *cards = snapshot->order[JM_KIND_CARD];

      for (guint i = 0; i < cards->len; i++)
        {
          JmItem *card = g_ptr_array_index (cards, i);

          if (item->kind == JM_KIND_STEP && g_strcmp0 (jm_item_get (card, "step"), old_id) == 0)
            set_value (card, "step", g_strdup (new_id));
          else if (item->kind == JM_KIND_PERSONA && jm_item_get (card, "personas") != NULL)
            {
              g_auto(GStrv) ids = g_strsplit (jm_item_get (card, "personas"), " ", -1);

              for (guint j = 0; ids[j] != NULL; j++)
                if (strcmp (ids[j], old_id) == 0)
                  jm_set_str (&ids[j], new_id);
              set_value (card, "personas", g_strjoinv (" ", ids));
            }
        }

      /* Emotions are keyed by persona and step: re-key them. */
      emotions = g_ptr_array_copy (snapshot->order[JM_KIND_EMOTION], NULL, NULL);
      for (guint i = 0; i < emotions->len; i++)
        {
          JmItem *emotion = g_ptr_array_index (emotions, i);
          gboolean hit = (item->kind == JM_KIND_STEP && g_strcmp0 (emotion->step, old_id) == 0)
                         || (item->kind == JM_KIND_PERSONA && g_strcmp0 (emotion->persona, old_id) == 0);

          if (hit)
            {
              g_hash_table_steal (snapshot->items[JM_KIND_EMOTION], emotion->id);
              if (item->kind == JM_KIND_STEP)
                jm_set_str (&emotion->step, new_id);
              else
                jm_set_str (&emotion->persona, new_id);
              g_free (emotion->id);
              emotion->id = jm_item_emotion_key (emotion->persona, emotion->step, emotion->curve);
              g_hash_table_insert (snapshot->items[JM_KIND_EMOTION], emotion->id, emotion);
            }
        }
      g_ptr_array_unref (emotions);
    }

  jm_snapshot_index_children (snapshot);
}

/* ---- order ---- */

/* The elements of seq (indices into base, -1: not in base) that are in
 * order with base: a longest increasing subsequence. */
gboolean *
jm_stable_elements (const int *pos,
                    guint      n)
{
  g_autofree guint *tails = g_new (guint, n + 1);   /* index into pos of the tail of each length */
  g_autofree int *prev = g_new (int, n + 1);
  gboolean *stable = g_new0 (gboolean, n + 1);
  guint length = 0;

  for (guint i = 0; i < n; i++)
    {
      guint lo = 0, hi = length;

      if (pos[i] < 0)
        continue;
      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (pos[tails[mid]] < pos[i])
            lo = mid + 1;
          else
            hi = mid;
        }
      prev[i] = lo > 0 ? (int) tails[lo - 1] : -1;
      tails[lo] = i;
      if (lo == length)
        length++;
    }

  if (length > 0)
    for (int i = (int) tails[length - 1]; i >= 0; i = prev[i])
      stable[i] = TRUE;
  return stable;
}

/* ---- back to objects ---- */

static gboolean
apply_values (const JmItem  *item,
              gpointer       object,
              const char   **bad_field)
{
  const JmField *fields = jm_kind_get_fields (item->kind, NULL);

  for (guint i = 0; i < item->n_values; i++)
    if (!fields[i].set (object, item->values[i]))
      {
        if (bad_field)
          *bad_field = fields[i].name;
        return FALSE;
      }
  return TRUE;
}

void
jm_item_build_header (const JmItem *item,
                      JmMapHeader  *header)
{
  jm_map_header_init (header, NULL);
  if (item != NULL)
    apply_values (item, header, NULL);
}

gpointer
jm_item_build_object (const JmItem  *item,
                      const char   **bad_field)
{
  gpointer object = NULL;
  GDestroyNotify free_func = NULL;

  switch (item->kind)
    {
    case JM_KIND_PERSONA:
      object = jm_persona_new (item->id, NULL);
      free_func = (GDestroyNotify) jm_persona_free;
      ((JmPersona *) object)->foreign = jm_foreign_copy (item->foreign);
      break;
    case JM_KIND_STAGE:
      object = jm_stage_new (item->id, NULL);
      free_func = (GDestroyNotify) jm_stage_free;
      ((JmStage *) object)->foreign = jm_foreign_copy (item->foreign);
      break;
    case JM_KIND_STEP:
      object = jm_step_new (item->id, NULL);
      free_func = (GDestroyNotify) jm_step_free;
      ((JmStep *) object)->foreign = jm_foreign_copy (item->foreign);
      break;
    case JM_KIND_LANE:
      object = jm_lane_new (item->id, JM_LANE_TEXT, NULL);
      free_func = (GDestroyNotify) jm_lane_free;
      ((JmLane *) object)->foreign = jm_foreign_copy (item->foreign);
      break;
    case JM_KIND_CARD:
      object = jm_card_new (item->id, NULL, NULL);
      free_func = (GDestroyNotify) jm_card_free;
      ((JmCard *) object)->foreign = jm_foreign_copy (item->foreign);
      break;
    case JM_KIND_METRIC:
      object = jm_metric_new (item->id, JM_METRIC_CUSTOM, 0);
      free_func = (GDestroyNotify) jm_metric_free;
      ((JmMetric *) object)->foreign = jm_foreign_copy (item->foreign);
      break;
    case JM_KIND_EMOTION:
      object = jm_emotion_new (item->persona, item->step, item->curve, 0);
      free_func = (GDestroyNotify) jm_emotion_free;
      break;
    case JM_KIND_MAP:
    case JM_N_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }

  if (!apply_values (item, object, bad_field))
    {
      free_func (object);
      return NULL;
    }
  return object;
}
