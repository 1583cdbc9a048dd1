/* jm-inspector.c — the inspector. It rebuilds its rows when the target
 * changes or when the document changes under it (undo, say), and turns
 * every edit into a document command; typing in one field merges into one
 * undo step through the command's merge key. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "jm-clipboard.h"
#include "jm-file-chooser.h"
#include "jm-inspector.h"
#include "jm-reader.h"
#include "jm-writer.h"

struct _JmInspector {
  GtkWidget          parent_instance;

  GtkWidget         *scroller;
  GtkWidget         *page;
  JmDocument        *document;
  gulong             changed_handler;
  JmInspectorTarget  target;
  char              *id;
  gboolean           applying;   /* our own edit is being applied: do not rebuild */
  char              *expand_metric;  /* a metric just added: show its fields */
  guint              rebuild_source;
};

G_DEFINE_FINAL_TYPE (JmInspector, jm_inspector, GTK_TYPE_WIDGET)

static void rebuild (JmInspector *self);

/* ---- helpers to build rows ---- */

static GtkWidget *
add_group (JmInspector *self,
           const char  *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (GTK_BOX (self->page), group);
  return group;
}

static GtkWidget *
entry_row (GtkWidget  *group,
           const char *title,
           const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static GtkWidget *
combo_row (GtkWidget   *group,
           const char  *title,
           const char **labels,
           guint        n,
           guint        selected)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (model, labels[i]);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static GtkWidget *
switch_row (GtkWidget  *group,
            const char *title,
            gboolean    active,
            GtkWidget **out_switch)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_switch_set_active (GTK_SWITCH (sw), active);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  *out_switch = sw;
  return row;
}

/* A multi-line text field with a title above it. */
static GtkWidget *
text_area (JmInspector *self,
           const char  *title,
           const char  *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_size_request (view, -1, 90);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text ? text : "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), frame);
  gtk_box_append (GTK_BOX (self->page), box);
  return view;
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* ---- applying edits ---- */

static JmCard *
current_card_copy (JmInspector *self)
{
  JmCard *card = jm_document_find_card (self->document, self->id, NULL);

  return card ? jm_card_copy (card) : NULL;
}

static void
apply_card (JmInspector *self,
            JmCard      *copy,
            const char  *merge_key)
{
  self->applying = TRUE;
  jm_document_update_card (self->document, copy, merge_key);
  self->applying = FALSE;
}

static void
on_card_text_changed (GtkTextBuffer *buffer,
                      JmInspector   *self)
{
  g_autofree char *text = buffer_text (buffer);

  self->applying = TRUE;
  jm_document_set_card_text (self->document, self->id, text);
  self->applying = FALSE;
}

static void
on_card_combo (AdwComboRow *row,
               GParamSpec  *pspec,
               JmInspector *self)
{
  JmCard *copy = current_card_copy (self);
  const char *field = g_object_get_data (G_OBJECT (row), "field");
  guint selected = adw_combo_row_get_selected (row);

  if (copy == NULL)
    return;
  if (g_str_equal (field, "channel"))
    copy->channel = (JmChannel) selected;
  else if (g_str_equal (field, "severity"))
    copy->severity = (JmSeverity) selected;
  else if (g_str_equal (field, "priority"))
    copy->priority = (JmPriority) selected;
  else if (g_str_equal (field, "evidence"))
    copy->evidence = (JmEvidence) selected;
  apply_card (self, copy, NULL);
}

static void
on_card_mot (GtkSwitch   *sw,
             GParamSpec  *pspec,
             JmInspector *self)
{
  JmCard *copy = current_card_copy (self);

  if (copy == NULL)
    return;
  copy->moment_of_truth = gtk_switch_get_active (sw);
  apply_card (self, copy, NULL);
}

static void
on_card_owner (GtkEditable *editable,
               JmInspector *self)
{
  JmCard *copy = current_card_copy (self);

  if (copy == NULL)
    return;
  g_free (copy->owner);
  copy->owner = g_strdup (gtk_editable_get_text (editable));
  apply_card (self, copy, "owner");
}

static void
on_persona_scope (GtkCheckButton *check,
                  JmInspector    *self)
{
  JmCard *copy = current_card_copy (self);
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (check));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint checked = 0, total = 0;

  if (copy == NULL)
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child))
    {
      total++;
      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (child)))
        {
          g_strv_builder_add (builder, g_object_get_data (G_OBJECT (child), "persona"));
          checked++;
        }
    }
  g_strfreev (copy->personas);
  /* Every persona ticked means "all personas": no scope. */
  copy->personas = checked == total ? NULL : g_strv_builder_end (builder);
  apply_card (self, copy, NULL);
}

/* ---- metrics of a card or a stage ----
 * Edits work on a copy of the card or stage being inspected and go back to
 * the document as one update command; typing in one field of one metric
 * merges into one undo step. */

typedef struct {
  JmCard  *card;
  JmStage *stage;
} MetricOwner;

static GPtrArray *
metric_owner_copy (JmInspector *self,
                   MetricOwner *owner)
{
  owner->card = NULL;
  owner->stage = NULL;
  if (self->target == JM_INSPECTOR_STAGE)
    {
      JmStage *stage = jm_document_find_stage (self->document, self->id);

      owner->stage = stage ? jm_stage_copy (stage) : NULL;
      return owner->stage ? owner->stage->metrics : NULL;
    }
  owner->card = current_card_copy (self);
  return owner->card ? owner->card->metrics : NULL;
}

static void
metric_owner_discard (MetricOwner *owner)
{
  g_clear_pointer (&owner->card, jm_card_free);
  g_clear_pointer (&owner->stage, jm_stage_free);
}

/* Takes the copy over. */
static void
metric_owner_apply (JmInspector *self,
                    MetricOwner *owner,
                    const char  *merge_key)
{
  self->applying = TRUE;
  if (owner->stage != NULL)
    jm_document_update_stage (self->document, g_steal_pointer (&owner->stage), merge_key);
  else if (owner->card != NULL)
    jm_document_update_card (self->document, g_steal_pointer (&owner->card), merge_key);
  self->applying = FALSE;
}

static JmMetric *
metric_in (GPtrArray  *metrics,
           const char *id)
{
  for (guint i = 0; metrics != NULL && i < metrics->len; i++)
    if (g_strcmp0 (((JmMetric *) g_ptr_array_index (metrics, i))->id, id) == 0)
      return g_ptr_array_index (metrics, i);
  return NULL;
}

static char *
with_unit (double      number,
           const char *unit)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buf, sizeof buf, "%g", number);
  if (unit == NULL || *unit == '\0')
    return g_strdup (buf);
  return g_strdup_printf (*unit == '%' ? "%s%s" : "%s %s", buf, unit);
}

static char *
metric_summary (const JmMetric *m)
{
  const char *unit = m->kind == JM_METRIC_CUSTOM ? m->unit : jm_metric_kind_get_unit (m->kind);
  g_autofree char *value = with_unit (m->value, unit);
  g_autofree char *target = NULL;

  if (!m->has_target)
    return g_steal_pointer (&value);
  target = with_unit (m->target, unit);
  /* Translators: a metric's value and target, e.g. "82% · target 85%" */
  return g_strdup_printf (_("%s · target %s"), value, target);
}

/* Parses a number as people type it, with a decimal point or comma. */
static gboolean
parse_typed_number (const char *text,
                    double     *out)
{
  g_autofree char *normalised = g_strdelimit (g_strstrip (g_strdup (text)), ",", '.');
  char *end = NULL;
  double value = g_ascii_strtod (normalised, &end);

  if (*normalised == '\0' || end == normalised || *end != '\0' || !isfinite (value))
    return FALSE;
  *out = value;
  return TRUE;
}

/* Every field of a metric is checked as it is typed; only a valid value
 * reaches the document, and the metric's row says what is wrong. */
static void
on_metric_field (GtkEditable *editable,
                 JmInspector *self)
{
  const char *id = g_object_get_data (G_OBJECT (editable), "metric");
  const char *field = g_object_get_data (G_OBJECT (editable), "field");
  GtkWidget *error_label = g_object_get_data (G_OBJECT (editable), "error-label");
  GtkWidget *expander = g_object_get_data (G_OBJECT (editable), "expander");
  const char *text = gtk_editable_get_text (editable);
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *merge_key = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(GError) error = NULL;
  MetricOwner owner;
  JmMetric *metric = metric_in (metric_owner_copy (self, &owner), id);
  double number = 0;

  if (metric == NULL)
    {
      metric_owner_discard (&owner);
      return;
    }

  if (g_str_equal (field, "value"))
    {
      if (parse_typed_number (text, &number))
        metric->value = number;
      else
        g_set_error (&error, JM_MODEL_ERROR, JM_MODEL_ERROR_OUT_OF_RANGE, _("“%s” is not a number"), text);
    }
  else if (g_str_equal (field, "target"))
    {
      metric->has_target = *stripped != '\0';
      if (metric->has_target && parse_typed_number (text, &number))
        metric->target = number;
      else if (metric->has_target)
        g_set_error (&error, JM_MODEL_ERROR, JM_MODEL_ERROR_OUT_OF_RANGE, _("“%s” is not a number"), text);
    }
  else if (g_str_equal (field, "sample-size"))
    {
      guint64 n = 0;

      if (*stripped == '\0')
        metric->sample_size = 0;
      else if (g_ascii_string_to_unsigned (stripped, 10, 0, G_MAXUINT32, &n, NULL))
        metric->sample_size = (guint) n;
      else
        g_set_error (&error, JM_MODEL_ERROR, JM_MODEL_ERROR_OUT_OF_RANGE,
                     _("The sample size must be a whole number of answers, not “%s”"), text);
    }
  else if (g_str_equal (field, "date"))
    {
      jm_set_str (&metric->date, *stripped ? stripped : NULL);
    }
  else if (g_str_equal (field, "name"))
    {
      jm_set_str (&metric->name, stripped);
    }
  else if (g_str_equal (field, "unit"))
    {
      jm_set_str (&metric->unit, *stripped ? stripped : NULL);
    }

  if (error == NULL)
    jm_metric_validate (metric, &error);

  if (error != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (editable), "error");
      gtk_label_set_text (GTK_LABEL (error_label), error->message);
      gtk_widget_set_visible (error_label, TRUE);
      metric_owner_discard (&owner);
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
  gtk_widget_set_visible (error_label, FALSE);
  summary = metric_summary (metric);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), summary);
  if (g_str_equal (field, "name"))
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), stripped);
  merge_key = g_strdup_printf ("metric-%s-%s", field, id);
  metric_owner_apply (self, &owner, merge_key);
}

static void
on_metric_better (GObject     *row,
                  GParamSpec  *pspec,
                  JmInspector *self)
{
  MetricOwner owner;
  JmMetric *metric = metric_in (metric_owner_copy (self, &owner), g_object_get_data (row, "metric"));

  if (metric == NULL)
    {
      metric_owner_discard (&owner);
      return;
    }
  metric->higher_is_better = adw_combo_row_get_selected (ADW_COMBO_ROW (row)) == 0;
  metric_owner_apply (self, &owner, NULL);
}

static void
on_metric_remove (GtkButton   *button,
                  JmInspector *self)
{
  MetricOwner owner;
  GPtrArray *metrics = metric_owner_copy (self, &owner);
  JmMetric *metric = metric_in (metrics, g_object_get_data (G_OBJECT (button), "metric"));

  if (metric == NULL)
    {
      metric_owner_discard (&owner);
      return;
    }
  g_ptr_array_remove (metrics, metric);
  metric_owner_apply (self, &owner, NULL);
  rebuild (self);
}

static void
on_metric_add (GtkButton   *button,
               JmInspector *self)
{
  MetricOwner owner;
  GPtrArray *metrics = metric_owner_copy (self, &owner);
  JmMetricKind kind = (JmMetricKind) GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "kind"));
  g_autofree char *id = NULL;
  JmMetric *metric;
  GDateTime *now;

  if (metrics == NULL)
    return;
  id = jm_document_make_id (self->document, "metric");
  metric = jm_metric_new (id, kind, kind == JM_METRIC_CES ? 1 : 0);
  if (kind == JM_METRIC_CUSTOM)
    metric->name = g_strdup (_("Custom metric"));
  now = g_date_time_new_now_local ();
  metric->date = g_date_time_format (now, "%Y-%m-%d");
  g_date_time_unref (now);
  g_ptr_array_add (metrics, metric);
  g_free (self->expand_metric);
  self->expand_metric = g_strdup (id);
  metric_owner_apply (self, &owner, NULL);
  rebuild (self);
}

static GtkWidget *
metric_entry (GtkWidget      *expander,
              JmInspector    *self,
              const JmMetric *m,
              const char     *field,
              const char     *title,
              const char     *text,
              GtkWidget      *error_label)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_object_set_data_full (G_OBJECT (row), "metric", g_strdup (m->id), g_free);
  g_object_set_data (G_OBJECT (row), "field", (gpointer) field);
  g_object_set_data (G_OBJECT (row), "error-label", error_label);
  g_object_set_data (G_OBJECT (row), "expander", expander);
  g_signal_connect (row, "changed", G_CALLBACK (on_metric_field), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
  return row;
}

static void
build_metrics (JmInspector *self,
               GPtrArray   *metrics)
{
  GtkWidget *group = add_group (self, _("Metrics"));
  GtkWidget *add = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  for (guint k = 0; k < JM_N_METRIC_KINDS; k++)
    {
      GtkWidget *item = gtk_button_new_with_label (jm_metric_kind_get_label (k));

      gtk_widget_add_css_class (item, "flat");
      g_object_set_data (G_OBJECT (item), "kind", GUINT_TO_POINTER (k));
      /* Pop down first: adding rebuilds the page, popover included. */
      g_signal_connect_swapped (item, "clicked", G_CALLBACK (gtk_popover_popdown), popover);
      g_signal_connect (item, "clicked", G_CALLBACK (on_metric_add), self);
      gtk_box_append (GTK_BOX (list), item);
    }
  gtk_popover_set_child (GTK_POPOVER (popover), list);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (add), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (add), "list-add-symbolic");
  gtk_widget_set_tooltip_text (add, _("Add a Metric"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add a Metric"), -1);
  gtk_widget_add_css_class (add, "flat");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);

  if (metrics->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("CSAT, NPS, CES, retention, conversion or your own measure, "
                                             "with a target to compare against"));

  for (guint i = 0; i < metrics->len; i++)
    {
      const JmMetric *m = g_ptr_array_index (metrics, i);
      const char *name = m->kind == JM_METRIC_CUSTOM && m->name ? m->name : jm_metric_kind_get_label (m->kind);
      GtkWidget *expander = adw_expander_row_new ();
      GtkWidget *error_label = gtk_label_new (NULL);
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      char value[G_ASCII_DTOSTR_BUF_SIZE], target[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *summary = metric_summary (m);
      g_autofree char *value_title = NULL;
      g_autofree char *target_title = NULL;
      g_autofree char *sample = m->sample_size ? g_strdup_printf ("%u", m->sample_size) : NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), name);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), summary);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander),
                                     metrics->len <= 2 || g_strcmp0 (self->expand_metric, m->id) == 0);

      gtk_widget_add_css_class (error_label, "error");
      gtk_widget_add_css_class (error_label, "caption");
      gtk_label_set_wrap (GTK_LABEL (error_label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (error_label), 0);
      gtk_widget_set_margin_start (error_label, 12);
      gtk_widget_set_margin_end (error_label, 12);
      gtk_widget_set_visible (error_label, FALSE);

      if (m->kind == JM_METRIC_CUSTOM)
        {
          const char *better[] = { _("Higher is better"), _("Lower is better") };
          GtkWidget *combo;

          metric_entry (expander, self, m, "name", _("Name"), m->name, error_label);
          metric_entry (expander, self, m, "unit", _("Unit"), m->unit, error_label);
          combo = adw_combo_row_new ();
          adw_combo_row_set_model (ADW_COMBO_ROW (combo),
                                   G_LIST_MODEL (gtk_string_list_new ((const char * const[]) { better[0], better[1], NULL })));
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), _("Direction"));
          adw_combo_row_set_selected (ADW_COMBO_ROW (combo), m->higher_is_better ? 0 : 1);
          g_object_set_data_full (G_OBJECT (combo), "metric", g_strdup (m->id), g_free);
          g_signal_connect (combo, "notify::selected", G_CALLBACK (on_metric_better), self);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), combo);
        }

      /* Translators: a metric's value field, e.g. "NPS value" */
      value_title = g_strdup_printf (_("%s value"), name);
      /* Translators: a metric's target field, e.g. "NPS target" */
      target_title = g_strdup_printf (_("%s target"), name);
      metric_entry (expander, self, m, "value", value_title,
                    g_ascii_formatd (value, sizeof value, "%g", m->value), error_label);
      metric_entry (expander, self, m, "target", target_title,
                    m->has_target ? g_ascii_formatd (target, sizeof target, "%g", m->target) : NULL, error_label);
      metric_entry (expander, self, m, "sample-size", _("Sample size"), sample, error_label);
      /* Translators: keep YYYY-MM-DD: it is the format the field expects */
      metric_entry (expander, self, m, "date", _("Date (YYYY-MM-DD)"), m->date, error_label);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), error_label);

      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove the Metric"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Remove the Metric"), -1);
      g_object_set_data_full (G_OBJECT (remove), "metric", g_strdup (m->id), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_metric_remove), self);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), remove);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
    }
}

static void
build_card (JmInspector *self)
{
  JmLane *lane = NULL;
  JmCard *card = jm_document_find_card (self->document, self->id, &lane);
  GtkWidget *view, *group, *row, *sw;
  GPtrArray *personas;
  const char *labels[JM_N_CHANNELS];

  if (card == NULL)
    return;

  view = text_area (self, _("Card text"), card->text);
  g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                    G_CALLBACK (on_card_text_changed), self);

  group = add_group (self, jm_lane_kind_get_label (lane->kind));

  if (lane->kind == JM_LANE_TOUCHPOINTS)
    {
      for (guint i = 0; i < JM_N_CHANNELS; i++)
        labels[i] = jm_channel_get_label (i);
      row = combo_row (group, _("Channel"), labels, JM_N_CHANNELS, card->channel);
      g_object_set_data (G_OBJECT (row), "field", (gpointer) "channel");
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_card_combo), self);
      switch_row (group, _("Moment of truth"), card->moment_of_truth, &sw);
      g_signal_connect (sw, "notify::active", G_CALLBACK (on_card_mot), self);
    }
  if (lane->kind == JM_LANE_PAIN_POINTS)
    {
      for (guint i = 0; i < JM_N_SEVERITIES; i++)
        labels[i] = jm_severity_get_label (i);
      row = combo_row (group, _("Severity"), labels, JM_N_SEVERITIES, card->severity);
      g_object_set_data (G_OBJECT (row), "field", (gpointer) "severity");
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_card_combo), self);
    }
  if (lane->kind == JM_LANE_OPPORTUNITIES)
    {
      for (guint i = 0; i < JM_N_PRIORITIES; i++)
        labels[i] = jm_priority_get_label (i);
      row = combo_row (group, _("Priority"), labels, JM_N_PRIORITIES, card->priority);
      g_object_set_data (G_OBJECT (row), "field", (gpointer) "priority");
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_card_combo), self);
      row = entry_row (group, _("Owner"), card->owner);
      g_signal_connect (row, "changed", G_CALLBACK (on_card_owner), self);
    }

  for (guint i = 0; i < JM_N_EVIDENCE_LEVELS; i++)
    labels[i] = jm_evidence_get_label (i);
  row = combo_row (group, _("Evidence"), labels, JM_N_EVIDENCE_LEVELS, card->evidence);
  g_object_set_data (G_OBJECT (row), "field", (gpointer) "evidence");
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_card_combo), self);

  personas = jm_document_get_personas (self->document);
  if (personas->len > 1)
    {
      GtkWidget *scope = add_group (self, _("Personas"));
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (scope),
                                             _("Whose journey this card belongs to"));
      for (guint i = 0; i < personas->len; i++)
        {
          JmPersona *persona = g_ptr_array_index (personas, i);
          GtkWidget *check = gtk_check_button_new_with_label (persona->name);

          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), jm_card_applies_to (card, persona->id));
          g_object_set_data_full (G_OBJECT (check), "persona", g_strdup (persona->id), g_free);
          g_signal_connect (check, "toggled", G_CALLBACK (on_persona_scope), self);
          gtk_box_append (GTK_BOX (box), check);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (scope), box);
    }

  build_metrics (self, card->metrics);
}

/* ---- stage, step, lane, map ---- */

static void
on_stage_name (GtkEditable *editable,
               JmInspector *self)
{
  JmStage *stage = jm_document_find_stage (self->document, self->id);
  JmStage *copy;

  if (stage == NULL)
    return;
  copy = jm_stage_copy (stage);
  g_free (copy->name);
  copy->name = g_strdup (gtk_editable_get_text (editable));
  self->applying = TRUE;
  jm_document_update_stage (self->document, copy, "name");
  self->applying = FALSE;
}

static void
on_stage_notes (GtkTextBuffer *buffer,
                JmInspector   *self)
{
  JmStage *stage = jm_document_find_stage (self->document, self->id);
  JmStage *copy;

  if (stage == NULL)
    return;
  copy = jm_stage_copy (stage);
  g_free (copy->notes);
  copy->notes = buffer_text (buffer);
  self->applying = TRUE;
  jm_document_update_stage (self->document, copy, "notes");
  self->applying = FALSE;
}

static void
on_stage_color (GtkColorButton *button,
                JmInspector    *self)
{
  JmStage *stage = jm_document_find_stage (self->document, self->id);
  JmStage *copy;
  GdkRGBA rgba;

  if (stage == NULL)
    return;
  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  copy = jm_stage_copy (stage);
  g_free (copy->color);
  copy->color = g_strdup_printf ("#%02x%02x%02x", (int) round (rgba.red * 255),
                                 (int) round (rgba.green * 255), (int) round (rgba.blue * 255));
  self->applying = TRUE;
  jm_document_update_stage (self->document, copy, NULL);
  self->applying = FALSE;
}

static void
build_stage (JmInspector *self)
{
  JmStage *stage = jm_document_find_stage (self->document, self->id);
  GtkWidget *group, *row, *color, *notes;
  GdkRGBA rgba;

  if (stage == NULL)
    return;
  group = add_group (self, _("Stage"));
  row = entry_row (group, _("Name"), stage->name);
  g_signal_connect (row, "changed", G_CALLBACK (on_stage_name), self);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Colour"));
  color = gtk_color_button_new ();
  gtk_widget_set_valign (color, GTK_ALIGN_CENTER);
  if (stage->color != NULL && gdk_rgba_parse (&rgba, stage->color))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (color), &rgba);
  g_signal_connect (color, "color-set", G_CALLBACK (on_stage_color), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), color);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  notes = text_area (self, _("Presenter notes"), stage->notes);
  g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (notes)), "changed",
                    G_CALLBACK (on_stage_notes), self);

  build_metrics (self, stage->metrics);
}

static void
on_step_name (GtkEditable *editable,
              JmInspector *self)
{
  self->applying = TRUE;
  jm_document_rename_step (self->document, self->id, gtk_editable_get_text (editable));
  self->applying = FALSE;
}

static void
build_step (JmInspector *self)
{
  JmStep *step = jm_document_find_step (self->document, self->id);
  GtkWidget *group, *row;

  if (step == NULL)
    return;
  group = add_group (self, _("Step"));
  row = entry_row (group, _("Name"), step->name);
  g_signal_connect (row, "changed", G_CALLBACK (on_step_name), self);
}

static void
on_lane_changed (GObject     *row,
                 GParamSpec  *pspec,
                 JmInspector *self)
{
  JmLane *lane = jm_document_find_lane (self->document, self->id);
  JmLane *copy;

  if (lane == NULL)
    return;
  copy = jm_lane_new (lane->id, lane->kind, lane->title);
  if (ADW_IS_COMBO_ROW (row))
    copy->kind = (JmLaneKind) adw_combo_row_get_selected (ADW_COMBO_ROW (row));
  else
    {
      g_free (copy->title);
      copy->title = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
    }
  self->applying = TRUE;
  jm_document_update_lane (self->document, copy, ADW_IS_COMBO_ROW (row) ? NULL : "title");
  self->applying = FALSE;
}

static void
on_lane_title (GtkEditable *editable,
               JmInspector *self)
{
  on_lane_changed (G_OBJECT (editable), NULL, self);
}

static void
build_lane (JmInspector *self)
{
  JmLane *lane = jm_document_find_lane (self->document, self->id);
  const char *labels[JM_N_LANE_KINDS];
  GtkWidget *group, *row;

  if (lane == NULL)
    return;
  group = add_group (self, _("Lane"));
  row = entry_row (group, _("Title"), lane->title);
  g_signal_connect (row, "changed", G_CALLBACK (on_lane_title), self);
  for (guint i = 0; i < JM_N_LANE_KINDS; i++)
    labels[i] = jm_lane_kind_get_label (i);
  row = combo_row (group, _("Kind"), labels, JM_N_LANE_KINDS, lane->kind);
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_lane_changed), self);
}

static void
on_map_title (GtkEditable *editable,
              JmInspector *self)
{
  self->applying = TRUE;
  jm_document_set_title (self->document, gtk_editable_get_text (editable));
  self->applying = FALSE;
}

static void
on_map_text (GtkTextBuffer *buffer,
             JmInspector   *self)
{
  g_autofree char *text = buffer_text (buffer);

  self->applying = TRUE;
  if (g_object_get_data (G_OBJECT (buffer), "notes"))
    jm_document_set_notes (self->document, *text ? text : NULL);
  else
    jm_document_set_scenario (self->document, *text ? text : NULL);
  self->applying = FALSE;
}

static void
on_map_state (AdwComboRow *row,
              GParamSpec  *pspec,
              JmInspector *self)
{
  self->applying = TRUE;
  jm_document_set_state (self->document, (JmMapState) adw_combo_row_get_selected (row));
  self->applying = FALSE;
}

/* ---- personas between maps: copy, paste, import ---- */

#define PERSONAS_MIME "application/x-journey-personas+xml"

void
jm_inspector_copy_persona (JmInspector *self,
                           const char  *id)
{
  JmPersona *persona;
  g_autoptr(GPtrArray) personas = g_ptr_array_new ();
  g_autoptr(GBytes) xml_bytes = NULL;
  g_autoptr(GBytes) text_bytes = NULL;
  GdkContentProvider *providers[2];
  g_autoptr(GdkContentProvider) union_provider = NULL;
  GString *text;
  char *xml;
  gsize len;

  g_return_if_fail (JM_IS_INSPECTOR (self));

  persona = jm_document_find_persona (self->document, id);
  if (persona == NULL)
    return;
  g_ptr_array_add (personas, persona);
  xml = jm_writer_personas_to_string (personas, &len);
  xml_bytes = g_bytes_new_take (xml, len);

  /* For other applications: who the persona is, as plain text. */
  text = g_string_new (persona->name);
  if (persona->occupation && *persona->occupation)
    g_string_append_printf (text, "\n%s", persona->occupation);
  if (persona->quote && *persona->quote)
    g_string_append_printf (text, "\n“%s”", persona->quote);
  g_string_append_c (text, '\n');
  len = text->len;
  text_bytes = g_bytes_new_take (g_string_free (text, FALSE), len);

  providers[0] = gdk_content_provider_new_for_bytes (PERSONAS_MIME, xml_bytes);
  providers[1] = gdk_content_provider_new_for_bytes ("text/plain;charset=utf-8", text_bytes);
  union_provider = gdk_content_provider_new_union (providers, 2);
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), union_provider);
}

static void
show_error (JmInspector *self,
            const char  *heading,
            const char  *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Adds the personas as one undo step and opens the first. */
static void
add_personas (JmInspector *self,
              GPtrArray   *personas,
              const char  *label)
{
  g_auto(GStrv) ids = NULL;

  if (personas->len == 0)
    return;
  ids = jm_document_add_personas (self->document, personas, label);
  jm_inspector_set_target (self, JM_INSPECTOR_PERSONA, ids[0]);
}

gboolean
jm_inspector_paste_personas (JmInspector *self,
                             GBytes      *xml,
                             GError     **error)
{
  g_autoptr(GPtrArray) personas = NULL;
  gsize len;
  const char *data = g_bytes_get_data (xml, &len);

  g_return_val_if_fail (JM_IS_INSPECTOR (self), FALSE);

  personas = jm_reader_load_personas (data, len, error);
  if (personas == NULL)
    return FALSE;
  add_personas (self, personas, g_dngettext (GETTEXT_PACKAGE, "Paste Persona", "Paste Personas", personas->len));
  return TRUE;
}

static void
on_personas_read (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(JmInspector) self = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = jm_clipboard_read_bytes_finish (GDK_CLIPBOARD (source), result, NULL);
  if (self->document == NULL)
    return;
  if (bytes == NULL)
    show_error (self, _("Nothing to Paste"), _("The clipboard holds no persona. Copy one first, in this map or another."));
  else if (!jm_inspector_paste_personas (self, bytes, &error))
    show_error (self, _("Could Not Paste the Persona"), error->message);
}

static void
action_paste_persona (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  jm_clipboard_read_bytes_async (gtk_widget_get_clipboard (widget), PERSONAS_MIME,
                                 on_personas_read, g_object_ref (widget));
}

static void
action_copy_persona (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  jm_inspector_copy_persona (JM_INSPECTOR (widget), g_variant_get_string (parameter, NULL));
}

gboolean
jm_inspector_import_personas (JmInspector        *self,
                              const char         *path,
                              const char * const *ids,
                              GError            **error)
{
  g_autoptr(JmDocument) other = NULL;
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  GPtrArray *personas;

  g_return_val_if_fail (JM_IS_INSPECTOR (self), FALSE);

  other = jm_reader_load_path (path, NULL, error);
  if (other == NULL)
    return FALSE;
  personas = jm_document_get_personas (other);
  for (guint i = 0; i < personas->len; i++)
    {
      JmPersona *persona = g_ptr_array_index (personas, i);

      if (ids == NULL || g_strv_contains (ids, persona->id))
        g_ptr_array_add (chosen, persona);
    }
  if (chosen->len == 0)
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("“%s” has no personas to import"), name);
      return FALSE;
    }
  add_personas (self, chosen, g_dngettext (GETTEXT_PACKAGE, "Import Persona", "Import Personas", chosen->len));
  return TRUE;
}

typedef struct {
  JmInspector *self;
  char        *path;
  GPtrArray   *checks;   /* GtkCheckButton*, each with its persona's "id" */
} ImportChoice;

static void
import_choice_free (ImportChoice *choice)
{
  g_object_unref (choice->self);
  g_free (choice->path);
  g_ptr_array_unref (choice->checks);
  g_free (choice);
}

static void
on_import_choice (AdwMessageDialog *dialog,
                  const char       *response,
                  ImportChoice     *choice)
{
  if (g_str_equal (response, "import"))
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) ids = NULL;
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < choice->checks->len; i++)
        if (gtk_check_button_get_active (g_ptr_array_index (choice->checks, i)))
          g_strv_builder_add (builder, g_object_get_data (g_ptr_array_index (choice->checks, i), "id"));
      ids = g_strv_builder_end (builder);
      if (ids[0] != NULL && !jm_inspector_import_personas (choice->self, choice->path, (const char * const *) ids, &error))
        show_error (choice->self, _("Could Not Import Personas"), error->message);
    }
  import_choice_free (choice);
}

static void
on_import_file_chosen (GtkNativeDialog *chooser,
                       int              response,
                       gpointer         user_data)
{
  JmInspector *self = JM_INSPECTOR (user_data);
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)) : NULL;
  g_autofree char *path = file ? g_file_get_path (file) : NULL;
  g_autoptr(JmDocument) other = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *personas;

  if (path == NULL || self->document == NULL)
    goto out;

  other = jm_reader_load_path (path, NULL, &error);
  if (other == NULL)
    {
      show_error (self, _("Could Not Import Personas"), error->message);
      goto out;
    }
  personas = jm_document_get_personas (other);
  if (personas->len <= 1)
    {
      if (!jm_inspector_import_personas (self, path, NULL, &error))
        show_error (self, _("Could Not Import Personas"), error->message);
    }
  else
    {
      /* Several: the user picks which. */
      g_autofree char *name = g_filename_display_basename (path);
      g_autofree char *body = g_strdup_printf (_("Choose the personas to bring over from “%s”."), name);
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                  _("Import Personas"), body);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      ImportChoice *choice = g_new0 (ImportChoice, 1);

      choice->self = g_object_ref (self);
      choice->path = g_strdup (path);
      choice->checks = g_ptr_array_new ();
      for (guint i = 0; i < personas->len; i++)
        {
          JmPersona *persona = g_ptr_array_index (personas, i);
          GtkWidget *check = gtk_check_button_new_with_label (persona->name);

          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
          g_object_set_data_full (G_OBJECT (check), "id", g_strdup (persona->id), g_free);
          g_ptr_array_add (choice->checks, check);
          gtk_box_append (GTK_BOX (box), check);
        }
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                        "import", _("_Import"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect (dialog, "response", G_CALLBACK (on_import_choice), choice);
      gtk_window_present (GTK_WINDOW (dialog));
    }

out:
  g_object_unref (self);
  g_object_unref (chooser);
}

static void
action_import_personas (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  static const char * const types[] = { "application/x-journey-map+xml", NULL };

  jm_file_chooser_open (GTK_WINDOW (gtk_widget_get_root (widget)), _("Import Personas from Another Map"),
                        _("_Open"), _("Journey maps"), types, "journey",
                        G_CALLBACK (on_import_file_chosen), g_object_ref (widget));
}

static void
on_map_tolerance (GtkSpinButton *spin,
                  JmInspector   *self)
{
  self->applying = TRUE;
  jm_document_set_metric_tolerance (self->document, gtk_spin_button_get_value (spin));
  self->applying = FALSE;
}

static void
on_persona_add (GtkButton   *button,
                JmInspector *self)
{
  g_autofree char *id = jm_document_make_id (self->document, "persona");

  jm_document_insert_persona (self->document, -1, jm_persona_new (id, _("New persona")));
  jm_inspector_set_target (self, JM_INSPECTOR_PERSONA, id);
}

static void
on_persona_remove (GtkButton   *button,
                   JmInspector *self)
{
  jm_document_remove_persona (self->document, g_object_get_data (G_OBJECT (button), "persona"));
}

static void
on_persona_open (AdwActionRow *row,
                 JmInspector  *self)
{
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (row), "persona"));

  jm_inspector_set_target (self, JM_INSPECTOR_PERSONA, id);
}

/* The map's personas: open one to edit it, add one, remove one (not the last). */
static void
build_personas (JmInspector *self)
{
  GPtrArray *personas = jm_document_get_personas (self->document);
  GtkWidget *group = add_group (self, _("Personas"));
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkWidget *more = gtk_menu_button_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  g_autoptr(GMenu) menu = g_menu_new ();

  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_tooltip_text (add, _("Add a Persona"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add a Persona"), -1);
  g_signal_connect (add, "clicked", G_CALLBACK (on_persona_add), self);

  g_menu_append (menu, _("_Paste Persona"), "inspector.paste-persona");
  g_menu_append (menu, _("_Import from Another Map…"), "inspector.import-personas");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (more), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (more), "view-more-symbolic");
  gtk_widget_add_css_class (more, "flat");
  gtk_widget_set_tooltip_text (more, _("Paste or Import Personas"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (more), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Paste or Import Personas"), -1);
  gtk_box_append (GTK_BOX (buttons), add);
  gtk_box_append (GTK_BOX (buttons), more);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), buttons);

  for (guint i = 0; i < personas->len; i++)
    {
      JmPersona *persona = g_ptr_array_index (personas, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      GtkWidget *copy;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), persona->name);
      if (persona->occupation)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), persona->occupation);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "persona", g_strdup (persona->id), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (on_persona_open), self);

      copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");
      gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (copy, "flat");
      gtk_widget_set_tooltip_text (copy, _("Copy the Persona"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (copy), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Copy the Persona"), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (copy), "inspector.copy-persona");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (copy), "s", persona->id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), copy);

      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove the Persona"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove the Persona"), -1);
      gtk_widget_set_sensitive (remove, personas->len > 1);
      g_object_set_data_full (G_OBJECT (remove), "persona", g_strdup (persona->id), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_persona_remove), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

static void
build_map (JmInspector *self)
{
  const char *states[] = {
    jm_map_state_get_label (JM_MAP_STATE_CURRENT),
    jm_map_state_get_label (JM_MAP_STATE_FUTURE),
  };
  GtkWidget *group = add_group (self, _("Journey Map"));
  GtkWidget *row, *view, *spin;

  row = entry_row (group, _("Title"), jm_document_get_title (self->document));
  g_signal_connect (row, "changed", G_CALLBACK (on_map_title), self);
  row = combo_row (group, _("State"), states, 2, jm_document_get_state (self->document));
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_map_state), self);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Target tolerance (%)"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("A metric that misses its target by at most this share of it shows amber; "
                                 "further off, red"));
  spin = gtk_spin_button_new_with_range (JM_METRIC_TOLERANCE_MIN, JM_METRIC_TOLERANCE_MAX, 1);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), jm_document_get_metric_tolerance (self->document));
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Target tolerance (%)"), -1);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_map_tolerance), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  view = text_area (self, _("Scenario"), jm_document_get_scenario (self->document));
  g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed", G_CALLBACK (on_map_text), self);
  view = text_area (self, _("Notes"), jm_document_get_notes (self->document));
  g_object_set_data (G_OBJECT (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view))), "notes", GINT_TO_POINTER (1));
  g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed", G_CALLBACK (on_map_text), self);

  build_personas (self);
}

/* ---- persona ---- */

static JmPersona *
current_persona_copy (JmInspector *self)
{
  JmPersona *persona = jm_document_find_persona (self->document, self->id);

  return persona ? jm_persona_copy (persona) : NULL;
}

static void
apply_persona (JmInspector *self,
               JmPersona   *copy,
               const char  *merge_key)
{
  self->applying = TRUE;
  jm_document_update_persona (self->document, copy, merge_key);
  self->applying = FALSE;
}

static void
on_persona_field (GtkEditable *editable,
                  JmInspector *self)
{
  JmPersona *copy = current_persona_copy (self);
  const char *field = g_object_get_data (G_OBJECT (editable), "field");
  char **slot;

  if (copy == NULL)
    return;
  slot = g_str_equal (field, "name") ? &copy->name
         : g_str_equal (field, "occupation") ? &copy->occupation : &copy->quote;
  g_free (*slot);
  *slot = g_strdup (gtk_editable_get_text (editable));
  apply_persona (self, copy, field);
}

static void
on_persona_bio (GtkTextBuffer *buffer,
                JmInspector   *self)
{
  JmPersona *copy = current_persona_copy (self);

  if (copy == NULL)
    return;
  g_free (copy->bio);
  copy->bio = buffer_text (buffer);
  apply_persona (self, copy, "bio");
}

static void
on_persona_age (GtkSpinButton *spin,
                JmInspector   *self)
{
  JmPersona *copy = current_persona_copy (self);

  if (copy == NULL)
    return;
  copy->age = (guint) gtk_spin_button_get_value_as_int (spin);
  apply_persona (self, copy, "age");
}

static char ***
persona_list (JmPersona  *persona,
              const char *which)
{
  if (g_str_equal (which, "goals"))
    return &persona->goals;
  if (g_str_equal (which, "needs"))
    return &persona->needs;
  if (g_str_equal (which, "frustrations"))
    return &persona->frustrations;
  return &persona->interests;
}

/* One item of a list (goals, needs…) changed, was added or removed. */
static void
on_list_item (GtkEditable *editable,
              JmInspector *self)
{
  JmPersona *copy = current_persona_copy (self);
  const char *which = g_object_get_data (G_OBJECT (editable), "list");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "index"));
  char ***list;
  g_autofree char *key = NULL;

  if (copy == NULL)
    return;
  list = persona_list (copy, which);
  if (index < g_strv_length (*list))
    {
      g_free ((*list)[index]);
      (*list)[index] = g_strdup (gtk_editable_get_text (editable));
    }
  key = g_strdup_printf ("%s-%u", which, index);
  apply_persona (self, copy, key);
}

static void
on_list_add (GtkButton   *button,
             JmInspector *self)
{
  JmPersona *copy = current_persona_copy (self);
  const char *which = g_object_get_data (G_OBJECT (button), "list");
  char ***list;
  guint n;

  if (copy == NULL)
    return;
  list = persona_list (copy, which);
  n = g_strv_length (*list);
  *list = g_renew (char *, *list, n + 2);
  (*list)[n] = g_strdup ("");
  (*list)[n + 1] = NULL;
  apply_persona (self, copy, NULL);
  rebuild (self);
}

static void
on_list_remove (GtkButton   *button,
                JmInspector *self)
{
  JmPersona *copy = current_persona_copy (self);
  const char *which = g_object_get_data (G_OBJECT (button), "list");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  char ***list;
  guint n;

  if (copy == NULL)
    return;
  list = persona_list (copy, which);
  n = g_strv_length (*list);
  if (index < n)
    {
      g_free ((*list)[index]);
      memmove (&(*list)[index], &(*list)[index + 1], (n - index) * sizeof (char *));
    }
  apply_persona (self, copy, NULL);
  rebuild (self);
}

static void
build_list (JmInspector *self,
            const char  *title,
            const char  *which,
            char       **items)
{
  GtkWidget *group = add_group (self, title);
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");

  gtk_widget_add_css_class (add, "flat");
  /* Translators: the tooltip of the + beside a persona's list, e.g. "Add to Goals" */
  {
    g_autofree char *tip = g_strdup_printf (_("Add to %s"), title);
    gtk_widget_set_tooltip_text (add, tip);
    gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
  }
  g_object_set_data (G_OBJECT (add), "list", (gpointer) which);
  g_signal_connect (add, "clicked", G_CALLBACK (on_list_add), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      GtkWidget *row = adw_entry_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
      g_autofree char *row_title = g_strdup_printf ("%s %u", title, i + 1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), row_title);
      gtk_editable_set_text (GTK_EDITABLE (row), items[i]);
      g_object_set_data (G_OBJECT (row), "list", (gpointer) which);
      g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (i));
      g_signal_connect (row, "changed", G_CALLBACK (on_list_item), self);

      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove"));
      g_object_set_data (G_OBJECT (remove), "list", (gpointer) which);
      g_object_set_data (G_OBJECT (remove), "index", GUINT_TO_POINTER (i));
      g_signal_connect (remove, "clicked", G_CALLBACK (on_list_remove), self);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

static void
on_persona_channel (GtkCheckButton *check,
                    JmInspector    *self)
{
  JmPersona *copy = current_persona_copy (self);
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (check));

  if (copy == NULL)
    return;
  g_array_set_size (copy->channels, 0);
  for (GtkWidget *child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child))
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (child)))
      {
        JmChannel channel = (JmChannel) GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), "channel"));
        g_array_append_val (copy->channels, channel);
      }
  apply_persona (self, copy, NULL);
}

GBytes *
jm_inspector_load_photo (const char  *path,
                         GError     **error)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_file (path, error);
  g_autoptr(GdkPixbuf) square = NULL;
  g_autoptr(GdkPixbuf) scaled = NULL;
  g_autoptr(GdkPixbuf) oriented = NULL;
  gchar *buffer = NULL;
  gsize size = 0;
  int w, h, side;

  if (pixbuf == NULL)
    return NULL;
  oriented = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  w = gdk_pixbuf_get_width (oriented);
  h = gdk_pixbuf_get_height (oriented);
  side = MIN (w, h);
  /* The middle square, where faces usually are. */
  square = gdk_pixbuf_new_subpixbuf (oriented, (w - side) / 2, (h - side) / 2, side, side);
  scaled = gdk_pixbuf_scale_simple (square, MIN (side, 256), MIN (side, 256), GDK_INTERP_BILINEAR);
  if (!gdk_pixbuf_save_to_buffer (scaled, &buffer, &size, "png", error, NULL))
    return NULL;
  return g_bytes_new_take (buffer, size);
}

static void
on_photo_chosen (GtkNativeDialog *chooser,
                 int              response,
                 gpointer         user_data)
{
  JmInspector *self = JM_INSPECTOR (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) photo = path ? jm_inspector_load_photo (path, &error) : NULL;
      JmPersona *copy = photo ? current_persona_copy (self) : NULL;

      if (copy != NULL)
        {
          g_clear_pointer (&copy->photo, g_bytes_unref);
          copy->photo = g_bytes_ref (photo);
          g_free (copy->photo_type);
          copy->photo_type = g_strdup ("image/png");
          apply_persona (self, copy, NULL);
          rebuild (self);
        }
      else if (error != NULL)
        {
          GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                      _("Could Not Use the Photo"), error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
    }
  g_object_unref (self);
  g_object_unref (chooser);
}

static void
on_choose_photo (GtkButton   *button,
                 JmInspector *self)
{
  static const char * const types[] = { "image/png", "image/jpeg", NULL };

  jm_file_chooser_open (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _("Choose a Photo"),
                        _("_Choose"), _("Photos (PNG or JPEG)"), types, NULL,
                        G_CALLBACK (on_photo_chosen), g_object_ref (self));
}

static void
on_remove_photo (GtkButton   *button,
                 JmInspector *self)
{
  JmPersona *copy = current_persona_copy (self);

  if (copy == NULL)
    return;
  g_clear_pointer (&copy->photo, g_bytes_unref);
  g_clear_pointer (&copy->photo_type, g_free);
  apply_persona (self, copy, NULL);
  rebuild (self);
}

static void
build_persona (JmInspector *self)
{
  JmPersona *persona = jm_document_find_persona (self->document, self->id);
  GtkWidget *group, *row, *spin, *bio, *box, *photo_row, *button;
  static const struct { const char *field; const char *title; } fields[] = {
    { "name", N_("Name") }, { "occupation", N_("Occupation") }, { "quote", N_("Quote") },
  };

  if (persona == NULL)
    return;

  group = add_group (self, _("Persona"));
  button = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Copy the Persona"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Copy the Persona"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "inspector.copy-persona");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", persona->id);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *value = i == 0 ? persona->name : i == 1 ? persona->occupation : persona->quote;

      row = entry_row (group, _(fields[i].title), value);
      g_object_set_data (G_OBJECT (row), "field", (gpointer) fields[i].field);
      g_signal_connect (row, "changed", G_CALLBACK (on_persona_field), self);
    }

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Age"));
  spin = gtk_spin_button_new_with_range (0, 150, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), persona->age);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_persona_age), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  photo_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (photo_row), _("Photo"));
  button = gtk_button_new_with_mnemonic (persona->photo ? _("_Change…") : _("_Choose…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect (button, "clicked", G_CALLBACK (on_choose_photo), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (photo_row), button);
  if (persona->photo != NULL)
    {
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove the Photo"));
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_photo), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (photo_row), remove);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), photo_row);

  bio = text_area (self, _("Bio"), persona->bio);
  g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (bio)), "changed", G_CALLBACK (on_persona_bio), self);

  build_list (self, _("Goals"), "goals", persona->goals);
  build_list (self, _("Needs"), "needs", persona->needs);
  build_list (self, _("Frustrations"), "frustrations", persona->frustrations);
  build_list (self, _("Interests"), "interests", persona->interests);

  group = add_group (self, _("Preferred channels"));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  for (guint c = 1; c < JM_N_CHANNELS; c++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (jm_channel_get_label (c));
      gboolean active = FALSE;

      for (guint i = 0; persona->channels && i < persona->channels->len; i++)
        active |= g_array_index (persona->channels, JmChannel, i) == (JmChannel) c;
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
      g_object_set_data (G_OBJECT (check), "channel", GUINT_TO_POINTER (c));
      g_signal_connect (check, "toggled", G_CALLBACK (on_persona_channel), self);
      gtk_box_append (GTK_BOX (box), check);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
}

static void
build_cards (JmInspector *self)
{
  GtkWidget *status = adw_status_page_new ();
  guint n = self->id ? (guint) atoi (self->id) : 0;
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Card Selected",
                                                         "%u Cards Selected", n), n);

  adw_status_page_set_title (ADW_STATUS_PAGE (status), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("Move them with Alt and the arrow keys, duplicate them with "
                                     "Ctrl+D or delete them with Delete."));
  gtk_widget_add_css_class (status, "compact");
  gtk_box_append (GTK_BOX (self->page), status);
}

static void
rebuild (JmInspector *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *child;

  /* When the focused row goes (a persona removed, say), GTK would move the
   * focus on to the next row, the map's title, with its text selected for
   * the next key to replace. Let go of it instead. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, self->page))
    gtk_root_set_focus (root, NULL);

  while ((child = gtk_widget_get_first_child (self->page)) != NULL)
    gtk_box_remove (GTK_BOX (self->page), child);

  if (self->document == NULL)
    return;

  switch (self->target)
    {
    case JM_INSPECTOR_CARD:
      build_card (self);
      break;
    case JM_INSPECTOR_CARDS:
      build_cards (self);
      break;
    case JM_INSPECTOR_STAGE:
      build_stage (self);
      break;
    case JM_INSPECTOR_STEP:
      build_step (self);
      break;
    case JM_INSPECTOR_LANE:
      build_lane (self);
      break;
    case JM_INSPECTOR_PERSONA:
      build_persona (self);
      break;
    case JM_INSPECTOR_MAP:
    default:
      build_map (self);
    }
}

static gboolean
rebuild_idle (gpointer data)
{
  JmInspector *self = data;

  self->rebuild_source = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
on_document_changed (JmDocument  *document,
                     JmChange    *change,
                     JmInspector *self)
{
  /* Our own edits need no rebuild (it would move the cursor under the
   * person typing); anything else — undo, the canvas — does. */
  if (self->applying || self->rebuild_source != 0)
    return;
  self->rebuild_source = g_idle_add (rebuild_idle, self);
}

void
jm_inspector_set_document (JmInspector *self,
                           JmDocument  *document)
{
  g_return_if_fail (JM_IS_INSPECTOR (self));

  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_handler, self->document);
  g_set_object (&self->document, document);
  if (document != NULL)
    self->changed_handler = g_signal_connect (document, "changed", G_CALLBACK (on_document_changed), self);
  self->target = JM_INSPECTOR_MAP;
  g_clear_pointer (&self->id, g_free);
  rebuild (self);
}

void
jm_inspector_set_target (JmInspector       *self,
                         JmInspectorTarget  target,
                         const char        *id)
{
  g_return_if_fail (JM_IS_INSPECTOR (self));

  if (self->target == target && g_strcmp0 (self->id, id) == 0)
    return;
  self->target = target;
  g_free (self->id);
  self->id = g_strdup (id);
  g_clear_pointer (&self->expand_metric, g_free);
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  rebuild (self);
}

JmInspectorTarget
jm_inspector_get_target (JmInspector *self)
{
  g_return_val_if_fail (JM_IS_INSPECTOR (self), JM_INSPECTOR_MAP);
  return self->target;
}

static void
jm_inspector_dispose (GObject *object)
{
  JmInspector *self = JM_INSPECTOR (object);

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  g_clear_pointer (&self->expand_metric, g_free);
  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_handler, self->document);
  g_clear_object (&self->document);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  G_OBJECT_CLASS (jm_inspector_parent_class)->dispose (object);
}

static void
jm_inspector_class_init (JmInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jm_inspector_dispose;
  gtk_widget_class_install_action (widget_class, "inspector.copy-persona", "s", action_copy_persona);
  gtk_widget_class_install_action (widget_class, "inspector.paste-persona", NULL, action_paste_persona);
  gtk_widget_class_install_action (widget_class, "inspector.import-personas", NULL, action_import_personas);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "jm-inspector");
}

static void
jm_inspector_init (JmInspector *self)
{
  GtkWidget *clamp = adw_clamp_new ();

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  self->page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (self->page, 18);
  gtk_widget_set_margin_bottom (self->page, 18);
  gtk_widget_set_margin_start (self->page, 12);
  gtk_widget_set_margin_end (self->page, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->page);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), clamp);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
  gtk_widget_set_size_request (GTK_WIDGET (self), 320, -1);
  gtk_widget_add_css_class (GTK_WIDGET (self), "view");
}

GtkWidget *
jm_inspector_new (void)
{
  return g_object_new (JM_TYPE_INSPECTOR, NULL);
}
