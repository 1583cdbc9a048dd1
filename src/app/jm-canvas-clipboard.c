/* jm-canvas-clipboard.c — cut, copy and paste of cards, within a map and
 * between maps and windows. The clipboard carries the cards as a
 * <journey-cards> XML fragment and their texts as plain text; plain text
 * from elsewhere pastes as one card per line. */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "jm-canvas-private.h"
#include "jm-clipboard.h"
#include "jm-import.h"
#include "jm-reader.h"
#include "jm-writer.h"

#define CARDS_MIME "application/x-journey-cards+xml"

static GPtrArray *
selected_cards (JmCanvas *self)
{
  GPtrArray *cards = g_ptr_array_new ();
  GPtrArray *ids = jm_selection_get_cards (self->selection);

  for (guint i = 0; self->document != NULL && i < ids->len; i++)
    {
      JmCard *card = jm_document_find_card (self->document, g_ptr_array_index (ids, i), NULL);

      if (card != NULL)
        g_ptr_array_add (cards, card);
    }
  return cards;
}

gboolean
jm_canvas_copy (JmCanvas *self)
{
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GBytes) xml_bytes = NULL;
  g_autoptr(GBytes) text_bytes = NULL;
  GdkContentProvider *providers[2];
  g_autoptr(GdkContentProvider) provider = NULL;
  char *xml;
  gsize len;

  g_return_val_if_fail (JM_IS_CANVAS (self), FALSE);

  cards = selected_cards (self);
  if (cards->len == 0)
    return FALSE;

  xml = jm_writer_cards_to_string (cards, &len);
  xml_bytes = g_bytes_new_take (xml, len);
  for (guint i = 0; i < cards->len; i++)
    g_string_append_printf (text, "%s%s", i ? "\n" : "", ((JmCard *) g_ptr_array_index (cards, i))->text);
  text_bytes = g_bytes_new (text->str, text->len);

  providers[0] = gdk_content_provider_new_for_bytes (CARDS_MIME, xml_bytes);
  providers[1] = gdk_content_provider_new_for_bytes ("text/plain;charset=utf-8", text_bytes);
  provider = gdk_content_provider_new_union (providers, 2);
  return gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), provider);
}

void
jm_canvas_cut (JmCanvas *self)
{
  g_return_if_fail (JM_IS_CANVAS (self));

  if (jm_canvas_copy (self))
    jm_canvas_delete_selection (self);
}

/* Where pasted cards go: the focused cell, or the cell of the focused card. */
static gboolean
paste_target (JmCanvas    *self,
              const char **lane_id,
              const char **step_id)
{
  GPtrArray *lanes = jm_document_get_lanes (self->document);
  const JmFocus *focus = jm_selection_get_focus (self->selection);

  if (focus->lane_id != NULL && focus->step_id != NULL
      && jm_document_find_lane (self->document, focus->lane_id) != NULL
      && jm_document_find_step (self->document, focus->step_id) != NULL)
    {
      *lane_id = focus->lane_id;
      *step_id = focus->step_id;
      return TRUE;
    }
  if (lanes->len == 0 || jm_document_get_n_steps (self->document) == 0)
    return FALSE;
  *lane_id = ((JmLane *) g_ptr_array_index (lanes, 0))->id;
  *step_id = jm_document_get_step (self->document, 0)->id;
  return TRUE;
}

void
jm_canvas_paste_cards (JmCanvas  *self,
                       GPtrArray *cards)
{
  const char *lane_id, *step_id;
  JmHistory *history;
  int base, first = G_MAXINT, n_steps;
  g_autoptr(GPtrArray) pasted = g_ptr_array_new_with_free_func (g_free);

  g_return_if_fail (JM_IS_CANVAS (self));

  if (self->document == NULL || cards->len == 0 || !paste_target (self, &lane_id, &step_id))
    return;
  /* The focus moves as the cards go in: keep the target's ids. */
  lane_id = g_strdup (lane_id);
  step_id = g_strdup (step_id);
  g_ptr_array_add (pasted, (char *) lane_id);
  g_ptr_array_add (pasted, (char *) step_id);

  /* Cards keep their columns relative to each other when their steps are
   * known here (pasting within a map); otherwise they share one column. */
  for (guint i = 0; i < cards->len; i++)
    {
      int column = jm_document_get_step_column (self->document, ((JmCard *) g_ptr_array_index (cards, i))->step_id);
      if (column >= 0)
        first = MIN (first, column);
    }

  base = jm_document_get_step_column (self->document, step_id);
  n_steps = (int) jm_document_get_n_steps (self->document);
  history = jm_document_get_history (self->document);
  jm_history_begin_group (history, g_dngettext (GETTEXT_PACKAGE, "Paste Card", "Paste Cards", cards->len));
  for (guint i = 0; i < cards->len; i++)
    {
      JmCard *card = jm_card_copy (g_ptr_array_index (cards, i));
      int column = jm_document_get_step_column (self->document, card->step_id);
      g_autoptr(GStrvBuilder) scope = g_strv_builder_new ();

      column = base + (column >= 0 && first != G_MAXINT ? column - first : 0);
      card->span = (guint) CLAMP ((int) card->span, 1, n_steps);
      column = CLAMP (column, 0, n_steps - (int) card->span);

      g_free (card->id);
      card->id = jm_document_make_id (self->document, "card");
      g_free (card->step_id);
      card->step_id = g_strdup (jm_document_get_step (self->document, (guint) column)->id);
      for (guint m = 0; m < card->metrics->len; m++)
        {
          JmMetric *metric = g_ptr_array_index (card->metrics, m);

          g_free (metric->id);
          metric->id = jm_document_make_id (self->document, "metric");
        }
      /* Personas of another map mean nothing here. */
      for (guint p = 0; card->personas != NULL && card->personas[p] != NULL; p++)
        if (jm_document_find_persona (self->document, card->personas[p]) != NULL)
          g_strv_builder_add (scope, card->personas[p]);
      g_strfreev (card->personas);
      card->personas = g_strv_builder_end (scope);
      if (card->personas[0] == NULL)
        g_clear_pointer (&card->personas, g_strfreev);

      g_ptr_array_add (pasted, g_strdup (card->id));
      jm_document_insert_card (self->document, lane_id, -1, card);
    }
  jm_history_end_group (history);

  g_ptr_array_add (pasted, NULL);
  jm_selection_select_cards (self->selection, (const char * const *) pasted->pdata + 2, FALSE);
}

static void
paste_text (JmCanvas   *self,
            const char *text)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func ((GDestroyNotify) jm_card_free);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] != '\0')
        g_ptr_array_add (cards, jm_card_new ("pasted", "", lines[i]));
    }
  jm_canvas_paste_cards (self, cards);
}

static void
on_text_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(JmCanvas) self = user_data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);

  if (text == NULL || self->document == NULL)
    return;
  /* A Mermaid journey (or a Markdown file holding one) is a map of its
   * own: the window opens it as a new one. */
  switch (jm_import_detect (NULL, text, strlen (text)))
    {
    case JM_IMPORT_FORMAT_MERMAID:
    case JM_IMPORT_FORMAT_MARKDOWN:
      if (gtk_widget_activate_action (GTK_WIDGET (self), "win.open-text", "s", text))
        return;
      break;
    case JM_IMPORT_FORMAT_JOURNEY:
    case JM_IMPORT_FORMAT_CJML:
    case JM_IMPORT_FORMAT_GRID:
    case JM_IMPORT_FORMAT_SURVEY:
    case JM_IMPORT_FORMAT_MAP_CSV:
    default:
      break;
    }
  paste_text (self, text);
}

static void
on_cards_read (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(JmCanvas) self = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) cards = NULL;

  bytes = jm_clipboard_read_bytes_finish (GDK_CLIPBOARD (source), result, NULL);
  if (bytes == NULL)
    {
      /* No cards there: perhaps text from another application. */
      gdk_clipboard_read_text_async (GDK_CLIPBOARD (source), NULL, on_text_read, g_steal_pointer (&self));
      return;
    }
  cards = jm_reader_load_cards (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
  if (cards != NULL && self->document != NULL)
    jm_canvas_paste_cards (self, cards);
}

void
jm_canvas_paste (JmCanvas *self)
{
  g_return_if_fail (JM_IS_CANVAS (self));

  if (self->document == NULL)
    return;
  jm_clipboard_read_bytes_async (gtk_widget_get_clipboard (GTK_WIDGET (self)), CARDS_MIME,
                                 on_cards_read, g_object_ref (self));
}

static void
action_copy (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  jm_canvas_copy (JM_CANVAS (widget));
}

static void
action_cut (GtkWidget  *widget,
            const char *name,
            GVariant   *parameter)
{
  jm_canvas_cut (JM_CANVAS (widget));
}

static void
action_paste (GtkWidget  *widget,
              const char *name,
              GVariant   *parameter)
{
  jm_canvas_paste (JM_CANVAS (widget));
}

void
jm_canvas_clipboard_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "canvas.copy", NULL, action_copy);
  gtk_widget_class_install_action (widget_class, "canvas.cut", NULL, action_cut);
  gtk_widget_class_install_action (widget_class, "canvas.paste", NULL, action_paste);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "canvas.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_x, GDK_CONTROL_MASK, "canvas.cut", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "canvas.paste", NULL);
}
