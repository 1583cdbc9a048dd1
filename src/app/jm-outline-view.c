/* jm-outline-view.c — see jm-outline-view.h. The rows are rebuilt from the document
 * after each change it announces (only while the outline is shown), keeping
 * which rows were expanded and which one is selected. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "jm-describe.h"
#include "jm-outline-view.h"
#include "jm-a11y.h"

/* ---- one row ---- */

#define JM_TYPE_OUTLINE_VIEW_ITEM (jm_outline_view_item_get_type ())
G_DECLARE_FINAL_TYPE (JmOutlineViewItem, jm_outline_view_item, JM, OUTLINE_VIEW_ITEM, GObject)

struct _JmOutlineViewItem {
  GObject  parent_instance;
  JmFocus  focus;      /* what the row is; kind NONE for a metric */
  char    *metric_id;  /* metric rows */
  char    *key;
};

G_DEFINE_FINAL_TYPE (JmOutlineViewItem, jm_outline_view_item, G_TYPE_OBJECT)

static void
jm_outline_view_item_finalize (GObject *object)
{
  JmOutlineViewItem *self = JM_OUTLINE_VIEW_ITEM (object);

  jm_focus_clear (&self->focus);
  g_free (self->metric_id);
  g_free (self->key);
  G_OBJECT_CLASS (jm_outline_view_item_parent_class)->finalize (object);
}

static void
jm_outline_view_item_class_init (JmOutlineViewItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jm_outline_view_item_finalize;
}

static void
jm_outline_view_item_init (JmOutlineViewItem *self)
{
}

/* The key of a focus: the row that shows it. */
static char *
focus_key (const JmFocus *focus)
{
  switch (focus->kind)
    {
    case JM_FOCUS_PERSONA:
      return g_strconcat ("persona:", focus->id, NULL);
    case JM_FOCUS_STAGE:
      return g_strconcat ("stage:", focus->id, NULL);
    case JM_FOCUS_STEP:
      return g_strconcat ("step:", focus->id, NULL);
    case JM_FOCUS_LANE:
      return g_strconcat ("lane:", focus->id, NULL);
    case JM_FOCUS_CELL:
      return g_strconcat ("cell:", focus->lane_id, ":", focus->step_id, NULL);
    case JM_FOCUS_CARD:
      return g_strconcat ("card:", focus->id, NULL);
    case JM_FOCUS_EMOTION:
      return g_strdup_printf ("emotion:%s:%s:%d", focus->id, focus->step_id, (int) focus->curve);
    case JM_FOCUS_NONE:
    case JM_FOCUS_MAP:
    default:
      return g_strdup ("map");
    }
}

static JmOutlineViewItem *
item_new (JmFocusKind kind,
          const char *id,
          const char *lane_id,
          const char *step_id,
          JmMapState  curve)
{
  JmOutlineViewItem *item = g_object_new (JM_TYPE_OUTLINE_VIEW_ITEM, NULL);

  item->focus.kind = kind;
  item->focus.id = g_strdup (id);
  item->focus.lane_id = g_strdup (lane_id);
  item->focus.step_id = g_strdup (kind == JM_FOCUS_STEP ? id : step_id);
  item->focus.curve = curve;
  item->key = focus_key (&item->focus);
  return item;
}

static JmOutlineViewItem *
metric_item_new (const char *metric_id)
{
  JmOutlineViewItem *item = g_object_new (JM_TYPE_OUTLINE_VIEW_ITEM, NULL);

  item->focus.kind = JM_FOCUS_NONE;
  item->metric_id = g_strdup (metric_id);
  item->key = g_strconcat ("metric:", metric_id, NULL);
  return item;
}

/* ---- the outline ---- */

struct _JmOutlineView {
  GtkWidget          parent_instance;

  GtkWidget         *box;
  GtkWidget         *search_bar;
  GtkWidget         *search_entry;
  GtkWidget         *scroller;
  GtkWidget         *list_view;
  GtkWidget         *rename_popover;
  GtkWidget         *rename_entry;
  char              *rename_key;

  GListStore        *roots;
  GtkTreeListModel  *tree;
  GtkSingleSelection *rows_selection;

  JmSelection       *selection;
  JmDocument        *document;
  gulong             changed_handler;
  gulong             focus_handler;
  gboolean           stale;     /* the document changed while hidden */
  gboolean           syncing;   /* selecting a row to follow the JmSelection */
};

G_DEFINE_FINAL_TYPE (JmOutlineView, jm_outline_view, GTK_TYPE_WIDGET)

static JmDocument *
outline_document (JmOutlineView *self)
{
  return self->selection ? jm_selection_get_document (self->selection) : NULL;
}

/* The cards of lane that start at step_id, in reading order. */
static GPtrArray *
cell_cards (JmLane     *lane,
            const char *step_id)
{
  GPtrArray *cards = g_ptr_array_new ();

  for (guint i = 0; i < lane->cards->len; i++)
    {
      JmCard *card = g_ptr_array_index (lane->cards, i);

      if (g_strcmp0 (card->step_id, step_id) == 0)
        g_ptr_array_add (cards, card);
    }
  return cards;
}

static GListModel *
create_children (gpointer item_ptr,
                 gpointer user_data)
{
  JmOutlineView *self = user_data;
  JmOutlineViewItem *item = item_ptr;
  JmDocument *document = outline_document (self);
  GListStore *store;

  if (document == NULL)
    return NULL;
  store = g_list_store_new (JM_TYPE_OUTLINE_VIEW_ITEM);
  switch (item->focus.kind)
    {
    case JM_FOCUS_NONE:
      break;
    case JM_FOCUS_MAP:
      {
        GPtrArray *personas = jm_document_get_personas (document);
        GPtrArray *stages = jm_document_get_stages (document);
        GPtrArray *lanes = jm_document_get_lanes (document);

        for (guint i = 0; i < personas->len; i++)
          {
            JmPersona *persona = g_ptr_array_index (personas, i);
            g_autoptr(JmOutlineViewItem) child = item_new (JM_FOCUS_PERSONA, persona->id, NULL, NULL, 0);
            g_list_store_append (store, child);
          }
        for (guint i = 0; i < stages->len; i++)
          {
            JmStage *stage = g_ptr_array_index (stages, i);
            g_autoptr(JmOutlineViewItem) child = item_new (JM_FOCUS_STAGE, stage->id, NULL, NULL, 0);
            g_list_store_append (store, child);
          }
        for (guint i = 0; i < lanes->len; i++)
          {
            JmLane *lane = g_ptr_array_index (lanes, i);
            g_autoptr(JmOutlineViewItem) child = item_new (JM_FOCUS_LANE, lane->id, NULL, NULL, 0);
            g_list_store_append (store, child);
          }
        break;
      }
    case JM_FOCUS_STAGE:
      {
        JmStage *stage = jm_document_find_stage (document, item->focus.id);

        for (guint i = 0; stage && i < stage->steps->len; i++)
          {
            JmStep *step = g_ptr_array_index (stage->steps, i);
            g_autoptr(JmOutlineViewItem) child = item_new (JM_FOCUS_STEP, step->id, NULL, NULL, 0);
            g_list_store_append (store, child);
          }
        for (guint i = 0; stage && i < stage->metrics->len; i++)
          {
            JmMetric *metric = g_ptr_array_index (stage->metrics, i);
            g_autoptr(JmOutlineViewItem) child = metric_item_new (metric->id);
            g_list_store_append (store, child);
          }
        break;
      }
    case JM_FOCUS_STEP:
      {
        GPtrArray *lanes = jm_document_get_lanes (document);
        GPtrArray *personas = jm_document_get_personas (document);

        for (guint i = 0; i < lanes->len; i++)
          {
            JmLane *lane = g_ptr_array_index (lanes, i);
            g_autoptr(JmOutlineViewItem) child = NULL;

            /* The emotion lane's content is the personas' scores below. */
            if (lane->kind == JM_LANE_EMOTIONS)
              continue;
            child = item_new (JM_FOCUS_CELL, NULL, lane->id, item->focus.id, 0);
            g_list_store_append (store, child);
          }
        for (guint i = 0; i < personas->len; i++)
          for (int curve = 0; curve < JM_N_MAP_STATES; curve++)
            {
              JmPersona *persona = g_ptr_array_index (personas, i);
              g_autoptr(JmOutlineViewItem) child = item_new (JM_FOCUS_EMOTION, persona->id, NULL,
                                                          item->focus.id, (JmMapState) curve);
              g_list_store_append (store, child);
            }
        break;
      }
    case JM_FOCUS_CELL:
      {
        JmLane *lane = jm_document_find_lane (document, item->focus.lane_id);
        g_autoptr(GPtrArray) cards = lane ? cell_cards (lane, item->focus.step_id) : NULL;

        for (guint i = 0; cards && i < cards->len; i++)
          {
            JmCard *card = g_ptr_array_index (cards, i);
            g_autoptr(JmOutlineViewItem) child = item_new (JM_FOCUS_CARD, card->id, lane->id, card->step_id, 0);
            g_list_store_append (store, child);
          }
        break;
      }
    case JM_FOCUS_CARD:
      {
        JmCard *card = jm_document_find_card (document, item->focus.id, NULL);

        for (guint i = 0; card && card->metrics && i < card->metrics->len; i++)
          {
            JmMetric *metric = g_ptr_array_index (card->metrics, i);
            g_autoptr(JmOutlineViewItem) child = metric_item_new (metric->id);
            g_list_store_append (store, child);
          }
        break;
      }
    case JM_FOCUS_PERSONA:
    case JM_FOCUS_LANE:
    case JM_FOCUS_EMOTION:
    default:
      break;
    }
  if (g_list_model_get_n_items (G_LIST_MODEL (store)) == 0)
    {
      g_object_unref (store);
      return NULL;
    }
  return G_LIST_MODEL (store);
}

/* What the row shows, and (with context) what a screen reader says. */
static char *
item_name (JmOutlineView     *self,
           JmOutlineViewItem *item,
           gboolean       with_context)
{
  JmDocument *document = outline_document (self);
  g_autofree char *name = NULL;
  g_autofree char *context = NULL;

  if (document == NULL)
    return g_strdup ("");
  if (item->metric_id != NULL)
    return jm_describe_metric (document, item->metric_id);
  switch (item->focus.kind)
    {
    case JM_FOCUS_MAP:
      {
        const char *scenario = jm_document_get_scenario (document);
        g_autofree char *state = g_utf8_strdown (jm_map_state_get_label (jm_document_get_state (document)), -1);

        name = jm_describe_name (document, &item->focus);
        if (scenario != NULL && *scenario != '\0')
          /* Translators: the map's row in the outline: its title, state and scenario. */
          context = g_strdup_printf (_("%s, scenario: %s"), state, scenario);
        else
          context = g_steal_pointer (&state);
        break;
      }
    case JM_FOCUS_CELL:
      {
        JmLane *lane = jm_document_find_lane (document, item->focus.lane_id);
        g_autoptr(GPtrArray) cards = lane ? cell_cards (lane, item->focus.step_id) : NULL;
        JmFocus step = { JM_FOCUS_STEP, item->focus.step_id, NULL, item->focus.step_id, 0 };
        g_autofree char *step_name = jm_describe_name (document, &step);

        if (lane == NULL)
          return g_strdup ("");
        /* Translators: a lane at one step in the outline: "Pain points: 2 cards". */
        name = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u card", "%s: %u cards", cards->len),
                                lane->title, cards->len);
        context = jm_describe_context (document, &item->focus);
        /* The lane is in the name already: say only where. */
        g_free (context);
        {
          JmStage *stage = jm_document_get_step_stage (document, item->focus.step_id);
          JmStep *s = jm_document_find_step (document, item->focus.step_id);

          context = stage && s ? g_strdup_printf (_("stage %s, step %s"), stage->name, s->name) : g_strdup ("");
        }
        (void) step_name;
        break;
      }
    case JM_FOCUS_NONE:
    case JM_FOCUS_PERSONA:
    case JM_FOCUS_STAGE:
    case JM_FOCUS_STEP:
    case JM_FOCUS_LANE:
    case JM_FOCUS_CARD:
    case JM_FOCUS_EMOTION:
    default:
      name = jm_describe_name (document, &item->focus);
      context = jm_describe_context (document, &item->focus);
      break;
    }
  if (!with_context || context == NULL || *context == '\0')
    return g_steal_pointer (&name);
  return g_strdup_printf ("%s, %s", name, context);
}

static JmOutlineViewItem *
row_item (JmOutlineView *self,
          guint      position)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), position);

  return row ? JM_OUTLINE_VIEW_ITEM (gtk_tree_list_row_get_item (row)) : NULL;
}

static JmOutlineViewItem *
selected_item (JmOutlineView *self)
{
  guint position = gtk_single_selection_get_selected (self->rows_selection);

  return position == GTK_INVALID_LIST_POSITION ? NULL : row_item (self, position);
}

/* ---- row widgets ---- */

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           JmOutlineView                *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), label);
  gtk_list_item_set_child (list_item, expander);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          JmOutlineView                *self)
{
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *label = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  JmOutlineViewItem *item = gtk_tree_list_row_get_item (row);
  g_autofree char *name = item_name (self, item, FALSE);
  g_autofree char *full = item_name (self, item, TRUE);
  GtkWidget *row_widget = gtk_widget_get_parent (expander);

  g_object_unref (item);
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  gtk_label_set_text (GTK_LABEL (label), name);
  gtk_widget_set_tooltip_text (label, full);
  /* The list's own row widget is what takes the keyboard focus and what a
   * screen reader announces: it carries the whole name, and the shorter
   * text inside would only repeat part of it. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  jm_a11y_set_name (expander, full);
  if (row_widget != NULL)
    {
      jm_a11y_set_name (row_widget, full);
      g_object_set_data (G_OBJECT (item), "jm-row-widget", row_widget);
    }
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            JmOutlineView                *self)
{
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);

  if (row != NULL)
    {
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (item != NULL)
        g_object_set_data (item, "jm-row-widget", NULL);
    }
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), NULL);
}

/* The keyboard to the selected row (GTK 4.8's list view would otherwise
 * take it back to the row it last had). */
static void
focus_selected_row (JmOutlineView *self)
{
  guint position = gtk_single_selection_get_selected (self->rows_selection);
  g_autoptr(JmOutlineViewItem) item = NULL;
  GtkWidget *row_widget;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  if (position == GTK_INVALID_LIST_POSITION)
    {
      gtk_widget_grab_focus (self->list_view);
      return;
    }
  gtk_widget_activate_action (self->list_view, "list.scroll-to-item", "u", position);
  item = row_item (self, position);
  row_widget = g_object_get_data (G_OBJECT (item), "jm-row-widget");
  if (row_widget == NULL || !gtk_widget_grab_focus (row_widget))
    gtk_widget_grab_focus (self->list_view);
}

/* ---- following the document and the selection ---- */

static gboolean
search_path (JmOutlineView     *self,
             JmOutlineViewItem *item,
             const char    *key,
             GPtrArray     *path)
{
  g_autoptr(GListModel) children = NULL;

  g_ptr_array_add (path, g_strdup (item->key));
  if (g_str_equal (item->key, key))
    return TRUE;
  children = create_children (item, self);
  for (guint i = 0; children && i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(JmOutlineViewItem) child = g_list_model_get_item (children, i);

      if (search_path (self, child, key, path))
        return TRUE;
    }
  g_ptr_array_remove_index (path, path->len - 1);
  return FALSE;
}

static guint
find_row (JmOutlineView  *self,
          const char *key)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JmOutlineViewItem) item = row_item (self, i);

      if (g_str_equal (item->key, key))
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* following: the row follows the JmSelection, rather than driving it. */
static void
select_position (JmOutlineView *self,
                 guint      position,
                 gboolean   following)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  gboolean had_focus = focus != NULL && (focus == self->list_view || gtk_widget_is_ancestor (focus, self->list_view));

  self->syncing = following;
  gtk_single_selection_set_selected (self->rows_selection, position);
  self->syncing = FALSE;
  /* Scrolls to the row and makes it where the keyboard is. */
  if (had_focus)
    focus_selected_row (self);
  else
    gtk_widget_activate_action (self->list_view, "list.scroll-to-item", "u", position);
}

static gboolean
select_key (JmOutlineView  *self,
            const char *key,
            gboolean    following)
{
  g_autoptr(GPtrArray) path = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JmOutlineViewItem) root = NULL;
  guint position = GTK_INVALID_LIST_POSITION;

  g_return_val_if_fail (JM_IS_OUTLINE_VIEW (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->roots)) == 0)
    return FALSE;
  root = g_list_model_get_item (G_LIST_MODEL (self->roots), 0);
  if (!search_path (self, root, key, path))
    return FALSE;
  /* Open the rows above it, from the top. */
  for (guint i = 0; i + 1 < path->len; i++)
    {
      guint p = find_row (self, g_ptr_array_index (path, i));
      g_autoptr(GtkTreeListRow) row = p == GTK_INVALID_LIST_POSITION ? NULL
                                      : g_list_model_get_item (G_LIST_MODEL (self->tree), p);

      if (row != NULL)
        gtk_tree_list_row_set_expanded (row, TRUE);
    }
  position = find_row (self, key);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  select_position (self, position, following);
  return TRUE;
}

gboolean
jm_outline_view_select_key (JmOutlineView  *self,
                       const char *key)
{
  g_return_val_if_fail (JM_IS_OUTLINE_VIEW (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  return select_key (self, key, FALSE);
}

static void
follow_selection (JmOutlineView *self)
{
  const JmFocus *focus;
  JmDocument *document = outline_document (self);
  g_autofree char *key = NULL;

  if (document == NULL || self->stale)
    return;
  focus = jm_selection_get_focus (self->selection);
  key = focus_key (focus);
  /* An emotion lane's cell has no row of its own: its step stands for it. */
  if (focus->kind == JM_FOCUS_CELL)
    {
      JmLane *lane = jm_document_find_lane (document, focus->lane_id);

      if (lane != NULL && lane->kind == JM_LANE_EMOTIONS)
        {
          g_free (key);
          key = g_strconcat ("step:", focus->step_id, NULL);
        }
    }
  {
    g_autoptr(JmOutlineViewItem) current = selected_item (self);

    if (current != NULL && current->metric_id == NULL && g_str_equal (current->key, key))
      return;
    /* A metric row stands for its owner: leave it selected. */
    if (current != NULL && current->metric_id != NULL)
      {
        const char *owner = NULL;

        jm_document_find_metric (document, current->metric_id, &owner);
        if (owner != NULL && g_strcmp0 (owner, focus->id) == 0)
          return;
      }
  }
  select_key (self, key, TRUE);
}

static void
rebuild (JmOutlineView *self)
{
  g_autoptr(GHashTable) expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(JmOutlineViewItem) selected = selected_item (self);
  g_autofree char *selected_key = selected ? g_strdup (selected->key) : NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));
  gboolean first = n == 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), i);

      if (gtk_tree_list_row_get_expanded (row))
        {
          g_autoptr(JmOutlineViewItem) item = gtk_tree_list_row_get_item (row);
          g_hash_table_add (expanded, g_strdup (item->key));
        }
    }
  self->stale = FALSE;
  self->syncing = TRUE;
  g_list_store_remove_all (self->roots);
  if (outline_document (self) != NULL)
    {
      g_autoptr(JmOutlineViewItem) map = item_new (JM_FOCUS_MAP, NULL, NULL, NULL, 0);

      g_list_store_append (self->roots, map);
      if (first)
        g_hash_table_add (expanded, g_strdup ("map"));
      /* Each expansion inserts its children right after the row, so one
       * pass down the list reaches them too. */
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->tree)); i++)
        {
          g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), i);
          g_autoptr(JmOutlineViewItem) item = gtk_tree_list_row_get_item (row);

          if (g_hash_table_contains (expanded, item->key))
            gtk_tree_list_row_set_expanded (row, TRUE);
        }
    }
  gtk_single_selection_set_selected (self->rows_selection, GTK_INVALID_LIST_POSITION);
  self->syncing = FALSE;
  /* The row selected before, which a metric row may be while its owner is
   * current; else the row of the current object. */
  if (selected_key != NULL && find_row (self, selected_key) != GTK_INVALID_LIST_POSITION)
    select_position (self, find_row (self, selected_key), TRUE);
  if (self->selection != NULL)
    follow_selection (self);
}

static void
on_document_changed (JmDocument     *document,
                     const JmChange *change,
                     JmOutlineView      *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
  else
    self->stale = TRUE;
}

static void
on_selection_changed (JmSelection *selection,
                      JmOutlineView   *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    follow_selection (self);
}

static void
on_row_selected (GtkSingleSelection *rows,
                 GParamSpec         *pspec,
                 JmOutlineView          *self)
{
  g_autoptr(JmOutlineViewItem) item = NULL;
  JmDocument *document = outline_document (self);

  if (self->syncing || document == NULL)
    return;
  item = selected_item (self);
  if (item == NULL)
    return;
  g_signal_handler_block (self->selection, self->focus_handler);
  if (item->metric_id != NULL)
    {
      const char *owner = NULL;

      jm_document_find_metric (document, item->metric_id, &owner);
      if (owner != NULL && jm_document_find_card (document, owner, NULL) != NULL)
        jm_selection_focus_card (self->selection, owner, FALSE);
      else if (owner != NULL)
        jm_selection_focus_object (self->selection, JM_FOCUS_STAGE, owner);
    }
  else if (item->focus.kind == JM_FOCUS_MAP)
    jm_selection_focus_object (self->selection, JM_FOCUS_MAP, NULL);
  else
    jm_selection_set_focus (self->selection, &item->focus);
  g_signal_handler_unblock (self->selection, self->focus_handler);
}

static void
on_map (GtkWidget *widget,
        JmOutlineView *self)
{
  rebuild (self);
  /* Shown by the user: the keyboard goes to its rows. */
  focus_selected_row (self);
}

void
jm_outline_view_set_selection (JmOutlineView   *self,
                          JmSelection *selection)
{
  g_return_if_fail (JM_IS_OUTLINE_VIEW (self));
  g_return_if_fail (selection == NULL || JM_IS_SELECTION (selection));

  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_handler, self->document);
  if (self->selection != NULL)
    g_clear_signal_handler (&self->focus_handler, self->selection);
  g_clear_object (&self->document);
  g_set_object (&self->selection, selection);
  /* A new document starts with only the map open. */
  self->syncing = TRUE;
  g_list_store_remove_all (self->roots);
  self->syncing = FALSE;
  if (selection != NULL)
    {
      self->document = g_object_ref (jm_selection_get_document (selection));
      self->changed_handler = g_signal_connect (self->document, "changed",
                                                G_CALLBACK (on_document_changed), self);
      self->focus_handler = g_signal_connect (selection, "changed", G_CALLBACK (on_selection_changed), self);
    }
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
  else
    self->stale = TRUE;
}

JmSelection *
jm_outline_view_get_selection (JmOutlineView *self)
{
  g_return_val_if_fail (JM_IS_OUTLINE_VIEW (self), NULL);
  return self->selection;
}

/* ---- editing ---- */

static void
rename_item (JmOutlineView     *self,
             JmOutlineViewItem *item,
             const char    *text)
{
  JmDocument *document = outline_document (self);

  switch (item->focus.kind)
    {
    case JM_FOCUS_MAP:
      jm_document_set_title (document, text);
      break;
    case JM_FOCUS_PERSONA:
      {
        JmPersona *persona = jm_document_find_persona (document, item->focus.id);
        JmPersona *copy = persona ? jm_persona_copy (persona) : NULL;

        if (copy != NULL)
          {
            jm_set_str (&copy->name, text);
            jm_document_update_persona (document, copy, NULL);
          }
        break;
      }
    case JM_FOCUS_STAGE:
      {
        JmStage *stage = jm_document_find_stage (document, item->focus.id);
        JmStage *copy = stage ? jm_stage_copy (stage) : NULL;

        if (copy != NULL)
          {
            jm_set_str (&copy->name, text);
            jm_document_update_stage (document, copy, NULL);
          }
        break;
      }
    case JM_FOCUS_STEP:
      jm_document_rename_step (document, item->focus.id, text);
      break;
    case JM_FOCUS_LANE:
      {
        JmLane *lane = jm_document_find_lane (document, item->focus.id);
        JmLane *copy = lane ? jm_lane_copy (lane) : NULL;

        if (copy != NULL)
          {
            jm_set_str (&copy->title, text);
            jm_document_update_lane (document, copy, NULL);
          }
        break;
      }
    case JM_FOCUS_CARD:
      jm_document_set_card_text (document, item->focus.id, text);
      break;
    case JM_FOCUS_NONE:
    case JM_FOCUS_CELL:
    case JM_FOCUS_EMOTION:
    default:
      break;
    }
}

static char *
item_text (JmOutlineView     *self,
           JmOutlineViewItem *item)
{
  JmDocument *document = outline_document (self);

  switch (item->focus.kind)
    {
    case JM_FOCUS_MAP:
      return g_strdup (jm_document_get_title (document));
    case JM_FOCUS_PERSONA:
      return g_strdup (jm_document_find_persona (document, item->focus.id)->name);
    case JM_FOCUS_STAGE:
      return g_strdup (jm_document_find_stage (document, item->focus.id)->name);
    case JM_FOCUS_STEP:
      return g_strdup (jm_document_find_step (document, item->focus.id)->name);
    case JM_FOCUS_LANE:
      return g_strdup (jm_document_find_lane (document, item->focus.id)->title);
    case JM_FOCUS_CARD:
      return g_strdup (jm_document_find_card (document, item->focus.id, NULL)->text);
    case JM_FOCUS_NONE:
    case JM_FOCUS_CELL:
    case JM_FOCUS_EMOTION:
    default:
      return NULL;
    }
}

static void
on_rename_activate (GtkEntry  *entry,
                    JmOutlineView *self)
{
  g_autofree char *key = g_steal_pointer (&self->rename_key);
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
  guint position = key ? find_row (self, key) : GTK_INVALID_LIST_POSITION;

  gtk_popover_popdown (GTK_POPOVER (self->rename_popover));
  if (position != GTK_INVALID_LIST_POSITION)
    {
      g_autoptr(JmOutlineViewItem) item = row_item (self, position);
      rename_item (self, item, text);
    }
  focus_selected_row (self);
}

static void
on_rename_closed (GtkPopover *popover,
                  JmOutlineView  *self)
{
  g_clear_pointer (&self->rename_key, g_free);
  focus_selected_row (self);
}

static void
start_rename (JmOutlineView     *self,
              JmOutlineViewItem *item)
{
  g_autofree char *text = item_text (self, item);
  g_autofree char *name = item_name (self, item, FALSE);
  g_autofree char *label = NULL;

  if (text == NULL)
    return;
  g_free (self->rename_key);
  self->rename_key = g_strdup (item->key);
  gtk_editable_set_text (GTK_EDITABLE (self->rename_entry), text);
  /* Translators: the outline's rename field, e.g. "Rename Stage Purchase". */
  label = g_strdup_printf (_("Rename %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rename_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_popover_popup (GTK_POPOVER (self->rename_popover));
  gtk_widget_grab_focus (self->rename_entry);
  gtk_editable_select_region (GTK_EDITABLE (self->rename_entry), 0, -1);
}

static gboolean
delete_item (JmOutlineView     *self,
             JmOutlineViewItem *item)
{
  JmDocument *document = outline_document (self);

  if (item->metric_id != NULL)
    {
      const char *owner = NULL;
      JmCard *card;
      JmStage *stage;
      GPtrArray *metrics = NULL;

      jm_document_find_metric (document, item->metric_id, &owner);
      if (owner == NULL)
        return FALSE;
      card = jm_document_find_card (document, owner, NULL);
      stage = card ? NULL : jm_document_find_stage (document, owner);
      if (card != NULL)
        {
          JmCard *copy = jm_card_copy (card);

          metrics = copy->metrics;
          for (guint i = 0; i < metrics->len; i++)
            if (g_str_equal (((JmMetric *) g_ptr_array_index (metrics, i))->id, item->metric_id))
              g_ptr_array_remove_index (metrics, i);
          jm_document_update_card (document, copy, NULL);
        }
      else if (stage != NULL)
        {
          JmStage *copy = jm_stage_copy (stage);

          metrics = copy->metrics;
          for (guint i = 0; i < metrics->len; i++)
            if (g_str_equal (((JmMetric *) g_ptr_array_index (metrics, i))->id, item->metric_id))
              g_ptr_array_remove_index (metrics, i);
          jm_document_update_stage (document, copy, NULL);
        }
      return TRUE;
    }
  switch (item->focus.kind)
    {
    case JM_FOCUS_PERSONA:
      jm_document_remove_persona (document, item->focus.id);
      return TRUE;
    case JM_FOCUS_STAGE:
      return jm_document_remove_stage (document, item->focus.id);
    case JM_FOCUS_STEP:
      return jm_document_remove_step (document, item->focus.id);
    case JM_FOCUS_LANE:
      jm_document_remove_lane (document, item->focus.id);
      return TRUE;
    case JM_FOCUS_CARD:
      jm_document_remove_card (document, item->focus.id);
      return TRUE;
    case JM_FOCUS_EMOTION:
      jm_document_set_emotion (document, item->focus.id, item->focus.step_id, item->focus.curve, NAN);
      return TRUE;
    case JM_FOCUS_NONE:
    case JM_FOCUS_MAP:
    case JM_FOCUS_CELL:
    default:
      return FALSE;
    }
}

static int
index_of_persona (GPtrArray  *personas,
                  const char *id)
{
  for (guint i = 0; i < personas->len; i++)
    if (g_str_equal (((JmPersona *) g_ptr_array_index (personas, i))->id, id))
      return (int) i;
  return -1;
}

static int
index_of_stage (GPtrArray  *stages,
                const char *id)
{
  for (guint i = 0; i < stages->len; i++)
    if (g_str_equal (((JmStage *) g_ptr_array_index (stages, i))->id, id))
      return (int) i;
  return -1;
}

static int
index_of_lane (GPtrArray  *lanes,
               const char *id)
{
  for (guint i = 0; i < lanes->len; i++)
    if (g_str_equal (((JmLane *) g_ptr_array_index (lanes, i))->id, id))
      return (int) i;
  return -1;
}

static int
index_of_step (JmStage    *stage,
               const char *id)
{
  for (guint i = 0; i < stage->steps->len; i++)
    if (g_str_equal (((JmStep *) g_ptr_array_index (stage->steps, i))->id, id))
      return (int) i;
  return -1;
}

/* Adds an object after the row's one and selects it; its key, or NULL. */
static char *
insert_after (JmOutlineView     *self,
              JmOutlineViewItem *item)
{
  JmDocument *document = outline_document (self);

  switch (item->focus.kind)
    {
    case JM_FOCUS_MAP:
    case JM_FOCUS_PERSONA:
      {
        g_autofree char *id = jm_document_make_id (document, "persona");
        int index = item->focus.kind == JM_FOCUS_PERSONA
                    ? index_of_persona (jm_document_get_personas (document), item->focus.id) + 1 : -1;

        jm_document_insert_persona (document, index, jm_persona_new (id, _("New persona")));
        return g_strconcat ("persona:", id, NULL);
      }
    case JM_FOCUS_STAGE:
      {
        g_autofree char *id = jm_document_make_id (document, "stage");
        g_autofree char *step_id = jm_document_make_id (document, "step");
        JmStage *stage = jm_stage_new (id, _("New stage"));

        g_ptr_array_add (stage->steps, jm_step_new (step_id, _("New step")));
        jm_document_insert_stage (document, index_of_stage (jm_document_get_stages (document), item->focus.id) + 1,
                                  stage);
        return g_strconcat ("stage:", id, NULL);
      }
    case JM_FOCUS_STEP:
      {
        JmStage *stage = jm_document_get_step_stage (document, item->focus.id);
        g_autofree char *id = jm_document_make_id (document, "step");

        jm_document_insert_step (document, stage->id, index_of_step (stage, item->focus.id) + 1,
                                 jm_step_new (id, _("New step")));
        return g_strconcat ("step:", id, NULL);
      }
    case JM_FOCUS_LANE:
      {
        JmLane *lane = jm_document_find_lane (document, item->focus.id);
        g_autofree char *id = jm_document_make_id (document, "lane");
        JmLaneKind kind = lane->kind == JM_LANE_EMOTIONS ? JM_LANE_TEXT : lane->kind;

        jm_document_insert_lane (document, index_of_lane (jm_document_get_lanes (document), lane->id) + 1,
                                 jm_lane_new (id, kind, jm_lane_kind_get_label (kind)));
        return g_strconcat ("lane:", id, NULL);
      }
    case JM_FOCUS_CELL:
    case JM_FOCUS_CARD:
      {
        JmLane *lane = jm_document_find_lane (document, item->focus.lane_id);
        g_autofree char *id = jm_document_make_id (document, "card");
        int index = -1;

        if (item->focus.kind == JM_FOCUS_CARD)
          {
            JmCard *card = jm_document_find_card (document, item->focus.id, NULL);
            guint i;

            if (g_ptr_array_find (lane->cards, card, &i))
              index = (int) i + 1;
          }
        else
          {
            /* At the end of the cell: after its last card, or where the
             * reading order puts a card of this step. */
            int column = jm_document_get_step_column (document, item->focus.step_id);

            for (guint i = 0; i < lane->cards->len; i++)
              {
                JmCard *card = g_ptr_array_index (lane->cards, i);

                if (jm_document_get_step_column (document, card->step_id) <= column)
                  index = (int) i + 1;
              }
            if (index < 0)
              index = 0;
          }
        jm_document_insert_card (document, lane->id, index, jm_card_new (id, item->focus.step_id, ""));
        return g_strconcat ("card:", id, NULL);
      }
    case JM_FOCUS_NONE:
    case JM_FOCUS_EMOTION:
    default:
      return NULL;
    }
}

static gboolean
move_item (JmOutlineView     *self,
           JmOutlineViewItem *item,
           int            delta)
{
  JmDocument *document = outline_document (self);

  switch (item->focus.kind)
    {
    case JM_FOCUS_PERSONA:
      {
        int index = index_of_persona (jm_document_get_personas (document), item->focus.id) + delta;

        if (index < 0 || index >= (int) jm_document_get_personas (document)->len)
          return FALSE;
        jm_document_move_persona (document, item->focus.id, (guint) index);
        return TRUE;
      }
    case JM_FOCUS_STAGE:
      {
        int index = index_of_stage (jm_document_get_stages (document), item->focus.id) + delta;

        if (index < 0 || index >= (int) jm_document_get_stages (document)->len)
          return FALSE;
        jm_document_move_stage (document, item->focus.id, (guint) index);
        return TRUE;
      }
    case JM_FOCUS_STEP:
      {
        JmStage *stage = jm_document_get_step_stage (document, item->focus.id);
        int index = index_of_step (stage, item->focus.id) + delta;

        if (index < 0 || index >= (int) stage->steps->len)
          return FALSE;
        jm_document_move_step (document, item->focus.id, stage->id, (guint) index);
        return TRUE;
      }
    case JM_FOCUS_LANE:
      {
        int index = index_of_lane (jm_document_get_lanes (document), item->focus.id) + delta;

        if (index < 0 || index >= (int) jm_document_get_lanes (document)->len)
          return FALSE;
        jm_document_move_lane (document, item->focus.id, (guint) index);
        return TRUE;
      }
    case JM_FOCUS_CARD:
      {
        JmLane *lane = NULL;
        JmCard *card = jm_document_find_card (document, item->focus.id, &lane);
        guint from;

        if (card == NULL || !g_ptr_array_find (lane->cards, card, &from))
          return FALSE;
        /* Within its cell: past the neighbour of the same step. */
        for (int i = (int) from + delta; i >= 0 && i < (int) lane->cards->len; i += delta)
          {
            JmCard *other = g_ptr_array_index (lane->cards, i);

            if (g_str_equal (other->step_id, card->step_id))
              {
                jm_document_move_card (document, card->id, lane->id, card->step_id, i);
                return TRUE;
              }
          }
        return FALSE;
      }
    case JM_FOCUS_NONE:
    case JM_FOCUS_MAP:
    case JM_FOCUS_CELL:
    case JM_FOCUS_EMOTION:
    default:
      return FALSE;
    }
}

/* Digits set, plus and minus step: a score on an emotion row; a pain
 * point's severity, an opportunity's priority, a touchpoint's channel. */
static gboolean
set_value (JmOutlineView     *self,
           JmOutlineViewItem *item,
           int            digit,
           int            delta)
{
  JmDocument *document = outline_document (self);

  if (item->focus.kind == JM_FOCUS_EMOTION)
    {
      const JmEmotion *emotion = jm_document_get_emotion (document, item->focus.id, item->focus.step_id,
                                                          item->focus.curve);
      double score;

      if (digit >= 1 && digit <= 5)
        score = JM_EMOTION_MIN + (digit - 1);
      else if (digit < 0 && delta != 0)
        score = CLAMP ((emotion ? round (emotion->score) : 0) + delta, JM_EMOTION_MIN, JM_EMOTION_MAX);
      else
        return FALSE;
      jm_document_set_emotion (document, item->focus.id, item->focus.step_id, item->focus.curve, score);
      return TRUE;
    }
  if (item->focus.kind == JM_FOCUS_CARD)
    {
      JmLane *lane = NULL;
      JmCard *card = jm_document_find_card (document, item->focus.id, &lane);
      int *field, value, n;
      g_autoptr(JmCard) copy = NULL;

      if (card == NULL)
        return FALSE;
      copy = jm_card_copy (card);
      switch (lane->kind)
        {
        case JM_LANE_PAIN_POINTS:
          field = (int *) &copy->severity;
          n = JM_N_SEVERITIES;
          break;
        case JM_LANE_OPPORTUNITIES:
          field = (int *) &copy->priority;
          n = JM_N_PRIORITIES;
          break;
        case JM_LANE_TOUCHPOINTS:
          field = (int *) &copy->channel;
          n = JM_N_CHANNELS;
          break;
        case JM_LANE_TEXT:
        case JM_LANE_EMOTIONS:
        case JM_LANE_METRICS:
        case JM_LANE_BACKSTAGE:
        case JM_LANE_IMAGES:
        case JM_N_LANE_KINDS:
        default:
          return FALSE;
        }
      if (digit >= 0)
        value = digit;
      else
        value = *field + delta;
      if (value < 0 || value >= n || value == *field)
        return FALSE;
      *field = value;
      jm_document_update_card (document, g_steal_pointer (&copy), NULL);
      return TRUE;
    }
  return FALSE;
}

static int
key_digit (guint keyval)
{
  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_9)
    return (int) (keyval - GDK_KEY_0);
  if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_9)
    return (int) (keyval - GDK_KEY_KP_0);
  return -1;
}

gboolean
jm_outline_view_handle_key (JmOutlineView      *self,
                       guint           keyval,
                       GdkModifierType state)
{
  g_autoptr(JmOutlineViewItem) item = NULL;
  GdkModifierType mods = state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK);

  g_return_val_if_fail (JM_IS_OUTLINE_VIEW (self), FALSE);

  if (keyval == GDK_KEY_f && mods == GDK_CONTROL_MASK)
    {
      gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (self->search_bar), TRUE);
      gtk_widget_grab_focus (self->search_entry);
      return TRUE;
    }
  item = selected_item (self);
  if (item == NULL || outline_document (self) == NULL)
    return FALSE;
  if (keyval == GDK_KEY_F2 && mods == 0)
    {
      start_rename (self, item);
      return TRUE;
    }
  if ((keyval == GDK_KEY_Delete || keyval == GDK_KEY_KP_Delete) && mods == 0)
    return delete_item (self, item);
  if ((keyval == GDK_KEY_Insert || keyval == GDK_KEY_KP_Insert) && mods == 0)
    {
      g_autofree char *key = insert_after (self, item);

      if (key == NULL)
        return FALSE;
      if (jm_outline_view_select_key (self, key))
        {
          g_autoptr(JmOutlineViewItem) added = selected_item (self);

          if (added != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
            start_rename (self, added);
        }
      return TRUE;
    }
  if ((keyval == GDK_KEY_Up || keyval == GDK_KEY_Down) && mods == GDK_ALT_MASK)
    return move_item (self, item, keyval == GDK_KEY_Up ? -1 : 1);
  if (mods & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  if (key_digit (keyval) >= 0)
    return set_value (self, item, key_digit (keyval), 0);
  if (keyval == GDK_KEY_plus || keyval == GDK_KEY_KP_Add || keyval == GDK_KEY_equal)
    return set_value (self, item, -1, 1);
  if (keyval == GDK_KEY_minus || keyval == GDK_KEY_KP_Subtract)
    return set_value (self, item, -1, -1);
  return FALSE;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                JmOutlineView             *self)
{
  return jm_outline_view_handle_key (self, keyval, state);
}

/* ---- search ---- */

static void
collect_keys (JmOutlineView     *self,
              JmOutlineViewItem *item,
              GPtrArray     *items)
{
  g_autoptr(GListModel) children = create_children (item, self);

  g_ptr_array_add (items, g_object_ref (item));
  for (guint i = 0; children && i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(JmOutlineViewItem) child = g_list_model_get_item (children, i);
      collect_keys (self, child, items);
    }
}

gboolean
jm_outline_view_search (JmOutlineView  *self,
                   const char *text)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JmOutlineViewItem) root = NULL;
  g_autoptr(JmOutlineViewItem) current = NULL;
  g_autofree char *needle = NULL;
  guint start = 0;

  g_return_val_if_fail (JM_IS_OUTLINE_VIEW (self), FALSE);

  if (text == NULL || *text == '\0' || g_list_model_get_n_items (G_LIST_MODEL (self->roots)) == 0)
    return FALSE;
  needle = g_utf8_casefold (text, -1);
  root = g_list_model_get_item (G_LIST_MODEL (self->roots), 0);
  collect_keys (self, root, items);
  current = selected_item (self);
  for (guint i = 0; current && i < items->len; i++)
    if (g_str_equal (((JmOutlineViewItem *) g_ptr_array_index (items, i))->key, current->key))
      start = i + 1;
  for (guint n = 0; n < items->len; n++)
    {
      JmOutlineViewItem *item = g_ptr_array_index (items, (start + n) % items->len);
      g_autofree char *name = item_name (self, item, FALSE);
      g_autofree char *folded = g_utf8_casefold (name, -1);

      if (strstr (folded, needle) != NULL)
        return jm_outline_view_select_key (self, item->key);
    }
  return FALSE;
}

static void
on_search_changed (GtkSearchEntry *entry,
                   JmOutlineView      *self)
{
  /* From the row before, so that the row selected still matches. */
  g_autoptr(JmOutlineViewItem) current = selected_item (self);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (current != NULL)
    {
      g_autofree char *name = item_name (self, current, FALSE);
      g_autofree char *folded = g_utf8_casefold (name, -1);
      g_autofree char *needle = g_utf8_casefold (text, -1);

      if (*needle != '\0' && strstr (folded, needle) != NULL)
        return;
    }
  jm_outline_view_search (self, text);
}

static void
on_search_activate (GtkSearchEntry *entry,
                    JmOutlineView      *self)
{
  jm_outline_view_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_search_stop (GtkSearchEntry *entry,
                JmOutlineView      *self)
{
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (self->search_bar), FALSE);
  focus_selected_row (self);
}

/* ---- public ---- */

GListModel *
jm_outline_view_get_rows (JmOutlineView *self)
{
  g_return_val_if_fail (JM_IS_OUTLINE_VIEW (self), NULL);
  if (self->stale)
    rebuild (self);
  return G_LIST_MODEL (self->tree);
}

char *
jm_outline_view_row_get_name (JmOutlineView *self,
                         guint      position)
{
  g_autoptr(JmOutlineViewItem) item = NULL;

  g_return_val_if_fail (JM_IS_OUTLINE_VIEW (self), NULL);
  item = row_item (self, position);
  return item ? item_name (self, item, TRUE) : NULL;
}

const char *
jm_outline_view_row_get_key (JmOutlineView *self,
                        guint      position)
{
  g_autoptr(JmOutlineViewItem) item = NULL;

  g_return_val_if_fail (JM_IS_OUTLINE_VIEW (self), NULL);
  item = row_item (self, position);
  /* The store keeps the item alive. */
  return item ? item->key : NULL;
}

guint
jm_outline_view_get_selected (JmOutlineView *self)
{
  g_return_val_if_fail (JM_IS_OUTLINE_VIEW (self), GTK_INVALID_LIST_POSITION);
  return gtk_single_selection_get_selected (self->rows_selection);
}

void
jm_outline_view_expand_all (JmOutlineView *self)
{
  g_return_if_fail (JM_IS_OUTLINE_VIEW (self));
  if (self->stale)
    rebuild (self);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->tree)); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), i);
      gtk_tree_list_row_set_expanded (row, TRUE);
    }
}

GtkWidget *
jm_outline_view_get_rename_entry (JmOutlineView *self)
{
  g_return_val_if_fail (JM_IS_OUTLINE_VIEW (self), NULL);
  return gtk_widget_get_visible (self->rename_popover) ? self->rename_entry : NULL;
}

/* ---- the widget ---- */

static void
jm_outline_view_dispose (GObject *object)
{
  JmOutlineView *self = JM_OUTLINE_VIEW (object);

  jm_outline_view_set_selection (self, NULL);
  g_clear_pointer (&self->rename_popover, gtk_widget_unparent);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->rows_selection);
  g_clear_pointer (&self->rename_key, g_free);
  G_OBJECT_CLASS (jm_outline_view_parent_class)->dispose (object);
}

static void
jm_outline_view_size_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  JmOutlineView *self = JM_OUTLINE_VIEW (widget);

  gtk_widget_allocate (self->box, width, height, baseline, NULL);
  gtk_popover_present (GTK_POPOVER (self->rename_popover));
}

static void
jm_outline_view_class_init (JmOutlineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jm_outline_view_dispose;
  widget_class->size_allocate = jm_outline_view_size_allocate;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "outline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
jm_outline_view_init (JmOutlineView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->search_entry = gtk_search_entry_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Find in the Outline"), -1);
  self->search_bar = gtk_search_bar_new ();
  gtk_search_bar_set_child (GTK_SEARCH_BAR (self->search_bar), self->search_entry);
  gtk_search_bar_connect_entry (GTK_SEARCH_BAR (self->search_bar), GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_show_close_button (GTK_SEARCH_BAR (self->search_bar), FALSE);
  gtk_box_append (GTK_BOX (self->box), self->search_bar);
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect (self->search_entry, "activate", G_CALLBACK (on_search_activate), self);
  g_signal_connect (self->search_entry, "stop-search", G_CALLBACK (on_search_stop), self);

  self->roots = g_list_store_new (JM_TYPE_OUTLINE_VIEW_ITEM);
  self->tree = gtk_tree_list_model_new (G_LIST_MODEL (self->roots), FALSE, FALSE, create_children, self, NULL);
  self->rows_selection = gtk_single_selection_new (G_LIST_MODEL (self->tree));
  gtk_single_selection_set_autoselect (self->rows_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->rows_selection, TRUE);
  g_signal_connect (self->rows_selection, "notify::selected", G_CALLBACK (on_row_selected), self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  self->list_view = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->rows_selection)), factory);
  gtk_widget_add_css_class (self->list_view, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Outline of the Map"), -1);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (self->list_view, keys);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), self->list_view);
  gtk_widget_set_vexpand (self->scroller, TRUE);
  gtk_box_append (GTK_BOX (self->box), self->scroller);

  /* Renaming: a field in a popover over the outline, so that its keys do
   * not pass through the list's own. */
  self->rename_entry = gtk_entry_new ();
  self->rename_popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->rename_popover), self->rename_entry);
  gtk_popover_set_position (GTK_POPOVER (self->rename_popover), GTK_POS_BOTTOM);
  gtk_widget_set_parent (self->rename_popover, GTK_WIDGET (self));
  g_signal_connect (self->rename_entry, "activate", G_CALLBACK (on_rename_activate), self);
  g_signal_connect (self->rename_popover, "closed", G_CALLBACK (on_rename_closed), self);

  gtk_widget_set_size_request (GTK_WIDGET (self), 300, -1);
  g_signal_connect (self, "map", G_CALLBACK (on_map), self);
}

GtkWidget *
jm_outline_view_new (void)
{
  return g_object_new (JM_TYPE_OUTLINE_VIEW, NULL);
}
