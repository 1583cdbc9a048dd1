/* jm-inspector-emotion-row.c — see jm-inspector-emotion-row.h. A score
 * not set shows "—" in the spin button; typing a number or pressing an
 * arrow sets it. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "jm-inspector-emotion-row.h"
#include "jm-number.h"

struct _JmInspectorEmotionRow {
  AdwActionRow   parent_instance;

  GtkSpinButton *spin;
  GtkWidget     *clear_button;

  char          *persona_id;
  JmMapState     curve;
  double         score;      /* NAN: not set */
  gboolean       updating;   /* set_score is moving the spin button */
};

enum {
  SCORE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (JmInspectorEmotionRow, jm_inspector_emotion_row, ADW_TYPE_ACTION_ROW)

static gboolean on_spin_output (GtkSpinButton         *spin,
                                JmInspectorEmotionRow *self);

static void
show_state (JmInspectorEmotionRow *self)
{
  gboolean set = !isnan (self->score);
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));
  /* Translators: the button that clears one of a persona's emotion
   * scores, e.g. "Clear the score of Giulia, as is" */
  g_autofree char *clear = g_strdup_printf (_("Clear the score of %s, %s"), title ? title : "",
                                            jm_map_state_get_label (self->curve));

  gtk_widget_set_sensitive (self->clear_button, set);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->spin), set ? NULL : _("Not set"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->clear_button), GTK_ACCESSIBLE_PROPERTY_LABEL, clear, -1);
  if (set)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->spin), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->spin), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    _("Not set"), -1);
  /* "—" or the number. */
  on_spin_output (self->spin, self);
}

static void
emit_score (JmInspectorEmotionRow *self,
            double                 score)
{
  self->score = score;
  show_state (self);
  g_signal_emit (self, signals[SCORE_CHANGED], 0, score);
}

static int
on_spin_input (GtkSpinButton         *spin,
               double                *value,
               JmInspectorEmotionRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  double typed;

  if (!jm_number_parse (text, &typed))
    {
      /* "—", or nothing: stays as it is. */
      *value = gtk_spin_button_get_value (spin);
      return TRUE;
    }
  typed = CLAMP (round (typed * 2) / 2, -2, 2);
  *value = typed;
  /* The same value as the spin button holds makes no "value-changed":
   * a score typed where there was none is set here. */
  if (isnan (self->score) && typed == gtk_spin_button_get_value (spin))
    emit_score (self, typed);
  return TRUE;
}

static gboolean
on_spin_output (GtkSpinButton         *spin,
                JmInspectorEmotionRow *self)
{
  g_autofree char *text = isnan (self->score) ? g_strdup ("—")
                          : jm_number_format (gtk_spin_button_get_value (spin), 1);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
on_spin_value_changed (GtkSpinButton         *spin,
                       JmInspectorEmotionRow *self)
{
  if (!self->updating)
    emit_score (self, gtk_spin_button_get_value (spin));
}

static void
on_clear_clicked (JmInspectorEmotionRow *self)
{
  emit_score (self, NAN);
}

GtkWidget *
jm_inspector_emotion_row_new (const char *persona_id,
                              JmMapState  curve)
{
  JmInspectorEmotionRow *self = g_object_new (JM_TYPE_INSPECTOR_EMOTION_ROW, NULL);

  self->persona_id = g_strdup (persona_id);
  self->curve = curve;
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), jm_map_state_get_label (curve));
  show_state (self);
  return GTK_WIDGET (self);
}

const char *
jm_inspector_emotion_row_get_persona (JmInspectorEmotionRow *self)
{
  g_return_val_if_fail (JM_IS_INSPECTOR_EMOTION_ROW (self), NULL);
  return self->persona_id;
}

JmMapState
jm_inspector_emotion_row_get_curve (JmInspectorEmotionRow *self)
{
  g_return_val_if_fail (JM_IS_INSPECTOR_EMOTION_ROW (self), JM_MAP_STATE_CURRENT);
  return self->curve;
}

void
jm_inspector_emotion_row_set_score (JmInspectorEmotionRow *self,
                                    double                 score)
{
  g_return_if_fail (JM_IS_INSPECTOR_EMOTION_ROW (self));

  if ((isnan (score) && isnan (self->score)) || score == self->score)
    return;
  self->score = score;
  self->updating = TRUE;
  gtk_spin_button_set_value (self->spin, isnan (score) ? 0 : score);
  self->updating = FALSE;
  show_state (self);
}

double
jm_inspector_emotion_row_get_score (JmInspectorEmotionRow *self)
{
  g_return_val_if_fail (JM_IS_INSPECTOR_EMOTION_ROW (self), NAN);
  return self->score;
}

GtkSpinButton *
jm_inspector_emotion_row_get_spin (JmInspectorEmotionRow *self)
{
  g_return_val_if_fail (JM_IS_INSPECTOR_EMOTION_ROW (self), NULL);
  return self->spin;
}

GtkWidget *
jm_inspector_emotion_row_get_clear_button (JmInspectorEmotionRow *self)
{
  g_return_val_if_fail (JM_IS_INSPECTOR_EMOTION_ROW (self), NULL);
  return self->clear_button;
}

static void
jm_inspector_emotion_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), JM_TYPE_INSPECTOR_EMOTION_ROW);
  G_OBJECT_CLASS (jm_inspector_emotion_row_parent_class)->dispose (object);
}

static void
jm_inspector_emotion_row_finalize (GObject *object)
{
  JmInspectorEmotionRow *self = JM_INSPECTOR_EMOTION_ROW (object);

  g_free (self->persona_id);
  G_OBJECT_CLASS (jm_inspector_emotion_row_parent_class)->finalize (object);
}

static void
jm_inspector_emotion_row_class_init (JmInspectorEmotionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jm_inspector_emotion_row_dispose;
  object_class->finalize = jm_inspector_emotion_row_finalize;

  /**
   * JmInspectorEmotionRow::score-changed:
   * @score: the new score, or NAN when cleared
   *
   * The user set, changed or cleared the score.
   */
  signals[SCORE_CHANGED] = g_signal_new ("score-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_DOUBLE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/jm-inspector-emotion-row.ui");
  gtk_widget_class_bind_template_child (widget_class, JmInspectorEmotionRow, spin);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorEmotionRow, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_input);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_output);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_value_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_clicked);
}

static void
jm_inspector_emotion_row_init (JmInspectorEmotionRow *self)
{
  self->score = NAN;
  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->updating = FALSE;
  g_signal_connect (self, "notify::title", G_CALLBACK (show_state), NULL);
}
