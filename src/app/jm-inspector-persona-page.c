/* jm-inspector-persona-page.c — see jm-inspector-persona-page.h. Each edit
 * replaces the persona with an edited copy; typing in one field merges
 * into one undo step through the field's merge key. */
#include "config.h"

#include <glib/gi18n.h>

#include "jm-file-chooser.h"
#include "jm-inspector-list-group.h"
#include "jm-inspector-persona-page.h"
#include "jm-a11y.h"
#include "jm-inspector-text-area.h"

struct _JmInspectorPersonaPage {
  JmInspectorPage       parent_instance;

  GtkWidget            *back_button;
  GtkLabel             *title_label;
  GtkWidget            *copy_button;
  GtkEditable          *name_row;
  GtkEditable          *occupation_row;
  GtkEditable          *quote_row;
  GtkSpinButton        *age_spin;
  GtkButton            *photo_button;
  GtkWidget            *remove_photo_button;
  JmInspectorTextArea  *bio_area;
  JmInspectorListGroup *goals_group;
  JmInspectorListGroup *needs_group;
  JmInspectorListGroup *frustrations_group;
  JmInspectorListGroup *interests_group;
  GtkBox               *channels_box;

  GPtrArray            *channel_checks;   /* GtkCheckButton*, one a channel from JM_CHANNEL_NONE + 1 */
};

G_DEFINE_FINAL_TYPE (JmInspectorPersonaPage, jm_inspector_persona_page, JM_TYPE_INSPECTOR_PAGE)

#define PAGE(self) JM_INSPECTOR_PAGE (self)

static JmPersona *
current_persona (JmInspectorPersonaPage *self)
{
  JmDocument *doc = jm_inspector_page_get_document (PAGE (self));

  return doc ? jm_document_find_persona (doc, jm_inspector_page_get_focus (PAGE (self))->id) : NULL;
}

/* Starts an edit: a copy of the persona to change, or NULL (then nothing
 * to do: the guard is down again). */
static JmPersona *
begin_edit (JmInspectorPersonaPage *self)
{
  JmPersona *persona;

  if (!jm_inspector_page_begin_edit (PAGE (self)))
    return NULL;
  if ((persona = current_persona (self)) == NULL)
    {
      jm_inspector_page_end_edit (PAGE (self));
      return NULL;
    }
  return jm_persona_copy (persona);
}

/* Takes the copy over. */
static void
end_edit (JmInspectorPersonaPage *self,
          JmPersona              *copy,
          const char             *merge_key)
{
  jm_document_update_persona (jm_inspector_page_get_document (PAGE (self)), copy, merge_key);
  jm_inspector_page_end_edit (PAGE (self));
}

static char ***
list_of (JmInspectorPersonaPage *self,
         JmPersona              *persona,
         JmInspectorListGroup   *group,
         const char            **name)
{
  if (group == self->goals_group)
    {
      *name = "goals";
      return &persona->goals;
    }
  if (group == self->needs_group)
    {
      *name = "needs";
      return &persona->needs;
    }
  if (group == self->frustrations_group)
    {
      *name = "frustrations";
      return &persona->frustrations;
    }
  *name = "interests";
  return &persona->interests;
}

static void
set_text (GtkEditable *editable,
          const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (editable), text ? text : "") != 0)
    gtk_editable_set_text (editable, text ? text : "");
}

static gboolean
jm_inspector_persona_page_refresh (JmInspectorPage *page)
{
  JmInspectorPersonaPage *self = JM_INSPECTOR_PERSONA_PAGE (page);
  JmPersona *persona = current_persona (self);

  if (persona == NULL)
    return FALSE;

  gtk_label_set_text (self->title_label, persona->name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->copy_button), "s", persona->id);
  set_text (self->name_row, persona->name);
  set_text (self->occupation_row, persona->occupation);
  set_text (self->quote_row, persona->quote);
  gtk_spin_button_set_value (self->age_spin, persona->age);
  gtk_button_set_label (self->photo_button, persona->photo ? _("_Change…") : _("_Choose…"));
  jm_a11y_name_button (self->photo_button);
  gtk_widget_set_visible (self->remove_photo_button, persona->photo != NULL);
  jm_inspector_text_area_set_text (self->bio_area, persona->bio);
  jm_inspector_list_group_set_items (self->goals_group, (const char * const *) persona->goals);
  jm_inspector_list_group_set_items (self->needs_group, (const char * const *) persona->needs);
  jm_inspector_list_group_set_items (self->frustrations_group, (const char * const *) persona->frustrations);
  jm_inspector_list_group_set_items (self->interests_group, (const char * const *) persona->interests);
  for (guint c = 0; c < self->channel_checks->len; c++)
    {
      JmChannel channel = (JmChannel) (c + 1);
      gboolean active = FALSE;

      for (guint i = 0; persona->channels && i < persona->channels->len; i++)
        active |= g_array_index (persona->channels, JmChannel, i) == channel;
      gtk_check_button_set_active (g_ptr_array_index (self->channel_checks, c), active);
    }
  return TRUE;
}

static void
on_text_field_changed (JmInspectorPersonaPage *self,
                       GtkEditable            *field)
{
  JmPersona *copy = begin_edit (self);
  const char *key;
  char **slot;

  if (copy == NULL)
    return;
  if (field == self->name_row)
    {
      key = "name";
      slot = &copy->name;
    }
  else if (field == self->occupation_row)
    {
      key = "occupation";
      slot = &copy->occupation;
    }
  else
    {
      key = "quote";
      slot = &copy->quote;
    }
  jm_set_str (slot, gtk_editable_get_text (field));
  if (field == self->name_row)
    gtk_label_set_text (self->title_label, copy->name);
  end_edit (self, copy, key);
}

static void
on_age_changed (JmInspectorPersonaPage *self)
{
  JmPersona *copy = begin_edit (self);

  if (copy == NULL)
    return;
  copy->age = (guint) gtk_spin_button_get_value_as_int (self->age_spin);
  end_edit (self, copy, "age");
}

static void
on_bio_changed (JmInspectorPersonaPage *self)
{
  JmPersona *copy = begin_edit (self);

  if (copy == NULL)
    return;
  g_free (copy->bio);
  copy->bio = jm_inspector_text_area_get_text (self->bio_area);
  end_edit (self, copy, "bio");
}

/* Typing in one item merges into one undo step. */
static void
on_list_item_changed (JmInspectorPersonaPage *self,
                      guint                   index,
                      JmInspectorListGroup   *group)
{
  JmPersona *copy = begin_edit (self);
  g_autofree char *key = NULL;
  const char *name;
  char ***list;

  if (copy == NULL)
    return;
  list = list_of (self, copy, group, &name);
  g_strfreev (*list);
  *list = jm_inspector_list_group_get_items (group);
  key = g_strdup_printf ("%s-%u", name, index);
  end_edit (self, copy, key);
}

/* An item added or removed: one undo step of its own. */
static void
on_list_items_changed (JmInspectorPersonaPage *self,
                       JmInspectorListGroup   *group)
{
  JmPersona *copy = begin_edit (self);
  const char *name;
  char ***list;

  if (copy == NULL)
    return;
  list = list_of (self, copy, group, &name);
  g_strfreev (*list);
  *list = jm_inspector_list_group_get_items (group);
  end_edit (self, copy, NULL);
}

static void
on_channel_toggled (JmInspectorPersonaPage *self)
{
  JmPersona *copy = begin_edit (self);

  if (copy == NULL)
    return;
  g_array_set_size (copy->channels, 0);
  for (guint c = 0; c < self->channel_checks->len; c++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->channel_checks, c)))
      {
        JmChannel channel = (JmChannel) (c + 1);
        g_array_append_val (copy->channels, channel);
      }
  end_edit (self, copy, NULL);
}

gboolean
jm_inspector_persona_page_focus_back (JmInspectorPersonaPage *self)
{
  g_return_val_if_fail (JM_IS_INSPECTOR_PERSONA_PAGE (self), FALSE);
  return gtk_widget_grab_focus (self->back_button);
}

gboolean
jm_inspector_persona_page_focus_name (JmInspectorPersonaPage *self)
{
  g_return_val_if_fail (JM_IS_INSPECTOR_PERSONA_PAGE (self), FALSE);
  return gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

/* ---- the photo ---- */

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
set_photo (JmInspectorPersonaPage *self,
           GBytes                 *photo)
{
  JmPersona *copy = begin_edit (self);

  if (copy == NULL)
    return;
  g_clear_pointer (&copy->photo, g_bytes_unref);
  g_clear_pointer (&copy->photo_type, g_free);
  if (photo != NULL)
    {
      copy->photo = g_bytes_ref (photo);
      copy->photo_type = g_strdup ("image/png");
    }
  end_edit (self, copy, NULL);
  jm_inspector_page_refresh (PAGE (self));
}

static void
on_photo_chosen (GtkNativeDialog *chooser,
                 int              response,
                 gpointer         user_data)
{
  JmInspectorPersonaPage *self = JM_INSPECTOR_PERSONA_PAGE (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) photo = path ? jm_inspector_load_photo (path, &error) : NULL;

      if (photo != NULL)
        set_photo (self, photo);
      else if (error != NULL && gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
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
on_choose_photo (JmInspectorPersonaPage *self)
{
  static const char * const types[] = { "image/png", "image/jpeg", NULL };

  jm_file_chooser_open (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _("Choose a Photo"),
                        _("_Choose"), _("Photos (PNG or JPEG)"), types, NULL,
                        G_CALLBACK (on_photo_chosen), g_object_ref (self));
}

static void
on_remove_photo (JmInspectorPersonaPage *self)
{
  set_photo (self, NULL);
}

/* ---- GObject ---- */

static void
jm_inspector_persona_page_dispose (GObject *object)
{
  JmInspectorPersonaPage *self = JM_INSPECTOR_PERSONA_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JM_TYPE_INSPECTOR_PERSONA_PAGE);
  g_clear_pointer (&self->channel_checks, g_ptr_array_unref);
  G_OBJECT_CLASS (jm_inspector_persona_page_parent_class)->dispose (object);
}

static void
jm_inspector_persona_page_class_init (JmInspectorPersonaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JmInspectorPageClass *page_class = JM_INSPECTOR_PAGE_CLASS (klass);

  object_class->dispose = jm_inspector_persona_page_dispose;
  page_class->refresh = jm_inspector_persona_page_refresh;

  g_type_ensure (JM_TYPE_INSPECTOR_LIST_GROUP);
  g_type_ensure (JM_TYPE_INSPECTOR_TEXT_AREA);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/jm-inspector-persona-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JmInspectorPersonaPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorPersonaPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorPersonaPage, copy_button);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorPersonaPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorPersonaPage, occupation_row);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorPersonaPage, quote_row);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorPersonaPage, age_spin);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorPersonaPage, photo_button);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorPersonaPage, remove_photo_button);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorPersonaPage, bio_area);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorPersonaPage, goals_group);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorPersonaPage, needs_group);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorPersonaPage, frustrations_group);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorPersonaPage, interests_group);
  gtk_widget_class_bind_template_child (widget_class, JmInspectorPersonaPage, channels_box);
  gtk_widget_class_bind_template_callback (widget_class, on_text_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_age_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_bio_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_list_item_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_list_items_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_photo);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_photo);
  gtk_widget_class_bind_template_callback (widget_class, jm_inspector_spin_input);
  gtk_widget_class_bind_template_callback (widget_class, jm_inspector_spin_output);

  /* Escape goes back to the map's page, like the back button. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "inspector.back", NULL);
}

static void
jm_inspector_persona_page_init (JmInspectorPersonaPage *self)
{
  self->channel_checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint c = JM_CHANNEL_NONE + 1; c < JM_N_CHANNELS; c++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (jm_channel_get_label ((JmChannel) c));

      g_signal_connect_swapped (check, "toggled", G_CALLBACK (on_channel_toggled), self);
      gtk_box_append (self->channels_box, check);
      g_ptr_array_add (self->channel_checks, check);
    }
}
