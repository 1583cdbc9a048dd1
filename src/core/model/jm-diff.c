/* jm-diff.c — the semantic diff: both maps as items (jm-snapshot.c),
 * compared by kind and id, and told object by object in words. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jm-diff.h"
#include "jm-snapshot-private.h"

#define FIELD_STATUS    "status"
#define FIELD_OTHER_XML "other-xml"

void
jm_diff_entry_free (JmDiffEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->id);
  g_free (entry->step);
  g_free (entry->field);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry);
}

static JmDiffEntry *
add_entry (GPtrArray    *entries,
           const JmItem *item,
           JmDiffChange  change,
           const char   *field,
           const char   *old_value,
           const char   *new_value)
{
  JmDiffEntry *entry = g_new0 (JmDiffEntry, 1);

  entry->kind = item->kind;
  entry->change = change;
  if (item->kind == JM_KIND_EMOTION)
    {
      entry->id = g_strdup (item->persona);
      entry->step = g_strdup (item->step);
      entry->curve = item->curve;
    }
  else if (item->kind != JM_KIND_MAP)
    entry->id = g_strdup (item->id);
  entry->field = g_strdup (field);
  entry->old_value = g_strdup (old_value);
  entry->new_value = g_strdup (new_value);
  g_ptr_array_add (entries, entry);
  return entry;
}

static JmMetricStatus
metric_status (JmDocument *doc,
               const char *id)
{
  JmMetric *metric = doc ? jm_document_find_metric (doc, id, NULL) : NULL;

  return metric ? jm_metric_get_status (metric, jm_document_get_metric_tolerance (doc)) : JM_METRIC_STATUS_NONE;
}

static const char *
status_name (JmMetricStatus status)
{
  static const char *names[] = { "none", "met", "near", "missed" };

  return names[status];
}

/* The container that orders an object among its siblings: a card's cell
 * (lane and step: the file orders cards by column), anything else's parent. */
static char *
container_of (const JmItem *item)
{
  if (item->kind == JM_KIND_CARD)
    return g_strdup_printf ("%s\x1f%s", item->parent, jm_item_get (item, "step"));
  return g_strdup (item->parent ? item->parent : "");
}

/* Objects that stayed in their container but not in order with the others
 * that stayed there: "moved", with the one before them then and now. */
static void
find_reordered (GPtrArray  *entries,
                JmSnapshot *old_snap,
                JmSnapshot *new_snap,
                JmKind      kind)
{
  g_autoptr(GHashTable) old_seqs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) new_seqs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) containers = g_ptr_array_new_with_free_func (g_free);

  /* The siblings both maps have in the same container, in each map's order. */
  for (guint side = 0; side < 2; side++)
    {
      JmSnapshot *snap = side == 0 ? old_snap : new_snap;
      JmSnapshot *other = side == 0 ? new_snap : old_snap;
      GHashTable *seqs = side == 0 ? old_seqs : new_seqs;

      for (guint i = 0; i < snap->order[kind]->len; i++)
        {
          JmItem *item = g_ptr_array_index (snap->order[kind], i);
          JmItem *there = jm_snapshot_get (other, kind, item->id);
          g_autofree char *container = container_of (item);
          g_autofree char *other_container = NULL;
          GPtrArray *seq;

          if (there == NULL)
            continue;
          other_container = container_of (there);
          if (strcmp (container, other_container) != 0)
            continue;
          seq = g_hash_table_lookup (seqs, container);
          if (seq == NULL)
            {
              seq = g_ptr_array_new ();
              if (side == 1)
                g_ptr_array_add (containers, g_strdup (container));
              g_hash_table_insert (seqs, g_steal_pointer (&container), seq);
            }
          g_ptr_array_add (seq, item);
        }
    }

  for (guint c = 0; c < containers->len; c++)
    {
      const char *container = g_ptr_array_index (containers, c);
      GPtrArray *old_seq = g_hash_table_lookup (old_seqs, container);
      GPtrArray *new_seq = g_hash_table_lookup (new_seqs, container);
      g_autoptr(GHashTable) old_pos = g_hash_table_new (g_str_hash, g_str_equal);
      g_autofree int *pos = NULL;
      g_autofree gboolean *stable = NULL;

      if (old_seq == NULL)
        continue;
      for (guint i = 0; i < old_seq->len; i++)
        g_hash_table_insert (old_pos, ((JmItem *) g_ptr_array_index (old_seq, i))->id, GUINT_TO_POINTER (i + 1));
      pos = g_new (int, new_seq->len + 1);
      for (guint i = 0; i < new_seq->len; i++)
        pos[i] = (int) GPOINTER_TO_UINT (g_hash_table_lookup (old_pos, ((JmItem *) g_ptr_array_index (new_seq, i))->id)) - 1;
      stable = jm_stable_elements (pos, new_seq->len);

      for (guint i = 0; i < new_seq->len; i++)
        {
          JmItem *item = g_ptr_array_index (new_seq, i);
          guint j = (guint) pos[i];
          const char *was = j > 0 ? ((JmItem *) g_ptr_array_index (old_seq, j - 1))->id : "";
          const char *now = i > 0 ? ((JmItem *) g_ptr_array_index (new_seq, i - 1))->id : "";

          if (!stable[i])
            add_entry (entries, item, JM_DIFF_MOVED, JM_CONFLICT_FIELD_POSITION, was, now);
        }
    }
}

static void
diff_kind (GPtrArray  *entries,
           JmSnapshot *old_snap,
           JmSnapshot *new_snap,
           JmDocument *old_doc,
           JmDocument *new_doc,
           JmKind      kind)
{
  const JmField *fields = jm_kind_get_fields (kind, NULL);
  const char *parent_field = jm_kind_parent_field (kind);
  g_autoptr(GPtrArray) reordered = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_diff_entry_free);

  if (kind != JM_KIND_MAP && kind != JM_KIND_EMOTION)
    find_reordered (reordered, old_snap, new_snap, kind);

  for (guint i = 0; i < old_snap->order[kind]->len; i++)
    {
      JmItem *item = g_ptr_array_index (old_snap->order[kind], i);

      if (jm_snapshot_get (new_snap, kind, item->id) == NULL)
        add_entry (entries, item, JM_DIFF_REMOVED, NULL, kind == JM_KIND_EMOTION ? item->values[0] : NULL, NULL);
    }

  for (guint i = 0; i < new_snap->order[kind]->len; i++)
    {
      JmItem *item = g_ptr_array_index (new_snap->order[kind], i);
      JmItem *old = jm_snapshot_get (old_snap, kind, item->id);

      if (old == NULL)
        {
          /* No map before: its header is not news, the rest is. */
          if (kind != JM_KIND_MAP)
            add_entry (entries, item, JM_DIFF_ADDED, NULL, NULL, kind == JM_KIND_EMOTION ? item->values[0] : NULL);
          continue;
        }

      if (parent_field != NULL && g_strcmp0 (old->parent, item->parent) != 0)
        add_entry (entries, item, JM_DIFF_MOVED, parent_field, old->parent, item->parent);

      for (guint f = 0; f < item->n_values; f++)
        if (g_strcmp0 (old->values[f], item->values[f]) != 0)
          add_entry (entries, item, JM_DIFF_CHANGED, fields[f].name, old->values[f], item->values[f]);

      if (kind == JM_KIND_METRIC)
        {
          JmMetricStatus was = metric_status (old_doc, item->id);
          JmMetricStatus now = metric_status (new_doc, item->id);

          if (was != now)
            add_entry (entries, item, JM_DIFF_CHANGED, FIELD_STATUS, status_name (was), status_name (now));
        }

      if (g_strcmp0 (old->foreign_key, item->foreign_key) != 0)
        add_entry (entries, item, JM_DIFF_CHANGED, FIELD_OTHER_XML, NULL, NULL);

      for (guint r = 0; r < reordered->len; r++)
        {
          JmDiffEntry *entry = g_ptr_array_index (reordered, r);

          if (g_strcmp0 (entry->id, item->id) == 0)
            g_ptr_array_add (entries, g_ptr_array_steal_index (reordered, r--));
        }
    }
}

static void
diff_conflicts (GPtrArray  *entries,
                JmSnapshot *old_snap,
                JmSnapshot *new_snap)
{
  for (guint side = 0; side < 2; side++)
    {
      JmSnapshot *snap = side == 0 ? old_snap : new_snap;
      JmSnapshot *other = side == 0 ? new_snap : old_snap;

      for (guint i = 0; i < snap->conflicts->len; i++)
        {
          const JmConflict *conflict = g_ptr_array_index (snap->conflicts, i);
          gboolean found = FALSE;
          JmDiffEntry *entry;

          for (guint j = 0; j < other->conflicts->len && !found; j++)
            found = g_strcmp0 (((JmConflict *) g_ptr_array_index (other->conflicts, j))->key, conflict->key) == 0;
          if (found)
            continue;

          entry = g_new0 (JmDiffEntry, 1);
          entry->kind = conflict->kind;
          entry->is_conflict = TRUE;
          entry->change = side == 0 ? JM_DIFF_REMOVED : JM_DIFF_ADDED;
          entry->id = g_strdup (conflict->key);
          g_ptr_array_add (entries, entry);
        }
    }
}

GPtrArray *
jm_diff (JmDocument *old_doc,
         JmDocument *new_doc)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_diff_entry_free);
  JmSnapshot *old_snap, *new_snap;

  g_return_val_if_fail (old_doc == NULL || JM_IS_DOCUMENT (old_doc), NULL);
  g_return_val_if_fail (new_doc == NULL || JM_IS_DOCUMENT (new_doc), NULL);

  old_snap = jm_snapshot_new (old_doc);
  new_snap = jm_snapshot_new (new_doc);
  for (guint k = 0; k < JM_N_KINDS; k++)
    diff_kind (entries, old_snap, new_snap, old_doc, new_doc, (JmKind) k);
  diff_conflicts (entries, old_snap, new_snap);
  jm_snapshot_free (old_snap);
  jm_snapshot_free (new_snap);
  return entries;
}

/* ---- in words ---- */

static char *
describe (JmDocument        *doc,
          const JmDiffEntry *entry)
{
  return jm_kind_describe_object (entry->kind, doc, entry->id, entry->step, entry->curve);
}

/* Where a card sits: "Customer actions · Discover › Hears about it". */
static char *
describe_cell (JmDocument *doc,
               const char *lane_id,
               const char *step_id)
{
  JmLane *lane = doc ? jm_document_find_lane (doc, lane_id) : NULL;
  JmStep *step = doc ? jm_document_find_step (doc, step_id) : NULL;
  JmStage *stage = doc && step ? jm_document_get_step_stage (doc, step_id) : NULL;

  /* Translators: a card's place: lane, stage › step */
  return g_strdup_printf (_("%s \u00b7 %s \u203a %s"), lane ? lane->title : lane_id,
                          stage ? stage->name : "?", step ? step->name : step_id);
}

static char *
describe_holder (JmDocument *doc,
                 const char *id)
{
  if (doc != NULL && jm_document_find_card (doc, id, NULL) != NULL)
    return jm_kind_describe_object (JM_KIND_CARD, doc, id, NULL, 0);
  return jm_kind_describe_object (JM_KIND_STAGE, doc, id, NULL, 0);
}

static const char *
status_label (const char *name)
{
  if (g_strcmp0 (name, "met") == 0)
    return _("target met (green)");
  if (g_strcmp0 (name, "near") == 0)
    return _("close to target (amber)");
  if (g_strcmp0 (name, "missed") == 0)
    return _("target missed (red)");
  return _("no target");
}

/* What a list field gained and lost. */
static char *
list_change (const JmField *field,
             const char    *old_value,
             const char    *new_value)
{
  g_auto(GStrv) was = old_value ? g_strsplit (old_value, JM_FIELD_LIST_SEPARATOR, -1) : g_new0 (char *, 1);
  g_auto(GStrv) now = new_value ? g_strsplit (new_value, JM_FIELD_LIST_SEPARATOR, -1) : g_new0 (char *, 1);
  GString *out = g_string_new (NULL);

  for (guint side = 0; side < 2; side++)
    {
      char **items = side == 0 ? now : was;
      char **other = side == 0 ? was : now;

      for (guint i = 0; items[i] != NULL; i++)
        {
          g_autofree char *shown = NULL;

          if (g_strv_contains ((const char * const *) other, items[i]))
            continue;
          shown = jm_field_display (field, items[i]);
          if (out->len > 0)
            g_string_append (out, "; ");
          /* Translators: an item added to or removed from a persona's list */
          g_string_append_printf (out, side == 0 ? _("added %s") : _("removed %s"), shown);
        }
    }
  if (out->len == 0)
    g_string_append (out, _("order changed"));
  return g_string_free (out, FALSE);
}

static void
line (GString    *out,
      const char *text)
{
  g_string_append (out, "    ");
  g_string_append (out, text);
  g_string_append_c (out, '\n');
}

static const char *
find_field_value (GPtrArray         *entries,
                  guint              from,
                  const JmDiffEntry *like,
                  const char        *field,
                  gboolean           old)
{
  for (guint i = from; i < entries->len; i++)
    {
      JmDiffEntry *e = g_ptr_array_index (entries, i);

      if (e->kind != like->kind || e->is_conflict || g_strcmp0 (e->id, like->id) != 0)
        break;
      if (g_strcmp0 (e->field, field) == 0)
        return old ? e->old_value : e->new_value;
    }
  return NULL;
}

/* The changes of one object, entries[from] onwards; returns the index
 * after them. */
static guint
changed_object_text (GString    *out,
                     GPtrArray  *entries,
                     guint       from,
                     JmDocument *old_doc,
                     JmDocument *new_doc)
{
  JmDiffEntry *first = g_ptr_array_index (entries, from);
  g_autofree char *name = describe (new_doc, first);
  gboolean card_moved = FALSE;
  guint i;

  if (first->kind == JM_KIND_EMOTION)
    {
      const JmField *score = jm_kind_find_field (JM_KIND_EMOTION, "score");
      g_autofree char *was = jm_field_display (score, first->old_value);
      g_autofree char *now = jm_field_display (score, first->new_value);

      g_string_append_printf (out, "~ %s: %s \u2192 %s\n", name, was, now);
      return from + 1;
    }

  g_string_append_printf (out, "~ %s\n", name);
  for (i = from; i < entries->len; i++)
    {
      JmDiffEntry *e = g_ptr_array_index (entries, i);
      const JmField *field;
      g_autofree char *text = NULL;

      if (e->kind != first->kind || e->is_conflict || e->change == JM_DIFF_ADDED || e->change == JM_DIFF_REMOVED
          || g_strcmp0 (e->id, first->id) != 0)
        break;

      field = jm_kind_find_field (e->kind, e->field);

      /* A card's lane and step together are its place. */
      if (e->kind == JM_KIND_CARD && (g_strcmp0 (e->field, JM_CONFLICT_FIELD_LANE) == 0
                                      || g_strcmp0 (e->field, "step") == 0))
        {
          JmCard *card;
          JmLane *lane = NULL;
          const char *old_lane, *old_step;
          g_autofree char *was = NULL;
          g_autofree char *now = NULL;

          if (card_moved)
            continue;
          card_moved = TRUE;
          card = jm_document_find_card (new_doc, e->id, &lane);
          old_lane = find_field_value (entries, from, first, JM_CONFLICT_FIELD_LANE, TRUE);
          old_step = find_field_value (entries, from, first, "step", TRUE);
          was = describe_cell (old_doc, old_lane ? old_lane : lane->id, old_step ? old_step : card->step_id);
          now = describe_cell (new_doc, lane->id, card->step_id);
          /* Translators: a card moved from one place to another: lane · stage › step */
          text = g_strdup_printf (_("moved from %s to %s"), was, now);
        }
      else if (g_strcmp0 (e->field, JM_CONFLICT_FIELD_POSITION) == 0)
        {
          if (e->new_value == NULL || *e->new_value == '\0')
            text = g_strdup (_("moved to the first place"));
          else
            {
              g_autofree char *after = jm_kind_describe_object (e->kind, new_doc, e->new_value, NULL, 0);
              /* Translators: %s is an object, e.g. Stage “Purchase” (st-2) */
              text = g_strdup_printf (_("moved after %s"), after);
            }
        }
      else if (g_strcmp0 (e->field, JM_CONFLICT_FIELD_STAGE) == 0)
        {
          g_autofree char *was = jm_kind_describe_object (JM_KIND_STAGE, old_doc, e->old_value, NULL, 0);
          g_autofree char *now = jm_kind_describe_object (JM_KIND_STAGE, new_doc, e->new_value, NULL, 0);

          text = g_strdup_printf (_("moved from %s to %s"), was, now);
        }
      else if (g_strcmp0 (e->field, JM_CONFLICT_FIELD_HOLDER) == 0)
        {
          g_autofree char *was = describe_holder (old_doc, e->old_value);
          g_autofree char *now = describe_holder (new_doc, e->new_value);

          text = g_strdup_printf (_("moved from %s to %s"), was, now);
        }
      else if (g_strcmp0 (e->field, FIELD_STATUS) == 0)
        {
          /* Translators: a metric's colour against its target, before → after */
          text = g_strdup_printf (_("status: %s \u2192 %s"), status_label (e->old_value), status_label (e->new_value));
        }
      else if (g_strcmp0 (e->field, FIELD_OTHER_XML) == 0)
        {
          text = g_strdup (_("data of other applications changed"));
        }
      else if (field != NULL && field->type == JM_FIELD_LIST)
        {
          g_autofree char *change = list_change (field, e->old_value, e->new_value);

          /* Translators: a persona's list and what changed in it, e.g. goals: added “Ride” */
          text = g_strdup_printf (_("%s: %s"), _(field->label), change);
        }
      else if (field != NULL && (g_str_equal (field->name, "name") || g_str_equal (field->name, "title"))
               && e->kind != JM_KIND_MAP && e->kind != JM_KIND_METRIC)
        {
          g_autofree char *was = jm_field_display (field, e->old_value);
          g_autofree char *now = jm_field_display (field, e->new_value);

          /* Translators: a stage, step, lane or persona renamed: old → new */
          text = g_strdup_printf (_("renamed %s \u2192 %s"), was, now);
        }
      else if (field != NULL)
        {
          g_autofree char *was = jm_field_display (field, e->old_value);
          g_autofree char *now = jm_field_display (field, e->new_value);

          /* Translators: a field and its value before → after, e.g. severity: High → Critical */
          text = g_strdup_printf (_("%s: %s \u2192 %s"), _(field->label), was, now);
        }
      else
        text = g_strdup (e->field);

      line (out, text);
    }
  return i;
}

static char *
added_or_removed (const JmDiffEntry *e,
                  JmDocument        *doc)
{
  g_autofree char *name = describe (doc, e);

  switch (e->kind)
    {
    case JM_KIND_STEP:
      {
        JmStage *stage = jm_document_get_step_stage (doc, e->id);
        g_autofree char *where = stage ? jm_kind_describe_object (JM_KIND_STAGE, doc, stage->id, NULL, 0) : NULL;

        if (where != NULL)
          /* Translators: a step added to (or removed from) a stage: Step “…” (s1) in Stage “…” (st) */
          return g_strdup_printf (_("%s in %s"), name, where);
        break;
      }
    case JM_KIND_CARD:
      {
        JmLane *lane = NULL;
        JmCard *card = jm_document_find_card (doc, e->id, &lane);

        if (card != NULL)
          {
            g_autofree char *where = describe_cell (doc, lane->id, card->step_id);

            return g_strdup_printf (_("%s in %s"), name, where);
          }
        break;
      }
    case JM_KIND_METRIC:
      {
        const char *holder = NULL;
        JmMetric *metric = jm_document_find_metric (doc, e->id, &holder);

        if (metric != NULL)
          {
            g_autofree char *where = describe_holder (doc, holder);
            g_autofree char *value = jm_format_number (metric->value);

            /* Translators: a metric on a card or a stage, with its value */
            return g_strdup_printf (_("%s on %s: %s"), name, where, value);
          }
        break;
      }
    case JM_KIND_EMOTION:
      {
        const JmField *score = jm_kind_find_field (JM_KIND_EMOTION, "score");
        g_autofree char *value = jm_field_display (score, e->change == JM_DIFF_ADDED ? e->new_value : e->old_value);

        return g_strdup_printf ("%s: %s", name, value);
      }
    case JM_KIND_MAP:
    case JM_KIND_PERSONA:
    case JM_KIND_STAGE:
    case JM_KIND_LANE:
    case JM_N_KINDS:
    default:
      break;
    }
  return g_steal_pointer (&name);
}

char *
jm_diff_to_text (GPtrArray  *entries,
                 JmDocument *old_doc,
                 JmDocument *new_doc)
{
  GString *out = g_string_new (NULL);
  guint i = 0;

  g_return_val_if_fail (entries != NULL, NULL);

  while (i < entries->len)
    {
      JmDiffEntry *e = g_ptr_array_index (entries, i);

      if (e->is_conflict)
        {
          JmDocument *doc = e->change == JM_DIFF_ADDED ? new_doc : old_doc;
          const JmConflict *conflict = doc ? jm_document_find_conflict (doc, e->id) : NULL;
          g_autofree char *text = conflict ? jm_conflict_describe (conflict, doc) : g_strdup (e->id);

          if (e->change == JM_DIFF_ADDED)
            /* Translators: a merge conflict the new map records */
            g_string_append_printf (out, _("+ Conflict: %s\n"), text);
          else
            /* Translators: a merge conflict the old map recorded and the new one does not */
            g_string_append_printf (out, _("- Conflict resolved: %s\n"), text);
          i++;
        }
      else if (e->change == JM_DIFF_ADDED || e->change == JM_DIFF_REMOVED)
        {
          g_autofree char *text = added_or_removed (e, e->change == JM_DIFF_ADDED ? new_doc : old_doc);

          g_string_append_printf (out, "%c %s\n", e->change == JM_DIFF_ADDED ? '+' : '-', text);
          i++;
        }
      else
        i = changed_object_text (out, entries, i, old_doc, new_doc);
    }

  return g_string_free (out, FALSE);
}
