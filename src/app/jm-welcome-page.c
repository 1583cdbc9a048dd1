/* jm-welcome-page.c — the window's empty state, as a template: the new and
 * open buttons, the maps opened last (each row opens its map through the
 * window's "win.open-recent" action) and the template gallery, whose
 * pictures are drawn by the one painter when the page is first shown. */
#include "config.h"

#include "jm-layout.h"
#include "jm-templates.h"
#include "jm-thumbnail.h"
#include "jm-welcome-page.h"

struct _JmWelcomePage {
  AdwBin      parent_instance;

  GtkButton  *empty_new_button;
  GtkButton  *empty_open_button;
  GtkListBox *recent_list;
  GtkBox     *template_gallery;
  gboolean    previews_drawn;
};

G_DEFINE_FINAL_TYPE (JmWelcomePage, jm_welcome_page, ADW_TYPE_BIN)

/* How many maps opened last are offered. */
#define N_RECENT 5

void
jm_welcome_page_update_recent (JmWelcomePage *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  g_autoptr(GPtrArray) maps = g_ptr_array_new ();
  GtkWidget *child;

  g_return_if_fail (JM_IS_WELCOME_PAGE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (g_str_has_suffix (gtk_recent_info_get_uri (info), ".journey") && gtk_recent_info_exists (info))
        g_ptr_array_add (maps, info);
    }
  /* Newest first. */
  for (guint i = 0; i < maps->len; i++)
    for (guint j = i + 1; j < maps->len; j++)
      {
        GtkRecentInfo *a = g_ptr_array_index (maps, i), *b = g_ptr_array_index (maps, j);

        if (g_date_time_compare (gtk_recent_info_get_modified (b), gtk_recent_info_get_modified (a)) > 0)
          {
            g_ptr_array_index (maps, i) = b;
            g_ptr_array_index (maps, j) = a;
          }
      }

  for (guint i = 0; i < MIN (maps->len, N_RECENT); i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (maps, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *location = gtk_recent_info_get_uri_display (info);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gtk_recent_info_get_display_name (info));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), location);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-recent");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", gtk_recent_info_get_uri (info));
      gtk_list_box_append (self->recent_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->recent_list), maps->len > 0);
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

/* The pictures of the templates, drawn when the page is first shown: a
 * window opened on a map never shows them, and drawing them would delay
 * its first frame. */
static void
draw_template_previews (JmWelcomePage *self)
{
  JmRenderOptions options;
  guint t = 0;

  if (self->previews_drawn)
    return;
  self->previews_drawn = TRUE;

  jm_render_options_init (&options);
  options.theme = adw_style_manager_get_dark (adw_style_manager_get_default ())
                  ? JM_THEME_DARK : JM_THEME_LIGHT;
  for (GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (self->template_gallery));
       button != NULL && t < JM_N_TEMPLATES; button = gtk_widget_get_next_sibling (button), t++)
    {
      GtkWidget *picture = gtk_widget_get_first_child (gtk_button_get_child (GTK_BUTTON (button)));
      g_autoptr(JmDocument) doc = jm_template_create (t);
      g_autoptr(GdkTexture) texture = jm_thumbnail_new (doc, &options, 360);

      gtk_picture_set_paintable (GTK_PICTURE (picture), GDK_PAINTABLE (texture));
    }
}

/* The templates, each with a picture of what it gives. */
static void
build_template_gallery (JmWelcomePage *self)
{
  for (guint t = 0; t < JM_N_TEMPLATES; t++)
    {
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *picture = gtk_picture_new ();
      GtkWidget *name = gtk_label_new (jm_template_get_name (t));
      GtkWidget *description = gtk_label_new (jm_template_get_description (t));

      gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
      gtk_widget_set_size_request (picture, 200, 110);
      gtk_widget_add_css_class (picture, "jm-template-preview");
      gtk_widget_add_css_class (name, "heading");
      gtk_label_set_wrap (GTK_LABEL (description), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (description), 28);
      gtk_label_set_justify (GTK_LABEL (description), GTK_JUSTIFY_CENTER);
      gtk_widget_add_css_class (description, "caption");
      gtk_widget_add_css_class (description, "dim-label");
      gtk_box_append (GTK_BOX (box), picture);
      gtk_box_append (GTK_BOX (box), name);
      gtk_box_append (GTK_BOX (box), description);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "card");
      gtk_widget_set_valign (button, GTK_ALIGN_START);
      gtk_widget_add_css_class (button, "jm-template");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.new");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", jm_template_to_string (t));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, jm_template_get_name (t),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, jm_template_get_description (t),
                                      -1);
      gtk_box_append (self->template_gallery, button);
    }
}

static void
jm_welcome_page_class_init (JmWelcomePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/jm-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JmWelcomePage, empty_new_button);
  gtk_widget_class_bind_template_child (widget_class, JmWelcomePage, empty_open_button);
  gtk_widget_class_bind_template_child (widget_class, JmWelcomePage, recent_list);
  gtk_widget_class_bind_template_child (widget_class, JmWelcomePage, template_gallery);
}

static void
jm_welcome_page_init (JmWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_template_gallery (self);
  g_signal_connect_swapped (self->template_gallery, "map", G_CALLBACK (draw_template_previews), self);
  jm_welcome_page_update_recent (self);
  /* A map opened in another window shows up here too. */
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (jm_welcome_page_update_recent), self, G_CONNECT_SWAPPED);
}
