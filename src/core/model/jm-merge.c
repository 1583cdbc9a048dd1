/* jm-merge.c — three-way merge by id. The three documents are taken
 * apart into items (jm-snapshot.c); each object is merged field by field,
 * each list of children in order, and the result is checked so that it
 * is always a map the reader accepts. Swapping ours and theirs gives the
 * same map once each conflict is resolved to the same side: whenever the
 * sides must be ordered (two runs inserted at one place, list items
 * added on both sides), the order depends on the items, not on the side. */
#include "config.h"

#include <string.h>

#include "jm-map-view.h"
#include "jm-merge.h"
#include "jm-snapshot-private.h"

enum { OURS, THEIRS, N_SIDES };

typedef struct {
  JmSnapshot *base;
  JmSnapshot *sides[N_SIDES];
  JmSnapshot *result;
  GPtrArray  *conflicts;      /* JmConflict* found by this merge */
  GHashTable *conflict_keys;  /* key -> JmConflict* (in conflicts) */
  GHashTable *touched[N_SIDES];
  GHashTable *reserved;       /* ids handed out to keep both of two objects */
} Merge;

/* ---- conflicts ---- */

static JmConflict *
add_conflict (Merge       *m,
              JmKind       kind,
              const char  *ref,
              const char  *field,
              const JmItem *emotion)
{
  JmConflict *conflict = jm_conflict_new (kind, kind == JM_KIND_EMOTION ? emotion->persona : ref, field);

  if (kind == JM_KIND_EMOTION)
    {
      conflict->step = g_strdup (emotion->step);
      conflict->curve = emotion->curve;
      jm_conflict_update_key (conflict);
    }
  else if (kind == JM_KIND_MAP)
    {
      g_clear_pointer (&conflict->ref, g_free);
      jm_conflict_update_key (conflict);
    }

  if (g_hash_table_contains (m->conflict_keys, conflict->key))
    {
      jm_conflict_free (conflict);
      return NULL;
    }
  g_ptr_array_add (m->conflicts, conflict);
  g_hash_table_insert (m->conflict_keys, conflict->key, conflict);
  return conflict;
}

static void
add_field_conflict (Merge        *m,
                    const JmItem *item,
                    const char   *field,
                    const char   *base,
                    const char   *ours,
                    const char   *theirs)
{
  JmConflict *conflict = add_conflict (m, item->kind, item->id, field, item);

  if (conflict == NULL)
    return;
  conflict->base = g_strdup (base);
  conflict->ours = g_strdup (ours);
  conflict->theirs = g_strdup (theirs);
}

static void
add_deletion_conflict (Merge        *m,
                       const JmItem *item,
                       int           deleted_by)
{
  JmConflict *conflict = add_conflict (m, item->kind, item->id, NULL, item);

  if (conflict != NULL)
    conflict->deleted_by = deleted_by == OURS ? JM_CONFLICT_SIDE_OURS : JM_CONFLICT_SIDE_THEIRS;
}

/* ---- ids both sides added ---- */

static gboolean
id_taken (Merge      *m,
          const char *id)
{
  return g_hash_table_contains (m->base->ids, id) || g_hash_table_contains (m->sides[OURS]->ids, id)
         || g_hash_table_contains (m->sides[THEIRS]->ids, id) || g_hash_table_contains (m->reserved, id)
         || (m->result != NULL && g_hash_table_contains (m->result->ids, id));
}

/* A new id like "card-12-2", an NCName of at most 64 bytes. */
static char *
fresh_id (Merge      *m,
          const char *id)
{
  const char *end = id + strlen (id);
  g_autofree char *stem = NULL;

  if (end - id > 52)
    {
      end = id + 52;
      while (end > id && ((guchar) *end & 0xC0) == 0x80)
        end--;
    }
  stem = g_strndup (id, (gsize) (end - id));

  for (guint n = 2;; n++)
    {
      char *candidate = g_strdup_printf ("%s-%u", stem, n);

      if (!id_taken (m, candidate))
        {
          g_hash_table_add (m->reserved, candidate);
          return g_strdup (candidate);
        }
      g_free (candidate);
    }
}

/* Both sides added an object under the same id, with different contents:
 * sequential ids ("card-12") make that likely for two unrelated cards.
 * Both stay; the one whose contents sort later gets a new id. */
static void
keep_both_of_clashing_ids (Merge *m)
{
  for (guint k = JM_KIND_PERSONA; k <= JM_KIND_METRIC; k++)
    {
      g_autoptr(GPtrArray) order = g_ptr_array_copy (m->sides[OURS]->order[k], NULL, NULL);

      for (guint i = 0; i < order->len; i++)
        {
          JmItem *o = g_ptr_array_index (order, i);
          JmItem *t;
          g_autofree char *o_sig = NULL;
          g_autofree char *t_sig = NULL;
          g_autofree char *id = NULL;
          int side;

          if (g_hash_table_contains (m->base->ids, o->id))
            continue;
          t = g_hash_table_lookup (m->sides[THEIRS]->ids, o->id);
          if (t == NULL || (t->kind == o->kind && jm_item_content_equal (o, t)))
            continue;

          o_sig = jm_item_signature (o);
          t_sig = jm_item_signature (t);
          side = strcmp (o_sig, t_sig) > 0 ? OURS : THEIRS;
          id = fresh_id (m, o->id);
          jm_snapshot_rename (m->sides[side], side == OURS ? o : t, id);
        }
    }
}

/* ---- what each side touched ---- */

static void mark (Merge      *m,
                  int         side,
                  JmKind      kind,
                  const char *id);

static void
mark_holder (Merge      *m,
             int         side,
             const char *id)
{
  JmSnapshot *s = m->sides[side];

  if (jm_snapshot_get (s, JM_KIND_CARD, id) != NULL)
    mark (m, side, JM_KIND_CARD, id);
  else
    mark (m, side, JM_KIND_STAGE, id);
}

/* An object a side changed or added, with what it needs to be there: its
 * parents, the step a card starts at, the personas it is scoped to. When
 * the other side deleted one of these, that deletion is a conflict. */
static void
mark (Merge      *m,
      int         side,
      JmKind      kind,
      const char *id)
{
  JmSnapshot *s = m->sides[side];
  JmItem *item;
  char *key;

  if (id == NULL)
    return;
  key = g_strdup_printf ("%d/%s", kind, id);
  if (g_hash_table_contains (m->touched[side], key))
    {
      g_free (key);
      return;
    }
  g_hash_table_add (m->touched[side], key);

  item = jm_snapshot_get (s, kind, id);
  if (item == NULL)
    return;

  switch (kind)
    {
    case JM_KIND_STEP:
      mark (m, side, JM_KIND_STAGE, item->parent);
      break;
    case JM_KIND_CARD:
      {
        const char *personas = jm_item_get (item, "personas");

        mark (m, side, JM_KIND_LANE, item->parent);
        mark (m, side, JM_KIND_STEP, jm_item_get (item, "step"));
        if (personas != NULL)
          {
            g_auto(GStrv) ids = g_strsplit (personas, " ", -1);

            for (guint i = 0; ids[i] != NULL; i++)
              mark (m, side, JM_KIND_PERSONA, ids[i]);
          }
        break;
      }
    case JM_KIND_METRIC:
      mark_holder (m, side, item->parent);
      break;
    case JM_KIND_EMOTION:
      mark (m, side, JM_KIND_PERSONA, item->persona);
      mark (m, side, JM_KIND_STEP, item->step);
      break;
    case JM_KIND_MAP:
    case JM_KIND_PERSONA:
    case JM_KIND_STAGE:
    case JM_KIND_LANE:
    case JM_N_KINDS:
    default:
      break;
    }
}

static gboolean
touched (Merge      *m,
         int         side,
         JmKind      kind,
         const char *id)
{
  g_autofree char *key = g_strdup_printf ("%d/%s", kind, id);

  return g_hash_table_contains (m->touched[side], key);
}

static void
find_touched (Merge *m,
              int    side)
{
  for (guint k = 0; k < JM_N_KINDS; k++)
    {
      GPtrArray *order = m->sides[side]->order[k];

      for (guint i = 0; i < order->len; i++)
        {
          JmItem *item = g_ptr_array_index (order, i);
          JmItem *base = jm_snapshot_get (m->base, (JmKind) k, item->id);

          if (base == NULL || !jm_item_content_equal (base, item))
            mark (m, side, (JmKind) k, item->id);
        }
    }
}

/* ---- fields ---- */

/* Three-way choice of one value: NULL in *conflict when both sides agree
 * or only one changed it. */
static const char *
pick (const char *base,
      const char *ours,
      const char *theirs,
      gboolean   *conflict)
{
  *conflict = FALSE;
  if (g_strcmp0 (ours, theirs) == 0)
    return ours;
  if (g_strcmp0 (ours, base) == 0)
    return theirs;
  if (g_strcmp0 (theirs, base) == 0)
    return ours;
  *conflict = TRUE;
  return ours;
}

static gboolean
strv_has (char       **strv,
          const char  *item)
{
  return strv != NULL && g_strv_contains ((const char * const *) strv, item);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Lists both sides changed: what either removed goes, what either added
 * comes (after what was there, in an order that does not depend on the
 * side). */
static char *
merge_list (const char *base,
            const char *ours,
            const char *theirs)
{
  g_auto(GStrv) b = base ? g_strsplit (base, JM_FIELD_LIST_SEPARATOR, -1) : g_new0 (char *, 1);
  g_auto(GStrv) o = ours ? g_strsplit (ours, JM_FIELD_LIST_SEPARATOR, -1) : g_new0 (char *, 1);
  g_auto(GStrv) t = theirs ? g_strsplit (theirs, JM_FIELD_LIST_SEPARATOR, -1) : g_new0 (char *, 1);
  g_autoptr(GPtrArray) result = g_ptr_array_new ();
  g_autoptr(GPtrArray) added = g_ptr_array_new ();

  for (guint i = 0; b[i] != NULL; i++)
    if (strv_has (o, b[i]) && strv_has (t, b[i]) && !g_ptr_array_find_with_equal_func (result, b[i], g_str_equal, NULL))
      g_ptr_array_add (result, b[i]);
  for (guint side = 0; side < 2; side++)
    {
      char **items = side == 0 ? o : t;

      for (guint i = 0; items[i] != NULL; i++)
        if (!strv_has (b, items[i]) && !g_ptr_array_find_with_equal_func (added, items[i], g_str_equal, NULL))
          g_ptr_array_add (added, items[i]);
    }
  g_ptr_array_sort (added, compare_strings);
  g_ptr_array_extend (result, added, NULL, NULL);
  if (result->len == 0)
    return NULL;
  g_ptr_array_add (result, NULL);
  return g_strjoinv (JM_FIELD_LIST_SEPARATOR, (char **) result->pdata);
}

static char *
attr_key (const JmForeignAttr *a)
{
  return g_strdup_printf ("%s\x1f%s\x1f%s", a->ns_uri ? a->ns_uri : "", a->name ? a->name : "",
                          a->value ? a->value : "");
}

static int
compare_attrs (gconstpointer a,
               gconstpointer b)
{
  g_autofree char *x = attr_key (*(JmForeignAttr * const *) a);
  g_autofree char *y = attr_key (*(JmForeignAttr * const *) b);

  return strcmp (x, y);
}

/* Other namespaces' XML both sides changed: both sides' attributes (one
 * per name) and elements. */
static JmForeign *
foreign_union (const JmForeign *a,
               const JmForeign *b)
{
  g_autoptr(GPtrArray) attrs = g_ptr_array_new ();
  g_autoptr(GPtrArray) elements = g_ptr_array_new ();
  JmForeign *result = NULL;

  for (guint side = 0; side < 2; side++)
    {
      const JmForeign *f = side == 0 ? a : b;

      for (guint i = 0; f != NULL && f->attrs != NULL && i < f->attrs->len; i++)
        g_ptr_array_add (attrs, g_ptr_array_index (f->attrs, i));
      for (guint i = 0; f != NULL && f->elements != NULL && i < f->elements->len; i++)
        if (!g_ptr_array_find_with_equal_func (elements, g_ptr_array_index (f->elements, i), g_str_equal, NULL))
          g_ptr_array_add (elements, g_ptr_array_index (f->elements, i));
    }
  g_ptr_array_sort (attrs, compare_attrs);
  g_ptr_array_sort (elements, compare_strings);

  for (guint i = 0; i < attrs->len; i++)
    {
      const JmForeignAttr *attr = g_ptr_array_index (attrs, i);
      gboolean seen = FALSE;

      for (guint j = 0; result != NULL && result->attrs != NULL && j < result->attrs->len; j++)
        {
          const JmForeignAttr *kept = g_ptr_array_index (result->attrs, j);

          seen |= g_strcmp0 (kept->ns_uri, attr->ns_uri) == 0 && g_strcmp0 (kept->name, attr->name) == 0;
        }
      if (!seen)
        jm_foreign_add_attr (&result, attr->ns_uri, attr->prefix, attr->name, attr->value);
    }
  for (guint i = 0; i < elements->len; i++)
    jm_foreign_add_element (&result, g_ptr_array_index (elements, i));
  return result;
}

static void
set_foreign (JmItem          *item,
             const JmForeign *foreign,
             const char      *key)
{
  jm_foreign_free (item->foreign);
  item->foreign = jm_foreign_copy (foreign);
  g_free (item->foreign_key);
  item->foreign_key = g_strdup (key);
}

/* One object both sides have (or had: a deleting side passes base),
 * base may be NULL. */
static JmItem *
merge_fields (Merge        *m,
              const JmItem *b,
              const JmItem *o,
              const JmItem *t)
{
  JmItem *item = jm_item_new (o->kind, o->id);
  const JmField *fields = jm_kind_get_fields (o->kind, NULL);
  const char *parent_field = jm_kind_parent_field (o->kind);
  gboolean conflict;
  const char *chosen;

  item->persona = g_strdup (o->persona);
  item->step = g_strdup (o->step);
  item->curve = o->curve;

  chosen = pick (b ? b->parent : NULL, o->parent, t->parent, &conflict);
  item->parent = g_strdup (chosen);
  if (conflict && parent_field != NULL)
    add_field_conflict (m, item, parent_field, b ? b->parent : NULL, o->parent, t->parent);

  for (guint i = 0; i < item->n_values; i++)
    {
      const char *bv = b ? b->values[i] : NULL;

      chosen = pick (bv, o->values[i], t->values[i], &conflict);
      if (conflict && fields[i].type == JM_FIELD_LIST)
        item->values[i] = merge_list (bv, o->values[i], t->values[i]);
      else
        {
          item->values[i] = g_strdup (chosen);
          if (conflict)
            add_field_conflict (m, item, fields[i].name, bv, o->values[i], t->values[i]);
        }
    }

  chosen = pick (b ? b->foreign_key : NULL, o->foreign_key, t->foreign_key, &conflict);
  if (!conflict)
    set_foreign (item, chosen == o->foreign_key ? o->foreign : t->foreign, chosen);
  else
    {
      JmForeign *both = foreign_union (o->foreign, t->foreign);

      set_foreign (item, both, NULL);
      jm_foreign_free (both);
      /* Only for telling it from either side's. */
      item->foreign_key = g_strdup_printf ("union\x1f%s\x1f%s", o->foreign_key ? o->foreign_key : "",
                                           t->foreign_key ? t->foreign_key : "");
    }
  return item;
}

static void
merge_object (Merge      *m,
              JmKind      kind,
              const char *id)
{
  JmItem *b = jm_snapshot_get (m->base, kind, id);
  JmItem *o = jm_snapshot_get (m->sides[OURS], kind, id);
  JmItem *t = jm_snapshot_get (m->sides[THEIRS], kind, id);
  JmItem *merged;

  if (kind == JM_KIND_EMOTION)
    {
      /* One score: a cleared score is a value (none) like any other. */
      const JmItem *any = o ? o : t ? t : b;
      const char *bv = b ? b->values[0] : NULL;
      const char *ov = o ? o->values[0] : NULL;
      const char *tv = t ? t->values[0] : NULL;
      gboolean conflict;
      const char *chosen = pick (bv, ov, tv, &conflict);

      if (conflict)
        add_field_conflict (m, any, "score", bv, ov, tv);
      if (chosen == NULL)
        return;
      merged = jm_item_copy (any);
      jm_set_str (&merged->values[0], chosen);
      jm_snapshot_add (m->result, merged);
      return;
    }

  if (o == NULL && t == NULL)
    return;

  if (b != NULL && o == NULL)
    {
      if (!touched (m, THEIRS, kind, id))
        return;
      add_deletion_conflict (m, b, OURS);
      o = b;
    }
  else if (b != NULL && t == NULL)
    {
      if (!touched (m, OURS, kind, id))
        return;
      add_deletion_conflict (m, b, THEIRS);
      t = b;
    }

  if (o == NULL)
    merged = jm_item_copy (t);
  else if (t == NULL)
    merged = jm_item_copy (o);
  else
    merged = merge_fields (m, b, o, t);
  jm_snapshot_add (m->result, merged);
}

static void
merge_objects (Merge  *m,
               JmKind  kind)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  JmSnapshot *all[] = { m->base, m->sides[OURS], m->sides[THEIRS] };

  for (guint s = 0; s < G_N_ELEMENTS (all); s++)
    for (guint i = 0; i < all[s]->order[kind]->len; i++)
      {
        JmItem *item = g_ptr_array_index (all[s]->order[kind], i);

        if (g_hash_table_add (seen, item->id))
          g_ptr_array_add (ids, item->id);
      }

  /* The map itself is there even when base is nothing. */
  if (kind == JM_KIND_MAP && ids->len == 0)
    return;

  for (guint i = 0; i < ids->len; i++)
    merge_object (m, kind, g_ptr_array_index (ids, i));
}

/* ---- order ---- */

typedef enum {
  PLACE_NONE,
  PLACE_SKELETON,  /* where base had it: neither side moved it */
  PLACE_OURS,
  PLACE_THEIRS,
} Place;

typedef struct {
  GPtrArray  *seq;     /* ids, in the side's order, of the merged children */
  GHashTable *index;   /* id -> position + 1 */
  GHashTable *moved;   /* ids out of base order (or new here) */
} Sequence;

static void
sequence_init (Sequence   *sequence,
               GPtrArray  *children,
               GHashTable *members,
               Sequence   *base)
{
  g_autofree int *pos = NULL;
  g_autofree gboolean *stable = NULL;

  sequence->seq = g_ptr_array_new ();
  sequence->index = g_hash_table_new (g_str_hash, g_str_equal);
  sequence->moved = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < children->len; i++)
    {
      JmItem *item = g_ptr_array_index (children, i);

      if (g_hash_table_contains (members, item->id) && !g_hash_table_contains (sequence->index, item->id))
        {
          g_ptr_array_add (sequence->seq, item->id);
          g_hash_table_insert (sequence->index, item->id, GUINT_TO_POINTER (sequence->seq->len));
        }
    }
  if (base == NULL)
    return;

  pos = g_new (int, sequence->seq->len + 1);
  for (guint i = 0; i < sequence->seq->len; i++)
    pos[i] = (int) GPOINTER_TO_UINT (g_hash_table_lookup (base->index, g_ptr_array_index (sequence->seq, i))) - 1;
  stable = jm_stable_elements (pos, sequence->seq->len);
  for (guint i = 0; i < sequence->seq->len; i++)
    if (!stable[i])
      g_hash_table_add (sequence->moved, g_ptr_array_index (sequence->seq, i));
}

static void
sequence_clear (Sequence *sequence)
{
  g_clear_pointer (&sequence->seq, g_ptr_array_unref);
  g_clear_pointer (&sequence->index, g_hash_table_unref);
  g_clear_pointer (&sequence->moved, g_hash_table_unref);
}

/* The element before id in the sequence, "" if it is first, NULL if it is
 * not there. With place, the nearest before it that is placed so. */
static const char *
before (Sequence   *sequence,
        const char *id,
        GHashTable *places,
        Place       place)
{
  guint i = GPOINTER_TO_UINT (g_hash_table_lookup (sequence->index, id));

  if (i == 0)
    return NULL;
  for (i = i - 1; i > 0; i--)
    {
      const char *other = g_ptr_array_index (sequence->seq, i - 1);

      if (places == NULL || GPOINTER_TO_INT (g_hash_table_lookup (places, other)) == (int) place)
        return other;
    }
  return "";
}

/* The runs a side inserted after each skeleton element ("" for the start):
 * anchor -> GPtrArray of ids. */
static GHashTable *
find_runs (Sequence   *sequence,
           GHashTable *places,
           Place       side)
{
  GHashTable *runs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  const char *anchor = "";

  for (guint i = 0; i < sequence->seq->len; i++)
    {
      const char *id = g_ptr_array_index (sequence->seq, i);
      Place place = GPOINTER_TO_INT (g_hash_table_lookup (places, id));

      if (place == PLACE_SKELETON)
        anchor = id;
      else if (place == side)
        {
          GPtrArray *run = g_hash_table_lookup (runs, anchor);

          if (run == NULL)
            g_hash_table_insert (runs, (gpointer) anchor, run = g_ptr_array_new ());
          g_ptr_array_add (run, (gpointer) id);
        }
    }
  return runs;
}

static void
emit_runs (GPtrArray  *out,
           GHashTable *emitted,
           GHashTable *runs_ours,
           GHashTable *runs_theirs,
           const char *anchor)
{
  GPtrArray *first = g_hash_table_lookup (runs_ours, anchor);
  GPtrArray *second = g_hash_table_lookup (runs_theirs, anchor);

  /* Two runs at one place: in an order the ids decide, not the sides. */
  if (first != NULL && second != NULL
      && strcmp (g_ptr_array_index (first, 0), g_ptr_array_index (second, 0)) > 0)
    {
      GPtrArray *swap = first;
      first = second;
      second = swap;
    }
  for (guint r = 0; r < 2; r++)
    {
      GPtrArray *run = r == 0 ? first : second;

      for (guint i = 0; run != NULL && i < run->len; i++)
        if (g_hash_table_add (emitted, g_ptr_array_index (run, i)))
          g_ptr_array_add (out, g_ptr_array_index (run, i));
    }
}

/* The merged order of the children of kind under parent (result items,
 * members), returned as JmItem*. What neither side moved keeps base's
 * order; what one side moved or added goes after the element that side
 * has it after. Moved by both to different places: a position conflict,
 * and ours' place. */
static GPtrArray *
merge_order (Merge      *m,
             JmKind      kind,
             const char *parent,
             GPtrArray  *members)
{
  g_autoptr(GHashTable) member_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) places = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) emitted = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) runs_ours = NULL;
  g_autoptr(GHashTable) runs_theirs = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) orphans = g_ptr_array_new ();
  GPtrArray *result = g_ptr_array_new ();
  Sequence b, o, t;

  for (guint i = 0; i < members->len; i++)
    g_hash_table_add (member_ids, ((JmItem *) g_ptr_array_index (members, i))->id);

  sequence_init (&b, jm_snapshot_children (m->base, kind, parent), member_ids, NULL);
  sequence_init (&o, jm_snapshot_children (m->sides[OURS], kind, parent), member_ids, &b);
  sequence_init (&t, jm_snapshot_children (m->sides[THEIRS], kind, parent), member_ids, &b);

  for (guint i = 0; i < members->len; i++)
    {
      JmItem *item = g_ptr_array_index (members, i);
      gboolean moved_o = g_hash_table_contains (o.moved, item->id);
      gboolean moved_t = g_hash_table_contains (t.moved, item->id);
      Place place = PLACE_NONE;

      if (!moved_o && !moved_t && g_hash_table_contains (b.index, item->id))
        place = PLACE_SKELETON;
      else if (moved_o)
        place = PLACE_OURS;
      else if (moved_t)
        place = PLACE_THEIRS;
      g_hash_table_insert (places, item->id, GINT_TO_POINTER (place));
    }

  /* Moved by both: the same place if each side has it after the same
   * element that stayed. */
  for (guint i = 0; i < members->len; i++)
    {
      JmItem *item = g_ptr_array_index (members, i);

      if (g_hash_table_contains (o.moved, item->id) && g_hash_table_contains (t.moved, item->id)
          && g_strcmp0 (before (&o, item->id, places, PLACE_SKELETON),
                        before (&t, item->id, places, PLACE_SKELETON)) != 0)
        add_field_conflict (m, item, JM_CONFLICT_FIELD_POSITION, before (&b, item->id, NULL, PLACE_NONE),
                            before (&o, item->id, NULL, PLACE_NONE), before (&t, item->id, NULL, PLACE_NONE));
    }

  runs_ours = find_runs (&o, places, PLACE_OURS);
  runs_theirs = find_runs (&t, places, PLACE_THEIRS);

  emit_runs (ids, emitted, runs_ours, runs_theirs, "");
  for (guint i = 0; i < b.seq->len; i++)
    {
      const char *id = g_ptr_array_index (b.seq, i);

      if (GPOINTER_TO_INT (g_hash_table_lookup (places, id)) != PLACE_SKELETON)
        continue;
      if (g_hash_table_add (emitted, (gpointer) id))
        g_ptr_array_add (ids, (gpointer) id);
      emit_runs (ids, emitted, runs_ours, runs_theirs, id);
    }

  /* Whatever is left (a child no sequence places): at the end, by id. */
  for (guint i = 0; i < members->len; i++)
    {
      JmItem *item = g_ptr_array_index (members, i);

      if (!g_hash_table_contains (emitted, item->id))
        g_ptr_array_add (orphans, item->id);
    }
  g_ptr_array_sort (orphans, compare_strings);
  g_ptr_array_extend (ids, orphans, NULL, NULL);

  for (guint i = 0; i < ids->len; i++)
    g_ptr_array_add (result, jm_snapshot_get (m->result, kind, g_ptr_array_index (ids, i)));

  sequence_clear (&b);
  sequence_clear (&o);
  sequence_clear (&t);
  return result;
}

static void
append_ordered (Merge      *m,
                GPtrArray  *order,
                JmKind      kind,
                const char *parent)
{
  GPtrArray *members = jm_snapshot_children (m->result, kind, parent);
  g_autoptr(GPtrArray) ordered = NULL;

  if (members->len == 0)
    return;
  ordered = merge_order (m, kind, parent, members);
  g_ptr_array_extend (order, ordered, NULL, NULL);
}

/* Puts the result's items in merged order: containers first, then the
 * children of each container in its order. Children whose container is
 * not in the result are left out. */
static void
order_result (Merge *m)
{
  JmSnapshot *r = m->result;
  GPtrArray *order[JM_N_KINDS] = { NULL };

  jm_snapshot_index_children (r);

  for (guint k = 0; k < JM_N_KINDS; k++)
    order[k] = g_ptr_array_new ();

  g_ptr_array_extend (order[JM_KIND_MAP], r->order[JM_KIND_MAP], NULL, NULL);
  g_ptr_array_extend (order[JM_KIND_EMOTION], r->order[JM_KIND_EMOTION], NULL, NULL);
  append_ordered (m, order[JM_KIND_PERSONA], JM_KIND_PERSONA, "");
  append_ordered (m, order[JM_KIND_STAGE], JM_KIND_STAGE, "");
  append_ordered (m, order[JM_KIND_LANE], JM_KIND_LANE, "");

  for (guint i = 0; i < order[JM_KIND_STAGE]->len; i++)
    {
      JmItem *stage = g_ptr_array_index (order[JM_KIND_STAGE], i);

      append_ordered (m, order[JM_KIND_STEP], JM_KIND_STEP, stage->id);
      append_ordered (m, order[JM_KIND_METRIC], JM_KIND_METRIC, stage->id);
    }
  for (guint i = 0; i < order[JM_KIND_LANE]->len; i++)
    {
      JmItem *lane = g_ptr_array_index (order[JM_KIND_LANE], i);

      append_ordered (m, order[JM_KIND_CARD], JM_KIND_CARD, lane->id);
    }
  for (guint i = 0; i < order[JM_KIND_CARD]->len; i++)
    {
      JmItem *card = g_ptr_array_index (order[JM_KIND_CARD], i);

      append_ordered (m, order[JM_KIND_METRIC], JM_KIND_METRIC, card->id);
    }

  /* Items left out of the order go from the tables too. */
  for (guint k = 0; k < JM_N_KINDS; k++)
    {
      g_autoptr(GHashTable) kept = g_hash_table_new (NULL, NULL);
      g_autoptr(GPtrArray) old = g_ptr_array_copy (r->order[k], NULL, NULL);

      for (guint i = 0; i < order[k]->len; i++)
        g_hash_table_add (kept, g_ptr_array_index (order[k], i));
      for (guint i = 0; i < old->len; i++)
        if (!g_hash_table_contains (kept, g_ptr_array_index (old, i)))
          jm_snapshot_remove (r, g_ptr_array_index (old, i));
      g_ptr_array_unref (r->order[k]);
      r->order[k] = order[k];
    }
  jm_snapshot_index_children (r);
}

/* ---- making the result a valid map ---- */

/* Brings back an object the merge dropped, from whichever input has it,
 * as deleted on the side that lacks it. */
static JmItem *
bring_back (Merge      *m,
            JmKind      kind,
            const char *id,
            const char *parent)
{
  JmItem *from = jm_snapshot_get (m->sides[OURS], kind, id);
  JmItem *item;

  if (from == NULL)
    from = jm_snapshot_get (m->sides[THEIRS], kind, id);
  if (from == NULL)
    from = jm_snapshot_get (m->base, kind, id);
  item = jm_item_copy (from);
  jm_set_str (&item->parent, parent);
  add_deletion_conflict (m, item, jm_snapshot_get (m->sides[OURS], kind, id) == NULL ? OURS : THEIRS);
  jm_snapshot_add (m->result, item);
  return item;
}

/* The first object of kind under parent in any input that the result
 * lacks, or NULL. */
static const char *
dropped_child (Merge      *m,
               JmKind      kind,
               const char *parent)
{
  JmSnapshot *all[] = { m->base, m->sides[OURS], m->sides[THEIRS] };

  for (guint s = 0; s < G_N_ELEMENTS (all); s++)
    {
      GPtrArray *children = jm_snapshot_children (all[s], kind, parent);

      for (guint i = 0; i < children->len; i++)
        {
          JmItem *child = g_ptr_array_index (children, i);

          if (jm_snapshot_get (m->result, kind, child->id) == NULL
              && !g_hash_table_contains (m->result->ids, child->id))
            return child->id;
        }
    }
  return NULL;
}

/* Each side may delete a different stage, or a different step of a stage,
 * and leave none: one comes back. */
static void
keep_a_stage_and_steps (Merge *m)
{
  JmSnapshot *r = m->result;
  g_autoptr(GPtrArray) stages = NULL;

  if (r->order[JM_KIND_STAGE]->len == 0)
    {
      const char *id = dropped_child (m, JM_KIND_STAGE, "");

      if (id != NULL)
        bring_back (m, JM_KIND_STAGE, id, NULL);
      jm_snapshot_index_children (r);
    }

  stages = g_ptr_array_copy (r->order[JM_KIND_STAGE], NULL, NULL);
  for (guint i = 0; i < stages->len; i++)
    {
      JmItem *stage = g_ptr_array_index (stages, i);
      const char *id;

      if (jm_snapshot_children (r, JM_KIND_STEP, stage->id)->len > 0)
        continue;
      id = dropped_child (m, JM_KIND_STEP, stage->id);
      if (id != NULL)
        bring_back (m, JM_KIND_STEP, id, stage->id);
      else
        {
          /* Nothing to bring back: the stage cannot stay, nor what it holds. */
          g_autoptr(GPtrArray) metrics = g_ptr_array_copy (jm_snapshot_children (r, JM_KIND_METRIC, stage->id),
                                                           NULL, NULL);

          for (guint j = 0; j < metrics->len; j++)
            jm_snapshot_remove (r, g_ptr_array_index (metrics, j));
          jm_snapshot_remove (r, stage);
        }
      jm_snapshot_index_children (r);
    }
}

/* Cards start at a step of the map and end before its last; their
 * personas are the map's. */
static void
fit_cards (Merge *m)
{
  JmSnapshot *r = m->result;
  g_autoptr(GHashTable) columns = g_hash_table_new (g_str_hash, g_str_equal);
  const char *first_step = NULL;
  guint n_steps = 0;

  for (guint i = 0; i < r->order[JM_KIND_STAGE]->len; i++)
    {
      JmItem *stage = g_ptr_array_index (r->order[JM_KIND_STAGE], i);
      GPtrArray *steps = jm_snapshot_children (r, JM_KIND_STEP, stage->id);

      for (guint j = 0; j < steps->len; j++)
        {
          JmItem *step = g_ptr_array_index (steps, j);

          if (first_step == NULL)
            first_step = step->id;
          g_hash_table_insert (columns, step->id, GUINT_TO_POINTER (++n_steps));
        }
    }

  for (guint i = 0; i < r->order[JM_KIND_CARD]->len; i++)
    {
      JmItem *card = g_ptr_array_index (r->order[JM_KIND_CARD], i);
      const JmField *fields = jm_kind_get_fields (JM_KIND_CARD, NULL);
      guint column;
      guint64 span;

      for (guint f = 0; f < card->n_values; f++)
        {
          if (g_str_equal (fields[f].name, "step") && !g_hash_table_contains (columns, card->values[f]))
            {
              JmItem *b = jm_snapshot_get (m->base, JM_KIND_CARD, card->id);
              JmItem *o = jm_snapshot_get (m->sides[OURS], JM_KIND_CARD, card->id);
              JmItem *t = jm_snapshot_get (m->sides[THEIRS], JM_KIND_CARD, card->id);

              add_field_conflict (m, card, "step", b ? b->values[f] : NULL, o ? o->values[f] : NULL,
                                  t ? t->values[f] : NULL);
              jm_set_str (&card->values[f], first_step);
            }
          else if (g_str_equal (fields[f].name, "personas") && card->values[f] != NULL)
            {
              g_auto(GStrv) ids = g_strsplit (card->values[f], " ", -1);
              g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
              g_auto(GStrv) result = NULL;

              for (guint p = 0; ids[p] != NULL; p++)
                if (jm_snapshot_get (r, JM_KIND_PERSONA, ids[p]) != NULL)
                  g_strv_builder_add (kept, ids[p]);
              result = g_strv_builder_end (kept);
              g_free (card->values[f]);
              card->values[f] = result[0] != NULL ? g_strjoinv (" ", result) : NULL;
            }
        }

      column = GPOINTER_TO_UINT (g_hash_table_lookup (columns, jm_item_get (card, "step")));
      if (!g_ascii_string_to_unsigned (jm_item_get (card, "span"), 10, 1, G_MAXUINT, &span, NULL))
        span = 1;
      if (column > 0 && column - 1 + span > n_steps)
        for (guint f = 0; f < card->n_values; f++)
          if (g_str_equal (fields[f].name, "span"))
            {
              g_free (card->values[f]);
              card->values[f] = g_strdup_printf ("%u", n_steps - column + 1);
            }
    }
}

/* A metric merged field by field may not hold together (a kind from one
 * side, a value out of its range from the other): then it is ours (or
 * theirs) as a whole, and each field the sides disagree on a conflict. */
static void
fit_metrics (Merge *m)
{
  JmSnapshot *r = m->result;

  for (guint i = 0; i < r->order[JM_KIND_METRIC]->len; i++)
    {
      JmItem *metric = g_ptr_array_index (r->order[JM_KIND_METRIC], i);
      g_autoptr(JmMetric) built = jm_item_build_object (metric, NULL);
      JmItem *b, *o, *t, *whole;

      if (built != NULL && jm_metric_validate (built, NULL))
        continue;

      b = jm_snapshot_get (m->base, JM_KIND_METRIC, metric->id);
      o = jm_snapshot_get (m->sides[OURS], JM_KIND_METRIC, metric->id);
      t = jm_snapshot_get (m->sides[THEIRS], JM_KIND_METRIC, metric->id);
      whole = o ? o : t ? t : b;
      for (guint f = 0; f < metric->n_values; f++)
        {
          if (o != NULL && t != NULL && g_strcmp0 (o->values[f], t->values[f]) != 0)
            add_field_conflict (m, metric, jm_kind_get_fields (JM_KIND_METRIC, NULL)[f].name,
                                b ? b->values[f] : NULL, o->values[f], t->values[f]);
          jm_set_str (&metric->values[f], whole->values[f]);
        }
    }
}

/* Every id once in the whole map: an id one side gave a new object that
 * the other side's kept object of another kind still has gets a new one. */
static void
make_ids_unique (Merge *m)
{
  JmSnapshot *r = m->result;
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint k = JM_KIND_PERSONA; k <= JM_KIND_METRIC; k++)
    {
      g_autoptr(GPtrArray) order = g_ptr_array_copy (r->order[k], NULL, NULL);

      for (guint i = 0; i < order->len; i++)
        {
          JmItem *item = g_ptr_array_index (order, i);

          if (g_hash_table_contains (used, item->id))
            {
              g_autofree char *id = fresh_id (m, item->id);

              jm_snapshot_rename (r, item, id);
            }
          g_hash_table_add (used, g_strdup (item->id));
        }
    }
}

/* ---- the result ---- */

static JmDocument *
build_document (Merge     *m,
                GPtrArray *conflicts)
{
  JmSnapshot *r = m->result;
  JmDocument *doc = jm_document_new ();
  JmItem *map = r->order[JM_KIND_MAP]->len > 0 ? g_ptr_array_index (r->order[JM_KIND_MAP], 0) : NULL;
  JmMapHeader header;

  jm_item_build_header (map, &header);
  jm_document_build_header (doc, header.title, header.scenario, header.notes, header.state);
  jm_document_build_metric_tolerance (doc, header.metric_tolerance);
  jm_document_build_language (doc, header.language);
  jm_document_build_persona_details (doc, header.persona_details);
  jm_map_header_clear (&header);
  if (map != NULL)
    jm_document_build_foreign (doc, jm_foreign_copy (map->foreign));

  for (guint i = 0; i < r->order[JM_KIND_PERSONA]->len; i++)
    {
      JmPersona *persona = jm_item_build_object (g_ptr_array_index (r->order[JM_KIND_PERSONA], i), NULL);

      if (persona != NULL)
        jm_document_build_persona (doc, persona);
    }

  for (guint i = 0; i < r->order[JM_KIND_STAGE]->len; i++)
    {
      JmItem *item = g_ptr_array_index (r->order[JM_KIND_STAGE], i);
      JmStage *stage = jm_item_build_object (item, NULL);
      GPtrArray *steps = jm_snapshot_children (r, JM_KIND_STEP, item->id);
      GPtrArray *metrics = jm_snapshot_children (r, JM_KIND_METRIC, item->id);

      if (stage == NULL)
        continue;
      for (guint j = 0; j < steps->len; j++)
        {
          JmStep *step = jm_item_build_object (g_ptr_array_index (steps, j), NULL);

          if (step != NULL)
            g_ptr_array_add (stage->steps, step);
        }
      for (guint j = 0; j < metrics->len; j++)
        {
          JmMetric *metric = jm_item_build_object (g_ptr_array_index (metrics, j), NULL);

          if (metric != NULL)
            g_ptr_array_add (stage->metrics, metric);
        }
      jm_document_build_stage (doc, stage);
    }

  for (guint i = 0; i < r->order[JM_KIND_LANE]->len; i++)
    {
      JmItem *item = g_ptr_array_index (r->order[JM_KIND_LANE], i);
      JmLane *lane = jm_item_build_object (item, NULL);
      GPtrArray *cards = jm_snapshot_children (r, JM_KIND_CARD, item->id);

      if (lane == NULL)
        continue;
      for (guint j = 0; j < cards->len; j++)
        {
          JmItem *card_item = g_ptr_array_index (cards, j);
          JmCard *card = jm_item_build_object (card_item, NULL);
          GPtrArray *metrics = jm_snapshot_children (r, JM_KIND_METRIC, card_item->id);

          if (card == NULL)
            continue;
          for (guint k = 0; k < metrics->len; k++)
            {
              JmMetric *metric = jm_item_build_object (g_ptr_array_index (metrics, k), NULL);

              if (metric != NULL)
                g_ptr_array_add (card->metrics, metric);
            }
          g_ptr_array_add (lane->cards, card);
        }
      jm_document_build_lane (doc, lane);
    }

  for (guint i = 0; i < r->order[JM_KIND_EMOTION]->len; i++)
    {
      JmItem *item = g_ptr_array_index (r->order[JM_KIND_EMOTION], i);
      JmEmotion *emotion;

      /* Scores of a persona or a step the map no longer has go with them. */
      if (jm_document_find_persona (doc, item->persona) == NULL || jm_document_find_step (doc, item->step) == NULL)
        continue;
      emotion = jm_item_build_object (item, NULL);
      if (emotion != NULL)
        jm_document_build_emotion (doc, emotion);
    }

  for (guint i = 0; i < conflicts->len; i++)
    jm_document_build_conflict (doc, jm_conflict_copy (g_ptr_array_index (conflicts, i)));

  return doc;
}

/* Conflicts the inputs already held stay unless one side resolved them. */
static GPtrArray *
carried_conflicts (Merge *m)
{
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_conflict_free);
  g_autoptr(GHashTable) in_base = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTable *in_side[N_SIDES] = { NULL };
  g_autoptr(GHashTable) kept = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < m->base->conflicts->len; i++)
    g_hash_table_add (in_base, ((JmConflict *) g_ptr_array_index (m->base->conflicts, i))->key);
  for (guint s = 0; s < N_SIDES; s++)
    {
      in_side[s] = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < m->sides[s]->conflicts->len; i++)
        g_hash_table_add (in_side[s], ((JmConflict *) g_ptr_array_index (m->sides[s]->conflicts, i))->key);
    }

  for (guint s = 0; s < N_SIDES; s++)
    for (guint i = 0; i < m->sides[s]->conflicts->len; i++)
      {
        JmConflict *conflict = g_ptr_array_index (m->sides[s]->conflicts, i);
        gboolean resolved_by_other = g_hash_table_contains (in_base, conflict->key)
                                     && !g_hash_table_contains (in_side[1 - s], conflict->key);

        if (resolved_by_other || g_hash_table_contains (m->conflict_keys, conflict->key)
            || !g_hash_table_add (kept, conflict->key))
          continue;
        g_ptr_array_add (result, jm_conflict_copy (conflict));
      }
  for (guint s = 0; s < N_SIDES; s++)
    g_hash_table_unref (in_side[s]);
  return result;
}

static gboolean
same_strv (char **a,
           char **b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

static gboolean
same_views (JmDocument *a,
            JmDocument *b)
{
  GPtrArray *va = jm_document_get_views (a), *vb = jm_document_get_views (b);

  if (va->len != vb->len)
    return FALSE;
  for (guint i = 0; i < va->len; i++)
    {
      JmMapView *x = g_ptr_array_index (va, i), *y = g_ptr_array_index (vb, i);

      if (g_strcmp0 (x->id, y->id) != 0 || g_strcmp0 (x->name, y->name) != 0 || x->states != y->states
          || !same_strv (x->lanes, y->lanes) || !same_strv (x->personas, y->personas))
        return FALSE;
    }
  return TRUE;
}

/* Named views go as one: theirs when ours left them as they were, else
 * ours. (A lane or persona the merge dropped is left out on saving.) */
static void
carry_views (JmDocument *result,
             JmDocument *base,
             JmDocument *ours,
             JmDocument *theirs)
{
  JmDocument *from = base != NULL && same_views (base, ours) ? theirs : ours;
  GPtrArray *views = jm_document_get_views (from);

  for (guint i = 0; i < views->len; i++)
    jm_document_build_view (result, jm_map_view_copy (g_ptr_array_index (views, i)));
}

JmDocument *
jm_merge (JmDocument *base,
          JmDocument *ours,
          JmDocument *theirs,
          guint      *n_conflicts)
{
  Merge m = { 0 };
  g_autoptr(GPtrArray) conflicts = NULL;
  JmDocument *result;

  g_return_val_if_fail (base == NULL || JM_IS_DOCUMENT (base), NULL);
  g_return_val_if_fail (JM_IS_DOCUMENT (ours), NULL);
  g_return_val_if_fail (JM_IS_DOCUMENT (theirs), NULL);

  m.base = jm_snapshot_new (base);
  m.sides[OURS] = jm_snapshot_new (ours);
  m.sides[THEIRS] = jm_snapshot_new (theirs);
  m.conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_conflict_free);
  m.conflict_keys = g_hash_table_new (g_str_hash, g_str_equal);
  m.reserved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint s = 0; s < N_SIDES; s++)
    m.touched[s] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Without a common ancestor the same id on both sides is most likely
   * the same object (two copies of one map): merged field by field. */
  if (m.base->has_map)
    keep_both_of_clashing_ids (&m);
  m.result = jm_snapshot_new (NULL);
  find_touched (&m, OURS);
  find_touched (&m, THEIRS);

  for (guint k = 0; k < JM_N_KINDS; k++)
    merge_objects (&m, (JmKind) k);

  order_result (&m);
  keep_a_stage_and_steps (&m);
  fit_cards (&m);
  fit_metrics (&m);
  make_ids_unique (&m);

  conflicts = carried_conflicts (&m);
  if (n_conflicts != NULL)
    *n_conflicts = m.conflicts->len;
  for (guint i = 0; i < m.conflicts->len; i++)
    g_ptr_array_add (conflicts, jm_conflict_copy (g_ptr_array_index (m.conflicts, i)));
  result = build_document (&m, conflicts);
  carry_views (result, base, ours, theirs);

  jm_snapshot_free (m.base);
  jm_snapshot_free (m.sides[OURS]);
  jm_snapshot_free (m.sides[THEIRS]);
  jm_snapshot_free (m.result);
  g_ptr_array_unref (m.conflicts);
  g_hash_table_unref (m.conflict_keys);
  g_hash_table_unref (m.reserved);
  for (guint s = 0; s < N_SIDES; s++)
    g_hash_table_unref (m.touched[s]);
  return result;
}
