/* jm-conflict-bar.c — the bar that says a map holds merge conflicts and
 * lists them: each row names the object, the field and both sides' values,
 * takes the canvas to the object, and resolves it through the document's
 * own command (jm_document_resolve_conflict), so undo brings it back. */
#include "config.h"

#include <glib/gi18n.h>

#include "jm-canvas-private.h"
#include "jm-conflict-bar.h"
#include "jm-conflict.h"
#include "jm-selection.h"

struct _JmConflictBar {
  GtkWidget        parent_instance;

  GtkRevealer     *revealer;       /* the whole bar: shown while there are conflicts */
  GtkLabel        *message;
  GtkToggleButton *review_button;
  GtkRevealer     *list_revealer;
  GtkListBox      *list;

  JmCanvas        *canvas;         /* weak: the window owns both */
  JmDocument      *document;
  gulong           changed_handler;
  guint            rebuild_idle;
  char            *message_text;
};

G_DEFINE_FINAL_TYPE (JmConflictBar, jm_conflict_bar, GTK_TYPE_WIDGET)

static void rebuild (JmConflictBar *self);

/* ---- taking the canvas to a conflict's object ---- */

static void
go_to_conflict (JmConflictBar    *self,
                const JmConflict *conflict)
{
  JmSelection *selection;
  JmHitKind hit;
  JmRect rect;

  if (self->canvas == NULL || self->document == NULL
      || !jm_conflict_has_object (conflict, self->document))
    return;
  selection = jm_canvas_get_selection_model (self->canvas);
  switch (conflict->kind)
    {
    case JM_KIND_MAP:
      jm_selection_focus_object (selection, JM_FOCUS_MAP, NULL);
      break;
    case JM_KIND_PERSONA:
      jm_selection_focus_object (selection, JM_FOCUS_PERSONA, conflict->ref);
      break;
    case JM_KIND_STAGE:
      jm_selection_focus_object (selection, JM_FOCUS_STAGE, conflict->ref);
      break;
    case JM_KIND_STEP:
      jm_selection_focus_object (selection, JM_FOCUS_STEP, conflict->ref);
      break;
    case JM_KIND_LANE:
      jm_selection_focus_object (selection, JM_FOCUS_LANE, conflict->ref);
      break;
    case JM_KIND_CARD:
      jm_selection_focus_card (selection, conflict->ref, FALSE);
      break;
    case JM_KIND_METRIC:
      {
        const char *owner = NULL;

        /* A metric is shown on its card or its stage. */
        jm_document_find_metric (self->document, conflict->ref, &owner);
        if (owner != NULL && jm_document_find_card (self->document, owner, NULL) != NULL)
          jm_selection_focus_card (selection, owner, FALSE);
        else if (owner != NULL)
          jm_selection_focus_object (selection, JM_FOCUS_STAGE, owner);
      }
      break;
    case JM_KIND_EMOTION:
      jm_selection_focus_emotion (selection, conflict->ref, conflict->step, conflict->curve);
      break;
    case JM_N_KINDS:
    default:
      return;
    }
  if (jm_canvas_get_focus_rect (self->canvas, &hit, &rect))
    jm_canvas_scroll_to (self->canvas, &rect);
}

static const JmConflict *
row_conflict (JmConflictBar *self,
              GtkWidget     *row)
{
  const char *key = g_object_get_data (G_OBJECT (row), "jm-conflict-key");

  if (self->document == NULL || key == NULL)
    return NULL;
  return jm_document_find_conflict (self->document, key);
}

static void
on_row_activated (GtkListBox    *list,
                  GtkListBoxRow *row,
                  JmConflictBar *self)
{
  const JmConflict *conflict = row_conflict (self, GTK_WIDGET (row));

  if (conflict != NULL)
    go_to_conflict (self, conflict);
}

/* ---- resolving ---- */

static void
show_error (JmConflictBar *self,
            const char    *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              _("The Conflict Is Not Resolved"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
resolve (JmConflictBar    *self,
         const char       *key,
         JmConflictChoice  choice,
         const char       *value)
{
  g_autoptr(GError) error = NULL;

  if (self->document == NULL || jm_document_find_conflict (self->document, key) == NULL)
    return;
  if (!jm_document_resolve_conflict (self->document, key, choice, value, &error))
    show_error (self, error->message);
}

static void
on_keep_ours (GtkButton     *button,
              JmConflictBar *self)
{
  g_autofree char *key = g_strdup (g_object_get_data (G_OBJECT (button), "jm-conflict-key"));

  resolve (self, key, JM_CONFLICT_CHOOSE_OURS, NULL);
}

static void
on_take_theirs (GtkButton     *button,
                JmConflictBar *self)
{
  g_autofree char *key = g_strdup (g_object_get_data (G_OBJECT (button), "jm-conflict-key"));

  resolve (self, key, JM_CONFLICT_CHOOSE_THEIRS, NULL);
}

static void
on_edit_response (AdwMessageDialog *dialog,
                  const char       *response,
                  JmConflictBar    *self)
{
  const char *key = g_object_get_data (G_OBJECT (dialog), "jm-conflict-key");
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "jm-entry");

  if (g_str_equal (response, "apply"))
    resolve (self, key, JM_CONFLICT_CHOOSE_VALUE, gtk_editable_get_text (entry));
  g_object_unref (self);
}

static void
on_edit (GtkButton     *button,
         JmConflictBar *self)
{
  const char *key = g_object_get_data (G_OBJECT (button), "jm-conflict-key");
  const JmConflict *conflict;
  g_autofree char *text = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;
  GtkWidget *entry;

  if (self->document == NULL || (conflict = jm_document_find_conflict (self->document, key)) == NULL)
    return;
  text = jm_conflict_describe (conflict, self->document);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Resolve With Another Value"), text);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), conflict->ours ? conflict->ours : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("New value"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "apply", _("_Resolve"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "jm-conflict-key", g_strdup (key), g_free);
  g_object_set_data (G_OBJECT (dialog), "jm-entry", entry);
  g_signal_connect (dialog, "response", G_CALLBACK (on_edit_response), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- the rows ---- */

static GtkWidget *
row_button (const char *key,
            const char *name,
            const char *label,
            const char *description,
            GCallback   callback,
            gpointer    data)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* Every row has the same three buttons: say which conflict each is for. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
  g_object_set_data_full (G_OBJECT (button), "jm-conflict-key", g_strdup (key), g_free);
  g_signal_connect (button, "clicked", callback, data);
  return button;
}

static GtkWidget *
make_row (JmConflictBar    *self,
          const JmConflict *conflict)
{
  g_autofree char *text = jm_conflict_describe (conflict, self->document);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), row_button (conflict->key, "keep-ours", _("Keep _Ours"), text,
                                             G_CALLBACK (on_keep_ours), self));
  gtk_box_append (GTK_BOX (box), row_button (conflict->key, "take-theirs", _("Take _Theirs"), text,
                                             G_CALLBACK (on_take_theirs), self));
  /* A deleted object is kept or deleted: there is no value to type. */
  if (conflict->field != NULL)
    gtk_box_append (GTK_BOX (box), row_button (conflict->key, "edit", _("_Edit…"), text,
                                               G_CALLBACK (on_edit), self));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_widget_set_tooltip_text (row, _("Show it on the map"));
  g_object_set_data_full (G_OBJECT (row), "jm-conflict-key", g_strdup (conflict->key), g_free);
  return row;
}

static int
focused_row_index (JmConflictBar *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = GTK_IS_WINDOW (root) ? gtk_window_get_focus (GTK_WINDOW (root)) : NULL;

  for (; focus != NULL; focus = gtk_widget_get_parent (focus))
    {
      if (GTK_IS_LIST_BOX_ROW (focus) && gtk_widget_get_parent (focus) == GTK_WIDGET (self->list))
        return gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (focus));
    }
  return -1;
}

static void
rebuild (JmConflictBar *self)
{
  GPtrArray *conflicts = self->document ? jm_document_get_conflicts (self->document) : NULL;
  guint n = conflicts ? conflicts->len : 0;
  int focused = focused_row_index (self);
  GtkWidget *child;

  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->list, make_row (self, g_ptr_array_index (conflicts, i)));

  g_free (self->message_text);
  self->message_text = n == 0 ? g_strdup ("")
                              : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u conflict from a merge",
                                                              "%u conflicts from a merge", n), n);
  gtk_label_set_label (self->message, self->message_text);
  gtk_revealer_set_reveal_child (self->revealer, n > 0);

  /* Resolving a row takes it away: the keyboard stays in the list. */
  if (focused >= 0)
    {
      if (n > 0)
        gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, MIN ((guint) focused, n - 1))));
      else if (self->canvas != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
    }
}

static gboolean
rebuild_idle (gpointer data)
{
  JmConflictBar *self = data;

  self->rebuild_idle = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
on_document_changed (JmDocument     *document,
                     const JmChange *change,
                     JmConflictBar  *self)
{
  /* Conflicts come and go; a renamed object changes what the rows say.
   * Once, after the command's changes are all in. */
  if (self->rebuild_idle == 0 && (change->type == JM_OBJECT_CONFLICT
                                  || jm_document_get_conflicts (document)->len > 0))
    self->rebuild_idle = g_idle_add (rebuild_idle, self);
}

/* ---- public ---- */

void
jm_conflict_bar_set_canvas (JmConflictBar *self,
                            JmCanvas      *canvas)
{
  g_return_if_fail (JM_IS_CONFLICT_BAR (self));
  g_return_if_fail (canvas == NULL || JM_IS_CANVAS (canvas));

  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_handler, self->document);
  g_clear_object (&self->document);
  self->canvas = canvas;
  if (canvas != NULL && jm_canvas_get_document (canvas) != NULL)
    {
      self->document = g_object_ref (jm_canvas_get_document (canvas));
      self->changed_handler = g_signal_connect (self->document, "changed",
                                                G_CALLBACK (on_document_changed), self);
    }
  rebuild (self);
}

const char *
jm_conflict_bar_get_message (JmConflictBar *self)
{
  g_return_val_if_fail (JM_IS_CONFLICT_BAR (self), NULL);
  return self->message_text;
}

void
jm_conflict_bar_set_list_visible (JmConflictBar *self,
                                  gboolean       visible)
{
  g_return_if_fail (JM_IS_CONFLICT_BAR (self));
  gtk_toggle_button_set_active (self->review_button, visible);
}

GtkListBox *
jm_conflict_bar_get_list (JmConflictBar *self)
{
  g_return_val_if_fail (JM_IS_CONFLICT_BAR (self), NULL);
  if (self->rebuild_idle != 0)
    rebuild (self);
  return self->list;
}

GtkWidget *
jm_conflict_bar_new (void)
{
  return g_object_new (JM_TYPE_CONFLICT_BAR, NULL);
}

static void
jm_conflict_bar_dispose (GObject *object)
{
  JmConflictBar *self = JM_CONFLICT_BAR (object);
  GtkWidget *child;

  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_handler, self->document);
  g_clear_object (&self->document);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (jm_conflict_bar_parent_class)->dispose (object);
}

static void
jm_conflict_bar_finalize (GObject *object)
{
  g_free (JM_CONFLICT_BAR (object)->message_text);
  G_OBJECT_CLASS (jm_conflict_bar_parent_class)->finalize (object);
}

static void
jm_conflict_bar_class_init (JmConflictBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jm_conflict_bar_dispose;
  object_class->finalize = jm_conflict_bar_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "conflictbar");
}

static void
jm_conflict_bar_init (JmConflictBar *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *banner = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  self->message_text = g_strdup ("");
  self->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->revealer), GTK_WIDGET (self));
  gtk_revealer_set_child (self->revealer, outer);

  gtk_widget_add_css_class (banner, "conflict-banner");
  gtk_widget_set_margin_start (icon, 12);
  gtk_box_append (GTK_BOX (banner), icon);
  self->message = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_xalign (self->message, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->message), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->message), "heading");
  gtk_box_append (GTK_BOX (banner), GTK_WIDGET (self->message));
  self->review_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (_("_Review Conflicts")));
  gtk_widget_set_margin_top (GTK_WIDGET (self->review_button), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->review_button), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (self->review_button), 12);
  gtk_box_append (GTK_BOX (banner), GTK_WIDGET (self->review_button));
  gtk_box_append (GTK_BOX (outer), banner);

  self->list_revealer = GTK_REVEALER (gtk_revealer_new ());
  g_object_bind_property (self->review_button, "active", self->list_revealer, "reveal-child",
                          G_BINDING_SYNC_CREATE);
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_BROWSE);
  gtk_list_box_set_activate_on_single_click (self->list, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "conflict-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Merge conflicts"), -1);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (on_row_activated), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 240);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list));
  gtk_revealer_set_child (self->list_revealer, scroller);
  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (self->list_revealer));
  gtk_box_append (GTK_BOX (outer), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
}
