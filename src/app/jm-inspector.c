/* jm-inspector.c — the inspector: a stack of pages, one a kind of object,
 * and the page shown follows the selection. When the document changes under
 * it (undo, the canvas), the page shown refreshes once the change is
 * complete; the selection has by then moved off anything that went. */
#include "config.h"

#include <glib/gi18n.h>

#include "jm-a11y.h"
#include "jm-clipboard.h"
#include "jm-file-chooser.h"
#include "jm-inspector.h"
#include "jm-inspector-card-page.h"
#include "jm-inspector-lane-page.h"
#include "jm-inspector-map-page.h"
#include "jm-inspector-persona-page.h"
#include "jm-inspector-stage-page.h"
#include "jm-inspector-step-page.h"
#include "jm-reader.h"
#include "jm-writer.h"

struct _JmInspector {
  GtkWidget          parent_instance;

  GtkStack          *stack;
  JmInspectorPage   *map_page;
  /* Made the first time they are shown (see page_for), NULL until then. */
  JmInspectorPage   *persona_page;
  JmInspectorPage   *stage_page;
  JmInspectorPage   *step_page;
  JmInspectorPage   *lane_page;
  JmInspectorPage   *card_page;
  AdwStatusPage     *cards_page;

  JmSelection       *selection;
  gulong             selection_handler;
  JmDocument        *document;      /* the selection's */
  gulong             document_handler;
  guint              refresh_source;
  JmInspectorTarget  target;
};

G_DEFINE_FINAL_TYPE (JmInspector, jm_inspector, GTK_TYPE_WIDGET)

static JmInspectorPage *pages_of (JmInspector *self, guint i);
#define N_PAGES 6

/* ---- following the selection ---- */

/* The page for target, made now if it never was. Only the map's page is
 * in the template: a map opens on it, and each other page is hundreds of
 * widgets that GTK would build, style and measure (the stack sizes itself
 * to all its pages) before the window's first frame, for a page the user
 * may never open. */
static JmInspectorPage *
page_for (JmInspector       *self,
          JmInspectorTarget  target)
{
  JmInspectorPage **slot;
  GType type;
  const char *name;

  switch (target)
    {
    case JM_INSPECTOR_PERSONA:
      slot = &self->persona_page, type = JM_TYPE_INSPECTOR_PERSONA_PAGE, name = "persona";
      break;
    case JM_INSPECTOR_STAGE:
      slot = &self->stage_page, type = JM_TYPE_INSPECTOR_STAGE_PAGE, name = "stage";
      break;
    case JM_INSPECTOR_STEP:
      slot = &self->step_page, type = JM_TYPE_INSPECTOR_STEP_PAGE, name = "step";
      break;
    case JM_INSPECTOR_LANE:
      slot = &self->lane_page, type = JM_TYPE_INSPECTOR_LANE_PAGE, name = "lane";
      break;
    case JM_INSPECTOR_CARD:
      slot = &self->card_page, type = JM_TYPE_INSPECTOR_CARD_PAGE, name = "card";
      break;
    case JM_INSPECTOR_MAP:
    case JM_INSPECTOR_CARDS:
    default:
      return self->map_page;
    }

  if (*slot == NULL)
    {
      *slot = g_object_new (type, NULL);
      gtk_stack_add_named (self->stack, GTK_WIDGET (*slot), name);
      /* As the window names the controls of the pages it was built with. */
      jm_a11y_name_controls (GTK_WIDGET (*slot));
      jm_inspector_page_set_selection (*slot, self->selection);
    }
  return *slot;
}

static void
show_page (JmInspector       *self,
           JmInspectorTarget  target,
           GtkWidget         *page)
{
  self->target = target;
  gtk_stack_set_visible_child (self->stack, page);
}

/* A map keeps one persona at least. */
static void
update_actions (JmInspector *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inspector.remove-persona",
                                 self->document != NULL && jm_document_get_personas (self->document)->len > 1);
}

static void
show_selection (JmInspector *self)
{
  static const JmFocus map_focus = { JM_FOCUS_MAP, NULL, NULL, NULL, JM_MAP_STATE_CURRENT };
  const JmFocus *focus;
  GPtrArray *cards;
  JmInspectorPage *page;
  JmInspectorTarget target;

  update_actions (self);
  if (self->selection == NULL || self->document == NULL)
    {
      show_page (self, JM_INSPECTOR_MAP, GTK_WIDGET (self->map_page));
      return;
    }

  focus = jm_selection_get_focus (self->selection);
  cards = jm_selection_get_cards (self->selection);
  if (cards->len > 1)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Card Selected",
                                                             "%u Cards Selected", cards->len), cards->len);

      adw_status_page_set_title (self->cards_page, title);
      show_page (self, JM_INSPECTOR_CARDS, GTK_WIDGET (self->cards_page));
      return;
    }

  switch (focus->kind)
    {
    case JM_FOCUS_PERSONA:
      target = JM_INSPECTOR_PERSONA;
      break;
    case JM_FOCUS_STAGE:
      target = JM_INSPECTOR_STAGE;
      break;
    case JM_FOCUS_STEP:
    case JM_FOCUS_CELL:
    case JM_FOCUS_EMOTION:
      target = JM_INSPECTOR_STEP;
      break;
    case JM_FOCUS_LANE:
      target = JM_INSPECTOR_LANE;
      break;
    case JM_FOCUS_CARD:
      target = JM_INSPECTOR_CARD;
      break;
    case JM_FOCUS_NONE:
    case JM_FOCUS_MAP:
    default:
      target = JM_INSPECTOR_MAP;
      break;
    }
  page = page_for (self, target);

  /* Never a blank page: what the page cannot show, the map's page does. */
  if (!jm_inspector_page_show (page, page == self->map_page ? &map_focus : focus))
    {
      page = self->map_page;
      target = JM_INSPECTOR_MAP;
      jm_inspector_page_show (page, &map_focus);
    }
  show_page (self, target, GTK_WIDGET (page));
}

static gboolean
refresh_idle (gpointer data)
{
  JmInspector *self = data;
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);

  self->refresh_source = 0;
  update_actions (self);
  if (JM_IS_INSPECTOR_PAGE (page) && !jm_inspector_page_refresh (JM_INSPECTOR_PAGE (page)))
    show_selection (self);
  return G_SOURCE_REMOVE;
}

static void
on_document_changed (JmDocument  *document,
                     JmChange    *change,
                     JmInspector *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);

  /* The page's own edit: its widgets already show it. */
  if (JM_IS_INSPECTOR_PAGE (page) && jm_inspector_page_is_applying (JM_INSPECTOR_PAGE (page)))
    return;
  /* Once the whole command is applied, not once a signal. */
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle, self, NULL);
}

static void
follow_document (JmInspector *self)
{
  JmDocument *document = self->selection ? jm_selection_get_document (self->selection) : NULL;

  if (document == self->document)
    return;
  if (self->document != NULL)
    g_clear_signal_handler (&self->document_handler, self->document);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_set_object (&self->document, document);
  /* After the selection's own handler: by then it names only what is there. */
  if (document != NULL)
    self->document_handler = g_signal_connect_after (document, "changed", G_CALLBACK (on_document_changed), self);
}

static void
on_selection_changed (JmSelection *selection,
                      JmInspector *self)
{
  follow_document (self);
  show_selection (self);
}

void
jm_inspector_set_selection (JmInspector *self,
                            JmSelection *selection)
{
  g_return_if_fail (JM_IS_INSPECTOR (self));
  g_return_if_fail (selection == NULL || JM_IS_SELECTION (selection));

  if (self->selection == selection)
    return;
  if (self->selection != NULL)
    g_clear_signal_handler (&self->selection_handler, self->selection);
  g_set_object (&self->selection, selection);
  for (guint i = 0; i < N_PAGES; i++)
    if (pages_of (self, i) != NULL)
      jm_inspector_page_set_selection (pages_of (self, i), selection);
  if (selection != NULL)
    self->selection_handler = g_signal_connect (selection, "changed", G_CALLBACK (on_selection_changed), self);
  follow_document (self);
  show_selection (self);
}

JmSelection *
jm_inspector_get_selection (JmInspector *self)
{
  g_return_val_if_fail (JM_IS_INSPECTOR (self), NULL);
  return self->selection;
}

JmInspectorTarget
jm_inspector_get_target (JmInspector *self)
{
  g_return_val_if_fail (JM_IS_INSPECTOR (self), JM_INSPECTOR_MAP);
  return self->target;
}

GtkWidget *
jm_inspector_get_page (JmInspector *self)
{
  g_return_val_if_fail (JM_IS_INSPECTOR (self), NULL);
  return gtk_stack_get_visible_child (self->stack);
}

static JmInspectorPage *
pages_of (JmInspector *self,
          guint        i)
{
  JmInspectorPage *pages[N_PAGES] = {
    self->map_page, self->persona_page, self->stage_page, self->step_page, self->lane_page, self->card_page,
  };

  return i < N_PAGES ? pages[i] : NULL;
}

/* ---- personas: open, go back, add, remove ---- */

static void
action_open_persona (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  JmInspector *self = JM_INSPECTOR (widget);

  if (self->selection == NULL)
    return;
  jm_selection_focus_object (self->selection, JM_FOCUS_PERSONA, g_variant_get_string (parameter, NULL));
  /* The keyboard goes along, to the back button: the list it was in is
   * gone from view, Escape has to reach the page, and a field would have
   * its text selected for the next key to replace. */
  if (jm_inspector_get_target (self) == JM_INSPECTOR_PERSONA)
    jm_inspector_persona_page_focus_back (JM_INSPECTOR_PERSONA_PAGE (self->persona_page));
}

static void
action_back (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JmInspector *self = JM_INSPECTOR (widget);
  g_autofree char *persona = NULL;

  if (self->selection == NULL)
    return;
  if (jm_inspector_get_target (self) == JM_INSPECTOR_PERSONA)
    persona = g_strdup (jm_inspector_page_get_focus (self->persona_page)->id);
  jm_selection_focus_object (self->selection, JM_FOCUS_MAP, NULL);
  /* Back where the user left the map's page: on the persona's row. */
  if (persona != NULL)
    jm_inspector_map_page_focus_persona (JM_INSPECTOR_MAP_PAGE (self->map_page), persona);
}

static void
action_add_persona (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  JmInspector *self = JM_INSPECTOR (widget);
  g_autofree char *id = NULL;

  if (self->document == NULL)
    return;
  id = jm_document_make_id (self->document, "persona");
  jm_document_insert_persona (self->document, -1, jm_persona_new (id, _("New persona")));
  jm_selection_focus_object (self->selection, JM_FOCUS_PERSONA, id);
  /* Typing names the new persona. */
  if (jm_inspector_get_target (self) == JM_INSPECTOR_PERSONA)
    jm_inspector_persona_page_focus_name (JM_INSPECTOR_PERSONA_PAGE (self->persona_page));
}

static void
action_remove_persona (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  JmInspector *self = JM_INSPECTOR (widget);
  const char *id = g_variant_get_string (parameter, NULL);

  if (self->document != NULL && jm_document_find_persona (self->document, id) != NULL
      && jm_document_get_personas (self->document)->len > 1)
    jm_document_remove_persona (self->document, id);
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
  jm_selection_focus_object (self->selection, JM_FOCUS_PERSONA, ids[0]);
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

/* ---- GObject ---- */

static void
jm_inspector_dispose (GObject *object)
{
  JmInspector *self = JM_INSPECTOR (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->selection != NULL)
    g_clear_signal_handler (&self->selection_handler, self->selection);
  if (self->document != NULL)
    g_clear_signal_handler (&self->document_handler, self->document);
  g_clear_object (&self->selection);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), JM_TYPE_INSPECTOR);
  /* The stack held them. */
  self->persona_page = self->stage_page = self->step_page = self->lane_page = self->card_page = NULL;
  G_OBJECT_CLASS (jm_inspector_parent_class)->dispose (object);
}

static void
jm_inspector_class_init (JmInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jm_inspector_dispose;

  gtk_widget_class_install_action (widget_class, "inspector.open-persona", "s", action_open_persona);
  gtk_widget_class_install_action (widget_class, "inspector.back", NULL, action_back);
  gtk_widget_class_install_action (widget_class, "inspector.add-persona", NULL, action_add_persona);
  gtk_widget_class_install_action (widget_class, "inspector.remove-persona", "s", action_remove_persona);
  gtk_widget_class_install_action (widget_class, "inspector.copy-persona", "s", action_copy_persona);
  gtk_widget_class_install_action (widget_class, "inspector.paste-persona", NULL, action_paste_persona);
  gtk_widget_class_install_action (widget_class, "inspector.import-personas", NULL, action_import_personas);

  g_type_ensure (JM_TYPE_INSPECTOR_MAP_PAGE);
  g_type_ensure (JM_TYPE_INSPECTOR_PERSONA_PAGE);
  g_type_ensure (JM_TYPE_INSPECTOR_STAGE_PAGE);
  g_type_ensure (JM_TYPE_INSPECTOR_STEP_PAGE);
  g_type_ensure (JM_TYPE_INSPECTOR_LANE_PAGE);
  g_type_ensure (JM_TYPE_INSPECTOR_CARD_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/jm-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, JmInspector, stack);
  gtk_widget_class_bind_template_child (widget_class, JmInspector, map_page);
  gtk_widget_class_bind_template_child (widget_class, JmInspector, cards_page);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "jm-inspector");
}

static void
jm_inspector_init (JmInspector *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
jm_inspector_new (void)
{
  return g_object_new (JM_TYPE_INSPECTOR, NULL);
}
