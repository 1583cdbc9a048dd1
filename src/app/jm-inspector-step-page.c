/* jm-inspector-step-page.c — see jm-inspector-step-page.h. Two rows a
 * persona (as is, to be); each change of a score is one command. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "jm-inspector-emotion-row.h"
#include "jm-inspector-step-page.h"

struct _JmInspectorStepPage {
  JmInspectorPage      parent_instance;

  AdwPreferencesGroup *step_group;
  GtkEditable         *name_row;
  AdwPreferencesGroup *emotions_group;

  GPtrArray           *emotion_rows;   /* JmInspectorEmotionRow*: persona by persona, as is then to be */
};

G_DEFINE_FINAL_TYPE (JmInspectorStepPage, jm_inspector_step_page, JM_TYPE_INSPECTOR_PAGE)

#define PAGE(self) JM_INSPECTOR_PAGE (self)

static const char *
step_id (JmInspectorStepPage *self)
{
  return jm_inspector_page_get_focus (PAGE (self))->step_id;
}

static void
on_score_changed (JmInspectorStepPage   *self,
                  double                 score,
                  JmInspectorEmotionRow *row)
{
  if (!jm_inspector_page_begin_edit (PAGE (self)))
    return;
  jm_document_set_emotion (jm_inspector_page_get_document (PAGE (self)),
                           jm_inspector_emotion_row_get_persona (row), step_id (self),
                           jm_inspector_emotion_row_get_curve (row), score);
  jm_inspector_page_end_edit (PAGE (self));
}

/* Rows for the personas, made again only when the personas change. */
static void
show_personas (JmInspectorStepPage *self,
               GPtrArray           *personas)
{
  gboolean same = self->emotion_rows->len == personas->len * JM_N_MAP_STATES;

  for (guint i = 0; same && i < self->emotion_rows->len; i++)
    {
      JmPersona *persona = g_ptr_array_index (personas, i / JM_N_MAP_STATES);
      JmInspectorEmotionRow *row = g_ptr_array_index (self->emotion_rows, i);

      same = g_strcmp0 (jm_inspector_emotion_row_get_persona (row), persona->id) == 0;
    }
  if (!same)
    {
      for (guint i = 0; i < self->emotion_rows->len; i++)
        {
          GtkWidget *row = g_ptr_array_index (self->emotion_rows, i);

          jm_inspector_page_release_focus (PAGE (self), row);
          adw_preferences_group_remove (self->emotions_group, row);
        }
      g_ptr_array_set_size (self->emotion_rows, 0);
      for (guint p = 0; p < personas->len; p++)
        for (guint c = 0; c < JM_N_MAP_STATES; c++)
          {
            JmPersona *persona = g_ptr_array_index (personas, p);
            GtkWidget *row = jm_inspector_emotion_row_new (persona->id, (JmMapState) c);

            g_signal_connect_swapped (row, "score-changed", G_CALLBACK (on_score_changed), self);
            adw_preferences_group_add (self->emotions_group, row);
            g_ptr_array_add (self->emotion_rows, row);
          }
    }
  for (guint i = 0; i < self->emotion_rows->len; i++)
    adw_preferences_row_set_title (g_ptr_array_index (self->emotion_rows, i),
                                   ((JmPersona *) g_ptr_array_index (personas, i / JM_N_MAP_STATES))->name);
}

static gboolean
jm_inspector_step_page_refresh (JmInspectorPage *page)
{
  JmInspectorStepPage *self = JM_INSPECTOR_STEP_PAGE (page);
  JmDocument *doc = jm_inspector_page_get_document (page);
  const JmFocus *focus = jm_inspector_page_get_focus (page);
  JmStep *step = jm_document_find_step (doc, focus->step_id);
  JmStage *stage = step ? jm_document_get_step_stage (doc, step->id) : NULL;
  GtkWidget *marked = NULL;

  if (step == NULL)
    return FALSE;

  if (g_strcmp0 (gtk_editable_get_text (self->name_row), step->name ? step->name : "") != 0)
    gtk_editable_set_text (self->name_row, step->name ? step->name : "");
  /* Which stage it belongs to, so the reader knows where they are. */
  adw_preferences_group_set_description (self->step_group, stage ? stage->name : NULL);

  show_personas (self, jm_document_get_personas (doc));
  for (guint i = 0; i < self->emotion_rows->len; i++)
    {
      JmInspectorEmotionRow *row = g_ptr_array_index (self->emotion_rows, i);
      const JmEmotion *emotion = jm_document_get_emotion (doc, jm_inspector_emotion_row_get_persona (row), step->id,
                                                          jm_inspector_emotion_row_get_curve (row));
      gboolean focused = focus->kind == JM_FOCUS_EMOTION
                         && g_strcmp0 (focus->id, jm_inspector_emotion_row_get_persona (row)) == 0
                         && focus->curve == jm_inspector_emotion_row_get_curve (row);

      jm_inspector_emotion_row_set_score (row, emotion ? emotion->score : NAN);
      if (focused)
        {
          gtk_widget_add_css_class (GTK_WIDGET (row), "jm-focused-row");
          marked = GTK_WIDGET (row);
        }
      else
        gtk_widget_remove_css_class (GTK_WIDGET (row), "jm-focused-row");
    }
  if (marked != NULL)
    jm_inspector_page_reveal (page, marked);
  return TRUE;
}

static void
on_name_changed (JmInspectorStepPage *self)
{
  JmDocument *doc;

  if (!jm_inspector_page_begin_edit (PAGE (self)))
    return;
  doc = jm_inspector_page_get_document (PAGE (self));
  if (jm_document_find_step (doc, step_id (self)) != NULL)
    jm_document_rename_step (doc, step_id (self), gtk_editable_get_text (self->name_row));
  jm_inspector_page_end_edit (PAGE (self));
}

GtkWidget *
jm_inspector_step_page_get_emotion_row (JmInspectorStepPage *self,
                                        const char          *persona_id,
                                        JmMapState           curve)
{
  g_return_val_if_fail (JM_IS_INSPECTOR_STEP_PAGE (self), NULL);

  for (guint i = 0; i < self->emotion_rows->len; i++)
    {
      JmInspectorEmotionRow *row = g_ptr_array_index (self->emotion_rows, i);

      if (g_strcmp0 (jm_inspector_emotion_row_get_persona (row), persona_id) == 0
          && jm_inspector_emotion_row_get_curve (row) == curve)
        return GTK_WIDGET (row);
    }
  return NULL;
}

static void
jm_inspector_step_page_dispose (GObject *object)
{
  JmInspectorStepPage *self = JM_INSPECTOR_STEP_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JM_TYPE_INSPECTOR_STEP_PAGE);
  g_clear_pointer (&self->emotion_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (jm_inspector_step_page_parent_class)->dispose (object);
}

static void
jm_inspector_step_page_class_init (JmInspectorStepPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JmInspectorPageClass *page_class = JM_INSPECTOR_PAGE_CLASS (klass);

  object_class->dispose = jm_inspector_step_page_dispose;
  page_class->refresh = jm_inspector_step_page_refresh;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/jm-inspector-step-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JmInspectorStepPage, step_group);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorStepPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorStepPage, emotions_group);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
}

static void
jm_inspector_step_page_init (JmInspectorStepPage *self)
{
  self->emotion_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
