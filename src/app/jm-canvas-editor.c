/* jm-canvas-editor.c — editing text in place on the canvas: a card's text,
 * or the name of a stage, step or lane, in a text view laid over the object
 * at the current zoom (and over the frozen panes, for headers). Enter (or
 * Ctrl+Enter for a card) keeps the text, Escape throws it away. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "jm-canvas-private.h"
#include "jm-a11y.h"

GtkWidget *
jm_canvas_get_editor (JmCanvas *self)
{
  g_return_val_if_fail (JM_IS_CANVAS (self), NULL);
  return self->editing_id ? self->editor : NULL;
}

static void
stop_editing (JmCanvas *self)
{
  g_clear_pointer (&self->editing_id, g_free);
  self->editing_new = FALSE;
  gtk_widget_set_visible (self->editor, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  /* Back on the object, which assistive technologies hear again. */
  jm_canvas_proxy_update (self, TRUE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
jm_canvas_commit_edit (JmCanvas *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autofree char *id = NULL;
  JmHitKind kind;

  g_return_if_fail (JM_IS_CANVAS (self));

  if (self->editing_id == NULL)
    return;

  id = g_strdup (self->editing_id);
  kind = self->editing_kind;
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_strstrip (text);
  stop_editing (self);

  if (self->document == NULL)
    return;

  if (kind == JM_HIT_STAGE && jm_document_find_stage (self->document, id) != NULL)
    {
      JmStage *copy = jm_stage_copy (jm_document_find_stage (self->document, id));

      g_free (copy->name);
      copy->name = g_steal_pointer (&text);
      jm_document_update_stage (self->document, copy, NULL);
    }
  else if (kind == JM_HIT_STEP && jm_document_find_step (self->document, id) != NULL)
    {
      jm_document_rename_step (self->document, id, text);
    }
  else if (kind == JM_HIT_LANE && jm_document_find_lane (self->document, id) != NULL)
    {
      JmLane *lane = jm_document_find_lane (self->document, id);
      JmLane *copy = jm_lane_new (lane->id, lane->kind, text);

      jm_document_update_lane (self->document, copy, NULL);
    }
  else if (kind == JM_HIT_CARD && jm_document_find_card (self->document, id, NULL) != NULL)
    {
      jm_document_set_card_text (self->document, id, text);
    }
  jm_history_seal (jm_document_get_history (self->document));
}

void
jm_canvas_cancel_edit (JmCanvas *self)
{
  gboolean was_new;
  g_autofree char *id = NULL;

  g_return_if_fail (JM_IS_CANVAS (self));

  if (self->editing_id == NULL)
    return;

  was_new = self->editing_new;
  id = g_strdup (self->editing_id);
  stop_editing (self);

  /* A card just added and left empty goes away again, leaving no trace. */
  if (was_new && self->document != NULL)
    {
      JmCard *card = jm_document_find_card (self->document, id, NULL);
      JmHistory *history = jm_document_get_history (self->document);

      if (card != NULL && (card->text == NULL || *card->text == '\0')
          && g_strcmp0 (jm_history_get_undo_label (history), _("Add Card")) == 0)
        jm_history_undo (history);
    }
}

static void
update_editor_font (JmCanvas *self)
{
  g_autofree char *css = NULL;

  /* The same size as the object's text at this zoom, so nothing jumps. */
  css = g_strdup_printf ("textview.jm-card-editor, textview.jm-card-editor text {"
                         " font-family: Cantarell, sans-serif; font-size: %.2fpx; }",
                         MAX ((self->editing_kind == JM_HIT_STAGE ? 18.0 : 14.0) * self->zoom * self->text_scale, 9.0));
  gtk_css_provider_load_from_data (self->editor_css, css, -1);
}

static void
start_editing (JmCanvas   *self,
               JmHitKind   kind,
               const char *id,
               const char *text,
               const char *label)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor));
  GtkTextIter start, end;

  if (self->editing_id != NULL)
    jm_canvas_commit_edit (self);

  self->editing_id = g_strdup (id);
  self->editing_kind = kind;
  self->editing_new = FALSE;
  gtk_text_buffer_set_text (buffer, text ? text : "", -1);
  jm_a11y_set_name (self->editor, label);
  update_editor_font (self);
  gtk_widget_set_visible (self->editor, TRUE);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_grab_focus (self->editor);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_select_range (buffer, &end, &start);
}

void
jm_canvas_edit_card (JmCanvas   *self,
                     const char *card_id)
{
  JmCard *card;

  g_return_if_fail (JM_IS_CANVAS (self));

  if (self->document == NULL || (card = jm_document_find_card (self->document, card_id, NULL)) == NULL)
    return;
  start_editing (self, JM_HIT_CARD, card_id, card->text, _("Card text"));
}

void
jm_canvas_edit_header (JmCanvas   *self,
                       JmHitKind   kind,
                       const char *id)
{
  const char *name = NULL;
  const char *label = NULL;

  g_return_if_fail (JM_IS_CANVAS (self));

  if (self->document == NULL)
    return;
  if (kind == JM_HIT_STAGE && jm_document_find_stage (self->document, id))
    {
      name = jm_document_find_stage (self->document, id)->name;
      label = _("Stage name");
    }
  else if (kind == JM_HIT_STEP && jm_document_find_step (self->document, id))
    {
      name = jm_document_find_step (self->document, id)->name;
      label = _("Step name");
    }
  else if (kind == JM_HIT_LANE && jm_document_find_lane (self->document, id))
    {
      name = jm_document_find_lane (self->document, id)->title;
      label = _("Lane title");
    }
  if (name == NULL)
    return;
  start_editing (self, kind, id, name, label);
}

static gboolean
on_editor_key (GtkEventControllerKey *controller,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               JmCanvas              *self)
{
  if (keyval == GDK_KEY_Escape)
    {
      jm_canvas_cancel_edit (self);
      return TRUE;
    }
  /* Names are one line: Enter finishes them; card texts take Ctrl+Enter. */
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter)
      && ((state & GDK_CONTROL_MASK) || self->editing_kind != JM_HIT_CARD))
    {
      jm_canvas_commit_edit (self);
      return TRUE;
    }
  return FALSE;
}

static void
on_editor_leave (GtkEventControllerFocus *controller,
                 JmCanvas                *self)
{
  /* Clicking elsewhere keeps what was typed. */
  if (self->editing_id != NULL)
    jm_canvas_commit_edit (self);
}

void
jm_canvas_editor_allocate (JmCanvas *self)
{
  JmRect rect;
  graphene_rect_t bounds;
  GtkAllocation alloc;
  int min, nat;

  if (self->editing_id == NULL || self->layout == NULL)
    return;
  if (self->editing_kind == JM_HIT_CARD ? !jm_layout_get_card_rect (self->layout, self->editing_id, &rect)
                                        : !jm_layout_get_header_rect (self->layout, self->editing_kind,
                                                                      self->editing_id, &rect))
    return;

  jm_canvas_widget_rect (self, self->editing_kind, &rect, &bounds);
  alloc.x = (int) floor (bounds.origin.x);
  alloc.y = (int) floor (bounds.origin.y);
  alloc.width = (int) ceil (MAX (bounds.size.width, 120));
  gtk_widget_measure (self->editor, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  alloc.width = MAX (alloc.width, min);
  gtk_widget_measure (self->editor, GTK_ORIENTATION_VERTICAL, alloc.width, &min, &nat, NULL, NULL);
  alloc.height = MAX ((int) ceil (bounds.size.height), nat);
  gtk_widget_size_allocate (self->editor, &alloc, -1);
}

void
jm_canvas_editor_snapshot (JmCanvas    *self,
                           GtkSnapshot *snapshot)
{
  if (self->editing_id != NULL && gtk_widget_get_visible (self->editor))
    gtk_widget_snapshot_child (GTK_WIDGET (self), self->editor, snapshot);
}

void
jm_canvas_editor_init (JmCanvas *self)
{
  GtkEventController *editor_key, *editor_focus;

  self->editor = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->editor), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->editor), FALSE);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->editor), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->editor), 8);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->editor), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->editor), 8);
  gtk_widget_add_css_class (self->editor, "jm-card-editor");
  jm_a11y_set_name (self->editor, _("Card text"));
  self->editor_css = gtk_css_provider_new ();
  gtk_style_context_add_provider (gtk_widget_get_style_context (self->editor),
                                  GTK_STYLE_PROVIDER (self->editor_css),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  editor_key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (editor_key, GTK_PHASE_CAPTURE);
  g_signal_connect (editor_key, "key-pressed", G_CALLBACK (on_editor_key), self);
  gtk_widget_add_controller (self->editor, editor_key);
  editor_focus = gtk_event_controller_focus_new ();
  g_signal_connect (editor_focus, "leave", G_CALLBACK (on_editor_leave), self);
  gtk_widget_add_controller (self->editor, editor_focus);
  gtk_widget_set_visible (self->editor, FALSE);
  gtk_widget_set_parent (self->editor, GTK_WIDGET (self));
}

void
jm_canvas_editor_dispose (JmCanvas *self)
{
  g_clear_pointer (&self->editor, gtk_widget_unparent);
  g_clear_object (&self->editor_css);
  g_clear_pointer (&self->editing_id, g_free);
}
