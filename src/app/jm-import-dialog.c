/* jm-import-dialog.c — see jm-import-dialog.h. One row a question, with
 * two drop-downs: where its answers go and as what metric. Every choice
 * goes straight into the JmSurveyImport (jm_survey_import_set_field) and
 * the preview is written again from its results: the dialog keeps no
 * state of its own that the import does not. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "jm-import-dialog.h"
#include "jm-a11y.h"

/* A place answers can go. */
typedef struct {
  JmSurveyTarget  target;
  char           *id;      /* card or stage; NULL otherwise */
  char           *label;
} Target;

typedef struct {
  JmSurveyQuestion *question;
  AdwActionRow     *row;
  GtkDropDown      *target;
  GtkDropDown      *metric;
} Row;

struct _JmImportDialog {
  AdwWindow         parent_instance;

  GtkButton        *apply_button;
  GtkLabel         *layout_label;
  GtkLabel         *notes_label;
  GtkExpander      *problems_expander;
  GtkLabel         *problems_label;
  AdwPreferencesGroup *dates_group;
  AdwEntryRow      *since_row;
  AdwEntryRow      *until_row;
  AdwPreferencesGroup *questions_group;
  GtkLabel         *preview_label;

  JmDocument       *document;
  JmSurveyImport   *import;
  GPtrArray        *targets;   /* Target* */
  GPtrArray        *rows;      /* Row* */
  char             *since;     /* the date range, YYYY-MM-DD or NULL */
  char             *until;
  gboolean          updating;  /* rows being set from the import: no feedback */
};

G_DEFINE_FINAL_TYPE (JmImportDialog, jm_import_dialog, ADW_TYPE_WINDOW)

/* The metrics survey answers give, in the metric drop-down's order. */
static const JmMetricKind metric_kinds[] = { JM_METRIC_NPS, JM_METRIC_CSAT, JM_METRIC_CES, JM_METRIC_CUSTOM };

static void
target_free (Target *target)
{
  g_free (target->id);
  g_free (target->label);
  g_free (target);
}

static void
add_target (JmImportDialog *self,
            JmSurveyTarget  kind,
            const char     *id,
            char           *label)
{
  Target *target = g_new0 (Target, 1);

  target->target = kind;
  target->id = g_strdup (id);
  target->label = label;
  g_ptr_array_add (self->targets, target);
}

static guint
find_target (JmImportDialog      *self,
             const JmSurveyField *field)
{
  for (guint i = 0; i < self->targets->len; i++)
    {
      Target *target = g_ptr_array_index (self->targets, i);

      if (target->target == field->target
          && (field->target == JM_SURVEY_TARGET_VERBATIMS || g_strcmp0 (target->id, field->target_id) == 0))
        return i;
    }
  return 0;
}

/* Nowhere, the stages, the touchpoints (and any other card a saved
 * mapping names), and cards of their own. */
static void
make_targets (JmImportDialog *self)
{
  GPtrArray *stages = jm_document_get_stages (self->document);
  GPtrArray *lanes = jm_document_get_lanes (self->document);

  add_target (self, JM_SURVEY_TARGET_NONE, NULL, g_strdup (_("Nowhere")));
  for (guint s = 0; s < stages->len; s++)
    {
      JmStage *stage = g_ptr_array_index (stages, s);

      /* Translators: a place a survey question's answers can go. */
      add_target (self, JM_SURVEY_TARGET_STAGE, stage->id, g_strdup_printf (_("Stage “%s”"), stage->name));
    }
  for (guint l = 0; l < lanes->len; l++)
    {
      JmLane *lane = g_ptr_array_index (lanes, l);

      for (guint c = 0; c < lane->cards->len; c++)
        {
          JmCard *card = g_ptr_array_index (lane->cards, c);
          gboolean named = lane->kind == JM_LANE_TOUCHPOINTS;

          for (guint q = 0; !named && q < self->import->questions->len; q++)
            {
              JmSurveyField *field = ((JmSurveyQuestion *) g_ptr_array_index (self->import->questions, q))->field;

              named = field->target == JM_SURVEY_TARGET_CARD && g_strcmp0 (field->target_id, card->id) == 0;
            }
          if (named)
            add_target (self, JM_SURVEY_TARGET_CARD, card->id, g_strdup_printf (_("Touchpoint “%s”"), card->text));
        }
    }
  add_target (self, JM_SURVEY_TARGET_VERBATIMS, NULL, g_strdup (_("Each answer as a card")));
}

/* ---- the preview ---- */

/* Numbers and dates as the user's locale writes them. */
static char *
format_value (double value)
{
  return g_strdup_printf ("%g", value);
}

static char *
format_date (const char *iso)
{
  GDate date;
  char buf[64];
  guint y, m, d;

  if (iso == NULL || sscanf (iso, "%4u-%2u-%2u", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return NULL;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  if (g_date_strftime (buf, sizeof buf, "%x", &date) == 0)
    return g_strdup (iso);
  return g_strdup (buf);
}

static const char *
target_name (JmImportDialog      *self,
             const JmSurveyField *field)
{
  if (field->target == JM_SURVEY_TARGET_VERBATIMS)
    {
      JmLane *lane = jm_document_find_lane (self->document, field->target_id);

      return lane != NULL ? lane->title : "";
    }
  return ((Target *) g_ptr_array_index (self->targets, find_target (self, field)))->label;
}

static void
append_metric_line (GString    *out,
                    const char *where,
                    const char *kind,
                    double      value,
                    const char *unit,
                    guint       n,
                    const char *iso_date)
{
  g_autofree char *number = format_value (value);
  g_autofree char *date = format_date (iso_date);

  /* Translators: "• Touchpoint “Shop counter”: CES 4.5" (then how many answers) */
  g_string_append_printf (out, _("• %s: %s %s%s"), where, kind, number, unit);
  g_string_append (out, " — ");
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%'u answer", "%'u answers", n), n);
  if (date != NULL)
    {
      g_string_append (out, ", ");
      g_string_append_printf (out, _("the latest on %s"), date);
    }
  g_string_append_c (out, '\n');
}

static void
update_preview (JmImportDialog *self)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean changes = FALSE;

  if (self->import->layout == JM_SURVEY_LAYOUT_LONG)
    {
      GPtrArray *results = self->import->long_import->results;

      for (guint i = 0; i < results->len; i++)
        {
          JmCsvResult *r = g_ptr_array_index (results, i);
          JmCard *card = jm_document_find_card (self->document, r->card_id, NULL);
          g_autofree char *where = g_strdup_printf (_("Touchpoint “%s”"), card != NULL ? card->text : r->card_id);

          append_metric_line (out, where, jm_metric_kind_get_label (r->kind), r->value,
                              jm_metric_kind_get_unit (r->kind), r->sample_size, r->date);
          changes = TRUE;
        }
    }
  else
    {
      g_autoptr(GPtrArray) results = jm_survey_import_get_results (self->import, self->document);
      g_autoptr(GPtrArray) unmapped = jm_survey_import_get_unmapped (self->import, FALSE);

      for (guint i = 0; i < results->len; i++)
        {
          JmSurveyResult *r = g_ptr_array_index (results, i);
          JmSurveyField *field = r->question->field;
          const char *where = target_name (self, field);

          if (field->target == JM_SURVEY_TARGET_VERBATIMS)
            {
              g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                        "• Lane “%s”: %'u answer to “%s” becomes a card\n",
                                                        "• Lane “%s”: %'u answers to “%s” become cards\n",
                                                        r->n_cards),
                                      where, r->n_cards, r->question->question);
              changes |= r->n_cards > 0;
            }
          else if (r->sample_size == 0)
            g_string_append_printf (out, _("• %s: no answer to “%s” counts\n"), where, r->question->question);
          else
            {
              const char *kind = field->kind == JM_METRIC_CUSTOM && field->name != NULL
                                 ? field->name : jm_metric_kind_get_label (field->kind);

              append_metric_line (out, where, kind, r->value, jm_metric_kind_get_unit (field->kind),
                                  r->sample_size, r->date);
              changes = TRUE;
            }
          if (r->n_outside > 0)
            g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                      "  (%'u answer outside the metric’s scale is left out)\n",
                                                      "  (%'u answers outside the metric’s scale are left out)\n",
                                                      r->n_outside),
                                    r->n_outside);
        }
      if (unmapped->len > 0)
        g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%'u question goes nowhere.\n",
                                                  "%'u questions go nowhere.\n", unmapped->len),
                                unmapped->len);
      g_string_append (out, _("The mapping is saved in the map, for the next export of this survey."));
      changes = TRUE;
    }

  if (!changes)
    g_string_append (out, _("Nothing will change."));
  if (out->len > 0 && out->str[out->len - 1] == '\n')
    g_string_truncate (out, out->len - 1);
  gtk_label_set_text (self->preview_label, out->str);
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button), changes);
}

/* ---- the questions ---- */

static guint
metric_index (JmMetricKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (metric_kinds); i++)
    if (metric_kinds[i] == kind)
      return i;
  return G_N_ELEMENTS (metric_kinds) - 1;
}

static JmMetricKind
kind_of_scale (JmSurveyScale scale)
{
  return scale == JM_SURVEY_SCALE_NPS ? JM_METRIC_NPS
         : scale == JM_SURVEY_SCALE_CSAT ? JM_METRIC_CSAT
         : scale == JM_SURVEY_SCALE_CES ? JM_METRIC_CES : JM_METRIC_CUSTOM;
}

static void
update_subtitle (Row *row)
{
  JmSurveyQuestion *q = row->question;
  g_autoptr(GString) subtitle = g_string_new (jm_survey_scale_get_label (q->scale));

  g_string_append (subtitle, " · ");
  g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%'u answer", "%'u answers", q->n_answers),
                          q->n_answers);
  if (q->saved)
    {
      g_string_append (subtitle, " · ");
      g_string_append (subtitle, _("as saved in the map"));
    }
  adw_action_row_set_subtitle (row->row, subtitle->str);
}

/* The row's drop-downs show what the import says. */
static void
show_field (JmImportDialog *self,
            Row            *row)
{
  JmSurveyField *field = row->question->field;
  gboolean metric = field->target == JM_SURVEY_TARGET_CARD || field->target == JM_SURVEY_TARGET_STAGE;

  self->updating = TRUE;
  gtk_drop_down_set_selected (row->target, find_target (self, field));
  gtk_drop_down_set_selected (row->metric, metric_index (metric ? field->kind : kind_of_scale (row->question->scale)));
  gtk_widget_set_sensitive (GTK_WIDGET (row->metric), metric);
  /* The whole name of a choice the button shows cut short. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (row->target),
                               ((Target *) g_ptr_array_index (self->targets,
                                                              MIN (gtk_drop_down_get_selected (row->target),
                                                                   self->targets->len - 1)))->label);
  self->updating = FALSE;
  update_subtitle (row);
}

static void
on_choice_changed (JmImportDialog *self,
                   GParamSpec     *pspec,
                   GtkDropDown    *dropdown)
{
  Row *row = g_object_get_data (G_OBJECT (dropdown), "jm-row");
  Target *target;

  if (self->updating || row == NULL)
    return;
  target = g_ptr_array_index (self->targets, MIN (gtk_drop_down_get_selected (row->target), self->targets->len - 1));

  if (target->target == JM_SURVEY_TARGET_VERBATIMS)
    jm_survey_import_propose_verbatims (self->import, self->document, row->question);
  else
    {
      JmSurveyField *field = jm_survey_field_new (row->question->header);
      guint metric = gtk_drop_down_get_selected (row->metric);

      field->target = target->target;
      field->target_id = g_strdup (target->id);
      field->kind = metric_kinds[MIN (metric, G_N_ELEMENTS (metric_kinds) - 1)];
      if (field->kind == JM_METRIC_CUSTOM)
        field->name = g_utf8_substring (row->question->question, 0,
                                        MIN (g_utf8_strlen (row->question->question, -1), 60));
      jm_survey_import_set_field (self->import, row->question, field);
    }
  /* Cards of their own need a text lane: without one, nothing changed. */
  show_field (self, row);
  update_preview (self);
}

/* The drop-down's own button shows the choice cut short, so that a long
 * touchpoint does not squeeze the question's text into a narrow column;
 * its list shows every choice whole, with the check mark GTK's own items
 * have. GTK 4.8 offers no property for this: the button's labels are
 * those outside the list's popover. */
static void
shorten_button_label (GtkWidget *widget)
{
  if (GTK_IS_POPOVER (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      gtk_label_set_ellipsize (GTK_LABEL (widget), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (widget), 22);
      gtk_label_set_width_chars (GTK_LABEL (widget), 16);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    shorten_button_label (child);
}

static GtkDropDown *
make_drop_down (JmImportDialog *self,
                const char    **labels,
                Row            *row,
                const char     *name,
                const char     *accessible_label)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (labels));

  /* The button's row has its label once the drop-down is shown. */
  g_signal_connect (dropdown, "map", G_CALLBACK (shorten_button_label), NULL);
  gtk_widget_set_name (GTK_WIDGET (dropdown), name);
  gtk_widget_set_valign (GTK_WIDGET (dropdown), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  g_object_set_data (G_OBJECT (dropdown), "jm-row", row);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_choice_changed), self, G_CONNECT_SWAPPED);
  return dropdown;
}

static void
add_rows (JmImportDialog *self)
{
  g_autofree const char **target_labels = g_new0 (const char *, self->targets->len + 1);
  const char *metric_labels[G_N_ELEMENTS (metric_kinds) + 1] = { NULL };

  for (guint i = 0; i < self->targets->len; i++)
    target_labels[i] = ((Target *) g_ptr_array_index (self->targets, i))->label;
  for (guint i = 0; i < G_N_ELEMENTS (metric_kinds); i++)
    metric_labels[i] = jm_metric_kind_get_label (metric_kinds[i]);

  for (guint i = 0; i < self->import->questions->len; i++)
    {
      JmSurveyQuestion *question = g_ptr_array_index (self->import->questions, i);
      Row *row = g_new0 (Row, 1);
      g_autofree char *where = NULL;
      g_autofree char *as_what = NULL;

      row->question = question;
      row->row = ADW_ACTION_ROW (adw_action_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), question->question);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->row), FALSE);
      /* Translators: accessible names of the two choices of a question's row. */
      where = g_strdup_printf (_("Where the answers to “%s” go"), question->question);
      as_what = g_strdup_printf (_("The metric the answers to “%s” give"), question->question);
      row->target = make_drop_down (self, target_labels, row, "target", where);
      row->metric = make_drop_down (self, metric_labels, row, "metric", as_what);
      adw_action_row_add_suffix (row->row, GTK_WIDGET (row->target));
      adw_action_row_add_suffix (row->row, GTK_WIDGET (row->metric));
      adw_preferences_group_add (self->questions_group, GTK_WIDGET (row->row));
      g_ptr_array_add (self->rows, row);
      show_field (self, row);
    }
}

/* ---- dates ---- */

/* "" is no limit; anything but a date is shown as an error and leaves
 * the limit as it was (a date half typed changes nothing). */
static void
read_date (AdwEntryRow *entry,
           char       **limit)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (*text != '\0' && !jm_date_is_valid (text))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  g_free (*limit);
  *limit = *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static void
on_dates_changed (JmImportDialog *self)
{
  if (self->import == NULL || self->import->layout == JM_SURVEY_LAYOUT_LONG)
    return;
  read_date (self->since_row, &self->since);
  read_date (self->until_row, &self->until);
  jm_survey_import_set_date_range (self->import, self->since, self->until);
  update_preview (self);
}

static void
on_apply_clicked (JmImportDialog *self)
{
  jm_survey_import_apply (self->import, self->document);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ---- GObject ---- */

static void
row_free (Row *row)
{
  g_object_set_data (G_OBJECT (row->target), "jm-row", NULL);
  g_object_set_data (G_OBJECT (row->metric), "jm-row", NULL);
  g_free (row);
}

static void
jm_import_dialog_dispose (GObject *object)
{
  JmImportDialog *self = JM_IMPORT_DIALOG (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (jm_import_dialog_parent_class)->dispose (object);
}

static void
jm_import_dialog_finalize (GObject *object)
{
  JmImportDialog *self = JM_IMPORT_DIALOG (object);

  g_clear_pointer (&self->targets, g_ptr_array_unref);
  g_clear_pointer (&self->import, jm_survey_import_free);
  g_free (self->since);
  g_free (self->until);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (jm_import_dialog_parent_class)->finalize (object);
}

static void
jm_import_dialog_class_init (JmImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jm_import_dialog_dispose;
  object_class->finalize = jm_import_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/journeymaps/JourneyMaps/ui/jm-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JmImportDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, JmImportDialog, layout_label);
  gtk_widget_class_bind_template_child (widget_class, JmImportDialog, notes_label);
  gtk_widget_class_bind_template_child (widget_class, JmImportDialog, problems_expander);
  gtk_widget_class_bind_template_child (widget_class, JmImportDialog, problems_label);
  gtk_widget_class_bind_template_child (widget_class, JmImportDialog, dates_group);
  gtk_widget_class_bind_template_child (widget_class, JmImportDialog, since_row);
  gtk_widget_class_bind_template_child (widget_class, JmImportDialog, until_row);
  gtk_widget_class_bind_template_child (widget_class, JmImportDialog, questions_group);
  gtk_widget_class_bind_template_child (widget_class, JmImportDialog, preview_label);
  gtk_widget_class_bind_template_callback (widget_class, on_apply_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_dates_changed);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jm_import_dialog_init (JmImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  jm_a11y_name_controls (GTK_WIDGET (self));
  self->targets = g_ptr_array_new_with_free_func ((GDestroyNotify) target_free);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
}

static void
show_problems (JmImportDialog *self,
               GPtrArray      *problems)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *label = NULL;

  if (problems == NULL || problems->len == 0)
    return;
  for (guint i = 0; i < problems->len; i++)
    {
      const JmProblem *p = g_ptr_array_index (problems, i);

      if (i > 0)
        g_string_append_c (text, '\n');
      if (p->line > 0)
        g_string_append_printf (text, _("Line %d: %s"), p->line, p->message);
      else
        g_string_append (text, p->message);
    }
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u thing could not be used", "%'u things could not be used",
                                        problems->len),
                           problems->len);
  gtk_expander_set_label (self->problems_expander, label);
  gtk_label_set_text (self->problems_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_expander), TRUE);
}

JmImportDialog *
jm_import_dialog_new (GtkWindow      *parent,
                      JmDocument     *document,
                      JmSurveyImport *import)
{
  JmImportDialog *self;
  g_autofree char *said = NULL;
  g_autoptr(GString) notes = g_string_new (NULL);

  g_return_val_if_fail (JM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (import != NULL, NULL);

  self = g_object_new (JM_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->import = import;

  said = jm_survey_import_describe (import);
  gtk_label_set_text (self->layout_label, said);
  for (guint i = 0; i < import->notes->len; i++)
    g_string_append_printf (notes, "%s%s", i > 0 ? "\n" : "", (const char *) g_ptr_array_index (import->notes, i));
  gtk_label_set_text (self->notes_label, notes->str);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label), notes->len > 0);
  show_problems (self, import->layout == JM_SURVEY_LAYOUT_LONG ? import->long_import->problems : import->problems);

  if (import->layout == JM_SURVEY_LAYOUT_LONG)
    {
      /* One answer a row names its touchpoint: nothing to choose. */
      gtk_widget_set_visible (GTK_WIDGET (self->dates_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->questions_group), FALSE);
    }
  else
    {
      if (import->first_date != NULL)
        {
          g_autofree char *first = format_date (import->first_date);
          g_autofree char *last = format_date (import->last_date);
          g_autofree char *description = g_strdup_printf (_("Only responses between these dates count "
                                                            "(YYYY-MM-DD; empty: no limit). They run from %s "
                                                            "to %s."), first, last);

          adw_preferences_group_set_description (self->dates_group, description);
        }
      gtk_widget_set_visible (GTK_WIDGET (self->dates_group), import->date_header != NULL);
      make_targets (self);
      add_rows (self);
    }
  update_preview (self);
  return self;
}
