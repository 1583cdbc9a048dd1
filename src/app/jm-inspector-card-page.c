/* jm-inspector-card-page.c — see jm-inspector-card-page.h. Each edit
 * replaces the card with an edited copy, one command a change; typing in
 * the text or the owner merges into one undo step. */
#include "config.h"

#include <glib/gi18n.h>

#include "jm-inspector-card-page.h"
#include "jm-inspector-choice-row.h"
#include "jm-inspector-metrics.h"
#include "jm-inspector-text-area.h"

struct _JmInspectorCardPage {
  JmInspectorPage       parent_instance;

  JmInspectorTextArea  *text_area;
  AdwPreferencesGroup  *details_group;
  JmInspectorChoiceRow *channel_row;
  GtkWidget            *moment_row;
  GtkSwitch            *moment_switch;
  JmInspectorChoiceRow *severity_row;
  JmInspectorChoiceRow *priority_row;
  GtkEditable          *owner_row;
  JmInspectorChoiceRow *evidence_row;
  GtkSpinButton        *span_spin;
  GtkLabel             *span_unit;
  GtkWidget            *scope_group;
  GtkBox               *scope_box;
  JmInspectorMetrics   *metrics;

  GPtrArray            *scope_checks;   /* GtkCheckButton*, one a persona */
  GPtrArray            *scope_ids;      /* char*: their personas' ids */
};

G_DEFINE_FINAL_TYPE (JmInspectorCardPage, jm_inspector_card_page, JM_TYPE_INSPECTOR_PAGE)

#define PAGE(self) JM_INSPECTOR_PAGE (self)

static JmCard *
current_card (JmInspectorCardPage *self,
              JmLane             **lane)
{
  JmDocument *doc = jm_inspector_page_get_document (PAGE (self));

  return doc ? jm_document_find_card (doc, jm_inspector_page_get_focus (PAGE (self))->id, lane) : NULL;
}

/* Starts an edit: a copy of the card to change, or NULL. */
static JmCard *
begin_edit (JmInspectorCardPage *self)
{
  JmCard *card;

  if (!jm_inspector_page_begin_edit (PAGE (self)))
    return NULL;
  if ((card = current_card (self, NULL)) == NULL)
    {
      jm_inspector_page_end_edit (PAGE (self));
      return NULL;
    }
  return jm_card_copy (card);
}

static void
end_edit (JmInspectorCardPage *self,
          JmCard              *copy,
          const char          *merge_key)
{
  jm_document_update_card (jm_inspector_page_get_document (PAGE (self)), copy, merge_key);
  jm_inspector_page_end_edit (PAGE (self));
}

static void
show_span_unit (JmInspectorCardPage *self)
{
  guint span = (guint) gtk_spin_button_get_value_as_int (self->span_spin);

  /* Translators: after the number in "Spans [2] steps" */
  gtk_label_set_text (self->span_unit, g_dngettext (GETTEXT_PACKAGE, "step", "steps", span));
}

static void on_scope_toggled (JmInspectorCardPage *self);

/* A check a persona, made again only when the personas change. */
static void
show_scope (JmInspectorCardPage *self,
            JmCard              *card,
            GPtrArray           *personas)
{
  gboolean same = personas->len == self->scope_ids->len;

  for (guint i = 0; same && i < personas->len; i++)
    same = g_strcmp0 (((JmPersona *) g_ptr_array_index (personas, i))->id, g_ptr_array_index (self->scope_ids, i)) == 0;
  if (!same)
    {
      jm_inspector_page_release_focus (PAGE (self), GTK_WIDGET (self->scope_box));
      for (guint i = 0; i < self->scope_checks->len; i++)
        gtk_box_remove (self->scope_box, g_ptr_array_index (self->scope_checks, i));
      g_ptr_array_set_size (self->scope_checks, 0);
      g_ptr_array_set_size (self->scope_ids, 0);
      for (guint i = 0; i < personas->len; i++)
        {
          JmPersona *persona = g_ptr_array_index (personas, i);
          GtkWidget *check = gtk_check_button_new ();

          g_signal_connect_swapped (check, "toggled", G_CALLBACK (on_scope_toggled), self);
          gtk_box_append (self->scope_box, check);
          g_ptr_array_add (self->scope_checks, check);
          g_ptr_array_add (self->scope_ids, g_strdup (persona->id));
        }
    }
  for (guint i = 0; i < personas->len; i++)
    {
      JmPersona *persona = g_ptr_array_index (personas, i);
      GtkCheckButton *check = g_ptr_array_index (self->scope_checks, i);

      gtk_check_button_set_label (check, persona->name);
      gtk_check_button_set_active (check, jm_card_applies_to (card, persona->id));
    }
  /* With one persona, every card is theirs. */
  gtk_widget_set_visible (self->scope_group, personas->len > 1);
}

static gboolean
jm_inspector_card_page_refresh (JmInspectorPage *page)
{
  JmInspectorCardPage *self = JM_INSPECTOR_CARD_PAGE (page);
  JmDocument *doc = jm_inspector_page_get_document (page);
  JmLane *lane = NULL;
  JmCard *card = current_card (self, &lane);
  int column, left;

  if (card == NULL)
    return FALSE;

  jm_inspector_text_area_set_text (self->text_area, card->text);
  adw_preferences_group_set_title (self->details_group, jm_lane_kind_get_label (lane->kind));

  gtk_widget_set_visible (GTK_WIDGET (self->channel_row), lane->kind == JM_LANE_TOUCHPOINTS);
  gtk_widget_set_visible (self->moment_row, lane->kind == JM_LANE_TOUCHPOINTS);
  gtk_widget_set_visible (GTK_WIDGET (self->severity_row), lane->kind == JM_LANE_PAIN_POINTS);
  gtk_widget_set_visible (GTK_WIDGET (self->priority_row), lane->kind == JM_LANE_OPPORTUNITIES);
  gtk_widget_set_visible (GTK_WIDGET (self->owner_row), lane->kind == JM_LANE_OPPORTUNITIES);
  jm_inspector_choice_row_set_selected (self->channel_row, card->channel);
  gtk_switch_set_active (self->moment_switch, card->moment_of_truth);
  jm_inspector_choice_row_set_selected (self->severity_row, card->severity);
  jm_inspector_choice_row_set_selected (self->priority_row, card->priority);
  if (g_strcmp0 (gtk_editable_get_text (self->owner_row), card->owner ? card->owner : "") != 0)
    gtk_editable_set_text (self->owner_row, card->owner ? card->owner : "");
  jm_inspector_choice_row_set_selected (self->evidence_row, card->evidence);

  /* From one step to the steps left before the map's end. */
  column = jm_document_get_step_column (doc, card->step_id);
  left = MAX (1, (int) jm_document_get_n_steps (doc) - MAX (column, 0));
  gtk_spin_button_set_range (self->span_spin, 1, left);
  gtk_spin_button_set_value (self->span_spin, MIN ((int) card->span, left));
  show_span_unit (self);

  show_scope (self, card, jm_document_get_personas (doc));
  jm_inspector_metrics_show (self->metrics, JM_OBJECT_CARD, card->id);
  return TRUE;
}

static void
on_text_changed (JmInspectorCardPage *self)
{
  g_autofree char *text = NULL;

  if (!jm_inspector_page_begin_edit (PAGE (self)))
    return;
  text = jm_inspector_text_area_get_text (self->text_area);
  if (current_card (self, NULL) != NULL)
    jm_document_set_card_text (jm_inspector_page_get_document (PAGE (self)),
                               jm_inspector_page_get_focus (PAGE (self))->id, text);
  jm_inspector_page_end_edit (PAGE (self));
}

static void
on_choice_changed (JmInspectorCardPage  *self,
                   GParamSpec           *pspec,
                   JmInspectorChoiceRow *row)
{
  JmCard *copy = begin_edit (self);
  guint selected = jm_inspector_choice_row_get_selected (row);

  if (copy == NULL)
    return;
  if (row == self->channel_row)
    copy->channel = (JmChannel) selected;
  else if (row == self->severity_row)
    copy->severity = (JmSeverity) selected;
  else if (row == self->priority_row)
    copy->priority = (JmPriority) selected;
  else
    copy->evidence = (JmEvidence) selected;
  end_edit (self, copy, NULL);
}

static void
on_moment_changed (JmInspectorCardPage *self)
{
  JmCard *copy = begin_edit (self);

  if (copy == NULL)
    return;
  copy->moment_of_truth = gtk_switch_get_active (self->moment_switch);
  end_edit (self, copy, NULL);
}

static void
on_owner_changed (JmInspectorCardPage *self)
{
  JmCard *copy = begin_edit (self);

  if (copy == NULL)
    return;
  jm_set_str (&copy->owner, gtk_editable_get_text (self->owner_row));
  end_edit (self, copy, "owner");
}

static void
on_span_changed (JmInspectorCardPage *self)
{
  JmCard *copy = begin_edit (self);

  show_span_unit (self);
  if (copy == NULL)
    return;
  copy->span = (guint) gtk_spin_button_get_value_as_int (self->span_spin);
  end_edit (self, copy, NULL);
}

static void
on_scope_toggled (JmInspectorCardPage *self)
{
  JmCard *copy = begin_edit (self);
  g_autoptr(GStrvBuilder) builder = NULL;
  guint checked = 0;

  if (copy == NULL)
    return;
  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->scope_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->scope_checks, i)))
      {
        g_strv_builder_add (builder, g_ptr_array_index (self->scope_ids, i));
        checked++;
      }
  g_strfreev (copy->personas);
  /* Every persona ticked means "all personas": no scope. */
  copy->personas = checked == self->scope_checks->len ? NULL : g_strv_builder_end (builder);
  end_edit (self, copy, NULL);
}

static void
jm_inspector_card_page_dispose (GObject *object)
{
  JmInspectorCardPage *self = JM_INSPECTOR_CARD_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JM_TYPE_INSPECTOR_CARD_PAGE);
  g_clear_pointer (&self->scope_checks, g_ptr_array_unref);
  g_clear_pointer (&self->scope_ids, g_ptr_array_unref);
  G_OBJECT_CLASS (jm_inspector_card_page_parent_class)->dispose (object);
}

static void
jm_inspector_card_page_class_init (JmInspectorCardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JmInspectorPageClass *page_class = JM_INSPECTOR_PAGE_CLASS (klass);

  object_class->dispose = jm_inspector_card_page_dispose;
  page_class->refresh = jm_inspector_card_page_refresh;

  g_type_ensure (JM_TYPE_INSPECTOR_CHOICE_ROW);
  g_type_ensure (JM_TYPE_INSPECTOR_METRICS);
  g_type_ensure (JM_TYPE_INSPECTOR_TEXT_AREA);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/jm-inspector-card-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JmInspectorCardPage, text_area);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorCardPage, details_group);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorCardPage, channel_row);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorCardPage, moment_row);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorCardPage, moment_switch);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorCardPage, severity_row);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorCardPage, priority_row);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorCardPage, owner_row);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorCardPage, evidence_row);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorCardPage, span_spin);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorCardPage, span_unit);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorCardPage, scope_group);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorCardPage, scope_box);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorCardPage, metrics);
  gtk_widget_class_bind_template_callback (widget_class, on_text_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_moment_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_owner_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_span_changed);
}

static void
jm_inspector_card_page_init (JmInspectorCardPage *self)
{
  self->scope_checks = g_ptr_array_new ();
  self->scope_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));

  {
    const char *channels[JM_N_CHANNELS + 1] = { NULL };
    const char *severities[JM_N_SEVERITIES + 1] = { NULL };
    const char *priorities[JM_N_PRIORITIES + 1] = { NULL };
    const char *evidence[JM_N_EVIDENCE_LEVELS + 1] = { NULL };

    for (guint i = 0; i < JM_N_CHANNELS; i++)
      channels[i] = jm_channel_get_label ((JmChannel) i);
    for (guint i = 0; i < JM_N_SEVERITIES; i++)
      severities[i] = jm_severity_get_label ((JmSeverity) i);
    for (guint i = 0; i < JM_N_PRIORITIES; i++)
      priorities[i] = jm_priority_get_label ((JmPriority) i);
    for (guint i = 0; i < JM_N_EVIDENCE_LEVELS; i++)
      evidence[i] = jm_evidence_get_label ((JmEvidence) i);
    jm_inspector_choice_row_set_choices (self->channel_row, channels);
    jm_inspector_choice_row_set_choices (self->severity_row, severities);
    jm_inspector_choice_row_set_choices (self->priority_row, priorities);
    jm_inspector_choice_row_set_choices (self->evidence_row, evidence);
  }
}
